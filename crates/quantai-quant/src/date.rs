//! ISO dates (`YYYY-MM-DD`), the one date format of market data.

use time::macros::format_description;
use time::Date;

const ISO: &[time::format_description::BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// Parses `YYYY-MM-DD`.
pub fn parse(s: &str) -> Result<Date, time::error::Parse> {
    Date::parse(s.trim(), ISO)
}

/// Formats as `YYYY-MM-DD`.
pub fn iso(d: Date) -> String {
    d.format(ISO).unwrap_or_else(|_| d.to_string())
}

/// Serde as an ISO string.
pub mod serde_iso {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        super::parse(&s).map_err(|e| serde::de::Error::custom(format!("date {s:?}: {e}")))
    }
}
