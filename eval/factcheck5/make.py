#!/usr/bin/env python3
"""Validate eval/factcheck5/src.py and write eval/factcheck5/heldout.jsonl.

    python3 eval/factcheck5/make.py           # validate, then write heldout.jsonl
    python3 eval/factcheck5/make.py --check   # validate only, write nothing
    python3 eval/factcheck5/make.py --stats   # validate, write, print counts and the sha256

Nothing is written when a check fails. The script never creates or edits a text. The only numbers it
parses are the labelled wrong ones (errors[].number) and the few correct numbers listed in BOUNDARY
and HEDGED, to prove that each label really is wrong and each listed case really is correct. It
contains no logic for the other correct numbers of a text.
"""
import datetime as dt
import hashlib
import json
import math
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # leave no __pycache__ next to the sources

PREFIX, N_LINES, OUT = "fc_q", 80, "heldout.jsonl"

FACT_ORDER = ["symbol", "strategy", "params", "start", "end", "initial_cash", "final_equity",
              "total_return", "cagr", "sharpe", "sortino", "max_drawdown", "volatility",
              "win_rate", "trades", "profit_factor", "exposure", "buy_hold_return"]
FACT_KEYS = set(FACT_ORDER)
REQUIRED = {"symbol", "strategy", "start", "end", "total_return"}
PARAMS = {  # parameter names per strategy (buy_and_hold has none)
    "sma_cross": {"fast", "slow"},
    "ema_cross": {"fast", "slow"},
    "rsi_reversion": {"period", "lower", "upper"},
    "bollinger_breakout": {"period", "k"},
    "bollinger_reversion": {"period", "k"},
    "macd_cross": {"fast", "slow", "signal"},
    "buy_and_hold": set(),
}
RATE_KEYS = {"total_return", "cagr", "max_drawdown", "volatility", "win_rate", "exposure",
             "buy_hold_return"}
DERIVED = {"excess_return", "equity_multiple", "net_profit"}
RATE_KPIS = RATE_KEYS | {"excess_return"}
KINDS = {"swap", "sign", "attribution", "scale10", "rounding", "excess", "trades", "date",
         "param", "approx", "multiple", "other"}
# A hedge word next to a label widens its tolerance to 5 %. This list is wider than the spec's
# (약, about, approximately, ~, 대략) on purpose: a wider list only makes it harder to prove a label
# wrong. HEDGED cases, in contrast, must follow one of the spec's own words.
HEDGES_BEFORE = ("약", "about", "approximately", "approx", "~", "대략", "roughly", "around",
                 "nearly", "almost", "close to", "some ", "거의", "한 ", "call it")
HEDGES_AFTER = ("정도", "가량", "안팎", "남짓", "쯤", "내외", "가까이", "ish")
SPEC_HEDGES = ("약", "about", "approximately", "~", "대략")
ITEM_FIELDS = ["id", "lang", "facts", "text", "errors"]
ERROR_FIELDS = ["number", "kpi", "true"]
EPS = 1e-9

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


def years(f):
    return (dt.date.fromisoformat(f["end"]) - dt.date.fromisoformat(f["start"])).days / 365.25


