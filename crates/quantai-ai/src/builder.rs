//! The strategy builder's deterministic parser: a Korean or English request becomes a draft
//! strategy (kind, the parameters it states, symbol, direction, commission, period, initial
//! cash), a decline naming what the engine cannot do and the closest thing it can, or one
//! clarifying question.
//!
//! The kind comes from indicator names and the behaviour people describe instead (RSI, MACD,
//! 볼린저/BB with its side, 이평/MA with EMA words, "buy the dip", "존버"); instruments from the
//! shared lexicon; numbers from [`crate::numbers::scan`], assigned to parameters by the words
//! next to them ("fast 10", "하단 35", "2.5시그마", "RSI(9)", "12/26/9") or by position
//! (the shorter window is `fast`).

use std::collections::BTreeMap;
use std::ops::Range;

use quantai_lang::{EntityKind, Lexicon};
use quantai_quant::strategy::{Direction, Kind};
use serde::Serialize;
use time::{Date, Month};

use crate::numbers::{overlaps, scan, Mention, Unit, NATIVE_ONES, NATIVE_TENS};

/// A parsed request's strategy: what the request states, nothing invented.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub kind: Option<Kind>,
    /// Only the parameters the request states.
    #[serde(default)]
    pub params: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commission: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::facts::iso_date")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::facts::iso_date")]
    pub to: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_cash: Option<f64>,
}

/// Why a request cannot become one strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unsupported {
    Pairs,
    Options,
    Futures,
    MultiIndicator,
    ExitRule,
    MachineLearning,
    Portfolio,
    Intraday,
    CryptoOrFx,
    Indicator,
    ShortOnly,
    RegularPurchases,
    CrossAsset,
    NotAStrategy,
}

impl Unsupported {
    /// The reason and the closest supported alternative, in the request's language.
    pub fn explain(self, korean: bool) -> (&'static str, &'static str) {
        use Unsupported::*;
        match (self, korean) {
            (Pairs, false) => (
                "pairs and spread trades need two symbols; the engine trades one",
                "backtest each leg on its own, e.g. an SMA crossover",
            ),
            (Pairs, true) => (
                "페어·스프레드 매매는 두 종목이 필요하지만 엔진은 한 종목만 거래합니다",
                "각 종목을 따로 이동평균 교차 등으로 백테스트",
            ),
            (Options, false) => {
                ("options are not in the market data or the engine", "a strategy on the underlying stock")
            }
            (Options, true) => ("옵션은 시세 데이터와 엔진이 지원하지 않습니다", "기초 종목에 대한 전략"),
            (Futures, false) => {
                ("futures are not in the market data", "a strategy on an index ETF such as KODEX 200 or SPY")
            }
            (Futures, true) => ("선물은 시세 데이터에 없습니다", "KODEX 200, SPY 같은 지수 ETF에 대한 전략"),
            (MultiIndicator, false) => (
                "a rule combining several indicators or filters is not one of the engine's kinds",
                "one indicator at a time, e.g. the RSI rule alone",
            ),
            (MultiIndicator, true) => {
                ("여러 지표나 필터를 조합한 규칙은 엔진의 전략 종류에 없습니다", "지표 하나씩, 예를 들어 RSI 규칙만")
            }
            (ExitRule, false) => (
                "stop-loss, take-profit and trailing stops are not part of a strategy spec",
                "the same entry rule with its own exit signal",
            ),
            (ExitRule, true) => {
                ("손절·익절·트레일링 스탑은 전략 명세에 없습니다", "같은 진입 규칙을 지표의 청산 신호로")
            }
            (MachineLearning, false) => {
                ("ML prediction strategies are not available yet", "a rule-based strategy such as RSI mean reversion")
            }
            (MachineLearning, true) => {
                ("머신러닝 예측 전략은 아직 지원하지 않습니다", "RSI 역추세 같은 규칙 기반 전략")
            }
            (Portfolio, false) => (
                "portfolios and rebalancing across symbols are not supported; a backtest trades one symbol",
                "one symbol at a time, or buy-and-hold of an index ETF",
            ),
            (Portfolio, true) => (
                "여러 종목 포트폴리오와 리밸런싱은 지원하지 않습니다 (백테스트는 한 종목)",
                "종목별 백테스트 또는 지수 ETF 매수 후 보유",
            ),
            (Intraday, false) => ("the engine runs on daily bars only", "the same rule on daily bars"),
            (Intraday, true) => ("엔진은 일봉만 지원합니다", "같은 규칙을 일봉으로"),
            (CryptoOrFx, false) => {
                ("crypto and FX are not in the market data (KRX and US equities only)", "a KRX or US stock or ETF")
            }
            (CryptoOrFx, true) => {
                ("암호화폐와 환율은 시세 데이터에 없습니다 (국내·미국 주식만)", "국내 또는 미국 주식·ETF")
            }
            (Indicator, false) => (
                "this indicator is not one of the engine's kinds (SMA/EMA cross, RSI, Bollinger, MACD, buy-and-hold)",
                "the closest kind, e.g. a Bollinger breakout for channel breakouts or RSI for oscillators",
            ),
            (Indicator, true) => (
                "이 지표는 엔진의 전략 종류(SMA/EMA 교차, RSI, 볼린저, MACD, 매수 후 보유)에 없습니다",
                "가까운 종류, 예: 채널 돌파는 볼린저 돌파, 오실레이터는 RSI",
            ),
            (ShortOnly, false) => {
                ("short-only is not supported: the engine is long-only or long-short", "the same rule with long_short")
            }
            (ShortOnly, true) => ("숏 전용 전략은 지원하지 않습니다 (롱 전용 또는 롱숏)", "같은 규칙을 롱숏으로"),
            (RegularPurchases, false) => {
                ("regular purchases (DCA) are not supported: the engine buys once", "buy-and-hold")
            }
            (RegularPurchases, true) => ("적립식 매수는 지원하지 않습니다 (엔진은 한 번 매수)", "매수 후 보유"),
            (CrossAsset, false) => {
                ("signals from another asset are not supported", "a rule on the symbol's own prices")
            }
            (CrossAsset, true) => {
                ("다른 자산의 신호로 매매하는 전략은 지원하지 않습니다", "종목 자체 가격에 대한 규칙")
            }
            (NotAStrategy, false) => ("this is not a strategy request", "ask ChatOps, or describe a rule to backtest"),
            (NotAStrategy, true) => ("전략 요청이 아닙니다", "ChatOps에 묻거나, 백테스트할 규칙을 설명해 주세요"),
        }
    }
}

/// What the parser made of a request.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Parsed {
    /// A strategy; `question` asks for a missing symbol, `confident` is false when the kind
    /// came from a loose description.
    Draft {
        draft: Draft,
        confident: bool,
        question: Option<String>,
    },
    Declined {
        reason: Unsupported,
        message: String,
        alternative: String,
    },
    /// Nothing to build yet: one question.
    Clarify {
        question: String,
        draft: Draft,
    },
}

fn has(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower.contains(w))
}

fn has_word(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + w.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric()) && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
    })
}

