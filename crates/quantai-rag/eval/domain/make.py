#!/usr/bin/env python3
"""Builds the domain retrieval eval set (heldout/ and dev/) from hand-written sources.

It also writes the typo query sets typo_heldout/ and typo_dev/: the same documents as
heldout/ and dev/, with the typo-focused queries of src_typo.py (labelled the same way).

The document texts and queries live in src_heldout.py and src_dev.py, written by hand.
This file only holds the plumbing:
  * `qs(...)` renders layout 1 (the quantai summary). That layout is a fixed machine
    format, so it is rendered from the facts; every other document's text is written
    literally in the source files.
  * every document also carries private *facts* (symbols, kind, params, years, KPIs) that
    never reach the output. They are used to label the queries: a query names its scope
    (symbols / kinds / a predicate) and the relevant set is every document of that user
    that falls in the scope. The labels are printed for review (`--show`).
  * checks: KPI facts must appear in the document text, ids unique, relevant ids exist
    and belong to the query's user, no_answer queries have an empty scope, others not.

Usage:  python3 make.py [--show]
"""
import json
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

KR = {
    "005930": ("삼성전자", "Samsung Electronics"),
    "000660": ("SK하이닉스", "SK hynix"),
    "035420": ("NAVER", "NAVER"),
    "035720": ("카카오", "Kakao"),
    "005380": ("현대차", "Hyundai Motor"),
    "051910": ("LG화학", "LG Chem"),
    "006400": ("삼성SDI", "Samsung SDI"),
    "068270": ("셀트리온", "Celltrion"),
    "373220": ("LG에너지솔루션", "LG Energy Solution"),
    "207940": ("삼성바이오로직스", "Samsung Biologics"),
    "000270": ("기아", "Kia"),
    "105560": ("KB금융", "KB Financial Group"),
    "247540": ("에코프로비엠", "EcoPro BM"),
    "086520": ("에코프로", "EcoPro"),
    "069500": ("KODEX 200", "KODEX 200"),
    "122630": ("KODEX 레버리지", "KODEX Leverage"),
}
US = {
    "AAPL": "NASDAQ", "MSFT": "NASDAQ", "NVDA": "NASDAQ", "GOOGL": "NASDAQ",
    "AMZN": "NASDAQ", "META": "NASDAQ", "TSLA": "NASDAQ", "AMD": "NASDAQ",
    "NFLX": "NASDAQ", "QQQ": "NASDAQ", "TQQQ": "NASDAQ", "SOXX": "NASDAQ",
    "JPM": "NYSE", "KO": "NYSE", "SPY": "NYSE Arca",
}
KIND = {
    "sma_cross": ("이동평균 교차 (SMA)", "SMA crossover"),
    "ema_cross": ("지수이동평균 교차 (EMA)", "EMA crossover"),
    "rsi_reversion": ("RSI 역추세", "RSI mean reversion"),
    "bollinger_breakout": ("볼린저 밴드 돌파", "Bollinger band breakout"),
    "bollinger_reversion": ("볼린저 밴드 회귀", "Bollinger band reversion"),
    "macd_cross": ("MACD 교차", "MACD crossover"),
    "buy_and_hold": ("매수 후 보유", "Buy and hold"),
}
# scope groups used by queries
MA = ["sma_cross", "ema_cross"]
BB = ["bollinger_breakout", "bollinger_reversion"]
MR = ["rsi_reversion", "bollinger_reversion"]
COLL = {"user_backtests": "bt", "user_strategies": "st", "user_notes": "nt"}
LAYOUTS = ("summary", "report", "note", "title")
QTYPES = ("cross_lingual", "behaviour", "abbreviation", "kpi_condition", "typo", "no_answer", "plain")
TYPO_QTYPES = ("typo_name", "typo_strategy", "typo_kpi", "typo_mixed", "typo_hanyoung")


def _lst(x):
    if x is None:
        return []
    return list(x) if isinstance(x, (list, tuple)) else [x]


class Doc:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def covers(self, year):
        return self.y is not None and self.y[0] <= year <= self.y[1]


