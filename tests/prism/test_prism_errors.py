"""Error answers the spec documents, served by Prism, raise their typed errors.

For each documented 4xx/5xx status with a JSON example, the first ``PER_STATUS`` operations that
declare it (in spec order) are called asking Prism for that status (``Prefer: code=...``). Each
call must raise the class the runtime maps the status to (``NotFoundError`` for 404...), with
Intercom's error body parsed from the spec's example. (The 401 of every operation is checked in
test_prism_operations.py.)
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from operation_calls import MINIMAL, build_call
from prism_calls import Wire, call_sync
from prism_server import PrismPool
from pydantic import ValidationError
from test_prism_operations import BODY_CHOICES, NOT_ACCEPTED

from generator.runtime._errors import status_error_class
from tests.support import CLIENT_PACKAGES, api_for, package_module

PER_STATUS = 6
# (package, "METHOD path", status) -> why Prism cannot serve that error to the client
NOT_NEGOTIABLE: dict[tuple[str, str, str], str] = {
    ("unstable", "GET /download/reporting_data/{job_identifier}", "404"): (
        "the spec makes `Accept: application/octet-stream` a required header with that single value, and the "
        "404 answer is JSON; Prism negotiates by Accept and answers 200 instead"
    ),
}


def _documented_errors(package: str) -> list[tuple[Any, str, Any]]:
    """(operation, status, first example) for the documented JSON error answers tested here."""
    found = []
    taken: dict[str, int] = {}
    for op in api_for(package).operations:
        if (package, op.key) in NOT_ACCEPTED:
            continue  # Prism rejects these requests before it looks at the preferred status
        for response in op.responses:
            if not (response.status.isdigit() and int(response.status) >= 400 and response.examples):
                continue
            listed = (package, op.key, response.status) in NOT_NEGOTIABLE
            if listed or taken.get(response.status, 0) < PER_STATUS:
                taken[response.status] = taken.get(response.status, 0) + 1
                found.append((op, response.status, next(iter(response.examples.values()))))
    return found


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_documented_errors_raise_their_typed_exception(prism: PrismPool, wire: Wire, package: str) -> None:
    base_url = prism.url(package)
    module = package_module(package)
    cases = _documented_errors(package)
    problems = []
    for op, status, example in cases:
        choice = BODY_CHOICES.get((package, op.key), (None, ""))[0]
        try:
            built = build_call(package, api_for(package), op, choice)
        except ValidationError:  # the typed body refuses the spec's example: any valid body will do here
            built = build_call(package, api_for(package), op, MINIMAL)
        call = dataclasses.replace(built, prefer=f"code={status}")
        error = call_sync(wire, package, op, base_url, call).error
        if (package, op.key, status) in NOT_NEGOTIABLE:
            assert error is None, f"{op.key} {status} is listed as not negotiable, but raised {error!r}"
            continue
        expected = status_error_class(int(status))
        if type(error).__name__ != expected.__name__ or not isinstance(error, module.APIStatusError):
            problems.append(f"{op.key} {status}: expected {expected.__name__}, got {error!r}")
            continue
        if error.status_code != int(status):
            problems.append(f"{op.key} {status}: status_code {error.status_code}")
        if isinstance(example, dict) and example.get("type") == "error.list":
            codes = [e.get("code") for e in example.get("errors") or []]
            if error.body is None or [e.code for e in error.body.errors] != codes:
                problems.append(f"{op.key} {status}: body {error.body!r}, example codes {codes}")
    assert not problems, "\n".join(problems)
    statuses = {status for _, status, _ in cases}
    assert {"400", "401", "404"} <= statuses, statuses
    assert len(cases) >= 3 * PER_STATUS, len(cases)
