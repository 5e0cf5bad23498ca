"""Does every runtime dependency install from wheels on the machines we ship for?

    python packaging/check_wheels.py [--json]

Asks the package registry (through pip, so its index settings apply) to resolve the runtime
dependencies of pyproject.toml, wheels only, for each target below: a dependency with wheels
for Linux alone (as `sqlcipher3-binary` was) cannot come back unnoticed. Nothing is
installed; pip reads only the packages' metadata. Exit 0 when every required target
resolves, 1 with pip's reason otherwise; the macOS line is information.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Target:
    name: str
    platforms: tuple[str, ...]
    python: str
    required: bool = True


TARGETS = (
    Target("Windows x64, Python 3.12 (the installer's)", ("win_amd64",), "3.12"),
    Target(
        "Linux x86_64, Python 3.12",
        # glibc 2.34 or later (Debian 12, Ubuntu 22.04 and newer); pip takes the tags as listed
        ("manylinux_2_34_x86_64", "manylinux_2_28_x86_64", "manylinux_2_17_x86_64"),
        "3.12",
    ),
    Target("macOS arm64, Python 3.12", ("macosx_14_0_arm64", "macosx_11_0_arm64"), "3.12", False),
)


def dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def resolve(target: Target, requirements: list[str]) -> tuple[bool, str]:
    """Whether pip resolves ``requirements`` to wheels for ``target``; the pins or pip's reason."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        platforms = [arg for p in target.platforms for arg in ("--platform", p)]
        cmd = [
            sys.executable, "-m", "pip", "install", "--dry-run", "--quiet",
            "--ignore-installed", "--only-binary=:all:", "--implementation", "cp",
            "--python-version", target.python, *platforms,
            "--target", str(Path(tmp) / "target"), "--report", str(report),
            *requirements,
        ]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            missing = [ln for ln in done.stderr.splitlines() if "No matching distribution" in ln]
            return False, "; ".join(missing) or done.stderr[-1500:]
        chosen = json.loads(report.read_text(encoding="utf-8"))["install"]
        pins = sorted(f"{i['metadata']['name']}=={i['metadata']['version']}" for i in chosen)
        return True, ", ".join(pins)


def main(argv: list[str]) -> int:
    requirements = dependencies()
    with ThreadPoolExecutor(len(TARGETS)) as pool:
        answers = list(pool.map(lambda t: resolve(t, requirements), TARGETS))
    results = [
        {"target": t.name, "ok": ok, "required": t.required, "detail": detail}
        for t, (ok, detail) in zip(TARGETS, answers, strict=True)
    ]
    if "--json" in argv:
        print(json.dumps(results, indent=2, ensure_ascii=False))
    else:
        for r in results:
            mark = "ok  " if r["ok"] else ("FAIL" if r["required"] else "none")
            print(f"{mark}  {r['target']}: {r['detail']}")
    return 0 if all(r["ok"] for r in results if r["required"]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
