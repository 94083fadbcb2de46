#!/usr/bin/env python3
"""Validates the hand-typed labels in src.py and writes heldout.jsonl (ids sb_x_001...).

python3 make.py           validate, write heldout.jsonl, print counts and its sha256
python3 make.py --check   validate only
"""

import datetime
import difflib
import hashlib
import json
import os
import re
import sys
from collections import Counter

from src import ITEMS

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "heldout.jsonl")
PREFIX = "sb_x_"

# Kinds, their parameters in order, and defaults (crates/quantai-quant/src/strategy.rs).
KINDS = {
    "sma_cross": [("fast", 10), ("slow", 30)],
    "ema_cross": [("fast", 10), ("slow", 30)],
    "rsi_reversion": [("period", 14), ("lower", 30), ("upper", 70)],
    "bollinger_breakout": [("period", 20), ("k", 2)],
    "bollinger_reversion": [("period", 20), ("k", 2)],
    "macd_cross": [("fast", 12), ("slow", 26), ("signal", 9)],
    "buy_and_hold": [],
}
PERIODS = {"fast", "slow", "period", "signal"}
KEY_ORDER = ["kind", "params", "symbol", "direction", "commission", "from", "to", "initial_cash"]
DIRECTIONS = {"long_only", "long_short"}

# The alias table of eval/builder/README.md, plus TQQQ, IWM, SOXL, AMD, INTC, XOM.
SYMBOLS = {
    "005930", "000660", "035420", "035720", "005380", "000270", "051910", "006400", "207940", "068270",
    "105560", "247540", "086520", "069500", "122630", "005490", "373220", "066570", "055550", "017670",
    "035900", "352820", "323410", "259960", "012330", "000100",
    "NVDA", "TSLA", "AAPL", "MSFT", "GOOGL", "META", "AMZN", "NFLX", "KO", "JPM", "DIS", "COST", "PLTR",
    "QQQ", "SPY",
    "TQQQ", "IWM", "SOXL", "AMD", "INTC", "XOM",
}

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
N_TOTAL = 120
DECLINE_SHARE = (0.20, 0.25)
KO_SHARE = (0.45, 0.55)
NEAR_DUP = 0.90


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def iso(s):
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        raise ValueError(f"{s!r} is not YYYY-MM-DD")
    return datetime.date.fromisoformat(s)


def check_expected(e):
    """Returns a list of problems with one label (None = decline)."""
    if e is None:
        return []
    errs = []
    if not isinstance(e, dict):
        return ["expected is neither null nor an object"]
    keys = list(e)
    unknown = [k for k in keys if k not in KEY_ORDER]
    if unknown:
        errs.append(f"unknown keys {unknown}")
    if keys != [k for k in KEY_ORDER if k in e]:
        errs.append(f"key order {keys}")
    if "kind" not in e or "params" not in e:
        return errs + ["kind and params are required"]
    kind = e["kind"]
    if kind not in KINDS:
        return errs + [f"unknown kind {kind!r}"]
    spec = KINDS[kind]
    names = [n for n, _ in spec]
    params = e["params"]
    if not isinstance(params, dict):
        return errs + ["params is not an object"]
    for n, v in params.items():
        if n not in names:
            errs.append(f"{kind} takes no parameter {n!r}")
        elif not is_num(v):
            errs.append(f"params.{n} is not a number")
        elif n in PERIODS and not (isinstance(v, int) and 1 <= v <= 10000):
            errs.append(f"params.{n}={v} is not a whole number of bars in 1..10000")
    if list(params) != [n for n in names if n in params]:
        errs.append(f"params order {list(params)}, want {names}")
    if errs:
        return errs
    full = {n: params.get(n, d) for n, d in spec}
    if kind in ("sma_cross", "ema_cross", "macd_cross") and not full["fast"] < full["slow"]:
        errs.append(f"fast {full['fast']} must be below slow {full['slow']} (defaults filled in)")
    if kind == "rsi_reversion" and not (0 <= full["lower"] < full["upper"] <= 100):
        errs.append(f"need 0 <= lower {full['lower']} < upper {full['upper']} <= 100 (defaults filled in)")
    if kind.startswith("bollinger") and not full["k"] > 0:
        errs.append(f"k {full['k']} must be above 0")
    if "symbol" in e and e["symbol"] not in SYMBOLS:
        errs.append(f"symbol {e['symbol']!r} is not in the table")
    if "direction" in e and e["direction"] not in DIRECTIONS:
        errs.append(f"direction {e['direction']!r}")
    if "commission" in e:
        c = e["commission"]
        if not (is_num(c) and 0 <= c < 0.01):
            errs.append(f"commission {c!r} is not a fraction in [0, 0.01)")
    dates = {}
    for k in ("from", "to"):
        if k in e:
            try:
                dates[k] = iso(e[k])
            except ValueError as x:
                errs.append(f"{k}: {x}")
    if len(dates) == 2 and not dates["from"] < dates["to"]:
        errs.append(f"from {e['from']} is not before to {e['to']}")
    if "initial_cash" in e:
        v = e["initial_cash"]
        if not (is_num(v) and v > 0):
            errs.append(f"initial_cash {v!r} must be above 0")
    return errs


