#!/usr/bin/env python3
"""Writes labelled_set.json: 320 backtests of 5 users (KRX and US symbols, every strategy kind,
several periods) and 60 queries (30 Korean, 30 English) labelled with the ids of the backtests
they ask for: every backtest of that user with the named symbol and strategy (and start year, when
the query names one). Deterministic (seeded). The document texts are not stored here: `quantai rag
eval` renders each backtest with the same formatter the indexer uses.

    python3 crates/quantai-rag/eval/make_set.py > crates/quantai-rag/eval/labelled_set.json
"""
import json
import random

rng = random.Random(20261121)
SYMBOLS = [  # symbol, market, Korean name, English name
    ("005930", "KRX", "삼성전자", "Samsung Electronics"), ("000660", "KRX", "SK하이닉스", "SK Hynix"),
    ("035420", "KRX", "네이버", "NAVER"), ("035720", "KRX", "카카오", "Kakao"),
    ("005380", "KRX", "현대차", "Hyundai Motor"), ("051910", "KRX", "LG화학", "LG Chem"),
    ("068270", "KRX", "셀트리온", "Celltrion"), ("000270", "KRX", "기아", "Kia"),
    ("AAPL", "US", "애플", "Apple"), ("MSFT", "US", "마이크로소프트", "Microsoft"),
    ("TSLA", "US", "테슬라", "Tesla"), ("NVDA", "US", "엔비디아", "NVIDIA"),
    ("AMZN", "US", "아마존", "Amazon"), ("GOOG", "US", "알파벳 구글", "Alphabet Google"),
]
KINDS = {  # kind: params, Korean phrasings, English phrasings
    "sma_cross": ({"fast": [5, 10, 20], "slow": [30, 50, 60]}, ["이동평균 교차", "SMA 교차"], ["SMA crossover", "moving average crossover"]),
    "ema_cross": ({"fast": [8, 12], "slow": [26, 40]}, ["지수이동평균 교차", "EMA 교차"], ["EMA crossover", "exponential moving average cross"]),
    "rsi_reversion": ({"period": [14, 21], "lower": [25, 30], "upper": [70, 75]}, ["RSI 역추세", "RSI 과매도 매수"], ["RSI mean reversion", "RSI oversold"]),
    "bollinger_breakout": ({"period": [20], "k": [2, 2.5]}, ["볼린저 밴드 돌파"], ["Bollinger band breakout", "Bollinger breakout"]),
    "bollinger_reversion": ({"period": [20], "k": [2]}, ["볼린저 밴드 회귀"], ["Bollinger band mean reversion"]),
    "macd_cross": ({"fast": [12], "slow": [26], "signal": [9]}, ["MACD 교차"], ["MACD crossover", "MACD signal cross"]),
    "buy_and_hold": ({}, ["매수 후 보유"], ["buy and hold"]),
}
USERS = ["alice", "bob", "chulsoo", "younghee", "dave"]
YEARS = [2010, 2013, 2015, 2018, 2020]

backtests = []
for user in USERS:
    combos = [(s, k) for s in SYMBOLS for k in KINDS]
    rng.shuffle(combos)
    made = 0
    for (sym, kind) in combos:
        if made >= 64:
            break
        # One or two backtests per (symbol, kind), different start years.
        for y in rng.sample(YEARS, rng.choice([1, 1, 2])):
            if made >= 64:
                break
            params = {p: rng.choice(v) for p, v in KINDS[kind][0].items()}
            n = rng.randint(3, 140) if kind != "buy_and_hold" else 1
            backtests.append({
                "user": user, "id": f"{user}-{made:03d}", "symbol": sym[0], "market": sym[1], "kind": kind,
                "params": params, "from": f"{y}-01-04", "to": f"{y + rng.randint(2, 5)}-12-30",
                "total_return": round(rng.uniform(-0.45, 1.8), 4), "sharpe": round(rng.uniform(-0.8, 2.2), 2),
                "max_drawdown": round(-rng.uniform(0.04, 0.6), 4), "n_trades": n,
                "win_rate": round(rng.uniform(0.25, 0.7), 4) if n > 1 else 1.0,
            })
            made += 1

by_user = {u: [b for b in backtests if b["user"] == u] for u in USERS}
queries = []
KO = ["{ko} {kind} 백테스트 결과", "{ko}에서 돌린 {kind} 전략 성과 보여줘", "{ko} {kind} 전략 샤프 비율이 어땠지?",
      "{year}년부터 {ko} {kind} 백테스트", "{sym} {kind} 결과 요약해줘"]
EN = ["my {kind} backtest on {en}", "how did the {kind} strategy do on {en}?", "{sym} {kind} results",
      "{kind} on {en} starting {year}", "show the {en} ({sym}) {kind} test"]
for lang, templates in (("ko", KO), ("en", EN)):
    for i in range(30):
        user = USERS[i % len(USERS)]
        b = rng.choice(by_user[user])
        sym = next(s for s in SYMBOLS if s[0] == b["symbol"])
        t = templates[i % len(templates)]
        kinds = KINDS[b["kind"]][1 if lang == "ko" else 2]
        q = t.format(ko=sym[2], en=sym[3], sym=sym[0], kind=rng.choice(kinds), year=b["from"][:4])
        rel = [x["id"] for x in by_user[user] if x["symbol"] == b["symbol"] and x["kind"] == b["kind"]
               and ("{year}" not in t or x["from"][:4] == b["from"][:4])]
        queries.append({"user": user, "lang": lang, "query": q, "relevant": rel})

print(json.dumps({"backtests": backtests, "queries": queries}, ensure_ascii=False, indent=1))
