#!/usr/bin/env python3
"""Validate eval/factcheck6/src.py and write eval/factcheck6/heldout.jsonl.

    python3 eval/factcheck6/make.py            # validate, then write heldout.jsonl
    python3 eval/factcheck6/make.py --check    # validate only; write nothing
    python3 eval/factcheck6/make.py --stats    # validate, write, then print counts and sha256s

If any check fails, the problems are printed and nothing is written.

This script never writes or edits a text. The only numbers it reads out of a text are the ones a
human listed: the wrong numbers in each item's errors, and the correct numbers in BOUNDARY and
HEDGED. For those it proves that a label really is wrong and that a listed case really is
correct. It holds no logic for finding or judging the other numbers of a text.
"""
import datetime as dt
import hashlib
import json
import math
import os
import re
import sys
from collections import Counter

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

PREFIX = "fc_r"
N_ITEMS = 80
OUT = "heldout.jsonl"

SPEC_ORDER = ["symbol", "strategy", "params", "start", "end", "initial_cash", "final_equity",
              "total_return", "cagr", "sharpe", "sortino", "max_drawdown", "volatility",
              "win_rate", "trades", "profit_factor", "exposure", "buy_hold_return"]
MUST_HAVE = ("symbol", "strategy", "start", "end", "total_return")
STRATEGY_PARAMS = {
    "sma_cross": {"fast", "slow"},
    "ema_cross": {"fast", "slow"},
    "macd_cross": {"fast", "slow", "signal"},
    "rsi_reversion": {"period", "lower", "upper"},
    "bollinger_breakout": {"period", "k"},
    "bollinger_reversion": {"period", "k"},
    "buy_and_hold": set(),
}
RATES = {"total_return", "cagr", "max_drawdown", "volatility", "win_rate", "exposure",
         "buy_hold_return"}
DERIVED = {"excess_return", "equity_multiple", "net_profit"}
RATE_KPIS = RATES | {"excess_return"}
KINDS = {"swap", "sign", "attribution", "scale10", "rounding", "excess", "trades", "date",
         "param", "approx", "multiple", "other"}

# Hedge words. The spec's list is 약, about, approximately, ~, 대략. For proving a label wrong
# the wider list below is used (a wider list only makes a label harder to prove wrong). A HEDGED
# case, which relies on the 5 % rule, must follow one of the spec's own words.
SPEC_HEDGES = ("약", "about", "approximately", "~", "대략")
WIDE_BEFORE = SPEC_HEDGES + ("approx", "roughly", "around", "nearly", "almost", "close to",
                             "some ", "거의", "대충", "한 ", "call it")
WIDE_AFTER = ("정도", "가량", "안팎", "남짓", "쯤", "내외", "가까이", "ish", " or so")

FIELDS = ["id", "lang", "facts", "text", "errors"]
ERROR_FIELDS = ["number", "kpi", "true"]
EPS = 1e-9

problems = []


def fail(where, msg):
    problems.append(f"{where}: {msg}")


def period_years(f):
    d0, d1 = dt.date.fromisoformat(f["start"]), dt.date.fromisoformat(f["end"])
    return (d1 - d0).days / 365.25


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


