#!/usr/bin/env python3
"""Validates src.py and writes heldout.jsonl (ids sb_z_001...).

Usage: python3 make.py          validate, write heldout.jsonl, print counts
       python3 make.py --check  validate and print counts only
"""
import datetime
import difflib
import hashlib
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from src import ITEMS  # noqa: E402

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
SYMBOLS = {
    # KRX codes from eval/builder/README.md's alias table
    "005930", "000660", "035420", "035720", "005380", "000270", "051910", "006400", "207940", "068270",
    "105560", "247540", "086520", "069500", "122630", "005490", "373220", "066570", "055550", "017670",
    "035900", "352820", "323410", "259960", "012330", "000100",
    # US tickers from the table
    "NVDA", "TSLA", "AAPL", "MSFT", "GOOGL", "META", "AMZN", "NFLX", "KO", "JPM", "DIS", "COST", "PLTR",
    "QQQ", "SPY",
    # extra tickers the README allows
    "TQQQ", "IWM", "SOXL", "AMD", "INTC", "XOM",
}
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
N_EXPECTED = 100
ID_PREFIX = "sb_z_"


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def iso_date(s):
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        raise ValueError(f"not an ISO date: {s!r}")
    return datetime.date.fromisoformat(s)


def check_item(i, lang, request, expected):
    where = f"item {i + 1} ({request[:40]!r})"
    errs = []
    if lang not in ("ko", "en"):
        errs.append(f"{where}: lang {lang!r}")
    if not isinstance(request, str) or not request.strip() or request != request.strip():
        errs.append(f"{where}: request must be a non-empty trimmed string")
    has_hangul = bool(HANGUL.search(request))
    if lang == "ko" and not has_hangul:
        errs.append(f"{where}: ko line without Hangul")
    if lang == "en" and has_hangul:
        errs.append(f"{where}: en line with Hangul")
    if expected is None:
        return errs
    if not isinstance(expected, dict):
        return errs + [f"{where}: expected must be a dict or None"]
    keys = list(expected)
    unknown = [k for k in keys if k not in KEY_ORDER]
    if unknown:
        return errs + [f"{where}: unknown keys {unknown}"]
    if keys != [k for k in KEY_ORDER if k in expected]:
        errs.append(f"{where}: keys out of order {keys}")
    if "kind" not in expected or "params" not in expected:
        return errs + [f"{where}: kind and params are required"]
    kind = expected["kind"]
    if kind not in KINDS:
        return errs + [f"{where}: unknown kind {kind!r}"]
    params = expected["params"]
    if not isinstance(params, dict):
        return errs + [f"{where}: params must be a dict"]
    order = [n for n, _ in KINDS[kind]]
    bad = [n for n in params if n not in order]
    if bad:
        return errs + [f"{where}: {kind} takes no {bad}"]
    if list(params) != [n for n in order if n in params]:
        errs.append(f"{where}: params out of order {list(params)}")
    for n, v in params.items():
        if not is_num(v):
            errs.append(f"{where}: param {n} not a number")
            continue
        if n in PERIODS and (not isinstance(v, int) or not 1 <= v <= 10000):
            errs.append(f"{where}: period {n}={v!r} must be a whole number in 1..10000")
    full = {n: params.get(n, d) for n, d in KINDS[kind]}
    if kind in ("sma_cross", "ema_cross", "macd_cross") and not full["fast"] < full["slow"]:
        errs.append(f"{where}: fast {full['fast']} must be below slow {full['slow']}")
    if kind == "rsi_reversion" and not 0 <= full["lower"] < full["upper"] <= 100:
        errs.append(f"{where}: need 0 <= lower {full['lower']} < upper {full['upper']} <= 100")
    if kind.startswith("bollinger") and not full["k"] > 0:
        errs.append(f"{where}: k must be > 0")
    if "symbol" in expected and expected["symbol"] not in SYMBOLS:
        errs.append(f"{where}: symbol {expected['symbol']!r} not in the table")
    if "direction" in expected and expected["direction"] not in DIRECTIONS:
        errs.append(f"{where}: direction {expected['direction']!r}")
    if "commission" in expected:
        c = expected["commission"]
        if not is_num(c) or not 0 <= c < 0.01:
            errs.append(f"{where}: commission {c!r} must be a fraction in [0, 0.01)")
    dates = {}
    for k in ("from", "to"):
        if k in expected:
            try:
                dates[k] = iso_date(expected[k])
            except ValueError as e:
                errs.append(f"{where}: {k}: {e}")
    if len(dates) == 2 and not dates["from"] < dates["to"]:
        errs.append(f"{where}: from {dates['from']} must be before to {dates['to']}")
    if "initial_cash" in expected:
        v = expected["initial_cash"]
        if not is_num(v) or not v > 0:
            errs.append(f"{where}: initial_cash {v!r} must be > 0")
    return errs


