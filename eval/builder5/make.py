#!/usr/bin/env python3
"""Validate src.py and write heldout.jsonl (ids sb_w_001...).

Usage: python3 make.py            validate and write heldout.jsonl
       python3 make.py --check    validate only
"""
import datetime
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from src import ITEMS  # noqa: E402

PREFIX = "sb_w_"
OUT = os.path.join(HERE, "heldout.jsonl")

# Kinds, parameters (in the kind's order) and defaults, from crates/quantai-quant/src/strategy.rs.
KINDS = {
    "sma_cross": [("fast", 10), ("slow", 30)],
    "ema_cross": [("fast", 10), ("slow", 30)],
    "rsi_reversion": [("period", 14), ("lower", 30), ("upper", 70)],
    "bollinger_breakout": [("period", 20), ("k", 2.0)],
    "bollinger_reversion": [("period", 20), ("k", 2.0)],
    "macd_cross": [("fast", 12), ("slow", 26), ("signal", 9)],
    "buy_and_hold": [],
}
PERIODS = {"fast", "slow", "period", "signal"}
KEY_ORDER = ["kind", "params", "symbol", "direction", "commission", "from", "to", "initial_cash"]
DIRECTIONS = {"long_only", "long_short"}

# The alias table of eval/builder/README.md, plus the extra tickers it allows.
SYMBOLS = {
    "005930", "000660", "035420", "035720", "005380", "000270", "051910", "006400", "207940",
    "068270", "105560", "247540", "086520", "069500", "122630", "005490", "373220", "066570",
    "055550", "017670", "035900", "352820", "323410", "259960", "012330", "000100",
    "NVDA", "TSLA", "AAPL", "MSFT", "GOOGL", "META", "AMZN", "NFLX", "KO", "JPM", "DIS", "COST",
    "PLTR", "QQQ", "SPY",
    "TQQQ", "IWM", "SOXL", "AMD", "INTC", "XOM",
}

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def iso(s, where):
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        raise ValueError(f"{where}: {s!r} is not an ISO date")
    return datetime.date.fromisoformat(s)


def norm(text):
    return re.sub(r"[\W_]+", "", text.lower())


def check_expected(exp, where):
    if exp is None:
        return
    if not isinstance(exp, dict):
        raise ValueError(f"{where}: expected must be a dict or None")
    keys = list(exp)
    unknown = [k for k in keys if k not in KEY_ORDER]
    if unknown:
        raise ValueError(f"{where}: unknown keys {unknown}")
    if keys != [k for k in KEY_ORDER if k in exp]:
        raise ValueError(f"{where}: keys out of order: {keys}")
    if "kind" not in exp or "params" not in exp:
        raise ValueError(f"{where}: kind and params are required")
    kind = exp["kind"]
    if kind not in KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r}")
    spec = KINDS[kind]
    names = [n for n, _ in spec]
    params = exp["params"]
    if not isinstance(params, dict):
        raise ValueError(f"{where}: params must be a dict")
    for n in params:
        if n not in names:
            raise ValueError(f"{where}: {kind} takes no parameter {n!r} (takes {names})")
    if list(params) != [n for n in names if n in params]:
        raise ValueError(f"{where}: params out of the kind's order: {list(params)}")
    full = {n: params.get(n, d) for n, d in spec}
    for n, v in full.items():
        if not is_num(v):
            raise ValueError(f"{where}: params.{n} must be a number")
        if n in PERIODS and (not isinstance(v, int) or not 1 <= v <= 10000):
            raise ValueError(f"{where}: params.{n}={v!r} is not a whole number of bars in 1..10000")
    if kind in ("sma_cross", "ema_cross", "macd_cross") and not full["fast"] < full["slow"]:
        raise ValueError(f"{where}: fast {full['fast']} must be below slow {full['slow']}")
    if kind == "rsi_reversion" and not (0 <= full["lower"] < full["upper"] <= 100):
        raise ValueError(f"{where}: need 0 <= lower < upper <= 100, got {full['lower']}, {full['upper']}")
    if kind.startswith("bollinger") and not full["k"] > 0:
        raise ValueError(f"{where}: k must be above 0")
    if "symbol" in exp and exp["symbol"] not in SYMBOLS:
        raise ValueError(f"{where}: symbol {exp['symbol']!r} is not in the table")
    if "direction" in exp and exp["direction"] not in DIRECTIONS:
        raise ValueError(f"{where}: direction {exp['direction']!r}")
    if "commission" in exp:
        c = exp["commission"]
        if not is_num(c) or not 0 <= c < 0.01:
            raise ValueError(f"{where}: commission {c!r} must be a fraction in [0, 0.01)")
    d_from = iso(exp["from"], where) if "from" in exp else None
    d_to = iso(exp["to"], where) if "to" in exp else None
    if d_from and d_to and not d_from < d_to:
        raise ValueError(f"{where}: from {d_from} must be before to {d_to}")
    if "initial_cash" in exp:
        v = exp["initial_cash"]
        if not is_num(v) or not v > 0:
            raise ValueError(f"{where}: initial_cash {v!r} must be above 0")


