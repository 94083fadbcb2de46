"""The Celery side of the job-queue benchmark (issue: "Benchmark against Celery (pip, Redis broker, same
machine, same no-op and 10 ms tasks, same run): jobs/s and enqueue→start p99; target ≥ 10× Celery's
throughput"), and the small helpers bench/jobs_peers.sh uses to read quantai's side. Run by
bench/jobs_peers.sh; by hand (in target/celery-venv, made by that script):

    python bench/jobs_celery.py worker --run R --config default|acks_late [--concurrency 2] [--fair] &
    python bench/jobs_celery.py run    --run R --config default|acks_late --kind noop|sleep10 --jobs N
    python bench/jobs_celery.py cleanup --run R            # deletes the run's Redis keys, and only those

Celery: Redis broker at $REDIS_URL (default redis://127.0.0.1:6379), no result backend
(ignore_result), prefork pool. Every key of a run lives under `qbench:<run>:` (kombu's
global_keyprefix for the broker's own keys; queue and exchange `qbench-<run>`), remote control,
gossip, mingle and heartbeats are off, so nothing touches other users of that Redis. Two worker
configurations: `default` (acks early, prefetch multiplier 4: Celery's out-of-the-box setting, at most
once on a crash) and `acks_late` (acks after the task, prefetch multiplier 1: the at-least-once setting
comparable to quantai's leased queue). Tasks `noop(enqueued_at)` and `sleep10(enqueued_at)` RPUSH
"enqueued start finish" (time.time()) to `qbench:<run>:rec`; `run` enqueues N with apply_async from one
producer as fast as it can, waits for N records and prints

    RESULT celery <config> <kind> jobs=N jobs_per_s=X enqueue_start_p50_ms=A enqueue_start_p99_ms=B

with jobs/s = N / (last finish − first enqueue). Percentiles are nearest-rank, the same for both systems.

quantai helpers (stdlib only; sqlite3, or the psql client for PostgreSQL): `quantai-wait --db URL
--workers 1 | --jobs N`, `quantai-report --db URL --config sqlite|postgres --kind K --jobs N` (the same
RESULT line from the jobs table: created_ms, started_ms, finished_ms), `pg-create --url PG_URL` /
`pg-drop --url URL` (a fresh database per run), `summary FILE` (medians and ratios), `pins`.
"""
import argparse
import math
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid

# What bench/jobs_peers.sh installs into target/celery-venv (latest 5.x on PyPI when written).
PINS = ["celery==5.7.0", "kombu==5.7.0", "redis==8.2.0"]
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379")
CONFIGS = {"default": dict(acks_late=False, prefetch=4), "acks_late": dict(acks_late=True, prefetch=1)}
KINDS = ("noop", "sleep10")


def pct(xs, p):
    """Nearest-rank percentile of a sorted list."""
    return xs[max(0, math.ceil(p / 100 * len(xs)) - 1)]


def result_line(system, config, kind, n, first_enq, last_fin, waits_ms):
    waits_ms = sorted(waits_ms)
    return (f"RESULT {system} {config} {kind} jobs={n} jobs_per_s={n / (last_fin - first_enq):.1f} "
            f"enqueue_start_p50_ms={pct(waits_ms, 50):.2f} enqueue_start_p99_ms={pct(waits_ms, 99):.2f}")


# ---------------------------------------------------------------- Celery


def prefix(run):
    return f"qbench:{run}:"


def make_app(run, config):
    from celery import Celery
    from celery.signals import worker_ready

    q = f"qbench-{run}"
    app = Celery(f"qbench-{run}", broker=REDIS_URL, backend=None, set_as_current=True)
    app.conf.update(
        broker_transport_options={"global_keyprefix": prefix(run)},
        broker_connection_retry_on_startup=True,
        task_default_queue=q, task_default_exchange=q, task_default_routing_key=q,
        task_ignore_result=True, task_store_errors_even_if_ignored=False,
        task_acks_late=CONFIGS[config]["acks_late"],
        worker_prefetch_multiplier=CONFIGS[config]["prefetch"],
        worker_enable_remote_control=False, worker_send_task_events=False, task_send_sent_event=False,
        worker_hijack_root_logger=False,
    )
    rec_key = prefix(run) + "rec"
    state = {}

    def record(enqueued_at, start, finish):
        r = state.get("r")
        if r is None:  # one connection per (forked) pool process
            import redis
            r = state["r"] = redis.Redis.from_url(REDIS_URL)
        r.rpush(rec_key, f"{enqueued_at!r} {start!r} {finish!r}")

    @app.task(name="qbench.noop", ignore_result=True)
    def noop(enqueued_at):
        start = time.time()
        record(enqueued_at, start, time.time())

    @app.task(name="qbench.sleep10", ignore_result=True)
    def sleep10(enqueued_at):
        start = time.time()
        time.sleep(0.010)
        record(enqueued_at, start, time.time())

    @worker_ready.connect(weak=False)
    def ready(**_):
        import redis
        redis.Redis.from_url(REDIS_URL).set(prefix(run) + "ready", os.getpid(), ex=3600)

    return app, {"noop": noop, "sleep10": sleep10}, q


