from __future__ import annotations

from generator.diagnostics import Diagnostics, Level
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
