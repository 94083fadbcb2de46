//! The domain language in retrieval ([`quantai_lang`]).
//!
//! Index time: each document's [`Facts`] — the instruments, assets and strategies its metadata
//! names or its text mentions, the KPI values its metadata holds or its text states, the years
//! it covers — and keywords that put those in both languages and as canonical tokens into the
//! keyword index, so 하닉 finds "SK hynix" and "Amazon" finds 아마존.
//!
//! Query time: what the query names becomes [`Understood`]: instruments and assets the results
//! must mention, a named strategy the results must be (a described one only boosts), KPI
//! conditions the results must meet, years that boost, a query for the keyword ranking with
//! the canonical tokens added, and an English rendering for an embedder that reads no Korean.

use quantai_lang::{Condition, EntityKind, Lexicon, Recognition, Via};
use serde_json::Value;

/// KPI fields a document's metadata may hold, named as the lexicon names KPIs.
const KPIS: [&str; 6] = ["total_return", "cagr", "sharpe", "max_drawdown", "win_rate", "n_trades"];

/// A (kind, id) as one number (FNV-1a), so a search's gate compares integers.
pub fn key(kind: EntityKind, id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in [kind as u8].iter().chain(id.as_bytes()) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// What a document is about, for gates and boosts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Instruments, assets and strategies: (kind, id).
    pub entities: Vec<(EntityKind, String)>,
    /// [`key`] of each entity, in the same order.
    pub keys: Vec<u64>,
    /// KPI values (metadata first, then what the text states).
    pub values: Vec<(String, f64)>,
    /// Years the document covers or names.
    pub years: Vec<i32>,
    /// Fast/slow window pairs (metadata `param_fast`/`param_slow` or the text).
    pub pairs: Vec<(u32, u32)>,
    /// Extra keyword-index text: canonical tokens and names in both languages.
    pub keywords: String,
}

impl Facts {
    pub fn has(&self, kind: EntityKind, id: &str) -> bool {
        self.has_key(key(kind, id))
    }

    pub fn has_key(&self, k: u64) -> bool {
        self.keys.contains(&k)
    }

    pub fn value(&self, kpi: &str) -> Option<f64> {
        self.values.iter().find(|(k, _)| k == kpi).map(|(_, v)| *v)
    }
}

fn year_of(v: &Value) -> Option<i32> {
    v.as_str().and_then(|s| s.get(..4)).and_then(|y| y.parse().ok())
}

/// The facts of a document.
pub fn facts(lx: &Lexicon, text: &str, metadata: &Value) -> Facts {
    let rec = lx.recognise(text);
    let mut f = Facts::default();
    let add = |f: &mut Facts, kind: EntityKind, id: &str| {
        if !f.has(kind, id) {
            f.entities.push((kind, id.to_string()));
            f.keys.push(key(kind, id));
        }
    };
    if let Some(sym) = metadata.get("symbol").and_then(Value::as_str) {
        let known = lx.instruments_of(sym);
        if known.is_empty() {
            let market = metadata.get("market").and_then(Value::as_str).unwrap_or("US");
            add(&mut f, EntityKind::Instrument, &format!("{}:{}", market.to_uppercase(), sym.to_uppercase()));
        }
        for id in known {
            add(&mut f, EntityKind::Instrument, id);
        }
    }
    if let Some(kind) = metadata.get("kind").and_then(Value::as_str) {
        if lx.entry(EntityKind::Strategy, kind).is_some() {
            add(&mut f, EntityKind::Strategy, kind);
        }
    }
    let named_strategy = f.entities.iter().any(|(k, _)| *k == EntityKind::Strategy);
    for e in &rec.entities {
        let wanted = match e.kind {
            EntityKind::Instrument | EntityKind::Asset => e.confidence >= 0.5,
            // The metadata's kind is the truth; text adds kinds only where metadata has none.
            EntityKind::Strategy => !named_strategy && (e.via != Via::Behaviour || e.confidence >= 0.7),
            _ => false,
        };
        if wanted {
            add(&mut f, e.kind, &e.id);
        }
    }
    // The same company under another ticker (GOOG, GOOGL) is the same to a user.
    let related: Vec<String> = f
        .entities
        .iter()
        .filter(|(k, _)| *k == EntityKind::Instrument)
        .filter_map(|(_, id)| lx.entry(EntityKind::Instrument, id))
        .flat_map(|e| e.related.clone())
        .collect();
    for id in related {
        add(&mut f, EntityKind::Instrument, &id);
    }
    for k in KPIS {
        if let Some(v) = metadata.get(k).and_then(Value::as_f64) {
            f.values.push((k.to_string(), v));
        }
    }
    for (k, v) in lx.kpi_values(text, &rec) {
        if f.value(&k).is_none() {
            f.values.push((k, v));
        }
    }
    let whole = |k: &str| metadata.get(k).and_then(Value::as_f64).filter(|v| v.fract() == 0.0 && *v > 0.0);
    if let (Some(a), Some(z)) = (whole("param_fast").or(whole("fast")), whole("param_slow").or(whole("slow"))) {
        f.pairs.push((a as u32, z as u32));
    }
    for p in &rec.pairs {
        if !f.pairs.contains(p) {
            f.pairs.push(*p);
        }
    }
    let mut years = rec.years.clone();
    if let (Some(a), Some(z)) = (metadata.get("from").and_then(year_of), metadata.get("to").and_then(year_of)) {
        if a <= z && z - a <= 50 {
            years.extend(a..=z);
        }
    }
    years.sort_unstable();
    years.dedup();
    f.years = years;
    f.keywords = keywords(lx, f.entities.iter().map(|(k, i)| (*k, i.as_str())));
    f
}

