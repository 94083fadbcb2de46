#!/usr/bin/env python3
"""Validates the hand-written strategy-request labels and writes the JSON-lines files.

    python3 eval/builder/make.py            # writes heldout.jsonl, and dev.jsonl once src_dev.py exists
    python3 eval/builder/make.py --check    # validates sources and the written files, writes nothing

Sources: src_heldout.py (HELDOUT, ids sb_h_###) and src_dev.py (DEV, ids sb_d_###), each a list of
(lang, request, expected) written by hand; ids are given in list order. Exits non-zero on any problem.
"""

import datetime as dt
import difflib
import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Kinds and parameters with their defaults, as in crates/quantai-quant/src/strategy.rs.
KINDS = {
    "sma_cross": {"fast": 10, "slow": 30},
    "ema_cross": {"fast": 10, "slow": 30},
    "rsi_reversion": {"period": 14, "lower": 30, "upper": 70},
    "bollinger_breakout": {"period": 20, "k": 2},
    "bollinger_reversion": {"period": 20, "k": 2},
    "macd_cross": {"fast": 12, "slow": 26, "signal": 9},
    "buy_and_hold": {},
}
PERIODS = {"fast", "slow", "period", "signal"}
FIELDS = ["kind", "params", "symbol", "direction", "commission", "from", "to", "initial_cash"]
DIRECTIONS = {"long_only", "long_short"}

# Every symbol a label may use, with the name it stands for (the README lists the aliases).
SYMBOLS = {
    "005930": "Samsung Electronics", "000660": "SK hynix", "035420": "NAVER", "035720": "Kakao",
    "005380": "Hyundai Motor", "000270": "Kia", "051910": "LG Chem", "006400": "Samsung SDI",
    "207940": "Samsung Biologics", "068270": "Celltrion", "105560": "KB Financial",
    "247540": "EcoPro BM", "086520": "EcoPro", "069500": "KODEX 200", "122630": "KODEX Leverage",
    "005490": "POSCO Holdings", "373220": "LG Energy Solution", "066570": "LG Electronics",
    "055550": "Shinhan Financial", "017670": "SK Telecom", "035900": "JYP Ent.", "352820": "HYBE",
    "323410": "KakaoBank", "259960": "Krafton", "012330": "Hyundai Mobis", "000100": "Yuhan",
    "AAPL": "Apple", "MSFT": "Microsoft", "NVDA": "NVIDIA", "TSLA": "Tesla", "AMZN": "Amazon",
    "GOOGL": "Alphabet", "META": "Meta", "SPY": "SPDR S&P 500", "QQQ": "Invesco QQQ",
    "TQQQ": "ProShares UltraPro QQQ", "KO": "Coca-Cola", "JPM": "JPMorgan", "NFLX": "Netflix",
    "AMD": "AMD", "INTC": "Intel", "PLTR": "Palantir", "DIS": "Disney", "IWM": "iShares Russell 2000",
    "SOXL": "Direxion Semiconductor Bull 3X", "COST": "Costco", "XOM": "Exxon Mobil",
}

MIN_DECLINED = 0.15
LANG_BAND = (0.40, 0.60)
MIN_LINES = 160
NEAR_DUP = 0.90  # difflib ratio of normalised texts across the two parts that fails the build