/// Declines, most specific first.
fn unsupported(lower: &str, instruments: usize, assets: bool) -> Option<Unsupported> {
    use Unsupported::*;
    // a portfolio manager is a person, not a portfolio
    let lower_owned = lower.replace("portfolio manager", "manager").replace("portfolio-manager", "manager");
    let lower = lower_owned.as_str();
    if assets
        || has(
            lower,
            &[
                "비트코인",
                "이더리움",
                "도지코인",
                "리플",
                "가상화폐",
                "암호화폐",
                "원달러",
                "환율",
                "bitcoin",
                "ethereum",
                "crypto",
                "btc",
                "eth/",
                "forex",
                "carry trade",
            ],
        )
        || has_word(lower, &["usd/jpy", "eur/usd", "usd/krw", "fx"])
        || has(
            lower,
            &[
                "usd/",
                "/usd",
                "eur/",
                "/eur",
                "/jpy",
                "gbp",
                "/krw",
                "krw/",
                "aud/",
                "/chf",
                "달러원",
                "엔화",
                "유로화",
            ],
        )
    {
        return Some(CryptoOrFx);
    }
    if has(
        lower,
        &[
            "옵션",
            "option",
            "straddle",
            "strangle",
            "iron condor",
            "covered call",
            "커버드콜",
            "커버드 콜",
            "콜 매도",
            "풋 매수",
            "스트래들",
            " puts",
            "the wheel",
            "콜 팔",
            "콜을 팔",
            "외가격",
            "프리미엄 먹",
            "cash secured",
            "cash-secured",
            "cc's",
        ],
    ) {
        return Some(Options);
    }
    if has(lower, &["선물", "futures", "calendar spread"]) {
        return Some(Futures);
    }
    if has(
        lower,
        &[
            "페어",
            "pair",
            "spread",
            "괴리율",
            "가격 비율",
            "price ratio",
            "스프레드",
            "우선주",
            "보통주",
            "가격차",
            "가격 차",
        ],
    ) || (instruments >= 2 && has(lower, &["공매도", "short", "숏", "비율", "ratio", " vs", "대비"]))
    {
        return Some(Pairs);
    }
    if has(
        lower,
        &[
            "딥러닝",
            "머신러닝",
            "lstm",
            "xgboost",
            "random forest",
            "랜덤포레스트",
            "랜덤 포레스트",
            "트랜스포머",
            "transformer",
            "강화학습",
            "reinforcement",
            "machine learning",
            "deep learning",
            "neural",
            "신경망",
            "gpt",
            "sentiment",
            "감성 분석",
            "감성분석",
            "classifier",
            "gradient boosting",
            "gradient-boosted",
            "gradient boosted",
            "tree model",
            "boosting model",
            "train a model",
            "its predictions",
            "regression model",
            "svm",
            "서포트 벡터",
            "support vector",
            "분류해",
            "분류하",
            "predicts",
            "예측 모델",
            "ai가",
            "ai 모델",
        ],
    ) {
        return Some(MachineLearning);
    }
    if has(
        lower,
        &[
            "리밸런싱",
            "rebalanc",
            "포트폴리오",
            "portfolio",
            "60/40",
            "faang",
            "magnificent",
            "균등",
            "동일비중",
            "동일 비중",
            "equal-weight",
            "equal weight",
            "rotation",
            "로테이션",
            "듀얼 모멘텀",
            "dual momentum",
            "종목 중",
            "top 3",
            "top three",
            "바스켓",
            "basket",
        ],
    ) || instruments >= 3
    {
        return Some(Portfolio);
    }
    if has(
        lower,
        &[
            "분봉",
            "hour candle",
            "-hour bar",
            "hour bars",
            "4h candle",
            "시간봉",
            "minute",
            "min bar",
            "-min ",
            "min candle",
            "hourly",
            "intraday",
            "장중",
            "opening range",
            "단타",
            "틱",
            "tick chart",
            "1h ",
            "4h ",
        ],
    ) {
        return Some(Intraday);
    }
    let envelope = has(lower, &["envelope", "엔벨로프"])
        && !has(lower, &["sigma", "σ", "시그마", "bollinger", "볼린저", "표준편차"]);
    if envelope
        || has(
            lower,
            &[
                "donchian",
                "돈치안",
                "turtle",
                "터틀",
                "stochastic",
                "스토캐스틱",
                "일목",
                "ichimoku",
                "williams",
                "윌리엄스",
                "변동성 돌파 전략",
                "keltner",
                "켈트너",
                "parabolic",
                "파라볼릭",
                "adx",
                "cci",
                "obv",
                "vwap",
                "atr",
                "grid trading",
                "그리드",
                "피보나치",
                "fibonacci",
                "일목균형표",
            ],
        )
    {
        return Some(Indicator);
    }
    if has(
        lower,
        &[
            "short-only",
            "short only",
            "only short",
            "숏만",
            "공매도만",
            "숏 전용",
            "공매도 전용",
            "숏 청산만",
            "short side only",
        ],
    ) {
        return Some(ShortOnly);
    }
    if has(lower, &["no long positions", "no longs", "never long", "롱 없이", "숏으로만", "매도 포지션만"])
        || (lower.trim_start().starts_with("short ") && (has(lower, &["cover"]) || !has_word(lower, &["long"])))
    {
        return Some(ShortOnly);
    }
    if has(
        lower,
        &[
            "적립",
            "dca",
            "dollar cost",
            "dollar-cost",
            "매달 사",
            "매월 사",
            "매달 매수",
            "매월 매수",
            "every month buy",
            "monthly purchase",
        ],
    ) {
        return Some(RegularPurchases);
    }
    if has(
        lower,
        &[
            "달러 인덱스",
            "dollar index",
            "금리",
            "interest rate",
            "유가",
            "oil price",
            "treasury",
            "bond yield",
            "국채",
            "10-year yield",
        ],
    ) {
        return Some(CrossAsset);
    }
    let percent = lower.contains('%') || lower.contains("퍼센트") || lower.contains("프로");
    if has(lower, &["손절", "stop loss", "stop-loss", "stoploss", "trailing", "트레일링", "스탑"])
        || (percent && has(lower, &["익절", "take profit", "take-profit", "목표가", "profit target", "target of"]))
    {
        return Some(ExitRule);
    }
    if has(
        lower,
        &[
            "거래량",
            "volume",
            "vix",
            "월요일마다",
            "월요일에만",
            "금요일마다",
            "금요일에만",
            "mondays",
            "tuesdays",
            "fridays",
            "on monday",
            "on friday",
            "일 때만",
            "때만",
            "에서만",
            "only when",
            "only if",
            "only take",
            "only trade",
            "only on",
            "only above",
            "only below",
            "filter",
            "earnings",
            "실적 발표",
            "skip any",
            "except when",
            "필터",
            "이면서",
            "and also",
            "둘 다",
            "둘 중",
            "both",
        ],
    ) && !both_sides(lower)
    {
        return Some(MultiIndicator);
    }
    None
}

/// "long and short both", "trading both the long and the short side", "롱숏 둘 다": the
/// "both" is about direction, not a second condition.
fn both_sides(lower: &str) -> bool {
    let mut any = false;
    for w in ["both", "둘 다", "둘다"] {
        for (i, _) in lower.match_indices(w) {
            let near = format!("{}{}", before(lower, i, 24), after(lower, i, 32));
            if !has(&near, &["long", "short", "롱", "숏", "side", "방향", "매수", "매도"]) {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Indicator families the request names or describes.
#[derive(Default, Debug)]
struct Families {
    macd: bool,
    rsi: bool,
    bollinger: bool,
    ma: bool,
    ema: bool,
    hold: bool,
    reversion: bool,
}

fn families(lower: &str, lexicon_kinds: &[Kind]) -> Families {
    let macd = has(lower, &["macd", "맥디", "엠에이씨디", "signal line", "시그널", "histogram", "히스토그램"]);
    let rsi = has_word(lower, &["rsi"]) || has(lower, &["상대강도", "알에스아이"]);
    let strong = has(
        lower,
        &["bollinger", "볼린저", "볼밴", "σ", "시그마", "sigma", "standard deviation", "std dev", "표준편차"],
    ) || has_word(lower, &["bb", "std"]);
    // "bands" alone may be RSI levels ("40/60 bands")
    let bollinger = strong || (!rsi && has(lower, &["upper band", "lower band", "middle band", "밴드", "band"]));
    let ema = has(
        lower,
        &[
            "ema",
            "exponential",
            "exp. moving",
            "exp moving",
            "exp. ma",
            "지수이동",
            "지수 이동",
            "지수이평",
            "지수 이평",
            "지수가중",
            "이엠에이",
            "가중 이동",
            "가중이동",
        ],
    );
    let ma =
        ema || has(
            lower,
            &[
                "이평",
                "이동평균",
                "moving average",
                "moving-average",
                "sma",
                "골든크로스",
                "골든 크로스",
                "골크",
                "데드크로스",
                "데크",
                "golden cross",
                "golden crss",
                "golden cros ",
                "death cross",
                "일선",
                "평균선",
                "average",
                "평균이",
                "평균 ",
                "평균(",
                "평균가",
                "평균 가격",
            ],
        ) || has_word(lower, &["ma", "mas"]);
    let hold = has(
        lower,
        &[
            "buy and hold",
            "buy-and-hold",
            "buy & hold",
            "b&h",
            "b & h",
            "바이앤홀드",
            "존버",
            "묻어",
            "묵혀",
            "들고 있",
            "들고있",
            "들고 계",
            "들고계",
            "들고만",
            "안 팔",
            "안팔",
            "사놓고",
            "사 놓고",
            "사서 묻",
            "보유",
            "홀딩",
            "never sell",
            "never sold",
            "just hold",
            "sit on",
            "baseline",
            "hold it",
            "hold onto",
            "hang on to",
            "simply hold",
            "hold ",
            "holding",
            "장기투자",
            "장기 투자",
            "benchmark",
            "벤치마크",
        ],
    );
    let reversion = has(
        lower,
        &[
            "oversold",
            "overbought",
            "과매도",
            "과매수",
            "떨어졌",
            "떨어지면",
            "빠지면",
            "빠졌",
            "폭락",
            "급락",
            "줍",
            "역발상",
            "역추세",
            "contrarian",
            "sold off",
            "buy weakness",
            "sell strength",
            "dip",
            "reversion",
            "mean-revert",
            "평균회귀",
            "평균 회귀",
            "rally",
            "너무 올랐",
            "급등",
        ],
    ) || lexicon_kinds.contains(&Kind::RsiReversion);
    let ma = ma
        || has(lower, &["moving avg", "avg cross", "mov avg", "이평 크로스", "day ma"])
        || lower.match_indices("dma").any(|(i, _)| !lower[..i].ends_with(|c: char| c.is_ascii_alphabetic()));
    let hold = hold
        || has(
            lower,
            &[
                "never touched",
                "never touch",
                "just bought",
                "sat on",
                "사서 그냥",
                "계속 들고",
                "simply held",
                "and held",
                "hodl",
            ],
        );
    let reversion = reversion
        || has(
            lower,
            &[
                "낙폭 과대",
                "낙폭과대",
                "과대 낙폭",
                "과열",
                "담고",
                "털어",
                "beaten down",
                "overheated",
                "too far",
                "scoop",
                "oversold",
                "stretched",
            ],
        );
    Families { macd, rsi, bollinger, ma, ema, hold, reversion }
}

fn bollinger_side(lower: &str) -> Option<Kind> {
    let lower_band = has(
        lower,
        &[
            "하단",
            "하한",
            "lower",
            "아래 밴드",
            "아래쪽 밴드",
            "bottom band",
            "bottom bollinger",
            "bottom of the band",
            "lower bollinger",
            "아랫 밴드",
            "밴드 아래",
            "밴드 밑",
            "below the band",
            "under the band",
            "below its band",
            "under its band",
        ],
    );
    let reversion = lower_band
        || has(
            lower,
            &[
                "reversion",
                "리버전",
                "리버젼",
                "mean rev",
                "회귀",
                "역추세",
                "역매매",
                "mean",
                "fade",
                "반등",
                "contrarian",
                "역발상",
                "가운데",
                "중심선",
                "중간선",
                "중앙선",
                "middle",
                "midline",
                "mid-band",
                "떨어지면 사",
                "빠지면 사",
            ],
        );
    let breakout = has(
        lower,
        &[
            "돌파",
            "breakout",
            "break out",
            "breaks out",
            "breaks above",
            "상단",
            "upper",
            "위로 뚫",
            "위쪽 밴드",
            "punch",
            "따라",
            "추격",
            "above",
            "브레이크아웃",
            "top band",
        ],
    );
    let trend =
        has(lower, &["trend", "추세 추종", "추세추종", "추세 전략", "momentum", "모멘텀"]) && !has(lower, &["역추세"]);
    if lower_band {
        Some(Kind::BollingerReversion)
    } else if breakout || trend {
        Some(Kind::BollingerBreakout)
    } else if reversion {
        Some(Kind::BollingerReversion)
    } else {
        None
    }
}

/// Words right before a number (within `window` bytes), lower case.
fn before(lower: &str, at: usize, window: usize) -> &str {
    let mut s = at.saturating_sub(window);
    while !lower.is_char_boundary(s) {
        s += 1;
    }
    &lower[s..at]
}

/// The words before a number back to the previous number (labels belong to the nearest one).
fn before_words(lower: &str, at: usize, window: usize) -> &str {
    let b = before(lower, at, window);
    match b.rfind(|c: char| c.is_ascii_digit()) {
        Some(i) => &b[i + 1..],
        None => b,
    }
}

/// The words after a number up to the next number.
fn after_words(lower: &str, at: usize, window: usize) -> &str {
    let a = after(lower, at, window);
    match a.find(|c: char| c.is_ascii_digit()) {
        Some(i) => &a[..i],
        None => a,
    }
}

fn after(lower: &str, at: usize, window: usize) -> &str {
    let mut e = (at + window).min(lower.len());
    while !lower.is_char_boundary(e) {
        e -= 1;
    }
    &lower[at..e]
}

/// The label a word next to a number gives it.
fn label(lower: &str, m: &Mention, names: &[(&str, &[&str])]) -> Option<&'static str> {
    let raw = before(lower, m.span.start, 28);
    let b = before_words(lower, m.span.start, 28);
    let cut_at_number = b.len() < raw.len();
    let a = after_words(lower, m.span.end, 10);
    // the label closest before the number wins; then right after it. A label word that starts
    // inside an earlier one is part of it ("과매수 기준" holds "매수 기준").
    let mut matches: Vec<(usize, usize, &str)> = Vec::new();
    for (name, words) in names {
        for w in *words {
            for (i, _) in b.match_indices(w) {
                let end = i + w.len();
                // a unit glued to the previous number ("2일짜리") labels that number
                if i == 0 && cut_at_number {
                    continue;
                }
                let ascii_word = w.chars().all(|c| c.is_ascii_alphabetic());
                if ascii_word && b[end..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                    continue;
                }
                matches.push((i, end, name));
            }
        }
    }
    let inside = |m: &(usize, usize, &str)| matches.iter().any(|o| o.0 < m.0 && m.0 < o.1);
    let best: Option<(usize, &str)> = matches.iter().filter(|m| !inside(m)).max_by_key(|m| m.1).map(|m| (m.1, m.2));
    let after_label =
        names.iter().find_map(|(name, words)| words.iter().any(|w| a.trim_start().starts_with(w)).then_some(*name));
    // a label touching the number wins: "하단 35 상단 65", "25 이하 매수 75 이상"
    let touching = |rest: &str| {
        rest.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '=' | ':' | '(' | '로' | '은' | '는' | '을' | '가' | '이')
        })
        .chars()
        .count()
            <= 1
    };
    match (best, after_label) {
        (Some((end, n)), _) if touching(&b[end..]) => static_name(n),
        (_, Some(n)) => static_name(n),
        (Some((_, n)), None) => static_name(n),
        (None, None) => None,
    }
}

