"""Document-level checks run before the IR is built: is this an OpenAPI 3 description at all?"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..diagnostics import Diagnostics

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