/// Canonical tokens and both-language names of entities, as keyword-index text.
pub fn keywords<'a>(lx: &Lexicon, entities: impl Iterator<Item = (EntityKind, &'a str)>) -> String {
    let mut out = String::new();
    for (kind, id) in entities {
        out.push_str(&Lexicon::token(kind, id));
        out.push(' ');
        if let Some(e) = lx.entry(kind, id) {
            for n in [&e.ko, &e.en] {
                out.push_str(n);
                out.push(' ');
            }
            if let Some((t, _)) = &e.ticker {
                out.push_str(t);
                out.push(' ');
            }
        }
    }
    out
}

/// What a query asks for.
#[derive(Clone, Debug, Default)]
pub struct Understood {
    pub recognition: Recognition,
    /// Results must mention one of these (instruments and assets named with confidence).
    pub instruments: Vec<(EntityKind, String)>,
    /// Results must be one of these strategies (named, not described).
    pub strategies: Vec<String>,
    /// Strategies described by behaviour: a boost.
    pub described: Vec<String>,
    /// Conditions results must meet.
    pub conditions: Vec<Condition>,
    /// Results must cover one of these years (when the query names any).
    pub years: Vec<i32>,
    /// Window pairs: a boost.
    pub pairs: Vec<(u32, u32)>,
    /// The query for the keyword ranking: the text and the canonical tokens.
    pub keyword_query: String,
    /// The query for an embedder that reads no Korean: entities by their English names and the
    /// query's Latin words.
    pub english: String,
    /// [`key`]s of `instruments`, `strategies` and `described`.
    instrument_keys: Vec<u64>,
    strategy_keys: Vec<u64>,
    described_keys: Vec<u64>,
}

impl Understood {
    /// Whether a document passes the query's gates.
    pub fn admits(&self, f: &Facts) -> bool {
        (self.instrument_keys.is_empty() || self.instrument_keys.iter().any(|k| f.has_key(*k)))
            && (self.strategy_keys.is_empty() || self.strategy_keys.iter().any(|k| f.has_key(*k)))
            && self.conditions.iter().all(|c| f.value(&c.kpi).is_some_and(|v| c.holds(v)))
            && (self.years.is_empty() || self.years.iter().any(|y| f.years.contains(y)))
    }

    /// Whether the query restricts results at all.
    pub fn gates(&self) -> bool {
        !self.instruments.is_empty()
            || !self.strategies.is_empty()
            || !self.conditions.is_empty()
            || !self.years.is_empty()
    }

    /// The boost a document gets: described strategies it is, years it covers.
    pub fn boost(&self, f: &Facts) -> f64 {
        let mut b = 0.0;
        if self.described_keys.iter().any(|k| f.has_key(*k)) {
            b += BOOST_DESCRIBED;
        }
        if self.pairs.iter().any(|p| f.pairs.contains(p)) {
            b += BOOST_PAIR;
        }
        b
    }
}

/// Fused-score boost for a described strategy (an RRF rank-1 contribution is 1/61 ≈ 0.016).
pub const BOOST_DESCRIBED: f64 = 0.05;
/// Fused-score boost for the window pair the query names.
pub const BOOST_PAIR: f64 = 0.05;

