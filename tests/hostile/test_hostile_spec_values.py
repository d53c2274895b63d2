"""Valid specs whose values read as something else than they say, or that the generated code
could not use as they are: each generates a package that imports under ``python -W error`` and
works, or stops with a located diagnostic.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from hostile_support import CORPUS, assert_no_traceback, generate

from generator.ir.refs import MAX_ALLOF_DEPTH, allof_depths


def _generated(tmp: Path, spec: Path, name: str) -> Any:
    run = generate(spec, tmp, name)
    assert run.status == 0, run.output
    assert_no_traceback(run)
    # a fresh interpreter that turns every warning into an error imports everything
    script = f"import {name}; from {name} import models; [getattr(models, n) for n in models.__all__]"
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", script], cwd=tmp, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    sys.path.insert(0, str(tmp))
    try:
        import importlib

        return importlib.import_module(name)
    finally:
        sys.path.remove(str(tmp))


def _client(package: Any, status: int, answer: Any, seen: list[httpx.Request]) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=answer) if answer is not None else httpx.Response(status)

    return package.Intercom(token="tok", http_client=httpx.Client(transport=httpx.MockTransport(handle)))


@pytest.fixture(scope="module")
def typed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return _generated(tmp_path_factory.mktemp("typed"), CORPUS / "ok_yaml_typed_keys.yaml", "hostile_typed")


def test_yaml_boolean_and_number_keys_are_the_names_as_written(typed: Any) -> None:
    record = typed.models.No  # the schema key `no`, not False
    wire = {"no": "n", "on": True, "1": 7, "model_dump": "d", "model_validate": "v", "copy": "c"}
    parsed = record.model_validate(wire)
    assert parsed.model_dump(mode="json", by_alias=True, exclude_unset=True) == wire


def test_a_yaml_date_default_is_the_string_as_written(typed: Any) -> None:
    assert typed.models.No().since == "2024-01-01"


def test_pydantic_names_become_prefixed_fields_with_the_wire_name_kept(typed: Any) -> None:
    fields = typed.models.No.model_fields
    assert fields["field_model_dump"].serialization_alias == "model_dump"
    assert fields["field_model_validate"].serialization_alias == "model_validate"
    assert typed.models.No.model_validate({"model_dump": "d"}).field_model_dump == "d"


def test_a_tag_starting_with_a_digit_becomes_a_resource(typed: Any) -> None:
    seen: list[httpx.Request] = []
    client = _client(typed, 200, {"a": 1}, seen)
    (attribute,) = [n for n in vars(type(client)) if "2_fa" in n]
    assert getattr(client, attribute).show_setting("x", str_="s") == {"a": 1}
    assert seen[0].url.params["str"] == "s"  # sent under its wire name


def test_a_parameter_named_like_a_builtin_the_method_uses_does_not_break_it(typed: Any) -> None:
    seen: list[httpx.Request] = []
    client = _client(typed, 204, None, seen)
    (attribute,) = [n for n in vars(type(client)) if "2_fa" in n]
    assert getattr(client, attribute).delete_setting("x", type_="t") is None  # was: 'str' object is not callable
    assert seen[0].url.params["type"] == "t"


def test_an_unquoted_version_is_sent_as_written(tmp_path: Path) -> None:
    package = _generated(tmp_path, CORPUS / "warn_unquoted_version.yaml", "hostile_unquoted")
    seen: list[httpx.Request] = []
    _client(package, 200, {}, seen).default.show_contact("1")
    assert package.API_VERSION == "2.10"
    assert seen[0].headers["Intercom-Version"] == "2.10"


def test_constraints_no_model_could_use_are_left_out(tmp_path: Path) -> None:
    package = _generated(tmp_path, CORPUS / "warn_bad_constraints.yaml", "hostile_constraints")
    contact = package.models.Contact.model_validate({"code": "((", "count": 3, "name": "n", "tags": []})
    assert (contact.code, contact.count) == ("((", 3)


def test_a_password_in_a_server_url_is_never_printed(tmp_path: Path) -> None:
    run = generate(CORPUS / "server_url_with_password.yaml", tmp_path)
    assert run.status == 1
    assert "hunter2" not in run.output


# --- allOf depth --------------------------------------------------------------------------


def _allof_chain(levels: int) -> dict[str, Any]:
    schemas: dict[str, Any] = {f"s{levels - 1}": {"type": "object", "properties": {"last": {"type": "string"}}}}
    for i in range(levels - 1):
        ref = {"$ref": f"#/components/schemas/s{i + 1}"}
        schemas[f"s{i}"] = {"allOf": [ref, {"type": "object", "properties": {f"p{i}": {"type": "string"}}}]}
    ok = {
        "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/s0"}}}}
    }
    return {
        "openapi": "3.0.1",
        "info": {"title": "Deep", "version": "1"},
        "paths": {"/x": {"get": {"operationId": "getX", "responses": ok}}},
        "components": {"schemas": schemas},
    }


def test_an_allof_chain_deeper_than_the_limit_is_refused_before_the_model_generator(tmp_path: Path) -> None:
    spec = tmp_path / "deep.yaml"
    spec.write_text(yaml.safe_dump(_allof_chain(300)))  # took about 40 s in the model generator
    run = generate(spec, tmp_path / "out")
    assert run.status == 1
    assert [e["code"] for e in run.errors()] == ["allof-too-deep"]
    assert_no_traceback(run)
    (error,) = run.errors()
    assert (error["code"], error["pointer"]) == ("allof-too-deep", "/components/schemas/s0/allOf")
    assert "300 schemas deep" in error["message"] and str(MAX_ALLOF_DEPTH) in error["message"]
    assert not (tmp_path / "out").exists()


def test_a_chain_at_the_limit_generates(tmp_path: Path) -> None:
    spec = tmp_path / "deep.yaml"
    spec.write_text(yaml.safe_dump(_allof_chain(MAX_ALLOF_DEPTH)))
    assert generate(spec, tmp_path / "out").status == 0


class _CountingSchemas(dict[str, Any]):
    """Counts the schema look-ups, the unit of work of the depth measure."""

    lookups = 0

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        type(self).lookups += 1
        return super().get(key, default)


def test_measuring_allof_depth_is_linear() -> None:
    """100,000 schemas in one chain: no recursion, each schema looked up a bounded number of times."""
    schemas = _CountingSchemas(_allof_chain(100_000)["components"]["schemas"])
    depths = allof_depths(schemas)
    assert depths["s0"] == 100_000
    assert _CountingSchemas.lookups <= 4 * len(schemas)


# --- loading stays fast -----------------------------------------------------------------------
