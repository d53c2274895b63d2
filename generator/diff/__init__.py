"""The version diff: which operations, parameters, properties and schemas changed between two
API versions, and whether each change breaks code calling the generated Python client.

``compute_diff`` builds the neutral ``VersionDiff``; the ``Rule`` records under ``rules/`` (one
registry of them in ``registry.py``) judge it into ``Change``s; ``report.py`` prints them as text, Markdown or JSON.
"""

from __future__ import annotations

from .change import Change, Severity
from .compute import compute_diff
from .loader import load_api
from .model import VersionDiff
from .registry import ALL_RULES, diff_apis

__all__ = ["ALL_RULES", "Change", "Severity", "VersionDiff", "compute_diff", "diff_apis", "load_api"]
