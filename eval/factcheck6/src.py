# eval/factcheck6/src.py -- held-out set fc_r, typed by hand. See README.md.
#
# ITEMS: (id, lang, facts, text, errors)
#   errors: (number, kpi, true, kind[, claimed_sign])
#     number        the wrong number exactly as the text spells it (occurs once in the text)
#     kpi           a fact key, params.<name>, excess_return, equity_multiple or net_profit
#     true          the correct value in fact units (ISO date for start/end)
#     kind          how the wrong number arose; kept here only, not written to the jsonl
#     claimed_sign  -1 when the text states the labelled magnitude as negative through a word
#                   ("lagged by", "하회", "덜 벌었다"); make.py uses it only to prove the label wrong
# BOUNDARY: correct numbers exactly half a unit of their last shown digit from the fact.
# HEDGED:   correct numbers after 약/about/approximately/~/대략 that only pass through the 5 % rule.
#   both:   (id, number as written, kpi[, claimed_sign]); make.py checks that each is correct.

ITEMS = [
(
"fc_r_001", "ko",
{"symbol": "005930", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
 "start": "2018-01-02", "end": "2022-12-29", "initial_cash": 100000000,
 "final_equity": 131270000.0, "total_return": 0.3127, "cagr": 0.0561, "sharpe": 0.41,
 "sortino": 0.58, "max_drawdown": -0.2644, "volatility": 0.231, "win_rate": 0.4091, "trades": 22,
 "profit_factor": 1.37, "exposure": 0.55, "buy_hold_return": 0.0512},
"[투자위원회 회의록 — 퀀트 전략 심의]\n"
"안건: 삼성전자(005930) 20일/60일 이동평균 교차 전략 편입 여부\n"
"보고(퀀트운용팀): 2018-01-02부터 2022-12-29까지 약 5년간 원금 1억 원을 운용한 결과 평가액은 "
"1억 3,127만 원, 누적 수익률 31.27%, 연환산 5.61%. 같은 기간 단순 보유는 5.12%에 그쳐 초과 성과는 "
"26.2%p.\n"
"질의(위원 A): 낙폭과 변동성은 어느 수준인가?\n"
"답변: 최대 낙폭 26.44%, 연 변동성 23.1%, 샤프 0.41, 소르티노 0.58.\n"
"질의(위원 B): 매매 빈도는?\n"
"답변: 22회 매매, 승률 40.9%, 손익비(PF) 1.37, 시장 노출 55%.\n"
"결의: 소규모 시범 운용 후 재심의.",
[],
),
(
"fc_r_002", "en",
{"symbol": "SPY", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2015-01-02", "end": "2024-12-31", "initial_cash": 1000000, "final_equity": 1884100.0,
 "total_return": 0.8841, "cagr": 0.0654, "sharpe": 0.62, "sortino": 0.85,
 "max_drawdown": -0.1932, "volatility": 0.128, "win_rate": 0.3475, "trades": 118,
 "profit_factor": 1.44, "exposure": 0.61, "buy_hold_return": 2.4105},
"Investment Committee — minutes (excerpt)\n"
"Item: SPY MACD(12,26,9) timing overlay, proposed by the systematic desk.\n"
"Presented: a ten-year test, 2 Jan 2015 to 31 Dec 2024, seeded with $1,000,000 and ending at "
"$1,884,100 (+88.41%, 6.54% annualised). Sharpe 0.62, Sortino 0.85, worst drawdown 19.32%, "
"volatility 12.8%.\n"
"Discussion: members noted that simply holding SPY returned 241.05% over the same window, so the "
"overlay gave up about 150 percentage points. The desk argued that the shallower drawdown is the "
"point. 118 round trips, 34.75% winners, profit factor 1.44, invested 61% of the time.\n"
"Outcome: not approved; the desk will come back with a cost-adjusted version.",
[],
),
(
"fc_r_003", "ko",
{"symbol": "000660", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2019-01-02", "end": "2023-12-28",
 "initial_cash": 50000000, "final_equity": 121560000.0, "total_return": 1.4312, "cagr": 0.1951,
 "sharpe": 0.74, "sortino": 1.02, "max_drawdown": -0.3391, "volatility": 0.382,
 "win_rate": 0.6538, "trades": 26, "profit_factor": 2.11, "exposure": 0.34,
 "buy_hold_return": 1.9876},
"[리서치센터 | 퀀트 데일리] SK하이닉스(000660) — RSI 역추세 전략 점검\n"
"■ 요약: RSI(14) 30 이하 매수, 70 이상 매도 규칙을 2019.01.02~2023.12.28 구간에 적용. 초기 자본 "
"5,000만 원이 1억 2,156만 원으로 불어나 누적 +143.12%, 연평균 15.91%의 수익률을 기록함.\n"
"■ 위험 지표: 최대 낙폭 -33.91%, 연율 변동성 38.2%, 샤프 0.74, 소르티노 1.02.\n"
"■ 매매 특성: 총 62회 진입, 승률 65.4%, 손익비 2.11, 시장 노출 비중 34%.\n"
"■ 결론: 동 기간 단순 보유 수익률 198.76% 대비 55.64%p 하회. 절대 수익은 양호하나 급등 구간의 "
"추종력이 부족한 것으로 판단됨.",
[("15.91%", "cagr", 0.1951, "swap"),
 ("62회", "trades", 26, "swap")],
),
(
"fc_r_004", "en",
{"symbol": "NVDA", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
 "start": "2020-01-02", "end": "2024-12-31", "initial_cash": 100000, "final_equity": 841200.0,
 "total_return": 7.412, "cagr": 0.5315, "sharpe": 1.21, "sortino": 1.77, "max_drawdown": -0.4188,
 "volatility": 0.512, "win_rate": 0.4043, "trades": 47, "profit_factor": 2.86, "exposure": 0.64,
 "buy_hold_return": 22.64},
"r/algotrading · [Backtest] EMA 12/26 crossover on NVDA, Jan 2020 → Dec 2024. Roast me.\n\n"
"Started with $100k, ended at $841.2k, so +741.2% or a 7.41x on the account. CAGR 53.15%. "
"Sharpe 1.21, Sortino 1.77. Max DD was brutal at -41.88%, vol 51.2%.\n\n"
"47 trades, 40.4% win rate, PF 2.86, in the market 64% of the time.\n\n"
"The catch: plain buy-and-hold NVDA did +2,264% over the same five years. So I lagged B&H by "
"152.28 points. Tell me why I shouldn't just hold.",
[("7.41x", "equity_multiple", 8.412, "multiple"),
 ("152.28", "excess_return", -15.228, "scale10", -1)],
),
(
"fc_r_005", "ko",
{"symbol": "035720", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2021-01-04", "end": "2023-12-28", "initial_cash": 30000000,
 "final_equity": 23142000.0, "total_return": -0.2286, "cagr": -0.0834, "sharpe": -0.18,
 "sortino": -0.24, "max_drawdown": -0.4715, "volatility": 0.397, "win_rate": 0.4516,
 "trades": 31, "profit_factor": 0.81, "exposure": 0.42, "buy_hold_return": -0.5531},
"[퀀트 스터디방]\n"
"민준: 카카오 볼린저 역추세 돌려봄 (20일, 2σ)\n"
"민준: 21년 1월 4일부터 23년 12월 28일까지. 3천만 원 넣었는데 끝나니까 2,314만 원 ㅠ\n"
"서연: 헐 얼마 빠진 거야\n"
"민준: 최종 수익률 +22.86%, 연평균으로는 -8.34%\n"
"지훈: 근데 카카오 그냥 들고 있었으면 -55.31%였잖아 ㅋㅋ 보유보다 32.45%p 덜 잃은 거임\n"
"서연: MDD는?\n"
"민준: 41.75%... 변동성 39.7%\n"
"지훈: 샤프 -0.18, 소르티노 -0.24 ㄷㄷ\n"
"민준: 매매 31번, 승률 45.2%, PF 0.81, 노출 42%\n"
"서연: 손절각이네",
[("+22.86%", "total_return", -0.2286, "sign"),
 ("41.75%", "max_drawdown", -0.4715, "swap")],
),
(
"fc_r_006", "en",
{"symbol": "AAPL", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
 "start": "2012-01-03", "end": "2021-12-31", "initial_cash": 250000, "final_equity": 1017900.0,
 "total_return": 3.0716, "cagr": 0.1508, "sharpe": 0.88, "sortino": 1.19,
 "max_drawdown": -0.2657, "volatility": 0.244, "win_rate": 0.6667, "trades": 9,
 "profit_factor": 4.12, "exposure": 0.71, "buy_hold_return": 7.3408},
"🧵 Golden cross on $AAPL, 50/200-day SMA, a decade of data (Jan 3, 2012 – Dec 31, 2021). "
"Results below ↓\n\n"
"— $250k became $1.018M. That's +307.16% total, 15.08% a year, a 4.07x.\n\n"
"— Risk: Sharpe 1.19, Sortino 0.88, max drawdown 26.57%, annual vol 24.4%.\n\n"
"— Only 9 trades in ten years. 66.7% hit rate, profit factor 4.12, exposure 71%.\n\n"
"— The uncomfortable part: buy & hold made 734.08%. The cross left 426.92 points on the table.\n\n"
"/end",
[("1.19", "sharpe", 0.88, "attribution"),
 ("0.88", "sortino", 1.19, "attribution")],
),
(
"fc_r_007", "ko",
{"symbol": "035420", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2020-01-02", "end": "2022-12-29", "initial_cash": 100000000,
 "final_equity": 91530000.0, "total_return": -0.0847, "cagr": -0.0292, "sharpe": -0.05,
 "sortino": -0.07, "max_drawdown": -0.3912, "volatility": 0.334, "win_rate": 0.3433,
 "trades": 67, "profit_factor": 0.94, "exposure": 0.49, "buy_hold_return": -0.1034},
"네이버(035420)로 MACD 전략을 돌려봤어요\n\n"
"안녕하세요! 오늘은 MACD(12, 26, 9) 교차 신호로 네이버를 사고판 결과를 공유해 볼게요. 기간은 "
"2020년 1월 2일부터 2022년 12월 29일까지, 3년이에요.\n\n"
"1억 원으로 시작했는데 마지막엔 9,153만 원이 남았어요. 수익률로 치면 8.47% 손실이고, 연평균 "
"2.92%씩 까먹은 셈이에요 😢 최대 낙폭은 39.12%까지 갔고, 변동성은 33.4%였어요.\n\n"
"그래도 위안이 되는 건, 같은 기간 네이버를 그냥 들고 있었으면 10.34% 손실이었다는 거예요. "
"그러니까 보유 전략보다 18.7%p 덜 잃은 거죠.\n\n"
"거래는 총 67번 했고 승률은 34.3%, 손익비 0.94, 샤프 -0.05, 소르티노 -0.07, 투자 비중은 "
"49%였어요. 다음엔 파라미터를 바꿔서 다시 해 볼게요!",
[("18.7%p", "excess_return", 0.0187, "scale10")],
),
(
"fc_r_008", "en",
{"symbol": "TLT", "strategy": "buy_and_hold", "start": "2020-01-02", "end": "2023-12-29",
 "initial_cash": 500000, "final_equity": 365850.0, "total_return": -0.2683, "cagr": -0.0753,
 "sharpe": -0.41, "max_drawdown": -0.4762, "volatility": 0.171, "buy_hold_return": -0.2683},
"Subject: TLT buy-and-hold reference run\n\n"
"Hi Marcus,\n\n"
"As requested, here is the passive TLT reference for the bond sleeve: bought on 01/02/2020 and "
"held to 12/29/2023. The $500,000 starting balance finished at $365,850, a loss of 26.83%, or an "
"annualised loss of 7.53%. Peak-to-trough drawdown reached 47.62% and annualised volatility was "
"17.1%, for a Sharpe ratio of -0.41.\n\n"
"There were no trades after the initial purchase, so there is no win rate or profit factor to "
"report. Over the four years the net loss comes to $134,150.\n\n"
"Best regards,\n"
"Dana Whitfield\n"
"Portfolio Analytics | Harbor Lane Capital\n"
"dana.whitfield@harborlane.example",
[],
),
(
"fc_r_009", "ko",
{"symbol": "005380", "strategy": "ema_cross", "params": {"fast": 5, "slow": 20},
 "start": "2016-01-04", "end": "2020-12-30", "initial_cash": 200000000,
 "final_equity": 237500000.0, "total_return": 0.1875, "cagr": 0.0351, "sharpe": 0.19,
 "sortino": 0.26, "max_drawdown": -0.3306, "volatility": 0.288, "win_rate": 0.3929, "trades": 84,
 "profit_factor": 1.09, "exposure": 0.52, "buy_hold_return": -0.0718},
"제목: 현대차 단기 EMA 교차 백테스트 결과 송부\n\n"
"김 부장님께,\n\n"
"요청하신 현대차(005380) 5일·20일 지수이동평균 교차 전략의 백테스트 결과를 정리해 드립니다.\n\n"
"- 기간: 2016년 1월 4일 ~ 2020년 12월 30일 (5년)\n"
"- 원금 2억 원 → 최종 2억 3,750만 원 (순이익 3,750만 원)\n"
"- 누적 수익률 18.75%, 연환산 3.51%\n"
"- 같은 기간 보유 시 7.18% 손실이었으므로 보유 대비 25.93%p 우위\n"
"- 샤프 0.19, 소르티노 0.26, 최대 낙폭 33.06%, 변동성 28.8%\n"
"- 거래 84회, 승률 39.3%, 손익비 1.09, 투자 노출 52%\n\n"
"수수료와 슬리피지를 반영하면 우위가 줄어들 수 있다는 점 참고 부탁드립니다.\n\n"
"감사합니다.\n\n"
"박지현 드림\n"
"퀀트전략팀 | 한빛자산운용",
[],
),
(
"fc_r_010", "en",
{"symbol": "QQQ", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2018-01-02", "end": "2023-12-29", "initial_cash": 40000, "final_equity": 88832.0,
 "total_return": 1.2208, "cagr": 0.1425, "sharpe": 0.77, "sortino": 1.05,
 "max_drawdown": -0.2876, "volatility": 0.214, "win_rate": 0.5526, "trades": 38,
 "profit_factor": 1.93, "exposure": 0.47, "buy_hold_return": 1.6734},
"backtest:\n"
"  symbol: QQQ\n"
"  rule: bollinger breakout (20, 2.0 sd)\n"
"  window: 2018-01-02 .. 2022-12-29\n"
"  capital: {start: $40,000, end: $88,832}\n"
"returns:\n"
"  total: +122.08%\n"
"  cagr: 14.25%\n"
"  buy_hold: +167.34%\n"
"  vs_buy_hold: -45.26pp\n"
"risk:\n"
"  sharpe: 0.77\n"
"  sortino: 1.05\n"
"  max_dd: -28.76%\n"
"  vol: 21.4%\n"
"trading:\n"
"  trades: 38\n"
"  win_rate: 55.3%\n"
"  profit_factor: 1.93\n"
"  exposure: 47%\n"
"note: breakout entries lag in V-shaped recoveries",
[("2022", "end", "2023-12-29", "date")],
),
(
"fc_r_011", "ko",
{"symbol": "068270", "strategy": "buy_and_hold", "start": "2019-01-02", "end": "2021-12-30",
 "initial_cash": 10000000, "final_equity": 10422000.0, "total_return": 0.0422, "cagr": 0.0139,
 "sharpe": 0.21, "max_drawdown": -0.4581, "buy_hold_return": 0.0422},
"전략: 단순 보유 (매수 후 보유)\n"
"종목: 셀트리온 068270\n"
"기간:\n"
"  시작: 2019-01-02\n"
"  종료: 2021-12-30\n"
"자본:\n"
"  초기: 1,000만 원\n"
"  최종: 1,042만 2천 원\n"
"  순이익: 422만 원\n"
"수익률:\n"
"  누적: 4.22%\n"
"  연환산: 1.39%\n"
"위험:\n"
"  샤프: 0.21\n"
"  최대낙폭: 45.81%\n"
"메모: 3년을 버텼지만 중간 낙폭이 커서 체감상으로는 손실에 가까웠음",
[("422만", "net_profit", 422000.0, "scale10")],
),
(
"fc_r_012", "en",
{"symbol": "XLE", "strategy": "rsi_reversion", "params": {"period": 2, "lower": 10, "upper": 90},
 "start": "2019-01-02", "end": "2022-12-30", "initial_cash": 75000, "final_equity": 100357.5,
 "total_return": 0.3381, "cagr": 0.0757, "sharpe": 0.36, "sortino": 0.47,
 "max_drawdown": -0.3117, "volatility": 0.271, "win_rate": 0.6645, "trades": 152,
 "profit_factor": 1.22, "exposure": 0.29, "buy_hold_return": 0.1954},
"XLE — RSI(2) mean reversion, buy below 10 / sell above 90\n"
"Period\t2019-01-02 to 2022-12-30\n"
"Start capital\t$75,000\n"
"End capital\t$100,358\n"
"Total return\t33.81%\n"
"CAGR\t7.57%\n"
"Buy & hold\t19.54%\n"
"Excess\t+14.27 pp\n"
"Sharpe\t0.36\n"
"Sortino\t0.47\n"
"Max drawdown\t-31.17%\n"
"Volatility\t27.1%\n"
"Trades\t152\n"
"Win rate\t66.4%\n"
"Profit factor\t1.22\n"
"Time in market\t29%",
[],
),
(
"fc_r_013", "ko",
{"symbol": "051910", "strategy": "sma_cross", "params": {"fast": 10, "slow": 30},
 "start": "2017-01-02", "end": "2021-12-30", "initial_cash": 500000000,
 "final_equity": 830600000.0, "total_return": 0.6612, "cagr": 0.107, "sharpe": 0.49,
 "sortino": 0.68, "max_drawdown": -0.3581, "volatility": 0.352, "win_rate": 0.3659, "trades": 41,
 "profit_factor": 1.58, "exposure": 0.57, "buy_hold_return": 1.4209},
"LG화학(051910) 10일/30일 단순이동평균 교차 — 2017.01.02~2021.12.30\n"
"항목\t값\n"
"초기 자본\t5억 원\n"
"최종 평가액\t8억 3,060만 원\n"
"누적 수익률\t66.12%\n"
"연평균(CAGR)\t10.7%\n"
"보유 시 수익률\t142.09%\n"
"보유 대비\t-75.97%p\n"
"샤프 / 소르티노\t0.49 / 0.68\n"
"최대 낙폭\t-35.81%\n"
"변동성\t35.2%\n"
"거래 수 / 승률\t41회 / 36.6%\n"
"손익비\t1.58\n"
"노출도\t57%",
[],
),
(
"fc_r_014", "en",
{"symbol": "MSFT", "strategy": "macd_cross", "params": {"fast": 8, "slow": 21, "signal": 5},
 "start": "2014-01-02", "end": "2023-12-29", "initial_cash": 10000000,
 "final_equity": 61837000.0, "total_return": 5.1837, "cagr": 0.2001, "sharpe": 1.02,
 "sortino": 1.41, "max_drawdown": -0.2843, "win_rate": 0.3969, "trades": 131,
 "profit_factor": 1.87, "exposure": 0.66, "buy_hold_return": 9.0622},
"Auditor's remark — MSFT MACD(8, 21, 5) backtest file\n"
"We traced the reported figures to the engine output for the period 2014-01-02 to 2023-12-29. "
"The file states an initial allocation of $10.0M and a closing value of $6.18M, a total return of "
"518.37% and a CAGR of 20.01%. Risk figures agree with the output: Sharpe 1.02, Sortino 1.41, "
"maximum drawdown 28.43%. The file reports 113 trades at a 39.7% win rate, a profit factor of "
"1.87 and 66% exposure. The comparison with buy-and-hold (906.22%, a shortfall of 387.85 "
"percentage points) is presented fairly. No volatility figure was provided, and we express no "
"view on it.",
[("$6.18M", "final_equity", 61837000.0, "scale10"),
 ("113", "trades", 131, "swap")],
),
(
"fc_r_015", "ko",
{"symbol": "006400", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2.5},
 "start": "2020-01-02", "end": "2023-12-28", "initial_cash": 100000000,
 "final_equity": 199210000.0, "total_return": 0.9921, "cagr": 0.1887, "sharpe": 0.52,
 "sortino": 0.73, "max_drawdown": -0.4822, "volatility": 0.471, "win_rate": 0.4783, "trades": 23,
 "profit_factor": 1.96, "exposure": 0.38, "buy_hold_return": 0.5733},
"[외부 검토 의견 — 삼성SDI(006400) 볼린저 밴드 돌파 전략]\n"
"검토 범위: 2020년 1월 2일부터 2023년 12월 28일까지의 백테스트(밴드 20일, 2.5표준편차).\n"
"확인 사항: 초기 자본 1억 원, 최종 평가액 1억 9,921만 원, 누적 수익률 99.21% 및 연환산 수익률 "
"18.87%는 원장과 일치함을 확인하였음. 샤프 0.52, 소르티노 0.73, 최대 낙폭 48.22%, 연 변동성 "
"47.1%도 재계산 결과와 부합함.\n"
"거래 내역: 총 23건, 승률 74.8%, 손익비 1.96, 시장 노출 38%.\n"
"비교 지표: 동 기간 보유 수익률 57.33%, 보유 대비 156.54%p 초과로 기재됨.\n"
"의견: 상기 사항 외에 중요한 왜곡 표시는 발견되지 않았음.",
[("74.8%", "win_rate", 0.4783, "swap"),
 ("156.54%p", "excess_return", 0.4188, "excess")],
),
(
"fc_r_016", "en",
{"symbol": "TSLA", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 25, "upper": 75}, "start": "2019-01-02", "end": "2023-12-29",
 "initial_cash": 30000, "final_equity": 91326.0, "total_return": 2.0442, "cagr": 0.25,
 "sharpe": 0.57, "sortino": 0.82, "max_drawdown": -0.5513, "volatility": 0.633,
 "win_rate": 0.7586, "trades": 29, "profit_factor": 2.44, "exposure": 0.31,
 "buy_hold_return": 10.1285},
