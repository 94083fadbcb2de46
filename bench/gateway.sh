#!/usr/bin/env bash
# Gateway overhead benchmark: mock upstream direct vs quantai vs LiteLLM proxy.
#
#   cargo build --release -p quantai -p quantai-mock     # build first; this script never builds
#   bench/gateway.sh                                      # ROUNDS=3, wrk -t2 -c64 -d15s
#
# Loopback only (127.0.0.1). Every wait and every load run is bounded by `timeout`.
# Each round restarts every process: mock (:9101), quantai (:9102), LiteLLM (:9103),
# then runs one discarded warm-up and one measured wrk run against each target:
#   direct  -> http://127.0.0.1:9101/v1/chat/completions
#   quantai -> http://127.0.0.1:9102/v1/chat/completions
#   litellm -> http://127.0.0.1:9103/v1/chat/completions
# Outputs go to bench/out/<timestamp>/ (gitignored): raw wrk output per run, RSS
# samples, server logs, summary.txt and summary.json (medians over rounds).
#
# CPU placement (the machine has 2 cores; load generator and servers share them):
#   PIN=split (default): wrk and the mock on CPU 0, the gateway under test on CPU 1.
#     The gateway gets one dedicated core and the same wrk+mock core in every case,
#     so "added latency" is the gateway's own cost; the direct baseline runs the mock
#     on CPU 0 next to wrk, exactly as it does behind the gateways. quantai's tokio
#     runtime sees 1 CPU (available_parallelism follows the affinity mask); LiteLLM
#     runs one worker process, i.e. one Python event loop, anyway.
#   PIN=none: nothing pinned; all processes float over both cores (absolute numbers
#     higher, but wrk, mock and gateway steal from each other).
# Anything else running (e.g. a cargo build) skews all numbers: run on an idle machine.
#
# Env knobs:
#   ROUNDS=3  WRK_THREADS=2  WRK_CONNS=64  WRK_DURATION=15s  WRK_WARMUP=3s  PIN=split|none
#   TARGETS="direct quantai litellm"     (subset allowed)
#   QUANTAI_BIN=target/release/quantai   MOCK_BIN=target/release/quantai-mock
#   LITELLM_VENV=/work/venvs/litellm     OUT_DIR=bench/out/<timestamp>
#   STARTUP_TIMEOUT_S=30 (quantai, mock)  LITELLM_STARTUP_TIMEOUT_S=180
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

ROUNDS=${ROUNDS:-3}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNS=${WRK_CONNS:-64}
WRK_DURATION=${WRK_DURATION:-15s}
WRK_WARMUP=${WRK_WARMUP:-3s}
PIN=${PIN:-split}
TARGETS=${TARGETS:-"direct quantai litellm"}
QUANTAI_BIN=${QUANTAI_BIN:-target/release/quantai}
MOCK_BIN=${MOCK_BIN:-target/release/quantai-mock}
LITELLM_VENV=${LITELLM_VENV:-/work/venvs/litellm}
STARTUP_TIMEOUT_S=${STARTUP_TIMEOUT_S:-30}
LITELLM_STARTUP_TIMEOUT_S=${LITELLM_STARTUP_TIMEOUT_S:-180}
OUT_DIR=${OUT_DIR:-bench/out/$(date +%Y%m%d-%H%M%S)}

HOST=127.0.0.1
MOCK_PORT=9101
QUANTAI_PORT=9102
LITELLM_PORT=9103
MOCK_BASE_URL="http://$HOST:$MOCK_PORT/v1"
CHAT_PATH=/v1/chat/completions
BODY='{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Summarise the backtest of SMA(10,30) on AAPL."}]}'

