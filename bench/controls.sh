#!/usr/bin/env bash
# Gateway overhead with the cost controls on vs off, same load, same run: one mock, two quantai
# processes (controls off; rate limits + budgets on, set high enough never to refuse), rounds
# alternating direct / off / on at a fixed rate with quantai-load.
#
#   cargo build --release -p quantai -p quantai-mock
#   bench/controls.sh            # ROUNDS=5 DURATION=15 RATE=1000
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-15}
RATE=${RATE:-1000}
BIN=target/release
OUT=${OUT_DIR:-bench/out/controls-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
TMP=$(mktemp -d /tmp/quantai-controls.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
wait_200() { for _ in $(seq 1 3000); do [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1" || true) == 200 ]] && return 0; sleep 0.01; done; exit 1; }

"$BIN/quantai-mock" --bind 127.0.0.1:9501 >"$OUT/mock.log" 2>&1 & PIDS+=($!)
export OPENAI_BASE_URL=http://127.0.0.1:9501/v1 OPENAI_API_KEY=sk-mock
for mode in off on; do
  export QUANTAI__DATABASE__URL="sqlite://$TMP/$mode.db"
  KEY=$("$BIN/quantai" keys create --user bench --service narrative_report | tail -1)
  echo "$KEY" >"$TMP/$mode.key"
done
QUANTAI__DATABASE__URL="sqlite://$TMP/off.db" "$BIN/quantai" serve --bind 127.0.0.1:9502 >"$OUT/off.log" 2>&1 & PIDS+=($!)
QUANTAI__DATABASE__URL="sqlite://$TMP/on.db" \
QUANTAI__LIMITS__USER_RPM=10000000 QUANTAI__LIMITS__USER_TPM=1000000000 \
QUANTAI__LIMITS__SERVICE_RPM=10000000 QUANTAI__LIMITS__SERVICE_TPM=1000000000 \
QUANTAI__BUDGETS__USER_DAILY_USD=1000000 QUANTAI__BUDGETS__USER_MONTHLY_USD=1000000 \
QUANTAI__BUDGETS__SERVICE_DAILY_USD=1000000 QUANTAI__BUDGETS__SERVICE_MONTHLY_USD=1000000 \
  "$BIN/quantai" serve --bind 127.0.0.1:9503 >"$OUT/on.log" 2>&1 & PIDS+=($!)
wait_200 http://127.0.0.1:9502/healthz; wait_200 http://127.0.0.1:9503/healthz

declare -A URL=([direct]=http://127.0.0.1:9501/v1/chat/completions [off]=http://127.0.0.1:9502/v1/chat/completions
                [on]=http://127.0.0.1:9503/v1/chat/completions)
declare -A KEYS=([direct]=sk-mock [off]=$(cat "$TMP/off.key") [on]=$(cat "$TMP/on.key"))
for t in direct off on; do timeout 60 "$BIN/quantai-load" --url "${URL[$t]}" --key "${KEYS[$t]}" --rate 200 --duration 2 >/dev/null; done
for r in $(seq 1 "$ROUNDS"); do
  for t in direct off on; do
    f="$OUT/$t.r$r.txt"
    timeout 120 "$BIN/quantai-load" --url "${URL[$t]}" --key "${KEYS[$t]}" --rate "$RATE" --duration "$DURATION" >"$f"
    echo "$t rate=$RATE round=$r $(grep RESULT "$f")" | tee -a "$OUT/results.txt"
  done
done
python3 - "$OUT/results.txt" <<'PY'
import re, statistics, sys, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"(\w+) rate=\d+ round=\d+ RESULT (.*)", line)
    if m:
        rows[m.group(1)].append({k: float(v) for k, v in (x.split("=") for x in m.group(2).split())})
med = lambda t, k: statistics.median(x[k] for x in rows[t])
for t in ("direct", "off", "on"):
    print(f"{t:7} errors={med(t,'errors'):.0f} p50_ms={med(t,'p50_ms'):.3f} p99_ms={med(t,'p99_ms'):.3f}")
for k in ("p50_ms", "p99_ms"):
    off, on = med("off", k) - med("direct", k), med("on", k) - med("direct", k)
    print(f"added {k}: controls off {off:+.3f} ms, on {on:+.3f} ms, on/off = {on/off if off else float('nan'):.2f}")
PY
