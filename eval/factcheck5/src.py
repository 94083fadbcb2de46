# eval/factcheck5/src.py -- held-out set fc_q, typed by hand. See README.md.
#
# ITEMS: (id, lang, facts, text, errors)
#   errors: (number, kpi, true, kind[, claimed_sign])
#     claimed_sign = -1 when the text states the labelled magnitude as negative through a word
#     ("trailed by 99.65", "뒤처졌다"); make.py uses it only to prove the label wrong.
# BOUNDARY: correct numbers that sit exactly half a unit from the fact (rule 4).
# HEDGED:   correct numbers that only pass through the 5 % rule after 약/about/~/대략/approximately (rule 5).
#   both: (id, number as written, kpi[, claimed_sign]); make.py checks that they really are correct.

ITEMS = [
(
"fc_q_001", "ko",
{"symbol": "005930", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
 "start": "2018-01-02", "end": "2022-12-29", "initial_cash": 100000000, "final_equity": 123640000.0,
 "total_return": 0.2364, "cagr": 0.0435, "sharpe": 0.38, "sortino": 0.52, "max_drawdown": -0.2183,
 "volatility": 0.246, "win_rate": 0.4211, "trades": 19, "profit_factor": 1.41, "exposure": 0.58,
 "buy_hold_return": 0.0815},
"[음성 메모 → 텍스트] 어… 삼성전자, 005930. 20일선이 60일선 뚫고 올라가면 사는 골든크로스 그거. "
"18년 1월 2일부터 22년 12월 29일까지니까 거의 5년 돌렸고. 1억 넣어서 1억 2,364만 원 됐어, 23.64%. "
"연 4.4%. 그냥 들고 있었으면 8.15%였으니까 한 15%p 정도 나은 거지. 샤프 0.38, 소르티노 0.52… "
"최대 낙폭이 12.83%. 변동성 24.6%. 거래는 열아홉 번, 승률 42.1%, PF 1.41, 시장에 들어가 있던 "
"시간이 58%. 일단 여기까지.",
[("12.83%", "max_drawdown", -0.2183, "swap")],
),
(
"fc_q_002", "en",
{"symbol": "QQQ", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 30, "upper": 70},
 "start": "2015-01-02", "end": "2024-12-31", "initial_cash": 10000, "final_equity": 18712.0,
 "total_return": 0.8712, "cagr": 0.0647, "sharpe": 0.55, "sortino": 0.71, "max_drawdown": -0.224,
 "volatility": 0.142, "win_rate": 0.7297, "trades": 37, "profit_factor": 1.62, "exposure": 0.31,
 "buy_hold_return": 4.615},
"Posted in r/algotrading - \"My RSI mean-reversion bot got smoked by just holding QQQ\"\n"
"So I backtested RSI(14), buy under 30, sell over 70, on QQQ from Jan '15 through the last trading "
"day of 2024. Started with $10k, ended with $18,712. That's +87.12% total, 6.47% a year. Sounds fine "
"until you see buy-and-hold did 461.5%. I lagged by 374.38 percentage points lol. Win rate was 72.97% "
"on thirty-seven trades and PF 1.62, which is why it *felt* good. Max DD only 22.4%, vol 14.2%, "
"Sharpe 0.55 / Sortino 0.71. So roughly a 3.87x on my money over ten years while the index ran away. "
"Exposure was 31%, I sat in cash most of the decade. Lesson learned.",
[("3.87x", "equity_multiple", 1.8712, "multiple")],
),
(
"fc_q_003", "ko",
{"symbol": "000660", "strategy": "buy_and_hold", "start": "2020-01-02", "end": "2023-12-28",
 "initial_cash": 300000000, "final_equity": 446220000.0, "total_return": 0.4874, "cagr": 0.1047,
 "sharpe": 0.52, "max_drawdown": -0.4516, "volatility": 0.387, "buy_hold_return": 0.4874},
"김○○ 고객님께,\n안녕하십니까, 담당 PB 이○○입니다. 요청하신 SK하이닉스(000660) 단순 보유 시뮬레이션 "
"결과를 말씀드립니다. 2020년 1월 2일에 3억 원을 매수하셨다고 가정하면 2023년 12월 28일 평가액은 약 "
"4억 4,600만 원으로, 누적 수익률은 48.74%, 연평균으로는 10.47%입니다. 다만 중간에 최대 45.16%까지 "
"평가액이 줄어든 구간이 있었고, 연 변동성도 38.7%로 높은 편이었습니다. 샤프 지수는 0.52 수준입니다. "
"4년 가까이 보유하시는 동안의 등락을 감내하실 수 있을지 함께 검토해 보시면 좋겠습니다. 감사합니다.",
[],
),
(
"fc_q_004", "en",
{"symbol": "SPY", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2019-01-02", "end": "2021-06-30", "initial_cash": 5000000, "final_equity": 6562500.0,
 "total_return": 0.3125, "cagr": 0.1153, "sharpe": 0.91, "sortino": 1.24, "max_drawdown": -0.141,
 "volatility": 0.128, "win_rate": 0.4783, "trades": 23, "profit_factor": 1.55, "exposure": 0.62,
 "buy_hold_return": 0.684},
"From our Q2 2021 letter to partners: The MACD overlay (12/26/9) that we ran on the SPY sleeve since "
"January 2, 2019 finished June at $6.56 million on a $5 million allocation, a cumulative gain of "
"31.25%, or 11.53% annualized. We will not dress this up: simply holding the index returned 68.4% over "
"the same window, so the overlay trailed by 99.65 percentage points. What it did deliver was a "
"shallower path, a 14.1% maximum drawdown on 12.8% volatility, and a Sharpe ratio of 0.91 (Sortino "
"1.24). It traded twenty-three times, won 47.8% of those trades and was invested 62% of the time, "
"with a profit factor of 1.55.",
[("99.65", "excess_return", -0.3715, "excess", -1)],
),
(
"fc_q_005", "ko",
{"symbol": "035720", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2021-01-04", "end": "2022-12-29", "initial_cash": 50000000, "final_equity": 43810000.0,
 "total_return": -0.1238, "cagr": -0.0645, "sharpe": -0.21, "max_drawdown": -0.2894,
 "win_rate": 0.5769, "trades": 26, "profit_factor": 0.88, "exposure": 0.44, "buy_hold_return": -0.5631},
"📢 [퀀트 채널] 카카오(035720) 볼린저 역추세 백테스트 🔍\n"
"🗓 21.01.04 ~ 22.12.29\n"
"⚙️ 20일 / 2σ 밴드 하단 매수\n"
"💰 5,000만 → 4,381만 원 (-12.38%) 😢\n"
"📉 주가는 같은 기간 56.31% 빠짐 → 전략이 43.93%p 덜 잃음 🛡\n"
"📊 MDD 28.94% | 승률 57.7% (26회) | PF 0.88 | 샤프 -0.21\n"
"⏱ 시장 노출 44%\n"
"#카카오 #볼린저밴드 #백테스트",
[],
),
(
"fc_q_006", "en",
{"symbol": "NVDA", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
 "start": "2016-01-04", "end": "2020-12-31", "initial_cash": 100000, "final_equity": 621400.0,
 "total_return": 5.214, "cagr": 0.442, "sharpe": 1.12, "sortino": 1.63, "max_drawdown": -0.387,
 "volatility": 0.412, "win_rate": 0.5556, "trades": 9, "profit_factor": 3.85, "exposure": 0.71,
 "buy_hold_return": 16.412},
"backtest:\n"
"  ticker: NVDA\n"
"  rule: sma 50 / 200 golden cross\n"
"  window: 2016-01-04 .. 2020-12-31\n"
"  capital: 100,000 USD\n"
"  ending_equity: 621,400 USD\n"
"  total_return: +521.4%\n"
"  cagr: 45%\n"
"  sharpe: 1.12\n"
"  sortino: 1.63\n"
"  max_dd: -38.7%\n"
"  vol_ann: 41.2%\n"
"  trades: 9\n"
"  win_rate: 55.6%\n"
"  profit_factor: 3.85\n"
"  time_in_market: 71%\n"
"  vs_buy_hold: -1,119.8 pp   # B&H +1,641.2%",
[("45%", "cagr", 0.442, "rounding")],
),
(
"fc_q_007", "ko",
{"symbol": "051910", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 25, "upper": 75},
 "start": "2017-01-02", "end": "2021-12-30", "initial_cash": 20000000, "final_equity": 33620000.0,
 "total_return": 0.681, "cagr": 0.1097, "sharpe": 0.63, "sortino": 0.88, "max_drawdown": -0.3125,
 "volatility": 0.298, "win_rate": 0.6452, "trades": 31, "profit_factor": 1.74, "exposure": 0.27,
 "buy_hold_return": 0.9904},
