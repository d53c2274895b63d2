"""The neutral diff: operation matching, schema sets, usage sides and identical specs."""

from __future__ import annotations

import copy
from typing import Any

from generator.core.diagnostics import Diagnostics
from generator.diff import compute_diff, diff_apis
from generator.diff.compute import normalise_path
from generator.diff.usage import schema_sides
from generator.ir.build import build_api
from generator.ir.model import Api
from tests.conftest import tiny_spec
from tests.diff.diff_support import changes_for


def api(spec: dict[str, Any]) -> Api:
    return build_api(spec, "test.yaml", Diagnostics())


def test_placeholders_are_normalised() -> None:
    assert normalise_path("/contacts/{contact_id}/tags/{id}") == "/contacts/{}/tags/{}"
    assert normalise_path("/contacts") == "/contacts"


def test_a_spec_against_itself_has_no_changes() -> None:
    spec = tiny_spec()
    assert diff_apis(api(spec), api(copy.deepcopy(spec))) == []


def test_a_renamed_placeholder_matches_the_same_operation() -> None:
    old = tiny_spec()
    new = copy.deepcopy(old)
    item = new["paths"].pop("/contacts/{id}")
    item["get"]["parameters"][1]["name"] = "contact_id"
    new["paths"]["/contacts/{contact_id}"] = item
    diff = compute_diff(api(old), api(new))
    assert not diff.operations_added and not diff.operations_removed
    (modified,) = diff.operations_modified
    (parameter,) = modified.parameters
    assert parameter.old is not None and parameter.new is not None
    assert (parameter.old.name, parameter.new.name) == ("id", "contact_id")
    assert modified.key == "GET /contacts/{contact_id}"


def test_a_schema_invented_for_a_dangling_ref_is_not_counted_as_defined() -> None:
    old = tiny_spec()
    old["components"]["schemas"]["contact"]["properties"]["custom_attributes"] = {
        "$ref": "#/components/schemas/custom_attributes"
    }
    new = copy.deepcopy(old)
    new["components"]["schemas"]["custom_attributes"] = {"type": "object", "additionalProperties": True}
    diff = compute_diff(api(old), api(new))
    assert diff.schemas_added == ("custom_attributes",)
    assert diff.schemas_removed == ()


def test_schemas_travel_on_the_sides_operations_use_them() -> None:
    spec = tiny_spec()
    spec["components"]["schemas"]["note"] = {"type": "object", "properties": {"body": {"type": "string"}}}
    post = spec["paths"]["/contacts"]["post"]
    post["requestBody"]["content"]["application/json"]["schema"] = {
        "type": "object",
        "properties": {"notes": {"type": "array", "items": {"$ref": "#/components/schemas/note"}}},
    }
    sides = schema_sides(api(spec))
    assert sides["contact"] == {"response"}
    assert sides["note"] == {"request"}
    assert "intercom_version" not in sides  # the version header is never a method argument


def test_a_schema_change_names_the_operations_using_it() -> None:
    (change,) = changes_for("property_added")
    assert change.operation is None
    assert change.affects == ("GET /contacts/{id}", "POST /contacts")
    (request_change,) = changes_for("required_request_property_added")
    assert request_change.affects == ("POST /contacts",)
    (unused,) = changes_for("schema_added")
    assert unused.affects == ()