# ------------------------------------------------------------------ facts
def check_facts(iid, f):
    if not isinstance(f, dict):
        bad(iid, "facts is not a dict")
        return
    keys = list(f)
    for k in keys:
        if k not in FACT_KEYS:
            bad(iid, f"unknown fact key {k!r}")
    if [k for k in FACT_ORDER if k in f] != keys:
        bad(iid, "fact keys not in spec order")
    for k in REQUIRED - set(f):
        bad(iid, f"required fact {k!r} missing")
    strat = f.get("strategy")
    if strat not in PARAMS:
        bad(iid, f"unknown strategy {strat!r}")
        return
    sym = f.get("symbol", "")
    if not (re.fullmatch(r"\d{6}", sym) or re.fullmatch(r"[A-Z]{1,5}", sym)):
        bad(iid, f"bad symbol {sym!r}")
    try:
        d0, d1 = dt.date.fromisoformat(f["start"]), dt.date.fromisoformat(f["end"])
    except (ValueError, KeyError, TypeError):
        bad(iid, "start/end not ISO dates")
        return
    if d0 >= d1:
        bad(iid, "start is not before end")
    if d0.weekday() > 4 or d1.weekday() > 4:
        bad(iid, "start or end falls on a weekend")
    want_params = PARAMS[strat]
    if want_params:
        p = f.get("params")
        if not isinstance(p, dict) or set(p) != want_params:
            bad(iid, f"params {p!r} do not fit {strat} ({sorted(want_params)})")
        elif not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0
                     for v in p.values()):
            bad(iid, "params must be positive numbers")
        elif "fast" in p and p["fast"] >= p["slow"]:
            bad(iid, "fast >= slow")
        elif "lower" in p and not 0 < p["lower"] < p["upper"] < 100:
            bad(iid, "RSI thresholds not 0 < lower < upper < 100")
    elif "params" in f:
        bad(iid, "buy_and_hold should have no params")
    for k in RATE_KEYS | {"sharpe", "sortino", "profit_factor", "initial_cash", "final_equity"}:
        if k in f and (not isinstance(f[k], (int, float)) or isinstance(f[k], bool)):
            bad(iid, f"{k} not numeric")
            return
    for k in ("win_rate", "exposure"):
        if k in f and not 0 <= f[k] <= 1:
            bad(iid, f"{k} not a fraction")
    if "volatility" in f and not 0 < f["volatility"] < 2:
        bad(iid, "volatility not a plausible fraction")
    if "profit_factor" in f and f["profit_factor"] <= 0:
        bad(iid, "profit factor <= 0")
    if "trades" in f:
        if not (isinstance(f["trades"], int) and not isinstance(f["trades"], bool)
                and f["trades"] >= 1):
            bad(iid, "trades not a positive int")
        elif "win_rate" in f:
            wins = f["win_rate"] * f["trades"]
            if abs(wins - round(wins)) > 0.01:
                bad(iid, f"win_rate {f['win_rate']} is not k/{f['trades']}")
    elif "win_rate" in f:
        bad(iid, "win_rate without trades")
    if f["total_return"] <= -1:
        bad(iid, "total return <= -100 %")
    if ("initial_cash" in f) != ("final_equity" in f):
        bad(iid, "initial_cash and final_equity must come together")
    if "initial_cash" in f:
        want = f["initial_cash"] * (1 + f["total_return"])
        if not math.isclose(f["final_equity"], want, rel_tol=1e-9, abs_tol=0.005):
            bad(iid, f"final_equity {f['final_equity']} != initial_cash*(1+total_return) = {want}")
        krw = bool(re.fullmatch(r"\d{6}", sym))
        if krw and f["initial_cash"] < 1_000_000:
            bad(iid, "KRW book below 1 million won looks like a currency mix-up")
        if not krw and f["initial_cash"] > 100_000_000:
            bad(iid, "USD book above 100 million looks like a currency mix-up")
    if "cagr" in f:
        want = (1 + f["total_return"]) ** (1 / years(f)) - 1
        if abs(want - f["cagr"]) > 0.0001:
            bad(iid, f"cagr {f['cagr']} inconsistent with return and period ({want:.5f})")
    if "max_drawdown" in f:
        if abs(f["max_drawdown"]) >= 1:
            bad(iid, "drawdown of 100 % or more")
        if f["total_return"] < 0 and abs(f["max_drawdown"]) < -f["total_return"]:
            bad(iid, "drawdown shallower than the final loss")
    if strat == "buy_and_hold":
        if f.get("buy_hold_return") != f["total_return"]:
            bad(iid, "buy_and_hold needs buy_hold_return == total_return")
        for k in ("trades", "win_rate", "profit_factor", "exposure"):
            if k in f:
                bad(iid, f"buy_and_hold line carries {k}")