"### LG화학(051910) RSI 역추세 결과\n"
"- **설정**: RSI 14일, 25 이하 매수 / 80 이상 매도\n"
"- **기간**: 2017년 1월 2일 ~ 2021년 12월 30일 (5년)\n"
"- **원금 → 평가액**: 2,000만 원 → 3,362만 원\n"
"- **누적 / 연환산**: +68.1% / 10.97%\n"
"- **단순 보유 대비**: -30.94%p (보유 시 99.04%)\n"
"- **MDD**: 31.25%\n"
"- **승률**: 64.5% (서른한 번 매매)\n"
"- **PF / 노출도**: 1.74 / 27%",
[("80", "params.upper", 75, "param")],
),
(
"fc_q_008", "ko",
{"symbol": "207940", "strategy": "buy_and_hold", "start": "2019-01-02", "end": "2023-12-28",
 "initial_cash": 1000000000, "final_equity": 2014600000.0, "total_return": 1.0146, "cagr": 0.1508,
 "sharpe": 0.71, "max_drawdown": -0.3348, "volatility": 0.351, "buy_hold_return": 1.0146},
"삼성바이오로직스(207940)를 2019년 첫 거래일에 10억 원어치 사서 2023년 말까지 그대로 들고 있었다면 "
"평가액은 201억 4,600만 원으로 불어난 것으로 나타났다. 누적 수익률은 101.46%로 원금의 2배를 넘겼고, "
"연평균 수익률(CAGR)은 15.08%로 집계됐다. 다만 보유 기간 중 고점 대비 33.48% 하락한 구간이 있었으며 "
"연간 변동성은 35.1%에 달한 것으로 분석됐다. 위험 대비 성과를 나타내는 샤프지수는 0.71이었다.",
[("201억 4,600만", "final_equity", 2014600000.0, "scale10")],
),
(
"fc_q_009", "en",
{"symbol": "AAPL", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2018-01-02", "end": "2022-12-30", "initial_cash": 250000, "final_equity": 487000.0,
 "total_return": 0.948, "cagr": 0.1429, "sharpe": 0.77, "sortino": 1.05, "max_drawdown": -0.263,
 "volatility": 0.241, "win_rate": 0.4048, "trades": 42, "profit_factor": 1.48, "exposure": 0.53,
 "buy_hold_return": 2.187},
"Compliance review, marketing draft \"AAPL Breakout Sleeve\": Figures tie out to the backtest file. "
"Bollinger breakout, 20-day, 2 standard deviations, 01/02/2018 to 12/30/2022; $250,000 grew to "
"$487,000 (+94.8%, 14.29% CAGR). Sharpe 0.77 and Sortino 1.05 are disclosed as required. Approved "
"subject to edits: (a) the draft must state that buy-and-hold returned 218.7% in the same period, "
"i.e. the strategy underperformed by 123.9 points; (b) the 26.3% maximum drawdown must appear on the "
"same page as the return; (c) with only 42 trades and a 40.5% win rate the sample is small, and the "
"page should say the results are hypothetical. Profit factor (1.48) and exposure (53%) may stay in "
"the footnote.",
[],
),
(
"fc_q_010", "ko",
{"symbol": "105560", "strategy": "ema_cross", "params": {"fast": 10, "slow": 30},
 "start": "2020-01-02", "end": "2024-12-30", "initial_cash": 30000000, "final_equity": 41760000.0,
 "total_return": 0.392, "cagr": 0.0685, "sharpe": 0.44, "max_drawdown": -0.241, "win_rate": 0.4643,
 "trades": 28, "profit_factor": 1.31, "buy_hold_return": 0.287},
"KB금융 105560 | EMA 10/30 | 20.01.02–24.12.30 | 3천만→4,176만 원 | 누적 +39.2% | 연 6.85% | "
"B&H +28.7% | 초과 +67.9%p | MDD -24.1% | 샤프 0.44 | 28회·승률 46.4% | PF 1.31",
[("+67.9%p", "excess_return", 0.105, "excess")],
),
(
"fc_q_011", "en",
{"symbol": "TSLA", "strategy": "ema_cross", "params": {"fast": 8, "slow": 21},
 "start": "2020-01-02", "end": "2020-12-31", "initial_cash": 200000, "final_equity": 695000.0,
 "total_return": 2.475, "cagr": 2.4899, "sharpe": 1.85, "sortino": 2.6, "max_drawdown": -0.341,
 "volatility": 0.682, "win_rate": 0.4118, "trades": 17, "profit_factor": 2.9, "exposure": 0.66,
 "buy_hold_return": 7.433},
"Voice memo, transcribed: okay, TSLA, the eight-over-twenty-one EMA thing, calendar 2020. Two "
"hundred K in, six ninety-five out, so up 247.5 percent, which is... basically the annualized number "
"too, 249 percent, since it's one year. Um, Sharpe was 2.60, Sortino 1.85. Max drawdown thirty-four "
"point one. Vol sixty-eight percent, it's Tesla. Seventeen trades, won 41.2 percent of them, profit "
"factor 2.9, in the market 66 percent of the time. The bad news: holding the stock did 743.3 "
"percent, so we're about 496 points behind. Note to self, don't show this to the desk.",
[("2.60", "sharpe", 1.85, "attribution"), ("1.85", "sortino", 2.6, "attribution")],
),
(
"fc_q_012", "ko",
{"symbol": "086520", "strategy": "buy_and_hold", "start": "2023-01-02", "end": "2023-12-28",
 "initial_cash": 10000000, "final_equity": 83510000.0, "total_return": 7.351, "cagr": 7.6135,
 "sharpe": 2.41, "max_drawdown": -0.528, "volatility": 0.935, "buy_hold_return": 7.351},
"[주식 갤러리] 에코프로 그냥 들고만 있었으면 어땠을지 백테스트 돌려봄 ㅋㅋ\n"
"23년 1월 2일에 천만 원 박고 12월 28일까지 존버했다 치면 8,351만 원 됨. 수익률 735.1%, 7.35배 ㅇㅇ\n"
"근데 중간에 고점 대비 52.8% 꼬라박은 구간 있었고 연 변동성 93.5%임 ㅋㅋ 샤프 2.41이긴 한데 멘탈이 못 버팀\n"
"결론: 존버는 아무나 하는 게 아님",
[("7.35배", "equity_multiple", 8.351, "multiple")],
),
(
"fc_q_013", "en",
{"symbol": "MSFT", "strategy": "sma_cross", "params": {"fast": 20, "slow": 100},
 "start": "2014-01-02", "end": "2023-12-29", "initial_cash": 2000000, "final_equity": 8364000.0,
 "total_return": 3.182, "cagr": 0.154, "sharpe": 0.96, "sortino": 1.31, "max_drawdown": -0.227,
 "volatility": 0.195, "win_rate": 0.5, "trades": 24, "profit_factor": 2.75, "exposure": 0.68,
 "buy_hold_return": 9.045},
"Dear Mr. Whitfield,\n"
"Thank you for your patience. As discussed, we ran the 20-day/100-day moving-average crossover on "
"Microsoft over the ten years from 2 January 2014 to 29 December 2023. On a $2,000,000 allocation the "
"rule would have ended at about $8.3 million, a total return of 318.2%, or 15.4% per year. I should be "
"candid that simply holding the shares returned 904.5%, so the rule fell short by 586.3 percentage "
"points. Its merit was a maximum drawdown of 22.7% with annualized volatility of 19.5%, a Sharpe "
"ratio of 0.96 and a Sortino ratio of 1.31. It won 50% of its 24 trades, with a profit factor of 2.75, "
"and was invested 68% of the time. I would be glad to walk you through the details.\n"
"Kind regards,\nEleanor Park, Private Banking",
[],
),
(
"fc_q_014", "ko",
{"symbol": "069500", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2021-01-04", "end": "2023-09-27", "initial_cash": 1000000000000, "final_equity": 958800000000.0,
 "total_return": -0.0412, "cagr": -0.0153, "sharpe": -0.05, "sortino": -0.07, "max_drawdown": -0.1855,
 "volatility": 0.142, "win_rate": 0.4, "trades": 35, "profit_factor": 0.96, "exposure": 0.48,
 "buy_hold_return": -0.1286},
"2023년 3분기 주주서한 중에서 — 당사는 2021년 1월 4일부터 지수 ETF(069500)에 MACD(12, 26, 9) 신호 "
"전략을 적용해 왔습니다. 9월 27일 기준 1조 원의 운용자산은 9,588억 원으로 4.12%의 수익을 "
"기록했고, 연환산 수익률은 -1.53%입니다. 같은 기간 지수를 그대로 보유했다면 12.86% 손실이었으므로, "
"손실 폭을 8.74%p 줄였다는 점은 의미가 있다고 봅니다. 최대 낙폭은 18.55%, 변동성은 14.2%였고 샤프지수 "
"-0.05, 소르티노 -0.07로 위험 조정 성과는 아직 부족합니다. 35회 매매의 승률은 40%, 손익비(PF)는 "
"0.96, 투자 비중은 평균 48%였습니다.",
[("4.12%", "total_return", -0.0412, "sign", 1)],
),
(
"fc_q_015", "en",
{"symbol": "GLD", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2.5},
 "start": "2019-07-01", "end": "2024-06-28", "initial_cash": 50000, "final_equity": 71590.0,
 "total_return": 0.4318, "cagr": 0.0745, "sharpe": 0.58, "max_drawdown": -0.179, "win_rate": 0.4737,
 "trades": 19, "profit_factor": 1.67, "exposure": 0.39, "buy_hold_return": 0.652},
"🟡 GOLD SIGNAL LAB 🟡\n"
"Backtest: GLD Bollinger breakout (20, 2.0σ) 🧪\n"
"📅 H2 2019 → H1 2024\n"
"💵 $50k ➜ $71.59k (+43.18%) ✅\n"
"📈 CAGR 7.45% | Sharpe 0.58\n"
"📉 Max DD -17.9%\n"
"🎯 19 trades, 47.4% hit rate, PF 1.67\n"
"⏳ In market 39% of days\n"
"⚠️ Plain GLD did +65.2%, so we're -22.02pp vs holding. Not financial advice 🙏",
[("2.0σ", "params.k", 2.5, "param")],
),
(
"fc_q_016", "ko",
{"symbol": "035420", "strategy": "ema_cross", "params": {"fast": 5, "slow": 20},
 "start": "2019-01-02", "end": "2021-12-30", "initial_cash": 10000000, "final_equity": 22460000.0,
 "total_return": 1.246, "cagr": 0.3105, "sharpe": 1.05, "sortino": 1.52, "max_drawdown": -0.2215,
 "volatility": 0.312, "win_rate": 0.413, "trades": 46, "profit_factor": 1.88, "exposure": 0.55,
 "buy_hold_return": 1.713},
"{\"종목\": \"NAVER 035420\", \"전략\": \"EMA 5/20\", \"기간\": \"2019-01-02 ~ 2021-12-30\", "
"\"원금\": \"10,000,000원\", \"최종자산\": \"22,460,000원\", \"누적수익률\": \"124.6%\", "
"\"CAGR\": \"31.05%\", \"샤프\": 1.05, \"소르티노\": 1.52, \"MDD\": \"-22.15%\", \"변동성\": \"31.2%\", "
"\"승률\": \"41.3%\", \"거래수\": 46, \"PF\": 1.88, \"노출\": \"55%\", \"보유대비\": \"-46.7%p\"}",
[],
),
(
"fc_q_017", "en",
{"symbol": "000270", "strategy": "sma_cross", "params": {"fast": 5, "slow": 60},
 "start": "2020-03-02", "end": "2024-02-29", "initial_cash": 100000000, "final_equity": 310300000.0,
 "total_return": 2.103, "cagr": 0.3277, "sharpe": 1.21, "sortino": 1.74, "max_drawdown": -0.268,
 "volatility": 0.335, "win_rate": 0.4762, "trades": 21, "profit_factor": 2.48, "exposure": 0.61,
 "buy_hold_return": 3.479},
"**Kia Corp. (000270) — 5/60-day SMA crossover**\n"
"- **Period:** Mar 2, 2020 – Feb 29, 2024 (four years)\n"
"- **Capital:** KRW 100 million → KRW 3.103 billion\n"
"- **Return:** +210.3% total, 32.77% CAGR\n"
"- **Risk:** max drawdown 26.8%, volatility 33.5%, Sharpe 1.21, Sortino 1.74\n"
"- **Trading:** fifteen round trips, 47.6% winners, profit factor 2.48, 61% exposure\n"
"- **Versus holding:** buy-and-hold made 347.9%, so the crossover lagged by 137.6 percentage points",
[("3.103 billion", "final_equity", 310300000.0, "scale10"), ("fifteen", "trades", 21, "trades")],
),
(
"fc_q_018", "en",
{"symbol": "005380", "strategy": "buy_and_hold", "start": "2022-01-03", "end": "2022-12-29",
 "initial_cash": 1000000000000, "final_equity": 772900000000.0, "total_return": -0.2271,
 "cagr": -0.23, "sharpe": -0.88, "max_drawdown": -0.314, "volatility": 0.264,
 "buy_hold_return": -0.2271},
"SEOUL (Backtest Wire) - A hypothetical KRW 1 trillion stake in Hyundai Motor (005380) bought on the "
"first trading day of FY2021 and held to December 29 would have shrunk to KRW 772.9 billion, a 22.71% "
"loss, according to the simulation. The position's worst peak-to-trough slide reached 31.4%, "
"annualized volatility was 26.4% and the Sharpe ratio came in at -0.88. The annualized loss was "
"23.0%, slightly deeper than the raw figure because the window fell just short of a full calendar "
"year.",
[("FY2021", "start", "2022-01-03", "date")],
),
(
"fc_q_019", "ko",
{"symbol": "068270", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2018-01-02", "end": "2020-12-30", "initial_cash": 100000000, "final_equity": 133800000.0,
 "total_return": 0.338, "cagr": 0.1022, "sharpe": 0.47, "sortino": 0.61, "max_drawdown": -0.365,
 "volatility": 0.422, "win_rate": 0.6364, "trades": 33, "profit_factor": 1.36, "exposure": 0.35,
 "buy_hold_return": 0.521},
"[준법감시 검토의견] 셀트리온(068270) 볼린저밴드 역추세 전략(20일, ±2표준편차) 광고안. 수록 수치 "
"대조 결과: 2018.01.02~2020.12.30 기간 1억 원 → 1억 3,380만 원(누적 33.8%, 연 10.22%) 일치. 최대 "
"낙폭은 35.0%로 표기되어 있으며 원자료와 일치함. 변동성 42.2%, 샤프 0.47, 소르티노 0.61, 승률 "
"63.6%(33회), PF 1.36, 시장 노출 35%. 단순 보유 수익률 52.1% 대비 18.3%p 하회한 사실을 본문에 "
"명시하는 조건으로 승인.",
[("35.0%", "max_drawdown", -0.365, "attribution")],
),
(
"fc_q_020", "en",
{"symbol": "IWM", "strategy": "rsi_reversion", "params": {"period": 2, "lower": 10, "upper": 90},
 "start": "2010-01-04", "end": "2019-12-31", "initial_cash": 1000000, "final_equity": 1624000.0,
 "total_return": 0.624, "cagr": 0.0497, "sharpe": 0.42, "max_drawdown": -0.287, "volatility": 0.151,
 "win_rate": 0.6981, "trades": 212, "profit_factor": 1.22, "exposure": 0.18, "buy_hold_return": 1.508},
"IWM | RSI(2) 10/90 | 01/04/2010-12/31/2019 | $1.0M -> $1.624M | +62.4% | CAGR 4.97% | MDD 28.7% | "
"vol 15.1% | Sharpe 0.42 | 221 trades, 69.8% win | PF 1.22 | exp 18% | B&H +150.8% | gap -88.4pp",
[("221", "trades", 212, "swap")],
),
(
"fc_q_021", "ko",
{"symbol": "000660", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 30, "upper": 70},
 "start": "2016-01-04", "end": "2019-12-30", "initial_cash": 50000000, "final_equity": 121150000.0,
 "total_return": 1.423, "cagr": 0.2486, "sharpe": 0.88, "sortino": 1.21, "max_drawdown": -0.274,
 "volatility": 0.331, "win_rate": 0.6818, "trades": 22, "profit_factor": 2.05, "exposure": 0.36,
 "buy_hold_return": 2.149},
