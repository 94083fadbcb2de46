#!/usr/bin/env bash
# Job queue throughput and enqueue→start latency: quantai's durable queue (`quantai worker`, SQLite and,
# with PG_URL, PostgreSQL) against Celery (pip, Redis broker, prefork) on the same no-op and 10 ms tasks,
# same machine, same run, alternating ROUNDS times; then the median per (system, config, kind) and the
# quantai ÷ celery ratio of jobs/s (the issue's target: ≥ 10×).
#
#   bench/jobs_peers.sh                              # builds target/release/quantai when missing
#   PG_URL=postgres://postgres@127.0.0.1:5432/postgres bench/jobs_peers.sh   # adds quantai on PostgreSQL
#   SYSTEMS=celery ROUNDS=1 N_NOOP=2000 N_SLEEP=2000 bench/jobs_peers.sh     # the Celery half only
#
# Each run starts fresh: quantai gets a new SQLite file (QUANTAI__DATABASE__URL=sqlite://<tmp>/q.db), or
# a new PostgreSQL database made from PG_URL and dropped afterwards, `quantai worker --queue bench`,
# then one producer `quantai jobs enqueue noop|sleep --count N` and a wait until no job is ready or
# running; its figures come from the jobs table (created_ms, started_ms, finished_ms). Celery gets a new
# worker, queue and Redis key prefix `qbench:<run>:` (only those keys are deleted), in two
# configurations: `default` (acks early, prefetch ×4) and `acks_late` (prefetch ×1, at least once like
# quantai). jobs/s = N / (last finish − first enqueue), so the producer's time counts on both sides.
# bench/jobs_celery.py holds the Celery app and the helpers; Celery goes into target/celery-venv with the
# versions pinned there (`jobs_celery.py pins`).
#
# Environment: ROUNDS (3), N_NOOP (20000), N_SLEEP (5000), KINDS ("noop sleep10"), SYSTEMS ("quantai
# celery"), CELERY_CONFIGS ("default acks_late"), CELERY_CONCURRENCY (2: the machine's cores; quantai's
# built-in noop/sleep run 16 at a time per worker, which matters for sleep10), CELERY_FAIR=1 for -O fair,
# REDIS_URL (redis://127.0.0.1:6379), PG_URL (unset: no PostgreSQL runs), QUANTAI (target/release/quantai),
# CELERY_VENV, OUT (the RESULT lines; default a temp file). Run it on an otherwise idle machine.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROUNDS=${ROUNDS:-3}
N_NOOP=${N_NOOP:-20000}
N_SLEEP=${N_SLEEP:-5000}
KINDS=${KINDS:-noop sleep10}
SYSTEMS=${SYSTEMS:-quantai celery}
CELERY_CONFIGS=${CELERY_CONFIGS:-default acks_late}
CELERY_CONCURRENCY=${CELERY_CONCURRENCY:-2}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
PG_URL=${PG_URL:-}
QUANTAI=${QUANTAI:-target/release/quantai}
VENV=${CELERY_VENV:-$ROOT/target/celery-venv}
OUT=${OUT:-$(mktemp /tmp/jobs-peers.XXXXXX)}
HELPER="$ROOT/bench/jobs_celery.py"
has() { [[ " $SYSTEMS " == *" $1 "* ]]; }

