"""Where the generator finds its own files (kept import-free so every module can use it)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = ROOT / "templates"
RUNTIME_DIR = Path(__file__).resolve().parent / "runtime"