def _pct_forms(v):
    a = abs(v)
    out = {f"{a:.0f}", f"{a:.1f}", f"{a:.2f}", f"{a / 100:.3f}", f"{a / 100:.4f}"}
    if a == int(a):
        out.add(str(int(a)))
    return out


class User:
    def __init__(self, part, uid):
        self.part, self.uid = part, uid
        self.docs = []      # Doc
        self.by_key = {}
        self.queries = []
        self.typo_queries = []
        self.counter = Counter()

    # ------------------------------------------------------------ documents
    def doc(self, coll, layout, lang, text, sym=None, kind=None, p=None, y=None,
            R=None, S=None, M=None, W=None, N=None, meta=None, key=None):
        assert coll in COLL, coll
        assert layout in LAYOUTS, layout
        assert lang in ("ko", "en", "mix", "ko+en"), lang
        for k in _lst(kind):
            assert k in KIND, k
        for s in _lst(sym):
            assert s in KR or s in US, s
        self.counter[coll] += 1
        did = f"{self.uid}_{COLL[coll]}_{self.counter[coll]:03d}"
        text = text.strip("\n")
        if isinstance(y, int):
            y = (y, y)
        d = Doc(id=did, user_id=self.uid, collection=coll, layout=layout, lang=lang,
                text=text, syms=_lst(sym), kinds=_lst(kind), p=p or {}, y=y,
                R=R, S=S, M=M, W=W, N=N, meta={} if meta is None else meta)
        # KPI facts must be visible in the text
        for name, v in (("R", R), ("M", M), ("W", W)):
            if v is not None and not any(f in text for f in _pct_forms(v)):
                raise SystemExit(f"{did}: {name}={v} not found in text:\n{text}")
        if S is not None and not any(f in text for f in (f"{S:.2f}", f"{S:.1f}")):
            raise SystemExit(f"{did}: S={S} not found in text:\n{text}")
        if N is not None and str(N) not in text:
            raise SystemExit(f"{did}: N={N} not found in text:\n{text}")
        if M is not None:
            assert M <= 0, did
        if any(v is not None for v in (R, S, M, W, N)):
            assert len(d.syms) <= 1, f"{did}: KPI facts on a multi-symbol doc"
        self.docs.append(d)
        k = key if key is not None else len(self.docs)
        assert k not in self.by_key, k
        self.by_key[k] = d
        return d

    def qs(self, sym, kind, p, frm, to, R, S, M, W=None, N=None, costs=None, direction=None, lang="ko+en"):
        """Layout 1: the quantai summary (Korean block then the same in English)."""
        ko_k, en_k = KIND[kind]
        params = ", ".join(f"{k}={v}" for k, v in p.items())
        head_ko = f"전략명: {ko_k} [{kind}]" + (f" {params}" if params else "")
        head_en = f"Strategy: {en_k} [{kind}]" + (f" {params}" if params else "")
        if sym in KR:
            ko_n, en_n = KR[sym]
            market = "KRX"
            sym_ko, sym_en = f"{ko_n} {sym} (KRX)", f"{en_n} {sym} (KRX)"
        else:
            market = US[sym]
            sym_ko = sym_en = f"{sym} ({market})"
        ko = [head_ko, f"종목: {sym_ko}", f"기간: {frm} ~ {to}"]
        en = [head_en, f"Symbol: {sym_en}", f"Period: {frm} ~ {to}"]
        if direction:
            ko.append("방향: " + {"long": "롱 온리", "long_short": "롱/숏 (공매도 포함)"}[direction])
            en.append("Direction: " + {"long": "long only", "long_short": "long/short"}[direction])
        if costs:
            c, t, s = costs
            ko.append(f"비용: 수수료 {c}%, 거래세 {t}%, 슬리피지 {s}%")
            en.append(f"Costs: commission {c}%, sell tax {t}%, slippage {s}%")
        ko += [f"총 수익률: {R:.2f}%", f"샤프 비율: {S:.2f}", f"최대 낙폭: {M:.2f}%"]
        en += [f"Total return: {R:.2f}%", f"Sharpe ratio: {S:.2f}", f"Max drawdown: {M:.2f}%"]
        if W is not None:
            ko.append(f"승률: {W:.2f}%")
            en.append(f"Win rate: {W:.2f}%")
        if N is not None:
            ko.append(f"거래 횟수: {N}")
            en.append(f"Trades: {N}")
        meta = {"kind": kind, "symbol": sym, "market": market, "from": frm, "to": to,
                "total_return": round(R / 100, 4), "sharpe": S, "max_drawdown": round(M / 100, 4)}
        if W is not None:
            meta["win_rate"] = round(W / 100, 4)
        if N is not None:
            meta["n_trades"] = N
        for k, v in p.items():
            meta[f"param_{k}"] = v
        if direction:
            meta["direction"] = direction
        y = (int(frm[:4]), int(to[:4]))
        return self.doc("user_backtests", "summary", lang, "\n".join(ko + en), sym=sym, kind=kind,
                        p=p, y=y, R=R, S=S, M=M, W=W, N=N, meta=meta)

    # convenience wrappers for the other layouts
    def rep(self, lang, text, **kw):
        return self.doc("user_backtests", "report", lang, text, **kw)

    def note(self, lang, text, coll="user_notes", **kw):
        return self.doc(coll, "note", lang, text, **kw)

    def strat(self, lang, text, **kw):
        return self.doc("user_strategies", "note", lang, text, **kw)

    def title(self, lang, text, coll="user_backtests", **kw):
        return self.doc(coll, "title", lang, text, **kw)

    # ------------------------------------------------------------ queries
    def select(self, syms=None, kinds=None, pred=None, keys=None):
        if keys is not None:
            return [self.by_key[k].id for k in keys]
        out = []
        for d in self.docs:
            if syms is not None and not (set(_lst(syms)) & set(d.syms)):
                continue
            if kinds is not None and not (set(_lst(kinds)) & set(d.kinds)):
                continue
            if pred is not None and not pred(d):
                continue
            out.append(d.id)
        return out

    def scope(self, syms=None, kinds=None, pred=None, keys=None, add=(), drop=()):
        rel = self.select(syms, kinds, pred, keys)
        rel += [self.by_key[k].id for k in add]
        drop_ids = {self.by_key[k].id for k in drop}
        return [r for r in rel if r not in drop_ids]

    def q(self, qtype, lang, text, syms=None, kinds=None, pred=None, keys=None, add=(), drop=()):
        assert qtype in QTYPES, qtype
        assert lang in ("ko", "en", "mix"), lang
        rel = self.scope(syms, kinds, pred, keys, add, drop)
        if qtype == "no_answer":
            assert not rel, (self.uid, text, rel)
        else:
            assert rel, (self.uid, text)
        qid = f"{self.uid}_q{len(self.queries) + 1:02d}"
        self.queries.append({"id": qid, "user_id": self.uid, "query": text, "relevant": rel,
                             "type": qtype, "_lang": lang})

    def tq(self, prefix, qtype, lang, text, **scope):
        """A typo-set query (src_typo.py): id like th_u1_q01, never no_answer."""
        assert qtype in TYPO_QTYPES, qtype
        assert lang in ("ko", "en", "mix"), lang
        rel = self.scope(**scope)
        assert rel, (self.uid, text)
        qid = f"{prefix}_{self.uid.split('_')[1]}_q{len(self.typo_queries) + 1:02d}"
        self.typo_queries.append({"id": qid, "user_id": self.uid, "query": text, "relevant": rel,
                                  "type": qtype, "_lang": lang})


