"""Held-out part of eval/factcheck4 (ids fc_z_h_001..fc_z_h_060).

FACTS: synthetic, consistent fact sets (values picked by hand, final equity and CAGR computed with a
throw-away calculator and pasted in as literals). ITEMS: (id, lang, text, errors), one hand-typed
paragraph per fact set. Each error is (number, kpi, true, kind) or (number, kpi, true, kind, -1)
when the text states the labelled magnitude as negative through a word. The kind is not written to
the jsonl; make.py uses it for the counts in README.md.
"""

FACTS = {
    'fc_z_h_001': {'symbol': '005930', 'strategy': 'sma_cross', 'params': {'fast': 20, 'slow': 60}, 'start': '2018-01-02', 'end': '2022-12-29', 'initial_cash': 100000000, 'final_equity': 131840000, 'total_return': 0.3184, 'cagr': 0.057, 'sharpe': 0.61, 'sortino': 0.88, 'max_drawdown': -0.2743, 'volatility': 0.2215, 'win_rate': 0.391304, 'trades': 23, 'profit_factor': 1.47, 'exposure': 0.5821, 'buy_hold_return': 0.0975},
    'fc_z_h_002': {'symbol': 'SPY', 'strategy': 'buy_and_hold', 'start': '2010-01-04', 'end': '2019-12-31', 'initial_cash': 100000, 'final_equity': 289570, 'total_return': 1.8957, 'cagr': 0.1123, 'sharpe': 0.93, 'sortino': 1.31, 'max_drawdown': -0.1935, 'volatility': 0.1462, 'buy_hold_return': 1.8957},
    'fc_z_h_003': {'symbol': '000660', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2019-01-02', 'end': '2023-12-28', 'initial_cash': 50000000, 'final_equity': 81235000, 'total_return': 0.6247, 'cagr': 0.1022, 'sharpe': 0.72, 'sortino': 1.05, 'max_drawdown': -0.3158, 'volatility': 0.2871, 'win_rate': 0.709677, 'trades': 31, 'profit_factor': 1.83, 'exposure': 0.2764, 'buy_hold_return': 1.9218},
    'fc_z_h_004': {'symbol': 'AAPL', 'strategy': 'ema_cross', 'params': {'fast': 12, 'slow': 26}, 'start': '2015-01-02', 'end': '2020-12-31', 'initial_cash': 25000, 'final_equity': 78590, 'total_return': 2.1436, 'cagr': 0.2105, 'sharpe': 0.97, 'max_drawdown': -0.3012, 'win_rate': 0.428571, 'trades': 28, 'buy_hold_return': 3.2521},
    'fc_z_h_005': {'symbol': '035420', 'strategy': 'bollinger_reversion', 'params': {'period': 20, 'k': 2}, 'start': '2020-01-02', 'end': '2023-12-28', 'initial_cash': 30000000, 'final_equity': 26292000, 'total_return': -0.1236, 'cagr': -0.0326, 'max_drawdown': -0.3845, 'win_rate': 0.588235, 'trades': 17, 'profit_factor': 0.86, 'buy_hold_return': -0.2164},
    'fc_z_h_006': {'symbol': 'QQQ', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2016-01-04', 'end': '2021-12-31', 'initial_cash': 1000000, 'final_equity': 2410800, 'total_return': 1.4108, 'cagr': 0.1582, 'sharpe': 0.88, 'sortino': 1.24, 'max_drawdown': -0.2467, 'volatility': 0.1893, 'win_rate': 0.421875, 'trades': 64, 'profit_factor': 1.38, 'exposure': 0.6125, 'buy_hold_return': 3.0236},
    'fc_z_h_007': {'symbol': '051910', 'strategy': 'ema_cross', 'params': {'fast': 5, 'slow': 20}, 'start': '2021-01-04', 'end': '2023-12-28', 'initial_cash': 20000000, 'final_equity': 14286000, 'total_return': -0.2857, 'cagr': -0.1068, 'sharpe': -0.41, 'max_drawdown': -0.4632, 'win_rate': 0.326087, 'trades': 46, 'profit_factor': 0.79, 'buy_hold_return': -0.371},
    'fc_z_h_008': {'symbol': 'MSFT', 'strategy': 'sma_cross', 'params': {'fast': 50, 'slow': 200}, 'start': '2012-01-03', 'end': '2021-12-31', 'initial_cash': 100000, 'final_equity': 572150, 'total_return': 4.7215, 'cagr': 0.1907, 'sharpe': 1.12, 'sortino': 1.58, 'max_drawdown': -0.2284, 'volatility': 0.2103, 'win_rate': 0.666667, 'trades': 9, 'profit_factor': 3.94, 'exposure': 0.7836, 'buy_hold_return': 9.1452},
    'fc_z_h_009': {'symbol': '005380', 'strategy': 'buy_and_hold', 'start': '2019-01-02', 'end': '2021-12-30', 'initial_cash': 100000000, 'final_equity': 166150000, 'total_return': 0.6615, 'cagr': 0.1849, 'sharpe': 0.58, 'max_drawdown': -0.5213, 'volatility': 0.3745, 'buy_hold_return': 0.6615},
    'fc_z_h_010': {'symbol': 'TSLA', 'strategy': 'bollinger_breakout', 'params': {'period': 20, 'k': 2.0}, 'start': '2019-01-02', 'end': '2021-12-31', 'initial_cash': 10000, 'final_equity': 103175, 'total_return': 9.3175, 'cagr': 1.1797, 'max_drawdown': -0.4378, 'win_rate': 0.428571, 'trades': 14, 'profit_factor': 4.12, 'buy_hold_return': 15.8402},
    'fc_z_h_011': {'symbol': '068270', 'strategy': 'macd_cross', 'params': {'fast': 8, 'slow': 21, 'signal': 5}, 'start': '2020-03-23', 'end': '2022-12-29', 'initial_cash': 10000000, 'final_equity': 10412000, 'total_return': 0.0412, 'cagr': 0.0147, 'sharpe': 0.14, 'max_drawdown': -0.3355, 'win_rate': 0.447368, 'trades': 38, 'profit_factor': 1.04, 'buy_hold_return': -0.2473},
    'fc_z_h_012': {'symbol': 'GLD', 'strategy': 'buy_and_hold', 'start': '2018-01-02', 'end': '2022-12-30', 'initial_cash': 50000, 'final_equity': 70185, 'total_return': 0.4037, 'cagr': 0.0703, 'sharpe': 0.52, 'max_drawdown': -0.2086, 'volatility': 0.1398, 'buy_hold_return': 0.4037},
    'fc_z_h_013': {'symbol': '105560', 'strategy': 'rsi_reversion', 'params': {'period': 2, 'lower': 10, 'upper': 90}, 'start': '2016-01-04', 'end': '2020-12-30', 'initial_cash': 200000000, 'final_equity': 245420000, 'total_return': 0.2271, 'cagr': 0.0419, 'sharpe': 0.35, 'sortino': 0.49, 'max_drawdown': -0.2519, 'win_rate': 0.701149, 'trades': 87, 'profit_factor': 1.29, 'exposure': 0.1853, 'buy_hold_return': 0.1349},
    'fc_z_h_014': {'symbol': 'NVDA', 'strategy': 'sma_cross', 'params': {'fast': 10, 'slow': 50}, 'start': '2017-01-03', 'end': '2023-12-29', 'initial_cash': 100000, 'final_equity': 1384630, 'total_return': 12.8463, 'cagr': 0.4569, 'sharpe': 1.04, 'max_drawdown': -0.5617, 'win_rate': 0.439024, 'trades': 41, 'buy_hold_return': 27.1145},
    'fc_z_h_015': {'symbol': '035720', 'strategy': 'buy_and_hold', 'start': '2021-01-04', 'end': '2023-12-28', 'initial_cash': 10000000, 'final_equity': 5125000, 'total_return': -0.4875, 'cagr': -0.201, 'max_drawdown': -0.7112, 'buy_hold_return': -0.4875},
    'fc_z_h_016': {'symbol': 'IWM', 'strategy': 'bollinger_reversion', 'params': {'period': 20, 'k': 2.5}, 'start': '2018-04-02', 'end': '2023-12-29', 'initial_cash': 200000, 'final_equity': 270360, 'total_return': 0.3518, 'cagr': 0.0539, 'sharpe': 0.44, 'max_drawdown': -0.2891, 'win_rate': 0.681818, 'trades': 22, 'profit_factor': 1.61, 'buy_hold_return': 0.2953},
    'fc_z_h_017': {'symbol': '006400', 'strategy': 'ema_cross', 'params': {'fast': 20, 'slow': 60}, 'start': '2019-01-02', 'end': '2022-12-29', 'initial_cash': 100000000, 'final_equity': 235420000, 'total_return': 1.3542, 'cagr': 0.2394, 'sharpe': 0.83, 'sortino': 1.19, 'max_drawdown': -0.3877, 'volatility': 0.3954, 'win_rate': 0.421053, 'trades': 19, 'profit_factor': 2.21, 'exposure': 0.5477, 'buy_hold_return': 1.7136},
    'fc_z_h_018': {'symbol': 'AMZN', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 25, 'upper': 75}, 'start': '2020-01-02', 'end': '2022-12-30', 'initial_cash': 5000, 'final_equity': 4579, 'total_return': -0.0842, 'cagr': -0.029, 'max_drawdown': -0.2764, 'win_rate': 0.583333, 'trades': 12, 'buy_hold_return': -0.0986},
    'fc_z_h_019': {'symbol': '000270', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2017-01-02', 'end': '2021-12-30', 'initial_cash': 500000000, 'final_equity': 936750000, 'total_return': 0.8735, 'cagr': 0.134, 'sharpe': 0.67, 'sortino': 0.95, 'max_drawdown': -0.3021, 'volatility': 0.2633, 'win_rate': 0.45283, 'trades': 53, 'profit_factor': 1.52, 'exposure': 0.5908, 'buy_hold_return': 1.0164},
    'fc_z_h_020': {'symbol': 'JPM', 'strategy': 'buy_and_hold', 'start': '2013-01-02', 'end': '2017-12-29', 'initial_cash': 1000000, 'final_equity': 2146300, 'total_return': 1.1463, 'cagr': 0.1654, 'sharpe': 0.89, 'max_drawdown': -0.2247, 'volatility': 0.2011, 'buy_hold_return': 1.1463},
    'fc_z_h_021': {'symbol': '373220', 'strategy': 'bollinger_breakout', 'params': {'period': 20, 'k': 2}, 'start': '2022-01-27', 'end': '2023-12-28', 'initial_cash': 30000000, 'final_equity': 35682000, 'total_return': 0.1894, 'cagr': 0.0947, 'max_drawdown': -0.3467, 'win_rate': 0.363636, 'trades': 11, 'profit_factor': 1.33, 'buy_hold_return': 0.0862},
    'fc_z_h_022': {'symbol': 'META', 'strategy': 'sma_cross', 'params': {'fast': 20, 'slow': 100}, 'start': '2021-01-04', 'end': '2022-12-30', 'initial_cash': 50000, 'final_equity': 34360, 'total_return': -0.3128, 'cagr': -0.1722, 'max_drawdown': -0.4419, 'win_rate': 0.285714, 'trades': 7, 'buy_hold_return': -0.5184},
    'fc_z_h_023': {'symbol': '207940', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2018-01-02', 'end': '2020-12-30', 'initial_cash': 1000000000, 'final_equity': 1441800000, 'total_return': 0.4418, 'cagr': 0.1301, 'max_drawdown': -0.2756, 'win_rate': 0.730769, 'trades': 26, 'profit_factor': 1.97, 'buy_hold_return': 1.2035},
    'fc_z_h_024': {'symbol': 'XLE', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2014-01-02', 'end': '2020-12-31', 'initial_cash': 100000, 'final_equity': 64530, 'total_return': -0.3547, 'cagr': -0.0607, 'sharpe': -0.21, 'max_drawdown': -0.5524, 'win_rate': 0.394366, 'trades': 71, 'profit_factor': 0.83, 'buy_hold_return': -0.5912},
    'fc_z_h_025': {'symbol': '017670', 'strategy': 'bollinger_reversion', 'params': {'period': 20, 'k': 2}, 'start': '2015-01-02', 'end': '2019-12-30', 'initial_cash': 100000000, 'final_equity': 113570000, 'total_return': 0.1357, 'cagr': 0.0258, 'sharpe': 0.41, 'max_drawdown': -0.1668, 'volatility': 0.1587, 'win_rate': 0.636364, 'trades': 33, 'profit_factor': 1.35, 'exposure': 0.2283, 'buy_hold_return': -0.0418},
    'fc_z_h_026': {'symbol': 'KO', 'strategy': 'ema_cross', 'params': {'fast': 10, 'slow': 40}, 'start': '2016-01-04', 'end': '2019-12-31', 'initial_cash': 20000, 'final_equity': 21850, 'total_return': 0.0925, 'cagr': 0.0224, 'sharpe': 0.27, 'max_drawdown': -0.1247, 'win_rate': 0.432432, 'trades': 37, 'profit_factor': 1.09, 'buy_hold_return': 0.2856},
    'fc_z_h_027': {'symbol': '096770', 'strategy': 'sma_cross', 'params': {'fast': 5, 'slow': 20}, 'start': '2022-01-03', 'end': '2023-12-28', 'initial_cash': 10000000, 'final_equity': 8417000, 'total_return': -0.1583, 'cagr': -0.0833, 'max_drawdown': -0.2912, 'win_rate': 0.362069, 'trades': 58, 'buy_hold_return': -0.2406},
    'fc_z_h_028': {'symbol': 'NFLX', 'strategy': 'buy_and_hold', 'start': '2019-01-02', 'end': '2023-12-29', 'initial_cash': 10000, 'final_equity': 17416, 'total_return': 0.7416, 'cagr': 0.1176, 'max_drawdown': -0.7562, 'buy_hold_return': 0.7416},
    'fc_z_h_029': {'symbol': '033780', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2018-01-02', 'end': '2023-12-28', 'initial_cash': 50000000, 'final_equity': 51590000, 'total_return': 0.0318, 'cagr': 0.0052, 'sharpe': 0.06, 'max_drawdown': -0.2194, 'win_rate': 0.413043, 'trades': 92, 'profit_factor': 1.02, 'buy_hold_return': -0.1472},
    'fc_z_h_030': {'symbol': 'AMD', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2016-01-04', 'end': '2020-12-31', 'initial_cash': 250000, 'final_equity': 1218100, 'total_return': 3.8724, 'cagr': 0.3734, 'sharpe': 1.21, 'sortino': 1.87, 'max_drawdown': -0.4123, 'volatility': 0.4562, 'win_rate': 0.704545, 'trades': 44, 'profit_factor': 2.64, 'exposure': 0.3156, 'buy_hold_return': 30.1147},
    'fc_z_h_031': {'symbol': '003550', 'strategy': 'buy_and_hold', 'start': '2020-01-02', 'end': '2020-12-30', 'initial_cash': 100000000, 'final_equity': 119780000, 'total_return': 0.1978, 'cagr': 0.1991, 'sharpe': 0.61, 'max_drawdown': -0.3542, 'volatility': 0.4012, 'buy_hold_return': 0.1978},
    'fc_z_h_032': {'symbol': 'V', 'strategy': 'sma_cross', 'params': {'fast': 20, 'slow': 60}, 'start': '2018-01-02', 'end': '2021-12-31', 'initial_cash': 100000, 'final_equity': 158730, 'total_return': 0.5873, 'cagr': 0.1226, 'sharpe': 0.69, 'max_drawdown': -0.2618, 'win_rate': 0.407407, 'trades': 27, 'buy_hold_return': 0.9124},
    'fc_z_h_033': {'symbol': '028260', 'strategy': 'ema_cross', 'params': {'fast': 12, 'slow': 26}, 'start': '2016-01-04', 'end': '2023-12-28', 'initial_cash': 200000000, 'final_equity': 181580000, 'total_return': -0.0921, 'cagr': -0.012, 'sharpe': -0.02, 'max_drawdown': -0.3826, 'win_rate': 0.373134, 'trades': 67, 'profit_factor': 0.94, 'buy_hold_return': -0.2317},
    'fc_z_h_034': {'symbol': 'DIS', 'strategy': 'bollinger_breakout', 'params': {'period': 20, 'k': 2}, 'start': '2015-01-02', 'end': '2019-12-31', 'initial_cash': 50000, 'final_equity': 63070, 'total_return': 0.2614, 'cagr': 0.0476, 'max_drawdown': -0.1932, 'win_rate': 0.388889, 'trades': 18, 'profit_factor': 1.44, 'buy_hold_return': 0.4352},
    'fc_z_h_035': {'symbol': '066570', 'strategy': 'macd_cross', 'params': {'fast': 8, 'slow': 21, 'signal': 5}, 'start': '2019-01-02', 'end': '2021-12-30', 'initial_cash': 100000000, 'final_equity': 202350000, 'total_return': 1.0235, 'cagr': 0.2656, 'sharpe': 0.91, 'max_drawdown': -0.2816, 'win_rate': 0.44898, 'trades': 49, 'profit_factor': 1.71, 'buy_hold_return': 1.8893},
    'fc_z_h_036': {'symbol': 'TLT', 'strategy': 'buy_and_hold', 'start': '2020-01-02', 'end': '2023-12-29', 'initial_cash': 100000, 'final_equity': 67390, 'total_return': -0.3261, 'cagr': -0.0942, 'sharpe': -0.52, 'max_drawdown': -0.4829, 'volatility': 0.1784, 'buy_hold_return': -0.3261},
    'fc_z_h_037': {'symbol': '086790', 'strategy': 'sma_cross', 'params': {'fast': 10, 'slow': 30}, 'start': '2017-01-02', 'end': '2019-12-30', 'initial_cash': 30000000, 'final_equity': 32256000, 'total_return': 0.0752, 'cagr': 0.0245, 'max_drawdown': -0.1845, 'win_rate': 0.4, 'trades': 35, 'profit_factor': 1.08, 'buy_hold_return': 0.1568},
    'fc_z_h_038': {'symbol': 'GOOGL', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2019-07-01', 'end': '2023-12-29', 'initial_cash': 40000, 'final_equity': 72496, 'total_return': 0.8124, 'cagr': 0.1414, 'sharpe': 0.71, 'max_drawdown': -0.3127, 'win_rate': 0.448276, 'trades': 58, 'profit_factor': 1.46, 'buy_hold_return': 1.6742},
    'fc_z_h_039': {'symbol': '247540', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2020-01-02', 'end': '2023-12-28', 'initial_cash': 10000000, 'final_equity': 55186000, 'total_return': 4.5186, 'cagr': 0.5349, 'max_drawdown': -0.5733, 'win_rate': 0.75, 'trades': 16, 'buy_hold_return': 18.0412},
    'fc_z_h_040': {'symbol': 'COST', 'strategy': 'ema_cross', 'params': {'fast': 50, 'slow': 200}, 'start': '2010-01-04', 'end': '2023-12-29', 'initial_cash': 100000, 'final_equity': 712580, 'total_return': 6.1258, 'cagr': 0.1508, 'sharpe': 0.96, 'max_drawdown': -0.2435, 'win_rate': 0.666667, 'trades': 12, 'profit_factor': 5.31, 'buy_hold_return': 10.2463},
    'fc_z_h_041': {'symbol': '251270', 'strategy': 'buy_and_hold', 'start': '2018-01-02', 'end': '2023-12-28', 'initial_cash': 5000000, 'final_equity': 1786500, 'total_return': -0.6427, 'cagr': -0.158, 'max_drawdown': -0.7931, 'buy_hold_return': -0.6427},
    'fc_z_h_042': {'symbol': 'PG', 'strategy': 'bollinger_reversion', 'params': {'period': 20, 'k': 2.0}, 'start': '2012-01-03', 'end': '2016-12-30', 'initial_cash': 75000, 'final_equity': 88845, 'total_return': 0.1846, 'cagr': 0.0345, 'sharpe': 0.51, 'max_drawdown': -0.1173, 'volatility': 0.1135, 'win_rate': 0.689655, 'trades': 29, 'profit_factor': 1.42, 'exposure': 0.2417, 'buy_hold_return': 0.3127},
    'fc_z_h_043': {'symbol': '012330', 'strategy': 'sma_cross', 'params': {'fast': 20, 'slow': 120}, 'start': '2015-01-02', 'end': '2022-12-29', 'initial_cash': 100000000, 'final_equity': 77860000, 'total_return': -0.2214, 'cagr': -0.0308, 'sharpe': -0.18, 'max_drawdown': -0.4265, 'win_rate': 0.285714, 'trades': 21, 'profit_factor': 0.71, 'buy_hold_return': -0.2581},
    'fc_z_h_044': {'symbol': 'AVGO', 'strategy': 'buy_and_hold', 'start': '2019-01-02', 'end': '2021-12-31', 'initial_cash': 10000, 'final_equity': 30650, 'total_return': 2.065, 'cagr': 0.4535, 'max_drawdown': -0.4187, 'buy_hold_return': 2.065},
    'fc_z_h_045': {'symbol': '055550', 'strategy': 'rsi_reversion', 'params': {'period': 21, 'lower': 25, 'upper': 75}, 'start': '2014-01-02', 'end': '2023-12-28', 'initial_cash': 100000000, 'final_equity': 133560000, 'total_return': 0.3356, 'cagr': 0.0294, 'sharpe': 0.29, 'sortino': 0.41, 'max_drawdown': -0.2883, 'volatility': 0.1912, 'win_rate': 0.696429, 'trades': 56, 'profit_factor': 1.31, 'exposure': 0.2139, 'buy_hold_return': -0.0318},
    'fc_z_h_046': {'symbol': 'SPY', 'strategy': 'ema_cross', 'params': {'fast': 20, 'slow': 50}, 'start': '2020-01-02', 'end': '2023-12-29', 'initial_cash': 5000000, 'final_equity': 6483500, 'total_return': 0.2967, 'cagr': 0.0673, 'sharpe': 0.55, 'max_drawdown': -0.1722, 'win_rate': 0.419355, 'trades': 31, 'profit_factor': 1.27, 'buy_hold_return': 0.5836},
    'fc_z_h_047': {'symbol': '352820', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2021-01-04', 'end': '2023-12-28', 'initial_cash': 20000000, 'final_equity': 24962000, 'total_return': 0.2481, 'cagr': 0.0772, 'max_drawdown': -0.5178, 'win_rate': 0.431818, 'trades': 44, 'profit_factor': 1.12, 'buy_hold_return': 0.1122},
    'fc_z_h_048': {'symbol': 'GS', 'strategy': 'sma_cross', 'params': {'fast': 50, 'slow': 200}, 'start': '2008-01-02', 'end': '2017-12-29', 'initial_cash': 100000, 'final_equity': 165410, 'total_return': 0.6541, 'cagr': 0.0517, 'sharpe': 0.34, 'max_drawdown': -0.3416, 'win_rate': 0.454545, 'trades': 11, 'profit_factor': 1.93, 'buy_hold_return': 0.0684},
    'fc_z_h_049': {'symbol': '005930', 'strategy': 'buy_and_hold', 'start': '2010-01-04', 'end': '2019-12-30', 'initial_cash': 100000000, 'final_equity': 383120000, 'total_return': 2.8312, 'cagr': 0.144, 'sharpe': 0.61, 'max_drawdown': -0.3286, 'volatility': 0.2571, 'buy_hold_return': 2.8312},
    'fc_z_h_050': {'symbol': 'INTC', 'strategy': 'ema_cross', 'params': {'fast': 12, 'slow': 26}, 'start': '2018-01-02', 'end': '2022-12-30', 'initial_cash': 30000, 'final_equity': 21312, 'total_return': -0.2896, 'cagr': -0.0662, 'max_drawdown': -0.4811, 'win_rate': 0.365385, 'trades': 52, 'profit_factor': 0.81, 'buy_hold_return': -0.3614},
    'fc_z_h_051': {'symbol': '011200', 'strategy': 'bollinger_breakout', 'params': {'period': 20, 'k': 2}, 'start': '2020-01-02', 'end': '2022-12-29', 'initial_cash': 10000000, 'final_equity': 41245000, 'total_return': 3.1245, 'cagr': 0.6063, 'max_drawdown': -0.6344, 'win_rate': 0.4, 'trades': 15, 'profit_factor': 3.22, 'buy_hold_return': 3.8672},
    'fc_z_h_052': {'symbol': 'WMT', 'strategy': 'rsi_reversion', 'params': {'period': 14, 'lower': 30, 'upper': 70}, 'start': '2015-01-02', 'end': '2019-12-31', 'initial_cash': 100000, 'final_equity': 148630, 'total_return': 0.4863, 'cagr': 0.0826, 'sharpe': 0.66, 'sortino': 0.97, 'max_drawdown': -0.1459, 'win_rate': 0.708333, 'trades': 24, 'profit_factor': 1.88, 'exposure': 0.1942, 'buy_hold_return': 0.4215},
    'fc_z_h_053': {'symbol': '036570', 'strategy': 'buy_and_hold', 'start': '2021-01-04', 'end': '2022-12-29', 'initial_cash': 50000000, 'final_equity': 26540000, 'total_return': -0.4692, 'cagr': -0.2735, 'max_drawdown': -0.5546, 'buy_hold_return': -0.4692},
    'fc_z_h_054': {'symbol': 'QQQ', 'strategy': 'bollinger_reversion', 'params': {'period': 20, 'k': 2}, 'start': '2022-01-03', 'end': '2023-06-30', 'initial_cash': 15000, 'final_equity': 15921, 'total_return': 0.0614, 'cagr': 0.0409, 'max_drawdown': -0.1637, 'win_rate': 0.625, 'trades': 8, 'buy_hold_return': 0.1108},
    'fc_z_h_055': {'symbol': '000660', 'strategy': 'ema_cross', 'params': {'fast': 10, 'slow': 30}, 'start': '2016-01-04', 'end': '2020-12-30', 'initial_cash': 100000000, 'final_equity': 256310000, 'total_return': 1.5631, 'cagr': 0.2077, 'sharpe': 0.79, 'max_drawdown': -0.3318, 'win_rate': 0.425532, 'trades': 47, 'profit_factor': 1.74, 'buy_hold_return': 2.2284},
    'fc_z_h_056': {'symbol': 'TSLA', 'strategy': 'rsi_reversion', 'params': {'period': 2, 'lower': 10, 'upper': 90}, 'start': '2020-01-02', 'end': '2021-12-31', 'initial_cash': 20000, 'final_equity': 59666, 'total_return': 1.9833, 'cagr': 0.7292, 'max_drawdown': -0.3654, 'win_rate': 0.714286, 'trades': 63, 'buy_hold_return': 10.5213},
    'fc_z_h_057': {'symbol': '068270', 'strategy': 'buy_and_hold', 'start': '2017-01-02', 'end': '2020-12-30', 'initial_cash': 100000000, 'final_equity': 374190000, 'total_return': 2.7419, 'cagr': 0.3918, 'max_drawdown': -0.4422, 'buy_hold_return': 2.7419},
    'fc_z_h_058': {'symbol': 'EEM', 'strategy': 'sma_cross', 'params': {'fast': 50, 'slow': 200}, 'start': '2012-01-03', 'end': '2021-12-31', 'initial_cash': 100000, 'final_equity': 94560, 'total_return': -0.0544, 'cagr': -0.0056, 'max_drawdown': -0.2716, 'win_rate': 0.307692, 'trades': 13, 'buy_hold_return': 0.1246},
    'fc_z_h_059': {'symbol': '034730', 'strategy': 'macd_cross', 'params': {'fast': 12, 'slow': 26, 'signal': 9}, 'start': '2019-01-02', 'end': '2020-12-30', 'initial_cash': 100000000, 'final_equity': 121370000, 'total_return': 0.2137, 'cagr': 0.102, 'sharpe': 0.48, 'sortino': 0.66, 'max_drawdown': -0.2963, 'win_rate': 0.444444, 'trades': 27, 'buy_hold_return': 0.0891},
    'fc_z_h_060': {'symbol': 'HD', 'strategy': 'bollinger_breakout', 'params': {'period': 20, 'k': 2}, 'start': '2016-01-04', 'end': '2021-12-31', 'initial_cash': 500000, 'final_equity': 887100, 'total_return': 0.7742, 'cagr': 0.1004, 'sharpe': 0.62, 'sortino': 0.84, 'max_drawdown': -0.3114, 'volatility': 0.1987, 'win_rate': 0.45, 'trades': 20, 'profit_factor': 1.68, 'exposure': 0.4371, 'buy_hold_return': 1.5983},
}

ITEMS = [
    ("fc_z_h_001", "ko",
     "[민수] 삼성전자(005930) 20일/60일 골든크로스 백테스트 돌려봤어\n"
     "[민수] 18년 1월 2일 ~ 22년 12월 29일, 1억 넣어서 1억 3,184만 원 됐음\n"
     "[지현] 오 31.84%네? 그냥 들고만 있었으면?\n"
     "[민수] 바이앤홀드는 9.75%. 41.59%p 이긴 거지\n"
     "[지현] mdd는?\n"
     "[민수] -27.43%. 23번 매매에 승률 39.1%\n"
     "[지현] 그래도 연 5.7%면 나쁘진 않네 ㅎㅎ",
     [("41.59%p", "excess_return", 0.2209, "excess")]),

    ("fc_z_h_002", "en",
     "Okay, so picture this. You put a hundred thousand dollars into SPY on January 4th, 2010, and "
     "you just... sit there. Ten years. By December 31st, 2019, it's worth $289,570. That's a "
     "189.57 percent gain, about eleven point two percent a year, compounded. And the ride? The "
     "worst peak-to-trough was nineteen point three five percent, volatility around 14.6, a Sharpe "
     "of 0.93 and a Sortino of 1.31. Honestly, that's the bar every strategy on this show has to clear.",
     []),

    ("fc_z_h_003", "ko",
     "「SK하이닉스(000660) RSI 역추세 전략 점검」\n"
     "▶ 설정: RSI 14일, 30 이하 매수 / 75 이상 매도\n"
     "▶ 기간: 2019.01.02 ~ 2023.12.28\n"
     "▶ 성과: 누적 +62.47%, CAGR 10.22%, 샤프 0.72 / 소르티노 1.05\n"
     "▶ 위험: MDD -31.58%, 연변동성 28.71%, 시장 노출 27.64%\n"
     "▶ 거래: 31회, 승률 70.97%, PF 1.83\n"
     "▶ 평가: 단순 보유(+192.18%)를 129.7%p 상회\n"
     "※ 5천만 원 투입 시 기말 평가액 8,123만 5천 원. 과거 성과가 미래 수익을 보장하지 않음.",
     [("75", "params.upper", 70, "param"),
      ("129.7%p", "excess_return", -1.2971, "sign")]),

    ("fc_z_h_004", "en",
     "Backtested a 12/26 EMA cross on $AAPL, Jan '15 → Dec '20. $25k became $78,590 (+241.36%, "
     "21.05% CAGR). Still lagged plain buy & hold by 110.85 pts. Sharpe 0.97, max DD -30.12%, "
     "28 trades, 42.9% hit rate. Trend following on a monster trend = leaving money on the table. #backtest",
     [("+241.36%", "total_return", 2.1436, "swap")]),

    ("fc_z_h_005", "ko",
     "[알림] NAVER(035420) 볼린저 밴드 역추세(20일, 2σ) 백테스트 완료 🔔\n"
     "20.01.02~23.12.28 동안 12.36% 손실 (연 -3.26%)\n"
     "3,000만 원 → 2,629만 2천 원\n"
     "같은 기간 보유했다면 -21.64% → 9.28%p 덜 잃었어요\n"
     "최대 낙폭 38.45% · 17회 거래 · 승률 58.8% · PF 0.86\n"
     "자세히 보기 >",
     []),

    ("fc_z_h_006", "en",
     "COMPLIANCE MEMO — marketing review, QQQ MACD(12,26,9) backtest\n"
     "The draft factsheet states a simulated period of January 4, 2015 to December 31, 2021, growth "
     "of $1,000,000 to $2.41M (+141.08%), a 15.82% annualized return and a Sharpe ratio of 1.24. "
     "Max drawdown (-24.67%), volatility (18.93%) and time in market (61.25%) are disclosed. The "
     "piece must also state, with equal prominence, that buy-and-hold returned 302.36% over the same "
     "window, i.e. the strategy trailed it by 161.28 percentage points. Trade count (64) and win rate "
     "(24.2%) may stay in the footnote. Hypothetical results; not approved for retail distribution "
     "until revised.",
     [("2015", "start", "2016-01-04", "date"),
      ("1.24", "sharpe", 0.88, "attribution"),
      ("24.2%", "win_rate", 0.421875, "swap")]),

    ("fc_z_h_007", "ko",
     "종목,전략,파라미터,시작,종료,초기자본,최종자산,총수익률,CAGR,MDD,샤프,거래수,승률,PF,보유수익률\n"
     "051910,EMA교차,5/20,2021-01-04,2023-12-28,\"20,000,000\",\"14,286,000\",-28.57%,-10.68%,"
     "-46.32%,-0.41,46,32.6%,0.79,-37.10%",
     []),

    ("fc_z_h_008", "en",
     "MSFT, 50/200-day SMA crossover, 2012-01-03 to 2021-12-31\n\n"
     "| metric | strategy | buy & hold |\n"
     "|---|---|---|\n"
     "| total return | 472.15% | 914.52% |\n"
     "| ending value of $100k | $572,150 | — |\n"
     "| growth multiple | 4.72x | — |\n"
     "| CAGR | 19.07% | — |\n"
     "| max drawdown | -22.84% | — |\n"
     "| Sharpe / Sortino | 1.12 / 1.58 | — |\n\n"
     "Only nine round trips in ten years (win rate 66.7%), profit factor 3.94, invested 78.4% of "
     "the time. The gap to holding is 442.37 points.",
     [("4.72x", "equity_multiple", 5.7215, "multiple")]),

    ("fc_z_h_009", "ko",
     "📬 주간 퀀트 레터 — 이번 주 '그냥 들고 있기' 실험은 현대차(005380)입니다. '20년 초에 1억 원을 "
     "넣고 21년 말까지 아무것도 하지 않았다면 계좌는 1억 6,615만 원, 누적 66.15%(연평균 18.49%)가 "
     "됐습니다. 문제는 과정입니다. 중간에 고점 대비 52.13%까지 빠지는 구간이 있었고, 연 변동성은 "
     "37.45%, 샤프 비율은 0.58에 그쳤습니다. 수익률 숫자만 보고 따라 하기엔 심장이 꽤 튼튼해야 합니다.",
     [("'20년", "start", "2019-01-02", "date")]),

    ("fc_z_h_010", "en",
     "TSLA — Bollinger breakout (20-day, 2.0 SD), 01/02/2019–12/31/2021\n"
     "• $10,000 grew to $103,175, a 10.3x multiple (+931.75%, CAGR 117.97%)\n"
     "• buy-and-hold did +1,584.02%, so the strategy lagged by 652.27 percentage points\n"
     "• worst drawdown 43.78%\n"
     "• fourteen trades, 42.9% winners, profit factor 4.12\n"
     "• three years is a tiny sample for a stock this wild",
     []),

    ("fc_z_h_011", "ko",
     "셀트리온(068270) MACD (8, 21, 5) backtest 정리 — 20년 3월 23일 start, 22년 12월 29일 end. "
     "Total return +4.12%, CAGR 1.47%, Sharpe 0.14라서 솔직히 별 볼 일 없어 보이지만, 같은 기간 "
     "buy & hold가 -24.73%였으니 excess로는 +28.85%p. 1,000만 원 넣었으면 최종 104만 1,200원. "
     "MDD -33.55%, trades 38회, win rate 44.7%, PF 1.04.",
     [("104만 1,200원", "final_equity", 10412000, "scale10")]),

    ("fc_z_h_012", "en",
     "From this week's Allocator Notes: gold as a buy-and-hold sleeve held up better than its "
     "reputation. A $50,000 position in GLD opened on 2 January 2018 was worth $70,185 by "
     "30 December 2022, a 40.37% total return, or 7.03% a year. Its worst slide was 20.86% from "
     "peak, annual volatility was just under 14% (13.98%), and the Sharpe ratio came in at 0.52. "
     "Not spectacular, but steady for five years that included a pandemic and a rate shock.",
     []),

    ("fc_z_h_013", "ko",
     "[준법감시팀 검토 메모]\n"
     "대상: KB금융(105560) RSI 역추세 전략 운용보고서 초안\n"
     "○ 기재된 전략 조건(RSI 2일, 10 미만 매수·90 초과 매도)과 검증 기간(2016년 1월 4일~2020년 "
     "12월 30일)은 원자료와 일치함.\n"
     "○ 수익률 22.71%, 연환산 4.19%, 샤프 0.35·소르티노 0.49, 최대 낙폭 -25.19% 역시 일치함.\n"
     "○ 다만 '총 78회 거래, 승률 70.1%, 손익비 1.29, 시장 노출도 25.2%' 문구는 재확인이 필요함.\n"
     "○ 운용자금 2억 원이 대략 2억 4천만 원이 되었다는 표현은 허용 범위이나, 단순 보유(13.49%) "
     "대비 초과수익 9.22%p를 함께 명시할 것.",
     [("78회", "trades", 87, "swap"),
      ("25.2%", "exposure", 0.1853, "attribution")]),

    ("fc_z_h_014", "en",
     "NVDA,sma_cross,fast=10,slow=50,2017-01-03,2023-12-29,cash=100000,final=1384630,"
     "ret=+1284.63%,cagr=45.69%,sharpe=1.04,mdd=-56.17%,trades=41,win=34.9%,bh=+2711.45%,"
     "vs_bh=-1426.82pp",
     [("34.9%", "win_rate", 0.439024, "swap")]),

    ("fc_z_h_015", "ko",
     "카카오(035720) 21년 첫 거래일에 1,000만 원 몰빵하고 3년 버텼으면 지금 512만 5천 원. 48.75% "
     "손실, 연 -20.1%, 고점 대비 최대 71.12% 빠짐. 존버가 늘 답은 아니다 #백테스트",
     []),

    ("fc_z_h_016", "en",
     "So here's the small-cap test. Starting Q2 2018, April 2nd to be exact, we ran a "
     "mean-reversion rule on IWM: buy when price drops below the lower Bollinger band, twenty days, "
     "two and a half standard deviations, and sell on the way back. Two hundred thousand dollars "
     "turned into $270,360 by the end of 2023. That's 35.18 percent, roughly seven percent a year. "
     "It beat holding the index by 5.7 points. Twenty-two trades, a 68.2 percent hit rate, profit "
     "factor 1.61, Sharpe 0.44, and a max drawdown of 28.91 percent. Not thrilling radio, but it worked.",
     [("seven", "cagr", 0.0539, "approx")]),

    ("fc_z_h_017", "ko",
     "### 삼성SDI(006400) · EMA 20/60 교차\n\n"
     "| 항목 | 값 |\n"
     "|---|---|\n"
     "| 기간 | 2019년 1월 2일 ~ 2022년 12월 29일 |\n"
     "| 투자금 → 평가액 | 1억 원 → 2억 3,542만 원 (2.35배) |\n"
     "| 누적 / 연환산 | 135.42% / 23.94% |\n"
     "| 샤프 / 소르티노 | 0.83 / 1.19 |\n"
     "| 최대 낙폭 / 변동성 | 38.77% / 39.54% |\n"
     "| 거래 / 승률 / PF | 열아홉 번 / 42.1% / 2.21 |\n"
     "| 노출 | 54.77% |\n"
     "| 보유 전략 대비 | -35.94%p (보유 171.36%) |",
     []),

    ("fc_z_h_018", "en",
     "🔔 Your backtest is ready: AMZN · RSI-14 (buy < 25, sell > 75) · Jan 2020–Dec 2022. "
     "Result: $5,000 → $4,579 (-8.42%, -2.9%/yr). Buy & hold: -9.86%, so you were 1.44 pts better. "
     "Max drawdown -27.64% · 12 trades · 58% win rate. Tap to compare with other rules.",
     []),

    ("fc_z_h_019", "ko",
     "「기아(000270) MACD 추세추종 — 5년 성과 리뷰」\n"
     "▶ 조건: MACD 12·26, 시그널 9 / 검증 구간 2017.01.02~2021.12.30\n"
     "▶ 5억 원 → 9억 3,675만 원 (누적 +87.35%, 연 13.4%)\n"
     "▶ 위험조정: 샤프 0.95, 소르티노 0.67\n"
     "▶ 낙폭·변동성: MDD 30.21%, 변동성 26.33%\n"
     "▶ 매매: 53회, 승률 45.28%, PF 1.52, 보유 비중 59.08%\n"
     "※ 동기간 단순보유 +101.64% 대비 14.29%p 열위. 추세 구간 외 휩쏘 손실이 누적됨.",
     [("0.95", "sharpe", 0.67, "attribution"),
      ("0.67", "sortino", 0.95, "attribution")]),

    ("fc_z_h_020", "en",
     "Ticker: JPM\n"
     "Rule: buy and hold, no rebalancing\n"
     "Window: 2013-01-02 → 2017-12-29 (five years)\n"
     "Start / end value: $1.0M / $2.15M\n"
     "Total return: 114.63% (2.15x)\n"
     "Annualised: 16.54%\n"
     "Vol / Sharpe: 20.11% / 0.89\n"
     "Deepest drawdown: 22.47%",
     []),

    ("fc_z_h_021", "ko",
     "나: LG엔솔(373220) 볼린저 돌파 결과 나옴\n"
     "나: 상장일 22년 1월 27일부터 23년 12월 28일까지, 20일선 ±2표준편차\n"
     "팀장님: 그래서 얼마\n"
     "나: 3천만 원 → 3,568만 2천 원, +18.94%요\n"
     "팀장님: 그냥 샀으면?\n"
     "나: 8.62%요. 10.32%p 앞섰습니다\n"
     "나: 근데 거래가 열한 번뿐이고 승률 36.4%, 최대 낙폭도 34.67%라서 표본이 너무 작아요\n"
     "팀장님: 연환산은\n"
     "나: 9.47%",
     []),

    ("fc_z_h_022", "en",
     "META 20/100 SMA cross, 2021–22: lost 31.28% ($50k → $34.36k) vs -51.84% for buy & hold. "
     "Losing 20.56 pts less is still losing. 7 trades, 28.6% win rate, MDD -44.19%.",
     []),

    ("fc_z_h_023", "ko",
     "팀장님, 삼성바이오로직스(207940) RSI 역추세(14일, 30/70) 백테스트 결과 보고드립니다. "
     "2018년 1월 2일부터 2020년 12월 30일까지 10억 원으로 운용 시 최종 평가액은 144억 1,800만 원, "
     "누적 수익률 44.18%(연 13.01%)입니다. 26회 거래 중 승률은 73.1%, 손익비 1.97, 최대 낙폭 "
     "-27.56%로 안정적이었습니다. 다만 같은 기간 단순 보유 수익률이 120.35%여서, 보유 대비 "
     "164.53%p 뒤처졌다는 점은 함께 말씀드립니다.",
     [("144억 1,800만", "final_equity", 1441800000, "scale10"),
      ("164.53%p", "excess_return", -0.7617, "excess", -1)]),

    ("fc_z_h_024", "en",
     "Energy corner. Anyone who timed XLE with a MACD(12,26,9) signal from January 2014 through "
     "December 2020 gained 35.47% on paper, turning $100,000 into $64,530, an annualized -6.07%, "
     "with a Sharpe of -0.21 and a 55.24% peak-to-trough drop along the way. Seventy-one trades, "
     "a 39.4% win rate and a profit factor of 0.83. The only consolation is that simply holding the "
     "fund lost 59.12%, so the timing rule was 23.65 points less bad.",
     [("35.47%", "total_return", -0.3547, "sign")]),

    ("fc_z_h_025", "ko",
     "이번 호의 '지루한 종목' 코너는 SK텔레콤(017670)입니다. 2015년 첫 거래일부터 2019년 12월 "
     "30일까지 주가는 4.18% 내렸지만, 20일 볼린저 밴드 하단(2표준편차)에서 사고 중심선에서 파는 "
     "역추세 규칙은 13.57%를 벌었습니다. 보유 대비 17.8%p 우위입니다. 연환산으로는 2.58%에 "
     "불과하고 샤프도 0.41이지만, 최대 낙폭이 16.68%, 변동성이 15.87%로 낮고 시장에 머문 시간은 "
     "22.83%뿐이었습니다. 33번 매매해 승률 63.6%, PF 1.35. 1억 원은 1억 1,357만 원이 됐습니다.",
     []),

    ("fc_z_h_026", "en",
     "**KO — EMA(10) vs EMA(40)**, 1/4/2016 – 12/31/2019\n\n"
     "| | Strategy | Hold |\n"
     "|:--|--:|--:|\n"
     "| Return | 9.25% | 28.56% |\n"
     "| Relative | -37.81pp | |\n"
     "| CAGR | 2.24% | |\n"
     "| Max DD | -12.47% | |\n"
     "| Sharpe | 0.27 | |\n"
     "| Trades / win % | 37 / 43.2% | |\n"
     "| Profit factor | 1.09 | |\n"
     "| $20k ends at | $21,850 | |",
     [("-37.81pp", "excess_return", -0.1931, "excess")]),

    ("fc_z_h_027", "ko",
     "📉 SK이노베이션(096770) 5일·20일 이평 교차 전략 결과\n"
     "'22.01.03~'23.12.28 | 1,000만 원 → 841만 7천 원 (-15.83%)\n"
     "연환산 -8.33% · MDD -29.12%\n"
     "85회 매매, 승률 36.2%\n"
     "그래도 단순 보유(-24.06%)보다 8.23%p 덜 잃었어요",
     [("85회", "trades", 58, "swap")]),

    ("fc_z_h_028", "en",
     "Robo-Advisor update: Holding NFLX since Jan 2, 2019 turned $10,000 into $17,416 as of "
     "Dec 29, 2023 (+74.16%, 11.76% per year). Heads-up: on the way it fell 75.62% from its high. "
     "Consider position sizing.",
     []),

    ("fc_z_h_029", "ko",
     "KT&G(033780);MACD(12,26,9);18.01.02;23.12.28;5,000만→5,159만;누적 +3.18%;연 0.52%;샤프 0.06;"
     "MDD 21.94%;92회/승률 41.3%;PF 1.02;보유 -14.72%;초과 +17.9%p",
     []),

    ("fc_z_h_030", "en",
     "Minutes, investment committee. The quant desk presented an RSI(14) mean-reversion test on AMD "
     "(entry below 30, exit above 70) covering January 2016 to December 2020. A $250,000 allocation "
     "would have ended at $1.22 million, up 387.24%, or 37.34% annualized, with Sharpe 1.21 and "
     "Sortino 1.87. The committee noted the 41.23% maximum drawdown, 45.62% volatility and only "
     "31.56% time in the market. Forty-four trades at a 70.5% win rate and a profit factor of 2.64. "
     "Members observed that holding AMD outright returned 3,011.47%, i.e. 2,624.23 percentage points "
     "more, and asked whether the strategy's purpose is return or risk control. No decision was taken.",
     []),

    ("fc_z_h_031", "ko",
     "LG(003550) buy & hold 2020 한 해 recap: 1억 원 → 1억 1,978만 원, 약 25% 수익. 근데 코로나 "
     "crash 때 MDD -35.42%, vol 40.12%, Sharpe 0.61. 수익은 좋았지만 risk-adjusted로 보면 그냥 그런 편.",
     [("25%", "total_return", 0.1978, "approx")]),

    ("fc_z_h_032", "en",
     "TL;DR on the Visa crossover test (20-day over 60-day SMA, 2018 through 2021): it made about "
     "60%, $100k to $158,730 or 12.26% a year, while just owning V made 91.24%. That is 32.51 "
     "points of underperformance for 27 trades, a 40.7% win rate, a Sharpe of 0.69 and a 26.18% drawdown.",
     []),

    ("fc_z_h_033", "ko",
     "(유튜브 대본) 여러분, 삼성물산(028260)에 12일·26일 지수이동평균 교차를 8년 동안 돌려봤습니다. "
     "16년 1월 4일에 2억 원을 넣었으면 23년 12월 28일 기준 1억 8,158만 원. 네, 9.21% 손실이에요. "
     "연으로 치면 -1.2%, 샤프는 -0.02, 중간에 최대 38.26%까지 빠졌습니다. 67번 사고팔아서 승률 "
     "37.3%, 프로핏 팩터 0.94. 그런데 재밌는 건 그냥 들고 있었으면 23.17% 손실이었다는 거죠. "
     "13.96%p 덜 잃은 겁니다.",
     []),

    ("fc_z_h_034", "en",
     "Equity Strategy Note — DIS. A 20-day, 3σ Bollinger breakout run from 2015-01-02 to 2019-12-31 "
     "returned 26.14% (4.76% CAGR), lifting a $50,000 book to $63,070. The band rarely fired: 18 "
     "trades, 38.9% hit rate, profit factor 1.44, maximum drawdown 19.32%. Versus a passive 43.52% "
     "over the same five years, the rule gave up 17.38 pp. We would not recommend it.",
     [("3σ", "params.k", 2, "param")]),

    ("fc_z_h_035", "ko",
     "■ 심의 의견서 (광고물 사전심의)\n"
     "상품 설명자료 내 LG전자(066570) MACD(8·21·5) 전략 예시 문구: '2018년 1월 2일부터 2021년 "
     "12월 30일까지 1억 원을 운용했다면 2억 235만 원, 원금의 3.02배가 되었습니다(누적 +102.35%, "
     "연 26.56%).'\n"
     "- 샤프지수 0.91, 최대낙폭 -28.16%, 49회 매매·승률 44.9%, 손익비 1.71 기재 확인.\n"
     "- 동 기간 단순보유 수익률 188.93%를 병기하고, 전략이 이를 86.58%p 하회했음을 명시할 것.\n"
     "- '과거의 수익률이 미래의 수익률을 보장하지 않는다'는 경고 문구를 본문과 같은 크기로 표시할 것.",
     [("2018년", "start", "2019-01-02", "date"),
      ("3.02배", "equity_multiple", 2.0235, "multiple")]),

    ("fc_z_h_036", "en",
     "Bond-fund investors learned a hard lesson. A buy-and-hold position in TLT from January 2, 2020 "
     "to December 29, 2023 turned $100,000 into $67,390, an annualized loss of 9.42%. The maximum "
     "drawdown was 32.61%, with 17.84% volatility and a Sharpe ratio of -0.52: equity-like pain from "
     "the 'safe' part of the portfolio.",
     [("32.61%", "max_drawdown", -0.4829, "attribution")]),

    ("fc_z_h_037", "ko",
     "하나금융지주(086790)에 10일·30일 단순이동평균 교차를 적용한 결과를 공유드립니다. 기간은 "
     "2017년 1월 2일~2019년 12월 30일, 원금 3,000만 원이 3,225만 6천 원이 되어 수익률은 7.52%, "
     "연평균 2.45%입니다. 거래는 서른다섯 번, 승률은 정확히 40%, 손익비 1.08, 최대 낙폭 18.45%"
     "였습니다. 같은 기간 보유 수익률 15.68%보다 8.16%p 낮습니다.",
     []),

    ("fc_z_h_038", "en",
     "quant_kev: ran MACD 12/26/9 on GOOGL, 2H19 through end of '23\n"
     "quant_kev: $40k → $72,496, +81.24%, 14.14% CAGR\n"
     "maya_t: so a net profit of $3.25k? lol\n"
     "quant_kev: yeah lol. sharpe 0.71, max dd -31.27%\n"
     "maya_t: how many trades\n"
     "quant_kev: 58, win rate 44.8%, PF 1.46\n"
     "maya_t: and just holding?\n"
     "quant_kev: 167.42%. we lost by 86.18 pts 💀",
     [("$3.25k", "net_profit", 32496, "scale10")]),

    ("fc_z_h_039", "ko",
     "에코프로비엠(247540) RSI 14 / 30 매수 70 매도, 20~23년. 1천만 원 → 5,518만 6천 원(+451.86%, "
     "5.52배). 승률 75%에 열여섯 번 매매. 근데 그냥 들고 있었으면 +1,804.12%… 1,352.26%p 뒤처짐 ㅠ "
     "MDD -57.33%",
     []),

    ("fc_z_h_040", "en",
     "And now, the Costco test. Fifty-day EMA crossing the two-hundred-day, January 2010 to the end "
     "of 2023, almost fourteen years. A hundred grand becomes $712,580. That's up 612.58 percent, "
     "fifteen point oh eight a year. Sharpe 0.96. Worst drawdown, 24.35 percent. Here's the thing, "
     "though: only twenty-one trades the whole time, a 66.7 percent win rate, profit factor 5.31, "
     "and it still trailed simply holding, which made 1,024.63 percent. That's a 412-point gap.",
     [("twenty-one", "trades", 12, "trades")]),

    ("fc_z_h_041", "ko",
     "[보유 리포트] 넷마블(251270)을 2018.01.02에 500만 원어치 사서 2023.12.28까지 보유했다면 "
     "평가액은 178만 6,500원입니다. 누적 수익률 -64.27%, 연 +15.8%, 최고점 대비 최대 79.31% 하락을 "
     "겪었습니다. 분할 매수·손절 규칙을 검토해 보세요.",
     [("+15.8%", "cagr", -0.158, "sign")]),

    ("fc_z_h_042", "en",
     "PG / Bollinger mean reversion / 20d, 2.0σ\n"
     "period ........ 3 Jan 2012 – 30 Dec 2016\n"
     "capital ....... $75,000 → $88,845 (+18.46%)\n"
     "CAGR .......... 3.45%\n"
     "vol / Sharpe .. 11.35% / 0.51\n"
     "max DD ........ 11.73%\n"
     "trades ........ 29 (68.97% won)\n"
     "PF ............ 1.42\n"
     "exposure ...... 24.17%\n"
     "vs hold ....... -12.81 pts (hold +31.27%)",
     []),

    ("fc_z_h_043", "ko",
     "#### 현대모비스(012330) 20/120일 SMA 크로스\n\n"
     "| 구분 | 전략 | 단순보유 |\n"
     "|---|---|---|\n"
     "| 누적수익률 | -22.14% | -25.81% |\n"
     "| 차이 | -47.95%p | — |\n"
     "| 연환산 | -3.08% | |\n"
     "| MDD | -42.65% | |\n"
     "| 샤프 | -0.18 | |\n"
     "| 거래(승률) | 21회(28.6%) | |\n"
     "| PF | 0.71 | |\n\n"
     "기간: 15.01.02~22.12.29, 원금 1억 원 → 7,786만 원",
     [("-47.95%p", "excess_return", 0.0367, "excess")]),

    ("fc_z_h_044", "en",
     "Boring strategy, great result: $10k in AVGO at the start of 2019, held to the end of 2021, "
     "= $30,650. +206.5%, a 3.07x, and 45.35% a year. Even with a 41.87% drawdown in the middle. #buyandhold",
     []),

    ("fc_z_h_045", "ko",
     "「신한지주(055550) RSI 역추세 10년 백테스트」\n"
     "▶ 파라미터: RSI 14일, 과매도 25 / 과매수 75\n"
     "▶ 기간: 2014.01.02 ~ 2023.12.28 (10년)\n"
     "▶ 누적 33.56% (연 2.94%) vs 단순보유 -3.18% → 초과 36.74%p\n"
     "▶ 샤프 0.29 / 소르티노 0.41 / MDD -28.83% / 변동성 19.12%\n"
     "▶ 56회 매매, 승률 69.6%, PF 1.31, 노출 21.39%\n"
     "※ 1억 원 기준 기말 1억 3,356만 원. 수수료·세금 미반영.",
     [("14일", "params.period", 21, "param")]),

    ("fc_z_h_046", "en",
     "To: Distribution Compliance\n"
     "Re: client deck, slide on the SPY 20/50 EMA overlay\n"
     "The slide shows a $5 million model account from January 2, 2020 through December 29, 2022 "
     "ending at $6,438,500, a 29.67% cumulative return (6.73% annualized). Sharpe 0.55, maximum "
     "drawdown 17.22%, 31 trades at a 41.9% win rate, profit factor 1.27. Required change: add the "
     "benchmark. Buy-and-hold SPY returned 58.36% over the same period, so the overlay underperformed "
     "by 28.69 percentage points. Mark all figures as hypothetical.",
     [("$6,438,500", "final_equity", 6483500, "swap"),
      ("2022", "end", "2023-12-29", "date")]),

    ("fc_z_h_047", "ko",
     "엄마: 하이브 주식 그거 어떻게 됐어\n"
     "나: 하이브(352820)에 MACD 12-26-9 신호로 사고판 거 시뮬레이션 해봤어\n"
     "나: 21년 1월 초에 2천만 원 넣었으면 23년 말에 2,496만 2천 원\n"
     "엄마: 얼마 번 거야\n"
     "나: 496만 2천 원, 24.81%. 연 7.7% 정도\n"
     "나: 그냥 사서 뒀으면 11.22%였으니까 13.59%p 더 번 거고\n"
     "엄마: 잘했네\n"
     "나: 근데 중간에 -51.78%까지 빠졌어 ㅋㅋ 44번 거래해서 승률 43.2%",
     []),

    ("fc_z_h_048", "en",
     "The death cross earned its keep at Goldman. In our archive test, a 50-day/200-day SMA rule on GS "
     "from January 2008 to December 2017 stepped aside for most of the financial crisis and finished "
     "up 65.41% ($100,000 to $165,410, 5.17% a year), against a meagre 6.84% for holders, a lead of "
     "58.57 percentage points. It needed only nine trades, won 45.5% of them and posted a profit "
     "factor of 1.93, though a 34.16% drawdown and a Sharpe of 0.34 show it was no smooth ride.",
     [("nine", "trades", 11, "trades")]),

    ("fc_z_h_049", "ko",
     "[머니레터] 2010년대 삼성전자(005930)를 그냥 들고만 있었다면? 2010년 1월 4일 1억 원을 넣고 "
     "2019년 12월 30일까지 보유하면 3억 8,312만 원, 약 280% 수익입니다. 연평균 14.4%, 원금의 "
     "3.83배. 10년 동안 최대 낙폭은 32.86%, 변동성 25.71%, 샤프 0.61이었습니다.",
     []),

    ("fc_z_h_050", "en",
     "symbol=INTC | rule=EMA 12/26 | from=2018-01-02 | to=2022-12-30 | start=$30,000 | end=$21,312 | "
     "return=-28.96% | cagr=-6.62% | maxdd=48.11% | trades=52 | hit=36.5% | pf=0.81 | hold=-36.14% | "
     "rel=-7.18pp",
     [("-7.18pp", "excess_return", 0.0718, "sign")]),

    ("fc_z_h_051", "ko",
     "HMM(011200) Bollinger breakout (20, 2σ), 2020~2022 backtest memo\n"
     "• 1,000만 원 → 4,124만 5천 원, net profit 3억 1,245만 원\n"
     "• Total return +312.45%, CAGR 60.63%, 약 4.1배\n"
     "• MDD -63.44% (해운 사이클 그대로 맞음)\n"
     "• 15 trades, win rate 40%, PF 3.22\n"
     "• B&H +386.72% 대비 -74.27%p",
     [("3억 1,245만", "net_profit", 31245000, "scale10")]),

    ("fc_z_h_052", "en",
     "WMT RSI(14) reversion, buy under 30, sell over 70, Jan 2015 to Dec 2019\n\n"
     "| Metric | Value |\n"
     "|---|---|\n"
     "| Final equity | $148.6k (from $100k) |\n"
     "| Total / annual | +48.63% / +8.26% |\n"
     "| vs buy & hold (+42.15%) | +648 bp |\n"
     "| Sharpe / Sortino | 0.66 / 0.97 |\n"
     "| Max drawdown | -14.59% |\n"
     "| Trades | 24, 70.8% winners |\n"
     "| Profit factor | 1.88 |\n"
     "| Time invested | 19.42% |",
     []),

    ("fc_z_h_053", "ko",
     "(라디오 경제 코너 원고) 오늘의 '만약에' 시간입니다. 엔씨소프트(036570) 주식을 2021년 첫 "
     "거래일에 5천만 원어치 사서 2022년 마지막 거래일까지 그대로 두었다면 어떻게 됐을까요? 남은 돈은 "
     "2,654만 원. 46.92%가 사라졌습니다. 해마다 27.35%씩 줄어든 셈이고, 가장 깊을 때는 고점에서 "
     "55.46% 아래까지 내려갔습니다. 원금을 지키는 게 얼마나 어려운지 보여 준 2년이었습니다.",
     []),

    ("fc_z_h_054", "en",
     "📲 Backtest done: QQQ mean reversion (20-day bands, 2 SD), Jan 3 2022 → end of 1H23. "
     "+6.14%, $15,000 → $15,921. Hold would've made 11.08% (you're 4.94 pts behind). 8 trades, "
     "63% won. Max dip -16.37%.",
     []),

    ("fc_z_h_055", "ko",
     "종목코드\t전략\t기간\t원금\t평가액\t수익률\t연환산\tMDD\t샤프\t매매\t승률\tPF\t보유수익률\n"
     "000660\tEMA 10/30\t2016.01.04-2020.12.30\t1억\t2억 5,631만\t156.31%\t20.77%\t-33.18%\t0.79\t47"
     "\t42.55%\t1.74\t222.84%",
     []),

    ("fc_z_h_056", "en",
     "dan: RSI(2) on TSLA, buy <10 sell >90, 2020 + 2021\n"
     "dan: 20k -> 59,666 usd. +198.33%, cagr 72.92%\n"
     "rin: nice. win rate?\n"
     "dan: 74.13% over 63 trades, max dd 36.54%\n"
     "rin: vs holding tsla though\n"
     "dan: hold was +1,052.13%. so we're 1,250.46 points behind lmao\n"
     "rin: rsi on tsla in 2020 is a crime",
     [("74.13%", "win_rate", 0.714286, "swap"),
      ("1,250.46", "excess_return", -8.538, "excess", -1)]),

    ("fc_z_h_057", "ko",
     "[내부통제 점검 결과] 셀트리온(068270) 장기보유 사례(2017년 1월 2일 매수, 2020년 12월 30일 평가) "
     "자료 검토. 원금 1억 원이 3억 7,419만 원(누적 274.19%, 3.74배)이 되었다는 기재는 정확함. 연평균 "
     "수익률 39.1% 표기는 반올림 기준 재확인 요망. 최대 낙폭 44.22% 병기 여부 확인 완료.",
     [("39.1%", "cagr", 0.3918, "rounding")]),

    ("fc_z_h_058", "en",
     "A decade of the golden cross on EEM (2012–2021): $100k → $94,560, down 5.44%. Holding the ETF "
     "made 12.46%. Thirteen trades, 30.8% winners, max drawdown 27.16%, and 17.9 pts of "
     "underperformance. Emerging markets don't trend. 🫠",
     []),

    ("fc_z_h_059", "ko",
     "SK(034730) MACD(12, 26, 9) 백테스트를 요약하면, 2020년 1월 2일부터 같은 해 12월 30일까지 "
     "1억 원이 1억 2,137만 원으로 불어나 21.37% 수익을 냈다. 연환산 10.2%, 샤프 0.48, 소르티노 "
     "0.66. 27번 매매에 승률 44.4%였고 최대 낙폭은 29.63%. 보유 전략(8.91%)보다 12.46%p 높다.",
     [("2020년", "start", "2019-01-02", "date")]),

    ("fc_z_h_060", "en",
     "Dear partners, a brief word on the Home Depot breakout sleeve we retired. From 2016 through "
     "2021 the 20-day, 2-standard-deviation Bollinger breakout on HD turned $500,000 into $887,100: "
     "a 77.42% gain, 10.04% compounded annually, Sharpe 0.62, volatility 19.87% and a worst drawdown "
     "of 31.14%. It traded twenty times, won 45% of them with a profit factor of 0.84, and was "
     "invested 43.71% of the time. Owning the stock did 159.83%, ~80 points better. That gap is why "
     "we stopped.",
     [("0.84", "profit_factor", 1.68, "attribution")]),
]
