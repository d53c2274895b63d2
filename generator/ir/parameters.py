"""Operation parameters: merging path-level and operation-level ones, and the path template.

The path template is the truth about path parameters: a ``{name}`` no path parameter declares is
taken from a same-named parameter declared elsewhere (a spec slip) or declared as a string, and a
declared path parameter the template does not use is dropped; each case is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..diagnostics import Diagnostics
from ..naming import parameter_name
from .model import Parameter
from .refs import join
from .types import Annotator

VERSION_HEADER = "intercom-version"
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
Merged = dict[tuple[str, str], tuple[Mapping[str, Any], str]]


class ParameterBuilder:
    def __init__(
        self, annotator: Annotator, deref: Callable[[Any], Any], source: str, diagnostics: Diagnostics
    ) -> None:
        self._annotator = annotator
        self._deref = deref
        self._source = source
        self._diagnostics = diagnostics

    def build(self, path: str, pointer: str, shared: list[Any], own: list[Any]) -> tuple[Parameter, ...]:
        merged: dict[tuple[str, str], tuple[Mapping[str, Any], str]] = {}
        for index, raw in enumerate(shared):
            param = self._deref(raw)
            if isinstance(param, Mapping):
                merged[(str(param.get("name")), str(param.get("in")))] = (
                    param,
                    join(pointer.rsplit("/", 1)[0], "parameters", index),
                )
        for index, raw in enumerate(own):
            param = self._deref(raw)
            if isinstance(param, Mapping):
                merged[(str(param.get("name")), str(param.get("in")))] = (param, join(pointer, "parameters", index))
        self._reconcile_path(path, pointer, merged)
        out: list[Parameter] = []
        seen: dict[str, str] = {}
        for (name, location), (param, where) in merged.items():
            if location == "header" and name.lower() == VERSION_HEADER:
                continue  # sent by the client from its pinned version, never a method argument
            if location not in ("path", "query", "header"):
                self._diagnostics.info(
                    self._source,
                    where,
                    f"{location} parameter {name!r} is not supported and is left out",
                    code="unsupported-parameter",
                )
                continue
            parameter = self._one(name, location, param, where)
            if parameter.py_name in seen:
                self._diagnostics.error(
                    self._source,
                    where,
                    f"parameters {seen[parameter.py_name]!r} and {name!r} both become {parameter.py_name!r}",
                    code="name-collision",
                )
                continue
            seen[parameter.py_name] = name
            out.append(parameter)
        required_first = sorted(out, key=lambda p: (p.location != "path", not p.required))
        return tuple(required_first)

    def _one(self, name: str, location: str, param: Mapping[str, Any], where: str) -> Parameter:
        schema = param.get("schema") if isinstance(param.get("schema"), Mapping) else {}
        assert isinstance(schema, Mapping)
        py_name = parameter_name(name)
        if not py_name:
            self._diagnostics.error(
                self._source, where, f"parameter name {name!r} does not give a usable Python name", code="bad-name"
            )
            py_name = "parameter"
        resolved = self._annotator.deref(schema)
        explode = (
            location == "query"
            and resolved.get("type") == "object"
            and param.get("explode", True) is not False
            and param.get("style", "form") == "form"
        )
        return Parameter(
            name=name,
            py_name=py_name,
            location=location,  # type: ignore[arg-type]
            required=bool(param.get("required")) or location == "path",
            annotation="dict[str, Any]" if explode else self._annotator.value(schema),
            description=str(param.get("description") or "").strip(),
            deprecated=bool(param.get("deprecated")),
            explode_object=explode,
            schema=schema,
        )

    def _reconcile_path(self, path: str, pointer: str, merged: Merged) -> None:
        placeholders = _PLACEHOLDER.findall(path)
        for (name, location), (_, where) in list(merged.items()):
            if location == "path" and name not in placeholders:
                del merged[(name, location)]
                self._diagnostics.warning(
                    self._source,
                    where,
                    f"path parameter {name!r} is not in the path {path!r}; left out",
                    code="path-mismatch",
                )
        for name in placeholders:
            if (name, "path") in merged:
                continue
            elsewhere = next(((key, value) for key, value in merged.items() if key[0] == name), None)
            if elsewhere is not None:
                (_, location), (param, where) = elsewhere
                del merged[(name, location)]
                merged[(name, "path")] = ({**param, "in": "path", "required": True}, where)
                message = f"{{{name}}} is in the path but declared 'in: {location}'; treated as a path parameter"
            else:
                merged[(name, "path")] = (
                    {"name": name, "in": "path", "required": True, "schema": {"type": "string"}},
                    pointer,
                )
                message = f"{{{name}}} is in the path but not declared; treated as a string path parameter"
            self._diagnostics.warning(self._source, where if elsewhere else pointer, message, code="path-mismatch")