"TSLA RSI(14) 25/75 REVERSION — BACKTEST TAPE\n"
"WINDOW 2019-01-02 TO 2023-12-29.\n"
"START $30,000, END $91,326.\n"
"TOTAL RETURN +204.42%, CAGR 25.0%.\n"
"BUY-AND-HOLD +1,012.85%.\n"
"STRATEGY VS HOLD +808.43 PTS.\n"
"SHARPE 0.57, SORTINO 0.82.\n"
"MAX DRAWDOWN -55.13%, VOL 63.3%.\n"
"TRADES 22, WIN RATE 75.9%, PF 2.44.\n"
"EXPOSURE 31%.\n"
"END OF TAPE.",
[("+808.43", "excess_return", -8.0843, "sign"),
 ("22", "trades", 29, "trades")],
),
(
"fc_r_017", "ko",
{"symbol": "105560", "strategy": "sma_cross", "params": {"fast": 20, "slow": 120},
 "start": "2015-01-02", "end": "2024-12-30", "initial_cash": 1000000000000,
 "final_equity": 1527100000000.0, "total_return": 0.5271, "cagr": 0.0433, "sharpe": 0.33,
 "sortino": 0.44, "max_drawdown": -0.3027, "volatility": 0.208, "win_rate": 0.4667, "trades": 15,
 "profit_factor": 1.81, "exposure": 0.63, "buy_hold_return": 0.8915},
"[체결 테이프] KB금융(105560) 20일·120일선 교차\n"
"기간 2015.01.02~2024.12.30.\n"
"운용 원금 1조 원.\n"
"기말 평가액 약 1.6조 원.\n"
"순이익 5조 2,710억 원.\n"
"누적 수익률 52.71%, 연 4.33%.\n"
"보유 전략 89.15% 대비 36.44%p 열위.\n"
"샤프 0.33, 소르티노 0.44.\n"
"최대 낙폭 30.27%, 변동성 20.8%.\n"
"거래 15건, 승률 46.7%, 손익비 1.81.\n"
"시장 노출 63%.\n"
"테이프 끝.",
[("5조 2,710억", "net_profit", 527100000000.0, "scale10")],
),
(
"fc_r_018", "en",
{"symbol": "GLD", "strategy": "buy_and_hold", "start": "2019-01-02", "end": "2024-12-31",
 "initial_cash": 2000000, "final_equity": 4091600.0, "total_return": 1.0458, "cagr": 0.1268,
 "sharpe": 0.71, "max_drawdown": -0.2094, "volatility": 0.142, "buy_hold_return": 1.0458},
"[Podcast transcript — segment on the gold sleeve]\n"
"HOST: So the gold sleeve was simply bought and held?\n"
"GUEST: Right. GLD, bought at the start of January 2019 and held through the last trading day of "
"2024. Six years. Two million dollars in, four million ninety-one thousand six hundred out.\n"
"HOST: What's that as a percentage?\n"
"GUEST: A hundred and four point five eight percent in total, about twelve point seven percent a "
"year.\n"
"HOST: And the ride?\n"
"GUEST: Worst drawdown twenty point nine four percent, volatility fourteen point two, Sharpe zero "
"point seven one.\n"
"HOST: Not bad for a rock.",
[],
),
(
"fc_r_019", "ko",
{"symbol": "017670", "strategy": "rsi_reversion",
 "params": {"period": 9, "lower": 25, "upper": 75}, "start": "2018-01-02", "end": "2020-12-30",
 "initial_cash": 20000000, "final_equity": 19078000.0, "total_return": -0.0461, "cagr": -0.0156,
 "sharpe": -0.03, "sortino": -0.04, "max_drawdown": -0.2175, "volatility": 0.198,
 "win_rate": 0.5417, "trades": 24, "profit_factor": 0.92, "exposure": 0.27,
 "buy_hold_return": -0.1227},
"[팟캐스트 '퀀트 수다' 녹취]\n"
"진행자: 이번엔 SK텔레콤이죠? 통신주로 RSI를 돌리셨다고요.\n"
"게스트: 네, RSI 기간을 9일로 짧게 잡고 25 밑에서 사서 75 위에서 팔았어요. 2018년 초부터 "
"2020년 말까지 3년이요.\n"
"진행자: 결과는요?\n"
"게스트: 2천만 원이 1,907만 8천 원이 됐어요. 4.61% 손실, 연으로 치면 1.56% 손실이고요.\n"
"진행자: 에이, 잃으셨네.\n"
"게스트: 그런데 그냥 들고 있었으면 12.27% 손실이었거든요. 7.66%p를 덜 잃은 거죠.\n"
"진행자: 매매는 얼마나 하셨어요?\n"
"게스트: 스물네 번이요. 이긴 비율이 54.2%, 손익비 0.92, 시장에 들어가 있던 비중은 27%.\n"
"진행자: 위험 지표도 불러 주세요.\n"
"게스트: 샤프 -0.03, 소르티노 -0.04, 최대 낙폭 21.75%, 변동성 19.8%예요.",
[],
),
(
"fc_r_020", "en",
{"symbol": "KO", "strategy": "ema_cross", "params": {"fast": 20, "slow": 50},
 "start": "2010-01-04", "end": "2019-12-31", "initial_cash": 150000, "final_equity": 219495.0,
 "total_return": 0.4633, "cagr": 0.0389, "sharpe": 0.38, "sortino": 0.51,
 "max_drawdown": -0.1741, "volatility": 0.151, "win_rate": 0.3654, "trades": 52,
 "profit_factor": 1.41, "exposure": 0.69, "buy_hold_return": 1.0087},
"[Transcript — 'Slow Money' podcast]\n"
"HOST: Coca-Cola, twenty-over-fifty EMA cross, January 2010 through December 2019. How'd it do?\n"
"GUEST: A hundred fifty thousand dollars grew to two hundred nineteen thousand four hundred "
"ninety-five. Forty-six point three three percent over ten years, call it three point eight nine "
"percent a year.\n"
"HOST: And just holding the stock?\n"
"GUEST: A hundred point eight seven percent. So the crossover trailed by fifty-four point five "
"four points.\n"
"HOST: Ouch. Risk side?\n"
"GUEST: Sharpe zero point three eight, Sortino zero point five one, max drawdown seventeen point "
"four one percent, vol fifteen point one.\n"
"HOST: Trades?\n"
"GUEST: Fifty-two, with a thirty-six point five percent win rate and a profit factor of one "
"point four one. Invested sixty-nine percent of the time.",
[],
),
(
"fc_r_021", "ko",
{"symbol": "207940", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2021-01-04", "end": "2024-12-30", "initial_cash": 50000000,
 "final_equity": 42240000.0, "total_return": -0.1552, "cagr": -0.0414, "sharpe": -0.12,
 "sortino": -0.15, "max_drawdown": -0.3806, "volatility": 0.298, "win_rate": 0.3556,
 "trades": 45, "profit_factor": 0.86, "exposure": 0.51, "buy_hold_return": -0.1103},
"투자위원회 회의록 (발췌)\n"
"상정 안건: 삼성바이오로직스(207940) MACD(12·26·9) 추세 전략\n"
"발표 요지: 2021년 1월 4일 ~ 2024년 12월 30일, 원금 5,000만 원 → 4,224만 원(776만 원 손실). "
"누적 -15.52%, 연환산 -4.2%. 같은 기간 보유 수익률은 -11.03%로, 전략이 보유 대비 4.49%p 앞섬.\n"
"위원 의견: 최대 낙폭 38.06%, 변동성 29.8%에 샤프 -0.12, 소르티노 -0.15라면 위험 대비 보상이 "
"없음. 45회 거래 중 승률 35.6%, 손익비 0.86, 노출 51%.\n"
"의결: 부결.",
[("-4.2%", "cagr", -0.0414, "rounding"),
 ("4.49%p", "excess_return", -0.0449, "sign")],
),
(
"fc_r_022", "en",
{"symbol": "AMZN", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2016-01-04", "end": "2020-12-31", "initial_cash": 60000, "final_equity": 112296.0,
 "total_return": 0.8716, "cagr": 0.1338, "sharpe": 0.61, "sortino": 0.86,
 "max_drawdown": -0.2412, "volatility": 0.289, "win_rate": 0.7714, "trades": 35,
 "profit_factor": 2.03, "exposure": 0.36, "buy_hold_return": 3.9542},
"MINUTES — Investment Committee, systematic strategies session\n"
"The presenter walked through an AMZN Bollinger-band reversion test (20-day bands, 2 standard "
"deviations) covering January 4, 2016 to December 31, 2020.\n"
"• Capital: $60,000 to $112,296, i.e. +87.16% and a CAGR of 13.3%.\n"
"• Benchmark: buy-and-hold returned 395.42%; the strategy fell short by 308.26 percentage "
"points.\n"
"• Risk: Sharpe 0.61, Sortino 0.86, max drawdown 24.12%, volatility 28.9%.\n"
"• Activity: 35 trades, win rate 77.1%, profit factor 2.03, exposure 77%.\n"
"Committee view: a mean-reversion rule on a trending mega-cap is the wrong tool; no allocation.",
[("13.3%", "cagr", 0.1338, "rounding"),
 ("77%", "exposure", 0.36, "attribution")],
),
(
"fc_r_023", "ko",
{"symbol": "000270", "strategy": "sma_cross", "params": {"fast": 5, "slow": 60},
 "start": "2020-03-02", "end": "2024-02-29", "initial_cash": 300000000,
 "final_equity": 1001370000.0, "total_return": 2.3379, "cagr": 0.3522, "sharpe": 1.11,
 "sortino": 1.58, "max_drawdown": -0.2468, "volatility": 0.334, "win_rate": 0.6316, "trades": 19,
 "profit_factor": 3.37, "exposure": 0.68, "buy_hold_return": 2.9104},
"기아(000270): 5일/60일 이평 교차 전략, 코로나 저점 이후 구간 성과 양호\n"
"▶ 2019년 3월 2일~2024년 2월 29일 백테스트 결과, 초기 자본 3억 원은 10억 137만 원으로 "
"증가(2.34배). 누적 수익률 233.79%, 연평균 35.22%.\n"
"▶ 다만 동 기간 주가 자체는 291.04% 상승해 전략이 57.25%p 하회.\n"
"▶ 위험조정 성과: 샤프 1.11, 소르티노 1.58, 최대 낙폭 24.68%, 변동성 33.4%.\n"
"▶ 거래 19회, 승률 63.2%, 손익비 3.37, 노출 68%.\n"
"▶ 시사점: 추세 추종 규칙 특성상 급반등 초입을 놓치는 구조. 보유 전략 대비 열위는 불가피.",
[("2019년", "start", "2020-03-02", "date"),
 ("2.34배", "equity_multiple", 3.3379, "multiple")],
),
(
"fc_r_024", "en",
{"symbol": "IWM", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2021-01-04", "end": "2022-12-30", "initial_cash": 500000, "final_equity": 403700.0,
 "total_return": -0.1926, "cagr": -0.1022, "sharpe": -0.58, "sortino": -0.73,
 "max_drawdown": -0.2801, "volatility": 0.238, "win_rate": 0.2857, "trades": 49,
 "buy_hold_return": -0.2213},
"Posted in r/algotrading\n"
"Title: MACD on IWM through the 2021–2022 chop — lost money, still beat holding?\n\n"
"Ran the textbook 12/26/9 MACD cross on IWM from 2021-01-04 to 2022-12-30. Account went from "
"$500k to $403.7k, so -19.26% (-10.22% annualized). Sharpe -0.58, Sortino -0.73, max drawdown "
"28.01%, vol 23.8%. 49 trades, only 28.6% winners.\n\n"
"Small caps buy-and-hold did -22.13% over those two years, so technically I beat it by 41.39 "
"points, lol. Not sure whether to laugh or cry. Has anybody tried adding a trend filter?",
[("41.39", "excess_return", 0.0287, "excess")],
),
(
"fc_r_025", "ko",
{"symbol": "086520", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2022-01-03", "end": "2023-12-28", "initial_cash": 10000000,
 "final_equity": 51783000.0, "total_return": 4.1783, "cagr": 1.2924, "sharpe": 1.35,
 "sortino": 2.02, "max_drawdown": -0.5361, "volatility": 0.884, "win_rate": 0.6154, "trades": 13,
 "profit_factor": 5.21, "exposure": 0.41, "buy_hold_return": 6.9416},
"[주식 스터디 단톡]\n"
"수아: 에코프로 볼밴 돌파 돌려본 사람?\n"
"태현: 나 ㅋㅋ 20일 2시그마로 22년 1월 3일~23년 12월 28일\n"
"태현: 천만 원 → 5,178만 원. +417.83%\n"
"수아: 미쳤다\n"
"도윤: 연으로 129.24%네 ㄷㄷ\n"
"태현: 근데 그냥 존버했으면 694.16%였음 ㅋㅋㅋ 276.33%p 덜 먹음\n"
"수아: 존버가 답이었네\n"
"태현: MDD 53.61%, 변동성 88.4%라 멘탈은 터짐\n"
"도윤: 샤프는?\n"
"태현: 샤프 1.35, 소르티노 2.02, 매매 13번, 승률 61.5%, PF 5.21, 노출 41%",
[],
),
(
"fc_r_026", "en",
{"symbol": "JPM", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
 "start": "2013-01-02", "end": "2022-12-30", "initial_cash": 1000000, "final_equity": 2356400.0,
 "total_return": 1.3564, "cagr": 0.0896, "sharpe": 0.47, "sortino": 0.63,
 "max_drawdown": -0.3389, "volatility": 0.232, "win_rate": 0.625, "trades": 8,
 "profit_factor": 3.02, "exposure": 0.74, "buy_hold_return": 2.0931},
"Ran the classic 50/200 golden cross on $JPM from Jan 2012 to Dec 2022. Thread 👇\n\n"
"$1M in, $2.36M out. +135.64% total, 8.96% CAGR over ten years.\n\n"
"Max drawdown 33.89%, vol 23.2%, Sharpe 0.47, Sortino 0.63.\n\n"
"Just 8 trades. 63% of them winners, profit factor 3.02, in the market 74% of the time.\n\n"
"Holding JPM the whole way: +209.31%. The cross trailed by 73.67 pts. Simplicity has a price.",
[("2012", "start", "2013-01-02", "date")],
),
(
"fc_r_027", "ko",
{"symbol": "015760", "strategy": "buy_and_hold", "start": "2016-01-04", "end": "2023-12-28",
 "initial_cash": 100000000, "final_equity": 39880000.0, "total_return": -0.6012, "cagr": -0.1088,
 "sharpe": -0.31, "sortino": -0.39, "max_drawdown": -0.7341, "volatility": 0.293,
 "buy_hold_return": -0.6012},
"한국전력을 8년 동안 그냥 들고 있었다면? 😱\n\n"
"오늘은 전략 없이 한국전력(015760)을 사서 묵혀 둔 결과를 살펴봤어요. 2016년 1월 4일에 1억 원어치 "
"사서 2023년 12월 28일까지 그대로 뒀다고 가정했어요.\n\n"
"결과는… 3,988만 원만 남았어요. 누적으로 60.12% 손실이에요. 연평균으로 따지면 매년 10.88%씩 "
"불어난 셈이고요.\n\n"
"최대 낙폭은 29.3%까지 찍었고, 샤프는 -0.31, 소르티노는 -0.39였어요. 전기요금 이슈가 "
"길어지면서 회복을 못 했어요. 다음 글에서는 이동평균 필터를 씌워 볼게요!",
[("10.88%", "cagr", -0.1088, "sign"),
 ("29.3%", "max_drawdown", -0.7341, "attribution")],
),
(
"fc_r_028", "en",
{"symbol": "META", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2020-01-02", "end": "2024-12-31",
 "initial_cash": 100000, "final_equity": 211270.0, "total_return": 1.1127, "cagr": 0.1615,
 "sharpe": 0.52, "sortino": 0.69, "max_drawdown": -0.6116, "volatility": 0.452,
 "win_rate": 0.7619, "trades": 21, "profit_factor": 2.68, "exposure": 0.33,
 "buy_hold_return": 1.9783},
"Subject: META RSI backtest — numbers for Thursday's review\n\n"
"Hi Priya,\n\n"
"Quick summary of the META run (RSI 14, buy under 30, sell over 70), 2020-01-02 through "
"2024-12-31:\n\n"
"* $100,000 grew to $211,270, a 111.27% gain, or 16.15% per year.\n"
"* Buy-and-hold did 197.83%, so we lagged it by 86.56 points.\n"
"* Sharpe 0.52 / Sortino 0.96; the max drawdown was a painful 61.16%, with 45.2% volatility.\n"
"* sixteen trades, 76.2% of them profitable, profit factor 2.68, 33% time in market.\n\n"
"Happy to walk through the trade log if useful.\n\n"
"Cheers,\n"
"Tom\n"
"--\n"
"Tom Okafor\n"
"Quant Research, Northgate Partners",
[("0.96", "sortino", 0.69, "swap"),
 ("sixteen", "trades", 21, "trades")],
),
(
"fc_r_029", "ko",
{"symbol": "012330", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
 "start": "2014-01-02", "end": "2023-12-28", "initial_cash": 50000000,
 "final_equity": 39255000.0, "total_return": -0.2149, "cagr": -0.0239, "sharpe": -0.07,
 "sortino": -0.1, "max_drawdown": -0.4422, "volatility": 0.262, "win_rate": 0.3295, "trades": 88,
 "exposure": 0.5, "buy_hold_return": -0.3377},
"제목: [검토 요청] 현대모비스 EMA 교차 10년 백테스트\n\n"
"이 팀장님, 안녕하세요.\n\n"
"현대모비스(012330) 12일/26일 EMA 교차 전략을 2014-01-02부터 2023-12-28까지 10년간 돌린 결과를 "
"공유드립니다.\n\n"
"원금 5,000만 원은 최종 3억 9,255만 원이 되어 누적 21.49% 손실(연 2.39% 손실)을 기록했습니다. "
"같은 기간 보유했다면 33.77% 손실이었으므로, 보유 대비로는 12.28%p 선방했습니다.\n\n"
"샤프 -0.07, 소르티노 -0.10, 최대 낙폭 44.22%, 변동성 26.2%이고, 거래는 88회(승률 32.95%), "
"시장 노출은 50%였습니다.\n\n"
"검토 후 의견 주시면 반영하겠습니다.\n\n"
"정민호 드림\n"
"리스크관리본부 퀀트분석파트",
[("3억 9,255만", "final_equity", 39255000.0, "scale10")],
),
(
"fc_r_030", "en",
{"symbol": "000660", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2020-01-02", "end": "2024-12-30", "initial_cash": 1000000000,
 "final_equity": 1684500000.0, "total_return": 0.6845, "cagr": 0.1101, "sharpe": 0.43,
 "sortino": 0.6, "max_drawdown": -0.3571, "volatility": 0.367, "win_rate": 0.6591, "trades": 44,
 "profit_factor": 1.62, "exposure": 0.39, "buy_hold_return": 1.3182},
"run:\n"
"  ticker: 000660 (SK hynix)\n"
"  strategy: bollinger_reversion\n"
"  params: {period: 20, k: 2}\n"
"  from: 2020-01-02\n"
"  to: 2024-12-30\n"
"money:\n"
"  initial: KRW 1bn\n"
"  final: KRW 1.68bn\n"
"  profit: KRW 684.5 million\n"
"performance:\n"
"  total_return: 68.45%\n"
"  cagr: 11.01%\n"
"  buy_and_hold: 131.82%\n"
"  excess: -6,337bp\n"
"  sharpe: 0.43\n"
"  sortino: 0.60\n"
"  max_drawdown: 35.71%\n"
"  volatility: 36.7%\n"
"trading:\n"
"  trades: 44\n"
"  win_rate: 65.9%\n"
"  profit_factor: 1.62\n"
"  exposure: 39%",
[],
),
(
"fc_r_031", "ko",
{"symbol": "028260", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2017-01-02", "end": "2019-12-30",
 "initial_cash": 40000000, "final_equity": 44676000.0, "total_return": 0.1169, "cagr": 0.0377,
 "sharpe": 0.17, "sortino": 0.22, "max_drawdown": -0.1944, "volatility": 0.219,
 "win_rate": 0.6875, "trades": 16, "profit_factor": 1.34, "exposure": 0.24,
 "buy_hold_return": -0.0635},
"백테스트_요약:\n"
"  종목: 삼성물산(028260)\n"
"  전략: RSI 역추세\n"
"  설정: {기간: 14, 매수: 30, 매도: 70}\n"
"  구간: 17.01.02 ~ 19.12.30\n"
"  자본: 4,000만 원 → 4,467만 6천 원\n"
"  수익률: {누적: 11.69%, 연환산: 3.77%}\n"
"  보유_수익률: -6.35%\n"
"  초과: +18.04%p\n"
"  위험: {샤프: 0.17, 소르티노: 0.22, 최대낙폭: -19.44%, 변동성: 21.9%}\n"
"  매매: {횟수: 16, 승률: 68.8%, 손익비: 1.34, 노출: 24%}",
[],
),
(
"fc_r_032", "en",
{"symbol": "DIS", "strategy": "sma_cross", "params": {"fast": 20, "slow": 100},
 "start": "2018-01-02", "end": "2023-12-29", "initial_cash": 80000, "final_equity": 60208.0,
 "total_return": -0.2474, "cagr": -0.0464, "sharpe": -0.22, "sortino": -0.28,
 "max_drawdown": -0.4905, "volatility": 0.283, "win_rate": 0.3333, "trades": 27,
 "profit_factor": 0.74, "exposure": 0.58, "buy_hold_return": -0.1875},
"DIS | SMA 20/100 crossover | 2018-01-02 → 2023-12-29\n"
"Metric\tStrategy\tBuy & hold\n"
"Total return\t-24.74%\t-18.75%\n"
"CAGR\t-4.64%\t—\n"
"Start → end value\t$80,000 → $60,208\t—\n"
"Net P&L\t+$19,792\t—\n"
"Sharpe\t-0.22\t—\n"
"Sortino\t-0.82\t—\n"
"Max drawdown\t49.05%\t—\n"
"Volatility\t28.3%\t—\n"
"Trades / win rate\t27 / 33.3%\t—\n"
"Profit factor\t0.74\t—\n"
"Exposure\t58%\t—\n"
"Gap vs hold\t-5.99 pp\t—",
[("+$19,792", "net_profit", -19792.0, "sign"),
 ("-0.82", "sortino", -0.28, "swap")],
),
(
"fc_r_033", "ko",
{"symbol": "247540", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2020-01-02", "end": "2023-12-28", "initial_cash": 20000000,
 "final_equity": 93234000.0, "total_return": 3.6617, "cagr": 0.4713, "sharpe": 0.98,
 "sortino": 1.45, "max_drawdown": -0.5127, "volatility": 0.622, "win_rate": 0.4528, "trades": 53,
 "profit_factor": 2.41, "exposure": 0.56, "buy_hold_return": 7.2281},
"에코프로비엠(247540) MACD 12·26·9 백테스트\n"
"구분\t수치\n"
"기간\t2020/01/02–2023/12/28\n"
"투자금\t2,000만 원\n"
"평가금\t9,323만 원\n"
"수익률\t366.17%\n"
"연환산\t47.13%\n"
"보유 수익률\t722.81%\n"
"보유 대비\t-356.64%p\n"
"샤프\t1.45\n"
"최대 낙폭\t51.27%\n"
"변동성\t62.2%\n"
"거래 횟수\t53회\n"
"승률\t45.3%\n"
"손익비\t2.41\n"
"시장 노출\t56%",
[("1.45", "sharpe", 0.98, "attribution")],
),
(
"fc_r_034", "en",
{"symbol": "SMH", "strategy": "ema_cross", "params": {"fast": 10, "slow": 40},
 "start": "2016-01-04", "end": "2024-12-31", "initial_cash": 5000000, "final_equity": 36129000.0,
 "total_return": 6.2258, "cagr": 0.246, "sharpe": 1.06, "sortino": 1.49, "max_drawdown": -0.3655,
 "volatility": 0.301, "win_rate": 0.4483, "trades": 58, "profit_factor": 2.35, "exposure": 0.7,
 "buy_hold_return": 11.4437},
"Auditor's note (performance attestation, SMH 10/40 EMA crossover)\n"
"Scope: simulated results from 4 January 2016 to 31 December 2024, a nine-year span.\n"
"We recomputed the ending equity of approximately $35 million from the starting $5,000,000 and "
"the reported total return of 622.58%; the figures reconcile. The compound annual rate of 24.6% "
"is consistent with the period.\n"
"Risk statistics agreed to source: Sharpe 1.06, Sortino 1.49, maximum drawdown 36.55%, "
"volatility 30.1%.\n"
"Trade statistics: 58 trades, 44.8% winning, profit factor 2.35, 70% exposure.\n"
"The presentation discloses that buy-and-hold returned 1,144.37%, i.e. the strategy "
"underperformed by 521.79 percentage points. We consider this disclosure adequate.",
[],
),
(
"fc_r_035", "ko",
{"symbol": "033780", "strategy": "buy_and_hold", "start": "2014-01-02", "end": "2018-12-28",
 "initial_cash": 30000000, "final_equity": 41445000.0, "total_return": 0.3815, "cagr": 0.067,
 "sharpe": 0.29, "max_drawdown": -0.2337, "volatility": 0.197, "buy_hold_return": 0.3815},
"감사 의견 메모 — KT&G(033780) 보유 전략 성과 보고서\n"
"대상 기간: 2014.1.2 ~ 2018.12.28 (5개년)\n"
"가. 최초 투입 3,000만 원, 기말 평가 4,144만 5천 원, 순이익 1,144만 5천 원으로 보고되었으며 원 "
"자료와 일치함.\n"
"나. 누적 수익률 38.15%, 연복리 환산 6.7%는 계산상 오류 없음.\n"
"다. 샤프 비율 0.29, 최대 낙폭 23.37%, 연 변동성 19.7%는 일별 수익률 기준 재산출치와 부합함.\n"
"라. 매수 후 보유 전략이므로 거래 통계는 해당 사항 없음.\n"
"종합 의견: 적정.",
[],
),
(
"fc_r_036", "en",
{"symbol": "NFLX", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2017-01-03", "end": "2021-12-31", "initial_cash": 250000, "final_equity": 943300.0,
 "total_return": 2.7732, "cagr": 0.3048, "sharpe": 0.93, "sortino": 1.34,
 "max_drawdown": -0.3814, "volatility": 0.421, "win_rate": 0.5909, "trades": 22,
 "profit_factor": 3.11, "exposure": 0.44, "buy_hold_return": 3.6214},
"NFLX BB BREAKOUT 20/2.\n"
"TEST RAN JAN 3 2016 → DEC 31 2021.\n"
"$250K SEED GREW TO $9.43M.\n"
"TOTAL +277.32%.\n"
"ANNUALIZED 30.4%.\n"
"HOLDING NFLX: +362.14%.\n"
"SHORTFALL VS HOLD: 84.82 PTS.\n"
"SHARPE 0.93 / SORTINO 1.34.\n"
"WORST DRAWDOWN 38.14%.\n"
"VOLATILITY 42.1%.\n"
"22 TRADES, 59.1% WINNERS, PF 3.11.\n"
"IN MARKET 44% OF DAYS.\n"
"TAPE ENDS.",
[("2016", "start", "2017-01-03", "date"),
 ("$9.43M", "final_equity", 943300.0, "scale10"),
 ("30.4%", "cagr", 0.3048, "rounding")],
),
(
"fc_r_037", "ko",
{"symbol": "066570", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
 "start": "2019-01-02", "end": "2024-12-30", "initial_cash": 100000000,
 "final_equity": 109360000.0, "total_return": 0.0936, "cagr": 0.015, "sharpe": 0.09,
 "sortino": 0.12, "max_drawdown": -0.3468, "volatility": 0.321, "win_rate": 0.3243, "trades": 37,
 "profit_factor": 1.06, "exposure": 0.53, "buy_hold_return": 0.4721},
"LG전자(066570) 20일선·60일선 교차 백테스트 속보.\n"
"기간은 2019년 1월 2일부터 2024년 12월 30일까지, 6년.\n"
"1억 원이 1억 936만 원으로 늘었다.\n"
"누적 수익률 9.36%, 연 1.5%.\n"
"같은 기간 주가는 47.21% 올랐다.\n"
"보유 대비 37.85%p 뒤처졌다.\n"
"샤프 0.09, 소르티노 0.12.\n"
"최대 낙폭 34.68%, 변동성 32.1%.\n"
"매매 37회, 승률 32.4%.\n"
"손익비 1.06, 노출 53%.\n"
"이상.",
[],
),
(
"fc_r_038", "en",
{"symbol": "XOM", "strategy": "rsi_reversion",
 "params": {"period": 21, "lower": 30, "upper": 70}, "start": "2014-01-02", "end": "2023-12-29",
 "initial_cash": 400000, "final_equity": 508640.0, "total_return": 0.2716, "cagr": 0.0243,
 "sharpe": 0.14, "sortino": 0.19, "max_drawdown": -0.4107, "volatility": 0.262, "win_rate": 0.72,
 "trades": 25, "profit_factor": 1.31, "exposure": 0.22, "buy_hold_return": 0.5312},
"[Transcript — 'Energy Desk' podcast]\n"
"HOST: Exxon, RSI with a twenty-one day lookback, buy under thirty, sell over seventy. Ten years, "
"2014 to 2023.\n"
"GUEST: Four hundred thousand dollars became five hundred eight thousand six hundred forty. "
"Twenty-seven point one six percent, which is two point four three percent a year.\n"
"HOST: That's thin.\n"
"GUEST: It is. Holding Exxon did fifty-three point one two percent, so we were twenty-five point "
"nine six points behind.\n"
"HOST: Risk?\n"
"GUEST: Max drawdown forty-one point zero seven percent, vol twenty-six point two, Sharpe zero "
"point one four, Sortino zero point one nine.\n"
"HOST: And the trades?\n"
"GUEST: Twenty-five trades, seventy-two percent winners, profit factor one point three one, and "
"only twenty-two percent of days invested.",
[],
),
(
"fc_r_039", "ko",
{"symbol": "003550", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2018-01-02", "end": "2021-12-30", "initial_cash": 60000000,
 "final_equity": 52272000.0, "total_return": -0.1288, "cagr": -0.034, "sharpe": -0.11,
 "sortino": -0.14, "max_drawdown": -0.2961, "volatility": 0.241, "win_rate": 0.3387,
 "trades": 62, "profit_factor": 0.88, "exposure": 0.48, "buy_hold_return": -0.0827},
"[팟캐스트 녹취 — 지주사 특집]\n"
"진행자: LG에 MACD를 걸어 보셨다고요. 설정은요?\n"
"게스트: 교과서 그대로 12, 26, 9요. 2018년 1월 2일부터 2021년 12월 30일까지 4년 돌렸습니다.\n"
"진행자: 결과부터 듣죠.\n"
"게스트: 6천만 원이 5,227만 2천 원으로 줄었어요. 12.88% 손실이고, 연 3.4% 손실입니다.\n"
"진행자: 주가는요?\n"
"게스트: 주가는 8.27% 빠졌으니까, 전략이 4.61%p 더 잃었죠.\n"
"진행자: 매매 횟수는요?\n"
"게스트: 스물한 번 사고팔았고 승률 33.9%, 손익비 0.88이에요. 시장에 들어가 있던 비중은 48%.\n"
"진행자: 위험 지표는요?\n"
"게스트: 샤프 -0.11, 소르티노 -0.14, 최대 낙폭 29.61%, 변동성 24.1%입니다.",
[("스물한", "trades", 62, "trades")],
),
(
"fc_r_040", "en",
{"symbol": "AMD", "strategy": "sma_cross", "params": {"fast": 10, "slow": 50},
 "start": "2019-01-02", "end": "2024-12-31", "initial_cash": 50000, "final_equity": 293675.0,
 "total_return": 4.8735, "cagr": 0.3435, "sharpe": 0.89, "sortino": 1.28,
 "max_drawdown": -0.5892, "volatility": 0.547, "win_rate": 0.3953, "trades": 43,
 "profit_factor": 2.27, "exposure": 0.62, "buy_hold_return": 6.7912},
"[Transcript — 'Chip Talk']\n"
"HOST: AMD with a ten and fifty day moving-average cross. Six years, start of 2019 to the end of "
"2024.\n"
"GUEST: Fifty thousand dollars turned into two hundred ninety-three thousand six hundred "
"seventy-five. Four hundred eighty-seven point three five percent.\n"
"HOST: Wow.\n"
"GUEST: Thirty-four point three five percent a year. But holding AMD made six hundred seventy-nine "
"point one two percent, so the crossover lagged by a hundred ninety-one point seven seven points.\n"
"HOST: And the pain?\n"
"GUEST: Max drawdown fifty-eight point nine two percent, volatility fifty-four point seven. Sharpe "
"zero point eight nine, Sortino one point two eight.\n"
"HOST: Trades?\n"
"GUEST: Forty-three trades, thirty-nine point five percent winners, profit factor two point two "
"seven, invested sixty-two percent of the time.",
[],
),
(
"fc_r_041", "ko",
{"symbol": "373220", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2022-02-03", "end": "2024-12-30", "initial_cash": 100000000,
 "final_equity": 81560000.0, "total_return": -0.1844, "cagr": -0.0678, "sharpe": -0.16,
 "sortino": -0.21, "max_drawdown": -0.3927, "volatility": 0.371, "win_rate": 0.75, "trades": 24,
 "profit_factor": 0.83, "exposure": 0.35, "buy_hold_return": -0.2937},
"투자위원회 회의 결과 보고\n"
"심의 대상: LG에너지솔루션(373220) 볼린저 밴드(20일, 2σ) 역추세 매매\n"
"검증 구간: 상장 직후인 2022년 2월 3일부터 2024년 12월 30일까지\n"
"성과: 1억 원 → 8,156만 원, 누적 18.44% 손실(연 6.78% 손실). 동 기간 보유 시 29.37% 손실이었으므로 "
"10.93%p 덜 잃음.\n"
"위험: 최대 낙폭 39.27%, 변동성 37.1%, 샤프 -0.16, 소르티노 -0.21.\n"
"매매: 24회, 승률 75%, 손익비 0.83(이기는 횟수는 많지만 지는 거래의 손실 폭이 큼), 노출 35%.\n"
"위원장 정리: 승률만 보고 판단하지 말 것. 보류.",
[],
),
(
"fc_r_042", "en",
{"symbol": "HYG", "strategy": "buy_and_hold", "start": "2015-01-02", "end": "2019-12-31",
 "initial_cash": 1000000, "final_equity": 1221300.0, "total_return": 0.2213, "cagr": 0.0408,
 "sharpe": 0.72, "max_drawdown": -0.1147, "buy_hold_return": 0.2213},
"Investment Committee minutes — fixed income sleeve\n"
"Subject: HYG buy-and-hold as the passive reference for the credit allocation.\n"
"Facts presented: $1.0M invested on January 2, 2015 and held to December 31, 2019 grew to $1.22M, "
"a total return of 22.13%, or 4.08% annualised over five years. Sharpe 0.72. Deepest drawdown "
"11.47%.\n"
"Discussion: members asked for a volatility figure, which was not in the pack; the analyst will "
"add it.\n"
"Resolution: adopt as the reference and revisit at the next review.",
[],
),
(
"fc_r_043", "ko",
{"symbol": "259960", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 25, "upper": 75}, "start": "2022-01-03", "end": "2024-12-30",
 "initial_cash": 30000000, "final_equity": 43278000.0, "total_return": 0.4426, "cagr": 0.1304,
 "sharpe": 0.47, "sortino": 0.65, "max_drawdown": -0.3012, "volatility": 0.418,
 "win_rate": 0.7895, "trades": 19, "profit_factor": 2.57, "exposure": 0.28,
 "buy_hold_return": 0.0968},