# ---------------------------------------------------------------- facts
def check_facts(iid, f):
    if not isinstance(f, dict):
        fail(iid, "facts must be a dict")
        return False
    keys = list(f)
    unknown = [k for k in keys if k not in SPEC_ORDER]
    if unknown:
        fail(iid, f"unknown fact keys {unknown}")
        return False
    if keys != [k for k in SPEC_ORDER if k in f]:
        fail(iid, f"fact keys out of spec order: {keys}")
    for k in MUST_HAVE:
        if k not in f:
            fail(iid, f"required fact {k!r} missing")
            return False
    sym, strat = f["symbol"], f["strategy"]
    if not (re.fullmatch(r"\d{6}", sym) or re.fullmatch(r"[A-Z]{1,5}", sym)):
        fail(iid, f"symbol {sym!r} is neither a KRX code nor a US ticker")
    if strat not in STRATEGY_PARAMS:
        fail(iid, f"strategy {strat!r} not in the enum")
        return False
    try:
        d0, d1 = dt.date.fromisoformat(f["start"]), dt.date.fromisoformat(f["end"])
    except (TypeError, ValueError):
        fail(iid, "start/end are not ISO dates")
        return False
    if not d0 < d1:
        fail(iid, "start is not before end")
    if d0.weekday() >= 5 or d1.weekday() >= 5:
        fail(iid, "start or end is a weekend day")
    names = STRATEGY_PARAMS[strat]
    if names:
        p = f.get("params")
        if not isinstance(p, dict) or set(p) != names:
            fail(iid, f"params {p!r} do not match {strat}")
        elif not all(is_num(v) and v > 0 for v in p.values()):
            fail(iid, "params must be positive numbers")
        else:
            if "fast" in p and not p["fast"] < p["slow"]:
                fail(iid, "fast must be below slow")
            if "lower" in p and not 0 < p["lower"] < p["upper"] < 100:
                fail(iid, "RSI thresholds must satisfy 0 < lower < upper < 100")
    elif "params" in f:
        fail(iid, "buy_and_hold takes no params")
    for k in f:
        if k in ("symbol", "strategy", "params", "start", "end"):
            continue
        if not is_num(f[k]):
            fail(iid, f"{k} is not a number")
            return False
    for k in ("win_rate", "exposure"):
        if k in f and not 0 <= f[k] <= 1:
            fail(iid, f"{k} is not a fraction")
    if "volatility" in f and not 0 < f["volatility"] < 2:
        fail(iid, "volatility is not a plausible fraction")
    if "profit_factor" in f and f["profit_factor"] <= 0:
        fail(iid, "profit factor must be positive")
    if "trades" in f:
        if not isinstance(f["trades"], int) or isinstance(f["trades"], bool) or f["trades"] < 1:
            fail(iid, "trades must be a positive int")
        elif "win_rate" in f:
            wins = f["win_rate"] * f["trades"]
            if abs(wins - round(wins)) > 0.01:
                fail(iid, f"win_rate {f['win_rate']} is not k/{f['trades']}")
    elif "win_rate" in f:
        fail(iid, "win_rate without trades")
    if f["total_return"] <= -1:
        fail(iid, "total return at or below -100 %")
    if ("initial_cash" in f) != ("final_equity" in f):
        fail(iid, "initial_cash and final_equity come as a pair")
    if "initial_cash" in f:
        want = f["initial_cash"] * (1 + f["total_return"])
        if not math.isclose(f["final_equity"], want, rel_tol=1e-9, abs_tol=0.005):
            fail(iid, f"final_equity {f['final_equity']} != {want}")
        if re.fullmatch(r"\d{6}", sym) and f["initial_cash"] < 1_000_000:
            fail(iid, "KRW book below 1 million won")
        if not re.fullmatch(r"\d{6}", sym) and f["initial_cash"] > 100_000_000:
            fail(iid, "USD book above 100 million dollars")
    if "cagr" in f:
        want = (1 + f["total_return"]) ** (1 / period_years(f)) - 1
        if abs(want - f["cagr"]) > 0.0001:
            fail(iid, f"cagr {f['cagr']} does not fit the return and period ({want:.5f})")
    if "max_drawdown" in f:
        if not -1 < f["max_drawdown"] < 1:
            fail(iid, "drawdown of 100 % or more")
        if f["total_return"] < 0 and abs(f["max_drawdown"]) < -f["total_return"]:
            fail(iid, "drawdown shallower than the final loss")
    if strat == "buy_and_hold":
        if f.get("buy_hold_return") != f["total_return"]:
            fail(iid, "buy_and_hold needs buy_hold_return equal to total_return")
        for k in ("trades", "win_rate", "profit_factor", "exposure"):
            if k in f:
                fail(iid, f"buy_and_hold carries {k}")
    return True


def value_of(f, kpi):
    """The correct value of a KPI in fact units; KeyError if it cannot be computed."""
    if kpi.startswith("params."):
        return f["params"][kpi[len("params."):]]
    if kpi == "excess_return":
        return f["total_return"] - f["buy_hold_return"]
    if kpi == "equity_multiple":
        if "initial_cash" in f:
            return f["final_equity"] / f["initial_cash"]
        return 1 + f["total_return"]
    if kpi == "net_profit":
        return f["final_equity"] - f["initial_cash"]
    if kpi in SPEC_ORDER:
        return f[kpi]
    raise KeyError(kpi)


