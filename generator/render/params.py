"""The ``params`` module of a package: one TypedDict per request class, for bodies written as dicts.

``params.SearchRequestParam`` is the dict form of ``models.SearchRequest``: its keys are the wire
names (``"from"``, not ``from_``), required keys are ``Required[...]`` and nested objects are
TypedDicts too, so mypy flags a misspelt key or a wrong value type in a dict literal. A class whose
keys include one that is no identifier (``"pt-BR"``), a keyword or a name the module uses is
written in the functional syntax, with its annotations as strings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..ir.model import Api
from .inputs import InputTypes, TypedDictView, is_object, typed_dict_view
from .models import request_classes
from .views import docstring, export_order


def input_types(api: Api) -> InputTypes:
    """The request classes of ``api`` that get a TypedDict, and the annotations over them."""
    schemas: Mapping[str, Any] = api.model_document.get("components", {}).get("schemas", {})
    classes = frozenset(
        n for n in request_classes(api) if isinstance(schemas.get(n), Mapping) and is_object(schemas[n])
    )
    return InputTypes(schemas, classes)


@dataclass(frozen=True)
class ParamsView:
    typed_dicts: tuple[TypedDictView, ...]
    collections_imports: str
    typing_imports: str
    required: bool
    uses_models: bool


def params_view(types: InputTypes) -> ParamsView:
    views = []
    for name in sorted(types.param_classes):
        schema = types.schemas[name]
        text = str(schema.get("description", "")) if isinstance(schema, Mapping) else ""
        doc = docstring(f"The dict form of `models.{name}` (keys as sent on the wire).", text, indent="    ")
        views.append(typed_dict_view(types, name, doc))
    text = " ".join(a for v in views for _, a in v.keys)
    used = {n for n in ("Mapping", "Sequence", "Any", "Literal") if re.search(rf"\b{n}\[?", text)}
    typing_names = {"TypedDict", *(n for n in ("Any", "Literal") if n in used)}
    if "models." in text:
        typing_names.add("TYPE_CHECKING")
    return ParamsView(
        typed_dicts=tuple(views),
        collections_imports=", ".join(n for n in ("Mapping", "Sequence") if n in used),
        typing_imports=", ".join(export_order(sorted(typing_names))),
        required="Required[" in text,
        uses_models="models." in text,
    )
