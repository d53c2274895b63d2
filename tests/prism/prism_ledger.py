"""What each operation did against Prism, summed up per client version at the end of the run."""

from __future__ import annotations

import json
from dataclasses import dataclass

import httpx

PRISM_ERROR_TYPE = "https://stoplight.io/prism/errors#"


@dataclass(frozen=True)
class Outcome:
    accepted: bool
    """Prism's validator found nothing wrong with the request (sync and async calls alike)."""
    parsed: bool
    """The 2xx answer parsed into the method's return type (sync and async calls alike)."""
    unauthorized: bool
    """Without a token, the call raised ``AuthenticationError`` for Prism's 401."""
    listed: str | None = None
    """The cause, when the operation is a listed exception."""


LEDGER: dict[str, dict[str, Outcome]] = {}
TOTALS: dict[str, int] = {}
SUBSTITUTED_BODIES: dict[str, dict[str, str]] = {}


def record(package: str, key: str, outcome: Outcome, total: int) -> None:
    LEDGER.setdefault(package, {})[key] = outcome
    TOTALS[package] = total


def record_substitution(package: str, key: str, cause: str) -> None:
    SUBSTITUTED_BODIES.setdefault(package, {})[key] = cause


def summary_lines() -> list[str]:
    lines = []
    for package in sorted(LEDGER):
        outcomes = LEDGER[package]
        total = TOTALS[package]
        accepted = sum(o.accepted for o in outcomes.values())
        parsed = sum(o.parsed for o in outcomes.values())
        unauthorized = sum(o.unauthorized for o in outcomes.values())
        lines.append(
            f"{package}: operations exercised {len(outcomes)}/{total}, accepted {accepted}/{total}, "
            f"parsed {parsed}/{total}, 401 without a token {unauthorized}/{total} (sync and async)"
        )
        for key, outcome in sorted(outcomes.items()):
            if outcome.listed:
                lines.append(f"    listed {key}: {outcome.listed}")
        for key, cause in sorted(SUBSTITUTED_BODIES.get(package, {}).items()):
            lines.append(f"    body not the spec's example, {key}: {cause}")
    return lines


def _location(violation: dict[str, object]) -> str:
    parts = [str(p) for p in violation.get("location") or []]  # type: ignore[attr-defined]
    if parts and parts[0] == "request":
        parts = parts[1:]
    return ".".join(parts)


def prism_rejection(response: httpx.Response) -> str | None:
    """Why Prism's validator rejected the request, or ``None`` when it accepted it.

    Prism reports request violations in the ``sl-violations`` header (also when it answers with
    an error example from the spec) and its own errors as ``application/problem+json`` bodies
    whose ``type`` is one of its error URLs. Violations located in the ``response`` are Prism
    checking the spec's example against the spec's schema; they say nothing about the request.
    """
    try:
        violations = json.loads(response.headers.get("sl-violations") or "[]")
    except ValueError:
        return f"unreadable sl-violations header: {response.headers['sl-violations']!r}"
    found = [f"{_location(v)}: {v.get('message')}" for v in violations if not _location(v).startswith("response")]
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        problem = response.json()
        if str(problem.get("type", "")).startswith(PRISM_ERROR_TYPE):
            details = [f"{_location(v)}: {v.get('message')}" for v in problem.get("validation") or []]
            found = [f"{problem.get('title')} ({problem.get('detail')})", *details, *found]
    return "; ".join(found) or None