# KPI predicate helpers (values are in percent, as written in the documents)
def sharpe_ge(x):
    return lambda d: d.S is not None and d.S >= x


def mdd_worse(x):          # drawdown deeper than x % (x positive)
    return lambda d: d.M is not None and d.M < -x


def mdd_within(x):         # drawdown no deeper than x %
    return lambda d: d.M is not None and d.M >= -x


def win_gt(x):
    return lambda d: d.W is not None and d.W > x


def ret_lt(x):
    return lambda d: d.R is not None and d.R < x


def ret_gt(x):
    return lambda d: d.R is not None and d.R > x


def params(**kw):
    return lambda d: all(d.p.get(k) == v for k, v in kw.items())


def both(*preds):
    return lambda d: all(p(d) for p in preds)


# ---------------------------------------------------------------- output
def write_part(part, users, show=False, qattr="queries"):
    out_dir = os.path.join(HERE, part)
    os.makedirs(out_dir, exist_ok=True)
    docs = [d for u in users for d in u.docs]
    queries = [q for u in users for q in getattr(u, qattr)]
    with open(os.path.join(out_dir, "documents.jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d.id, "user_id": d.user_id, "collection": d.collection,
                                "text": d.text, "metadata": d.meta}, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "queries.jsonl"), "w", encoding="utf-8") as f:
        for q in queries:
            f.write(json.dumps({k: v for k, v in q.items() if not k.startswith("_")},
                               ensure_ascii=False) + "\n")
    if show:
        by_id = {d.id: d for d in docs}
        for q in queries:
            print(f"\n[{q['id']}] ({q['type']}/{q['_lang']}) {q['query']}")
            for r in q["relevant"]:
                print("    ", r, "|", by_id[r].text.replace("\n", " / ")[:110])
    return docs, queries


