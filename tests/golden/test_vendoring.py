"""A generated package is self-contained: copied under any name into a project that has only
httpx and pydantic installed, it imports and serves a request."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import venv
from importlib import metadata
from pathlib import Path

import pytest

from tests.support import CLIENT_PACKAGES, GENERATED

ALLOWED_ROOTS = {"httpx", "pydantic", "pydantic_core", "typing_extensions"}


def _closure(*names: str) -> set[str]:
    """Distributions needed by ``names`` (markers with extras are not followed)."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if dist.metadata["Name"].lower() in seen:
            continue
        seen.add(dist.metadata["Name"].lower())
        for requirement in dist.requires or []:
            if "extra ==" not in requirement:
                match = re.match(r"[A-Za-z0-9_.\-]+", requirement)
                if match:
                    todo.append(match.group(0))
    return seen


def _copy_distribution(name: str, site: Path) -> None:
    dist = metadata.distribution(name)
    for file in dist.files or []:
        source = Path(str(dist.locate_file(file)))
        if source.is_file() and ".." not in file.parts:
            target = site / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_imports_are_relative_stdlib_httpx_or_pydantic(package: str) -> None:
    stdlib = set(sys.stdlib_module_names)
    for path in (GENERATED / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = {(node.module or "").split(".")[0]}
            else:
                continue
            assert roots <= stdlib | ALLOWED_ROOTS, f"{path}: imports {roots - stdlib - ALLOWED_ROOTS}"


def test_a_renamed_copy_works_with_only_httpx_and_pydantic(tmp_path: Path) -> None:
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / "bin" / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    for name in sorted(_closure("httpx", "pydantic")):
        _copy_distribution(name, site)
    project = tmp_path / "app"
    shutil.copytree(GENERATED / "v2_13", project / "vendored_intercom", ignore=shutil.ignore_patterns("__pycache__"))
    script = (
        "import httpx, importlib.util, sys\n"
        "assert importlib.util.find_spec('generator') is None and importlib.util.find_spec('jinja2') is None\n"
        "import vendored_intercom as ic\n"
        "def handler(request):\n"
        "    assert request.headers['Intercom-Version'] == '2.13'\n"
        "    return httpx.Response(200, json={'type': 'contact', 'id': request.url.path.rsplit('/', 1)[1]})\n"
        "client = ic.Intercom(token='t', http_client=httpx.Client(transport=httpx.MockTransport(handler)))\n"
        "print(client.contacts.show_contact('abc').id, ic.API_VERSION)\n"
    )
    result = subprocess.run(
        [python, "-E", "-s", "-c", script], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "abc 2.13"