def load(name, var):
    path = HERE / name
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(name[:-3], path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return getattr(mod, var)


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_date(s):
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return None
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        return None


def check_expected(e):
    """Problems of one label (empty if it is fine)."""
    if e is None:
        return []
    if not isinstance(e, dict):
        return ["expected is neither null nor an object"]
    p = []
    extra = set(e) - set(FIELDS)
    if extra:
        p.append(f"unknown fields {sorted(extra)}")
    if "kind" not in e or "params" not in e:
        return p + ["kind and params are required"]
    kind = e["kind"]
    if kind not in KINDS:
        return p + [f"unknown kind {kind!r}"]
    params = e["params"]
    if not isinstance(params, dict):
        return p + ["params is not an object"]
    for name, v in params.items():
        if name not in KINDS[kind]:
            p.append(f"{kind} takes no parameter {name!r}")
        elif not is_num(v):
            p.append(f"params.{name} is not a number")
        elif name in PERIODS and (v != int(v) or not 1 <= v <= 10000):
            p.append(f"params.{name}={v} is not a whole number of bars")
    if p:
        return p
    full = {**KINDS[kind], **params}
    if kind in ("sma_cross", "ema_cross", "macd_cross") and not full["fast"] < full["slow"]:
        p.append(f"fast {full['fast']} must be below slow {full['slow']} (defaults filled in)")
    if kind == "rsi_reversion" and not 0 <= full["lower"] < full["upper"] <= 100:
        p.append(f"need 0 <= lower {full['lower']} < upper {full['upper']} <= 100 (defaults filled in)")
    if kind.startswith("bollinger") and not full["k"] > 0:
        p.append("k must be above 0")
    if "symbol" in e:
        s = e["symbol"]
        if not isinstance(s, str) or not re.fullmatch(r"\d{6}|[A-Z]{1,5}", s):
            p.append(f"symbol {s!r} is neither a 6-digit KRX code nor an upper-case ticker")
        elif s not in SYMBOLS:
            p.append(f"symbol {s!r} is not in the symbol table of make.py")
    if "direction" in e and e["direction"] not in DIRECTIONS:
        p.append(f"direction {e['direction']!r}")
    if "commission" in e:
        c = e["commission"]
        if not is_num(c) or not 0 <= c < 0.01:
            p.append(f"commission {c!r} is not a fraction in [0, 0.01)")
    dates = {}
    for f in ("from", "to"):
        if f in e:
            d = check_date(e[f])
            if d is None:
                p.append(f"{f} {e[f]!r} is not a YYYY-MM-DD date")
            elif not dt.date(1980, 1, 1) <= d <= dt.date(2026, 12, 31):
                p.append(f"{f} {e[f]} is out of range")
            dates[f] = d
    if dates.get("from") and dates.get("to") and not dates["from"] < dates["to"]:
        p.append("from must be before to")
    if "initial_cash" in e:
        c = e["initial_cash"]
        if not is_num(c) or not c > 0:
            p.append(f"initial_cash {c!r} must be a number above 0")
    return p


def canonical(e):
    if e is None:
        return None
    out = {}
    for f in FIELDS:
        if f == "params":
            out[f] = {n: e[f][n] for n in KINDS[e["kind"]] if n in e[f]}
        elif f in e:
            out[f] = e[f]
    return out


def norm(text):
    t = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w%$.]+", " ", t)).strip()


def build(rows, prefix, part):
    """Validates one part; returns (records, problems)."""
    problems, records, seen = [], [], {}
    for i, row in enumerate(rows, 1):
        rid = f"{prefix}{i:03d}"
        if not (isinstance(row, tuple) and len(row) == 3):
            problems.append(f"{part} #{i}: entry is not (lang, request, expected)")
            continue
        lang, req, exp = row
        if lang not in ("ko", "en"):
            problems.append(f"{rid}: lang {lang!r}")
        if not isinstance(req, str) or not req.strip() or req != req.strip():
            problems.append(f"{rid}: request must be a non-empty trimmed string")
            continue
        has_hangul = bool(re.search(r"[\uac00-\ud7a3]", req))
        if lang == "en" and has_hangul:
            problems.append(f"{rid}: lang en but the request has Hangul")
        if lang == "ko" and not has_hangul:
            problems.append(f"{rid}: lang ko but the request has no Hangul")
        for msg in check_expected(exp):
            problems.append(f"{rid}: {msg}  [{req}]")
        k = norm(req)
        if k in seen:
            problems.append(f"{rid}: same request as {seen[k]}")
        seen[k] = rid
        records.append({"id": rid, "lang": lang, "request": req, "expected": canonical(exp)})
    n = len(records)
    if n < MIN_LINES:
        problems.append(f"{part}: {n} lines, need at least {MIN_LINES}")
    if n:
        declined = sum(r["expected"] is None for r in records) / n
        if declined < MIN_DECLINED:
            problems.append(f"{part}: declined share {declined:.1%} below {MIN_DECLINED:.0%}")
        ko = sum(r["lang"] == "ko" for r in records) / n
        if not LANG_BAND[0] <= ko <= LANG_BAND[1]:
            problems.append(f"{part}: Korean share {ko:.1%} outside {LANG_BAND}")
    return records, problems


