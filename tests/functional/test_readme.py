"""The README's session with the 2.13 client runs as written, against a fake Intercom.

The fake answers like Intercom, with the spec's own examples: the contact, a list of contacts
in two pages (the first one pointing to the second with ``pages.next.starting_after``), an
Intercom error body for an unknown contact, and ``429 Too Many Requests`` with ``Retry-After``
for the admins. The client is the README's own code; only its HTTP transport is replaced and
its waits between retries are recorded instead of slept.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support import ROOT, api_for, package_module

PACKAGE = "v2_13"
HEADING = "## A short session with the 2.13 client"


def readme_session() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(HEADING, 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the README section has no python block"
    return match.group(1)


def _example(method: str, path: str) -> dict[str, Any]:
    op = api_for(PACKAGE).operation(method, path)
    response = next(r for r in op.responses if r.status == op.result.status)
    return dict(next(iter(response.examples.values())))


def _contact_id_example() -> str:
    """The id the spec gives as the example of ``GET /contacts/{id}``'s path parameter."""
    parameters = api_for(PACKAGE).spec["paths"]["/contacts/{id}"]["get"]["parameters"]
    return str(next(p["example"] for p in parameters if p.get("name") == "id"))


class FakeIntercom:
    def __init__(self) -> None:
        self.contact_id = _contact_id_example()
        self.contact = _example("get", "/contacts/{id}")
        pages = {"type": "pages", "page": 1, "per_page": 1, "total_pages": 2}
        first = {**self.contact, "id": "first-page-contact"}
        second = {**self.contact, "id": "second-page-contact"}
        next_page = {"next": {"starting_after": "c2"}}
        self.first_page = {"type": "list", "data": [first], "total_count": 2, "pages": {**pages, **next_page}}
        self.second_page = {"type": "list", "data": [second], "total_count": 2, "pages": {**pages, "page": 2}}
        self.requests: list[httpx.Request] = []

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if path == "/contacts/" + self.contact_id:
            return httpx.Response(200, json=self.contact)
        if path.startswith("/contacts/"):
            error = {"code": "not_found", "message": "User Not Found"}
            return httpx.Response(404, json={"type": "error.list", "request_id": "r-404", "errors": [error]})
        if path == "/contacts":
            cursor = request.url.params.get("starting_after")
            return httpx.Response(200, json=self.second_page if cursor == "c2" else self.first_page)
        if path == "/admins":
            error = {"code": "rate_limit_exceeded", "message": "Exceeded rate limit"}
            body = {"type": "error.list", "errors": [error]}
            return httpx.Response(429, json=body, headers={"Retry-After": "2"})
        return httpx.Response(500, text=f"unexpected {request.method} {path}")


def test_the_readme_session_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    module = package_module(PACKAGE)
    fake = FakeIntercom()
    waits: list[float] = []
    monkeypatch.setenv("INTERCOM_ACCESS_TOKEN", "readme-token")
    monkeypatch.setattr(module.Intercom, "_make_http_client", lambda self: httpx.Client(transport=fake.transport()))
    monkeypatch.setattr(module._runtime._retry, "sleep", waits.append)

    exec(compile(readme_session(), "README.md", "exec"), {"__name__": "readme"})  # noqa: S102 - our own README

    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        f"fetched {fake.contact['name']} {fake.contact['email']}",
        "listed first-page-contact",
        "listed second-page-contact",
        "not found: not_found",
        "rate limited; retry in 2.0 seconds",
    ]
    assert waits == [2.0, 2.0, 2.0]  # max_retries=3, each wait as Retry-After said
    assert [r.url.path for r in fake.requests].count("/admins") == 4
    assert all(r.headers["Authorization"] == "Bearer readme-token" for r in fake.requests)
    assert all(r.headers["Intercom-Version"] == "2.13" for r in fake.requests)
    assert fake.requests[0].url.path == f"/contacts/{fake.contact_id}"
    assert fake.requests[0].url.path == f"/contacts/{fake.contact_id}"
    assert fake.requests[2].url.params["starting_after"] == "c2"


def test_the_readme_names_only_what_the_package_exports() -> None:
    module = package_module(PACKAGE)
    imported = re.search(r"from v2_13 import (.+)", readme_session())
    assert imported is not None
    for name in (n.strip() for n in imported.group(1).split(",")):
        assert name in module.__all__, name
    assert Path(module.__file__).parent == ROOT / "generated" / PACKAGE
