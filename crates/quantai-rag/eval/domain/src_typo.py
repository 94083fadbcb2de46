# Typo query sets over the same documents as heldout/ and dev/. Written by hand, the heldout
# list first (finished before the dev list was started).
# Each entry: (user, type, language of the intended query, query text, scope). The scope is the
# one make.py uses for every query (syms / kinds / pred / keys / add / drop), stated for the query
# as it reads with its typos corrected. Numbers in add=/drop= are the document keys of that user
# (the `# 12` comments in src_heldout.py / src_dev.py).
# typo_hanyoung queries are Korean typed with the IME in English mode on a 두벌식 keyboard (or the
# reverse); the comment gives the intended text.
from make import MA, BB, MR, sharpe_ge, mdd_worse, mdd_within, win_gt, ret_lt, ret_gt, params, both

SMA, EMA, RSI, BBO, BBR, MACD, BH = ("sma_cross", "ema_cross", "rsi_reversion", "bollinger_breakout",
                                      "bollinger_reversion", "macd_cross", "buy_and_hold")


def sharpe_gt(x):
    return lambda d: d.S is not None and d.S > x


def win_ge(x):
    return lambda d: d.W is not None and d.W >= x


TYPO_HELDOUT = [
    # ---- ho_u1: Korean retail, KRX names + NVDA/TSLA
    ("ho_u1", "typo_name", "ko", "삼성젼자 RSI 결과", dict(syms="005930", kinds=RSI)),
    ("ho_u1", "typo_strategy", "ko", "하이닉스 볼린더 돌파", dict(syms="000660", kinds=BBO)),
    ("ho_u1", "typo_mixed", "ko", "카카로 볼밴 하단매수", dict(syms="035720", kinds=BBR)),
    ("ho_u1", "typo_strategy", "ko", "현대차 지수이평 10/30 골든크러스",
     dict(syms="005380", kinds=EMA, pred=params(fast=10, slow=30))),
    ("ho_u1", "typo_strategy", "ko", "SK하이닉스 RSI 역추새", dict(syms="000660", kinds=RSI)),
    ("ho_u1", "typo_kpi", "ko", "승율 60% 넘은 백테스트 뭐 있었지", dict(pred=win_gt(60))),
    ("ho_u1", "typo_kpi", "ko", "MMD 50% 넘게 물린 거", dict(pred=mdd_worse(50))),
    ("ho_u1", "typo_mixed", "ko", "삼전 볼린져밴드 역추세", dict(syms="005930", kinds=BBR)),
    ("ho_u1", "typo_mixed", "en", "tesal ema 9/21 crosover", dict(syms="TSLA", kinds=EMA, pred=params(fast=9, slow=21))),
    ("ho_u1", "typo_hanyoung", "ko", "zkzkdh whsqj", dict(syms="035720", kinds=BH)),  # = 카카오 존버
    ("ho_u1", "typo_name", "en", "Nvidai RSI dip buying", dict(syms="NVDA", kinds=RSI)),
    ("ho_u1", "typo_name", "ko", "네이벼 EMA 12/26", dict(syms="035420", kinds=EMA, pred=params(fast=12, slow=26))),
    # ---- ho_u2: US names, English
    ("ho_u2", "typo_name", "en", "APPL golden cross 50/200", dict(syms="AAPL", kinds=MA, pred=params(fast=50, slow=200))),
    ("ho_u2", "typo_name", "en", "MFST MACD backtest", dict(syms="MSFT", kinds=MACD)),
    ("ho_u2", "typo_name", "en", "Amazom bollinger mean reversion", dict(syms="AMZN", kinds=BBR)),
    ("ho_u2", "typo_name", "en", "jpmorgan chsae sma 20/50", dict(syms="JPM", kinds=SMA, pred=params(fast=20, slow=50))),
    ("ho_u2", "typo_mixed", "en", "coca cloa rsi dip biying", dict(syms="KO", kinds=RSI)),
    ("ho_u2", "typo_strategy", "en", "META RSI mean revertion", dict(syms="META", kinds=RSI)),
    ("ho_u2", "typo_strategy", "en", "TSLA bollinger brekout", dict(syms="TSLA", kinds=BBO)),
    ("ho_u2", "typo_kpi", "en", "sharp ratio over 1.1", dict(pred=sharpe_gt(1.1))),
    ("ho_u2", "typo_kpi", "en", "backtests with max drawdwon under 20%", dict(pred=mdd_within(20))),
    ("ho_u2", "typo_mixed", "en", "samsnug 20/60 golden crss", dict(syms="005930", kinds=MA, pred=params(fast=20, slow=60))),
    ("ho_u2", "typo_mixed", "en", "spy rsi2 bakctest resluts", dict(syms="SPY", kinds=RSI)),
    ("ho_u2", "typo_strategy", "en", "AAPL exponental moving avg 12/26",
     dict(syms="AAPL", kinds=EMA, pred=params(fast=12, slow=26))),
    # ---- ho_u3: mixed ko/en, semis, batteries, leveraged ETFs
    ("ho_u3", "typo_name", "ko", "엔디비아 RSI 30/70", dict(syms="NVDA", kinds=RSI)),
    ("ho_u3", "typo_name", "ko", "에코프로비앰 볼밴 돌파", dict(syms="247540", kinds=BBO)),
    ("ho_u3", "typo_name", "mix", "LG앤솔 RSI 결과", dict(syms="373220", kinds=RSI)),
    ("ho_u3", "typo_mixed", "en", "TQQQQ bolinger breakout", dict(syms="TQQQ", kinds=BBO)),
    ("ho_u3", "typo_name", "ko", "애코프로 MACD", dict(syms="086520", kinds=MACD)),
    ("ho_u3", "typo_strategy", "mix", "AMD 볼린저 평균회기", dict(syms="AMD", kinds=BBR)),
    ("ho_u3", "typo_strategy", "en", "soxx golden corss 20/60", dict(syms="SOXX", kinds=MA, pred=params(fast=20, slow=60))),
    ("ho_u3", "typo_strategy", "mix", "삼성SDI EMA crossovr", dict(syms="006400", kinds=EMA)),
    ("ho_u3", "typo_kpi", "ko", "사프 1.3 이상 나온 거", dict(pred=sharpe_ge(1.3))),
    ("ho_u3", "typo_kpi", "ko", "에코프로 최대낙푝 50% 넘는 거", dict(syms="086520", pred=mdd_worse(50))),
    ("ho_u3", "typo_hanyoung", "ko", "dpsqleldk dlvud", dict(syms="NVDA", kinds=MA)),  # = 엔비디아 이평
    ("ho_u3", "typo_mixed", "en", "GOOLG 20/50 sma cros", dict(syms="GOOGL", kinds=SMA, pred=params(fast=20, slow=50))),
    # ---- ho_u4: Korean desk, KRX large caps, bio, banks, some US
    ("ho_u4", "typo_name", "ko", "샐트리온 볼밴", dict(syms="068270", kinds=BB)),
    ("ho_u4", "typo_name", "ko", "삼성바이오로짓스 MACD", dict(syms="207940", kinds=MACD)),
    ("ho_u4", "typo_name", "ko", "KB금웅 RSI 역추세", dict(syms="105560", kinds=RSI)),
    ("ho_u4", "typo_mixed", "en", "Netflx ema cross over", dict(syms="NFLX", kinds=EMA)),
    ("ho_u4", "typo_name", "ko", "기야 골든크로스 20/60", dict(syms="000270", kinds=MA, pred=params(fast=20, slow=60))),
    ("ho_u4", "typo_strategy", "ko", "LG화학 볼린저 돌퍄", dict(syms="051910", kinds=BBO)),
    ("ho_u4", "typo_strategy", "ko", "KODEX 200 60/120 이동펑균",
     dict(syms="069500", kinds=MA, pred=params(fast=60, slow=120))),
    ("ho_u4", "typo_kpi", "ko", "샤프지스 0.9 이상인 백테스트", dict(pred=sharpe_ge(0.9))),
    ("ho_u4", "typo_kpi", "ko", "수익율 50% 넘는 기아 전략", dict(syms="000270", pred=ret_gt(50))),
    ("ho_u4", "typo_hanyoung", "ko", "tkaqk dlvud", dict(syms="207940", kinds=MA)),  # = 삼바 이평
    ("ho_u4", "typo_mixed", "ko", "헌대차 20/60 골크", dict(syms="005380", kinds=MA, pred=params(fast=20, slow=60))),
    ("ho_u4", "typo_mixed", "en", "googl bollnger brakout", dict(syms="GOOGL", kinds=BBO)),
]

