"""One entry for every output format of a diff: text and Markdown (``report``), JSON, and the CI
formats (``ci``: JUnit XML and GitHub annotations)."""

from __future__ import annotations

from collections.abc import Sequence

from .change import Change
from .ci import render_github, render_junit
from .gate import Review
from .report import render_json, render_markdown, render_text


def render(fmt: str, old: str, new: str, changes: Sequence[Change], review: Review | None = None) -> str:
    """The report of ``changes`` from ``old`` to ``new`` in ``fmt`` (one of ``command.FORMATS``)."""
    if fmt == "junit":
        return render_junit(old, new, changes, review)
    if fmt == "github":
        return render_github(old, new, changes, review)
    if fmt == "json":
        return render_json(old, new, changes, review)
    if fmt == "md":
        return render_markdown(old, new, changes, review)
    return render_text(old, new, changes, review)
