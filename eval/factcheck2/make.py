#!/usr/bin/env python3
"""Validate src.py and write heldout.jsonl (ids fc_x_001 ... fc_x_080).

    python3 eval/factcheck2/make.py           # validate, write heldout.jsonl, print counts
    python3 eval/factcheck2/make.py --check   # validate only, write nothing

Nothing is written if any check fails. The script never builds or edits a text: texts, facts
and labels are literals in src.py. The only numbers it parses are the labelled wrong numbers,
to prove that each label really is wrong; it has no logic for the correct numbers of a text.
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
import src  # noqa: E402

PREFIX = "fc_x"
N_LINES = 80
KEY_ORDER = ["symbol", "strategy", "params", "start", "end", "initial_cash", "final_equity",
             "total_return", "cagr", "sharpe", "sortino", "max_drawdown", "volatility",
             "win_rate", "trades", "profit_factor", "exposure", "buy_hold_return"]
REQUIRED = ["symbol", "strategy", "start", "end", "total_return"]
STRATEGIES = {"sma_cross", "ema_cross", "rsi_reversion", "bollinger_breakout",
              "bollinger_reversion", "macd_cross", "buy_and_hold"}
RATE_FACTS = {"total_return", "cagr", "max_drawdown", "volatility", "win_rate", "exposure",
              "buy_hold_return"}
DERIVED = {"excess_return", "equity_multiple", "net_profit"}
RATE_KPIS = RATE_FACTS | {"excess_return"}
KINDS = {"swap", "sign", "attribution", "excess", "scale10", "rounding", "date", "approx",
         "multiple", "param", "trades", "other"}
HEDGES = ("약", "대략", "about", "approximately", "~")
LINE_FIELDS = ["id", "lang", "facts", "text", "errors"]
ERROR_FIELDS = ["number", "kpi", "true"]

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


def years(f):
    return (dt.date.fromisoformat(f["end"]) - dt.date.fromisoformat(f["start"])).days / 365.25


# ------------------------------------------------------------------ facts
def check_facts(where, f):
    keys = list(f)
    if any(k not in KEY_ORDER for k in keys):
        bad(where, f"unknown fact keys {[k for k in keys if k not in KEY_ORDER]}")
        return
    if keys != sorted(keys, key=KEY_ORDER.index):
        bad(where, "fact keys not in the spec order")
    for k in REQUIRED:
        if k not in f:
            bad(where, f"missing fact {k}")
            return
    if f["strategy"] not in STRATEGIES:
        bad(where, f"unknown strategy {f['strategy']!r}")
    sym = f["symbol"]
    if not (re.fullmatch(r"\d{6}", sym) or re.fullmatch(r"[A-Z]{1,5}", sym)):
        bad(where, f"bad symbol {sym!r}")
    try:
        s, e = dt.date.fromisoformat(f["start"]), dt.date.fromisoformat(f["end"])
        if s >= e:
            bad(where, "start not before end")
        if s.weekday() > 4 or e.weekday() > 4:
            bad(where, "start or end on a weekend")
    except ValueError:
        bad(where, "start/end not ISO dates")
        return
    if (f["strategy"] == "buy_and_hold") == ("params" in f):
        bad(where, "params must be present exactly when the strategy is not buy_and_hold")
    if "params" in f and not all(isinstance(v, (int, float)) for v in f["params"].values()):
        bad(where, "non-numeric parameter")
    for k in KEY_ORDER[5:]:
        if k in f and not isinstance(f[k], (int, float)):
            bad(where, f"{k} not numeric")
    for k in ("win_rate", "exposure", "volatility"):
        if k in f and not 0 <= f[k] <= 1:
            bad(where, f"{k} outside [0, 1]")
    if "trades" in f and not (isinstance(f["trades"], int) and f["trades"] > 0):
        bad(where, "trades must be a positive int")
    if "win_rate" in f and "trades" in f:
        wins = f["win_rate"] * f["trades"]  # win rates are k/trades rounded to 4 decimals
        if abs(wins - round(wins)) > 0.00005 * f["trades"] + 1e-9:
            bad(where, f"win_rate {f['win_rate']} is not k/{f['trades']} (rounded)")
    if ("initial_cash" in f) != ("final_equity" in f):
        bad(where, "initial_cash and final_equity come together")
    if "initial_cash" in f:
        want = f["initial_cash"] * (1 + f["total_return"])
        # rounding: final equity is rounded to the won / cent, total_return to 8 decimals
        if abs(f["final_equity"] - want) > max(1.0, 1e-8 * f["initial_cash"]):
            bad(where, f"final_equity {f['final_equity']} != initial_cash*(1+total_return) = {want:.2f}")
    if "cagr" in f:
        want = (1 + f["total_return"]) ** (1 / years(f)) - 1
        if abs(want - f["cagr"]) > 0.00051:
            bad(where, f"cagr {f['cagr']} inconsistent with the period ({want:.5f})")
    if "max_drawdown" in f and f["total_return"] < 0 and abs(f["max_drawdown"]) < -f["total_return"]:
        bad(where, "max drawdown shallower than the final loss")
    if f["strategy"] == "buy_and_hold" and "buy_hold_return" in f \
            and f["buy_hold_return"] != f["total_return"]:
        bad(where, "buy_and_hold with buy_hold_return != total_return")


def true_value(f, kpi):
    if kpi.startswith("params."):
        return f["params"][kpi[len("params."):]]
    if kpi == "excess_return":
        return f["total_return"] - f["buy_hold_return"]
    if kpi == "equity_multiple":
        return f["final_equity"] / f["initial_cash"] if "initial_cash" in f else 1 + f["total_return"]
    if kpi == "net_profit":
        return f["final_equity"] - f["initial_cash"]
    return f[kpi]


# ------------------------------------------------------------------ labelled numbers
WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALE = {"": 1, "%": 0.01, "%p": 0.01, "bp": 1e-4, "k": 1e3, "M": 1e6, "million": 1e6,
         "billion": 1e9, "만": 1e4, "억": 1e8, "조": 1e12, "천": 1e3, "x": 1, "배": 1, "회": 1,
         "번": 1, "건": 1, "일": 1, "σ": 1, "년": 1}
NUM = r"([+\-−]?)(\$|₩)?(\d[\d,]*(?:\.\d+)?)\s*(%p|%|bp|k|M|million|billion|만|억|조|천|x|배|회|번|건|일|σ|년)?"


def parse_label(label, kpi):
    """Return (value, half-unit tolerance) in fact units, or None if the form is unknown."""
    words = label.lower().replace("-", " ").split()
    if words and all(w in WORDS for w in words):
        return float(sum(WORDS[w] for w in words)), 0.5
    parts = list(re.finditer(NUM, label))
    if not parts or "".join(p.group(0) for p in parts).replace(" ", "") != label.replace(" ", ""):
        return None
    total, tol, neg = 0.0, 0.0, False
    for i, p in enumerate(parts):
        sign, _cur, num, unit = p.groups()
        unit = unit or ""
        if i == 0 and sign in ("-", "−"):
            neg = True
        dec = len(num.split(".")[1]) if "." in num else 0
        scale = SCALE[unit]
        if kpi in RATE_KPIS and unit == "":
            scale = 0.01  # "33.8 percentage points", "71.3 per cent": unit after a space
        total += float(num.replace(",", "")) * scale
        tol = 0.5 * 10 ** -dec * scale  # the last part carries the last shown digit
    return (-total if neg else total), tol


def check_error(where, f, text, number, kpi, true, kind):
    n = text.count(number)
    if n != 1:
        bad(where, f"label {number!r} occurs {n} times in the text (must be exactly once)")
    if kind not in KINDS:
        bad(where, f"unknown kind {kind!r}")
    if not (kpi in KEY_ORDER[5:] or kpi in ("start", "end") or kpi in DERIVED
            or (kpi.startswith("params.") and "params" in f)):
        bad(where, f"kpi {kpi!r} not allowed")
        return
    try:
        want = true_value(f, kpi)
    except KeyError:
        bad(where, f"kpi {kpi!r} cannot be computed from the facts")
        return
    if kpi in ("start", "end"):
        if true != want:
            bad(where, f"true {true!r} != {want!r}")
        m = re.match(r"(\d{4})", number)
        if not m or m.group(1) == want[:4]:
            bad(where, f"date label {number!r} does not give a wrong year for {want}")
        if kind != "date":
            bad(where, "a start/end label must be of kind date")
        return
    if not math.isclose(true, round(want, 10), rel_tol=0, abs_tol=1e-9):
        bad(where, f"true {true!r} != computed {kpi} {want!r}")
    parsed = parse_label(number, kpi)
    if parsed is None:
        bad(where, f"cannot parse label {number!r}")
        return
    v, tol = parsed
    pos = text.find(number)
    before = text[max(0, pos - 14):pos].lower()
    hedged = any(h in before for h in HEDGES)
    if hedged:
        tol = max(tol, 0.05 * abs(want))
    if kind == "approx" and not hedged:
        bad(where, f"kind approx but no hedge word before {number!r}")
    if kind == "sign":
        # a pure sign / direction error: the magnitude is right, the sign or the word is not
        if abs(abs(v) - abs(want)) > tol + 1e-12:
            bad(where, f"sign label {number!r}: magnitude {abs(v)} is not |{want}|")
        if v == want:
            bad(where, f"sign label {number!r} equals the true value")
        return
    if abs(abs(v) - abs(want)) <= tol + 1e-12:
        bad(where, f"label {number!r} = {v} is within tolerance {tol} of the true {kpi} {want}")


# ------------------------------------------------------------------ build
def build():
    items, kinds, kpis = [], Counter(), Counter()
    if len(src.ITEMS) != N_LINES or sorted(src.FACTS) != list(range(1, N_LINES + 1)):
        bad("src", f"expected {N_LINES} items and facts numbered 1..{N_LINES}")
    for pos, (n, lang, text, errors, tags) in enumerate(src.ITEMS, 1):
        where = f"{PREFIX}_{n:03d}"
        if n != pos:
            bad(where, f"item out of order (position {pos})")
        f = src.FACTS[n]
        check_facts(where, f)
        if lang not in ("ko", "en"):
            bad(where, f"bad lang {lang!r}")
        hangul = re.search(r"[\uac00-\ud7a3]", text) is not None
        if hangul != (lang == "ko"):
            bad(where, f"lang {lang} does not match the script")
        if f["symbol"] not in text:
            bad(where, "symbol not mentioned in the text")
        if not set(tags) <= {"dir", "approx5"}:
            bad(where, f"unknown tags {tags}")
        if len(errors) > 2:
            bad(where, "at most 2 errors per line in this set")
        labels = [e[0] for e in errors]
        if len(set(labels)) != len(labels):
            bad(where, "same label twice")
        for a in labels:
            for b in labels:
                if a != b and a in b:
                    bad(where, f"label {a!r} is inside label {b!r}")
        for number, kpi, true, kind in errors:
            check_error(where, f, text, number, kpi, true, kind)
            kinds[kind] += 1
            kpis[kpi] += 1
        items.append({"id": where, "lang": lang, "facts": f, "text": text,
                      "errors": [{"number": e[0], "kpi": e[1], "true": e[2]} for e in errors]})
    texts = [i["text"] for i in items]
    if len(set(texts)) != len(texts):
        bad("set", "duplicate texts")
    ko = sum(i["lang"] == "ko" for i in items)
    if ko != N_LINES // 2:
        bad("set", f"{ko} Korean lines, expected {N_LINES // 2}")
    with_err = sum(bool(i["errors"]) for i in items)
    if not 38 <= with_err <= 42:
        bad("set", f"{with_err} lines with errors, expected 38-42")
    return items, kinds, kpis


def serialise(items):
    out = []
    for it in items:
        line = json.dumps({k: it[k] for k in LINE_FIELDS}, ensure_ascii=False)
        back = json.loads(line)
        if back != {k: it[k] for k in LINE_FIELDS} or list(back) != LINE_FIELDS \
                or any(list(e) != ERROR_FIELDS for e in back["errors"]):
            bad(it["id"], "JSON round trip changed the line")
        out.append(line)
    return "\n".join(out) + "\n"


def main():
    items, kinds, kpis = build()
    data = serialise(items)
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s); nothing written")
        sys.exit(1)
    if "--check" not in sys.argv:
        with open(os.path.join(HERE, "heldout.jsonl"), "w", encoding="utf-8") as fh:
            fh.write(data)
    print("ok" + (" (check only)" if "--check" in sys.argv else ", wrote heldout.jsonl"))
    for lang in ("ko", "en"):
        sub = [i for i in items if i["lang"] == lang]
        e = sum(bool(i["errors"]) for i in sub)
        print(f"{lang}: {len(sub)} lines, {e} with errors, {len(sub) - e} fully correct, "
              f"{sum(len(i['errors']) for i in sub)} wrong numbers")
    per = Counter(len(i["errors"]) for i in items if i["errors"])
    print("errors per erroneous line: " + ", ".join(f"{k}: {v}" for k, v in sorted(per.items())))
    print("kinds: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print("kpis: " + ", ".join(f"{k} {v}" for k, v in kpis.most_common()))
    for tag in ("dir", "approx5"):
        ids = [f"{PREFIX}_{n:03d}" for n, _l, _t, _e, tags in src.ITEMS if tag in tags]
        print(f"tag {tag}: {', '.join(ids)}")
    print("sha256 heldout.jsonl: " + hashlib.sha256(data.encode("utf-8")).hexdigest())


if __name__ == "__main__":
    main()
