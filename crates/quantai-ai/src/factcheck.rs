//! The numeric fact check: every number a narrative states must equal a fact, or a number
//! derived from the facts, within half a unit of its last shown digit (within 5 % after 약,
//! about, ~), and must be the fact the text attaches it to.
//!
//! Attribution: the KPI words between the previous number (or the start of the clause) and this
//! one name what it states ("샤프 비율은 0.69"); a KPI word right after it also does ("11.2%
//! CAGR", "31.3% were winners"); with neither, the first KPI word later in the clause does. A
//! number whose unit cannot state the KPI skips that word (the "trades" in "Of the 99 trades
//! only 31.3% …"). A number attached to a KPI must equal that KPI; a number attached to none
//! must equal some fact its unit can state. Signs: a return written without a sign is
//! negative only with a loss word near it (손실, 하락, lost, fell, lagged, …); a drawdown's
//! sign is never checked.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

use crate::facts::{Facts, Kpi};
use crate::numbers::{overlaps, scan, Mention, Unit};

/// Why a number failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// Equals no fact its unit can state.
    Unmatched,
    /// Equals a fact, but not the one the text attaches it to.
    Misattributed,
    /// The magnitude is right, the sign or direction word is not.
    Sign,
    /// Attached to a KPI whose value it does not equal.
    Wrong,
}

/// One number that failed the check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub span: Range<usize>,
    pub text: String,
    pub problem: Problem,
    /// The KPI the text attaches the number to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claimed: Option<&'static str>,
    /// The value the claimed KPI has, in the number's units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<f64>,
}

/// What the check saw.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// Numbers found in the text.
    pub numbers: usize,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.findings.is_empty()
    }
}

