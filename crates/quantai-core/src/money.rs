//! Exact money arithmetic.
//!
//! Prices are USD per 1M tokens with at most six decimal places, stored as integer
//! micro-dollars per 1M tokens. The cost of `n` tokens at `p` micro-dollars per 1M tokens is
//! `n * p` pico-dollars (1e-12 USD) exactly: `n * p * 1e-6 / 1e6` USD. No floating point
//! is involved anywhere between a price and a cost.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Result};

/// Decimal places a price per 1M tokens may have.
pub const PRICE_SCALE: u32 = 6;

/// A price in USD per 1M tokens, held exactly as micro-dollars per 1M tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Price {
    micros_per_million: i64,
}

impl Price {
    /// Builds a price from integer micro-dollars per 1M tokens.
    pub fn from_micros_per_million(micros: i64) -> Result<Self> {
        if micros < 0 {
            return Err(Error::Price(format!("price must not be negative, got {micros} micro-USD per 1M tokens")));
        }
        Ok(Self { micros_per_million: micros })
    }

    /// Parses a decimal string of USD per 1M tokens, such as `"0.15"`.
    pub fn parse(s: &str) -> Result<Self> {
        let d = Decimal::from_str(s.trim()).map_err(|e| Error::Price(format!("{s:?} is not a decimal number: {e}")))?;
        Self::from_decimal(d)
    }

    /// Converts a decimal USD-per-1M-tokens value, refusing negatives and more than six decimals.
    pub fn from_decimal(d: Decimal) -> Result<Self> {
        if d.is_sign_negative() && !d.is_zero() {
            return Err(Error::Price(format!("price must not be negative, got {d}")));
        }
        let d = d.normalize();
        if d.scale() > PRICE_SCALE {
            return Err(Error::Price(format!(
                "price {d} has {} decimal places; at most {PRICE_SCALE} are allowed",
                d.scale()
            )));
        }
        let micros = d * Decimal::from(1_000_000u32);
        let micros = i64::try_from(micros).map_err(|_| Error::Price(format!("price {d} is too large")))?;
        Ok(Self { micros_per_million: micros })
    }

    /// Integer micro-dollars per 1M tokens.
    pub fn micros_per_million(self) -> i64 {
        self.micros_per_million
    }

    /// The price as an exact decimal of USD per 1M tokens.
    pub fn as_decimal(self) -> Decimal {
        Decimal::new(self.micros_per_million, PRICE_SCALE).normalize()
    }

    /// The exact cost of `tokens` tokens at this price.
    pub fn cost(self, tokens: u64) -> Cost {
        Cost::from_picos(i128::from(tokens) * i128::from(self.micros_per_million))
    }
}

impl fmt::Display for Price {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_decimal())
    }
}

impl Serialize for Price {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_decimal().to_string())
    }
}

impl<'de> Deserialize<'de> for Price {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Int(i64),
            // A TOML float is read through its shortest round-trip text, so 0.15 stays 0.15.
            Float(f64),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Text(s) => s,
            Raw::Int(i) => i.to_string(),
            Raw::Float(f) => format!("{f}"),
        };
        Price::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// An exact amount of USD, held as integer pico-dollars (1e-12 USD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Cost {
    picos: i128,
}

impl Cost {
    /// Zero dollars.
    pub const ZERO: Cost = Cost { picos: 0 };

    /// An amount of USD, truncated to whole pico-dollars.
    pub fn from_usd(usd: Decimal) -> Self {
        Self { picos: (usd * Decimal::from(1_000_000_000_000u64)).trunc().mantissa() }
    }

    /// Builds a cost from pico-dollars.
    pub fn from_picos(picos: i128) -> Self {
        Self { picos }
    }

    /// Pico-dollars (1e-12 USD).
    pub fn picos(self) -> i128 {
        self.picos
    }

    /// Pico-dollars as an `i64` for storage; `None` past about 9.2 million USD.
    pub fn picos_i64(self) -> Option<i64> {
        i64::try_from(self.picos).ok()
    }

    /// The cost as an exact decimal of USD.
    pub fn as_decimal(self) -> Decimal {
        // i128 pico-dollars fit a Decimal's 96-bit mantissa up to ~7.9e16 USD.
        Decimal::from_i128_with_scale(self.picos, 12).normalize()
    }
}

impl std::ops::Add for Cost {
    type Output = Cost;
    fn add(self, rhs: Cost) -> Cost {
        Cost { picos: self.picos + rhs.picos }
    }
}

impl std::iter::Sum for Cost {
    fn sum<I: Iterator<Item = Cost>>(iter: I) -> Cost {
        iter.fold(Cost::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Cost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_decimal())
    }
}

impl Serialize for Cost {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.as_decimal().to_string())
    }
}

/// The three prices of a model, per 1M tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceSheet {
    pub input: Price,
    pub cached_input: Price,
    pub output: Price,
}

