"""Prism mock servers for the generated clients, one per client version, started on first use.

Each server serves the spec its client was generated from, as written by ``intercom-gen spec``
(for 2.11 that is the repaired spec: Prism refuses the upstream file's dangling ``$ref``s). The
servers live for the whole session and are stopped at its end. Per version, the outcome of every
operation is recorded in ``LEDGER`` and summed up at the end of the run.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prism_calls import Wire
from prism_ledger import LEDGER, summary_lines
from prism_server import PrismPool


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismPool]:
    pool = PrismPool(tmp_path_factory.mktemp("prism"))
    yield pool
    pool.stop()


@pytest.fixture(scope="session")
def wire() -> Iterator[Wire]:
    connection = Wire()
    yield connection
    connection.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not LEDGER:
        return
    terminalreporter.section("generated clients against Prism")
    for line in summary_lines():
        terminalreporter.write_line(line)