const KEYWORDS: &[(&str, Kpi)] = &[
    ("총수익률", Kpi::TotalReturn),
    ("총 수익률", Kpi::TotalReturn),
    ("총수익", Kpi::TotalReturn),
    ("누적 수익률", Kpi::TotalReturn),
    ("누적수익률", Kpi::TotalReturn),
    ("누적", Kpi::TotalReturn),
    ("전략 수익률", Kpi::TotalReturn),
    ("수익률", Kpi::TotalReturn),
    ("수익을", Kpi::TotalReturn),
    ("수익", Kpi::TotalReturn),
    ("total return", Kpi::TotalReturn),
    ("returned", Kpi::TotalReturn),
    ("returning", Kpi::TotalReturn),
    ("return", Kpi::TotalReturn),
    ("gain of", Kpi::TotalReturn),
    ("gained", Kpi::TotalReturn),
    ("gain", Kpi::TotalReturn),
    ("in total", Kpi::TotalReturn),
    ("cumulative", Kpi::TotalReturn),
    ("made", Kpi::TotalReturn),
    ("cagr", Kpi::Cagr),
    ("연환산", Kpi::Cagr),
    ("연평균", Kpi::Cagr),
    ("연복리", Kpi::Cagr),
    ("연 수익률", Kpi::Cagr),
    ("연수익률", Kpi::Cagr),
    ("연 ", Kpi::Cagr),
    ("(연", Kpi::Cagr),
    ("annualised", Kpi::Cagr),
    ("annualized", Kpi::Cagr),
    ("annual", Kpi::Cagr),
    ("a year", Kpi::Cagr),
    ("per year", Kpi::Cagr),
    ("per annum", Kpi::Cagr),
    ("each year", Kpi::Cagr),
    ("yearly", Kpi::Cagr),
    ("포지션 보유", Kpi::Exposure),
    ("고점 대비", Kpi::MaxDrawdown),
    ("고점에서", Kpi::MaxDrawdown),
    ("평가손", Kpi::MaxDrawdown),
    ("from peak", Kpi::MaxDrawdown),
    ("dd ", Kpi::MaxDrawdown),
    ("annualized vol", Kpi::Volatility),
    ("annualised vol", Kpi::Volatility),
    ("vol=", Kpi::Volatility),
    ("vol:", Kpi::Volatility),
    ("vol.", Kpi::Volatility),
    ("return_ann", Kpi::Cagr),
    ("ret.cagr", Kpi::Cagr),
    ("return_total", Kpi::TotalReturn),
    ("ret.total", Kpi::TotalReturn),
    ("ret.bh", Kpi::BuyHoldReturn),
    ("ret.excess", Kpi::ExcessReturn),
    ("buy_hold", Kpi::BuyHoldReturn),
    ("bh ", Kpi::BuyHoldReturn),
    ("bh=", Kpi::BuyHoldReturn),
    ("bh:", Kpi::BuyHoldReturn),
    ("trades.win", Kpi::WinRate),
    ("hit_rate", Kpi::WinRate),
    ("win ", Kpi::WinRate),
    ("shp ", Kpi::Sharpe),
    ("end_equity", Kpi::FinalEquity),
    ("cash.final", Kpi::FinalEquity),
    ("start_cash", Kpi::InitialCash),
    ("cash.initial", Kpi::InitialCash),
    ("shrink to", Kpi::FinalEquity),
    ("shrunk to", Kpi::FinalEquity),
    ("fell to", Kpi::FinalEquity),
    ("stood at", Kpi::FinalEquity),
    ("turned into", Kpi::FinalEquity),
    ("보유 비중", Kpi::Exposure),
    ("hold return", Kpi::BuyHoldReturn),
    ("hold_return", Kpi::BuyHoldReturn),
    ("relative:", Kpi::ExcessReturn),
    ("exit_above", Kpi::Param),
    ("enter_below", Kpi::Param),
    ("lookback", Kpi::Param),
    ("upper:", Kpi::Param),
    ("lower:", Kpi::Param),
    ("upper=", Kpi::Param),
    ("lower=", Kpi::Param),
    ("hold would", Kpi::BuyHoldReturn),
    ("hold was", Kpi::BuyHoldReturn),
    ("owning", Kpi::BuyHoldReturn),
    ("holders", Kpi::BuyHoldReturn),
    ("pf가", Kpi::ProfitFactor),
    ("pf ", Kpi::ProfitFactor),
    ("pf:", Kpi::ProfitFactor),
    ("pf=", Kpi::ProfitFactor),
    ("pf는", Kpi::ProfitFactor),
    ("total /", Kpi::TotalReturn),
    ("보유 수익률", Kpi::BuyHoldReturn),
    ("단순 보유", Kpi::BuyHoldReturn),
    ("단순보유", Kpi::BuyHoldReturn),
    ("매수 후 보유", Kpi::BuyHoldReturn),
    ("보유", Kpi::BuyHoldReturn),
    ("주가는", Kpi::BuyHoldReturn),
    ("주가가", Kpi::BuyHoldReturn),
    ("주가", Kpi::BuyHoldReturn),
    ("종목 자체", Kpi::BuyHoldReturn),
    ("벤치마크", Kpi::BuyHoldReturn),
    ("들고 있었으면", Kpi::BuyHoldReturn),
    ("들고 있었다면", Kpi::BuyHoldReturn),
    ("사서 들고", Kpi::BuyHoldReturn),
    ("존버", Kpi::BuyHoldReturn),
    ("바이앤홀드", Kpi::BuyHoldReturn),
    ("buy-and-hold", Kpi::BuyHoldReturn),
    ("buy and hold", Kpi::BuyHoldReturn),
    ("buy & hold", Kpi::BuyHoldReturn),
    ("buy-&-hold", Kpi::BuyHoldReturn),
    ("b&h", Kpi::BuyHoldReturn),
    ("holding", Kpi::BuyHoldReturn),
    ("itself", Kpi::BuyHoldReturn),
    ("the stock", Kpi::BuyHoldReturn),
    ("the shares", Kpi::BuyHoldReturn),
    ("the etf", Kpi::BuyHoldReturn),
    ("benchmark", Kpi::BuyHoldReturn),
    ("passive", Kpi::BuyHoldReturn),
    ("초과수익", Kpi::ExcessReturn),
    ("초과 수익", Kpi::ExcessReturn),
    ("초과성과", Kpi::ExcessReturn),
    ("초과 성과", Kpi::ExcessReturn),
    ("excess", Kpi::ExcessReturn),
    ("outperform", Kpi::ExcessReturn),
    ("underperform", Kpi::ExcessReturn),
    ("shortfall", Kpi::ExcessReturn),
    ("최대 낙폭", Kpi::MaxDrawdown),
    ("최대낙폭", Kpi::MaxDrawdown),
    ("낙폭", Kpi::MaxDrawdown),
    ("mdd", Kpi::MaxDrawdown),
    ("drawdown", Kpi::MaxDrawdown),
    ("draw-down", Kpi::MaxDrawdown),
    ("peak-to-trough", Kpi::MaxDrawdown),
    ("peak to trough", Kpi::MaxDrawdown),
    ("하락 구간", Kpi::MaxDrawdown),
    ("손실폭", Kpi::MaxDrawdown),
    ("변동성", Kpi::Volatility),
    ("volatility", Kpi::Volatility),
    ("vol ", Kpi::Volatility),
    ("승률", Kpi::WinRate),
    ("win rate", Kpi::WinRate),
    ("win-rate", Kpi::WinRate),
    ("winners", Kpi::WinRate),
    ("winning", Kpi::WinRate),
    ("won", Kpi::WinRate),
    ("hit rate", Kpi::WinRate),
    ("노출", Kpi::Exposure),
    ("exposure", Kpi::Exposure),
    ("exposed", Kpi::Exposure),
    ("in the market", Kpi::Exposure),
    ("invested", Kpi::Exposure),
    ("time in market", Kpi::Exposure),
    ("시장 참여", Kpi::Exposure),
    ("투자 비중", Kpi::Exposure),
    ("샤프", Kpi::Sharpe),
    ("sharpe", Kpi::Sharpe),
    ("소르티노", Kpi::Sortino),
    ("sortino", Kpi::Sortino),
    ("손익비", Kpi::ProfitFactor),
    ("profit factor", Kpi::ProfitFactor),
    ("profit-factor", Kpi::ProfitFactor),
    ("이익 팩터", Kpi::ProfitFactor),
    ("수익 팩터", Kpi::ProfitFactor),
    ("프로핏 팩터", Kpi::ProfitFactor),
    ("거래", Kpi::Trades),
    ("매매", Kpi::Trades),
    ("trades", Kpi::Trades),
    ("traded", Kpi::Trades),
    ("trade", Kpi::Trades),
    ("round trips", Kpi::Trades),
    ("초기 자본", Kpi::InitialCash),
    ("초기자본", Kpi::InitialCash),
    ("초기 투자", Kpi::InitialCash),
    ("원금", Kpi::InitialCash),
    ("starting", Kpi::InitialCash),
    ("initial", Kpi::InitialCash),
    ("started with", Kpi::InitialCash),
    ("stake", Kpi::InitialCash),
    ("최종", Kpi::FinalEquity),
    ("ended at", Kpi::FinalEquity),
    ("ending", Kpi::FinalEquity),
    ("grew to", Kpi::FinalEquity),
    ("became", Kpi::FinalEquity),
    ("final", Kpi::FinalEquity),
    ("순이익", Kpi::NetProfit),
    ("순손익", Kpi::NetProfit),
    ("순수익", Kpi::NetProfit),
    ("수익금", Kpi::NetProfit),
    ("net profit", Kpi::NetProfit),
    ("net gain", Kpi::NetProfit),
    ("net loss", Kpi::NetProfit),
    ("profit of", Kpi::NetProfit),
];

