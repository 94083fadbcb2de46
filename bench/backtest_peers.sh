#!/usr/bin/env bash
# quantai's backtest engine against its Python peers, backtesting.py and vectorbt, on the same
# machine and in the same run: one sma_cross 10/30 backtest on GOOG (2,148 bars), a 100-pair SMA
# sweep (fast 5..=14 × slow 20..=29) and a 3,980-pair sweep (fast 5..=24 × slow 30..=228).
#
#   cargo build --release -p quantai && bench/backtest_peers.sh
#
# Steps, in this order:
#   1. quantai: `cargo bench -p quantai-quant --bench engine` (criterion's middle estimate), then
#      the peak memory of `quantai backtest optimize` over the 3,980 grid under /usr/bin/time -v
#      ("n/a" when that command fails);
#   2. the peers, by bench/backtest_peers.py in target/bench-venv (created with backtesting==0.6.*
#      and vectorbt from PyPI when missing; a minute or two): each case in a fresh process of its
#      own, vectorbt warm (median of runs after the first) and cold (first run, numba JIT from an
#      empty cache);
#   3. a Markdown table on stdout (times, peer ÷ quantai ratios, peak memory) and the raw numbers
#      in bench/out/peers-<timestamp>/results.json, beside the criterion and time -v logs.
#
# Environment: SKIP_RUST=1 runs the peers only (quantai's columns read n/a); OUT_DIR=… to choose
# the output folder; VENV=… for another venv; CASES=bt_one,vbt_one,… for a subset of the peer
# cases (bt_one vbt_one bt_sweep100 vbt_sweep100 vbt_sweep3980). Takes ~5–10 minutes on 2 cores,
# most of it backtesting.py's sweep and numba compiling; run it on an otherwise idle machine.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VENV=${VENV:-target/bench-venv}
CSV=crates/quantai-quant/data/ohlcv/GOOG.csv
BIN=target/release/quantai
OUT=${OUT_DIR:-bench/out/peers-$(date +%Y%m%d-%H%M%S)}
SKIP_RUST=${SKIP_RUST:-0}
CASES=${CASES:-bt_one,vbt_one,bt_sweep100,vbt_sweep100,vbt_sweep3980}
mkdir -p "$OUT"
TMP=$(mktemp -d /tmp/quantai-peers.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

if [[ ! -x /usr/bin/time ]]; then
  echo "backtest_peers.sh: installing GNU time (apt package 'time')" >&2
  apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

if [[ ! -x $VENV/bin/python ]]; then
  echo "backtest_peers.sh: creating $VENV (backtesting==0.6.*, vectorbt)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
fi
if ! "$VENV/bin/python" -c 'import backtesting, vectorbt' 2>/dev/null; then
  "$VENV/bin/pip" install --quiet 'backtesting==0.6.*' vectorbt
fi

CRITERION=""
RUST_TIME=""
if [[ $SKIP_RUST == 1 ]]; then
  echo "backtest_peers.sh: SKIP_RUST=1, quantai's figures are left out" >&2
else
  echo "backtest_peers.sh: quantai (cargo bench)…" >&2
  CRITERION=$OUT/criterion.txt
  cargo bench -p quantai-quant --bench engine -- --warm-up-time 1 --measurement-time 3 2>&1 | tee "$CRITERION" >&2

  RUST_TIME=$OUT/optimize-time.txt
  if [[ ! -x $BIN ]]; then
    echo "backtest_peers.sh: no $BIN (cargo build --release -p quantai); its peak memory is n/a" >&2
  else
    if [[ -n $(find crates -name '*.rs' -newer "$BIN" -print -quit) ]]; then
      echo "backtest_peers.sh: warning: $BIN is older than the sources; rebuild it first" >&2
    fi
    echo "backtest_peers.sh: quantai backtest optimize over 3,980 pairs (/usr/bin/time -v)…" >&2
    if ! QUANTAI__DATABASE__URL="sqlite://$TMP/b.db" QUANTAI__REQUEST_LOG__ENABLED=false \
      /usr/bin/time -v -o "$RUST_TIME" "$BIN" backtest optimize --symbol GOOG --strategy sma_cross \
      --space fast=5:24 --space slow=30:228 --method grid >"$OUT/optimize.txt" 2>&1; then
      echo "backtest_peers.sh: quantai backtest optimize failed (see $OUT/optimize.txt); peak memory n/a" >&2
    fi
  fi
fi

echo "backtest_peers.sh: Python peers…" >&2
"$VENV/bin/python" bench/backtest_peers.py report --csv "$CSV" --out "$OUT" --cases "$CASES" \
  ${CRITERION:+--criterion "$CRITERION"} ${RUST_TIME:+--rust-time "$RUST_TIME"} | tee "$OUT/table.md"
