"""Every broken spec in corpus/ fails with one located, readable error, no traceback and no writes.

Each case names the file, the diagnostic code, the line (and, for problems inside the document,
the JSON pointer) the message must carry, and words the message must contain.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_support import (
    CORPUS,
    GENERATED,
    assert_no_traceback,
    generate,
    prepared_out,
    run_subprocess,
    snapshot,
)


@dataclass(frozen=True)
class Case:
    file: str
    code: str
    line: int | None
    pointer: str | None
    words: tuple[str, ...]


CASES = [
    # not a spec at all
    Case("not_yaml.yaml", "yaml-syntax", 2, None, ("not valid YAML", "column")),
    Case("truncated_mid_flow_mapping.yaml", "yaml-syntax", 18, None, ("not valid YAML", "column")),
    Case("top_level_list.yaml", "not-a-mapping", 1, None, ("expected a mapping", "a list")),
    Case("top_level_string.yaml", "not-a-mapping", 1, None, ("expected a mapping", "a string")),
    Case("control_character.yaml", "yaml-syntax", 3, None, ("U+0007 is not allowed", "column 16")),
    Case("latin1_not_utf8.yaml", "not-utf8", 3, None, ("not UTF-8", "0xe9")),
    Case("empty.yaml", "empty-file", None, None, ("file is empty",)),
    Case("only_comment.yaml", "not-a-mapping", 1, None, ("found nothing",)),
    Case("yaml_alias_bomb.yaml", "bad-shape", None, None, ("expands to more than", "aliases")),
    Case("yaml_recursive_alias.yaml", "bad-shape", None, None, ("contains itself",)),
    Case("nested_1000_levels.yaml", "bad-shape", None, None, ("nested more than 200 levels",)),
    # not OpenAPI 3, or missing what generation needs
    Case("swagger_2_0.yaml", "unsupported-openapi", 1, "/swagger", ("Swagger 2.0", "OpenAPI 3.0 and 3.1")),
    Case("missing_openapi_field.yaml", "not-openapi", 1, "/openapi", ("missing the 'openapi' field",)),
    Case("openapi_4_version.yaml", "unsupported-openapi", 1, "/openapi", ("'4.0.0'",)),
    Case("missing_paths.yaml", "missing-paths", 1, "/paths", ("missing 'paths'",)),
    Case("missing_components.yaml", "missing-components", 1, "/components/schemas", ("components.schemas",)),
    Case("truncated_before_components.yaml", "missing-components", 2, "/components/schemas", ("components",)),
    Case("operation_not_a_mapping.yaml", "bad-operation", 5, "/paths/~1contacts/get", ("must be a mapping",)),
    Case(
        "property_schema_cut_off.yaml",
        "bad-schema",
        10,
        "/components/schemas/statistics/properties/first_reply_at",
        ("a schema must be a mapping, found nothing",),
    ),
    Case("all_of_is_a_mapping.yaml", "bad-schema", 7, "/components/schemas/admin/allOf", ("list of schemas",)),
    Case("version_with_newline.yaml", "bad-version", 4, "/info/version", ("Intercom-Version header",)),
    Case("duplicate_paths_key.yaml", "duplicate-key", 10, "/paths/~1contacts", ("'/contacts'", "lines 5 and 10")),
    Case("duplicate_schema_key.yaml", "duplicate-key", 15, "/components/schemas/contact", ("lines 12 and 15",)),
    # servers the client must never call
    Case("server_url_javascript.yaml", "bad-server-url", 5, "/servers/0/url", ("not an absolute http(s) URL",)),
    Case("server_url_file.yaml", "bad-server-url", 5, "/servers/0/url", ("'file:///etc/passwd'",)),
    Case("server_url_with_password.yaml", "bad-server-url", 5, "/servers/0/url", ("credentials", "admin:***@")),
    # references
    Case(
        "dangling_ref_to_response.yaml",
        "dangling-ref",
        10,
        "/paths/~1contacts~1{id}/get/responses/200",
        ("#/components/responses/ContactFound", "nothing at that location"),
    ),
    Case(
        "ref_cycle_two_schemas.yaml",
        "ref-cycle",
        17,
        "/components/schemas/contact",
        ("#/components/schemas/contact -> #/components/schemas/person -> #/components/schemas/contact",),
    ),
    Case("ref_cycle_self.yaml", "ref-cycle", 6, "/components/schemas/contact", ("$ref cycle",)),
    Case("ref_cycle_parameters.yaml", "ref-cycle", 13, "/components/parameters/page", ("per_page",)),
    Case("allof_cycle.yaml", "allof-cycle", 7, "/components/schemas/admin/allOf", ("admin -> teammate -> admin",)),
    Case(
        "ref_to_other_file.yaml",
        "external-ref",
        9,
        "/components/schemas/contact/properties/company",
        ("companies.yaml#", "nothing is fetched"),
    ),
    Case(
        "ref_to_url.yaml",
        "external-ref",
        9,
        "/components/schemas/contact/properties/company",
        ("https://schemas.example.com", "nothing is fetched"),
    ),
    Case("ref_not_a_string.yaml", "bad-ref", 9, "/components/schemas/contact/properties/company", ("a mapping",)),
    Case(
        "ref_into_a_schema.yaml",
        "bad-ref",
        10,
        "/components/schemas/contact/properties/company_name",
        ("must name a component schema",),
    ),
    # names
    Case(
        "duplicate_operation_ids.yaml",
        "duplicate-operation-id",
        12,
        "/paths/~1contacts~1search/post/operationId",
        ("POST /contacts/search and GET /contacts both have operationId 'listContacts'", "contacts.list_contacts"),
    ),
    Case(
        "schema_names_collide.yaml",
        "name-collision",
        7,
        "/components/schemas/ContactList",
        ("'contact_list' and 'ContactList'", "class 'ContactList'"),
    ),
    Case(
        "property_names_collide.yaml",
        "name-collision",
        10,
        "/components/schemas/contact/properties/first_name",
        ("'first-name' and 'first_name'", "Python field 'first_name'"),
    ),
    Case(
        "schema_named_like_an_import.yaml",
        "reserved-name",
        6,
        "/components/schemas/BaseModel",
        ("a name the generated model modules import", "--class-name"),
    ),
    Case(
        "tag_shadows_client_attribute.yaml",
        "name-collision",
        7,
        "/paths/~1timeouts/get/tags",
        ("client.timeout", "rename the tag"),
    ),
]


def test_every_corpus_file_has_a_case() -> None:
    broken = {c.file for c in CASES}
    valid = {"_valid_minimal.yaml"} | {p.name for p in CORPUS.glob("ok_*.yaml")}
    valid |= {p.name for p in CORPUS.glob("warn_*.yaml")}  # generate with warnings (test_hostile_strict.py)
    assert {p.name for p in CORPUS.glob("*.yaml")} == broken | valid


def test_the_minimal_spec_is_valid(tmp_path: Path) -> None:
    run = generate(CORPUS / "_valid_minimal.yaml", tmp_path)
    assert run.status == 0, run.output
    assert (tmp_path / "pkg" / "__init__.py").is_file()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file.removesuffix(".yaml"))
def test_broken_spec_fails_clearly_and_writes_nothing(case: Case, tmp_path: Path) -> None:
    out = prepared_out(tmp_path)
    before_out, before_generated = snapshot(out), snapshot(GENERATED)

    run = generate(CORPUS / case.file, out)

    assert run.status == 1, run.output
    assert_no_traceback(run)
    assert not run.connections, "the generator tried to reach the network"
    (error,) = run.errors()  # exactly one error, printed once
    assert (error["code"], error["source"]) == (case.code, case.file)
    assert error["line"] == (str(case.line) if case.line is not None else None)
    assert error["pointer"] == case.pointer
    for word in case.words:
        assert word in error["message"], error["message"]
    assert run.stderr.rstrip().endswith("nothing was written."), run.stderr
    assert run.stdout == ""
    assert snapshot(out) == before_out
    assert snapshot(GENERATED) == before_generated


@pytest.mark.parametrize("file", ["truncated_mid_flow_mapping.yaml", "ref_to_url.yaml", "allof_cycle.yaml"])
def test_the_console_entry_point_prints_no_traceback(file: str, tmp_path: Path) -> None:
    out = prepared_out(tmp_path)
    before = snapshot(out)
    run = run_subprocess("generate", "--spec", CORPUS / file, "--name", "pkg", "--out", out)
    assert run.status == 1
    assert_no_traceback(run)
    assert len(run.errors()) == 1, run.stderr
    assert snapshot(out) == before


def test_a_missing_spec_file_is_named(tmp_path: Path) -> None:
    run = generate(tmp_path / "nowhere.yaml", tmp_path / "out")
    assert run.status == 1
    assert_no_traceback(run)
    (error,) = run.errors()
    assert (error["code"], error["source"], error["message"]) == ("file-missing", "nowhere.yaml", "file not found")
    assert not (tmp_path / "out").exists()


def test_a_folder_given_as_the_spec_is_named(tmp_path: Path) -> None:
    run = generate(tmp_path, tmp_path / "out")
    assert run.status == 1
    assert_no_traceback(run)
    (error,) = run.errors()
    assert error["code"] == "file-unreadable"
    assert "directory" in error["message"]


def test_the_network_guard_catches_an_attempt() -> None:
    """The corpus tests' "no network" assertion is only worth something if the guard sees attempts."""
    import socket
    import urllib.request

    from hostile_support import no_network

    attempts: list[object] = []
    with no_network(attempts), pytest.raises(OSError):
        urllib.request.urlopen("https://schemas.example.com/intercom/company.yaml", timeout=1)
    with no_network(attempts), pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", 9))
    assert len(attempts) == 2
    assert socket.create_connection is not None and socket.getaddrinfo.__module__ == "socket"  # restored
