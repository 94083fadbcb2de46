//! Candidate regexes plus the checks a regex cannot express (boundaries, dates, checksums,
//! issuer prefixes, context words).

use std::ops::{ControlFlow, Range};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexBuilder};

use crate::{Finding, PiiKind, Vault};

/// Where findings of two kinds overlap, the earlier kind here wins.
const PRIORITY: [PiiKind; PiiKind::COUNT] = [
    PiiKind::Email,
    PiiKind::Rrn,
    PiiKind::Card,
    PiiKind::Ssn,
    PiiKind::DriverLicense,
    PiiKind::Passport,
    PiiKind::Phone,
    PiiKind::Ipv4,
    PiiKind::BankAccount,
];

/// How far before a number (in characters) a context word may stand.
const CONTEXT_CHARS: usize = 20;

/// Words that make an ambiguous number personal data of a kind: a hyphenated account, nine
/// plain digits as an SSN or passport, twelve plain digits as a driver's licence.
#[rustfmt::skip]
const CONTEXT_WORDS: &[(&str, PiiKind)] = &[
    ("계좌", PiiKind::BankAccount), ("입금", PiiKind::BankAccount), ("송금", PiiKind::BankAccount),
    ("이체", PiiKind::BankAccount), ("은행", PiiKind::BankAccount), ("뱅크", PiiKind::BankAccount),
    ("예금주", PiiKind::BankAccount), ("account", PiiKind::BankAccount), ("acct", PiiKind::BankAccount),
    ("bank", PiiKind::BankAccount), ("신한", PiiKind::BankAccount), ("국민", PiiKind::BankAccount),
    ("KB", PiiKind::BankAccount), ("우리", PiiKind::BankAccount), ("하나", PiiKind::BankAccount),
    ("농협", PiiKind::BankAccount), ("NH", PiiKind::BankAccount), ("기업", PiiKind::BankAccount),
    ("IBK", PiiKind::BankAccount), ("카카오", PiiKind::BankAccount), ("토스", PiiKind::BankAccount),
    ("SC제일", PiiKind::BankAccount), ("씨티", PiiKind::BankAccount), ("우체국", PiiKind::BankAccount),
    ("새마을", PiiKind::BankAccount), ("신협", PiiKind::BankAccount), ("수협", PiiKind::BankAccount),
    ("부산", PiiKind::BankAccount), ("대구", PiiKind::BankAccount), ("경남", PiiKind::BankAccount),
    ("광주", PiiKind::BankAccount), ("전북", PiiKind::BankAccount), ("제주", PiiKind::BankAccount),
    ("케이뱅크", PiiKind::BankAccount),
    ("SSN", PiiKind::Ssn), ("SS#", PiiKind::Ssn), ("social security", PiiKind::Ssn),
    ("socialsecurity", PiiKind::Ssn), ("사회보장", PiiKind::Ssn), ("사회 보장", PiiKind::Ssn),
    ("TIN", PiiKind::Ssn), ("ITIN", PiiKind::Ssn), ("taxpayer", PiiKind::Ssn),
    ("면허", PiiKind::DriverLicense), ("운전", PiiKind::DriverLicense), ("licence", PiiKind::DriverLicense),
    ("license", PiiKind::DriverLicense), ("DL", PiiKind::DriverLicense), ("driver", PiiKind::DriverLicense),
    ("여권", PiiKind::Passport), ("passport", PiiKind::Passport), ("PP", PiiKind::Passport),
    ("IP", PiiKind::Ipv4), ("아이피", PiiKind::Ipv4),
];

/// Korean area codes without the leading 0.
const AREA: &str = r"(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70)";
/// Country code +82 (or `82` followed by a separator).
const KR: &str = r"(?:\+82[-.\x20]?|82[-.\x20])";
/// A NANP area/exchange code.
const NXX: &str = r"[2-9][0-9]{2}";