/// The label written right before a number, nothing between: "upper=75", "기간 5", "lower: 35".
fn touching_label(lower: &str, m: &Mention, names: &[(&str, &[&str])]) -> Option<&'static str> {
    let b =
        before_words(lower, m.span.start, 20).trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '=' | ':'));
    names.iter().find_map(|(name, words)| {
        words
            .iter()
            .any(|w| {
                b.ends_with(w) && {
                    let head = &b[..b.len() - w.len()];
                    // a whole word: "과매도 기준" does not end in the label "매도 기준"
                    let ascii = w.chars().all(|c| c.is_ascii_alphabetic());
                    let glued = if ascii {
                        head.ends_with(|c: char| c.is_ascii_alphabetic())
                    } else {
                        head.ends_with(|c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c))
                    };
                    !glued
                }
            })
            .then(|| static_name(name))
            .flatten()
    })
}

/// Whether `s` starts with the ASCII word `w` (not a longer word).
fn starts_word_ascii(s: &str, w: &str) -> bool {
    s.starts_with(w) && !s[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
}

fn static_name(n: &str) -> Option<&'static str> {
    ["fast", "slow", "signal", "period", "lower", "upper", "k"].into_iter().find(|s| *s == n)
}

fn is_int(v: f64) -> bool {
    v.fract() == 0.0 && v >= 1.0
}

/// Numbers a parameter may come from (not years, money, costs, nor parts of a name).
fn param_numbers<'a>(lower: &str, mentions: &'a [Mention], skip: &[Range<usize>]) -> Vec<&'a Mention> {
    const INDEX: &[&str] = &[
        "s&p",
        "s&p ",
        "nasdaq-",
        "nasdaq ",
        "kospi",
        "kospi ",
        "코스피",
        "코스닥",
        "kosdaq",
        "russell ",
        "dow ",
        "kodex ",
        "tiger ",
        "nikkei ",
    ];
    mentions
        .iter()
        .filter(|m| !INDEX.iter().any(|w| before(lower, m.span.start, 8).ends_with(w)))
        .filter(|m| matches!(m.unit, Unit::Plain | Unit::Days | Unit::Sigma | Unit::Multiple))
        // "part 3 of 7", "step 2", "#4": counters, not parameters
        .filter(|m| {
            let b = before(lower, m.span.start, 8);
            let counter = ["part ", "chapter ", "step ", "#", "no. ", "episode "].iter().any(|w| b.ends_with(w));
            let of_total = b.ends_with(" of ") && before(lower, m.span.start, 16).contains("part ");
            !counter && !of_total
        })
        // quarter and half numbers belong to their dates
        .filter(|m| !["분기", "반기"].iter().any(|w| after(lower, m.span.end, 8).trim_start().starts_with(w)))
        // "42살", "we're 12 people", "two kids": the writer's life, not a parameter
        .filter(|m| {
            let a = after(lower, m.span.end, 16).trim_start();
            ![
                "살",
                "세 ",
                "명",
                "people",
                "kids",
                "children",
                "years old",
                "yo ",
                "y/o",
                "members",
                "friends",
                "people)",
                "시에",
                "시 ",
                "시까지",
                "시 전",
                "시전",
                "시반",
                "시 반",
                "시간",
                "o'clock",
                "am ",
                "pm ",
            ]
            .iter()
            .any(|w| a.starts_with(w))
        })
        // "구글 하나 부탁": one (request), not a parameter
        .filter(|m| m.text != "하나")
        .filter(|m| !skip.iter().any(|r| overlaps(r, &m.span)))
        .collect()
}

