"""Python peers for the quantai backtest benchmarks: backtesting.py and vectorbt.

Run by bench/backtest_peers.sh inside target/bench-venv; see that script's header. Two modes:

  backtest_peers.py case NAME --csv GOOG.csv
      runs one case in this process and prints one JSON object (timings in seconds, peak RSS);
  backtest_peers.py report --csv GOOG.csv --out DIR [--criterion FILE] [--rust-time FILE]
      runs every case in a fresh subprocess of its own (so peak memory does not mix and the
      vectorbt cold run really compiles: each gets an empty NUMBA_CACHE_DIR), reads the Rust
      figures, prints a Markdown table and writes DIR/results.json.

The cases are the ones crates/quantai-quant/benches/engine.rs measures: long-only sma_cross
(buy when the fast SMA crosses above the slow one on a close, exit when the slow crosses above
the fast, fill at the next bar's open, whole shares, cash 10,000, no commission) on GOOG, once
and over two parameter grids.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

CASH = 10_000.0
FAST, SLOW = 10, 30
GRID_100 = [(f, s) for f in range(5, 15) for s in range(20, 30)]
GRID_3980 = [(f, s) for f in range(5, 25) for s in range(30, 229)]
assert len(GRID_100) == 100 and len(GRID_3980) == 3_980
ONE_RUNS = 5  # timed runs for one backtest
SWEEP_RUNS = 3  # timed warm runs for a sweep

# Case name -> (label in the table, peer, criterion benchmark name).
CASES = {
    "bt_one": ("one backtest sma_cross 10/30", "backtesting.py", "backtest sma_cross 10/30 GOOG"),
    "vbt_one": ("one backtest sma_cross 10/30", "vectorbt", "backtest sma_cross 10/30 GOOG"),
    "bt_sweep100": ("sweep 100 combinations", "backtesting.py", "sweep/sma_cross 100 combinations"),
    "vbt_sweep100": ("sweep 100 combinations", "vectorbt", "sweep/sma_cross 100 combinations"),
    "vbt_sweep3980": ("sweep 3,980 combinations", "vectorbt", "sweep/sma_cross 3980 combinations"),
}
ROWS = [
    ("one", "one backtest sma_cross 10/30 (GOOG, 2,148 bars)", "backtest sma_cross 10/30 GOOG"),
    ("100", "sweep 100 combinations", "sweep/sma_cross 100 combinations"),
    ("3980", "sweep 3,980 combinations", "sweep/sma_cross 3980 combinations"),
]


# ---------------------------------------------------------------------------- one case


def load(csv: str):
    import pandas as pd

    df = pd.read_csv(csv, parse_dates=["date"], index_col="date")
    df = df.rename(columns={c: c.capitalize() for c in ["open", "high", "low", "close", "volume"]})
    return df[["Open", "High", "Low", "Close", "Volume"]].astype(float)


def peak_rss_kib() -> dict:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"self_kib": me, "children_kib": kids, "peak_kib": max(me, kids)}


def timed(fn, runs: int):
    """Runs fn once (the cold run, kept out of the median), then `runs` more (the warm runs);
    returns (cold seconds, [warm seconds], last result)."""
    t = time.perf_counter()
    out = fn()
    cold = time.perf_counter() - t
    warm = []
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        warm.append(time.perf_counter() - t)
    return cold, warm, out


def sma(values, n: int):
    """pandas' rolling mean, as quantai's SMA."""
    import pandas as pd

    return pd.Series(values).rolling(n).mean()


def backtesting_strategy():
    """The backtesting.py strategy, defined on first use so that the vectorbt cases never import
    backtesting.py. It is bound to the module global `SmaCross` (with that __qualname__) because
    Backtest.optimize's process pool pickles it by name."""
    global SmaCross
    from backtesting import Strategy
    from backtesting.lib import crossover

    class SmaCross(Strategy):
        __qualname__ = "SmaCross"
        fast = FAST
        slow = SLOW

        def init(self):
            self.ma_fast = self.I(sma, self.data.Close, self.fast)
            self.ma_slow = self.I(sma, self.data.Close, self.slow)

        def next(self):
            if not self.position and crossover(self.ma_fast, self.ma_slow):
                self.buy()
            elif self.position and crossover(self.ma_slow, self.ma_fast):
                self.position.close()

    return SmaCross