def norm(s):
    return re.sub(r"[\W_]+", " ", s.lower()).strip()


def main():
    check_only = "--check" in sys.argv[1:]
    errs = []
    for i, item in enumerate(ITEMS):
        if not (isinstance(item, tuple) and len(item) == 3):
            errs.append(f"item {i + 1}: not a (lang, request, expected) tuple")
            continue
        errs += check_item(i, *item)
    if len(ITEMS) != N_EXPECTED:
        errs.append(f"{len(ITEMS)} items, expected {N_EXPECTED}")

    seen = {}
    for i, (_, req, _) in enumerate(ITEMS):
        n = norm(req)
        if n in seen:
            errs.append(f"item {i + 1} duplicates item {seen[n] + 1}: {req!r}")
        seen[n] = i
    norms = [norm(r) for _, r, _ in ITEMS]
    worst = (0.0, None, None)
    for a in range(len(norms)):
        for b in range(a + 1, len(norms)):
            r = difflib.SequenceMatcher(None, norms[a], norms[b]).ratio()
            if r > worst[0]:
                worst = (r, a, b)
    if worst[0] >= 0.90:
        errs.append(f"items {worst[1] + 1} and {worst[2] + 1} are near-duplicates (ratio {worst[0]:.2f})")

    n = len(ITEMS)
    declined = sum(1 for _, _, e in ITEMS if e is None)
    ko = sum(1 for l, _, _ in ITEMS if l == "ko")
    if n and not 0.20 <= declined / n <= 0.25:
        errs.append(f"declined share {declined}/{n} = {declined / n:.1%} outside 20-25 %")
    if n and not 0.45 <= ko / n <= 0.55:
        errs.append(f"Korean share {ko}/{n} = {ko / n:.1%} outside 45-55 %")

    lines = []
    for i, (lang, req, exp) in enumerate(ITEMS):
        obj = {"id": f"{ID_PREFIX}{i + 1:03d}", "lang": lang, "request": req, "expected": exp}
        line = json.dumps(obj, ensure_ascii=False)
        if json.loads(line) != obj:
            errs.append(f"item {i + 1}: JSON does not round-trip")
        lines.append(line)
    ids = [json.loads(l)["id"] for l in lines]
    if len(set(ids)) != len(ids):
        errs.append("ids are not unique")

    if errs:
        print("INVALID:", file=sys.stderr)
        for e in errs:
            print("  " + e, file=sys.stderr)
        sys.exit(1)

    # counts
    by_kind = Counter()
    for lang, _, e in ITEMS:
        by_kind[(e["kind"] if e else "declined (null)", lang)] += 1
    print(f"{n} requests: ko {ko} ({ko / n:.0%}), en {n - ko}; declined {declined} ({declined / n:.0%})")
    print(f"{'kind':22} {'ko':>4} {'en':>4} {'all':>4}")
    for k in list(KINDS) + ["declined (null)"]:
        a, b = by_kind[(k, "ko")], by_kind[(k, "en")]
        print(f"{k:22} {a:4d} {b:4d} {a + b:4d}")
    print("accepted requests stating each field (ko / en / all):")
    for f in KEY_ORDER[2:]:
        a = sum(1 for l, _, e in ITEMS if e and f in e and l == "ko")
        b = sum(1 for l, _, e in ITEMS if e and f in e and l == "en")
        print(f"  {f:13} {a:3d} {b:3d} {a + b:3d}")
    empty = sum(1 for _, _, e in ITEMS if e and not e["params"])
    print(f"accepted with params {{}}: {empty}")
    print(f"most similar pair: items {worst[1] + 1} and {worst[2] + 1}, ratio {worst[0]:.2f}")

    if check_only:
        print("valid (--check: nothing written)")
        return
    data = "".join(l + "\n" for l in lines).encode("utf-8")
    path = os.path.join(HERE, "heldout.jsonl")
    with open(path, "wb") as f:
        f.write(data)
    print(f"wrote {path}: {len(lines)} lines, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