fn params_for(kind: Kind, lower: &str, nums: &[&Mention], pairs: &[(u32, u32)]) -> BTreeMap<String, f64> {
    let mut p = BTreeMap::new();
    match kind {
        Kind::SmaCross | Kind::EmaCross => {
            // "장단기(50, 10)" names both windows, not the first one: the pair is read by size
            let neutral =
                lower.replace("장단기", &" ".repeat("장단기".len())).replace("단장기", &" ".repeat("단장기".len()));
            let lower = neutral.as_str();
            const NAMES: &[(&str, &[&str])] = &[
                ("fast", &["fast", "short", "단기", "빠른", "짧은"]),
                ("slow", &["slow", "long", "장기", "느린", "긴"]),
            ];
            let periods: Vec<&&Mention> = nums.iter().filter(|m| is_int(m.value) && m.unit != Unit::Sigma).collect();
            // "26 slow 12 fast": every number followed by its own label word
            let postfix = |m: &Mention| -> Option<&'static str> {
                let a = after(lower, m.span.end, 20).trim_start();
                let a =
                    ["-period ", "-day ", " day ", "-bar ", "일 "].iter().find_map(|u| a.strip_prefix(u)).unwrap_or(a);
                NAMES
                    .iter()
                    .find(|(_, ws)| ws.iter().any(|w| starts_word_ascii(a, w)))
                    .and_then(|(n, _)| static_name(n))
            };
            let posts: Vec<Option<&'static str>> = periods.iter().map(|m| postfix(m)).collect();
            let first_unlabelled_before = periods.first().is_some_and(|m| {
                let b = before_words(lower, m.span.start, 12);
                !NAMES.iter().any(|(_, ws)| ws.iter().any(|w| b.contains(w)))
            });
            if periods.len() >= 2 && posts.iter().all(Option::is_some) && first_unlabelled_before {
                for (m, n) in periods.iter().zip(&posts) {
                    if let Some(n) = n {
                        p.insert(n.to_string(), m.value);
                    }
                }
            } else {
                for m in &periods {
                    if let Some(n) = label(lower, m, NAMES) {
                        p.insert(n.to_string(), m.value);
                    }
                }
            }
            if p.len() < 2 {
                if let Some((f, s)) = pairs.first() {
                    p.insert("fast".into(), f64::from(*f.min(s)));
                    p.insert("slow".into(), f64::from(*f.max(s)));
                } else if periods.len() >= 2 && p.is_empty() {
                    let (a, b) = (periods[0].value, periods[1].value);
                    p.insert("fast".into(), a.min(b));
                    p.insert("slow".into(), a.max(b));
                } else if periods.len() == 1 && p.is_empty() {
                    // the price crossing one average: a 1-bar average is the close
                    let price = has(
                        lower,
                        &[
                            "종가",
                            "주가가",
                            "가격이",
                            "price",
                            "close",
                            "closes",
                            "closing",
                            "주가",
                            "it crosses",
                            "마감",
                            "dma",
                            "the stock",
                        ],
                    );
                    if price {
                        p.insert("fast".into(), 1.0);
                        p.insert("slow".into(), periods[0].value);
                    } else {
                        p.insert("slow".into(), periods[0].value);
                    }
                }
            }
        }
        Kind::RsiReversion => {
            const NAMES: &[(&str, &[&str])] = &[
                ("period", &["period", "기간", "length", "lookback", "-day", "일 기준", "일짜리"]),
                (
                    "lower",
                    &[
                        "lower",
                        "하단",
                        "하한",
                        "과매도",
                        "oversold",
                        "under",
                        "below",
                        "밑",
                        "buy at",
                        "buy below",
                        "매수 기준",
                        "이하",
                        "entry threshold",
                        "entry level",
                        "down through",
                        "enter when",
                        "enter at",
                        "entry at",
                        "entry of",
                        "<",
                        "enter below",
                        "진입선",
                        "진입 기준",
                        "매수선",
                        "buy level",
                        "buy line",
                    ],
                ),
                (
                    "upper",
                    &[
                        "upper",
                        "상단",
                        "상한",
                        "과매수",
                        "overbought",
                        "over",
                        "above",
                        "sell at",
                        "sell above",
                        "매도 기준",
                        "매도기준",
                        "exit threshold",
                        "exit level",
                        "up through",
                        "exit when",
                        "exit at",
                        ">",
                        "exit above",
                        "청산선",
                        "청산 기준",
                        "매도선",
                        "sell level",
                        "sell line",
                        "넘",
                        "이상",
                        "위에서",
                        "위 ",
                    ],
                ),
            ];
            for m in nums.iter().filter(|m| m.unit != Unit::Sigma) {
                let b = before(lower, m.span.start, 6);
                let value = m.value;
                let a12 = after_words(lower, m.span.end, 12).trim_start();
                // Korean level words follow their number ("30 하회 매수"); English ones come before
                // the next number ("14 buy under 25") and label that one instead
                let next_number_follows = after(lower, m.span.end, 16).chars().any(|c| c.is_ascii_digit());
                let english_level = has(a12, &["under", "below", "over", "above", "buy", "sell"]);
                let level_after = a12.starts_with('/')
                    || has(a12, &["하회", "상회", "밑", "아래", "이하", "이상", "넘", "매수", "매도"])
                    || (english_level && !next_number_follows);
                let in_parens = before(lower, m.span.start, 4).ends_with("rsi(");
                // a Korean level word right after the number: "5 밑이면 매수 95 위면 매도"
                let next = after(lower, m.span.end, 12).trim_start();
                let korean_level = if ["밑", "아래", "이하", "미만", "하회", "하향"].iter().any(|w| next.starts_with(w))
                {
                    Some("lower")
                } else if ["위", "이상", "초과", "상회", "상향", "넘"].iter().any(|w| next.starts_with(w)) {
                    Some("upper")
                } else {
                    None
                };
                let name = if let Some(n) = touching_label(lower, m, NAMES) {
                    Some(n)
                } else if let Some(n) = korean_level {
                    Some(n)
                } else if m.unit == Unit::Days
                    || in_parens
                    || (!level_after && (b.trim_end().ends_with("rsi") || b.trim_end().ends_with("rsi(")))
                    || after(lower, m.span.end, 8).trim_start().starts_with("period")
                    || after(lower, m.span.end, 8).trim_start().starts_with("-period")
                {
                    Some("period")
                } else {
                    label(lower, m, NAMES).or_else(|| {
                        let a = after_words(lower, m.span.end, 12);
                        if has(a, &["과매도"]) {
                            Some("lower")
                        } else if has(a, &["과매수"]) {
                            Some("upper")
                        } else if has(a, &["하회", "밑", "아래", "이하", "매수", "buy"]) {
                            Some("lower")
                        } else if has(a, &["상회", "위", "이상", "넘", "매도", "sell"]) {
                            Some("upper")
                        } else {
                            None
                        }
                    })
                };
                if let Some(n) = name {
                    if n == "period" && !is_int(value) {
                        continue;
                    }
                    // "30 아래로 갔다가 다시 30 위로": one level, not two
                    if n != "period" && p.iter().any(|(k, v)| k != "period" && k != n && *v == value) {
                        continue;
                    }
                    p.entry(n.to_string()).or_insert(value);
                }
            }
            // "rsi2", "rsi14": the period glued to the name
            if !p.contains_key("period") {
                if let Some(i) = lower.find("rsi") {
                    let digits: String = lower[i + 3..].chars().take_while(char::is_ascii_digit).collect();
                    let glued_end = lower[i + 3 + digits.len()..].chars().next();
                    if let (Ok(n), false) =
                        (digits.parse::<u32>(), glued_end.is_some_and(|c| c.is_ascii_alphanumeric()))
                    {
                        if (1..=500).contains(&n) {
                            p.insert("period".into(), f64::from(n));
                        }
                    }
                }
            }
            // unlabelled levels: a pair is lower/upper, three numbers are period/lower/upper
            let rest: Vec<f64> = nums
                .iter()
                .filter(|m| m.unit == Unit::Plain && !p.values().any(|v| *v == m.value))
                .map(|m| m.value)
                .collect();
            match rest.as_slice() {
                [a, b, c] if !p.contains_key("period") => {
                    p.insert("period".into(), *a);
                    p.insert("lower".into(), b.min(*c));
                    p.insert("upper".into(), b.max(*c));
                }
                [a, b] if !p.contains_key("lower") && !p.contains_key("upper") => {
                    p.insert("lower".into(), a.min(*b));
                    p.insert("upper".into(), a.max(*b));
                }
                [a] if !p.contains_key("lower")
                    && !p.contains_key("upper")
                    && *a < 50.0
                    && p.contains_key("period") =>
                {
                    p.insert("lower".into(), *a);
                }
                [a] if !p.contains_key("period") && p.contains_key("lower") && p.contains_key("upper") => {
                    p.insert("period".into(), *a);
                }
                // the other level of a labelled one: "entry 28 … exit at 72"
                [a] if !p.contains_key("lower") && p.get("upper").is_some_and(|u| a < u) => {
                    p.insert("lower".into(), *a);
                }
                [a] if !p.contains_key("upper") && p.get("lower").is_some_and(|l| a > l) && *a <= 100.0 => {
                    p.insert("upper".into(), *a);
                }
                _ => {}
            }
        }
        Kind::BollingerBreakout | Kind::BollingerReversion => {
            const NAMES: &[(&str, &[&str])] = &[
                ("period", &["기간", "period", "window", "length", "lookback", "days"]),
                ("k", &["시그마", "sigma", "σ", "표준편차", "std", "sd", "k", "승수", "multiplier", "width", "폭"]),
            ];
            for m in nums {
                let b = before(lower, m.span.start, 10);
                let a = after(lower, m.span.end, 10).trim_start();
                if let Some(n) = touching_label(lower, m, NAMES) {
                    if n == "k" || is_int(m.value) {
                        p.entry(n.to_string()).or_insert(m.value);
                        continue;
                    }
                }
                if m.unit == Unit::Sigma
                    || m.unit == Unit::Multiple
                    || b.trim_end().ends_with("k=")
                    || b.trim_end().ends_with("k =")
                    || b.trim_end().ends_with(" k")
                    || a.starts_with("std")
                    || a.starts_with("standard dev")
                    || a.starts_with("sd")
                    || a.starts_with("표준편차")
                {
                    p.entry("k".to_string()).or_insert(m.value);
                } else if m.unit == Unit::Days || is_int(m.value) && m.value > 5.0 {
                    p.entry("period".to_string()).or_insert(m.value);
                } else if m.value <= 5.0 {
                    p.entry("k".to_string()).or_insert(m.value);
                }
            }
        }
        Kind::MacdCross => {
            const NAMES: &[(&str, &[&str])] = &[
                ("fast", &["fast", "빠른", "단기", "short"]),
                ("slow", &["slow", "느린", "장기", "long"]),
                ("signal", &["signal", "시그널"]),
            ];
            // "12/26/9", "(8, 17, 9)", "12-26-9": positional
            let ints: Vec<&&Mention> = nums.iter().filter(|m| is_int(m.value)).collect();
            let joined = |a: &Mention, b: &Mention| {
                lower
                    .get(a.span.end..b.span.start)
                    .is_some_and(|g| g.len() <= 3 && g.chars().all(|c| matches!(c, ',' | '/' | '-' | ' ')))
            };
            if let [a, b, c] = ints.as_slice() {
                if joined(a, b) && joined(b, c) {
                    for (n, m) in ["fast", "slow", "signal"].iter().zip([a, b, c]) {
                        p.insert((*n).to_string(), m.value);
                    }
                    return p;
                }
            }
            let mut unlabelled = Vec::new();
            for m in nums.iter().filter(|m| is_int(m.value)) {
                match label(lower, m, NAMES) {
                    Some(n) => {
                        p.entry(n.to_string()).or_insert(m.value);
                    }
                    None => unlabelled.push(m.value),
                }
            }
            if p.is_empty() && unlabelled.len() == 3 {
                for (n, v) in ["fast", "slow", "signal"].iter().zip(&unlabelled) {
                    p.insert((*n).to_string(), *v);
                }
            }
        }
        Kind::BuyAndHold => {}
    }
    p
}

/// Commission from "수수료 0.015%", "2bps", "fees 0.05%", "수수료율 0.00015", "no commission".
fn commission(lower: &str, mentions: &[Mention]) -> (Option<f64>, Vec<Range<usize>>) {
    const COST: &[&str] = &["수수료", "comm", "fee", "cost", "비용", "per trade", "거래당", "매매당", "round trip"];
    let mut used = Vec::new();
    for m in mentions {
        let near = has(before(lower, m.span.start, 32), COST) || has(after(lower, m.span.end, 16), COST);
        let shown = &lower[m.span.clone()];
        let bp = m.unit == Unit::Points && (shown.contains("bp") || shown.contains("basis"));
        let value = match m.unit {
            Unit::Percent if near => Some(m.value / 100.0),
            Unit::Points if bp => Some(m.value / 100.0),
            Unit::Plain if near && m.value < 0.01 => Some(m.value),
            _ => None,
        };
        if let Some(v) = value {
            used.push(m.span.clone());
            return (Some((v * 1e8).round() / 1e8), used);
        }
    }
    // "half a percent", "a tenth of a percent", "a quarter percent"
    for (words, v) in [
        (&["half a percent", "half percent", "half of a percent", "half of one percent"][..], 0.005),
        (&["tenth of a percent", "tenth of one percent", "tenth percent"][..], 0.001),
        (&["quarter of a percent", "quarter percent", "quarter of one percent"][..], 0.0025),
    ] {
        if has(lower, words) && has(lower, COST) {
            return (Some(v), used);
        }
    }
    if has(
        lower,
        &[
            "수수료 없이",
            "수수료없이",
            "수수료 0",
            "무수수료",
            "no commission",
            "zero commission",
            "commission-free",
            "commission free",
            "no fees",
            "without fees",
            "without commission",
            "zero fees",
        ],
    ) {
        return (Some(0.0), used);
    }
    (None, used)
}

