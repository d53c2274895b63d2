"""Every operation of every generated client, called through the client against Prism.

Prism serves each version's spec (``intercom-gen spec``) with its examples and validates every
request against it. For each operation, through the sync and the async client alike:

- Prism accepts the request (no violation in ``sl-violations``, none of its own error bodies);
- the 2xx answer (the status the method expects, asked for with ``Prefer: code=...``) parses
  into the method's return type;
- without a token the call raises ``AuthenticationError`` for Prism's 401.

Exceptions are listed below with their cause, and asserted: a listed operation that starts to
pass (or fails in another way) fails its test, so the lists cannot go stale.
"""

from __future__ import annotations

import dataclasses

import pytest
from operation_calls import MINIMAL, build_call
from prism_calls import Attempt, Wire, call_async, call_sync, conforms
from prism_ledger import Outcome, record, record_substitution
from prism_server import PrismPool
from pydantic import ValidationError

from generator.ir.model import Operation
from tests.support import CLIENT_PACKAGES, api_for, package_module

_EVENTS = (
    "query.filter: Request query parameter filter must have required property 'user_id'",
    "Prism limitation: `filter` is an exploded (form) object parameter whose schema is only a oneOf; Prism "
    "collects an exploded object's fields from its top-level `properties`, finds none, and rejects every "
    "request. The client sends `?user_id=...&type=...` as OpenAPI's form/explode style prescribes.",
)
_CONVERSATIONS = (
    'body.from.id: Request body property from.id must match format "uuid"',
    "spec defect: `from.id` is `format: uuid` and also `minLength: 24, maxLength: 24`; no string is both "
    "(a UUID has 36 characters, Intercom ids have 24), so no request to this operation can be valid.",
)
# (package, "METHOD path") -> (what Prism reports, cause): requests Prism rejects
NOT_ACCEPTED: dict[tuple[str, str], tuple[str, str]] = {
    **{(package, "GET /events"): _EVENTS for package in CLIENT_PACKAGES},
    **{(package, "POST /conversations"): _CONVERSATIONS for package in CLIENT_PACKAGES},
}
# (package, "METHOD path") -> (what the call raises, cause): accepted requests whose answer cannot parse
NOT_PARSED: dict[tuple[str, str], tuple[str, str]] = {
    ("unstable", "POST /tickets/{ticket_id}/change_type"): (
        "ResponseValidationError",
        "spec defect: the only 200 example gives `ticket_state` as a string; the schema says it is a "
        "`ticket_state` object (also listed in tests/functional/test_examples_parse.py)",
    ),
    ("unstable", "GET /fin_voice/phone_number/{phone_number}"): (
        "but the body is an Intercom error list",
        "spec defect: no success answer is described (only 401, 404 and a `default` error); Prism answers "
        "200 with the error example, which the client raises as the error it describes",
    ),
}
_MESSAGES = (
    MINIMAL,
    "spec defect: no request example fits the schema (`from.type` is `user` or `lead` where the schema allows "
    "`admin`, `from.id` is a string where it says integer, `message_type` is `conversation` or `inapp`)",
)
_CONVERT = (
    MINIMAL,
    "spec defect: the example's `user` has only `email`; the schema requires `id` or `user_id`",
)
# (package, "METHOD path") -> (body to send instead of the preferred example, why)
BODY_CHOICES: dict[tuple[str, str], tuple[str, str]] = {
    **{(package, "POST /messages"): _MESSAGES for package in CLIENT_PACKAGES},
    **{(package, "POST /visitors/convert"): _CONVERT for package in CLIENT_PACKAGES},
    ("v2_11", "POST /articles"): (
        MINIMAL,
        "spec defect: the example's `translated_content.fr` has no `type`, which the schema requires",
    ),
    ("v2_13", "PUT /data_attributes/{id}"): (
        "has_dependant_object",
        "spec defect: the `successful` example sends `options` as objects; the schema says strings",
    ),
    ("unstable", "PUT /data_attributes/{id}"): (
        "has_dependant_object",
        "spec defect: the body is a `oneOf` whose second alternative allows anything, so any body with "
        "`options` (as in the `successful` example) matches both and is invalid",
    ),
}