def true_value(f, kpi):
    if kpi.startswith("params."):
        return f["params"][kpi.split(".", 1)[1]]
    if kpi == "excess_return":
        return f["total_return"] - f["buy_hold_return"]
    if kpi == "equity_multiple":
        return f["final_equity"] / f["initial_cash"] if "initial_cash" in f else 1 + f["total_return"]
    if kpi == "net_profit":
        return f["final_equity"] - f["initial_cash"]
    if kpi in FACT_KEYS:
        return f[kpi]
    raise KeyError(kpi)


# ------------------------------------------------------------------ parsing listed strings only
EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
KO_NATIVE = {  # Korean native numerals for counts (열두 번, 스물여덟 번)
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4, "다섯": 5,
    "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스물": 20, "스무": 20, "서른": 30,
    "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90,
}
KO_BIG = {"조": 1e12, "억": 1e8, "만": 1e4}
SUFFIX = {  # attached or included unit -> (scale, is_rate_unit)
    "%": (0.01, True), "%p": (0.01, True), "pp": (0.01, True), "bp": (1e-4, True),
    "percent": (0.01, True), "퍼센트": (0.01, True), "포인트": (0.01, True),
    "k": (1e3, False), "K": (1e3, False), "M": (1e6, False), "mn": (1e6, False),
    "million": (1e6, False), "billion": (1e9, False), "bn": (1e9, False),
    "trillion": (1e12, False), "x": (1.0, False), "배": (1.0, False), "회": (1.0, False),
    "번": (1.0, False), "건": (1.0, False), "원": (1.0, False), "달러": (1.0, False),
    "일": (1.0, False), "σ": (1.0, False), "": (1.0, False),
}


def decimals(num):
    return len(num.split(".")[1]) if "." in num else 0


def parse_ko_native(s):
    """'열두', '스물여덟', '서른다섯' -> int, or None."""
    s = s.replace(" ", "")
    v, pos = 0, 0
    tens = [w for w in KO_NATIVE if KO_NATIVE[w] >= 10]
    units = [w for w in KO_NATIVE if KO_NATIVE[w] < 10]
    for w in sorted(tens, key=len, reverse=True):
        if s.startswith(w):
            v, pos = KO_NATIVE[w], len(w)
            break
    rest = s[pos:]
    if rest:
        if rest not in units:
            return None
        v += KO_NATIVE[rest]
    return v or None


def parse_number(label, kpi):
    """(value in fact units, half-unit tolerance) for a listed string, or None."""
    s = label.strip().replace("\u2212", "-")
    rate = kpi in RATE_KPIS
    m = re.fullmatch(r"([a-z -]+?)(?:\s+(percent|percentage points|points))?", s.lower())
    if m:
        words = m.group(1).replace("-", " ").split()
        if words and all(w in EN_WORDS for w in words):
            v = 0
            for w in words:
                v = v * EN_WORDS[w] if w == "hundred" else v + EN_WORDS[w]
            scale = 0.01 if rate else 1.0
            return float(v) * scale, 0.5 * scale
    m = re.fullmatch(r"([가-힣 ]+?)\s*(번|회|건)?", s)
    if m and parse_ko_native(m.group(1)) is not None:
        return float(parse_ko_native(m.group(1))), 0.5
    sign = 1.0
    if s[:1] in "+-":
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    s = re.sub(r"^(\$|USD\s*|KRW\s*|₩)", "", s)
    if re.search(r"[조억만천]", s):  # Korean compound amount: 1억 2천만, 22억 8,240만
        s = re.sub(r"\s*(원|달러)$", "", s)
        total, group, last_scale, last_dec, pos = 0.0, 0.0, 1.0, 0, 0
        for m in re.finditer(r"\s*([\d,]*\.?\d+)(천)?\s*(조|억|만)?", s):
            if m.start() != pos:
                return None
            pos = m.end()
            num, cheon, big = m.groups()
            v = float(num.replace(",", "")) * (1000 if cheon else 1)
            if big:
                total += (group + v) * KO_BIG[big]
                group = 0.0
                last_scale = KO_BIG[big] * (1000 if cheon else 1)
            else:
                group += v
                last_scale = 1000 if cheon else 1
            last_dec = decimals(num)
        if pos != len(s):
            return None
        return sign * (total + group), 0.5 * 10 ** -last_dec * last_scale
    m = re.fullmatch(r"([\d,]*\.?\d+)\s*(.*)", s)
    if not m:
        return None
    num, unit = m.groups()
    if unit not in SUFFIX:
        return None
    scale, is_rate = SUFFIX[unit]
    if rate and not is_rate:
        if unit != "":
            return None
        scale = 0.01  # bare number whose "points"/"percent" follows after a space or is implied
    if not rate and is_rate:
        return None
    v = float(num.replace(",", ""))
    return sign * v * scale, 0.5 * 10 ** -decimals(num) * scale


