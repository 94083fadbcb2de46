"""Second labelled set for the numeric fact checker: facts, texts and labels as literals.

Written independently of the checker (no Rust code under crates/ was read) and of the first
set (eval/factcheck/heldout.jsonl, dev.jsonl and their sources were not opened); only
eval/factcheck/README.md was read, for the line format and the labelling rules.

FACTS: synthetic, self-consistent backtest facts, one dict per line number. They were
computed once by a throw-away calculator outside the repository (final equity from the
initial cash and return, CAGR from the period) and pasted here as literals.

ITEMS: (n, lang, text, errors, tags), every text typed by hand for its own facts.
  errors: (number exactly as written, kpi, true value in fact units, kind)
  kind is my description of how the wrong number arose (not written to the jsonl).
  tags (not written to the jsonl either, used for README.md):
    "dir"     a negative value is written as a magnitude with a loss/decline word (rule 2)
    "approx5" a correct hedged number that passes only through the 5 % rule (rule 5)
"""

FACTS = {
    1: {"symbol": "005930", "strategy": "sma_cross", "params": {"fast": 5, "slow": 20},
        "start": "2019-01-02", "end": "2023-12-28", "initial_cash": 10000000,
        "final_equity": 14127097, "total_return": 0.4127097, "cagr": 0.0718, "sharpe": 0.71,
        "sortino": 1.02, "max_drawdown": -0.2284, "volatility": 0.2231, "win_rate": 0.4468,
        "trades": 47, "profit_factor": 1.42, "exposure": 0.58, "buy_hold_return": 0.5312},
    2: {"symbol": "AAPL", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
        "start": "2018-01-02", "end": "2022-12-30", "initial_cash": 100000,
        "final_equity": 288337.55, "total_return": 1.8833755, "cagr": 0.2364, "sharpe": 0.98,
        "sortino": 1.41, "max_drawdown": -0.3127, "volatility": 0.2614, "win_rate": 0.4211,
        "trades": 38, "profit_factor": 1.87, "buy_hold_return": 2.2216},
    3: {"symbol": "000660", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2020-01-02",
        "end": "2023-12-28", "initial_cash": 50000000, "final_equity": 61354858,
        "total_return": 0.22709716, "sharpe": 0.46, "sortino": 0.63, "max_drawdown": 0.3388,
        "win_rate": 0.6216, "trades": 37, "profit_factor": 1.38, "exposure": 0.31,
        "buy_hold_return": 0.3917},
    4: {"symbol": "SPY", "strategy": "buy_and_hold", "start": "2015-01-02", "end": "2024-12-31",
        "initial_cash": 250000, "final_equity": 718529.89, "total_return": 1.87411956,
        "cagr": 0.1114, "sharpe": 0.79, "sortino": 1.08, "max_drawdown": -0.3372,
        "volatility": 0.1768, "buy_hold_return": 1.87411956},
    5: {"symbol": "035720", "strategy": "macd_cross",
        "params": {"fast": 12, "slow": 26, "signal": 9}, "start": "2021-01-04",
        "end": "2023-12-28", "initial_cash": 30000000, "final_equity": 18462168,
        "total_return": -0.3845944, "cagr": -0.1504, "sharpe": -0.52, "sortino": -0.68,
        "max_drawdown": -0.4719, "win_rate": 0.3333, "trades": 27, "profit_factor": 0.71,
        "exposure": 0.44, "buy_hold_return": -0.6021},
    6: {"symbol": "NVDA", "strategy": "bollinger_breakout", "params": {"window": 20, "k": 2},
        "start": "2019-01-02", "end": "2023-12-29", "initial_cash": 50000,
        "final_equity": 520601.25, "total_return": 9.412025, "cagr": 0.5995, "sharpe": 1.52,
        "sortino": 2.31, "max_drawdown": -0.4105, "volatility": 0.4822, "win_rate": 0.4815,
        "trades": 54, "profit_factor": 2.46, "exposure": 0.52, "buy_hold_return": 13.7043},
    7: {"symbol": "005380", "strategy": "bollinger_reversion", "params": {"window": 20, "k": 2},
        "start": "2018-01-02", "end": "2022-12-29", "initial_cash": 20000000,
        "final_equity": 23163330, "total_return": 0.1581665, "cagr": 0.0299, "sharpe": 0.34,
        "sortino": 0.47, "max_drawdown": -0.2561, "win_rate": 0.5625, "trades": 32,
        "exposure": 0.27, "buy_hold_return": 0.1248},
    8: {"symbol": "TSLA", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
        "start": "2016-01-04", "end": "2023-12-29", "initial_cash": 10000,
        "final_equity": 75230.15, "total_return": 6.523015, "cagr": 0.2876, "sharpe": 0.88,
        "sortino": 1.29, "max_drawdown": 0.6237, "win_rate": 0.4545, "trades": 11,
        "profit_factor": 3.12, "exposure": 0.64, "buy_hold_return": 11.9614},
    9: {"symbol": "068270", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 25, "upper": 75}, "start": "2019-01-02",
        "end": "2024-12-30", "initial_cash": 100000000, "final_equity": 87461799,
        "total_return": -0.12538201, "sharpe": -0.11, "max_drawdown": -0.3017, "win_rate": 0.5789,
        "trades": 19, "profit_factor": 0.86, "exposure": 0.22, "buy_hold_return": -0.0831},
    10: {"symbol": "MSFT", "strategy": "macd_cross",
        "params": {"fast": 12, "slow": 26, "signal": 9}, "start": "2017-01-03",
        "end": "2021-12-31", "initial_cash": 200000, "final_equity": 620946.58,
        "total_return": 2.1047329, "cagr": 0.2548, "sharpe": 1.21, "sortino": 1.74,
        "max_drawdown": -0.2158, "volatility": 0.2087, "win_rate": 0.4462, "trades": 65,
        "profit_factor": 1.66, "buy_hold_return": 3.7381},
    11: {"symbol": "051910", "strategy": "buy_and_hold", "start": "2020-01-02",
        "end": "2022-12-29", "initial_cash": 5000000, "final_equity": 8903094,
        "total_return": 0.7806188, "cagr": 0.2129, "sharpe": 0.64, "max_drawdown": -0.4412,
        "volatility": 0.438, "buy_hold_return": 0.7806188},
    12: {"symbol": "QQQ", "strategy": "sma_cross", "params": {"fast": 20, "slow": 100},
        "start": "2010-01-04", "end": "2019-12-31", "initial_cash": 1000000,
        "final_equity": 3336820.85, "total_return": 2.33682085, "cagr": 0.1282, "sharpe": 0.93,
        "sortino": 1.3, "max_drawdown": -0.1843, "win_rate": 0.5, "trades": 24, "exposure": 0.71,
        "buy_hold_return": 3.8962},
    13: {"symbol": "035420", "strategy": "ema_cross", "params": {"fast": 10, "slow": 30},
        "start": "2021-01-04", "end": "2024-12-30", "initial_cash": 40000000,
        "final_equity": 28352472, "total_return": -0.2911882, "cagr": -0.0827, "sharpe": -0.38,
        "sortino": -0.49, "max_drawdown": 0.4176, "win_rate": 0.3571, "trades": 42,
        "profit_factor": 0.78, "buy_hold_return": -0.3825},
    14: {"symbol": "JPM", "strategy": "bollinger_reversion", "params": {"window": 20, "k": 2.5},
        "start": "2014-01-02", "end": "2018-12-31", "initial_cash": 75000,
        "final_equity": 108114.09, "total_return": 0.4415212, "cagr": 0.076, "sharpe": 0.62,
        "sortino": 0.85, "max_drawdown": -0.1722, "win_rate": 0.6667, "trades": 21,
        "exposure": 0.19, "buy_hold_return": 0.6792},
    15: {"symbol": "105560", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
        "start": "2015-01-02", "end": "2024-12-30", "initial_cash": 200000000,
        "final_equity": 326355629, "total_return": 0.63177814, "cagr": 0.0502, "sharpe": 0.41,
        "max_drawdown": -0.3544, "win_rate": 0.4138, "trades": 58, "profit_factor": 1.29,
        "exposure": 0.55, "buy_hold_return": 0.4109},
    16: {"symbol": "AMZN", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2019-01-02",
        "end": "2021-12-31", "initial_cash": 25000, "final_equity": 34530.62,
        "total_return": 0.3812248, "cagr": 0.1139, "sharpe": 0.67, "sortino": 0.94,
        "max_drawdown": -0.1965, "win_rate": 0.7143, "trades": 14, "profit_factor": 2.05,
        "exposure": 0.24, "buy_hold_return": 1.2181},
    17: {"symbol": "006400", "strategy": "bollinger_breakout", "params": {"window": 20, "k": 2},
        "start": "2020-01-02", "end": "2021-12-30", "initial_cash": 15000000,
        "final_equity": 33655668, "total_return": 1.2437112, "cagr": 0.5, "sharpe": 1.37,
        "sortino": 2.02, "max_drawdown": -0.2419, "win_rate": 0.5, "trades": 18, "exposure": 0.47,
        "buy_hold_return": 1.8325},
    18: {"symbol": "XOM", "strategy": "macd_cross", "params": {"fast": 8, "slow": 21, "signal": 5},
        "start": "2020-01-02", "end": "2024-12-31", "initial_cash": 500000,
        "final_equity": 972563.93, "total_return": 0.94512786, "cagr": 0.1424, "sharpe": 0.72,
        "sortino": 1.05, "max_drawdown": -0.2936, "volatility": 0.3011, "win_rate": 0.3973,
        "trades": 73, "profit_factor": 1.31, "buy_hold_return": 0.8023},
    19: {"symbol": "207940", "strategy": "buy_and_hold", "start": "2017-01-02",
        "end": "2021-12-30", "initial_cash": 30000000, "final_equity": 162858980,
        "total_return": 4.42863267, "cagr": 0.4035, "sharpe": 1.12, "max_drawdown": -0.3047,
        "volatility": 0.3821, "buy_hold_return": 4.42863267},
    20: {"symbol": "KO", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
        "start": "2012-01-03", "end": "2021-12-31", "initial_cash": 40000,
        "final_equity": 53623.07, "total_return": 0.34057675, "cagr": 0.0298, "sharpe": 0.31,
        "sortino": 0.42, "max_drawdown": 0.1488, "win_rate": 0.5556, "trades": 9,
        "profit_factor": 1.74, "exposure": 0.68, "buy_hold_return": 0.8729},
    21: {"symbol": "000270", "strategy": "ema_cross", "params": {"fast": 5, "slow": 20},
        "start": "2021-01-04", "end": "2023-12-28", "initial_cash": 10000000,
        "final_equity": 13163208, "total_return": 0.3163208, "sharpe": 0.58, "sortino": 0.81,
        "max_drawdown": 0.2032, "win_rate": 0.4068, "trades": 59, "profit_factor": 1.27,
        "exposure": 0.49, "buy_hold_return": 0.2894},
    22: {"symbol": "META", "strategy": "bollinger_breakout", "params": {"window": 20, "k": 2},
        "start": "2020-01-02", "end": "2023-12-29", "initial_cash": 150000,
        "final_equity": 232900.56, "total_return": 0.5526704, "cagr": 0.1166, "sharpe": 0.55,
        "sortino": 0.79, "max_drawdown": -0.4863, "volatility": 0.4124, "win_rate": 0.439,
        "trades": 41, "profit_factor": 1.41, "buy_hold_return": 0.7298},
    23: {"symbol": "011200", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2022-01-03",
        "end": "2023-12-28", "initial_cash": 20000000, "final_equity": 16326221,
        "total_return": -0.18368895, "sharpe": -0.41, "max_drawdown": -0.2994, "win_rate": 0.5,
        "trades": 18, "profit_factor": 0.74, "exposure": 0.35, "buy_hold_return": -0.4386},
    24: {"symbol": "GLD", "strategy": "buy_and_hold", "start": "2019-01-02", "end": "2023-12-29",
        "initial_cash": 60000, "final_equity": 94168.85, "total_return": 0.56948083,
        "cagr": 0.0946, "sharpe": 0.63, "sortino": 0.92, "max_drawdown": -0.2063,
        "volatility": 0.1441, "buy_hold_return": 0.56948083},
    25: {"symbol": "028260", "strategy": "macd_cross",
        "params": {"fast": 12, "slow": 26, "signal": 9}, "start": "2018-01-02",
        "end": "2023-12-28", "initial_cash": 50000000, "final_equity": 46758774,
        "total_return": -0.06482452, "cagr": -0.0111, "sharpe": -0.04, "sortino": -0.06,
        "max_drawdown": 0.2871, "win_rate": 0.3649, "trades": 74, "profit_factor": 0.95,
        "exposure": 0.51, "buy_hold_return": -0.2235},
    26: {"symbol": "NFLX", "strategy": "sma_cross", "params": {"fast": 10, "slow": 50},
        "start": "2015-01-02", "end": "2019-12-31", "initial_cash": 20000,
        "final_equity": 84972.34, "total_return": 3.248617, "cagr": 0.336, "sharpe": 0.95,
        "sortino": 1.38, "max_drawdown": -0.3489, "win_rate": 0.3793, "trades": 29,
        "profit_factor": 2.21, "buy_hold_return": 5.9502},
    27: {"symbol": "017670", "strategy": "bollinger_reversion", "params": {"window": 20, "k": 2},
        "start": "2019-01-02", "end": "2023-12-28", "initial_cash": 100000000,
        "final_equity": 119042733, "total_return": 0.19042733, "sharpe": 0.52, "sortino": 0.74,
        "max_drawdown": -0.1238, "volatility": 0.1306, "win_rate": 0.6897, "trades": 29,
        "exposure": 0.23, "buy_hold_return": 0.0517},
    28: {"symbol": "AMD", "strategy": "ema_cross", "params": {"fast": 20, "slow": 50},
        "start": "2021-01-04", "end": "2023-12-29", "initial_cash": 30000,
        "final_equity": 27536.18, "total_return": -0.08212733, "cagr": -0.0283, "sharpe": 0.07,
        "sortino": 0.1, "max_drawdown": -0.4518, "win_rate": 0.2941, "trades": 17,
        "profit_factor": 0.92, "exposure": 0.57, "buy_hold_return": 0.6125},
    29: {"symbol": "066570", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
        "start": "2016-01-04", "end": "2020-12-30", "initial_cash": 25000000,
        "final_equity": 47354622, "total_return": 0.89418488, "cagr": 0.1366, "sharpe": 0.61,
        "max_drawdown": -0.3121, "win_rate": 0.4, "trades": 30, "exposure": 0.62,
        "buy_hold_return": 1.3187},
    30: {"symbol": "IWM", "strategy": "rsi_reversion",
        "params": {"period": 2, "lower": 10, "upper": 90}, "start": "2014-01-02",
        "end": "2023-12-29", "initial_cash": 300000, "final_equity": 501417.47,
        "total_return": 0.67139157, "cagr": 0.0528, "sharpe": 0.58, "sortino": 0.77,
        "max_drawdown": -0.2237, "volatility": 0.1402, "win_rate": 0.6831, "trades": 366,
        "profit_factor": 1.28, "exposure": 0.18, "buy_hold_return": 0.7538},
    31: {"symbol": "373220", "strategy": "bollinger_breakout", "params": {"window": 20, "k": 2},
        "start": "2022-01-27", "end": "2024-12-30", "initial_cash": 30000000,
        "final_equity": 25712818, "total_return": -0.14290607, "cagr": -0.0514, "sharpe": -0.15,
        "max_drawdown": -0.3865, "win_rate": 0.3, "trades": 20, "profit_factor": 0.81,
        "exposure": 0.39, "buy_hold_return": -0.2768},
    32: {"symbol": "V", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
        "start": "2016-01-04", "end": "2020-12-31", "initial_cash": 80000,
        "final_equity": 157093.71, "total_return": 0.96367137, "cagr": 0.1448, "sharpe": 0.87,
        "sortino": 1.22, "max_drawdown": -0.2453, "win_rate": 0.4098, "trades": 61,
        "profit_factor": 1.52, "buy_hold_return": 1.8208},
    33: {"symbol": "015760", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
        "start": "2021-01-04", "end": "2022-12-29", "initial_cash": 10000000,
        "final_equity": 8817338, "total_return": -0.1182662, "max_drawdown": 0.1911,
        "win_rate": 0.2609, "trades": 23, "profit_factor": 0.77, "exposure": 0.33,
        "buy_hold_return": -0.3648},
    34: {"symbol": "COST", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
        "start": "2014-01-02", "end": "2023-12-29", "initial_cash": 1000000,
        "final_equity": 3884887.25, "total_return": 2.88488725, "cagr": 0.1455, "sharpe": 0.91,
        "max_drawdown": -0.2046, "win_rate": 0.7143, "trades": 7, "exposure": 0.82,
        "buy_hold_return": 4.9051},
    35: {"symbol": "003550", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2018-01-02",
        "end": "2020-12-30", "initial_cash": 50000000, "final_equity": 54659730,
        "total_return": 0.0931946, "cagr": 0.0302, "sharpe": 0.28, "sortino": 0.39,
        "max_drawdown": 0.1745, "win_rate": 0.619, "trades": 21, "profit_factor": 1.33,
        "exposure": 0.21, "buy_hold_return": 0.0129},
    36: {"symbol": "XLE", "strategy": "bollinger_reversion", "params": {"window": 20, "k": 2},
        "start": "2017-01-03", "end": "2022-12-30", "initial_cash": 45000,
        "final_equity": 57760.68, "total_return": 0.28357067, "sharpe": 0.37, "sortino": 0.51,
        "max_drawdown": -0.3812, "volatility": 0.2895, "win_rate": 0.6471, "trades": 34,
        "profit_factor": 1.24, "buy_hold_return": 0.1197},
    37: {"symbol": "010130", "strategy": "buy_and_hold", "start": "2019-01-02",
        "end": "2024-12-30", "initial_cash": 100000000, "final_equity": 141522414,
        "total_return": 0.41522414, "cagr": 0.0597, "sharpe": 0.36, "max_drawdown": -0.3329,
        "volatility": 0.2754, "buy_hold_return": 0.41522414},
    38: {"symbol": "DIS", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
        "start": "2019-01-02", "end": "2023-12-29", "initial_cash": 100000,
        "final_equity": 73689.56, "total_return": -0.2631044, "cagr": -0.0594, "sharpe": -0.21,
        "sortino": -0.29, "max_drawdown": -0.4407, "win_rate": 0.3182, "trades": 44,
        "profit_factor": 0.79, "buy_hold_return": -0.1765},
    39: {"symbol": "086790", "strategy": "sma_cross", "params": {"fast": 5, "slow": 20},
        "start": "2020-01-02", "end": "2024-12-30", "initial_cash": 30000000,
        "final_equity": 46428374, "total_return": 0.54761247, "cagr": 0.0914, "sharpe": 0.49,
        "sortino": 0.71, "max_drawdown": -0.2675, "win_rate": 0.4286, "trades": 84,
        "profit_factor": 1.21, "exposure": 0.52, "buy_hold_return": 0.4483},
    40: {"symbol": "GOOGL", "strategy": "macd_cross",
        "params": {"fast": 12, "slow": 26, "signal": 9}, "start": "2019-01-02",
        "end": "2023-12-29", "initial_cash": 40000, "final_equity": 75384.78,
        "total_return": 0.8846195, "cagr": 0.1355, "sharpe": 0.69, "sortino": 0.97,
        "max_drawdown": -0.2712, "volatility": 0.2508, "win_rate": 0.431, "trades": 58,
        "profit_factor": 1.48, "exposure": 0.55, "buy_hold_return": 1.6579},
    41: {"symbol": "259960", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2022-01-03",
        "end": "2024-12-30", "initial_cash": 20000000, "final_equity": 27036470,
        "total_return": 0.3518235, "sharpe": 0.62, "max_drawdown": -0.2186, "win_rate": 0.6,
        "trades": 20, "profit_factor": 1.72, "exposure": 0.26, "buy_hold_return": 0.0461},
    42: {"symbol": "BA", "strategy": "sma_cross", "params": {"fast": 20, "slow": 50},
        "start": "2019-01-02", "end": "2022-12-30", "initial_cash": 50000,
        "final_equity": 31529.17, "total_return": -0.3694166, "cagr": -0.1091, "sharpe": -0.33,
        "sortino": -0.44, "max_drawdown": 0.5211, "win_rate": 0.2692, "trades": 26,
        "profit_factor": 0.66, "exposure": 0.48, "buy_hold_return": -0.4701},
    43: {"symbol": "009150", "strategy": "bollinger_breakout", "params": {"window": 20, "k": 2},
        "start": "2019-01-02", "end": "2021-12-30", "initial_cash": 10000000,
        "final_equity": 19213712, "total_return": 0.9213712, "cagr": 0.2439, "sharpe": 1.08,
        "sortino": 1.57, "max_drawdown": -0.1894, "win_rate": 0.5217, "trades": 23,
        "profit_factor": 2.14, "exposure": 0.41, "buy_hold_return": 1.1603},
    44: {"symbol": "TLT", "strategy": "buy_and_hold", "start": "2020-01-02", "end": "2023-12-29",
        "initial_cash": 200000, "final_equity": 141060.99, "total_return": -0.29469505,
        "cagr": -0.0838, "sharpe": -0.42, "sortino": -0.55, "max_drawdown": -0.4835,
        "volatility": 0.1763, "buy_hold_return": -0.29469505},
    45: {"symbol": "096770", "strategy": "ema_cross", "params": {"fast": 10, "slow": 30},
        "start": "2017-01-02", "end": "2021-12-30", "initial_cash": 40000000,
        "final_equity": 30899313, "total_return": -0.22751718, "cagr": -0.0504, "sharpe": -0.19,
        "max_drawdown": 0.4381, "win_rate": 0.3421, "trades": 38, "profit_factor": 0.82,
        "exposure": 0.53, "buy_hold_return": -0.1092},
    46: {"symbol": "CAT", "strategy": "bollinger_breakout", "params": {"window": 20, "k": 2},
        "start": "2020-01-02", "end": "2024-12-31", "initial_cash": 120000,
        "final_equity": 279940.17, "total_return": 1.33283475, "cagr": 0.1848, "sharpe": 0.94,
        "sortino": 1.36, "max_drawdown": -0.2247, "win_rate": 0.5, "trades": 36,
        "profit_factor": 1.95, "exposure": 0.46, "buy_hold_return": 1.6317},
    47: {"symbol": "033780", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
        "start": "2014-01-02", "end": "2023-12-28", "initial_cash": 100000000,
        "final_equity": 125640271, "total_return": 0.25640271, "cagr": 0.0231, "sharpe": 0.21,
        "sortino": 0.29, "max_drawdown": -0.1972, "volatility": 0.1684, "win_rate": 0.3929,
        "trades": 56, "exposure": 0.57, "buy_hold_return": 0.4837},
    48: {"symbol": "PG", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2018-01-02",
        "end": "2023-12-29", "initial_cash": 50000, "final_equity": 61446.41,
        "total_return": 0.2289282, "sharpe": 0.39, "max_drawdown": -0.1317, "win_rate": 0.7391,
        "trades": 23, "profit_factor": 1.84, "exposure": 0.17, "buy_hold_return": 0.8762},
    49: {"symbol": "012330", "strategy": "macd_cross",
        "params": {"fast": 12, "slow": 26, "signal": 9}, "start": "2019-01-02",
        "end": "2022-12-29", "initial_cash": 20000000, "final_equity": 22074446,
        "total_return": 0.1037223, "cagr": 0.025, "sharpe": 0.22, "sortino": 0.31,
        "max_drawdown": -0.2359, "win_rate": 0.3968, "trades": 63, "profit_factor": 1.09,
        "exposure": 0.48, "buy_hold_return": -0.0815},
    50: {"symbol": "WMT", "strategy": "ema_cross", "params": {"fast": 50, "slow": 200},
        "start": "2013-01-02", "end": "2022-12-30", "initial_cash": 500000,
        "final_equity": 1023582.53, "total_return": 1.04716506, "cagr": 0.0743, "sharpe": 0.61,
        "sortino": 0.84, "max_drawdown": -0.1654, "volatility": 0.1592, "win_rate": 0.5385,
        "trades": 13, "exposure": 0.74, "buy_hold_return": 1.4718},
    51: {"symbol": "005490", "strategy": "bollinger_reversion", "params": {"window": 20, "k": 2.5},
        "start": "2020-01-02", "end": "2023-12-28", "initial_cash": 30000000,
        "final_equity": 48552397, "total_return": 0.61841323, "cagr": 0.1284, "sharpe": 0.71,
        "max_drawdown": -0.1563, "win_rate": 0.7333, "trades": 15, "exposure": 0.14,
        "buy_hold_return": 1.6142},
    52: {"symbol": "INTC", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
        "start": "2015-01-02", "end": "2024-12-31", "initial_cash": 100000,
        "final_equity": 68719.31, "total_return": -0.3128069, "cagr": -0.0368, "sharpe": -0.12,
        "sortino": -0.16, "max_drawdown": 0.5734, "win_rate": 0.3333, "trades": 12,
        "profit_factor": 0.74, "exposure": 0.55, "buy_hold_return": -0.4476},
    53: {"symbol": "032830", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2016-01-04",
        "end": "2020-12-30", "initial_cash": 10000000, "final_equity": 9483146,
        "total_return": -0.0516854, "cagr": -0.0106, "sharpe": -0.03, "max_drawdown": 0.2149,
        "win_rate": 0.5455, "trades": 22, "profit_factor": 0.93, "exposure": 0.2,
        "buy_hold_return": -0.3208},
    54: {"symbol": "AVGO", "strategy": "macd_cross",
        "params": {"fast": 12, "slow": 26, "signal": 9}, "start": "2020-01-02",
        "end": "2024-12-31", "initial_cash": 250000, "final_equity": 1278118.25,
        "total_return": 4.112473, "cagr": 0.3862, "sharpe": 1.31, "sortino": 1.93,
        "max_drawdown": -0.3017, "win_rate": 0.4615, "trades": 52, "profit_factor": 2.38,
        "exposure": 0.58, "buy_hold_return": 6.3369},
    55: {"symbol": "036570", "strategy": "sma_cross", "params": {"fast": 5, "slow": 20},
        "start": "2021-01-04", "end": "2024-12-30", "initial_cash": 50000000,
        "final_equity": 29134092, "total_return": -0.41731816, "cagr": -0.1267, "sharpe": -0.61,
        "sortino": -0.77, "max_drawdown": -0.5228, "win_rate": 0.2857, "trades": 84,
        "profit_factor": 0.68, "exposure": 0.46, "buy_hold_return": -0.7304},
    56: {"symbol": "HD", "strategy": "bollinger_reversion", "params": {"window": 20, "k": 2},
        "start": "2018-01-02", "end": "2022-12-30", "initial_cash": 75000,
        "final_equity": 100366.77, "total_return": 0.3382236, "cagr": 0.0601, "sharpe": 0.48,
        "sortino": 0.66, "max_drawdown": -0.1871, "win_rate": 0.6667, "trades": 27,
        "profit_factor": 1.47, "exposure": 0.21, "buy_hold_return": 0.8421},
    57: {"symbol": "018260", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
        "start": "2019-01-02", "end": "2023-12-28", "initial_cash": 100000000,
        "final_equity": 91738555, "total_return": -0.08261445, "cagr": -0.0171,
        "max_drawdown": 0.2413, "win_rate": 0.3115, "trades": 61, "profit_factor": 0.94,
        "exposure": 0.45, "buy_hold_return": -0.3487},
    58: {"symbol": "JNJ", "strategy": "buy_and_hold", "start": "2014-01-02", "end": "2023-12-29",
        "initial_cash": 100000, "final_equity": 171232.14, "total_return": 0.7123214,
        "cagr": 0.0553, "sharpe": 0.42, "max_drawdown": -0.2087, "volatility": 0.1721,
        "buy_hold_return": 0.7123214},
    59: {"symbol": "090430", "strategy": "bollinger_breakout", "params": {"window": 20, "k": 2},
        "start": "2018-01-02", "end": "2022-12-29", "initial_cash": 20000000,
        "final_equity": 14272316, "total_return": -0.2863842, "cagr": -0.0654, "sharpe": -0.28,
        "sortino": -0.37, "max_drawdown": 0.3942, "win_rate": 0.25, "trades": 20,
        "profit_factor": 0.72, "exposure": 0.37, "buy_hold_return": -0.4785},
    60: {"symbol": "MA", "strategy": "sma_cross", "params": {"fast": 20, "slow": 100},
        "start": "2016-01-04", "end": "2023-12-29", "initial_cash": 50000,
        "final_equity": 153595.21, "total_return": 2.0719042, "cagr": 0.1509, "sharpe": 0.81,
        "max_drawdown": -0.2634, "win_rate": 0.4516, "trades": 31, "profit_factor": 1.73,
        "exposure": 0.66, "buy_hold_return": 3.4062},
    61: {"symbol": "005930", "strategy": "buy_and_hold", "start": "2010-01-04",
        "end": "2019-12-30", "initial_cash": 100000000, "final_equity": 381468326,
        "total_return": 2.81468326, "cagr": 0.1435, "sharpe": 0.55, "max_drawdown": -0.3271,
        "volatility": 0.2512, "buy_hold_return": 2.81468326},
    62: {"symbol": "XLF", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 25, "upper": 75}, "start": "2016-01-04",
        "end": "2020-12-31", "initial_cash": 200000, "final_equity": 233438.47,
        "total_return": 0.16719235, "sharpe": 0.29, "sortino": 0.38, "max_drawdown": -0.2514,
        "win_rate": 0.75, "trades": 16, "profit_factor": 1.52, "exposure": 0.16,
        "buy_hold_return": 0.3594},
    63: {"symbol": "010950", "strategy": "macd_cross",
        "params": {"fast": 12, "slow": 26, "signal": 9}, "start": "2020-01-02",
        "end": "2022-12-29", "initial_cash": 15000000, "final_equity": 18567122,
        "total_return": 0.23780813, "cagr": 0.074, "sharpe": 0.44, "sortino": 0.62,
        "max_drawdown": -0.2817, "win_rate": 0.375, "trades": 48, "profit_factor": 1.19,
        "exposure": 0.5, "buy_hold_return": -0.1124},
    64: {"symbol": "CVX", "strategy": "ema_cross", "params": {"fast": 5, "slow": 20},
        "start": "2021-01-04", "end": "2022-12-30", "initial_cash": 20000,
        "final_equity": 34783.38, "total_return": 0.739169, "cagr": 0.3215, "sharpe": 1.28,
        "sortino": 1.84, "max_drawdown": -0.1688, "win_rate": 0.4545, "trades": 33,
        "profit_factor": 1.93, "exposure": 0.6, "buy_hold_return": 1.1246},
    65: {"symbol": "055550", "strategy": "bollinger_reversion", "params": {"window": 20, "k": 2},
        "start": "2017-01-02", "end": "2024-12-30", "initial_cash": 300000000,
        "final_equity": 363476059, "total_return": 0.21158686, "cagr": 0.0243, "sharpe": 0.24,
        "max_drawdown": -0.2293, "win_rate": 0.6531, "trades": 49, "exposure": 0.18,
        "buy_hold_return": 0.0871},
    66: {"symbol": "PFE", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
        "start": "2019-01-02", "end": "2023-12-29", "initial_cash": 80000,
        "final_equity": 64305.07, "total_return": -0.19618663, "cagr": -0.0428, "sharpe": -0.14,
        "max_drawdown": 0.3126, "win_rate": 0.25, "trades": 8, "profit_factor": 0.63,
        "exposure": 0.51, "buy_hold_return": -0.3405},
    67: {"symbol": "034730", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2021-01-04",
        "end": "2023-12-28", "initial_cash": 50000000, "final_equity": 45310273,
        "total_return": -0.09379454, "cagr": -0.0325, "sharpe": -0.08, "sortino": -0.11,
        "max_drawdown": -0.2167, "win_rate": 0.5238, "trades": 21, "profit_factor": 0.89,
        "exposure": 0.24, "buy_hold_return": -0.3279},
    68: {"symbol": "SPY", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
        "start": "2000-01-03", "end": "2009-12-31", "initial_cash": 100000,
        "final_equity": 132642.03, "total_return": 0.3264203, "cagr": 0.0287, "sharpe": 0.24,
        "sortino": 0.33, "max_drawdown": -0.1843, "win_rate": 0.6, "trades": 10, "exposure": 0.58,
        "buy_hold_return": -0.0932},
    69: {"symbol": "047050", "strategy": "bollinger_breakout", "params": {"window": 20, "k": 2},
        "start": "2023-01-02", "end": "2024-12-30", "initial_cash": 10000000,
        "final_equity": 15626737, "total_return": 0.5626737, "cagr": 0.251, "sharpe": 0.83,
        "sortino": 1.24, "max_drawdown": -0.3311, "win_rate": 0.4375, "trades": 16,
        "profit_factor": 1.88, "exposure": 0.43, "buy_hold_return": 0.9418},
    70: {"symbol": "AAPL", "strategy": "buy_and_hold", "start": "2019-01-02", "end": "2023-12-29",
        "initial_cash": 1000000, "final_equity": 4924698.64, "total_return": 3.92469864,
        "cagr": 0.3766, "sharpe": 1.34, "sortino": 1.96, "max_drawdown": -0.3143,
        "volatility": 0.2958, "buy_hold_return": 3.92469864},
    71: {"symbol": "066570", "strategy": "macd_cross",
        "params": {"fast": 12, "slow": 26, "signal": 9}, "start": "2022-01-03",
        "end": "2024-12-30", "initial_cash": 10000000, "final_equity": 9287750,
        "total_return": -0.071225, "cagr": -0.0244, "sharpe": -0.06, "max_drawdown": 0.2214,
        "win_rate": 0.3438, "trades": 64, "profit_factor": 0.96, "exposure": 0.47,
        "buy_hold_return": -0.3834},
    72: {"symbol": "AMZN", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
        "start": "2020-01-02", "end": "2024-12-31", "initial_cash": 60000,
        "final_equity": 97039.93, "total_return": 0.61733217, "cagr": 0.101, "sharpe": 0.52,
        "sortino": 0.71, "max_drawdown": -0.3392, "win_rate": 0.3714, "trades": 35,
        "profit_factor": 1.36, "exposure": 0.62, "buy_hold_return": 1.3074},
    73: {"symbol": "068270", "strategy": "ema_cross", "params": {"fast": 20, "slow": 60},
        "start": "2016-01-04", "end": "2020-12-30", "initial_cash": 40000000,
        "final_equity": 138344165, "total_return": 2.45860412, "cagr": 0.2824, "sharpe": 0.92,
        "sortino": 1.33, "max_drawdown": -0.3718, "win_rate": 0.4, "trades": 25,
        "profit_factor": 2.09, "exposure": 0.6, "buy_hold_return": 3.3019},
    74: {"symbol": "MSFT", "strategy": "bollinger_breakout", "params": {"window": 20, "k": 2},
        "start": "2022-01-03", "end": "2024-12-31", "initial_cash": 100000,
        "final_equity": 119408.48, "total_return": 0.1940848, "cagr": 0.0611, "sharpe": 0.41,
        "sortino": 0.6, "max_drawdown": -0.2279, "win_rate": 0.4643, "trades": 28,
        "profit_factor": 1.34, "exposure": 0.44, "buy_hold_return": 0.2918},
    75: {"symbol": "030200", "strategy": "sma_cross", "params": {"fast": 10, "slow": 30},
        "start": "2018-01-02", "end": "2024-12-30", "initial_cash": 30000000,
        "final_equity": 39036212, "total_return": 0.30120707, "cagr": 0.0384, "sharpe": 0.37,
        "max_drawdown": -0.1825, "win_rate": 0.4375, "trades": 80, "profit_factor": 1.23,
        "exposure": 0.54, "buy_hold_return": 0.1786},
    76: {"symbol": "NFLX", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70}, "start": "2022-01-03",
        "end": "2023-12-29", "initial_cash": 40000, "final_equity": 43135.65,
        "total_return": 0.07839125, "cagr": 0.0388, "sharpe": 0.21, "sortino": 0.3,
        "max_drawdown": -0.3124, "win_rate": 0.5833, "trades": 12, "profit_factor": 1.16,
        "exposure": 0.29, "buy_hold_return": -0.2054},
    77: {"symbol": "005380", "strategy": "buy_and_hold", "start": "2020-01-02",
        "end": "2024-12-30", "initial_cash": 50000000, "final_equity": 87805986,
        "total_return": 0.75611972, "cagr": 0.1194, "sharpe": 0.47, "max_drawdown": -0.3804,
        "volatility": 0.3187, "buy_hold_return": 0.75611972},
    78: {"symbol": "TSLA", "strategy": "macd_cross",
        "params": {"fast": 12, "slow": 26, "signal": 9}, "start": "2021-01-04",
        "end": "2024-12-31", "initial_cash": 100000, "final_equity": 78170.11,
        "total_return": -0.2182989, "cagr": -0.0599, "sharpe": -0.02, "sortino": -0.03,
        "max_drawdown": -0.6114, "win_rate": 0.3239, "trades": 71, "profit_factor": 0.91,
        "exposure": 0.53, "buy_hold_return": 0.4916},
    79: {"symbol": "000660", "strategy": "sma_cross", "params": {"fast": 5, "slow": 20},
        "start": "2023-01-02", "end": "2024-12-30", "initial_cash": 1000000000,
        "final_equity": 1931620428, "total_return": 0.93162043, "cagr": 0.3914, "sharpe": 1.16,
        "sortino": 1.68, "max_drawdown": -0.2544, "win_rate": 0.4211, "trades": 76,
        "profit_factor": 1.64, "exposure": 0.55, "buy_hold_return": 1.3107},
    80: {"symbol": "QQQ", "strategy": "bollinger_reversion", "params": {"window": 20, "k": 2},
        "start": "2019-01-02", "end": "2023-12-29", "initial_cash": 500000,
        "final_equity": 814311.96, "total_return": 0.62862392, "cagr": 0.1027, "sharpe": 0.74,
        "sortino": 1.03, "max_drawdown": -0.1994, "volatility": 0.1487, "win_rate": 0.6923,
        "trades": 39, "profit_factor": 1.61, "exposure": 0.26, "buy_hold_return": 1.5674},
}

