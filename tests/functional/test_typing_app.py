"""Application code in the style of openai-python and Fern examples type-checks, and sends what it says.

``typing_app/app_v2_13.py`` calls the 2.13 client with keyword bodies, nested dicts, models and
``body=``; it must pass ``mypy --strict``, and each of its calls, run over ``httpx.MockTransport``,
must put exactly the JSON of ``SENT`` on the wire. ``typing_app/mistakes_v2_13.py`` holds
misspelt fields and keys, wrong value types and missing required fields: mypy must report an
error on every line marked ``# mistake`` and on no other line.
"""

from __future__ import annotations

import asyncio
import importlib.util
import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.support import GENERATED, ROOT, package_module

APP = Path(__file__).parent / "typing_app"
_ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: (?P<message>.*)$", re.MULTILINE)
_ANSWERS = {
    "/contacts": {"type": "contact", "id": "1"},
    "/contacts/search": {"type": "list", "data": [{"type": "contact", "id": "1"}], "total_count": 1},
    "/messages": {"type": "user_message", "id": "1", "created_at": 1, "body": "Hello", "message_type": "email"},
    "/notes": {"type": "note", "id": "1"},
    "/companies": {"type": "company", "id": "1"},
    "/reply": {"type": "conversation", "id": "1"},
}


@pytest.fixture(scope="module")
def mypy_errors() -> dict[str, list[tuple[int, str]]]:
    env = {**os.environ, "MYPYPATH": str(GENERATED)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--show-error-codes",
            "app_v2_13.py",
            "mistakes_v2_13.py",
        ],
        cwd=APP,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "error: Cannot find implementation" not in result.stdout, result.stdout
    errors: dict[str, list[tuple[int, str]]] = {}
    for match in _ERROR.finditer(result.stdout):
        errors.setdefault(Path(match["file"]).name, []).append((int(match["line"]), match["message"]))
    return errors


def test_the_application_passes_mypy_strict(mypy_errors: dict[str, list[tuple[int, str]]]) -> None:
    assert mypy_errors.get("app_v2_13.py", []) == []


def test_mypy_flags_every_mistake_and_nothing_else(mypy_errors: dict[str, list[tuple[int, str]]]) -> None:
    lines = (APP / "mistakes_v2_13.py").read_text(encoding="utf-8").splitlines()
    marked = {number for number, line in enumerate(lines, 1) if re.search(r"  # mistake: ", line)}
    flagged = {number for number, _ in mypy_errors.get("mistakes_v2_13.py", [])}
    assert flagged == marked, mypy_errors.get("mistakes_v2_13.py")


def _app() -> ModuleType:
    package_module("v2_13")  # puts generated/ on sys.path
    spec = importlib.util.spec_from_file_location("app_v2_13", APP / "app_v2_13.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _handler(sent: list[httpx.Request]) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        answer = next((a for suffix, a in _ANSWERS.items() if request.url.path.endswith(suffix)), {"type": "contact"})
        return httpx.Response(200, json=answer)

    return handle


@pytest.mark.parametrize("name", sorted(_app().SENT))
def test_each_call_sends_exactly_the_json_it_says(name: str) -> None:
    app = _app()
    package = package_module("v2_13")
    sent: list[httpx.Request] = []
    function = getattr(app, name)
    if inspect.iscoroutinefunction(function):
        client: Any = package.AsyncIntercom(
            token="t", http_client=httpx.AsyncClient(transport=httpx.MockTransport(_handler(sent)))
        )
        asyncio.run(function(client))
    else:
        client = package.Intercom(token="t", http_client=httpx.Client(transport=httpx.MockTransport(_handler(sent))))
        function(client)
    method, path, body = app.SENT[name]
    assert [(r.method, r.url.path) for r in sent] == [(method, path)]
    assert json.loads(sent[0].content) == body


def test_the_app_files_are_not_collected_as_tests() -> None:
    assert not any(p.name.startswith("test_") for p in APP.iterdir())
    assert ROOT in APP.parents
