"""Development part of eval/factcheck4 (ids fc_z_d_001..fc_z_d_040), written after the held-out
part was frozen. Same layout as src_heldout.py: FACTS are synthetic, consistent fact sets; ITEMS are
(id, lang, text, errors) with hand-typed paragraphs. Each error is (number, kpi, true, kind) or
(number, kpi, true, kind, -1) when the text states the labelled magnitude as negative through a word.
"""

FACTS = {
    'fc_z_d_001': {'symbol': '005930', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2020-01-02', 'end': '2023-12-28', 'initial_cash': 1000000000000, 'final_equity': 1214500000000, 'total_return': 0.2145, 'cagr': 0.05, 'sharpe': 0.46, 'max_drawdown': -0.2187, 'win_rate': 0.695652, 'trades': 23, 'profit_factor': 1.64, 'buy_hold_return': 0.2762},
    'fc_z_d_002': {'symbol': 'SPY', 'strategy': 'sma_cross', 'params': {'fast': 50, 'slow': 200}, 'start': '2000-01-03', 'end': '2019-12-31', 'initial_cash': 1000000, 'final_equity': 2634800, 'total_return': 1.6348, 'cagr': 0.0497, 'sharpe': 0.51, 'sortino': 0.72, 'max_drawdown': -0.2312, 'volatility': 0.1203, 'win_rate': 0.529412, 'trades': 17, 'profit_factor': 3.12, 'exposure': 0.7214, 'buy_hold_return': 2.2471},
    'fc_z_d_003': {'symbol': '000660', 'strategy': 'bollinger_breakout', 'params': {'period': 20, 'k': 2}, 'start': '2021-01-04', 'end': '2021-12-30', 'initial_cash': 50000000, 'final_equity': 45820000, 'total_return': -0.0836, 'cagr': -0.0848, 'max_drawdown': -0.2418, 'win_rate': 0.333333, 'trades': 9, 'profit_factor': 0.74, 'buy_hold_return': 0.0379},
    'fc_z_d_004': {'symbol': 'TSLA', 'strategy': 'buy_and_hold', 'start': '2020-07-01', 'end': '2023-06-30', 'initial_cash': 10000, 'final_equity': 22163, 'total_return': 1.2163, 'cagr': 0.3043, 'max_drawdown': -0.7303, 'buy_hold_return': 1.2163},
    'fc_z_d_005': {'symbol': '035720', 'strategy': 'sma_cross', 'params': {'fast': 5, 'slow': 60}, 'start': '2019-01-02', 'end': '2023-12-28', 'initial_cash': 300000000, 'final_equity': 435540000, 'total_return': 0.4518, 'cagr': 0.0776, 'sharpe': 0.41, 'sortino': 0.57, 'max_drawdown': -0.5527, 'volatility': 0.3814, 'win_rate': 0.395349, 'trades': 43, 'profit_factor': 1.36, 'exposure': 0.4926, 'buy_hold_return': 0.6122},
    'fc_z_d_006': {'symbol': 'AAPL', 'strategy': 'bollinger_reversion', 'params': {'period': 20, 'k': 2}, 'start': '2010-01-04', 'end': '2014-12-31', 'initial_cash': 50000, 'final_equity': 81085, 'total_return': 0.6217, 'cagr': 0.1018, 'sharpe': 0.74, 'max_drawdown': -0.1987, 'volatility': 0.1926, 'win_rate': 0.710526, 'trades': 38, 'profit_factor': 1.74, 'exposure': 0.2733, 'buy_hold_return': 2.1934},
    'fc_z_d_007': {'symbol': '051910', 'strategy': 'buy_and_hold', 'start': '2020-01-02', 'end': '2021-12-30', 'initial_cash': 20000000, 'final_equity': 49144000, 'total_return': 1.4572, 'cagr': 0.57, 'max_drawdown': -0.4019, 'buy_hold_return': 1.4572},
    'fc_z_d_008': {'symbol': 'QQQ', 'strategy': 'rsi_reversion', 'params': {'period': 2, 'lower': 5, 'upper': 95}, 'start': '2015-01-02', 'end': '2023-12-29', 'initial_cash': 300000, 'final_equity': 701550, 'total_return': 1.3385, 'cagr': 0.0991, 'sharpe': 0.79, 'sortino': 1.13, 'max_drawdown': -0.2612, 'volatility': 0.1745, 'win_rate': 0.712264, 'trades': 212, 'profit_factor': 1.41, 'exposure': 0.1288, 'buy_hold_return': 3.6417},
    'fc_z_d_009': {'symbol': '105560', 'strategy': 'ema_cross', 'params': {'fast': 20, 'slow': 120}, 'start': '2013-01-02', 'end': '2022-12-29', 'initial_cash': 100000000, 'final_equity': 187420000, 'total_return': 0.8742, 'cagr': 0.0649, 'sharpe': 0.38, 'max_drawdown': -0.3382, 'win_rate': 0.428571, 'trades': 14, 'profit_factor': 2.05, 'buy_hold_return': 0.5217},
    'fc_z_d_010': {'symbol': 'MSFT', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2018-01-02', 'end': '2022-12-30', 'initial_cash': 2000000, 'final_equity': 4249200, 'total_return': 1.1246, 'cagr': 0.163, 'sharpe': 0.84, 'max_drawdown': -0.2785, 'win_rate': 0.434211, 'trades': 76, 'profit_factor': 1.47, 'exposure': 0.5544, 'buy_hold_return': 1.8935},
    'fc_z_d_011': {'symbol': '068270', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 20, 'upper': 80}, 'start': '2019-01-02', 'end': '2023-12-28', 'initial_cash': 10000000, 'final_equity': 8208000, 'total_return': -0.1792, 'cagr': -0.0388, 'max_drawdown': -0.3165, 'win_rate': 0.333333, 'trades': 6, 'buy_hold_return': 0.0848},
    'fc_z_d_012': {'symbol': 'AMZN', 'strategy': 'buy_and_hold', 'start': '2015-01-02', 'end': '2021-12-31', 'initial_cash': 100000, 'final_equity': 1108660, 'total_return': 10.0866, 'cagr': 0.4105, 'sharpe': 1.12, 'max_drawdown': -0.3456, 'volatility': 0.3012, 'buy_hold_return': 10.0866},
    'fc_z_d_013': {'symbol': '005380', 'strategy': 'bollinger_reversion', 'params': {'period': 10, 'k': 1.5}, 'start': '2017-01-02', 'end': '2022-12-29', 'initial_cash': 200000000, 'final_equity': 259260000, 'total_return': 0.2963, 'cagr': 0.0443, 'sharpe': 0.27, 'max_drawdown': -0.3047, 'volatility': 0.2491, 'win_rate': 0.666667, 'trades': 51, 'profit_factor': 1.22, 'exposure': 0.3122, 'buy_hold_return': 0.2471},
    'fc_z_d_014': {'symbol': 'NVDA', 'strategy': 'ema_cross', 'params': {'fast': 8, 'slow': 21}, 'start': '2019-01-02', 'end': '2020-12-31', 'initial_cash': 20000, 'final_equity': 69162, 'total_return': 2.4581, 'cagr': 0.862, 'max_drawdown': -0.3529, 'win_rate': 0.424242, 'trades': 33, 'buy_hold_return': 4.7712},
    'fc_z_d_015': {'symbol': '207940', 'strategy': 'buy_and_hold', 'start': '2016-11-10', 'end': '2021-12-30', 'initial_cash': 100000000, 'final_equity': 378430000, 'total_return': 2.7843, 'cagr': 0.2958, 'max_drawdown': -0.3815, 'buy_hold_return': 2.7843},
    'fc_z_d_016': {'symbol': 'JPM', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2019-01-02', 'end': '2023-12-29', 'initial_cash': 40000, 'final_equity': 51496, 'total_return': 0.2874, 'cagr': 0.0519, 'sharpe': 0.41, 'max_drawdown': -0.2236, 'win_rate': 0.684211, 'trades': 19, 'profit_factor': 1.58, 'buy_hold_return': 0.6421},
    'fc_z_d_017': {'symbol': '373220', 'strategy': 'ema_cross', 'params': {'fast': 10, 'slow': 30}, 'start': '2022-01-27', 'end': '2023-12-28', 'initial_cash': 100000000, 'final_equity': 90530000, 'total_return': -0.0947, 'cagr': -0.0506, 'max_drawdown': -0.3318, 'win_rate': 0.333333, 'trades': 24, 'buy_hold_return': 0.0512},
    'fc_z_d_018': {'symbol': 'GLD', 'strategy': 'sma_cross', 'params': {'fast': 20, 'slow': 50}, 'start': '2019-01-02', 'end': '2023-12-29', 'initial_cash': 1000000, 'final_equity': 1231600, 'total_return': 0.2316, 'cagr': 0.0426, 'sharpe': 0.36, 'max_drawdown': -0.1413, 'win_rate': 0.37931, 'trades': 29, 'profit_factor': 1.21, 'buy_hold_return': 0.6418},
    'fc_z_d_019': {'symbol': '000270', 'strategy': 'buy_and_hold', 'start': '2020-01-02', 'end': '2023-12-28', 'initial_cash': 50000000, 'final_equity': 109160000, 'total_return': 1.1832, 'cagr': 0.2164, 'sharpe': 0.71, 'max_drawdown': -0.4231, 'volatility': 0.3466, 'buy_hold_return': 1.1832},
    'fc_z_d_020': {'symbol': 'KO', 'strategy': 'buy_and_hold', 'start': '2010-01-04', 'end': '2019-12-31', 'initial_cash': 250000, 'final_equity': 478350, 'total_return': 0.9134, 'cagr': 0.0671, 'sharpe': 0.58, 'max_drawdown': -0.1652, 'volatility': 0.1521, 'buy_hold_return': 0.9134},
    'fc_z_d_021': {'symbol': '055550', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2015-01-02', 'end': '2019-12-30', 'initial_cash': 1000000000, 'final_equity': 1063100000, 'total_return': 0.0631, 'cagr': 0.0123, 'sharpe': 0.12, 'max_drawdown': -0.2119, 'win_rate': 0.42623, 'trades': 61, 'profit_factor': 1.05, 'exposure': 0.5512, 'buy_hold_return': -0.0127},
    'fc_z_d_022': {'symbol': 'XOM', 'strategy': 'ema_cross', 'params': {'fast': 50, 'slow': 200}, 'start': '2014-01-02', 'end': '2023-12-29', 'initial_cash': 100000, 'final_equity': 96720, 'total_return': -0.0328, 'cagr': -0.0033, 'sharpe': -0.04, 'max_drawdown': -0.5412, 'win_rate': 0.285714, 'trades': 7, 'buy_hold_return': 0.0871},
    'fc_z_d_023': {'symbol': '035420', 'strategy': 'buy_and_hold', 'start': '2015-01-02', 'end': '2019-12-30', 'initial_cash': 100000000, 'final_equity': 142140000, 'total_return': 0.4214, 'cagr': 0.073, 'max_drawdown': -0.3917, 'buy_hold_return': 0.4214},
    'fc_z_d_024': {'symbol': 'META', 'strategy': 'bollinger_breakout', 'params': {'period': 20, 'k': 2}, 'start': '2016-01-04', 'end': '2020-12-31', 'initial_cash': 60000, 'final_equity': 113190, 'total_return': 0.8865, 'cagr': 0.1356, 'sharpe': 0.63, 'max_drawdown': -0.3127, 'win_rate': 0.428571, 'trades': 21, 'profit_factor': 1.77, 'buy_hold_return': 1.3428},
    'fc_z_d_025': {'symbol': '006400', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2018-01-02', 'end': '2020-12-30', 'initial_cash': 30000000, 'final_equity': 40563000, 'total_return': 0.3521, 'cagr': 0.1061, 'max_drawdown': -0.2744, 'win_rate': 0.722222, 'trades': 18, 'profit_factor': 1.91, 'buy_hold_return': 2.9123},
    'fc_z_d_026': {'symbol': 'SPY', 'strategy': 'macd_cross', 'params': {'fast': 8, 'slow': 17, 'signal': 9}, 'start': '2022-01-03', 'end': '2022-12-30', 'initial_cash': 100000, 'final_equity': 92870, 'total_return': -0.0713, 'cagr': -0.0721, 'sharpe': -0.35, 'max_drawdown': -0.1294, 'win_rate': 0.333333, 'trades': 15, 'buy_hold_return': -0.1817},
    'fc_z_d_027': {'symbol': '096770', 'strategy': 'bollinger_breakout', 'params': {'period': 20, 'k': 2.5}, 'start': '2016-01-04', 'end': '2020-12-30', 'initial_cash': 100000000, 'final_equity': 66760000, 'total_return': -0.3324, 'cagr': -0.0778, 'max_drawdown': -0.4817, 'win_rate': 0.25, 'trades': 12, 'profit_factor': 0.52, 'buy_hold_return': -0.1135},
    'fc_z_d_028': {'symbol': 'AMD', 'strategy': 'sma_cross', 'params': {'fast': 20, 'slow': 100}, 'start': '2019-01-02', 'end': '2023-12-29', 'initial_cash': 15000, 'final_equity': 61870.5, 'total_return': 3.1247, 'cagr': 0.3285, 'sharpe': 0.88, 'max_drawdown': -0.4921, 'win_rate': 0.363636, 'trades': 22, 'profit_factor': 2.91, 'buy_hold_return': 6.5524},
    'fc_z_d_029': {'symbol': '028260', 'strategy': 'sma_cross', 'params': {'fast': 60, 'slow': 120}, 'start': '2010-01-04', 'end': '2019-12-30', 'initial_cash': 300000000, 'final_equity': 338610000, 'total_return': 0.1287, 'cagr': 0.0122, 'max_drawdown': -0.3411, 'win_rate': 0.466667, 'trades': 15, 'profit_factor': 1.18, 'buy_hold_return': -0.0718},
    'fc_z_d_030': {'symbol': 'V', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 25, 'upper': 75}, 'start': '2012-01-03', 'end': '2021-12-31', 'initial_cash': 100000, 'final_equity': 294260, 'total_return': 1.9426, 'cagr': 0.1141, 'sharpe': 0.82, 'sortino': 1.21, 'max_drawdown': -0.2218, 'win_rate': 0.770833, 'trades': 48, 'profit_factor': 2.31, 'buy_hold_return': 7.5134},
    'fc_z_d_031': {'symbol': '011200', 'strategy': 'buy_and_hold', 'start': '2021-01-04', 'end': '2021-12-30', 'initial_cash': 10000000, 'final_equity': 34415000, 'total_return': 2.4415, 'cagr': 2.5041, 'max_drawdown': -0.5638, 'buy_hold_return': 2.4415},
    'fc_z_d_032': {'symbol': 'NFLX', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2016-01-04', 'end': '2018-12-31', 'initial_cash': 25000, 'final_equity': 54680, 'total_return': 1.1872, 'cagr': 0.2992, 'sharpe': 0.77, 'max_drawdown': -0.3442, 'win_rate': 0.451613, 'trades': 31, 'profit_factor': 1.62, 'buy_hold_return': 2.4351},
    'fc_z_d_033': {'symbol': '086790', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2020-01-02', 'end': '2022-12-29', 'initial_cash': 50000000, 'final_equity': 64230000, 'total_return': 0.2846, 'cagr': 0.0874, 'max_drawdown': -0.2238, 'win_rate': 0.733333, 'trades': 15, 'profit_factor': 2.12, 'buy_hold_return': 0.1521},
    'fc_z_d_034': {'symbol': 'DIS', 'strategy': 'buy_and_hold', 'start': '2020-01-02', 'end': '2023-12-29', 'initial_cash': 100000, 'final_equity': 62190, 'total_return': -0.3781, 'cagr': -0.1123, 'sharpe': -0.31, 'max_drawdown': -0.6094, 'volatility': 0.3277, 'buy_hold_return': -0.3781},
    'fc_z_d_035': {'symbol': '000660', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2013-01-02', 'end': '2022-12-29', 'initial_cash': 100000000, 'final_equity': 321760000, 'total_return': 2.2176, 'cagr': 0.1241, 'sharpe': 0.52, 'sortino': 0.74, 'max_drawdown': -0.4317, 'volatility': 0.3611, 'win_rate': 0.42268, 'trades': 97, 'profit_factor': 1.41, 'exposure': 0.5318, 'buy_hold_return': 3.9218},
    'fc_z_d_036': {'symbol': 'PG', 'strategy': 'buy_and_hold', 'start': '2016-01-04', 'end': '2020-12-31', 'initial_cash': 50000, 'final_equity': 90725, 'total_return': 0.8145, 'cagr': 0.1268, 'max_drawdown': -0.2208, 'buy_hold_return': 0.8145},
    'fc_z_d_037': {'symbol': '033780', 'strategy': 'ema_cross', 'params': {'fast': 20, 'slow': 60}, 'start': '2016-01-04', 'end': '2023-12-28', 'initial_cash': 100000000, 'final_equity': 85780000, 'total_return': -0.1422, 'cagr': -0.019, 'max_drawdown': -0.2853, 'win_rate': 0.321429, 'trades': 28, 'profit_factor': 0.77, 'buy_hold_return': -0.2736},
    'fc_z_d_038': {'symbol': 'HD', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2012-01-03', 'end': '2016-12-30', 'initial_cash': 80000, 'final_equity': 154616, 'total_return': 0.9327, 'cagr': 0.1411, 'sharpe': 0.93, 'max_drawdown': -0.1419, 'win_rate': 0.439024, 'trades': 41, 'profit_factor': 1.66, 'exposure': 0.5734, 'buy_hold_return': 1.9865},
    'fc_z_d_039': {'symbol': '017670', 'strategy': 'buy_and_hold', 'start': '2018-01-02', 'end': '2022-12-29', 'initial_cash': 200000000, 'final_equity': 169660000, 'total_return': -0.1517, 'cagr': -0.0324, 'max_drawdown': -0.3312, 'buy_hold_return': -0.1517},
    'fc_z_d_040': {'symbol': 'COST', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2015-01-02', 'end': '2019-12-31', 'initial_cash': 100000, 'final_equity': 155720, 'total_return': 0.5572, 'cagr': 0.0927, 'sharpe': 0.71, 'max_drawdown': -0.1233, 'win_rate': 0.703704, 'trades': 27, 'profit_factor': 1.84, 'buy_hold_return': 1.0841},
}

ITEMS = [
    ("fc_z_d_001", "ko",
     "🤖 [로보 운용 알림] 삼성전자(005930) RSI(14) 30/70 전략 시뮬레이션 결과가 도착했습니다.\n"
     "기간 2020년 1월 2일 – 2023년 12월 28일\n"
     "운용액 1조 원 → 12조 1,450억 원 (+21.45%, 연 5.0%)\n"
     "승률 69.6% (23회), PF 1.64, 샤프 0.46, 최대 손실폭 -21.87%\n"
     "단순 보유 +27.62% 대비 617bp 부진했습니다.",
     [("12조 1,450억", "final_equity", 1214500000000, "scale10")]),

    ("fc_z_d_002", "en",
     "Welcome back. Today's experiment spans two full decades: the classic fifty-over-two-hundred-day "
     "crossover on SPY, from January 3rd, 2000 to the last day of 2019. A one-million-dollar account "
     "ends at roughly $2.63 million, about 160 percent, which is just under five percent a year. You "
     "dodge the worst of both crashes, so the max drawdown is only 23.12 percent with 12.03 percent "
     "volatility, a Sharpe of 0.51 and a Sortino of 0.72. Seventeen trades, a 52.9 percent win rate, "
     "profit factor 3.12, in the market 72.1 percent of the time. The catch: buying and holding made "
     "224.71 percent, so the crossover gave up 61.23 points.",
     []),

    ("fc_z_d_003", "ko",
     "준호: 하이닉스(000660) 볼밴 돌파 21년 한 해 돌린 거 결과 공유함\n"
     "준호: 20일, 2시그마 / 5천만 → 4,582만\n"
     "서연: 8.36% 마이너스네\n"
     "준호: ㅇㅇ 아홉 번 들어갔는데 승률 33.3%\n"
     "서연: 그냥 들고 있었으면?\n"
     "준호: 3.79% 플러스. 12.15%p 진 거\n"
     "서연: 최대 낙폭은?\n"
     "준호: 24.18%. PF 0.74\n"
     "서연: 버리자",
     []),

    ("fc_z_d_004", "en",
     "Bought $TSLA at the start of Q3 2021, never touched it through the end of 1H23: $10k → $22,163 "
     "(+121.63%, 30.43%/yr). Cost of admission: a -73.03% drawdown. HODL math is brutal.",
     [("Q3 2021", "start", "2020-07-01", "date")]),

    ("fc_z_d_005", "ko",
     "「카카오(035720) 단기·중기 이평 교차 전략 점검 — 투자의견: 중립」\n"
     "▶ 전략: 5일선이 60일선 상향 돌파 시 매수, 하향 이탈 시 매도\n"
     "▶ 검증: '19.1.2 ~ '23.12.28, 초기 3억 원 → 4억 3,554만 원\n"
     "▶ 누적 +45.18%, CAGR 7.76%, 변동성 38.14%\n"
     "▶ 샤프 0.41, 소르티노 0.75, MDD -55.27%\n"
     "▶ 43회 매매·승률 39.5%·PF 1.36·노출 49.26%\n"
     "※ 단순 보유(+61.22%) 대비 -160bp. 하락장 손실 방어는 제한적.",
     [("0.75", "sortino", 0.57, "swap"),
      ("-160bp", "excess_return", -0.1604, "scale10")]),

    ("fc_z_d_006", "en",
     "backtest:\n"
     "  symbol: AAPL\n"
     "  rule: bollinger mean reversion, 20-day window, 2 sigma\n"
     "  dates: 01/04/2010 - 12/31/2014\n"
     "  equity: 50,000 USD -> 81,085 USD\n"
     "  return: 62.17% total, 10.18% annualized\n"
     "  risk: vol 19.26%, max drawdown 19.87%, Sharpe 0.74\n"
     "  trading: 38 trades, 71.05% winners, profit factor 1.74, 27.33% exposure\n"
     "  benchmark: buy-and-hold +219.34% (strategy -157.17 pp)",
     []),

    ("fc_z_d_007", "ko",
     "LG화학(051910) 2020~2021 그냥 보유: 2,000만 원 → 4,914만 4천 원. +145.72%, 2.46배, 연 57%. "
     "중간에 -40.19%도 맞았음. 배터리 랠리 덕 #존버",
     []),

    ("fc_z_d_008", "en",
     "Compliance review, QQQ short-term RSI strategy (2-day RSI, enter below 5, exit above 95), "
     "simulated 2015-01-02 through 2023-12-29. Marketing copy as submitted: $300,000 grew to $701,550 "
     "(+133.85%, CAGR 9.91%) over 122 round-trip trades, 71.2% of them profitable, with Sharpe 0.79, "
     "Sortino 1.13, volatility 17.45%, maximum drawdown 26.12%, exposure 12.88% and profit factor "
     "1.41. The copy must add that buy-and-hold returned 364.17%, so the strategy underperformed by "
     "130.32 percentage points, and may not call the product 'market-beating'.",
     [("122", "trades", 212, "swap"),
      ("130.32", "excess_return", -2.3032, "excess", -1)]),

    ("fc_z_d_009", "ko",
     "✉️ 금요일의 전략 편지\n"
     "이번 주에는 KB금융(105560)에 20일·120일 지수이동평균 교차를 붙여 봤습니다. 2013년 초부터 2022년 "
     "말까지 10년간 매매는 고작 열네 번, 이긴 비율은 42.9%였지만 이익 매매의 크기가 커서 PF가 2.05까지 "
     "올라갔습니다. 결과는 1억 원 → 1억 8,742만 원(+87.42%, 연 6.49%). 같은 기간 주식을 그냥 보유한 "
     "수익률 52.17%보다 35.3%p 높습니다. 대신 최대 낙폭 33.82%, 샤프 0.38은 각오해야 합니다.",
     []),

    ("fc_z_d_010", "en",
     "## MSFT · MACD (12, 26, 9) · 2018–2022\n\n"
     "| | |\n"
     "|---|---|\n"
     "| Start → end equity | $2.0M → $4.25M |\n"
     "| Total return | 112.46% |\n"
     "| CAGR | 16.3% |\n"
     "| Sharpe | 0.84 |\n"
     "| Max drawdown | 27.85% |\n"
     "| Trades | 76 |\n"
     "| Win rate | 55.4% |\n"
     "| Profit factor | 1.47 |\n"
     "| Buy & hold | 189.35% |\n"
     "| Shortfall vs hold | 76.89 pp |",
     [("55.4%", "win_rate", 0.434211, "attribution")]),

    ("fc_z_d_011", "ko",
     "셀트리온 | 068270 | RSI(14) 20↓매수 80↑매도 | 2019/01/02–2023/12/28 | 1,000만→820만 8천 | "
     "수익률 +17.92% | CAGR -3.88% | MDD 31.65% | 거래 6건 승률 33.3% | 보유 +8.48% | 초과 -26.4%p",
     [("+17.92%", "total_return", -0.1792, "sign")]),

    ("fc_z_d_012", "en",
     "Seven years of doing nothing: $100k of AMZN from Jan '15 to Dec '21 → $1.11M. That's +1,008.66%, "
     "~11.1x, 41.05% a year, Sharpe 1.12, vol 30.12%, worst drawdown 34.56%. Sometimes the best trade "
     "is no trade.",
     []),

    ("fc_z_d_013", "ko",
     "안녕하세요, 퀀트운용팀입니다.\n"
     "요청하신 현대차(005380) 볼린저 밴드 역추세 전략(20일, 1.5표준편차) 검증 결과를 정리해 드립니다.\n"
     "- 기간: 2017년 1월 2일 ~ 2022년 12월 29일 (약 6년)\n"
     "- 원금 2억 원 → 약 2억 8천만 원, 누적 29.63%, 연 4.43%\n"
     "- 샤프 0.27, 변동성 24.91%, 최대 낙폭 30.47%\n"
     "- 51회 매매, 승률 66.7%, 손익비 1.22, 포지션 보유 31.22%\n"
     "- 같은 기간 보유 수익률 24.71% 대비 4.92%p 초과\n"
     "감사합니다.",
     [("20일", "params.period", 10, "param"),
      ("2억 8천만", "final_equity", 259260000, "approx")]),

    ("fc_z_d_014", "en",
     "Text thread\n"
     "Alex: the 8/21 EMA thing on NVDA, 2019-2020?\n"
     "Sam: $20k → $69,162. +245.81%\n"
     "Alex: annualized?\n"
     "Sam: 86.2%\n"
     "Alex: 😳 and hold?\n"
     "Sam: +477.12%. so 231.31 pts behind\n"
     "Alex: drawdown\n"
     "Sam: 35.29% at worst. 33 trades, 42.4% winners",
     []),

    ("fc_z_d_015", "ko",
     "[모닝 코멘트] 삼성바이오로직스(207940) 상장 이후 장기보유 시뮬레이션: 2017년 11월 10일 상장일 "
     "종가에 1억 원을 매수해 2021년 12월 30일까지 보유 시 평가액 3억 7,843만 원(3.78배), 누적 "
     "+278.43%, 연환산 29.58%. 최대 낙폭은 38.15%로 바이오 업종 특유의 변동성을 보여 줌.",
     [("2017년", "start", "2016-11-10", "date")]),

    ("fc_z_d_016", "en",
     "Next up, a listener asked about mean reversion on JPMorgan. We used a fourteen-day RSI, buying "
     "under 30 and selling over 70, from the start of 2019 to the end of 2023. Forty thousand dollars "
     "became $51,496, up 28.74 percent, about 5.2 percent a year, and it beat buy-and-hold by 35.47 "
     "points. Nineteen trades, 68.4 percent winners, profit factor 1.58, Sharpe 0.41, max drawdown "
     "22.36 percent. A nice steady equity curve.",
     [("35.47", "excess_return", -0.3547, "sign")]),

    ("fc_z_d_017", "ko",
     "LGES(373220) EMA 10/30 cross, IPO day(22.01.27)부터 23.12.28까지. 1억 원 → 9,053만 원, return "
     "-9.47%, CAGR -5.06%. B&H는 +5.12%라 underperformance 14.59%p. trades 스물네 번, win rate 33.3%, "
     "MDD 33.18%. 결론: 신규 상장주에 short-term EMA는 noise만 잡음.",
     []),

    ("fc_z_d_018", "en",
     "Portfolio alert ⚠️ GLD 20/50 SMA model (Jan 2019 – Dec 2023): +23.16% ($1,000,000 → $1,231,600), "
     "4.26%/yr. Passive GLD: +64.18%. Gap: -41.1 points. 29 trades · 37.9% win rate · PF 1.21 · "
     "max DD 14.13% · Sharpe 0.36. Review allocation?",
     [("-41.1", "excess_return", -0.4102, "rounding")]),

    ("fc_z_d_019", "ko",
     "아빠: 기아 주식 20년에 산 거 아직 있냐\n"
     "나: 응 기아(000270) 5천만 원어치 20년 1월 2일에 산 거, 23년 12월 28일 기준으로 계산해 보니까 "
     "1억 916만 원\n"
     "아빠: 두 배 넘었네\n"
     "나: 118.32%, 2.18배. 연 21.6%\n"
     "아빠: 중간에 안 팔고 잘 버텼다\n"
     "나: 42.31%까지 빠졌을 땐 진짜 팔 뻔 ㅋㅋ 변동성 34.66%, 샤프 0.71",
     []),

    ("fc_z_d_020", "en",
     "To our shareholders: our benchmark exercise this year asked what $250,000 in Coca-Cola (KO), "
     "bought on January 4, 2010 and left alone until December 31, 2019, would have become. The answer "
     "is $4.78M, a total return of 91.34%, or 6.71% compounded. The worst decline along the way was "
     "16.52%, volatility averaged 15.21%, and the Sharpe ratio was 0.58. Dull, yes, but dull "
     "compounding for a decade is hard to beat.",
     [("$4.78M", "final_equity", 478350, "scale10")]),

    ("fc_z_d_021", "ko",
     "<준법감시 의견>\n"
     "신한지주(055550) MACD(12/26/9) 전략 운용 제안서 검토 결과, 기재 수치 중 아래 항목을 확인하였습니다.\n"
     "· 검증기간 2015.1.2~2019.12.30, 기초자산 10억 원 → 10억 6,310만 원\n"
     "· 누적수익률 6.31%, 연 1.23%, 샤프 0.12, MDD 21.19%\n"
     "· 거래횟수 61회, 승률 55.1%, 손익비 1.05\n"
     "· 동기간 주가 -1.27% 대비 초과성과 +7.58%p\n"
     "수익률 수준이 낮아 '안정적 초과수익' 표현은 삭제를 권고합니다.",
     [("55.1%", "win_rate", 0.42623, "attribution")]),

    ("fc_z_d_022", "en",
     "ticker;strategy;fast;slow;start;end;initial;final;total;cagr;sharpe;maxdd;trades;winrate;bh;excess\n"
     "XOM;ema_cross;50;200;01/02/2014;12/29/2023;100000;96720;-3.28%;-0.33%;-0.04;-54.12%;7;28.57%;"
     "8.71%;-11.99pp",
     []),

    ("fc_z_d_023", "ko",
     "「NAVER(035420) — 5년 보유 성과 복기」\n"
     "▶ 매수 2015년 1월 2일 / 평가 2019년 12월 30일\n"
     "▶ 1억 원 → 1억 4,214만 원 (누적 +42.14%, 연 7.3%)\n"
     "▶ 보유 기간 중 최대 낙폭 -39.17%\n"
     "※ 배당 미포함 단순 가격 기준, 본 자료는 투자 권유가 아님.",
     []),

    ("fc_z_d_024", "en",
     "FB/META Bollinger breakout (20d, 2σ), '16–'20: $60k → $113.19k, a 2.89x, CAGR 13.56%. Buy & hold "
     "did +134.28%, we did +88.65%, so -45.63pp. 21 trades, PF 1.77, Sharpe 0.63, DD -31.27%. "
     "Breakouts ≠ free money. 🧵",
     [("2.89x", "equity_multiple", 1.8865, "multiple")]),

    ("fc_z_d_025", "ko",
     "블로그 기록용) 삼성SDI(006400) RSI 14일, 30 밑에서 사고 70 위에서 파는 전략을 2018.1.2~2020.12.30 "
     "구간에 돌렸다. 3천만 원이 4,056만 3천 원, 35.21% 수익에 연 10.61%. 승률은 72.2%로 높고 PF 1.91, "
     "최대 낙폭 27.44%로 방어도 됐다. 그런데 같은 기간 주가가 291.23% 올라버려서 보유 대비 326.44%p "
     "뒤졌다. 열여덟 번의 매매가 상승장의 수익을 잘라먹은 셈.",
     [("326.44%p", "excess_return", -2.5602, "excess", -1)]),

    ("fc_z_d_026", "en",
     "MEMO — Risk & Compliance\n"
     "Subject: 2022 defensive-timing illustration (SPY, MACD 8/17/9)\n"
     "The illustration shows the model lost 7.13% in calendar 2022 ($100,000 to $92,870), against an "
     "18.17% decline for buy-and-hold, i.e. 11.04 percentage points less loss. Supporting metrics: "
     "Sharpe -0.35, max drawdown 12.94%, fifteen trades with a 33.3% win rate. Approved with the "
     "standard hypothetical-performance legend.",
     []),

    ("fc_z_d_027", "ko",
     "🔔 SK이노베이션(096770) 알림\n"
     "볼린저 돌파(20일·2.5σ) 전략, 16년 1월~20년 12월\n"
     "• 1억 원 → 6,676만 원 (-33.24%)\n"
     "• 연 -7.78% / 최대 낙폭 -48.71%\n"
     "• 12번 중 승률 25%, PF 0.52\n"
     "• 보유(-11.35%)보다 21.89%p 더 잃음\n"
     "전략 점검이 필요합니다",
     [("-48.71%", "max_drawdown", -0.4817, "swap")]),

    ("fc_z_d_028", "en",
     "AMD | 20/100-day SMA | 2019-01-02 → 2023-12-29\n"
     "Equity: $15,000 → $61,870.50 (4.12x)\n"
     "Return: +312.47% | CAGR: 32.85%\n"
     "Risk: Sharpe 0.88, worst drawdown 49.21%\n"
     "Activity: twenty-six trades, 36.4% winners, PF 3.91\n"
     "Benchmark: hold +655.24%, strategy behind by 342.77 pp",
     [("twenty-six", "trades", 22, "trades"),
      ("3.91", "profit_factor", 2.91, "other")]),

    ("fc_z_d_029", "ko",
     "[주간 자산배분 브리프] 삼성물산(028260)에 60일·120일 이동평균 교차를 2010년부터 2019년까지 "
     "적용하면, 3억 원이 3억 3,861만 원으로 늘어 누적 12.87%, 연 1.22%에 그칩니다. 열다섯 번 매매 중 "
     "승률 46.7%, 손익비 1.18, 최대 낙폭 34.11%. 그래도 같은 기간 주가가 7.18% 떨어진 것과 비교하면 "
     "20.05%p 앞선 성과입니다.",
     []),

    ("fc_z_d_030", "en",
     "[Host] Visa, ten years, RSI fourteen, buy at twenty-five, sell at seventy-five. Where did a "
     "hundred thousand dollars end up?\n"
     "[Guest] About $294,000. A 194.26% return, 11.41% a year. Forty-eight trades, 77.1% winners, a "
     "profit factor of 2.31, and a Sharpe ratio of 1.21. Max drawdown just 22.18%.\n"
     "[Host] And holding Visa?\n"
     "[Guest] 751.34%. The RSI rule lagged by 557.08 points.",
     [("1.21", "sharpe", 0.82, "attribution")]),

    ("fc_z_d_031", "ko",
     "HMM(011200) 21년 연초에 1천만 원 넣고 연말까지 버틴 사람 = 3,441만 5천 원. 수익률 244.15%, "
     "3.44배. 대신 중간에 -56.38%를 견뎌야 했음. 해운 슈퍼사이클 ㄷㄷ",
     []),

    ("fc_z_d_032", "en",
     "| NFLX MACD(12/26/9) | Jan 2016 – Dec 2018 |\n"
     "|---|---|\n"
     "| $25,000 became | $54,680 |\n"
     "| Total / CAGR | 118.72% / 29.92% |\n"
     "| Sharpe | 0.77 |\n"
     "| Max drawdown | 34.42% |\n"
     "| Trades (win rate) | thirty-one (45.2%) |\n"
     "| Profit factor | 1.62 |\n"
     "| Hold return / gap | 243.51% / −124.79 pp |",
     []),

    ("fc_z_d_033", "ko",
     "하나금융지주(086790)·RSI(14, 30/70)·20.01.02~22.12.29·5천만원→6,423만원·+28.46%·연 8.74%·"
     "MDD -22.38%·15회·승률 73.3%·PF 2.12·보유 +15.21%·초과 +1,325bp",
     []),

    ("fc_z_d_034", "en",
     "The Mouse House has been a value trap. In our buy-and-hold tracker, $100,000 of DIS bought on "
     "1/2/2020 was worth $62,190 by 12/29/2023, down about 38% (-11.23% a year), after a 60.94% "
     "peak-to-trough slide. Volatility ran at 32.77% and the Sharpe ratio was -0.31.",
     []),

    ("fc_z_d_035", "ko",
     "「SK하이닉스(000660) MACD 신호 10년 백테스트」\n"
     "▶ 구간: 13.01.02 ~ 22.12.29 / 파라미터 12·26·9\n"
     "▶ 원금 1억 원 → 3억 2,176만 원 (3.22배, 누적 221.76%, 연 12.41%)\n"
     "▶ 샤프 0.52 · 소르티노 0.74 · 변동성 36.11% · MDD -43.17%\n"
     "▶ 79회 매매, 승률 42.3%, PF 1.41, 시장 노출 53.18%\n"
     "※ 단순보유 392.18% 대비 약 150%p 하회 — 메모리 업사이클 구간의 추세 이탈이 주원인.",
     [("79회", "trades", 97, "swap"),
      ("150%p", "excess_return", -1.7042, "approx", -1)]),

    ("fc_z_d_036", "en",
     "✅ Buy-and-hold check-in: PG, 01/04/2016 → 12/31/2020. $50,000 → $90.73k (+81.5%, 12.68% a "
     "year). Largest drop along the way: 22.08%.",
     []),

    ("fc_z_d_037", "ko",
     "KT&G(033780) EMA 20/60 전략 결과 말씀드립니다. 2016년 1월부터 2023년 12월까지 8년간 1억 원으로 "
     "운용하면 8,578만 원이 남아 약 1,400만 원 손실(-14.22%, 연 -1.9%)입니다. 28번 거래 중 승률 "
     "32.1%, 손익비 0.77, 최대 낙폭 28.53%였습니다. 다만 주가 자체가 27.36% 내려서 보유보다는 "
     "13.14%p 덜 손실을 봤습니다.",
     []),

    ("fc_z_d_038", "en",
     "Internal memo — model validation\n"
     "Model: HD trend-following, MACD(12, 26, 9)\n"
     "Sample: 3 January 2012 to 30 December 2017\n"
     "Result: $80,000 to $154,616, +93.27% total, 14.11% CAGR, Sharpe 0.93, max drawdown 14.19%, "
     "forty-one trades, 43.9% hit rate, profit factor 1.66, 57.34% exposure.\n"
     "Benchmark: buy-and-hold +198.65%; the model trails by 105.38 points.\n"
     "Status: validated, not for production.",
     [("2017", "end", "2016-12-30", "date")]),

    ("fc_z_d_039", "ko",
     "SKT(017670) B&H 5년 review: 2018.01.02 매수 → 2022.12.29 기준 2억 원이 1억 6,966만 원. Total "
     "15.17% 상승, annualized -3.24%, MDD -33.12%. 배당을 빼면 통신주 long-only는 생각보다 별로.",
     [("15.17%", "total_return", -0.1517, "sign")]),

    ("fc_z_d_040", "en",
     "COST, rsi_reversion, period=14 lower=30 upper=70, 2015-01-02..2019-12-31, $100,000 -> $155,720, "
     "+55.72%, CAGR 9.27%, Sharpe 0.71, MaxDD -12.33%, 27 trades, win 70.4%, PF 1.84, B&H +108.41%, "
     "diff -52.69pp",
     []),
]
