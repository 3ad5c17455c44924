"""Where the per-document and per-story functions run: in this process, or on Dask.

Scale-out uses ``dask.distributed`` (a LocalCluster of worker processes, or an existing cluster by its
scheduler address), never a home-made pool. Results come back in input order, so a run gives the same
stories whichever engine computed the features.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from newsfuse import errors

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]: ...

    def close(self) -> None: ...


class LocalEngine:
    def map(self, function: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return [function(item) for item in items]

    def close(self) -> None:
        pass


class DaskEngine:
    """``scheduler`` is "local" (a LocalCluster of ``workers`` single-threaded processes) or the address of
    a running scheduler ("tcp://host:8786")."""

    def __init__(self, scheduler: str, workers: int = 2) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise errors.missing_extra("--scheduler", "dask") from exc
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
        if not items:
            return []
        futures = self.client.map(function, list(items), pure=False)
        return list(self.client.gather(futures))

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_engine(scheduler: str | None) -> Engine:
    return DaskEngine(scheduler) if scheduler else LocalEngine()
