#!/usr/bin/env python3
"""Validate src.py and write heldout.jsonl (ids sb_y_001...).

Usage: python3 make.py           validate, print counts, write heldout.jsonl
       python3 make.py --check   validate and print counts only
       python3 make.py --check --against FILE.jsonl [...]
                                 also print the closest request pairs between this set and
                                 other sets (difflib ratio on normalised text)
"""

import datetime
import difflib
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))
from src import ITEMS  # noqa: E402

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

# The alias table of eval/builder/README.md, plus the extra tickers the brief allows.
SYMBOLS = {
    "005930", "000660", "035420", "035720", "005380", "000270", "051910", "006400", "207940",
    "068270", "105560", "247540", "086520", "069500", "122630", "005490", "373220", "066570",
    "055550", "017670", "035900", "352820", "323410", "259960", "012330", "000100",
    "NVDA", "TSLA", "AAPL", "MSFT", "GOOGL", "META", "AMZN", "NFLX", "KO", "JPM", "DIS", "COST",
    "PLTR", "QQQ", "SPY",
    "TQQQ", "IWM", "SOXL", "AMD", "INTC", "XOM",
}

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def norm(text):
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def iso(s, where):
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        raise ValueError(f"{where}: {s!r} is not YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(s)
    except ValueError as err:
        raise ValueError(f"{where}: {s!r}: {err}") from None


def check_expected(e, where):
    if e is None:
        return
    if not isinstance(e, dict):
        raise ValueError(f"{where}: expected must be a dict or None")
    keys = list(e)
    unknown = [k for k in keys if k not in KEY_ORDER]
    if unknown:
        raise ValueError(f"{where}: unknown keys {unknown}")
    if keys != [k for k in KEY_ORDER if k in e]:
        raise ValueError(f"{where}: keys {keys} out of order")
    if "kind" not in e or "params" not in e:
        raise ValueError(f"{where}: kind and params are required")
    kind = e["kind"]
    if kind not in KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r}")
    spec = KINDS[kind]
    names = [n for n, _ in spec]
    params = e["params"]
    if not isinstance(params, dict):
        raise ValueError(f"{where}: params must be a dict")
    pk = list(params)
    for n in pk:
        if n not in names:
            raise ValueError(f"{where}: {kind} takes no parameter {n!r} (takes {names})")
    if pk != [n for n in names if n in params]:
        raise ValueError(f"{where}: params {pk} not in the kind's order {names}")
    full = dict(spec)
    for n, v in params.items():
        if not is_num(v):
            raise ValueError(f"{where}: params.{n} must be a number")
        if n in PERIODS and (not float(v).is_integer() or not 1 <= v <= 10000 or not isinstance(v, int)):
            raise ValueError(f"{where}: params.{n}={v} is not a whole number of bars in 1..10000")
        full[n] = v
    if kind in ("sma_cross", "ema_cross", "macd_cross") and not full["fast"] < full["slow"]:
        raise ValueError(f"{where}: fast {full['fast']} must be below slow {full['slow']}")
    if kind == "rsi_reversion" and not 0 <= full["lower"] < full["upper"] <= 100:
        raise ValueError(f"{where}: need 0 <= lower {full['lower']} < upper {full['upper']} <= 100")
    if kind.startswith("bollinger") and not full["k"] > 0:
        raise ValueError(f"{where}: k must be above 0")
    if "symbol" in e and e["symbol"] not in SYMBOLS:
        raise ValueError(f"{where}: symbol {e['symbol']!r} is not in the table")
    if "direction" in e and e["direction"] not in DIRECTIONS:
        raise ValueError(f"{where}: direction {e['direction']!r}")
    if "commission" in e:
        c = e["commission"]
        if not is_num(c) or not 0 <= c < 0.01:
            raise ValueError(f"{where}: commission {c!r} not a fraction in [0, 0.01)")
    f = iso(e["from"], where) if "from" in e else None
    t = iso(e["to"], where) if "to" in e else None
    if f and t and not f < t:
        raise ValueError(f"{where}: from {f} must be before to {t}")
    if "initial_cash" in e:
        v = e["initial_cash"]
        if not is_num(v) or not v > 0:
            raise ValueError(f"{where}: initial_cash {v!r} must be > 0")


