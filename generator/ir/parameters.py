"""Operation parameters: merging path-level and operation-level ones, and the path template.

The path template is the truth about path parameters: a ``{name}`` no path parameter declares is
filled from a same-named parameter declared elsewhere (a spec slip; the value is also sent where
the spec declares it, so a validating server accepts the request) or declared as a string, and a
declared path parameter the template does not use is dropped; each case is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from ..core.diagnostics import Diagnostics
from ..core.naming import parameter_name
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
        self._fills: set[str] = set()

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
            fills_path=name in self._fills,
            pointer=where,
        )

    def version_spelling(self, pointer: str, raw_params: list[Any], version: str) -> str | None:
        """The operation's own spelling of the client's version when its header enum differs
        (Unstable declares ``unstable`` on a few operations); None sends the client's own."""
        for raw in raw_params:
            param = self._deref(raw)
            if not isinstance(param, Mapping) or str(param.get("name", "")).lower() != VERSION_HEADER:
                continue
            schema = param.get("schema")
            enum = self._annotator.deref(schema).get("enum") if isinstance(schema, Mapping) else None
            if not isinstance(enum, list) or version in enum:
                return None
            spelling = next((str(v) for v in enum if str(v).lower() == version.lower()), None)
            if spelling is not None:
                self._diagnostics.info(
                    self._source,
                    pointer,
                    f"operation accepts Intercom-Version {spelling!r}, not {version!r}; the method sends {spelling!r}",
                    code="version-spelling",
                )
            return spelling
        return None

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
                (_, location), (_, where) = elsewhere
                self._fills.add(name)
                message = (
                    f"{{{name}}} is in the path but declared 'in: {location}'; the argument fills the path "
                    "and is also sent as declared"
                )
            else:
                merged[(name, "path")] = (
                    {"name": name, "in": "path", "required": True, "schema": {"type": "string"}},
                    pointer,
                )
                message = f"{{{name}}} is in the path but not declared; treated as a string path parameter"
            self._diagnostics.warning(self._source, where if elsewhere else pointer, message, code="path-mismatch")


def unshadow(
    parameters: tuple[Parameter, ...], used: set[str], source: str, diagnostics: Diagnostics
) -> tuple[Parameter, ...]:
    """Rename (``type`` -> ``type_``, as for keywords) each parameter whose Python name would hide a
    name the method's own code uses; the wire name stays. A rename that collides is an error."""
    taken = {p.py_name for p in parameters} | used
    out = []
    for original in parameters:
        parameter = original
        if parameter.py_name in used:
            renamed = parameter.py_name + "_"
            where = parameter.pointer
            if renamed in taken:
                diagnostics.error(
                    source,
                    where,
                    f"parameter {parameter.name!r} would hide {parameter.py_name!r}, which the method uses, and"
                    f" {renamed!r} is taken too; rename one of the parameters in the spec",
                    code="name-collision",
                )
            else:
                diagnostics.info(
                    source,
                    where,
                    f"parameter {parameter.name!r} is the argument {renamed!r}: the method uses {parameter.py_name!r}",
                    code="renamed-parameter",
                )
                taken.add(renamed)
                parameter = replace(parameter, py_name=renamed)
        out.append(parameter)
    return tuple(out)