def label_year(label):
    """The year a date label states: 2020, 2020년, FY2021, H1 2021, 03/23/2020, '20, '20년,
    20년, 20.03.23, Jan '19, 1H21."""
    s = label.strip()
    if re.fullmatch(r"\d{2}\.\d{1,2}\.\d{1,2}", s):
        return 2000 + int(s[:2])
    m = re.search(r"(?<!\d)(19|20)(\d{2})(?!\d)", s)
    if m:
        return int(m.group(1) + m.group(2))
    for pat in (r"'(\d{2})(?!\d)", r"^(\d{2})년", r"^[12]H(\d{2})$", r"^FY(\d{2})$"):
        m = re.search(pat, s)
        if m:
            return 2000 + int(m.group(1))
    return None


# ------------------------------------------------------------------ items
def before_after(text, number):
    i = text.find(number)
    return text[:i][-14:].lower(), text[i + len(number):][:6].lower()


def hedged(text, number):
    before, after = before_after(text, number)
    return any(h in before for h in HEDGES_BEFORE) or any(h in after for h in HEDGES_AFTER)


def occurs_once_whole(iid, text, number):
    if number != number.strip() or not number:
        bad(iid, f"string {number!r} has surrounding whitespace")
        return False
    n = text.count(number)
    if n != 1:
        bad(iid, f"{number!r} occurs {n} times in the text (need exactly 1)")
        return False
    i = text.find(number)
    if (i > 0 and re.match(r"[\d.,]", text[i - 1]) and number[0].isdigit()) or \
            (i + len(number) < len(text) and number[-1].isdigit()
             and re.match(r"\d|[.,]\d", text[i + len(number):i + len(number) + 2])):
        bad(iid, f"{number!r} is part of a longer number")
    return True


def check_error(iid, text, f, raw):
    if len(raw) not in (4, 5):
        bad(iid, f"error tuple {raw!r} needs 4 or 5 fields")
        return None
    number, kpi, true, kind = raw[:4]
    claimed_sign = raw[4] if len(raw) == 5 else 1
    if claimed_sign not in (1, -1):
        bad(iid, f"claimed sign {claimed_sign!r} must be 1 or -1")
    if not occurs_once_whole(iid, text, number):
        return kind
    if kind not in KINDS:
        bad(iid, f"unknown error kind {kind!r}")
    if not (kpi in FACT_KEYS or kpi in DERIVED or kpi.startswith("params.")):
        bad(iid, f"kpi {kpi!r} is not a fact key, params.<name> or derived name")
        return kind
    if kpi in ("symbol", "strategy"):
        bad(iid, "symbol/strategy are never labelled")
        return kind
    try:
        want = true_value(f, kpi)
    except KeyError:
        bad(iid, f"kpi {kpi!r} cannot be computed from the facts")
        return kind
    if kpi in ("start", "end"):
        if true != want:
            bad(iid, f"true {true!r} != {kpi} {want!r}")
        y = label_year(number)
        if y is None:
            bad(iid, f"date label {number!r} has no year token")
        elif y == int(want[:4]):
            bad(iid, f"date label {number!r} has the right year")
        return kind
    if isinstance(true, (str, bool)) or not math.isclose(true, want, rel_tol=1e-6, abs_tol=1e-6):
        bad(iid, f"true {true!r} != computed {kpi} {want!r}")
    parsed = parse_number(number, kpi)
    if parsed is None:
        bad(iid, f"cannot parse label {number!r}")
        return kind
    v, tol = parsed
    v *= claimed_sign
    w = float(want)
    if kpi == "max_drawdown":
        v, w = abs(v), abs(w)
    if hedged(text, number):
        tol = max(tol, 0.05 * abs(w))
    if abs(v - w) <= tol + EPS:
        bad(iid, f"label {number!r} = {v} is within {tol} of the true {kpi} {w}: not an error")
    return kind