def stats(part, docs, queries, qtypes=QTYPES):
    lines = [f"### {part}", ""]
    lines.append(f"- documents: {len(docs)}; queries: {len(queries)}")
    per_user = Counter(d.user_id for d in docs)
    lines.append("- documents per user: " + ", ".join(f"{u} {n}" for u, n in sorted(per_user.items())))
    lines.append("- documents per layout: " + ", ".join(f"{k} {v}" for k, v in Counter(d.layout for d in docs).most_common()))
    lines.append("- documents per language: " + ", ".join(f"{k} {v}" for k, v in Counter(d.lang for d in docs).most_common()))
    lines.append("- documents per collection: " + ", ".join(f"{k} {v}" for k, v in Counter(d.collection for d in docs).most_common()))
    qt = Counter(q["type"] for q in queries)
    lines.append("- queries per type: " + ", ".join(f"{t} {qt[t]}" for t in qtypes))
    ql = Counter(q["_lang"] for q in queries)
    lines.append("- queries per language: " + ", ".join(f"{k} {v}" for k, v in ql.most_common()))
    tl = defaultdict(Counter)
    for q in queries:
        tl[q["type"]][q["_lang"]] += 1
    lines.append("- queries per type x language: " + "; ".join(
        f"{t} " + "/".join(f"{l} {n}" for l, n in sorted(tl[t].items())) for t in qtypes))
    sizes = [len(q["relevant"]) for q in queries if q["type"] != "no_answer"]
    lines.append(f"- relevant per answerable query: min {min(sizes)}, max {max(sizes)}, "
                 f"mean {sum(sizes) / len(sizes):.2f}")
    return "\n".join(lines)


