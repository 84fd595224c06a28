"""Extraction throughput: local single process against the Dask engine on a LocalCluster of 1 and 2 workers.

All in one run, on the same N generated wire articles (``wire_corpus.generate``), in batches:


1. local: ``extract_batches(batches)`` in a fresh process, gazetteer already loaded (fresh, like
   a worker: extraction memoises per process, so a second pass over the same articles is faster);
2. for each worker count: start a LocalCluster as the engine does (timed: start-up), load the
   gazetteer on every worker (timed: warm-up), then ``extract_batches(..., engine="dask",
   scheduler=<its address>)`` (timed: extraction, which includes connecting the client);
3. local again, so drift of this shared machine shows; the baseline is the mean of both local runs.

Throughput is articles/s and MB/s of article text over the extraction time; ratios are to the
local baseline. CPU seconds (this process; the workers' processes, from ``time.process_time`` on each)
show the engine's overhead apart from what other jobs on the machine take.

Usage: python benchmarks/bench_dask.py [--n 5000] [--batch 100] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from geo.extract.article import extract_articles  # noqa: E402
from geo.ingest.engines import extract_batches  # noqa: E402
from geo.model import Article  # noqa: E402


def _corpus(n: int) -> list[Article]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import wire_corpus  # here, not at the top: spawned worker processes re-import this script

    return [Article(id=g.article_id, path=g.filename, published=g.published, source=g.source, title=g.title,
                    url=None, text=g.text) for g in wire_corpus.generate(n)]


def _timed_run(batches: list[list[Article]], **options) -> tuple[float, int, float]:
    """Wall seconds, events found, and CPU seconds of this process (client and scheduler, for Dask)."""
    start, cpu = time.perf_counter(), time.process_time()
    events = sum(len(x.events) for batch in extract_batches(batches, **options) for x in batch)
    return time.perf_counter() - start, events, time.process_time() - cpu


def _local_job(batches: list[list[Article]]) -> tuple[float, int, float]:
    extract_articles(batches[0][:1])  # gazetteer + name automaton, as on the workers
    return _timed_run(batches, workers=1)  # one process: the local engine's pool is measured by bench_scale


def _local_run(batches: list[list[Article]]) -> tuple[float, int, float]:
    """Run the local engine in a fresh process, so it starts with the same cold caches as a worker."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_local_job, batches).result()


def _dask_run(batches: list[list[Article]], workers: int) -> dict[str, float]:
    import distributed

    start = time.perf_counter()
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       scheduler_port=0, dashboard_address=None, silence_logs=logging.CRITICAL)
    started = time.perf_counter()
    try:
        with distributed.Client(cluster, set_as_default=False) as client:
            client.run(extract_articles, batches[0][:1])  # gazetteer + name automaton on every worker
            warmed = time.perf_counter()
            worker_cpu = client.run(time.process_time)
            seconds, events, here_cpu = _timed_run(batches, engine="dask", scheduler=cluster.scheduler_address)
            worker_cpu = sum(client.run(time.process_time).values()) - sum(worker_cpu.values())
    finally:
        cluster.close()
    return {"startup": started - start, "warmup": warmed - started, "seconds": seconds, "events": events,
            "worker_cpu": worker_cpu, "here_cpu": here_cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="articles (default 5,000)")
    parser.add_argument("--batch", type=int, default=100, help="articles per batch (default 100)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    args = parser.parse_args()

    articles = _corpus(args.n)
    mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    batches = [articles[i:i + args.batch] for i in range(0, len(articles), args.batch)]
    print(f"{len(articles):,} articles, {mb:.2f} MB, {len(batches)} batches of {args.batch}; "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    first, events, cpu1 = _local_run(batches)
    runs = {w: _dask_run(batches, w) for w in args.workers}
    second, _, cpu2 = _local_run(batches)
    local_cpu = statistics.mean([cpu1, cpu2])
    base = statistics.mean([first, second])
    print(f"local: {first:.1f} s then {second:.1f} s; baseline {len(articles) / base:.1f} articles/s, "
          f"{mb / base:.3f} MB/s, {events} events")
    print("| engine | start-up s | warm-up s | extraction s | articles/s | MB/s | x local | worker CPU s | "
          "client+scheduler CPU s |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(f"| local (1 process) | – | – | {base:.1f} | {len(articles) / base:.1f} | {mb / base:.3f} | 1.00 | "
          f"{local_cpu:.1f} | – |")
    for w, r in runs.items():
        assert r["events"] == events, f"dask {w} workers found {r['events']} events, local {events}"
        print(f"| dask, {w} worker{'s' if w > 1 else ''} | {r['startup']:.1f} | {r['warmup']:.1f} | "
              f"{r['seconds']:.1f} | {len(articles) / r['seconds']:.1f} | {mb / r['seconds']:.3f} | "
              f"{base / r['seconds']:.2f} | {r['worker_cpu']:.1f} | {r['here_cpu']:.1f} |")
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