# ---------------------------------------------------------------- reading listed strings only
EN_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
EN_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
KO_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60,
           "일흔": 70, "여든": 80, "아흔": 90}
KO_UNITS = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4,
            "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}
KO_SCALE = {"조": 1e12, "억": 1e8, "만": 1e4}
UNITS = {  # attached unit -> (factor, is a rate unit)
    "": (1.0, False), "%": (0.01, True), "%p": (0.01, True), "pp": (0.01, True),
    "bp": (1e-4, True), "bps": (1e-4, True), "퍼센트": (0.01, True), "%포인트": (0.01, True),
    "k": (1e3, False), "K": (1e3, False), "M": (1e6, False), "mn": (1e6, False),
    "m": (1e6, False), "bn": (1e9, False), "million": (1e6, False), "billion": (1e9, False),
    "trillion": (1e12, False), "x": (1.0, False), "배": (1.0, False), "회": (1.0, False),
    "번": (1.0, False), "건": (1.0, False), "trades": (1.0, False), "원": (1.0, False),
    "달러": (1.0, False), "일": (1.0, False), "σ": (1.0, False), "일선": (1.0, False),
}


def shown_decimals(digits):
    return len(digits.split(".")[1]) if "." in digits else 0


def read_english_words(s):
    """'twelve point four' -> (12.4, 0.05); 'two hundred ninety thousand' -> (290000, 5000).
    For spelled-out integers the tolerance is half the place of the last non-zero digit, which is
    the widest reasonable reading (it only makes a label harder to prove wrong)."""
    words = s.lower().replace("-", " ").replace(",", " ").split()
    if not words:
        return None
    sign = 1.0
    if words[0] in ("minus", "negative"):
        sign, words = -1.0, words[1:]
    if "point" in words:
        i = words.index("point")
        whole, frac = words[:i], words[i + 1:]
    else:
        whole, frac = words, []
    total, group, seen = 0.0, 0.0, False
    for w in whole:
        if w == "and":
            continue
        if w == "a" and not seen:
            group, seen = 1.0, True
        elif w in EN_SMALL:
            group += EN_SMALL[w]
            seen = True
        elif w in EN_TENS:
            group += EN_TENS[w]
            seen = True
        elif w == "hundred":
            group = (group or 1.0) * 100
            seen = True
        elif w in EN_SCALES:
            total += (group or 1.0) * EN_SCALES[w]
            group, seen = 0.0, True
        else:
            return None
    if not seen and not frac:
        return None
    value = total + group
    if frac:
        if not all(w in EN_SMALL and EN_SMALL[w] < 10 for w in frac):
            return None
        digits = "".join(str(EN_SMALL[w]) for w in frac)
        return sign * float(f"{int(value)}.{digits}"), 0.5 * 10 ** -len(digits)
    place = 1
    n = int(round(value))
    while n and n % 10 == 0:
        n //= 10
        place *= 10
    return sign * value, 0.5 * place


def read_korean_native(s):
    """'스물한', '열아홉', '서른' (+ optional 번/회/건) -> int or None."""
    s = re.sub(r"\s*(번|회|건)$", "", s.replace(" ", ""))
    v = 0
    for w in sorted(KO_TENS, key=len, reverse=True):
        if s.startswith(w):
            v, s = KO_TENS[w], s[len(w):]
            break
    if s:
        if s not in KO_UNITS:
            return None
        v += KO_UNITS[s]
    return v or None


