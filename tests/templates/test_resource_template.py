"""Render the resource template against a tiny IR and check what it prints."""

from __future__ import annotations

import ast

from generator.core.diagnostics import Diagnostics
from generator.ir.build import build_api
from generator.render.package import environment
from generator.render.views import docstring, resource_view
from tests.conftest import tiny_spec


def _render() -> str:
    api = build_api(tiny_spec(), "tiny.yaml", Diagnostics())
    view = resource_view(api.resources[0])
    return environment().get_template("resource.py.jinja").render(banner="# banner", resource=view)


def test_resource_module_parses_and_has_sync_and_async_classes() -> None:
    tree = ast.parse(_render())
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    assert classes == {
        "ContactsResource",
        "AsyncContactsResource",
        "ContactsResourceWithRawResponse",
        "AsyncContactsResourceWithRawResponse",
    }


def test_method_signature_path_positional_query_keyword_only() -> None:
    tree = ast.parse(_render())
    resource = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "ContactsResource")
    show = next(n for n in resource.body if isinstance(n, ast.FunctionDef) and n.name == "show_contact")
    assert [a.arg for a in show.args.args] == ["self", "id"]
    assert [a.arg for a in show.args.kwonlyargs] == ["include", "request_options"]
    assert ast.unparse(show.returns) == "models.Contact" if show.returns else False


def test_async_methods_await_the_client() -> None:
    source = _render()
    assert "async def show_contact(" in source
    assert "return await self._client.request(" in source


def test_docstring_neutralises_quotes_and_backslashes() -> None:
    text = docstring('He said """hi""" \\ and left"')
    value = ast.literal_eval(text)
    assert value.startswith('He said """hi""" \\ and left"')