def build():
    lines, seen = [], {}
    for i, item in enumerate(ITEMS, 1):
        where = f"{PREFIX}{i:03d}"
        if not (isinstance(item, tuple) and len(item) == 3):
            raise ValueError(f"{where}: entry must be (lang, request, expected)")
        lang, req, exp = item
        if lang not in ("ko", "en"):
            raise ValueError(f"{where}: lang {lang!r}")
        if not isinstance(req, str) or not req.strip() or req != req.strip():
            raise ValueError(f"{where}: request must be a non-empty trimmed string")
        has_hangul = bool(HANGUL.search(req))
        if lang == "ko" and not has_hangul:
            raise ValueError(f"{where}: ko request without Hangul")
        if lang == "en" and has_hangul:
            raise ValueError(f"{where}: en request with Hangul")
        key = norm(req)
        if key in seen:
            raise ValueError(f"{where}: duplicate of {seen[key]}")
        seen[key] = where
        check_expected(exp, where)
        line = {"id": where, "lang": lang, "request": req, "expected": exp}
        text = json.dumps(line, ensure_ascii=False)
        if json.loads(text) != line:
            raise ValueError(f"{where}: JSON does not round-trip")
        lines.append(line)
    n = len(lines)
    if n != 100:
        raise ValueError(f"need 100 requests, have {n}")
    declined = sum(1 for l in lines if l["expected"] is None)
    ko = sum(1 for l in lines if l["lang"] == "ko")
    if not 0.20 <= declined / n <= 0.25:
        raise ValueError(f"declined share {declined}/{n} is outside 20-25 %")
    if not 0.45 <= ko / n <= 0.55:
        raise ValueError(f"Korean share {ko}/{n} is outside 45-55 %")
    return lines


def report(lines):
    n = len(lines)
    by_kind = Counter()
    for l in lines:
        k = l["expected"]["kind"] if l["expected"] else "declined (null)"
        by_kind[(k, l["lang"])] += 1
    print(f"{'kind':<22} {'all':>4} {'ko':>4} {'en':>4}")
    for k in list(KINDS) + ["declined (null)"]:
        ko, en = by_kind[(k, "ko")], by_kind[(k, "en")]
        print(f"{k:<22} {ko + en:>4} {ko:>4} {en:>4}")
    ko = sum(1 for l in lines if l["lang"] == "ko")
    declined = sum(1 for l in lines if l["expected"] is None)
    print(f"{'all':<22} {n:>4} {ko:>4} {n - ko:>4}")
    print(f"declined {declined}/{n} = {100 * declined / n:.0f} %, Korean {ko}/{n} = {100 * ko / n:.0f} %")
    accepted = [l["expected"] for l in lines if l["expected"]]
    fields = Counter(k for e in accepted for k in e if k not in ("kind", "params"))
    print("accepted requests stating each field:",
          ", ".join(f"{k} {fields[k]}" for k in KEY_ORDER[2:]))
    print("accepted with params {}:", sum(1 for e in accepted if not e["params"]),
          "| without symbol:", sum(1 for e in accepted if "symbol" not in e))


def main():
    lines = build()
    report(lines)
    if "--check" in sys.argv[1:]:
        print("valid (not written)")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        for l in lines:
            f.write(json.dumps(l, ensure_ascii=False) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
