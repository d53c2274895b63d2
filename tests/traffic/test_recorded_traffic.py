"""Recorded Intercom traffic replayed through every generated client's public API.

The corpus (``corpus/``, provenance in ``corpus/MANIFEST.yaml``) holds bodies the live API sent or
accepted, collected from public repositories; none comes from Intercom's OpenAPI examples.

- Every recorded success response returns a value in the default (tolerant) mode, of the type
  the method declares.
- In strict mode every one parses without drift: the specs' defects that the recordings show are
  corrected by the overlays in ``specs/overlays/``. A payload that still drifts must be listed in
  ``REMAINING_DRIFT`` with its cause (the list is exact: an entry that stops drifting fails too).
- Recorded error responses raise their typed error.
- Recorded request bodies are sent exactly as given, as dicts and as typed models; a typed model
  either reproduces the body byte for byte or refuses it before sending (listed in ``REFUSED``).
"""

from __future__ import annotations

import json
import logging
import re
import typing
from collections.abc import Iterator
from typing import Any

import pydantic
import pytest
import yaml

from generator.spec.overlays import load_overlay
from generator.spec.registry import load_registry
from tests.support import CLIENT_PACKAGES, annotation_type, api_for, package_module
from tests.traffic.replay import CORPUS, MANIFEST, Payload, find_operation, payloads, replay_response, send_request

# (package, corpus file) -> why its strict replay still drifts. Empty: every recorded defect is corrected.
REMAINING_DRIFT: dict[tuple[str, str], str] = {}
# corpus file -> why every client's typed request model refuses the recorded body (it is sent as a dict).
REFUSED: dict[str, str] = {
    f"hull-connectors/insert-leads--post-events-request{suffix}.json": (
        "a hand-written fixture sends `created_at` as a string; the spec says integer and no recording shows"
        " the API accepting a string"
    )
    for suffix in ("", "-2")
}


