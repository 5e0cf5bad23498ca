"""``antt person photo ID --set FILE | --remove | --out FILE``."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image

from tests.pictures import png_bomb, portrait


def _person(post) -> str:  # type: ignore[no-untyped-def]
    r = post("person", "add", "--name", "Đinh Văn Ảnh", "--born", "1979", "--json")
    assert r.code == 0, r.err
    return str(r.json["id"])


def test_set_save_and_remove_a_photo(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _person(post)
    chosen = tmp_path / "anh.png"
    chosen.write_bytes(portrait(1500, 2000, "PNG"))
    r = post("person", "photo", pid, "--set", str(chosen))
    assert r.code == 0, r.err
    assert "Đã lưu." in r.out and "Ảnh: 600×800 điểm ảnh" in r.out
    out = tmp_path / "ra.jpg"
    r = post("person", "photo", pid, "--out", str(out))
    assert r.code == 0, r.err
    assert r.out.strip() == f"Đã lưu ảnh vào {out}."
    assert Image.open(BytesIO(out.read_bytes())).size == (600, 800)
    r = post("person", "photo", pid, "--remove")
    assert (r.code, r.out.strip()) == (0, "Đã xóa ảnh.")
    r = post("person", "photo", pid, "--out", str(tmp_path / "khong.jpg"))
    assert (r.code, r.out.strip()) == (1, "Chưa có ảnh.")
    assert not (tmp_path / "khong.jpg").exists()


def test_a_refused_picture_names_the_problem_and_writes_nothing(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pid = _person(post)
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(png_bomb())
    r = post("person", "photo", pid, "--set", str(bomb))
    assert r.code == 3
    assert "Ảnh: ảnh quá lớn, không mở được" in r.err
    r = post("--lang", "en", "person", "photo", pid, "--set", str(tmp_path / "none.jpg"))
    assert (r.code, r.err.splitlines()[-1].strip()) == (
        3,
        "- Photo: the file none.jpg cannot be read",
    )
    r = post("person", "photo", pid, "--out", str(tmp_path / "x.jpg"))
    assert r.code == 1  # still no photo


def test_set_remove_and_out_are_one_at_a_time(post) -> None:  # type: ignore[no-untyped-def]
    pid = _person(post)
    assert post("person", "photo", pid).code == 2
    assert post("person", "photo", pid, "--remove", "--out", "x.jpg").code == 2