def read_label(label, kpi):
    """(value in fact units, half-unit tolerance) for a listed string, or None."""
    s = label.strip().replace("\u2212", "-")
    rate = kpi in RATE_KPIS
    if re.fullmatch(r"[A-Za-z ,-]+", s):
        got = read_english_words(s)
        if got is None:
            return None
        v, tol = got
        return (v * 0.01, tol * 0.01) if rate else (v, tol)
    if re.fullmatch(r"[가-힣 ]+", s):
        n = read_korean_native(s)
        return None if n is None else (float(n), 0.5)
    sign = 1.0
    if s[:1] in "+-":
        sign, s = (-1.0 if s[0] == "-" else 1.0), s[1:]
    s = re.sub(r"^(\$|USD ?|KRW ?|₩)", "", s)
    if re.search(r"[조억만]|\d천", s):  # Korean compound: 1억 3,127만, 5천만, 1.6조, 4,144만 5천
        s = re.sub(r"\s*(원|달러)$", "", s)
        total, group, pos, tol = 0.0, 0.0, 0, 0.5
        for m in re.finditer(r"\s*(\d[\d,]*(?:\.\d+)?)(천)?\s*(조|억|만)?", s):
            if m.start() != pos:
                return None
            pos = m.end()
            digits, cheon, big = m.groups()
            v = float(digits.replace(",", "")) * (1000 if cheon else 1)
            unit = (1000 if cheon else 1) * (KO_SCALE[big] if big else 1)
            tol = 0.5 * 10 ** -shown_decimals(digits) * unit
            if big:
                total += (group + v) * KO_SCALE[big]
                group = 0.0
            else:
                group += v
        if pos != len(s) or pos == 0:
            return None
        return sign * (total + group), tol
    m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*(.*)", s)
    if not m:
        return None
    digits, unit = m.groups()
    if unit not in UNITS:
        return None
    factor, rate_unit = UNITS[unit]
    if rate and not rate_unit:
        if unit:
            return None
        factor = 0.01  # bare number; "percent"/"points" follows after a space
    if not rate and rate_unit:
        return None
    v = float(digits.replace(",", ""))
    return sign * v * factor, 0.5 * 10 ** -shown_decimals(digits) * factor


def year_in(label):
    """The year a date label names: 2019, 2019년, 2019.01.02, 01/02/2019, FY2019, '19, 19년,
    19.01.02, Jan '19."""
    s = label.strip()
    m = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", s)
    if m:
        return int(m.group(0))
    for pat in (r"^(\d{2})\.\d{1,2}\.\d{1,2}$", r"'(\d{2})(?!\d)", r"^(\d{2})년", r"^FY(\d{2})$"):
        m = re.search(pat, s)
        if m:
            return 2000 + int(m.group(1))
    return None


# ---------------------------------------------------------------- items
def context(text, number):
    i = text.find(number)
    return text[max(0, i - 16):i].lower(), text[i + len(number):i + len(number) + 8].lower()


def hedged_wide(text, number):
    before, after = context(text, number)
    return any(h in before for h in WIDE_BEFORE) or any(h in after for h in WIDE_AFTER)


def occurs_once(iid, text, number):
    if not number or number != number.strip():
        fail(iid, f"label {number!r} is empty or has outer whitespace")
        return False
    n = text.count(number)
    if n != 1:
        fail(iid, f"{number!r} occurs {n} times in the text; it must occur exactly once")
        return False
    i = text.find(number)
    j = i + len(number)
    if number[0].isdigit() and i > 0 and re.match(r"[\d.,]", text[i - 1]):
        fail(iid, f"{number!r} is cut out of a longer number")
    if number[-1].isdigit() and re.match(r"\d|[.,]\d", text[j:j + 2]):
        fail(iid, f"{number!r} is cut out of a longer number")
    if number[0].isalpha() and i > 0 and text[i - 1].isalpha() and number.isascii():
        fail(iid, f"{number!r} is cut out of a longer word")
    return True