def check_listed_correct(iid, text, f, raw, mode, labels):
    """BOUNDARY: correct and exactly half a unit off. HEDGED: wrong strictly, correct within 5 %
    after one of the spec's hedge words."""
    number, kpi = raw[0], raw[1]
    claimed_sign = raw[2] if len(raw) > 2 else 1
    if number in labels:
        bad(iid, f"{mode} {number!r} is also an error label")
    if not occurs_once_whole(iid, text, number):
        return
    parsed = parse_number(number, kpi)
    if parsed is None:
        bad(iid, f"cannot parse {mode} {number!r}")
        return
    v, tol = parsed
    v *= claimed_sign
    w = float(true_value(f, kpi))
    if kpi == "max_drawdown":
        v, w = abs(v), abs(w)
    d = abs(v - w)
    if mode == "BOUNDARY":
        if hedged(text, number):
            bad(iid, f"BOUNDARY {number!r} is hedged; it should rest on the half-unit rule alone")
        if d > tol + EPS:
            bad(iid, f"BOUNDARY {number!r} = {v} is more than {tol} from {w}: it would be an error")
        elif abs(d - tol) > 1e-7 * max(1.0, abs(w)):
            bad(iid, f"BOUNDARY {number!r} = {v} is not exactly half a unit from {w}")
    else:
        before, _ = before_after(text, number)
        if not any(before.rstrip().endswith(h) for h in SPEC_HEDGES):
            bad(iid, f"HEDGED {number!r} does not follow 약/about/approximately/~/대략")
        if d <= tol + EPS:
            bad(iid, f"HEDGED {number!r} passes the strict test too; it does not need the 5 % rule")
        if d > 0.05 * abs(w) + EPS:
            bad(iid, f"HEDGED {number!r} = {v} is more than 5 % from {w}: it would be an error")


