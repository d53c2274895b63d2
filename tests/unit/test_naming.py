from __future__ import annotations

import pytest

from generator.core import naming


@pytest.mark.parametrize(
    ("text", "snake", "pascal"),
    [
        ("listContacts", "list_contacts", "ListContacts"),
        ("ShowContact", "show_contact", "ShowContact"),
        ("Data Export", "data_export", "DataExport"),
        ("create_contact_request", "create_contact_request", "CreateContactRequest"),
        ("HTTPServerError", "http_server_error", "HttpServerError"),
        ("x-request-id", "x_request_id", "XRequestId"),
        ("getV1Thing", "get_v1_thing", "GetV1Thing"),
    ],
)
def test_case_conversions(text: str, snake: str, pascal: str) -> None:
    assert naming.snake_case(text) == snake
    assert naming.pascal_case(text) == pascal


def test_keywords_and_digits_become_valid_identifiers() -> None:
    assert naming.safe_identifier("import") == "import_"
    assert naming.safe_identifier("2fa") == "_2fa"
    assert naming.safe_identifier("request_options") == "request_options_"
    assert naming.parameter_name("Intercom-Version") == "intercom_version"


def test_injected_text_cannot_survive_into_an_identifier() -> None:
    name = naming.method_name('x"); __import__("os").system("id"); ("')
    assert name.isidentifier()
    assert "(" not in name and '"' not in name


def test_route_names_are_deterministic() -> None:
    assert (
        naming.method_name_from_route("get", "/export/reporting_data/{job_identifier}")
        == "get_export_reporting_data_job_identifier"
    )


def test_model_class_rejects_names_with_nothing_usable() -> None:
    assert naming.model_class("---") == ""
    assert naming.model_class("2fa_codes") == "_2faCodes"


def test_reserved_attributes_cover_everything_a_client_has() -> None:
    """A resource (tag) or method may not take a name the client or its runtime already uses."""
    from generator.core.naming import RESERVED_ATTRIBUTES
    from generator.runtime import AsyncAPIClient, SyncAPIClient, SyncResource

    class Probe(SyncAPIClient):
        api_version = "0"
        servers = {"us": "https://api.test"}

    public = {n for n in dir(Probe(token="t")) if not n.startswith("_")}
    public |= {n for n in dir(AsyncAPIClient) if not n.startswith("_")}
    public |= {n for n in dir(SyncResource) if not n.startswith("_")}
    assert public - {"with_raw_response"} <= RESERVED_ATTRIBUTES
    assert "with_raw_response" in RESERVED_ATTRIBUTES


def test_parameters_may_not_shadow_what_a_method_body_uses() -> None:
    from generator.core.naming import parameter_name

    assert [parameter_name(n) for n in ("body", "cast", "self", "request_options")] == [
        "body_",
        "cast_",
        "self_",
        "request_options_",
    ]