"크래프톤(259960) — RSI 역추세 전략, 박스권에서 유효성 확인\n"
"[투자 포인트]\n"
"• RSI(14) 기준 20 이하 매수·75 이상 매도 규칙을 22.1.3~24.12.30 구간에 검증.\n"
"• 3,000만 원 투입 시 4,327만 8천 원으로 증가, 누적 수익률 44.26%, 연환산 13.04%.\n"
"• 동 기간 주가 상승률 9.68%를 53.94%p 상회.\n"
"[리스크]\n"
"• 최대 낙폭 30.12%, 변동성 41.8%, 샤프 0.47, 소르티노 0.65.\n"
"• 거래 19회, 승률 78.9%, 손익비 2.57, 시장 노출 28%로 현금 보유 기간이 긺.\n"
"당사 퀀트팀은 박스권 장세가 이어질 경우 동 전략의 상대 우위가 유지될 것으로 전망함.",
[("20", "params.lower", 25, "param"),
 ("53.94%p", "excess_return", 0.3458, "excess")],
),
(
"fc_r_044", "en",
{"symbol": "COST", "strategy": "ema_cross", "params": {"fast": 20, "slow": 100},
 "start": "2015-01-02", "end": "2024-12-31", "initial_cash": 1000000, "final_equity": 5216700.0,
 "total_return": 4.2167, "cagr": 0.1797, "sharpe": 1.12, "sortino": 1.61,
 "max_drawdown": -0.2169, "volatility": 0.198, "win_rate": 0.5714, "trades": 14,
 "profit_factor": 4.43, "exposure": 0.81, "buy_hold_return": 6.3108},
"r/algotrading — [Results] 20/100 EMA trend filter on COST, 2015–2024\n\n"
"TL;DR: $1M → $5.22M (+421.67%, 17.97%/yr, 4.22x). Buy-and-hold still won: +631.08%, so I'm "
"209.41 points behind.\n\n"
"Details for the nerds:\n"
"- Sharpe 1.12 / Sortino 1.61\n"
"- Max DD 21.69%, vol 19.8%\n"
"- 14 trades, 57.1% winners, PF 4.43\n"
"- In the market 81% of the time\n\n"
"Edit: yes I know, just buy Costco and go outside.",
[("4.22x", "equity_multiple", 5.2167, "multiple")],
),
(
"fc_r_045", "ko",
{"symbol": "009150", "strategy": "sma_cross", "params": {"fast": 5, "slow": 20},
 "start": "2019-01-02", "end": "2020-12-30", "initial_cash": 10000000,
 "final_equity": 12938000.0, "total_return": 0.2938, "cagr": 0.138, "sharpe": 0.56,
 "sortino": 0.77, "max_drawdown": -0.2745, "volatility": 0.335, "win_rate": 0.3944, "trades": 71,
 "profit_factor": 1.18, "exposure": 0.51, "buy_hold_return": 0.6381},
"[삼성전기 스터디]\n"
"하린: 5일선 20일선 골든크로스로 삼성전기 19년 1월~20년 12월 돌려봄\n"
"하린: 천만 원이 1,293만 8천 원 됨 → +29.38%, 연 13.8%\n"
"준서: 오 괜찮은데?\n"
"하린: ㄴㄴ 그냥 들고 있었으면 +63.81%. 34.43%p 손해 본 셈\n"
"준서: 헐 ㅋㅋ 매매는 몇 번?\n"
"하린: 17번… 승률 39.5%, PF 1.18\n"
"준서: 변동성은?\n"
"하린: 변동성 27.45%, 샤프 0.56, 소르티노 0.77, 노출 51%\n"
"준서: 수수료 빼면 더 안 좋겠다",
[("17번", "trades", 71, "swap"),
 ("39.5%", "win_rate", 0.3944, "rounding"),
 ("27.45%", "volatility", 0.335, "attribution")],
),
(
"fc_r_046", "en",
{"symbol": "EEM", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
 "start": "2011-01-03", "end": "2020-12-31", "total_return": -0.0514, "cagr": -0.0053,
 "sharpe": -0.01, "sortino": -0.02, "max_drawdown": -0.3316, "volatility": 0.187,
 "win_rate": 0.4375, "trades": 16, "profit_factor": 0.93, "exposure": 0.49,
 "buy_hold_return": 0.0392},
"Emerging markets + golden cross = a lost decade 🧵\n\n"
"$EEM, 50/200-day SMA, Jan 3 2011 → Dec 31 2020.\n\n"
"Result: -5.14% total, -0.53% a year. Buy-and-hold: +3.92%. So the filter cost 9.06 points.\n\n"
"Sharpe -0.01, Sortino -0.02. Max drawdown 33.16%, vol 18.7%.\n\n"
"16 trades, 43.8% winners, PF 0.93, invested 49% of days.\n\n"
"Lesson: trend filters need trends.",
[],
),
(
"fc_r_047", "ko",
{"symbol": "042700", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2023-01-02", "end": "2024-12-30", "initial_cash": 50000000,
 "final_equity": 314230000.0, "total_return": 5.2846, "cagr": 1.5148, "sharpe": 1.68,
 "sortino": 2.61, "max_drawdown": -0.4433, "volatility": 0.718, "win_rate": 0.4643, "trades": 28,
 "profit_factor": 3.92, "exposure": 0.59, "buy_hold_return": 7.0518},
"한미반도체 MACD 백테스트 후기 🚀\n\n"
"안녕하세요, 오늘은 요즘 핫한 한미반도체(042700) 이야기를 해 볼게요. MACD(12, 26, 9) "
"골든크로스에 사고 데드크로스에 파는 방식으로 2023년 1월 2일부터 2024년 12월 30일까지 2년 동안 "
"테스트했어요.\n\n"
"5,000만 원으로 시작해서 3억 1,423만 원이 됐어요! 수익률은 528.46%, 연평균으로는 약 150%예요. "
"원금의 6.28배가 된 거죠.\n\n"
"근데 그냥 사서 들고만 있었으면 705.18%였대요 😅 결국 보유보다 176.72%p 덜 번 거예요.\n\n"
"중간에 최대 44.33%까지 빠진 적도 있었고 변동성도 71.8%라 심장이 쫄깃했어요. 샤프 1.68, "
"소르티노 2.61, 거래 28번, 승률 46.4%, 손익비 3.92, 투자 비중 59%였어요.",
[],
),
(
"fc_r_048", "en",
{"symbol": "005380", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
 "start": "2018-01-02", "end": "2023-12-28", "initial_cash": 500000000,
 "final_equity": 870600000.0, "total_return": 0.7412, "cagr": 0.0971, "sharpe": 0.44,
 "sortino": 0.61, "max_drawdown": -0.3826, "volatility": 0.311, "win_rate": 0.4074, "trades": 27,
 "profit_factor": 1.74, "exposure": 0.57, "buy_hold_return": 0.5027},
"Subject: Hyundai Motor crossover — final figures\n\n"
"Dear Ms. Han,\n\n"
"Please find below the results for Hyundai Motor (005380) using a 20/60-day moving-average "
"crossover from 2 January 2018 to 28 December 2023.\n\n"
"The KRW 500 million starting book closed at KRW 870.6 million, a gain of KRW 370.6 million or "
"74.12% (9.71% annualised). Buy-and-hold returned 50.27%, so the strategy finished 23.9 "
"percentage points ahead.\n\n"
"Risk: Sharpe 0.44, Sortino 0.61, maximum drawdown 38.26%, volatility 31.1%. Activity: 27 trades "
"with a 40.7% hit rate, profit factor 1.74, market exposure 57%.\n\n"
"Kind regards,\n"
"James Whitaker\n"
"Systematic Strategies | Eastbridge Securities",
[],
),
(
"fc_r_049", "ko",
{"symbol": "032830", "strategy": "buy_and_hold", "start": "2019-01-02", "end": "2024-12-30",
 "initial_cash": 50000000, "final_equity": 57260000.0, "total_return": 0.1452, "cagr": 0.0229,
 "sharpe": 0.12, "sortino": 0.16, "max_drawdown": -0.4106, "volatility": 0.238,
 "buy_hold_return": 0.1452},
"제목: 삼성생명 장기 보유 시뮬레이션 결과\n\n"
"고객님께,\n\n"
"문의하신 삼성생명(032830) 장기 보유 시나리오를 계산해 보았습니다. 2019년 1월 2일에 5천만 원을 "
"매수해 2024년 12월 30일까지 보유했다고 가정하면 평가액은 5,726만 원, 수익은 726만 원입니다.\n\n"
"기간 수익률은 14.52%이고 연평균으로는 2.29%입니다. 다만 보유 기간 중 최대 41.06%까지 하락한 "
"구간이 있었고 연 변동성은 23.8%였습니다. 샤프 지수는 0.12, 소르티노 지수는 0.16으로 위험 대비 "
"보상은 낮은 편입니다.\n\n"
"추가로 궁금하신 점은 언제든 연락 주십시오.\n\n"
"PB센터 자산관리팀\n"
"윤서진 드림",
[],
),
(
"fc_r_050", "en",
{"symbol": "GOOGL", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2018-01-02", "end": "2022-12-30",
 "initial_cash": 200000, "final_equity": 306360.0, "total_return": 0.5318, "cagr": 0.0892,
 "sharpe": 0.45, "max_drawdown": -0.2944, "volatility": 0.291, "win_rate": 0.7917, "trades": 24,
 "profit_factor": 2.09, "exposure": 0.26, "buy_hold_return": 0.7985},
"report:\n"
"  asset: GOOGL\n"
"  model: rsi_reversion\n"
"  rsi: {lookback: 14, enter_below: 30, exit_above: 80}\n"
"  dates: [2018-01-02, 2022-12-30]\n"
"  equity: {open: 200000, close: 306360}\n"
"  total_return: 0.5318\n"
"  cagr: 0.0892\n"
"  hold_return: 0.7985\n"
"  relative: -0.2667\n"
"  sharpe: 0.45\n"
"  max_drawdown: -0.2944\n"
"  volatility: 0.291\n"
"  trades: 19\n"
"  win_rate: 0.7917\n"
"  profit_factor: 2.09\n"
"  exposure: 0.26",
[("80", "params.upper", 70, "param"),
 ("19", "trades", 24, "trades")],
),
(
"fc_r_051", "ko",
{"symbol": "055550", "strategy": "ema_cross", "params": {"fast": 5, "slow": 20},
 "start": "2020-01-02", "end": "2024-12-30", "initial_cash": 100000000,
 "final_equity": 122070000.0, "total_return": 0.2207, "cagr": 0.0407, "sharpe": 0.24,
 "sortino": 0.33, "max_drawdown": -0.3388, "volatility": 0.272, "win_rate": 0.3974, "trades": 78,
 "profit_factor": 1.16, "exposure": 0.49, "buy_hold_return": 0.2814},
"신한지주_EMA교차:\n"
"  코드: 055550\n"
"  이평: [5, 20]\n"
"  시작일: 2020년 1월 2일\n"
"  종료일: 2024년 12월 30일\n"
"  원금: 1억\n"
"  평가액: 1억 2,207만\n"
"  누적수익률: 22.07%\n"
"  CAGR: 4.07%\n"
"  보유수익률: 28.14%\n"
"  보유대비: +6.07%p\n"
"  샤프: 0.24\n"
"  소르티노: 0.33\n"
"  MDD: -33.88%\n"
"  변동성: 27.2%\n"
"  거래수: 78회\n"
"  승률: 39.7%\n"
"  PF: 1.16\n"
"  노출: 49%",
[("+6.07%p", "excess_return", -0.0607, "sign")],
),
(
"fc_r_052", "en",
{"symbol": "BA", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2.5},
 "start": "2019-01-02", "end": "2023-12-29", "initial_cash": 120000, "final_equity": 77508.0,
 "total_return": -0.3541, "cagr": -0.0839, "sharpe": -0.23, "sortino": -0.29,
 "max_drawdown": -0.6228, "volatility": 0.512, "win_rate": 0.7143, "trades": 14,
 "profit_factor": 0.79, "exposure": 0.28, "buy_hold_return": -0.4103},