/// KPI words that only introduce the number after them ("grew to $2.3M", "연 6.6%"); the
/// others may also follow their number ("11.2% CAGR", "31.3% were winners").
const PREFIX_ONLY: &[&str] = &[
    "shrink to",
    "shrunk to",
    "fell to",
    "stood at",
    "turned into",
    "grew to",
    "became",
    "ended at",
    "ending",
    "final",
    "최종",
    "started with",
    "starting",
    "initial",
    "stake",
    "returned",
    "returning",
    "made",
    "gained",
    "gain of",
    "profit of",
    "연 ",
    "(연",
    "초기 자본",
    "초기자본",
    "원금",
    "순이익",
    "순손익",
    "net profit",
    "net gain",
    "net loss",
];

/// Words that make an unsigned level negative (a loss) or positive.
const DOWN: &[&str] = &[
    "빠짐",
    "날려",
    "날렸",
    "처맞",
    "사라졌",
    "사라진",
    "증발",
    "날아갔",
    "까먹",
    "wiped",
    "빠진",
    "빠졌",
    "빠지",
    "폭락",
    "급락",
    "추락",
    "내린",
    "내렸",
    "내려",
    "손실",
    "하락",
    "떨어",
    "잃",
    "감소",
    "줄었",
    "줄어",
    "줄였",
    "마이너스",
    "손해",
    "lost",
    "loss",
    "losing",
    "fell",
    "fall",
    "drop",
    "declin",
    "down",
    "shrank",
    "negative",
    "slid",
    "sank",
    "gave up",
];
const UP: &[&str] = &[
    "상승",
    "올랐",
    "오른",
    "늘었",
    "늘어",
    "늘렸",
    "증가",
    "수익을",
    "gain",
    "rose",
    "rise",
    "up ",
    "grew",
    "climb",
    "added",
    "positive",
];
/// Comparison words: they sign a difference to buy-and-hold, not a level.
const BEHIND: &[&str] = &[
    "덜 번",
    "덜 벌",
    "덜 올",
    "덜 오른",
    "뒤처",
    "뒤졌",
    "밑돌",
    "하회",
    "못 미",
    "못미",
    "낮았",
    "낮다",
    "낮은",
    "부진",
    "부족",
    "저조",
    "열위",
    "lagged",
    "lagging",
    "lags",
    "trailed",
    "trailing",
    "behind",
    "short of",
    "shortfall",
    "underperform",
    "below",
    "less than",
    "worse",
];
const AHEAD: &[&str] = &[
    "덜 처맞",
    "덜 맞",
    "less loss",
    "smaller loss",
    "lost less",
    "less of a loss",
    "덜 손실",
    "손실을 덜",
    "손실이 덜",
    "앞선",
    "앞질",
    "선방",
    "방어",
    "덜 잃",
    "덜 빠",
    "덜 떨어",
    "나았",
    "나은",
    "more",
    "앞섰",
    "앞서",
    "앞섬",
    "상회",
    "웃돌",
    "초과",
    "높았",
    "높다",
    "우위",
    "ahead",
    "beat",
    "outperform",
    "above",
    "better",
    "more than",
    "excess",
];

fn build(words: &[&str]) -> AhoCorasick {
    match AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(words) {
        Ok(a) => a,
        Err(e) => panic!("built-in word list: {e}"),
    }
}