"(녹음 파일 받아적음) 네, 하이닉스 RSI 건 정리합니다. RSI 14일로 보고 30 밑에서 사고 70 위에서 파는 "
"거고요, 16년 초부터 19년 말까지 약 4년. 5천만 원이 1억 2,115만 원, 그러니까 142.3퍼센트 났어요. 2.42배. "
"연으로는 24.86%. 근데 그냥 들고만 있었어도 214.9%라서, 어… 72.6%p 덜 번 거예요. 대신 MDD가 27.4%, "
"변동성 33.1%로 좀 얌전했고. 샤프 0.88, 소르티노 1.21. 스물두 번 매매해서 68.2% 맞췄고 PF 2.05, "
"포지션 들고 있던 기간은 36%. 이상.",
[],
),
(
"fc_q_022", "en",
{"symbol": "AMD", "strategy": "buy_and_hold", "start": "2016-01-04", "end": "2021-12-31",
 "initial_cash": 5000, "final_equity": 259930.0, "total_return": 50.986, "cagr": 0.9339,
 "sharpe": 1.35, "max_drawdown": -0.541, "volatility": 0.587, "buy_hold_return": 50.986},
"[r/stocks] Ran the \"what if I just held AMD\" backtest because I hate myself\n"
"$5,000 on Jan 4 2016, never touched it, marked on Dec 31 2021: $259,930. That's +5,098.6%, about "
"40x your money, and a 93.39% CAGR over six years. Sharpe 1.35. The catch nobody mentions: you sat "
"through a 54.1% drawdown and 58.7% annualized vol. Would I have held? Absolutely not lmao",
[("40x", "equity_multiple", 51.986, "approx")],
),
(
"fc_q_023", "ko",
{"symbol": "055550", "strategy": "sma_cross", "params": {"fast": 20, "slow": 120},
 "start": "2015-01-02", "end": "2024-12-30", "initial_cash": 500000000, "final_equity": 592250000.0,
 "total_return": 0.1845, "cagr": 0.0171, "sharpe": 0.21, "sortino": 0.29, "max_drawdown": -0.332,
 "volatility": 0.225, "win_rate": 0.3889, "trades": 18, "profit_factor": 1.29, "exposure": 0.57,
 "buy_hold_return": 0.0912},
"박○○ 사장님, 늘 감사드립니다. 지난 미팅 때 문의하신 신한지주(055550) 이동평균 전략 점검 결과를 "
"보내 드립니다. 20일선과 120일선 교차 기준으로 2015년 1월 2일부터 2024년 12월 30일까지 10년을 돌려 "
"보면 5억 원이 5억 9,225만 원이 되어 18.45% 수익, 연 환산으로는 대략 1.7%에 그칩니다. 같은 기간 그냥 "
"보유하셨을 경우(9.12%)보다는 9.33%p 나았습니다만, 최대 낙폭이 33.2%에 이르렀고 샤프 0.21, 소르티노 "
"0.29로 효율은 낮았습니다. 매매는 18회였고 승률 38.9%, PF 1.29, 투자 기간 비중 57%였습니다. 변동성은 "
"연 22.5% 수준이었습니다. 편하신 시간에 전화 주시면 자세히 설명드리겠습니다.",
[],
),
(
"fc_q_024", "en",
{"symbol": "XLE", "strategy": "ema_cross", "params": {"fast": 20, "slow": 50},
 "start": "2020-10-01", "end": "2022-09-30", "initial_cash": 20000000, "final_equity": 39260000.0,
 "total_return": 0.963, "cagr": 0.402, "sharpe": 1.02, "sortino": 1.44, "max_drawdown": -0.168,
 "volatility": 0.263, "win_rate": 0.5714, "trades": 14, "profit_factor": 2.62, "exposure": 0.74,
 "buy_hold_return": 1.471},
"Fiscal-year letter, energy sleeve. Since we switched the XLE sleeve to a 20/50 EMA trend filter in "
"October 2019, the $20 million we committed has grown to $39.26 million as of September 30, 2022: a "
"96.3% gain, or 40.2% compounded annually over two years. Holding the ETF outright would have "
"returned 147.1%, so the filter cost us 50.8 points of upside, which was the price of a 16.8% maximum "
"drawdown against 26.3% volatility. Sharpe was 1.02 and Sortino 1.44. The filter made eighteen "
"trades, 57.1% of them profitable, with a profit factor of 2.62; we were invested 74% of the time.",
[("2019", "start", "2020-10-01", "date"), ("eighteen", "trades", 14, "trades")],
),
(
"fc_q_025", "ko",
{"symbol": "247540", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2022-01-03", "end": "2024-12-30", "initial_cash": 20000000, "final_equity": 27300000.0,
 "total_return": 0.365, "cagr": 0.1097, "sharpe": 0.29, "max_drawdown": -0.462, "win_rate": 0.4138,
 "trades": 29, "profit_factor": 1.18, "exposure": 0.45, "buy_hold_return": -0.386},
"🔋 에코프로비엠(247540) MACD 백테스트 결과 공유드립니다 🔋\n"
"⏰ '22년 1월 3일 → '24년 12월 30일\n"
"🛠 MACD 12·26, 시그널 9\n"
"💸 2천만 원 → 2,730만 원 ✨ (+36.5%, 연 10.97%)\n"
"🆚 단순보유 -38.6% 😱 → 75.1%p 우위 💪\n"
"🌊 MDD -46.2% (멘탈 주의)\n"
"🎲 29회 매매 / 승률 41.4% / PF 1.18 / 샤프 0.29\n"
"🕰 보유 비중 45%\n"
"👉 구독 & 알림설정 부탁드려요",
[],
),
(
"fc_q_026", "en",
{"symbol": "006400", "strategy": "rsi_reversion", "params": {"period": 21, "lower": 30, "upper": 70},
 "start": "2018-01-02", "end": "2023-12-28", "initial_cash": 300000000, "final_equity": 535500000.0,
 "total_return": 0.785, "cagr": 0.1017, "sharpe": 0.49, "sortino": 0.66, "max_drawdown": -0.358,
 "volatility": 0.371, "win_rate": 0.7037, "trades": 27, "profit_factor": 1.92, "exposure": 0.29,
 "buy_hold_return": 1.042},
"run_id: sdi-rsi21\n"
"symbol: 006400   # Samsung SDI\n"
"params: {period: 21, buy_below: 30, sell_above: 70}\n"
"from: 2018-01-02\n"
"to: 2023-12-28\n"
"start_cash: KRW 300,000,000\n"
"end_equity: KRW 535.5 million\n"
"return_total: 78.5%\n"
"return_ann: 10.17%\n"
"sharpe: 0.49\n"
"sortino: 0.66\n"
"mdd: -53.8%\n"
"vol: 37.1%\n"
"trades: 27\n"
"hit_rate: 70.4%\n"
"pf: 1.92\n"
"exposure: 29%\n"
"buy_hold: 104.2%\n"
"relative: -25.7pp",
[("-53.8%", "max_drawdown", -0.358, "swap")],
),
(
"fc_q_027", "ko",
{"symbol": "012330", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2019-01-02", "end": "2022-12-29", "initial_cash": 40000000, "final_equity": 36660000.0,
 "total_return": -0.0835, "cagr": -0.0216, "sharpe": -0.12, "sortino": -0.16, "max_drawdown": -0.229,
 "volatility": 0.241, "win_rate": 0.3684, "trades": 38, "profit_factor": 0.91, "exposure": 0.47,
 "buy_hold_return": -0.012},
"#### 현대모비스(012330) — 볼린저 돌파 (20일, 2σ)\n"
"* **구간**: '19.01.02 ~ '22.12.29, 4년\n"
"* **결과**: 4,000만 원 → 3,666만 원, 약 10% 손실 (연 -2.16%)\n"
"* **벤치마크**: 그냥 보유 -1.2% → 전략이 7.15%p 더 잃음\n"
"* **위험**: MDD 22.9%, 변동성 24.1%, 샤프 -0.12, 소르티노 -0.16\n"
"* **매매**: 38회, 승률 36.8%, PF 0.91, 노출 47%\n"
"* **코멘트**: 돌파 신호가 박스권에서 계속 털림",
[("10%", "total_return", -0.0835, "approx", -1)],
),
(
"fc_q_028", "ko",
{"symbol": "005490", "strategy": "buy_and_hold", "start": "2023-01-02", "end": "2023-12-28",
 "initial_cash": 100000000, "final_equity": 175300000.0, "total_return": 0.753, "cagr": 0.7674,
 "sharpe": 1.48, "max_drawdown": -0.305, "volatility": 0.481, "buy_hold_return": 0.753},
"POSCO홀딩스(005490)를 2023년 한 해 동안 보유했을 경우 1억 원이 1억 7,530만 원으로 늘어난 것으로 "
"나타났다. 누적 수익률은 75.3%, 연환산 수익률은 76.74%로 계산됐다. 같은 기간 고점 대비 최대 30.5% "
"밀린 구간이 있었고 연간 변동성은 48.1%에 달했지만, 샤프지수는 -1.48로 위험 대비 수익도 양호했던 "
"것으로 평가됐다.",
[("-1.48", "sharpe", 1.48, "sign")],
),
(
"fc_q_029", "en",
{"symbol": "META", "strategy": "macd_cross", "params": {"fast": 8, "slow": 17, "signal": 9},
 "start": "2021-01-04", "end": "2023-12-29", "initial_cash": 1000000, "final_equity": 1226000.0,
 "total_return": 0.226, "cagr": 0.0707, "sharpe": 0.31, "sortino": 0.42, "max_drawdown": -0.413,
 "volatility": 0.395, "win_rate": 0.4146, "trades": 41, "profit_factor": 1.12, "exposure": 0.52,
 "buy_hold_return": 0.368},
"Reviewer note (Compliance, Product Marketing): I checked the META MACD one-pager against the run "
"log. Parameters 8/17/9, window Jan 4, 2021 to Dec 29, 2023, $1,000,000 starting capital, $1,226,000 "
"ending equity, +22.6% total and 7.07% annualized: all consistent. Please add that the strategy "
"trailed buy-and-hold (+36.8%) by 14.2 points and that it went through a 41.3% drawdown. Sharpe 0.31, "
"Sortino 0.42 and volatility of 39.5% may stay. The trade statistics (41 trades, 41.46% winners, "
"profit factor 1.12, 52% exposure) need the standard small-sample caveat. No further comments.",
[],
),
(
"fc_q_030", "en",
{"symbol": "028260", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
 "start": "2017-01-02", "end": "2020-12-30", "initial_cash": 1000000000, "final_equity": 888000000.0,
 "total_return": -0.112, "cagr": -0.0293, "sharpe": -0.18, "max_drawdown": -0.279, "volatility": 0.248,
 "win_rate": 0.3636, "trades": 44, "profit_factor": 0.87, "exposure": 0.51, "buy_hold_return": -0.056},
"028260 (Samsung C&T) | EMA12/EMA26 | 2017.01.02-2020.12.30 | KRW 1bn -> KRW 888M | -11.2% | "
"CAGR -2.93% | B&H -5.6% | rel -5.6pp | MDD -27.9% | vol 24.8% | Sharpe -0.18 | 44 tr | win 36.4% | "
"PF 0.87 | exp 51%",
[],
),
(
"fc_q_031", "en",
{"symbol": "AMZN", "strategy": "bollinger_reversion", "params": {"period": 10, "k": 1.5},
 "start": "2017-01-03", "end": "2021-12-31", "initial_cash": 300000, "final_equity": 474900.0,
 "total_return": 0.583, "cagr": 0.0964, "sharpe": 0.62, "sortino": 0.85, "max_drawdown": -0.196,
 "volatility": 0.214, "win_rate": 0.6508, "trades": 63, "profit_factor": 1.44, "exposure": 0.33,
 "buy_hold_return": 3.448},
"[Transcript, desk voice note] Right, Amazon mean reversion, ten-day bands at one and a half sigma, "
"from January 3rd 2016 to the end of 2021. Three hundred K became $474,900, that's 58.3 percent, 9.7 "
"a year. Holding would've been 344.8 percent, so we're 286.5 behind, uh, percentage points. Drawdown "
"only 19.6, vol 21.4. Sharpe 0.62, Sortino 0.85. Sixty-three trades, hit rate sixty-five percent, "
"profit factor 1.44, and we're in the market thirty-three percent of the time. Fine for a hedge "
"sleeve, useless as a core holding.",
[("2016", "start", "2017-01-03", "date"), ("9.7", "cagr", 0.0964, "rounding")],
),
(
"fc_q_032", "ko",
{"symbol": "373220", "strategy": "ema_cross", "params": {"fast": 20, "slow": 60},
 "start": "2022-02-03", "end": "2024-12-30", "initial_cash": 30000000, "final_equity": 23550000.0,
 "total_return": -0.215, "cagr": -0.08, "sharpe": -0.31, "max_drawdown": -0.338, "win_rate": 0.3125,
 "trades": 16, "profit_factor": 0.74, "exposure": 0.42, "buy_hold_return": -0.342},
"[국내주식 갤러리] 엔솔 이평 매매 백테스트 결과 (스압 아님)\n"
"상장 직후 22년 2월 3일부터 24년 12월 30일까지 20일/60일 지수이평 골크/데크로 돌려봤다\n"
"3천만 원 넣었으면 2,355만 원 남음. -21.5% ㅠ 연 -8%\n"
"근데 그냥 들고 있던 놈은 34.2% 날려먹었으니 12.7%p 덜 처맞은 셈\n"
"MDD 33.8%, 샤프 -0.31, PF 0.74, 16번 매매에 승률 31.25%, 시장에 있던 기간 42%\n"
"ㄹㅇ 답 없는 종목이었음",
[],
),
(
"fc_q_033", "en",
{"symbol": "KO", "strategy": "buy_and_hold", "start": "2013-01-02", "end": "2022-12-30",
 "initial_cash": 1500000, "final_equity": 2631000.0, "total_return": 0.754, "cagr": 0.0579,
 "sharpe": 0.48, "max_drawdown": -0.372, "volatility": 0.171, "buy_hold_return": 0.754},
"Dear Dr. Alvarez,\n"
"Following up on your question about a plain holding in Coca-Cola (KO): had you invested $1.5 million "
"on January 2, 2013 and simply held through December 30, 2022, the position would have been worth "
"$2,631,000, a gain of 75.4%, or approximately 5.6% a year over the decade. The worst interim decline "
"was 37.2%, and annualized volatility was 17.1%, with a Sharpe ratio of 0.48. I hope this is useful "
"for our review next week.\n"
"With best regards,\nDaniel Cho, Private Client Group",
[],
),
(
"fc_q_034", "ko",
{"symbol": "096770", "strategy": "sma_cross", "params": {"fast": 10, "slow": 40},
 "start": "2020-01-02", "end": "2022-06-30", "initial_cash": 10000000000, "final_equity": 12760000000.0,
 "total_return": 0.276, "cagr": 0.1028, "sharpe": 0.45, "sortino": 0.63, "max_drawdown": -0.245,
 "volatility": 0.392, "win_rate": 0.44, "trades": 25, "profit_factor": 1.37, "exposure": 0.49,
 "buy_hold_return": -0.154},
"[2022년 2분기 운용서한] 존경하는 투자자 여러분께. SK이노베이션(096770)에 적용한 10일·40일 이동평균 "
"전략은 2020년 1월 2일 개시 이후 6월 30일까지 100억 원을 127억 6천만 원으로 불려, 누적 27.6%, 연환산 "
"10.28%의 성과를 냈습니다. 같은 기간 주가는 15.4% 하락했기 때문에 초과 성과는 12.2%p에 달합니다. "
"최대 낙폭 24.5%, 변동성 39.2% 속에서 샤프지수 0.63을 기록했습니다. 52회 매매 중 승률은 44%, "
"이익계수 1.37, 평균 투자비중은 49%였습니다. 하반기에도 원칙을 지키겠습니다.",
[("12.2%p", "excess_return", 0.43, "excess"), ("0.63", "sharpe", 0.45, "attribution"),
 ("52회", "trades", 25, "swap")],
),
(
"fc_q_035", "en",
{"symbol": "NFLX", "strategy": "sma_cross", "params": {"fast": 10, "slow": 30},
 "start": "2018-01-02", "end": "2019-12-31", "initial_cash": 25000, "final_equity": 29800.0,
 "total_return": 0.192, "cagr": 0.0921, "sharpe": 0.39, "max_drawdown": -0.315, "win_rate": 0.3846,
 "trades": 13, "profit_factor": 1.26, "exposure": 0.58, "buy_hold_return": 0.607},
"📺 NFLX crossover check-in 📺\n"
"10/30 SMA, 1/2/2018 → 12/31/2019\n"
"$25,000 → $29,800 (+19.2%) 🙂\n"
"CAGR 9.21% · Sharpe 0.39 · MaxDD 31.5% 😬\n"
"13 trades · 38.5% winners · PF 1.26 · exposure 58%\n"
"Just holding NFLX: +60.7% 🤷 We're 41.5 pts behind.\n"
"🔔 Turn on notifications for the next backtest drop!",
[],
),
(
"fc_q_036", "ko",
{"symbol": "066570", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2020-06-01", "end": "2023-05-31", "initial_cash": 70000000, "final_equity": 102340000.0,
 "total_return": 0.462, "cagr": 0.1352, "sharpe": 0.57, "sortino": 0.8, "max_drawdown": -0.301,
 "volatility": 0.356, "win_rate": 0.4444, "trades": 27, "profit_factor": 1.49, "exposure": 0.51,
 "buy_hold_return": 0.685},
"종목: LG전자 (066570)\n"
"전략: MACD 12/26/9\n"
"시작일: 2020년 6월 1일\n"
"종료일: 2023년 5월 31일\n"
"초기자금: 7,000만 원\n"
"최종자산: 10억 2,340만 원\n"
"누적수익률: 46.2%\n"
"연환산: 13.52%\n"
"샤프: 0.57\n"
"소르티노: 0.80\n"
"최대낙폭: -30.1%\n"
"변동성: 35.6%\n"
"거래횟수: 27\n"
"승률: 44.4%\n"
"PF: 1.49\n"
"투자비중: 51%\n"
"보유대비: -22.3%p   # 보유 시 68.5%",
[("10억 2,340만", "final_equity", 102340000.0, "scale10")],
),
(
"fc_q_037", "en",
{"symbol": "JPM", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 35, "upper": 65},
 "start": "2019-01-02", "end": "2023-12-29", "initial_cash": 500000, "final_equity": 673500.0,
 "total_return": 0.347, "cagr": 0.0615, "sharpe": 0.51, "sortino": 0.72, "max_drawdown": -0.188,
 "volatility": 0.195, "win_rate": 0.6875, "trades": 48, "profit_factor": 1.58, "exposure": 0.24,
 "buy_hold_return": 0.639},