def validate(items):
    seen = {}
    for i, item in enumerate(items, 1):
        where = f"item {i}"
        if not (isinstance(item, tuple) and len(item) == 3):
            raise ValueError(f"{where}: must be (lang, request, expected)")
        lang, req, exp = item
        where = f"item {i} ({req[:40]!r})"
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
            raise ValueError(f"{where}: duplicate of item {seen[key]}")
        seen[key] = i
        check_expected(exp, where)
    n = len(items)
    if n != 100:
        raise ValueError(f"expected 100 items, got {n}")
    declined = sum(1 for _, _, e in items if e is None)
    if not 0.20 <= declined / n <= 0.25:
        raise ValueError(f"declined share {declined}/{n} outside 20-25 %")
    ko = sum(1 for l, _, _ in items if l == "ko")
    if not 0.45 <= ko / n <= 0.55:
        raise ValueError(f"Korean share {ko}/{n} outside 45-55 %")


def lines(items):
    out = []
    for i, (lang, req, exp) in enumerate(items, 1):
        rec = {"id": f"sb_y_{i:03d}", "lang": lang, "request": req, "expected": exp}
        s = json.dumps(rec, ensure_ascii=False)
        if json.loads(s) != rec:
            raise ValueError(f"sb_y_{i:03d}: JSON round trip failed")
        out.append(s)
    return out


def counts(items):
    kinds = ["sma_cross", "ema_cross", "rsi_reversion", "bollinger_breakout", "bollinger_reversion",
             "macd_cross", "buy_and_hold", None]
    by = Counter((e["kind"] if e else None, l) for l, _, e in items)
    print("| kind | ko | en | total |")
    print("| --- | --- | --- | --- |")
    for k in kinds:
        ko, en = by[(k, "ko")], by[(k, "en")]
        print(f"| {k or 'declined (null)'} | {ko} | {en} | {ko + en} |")
    ko = sum(1 for l, _, _ in items if l == "ko")
    print(f"| all | {ko} | {len(items) - ko} | {len(items)} |")
    declined = sum(1 for _, _, e in items if e is None)
    print(f"declined: {declined}/{len(items)} = {100 * declined / len(items):.0f} %")
    print()
    print("| field | ko | en | total |")
    print("| --- | --- | --- | --- |")
    for f in ["symbol", "direction", "commission", "from", "to", "initial_cash"]:
        c = Counter(l for l, _, e in items if e and f in e)
        print(f"| {f} | {c['ko']} | {c['en']} | {c['ko'] + c['en']} |")
    c = Counter(l for l, _, e in items if e and not e["params"])
    print(f"| params = {{}} | {c['ko']} | {c['en']} | {c['ko'] + c['en']} |")
    c = Counter(l for l, _, e in items if e and "symbol" not in e)
    print(f"| no symbol | {c['ko']} | {c['en']} | {c['ko'] + c['en']} |")
    dirs = Counter(e["direction"] for _, _, e in items if e and "direction" in e)
    print(f"directions: {dict(dirs)}")


def against(paths, top=5):
    ours = [norm(r) for _, r, _ in ITEMS]
    for p in paths:
        theirs = []
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            if line.strip():
                theirs.append(json.loads(line)["request"])
        pairs = []
        for i, a in enumerate(ours):
            for b in theirs:
                pairs.append((difflib.SequenceMatcher(None, a, norm(b)).ratio(), i + 1, b))
        pairs.sort(reverse=True)
        print(f"closest pairs against {p}:")
        for ratio, i, b in pairs[:top]:
            print(f"  {ratio:.2f}  sb_y_{i:03d} {ITEMS[i - 1][1]!r}  <->  {b!r}")


def main():
    validate(ITEMS)
    out = lines(ITEMS)
    counts(ITEMS)
    args = sys.argv[1:]
    if "--against" in args:
        against(args[args.index("--against") + 1:])
    if "--check" in sys.argv[1:]:
        print("ok (not written)")
        return
    data = ("\n".join(out) + "\n").encode("utf-8")
    (HERE / "heldout.jsonl").write_bytes(data)
    print(f"wrote heldout.jsonl: {len(out)} lines, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