fn kpi_words() -> &'static AhoCorasick {
    static A: OnceLock<AhoCorasick> = OnceLock::new();
    A.get_or_init(|| {
        let words: Vec<&str> = KEYWORDS.iter().map(|(w, _)| *w).collect();
        build(&words)
    })
}

/// Every direction word, in [`direction_of`]'s order.
fn direction_list() -> &'static [&'static str] {
    static L: OnceLock<Vec<&'static str>> = OnceLock::new();
    L.get_or_init(|| DOWN.iter().chain(UP).chain(BEHIND).chain(AHEAD).copied().collect())
}

fn direction_words() -> &'static AhoCorasick {
    static A: OnceLock<AhoCorasick> = OnceLock::new();
    A.get_or_init(|| build(direction_list()))
}

/// Whether a difference is told from buy-and-hold's side ("Buy-and-hold was 8.2 points
/// better", "보유는 +94.2%로 37.9%p 더 높았다", "… better than the strategy"): a comparative
/// after the number then describes buy-and-hold, and the strategy's excess has the other sign.
fn told_from_holding(
    lower: &str,
    clause_start: usize,
    number: Range<usize>,
    clause_end: usize,
    word: &str,
    after: bool,
) -> bool {
    let tail = &lower[number.end..clause_end.max(number.end)];
    if has_any(tail, &["than the strategy", "than strategy", "than our strategy", "전략보다", "전략 대비"]) {
        return true;
    }
    const COMPARATIVE: &[&str] = &[
        "better",
        "more than",
        "ahead",
        "beat",
        "outperform",
        "높았",
        "높다",
        "앞섰",
        "앞서",
        "앞섬",
        "상회",
        "나았",
        "나은",
        "worse",
        "less than",
        "behind",
        "lagged",
        "lagging",
        "trailed",
        "underperform",
        "낮았",
        "낮다",
        "뒤처",
        "하회",
        "밑돌",
    ];
    let comparative = COMPARATIVE.contains(&word) || word == "more" || tail.trim_start().starts_with("more");
    if !after || !comparative {
        return false;
    }
    let head = &lower[clause_start..number.start];
    let Some((at, len)) = HOLDING.iter().filter_map(|w| head.rfind(w).map(|i| (i, w.len()))).max() else {
        return false;
    };
    let after_word = &head[at + len..];
    // buy-and-hold as the subject: "보유는", "보유 수익률이", "Buy-and-hold was", "… did"
    const SUBJECT: &[&str] = &[
        "는",
        "은",
        "이 ",
        "가 ",
        " 수익률은",
        " 수익률이",
        " was",
        " did",
        " still",
        " returned",
        " gained",
        " made",
        " came",
        ":",
        " itself",
        " outperformed",
        " beat",
    ];
    let lead = head[..at].trim();
    let starts_clause = lead.is_empty() || ["while", "but", "and", "whereas", "meanwhile", "however,"].contains(&lead);
    // "holding AMD outright returned …": the verb a few words later
    let near = &after_word[..floor_char(after_word, after_word.len().min(28))];
    let verb_soon = [" was", " did", " returned", " gained", " made", " came", " outperformed", " beat"]
        .iter()
        .any(|w| near.contains(w));
    let subject = SUBJECT.iter().any(|w| after_word.starts_with(w)) || starts_clause || verb_soon;
    let object = has_any(
        after_word,
        &[
            "보다",
            "대비",
            "비해",
            "비교",
            "than",
            "against",
            "했다면",
            "였다면",
            "으니",
            "이니",
            "므로",
            "니까",
            "so ",
            "therefore",
            "그쳐",
            "그친",
            "불과",
            "지만",
            "는데",
            "었고",
            "했고",
            "였고",
            "며 ",
            "라서",
            "아서",
            "어서",
            "해서",
        ],
    );
    let strategy_after = has_any(after_word, &["strategy", "전략", " it ", "you", "we're", "we ", "our "]);
    subject && !object && !strategy_after
}

const HOLDING: &[&str] = &[
    "buy-and-hold",
    "buy and hold",
    "buy & hold",
    "보유",
    "the stock",
    "the shares",
    "주가",
    "holding",
    "benchmark",
    "벤치마크",
];

fn has_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Whether pattern `i` of [`direction_words`] is a loss (`Some(true)`), a gain, and whether it
/// compares (`true`) rather than states a level.
fn direction_of(i: usize) -> (bool, bool) {
    let (d, u, b) = (DOWN.len(), UP.len(), BEHIND.len());
    if i < d {
        (true, false)
    } else if i < d + u {
        (false, false)
    } else if i < d + u + b {
        (true, true)
    } else {
        (false, true)
    }
}

/// Words after a number that start the next item ("…, while the shares fell").
const JOINERS: &[&str] = &[
    " / ",
    " | ",
    " and ",
    " while ",
    " but ",
    " versus ",
    " vs",
    " against ",
    " compared",
    " whereas ",
    " with ",
    " — ",
    " – ",
    " - ",
    "—",
    "–",
];

