"""Seeded damage to real specs: truncations, deleted keys, corrupted refs and flipped bytes.

Used by ``test_hostile_damage.py`` on a part of the pinned 2.13 spec, and runnable by hand on any
spec files::

    python -m tests.hostile.damage SPEC.yaml [SPEC.yaml ...] [--count 20] [--seed 1]

Each damaged copy is written to a temporary folder and generated with ``intercom-gen`` in a child
process; ``check_run`` says what is wrong with the outcome (a traceback, an error without a
location, a changed ``generated/``), and the script prints one line per copy and a summary.
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.ir.refs import iter_refs, split_ref
from generator.spec.load import load_mapping

DIAGNOSTIC = re.compile(
    r"^error \[(?P<code>[a-z0-9-]+)\]: (?P<source>[^\s:]+)(?::(?P<line>\d+))?(?: at (?P<pointer>/\S*))?: .+$"
)
WHOLE_FILE_CODES = frozenset({"empty-file", "bad-shape"})  # problems of the whole file have no place in it
METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class Damaged:
    name: str
    description: str
    data: bytes


_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(spec: Any) -> bytes:
    return yaml.dump(spec, Dumper=_Dumper, sort_keys=False, allow_unicode=True).encode("utf-8")


def truncate(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    cut = rng.randrange(1, len(text))
    return f"truncated at byte {cut} of {len(text)}", text[:cut]


def flip_bytes(text: bytes, rng: random.Random) -> tuple[str, bytes]:
    data = bytearray(text)
    places = sorted(rng.sample(range(len(data)), 3))
    for place in places:
        data[place] = rng.choice([0xFF, 0x00, ord(":"), ord("["), ord("{"), ord("&"), ord("*"), ord("\t")])
    return f"bytes changed at {places}", bytes(data)


def _mapping_entries(node: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    stack: list[tuple[Any, tuple[str, ...]]] = [(node, path)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, dict):
            for key, value in current.items():
                found.append((*where, key))
                stack.append((value, (*where, key)))
    return sorted(found, key=lambda p: tuple(map(str, p)))


def delete_key(spec: dict[str, Any], rng: random.Random) -> str:
    """Delete a random key; half the time one that generation depends on."""
    important = [("openapi",), ("info",), ("paths",), ("components",), ("components", "schemas")]
    for path, item in spec.get("paths", {}).items():
        important += [("paths", path, m, "responses") for m in METHODS if m in item]
    entries = _mapping_entries(spec)
    chosen = rng.choice(important if rng.random() < 0.5 else entries)
    parent = spec
    for key in chosen[:-1]:
        parent = parent[key]
    if chosen[-1] in parent:
        del parent[chosen[-1]]
    return "deleted /" + "/".join(map(str, chosen))


REF_DAMAGE: list[Callable[[str], str]] = [
    lambda ref: ref + "_missing",
    lambda ref: "#/components/nowhere/" + ref.rsplit("/", 1)[-1],
    lambda ref: "other.yaml" + ref,
    lambda ref: "https://schemas.example.com/spec.yaml" + ref,
    lambda ref: ref.replace("#/", "#"),
    lambda ref: ref + "/properties/id",
]


def corrupt_ref(spec: dict[str, Any], rng: random.Random) -> str:
    """Change one random ``$ref``, or make a schema refer only to itself."""
    refs = [(where, ref) for where, ref in iter_refs(spec) if isinstance(ref, str)]
    if rng.random() < 0.2:
        schemas = spec.get("components", {}).get("schemas", {})
        name = rng.choice(sorted(schemas))
        schemas[name] = {"$ref": f"#/components/schemas/{name}"}
        return f"schema {name} made a $ref to itself"
    where, ref = rng.choice(refs)
    node = spec
    for token in split_ref("#" + where) or []:
        node = node[int(token)] if isinstance(node, list) else node[token]
    node["$ref"] = rng.choice(REF_DAMAGE)(ref)
    return f"$ref at {where} changed to {node['$ref']!r}"


def reduced(spec: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """``spec`` with only ``paths`` and the components they reach (so it still generates)."""
    kept = {path: spec["paths"][path] for path in paths}
    components: dict[str, dict[str, Any]] = {}
    pending = [ref for _, ref in iter_refs(kept)]
    while pending:
        tokens = split_ref(pending.pop()) if isinstance(pending[-1], str) else None
        if not tokens or len(tokens) != 3 or tokens[0] != "components":
            continue
        section, name = tokens[1], tokens[2]
        if name in components.get(section, {}) or name not in spec["components"].get(section, {}):
            continue
        target = spec["components"][section][name]
        components.setdefault(section, {})[name] = target
        pending += [ref for _, ref in iter_refs(target)]
    components.setdefault("schemas", {})
    return {**spec, "paths": kept, "components": components}


def damaged_copies(spec_path: Path, count: int, seed: int) -> list[Damaged]:
    """``count`` damaged copies of ``spec_path``, the same for the same seed."""
    rng = random.Random(f"{spec_path.name}:{seed}")  # noqa: S311 - reproducible damage, not secrets
    original = spec_path.read_bytes()
    parsed, _ = load_mapping(spec_path)
    stem = spec_path.stem
    copies = []
    for index in range(count):
        kind = ("truncate", "delete-key", "corrupt-ref", "flip-bytes")[index % 4]
        if kind == "truncate":
            description, data = truncate(original, rng)
        elif kind == "flip-bytes":
            description, data = flip_bytes(original, rng)
        else:
            spec = copy.deepcopy(parsed)
            description = delete_key(spec, rng) if kind == "delete-key" else corrupt_ref(spec, rng)
            data = _dump(spec)
        copies.append(Damaged(f"{stem}-{kind}-{index}.yaml", description, data))
    return copies


def check_run(name: str, status: int, stdout: str, stderr: str) -> list[str]:
    """What is wrong with the outcome of generating one damaged spec (empty when all is well)."""
    problems = []
    output = stdout + stderr
    if "Traceback" in output or 'File "' in output:
        problems.append("printed a traceback")
    if status not in (0, 1):
        problems.append(f"exit status {status}")
    errors = [line for line in stderr.splitlines() if line.startswith("error")]
    if status == 1 and not errors:
        problems.append("failed without an error message")
    for line in errors:
        match = DIAGNOSTIC.match(line)
        if not match or match["source"] != name:
            problems.append(f"error does not name the file: {line}")
        elif match["line"] is None and match["pointer"] is None and match["code"] not in WHOLE_FILE_CODES:
            problems.append(f"error without a place: {line}")
        if "internal error" in line:
            problems.append(f"internal error: {line}")
    if status == 0 and errors:
        problems.append("exit status 0 with errors")
    return problems


def main(argv: list[str] | None = None) -> int:
    import subprocess
    import sys

    from tests.hostile.hostile_support import GENERATED, ROOT, snapshot

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("specs", nargs="+", type=Path)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    before = snapshot(GENERATED)
    failures = outcomes = 0
    with tempfile.TemporaryDirectory() as folder:
        for spec in args.specs:
            for damaged in damaged_copies(spec, args.count, args.seed):
                path = Path(folder) / damaged.name
                path.write_bytes(damaged.data)
                command = [sys.executable, "-m", "generator", "generate", "--spec", str(path)]
                command += ["--name", "damaged", "--out", str(Path(folder) / "out")]
                done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
                problems = check_run(damaged.name, done.returncode, done.stdout, done.stderr)
                first = next((line for line in done.stderr.splitlines() if line.startswith("error")), "ok")
                print(f"{damaged.name}: exit {done.returncode}; {damaged.description}\n    {first}", flush=True)
                for problem in problems:
                    print(f"    PROBLEM: {problem}")
                failures += bool(problems)
                outcomes += 1
    if snapshot(GENERATED) != before:
        print("PROBLEM: generated/ changed")
        failures += 1
    print(f"{outcomes} damaged specs, {failures} with problems")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
