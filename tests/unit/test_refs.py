from __future__ import annotations

from generator.core.diagnostics import Diagnostics, Level
from generator.ir import refs


def test_pointer_escaping_round_trips() -> None:
    assert refs.join("", "paths", "/contacts/{id}", "get") == "/paths/~1contacts~1{id}/get"
    assert refs.split_ref("#/paths/~1a~0b") == ["paths", "/a~b"]
    assert refs.split_ref("other.yaml#/x") is None


def test_dangling_schema_ref_is_a_warning_and_repaired() -> None:
    doc = {"components": {"schemas": {"a": {"properties": {"b": {"$ref": "#/components/schemas/missing"}}}}}}
    diagnostics = Diagnostics()
    dangling = refs.check_refs(doc, "spec.yaml", diagnostics)
    assert dangling == {"#/components/schemas/missing"}
    (diagnostic,) = list(diagnostics)
    assert diagnostic.level == Level.WARNING
    assert diagnostic.pointer == "/components/schemas/a/properties/b"
    repaired = refs.repair_dangling(doc, dangling)
    assert repaired["components"]["schemas"]["missing"]["type"] == "object"
    assert "missing" not in doc["components"]["schemas"], "the input document is not mutated"


def test_external_refs_are_errors_and_never_followed() -> None:
    doc = {"paths": {"/a": {"$ref": "https://example.com/evil.yaml"}}}
    diagnostics = Diagnostics()
    refs.check_refs(doc, "spec.yaml", diagnostics)
    assert diagnostics.has_errors()
    assert "outside this file" in next(iter(diagnostics)).message


def test_ref_cycles_are_pure_ref_chains_only() -> None:
    from generator.ir.refs import allof_cycles, ref_cycles

    schemas = {
        "a": {"$ref": "#/components/schemas/b"},
        "b": {"$ref": "#/components/schemas/a"},
        "self": {"$ref": "#/components/schemas/self"},
        "tree": {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/tree"}}},
        "x": {"allOf": [{"$ref": "#/components/schemas/y"}]},
        "y": {"allOf": [{"$ref": "#/components/schemas/x"}, {"type": "object"}]},
        "leaf": {"allOf": [{"$ref": "#/components/schemas/tree"}]},
    }
    document = {"components": {"schemas": schemas}}
    assert ref_cycles(document) == [
        ["#/components/schemas/a", "#/components/schemas/b"],
        ["#/components/schemas/self"],
    ]
    assert allof_cycles(document) == [["x", "y"]]


def test_a_long_allof_chain_is_walked_without_recursion() -> None:
    from generator.ir.refs import allof_cycles

    schemas = {f"s{i}": {"allOf": [{"$ref": f"#/components/schemas/s{i + 1}"}]} for i in range(5000)}
    assert allof_cycles({"components": {"schemas": schemas}}) == []
    schemas["s5000"] = {"allOf": [{"$ref": "#/components/schemas/s0"}]}
    (cycle,) = allof_cycles({"components": {"schemas": schemas}})
    assert len(cycle) == 5001


def test_line_finder_follows_pointers_into_yaml() -> None:
    from generator.spec.load import line_finder

    find = line_finder("a:\n  b/c:\n    - x\n    - y: 1\n  d: 2\n")
    assert find("/a/b~1c/1/y") == 4
    assert find("/a/d") == 5
    assert find("/a/missing/deeper") == 1  # the deepest place that exists