/// The end of the words that can still be about the number: a comma, a parenthesis or a joiner.
fn item_end(lower: &str, fwd: &Range<usize>) -> usize {
    let seg = &lower[fwd.clone()];
    let mut end = seg.find([',', '(', ')', ';', '|']).unwrap_or(seg.len());
    for j in JOINERS {
        if let Some(i) = seg.find(j) {
            end = end.min(i);
        }
    }
    fwd.start + end
}

/// KPIs a number with this unit can state.
fn can_state(unit: Unit, kpi: Kpi) -> bool {
    match unit {
        Unit::Percent => kpi.is_rate() || kpi == Kpi::ExcessReturn,
        Unit::Points => kpi == Kpi::ExcessReturn,
        Unit::Multiple => kpi == Kpi::EquityMultiple,
        Unit::Money => kpi.is_money(),
        Unit::Count => kpi == Kpi::Trades,
        Unit::Plain => {
            kpi.is_ratio()
                || kpi == Kpi::Trades
                || kpi.is_rate()
                || kpi == Kpi::ExcessReturn
                || kpi == Kpi::Param
                // "50000 → 81085" in a table: amounts with no currency
                || kpi.is_money()
        }
        Unit::Years | Unit::Months => kpi == Kpi::Years,
        Unit::Days | Unit::Sigma => kpi == Kpi::Param,
        Unit::Date { .. } => matches!(kpi, Kpi::Start | Kpi::End),
    }
}

/// Where a clause starts, looking back from `at`.
/// "i.e.", "e.g.", "vs.": a full stop that ends no clause.
fn abbreviation(upto_dot: &str) -> bool {
    let l = upto_dot.to_ascii_lowercase();
    ["i.e.", "e.g.", "vs.", "approx.", "etc."].iter().any(|a| l.ends_with(a))
}

fn clause_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let mut best = 0;
    for (i, c) in head.char_indices() {
        let next = head[i + c.len_utf8()..].chars().next();
        let boundary = match c {
            '\n' | ';' | '!' | '?' | '·' | '•' => true,
            '.' => next.is_none_or(|n| n.is_whitespace()) && !abbreviation(&head[..i + 1]),
            _ => false,
        };
        if boundary {
            best = i + c.len_utf8();
        }
    }
    best
}

fn clause_end(text: &str, from: usize) -> usize {
    let tail = &text[from..];
    for (i, c) in tail.char_indices() {
        let next = tail[i + c.len_utf8()..].chars().next();
        let boundary = match c {
            '\n' | ';' | '!' | '?' | '·' | '•' => true,
            '.' => next.is_none_or(|n| n.is_whitespace()),
            _ => false,
        };
        if boundary {
            return from + i;
        }
    }
    text.len()
}

/// A plain number in "(12,26,9)", "5/20" or "RSI(14)": a parameter list.
fn in_parameter_list(text: &str, span: &Range<usize>) -> bool {
    let prev = text[..span.start].trim_end().chars().next_back();
    let next = text[span.end..].trim_start().chars().next();
    let open = text[..span.start].rfind('(').is_some_and(|o| !text[o..span.start].contains(')'));
    matches!(prev, Some('(' | '/')) || matches!(next, Some('/' | ')')) || (open && prev == Some(','))
}

/// Drops what precedes the last comma, or the last parenthesis closed without being opened.
fn back_from_comma(lower: &str, back: Range<usize>) -> Range<usize> {
    let seg = &lower[back.clone()];
    let mut depth = 0i32;
    let mut from = 0;
    for (i, c) in seg.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            ')' => from = i + 1,
            // "buy-and-hold, which returned 12%": the relative clause is about what precedes
            ',' if !seg[i + 1..].starts_with(" which ") && !seg[i + 1..].starts_with(" that ") => from = i + 1,
            _ => {}
        }
    }
    back.start + from..back.end
}

/// KPI words in `lower[range]`, in order.
fn kpis_in(lower: &str, range: Range<usize>, unit: Unit) -> Vec<(Range<usize>, Kpi)> {
    let mut out = Vec::new();
    if range.start >= range.end {
        return out;
    }
    for m in kpi_words().find_iter(&lower[range.clone()]) {
        let kpi = KEYWORDS[m.pattern().as_usize()].1;
        if can_state(unit, kpi) {
            out.push((range.start + m.start()..range.start + m.end(), kpi));
        }
    }
    out
}

/// The loss or gain word nearest the number in its clause: `Some(true)` for a loss. A
/// difference (`compare`) takes comparison and level words; a level only level words.
fn direction(lower: &str, before: Range<usize>, after: Range<usize>, compare: bool) -> Option<bool> {
    direction_word(lower, before, after, compare).map(|(loss, _, _)| loss)
}

