"""Every class and module name in the generated models comes from the spec: no counters, no twins."""

from __future__ import annotations

import re

import pytest

from tests.support import CLIENT_PACKAGES, GENERATED, api_for

_CLASS = re.compile(r"^class (\w+)\(", re.MULTILINE)


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_no_class_is_defined_twice(package: str) -> None:
    classes: dict[str, str] = {}
    for path in sorted((GENERATED / package / "models").glob("*.py")):
        for name in _CLASS.findall(path.read_text()):
            assert name not in classes, f"{name} in {path.name} and {classes[name]}"
            classes[name] = path.name


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_every_model_module_holds_a_class_the_ir_named(package: str) -> None:
    named = {m.module for m in api_for(package).models}
    modules = {p.stem for p in (GENERATED / package / "models").glob("*.py")} - {"__init__", "_internal"}
    assert modules <= named, sorted(modules - named)


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_no_numbered_names(package: str) -> None:
    spec_names = {m.class_name for m in api_for(package).models}
    for path in (GENERATED / package / "models").glob("*.py"):
        for name in _CLASS.findall(path.read_text()):
            if re.search(r"\d+$", name):
                assert name in spec_names, f"{name} ends in a number the spec does not give it"


@pytest.mark.parametrize("package", CLIENT_PACKAGES)
def test_every_component_schema_has_a_model(package: str) -> None:
    api = api_for(package)
    keys = set(api.spec["components"]["schemas"])
    assert keys == {m.schema_key for m in api.models if m.schema_key}
