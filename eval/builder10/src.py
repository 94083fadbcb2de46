# builder10: hand-typed held-out requests for the strategy builder.
# Each entry is (lang, request, expected). expected is None when the builder must decline.
# Grouped by kind here; make.py shuffles them (seed 10) before numbering.

SRC = [
    # ------------------------------------------------------------------ sma_cross (ko)
    ("ko", "삼전 이평 8/24 골크 나면 사고 데크 나면 팔고 ㄱㄱ 2020년부터",
     {"kind": "sma_cross", "params": {"fast": 8, "slow": 24}, "symbol": "005930", "from": "2020-01-01"}),
    ("ko", "안녕하십니까. 현대차 종목에 대해 20일 이동평균선과 60일 이동평균선의 교차 전략을 2015년 1월부터 2022년 12월까지 백테스트해 주시겠습니까? 초기 자본은 5천만원입니다.",
     {"kind": "sma_cross", "params": {"fast": 20, "slow": 60}, "symbol": "005380", "from": "2015-01-01", "to": "2022-12-31", "initial_cash": 50000000}),
    ("ko", "음 네이버 단기 오 장기 이십 이동평균 교차로 이천십팔 년부터 이천이십일 년까지 백테스트 해줘",
     {"kind": "sma_cross", "params": {"fast": 5, "slow": 20}, "symbol": "035420", "from": "2018-01-01", "to": "2021-12-31"}),
    ("ko", "하이닉스 종가가 120일선 위로 올라서면 매수, 다시 밑으로 내려가면 매도. 기간 2016~2023",
     {"kind": "sma_cross", "params": {"fast": 1, "slow": 120}, "symbol": "000660", "from": "2016-01-01", "to": "2023-12-31"}),
    ("ko", "카카오뱅크 짧은 평균(10일)이 긴 평균(40일)을 위로 뚫을 때 들어가고 반대로 꺾여 내려올 때 나오는 거 테스트 좀",
     {"kind": "sma_cross", "params": {"fast": 10, "slow": 40}, "symbol": "323410"}),
    ("ko", "kodex200 sma fast=3 slow=15 from=2019-01-02 to=2023-06-30 cash=1억 백테스트",
     {"kind": "sma_cross", "params": {"fast": 3, "slow": 15}, "symbol": "069500", "from": "2019-01-02", "to": "2023-06-30", "initial_cash": 100000000}),
    ("ko", "엔디비아 50일 200일 이평 골크 데크로 백테스트 해봐 수수료 0.1%",
     {"kind": "sma_cross", "params": {"fast": 50, "slow": 200}, "symbol": "NVDA", "commission": 0.001}),
    ("ko", "테슬라 이평 20/50 크로스 양방향으로 해줘. 골크엔 롱 데크엔 숏, 2018년~2022년",
     {"kind": "sma_cross", "params": {"fast": 20, "slow": 50}, "symbol": "TSLA", "direction": "long_short", "from": "2018-01-01", "to": "2022-12-31"}),
    ("ko", "저 올해 서른다섯이고 애 둘 키우는 직장인인데요, 기아 10일선 30일선 골든크로스 전략 2017년부터 해주실 수 있나요? 돈은 3천만원 정도요",
     {"kind": "sma_cross", "params": {"fast": 10, "slow": 30}, "symbol": "000270", "from": "2017-01-01", "initial_cash": 30000000}),
    ("ko", "셀트리온 단순이평 15 45 교차, 수수료 0.015% 적용해서 2019.01~2023.12",
     {"kind": "sma_cross", "params": {"fast": 15, "slow": 45}, "symbol": "068270", "commission": 0.00015, "from": "2019-01-01", "to": "2023-12-31"}),
    ("ko", "종목은 나중에 정할건데 일단 이평 7일 25일 크로스 전략 틀만 백테스트 돌려줘",
     {"kind": "sma_cross", "params": {"fast": 7, "slow": 25}}),
    ("ko", "LG화학으로 해볼게요. 이동평균 크로스 전략이고요. 짧은 건 12일, 긴 건 48일. 기간은 2014년 하반기부터 2020년 상반기까지.",
     {"kind": "sma_cross", "params": {"fast": 12, "slow": 48}, "symbol": "051910", "from": "2014-07-01", "to": "2020-06-30"}),
    ("ko", "ㅇㅇ 그거 말고 유한양행으로 바꿔서 이평 20 120 다시 돌려봐. 롱온리",
     {"kind": "sma_cross", "params": {"fast": 20, "slow": 120}, "symbol": "000100", "direction": "long_only"}),

    # ------------------------------------------------------------------ sma_cross (en)
    ("en", "/backtest msft sma 20/100 2012-2020 5bps",
     {"kind": "sma_cross", "params": {"fast": 20, "slow": 100}, "symbol": "MSFT", "commission": 0.0005, "from": "2012-01-01", "to": "2020-12-31"}),
    ("en", "Buy when the 15-day average climbs above the 50-day, dump it when it falls back under. Costco, since 2010.",
     {"kind": "sma_cross", "params": {"fast": 15, "slow": 50}, "symbol": "COST", "from": "2010-01-01"}),
    ("en", "okay run a back test on apple using the fifty day and two hundred day moving averages uh golden cross for the years twenty ten through twenty twenty",
     {"kind": "sma_cross", "params": {"fast": 50, "slow": 200}, "symbol": "AAPL", "from": "2010-01-01", "to": "2020-12-31"}),
    ("en", "Hi all, following up on this morning's 9:30 sync: could someone backtest a 20/60 simple moving average crossover on JPMorgan from Jan 2008 to Dec 2019, starting capital $1M, 2bp commission? Thanks, Dana",
     {"kind": "sma_cross", "params": {"fast": 20, "slow": 60}, "symbol": "JPM", "commission": 0.0002, "from": "2008-01-01", "to": "2019-12-31", "initial_cash": 1000000}),
    ("en", "Test a rule on SPY: go long when the close crosses above its 200-day moving average, exit when it closes back below. 1995-2023 if you have the data.",
     {"kind": "sma_cross", "params": {"fast": 1, "slow": 200}, "symbol": "SPY", "from": "1995-01-01", "to": "2023-12-31"}),
    ("en", "long/short ma crossover on TQQQ, 5 & 35, Q1 2015 through Q4 2021, $25k",
     {"kind": "sma_cross", "params": {"fast": 5, "slow": 35}, "symbol": "TQQQ", "direction": "long_short", "from": "2015-01-01", "to": "2021-12-31", "initial_cash": 25000}),
    ("en", "can u backtest a golden crss on netflix 50 n 200 day, no commisions, since 2005",
     {"kind": "sma_cross", "params": {"fast": 50, "slow": 200}, "symbol": "NFLX", "commission": 0, "from": "2005-01-01"}),
    ("en", "Moving-average crossover (8, 34) on PLTR, 2021-01-04 to 2023-12-29, 10 grand to start",
     {"kind": "sma_cross", "params": {"fast": 8, "slow": 34}, "symbol": "PLTR", "from": "2021-01-04", "to": "2023-12-29", "initial_cash": 10000}),
    ("en", "I had three questions but the FAQ answered two of them, so just this one: can you run a 10/50 SMA cross on Disney, 2011 through 2019?",
     {"kind": "sma_cross", "params": {"fast": 10, "slow": 50}, "symbol": "DIS", "from": "2011-01-01", "to": "2019-12-31"}),
    ("en", "sma cross on intel with twenty and eighty, long only please",
     {"kind": "sma_cross", "params": {"fast": 20, "slow": 80}, "symbol": "INTC", "direction": "long_only"}),
    ("en", "strategy=sma_cross symbol=IWM fast=30 slow=90 start=2004-06-01 end=2014-05-30",
     {"kind": "sma_cross", "params": {"fast": 30, "slow": 90}, "symbol": "IWM", "from": "2004-06-01", "to": "2014-05-30"}),
    ("en", "The 50-day MA crossing the 150-day: how would that have done on Exxon since 2000? Assume 0.05% per trade.",
     {"kind": "sma_cross", "params": {"fast": 50, "slow": 150}, "symbol": "XOM", "commission": 0.0005, "from": "2000-01-01"}),
    ("en", "haven't picked a ticker yet, just want to see a 12/26 simple MA cross with default everything else",
     {"kind": "sma_cross", "params": {"fast": 12, "slow": 26}}),

    # ------------------------------------------------------------------ ema_cross (ko)
    ("ko", "에코프로비엠 지수이평 8/21 크로스 백테스트 부탁 2021년부터",
     {"kind": "ema_cross", "params": {"fast": 8, "slow": 21}, "symbol": "247540", "from": "2021-01-01"}),
    ("ko", "마소 EMA 12 26 교차로 롱숏 해봐 2016~2022 1억",
     {"kind": "ema_cross", "params": {"fast": 12, "slow": 26}, "symbol": "MSFT", "direction": "long_short", "from": "2016-01-01", "to": "2022-12-31", "initial_cash": 100000000}),
    ("ko", "삼성SDI에 대해 지수이동평균 단기 10일, 장기 30일 교차 전략의 성과를 확인하고 싶습니다. 수수료는 0.25%로 가정해 주시겠습니까?",
     {"kind": "ema_cross", "params": {"fast": 10, "slow": 30}, "symbol": "006400", "commission": 0.0025}),
    ("ko", "애플 이엠에이 5 13 ㄱㄱ 수수료없이",
     {"kind": "ema_cross", "params": {"fast": 5, "slow": 13}, "symbol": "AAPL", "commission": 0}),
    ("ko", "크래프톤 지수 이동평균 단기 구 장기 이십육으로 크로스 백테스트 해 줘",
     {"kind": "ema_cross", "params": {"fast": 9, "slow": 26}, "symbol": "259960"}),
    ("ko", "하이브 ema 교차 전략 기본값으로 2022년 하반기만 봐줘",
     {"kind": "ema_cross", "params": {}, "symbol": "352820", "from": "2022-07-01", "to": "2022-12-31"}),
    ("ko", "엘지엔솔 해볼래요. 지수 이평선 크로스요. 빠른선 6 느린선 24, 시작금액 2천만원.",
     {"kind": "ema_cross", "params": {"fast": 6, "slow": 24}, "symbol": "373220", "initial_cash": 20000000}),

    # ------------------------------------------------------------------ ema_cross (en)
    ("en", "EMA(9) / EMA(21) crossover on AMD, 2017-01-01 → 2022-12-31, 3bp",
     {"kind": "ema_cross", "params": {"fast": 9, "slow": 21}, "symbol": "AMD", "commission": 0.0003, "from": "2017-01-01", "to": "2022-12-31"}),
    ("en", "exponential moving average cross on google twelve and fifty day starting twenty eighteen",
     {"kind": "ema_cross", "params": {"fast": 12, "slow": 50}, "symbol": "GOOGL", "from": "2018-01-01"}),
    ("en", "Team, for Thursday's deck please run an exponential MA crossover (fast=10, slow=40) on META, H2 2019 through H1 2023, with $50k and long-short enabled. Thanks, R.",
     {"kind": "ema_cross", "params": {"fast": 10, "slow": 40}, "symbol": "META", "direction": "long_short", "from": "2019-07-01", "to": "2023-06-30", "initial_cash": 50000}),
    ("en", "quick one: ema xover soxl 3/11? keep it long only",
     {"kind": "ema_cross", "params": {"fast": 3, "slow": 11}, "symbol": "SOXL", "direction": "long_only"}),
    ("en", "Run an exponential crossover on Amazon with the default lengths, 2014–2018.",
     {"kind": "ema_cross", "params": {}, "symbol": "AMZN", "from": "2014-01-01", "to": "2018-12-31"}),
    ("en", "Hi! I'm 67 and new to all this. My grandson says EMAs beat plain averages. Could you try a 20-day and 100-day exponential average crossover on Coca-Cola with 10 grand?",
     {"kind": "ema_cross", "params": {"fast": 20, "slow": 100}, "symbol": "KO", "initial_cash": 10000}),
    ("en", "ema cross QQQ fast 5 slow 20 | from 2010-03-01 | fee 0.1%",
     {"kind": "ema_cross", "params": {"fast": 5, "slow": 20}, "symbol": "QQQ", "commission": 0.001, "from": "2010-03-01"}),

    # ------------------------------------------------------------------ rsi_reversion (ko)
    ("ko", "삼전 RSI 4일짜리 15 / 80 으로 돌려봐 ㅋㅋ 2015년부터",
     {"kind": "rsi_reversion", "params": {"period": 4, "lower": 15, "upper": 80}, "symbol": "005930", "from": "2015-01-01"}),
    ("ko", "상대강도지수가 25 아래로 내려가면 사고 75 위로 올라가면 파는 전략, 종목은 KB금융, 2013~2023",
     {"kind": "rsi_reversion", "params": {"lower": 25, "upper": 75}, "symbol": "105560", "from": "2013-01-01", "to": "2023-12-31"}),
    ("ko", "카카오 많이 빠졌을 때 줍줍하고 많이 튀면 던지는 식으로 백테스트 해볼 수 있어? 2021년 7월부터",
     {"kind": "rsi_reversion", "params": {}, "symbol": "035720", "from": "2021-07-01"}),
    ("ko", "안녕하세요, 포스코홀딩스 종목으로 RSI 기간 9, 과매도 기준 20, 과매수 기준 80 역추세 전략을 2018년 1월 2일부터 2023년 12월 28일까지 검증해 주시겠습니까? 초기 자금은 1억5천만원, 수수료는 0.015%입니다.",
     {"kind": "rsi_reversion", "params": {"period": 9, "lower": 20, "upper": 80}, "symbol": "005490", "commission": 0.00015, "from": "2018-01-02", "to": "2023-12-28", "initial_cash": 150000000}),
    ("ko", "에스케이 텔레콤 알에스아이 기간 칠 과매도 이십 과매수 팔십으로 백테스트 해 줘",
     {"kind": "rsi_reversion", "params": {"period": 7, "lower": 20, "upper": 80}, "symbol": "017670"}),
    ("ko", "셀트 RSI 35 밑으로 깨지면 사는 거 하나만 테스트. 파는 기준은 기본값 그대로",
     {"kind": "rsi_reversion", "params": {"lower": 35}, "symbol": "068270"}),
    ("ko", "에코프로 / RSI / period=5, lower=15, upper=85 / 수수료 0.02% 로 부탁",
     {"kind": "rsi_reversion", "params": {"period": 5, "lower": 15, "upper": 85}, "symbol": "086520", "commission": 0.0002}),
    ("ko", "현대모비스 RSI 14 30 70 공매도 포함해서 2012-2018",
     {"kind": "rsi_reversion", "params": {"period": 14, "lower": 30, "upper": 70}, "symbol": "012330", "direction": "long_short", "from": "2012-01-01", "to": "2018-12-31"}),
    ("ko", "ㅇㅇ 그럼 넷플 알에스아이 과매도 25 과매수 65로 ㄱ",
     {"kind": "rsi_reversion", "params": {"lower": 25, "upper": 65}, "symbol": "NFLX"}),
    ("ko", "팔란티어 RSI 매도 기준만 80으로 올려서 돌려줘, 나머진 그대로",
     {"kind": "rsi_reversion", "params": {"upper": 80}, "symbol": "PLTR"}),
    ("ko", "오늘 오후 3시 회의 전에 봐야 해서요, SK하이닉스 RSI 2 기준 5 / 95 로 2020년 한 해만 빨리 부탁드려요",
     {"kind": "rsi_reversion", "params": {"period": 2, "lower": 5, "upper": 95}, "symbol": "000660", "from": "2020-01-01", "to": "2020-12-31"}),
    ("ko", "엘지전자 RSI 역추세, 기간은 21일, 2016년 이후, 자본금 5천만원",
     {"kind": "rsi_reversion", "params": {"period": 21}, "symbol": "066570", "from": "2016-01-01", "initial_cash": 50000000}),

    # ------------------------------------------------------------------ rsi_reversion (en)
    ("en", "Run a Relative Strength Index strategy on JPMorgan: buy when it dips under 25, sell when it gets above 75. 2009 through 2019.",
     {"kind": "rsi_reversion", "params": {"lower": 25, "upper": 75}, "symbol": "JPM", "from": "2009-01-01", "to": "2019-12-31"}),
    ("en", "rsi(3) 15/85 on qqq 2012- 1bp",
     {"kind": "rsi_reversion", "params": {"period": 3, "lower": 15, "upper": 85}, "symbol": "QQQ", "commission": 0.0001, "from": "2012-01-01"}),
    ("en", "backtest r s i two period buy below ten sell above ninety on the spy from two thousand to twenty twenty",
     {"kind": "rsi_reversion", "params": {"period": 2, "lower": 10, "upper": 90}, "symbol": "SPY", "from": "2000-01-01", "to": "2020-12-31"}),
    ("en", "I like buying Tesla when it's been beaten up and oversold and dumping it once it's overbought. Can you test that from 2019 on, with $20k?",
     {"kind": "rsi_reversion", "params": {}, "symbol": "TSLA", "from": "2019-01-01", "initial_cash": 20000}),
    ("en", "Dear support, I would like to request a backtest of an RSI reversion strategy on Microsoft with a 10-day lookback, entry at 30 and exit at 70, for the period 1 March 2015 to 28 February 2022. Kind regards, H. Patel",
     {"kind": "rsi_reversion", "params": {"period": 10, "lower": 30, "upper": 70}, "symbol": "MSFT", "from": "2015-03-01", "to": "2022-02-28"}),
    ("en", "RSI contrarian on IWM with shorting allowed, period 6, levels 20/80",
     {"kind": "rsi_reversion", "params": {"period": 6, "lower": 20, "upper": 80}, "symbol": "IWM", "direction": "long_short"}),
    ("en", "For AMD I only want to change the buy trigger: RSI under 20. Sell side stays at the default.",
     {"kind": "rsi_reversion", "params": {"lower": 20}, "symbol": "AMD"}),
    ("en", "my 2 kids' college fund is mostly Costco so I'm curious: RSI 14 with 35/65 thresholds on Costco, 2010-2020, 15 grand",
     {"kind": "rsi_reversion", "params": {"period": 14, "lower": 35, "upper": 65}, "symbol": "COST", "from": "2010-01-01", "to": "2020-12-31", "initial_cash": 15000}),
    ("en", "kind: rsi | ticker: XOM | period: 4 | oversold: 10 | overbought: 70 | comm: 0.1%",
     {"kind": "rsi_reversion", "params": {"period": 4, "lower": 10, "upper": 70}, "symbol": "XOM", "commission": 0.001}),
    ("en", "plz backtest rsi revrsion on nvida, 7 day rsi, buy <25 sell >75, dec 2016 thru dec 2022",
     {"kind": "rsi_reversion", "params": {"period": 7, "lower": 25, "upper": 75}, "symbol": "NVDA", "from": "2016-12-01", "to": "2022-12-31"}),
    ("en", "Relative strength index, 21-period, default thresholds, on Disney since 2003.",
     {"kind": "rsi_reversion", "params": {"period": 21}, "symbol": "DIS", "from": "2003-01-01"}),

    # ------------------------------------------------------------------ bollinger_breakout (ko)
    ("ko", "하닉 볼밴 상단 돌파 매수 20일 2시그마 2019~2022",
     {"kind": "bollinger_breakout", "params": {"period": 20, "k": 2}, "symbol": "000660", "from": "2019-01-01", "to": "2022-12-31"}),
    ("ko", "삼성바이오로직스에 볼린저밴드 상단 돌파 전략(기간 30, 표준편차 2.5배)을 적용하여 백테스트해 주시겠습니까?",
     {"kind": "bollinger_breakout", "params": {"period": 30, "k": 2.5}, "symbol": "207940"}),
    ("ko", "테슬라 주가가 20일 평균에서 표준편차 두 배 위에 있는 밴드를 뚫고 올라가면 따라 사고, 평균선 밑으로 내려오면 정리하는 전략",
     {"kind": "bollinger_breakout", "params": {"period": 20, "k": 2}, "symbol": "TSLA"}),
    ("ko", "엔비 볼린저 브레이크아웃 ㄱㄱ 기본세팅 롱숏으로",
     {"kind": "bollinger_breakout", "params": {}, "symbol": "NVDA", "direction": "long_short"}),
    ("ko", "카카오 볼린저 밴드 상단 돌파 기간 사십 승수 이 점 오로 테스트 해 줘",
     {"kind": "bollinger_breakout", "params": {"period": 40, "k": 2.5}, "symbol": "035720"}),
    ("ko", "KODEX 레버리지 볼린저 상단 돌파, k는 1.5로만 바꾸고 2억으로 2017년 1월~2020년 6월",
     {"kind": "bollinger_breakout", "params": {"k": 1.5}, "symbol": "122630", "from": "2017-01-01", "to": "2020-06-30", "initial_cash": 200000000}),
    ("ko", "현차 볼린저 돌파 전략 (25, 2) 수수료 0.1프로 2011년부터 2016년까지",
     {"kind": "bollinger_breakout", "params": {"period": 25, "k": 2}, "symbol": "005380", "commission": 0.001, "from": "2011-01-01", "to": "2016-12-31"}),

    # ------------------------------------------------------------------ bollinger_breakout (en)
    ("en", "bb breakout on amzn, 10 day, 1.5 sd, H1 2019 thru H2 2023",
     {"kind": "bollinger_breakout", "params": {"period": 10, "k": 1.5}, "symbol": "AMZN", "from": "2019-01-01", "to": "2023-12-31"}),
    ("en", "Per Monday's 8am meeting: please backtest a Bollinger upper-band breakout on Apple, 50-period lookback and 2.0 standard deviations, Jan 2, 2014 to Dec 31, 2021, $250k starting capital, 1 bp fees.",
     {"kind": "bollinger_breakout", "params": {"period": 50, "k": 2}, "symbol": "AAPL", "commission": 0.0001, "from": "2014-01-02", "to": "2021-12-31", "initial_cash": 250000}),
    ("en", "bollinger band breakout on palantir with twenty five periods and two point five standard deviations",
     {"kind": "bollinger_breakout", "params": {"period": 25, "k": 2.5}, "symbol": "PLTR"}),
    ("en", "Chase Microsoft whenever it closes above a band sitting two standard deviations over its 20-day average; bail when it drops under that average. Long & short.",
     {"kind": "bollinger_breakout", "params": {"period": 20, "k": 2}, "symbol": "MSFT", "direction": "long_short"}),
    ("en", "Volatility breakout (Bollinger, upper band) on Kia, defaults, 2012–2019",
     {"kind": "bollinger_breakout", "params": {}, "symbol": "000270", "from": "2012-01-01", "to": "2019-12-31"}),
    ("en", "Bollinger breakout QQQ k=3 since 2001, $100,000",
     {"kind": "bollinger_breakout", "params": {"k": 3}, "symbol": "QQQ", "from": "2001-01-01", "initial_cash": 100000}),
    ("en", "Hey, I'm a 24 y/o CS student doing a side project. Could you backtest buying Hyundai Motor on a close above the upper Bollinger band (30-day, 2 sigma) and selling under the middle band? no fees pls",
     {"kind": "bollinger_breakout", "params": {"period": 30, "k": 2}, "symbol": "005380", "commission": 0}),

    # ------------------------------------------------------------------ bollinger_reversion (ko)
    ("ko", "삼전 볼린저 하단 터치하면 사고 중심선 오면 파는거 20일 2표준편차로 해봐 ㄱ",
     {"kind": "bollinger_reversion", "params": {"period": 20, "k": 2}, "symbol": "005930"}),
    ("ko", "신한지주 종목으로 볼린저밴드 하단 이탈 시 매수, 중심선 회귀 시 매도하는 역추세 전략을 기간 15, 승수 1.8로 검증해 주시겠습니까? 2014년 1분기부터 2019년 4분기까지 부탁드립니다.",
     {"kind": "bollinger_reversion", "params": {"period": 15, "k": 1.8}, "symbol": "055550", "from": "2014-01-01", "to": "2019-12-31"}),
    ("ko", "네이버 볼밴 하단매수 기본값 ㄱㄱ 수수료 0.015프로",
     {"kind": "bollinger_reversion", "params": {}, "symbol": "035420", "commission": 0.00015}),
    ("ko", "이 종목 말고 코카콜라로요 볼린저 밴드 하단 역추세 기간 삼십 표준편차 이 배로",
     {"kind": "bollinger_reversion", "params": {"period": 30, "k": 2}, "symbol": "KO"}),
    ("ko", "에코프로비엠 볼린저 리버전 양방향 (20, 2.5), 7천만원으로 2020년 3월 코로나 폭락 때부터",
     {"kind": "bollinger_reversion", "params": {"period": 20, "k": 2.5}, "symbol": "247540", "direction": "long_short", "from": "2020-03-01", "initial_cash": 70000000}),
    ("ko", "구글 하나 부탁드려요. 하단밴드 아래로 빠지면 매수하고 중간선 넘으면 매도하는 볼린저 전략입니다. 기간은 10일이고 표준편차는 1.5로요.",
     {"kind": "bollinger_reversion", "params": {"period": 10, "k": 1.5}, "symbol": "GOOGL"}),
    ("ko", "KODEX 200 볼린저 하단 반등 전략 k 2.2 2010.01.04~2020.12.30 롱온리",
     {"kind": "bollinger_reversion", "params": {"k": 2.2}, "symbol": "069500", "direction": "long_only", "from": "2010-01-04", "to": "2020-12-30"}),

    # ------------------------------------------------------------------ bollinger_reversion (en)
    ("en", "Buy Nvidia when it closes below the lower Bollinger band, sell when it gets back to the middle. 20 periods, 2.5 std dev. 2018 through 2023.",
     {"kind": "bollinger_reversion", "params": {"period": 20, "k": 2.5}, "symbol": "NVDA", "from": "2018-01-01", "to": "2023-12-31"}),
    ("en", "bb mean reversion on Coca-Cola, lookback 12, k=1.8, 0.2% fees",
     {"kind": "bollinger_reversion", "params": {"period": 12, "k": 1.8}, "symbol": "KO", "commission": 0.002}),
    ("en", "bollinger reversion on s p y lower band buy middle band sell default settings from twenty twelve",
     {"kind": "bollinger_reversion", "params": {}, "symbol": "SPY", "from": "2012-01-01"}),
    ("en", "Hello, I'm the 3rd analyst asking this week, apologies. Could you backtest a Bollinger lower-band reversion on Tesla (period 40, 2 sigma) from Q2 2016 to Q3 2020 with 30 million KRW?",
     {"kind": "bollinger_reversion", "params": {"period": 40, "k": 2}, "symbol": "TSLA", "from": "2016-04-01", "to": "2020-09-30", "initial_cash": 30000000}),
    ("en", "Fade the lower band: bollinger reversion, Disney, k 3, long short, since 2008",
     {"kind": "bollinger_reversion", "params": {"k": 3}, "symbol": "DIS", "direction": "long_short", "from": "2008-01-01"}),
    ("en", "Mean reversion with Bollinger Bands on Samsung Electronics. Buy below the lower band, out at the midline, period=25, 2013-01-02 to 2018-12-28, $10k",
     {"kind": "bollinger_reversion", "params": {"period": 25}, "symbol": "005930", "from": "2013-01-02", "to": "2018-12-28", "initial_cash": 10000}),
    ("en", "lower band reversion on intc w/ bollinger 15 / 2, 4 bps, long only",
     {"kind": "bollinger_reversion", "params": {"period": 15, "k": 2}, "symbol": "INTC", "direction": "long_only", "commission": 0.0004}),

    # ------------------------------------------------------------------ macd_cross (ko)
    ("ko", "삼전 맥디 시그널선 골크 전략 ㄱ 세팅은 12/26/9, 기간 2019년~",
     {"kind": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9}, "symbol": "005930", "from": "2019-01-01"}),
    ("ko", "현대모비스 MACD(8,21,5) 시그널 교차 백테스트 해 주시겠어요? 2015.03~2021.02",
     {"kind": "macd_cross", "params": {"fast": 8, "slow": 21, "signal": 5}, "symbol": "012330", "from": "2015-03-01", "to": "2021-02-28"}),
    ("ko", "엘지 화학 맥디 빠른선 육 느린선 십구 시그널 구로 백테스트",
     {"kind": "macd_cross", "params": {"fast": 6, "slow": 19, "signal": 9}, "symbol": "051910"}),
    ("ko", "카카오 MACD 히스토그램이 0 위로 올라가면 매수, 0 아래로 떨어지면 매도. 2018년부터 2021년까지 수수료 0.25%",
     {"kind": "macd_cross", "params": {}, "symbol": "035720", "commission": 0.0025, "from": "2018-01-01", "to": "2021-12-31"}),
    ("ko", "테슬라 MACD인데 시그널만 7로 줄여서, 롱숏으로",
     {"kind": "macd_cross", "params": {"signal": 7}, "symbol": "TSLA", "direction": "long_short"}),
    ("ko", "마소 맥디 ㄱㄱ 기본값 3천만원",
     {"kind": "macd_cross", "params": {}, "symbol": "MSFT", "initial_cash": 30000000}),
    ("ko", "부장님이 내일 아침 8시까지 달라고 하셔서요ㅠ 크래프톤 MACD 5 35 5 로 2021년 하반기부터 2023년 상반기까지 부탁드립니다",
     {"kind": "macd_cross", "params": {"fast": 5, "slow": 35, "signal": 5}, "symbol": "259960", "from": "2021-07-01", "to": "2023-06-30"}),
    ("ko", "macd_cross 종목=하이브 fast=10 slow=30 signal=7 from=2021-01-04 수수료=3bp",
     {"kind": "macd_cross", "params": {"fast": 10, "slow": 30, "signal": 7}, "symbol": "352820", "commission": 0.0003, "from": "2021-01-04"}),
    ("ko", "아마존(AMZN) 종목에 대하여 MACD 표준 파라미터(12, 26, 9) 신호선 교차 전략을 1억원의 초기 자본으로 2010년 1월부터 2019년 12월까지 백테스트하여 주시기 바랍니다.",
     {"kind": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9}, "symbol": "AMZN", "from": "2010-01-01", "to": "2019-12-31", "initial_cash": 100000000}),
    ("ko", "셀트리온 MACD 느린선만 40으로 바꿔서 2017~2020",
     {"kind": "macd_cross", "params": {"slow": 40}, "symbol": "068270", "from": "2017-01-01", "to": "2020-12-31"}),

    # ------------------------------------------------------------------ macd_cross (en)
    ("en", "MACD signal-line crossover on Google, 12/26/9, long only, 2016-01-01 to 2021-12-31",
     {"kind": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9}, "symbol": "GOOGL", "direction": "long_only", "from": "2016-01-01", "to": "2021-12-31"}),
    ("en", "macd cross on j p morgan fast eight slow seventeen signal nine from twenty eleven through twenty nineteen",
     {"kind": "macd_cross", "params": {"fast": 8, "slow": 17, "signal": 9}, "symbol": "JPM", "from": "2011-01-01", "to": "2019-12-31"}),
    ("en", "Go long XOM when the MACD histogram flips positive and exit when it flips negative. Default MACD. 2.5 bps.",
     {"kind": "macd_cross", "params": {}, "symbol": "XOM", "commission": 0.00025}),
    ("en", "Hi, PM here. Can we see MACD (fast 15, slow 30, signal 10) crossovers on NFLX with shorting, Jan 2013 to Jun 2018, half a million dollars?",
     {"kind": "macd_cross", "params": {"fast": 15, "slow": 30, "signal": 10}, "symbol": "NFLX", "direction": "long_short", "from": "2013-01-01", "to": "2018-06-30", "initial_cash": 500000}),
    ("en", "macd tqqq 3-10-16 2011- $5k",
     {"kind": "macd_cross", "params": {"fast": 3, "slow": 10, "signal": 16}, "symbol": "TQQQ", "from": "2011-01-01", "initial_cash": 5000}),
    ("en", "MACD on Apple but just change the fast to 5 and leave the rest",
     {"kind": "macd_cross", "params": {"fast": 5}, "symbol": "AAPL"}),
    ("en", "I'm at the gym till 7 so no rush. MACD crossover on AMD, default params, 2015 to 2020, 10 bps commission",
     {"kind": "macd_cross", "params": {}, "symbol": "AMD", "commission": 0.001, "from": "2015-01-01", "to": "2020-12-31"}),
    ("en", "Backtest MACD(6,13,4) on Samsung SDI with ₩50,000,000 from 2016",
     {"kind": "macd_cross", "params": {"fast": 6, "slow": 13, "signal": 4}, "symbol": "006400", "from": "2016-01-01", "initial_cash": 50000000}),
    ("en", "When the 12/26 MACD line crosses above its 9-day signal, buy SPY; when it crosses below, sell. 1999-2009.",
     {"kind": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9}, "symbol": "SPY", "from": "1999-01-01", "to": "2009-12-31"}),

    # ------------------------------------------------------------------ buy_and_hold (ko)
    ("ko", "삼전 2000년 초에 천만원어치 사서 지금까지 존버했으면 얼마 됐을까",
     {"kind": "buy_and_hold", "params": {}, "symbol": "005930", "from": "2000-01-01", "initial_cash": 10000000}),
    ("ko", "하이닉스를 2015년 1월 2일에 매수하여 2020년 12월 30일까지 보유했을 경우의 성과를 백테스트해 주시겠습니까? 수수료는 0.015%로 해 주십시오.",
     {"kind": "buy_and_hold", "params": {}, "symbol": "000660", "commission": 0.00015, "from": "2015-01-02", "to": "2020-12-30"}),
    ("ko", "엔비 그냥 사서 묻어두기 2016~2023 ㄱㄱ",
     {"kind": "buy_and_hold", "params": {}, "symbol": "NVDA", "from": "2016-01-01", "to": "2023-12-31"}),
    ("ko", "KODEX200 바이앤홀드 벤치마크로 2010년 1월부터 2023년 6월까지 1억",
     {"kind": "buy_and_hold", "params": {}, "symbol": "069500", "from": "2010-01-01", "to": "2023-06-30", "initial_cash": 100000000}),
    ("ko", "테슬라 이천이십 년 초에 사서 안 팔고 계속 들고 있었으면 어떻게 됐는지 백테스트 해 줘",
     {"kind": "buy_and_hold", "params": {}, "symbol": "TSLA", "from": "2020-01-01"}),
    ("ko", "저희 아버지가 올해 칠순이신데 셀트리온을 2010년부터 2020년까지 쭉 들고 계셨대요, 그 수익률 백테스트로 확인 좀 해 주세요",
     {"kind": "buy_and_hold", "params": {}, "symbol": "068270", "from": "2010-01-01", "to": "2020-12-31"}),
    ("ko", "애플 매수 후 보유, 시작 2억, 2012년 상반기~2022년 하반기",
     {"kind": "buy_and_hold", "params": {}, "symbol": "AAPL", "from": "2012-01-01", "to": "2022-12-31", "initial_cash": 200000000}),
    ("ko", "삼바 그냥 홀딩만 하는 거 2018년부터 수수료 없이 돌려봐",
     {"kind": "buy_and_hold", "params": {}, "symbol": "207940", "commission": 0, "from": "2018-01-01"}),

    # ------------------------------------------------------------------ buy_and_hold (en)
    ("en", "Baseline for the memo: SPY bought on day one and simply held, 1995–2020, ten thousand dollars.",
     {"kind": "buy_and_hold", "params": {}, "symbol": "SPY", "from": "1995-01-01", "to": "2020-12-31", "initial_cash": 10000}),
    ("en", "hodl meta from jan 2013 thru dec 2023, 25k",
     {"kind": "buy_and_hold", "params": {}, "symbol": "META", "from": "2013-01-01", "to": "2023-12-31", "initial_cash": 25000}),
    ("en", "what if i bought microsoft at the start of two thousand ten and never sold it just a plain buy and hold back test",
     {"kind": "buy_and_hold", "params": {}, "symbol": "MSFT", "from": "2010-01-01"}),
    ("en", "Hi, a client (age 72, retired) wants to see a passive position. Please run a plain KO buy-and-hold, 2000-01-03 to 2020-12-31, $2.5M, 1bp.",
     {"kind": "buy_and_hold", "params": {}, "symbol": "KO", "commission": 0.0001, "from": "2000-01-03", "to": "2020-12-31", "initial_cash": 2500000}),
    ("en", "Benchmark run: Nasdaq-100 ETF QQQ, buy once and hold, 2007 H2 through 2012 H1",
     {"kind": "buy_and_hold", "params": {}, "symbol": "QQQ", "from": "2007-07-01", "to": "2012-06-30"}),
    ("en", "buy & hold Kakao 2017-2022 no fees",
     {"kind": "buy_and_hold", "params": {}, "symbol": "035720", "commission": 0, "from": "2017-01-01", "to": "2022-12-31"}),
    ("en", "Park 40 grand in Costco at the start of 2015 and never touch it. Backtest that through 2021.",
     {"kind": "buy_and_hold", "params": {}, "symbol": "COST", "from": "2015-01-01", "to": "2021-12-31", "initial_cash": 40000}),
    ("en", "b&h on amd, 2016-2019, 20 bps",
     {"kind": "buy_and_hold", "params": {}, "symbol": "AMD", "commission": 0.002, "from": "2016-01-01", "to": "2019-12-31"}),

    # ------------------------------------------------------------------ declined (ko)
    ("ko", "네이버랑 카카오 가격 비율이 평균에서 2표준편차 벌어지면 싼 쪽 사고 비싼 쪽 공매도하는 거 백테스트 해줘", None),   # pairs
    ("ko", "엔비디아 위클리 풋 매도 전략 백테스트 ㄱㄱ 행사가는 5% 외가격으로", None),                                       # options
    ("ko", "카카오 RSI 30 밑이면서 MACD 골든크로스가 동시에 나올 때만 매수하는 전략 검토해 주시겠습니까?", None),             # RSI and MACD
    ("ko", "트랜스포머 딥러닝 모델로 하닉 다음날 등락 맞춰서 오를 것 같으면 사는 전략 백테스트 가능?", None),                 # ML
    ("ko", "삼전 40 엔비 30 애플 30 비중으로 담고 반기마다 리밸런싱하면 2015년부터 어땠을까", None),                           # portfolio
    ("ko", "이더리움 20일선 60일선 골크 백테스트 좀 해봐", None),                                                             # crypto
    ("ko", "원달러 환율 RSI 역추세 2018년부터 돌려봐", None),                                                                 # FX
    ("ko", "하이닉스 지금 얼마임?", None),                                                                                    # quote
    ("ko", "카카오 PER 몇 배야? PBR도 같이 알려줘", None),                                                                    # PER
    ("ko", "테슬라 오늘 왜 빠졌는지 뉴스 좀 요약해줘", None),                                                                 # news
    ("ko", "코스피200 선물 MACD 크로스 전략 2019~2023 백테스트 부탁드립니다", None),                                           # futures
    ("ko", "현차 5일 20일 골크에 사고 10% 익절, -5% 손절로 돌려줘", None),                                                    # take profit / stop loss
    ("ko", "삼전 15분봉 기준으로 MACD 골크 매매 해봐", None),                                                               # intraday
    ("ko", "에코프로는 하락 추세라 이평 데드크로스 때 공매도 들어가고 골크 때 숏 청산만 하는 걸로. 매수 포지션은 절대 없음", None),                                              # short-only
    ("ko", "매달 월급날 애플 50만원씩 적립식으로 샀으면 지금 얼마야?", None),                                                  # regular purchases
    ("ko", "네이버 켈트너 채널 상단 돌파 전략 백테스트 해 주세요", None),                                                      # indicator without a kind
    ("ko", "볼린저 상단 돌파하면서 거래량이 20일 평균의 2배 이상 터질 때만 사는 거, 하닉으로", None),                            # filtered rule

    # ------------------------------------------------------------------ declined (en)
    ("en", "Long XOM / short CVX whenever the spread z-score drops below -2, flat again at 0. 2010-2020.", None),             # pairs
    ("en", "Backtest a collar on AAPL: own the stock, buy 10% OTM puts and sell 10% OTM calls every month.", None),           # options
    ("en", "Buy NVDA only on days when RSI(14) is under 30 and MACD crosses above its signal line.", None),                    # RSI and MACD
    ("en", "Apple golden cross 50/200 with a market-regime filter: skip entries while SPY trades under its 200-day.", None),            # filter on another series
    ("en", "Can you train a gradient-boosted tree model on AMD's features to predict tomorrow's return and trade on it?", None),  # ML
    ("en", "All-weather style: 30% stocks, 40% long bonds, 15% intermediate bonds, 7.5% gold, 7.5% commodities, rebalance yearly.", None),  # portfolio
    ("en", "DOGE-USD 20/50 SMA crossover since 2019, $1k", None),                                                              # crypto
    ("en", "GBP/USD EMA 9/21 crossover, 2015-2020", None),                                                                     # FX
    ("en", "yo where's tesla trading rn? up or down on the day?", None),                                                                         # quote
    ("en", "What's Nvidia's forward P/E these days?", None),                                                                   # P/E
    ("en", "Any headlines on Palantir's earnings this week?", None),                                                           # news
    ("en", "MACD cross on AMD with a hard 8% stop loss under the entry price", None),                                          # stop loss
    ("en", "RSI(2) 10/90 on QQQ using 4-hour candles", None),                                                                  # intraday
    ("en", "Put $500 into QQQ every payday since 2012 and show me the result.", None),                                         # regular purchases
    ("en", "Each month hold whichever of XLK, XLF and XLE has the best 3-month relative strength.", None),                     # rotation
    ("en", "Can you explain how the MACD signal line is calculated? Not a backtest, just curious.", None),                     # not a strategy
    ("en", "Supertrend (10, 3) on TSLA, flip long and short on each signal", None),                                            # indicator without a kind
]
