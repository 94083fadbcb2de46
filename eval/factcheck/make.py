#!/usr/bin/env python3
"""Validate the hand-written fact-checker evaluation set and write the two jsonl files.

    python3 eval/factcheck/make.py          # validate + write heldout.jsonl and dev.jsonl
    python3 eval/factcheck/make.py --check  # validate only
    python3 eval/factcheck/make.py --stats  # validate + print counts (used for README.md)
    python3 eval/factcheck/make.py --heldout-only  # write heldout.jsonl alone (how it was frozen)

The texts and facts live literally in src_heldout.py and src_dev.py (no templates).
This script never creates or alters a text; it only checks the labels and serialises them.
It contains no fact-checking logic for the *correct* numbers of a text: the only number it
parses is each labelled wrong number, to make sure a label really is wrong.
"""
import datetime as dt
import json
import math
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import src_dev  # noqa: E402
import src_heldout  # noqa: E402

FACT_KEYS = {
    "symbol", "strategy", "params", "start", "end", "initial_cash", "final_equity",
    "total_return", "cagr", "sharpe", "sortino", "max_drawdown", "volatility", "win_rate",
    "trades", "profit_factor", "exposure", "buy_hold_return",
}
STRATEGIES = {"sma_cross", "ema_cross", "rsi_reversion", "bollinger_breakout",
              "bollinger_reversion", "macd_cross", "buy_and_hold"}
RATE_KEYS = {"total_return", "cagr", "max_drawdown", "volatility", "win_rate", "exposure",
             "buy_hold_return"}
# kpi names that are not fact keys but are derived from facts (documented in README.md)
DERIVED = {"excess_return", "equity_multiple", "net_profit"}
RATE_KPIS = RATE_KEYS | {"excess_return"}
MONEY_KPIS = {"initial_cash", "final_equity", "net_profit"}
ERROR_KINDS = {"swap", "sign", "attribution", "scale10", "rounding", "excess", "trades",
               "date", "param", "approx", "multiple", "other"}
ITEM_FIELDS = ["id", "lang", "facts", "text", "errors"]
ERROR_FIELDS = ["number", "kpi", "true"]

problems = []


def bad(item_id, msg):
    problems.append(f"{item_id}: {msg}")


def close(a, b, rel=1e-9, abs_=1e-9):
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


# ---------------------------------------------------------------- facts
def check_facts(item_id, f):
    for k in f:
        if k not in FACT_KEYS:
            bad(item_id, f"unknown fact key {k!r}")
    for k in ("symbol", "strategy", "start", "end", "total_return"):
        if k not in f:
            bad(item_id, f"fact {k!r} missing (every item in this set has it)")
    if f.get("strategy") not in STRATEGIES:
        bad(item_id, f"bad strategy {f.get('strategy')!r}")
    sym = f.get("symbol", "")
    if not (re.fullmatch(r"\d{6}", sym) or re.fullmatch(r"[A-Z]{1,5}", sym)):
        bad(item_id, f"bad symbol {sym!r}")
    for k in ("start", "end"):
        try:
            dt.date.fromisoformat(f[k])
        except Exception:  # noqa: BLE001
            bad(item_id, f"{k} is not an ISO date")
    if f["start"] >= f["end"]:
        bad(item_id, "start >= end")
    for k in RATE_KEYS | {"sharpe", "sortino", "profit_factor", "initial_cash", "final_equity"}:
        if k in f and not isinstance(f[k], (int, float)):
            bad(item_id, f"{k} not numeric")
    for k in ("win_rate", "exposure"):
        if k in f and not 0 <= f[k] <= 1:
            bad(item_id, f"{k} is not a fraction")
    if "trades" in f and not (isinstance(f["trades"], int) and f["trades"] >= 1):
        bad(item_id, "trades not a positive int")
    if "params" in f and not isinstance(f["params"], dict):
        bad(item_id, "params not an object")
    if ("initial_cash" in f) != ("final_equity" in f):
        bad(item_id, "initial_cash and final_equity must come together")
    if "initial_cash" in f:
        want = f["initial_cash"] * (1 + f["total_return"])
        if not close(f["final_equity"], want, rel=1e-6, abs_=1.0):
            bad(item_id, f"final_equity {f['final_equity']} != initial_cash*(1+total_return) {want}")
    if "cagr" in f:
        years = (dt.date.fromisoformat(f["end"]) - dt.date.fromisoformat(f["start"])).days / 365.25
        want = (1 + f["total_return"]) ** (1 / years) - 1
        if abs(want - f["cagr"]) > 0.002:
            bad(item_id, f"cagr {f['cagr']} inconsistent with total_return/period ({want:.4f})")
    if "max_drawdown" in f and f["total_return"] < 0 and abs(f["max_drawdown"]) < -f["total_return"]:
        bad(item_id, "max drawdown smaller than the final loss")
    if f.get("strategy") == "buy_and_hold" and "buy_hold_return" in f \
            and f["buy_hold_return"] != f["total_return"]:
        bad(item_id, "buy_and_hold with buy_hold_return != total_return")