# Background workers, temp dirs, Redis prefixes and databases of the run in progress; undone on exit.
PIDS=() TMPS=() CELERY_RUNS=() PG_DBS=()
cleanup() {
  local p
  for p in ${PIDS[@]+"${PIDS[@]}"}; do kill -TERM "$p" 2>/dev/null || true; done
  for p in ${PIDS[@]+"${PIDS[@]}"}; do wait "$p" 2>/dev/null || true; done
  for p in ${CELERY_RUNS[@]+"${CELERY_RUNS[@]}"}; do "$VENV/bin/python" "$HELPER" cleanup --run "$p" || true; done
  for p in ${PG_DBS[@]+"${PG_DBS[@]}"}; do python3 "$HELPER" pg-drop --url "$p" || true; done
  for p in ${TMPS[@]+"${TMPS[@]}"}; do rm -rf "$p"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
stop() { kill -TERM "$1" 2>/dev/null || true; wait "$1" || true; PIDS=(); }
emit() { sed "s/^/round $ROUND /" | tee -a "$OUT"; }

if has celery; then
  pins=$(python3 "$HELPER" pins)
  if [ "$(cat "$VENV/.pins" 2>/dev/null)" != "$pins" ]; then
    python3 -m venv "$VENV"
    # shellcheck disable=SC2086
    "$VENV/bin/pip" install --quiet --disable-pip-version-check $pins
    echo "$pins" >"$VENV/.pins"
  fi
fi
if has quantai; then
  [ -x "$QUANTAI" ] || cargo build --release -p quantai
  QUANTAI=$(cd "$(dirname "$QUANTAI")" && pwd)/$(basename "$QUANTAI")
fi

jobs_for() { if [ "$1" = noop ]; then echo "$N_NOOP"; else echo "$N_SLEEP"; fi; }

# quantai KIND N sqlite|postgres
quantai_run() {
  local kind=$1 n=$2 engine=$3 tmp url
  tmp=$(mktemp -d /tmp/jobs-peers-q.XXXXXX) && TMPS=("$tmp")
  if [ "$engine" = sqlite ]; then url="sqlite://$tmp/q.db"; else url=$(python3 "$HELPER" pg-create --url "$PG_URL") && PG_DBS=("$url"); fi
  local args=(noop)
  [ "$kind" = sleep10 ] && args=(sleep --payload '{"ms":10}')
  export QUANTAI__DATABASE__URL=$url
  # Migrate first, so the worker and the producer do not both create the schema.
  (cd "$tmp" && "$QUANTAI" jobs stats --json >/dev/null)
  (cd "$tmp" && exec "$QUANTAI" worker --queue bench >"$tmp/worker.log" 2>&1) &
  PIDS=($!)
  python3 "$HELPER" quantai-wait --db "$url" --workers 1 --timeout 60 || { tail -20 "$tmp/worker.log" >&2; exit 1; }
  (cd "$tmp" && "$QUANTAI" jobs enqueue "${args[@]}" --count "$n" --queue bench >/dev/null)
  python3 "$HELPER" quantai-wait --db "$url" --jobs "$n" || { tail -20 "$tmp/worker.log" >&2; exit 1; }
  stop "${PIDS[0]}"
  python3 "$HELPER" quantai-report --db "$url" --config "$engine" --kind "$kind" --jobs "$n" | emit
  unset QUANTAI__DATABASE__URL
  if [ "$engine" = postgres ]; then python3 "$HELPER" pg-drop --url "$url"; PG_DBS=(); fi
  rm -rf "$tmp"; TMPS=()
}

# celery KIND N default|acks_late
celery_run() {
  local kind=$1 n=$2 config=$3 run log fair=()
  run="qb$$-$RANDOM$RANDOM"
  log=$(mktemp /tmp/jobs-peers-celery.XXXXXX)
  CELERY_RUNS=("$run") TMPS=("$log")
  [ "${CELERY_FAIR:-0}" = 1 ] && fair=(--fair)
  "$VENV/bin/python" "$HELPER" worker --run "$run" --config "$config" --concurrency "$CELERY_CONCURRENCY" \
    ${fair[@]+"${fair[@]}"} >"$log" 2>&1 &
  PIDS=($!)
  "$VENV/bin/python" "$HELPER" run --run "$run" --config "$config" --kind "$kind" --jobs "$n" | emit ||
    { tail -20 "$log" >&2; exit 1; }
  stop "${PIDS[0]}"
  "$VENV/bin/python" "$HELPER" cleanup --run "$run"
  CELERY_RUNS=()
  rm -f "$log"; TMPS=()
}

echo "RESULT lines also in $OUT" >&2
# Not in pipelines: the functions run in this shell, so the exit trap sees their workers.
for ROUND in $(seq 1 "$ROUNDS"); do
  for kind in $KINDS; do
    n=$(jobs_for "$kind")
    if has quantai; then
      quantai_run "$kind" "$n" sqlite
      [ -z "$PG_URL" ] || quantai_run "$kind" "$n" postgres
    fi
    if has celery; then
      for config in $CELERY_CONFIGS; do celery_run "$kind" "$n" "$config"; done
    fi
  done
done
[ -n "$PG_URL" ] || ! has quantai || echo "PG_URL unset: no quantai-on-PostgreSQL runs" >&2
echo
python3 "$HELPER" summary "$OUT"
