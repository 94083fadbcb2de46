//! quantai-guard: finds personal data (PII) and banned words in prompt text before it leaves
//! for an LLM provider, and masks them. Entry points: [`Detector::mask`] (with a per-request
//! [`Vault`] that [`Vault::restore`]s the originals in the answer) and [`BannedWords`].
//!
//! # Rules, and why
//! Prompts on a trading platform are full of numbers: dates, prices, stock codes, order
//! numbers, KPIs. A false positive corrupts the question sent to the model; a miss leaks
//! personal data. So every kind is a shape **and** a proof:
//! - **Email**: `local@domain.tld`, not glued to a longer word.
//! - **Phone**: Korean mobiles (010 has an 8-digit subscriber number) with or without
//!   separators and with `+82`/`82-`; Korean landlines (02, 031–033, 041–044, 051–055,
//!   061–064, 070) only with separators or as `(02)`/`02)`; US/NANP numbers (area and
//!   exchange start 2–9) only with separators or parentheses (spaces only after `+1`).
//! - **RRN** (주민등록번호, and 외국인등록번호 of the same shape): `YYMMDD-GNNNNNN`,
//!   `YYMMDD GNNNNNN` or 13 digits, with a real calendar date (leap years by the century that
//!   `G` encodes) and `G` in 1–8. No check digit is required: numbers issued since October
//!   2020 carry none.
//! - **SSN** (US): `AAA-GG-SSSS` or `AAA GG SSSS` with area 001–899 except 666, group 01–99
//!   and serial 0001–9999; nine plain digits only with an SSN word (`SSN`, `social security`,
//!   `사회보장`) shortly before.
//! - **Driver's licence** (Korean): `RR-YY-NNNNNN-CC` with region code 11–28 (or a region
//!   name such as `서울 21-123456-78`); twelve plain digits only with a licence word
//!   (`면허`, `licence`, `license`, `DL`) shortly before.
//! - **Passport**: a letter and eight digits (`M12345678`: Korean and US next-generation
//!   books), Korea's 2021 format (`M123A4567`); nine plain digits (older US books) only with a
//!   passport word (`여권`, `passport`) shortly before.
//! - **IPv4**: four dot-separated numbers 0–255, not part of a longer dotted number.
//! - **Card**: 13–19 digits, contiguous or in groups split by one kind of single separator,
//!   with a real issuer prefix and length, and Luhn-valid.
//! - **Bank account**: 3–4 hyphenated digit groups, 10–14 digits, **and** a bank/account word
//!   within 20 characters before it (order numbers look the same without one).
//!
//! Every numeric kind must stand alone: an ASCII letter or digit right before or after it,
//! or `-`/`/` + letter-or-digit, or `.`/`:` + digit, means it is part of something longer
//! (a date, a version, an order id, a longer digit run). Korean text may touch it
//! (`010-1234-5678로`). Where kinds overlap: email > RRN > card > SSN > licence > passport > phone > IPv4 > account.
//!
//! Masking replaces each value with a placeholder such as `[PHONE_1]`; one [`Vault`] per
//! request keeps the numbering stable across all messages of that request.

mod pii;
mod vault;
mod words;
mod writer;

use serde::{Deserialize, Serialize};

pub use pii::Detector;
pub use vault::{StreamRestore, Vault};
pub use words::{BannedWords, WordAction};
pub use writer::MaskingWriter;

/// A kind of personal data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PiiKind {
    Email,
    Phone,
    Rrn,
    Card,
    BankAccount,
    Ssn,
    DriverLicense,
    Passport,
    Ipv4,
}

impl PiiKind {
    /// How many kinds there are.
    pub const COUNT: usize = 9;

    /// Every kind, in declaration order.
    pub const ALL: [PiiKind; Self::COUNT] = [
        PiiKind::Email,
        PiiKind::Phone,
        PiiKind::Rrn,
        PiiKind::Card,
        PiiKind::BankAccount,
        PiiKind::Ssn,
        PiiKind::DriverLicense,
        PiiKind::Passport,
        PiiKind::Ipv4,
    ];

    /// The placeholder label: `[EMAIL_1]`, `[ACCOUNT_2]`, ...
    pub fn label(self) -> &'static str {
        match self {
            PiiKind::Email => "EMAIL",
            PiiKind::Phone => "PHONE",
            PiiKind::Rrn => "RRN",
            PiiKind::Card => "CARD",
            PiiKind::BankAccount => "ACCOUNT",
            PiiKind::Ssn => "SSN",
            PiiKind::DriverLicense => "LICENSE",
            PiiKind::Passport => "PASSPORT",
            PiiKind::Ipv4 => "IP",
        }
    }

    /// The snake_case name, as in configuration and metrics: `email`, `bank_account`, ...
    pub fn name(self) -> &'static str {
        match self {
            PiiKind::Email => "email",
            PiiKind::Phone => "phone",
            PiiKind::Rrn => "rrn",
            PiiKind::Card => "card",
            PiiKind::BankAccount => "bank_account",
            PiiKind::Ssn => "ssn",
            PiiKind::DriverLicense => "driver_license",
            PiiKind::Passport => "passport",
            PiiKind::Ipv4 => "ipv4",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One detected value: `text[start..end]` (byte offsets) is of `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    pub kind: PiiKind,
    pub start: usize,
    pub end: usize,
}

/// Errors of quantai-guard.
#[derive(Debug, thiserror::Error)]
pub enum GuardError {
    /// A banned word was empty or only whitespace; it would match everywhere.
    #[error("banned word #{index} ({value:?}) is empty or blank")]
    EmptyBannedWord { index: usize, value: String },
    /// The banned-word matcher could not be built (e.g. the list is too large).
    #[error("banned words cannot be compiled: {0}")]
    Matcher(String),
}

/// Result alias for quantai-guard.
pub type Result<T, E = GuardError> = std::result::Result<T, E>;