def make_backtest(df):
    from backtesting import Backtest

    return Backtest(df, backtesting_strategy(), cash=CASH, commission=0, exclusive_orders=False,
                    finalize_trades=False)


def case_bt_one(df) -> dict:
    bt = make_backtest(df)
    cold, warm, stats = timed(lambda: bt.run(), ONE_RUNS)
    return {"cold_s": cold, "warm_s": warm, "total_return": stats["Return [%]"] / 100.0,
            "trades": int(stats["# Trades"]), "final_equity": float(stats["Equity Final [$]"])}


def case_bt_sweep(df, grid) -> dict:
    bt = make_backtest(df)
    fasts = sorted({f for f, _ in grid})
    slows = sorted({s for _, s in grid})
    pairs = set(grid)

    def sweep():
        # The library's own grid search: every admissible pair in a multiprocessing pool (all
        # cores), then one more run of the best pair, as Backtest.optimize does.
        return bt.optimize(fast=fasts, slow=slows, constraint=lambda p: (p.fast, p.slow) in pairs,
                           maximize="Sharpe Ratio", return_heatmap=True)

    cold, warm, (stats, heat) = timed(sweep, SWEEP_RUNS)
    assert len(heat) == len(grid), len(heat)
    return {"cold_s": cold, "warm_s": warm, "combinations": len(heat), "processes": os.cpu_count(),
            "best": {"params": [int(x) for x in heat.idxmax()], "sharpe": float(heat.max())}}


def vbt_setup():
    import vectorbt as vbt

    vbt.settings["engine"] = os.environ.get("VBT_ENGINE", "numba")
    vbt.settings.returns["year_freq"] = "252 days"  # Sharpe annualised by √252, as quantai's
    return vbt


def vbt_run(vbt, df, fast: list[int], slow: list[int]):
    """SMA pairs (fast[i], slow[i]) as columns, all in one vectorised pass: signals on the close,
    shifted one bar and filled at that bar's open, whole shares with all the cash."""
    close, open_ = df["Close"], df["Open"]
    ma_fast = vbt.MA.run(close, window=fast, short_name="fast")
    ma_slow = vbt.MA.run(close, window=slow, short_name="slow")
    entries = ma_fast.ma_crossed_above(ma_slow).shift(1, fill_value=False)
    exits = ma_fast.ma_crossed_below(ma_slow).shift(1, fill_value=False)
    pf = vbt.Portfolio.from_signals(close, entries, exits, price=open_, init_cash=CASH, fees=0.0,
                                    size=float("inf"), size_granularity=1, direction="longonly",
                                    freq="1D")
    return pf.total_return(), pf.sharpe_ratio()


def case_vbt(df, grid, runs: int) -> dict:
    import numpy as np

    t = time.perf_counter()
    vbt = vbt_setup()
    import_s = time.perf_counter() - t
    fast = [f for f, _ in grid]
    slow = [s for _, s in grid]
    cold, warm, (ret, sharpe) = timed(lambda: vbt_run(vbt, df, fast, slow), runs)
    ret, sharpe = np.ravel(ret), np.ravel(sharpe)  # one column comes back as a scalar
    out = {"cold_s": cold, "warm_s": warm, "import_s": import_s, "combinations": len(grid),
           "engine": vbt.settings["engine"]}
    if len(grid) == 1:
        out["total_return"] = float(ret[0])
        out["sharpe"] = float(sharpe[0])
    else:
        best = int(np.nanargmax(sharpe))
        out["best"] = {"params": list(grid[best]), "sharpe": float(sharpe[best]),
                       "total_return": float(ret[best])}
    return out


