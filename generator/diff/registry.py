"""The single registry of diff rules, and ``diff_apis``: the neutral diff judged by every rule.

Rule ids are stable kebab-case strings; each rule module holds one ``RULE``. Adding a rule is one
module under ``rules/``, one line here and one message in ``messages.py``.
"""

from __future__ import annotations

from ..ir.model import Api
from .change import Change, Finding, Rule
from .compute import compute_diff
from .messages import MESSAGES
from .model import VersionDiff
from .rules import (
    enum_constraint_removed,
    enum_value_added,
    operation_added,
    operation_deprecated,
    operation_id_changed,
    operation_id_respelled,
    operation_removed,
    operation_resource_changed,
    parameter_added,
    parameter_became_optional,
    parameter_became_required,
    parameter_removed,
    parameter_type_changed,
    path_parameter_renamed,
    path_parameter_respelled,
    property_added,
    property_removed,
    property_type_changed,
    request_body_added,
    request_body_became_optional,
    request_body_became_required,
    request_body_removed,
    request_enum_constraint_added,
    request_enum_value_removed,
    request_property_became_not_nullable,
    request_property_became_nullable,
    request_property_became_optional,
    request_property_became_required,
    required_parameter_added,
    required_request_body_added,
    required_request_property_added,
    response_enum_constraint_added,
    response_enum_value_removed,
    response_property_became_not_nullable,
    response_property_became_nullable,
    response_property_became_optional,
    response_property_became_required,
    response_status_added,
    response_status_removed,
    schema_added,
    schema_removed,
)

ALL_RULES: tuple[Rule, ...] = (
    operation_added.RULE,
    operation_removed.RULE,
    operation_id_changed.RULE,
    operation_id_respelled.RULE,
    operation_resource_changed.RULE,
    operation_deprecated.RULE,
    path_parameter_renamed.RULE,
    path_parameter_respelled.RULE,
    parameter_added.RULE,
    required_parameter_added.RULE,
    parameter_removed.RULE,
    parameter_became_required.RULE,
    parameter_became_optional.RULE,
    parameter_type_changed.RULE,
    request_body_added.RULE,
    required_request_body_added.RULE,
    request_body_removed.RULE,
    request_body_became_required.RULE,
    request_body_became_optional.RULE,
    response_status_added.RULE,
    response_status_removed.RULE,
    schema_added.RULE,
    schema_removed.RULE,
    property_added.RULE,
    required_request_property_added.RULE,
    property_removed.RULE,
    property_type_changed.RULE,
    request_property_became_required.RULE,
    request_property_became_optional.RULE,
    response_property_became_required.RULE,
    response_property_became_optional.RULE,
    response_property_became_nullable.RULE,
    request_property_became_nullable.RULE,
    request_property_became_not_nullable.RULE,
    response_property_became_not_nullable.RULE,
    enum_value_added.RULE,
    request_enum_value_removed.RULE,
    response_enum_value_removed.RULE,
    request_enum_constraint_added.RULE,
    response_enum_constraint_added.RULE,
    enum_constraint_removed.RULE,
)
RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in ALL_RULES}


def _change(rule: Rule, finding: Finding) -> Change:
    return Change(
        id=rule.id,
        severity=rule.severity,
        operation=finding.operation,
        schema=finding.schema,
        property=finding.property,
        message=MESSAGES[rule.id].format(**finding.params),
        location=finding.location,
        affects=finding.affects,
    )


def judge(diff: VersionDiff) -> list[Change]:
    """Run every rule over a neutral diff; changes come back in report order."""
    changes = [_change(rule, finding) for rule in ALL_RULES for finding in rule.check(diff)]
    return sorted(changes, key=Change.sort_key)


def diff_apis(old: Api, new: Api) -> list[Change]:
    """Every change from ``old`` to ``new``, judged for a caller of the generated client."""
    return judge(compute_diff(old, new))
