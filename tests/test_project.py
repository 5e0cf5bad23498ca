"""The project's own promises: the packaging lists every package, CI runs the README's
test command, and generated Qt forms match their Designer sources."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "antt_desktop").rglob("__init__.py")
    }
    assert found - listed == set()


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line for line in ci.splitlines() if "python -m tests" in line)
    assert command.strip() in (ROOT / "README.md").read_text(encoding="utf-8")


FORMS = sorted((ROOT / "ui").glob("*.ui"))


@pytest.mark.parametrize("form", FORMS, ids=[f.stem for f in FORMS])
def test_generated_form_matches_its_designer_source(form: Path) -> None:
    generated = ROOT / "antt_desktop" / "gui" / "forms" / f"ui_{form.stem}.py"
    assert generated.exists(), f"run pyside6-uic for {form.name}"
    uic = Path(sys.executable).parent / "pyside6-uic"
    fresh = subprocess.run([str(uic), str(form)], capture_output=True, text=True, check=True)
    assert fresh.stdout == generated.read_text(encoding="utf-8")


def test_no_module_imports_itself_through_others() -> None:
    """No import cycle anywhere, type-checking imports included: a cycle means two modules
    are one idea, or one reaches up a layer (import-linter's contracts see only layers)."""
    import grimp

    graph = grimp.build_graph("antt_desktop", exclude_type_checking_imports=False)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if module < imported and graph.chain_exists(imported, module):
                path = graph.find_shortest_chain(imported, module) or ()
                cycles.append(" -> ".join([module, *path]))

    assert cycles == []