struct Patterns {
    email: Regex,
    mobile: Regex,
    landline: Regex,
    us_phone: Regex,
    rrn: Regex,
    card: Regex,
    account: Regex,
    ssn: Regex,
    licence: Regex,
    /// Twelve plain digits (a licence with its word), nine plain digits (SSN or passport).
    digits12: Regex,
    digits9: Regex,
    ipv4: Regex,
    /// A letter and eight digits, or Korea's 2021 passport format; over the whole text.
    passport: Regex,
    /// Any of the island kinds: one pass to skip an island.
    any_numeric: Regex,
    context: AhoCorasick,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(Patterns::build);

impl Patterns {
    #[allow(clippy::expect_used, reason = "compile-time constant patterns, compiled by every test")]
    fn build() -> Self {
        let re = |p: &str| RegexBuilder::new(p).unicode(false).build().expect("built-in pattern compiles");
        let label = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
        let mobile = format!(
            concat!(
                r"{KR}(?:\(0\))?0?1[016789][-.\x20]?[0-9]{{3,4}}[-.\x20]?[0-9]{{4}}", // +82 10-…, +82 (0)10 …
                r"|01[016789][-.\x20]?[0-9]{{3,4}}[-.\x20]?[0-9]{{4}}",               // 010-1234-5678, 01012345678
                r"|\(?01[016789]\)\x20?[0-9]{{3,4}}[-.\x20]?[0-9]{{4}}",              // (010) 1234-5678
            ),
            KR = KR
        );
        let landline = format!(
            concat!(
                r"(?:{KR}{AREA}|0{AREA})[-.\x20][0-9]{{3,4}}[-.\x20][0-9]{{4}}", // 02-123-4567, +82-2-…
                r"|\(?0{AREA}\)\x20?[0-9]{{3,4}}[-.\x20][0-9]{{4}}",             // (02) 123-4567, 02)123-4567
            ),
            KR = KR,
            AREA = AREA
        );
        let us_phone = format!(
            concat!(
                r"\+1[-.\x20]?(?:\({NXX}\)\x20?|{NXX}[-.\x20]){NXX}[-.\x20][0-9]{{4}}", // +1 415 555 2671
                r"|(?:1[-.\x20])?(?:\({NXX}\)\x20?|{NXX}[-.]){NXX}[-.][0-9]{{4}}",      // (415) 555-2671, 1-415-…
            ),
            NXX = NXX
        );
        let rrn = r"[0-9]{6}[-\x20]?[0-9]{7}";
        let ssn = r"[0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{3}\x20[0-9]{2}\x20[0-9]{4}|[0-9]{3}\.[0-9]{2}\.[0-9]{4}";
        // 11-23-456789-01 (also with spaces), or 23-456789-01 after a region name.
        let licence = r"[0-9]{2}-[0-9]{2}-[0-9]{6}-[0-9]{2}|[0-9]{2}\x20[0-9]{2}\x20[0-9]{6}\x20[0-9]{2}|[0-9]{2}-[0-9]{6}-[0-9]{2}";
        let (digits12, digits9) = (r"[0-9]{12}", r"[0-9]{9}");
        let card = concat!(
            r"[0-9]{13,19}",                                                           // contiguous
            r"|[0-9]{4}[-\x20][0-9]{6}[-\x20][0-9]{4,5}",                              // Amex/Diners 4-6-5, 4-6-4
            r"|[0-9]{4}(?:[-\x20][0-9]{4}){2}[-\x20][0-9]{1,4}(?:[-\x20][0-9]{1,4})?", // 4-4-4-4, 4-4-4-4-3
        );
        let any_numeric =
            [rrn, card, ssn, licence, digits9, &mobile, &landline, &us_phone].map(|p| format!("(?:{p})")).join("|");
        Patterns {
            email: re(&format!(r"[A-Za-z0-9._%+-]+@{label}(?:\.{label})*\.[A-Za-z]{{2,24}}")),
            mobile: re(&mobile),
            landline: re(&landline),
            us_phone: re(&us_phone),
            rrn: re(rrn),
            card: re(card),
            account: re(r"[0-9]{3,6}(?:-[0-9]{2,7}){2,3}"),
            ssn: re(ssn),
            licence: re(licence),
            digits12: re(digits12),
            digits9: re(digits9),
            ipv4: re(r"[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}"),
            passport: re(r"[A-Za-z](?:[0-9]{8}|[0-9]{3}[A-Za-z][0-9]{4})"),
            any_numeric: re(&any_numeric),
            context: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(CONTEXT_WORDS.iter().map(|(w, _)| w))
                .expect("built-in context words compile"),
        }
    }
}

/// Finds and masks PII. Cheap to copy and share: the compiled patterns are process-wide.
#[derive(Clone, Copy, Debug)]
pub struct Detector {
    enabled: [bool; PiiKind::COUNT],
}

impl Default for Detector {
    fn default() -> Self {
        Self::new()
    }
}

impl Detector {
    /// A detector for every [`PiiKind`].
    pub fn new() -> Self {
        Self::with_kinds(&PiiKind::ALL)
    }

