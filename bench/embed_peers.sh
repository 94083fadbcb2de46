#!/usr/bin/env bash
# Embedding throughput: quantai's MiniLM (crates/quantai-bert) and sentence-transformers (torch) on the same
# 1,000 backtest-summary sentences (bench/embed_sentences.txt, 30-60 words), same machine, same run,
# alternating ROUNDS times; each prints the median of RUNS passes.
#
#   bench/embed_peers.sh     # needs the model (quantai models pull, or MODEL_DIR) and pip access
#   SENTENCES=bench/embed_short.txt bench/embed_peers.sh   # 8-word sentences
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
MODEL_DIR=${MODEL_DIR:-$ROOT/target/models/all-MiniLM-L6-v2}
ROUNDS=${ROUNDS:-3}
SENTENCES=${SENTENCES:-bench/embed_sentences.txt}
VENV=${ST_VENV:-$ROOT/target/st-venv}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'sentence-transformers==6.2.0'
fi
cargo build --release -p quantai-rag --example embed_throughput
for r in $(seq 1 "$ROUNDS"); do
  target/release/examples/embed_throughput "$MODEL_DIR" "$SENTENCES" | grep RESULT | sed "s/^/round $r /"
  "$VENV/bin/python" bench/embed_peers.py "$MODEL_DIR" "$SENTENCES" | grep RESULT | sed "s/^/round $r /"
done
