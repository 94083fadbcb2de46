//! Finds the numbers a Korean or English text states, each with its span, value, unit, the half
//! unit of its last shown digit, an explicit sign and whether it is hedged (약, about, ~).
//!
//! Units: percent, percentage points (%p, points, bp), multiples (배, x), money (KRW 만/억/조
//! compounds, `$12.3k`, `KRW 1.5 billion`), counts (회/번/건, trades), durations (년, years,
//! 개월), periods in days (5일, 20-day), σ, dates (2019-01-02, 2020년 3월, Jan 2019, a bare
//! year) and plain numbers. Spelled-out English numbers count when a unit word follows
//! ("sixty-nine trades", "two standard deviations"). Six-digit KRX codes are not numbers.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

/// What a number is.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "unit")]
pub enum Unit {
    Percent,
    /// Percentage points (`bp` converted to points).
    Points,
    Multiple,
    Money,
    Count,
    Years,
    Months,
    Days,
    Sigma,
    Plain,
    /// A date or part of one; `value` is the year.
    Date {
        month: Option<u8>,
        day: Option<u8>,
    },
}

/// One number in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// Byte range in the text, unit and sign included.
    pub span: Range<usize>,
    pub text: String,
    /// As shown: percent for percentages, points for %p, currency units for money.
    pub value: f64,
    /// Half a unit of the last shown digit, in `value`'s units.
    pub half: f64,
    /// `Some('+')` or `Some('-')` when written.
    pub sign: Option<char>,
    /// After 약, about, ~, … (or before 가까이, 정도): compared within 5 %.
    pub approx: bool,
    #[serde(flatten)]
    pub unit: Unit,
}

impl Mention {
    /// The value with its written sign.
    pub fn signed(&self) -> f64 {
        if self.sign == Some('-') {
            -self.value
        } else {
            self.value
        }
    }
}

pub(crate) fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| match Regex::new(pattern) {
        Ok(r) => r,
        Err(e) => panic!("built-in pattern {pattern:?}: {e}"),
    })
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month_of(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    MONTHS.iter().position(|m| w.starts_with(m)).map(|i| i as u8 + 1)
}

/// A two-digit number that is a year: "21년부터", "23년까지", "19년 초", "21~23년", "20년 말".
/// Returns the length of what follows it that belongs to it (`년`).
fn two_digit_year_at(text: &str, s: usize, end: usize, v: f64, dec: i32) -> Option<usize> {
    if dec != 0 || !(10.0..=99.0).contains(&v) || end - s != 2 {
        return None;
    }
    let rest = &text[end..];
    if let Some(r) = rest.strip_prefix('년') {
        let r = r.trim_start();
        let year_words = ["부터", "까지", "초", "말", "도", "상반기", "하반기", "이후", "~", "–", "-"];
        let before = text[..s].trim_end();
        if year_words.iter().any(|w| r.starts_with(w)) || before.ends_with('~') || before.ends_with('–') {
            return Some('년'.len_utf8());
        }
        return None;
    }
    // "21~23년": the first of a range whose second is a year
    let r = rest.trim_start();
    let tilde = r.strip_prefix('~').or_else(|| r.strip_prefix('–'))?.trim_start();
    let b = tilde.as_bytes();
    (b.len() >= 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && tilde[2..].starts_with('년')).then_some(0)
}

/// A two-digit year: 2000–2050, else 1951–1999.
fn two_digit_year(yy: i64) -> i64 {
    if yy <= 50 {
        2000 + yy
    } else {
        1900 + yy
    }
}

fn int(s: &str) -> Option<i64> {
    s.parse().ok()
}

/// Every number in `text`, in order.
pub fn scan(text: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    dates(text, &mut out);
    spelled(text, &mut out);
    numerals(text, &mut out);
    out.sort_by_key(|m| m.span.start);
    out
}

/// Whether two byte ranges share a byte.
pub fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn covered(out: &[Mention], at: usize) -> bool {
    out.iter().any(|m| m.span.contains(&at))
}

fn push_date(out: &mut Vec<Mention>, text: &str, span: Range<usize>, y: i64, m: Option<i64>, d: Option<i64>) {
    let valid_m = m.is_none_or(|m| (1..=12).contains(&m));
    let valid_d = d.is_none_or(|d| (1..=31).contains(&d));
    // year 0: a month and day with no year ("12월 28일까지", "Dec. 30", "on 3/23")
    let yearless = y == 0 && m.is_some() && d.is_some();
    if !((1900..=2100).contains(&y) || yearless) || !valid_m || !valid_d {
        return;
    }
    if out.iter().any(|o| overlaps(&o.span, &span)) {
        return;
    }
    out.push(Mention {
        text: text[span.clone()].to_string(),
        span,
        value: y as f64,
        half: 0.0,
        sign: None,
        approx: false,
        unit: Unit::Date { month: m.map(|m| m as u8), day: d.map(|d| d as u8) },
    });
}

