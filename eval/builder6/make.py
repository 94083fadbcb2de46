#!/usr/bin/env python3
"""Validate src.py and write heldout.jsonl (ids sb_v_001...), shuffled with a fixed seed.

    python3 make.py           validate, write heldout.jsonl, print counts and sha256
    python3 make.py --check   validate only
"""
import collections
import datetime
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from src import ITEMS  # noqa: E402

SEED = 20240606
OUT = os.path.join(HERE, "heldout.jsonl")
ID_FMT = "sb_v_{:03d}"

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
# Symbols of the alias table in eval/builder/README.md, plus the extra tickers it allows.
SYMBOLS = {
    "005930", "000660", "035420", "035720", "005380", "000270", "051910", "006400", "207940", "068270",
    "105560", "247540", "086520", "069500", "122630", "005490", "373220", "066570", "055550", "017670",
    "035900", "352820", "323410", "259960", "012330", "000100",
    "NVDA", "TSLA", "AAPL", "MSFT", "GOOGL", "META", "AMZN", "NFLX", "KO", "JPM", "DIS", "COST", "PLTR",
    "QQQ", "SPY",
    "TQQQ", "IWM", "SOXL", "AMD", "INTC", "XOM",
}
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def check_expected(e):
    """Returns a list of problems with one label."""
    errs = []
    if e is None:
        return errs
    if not isinstance(e, dict):
        return ["expected is neither null nor an object"]
    keys = list(e)
    unknown = [k for k in keys if k not in KEY_ORDER]
    if unknown:
        return [f"unknown keys {unknown}"]
    if keys != [k for k in KEY_ORDER if k in e]:
        errs.append(f"key order {keys}")
    if "kind" not in e or "params" not in e:
        return errs + ["kind and params are required"]
    kind = e["kind"]
    if kind not in KINDS:
        return errs + [f"unknown kind {kind!r}"]
    params = e["params"]
    if not isinstance(params, dict):
        return errs + ["params is not an object"]
    names = [n for n, _ in KINDS[kind]]
    for n, v in params.items():
        if n not in names:
            errs.append(f"{kind} has no parameter {n!r}")
        elif not is_num(v):
            errs.append(f"params.{n} is not a number")
    if errs:
        return errs
    if list(params) != [n for n in names if n in params]:
        errs.append(f"parameter order {list(params)} (kind order {names})")
    full = {n: params.get(n, d) for n, d in KINDS[kind]}
    for n, v in full.items():
        if n in PERIODS and not (float(v).is_integer() and 1 <= v <= 10000):
            errs.append(f"params.{n}={v} is not a whole period in 1..10000")
    if kind in ("sma_cross", "ema_cross", "macd_cross") and not full["fast"] < full["slow"]:
        errs.append(f"fast {full['fast']} must be below slow {full['slow']}")
    if kind == "rsi_reversion" and not (0 <= full["lower"] < full["upper"] <= 100):
        errs.append(f"need 0 <= lower {full['lower']} < upper {full['upper']} <= 100")
    if kind.startswith("bollinger") and not full["k"] > 0:
        errs.append("k must be above 0")
    if "symbol" in e and e["symbol"] not in SYMBOLS:
        errs.append(f"symbol {e['symbol']!r} is not in the table")
    if "direction" in e and e["direction"] not in DIRECTIONS:
        errs.append(f"direction {e['direction']!r}")
    if "commission" in e and not (is_num(e["commission"]) and 0 <= e["commission"] < 0.01):
        errs.append(f"commission {e['commission']!r} is not a fraction in [0, 0.01)")
    dates = {}
    for k in ("from", "to"):
        if k in e:
            v = e[k]
            try:
                if not (isinstance(v, str) and ISO.match(v)):
                    raise ValueError
                dates[k] = datetime.date.fromisoformat(v)
            except ValueError:
                errs.append(f"{k} {v!r} is not an ISO date")
    if len(dates) == 2 and not dates["from"] < dates["to"]:
        errs.append(f"from {e['from']} is not before to {e['to']}")
    if "initial_cash" in e and not (is_num(e["initial_cash"]) and e["initial_cash"] > 0):
        errs.append(f"initial_cash {e['initial_cash']!r} must be above 0")
    return errs


