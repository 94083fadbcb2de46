#!/usr/bin/env bash
# Added latency at a fixed request rate: the mock upstream directly vs through quantai (ledger
# on, SQLite) vs through LiteLLM's proxy, with quantai-load (open loop: latency is measured from
# each request's due time, so queueing is not hidden).
#
#   cargo build --release -p quantai -p quantai-mock
#   bench/overhead.sh                 # ROUNDS=3 DURATION=15 RATES="1000" LITELLM_RATE=20
#
# LiteLLM tops out far below 1,000 req/s here, so it is compared at LITELLM_RATE (all three
# targets run at that rate too). Loopback only; every process is stopped on exit.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-15}
RATES=${RATES:-1000}
LITELLM_RATE=${LITELLM_RATE:-20}
LITELLM_VENV=${LITELLM_VENV:-/work/venvs/litellm}
BIN=target/release
OUT=${OUT_DIR:-bench/out/overhead-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
TMP=$(mktemp -d /tmp/quantai-overhead.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

wait_200() { # url [curl args…]
  local url=$1; shift
  for _ in $(seq 1 3000); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$@" "$url" || true) == 200 ]] && return 0
    sleep 0.01
  done
  echo "overhead.sh: $url never answered 200" >&2; exit 1
}

"$BIN/quantai-mock" --bind 127.0.0.1:9201 >"$OUT/mock.log" 2>&1 & PIDS+=($!)
export OPENAI_BASE_URL=http://127.0.0.1:9201/v1 OPENAI_API_KEY=sk-mock QUANTAI__DATABASE__URL="sqlite://$TMP/q.db"
KEY=$("$BIN/quantai" keys create --user bench --service narrative_report | tail -1)
"$BIN/quantai" serve --bind 127.0.0.1:9202 >"$OUT/quantai.log" 2>&1 & PIDS+=($!)
wait_200 http://127.0.0.1:9202/healthz

declare -A URL=([direct]=http://127.0.0.1:9201/v1/chat/completions [quantai]=http://127.0.0.1:9202/v1/chat/completions
                [litellm]=http://127.0.0.1:9203/v1/chat/completions)
declare -A KEYS=([direct]=sk-mock [quantai]=$KEY)

run() { # target rate round
  local f="$OUT/$1.r$2.$3.txt"
  timeout 120 "$BIN/quantai-load" --url "${URL[$1]}" --key "${KEYS[$1]}" --rate "$2" --duration "$DURATION" >"$f"
  echo "$1 rate=$2 round=$3 $(grep RESULT "$f")" | tee -a "$OUT/results.txt"
}

# Warm every connection pool once.
for t in direct quantai; do timeout 60 "$BIN/quantai-load" --url "${URL[$t]}" --key "${KEYS[$t]}" --rate 200 --duration 2 >/dev/null; done
for rate in $RATES; do
  for r in $(seq 1 "$ROUNDS"); do run direct "$rate" "$r"; run quantai "$rate" "$r"; done
done
# LiteLLM starts only now, so its idle background work cannot disturb the runs above.
LKEY=sk-bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
if [[ -x $LITELLM_VENV/bin/litellm ]]; then
  MOCK_BASE_URL=http://127.0.0.1:9201/v1 LITELLM_MASTER_KEY=$LKEY LITELLM_LOCAL_MODEL_COST_MAP=True \
  LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS=True LITELLM_LOCAL_BLOG_POSTS=True LITELLM_LOCAL_POLICY_TEMPLATES=True \
  LITELLM_LOCAL_AUTOROUTER_PRESETS=True LITELLM_MODE=PRODUCTION LITELLM_LOG=WARNING \
    "$LITELLM_VENV/bin/litellm" --config bench/litellm_config.yaml --host 127.0.0.1 --port 9203 --num_workers 1 \
    >"$OUT/litellm.log" 2>&1 & PIDS+=($!)
  wait_200 http://127.0.0.1:9203/health/liveliness
fi

if [[ -x $LITELLM_VENV/bin/litellm ]]; then
  KEYS[litellm]=$LKEY
  timeout 60 "$BIN/quantai-load" --url "${URL[litellm]}" --key "$LKEY" --rate 20 --duration 3 >/dev/null || true
  for r in $(seq 1 "$ROUNDS"); do
    run direct "$LITELLM_RATE" "$r"; run quantai "$LITELLM_RATE" "$r"; run litellm "$LITELLM_RATE" "$r"
  done
fi
echo "rows in quantai's ledger: $(sqlite3 "$TMP/q.db" 'select count(*) from llm_usage')" | tee -a "$OUT/results.txt"

python3 - "$OUT/results.txt" <<'PY'
import re, statistics, sys, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"(\w+) rate=(\d+) round=\d+ RESULT (.*)", line)
    if not m: continue
    kv = dict(x.split("=") for x in m.group(3).split())
    rows[(m.group(1), int(m.group(2)))].append({k: float(v) for k, v in kv.items()})
med = lambda xs, k: statistics.median(x[k] for x in xs)
print(f"{'target':8} {'rate':>5} {'achieved':>9} {'errors':>6} {'p50_ms':>8} {'p99_ms':>8} {'p999_ms':>8} {'due_p99':>8}  (medians of rounds)")
for (t, rate), xs in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    print(f"{t:8} {rate:5} {med(xs,'rate'):9.1f} {med(xs,'errors'):6.0f} {med(xs,'p50_ms'):8.3f} {med(xs,'p99_ms'):8.3f} {med(xs,'p999_ms'):8.3f} {med(xs,'due_p99_ms'):8.3f}")
for rate in sorted({r for _, r in rows}):
    d = rows.get(("direct", rate))
    for t in ("quantai", "litellm"):
        x = rows.get((t, rate))
        if d and x:
            print(f"added by {t} at {rate} req/s: p50 {med(x,'p50_ms')-med(d,'p50_ms'):+.3f} ms, p99 {med(x,'p99_ms')-med(d,'p99_ms'):+.3f} ms")
PY
