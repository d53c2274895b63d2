"""Running a build on every core: one render job per target, then black in small batches.

Rendering a target (load, IR, models, templates) is one job; the largest spec starts first. As
each render finishes, the modules it produced join one pool of formatting work that both cores
share, so a big version does not leave the other core idle. That pool is deduplicated: a module
that is the same in several versions except for its banner (see ``render/format.py``) is
formatted once, and one already in the format cache is not formatted at all.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from ..core.diagnostics import Diagnostics
from ..render.format import FormatError, format_text, mask
from .formatcache import FormatCache
from .orphans import end_with_parent

Batch = list[tuple[str, str]]  # (text to format, a file name for messages)
Outcome = list[tuple[str, str | None]]  # (black's output, or "" and an error message)
BATCH_CHARS = 40_000  # ~0.1-0.2 s of black: small enough to balance, large enough to be cheap to send


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def format_batch(batch: Batch) -> Outcome:
    """Worker side: run black over one batch; a module that does not parse is reported, not raised."""
    outcome: Outcome = []
    for text, name in batch:
        try:
            outcome.append((format_text(text, name), None))
        except FormatError as exc:
            outcome.append(("", str(exc)))
    return outcome


def batches(jobs: list[tuple[str, str]]) -> Iterator[Batch]:
    """Group jobs, largest first, into batches of about ``BATCH_CHARS`` characters."""
    batch: Batch = []
    size = 0
    for job in sorted(jobs, key=lambda j: -len(j[0])):
        batch.append(job)
        size += len(job[0])
        if size >= BATCH_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@dataclass
class Formatter:
    """Formatting work shared by all targets of one build: ``masked text -> black output``."""

    cache: FormatCache | None
    done: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    fresh: dict[str, str] = field(default_factory=dict)  # formatted in this build: for the cache
    _pending: list[tuple[Batch, Future[Outcome]]] = field(default_factory=list)
    _requested: set[str] = field(default_factory=set)

    def request(self, sources: Mapping[str, str], submit: Callable[[Batch], Future[Outcome]] | None) -> None:
        """Queue every module not yet formatted or cached; ``submit=None`` formats right here."""
        jobs: Batch = []
        for name, source in sources.items():
            text = mask(source).text
            if text in self._requested:
                continue
            self._requested.add(text)
            cached = self.cache.get(text) if self.cache is not None else None
            if cached is not None:
                self.done[text] = cached
            else:
                jobs.append((text, name))
        for batch in batches(jobs):
            if submit is None:
                self._take(batch, format_batch(batch))
            else:
                self._pending.append((batch, submit(batch)))

    def _take(self, batch: Batch, outcome: Outcome) -> None:
        for (text, _), (output, error) in zip(batch, outcome, strict=True):
            if error is None:
                self.done[text] = self.fresh[text] = output
            else:
                self.errors[text] = error

    def wait(self) -> None:
        """Collect every submitted batch (re-raises a worker's unexpected failure)."""
        for batch, future in self._pending:
            self._take(batch, future.result())
        self._pending.clear()

    def store(self) -> None:
        if self.cache is not None and self.fresh:
            self.cache.put_all(self.fresh)

    def module(self, name: str, source: str, diagnostics: Diagnostics, origin: str) -> str | None:
        """The formatted module, or None after recording why it could not be formatted."""
        masked = mask(source)
        error = self.errors.get(masked.text)
        if error is None:
            restored = masked.restore(self.done[masked.text])
            if restored is not None:
                return restored
            try:  # black moved the masked banner: format the module as it is
                return format_text(source, name)
            except FormatError as exc:
                error = str(exc)
        diagnostics.error(origin, "", f"internal error: {error}", code="format-failed")
        return None


class RenderResult(Protocol):
    @property
    def python(self) -> Mapping[str, str]: ...


T = TypeVar("T")
R = TypeVar("R", bound=RenderResult)


def render_and_format(
    render: Callable[[T], R],
    items: Sequence[T],
    formatter: Formatter,
    workers: int,
    *,
    warm_up: Callable[[], None] | None = None,
) -> list[R]:
    """Render every item and format what it produced; results come back in the order of ``items``.

    Items start in the given order (put the largest first). With one worker everything runs here.
    Where workers are forked, ``warm_up`` runs here first, so its imports are loaded once, not per worker.
    """
    if workers <= 1:
        results = [render(item) for item in items]
        for result in results:
            formatter.request(result.python, None)
        return results
    if warm_up is not None and multiprocessing.get_start_method() == "fork":
        warm_up()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=end_with_parent, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(render, item): index for index, item in enumerate(items)}
        done: dict[int, R] = {}
        for future in as_completed(futures):
            done[futures[future]] = result = future.result()
            formatter.request(result.python, lambda batch: pool.submit(format_batch, batch))
        formatter.wait()
    except BaseException:
        stop(pool)
        raise
    pool.shutdown()
    return [done[index] for index in range(len(items))]


def stop(pool: ProcessPoolExecutor) -> None:
    """End the pool now: running jobs are not waited for (SIGTERM, Ctrl-C or a failure stops the run)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # ProcessPoolExecutor keeps no public list
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
