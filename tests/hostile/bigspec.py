"""A spec far larger than Intercom's, built from the pinned 2.13 spec (never committed as a file).

Every operation is copied ``factor`` times under its own path prefix, operationId and tag, so
the copy has ``factor`` times the operations, resources and inline models of the original.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from generator.spec.load import load_mapping

ROOT = Path(__file__).resolve().parents[2]
SPEC_2_13 = ROOT / "specs" / "2.13" / "api.intercom.io.yaml"
METHODS = ("get", "put", "post", "delete", "patch")


def multiplied(spec: dict[str, Any], factor: int) -> dict[str, Any]:
    """``spec`` with every operation repeated ``factor`` times (copy 0 keeps the original names)."""
    paths: dict[str, Any] = {}
    for index in range(factor):
        for path, item in spec["paths"].items():
            if index == 0:
                paths[path] = item
                continue
            clone = copy.deepcopy(item)
            for method in METHODS:
                operation = clone.get(method)
                if not isinstance(operation, dict):
                    continue
                if operation.get("operationId"):
                    operation["operationId"] = f"{operation['operationId']}Copy{index}"
                operation["tags"] = [f"{tag} copy {index}" for tag in operation.get("tags") or ["Default"]]
            paths[f"/copy{index}{path}"] = clone
    return {**spec, "paths": paths}


def write_big_spec(target: Path, factor: int = 20) -> int:
    """Write the multiplied 2.13 spec to ``target``; return its number of operations."""
    spec, _ = load_mapping(SPEC_2_13)
    big = multiplied(spec, factor)
    target.write_text(yaml.safe_dump(big, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return sum(1 for item in big["paths"].values() for method in METHODS if method in item)


if __name__ == "__main__":
    import sys

    print(write_big_spec(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 20))