def check_error(iid, text, f, e):
    if not isinstance(e, tuple) or len(e) not in (4, 5):
        fail(iid, f"error {e!r} must be (number, kpi, true, kind[, sign])")
        return None
    number, kpi, true, kind = e[:4]
    sign = e[4] if len(e) == 5 else 1
    if sign not in (1, -1):
        fail(iid, f"claimed sign {sign!r} must be 1 or -1")
    if kind not in KINDS:
        fail(iid, f"unknown kind {kind!r}")
    if not occurs_once(iid, text, number):
        return kind
    if kpi in ("symbol", "strategy"):
        fail(iid, "symbol and strategy are never labelled")
        return kind
    if not (kpi in SPEC_ORDER or kpi in DERIVED or kpi.startswith("params.")):
        fail(iid, f"kpi {kpi!r} is not a fact key, params.<name> or derived name")
        return kind
    try:
        want = value_of(f, kpi)
    except KeyError:
        fail(iid, f"kpi {kpi!r} cannot be computed from these facts")
        return kind
    if kpi in ("start", "end"):
        if true != want:
            fail(iid, f"true {true!r} is not the {kpi} {want!r}")
        y = year_in(number)
        if y is None:
            fail(iid, f"date label {number!r} names no year")
        elif y == int(want[:4]):
            fail(iid, f"date label {number!r} names the right year")
        return kind
    if not is_num(true) or not math.isclose(true, want, rel_tol=1e-6, abs_tol=1e-6):
        fail(iid, f"true {true!r} is not the computed {kpi} {want!r}")
    got = read_label(number, kpi)
    if got is None:
        fail(iid, f"cannot read label {number!r} as {kpi}")
        return kind
    v, tol = got
    v *= sign
    w = float(want)
    if kpi == "max_drawdown":
        v, w = abs(v), abs(w)
    if hedged_wide(text, number):
        tol = max(tol, 0.05 * abs(w))
    if abs(v - w) <= tol + EPS:
        fail(iid, f"label {number!r} reads {v}, within {tol:g} of the true {w}: not an error")
    return kind


def check_listed(iid, item, entry, mode):
    """BOUNDARY: correct, exactly half a unit from the fact, no hedge. HEDGED: after a spec
    hedge word, outside half a unit, inside 5 %."""
    text, f = item["text"], item["facts"]
    number, kpi = entry[0], entry[1]
    sign = entry[2] if len(entry) > 2 else 1
    if number in {e["number"] for e in item["errors"]}:
        fail(iid, f"{mode} {number!r} is also an error label")
    if not occurs_once(iid, text, number):
        return
    try:
        w = float(value_of(f, kpi))
    except KeyError:
        fail(iid, f"{mode} kpi {kpi!r} cannot be computed")
        return
    got = read_label(number, kpi)
    if got is None:
        fail(iid, f"cannot read {mode} {number!r}")
        return
    v, tol = got
    v *= sign
    if kpi == "max_drawdown":
        v, w = abs(v), abs(w)
    d = abs(v - w)
    if mode == "BOUNDARY":
        if hedged_wide(text, number):
            fail(iid, f"BOUNDARY {number!r} has a hedge word next to it")
        if d > tol + EPS:
            fail(iid, f"BOUNDARY {number!r} = {v} is more than {tol:g} from {w}")
        elif abs(d - tol) > 1e-7 * max(1.0, abs(w)):
            fail(iid, f"BOUNDARY {number!r} = {v} is not exactly half a unit from {w}")
    else:
        before, _ = context(text, number)
        if not any(before.rstrip().endswith(h) for h in SPEC_HEDGES):
            fail(iid, f"HEDGED {number!r} does not follow 약/about/approximately/~/대략")
        if d <= tol + EPS:
            fail(iid, f"HEDGED {number!r} passes the strict test; it needs no 5 % rule")
        if d > 0.05 * abs(w) + EPS:
            fail(iid, f"HEDGED {number!r} = {v} is more than 5 % from {w}")