die() { echo "gateway.sh: $*" >&2; exit 1; }
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# ---- preflight -------------------------------------------------------------
command -v wrk >/dev/null || die "wrk not found (apt-get install -y wrk)"
command -v curl >/dev/null || die "curl not found"
command -v python3 >/dev/null || die "python3 not found (used for the summary)"
has_target() { [[ " $TARGETS " == *" $1 "* ]]; }
[[ -x $MOCK_BIN ]] || die "$MOCK_BIN missing: cargo build --release first"
if has_target quantai; then [[ -x $QUANTAI_BIN ]] || die "$QUANTAI_BIN missing: cargo build --release first"; fi
if has_target litellm; then [[ -x $LITELLM_VENV/bin/litellm ]] || die "$LITELLM_VENV/bin/litellm missing (python3 -m venv $LITELLM_VENV && $LITELLM_VENV/bin/pip install 'litellm[proxy]')"; fi
[[ $(nproc) -ge 2 ]] || { [[ $PIN == none ]] || { log "fewer than 2 CPUs: PIN=none"; PIN=none; }; }
case $PIN in
  split) command -v taskset >/dev/null || die "taskset not found (util-linux)"
         PIN_LOAD=(taskset -c 0); PIN_GW=(taskset -c 1) ;;
  none)  PIN_LOAD=(); PIN_GW=() ;;
  *)     die "PIN must be split or none" ;;
esac
for p in $MOCK_PORT $QUANTAI_PORT $LITELLM_PORT; do
  if curl -s -o /dev/null --max-time 1 "http://$HOST:$p/"; then die "port $p already answers: stop whatever listens there"; fi
done

mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
TMP=$(mktemp -d /tmp/quantai-bench.XXXXXX)
# Absolute path so the sqlite URL reads sqlite:///tmp/...; Store::connect adds mode=rwc.
DB_URL="sqlite://$TMP/bench.db"

# ---- process bookkeeping ---------------------------------------------------
PIDS=()
stop_pid() { # pid: TERM, wait up to 5 s, then KILL
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
stop_all() { # reverse start order: gateways before the mock they call
  local i
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do stop_pid "${PIDS[i]}"; done
  PIDS=()
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_all
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_http NAME PID TIMEOUT_S CURL_ARGS...: poll until HTTP 200; echo elapsed ms
# (measured from $SPAWN_MS, set just before the spawn). Fails if PID dies.
wait_http() {
  local name=$1 pid=$2 timeout_s=$3; shift 3
  local deadline=$(( $(now_ms) + timeout_s * 1000 )) code
  while :; do
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up (see $OUT_DIR/logs)"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$@" || true)
    [[ $code == 200 ]] && break
    (( $(now_ms) < deadline )) || die "$name not ready after ${timeout_s}s (last HTTP $code)"
    sleep 0.005
  done
  echo $(( $(now_ms) - SPAWN_MS ))
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# sample_rss PID FILE: VmRSS (kB) every 100 ms until killed; bounded by the pid's life.
sample_rss() {
  local pid=$1 file=$2
  while kill -0 "$pid" 2>/dev/null; do rss_kb "$pid" >>"$file"; sleep 0.1; done
}

# check_chat NAME URL KEY: one request must return 200 with a chat.completion.
check_chat() {
  local name=$1 url=$2 key=$3 resp code
  resp=$(curl -s --max-time 30 -w '\n%{http_code}' -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $key" -d "$BODY" "$url") || die "$name: request failed"
  code=${resp##*$'\n'}
  [[ $code == 200 ]] || die "$name: HTTP $code from $url: ${resp%$'\n'*}"
}

dur_s() { # 15s / 1m / 500ms -> whole seconds (rounded up), for timeouts
  local d=$1
  case $d in
    *ms) echo $(( (${d%ms} + 999) / 1000 )) ;;
    *s)  echo "${d%s}" ;;
    *m)  echo $(( ${d%m} * 60 )) ;;
    *h)  echo $(( ${d%h} * 3600 )) ;;
    *)   echo "$d" ;;
  esac
}

