"""The one way from a spec to its IR: a registered version or a spec file -> ``Api``.

Every command (generate, check, spec, diff, contract, the reports) and the benchmarks load specs
through :func:`load_api`, so the registry's settings hold everywhere: the pin is verified here
(and only here), the version's overlays are applied here, its class-name overrides are passed on
here.

- :func:`resolve` turns what a user typed (``2.13``, ``unstable``, ``path/to/spec.yaml``) into a
  :class:`SpecSource`; :meth:`SpecSource.of_entry` does the same for a registry entry.
- :func:`load_api` reads the file, checks its pin, applies the overlays (unless the caller asks for
  the spec as Intercom published it) and builds the IR.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.diagnostics import Diagnostics, GeneratorError, Level
from ..spec.load import line_finder
from ..spec.overlays import Correction, load_spec
from ..spec.registry import REGISTRY_LABEL, Acknowledgement, VersionEntry, load_registry, pin_problem
from .model import Api

_SPEC_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class SpecSource:
    """Where a spec comes from and what the registry says about it."""

    path: Path
    label: str
    overlays: tuple[tuple[Path, str], ...] = ()
    class_names: tuple[tuple[str, str], ...] = ()
    sha256: str | None = None
    """The pin: the file must have this sha256 (registered versions); None for a loose file."""
    name: str | None = None
    """The registered version's name (``2.13``), None for a loose file."""
    acknowledged: tuple[Acknowledgement, ...] = ()
    """Spec defects the registry says are reviewed and expected (their warnings become infos)."""

    @classmethod
    def of_entry(cls, entry: VersionEntry) -> SpecSource:
        return cls(
            path=entry.spec,
            label=entry.spec_label(),
            overlays=entry.overlay_files(),
            class_names=entry.class_names,
            sha256=entry.upstream.sha256,
            name=entry.name,
            acknowledged=entry.acknowledged,
        )

    @classmethod
    def of_file(
        cls, path: Path, *, label: str | None = None, class_names: Sequence[tuple[str, str]] = ()
    ) -> SpecSource:
        return cls(path=path, label=label or str(path), class_names=tuple(class_names))

    def inputs(self) -> tuple[Path, ...]:
        """Every file the package built from this source depends on."""
        return (self.path, *(path for path, _ in self.overlays))


@dataclass
class Loaded:
    source: SpecSource
    api: Api
    data: bytes
    """The spec file's bytes (its pin and its line numbers)."""
    corrections: tuple[Correction, ...]
    _find_line: Callable[[str], int | None] | None = field(default=None, repr=False)

    def locate(self, diagnostics: Diagnostics) -> None:
        """Give the diagnostics about this spec that have only a pointer the line of their place."""
        _locate(diagnostics, self.source.label, self.data, self)


def _locate(diagnostics: Diagnostics, label: str, data: bytes, loaded: Loaded | None = None) -> None:
    if not data or not any(d.source == label and d.pointer and d.line is None for d in diagnostics):
        return
    finder = loaded._find_line if loaded is not None else None
    if finder is None:  # composing the YAML again is the cost: once per loaded spec
        finder = line_finder(data.decode("utf-8", "replace"))
        if loaded is not None:
            loaded._find_line = finder
    diagnostics.with_lines(finder, label)


def _acknowledge(found: Diagnostics, source: SpecSource, *, complete: bool) -> None:
    """Apply the registry's acknowledgements; on a complete load (every check ran), one that matches
    no warning is itself a warning, so the list cannot go stale."""
    for ack in source.acknowledged:
        note = f"acknowledged in {REGISTRY_LABEL}: {ack.reason}"
        if not found.acknowledge(source.label, ack.code, ack.at, note) and complete:
            found.warning(
                REGISTRY_LABEL,
                ack.pointer,
                f"{source.name}: no {ack.code} warning at {ack.at} to acknowledge; remove the entry",
                code="stale-acknowledgement",
            )


def _looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.lower().endswith(_SPEC_SUFFIXES)


def resolve(ref: str) -> SpecSource:
    """A registered version (any case; ``unstable``) or a spec file path; an error names ``ref`` otherwise."""
    path = Path(ref)
    if path.is_file() or _looks_like_path(ref):
        return SpecSource.of_file(path, label=ref)
    registry = load_registry()
    try:
        return SpecSource.of_entry(registry.get(ref))
    except GeneratorError:
        known = ", ".join(v.name for v in registry.versions)
        raise GeneratorError.single(
            ref, "", f"not a registered version (known: {known}) nor a spec file", code="unknown-version"
        ) from None


def load_api(
    source: SpecSource,
    diagnostics: Diagnostics,
    *,
    corrected: bool = True,
    models: bool = True,
    locate: bool = True,
) -> Loaded:
    """Load ``source`` into the IR; raises ``GeneratorError`` for a broken spec or a pin mismatch.

    ``corrected=False`` leaves the overlays out: the spec as Intercom published it (what the diff and
    the contracts judge by default). ``models=False`` skips what only rendering needs (the model
    document and the example audit), for the diff. Errors always carry the line of their place in
    the spec; warnings do when ``locate`` (finding lines costs a second pass over the YAML).
    """
    from .build import build_api  # the IR builder is imported only when a spec is loaded

    found = Diagnostics()
    data = b""
    try:
        loaded = load_spec(source.path, source.label, source.overlays if corrected else (), found)
        data = loaded.data
        problem = pin_problem(source.sha256, data)
        if problem is not None:
            raise GeneratorError.single(source.label, "", problem, code="pin-mismatch")
        overrides = dict(source.class_names)
        api = build_api(loaded.document, source.label, found, class_overrides=overrides, models_document=models)
    except GeneratorError as exc:  # the warnings found on the way still count; the errors stop the run
        found.extend(exc.diagnostics)
        _locate(found, source.label, data)
        diagnostics.extend(d for d in found if d.level < Level.ERROR)
        raise GeneratorError([d for d in found if d.level >= Level.ERROR]) from None
    result = Loaded(source, api, data, loaded.corrections)
    _acknowledge(found, source, complete=models and corrected)
    if locate:
        result.locate(found)
    diagnostics.extend(found)
    return result
