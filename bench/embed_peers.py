"""sentence-transformers (torch) throughput on the same sentences: median of RUNS runs, batch 32.
Run by bench/embed_peers.sh."""
import os, statistics, sys, time
os.environ["HF_HUB_OFFLINE"] = "1"
import torch
from sentence_transformers import SentenceTransformer
model_dir, path = sys.argv[1], sys.argv[2]
runs = int(os.environ.get("RUNS", "3"))
m = SentenceTransformer(model_dir, device="cpu")
s = [l.rstrip("\n") for l in open(path) if l.strip()]
m.encode(s[:64], batch_size=32)
rates = []
for i in range(runs):
    t = time.perf_counter(); m.encode(s, batch_size=32); dt = time.perf_counter() - t
    rates.append(len(s) / dt); print(f"run {i}: {dt:.2f} s {len(s)/dt:.1f} sentences/s")
print(f"RESULT torch median {statistics.median(rates):.1f} sentences/s over {len(s)} sentences (torch {torch.__version__}, {torch.get_num_threads()} threads)")