fn dates(text: &str, out: &mut Vec<Mention>) {
    static FULL: OnceLock<Regex> = OnceLock::new();
    static KO: OnceLock<Regex> = OnceLock::new();
    static YM: OnceLock<Regex> = OnceLock::new();
    static EN: OnceLock<Regex> = OnceLock::new();
    // "06/15/2020" (US) or "15/06/2020" (a first part above 12 is the day)
    static MDY: OnceLock<Regex> = OnceLock::new();
    let mdy = re(&MDY, r"(?-u:\b)(\d{1,2})/(\d{1,2})/(\d{4})(?-u:\b)");
    for c in mdy.captures_iter(text) {
        let (Some(all), Some(a), Some(b), Some(y)) = (
            c.get(0),
            c.get(1).and_then(|m| int(m.as_str())),
            c.get(2).and_then(|m| int(m.as_str())),
            c.get(3).and_then(|m| int(m.as_str())),
        ) else {
            continue;
        };
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        push_date(out, text, all.range(), y, Some(m), Some(d));
    }
    let full = re(&FULL, r"(?-u:\b)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?-u:\b)");
    for c in full.captures_iter(text) {
        let (Some(all), Some(y)) = (c.get(0), c.get(1).and_then(|m| int(m.as_str()))) else { continue };
        let m = c.get(2).and_then(|m| int(m.as_str()));
        let d = c.get(3).and_then(|m| int(m.as_str()));
        push_date(out, text, all.range(), y, m, d);
    }
    // parts of a year: "Q3 2021", "3Q21", "1H23", "H2 2020", "2021 Q3", "FY2020" (the year counts)
    static PART: OnceLock<Regex> = OnceLock::new();
    let part = re(
        &PART,
        r"(?i)(?-u:\b)(?:[1-4]q|q[1-4]|[12]h|h[12]|fy)\s?['’]?(\d{4}|\d{2})(?-u:\b)|(?-u:\b)(\d{4})\s?(?:q[1-4]|h[12])(?-u:\b)",
    );
    for c in part.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let y = match (c.get(1), c.get(2)) {
            (Some(y), _) if y.as_str().len() == 2 => int(y.as_str()).map(two_digit_year),
            (Some(y), _) | (None, Some(y)) => int(y.as_str()),
            _ => None,
        };
        let Some(y) = y else { continue };
        push_date(out, text, all.range(), y, None, None);
    }
    // "2021–22": the second year of a range written with two digits
    static RANGE2: OnceLock<Regex> = OnceLock::new();
    let range2 = re(&RANGE2, r"(?-u:\b)(\d{4})\s?[–—-]\s?(\d{2})(?-u:\b)");
    for c in range2.captures_iter(text) {
        let (Some(y1), Some(yy)) = (c.get(1).and_then(|m| int(m.as_str())), c.get(2)) else { continue };
        if text[yy.end()..].starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '.' | '/' | '%')) {
            continue;
        }
        // "2012 – 30 Dec 2016": a day of the next date
        if month_of(text[yy.end()..].trim_start().get(..3).unwrap_or("")).is_some() {
            continue;
        }
        let Some(y2) = int(yy.as_str()).map(|v| y1 - y1 % 100 + v) else { continue };
        if y2 > y1 && y2 - y1 < 50 {
            if let Some(first) = c.get(1) {
                push_date(out, text, first.range(), y1, None, None);
            }
            push_date(out, text, yy.range(), y2, None, None);
        }
    }
    // "Jan '19", "Dec ’23"
    static MON2: OnceLock<Regex> = OnceLock::new();
    let mon2 =
        re(&MON2, r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*['’](\d{2})(?-u:\b)");
    for c in mon2.captures_iter(text) {
        let (Some(all), Some(mw), Some(yy)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        let Some(y) = int(yy.as_str()).map(two_digit_year) else { continue };
        push_date(out, text, all.range(), y, month_of(mw.as_str()).map(i64::from), None);
    }
    // "19년 1월", "'20년 12월": two-digit years with a month
    static KO2: OnceLock<Regex> = OnceLock::new();
    let ko2 = re(&KO2, r"(?:^|[^\d.,])['’]?(\d{2})\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?");
    for c in ko2.captures_iter(text) {
        let (Some(yy), Some(m)) = (c.get(1), c.get(2)) else { continue };
        let start = text[..yy.start()].strip_suffix(['\'', '’']).map_or(yy.start(), |p| p.len());
        let end = c.get(0).map_or(m.end(), |a| a.end());
        let Some(y) = int(yy.as_str()).map(two_digit_year) else { continue };
        push_date(out, text, start..end, y, int(m.as_str()), c.get(3).and_then(|d| int(d.as_str())));
    }
    // "18.01.02": YY.MM.DD
    static YMD2: OnceLock<Regex> = OnceLock::new();
    let ymd2 = re(&YMD2, r"(?-u:\b)(\d{2})\.(\d{2})\.(\d{2})(?-u:\b)");
    for c in ymd2.captures_iter(text) {
        let (Some(all), Some(y)) = (c.get(0), c.get(1).and_then(|m| int(m.as_str()))) else { continue };
        if text[all.end()..].starts_with(|c: char| c.is_ascii_digit() || c == '%') {
            continue;
        }
        let (m, d) = (c.get(2).and_then(|m| int(m.as_str())), c.get(3).and_then(|m| int(m.as_str())));
        push_date(out, text, all.range(), two_digit_year(y), m, d);
    }
    let ko = re(&KO, r"(\d{4})\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?");
    for c in ko.captures_iter(text) {
        let (Some(all), Some(y)) = (c.get(0), c.get(1).and_then(|m| int(m.as_str()))) else { continue };
        let m = c.get(2).and_then(|m| int(m.as_str()));
        let d = c.get(3).and_then(|m| int(m.as_str()));
        push_date(out, text, all.range(), y, m, d);
    }
    // "같은 해 12월 30일": a month and day in the year named last before them
    static MD: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let md = re(&MD, r"(?:^|[^\d])(\d{1,2})\s*월\s*(\d{1,2})\s*일");
    let year = re(&YEAR, r"(\d{4})\s*년");
    for c in md.captures_iter(text) {
        let (Some(mo), Some(d)) = (c.get(1), c.get(2)) else { continue };
        // "같은 해 12월 30일": the year named last; otherwise the year is not stated
        let head = text[..mo.start()].trim_end();
        let same_year = ["같은 해", "그 해", "그해", "동년", "같은해"].iter().any(|w| head.ends_with(w));
        let y = if same_year {
            year.captures_iter(&text[..mo.start()]).last().and_then(|y| y.get(1)).and_then(|y| int(y.as_str()))
        } else {
            None
        };
        let end = c.get(0).map_or(d.end(), |a| a.end());
        push_date(out, text, mo.start()..end, y.unwrap_or(0), int(mo.as_str()), int(d.as_str()));
    }
    // "2023년 3분기", "2022년 상반기": the year is what the check can hold to
    static KO_PART: OnceLock<Regex> = OnceLock::new();
    let ko_part = re(&KO_PART, r"(\d{4})\s*년\s*(?:[1-4]\s*분기|상반기|하반기)");
    for c in ko_part.captures_iter(text) {
        let (Some(all), Some(y)) = (c.get(0), c.get(1).and_then(|m| int(m.as_str()))) else { continue };
        push_date(out, text, all.range(), y, None, None);
    }
    // "Dec. 30", "Jan 3 →", "on 3/23": a month and day with no year after them
    static EN_MD: OnceLock<Regex> = OnceLock::new();
    let en_md = re(
        &EN_MD,
        r"(?i)\b(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?-u:\b)",
    );
    for c in en_md.captures_iter(text) {
        let (Some(all), Some(mw), Some(d)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        let tail = &text[all.end()..];
        // "Jan 3, 2022" and "Jan 2016" are dated forms read elsewhere
        let dated = tail.trim_start_matches([',', ' ']).starts_with(|c: char| c.is_ascii_digit());
        if dated || tail.starts_with(|c: char| c.is_ascii_digit() || c == '%') {
            continue;
        }
        push_date(out, text, all.range(), 0, month_of(mw.as_str()).map(i64::from), int(d.as_str()));
    }
    static SLASH_MD: OnceLock<Regex> = OnceLock::new();
    let slash_md = re(&SLASH_MD, r"(?i)\b(?:on|at|by|until|since)\s+(\d{1,2})/(\d{1,2})(?-u:\b)");
    for c in slash_md.captures_iter(text) {
        let (Some(mo), Some(d)) = (c.get(1), c.get(2)) else { continue };
        if text[d.end()..].starts_with(['/', '%']) {
            continue;
        }
        push_date(out, text, mo.start()..d.end(), 0, int(mo.as_str()), int(d.as_str()));
    }
    let ym = re(&YM, r"(?-u:\b)(\d{4})[./](\d{2})(?-u:\b)");
    for c in ym.captures_iter(text) {
        let (Some(all), Some(y)) = (c.get(0), c.get(1).and_then(|m| int(m.as_str()))) else { continue };
        // "2020.03" but not "2020.035" or a decimal with a unit
        let after = &text[all.end()..];
        if after.starts_with(|c: char| c.is_ascii_digit() || c == '%') {
            continue;
        }
        push_date(out, text, all.range(), y, c.get(2).and_then(|m| int(m.as_str())), None);
    }
    // "2 January 2018", "28 Dec 2023"
    static DMY: OnceLock<Regex> = OnceLock::new();
    let dmy = re(
        &DMY,
        r"(?i)\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})(?-u:\b)",
    );
    for c in dmy.captures_iter(text) {
        let (Some(all), Some(mw)) = (c.get(0), c.get(2)) else { continue };
        let Some(y) = c.get(3).and_then(|m| int(m.as_str())) else { continue };
        let d = c.get(1).and_then(|m| int(m.as_str()));
        push_date(out, text, all.range(), y, month_of(mw.as_str()).map(i64::from), d);
    }
    let en = re(
        &EN,
        r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})(?-u:\b)",
    );
    for c in en.captures_iter(text) {
        let (Some(all), Some(mw)) = (c.get(0), c.get(1)) else { continue };
        let Some(y) = c.get(3).and_then(|m| int(m.as_str())) else { continue };
        let d = c.get(2).and_then(|m| int(m.as_str()));
        push_date(out, text, all.range(), y, month_of(mw.as_str()).map(i64::from), d);
    }
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

pub(crate) fn word_value(w: &str) -> Option<f64> {
    let w = w.to_ascii_lowercase();
    let mut total = 0.0;
    let mut any = false;
    for part in w.split(['-', ' ']).filter(|p| !p.is_empty()) {
        if let Some(i) = ONES.iter().position(|o| *o == part) {
            total += i as f64;
        } else if let Some(i) = TENS.iter().position(|t| !t.is_empty() && *t == part) {
            total += 10.0 * i as f64;
        } else if part == "hundred" {
            total = if total == 0.0 { 100.0 } else { total * 100.0 };
        } else {
            return None;
        }
        any = true;
    }
    any.then_some(total)
}

fn spelled(text: &str, out: &mut Vec<Mention>) {
    static WORDS: OnceLock<Regex> = OnceLock::new();
    static DECADE: OnceLock<Regex> = OnceLock::new();
    let words = re(
        &WORDS,
        r"(?i)\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)(?:[- ]hundred)?((?:[- ](?:winning|losing|closed|full|calendar|standard))?[- ](trades?|round[- ]trips?|trips|times|years?|standard[- ]deviations?|std|sigma|percentage[- ]points?|percent|points?|pp|days?|months?))\b",
    );
    // "eleven point two percent", "nineteen point three five percent", "one point one two"
    static DECIMAL: OnceLock<Regex> = OnceLock::new();
    let decimal = re(
        &DECIMAL,
        r"(?i)\b((?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[- ]hundred(?:[- ](?:and[- ])?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)?)\s+point((?:\s+(?:zero|oh|one|two|three|four|five|six|seven|eight|nine))+)(\s+(?:percentage points?|percent|points?|pp))?\b",
    );
    for c in decimal.captures_iter(text) {
        let (Some(all), Some(int_part), Some(digits)) = (c.get(0), c.get(1), c.get(2)) else { continue };
        let Some(whole) = word_value(&int_part.as_str().replace(" and ", " ").replace("-and-", "-")) else { continue };
        let ds: Vec<f64> = digits
            .as_str()
            .split_whitespace()
            .filter_map(|d| if d.eq_ignore_ascii_case("oh") { Some(0.0) } else { word_value(d) })
            .collect();
        let frac: f64 = ds.iter().enumerate().map(|(i, d)| d * 10f64.powi(-(i as i32 + 1))).sum();
        let unit = match c.get(3).map(|u| u.as_str().trim().to_ascii_lowercase()) {
            Some(u) if u == "percent" => Unit::Percent,
            Some(_) => Unit::Points,
            None => Unit::Plain,
        };
        out.push(Mention {
            text: all.as_str().to_string(),
            span: all.range(),
            value: whole + frac,
            half: 0.5 * 10f64.powi(-(ds.len() as i32)),
            sign: None,
            approx: approx_before(&text[..all.start()]),
            unit,
        });
    }
    for c in words.captures_iter(text) {
        let (Some(all), Some(num), Some(unit)) = (c.get(0), c.get(1), c.get(3)) else { continue };
        if out.iter().any(|m| m.span.start < all.end() && all.start() < m.span.end) {
            continue;
        }
        let Some(v) = word_value(&text[num.start()..all.end() - c.get(2).map_or(0, |g| g.len())])
            .or_else(|| word_value(num.as_str()))
        else {
            continue;
        };
        let u = unit.as_str().to_ascii_lowercase();
        let unit = if u.starts_with("trade") || u.ends_with("trips") || u.ends_with("trip") || u == "times" {
            Unit::Count
        } else if u.starts_with("year") {
            Unit::Years
        } else if u.starts_with("month") {
            Unit::Months
        } else if u.starts_with("day") {
            Unit::Days
        } else if u.starts_with("percentage") || u.starts_with("point") || u == "pp" {
            Unit::Points
        } else if u.starts_with("percent") {
            Unit::Percent
        } else {
            Unit::Sigma
        };
        let span = num.start()..unit_end(&c, all.end());
        out.push(Mention {
            text: text[span.clone()].to_string(),
            span,
            value: v,
            half: 0.5,
            sign: None,
            approx: approx_before(&text[..num.start()]),
            unit,
        });
    }
    // Korean native counts: "스물여덟 번", "열두 번", "열세 차례"
    static NATIVE: OnceLock<Regex> = OnceLock::new();
    let native = re(
        &NATIVE,
        r"(열|스물|서른|마흔|쉰|예순|일흔|여든|아흔)?(하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉)?\s*(번|회|차례|건)",
    );
    for c in native.captures_iter(text) {
        let (Some(all), Some(unit)) = (c.get(0), c.get(3)) else { continue };
        let tens = c.get(1).and_then(|t| native_value(&NATIVE_TENS, t.as_str()));
        // before a counter the first four take their short forms: 한/두/세/네 번
        let ones = c.get(2).and_then(|o| {
            let short = ["한", "두", "세", "네"].iter().position(|w| *w == o.as_str()).map(|i| i as f64 + 1.0);
            short.or_else(|| native_value(&NATIVE_ONES, o.as_str()))
        });
        // a word of its own (nothing Hangul glued before it), with a tens word: "한 번" alone is "once"
        let glued = text[..all.start()].chars().next_back().is_some_and(|p| ('\u{AC00}'..='\u{D7A3}').contains(&p));
        if glued || tens.is_none() || out.iter().any(|m| m.span.start < all.end() && all.start() < m.span.end) {
            continue;
        }
        out.push(Mention {
            text: text[all.start()..unit.start()].trim_end().to_string(),
            span: all.start()..unit.end(),
            value: tens.unwrap_or(0.0) + ones.unwrap_or(0.0),
            half: 0.5,
            sign: None,
            approx: approx_before(&text[..all.start()]),
            unit: Unit::Count,
        });
    }
    // "Trades: eleven": a number word right after a label's colon
    static LABELLED: OnceLock<Regex> = OnceLock::new();
    let labelled = re(
        &LABELLED,
        r"(?i)([a-z ]{2,20}):\s*((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b",
    );
    for c in labelled.captures_iter(text) {
        let (Some(label), Some(num)) = (c.get(1), c.get(2)) else { continue };
        if out.iter().any(|m| m.span.start < num.end() && num.start() < m.span.end) {
            continue;
        }
        let Some(v) = word_value(num.as_str()) else { continue };
        let unit = if label.as_str().to_ascii_lowercase().contains("trade") { Unit::Count } else { Unit::Plain };
        out.push(Mention {
            text: num.as_str().to_string(),
            span: num.range(),
            value: v,
            half: 0.5,
            sign: None,
            approx: false,
            unit,
        });
    }
    let decade = re(&DECADE, r"(?i)\ba decade\b");
    for m in decade.find_iter(text) {
        out.push(Mention {
            text: m.as_str().to_string(),
            span: m.range(),
            value: 10.0,
            half: 0.5,
            sign: None,
            approx: true,
            unit: Unit::Years,
        });
    }
}

/// Native Korean tens (열 … 아흔) and ones (하나 … 아홉), for counts and parameters.
pub(crate) const NATIVE_TENS: [(&str, f64); 9] = [
    ("열", 10.0),
    ("스물", 20.0),
    ("서른", 30.0),
    ("마흔", 40.0),
    ("쉰", 50.0),
    ("예순", 60.0),
    ("일흔", 70.0),
    ("여든", 80.0),
    ("아흔", 90.0),
];
pub(crate) const NATIVE_ONES: [(&str, f64); 9] = [
    ("하나", 1.0),
    ("둘", 2.0),
    ("셋", 3.0),
    ("넷", 4.0),
    ("다섯", 5.0),
    ("여섯", 6.0),
    ("일곱", 7.0),
    ("여덟", 8.0),
    ("아홉", 9.0),
];

fn native_value(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn unit_end(c: &regex::Captures<'_>, end: usize) -> usize {
    c.get(3).map_or(end, |u| u.end())
}

/// Words that hedge the number after them.
const APPROX_BEFORE: [&str; 14] = [
    "약",
    "about",
    "approximately",
    "approx.",
    "around",
    "roughly",
    "~",
    "대략",
    "nearly",
    "almost",
    "close to",
    "거의",
    "some",
    "circa",
];
/// Words that hedge the number before them.
const APPROX_AFTER: [&str; 5] = ["가까이", "안팎", "정도", "내외", "남짓"];

fn approx_before(before: &str) -> bool {
    let b = before.trim_end();
    let lower = b.to_ascii_lowercase();
    APPROX_BEFORE.iter().any(|w| {
        lower.ends_with(w) && {
            let head = &lower[..lower.len() - w.len()];
            // a word, not the tail of one; "~" between two numbers is a range
            let prev = head.chars().next_back();
            if *w == "~" {
                !prev.is_some_and(|c| c.is_ascii_digit())
            } else {
                !prev.is_some_and(|c| c.is_alphanumeric())
            }
        }
    })
}

fn approx_after(after: &str) -> bool {
    let a = after.trim_start();
    APPROX_AFTER.iter().any(|w| a.starts_with(w))
}

/// A number's digits: value, decimals shown, whether written with thousands separators.
fn number_at(text: &str, at: usize) -> Option<(f64, i32, usize)> {
    static NUM: OnceLock<Regex> = OnceLock::new();
    let num = re(&NUM, r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?");
    let m = num.captures(&text[at..])?;
    let all = m.get(0)?;
    // "5/20,2021-01-04", "slow=50,2017": a comma between fields, not thousands
    if let Some(comma) = all.as_str().find(',') {
        if text[at + all.end()..].starts_with(|c: char| c.is_ascii_digit()) {
            let head = &all.as_str()[..comma];
            return Some((head.parse().ok()?, 0, at + comma));
        }
    }
    let dec = m.get(1).map_or(0, |d| d.len() as i32);
    let v: f64 = all.as_str().replace(',', "").parse().ok()?;
    Some((v, dec, at + all.end()))
}

fn korean_scale(c: char) -> Option<f64> {
    match c {
        '조' => Some(1e12),
        '억' => Some(1e8),
        '만' => Some(1e4),
        _ => None,
    }
}

/// A Korean money compound starting with the number at `at`: "1억 2,583만 5천 원", "5천만",
/// "16만 2,560달러". Returns (value, half unit, end).
fn korean_money(text: &str, at: usize) -> Option<(f64, f64, usize)> {
    // terms "N천", "N백", "N십" add up to a section; 만/억/조 multiply the section; sections
    // continue after spaces while the scale falls ("1억 2,583만 5천 원", "7천5백만", "5백만")
    let mut pos = at;
    let mut total = 0.0;
    let mut section = 0.0;
    let mut half = 0.0;
    let mut section_half = 0.0;
    let mut last_scale = f64::INFINITY;
    let mut terms = 0;
    let mut groups = 0;
    // where the compound read so far ends (before the spaces to the next group)
    let mut group_end = at;
    let small = |c: char| match c {
        '천' => Some(1e3),
        '백' => Some(1e2),
        '십' => Some(1e1),
        _ => None,
    };
    while let Some((v, dec, end)) = number_at(text, pos) {
        let mut p = end;
        let unit = text[p..].chars().next().and_then(small);
        if let Some(u) = unit {
            p += '천'.len_utf8();
            section += v * u;
            section_half = 0.5 * 10f64.powi(-dec) * u;
            terms += 1;
        }
        let scale = text[p..].chars().next().and_then(korean_scale);
        if let Some(sc) = scale {
            if sc >= last_scale {
                // "1억\t2억 5,631만": the next amount, not part of this one
                section = 0.0;
                pos = group_end;
                break;
            }
            if unit.is_none() {
                section += v;
                section_half = 0.5 * 10f64.powi(-dec);
            }
            p += '만'.len_utf8();
            total += section * sc;
            half = section_half * sc;
            section = 0.0;
            last_scale = sc;
            groups += 1;
            pos = p;
        } else if unit.is_some() {
            pos = p;
            // "7천5백만": the next term follows at once
            if text[pos..].starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
        } else {
            // a bare number counts only as the last part before 원/달러
            let currency = currency_word(text[p..].trim_start());
            if currency.is_none() {
                break;
            }
            {
                section += v;
                section_half = 0.5 * 10f64.powi(-dec);
                pos = p;
                break;
            }
        }
        // the next group after spaces
        group_end = pos;
        let next = pos + (text[pos..].len() - text[pos..].trim_start().len());
        if !text[next..].starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        pos = next;
    }
    if section > 0.0 {
        total += section;
        half = section_half;
    }
    if groups == 0 && terms == 0 {
        // a plain number with 원/달러 after it
        let (v, dec, end) = number_at(text, at)?;
        let tail = &text[end..];
        let skip = tail.len() - tail.trim_start().len();
        let (_, len) = currency_word(tail.trim_start())?;
        return Some((v, 0.5 * 10f64.powi(-dec), end + skip + len));
    }
    // step back over spaces taken before a group that did not follow
    let mut end = pos;
    while end > at && text[..end].ends_with(' ') {
        end -= 1;
    }
    let tail = &text[end..];
    let skip = tail.len() - tail.trim_start().len();
    match currency_word(tail.trim_start()) {
        Some((_, len)) => Some((total, half, end + skip + len)),
        None => Some((total, half, end)),
    }
}

fn currency_word(s: &str) -> Option<(&'static str, usize)> {
    if s.starts_with("원") {
        Some(("KRW", "원".len()))
    } else if s.starts_with("달러") {
        Some(("USD", "달러".len()))
    } else {
        None
    }
}

fn starts_word(s: &str, w: &str) -> bool {
    s.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w))
        && !s[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
}

fn numerals(text: &str, out: &mut Vec<Mention>) {
    static START: OnceLock<Regex> = OnceLock::new();
    let start = re(&START, r"\d");
    let mut at = 0;
    while let Some(m) = start.find_at(text, at) {
        let s = m.start();
        at = s + 1;
        if covered(out, s) {
            continue;
        }
        let prev = text[..s].chars().next_back();
        // "'19", "’20년": a two-digit year
        if matches!(prev, Some('\'' | '’')) {
            let digits = &text[s..];
            let two = digits.len() >= 2 && digits.as_bytes()[..2].iter().all(u8::is_ascii_digit);
            let after = digits.get(2..).unwrap_or("");
            if two && !after.starts_with(|c: char| c.is_ascii_digit()) {
                let y = int(&digits[..2]).map(two_digit_year).unwrap_or(0);
                let begin = s - prev.map_or(0, char::len_utf8);
                let end = s + 2 + if after.starts_with('년') { '년'.len_utf8() } else { 0 };
                push_date(out, text, begin..end, y, None, None);
                at = end;
            }
            continue;
        }
        if prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
            continue;
        }
        let Some((v, dec, num_end)) = number_at(text, s) else { continue };
        at = num_end;
        let before = &text[..s];
        let mut begin = s;
        // currency before
        let mut currency: Option<&str> = None;
        let mut pre = before;
        if let Some(p) = pre.strip_suffix('$') {
            currency = Some("USD");
            begin -= 1;
            pre = p;
            if let Some(p2) = pre.strip_suffix("US") {
                begin -= 2;
                pre = p2;
            }
        } else if let Some(p) = pre.strip_suffix('₩') {
            currency = Some("KRW");
            begin -= '₩'.len_utf8();
            pre = p;
        } else {
            let t = pre.trim_end();
            if t.ends_with("KRW") || t.ends_with("krw") {
                currency = Some("KRW");
            }
        }
        // sign
        let mut sign = None;
        if let Some(c) = pre.chars().next_back() {
            if matches!(c, '+' | '-' | '−') {
                let head = &pre[..pre.len() - c.len_utf8()];
                if !head.chars().next_back().is_some_and(|p| p.is_alphanumeric()) {
                    sign = Some(if c == '+' { '+' } else { '-' });
                    begin -= c.len_utf8();
                    pre = head;
                }
            }
        }
        let unhedged = pre.trim_end();
        let unhedged = ["KRW", "krw", "USD", "won"].iter().find_map(|w| unhedged.strip_suffix(w)).unwrap_or(unhedged);
        let approx_pre = approx_before(unhedged);

        let mention = |span: Range<usize>, value: f64, half: f64, unit: Unit| Mention {
            text: text[span.clone()].to_string(),
            span: span.clone(),
            value,
            half,
            sign,
            approx: approx_pre || approx_after(&text[span.end..]),
            unit,
        };

        // Korean money compounds
        if let Some((value, half, end)) = korean_money(text, s) {
            out.push(mention(begin..end, value, half, Unit::Money));
            at = end;
            continue;
        }
        let half = 0.5 * 10f64.powi(-dec);
        let rest = &text[num_end..];
        let rest1 = rest.strip_prefix(' ').unwrap_or(rest);
        let gap = rest.len() - rest1.len();

        // English scales
        let scales: [(&str, f64, bool); 11] = [
            ("trillion", 1e12, true),
            ("billion", 1e9, true),
            ("million", 1e6, true),
            ("thousand", 1e3, true),
            ("tn", 1e12, false),
            ("bn", 1e9, false),
            ("mn", 1e6, false),
            ("k", 1e3, false),
            ("K", 1e3, false),
            ("M", 1e6, false),
            ("B", 1e9, false),
        ];
        let mut scaled = None;
        for (w, mult, word) in scales {
            let (src, off) = if word { (rest1, gap) } else { (rest, 0) };
            let matches = if word {
                starts_word(src, w)
            } else {
                src.starts_with(w) && !src[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
            };
            // "20k" is thousands with or without a currency sign
            let glued_k = (w == "k" || w == "K") && !word;
            if matches && (word || currency.is_some() || glued_k) {
                scaled = Some((mult, num_end + off + w.len()));
                break;
            }
        }
        if let Some((mult, end)) = scaled {
            let mut end = end;
            let tail = &text[end..];
            for w in [" won", " KRW", " dollars", "원", " 원"] {
                if tail.starts_with(w) {
                    end += w.len();
                    break;
                }
            }
            out.push(mention(begin..end, v * mult, half * mult, Unit::Money));
            at = end;
            continue;
        }
        if currency.is_some() {
            out.push(mention(begin..num_end, v, half, Unit::Money));
            continue;
        }
        for w in [" won", " KRW", " dollars", " USD", " usd", " krw"] {
            if rest.starts_with(w) && !rest[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                let end = num_end + w.len();
                out.push(mention(begin..end, v, half, Unit::Money));
                at = end;
            }
        }
        if at > num_end {
            continue;
        }

        // units
        let unit_of = |prefixes: &[&str], src: &str| -> Option<usize> {
            prefixes.iter().find(|p| src.starts_with(**p)).map(|p| p.len())
        };
        let word_of = |words: &[&str], src: &str| -> Option<usize> {
            words.iter().find(|w| starts_word(src, w)).map(|w| w.len())
        };
        let mut push = |len: usize, off: usize, value: f64, half: f64, unit: Unit| {
            let end = num_end + off + len;
            out.push(mention(begin..end, value, half, unit));
            end
        };
        let lead = before.trim_end();
        let end = if let Some(l) = unit_of(&["%p", "%P", "%포인트", "%pt"], rest) {
            push(l, 0, v, half, Unit::Points)
        } else if let Some(l) = unit_of(&["%"], rest) {
            push(l, 0, v, half, Unit::Percent)
        } else if let Some(l) =
            word_of(&["percentage points", "percentage point", "pp", "points", "point", "pts"], rest1)
                .or_else(|| unit_of(&["포인트"], rest1))
        {
            push(l, gap, v, half, Unit::Points)
        } else if let Some(l) = word_of(&["percent", "per cent"], rest1).or_else(|| unit_of(&["퍼센트", "프로"], rest1))
        {
            push(l, gap, v, half, Unit::Percent)
        } else if let Some(l) = word_of(&["basis points", "bps", "bp"], rest1) {
            push(l, gap, v / 100.0, half / 100.0, Unit::Points)
        } else if let Some(l) = unit_of(&["배"], rest1) {
            let unit = if lead.ends_with("표준편차") || lead.ends_with("시그마") {
                Unit::Sigma
            } else {
                Unit::Multiple
            };
            push(l, gap, v, half, unit)
        } else if let Some(l) =
            unit_of(&["x", "×"], rest).filter(|l| !rest[*l..].starts_with(|c: char| c.is_ascii_alphanumeric()))
        {
            push(l, 0, v, half, Unit::Multiple)
        } else if let Some(l) = word_of(&["times"], rest1) {
            let traded = lead.to_ascii_lowercase();
            let unit =
                if traded.ends_with("traded") || traded.ends_with("trade") { Unit::Count } else { Unit::Multiple };
            push(l, gap, v, half, unit)
        } else if let Some(l) = unit_of(&["회", "번", "건"], rest1) {
            push(l, gap, v, half, Unit::Count)
        } else if let Some(l) = word_of(&["trades", "trade", "round trips", "round-trips", "round-trip trades"], rest1)
        {
            push(l, gap, v, half, Unit::Count)
        } else if (1900.0..=2100.0).contains(&v) && dec == 0 && !text[s..num_end].contains(',') {
            let l = unit_of(&["년"], rest).unwrap_or(0);
            push(l, 0, v, 0.0, Unit::Date { month: None, day: None })
        } else if let Some(l) = two_digit_year_at(text, s, num_end, v, dec) {
            push(l, 0, two_digit_year(v as i64) as f64, 0.0, Unit::Date { month: None, day: None })
        } else if let Some(l) = unit_of(&["년간", "년 간", "년"], rest1).filter(|_| v < 100.0) {
            push(l, gap, v, half, Unit::Years)
        } else if let Some(l) =
            word_of(&["years", "year", "yrs"], rest1).or_else(|| word_of(&["-year"], rest)).filter(|_| v < 100.0)
        {
            push(l, gap, v, half, Unit::Years)
        } else if let Some(l) = unit_of(&["개월"], rest1).or_else(|| word_of(&["months", "month"], rest1)) {
            push(l, gap, v, half, Unit::Months)
        } else if let Some(l) = unit_of(&["일선", "일짜리", "일"], rest) {
            push(l, 0, v, half, Unit::Days)
        } else if let Some(l) = word_of(&["-day", "-days", "d", "days", "day", "-bar", "bars", "bar"], rest)
            .or_else(|| word_of(&["days", "day", "bars", "bar", "periods", "period"], rest1).map(|l| l + gap))
        {
            push(l, 0, v, half, Unit::Days)
        } else if let Some(l) = unit_of(&["σ", "시그마"], rest1)
            .or_else(|| word_of(&["sigma", "std", "standard deviations", "standard deviation", "sd"], rest1))
        {
            push(l, gap, v, half, Unit::Sigma)
        } else if lead.ends_with("표준편차") || lead.ends_with('k') && lead.ends_with(" k") {
            push(0, 0, v, half, Unit::Sigma)
        } else if dec == 0 && text[s..num_end].len() == 6 && !text[s..num_end].contains(',') {
            // a KRX code
            continue;
        } else if unit_of(&["st", "nd", "rd", "th"], rest).is_some() {
            // an ordinal
            continue;
        } else {
            push(0, 0, v, half, Unit::Plain)
        };
        at = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Mention {
        let m = scan(text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        m.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn parts_of_years_ranges_and_spelled_decimals() {
        let years = |t: &str| -> Vec<f64> {
            scan(t).iter().filter(|m| matches!(m.unit, Unit::Date { .. })).map(|m| m.value).collect()
        };
        assert_eq!(years("from Q3 2021 through the end of 1H23"), [2021.0, 2023.0]);
        assert_eq!(years("H2 2020 and FY2019, 3Q21"), [2020.0, 2019.0, 2021.0]);
        assert_eq!(years("2021–22: lost 31%"), [2021.0, 2022.0]);
        assert_eq!(years("3 Jan 2012 – 30 Dec 2016"), [2012.0, 2016.0]);
        assert_eq!(years("Jan '19 to Dec ’23"), [2019.0, 2023.0]);
        // a month and day take the year named before them
        let d = scan("2020년 1월 2일부터 같은 해 12월 30일까지");
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[1].value, d[1].unit), (2020.0, Unit::Date { month: Some(12), day: Some(30) }));
        let m = one("about eleven point two percent a year");
        assert_eq!((m.value, m.unit, m.half), (11.2, Unit::Percent, 0.05));
        let m = one("nineteen point three five percent");
        assert!((m.value - 19.35).abs() < 1e-9 && (m.half - 0.005).abs() < 1e-12, "{m:?}");
    }

    #[test]
    fn yearless_days_native_counts_and_spelled_points() {
        let dates: Vec<(f64, Unit)> = scan("held to Dec. 30, sold on 3/23, 12월 28일까지")
            .iter()
            .filter(|m| matches!(m.unit, Unit::Date { .. }))
            .map(|m| (m.value, m.unit))
            .collect();
        assert_eq!(
            dates,
            [
                (0.0, Unit::Date { month: Some(12), day: Some(30) }),
                (0.0, Unit::Date { month: Some(3), day: Some(23) }),
                (0.0, Unit::Date { month: Some(12), day: Some(28) }),
            ]
        );
        // "market 21" is not March 21st; "20/60" is not a date
        assert!(scan("in the market 21.2% of the time, SMA 20/60")
            .iter()
            .all(|m| !matches!(m.unit, Unit::Date { .. })));
        let m = one("거래: 스물여덟 번");
        assert_eq!((m.value, m.unit), (28.0, Unit::Count));
        let m = one("roughly three percentage points ahead");
        assert_eq!((m.value, m.unit, m.approx), (3.0, Unit::Points, true));
        let m = one("2023년 3분기 서한");
        assert_eq!((m.value, m.unit), (2023.0, Unit::Date { month: None, day: None }));
    }

    #[test]
    fn fields_and_amounts_in_tables() {
        // a comma between CSV fields is not a thousands separator
        let v: Vec<f64> = scan("fast=10,slow=50,2017-01-03").iter().map(|m| m.value).collect();
        assert_eq!(v, [10.0, 50.0, 2017.0]);
        // two amounts in a row stay two
        let v: Vec<f64> = scan("1억\t2억 5,631만\t156.31%").iter().map(|m| m.value).collect();
        assert_eq!(v, [1e8, 256_310_000.0, 156.31]);
        let m = one("20k -> ");
        assert_eq!((m.value, m.unit), (20_000.0, Unit::Money));
        let m = one("50,000 USD");
        assert_eq!((m.value, m.unit), (50_000.0, Unit::Money));
    }

    #[test]
    fn korean_money_compounds() {
        let m = one("1억 2,583만 5천 원으로 늘었다");
        assert_eq!(m.unit, Unit::Money);
        assert_eq!(m.value, 125_835_000.0);
        assert_eq!(m.half, 500.0);
        assert_eq!(m.text, "1억 2,583만 5천 원");
        let m = one("5천만 원");
        assert_eq!(m.value, 50_000_000.0);
        let m = one("16만 2,560달러");
        assert_eq!(m.value, 162_560.0);
        let m = one("약 3.8억 원");
        assert_eq!((m.value, m.approx), (380_000_000.0, true));
        assert!((m.half - 5_000_000.0).abs() < 1e-6);
    }

    #[test]
    fn english_money_and_units() {
        let m = one("grew to $1.88M by then");
        assert_eq!((m.unit, m.value), (Unit::Money, 1_880_000.0));
        let m = one("KRW 435.9 million");
        assert_eq!((m.unit, m.value), (Unit::Money, 435_900_000.0));
        let m = one("a gap of 6,398bp");
        assert_eq!(m.unit, Unit::Points);
        assert!((m.value - 63.98).abs() < 1e-9);
        let m = one("lagged by 32.15 percentage points");
        assert_eq!((m.unit, m.value), (Unit::Points, 32.15));
        let m = one("Sixty-nine trades in all");
        assert_eq!((m.unit, m.value), (Unit::Count, 69.0));
        let m = one("(-3.6%p)");
        assert_eq!((m.sign, m.unit), (Some('-'), Unit::Points));
    }

    #[test]
    fn dates_and_codes() {
        let ms = scan("삼성SDI(006400), 2020-03-02 ~ 2022-12-29, 2019년 1월부터 Jan 2022 – Dec 2024");
        let units: Vec<_> = ms.iter().map(|m| (m.value, m.unit)).collect();
        assert_eq!(units.len(), 5, "{ms:?}");
        assert!(matches!(units[0], (2020.0, Unit::Date { month: Some(3), day: Some(2) })));
        assert!(matches!(units[2], (2019.0, Unit::Date { month: Some(1), day: None })));
        assert!(matches!(units[4], (2024.0, Unit::Date { month: Some(12), day: None })));
    }
}