def validate(part, n_docs_min, n_q_min, prefix, qtypes=QTYPES, min_per_type=10):
    """Re-read the written files and check them independently of the builder."""
    d_path = os.path.join(HERE, part, "documents.jsonl")
    q_path = os.path.join(HERE, part, "queries.jsonl")
    docs = [json.loads(l) for l in open(d_path, encoding="utf-8")]
    qs = [json.loads(l) for l in open(q_path, encoding="utf-8")]
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate doc ids"
    owner = {d["id"]: d["user_id"] for d in docs}
    for d in docs:
        assert set(d) == {"id", "user_id", "collection", "text", "metadata"}, d["id"]
        assert d["collection"] in COLL, d["id"]
        assert d["user_id"].startswith(prefix), d["id"]
        assert d["id"].startswith(d["user_id"] + "_"), d["id"]
        assert isinstance(d["metadata"], dict) and d["text"].strip()
    qids = [q["id"] for q in qs]
    assert len(qids) == len(set(qids)), "duplicate query ids"
    for q in qs:
        assert set(q) == {"id", "user_id", "query", "relevant", "type"}, q["id"]
        assert q["type"] in qtypes
        assert len(q["relevant"]) == len(set(q["relevant"])), q["id"]
        for r in q["relevant"]:
            assert r in owner, (q["id"], r)
            assert owner[r] == q["user_id"], (q["id"], r)
        assert (q["type"] == "no_answer") == (not q["relevant"]), q["id"]
    per_user = Counter(d["user_id"] for d in docs)
    assert len(per_user) == 4, per_user
    for u, n in per_user.items():
        assert 45 <= n <= 60, (u, n)
    assert len(docs) >= n_docs_min, len(docs)
    assert len(qs) >= n_q_min, len(qs)
    t = Counter(q["type"] for q in qs)
    for qt in qtypes:
        assert t[qt] >= min_per_type, (part, qt, t[qt])
    texts = [q["query"].strip().lower() for q in qs]
    assert len(texts) == len(set(texts)), "duplicate query text"
    return docs, qs


def main():
    show = "--show" in sys.argv
    sys.path.insert(0, HERE)
    import src_heldout
    import src_dev
    report = []
    parts = {}
    users_of = {}
    for part, mod, nd, nq, prefix in (("heldout", src_heldout, 200, 80, "ho_u"),
                                      ("dev", src_dev, 200, 75, "dev_u")):
        users = users_of[part] = mod.build(User, part)
        docs, queries = write_part(part, users, show)
        report.append(stats(part, docs, queries))
        parts[part] = validate(part, nd, nq, prefix)
    # no query text shared between the parts
    h = {q["query"].strip().lower() for q in parts["heldout"][1]}
    d = {q["query"].strip().lower() for q in parts["dev"][1]}
    assert not (h & d), h & d
    total_docs = sum(len(p[0]) for p in parts.values())
    total_q = sum(len(p[1]) for p in parts.values())
    assert total_docs >= 400 and total_q >= 150, (total_docs, total_q)
    print("\n\n".join(report))
    print(f"\nTOTAL documents {total_docs}, queries {total_q}: all checks passed")

    # ---- typo sets: the same documents, the queries of src_typo.py (heldout list first)
    import src_typo
    known = h | d
    report = []
    for part, base, entries, prefix, uprefix in (
            ("typo_heldout", "heldout", src_typo.TYPO_HELDOUT, "th", "ho_u"),
            ("typo_dev", "dev", src_typo.TYPO_DEV, "td", "dev_u")):
        by_uid = {u.uid: u for u in users_of[base]}
        for uid, qtype, lang, text, scope in entries:
            by_uid[uid].tq(prefix, qtype, lang, text, **scope)
        docs, queries = write_part(part, users_of[base], show, qattr="typo_queries")
        # The same documents: a link to the part's file, not a second copy of it.
        d_path = os.path.join(HERE, part, "documents.jsonl")
        os.remove(d_path)
        os.symlink(os.path.join("..", base, "documents.jsonl"), d_path)
        report.append(stats(part, docs, queries, TYPO_QTYPES))
        _, qs = validate(part, 200, 40, uprefix, TYPO_QTYPES, 2)
        same = open(os.path.join(HERE, base, "documents.jsonl"), "rb").read()
        assert open(os.path.join(HERE, part, "documents.jsonl"), "rb").read() == same, part
        per_user = Counter(q["user_id"] for q in qs)
        assert len(per_user) == 4 and min(per_user.values()) >= 10, per_user
        for q in qs:
            n = int(q["user_id"].split("_u")[1])
            assert q["id"].startswith(f"{prefix}_u{n}_q"), q["id"]
        texts = {q["query"].strip().lower() for q in qs}
        assert not (texts & known), texts & known
        known |= texts
    print("\n\n" + "\n\n".join(report))
    print("\ntypo sets: all checks passed")


if __name__ == "__main__":
    main()