@pytest.fixture(autouse=True)
def _quiet_drift_log(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    with caplog.at_level(logging.ERROR, logger="intercom.drift"):
        yield


def _cases(direction: str) -> list[Any]:
    return [
        pytest.param(package, payload, id=f"{package}|{payload.file}")
        for package in CLIENT_PACKAGES
        for payload in payloads()
        if payload.direction == direction and find_operation(api_for(package), payload.method, payload.path_template)
    ]


def test_every_file_has_provenance() -> None:
    manifest = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    listed = {entry["file"] for entry in manifest["payloads"]}
    on_disk = {p.relative_to(CORPUS).as_posix() for p in CORPUS.glob("*/*.json")}
    assert listed == on_disk
    for source in manifest["sources"].values():
        assert re.fullmatch(r"[0-9a-f]{40}", source["commit"]), source
        assert source["repository"] and source["licence"]
    for payload in payloads():
        assert payload.source in manifest["sources"], payload.file
        json.loads((CORPUS / payload.file).read_text(encoding="utf-8"))


def test_the_corpus_covers_every_client_and_many_operations() -> None:
    for package in CLIENT_PACKAGES:
        api = api_for(package)
        operations = {op.key for p in payloads() if (op := find_operation(api, p.method, p.path_template))}
        assert len(operations) >= 40, (package, len(operations))
    recorded = [p for p in payloads() if p.recorded and p.is_success_response]
    assert len(recorded) >= 60


def _is_declared_type(package: str, annotation: str, value: Any) -> bool:
    expected = annotation_type(package, annotation) if annotation != "None" else type(None)
    if isinstance(expected, type) and typing.get_origin(expected) is None:
        return isinstance(value, expected)
    members = (
        typing.get_args(expected)
        if typing.get_origin(expected) in (typing.Union, __import__("types").UnionType)
        else ()
    )
    return any(isinstance(value, m) for m in members if isinstance(m, type)) if members else value is not None


@pytest.mark.parametrize(("package", "payload"), [c for c in _cases("response") if c.values[1].is_success_response])
def test_a_recorded_answer_always_returns_a_value(package: str, payload: Payload) -> None:
    replay = replay_response(package, payload)
    assert replay is not None
    op = find_operation(api_for(package), payload.method, payload.path_template)
    assert op is not None
    assert _is_declared_type(package, op.result.annotation, replay.value), type(replay.value)


@pytest.mark.parametrize(("package", "payload"), [c for c in _cases("response") if c.values[1].is_success_response])
def test_strict_mode_passes_where_the_overlays_correct_the_spec(package: str, payload: Payload) -> None:
    module = package_module(package)
    cause = REMAINING_DRIFT.get((package, payload.file))
    if cause is None:
        replay = replay_response(package, payload, strict=True)
        assert replay is not None
        assert not [d for d in replay.drift if d.kind in ("invalid", "missing")]
        return
    with pytest.raises(module.ResponseValidationError):
        replay_response(package, payload, strict=True)


@pytest.mark.parametrize(("package", "payload"), [c for c in _cases("response") if not c.values[1].is_success_response])
def test_a_recorded_error_raises_its_typed_error(package: str, payload: Payload) -> None:
    module = package_module(package)
    with pytest.raises(module.APIStatusError) as caught:
        replay_response(package, payload)
    assert caught.value.status_code == payload.status
    assert caught.value.body is not None  # Intercom's error.list parsed


@pytest.mark.parametrize(("package", "payload"), _cases("request"))
def test_a_recorded_request_is_sent_exactly_as_given(package: str, payload: Payload) -> None:
    op = find_operation(api_for(package), payload.method, payload.path_template)
    assert op is not None and op.body is not None, "the spec (with its overlays) takes no body here"
    sent = send_request(package, payload, payload.body)
    assert sent is not None and json.loads(sent.content) == payload.body  # a dict goes out as it is
    body_type = annotation_type(package, op.body.annotation)
    cause = REFUSED.get(payload.file)
    if cause is not None:
        with pytest.raises(pydantic.ValidationError):
            pydantic.TypeAdapter(body_type).validate_python(payload.body)
        return
    model = pydantic.TypeAdapter(body_type).validate_python(payload.body)  # strict: refuses rather than converts
    sent = send_request(package, payload, model)
    assert sent is not None and json.loads(sent.content) == payload.body


def _corrections() -> list[Any]:
    seen: dict[str, Any] = {}
    for entry in load_registry().clients():
        for path, label in entry.overlay_files():
            seen.setdefault(label, load_overlay(path, label))
    return [
        pytest.param(correction, id=f"{overlay.source}#{correction.index}")
        for overlay in seen.values()
        for correction in overlay.corrections
    ]


@pytest.mark.parametrize("correction", _corrections())
def test_every_correction_names_its_evidence_and_the_clients_read_it(correction: Any) -> None:
    by_file = {p.file: p for p in payloads()}
    for evidence in correction.evidence:
        if not evidence.startswith("tests/traffic/corpus/"):
            assert evidence.startswith("Intercom API reference"), evidence  # documentation, named precisely
            continue
        payload = by_file[evidence.removeprefix("tests/traffic/corpus/")]
        for entry in load_registry().clients():
            if correction.overlay not in {label for _, label in entry.overlay_files()} or entry.package is None:
                continue
            if payload.is_success_response:
                replay = replay_response(entry.package, payload, strict=True)
                assert replay is not None, (entry.package, payload.file)
            elif payload.direction == "request":
                assert send_request(entry.package, payload, payload.body) is not None, (entry.package, payload.file)


@pytest.mark.parametrize(
    "package", [p for p in CLIENT_PACKAGES if api_for(p).operation("get", "/articles").pagination is not None]
)
def test_a_recorded_article_list_is_walked_by_its_next_page_link(package: str) -> None:
    """A recorded article list names its next page by URL (``pages.next``); the walk follows it.

    (Where the spec gives the list ``page`` and ``per_page`` parameters, as 2.11 does, the list is
    paged by number and has no ``iter_`` method.)"""
    import httpx

    first = json.loads((CORPUS / "nango-integration-templates" / "articles-sync-response.json").read_text())
    last = json.loads((CORPUS / "nango-integration-templates" / "list-articles-response.json").read_text())
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=last if request.url.params.get("page") == "1" else first)

    module = package_module(package)
    client = module.Intercom(token="tok", http_client=httpx.Client(transport=httpx.MockTransport(answer)), strict=True)
    ids = [article.id for article in client.articles.iter_list_articles()]
    assert ids == [a["id"] for a in first["data"]] + [a["id"] for a in last["data"]]
    assert dict(seen[1].url.params) == {"per_page": "100", "page": "1"}
