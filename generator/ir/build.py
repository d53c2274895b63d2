"""Spec document -> ``Api``. Pure: reads a dict, returns the IR and fills ``diagnostics``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..core.diagnostics import Diagnostics, GeneratorError, Level
from ..core.naming import (
    MODEL_IMPORTS,
    RESERVED_ATTRIBUTES,
    model_class,
    module_name,
    resource_attribute,
    resource_class,
    resource_module,
)
from .examples import ExampleAudit, audit_examples
from .fields import check_field_names, field_aliases
from .model import Api, ModelClass, Operation, Resource, Server
from .modeldoc import build_model_document
from .operations import Hoister, OperationBuilder
from .refs import check_allof_cycles, check_allof_depth, check_refs, join, repair_dangling
from .schema import Resolver
from .schemas import check_schemas
from .types import Annotator
from .validate import HTTP_METHODS, validate_document

_REGION_HOST = re.compile(r"^https?://api\.([a-z]{2})\.intercom\.io/?$")


def _servers(spec: Mapping[str, Any]) -> tuple[Server, ...]:
    servers: list[Server] = []
    for raw in spec.get("servers") or []:
        if not isinstance(raw, Mapping) or not isinstance(raw.get("url"), str):
            continue
        url = str(raw["url"]).rstrip("/")
        match = _REGION_HOST.match(url)
        region = match.group(1) if match else ("us" if not servers else "")
        if region and all(s.region != region for s in servers):
            servers.append(Server(region, url, str(raw.get("description") or "")))
    return tuple(servers)


def _class_names(
    schemas: Mapping[str, Any], overrides: Mapping[str, str], source: str, diagnostics: Diagnostics
) -> dict[str, str]:
    names: dict[str, str] = {}
    owners: dict[str, str] = {}
    modules: dict[str, str] = {}
    for key in schemas:
        name = overrides.get(key) or model_class(str(key))
        pointer = join("", "components", "schemas", key)
        if not name:
            diagnostics.error(
                source,
                pointer,
                f"schema key {key!r} does not give a usable class name; add a class-name override "
                "(registry `class_names`, or --class-name KEY=Name)",
                code="bad-name",
            )
            continue
        if name in MODEL_IMPORTS:
            diagnostics.error(
                source,
                pointer,
                f"schema key {key!r} would become class {name!r}, a name the generated model modules import;"
                " add a class-name override (registry `class_names`, or --class-name KEY=Name)",
                code="reserved-name",
            )
            continue
        if name in owners:
            diagnostics.error(
                source,
                pointer,
                f"schemas {owners[name]!r} and {key!r} both become class {name!r}; rename one with a class-name "
                "override (registry `class_names`, or --class-name KEY=Name)",
                code="name-collision",
            )
            continue
        module = module_name(name)
        if module in modules:
            diagnostics.error(
                source,
                pointer,
                f"schemas {modules[module]!r} and {key!r} both become module models/{module}.py; rename one with a"
                " class-name override (registry `class_names`, or --class-name KEY=Name)",
                code="name-collision",
            )
            continue
        owners[name] = modules[module] = str(key)
        names[str(key)] = name
    return names


def _check_operation_ids(operations: list[Operation], source: str, diagnostics: Diagnostics) -> None:
    """OpenAPI requires unique operationIds; a repeat in one resource is an error (see below), else a warning."""
    first: dict[str, Operation] = {}
    for op in operations:
        if op.operation_id is None:
            continue
        other = first.setdefault(op.operation_id, op)
        if other is not op and other.tags[0] != op.tags[0]:
            diagnostics.warning(
                source,
                join(op.pointer, "operationId"),
                f"operationId {op.operation_id!r} is also used by {other.key}; operationIds must be unique",
                code="duplicate-operation-id",
            )


def _check_method_names(attribute: str, ops: list[Operation], source: str, diagnostics: Diagnostics) -> None:
    """Each method (and each ``iter_`` method of a paginated list) of a resource has its own name."""
    seen: dict[str, tuple[str, str | None]] = {}
    for op in ops:
        names = [op.py_name] + ([f"iter_{op.py_name}"] if op.pagination is not None else [])
        for name in names:
            if name in seen:
                same_id = op.operation_id is not None and name == op.py_name and seen[name][1] == op.operation_id
                what = f"both have operationId {op.operation_id!r}, so both" if same_id else "both"
                diagnostics.error(
                    source,
                    join(op.pointer, "operationId") if same_id else op.pointer,
                    f"{op.key} and {seen[name][0]} {what} become method {attribute}.{name}",
                    code="duplicate-operation-id" if same_id else "name-collision",
                )
            seen[name] = (op.key, op.operation_id)


def _tag_problem(tag: str, attribute: str, taken: Mapping[str, str]) -> str | None:
    if not attribute:
        return f"tag {tag!r} does not give a usable Python name for its resource"
    if attribute in RESERVED_ATTRIBUTES:
        return f"tag {tag!r} would become client.{attribute}, which the client itself uses; rename the tag"
    if attribute in taken:
        return f"tags {taken[attribute]!r} and {tag!r} both become client.{attribute}; rename one of them"
    return None


def _resources(
    operations: list[Operation], spec: Mapping[str, Any], source: str, diagnostics: Diagnostics
) -> tuple[Resource, ...]:
    descriptions = {
        str(t.get("name")): str(t.get("description") or "") for t in spec.get("tags") or [] if isinstance(t, Mapping)
    }
    grouped: dict[str, list[Operation]] = {}
    for op in operations:
        grouped.setdefault(op.tags[0], []).append(op)
    resources: list[Resource] = []
    attributes: dict[str, str] = {}
    for tag in sorted(grouped, key=resource_attribute):
        attribute = resource_attribute(tag)
        problem = _tag_problem(tag, attribute, attributes)
        if problem:
            diagnostics.error(source, join(grouped[tag][0].pointer, "tags"), problem, code="name-collision")
            continue
        attributes[attribute] = tag
        ops = grouped[tag]
        _check_method_names(attribute, ops, source, diagnostics)
        resources.append(
            Resource(
                tag, attribute, resource_class(tag), resource_module(tag), descriptions.get(tag, "").strip(), tuple(ops)
            )
        )
    return tuple(resources)


def _model_document(
    spec: Mapping[str, Any],
    operations: list[Operation],
    hoister: Hoister,
    class_names: Mapping[str, str],
    *,
    source: str,
    diagnostics: Diagnostics,
) -> tuple[dict[str, Any], dict[str, str], ExampleAudit]:
    """The schemas-only document for datamodel-code-generator, the union members it names and
    what the spec's own examples showed."""
    info = spec.get("info") or {}
    hoisted = {name: (schema, hoister.origins[name]) for name, schema in hoister.schemas.items()}
    audit = audit_examples(spec, operations, source, diagnostics)
    title, version = str(info.get("title", "")), str(info.get("version", ""))
    dropped: list[tuple[str, str]] = []
    document, members, collisions = build_model_document(
        title, version, spec["components"]["schemas"], class_names, hoisted=hoisted, audit=audit, dropped=dropped
    )
    for pointer, problem in dropped:
        diagnostics.warning(
            source, pointer, f"{problem}; the constraint is left out of the model", code="bad-constraint"
        )
    for pointer, name in collisions:
        diagnostics.error(
            source,
            pointer,
            f"inline schema would be named {name!r}, which is already taken; rename the other class "
            "with a class-name override (registry `class_names`, or --class-name KEY=Name)",
            code="name-collision",
        )
    if collisions:
        raise GeneratorError(diagnostics.at_least(Level.ERROR))
    return document, members, audit