fn hangul_number(s: &str) -> Option<(f64, usize)> {
    // 천오백만원, 오천만원, 일억, 천만원: Sino-Korean numerals before 원
    let digits = |c: char| -> Option<f64> {
        Some(match c {
            '일' => 1.0,
            '이' => 2.0,
            '삼' => 3.0,
            '사' => 4.0,
            '오' => 5.0,
            '육' => 6.0,
            '칠' => 7.0,
            '팔' => 8.0,
            '구' => 9.0,
            _ => return None,
        })
    };
    let mut total = 0.0;
    let mut section = 0.0;
    let mut digit: Option<f64> = None;
    let mut len = 0;
    let mut any_unit = false;
    for c in s.chars() {
        if let Some(d) = digits(c) {
            digit = Some(d);
        } else {
            let unit = match c {
                '십' => 10.0,
                '백' => 100.0,
                '천' => 1000.0,
                '만' | '억' => {
                    let scale = if c == '만' { 1e4 } else { 1e8 };
                    section += digit.take().unwrap_or(0.0);
                    total += section.max(1.0) * scale;
                    section = 0.0;
                    len += c.len_utf8();
                    any_unit = true;
                    continue;
                }
                _ => break,
            };
            section += digit.take().unwrap_or(1.0) * unit;
            any_unit = true;
        }
        len += c.len_utf8();
    }
    total += section + digit.unwrap_or(0.0);
    (any_unit && total > 0.0).then_some((total, len))
}

fn initial_cash(
    text: &str,
    lower: &str,
    mentions: &[Mention],
    skip: &[Range<usize>],
) -> (Option<f64>, Option<Range<usize>>) {
    for m in mentions {
        if skip.iter().any(|r| overlaps(r, &m.span)) {
            continue;
        }
        if m.unit == Unit::Money {
            return (Some(m.value), Some(m.span.clone()));
        }
        // "initial cash 15,000,000": a plain amount named as cash
        let cash_word = has(
            before(lower, m.span.start, 24),
            &[
                "initial cash",
                "starting capital",
                "capital of",
                "cash of",
                "초기 자본",
                "초기자본",
                "초기 자금",
                "원금",
                "시드",
            ],
        );
        if m.unit == Unit::Plain && cash_word && m.value >= 1000.0 {
            return (Some(m.value), Some(m.span.clone()));
        }
        // "10k", "100k" with no currency sign
        if m.unit == Unit::Plain {
            let rest = &text[m.span.end..];
            let mult = if rest.starts_with(['k', 'K']) {
                1e3
            } else if rest.starts_with('M') {
                1e6
            } else {
                0.0
            };
            if mult > 0.0 && !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                return (Some(m.value * mult), Some(m.span.start..m.span.end + 1));
            }
            // "50 grand"
            let spaced = rest.trim_start();
            if starts_word_ascii(&spaced.to_ascii_lowercase(), "grand") {
                let end = m.span.end + (rest.len() - spaced.len()) + "grand".len();
                return (Some(m.value * 1e3), Some(m.span.start..end));
            }
        }
    }
    // Hangul numerals: 천오백만원, 오천만 원
    for (i, _) in text.char_indices() {
        if let Some((v, len)) = hangul_number(&text[i..]) {
            let tail = text[i + len..].trim_start();
            let prev = text[..i].chars().next_back();
            if (tail.starts_with('원') || tail.starts_with("달러")) && prev.is_none_or(|c| c < '\u{AC00}') && v >= 1e4
            {
                return (Some(v), Some(i..i + len));
            }
        }
    }
    (None, None)
}

fn last_day(y: i32, m: Month) -> Option<Date> {
    Date::from_calendar_date(y, m, time::util::days_in_month(m, y)).ok()
}

fn month_of(n: u8) -> Option<Month> {
    Month::try_from(n).ok()
}

/// A date mention as the start or the end of a period (years and months widen to their span).
fn bound(m: &Mention, end: bool, lower: &str) -> Option<Date> {
    let Unit::Date { month, day } = m.unit else { return None };
    let y = m.value as i32;
    let after_text = after(lower, m.span.end, 12);
    let before_text = before(lower, m.span.start, 8);
    let before_far = before(lower, m.span.start, 20);
    // halves and quarters next to a year
    let half = if has(after_text, &["상반기", " h1", "h1"])
        || before_text.contains("h1")
        || has(before_far, &["first half of", "1st half of", "front half of"])
    {
        Some(1)
    } else if has(after_text, &["하반기", " h2", "h2"])
        || before_text.contains("h2")
        || has(before_far, &["second half of", "2nd half of", "back half of", "latter half of"])
    {
        Some(2)
    } else {
        None
    };
    // the scanner's own "Q2 2018", "3Q21", "1H23", "H2 2020"
    let own = lower.get(m.span.clone()).unwrap_or("");
    let marked = |letter: char, n: u8| {
        let d = char::from(b'0' + n);
        own.contains(&format!("{letter}{d}")) || own.starts_with(&format!("{d}{letter}"))
    };
    let own_half = if own.contains("상반기") {
        Some(1)
    } else if own.contains("하반기") {
        Some(2)
    } else {
        (1..=2).find(|h| marked('h', *h))
    };
    let half = own_half.or(half);
    let quarter = (1..=4u8)
        .find(|q| marked('q', *q) || own.contains(&format!("{q}분기")) || own.contains(&format!("{q} 분기")))
        .map(|q| usize::from(q - 1))
        .or_else(|| {
            ["q1", "q2", "q3", "q4"]
                .iter()
                .position(|q| before_text.trim_end().ends_with(q) || after_text.trim_start().starts_with(q))
        })
        .or_else(|| ["1분기", "2분기", "3분기", "4분기"].iter().position(|q| after_text.trim_start().starts_with(q)));
    match (month, day) {
        (Some(mo), Some(d)) => Date::from_calendar_date(y, month_of(mo)?, d).ok(),
        (Some(mo), None) => {
            let mo = month_of(mo)?;
            if end {
                last_day(y, mo)
            } else {
                Date::from_calendar_date(y, mo, 1).ok()
            }
        }
        _ => {
            let (first, last) = if let Some(q) = quarter {
                let q = q as u8;
                (month_of(q * 3 + 1)?, month_of(q * 3 + 3)?)
            } else if let Some(h) = half {
                if h == 1 {
                    (Month::January, Month::June)
                } else {
                    (Month::July, Month::December)
                }
            } else {
                (Month::January, Month::December)
            };
            if end {
                last_day(y, last)
            } else {
                Date::from_calendar_date(y, first, 1).ok()
            }
        }
    }
}

