"""Helpers for the contract tests: tiny versions built in code, and the real contract run (once)."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any

from generator.contract.kinds import Assertion, parse_assertion
from generator.contract.run import ContractReport, run_contracts
from generator.contract.specquery import Version
from generator.core.diagnostics import Diagnostics
from generator.ir.build import build_api
from tests.conftest import tiny_spec
from tests.support import GENERATED


def version(name: str, spec: dict[str, Any], package: str | None = None) -> Version:
    return Version(name, build_api(spec, f"{name}.yaml", Diagnostics()), package)


def tiny_pair(change: Any = None) -> tuple[Version, Version]:
    """A base and a target built from the tiny spec; ``change(spec)`` edits the target's copy."""
    base = tiny_spec()
    target = copy.deepcopy(base)
    if change is not None:
        change(target)
    return version("1.0", base), version("1.1", target)


@functools.cache
def real_run() -> tuple[ContractReport, tuple[str, ...]]:
    """Every committed changelog contract, with the diagnostics it produced (rendered)."""
    diagnostics = Diagnostics()
    report = run_contracts(diagnostics, generated=GENERATED)
    return report, tuple(d.render() for d in diagnostics)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make(kind: str, fields: dict[str, Any], pointer: str = "") -> Assertion:
    """An assertion as the claims loader builds it from ``{kind: ..., **fields}``."""
    return parse_assertion({"kind": kind, **fields}, pointer)