def build_api(
    spec_in: Mapping[str, Any],
    source: str,
    diagnostics: Diagnostics,
    *,
    class_overrides: Mapping[str, str] | None = None,
    models_document: bool = True,
) -> Api:
    """Build the IR, or raise ``GeneratorError`` when the spec has errors.

    ``models_document=False`` skips the example audit and the model document (``model_document``
    is then empty): for consumers such as the version diff that never render models.
    """
    if not validate_document(spec_in, source, diagnostics) or not check_schemas(spec_in, source, diagnostics):
        raise GeneratorError(diagnostics.at_least(Level.ERROR))
    spec = repair_dangling(dict(spec_in), check_refs(dict(spec_in), source, diagnostics))
    schemas: Mapping[str, Any] = spec["components"]["schemas"]
    class_names = _class_names(schemas, class_overrides or {}, source, diagnostics)
    annotator = Annotator(Resolver(spec), class_names)
    hoister = Hoister({join("", "components", "schemas", k): v for k, v in class_names.items()}, source, diagnostics)
    builder = OperationBuilder(spec, annotator, hoister, source, diagnostics)
    operations = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                operations.append(builder.build(str(path), method, item[method], list(item.get("parameters") or [])))
    _check_operation_ids(operations, source, diagnostics)
    resources = _resources(operations, spec, source, diagnostics)
    if models_document:  # field names only matter to models (the diff never renders any)
        check_field_names(spec, source, diagnostics)
    if diagnostics.has_errors():
        raise GeneratorError(diagnostics.at_least(Level.ERROR))
    info = spec.get("info") or {}
    document: dict[str, Any] = {}
    members: dict[str, str] = {}
    widenings: dict[str, str] = {}
    if models_document:
        check_allof_cycles(spec, source, diagnostics)
        if not diagnostics.has_errors():
            check_allof_depth(spec, source, diagnostics)
        if diagnostics.has_errors():
            raise GeneratorError(diagnostics.at_least(Level.ERROR))
        document, members, audit = _model_document(
            spec, operations, hoister, class_names, source=source, diagnostics=diagnostics
        )
        widenings = dict(audit.widen)
    models = [
        ModelClass(name, module_name(name), join("", "components", "schemas", key), key)
        for key, name in class_names.items()
    ]
    models += [
        ModelClass(name, module_name(name), origin, None) for name, origin in {**hoister.origins, **members}.items()
    ]
    return Api(
        source=source,
        version=str(info.get("version", "")),
        title=str(info.get("title", "")),
        description=str(info.get("description") or "").strip(),
        servers=_servers(spec),
        resources=resources,
        models=tuple(sorted(models, key=lambda m: m.class_name)),
        model_document=document,
        field_aliases=field_aliases(document),
        spec=spec,
        request_widenings=widenings,
    )
