"""Identifier rules: how spec names become Python names.

Every Python name in a generated package comes from the spec (operationId, tag, schema key,
parameter name); nothing is numbered. Names that cannot be derived cleanly are reported by the
caller as diagnostics, never silently renamed with a counter.
"""

from __future__ import annotations

import keyword
import re
import unicodedata

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9A-Za-z]+")
# names a generated method or resource may not take because the runtime or the client uses them
# (tests/unit/test_naming.py checks this against the runtime's public attributes)
RESERVED_ATTRIBUTES = frozenset(
    {
        "with_raw_response",
        "with_options",
        "close",
        "aclose",
        "request",
        "paginate",
        "api_version",
        "base_url",
        "deadline",
        "default_region",
        "max_pages",
        "max_response_bytes",
        "max_retries",
        "max_retry_wait",
        "region",
        "servers",
        "strict",
        "on_drift",
        "timeout",
        "user_agent",
    }
)
# names the generated model modules import (from pydantic and typing): a model class may not take them
MODEL_IMPORTS = frozenset({"AliasChoices", "AwareDatetime", "BaseModel", "ConfigDict", "Field", "Literal", "RootModel"})
# names a generated method's own code uses besides its parameters: a parameter may not shadow them
# (``fields`` collects keyword body fields, ``OMIT`` and ``request_body`` build the body from them)
RESERVED_PARAMETERS = frozenset(
    {"self", "request_options", "body", "fields", "OMIT", "request_body", "cast", "models", "params"}
)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def words(text: str) -> list[str]:
    """Split any spelling (camelCase, PascalCase, snake_case, kebab, spaces) into lowercase words."""
    parts: list[str] = []
    for chunk in _NON_WORD.split(_ascii(text)):
        if chunk:
            parts.extend(p.lower() for p in _CAMEL_BOUNDARY.split(chunk) if p)
    return parts


def snake_case(text: str) -> str:
    """``listContacts`` -> ``list_contacts``; ``Data Export`` -> ``data_export``."""
    return "_".join(words(text))


def pascal_case(text: str) -> str:
    """``create_contact_request`` -> ``CreateContactRequest``; ``Data Export`` -> ``DataExport``."""
    return "".join(w[:1].upper() + w[1:] for w in words(text))


def safe_identifier(name: str) -> str:
    """Make ``name`` a valid, non-keyword Python identifier without losing its spelling.

    Keywords and builtins-that-matter get a trailing underscore (PEP 8); a leading digit gets a
    leading underscore. Returns "" when nothing usable is left (the caller reports it).
    """
    if not name:
        return ""
    if name[0].isdigit():
        name = "_" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in RESERVED_PARAMETERS:
        name += "_"
    return name if name.isidentifier() else ""


def method_name(operation_id: str) -> str:
    return safe_identifier(snake_case(operation_id))


def method_name_from_route(method: str, path: str) -> str:
    """A deterministic name for an operation without operationId: ``GET /a/{id}/b`` -> ``get_a_id_b``."""
    return safe_identifier(snake_case(f"{method} {path}"))


def parameter_name(wire_name: str) -> str:
    return safe_identifier(snake_case(wire_name))


def resource_attribute(tag: str) -> str:
    return safe_identifier(snake_case(tag))


def resource_class(tag: str) -> str:
    """``Data Export`` -> ``DataExportResource``; a leading digit gets an underscore: ``_2FaSettingsResource``."""
    name = pascal_case(tag) + "Resource"
    return "_" + name if name[0].isdigit() else name


def resource_module(tag: str) -> str:
    """Module of a resource in ``resources/``: ``snake_case``, a leading digit or a keyword made importable."""
    name = snake_case(tag)
    if name[:1].isdigit():
        name = "_" + name
    return name + "_" if keyword.iskeyword(name) else name


def model_class(schema_key: str) -> str:
    """The class name a schema key becomes (datamodel-code-generator is given this name)."""
    name = pascal_case(schema_key)
    if name and name[0].isdigit():
        name = "_" + name
    return name if name.isidentifier() and not keyword.iskeyword(name) else ""


def module_name(class_name: str) -> str:
    """Module that holds a model class in the generated ``models`` package."""
    return safe_identifier(snake_case(class_name))