def validate(items):
    errs = []
    seen = {}
    for i, item in enumerate(items):
        where = f"item {i + 1}"
        if not (isinstance(item, tuple) and len(item) == 3):
            errs.append(f"{where}: not a (lang, request, expected) tuple")
            continue
        lang, req, exp = item
        if lang not in ("ko", "en"):
            errs.append(f"{where}: lang {lang!r}")
        if not isinstance(req, str) or not req.strip() or req != req.strip():
            errs.append(f"{where}: empty or untrimmed request")
            continue
        has_hangul = bool(HANGUL.search(req))
        if lang == "ko" and not has_hangul:
            errs.append(f"{where}: ko line without Hangul")
        if lang == "en" and has_hangul:
            errs.append(f"{where}: en line with Hangul")
        key = norm(req)
        if key in seen:
            errs.append(f"{where}: duplicates item {seen[key] + 1}")
        seen[key] = i
        errs += [f"{where} ({req[:30]}…): {p}" for p in check_expected(exp)]
    n = len(items)
    if n != 100:
        errs.append(f"{n} items, want 100")
    if n:
        declined = sum(1 for _, _, e in items if e is None) / n
        ko = sum(1 for l, _, _ in items if l == "ko") / n
        if not 0.20 <= declined <= 0.25:
            errs.append(f"declined share {declined:.0%} is outside 20-25 %")
        if not 0.45 <= ko <= 0.55:
            errs.append(f"Korean share {ko:.0%} is outside 45-55 %")
    return errs


def lines(items):
    order = list(range(len(items)))
    random.Random(SEED).shuffle(order)
    out = []
    for n, i in enumerate(order, 1):
        lang, req, exp = items[i]
        rec = {"id": ID_FMT.format(n), "lang": lang, "request": req, "expected": exp}
        text = json.dumps(rec, ensure_ascii=False)
        if json.loads(text) != rec:
            raise SystemExit(f"{rec['id']}: JSON does not round-trip")
        out.append(text)
    return out


def counts(items):
    by_kind = collections.OrderedDict((k, collections.Counter()) for k in list(KINDS) + [None])
    fields = collections.Counter()
    nosym = 0
    for lang, _, e in items:
        by_kind[e["kind"] if e else None][lang] += 1
        if e:
            fields.update(k for k in e if k not in ("kind", "params"))
            nosym += "symbol" not in e
    print("| kind | ko | en | total |")
    print("| --- | --- | --- | --- |")
    for k, c in by_kind.items():
        print(f"| {k or 'declined (null)'} | {c['ko']} | {c['en']} | {c['ko'] + c['en']} |")
    ko = sum(1 for l, _, _ in items if l == "ko")
    print(f"| all | {ko} | {len(items) - ko} | {len(items)} |")
    print()
    print("| field | accepted lines stating it |")
    print("| --- | --- |")
    for f in KEY_ORDER[2:]:
        print(f"| {f} | {fields[f]} |")
    print(f"\naccepted without a symbol: {nosym}")
    dirs = collections.Counter(e["direction"] for _, _, e in items if e and "direction" in e)
    print(f"directions: {dict(dirs)}")


def main():
    errs = validate(ITEMS)
    if errs:
        print("\n".join(errs))
        raise SystemExit(f"{len(errs)} problem(s)")
    out = lines(ITEMS)
    counts(ITEMS)
    if "--check" in sys.argv[1:]:
        print("\nvalid (not written)")
        return
    data = ("\n".join(out) + "\n").encode("utf-8")
    with open(OUT, "wb") as f:
        f.write(data)
    print(f"\nwrote {OUT}: {len(out)} lines, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
