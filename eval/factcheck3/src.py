"""Hand-written facts and texts for eval/factcheck3 (ids fc_y_001 ... fc_y_060).

FACTS maps an id to the backtest facts (spec keys, rates as fractions, money in the
symbol's currency). ITEMS lists (id, lang, text, errors); every error is
(number as written, kpi, true value, kind) with an optional fifth element -1 when the
text states the labelled magnitude as negative through a word ("worse", "decline", "부진").
Every paragraph below was typed by hand for its own facts. No templates.
"""

FACTS = {
    "fc_y_001": {
        "symbol": "005930", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
        "start": "2019-01-02", "end": "2023-12-28",
        "initial_cash": 10000000, "final_equity": 14172000, "total_return": 0.4172,
        "cagr": 0.0724, "sharpe": 0.71, "max_drawdown": -0.2284, "win_rate": 0.4348,
        "trades": 23, "buy_hold_return": 0.5937,
    },
    "fc_y_002": {
        "symbol": "SPY", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
        "start": "2015-01-02", "end": "2022-12-30",
        "initial_cash": 100000, "final_equity": 168430, "total_return": 0.6843,
        "cagr": 0.0674, "sharpe": 0.64, "sortino": 0.88, "max_drawdown": -0.1872,
        "volatility": 0.1241, "win_rate": 0.5161, "trades": 31, "profit_factor": 1.74,
        "exposure": 0.683, "buy_hold_return": 1.0552,
    },
    "fc_y_003": {
        "symbol": "035720", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70},
        "start": "2020-01-02", "end": "2023-06-30",
        "initial_cash": 5000000, "final_equity": 4082500, "total_return": -0.1835,
        "sharpe": -0.21, "max_drawdown": -0.3912, "win_rate": 0.5294, "trades": 17,
        "buy_hold_return": -0.2461,
    },
    "fc_y_004": {
        "symbol": "NVDA", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
        "start": "2018-01-02", "end": "2023-12-29",
        "initial_cash": 50000, "final_equity": 221085, "total_return": 3.4217,
        "cagr": 0.2818, "sharpe": 1.12, "sortino": 1.63, "max_drawdown": -0.4138,
        "win_rate": 0.431, "trades": 58, "buy_hold_return": 9.1284,
    },
    "fc_y_005": {
        "symbol": "000660", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
        "start": "2017-01-02", "end": "2021-12-30",
        "initial_cash": 100000000, "final_equity": 189210000, "total_return": 0.8921,
        "cagr": 0.1363, "sharpe": 0.83, "sortino": 1.19, "max_drawdown": -0.3057,
        "volatility": 0.2914, "win_rate": 0.4146, "trades": 41, "profit_factor": 1.52,
        "exposure": 0.4128, "buy_hold_return": 1.4573,
    },
    "fc_y_006": {
        "symbol": "QQQ", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
        "start": "2010-01-04", "end": "2019-12-31",
        "initial_cash": 250000, "final_equity": 790950, "total_return": 2.1638,
        "cagr": 0.1222, "sharpe": 0.93, "max_drawdown": -0.1689, "win_rate": 0.6667,
        "trades": 9, "exposure": 0.781, "buy_hold_return": 3.8027,
    },
    "fc_y_007": {
        "symbol": "068270", "strategy": "buy_and_hold",
        "start": "2018-01-02", "end": "2020-12-30",
        "initial_cash": 30000000, "final_equity": 41148000, "total_return": 0.3716,
        "cagr": 0.1114, "sharpe": 0.48, "max_drawdown": 0.4421, "volatility": 0.4102,
        "buy_hold_return": 0.3716,
    },
    "fc_y_008": {
        "symbol": "AAPL", "strategy": "rsi_reversion",
        "params": {"period": 2, "lower": 10, "upper": 90},
        "start": "2016-01-04", "end": "2020-12-31",
        "initial_cash": 20000, "final_equity": 30956, "total_return": 0.5478,
        "cagr": 0.0915, "sharpe": 0.89, "sortino": 1.37, "max_drawdown": -0.1423,
        "win_rate": 0.710526, "trades": 76, "profit_factor": 1.91, "buy_hold_return": 3.7012,
    },
    "fc_y_009": {
        "symbol": "035420", "strategy": "ema_cross", "params": {"fast": 5, "slow": 20},
        "start": "2021-01-04", "end": "2022-12-29",
        "initial_cash": 20000000, "final_equity": 14472000, "total_return": -0.2764,
        "cagr": -0.1506, "sharpe": -0.74, "sortino": -0.95, "max_drawdown": -0.3518,
        "win_rate": 0.3158, "trades": 38, "buy_hold_return": -0.5211,
    },
    "fc_y_010": {
        "symbol": "TLT", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2.5},
        "start": "2019-01-02", "end": "2023-12-29",
        "initial_cash": 100000, "final_equity": 95880, "total_return": -0.0412,
        "sharpe": -0.06, "max_drawdown": -0.1267, "volatility": 0.0987, "win_rate": 0.5714,
        "trades": 14, "exposure": 0.2231, "buy_hold_return": -0.2193,
    },
    "fc_y_011": {
        "symbol": "TSLA", "strategy": "sma_cross", "params": {"fast": 10, "slow": 30},
        "start": "2019-01-02", "end": "2021-12-31",
        "initial_cash": 10000, "final_equity": 62371, "total_return": 5.2371,
        "cagr": 0.8425, "sharpe": 1.31, "max_drawdown": -0.5124, "trades": 27,
        "buy_hold_return": 9.4113,
    },
    "fc_y_012": {
        "symbol": "005380", "strategy": "macd_cross", "params": {"fast": 8, "slow": 21, "signal": 5},
        "start": "2020-03-02", "end": "2022-12-29",
        "initial_cash": 50000000, "final_equity": 63075000, "total_return": 0.2615,
        "cagr": 0.0857, "sharpe": 0.55, "max_drawdown": -0.2103, "win_rate": 0.4545,
        "trades": 44, "profit_factor": 1.21, "buy_hold_return": 0.5803,
    },
    "fc_y_013": {
        "symbol": "105560", "strategy": "buy_and_hold",
        "start": "2014-01-02", "end": "2023-12-28",
        "initial_cash": 100000000, "final_equity": 162310000, "total_return": 0.6231,
        "cagr": 0.0497, "sharpe": 0.31, "max_drawdown": -0.4712, "volatility": 0.2458,
        "buy_hold_return": 0.6231,
    },
    "fc_y_014": {
        "symbol": "MSFT", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
        "start": "2012-01-03", "end": "2021-12-31",
        "initial_cash": 1000000, "final_equity": 5318600, "total_return": 4.3186,
        "cagr": 0.182, "sharpe": 1.05, "sortino": 1.48, "max_drawdown": 0.2231,
        "win_rate": 0.4478, "trades": 67, "profit_factor": 1.88, "exposure": 0.5512,
        "buy_hold_return": 9.0148,
    },
    "fc_y_015": {
        "symbol": "051910", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 25, "upper": 75},
        "start": "2018-07-02", "end": "2022-06-30",
        "initial_cash": 30000000, "final_equity": 33852000, "total_return": 0.1284,
        "cagr": 0.0307, "sharpe": 0.27, "max_drawdown": -0.2877, "win_rate": 0.75,
        "trades": 12, "profit_factor": 2.13, "buy_hold_return": 0.6521,
    },
    "fc_y_016": {
        "symbol": "GLD", "strategy": "ema_cross", "params": {"fast": 20, "slow": 50},
        "start": "2013-01-02", "end": "2020-12-31",
        "initial_cash": 40000, "final_equity": 43484, "total_return": 0.0871,
        "cagr": 0.0105, "sharpe": 0.12, "max_drawdown": -0.2014, "volatility": 0.1123,
        "win_rate": 0.3636, "trades": 22, "buy_hold_return": 0.1029,
    },
    "fc_y_017": {
        "symbol": "207940", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
        "start": "2019-01-02", "end": "2021-12-30",
        "initial_cash": 50000000, "final_equity": 107710000, "total_return": 1.1542,
        "cagr": 0.2923, "sharpe": 1.09, "max_drawdown": -0.2648, "trades": 35,
        "buy_hold_return": 2.0318,
    },
    "fc_y_018": {
        "symbol": "IWM", "strategy": "sma_cross", "params": {"fast": 20, "slow": 100},
        "start": "2008-01-02", "end": "2012-12-31",
        "initial_cash": 100000, "final_equity": 93730, "total_return": -0.0627,
        "sharpe": -0.02, "sortino": -0.03, "max_drawdown": -0.3381, "win_rate": 0.3158,
        "trades": 19, "exposure": 0.4712, "buy_hold_return": 0.0871,
    },
    "fc_y_019": {
        "symbol": "000660", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70},
        "start": "2019-01-02", "end": "2023-12-28",
        "initial_cash": 10000000, "final_equity": 13349000, "total_return": 0.3349,
        "max_drawdown": -0.1992, "win_rate": 0.619, "trades": 21, "buy_hold_return": 1.0718,
    },
    "fc_y_020": {
        "symbol": "XOM", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
        "start": "2020-01-02", "end": "2023-12-29",
        "initial_cash": 200000, "final_equity": 302720, "total_return": 0.5136,
        "cagr": 0.1095, "sharpe": 0.77, "sortino": 1.15, "max_drawdown": -0.2419,
        "win_rate": 0.6538, "trades": 26, "profit_factor": 1.66, "buy_hold_return": 0.6982,
    },
    "fc_y_021": {
        "symbol": "017670", "strategy": "ema_cross", "params": {"fast": 10, "slow": 40},
        "start": "2016-01-04", "end": "2020-12-30",
        "initial_cash": 20000000, "final_equity": 21046000, "total_return": 0.0523,
        "sharpe": 0.09, "max_drawdown": -0.1535, "win_rate": 0.3448, "trades": 29,
        "exposure": 0.5231, "buy_hold_return": -0.0846,
    },
    "fc_y_022": {
        "symbol": "AMZN", "strategy": "buy_and_hold",
        "start": "2015-01-02", "end": "2019-12-31",
        "initial_cash": 10000, "final_equity": 59584, "total_return": 4.9584,
        "cagr": 0.4296, "sharpe": 1.21, "max_drawdown": 0.3409, "volatility": 0.2896,
        "buy_hold_return": 4.9584,
    },
    "fc_y_023": {
        "symbol": "005930", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
        "start": "2020-01-02", "end": "2022-12-29",
        "initial_cash": 120000000, "final_equity": 105036000, "total_return": -0.1247,
        "sharpe": -0.38, "max_drawdown": -0.2931, "win_rate": 0.3125, "trades": 16,
        "profit_factor": 0.74, "buy_hold_return": 0.0296,
    },
    "fc_y_024": {
        "symbol": "META", "strategy": "ema_cross", "params": {"fast": 9, "slow": 21},
        "start": "2021-01-04", "end": "2023-12-29",
        "initial_cash": 30000, "final_equity": 43275, "total_return": 0.4425,
        "sharpe": 0.52, "sortino": 0.74, "max_drawdown": -0.4788, "win_rate": 0.383,
        "trades": 47, "buy_hold_return": 0.3427,
    },
    "fc_y_025": {
        "symbol": "035720", "strategy": "buy_and_hold",
        "start": "2017-01-02", "end": "2021-12-30",
        "initial_cash": 10000000, "final_equity": 40217000, "total_return": 3.0217,
        "cagr": 0.3216, "sharpe": 0.98, "max_drawdown": -0.3862, "buy_hold_return": 3.0217,
    },
    "fc_y_026": {
        "symbol": "KO", "strategy": "rsi_reversion",
        "params": {"period": 5, "lower": 20, "upper": 80},
        "start": "2014-01-02", "end": "2023-12-29",
        "initial_cash": 50000, "final_equity": 69605, "total_return": 0.3921,
        "cagr": 0.0337, "sharpe": 0.36, "max_drawdown": 0.1544, "win_rate": 0.6518,
        "trades": 112, "profit_factor": 1.29, "exposure": 0.1836, "buy_hold_return": 0.7014,
    },
    "fc_y_027": {
        "symbol": "015760", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
        "start": "2021-01-04", "end": "2023-12-28",
        "initial_cash": 3000000, "final_equity": 2724600, "total_return": -0.0918,
        "max_drawdown": -0.2473, "win_rate": 0.3636, "trades": 33, "buy_hold_return": -0.3127,
    },
    "fc_y_028": {
        "symbol": "JPM", "strategy": "sma_cross", "params": {"fast": 50, "slow": 200},
        "start": "2011-01-03", "end": "2020-12-31",
        "initial_cash": 500000, "final_equity": 1142350, "total_return": 1.2847,
        "cagr": 0.0862, "sharpe": 0.58, "sortino": 0.81, "max_drawdown": -0.2612,
        "volatility": 0.1836, "win_rate": 0.5455, "trades": 11, "buy_hold_return": 1.1319,
    },
    "fc_y_029": {
        "symbol": "096770", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
        "start": "2019-01-02", "end": "2023-12-28",
        "initial_cash": 40000000, "final_equity": 48672000, "total_return": 0.2168,
        "sharpe": 0.41, "max_drawdown": -0.1841, "win_rate": 0.7083, "trades": 24,
        "profit_factor": 1.83, "buy_hold_return": -0.1534,
    },
    "fc_y_030": {
        "symbol": "AMD", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
        "start": "2016-01-04", "end": "2020-12-31",
        "initial_cash": 25000, "final_equity": 346835, "total_return": 12.8734,
        "cagr": 0.6937, "sharpe": 1.34, "sortino": 2.02, "max_drawdown": -0.3817,
        "win_rate": 0.4103, "trades": 39, "buy_hold_return": 31.1429,
    },
    "fc_y_031": {
        "symbol": "QQQ", "strategy": "buy_and_hold",
        "start": "2020-01-02", "end": "2023-12-29",
        "initial_cash": 100000, "final_equity": 192840, "total_return": 0.9284,
        "cagr": 0.1789, "sharpe": 0.79, "max_drawdown": -0.3512, "volatility": 0.2571,
        "buy_hold_return": 0.9284,
    },
    "fc_y_032": {
        "symbol": "035420", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70},
        "start": "2018-01-02", "end": "2020-12-30",
        "initial_cash": 100000000, "final_equity": 124370000, "total_return": 0.2437,
        "max_drawdown": -0.1734, "win_rate": 0.6667, "trades": 15, "buy_hold_return": 0.8166,
    },
    "fc_y_033": {
        "symbol": "SPY", "strategy": "sma_cross", "params": {"fast": 20, "slow": 60},
        "start": "2018-01-02", "end": "2022-12-30",
        "initial_cash": 50000, "final_equity": 59195, "total_return": 0.1839,
        "sharpe": 0.33, "max_drawdown": 0.1958, "win_rate": 0.3529, "trades": 34,
        "exposure": 0.6421, "buy_hold_return": 0.5691,
    },
    "fc_y_034": {
        "symbol": "NFLX", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
        "start": "2017-01-03", "end": "2021-12-31",
        "initial_cash": 10000, "final_equity": 26732, "total_return": 1.6732,
        "cagr": 0.2178, "sharpe": 0.81, "max_drawdown": -0.3107, "win_rate": 0.4286,
        "trades": 28, "buy_hold_return": 3.3158,
    },
    "fc_y_035": {
        "symbol": "005380", "strategy": "buy_and_hold",
        "start": "2019-01-02", "end": "2020-12-30",
        "initial_cash": 5000000, "final_equity": 7560500, "total_return": 0.5121,
        "cagr": 0.2305, "max_drawdown": -0.5203, "volatility": 0.3712,
        "buy_hold_return": 0.5121,
    },
    "fc_y_036": {
        "symbol": "BA", "strategy": "sma_cross", "params": {"fast": 20, "slow": 50},
        "start": "2019-01-02", "end": "2022-12-30",
        "initial_cash": 100000, "final_equity": 73160, "total_return": -0.2684,
        "sharpe": -0.31, "sortino": -0.4, "max_drawdown": -0.4926, "win_rate": 0.28,
        "trades": 25, "profit_factor": 0.71, "buy_hold_return": -0.4118,
    },
    "fc_y_037": {
        "symbol": "068270", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
        "start": "2015-01-02", "end": "2019-12-30",
        "initial_cash": 15000000, "final_equity": 41137500, "total_return": 1.7425,
        "cagr": 0.224, "sharpe": 0.88, "max_drawdown": -0.3322, "win_rate": 0.4,
        "trades": 30, "buy_hold_return": 3.3847,
    },
    "fc_y_038": {
        "symbol": "V", "strategy": "bollinger_reversion", "params": {"period": 15, "k": 1.5},
        "start": "2016-01-04", "end": "2021-12-31",
        "initial_cash": 75000, "final_equity": 125340, "total_return": 0.6712,
        "cagr": 0.0895, "sharpe": 0.62, "max_drawdown": 0.1893, "volatility": 0.1418,
        "win_rate": 0.6032, "trades": 63, "profit_factor": 1.42, "exposure": 0.3157,
        "buy_hold_return": 1.8829,
    },
    "fc_y_039": {
        "symbol": "055550", "strategy": "rsi_reversion",
        "params": {"period": 21, "lower": 30, "upper": 70},
        "start": "2012-01-02", "end": "2021-12-30",
        "initial_cash": 200000000, "final_equity": 228240000, "total_return": 0.1412,
        "cagr": 0.0133, "sharpe": 0.15, "max_drawdown": -0.2236, "win_rate": 0.7222,
        "trades": 18, "buy_hold_return": -0.1028,
    },
    "fc_y_040": {
        "symbol": "GOOGL", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
        "start": "2019-01-02", "end": "2023-12-29",
        "initial_cash": 60000, "final_equity": 112998, "total_return": 0.8833,
        "sharpe": 0.72, "sortino": 1.06, "max_drawdown": -0.2867, "win_rate": 0.4231,
        "trades": 52, "profit_factor": 1.37, "buy_hold_return": 1.6732,
    },
    "fc_y_041": {
        "symbol": "000270", "strategy": "sma_cross", "params": {"fast": 5, "slow": 60},
        "start": "2020-01-02", "end": "2023-12-28",
        "initial_cash": 10000000, "final_equity": 24387000, "total_return": 1.4387,
        "cagr": 0.2506, "sharpe": 1.02, "max_drawdown": -0.2718, "win_rate": 0.45,
        "trades": 20, "buy_hold_return": 1.3012,
    },
    "fc_y_042": {
        "symbol": "XLE", "strategy": "buy_and_hold",
        "start": "2014-01-02", "end": "2020-12-31",
        "initial_cash": 100000, "final_equity": 45640, "total_return": -0.5436,
        "cagr": -0.1061, "sharpe": -0.38, "max_drawdown": 0.7012, "volatility": 0.3021,
        "buy_hold_return": -0.5436,
    },
    "fc_y_043": {
        "symbol": "AAPL", "strategy": "ema_cross", "params": {"fast": 20, "slow": 60},
        "start": "2019-01-02", "end": "2023-12-29",
        "initial_cash": 20000, "final_equity": 63072, "total_return": 2.1536,
        "sharpe": 1.11, "max_drawdown": -0.2509, "trades": 13, "buy_hold_return": 4.4068,
    },
    "fc_y_044": {
        "symbol": "051910", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
        "start": "2020-01-02", "end": "2022-12-29",
        "initial_cash": 300000000, "final_equity": 483720000, "total_return": 0.6124,
        "cagr": 0.1733, "sharpe": 0.64, "sortino": 0.91, "max_drawdown": -0.3641,
        "win_rate": 0.3878, "trades": 49, "profit_factor": 1.33, "buy_hold_return": 1.2438,
    },
    "fc_y_045": {
        "symbol": "032830", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2.5},
        "start": "2017-01-02", "end": "2021-12-30",
        "initial_cash": 50000000, "final_equity": 46345000, "total_return": -0.0731,
        "sharpe": -0.05, "max_drawdown": -0.1842, "win_rate": 0.375, "trades": 8,
        "exposure": 0.1642, "buy_hold_return": -0.1955,
    },
    "fc_y_046": {
        "symbol": "MSFT", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70},
        "start": "2020-01-02", "end": "2023-12-29",
        "initial_cash": 15000, "final_equity": 20718, "total_return": 0.3812,
        "cagr": 0.0843, "max_drawdown": -0.1611, "win_rate": 0.8, "trades": 10,
        "profit_factor": 3.12, "buy_hold_return": 1.3388,
    },
    "fc_y_047": {
        "symbol": "TSLA", "strategy": "buy_and_hold",
        "start": "2021-01-04", "end": "2023-12-29",
        "initial_cash": 50000, "final_equity": 33710, "total_return": -0.3258,
        "cagr": -0.1239, "sharpe": -0.02, "max_drawdown": -0.7356, "volatility": 0.6214,
        "buy_hold_return": -0.3258,
    },
    "fc_y_048": {
        "symbol": "035720", "strategy": "ema_cross", "params": {"fast": 5, "slow": 20},
        "start": "2019-01-02", "end": "2023-12-28",
        "initial_cash": 20000000, "final_equity": 25888000, "total_return": 0.2944,
        "sharpe": 0.21, "sortino": 0.29, "max_drawdown": -0.5531, "win_rate": 0.338,
        "trades": 71, "exposure": 0.5118, "buy_hold_return": 0.4017,
    },
    "fc_y_049": {
        "symbol": "003550", "strategy": "sma_cross", "params": {"fast": 20, "slow": 120},
        "start": "2013-01-02", "end": "2022-12-29",
        "initial_cash": 100000000, "final_equity": 145610000, "total_return": 0.4561,
        "cagr": 0.0383, "sharpe": 0.29, "max_drawdown": 0.2973, "win_rate": 0.4667,
        "trades": 15, "buy_hold_return": 0.1107,
    },
    "fc_y_050": {
        "symbol": "AMZN", "strategy": "bollinger_breakout", "params": {"period": 20, "k": 2},
        "start": "2020-01-02", "end": "2022-12-30",
        "initial_cash": 40000, "final_equity": 35256, "total_return": -0.1186,
        "sharpe": -0.12, "max_drawdown": -0.3544, "win_rate": 0.381, "trades": 21,
        "buy_hold_return": -0.1144,
    },
    "fc_y_051": {
        "symbol": "066570", "strategy": "rsi_reversion",
        "params": {"period": 9, "lower": 20, "upper": 80},
        "start": "2021-01-04", "end": "2023-12-28",
        "initial_cash": 8000000, "final_equity": 8495200, "total_return": 0.0619,
        "max_drawdown": -0.1287, "win_rate": 0.6923, "trades": 26, "buy_hold_return": -0.3802,
    },
    "fc_y_052": {
        "symbol": "SPY", "strategy": "buy_and_hold",
        "start": "2000-01-03", "end": "2009-12-31",
        "initial_cash": 1000000, "final_equity": 756300, "total_return": -0.2437,
        "cagr": -0.0276, "sharpe": -0.04, "max_drawdown": -0.5519, "volatility": 0.2208,
        "buy_hold_return": -0.2437,
    },
    "fc_y_053": {
        "symbol": "028260", "strategy": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9},
        "start": "2018-01-02", "end": "2022-12-29",
        "initial_cash": 20000000, "final_equity": 16878000, "total_return": -0.1561,
        "sharpe": -0.19, "max_drawdown": 0.2988, "win_rate": 0.3571, "trades": 42,
        "buy_hold_return": -0.3604,
    },
    "fc_y_054": {
        "symbol": "TSLA", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 25, "upper": 75},
        "start": "2022-01-03", "end": "2023-12-29",
        "initial_cash": 25000, "final_equity": 30547.5, "total_return": 0.2219,
        "sharpe": 0.46, "max_drawdown": 0.3714, "win_rate": 0.7273, "trades": 11,
        "profit_factor": 2.41, "buy_hold_return": -0.3261,
    },
    "fc_y_055": {
        "symbol": "000660", "strategy": "sma_cross", "params": {"fast": 10, "slow": 50},
        "start": "2010-01-04", "end": "2019-12-30",
        "initial_cash": 300000000, "final_equity": 913560000, "total_return": 2.0452,
        "cagr": 0.118, "sharpe": 0.52, "sortino": 0.73, "max_drawdown": -0.3927,
        "volatility": 0.3216, "win_rate": 0.4324, "trades": 37, "buy_hold_return": 2.9113,
    },
    "fc_y_056": {
        "symbol": "INTC", "strategy": "ema_cross", "params": {"fast": 10, "slow": 30},
        "start": "2018-01-02", "end": "2023-12-29",
        "initial_cash": 80000, "final_equity": 72856, "total_return": -0.0893,
        "sharpe": -0.03, "max_drawdown": -0.3955, "win_rate": 0.3023, "trades": 43,
        "buy_hold_return": 0.0786,
    },
    "fc_y_057": {
        "symbol": "005930", "strategy": "rsi_reversion",
        "params": {"period": 14, "lower": 30, "upper": 70},
        "start": "2022-01-03", "end": "2023-12-28",
        "initial_cash": 12000000, "final_equity": 13022400, "total_return": 0.0852,
        "max_drawdown": -0.1308, "win_rate": 0.8333, "trades": 6, "buy_hold_return": -0.0546,
    },
    "fc_y_058": {
        "symbol": "DIS", "strategy": "buy_and_hold",
        "start": "2018-01-02", "end": "2023-12-29",
        "initial_cash": 20000, "final_equity": 16794, "total_return": -0.1603,
        "cagr": -0.0288, "sharpe": -0.01, "max_drawdown": -0.6125, "buy_hold_return": -0.1603,
    },
    "fc_y_059": {
        "symbol": "NVDA", "strategy": "bollinger_reversion", "params": {"period": 20, "k": 2},
        "start": "2021-01-04", "end": "2023-12-29",
        "initial_cash": 30000, "final_equity": 54651, "total_return": 0.8217,
        "max_drawdown": 0.3328, "win_rate": 0.6842, "trades": 19, "buy_hold_return": 2.7546,
    },
    "fc_y_060": {
        "symbol": "207940", "strategy": "ema_cross", "params": {"fast": 12, "slow": 26},
        "start": "2021-01-04", "end": "2023-12-28",
        "initial_cash": 1000000000, "final_equity": 968600000, "total_return": -0.0314,
        "sharpe": -0.08, "max_drawdown": -0.2245, "win_rate": 0.3889, "trades": 36,
        "buy_hold_return": -0.0712,
    },
}

