"""Ingest throughput: N ANT articles into SQLite and PostgreSQL (articles/s, peak RSS), against a baseline of
`khabar analyze`'s own loop over the same articles (one process, nothing stored), all in one run. Each measurement runs in a fresh process so that its
peak RSS is its own.

    python benchmarks/bench_ingest.py [--articles 10000] [--workers 1] [--pg postgresql://…]

The PostgreSQL run needs a server (`.ci/setup-postgres.sh` prints a URL; KHABAR_TEST_PG_URL is read too); a
fresh database is created for it and dropped afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from itertools import islice
from pathlib import Path

ANT = Path(__file__).resolve().parents[1].parent / "shared/data/ant_corpus_multisource_v2.1/ant_multisource_all.jsonl.gz"


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def measure(kind: str, articles: int, workers: int, url: str | None) -> dict:
    """Runs inside the child process."""
    from khabar.analyze import analyze_stream
    from khabar.ingest import read_sources
    from khabar.store.ingest import ingest

    start = time.perf_counter()
    if kind == "baseline":
        stored = sum(1 for _ in analyze_stream(islice(read_sources([str(ANT)]), articles)))
    else:
        from khabar.store import open_store

        store = open_store(url)
        counts = ingest(store, [str(ANT)], limit=articles, workers=workers)
        stored = counts.new
        split = {"analyse_s": round(counts.analyse_seconds, 1), "store_s": round(counts.store_seconds, 1)}
    seconds = time.perf_counter() - start
    return {"kind": kind, "articles": stored, "seconds": round(seconds, 1), "articles_per_s": round(stored / seconds, 1),
            "peak_rss_mb": round(_peak_rss_mb(), 1), "load_avg": round(os.getloadavg()[0], 1),
            **(split if kind != "baseline" else {"analyse_s": round(seconds, 1), "store_s": 0.0})}


def _child(kind: str, args, url: str | None) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--articles", str(args.articles), "--workers", str(args.workers)]
    if url:
        command += ["--url", url]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _pg_database(base: str):
    import psycopg

    name = f"khabar_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return base.rsplit("/", 1)[0] + "/" + name, name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--pg", default=os.environ.get("KHABAR_TEST_PG_URL"))
    parser.add_argument("--child")
    parser.add_argument("--url")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.articles, args.workers, args.url)))
        return
    if not ANT.exists():
        sys.exit(f"ANT corpus not found at {ANT}")
    results = [_child("baseline", args, None)]
    with tempfile.TemporaryDirectory() as tmp:
        results.append(_child("sqlite", args, f"sqlite:///{tmp}/bench.db"))
    if args.pg:
        import psycopg

        url, name = _pg_database(args.pg)
        try:
            results.append(_child("postgresql", args, url))
        finally:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    print(f"ingest of {args.articles} ANT articles, {args.workers} worker(s); baseline = analyze_stream, 1 process, nothing stored")
    print("(analyse s / store s: time in the pipeline vs writing to the database, measured inside the run;")
    print(" load: the machine's 1-minute load average at the end, as other processes skew the comparison)")
    print(f"{'run':<12}{'articles':>10}{'seconds':>10}{'art/s':>10}{'peak RSS MB':>14}{'analyse s':>11}{'store s':>9}{'load':>7}")
    for r in results:
        print(f"{r['kind']:<12}{r['articles']:>10}{r['seconds']:>10}{r['articles_per_s']:>10}{r['peak_rss_mb']:>14}"
              f"{r['analyse_s']:>11}{r['store_s']:>9}{r['load_avg']:>7}")


if __name__ == "__main__":
    main()