"**JPM | RSI(14) 35/65 mean reversion**\n"
"- **Dates:** 2 Jan 2019 → 29 Dec 2023\n"
"- **Equity:** $500k → $673.5k, net profit **$173.5k**\n"
"- **Return:** 34.7% (6.15%/yr)\n"
"- **Benchmark:** holding JPM returned 63.9%; gap **-29.2 pp**\n"
"- **Risk:** MDD 18.8% · vol 19.5% · Sharpe 0.51 · Sortino 0.72\n"
"- **Trades:** 48 · win rate **68.8%** · PF 1.58 · exposure 24%",
[],
),
(
"fc_q_038", "ko",
{"symbol": "017670", "strategy": "buy_and_hold", "start": "2014-01-02", "end": "2023-12-28",
 "initial_cash": 100000000, "final_equity": 112500000.0, "total_return": 0.125, "cagr": 0.0119,
 "sharpe": 0.12, "max_drawdown": -0.343, "volatility": 0.194, "buy_hold_return": 0.125},
"SK텔레콤(017670) 주식을 2014년 1월 2일에 1억 원어치 매수해 2023년 12월 28일까지 10년간 보유했다면 "
"평가액은 1억 1,250만 원에 그친 것으로 나타났다. 누적 수익률은 12.5%, 연평균 수익률은 1.19%에 "
"불과했다. 보유 기간 중 최대 34.3% 하락 구간을 견뎌야 했고 연 변동성은 19.4%, 샤프지수는 0.12로 "
"집계됐다. 배당을 제외한 가격 기준 수치다.",
[],
),
(
"fc_q_039", "en",
{"symbol": "GOOGL", "strategy": "ema_cross", "params": {"fast": 21, "slow": 55},
 "start": "2015-01-02", "end": "2019-12-31", "initial_cash": 750000, "final_equity": 1413000.0,
 "total_return": 0.884, "cagr": 0.1352, "sharpe": 0.74, "sortino": 1.02, "max_drawdown": -0.172,
 "volatility": 0.205, "win_rate": 0.4333, "trades": 30, "profit_factor": 1.71, "exposure": 0.64,
 "buy_hold_return": 1.446},
"Compliance comment on the GOOGL EMA(21/55) factsheet, period 01/02/2015-12/31/2019. Verified: "
"capital $750,000 to $1,413,000 (+88.4%, CAGR 13.52%); Sharpe 0.74, Sortino 1.02, max drawdown "
"17.2%, volatility 20.5%; 30 trades, 43.3% win rate, profit factor 1.71, exposure 64%; and the "
"statement that the strategy outperformed buy-and-hold (144.6%) by 56.2 points. Approved for "
"institutional use only.",
[("56.2", "excess_return", -0.562, "sign")],
),
(
"fc_q_040", "ko",
{"symbol": "009150", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2021-01-04", "end": "2021-12-30", "initial_cash": 20000000, "final_equity": 16320000.0,
 "total_return": -0.184, "cagr": -0.1864, "sharpe": -0.62, "max_drawdown": -0.257, "win_rate": 0.2727,
 "trades": 11, "profit_factor": 0.58, "exposure": 0.37, "buy_hold_return": -0.123},
"삼성전기(009150) | 볼린저 돌파 20일·2σ | 2021년 한 해 | 2,000만→1,632만 원 | 18.4% 손실 | "
"보유 -12.3% | 6.1%p 열위 | MDD 25.7% | 샤프 -0.62 | 11회, 승률 27.3% | PF 0.58 | 노출 37%",
[],
),
(
"fc_q_041", "ko",
{"symbol": "035720", "strategy": "rsi_reversion", "params": {"period": 9, "lower": 20, "upper": 80},
 "start": "2019-01-02", "end": "2020-12-30", "initial_cash": 10000000, "final_equity": 14480000.0,
 "total_return": 0.448, "cagr": 0.2041, "sharpe": 0.95, "sortino": 1.38, "max_drawdown": -0.154,
 "volatility": 0.287, "win_rate": 0.7083, "trades": 24, "profit_factor": 2.21, "exposure": 0.22,
 "buy_hold_return": 2.029},
"[보이스 메모 전사] 음, 카카오 단기 RSI. RSI 14일짜리로 20 아래서 사고 80 위에서 팔았어. 19년 1월 2일 "
"시작, 20년 12월 30일 끝, 2년. 천만 원이 1,448만 원. 44.8퍼센트, 연 20.41%. 승률이 70.8%로 높고 스물네 번 "
"거래, PF 2.21. MDD 15.4%, 변동성 28.7%, 샤프 0.95에 소르티노 1.38. 근데 카카오 그냥 들고 있었으면 "
"202.9%였거든. 158.1%p 차이. 시장 노출이 22%밖에 안 돼서 상승장을 다 놓침.",
[("14일", "params.period", 9, "param")],
),
(
"fc_q_042", "en",
{"symbol": "TLT", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2020-01-02", "end": "2023-12-29", "initial_cash": 40000, "final_equity": 37520.0,
 "total_return": -0.062, "cagr": -0.0159, "sharpe": -0.08, "sortino": -0.11, "max_drawdown": -0.213,
 "volatility": 0.139, "win_rate": 0.619, "trades": 21, "profit_factor": 0.93, "exposure": 0.41,
 "buy_hold_return": -0.287},
"Posted to r/bonds: Tried Bollinger mean reversion on TLT (20-day, 2 std) since bonds \"can only go "
"up\" lol\n"
"Window: 2020-01-02 to 2023-12-29. $40k in, $37,520 out, so I lost 6.2% (-1.59%/yr). Buy-and-hold TLT "
"lost 28.7% over the same stretch, so technically I beat it by 22.5 points, which is the saddest flex "
"ever. MDD 21.3%, vol 13.9%, Sharpe -0.08, Sortino -0.11. 21 trades, 61.9% winners but PF 0.93 "
"because the losers were huge. In the market 41% of the time. Four years of my life I'm not getting "
"back.",
[],
),
(
"fc_q_043", "ko",
{"symbol": "000810", "strategy": "ema_cross", "params": {"fast": 20, "slow": 60},
 "start": "2016-01-04", "end": "2023-12-28", "initial_cash": 1000000000, "final_equity": 1332000000.0,
 "total_return": 0.332, "cagr": 0.0366, "sharpe": 0.33, "sortino": 0.46, "max_drawdown": -0.264,
 "volatility": 0.228, "win_rate": 0.45, "trades": 20, "profit_factor": 1.52, "exposure": 0.55,
 "buy_hold_return": 0.118},
"최○○ 회장님께 올립니다.\n"
"지난주 말씀하신 삼성화재(000810) 지수이동평균 전략(20일/60일) 점검 결과를 정리해 드립니다. 2016년 "
"1월 4일부터 2023년 12월 28일까지 약 8년간 10억 원을 운용하셨다고 가정하면 최종 평가액은 약 14억 "
"5천만 원, 수익률 33.2%로 연평균 약 3.5% 수준입니다. 같은 기간 단순 보유(11.8%) 대비로는 21.4%p "
"앞섰습니다. 최대 낙폭 26.4%, 변동성 22.8%, 샤프 0.33·소르티노 0.46이며, 20회 매매에 승률은 45%, "
"이익계수 1.52, 투자 비중 55%였습니다. 추가로 궁금하신 점은 언제든 말씀 주십시오.",
[("14억 5천만", "final_equity", 1332000000.0, "approx")],
),
(
"fc_q_044", "en",
{"symbol": "DIA", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2021-07-01", "end": "2023-06-30", "initial_cash": 10000000, "final_equity": 10740000.0,
 "total_return": 0.074, "cagr": 0.0364, "sharpe": 0.22, "sortino": 0.3, "max_drawdown": -0.123,
 "volatility": 0.131, "win_rate": 0.4516, "trades": 31, "profit_factor": 1.09, "exposure": 0.57,
 "buy_hold_return": 0.116},
"Semi-annual letter, H1 2023. The DIA sleeve has now run its MACD(12,26,9) timing model for two full "
"years, from the start of H2 2021 to June 30, 2023. Our $10 million became $10.74 million, a 7.4% gain "
"or 3.64% a year, which leaves the sleeve at 1.74x its starting capital. The ETF itself returned "
"11.6%, so we trailed by 19.0 percentage points. In exchange we limited the worst decline to 12.3%, "
"with volatility of 13.1%, a Sharpe of 0.22 and a Sortino of 0.30. Thirty-one trades, 45.2% winners, "
"profit factor 1.09, and 57% average exposure.",
[("1.74x", "equity_multiple", 1.074, "multiple"), ("19.0", "excess_return", -0.042, "excess", -1)],
),
(
"fc_q_045", "ko",
{"symbol": "323410", "strategy": "sma_cross", "params": {"fast": 5, "slow": 20},
 "start": "2021-08-06", "end": "2023-08-04", "initial_cash": 5000000, "final_equity": 3080000.0,
 "total_return": -0.384, "cagr": -0.2158, "sharpe": -0.74, "max_drawdown": -0.471, "win_rate": 0.2941,
 "trades": 34, "profit_factor": 0.69, "exposure": 0.4, "buy_hold_return": -0.592},
"🏦 카카오뱅크(323410) 단타 실험 🧪\n"
"📅 2021/08/06(상장일) ~ 2023/08/04\n"
"📐 5일선 × 20일선 크로스\n"
"💔 500만 원 → 308만 원 (38.4% 손실, 연 -21.58%)\n"
"📉 최대 낙폭 47.1%\n"
"🧾 34회 매매, 승률 29.4%, PF 0.69, 샤프 -0.74\n"
"⌛ 보유 비중 40%\n"
"🙃 그래도 그냥 들고 있던 사람(-59.2%)보단 20.8%p 선방\n"
"#카뱅 #이평선 #백테스트",
[],
),
(
"fc_q_046", "en",
{"symbol": "COST", "strategy": "ema_cross", "params": {"fast": 50, "slow": 150},
 "start": "2012-01-03", "end": "2021-12-31", "initial_cash": 100000, "final_equity": 427500.0,
 "total_return": 3.275, "cagr": 0.1565, "sharpe": 1.08, "sortino": 1.49, "max_drawdown": -0.161,
 "volatility": 0.172, "win_rate": 0.6364, "trades": 11, "profit_factor": 5.12, "exposure": 0.79,
 "buy_hold_return": 5.812},
"--- # COST trend run\n"
"strategy: ema_cross\n"
"fast_ema: 50\n"
"slow_ema: 150\n"
"start: '2012-01-03'\n"
"end: '2021-12-31'\n"
"equity: {start: 100000, end: 427500}\n"
"return: {total: 327.5%, annual: 15.65%, multiple: 4.28x}\n"
"risk: {max_drawdown: 16.1%, volatility: 17.2%, sharpe: 1.08, sortino: 1.49}\n"
"trading: {trades: 11, win_rate: 63.6%, profit_factor: 5.12, exposure: 79%}\n"
"benchmark: {buy_hold: 581.2%, excess: -253.7 pp}",
[],
),
(
"fc_q_047", "ko",
{"symbol": "034730", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2.5},
 "start": "2018-01-02", "end": "2022-12-29", "initial_cash": 30000000, "final_equity": 25290000.0,
 "total_return": -0.157, "cagr": -0.0337, "sharpe": -0.15, "sortino": -0.2, "max_drawdown": -0.289,
 "volatility": 0.276, "win_rate": 0.6111, "trades": 18, "profit_factor": 0.84, "exposure": 0.31,
 "buy_hold_return": -0.401},