    /// A detector for the given kinds only.
    pub fn with_kinds(kinds: &[PiiKind]) -> Self {
        LazyLock::force(&PATTERNS);
        let mut enabled = [false; PiiKind::COUNT];
        for k in kinds {
            enabled[k.index()] = true;
        }
        Detector { enabled }
    }

    /// All findings, non-overlapping, sorted by start. Allocates only when something is found.
    pub fn find(&self, text: &str) -> Vec<Finding> {
        let mut out: Vec<Finding> = Vec::new();
        let _ = self.scan(text, &mut |f| {
            // Kinds arrive in priority order and one kind never overlaps itself, so a
            // finding overlapping an accepted one has lower priority: drop it.
            let i = out.partition_point(|g| g.start < f.start);
            let clear_before = i == 0 || out[i - 1].end <= f.start;
            let clear_after = out.get(i).is_none_or(|g| f.end <= g.start);
            if clear_before && clear_after {
                out.insert(i, f);
            }
            ControlFlow::Continue(())
        });
        out
    }

    /// Whether `text` holds any PII; stops at the first finding and never allocates.
    pub fn contains_pii(&self, text: &str) -> bool {
        self.scan(text, &mut |_| ControlFlow::Break(())).is_break()
    }

    /// Replaces each finding with its placeholder from `vault` (`[EMAIL_1]`, `[PHONE_2]`, ...;
    /// the same value always gets the same one). `None` when nothing was found.
    pub fn mask(&self, text: &str, vault: &mut Vault) -> Option<String> {
        let findings = self.find(text);
        if findings.is_empty() {
            return None;
        }
        let mut out = String::with_capacity(text.len() + 4 * findings.len());
        let mut last = 0;
        for f in &findings {
            out.push_str(&text[last..f.start]);
            vault.push_placeholder(f.kind, &text[f.start..f.end], &mut out);
            last = f.end;
        }
        out.push_str(&text[last..]);
        Some(out)
    }

    /// Calls `emit` with every valid candidate: emails and passports over the whole text, then
    /// each numeric island kind by kind in [`PRIORITY`] order (so [`Detector::find`] can
    /// resolve overlaps).
    fn scan(&self, text: &str, emit: &mut dyn FnMut(Finding) -> ControlFlow<()>) -> ControlFlow<()> {
        let p = &*PATTERNS;
        let b = text.as_bytes();
        if self.on(PiiKind::Email) && b.contains(&b'@') {
            each(&p.email, text, 0..b.len(), PiiKind::Email, emit, |s, e| email(b, s, e))?;
        }
        // Numeric candidates consist of digits and `-. ()+` only. Most numbers in prompts
        // (prices, dates, KPIs) sit in islands with fewer than 9 digits, the fewest any kind
        // but IPv4 has (02-123-4567), so the regexes run on a few short slices, not on the
        // whole text; an IPv4 island needs three dots.
        if !b.iter().any(u8::is_ascii_digit) {
            return ControlFlow::Continue(());
        }
        let island_byte = |c: u8| c.is_ascii_digit() || b"-. ()+".contains(&c);
        let mut last_account = None;
        let mut letter_digits = false;
        let mut i = 0;
        while i < b.len() {
            let start = i;
            let (mut n_digits, mut n_dots) = (0, 0);
            while i < b.len() && island_byte(b[i]) {
                n_digits += usize::from(b[i].is_ascii_digit());
                n_dots += usize::from(b[i] == b'.');
                i += 1;
            }
            letter_digits |= n_digits >= 3 && start > 0 && b[start - 1].is_ascii_alphabetic();
            if n_digits >= 9 || (n_dots >= 3 && n_digits >= 4) {
                self.scan_island(text, start..i, n_digits, &mut last_account, emit)?;
            }
            i += 1;
        }
        // Passports start with a letter, so they are no island of their own.
        if letter_digits && self.on(PiiKind::Passport) {
            each(&p.passport, text, 0..b.len(), PiiKind::Passport, emit, |s, e| bounded(b, s, e).then_some((s, e)))?;
        }
        ControlFlow::Continue(())
    }

    fn on(&self, kind: PiiKind) -> bool {
        self.enabled[kind.index()]
    }

