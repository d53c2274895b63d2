"""Shared fixtures: the repository root, the registry, and tiny specs built in code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tiny_spec(**overrides: Any) -> dict[str, Any]:
    """A small but complete Intercom-like spec; keyword arguments replace top-level keys."""
    spec: dict[str, Any] = {
        "openapi": "3.0.1",
        "info": {"title": "Tiny", "version": "9.9"},
        "servers": [
            {"url": "https://api.intercom.io", "description": "US"},
            {"url": "https://api.eu.intercom.io", "description": "EU"},
        ],
        "tags": [{"name": "Contacts", "description": "Everything about contacts"}],
        "paths": {
            "/contacts/{id}": {
                "get": {
                    "operationId": "ShowContact",
                    "summary": "Get a contact",
                    "tags": ["Contacts"],
                    "parameters": [
                        {
                            "name": "Intercom-Version",
                            "in": "header",
                            "schema": {"$ref": "#/components/schemas/intercom_version"},
                        },
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                        {"name": "include", "in": "query", "schema": {"type": "string", "enum": ["a", "b"]}},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/contact"}}},
                        },
                        "404": {
                            "description": "missing",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/error"}}},
                        },
                    },
                }
            },
            "/contacts": {
                "post": {
                    "operationId": "createContact",
                    "tags": ["Contacts"],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"type": "object", "properties": {"email": {"type": "string"}}}
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/contact"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "intercom_version": {"type": "string", "enum": ["9.9"]},
                "contact": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "from": {"type": "string"},
                        "role": {"type": "string", "enum": ["user", "lead"]},
                        "created_at": {"type": "integer", "format": "date-time"},
                        "name": {"type": "string", "nullable": True},
                    },
                    "required": ["id"],
                },
                "error": {"type": "object", "properties": {"type": {"type": "string"}}},
            }
        },
    }
    spec.update(overrides)
    return spec


@pytest.fixture
def spec() -> dict[str, Any]:
    return tiny_spec()
