//! The lexicon's files: `data/instruments.toml` and `data/terms.toml` ship in the binary; a
//! user's own files in the same shape extend them (`rag.lexicon_files`).

use serde::Deserialize;

/// The instruments shipped with quantai.
pub const INSTRUMENTS: &str = include_str!("../data/instruments.toml");
/// The domain terms shipped with quantai.
pub const TERMS: &str = include_str!("../data/terms.toml");

/// One lexicon file: any of its sections may be absent.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    #[serde(default)]
    pub instrument: Vec<Instrument>,
    #[serde(default)]
    pub asset: Vec<Named>,
    #[serde(default)]
    pub strategy: Vec<Strategy>,
    #[serde(default)]
    pub param: Vec<Term>,
    #[serde(default)]
    pub direction: Vec<Term>,
    #[serde(default)]
    pub cost: Vec<Term>,
    #[serde(default)]
    pub kpi: Vec<Term>,
    #[serde(default)]
    pub comparator: Vec<Term>,
    #[serde(default)]
    pub condition: Vec<FixedCondition>,
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// A listed stock or ETF.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub ticker: String,
    /// `KRX` or `US`.
    pub market: String,
    #[serde(default)]
    pub board: String,
    #[serde(default)]
    pub ko: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Aliases (or the ticker) that count only written in exactly this case.
    #[serde(default)]
    pub strict: Vec<String>,
    /// Tickers of the same market that are the same company to a trader (GOOG and GOOGL).
    #[serde(default)]
    pub related: Vec<String>,
}

/// Something with names in both languages (an asset quantai does not trade).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub id: String,
    #[serde(default)]
    pub ko: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub strict: Vec<String>,
}

/// A piece of behaviour that points to a strategy kind, with its weight.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    pub text: String,
    pub weight: f32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strategy {
    pub id: String,
    #[serde(default)]
    pub ko: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub strict: Vec<String>,
    #[serde(default)]
    pub cues: Vec<Cue>,
}

/// A word with a canonical id (parameters, directions, costs, KPIs, comparisons).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub strict: Vec<String>,
}

/// A phrase that is a whole condition ("negative return": total_return < 0).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedCondition {
    pub text: Vec<String>,
    pub kpi: String,
    pub op: String,
    pub value: f64,
}
