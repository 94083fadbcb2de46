#!/usr/bin/env python3
"""Validate eval/factcheck4/src_heldout.py and src_dev.py and write heldout.jsonl and dev.jsonl.

    python3 eval/factcheck4/make.py                 # validate both parts, then write both files
    python3 eval/factcheck4/make.py --check         # validate only, write nothing
    python3 eval/factcheck4/make.py --stats         # validate, write, print the counts in README.md
    python3 eval/factcheck4/make.py --heldout-only  # validate and write the held-out part only

Nothing is written when a check fails. The script never creates or edits a text. The only numbers
it parses are the labelled wrong ones (errors[].number), to prove that each label really is wrong;
it contains no logic for the correct numbers of a text.
"""
import datetime as dt
import hashlib
import importlib
import json
import math
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

PARTS = [  # (module, id prefix, lines, output file)
    ("src_heldout", "fc_z_h", 60, "heldout.jsonl"),
    ("src_dev", "fc_z_d", 40, "dev.jsonl"),
]

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
# A hedge word just before the label (or a Korean one just after it) widens the tolerance to 5 %.
# The list is wider than the spec's (약, about, approximately, ~, 대략) on purpose: a wider list
# only makes it harder to prove a label wrong.
HEDGES_BEFORE = ("약", "about", "approximately", "approx", "~", "대략", "roughly", "around",
                 "nearly", "almost", "close to", "some ", "거의", "한 ")
HEDGES_AFTER = ("정도", "가량", "안팎", "남짓", "쯤", "내외", "가까이", "ish")
ITEM_FIELDS = ["id", "lang", "facts", "text", "errors"]
ERROR_FIELDS = ["number", "kpi", "true"]

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


def years(f):
    return (dt.date.fromisoformat(f["end"]) - dt.date.fromisoformat(f["start"])).days / 365.25


# ------------------------------------------------------------------ facts
def check_facts(iid, f):
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
        if d0 >= d1:
            bad(iid, "start is not before end")
        if d0.weekday() > 4 or d1.weekday() > 4:
            bad(iid, "start or end falls on a weekend")
    except (ValueError, KeyError, TypeError):
        bad(iid, "start/end not ISO dates")
        return
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
        cur_krw = bool(re.fullmatch(r"\d{6}", sym))
        if cur_krw and f["initial_cash"] < 1_000_000:
            bad(iid, "KRW book below 1 million won looks like a currency mix-up")
        if not cur_krw and f["initial_cash"] > 10_000_000:
            bad(iid, "USD book above 10 million looks like a currency mix-up")
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


