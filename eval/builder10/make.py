#!/usr/bin/env python3
"""Validate src.py and write heldout.jsonl in a fixed shuffled order.

python3 make.py          validate, shuffle (seed 10), write heldout.jsonl, print counts and sha256s
python3 make.py --check  validate and print counts only; writes nothing

Nothing is written unless every check passes.
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

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SEED = 10
SIZE = 160
PREFIX = "sb_x_"
OUT = HERE / "heldout.jsonl"
MIN_DECLINED = 29                      # at least 18 % of 160
DECLINED_SHARE = (0.18, 0.25)
KOREAN_SHARE = (0.45, 0.55)
NEAR = 0.90                            # difflib ratio that counts as a near duplicate

# kind -> [(parameter, engine default)], in the kind's order
KINDS = {
    "sma_cross": [("fast", 10), ("slow", 30)],
    "ema_cross": [("fast", 10), ("slow", 30)],
    "rsi_reversion": [("period", 14), ("lower", 30), ("upper", 70)],
    "bollinger_breakout": [("period", 20), ("k", 2)],
    "bollinger_reversion": [("period", 20), ("k", 2)],
    "macd_cross": [("fast", 12), ("slow", 26), ("signal", 9)],
    "buy_and_hold": [],
}
WHOLE = {"fast", "slow", "period", "signal"}
KEY_ORDER = ["kind", "params", "symbol", "direction", "commission", "from", "to", "initial_cash"]
DIRECTIONS = {"long_only", "long_short"}
# The alias table of eval/builder/README.md plus the tickers builder8/9 allow (TQQQ, IWM, SOXL, AMD, INTC, XOM).
SYMBOLS = {
    "005930", "000660", "035420", "035720", "005380", "000270", "051910", "006400", "207940", "068270",
    "105560", "247540", "086520", "069500", "122630", "005490", "373220", "066570", "055550", "017670",
    "035900", "352820", "323410", "259960", "012330", "000100",
    "NVDA", "TSLA", "AAPL", "MSFT", "GOOGL", "META", "AMZN", "NFLX", "KO", "JPM", "DIS", "COST", "PLTR",
    "QQQ", "SPY", "TQQQ", "IWM", "SOXL", "AMD", "INTC", "XOM",
}
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


class Invalid(Exception):
    pass


def number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def iso_date(field, s):
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        raise Invalid(f"{field} {s!r} is not YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(s)
    except ValueError as e:
        raise Invalid(f"{field} {s!r}: {e}") from None


def normalise(text):
    return re.sub(r"[\W_]+", "", text.casefold())


def check_expected(exp):
    if not isinstance(exp, dict):
        raise Invalid("expected must be a dict or None")
    keys = list(exp)
    if keys[:2] != ["kind", "params"]:
        raise Invalid(f"expected must start with kind, params (got {keys})")
    stray = [k for k in keys if k not in KEY_ORDER]
    if stray:
        raise Invalid(f"unknown keys {stray}")
    if keys != sorted(keys, key=KEY_ORDER.index):
        raise Invalid(f"key order {keys}, want a subsequence of {KEY_ORDER}")

    kind = exp["kind"]
    if kind not in KINDS:
        raise Invalid(f"unknown kind {kind!r}")
    params = exp["params"]
    if not isinstance(params, dict):
        raise Invalid("params must be a dict")
    names = [n for n, _ in KINDS[kind]]
    for n in params:
        if n not in names:
            raise Invalid(f"{kind} has no parameter {n!r}")
    if list(params) != [n for n in names if n in params]:
        raise Invalid(f"parameter order {list(params)}, want the kind's order {names}")
    full = {}
    for n, default in KINDS[kind]:
        v = params.get(n, default)
        if not number(v):
            raise Invalid(f"{n}={v!r} is not a number")
        if n in WHOLE and (not isinstance(v, int) or not 1 <= v <= 10000):
            raise Invalid(f"{n}={v!r} must be a whole number in 1..10000")
        full[n] = v
    if kind in ("sma_cross", "ema_cross", "macd_cross") and not full["fast"] < full["slow"]:
        raise Invalid(f"fast {full['fast']} must be below slow {full['slow']} (defaults filled in)")
    if kind == "rsi_reversion" and not 0 <= full["lower"] < full["upper"] <= 100:
        raise Invalid(f"need 0 <= lower {full['lower']} < upper {full['upper']} <= 100 (defaults filled in)")
    if kind.startswith("bollinger") and not full["k"] > 0:
        raise Invalid(f"k={full['k']} must be above 0")

    if "symbol" in exp and exp["symbol"] not in SYMBOLS:
        raise Invalid(f"symbol {exp['symbol']!r} is not in the alias table")
    if "direction" in exp and exp["direction"] not in DIRECTIONS:
        raise Invalid(f"direction {exp['direction']!r}")
    if "commission" in exp:
        c = exp["commission"]
        if not number(c) or not 0 <= c < 0.01:
            raise Invalid(f"commission {c!r} must be a fraction in [0, 0.01)")
    dates = {f: iso_date(f, exp[f]) for f in ("from", "to") if f in exp}
    if len(dates) == 2 and not dates["from"] < dates["to"]:
        raise Invalid(f"from {exp['from']} must be before to {exp['to']}")
    if "initial_cash" in exp:
        c = exp["initial_cash"]
        if not number(c) or not c > 0:
            raise Invalid(f"initial_cash {c!r} must be above 0")


def check_entry(entry):
    if not (isinstance(entry, tuple) and len(entry) == 3):
        raise Invalid("entry must be a tuple (lang, request, expected)")
    lang, request, exp = entry
    if lang not in ("ko", "en"):
        raise Invalid(f"lang {lang!r}")
    if not isinstance(request, str) or not request.strip() or request != request.strip():
        raise Invalid("request must be a non-empty string without outer whitespace")
    if "\n" in request:
        raise Invalid("request must be one line")
    hangul = bool(HANGUL.search(request))
    if lang == "ko" and not hangul:
        raise Invalid("ko request without Hangul")
    if lang == "en" and hangul:
        raise Invalid("en request with Hangul")
    if exp is not None:
        check_expected(exp)


def most_similar(texts):
    best = (0.0, None, None)
    for a in range(len(texts)):
        for b in range(a + 1, len(texts)):
            sm = difflib.SequenceMatcher(None, texts[a], texts[b])
            if sm.real_quick_ratio() <= best[0] or sm.quick_ratio() <= best[0]:
                continue
            r = sm.ratio()
            if r > best[0]:
                best = (r, a, b)
    return best


def validate(src):
    """Raise Invalid on the first problem; return the most similar pair."""
    if not isinstance(src, list):
        raise Invalid("SRC must be a list")
    if len(src) != SIZE:
        raise Invalid(f"{len(src)} entries, want {SIZE}")
    seen = {}
    for i, entry in enumerate(src):
        try:
            check_entry(entry)
        except Invalid as e:
            raise Invalid(f"entry {i} ({str(entry)[:60]}...): {e}") from None
        key = normalise(entry[1])
        if key in seen:
            raise Invalid(f"entry {i} duplicates entry {seen[key]} after normalisation")
        seen[key] = i
    best = most_similar([normalise(r) for _, r, _ in src])
    if best[0] >= NEAR:
        raise Invalid(f"entries {best[1]} and {best[2]} are near duplicates (ratio {best[0]:.2f})")
    n = len(src)
    declined = sum(e is None for _, _, e in src)
    ko = sum(lang == "ko" for lang, _, _ in src)
    if declined < MIN_DECLINED or not DECLINED_SHARE[0] <= declined / n <= DECLINED_SHARE[1]:
        raise Invalid(f"declined {declined}/{n}: want at least {MIN_DECLINED} and a share of 18-25 %")
    if not KOREAN_SHARE[0] <= ko / n <= KOREAN_SHARE[1]:
        raise Invalid(f"Korean share {ko}/{n} is outside 45-55 %")
    return best


def serialise(src):
    order = list(range(len(src)))
    random.Random(SEED).shuffle(order)
    lines, ids = [], []
    for n, idx in enumerate(order, 1):
        lang, request, exp = src[idx]
        obj = {"id": f"{PREFIX}{n:03d}", "lang": lang, "request": request, "expected": exp}
        line = json.dumps(obj, ensure_ascii=False)
        if json.loads(line) != obj:
            raise Invalid(f"entry {idx} does not round-trip through JSON")
        lines.append(line)
        ids.append(obj["id"])
    if len(set(ids)) != SIZE or ids[0] != f"{PREFIX}001" or ids[-1] != f"{PREFIX}{SIZE:03d}":
        raise Invalid("ids are not sb_x_001..sb_x_160")
    return ("\n".join(lines) + "\n").encode("utf-8")


def print_counts(src):
    by = Counter()
    for lang, _, e in src:
        by[(e["kind"] if e else "declined (null)", lang)] += 1
    print(f"{'kind':<22} {'ko':>3} {'en':>3} {'all':>4}")
    for kind in list(KINDS) + ["declined (null)"]:
        k, e = by[(kind, "ko")], by[(kind, "en")]
        print(f"{kind:<22} {k:>3} {e:>3} {k + e:>4}")
    ko = sum(lang == "ko" for lang, _, _ in src)
    declined = sum(e is None for _, _, e in src)
    print(f"{'all':<22} {ko:>3} {len(src) - ko:>3} {len(src):>4}"
          f"   (Korean {100 * ko / len(src):.1f} %, declined {100 * declined / len(src):.1f} %)")
    accepted = [e for _, _, e in src if e]
    fields = Counter(k for e in accepted for k in e if k not in ("kind", "params"))
    dirs = Counter(e["direction"] for e in accepted if "direction" in e)
    print(f"{len(accepted)} accepted; stating each field:",
          ", ".join(f"{k} {fields[k]}" for k in KEY_ORDER[2:]),
          f"(long_short {dirs['long_short']}, long_only {dirs['long_only']};",
          f"zero commission {sum(e.get('commission') == 0 for e in accepted)})")
    print("accepted with params {}:", sum(not e["params"] for e in accepted),
          "| accepted without symbol:", sum("symbol" not in e for e in accepted))


def main():
    check_only = "--check" in sys.argv[1:]
    try:
        src = __import__("src").SRC
        best = validate(src)
        data = serialise(src)
    except Invalid as e:
        sys.exit(f"FAILED: {e}  (nothing written)")
    print_counts(src)
    print(f"most similar pair: entries {best[1]} and {best[2]}, ratio {best[0]:.2f}")
    print(f"sha256 src.py {hashlib.sha256((HERE / 'src.py').read_bytes()).hexdigest()}")
    if check_only:
        print(f"ok; heldout.jsonl would have sha256 {hashlib.sha256(data).hexdigest()} (not written)")
        return
    OUT.write_bytes(data)
    print(f"wrote {OUT.name}: {SIZE} lines, sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