# run_wrk URL KEY DURATION OUTFILE: bounded wrk run with bench/chat.lua.
run_wrk() {
  local url=$1 key=$2 dur=$3 out=$4
  local limit=$(( $(dur_s "$dur") + 30 ))
  BENCH_KEY=$key timeout --signal=INT --kill-after=5 "$limit" "${PIN_LOAD[@]}" \
    wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$dur" --timeout 10s --latency \
    -s "$ROOT/bench/chat.lua" "$url" >"$out" 2>&1 || die "wrk failed against $url (see $out)"
  grep -q '^RESULT ' "$out" || die "no RESULT line in $out"
}

# ---- environment for the servers ---------------------------------------------
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
QUANTAI_ENV=(
  OPENAI_BASE_URL="$MOCK_BASE_URL"
  OPENAI_API_KEY=sk-mock
  QUANTAI__DATABASE__URL="$DB_URL"
)
LITELLM_MASTER_KEY=sk-bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
LITELLM_ENV=(
  MOCK_BASE_URL="$MOCK_BASE_URL"
  LITELLM_MASTER_KEY="$LITELLM_MASTER_KEY"
  # no network at start-up: bundled cost map / beta headers / blog / templates
  LITELLM_LOCAL_MODEL_COST_MAP=True
  LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS=True
  LITELLM_LOCAL_BLOG_POSTS=True
  LITELLM_LOCAL_POLICY_TEMPLATES=True
  LITELLM_LOCAL_AUTOROUTER_PRESETS=True
  LITELLM_DONT_SHOW_FEEDBACK_BOX=True
  # PRODUCTION: do not load a .env from the working directory
  LITELLM_MODE=PRODUCTION
  # WARNING also silences uvicorn's per-request access log (INFO)
  LITELLM_LOG=WARNING
)

