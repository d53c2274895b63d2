"""Model classes through datamodel-code-generator, called as a library with pinned options.

The IR has already named every class (the model document is keyed by class name); this module
only asks datamodel-code-generator to render them, one module per class, and checks that each
class the endpoints refer to came out where expected.
"""

from __future__ import annotations

import re
import warnings
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from datamodel_code_generator import generate
from datamodel_code_generator.enums import DataModelType, InputFileType, ModuleSplitMode, NamingStrategy
from datamodel_code_generator.format import PythonVersion
from datamodel_code_generator.parser import LiteralType

from ..core.diagnostics import Diagnostics
from ..ir.model import Api, model_names
from ..ir.schema import Resolver, ref_to
from .text import plain_text

_CLASS = re.compile(r"^class (\w+)\(", re.MULTILINE)
_THIRD_PARTY = frozenset({"pydantic", "typing_extensions"})
_REEXPORT = re.compile(r"^from \._internal import (\w+)$", re.MULTILINE)
_HEADER = re.compile(r"\A(?:#[^\n]*\n)+\n?")

# Each option is a decision; see the module docstring of generator/ir/modeldoc.py for the
# document side of the same decisions.
PINNED_OPTIONS: dict[str, object] = {
    "input_file_type": InputFileType.OpenAPI,
    "output_model_type": DataModelType.PydanticV2BaseModel,
    "target_python_version": PythonVersion.PY_310,
    "module_split_mode": ModuleSplitMode.Single,  # one module per class: models load lazily
    "naming_strategy": NamingStrategy.FullPath,  # nested inline objects: Parent + Property
    "enum_field_as_literal": LiteralType.All,  # with the open-enum rewrite: Literal[...] | str
    "extra_fields": "allow",  # Intercom adds fields without a new version; keep them
    "strict_nullable": True,  # `nullable: true` -> `| None`; required stays required
    "allow_population_by_field_name": True,  # Model(from_=...) as well as {"from": ...}
    "use_serialization_alias": True,  # aliases as validation_alias + serialization_alias,
    "field_constraints": True,  # so type checkers see the Python field name in __init__
    "use_schema_description": True,
    "use_field_description": True,
    "use_double_quotes": True,
    "disable_timestamp": True,
    "formatters": [],  # black runs once, later, over every file of the package
    "custom_file_header": "",
}
# model_config per class. Response models read numbers as strings where the spec says string
# (Intercom sends some ids as numbers). Models that travel in requests are strict: what a caller
# gives is sent as given or refused before sending, never converted ("450" stays "450", 450 stays 450).
# datamodel-code-generator's config options do not include ``strict``, so request classes get it
# added to the ``model_config`` line it writes (see ``_strict_requests``).
_RESPONSE_CONFIG = {"coerce_numbers_to_str": True}
_WARM_UP_DOCUMENT = {
    "openapi": "3.0.3",
    "info": {"title": "warm-up", "version": "0"},
    "paths": {},
    "components": {"schemas": {"Item": {"type": "object", "properties": {"name": {"type": "string"}}}}},
}


