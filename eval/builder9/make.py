#!/usr/bin/env python3
"""Validates src.py and writes heldout.jsonl in a fixed shuffled order.

python3 make.py          validate, shuffle (seed 9), write heldout.jsonl, print counts and sha256
python3 make.py --check  validate and print counts only
"""
import datetime
import difflib
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))

SEED = 9
SIZE = 150
PREFIX = "sb_w_"
OUT = "heldout.jsonl"

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
# The alias table of eval/builder/README.md, plus TQQQ, IWM, SOXL, AMD, INTC and XOM.
SYMBOLS = {
    "005930", "000660", "035420", "035720", "005380", "000270", "051910", "006400", "207940", "068270",
    "105560", "247540", "086520", "069500", "122630", "005490", "373220", "066570", "055550", "017670",
    "035900", "352820", "323410", "259960", "012330", "000100",
    "NVDA", "TSLA", "AAPL", "MSFT", "GOOGL", "META", "AMZN", "NFLX", "KO", "JPM", "DIS", "COST", "PLTR",
    "QQQ", "SPY",
    "TQQQ", "IWM", "SOXL", "AMD", "INTC", "XOM",
}
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
NEAR = 0.90


def fail(i, msg):
    sys.exit(f"entry {i}: {msg}")


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def iso(i, field, s):
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        fail(i, f"{field} {s!r} is not YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(s)
    except ValueError as e:
        fail(i, f"{field} {s!r}: {e}")


def norm(text):
    return re.sub(r"[\W_]+", "", text.lower())


def check_entry(i, lang, request, exp):
    if lang not in ("ko", "en"):
        fail(i, f"lang {lang!r}")
    if not isinstance(request, str) or not request.strip() or request != request.strip():
        fail(i, "request must be a non-empty stripped string")
    has_hangul = bool(HANGUL.search(request))
    if lang == "ko" and not has_hangul:
        fail(i, "ko request without Hangul")
    if lang == "en" and has_hangul:
        fail(i, "en request with Hangul")
    if exp is None:
        return
    if not isinstance(exp, dict):
        fail(i, "expected must be a dict or None")
    keys = list(exp)
    if keys[:2] != ["kind", "params"]:
        fail(i, "expected must start with kind, params")
    unknown = [k for k in keys if k not in KEY_ORDER]
    if unknown:
        fail(i, f"unknown keys {unknown}")
    if keys != sorted(keys, key=KEY_ORDER.index):
        fail(i, f"key order {keys}")
    kind = exp["kind"]
    if kind not in KINDS:
        fail(i, f"kind {kind!r}")
    params = exp["params"]
    if not isinstance(params, dict):
        fail(i, "params must be a dict")
    names = [n for n, _ in KINDS[kind]]
    for n in params:
        if n not in names:
            fail(i, f"{kind} has no parameter {n!r}")
    if list(params) != [n for n in names if n in params]:
        fail(i, f"parameter order {list(params)}, want the kind's order {names}")
    full = {}
    for n, d in KINDS[kind]:
        v = params.get(n, d)
        if not is_num(v):
            fail(i, f"{n} {v!r} is not a number")
        if n in PERIODS and (not isinstance(v, int) or not 1 <= v <= 10000):
            fail(i, f"period {n}={v!r} must be a whole number in 1..10000")
        full[n] = v
    if kind in ("sma_cross", "ema_cross", "macd_cross") and not full["fast"] < full["slow"]:
        fail(i, f"fast {full['fast']} must be below slow {full['slow']}")
    if kind == "rsi_reversion" and not 0 <= full["lower"] < full["upper"] <= 100:
        fail(i, f"need 0 <= lower {full['lower']} < upper {full['upper']} <= 100")
    if kind.startswith("bollinger") and not full["k"] > 0:
        fail(i, "k must be above 0")
    if "symbol" in exp and exp["symbol"] not in SYMBOLS:
        fail(i, f"symbol {exp['symbol']!r} is not in the table")
    if "direction" in exp and exp["direction"] not in DIRECTIONS:
        fail(i, f"direction {exp['direction']!r}")
    if "commission" in exp:
        c = exp["commission"]
        if not is_num(c) or not 0 <= c < 0.01:
            fail(i, f"commission {c!r} must be a fraction in [0, 0.01)")
    dates = {f: iso(i, f, exp[f]) for f in ("from", "to") if f in exp}
    if len(dates) == 2 and not dates["from"] < dates["to"]:
        fail(i, f"from {exp['from']} must be before to {exp['to']}")
    if "initial_cash" in exp:
        c = exp["initial_cash"]
        if not is_num(c) or not c > 0:
            fail(i, f"initial_cash {c!r} must be above 0")


def closest(texts):
    worst = (0.0, None, None)
    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            sm = difflib.SequenceMatcher(None, texts[a], texts[b])
            if sm.real_quick_ratio() <= worst[0] or sm.quick_ratio() <= worst[0]:
                continue
            r = sm.ratio()
            if r > worst[0]:
                worst = (r, a, b)
    return worst


def validate(src):
    if len(src) != SIZE:
        sys.exit(f"{len(src)} entries, want {SIZE}")
    seen = {}
    for i, entry in enumerate(src):
        if not (isinstance(entry, tuple) and len(entry) == 3):
            fail(i, "entry must be (lang, request, expected)")
        check_entry(i, *entry)
        key = norm(entry[1])
        if key in seen:
            fail(i, f"duplicate of entry {seen[key]} after normalisation")
        seen[key] = i
    worst = closest([norm(r) for _, r, _ in src])
    if worst[0] >= NEAR:
        sys.exit(f"entries {worst[1]} and {worst[2]} are near duplicates (ratio {worst[0]:.2f})")
    n = len(src)
    declined = sum(e is None for _, _, e in src)
    ko = sum(lang == "ko" for lang, _, _ in src)
    if not 0.18 <= declined / n <= 0.25:
        sys.exit(f"declined share {declined}/{n} is outside 18-25 %")
    if not 0.45 <= ko / n <= 0.55:
        sys.exit(f"Korean share {ko}/{n} is outside 45-55 %")
    return worst


def counts(src):
    by_kind = Counter()
    for lang, _, e in src:
        by_kind[(e["kind"] if e else "declined (null)", lang)] += 1
    print(f"{'kind':<22} {'ko':>3} {'en':>3} {'all':>4}")
    for kind in list(KINDS) + ["declined (null)"]:
        k, e = by_kind[(kind, "ko")], by_kind[(kind, "en")]
        print(f"{kind:<22} {k:>3} {e:>3} {k + e:>4}")
    ko = sum(lang == "ko" for lang, _, _ in src)
    print(f"{'all':<22} {ko:>3} {len(src) - ko:>3} {len(src):>4}")
    accepted = [e for _, _, e in src if e]
    fields = Counter(k for e in accepted for k in e if k not in ("kind", "params"))
    dirs = Counter(e["direction"] for e in accepted if "direction" in e)
    print("accepted requests stating each field:",
          ", ".join(f"{k} {fields[k]}" for k in KEY_ORDER[2:]),
          f"(long_short {dirs['long_short']}, long_only {dirs['long_only']};",
          f"zero commission {sum(e.get('commission') == 0 for e in accepted)})")
    print("accepted with params {}:", sum(not e["params"] for e in accepted),
          "| accepted without symbol:", sum("symbol" not in e for e in accepted))


def serialise(src):
    order = list(range(len(src)))
    random.Random(SEED).shuffle(order)
    lines = []
    for n, idx in enumerate(order, 1):
        lang, request, exp = src[idx]
        obj = {"id": f"{PREFIX}{n:03d}", "lang": lang, "request": request, "expected": exp}
        line = json.dumps(obj, ensure_ascii=False)
        if json.loads(line) != obj:
            sys.exit(f"entry {idx} does not round-trip through JSON")
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8")


def main():
    src = __import__("src").SRC
    worst = validate(src)
    counts(src)
    print(f"most similar pair: entries {worst[1]} and {worst[2]}, ratio {worst[0]:.2f}")
    data = serialise(src)
    if "--check" in sys.argv[1:]:
        print("ok (not written)")
        return
    (HERE / OUT).write_bytes(data)
    ids = [json.loads(x)["id"] for x in data.decode().splitlines()]
    assert len(set(ids)) == len(ids) == SIZE
    print(f"wrote {OUT}: {len(ids)} lines, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
