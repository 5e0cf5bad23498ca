"""``antt import --kind KIND --template FILE`` lists the columns read and saves a template
that ``antt import`` then takes as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def test_the_template_from_the_command_line_imports_as_it_is(post: Any, tmp_path: Path) -> None:
    target = tmp_path / "mau.xlsx"
    made = post("import", "--kind", "persons", "--template", str(target))
    assert made.code == 0, made.err
    assert "Họ và tên *" in made.out and "Đã lưu tệp mẫu vào" in made.out
    shown = post("import", "--kind", "households", "--json")
    assert shown.code == 2  # no list named: the columns are shown, nothing is done
    assert [c["header"] for c in shown.json["columns"] if c["required"]] == ["Số hộ"]
    done = post("import", str(target), "--kind", "persons", "--json")
    assert done.code == 0, done.err
    assert done.json["imported"] == 1 and done.json["refused"] == []
