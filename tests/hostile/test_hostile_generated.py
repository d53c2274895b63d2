"""Specs that look hostile but are valid generate packages that import, work and stay inert."""

from __future__ import annotations

import ast
import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from hostile_support import CORPUS, assert_no_traceback, generate

SENTINEL_VARIABLE = "HOSTILE_SENTINEL"


def _generate_and_import(tmp: Path, spec: str, name: str) -> ModuleType:
    run = generate(CORPUS / spec, tmp, name)
    assert run.status == 0, run.output
    assert_no_traceback(run)
    sys.path.insert(0, str(tmp))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(tmp))


@pytest.fixture(scope="module")
def sentinel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("sentinel") / "code-ran"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(SENTINEL_VARIABLE, str(path))
        yield path


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory, sentinel: Path) -> ModuleType:
    return _generate_and_import(tmp_path_factory.mktemp("injection"), "ok_code_injection.yaml", "hostile_injection")


@pytest.fixture(scope="module")
def recursive(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _generate_and_import(tmp_path_factory.mktemp("recursive"), "ok_recursive_schemas.yaml", "hostile_recursive")


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _generate_and_import(tmp_path_factory.mktemp("awkward"), "ok_awkward_property_names.yaml", "hostile_awkward")


def _client(package: ModuleType, answer: Any, seen: list[httpx.Request] | None = None) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(200, json=answer)

    return package.Intercom(
        token="tok",
        base_url="https://api.test",
        http_client=httpx.Client(transport=httpx.MockTransport(handle)),
    )


def _package_sources(package: ModuleType) -> dict[str, str]:
    root = Path(package.__file__ or "").parent
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.py"))
        if "_runtime" not in p.parts
    }


# --- code injection -------------------------------------------------------------------------


def _resource_and_method(client: Any) -> tuple[Any, Any]:
    (resource,) = [getattr(client, n) for n in vars(type(client)) if n.startswith("notes")]
    (method,) = [getattr(resource, n) for n in vars(type(resource)) if n.startswith("show")]
    return resource, method


def test_injected_text_never_runs(injected: ModuleType, sentinel: Path) -> None:
    for name in injected.models.__all__:
        getattr(injected.models, name)  # import every model module
    _, method = _resource_and_method(_client(injected, {"kind": "'''"}))
    note = method('x"); y')
    assert note.kind == "'''"
    assert "open(__import__('os')" in (method.__doc__ or "")  # the text survives, as text
    assert not sentinel.exists(), "text from the spec ran as code"


def test_injected_text_is_only_ever_a_string_constant(injected: ModuleType) -> None:
    """No name, attribute or call that the spec wrote appears in the generated code's syntax tree."""
    sources = _package_sources(injected)
    assert sum("HOSTILE_SENTINEL" in source for source in sources.values()) >= 4  # it is there, as text
    for path, source in sources.items():
        tree = ast.parse(source)
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        attributes = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not {"open", "__import__", "environ", "system"} & (names | attributes), path


def test_names_from_injected_text_are_sanitised(injected: ModuleType) -> None:
    client = _client(injected, {})
    resource, method = _resource_and_method(client)
    identifiers = [type(resource).__name__, method.__name__, *injected.models.__all__]
    identifiers += [n for n in vars(type(client)) if not n.startswith("_")]
    for name in identifiers:
        assert name.isidentifier() and name.isascii(), name
        assert not any(c in name for c in "\"'()\\ "), name
    assert method.__name__ == "show_open_import_os_environ_hostile_sentinel_w"
    assert injected.models.__all__ == ["NoteImportOs"]


def test_the_version_with_quotes_is_sent_exactly(injected: ModuleType) -> None:
    seen: list[httpx.Request] = []
    client = _client(injected, {}, seen)
    _, method = _resource_and_method(client)
    method("1")
    assert seen[0].headers["Intercom-Version"] == injected.API_VERSION
    assert injected.API_VERSION.startswith('9"""+open(')


PAYLOAD = "open(__import__('os').environ['HOSTILE_SENTINEL'],'w').close()"
# line breaks of every kind Python, YAML or a splitlines() knows, NUL and other controls, quotes
HOSTILE_TEXT = f"\n{PAYLOAD}\n\"\"\"'''\\ \x00 \x0b \x0c \x1b \x1c \x85 \u2028 \r{PAYLOAD}\\"
IMPORT_ALL = (
    "import sys, hostile_name as p; from hostile_name import models;"
    " [getattr(models, n) for n in models.__all__]; print(repr(p.Intercom(token='t')))"
)