def run_case(name: str, csv: str) -> dict:
    warnings.filterwarnings("ignore")
    os.environ.setdefault("TQDM_DISABLE", "1")
    rss_start = peak_rss_kib()["self_kib"]
    df = load(csv)
    if name == "bt_one":
        out = case_bt_one(df)
    elif name == "bt_sweep100":
        out = case_bt_sweep(df, GRID_100)
    elif name == "vbt_one":
        out = case_vbt(df, [(FAST, SLOW)], ONE_RUNS)
    elif name == "vbt_sweep100":
        out = case_vbt(df, GRID_100, SWEEP_RUNS)
    elif name == "vbt_sweep3980":
        out = case_vbt(df, GRID_3980, SWEEP_RUNS)
    else:
        raise SystemExit(f"unknown case {name!r}; known: {', '.join(CASES)}")
    out["case"] = name
    out["warm_median_s"] = statistics.median(out["warm_s"])
    out["rss_kib_at_start"] = rss_start
    out["memory"] = peak_rss_kib()
    return out


# ---------------------------------------------------------------------------- report

UNITS = {"ps": 1e-12, "ns": 1e-9, "µs": 1e-6, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
TIME_RE = re.compile(r"time:\s*\[\s*\S+\s+\S+\s+(\S+)\s+(\S+)\s+\S+\s+\S+\s*\]")


def parse_criterion(path: str | None) -> dict[str, float]:
    """Criterion's `name  time: [lo mid hi]` lines (the name is on the line before when long)
    -> {name: middle estimate in seconds}."""
    if not path or not Path(path).is_file():
        return {}
    out, last = {}, None
    for line in Path(path).read_text(errors="replace").splitlines():
        m = TIME_RE.search(line)
        if m:
            name = line[: line.index("time:")].strip() or last
            if name:
                out[name] = float(m.group(1)) * UNITS[m.group(2)]
            continue
        if line.strip() and not line[0].isspace() and not line.startswith(("Benchmarking", "Found ", "Warning")):
            last = line.strip()
    return out


def parse_time_v(path: str | None) -> dict | None:
    """`/usr/bin/time -v` output -> peak RSS and wall time, or None when the command failed."""
    if not path or not Path(path).is_file():
        return None
    text = Path(path).read_text(errors="replace")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    status = re.search(r"Exit status: (\d+)", text)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    if not rss or not status or status.group(1) != "0":
        return None
    secs = 0.0
    if wall:
        for part in wall.group(1).split(":"):
            secs = secs * 60 + float(part)
    return {"peak_kib": int(rss.group(1)), "wall_s": secs}


def fmt_t(s: float | None) -> str:
    if s is None:
        return "n/a"
    if s < 1e-3:
        return f"{s * 1e6:.1f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms" if s < 0.1 else f"{s * 1e3:.0f} ms"
    return f"{s:.2f} s"


def fmt_mib(kib: int | None) -> str:
    return "n/a" if kib is None else f"{kib / 1024:.0f} MiB"


def fmt_ratio(x: float | None, base: float | None) -> str | None:
    if x is None or not base:
        return None
    r = x / base
    return f"{r:,.0f}×" if r >= 100 else f"{r:.1f}×"


def versions(py: str) -> dict:
    code = ("import importlib.metadata as m, json; print(json.dumps({p: m.version(p) for p in "
            "['backtesting', 'vectorbt', 'numba', 'pandas', 'numpy']}))")
    try:
        v = json.loads(subprocess.run([py, "-c", code], check=True, capture_output=True, text=True).stdout)
    except (subprocess.CalledProcessError, json.JSONDecodeError):
        v = {}
    v["python"] = platform.python_version()
    return v


def report(args) -> None:
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    peers: dict[str, dict] = {}
    for name in args.cases.split(","):
        print(f"  {name} …", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="numba-cache-") as cache:
            env = dict(os.environ, NUMBA_CACHE_DIR=cache, TQDM_DISABLE="1", PYTHONWARNINGS="ignore")
            p = subprocess.run([sys.executable, __file__, "case", name, "--csv", args.csv],
                               capture_output=True, text=True, env=env)
        (out_dir / f"{name}.stderr.txt").write_text(p.stderr)
        if p.returncode != 0:
            print(f"  {name} failed (exit {p.returncode}); see {out_dir / (name + '.stderr.txt')}",
                  file=sys.stderr)
            continue
        peers[name] = json.loads(p.stdout.strip().splitlines()[-1])

    crit = parse_criterion(args.criterion)
    rust_mem = parse_time_v(args.rust_time)
    rust = {key: crit.get(bench) for key, _, bench in ROWS}

    def med(name):
        return peers[name]["warm_median_s"] if name in peers else None

    def cold(name):
        return peers[name]["cold_s"] if name in peers else None

    def mem(name):
        return peers[name]["memory"]["peak_kib"] if name in peers else None

    cells = {
        "one": ("bt_one", "vbt_one"),
        "100": ("bt_sweep100", "vbt_sweep100"),
        "3980": (None, "vbt_sweep3980"),
    }
    lines = [
        "| case | quantai | backtesting.py | vectorbt (warm) | vectorbt (cold) | ratios (peer ÷ quantai) | peak memory (RSS) |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    table = {}
    for key, label, _ in ROWS:
        bt, vb = cells[key]
        q = rust[key]
        n = {"one": 1, "100": 100, "3980": 3980}[key]
        bt_t = med(bt) if bt else None
        bt_cell = "—" if not bt else fmt_t(bt_t)
        if bt and bt_t is not None and n > 1:
            bt_cell += f" ({fmt_t(bt_t / n)}/comb.)"
        ratios = [f"{who} {r}" for who, r in (("bt.py", fmt_ratio(bt_t, q)), ("vbt warm", fmt_ratio(med(vb), q)),
                                               ("vbt cold", fmt_ratio(cold(vb), q))) if r]
        q_mem = rust_mem["peak_kib"] if (key == "3980" and rust_mem) else None
        mems = [f"quantai {fmt_mib(q_mem)}" if key == "3980" else "quantai —"]
        if bt:
            mems.append(f"bt.py {fmt_mib(mem(bt))}")
        mems.append(f"vbt {fmt_mib(mem(vb))}")
        lines.append(f"| {label} | {fmt_t(q)} | {bt_cell} | {fmt_t(med(vb))} | {fmt_t(cold(vb))} | "
                     f"{' · '.join(ratios) or 'n/a'} | {' · '.join(mems)} |")
        table[key] = {"quantai_s": q, "backtesting_py_s": bt_t, "vectorbt_warm_s": med(vb),
                      "vectorbt_cold_s": cold(vb), "quantai_peak_kib": q_mem,
                      "backtesting_py_peak_kib": mem(bt) if bt else None, "vectorbt_peak_kib": mem(vb)}

    print("\n".join(lines))
    print()
    if "bt_one" in peers and "vbt_one" in peers:
        b, v = peers["bt_one"], peers["vbt_one"]
        print(f"Total return of sma_cross 10/30 on GOOG: backtesting.py {b['total_return']:.4%} "
              f"({b['trades']} trades), vectorbt {v['total_return']:.4%}.")
    print("Times: quantai = criterion's middle estimate; peers = median of "
          f"{ONE_RUNS} (one backtest) or {SWEEP_RUNS} (sweeps) runs in one process after a first "
          "run, which is the cold figure (vectorbt: numba JIT from an empty cache, import excluded). "
          "quantai's sweeps and backtesting.py's optimize use every core "
          f"({os.cpu_count()}); vectorbt runs on one. Peak memory: ru_maxrss of a fresh process per "
          "case (interpreter and imports included; backtesting.py's is the largest of itself and "
          "its pool workers); quantai's is `/usr/bin/time -v quantai backtest optimize` over the "
          "3,980 grid.")

    results = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "versions": versions(sys.executable),
        "csv": args.csv,
        "quantai": {"criterion_s": crit, "optimize_3980_time_v": rust_mem},
        "peers": peers,
        "table": table,
        "markdown": "\n".join(lines),
    }
    (out_dir / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"\nRaw numbers: {out_dir / 'results.json'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    c = sub.add_parser("case", help="run one case here and print JSON")
    c.add_argument("name", choices=list(CASES))
    c.add_argument("--csv", required=True)
    r = sub.add_parser("report", help="run every case in its own process; print the table")
    r.add_argument("--csv", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--criterion", help="cargo bench output to read quantai's times from")
    r.add_argument("--rust-time", help="/usr/bin/time -v output of quantai backtest optimize")
    r.add_argument("--cases", default=",".join(CASES))
    args = ap.parse_args()
    if args.mode == "case":
        print(json.dumps(run_case(args.name, args.csv)))
    else:
        report(args)


if __name__ == "__main__":
    main()