def build():
    import src
    items, kinds = [], []
    ids = []
    for n, entry in enumerate(src.ITEMS, 1):
        if len(entry) != 5:
            bad(f"item {n}", "needs (id, lang, facts, text, errors)")
            continue
        iid, lang, f, text, errs = entry
        ids.append(iid)
        if iid != f"{PREFIX}_{n:03d}":
            bad(iid, f"expected id {PREFIX}_{n:03d}")
        check_facts(iid, f)
        if lang not in ("ko", "en"):
            bad(iid, f"bad lang {lang!r}")
        hangul = re.search(r"[\uac00-\ud7a3]", text) is not None
        if (lang == "ko") != hangul:
            bad(iid, f"lang {lang!r} does not match the script")
        if text != text.strip() or re.search(r"[ \t]\n", text):
            bad(iid, "stray whitespace at the ends of the text or of a line")
        if len(errs) > 3:
            bad(iid, "more than 3 errors")
        if len({e[0] for e in errs}) != len(errs):
            bad(iid, "same label twice")
        for e in errs:
            kinds.append((lang, check_error(iid, text, f, e), e[1]))
        items.append({"id": iid, "lang": lang, "facts": f, "text": text,
                      "errors": [{"number": e[0], "kpi": e[1], "true": e[2]} for e in errs]})
    if len(set(ids)) != len(ids):
        bad("src", "duplicate ids")
    by_id = {it["id"]: it for it in items}
    for mode, listed in (("BOUNDARY", src.BOUNDARY), ("HEDGED", src.HEDGED)):
        for raw in listed:
            it = by_id.get(raw[0])
            if it is None:
                bad(mode, f"unknown id {raw[0]!r}")
                continue
            check_listed_correct(raw[0], it["text"], it["facts"], raw[1:], mode,
                                 {e["number"] for e in it["errors"]})
    if len(items) != N_LINES:
        bad("src", f"{len(items)} lines, expected {N_LINES}")
    ko = sum(i["lang"] == "ko" for i in items)
    if ko != N_LINES // 2:
        bad("src", f"{ko} Korean lines, expected {N_LINES // 2}")
    with_err = sum(bool(i["errors"]) for i in items)
    if not 0.4 <= with_err / max(1, len(items)) <= 0.6:
        bad("src", f"{with_err} lines with errors: outside 40-60 %")
    for lang in ("ko", "en"):
        part = [i for i in items if i["lang"] == lang]
        e = sum(bool(i["errors"]) for i in part)
        if part and not 0.4 <= e / len(part) <= 0.6:
            bad("src", f"{lang}: {e}/{len(part)} lines with errors, outside 40-60 %")
    texts = [i["text"] for i in items]
    if len(set(texts)) != len(texts):
        bad("src", "duplicate texts")
    return items, kinds, src


def serialise(items):
    lines = []
    for it in items:
        obj = {k: it[k] for k in ITEM_FIELDS}
        line = json.dumps(obj, ensure_ascii=False)
        back = json.loads(line)
        if back != obj or list(back) != ITEM_FIELDS or \
                any(list(e) != ERROR_FIELDS for e in back["errors"]):
            bad(it["id"], "JSON round trip changed the line")
        if "\n" in line:
            bad(it["id"], "serialised line contains a raw newline")
        lines.append(line)
    return "\n".join(lines) + "\n"


def print_stats(items, kinds, src):
    for lang in ("ko", "en", None):
        part = [i for i in items if lang is None or i["lang"] == lang]
        per = Counter(len(i["errors"]) for i in part if i["errors"])
        print(f"{lang or 'total'}: {len(part)} lines, with errors {sum(per.values())} "
              f"(1 error: {per[1]}, 2: {per[2]}, 3: {per[3]}), "
              f"fully correct {len(part) - sum(per.values())}, "
              f"wrong numbers {sum(len(i['errors']) for i in part)}")
    for lang in ("ko", "en", None):
        kl = Counter(k for la, k, _ in kinds if lang is None or la == lang)
        print(f"kinds {lang or 'total'}: " + ", ".join(f"{k} {v}" for k, v in kl.most_common()))
    print("kpis: " + ", ".join(f"{k} {v}" for k, v in Counter(kp for _, _, kp in kinds).most_common()))
    print(f"boundary cases {len(src.BOUNDARY)}, hedged-only cases {len(src.HEDGED)}")
    path = os.path.join(HERE, OUT)
    if os.path.exists(path):
        with open(path, "rb") as fh:
            print(f"sha256 {OUT} {hashlib.sha256(fh.read()).hexdigest()}")


def main():
    items, kinds, src = build()
    data = serialise(items) if not problems else ""
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s); nothing written")
        sys.exit(1)
    if "--check" not in sys.argv:
        path = os.path.join(HERE, OUT)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(data)
        with open(path, encoding="utf-8") as fh:  # the file on disk is what was validated
            back = [json.loads(line) for line in fh]
        if back != [{k: it[k] for k in ITEM_FIELDS} for it in items]:
            print(f"{OUT} does not read back identically")
            sys.exit(1)
    print("ok")
    if "--stats" in sys.argv:
        print_stats(items, kinds, src)


if __name__ == "__main__":
    main()