/// Understands a query.
pub fn understand(lx: &Lexicon, query: &str) -> Understood {
    let rec = lx.recognise(query);
    let mut u = Understood::default();
    for e in &rec.entities {
        let id = e.id.clone();
        match e.kind {
            EntityKind::Instrument | EntityKind::Asset if e.confidence >= 0.4 => {
                let key = (e.kind, id);
                if !u.instruments.contains(&key) {
                    u.instruments.push(key);
                }
            }
            EntityKind::Strategy => {
                let list = if e.via == Via::Behaviour { &mut u.described } else { &mut u.strategies };
                if !list.contains(&id) {
                    list.push(id);
                }
            }
            _ => {}
        }
    }
    u.instrument_keys = u.instruments.iter().map(|(k, id)| key(*k, id)).collect();
    u.strategy_keys = u.strategies.iter().map(|id| key(EntityKind::Strategy, id)).collect();
    u.described_keys = u.described.iter().map(|id| key(EntityKind::Strategy, id)).collect();
    u.conditions = rec.conditions.clone();
    u.years = rec.years.clone();
    u.pairs = rec.pairs.clone();
    // Entities that gate are in every document the gate admits: their tokens would rank
    // nothing and cost a posting list each. The rest (described strategies, unsure names) rank.
    let gated = |e: &&quantai_lang::Entity| match e.kind {
        EntityKind::Instrument | EntityKind::Asset => u.instruments.iter().any(|(k, id)| *k == e.kind && *id == e.id),
        EntityKind::Strategy => u.strategies.contains(&e.id),
        _ => false,
    };
    let tokens = keywords(
        lx,
        rec.entities
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::Instrument | EntityKind::Asset | EntityKind::Strategy))
            .filter(|e| !gated(e))
            .map(|e| (e.kind, e.id.as_str())),
    );
    u.keyword_query = format!("{query} {tokens}");
    u.english = english(lx, query, &rec);
    u.recognition = rec;
    u
}

/// The query with each recognised entity in English and the Hangul left out.
fn english(lx: &Lexicon, query: &str, rec: &Recognition) -> String {
    let mut out = String::new();
    let mut at = 0;
    for e in &rec.entities {
        if e.span.start < at {
            continue;
        }
        out.push_str(&query[at..e.span.start]);
        let name = lx.entry(e.kind, &e.id).map(|x| {
            if !x.en.is_empty() {
                x.en.clone()
            } else {
                x.aliases.iter().find(|a| a.is_ascii()).cloned().unwrap_or_else(|| x.id.replace('_', " "))
            }
        });
        out.push(' ');
        out.push_str(&name.unwrap_or_else(|| query[e.span.clone()].to_string()));
        out.push(' ');
        at = e.span.end;
    }
    out.push_str(&query[at..]);
    let latin: String = out.chars().map(|c| if quantai_lang::norm::hangul(c) { ' ' } else { c }).collect();
    latin.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lx() -> std::sync::Arc<Lexicon> {
        Lexicon::shared()
    }

    #[test]
    fn facts_come_from_metadata_and_text() {
        let lx = lx();
        let f = facts(&lx, "하닉 골크 20/60, 샤프 1.3, MDD 12%", &json!({}));
        assert!(f.has(EntityKind::Instrument, "KRX:000660") && f.has(EntityKind::Strategy, "sma_cross"), "{f:?}");
        assert_eq!(f.value("sharpe"), Some(1.3));
        assert!((f.value("max_drawdown").unwrap_or(0.0) + 0.12).abs() < 1e-9);
        assert!(f.keywords.contains("SK") && f.keywords.contains("zqikrx000660"), "{}", f.keywords);
        let m = facts(
            &lx,
            "whatever",
            &json!({"symbol": "AAPL", "kind": "rsi_reversion", "sharpe": 0.4, "from": "2019-01-02", "to": "2021-12-30"}),
        );
        assert!(m.has(EntityKind::Instrument, "US:AAPL") && m.has(EntityKind::Strategy, "rsi_reversion"));
        assert_eq!(m.years, [2019, 2020, 2021]);
        assert!(m.keywords.contains("애플") && m.keywords.contains("zqiusaapl"), "{}", m.keywords);
    }

    #[test]
    fn queries_gate_boost_and_render_in_english() {
        let lx = lx();
        let u = understand(&lx, "샤프 1 이상인 삼전 골크 전략");
        assert_eq!(u.instruments, [(EntityKind::Instrument, "KRX:005930".to_string())]);
        // 골크 (golden cross) is a moving-average cross of either kind.
        assert_eq!(u.strategies, ["sma_cross", "ema_cross"]);
        assert!(u.english.contains("Samsung Electronics"), "{}", u.english);
        let doc = |sharpe: f64| facts(&lx, "x", &json!({"symbol": "005930", "kind": "sma_cross", "sharpe": sharpe}));
        assert!(u.admits(&doc(1.2)) && !u.admits(&doc(0.8)));
        assert!(!u.admits(&facts(&lx, "하닉 골크", &json!({}))), "another instrument");
        let d = understand(&lx, "the one that buys weakness and sells strength");
        assert!(d.strategies.is_empty() && d.described == ["rsi_reversion"] && !d.gates());
    }
}