def redis_client():
    import redis
    return redis.Redis.from_url(REDIS_URL)


def cmd_worker(a):
    app, _, q = make_app(a.run, a.config)
    argv = ["worker", "-P", "prefork", "-c", str(a.concurrency), "-Q", q, "-n", f"qbench-{a.run}@%h",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", a.loglevel]
    if a.fair:
        argv += ["-O", "fair"]
    app.worker_main(argv=argv)


def cmd_run(a):
    r = redis_client()
    p = prefix(a.run)
    deadline = time.time() + 60
    while not r.exists(p + "ready"):
        if time.time() > deadline:
            sys.exit(f"no Celery worker of run {a.run} became ready in 60 s")
        time.sleep(0.05)
    rec = p + "rec"
    r.delete(rec)
    app, tasks, _ = make_app(a.run, a.config)
    task = tasks[a.kind]
    with app.producer_or_acquire() as producer:
        for _ in range(a.jobs):
            task.apply_async((time.time(),), producer=producer)
    enq_done = time.time()
    deadline = time.time() + a.timeout
    while (have := r.llen(rec)) < a.jobs:
        if time.time() > deadline:
            sys.exit(f"timeout: {have} of {a.jobs} tasks recorded after {a.timeout} s")
        time.sleep(0.02)
    rows = [tuple(map(float, x.split())) for x in r.lrange(rec, 0, -1)]
    r.delete(rec)
    if len(rows) != a.jobs:
        print(f"note: {len(rows)} records for {a.jobs} tasks (redeliveries)", file=sys.stderr)
    first_enq = min(e for e, _, _ in rows)
    print(f"enqueue took {enq_done - first_enq:.2f} s", file=sys.stderr)
    print(result_line("celery", a.config, a.kind, a.jobs, first_enq, max(f for _, _, f in rows),
                      [(s - e) * 1000 for e, s, _ in rows]), flush=True)


def cmd_cleanup(a):
    r = redis_client()
    keys = list(r.scan_iter(match=prefix(a.run) + "*", count=1000))
    if keys:
        r.delete(*keys)
    # Redis keeps a fanout's pub/sub channels only while subscribed: nothing else to remove.


# ---------------------------------------------------------------- quantai


def db_rows(url, sql):
    """Rows of `sql` (text columns) from a sqlite:// file or a postgres:// database (psql client)."""
    if url.startswith("sqlite:"):
        import sqlite3
        path = re.sub(r"^sqlite:(//)?", "", url).split("?")[0]
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            return [tuple("" if v is None else str(v) for v in row) for row in con.execute(sql)]
        finally:
            con.close()
    out = subprocess.run(["psql", url, "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


def cmd_quantai_wait(a):
    deadline = time.time() + a.timeout
    while True:
        try:
            if a.workers:
                ok = int(db_rows(a.db, "SELECT COUNT(*) FROM job_workers")[0][0]) >= a.workers
            else:
                total, busy = db_rows(a.db, "SELECT COUNT(*), COALESCE(SUM(CASE WHEN state IN ('ready', 'running') "
                                            "THEN 1 ELSE 0 END), 0) FROM jobs")[0]
                ok = int(total) >= a.jobs and int(busy) == 0
        except Exception:  # the database may be mid-migration or locked for a moment
            ok = False
        if ok:
            return
        if time.time() > deadline:
            sys.exit(f"quantai-wait: timed out after {a.timeout} s")
        time.sleep(0.05)


def cmd_quantai_report(a):
    rows = db_rows(a.db, "SELECT state, created_ms, started_ms, finished_ms FROM jobs")
    done = [(int(c), int(s), int(f)) for st, c, s, f in rows if st == "done"]
    if len(done) != a.jobs:
        print(f"note: {len(done)} jobs done of {len(rows)} in the table, {a.jobs} expected", file=sys.stderr)
    n = len(done)
    first_enq = min(c for c, _, _ in done) / 1000
    last_fin = max(f for _, _, f in done) / 1000
    print(result_line("quantai", a.config, a.kind, n, first_enq, last_fin, [s - c for c, s, _ in done]), flush=True)


def cmd_pg_create(a):
    name = f"qbench_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    subprocess.run(["psql", a.url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", f'CREATE DATABASE "{name}"'],
                   check=True, stdout=subprocess.DEVNULL)
    u = urllib.parse.urlsplit(a.url)
    print(urllib.parse.urlunsplit(u._replace(path="/" + name)))


def cmd_pg_drop(a):
    u = urllib.parse.urlsplit(a.url)
    name = u.path.lstrip("/")
    if not re.fullmatch(r"qbench_[0-9]+_[0-9a-f]{8}", name):
        sys.exit(f"pg-drop: refusing to drop {name!r}, not a benchmark database")
    admin = urllib.parse.urlunsplit(u._replace(path="/postgres"))
    subprocess.run(["psql", admin, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                    f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True, stdout=subprocess.DEVNULL)


# ---------------------------------------------------------------- summary


def cmd_summary(a):
    runs = {}
    for line in open(a.file):
        m = re.search(r"RESULT (\S+) (\S+) (\S+) (.*)", line)
        if m:
            kv = dict(x.split("=", 1) for x in m.group(4).split())
            runs.setdefault(m.group(1, 2, 3), []).append({k: float(v) for k, v in kv.items()})
    med = {}
    print(f"{'system':<8} {'config':<10} {'kind':<8} {'runs':>4} {'jobs':>6} {'jobs/s':>10} {'p50 ms':>9} {'p99 ms':>9}")
    for (system, config, kind), rs in sorted(runs.items(), key=lambda kv: (kv[0][2], kv[0][0] != "quantai", kv[0])):
        m = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
        med[system, config, kind] = m
        print(f"{system:<8} {config:<10} {kind:<8} {len(rs):>4} {m['jobs']:>6.0f} {m['jobs_per_s']:>10.1f} "
              f"{m['enqueue_start_p50_ms']:>9.2f} {m['enqueue_start_p99_ms']:>9.2f}")
    for kind in KINDS:
        for (s1, c1, k1), q in sorted(med.items()):
            if s1 != "quantai" or k1 != kind:
                continue
            for (s2, c2, k2), c in sorted(med.items()):
                if s2 == "celery" and k2 == kind:
                    print(f"RATIO {kind}: quantai {c1} / celery {c2} jobs/s = {q['jobs_per_s'] / c['jobs_per_s']:.2f}x "
                          f"(p99 enqueue→start {q['enqueue_start_p99_ms']:.1f} vs {c['enqueue_start_p99_ms']:.1f} ms)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("worker")
    w.add_argument("--run", required=True)
    w.add_argument("--config", choices=CONFIGS, default="default")
    w.add_argument("--concurrency", type=int, default=2)
    w.add_argument("--fair", action="store_true", help="-O fair")
    w.add_argument("--loglevel", default="WARNING")
    r = sub.add_parser("run")
    r.add_argument("--run", required=True)
    r.add_argument("--config", choices=CONFIGS, default="default")
    r.add_argument("--kind", choices=KINDS, required=True)
    r.add_argument("--jobs", type=int, required=True)
    r.add_argument("--timeout", type=float, default=900)
    c = sub.add_parser("cleanup")
    c.add_argument("--run", required=True)
    qw = sub.add_parser("quantai-wait")
    qw.add_argument("--db", required=True)
    g = qw.add_mutually_exclusive_group(required=True)
    g.add_argument("--workers", type=int)
    g.add_argument("--jobs", type=int)
    qw.add_argument("--timeout", type=float, default=900)
    qr = sub.add_parser("quantai-report")
    qr.add_argument("--db", required=True)
    qr.add_argument("--config", default="sqlite")
    qr.add_argument("--kind", choices=KINDS, required=True)
    qr.add_argument("--jobs", type=int, required=True)
    pc = sub.add_parser("pg-create")
    pc.add_argument("--url", required=True)
    pd = sub.add_parser("pg-drop")
    pd.add_argument("--url", required=True)
    s = sub.add_parser("summary")
    s.add_argument("file")
    sub.add_parser("pins")
    a = ap.parse_args()
    if a.cmd == "pins":
        print(" ".join(PINS))
        return
    {"worker": cmd_worker, "run": cmd_run, "cleanup": cmd_cleanup, "quantai-wait": cmd_quantai_wait,
     "quantai-report": cmd_quantai_report, "pg-create": cmd_pg_create, "pg-drop": cmd_pg_drop,
     "summary": cmd_summary}[a.cmd](a)


if __name__ == "__main__":
    main()