    fn scan_island(
        &self,
        text: &str,
        island: Range<usize>,
        n_digits: usize,
        last_account: &mut Option<usize>,
        emit: &mut dyn FnMut(Finding) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let (p, b) = (&*PATTERNS, text.as_bytes());
        let plain = |s, e| bounded(b, s, e).then_some((s, e));
        // A number that needs its word may touch it: "SSN123456789".
        let with_word = |kind| {
            move |s, e| {
                let alone = free_before(b, s) || word_ends_at(text, s, kind);
                (alone && free_after(b, e) && context(text, s, kind)).then_some((s, e))
            }
        };
        // Cheap pre-checks: no candidate of those kinds at all; no bank context reaching in.
        let any_numeric = n_digits >= 9 && p.any_numeric.is_match(&text[island.clone()]);
        let any_account = n_digits >= 9 && account_context(text, island.start, *last_account);
        for kind in PRIORITY.into_iter().filter(|&k| self.on(k)) {
            let r = island.clone();
            match kind {
                PiiKind::Email | PiiKind::Passport if !any_numeric => {}
                PiiKind::Email => {}
                PiiKind::Ipv4 => each(&p.ipv4, text, r, kind, emit, |s, e| ipv4(text, s, e))?,
                PiiKind::BankAccount if !any_account => {}
                _ if kind != PiiKind::BankAccount && !any_numeric => {}
                PiiKind::Rrn => each(&p.rrn, text, r, kind, emit, |s, e| plain(s, e).filter(|_| rrn(b, s, e)))?,
                PiiKind::Card => each(&p.card, text, r, kind, emit, |s, e| card(b, s, e))?,
                PiiKind::Ssn => {
                    each(&p.ssn, text, r.clone(), kind, emit, |s, e| plain(s, e).filter(|_| ssn(b, s, e)))?;
                    each(&p.digits9, text, r, kind, emit, |s, e| with_word(kind)(s, e).filter(|_| ssn(b, s, e)))?;
                }
                PiiKind::DriverLicense => {
                    each(&p.licence, text, r.clone(), kind, emit, |s, e| plain(s, e).filter(|_| licence(b, s, e)))?;
                    each(&p.digits12, text, r, kind, emit, with_word(kind))?;
                }
                PiiKind::Passport => each(&p.digits9, text, r, kind, emit, with_word(kind))?,
                PiiKind::Phone => {
                    each(&p.mobile, text, r.clone(), kind, emit, |s, e| plain(s, e).filter(|_| mobile(b, s, e)))?;
                    each(&p.landline, text, r.clone(), kind, emit, plain)?;
                    each(&p.us_phone, text, r, kind, emit, plain)?;
                }
                PiiKind::BankAccount => each(&p.account, text, r, kind, emit, |s, e| {
                    let ok = bounded(b, s, e)
                        && (10..=14).contains(&b[s..e].iter().filter(|c| c.is_ascii_digit()).count())
                        && account_context(text, s, *last_account);
                    ok.then(|| {
                        *last_account = Some(e);
                        (s, e)
                    })
                })?,
            }
        }
        ControlFlow::Continue(())
    }
}

/// Runs `re` over `text[range]`; `check` turns a candidate (offsets into `text`) into a
/// finding's range or rejects it. After a rejection the search resumes one byte later, past
/// any start glued to a letter or digit (which [`bounded`] would reject anyway), so digit runs
/// stay linear; an email resumes after the rejected match, its local part being unbounded.
fn each(
    re: &Regex,
    text: &str,
    range: Range<usize>,
    kind: PiiKind,
    emit: &mut dyn FnMut(Finding) -> ControlFlow<()>,
    mut check: impl FnMut(usize, usize) -> Option<(usize, usize)>,
) -> ControlFlow<()> {
    let (b, hay, base) = (text.as_bytes(), &text[range.clone()], range.start);
    let mut pos = 0;
    while let Some(m) = re.find_at(hay, pos) {
        let (s, e) = (base + m.start(), base + m.end());
        match check(s, e) {
            Some((start, end)) => {
                emit(Finding { kind, start, end })?;
                pos = end - base;
            }
            None if kind == PiiKind::Email => pos = m.end(),
            None => {
                pos = m.start() + 1;
                while base + pos < range.end && is_word(b[base + pos - 1]) {
                    pos += 1;
                }
            }
        }
    }
    ControlFlow::Continue(())
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Whether `b[s..e]` stands alone rather than being part of a longer token.
fn bounded(b: &[u8], s: usize, e: usize) -> bool {
    free_before(b, s) && free_after(b, e)
}

/// `-` and `/` join to letters and digits (ORD-…, 2024/…); `.` and `:` only to digits
/// (1.5, 09:30), so "Tel.010-…" and "Tel:010-…" still count.
fn joins(punct: u8, other: Option<&u8>) -> bool {
    match punct {
        b'-' | b'/' => other.is_some_and(|&c| is_word(c)),
        b'.' | b':' => other.is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

/// Nothing before `s` continues the token.
fn free_before(b: &[u8], s: usize) -> bool {
    match s.checked_sub(1).map(|i| b[i]) {
        None => true,
        Some(c) if is_word(c) || c == b'+' || c == b'@' => false,
        Some(c) => !joins(c, s.checked_sub(2).and_then(|i| b.get(i))),
    }
}

/// Nothing from `e` on continues the token.
fn free_after(b: &[u8], e: usize) -> bool {
    match b.get(e) {
        None => true,
        Some(&c) if is_word(c) || c == b'@' => false,
        Some(&c) => !joins(c, b.get(e + 1)),
    }
}

/// The values of the ASCII digits of `b`, on the stack. Only the first 24 are kept, which is
/// more than any kind accepts.
fn digits(b: &[u8]) -> ([u8; 24], usize) {
    let (mut buf, mut len) = ([0; 24], 0);
    for &c in b.iter().filter(|c| c.is_ascii_digit()).take(24) {
        buf[len] = c - b'0';
        len += 1;
    }
    (buf, len)
}

fn email(b: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    if s > 0 && local(b[s - 1]) {
        return None; // a retry inside a longer local part
    }
    if b.get(e).is_some_and(|&c| is_word(c) || c == b'-' || c == b'@') {
        return None;
    }
    // The local part must start with a letter or digit; leading punctuation stays outside.
    let at = s + b[s..e].iter().position(|&c| c == b'@')?;
    let start = s + b[s..at].iter().position(u8::is_ascii_alphanumeric)?;
    Some((start, e))
}

/// Korean mobile: a 010 number has an 8-digit subscriber part, 011/016–019 7 or 8.
fn mobile(b: &[u8], s: usize, e: usize) -> bool {
    let (buf, len) = digits(&b[s..e]);
    let mut n = &buf[..len];
    if matches!(b[s], b'+' | b'8') {
        n = &n[2..]; // country code 82
    }
    if n.first() == Some(&0) {
        n = &n[1..];
    }
    match n {
        [1, 0, rest @ ..] => rest.len() == 8,
        [1, _, rest @ ..] => (7..=8).contains(&rest.len()),
        _ => false,
    }
}

/// 주민등록번호 / 외국인등록번호: a real date in the century `G` encodes. The old check digit is
/// not required: numbers issued since October 2020 have none.
fn rrn(b: &[u8], s: usize, e: usize) -> bool {
    let (buf, len) = digits(&b[s..e]);
    let d = &buf[..len];
    let n2 = |i: usize| u32::from(d[i]) * 10 + u32::from(d[i + 1]);
    let (yy, mm, dd) = (n2(0), n2(2), n2(4));
    let century = match d[6] {
        1 | 2 | 5 | 6 => 1900,
        3 | 4 | 7 | 8 => 2000,
        _ => return false,
    };
    let year = century + yy;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match mm {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    dd != 0 && dd <= days
}

/// US SSN: area 001–899 but 666, group 01–99, serial 0001–9999 (SSA's never-issued values).
fn ssn(b: &[u8], s: usize, e: usize) -> bool {
    let (buf, len) = digits(&b[s..e]);
    let n = |r: Range<usize>| buf[r].iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x));
    len == 9 && !matches!(n(0..3), 0 | 666 | 900..) && n(3..5) != 0 && n(5..9) != 0
}

/// Korean driver's licence: four groups start with a region code 11–28; the three-group form
/// (after a region name) is taken as it is.
fn licence(b: &[u8], s: usize, e: usize) -> bool {
    let (buf, len) = digits(&b[s..e]);
    len == 10 || (len == 12 && (11..=28).contains(&(u32::from(buf[0]) * 10 + u32::from(buf[1]))))
}

/// IPv4: four numbers 0–255, not inside a longer dotted number; a `:port` may follow, and
/// "IP" may touch it.
fn ipv4(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let in_range = b[s..e]
        .split(|&c| c == b'.')
        .all(|part| part.iter().fold(0u32, |acc, &x| acc * 10 + u32::from(x - b'0')) <= 255);
    let port = b.get(e) == Some(&b':') && b.get(e + 1).is_some_and(u8::is_ascii_digit);
    let before = free_before(b, s) || word_ends_at(text, s, PiiKind::Ipv4);
    (in_range && before && (port || free_after(b, e))).then_some((s, e))
}

/// Card: one kind of separator, issuer prefix and length, Luhn. For space-separated
/// groups, a trailing group may be a separate number, so shorter prefixes are tried too.
fn card(b: &[u8], s: usize, e: usize) -> Option<(usize, usize)> {
    let m = &b[s..e];
    let sep = m.iter().copied().find(|c| !c.is_ascii_digit());
    if let Some(sep) = sep {
        if m.iter().any(|&c| !c.is_ascii_digit() && c != sep) {
            return None;
        }
    }
    let mut end = e;
    loop {
        let (buf, len) = digits(&b[s..end]);
        let d = &buf[..len];
        if (13..=19).contains(&len) && bounded(b, s, end) && issuer(d) && luhn(d) {
            return Some((s, end));
        }
        if sep != Some(b' ') || len <= 13 {
            return None;
        }
        end = s + b[s..end].iter().rposition(|&c| c == b' ')?;
    }
}

fn issuer(d: &[u8]) -> bool {
    let n = d.len();
    let prefix = |k: usize| d[..k].iter().fold(0, |acc, &x| acc * 10 + u32::from(x));
    let (p2, p3, p4) = (prefix(2), prefix(3), prefix(4));
    match p2 {
        34 | 37 => n == 15,                                          // Amex
        40..=49 => matches!(n, 13 | 16 | 19),                        // Visa
        51..=55 => n == 16,                                          // Mastercard
        22..=27 => (2221..=2720).contains(&p4) && n == 16,           // Mastercard 2-series
        35 => (3528..=3589).contains(&p4) && (16..=19).contains(&n), // JCB
        36 | 38 | 39 => (14..=19).contains(&n),                      // Diners
        30 => (300..=305).contains(&p3) && (14..=19).contains(&n),   // Diners
        60 => p4 == 6011 && (16..=19).contains(&n),                  // Discover
        64 => (644..=649).contains(&p3) && (16..=19).contains(&n),   // Discover
        62 | 65 => (16..=19).contains(&n),                           // UnionPay, Discover
        90..=99 => n == 16,                                          // Korean domestic
        _ => false,
    }
}

#[allow(clippy::manual_is_multiple_of, reason = "u32::is_multiple_of needs Rust 1.87; the workspace declares 1.85")]
fn luhn(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            let x = u32::from(x);
            match i % 2 {
                0 => x,
                _ if x > 4 => 2 * x - 9,
                _ => 2 * x,
            }
        })
        .sum();
    sum % 10 == 0
}

/// A bank word within [`CONTEXT_CHARS`] characters before `s`, or an account just before
/// (a list after one "계좌:" keeps its context).
fn account_context(text: &str, s: usize, last_account_end: Option<usize>) -> bool {
    let from = context_start(text, s);
    last_account_end.is_some_and(|end| end >= from) || context(text, s, PiiKind::BankAccount)
}

/// Where the context window before `s` starts.
fn context_start(text: &str, s: usize) -> usize {
    text[..s].char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(i, _)| i)
}