ITEMS = [
    # 001 ko, retail app summary card
    ("fc_y_001", "ko",
     "[백테스트 요약] 삼성전자(005930)\n"
     "골든크로스 20일/60일 · 2019.01.02 ~ 2023.12.28\n"
     "투자원금 1,000만원 → 평가금액 1,417만원\n"
     "누적수익률 +41.7% | 연환산 7.2%\n"
     "최대낙폭 -22.8% | 샤프 0.71\n"
     "매매 32회 · 승률 43.5%\n"
     "단순보유 +59.4% 대비 -17.7%p",
     [("32회", "trades", 23, "swap")]),

    # 002 en, analyst email
    ("fc_y_002", "en",
     "Hi Dana,\n\n"
     "Quick read on the SPY EMA 12/26 run you asked about (Jan 2015 through Dec 2022). "
     "Starting from $100,000 the account ended at $168,430, a 68.4% total return, or about "
     "6.7% a year. Risk-adjusted it is unremarkable: Sharpe 0.64, Sortino 0.88, annualised "
     "volatility 12.4%, and the worst peak-to-trough was 18.7%. It made 31 round trips, won "
     "51.6% of them, with a profit factor of 1.74, and it was in the market 68.3% of the time. "
     "The problem is the benchmark: simply holding SPY returned 105.5 percent, so the crossover "
     "lagged by roughly 37 percentage points.\n\nBest,\nMin",
     []),

    # 003 ko, casual 반말 note
    ("fc_y_003", "ko",
     "카카오(035720) RSI(14) 30/70 역추세 돌려봄. 2020년 초~2023년 6월 말, 500만원 넣고 "
     "408만원 남았어. 수익률로 치면 18.4% 상승. 그냥 들고 있었으면 -24.6%였으니까 6.3%p 덜 "
     "잃은 셈이긴 함. 17번 매매에 승률 52.9%, 중간에 -39.1%까지 빠졌었고 샤프 -0.21. 별로야.",
     [("18.4%", "total_return", -0.1835, "sign")]),

    # 004 en, Slack message
    ("fc_y_004", "en",
     "@quant-team NVDA MACD(12,26,9) backtest done 🚀\n"
     "2018→2023: $50k grew to $221k, +342% total, 28.2% CAGR. Sharpe 1.63 / Sortino 1.12. "
     "Max DD was ugly at -41.4%. 58 trades, 43.1% hit rate.\n"
     "BUT plain buy-and-hold did +913%, so we're ~571 points behind. not shipping this one lol",
     [("1.63", "sharpe", 1.12, "attribution"),
      ("1.12", "sortino", 1.63, "attribution")]),

    # 005 ko, 존댓말 report
    ("fc_y_005", "ko",
     "SK하이닉스(000660)에 대한 볼린저 밴드 돌파 전략(20일, 2σ) 백테스트 결과를 보고드립니다. "
     "2017년 1월 2일부터 2021년 12월 30일까지 초기 자본 1억 원으로 운용한 결과 최종 자산은 "
     "1억 8,921만 원으로 누적 수익률 89.2%, 연평균 수익률(CAGR) 13.6%를 기록하였습니다. "
     "샤프 비율은 0.83, 소르티노 비율은 1.19이며, 연간 변동성은 29.1%, 최대 낙폭은 30.6%였습니다. "
     "총 41회 거래 중 승률은 41.5%, 손익비(Profit Factor)는 1.52이고, 시장 노출 비중은 41.3%였습니다. "
     "다만 동일 기간 단순 보유 수익률이 145.7%로, 본 전략은 보유 대비 56.5%p 낮은 성과를 보였습니다.",
     []),

    # 006 en, bullet list
    ("fc_y_006", "en",
     "QQQ — 50/200-day SMA crossover, 2010–2019\n"
     "• Capital: $250,000 → $790,950 (3.16x)\n"
     "• Total return: 216.4%; CAGR: 21.2%\n"
     "• Sharpe: 0.93\n"
     "• Max drawdown: 16.9%\n"
     "• Trades: eleven, 66.7% of them winners\n"
     "• Time in market: 78.1%\n"
     "• Buy & hold: 380.3%, so the strategy trailed by 163.9 percentage points over the decade",
     [("21.2%", "cagr", 0.1222, "swap"),
      ("eleven", "trades", 9, "trades")]),

    # 007 ko, key | value block
    ("fc_y_007", "ko",
     "종목 | 셀트리온 (068270)\n"
     "전략 | 매수 후 보유\n"
     "기간 | 2018/01/02 ~ 2021/12/30\n"
     "원금 | 3,000만원\n"
     "최종 평가액 | 4,114만 8천원\n"
     "총수익률 | 37.16%\n"
     "CAGR | 11.1 %\n"
     "MDD | 44.2%\n"
     "변동성 | 41.0%\n"
     "샤프 | 0.48",
     [("2021", "end", "2020-12-30", "date")]),

    # 008 en, retail app card
    ("fc_y_008", "en",
     "Your strategy: AAPL · RSI(2), buy under 10 / sell over 90\n"
     "Jan 4, 2016 – Dec 31, 2020\n"
     "$20,000 → $30,956 (+$10,956)\n"
     "Return +54.8%  ·  Annualized 9.15%\n"
     "Max drawdown −14.2%\n"
     "Sharpe 0.89  ·  Sortino 1.37\n"
     "76 trades · 71.1% won · profit factor 1.91\n"
     "Had you just held AAPL: +370.1% (you trailed by 315.3 pts)",
     []),

    # 009 ko, analyst email in 존댓말
    ("fc_y_009", "ko",
     "팀장님, 요청하신 NAVER(035420) 5일/20일 EMA 교차 전략 결과 공유드립니다. 2021년 1월 4일부터 "
     "2022년 12월 29일까지 2,000만 원이 1,447만 2천 원이 되어 27.64% 손실이 났고, 연율로는 "
     "-15.1%입니다. 최대 낙폭은 35.2%, 샤프 -0.74, 소르티노 -0.95로 위험 대비 성과도 좋지 "
     "않습니다. 거래는 38건, 승률은 31.6%였습니다. 다만 같은 기간 주가 자체가 52.1% 하락했기 "
     "때문에 단순 보유보다는 79.8%p 선방한 셈입니다. 수수료 반영 전 수치이니 참고 부탁드립니다.",
     [("79.8%p", "excess_return", 0.2447, "excess")]),

    # 010 en, key | value table
    ("fc_y_010", "en",
     "TLT mean reversion (BB 20, 2.5σ) | 2019-01-02 → 2023-12-29\n"
     "start equity | $100,000\n"
     "end equity | $95,880\n"
     "net | -$4,120\n"
     "total return | -4.12%\n"
     "buy & hold | -21.93%\n"
     "vs B&H | +17.81 pts\n"
     "max drawdown | -12.67%\n"
     "volatility | 9.87%\n"
     "Sharpe | -0.06\n"
     "trades | 14\n"
     "win rate | 57.14%\n"
     "exposure | 22.31%",
     []),

    # 011 ko, 반말 note
    ("fc_y_011", "ko",
     "테슬라 10/30 이평 크로스 결과 나옴ㅋㅋ '19년 초에 1만 달러 넣었으면 '20년 말에 "
     "6만 2,371달러. 수익률 523.7%, 원금이 5.2배로 불었음. 연 84%씩. 근데 MDD 51.2%라 멘탈 "
     "나갈 뻔. 그리고 그냥 존버했으면 941.1%라서 417.4%p 뒤처짐… 27번 사고판 게 오히려 "
     "손해였네. 샤프는 1.31.",
     [("5.2배", "equity_multiple", 6.2371, "multiple"),
      ("'20년", "end", "2021-12-31", "date")]),

    # 012 en, Slack message
    ("fc_y_012", "en",
     "hey — ran Hyundai Motor (005380) through MACD 8/21/5 from Q1 2020 to the end of 2022. "
     "KRW 50 million in, KRW 631 million out, so +26.15%. sharpe 0.55, max dd 21.0%, pf 1.21. "
     "44 trades, 45.5% winners. B&H was +58.0% though, so ~31.9pp short. meh",
     [("631 million", "final_equity", 63075000, "scale10")]),

    # 013 ko, 존댓말 report
    ("fc_y_013", "ko",
     "KB금융(105560) 장기 보유 시뮬레이션 결과입니다. 2014년부터 2023년까지 약 10년간 1억 원을 "
     "그대로 보유했을 경우 평가금액은 1억 6,231만 원, 누적 수익률은 62.3%로 연평균 5.0% "
     "수준입니다. 다만 이 기간 중 최대 47.1% 하락 구간이 있었고, 연 변동성 24.6%, 샤프 비율 "
     "0.31로 위험 대비 보상은 크지 않았습니다. 배당 재투자는 반영하지 않았습니다.",
     []),

    # 014 en, analyst email
    ("fc_y_014", "en",
     "Subject: MSFT Bollinger breakout — 10-year results\n\nTeam,\n\n"
     "The 20-day, three-standard-deviation breakout on MSFT turned $1.0 million into $5.32 "
     "million between January 2012 and December 2021, a 431.9% gain and an 18.2% compound "
     "annual rate. The Sharpe ratio came in at 1.05 and the Sortino at 1.48; the deepest "
     "drawdown was 22.3%. Over sixty-seven trades the hit rate was 44.8% with a profit factor "
     "of 1.88, and capital was deployed 55.1% of the time. For context, buy-and-hold returned "
     "901.5%, so the overlay gave up roughly 470 percentage points of upside in exchange for "
     "the shallower drawdown.\n\nRegards,\nJae",
     [("three", "params.k", 2, "param")]),

    # 015 ko, bullet list
    ("fc_y_015", "ko",
     "■ LG화학(051910) RSI 역추세 점검\n"
     "- 설정: RSI 14일, 25 이하 매수 / 80 이상 매도\n"
     "- 기간: 2018년 7월 ~ 2022년 6월 (4년)\n"
     "- 수익률: 12.84% (3,000만 원 → 3,385만 2천 원)\n"
     "- 연환산: 3.1%\n"
     "- 최대낙폭: -28.8%\n"
     "- 거래 12회, 승률 75%, PF 2.13\n"
     "- 샤프 0.27\n"
     "- 보유 시 65.2% → 52.4%p 열위\n"
     "- 코멘트: 승률은 높지만 거래 수가 적어 통계적 의미는 제한적",
     [("80", "params.upper", 75, "param")]),

    # 016 en, bullet list
    ("fc_y_016", "en",
     "GLD trend test (EMA 20 vs 50), 2013-2020:\n"
     "- ended at $43,484 on $40,000 starting capital (+8.7%)\n"
     "- about 1% per year\n"
     "- worst drawdown 20.1%, annual vol 11.2%\n"
     "- 22 trades, 36.4% profitable\n"
     "- Sharpe 0.12\n"
     "- gold itself was up 10.3%, so we beat it by 1.6 points\n"
     "Verdict: basically flat after eight years of work.",
     [("1.6", "excess_return", -0.0158, "sign")]),

    # 017 ko, retail app card
    ("fc_y_017", "ko",
     "📈 삼성바이오로직스 · MACD(12,26,9)\n"
     "2019.01 – 2021.12\n"
     "5,000만원 → 1억 771만원\n"
     "수익률 +115.4% (연 29.3%)\n"
     "MDD -26.5% · 샤프 1.09 · 거래 35회\n"
     "보유만 했다면 +203.2% (전략 -87.8%p)",
     [("29.3%", "cagr", 0.2923, "rounding")]),

    # 018 en, key | value block
    ("fc_y_018", "en",
     "symbol | IWM\n"
     "rule | SMA 20 / SMA 100 cross\n"
     "window | 2008-01-02 .. 2012-12-31\n"
     "capital | USD 100k\n"
     "final | USD 937k\n"
     "return | -6.27%\n"
     "benchmark (hold) | +8.71%\n"
     "relative | +14.98%p\n"
     "max dd | 33.81%\n"
     "sharpe / sortino | -0.02 / -0.03\n"
     "trades | nineteen\n"
     "win rate | 31.6%\n"
     "in market | 47.1%",
     [("937k", "final_equity", 93730, "scale10"),
      ("+14.98%p", "excess_return", -0.1498, "sign")]),

    # 019 ko, 반말 note
    ("fc_y_019", "ko",
     "하이닉스 RSI 30/70 역추세 5년 돌린 거 정리함. 1천만원 → 1,334만 9천원, +33.49%. 21번 "
     "거래에 승률 61.9%. MDD는 19.9%로 얌전한 편인데, 그냥 들고만 있었어도 대략 120%였으니까 "
     "73.7%p 손해 본 거지 뭐. 역시 반도체는 추세 추종이 맞나 봐.",
     [("120%", "buy_hold_return", 1.0718, "approx")]),

    # 020 en, analyst email (short)
    ("fc_y_020", "en",
     "Hi all — summary of the XOM mean-reversion test (20-day bands at 2 standard deviations), "
     "covering 2020 through 2023. We start with $200,000 and finish at $302,720, i.e. a net "
     "profit of $102,720 and a 51.4% return, roughly 11% a year. Sharpe 0.77, Sortino 1.15, "
     "max drawdown 24.2%. Twenty-six trades, 65.4% winners, profit factor 1.66. Holding XOM "
     "outright would have made 69.8%, about 19 percentage points more. I'd keep it on the "
     "watchlist but not allocate yet.",
     []),

    # 021 ko, key | value block
    ("fc_y_021", "ko",
     "항목 | 값\n"
     "종목 | SK텔레콤 017670\n"
     "지표 | EMA 10 / EMA 40\n"
     "구간 | 2016.01.04–2020.12.30\n"
     "시작 자금 | 2,000만원\n"
     "종료 자금 | 2,104만 6천원\n"
     "수익률 | 5.23%\n"
     "보유 수익률 | -8.46%\n"
     "초과 | +13.69%p\n"
     "MDD | 15.35%\n"
     "샤프 | 0.09\n"
     "거래 수 | 29\n"
     "승률 | 34.48%\n"
     "노출 | 52.31%",
     []),

    # 022 en, retail app card
    ("fc_y_022", "en",
     "AMZN · Buy & Hold\n"
     "2015/01/02 — 2019/12/31\n"
     "$10,000 grew to $59,584\n"
     "Total +495.8% · 5.96x your money\n"
     "CAGR 42.96% · Volatility 29.0%\n"
     "Max drawdown 34.1% · Sharpe 1.21",
     []),

    # 023 ko, 존댓말 report
    ("fc_y_023", "ko",
     "삼성전자(005930) 볼린저 밴드 돌파(20일, 2표준편차) 전략 점검 결과를 말씀드리겠습니다. "
     "2020년 1월부터 2022년 12월까지 1억2천만원으로 시작하여 기말 자산은 1억 503만 6천 원으로 "
     "줄었으며, 총 12.47%의 손실을 보았습니다. 같은 기간 주가는 2.96% 올랐으므로 보유 대비 "
     "9.51%p 부진하였습니다. 16회 거래 중 승률은 31.25%, 손익비 0.47, 샤프 비율 -0.38, 최대 "
     "낙폭 29.31%로 집계되었습니다. 해당 기간에는 돌파 신호가 자주 실패한 것으로 판단됩니다.",
     [("9.51%p", "excess_return", -0.1543, "excess", -1),
      ("0.47", "profit_factor", 0.74, "swap")]),

    # 024 en, Slack message
    ("fc_y_024", "en",
     "META 9/21 EMA cross, 2021–2023 ✅\n"
     "$30k → $43,275 (+44.25%). Beat buy & hold (+34.27%) by 9.98 pts.\n"
     "Sharpe 0.52, Sortino 0.74.\n"
     "Downside: a 47.9% drawdown midway, and only 38.3% of the 47 trades were winners. thoughts?",
     []),

    # 025 ko, bullet list
    ("fc_y_025", "ko",
     "카카오(035720) 단순 보유 결과\n"
     "· 기간: 2017년 1월 2일 ~ 2021년 12월 30일\n"
     "· 원금 1,000만 원 → 4,021만 7천 원 (약 4배)\n"
     "· 누적 수익률 302.2%\n"
     "· 연평균 32.2%\n"
     "· 최대 낙폭 38.6%\n"
     "· 샤프 0.98",
     []),

    # 026 en, key | value table
    ("fc_y_026", "en",
     "KO | RSI(5) 20/80 mean reversion\n"
     "period | Jan 2014 – Dec 2023 (ten years)\n"
     "equity | $50,000 → $69,605\n"
     "return | 39.2 percent (3.4 percent a year)\n"
     "drawdown | 15.4 percent\n"
     "sharpe | 0.36\n"
     "trades | 112, 65.2 percent winners\n"
     "profit factor | 1.29\n"
     "exposure | 18.4 percent\n"
     "buy-and-hold | 70.1 percent (strategy -30.9 pts)",
     []),

    # 027 ko, 반말 note
    ("fc_y_027", "ko",
     "한전(015760) MACD 12-26-9로 21년부터 23년까지 돌려봄. 300만원이 272만 4,600원 됐어. "
     "-9.18%. 근데 한전 주식 자체가 31.27% 빠졌으니까 그거보다는 22.09%p 나은 거. 38번 매매, "
     "승률 36.4%, MDD 24.7%.",
     [("38번", "trades", 33, "trades")]),

    # 028 en, analyst email
    ("fc_y_028", "en",
     "Hello Priya,\n\n"
     "Results for the JPM golden-cross system (50-day over 200-day), run on 2011-01-03 through "
     "2020-12-31:\n\n"
     "- $500,000 became $1.14 million (+128.5%, 8.6% annualized)\n"
     "- Sharpe 0.58; Sortino 0.81; annualized volatility 18.4%\n"
     "- maximum drawdown 26.1%\n"
     "- eleven trades, of which 54.55% closed in profit\n\n"
     "Buy-and-hold made 113.2% over the same period, so the crossover came out 15.3 percentage "
     "points ahead, mostly by sidestepping part of the 2020 drawdown.\n\nThanks,\nKen",
     []),

    # 029 ko, retail app card
    ("fc_y_029", "ko",
     "SK이노베이션 096770\n"
     "볼린저 역추세 (20, 2.0)\n"
     "'19.01 ~ '23.12\n"
     "원금 4,000만원 | 평가 4,867만원\n"
     "수익 +21.7% | 보유 -15.3%\n"
     "초과수익 +37.0%p\n"
     "MDD 18.4% | 샤프 0.41\n"
     "24회 매매 | 승률 70.8% | PF 1.83",
     []),

    # 030 en, bullet list
    ("fc_y_030", "en",
     "AMD / MACD 12-26-9 / 2016–2020\n"
     "* $25,000 → $346,835, i.e. 12.9x\n"
     "* total return 1,287%, CAGR 69.4%\n"
     "* Sharpe 1.34 · Sortino 2.02\n"
     "* max drawdown 38.2%\n"
     "* 39 trades, 41% winners\n"
     "* buy & hold: +3,114% — the signal left 1,827 points on the table",
     [("12.9x", "equity_multiple", 13.8734, "multiple")]),

    # 031 ko, 존댓말 report (USD)
    ("fc_y_031", "ko",
     "QQQ 매수 후 보유 백테스트 결과를 보고드립니다. 2020년 1월 2일에 10만 달러를 투자하여 "
     "2023년 12월 29일 기준 19만 2,840달러가 되었습니다. 총수익률은 92.84%, 연환산 수익률은 "
     "17.9%입니다. 최대 낙폭은 35.1%로 2022년 하락장의 영향이 컸으며, 연 변동성은 25.7%, "
     "샤프 비율은 0.79입니다.",
     []),

    # 032 en, Slack message (KRW)
    ("fc_y_032", "en",
     "NAVER (035420) RSI-14 30/70, 2018–2020: KRW 100 million → KRW 124.37 million, +24.4%. "
     "15 trades, 66.7% winners, max DD 17.3%. Holding the stock did +81.7%, so we're 57.3 "
     "points behind. probably not worth it",
     []),

    # 033 ko, key | value block (USD)
    ("fc_y_033", "ko",
     "SPY 20/60 단순이평 교차 (2018~2022)\n"
     "초기자금 | $50,000\n"
     "최종자금 | $59,195\n"
     "순이익 | $9,195\n"
     "총수익률 | 18.39%\n"
     "벤치마크(보유) | 56.91%\n"
     "초과수익 | -38.52%p\n"
     "최대낙폭 | -19.58%\n"
     "샤프 | 0.33\n"
     "매매횟수 | 34회\n"
     "승률 | 35.29%\n"
     "시장참여 | 64.21%",
     []),

    # 034 en, retail app card
    ("fc_y_034", "en",
     "NFLX Bollinger Breakout (20, 2)\n"
     "Jan 3, 2017 → Dec 31, 2021\n"
     "Start $10,000 · End $26,732\n"
     "Return 167.4% · CAGR 21.8% · 2.67x\n"
     "Sharpe 0.81 · Max DD -31.1%\n"
     "28 trades · 42.9% win rate\n"
     "vs. Buy & Hold 331.6% (−164.3 pts)",
     [("167.4%", "total_return", 1.6732, "rounding")]),

    # 035 ko, 반말 note
    ("fc_y_035", "ko",
     "현대차 그냥 2년 들고 있었으면? 19년 1월 초에 500만원 → 20년 12월 말 대략 760만원. 51.2% "
     "먹음. 근데 코로나 때 52% 넘게 빠졌어서 그거 버틸 수 있었을지는 모르겠다ㅋ 변동성도 연 37%.",
     []),

    # 036 en, analyst email
    ("fc_y_036", "en",
     "Morning,\n\n"
     "Boeing with a 20/50 moving-average crossover, four years from January 2019 to December "
     "2022: the $100,000 account finished at $73,160, a loss of 26.8%. Buy-and-hold lost 41.2% "
     "over the same stretch, so the system did 14.3 points worse, and it still went through a "
     "43.9% drawdown. Sharpe was -0.31 and Sortino -0.40, profit factor 0.71, and only 28% of "
     "its 25 trades won.\n\n— Luis",
     [("14.3", "excess_return", 0.1434, "sign", -1),
      ("43.9%", "max_drawdown", -0.4926, "swap")]),

    # 037 ko, bullet list
    ("fc_y_037", "ko",
     "셀트리온 EMA 12/26 크로스 (2015~2019)\n"
     "- 1,500만 원으로 시작 → 4,113만 7,500원\n"
     "- 누적 174.25%, 연 22.4%\n"
     "- 최대 낙폭 33.2%\n"
     "- 30회 거래, 승률 40%\n"
     "- 샤프 0.88\n"
     "- 단순 보유 338.47% 대비 164.22%p 낮음",
     []),

    # 038 en, key | value table
    ("fc_y_038", "en",
     "Visa (V) — Bollinger reversion, 15 days / 1.5 sigma\n"
     "from | 2016-01-04\n"
     "to | 2021-12-31\n"
     "starting capital | $75,000\n"
     "ending capital | $125,340\n"
     "total return | 67.1%\n"
     "CAGR | 8.95%\n"
     "volatility | 14.2%\n"
     "Sharpe | 0.62\n"
     "max drawdown | 18.9%\n"
     "trades | 63\n"
     "win rate | 60.3%\n"
     "profit factor | 1.42\n"
     "time invested | 31.6%\n"
     "buy & hold | 188.3%\n"
     "difference | -121.2 pp",
     []),

    # 039 ko, 존댓말 report
    ("fc_y_039", "ko",
     "신한지주(055550)에 RSI(21) 기준 30 매수, 70 매도 규칙을 적용한 10년 백테스트 결과입니다. "
     "2억 원의 초기 자본은 22억 8,240만 원이 되어 14.12%의 수익을 냈고, 연환산으로는 1.3%에 "
     "그쳤습니다. 같은 기간 주가가 10.28% 하락한 점을 감안하면 보유 대비 24.40%p 우위입니다. "
     "매매는 18회, 승률 72.2%, 최대 낙폭 22.4%, 샤프 비율 0.15입니다.",
     [("22억 8,240만", "final_equity", 228240000, "scale10")]),

    # 040 en, Slack message
    ("fc_y_040", "en",
     "GOOGL MACD run finished (12/26/9, 2019 through 2023). $60k → $113.0k, that's +88.3%. "
     "Sharpe 1.06, PF 1.37, max drawdown -28.7%. 52 trades @ 42.3% win rate. B&H: +167.3%, so "
     "we're ~79pp behind. going to try adding a trend filter next",
     [("1.06", "sharpe", 0.72, "attribution")]),

    # 041 ko, retail app card
    ("fc_y_041", "ko",
     "기아(000270) 5일·60일 이평 교차\n"
     "2020.01.02~2023.12.28\n"
     "1,000만원 ▶ 2,438만 7천원 (2.44배)\n"
     "누적 +143.87% · 연 25.1%\n"
     "보유 +130.12% 대비 +13.75%p\n"
     "MDD -27.2% · 샤프 1.02\n"
     "20회 매매 · 승률 45%",
     []),

    # 042 en, bullet list
    ("fc_y_042", "en",
     "Energy sector hold (XLE), 2014 to 2020:\n"
     "– $100k invested, $45.6k left\n"
     "– total: −54.4%\n"
     "– per year: −10.6%\n"
     "– worst drawdown: 70.1%\n"
     "– volatility: 30.2%\n"
     "– Sharpe: −0.38\n"
     "Seven years, and most of the money gone.",
     []),

    # 043 ko, 반말 note (USD)
    ("fc_y_043", "ko",
     "애플 EMA 20/60 크로스 2019~2023 결과 공유함. 2만 달러가 6만 3,072달러 됨. 215.4% 수익인데 "
     "그냥 사서 들고 있었으면 440.7%였음ㅠ 225.3%p 차이. 매매는 열세 번밖에 안 했고 MDD 25.1%, "
     "샤프 1.11.",
     []),

    # 044 en, formal email (KRW)
    ("fc_y_044", "en",
     "Dear Ms. Park,\n\n"
     "Please find below the LG Chem (051910) MACD(12,26,9) backtest for 2020–2023. On KRW 300 "
     "million of starting capital the strategy ended at KRW 4.84 billion, a 61.2% return and "
     "17.3% per annum. Sharpe was 0.64 and Sortino 0.91; the maximum drawdown reached 36.4%. Of "
     "forty-nine trades, 38.8% were profitable, for a profit factor of 1.33. The stock itself "
     "rose 124.4% in the period, which leaves the strategy 63.1 percentage points behind.\n\n"
     "Kind regards,\nS. Lee",
     [("4.84 billion", "final_equity", 483720000, "scale10"),
      ("2023", "end", "2022-12-29", "date")]),

    # 045 ko, key | value block
    ("fc_y_045", "ko",
     "[삼성생명 032830 | 볼린저 돌파 20일·2.5σ]\n"
     "기간 | 2017-01-02 ~ 2021-12-30\n"
     "원금 | 5,000만 원\n"
     "잔액 | 4,634만 5천 원\n"
     "손익 | -365만 5천 원\n"
     "수익률 | -7.31%\n"
     "보유 수익률 | -19.55%\n"
     "상대성과 | +12.24%p\n"
     "MDD | 16.42%\n"
     "거래 | 8건 (승률 37.5%)\n"
     "샤프 | -0.05",
     [("16.42%", "max_drawdown", -0.1842, "attribution")]),

    # 046 en, retail app card
    ("fc_y_046", "en",
     "MSFT · RSI(14) 30/70\n"
     "2020 – 2023\n"
     "Invested $15,000 · Now $20,718\n"
     "+38.1% total · +8.4%/yr\n"
     "10 trades · 80% winners · PF 3.12\n"
     "Max drawdown 16.1%\n"
     "Buy & hold +133.9% → you're 95.8 pts behind",
     []),

    # 047 ko, 존댓말 report (USD)
    ("fc_y_047", "ko",
     "테슬라(TSLA)를 2021년 1월 4일에 5만 달러어치 매수하여 2023년 12월 29일까지 보유했다고 "
     "가정한 결과입니다. 평가액은 3만 3,710달러로 32.58% 손실이 발생했으며, 연평균으로는 "
     "-12.4%입니다. 보유 기간 중 최대 낙폭은 약 80%에 달했고 연간 변동성은 62.1%였습니다. "
     "샤프 비율은 -0.02로 사실상 보상이 없었다고 보시면 됩니다.",
     [("80%", "max_drawdown", -0.7356, "approx")]),

    # 048 en, key | value table (KRW)
    ("fc_y_048", "en",
     "Kakao 035720 | EMA 5/20\n"
     "dates | 2019/01/02 – 2023/12/28\n"
     "capital | KRW 20.0 million\n"
     "final | KRW 25.89 million\n"
     "return | +29.4%\n"
     "hold | +40.2%\n"
     "gap | -69.6%p\n"
     "max drawdown | 55.3%\n"
     "sharpe | 0.21\n"
     "sortino | 0.29\n"
     "trades | seventy-one\n"
     "wins | 33.8%\n"
     "exposure | 51.2%",
     [("-69.6%p", "excess_return", -0.1073, "excess")]),

    # 049 ko, bullet list
    ("fc_y_049", "ko",
     "[LG(003550) 20/120 이동평균 전략 — 10년 성과]\n"
     "• 투자금 1억 원 → 1억 4,561만 원\n"
     "• 순수익 4,561만 원 (45.61%)\n"
     "• 연평균 3.8%\n"
     "• 단순 보유 11.07% 대비 34.54%p 초과\n"
     "• 최대 낙폭 29.7%, 샤프 0.29\n"
     "• 매매 15번, 이긴 비율 46.7%",
     []),

    # 050 en, Slack message
    ("fc_y_050", "en",
     "amzn bb breakout (20/2) 2020→2022: lost 11.9%, $40k down to $35.3k. holding was -11.4%, "
     "so -0.4%p vs b&h, basically a wash after 21 trades (38.1% win). max dd 35.4%, sharpe -0.12",
     []),

    # 051 ko, 반말 note
    ("fc_y_051", "ko",
     "LG전자 RSI(9) 20/80 역추세 해봤는데 생각보다 괜찮음. 20년 초~23년 말, 800만원으로 "
     "849만 5천원 만들었어. +6.19%밖에 안 되지만 그동안 주가는 38% 빠졌거든. 그러니까 보유보다 "
     "31.8%p 나은 거. 26번 거래, 승률 69.2%, 최대 낙폭 12.9%.",
     [("31.8%p", "excess_return", 0.4421, "excess"),
      ("20년", "start", "2021-01-04", "date")]),

    # 052 en, analyst email
    ("fc_y_052", "en",
     "John,\n\n"
     "As requested, the passive SPY case from 2000 through 2009: $1 million put in on 3 January "
     "2000 would have been worth $756,300 at the end of 2009, a decline of 24.3%, or about -3.4% "
     "a year. Along the way it went through a 55.2% peak-to-trough drawdown, with annualized "
     "volatility of 22.1% and a Sharpe ratio of -0.04. That is the 'lost decade' in one "
     "paragraph.\n\nRachel",
     [("24.3%", "total_return", -0.2437, "rounding", -1),
      ("-3.4%", "cagr", -0.0276, "approx")]),

    # 053 ko, retail app card
    ("fc_y_053", "ko",
     "삼성물산 028260 · MACD 12/26/9\n"
     "18.01.02 ~ 22.12.29\n"
     "2,000만원 → 1,687만 8천원\n"
     "수익률 -15.61% · 보유 -36.04%\n"
     "보유 대비 +20.43%p\n"
     "MDD -29.88% · 샤프 -0.19\n"
     "42회 · 승률 35.71%",
     []),

    # 054 en, key | value block
    ("fc_y_054", "en",
     "ticker | TSLA\n"
     "setup | RSI 14, buy < 25, sell > 75\n"
     "span | 2022-01-03 to 2023-12-29\n"
     "cash in | $25,000.00\n"
     "cash out | $30,547.50\n"
     "return | 22.19%\n"
     "stock | -32.61%\n"
     "edge | +54.80 pp\n"
     "max drawdown | 37.14%\n"
     "sharpe | 0.46\n"
     "trades | 11 (27.3% won)\n"
     "profit factor | 2.41",
     [("27.3%", "win_rate", 0.7273, "other")]),

    # 055 ko, 존댓말 report
    ("fc_y_055", "ko",
     "SK하이닉스(000660) 10일/50일 이동평균 교차 전략의 2010~2019년 백테스트 결과를 아래와 같이 "
     "보고드립니다. 초기 자본 3억 원은 9억 1,356만 원으로 약 2배가 되었으며, 누적 수익률 204.5%, "
     "연평균 11.8%를 기록하였습니다. 샤프 비율 0.52, 소르티노 비율 0.73, 연 변동성 32.2%, 최대 "
     "낙폭 39.3%입니다. 거래는 총 27회였고 승률은 43.2%입니다. 같은 기간 단순 보유 수익률은 "
     "291.1%로, 전략이 86.6%p 하회하였습니다.",
     [("2배", "equity_multiple", 3.0452, "multiple"),
      ("27회", "trades", 37, "trades")]),

    # 056 en, bullet list
    ("fc_y_056", "en",
     "INTC, EMA 10/30, Jan 2018 – Dec 2022\n"
     "• $80,000 → $72,856 (−8.93%)\n"
     "• buy-and-hold: +7.86%\n"
     "• shortfall vs. holding: 1.07 percentage points\n"
     "• max drawdown: 39.55%\n"
     "• 43 trades; 30.23% winners\n"
     "• Sharpe: −0.03",
     [("1.07", "excess_return", -0.1679, "excess", -1),
      ("2022", "end", "2023-12-29", "date")]),

    # 057 ko, key | value block
    ("fc_y_057", "ko",
     "삼성전자 | RSI(14) 30/70\n"
     "기간 | 2022년 1월 ~ 2023년 12월\n"
     "원금 | 1,200만원\n"
     "평가 | 1,302만 2,400원\n"
     "수익 | 8.52%\n"
     "보유 | -5.46%\n"
     "차이 | +13.98%p\n"
     "MDD | 13.08%\n"
     "거래 | 6회\n"
     "승률 | 83.3%",
     []),

    # 058 en, retail app card
    ("fc_y_058", "en",
     "Disney (DIS) — just holding\n"
     "Jan 2, 2018 → Dec 29, 2023\n"
     "$20,000 → $16,794\n"
     "Down 16.03% overall, -2.88% a year\n"
     "Deepest drop: 61.25%\n"
     "Sharpe: -0.01",
     []),

    # 059 ko, 반말 note (USD)
    ("fc_y_059", "ko",
     "엔비디아 볼밴 역추세(20일, 2σ) 21~23년: 3만 달러 → 5만 4,651달러, 82.17% 수익. 열아홉 번 "
     "매매해서 승률 68.4%. 근데 MDD 33.3%에 보유했으면 275.5%… 193.3%p 손해. 엔비디아에 "
     "역추세는 아닌 듯",
     []),

    # 060 en, Slack message (KRW)
    ("fc_y_060", "en",
     "Samsung Biologics (207940) EMA 12/26, 2021-01-04 → 2023-12-28. KRW 1 billion book ended "
     "at KRW 968.6 million: -3.14%, while the stock did -7.12%, so +3.98%p relative. MDD 22.45%, "
     "Sharpe -0.08, 36 trades, 38.9% hit rate. Not great, not terrible.",
     []),
]
