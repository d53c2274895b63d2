"""Finding the user's code that a bump breaks, on mypy's analysis of it against the OLD client.

mypy type-checks the user's files with the OLD generated package importable under the name the code
uses; a plugin's hooks see every method call, constructor call and attribute read whose receiver mypy
inferred to be a client resource or model, however the value got there (variables, loops over pages,
attribute chains, aliases). Each is held against the ``Targets`` of the breaking changes.

Only the user's files are sources (given as text, so mypy always re-checks them); the package is
found on ``mypy_path`` and read from mypy's incremental cache after the first run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mypy.nodes import ARG_POS, CallExpr, Decorator, FuncDef, MemberExpr, OverloadedFuncDef, StrExpr, TypeInfo, Var
from mypy.options import Options
from mypy.plugin import AttributeContext, FunctionContext, MethodContext, Plugin
from mypy.types import CallableType, Instance, NoneType, Type, UnionType, get_proper_type

from .targets import CallTarget, PropertyTarget, Root, Targets

Field = tuple[str, str]
"""(defining class's full name, field name)."""


@dataclass(frozen=True)
class Hit:
    """One place in the user's code broken by one change."""

    file: str
    line: int
    column: int
    rule: str
    key: str
    message: str
    fix: str


def _model_infos(typ: Type | None, models: str) -> list[TypeInfo]:
    """The model classes a value of ``typ`` may be: through ``X | None``, unions and lists of them."""
    found: list[TypeInfo] = []
    pending = [typ] if typ is not None else []
    while pending:
        proper = get_proper_type(pending.pop())
        if isinstance(proper, UnionType):
            pending.extend(proper.items)
        elif isinstance(proper, Instance):
            if proper.type.fullname.startswith(models):
                found.append(proper.type)
            elif proper.type.fullname in ("builtins.list", "typing.Sequence", "collections.abc.Sequence"):
                pending.extend(proper.args)
    return found


def _field(info: TypeInfo, wire: str) -> tuple[str, Var] | None:
    """The model field a property called ``wire`` became (``from`` is ``from_``), with its ``Var``."""
    symbol = info.get(wire)
    if symbol is not None and isinstance(symbol.node, Var):
        return wire, symbol.node
    from ...ir.fields import python_field_name

    name = python_field_name(wire)
    symbol = info.get(name)
    return (name, symbol.node) if symbol is not None and isinstance(symbol.node, Var) else None


def _callables(info: TypeInfo, method: str) -> list[CallableType]:
    """The signatures of ``method``: its one signature, or each of its overloads."""
    symbol = info.get(method)
    node = symbol.node if symbol is not None else None
    nodes = list(node.items) if isinstance(node, OverloadedFuncDef) else [node]
    found = []
    for item in nodes:
        func = item.func if isinstance(item, Decorator) else item
        typ = get_proper_type(func.type) if isinstance(func, FuncDef) else None
        if isinstance(typ, CallableType):
            found.append(typ)
    return found


class _Resolver:
    """Property paths (``data[].id``) of the targets, resolved to the model fields they reach."""

    def __init__(self, prefix: str, lookup: Callable[[str], TypeInfo | None]) -> None:
        self.models = f"{prefix}.models."
        self.prefix = prefix
        self.lookup = lookup

    def _roots(self, root: Root) -> list[TypeInfo]:
        if root.model is not None:
            info = self.lookup(f"{self.prefix}.{root.model}")
            return [info] if info is not None else []
        resource = self.lookup(f"{self.prefix}.{root.resource}")
        found: list[TypeInfo] = []
        for signature in _callables(resource, root.method or "") if resource is not None else []:
            if not root.body:
                found += _model_infos(signature.ret_type, self.models)
            elif "body" in signature.arg_names:
                found += _model_infos(signature.arg_types[signature.arg_names.index("body")], self.models)
        return list(dict.fromkeys(found))

    def fields(self, root: Root, path: str) -> list[Field]:
        current = self._roots(root)
        *parents, last = path.replace("[]", "").split(".")
        for segment in parents:
            following: list[TypeInfo] = []
            for info in current:
                field = _field(info, segment)
                if field is not None:
                    following += _model_infos(field[1].type, self.models)
            current = following
        found = {(field[1].info.fullname, field[0]) for info in current if (field := _field(info, last))}
        return sorted(found)


def _keywords(call: CallExpr) -> set[str]:
    return {name for name in call.arg_names if name is not None}


def _passes_whole_body(call: CallExpr, body_at: int) -> bool:
    positional = sum(1 for kind in call.arg_kinds if kind == ARG_POS)
    return "body" in _keywords(call) or positional > body_at


def _call_breaks(check: str, argument: str | None, value: str | None, passed: Sequence[object], keyword: bool) -> bool:
    if check == "any":
        return True
    if check == "missing":
        return not passed
    if check == "literal":
        return any(isinstance(arg, StrExpr) and arg.value == value for arg in passed)
    return keyword if check == "keyword" else bool(passed)


def _may_be_none(typ: Type | None) -> bool:
    proper = get_proper_type(typ) if typ is not None else None
    items = proper.items if isinstance(proper, UnionType) else [proper]
    return any(isinstance(get_proper_type(item), NoneType) for item in items)


def _made_by(context: object) -> str | None:
    """For ``x.method(...).field``: the method whose answer is read; None when the value is a variable."""
    receiver = context.expr if isinstance(context, MemberExpr) else None
    if isinstance(receiver, CallExpr) and isinstance(receiver.callee, MemberExpr):
        return receiver.callee.name
    return None


class ImpactPlugin(Plugin):
    """mypy plugin recording the hits of ``targets`` in ``user_files`` into ``hits``."""

    def __init__(self, options: Options, prefix: str, targets: Targets, user_files: Iterable[str]) -> None:
        super().__init__(options)
        self.prefix = prefix
        self.user_files = {str(Path(f).resolve()) for f in user_files}
        self.hits: set[Hit] = set()
        self._calls: dict[tuple[str, str | None], list[CallTarget]] = {}
        for target in targets.calls:
            self._calls.setdefault((f"{prefix}.{target.owner}", target.method), []).append(target)
        self._properties = targets.properties
        self._reads: dict[Field, list[tuple[PropertyTarget, str]]] | None = None
        self._writes: dict[str, list[tuple[PropertyTarget, str, str]]] = {}

    # resolution waits for the first hook in a user file: by then every package module is analysed
    def _resolve(self) -> dict[Field, list[tuple[PropertyTarget, str]]]:
        if self._reads is None:

            def lookup(fullname: str) -> TypeInfo | None:
                symbol = self.lookup_fully_qualified(fullname)
                return symbol.node if symbol is not None and isinstance(symbol.node, TypeInfo) else None

            resolver = _Resolver(self.prefix, lookup)
            reads: dict[Field, list[tuple[PropertyTarget, str]]] = {}
            for target in self._properties:
                for owner, name in resolver.fields(target.root, target.path):
                    model = owner.rsplit(".", 1)[1]
                    if target.read:
                        reads.setdefault((owner, name), []).append((target, model))
                    else:
                        self._writes.setdefault(owner, []).append((target, model, name))
            self._reads = reads
        return self._reads

    def _in_user_file(self, path: str) -> bool:
        return str(Path(path).resolve()) in self.user_files

    def _hit(self, path: str, context: object, target: CallTarget | PropertyTarget, fix: str) -> None:
        line, column = getattr(context, "line", 0), getattr(context, "column", 0)
        change = target.change
        self.hits.add(Hit(str(Path(path).resolve()), line, column, change.id, change.key, change.message, fix))

    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        owner, _, method = fullname.rpartition(".")
        module = owner.rpartition(".")[0]
        targets = self._calls.get((module, method))
        if not targets:
            return None

        def hook(ctx: MethodContext) -> Type:
            if self._in_user_file(ctx.api.path) and isinstance(ctx.context, CallExpr):
                keywords = _keywords(ctx.context)
                for target in targets:
                    if target.body_at is not None and _passes_whole_body(ctx.context, target.body_at):
                        continue
                    passed: Sequence[object] = ()
                    if target.argument is not None and target.argument in ctx.callee_arg_names:
                        passed = ctx.args[ctx.callee_arg_names.index(target.argument)]
                    elif target.body_at is not None:  # an overload without the field: read the call itself
                        passed = [
                            a
                            for n, a in zip(ctx.context.arg_names, ctx.context.args, strict=True)
                            if n == target.argument
                        ]
                    keyword = target.argument in keywords
                    if _call_breaks(target.check, target.argument, target.value, passed, keyword):
                        self._hit(ctx.api.path, ctx.context, target, target.fix)
            return ctx.default_return_type

        return hook

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        if not fullname.startswith(f"{self.prefix}.models."):
            return None

        def hook(ctx: FunctionContext) -> Type:
            if self._in_user_file(ctx.api.path) and isinstance(ctx.context, CallExpr):
                self._resolve()
                types = {
                    id(arg): typ
                    for args, typs in zip(ctx.args, ctx.arg_types, strict=False)
                    for arg, typ in zip(args, typs, strict=False)
                }
                self._constructor(fullname, ctx.api.path, ctx.context, types)
            return ctx.default_return_type

        return hook

    def _constructor(self, fullname: str, path: str, call: CallExpr, types: dict[int, Type]) -> None:
        by_name = {name: arg for name, arg in zip(call.arg_names, call.args, strict=True) if name is not None}
        for removed in self._calls.get((fullname, None), []):
            self._hit(path, call, removed, removed.fix)
        for target, model, field in self._writes.get(fullname, []):
            wire = target.path.replace("[]", "").rsplit(".", 1)[-1]
            argument = by_name.get(field, by_name.get(wire))
            passed = [argument] if argument is not None else []
            if target.check == "none":  # only a value that may be None breaks
                passed = [a for a in passed if _may_be_none(types.get(id(a)))]
            if target.check is not None and _call_breaks(target.check, field, target.value, passed, bool(passed)):
                fix = target.fix.format(
                    field=field, model=model, old=target.types[0], new=target.types[1], value=target.value
                )
                self._hit(path, call, target, fix)

    def get_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        if not fullname.startswith(f"{self.prefix}.models."):
            return None
        owner, _, field = fullname.rpartition(".")

        def hook(ctx: AttributeContext) -> Type:
            if self._in_user_file(ctx.api.path):
                made_by = _made_by(ctx.context)
                for target, model in self._resolve().get((owner, field), []):
                    if made_by is not None and target.root.method is not None and made_by != target.root.method:
                        continue  # read straight off another method's answer, which this change is not about
                    fix = target.fix.format(
                        field=field, model=model, old=target.types[0], new=target.types[1], value=target.value
                    )
                    self._hit(ctx.api.path, ctx.context, target, fix)
            return ctx.default_attr_type

        return hook