mkdir -p "$OUT_DIR/logs"
{
  echo "date=$(date -Is) host_cpus=$(nproc) pin=$PIN rounds=$ROUNDS"
  echo "wrk: -t$WRK_THREADS -c$WRK_CONNS -d$WRK_DURATION (warm-up $WRK_WARMUP) $(wrk --version 2>&1 | head -1)"
  echo "quantai=$QUANTAI_BIN mock=$MOCK_BIN litellm=$("$LITELLM_VENV/bin/pip" show litellm 2>/dev/null | awk '/^Version:/ {print $2}')"
  echo "git=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)"
  echo "loadavg_at_start=$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT_DIR/meta.txt"
cat "$OUT_DIR/meta.txt" >&2

# ---- rounds ------------------------------------------------------------------
for r in $(seq 1 "$ROUNDS"); do
  log "round $r/$ROUNDS"
  rm -f "$TMP"/bench.db*

  # mock upstream
  SPAWN_MS=$(now_ms)
  "${PIN_LOAD[@]}" "$MOCK_BIN" --bind "$HOST:$MOCK_PORT" >"$OUT_DIR/logs/mock.r$r.log" 2>&1 &
  MOCK_PID=$!; PIDS+=("$MOCK_PID")
  wait_http mock "$MOCK_PID" "$STARTUP_TIMEOUT_S" -H 'Content-Type: application/json' \
    -H 'Authorization: Bearer sk-mock' -d "$BODY" "$MOCK_BASE_URL/chat/completions" >/dev/null

  declare -A KEY=([direct]=sk-mock [litellm]=$LITELLM_MASTER_KEY)
  declare -A URL=(
    [direct]="http://$HOST:$MOCK_PORT$CHAT_PATH"
    [quantai]="http://$HOST:$QUANTAI_PORT$CHAT_PATH"
    [litellm]="http://$HOST:$LITELLM_PORT$CHAT_PATH"
  )
  declare -A PID_OF=()

  if has_target quantai; then
    # API key: the LAST line of `keys create` stdout.
    KEY[quantai]=$(env "${QUANTAI_ENV[@]}" timeout 60 "$QUANTAI_BIN" keys create \
      --user bench --role user --service narrative_report 2>"$OUT_DIR/logs/keys.r$r.log" | tail -n 1 | tr -d '[:space:]')
    [[ -n ${KEY[quantai]} ]] || die "quantai keys create printed no key (see $OUT_DIR/logs/keys.r$r.log)"

    SPAWN_MS=$(now_ms)
    env "${QUANTAI_ENV[@]}" "${PIN_GW[@]}" "$QUANTAI_BIN" serve --bind "$HOST:$QUANTAI_PORT" \
      >"$OUT_DIR/logs/quantai.r$r.log" 2>&1 &
    PID_OF[quantai]=$!; PIDS+=("${PID_OF[quantai]}")
    ms=$(wait_http quantai "${PID_OF[quantai]}" "$STARTUP_TIMEOUT_S" "http://$HOST:$QUANTAI_PORT/healthz")
    echo "$ms" >"$OUT_DIR/r$r.quantai.startup_ms"
    log "quantai ready in ${ms} ms (spawn -> first 200 on /healthz)"
  fi

  if has_target litellm; then
    SPAWN_MS=$(now_ms)
    env "${LITELLM_ENV[@]}" "${PIN_GW[@]}" "$LITELLM_VENV/bin/litellm" \
      --config "$ROOT/bench/litellm_config.yaml" --host "$HOST" --port "$LITELLM_PORT" --num_workers 1 \
      >"$OUT_DIR/logs/litellm.r$r.log" 2>&1 &
    PID_OF[litellm]=$!; PIDS+=("${PID_OF[litellm]}")
    ms=$(wait_http litellm "${PID_OF[litellm]}" "$LITELLM_STARTUP_TIMEOUT_S" "http://$HOST:$LITELLM_PORT/health/liveliness")
    echo "$ms" >"$OUT_DIR/r$r.litellm.startup_ms"
    log "litellm ready in ${ms} ms (spawn -> first 200 on /health/liveliness)"
  fi

  # fail fast: every target must answer one chat completion with 200 before any load
  for t in $TARGETS; do check_chat "$t" "${URL[$t]}" "${KEY[$t]}"; done

  for t in $TARGETS; do
    pid=${PID_OF[$t]:-}
    if [[ -n $pid ]]; then rss_kb "$pid" >"$OUT_DIR/r$r.$t.rss_idle_kb"; fi
    log "$t: warm-up $WRK_WARMUP"
    run_wrk "${URL[$t]}" "${KEY[$t]}" "$WRK_WARMUP" "$OUT_DIR/r$r.$t.warmup.txt"
    # idle RSS is read before the warm-up; the load samples cover the measured run
    sampler=
    if [[ -n $pid ]]; then
      : >"$OUT_DIR/r$r.$t.rss_load_kb"
      sample_rss "$pid" "$OUT_DIR/r$r.$t.rss_load_kb" & sampler=$!
    fi
    log "$t: measured run $WRK_DURATION -> ${URL[$t]}"
    run_wrk "${URL[$t]}" "${KEY[$t]}" "$WRK_DURATION" "$OUT_DIR/r$r.$t.wrk.txt"
    if [[ -n $sampler ]]; then kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; fi
    grep '^RESULT ' "$OUT_DIR/r$r.$t.wrk.txt" | sed "s/^RESULT /RESULT round=$r target=$t /" | tee -a "$OUT_DIR/results.txt" >&2
  done

  stop_all
  unset KEY URL PID_OF
done

# ---- summary -----------------------------------------------------------------
python3 - "$OUT_DIR" "$TARGETS" <<'PY' | tee "$OUT_DIR/summary.txt"
import json, os, re, statistics, sys
out, targets = sys.argv[1], sys.argv[2].split()
rows = {}
for line in open(os.path.join(out, "results.txt")):
    kv = dict(p.split("=", 1) for p in line.split()[1:])
    rows.setdefault(kv["target"], []).append({k: (v if k == "target" else float(v)) for k, v in kv.items()})

def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None

def read_num(path):
    try:
        return float(open(path).read().split()[0])
    except (OSError, IndexError, ValueError):
        return None

def rss_file(path):
    try:
        v = [float(x) for x in open(path).read().split() if x.strip()]
        return max(v) if v else None
    except OSError:
        return None

rounds = sorted({int(r["round"]) for rs in rows.values() for r in rs})
summary = {}
for t in targets:
    rs = rows.get(t, [])
    s = {k: med([r[k] for r in rs]) for k in ("rps", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "mean_ms")}
    s["non2xx_total"] = sum(r["non2xx"] for r in rs)
    s["errors_total"] = sum(r["errors"] for r in rs)
    s["requests_total"] = sum(r["requests"] for r in rs)
    s["rounds"] = len(rs)
    s["startup_ms"] = med([read_num(f"{out}/r{i}.{t}.startup_ms") for i in rounds])
    s["rss_idle_mib"] = (lambda v: v / 1024 if v else None)(med([read_num(f"{out}/r{i}.{t}.rss_idle_kb") for i in rounds]))
    peaks = [rss_file(f"{out}/r{i}.{t}.rss_load_kb") for i in rounds]
    peaks = [p for p in peaks if p]
    s["rss_peak_mib"] = max(peaks) / 1024 if peaks else None
    summary[t] = s

def f(v, spec):
    return ("-".rjust(int(spec.split(".")[0] or 0)) if v is None else format(v, spec))

def mib(v):
    return f"{'-':>9}" if v is None else f"{v:8.1f}M"

print(f"medians over {len(rounds)} round(s); per-target runs in {out}")
print(f"{'target':<8} {'rps':>9} {'p50_ms':>8} {'p90_ms':>8} {'p99_ms':>8} {'p99.9_ms':>9} {'non2xx':>7} {'errors':>7} {'start_ms':>9} {'rss_idle':>9} {'rss_peak':>9}")
for t in targets:
    s = summary[t]
    print(f"{t:<8} {f(s['rps'],'9.0f')} {f(s['p50_ms'],'8.2f')} {f(s['p90_ms'],'8.2f')} {f(s['p99_ms'],'8.2f')} {f(s['p999_ms'],'9.2f')} "
          f"{int(s['non2xx_total']):>7} {int(s['errors_total']):>7} {f(s['startup_ms'],'9.0f')} "
          f"{mib(s['rss_idle_mib'])} {mib(s['rss_peak_mib'])}")

ratios = {}
d = summary.get("direct")
for t in ("quantai", "litellm"):
    if t in summary and d and d["p50_ms"] is not None and summary[t]["p50_ms"] is not None:
        ratios[f"{t}_added_p50_ms"] = summary[t]["p50_ms"] - d["p50_ms"]
        ratios[f"{t}_added_p99_ms"] = summary[t]["p99_ms"] - d["p99_ms"]
        ratios[f"{t}_rps_vs_direct"] = summary[t]["rps"] / d["rps"] if d["rps"] else None
q, l = summary.get("quantai"), summary.get("litellm")
if q and l and q["rps"] and l["rps"]:
    ratios["quantai_vs_litellm_rps"] = q["rps"] / l["rps"]
    ratios["litellm_vs_quantai_p99"] = l["p99_ms"] / q["p99_ms"] if q["p99_ms"] else None
print()
for k, v in ratios.items():
    print(f"{k:<26} {f(v, '.3f')}")
if any(summary[t]["non2xx_total"] or summary[t]["errors_total"] for t in targets):
    print("WARNING: some runs had non-2xx responses or socket errors: numbers are not comparable")
print("note: closed-loop wrk (fixed connections, no fixed rate): latency figures are at saturation,"
      " not at a given request rate; with 2 CPUs the load generator shares the machine with the servers.")
json.dump({"targets": summary, "ratios": ratios}, open(os.path.join(out, "summary.json"), "w"), indent=2)
PY
log "done: $OUT_DIR"