def build():
    import src
    items, tally = [], []
    for n, entry in enumerate(src.ITEMS, 1):
        if not isinstance(entry, tuple) or len(entry) != 5:
            fail(f"entry {n}", "must be (id, lang, facts, text, errors)")
            continue
        iid, lang, f, text, errs = entry
        if iid != f"{PREFIX}_{n:03d}":
            fail(iid, f"expected id {PREFIX}_{n:03d}")
        if lang not in ("ko", "en"):
            fail(iid, f"lang {lang!r}")
        if not isinstance(text, str) or not text:
            fail(iid, "text must be a non-empty string")
            continue
        if (lang == "ko") != bool(re.search(r"[\uac00-\ud7a3]", text)):
            fail(iid, f"lang {lang!r} does not match the script of the text")
        if text != text.strip() or re.search(r"[ \t]\n", text):
            fail(iid, "stray whitespace at the end of the text or of a line")
        facts_ok = check_facts(iid, f)
        if not isinstance(errs, list) or len(errs) > 3:
            fail(iid, "errors must be a list of at most 3")
            errs = []
        if len({e[0] for e in errs}) != len(errs):
            fail(iid, "the same label twice")
        for e in errs:
            if facts_ok:
                tally.append((lang, check_error(iid, text, f, e), e[1]))
        items.append({"id": iid, "lang": lang, "facts": f, "text": text,
                      "errors": [{"number": e[0], "kpi": e[1], "true": e[2]} for e in errs]})
    ids = [i["id"] for i in items]
    if len(set(ids)) != len(ids):
        fail("src", "duplicate ids")
    texts = [i["text"] for i in items]
    if len(set(texts)) != len(texts):
        fail("src", "duplicate texts")
    by_id = {i["id"]: i for i in items}
    for mode, listed in (("BOUNDARY", src.BOUNDARY), ("HEDGED", src.HEDGED)):
        seen = set()
        for entry in listed:
            if entry[:2] in seen:
                fail(mode, f"{entry[:2]} listed twice")
            seen.add(entry[:2])
            if entry[0] not in by_id:
                fail(mode, f"unknown id {entry[0]!r}")
                continue
            check_listed(entry[0], by_id[entry[0]], entry[1:], mode)
    if len(items) != N_ITEMS:
        fail("src", f"{len(items)} items, expected {N_ITEMS}")
    for lang in ("ko", "en"):
        part = [i for i in items if i["lang"] == lang]
        if len(part) != N_ITEMS // 2:
            fail("src", f"{len(part)} {lang} items, expected {N_ITEMS // 2}")
        k = sum(bool(i["errors"]) for i in part)
        if part and not 0.4 <= k / len(part) <= 0.6:
            fail("src", f"{lang}: {k}/{len(part)} items with errors, outside 40-60 %")
    return items, tally, src


def serialise(items):
    out = []
    for it in items:
        obj = {k: it[k] for k in FIELDS}
        line = json.dumps(obj, ensure_ascii=False)
        back = json.loads(line)
        if back != obj or list(back) != FIELDS or any(list(e) != ERROR_FIELDS
                                                      for e in back["errors"]):
            fail(it["id"], "JSON round trip changed the item")
        out.append(line)
    return "\n".join(out) + "\n"


def sha(name):
    path = os.path.join(HERE, name)
    if not os.path.exists(path):
        return "(missing)"
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def stats(items, tally, src):
    for lang in ("ko", "en", None):
        part = [i for i in items if lang is None or i["lang"] == lang]
        per = Counter(len(i["errors"]) for i in part if i["errors"])
        print(f"{lang or 'total'}: {len(part)} items, {sum(per.values())} with errors "
              f"(1/2/3 errors: {per[1]}/{per[2]}/{per[3]}), "
              f"{len(part) - sum(per.values())} fully correct, "
              f"{sum(len(i['errors']) for i in part)} wrong numbers")
    for lang in ("ko", "en", None):
        c = Counter(k for la, k, _ in tally if lang is None or la == lang)
        print(f"kinds {lang or 'total'}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    c = Counter(kpi for _, _, kpi in tally)
    print("kpis: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    print(f"boundary numbers {len(src.BOUNDARY)}, hedged numbers {len(src.HEDGED)}")
    print(f"sha256 {OUT} {sha(OUT)}")
    print(f"sha256 src.py {sha('src.py')}")


def main():
    items, tally, src = build()
    data = serialise(items) if not problems else ""
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s); nothing written")
        sys.exit(1)
    if "--check" not in sys.argv:
        path = os.path.join(HERE, OUT)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(data)
        with open(path, encoding="utf-8") as fh:
            if [json.loads(line) for line in fh] != [{k: i[k] for k in FIELDS} for i in items]:
                print(f"{OUT} does not read back identically")
                sys.exit(1)
    print("ok")
    if "--stats" in sys.argv:
        stats(items, tally, src)


if __name__ == "__main__":
    main()