ITEMS = [
    (1, "ko",
     "삼성전자(005930) 5일/20일 이동평균 골든크로스 전략을 2019년 1월부터 2023년 말까지 돌려봤습니다. "
     "1,000만 원이 1,412만 7천 원이 되어 누적 41.27%, 연 7.18% 수준입니다. 다만 같은 기간 단순 "
     "보유(+53.12%)보다 11.85%p 낮았고, 샤프 1.02, 최대 낙폭 -22.84%를 기록했습니다. 47회 거래 중 "
     "승률은 44.7%였습니다.",
     [("1.02", "sharpe", 0.71, "attribution")], set()),

    (2, "en",
     "AAPL, 12/26-day EMA crossover, Jan 2018 to Dec 2022. A $100k account finished at $2.88M, a "
     "188.3% total return (23.6% CAGR). The strategy outperformed buy-and-hold by 33.8 percentage "
     "points, with a Sharpe of 0.98, a Sortino of 1.41 and a max drawdown of 31.3%. Thirty-eight "
     "trades, 42% winners, profit factor 1.87.",
     [("$2.88M", "final_equity", 288337.55, "scale10"),
      ("33.8", "excess_return", -0.3382245, "sign")], set()),

    (3, "ko",
     "SK하이닉스(000660) RSI(14) 30/70 역추세 백테스트\n"
     "- 기간: 2020-01-02 ~ 2023-12-28\n"
     "- 원금 5천만 원 → 최종 6,135만 원 (+22.71%)\n"
     "- 보유 전략 대비 16.46%p 열위 (보유 +39.17%)\n"
     "- 샤프 0.46 / 소르티노 0.63, MDD 33.88%\n"
     "- 37번 매매, 승률 62.2%, 프로핏 팩터 1.38, 시장 노출 31%",
     [], set()),

    (4, "en",
     "Baseline: SPY buy-and-hold from 2015-01-02 to 2024-12-31. $250,000 grew to $718,530, up "
     "187.4% (a 2.87x multiple), or 11.1% a year over the decade. Annualised volatility was 17.7% "
     "and the worst peak-to-trough loss 33.7%. Sharpe 0.79, Sortino 1.08.",
     [], set()),

    (5, "ko",
     "카카오(035720) MACD(12,26,9) 시그널 교차 전략, 2022년 1월~2023년 12월. 원금 3,000만 원이 "
     "1,846만 원으로 줄어 총 38.46% 손실(연 -15.0%)을 봤습니다. 그래도 주가 자체가 60.21% 빠진 "
     "구간이라 보유보다는 21.75%p 선방. MDD -47.2%, 샤프 -0.52, 27회 거래에 승률 33.3%.",
     [("2022년", "start", "2021-01-04", "date")], {"dir"}),

    (6, "en",
     "NVDA | Bollinger breakout (20, 2σ) | 2019-01-02 → 2023-12-29 | $50k → $520.6k (+941.2%, "
     "9.4x the stake) | CAGR 59.95% | Sharpe 1.52, Sortino 2.31 | max DD -41.05% | 54 trades, win "
     "rate 48% | trailed buy-and-hold (+1,370.4%) by about 400 percentage points",
     [("9.4x", "equity_multiple", 10.412025, "multiple"),
      ("400", "excess_return", -4.292275, "approx")], set()),

    (7, "ko",
     "현대차(005380)에 볼린저밴드(20, 2σ) 하단 매수·중심선 청산 전략을 적용했다. 2018년 초부터 "
     "2022년 말까지 5년간 2,000만 원 → 2,316만 원, 총수익률 15.82%(연 2.99%). 보유 수익률 "
     "12.48%보다 28.30%p 앞섰다. 32번 매매, 승률 56.25%, 시장 노출 27%, MDD 25.61%.",
     [("28.30%p", "excess_return", 0.0333665, "excess")], set()),

    (8, "en",
     "TSLA golden/death cross (50/200-day SMA), 2016-01-04 to 2023-12-29. Only eleven trades in "
     "eight years, yet the $10,000 stake became $75,230 (+652.3%, 28.8% a year). Buy-and-hold did "
     "far better at +1,196.1%, so the filter cost 543.8 points. Max drawdown 62.4%, Sharpe 0.88, "
     "Sortino 1.29, profit factor 3.12, in the market 64% of the time.",
     [], set()),

    (9, "ko",
     "셀트리온(068270) · RSI(14) 25 이하 매수, 75 이상 매도 · 2019.01~2024.12 · 1억 원 → 8,746만 원 "
     "· 수익률 -12.54% (보유 -8.31%, 4.23%p 열위) · MDD 30.2% · 19회 중 승률 57.9% · 샤프 -0.11 "
     "· 프로핏 팩터 0.86 · 노출 22%",
     [], set()),

    (10, "en",
     "Microsoft (MSFT), MACD(12,26,9) crossovers, Jan 2017–Dec 2021. Ending equity $620.9k on "
     "$200k, i.e. +210.5% and a 25.5% CAGR, with 20.9% annualised volatility. Risk-adjusted: Sharpe "
     "1.74, Sortino 1.21. Max drawdown was 21.6%. It made 65 trades and won 44.6% of them, profit "
     "factor 1.66, but holding the stock returned 373.8%, leaving the signal 163.3 points short.",
     [("1.74", "sharpe", 1.21, "attribution"),
      ("1.21", "sortino", 1.74, "attribution")], set()),

    (11, "ko",
     "LG화학(051910) 그냥 들고만 있었다면? 2020년 1월 2일에 500만 원을 넣어 2022년 12월 29일까지 "
     "보유하면 8,903만 원, 수익률 78.06%로 연 21.2%입니다. 대신 변동성 43.8%, 최대 낙폭 44.12%를 "
     "버텨야 했고 샤프는 0.64에 그쳤습니다.",
     [("8,903만", "final_equity", 8903094, "scale10"),
      ("21.2%", "cagr", 0.2129, "rounding")], set()),

    (12, "en",
     "QQQ with a 20/100-day moving-average filter over ten years (2010-01-04 to 2019-12-31): $1M "
     "turned into $3.34M, a 233.7% gain and a 2.34x multiple, or about 14% a year. Holding QQQ "
     "outright made 389.6%, 155.9 percentage points more. Exposure was 71%, max drawdown only "
     "18.4%, Sharpe 0.93 and Sortino 1.30, win rate 50% across 24 round trips.",
     [("2.34x", "equity_multiple", 3.33682085, "multiple"),
      ("14%", "cagr", 0.1282, "approx")], set()),

    (13, "ko",
     "NAVER(035420) 10일/30일 EMA 교차 결과 (2021.01~2024.12)\n"
     "총수익률: -29.12%\n"
     "연환산: -8.27%\n"
     "최종자산: 2,835만 원 (원금 4,000만 원)\n"
     "보유 대비: 9.13%p 뒤처짐 (보유 -38.25%)\n"
     "MDD: 41.76%\n"
     "거래: 24회, 승률 35.7%\n"
     "샤프/소르티노: -0.38 / -0.49",
     [("9.13%p", "excess_return", 0.0913118, "sign"),
      ("24회", "trades", 42, "swap")], set()),

    (14, "en",
     "JPMorgan (JPM) mean reversion off the lower Bollinger band, 20 days and 2.5 standard "
     "deviations, 2014 through 2018. Capital went from $75,000 to $108,114 (+44.2%, 7.6% CAGR), yet "
     "it was invested only 19% of the time. Win rate 66.7% over 21 trades; max drawdown 17.2%; "
     "Sharpe 0.62, Sortino 0.85. Buy-and-hold: +67.9%, so 23.8 percentage points better than the "
     "strategy.",
     [], set()),

    (15, "ko",
     "KB금융(105560) 20일선/60일선 골든크로스, 2015년 1월~2024년 12월(10년). 2억 원으로 시작해 "
     "3억 2,636만 원으로 마감, 순이익 1.26억 원(+63.18%, 연 5.02%)입니다. 단순 보유(+41.09%)보다 "
     "22.09%p 높았습니다. 58번 거래, 승률 41.4%, PF 1.29, MDD -35.44%, 샤프 0.41, 노출 55%.",
     [], set()),

    (16, "en",
     "Amazon (AMZN), RSI(14) buying below 30 and selling above 70, 2019-01-02 to 2021-12-31. Forty "
     "trades, 71.4% of them profitable, profit factor 2.05. The $25k account ended at $34.5k "
     "(+38.1%, CAGR 11.4%), well behind buy-and-hold's 121.8%: a gap of 159.9 points. On the plus "
     "side the drawdown stayed at 19.65% with only 24% exposure; Sharpe 0.67, Sortino 0.94.",
     [("Forty", "trades", 14, "trades"),
      ("159.9", "excess_return", -0.8368752, "excess")], set()),

    (17, "ko",
     "삼성SDI(006400) 볼린저 상단 돌파(20, 2σ) 2년 백테스트: 1,500만 원 → 3,366만 원으로 1.24배, "
     "총 124.37% 수익(연 50.0%). 하지만 2020~2021년 배터리 랠리에서 보유만 했어도 183.25%라 "
     "58.88%p 뒤졌다. 18회 진입, 승률 50%, MDD 24.19%, 샤프 1.37 / 소르티노 2.02.",
     [("1.24배", "equity_multiple", 2.2437112, "multiple")], set()),

    (18, "en",
     "Exxon (XOM) with a faster MACD(8,21,5), 2020-01-02 through 2024-12-31:\n"
     "- equity $500k → $972.6k, +94.5%\n"
     "- CAGR 14.2%, volatility 30.1%\n"
     "- beat buy-and-hold (+80.2%) by 14.3 pts\n"
     "- Sharpe 0.72 | Sortino 1.05 | max DD -29.4%\n"
     "- 73 trades, 39.7% hit rate, PF 1.31",
     [], set()),

    (19, "ko",
     "삼성바이오로직스(207940)를 2017년 초에 3,000만 원어치 사서 2021년 말까지 들고 있었다면 "
     "16억 2,859만 원이 됐다. 총수익률 442.86%, 약 5.4배이고 연평균(CAGR) 40.35%. 변동성 38.21%, "
     "최대 낙폭 30.47%, 샤프 1.12.",
     [("16억 2,859만", "final_equity", 162858980, "scale10")], set()),

    (20, "en",
     "Coca-Cola (KO), 50/200 SMA, 2013-2021: nineteen trades in total, $40,000 → $53,623 (+34.1%, "
     "3.0% annualised). Buy-and-hold returned 87.3%, so the trend filter gave up 53.2 percentage "
     "points for a shallower 14.9% drawdown. Sharpe 0.31, Sortino 0.42, profit factor 1.74, "
     "exposure 68%.",
     [("2013", "start", "2012-01-03", "date"),
      ("nineteen", "trades", 9, "trades")], set()),

    (21, "ko",
     "기아(000270) 5일/20일 EMA 크로스 | 2021-01-04~2023-12-28 | 1,000만 원 → 1,316만 원 | "
     "+31.63% (보유 +28.94%, +2.69%p) | 샤프 0.58 · 소르티노 0.81 | MDD 20.32% | 59회 · 승률 40.7% "
     "· PF 1.27 | 노출 49%",
     [], set()),

    (22, "en",
     "META breakout test (20-day bands, 2σ), 2020–2023. The account grew from $150k to $232.9k, "
     "+55.3% or 11.7% a year, but it still lagged simply holding (+73.0%) by 17.7 percentage points. "
     "Drawdown hit 48.6% during the 2022 collapse, with volatility of 41.2%. Sharpe 0.55, Sortino "
     "0.79; 41 trades, 43.9% winners, profit factor 1.41.",
     [], set()),

    (23, "en",
     "HMM (011200), RSI(14) 30/80 mean reversion, 2022-01-03 to 2023-12-28. Starting with KRW 20 "
     "million, the account ended at KRW 16.33 million, a loss of 18.4%. The stock itself fell 43.9%, "
     "so the strategy was 25.5 percentage points ahead of buy-and-hold. 18 trades with a 50% win "
     "rate, profit factor 0.74, Sharpe -0.41, max drawdown 29.9%, exposure 35%.",
     [("80", "params.upper", 70, "param")], {"dir"}),

    (24, "ko",
     "금 ETF GLD 장기 보유 점검 (2019.01.02~2023.12.29): 6만 달러 → 9만 4,169달러, 수익률 "
     "+56.95%, CAGR 9.46%. 연 변동성 14.41%, 최대 낙폭 -20.63%, 샤프 0.63, 소르티노 0.29.",
     [("0.29", "sortino", 0.92, "swap")], set()),

    (25, "ko",
     "삼성물산(028260)은 MACD(12,26,9) 교차로 6년 동안 74번 사고팔았는데, 5천만 원이 4,676만 원으로 "
     "6.48% 줄었습니다(연 -1.11%). 다만 주가가 22.35% 하락한 기간이라 보유보다 15.87%p 나았어요. "
     "최대 낙폭 28.71%, 승률 36.5%, 프로핏 팩터 0.95, 샤프 -0.04, 소르티노 -0.06, 노출 51%.",
     [], {"dir"}),

    (26, "en",
     "Netflix (NFLX) 10/50 SMA cross, 2015-01-02 to 2019-12-31 — $20k grew to $84.9k (4.25x, "
     "+324.9%, CAGR 33.6%). Buy-and-hold: +595.0%, so the strategy trailed by 270.2 points. 29 "
     "trades, 37.9% winners, profit factor 2.21, max drawdown 34.9%, Sharpe 0.95, Sortino 1.38.",
     [("$84.9k", "final_equity", 84972.34, "rounding")], set()),

    (27, "ko",
     "SK텔레콤(017670) 볼린저 하단 반등 매매(20일, 2σ)\n"
     "· 기간 2019년 1월 ~ 2023년 12월\n"
     "· 1억 원 → 1억 1,904만 원 (+19.04%)\n"
     "· 보유(+5.17%) 대비 +1,387bp\n"
     "· 변동성 13.6%, MDD 12.38%\n"
     "· 샤프 0.52, 소르티노 0.74\n"
     "· 29번 진입, 승률 23%",
     [("13.6%", "volatility", 0.1306, "swap"),
      ("23%", "win_rate", 0.6897, "attribution")], set()),

    (28, "en",
     "AMD, 20/50 EMA crossover, Jan 2021 – Dec 2023. Result: -8.2% ($30,000 → $27,536), a -2.8% "
     "CAGR, while the stock gained 61.25% over the same three years. That is a 69.5-point shortfall. "
     "Seventeen trades, 29.4% winners, profit factor 0.92; max drawdown 45.2%, Sharpe 0.07, Sortino "
     "0.10, exposure 57%.",
     [], set()),

    (29, "ko",
     "LG전자(066570) 20일선/60일선 전략 5년 결과입니다. 2,500만 원이 4,735만 원(약 1.9배)으로, 누적 "
     "89.42%·연 13.66%. 보유 수익률 131.87%에는 42.45%p 못 미쳤습니다. MDD -31.21%, 샤프 0.61, "
     "30회 거래 승률 40%, 투자 비중 62%.",
     [], set()),

    (30, "en",
     "IWM short-term RSI(2) reversion (enter <10, exit >90), 2014-01-02 to 2023-12-29: 636 trades, "
     "68.3% hit rate, profit factor 1.28, exposure just 18%. $300k → $501.4k, +67.1% (5.3%/yr), "
     "volatility 14.0%, max DD 22.4%, Sharpe 0.58 / Sortino 0.77. Buy-and-hold was 824bp better.",
     [("636", "trades", 366, "swap")], set()),

    (31, "ko",
     "LG에너지솔루션(373220) 상장일(2022년 1월 27일)부터 2024년 12월 30일까지 볼린저 밴드(20, 2σ) "
     "돌파 전략. 3,000만 원이 2,571만 원이 됐으니 14.29% 상승, 연 -5.14%입니다. 보유 시 -27.68%였으므로 "
     "13.39%p 덜 잃은 셈. 20번 거래에 승률 30%, PF 0.81, MDD 38.65%.",
     [("14.29%", "total_return", -0.14290607, "sign")], set()),

    (32, "en",
     "Visa (V) — MACD(12,26,9) signal-line cross — 2016-01-04 to 2020-12-31\n"
     "Final equity: $157,094 (from $80,000)\n"
     "Total return: 96.37% | CAGR: 14.48%\n"
     "vs. buy-and-hold: -85.71 pp (B&H 182.08%)\n"
     "Sharpe 0.87 · Sortino 1.22 · Max DD 24.53%\n"
     "Trades: 61 · Win rate: 41.0% · Profit factor: 1.52",
     [], set()),

    (33, "ko",
     "한국전력(015760), 12일/26일 EMA 교차, 2021~2022년. 결과는 -11.83%로 1,000만 원 중 118만 원을 "
     "잃었지만, 주가는 같은 기간 36.48% 떨어졌으니 24.65%p 방어한 셈입니다. 23회 거래, 승률 26.1%, "
     "PF 0.77, 최대 손실폭 19.11%, 노출 33%.",
     [], {"dir"}),

    (34, "en",
     "Costco (COST) with the classic 50/200-day cross from 2014 to 2023: seven trades over ten "
     "years, 71.4% of them winners, and the strategy was invested 82% of the time. $1M became "
     "$3.88M, a 2.88x multiple and a 14.55% CAGR. Holding the stock would have returned 490.5% "
     "versus 288.5%, so the crossover cost 202.0 percentage points. Max drawdown 20.5%, Sharpe 0.91.",
     [("2.88x", "equity_multiple", 3.88488725, "multiple")], set()),

    (35, "ko",
     "(주)LG(003550) RSI(14) 과매도 30 매수 / 과매수 70 매도, 2018년 초~2020년 말. 5천만 원 → "
     "5,466만 원, +9.32%(연 3.02%). 보유 +1.29% 대비 10.61%p 우위. 21번 중 승률 61.9%, PF 1.33, "
     "노출 21%, MDD 17.45%, 샤프 0.28 / 소르티노 0.39.",
     [("10.61%p", "excess_return", 0.0802946, "excess")], set()),

    (36, "en",
     "Energy sector ETF XLE, buying closes under the lower band (20, 2σ) and exiting at the middle "
     "band. Six years (2017-01-03 to 2022-12-30), 34 trades, 64.7% winners. $45k ended at $57.8k: "
     "+28.4% against +12.0% for buy-and-hold, an edge of 16.4 percentage points. The cost was a "
     "38.1% drawdown and 28.95% volatility; Sharpe 0.37, Sortino 0.51, profit factor 1.24.",
     [], set()),

    (37, "ko",
     "고려아연(010130) 단순 보유: 2019년 1월 2일 1억 원 → 2024년 12월 30일 1억 4,152만 원. 6년 누적 "
     "41.52퍼센트, 연 5.97%. 최대 낙폭 33.29%, 연 변동성 27.54%, 샤프 0.36.",
     [], set()),

    (38, "en",
     "Disney (DIS), 12/26 EMA crossover, 2019-01-02 to 2023-12-29. The account lost 26.3%, turning "
     "$100,000 into $73,690 — a $2.6k loss — and annualised at -5.9%. Buy-and-hold fell 17.65%, so "
     "the strategy outperformed it by 8.66 points. Drawdown reached 44.1%; 44 trades, 31.8% winners, "
     "Sharpe -0.21, Sortino -0.29, profit factor 0.79.",
     [("$2.6k", "net_profit", -26310.44, "scale10"),
      ("8.66", "excess_return", -0.0866044, "sign")], {"dir"}),

    (39, "ko",
     "하나금융지주(086790) 5일/20일 단순이평 교차: 2020~2024년, 3,000만 원으로 시작해 4,643만 원(약 "
     "1.5배)으로 끝났습니다. 총수익률 54.76%, CAGR 9.14%로 보유(44.83%)를 9.93%p 상회. 48번 "
     "매매했고 승률 42.9%, PF 1.21. MDD 26.75%, 샤프 약 0.5, 소르티노 0.71.",
     [("48번", "trades", 84, "swap")], set()),

    (40, "en",
     "GOOGL, MACD(12,26,9), 2019–2023. $40,000 → $75,385 (+88.5%; CAGR 13.55%). Alphabet itself "
     "rose 165.8%, so the timing rule lagged by 77.3 percentage points. Volatility 25.1%, max "
     "drawdown 27.1%, Sharpe 0.69, Sortino 0.97. 58 trades, win rate 43.1%, profit factor 1.48, "
     "market exposure 55%.",
     [], set()),

    (41, "ko",
     "크래프톤(259960), RSI 14일 기준 30 아래에서 사고 70 위에서 파는 방식으로 2022년 1월부터 "
     "2024년 12월까지 테스트. 2,000만 원 → 2,704만 원, 수익률 35.18%. 같은 기간 보유는 4.61%에 "
     "그쳐 30.57%p 앞섰다. 20회 거래, 승률 60%, 프로핏 팩터 1.72, 샤프 0.62, 최대 낙폭 21.86%, "
     "노출도 26%.",
     [], set()),

    (42, "en",
     "Boeing (BA) 20/50-day SMA crossover, Jan 2019 to Dec 2022: +36.9% total return, $50,000 down "
     "to $31,529, CAGR -10.9%. Buy-and-hold was worse at -47.0%, leaving the strategy 10.1 points "
     "ahead. Max drawdown 52.1%, twenty-six trades, 26.9% winners, profit factor 0.66, Sharpe -0.33.",
     [("+36.9%", "total_return", -0.3694166, "sign")], set()),

    (43, "en",
     "Samsung Electro-Mechanics (009150), Bollinger breakout (20, 2σ), 2019-01-02 to 2021-12-30: "
     "₩10,000,000 grew to ₩19,213,712, +92.1% or 24.4% a year. Holding the shares returned 116.0%, "
     "23.9 percentage points more. 23 trades, 52.2% winners, profit factor 2.14, max drawdown "
     "18.9%, Sharpe 1.08, Sortino 1.57, in the market 41% of the time.",
     [], set()),

    (44, "ko",
     "미국 장기채 ETF TLT를 2020년 1월 2일부터 2023년 말까지 보유한 결과, 20만 달러가 14만 1,061달러로 "
     "줄어 약 30% 손실(연 약 -9.5%)을 봤습니다. 최대 낙폭은 48.35%, 변동성 17.63%, 샤프 -0.42, "
     "소르티노 -0.55로 채권이라 안전하다는 통념과는 거리가 멀었습니다.",
     [("-9.5%", "cagr", -0.0838, "approx")], {"dir", "approx5"}),

    (45, "ko",
     "SK이노베이션(096770) 10일·30일 지수이평 교차 2017~2021년 성적표\n"
     "- 4,000만 원 → 3,090만 원 (-22.75%, 연 -5.04%)\n"
     "- 보유(-10.92%)보다도 11.83%p 부진\n"
     "- 최대 낙폭 43.81%, 샤프 -0.19\n"
     "- 38회 거래, 승률 34.2%, PF 0.82, 노출 53%",
     [], set()),

    (46, "en",
     "Caterpillar (CAT): 20-day, two-sigma band breakout, 2020-01-02 to 2024-12-31. $120k → "
     "$279.9k, about 2.5x the starting capital (+133.3%, 18.5% CAGR). Buy-and-hold still did 29.9 "
     "points better at 163.2%. 36 trades with a 46% win rate and profit factor 1.95; max drawdown "
     "22.5%, Sharpe 0.94, Sortino 1.36.",
     [("2.5x", "equity_multiple", 2.33283475, "approx"),
      ("46%", "win_rate", 0.5, "attribution")], set()),

    (47, "ko",
     "KT&G(033780) 20일선/60일선 추세추종 10년 백테스트(2014년 1월~2022년 12월): 1억 원이 1억 "
     "2,564만 원이 되어 순이익 2억 5,640만 원, 누적 25.64%, 연 2.31%에 불과했습니다. 보유했다면 "
     "48.37%로 22.73%p 더 벌었습니다. 56번 거래, 승률 39.3%, 변동성 16.84%, 최대 낙폭 19.72%, "
     "샤프 0.21 / 소르티노 0.29, 시장 노출 57%.",
     [("2022년", "end", "2023-12-28", "date"),
      ("2억 5,640만", "net_profit", 25640271, "scale10")], set()),

    (48, "en",
     "Procter & Gamble (PG) mean reversion, RSI(14) 30/70, 2018-01-02 → 2023-12-29: 23 trades, win "
     "rate 73.9%, profit factor 1.84, only 17% of days invested. $50,000 → $61,446 (+22.9%). Sharpe "
     "0.39 and a 13.2% max drawdown, but buy-and-hold returned 87.6%, 64.7 points more.",
     [], set()),

    (49, "ko",
     "현대모비스(012330) MACD(12,26,9) 4년 테스트 — 2,000만 원 → 2,207만 원, 총 +10.37%(연 2.50%), "
     "같은 기간 주가 -8.15% 대비 +18.52%p. 63번 거래에 승률 39.7%, PF 1.09, 샤프 0.22, 소르티노 "
     "0.31, MDD -23.59%, 노출 48%.",
     [], set()),

    (50, "en",
     "Walmart (WMT), 100/200-day EMA crossover, 2013-01-02 to 2022-12-30. Thirteen trades in ten "
     "years; the $500k book ended at $1.02M (+104.7%, 7.4% per year), versus 147.2% for holding the "
     "shares — 42.5 points behind. Volatility 15.9%, max drawdown 16.5%, Sharpe 0.61, Sortino 0.84, "
     "win rate 54%, exposure 74%.",
     [("100", "params.fast", 50, "param")], set()),

    (51, "ko",
     "POSCO홀딩스(005490)에 볼린저(20일, 2.5σ) 역추세를 걸어 2020.01~2023.12 테스트했습니다. "
     "3,000만 원 → 4,855만 원으로 61.84% 수익, 연 12.84%. 그러나 보유 수익률이 161.42%여서 "
     "223.26%p 뒤졌습니다. 15번 매매 승률 73.3%, 노출 14%, MDD 15.63%, 샤프 0.71.",
     [("223.26%p", "excess_return", -0.99578677, "excess")], set()),

    (52, "en",
     "Intel (INTC), 50-day vs 200-day SMA, 2015 to 2024. Twelve trades, 33.3% winners, profit "
     "factor 0.74. The account lost 31.3% ($100k to $68.7k), or -3.7% a year, while the stock fell "
     "44.8%; the filter saved 13.5 percentage points. Max drawdown was still 57.3%. Sharpe -0.12, "
     "Sortino -0.16, exposure 55%.",
     [], {"dir"}),

    (53, "ko",
     "삼성생명(032830) RSI(14) 30/70 | 2016.01~2020.12 | 1,000만 원 → 948만 3천 원 | 총수익률 "
     "-5.17%, 연 -1.06% | 보유 -32.08% 대비 +26.91%p | MDD 21.49% | 22번 거래, 승률 55% | 샤프 "
     "-0.03 | PF 0.93 | 노출 20%",
     [], set()),

    (54, "en",
     "Broadcom (AVGO), MACD(12,26,9), 2020-01-02 to 2024-12-31. Starting with $250k, the strategy "
     "finished at $12.8M: +411.2% total, 38.6% CAGR, 5.11x capital. It still trailed buy-and-hold "
     "(+633.7%) by 222.4 points. Twenty-five round trips, 46% winners, profit factor 2.38, exposure "
     "58%; Sharpe 1.31, Sortino 1.93, max drawdown 30.2%.",
     [("$12.8M", "final_equity", 1278118.25, "scale10"),
      ("Twenty-five", "trades", 52, "trades")], set()),

    (55, "ko",
     "엔씨소프트(036570) 5일/20일 이평 교차, 2021년 1월~2024년 12월: 5,000만 원 → 2,913만 원, "
     "총수익률 -41.73%, 연 -12.67%. 주가가 73.04% 폭락한 탓에 보유보다는 31.31%p 나았지만, 최대 "
     "낙폭 41.7%는 감당하기 어려운 수준. 84회 매매, 승률 28.6%, PF 0.68, 샤프 -0.61, 소르티노 -0.77.",
     [("41.7%", "max_drawdown", -0.5228, "attribution")], {"dir"}),

    (56, "en",
     "Home Depot (HD) — fade the lower Bollinger band (20, 2σ) — Jan 2018 to Dec 2022: $75,000 to "
     "$100,367, a 33.8% gain, 6.0% annualised. Buy-and-hold: 84.2%. Shortfall: 50.4 pp. 27 trades, win "
     "rate 66.7%, profit factor 1.47, time in market 21%, max drawdown 18.7%, Sharpe 0.48, Sortino "
     "0.66.",
     [], set()),

    (57, "ko",
     "삼성에스디에스(018260), EMA(12/26) 교차. 2019년 1월에 1억 원으로 시작해 2023년 12월 말 "
     "9,174만 원. 8.26% 손실이고 연율로는 -1.71%입니다. 주가가 34.87% 내린 것에 비하면 26.61%p "
     "선방. 거래 61건, 승률 31.15%, PF 0.94, MDD 24.13%, 노출 45%.",
     [], {"dir"}),

    (58, "en",
     "Johnson & Johnson (JNJ), plain buy-and-hold from 2014-01-02 to 2023-12-29: $100,000 → "
     "$171,232, a 71.3 per cent gain over ten years, which is 5.53% compounded annually. Annual "
     "volatility 17.21%, worst drawdown 20.87%, Sharpe 0.42.",
     [("71.3", "total_return", 0.7123214, "rounding")], set()),

    (59, "ko",
     "아모레퍼시픽(090430) 볼린저(20, 2σ) 상단 돌파 매수 · 2018~2022년 · 2,000만 원 → 1,427만 원"
     "(-28.64%, 연 -6.54%) · 보유 -47.85%보다는 19.21%p 양호 · MDD 39.42% · 20번 거래, 승률 25% "
     "· PF 0.72 · 샤프 -0.28 · 소르티노 -0.73 · 노출 37%",
     [("-0.73", "sortino", -0.37, "swap")], set()),

    (60, "en",
     "Mastercard (MA), 20/100-day moving-average cross, eight years from 2016-01-04 to 2023-12-29. "
     "$50k → $153,595, so 3.07x the capital and a 207.2% return (15.1% CAGR). Holding MA made "
     "340.6%; the strategy fell 133.4 points short. Max drawdown 26.3%, Sharpe 0.81, 31 trades, "
     "45.2% winners, profit factor 1.73, exposure 66%.",
     [], set()),

    (61, "ko",
     "삼성전자(005930) 10년 장기보유(2010년 1월 4일~2019년 12월 30일): 1억 원 → 3억 8,147만 원. "
     "누적 +281.47%, 약 3.8배, 연평균 14.35%. 연 변동성 25.12%, 최대 낙폭 -32.71%, 샤프 0.55.",
     [], set()),

    (62, "en",
     "Financials ETF (XLF), RSI(14) 25/80 rules, 2016-01-04 to 2020-12-31. Sixteen trades, 75% "
     "winners, profit factor 1.52, exposure 16%. $200k finished at $233.4k (+16.7%), 19.2 points "
     "behind buy-and-hold's 35.9%. Max drawdown 25.1%, Sharpe 0.29, Sortino 0.38.",
     [("80", "params.upper", 75, "param")], set()),

    (63, "en",
     "S-Oil (010950) | MACD(12,26,9) | 2020-01-02 to 2022-12-29 | KRW 15.0 million → KRW 18.57 "
     "million | +23.8% vs -11.2% buy-and-hold (+35.0 pp) | CAGR 7.4% | Sharpe 0.44, Sortino 0.62 | "
     "MDD 28.2% | 48 trades, 37.5% wins, PF 1.19 | exposure 50%",
     [], set()),

    (64, "ko",
     "셰브론(CVX) 5일/20일 EMA 골든크로스, 2021년 초~2023년 말. 2만 달러가 3만 4,783달러가 되어 "
     "+73.92%, 연 32.15%. 다만 보유 +112.46%에 38.54%p 못 미쳤습니다. 33회 매매, 승률 45.45%, "
     "PF 1.93, MDD 16.88%, 샤프 1.28, 소르티노 1.84, 노출 60%.",
     [("2023년", "end", "2022-12-30", "date")], set()),

    (65, "ko",
     "신한지주(055550) 밴드 하단 매수 전략, 볼린저 (20, 2σ). 2017년 1월~2024년 12월, 8년 동안 3억 원이 "
     "3.63억 원으로 늘었습니다(+21.16%, 연 2.43%). 보유 8.71%보다 12.45%p 높음. 거래 49회, 승률 "
     "65.3%, 시장 노출 18%, MDD 22.93%, 샤프 0.24.",
     [], set()),

    (66, "en",
     "Pfizer (PFE), 50/200 SMA crossover, Jan 2019–Dec 2023: the account shrank from $80,000 to "
     "$64,305, a 19.6% loss (-4.3% CAGR). Still, with the stock down 34.05%, the filter came out "
     "53.67 percentage points ahead. Eight trades, 25% win rate, profit factor 0.63, max drawdown "
     "31.3%, Sharpe -0.14, exposure 51%.",
     [("53.67", "excess_return", 0.14431337, "excess")], {"dir"}),

    (67, "ko",
     "SK(034730) RSI(14) 30/70 역추세 · 2021-01-04 ~ 2023-12-28\n"
     "원금 5,000만 원 / 최종 4,531만 원 / 손익 -469만 원\n"
     "누적 -9.38%, 연환산 -3.25%, 보유 -32.79% → 초과 +23.41%p\n"
     "21회 거래, 승률 52.4%, PF 0.89, 노출 24%\n"
     "MDD 21.67%, 샤프 -0.08, 소르티노 -0.11",
     [], set()),

    (68, "en",
     "SPY 50/200-day trend filter through the lost decade, 2000-01-03 to 2009-12-31: $100k → "
     "$132.6k (+32.6%, 2.9% a year) while buy-and-hold lost 9.3%. That is 4,196bp of excess return, "
     "with a max drawdown of only 18.4%. Ten trades, 60% winners, exposure 58%, Sharpe 0.24, "
     "Sortino 0.33.",
     [], {"dir"}),

    (69, "ko",
     "포스코인터내셔널(047050) 볼린저 밴드(20, 3σ) 돌파 전략, 2023년 1월~2024년 12월. 1,000만 원 → "
     "1,563만 원, +56.27%(연 25.1%). 보유는 +94.18%로 37.91%p 더 높았습니다. 16번 거래 중 승률 "
     "43.75%, PF 1.88, 샤프 0.83, 소르티노 1.24, MDD 33.11%, 노출 43%.",
     [("3σ", "params.k", 2, "param")], set()),

    (70, "en",
     "For reference, AAPL buy-and-hold, 2019-01-02 to 2023-12-29: $1,000,000 became $4.92M, "
     "+392.5% (4.92x), a 37.66% CAGR. Volatility 29.6%, max drawdown -31.4%, Sharpe 1.34, "
     "Sortino 1.96.",
     [], set()),

    (71, "ko",
     "LG전자(066570) MACD(12,26,9), 2022년 초부터 2024년 말까지 3년. 1,000만 원이 928만 8천 원으로 "
     "7.12% 줄었습니다(연 -2.44%). 같은 기간 주가 하락률 38.34%와 비교하면 31.22%p를 지켜낸 셈. "
     "64번 거래, 승률 34.4%, PF 0.96, 최대 낙폭 22.14%, 샤프 -0.06, 노출 47%.",
     [], {"dir"}),

    (72, "en",
     "AMZN 20/60 SMA crossover, Jan 2020 – Dec 2024: $60k → $97.0k, +61.7% (10.1% CAGR). Holding "
     "Amazon instead returned 130.7%, 69.0 points more. 35 trades, win rate 62%, profit factor "
     "1.36, max drawdown 33.9%, Sharpe 0.52, Sortino 0.71.",
     [("62%", "win_rate", 0.3714, "attribution")], set()),

    (73, "ko",
     "셀트리온(068270) 20일/60일 EMA 교차 (2016.01~2020.12): 4,000만 원 → 1억 3,834만 원, 약 3.5배"
     "(+245.86%), CAGR 28.24%. 다만 보유(+330.19%)보다 84.33%p 낮았고 MDD -37.18%. 샤프 0.92, "
     "소르티노 1.33, 25회 중 승률 40%, PF 2.09, 노출 60%.",
     [], set()),

    (74, "en",
     "MSFT, 20-day Bollinger breakout at 2σ, 2022-01-03 to 2024-12-31 — net profit $19.4k on $100k "
     "(+19.4%, 6.1% a year), 977bp short of buy-and-hold (+29.2%). Max drawdown 22.8%, Sharpe 0.41, "
     "Sortino 0.60, 28 trades, win rate 46.4%, profit factor 1.34, exposure 44%.",
     [], set()),

    (75, "ko",
     "KT(030200) 10일/20일 이평 교차 7년 결과: 3,000만 원 → 3,904만 원(+30.12%, CAGR 3.9%). "
     "보유 17.86% 대비 12.26%p 초과. 80회 거래, 승률 43.75%, PF 1.23, MDD 18.25%, 샤프 0.37, "
     "노출 54%.",
     [("20일", "params.slow", 30, "param"),
      ("3.9%", "cagr", 0.0384, "rounding")], set()),

    (76, "en",
     "NFLX, RSI(14) 30/70, 2022-01-03 to 2023-12-29. A $40k account ended at $431k, +7.8% over two "
     "years (3.9% annualised), while the stock lost 20.5%: ~25 percentage points better than "
     "holding. Twelve trades, 58.3% winners, PF 1.16, max drawdown 31.2%, Sharpe 0.21, Sortino "
     "0.30, exposure 29%.",
     [("$431k", "final_equity", 43135.65, "scale10"),
      ("25", "excess_return", 0.28379125, "approx")], {"dir"}),

    (77, "ko",
     "현대차(005380)를 2020년 1월 2일부터 5년간 보유: 5,000만 원 → 8,781만 원, 75.61% 상승(연 "
     "11.94%). 변동성 31.87%, 최대 38.04% 하락 구간, 샤프 0.47.",
     [], set()),

    (78, "en",
     "Tesla (TSLA) with MACD(12,26,9), 2021-01-04 to 2024-12-31: 71 trades, 32.4% winners, profit "
     "factor 0.91. The $100,000 account fell to $78,170 (−21.8%, CAGR −6.0%), while TSLA itself "
     "gained 49.2%, a 71.0-percentage-point shortfall. Max drawdown 61.1%; Sharpe -0.02, Sortino -0.03; "
     "exposure 53%.",
     [], set()),

    (79, "en",
     "SK hynix (000660), 5/20-day SMA cross, 2023-01-02 to 2024-12-30. KRW 1 billion → KRW 1.93 "
     "billion, +93.2% (39.1% CAGR), net profit KRW 931.6 million. The memory rally made buy-and-hold "
     "even better at +131.1%, so the strategy trailed by 37.9 points. 76 trades, 42.1% winners, "
     "profit factor 1.64, max drawdown 25.4%, Sharpe 1.16, Sortino 1.68, exposure 55%.",
     [], set()),

    (80, "ko",
     "QQQ에 볼린저 밴드(20, 2σ) 평균회귀 전략을 2019년 1월부터 2023년 12월까지 적용. 50만 달러 → "
     "81만 4,312달러, 수익률 62.86%, 연 10.27%. 변동성 ~15%와 MDD 19.94%로 안정적이었지만, 단순 "
     "보유 156.74%에 비해 93.88%p 낮았습니다. 39회 거래, 승률 69.2%, PF 1.61, 샤프 0.74, "
     "소르티노 1.03, 노출 26%.",
     [], set()),
]
