"""The ``webhooks`` module of a package: checking Intercom's signature and parsing notifications.

Intercom signs each notification with the app's client secret: the ``X-Hub-Signature`` header is
``sha1=`` followed by the hex HMAC-SHA1 of the raw body. A notification is an envelope
(``type: notification_event``, ``topic``, ``id``, ``app_id``, ``created_at``, ...) whose
``data.item`` is an API object; its ``type`` picks the version's model.

Where the lists come from (none of them is in the OpenAPI specs):

- ``TOPICS``: Intercom's developer documentation, "Webhook Topics" of the webhook models page
  (developers.intercom.com/docs/references/<version>/webhooks/webhook-models): the admin and
  company topics as listed for 2.9 and unstable, the contact topics for 2.5 and 2.9, the
  conversation topics as listed since 1.0 and kept in 2.x, and ``ping``. The list is not
  exhaustive (Intercom adds topics, for tickets among others): any other topic is accepted as a
  string, so a new topic never breaks a receiver.
- ``ITEM_MODELS``: the "Object" column of the same page (Admin, Company, Contact, Conversation)
  and the ticket objects of the Tickets API, each the version's model of the same ``type``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

TOPICS = (
    "admin.activity_log_event.created",
    "admin.added_to_workspace",
    "admin.away_mode_updated",
    "admin.logged_in",
    "admin.logged_out",
    "admin.removed_from_workspace",
    "company.contact.attached",
    "company.contact.detached",
    "company.created",
    "company.deleted",
    "company.updated",
    "contact.archived",
    "contact.deleted",
    "contact.email.updated",
    "contact.lead.added_email",
    "contact.lead.created",
    "contact.lead.signed_up",
    "contact.lead.tag.created",
    "conversation.admin.assigned",
    "conversation.admin.closed",
    "conversation.admin.noted",
    "conversation.admin.opened",
    "conversation.admin.replied",
    "conversation.admin.single.created",
    "conversation.admin.snoozed",
    "conversation.admin.unsnoozed",
    "conversation.deleted",
    "conversation.user.created",
    "conversation.user.replied",
    "conversation_part.tag.created",
    "ping",
)
ITEM_MODELS = {
    "admin": "Admin",
    "company": "Company",
    "contact": "Contact",
    "conversation": "Conversation",
    "ticket": "Ticket",
}


@dataclass(frozen=True)
class WebhooksView:
    topics: tuple[str, ...]
    item_models: tuple[tuple[str, str], ...]  # (item type, model class) of the classes the version has

    @property
    def item_annotation(self) -> str:
        return " | ".join([*(f"models.{cls}" for _, cls in self.item_models), "dict[str, Any]"])


def webhooks_view(classes: Collection[str]) -> WebhooksView:
    items = tuple((kind, cls) for kind, cls in ITEM_MODELS.items() if cls in classes)
    return WebhooksView(TOPICS, items)
