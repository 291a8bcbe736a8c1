"""The core must know nothing of its adapters (terminal, web, database drivers)."""

from __future__ import annotations

import ast
from pathlib import Path

import twitchcare

PACKAGE = Path(twitchcare.__file__).parent
CORE = ["kb", "engine", "diary", "nutrition", "evaluation", "reports", "relax"]
FORBIDDEN = (
    "typer",
    "rich",
    "click",
    "fastapi",
    "starlette",
    "jinja2",
    "uvicorn",
    "itsdangerous",
    "babel",
    "twitchcare.cli",
    "twitchcare.web",
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_modules_never_import_adapters() -> None:
    offenders = []
    for area in CORE:
        for path in (PACKAGE / area).rglob("*.py"):
            for name in _imports(path):
                if name.split(".")[0] in FORBIDDEN or name.startswith(FORBIDDEN):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_the_web_adapter_never_imports_the_terminal_adapter() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / "web").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in ("typer", "rich", "click") or name.startswith("twitchcare.cli")
    ]
    assert offenders == []


def test_the_terminal_adapter_never_imports_the_web_adapter() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in (PACKAGE / "cli").rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in ("fastapi", "starlette", "jinja2")
        or (name.startswith("twitchcare.web") and name != "twitchcare.web.server")
    ]
    assert offenders == []