def test_the_spec_file_name_and_info_fields_never_run(tmp_path: Path, sentinel: Path) -> None:
    """The file name lands in every banner comment, info fields in docstrings: none of it may run."""
    import os
    import subprocess

    import yaml

    spec = yaml.safe_load((CORPUS / "_valid_minimal.yaml").read_text())
    spec["info"].update(title="Title" + HOSTILE_TEXT, description=HOSTILE_TEXT)
    spec["tags"] = [{"name": "Contacts", "description": HOSTILE_TEXT}]
    spec["components"]["schemas"]["contact"].update(description=HOSTILE_TEXT, title=HOSTILE_TEXT)
    name = f"x\n{PAYLOAD}\n# coding=utf-16 \x01\x0b\x0c\x1b\"'''\\.yaml"  # NUL and / cannot be in a name
    path = tmp_path / name
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    run = generate(path, tmp_path / "out", "hostile_name")
    assert run.status == 0, run.output
    assert_no_traceback(run)
    for module in (tmp_path / "out" / "hostile_name").rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        head = source.splitlines()[:2]
        assert not any("coding:" in line or "coding=" in line for line in head), module
        tree = ast.parse(source)
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        assert "open" not in names and "__import__" not in names, module
    env = {**os.environ, SENTINEL_VARIABLE: str(sentinel)}
    done = subprocess.run(
        [sys.executable, "-W", "error", "-c", IMPORT_ALL],
        cwd=tmp_path / "out",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not sentinel.exists(), "text from the spec's file name or info ran as code"


# --- recursion ------------------------------------------------------------------------------

TREE = {
    "name": "root",
    "children": [{"name": "a", "children": [{"name": "a1"}]}, {"name": "b"}],
    "parent": {"name": "above"},
    "owner": {"id": "7", "team": {"name": "support", "admins": [{"id": "8", "team": {"name": "nested"}}]}},
}


def test_self_recursive_schema_validates_nested_data(recursive: ModuleType) -> None:
    folder = recursive.models.Folder.model_validate(TREE)
    assert folder.children[0].children[0].name == "a1"
    assert folder.parent.name == "above"
    assert folder.owner.team.admins[0].team.name == "nested"
    assert folder.model_dump(mode="json", exclude_unset=True) == TREE


def test_recursive_model_rejects_bad_data_at_depth(recursive: ModuleType) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        recursive.models.Folder.model_validate({"name": "root", "children": [{"children": [{"name": 5.5}]}]})
    locations = {tuple(e["loc"]) for e in caught.value.errors()}
    assert ("children", 0, "name") in locations  # required name missing one level down


def test_recursive_response_parses_through_the_client(recursive: ModuleType) -> None:
    seen: list[httpx.Request] = []
    folder = _client(recursive, TREE, seen).folders.show_folder("f/1")
    assert isinstance(folder, recursive.models.Folder)
    assert folder.children[0].children[0].name == "a1"
    assert seen[0].url.raw_path == b"/folders/f%2F1"


# --- awkward property names ----------------------------------------------------------------

WIRE = {
    "class": "c",
    "import": "i",
    "from": "f",
    "2fa": True,
    "3d_secure": "3d",
    "first-name": "Ada",
    "a.b": "ab",
    "$price": 12,
    "full name": "Ada Lovelace",
    "model_config": "mc",
    "_private": "p",
    "None": "n",
    "True": "t",
    "self": "s",
    "json": "j",
}


def test_awkward_names_construct_dump_and_parse(awkward: ModuleType) -> None:
    record_type = awkward.models.Record
    fields = record_type.model_fields
    wire_by_field = {name: (f.serialization_alias or name) for name, f in fields.items()}
    assert set(wire_by_field.values()) == set(WIRE)
    for name in fields:
        assert name.isidentifier() and not name.startswith("_")
    by_python_name = {name: WIRE[wire] for name, wire in wire_by_field.items()}
    record = record_type(**by_python_name)
    assert record.model_dump(mode="json", by_alias=True) == WIRE
    parsed = record_type.model_validate(WIRE)
    assert parsed == record
    assert record_type.model_validate_json(json.dumps(WIRE)).model_dump(by_alias=True) == WIRE


def test_awkward_names_travel_through_the_client(awkward: ModuleType) -> None:
    seen: list[httpx.Request] = []
    record_type = awkward.models.Record
    client = _client(awkward, WIRE, seen)
    sent = record_type.model_validate(WIRE)
    answer = client.records.create_record(sent)
    assert json.loads(seen[0].content) == WIRE
    assert answer == sent


# --- a spec without any schema ----------------------------------------------------------------


def test_a_spec_without_schemas_gives_a_working_package(tmp_path: Path) -> None:
    package = _generate_and_import(tmp_path, "warn_duplicate_operation_ids_across_tags.yaml", "hostile_no_models")
    assert package.models.__all__ == []
    with pytest.raises(ValueError, match="lists no servers; pass base_url"):
        package.Intercom(token="tok")
    seen: list[httpx.Request] = []
    api = _client(package, {}, seen)
    assert api.contacts.list() is None
    assert api.companies.list() is None
    assert [r.url.path for r in seen] == ["/contacts", "/companies"]