/// Token counts of one call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenUsage {
    pub prompt_tokens: u64,
    /// The part of `prompt_tokens` served from the provider's prompt cache.
    pub cached_tokens: u64,
    pub completion_tokens: u64,
}

impl PriceSheet {
    /// Exact cost of a call: uncached prompt tokens at the input price, cached prompt tokens at
    /// the cached-input price, completion tokens at the output price. Cached tokens above the
    /// prompt count are clamped to the prompt count.
    pub fn cost(&self, usage: &TokenUsage) -> Cost {
        let cached = usage.cached_tokens.min(usage.prompt_tokens);
        let uncached = usage.prompt_tokens - cached;
        self.input.cost(uncached) + self.cached_input.cost(cached) + self.output.cost(usage.completion_tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sheet(i: &str, c: &str, o: &str) -> PriceSheet {
        PriceSheet {
            input: Price::parse(i).unwrap(),
            cached_input: Price::parse(c).unwrap(),
            output: Price::parse(o).unwrap(),
        }
    }

    #[test]
    fn issue_example_gpt_4o_mini() {
        // 12 prompt + 5 completion tokens on gpt-4o-mini ($0.15 / $0.60 per 1M) = $0.0000048.
        let s = sheet("0.15", "0.075", "0.60");
        let c = s.cost(&TokenUsage { prompt_tokens: 12, cached_tokens: 0, completion_tokens: 5 });
        assert_eq!(c.as_decimal(), Decimal::from_str("0.0000048").unwrap());
        assert_eq!(c.to_string(), "0.0000048");
    }

    #[test]
    fn cached_tokens_use_cached_price() {
        // 1000 prompt of which 400 cached on gpt-4o: 600*2.5e-6 + 400*1.25e-6 + 100*10e-6
        // = 0.0015 + 0.0005 + 0.001 = 0.003
        let s = sheet("2.50", "1.25", "10.00");
        let c = s.cost(&TokenUsage { prompt_tokens: 1000, cached_tokens: 400, completion_tokens: 100 });
        assert_eq!(c.to_string(), "0.003");
    }

    #[test]
    fn refuses_bad_prices() {
        assert!(Price::parse("-1").is_err());
        assert!(Price::parse("0.0000001").is_err());
        assert!(Price::parse("abc").is_err());
        assert_eq!(Price::parse("0.000001").unwrap().micros_per_million(), 1);
    }

    #[test]
    fn toml_float_prices_are_exact() {
        #[derive(Deserialize)]
        struct W {
            p: Price,
        }
        let w: W = toml::from_str("p = 0.15").unwrap();
        assert_eq!(w.p.micros_per_million(), 150_000);
        let w: W = toml::from_str("p = \"10.00\"").unwrap();
        assert_eq!(w.p.micros_per_million(), 10_000_000);
    }

    proptest! {
        // The integer cost equals the decimal formula tokens * price / 1e6 computed independently.
        #[test]
        fn cost_matches_decimal_formula(tokens in 0u64..10_000_000_000, micros in 0i64..1_000_000_000) {
            let price = Price::from_micros_per_million(micros).unwrap();
            let expected = Decimal::from(tokens) * Decimal::new(micros, 6) / Decimal::from(1_000_000u32);
            prop_assert_eq!(price.cost(tokens).as_decimal(), expected.normalize());
        }

        // Cost is additive: splitting the tokens of a call never changes the total.
        #[test]
        fn cost_is_additive(a in 0u64..1_000_000_000, b in 0u64..1_000_000_000, micros in 0i64..100_000_000) {
            let p = Price::from_micros_per_million(micros).unwrap();
            prop_assert_eq!(p.cost(a) + p.cost(b), p.cost(a + b));
        }

        // Caching never makes a call more expensive when the cached price is at most the input price.
        #[test]
        fn caching_never_costs_more(prompt in 0u64..1_000_000, cached in 0u64..2_000_000, out in 0u64..1_000_000,
                                     inp in 0i64..100_000_000, frac in 0i64..=100) {
            let s = PriceSheet {
                input: Price::from_micros_per_million(inp).unwrap(),
                cached_input: Price::from_micros_per_million(inp * frac / 100).unwrap(),
                output: Price::from_micros_per_million(inp).unwrap(),
            };
            let with = s.cost(&TokenUsage { prompt_tokens: prompt, cached_tokens: cached, completion_tokens: out });
            let without = s.cost(&TokenUsage { prompt_tokens: prompt, cached_tokens: 0, completion_tokens: out });
            prop_assert!(with <= without);
        }

        // Parsing the display of a price gives the same price back.
        #[test]
        fn price_round_trips(micros in 0i64..1_000_000_000_000) {
            let p = Price::from_micros_per_million(micros).unwrap();
            prop_assert_eq!(Price::parse(&p.to_string()).unwrap(), p);
        }
    }
}
