#!/usr/bin/env bash
# Gateway overhead with every control on vs all off, same load, same run: one mock, three quantai
# processes — off (no limits, budgets, cache, PII masking or request log), on (rate limits and
# budgets high enough never to refuse, cache, PII masking, banned words, request log; in-process)
# and redis (the same with limits, budgets and cache in Redis at REDIS_URL) — rounds alternating
# direct / off / on / redis at a fixed rate with quantai-load.
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
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
for mode in off on redis; do
  export QUANTAI__DATABASE__URL="sqlite://$TMP/$mode.db"
  KEY=$("$BIN/quantai" keys create --user bench --service narrative_report | tail -1)
  echo "$KEY" >"$TMP/$mode.key"
done
QUANTAI__DATABASE__URL="sqlite://$TMP/off.db" QUANTAI__CACHE__ENABLED=false QUANTAI__GUARD__PII=allow \
QUANTAI__REQUEST_LOG__ENABLED=false \
  "$BIN/quantai" serve --bind 127.0.0.1:9502 >"$OUT/off.log" 2>&1 & PIDS+=($!)
controls_on() {
  exec env QUANTAI__DATABASE__URL="sqlite://$TMP/$1.db" QUANTAI__REQUEST_LOG__URL="file:$TMP/$1" \
    QUANTAI__GUARD__BANNED_WORDS='["insider trading"]' QUANTAI__GUARD__BANNED_ACTION=block \
    QUANTAI__LIMITS__USER_RPM=10000000 QUANTAI__LIMITS__USER_TPM=1000000000 \
    QUANTAI__LIMITS__SERVICE_RPM=10000000 QUANTAI__LIMITS__SERVICE_TPM=1000000000 \
    QUANTAI__BUDGETS__USER_DAILY_USD=1000000 QUANTAI__BUDGETS__USER_MONTHLY_USD=1000000 \
    QUANTAI__BUDGETS__SERVICE_DAILY_USD=1000000 QUANTAI__BUDGETS__SERVICE_MONTHLY_USD=1000000 "${@:2}"
}
controls_on on "$BIN/quantai" serve --bind 127.0.0.1:9503 >"$OUT/on.log" 2>&1 & PIDS+=($!)
PREFIX="qbench$$"
controls_on redis env QUANTAI__REDIS__URL="$REDIS_URL" QUANTAI__REDIS__KEY_PREFIX="$PREFIX" \
  QUANTAI__LIMITS__STORE=redis QUANTAI__BUDGETS__STORE=redis QUANTAI__CACHE__STORE=redis \
  "$BIN/quantai" serve --bind 127.0.0.1:9504 >"$OUT/redis.log" 2>&1 & PIDS+=($!)
wait_200 http://127.0.0.1:9502/healthz; wait_200 http://127.0.0.1:9503/healthz; wait_200 http://127.0.0.1:9504/healthz

declare -A URL=([direct]=http://127.0.0.1:9501/v1/chat/completions [off]=http://127.0.0.1:9502/v1/chat/completions
                [on]=http://127.0.0.1:9503/v1/chat/completions [redis]=http://127.0.0.1:9504/v1/chat/completions)
declare -A KEYS=([direct]=sk-mock [off]=$(cat "$TMP/off.key") [on]=$(cat "$TMP/on.key") [redis]=$(cat "$TMP/redis.key"))
for t in direct off on redis; do timeout 60 "$BIN/quantai-load" --url "${URL[$t]}" --key "${KEYS[$t]}" --rate 200 --duration 2 >/dev/null; done
for r in $(seq 1 "$ROUNDS"); do
  for t in direct off on redis; do
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
for t in ("direct", "off", "on", "redis"):
    print(f"{t:7} errors={med(t,'errors'):.0f} p50_ms={med(t,'p50_ms'):.3f} p99_ms={med(t,'p99_ms'):.3f}")
for k in ("p50_ms", "p99_ms"):
    off = med("off", k) - med("direct", k)
    for t in ("on", "redis"):
        on = med(t, k) - med("direct", k)
        print(f"added {k}: controls off {off:+.3f} ms, {t} {on:+.3f} ms, {t}/off = {on/off if off else float('nan'):.2f}")
PY
