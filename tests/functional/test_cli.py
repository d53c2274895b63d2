"""The command line as a maintainer uses it: generating from a spec file the registry does not know."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from generator.cli.app import main
from tests.conftest import tiny_spec
from tests.support import ROOT


def _write(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def test_generate_from_a_spec_file_writes_an_importable_typed_package(tmp_path: Path, capsys: Any) -> None:
    spec = yaml.load((ROOT / "specs" / "2.13" / "api.intercom.io.yaml").read_text(), Loader=yaml.CSafeLoader)
    spec["info"]["version"] = "2.99"
    spec["paths"]["/widgets/{id}"] = {
        "get": {
            "operationId": "showWidget",
            "tags": ["Widgets"],
            "summary": "A release the registry has never seen",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/widget"}}},
                }
            },
        }
    }
    spec["components"]["schemas"]["widget"] = {"type": "object", "properties": {"id": {"type": "string"}}}
    source = _write(tmp_path / "next.yaml", spec)
    assert main(["generate", "--spec", str(source), "--name", "intercom_next", "--out", str(tmp_path / "out")]) == 0
    package = tmp_path / "out" / "intercom_next"
    script = (
        "import httpx, intercom_next as m\n"
        "t = httpx.MockTransport(lambda r: httpx.Response(200, json={'id': r.url.path}))\n"
        "c = m.Intercom(token='t', http_client=httpx.Client(transport=t))\n"
        "print(m.API_VERSION, c.widgets.show_widget('w1').id)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=package.parent, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "2.99 /widgets/w1"
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(package)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout[-3000:]


def test_a_collision_fails_with_the_fix_and_writes_nothing(tmp_path: Path, capsys: Any) -> None:
    spec = tiny_spec()
    spec["components"]["schemas"]["Contact"] = {"type": "object"}
    source = _write(tmp_path / "clash.yaml", spec)
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(source), "--name", "clash", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"clash\.yaml:\d+ at /components/schemas/Contact: ", err)
    assert "--class-name" in err
    assert not out.exists()
    argv = [
        "generate",
        "--spec",
        str(source),
        "--name",
        "clash",
        "--out",
        str(out),
        "--class-name",
        "Contact=ContactBrief",
    ]
    assert main(argv) == 0
    assert (out / "clash" / "models" / "contact_brief.py").is_file()
