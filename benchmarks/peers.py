"""The commands measured: this project's generator and the peers, each on the pinned client specs."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .measure import PYTHON, Sample, bin_env, run, total


@dataclass(frozen=True)
class Spec:
    name: str  # registry name: 2.11, 2.13, Unstable
    folder: str  # under specs/
    package: str  # our generated package

    def path(self, project: Path) -> Path:
        return project / "specs" / self.folder / "api.intercom.io.yaml"


SPECS = (Spec("2.11", "2.11", "v2_11"), Spec("2.13", "2.13", "v2_13"), Spec("Unstable", "unstable", "unstable"))


def generator(project: Path, *args: str, ok: Sequence[int] = (0,)) -> Sample:
    """``intercom-gen ARGS`` run from the scratch copy (``python -m generator`` is the same entry point)."""
    return run([PYTHON, "-m", "generator", *args], cwd=project, ok=ok)


def ours_cold(project: Path, *extra: str) -> Sample:
    """Every client regenerated with no cache at all: no fingerprints, no formatted modules."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    return generator(project, "generate", "--force", *extra)


def ours_check_fresh_clone(project: Path) -> Sample:
    """``check`` as CI runs it on a fresh clone: nothing cached, so everything is rebuilt in memory."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    return generator(project, "check")


def oapc_out(out_root: Path, spec: Spec) -> Path:
    return out_root / f"oapc_{spec.package}"


def oapc(project: Path, out_root: Path) -> Sample:
    """openapi-python-client on each spec, with its default ruff post-hooks.

    It warns about and leaves out what it cannot parse; where ruff cannot parse a module it wrote
    (4 endpoint modules of 2.11) it exits 1 and leaves the files: the completeness count shows it.
    """
    samples = []
    for spec in SPECS:
        out = oapc_out(out_root, spec)
        shutil.rmtree(out, ignore_errors=True)
        cmd = [PYTHON, "-m", "openapi_python_client", "generate", "--path", str(spec.path(project))]
        cmd += ["--meta", "none", "--output-path", str(out), "--overwrite"]
        samples.append(run(cmd, cwd=out_root, env=bin_env(), ok=(0, 1)))
    return total(samples)


def datamodel_out(out_root: Path, spec: Spec) -> Path:
    return out_root / f"dmcg_{spec.package}.py"


def datamodel_codegen(project: Path, out_root: Path) -> Sample:
    """datamodel-codegen alone (models only) on each spec, pydantic v2, its default formatters."""
    samples = []
    for spec in SPECS:
        cmd = [PYTHON, "-m", "datamodel_code_generator", "--input", str(spec.path(project))]
        cmd += ["--input-file-type", "openapi", "--output", str(datamodel_out(out_root, spec))]
        cmd += ["--output-model-type", "pydantic_v2.BaseModel", "--target-python-version", "3.10"]
        cmd += ["--disable-timestamp"]
        samples.append(run(cmd, cwd=out_root, env=bin_env()))
    return total(samples)
