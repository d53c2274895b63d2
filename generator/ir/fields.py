"""Model field names: which wire names need an alias, and which would collide as Python names.

The model generator turns each property name into a Python field name (``first-name`` ->
``first_name``, ``class`` -> ``class_``, ``2fa`` -> ``field_2fa``) and keeps the wire name as the
alias. Two properties of one object that become the same Python name would be told apart with a
numbered suffix; a name must come from the spec, so that is reported as an error instead.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from ..core.diagnostics import Diagnostics
from .refs import join

_NOT_SCHEMAS = frozenset({"example", "examples", "default", "enum", "const"})  # data, not schemas


def _objects_with_properties(document: Any) -> list[tuple[str, Mapping[str, Any]]]:
    """Every mapping below ``document`` that has a ``properties`` mapping, with its pointer."""
    found: list[tuple[str, Mapping[str, Any]]] = []
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, Mapping):
            if isinstance(node.get("properties"), Mapping):
                found.append((pointer, node["properties"]))
            stack.extend((value, join(pointer, key)) for key, value in node.items() if key not in _NOT_SCHEMAS)
        elif isinstance(node, list):
            stack.extend((value, join(pointer, index)) for index, value in enumerate(node))
    return sorted(found, key=lambda item: item[0])


# pydantic warns about (and older releases refuse) fields in its own namespaces: ``model_dump_`` is
# still in ``model_dump``; such a field gets the model generator's prefix for unusable names instead
_PROTECTED_PREFIX = "model_"
_PREFIX = "field_"


def field_aliases(document: Any) -> dict[str, list[str]]:
    """Property names that cannot be Python field names as they are (keywords, ``a-b``, ``2fa``, ``json``...).

    Each is given to the model generator as its own validation alias, so the field both parses and
    dumps under the wire name (without it, a renamed field such as ``json_`` would only dump as
    ``json`` and never be filled from a response).
    """
    found: dict[str, list[str]] = {}
    for _, properties in _objects_with_properties(document):
        for name in properties:
            text = str(name)
            python = python_field_name(text)
            if python.startswith(_PREFIX) and python.removeprefix(_PREFIX).startswith(_PROTECTED_PREFIX):
                found[text] = [python]  # the model generator names the field after the first alias
            elif python != text:
                found[text] = [text]
    return found


@functools.cache
def _resolver() -> Callable[[str], str]:
    from datamodel_code_generator.format import PythonVersion
    from datamodel_code_generator.model.field_name import PydanticFieldNameResolver

    resolver = PydanticFieldNameResolver(target_python_version=PythonVersion.PY_310)
    return resolver.get_valid_name


def python_field_name(wire_name: str) -> str:
    """The Python field name a property called ``wire_name`` gets (the model generator's rules, and
    ``field_`` before a name in pydantic's own ``model_`` namespace: ``model_dump`` -> ``field_model_dump``)."""
    name = _resolver()(wire_name)
    return _PREFIX + name.rstrip("_") if name.startswith(_PROTECTED_PREFIX) else name


def check_field_names(spec: Mapping[str, Any], source: str, diagnostics: Diagnostics) -> None:
    """Report properties of one object whose Python field names would be the same."""
    for pointer, properties in _objects_with_properties(spec):
        owners: dict[str, str] = {}
        for name in properties:
            field = python_field_name(str(name))
            if field in owners:
                diagnostics.error(
                    source,
                    join(pointer, "properties", name),
                    f"properties {owners[field]!r} and {name!r} would both be the Python field {field!r};"
                    " rename one of them in the spec",
                    code="name-collision",
                )
            else:
                owners[field] = str(name)