# ------------------------------------------------------------------ parsing labels only
EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
KO_NATIVE = {  # Korean native numerals (counts: 열두 번, 스물세 번)
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스물": 20, "스무": 20,
    "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90,
}
KO_BIG = {"조": 1e12, "억": 1e8, "만": 1e4}
SUFFIX = {  # attached or included unit word -> (scale, is_rate_unit)
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
    """'열두', '스물세', '서른다섯' -> int, or None."""
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
    return v if v else None


def parse_label(label, kpi):
    """(value in fact units, half-unit tolerance) for a labelled wrong number, or None."""
    s = label.strip().replace("\u2212", "-")
    rate = kpi in RATE_KPIS
    low = s.lower()
    m = re.fullmatch(r"([a-z -]+?)(?:\s+(percent|percentage points|points))?", low)
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
    if re.search(r"[조억만천]", s):  # Korean compound amount: 1억2천만원, 22억 8,240만
        s = re.sub(r"\s*(원|달러)$", "", s)
        total, last_scale, last_dec, pos = 0.0, 1.0, 0, 0
        group = 0.0
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
        total += group
        return sign * total, 0.5 * 10 ** -last_dec * last_scale
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
        scale = 0.01  # bare number after which "points"/"percent" was left out
    if not rate and is_rate:
        return None
    v = float(num.replace(",", ""))
    return sign * v * scale, 0.5 * 10 ** -decimals(num) * scale


def label_year(label):
    """The year a date label states: 2020, 2020년, '20, '20년, 20년, 20.03.23, 1H21, Q2 2021."""
    s = label.strip()
    m = re.search(r"(?<!\d)(19|20)(\d{2})(?!\d)", s)
    if m and not re.fullmatch(r"\d{2}\.\d{2}\.\d{2}", s):
        return int(m.group(1) + m.group(2))
    for pat in (r"^[12]H(\d{2})$", r"^'(\d{2})", r"^(\d{2})년", r"^(\d{2})\.\d{2}(\.\d{2})?$",
                r"^FY(\d{2})$"):
        m = re.search(pat, s)
        if m:
            return 2000 + int(m.group(1))
    return None


# ------------------------------------------------------------------ items
def hedged(text, number):
    i = text.find(number)
    before = text[:i][-14:].lower()
    after = text[i + len(number):][:6].lower()
    return any(h in before for h in HEDGES_BEFORE) or any(h in after for h in HEDGES_AFTER)


def check_error(iid, text, f, raw):
    if len(raw) not in (4, 5):
        bad(iid, f"error tuple {raw!r} needs 4 or 5 fields")
        return None
    number, kpi, true, kind = raw[:4]
    claimed_sign = raw[4] if len(raw) == 5 else 1
    if claimed_sign not in (1, -1):
        bad(iid, f"claimed sign {claimed_sign!r} must be 1 or -1")
    if number != number.strip() or not number:
        bad(iid, f"label {number!r} has surrounding whitespace")
    n = text.count(number)
    if n != 1:
        bad(iid, f"label {number!r} occurs {n} times in the text (need exactly 1)")
        return kind
    i = text.find(number)
    # the label must not be cut out of a longer number
    if (i > 0 and re.match(r"[\d.,]", text[i - 1]) and number[0].isdigit()) or \
            (i + len(number) < len(text) and number[-1].isdigit()
             and re.match(r"\d|[.,]\d", text[i + len(number):i + len(number) + 2])):
        bad(iid, f"label {number!r} is part of a longer number")
    if kind not in KINDS:
        bad(iid, f"unknown error kind {kind!r}")
    if not (kpi in FACT_KEYS or kpi in DERIVED or kpi.startswith("params.")):
        bad(iid, f"kpi {kpi!r} is not a fact key, params.<name> or derived name")
        return None
    if kpi in ("symbol", "strategy"):
        bad(iid, "symbol/strategy are never labelled")
        return None
    try:
        want = true_value(f, kpi)
    except KeyError:
        bad(iid, f"kpi {kpi!r} cannot be computed from the facts")
        return None
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
    parsed = parse_label(number, kpi)
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
    if abs(v - w) <= tol + 1e-9:
        bad(iid, f"label {number!r} = {v} is within {tol} of the true {kpi} {w}: not an error")
    return kind


def build(modname, prefix, n_lines):
    mod = importlib.import_module(modname)
    items, kinds = [], []
    ids = [it[0] for it in mod.ITEMS]
    if set(ids) != set(mod.FACTS) or len(ids) != len(mod.FACTS):
        bad(modname, "ITEMS and FACTS ids differ")
    for n, entry in enumerate(mod.ITEMS, 1):
        if len(entry) != 4:
            bad(f"{modname} item {n}", "needs (id, lang, text, errors)")
            continue
        iid, lang, text, errs = entry
        if iid != f"{prefix}_{n:03d}":
            bad(iid, f"expected id {prefix}_{n:03d}")
        f = mod.FACTS.get(iid)
        if f is None:
            continue
        check_facts(iid, f)
        if lang not in ("ko", "en"):
            bad(iid, f"bad lang {lang!r}")
        hangul = re.search(r"[\uac00-\ud7a3]", text) is not None
        if (lang == "ko") != hangul:
            bad(iid, f"lang {lang!r} does not match the script")
        if text != text.strip() or re.search(r"[ \t]\n", text):
            bad(iid, "stray whitespace at the ends of the text or lines")
        if len(errs) > 3:
            bad(iid, "more than 3 errors")
        if len({e[0] for e in errs}) != len(errs):
            bad(iid, "same label twice")
        for e in errs:
            k = check_error(iid, text, f, e)
            kinds.append((lang, k, e[1]))
        items.append({"id": iid, "lang": lang, "facts": f, "text": text,
                      "errors": [{"number": e[0], "kpi": e[1], "true": e[2]} for e in errs]})
    if len(items) != n_lines:
        bad(modname, f"{len(items)} lines, expected {n_lines}")
    ko = sum(i["lang"] == "ko" for i in items)
    if ko != n_lines // 2:
        bad(modname, f"{ko} Korean lines, expected {n_lines // 2}")
    with_err = sum(bool(i["errors"]) for i in items)
    if not 0.4 <= with_err / max(1, len(items)) <= 0.6:
        bad(modname, f"{with_err} lines with errors: outside 40-60 %")
    for lang in ("ko", "en"):
        part = [i for i in items if i["lang"] == lang]
        e = sum(bool(i["errors"]) for i in part)
        if part and not 0.4 <= e / len(part) <= 0.6:
            bad(modname, f"{lang}: {e}/{len(part)} lines with errors, outside 40-60 %")
    return items, kinds


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


def print_stats(name, items, kinds):
    for lang in ("ko", "en", None):
        part = [i for i in items if lang is None or i["lang"] == lang]
        per = Counter(len(i["errors"]) for i in part if i["errors"])
        print(f"{name} {lang or 'total'}: {len(part)} lines, with errors {sum(per.values())} "
              f"(1 error: {per[1]}, 2: {per[2]}, 3: {per[3]}), "
              f"fully correct {len(part) - sum(per.values())}, "
              f"wrong numbers {sum(len(i['errors']) for i in part)}")
    for lang in ("ko", "en"):
        kl = Counter(k for la, k, _ in kinds if la == lang)
        print(f"{name} kinds {lang}: " + ", ".join(f"{k} {v}" for k, v in sorted(kl.items())))
    print(f"{name} kpis: " + ", ".join(f"{k} {v}" for k, v in
                                       Counter(kp for _, _, kp in kinds).most_common()))


def main():
    parts = PARTS[:1] if "--heldout-only" in sys.argv else PARTS
    built = []
    for modname, prefix, n_lines, out in parts:
        items, kinds = build(modname, prefix, n_lines)
        built.append((modname, out, items, kinds))
    texts = [i["text"] for _, _, items, _ in built for i in items]
    if len(set(texts)) != len(texts):
        bad("set", "duplicate texts")
    data = {out: serialise(items) for _, out, items, _ in built} if not problems else {}
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s); nothing written")
        sys.exit(1)
    if "--check" not in sys.argv:
        for _, out, items, _ in built:
            path = os.path.join(HERE, out)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(data[out])
            with open(path, encoding="utf-8") as fh:  # the file on disk is what was validated
                back = [json.loads(line) for line in fh]
            if back != [{k: it[k] for k in ITEM_FIELDS} for it in items]:
                print(f"{out} does not read back identically")
                sys.exit(1)
    print("ok")
    if "--stats" in sys.argv:
        all_items, all_kinds = [], []
        for modname, out, items, kinds in built:
            print_stats(out, items, kinds)
            all_items += items
            all_kinds += kinds
        if len(built) > 1:
            print_stats("total", all_items, all_kinds)
            print("kinds total: " + ", ".join(
                f"{k} {v}" for k, v in Counter(k for _, k, _ in all_kinds).most_common()))
        for _, out, _, _ in built:
            path = os.path.join(HERE, out)
            if os.path.exists(path):
                with open(path, "rb") as fh:
                    print(f"sha256 {out} {hashlib.sha256(fh.read()).hexdigest()}")


if __name__ == "__main__":
    main()