"Boeing (BA) — Bollinger reversion, 20 days / 2.0 sd\n"
"From\tTo\tStart $\tEnd $\n"
"2019-01-02\t2023-12-29\t120,000\t77,508\n"
"Return\tCAGR\tB&H\tvs B&H\n"
"-35.41%\t-8.39%\t-41.03%\t-5.62 pp\n"
"Sharpe\tSortino\tMax DD\tVol\n"
"-0.23\t-0.29\t-62.28%\t51.2%\n"
"Trades\tWin %\tPF\tExposure\n"
"14\t71.4%\t0.79\t28%",
[("2.0", "params.k", 2.5, "param"),
 ("-5.62", "excess_return", 0.0562, "sign")],
),
(
"fc_r_053", "ko",
{"symbol": "010130", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
 "start": "2015-01-02", "end": "2019-12-30", "initial_cash": 200000000,
 "final_equity": 282140000.0, "total_return": 0.4107, "cagr": 0.0714, "sharpe": 0.35,
 "sortino": 0.47, "max_drawdown": -0.2216, "volatility": 0.243, "win_rate": 0.4211, "trades": 19,
 "profit_factor": 1.69, "exposure": 0.52, "buy_hold_return": 0.6624},
"고려아연(010130)\t20일·60일 SMA 교차\n"
"시작\t2015-01-02\n"
"종료\t2019-12-30\n"
"원금\t2억 원\n"
"평가액\t2억 8,214만 원\n"
"순이익\t8,214만 원\n"
"수익률\t+41.07%\n"
"CAGR\t+7.14%\n"
"단순 보유\t+66.24%\n"
"차이\t-2,517bp\n"
"샤프\t0.35\n"
"소르티노\t0.47\n"
"MDD\t-22.16%\n"
"변동성\t24.3%\n"
"매매\t19회\n"
"승률\t42.1%\n"
"PF\t1.69\n"
"노출\t52%",
[],
),
(
"fc_r_054", "en",
{"symbol": "V", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2017-01-03", "end": "2024-12-31", "initial_cash": 3000000, "final_equity": 8229900.0,
 "total_return": 1.7433, "cagr": 0.1346, "sharpe": 0.72, "sortino": 0.98,
 "max_drawdown": -0.2511, "volatility": 0.224, "win_rate": 0.4021, "trades": 97,
 "profit_factor": 1.62, "exposure": 0.57, "buy_hold_return": 2.6861},
"Independent reviewer's remark\n"
"Engagement: Visa (V) MACD 12/26/9 crossover, simulated 3 January 2017 to 31 December 2024 "
"(eight years).\n"
"We agreed the starting capital of $3,000,000 and the ending equity of $8,229,900 to the ledger; "
"the implied total return of 174.33% and CAGR of 13.46% recompute without difference. Net gain "
"$5.23M.\n"
"Sharpe 0.72 and Sortino 0.98 were recomputed from daily returns. Maximum drawdown 25.11%; "
"annualised volatility 22.4%.\n"
"The strategy executed 97 trades; 40.2% were profitable; profit factor 1.62; exposure 57%.\n"
"Buy-and-hold over the same window returned 268.61%. The report correctly states that the "
"strategy trailed by 94.28 percentage points.\n"
"No exceptions noted.",
[],
),
(
"fc_r_055", "ko",
{"symbol": "096770", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2021-01-04", "end": "2023-12-28",
 "initial_cash": 70000000, "final_equity": 63126000.0, "total_return": -0.0982, "cagr": -0.0341,
 "sharpe": -0.07, "sortino": -0.09, "max_drawdown": -0.3524, "volatility": 0.356,
 "win_rate": 0.7059, "trades": 17, "profit_factor": 0.89, "exposure": 0.29,
 "buy_hold_return": -0.3248},
"[검토 의견] SK이노베이션(096770) RSI(14, 30/70) 역추세 전략 성과 자료\n"
"검토 대상: 2021년 1월 4일부터 2022년 12월 28일까지의 모의 운용 결과.\n"
"검토 결과, 초기 자본 7,000만 원과 기말 평가액 6,312만 6천 원은 원장과 일치하며, 이에 따른 "
"누적 수익률 -9.82% 및 연환산 -3.41%도 정확함. 비교 기준인 보유 전략 수익률은 -32.48%로, "
"전략이 22.66%p 우위에 있다는 기재 내용도 타당함.\n"
"위험 지표(샤프 -0.07, 소르티노 -0.09, 최대 낙폭 35.24%, 변동성 35.6%)는 재계산 결과와 부합함.\n"
"거래 건수는 15건으로 기재되어 있으며 승률 70.6%, 손익비 0.89, 노출 29%와 함께 확인함.\n"
"결론: 특이사항 없음.",
[("2022년", "end", "2023-12-28", "date"),
 ("15건", "trades", 17, "trades")],
),
(
"fc_r_056", "en",
{"symbol": "TSLA", "strategy": "buy_and_hold", "start": "2021-01-04", "end": "2022-12-30",
 "initial_cash": 250000, "final_equity": 88350.0, "total_return": -0.6466, "cagr": -0.4079,
 "sharpe": -0.69, "max_drawdown": -0.7306, "volatility": 0.664, "buy_hold_return": -0.6466},
"TSLA — PLAIN BUY AND HOLD.\n"
"BOUGHT 01/04/2021.\n"
"SOLD 12/30/2022.\n"
"TWO YEARS.\n"
"$250,000 IN.\n"
"$883.5K OUT.\n"
"TOTAL -64.66%.\n"
"PER YEAR -47.09%.\n"
"MAX DRAWDOWN -73.06%.\n"
"VOLATILITY 66.4%.\n"
"SHARPE -0.69.\n"
"NO TRADES TO REPORT.\n"
"END.",
[("$883.5K", "final_equity", 88350.0, "scale10"),
 ("-47.09%", "cagr", -0.4079, "swap")],
),
(
"fc_r_057", "ko",
{"symbol": "005490", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2021-01-04", "end": "2024-12-30", "initial_cash": 100000000,
 "final_equity": 72950000.0, "total_return": -0.2705, "cagr": -0.0761, "sharpe": -0.19,
 "sortino": -0.25, "max_drawdown": -0.5109, "volatility": 0.394, "win_rate": 0.3529,
 "trades": 17, "profit_factor": 0.76, "exposure": 0.41, "buy_hold_return": 0.1652},
"POSCO홀딩스(005490) 볼린저 돌파 20일·2시그마.\n"
"구간 21.01.04~24.12.30, 4년.\n"
"원금 1억 원, 잔고 7,295만 원.\n"
"누적 27.05% 손실, 연 7.61% 손실.\n"
"보유 시 16.52% 수익.\n"
"전략은 보유 대비 43.57%p 열위.\n"
"최대 낙폭 51.09%.\n"
"변동성 39.4%.\n"
"샤프 -0.19, 소르티노 -0.25.\n"
"17회 매매, 승률 35.3%, 손익비 0.76, 노출 41%.\n"
"마감.",
[],
),
(
"fc_r_058", "en",
{"symbol": "UNH", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
 "start": "2012-01-03", "end": "2021-12-31", "initial_cash": 800000, "final_equity": 2894720.0,
 "total_return": 2.6184, "cagr": 0.1373, "sharpe": 0.83, "sortino": 1.14,
 "max_drawdown": -0.2234, "volatility": 0.216, "win_rate": 0.4337, "trades": 83,
 "profit_factor": 1.98, "exposure": 0.63, "buy_hold_return": 7.7629},
"[Podcast — 'Factor Hour', transcript excerpt]\n"
"HOST: UnitedHealth, twelve and twenty-six day EMA cross, ten years from January 2012.\n"
"GUEST: Right, through the end of 2021. Eight hundred thousand dollars became two million eight "
"hundred ninety-four thousand seven hundred twenty.\n"
"HOST: Percentage?\n"
"GUEST: Two hundred sixty-one point eight four percent, thirteen point seven three a year.\n"
"HOST: And holding the stock?\n"
"GUEST: Seven hundred seventy-six point two nine percent. So we gave up five hundred fourteen "
"point four five points.\n"
"HOST: Brutal. Risk?\n"
"GUEST: Sharpe zero point eight three, Sortino one point one four, max drawdown twenty-two point "
"three four percent, volatility twenty-one point six.\n"
"HOST: Trades?\n"
"GUEST: Eighty-three, forty-three point four percent winners, profit factor one point nine "
"eight, in the market sixty-three percent of the time.",
[],
),
(
"fc_r_059", "ko",
{"symbol": "000660", "strategy": "sma_cross", "params": {"fast": 10, "slow": 60},
 "start": "2023-01-02", "end": "2024-12-30", "initial_cash": 1000000000,
 "final_equity": 2337800000.0, "total_return": 1.3378, "cagr": 0.5312, "sharpe": 1.42,
 "sortino": 2.07, "max_drawdown": -0.2519, "volatility": 0.403, "win_rate": 0.6667, "trades": 9,
 "profit_factor": 6.18, "exposure": 0.72, "buy_hold_return": 1.1893},
"[팟캐스트 녹취 — 반도체 특집]\n"
"진행자: SK하이닉스에 10일선과 60일선 교차를 걸어 보셨다고요.\n"
"게스트: 네. 2023년 1월 2일부터 2024년 12월 30일까지 2년이요. 10억 원을 넣었더니 23억 3,780만 "
"원이 됐습니다.\n"
"진행자: 수익률로는요?\n"
"게스트: 133.78%, 연평균 53.12%예요. 원금의 2.34배죠.\n"
"진행자: 그냥 들고 있었으면요?\n"
"게스트: 118.93%라서, 전략이 14.9%p 앞섰습니다.\n"
"진행자: 거래는요?\n"
"게스트: 아홉 번밖에 안 했어요. 승률 66.7%, 손익비 6.18, 시장 노출 72%.\n"
"진행자: 위험 쪽은요?\n"
"게스트: 샤프 1.42, 소르티노 2.07, 최대 낙폭 25.19%, 변동성 40.3%입니다.",
[],
),
(
"fc_r_060", "en",
{"symbol": "SPY", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
 "start": "2000-01-03", "end": "2009-12-31", "initial_cash": 10000000,
 "final_equity": 10861000.0, "total_return": 0.0861, "cagr": 0.0083, "sharpe": 0.04,
 "sortino": 0.05, "max_drawdown": -0.2712, "volatility": 0.139, "win_rate": 0.4545, "trades": 11,
 "profit_factor": 1.24, "exposure": 0.63, "buy_hold_return": -0.2438},
"[Transcript — 'Lost Decade' episode]\n"
"HOST: SPY with the fifty-over-two-hundred-day golden cross, January 2001 to December 2009.\n"
"GUEST: Ten million dollars in, ten million eight hundred sixty-one thousand out. Eight point six "
"one percent, about zero point eight three percent a year.\n"
"HOST: That's nothing.\n"
"GUEST: Compared with holding SPY it's a lot. Buy-and-hold lost twenty-four point three eight "
"percent, so the cross came out fifteen point seven seven points ahead.\n"
"HOST: How bad was the worst stretch?\n"
"GUEST: A twenty-seven point one two percent drawdown, with thirteen point nine percent "
"volatility. Sharpe zero point zero four, Sortino zero point zero five.\n"
"HOST: Trades?\n"
"GUEST: Eleven trades in ten years, forty-five point five percent winners, profit factor one "
"point two four, invested sixty-three percent of the time.",
[("2001", "start", "2000-01-03", "date"),
 ("fifteen point seven seven", "excess_return", 0.3299, "excess")],
),
(
"fc_r_061", "ko",
{"symbol": "251270", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2021-01-04", "end": "2022-12-29", "initial_cash": 20000000,
 "final_equity": 13366000.0, "total_return": -0.3317, "cagr": -0.184, "sharpe": -0.71,
 "sortino": -0.88, "max_drawdown": -0.4624, "volatility": 0.389, "win_rate": 0.2778,
 "trades": 36, "profit_factor": 0.64, "exposure": 0.47, "buy_hold_return": -0.6195},
"리스크관리·투자위원회 합동 회의록 (요지)\n"
"보고 안건: 넷마블(251270) MACD(12, 26, 9) 매매 전략 사후 점검\n"
"검토 기간: 2021.01.04 ~ 2022.12.29 (2년)\n"
"운용 결과: 원금 2,000만 원 → 1,336만 6천 원, 누적 -33.17%, 연환산 -18.4%. 같은 기간 넷마블 "
"주가는 -61.95%로, 보유 대비 95.12%p 선방.\n"
"위험: 최대 낙폭 46.24%, 변동성 38.9%, 샤프 0.71, 소르티노 -0.88.\n"
"매매: 36회, 승률 27.8%, 손익비 0.64, 노출 47%.\n"
"위원 발언: 손실이 난 전략을 '선방'으로 표현하는 것은 부적절함.\n"
"결정: 전략 중단.",
[("95.12%p", "excess_return", 0.2878, "excess"),
 ("0.71", "sharpe", -0.71, "sign")],
),
(
"fc_r_062", "en",
{"symbol": "PEP", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2016-01-04", "end": "2020-12-31",
 "initial_cash": 150000, "final_equity": 178560.0, "total_return": 0.1904, "cagr": 0.0355,
 "sharpe": 0.31, "sortino": 0.42, "max_drawdown": -0.1377, "win_rate": 0.8667, "trades": 15,
 "profit_factor": 2.91, "exposure": 0.19, "buy_hold_return": 0.4521},
"IC minutes — consumer staples review\n"
"PEP, RSI(14) with 30/70 thresholds, tested from 4 Jan 2016 to 31 Dec 2020.\n"
"Reported: $150k → $178.56k, +19.04% cumulative, 3.55% per annum. Sharpe 0.31, Sortino 0.42. "
"Drawdown contained at 13.77%.\n"
"Trading: 15 trades, 86.7% winners, profit factor 2.91, exposure only 19%.\n"
"Benchmark: holding PEP returned 45.21%; the strategy trailed by 26.17 points, which members "
"attributed to sitting in cash most of the time.\n"
"Decision: no action; keep on the watchlist.",
[],
),
(
"fc_r_063", "ko",
{"symbol": "086790", "strategy": "buy_and_hold", "start": "2017-01-02", "end": "2021-12-30",
 "initial_cash": 100000000, "final_equity": 118330000.0, "total_return": 0.1833, "cagr": 0.0343,
 "sharpe": 0.16, "sortino": 0.21, "max_drawdown": -0.4712, "volatility": 0.287,
 "buy_hold_return": 0.1833},
"[데일리 퀀트 코멘트] 하나금융지주(086790) 장기 보유 성과 점검\n"
"■ 2017년 1월 2일 매수 후 2021년 12월 30일까지 5년 보유 가정 시 1억 원은 1억 1,833만 원으로 "
"증가, 누적 18.33%, 연평균 3.43%의 수익률을 기록.\n"
"■ 다만 동 기간 최대 47.12% 하락 구간을 거쳤으며, 연율 변동성은 28.7% 수준.\n"
"■ 샤프 0.16, 소르티노 0.21로 위험조정 수익은 미흡하다는 판단.\n"
"■ 은행주 특성상 배당 재투자를 포함할 경우 성과가 개선될 여지가 있음.",
[],
),
(
"fc_r_064", "en",
{"symbol": "ARKK", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2020-01-02", "end": "2024-12-31", "total_return": -0.1214, "cagr": -0.0256,
 "sharpe": -0.04, "sortino": -0.05, "max_drawdown": -0.6931, "volatility": 0.552,
 "win_rate": 0.4286, "trades": 21, "profit_factor": 0.94, "exposure": 0.37,
 "buy_hold_return": -0.0817},
"[Discussion] Bollinger breakout on ARKK 2020-2024 — a cautionary tale\n\n"
"Setup: 20-day bands, 2 std, long on a close above the upper band, out on the midline. Ran it "
"Jan 2, 2020 through Dec 31, 2024.\n\n"
"Numbers: -12.14% total (-2.56%/yr). Holding ARKK: -8.17%. So I managed to lose 3.97 points more "
"than just holding the thing.\n\n"
"Max drawdown 69.13%, vol 55.2%, Sharpe -0.04, Sortino -0.05. 21 trades, 42.9% win rate, PF "
"0.94, exposure 37%.\n\n"
"Moral: breakouts in a bubble that pops are just expensive lottery tickets.",
[("69.13%", "max_drawdown", -0.6931, "swap")],
),
(
"fc_r_065", "ko",
{"symbol": "005930", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2010-01-04", "end": "2019-12-30",
 "initial_cash": 300000000, "final_equity": 583650000.0, "total_return": 0.9455, "cagr": 0.0689,
 "sharpe": 0.41, "sortino": 0.57, "max_drawdown": -0.2738, "volatility": 0.247,
 "win_rate": 0.7097, "trades": 31, "profit_factor": 1.86, "exposure": 0.25,
 "buy_hold_return": 2.4512},
"[가족 투자방]\n"
"아빠: 삼성전자 RSI 전략 10년치 돌려봤다\n"
"딸: 설정은?\n"
"아빠: RSI 14일, 30 밑에서 사고 70 위에서 팔고. 2010년 1월 4일부터 2019년 12월 30일까지\n"
"아빠: 3억 → 5억 8,365만 원. 94.55% 벌었고 연 6.89%\n"
"아들: 그냥 들고 있었으면요?\n"
"아빠: 대략 240% ㅎㅎ 보유 대비 105.57%p 못 미침\n"
"딸: 위험은요?\n"
"아빠: 최대 낙폭 27.38%, 변동성 24.7%, 샤프 0.57\n"
"아들: 매매는 많이 했어요?\n"
"아빠: 31번, 승률 71%, 손익비 1.86, 투자 기간은 25%밖에 안 돼\n"
"딸: 현금으로 놀던 시간이 너무 길었네요",
[("105.57%p", "excess_return", -1.5057, "swap", -1),
 ("0.57", "sharpe", 0.41, "attribution")],
),
(
"fc_r_066", "en",
{"symbol": "JNJ", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
 "start": "2014-01-02", "end": "2018-12-31", "initial_cash": 5000000, "final_equity": 6663000.0,
 "total_return": 0.3326, "cagr": 0.0592, "sharpe": 0.39, "sortino": 0.53,
 "max_drawdown": -0.1489, "volatility": 0.164, "win_rate": 0.4242, "trades": 33,
 "profit_factor": 1.48, "exposure": 0.59, "buy_hold_return": 0.4871},
"Thread: does a 20/60 SMA cross add anything on a sleepy stock like $JNJ? 👇\n\n"
"Window: 01/02/2014 – 12/31/2018. Capital: $5M.\n\n"
"Ending equity $6.663M → +33.26%, or 5.92% a year.\n\n"
"Holding JNJ the entire time: +48.71%. The cross finished 15.5 pts behind.\n\n"
"Risk looked nice: max DD 14.89%, vol 16.4%, Sharpe 0.39, Sortino 0.53.\n\n"
"33 trades, 42.4% winners, PF 1.48, invested 59% of days.\n\n"
"Verdict: smoother ride, smaller pie.",
[],
),
(
"fc_r_067", "ko",
{"symbol": "034730", "strategy": "ema_cross", "params": {"fast": 20, "slow": 60},
 "start": "2015-01-02", "end": "2020-12-30", "initial_cash": 40000000,
 "final_equity": 33032000.0, "total_return": -0.1742, "cagr": -0.0314, "sharpe": -0.09,
 "sortino": -0.12, "max_drawdown": -0.4033, "volatility": 0.291, "win_rate": 0.3143,
 "trades": 35, "profit_factor": 0.84, "exposure": 0.55, "buy_hold_return": -0.2809},
"SK(034730) 지수이동평균 20·60 교차, 6년 돌려 본 솔직 후기\n\n"
"이번엔 지주사인 SK로 EMA 20일·60일 교차 전략을 시험해 봤어요. 기간은 2015년 1월 2일부터 "
"2020년 12월 30일까지예요.\n\n"
"4,000만 원을 넣었는데 3,303만 2천 원으로 줄었어요. 17.42% 손실, 연평균 3.14%씩 손실을 본 "
"꼴이에요. 😭\n\n"
"그래도 주식을 그냥 갖고 있던 경우(28.09% 손실)보다는 10.67%p 덜 잃었어요.\n\n"
"최대 낙폭이 40.33%, 변동성 29.1%, 샤프 -0.09, 소르티노 -0.12였고요. 매매는 35번, 승률 31.4%, "
"손익비 0.84, 시장 노출 55%였어요. 결론은… 지주사에는 추세 전략이 잘 안 먹히는 것 같아요!",
[],
),
(
"fc_r_068", "en",
{"symbol": "035420", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2019-01-02", "end": "2021-12-30", "initial_cash": 250000000,
 "final_equity": 663575000.0, "total_return": 1.6543, "cagr": 0.3857, "sharpe": 1.07,
 "sortino": 1.52, "max_drawdown": -0.2688, "volatility": 0.362, "win_rate": 0.4706, "trades": 51,
 "profit_factor": 2.39, "exposure": 0.58, "buy_hold_return": 2.1891},
"Subject: NAVER MACD study — results\n\n"
"Hello Jiwoo,\n\n"
"The NAVER (035420) MACD 12/26/9 run from Jan 2, 2019 to Dec 30, 2021 is done. Starting from KRW "
"250 million, the book ended at KRW 663.58 million, i.e. +165.43% over three years, or 35.87% a "
"year. Holding NAVER outright returned 218.91%, so we came in 53.48 points short.\n\n"
"Sharpe 1.07, Sortino 1.52, max drawdown 26.88%, vol 36.2%. 51 trades, 47.1% winners, profit "
"factor 2.39, exposure 58%.\n\n"
"Best,\n"
"Elena Marsh\n"
"APAC Quant Strategy\n"
"Riverside Global Advisors",
[("35.87%", "cagr", 0.3857, "swap")],
),
(
"fc_r_069", "ko",
{"symbol": "316140", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
 "start": "2019-02-13", "end": "2024-12-30", "initial_cash": 80000000,
 "final_equity": 117768000.0, "total_return": 0.4721, "cagr": 0.068, "sharpe": 0.34,
 "sortino": 0.46, "max_drawdown": -0.3853, "volatility": 0.254, "win_rate": 0.4286, "trades": 21,
 "profit_factor": 1.71, "exposure": 0.57, "buy_hold_return": 0.1276},
"제목: 우리금융지주 이동평균 전략 백테스트 보고\n\n"
"팀장님, 우리금융지주(316140) 20일·60일 이동평균 교차 전략 결과를 보고드립니다.\n\n"
"재상장일인 2019년 2월 13일부터 2024년 12월 30일까지 약 6년간, 8,000만 원으로 시작해 "
"1억 1,776만 8천 원으로 마감했습니다. 누적 수익률 47.21%, 연 6.8%입니다. 같은 기간 보유 "
"수익률 12.76%보다 34.5%p 높습니다.\n\n"
"샤프 0.34, 소르티노 0.46, 최대 낙폭 38.53%, 변동성 25.4%였으며, 21회 거래에 승률 42.9%, "
"손익비 1.71, 시장 노출 57%입니다.\n\n"
"이상입니다.\n\n"
"최윤아 올림\n"
"운용전략부",
[],
),
(
"fc_r_070", "en",
{"symbol": "MSFT", "strategy": "buy_and_hold", "start": "2000-01-03", "end": "2012-12-31",
 "total_return": -0.4412, "cagr": -0.0438, "sharpe": -0.05, "sortino": -0.06,
 "max_drawdown": -0.7115, "volatility": 0.334, "buy_hold_return": -0.4412},
"summary:\n"
"  instrument: MSFT\n"
"  approach: buy_and_hold\n"
"  held_from: 3 Jan 2000\n"
"  held_to: 31 Dec 2012\n"
"  years_held: 13\n"
"  total_return: -44.12%\n"
"  annualized: -4.38%\n"
"  max_drawdown: -71.15%\n"
"  volatility: 33.4%\n"
"  sharpe: -0.05\n"
"  sortino: -0.06\n"
"  comment: bought at the dot-com peak; the position never got back above water in the window",
[],
),
(
"fc_r_071", "ko",
{"symbol": "030200", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2018-01-02", "end": "2022-12-29", "initial_cash": 50000000,
 "final_equity": 62905000.0, "total_return": 0.2581, "cagr": 0.0471, "sharpe": 0.33,
 "sortino": 0.45, "max_drawdown": -0.1822, "volatility": 0.207, "win_rate": 0.7692, "trades": 26,
 "profit_factor": 1.88, "exposure": 0.31, "buy_hold_return": 0.0357},
"감사인 특기사항 — KT(030200) 볼린저 밴드 역추세 전략\n"
"검증 기간: 2018.01.02~2022.12.29\n"
"설정값: 20일 이동평균, ±2표준편차\n"
"검증 내용:\n"
"- 투입 원금 5,000만 원, 기말 평가액 6,290만 5천 원, 순이익 1,209만 5천 원.\n"
"- 누적 수익률 25.81%, 연환산 수익률 4.8%.\n"
"- 보유 전략 수익률 3.57%, 전략 초과 성과 22.24%p.\n"
"- 샤프 0.33, 소르티노 0.45, 최대 낙폭 18.22%, 변동성 20.7%.\n"
"- 거래 26건, 승률 76.9%, 손익비 1.88, 시장 노출 31%.\n"
"감사인 의견: 상기 수치는 제출된 거래 원장과 대사하였으며, 중대한 불일치는 발견되지 않았음.",
[("1,209만 5천", "net_profit", 12905000.0, "swap"),
 ("4.8%", "cagr", 0.0471, "rounding")],
),
(
"fc_r_072", "en",
{"symbol": "NVDA", "strategy": "rsi_reversion",
 "params": {"period": 2, "lower": 10, "upper": 90}, "start": "2023-01-03", "end": "2024-12-31",
 "initial_cash": 50000, "final_equity": 210730.0, "total_return": 3.2146, "cagr": 1.058,
 "sharpe": 1.91, "sortino": 2.94, "max_drawdown": -0.2774, "volatility": 0.521, "win_rate": 0.75,
 "trades": 112, "profit_factor": 2.62, "exposure": 0.38, "buy_hold_return": 8.1932},
"NVDA · RSI(2) 10/90 · daily bars\n"
"Field\tValue\n"
"Start\t2022-01-03\n"
"End\t2024-12-31\n"
"Capital in\t$50,000\n"
"Capital out\t$210,730\n"
"Net P&L\t$160,730\n"
"Total return\t321.46%\n"
"CAGR\t105.8%\n"
"Buy & hold\t819.32%\n"
"Relative to B&H\t-1,140.78 pp\n"
"Sharpe\t1.91\n"
"Sortino\t2.94\n"
"Max drawdown\t27.74%\n"
"Volatility\t52.1%\n"
"Trades\t112\n"
"Win rate\t75.0%\n"
"Profit factor\t2.62\n"
"Exposure\t75%",
[("2022", "start", "2023-01-03", "date"),
 ("-1,140.78", "excess_return", -4.9786, "excess"),
 ("75%", "exposure", 0.38, "attribution")],
),
(
"fc_r_073", "ko",
{"symbol": "018260", "strategy": "sma_cross", "params": {"fast": 5, "slow": 20},
 "start": "2018-01-02", "end": "2023-12-28", "initial_cash": 30000000,
 "final_equity": 17898000.0, "total_return": -0.4034, "cagr": -0.0827, "sharpe": -0.36,
 "sortino": -0.45, "max_drawdown": -0.5517, "win_rate": 0.2857, "trades": 91,
 "profit_factor": 0.72, "exposure": 0.47, "buy_hold_return": -0.4682},
"삼성에스디에스(018260) 5일·20일선 교차 전략.\n"
"2018년 1월 2일 개시.\n"
"2023년 12월 28일 종료.\n"
"투입 3,000만 원.\n"
"회수 1,789만 8천 원.\n"
"순손실 1,210만 2천 원.\n"
"누적 40.34% 손실.\n"
"연평균 8.27% 손실.\n"
"보유했다면 46.82% 손실.\n"
"보유 대비 6.48%p 선방.\n"
"최대 낙폭 55.17%.\n"
"샤프 -0.36, 소르티노 -0.45.\n"
"91회 거래, 승률 28.6%.\n"
"손익비 0.72, 노출 47%.\n"
"끝.",
[],
),
(
"fc_r_074", "en",
{"symbol": "XLF", "strategy": "ema_cross", "params": {"fast": 8, "slow": 21},
 "start": "2016-01-04", "end": "2020-12-31", "initial_cash": 2000000, "final_equity": 2774200.0,
 "total_return": 0.3871, "cagr": 0.0678, "sharpe": 0.32, "sortino": 0.44,
 "max_drawdown": -0.3962, "volatility": 0.247, "win_rate": 0.3544, "trades": 79,
 "profit_factor": 1.24, "exposure": 0.51, "buy_hold_return": 0.5603},
"Auditor's observation — XLF 8/21 EMA crossover, 2016-01-04 through 2020-12-31\n"
"We examined the performance summary prepared by the strategy team. Opening capital of "
"$2,000,000 and closing equity of $2,774,200 agree with the ledger, supporting the reported "
"38.71% total return and 6.78% compound annual return.\n"
"The risk figures — Sharpe 0.32, Sortino 0.44, maximum drawdown 39.62% and volatility 24.7% — "
"were reperformed without exception.\n"
"Trade count (79), win rate (35.4%), profit factor (1.24) and exposure (51%) agree with the fills "
"file.\n"
"We draw attention to the benchmark disclosure: buy-and-hold returned 56.03% over the five years, "
"so the strategy underperformed by 17.32 percentage points. Our opinion is not modified in "
"respect of this matter.",
[],
),
(
"fc_r_075", "ko",
{"symbol": "000270", "strategy": "rsi_reversion",
 "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2017-01-02", "end": "2022-12-29",
 "initial_cash": 100000000, "final_equity": 181440000.0, "total_return": 0.8144, "cagr": 0.1046,
 "sharpe": 0.51, "sortino": 0.7, "max_drawdown": -0.3109, "volatility": 0.302, "win_rate": 0.7,
 "trades": 20, "profit_factor": 2.21, "exposure": 0.23, "buy_hold_return": 0.6938},
"기아 RSI 역추세 6년 백테스트 정리했어요 ✍️\n\n"
"기아(000270)에 RSI(14) 30/70 규칙을 적용해서 2017년 1월 2일부터 2022년 12월 29일까지 돌려 "
"봤어요. 원금은 1억 원으로 잡았어요.\n\n"
"최종 금액은 1억 8,144만 원! 8,144만 원을 벌어서 수익률 81.44%, 연평균 10.46%가 나왔어요. 같은 "
"기간 기아를 그냥 들고 있었으면 69.38%였으니까 12.06%p 더 번 거예요 👍\n\n"
"거래는 20번뿐이었고 그중 70%가 수익이었어요. 손익비는 2.21, 시장에 들어가 있던 비중은 23%밖에 "
"안 돼요. 샤프 0.51, 소르티노 0.7, 최대 낙폭 31.09%, 변동성 30.2%였어요.\n\n"
"다음엔 다른 종목으로도 해 볼게요!",
[],
),
(
"fc_r_076", "en",
{"symbol": "INTC", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
 "start": "2020-01-02", "end": "2024-12-31", "initial_cash": 400000, "final_equity": 229720.0,
 "total_return": -0.4257, "cagr": -0.1051, "sharpe": -0.42, "sortino": -0.51,
 "max_drawdown": -0.6354, "volatility": 0.391, "win_rate": 0.3188, "trades": 69,
 "profit_factor": 0.68, "exposure": 0.52, "buy_hold_return": -0.6529},
"Subject: Intel MACD — not great, but better than holding\n\n"
"Hi all,\n\n"
"For the record, the INTC MACD(12,26,9) backtest, 2020-01-02 to 2024-12-31:\n\n"
"We started with $400,000 and finished with about $225k, a 42.57% loss, or a 10.51% annual loss. "
"Deep, but Intel itself fell 65.29% over the same five years, so the strategy came out 22.72 "
"points ahead. Max drawdown was 63.54%, volatility 39.1%, Sharpe -0.42 and Sortino -0.51. There "
"were 69 trades with a 31.9% win rate and a 0.68 profit factor; exposure was 52%.\n\n"
"Regards,\n"
"Maya\n\n"
"Maya Lindqvist\n"
"Risk & Performance\n"
"Fjord Street Investments",
[],
),
(
"fc_r_077", "ko",
{"symbol": "207940", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
 "start": "2017-01-02", "end": "2021-12-30", "initial_cash": 500000000,
 "final_equity": 2223300000.0, "total_return": 3.4466, "cagr": 0.3485, "sharpe": 0.97,
 "sortino": 1.39, "max_drawdown": -0.3472, "volatility": 0.441, "win_rate": 0.5714, "trades": 21,
 "profit_factor": 3.48, "exposure": 0.46, "buy_hold_return": 4.6231},
"[리서치센터 퀀트 브리프] 삼성바이오로직스(207940)\n"
"볼린저 밴드 돌파(20일, 2σ) 전략 — 2017년 1월 2일 ~ 2021년 12월 30일\n"
"· 초기 자본 5억 원이 22억 2,330만 원으로 증가, 누적 수익률 344.66%, 연평균 34.85%를 기록. "
"원금 대비 4.45배.\n"
"· 동 기간 단순 보유(462.31%) 대비 117.65%p 상회.\n"
"· 위험 지표: 최대 낙폭 34.72%, 변동성 41.4%, 샤프 0.97, 소르티노 1.39.\n"
"· 매매 통계: 21회 거래, 승률 57.1%, 손익비 3.48, 노출 46%.\n"
"· 투자의견: 돌파 전략의 절대 성과는 우수하나 바이오 업종 특유의 변동성 감안 필요.",
[("117.65%p", "excess_return", -1.1765, "sign"),
 ("41.4%", "volatility", 0.441, "swap")],
),
(
"fc_r_078", "en",
{"symbol": "DIA", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
 "start": "2005-01-03", "end": "2014-12-31", "initial_cash": 1000000, "final_equity": 1592200.0,
 "total_return": 0.5922, "cagr": 0.0477, "sharpe": 0.29, "max_drawdown": -0.2351,
 "volatility": 0.152, "win_rate": 0.4615, "trades": 13, "profit_factor": 2.24,
 "buy_hold_return": 0.7834},
"Golden cross on the Dow ETF through the financial crisis 🧵\n\n"
"$DIA, 50/200 SMA, 2005-01-03 → 2014-12-31.\n\n"
"$1M → $1.59M. That's ~60% total, 4.77% per year.\n\n"
"Holding DIA: +78.34%. So the cross trailed by 19.12 pts — but look at the drawdown.\n\n"
"Max DD just 23.51% through 2008, vol 15.2%, Sharpe 0.29.\n\n"
"13 trades, 46.2% winners, PF 2.24.\n\n"
"Sometimes the point is sleeping at night.",
[],
),
(
"fc_r_079", "ko",
{"symbol": "003670", "strategy": "buy_and_hold", "start": "2020-01-02", "end": "2023-12-28",
 "initial_cash": 20000000, "final_equity": 204236000.0, "total_return": 9.2118, "cagr": 0.7912,
 "sharpe": 1.04, "sortino": 1.62, "max_drawdown": -0.5544, "volatility": 0.612,
 "buy_hold_return": 9.2118},
"[배터리주 단톡방]\n"
"은지: 포스코퓨처엠 그냥 사서 들고만 있었으면 어땠을까 궁금해서 돌려봄\n"
"은지: 2020년 1월 2일에 2천만 원어치 사고 2023년 12월 28일까지 존버\n"
"민호: 결과는??\n"
"은지: 2억 423만 6천 원 ㅋㅋㅋㅋ 921.18%\n"
"민호: 와 10배 넘네\n"
"은지: 연평균 79.12%\n"
"지수: MDD는?\n"
"은지: 55.44%... 중간에 엄청 빠짐\n"
"지수: 변동성은?\n"
"은지: 61.2%, 샤프 1.04, 소르티노 1.62\n"
"민호: 4년 존버가 정답이었네",
[],
),
(
"fc_r_080", "en",
{"symbol": "AAPL", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
 "start": "2022-01-03", "end": "2024-12-31", "initial_cash": 25000, "final_equity": 30977.5,
 "total_return": 0.2391, "cagr": 0.0743, "sharpe": 0.31, "sortino": 0.43,
 "max_drawdown": -0.2066, "volatility": 0.268, "win_rate": 0.7778, "trades": 27,
 "profit_factor": 1.91, "exposure": 0.33, "buy_hold_return": 0.3064},
"Posted to r/algotrading by a throwaway\n\n"
"Bollinger mean reversion (20, 2σ) on AAPL, 3 Jan 2022 to 31 Dec 2024, $25k account.\n\n"
"End balance $30,978, so +23.91%, 7.43% CAGR. Buy-and-hold AAPL was +30.64% in the same window, "
"meaning I beat buy-and-hold by 6.73 points.\n\n"
"Sharpe 0.31, Sortino 0.43, max DD 20.66%, vol 26.8%. 27 trades, 77.8% win rate, profit factor "
"1.91, exposure 33%.\n\n"
"Is a 77.8% win rate with that PF normal for mean reversion?",
[("6.73", "excess_return", -0.0673, "sign")],
),
]

