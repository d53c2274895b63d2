"""Document-level checks run before the IR is built: is this an OpenAPI 3 description at all?"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from ..core.diagnostics import Diagnostics

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def validate_document(document: Mapping[str, Any], source: str, diagnostics: Diagnostics) -> bool:
    """Report structural errors; return True when the IR can be built."""
    ok = True
    if "swagger" in document:
        diagnostics.error(
            source,
            "/swagger",
            "this is a Swagger 2.0 description; only OpenAPI 3.0 and 3.1 are supported",
            code="unsupported-openapi",
        )
        return False
    version = document.get("openapi")
    if version is None:
        diagnostics.error(
            source, "/openapi", "missing the 'openapi' field; is this an OpenAPI description?", code="not-openapi"
        )
        return False
    if not isinstance(version, str) or not version.startswith("3."):
        diagnostics.error(
            source,
            "/openapi",
            f"unsupported OpenAPI version {version!r}; expected 3.0.x or 3.1.x",
            code="unsupported-openapi",
        )
        return False
    ok = _validate_info(document.get("info"), source, diagnostics) and ok
    ok = _validate_servers(document.get("servers"), source, diagnostics) and ok
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        diagnostics.error(
            source,
            "/paths",
            "missing 'paths' (or it is not a mapping): there are no operations to generate",
            code="missing-paths",
        )
        ok = False
    else:
        ok = _validate_paths(paths, source, diagnostics) and ok
    components = document.get("components")
    if not isinstance(components, Mapping) or not isinstance(components.get("schemas"), Mapping):
        diagnostics.error(
            source,
            "/components/schemas",
            "missing 'components.schemas' (or it is not a mapping)",
            code="missing-components",
        )
        ok = False
    return ok


def _validate_info(info: Any, source: str, diagnostics: Diagnostics) -> bool:
    if not isinstance(info, Mapping) or not isinstance(info.get("version"), str | int | float):
        diagnostics.error(
            source, "/info/version", "missing info.version (the API version this spec describes)", code="missing-info"
        )
        return False
    version = str(info["version"])
    if not version or not version.isascii() or not version.isprintable() or any(c.isspace() for c in version):
        diagnostics.error(
            source,
            "/info/version",
            f"info.version {version!r} cannot be sent as the Intercom-Version header"
            " (it must be printable ASCII without spaces)",
            code="bad-version",
        )
        return False
    return True


def _validate_paths(paths: Mapping[str, Any], source: str, diagnostics: Diagnostics) -> bool:
    ok = True
    for path, item in paths.items():
        pointer = "/paths/" + str(path).replace("~", "~0").replace("/", "~1")
        if not isinstance(path, str) or not path.startswith("/"):
            diagnostics.error(source, pointer, f"path {path!r} must start with '/'", code="bad-path")
            ok = False
            continue
        if not isinstance(item, Mapping):
            diagnostics.error(source, pointer, "a path item must be a mapping", code="bad-path")
            ok = False
            continue
        for method, operation in item.items():
            if method in HTTP_METHODS and not isinstance(operation, Mapping):
                diagnostics.error(source, f"{pointer}/{method}", "an operation must be a mapping", code="bad-operation")
                ok = False
            elif method in HTTP_METHODS and not isinstance(operation.get("responses"), Mapping):
                diagnostics.error(
                    source,
                    f"{pointer}/{method}/responses",
                    "an operation needs a 'responses' mapping",
                    code="bad-operation",
                )
                ok = False
    return ok


_URL_CHARACTERS = re.compile(r"^[\x21-\x7e]+$")  # printable ASCII, no spaces or line breaks


def _server_problem(url: str) -> tuple[str, str] | None:
    """(level, problem) for a server URL the client must not use; None when it is fine."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return "error", "is not a valid URL"
    if not _URL_CHARACTERS.match(url):
        return "error", "holds spaces, line breaks or characters outside printable ASCII"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "error", "is not an absolute http(s) URL; the client can only call http(s) servers"
    if parts.username is not None or parts.password is not None:
        return "error", (
            "carries credentials (user:password@); they would be printed into the generated code and the"
            " client's repr. Remove them: the client authenticates with its token"
        )
    if parts.scheme.lower() == "http":
        return "warning", "uses plain http: the access token would travel unencrypted; use https"
    return None


def _shown(url: str) -> str:
    """The URL as it may be shown: a password is never repeated."""
    try:
        parts = urlsplit(url)
        if parts.password is not None:
            return url.replace(f":{parts.password}@", ":***@", 1)
    except ValueError:
        pass
    return url


def _validate_servers(servers: Any, source: str, diagnostics: Diagnostics) -> bool:
    """Every ``servers[].url`` the client may use: http(s) with a host, no credentials (http warned)."""
    ok = True
    for index, server in enumerate(servers if isinstance(servers, list) else []):
        url = server.get("url") if isinstance(server, Mapping) else None
        if not isinstance(url, str):
            continue
        found = _server_problem(url)
        if found is None:
            continue
        level, problem = found
        message = f"server URL {_shown(url)!r} {problem}"
        if level == "warning":
            diagnostics.warning(source, f"/servers/{index}/url", message, code="insecure-server-url")
        else:
            diagnostics.error(source, f"/servers/{index}/url", message, code="bad-server-url")
            ok = False
    return ok