/// [`direction`] with the word found and whether it follows the number.
fn direction_word(lower: &str, before: Range<usize>, after: Range<usize>, compare: bool) -> Option<(bool, &str, bool)> {
    let words = direction_list();
    let usable = |i: usize| {
        let (loss, relational) = direction_of(i);
        (!relational || compare).then_some((loss, words[i]))
    };
    // "손실 폭을 8.7%p 줄였다", "lost 28.4 points less than": less of a loss is ahead
    let loss_before = compare && {
        let from = ceil_char(lower, before.end.saturating_sub(40).max(before.start));
        has_any(&lower[from..before.end], &["손실", "낙폭", "lost", "loss", "losing"])
    };
    let invert = |l: bool, w: &'static str| -> (bool, &'static str) {
        if loss_before && ["줄였", "줄어", "줄였다", "less than"].contains(&w) {
            (false, w)
        } else {
            (l, w)
        }
    };
    // the closest word after the number (Korean puts it there), then the closest before
    if after.start < after.end {
        let window_end = floor_char(lower, (after.start + 24).min(after.end));
        let window_end = item_end(lower, &(after.start..window_end));
        for m in direction_words().find_iter(&lower[after.start..window_end]) {
            if let Some((l, w)) = usable(m.pattern().as_usize()) {
                let (l, w) = invert(l, w);
                return Some((l, w, true));
            }
        }
    }
    if before.start < before.end {
        let reach = if compare { 48 } else { 28 };
        let window_start = ceil_char(lower, before.end.saturating_sub(reach).max(before.start));
        let found: Vec<_> = direction_words().find_iter(&lower[window_start..before.end]).collect();
        for m in found.iter().rev() {
            if let Some((l, w)) = usable(m.pattern().as_usize()) {
                return Some((l, w, false));
            }
        }
    }
    None
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Whether `shown` (with its half unit and hedge) states `truth`.
fn close(shown: f64, half: f64, approx: bool, truth: f64) -> bool {
    let diff = (shown - truth).abs();
    let eps = 1e-9 * truth.abs().max(1.0);
    if diff <= half + eps {
        return true;
    }
    approx && diff <= 0.05 * truth.abs() + eps
}

/// The fact's value in the units a mention shows.
fn shown_value(facts: &Facts, kpi: Kpi, unit: Unit) -> Option<f64> {
    let v = facts.value(kpi)?;
    Some(match (kpi, unit) {
        (k, Unit::Percent | Unit::Points | Unit::Plain) if k.is_rate() || k == Kpi::ExcessReturn => v * 100.0,
        (Kpi::Years, Unit::Months) => v * 12.0,
        _ => v,
    })
}

enum Verdict {
    Ok,
    Sign,
    No,
}

fn judge(facts: &Facts, m: &Mention, kpi: Kpi, loss: (Option<bool>, Option<bool>)) -> Verdict {
    let loss = if kpi == Kpi::ExcessReturn { loss.1 } else { loss.0 };
    if kpi == Kpi::Param {
        let ok = facts.params.values().any(|p| close(m.value, m.half, m.approx, *p));
        return if ok { Verdict::Ok } else { Verdict::No };
    }
    if kpi == Kpi::Years {
        let (Some(s), Some(e)) = (facts.start, facts.end) else { return Verdict::No };
        let years = facts.value(Kpi::Years).unwrap_or(f64::NAN);
        let spans = [years, years.round(), f64::from(e.year() - s.year() + 1), f64::from(e.year() - s.year())];
        let scale = if m.unit == Unit::Months { 12.0 } else { 1.0 };
        let half = m.half.max(0.5);
        // "21년 한 해", "20년에 산": a two-digit year of the period, not a length
        let as_year = m.unit == Unit::Years
            && !m.approx
            && !m.text.contains('간')
            && (10.0..100.0).contains(&m.value)
            && m.value.fract() == 0.0
            && {
                let yy = m.value as i32;
                let y = if yy <= 50 { 2000 + yy } else { 1900 + yy };
                (s.year()..=e.year()).contains(&y)
            };
        let ok = as_year || spans.iter().any(|y| close(m.value, half, m.approx, y * scale));
        return if ok { Verdict::Ok } else { Verdict::No };
    }
    let Some(truth) = shown_value(facts, kpi, m.unit) else { return Verdict::No };
    // "ret.total=0.112", "mdd: -0.304": a rate written as the fraction itself
    if m.unit == Unit::Plain && (kpi.is_rate() || kpi == Kpi::ExcessReturn) && m.value.abs() < 1.5 && m.half <= 0.005 {
        let fraction = truth / 100.0;
        if close(m.value, m.half, m.approx, fraction.abs()) {
            let negative = fraction < 0.0 && kpi != Kpi::MaxDrawdown;
            let sign_ok = match m.sign {
                Some('-') => negative || kpi == Kpi::MaxDrawdown,
                Some(_) => !negative,
                None => !negative || kpi == Kpi::MaxDrawdown,
            };
            return if sign_ok { Verdict::Ok } else { Verdict::Sign };
        }
    }
    // "Net P&L +$19,792" for a loss: a signed amount states its direction
    if kpi == Kpi::NetProfit
        && m.unit == Unit::Money
        && m.sign.is_some()
        && close(m.value, m.half, m.approx, truth.abs())
    {
        let ok = (m.sign == Some('-')) == (truth < 0.0);
        return if ok { Verdict::Ok } else { Verdict::Sign };
    }
    if kpi == Kpi::MaxDrawdown || m.unit == Unit::Money {
        return if close(m.value, m.half, m.approx, truth.abs()) { Verdict::Ok } else { Verdict::No };
    }
    if !close(m.value, m.half, m.approx, truth.abs()) {
        return Verdict::No;
    }
    // the magnitude holds; now the sign
    let zero = close(0.0, m.half, false, truth);
    if zero {
        return Verdict::Ok;
    }
    let negative = truth < 0.0;
    let ok = match m.sign {
        Some('-') => negative,
        Some(_) => !negative,
        None if kpi.signed() => match loss {
            Some(l) => l == negative,
            // a difference written as a gap ("a gap of 12 points") states only its size
            None => !negative || kpi == Kpi::ExcessReturn,
        },
        None => !negative,
    };
    if ok {
        Verdict::Ok
    } else {
        Verdict::Sign
    }
}