def write(path, records):
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text(text, encoding="utf-8")


def reread(path, records):
    """The written file parses line by line and holds exactly the records."""
    problems, ids = [], set()
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        try:
            r = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{path.name}:{n}: {err}")
            continue
        if list(r) != ["id", "lang", "request", "expected"]:
            problems.append(f"{path.name}:{n}: fields {list(r)}")
        if r.get("id") in ids:
            problems.append(f"{path.name}:{n}: duplicate id {r.get('id')}")
        ids.add(r.get("id"))
        problems += [f"{path.name}:{n}: {m}" for m in check_expected(r.get("expected"))]
    if [json.loads(line) for line in lines] != records:
        problems.append(f"{path.name} differs from its source; run make.py")
    return problems


def summary(part, records):
    n = len(records)
    lang = Counter(r["lang"] for r in records)
    kinds = Counter(r["expected"]["kind"] if r["expected"] else "(declined)" for r in records)
    sym = sum(1 for r in records if r["expected"] and "symbol" in r["expected"])
    fields = Counter(f for r in records if r["expected"] for f in r["expected"] if f not in ("kind", "params"))
    print(f"{part}: {n} lines; ko {lang['ko']} ({lang['ko']/n:.0%}), en {lang['en']} ({lang['en']/n:.0%})")
    for k in list(KINDS) + ["(declined)"]:
        by = Counter(r["lang"] for r in records if (r["expected"]["kind"] if r["expected"] else "(declined)") == k)
        print(f"  {k:20s} {kinds[k]:4d}  (ko {by['ko']}, en {by['en']})")
    accepted = n - kinds["(declined)"]
    print(f"  declined share {kinds['(declined)']/n:.1%}; accepted without symbol {accepted - sym}")
    print("  fields stated: " + ", ".join(f"{f} {fields[f]}" for f in FIELDS[2:]))


def main():
    check_only = "--check" in sys.argv[1:]
    parts = [("heldout", "src_heldout.py", "HELDOUT", "sb_h_"), ("dev", "src_dev.py", "DEV", "sb_d_")]
    built, problems = {}, []
    for part, src, var, prefix in parts:
        rows = load(src, var)
        if rows is None:
            print(f"{part}: {src} does not exist yet; skipped")
            continue
        records, probs = build(rows, prefix, part)
        built[part] = records
        problems += probs
    if "heldout" in built and "dev" in built:
        h = {norm(r["request"]): r["id"] for r in built["heldout"]}
        for r in built["dev"]:
            k = norm(r["request"])
            if k in h:
                problems.append(f"{r['id']}: same request as {h[k]}")
                continue
            for hk, hid in h.items():
                ratio = difflib.SequenceMatcher(None, k, hk, autojunk=False).ratio()
                if ratio >= NEAR_DUP:
                    problems.append(f"{r['id']}: near-duplicate of {hid} ({ratio:.2f})")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        sys.exit(1)
    for part, records in built.items():
        path = HERE / f"{part}.jsonl"
        if not check_only:
            write(path, records)
        if path.exists():
            problems += reread(path, records)
        summary(part, records)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print("ok" + (" (checked only)" if check_only else ": " + ", ".join(f"{p}.jsonl" for p in built)))


if __name__ == "__main__":
    main()