/// Spelled-out amounts of several words: "two hundred fifty thousand dollars".
fn spelled_money(text: &str) -> Vec<Mention> {
    static MONEY: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = crate::numbers::re(
        &MONEY,
        r"(?i)\b((?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ]|\s+and\s+)?)+)\s*(thousand|million|grand)(?:\s+(dollars|won|krw|bucks))?\b",
    );
    let mut out = Vec::new();
    static HALF: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let half = crate::numbers::re(&HALF, r"(?i)\bhalf a (million|thousand)(?:\s+(?:dollars|won|krw|bucks))?\b");
    for c in half.captures_iter(text) {
        let (Some(all), Some(scale)) = (c.get(0), c.get(1)) else { continue };
        let mult = if scale.as_str().eq_ignore_ascii_case("million") { 1e6 } else { 1e3 };
        out.push(Mention {
            text: all.as_str().to_string(),
            span: all.range(),
            value: 0.5 * mult,
            half: 0.05 * mult,
            sign: None,
            approx: false,
            unit: Unit::Money,
        });
    }
    for c in re.captures_iter(text) {
        let (Some(all), Some(words), Some(scale)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        if out.iter().any(|m| m.span.start < all.end() && all.start() < m.span.end) {
            continue;
        }
        let cleaned = words.as_str().to_ascii_lowercase().replace(" and ", " ");
        let Some(v) = crate::numbers::word_value(cleaned.trim()) else { continue };
        let mult = if scale.as_str().eq_ignore_ascii_case("million") { 1e6 } else { 1e3 };
        // "ten thousand" alone is a number; with a currency or "grand" it is cash
        let cashlike = c.get(3).is_some() || scale.as_str().eq_ignore_ascii_case("grand");
        if !cashlike {
            continue;
        }
        out.push(Mention {
            text: all.as_str().to_string(),
            span: all.range(),
            value: v * mult,
            half: 0.5 * mult,
            sign: None,
            approx: false,
            unit: Unit::Money,
        });
    }
    out
}

/// Spelled-out numbers the scan leaves (no unit after them): "twenty and sixty day",
/// "ten thousand dollars".
fn spelled_numbers(text: &str, taken: &[Mention]) -> Vec<Mention> {
    static WORDS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let words = crate::numbers::re(
        &WORDS,
        r"(?i)\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|a)((?:[- ]hundred)?)(?:\s+(thousand|million))?(?:\s+(dollars|won|krw|bucks))?\b",
    );
    let mut out = Vec::new();
    for c in words.captures_iter(text) {
        let (Some(all), Some(num)) = (c.get(0), c.get(1)) else { continue };
        if taken.iter().any(|m| m.span.start < all.end() && all.start() < m.span.end) {
            continue;
        }
        let n = num.as_str().to_ascii_lowercase();
        let base = if n == "a" { Some(1.0) } else { crate::numbers::word_value(&n) };
        let Some(mut v) = base else { continue };
        if c.get(2).is_some_and(|h| !h.as_str().is_empty()) {
            v *= 100.0;
        }
        let scale = c.get(3).map(|m| m.as_str().to_ascii_lowercase());
        match scale.as_deref() {
            Some("thousand") => v *= 1e3,
            Some("million") => v *= 1e6,
            _ => {}
        }
        let money = c.get(4).is_some() || scale.is_some();
        // "one" and "a" alone are words, not numbers
        if !money && (n == "a" || n == "one") {
            continue;
        }
        out.push(Mention {
            text: all.as_str().to_string(),
            span: all.range(),
            value: v,
            half: 0.5,
            sign: None,
            approx: false,
            unit: if money { Unit::Money } else { Unit::Plain },
        });
    }
    out
}

/// Periods and multiples said in words: "이십일선" (20-day line), "two-and-a-half sigma".
fn worded_numbers(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for (i, _) in text.char_indices() {
        let prev = text[..i].chars().next_back();
        if prev.is_some_and(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)) {
            continue;
        }
        // the Hangul numeral ends right before the 일 of 일선
        let rest = &text[i..];
        let Some(cut) = rest.find("일선") else { continue };
        let head = &rest[..cut];
        if head.is_empty() || !head.chars().all(|c| "일이삼사오육칠팔구십백".contains(c)) {
            continue;
        }
        let single = |h: &str| -> Option<(f64, usize)> {
            let v = "일이삼사오육칠팔구".chars().position(|c| h == c.to_string())? as f64 + 1.0;
            Some((v, h.len()))
        };
        if let Some((v, len)) = hangul_number(head).or_else(|| single(head)) {
            if len == head.len() {
                let span = i..i + cut + "일선".len();
                out.push(Mention {
                    text: text[span.clone()].to_string(),
                    span,
                    value: v,
                    half: 0.5,
                    sign: None,
                    approx: false,
                    unit: Unit::Days,
                });
            }
        }
    }
    // standalone Sino-Korean numerals: "단기 십 장기 사십", "RSI 기간은 칠일", "이천이십년부터"
    const NUMERALS: &str = "일이삼사오육칠팔구십백천";
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        if !NUMERALS.contains(c) || prev.is_some_and(hangul) {
            k += 1;
            continue;
        }
        let mut e = k;
        while e < chars.len() && NUMERALS.contains(chars[e].1) {
            e += 1;
        }
        let end = chars.get(e).map_or(text.len(), |x| x.0);
        let next = chars.get(e).map(|x| x.1);
        let run = &text[start..end];
        k = e;
        if matches!(next, Some('선' | '만' | '억'))
            || out.iter().any(|m: &Mention| m.span.start <= start && start < m.span.end)
        {
            continue;
        }
        let particle = |c: Option<char>| c.is_none_or(|c| !hangul(c) || "으로에을를이가은는와과도만".contains(c));
        let value_of = |h: &str| {
            hangul_number(h)
                .filter(|(_, len)| *len == h.len())
                .map(|(v, _)| v)
                .or_else(|| "일이삼사오육칠팔구".chars().position(|d| h == d.to_string()).map(|i| i as f64 + 1.0))
        };
        let (value, unit, span_end) = if run.chars().count() >= 2 && run.ends_with('일') && particle(next) {
            match value_of(&run[..run.len() - '일'.len_utf8()]) {
                Some(v) => (v, Unit::Days, end),
                None => continue,
            }
        } else if next == Some('년') {
            match value_of(run) {
                Some(v) if (1900.0..=2100.0).contains(&v) => {
                    (v, Unit::Date { month: None, day: None }, end + '년'.len_utf8())
                }
                _ => continue,
            }
        } else if (run.chars().any(|c| "십백천".contains(c))
            || ["단기", "장기", "기간", "하단", "상단", "빠른선", "느린선", "시그널", "기간은", "기간을"]
                .iter()
                .any(|w| text[..start].trim_end().trim_end_matches(',').ends_with(w)))
            && particle(next)
        {
            match value_of(run) {
                Some(v) => (v, Unit::Plain, end),
                None => continue,
            }
        } else {
            continue;
        };
        out.push(Mention {
            text: text[start..span_end].to_string(),
            span: start..span_end,
            value,
            half: 0.5,
            sign: None,
            approx: false,
            unit,
        });
    }
    // native Korean numbers: "기간 아홉으로", "열다섯일", "스물", "여든", "열아홉", "예순"
    let mut i = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) || text[..i].chars().next_back().is_some_and(hangul) {
            i += 1;
            continue;
        }
        let rest = &text[i..];
        let (tens, tlen) =
            NATIVE_TENS.iter().find(|(w, _)| rest.starts_with(w)).map_or((0.0, 0), |(w, v)| (*v, w.len()));
        let (unit, ulen) =
            NATIVE_ONES.iter().find(|(w, _)| rest[tlen..].starts_with(w)).map_or((0.0, 0), |(w, v)| (*v, w.len()));
        let len = tlen + ulen;
        let next = rest[len..].chars().next();
        let standalone = next.is_none_or(|c| !hangul(c) || "으로에을를이가은는와과도만일".contains(c));
        // "열" alone is also "open"/"column": only with a unit after it or a label before it
        let lone_ten = ulen == 0 && tens == 10.0;
        let labelled = ["기간", "단기", "장기", "하단", "상단", "빠른선", "느린선", "시그널", "과매도", "과매수"]
            .iter()
            .any(|w| text[..i].trim_end().trim_end_matches([',', '은', '는']).ends_with(w));
        if len == 0
            || !standalone
            || (lone_ten && !labelled && next != Some('일'))
            || out.iter().any(|m: &Mention| m.span.start < i + len && i < m.span.end)
        {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        out.push(Mention {
            text: rest[..len].to_string(),
            span: i..i + len,
            value: tens + unit,
            half: 0.5,
            sign: None,
            approx: false,
            unit: Unit::Plain,
        });
        i += len;
    }
    static HALF: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let half = crate::numbers::re(
        &HALF,
        r"(?i)\b(one|two|three|four)[- ]and[- ]a[- ]half\b[- ]?(sigma|standard deviations?|std|σ|days?)?",
    );
    for c in half.captures_iter(text) {
        let (Some(all), Some(n)) = (c.get(0), c.get(1)) else { continue };
        let Some(v) = crate::numbers::word_value(n.as_str()) else { continue };
        let unit = match c.get(2).map(|u| u.as_str().to_ascii_lowercase()) {
            Some(u) if u.starts_with("day") => Unit::Days,
            _ => Unit::Sigma,
        };
        out.push(Mention {
            text: all.as_str().to_string(),
            span: all.range(),
            value: v + 0.5,
            half: 0.05,
            sign: None,
            approx: false,
            unit,
        });
    }
    out
}

/// Where a request tells what it tried before ("지난번엔 5/20으로 돌렸는데 …. 이번엔 …",
/// "RSI 14일로 해봤더니 …"): numbers up to the end of that sentence are not this request's.
fn earlier_attempt_end(lower: &str) -> Option<usize> {
    const PAST: &[&str] = &[
        "지난번",
        "저번",
        "예전에",
        "전에는",
        "해봤더니",
        "했더니",
        "돌렸는데",
        "돌려봤는데",
        "해봤는데",
        "last time",
        "previously",
        "i tried",
        "we tried",
        "i ran",
        "used to",
    ];
    let at = PAST.iter().filter_map(|w| lower.find(w).map(|i| i + w.len())).min()?;
    let end = lower[at..].find(['.', '!', '?', '\n']).map(|i| at + i)?;
    Some(end)
}

/// Two-digit years: '18, ’22.
fn short_years(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if c != '\'' && c != '’' {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 2 && !rest[2..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            let yy: i32 = digits.parse().unwrap_or(0);
            let y = if yy <= 50 { 2000 + yy } else { 1900 + yy };
            let span = i..i + c.len_utf8() + 2;
            out.push(Mention {
                text: text[span.clone()].to_string(),
                span,
                value: f64::from(y),
                half: 0.0,
                sign: None,
                approx: false,
                unit: Unit::Date { month: None, day: None },
            });
        }
    }
    out
}

/// Years said in words: "two thousand (and) ten", "twenty eleven", "nineteen ninety-five",
/// "이천십팔 년". An English one counts only next to a period word (from, since, through, to,
/// in, …) or before another, so "twenty twenty" as two windows stays numbers.
fn spoken_years(text: &str) -> Vec<Mention> {
    static EN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    const UNIT: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine";
    let en = crate::numbers::re(
        &EN,
        &format!(
            r"(?i)\b(?:two thousand(?:(?:\s+and)?\s+({UNIT}))?|(twenty|nineteen)[\s-]+(oh[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)|{UNIT}))\b"
        ),
    );
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut found: Vec<(f64, Range<usize>)> = Vec::new();
    for c in en.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let year = if let Some(century) = c.get(2) {
            let tail = c.get(3).map_or("", |m| m.as_str()).to_ascii_lowercase();
            let v = match tail.strip_prefix("oh") {
                Some(rest) => crate::numbers::word_value(rest.trim_start_matches([' ', '-'])),
                None => crate::numbers::word_value(&tail).filter(|v| *v >= 10.0),
            };
            let Some(v) = v else { continue };
            let base = if century.as_str().eq_ignore_ascii_case("twenty") { 2000.0 } else { 1900.0 };
            base + v
        } else {
            let Some(v) = c.get(1).map_or(Some(0.0), |m| crate::numbers::word_value(m.as_str())) else { continue };
            2000.0 + v
        };
        let after = lower[all.end()..].trim_start();
        if ["dollar", "buck", "won", "usd", "krw", "shares", "day", "-day"].iter().any(|w| after.starts_with(w)) {
            continue;
        }
        found.push((year, all.range()));
    }
    let near = |r: &Range<usize>| {
        let b = before_words(&lower, r.start, 16);
        has_word(
            b,
            &[
                "from",
                "since",
                "through",
                "thru",
                "to",
                "until",
                "till",
                "in",
                "starting",
                "start",
                "beginning",
                "between",
                "of",
                "and",
                "year",
                "years",
                "back",
            ],
        ) || has_word(after_words(&lower, r.end, 10), &["onward", "onwards", "through", "to", "until", "till"])
    };
    for (i, (year, r)) in found.iter().enumerate() {
        let paired = found.get(i + 1).is_some_and(|(_, n)| n.start.saturating_sub(r.end) <= 12)
            || i.checked_sub(1).and_then(|j| found.get(j)).is_some_and(|(_, p)| r.start.saturating_sub(p.end) <= 12);
        if near(r) || paired {
            out.push(year_mention(text, r.clone(), *year));
        }
    }
    // 이천십팔 년, 천구백구십오년
    for (i, _) in text.char_indices() {
        if text[..i].chars().next_back().is_some_and(|c| "일이삼사오육칠팔구십백천".contains(c)) {
            continue;
        }
        let rest = &text[i..];
        if !rest.starts_with(['이', '천']) {
            continue;
        }
        let Some((v, len)) = hangul_number(rest) else { continue };
        let tail = &rest[len..];
        let gap = tail.len() - tail.trim_start_matches(' ').len();
        if (1900.0..=2100.0).contains(&v) && tail[gap..].starts_with('년') {
            out.push(year_mention(text, i..i + len + gap + '년'.len_utf8(), v));
        }
    }
    out
}