def norm(s):
    return re.sub(r"[\W_]+", " ", s.lower()).strip()


def main():
    check_only = "--check" in sys.argv[1:]
    problems = []
    rows = []
    for i, item in enumerate(ITEMS, 1):
        rid = f"{PREFIX}{i:03d}"
        if not (isinstance(item, tuple) and len(item) == 3):
            problems.append(f"{rid}: not a (lang, request, expected) tuple")
            continue
        lang, req, exp = item
        if lang not in ("ko", "en"):
            problems.append(f"{rid}: lang {lang!r}")
        if not isinstance(req, str) or not req.strip() or req != req.strip() or "  " in req:
            problems.append(f"{rid}: request is empty or badly spaced")
        has_hangul = bool(HANGUL.search(req))
        if lang == "ko" and not has_hangul:
            problems.append(f"{rid}: ko request without Hangul")
        if lang == "en" and has_hangul:
            problems.append(f"{rid}: en request with Hangul")
        for p in check_expected(exp):
            problems.append(f"{rid}: {p}")
        row = {"id": rid, "lang": lang, "request": req, "expected": exp}
        line = json.dumps(row, ensure_ascii=False)
        if json.loads(line) != row:
            problems.append(f"{rid}: does not round-trip through JSON")
        rows.append((row, line))

    # Duplicates and near-duplicates.
    seen = {}
    for row, _ in rows:
        n = norm(row["request"])
        if n in seen:
            problems.append(f"{row['id']}: duplicates {seen[n]}")
        seen[n] = row["id"]
    worst = (0.0, None, None)
    reqs = [(r["id"], norm(r["request"])) for r, _ in rows]
    for a in range(len(reqs)):
        for b in range(a + 1, len(reqs)):
            r = difflib.SequenceMatcher(None, reqs[a][1], reqs[b][1]).ratio()
            if r > worst[0]:
                worst = (r, reqs[a][0], reqs[b][0])
            if r >= NEAR_DUP:
                problems.append(f"{reqs[a][0]} and {reqs[b][0]} are near-duplicates ({r:.2f})")

    # Shape of the set.
    n = len(rows)
    declined = sum(1 for r, _ in rows if r["expected"] is None)
    ko = sum(1 for r, _ in rows if r["lang"] == "ko")
    if n != N_TOTAL:
        problems.append(f"{n} requests, want {N_TOTAL}")
    if n and not DECLINE_SHARE[0] <= declined / n <= DECLINE_SHARE[1]:
        problems.append(f"declined share {declined / n:.1%} outside {DECLINE_SHARE}")
    if n and not KO_SHARE[0] <= ko / n <= KO_SHARE[1]:
        problems.append(f"Korean share {ko / n:.1%} outside {KO_SHARE}")
    kinds_seen = {r["expected"]["kind"] for r, _ in rows if r["expected"]}
    if kinds_seen != set(KINDS):
        problems.append(f"kinds missing: {sorted(set(KINDS) - kinds_seen)}")

    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        sys.exit(1)

    # Counts.
    by_kind = Counter()
    for r, _ in rows:
        k = r["expected"]["kind"] if r["expected"] else "declined (null)"
        by_kind[(k, r["lang"])] += 1
    print(f"{'kind':22} {'total':>5} {'ko':>4} {'en':>4}")
    for k in list(KINDS) + ["declined (null)"]:
        a, b = by_kind[(k, "ko")], by_kind[(k, "en")]
        print(f"{k:22} {a + b:5d} {a:4d} {b:4d}")
    print(f"{'all':22} {n:5d} {ko:4d} {n - ko:4d}")
    print(f"declined {declined}/{n} = {declined / n:.1%}; Korean {ko}/{n} = {ko / n:.1%}")
    accepted = [r["expected"] for r, _ in rows if r["expected"]]
    fields = ["symbol", "direction", "commission", "from", "to", "initial_cash"]
    print("accepted requests stating each field: "
          + ", ".join(f"{f} {sum(1 for e in accepted if f in e)}" for f in fields))
    print(f"accepted without symbol: {sum(1 for e in accepted if 'symbol' not in e)}; "
          f"long_short {sum(1 for e in accepted if e.get('direction') == 'long_short')}, "
          f"long_only {sum(1 for e in accepted if e.get('direction') == 'long_only')}")
    print(f"most similar pair: {worst[1]} / {worst[2]} ratio {worst[0]:.2f}")

    text = "".join(line + "\n" for _, line in rows)
    if check_only:
        print("valid (--check: nothing written)")
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    print(f"wrote {OUT} ({n} lines)")
    print(f"sha256 {digest}")


if __name__ == "__main__":
    main()