"**SK(034730) 볼린저 역추세 점검**\n"
"- **파라미터**: 20일 밴드, 2.5표준편차\n"
"- **기간**: 2018.1.2 ~ 2022.12.29 (약 5년)\n"
"- **손익**: 3,000만 원 → 2,529만 원, 순손실 471만 원 (-15.7%)\n"
"- **연환산**: -3.3%\n"
"- **보유 대비**: 주가 -40.1% 대비 24.4%p 우위\n"
"- **리스크**: MDD 28.9% / 변동성 27.6% / 샤프 -0.15 / 소르티노 -0.20\n"
"- **매매 통계**: 열여덟 번 매매, 승률 61.1%, PF 0.84, 노출 31%",
[("-3.3%", "cagr", -0.0337, "rounding")],
),
(
"fc_q_048", "en",
{"symbol": "035420", "strategy": "buy_and_hold", "start": "2021-01-04", "end": "2023-12-28",
 "initial_cash": 10000000000, "final_equity": 6790000000.0, "total_return": -0.321, "cagr": -0.1219,
 "sharpe": -0.36, "max_drawdown": -0.617, "volatility": 0.384, "buy_hold_return": -0.321},
"(Market Desk) A buy-and-hold position of KRW 10 billion in NAVER (035420) opened on Jan. 4, 2021 "
"would have been worth KRW 6.79 billion by Dec. 28, 2023, a decline of 32.1%, according to a backtest "
"reviewed by the desk. The three-year slide equated to an annualized loss of 12.19%, and at its worst "
"the position was 61.7% below its peak. Annualized volatility was 29.4% and the Sharpe ratio stood at "
"-0.36.",
[("29.4%", "volatility", 0.384, "other")],
),
(
"fc_q_049", "ko",
{"symbol": "086790", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 30, "upper": 70},
 "start": "2017-01-02", "end": "2021-12-30", "initial_cash": 50000000, "final_equity": 61200000.0,
 "total_return": 0.224, "cagr": 0.0413, "sharpe": 0.3, "sortino": 0.41, "max_drawdown": -0.251,
 "volatility": 0.236, "win_rate": 0.6923, "trades": 26, "profit_factor": 1.41, "exposure": 0.26,
 "buy_hold_return": 0.158},