def warm_up() -> None:
    """Run the model generator once on a one-class document: it loads most of itself on first use."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        generate(dict(_WARM_UP_DOCUMENT), **PINNED_OPTIONS)  # type: ignore[arg-type]


def render_models(api: Api, diagnostics: Diagnostics) -> dict[str, str]:
    """Return ``{module file name: source}`` for the ``models`` package (without ``__init__``)."""
    if not api.model_document.get("components", {}).get("schemas"):
        return {}  # a spec without schemas: the models package is empty (the model generator refuses it)
    requests = request_classes(api)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # format hints it cannot map are not our users' concern
        result = generate(
            plain_descriptions(api.model_document),
            aliases={k: list(v) for k, v in api.field_aliases.items()},
            extra_template_data=defaultdict(dict, _template_data(api, requests)),
            **PINNED_OPTIONS,  # type: ignore[arg-type]
        )
    if not isinstance(result, Mapping):
        raise TypeError("datamodel-code-generator returned a single module; expected one module per model")
    modules: dict[str, str] = {}
    for parts, source in result.items():
        name = "/".join(parts)
        if name == "__init__.py":
            continue
        modules[name] = group_imports(dealias(_HEADER.sub("", str(source), count=1)))
    _strict_requests(modules, api, requests)
    _check_classes(api, modules, diagnostics)
    return modules


def plain_descriptions(node: Any) -> Any:
    """A copy of the model document whose ``description`` texts are plain (see ``text.plain_text``)."""
    if isinstance(node, Mapping):
        return {
            key: plain_text(value) if key == "description" and isinstance(value, str) else plain_descriptions(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [plain_descriptions(item) for item in node]
    return node


def request_classes(api: Api) -> set[str]:
    """Classes that travel in requests: those of request bodies and parameters, and every class they reach."""
    annotations = [op.body.annotation for op in api.operations if op.body is not None]
    annotations += [p.annotation for op in api.operations for p in op.parameters]
    roots = [ref_to(name) for text in annotations for name in model_names(text)]
    return Resolver(api.model_document).reachable(roots)


def _template_data(api: Api, requests: set[str]) -> dict[str, dict[str, object]]:
    schemas = api.model_document.get("components", {}).get("schemas", {})
    return {name: {"config": dict(_RESPONSE_CONFIG)} for name in schemas if name not in requests}


def _strict_requests(modules: dict[str, str], api: Api, requests: set[str]) -> None:
    """Add ``strict=True`` to the ``model_config`` of every class that travels in requests."""
    for model in api.models:
        if model.class_name not in requests:
            continue
        name = f"{model.module}.py"
        config_line = r"(?:.*\n)*?    model_config = ConfigDict\("
        pattern = re.compile(rf"(^class {model.class_name}\(BaseModel\):\n{config_line})", re.M)
        source, count = pattern.subn(r"\1strict=True, ", modules.get(name, ""), count=1)
        if count:
            modules[name] = source


_COUNTED_ALIAS = re.compile(r"\b(\w+) as (\1_\d+)\b")


def dealias(source: str) -> str:
    """Replace the model generator's numbered module aliases (``tags as tags_1``) by ``_tags``.

    It aliases a module whose name is also a field of the class (``tags: tags_1.Tags``): the field
    would hide the module while pydantic resolves annotations. A leading underscore can never be a
    field name, so ``_tags`` cannot be hidden either, and no name is numbered.
    """
    for module, alias in dict(_COUNTED_ALIAS.findall(source)).items():
        source = re.sub(rf"\b{module} as {alias}\b", f"{module} as _{module}", source)
        source = re.sub(rf"\b{alias}\.", f"_{module}.", source)
    return source


def _import_group(line: str) -> int:
    module = line.split()[1]
    if module == "__future__":
        return 0
    if module.startswith("."):
        return 3
    return 2 if module.split(".")[0] in _THIRD_PARTY else 1


def group_imports(source: str) -> str:
    """Separate the leading imports into sorted groups (future, stdlib, third party, local)."""
    lines = source.split("\n")
    end = 0
    while end < len(lines) and (lines[end].startswith(("from ", "import ")) or not lines[end].strip()):
        end += 1
    imports = [line for line in lines[:end] if line.strip()]
    if any(line.rstrip().endswith("(") for line in imports):
        return source  # already multi-line: leave to the formatter
    groups: dict[int, list[str]] = {}
    for line in imports:
        groups.setdefault(_import_group(line), []).append(line)
    block = "\n\n".join("\n".join(sorted(groups[g], key=_import_sort_key)) for g in sorted(groups))
    return block + "\n\n\n" + "\n".join(lines[end:]).lstrip("\n")


def _import_sort_key(line: str) -> tuple[str, str]:
    module = line.split()[1]
    return (module.lstrip(".") if module != "." else "", line)


def exported_classes(modules: Mapping[str, str]) -> dict[str, str]:
    """Class name -> the module that offers it (defines it, or re-exports it from ``_internal``)."""
    offered: dict[str, str] = {}
    for name, source in sorted(modules.items()):
        module = name.removesuffix(".py")
        if module == "_internal":
            continue
        for cls in _CLASS.findall(source) + _REEXPORT.findall(source):
            offered.setdefault(cls, module)
    for cls in _CLASS.findall(modules.get("_internal.py", "")):
        offered.setdefault(cls, "_internal")
    return offered


def _check_classes(api: Api, modules: Mapping[str, str], diagnostics: Diagnostics) -> None:
    offered = exported_classes(modules)
    for model in api.models:
        if offered.get(model.class_name) != model.module:
            diagnostics.error(
                api.source,
                model.origin,
                f"the model generator did not put class {model.class_name} in models/{model.module}.py (it renames a"
                " class whose name clashes with one it needs); rename the schema in the spec",
                code="model-missing",
            )