def true_value(f, kpi):
    """Value of a kpi (fact key, params.<name> or derived name) or KeyError."""
    if kpi.startswith("params."):
        return f["params"][kpi.split(".", 1)[1]]
    if kpi == "excess_return":
        return round(f["total_return"] - f["buy_hold_return"], 10)
    if kpi == "equity_multiple":
        return f["final_equity"] / f["initial_cash"] if "initial_cash" in f else 1 + f["total_return"]
    if kpi == "net_profit":
        return f["final_equity"] - f["initial_cash"]
    if kpi in FACT_KEYS:
        return f[kpi]
    raise KeyError(kpi)


# ---------------------------------------------------------------- labelled wrong numbers
WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}


def parse_label(number, kpi):
    """Parse a labelled wrong number into (value in fact units, tolerance) or None.

    Only used on the strings listed in errors[].number, to prove that each label is wrong.
    """
    s = number.strip()
    low = s.lower()
    if low.replace("-", " ").split()[0] in WORDS:  # spelled-out English
        v = sum(WORDS[w] for w in low.replace("-", " ").split() if w in WORDS)
        return v, 0.5
    m = re.fullmatch(r"([+-]?)(\$?)([\d,]*\.?\d+)\s*(.*)", s)
    if not m:
        return None
    sign, _dollar, num, unit = m.groups()
    decimals = len(num.split(".")[1]) if "." in num else 0
    v = float(num.replace(",", ""))
    half = 0.5 * 10 ** -decimals
    if sign == "-":
        v = -v
    unit = unit.strip()
    scale = 1.0
    if unit in ("%", "%p") or (kpi in RATE_KPIS and unit in ("",)):
        scale = 0.01
    elif unit == "bp":
        scale = 0.0001
    elif unit in ("만",):
        scale = 1e4
    elif unit in ("억",):
        scale = 1e8
    elif unit in ("조",):
        scale = 1e12
    elif unit in ("k", "thousand"):
        scale = 1e3
    elif unit in ("M", "million", "mn"):
        scale = 1e6
    elif unit in ("bn", "billion"):
        scale = 1e9
    elif unit in ("회", "번", "건", "일", "x", "배", "", "년"):
        scale = 1.0
    else:
        return None
    return v * scale, half * scale


def check_error(item, err, kind):
    item_id, f, text = item["id"], item["facts"], item["text"]
    number, kpi, true = err["number"], err["kpi"], err["true"]
    n_occ = text.count(number)
    if n_occ == 0:
        bad(item_id, f"error number {number!r} not in text")
    elif n_occ > 1:
        bad(item_id, f"error number {number!r} occurs {n_occ} times in text (ambiguous)")
    if kind not in ERROR_KINDS:
        bad(item_id, f"unknown error kind {kind!r}")
    if not (kpi in FACT_KEYS or kpi in DERIVED or kpi.startswith("params.")):
        bad(item_id, f"kpi {kpi!r} is neither a fact key nor a documented derived kpi")
        return
    try:
        want = true_value(f, kpi)
    except KeyError:
        bad(item_id, f"kpi {kpi!r} cannot be computed from the facts")
        return
    if isinstance(want, str) or isinstance(true, str):
        if want != true:
            bad(item_id, f"true {true!r} != fact {want!r} for {kpi}")
    elif not close(float(true), float(want), rel=1e-3, abs_=1e-4):
        bad(item_id, f"true {true!r} != fact {want!r} for {kpi}")
    # the label must really be wrong
    if kpi in ("start", "end"):
        yr = re.match(r"(\d{4})", number)
        if yr is None or int(yr.group(1)) == int(want[:4]):
            bad(item_id, f"date label {number!r} does not contradict {want}")
        return
    parsed = parse_label(number, kpi)
    if parsed is None:
        bad(item_id, f"cannot parse label {number!r} (extend parse_label)")
        return
    v, tol = parsed
    w = float(want)
    if kpi == "max_drawdown":
        v, w = abs(v), abs(w)
    before = text[: max(0, text.find(number))][-14:].lower()
    approx = any(a in before for a in ("약", "about", "approximately", "roughly", "~", "대략", "around"))
    if approx:
        tol = max(tol, 0.05 * abs(w))
    if abs(v - w) <= tol + 1e-12:
        bad(item_id, f"label {number!r} ({v}) is within tolerance of the true {kpi} {w}")


