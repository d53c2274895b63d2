"""Every response example in each spec parses into the generated model for that response.

An example may fail to parse only where the generator found it at odds with its own schema (a value
of another JSON type, reported as ``example-type-mismatch``, and acknowledged per version in the
registry once reviewed): a spec defect is a diagnostic, never a test to edit.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from generator.ir.refs import schema_name
from tests.support import CLIENT_PACKAGES, annotation_type, api_for, package_module


def _cases() -> list[Any]:
    cases = []
    for package in CLIENT_PACKAGES:
        api = api_for(package)
        class_of = {m.schema_key: m.class_name for m in api.models if m.schema_key}
        for op in api.operations:
            for response in op.responses:
                if response.status == op.result.status:
                    annotation = op.result.annotation
                elif response.schema is not None and isinstance(response.schema.get("$ref"), str):
                    annotation = "_models." + class_of[schema_name(response.schema["$ref"]) or ""]
                else:
                    continue
                if annotation in ("None", "str"):
                    continue
                for name, example in response.examples.items():
                    key = (package, op.key, response.status, name)
                    cases.append(pytest.param(package, annotation, example, key, id="|".join(key)))
    return cases


@pytest.mark.parametrize(("package", "annotation", "example", "key"), _cases())
def test_response_example_parses(package: str, annotation: str, example: Any, key: tuple[str, str, str, str]) -> None:
    package_module(package)
    adapter: TypeAdapter[Any] = TypeAdapter(annotation_type(package, annotation))
    try:
        adapter.validate_python(example)
    except ValidationError as error:
        misfit = api_for(package).example_misfits.get(key[1:])
        assert misfit is not None, f"the example does not parse, and the generator did not report why: {error}"


def test_every_client_version_has_examples_checked() -> None:
    counts = {p: sum(1 for c in _cases() if c.values[0] == p) for p in CLIENT_PACKAGES}
    assert all(count > 100 for count in counts.values()), counts
