"""Every place on disk the generator knows (kept import-free so every module can use it)."""

from __future__ import annotations

from pathlib import Path

GENERATOR_DIR = Path(__file__).resolve().parent.parent
ROOT = GENERATOR_DIR.parent
TEMPLATES_DIR = ROOT / "templates"
RUNTIME_DIR = GENERATOR_DIR / "runtime"
SPECS_DIR = ROOT / "specs"
REGISTRY_FILE = SPECS_DIR / "versions.yaml"
GENERATED_DIR = ROOT / "generated"
REPORTS_DIR = GENERATED_DIR / "reports"
CACHE_DIR = ROOT / ".cache" / "intercom-gen"
