"""Measurements that must run in a fresh interpreter; each prints one JSON object.

    python benchmarks/probe.py import ROOT MODULE [--construct]
    python benchmarks/probe.py call ROOT PACKAGE SPEC PARTS CALLS ROUNDS
    python benchmarks/probe.py count ROOT KIND NAME      (KIND: ours, oapc, dmcg)

ROOT is put first on ``sys.path``; nothing else from the project is imported.
"""

from __future__ import annotations

import ast
import copy
import importlib
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOKEN = "bench-token"  # noqa: S105 - a dummy: requests go to a mock transport
NUMBERED = re.compile(r"\d$|(?:Model|Type)\d+")  # Model1, Type12, ..._200_type_0: a counter, not a name


def import_time(module: str, construct: bool) -> dict[str, float]:
    start = time.perf_counter()
    imported: Any = importlib.import_module(module)
    if construct:
        imported.Intercom(token=TOKEN)
    return {"seconds": time.perf_counter() - start}


def conversation_payload(spec_path: Path, parts: int) -> bytes:
    """The spec's own ``GET /conversations/{id}`` example, grown to ``parts`` conversation parts."""
    import yaml

    spec = yaml.load(spec_path.read_bytes(), Loader=yaml.CSafeLoader)
    content = spec["paths"]["/conversations/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    example = copy.deepcopy(next(iter(content["examples"].values()))["value"])
    templates = example["conversation_parts"]["conversation_parts"]
    grown = []
    for index in range(parts):
        part = copy.deepcopy(templates[index % len(templates)])
        part["id"] = str(100000 + index)
        grown.append(part)
    example["conversation_parts"] = {
        "type": "conversation_part.list",
        "conversation_parts": grown,
        "total_count": parts,
    }
    return json.dumps(example).encode()


def _per_call(function: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        function()
    return (time.perf_counter() - start) / calls


def call_overhead(package: str, spec_path: Path, parts: int, calls: int, rounds: int) -> dict[str, float]:
    """A generated method vs bare httpx + json.loads, same transport and payload, warm."""
    import httpx

    body = conversation_payload(spec_path, parts)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(handler)
    client: Any = importlib.import_module(package).Intercom(token=TOKEN, http_client=httpx.Client(transport=transport))
    bare = httpx.Client(transport=transport, base_url="https://api.intercom.io")
    headers = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}

    def generated() -> object:
        return client.conversations.retrieve_conversation(123)

    def plain() -> object:
        return json.loads(bare.get("/conversations/123", headers=headers).content)

    for function in (generated, plain, generated, plain):  # first-call imports and adapters
        function()
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(_per_call(generated, calls))
        theirs.append(_per_call(plain, calls))
    return {"ours": statistics.median(ours), "bare": statistics.median(theirs), "payload_bytes": len(body)}


def _classes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.name for node in tree.body if isinstance(node, ast.ClassDef)]


def _operations_in(path: Path) -> list[str]:
    """Our resource modules: methods of the sync ``...Resource`` classes that are operations
    (a method typed by ``@overload`` stubs counts once)."""
    names: list[str] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef) and node.name.endswith("Resource") and not node.name.startswith("Async"):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith(("_", "iter_", "with_raw")):
                    names.append(f"{node.name}.{item.name}")
    return list(dict.fromkeys(names))


def _importable(module: str, attributes: list[str]) -> int:
    try:
        imported = importlib.import_module(module)
    except Exception:  # counting what fails to import is the point
        return 0
    found = 0
    for dotted in attributes:
        target: Any = imported
        try:
            for part in dotted.split("."):
                target = getattr(target, part)
        except AttributeError:
            continue
        found += 1
    return found


def _schemas(models_dir: Path, module: str) -> dict[str, int]:
    names = sorted({name for path in models_dir.glob("*.py") if path.name != "__init__.py" for name in _classes(path)})
    return {
        "schemas": len(names),
        "schemas_importable": _importable(module, names),
        "numbered": sum(1 for name in names if NUMBERED.search(name)),
    }


def source_kib(path: Path) -> int:
    """KiB of Python source in ``path`` (a package folder or one module): what a vendored copy weighs."""
    files = [path] if path.is_file() else [p for p in path.rglob("*.py") if "__pycache__" not in p.parts]
    return round(sum(p.stat().st_size for p in files) / 1024)


def count_ours(root: Path, package: str) -> dict[str, int]:
    generated = importable = 0
    for path in sorted((root / package / "resources").glob("*.py")):
        operations = _operations_in(path)
        generated += len(operations)
        importable += _importable(f"{package}.resources.{path.stem}", operations)
    return {
        "operations": generated,
        "importable": importable,
        **_schemas(root / package / "models", f"{package}.models"),
        "source_kib": source_kib(root / package),
    }


def count_oapc(root: Path, package: str) -> dict[str, int]:
    generated = importable = 0
    for path in sorted((root / package / "api").glob("*/*.py")):
        if path.name == "__init__.py" or "sync_detailed" not in path.read_text(encoding="utf-8"):
            continue
        generated += 1
        importable += _importable(f"{package}.api.{path.parent.name}.{path.stem}", ["sync_detailed"])
    return {
        "operations": generated,
        "importable": importable,
        **_schemas(root / package / "models", f"{package}.models"),
        "source_kib": source_kib(root / package),
    }


def count_dmcg(root: Path, module: str) -> dict[str, int]:
    names = _classes(root / f"{module}.py")
    return {
        "operations": 0,
        "importable": 0,
        "schemas": len(names),
        "schemas_importable": _importable(module, names),
        "numbered": sum(1 for name in names if NUMBERED.search(name)),
        "source_kib": source_kib(root / f"{module}.py"),
    }


def main(argv: list[str]) -> dict[str, Any]:
    command, root = argv[0], Path(argv[1])
    sys.path.insert(0, str(root))
    if command == "import":
        return import_time(argv[2], "--construct" in argv[3:])
    if command == "call":
        return call_overhead(argv[2], Path(argv[3]), int(argv[4]), int(argv[5]), int(argv[6]))
    if command == "count":
        counter = {"ours": count_ours, "oapc": count_oapc, "dmcg": count_dmcg}[argv[2]]
        return counter(root, argv[3])
    raise SystemExit(f"unknown probe {command!r}")


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
