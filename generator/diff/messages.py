"""Message text for every rule, keyed by rule id: the one place wording lives.

Templates are ``str.format`` strings over the finding's parameters; ``target`` always says where
the change is (``schema `contact` property `email```, ```GET /contacts` query parameter `per_page```).
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # operations
    "operation-added": "{target} added (method `{method}`)",
    "operation-removed": "{target} removed (method `{method}`)",
    "operation-id-changed": "{target}: operationId `{old}` is now `{new}`; method `{old_method}` is now `{new_method}`",
    "operation-id-respelled": "{target}: operationId `{old}` is now `{new}`; the method is still `{method}`",
    "operation-resource-changed": "{target}: method moved from `{old}` to `{new}`",
    "operation-deprecated": "{target} is deprecated (method `{method}`)",
    # parameters
    "path-parameter-renamed": (
        "{operation}: path parameter `{{{old}}}` renamed to `{{{new}}}`; "
        "the method's argument `{old_argument}` is now `{new_argument}` (keyword callers must rename it)"
    ),
    "path-parameter-respelled": (
        "{operation}: path parameter `{{{old}}}` renamed to `{{{new}}}`; the argument is still `{argument}`"
    ),
    "parameter-added": "{target} added (optional argument `{argument}`)",
    "required-parameter-added": "{target} added as required (argument `{argument}`)",
    "parameter-removed": "{target} removed (argument `{argument}`)",
    "parameter-became-required": "{target} became required",
    "parameter-became-optional": "{target} became optional",
    "parameter-type-changed": "{target}: type changed from {old} to {new}",
    # request bodies
    "request-body-added": "{target}: optional request body added ({type})",
    "required-request-body-added": "{target}: required request body added ({type})",
    "request-body-removed": "{target}: request body removed (was {type})",
    "request-body-became-required": "{target}: request body became required",
    "request-body-became-optional": "{target}: request body became optional",
    # responses
    "response-status-added": "{target}: response status {status} added",
    "response-status-removed": "{target}: response status {status} removed",
    # component schemas
    "schema-added": "{target} added",
    "schema-removed": "{target} removed",
    # properties
    "property-added": "{target} added ({type})",
    "required-request-property-added": "{target} added as required ({type})",
    "property-removed": "{target} removed (was {type})",
    "property-type-changed": "{target}: type changed from {old} to {new}",
    "request-property-became-required": "{target} became required",
    "request-property-became-optional": "{target} became optional",
    "response-property-became-required": "{target} became required (always present)",
    "response-property-became-optional": "{target} became optional (may be absent)",
    "response-property-became-nullable": "{target} became nullable (may be null)",
    "request-property-became-nullable": "{target} became nullable (null accepted)",
    "request-property-became-not-nullable": "{target} is no longer nullable (null rejected)",
    "response-property-became-not-nullable": "{target} is no longer nullable",
    # enums
    "enum-value-added": "{target}: enum value {value} added",
    "request-enum-value-removed": "{target}: enum value {value} removed",
    "response-enum-value-removed": "{target}: enum value {value} removed",
    "request-enum-constraint-added": "{target}: now restricted to the values {values}",
    "response-enum-constraint-added": "{target}: now lists its values {values}",
    "enum-constraint-removed": "{target}: no longer restricted to the values {values}",
}
