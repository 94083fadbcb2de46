# Dev part: users dev_u1..dev_u4. Written by hand after the heldout part was finished.
# Numbers in comments (# 12) are the document keys.
from make import MA, BB, MR, sharpe_ge, mdd_worse, mdd_within, win_gt, ret_lt, ret_gt, params, both

SMA, EMA, RSI, BBO, BBR, MACD, BH = ("sma_cross", "ema_cross", "rsi_reversion", "bollinger_breakout",
                                      "bollinger_reversion", "macd_cross", "buy_and_hold")
M9 = dict(fast=12, slow=26, signal=9)
KRX_COSTS = (0.015, 0.18, 0.05)
US = ("AAPL", "MSFT", "NVDA", "GOOGL", "AMZN", "META", "TSLA", "AMD", "NFLX", "JPM", "KO", "SPY", "QQQ", "TQQQ", "SOXX")


def win_ge(x):
    return lambda d: d.W is not None and d.W >= x


def dev_u1(User, part):
    """Korean retail, methodical (versions, HTS exports), KRX large caps + a bit of Apple."""
    u = User(part, "dev_u1")
    u.qs("005930", EMA, dict(fast=12, slow=26), "2020-01-02", "2024-06-28", 15.7, 0.44, -21.9, 41.9, 31)  # 1
    u.qs("005930", MACD, M9, "2019-01-02", "2023-12-28", 22.3, 0.58, -19.2, 44.8, 29, costs=KRX_COSTS)  # 2
    u.qs("000660", BBR, dict(period=20, k=2.0), "2019-01-02", "2023-12-28", 41.0, 0.79, -23.5, 64.7, 17)  # 3
    u.qs("000660", EMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-28", 88.6, 1.02, -27.7, 50.0, 12, direction="long")  # 4
    u.qs("000270", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-28", 34.2, 0.71, -18.3, 68.8, 16)  # 5
    u.qs("005380", SMA, dict(fast=5, slow=20), "2019-01-02", "2023-12-28", -11.4, -0.19, -33.0, 31.6, 57, costs=KRX_COSTS)  # 6
    u.qs("035720", RSI, dict(period=14, lower=30, upper=70), "2020-01-02", "2024-06-28", -27.5, -0.44, -48.6, 42.9, 14)  # 7
    u.qs("035420", BBO, dict(period=20, k=2.0), "2019-01-02", "2023-12-28", 18.9, 0.36, -36.7, 38.1, 21)  # 8
    u.qs("069500", BH, {}, "2019-01-02", "2023-12-28", 27.1, 0.43, -35.4, None, 1)  # 9
    u.qs("AAPL", MACD, M9, "2019-01-02", "2023-12-29", 79.3, 0.93, -22.5, 46.9, 32)  # 10
    u.qs("000270", BBO, dict(period=20, k=2.0), "2020-01-02", "2024-06-28", 95.6, 1.12, -20.8, 52.2, 23)  # 11
    # reports
    u.rep("ko", """
키움 조건검색 백테스트 — 삼성전자
[매수] RSI(14) 30 하향 돌파 후 재돌파  [매도] RSI(14) 70 상향 돌파
검증: 2019-01-02 ~ 2023-12-28
수익률 11.2%  최대낙폭 -16.0%  승률 60.0%  매매 10건
""", sym="005930", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=11.2, M=-16.0, W=60.0, N=10, meta={"source": "HTS"})  # 12
    u.rep("en", """
SMA 5/20 on 005930, fees on
Start                     2020-01-02
End                       2023-12-28
Return [%]                -4.3
Sharpe Ratio              -0.09
Max. Drawdown [%]         -25.8
# Trades                  54
Win Rate [%]              35.2
_strategy                 SmaCross(n1=5,n2=20)
""", sym="005930", kind=SMA, p=dict(fast=5, slow=20), y=(2020, 2023),
          R=-4.3, S=-0.09, M=-25.8, W=35.2, N=54, meta={"source": "backtesting.py"})  # 13
    u.rep("ko", """
[백테스트] 하이닉스 골든크로스 (5일선 / 20일선)
기간 2019.01.02 ~ 2023.12.28, 일봉 종가 기준
누적수익률 +63.8% · 최대손실폭 -31.4% · 승률 40.0% · 45회
""", sym="000660", kind=SMA, p=dict(fast=5, slow=20), y=(2019, 2023),
          R=63.8, M=-31.4, W=40.0, N=45, meta={"source": "HTS"})  # 14
    u.rep("en", """
Apple Inc — SMA 20/50 Cross — TradingView
Jan 2, 2019 – Dec 29, 2023
Net Profit +61.4% · Max Drawdown 24.7% · Profitable 45.0% · Trades 20 · Sharpe 0.83
""", sym="AAPL", kind=SMA, p=dict(fast=20, slow=50), y=(2019, 2023),
          R=61.4, S=0.83, M=-24.7, W=45.0, N=20, meta={"source": "tradingview"})  # 15
    u.rep("ko", """
항목\t값
종목\t기아
전략\tMACD(12,26,9) 교차
구간\t2019-01-02 ~ 2023-12-28
총수익률\t73.9%
샤프지수\t0.98
MDD\t-24.1%
승률\t48.3%
매매수\t29
""", sym="000270", kind=MACD, p=M9, y=(2019, 2023),
          R=73.9, S=0.98, M=-24.1, W=48.3, N=29, meta={"source": "excel"})  # 16
    u.rep("ko", """
현대차 RSI 역추세 시뮬레이션 결과
조건: 14일 RSI 30 미만 매수, 70 초과 매도
2019/01/02~2023/12/28 | 누적 +17.6% | MDD -21.4% | 승률 63.6% (11회)
""", sym="005380", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=17.6, M=-21.4, W=63.6, N=11, meta={"source": "HTS", "symbol": "005380"})  # 17
    u.rep("en", """
# 035720.KS
Start                     2020-01-02
End                       2023-12-28
Return [%]                -19.7
Sharpe Ratio              -0.35
Max. Drawdown [%]         -42.8
# Trades                  20
Win Rate [%]              55.0
_strategy                 BollingerReversion(n=20,k=2)
""", sym="035720", kind=BBR, p=dict(period=20, k=2.0), y=(2020, 2023),
          R=-19.7, S=-0.35, M=-42.8, W=55.0, N=20, meta={"source": "backtesting.py"})  # 18
    u.rep("ko", """
[시스템 성과] 카카오 / 이평 5-20 골든크로스
2020.01.02 ~ 2023.12.28
누적 -44.1%   최대손실폭 -58.2%   승률 28.3%   매매 46회
""", sym="035720", kind=SMA, p=dict(fast=5, slow=20), y=(2020, 2023),
          R=-44.1, M=-58.2, W=28.3, N=46, meta={"source": "HTS"})  # 19
    u.rep("ko", """
네이버,RSI(14) 30/70,2019-01-02,2023-12-28
수익률,9.8%
샤프,0.21
MDD,-29.3%
승률,58.8%
거래,17
""", sym="035420", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=9.8, S=0.21, M=-29.3, W=58.8, N=17, meta={"source": "excel"})  # 20
    u.rep("ko", """
KODEX 200 골든크로스 전략 검증 (20일/60일)
테스트 기간: 2019-01-02 ~ 2023-12-28
누적 수익률: +19.4%
최대 손실폭: -14.8%
승률: 54.5%
매매 횟수: 11회
""", sym="069500", kind=SMA, p=dict(fast=20, slow=60), y=(2019, 2023),
          R=19.4, M=-14.8, W=54.5, N=11, meta={"source": "HTS", "symbol": "069500"})  # 21
    u.rep("en", """
Apple · RSI(14) reversal 30/70 · daily
2019-01-02 → 2023-12-29
Net profit 42.7% | Max DD 17.5% | Win rate 70.6% (12/17) | Sharpe 0.74
""", sym="AAPL", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=42.7, S=0.74, M=-17.5, W=70.6, N=17, meta={"source": "tradingview"})  # 22
    u.rep("ko", """
< 삼성전자 볼린저밴드 상단 돌파 >
· 설정값 20일, 승수 2
· 기간 2019년 1월 2일 ~ 2023년 12월 28일
· 누적손익 -2.4% / 최대낙폭 -20.1%
· 22번 매매 중 8번 수익 (승률 36.4%)
""", sym="005930", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=-2.4, M=-20.1, W=36.4, N=22, meta={"source": "증권사 리포트"})  # 23
    u.rep("ko", """
현대차 | BB하단매수_중심선매도 | 2019-01-02~2023-12-28 | 29.3% | 0.66 | -17.7% | 66.7% | 15
""", sym="005380", kind=BBR, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=29.3, S=0.66, M=-17.7, W=66.7, N=15, meta={"source": "excel"})  # 24
    u.rep("ko", """
[백테스트 결과] NAVER MACD 시그널 교차
기간: 2020.01.02~2024.06.28
누적수익률 -15.8% | 최대손실폭 -39.5% | 승률 37.0% | 거래 27회
""", sym="035420", kind=MACD, p=M9, y=(2020, 2024),
          R=-15.8, M=-39.5, W=37.0, N=27, meta={"source": "HTS"})  # 25
    u.rep("en", """
QuantConnect — Apple buy & hold benchmark
2019-01-02 to 2023-12-29
Total return 318.4%, Sharpe 1.31, max drawdown 31.3%
""", sym="AAPL", kind=BH, y=(2019, 2023), R=318.4, S=1.31, M=-31.3, meta={"source": "quantconnect"})  # 26
    # notes
    u.note("ko", "삼전 EMA 12/26이랑 SMA 5/20 둘 다 별로. 박스권에선 이평 교차는 그냥 수수료 기부",
           sym="005930", kind=[EMA, SMA])  # 27
    u.note("ko", "하닉 밴드 하단에서 주워서 중심선에 던지는 거, 승률 64.7% 나옴. 생각보다 괜찮",
           sym="000660", kind=BBR, W=64.7)  # 28
    u.note("ko", "하이닉스 EMA 20/60 → 샤프 1.02. 이게 메인 전략 후보",
           sym="000660", kind=EMA, p=dict(fast=20, slow=60), S=1.02)  # 29
    u.strat("ko", """
[전략] 기아 RSI 과매도 매수
RSI(14)가 30 밑으로 내려갔다가 다시 올라오면 매수 / 70 도달 시 매도
비용: 수수료 0.015%, 거래세 0.18%, 슬리피지 0.05%
""", sym="000270", kind=RSI, p=dict(period=14, lower=30, upper=70))  # 30
    u.note("ko", "현대차 5/20 단타 -11.4%... 57번 사고팔면서 수수료만 날림",
           sym="005380", kind=SMA, p=dict(fast=5, slow=20), R=-11.4, N=57)  # 31
    u.note("ko", "카카오 RSI 역추세 2020~2024: -27.5%. 떨어지는 칼날 잡기였음", sym="035720", kind=RSI, R=-27.5)  # 32
    u.note("ko", "네이버 볼밴 상단 뚫을 때 사는 거, 2020 코로나 반등 때만 먹히고 나머진 전부 가짜 돌파", sym="035420", kind=BBO)  # 33
    u.note("ko", "KODEX200 그냥 사서 들고 있는 거 vs 20/60 골크 → 골크 쪽이 MDD가 훨씬 작음",
           sym="069500", kind=[BH, SMA])  # 34
    u.note("mix", "AAPL MACD sharpe 0.93. 미국주식은 MACD가 국장보다 잘 맞는 느낌", sym="AAPL", kind=MACD, S=0.93)  # 35
    u.strat("ko", "기아 볼린저 돌파 v2: 종가가 상단밴드(20, 2σ) 위에서 마감하면 다음날 시가 매수, 중심선 하향 이탈 시 청산",
            sym="000270", kind=BBO, p=dict(period=20, k=2.0))  # 36
    u.note("ko", "삼전 MACD 12/26/9 → 승률 44.8%, 29번 매매. 수익은 +22.3%로 무난",
           sym="005930", kind=MACD, R=22.3, W=44.8, N=29)  # 37
    u.note("ko", "카카오 5/20 골크 -44.1%... 카카오는 뭘 돌려도 안 됨",
           sym="035720", kind=SMA, p=dict(fast=5, slow=20), R=-44.1)  # 38
    u.note("ko", "현대차 볼밴 하단 매수 승률 66.7%, 15번 중 10번 수익", sym="005380", kind=BBR, W=66.7, N=15)  # 39
    u.note("ko", "거래세 인하분 반영해서 국장 백테스트 전부 다시 돌려야 함 (연도별 세율 테이블 만들기)")  # 40
    u.note("ko", "애플 RSI 30/70 승률 70.6%. 근데 2022년에 한동안 물려 있었음", sym="AAPL", kind=RSI, W=70.6)  # 41
    u.note("ko", "하닉 골크 5/20: 매매 45번, MDD -31.4%. 너무 자주 털림",
           sym="000660", kind=SMA, p=dict(fast=5, slow=20), M=-31.4, N=45)  # 42
    u.note("ko", "네이버 MACD -15.8%. 플랫폼주 전체가 하락장이라 큰 의미 없음", sym="035420", kind=MACD, R=-15.8)  # 43
    u.note("ko", "To-do: 삼전 RSI 기간 14 → 9로 줄여서 다시 테스트", sym="005930", kind=RSI)  # 44
    # titles
    u.title("ko", "삼전 EMA 12/26", sym="005930", kind=EMA, p=dict(fast=12, slow=26))  # 45
    u.title("ko", "삼전 MACD v2", sym="005930", kind=MACD)  # 46
    u.title("ko", "하닉 BB 하단 줍기", coll="user_strategies", sym="000660", kind=BBR)  # 47
    u.title("ko", "하이닉스 지수이평 20/60 (메인)", coll="user_strategies", sym="000660", kind=EMA, p=dict(fast=20, slow=60))  # 48
    u.title("ko", "기아 RSI 30/70", sym="000270", kind=RSI)  # 49
    u.title("ko", "기아 볼밴 돌파 v2", coll="user_strategies", sym="000270", kind=BBO)  # 50
    u.title("ko", "현대차 5/20 단타", sym="005380", kind=SMA, p=dict(fast=5, slow=20))  # 51
    u.title("ko", "카카오 RSI 역추세 (실패)", sym="035720", kind=RSI)  # 52
    u.title("ko", "네이버 볼밴 돌파", sym="035420", kind=BBO)  # 53
    u.title("ko", "애플 MACD 2019-2023", sym="AAPL", kind=MACD)  # 54
    u.title("ko", "KODEX200 골크 20/60", sym="069500", kind=SMA, p=dict(fast=20, slow=60))  # 55

    u.q("plain", "ko", "삼성전자 MACD 백테스트 결과", syms="005930", kinds=MACD)
    u.q("plain", "ko", "기아 RSI 역추세", syms="000270", kinds=RSI)
    u.q("plain", "en", "AAPL MACD results", syms="AAPL", kinds=MACD)
    u.q("cross_lingual", "en", "Kakao RSI reversion results", syms="035720", kinds=RSI)
    u.q("cross_lingual", "ko", "애플 이동평균 교차", syms="AAPL", kinds=MA)
    u.q("cross_lingual", "en", "SK hynix Bollinger mean reversion", syms="000660", kinds=BBR)
    u.q("behaviour", "ko", "기아 주가가 위쪽 밴드 뚫고 올라가면 매수하는 전략", syms="000270", kinds=BBO)
    u.q("behaviour", "ko", "하이닉스 빠른 지수 평균이 느린 지수 평균 위로 올라설 때 매수", syms="000660", kinds=EMA)
    u.q("behaviour", "en", "Apple strategy that buys when it's oversold and sells when overbought", syms="AAPL", kinds=RSI)
    u.q("abbreviation", "ko", "하닉 골크", syms="000660", kinds=MA)
    u.q("abbreviation", "ko", "KODEX200 골크", syms="069500", kinds=MA)
    u.q("abbreviation", "ko", "현대차 BB 하단", syms="005380", kinds=BBR)
    u.q("abbreviation", "en", "Samsung Elec MA cross", syms="005930", kinds=MA)
    u.q("kpi_condition", "ko", "샤프 1 이상 나온 거", pred=sharpe_ge(1.0))
    u.q("kpi_condition", "ko", "MDD 40% 넘은 카카오 백테스트", syms="035720", pred=mdd_worse(40))
    u.q("kpi_condition", "ko", "승률 65% 이상인 전략", pred=win_ge(65))
    u.q("kpi_condition", "en", "NAVER backtests with negative returns", syms="035420", pred=ret_lt(0))
    u.q("typo", "ko", "삼셩전자 볼린저 돌파", syms="005930", kinds=BBO)
    u.q("typo", "en", "hyundai moter RSI", syms="005380", kinds=RSI)
    u.q("typo", "ko", "기아 MADC", syms="000270", kinds=MACD)
    u.q("no_answer", "ko", "테슬라 백테스트", syms="TSLA")
    u.q("no_answer", "ko", "2012년 삼성전자 결과", syms="005930", pred=lambda d: d.covers(2012))
    u.q("no_answer", "ko", "LG에너지솔루션 MACD", syms="373220")
    return u


def dev_u2(User, part):
    """English, US growth names and index ETFs, plus SK Hynix written in English."""
    u = User(part, "dev_u2")
    u.qs("NVDA", SMA, dict(fast=20, slow=50), "2019-01-02", "2023-12-29", 421.6, 1.38, -39.2, 52.4, 21)  # 1
    u.qs("NVDA", BBR, dict(period=20, k=2.0), "2019-01-02", "2023-12-29", 63.5, 0.61, -44.9, 61.9, 21)  # 2
    u.qs("AMD", EMA, dict(fast=12, slow=26), "2019-01-02", "2023-12-29", 104.8, 0.77, -51.6, 38.7, 31)  # 3
    u.qs("GOOGL", BBR, dict(period=20, k=2.0), "2019-01-02", "2023-12-29", 33.6, 0.69, -22.4, 68.0, 25)  # 4
    u.qs("NFLX", SMA, dict(fast=10, slow=30), "2019-01-02", "2023-12-29", -21.3, -0.22, -61.8, 30.0, 40)  # 5
    u.qs("SPY", SMA, dict(fast=50, slow=200), "2010-01-04", "2023-12-29", 187.2, 0.85, -19.6, 75.0, 8, direction="long")  # 6
    u.qs("QQQ", RSI, dict(period=14, lower=30, upper=70), "2015-01-02", "2023-12-29", 54.8, 0.63, -21.1, 76.9, 13)  # 7
    u.qs("TQQQ", SMA, dict(fast=20, slow=100), "2015-01-02", "2023-12-29", 611.9, 0.92, -57.3, 42.1, 19)  # 8
    u.qs("META", BBO, dict(period=20, k=2.0), "2019-01-02", "2023-12-29", 71.4, 0.58, -47.5, 41.2, 17)  # 9
    u.qs("000660", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-28", 27.8, 0.55, -24.8, 64.3, 14, costs=KRX_COSTS)  # 10
    u.qs("AMD", MACD, M9, "2019-01-02", "2023-12-29", 38.2, 0.36, -49.4, 36.4, 33)  # 11
    # reports
    u.rep("en", """
NVDA | MacdSignal(12,26,9)
Start                     2020-01-02
End                       2023-12-29
Exposure Time [%]         51.2
Return [%]                312.5
Sharpe Ratio              1.24
Calmar Ratio              1.37
Max. Drawdown [%]         -36.9
# Trades                  30
Win Rate [%]              46.7
""", sym="NVDA", kind=MACD, p=M9, y=(2020, 2023),
          R=312.5, S=1.24, M=-36.9, W=46.7, N=30, meta={"source": "backtesting.py"})  # 12
    u.rep("en", """
NVIDIA — buy and hold (TradingView, 1D)
2019-01-02 through 2023-12-29
Net profit +1490.2%   Max drawdown 66.4%   Sharpe 1.49
""", sym="NVDA", kind=BH, y=(2019, 2023), R=1490.2, S=1.49, M=-66.4, meta={"source": "tradingview"})  # 13
    u.rep("en", """
QuantConnect: AMD_RSI_MeanRev
RSI period 14, buy < 30, sell > 70 | 2019-01-01 → 2023-12-31
Net Profit 8.1%  ·  Sharpe 0.12  ·  Drawdown 45.3%  ·  Win Rate 56.3%  ·  Trades 16
""", sym="AMD", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=8.1, S=0.12, M=-45.3, W=56.3, N=16, meta={"source": "quantconnect"})  # 14
    u.rep("en", """
googl ema 20/50
Start                     2019-01-02
End                       2023-12-29
Return [%]                41.3
Sharpe Ratio              0.60
Max. Drawdown [%]         -29.0
# Trades                  21
Win Rate [%]              42.9
_strategy                 EmaCross(fast=20,slow=50)
""", sym="GOOGL", kind=EMA, p=dict(fast=20, slow=50), y=(2019, 2023),
          R=41.3, S=0.60, M=-29.0, W=42.9, N=21, meta={"source": "backtesting.py"})  # 15
    u.rep("en", """
sheet: benchmarks
name        | Alphabet (hold)
dates       | 2019-01-02 .. 2023-12-29
return      | 177.5%
sharpe      | 0.86
max dd      | -44.3%
""", sym="GOOGL", kind=BH, y=(2019, 2023), R=177.5, S=0.86, M=-44.3, meta={"source": "excel"})  # 16
    u.rep("en", """
Netflix Inc · Bollinger Bands breakout (20, 2) · Strategy Tester
Range: 2019-01-02 to 2023-12-29
Net Profit 57.2% / Max DD 38.1% / 45.0% profitable of 20 closed trades / Sharpe 0.51
""", sym="NFLX", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=57.2, S=0.51, M=-38.1, W=45.0, N=20, meta={"source": "tradingview"})  # 17
    u.rep("en", """
Backtest "SPY_MACD_Daily" (QuantConnect)
Window: 2015-01-02 – 2023-12-29
Net Profit: 46.9%
Sharpe Ratio: 0.52
Drawdown: 17.9%
Win Rate: 52.6%
Total Trades: 38
""", sym="SPY", kind=MACD, p=M9, y=(2015, 2023),
          R=46.9, S=0.52, M=-17.9, W=52.6, N=38, meta={"source": "quantconnect"})  # 18
    u.rep("en", """
SPY  BollingerReversion(n=20, k=2)   2015-01-02 .. 2023-12-29
Return [%]           38.6
Sharpe Ratio         0.57
Max. Drawdown [%]   -15.2
# Trades             26
Win Rate [%]         73.1
""", sym="SPY", kind=BBR, p=dict(period=20, k=2.0), y=(2015, 2023),
          R=38.6, S=0.57, M=-15.2, W=73.1, N=26, meta={"source": "backtesting.py"})  # 19
    u.rep("en", """
Invesco QQQ Trust — EMA 9/21 crossover — 1D
Jan 2018 → Dec 2023
Net profit 88.4%, max drawdown 24.6%, percent profitable 40.5% (37 trades), Sharpe 0.81
""", sym="QQQ", kind=EMA, p=dict(fast=9, slow=21), y=(2018, 2023),
          R=88.4, S=0.81, M=-24.6, W=40.5, N=37, meta={"source": "tradingview"})  # 20
    u.rep("en", """
TQQQ RSI(2) dip buyer — QC
entry RSI(2) < 10, exit RSI(2) > 90, 2015-01-02 → 2023-12-29
Net Profit 232.1% | Sharpe 0.79 | Drawdown 49.8% | Win Rate 68.3% | Trades 142
""", sym="TQQQ", kind=RSI, p=dict(period=2, lower=10, upper=90), y=(2015, 2023),
          R=232.1, S=0.79, M=-49.8, W=68.3, N=142, meta={"source": "quantconnect"})  # 21
    u.rep("en", """
META macd 12/26/9 (long only)
Start                     2020-01-02
End                       2024-06-28
Return [%]                -8.9
Sharpe Ratio              -0.03
Max. Drawdown [%]         -54.2
# Trades                  32
Win Rate [%]              34.4
""", sym="META", kind=MACD, p=M9, y=(2020, 2024),
          R=-8.9, S=-0.03, M=-54.2, W=34.4, N=32, meta={"source": "backtesting.py"})  # 22
    u.rep("en", """
SK Hynix (000660.KS) — MACD 12/26/9 — QuantConnect
KRX daily, 2019-01-02 to 2023-12-28, 0.015% commission + 0.18% tax
Net Profit 81.2%, Sharpe 0.97, Drawdown 28.4%, Win Rate 48.4%, Trades 31
""", sym="000660", kind=MACD, p=M9, y=(2019, 2023),
          R=81.2, S=0.97, M=-28.4, W=48.4, N=31, meta={"source": "quantconnect"})  # 23
    u.rep("en", """
SK Hynix — RSI 14, buy 25 / sell 75 — TradingView
2020-01-02 to 2024-06-28
Net profit 19.9% · Max DD 21.7% · 70.0% profitable (7/10) · Sharpe 0.44
""", sym="000660", kind=RSI, p=dict(period=14, lower=25, upper=75), y=(2020, 2024),
          R=19.9, S=0.44, M=-21.7, W=70.0, N=10, meta={"source": "tradingview"})  # 24
    u.rep("en", """
NFLX 2015-2019 | SmaCross(n1=10,n2=30)
Start                     2015-01-02
End                       2019-12-31
Return [%]                142.3
Sharpe Ratio              0.88
Max. Drawdown [%]         -35.6
# Trades                  36
Win Rate [%]              41.7
""", sym="NFLX", kind=SMA, p=dict(fast=10, slow=30), y=(2015, 2019),
          R=142.3, S=0.88, M=-35.6, W=41.7, N=36, meta={"source": "backtesting.py"})  # 25
    u.rep("en", """
QQQ passive benchmark (QuantConnect)
2015-01-02 to 2023-12-29, buy on day one, never sell
Net Profit 279.6% · Sharpe 0.93 · Drawdown 35.6%
""", sym="QQQ", kind=BH, y=(2015, 2023), R=279.6, S=0.93, M=-35.6, meta={"source": "quantconnect"})  # 26
    u.rep("en", """
Meta Platforms · RSI 14 (30/70) · daily
2019-01-02 → 2023-12-29
Net profit 52.3% | Max drawdown 39.7% | 66.7% profitable, 18 trades | Sharpe 0.64
""", sym="META", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=52.3, S=0.64, M=-39.7, W=66.7, N=18, meta={"source": "tradingview"})  # 27
    # notes
    u.note("en", "NVDA 20/50 SMA cross: 1.38 sharpe over 2019-2023. honestly it's just riding the AI trend",
           sym="NVDA", kind=SMA, p=dict(fast=20, slow=50), S=1.38)  # 28
    u.note("en", "fading NVDA at the lower band — win rate is fine (61.9%) but the drawdown hit -44.9%, nope",
           sym="NVDA", kind=BBR, W=61.9, M=-44.9)  # 29
    u.strat("en", "AMD trend v1: long when EMA12 > EMA26, exit when it flips. no stop, no shorts. 5 bp slippage.",
            sym="AMD", kind=EMA, p=dict(fast=12, slow=26))  # 30
    u.note("en", "GOOGL lower-band reversion: 68% of trades green. keeper.", sym="GOOGL", kind=BBR, W=68.0)  # 31
    u.note("en", "Netflix 10/30 crossover lost 21.3% over 2019-2023. the regime change killed it",
           sym="NFLX", kind=SMA, p=dict(fast=10, slow=30), R=-21.3)  # 32
    u.note("en", "SPY golden cross 50/200 — only 8 trades since 2010, 75% winners, +187% total. boring = good",
           sym="SPY", kind=SMA, p=dict(fast=50, slow=200), R=187.2, W=75.0, N=8)  # 33
    u.note("en", "QQQ RSI dip buying works because the index always comes back... until it doesn't (2022)", sym="QQQ", kind=RSI)  # 34
    u.strat("en", "TQQQ trend filter: hold TQQQ only while close > SMA(100) and SMA(20) > SMA(100); otherwise sit in cash",
            sym="TQQQ", kind=SMA, p=dict(fast=20, slow=100))  # 35
    u.note("en", "META upper band breakout — up 71.4% but you need a strong stomach, MDD -47.5%",
           sym="META", kind=BBO, R=71.4, M=-47.5)  # 36
    u.note("en", "SK Hynix RSI 30/70 on KRX data — 64.3% win rate, costs incl. the 0.18% tax",
           sym="000660", kind=RSI, p=dict(lower=30, upper=70), W=64.3)  # 37
    u.note("en", "AMD MACD: sharpe 0.36 over five years. dropping it", sym="AMD", kind=MACD, S=0.36)  # 38
    u.note("en", "note: buy-and-hold NVDA beats every NVDA signal I tried. sigh", sym="NVDA", kind=BH)  # 39
    u.note("en", "should retest TQQQ RSI(2) with a 200-day filter, 2022 was a bloodbath", sym="TQQQ", kind=RSI)  # 40
    u.note("en", "data note: yfinance adjusted close for all US tickers, pykrx for KRX")  # 41
    u.note("en", "Hynix MACD 12/26/9: 0.97 sharpe, best thing I have on the Korean side", sym="000660", kind=MACD, S=0.97)  # 42
    u.note("en", "SPY BB reversion: 73.1% win rate and MDD only -15.2%", sym="SPY", kind=BBR, W=73.1, M=-15.2)  # 43
    u.note("en", "GOOGL 20/50 EMA — meh, +41.3% in 5 years for a lot of whipsaw",
           sym="GOOGL", kind=EMA, p=dict(fast=20, slow=50), R=41.3)  # 44
    # titles
    u.title("en", "NVDA SMA 20/50 (AI era)", sym="NVDA", kind=SMA, p=dict(fast=20, slow=50))  # 45
    u.title("en", "NVDA MACD 12/26/9 v2", sym="NVDA", kind=MACD)  # 46
    u.title("en", "AMD EMA trend v1", coll="user_strategies", sym="AMD", kind=EMA)  # 47
    u.title("en", "GOOGL BB mean reversion", sym="GOOGL", kind=BBR)  # 48
    u.title("en", "NFLX 10/30 crossover 2019-2023", sym="NFLX", kind=SMA, p=dict(fast=10, slow=30))  # 49
    u.title("en", "SPY golden cross 50/200", coll="user_strategies", sym="SPY", kind=SMA, p=dict(fast=50, slow=200))  # 50
    u.title("en", "QQQ RSI dip buy", sym="QQQ", kind=RSI)  # 51
    u.title("en", "TQQQ SMA 20/100 filter", coll="user_strategies", sym="TQQQ", kind=SMA, p=dict(fast=20, slow=100))  # 52
    u.title("en", "META BB breakout", sym="META", kind=BBO)  # 53
    u.title("en", "SK Hynix MACD", sym="000660", kind=MACD)  # 54
    u.title("en", "SPY MACD daily", sym="SPY", kind=MACD)  # 55

    u.q("plain", "en", "NVDA MACD backtest results", syms="NVDA", kinds=MACD)
    u.q("plain", "en", "SPY Bollinger mean reversion", syms="SPY", kinds=BBR)
    u.q("plain", "en", "GOOGL buy and hold", syms="GOOGL", kinds=BH)
    u.q("cross_lingual", "ko", "하이닉스 MACD 결과", syms="000660", kinds=MACD)
    u.q("cross_lingual", "ko", "넷플릭스 이동평균 교차", syms="NFLX", kinds=MA)
    u.q("cross_lingual", "ko", "메타 볼린저 밴드 돌파", syms="META", kinds=BBO)
    u.q("cross_lingual", "ko", "엔비디아 매수 후 보유", syms="NVDA", kinds=BH)
    u.q("behaviour", "en", "the QQQ trade where you buy after a selloff pushes momentum to oversold and sell once it's stretched",
        syms="QQQ", kinds=RSI)
    u.q("behaviour", "en", "AMD: stay long while the 12-day exponential average is above the 26-day", syms="AMD", kinds=EMA)
    u.q("behaviour", "ko", "SPY 50일 평균이 200일 평균 위로 올라가면 사는 거", syms="SPY", kinds=MA, pred=params(fast=50, slow=200))
    u.q("abbreviation", "en", "GOOG BB reversion", syms="GOOGL", kinds=BBR)
    u.q("abbreviation", "en", "NVDA MA 20/50", syms="NVDA", kinds=MA, pred=params(fast=20, slow=50))
    u.q("abbreviation", "ko", "구글 지수이평", syms="GOOGL", kinds=EMA)
    u.q("kpi_condition", "en", "strategies with Sharpe over 1.2", pred=sharpe_ge(1.2))
    u.q("kpi_condition", "en", "drawdown worse than 50%", pred=mdd_worse(50))
    u.q("kpi_condition", "en", "win rate above 70% on SPY or QQQ", syms=["SPY", "QQQ"], pred=win_gt(70))
    u.q("kpi_condition", "ko", "수익률 마이너스인 백테스트", pred=ret_lt(0))
    u.q("typo", "en", "nvdia bolinger reversion", syms="NVDA", kinds=BBR)
    u.q("typo", "en", "meta platfroms rsi", syms="META", kinds=RSI)
    u.q("typo", "mix", "tqqq 이동 평균 필터", syms="TQQQ", kinds=MA)
    u.q("no_answer", "en", "AAPL golden cross", syms="AAPL")
    u.q("no_answer", "ko", "삼성전자 RSI", syms="005930")
    u.q("no_answer", "en", "solana breakout bot", syms="SOL")
    return u


def dev_u3(User, part):
    """Mixed Korean/English; battery names plus Tesla, Amazon, Microsoft (마소)."""
    u = User(part, "dev_u3")
    u.qs("006400", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-28", 24.9, 0.47, -30.6, 62.5, 16)  # 1
    u.qs("051910", EMA, dict(fast=12, slow=26), "2019-01-02", "2023-12-28", -22.7, -0.32, -49.1, 32.1, 28)  # 2
    u.qs("247540", MACD, M9, "2020-01-02", "2023-12-28", 402.8, 1.36, -47.7, 44.4, 27)  # 3
    u.qs("373220", MACD, M9, "2022-01-27", "2024-06-28", -18.3, -0.42, -38.0, 33.3, 15)  # 4
    u.qs("086520", RSI, dict(period=14, lower=30, upper=70), "2020-01-02", "2023-12-28", 76.5, 0.62, -52.8, 60.0, 15)  # 5
    u.qs("TSLA", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-29", 133.7, 0.83, -46.2, 66.7, 12)  # 6
    u.qs("AMZN", MACD, M9, "2019-01-02", "2023-12-29", 29.6, 0.39, -34.1, 40.6, 32)  # 7
    u.qs("MSFT", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-29", 38.9, 0.71, -18.8, 75.0, 12)  # 8
    u.qs("006400", SMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-28", 31.2, 0.44, -36.9, 46.2, 13, costs=KRX_COSTS)  # 9
    u.qs("TSLA", SMA, dict(fast=10, slow=30), "2019-01-02", "2023-12-29", 355.0, 1.09, -55.7, 37.1, 35)  # 10
    u.qs("MSFT", BBR, dict(period=20, k=2.0), "2019-01-02", "2023-12-29", 27.4, 0.62, -16.9, 69.6, 23)  # 11
    # reports
    u.rep("ko", """
[백테스트 결과] 삼성SDI — 볼린저 상단 돌파 매수 / 중심선 이탈 매도
기간: 2019.01.02 ~ 2023.12.28
누적수익률: +42.5%
최대손실폭: -34.2%
승률: 40.9% (22회 중 9회)
""", sym="006400", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=42.5, M=-34.2, W=40.9, N=22, meta={"source": "HTS", "symbol": "006400"})  # 12
    u.rep("ko", """
LG화학 / 볼린저 하단 매수(20,2) / 2019-01-02~2023-12-28
수익률 6.1%, 샤프 0.12, MDD -32.9%, 승률 61.1%, 거래 18
""", sym="051910", kind=BBR, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=6.1, S=0.12, M=-32.9, W=61.1, N=18, meta={"source": "excel"})  # 13
    u.rep("ko", """
■ LG화학 MACD(12·26·9) 매매 검증
  2019.01.02 ~ 2023.12.28
  누적 -30.4% | 최대손실폭 -54.0% | 승률 30.0% | 30회
""", sym="051910", kind=MACD, p=M9, y=(2019, 2023),
          R=-30.4, M=-54.0, W=30.0, N=30, meta={"source": "HTS"})  # 14
    u.rep("en", """
# EcoPro BM (247540.KQ)
Start                     2020-01-02
End                       2023-12-28
Return [%]                188.6
Sharpe Ratio              0.93
Max. Drawdown [%]         -50.3
# Trades                  59
Win Rate [%]              35.6
_strategy                 SmaCross(n1=5,n2=20)
""", sym="247540", kind=SMA, p=dict(fast=5, slow=20), y=(2020, 2023),
          R=188.6, S=0.93, M=-50.3, W=35.6, N=59, meta={"source": "backtesting.py"})  # 15
    u.rep("ko", """
종목: LG에너지솔루션
방식: 상장일 매수 후 보유
기간: 2022-01-27 ~ 2024-06-28
수익률: -30.8%
MDD: -45.1%
""", sym="373220", kind=BH, y=(2022, 2024), R=-30.8, M=-45.1, meta={"source": "excel"})  # 16
    u.rep("en", """
EcoPro (086520.KQ) buy & hold — QuantConnect
2020-01-02 to 2023-12-28
Net Profit 1820.4% | Sharpe 1.52 | Drawdown 71.3%
""", sym="086520", kind=BH, y=(2020, 2023), R=1820.4, S=1.52, M=-71.3, meta={"source": "quantconnect"})  # 17
    u.rep("en", """
Tesla, Inc. — Buy & Hold — TradingView
Jan 2, 2019 – Dec 29, 2023
Net profit 1010.6% | Max drawdown 73.6% | Sharpe 1.11
""", sym="TSLA", kind=BH, y=(2019, 2023), R=1010.6, S=1.11, M=-73.6, meta={"source": "tradingview"})  # 18
    u.rep("en", """
TSLA — deeper oversold version
Start                     2020-01-02
End                       2023-12-29
Return [%]                61.0
Sharpe Ratio              0.49
Max. Drawdown [%]         -48.3
# Trades                  7
Win Rate [%]              71.4
_strategy                 RsiReversion(period=14,lower=20,upper=80)
""", sym="TSLA", kind=RSI, p=dict(period=14, lower=20, upper=80), y=(2020, 2023),
          R=61.0, S=0.49, M=-48.3, W=71.4, N=7, meta={"source": "backtesting.py"})  # 19
    u.rep("en", """
QC | AMZN EMA(9)/EMA(21) cross | 2019-01-01 → 2023-12-31
Net Profit 22.0% · Sharpe 0.28 · Drawdown 36.6% · Win Rate 35.3% · Total Trades 34
""", sym="AMZN", kind=EMA, p=dict(fast=9, slow=21), y=(2019, 2023),
          R=22.0, S=0.28, M=-36.6, W=35.3, N=34, meta={"source": "quantconnect"})  # 20
    u.rep("en", """
Microsoft Corp — hold only — TradingView
2019-01-02 to 2023-12-29
Net profit 265.3%, max drawdown 37.1%, Sharpe 1.20
""", sym="MSFT", kind=BH, y=(2019, 2023), R=265.3, S=1.20, M=-37.1, meta={"source": "tradingview"})  # 21
    u.rep("ko", """
에코프로비엠 MACD 골든/데드 (12,26,9) 성과 요약
검증구간 2021-01-04 ~ 2023-12-28
누적수익률 +98.4%, 최대손실폭 -45.0%, 승률 40.0%, 거래 20회
""", sym="247540", kind=MACD, p=M9, y=(2021, 2023),
          R=98.4, M=-45.0, W=40.0, N=20, meta={"source": "HTS"})  # 22
    u.rep("ko", """
삼성SDI\tRSI(14) 25/75\t2020-01-02~2024-06-28
수익률\t-8.6%
샤프\t-0.14
MDD\t-33.5%
승률\t55.6%
거래수\t9
""", sym="006400", kind=RSI, p=dict(period=14, lower=25, upper=75), y=(2020, 2024),
          R=-8.6, S=-0.14, M=-33.5, W=55.6, N=9, meta={"source": "excel"})  # 23
    u.rep("en", """
LG Chem (051910.KS) — EmaCross(fast=20, slow=60)
Start 2019-01-02  End 2023-12-28
Return [%]              -15.3
Sharpe Ratio            -0.21
Max. Drawdown [%]       -44.0
# Trades                 11
Win Rate [%]            36.4
""", sym="051910", kind=EMA, p=dict(fast=20, slow=60), y=(2019, 2023),
          R=-15.3, S=-0.21, M=-44.0, W=36.4, N=11, meta={"source": "backtesting.py"})  # 24
    u.rep("en", """
MSFT RSI(2) 10/90 — QuantConnect
2015-01-02 to 2023-12-29
Net Profit 88.1%, Sharpe 0.82, Drawdown 20.5%, Win Rate 70.9%, Trades 110
""", sym="MSFT", kind=RSI, p=dict(period=2, lower=10, upper=90), y=(2015, 2023),
          R=88.1, S=0.82, M=-20.5, W=70.9, N=110, meta={"source": "quantconnect"})  # 25
    u.rep("en", """
Amazon.com Inc · MACD (12, 26, 9) · daily
2020-01-02 → 2024-06-28
Net profit -6.4% · Max DD 31.2% · 37.9% profitable (29 trades) · Sharpe -0.04
""", sym="AMZN", kind=MACD, p=M9, y=(2020, 2024),
          R=-6.4, S=-0.04, M=-31.2, W=37.9, N=29, meta={"source": "tradingview"})  # 26
    u.rep("ko", """
[백테스트 결과] 에코프로 볼린저 하단 매수 · 중심선 매도 (20일, 2σ)
기간 2020.01.02 ~ 2023.12.28
누적수익률 +45.3% · 최대손실폭 -49.9% · 승률 58.8% · 매매 17회
""", sym="086520", kind=BBR, p=dict(period=20, k=2.0), y=(2020, 2023),
          R=45.3, M=-49.9, W=58.8, N=17, meta={"source": "HTS"})  # 27
    # notes
    u.note("mix", "SDI RSI 30/70 → 승률 62.5%인데 MDD가 -30.6%. 2차전지는 역추세도 변동성 미침",
           sym="006400", kind=RSI, p=dict(lower=30, upper=70), W=62.5, M=-30.6)  # 28
    u.note("ko", "LG화학 EMA 교차는 12/26이든 20/60이든 다 별로. 화학은 손절", sym="051910", kind=EMA)  # 29
    u.strat("ko", "에코비엠 MACD 전략: MACD(12,26,9) 골든크로스 매수, 데드크로스 매도. 단 60일선 아래에선 신규 진입 금지",
            sym="247540", kind=MACD, p=M9)  # 30
    u.note("ko", "엔솔 그냥 들고 있었으면 -30.8%... 상장 첫날 고점 찍고 계속 흘러내림", sym="373220", kind=BH, R=-30.8)  # 31
    u.note("ko", "에코프로 RSI 30/70 돌렸는데 MDD -52.8%. 역추세로 들어가도 그냥 같이 빠짐",
           sym="086520", kind=RSI, p=dict(lower=30, upper=70), M=-52.8)  # 32
    u.note("en", "Tesla oversold bounce (RSI < 30), 2019-2023 — +133.7%, but only 12 trades",
           sym="TSLA", kind=RSI, p=dict(lower=30), R=133.7, N=12)  # 33
    u.note("mix", "테슬라 10/30 골크 sharpe 1.09 근데 MDD -55.7%. 레버리지 없이도 멀미남",
           sym="TSLA", kind=SMA, p=dict(fast=10, slow=30), S=1.09, M=-55.7)  # 34
    u.strat("ko", "마소 평균회귀 v2: 종가가 볼린저 하단(20, 2σ) 아래면 매수, 중심선 터치하면 청산. 최대 보유 10일",
            sym="MSFT", kind=BBR, p=dict(period=20, k=2.0))  # 35
    u.note("ko", "마소 RSI 30/70 승률 75%... 표본 12번이라 그냥 참고만", sym="MSFT", kind=RSI, p=dict(lower=30, upper=70), W=75.0, N=12)  # 36
    u.note("mix", "아마존 MACD 2019-2023 +29.6%. sharpe 0.39라 애매함", sym="AMZN", kind=MACD, R=29.6, S=0.39)  # 37
    u.note("mix", "EcoPro BM 5/20 SMA: 59 trades, 세금 0.18% 떼면 수익 많이 깎임", sym="247540", kind=SMA, p=dict(fast=5, slow=20), N=59)  # 38
    u.note("ko", "SDI 볼밴 상단 돌파 → 2020 하반기 배터리 랠리 때 다 벌고 그 이후엔 다 반납", sym="006400", kind=BBO)  # 39
    u.note("ko", "백테스트 엔진 교체: 이제 배당 재투자 반영됨. 이전 결과랑 직접 비교하지 말 것")  # 40
    u.note("mix", "MSFT 그냥 hold: +265.3%, sharpe 1.20. 내 전략들이 하나도 못 이김", sym="MSFT", kind=BH, R=265.3, S=1.20)  # 41
    u.note("ko", "LG화학 밴드 하단 매수 — 승률은 61.1%인데 수익은 +6.1%. 손익비가 구림", sym="051910", kind=BBR, R=6.1, W=61.1)  # 42
    u.note("ko", "에코프로 존버 +1820%... 2023년 여름 미친 랠리 덕분", sym="086520", kind=BH, R=1820.4)  # 43
    u.note("mix", "AMZN EMA 9/21 whipsaw 너무 많음. 34번 매매", sym="AMZN", kind=EMA, p=dict(fast=9, slow=21), N=34)  # 44
    # titles
    u.title("ko", "삼성SDI RSI 30/70", sym="006400", kind=RSI)  # 45
    u.title("ko", "SDI 골크 20/60", sym="006400", kind=SMA, p=dict(fast=20, slow=60))  # 46
    u.title("ko", "LG화학 EMA 12/26 (손절)", sym="051910", kind=EMA, p=dict(fast=12, slow=26))  # 47
    u.title("ko", "에코비엠 MACD 2020-2023", coll="user_strategies", sym="247540", kind=MACD)  # 48
    u.title("ko", "엔솔 MACD", sym="373220", kind=MACD)  # 49
    u.title("ko", "에코프로 RSI 역추세", sym="086520", kind=RSI)  # 50
    u.title("en", "TSLA RSI 30/70 v1", sym="TSLA", kind=RSI)  # 51
    u.title("ko", "테슬라 10/30 크로스", coll="user_strategies", sym="TSLA", kind=SMA, p=dict(fast=10, slow=30))  # 52
    u.title("en", "AMZN MACD 2019-2023", sym="AMZN", kind=MACD)  # 53
    u.title("ko", "마소 BB 평균회귀 v2", coll="user_strategies", sym="MSFT", kind=BBR)  # 54
    u.title("en", "MSFT RSI(2) 10/90", sym="MSFT", kind=RSI, p=dict(period=2, lower=10, upper=90))  # 55

    u.q("plain", "ko", "삼성SDI 볼린저 돌파 결과", syms="006400", kinds=BBO)
    u.q("plain", "en", "MSFT RSI backtests", syms="MSFT", kinds=RSI)
    u.q("plain", "ko", "LG화학 MACD 결과", syms="051910", kinds=MACD)
    u.q("cross_lingual", "en", "LG Chem Bollinger lower band", syms="051910", kinds=BBR)
    u.q("cross_lingual", "ko", "테슬라 매수후보유 수익률", syms="TSLA", kinds=BH)
    u.q("cross_lingual", "ko", "아마존 지수이동평균 9/21", syms="AMZN", kinds=EMA)
    u.q("behaviour", "ko", "마이크로소프트 하단 밴드 닿으면 사서 중간선에서 파는 거", syms="MSFT", kinds=BBR)
    u.q("behaviour", "en", "Tesla: buy when the 10-day average crosses above the 30-day", syms="TSLA", kinds=MA, pred=params(fast=10, slow=30))
    u.q("behaviour", "ko", "에코프로 과하게 팔렸을 때 들어가는 역발상 전략", syms="086520", kinds=MR)
    u.q("abbreviation", "ko", "마소 RSI", syms="MSFT", kinds=RSI)
    u.q("abbreviation", "ko", "엔솔 존버", syms="373220", kinds=BH)
    u.q("abbreviation", "en", "SDI MA 20/60", syms="006400", kinds=MA, pred=params(fast=20, slow=60))
    u.q("kpi_condition", "ko", "테슬라랑 마소 중 샤프 1 넘는 거", syms=["TSLA", "MSFT"], pred=sharpe_ge(1.0))
    u.q("kpi_condition", "en", "EcoPro BM backtests with drawdown worse than 40%", syms="247540", pred=mdd_worse(40))
    u.q("kpi_condition", "en", "win rate over 70% on US stocks", syms=list(US), pred=win_gt(70))
    u.q("kpi_condition", "ko", "손실 난 엔솔 백테스트", syms="373220", pred=ret_lt(0))
    u.q("typo", "en", "TSLA RSI mean revesion", syms="TSLA", kinds=RSI)
    u.q("typo", "ko", "에코프로빔 5/20 골크", syms="247540", kinds=MA, pred=params(fast=5, slow=20))
    u.q("typo", "en", "amazn macd", syms="AMZN", kinds=MACD)
    u.q("no_answer", "ko", "NVDA 백테스트", syms="NVDA")
    u.q("no_answer", "en", "LG Chem buy and hold", syms="051910", kinds=BH)
    u.q("no_answer", "ko", "현대차 골크", syms="005380")
    return u


def dev_u4(User, part):
    """Korean dividend/defensive investor; banks, bio, Coca-Cola, Apple, leveraged ETF."""
    u = User(part, "dev_u4")
    u.qs("105560", MACD, M9, "2019-01-02", "2023-12-28", 47.2, 0.84, -20.6, 50.0, 28)  # 1
    u.qs("105560", EMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-28", 36.1, 0.72, -18.5, 54.5, 11, costs=KRX_COSTS)  # 2
    u.qs("068270", MACD, M9, "2019-01-02", "2023-12-28", -9.7, -0.10, -39.8, 36.7, 30)  # 3
    u.qs("207940", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-28", 17.4, 0.33, -26.2, 58.3, 12)  # 4
    u.qs("207940", SMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-28", 64.0, 0.78, -24.0, 53.8, 13)  # 5
    u.qs("JPM", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-29", 31.5, 0.61, -19.8, 71.4, 14)  # 6
    u.qs("KO", SMA, dict(fast=50, slow=200), "2015-01-02", "2023-12-29", 18.2, 0.37, -20.3, 50.0, 10)  # 7
    u.qs("AAPL", BBO, dict(period=20, k=2.0), "2019-01-02", "2023-12-29", 88.9, 1.03, -25.2, 47.8, 23)  # 8
    u.qs("005930", BBR, dict(period=20, k=2.0), "2019-01-02", "2023-12-28", 21.6, 0.62, -15.4, 70.0, 20, costs=KRX_COSTS)  # 9
    u.qs("122630", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-28", 12.8, 0.20, -37.6, 61.5, 13)  # 10
    u.qs("122630", EMA, dict(fast=10, slow=30), "2019-01-02", "2023-12-28", 35.4, 0.34, -42.9, 38.2, 34)  # 11
    # reports
    u.rep("ko", """
[백테스트 결과] KB금융 — 매수 후 보유 (배당 재투자 X)
기간 2019.01.02 ~ 2023.12.28
누적수익률 +54.8%   최대손실폭 -43.7%
""", sym="105560", kind=BH, y=(2019, 2023), R=54.8, M=-43.7, meta={"source": "HTS"})  # 12
    u.rep("en", """
Celltrion (068270.KS) — Bollinger breakout 20/2 — QuantConnect
2019-01-02 → 2023-12-28
Net Profit 3.2% | Sharpe 0.05 | Drawdown 41.2% | Win Rate 36.8% | Trades 19
""", sym="068270", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=3.2, S=0.05, M=-41.2, W=36.8, N=19, meta={"source": "quantconnect"})  # 13
    u.rep("ko", """
종목명 : 삼성바이오로직스
전략 : 볼린저 하단 매수 (20, 2)
기간 : 2019-01-02 ~ 2023-12-28
수익률 : 12.5%
샤프 : 0.25
MDD : -22.8%
승률 : 64.3%
거래 : 14
""", sym="207940", kind=BBR, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=12.5, S=0.25, M=-22.8, W=64.3, N=14, meta={"source": "excel"})  # 14
    u.rep("en", """
JPMorgan · MACD(12,26,9) signal cross · 1D · Strategy Tester
2019-01-02 to 2023-12-29
Net profit 34.7% | Max DD 24.1% | 43.8% profitable | 32 trades | Sharpe 0.55
""", sym="JPM", kind=MACD, p=M9, y=(2019, 2023),
          R=34.7, S=0.55, M=-24.1, W=43.8, N=32, meta={"source": "tradingview"})  # 15
    u.rep("en", """
KO daily, EmaCross(fast=10, slow=40)
Start                     2015-01-02
End                       2023-12-29
Return [%]                9.4
Sharpe Ratio              0.19
Max. Drawdown [%]         -22.7
# Trades                  40
Win Rate [%]              37.5
""", sym="KO", kind=EMA, p=dict(fast=10, slow=40), y=(2015, 2023),
          R=9.4, S=0.19, M=-22.7, W=37.5, N=40, meta={"source": "backtesting.py"})  # 16
    u.rep("en", """
benchmark,Coca-Cola buy & hold
period,2015-01-02~2023-12-29
total return,72.1%
sharpe,0.55
max drawdown,-36.9%
""", sym="KO", kind=BH, y=(2015, 2023), R=72.1, S=0.55, M=-36.9, meta={"source": "excel"})  # 17
    u.rep("en", """
AAPL — lower band entries, exit at the mid band
Start                     2019-01-02
End                       2023-12-29
Return [%]                47.6
Sharpe Ratio              0.79
Max. Drawdown [%]         -19.0
# Trades                  22
Win Rate [%]              72.7
_strategy                 BollingerReversion(n=20,k=2)
""", sym="AAPL", kind=BBR, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=47.6, S=0.79, M=-19.0, W=72.7, N=22, meta={"source": "backtesting.py"})  # 18
    u.rep("ko", """
[보유 성과] 삼성전자 2019.01.02 매수 → 2023.12.28 평가
누적수익률 +102.6%, 최대손실폭 -38.9%
""", sym="005930", kind=BH, y=(2019, 2023), R=102.6, M=-38.9, meta={"source": "HTS", "symbol": "005930"})  # 19
    u.rep("ko", """
삼성전자 | RSI(9) 25/75 역추세 | 2019-01-02 ~ 2023-12-28
수익률 13.9% | 샤프 0.31 | MDD -17.6% | 승률 63.6% | 거래 22
""", sym="005930", kind=RSI, p=dict(period=9, lower=25, upper=75), y=(2019, 2023),
          R=13.9, S=0.31, M=-17.6, W=63.6, N=22, meta={"source": "excel"})  # 20
    u.rep("ko", """
KODEX 레버리지 MACD 교차 매매 성과표
기간: 2019/01/02 - 2023/12/28
누적손익률 -6.2% / 최대손실폭 -44.8% / 승률 35.5% / 총 31회
""", sym="122630", kind=MACD, p=M9, y=(2019, 2023),
          R=-6.2, M=-44.8, W=35.5, N=31, meta={"source": "HTS"})  # 21
    u.rep("en", """
KB Financial (105560.KS) · MACD 12/26/9 · QuantConnect
2020-01-02 to 2024-06-28
Net Profit 58.9%, Sharpe Ratio 0.91, Drawdown 23.3%, Win Rate 48.3%, Total Trades 29
""", sym="105560", kind=MACD, p=M9, y=(2020, 2024),
          R=58.9, S=0.91, M=-23.3, W=48.3, N=29, meta={"source": "quantconnect"})  # 22
    u.rep("en", """
Samsung Biologics (207940) — SMA 20/60 — TradingView
2021-01-04 → 2024-06-28
Net profit -12.6% · Max drawdown 33.1% · 30.8% profitable of 13 trades · Sharpe -0.18
""", sym="207940", kind=SMA, p=dict(fast=20, slow=60), y=(2021, 2024),
          R=-12.6, S=-0.18, M=-33.1, W=30.8, N=13, meta={"source": "tradingview"})  # 23
    u.rep("ko", """
셀트리온,MACD(12/26/9),2020-01-02,2024-06-28,-21.4%,-0.29,-44.6%,32.1%,28
헤더: 종목,전략,시작,종료,수익률,샤프,MDD,승률,거래수
""", sym="068270", kind=MACD, p=M9, y=(2020, 2024),
          R=-21.4, S=-0.29, M=-44.6, W=32.1, N=28, meta={"source": "excel"})  # 24
    u.rep("en", """
JPM | RsiReversion(period=2, lower=10, upper=90)
Start 2015-01-02, End 2023-12-29
Return [%]             57.0
Sharpe Ratio            0.66
Max. Drawdown [%]     -26.8
# Trades               103
Win Rate [%]           68.9
""", sym="JPM", kind=RSI, p=dict(period=2, lower=10, upper=90), y=(2015, 2023),
          R=57.0, S=0.66, M=-26.8, W=68.9, N=103, meta={"source": "backtesting.py"})  # 25
    u.rep("ko", """
[전략 검증] KODEX 레버리지 볼린저밴드 하단 매수, 중심선 매도
2019-01-02 ~ 2023-12-28 · 20일 2σ
누적 +18.7% · MDD -29.4% · 승률 66.7% · 18회
""", sym="122630", kind=BBR, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=18.7, M=-29.4, W=66.7, N=18, meta={"source": "HTS"})  # 26
    u.rep("en", """
Apple Inc. · BB Breakout (20, 2.0) · Strategy Tester
Jan 2015 – Dec 2019
Net profit +64.2% · Max drawdown 21.3% · Percent profitable 50.0% (18 trades) · Sharpe 0.92
""", sym="AAPL", kind=BBO, p=dict(period=20, k=2.0), y=(2015, 2019),
          R=64.2, S=0.92, M=-21.3, W=50.0, N=18, meta={"source": "tradingview"})  # 27
    # notes
    u.note("ko", "KB금융 MACD 12/26/9 괜찮음. 샤프 0.84, MDD -20.6%", sym="105560", kind=MACD, S=0.84, M=-20.6)  # 28
    u.strat("ko", "KB금융 EMA 20/60 추세 전략: 20일 지수이평이 60일 지수이평 위에 있을 때만 보유. 배당락일 전후 체크",
            sym="105560", kind=EMA, p=dict(fast=20, slow=60))  # 29
    u.note("ko", "셀트 MACD 2019-2023 결과 -9.7%. 바이오엔 MACD 안 맞는 듯", sym="068270", kind=MACD, R=-9.7)  # 30
    u.note("ko", "셀트리온 볼밴 상단 돌파 — 거의 본전 (+3.2%), 가짜 돌파가 너무 많음", sym="068270", kind=BBO, R=3.2)  # 31
    u.note("ko", "삼바 RSI 30/70 → 12번 매매, 승률 58.3%. 아직 표본 부족", sym="207940", kind=RSI, p=dict(lower=30, upper=70), W=58.3, N=12)  # 32
    u.note("ko", "삼바 20/60 골크 2019-2023 +64.0%, 샤프 0.78", sym="207940", kind=SMA, p=dict(fast=20, slow=60), R=64.0, S=0.78)  # 33
    u.note("ko", "JPM RSI 30/70 승률 71.4%. 은행주는 역추세가 잘 먹힘", sym="JPM", kind=RSI, p=dict(lower=30, upper=70), W=71.4)  # 34
    u.note("mix", "KO golden cross 50/200 — 8년 동안 10번 매매, 수익 +18.2%. 배당 빼면 의미 없음",
           sym="KO", kind=SMA, p=dict(fast=50, slow=200), R=18.2, N=10)  # 35
    u.strat("ko", "애플 볼린저 돌파: 종가 > 상단(20, 2.0)이면 매수, 종가 < 중심선이면 매도. 실적발표 주간은 제외",
            sym="AAPL", kind=BBO, p=dict(period=20, k=2.0))  # 36
    u.note("ko", "애플 밴드 하단 매수 승률 72.7%, MDD -19.0%. 꽤 안정적", sym="AAPL", kind=BBR, W=72.7, M=-19.0)  # 37
    u.note("ko", "삼전은 그냥 보유가 제일 나음 (+102.6%)", sym="005930", kind=BH, R=102.6)  # 38
    u.note("ko", "삼전 RSI 9일 25/75로 바꿔봄 → 승률 63.6%, 수익은 13.9%", sym="005930", kind=RSI, p=dict(period=9, lower=25, upper=75), W=63.6, R=13.9)  # 39
    u.note("ko", "삼전 볼밴 하단 매수 / 중심선 매도: 승률 70%, MDD -15.4%", sym="005930", kind=BBR, W=70.0, M=-15.4)  # 40
    u.note("ko", "레버리지 ETF에 RSI 역추세는 위험함. KODEX 레버 MDD -37.6%", sym="122630", kind=RSI, M=-37.6)  # 41
    u.note("ko", "KODEX 레버 EMA 10/30, 34번 매매에 MDD -42.9%... 레버는 안 하는 게 답", sym="122630", kind=EMA, p=dict(fast=10, slow=30), M=-42.9, N=34)  # 42
    u.note("ko", "분기 리뷰: 전체 전략 평균 샤프 0.5 수준. 비용 가정 다시 점검 필요")  # 43
    u.note("mix", "JPM MACD 43.8% 승률, 32번 매매 — 그냥 평범", sym="JPM", kind=MACD, W=43.8, N=32)  # 44
    # titles
    u.title("ko", "KB금융 MACD v1", sym="105560", kind=MACD)  # 45
    u.title("ko", "KB EMA 20/60 (배당 고려)", coll="user_strategies", sym="105560", kind=EMA, p=dict(fast=20, slow=60))  # 46
    u.title("ko", "셀트 MACD 2019-2023", sym="068270", kind=MACD)  # 47
    u.title("ko", "삼바 RSI 30/70", sym="207940", kind=RSI)  # 48
    u.title("ko", "삼바 골크 20/60", coll="user_strategies", sym="207940", kind=SMA, p=dict(fast=20, slow=60))  # 49
    u.title("en", "JPM RSI 14", sym="JPM", kind=RSI)  # 50
    u.title("en", "KO 50/200 golden cross", sym="KO", kind=SMA, p=dict(fast=50, slow=200))  # 51
    u.title("en", "AAPL BB breakout v3", coll="user_strategies", sym="AAPL", kind=BBO)  # 52
    u.title("ko", "삼전 BB 하단 매수", sym="005930", kind=BBR)  # 53
    u.title("ko", "KODEX 레버 RSI", sym="122630", kind=RSI)  # 54
    u.title("ko", "코카콜라 EMA 10/40", coll="user_strategies", sym="KO", kind=EMA, p=dict(fast=10, slow=40))  # 55

    u.q("plain", "ko", "KB금융 MACD 백테스트", syms="105560", kinds=MACD)
    u.q("plain", "en", "AAPL Bollinger breakout results", syms="AAPL", kinds=BBO)
    u.q("plain", "mix", "JPM RSI 결과", syms="JPM", kinds=RSI)
    u.q("cross_lingual", "en", "Samsung Electronics buy and hold", syms="005930", kinds=BH)
    u.q("cross_lingual", "ko", "코카콜라 매수후보유", syms="KO", kinds=BH)
    u.q("cross_lingual", "en", "Celltrion MACD", syms="068270", kinds=MACD)
    u.q("behaviour", "ko", "삼성전자 주가가 아래 밴드까지 떨어지면 사서 평균선 복귀 때 파는 거", syms="005930", kinds=BBR)
    u.q("behaviour", "en", "KB Financial: stay long while the 20-day exponential average is above the 60-day", syms="105560", kinds=EMA)
    u.q("behaviour", "ko", "KODEX 레버리지 과매도 구간에서 사서 과매수에 파는 것", syms="122630", kinds=RSI)
    u.q("abbreviation", "ko", "삼바 골크", syms="207940", kinds=MA)
    u.q("abbreviation", "ko", "KODEX 레버 BB", syms="122630", kinds=BB)
    u.q("abbreviation", "en", "KO MA 50/200", syms="KO", kinds=MA, pred=params(fast=50, slow=200))
    u.q("kpi_condition", "ko", "승률 70% 이상인 백테스트", pred=win_ge(70))
    u.q("kpi_condition", "en", "Samsung Biologics results with positive return", syms="207940", pred=ret_gt(0))
    u.q("kpi_condition", "ko", "KODEX 레버리지 MDD 40% 넘는 거", syms="122630", pred=mdd_worse(40))
    u.q("kpi_condition", "en", "AAPL backtests with Sharpe above 1", syms="AAPL", pred=sharpe_ge(1.0))
    u.q("typo", "en", "JP morgan macd", syms="JPM", kinds=MACD)
    u.q("typo", "ko", "삼성바이오로직 RSI", syms="207940", kinds=RSI)
    u.q("typo", "ko", "코카 콜라 EMA", syms="KO", kinds=EMA)
    u.q("no_answer", "ko", "KB금융 RSI", syms="105560", kinds=RSI)
    u.q("no_answer", "en", "NVDA momentum backtest", syms="NVDA")
    u.q("no_answer", "en", "JPM 2008 financial crisis backtest", syms="JPM", pred=lambda d: d.covers(2008))
    return u


def build(User, part):
    return [dev_u1(User, part), dev_u2(User, part), dev_u3(User, part), dev_u4(User, part)]