TYPO_DEV = [
    # ---- dev_u1: Korean retail, KRX large caps + Apple
    # (dev_u1 #27 is the note "삼전 EMA 12/26이랑 SMA 5/20 ..." which states the pair but has no params fact)
    ("dev_u1", "typo_name", "ko", "삼송전자 EMA 12/26", dict(syms="005930", kinds=EMA, pred=params(fast=12, slow=26), add=(27,))),
    ("dev_u1", "typo_name", "ko", "SK하이닉수 볼린저 하단", dict(syms="000660", kinds=BBR)),
    ("dev_u1", "typo_strategy", "ko", "기아 볼링저 돌파", dict(syms="000270", kinds=BBO)),
    ("dev_u1", "typo_strategy", "ko", "현대차 RSI 역츄세", dict(syms="005380", kinds=RSI)),
    ("dev_u1", "typo_mixed", "ko", "카카우 5/20 골크", dict(syms="035720", kinds=MA, pred=params(fast=5, slow=20))),
    ("dev_u1", "typo_name", "ko", "네이보 MACD", dict(syms="035420", kinds=MACD)),
    ("dev_u1", "typo_kpi", "ko", "현대차 승룰 60% 이상", dict(syms="005380", pred=win_ge(60))),
    ("dev_u1", "typo_kpi", "ko", "최대낚폭 40% 넘게 빠진 백테스트", dict(pred=mdd_worse(40))),
    ("dev_u1", "typo_mixed", "en", "appel rsi 30/70 reversl", dict(syms="AAPL", kinds=RSI)),
    ("dev_u1", "typo_hanyoung", "ko", "애플 ㅡㅁㅊㅇ", dict(syms="AAPL", kinds=MACD)),  # = 애플 MACD, "MACD" typed in Korean mode
    # (dev_u1 #34 is the note "KODEX200 ... vs 20/60 골크", which states the pair but has no params fact)
    ("dev_u1", "typo_mixed", "ko", "KODX200 골크 20/60", dict(syms="069500", kinds=MA, pred=params(fast=20, slow=60), add=(34,))),
    ("dev_u1", "typo_strategy", "en", "Apple simple moving avrage 20/50", dict(syms="AAPL", kinds=SMA, pred=params(fast=20, slow=50))),
    # ---- dev_u2: English, US growth names and index ETFs, SK hynix
    ("dev_u2", "typo_name", "en", "NVDIA buy and hold", dict(syms="NVDA", kinds=BH)),
    ("dev_u2", "typo_name", "en", "Netlfix sma 10/30", dict(syms="NFLX", kinds=SMA, pred=params(fast=10, slow=30))),
    ("dev_u2", "typo_name", "en", "Aplhabet bb mean reversion", dict(syms="GOOGL", kinds=BBR)),
    ("dev_u2", "typo_name", "en", "SK Hynxi RSI", dict(syms="000660", kinds=RSI)),
    ("dev_u2", "typo_strategy", "en", "SPY moving avreage 50/200", dict(syms="SPY", kinds=MA, pred=params(fast=50, slow=200))),
    ("dev_u2", "typo_strategy", "en", "QQQ ema 9/21 crossvoer", dict(syms="QQQ", kinds=EMA, pred=params(fast=9, slow=21))),
    ("dev_u2", "typo_strategy", "en", "META bollinger breakuot", dict(syms="META", kinds=BBO)),
    ("dev_u2", "typo_kpi", "en", "sharpe ration above 1.3", dict(pred=sharpe_gt(1.3))),
    ("dev_u2", "typo_kpi", "en", "NVDA strategies with win rtae above 60%", dict(syms="NVDA", pred=win_gt(60))),
    ("dev_u2", "typo_mixed", "en", "googl exponentail ma 20/50", dict(syms="GOOGL", kinds=EMA, pred=params(fast=20, slow=50))),
    ("dev_u2", "typo_mixed", "en", "amd rsi meanrevrsion", dict(syms="AMD", kinds=RSI)),
    ("dev_u2", "typo_mixed", "en", "tqqq sma20/100 fliter", dict(syms="TQQQ", kinds=SMA, pred=params(fast=20, slow=100))),
    # ---- dev_u3: mixed ko/en, batteries, Tesla, Amazon, Microsoft
    ("dev_u3", "typo_name", "ko", "LG하학 EMA 교차", dict(syms="051910", kinds=EMA)),
    ("dev_u3", "typo_name", "ko", "에코프로비엔 MACD", dict(syms="247540", kinds=MACD)),
    ("dev_u3", "typo_name", "ko", "태슬라 RSI", dict(syms="TSLA", kinds=RSI)),
    ("dev_u3", "typo_name", "ko", "마이크로스프트 볼린저 하단 매수", dict(syms="MSFT", kinds=BBR)),
    ("dev_u3", "typo_strategy", "mix", "에코프로 RSI 역추셰", dict(syms="086520", kinds=RSI)),
    ("dev_u3", "typo_strategy", "mix", "SDI 볼린저 돌팍", dict(syms="006400", kinds=BBO)),
    ("dev_u3", "typo_strategy", "en", "AMZN exponential movng average 9/21", dict(syms="AMZN", kinds=EMA, pred=params(fast=9, slow=21))),
    ("dev_u3", "typo_kpi", "ko", "샤프비률 1.3 이상", dict(pred=sharpe_ge(1.3))),
    ("dev_u3", "typo_kpi", "en", "TSLA max drowdown over 50%", dict(syms="TSLA", pred=mdd_worse(50))),
    ("dev_u3", "typo_hanyoung", "mix", "akth RSI", dict(syms="MSFT", kinds=RSI)),  # = 마소 RSI, "마소" typed in English mode
    ("dev_u3", "typo_mixed", "ko", "삼성 SDI 골크20/60", dict(syms="006400", kinds=MA, pred=params(fast=20, slow=60))),
    ("dev_u3", "typo_mixed", "en", "Telsa goldencross 10/30", dict(syms="TSLA", kinds=MA, pred=params(fast=10, slow=30))),
    # ---- dev_u4: Korean defensive investor, banks, bio, Coca-Cola, Apple, leveraged ETF
    ("dev_u4", "typo_name", "ko", "셀트리언 MACD", dict(syms="068270", kinds=MACD)),
    ("dev_u4", "typo_name", "ko", "KB굼융 EMA 20/60", dict(syms="105560", kinds=EMA, pred=params(fast=20, slow=60))),
    ("dev_u4", "typo_name", "ko", "코카꼴라 골든크로스 50/200", dict(syms="KO", kinds=MA, pred=params(fast=50, slow=200))),
    ("dev_u4", "typo_name", "ko", "에플 볼린저 돌파", dict(syms="AAPL", kinds=BBO)),
    ("dev_u4", "typo_strategy", "ko", "삼바 볼린져 하단 매수", dict(syms="207940", kinds=BBR)),
    ("dev_u4", "typo_strategy", "ko", "KODEX 레버리지 지수이동편균 10/30", dict(syms="122630", kinds=EMA, pred=params(fast=10, slow=30))),
    ("dev_u4", "typo_strategy", "en", "JPM rsi mean reverson", dict(syms="JPM", kinds=RSI)),
    ("dev_u4", "typo_kpi", "ko", "삼전 승류 65% 이상", dict(syms="005930", pred=win_ge(65))),
    ("dev_u4", "typo_kpi", "ko", "KB금융 샤푸 0.8 이상", dict(syms="105560", pred=sharpe_ge(0.8))),
    ("dev_u4", "typo_hanyoung", "ko", "tkawjs qhfqos gkeks", dict(syms="005930", kinds=BBR)),  # = 삼전 볼밴 하단
    ("dev_u4", "typo_mixed", "ko", "KODEX레버리자 MACD", dict(syms="122630", kinds=MACD)),
    ("dev_u4", "typo_mixed", "en", "cocacola emma 10/40", dict(syms="KO", kinds=EMA, pred=params(fast=10, slow=40))),
]