const ALL: [Kpi; 18] = [
    Kpi::TotalReturn,
    Kpi::Cagr,
    Kpi::BuyHoldReturn,
    Kpi::ExcessReturn,
    Kpi::MaxDrawdown,
    Kpi::Volatility,
    Kpi::WinRate,
    Kpi::Exposure,
    Kpi::Sharpe,
    Kpi::Sortino,
    Kpi::ProfitFactor,
    Kpi::Trades,
    Kpi::InitialCash,
    Kpi::FinalEquity,
    Kpi::NetProfit,
    Kpi::EquityMultiple,
    Kpi::Years,
    Kpi::Param,
];

/// Checks every number of `text` against `facts`.
pub fn check(text: &str, facts: &Facts) -> Report {
    let mut mentions = scan(text);
    // numbers inside the instrument's name or ticker are part of the name
    for name in facts.name.iter().chain(facts.symbol.iter()).filter(|n| n.chars().any(|c| c.is_ascii_digit())) {
        let spans: Vec<Range<usize>> = text.match_indices(name.as_str()).map(|(i, m)| i..i + m.len()).collect();
        mentions.retain(|m| !spans.iter().any(|s| overlaps(s, &m.span)));
    }
    let lower = text.to_ascii_lowercase();
    let mut report = Report { numbers: mentions.len(), findings: Vec::new() };
    for (i, m) in mentions.iter().enumerate() {
        let cstart = clause_start(text, m.span.start);
        let prev_end = if i > 0 { mentions[i - 1].span.end } else { 0 };
        let back = cstart.max(prev_end).min(m.span.start)..m.span.start;
        let cend = clause_end(text, m.span.end);
        let next_start = mentions.get(i + 1).map_or(text.len(), |n| n.span.start);
        let fwd = m.span.end..cend.min(next_start).max(m.span.end);

        if let Unit::Date { month, day } = m.unit {
            if let Some(f) = check_date(&lower, m, month, day, facts, &back, &fwd) {
                report.findings.push(f);
            }
            continue;
        }
        // the back segment starts after a comma or a parenthesis the previous number closed
        let back = back_from_comma(&lower, back);
        let back_words = kpis_in(&lower, back.clone(), m.unit);
        let dir_from =
            back_words.iter().rev().find(|(_, k)| *k != Kpi::ExcessReturn).map_or(back.start, |(r, _)| r.end);
        let loss_level = direction(&lower, dir_from..back.end, fwd.clone(), false);
        // "outperformed buy-and-hold (144.6%) by 56.2 points": the parenthesised number is an
        // aside, and the comparison word before it signs this difference
        let diff_back = if i >= 1 && lower[prev_end.min(m.span.start)..m.span.start].trim_start().starts_with(')') {
            let before_aside = if i >= 2 { mentions[i - 2].span.end } else { 0 };
            cstart.max(before_aside).min(m.span.start)..m.span.start
        } else {
            back.clone()
        };
        let loss_diff = direction_word(&lower, diff_back, fwd.clone(), true).map(|(loss, word, after)| {
            let flip = told_from_holding(&lower, cstart, m.span.clone(), cend, word, after);
            loss != flip
        });

        // what the text attaches the number to
        let mut claimed: Vec<Kpi> = Vec::new();
        let fixed = match m.unit {
            Unit::Points => Some(Kpi::ExcessReturn),
            Unit::Multiple => Some(Kpi::EquityMultiple),
            Unit::Count => Some(Kpi::Trades),
            Unit::Years | Unit::Months => Some(Kpi::Years),
            Unit::Days | Unit::Sigma => Some(Kpi::Param),
            _ => None,
        };
        if let Some(k) = fixed {
            claimed.push(k);
        } else {
            // words after the number, up to a comma or parenthesis, that may follow a number
            let cut = item_end(&lower, &fwd);
            let after: Vec<(Range<usize>, Kpi)> = kpis_in(&lower, fwd.start..cut, m.unit)
                .into_iter()
                .filter(|(r, _)| {
                    let word = &lower[r.clone()];
                    let gap = lower[fwd.start..r.start].trim();
                    let hangul = word.chars().any(|c| c >= '\u{AC00}');
                    !PREFIX_ONLY.contains(&word) && (!hangul || gap.is_empty() || gap.starts_with('의'))
                })
                .collect();
            for (r, k) in &after {
                if r.start - fwd.start <= 14 {
                    claimed.push(*k);
                }
            }
            for (_, k) in &back_words {
                claimed.push(*k);
            }
            if claimed.is_empty() {
                if let Some((_, k)) = after.first() {
                    claimed.push(*k);
                }
            }
        }
        if m.unit == Unit::Plain && !claimed.is_empty() && in_parameter_list(text, &m.span) {
            claimed.push(Kpi::Param);
        }
        claimed.dedup();

        // what the text claims, or with no claim every KPI the unit can state
        let candidates: Vec<Kpi> = if claimed.is_empty() {
            ALL.iter().copied().filter(|k| can_state(m.unit, *k)).collect()
        } else {
            claimed.clone()
        };
        let mut sign_only = false;
        let mut ok = false;
        for k in candidates {
            match judge(facts, m, k, (loss_level, loss_diff)) {
                Verdict::Ok => {
                    ok = true;
                    break;
                }
                Verdict::Sign => sign_only = true,
                Verdict::No => {}
            }
        }
        if ok {
            continue;
        }
        let first = claimed.first().copied();
        let problem = if sign_only {
            Problem::Sign
        } else if claimed.is_empty() {
            Problem::Unmatched
        } else if ALL
            .iter()
            .filter(|k| can_state(m.unit, **k))
            .any(|k| matches!(judge(facts, m, *k, (loss_level, loss_diff)), Verdict::Ok))
        {
            Problem::Misattributed
        } else {
            Problem::Wrong
        };
        report.findings.push(Finding {
            span: m.span.clone(),
            text: m.text.clone(),
            problem,
            claimed: first.map(Kpi::name),
            expected: first.and_then(|k| shown_value(facts, k, m.unit)),
        });
    }
    report
}

