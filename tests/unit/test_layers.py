"""The folders of generator/ are the pipeline's stages: each imports only the stages below it, and no
module imports itself back through others (CONTRIBUTING.md draws the stages)."""

from __future__ import annotations

import ast
from pathlib import Path

from generator.core.paths import GENERATOR_DIR

# stage -> the stages it may import (runtime imports nothing of the generator: it is copied into packages)
ALLOWED = {
    "core": set(),
    "spec": {"core"},
    "ir": {"core", "spec"},
    "render": {"core", "ir"},
    "build": {"core", "spec", "ir", "render"},
    "diff": {"core", "spec", "ir"},
    "contract": {"core", "spec", "ir", "diff"},
    "cli": {"core", "spec", "ir", "render", "build", "diff", "contract"},
    "runtime": set(),
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in GENERATOR_DIR.rglob("*.py"):
        parts = list(path.relative_to(GENERATOR_DIR.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            stem = f"{base}.{node.module}" if node.module else base
            for named in (stem, *(f"{stem}.{alias.name}" for alias in node.names)):
                target = named
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and not name.startswith(target + "."):
                    edges[name].add(target)
    return edges


def _stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and (GENERATOR_DIR / parts[1]).is_dir()) else "cli"


def test_every_stage_imports_only_the_stages_below_it() -> None:
    wrong = [
        f"{module} imports {target}"
        for module, targets in _imports(_modules()).items()
        for target in targets
        if _stage(module) != _stage(target) and _stage(target) not in ALLOWED[_stage(module)]
    ]
    assert not wrong, wrong
    assert {p.name for p in GENERATOR_DIR.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(ALLOWED)


def test_no_module_imports_itself_back() -> None:
    edges = _imports(_modules())

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            current = todo.pop()
            if current == goal:
                return True
            if current not in seen:
                seen.add(current)
                todo.extend(edges.get(current, ()))
        return False

    cycles = sorted({tuple(sorted((a, b))) for a, targets in edges.items() for b in targets if reaches(b, a)})
    assert not cycles, cycles
