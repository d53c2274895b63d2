"""Formats for CI: JUnit XML (one test case per change) and GitHub workflow annotations.

JUnit: one ``<testcase>`` per change, named by its key and classed by its rule; a change that fails
the gate (unaccepted, at or above ``--fail-on``) carries a ``<failure>``, an accepted one is
``<skipped>``, the rest pass. GitHub: one ``::error`` line per failing change (per breaking change
without a gate), ``::warning`` for the other breaking and non-breaking ones, ``::notice`` for info and
accepted ones, escaped as the workflow commands require.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from .change import Change, Severity
from .gate import Review
from .report import counts_line, gate_line, ordered

_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Characters XML 1.0 cannot carry at all (ElementTree would write them anyway) become U+FFFD."""
    return _XML_UNSAFE.sub("\ufffd", text)


def render_junit(old: str, new: str, changes: Sequence[Change], review: Review | None = None) -> str:
    review = review if review is not None else Review(tuple(changes))
    cases = ordered(changes)
    failures = sum(1 for c in cases if review.fails(c))
    skipped = sum(1 for c in cases if review.reason(c) is not None)
    totals = {"tests": str(len(cases)), "failures": str(failures), "errors": "0", "skipped": str(skipped)}
    suites = ET.Element("testsuites", {"name": "intercom-gen diff", **totals})
    suite = ET.SubElement(suites, "testsuite", {"name": _xml_text(f"API changes from {old} to {new}"), **totals})
    properties = ET.SubElement(suite, "properties")
    for name, value in (("from", old), ("to", new), ("summary", counts_line(cases)), ("gate", gate_line(review))):
        ET.SubElement(properties, "property", {"name": name, "value": _xml_text(value)})
    for change in cases:
        case = ET.SubElement(suite, "testcase", {"classname": f"diff.{change.id}", "name": _xml_text(change.key)})
        message = _xml_text(change.message)
        reason = review.reason(change)
        if review.fails(change):
            failure = ET.SubElement(case, "failure", {"type": change.severity.value, "message": message})
            failure.text = f"{change.severity.value}: {message}\nkey: {_xml_text(change.key)}"
        elif reason is not None:
            ET.SubElement(case, "skipped", {"message": _xml_text(f"accepted: {reason}")})
        else:
            ET.SubElement(case, "system-out").text = f"{change.severity.value}: {message}"
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, title: str, message: str, **where: str | int) -> str:
    """One workflow command line: ``::level file=..,line=..,title=..::message``."""
    props = [f"{name}={escape_property(str(value))}" for name, value in where.items()]
    props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def _level(change: Change, review: Review) -> str:
    if review.reason(change) is not None or change.severity is Severity.INFO:
        return "notice"
    if review.fails(change) or (review.fail_on is None and change.severity is Severity.BREAKING):
        return "error"
    return "warning"


def render_github(old: str, new: str, changes: Sequence[Change], review: Review | None = None) -> str:
    review = review if review is not None else Review(tuple(changes))
    lines = []
    for change in ordered(changes):
        reason = review.reason(change)
        title = f"{change.severity.value} API change {old} -> {new} ({change.id})"
        accepted = f" (accepted: {reason})" if reason is not None else ""
        lines.append(annotation(_level(change, review), title, f"{change.message}{accepted}\nkey: {change.key}"))
    lines.append(f"{old} -> {new}: {len(changes)} changes ({counts_line(changes)}); {gate_line(review)}")
    return "\n".join(lines) + "\n"
