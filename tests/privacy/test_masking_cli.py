"""The command line shows what the account's role may see: lists masked for everyone,
``person show`` and ``dossier show`` in full only for roles that may read sensitive data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.privacy.conftest import ID_NUMBER, MASKED


def _resident(post: Callable[..., Any]) -> tuple[str, str]:
    person = post(
        "person", "add", "--name", "Nguyễn Văn Đức", "--born", "12/03/1990", "--sex", "M",
        "--id-number", ID_NUMBER, "--legacy-id", "012345678", "--json",
    ).json  # fmt: skip
    dossier = post(
        "dossier", "open", "--person", person["id"], "--category", "DRUG_USER",
        "--opened", "05/09/2026", "--json",
    )  # fmt: skip
    assert dossier.code == 0, dossier.err
    assert post("user", "add", "xem1", "--role", "viewer").code == 0
    return person["id"], dossier.json["id"]


def test_viewer_sees_masked_values_and_is_told_why(post: Callable[..., Any]) -> None:
    person_id, dossier_id = _resident(post)
    shown = post("--user", "xem1", "person", "show", person_id)
    assert shown.code == 0, shown.err
    assert MASKED in shown.out and ID_NUMBER not in shown.out and "012345678" not in shown.out
    assert "Không hiển thị với tài khoản của đồng chí" in shown.out
    dossier = post("--user", "xem1", "dossier", "show", dossier_id, "--json")
    assert dossier.json["person"]["id_number"] == MASKED
    assert post("--user", "xem1", "search", ID_NUMBER).out.strip() == "Không tìm thấy kết quả nào."


def test_lists_mask_and_the_opened_record_shows_the_number(post: Callable[..., Any]) -> None:
    person_id, dossier_id = _resident(post)
    listed = post("dossier", "list")
    assert MASKED in listed.out and ID_NUMBER not in listed.out
    assert post("dossier", "list", "--json").json[0]["id_number"] == MASKED
    assert ID_NUMBER in post("person", "show", person_id).out
    assert post("dossier", "show", dossier_id, "--json").json["person"]["id_number"] == ID_NUMBER


def test_risk_notes_and_violations_are_withheld_from_viewers(post: Callable[..., Any]) -> None:
    person_id, dossier_id = _resident(post)
    assert post("dossier", "edit", dossier_id, "--risk-notes", "Hay tụ tập ở bến xe").code == 0
    added = post(
        "dossier", "violation", "--person", person_id, "--dossier", dossier_id,
        "--date", "10/10/2026", "--kind", "administrative",
        "--description", "Đánh bạc tại nhà riêng",
    )  # fmt: skip
    assert added.code == 0, added.err
    seen = post("--user", "xem1", "dossier", "show", dossier_id)
    assert "Hay tụ tập" not in seen.out and "Đánh bạc" not in seen.out
    record = post("--user", "xem1", "dossier", "show", dossier_id, "--json").json
    assert record["risk_notes"] is None
    assert [v["description"] for v in record["violations"]] == [None]
    officer = post("dossier", "show", dossier_id)
    assert "Hay tụ tập ở bến xe" in officer.out and "Đánh bạc tại nhà riêng" in officer.out