BOUNDARY = [
    ("fc_r_001", "26.2%p", "excess_return"),      # 31.27 - 5.12 = 26.15 %p
    ("fc_r_012", "$100,358", "final_equity"),     # $100,357.50
    ("fc_r_026", "63%", "win_rate"),              # 5/8 = 62.5 %
    ("fc_r_031", "68.8%", "win_rate"),            # 11/16 = 68.75 %
    ("fc_r_046", "43.8%", "win_rate"),            # 7/16 = 43.75 %
    ("fc_r_048", "23.9", "excess_return"),        # 74.12 - 50.27 = 23.85 %p
    ("fc_r_059", "14.9%p", "excess_return"),      # 133.78 - 118.93 = 14.85 %p
    ("fc_r_066", "15.5", "excess_return", -1),    # "15.5 pts behind", 33.26 - 48.71 = -15.45 %p
    ("fc_r_068", "663.58 million", "final_equity"),  # KRW 663,575,000
    ("fc_r_069", "34.5%p", "excess_return"),      # 47.21 - 12.76 = 34.45 %p
    ("fc_r_080", "$30,978", "final_equity"),      # $30,977.50
]

HEDGED = [
    ("fc_r_002", "150", "excess_return", -1),     # "gave up about 150 percentage points", -152.64 %p
    ("fc_r_017", "1.6조", "final_equity"),        # 약 1.6조 for 1조 5,271억
    ("fc_r_034", "$35 million", "final_equity"),  # approximately ... for $36,129,000
    ("fc_r_047", "150%", "cagr"),                 # 약 150% for 151.48 %
    ("fc_r_065", "240%", "buy_hold_return"),      # 대략 240% for 245.12 %
    ("fc_r_076", "$225k", "final_equity"),        # about $225k for $229,720
    ("fc_r_078", "60%", "total_return"),          # ~60% for 59.22 %
]
