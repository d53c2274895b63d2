"""BC: a newly documented response status is info: the runtime maps every status to the same errors.

The generated method's return type comes from the success response, whose body is compared
property by property; a new status on its own changes no signature.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Finding, Rule, Severity
from ..model import VersionDiff
from ._common import operation_finding


def check(diff: VersionDiff) -> Iterator[Finding]:
    for op in diff.operations_modified:
        for status in op.statuses_added:
            yield operation_finding(op, f"response {status}", status=status)


RULE = Rule("response-status-added", Severity.INFO, check)