"[컴플라이언스 검토 코멘트] 하나금융지주(086790) RSI 역추세 상품 설명자료. RSI 기간 14, 매수 30·매도 "
"70 기준, 2017년 1월 2일~2021년 12월 30일. 5천만 원 → 6,120만 원, 누적 22.4%·연 4.13%로 원자료와 일치 "
"확인. 최대 낙폭 25.1%와 변동성 23.6%는 수익률과 같은 크기로 표기할 것. 샤프 0.30, 소르티노 0.41 표기 "
"적정. 거래 26건, 승률 69.2%, PF 1.41, 노출 26%에는 '과거 시뮬레이션' 문구 병기 필요. 단순보유 15.8% "
"대비 6.6%p 초과 문구는 사용 가능.",
[],
),
(
"fc_q_050", "en",
{"symbol": "XLF", "strategy": "sma_cross", "params": {"fast": 20, "slow": 50},
 "start": "2016-01-04", "end": "2018-12-31", "initial_cash": 200000, "final_equity": 218600.0,
 "total_return": 0.093, "cagr": 0.0302, "sharpe": 0.28, "max_drawdown": -0.154, "volatility": 0.145,
 "win_rate": 0.4074, "trades": 27, "profit_factor": 1.14, "exposure": 0.6, "buy_hold_return": 0.188},
"XLF|sma 20x50|'16-'18|200000->218600|+9.3%|3.02%/yr|dd 15.4%|vol 14.5%|shp 0.28|n=27|win 40.7%|"
"pf 1.14|exp 60%|bh +18.8%|diff -950bp",
[],
),
(
"fc_q_051", "en",
{"symbol": "SPY", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
 "start": "2000-01-03", "end": "2009-12-31", "initial_cash": 1000000, "final_equity": 1218000.0,
 "total_return": 0.218, "cagr": 0.0199, "sharpe": 0.18, "sortino": 0.24, "max_drawdown": -0.239,
 "volatility": 0.121, "win_rate": 0.4, "trades": 15, "profit_factor": 1.85, "exposure": 0.62,
 "buy_hold_return": -0.247},
"Voice note for the team, transcribed. Quick one on the lost-decade test: SPY, 50-day over 200-day, "
"January 3, 2001 through December 31, 2009. A million in, $1,218,000 out, so plus 21.8 percent, only "
"about 2 percent a year, but the index itself lost 24.7 percent, so the crossover lagged by 46.5 "
"points. Max drawdown 23.9, volatility 12.1, Sharpe 0.18, Sortino 0.24. Fifty trades, 40 percent "
"winners, profit factor 1.85, invested 62 percent of the time. Okay, that's it.",
[("2001", "start", "2000-01-03", "date"), ("46.5", "excess_return", 0.465, "sign", -1),
 ("Fifty", "trades", 15, "trades")],
),
(
"fc_q_052", "ko",
{"symbol": "068270", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2020-01-02", "end": "2020-12-30", "initial_cash": 5000000, "final_equity": 9130000.0,
 "total_return": 0.826, "cagr": 0.8328, "sharpe": 1.41, "max_drawdown": -0.221, "win_rate": 0.4737,
 "trades": 19, "profit_factor": 2.33, "exposure": 0.53, "buy_hold_return": 0.987},
"[주갤] 셀트리온 MACD 2020년 백테 후기\n"
"12/26/9 기본값으로 20년 1월 2일~12월 30일 딱 1년 돌림\n"
"500만 → 913만, +82.6% (연환산 83.28%)\n"
"근데 존버가 98.7%라 16.1%p 짐 ㅋㅋㅋ 매매한 게 손해\n"
"MDD 22.1%, 샤프 1.41, 19번 매매 승률 47.4%, PF 2.33, 노출 53%\n"
"셀트 주주들 그 해에 진짜 행복했겠다",
[],
),
(
"fc_q_053", "en",
{"symbol": "005930", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 30, "upper": 70},
 "start": "2011-01-03", "end": "2020-12-30", "initial_cash": 2000000000, "final_equity": 4630000000.0,
 "total_return": 1.315, "cagr": 0.0877, "sharpe": 0.61, "sortino": 0.84, "max_drawdown": -0.212,
 "volatility": 0.223, "win_rate": 0.6842, "trades": 57, "profit_factor": 1.67, "exposure": 0.28,
 "buy_hold_return": 1.843},
"Dear Ms. Han,\n"
"As promised on our call, here is the summary of the RSI study on Samsung Electronics (005930). Using "
"a 14-day RSI, buying below 30 and selling above 70, from January 3, 2011 to December 30, 2020, a KRW "
"2 billion allocation would have grown to about KRW 4.6 billion, a total return of 131.5% and a "
"compound annual return of 8.77%. The stock itself rose 184.3% over the same decade, so the rule "
"trailed by 52.8 percentage points, largely because it was invested only 28% of the time. The maximum "
"drawdown was 21.2% and volatility 22.3%, for a Sharpe ratio of 0.61 and a Sortino ratio of 0.84. Of "
"its 57 trades, 68.4% were profitable, and the profit factor was 1.67.\n"
"Warm regards,\nJiwoo Lee, Private Banking Division",
[],
),
(
"fc_q_054", "ko",
{"symbol": "010130", "strategy": "buy_and_hold", "start": "2019-01-02", "end": "2021-12-30",
 "initial_cash": 200000000, "final_equity": 223000000.0, "total_return": 0.115, "cagr": 0.037,
 "sharpe": 0.24, "max_drawdown": -0.278, "volatility": 0.251, "buy_hold_return": 0.115},
"# 고려아연 단순보유\n"
"종목코드: \"010130\"\n"
"전략: 매수후보유\n"
"기간: 19.01.02 ~ 21.12.30\n"
"투입: 2억\n"
"평가: 2억 2,300만\n"
"누적: 11.5%\n"
"CAGR: 3.70%\n"
"MDD: -27.8%\n"
"변동성: 25.1%\n"
"샤프: 0.42",
[("0.42", "sharpe", 0.24, "swap")],
),
(
"fc_q_055", "en",
{"symbol": "MSFT", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2022-01-03", "end": "2022-12-30", "initial_cash": 10000, "final_equity": 9182.0,
 "total_return": -0.0818, "cagr": -0.0827, "sharpe": -0.33, "max_drawdown": -0.142, "win_rate": 0.375,
 "trades": 8, "profit_factor": 0.71, "exposure": 0.35, "buy_hold_return": -0.287},
"🚨 MSFT breakout recap, FY2022 🚨\n"
"Bands: 20d / 2σ 📏\n"
"$10,000 ➡️ $9,182 📉 lost 8.1%\n"
"Stock itself: -28.7% 🥶 so we were +20.52pp better 🛡️\n"
"Max drawdown -14.2% | Sharpe -0.33\n"
"8 trades, 37.5% win, PF 0.71 ⚖️\n"
"In the market 35% of the time ⏱️\n"
"Stay safe out there ✌️",
[("8.1%", "total_return", -0.0818, "rounding", -1)],
),
(
"fc_q_056", "ko",
{"symbol": "005380", "strategy": "ema_cross", "params": {"fast": 20, "slow": 60},
 "start": "2019-01-02", "end": "2023-12-28", "initial_cash": 100000000, "final_equity": 174200000.0,
 "total_return": 0.742, "cagr": 0.1178, "sharpe": 0.54, "sortino": 0.75, "max_drawdown": -0.306,
 "volatility": 0.312, "win_rate": 0.4348, "trades": 23, "profit_factor": 1.68, "exposure": 0.58,
 "buy_hold_return": 0.626},
"현대차(005380)에 20일·60일 지수이동평균 교차 전략을 적용한 결과, 2019년 1월 2일부터 2023년 12월 "
"28일까지 5년간 1억 원이 1억 7,420만 원으로 74.2% 늘어난 것으로 나타났다. 연평균 수익률은 11.78%였다. "
"같은 기간 주식을 계속 보유한 경우의 수익률(62.6%)을 136.8%p 앞선 것으로 집계됐다. 최대 낙폭은 30.6%, "
"연 변동성은 31.2%였으며 샤프지수와 소르티노지수는 각각 0.54와 0.75로 분석됐다. 전략은 모두 23차례 "
"매매해 43.5%의 승률을 기록했고 손익비(PF)는 1.68, 시장 노출 비율은 58%였던 것으로 파악됐다.",
[("136.8%p", "excess_return", 0.116, "excess")],
),
(
"fc_q_057", "en",
{"symbol": "VTI", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2015-01-02", "end": "2024-12-31", "initial_cash": 1000000, "final_equity": 1912000.0,
 "total_return": 0.912, "cagr": 0.067, "sharpe": 0.63, "sortino": 0.86, "max_drawdown": -0.189,
 "volatility": 0.131, "win_rate": 0.4231, "trades": 52, "profit_factor": 1.46, "exposure": 0.61,
 "buy_hold_return": 1.978},
"**VTI · MACD(12/26/9) · 10-year review**\n"
"* **From / to:** 01/02/2015 – 12/31/2024\n"
"* **Ending value:** $1.912M on $1M (**+91.2%**, CAGR **6.7%**)\n"
"* **Buy & hold:** +197.8% → strategy **-10,660bp**\n"
"* **Drawdown / vol:** 18.9% / 13.1%\n"
"* **Sharpe / Sortino:** 0.63 / 0.86\n"
"* **Trades:** 52 (42.3% winners), PF 1.46, exposure 61%",
[],
),
(
"fc_q_058", "ko",
{"symbol": "032830", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2018-01-02", "end": "2022-12-29", "initial_cash": 10000000, "final_equity": 7650000.0,
 "total_return": -0.235, "cagr": -0.0523, "sharpe": -0.28, "max_drawdown": -0.332, "win_rate": 0.5862,
 "trades": 29, "profit_factor": 0.79, "exposure": 0.33, "buy_hold_return": -0.381},
"032830 삼성생명 | BB 역추세(20일, 2σ) | 2018년 1월 2일~2022년 12월 29일 | 1천만 원→765만 원 | -23.5% "
"(연 -5.23%) | 보유 -38.1% 대비 +14.6%p | 최대낙폭 33.2% | 샤프 -0.28 | 매매 스물아홉 번 / 승률 58.6% | "
"PF 0.79 | 노출 33%",
[],
),
(
"fc_q_059", "en",
{"symbol": "TSLA", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 25, "upper": 75},
 "start": "2019-01-02", "end": "2021-12-31", "initial_cash": 100000, "final_equity": 376400.0,
 "total_return": 2.764, "cagr": 0.5566, "sharpe": 1.22, "sortino": 1.71, "max_drawdown": -0.338,
 "volatility": 0.582, "win_rate": 0.6875, "trades": 16, "profit_factor": 3.4, "exposure": 0.3,
 "buy_hold_return": 16.02},