fn year_mention(text: &str, span: Range<usize>, year: f64) -> Mention {
    Mention {
        text: text[span.clone()].to_string(),
        span,
        value: year,
        half: 0.0,
        sign: None,
        approx: false,
        unit: Unit::Date { month: None, day: None },
    }
}

/// Korean decimals said in words: "이 점 오" (2.5), "일점오" (1.5).
fn spoken_decimals(text: &str) -> Vec<Mention> {
    let digit = |c: char| "영일이삼사오육칠팔구".chars().position(|d| d == c);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let Some(whole) = digit(c) else { continue };
        if k > 0 && ('\u{AC00}'..='\u{D7A3}').contains(&chars[k - 1].1) {
            continue;
        }
        // digit, optional space, 점, optional space, digit, then not Hangul
        let mut j = k + 1;
        let skip_space = |j: &mut usize| {
            while chars.get(*j).is_some_and(|p| p.1 == ' ') {
                *j += 1;
            }
        };
        skip_space(&mut j);
        if chars.get(j).map(|p| p.1) != Some('점') {
            continue;
        }
        j += 1;
        skip_space(&mut j);
        let Some(frac) = chars.get(j).and_then(|p| digit(p.1)) else { continue };
        let end = chars.get(j + 1).map_or(text.len(), |p| p.0);
        if chars.get(j + 1).is_some_and(|p| ('\u{AC00}'..='\u{D7A3}').contains(&p.1) && !"으로로".contains(p.1)) {
            continue;
        }
        out.push(Mention {
            text: text[i..end].to_string(),
            span: i..end,
            value: whole as f64 + frac as f64 / 10.0,
            half: 0.05,
            sign: None,
            approx: false,
            unit: Unit::Plain,
        });
    }
    out
}

fn period(lower: &str, dates: &[&Mention], hold: bool) -> (Option<Date>, Option<Date>) {
    match dates {
        [] => (None, None),
        [one] => {
            let b = before(lower, one.span.start, 24);
            let a = after(lower, one.span.end, 16);
            let relative_end = has(
                lower,
                &["지금까지", "현재까지", "오늘까지", "to date", "until now", "till now", "to now", "today"],
            );
            // "2015-" with nothing after the dash: an open end
            let next_year = {
                let t = a.strip_prefix('-').unwrap_or("").trim_start();
                let digits = t.chars().take_while(char::is_ascii_digit).count();
                digits == 4 || (digits == 2 && !t[2..].starts_with(|c: char| c.is_ascii_alphabetic()))
            };
            let open_dash = a.starts_with('-') && !next_year;
            let clause = {
                let rest = &lower[one.span.end..];
                &rest[..rest.find([',', '.', '?', '!', '\n']).unwrap_or(rest.len())]
            };
            let from = (has(a, &["부터", "이후", "~", "초", " 초"]) && !has(a, &["까지"]))
                || (has(clause, &["때부터", "부터"]) && !has(clause, &["까지"]))
                || open_dash
                || has_word(a, &["onward", "onwards"])
                || has_word(
                    before(lower, one.span.start, 36),
                    &["since", "from", "start", "starting", "after", "beginning"],
                )
                || has_word(before(lower, one.span.start, 12), &["bought", "buy"])
                || has(b, &["매수"]);
            let b_near = before(lower, one.span.start, 12);
            let to = has(a, &["까지", "말까지"])
                || has_word(b_near, &["through", "until", "till", "to", "by", "thru"])
                || has(b, &["up to", "end of", "until the end"]);
            let exact_day = matches!(one.unit, Unit::Date { day: Some(_), .. });
            let month_only = matches!(one.unit, Unit::Date { month: Some(_), day: None });
            let part_of_year =
                has(a, &["상반기", "하반기", "h1", "h2", "분기"]) || has(b, &["q1", "q2", "q3", "q4", "h1", "h2"]);
            if to && !from {
                (None, bound(one, true, lower))
            } else if from || relative_end || exact_day || (hold && month_only && !part_of_year) {
                (bound(one, false, lower), None)
            } else {
                (bound(one, false, lower), bound(one, true, lower))
            }
        }
        [first, .., last] => {
            // several dates ("상장이 2021년 8월이니까 2021년 8월 10일부터 2023년 말까지"): the ones
            // marked as start and end, else the first and the last
            let starts = |d: &&&Mention| {
                let a = after(lower, d.span.end, 12);
                has(a, &["부터", "이후"]) || has_word(before(lower, d.span.start, 10), &["from", "since", "between"])
            };
            let ends = |d: &&&Mention| {
                let a = after(lower, d.span.end, 12);
                has(a, &["까지"]) || has_word(before(lower, d.span.start, 10), &["to", "through", "until", "and"])
            };
            let s = dates.iter().find(starts).unwrap_or(first);
            // an end comes after the start ("buy and hold 1995-2024": "and" belongs to the rule)
            let e = dates.iter().rev().filter(|d| d.span.start > s.span.start).find(ends).unwrap_or(last);
            (bound(s, false, lower), bound(e, true, lower))
        }
    }
}

/// Words that are also US tickers but mean themselves in a request.
const NOT_TICKERS: &[&str] = &[
    "a", "an", "on", "it", "all", "are", "for", "and", "the", "low", "key", "now", "big", "run", "win", "cost", "bb",
    "ma", "rsi", "ema", "sma", "macd", "k", "std", "day", "days", "fast", "slow", "long", "short", "buy", "sell",
    "hold", "once", "when", "with", "from", "to", "in", "at", "by", "my", "me", "you", "u", "can", "do", "see", "go",
    "up", "out", "new", "one", "two", "etf", "has", "was", "be", "any", "so", "or", "if", "of", "per", "pe", "fee",
    "fees", "cash", "bar", "bars", "max", "min", "top", "gap", "well", "very", "just", "over", "under", "back", "band",
    "bands", "line", "cross", "then", "than", "that", "this", "some", "more", "most", "best", "real", "free", "open",
    "high", "peak", "next", "last", "time", "turn", "plus", "good", "fun", "car", "eye", "air", "hour", "w", "i", "x",
    "ok", "pm", "am", "vs", "usd", "krw", "won", "dip", "dips", "yes", "no", "not", "way", "use", "tech", "play",
    "love", "life", "nice", "safe", "sure", "true", "data", "test",
];

/// A lower-case US ticker ("the qqq", "on amzn") when the request names no instrument otherwise.
fn lowercase_ticker(lexicon: &Lexicon, text: &str) -> Option<(String, Range<usize>)> {
    let lower = text.to_ascii_lowercase();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_ascii_lowercase() {
            start.get_or_insert(i);
            continue;
        }
        let Some(s) = start.take() else { continue };
        if c.is_ascii_alphanumeric() || text[..s].ends_with(|p: char| p.is_ascii_alphanumeric()) {
            continue;
        }
        let word = &text[s..i];
        // a one-word company name kept exact-case in the lexicon ("Intel"), written in lower
        // case after "on"/"for"
        let after_on = ["on ", "for ", "with ", "of "].iter().any(|w| lower[..s].ends_with(w));
        if after_on && word.len() >= 4 {
            let named = lexicon.entries().iter().find(|e| {
                e.kind == EntityKind::Instrument && e.en.eq_ignore_ascii_case(word) && e.id.starts_with("US:")
            });
            if let Some(t) = named.and_then(|e| e.ticker.as_ref()) {
                return Some((t.0.clone(), s..i));
            }
        }
        if !(2..=5).contains(&word.len()) || NOT_TICKERS.contains(&word) {
            continue;
        }
        let ids = lexicon.instruments_of(word);
        if let [one] = ids.as_slice() {
            if let Some(t) = one.strip_prefix("US:") {
                return Some((t.to_string(), s..i));
            }
        }
    }
    // a ticker spelled out letter by letter: "s p y", "q q q"
    let words: Vec<(usize, &str)> = lower
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let mut k = 0;
    while k < words.len() {
        let run =
            words[k..].iter().take_while(|(_, w)| w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic())).count();
        if (2..=5).contains(&run) {
            let joined: String = words[k..k + run].iter().map(|(_, w)| *w).collect();
            if let [one] = lexicon.instruments_of(&joined.to_ascii_uppercase()).as_slice() {
                if let Some(t) = one.strip_prefix("US:") {
                    let (s, last) = (words[k].0, words[k + run - 1]);
                    return Some((t.to_string(), s..last.0 + last.1.len()));
                }
            }
        }
        k += run.max(1);
    }
    None
}

/// Whether two tickers are listings of the same company (GOOG and GOOGL).
fn twins(lexicon: &Lexicon, a: &str, b: &str) -> bool {
    lexicon.instruments_of(a).iter().any(|id| {
        lexicon.entry(EntityKind::Instrument, id).is_some_and(|e| {
            e.related.iter().any(|r| r.split_once(':').map_or(r.as_str(), |(_, t)| t).eq_ignore_ascii_case(b))
        })
    })
}

