"""Rules for the runtime package as a whole: banner, exports, imports and size."""

from __future__ import annotations

import ast
import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import runtime

RUNTIME_DIR = Path(runtime.__file__).parent
RUNTIME_FILES = sorted(RUNTIME_DIR.glob("*.py"))
BANNER = (
    "# This file is part of the intercom-clientgen runtime and is copied into every generated package. "
    "Do not edit the copy."
)
ALLOWED_THIRD_PARTY = {"httpx", "pydantic"}


def _ruff_sort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 wants: CONSTANTS, then Classes, then functions."""
    if name.isupper():
        return (0, name)
    if name[0].isupper():
        return (1, name)
    return (2, name)


def test_runtime_files_exist() -> None:
    names = {path.name for path in RUNTIME_FILES}
    assert {
        "__init__.py",
        "_client.py",
        "_errors.py",
        "_options.py",
        "_retry.py",
        "_response.py",
        "_pagination.py",
        "_resource.py",
        "_encode.py",
        "_parse.py",
    } <= names


@pytest.mark.parametrize("path", RUNTIME_FILES, ids=lambda p: p.name)
def test_every_file_starts_with_the_banner(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == BANNER


@pytest.mark.parametrize("path", RUNTIME_FILES, ids=lambda p: p.name)
def test_imports_are_relative_or_allowed(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            roots = [str(node.module).split(".")[0]]
        elif isinstance(node, ast.Import):
            roots = [alias.name.split(".")[0] for alias in node.names]
        else:
            continue
        for root in roots:
            allowed = root in sys.stdlib_module_names or root in ALLOWED_THIRD_PARTY or root == "__future__"
            assert allowed, root
            assert root != "generator"


@pytest.mark.parametrize("path", RUNTIME_FILES, ids=lambda p: p.name)
def test_no_model_classes_are_defined_by_the_runtime(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    bases = {ast.unparse(base) for node in classes for base in node.bases}
    assert "BaseModel" not in bases


def test_all_is_sorted() -> None:
    assert runtime.__all__ == sorted(runtime.__all__, key=_ruff_sort_key)
    assert len(set(runtime.__all__)) == len(runtime.__all__)


def test_all_is_complete() -> None:
    exported: set[str] = set()
    for path in RUNTIME_FILES:
        if path.name == "__init__.py":
            continue
        module = importlib.import_module(f"generator.runtime.{path.stem}")
        exported.update(getattr(module, "__all__", ()))
    assert set(runtime.__all__) == exported
    for name in runtime.__all__:
        assert getattr(runtime, name) is not None


def test_public_classes_and_functions_are_documented() -> None:
    for name in runtime.__all__:
        obj = getattr(runtime, name)
        if callable(obj) and isinstance(obj, type | type(test_all_is_sorted)):
            assert obj.__doc__, name


def test_importing_the_runtime_loads_nothing_beyond_httpx_and_pydantic() -> None:
    script = (
        "import sys, json\n"
        "import httpx, pydantic\n"
        "from pydantic import BaseModel\n"
        "before = set(sys.modules)\n"
        "import generator.runtime\n"
        "from generator.runtime import _parse\n"
        "new = sorted(m for m in set(sys.modules) - before if not m.startswith('generator'))\n"
        "print(json.dumps({'new': new, 'adapters': len(_parse._adapters)}))\n"
    )
    root = RUNTIME_DIR.parent.parent
    result = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == {"new": [], "adapters": 0}


def test_a_verbatim_copy_works_as_a_subpackage(tmp_path: Path) -> None:
    package = tmp_path / "v2_13"
    shutil.copytree(RUNTIME_DIR, package / "_runtime", ignore=shutil.ignore_patterns("__pycache__"))
    (package / "__init__.py").write_text(
        "from typing import ClassVar\n"
        "from ._runtime import SyncAPIClient\n\n"
        "class Intercom(SyncAPIClient):\n"
        "    api_version: ClassVar[str] = '2.13'\n"
        "    servers = {'us': 'https://api.intercom.io', 'eu': 'https://api.eu.intercom.io'}\n",
        encoding="utf-8",
    )
    script = (
        "import sys\n"
        "import v2_13\n"
        "client = v2_13.Intercom('t', region='eu')\n"
        "assert client.base_url == 'https://api.eu.intercom.io'\n"
        "assert not any(name.startswith('generator') for name in sys.modules)\n"
        "print(type(client).__mro__[1].__module__)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "v2_13._runtime._client"


def _runtime_imports(path: Path) -> set[str]:
    """The runtime modules ``path`` imports, anywhere in the file (``TYPE_CHECKING`` blocks included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                names.add(node.module)
            else:
                names.update(alias.name for alias in node.names)
    return names


def test_runtime_modules_do_not_import_each_other_in_a_cycle() -> None:
    graph = {path.stem: _runtime_imports(path) for path in RUNTIME_FILES if path.name != "__init__.py"}
    done: set[str] = set()

    def visit(module: str, trail: tuple[str, ...]) -> None:
        assert module not in trail, " -> ".join((*trail, module))
        if module in done:
            return
        for imported in graph.get(module, ()):
            visit(imported, (*trail, module))
        done.add(module)

    for module in graph:
        visit(module, ())


@pytest.mark.parametrize("path", RUNTIME_FILES, ids=lambda p: p.name)
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            assert node.end_lineno - node.lineno + 1 <= 50, node.name