"Compliance reviewer's comment (ticket closed): TSLA RSI(14) 25/75 backtest, Jan 2, 2019 to Dec 31, "
"2021. The deck's figures match the engine output: $100,000 to $376,400, +276.4%, 55.66% annualized, "
"Sharpe 1.22, Sortino 1.71, volatility 58.2%, 16 trades with a 68.75% win rate, profit factor 3.40, "
"exposure 33.8%. Mandatory addition: buy-and-hold returned 1,602% over the same period, which the "
"strategy trailed by 1,325.6 percentage points; this must appear next to the headline return.",
[("33.8%", "exposure", 0.3, "attribution")],
),
(
"fc_q_060", "ko",
{"symbol": "003550", "strategy": "buy_and_hold", "start": "2015-01-02", "end": "2019-12-30",
 "initial_cash": 300000000, "final_equity": 342600000.0, "total_return": 0.142, "cagr": 0.027,
 "sharpe": 0.17, "max_drawdown": -0.315, "volatility": 0.233, "buy_hold_return": 0.142},
"정○○ 대표님, 안녕하십니까. 문의하신 (주)LG(003550) 장기 보유 시뮬레이션 결과를 간단히 "
"보고드립니다. 2015년 1월 2일 3억 원 매수 후 2019년 12월 30일까지 보유하셨다면 평가금액은 3억 "
"4,260만 원, 수익률은 14.2%입니다. 연 수익률로는 2.7%로, 같은 기간 예금 금리와 큰 차이가 "
"없었습니다. 한편 보유 중 최대 31.5%의 평가손 구간이 있었고 연 변동성은 23.3%, 샤프 지수는 0.17에 "
"그쳤습니다. 참고가 되시길 바랍니다. 좋은 하루 보내십시오.",
[],
),
(
"fc_q_061", "ko",
{"symbol": "000100", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2020-01-02", "end": "2021-12-30", "initial_cash": 30000000, "final_equity": 37950000.0,
 "total_return": 0.265, "cagr": 0.1252, "sharpe": 0.51, "sortino": 0.69, "max_drawdown": -0.198,
 "volatility": 0.302, "win_rate": 0.4167, "trades": 12, "profit_factor": 1.73, "exposure": 0.41,
 "buy_hold_return": 0.447},
"[음성 메모 받아쓰기] 유한양행 볼린저 돌파, 20일에 2시그마. 2020년 1월 2일부터 2021년 12월 30일까지. "
"3천만 원 넣어서 3,795만 원, 순익 795만 원이고 26.5%. 연환산 12.52%. 아 근데 주가가 44.7% 올라서 "
"18.2%p 밑돌았네. 최대 낙폭 19.8%, 변동성 30.2%. 샤프 0.51, 소르티노 0.69. 열두 번 매매해서 승률 "
"41.7%, PF 1.73. 포지션 잡고 있던 기간 41%. 다음엔 밴드 폭 바꿔서 돌려보자.",
[],
),
(
"fc_q_062", "en",
{"symbol": "SPY", "strategy": "buy_and_hold", "start": "2020-02-19", "end": "2020-03-23",
 "initial_cash": 100000, "final_equity": 66300.0, "total_return": -0.337, "max_drawdown": -0.34,
 "volatility": 0.925, "buy_hold_return": -0.337},
"Throwback post on r/investing: I backtested the worst possible buy-and-hold entry of the COVID "
"crash. SPY, bought at the close on Feb 19 2020, marked at the close on 03/23/2020. A $100,000 "
"position fell to $66,300 in just over a month, down 33.7%. Max drawdown on the equity curve was "
"34.0%, and annualized vol over that stretch was 92.5%. Anyone who panic-sold on 3/23 sold the exact "
"bottom. Don't be that guy.",
[],
),
(
"fc_q_063", "ko",
{"symbol": "000720", "strategy": "sma_cross", "params": {"fast": 10, "slow": 30},
 "start": "2016-01-04", "end": "2020-12-30", "initial_cash": 200000000, "final_equity": 262400000.0,
 "total_return": 0.312, "cagr": 0.0559, "sharpe": 0.36, "sortino": 0.49, "max_drawdown": -0.277,
 "volatility": 0.314, "win_rate": 0.3611, "trades": 36, "profit_factor": 1.48, "exposure": 0.52,
 "buy_hold_return": 0.106},
"윤○○ 고객님, 안녕하세요. 요청하신 현대건설(000720) 이동평균(10일/30일) 전략의 과거 성과를 정리해 "
"드립니다. 2016년 1월 4일부터 2020년 12월 30일까지 2억 원을 운용했다면 최종 금액은 2억 6,240만 원으로 "
"순수익은 6억 2,400만 원, 수익률은 31.2%입니다. 연평균으로는 5.59%이고, 같은 기간 보유 수익률 10.6%를 "
"20.6%p 웃돌았습니다. 다만 최대 낙폭 27.7%, 변동성 31.4%를 감안하시면 샤프 0.36, 소르티노 0.49로 위험 "
"대비 성과는 평범한 편입니다. 거래는 36회, 승률 36.1%, PF 1.48, 투자 비중 52%였습니다. 검토하신 뒤 "
"편하게 연락 주세요.",
[("6억 2,400만", "net_profit", 62400000.0, "scale10")],
),
(
"fc_q_064", "en",
{"symbol": "QQQ", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2022-01-03", "end": "2024-12-31", "initial_cash": 50000000, "final_equity": 64900000.0,
 "total_return": 0.298, "cagr": 0.0911, "sharpe": 0.47, "sortino": 0.65, "max_drawdown": -0.174,
 "volatility": 0.189, "win_rate": 0.4091, "trades": 22, "profit_factor": 1.61, "exposure": 0.49,
 "buy_hold_return": 0.279},
"Q4 2024 letter (excerpt). On January 3, 2022 we moved the growth sleeve into a Bollinger breakout "
"rule on QQQ, with 20-day bands at two standard deviations. The sleeve's $50 million has become $64.9 "
"million, a cumulative 29.8% and 9.11% per annum, which puts us roughly three percentage points ahead "
"of the 27.9% that holding QQQ earned. More importantly, the worst drawdown was held to 17.4% in a "
"period that included the 2022 bear market, with volatility of 18.9%, a Sharpe ratio of 0.47 and a "
"Sortino ratio of 0.65. The rule traded 22 times, won 40.9% of them, earned a profit factor of 1.61 "
"and was invested 49% of the time.",
[("three", "excess_return", 0.019, "approx")],
),
(
"fc_q_065", "ko",
{"symbol": "036570", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 30, "upper": 70},
 "start": "2021-01-04", "end": "2023-12-28", "initial_cash": 10000000, "final_equity": 6640000.0,
 "total_return": -0.336, "cagr": -0.1284, "sharpe": -0.55, "max_drawdown": -0.448, "win_rate": 0.4286,
 "trades": 14, "profit_factor": 0.61, "exposure": 0.38, "buy_hold_return": -0.723},
