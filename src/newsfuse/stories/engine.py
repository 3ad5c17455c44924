"""Where the per-document and per-story functions run: in this process, or on Dask.

Scale-out uses ``dask.distributed`` (a LocalCluster of worker processes, or an existing cluster by its
scheduler address), never a home-made pool. Results come back in input order, so a run gives the same
stories whichever engine computed the features.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from newsfuse import errors

T = TypeVar("T")
R = TypeVar("R")
K = TypeVar("K")


class Engine(Protocol):
    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]: ...

    def map_batches(
        self, function: Callable[[T], R], batches: Iterable[tuple[K, Sequence[T]]]
    ) -> Iterator[tuple[K, list[R]]]:
        """``(key, [function(item) …])`` per batch, in order; an engine may work ahead on later batches."""
        ...

    def close(self) -> None: ...


class LocalEngine:
    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return [function(item) for item in items]

    def map_batches(
        self, function: Callable[[T], R], batches: Iterable[tuple[K, Sequence[T]]]
    ) -> Iterator[tuple[K, list[R]]]:
        for key, items in batches:
            yield key, self.map(function, items)

    def close(self) -> None:
        pass


class DaskEngine:
    """``scheduler`` is "local" (a LocalCluster of ``workers`` single-threaded processes) or the address of
    a running scheduler ("tcp://host:8786").

    Items travel in chunks of ``chunk`` (one task each, so scheduling costs little per document), and
    ``map_batches`` keeps the next batch computing while the caller works on the current one.
    """

    def __init__(self, scheduler: str, workers: int = 2, chunk: int = 16) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise errors.missing_extra("--scheduler", "dask") from exc
        self.chunk = chunk
        self._cluster: Any = None
        if scheduler == "local":
            self._cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self._cluster)
        elif scheduler.startswith(("tcp://", "tls://", "ucx://")):
            self.client = Client(scheduler, timeout=30)
        else:
            raise errors.ConfigError(
                f"--scheduler expects 'local' or a scheduler address like tcp://host:8786, got {scheduler!r}."
            )

    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return self._gather(self._submit(function, items, chunk=1))

    def map_batches(
        self, function: Callable[[T], R], batches: Iterable[tuple[K, Sequence[T]]]
    ) -> Iterator[tuple[K, list[R]]]:
        in_flight: deque[tuple[K, list[Any]]] = deque()
        for key, items in batches:
            in_flight.append((key, self._submit(function, items, self.chunk)))
            if len(in_flight) > 1:
                done_key, futures = in_flight.popleft()
                yield done_key, self._gather(futures)
        while in_flight:
            done_key, futures = in_flight.popleft()
            yield done_key, self._gather(futures)

    def _submit(self, function: Callable[[T], R], items: Sequence[T], chunk: int) -> list[Any]:
        chunks = [list(items[i : i + chunk]) for i in range(0, len(items), chunk)]
        return self.client.map(_apply, [function] * len(chunks), chunks, pure=False) if chunks else []

    def _gather(self, futures: list[Any]) -> list[Any]:
        return [result for chunk in self.client.gather(futures) for result in chunk] if futures else []

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def _apply(function: Callable[[T], R], items: list[T]) -> list[R]:
    return [function(item) for item in items]


def make_engine(scheduler: str | None) -> Engine:
    return DaskEngine(scheduler) if scheduler else LocalEngine()
