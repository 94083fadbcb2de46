# Heldout part: users ho_u1..ho_u4. Written by hand, before the dev part.
# Numbers in comments (# 12) are the document keys used by `keys=` / `add=` in queries.
from make import MA, BB, MR, sharpe_ge, mdd_worse, mdd_within, win_gt, ret_lt, ret_gt, params, both

SMA, EMA, RSI, BBO, BBR, MACD, BH = ("sma_cross", "ema_cross", "rsi_reversion", "bollinger_breakout",
                                      "bollinger_reversion", "macd_cross", "buy_and_hold")
M9 = dict(fast=12, slow=26, signal=9)
KRX_COSTS = (0.015, 0.18, 0.05)


def ho_u1(User, part):
    """Korean retail trader, mostly KRX names, slangy Korean notes."""
    u = User(part, "ho_u1")
    # ---- layout 1: quantai summaries
    u.qs("005930", SMA, dict(fast=5, slow=20), "2019-01-02", "2023-12-28", 12.4, 0.41, -24.6, 38.5, 52, costs=KRX_COSTS)  # 1
    u.qs("005930", SMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-28", 31.8, 0.77, -17.9, 46.2, 13, costs=KRX_COSTS)  # 2
    u.qs("005930", BBO, dict(period=20, k=2.0), "2020-01-02", "2024-06-28", -6.3, -0.12, -21.5, 35.0, 20)  # 3
    u.qs("000660", SMA, dict(fast=5, slow=20), "2019-01-02", "2023-12-28", 58.2, 0.83, -29.4, 41.3, 46)  # 4
    u.qs("000660", MACD, M9, "2020-01-02", "2024-06-28", 74.5, 1.08, -22.7, 47.1, 34, direction="long")  # 5
    u.qs("035720", SMA, dict(fast=10, slow=30), "2020-01-02", "2023-12-28", -38.2, -0.51, -55.3, 30.0, 30)  # 6
    u.qs("035420", EMA, dict(fast=12, slow=26), "2019-01-02", "2023-12-28", 4.7, 0.15, -33.8, 40.0, 25)  # 7
    u.qs("005380", MACD, M9, "2019-01-02", "2023-12-28", 44.1, 0.92, -19.6, 52.9, 34)  # 8
    u.qs("122630", SMA, dict(fast=20, slow=60), "2020-01-02", "2024-06-28", 27.5, 0.55, -31.2, 50.0, 12)  # 9
    u.qs("NVDA", BH, {}, "2019-01-02", "2023-12-29", 1512.3, 1.54, -66.3, None, 1)  # 10
    u.qs("005930", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-28", 19.6, 0.68, -14.2, 66.7, 15)  # 11
    # ---- layout 2: other tools' reports
    u.rep("ko", """
[백테스트 결과]
종목: 하이닉스
전략: RSI(14) 과매도 30 매수 / 과매수 70 매도
기간: 2019.01.02 ~ 2023.12.28
누적수익률: +36.4%
최대손실폭: -18.7%
승률: 62.5%
매매횟수: 16회
※ 수수료 0.015%, 제세금 반영
""", sym="000660", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=36.4, M=-18.7, W=62.5, N=16, meta={"source": "HTS", "symbol": "000660"})  # 12
    u.rep("ko", """
■ 시스템 트레이딩 검증 리포트
대상: SK하이닉스 (일봉)
매매 규칙: RSI 14일 기준 25 이하 진입, 75 이상 청산
검증 구간: 2020-01-02 ~ 2024-06-28
총 손익률 21.0% / 최대 손실폭 15.1% / 승률 70.0% / 총 10회 거래
""", sym="000660", kind=RSI, p=dict(period=14, lower=25, upper=75), y=(2020, 2024),
          R=21.0, M=-15.1, W=70.0, N=10, meta={"source": "증권사 시스템트레이딩"})  # 13
    u.rep("mix", """
# 005930.KS 일봉
Start                     2018-01-02 00:00:00
End                       2022-12-29 00:00:00
Duration                  1822 days 00:00:00
Exposure Time [%]         47.83
Equity Final [$]          10890.12
Return [%]                8.9
Return (Ann.) [%]         1.74
Sharpe Ratio              0.31
Max. Drawdown [%]         -27.5
# Trades                  41
Win Rate [%]              39.0
_strategy                 SmaCross(n1=10,n2=30)
""", sym="005930", kind=SMA, p=dict(fast=10, slow=30), y=(2018, 2022),
          R=8.9, S=0.31, M=-27.5, W=39.0, N=41, meta={"source": "backtesting.py"})  # 14
    u.rep("en", """
TSLA daily, long/short allowed
Start                     2020-01-02
End                       2023-12-29
Return [%]                88.1
CAGR [%]                  17.1
Sharpe Ratio              0.64
Sortino Ratio             1.02
Max. Drawdown [%]         -48.9
# Trades                  50
Win Rate [%]              36.0
Profit Factor             1.21
_strategy                 MacdCross(fast=12,slow=26,signal=9)
""", sym="TSLA", kind=MACD, p=M9, y=(2020, 2023),
          R=88.1, S=0.64, M=-48.9, W=36.0, N=50, meta={"source": "backtesting.py"})  # 15
    u.rep("en", """
Strategy Tester — KODEX Leverage (122630), 1D
Script: BB Breakout (length 20, mult 2.0)
Range: Jan 02, 2020 — Jun 28, 2024
Net Profit: +41.3%
Max Drawdown: 26.0%
Percent Profitable: 44.0%
Total Closed Trades: 25
Sharpe Ratio: 0.72
""", sym="122630", kind=BBO, p=dict(period=20, k=2.0), y=(2020, 2024),
          R=41.3, S=0.72, M=-26.0, W=44.0, N=25, meta={"source": "tradingview"})  # 16
    u.rep("ko", """
<백테스트 요약> 카카오 035720
- 전략: 볼린저밴드 하단 매수, 중심선 도달 시 매도 (20일, 2표준편차)
- 구간: 2021/01/04 ~ 2023/12/28
- 누적 수익: -12.4%
- 최대 낙폭: -35.6%
- 승률: 58.3% (12전 7승)
""", sym="035720", kind=BBR, p=dict(period=20, k=2.0), y=(2021, 2023),
          R=-12.4, M=-35.6, W=58.3, N=12, meta={"symbol": "035720"})  # 17
    u.rep("ko", """
종목코드: 035420
전략: RSI_MR
RSI기간: 14
매수기준: 30
매도기준: 70
시작일: 2019-01-02
종료일: 2023-12-28
수익률: 15.2%
MDD: -26.9%
승률: 57.9%
거래수: 19
""", sym="035420", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=15.2, M=-26.9, W=57.9, N=19, meta={})  # 18
    u.rep("ko", """
[전략 검증] 현대차 / 지수이동평균 10일·30일 골든크로스 매수, 데드크로스 매도
테스트 기간 2020.01.02~2024.06.28
누적수익률 +22.8%  |  MDD -16.4%  |  승률 45.0%  |  거래 20회
""", sym="005380", kind=EMA, p=dict(fast=10, slow=30), y=(2020, 2024),
          R=22.8, M=-16.4, W=45.0, N=20, meta={"source": "HTS"})  # 19
    u.rep("en", """
QuantConnect backtest — "NvdaOversoldBounce"
Entry: RSI(14) < 25, exit: RSI(14) > 60
Period: 2021-01-01 to 2023-12-31, $10,000 start
Net Profit                 63.2%
Compounding Annual Return  17.8%
Sharpe Ratio               0.88
Drawdown                   41.5%
Win Rate                   71%
Total Trades               14
""", sym="NVDA", kind=RSI, p=dict(period=14, lower=25, upper=60), y=(2021, 2023),
          R=63.2, S=0.88, M=-41.5, W=71, N=14, meta={"source": "quantconnect"})  # 20
    u.rep("en", """
000660.KS
Start                     2019-01-02
End                       2023-12-28
Return [%]                47.3
Sharpe Ratio              0.69
Max. Drawdown [%]         -30.2
# Trades                  21
Win Rate [%]              42.9
_strategy                 BollingerBreakout(n=20,k=2)
""", sym="000660", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=47.3, S=0.69, M=-30.2, W=42.9, N=21, meta={"source": "backtesting.py"})  # 21
    u.rep("ko", """
삼성전자(005930) 시스템 성과표
전략명 : MACD 시그널 돌파
매매기간 : 2019/01/02 - 2023/12/28
총수익률 : 9.8 %
최대DD : -22.0 %
승률 : 40.0 %   매매횟수 : 30
""", sym="005930", kind=MACD, p=M9, y=(2019, 2023),
          R=9.8, M=-22.0, W=40.0, N=30, meta={"symbol": "005930"})  # 22
    u.rep("ko", """
시트: 비교_보유
종목 | 카카오
방식 | 단순 보유 (2020-01-02 매수 → 2023-12-28 평가)
수익률 | -31.4%
MDD | -71.0%
""", sym="035720", kind=BH, y=(2020, 2023), R=-31.4, M=-71.0, meta={"source": "excel"})  # 23
    u.rep("ko", """
[백테스트] KODEX 레버리지
5일선/20일선 골든크로스 매수 · 데드크로스 매도
2020.01.02~2024.06.28
누적 -8.7% / MDD -38.4% / 승률 33.3% / 27회
""", sym="122630", kind=SMA, p=dict(fast=5, slow=20), y=(2020, 2024),
          R=-8.7, M=-38.4, W=33.3, N=27, meta={"source": "HTS"})  # 24
    u.rep("en", """
Backtest report: TSLA EMA(9) x EMA(21)
Dates 2020-01-02 -> 2023-12-29 | Long only
Total Return: 112.4%  Sharpe: 0.81  Max DD: -52.7%
Trades: 34   Win%: 38.2
""", sym="TSLA", kind=EMA, p=dict(fast=9, slow=21), y=(2020, 2023),
          R=112.4, S=0.81, M=-52.7, W=38.2, N=34, meta={})  # 25
    u.rep("ko", """
■ 삼성전자 볼린저밴드 역추세 (하단 매수 → 중심선 청산)
  파라미터: 20일 / 2σ
  기간: 2019년 1월 ~ 2023년 12월
  수익률 +14.9%, MDD -12.8%
  승률 68.4% (19회 중 13회 수익)
""", sym="005930", kind=BBR, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=14.9, M=-12.8, W=68.4, N=19, meta={"source": "HTS", "symbol": "005930"})  # 26
    # ---- layout 3: free-form notes / strategy definitions
    u.note("ko", "삼전 20/60 골크 다시 돌려봄. 22~23년 횡보장에서 계속 털리고 수수료 떼면 거의 본전임 ㅠ",
           sym="005930", kind=SMA, p=dict(fast=20, slow=60))  # 27
    u.note("ko", "하닉 볼밴 뚫을 때 추매하는 거 → 21년엔 괜찮았는데 22년엔 박살. 돌파하고 바로 되돌림 나옴",
           sym="000660", kind=BBO)  # 28
    u.note("ko", "엔비 RSI 25 밑에서 줍줍하는 거 22년에 진짜 잘 먹혔는데 MDD -41.5% 보고 식겁함",
           sym="NVDA", kind=RSI, p=dict(lower=25), M=-41.5)  # 29
    u.strat("ko", """
카카오 밴드 하단 매수 전략
- 진입: 종가가 20일 볼린저 하단(2σ) 아래로 내려가면 매수
- 청산: 중심선(20일 이평) 복귀 시 전량 매도
- 손절: -8%
""", sym="035720", kind=BBR, p=dict(period=20, k=2.0))  # 30
    u.note("ko", "테슬라 롱숏 MACD — 2020년 숫자는 믿지 말 것. 액면분할 수정주가 반영 안 된 데이터였음",
           sym="TSLA", kind=MACD)  # 31
    u.note("ko", "네이버 RSI역추세 v1은 30/70, v2는 35/65로 좁혔음. v2가 매매 횟수는 늘었는데 승률은 거의 그대로",
           sym="035420", kind=RSI)  # 32
    u.note("ko", "현대차 MACD 생각보다 괜찮네. 샤프 0.92, 낙폭도 -19.6% 정도",
           sym="005380", kind=MACD, S=0.92, M=-19.6)  # 33
    u.note("ko", "수수료 0.015% + 매도세 0.18% 넣고 다시 돌리니까 5일/20일 단타 이평 전략들 전부 마이너스로 돌아섬",
           kind=SMA, p=dict(fast=5, slow=20))  # 34
    u.strat("ko", "KODEX 레버 BB 상단 돌파 진입, 20일선 깨지면 청산. 기간 20 / k=2.0 / 레버리지라 비중 30%만",
            sym="122630", kind=BBO, p=dict(period=20, k=2.0))  # 35
    u.note("ko", "삼전 RSI 30 아래서 사고 70 위에서 파는 거 5년치 돌림: 승률 66.7%. 근데 매매가 고작 15번이라 표본이 너무 적음",
           sym="005930", kind=RSI, p=dict(lower=30, upper=70), W=66.7, N=15)  # 36
    u.note("ko", "카카오 그냥 존버했으면 -31.4%. 물리면 답 없다는 거 숫자로 확인함",
           sym="035720", kind=BH, R=-31.4)  # 37
    u.note("ko", "하닉 5/20 이평 크로스는 매매가 너무 잦음. 46번이나 사고팔았고 수수료가 다 먹음",
           sym="000660", kind=SMA, p=dict(fast=5, slow=20), N=46)  # 38
    u.note("ko", "엔비 그냥 들고만 있었으면? 19~23 매수후보유 +1512%. 전략이고 뭐고 현타옴",
           sym="NVDA", kind=BH, R=1512.3)  # 39
    u.note("ko", "삼전 볼밴 상단 돌파는 별로임. 돌파하자마자 밀림. 오히려 하단에서 사는 역추세가 나았음",
           sym="005930", kind=[BBO, BBR])  # 40
    u.strat("ko", "현대차 EMA 10/30 크로스 전략 (롱 온리, 손절 없음, 종가 체결 가정)",
            sym="005380", kind=EMA, p=dict(fast=10, slow=30))  # 41
    u.note("ko", "앞으로 모든 테스트 슬리피지 0.1% 가정으로 통일. 예전 결과들은 슬리피지 0이라 과대평가됐을 수도")  # 42
    u.note("mix", "SK하이닉스 MACD sharpe 1.08 — 지금까지 돌린 것 중 best", sym="000660", kind=MACD, S=1.08)  # 43
    u.note("ko", "NAVER 지수이평 12/26은 거의 노이즈 수준. 버림", sym="035420", kind=EMA, p=dict(fast=12, slow=26))  # 44
    # ---- layout 4: one-line titles
    u.title("ko", "삼전 SMA 5/20 2019-2023", sym="005930", kind=SMA, p=dict(fast=5, slow=20))  # 45
    u.title("ko", "하닉 RSI 과매도 30/70", coll="user_strategies", sym="000660", kind=RSI)  # 46
    u.title("ko", "SK하닉 MACD (최종)", sym="000660", kind=MACD)  # 47
    u.title("ko", "네이버 RSI역추세 v2", coll="user_strategies", sym="035420", kind=RSI)  # 48
    u.title("ko", "카카오 이평 10/30 망함", sym="035720", kind=SMA, p=dict(fast=10, slow=30))  # 49
    u.title("ko", "엔비 과매도 줍줍", coll="user_strategies", sym="NVDA", kind=RSI)  # 50
    u.title("ko", "테슬라 MACD 롱숏 v3", coll="user_strategies", sym="TSLA", kind=MACD)  # 51
    u.title("ko", "KODEX 레버 골크 5/20", sym="122630", kind=SMA, p=dict(fast=5, slow=20))  # 52
    u.title("ko", "현대차 MACD 12/26/9", sym="005380", kind=MACD)  # 53
    u.title("ko", "삼전 볼밴 하단 매수 v1", coll="user_strategies", sym="005930", kind=BBR)  # 54
    u.title("ko", "하닉 볼밴 돌파 2021", sym="000660", kind=BBO)  # 55

    # ---- queries
    u.q("plain", "ko", "삼성전자 볼린저 밴드 백테스트", syms="005930", kinds=BB)
    u.q("plain", "ko", "현대차 MACD 결과", syms="005380", kinds=MACD)
    u.q("plain", "en", "TSLA MACD long/short backtest", syms="TSLA", kinds=MACD)
    u.q("cross_lingual", "en", "SK hynix RSI backtest", syms="000660", kinds=RSI)
    u.q("cross_lingual", "en", "Naver RSI mean reversion results", syms="035420", kinds=RSI)
    u.q("cross_lingual", "en", "Kakao Bollinger lower band strategy", syms="035720", kinds=BBR)
    u.q("behaviour", "ko", "하닉 주가가 밴드 위로 뚫으면 따라 사는 전략", syms="000660", kinds=BBO)
    u.q("behaviour", "ko", "삼전에서 단기 평균선이 장기 평균선 뚫고 올라갈 때 사는 거", syms="005930", kinds=MA)
    u.q("behaviour", "en", "the NVDA one that buys when it's oversold and dumps it after the bounce", syms="NVDA", kinds=RSI)
    u.q("abbreviation", "ko", "KODEX 레버 이평", syms="122630", kinds=MA)
    u.q("abbreviation", "ko", "엔비 존버", syms="NVDA", kinds=BH)
    u.q("abbreviation", "ko", "삼전 볼밴 역추세", syms="005930", kinds=BBR)
    u.q("kpi_condition", "ko", "샤프 1 넘는 전략 뭐 있었지", pred=sharpe_ge(1.0))
    u.q("kpi_condition", "ko", "MDD 30% 넘게 빠진 하닉 백테스트", syms="000660", pred=mdd_worse(30))
    u.q("kpi_condition", "ko", "승률 60% 넘는 삼전 전략", syms="005930", pred=win_gt(60))
    u.q("kpi_condition", "en", "Kakao backtests that lost money", syms="035720", pred=ret_lt(0))
    u.q("typo", "ko", "삼성 전자 이동 평균 5/20", syms="005930", kinds=MA, pred=params(fast=5, slow=20))
    u.q("typo", "mix", "SK하이닉 MCAD", syms="000660", kinds=MACD)
    u.q("typo", "ko", "카카요 이평 10/30", syms="035720", kinds=MA, pred=params(fast=10, slow=30))
    u.q("no_answer", "ko", "비트코인 변동성 돌파 백테스트", syms="BTC")
    u.q("no_answer", "en", "AAPL EMA crossover", syms="AAPL")
    u.q("no_answer", "ko", "2015년 삼전 백테스트", syms="005930", pred=lambda d: d.covers(2015))
    return u


def ho_u2(User, part):
    """US-focused, writes English, uses backtesting.py / QuantConnect / TradingView."""
    u = User(part, "ho_u2")
    u.qs("AAPL", SMA, dict(fast=10, slow=50), "2018-01-02", "2023-12-29", 96.4, 0.97, -27.1, 47.8, 23, direction="long")  # 1
    u.qs("AAPL", EMA, dict(fast=12, slow=26), "2018-01-02", "2023-12-29", 71.2, 0.84, -24.3, 40.6, 32)  # 2
    u.qs("MSFT", MACD, M9, "2019-01-02", "2023-12-29", 88.6, 1.12, -19.4, 48.6, 37)  # 3
    u.qs("AMZN", SMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-29", 18.3, 0.33, -38.9, 36.8, 19)  # 4
    u.qs("META", EMA, dict(fast=9, slow=21), "2020-01-02", "2024-06-28", 143.0, 0.95, -45.2, 37.5, 40)  # 5
    u.qs("QQQ", SMA, dict(fast=50, slow=200), "2015-01-02", "2023-12-29", 152.7, 0.91, -23.0, 71.4, 7)  # 6
    u.qs("SPY", RSI, dict(period=2, lower=10, upper=90), "2015-01-02", "2023-12-29", 61.5, 0.79, -16.2, 74.3, 140)  # 7
    u.qs("JPM", BBR, dict(period=20, k=2.0), "2019-01-02", "2023-12-29", 27.9, 0.58, -21.6, 63.6, 22)  # 8
    u.qs("KO", RSI, dict(period=14, lower=30, upper=70), "2016-01-04", "2023-12-29", 22.1, 0.52, -12.9, 72.7, 11)  # 9
    u.qs("005930", SMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-28", 24.6, 0.61, -19.3, 46.2, 13, costs=KRX_COSTS)  # 10
    u.qs("TSLA", BBO, dict(period=20, k=2.0), "2020-01-02", "2023-12-29", 201.4, 1.05, -49.8, 41.7, 24)  # 11
    u.rep("en", """
AAPL — golden cross, long only
Start                     2010-01-04 00:00:00
End                       2023-12-29 00:00:00
Duration                  5107 days 00:00:00
Exposure Time [%]         78.4
Return [%]                412.7
Return (Ann.) [%]         12.4
Volatility (Ann.) [%]     23.9
Sharpe Ratio              0.88
Max. Drawdown [%]         -33.4
# Trades                  9
Win Rate [%]              66.7
_strategy                 SmaCross(n1=50,n2=200)
""", sym="AAPL", kind=SMA, p=dict(fast=50, slow=200), y=(2010, 2023),
          R=412.7, S=0.88, M=-33.4, W=66.7, N=9, meta={"source": "backtesting.py"})  # 12
    u.rep("en", """
>>> bt.run()  # AAPL 2018-2023
Start                     2018-01-02
End                       2023-12-29
Return [%]                35.4
Sharpe Ratio              0.62
Max. Drawdown [%]         -21.0
Avg. Trade Duration       19 days
# Trades                  22
Win Rate [%]              68.2
_strategy                 RsiOscillator(level_low=30,level_high=70,rsi_window=14)
""", sym="AAPL", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2018, 2023),
          R=35.4, S=0.62, M=-21.0, W=68.2, N=22, meta={"source": "backtesting.py"})  # 13
    u.rep("en", """
QuantConnect | MSFT Bollinger Breakout (20, 2.0)
Backtest 2019-01-01 → 2023-12-31, daily resolution
Net Profit: 52.3%   Sharpe Ratio: 0.79   Drawdown: 24.5%
Win Rate: 45%   Loss Rate: 55%   Total Orders: 62 (31 round trips)
""", sym="MSFT", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=52.3, S=0.79, M=-24.5, W=45, N=31, meta={"source": "quantconnect"})  # 14
    u.rep("en", """
microsoft daily / fees 0.1%
Start 2019-01-02  End 2023-12-29
Return [%] ............ 47.1
Sharpe Ratio .......... 0.71
Max. Drawdown [%] ..... -22.8
# Trades .............. 25
Win Rate [%] .......... 44.0
_strategy ............. SmaCross(n1=20,n2=50)
""", sym="MSFT", kind=SMA, p=dict(fast=20, slow=50), y=(2019, 2023),
          R=47.1, S=0.71, M=-22.8, W=44.0, N=25, meta={"source": "backtesting.py"})  # 15
    u.rep("en", """
Algorithm: AmznRsiReversion
Universe: AMZN | Resolution: Daily | 2019-01-01 to 2023-12-31
RSI(14) 30/70 mean reversion, long only
Statistics
  Net Profit ............ -3.6%
  Sharpe Ratio .......... -0.05
  Drawdown .............. 35.7%
  Win Rate .............. 56%
  Total Trades .......... 18
""", sym="AMZN", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=-3.6, S=-0.05, M=-35.7, W=56, N=18, meta={"source": "quantconnect"})  # 16
    u.rep("en", """
Amazon.com — "BB mean reversion 20/2" — TradingView strategy tester
Jan 2020 to Jun 2024, 1D
Net Profit          +12.8%
Max Drawdown        29.9%
Percent Profitable  61.5%  (16/26)
Sharpe              0.31
""", sym="AMZN", kind=BBR, p=dict(period=20, k=2.0), y=(2020, 2024),
          R=12.8, S=0.31, M=-29.9, W=61.5, N=26, meta={"source": "tradingview"})  # 17
    u.rep("en", """
META (was FB) — RSI 14, buy < 30, sell > 70
Start                     2019-01-02
End                       2023-12-29
Return [%]                48.9
Sharpe Ratio              0.66
Max. Drawdown [%]         -41.3
# Trades                  19
Win Rate [%]              63.2
_strategy                 RsiReversion(period=14,lower=30,upper=70)
""", sym="META", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=48.9, S=0.66, M=-41.3, W=63.2, N=19, meta={"source": "backtesting.py"})  # 18
    u.rep("en", """
TSLA MACD(12,26,9) long/short — QC backtest
2020-01-02 .. 2023-12-29
Total Return -22.4% | Sharpe -0.18 | Max Drawdown 61.2% | Win rate 31.4% | 51 trades
comment: shorts killed it in 2020-21
""", sym="TSLA", kind=MACD, p=M9, y=(2020, 2023),
          R=-22.4, S=-0.18, M=-61.2, W=31.4, N=51, meta={"source": "quantconnect", "symbol": "TSLA"})  # 19
    u.rep("en", """
QQQ — Buy & Hold benchmark (TradingView)
01/02/2015 – 12/29/2023
Net profit 287.0%, max drawdown 35.1%, Sharpe 0.98
""", sym="QQQ", kind=BH, y=(2015, 2023), R=287.0, S=0.98, M=-35.1, meta={"source": "tradingview"})  # 20
    u.rep("en", """
ticker, SPY
strategy, buy_hold
start, 2015-01-02
end, 2023-12-29
total_return, 176.4%
sharpe, 0.82
max_dd, -33.7%
""", sym="SPY", kind=BH, y=(2015, 2023), R=176.4, S=0.82, M=-33.7, meta={})  # 21
    u.rep("en", """
KO | BollingerReversion(n=20, k=2)
Start 2016-01-04 / End 2023-12-29
Return [%]             15.7
Sharpe Ratio            0.44
Max. Drawdown [%]     -14.8
# Trades                20
Win Rate [%]           70.0
""", sym="KO", kind=BBR, p=dict(period=20, k=2.0), y=(2016, 2023),
          R=15.7, S=0.44, M=-14.8, W=70.0, N=20, meta={"source": "backtesting.py"})  # 22
    u.rep("en", """
Backtest: LG Chem (051910.KS) — MACD signal cross 12/26/9
Data: KRX daily, 2019-01-02 to 2023-12-28, fees 0.015% + 0.18% tax
Net Profit -27.8%   Sharpe -0.29   Max DD 52.4%   Win Rate 34.5%   Trades 29
""", sym="051910", kind=MACD, p=M9, y=(2019, 2023),
          R=-27.8, S=-0.29, M=-52.4, W=34.5, N=29, meta={"source": "quantconnect"})  # 23
    u.rep("en", """
# Samsung Elec (005930.KS), daily, KRW
Start                     2019-01-02
End                       2023-12-28
Return [%]                9.2
Sharpe Ratio              0.22
Max. Drawdown [%]         -26.1
# Trades                  26
Win Rate [%]              38.5
_strategy                 EmaCross(fast=12,slow=26)
""", sym="005930", kind=EMA, p=dict(fast=12, slow=26), y=(2019, 2023),
          R=9.2, S=0.22, M=-26.1, W=38.5, N=26, meta={"source": "backtesting.py"})  # 24
    u.rep("en", """
JPMorgan Chase (JPM) · SMA Cross 20/50 · 1D
Period: 2019-01-02 to 2023-12-29
Net profit: 21.3% | Max DD: 31.6% | Profitable: 42.1% of 19 trades | Sharpe 0.40
""", sym="JPM", kind=SMA, p=dict(fast=20, slow=50), y=(2019, 2023),
          R=21.3, S=0.40, M=-31.6, W=42.1, N=19, meta={"source": "tradingview"})  # 25
    u.rep("en", """
Symbol\tAAPL
Method\thold (no signals)
Window\t2018-01-02 .. 2023-12-29
Return\t+358.9%
Sharpe\t1.19
Max drawdown\t-31.4%
""", sym="AAPL", kind=BH, y=(2018, 2023), R=358.9, S=1.19, M=-31.4, meta={"source": "excel"})  # 26
    u.rep("en", """
Project: SPY_RSI2_TrendFilter (QuantConnect)
Rules: RSI(2) < 5 → buy at close; exit when RSI(2) > 70; only while SPY > SMA(200)
Backtest window 2010-01-04 – 2023-12-29
Net Profit 98.3% · CAGR 5.0% · Sharpe 0.94 · Max Drawdown 18.8% · Win Rate 76.1% · 188 trades
""", sym="SPY", kind=RSI, p=dict(period=2, lower=5, upper=70), y=(2010, 2023),
          R=98.3, S=0.94, M=-18.8, W=76.1, N=188, meta={"source": "quantconnect"})  # 27
    # notes
    u.note("en", "tried the oversold bounce thing on META again (RSI under 30). it works, but that 2022 drawdown, -41.3%, is brutal",
           sym="META", kind=RSI, M=-41.3)  # 28
    u.note("en", "note to self: TSLA long/short MACD — don't trust the 2020 numbers, split adjustment was off in that data pull",
           sym="TSLA", kind=MACD)  # 29
    u.strat("en", """
Golden cross swing (AAPL)
long when the 50-day SMA crosses above the 200-day SMA, flat on the death cross. no shorts.
commission 0.5 bp, slippage 2 bp
""", sym="AAPL", kind=SMA, p=dict(fast=50, slow=200))  # 30
    u.note("en", "KO is boring but dip-buying with RSI actually works: 72.7% winners, only 11 trades in 8 years though",
           sym="KO", kind=RSI, W=72.7, N=11)  # 31
    u.note("en", "Samsung 20/60 golden cross on KRX — once you add the 0.18% sell tax it's barely better than just holding it",
           sym="005930", kind=SMA, p=dict(fast=20, slow=60))  # 32
    u.note("en", "AMZN: moving average crossovers did nothing 2019-2023, pure chop", sym="AMZN", kind=SMA)  # 33
    u.note("en", "QQQ vs SPY buy & hold — QQQ wins by a mile, but both got smashed in 2022", sym=["QQQ", "SPY"], kind=BH)  # 34
    u.strat("en", "MSFT breakout v2 — enter on a close above the upper Bollinger band (20, 2σ), exit on a close below the middle band. long only, max 1 position",
            sym="MSFT", kind=BBO, p=dict(period=20, k=2.0))  # 35
    u.note("en", "JPM fading the lower band works ok for banks: 63.6% win rate, sharpe only 0.58 though",
           sym="JPM", kind=BBR, S=0.58, W=63.6)  # 36
    u.note("en", "META 9/21 EMA, 2020-2024: +143% but a 45% drawdown along the way. not for me.",
           sym="META", kind=EMA, p=dict(fast=9, slow=21), R=143.0, M=-45.2)  # 37
    u.note("en", "idea: LG Chem MACD on weekly bars instead of daily? the daily version was awful", sym="051910", kind=MACD)  # 38
    u.note("en", "AAPL RSI 30/70 — decent, 68% win rate, nothing special", sym="AAPL", kind=RSI, W=68.2)  # 39
    u.strat("en", "SPY RSI2 (Connors style): buy at the close when RSI(2) < 10, sell when RSI(2) > 90. only trade while price is above the 200d",
            sym="SPY", kind=RSI, p=dict(period=2, lower=10, upper=90))  # 40
    u.note("en", "Tesla BB breakout was the best thing I ran this year — sharpe 1.05, MDD -49.8% though, so size small",
           sym="TSLA", kind=BBO, S=1.05, M=-49.8)  # 41
    u.note("en", "costs memo: IBKR tiered ≈ $0.35/order for US. For KRX names use 0.015% commission + 0.18% sell tax (dropping to 0.15% in 2025)")  # 42
    u.note("en", "MSFT MACD is the keeper. 1.12 sharpe over 2019-2023, lowest DD of the lot", sym="MSFT", kind=MACD, S=1.12)  # 43
    # titles
    u.title("en", "AAPL EMA 12/26 2018-2023", sym="AAPL", kind=EMA, p=dict(fast=12, slow=26))  # 44
    u.title("en", "AAPL golden cross 50/200 (long only)", coll="user_strategies", sym="AAPL", kind=SMA, p=dict(fast=50, slow=200))  # 45
    u.title("en", "MSFT MACD final", sym="MSFT", kind=MACD)  # 46
    u.title("en", "AMZN RSI reversion v1", coll="user_strategies", sym="AMZN", kind=RSI)  # 47
    u.title("en", "META oversold bounce", coll="user_strategies", sym="META", kind=RSI)  # 48
    u.title("en", "TSLA BB breakout 20/2", sym="TSLA", kind=BBO)  # 49
    u.title("en", "QQQ 50/200 trend filter", sym="QQQ", kind=SMA, p=dict(fast=50, slow=200))  # 50
    u.title("en", "SPY RSI(2) w/ 200d filter", coll="user_strategies", sym="SPY", kind=RSI)  # 51
    u.title("en", "KO BB reversion", sym="KO", kind=BBR)  # 52
    u.title("en", "JPM SMA 20/50 test", sym="JPM", kind=SMA, p=dict(fast=20, slow=50))  # 53
    u.title("en", "Samsung Elec EMA 12/26", sym="005930", kind=EMA, p=dict(fast=12, slow=26))  # 54
    u.title("en", "LG Chem MACD daily", sym="051910", kind=MACD)  # 55

    u.q("plain", "en", "AAPL SMA crossover results", syms="AAPL", kinds=SMA)
    u.q("plain", "en", "MSFT Bollinger breakout", syms="MSFT", kinds=BBO)
    u.q("plain", "en", "SPY RSI(2) backtest", syms="SPY", kinds=RSI)
    u.q("plain", "mix", "KO 볼린저 밴드 평균회귀 결과", syms="KO", kinds=BBR)
    u.q("cross_lingual", "ko", "LG화학 MACD 백테스트", syms="051910", kinds=MACD)
    u.q("cross_lingual", "ko", "마이크로소프트 MACD 결과", syms="MSFT", kinds=MACD)
    u.q("cross_lingual", "ko", "아마존 이평선 전략", syms="AMZN", kinds=MA)
    u.q("behaviour", "en", "the strategy that buys weakness and sells strength on Coca-Cola", syms="KO", kinds=MR)
    u.q("behaviour", "en", "buying Tesla when the price pushes above the upper band", syms="TSLA", kinds=BBO)
    u.q("behaviour", "ko", "META 빠른 지수평균이 느린 평균을 위로 뚫을 때 사는 전략", syms="META", kinds=EMA)
    u.q("abbreviation", "en", "AAPL MA 50/200", syms="AAPL", kinds=MA, pred=params(fast=50, slow=200))
    u.q("abbreviation", "en", "JPM BB mean rev", syms="JPM", kinds=BBR)
    u.q("abbreviation", "ko", "삼전 골크 20/60", syms="005930", kinds=MA, pred=params(fast=20, slow=60))
    u.q("kpi_condition", "en", "Sharpe above 1", pred=sharpe_ge(1.0))
    u.q("kpi_condition", "en", "which backtests lost money", pred=ret_lt(0))
    u.q("kpi_condition", "en", "RSI strategies with a win rate over 70%", kinds=RSI, pred=win_gt(70))
    u.q("typo", "en", "Samsung Electrnics EMA", syms="005930", kinds=EMA)
    u.q("typo", "en", "RSI reversoin AMZN", syms="AMZN", kinds=RSI)
    u.q("typo", "en", "QQQ buy adn hold", syms="QQQ", kinds=BH)
    u.q("no_answer", "en", "NVDA RSI backtest", syms="NVDA")
    u.q("no_answer", "ko", "SK하이닉스 볼린저 밴드", syms="000660")
    u.q("no_answer", "en", "ethereum momentum strategy", syms="ETH")
    return u


def ho_u3(User, part):
    """Mixes Korean and English in one sentence; semis, batteries, leveraged ETFs."""
    u = User(part, "ho_u3")
    u.qs("NVDA", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-29", 142.5, 1.21, -34.6, 69.2, 13)  # 1
    u.qs("NVDA", EMA, dict(fast=12, slow=26), "2019-01-02", "2023-12-29", 388.1, 1.33, -42.0, 43.8, 32)  # 2
    u.qs("AMD", SMA, dict(fast=5, slow=20), "2019-01-02", "2023-12-29", 57.4, 0.52, -47.3, 34.1, 85)  # 3
    u.qs("SOXX", SMA, dict(fast=20, slow=60), "2018-01-02", "2023-12-29", 96.2, 0.86, -31.8, 52.4, 21)  # 4
    u.qs("TQQQ", EMA, dict(fast=10, slow=30), "2020-01-02", "2024-06-28", 134.8, 0.74, -58.9, 39.3, 28)  # 5
    u.qs("247540", BBO, dict(period=20, k=2.0), "2020-01-02", "2023-12-28", 312.6, 1.41, -44.7, 45.5, 22)  # 6
    u.qs("086520", MACD, M9, "2020-01-02", "2023-12-28", 505.0, 1.27, -51.2, 42.9, 28)  # 7
    u.qs("373220", RSI, dict(period=14, lower=30, upper=70), "2022-01-27", "2024-06-28", -14.2, -0.31, -36.5, 50.0, 8)  # 8
    u.qs("006400", MACD, M9, "2019-01-02", "2023-12-28", 36.9, 0.45, -38.2, 44.4, 27)  # 9
    u.qs("000660", SMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-28", 47.8, 0.74, -26.5, 50.0, 14, costs=KRX_COSTS)  # 10
    u.qs("GOOGL", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-29", 29.3, 0.57, -27.4, 64.7, 17)  # 11
    u.rep("ko", """
[백테스트 결과] 에코프로비엠
전략 ........ RSI 역추세 (14일, 30 이하 매수 / 70 이상 매도)
기간 ........ 2020.01.02 ~ 2023.12.28
누적수익률 .. +88.1%
최대손실폭 .. -39.4%
승률 ........ 61.5%
매매횟수 .... 13회
""", sym="247540", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2020, 2023),
          R=88.1, M=-39.4, W=61.5, N=13, meta={"source": "HTS"})  # 12
    u.rep("ko", """
에코프로(086520) 이평 골든크로스 5/20 검증
기간 2020-01-02 ~ 2023-12-28 | 일봉 | 수수료+세금 0.2%
누적수익률 +241.3%   최대낙폭 -49.0%   승률 36.7%   거래 49회
""", sym="086520", kind=SMA, p=dict(fast=5, slow=20), y=(2020, 2023),
          R=241.3, M=-49.0, W=36.7, N=49, meta={"source": "HTS", "symbol": "086520"})  # 13
    u.rep("en", """
nvda bb breakout, n=20 k=2.0
Start                     2019-01-02
End                       2023-12-29
Exposure Time [%]         38.1
Return [%]                205.7
Sharpe Ratio              1.02
Max. Drawdown [%]         -38.9
# Trades                  25
Win Rate [%]              48.0
_strategy                 BollingerBreakout(n=20,k=2.0)
""", sym="NVDA", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=205.7, S=1.02, M=-38.9, W=48.0, N=25, meta={"source": "backtesting.py"})  # 14
    u.rep("en", """
NVIDIA Corp · MACD 12 26 9 crossover · Daily
Jan 2, 2020 → Jun 28, 2024
Net profit 265.3% · Max drawdown 35.2% · Win rate 45.2% (14/31) · Sharpe 1.18
""", sym="NVDA", kind=MACD, p=M9, y=(2020, 2024),
          R=265.3, S=1.18, M=-35.2, W=45.2, N=31, meta={"source": "tradingview"})  # 15
    u.rep("en", """
QC backtest — AMD RSI(14) 30/70
2019-01-01 to 2023-12-31
Net Profit 12.4% | Sharpe 0.21 | Drawdown 44.1% | Win Rate 58.8% | Trades 17
""", sym="AMD", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=12.4, S=0.21, M=-44.1, W=58.8, N=17, meta={"source": "quantconnect"})  # 16
    u.rep("en", """
AMD — buy lower band, sell middle
Return [%]                -9.8
Sharpe Ratio              -0.08
Max. Drawdown [%]         -40.6
# Trades                  21
Win Rate [%]              57.1
_strategy                 BollingerReversion(n=20,k=2)
Start 2019-01-02, End 2023-12-29
""", sym="AMD", kind=BBR, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=-9.8, S=-0.08, M=-40.6, W=57.1, N=21, meta={"source": "backtesting.py"})  # 17
    u.rep("ko", """
■ LG에너지솔루션 볼린저 하단 매수 전략 검증
  설정: 20일 / 2σ, 하단 이탈 후 재진입 시 매수, 중심선 도달 시 매도
  기간: 2022.01.27(상장일) ~ 2024.06.28
  누적수익률 -21.7% · MDD -33.2% · 승률 54.5% (11회)
""", sym="373220", kind=BBR, p=dict(period=20, k=2.0), y=(2022, 2024),
          R=-21.7, M=-33.2, W=54.5, N=11, meta={"source": "HTS"})  # 18
    u.rep("ko", """
[시뮬레이션] 삼성SDI 지수이평 12/26 교차
2019/01/02~2023/12/28
총수익 18.4% | 최대손실폭 -41.7% | 승률 37.9% | 29회 매매
""", sym="006400", kind=EMA, p=dict(fast=12, slow=26), y=(2019, 2023),
          R=18.4, M=-41.7, W=37.9, N=29, meta={"symbol": "006400"})  # 19
    u.rep("en", """
iShares Semiconductor ETF (SOXX) — MACD Strategy (12, 26, 9)
Range 2018-01-02 — 2023-12-29
Net Profit: 74.9%, Max DD: 29.6%, Percent Profitable: 46.9%, Trades: 32, Sharpe: 0.80
""", sym="SOXX", kind=MACD, p=M9, y=(2018, 2023),
          R=74.9, S=0.80, M=-29.6, W=46.9, N=32, meta={"source": "tradingview"})  # 20
    u.rep("en", """
TQQQ Bollinger breakout (20, 2) — QuantConnect
Period 2020-01-02 to 2024-06-28
Net Profit 88.3%, Sharpe Ratio 0.57, Drawdown 62.4%, Win Rate 40%, Total Trades 20
""", sym="TQQQ", kind=BBO, p=dict(period=20, k=2.0), y=(2020, 2024),
          R=88.3, S=0.57, M=-62.4, W=40, N=20, meta={"source": "quantconnect"})  # 21
    u.rep("ko", """
종목\tTQQQ
전략\t단순보유
기간\t2020-01-02~2024-06-28
수익률\t176.2%
샤프\t0.69
MDD\t-81.7%
""", sym="TQQQ", kind=BH, y=(2020, 2024), R=176.2, S=0.69, M=-81.7, meta={"source": "excel"})  # 22
    u.rep("ko", "에코프로비엠 | 매수후보유 | 2020-01-02 ~ 2023-12-28 | 수익률 +1043.5% | MDD -62.3%",
          sym="247540", kind=BH, y=(2020, 2023), R=1043.5, M=-62.3, meta={"source": "excel"})  # 23
    u.rep("en", """
# SK hynix (000660.KS) daily
Start                     2019-01-02
End                       2023-12-28
Return [%]                33.1
Sharpe Ratio              0.63
Max. Drawdown [%]         -20.4
# Trades                  18
Win Rate [%]              66.7
_strategy                 BollingerReversion(n=20,k=2)
""", sym="000660", kind=BBR, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=33.1, S=0.63, M=-20.4, W=66.7, N=18, meta={"source": "backtesting.py"})  # 24
    u.rep("en", """
Alphabet Inc. Class A (GOOGL) — SMA 20/50 cross
2019-01-02 to 2023-12-29 · Net profit +38.0% · Max DD 30.8% · 23 trades, 43.5% profitable · Sharpe 0.55
""", sym="GOOGL", kind=SMA, p=dict(fast=20, slow=50), y=(2019, 2023),
          R=38.0, S=0.55, M=-30.8, W=43.5, N=23, meta={"source": "tradingview"})  # 25
    u.rep("ko", """
[백테스트 결과] 에코프로 / 볼린저 상단 돌파 매수 (20, 2.0)
기간 2021-01-04 ~ 2023-12-28
누적수익률 +128.4%  최대손실폭 -55.0%  승률 40.0%  매매 15회
""", sym="086520", kind=BBO, p=dict(period=20, k=2.0), y=(2021, 2023),
          R=128.4, M=-55.0, W=40.0, N=15, meta={"source": "HTS"})  # 26
    u.rep("en", """
GOOG · RSI 14 mean reversion (buy <30 / sell >70)
2021-01-04 – 2024-06-28
Net profit 18.5% | Max drawdown 24.9% | 60.0% profitable (9 of 15) | Sharpe 0.41
""", sym="GOOGL", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2021, 2024),
          R=18.5, S=0.41, M=-24.9, W=60.0, N=15, meta={"source": "tradingview"})  # 27
    # notes
    u.note("mix", "엔비 RSI 30/70 돌려봄 — sharpe 1.21인데 trade가 13번 밖에 안 돼서 신뢰도 ?",
           sym="NVDA", kind=RSI, p=dict(lower=30, upper=70), S=1.21, N=13)  # 28
    u.note("mix", "tried bolinger breakout on 엔비, 2023년엔 완전 잘 먹힘 but 2022엔 whipsaw 지옥", sym="NVDA", kind=BBO)  # 29
    u.note("ko", "에코비엠 밴드 상단 뚫으면 추매, 하단 깨면 손절. 2020~2023 수익 +312.6% 실화냐",
           sym="247540", kind=BBO, R=312.6)  # 30
    u.strat("mix", "AMD 단타 rule: SMA 5/20 golden cross 진입, 손절 -5%, 익절 없음, commission 0.1%",
            sym="AMD", kind=SMA, p=dict(fast=5, slow=20))  # 31
    u.note("ko", "AMD 밴드 하단 매수 해봤는데 -9.8%. 추세 센 종목에 역추세는 노노", sym="AMD", kind=BBR, R=-9.8)  # 32
    u.note("mix", "LG엔솔은 상장한 지 얼마 안 돼서 RSI 결과 의미 없음. 8 trades가 전부", sym="373220", kind=RSI, N=8)  # 33
    u.note("ko", "SOXX 골크 20/60 MDD -31.8% 정도면 버틸만함. 개별 반도체주보다 훨씬 편함",
           sym="SOXX", kind=SMA, p=dict(fast=20, slow=60), M=-31.8)  # 34
    u.strat("mix", "TQQQ rule: EMA 10/30 cross, 현금 50% 항상 유지, 레버리지 ETF라 slippage 0.05% 가정",
            sym="TQQQ", kind=EMA, p=dict(fast=10, slow=30))  # 35
    u.note("ko", "TQQQ 그냥 존버했으면 2022에 -81.7% 맞았음 ㅋㅋ 레버 ETF 장기보유 절대 안 함", sym="TQQQ", kind=BH, M=-81.7)  # 36
    u.note("mix", "삼성SDI는 MACD, EMA 둘 다 그냥 그럼... sdi 패스", sym="006400", kind=[MACD, EMA])  # 37
    u.note("ko", "구글 RSI 30/70: 승률 64.7%. 나쁘지 않은데 수익은 평범", sym="GOOGL", kind=RSI, W=64.7)  # 38
    u.note("ko", "에코프로 5/20 이평 매매 49번... 수수료+세금 0.2%씩 빠지니까 수익 반토막",
           sym="086520", kind=SMA, p=dict(fast=5, slow=20), N=49)  # 39
    u.note("mix", "SK hynix 20/60 golden cross 괜찮음, win rate 50%", sym="000660", kind=SMA, p=dict(fast=20, slow=60), W=50.0)  # 40
    u.note("mix", "엔비 MACD 2020-2024 sharpe 1.18 → keep", sym="NVDA", kind=MACD, S=1.18)  # 41
    u.note("ko", "에코프로 볼밴 돌파 MDD -55% 실화... 멘탈 못 버팀", sym="086520", kind=BBO, M=-55.0)  # 42
    u.note("mix", "LGES 볼린저 하단 매수도 마이너스. 배터리주 역추세는 이제 접자", sym="373220", kind=BBR)  # 43
    # titles
    u.title("ko", "엔비 RSI 30/70 v1", sym="NVDA", kind=RSI)  # 44
    u.title("en", "NVDA EMA 12/26 2019-2023", sym="NVDA", kind=EMA, p=dict(fast=12, slow=26))  # 45
    u.title("en", "AMD 5/20 scalp", coll="user_strategies", sym="AMD", kind=SMA, p=dict(fast=5, slow=20))  # 46
    u.title("en", "SOXX MACD", sym="SOXX", kind=MACD)  # 47
    u.title("mix", "TQQQ BB 돌파 test", sym="TQQQ", kind=BBO)  # 48
    u.title("ko", "에코비엠 볼밴 돌파 (최종)", coll="user_strategies", sym="247540", kind=BBO)  # 49
    u.title("ko", "에코프로 MACD 2020-2023", sym="086520", kind=MACD)  # 50
    u.title("ko", "LG엔솔 RSI", sym="373220", kind=RSI)  # 51
    u.title("ko", "삼성SDI EMA 12/26", sym="006400", kind=EMA, p=dict(fast=12, slow=26))  # 52
    u.title("en", "SK hynix BB reversion", coll="user_strategies", sym="000660", kind=BBR)  # 53
    u.title("en", "GOOGL SMA 20/50", sym="GOOGL", kind=SMA, p=dict(fast=20, slow=50))  # 54
    u.title("ko", "에코프로 이평 5/20", sym="086520", kind=SMA, p=dict(fast=5, slow=20))  # 55

    u.q("plain", "en", "NVDA Bollinger breakout backtest", syms="NVDA", kinds=BBO)
    u.q("plain", "ko", "에코프로비엠 RSI 역추세 결과", syms="247540", kinds=RSI)
    u.q("plain", "en", "SOXX MACD results", syms="SOXX", kinds=MACD)
    u.q("cross_lingual", "en", "EcoPro BM breakout strategy", syms="247540", kinds=BBO)
    u.q("cross_lingual", "ko", "하이닉스 볼린저 밴드", syms="000660", kinds=BB)
    u.q("cross_lingual", "en", "Samsung SDI EMA crossover", syms="006400", kinds=EMA)
    u.q("cross_lingual", "ko", "엔비디아 지수이동평균 교차", syms="NVDA", kinds=EMA)
    u.q("behaviour", "ko", "엔비디아에서 과매도에 사고 과매수에 파는 거", syms="NVDA", kinds=RSI)
    u.q("behaviour", "en", "AMD: buying when price dips to the lower band and selling at the middle", syms="AMD", kinds=BBR)
    u.q("behaviour", "en", "TQQQ going long when the fast exponential average crosses above the slow one", syms="TQQQ", kinds=EMA)
    u.q("abbreviation", "ko", "에코비엠 존버", syms="247540", kinds=BH)
    u.q("abbreviation", "ko", "알파벳 RSI 결과", syms="GOOGL", kinds=RSI)
    u.q("abbreviation", "en", "LGES BB lower-band buys", syms="373220", kinds=BBR)
    u.q("kpi_condition", "ko", "샤프 1.2 이상 나온 백테스트", pred=sharpe_ge(1.2))
    u.q("kpi_condition", "en", "NVDA backtests with max drawdown under 35%", syms="NVDA", pred=mdd_within(35))
    u.q("kpi_condition", "ko", "에코프로랑 에코프로비엠 중 수익률 200% 넘는 거", syms=["086520", "247540"], pred=ret_gt(200))
    u.q("kpi_condition", "en", "AMD backtests that lost money", syms="AMD", pred=ret_lt(0))
    u.q("typo", "en", "NVIDA MACD", syms="NVDA", kinds=MACD)
    u.q("typo", "ko", "에코프로 이동 평균 5/20", syms="086520", kinds=MA, pred=params(fast=5, slow=20))
    u.q("typo", "mix", "삼성SID MACD", syms="006400", kinds=MACD)
    u.q("no_answer", "en", "META RSI backtest", syms="META")
    u.q("no_answer", "ko", "카카오 볼린저 밴드", syms="035720")
    u.q("no_answer", "en", "dogecoin grid bot results", syms="DOGE")
    return u


def ho_u4(User, part):
    """Korean, desk-style: Excel exports, large caps, bio, banks, some US."""
    u = User(part, "ho_u4")
    u.qs("068270", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-28", 21.7, 0.49, -28.3, 61.1, 18, costs=(0.015, 0.18, 0.1))  # 1
    u.qs("068270", SMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-28", -18.6, -0.27, -42.5, 30.8, 13)  # 2
    u.qs("207940", MACD, M9, "2019-01-02", "2023-12-28", 52.3, 0.71, -25.8, 46.7, 30)  # 3
    u.qs("105560", BBR, dict(period=20, k=2.0), "2019-01-02", "2023-12-28", 38.4, 0.87, -15.7, 70.6, 17)  # 4
    u.qs("000270", SMA, dict(fast=20, slow=60), "2019-01-02", "2023-12-28", 112.5, 1.16, -21.3, 53.8, 13, costs=KRX_COSTS)  # 5
    u.qs("000270", MACD, M9, "2020-01-02", "2024-06-28", 68.1, 0.93, -19.9, 44.1, 34)  # 6
    u.qs("051910", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-28", -5.2, -0.03, -37.4, 52.6, 19)  # 7
    u.qs("069500", SMA, dict(fast=60, slow=120), "2015-01-02", "2023-12-28", 41.6, 0.58, -17.2, 55.6, 9)  # 8
    u.qs("GOOGL", MACD, M9, "2019-01-02", "2023-12-29", 58.7, 0.79, -27.9, 45.5, 33)  # 9
    u.qs("NFLX", EMA, dict(fast=12, slow=26), "2019-01-02", "2023-12-29", 35.5, 0.42, -54.6, 35.7, 28)  # 10
    u.qs("105560", RSI, dict(period=14, lower=30, upper=70), "2019-01-02", "2023-12-28", 29.9, 0.81, -14.9, 73.3, 15)  # 11
    u.rep("ko", """
종목 | 셀트리온
전략 | BB_MR(20,2)
기간 | 2019-01-02~2023-12-28
수익률 | 9.4%
Sharpe | 0.27
MDD | -31.5%
승률 | 58.3%
거래횟수 | 24
""", sym="068270", kind=BBR, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=9.4, S=0.27, M=-31.5, W=58.3, N=24, meta={"source": "excel"})  # 12
    u.rep("ko", "[보유 수익률 비교] 셀트리온 — 2019.01.02 매수 후 2023.12.28까지 보유\n누적수익률 +31.8%, 최대손실폭 -58.1%",
          sym="068270", kind=BH, y=(2019, 2023), R=31.8, M=-58.1, meta={"source": "HTS"})  # 13
    u.rep("ko", """
구분,값
종목,삼성바이오로직스
전략,EMA_CROSS(12,26)
시작,2019-01-02
종료,2023-12-28
총수익률,27.4%
샤프,0.39
최대낙폭,-32.6%
승률,38.5%
거래수,26
""", sym="207940", kind=EMA, p=dict(fast=12, slow=26), y=(2019, 2023),
          R=27.4, S=0.39, M=-32.6, W=38.5, N=26, meta={"source": "excel"})  # 14
    u.rep("ko", """
KB금융 단기 골든크로스(5일/20일) 성과
검증기간 2019.01.02 ~ 2023.12.28
누적수익률 +15.3% / 최대손실폭 -24.4% / 승률 37.5% / 매매 48회
""", sym="105560", kind=SMA, p=dict(fast=5, slow=20), y=(2019, 2023),
          R=15.3, M=-24.4, W=37.5, N=48, meta={"source": "HTS", "symbol": "105560"})  # 15
    u.rep("en", """
KB Financial Group (105560) — RSI(14) oversold/overbought reversion, QuantConnect
2021-01-04 to 2024-06-28
Net Profit 34.8% | Sharpe 0.92 | Drawdown 13.6% | Win Rate 75% | Trades 12
""", sym="105560", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2021, 2024),
          R=34.8, S=0.92, M=-13.6, W=75, N=12, meta={"source": "quantconnect"})  # 16
    u.rep("ko", """
종목: 기아 / 전략: 볼린저 상단 돌파(20,2) / 기간: 2019-01-02~2023-12-28
수익률: 87.2% / MDD: -23.8% / 승률: 47.6% / 거래: 21회 / 샤프: 1.01
""", sym="000270", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=87.2, S=1.01, M=-23.8, W=47.6, N=21, meta={"source": "excel"})  # 17
    u.rep("en", """
Kia Corp (000270) · MACD 12/26/9 · Strategy Tester
Jan 2019 – Dec 2023
Net profit +61.0%, max drawdown 22.1%, 43.3% profitable over 30 trades, Sharpe 0.88
""", sym="000270", kind=MACD, p=M9, y=(2019, 2023),
          R=61.0, S=0.88, M=-22.1, W=43.3, N=30, meta={"source": "tradingview"})  # 18
    u.rep("ko", """
LG화학\t볼린저돌파\t2019-01-02\t2023-12-28\t-12.9%\t-0.11\t-46.3%\t33.3%\t18
(열: 종목 / 전략 / 시작 / 종료 / 수익률 / 샤프 / MDD / 승률 / 거래수)
""", sym="051910", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=-12.9, S=-0.11, M=-46.3, W=33.3, N=18, meta={"source": "excel"})  # 19
    u.rep("ko", "[백테스트 결과] KODEX 200 단순 보유 (2015.01.02~2023.12.28)\n누적수익률 +38.2%   최대손실폭 -33.9%",
          sym="069500", kind=BH, y=(2015, 2023), R=38.2, M=-33.9, meta={"source": "HTS"})  # 20
    u.rep("ko", """
종목=KODEX200(069500)
전략=RSI(14) 30/70 역추세
기간=2015-01-02~2023-12-28
수익률=26.3%
샤프=0.51
MDD=-16.8%
승률=71.4%
거래=14
""", sym="069500", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2015, 2023),
          R=26.3, S=0.51, M=-16.8, W=71.4, N=14, meta={"source": "excel"})  # 21
    u.rep("en", """
Alphabet (GOOGL) Bollinger Breakout 20/2.0 — QC report
Start 2019-01-02 End 2023-12-29
Net Profit 44.6%  Sharpe 0.64  Drawdown 30.1%  Win Rate 44%  Trades 25
""", sym="GOOGL", kind=BBO, p=dict(period=20, k=2.0), y=(2019, 2023),
          R=44.6, S=0.64, M=-30.1, W=44, N=25, meta={"source": "quantconnect"})  # 22
    u.rep("en", """
Netflix (NFLX) — RSI-14 30/70 reversal — Daily — 2019-01-02 to 2023-12-29
Net profit -16.5% | Max drawdown 48.2% | 52.9% profitable (9/17) | Sharpe -0.14
""", sym="NFLX", kind=RSI, p=dict(period=14, lower=30, upper=70), y=(2019, 2023),
          R=-16.5, S=-0.14, M=-48.2, W=52.9, N=17, meta={"source": "tradingview"})  # 23
    u.rep("en", """
# 035420.KS NAVER Corp, daily
Start                     2019-01-02
End                       2023-12-28
Return [%]                -7.4
Sharpe Ratio              -0.06
Max. Drawdown [%]         -45.0
# Trades                  15
Win Rate [%]              33.3
_strategy                 SmaCross(n1=20,n2=60)
""", sym="035420", kind=SMA, p=dict(fast=20, slow=60), y=(2019, 2023),
          R=-7.4, S=-0.06, M=-45.0, W=33.3, N=15, meta={"source": "backtesting.py"})  # 24
    u.rep("ko", "종목: 현대차 | 전략: SMA 20/60 골든·데드크로스 | 2019-01-02 ~ 2023-12-28\n수익률 56.3% | 샤프 0.79 | MDD -28.4% | 승률 46.2% | 13회",
          sym="005380", kind=SMA, p=dict(fast=20, slow=60), y=(2019, 2023),
          R=56.3, S=0.79, M=-28.4, W=46.2, N=13, meta={"source": "excel"})  # 25
    u.rep("ko", """
[백테스트 결과]
종목: 삼성바이오로직스
전략: MACD 시그널선 상향 돌파 매수 / 하향 돌파 매도 (12, 26, 9)
기간: 2021.01.04 ~ 2024.06.28
누적수익률: -3.7%
최대손실폭: -29.5%
승률: 40.0%
매매횟수: 25회
""", sym="207940", kind=MACD, p=M9, y=(2021, 2024),
          R=-3.7, M=-29.5, W=40.0, N=25, meta={"source": "HTS", "symbol": "207940"})  # 26
    u.rep("en", """
Celltrion (068270.KS) RSI(14) 25/75 — backtest
2020-01-02 to 2024-06-28
Net Profit 14.1%, Sharpe 0.36, Max Drawdown 24.0%, Win Rate 66.7%, Trades 9
""", sym="068270", kind=RSI, p=dict(period=14, lower=25, upper=75), y=(2020, 2024),
          R=14.1, S=0.36, M=-24.0, W=66.7, N=9, meta={"source": "quantconnect"})  # 27
    # notes
    u.note("ko", "셀트리온 RSI 30/70 — 승률 61.1%인데 MDD -28.3%라 사이즈 줄여야 할 듯",
           sym="068270", kind=RSI, p=dict(lower=30, upper=70), W=61.1, M=-28.3)  # 28
    u.strat("ko", "셀트 밴드 하단 매수 / 중심선 매도 전략\n20일, 2σ. 손절 -10%. 거래세 0.18% 반영",
            sym="068270", kind=BBR, p=dict(period=20, k=2.0))  # 29
    u.note("ko", "셀트리온 이평 20/60 해보니 데드크로스 때마다 손절만... 결과 -18.6%",
           sym="068270", kind=SMA, p=dict(fast=20, slow=60), R=-18.6)  # 30
    u.note("ko", "삼바 EMA 12/26 샤프 0.39. 변동성 대비 수익이 너무 약함", sym="207940", kind=EMA, p=dict(fast=12, slow=26), S=0.39)  # 31
    u.note("ko", "KB금융 같은 은행주는 밴드 하단 역추세가 잘 맞는 듯. 승률 70.6%", sym="105560", kind=BBR, W=70.6)  # 32
    u.note("ko", "기아 골크 20/60 이거 진짜 잘 됨 (+112.5%, 샤프 1.16)",
           sym="000270", kind=SMA, p=dict(fast=20, slow=60), R=112.5, S=1.16)  # 33
    u.note("ko", "기아 MACD 기간 바꿔서 두 번 돌림 (2019-2023 / 2020-2024). 결과 비슷해서 파라미터는 그대로 12/26/9",
           sym="000270", kind=MACD)  # 34
    u.note("ko", "LG화학 RSI랑 볼밴 돌파 둘 다 돌려봄 → 화학은 당분간 유니버스에서 제외", sym="051910", kind=[RSI, BBO])  # 35
    u.strat("ko", "KODEX 200 장기 추세 추종: 60일선이 120일선 위면 보유, 아래면 전량 현금. 월 1회만 체크",
            sym="069500", kind=SMA, p=dict(fast=60, slow=120))  # 36
    u.note("ko", "GOOGL MACD 샤프 0.79. 구글은 그냥 보유가 나을지도", sym="GOOGL", kind=MACD, S=0.79)  # 37
    u.note("ko", "넷플 EMA 12/26 MDD -54.6%... 이건 실전에서 못 씀", sym="NFLX", kind=EMA, p=dict(fast=12, slow=26), M=-54.6)  # 38
    u.note("ko", "넷플릭스 RSI 역추세 손실 -16.5%, 과매도에서 사도 더 빠짐", sym="NFLX", kind=RSI, R=-16.5)  # 39
    u.note("ko", "코스피200 ETF는 RSI 30 매수가 제일 안정적이었음. 승률 71.4%", sym="069500", kind=RSI, W=71.4)  # 40
    u.note("ko", "엑셀 매크로 수정: 2025년부터 거래세 0.15% 적용하도록")  # 41
    u.note("ko", "현대차랑 기아 20/60 비교하면 기아가 압도적", sym=["005380", "000270"], kind=SMA, p=dict(fast=20, slow=60))  # 42
    u.note("ko", "구글 볼밴 상단 돌파 진입은 2020년 랠리 구간에서만 먹힘", sym="GOOGL", kind=BBO)  # 43
    # titles
    u.title("ko", "셀트리온 RSI 30/70 v2", sym="068270", kind=RSI)  # 44
    u.title("ko", "셀트 BB 역추세", coll="user_strategies", sym="068270", kind=BBR)  # 45
    u.title("ko", "삼바 MACD (최종)", sym="207940", kind=MACD)  # 46
    u.title("ko", "KB금융 RSI 14", sym="105560", kind=RSI)  # 47
    u.title("ko", "기아 20/60 골크", sym="000270", kind=SMA, p=dict(fast=20, slow=60))  # 48
    u.title("ko", "기아 볼밴 돌파", coll="user_strategies", sym="000270", kind=BBO)  # 49
    u.title("ko", "LG화학 RSI 30/70", sym="051910", kind=RSI)  # 50
    u.title("ko", "KODEX200 60/120", coll="user_strategies", sym="069500", kind=SMA, p=dict(fast=60, slow=120))  # 51
    u.title("en", "GOOGL MACD 2019-2023", sym="GOOGL", kind=MACD)  # 52
    u.title("en", "NFLX EMA 12/26", sym="NFLX", kind=EMA, p=dict(fast=12, slow=26))  # 53
    u.title("ko", "현대차 이평 20/60", sym="005380", kind=SMA, p=dict(fast=20, slow=60))  # 54
    u.title("ko", "KB 5/20 단타", coll="user_strategies", sym="105560", kind=SMA, p=dict(fast=5, slow=20))  # 55

    u.q("plain", "ko", "셀트리온 RSI 백테스트", syms="068270", kinds=RSI)
    u.q("plain", "ko", "기아 볼린저 돌파 결과", syms="000270", kinds=BBO)
    u.q("plain", "en", "GOOGL MACD backtest", syms="GOOGL", kinds=MACD)
    u.q("cross_lingual", "ko", "네이버 이동평균 백테스트", syms="035420", kinds=MA)
    u.q("cross_lingual", "en", "Celltrion Bollinger band strategy", syms="068270", kinds=BB)
    u.q("cross_lingual", "en", "Samsung Biologics MACD", syms="207940", kinds=MACD)
    u.q("behaviour", "ko", "KB금융 주가가 밴드 하단 찍으면 사고 중간선에서 파는 전략", syms="105560", kinds=BBR)
    u.q("behaviour", "en", "KODEX 200: hold only while the 60-day average is above the 120-day one", syms="069500", kinds=MA)
    u.q("behaviour", "en", "Netflix: buy when oversold, sell when overbought", syms="NFLX", kinds=RSI)
    u.q("abbreviation", "ko", "삼바 EMA", syms="207940", kinds=EMA)
    u.q("abbreviation", "ko", "셀트 이평 데크", syms="068270", kinds=MA)
    u.q("abbreviation", "ko", "KB 단타 골크", syms="105560", kinds=MA)
    u.q("kpi_condition", "ko", "승률 70% 넘는 전략", pred=win_gt(70))
    u.q("kpi_condition", "ko", "샤프 1 이상인 기아 백테스트", syms="000270", pred=sharpe_ge(1.0))
    u.q("kpi_condition", "en", "NFLX backtests with drawdown over 50%", syms="NFLX", pred=mdd_worse(50))
    u.q("kpi_condition", "ko", "셀트리온 손실 난 전략", syms="068270", pred=ret_lt(0))
    u.q("typo", "en", "kia macd reslts", syms="000270", kinds=MACD)
    u.q("typo", "ko", "LG화확 RSI", syms="051910", kinds=RSI)
    u.q("typo", "ko", "코덱스200 RSI 역 추세", syms="069500", kinds=RSI)
    u.q("no_answer", "ko", "삼성전자 백테스트", syms="005930")
    u.q("no_answer", "en", "TSLA breakout", syms="TSLA")
    u.q("no_answer", "ko", "KB금융 MACD", syms="105560", kinds=MACD)
    return u


def build(User, part):
    return [ho_u1(User, part), ho_u2(User, part), ho_u3(User, part), ho_u4(User, part)]