# ---------------------------------------------------------------- items
def build(module, prefix, n_expected):
    out = []
    kinds = Counter()
    ids = [it[0] for it in module.ITEMS]
    if sorted(ids) != sorted(module.FACTS):
        bad(prefix, "ITEMS and FACTS ids differ")
    for n, (item_id, lang, text, errors) in enumerate(module.ITEMS, 1):
        if item_id != f"{prefix}_{n:03d}":
            bad(item_id, f"expected id {prefix}_{n:03d}")
        facts = module.FACTS[item_id]
        check_facts(item_id, facts)
        if lang not in ("ko", "en"):
            bad(item_id, f"bad lang {lang!r}")
        has_hangul = re.search(r"[\uac00-\ud7a3]", text) is not None
        if (lang == "ko") != has_hangul:
            bad(item_id, f"lang {lang} does not fit the script of the text")
        if not 1 <= len(errors) <= 3 and errors:
            bad(item_id, "1-3 errors per item")
        item = {"id": item_id, "lang": lang, "facts": facts, "text": text,
                "errors": [{"number": e[0], "kpi": e[1], "true": e[2]} for e in errors]}
        for e, raw in zip(item["errors"], errors):
            check_error(item, e, raw[3])
            kinds[raw[3]] += 1
        numbers = [e[0] for e in errors]
        if len(set(numbers)) != len(numbers):
            bad(item_id, "the same number labelled twice")
        out.append(item)
    if len(out) != n_expected:
        bad(prefix, f"{len(out)} items, expected {n_expected}")
    return out, kinds


def balance(name, items):
    n = len(items)
    if n == 0:
        bad(name, "no items")
        return 0, 0, 0
    ko = sum(1 for i in items if i["lang"] == "ko")
    err = sum(1 for i in items if i["errors"])
    for label, k in (("Korean", ko), ("with errors", err)):
        if not 0.40 <= k / n <= 0.60:
            bad(name, f"{label}: {k}/{n} outside 40-60 %")
    return n, ko, err


def serialise(items):
    lines = []
    for it in items:
        line = json.dumps({k: it[k] for k in ITEM_FIELDS}, ensure_ascii=False)
        back = json.loads(line)
        if list(back) != ITEM_FIELDS or any(list(e) != ERROR_FIELDS for e in back["errors"]):
            bad(it["id"], "fields not exact after round trip")
        lines.append(line)
    return "\n".join(lines) + "\n"


def main():
    held, kinds_h = build(src_heldout, "fc_h", 110)
    if "--heldout-only" in sys.argv:  # used once, to freeze the held-out part before dev existed
        balance("heldout", held)
        if problems:
            print("\n".join(problems))
            sys.exit(1)
        with open(os.path.join(HERE, "heldout.jsonl"), "w", encoding="utf-8") as fh:
            fh.write(serialise(held))
        print("ok (heldout only)")
        return
    dev, kinds_d = build(src_dev, "fc_d", len(src_dev.ITEMS))
    all_items = held + dev
    ids = [i["id"] for i in all_items]
    if len(ids) != len(set(ids)):
        bad("set", "duplicate ids")
    texts = [i["text"] for i in all_items]
    if len(texts) != len(set(texts)):
        bad("set", "duplicate texts")
    if len(all_items) < 220:
        bad("set", f"only {len(all_items)} lines (< 220)")
    stats = {name: balance(name, items)
             for name, items in (("heldout", held), ("dev", dev), ("total", all_items))}
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s); nothing written")
        sys.exit(1)
    if "--check" not in sys.argv:
        for fn, items in (("heldout.jsonl", held), ("dev.jsonl", dev)):
            with open(os.path.join(HERE, fn), "w", encoding="utf-8") as fh:
                fh.write(serialise(items))
    print("ok")
    if "--stats" in sys.argv:
        for name, (n, ko, err) in stats.items():
            items = {"heldout": held, "dev": dev, "total": all_items}[name]
            n_err = sum(len(i["errors"]) for i in items)
            en_err = sum(1 for i in items if i["errors"] and i["lang"] == "en")
            print(f"{name}: {n} lines, ko {ko}, en {n - ko}, with errors {err} "
                  f"(ko {err - en_err}, en {en_err}), correct {n - err}, wrong numbers {n_err}")
        for name, kinds in (("heldout", kinds_h), ("dev", kinds_d), ("total", kinds_h + kinds_d)):
            print(f"kinds {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
        kpis = Counter(e["kpi"] for i in all_items for e in i["errors"])
        print("kpis total: " + ", ".join(f"{k} {v}" for k, v in kpis.most_common()))
        per = Counter(len(i["errors"]) for i in all_items if i["errors"])
        print("errors per erroneous line: " + ", ".join(f"{k}: {v}" for k, v in sorted(per.items())))


if __name__ == "__main__":
    main()
