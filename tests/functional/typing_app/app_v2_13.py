"""Application code against the 2.13 client, written as openai-python and Fern examples are.

Checked with ``mypy --strict`` by tests/functional/test_typing_app.py, which also runs every
function here over ``httpx.MockTransport`` and compares the JSON on the wire with ``SENT``.
"""

from __future__ import annotations

from typing import Any

from v2_13 import AsyncIntercom, Intercom, models, params


def create_lead(client: Intercom) -> models.CreateContactResponse:
    return client.contacts.create_contact(role="lead", email="ada@example.com", custom_attributes={"plan": "pro"})


def search_recent_leads(client: Intercom) -> models.ContactList:
    return client.contacts.search_contacts(
        query={
            "operator": "AND",
            "value": [
                {"field": "created_at", "operator": ">", "value": 1306054154},
                {"field": "role", "operator": "=", "value": "lead"},
            ],
        },
        pagination={"per_page": 5},
    )


def search_with_a_model(client: Intercom) -> models.ContactList:
    query = models.SingleFilterSearchRequest(field="email", operator="=", value="ada@example.com")
    return client.contacts.search_contacts(query=query)


def search_with_models_inside_a_dict(client: Intercom) -> models.ContactList:
    by_email = models.SingleFilterSearchRequest(field="email", operator="=", value="ada@example.com")
    return client.contacts.search_contacts(
        query={"operator": "OR", "value": [by_email, {"field": "name", "operator": "=", "value": "Ada"}]}
    )


def update_with_a_model(client: Intercom) -> models.UpdateContactResponse:
    return client.contacts.update_contact("6762f0d51bb69f9f2193bb7f", body=models.UpdateContactRequest(name="Ada"))


def update_with_a_dict(client: Intercom) -> models.UpdateContactResponse:
    body: params.UpdateContactRequestParam = {"name": "Ada", "custom_attributes": {"vip": True}}
    return client.contacts.update_contact("6762f0d51bb69f9f2193bb7f", body=body)


def clear_a_phone_number(client: Intercom) -> models.UpdateContactResponse:
    return client.contacts.update_contact("6762f0d51bb69f9f2193bb7f", phone=None)


def send_an_email(client: Intercom) -> models.Message:
    return client.messages.create_message(
        message_type="email",
        subject="Welcome",
        body="Hello there",
        template="plain",
        from_={"type": "admin", "id": "991267608"},
        to={"type": "user", "id": "536e564f316c83104c000020"},
    )


def note_a_call(client: Intercom) -> models.Note:
    return client.notes.create_note(123, body="Called about the invoice", admin_id="991267608")


def attach_to_a_company(client: Intercom) -> models.Company:
    return client.companies.attach_contact_to_a_company("6762f0d51bb69f9f2193bb7f", id_="6762f09a1bb69f9f2193bb34")


def reply_as_an_admin(client: Intercom) -> models.Conversation:
    return client.conversations.reply_conversation(
        "123", message_type="comment", type="admin", admin_id="991267608", body="Thanks!"
    )


def every_lead(client: Intercom) -> list[str]:
    leads = client.contacts.iter_search_contacts(query={"field": "role", "operator": "=", "value": "lead"})
    return [contact.id or "" for contact in leads]


async def create_lead_async(client: AsyncIntercom) -> models.CreateContactResponse:
    return await client.contacts.create_contact(email="ada@example.com")


# (method, path, JSON body) each function above sends
SENT: dict[str, tuple[str, str, Any]] = {
    "create_lead": (
        "POST",
        "/contacts",
        {"role": "lead", "email": "ada@example.com", "custom_attributes": {"plan": "pro"}},
    ),
    "search_recent_leads": (
        "POST",
        "/contacts/search",
        {
            "query": {
                "operator": "AND",
                "value": [
                    {"field": "created_at", "operator": ">", "value": 1306054154},
                    {"field": "role", "operator": "=", "value": "lead"},
                ],
            },
            "pagination": {"per_page": 5},
        },
    ),
    "search_with_a_model": (
        "POST",
        "/contacts/search",
        {"query": {"field": "email", "operator": "=", "value": "ada@example.com"}},
    ),
    "search_with_models_inside_a_dict": (
        "POST",
        "/contacts/search",
        {
            "query": {
                "operator": "OR",
                "value": [
                    {"field": "email", "operator": "=", "value": "ada@example.com"},
                    {"field": "name", "operator": "=", "value": "Ada"},
                ],
            }
        },
    ),
    "update_with_a_model": ("PUT", "/contacts/6762f0d51bb69f9f2193bb7f", {"name": "Ada"}),
    "update_with_a_dict": (
        "PUT",
        "/contacts/6762f0d51bb69f9f2193bb7f",
        {"name": "Ada", "custom_attributes": {"vip": True}},
    ),
    "clear_a_phone_number": ("PUT", "/contacts/6762f0d51bb69f9f2193bb7f", {"phone": None}),
    "send_an_email": (
        "POST",
        "/messages",
        {
            "message_type": "email",
            "subject": "Welcome",
            "body": "Hello there",
            "template": "plain",
            "from": {"type": "admin", "id": "991267608"},
            "to": {"type": "user", "id": "536e564f316c83104c000020"},
        },
    ),
    "note_a_call": ("POST", "/contacts/123/notes", {"body": "Called about the invoice", "admin_id": "991267608"}),
    "attach_to_a_company": ("POST", "/contacts/6762f0d51bb69f9f2193bb7f/companies", {"id": "6762f09a1bb69f9f2193bb34"}),
    "reply_as_an_admin": (
        "POST",
        "/conversations/123/reply",
        {"message_type": "comment", "type": "admin", "admin_id": "991267608", "body": "Thanks!"},
    ),
    "every_lead": ("POST", "/contacts/search", {"query": {"field": "role", "operator": "=", "value": "lead"}}),
    "create_lead_async": ("POST", "/contacts", {"email": "ada@example.com"}),
}