/// Parses one request. `lexicon` supplies instruments and strategy behaviour words.
pub fn parse(lexicon: &Lexicon, text: &str) -> Parsed {
    parse_in(lexicon, text, None)
}

/// Parses a follow-up message of a conversation whose strategy is `kind` already: a message
/// that names no rule ("구글로, 2020년부터") adds its symbol, period, costs and parameters.
pub fn parse_followup(lexicon: &Lexicon, text: &str, kind: Kind) -> Parsed {
    parse_in(lexicon, text, Some(kind))
}

fn parse_in(lexicon: &Lexicon, text: &str, current: Option<Kind>) -> Parsed {
    let korean = text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
    let lower = text.to_ascii_lowercase();
    let rec = lexicon.recognise(text);
    let mut symbols: Vec<String> = Vec::new();
    let mut name_spans: Vec<Range<usize>> = Vec::new();
    let mut assets = false;
    let mut lexicon_kinds = Vec::new();
    for e in &rec.entities {
        match e.kind {
            EntityKind::Instrument => {
                let sym = e.id.split_once(':').map_or(e.id.as_str(), |(_, t)| t).to_string();
                if !symbols.contains(&sym) {
                    symbols.push(sym);
                }
                name_spans.push(e.span.clone());
            }
            EntityKind::Asset => assets = true,
            EntityKind::Strategy => {
                if let Ok(k) = e.id.parse::<Kind>() {
                    lexicon_kinds.push(k);
                }
            }
            _ => {}
        }
    }
    // "Hi, PM here": a role word that is also a ticker is not a second instrument
    if symbols.len() == 2 {
        let role = |sym: &str| {
            ["PM", "CEO", "CFO", "IT", "HR", "IR", "PR"].contains(&sym)
                && has_word(&lower, &[&sym.to_ascii_lowercase()])
                && has(
                    &lower,
                    &[
                        &format!("{} here", sym.to_ascii_lowercase()),
                        &format!("our {}", sym.to_ascii_lowercase()),
                        &format!("the {}", sym.to_ascii_lowercase()),
                    ],
                )
        };
        if let Some(i) = symbols.iter().position(|s| role(s)) {
            symbols.remove(i);
        }
    }
    // "goog... er, GOOGL": two listings of one company are one instrument, the last named
    if symbols.len() == 2 && twins(lexicon, &symbols[0], &symbols[1]) {
        symbols.remove(0);
    }
    if symbols.is_empty() {
        if let Some((sym, span)) = lowercase_ticker(lexicon, text) {
            symbols.push(sym);
            name_spans.push(span);
        }
    }
    let decline = |reason: Unsupported| {
        let (message, alternative) = reason.explain(korean);
        Parsed::Declined { reason, message: message.to_string(), alternative: alternative.to_string() }
    };
    if let Some(reason) = unsupported(&lower, symbols.len(), assets) {
        return decline(reason);
    }

    // news and "why did it fall": questions about the market, not rules to test
    if has(&lower, &["뉴스", "news", "요약해", "summari", "왜 빠졌", "왜 올랐", "why did", "why is"])
        && !has(&lower, &["backtest", "back test", "백테스트", "돌려", "테스트"])
    {
        return decline(Unsupported::NotAStrategy);
    }
    let f = families(&lower, &lexicon_kinds);
    let ma_only = f.ma && !f.macd && !f.bollinger;
    let named = [f.macd, f.rsi, f.bollinger, ma_only].iter().filter(|b| **b).count();
    if named >= 2 {
        return decline(Unsupported::MultiIndicator);
    }
    let mut confident = true;
    let kind = if f.macd {
        Some(Kind::MacdCross)
    } else if f.rsi {
        Some(Kind::RsiReversion)
    } else if f.bollinger {
        bollinger_side(&lower).or_else(|| {
            confident = false;
            Some(Kind::BollingerBreakout)
        })
    } else if f.ma {
        Some(if f.ema { Kind::EmaCross } else { Kind::SmaCross })
    } else if f.reversion {
        confident = false;
        Some(Kind::RsiReversion)
    } else if f.hold {
        Some(Kind::BuyAndHold)
    } else {
        confident = false;
        lexicon_kinds.first().copied()
    };

    // numbers
    let mut mentions = scan(text);
    mentions.extend(short_years(text));
    let spoken: Vec<Mention> = spoken_years(text).into_iter().chain(spoken_decimals(text)).collect();
    mentions.retain(|m| !spoken.iter().any(|y| overlaps(&y.span, &m.span)));
    mentions.extend(spoken);
    let worded: Vec<Mention> =
        worded_numbers(text).into_iter().filter(|w| !mentions.iter().any(|m| overlaps(&m.span, &w.span))).collect();
    mentions.extend(worded);
    let money_words: Vec<Mention> =
        spelled_money(text).into_iter().filter(|w| !mentions.iter().any(|m| overlaps(&m.span, &w.span))).collect();
    mentions.extend(money_words);
    let spelled = spelled_numbers(text, &mentions);
    mentions.extend(spelled);
    mentions.sort_by_key(|m| m.span.start);
    let mentions: Vec<Mention> =
        mentions.into_iter().filter(|m| !name_spans.iter().any(|r| overlaps(r, &m.span))).collect();
    let (commission, mut used) = commission(&lower, &mentions);
    let (cash, cash_spans) = initial_cash(text, &lower, &mentions, &used);
    used.extend(cash_spans);
    // a month and day with no year (value 0) bounds nothing here
    let dates: Vec<&Mention> =
        mentions.iter().filter(|m| matches!(m.unit, Unit::Date { .. }) && m.value >= 1900.0).collect();
    let (from, to) = period(&lower, &dates, kind == Some(Kind::BuyAndHold));
    let direction = if has(
        &lower,
        &[
            "롱온리",
            "롱 온리",
            "롱만",
            "long only",
            "long-only",
            "no shorting",
            "no shorts",
            "공매도 없이",
            "공매도 금지",
            "매수만",
        ],
    ) {
        Some(Direction::LongOnly)
    } else if has(
        &lower,
        &[
            "공매도",
            "롱숏",
            "롱/숏",
            "롱 숏",
            "양방향",
            "숏 포지션",
            "숏도",
            "숏까지",
            "long-short",
            "long/short",
            "long and short",
            "long & short",
            "long+short",
            "long + short",
            "both sides",
            "both directions",
            "양쪽",
            "숏치",
            "숏 치",
            "뒤집",
            "long short",
            "shorting",
            "short selling",
            "goes short",
            "go short",
            "short side",
            "short positions",
            "allowing short",
            "allow short",
            "shorts allowed",
            "short allowed",
            "allow shorts",
            "shorts too",
            "shorting allowed",
            "shorts ok",
            "can short",
            "with shorts",
        ],
    ) {
        Some(Direction::LongShort)
    } else {
        None
    };

    let kind = kind.or(current);
    let Some(kind) = kind else {
        let strategy_words =
            has(&lower, &["전략", "백테스트", "매매", "strategy", "backtest", "trade", "돌려", "테스트", "test"]);
        if !strategy_words
            || has(
                &lower,
                &[
                    "explain",
                    "what is",
                    "what's",
                    "설명",
                    "뭐야",
                    "뭔가요",
                    "얼마야",
                    "얼마예요",
                    "price of",
                    "quote",
                    "per ",
                    "p/e",
                    "뉴스",
                    "news",
                    "요약",
                    "요약해",
                    "summari",
                    "왜 빠졌",
                    "왜 올랐",
                ],
            )
        {
            return decline(Unsupported::NotAStrategy);
        }
        let q = if korean {
            "어떤 규칙으로 매매할까요? (이동평균 교차, RSI, 볼린저 돌파/회귀, MACD, 매수 후 보유)"
        } else {
            "Which rule should it trade? (SMA/EMA crossover, RSI, Bollinger breakout/reversion, MACD, buy-and-hold)"
        };
        return Parsed::Clarify {
            question: q.to_string(),
            draft: Draft {
                symbol: symbols.first().cloned(),
                direction,
                commission,
                from,
                to,
                initial_cash: cash,
                ..Draft::default()
            },
        };
    };
    if has(
        &lower,
        &[
            "explain",
            "what is a",
            "what's a",
            "설명해",
            "뭐야",
            "뭔가요",
            "뭐예요",
            "뭐에요",
            "무엇인가요",
            "계산식",
            "계산 방법",
            "how is it calculated",
            "is calculated",
            "is computed",
            "how do you calculate",
            "difference between",
            "차이가 뭐",
            "차이점",
            "뭐가 달라",
        ],
    ) && (!has(&lower, &["backtest", "백테스트", "돌려"])
        || has(&lower, &["not a backtest", "not a back test", "no backtest", "백테스트 말고", "백테스트 아니"]))
    {
        return decline(Unsupported::NotAStrategy);
    }
    if symbols.len() > 1 {
        return decline(Unsupported::Pairs);
    }
    let mut skip = used.clone();
    skip.extend(dates.iter().map(|d| d.span.clone()));
    if let Some(end) = earlier_attempt_end(&lower) {
        skip.push(0..end);
    }
    let nums = param_numbers(&lower, &mentions, &skip);
    let defaults = has(&lower, &["default", "기본값", "기본 세팅", "기본 설정"]) && nums.is_empty();
    // window pairs the lexicon saw, unless the request also tells an earlier attempt
    let pairs: &[(u32, u32)] = if earlier_attempt_end(&lower).is_some() { &[] } else { &rec.pairs };
    let params = if defaults { BTreeMap::new() } else { params_for(kind, &lower, &nums, pairs) };
    let symbol = symbols.first().cloned();
    let question = symbol
        .is_none()
        .then(|| if korean { "어느 종목으로 백테스트할까요?" } else { "Which symbol should it trade?" }.to_string());
    Parsed::Draft {
        draft: Draft { kind: Some(kind), params, symbol, direction, commission, from, to, initial_cash: cash },
        confident,
        question,
    }
}
