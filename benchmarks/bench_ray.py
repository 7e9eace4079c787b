"""Throughput and memory of `khabar ray analyze` (local Ray, N workers) against the plain single-process pipeline.

usage: python benchmarks/bench_ray.py [N_ARTICLES] [WORKERS...]     (default: 1000 articles, 1 and 2 workers)

Reads the first N articles of the ANT corpus (../shared/data) into a temporary JSONL.gz, then:
- baseline: `analyze_stream` over it in this process, each analysis serialised as `khabar analyze` prints it;
- for each worker count: local Ray with that many analysis workers, written as Parquet, as `khabar ray analyze`
  does (Ray start-up, one pipeline load per worker and the write included).
Times are wall-clock (Ray's work happens in other processes), so other load on the machine shows in them; CPU
time per article is printed beside them (for Ray: summed over every process, start-up included), which load
does not change. Peak RSS: the baseline process's; for Ray, the largest sum over this process and all its
descendants (GCS, raylet, workers), sampled every 0.2 s from /proc (Linux), with the largest single one beside it.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

ANT = Path(__file__).resolve().parents[1].parent / "shared/data/ant_corpus_multisource_v2.1/ant_multisource_all.jsonl.gz"
SAMPLE_EVERY = 0.2


def write_sample(n: int, directory: Path) -> Path:
    path = directory / "ant_sample.jsonl.gz"
    with gzip.open(ANT, "rt", encoding="utf-8") as source, gzip.open(path, "wt", encoding="utf-8") as sample:
        sample.writelines(islice(source, n))
    return path


def _stat(pid: int) -> tuple[int, int, int] | None:
    """(parent pid, CPU ticks used, RSS pages) from /proc/PID/stat, None once the process is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # after the command name: state ppid ... utime(12) stime(13) ... rss(22), counted from the state field
    return int(fields[1]), int(fields[11]) + int(fields[12]), int(fields[21])


class TreeUsage:
    """Peak summed RSS of this process and all its descendants, the peak of the largest one, and the CPU time they
    used, sampled in a thread (a process's last fraction of a sample period is missed)."""

    def __init__(self):
        self.peak_total_mb = self.peak_single_mb = 0.0
        self._cpu_ticks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._start_ticks = _stat(os.getpid())[1]

    @property
    def cpu_seconds(self) -> float:
        return (sum(self._cpu_ticks.values()) - self._start_ticks) / os.sysconf("SC_CLK_TCK")

    def _sample(self) -> None:
        page_mb = os.sysconf("SC_PAGE_SIZE") / 2**20
        while not self._stop.wait(SAMPLE_EVERY):
            stats = {pid: st for pid in map(int, filter(str.isdigit, os.listdir("/proc"))) if (st := _stat(pid))}
            tree, frontier = {os.getpid()}, {os.getpid()}
            while frontier:
                frontier = {pid for pid, st in stats.items() if st[0] in frontier} - tree
                tree |= frontier
            sizes = [stats[pid][2] * page_mb for pid in tree if pid in stats]
            self.peak_total_mb = max(self.peak_total_mb, sum(sizes))
            self.peak_single_mb = max(self.peak_single_mb, max((stats[p][2] * page_mb for p in tree - {os.getpid()} if p in stats), default=0))
            for pid in tree & stats.keys():
                self._cpu_ticks[pid] = stats[pid][1]

    def __enter__(self) -> TreeUsage:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()


def baseline(path: Path) -> tuple[int, int, float, float]:
    from khabar.analyze import analyze_stream
    from khabar.ingest import read_sources

    failed = []
    started, cpu = time.perf_counter(), time.process_time()
    ok = sum(1 for doc in analyze_stream(read_sources([str(path)]), on_failure=failed.append)
             if json.dumps(doc.to_dict(), ensure_ascii=False))
    return ok, len(failed), time.perf_counter() - started, time.process_time() - cpu


def with_ray(path: Path, workers: int, out: Path) -> tuple[int, int, float, TreeUsage]:
    import ray

    from khabar.distributed.dataset import analyse, read_articles, write
    from khabar.distributed.load import count_output
    from khabar.distributed.options import OutputFormat

    with TreeUsage() as usage:
        started = time.perf_counter()
        ray.init(num_cpus=workers + 1, include_dashboard=False, log_to_driver=False)
        try:
            inflight = out.with_name(f"{out.name}-inflight")
            inflight.mkdir()
            write(analyse(read_articles([str(path)]), workers, inflight_dir=str(inflight)), str(out), OutputFormat.parquet)
        finally:
            ray.shutdown()
        seconds = time.perf_counter() - started
    counts = count_output(out)
    return counts.ok, counts.failed, seconds, usage


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    worker_counts = [int(w) for w in sys.argv[2:]] or [1, 2]
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        sample = write_sample(n, Path(tmp))
        results = []
        for workers in worker_counts:
            results.append((workers, *with_ray(sample, workers, Path(tmp) / f"out{workers}")))
        # the baseline runs last, so that its pipeline load (in this process) does not count in the Ray runs' RSS
        base_ok, base_failed, base_seconds, base_cpu = baseline(sample)
    base_rate = (base_ok + base_failed) / base_seconds
    print(f"articles: {n} (ANT corpus), machine CPUs: {os.cpu_count()}, load average before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f}")
    print(f"baseline (one process, analyze_stream): {base_ok} ok, {base_failed} failed, {base_seconds:.1f} s, "
          f"{base_rate:.2f} articles/s, {1000 * base_cpu / n:.0f} ms CPU/article, "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    for workers, ok, failed, seconds, usage in results:
        print(f"ray, {workers} worker(s): {ok} ok, {failed} failed, {seconds:.1f} s, {(ok + failed) / seconds:.2f} articles/s "
              f"({(ok + failed) / seconds / base_rate:.2f}x baseline), {1000 * usage.cpu_seconds / n:.0f} ms CPU/article "
              f"(all processes, start-up included), peak RSS {usage.peak_total_mb:.0f} MB summed over the Ray processes "
              f"(largest single process: {usage.peak_single_mb:.0f} MB)")


if __name__ == "__main__":
    main()