"🎮 엔씨소프트(036570) RSI 역추세 📉\n"
"🗓 2021.01.04 ~ 2023.12.28\n"
"🔧 RSI(14) 30↓ 매수 / 70↑ 매도\n"
"💸 1,000만 → 664만 원 (33.6% 손실, 연 -12.84%)\n"
"🧊 주가는 72.3% 폭락… 그래도 38.7%p 덜 잃음\n"
"🌪 MDD 44.8% · 샤프 -0.55\n"
"🎯 14회 · 승률 42.9% · PF 0.61 · 노출 38%\n"
"‼️ 떨어지는 칼날 잡기는 역시 위험",
[],
),
(
"fc_q_066", "en",
{"symbol": "EEM", "strategy": "sma_cross", "params": {"fast": 20, "slow": 100},
 "start": "2010-01-04", "end": "2024-12-31", "initial_cash": 500000, "final_equity": 556000.0,
 "total_return": 0.112, "cagr": 0.0071, "sharpe": 0.09, "sortino": 0.12, "max_drawdown": -0.304,
 "volatility": 0.176, "win_rate": 0.3659, "trades": 41, "profit_factor": 1.07, "exposure": 0.56,
 "buy_hold_return": 0.096},
"symbol=EEM\n"
"strategy=sma_cross\n"
"sma.fast=20\n"
"sma.slow=100\n"
"period.start=2010-01-04\n"
"period.end=2024-12-31   # fifteen years\n"
"cash.initial=500000\n"
"cash.final=556000\n"
"ret.total=0.112\n"
"ret.cagr=0.0071\n"
"ret.bh=0.096\n"
"ret.excess=+0.016\n"
"risk.mdd=-0.304\n"
"risk.vol=0.176\n"
"risk.sharpe=0.09\n"
"risk.sortino=0.12\n"
"trades.n=41\n"
"trades.win=0.366\n"
"trades.pf=1.07\n"
"exposure=0.56",
[],
),
(
"fc_q_067", "ko",
{"symbol": "251270", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
 "start": "2018-01-02", "end": "2020-12-30", "initial_cash": 20000000, "final_equity": 21740000.0,
 "total_return": 0.087, "cagr": 0.0283, "sharpe": 0.14, "sortino": 0.19, "max_drawdown": -0.321,
 "volatility": 0.387, "win_rate": 0.3478, "trades": 23, "profit_factor": 1.08, "exposure": 0.47,
 "buy_hold_return": -0.352},
"## 넷마블(251270) EMA 교차 리포트\n"
"- **지표**: 12일 / 36일 지수이동평균\n"
"- **기간**: 2018년 1월 2일 → 2020년 12월 30일, 3년\n"
"- **자산**: 2,000만 원 → 2,174만 원 (+8.7%, 연 2.83%)\n"
"- **비교**: 보유했다면 -35.2% → 43.9%p 앞섬\n"
"- **리스크**: 최대 낙폭 32.1%, 변동성 38.7%, 샤프 0.14, 소르티노 0.19\n"
"- **거래**: 스물여덟 번, 승률 34.8%, PF 1.08, 노출 47%",
[("36일", "params.slow", 26, "param"), ("스물여덟", "trades", 23, "trades")],
),
(
"fc_q_068", "en",
{"symbol": "AMZN", "strategy": "buy_and_hold", "start": "2022-01-03", "end": "2022-12-30",
 "initial_cash": 1000000, "final_equity": 504000.0, "total_return": -0.496, "cagr": -0.5,
 "sharpe": -1.02, "max_drawdown": -0.511, "volatility": 0.503, "buy_hold_return": -0.496},
"NEW YORK (Quant Wire) - Investors who put $1 million into Amazon.com (AMZN) on Jan. 3, 2022 and held "
"through Dec. 30 saw the stake shrink to $504,000 by year-end, a 49.6% loss, a backtest showed. The "
"annualized decline was 50%, the drawdown from peak reached 51.1%, volatility ran at 50.3% and the "
"Sharpe ratio was -1.02, among the weakest readings for a megacap in calendar 2022.",
[],
),
(
"fc_q_069", "ko",
{"symbol": "018260", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2015-01-02", "end": "2017-12-28", "initial_cash": 100000000, "final_equity": 104200000.0,
 "total_return": 0.042, "cagr": 0.0139, "sharpe": 0.07, "sortino": 0.09, "max_drawdown": -0.296,
 "volatility": 0.331, "win_rate": 0.4103, "trades": 39, "profit_factor": 1.04, "exposure": 0.5,
 "buy_hold_return": -0.183},
"[심의 의견] 삼성에스디에스(018260) MACD 전략 블로그 게시물 초안 검토. 표기 기간 '15.01.02~'17.12.28, "
"파라미터 12·26·9, 원금 1억 원, 기말 1억 420만 원(+4.2%, 연 1.39%) 확인. 주가 -18.3% 대비 22.5%p 초과 "
"성과 문구는 사실이나, '손실 없는 전략' 표현은 최대 낙폭 29.6%와 배치되므로 삭제 요망. 변동성 33.1%, "
"샤프 0.07, 소르티노 0.09, 거래 39회, 승률 41.0%, PF 1.04, 노출 50% 병기 바람.",
[],
),
(
"fc_q_070", "en",
{"symbol": "000660", "strategy": "sma_cross", "params": {"fast": 5, "slow": 20},
 "start": "2023-01-02", "end": "2024-06-28", "initial_cash": 50000000, "final_equity": 80600000.0,
 "total_return": 0.612, "cagr": 0.3787, "sharpe": 1.31, "max_drawdown": -0.165, "volatility": 0.335,
 "win_rate": 0.3871, "trades": 31, "profit_factor": 2.14, "exposure": 0.55, "buy_hold_return": 1.423},
"000660 SK hynix | SMA 5/20 | Jan '23 - Jun '24 | KRW 50M -> KRW 80.6M | ~60% total | 37.87% ann. | "
"B&H 142.3% | -81.1pp | MDD 16.5% | vol 33.5% | SR 1.31 | 31 trades, 38.7% hit | PF 2.14 | 55% invested",
[],
),
(
"fc_q_071", "en",
{"symbol": "HD", "strategy": "ema_cross", "params": {"fast": 10, "slow": 40},
 "start": "2017-01-03", "end": "2022-12-30", "initial_cash": 400000, "final_equity": 654000.0,
 "total_return": 0.635, "cagr": 0.0856, "sharpe": 0.58, "sortino": 0.8, "max_drawdown": -0.212,
 "volatility": 0.215, "win_rate": 0.4242, "trades": 33, "profit_factor": 1.63, "exposure": 0.61,
 "buy_hold_return": 1.362},
"(voice memo, auto-transcribed, lightly cleaned) Home Depot, ten over forty EMA. Ran it Jan 3, 2017 "
"to Dec 30, 2022, so six years. Four hundred thousand grew to six hundred fifty-four thousand. Plus "
"sixty-three and a half percent, eight point five six percent compounded. Stock alone did 136.2 "
"percent, so call it 72.7 points short. Max drawdown twenty-one point two, vol 21.5, Sharpe 0.58, "
"Sortino 0.8. Thirty-three trades, forty-two percent winners, PF 1.63, in the market sixty-one "
"percent. End of memo.",
[],
),
(
"fc_q_072", "ko",
{"symbol": "352820", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
 "start": "2021-01-04", "end": "2022-12-29", "initial_cash": 10000000, "final_equity": 7240000.0,
 "total_return": -0.276, "cagr": -0.1504, "sharpe": -0.42, "max_drawdown": -0.389, "win_rate": 0.25,
 "trades": 12, "profit_factor": 0.55, "exposure": 0.48, "buy_hold_return": -0.087},
"[디시 주식갤] 하이브 골크 매매법 검증해봄\n"
"기간 21.01.04~22.12.29, 20일선/60일선\n"
"천만 원 → 724만 원. 27.6% 올랐고 연 -15.04% ㅋㅋ\n"
"그냥 들고 있었으면 -8.7%였음. 18.9%p 더 말아먹음\n"
"MDD 38.9%, 샤프 -0.42, PF 0.55\n"
"12번 매매해서 승률 25% 실화냐\n"
"노출 48%\n"
"결론: 골크 믿지 마라",
[("27.6%", "total_return", -0.276, "sign")],
),
(
"fc_q_073", "en",
{"symbol": "XOM", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2015-01-02", "end": "2020-12-31", "initial_cash": 30000000, "final_equity": 27480000.0,
 "total_return": -0.084, "cagr": -0.0145, "sharpe": -0.04, "sortino": -0.05, "max_drawdown": -0.311,
 "volatility": 0.248, "win_rate": 0.617, "trades": 47, "profit_factor": 0.95, "exposure": 0.36,
 "buy_hold_return": -0.529},
"Year-end letter, FY2020. Our Exxon Mobil (XOM) reversion sleeve, which buys closes below the lower "
"20-day band at two standard deviations, has now completed six years. The $30 million we started with "
"on January 2, 2015 stood at $27.48 million on December 31, 2020, or 0.84x our capital: a loss of "
"8.4%, 1.45% a year. That is disappointing in absolute terms, but the stock lost 52.9% over the same "
"span, and we finished 44.5 percentage points ahead of it. The maximum drawdown was 31.1% against "
"volatility of 24.8%; Sharpe and Sortino were -0.04 and -0.05. Of 47 trades, 67.1% made money, the "
"profit factor was 0.95 and exposure averaged 36%.",
[("0.84x", "equity_multiple", 0.916, "multiple"), ("67.1%", "win_rate", 0.617, "swap")],
),
(
"fc_q_074", "ko",
{"symbol": "000270", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2022-01-03", "end": "2023-12-28", "initial_cash": 3000000000, "final_equity": 4239000000.0,
 "total_return": 0.413, "cagr": 0.1905, "sharpe": 0.83, "sortino": 1.17, "max_drawdown": -0.187,
 "volatility": 0.265, "win_rate": 0.4444, "trades": 18, "profit_factor": 1.95, "exposure": 0.54,
 "buy_hold_return": 0.3485},
"[2023년 4분기 투자자 서한] 기아(000270) MACD(12·26·9) 운용 2년차 결산입니다. 2022년 1월 3일 30억 "
"원으로 시작한 계정은 12월 28일 현재 42억 3,900만 원, 누적 41.3%, 연 19.05%의 성과를 거두었습니다. "
"같은 기간 주식을 그대로 보유한 경우(34.85%)보다 6.5%p 높은 수준입니다. 최대 낙폭은 18.7%, 변동성은 "
"26.5%, 샤프 0.83, 소르티노 1.17이었으며, 18차례 매매 중 44.4%가 수익으로 끝났고 PF는 1.95, 평균 "
"투자비중은 54%였습니다. 새해에도 변함없는 신뢰에 감사드립니다.",
[],
),
(
"fc_q_075", "en",
{"symbol": "AMD", "strategy": "ema_cross", "params": {"fast": 9, "slow": 21},
 "start": "2023-01-03", "end": "2023-12-29", "initial_cash": 20000, "final_equity": 30840.0,
 "total_return": 0.542, "cagr": 0.5518, "sharpe": 1.26, "max_drawdown": -0.223, "win_rate": 0.4,
 "trades": 15, "profit_factor": 2.02, "exposure": 0.57, "buy_hold_return": 1.279},
"⚡️ AMD EMA 9/21 — FY2023 wrap ⚡️\n"
"🏁 Jan 3 → Dec 29, 2023\n"
"💰 $20k → $30.84k (+54.2%) 🚀\n"
"📊 Sharpe 1.26 | MDD 22.3% | PF 2.02\n"
"🔁 15 trades, 40% wins, 57% time in market\n"
"😅 AMD itself: +127.9%, so -73.7pp for us\n"
"Drop a 🔥 if you want the code",
[],
),
(
"fc_q_076", "ko",
{"symbol": "011200", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2020-06-01", "end": "2021-05-31", "initial_cash": 5000000, "final_equity": 24380000.0,
 "total_return": 3.876, "cagr": 3.9026, "sharpe": 2.14, "sortino": 3.05, "max_drawdown": -0.287,
 "volatility": 0.781, "win_rate": 0.6667, "trades": 9, "profit_factor": 6.4, "exposure": 0.62,
 "buy_hold_return": 6.323},
"종목: HMM(011200)\n"
"전략: 볼린저 돌파 (기간 20, 폭 2σ)\n"
"구간: 2020-06-01 ~ 2021-05-31 (1년)\n"
"시작: 500만 원\n"
"종료: 2,438만 원 (4.88배)\n"
"수익률: 387.6%\n"
"연환산: 390.26%\n"
"보유시: 632.3% (전략 -244.7%p)\n"
"MDD: 28.7%\n"
"변동성: 78.1%\n"
"샤프/소르티노: 2.14 / 3.05\n"
"거래: 아홉 번, 승률 66.7%\n"
"PF: 6.40\n"
"노출: 62%",
[],
),
(
"fc_q_077", "en",
{"symbol": "PG", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 30, "upper": 70},
 "start": "2016-01-04", "end": "2020-12-31", "initial_cash": 150000, "final_equity": 199650.0,
 "total_return": 0.331, "cagr": 0.059, "sharpe": 0.49, "sortino": 0.68, "max_drawdown": -0.144,
 "volatility": 0.138, "win_rate": 0.7308, "trades": 26, "profit_factor": 1.84, "exposure": 0.21,
 "buy_hold_return": 0.751},
"### Procter & Gamble (PG) — RSI reversion, 2016–2020\n"
"- **Setup:** RSI 14, enter < 30, exit > 70\n"
"- **Start → end:** $150,000 → **$199.7k**\n"
"- **Total / annual:** 33.1% / 5.9%\n"
"- **vs. holding:** PG returned 75.1%; strategy behind by **42.0 pts**\n"
"- **Risk:** worst drawdown 14.4%, vol 13.8%, Sharpe 0.49, Sortino 0.68\n"
"- **Activity:** 26 trades · 73.1% winners · PF 1.84 · exposure 21%",
[],
),
(
"fc_q_078", "ko",
{"symbol": "316140", "strategy": "buy_and_hold", "start": "2019-02-13", "end": "2023-12-28",
 "initial_cash": 500000000, "final_equity": 473000000.0, "total_return": -0.054, "cagr": -0.0113,
 "sharpe": -0.01, "max_drawdown": -0.463, "volatility": 0.261, "buy_hold_return": -0.054},
"우리금융지주(316140)를 재상장일인 2018년 2월 13일에 5억 원어치 사들여 2023년 12월 28일까지 "
"보유했다면 평가액은 4억 7,300만 원으로 원금의 5.4%를 잃은 것으로 나타났다. 연평균으로는 1.13%씩 "
"손실을 본 셈이다. 보유 기간 중 고점 대비 46.3%까지 밀렸고, 연 변동성은 26.1%, 샤프지수는 -0.01로 "
"집계됐다. 배당금은 반영되지 않은 수치다.",
[("2018년", "start", "2019-02-13", "date")],
),
(
"fc_q_079", "en",
{"symbol": "035720", "strategy": "ema_cross", "params": {"fast": 20, "slow": 50},
 "start": "2021-06-01", "end": "2023-05-31", "initial_cash": 500000000, "final_equity": 341000000.0,
 "total_return": -0.318, "cagr": -0.1745, "sharpe": -0.49, "sortino": -0.66, "max_drawdown": -0.415,
 "volatility": 0.393, "win_rate": 0.2941, "trades": 17, "profit_factor": 0.62, "exposure": 0.44,
 "buy_hold_return": -0.602},
"Compliance sign-off, Kakao (035720) 20/50 EMA case study. Reviewed against run output for 1 June "
"2021 to 31 May 2023. Correct as stated: KRW 500 million falling to KRW 341 million (a 31.8% loss; "
"-17.45% annualized), maximum drawdown 41.5%, volatility 39.3%, Sharpe -0.49, Sortino -0.66, 17 "
"trades with a 29.4% win rate, profit factor 0.62, exposure 44%. The claim that the strategy lost "
"28.4 percentage points less than buy-and-hold (-60.2%) is accurate. Cleared for the internal "
"newsletter; not for retail distribution.",
[],
),
(
"fc_q_080", "ko",
{"symbol": "042700", "strategy": "rsi_reversion", "params": {"period": 14, "lower": 30, "upper": 70},
 "start": "2023-01-02", "end": "2024-12-30", "initial_cash": 10000000, "final_equity": 28850000.0,
 "total_return": 1.885, "cagr": 0.7016, "sharpe": 1.18, "max_drawdown": -0.302, "win_rate": 0.6842,
 "trades": 19, "profit_factor": 2.87, "exposure": 0.27, "buy_hold_return": 5.12},
"한미반도체 042700 | RSI 14 (30/70) | 2023년~2024년 | 1,000만 → 2,885만 원 (2.89배) | +188.5% | "
"연 70.16% | 보유 +512% | 대비 -323.5%p | MDD 30.2% | 샤프 1.18 | 19회 / 승률 68.4% | PF 2.87 | 노출 27%",
[],
),
]

# Correct numbers exactly half a unit from the fact (rule 4): (id, number, kpi)
BOUNDARY = [
    ("fc_q_001", "4.4%", "cagr"),               # 4.35 %
    ("fc_q_037", "68.8%", "win_rate"),          # 68.75 %
    ("fc_q_046", "4.28x", "equity_multiple"),   # 4.275
    ("fc_q_074", "6.5%p", "excess_return"),     # 41.3 - 34.85 = 6.45 %p
    ("fc_q_077", "$199.7k", "final_equity"),    # $199,650
    ("fc_q_080", "2.89배", "equity_multiple"),   # 2.885
]

# Correct numbers that only pass through the 5 % rule (rule 5): (id, number, kpi)
HEDGED = [
    ("fc_q_003", "4억 4,600만", "final_equity"),  # 약 ... for 4억 4,622만
    ("fc_q_013", "$8.3 million", "final_equity"),  # about ... for $8.364M
    ("fc_q_033", "5.6%", "cagr"),                 # approximately ... for 5.79 %
    ("fc_q_043", "3.5%", "cagr"),                 # 약 ... for 3.66 %
    ("fc_q_070", "60%", "total_return"),          # ~ ... for 61.2 %
]
