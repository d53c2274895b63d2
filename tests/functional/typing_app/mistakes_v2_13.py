"""Mistakes a type checker must flag: each line marked as a mistake is an error under ``mypy --strict``.

Checked by tests/functional/test_typing_app.py (never run).
"""

from __future__ import annotations

from v2_13 import Intercom, models, params


def mistakes(client: Intercom) -> None:
    client.contacts.create_contact(emial="ada@example.com")  # mistake: a misspelt field
    client.contacts.create_contact(email=42)  # mistake: a wrong value type
    client.contacts.create_contact()  # mistake: one of email, external_id or role is required
    client.contacts.search_contacts(pagination={"per_page": 5})  # mistake: query is required
    client.contacts.search_contacts(query={"feild": "email", "operator": "=", "value": "x"})  # mistake: a misspelt key
    client.contacts.search_contacts(query={"field": "email"}, pagination={"per_page": "5"})  # mistake: a wrong type
    client.contacts.update_contact("1", body={"name": "Ada"}, email="ada@example.com")  # mistake: body= and fields
    client.contacts.update_contact("1", body=models.CreateContactRequest(email="x"))  # mistake: another model
    client.messages.create_message(message_type="email", body="Hi", to={"type": "user", "id": "1"})  # mistake: no from_
    other = models.UpdateContactRequest(name="Ada")
    client.contacts.search_contacts(query={"operator": "OR", "value": [other]})  # mistake: another model in a dict
    client.contacts.search_contacts(query={"operator": "OR", "value": [{"feild": "name"}]})  # mistake: a nested key
    body: params.UpdateContactRequestParam = {"nmae": "Ada"}  # mistake: a misspelt key
    client.contacts.update_contact("1", body=body)
