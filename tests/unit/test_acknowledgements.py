"""Reviewed spec defects are acknowledged per version in the registry: their warnings become infos
that carry the reason, and an acknowledgement that matches nothing is itself a warning."""

from __future__ import annotations

import dataclasses
import functools

from generator.core.diagnostics import Diagnostic, Diagnostics, Level
from generator.ir.source import SpecSource, load_api
from generator.spec.registry import Acknowledgement, load_registry

TICKET_STATE = "/components/schemas/ticket_state"


@functools.cache
def _loaded(*acks: Acknowledgement, models: bool = True) -> tuple[Diagnostic, ...]:
    source = dataclasses.replace(SpecSource.of_entry(load_registry().get("Unstable")), acknowledged=acks)
    diagnostics = Diagnostics()
    load_api(source, diagnostics, locate=False, models=models)
    return tuple(diagnostics)


def _at(found: tuple[Diagnostic, ...], pointer: str, code: str) -> list[Diagnostic]:
    return [d for d in found if d.pointer == pointer and d.code == code]


def test_the_registered_acknowledgement_turns_the_warning_into_an_info() -> None:
    (registered,) = load_registry().get("Unstable").acknowledged
    assert (registered.code, registered.at) == ("example-type-mismatch", TICKET_STATE)
    (unacknowledged,) = _at(_loaded(), TICKET_STATE, "example-type-mismatch")
    assert unacknowledged.level is Level.WARNING
    (acknowledged,) = _at(_loaded(registered), TICKET_STATE, "example-type-mismatch")
    assert acknowledged.level is Level.INFO
    assert acknowledged.message.startswith(unacknowledged.message)
    assert registered.reason in acknowledged.message and "specs/versions.yaml" in acknowledged.message


def test_an_acknowledgement_matching_no_warning_is_a_located_warning() -> None:
    stale = Acknowledgement(
        "example-null", "/components/schemas/no_such_schema", "fixed upstream", "/versions/4/acknowledged/1"
    )
    (warning,) = [d for d in _loaded(stale) if d.code == "stale-acknowledgement"]
    assert warning.level is Level.WARNING
    assert (warning.source, warning.pointer) == ("specs/versions.yaml", "/versions/4/acknowledged/1")
    assert "Unstable" in warning.message and "example-null" in warning.message


def test_a_partial_load_does_not_call_acknowledgements_stale() -> None:
    """The diff loads without the example audit: its acknowledgements are not judged there."""
    stale = Acknowledgement(
        "example-null", "/components/schemas/no_such_schema", "fixed upstream", "/versions/4/acknowledged/1"
    )
    assert not [d for d in _loaded(stale, models=False) if d.code == "stale-acknowledgement"]
