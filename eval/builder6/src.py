"""Hand-typed requests for the builder6 held-out set: (lang, request, expected).

Every request below was typed by hand as a literal; nothing is generated from templates.
`expected` is None when the request must be declined. Key order: kind, params, symbol,
direction, commission, from, to, initial_cash. Parameters in the kind's order.
"""

ITEMS = [
    # ------------------------------------------------------------------ Korean, accepted
    # sma_cross
    ("ko", "삼전 5일선 20일선 골크 나면 사고 데크 나면 팔고. 2018년부터 2023년까지 돌려봐",
     {"kind": "sma_cross", "params": {"fast": 5, "slow": 20}, "symbol": "005930",
      "from": "2018-01-01", "to": "2023-12-31"}),
    ("ko", "안녕하세요, 주식 공부 시작한 지 얼마 안 된 직장인입니다. 유튜브에서 이동평균선 교차 전략을 봤는데 "
           "실제로 수익이 나는지 궁금해서요. 현대차로 60일선과 20일선 교차 전략을 2015년 1월부터 2022년 6월까지 "
           "백테스트 해주실 수 있을까요? 초기 자금은 3천만원으로 해주세요.",
     {"kind": "sma_cross", "params": {"fast": 20, "slow": 60}, "symbol": "005380",
      "from": "2015-01-01", "to": "2022-06-30", "initial_cash": 30000000}),
    ("ko", "카카오 종가가 120일 이평선 위로 올라서면 매수, 밑으로 내려가면 매도하는 거 테스트 좀",
     {"kind": "sma_cross", "params": {"fast": 1, "slow": 120}, "symbol": "035720"}),
    ("ko", "하닉 이평 크로스 (10, 50) 롱숏으로, 수수료 0.015% 넣어서",
     {"kind": "sma_cross", "params": {"fast": 10, "slow": 50}, "symbol": "000660",
      "direction": "long_short", "commission": 0.00015}),
    ("ko", "LG화학 단순이평 단기 십 장기 사십 크로스 전략, 이천이십년부터 돌려줘",
     {"kind": "sma_cross", "params": {"fast": 10, "slow": 40}, "symbol": "051910",
      "from": "2020-01-01"}),
    ("ko", "짧은 평균선이 긴 평균선 위로 올라타면 사는 그 전략 있잖아. 그거 기아로 해줘. 짧은 건 15일, 긴 건 45일",
     {"kind": "sma_cross", "params": {"fast": 15, "slow": 45}, "symbol": "000270"}),
    ("ko", "이평 골든크로스 전략 기본값으로 한번 돌려주세요. 종목은 아직 못 정했어요.",
     {"kind": "sma_cross", "params": {}}),
    ("ko", "셀트리온 20/120 이평 교차, 1억 2천만원으로 2010년부터 2020년까지요",
     {"kind": "sma_cross", "params": {"fast": 20, "slow": 120}, "symbol": "068270",
      "from": "2010-01-01", "to": "2020-12-31", "initial_cash": 120000000}),
    # ema_cross
    ("ko", "엔비 지수이평 12일 26일 크로스 롱온리로 2020년 3월부터 2024년 2월까지",
     {"kind": "ema_cross", "params": {"fast": 12, "slow": 26}, "symbol": "NVDA",
      "direction": "long_only", "from": "2020-03-01", "to": "2024-02-29"}),
    ("ko", "테슬라 EMA 9/21 크로스 공매도까지 열어서 해줘. 수수료는 0.1프로",
     {"kind": "ema_cross", "params": {"fast": 9, "slow": 21}, "symbol": "TSLA",
      "direction": "long_short", "commission": 0.001}),
    ("ko", "지수이동평균 단기 8 장기 34로 삼성SDI 돌려봐요 초기금 오백만원",
     {"kind": "ema_cross", "params": {"fast": 8, "slow": 34}, "symbol": "006400",
      "initial_cash": 5000000}),
    ("ko", "KODEX 레버리지 EMA 골크 기본 세팅으로, 2021년 하반기만",
     {"kind": "ema_cross", "params": {}, "symbol": "122630",
      "from": "2021-07-01", "to": "2021-12-31"}),
    ("ko", "애플로 지수가중 이평선 교차 해볼게요 빠른 거 5 느린 거 35, 2016.01.04부터 2019.12.31까지",
     {"kind": "ema_cross", "params": {"fast": 5, "slow": 35}, "symbol": "AAPL",
      "from": "2016-01-04", "to": "2019-12-31"}),
    # rsi_reversion
    ("ko", "삼바 RSI 14일 기준 30 밑으로 빠지면 사고 70 위로 뚫으면 팔아",
     {"kind": "rsi_reversion", "params": {"period": 14, "lower": 30, "upper": 70}, "symbol": "207940"}),
    ("ko", "과매도 구간에서 줍줍하고 과매수 구간에서 던지는 전략, 에코프로로 해줘. RSI 기간은 칠일, 하단 이십오 상단 칠십오",
     {"kind": "rsi_reversion", "params": {"period": 7, "lower": 25, "upper": 75}, "symbol": "086520"}),
    ("ko", "구글 RSI(2) 10/90 역추세, 2012년~2022년, 수수료 5bp",
     {"kind": "rsi_reversion", "params": {"period": 2, "lower": 10, "upper": 90}, "symbol": "GOOGL",
      "commission": 0.0005, "from": "2012-01-01", "to": "2022-12-31"}),
    ("ko", "많이 떨어졌을 때 사서 많이 올랐을 때 파는 식으로 KB금융 백테스트 부탁드려요. 설정은 잘 몰라서 기본으로 해 주세요.",
     {"kind": "rsi_reversion", "params": {}, "symbol": "105560"}),
    ("ko", "마소 RSI 과매도 기준만 20으로 낮춰서 돌려줘, 나머지는 그대로",
     {"kind": "rsi_reversion", "params": {"lower": 20}, "symbol": "MSFT"}),
    ("ko", "RSI 역추세 롱숏 양방향으로 코카콜라, 기간 10, 하단 35 상단 65, 초기자금 2만 달러",
     {"kind": "rsi_reversion", "params": {"period": 10, "lower": 35, "upper": 65}, "symbol": "KO",
      "direction": "long_short", "initial_cash": 20000}),
    ("ko", "유한양행 RSI 평균회귀 전략 2019년 2분기부터 2023년 1분기까지 돌려주세요. 상단 기준은 80으로요.",
     {"kind": "rsi_reversion", "params": {"upper": 80}, "symbol": "000100",
      "from": "2019-04-01", "to": "2023-03-31"}),
    # bollinger_breakout
    ("ko", "에코프로비엠 볼린저밴드 상단 돌파하면 매수, 중심선 깨면 매도. 20일 2시그마 기본값이긴 한데 그래도 명시해서 넣어줘",
     {"kind": "bollinger_breakout", "params": {"period": 20, "k": 2}, "symbol": "247540"}),
    ("ko", "하이브 밴드 위로 뚫고 올라가면 따라붙는 추세추종으로 가자. 기간 30, 표준편차 2.5배",
     {"kind": "bollinger_breakout", "params": {"period": 30, "k": 2.5}, "symbol": "352820"}),
    ("ko", "팔란티어 볼밴 상단 돌파 전략 2022년 1월 1일부터 2024년 6월 30일까지, 천만원으로 부탁해요",
     {"kind": "bollinger_breakout", "params": {}, "symbol": "PLTR",
      "from": "2022-01-01", "to": "2024-06-30", "initial_cash": 10000000}),
    ("ko", "볼린저 돌파 매매 SOXL로 해봐, 1.5시그마 쓰고 공매도도 허용",
     {"kind": "bollinger_breakout", "params": {"k": 1.5}, "symbol": "SOXL", "direction": "long_short"}),
    ("ko", "포스코홀딩스 볼린저 브레이크아웃 (40, 2) 수수료 없이",
     {"kind": "bollinger_breakout", "params": {"period": 40, "k": 2}, "symbol": "005490", "commission": 0}),
    # bollinger_reversion
    ("ko", "신한지주 볼린저 하단 아래로 내려가면 매수하고 중간선 회복하면 매도하는 역추세 전략 백테스트 해주세요. "
           "기간은 20일, 승수 2.5로 설정하고 2017년부터 시작해 주세요.",
     {"kind": "bollinger_reversion", "params": {"period": 20, "k": 2.5}, "symbol": "055550",
      "from": "2017-01-01"}),
    ("ko", "카뱅 볼밴 하단 이탈 시 매수 중심선 복귀 시 청산, 기본 설정",
     {"kind": "bollinger_reversion", "params": {}, "symbol": "323410"}),
    ("ko", "SK텔레콤으로 볼린저 평균회귀 하자. 표준편차 1.8, 기간 15일. 2020년 한 해만",
     {"kind": "bollinger_reversion", "params": {"period": 15, "k": 1.8}, "symbol": "017670",
      "from": "2020-01-01", "to": "2020-12-31"}),
    ("ko", "KODEX 200 볼린저 하단 매수 역추세 롱숏, 1억 넣고 수수료 0.005%",
     {"kind": "bollinger_reversion", "params": {}, "symbol": "069500", "direction": "long_short",
      "commission": 0.00005, "initial_cash": 100000000}),
    # macd_cross
    ("ko", "맥디 골크 매수 데크 매도 삼전으로 12 26 9",
     {"kind": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9}, "symbol": "005930"}),
    ("ko", "현대모비스 MACD 시그널선 교차 전략, 빠른선 8 느린선 21 시그널 5, 2014년 7월부터 2021년 12월까지",
     {"kind": "macd_cross", "params": {"fast": 8, "slow": 21, "signal": 5}, "symbol": "012330",
      "from": "2014-07-01", "to": "2021-12-31"}),
    ("ko", "MACD 히스토그램이 0선 위로 올라오면 사고 아래로 내려가면 파는 거, 엘지전자로. 롱만 해줘",
     {"kind": "macd_cross", "params": {}, "symbol": "066570", "direction": "long_only"}),
    ("ko", "넷플 MACD 교차인데 시그널 기간만 7로 바꿔서, 2018년 이후로, 초기 자본 $50k",
     {"kind": "macd_cross", "params": {"signal": 7}, "symbol": "NFLX",
      "from": "2018-01-01", "initial_cash": 50000}),
    ("ko", "크래프톤 맥디 전략 수수료 0.25프로로 돌려봐. 상장이 2021년 8월이니까 2021년 8월 10일부터 2023년 말까지",
     {"kind": "macd_cross", "params": {}, "symbol": "259960", "commission": 0.0025,
      "from": "2021-08-10", "to": "2023-12-31"}),
    ("ko", "MACD (5, 35, 5) 크로스 전략을 QQQ에 적용해 주실 수 있나요? 기간은 금융위기 전후로 2007년 7월부터 2012년 6월까지입니다.",
     {"kind": "macd_cross", "params": {"fast": 5, "slow": 35, "signal": 5}, "symbol": "QQQ",
      "from": "2007-07-01", "to": "2012-06-30"}),
    # buy_and_hold
    ("ko", "그냥 삼전 사서 묻어두기만 했으면 2000년부터 2020년까지 얼마 됐을까? 시작 금액은 이억 원으로 쳐줘",
     {"kind": "buy_and_hold", "params": {}, "symbol": "005930",
      "from": "2000-01-01", "to": "2020-12-31", "initial_cash": 200000000}),
    ("ko", "비교용으로 엔비디아 바이앤홀드 벤치마크도 하나 뽑아줘, 오천만원 기준",
     {"kind": "buy_and_hold", "params": {}, "symbol": "NVDA", "initial_cash": 50000000}),
    ("ko", "엘지엔솔 상장 첫날부터 존버했으면 어땠을지 궁금함. 2022년 1월 27일부터",
     {"kind": "buy_and_hold", "params": {}, "symbol": "373220", "from": "2022-01-27"}),
    ("ko", "마이크로소프트 사서 안 팔고 계속 들고만 있는 거, 수수료 0.1% 넣고 2015년부터 2019년까지 계산해줘",
     {"kind": "buy_and_hold", "params": {}, "symbol": "MSFT", "commission": 0.001,
      "from": "2015-01-01", "to": "2019-12-31"}),

    # ------------------------------------------------------------------ Korean, declined
    ("ko", "셀트리온이랑 삼바 가격 비율이 벌어지면 하나 사고 하나 파는 거 돌려줘", None),          # pair
    ("ko", "삼전 주식 들고 있으면서 매달 외가격 콜 팔아서 프리미엄 먹는 전략 백테스트 가능해요?", None),  # covered call
    ("ko", "하닉 RSI 30 밑이면서 MACD 골크도 같이 나올 때만 매수하는 거 해줘", None),              # two indicators
    ("ko", "테슬라 20일선 60일선 골크 매수인데 -7% 손절 걸어서 해줘", None),                      # stop loss
    ("ko", "LSTM으로 삼전 다음날 종가 예측해서 오를 것 같으면 사는 전략 만들어줘", None),          # ML
    ("ko", "카카오 5분봉으로 RSI 역추세 돌려줘", None),                                           # intraday
    ("ko", "이더리움 EMA 12 26 크로스 백테스트 해줘", None),                                      # crypto
    ("ko", "네이버 일목균형표 구름대 돌파 매매 해보고 싶어요", None),                              # unsupported indicator
    ("ko", "매달 월급날마다 KODEX 200 50만원씩 적립식으로 샀으면 어떻게 됐을지 봐줘", None),       # regular purchase
    ("ko", "삼전 하닉 네이버 카카오 현대차 다섯 종목 동일비중으로 분기마다 리밸런싱하는 거 돌려줘", None),  # portfolio
    ("ko", "에코프로 데드크로스 나면 공매도만 치고 골크 나면 숏 청산하는 전략", None),             # short only

    # ------------------------------------------------------------------ English, accepted
    # sma_cross
    ("en", "backtest a 50/200 golden cross on SPY from 2000 to 2023",
     {"kind": "sma_cross", "params": {"fast": 50, "slow": 200}, "symbol": "SPY",
      "from": "2000-01-01", "to": "2023-12-31"}),
    ("en", "Dear team, I manage a small family account and I am evaluating simple trend rules before committing "
           "capital. Could you please run a moving average crossover on Microsoft using the 100-day and the 30-day "
           "averages, between March 2016 and September 2021, with a starting balance of $250,000 and commissions "
           "of 0.05%? Thank you.",
     {"kind": "sma_cross", "params": {"fast": 30, "slow": 100}, "symbol": "MSFT", "commission": 0.0005,
      "from": "2016-03-01", "to": "2021-09-30", "initial_cash": 250000}),
    ("en", "what happens if i buy amazon whenever it closes above its 200 day sma and sell when it closes below it",
     {"kind": "sma_cross", "params": {"fast": 1, "slow": 200}, "symbol": "AMZN"}),
    ("en", "sma cross fast=20 slow=50 on TQQQ, long/short, 2 bps commission",
     {"kind": "sma_cross", "params": {"fast": 20, "slow": 50}, "symbol": "TQQQ",
      "direction": "long_short", "commission": 0.0002}),
    ("en", "ten and forty day moving average crossover on Intel please, starting cash twenty thousand dollars",
     {"kind": "sma_cross", "params": {"fast": 10, "slow": 40}, "symbol": "INTC", "initial_cash": 20000}),
    ("en", "run the classic golden cross / death cross thing on Disney, default params, since Jan 2015",
     {"kind": "sma_cross", "params": {}, "symbol": "DIS", "from": "2015-01-01"}),
    ("en", "Could you test a simple moving-average crossover, 3-day versus 13-day? No particular ticker in mind. "
           "Window: 2019-06-03 to 2022-11-30.",
     {"kind": "sma_cross", "params": {"fast": 3, "slow": 13},
      "from": "2019-06-03", "to": "2022-11-30"}),
    ("en", "when the 5-day average climbs over the 25-day average buy JPMorgan, when it dips back under sell. "
           "keep it long only and assume no fees",
     {"kind": "sma_cross", "params": {"fast": 5, "slow": 25}, "symbol": "JPM",
      "direction": "long_only", "commission": 0}),
    # ema_cross
    ("en", "ema crossover 12/26 on NVDA for 2023 H1",
     {"kind": "ema_cross", "params": {"fast": 12, "slow": 26}, "symbol": "NVDA",
      "from": "2023-01-01", "to": "2023-06-30"}),
    ("en", "Please backtest an exponential moving average cross on Hyundai Motor with a 21-period fast line and a "
           "55-period slow line, allowing short positions, from Q3 2017 through Q2 2022.",
     {"kind": "ema_cross", "params": {"fast": 21, "slow": 55}, "symbol": "005380",
      "direction": "long_short", "from": "2017-07-01", "to": "2022-06-30"}),
    ("en", "EMA(8) vs EMA(30) on AMD, 15 bps per trade, $5k account",
     {"kind": "ema_cross", "params": {"fast": 8, "slow": 30}, "symbol": "AMD",
      "commission": 0.0015, "initial_cash": 5000}),
    ("en", "exponential MA cross on IWM using just the defaults, 2011 through 2015",
     {"kind": "ema_cross", "params": {}, "symbol": "IWM", "from": "2011-01-01", "to": "2015-12-31"}),
    ("en", "I want something quicker than the usual SMA signals on Costco. Try an EMA crossover, fast 6 and "
           "slow 18, with 1 million dollars to start.",
     {"kind": "ema_cross", "params": {"fast": 6, "slow": 18}, "symbol": "COST", "initial_cash": 1000000}),
    # rsi_reversion
    ("en", "rsi 2 mean reversion on SPY, buy under 5 sell over 95",
     {"kind": "rsi_reversion", "params": {"period": 2, "lower": 5, "upper": 95}, "symbol": "SPY"}),
    ("en", "Apple: buy when RSI(14) dips below 25, sell when it crosses above 75. Start date 2014-01-02, "
           "end date 2018-12-31.",
     {"kind": "rsi_reversion", "params": {"period": 14, "lower": 25, "upper": 75}, "symbol": "AAPL",
      "from": "2014-01-02", "to": "2018-12-31"}),
    ("en", "buy coca-cola when it's oversold and dump it when it's overbought, plain vanilla settings",
     {"kind": "rsi_reversion", "params": {}, "symbol": "KO"}),
    ("en", "Hello, I would like to evaluate an RSI reversion system on XOM with a 21-day lookback and thresholds "
           "of 40 and 60. Please include shorting and use 100k as initial capital.",
     {"kind": "rsi_reversion", "params": {"period": 21, "lower": 40, "upper": 60}, "symbol": "XOM",
      "direction": "long_short", "initial_cash": 100000}),
    ("en", "contrarian play on tesla: buy it after it's been sold off hard, sell into strength. rsi period 5, "
           "rest default. until the end of 2021",
     {"kind": "rsi_reversion", "params": {"period": 5}, "symbol": "TSLA", "to": "2021-12-31"}),
    ("en", "RSI reversion with the upper threshold at 65 on Samsung Electronics, commission a tenth of a percent",
     {"kind": "rsi_reversion", "params": {"upper": 65}, "symbol": "005930", "commission": 0.001}),
    ("en", "rsi mean reversion, period nine, oversold 20 overbought 80, no ticker yet, start with $10,000",
     {"kind": "rsi_reversion", "params": {"period": 9, "lower": 20, "upper": 80}, "initial_cash": 10000}),
    # bollinger_breakout
    ("en", "Bollinger Band breakout on Netflix: long when the close pushes above the upper band (20 periods, "
           "2 std devs), out when it falls back under the middle band. 2019 to 2022.",
     {"kind": "bollinger_breakout", "params": {"period": 20, "k": 2}, "symbol": "NFLX",
      "from": "2019-01-01", "to": "2022-12-31"}),
    ("en", "volatility breakout using bollinger bands on SK hynix, k=2.2, lookback 25",
     {"kind": "bollinger_breakout", "params": {"period": 25, "k": 2.2}, "symbol": "000660"}),
    ("en", "trend-following idea: buy Palantir when price punches through the top of a 3-sigma band. "
           "long & short, fees 0.2%",
     {"kind": "bollinger_breakout", "params": {"k": 3}, "symbol": "PLTR",
      "direction": "long_short", "commission": 0.002}),
    ("en", "Upper-band Bollinger breakout on the Nasdaq-100 ETF QQQ, 50-bar lookback, between 1 February 2010 "
           "and 31 January 2020, starting with $1M.",
     {"kind": "bollinger_breakout", "params": {"period": 50}, "symbol": "QQQ",
      "from": "2010-02-01", "to": "2020-01-31", "initial_cash": 1000000}),
    # bollinger_reversion
    ("en", "buy kia when it closes under the lower bollinger band and sell once it gets back above the middle "
           "band, default settings",
     {"kind": "bollinger_reversion", "params": {}, "symbol": "000270"}),
    ("en", "bollinger reversion on JPMorgan (30, 2.5), 2020-2023",
     {"kind": "bollinger_reversion", "params": {"period": 30, "k": 2.5}, "symbol": "JPM",
      "from": "2020-01-01", "to": "2023-12-31"}),
    ("en", "Could you run a lower-band mean-reversion test on Celltrion with Bollinger Bands of 10 days and "
           "1.5 standard deviations, commission 0.3%, initial capital 50 million won?",
     {"kind": "bollinger_reversion", "params": {"period": 10, "k": 1.5}, "symbol": "068270",
      "commission": 0.003, "initial_cash": 50000000}),
    ("en", "fade drops below the 2-sigma lower band on Disney, exit at the 20-day average, 2021 Q4 only",
     {"kind": "bollinger_reversion", "params": {"period": 20, "k": 2}, "symbol": "DIS",
      "from": "2021-10-01", "to": "2021-12-31"}),
    ("en", "LG Electronics bollinger band mean reversion, buy below the lower band, std dev multiplier 1.9, "
           "since 2012",
     {"kind": "bollinger_reversion", "params": {"k": 1.9}, "symbol": "066570", "from": "2012-01-01"}),
    # macd_cross
    ("en", "macd 12-26-9 signal line cross on tesla, 2015 thru 2020, 1bp fees",
     {"kind": "macd_cross", "params": {"fast": 12, "slow": 26, "signal": 9}, "symbol": "TSLA",
      "commission": 0.0001, "from": "2015-01-01", "to": "2020-12-31"}),
    ("en", "Please evaluate a MACD crossover strategy on Samsung SDI with fast 10, slow 30 and signal 7, "
           "long only, from June 2013 until May 2019.",
     {"kind": "macd_cross", "params": {"fast": 10, "slow": 30, "signal": 7}, "symbol": "006400",
      "direction": "long_only", "from": "2013-06-01", "to": "2019-05-31"}),
    ("en", "buy google when the macd histogram flips positive, sell when it turns negative",
     {"kind": "macd_cross", "params": {}, "symbol": "GOOGL"}),
    ("en", "MACD cross with a signal length of 4 on SOXL, starting balance $30,000, 2016-2019",
     {"kind": "macd_cross", "params": {"signal": 4}, "symbol": "SOXL",
      "from": "2016-01-01", "to": "2019-12-31", "initial_cash": 30000}),
    ("en", "MACD (5,13,4) crossover on KODEX 200, long-short, 0.015% commission, beginning of 2019 through the "
           "end of 2022",
     {"kind": "macd_cross", "params": {"fast": 5, "slow": 13, "signal": 4}, "symbol": "069500",
      "direction": "long_short", "commission": 0.00015, "from": "2019-01-01", "to": "2022-12-31"}),
    # buy_and_hold
    ("en", "just buy and hold QQQ from 2010 to 2020, $10k",
     {"kind": "buy_and_hold", "params": {}, "symbol": "QQQ",
      "from": "2010-01-01", "to": "2020-12-31", "initial_cash": 10000}),
    ("en", "I need a benchmark line: Apple bought once and never sold, since the start of 2005",
     {"kind": "buy_and_hold", "params": {}, "symbol": "AAPL", "from": "2005-01-01"}),
    ("en", "Good afternoon. For a comparison in my report, could you compute the buy-and-hold result for LG Chem "
           "between 2 January 2018 and 28 December 2023, with an initial investment of 200 million won and a "
           "0.25% commission?",
     {"kind": "buy_and_hold", "params": {}, "symbol": "051910", "commission": 0.0025,
      "from": "2018-01-02", "to": "2023-12-28", "initial_cash": 200000000}),
    ("en", "buy TQQQ at the start of 2022 and just sit on it until the end of that year, want to see how bad it gets",
     {"kind": "buy_and_hold", "params": {}, "symbol": "TQQQ", "from": "2022-01-01", "to": "2022-12-31"}),
    ("en", "buy & hold Samsung Biologics with no fees, starting cash 1.5M",
     {"kind": "buy_and_hold", "params": {}, "symbol": "207940", "commission": 0, "initial_cash": 1500000}),

    # ------------------------------------------------------------------ English, declined
    ("en", "backtest a calendar spread on crude oil futures, front month against the second month", None),  # futures
    ("en", "golden cross 50/200 on AAPL but only take the trade when volume is at least twice its 20-day average",
     None),                                                                                     # filter
    ("en", "EMA 10/30 on Tesla with a 5% trailing stop", None),                                 # trailing stop
    ("en", "train a random forest on Microsoft's daily features and trade whatever it predicts", None),  # ML
    ("en", "run a 60/40 SPY and bond portfolio rebalanced once a year", None),                  # portfolio
    ("en", "RSI reversion on QQQ using hourly bars", None),                                     # intraday
    ("en", "macd crossover on EUR/USD since 2015", None),                                       # FX
    ("en", "stochastic oscillator %K/%D cross on Netflix, 14,3,3", None),                       # unsupported indicator
    ("en", "buy SPY when the VIX closes below 15 and sell when it goes back above 25", None),   # cross-asset
    ("en", "what's the P/E ratio of Nvidia right now?", None),                                  # not a strategy
    ("en", "long straddle on Amazon ahead of every earnings report", None),                     # options
]
