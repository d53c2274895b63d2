"""The normalised spec each client package is generated from, written as JSON for other tools.

``intercom-gen spec --out DIR`` writes ``DIR/<package>.json`` for every client version (or only
``--version``'s). The document is ``Api.spec``: the pinned spec corrected by the version's overlays
(see ``overlays.py``) and repaired by the generator (dangling schema ``$ref``s defined as free-form
objects; request properties widened where the spec's own request examples send another type), so
a tool that refuses the upstream file, such as a mock server, loads exactly what the client was
generated from. A top-level ``x-intercom-clientgen`` object names the source file, its
sha256 and the overlays applied.

Nothing is written when any version has errors; each file is written atomically.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..build.pipeline import Target
from ..build.writer import write_file
from ..core.diagnostics import Diagnostics, GeneratorError
from ..ir.examples import widen_spec
from ..ir.source import load_api
from ..spec.load import sha256_of

EXTENSION_KEY = "x-intercom-clientgen"


@dataclass(frozen=True)
class EmittedSpec:
    package: str
    path: Path
    text: str


def normalised_spec(target: Target, diagnostics: Diagnostics) -> dict[str, Any]:
    """The repaired spec ``target``'s package is generated from; raises ``GeneratorError`` on errors."""
    loaded = load_api(target.source, diagnostics)
    api = loaded.api
    spec = widen_spec(dict(api.spec), api.request_widenings)  # what the request models accept
    origin = {
        "source": target.spec_label,
        "sha256": sha256_of(loaded.data),
        "overlays": list(dict.fromkeys(c.overlay for c in loaded.corrections)),
    }
    return {**spec, EXTENSION_KEY: origin}


def _json_default(value: object) -> object:
    # YAML reads unquoted timestamps as dates; in JSON they are the strings they were written as
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    raise TypeError(f"cannot write a {type(value).__name__} as JSON")


def render_spec(spec: Mapping[str, Any]) -> str:
    """Deterministic JSON text: keys keep the spec's order, non-ASCII text is kept as is."""
    return json.dumps(spec, indent=1, ensure_ascii=False, default=_json_default) + "\n"


def emit_specs(targets: list[Target], out_dir: Path, diagnostics: Diagnostics) -> list[EmittedSpec]:
    """Build every target's spec; write them all only when none has errors."""
    emitted: list[EmittedSpec] = []
    for target in targets:
        try:
            spec = normalised_spec(target, diagnostics)
        except GeneratorError as exc:
            diagnostics.extend(exc.diagnostics)
            continue
        emitted.append(EmittedSpec(target.package, out_dir / f"{target.package}.json", render_spec(spec)))
    if diagnostics.has_errors():
        return []
    for item in emitted:
        write_file(item.path, item.text)
    return emitted