def _cases() -> list[object]:
    return [
        pytest.param(package, op.key, id=f"{package}-{op.key}")
        for package in CLIENT_PACKAGES
        for op in api_for(package).operations
    ]


def _operation(package: str, key: str) -> Operation:
    method, path = key.split(" ", 1)
    return api_for(package).operation(method, path)


def _check_substitution_is_needed(wire: Wire, package: str, op: Operation, base_url: str) -> None:
    """The preferred example must really fail: the model refuses it, or Prism rejects it."""
    try:
        preferred = build_call(package, api_for(package), op)
    except ValidationError:
        return
    attempt = call_sync(wire, package, op, base_url, preferred)
    assert attempt.rejection is not None, f"{op.key}: the spec's example is accepted now; drop it from BODY_CHOICES"


def _judge(package: str, op: Operation, attempt: Attempt) -> tuple[bool, bool, str]:
    """(accepted, parsed, what went wrong) for one call."""
    rejection = attempt.rejection
    if rejection is not None:
        return False, False, f"Prism rejected the request: {rejection}"
    if attempt.error is not None:
        return True, False, f"the call raised {type(attempt.error).__name__}: {attempt.error}"
    if not conforms(package, op, attempt.value):
        return True, False, f"returned {type(attempt.value).__name__}, not {op.result.annotation}"
    return True, True, ""


@pytest.mark.parametrize(("package", "key"), _cases())
def test_operation_against_prism(
    prism: PrismPool, wire: Wire, package: str, key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTERCOM_ACCESS_TOKEN", raising=False)
    base_url = prism.url(package)
    api = api_for(package)
    op = _operation(package, key)
    choice, substitution = BODY_CHOICES.get((package, key), (None, None))
    if substitution is not None:
        _check_substitution_is_needed(wire, package, op, base_url)
        record_substitution(package, key, substitution)
    call = build_call(package, api, op, choice)
    verdicts = [_judge(package, op, call_sync(wire, package, op, base_url, call))]
    verdicts.append(_judge(package, op, call_async(wire, package, op, base_url, call)))
    anonymous = call_sync(wire, package, op, base_url, dataclasses.replace(call, prefer=""), token=None)
    unauthorized = isinstance(anonymous.error, package_module(package).AuthenticationError)
    listed = NOT_ACCEPTED.get((package, key), (None, None))[1] or NOT_PARSED.get((package, key), (None, None))[1]
    record(
        package,
        key,
        Outcome(all(v[0] for v in verdicts), all(v[1] for v in verdicts), unauthorized, listed),
        len(api.operations),
    )

    assert unauthorized, f"without a token: {anonymous.error!r} (status {anonymous.response.status_code})"
    assert anonymous.response.status_code == 401
    for accepted, parsed, problem in verdicts:
        if (package, key) in NOT_ACCEPTED:
            expected = NOT_ACCEPTED[(package, key)][0]
            assert not accepted and expected in problem, f"listed as not accepted ({expected}), but: {problem!r}"
        elif (package, key) in NOT_PARSED:
            assert accepted and not parsed, f"listed as not parsing, but: {problem or 'it parses'}"
            assert NOT_PARSED[(package, key)][0] in problem, problem
        else:
            assert accepted and parsed, problem


def test_every_operation_of_every_client_is_a_case() -> None:
    keys = {(c.values[0], c.values[1]) for c in _cases()}  # type: ignore[attr-defined]
    expected = {(p, op.key) for p in CLIENT_PACKAGES for op in api_for(p).operations}
    assert keys == expected
    assert {p: sum(1 for k in keys if k[0] == p) for p in CLIENT_PACKAGES} == {
        "v2_11": 108,
        "v2_13": 133,
        "unstable": 189,
    }
    listed = set(NOT_ACCEPTED) | set(NOT_PARSED) | set(BODY_CHOICES)
    assert listed <= expected, sorted(listed - expected)