/// A context word of `kind` ends right at `s` ("SSN123456789", "IP10.0.0.1").
fn word_ends_at(text: &str, s: usize, kind: PiiKind) -> bool {
    let head = &text[..s];
    CONTEXT_WORDS.iter().any(|&(w, k)| {
        k == kind
            && head.len() >= w.len()
            && head.is_char_boundary(head.len() - w.len())
            && head[head.len() - w.len()..].eq_ignore_ascii_case(w)
    })
}

/// A context word of `kind` within [`CONTEXT_CHARS`] characters before `s`.
fn context(text: &str, s: usize, kind: PiiKind) -> bool {
    let from = context_start(text, s);
    let b = text.as_bytes();
    PATTERNS.context.find_overlapping_iter(&text[from..s]).any(|m| {
        let (word, k) = CONTEXT_WORDS[m.pattern().as_usize()];
        let word = word.as_bytes();
        let (ws, we) = (from + m.start(), from + m.end());
        let ascii_letter = |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(u8::is_ascii_alphabetic);
        // Latin words must not continue a word ("KBO", "snowbank"); acronyms must not
        // be continued either ("NHN"). Korean words may touch anything.
        let glued_before = word[0].is_ascii() && ascii_letter(ws.checked_sub(1));
        let glued_after = word.len() <= 3 && word.is_ascii() && ascii_letter(Some(we));
        k == kind && !glued_before && !glued_after
    })
}