#[allow(clippy::too_many_arguments)]
fn check_date(
    lower: &str,
    m: &Mention,
    month: Option<u8>,
    day: Option<u8>,
    facts: &Facts,
    back: &Range<usize>,
    fwd: &Range<usize>,
) -> Option<Finding> {
    let (Some(start), Some(end)) = (facts.start, facts.end) else {
        return Some(Finding {
            span: m.span.clone(),
            text: m.text.clone(),
            problem: Problem::Unmatched,
            claimed: None,
            expected: None,
        });
    };
    let after = lower[fwd.clone()].trim_start();
    let before = lower[back.clone()].trim_end();
    let starts_range =
        ["부터", "초부터", " 초부터", "초", " 초", "~", "–", "—", "-", "to ", "through", "until", "thru", "에서"]
            .iter()
            .any(|w| after.starts_with(w))
            || ["start", "시작", "begin"].iter().any(|w| after.starts_with(w))
            || [
                "from",
                "since",
                "between",
                "start of",
                "beginning of",
                "started in",
                "started on",
                "bought in",
                "bought on",
            ]
            .iter()
            .any(|w| before.ends_with(w));
    let ends_range = ["~", "–", "—", "-", " to", "through", "until", "thru", "and", "end of", "close of"]
        .iter()
        .any(|w| before.ends_with(w.trim_start()) && !before.is_empty())
        || ["까지", "말까지", " 말까지", "말", " 말", "end", "종료"].iter().any(|w| after.starts_with(w));
    let y = m.value as i32;
    // a month and day with no year: one of the period's ends
    if y == 0 {
        let same = |d: time::Date| month == Some(u8::from(d.month())) && day == Some(d.day());
        if same(start) || same(end) {
            return None;
        }
        return Some(Finding {
            span: m.span.clone(),
            text: m.text.clone(),
            problem: Problem::Wrong,
            claimed: Some(if ends_range { Kpi::End } else { Kpi::Start }.name()),
            expected: None,
        });
    }
    let fits = |d: time::Date| {
        y == d.year() && month.is_none_or(|mo| mo == u8::from(d.month())) && day.is_none_or(|dd| dd == d.day())
    };
    let ok = if ends_range && !starts_range {
        fits(end)
    } else if starts_range && !ends_range {
        fits(start)
    } else if day.is_some() {
        fits(start) || fits(end)
    } else {
        let inside = y >= start.year() && y <= end.year();
        inside
            && month.is_none_or(|mo| {
                let ym = (y, mo);
                ym >= (start.year(), u8::from(start.month())) && ym <= (end.year(), u8::from(end.month()))
            })
    };
    if ok {
        return None;
    }
    let claimed = if ends_range && !starts_range { Kpi::End } else { Kpi::Start };
    Some(Finding {
        span: m.span.clone(),
        text: m.text.clone(),
        problem: Problem::Wrong,
        claimed: Some(claimed.name()),
        expected: Some(f64::from(if claimed == Kpi::End { end.year() } else { start.year() })),
    })
}
