"""Rule ``operation-id-changed``."""

from __future__ import annotations

from tests.diff.diff_support import changes_for, summary


def test_an_operation_id_renaming_the_method_is_breaking() -> None:
    # BC: an operationId change that renames the generated method is breaking
    changes = changes_for("operation_id_changed")
    assert summary(changes) == {
        ("operation-id-changed", "breaking", "GET /contacts/{id}", None, None),
    }
    text = "\n".join(c.message for c in changes)
    assert "`showContact` is now `retrieveContact`" in text
    assert "`show_contact` is now `retrieve_contact`" in text
