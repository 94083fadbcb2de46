//! quantai-lang: the Korean/English language of the market that retrieval, the strategy builder
//! and ChatOps share. It owns the lexicon (instruments with their Korean and English names,
//! abbreviations and nicknames; strategy kinds with their names and the behaviour people describe
//! instead; parameter, direction, cost and KPI words; comparison words) — data files, not code —
//! and [`Lexicon::recognise`], which finds them in a text: entities with exact spans, canonical
//! ids and a confidence, KPI conditions ("샤프 1 이상", "drawdown under 20%") and years.
//!
//! One Aho–Corasick automaton holds every key in matching form (lower case, no spaces or
//! hyphens, see [`norm`]); a match stands if its edges are word edges (a Latin or digit key may
//! not continue a Latin word or number; a short Hangul key may not continue a Hangul word, while
//! a particle may follow it), strict keys match their case, and overlaps go to the longer match.
//! Latin words of five letters or more that no key knows are corrected first when exactly one
//! lexicon word is one edit away ("bolinger" → bollinger).

pub mod data;
pub mod jamo;
pub mod norm;

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

use crate::norm::Normalised;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A listed stock or ETF: id `MARKET:TICKER` (`KRX:005930`, `US:AAPL`).
    Instrument,
    /// An asset quantai does not trade (crypto, FX, commodities): id `CRYPTO:BTC`, ….
    Asset,
    /// A strategy kind: id as in a strategy spec (`sma_cross`).
    Strategy,
    /// A strategy parameter (`fast`, `slow`, `period`, `k`, `lower`, `upper`, `signal`).
    Param,
    /// `long_only` or `long_short`.
    Direction,
    /// `commission`, `sell_tax` or `slippage`.
    Cost,
    /// A KPI, named as in a backtest's KPIs (`sharpe`, `max_drawdown`, …).
    Kpi,
    /// A comparison (`gt`, `gte`, `lt`, `lte`).
    Comparator,
}

impl EntityKind {
    /// The letter of the kind in a canonical token.
    fn letter(self) -> char {
        match self {
            EntityKind::Instrument => 'i',
            EntityKind::Asset => 'a',
            EntityKind::Strategy => 's',
            EntityKind::Param => 'p',
            EntityKind::Direction => 'd',
            EntityKind::Cost => 'c',
            EntityKind::Kpi => 'k',
            EntityKind::Comparator => 'o',
        }
    }

    /// Which of two overlapping matches of equal length wins (lower first).
    fn rank(self) -> u8 {
        match self {
            EntityKind::Kpi => 1,
            EntityKind::Strategy => 2,
            EntityKind::Param => 3,
            EntityKind::Direction => 4,
            EntityKind::Cost => 5,
            EntityKind::Instrument => 6,
            EntityKind::Asset => 7,
            EntityKind::Comparator => 8,
        }
    }
}

/// How an entity was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Its Korean or English name, or its ticker.
    Name,
    /// An abbreviation, nickname or other spelling.
    Alias,
    /// Described by its behaviour (strategies).
    Behaviour,
    /// A word one typo away from a lexicon word.
    Corrected,
}

/// Something recognised in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The canonical id.
    pub id: String,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// 0 to 1: 1 for a name, less for an alias shared by several entries, a typo or behaviour.
    pub confidence: f32,
    pub via: Via,
}

/// A comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Gt,
    Gte,
    Lt,
    Lte,
}

impl Op {
    fn parse(s: &str) -> Option<Op> {
        Some(match s {
            "gt" => Op::Gt,
            "gte" => Op::Gte,
            "lt" => Op::Lt,
            "lte" => Op::Lte,
            _ => return None,
        })
    }

    /// The same comparison with its sides negated (`x > v` ⇔ `-x < -v`).
    fn flipped(self) -> Op {
        match self {
            Op::Gt => Op::Lt,
            Op::Gte => Op::Lte,
            Op::Lt => Op::Gt,
            Op::Lte => Op::Gte,
        }
    }

    /// Whether `x op v` holds.
    pub fn holds(self, x: f64, v: f64) -> bool {
        match self {
            Op::Gt => x > v,
            Op::Gte => x >= v,
            Op::Lt => x < v,
            Op::Lte => x <= v,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Op::Gt => "gt",
            Op::Gte => "gte",
            Op::Lt => "lt",
            Op::Lte => "lte",
        }
    }
}

/// A condition on a KPI, in the KPI's own units: fractions for returns, drawdowns and win rates
/// (a drawdown is negative: "MDD under 20%" is `max_drawdown > -0.2`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Condition {
    pub kpi: String,
    pub op: Op,
    pub value: f64,
    pub span: Range<usize>,
}

impl Condition {
    /// Whether a KPI value meets the condition.
    pub fn holds(&self, x: f64) -> bool {
        self.op.holds(x, self.value)
    }
}

/// What [`Lexicon::recognise`] found, entities in text order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Recognition {
    pub entities: Vec<Entity>,
    pub conditions: Vec<Condition>,
    /// Years named (`2022`, `2019~2021`, `22년`), ascending, distinct.
    pub years: Vec<i32>,
    /// Fast/slow window pairs (`20/60`, `fast=10, slow=30`, `n1=5,n2=20`, `5일선 20일선`).
    pub pairs: Vec<(u32, u32)>,
}

impl Recognition {
    /// The ids of one kind, in text order, distinct.
    pub fn ids(&self, kind: EntityKind) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for e in self.entities.iter().filter(|e| e.kind == kind) {
            if !out.contains(&e.id.as_str()) {
                out.push(&e.id);
            }
        }
        out
    }
}

/// A lexicon file that cannot be used, naming the file and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon {file}: {message}")]
    Parse { file: String, message: String },
    #[error("lexicon {file}: {message}")]
    Invalid { file: String, message: String },
    #[error("lexicon: {0}")]
    Build(String),
}

/// An entry: something with a canonical id.
#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: EntityKind,
    pub id: String,
    /// Korean and English names (may be empty for terms).
    pub ko: String,
    pub en: String,
    pub aliases: Vec<String>,
    /// For instruments: the ticker and the market.
    pub ticker: Option<(String, String)>,
    /// Ids of entries that are the same thing to a user (GOOG and GOOGL).
    pub related: Vec<String>,
}

/// What a key stands for.
#[derive(Clone, Debug)]
enum Role {
    Entity { entry: u32, via: Via },
    Cue { entry: u32, weight: f32 },
    Condition { kpi: String, op: Op, value: f64 },
    Ignore,
}

#[derive(Clone, Debug)]
struct Target {
    role: Role,
    /// The key's strict form when it counts only in its own case.
    strict: Option<String>,
}

/// Collects lexicon files and symbols, then builds the [`Lexicon`].
#[derive(Default)]
pub struct Builder {
    files: Vec<(String, data::File)>,
    symbols: Vec<(String, String)>,
}

impl Builder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder holding the files shipped with quantai.
    pub fn shipped() -> Result<Self, LexiconError> {
        let mut b = Self::new();
        b.add_toml("instruments.toml (shipped)", data::INSTRUMENTS)?;
        b.add_toml("terms.toml (shipped)", data::TERMS)?;
        Ok(b)
    }

    /// Adds a lexicon file (the shape of the shipped ones; any section may be absent). An
    /// instrument already known by market and ticker gets the file's names as more aliases.
    pub fn add_toml(&mut self, name: &str, text: &str) -> Result<&mut Self, LexiconError> {
        let file: data::File =
            toml::from_str(text).map_err(|e| LexiconError::Parse { file: name.into(), message: e.to_string() })?;
        let bad = |message: String| LexiconError::Invalid { file: name.into(), message };
        for i in &file.instrument {
            if !matches!(i.market.as_str(), "KRX" | "US") {
                return Err(bad(format!("instrument {:?}: market {:?} is not KRX or US", i.ticker, i.market)));
            }
            if i.ticker.trim().is_empty() {
                return Err(bad("an instrument has an empty ticker".into()));
            }
        }
        for s in &file.strategy {
            if let Some(c) = s.cues.iter().find(|c| !(c.weight > 0.0 && c.weight <= 1.0)) {
                return Err(bad(format!(
                    "strategy {:?}: cue {:?} has weight {} (0 < weight ≤ 1)",
                    s.id, c.text, c.weight
                )));
            }
        }
        for c in &file.condition {
            if Op::parse(&c.op).is_none() {
                return Err(bad(format!("condition {:?}: op {:?} is not gt, gte, lt or lte", c.text, c.op)));
            }
        }
        for c in &file.comparator {
            if Op::parse(&c.id).is_none() && !matches!(c.id.as_str(), "worse" | "better") {
                return Err(bad(format!("comparator {:?} is not gt, gte, lt, lte, worse or better", c.id)));
            }
        }
        self.files.push((name.to_string(), file));
        Ok(self)
    }

    /// Makes a symbol known by its ticker (symbols imported into the market-data store). A
    /// symbol already in a file is left as it is.
    pub fn add_symbol(&mut self, ticker: &str, market: &str) -> &mut Self {
        self.symbols.push((ticker.to_string(), market.to_string()));
        self
    }

    /// Builds the automaton.
    pub fn build(self) -> Result<Lexicon, LexiconError> {
        let mut lx = Parts::default();
        for (_, f) in &self.files {
            for i in &f.instrument {
                let id = format!("{}:{}", i.market, i.ticker.to_uppercase());
                let e = lx.entry(EntityKind::Instrument, &id, &i.ko, &i.en);
                lx.entries[e].ticker = Some((i.ticker.to_uppercase(), i.market.clone()));
                for r in &i.related {
                    let rid = format!("{}:{}", i.market, r.to_uppercase());
                    if !lx.entries[e].related.contains(&rid) {
                        lx.entries[e].related.push(rid);
                    }
                }
                // Tickers of up to three letters are words too often (ALL, LOW, ON): exact case.
                let short = i.ticker.len() <= 3 && i.ticker.bytes().all(|b| b.is_ascii_alphabetic());
                let strict_ticker = short || i.strict.iter().any(|s| s == &i.ticker);
                lx.key(&i.ticker, e, Via::Name, strict_ticker);
                lx.names(e, &i.ko, &i.en, &i.aliases, &i.strict);
            }
            for a in &f.asset {
                let e = lx.entry(EntityKind::Asset, &a.id, &a.ko, &a.en);
                lx.names(e, &a.ko, &a.en, &a.aliases, &a.strict);
            }
            for s in &f.strategy {
                let e = lx.entry(EntityKind::Strategy, &s.id, &s.ko, &s.en);
                lx.names(e, &s.ko, &s.en, &s.aliases, &s.strict);
                for c in &s.cues {
                    lx.add(&c.text, Role::Cue { entry: e as u32, weight: c.weight }, false);
                }
            }
            for (kind, terms) in [
                (EntityKind::Param, &f.param),
                (EntityKind::Direction, &f.direction),
                (EntityKind::Cost, &f.cost),
                (EntityKind::Kpi, &f.kpi),
                (EntityKind::Comparator, &f.comparator),
            ] {
                for t in terms {
                    let e = lx.entry(kind, &t.id, "", "");
                    lx.names(e, "", "", &t.aliases, &t.strict);
                }
            }
            for c in &f.condition {
                let op = Op::parse(&c.op).ok_or_else(|| LexiconError::Build(format!("op {:?}", c.op)))?;
                for t in &c.text {
                    lx.add(t, Role::Condition { kpi: c.kpi.clone(), op, value: c.value }, false);
                }
            }
            for t in &f.ignore {
                lx.add(t, Role::Ignore, false);
            }
        }
        for (ticker, market) in &self.symbols {
            let market = market.to_uppercase();
            let id = format!("{market}:{}", ticker.to_uppercase());
            if !lx.by_id.contains_key(&(EntityKind::Instrument, id.clone())) && !ticker.trim().is_empty() {
                let e = lx.entry(EntityKind::Instrument, &id, "", "");
                lx.entries[e].ticker = Some((ticker.to_uppercase(), market));
                let short = ticker.len() <= 3 && ticker.bytes().all(|b| b.is_ascii_alphabetic());
                lx.key(ticker, e, Via::Name, short);
            }
        }
        lx.finish()
    }
}

#[derive(Default)]
struct Parts {
    entries: Vec<Entry>,
    by_id: HashMap<(EntityKind, String), usize>,
    keys: Vec<String>,
    targets: Vec<Vec<Target>>,
    by_key: HashMap<String, usize>,
    words: Vec<String>,
    /// Korean words of two syllables or more in keys (spaces dropped), and whether the key
    /// names an instrument, strategy (or its behaviour) or KPI.
    ko_words: Vec<(String, bool)>,
    acronyms: Vec<String>,
}

impl Parts {
    fn entry(&mut self, kind: EntityKind, id: &str, ko: &str, en: &str) -> usize {
        if let Some(&e) = self.by_id.get(&(kind, id.to_string())) {
            let entry = &mut self.entries[e];
            for (have, new) in [(&mut entry.ko, ko), (&mut entry.en, en)] {
                if have.is_empty() {
                    *have = new.to_string();
                } else if !new.is_empty() && have != new {
                    entry.aliases.push(new.to_string());
                }
            }
            return e;
        }
        self.entries.push(Entry {
            kind,
            id: id.to_string(),
            ko: ko.to_string(),
            en: en.to_string(),
            aliases: Vec::new(),
            ticker: None,
            related: Vec::new(),
        });
        self.by_id.insert((kind, id.to_string()), self.entries.len() - 1);
        self.entries.len() - 1
    }

    fn names(&mut self, e: usize, ko: &str, en: &str, aliases: &[String], strict: &[String]) {
        for n in [ko, en] {
            if !n.is_empty() {
                self.key(n, e, Via::Name, strict.iter().any(|s| s == n));
            }
        }
        for a in aliases {
            self.key(a, e, Via::Alias, strict.iter().any(|s| s == a));
            if !self.entries[e].aliases.contains(a) {
                self.entries[e].aliases.push(a.clone());
            }
        }
    }

    fn key(&mut self, text: &str, e: usize, via: Via, strict: bool) {
        self.add(text, Role::Entity { entry: e as u32, via }, strict);
    }

    fn add(&mut self, text: &str, role: Role, strict: bool) {
        let k = norm::key(text);
        if k.is_empty() {
            return;
        }
        if text.len() == 4 && text.bytes().all(|b| b.is_ascii_uppercase()) {
            self.acronyms.push(text.to_ascii_lowercase());
        }
        if !strict {
            for w in text.split(|c: char| norm::skipped(c) || c == '.' || c == '/') {
                if w.len() >= 5 && w.bytes().all(|b| b.is_ascii_alphabetic()) {
                    self.words.push(w.to_ascii_lowercase());
                }
            }
            // A Korean name of four syllables or more, spaces dropped (삼성전자, 에코프로비엠).
            let ko: String = text.chars().filter(|c| !norm::skipped(*c)).collect();
            if ko.chars().count() >= 4 && ko.chars().all(norm::hangul) {
                self.words.push(ko.clone());
            }
            // Korean words of two syllables or more, alone or in a mixed key (화학 in LG화학).
            let thing = match &role {
                Role::Entity { entry, .. } => matches!(
                    self.entries[*entry as usize].kind,
                    EntityKind::Instrument | EntityKind::Strategy | EntityKind::Kpi
                ),
                // A strategy's behaviour (돌파, 하단).
                Role::Cue { .. } => true,
                _ => false,
            };
            for w in ko.split(|c: char| !norm::hangul(c) || jamo::lone(c)) {
                if w.chars().count() >= 2 {
                    self.ko_words.push((w.to_string(), thing));
                }
            }
        }
        let i = match self.by_key.get(&k) {
            Some(&i) => i,
            None => {
                self.keys.push(k.clone());
                self.targets.push(Vec::new());
                self.by_key.insert(k, self.keys.len() - 1);
                self.keys.len() - 1
            }
        };
        let strict = strict.then(|| norm::strict_key(text));
        let t = &mut self.targets[i];
        // The same entry under the same key once: a name beats an alias.
        if let Role::Entity { entry, via } = &role {
            if let Some(old) = t.iter_mut().find(|x| matches!(x.role, Role::Entity { entry: o, .. } if o == *entry)) {
                if *via == Via::Name {
                    old.role = role;
                    old.strict = strict;
                }
                return;
            }
        }
        t.push(Target { role, strict });
    }

    fn finish(mut self) -> Result<Lexicon, LexiconError> {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&self.keys)
            .map_err(|e| LexiconError::Build(e.to_string()))?;
        self.words.sort();
        self.words.dedup();
        let mut deletes: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, w) in self.words.iter().enumerate() {
            deletes.entry(w.clone()).or_default().push(i as u32);
            for d in one_deleted(w) {
                let v = deletes.entry(d).or_default();
                if !v.contains(&(i as u32)) {
                    v.push(i as u32);
                }
            }
        }
        let mut by_ticker: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((t, _)) = &e.ticker {
                by_ticker.entry(t.clone()).or_default().push(i as u32);
            }
        }
        // One word, one flag: a thing only if every key it is in names one.
        self.ko_words.sort();
        let mut ko_words: Vec<String> = Vec::new();
        let mut ko_things: Vec<bool> = Vec::new();
        for (w, thing) in std::mem::take(&mut self.ko_words) {
            if ko_words.last() == Some(&w) {
                if let Some(t) = ko_things.last_mut() {
                    *t &= thing;
                }
            } else {
                ko_words.push(w);
                ko_things.push(thing);
            }
        }
        let mut ko_deletes: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, w) in ko_words.iter().enumerate() {
            let spelt = jamo::spell(w);
            for d in std::iter::once(spelt.clone()).chain(one_deleted(&spelt)) {
                let v = ko_deletes.entry(d).or_default();
                if !v.contains(&(i as u32)) {
                    v.push(i as u32);
                }
            }
        }
        let by_id = self.by_id.into_iter().map(|((k, id), e)| ((k, id), e as u32)).collect();
        let by_key = self.by_key.into_iter().map(|(k, i)| (k, i as u32)).collect();
        let words = self.words.into_iter().collect();
        let mut acronyms = self.acronyms;
        acronyms.sort();
        acronyms.dedup();
        Ok(Lexicon {
            ac: Some(ac),
            acronyms,
            targets: self.targets,
            entries: self.entries,
            by_id,
            by_ticker,
            by_key,
            words,
            deletes,
            ko_words,
            ko_things,
            ko_deletes,
        })
    }
}

/// The word with one character removed, each way.
fn one_deleted(w: &str) -> impl Iterator<Item = String> + '_ {
    w.char_indices().map(move |(i, c)| {
        let mut s = String::with_capacity(w.len());
        s.push_str(&w[..i]);
        s.push_str(&w[i + c.len_utf8()..]);
        s
    })
}

/// The lexicon, built once and shared.
pub struct Lexicon {
    /// `None` for a lexicon without keys.
    ac: Option<AhoCorasick>,
    targets: Vec<Vec<Target>>,
    entries: Vec<Entry>,
    by_id: HashMap<(EntityKind, String), u32>,
    by_ticker: HashMap<String, Vec<u32>>,
    /// Key (matching form) → its index in the automaton and `targets`.
    by_key: HashMap<String, u32>,
    words: Vec<String>,
    deletes: HashMap<String, Vec<u32>>,
    /// Korean keys of two syllables or more, and their jamo spellings with one jamo deleted (and
    /// none), for typos below the syllable.
    ko_words: Vec<String>,
    /// Per Korean word: whether it names an instrument, strategy or KPI wherever it is a key.
    ko_things: Vec<bool>,
    ko_deletes: HashMap<String, Vec<u32>>,
    /// Four-letter upper-case abbreviations (MACD, CAGR): "MADC" is one swap away.
    acronyms: Vec<String>,
}

/// A typo and its correction.
struct Fix {
    range: Range<usize>,
    with: String,
    /// Counts only inside a longer match than the word itself.
    weak: bool,
}

/// A match that passed its checks.
struct Candidate {
    range: Range<usize>,
    target: usize,
    key: usize,
    /// The match's length in matching form.
    len: usize,
}

impl Lexicon {
    /// The shipped lexicon alone.
    pub fn shipped() -> Result<Self, LexiconError> {
        Builder::shipped()?.build()
    }

    /// A lexicon that knows nothing (recognises nothing).
    pub fn empty() -> Self {
        Lexicon {
            ac: None,
            targets: Vec::new(),
            entries: Vec::new(),
            by_id: HashMap::new(),
            by_ticker: HashMap::new(),
            by_key: HashMap::new(),
            words: Vec::new(),
            deletes: HashMap::new(),
            ko_words: Vec::new(),
            ko_things: Vec::new(),
            ko_deletes: HashMap::new(),
            acronyms: Vec::new(),
        }
    }

    /// The shipped lexicon, built once per process and shared ([`Lexicon::empty`] if the
    /// shipped files were broken, which their tests rule out).
    pub fn shared() -> std::sync::Arc<Lexicon> {
        static SHIPPED: std::sync::LazyLock<std::sync::Arc<Lexicon>> =
            std::sync::LazyLock::new(|| std::sync::Arc::new(Lexicon::shipped().unwrap_or_else(|_| Lexicon::empty())));
        SHIPPED.clone()
    }

    /// Every entry.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of a kind and id.
    pub fn entry(&self, kind: EntityKind, id: &str) -> Option<&Entry> {
        self.by_id.get(&(kind, id.to_string())).map(|&i| &self.entries[i as usize])
    }

    /// The instrument ids of a ticker (`005930`, `aapl`, `005930.KS`).
    pub fn instruments_of(&self, ticker: &str) -> Vec<&str> {
        let t = ticker.trim().to_uppercase();
        let t = t.strip_suffix(".KS").or_else(|| t.strip_suffix(".KQ")).unwrap_or(&t);
        self.by_ticker
            .get(t)
            .map(|v| v.iter().map(|&i| self.entries[i as usize].id.as_str()).collect())
            .unwrap_or_default()
    }

    /// The token that stands for an entity in a keyword index: letters and digits only, so no
    /// tokenizer splits it (`KRX:005930` → `zqikrx005930`).
    pub fn token(kind: EntityKind, id: &str) -> String {
        let mut s = String::with_capacity(id.len() + 3);
        s.push_str("zq");
        s.push(kind.letter());
        s.extend(id.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()));
        s
    }

    /// Recognises entities, conditions and years in `text`.
    pub fn recognise(&self, text: &str) -> Recognition {
        let Some(ac) = &self.ac else { return Recognition::default() };
        let n = Normalised::new(text, &[]);
        let mut found = self.matches(ac, text, &n);
        // Words no match covers may be typos: corrected, the text is matched again.
        let fixes = self.corrections(text, &found);
        if !fixes.is_empty() {
            let replace: Vec<(Range<usize>, String)> =
                fixes.iter().map(|f| (f.range.clone(), f.with.clone())).collect();
            let n = Normalised::new(text, &replace);
            found = self.matches(ac, text, &n);
            // A key inside a corrected word is no match ("over" in "crossvoer" → crossover),
            // nor is a weak correction on its own.
            found.retain(|c| {
                !fixes.iter().any(|f| {
                    let inside = f.range.start <= c.range.start && c.range.end <= f.range.end;
                    inside && ((f.weak && f.range == c.range) || c.len < norm::key(&f.with).len())
                })
            });
        }
        self.resolve(text, found, &fixes)
    }

    /// Every match whose edges and case hold.
    fn matches(&self, ac: &AhoCorasick, text: &str, n: &Normalised) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = Vec::new();
        for m in ac.find_overlapping_iter(&n.text) {
            let r = m.start()..m.end();
            let span = n.span(r.clone());
            if !self.edges_ok(text, span.clone(), &n.text[r.clone()]) {
                continue;
            }
            let key = m.pattern().as_usize();
            for (t, target) in self.targets[key].iter().enumerate() {
                if let Some(s) = &target.strict {
                    if &norm::strict_key(&text[span.clone()]) != s {
                        continue;
                    }
                }
                found.push(Candidate { range: span.clone(), target: t, key, len: r.len() });
            }
        }
        found
    }

    /// Cues summed, overlaps resolved, conditions and years read.
    fn resolve(&self, text: &str, mut found: Vec<Candidate>, fixes: &[Fix]) -> Recognition {
        // Cues add up per strategy, each distinct cue once, whatever else matched there; a
        // window pair written as one ("20/60", "fast=10, slow=30") is a moving-average cue.
        let pairs = pairs(text);
        let mut cue_sum: BTreeMap<u32, (f32, Range<usize>, Vec<usize>)> = BTreeMap::new();
        if let Some((_, _, at)) = pairs.iter().find(|p| p.2.is_some()) {
            for id in ["sma_cross", "ema_cross"] {
                if let Some(&e) = self.by_id.get(&(EntityKind::Strategy, id.to_string())) {
                    let r = at.clone().unwrap_or_default();
                    cue_sum.insert(e, (PAIR_CUE, r, vec![usize::MAX]));
                }
            }
        }
        let pairs: Vec<(u32, u32)> = pairs.into_iter().map(|(a, b, _)| (a, b)).collect();
        for c in &found {
            if let Role::Cue { entry, weight } = self.targets[c.key][c.target].role {
                let s = cue_sum.entry(entry).or_insert((0.0, c.range.clone(), Vec::new()));
                if !s.2.contains(&c.key) {
                    s.2.push(c.key);
                    s.0 += weight;
                    s.1 = s.1.start.min(c.range.start)..s.1.end.max(c.range.end);
                }
            }
        }
        // The rest: longest first, then by kind, then leftmost; no overlaps.
        let rank = |c: &Candidate| match &self.targets[c.key][c.target].role {
            Role::Ignore => 0,
            Role::Condition { .. } => 1,
            Role::Entity { entry, .. } => 1 + self.entries[*entry as usize].kind.rank(),
            Role::Cue { .. } => u8::MAX,
        };
        found.retain(|c| !matches!(self.targets[c.key][c.target].role, Role::Cue { .. }));
        found.sort_by(|a, b| {
            b.range.len().cmp(&a.range.len()).then(rank(a).cmp(&rank(b))).then(a.range.start.cmp(&b.range.start))
        });
        // A key's targets at one span stand together (an alias two entries share), keeping
        // only the best kind among them.
        let mut taken: Vec<Range<usize>> = Vec::new();
        let mut chosen: Vec<&Candidate> = Vec::new();
        for c in &found {
            if let Some(d) = chosen.iter().find(|d| d.range == c.range && d.key == c.key) {
                if rank(d) == rank(c) {
                    chosen.push(c);
                }
                continue;
            }
            if taken.iter().any(|t| t.start < c.range.end && c.range.start < t.end) {
                continue;
            }
            taken.push(c.range.clone());
            chosen.push(c);
        }
        let corrected = |r: &Range<usize>| fixes.iter().any(|f| f.range.start < r.end && r.start < f.range.end);
        let mut rec = Recognition::default();
        let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
        for c in &chosen {
            *shared.entry((c.range.start, c.key)).or_default() += 1;
        }
        for c in chosen {
            match &self.targets[c.key][c.target].role {
                Role::Entity { entry, via } => {
                    let e = &self.entries[*entry as usize];
                    let n = shared[&(c.range.start, c.key)] as f32;
                    let (via, base) = if corrected(&c.range) {
                        (Via::Corrected, 0.7)
                    } else if *via == Via::Name {
                        (Via::Name, 1.0)
                    } else {
                        (Via::Alias, 0.95)
                    };
                    rec.entities.push(Entity {
                        kind: e.kind,
                        id: e.id.clone(),
                        span: c.range.clone(),
                        confidence: base / n,
                        via,
                    });
                }
                Role::Condition { kpi, op, value } => {
                    rec.conditions.push(Condition { kpi: kpi.clone(), op: *op, value: *value, span: c.range.clone() })
                }
                Role::Ignore | Role::Cue { .. } => {}
            }
        }
        // Behaviour: only when no strategy is named.
        if !rec.entities.iter().any(|e| e.kind == EntityKind::Strategy) {
            for (entry, (sum, span, _)) in cue_sum {
                if sum >= 0.999 {
                    let e = &self.entries[entry as usize];
                    rec.entities.push(Entity {
                        kind: e.kind,
                        id: e.id.clone(),
                        span,
                        confidence: (0.5 + 0.2 * sum).min(0.9),
                        via: Via::Behaviour,
                    });
                }
            }
        }
        rec.entities.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.span.end.cmp(&b.span.end)));
        self.conditions(text, &mut rec);
        rec.years = years(text);
        rec.pairs = pairs;
        rec
    }

    /// Whether a match's edges are word edges in the original text.
    fn edges_ok(&self, text: &str, span: Range<usize>, key: &str) -> bool {
        let (Some(first), Some(last)) = (text[span.clone()].chars().next(), text[span.clone()].chars().next_back())
        else {
            return false;
        };
        let before = text[..span.start].chars().next_back();
        let after = text[span.end..].chars().next();
        let latin = |c: char| c.is_ascii_alphanumeric();
        // A word of three letters or more may touch a number: "EMA12", "20EMA", "RSI14".
        let word = key.len() >= 3 && key.bytes().all(|b| b.is_ascii_alphabetic());
        let clash =
            |edge: char, next: char| latin(next) && !(word && edge.is_ascii_alphabetic() && next.is_ascii_digit());
        if latin(first) && before.is_some_and(|b| clash(first, b)) {
            return false;
        }
        if latin(last) && after.is_some_and(|a| clash(last, a)) {
            return false;
        }
        // A short Hangul key does not start inside a Hangul word (이더 in 트레이더).
        if norm::hangul(first) && key.chars().count() <= 2 && before.is_some_and(norm::hangul) {
            return false;
        }
        true
    }

    /// Words that no key knows and that are typos of one: Latin words (see [`Lexicon::latin_fix`]),
    /// Korean words one key press from a key, and English typed in Korean mode.
    fn corrections(&self, text: &str, found: &[Candidate]) -> Vec<Fix> {
        let mut out = Vec::new();
        let covered = |r: &Range<usize>| found.iter().any(|c| c.range.start < r.end && r.start < c.range.end);
        let mut i = 0;
        let b = text.as_bytes();
        while i < text.len() {
            let Some(c) = text[i..].chars().next() else { break };
            if c.is_ascii_alphabetic() {
                let start = i;
                while i < b.len() && b[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let r = start..i;
                if covered(&r) {
                    continue;
                }
                if let Some(fix) = self.latin_fix(text, r) {
                    out.push(fix);
                }
            } else if norm::hangul(c) {
                let start = i;
                let mut ends = Vec::new();
                while let Some(h) = text[i..].chars().next().filter(|h| norm::hangul(*h)) {
                    i += h.len_utf8();
                    ends.push(i);
                }
                if let Some(fix) = self.hangul_fix(text, start, &ends, found) {
                    out.push(fix);
                }
            } else {
                i += c.len_utf8();
            }
        }
        out
    }

    /// The correction of the Hangul run starting at `start` and ending at the last of `ends`
    /// (each syllable's end), if it is a typo: English typed in Korean mode, or a Korean word
    /// (maybe with a particle) a few keys from a key. A run a match covers only in part may
    /// still be a longer name misspelt (에코프로 in 에코프로비엔): its correction must be longer
    /// than the match.
    fn hangul_fix(&self, text: &str, start: usize, ends: &[usize], found: &[Candidate]) -> Option<Fix> {
        let end = *ends.last()?;
        let overlapping =
            |r: Range<usize>| found.iter().filter(move |c| c.range.start < r.end && r.start < c.range.end);
        let run = &text[start..end];
        if run.chars().any(jamo::lone) {
            // English typed in Korean mode ("ㅡㅁㅊㅇ" is MACD).
            let r = start..end;
            let with = jamo::to_keys(run).filter(|k| k.len() >= 2 && self.by_key.contains_key(k))?;
            return overlapping(r.clone()).next().is_none().then_some(Fix { range: r, with, weak: false });
        }
        // A name and its particle (삼성전자은) is no typo of a longer name (삼성전자우).
        let particle = |from: usize| PARTICLES.contains(&&text[from..end]);
        if found.iter().any(|c| c.range.start == start && c.range.end <= end && particle(c.range.end)) {
            return None;
        }
        // The run, or the run less a particle of one or two syllables.
        for &stem_end in ends.iter().rev().take(3) {
            if stem_end < end && !particle(stem_end) {
                continue;
            }
            let r = start..stem_end;
            let n = text[r.clone()].chars().count();
            let within = |c: &&Candidate| c.range.start <= r.start && r.end <= c.range.end;
            if n < 2 || overlapping(r.clone()).any(|c| within(&c)) {
                continue;
            }
            let inside = overlapping(r.clone()).map(|c| text[c.range.clone()].chars().count()).max().unwrap_or(0);
            let w = &text[r.clone()];
            // everyday verb endings are words, not typos of names (두려 하니 is not 하닉)
            if EVERYDAY.contains(&w) {
                continue;
            }
            let longer = |f: &String| f.chars().count() > inside;
            let syllables = || if n >= 4 { self.correct(w).filter(longer) } else { None };
            let keys = || self.correct_ko(w).filter(longer);
            let far = || if n >= 5 { self.correct_ko_far(w).filter(longer) } else { None };
            if let Some(with) = syllables().or_else(keys).or_else(far) {
                return Some(Fix { range: r, with, weak: false });
            }
        }
        None
    }

    /// The correction of the Latin word at `r`, if it is a typo: one edit from one lexicon
    /// word (or several meaning the same thing), two letters swapped in a four-letter
    /// abbreviation, or Korean typed in English mode.
    fn latin_fix(&self, text: &str, r: Range<usize>) -> Option<Fix> {
        let b = text.as_bytes();
        // A word glued to digits ("KODX200") is corrected only by lengthening or a swap.
        let glued = (r.start > 0 && b[r.start - 1].is_ascii_digit()) || (r.end < b.len() && b[r.end].is_ascii_digit());
        let word = &text[r.clone()];
        let upper = word.bytes().all(|b| b.is_ascii_uppercase());
        let w = word.to_ascii_lowercase();
        if r.len() == 4 && upper && !glued {
            let swapped = |a: &String| edit_kind(&w, a) == Some(Edit::Swap);
            if let [only] = self.acronyms.iter().filter(|a| swapped(a)).collect::<Vec<_>>()[..] {
                return Some(Fix { range: r, with: only.clone(), weak: false });
            }
        }
        if (4..=24).contains(&r.len()) {
            if let Some(fix) = self.correct(&w) {
                let kind = edit_kind(&w, &fix);
                let ok = match (r.len(), kind) {
                    // Four letters are too often a word or a ticker of their own: only an
                    // upper-case abbreviation missing a letter (KODX → KODEX).
                    (4, k) => upper && k == Some(Edit::Longer),
                    (_, Some(Edit::Longer | Edit::Swap)) => true,
                    _ => !glued,
                };
                if ok {
                    // Five letters are a word too often ("apply" is no Apple): a five-letter
                    // word changed counts only inside a longer name ("hyundai moter").
                    let weak = w.len() == 5 && matches!(kind, Some(Edit::Change | Edit::Shorter));
                    return Some(Fix { range: r, with: fix, weak });
                }
            }
        }
        // Korean typed in English mode ("tkatjdwjswk" is 삼성전자): whole syllables that are a
        // Korean key, maybe with a particle.
        if r.len() >= 4 && !glued {
            let ko = jamo::from_keys(word)?;
            let n = ko.chars().count();
            let known = (0..=2.min(n.saturating_sub(2))).any(|less| {
                let stem: String = ko.chars().take(n - less).collect();
                self.ko_words.binary_search(&stem).is_ok()
            });
            if known {
                return Some(Fix { range: r, with: ko, weak: false });
            }
        }
        None
    }

    /// The one lexicon word one edit from `w`, if exactly one is (and `w` is none), or several
    /// that mean the same thing (NVDIA: NVIDIA and NVDA).
    fn correct(&self, w: &str) -> Option<String> {
        if self.words.binary_search_by(|x| x.as_str().cmp(w)).is_ok() {
            return None;
        }
        let mut cands: Vec<u32> = self.deletes.get(w).cloned().unwrap_or_default();
        for d in one_deleted(w) {
            if let Some(v) = self.deletes.get(&d) {
                cands.extend(v);
            }
        }
        cands.sort_unstable();
        cands.dedup();
        // Deletions on both sides also meet words two edits apart: keep true single edits.
        cands.retain(|&c| one_edit(w, &self.words[c as usize]));
        self.one_meaning(cands.iter().map(|&c| self.words[c as usize].as_str()))
    }

    /// The Korean key one jamo (one key press) from `w`: a consonant or vowel changed, added,
    /// dropped or swapped with its neighbour (승율 → 승률, 볼링저 → 볼린저, 하학 → 화학).
    fn correct_ko(&self, w: &str) -> Option<String> {
        if self.ko_words.binary_search_by(|x| x.as_str().cmp(w)).is_ok() {
            return None;
        }
        let spelt = jamo::spell(w);
        let mut cands: Vec<u32> = self.ko_deletes.get(&spelt).cloned().unwrap_or_default();
        for d in one_deleted(&spelt) {
            if let Some(v) = self.ko_deletes.get(&d) {
                cands.extend(v);
            }
        }
        cands.sort_unstable();
        cands.dedup();
        // Short words are other words one key away too often ("매수" is 배수, "인하" 이하):
        // three syllables take only common slips, two only slips to a name, strategy or KPI.
        let n = w.chars().count();
        cands.retain(|&c| {
            let word = &self.ko_words[c as usize];
            one_edit(&spelt, &jamo::spell(word))
                && match n {
                    // "키우(는)" is a verb, not 키움 short of its last consonant
                    0..=2 => {
                        jamo::slip(w, word, false)
                            && self.ko_things[c as usize]
                            && !jamo::spell(word).starts_with(spelt.as_str())
                    }
                    3 => jamo::slip(w, word, true),
                    _ => true,
                }
        });
        self.one_meaning(cands.iter().map(|&c| self.ko_words[c as usize].as_str()))
    }

    /// The Korean key of five syllables or more two jamo from `w` and starting with its first
    /// syllable (에코프로빔 → 에코프로비엠): long names are worn down in speech.
    fn correct_ko_far(&self, w: &str) -> Option<String> {
        let first = w.chars().next()?;
        let mut buf = [0u8; 4];
        let prefix: &str = first.encode_utf8(&mut buf);
        let from = self.ko_words.partition_point(|x| x.as_str() < prefix);
        let spelt: Vec<char> = jamo::spell(w).chars().collect();
        let cands = self.ko_words[from..]
            .iter()
            .take_while(|x| x.starts_with(prefix))
            .filter(|x| x.chars().count() >= 5)
            .filter(|x| {
                let other: Vec<char> = jamo::spell(x).chars().collect();
                other.len().abs_diff(spelt.len()) <= 2 && within_two(&spelt, &other)
            })
            .map(String::as_str);
        self.one_meaning(cands)
    }

    /// The candidate, if there is one, or the first of several that are keys of the same
    /// entries.
    fn one_meaning<'a>(&self, cands: impl Iterator<Item = &'a str>) -> Option<String> {
        let cands: Vec<&str> = cands.collect();
        let (first, rest) = cands.split_first()?;
        if rest.is_empty() {
            return Some(first.to_string());
        }
        let meaning = |w: &str| -> Option<Vec<(u8, u32)>> {
            let k = *self.by_key.get(&norm::key(w))?;
            let mut m: Vec<(u8, u32)> = self.targets[k as usize]
                .iter()
                .map(|t| match t.role {
                    Role::Entity { entry, .. } => (0, entry),
                    Role::Cue { entry, .. } => (1, entry),
                    _ => (2, k),
                })
                .collect();
            m.sort_unstable();
            m.dedup();
            Some(m)
        };
        let m = meaning(first)?;
        rest.iter().all(|w| meaning(w).as_ref() == Some(&m)).then(|| first.to_string())
    }

    /// KPI values stated in a text ("Sharpe Ratio 1.12", "최대 낙폭: -18.4%", "Return [%] 41.2",
    /// "# Trades 37"): a KPI followed, after separators only, by a number; in the KPI's units
    /// (fractions for returns, drawdowns — negative — and win rates). The first value of each
    /// KPI counts.
    pub fn kpi_values(&self, text: &str, rec: &Recognition) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = Vec::new();
        let mut used: Vec<Range<usize>> = Vec::new();
        for k in rec.entities.iter().filter(|e| e.kind == EntityKind::Kpi) {
            if out.iter().any(|(id, _)| id == &k.id) {
                continue;
            }
            let end = char_floor(text, (k.span.end + 48).min(text.len()));
            // Between the KPI and its number: separators (spaces, ':', '=', '[%]', '(%)') and at
            // most a few letters of words ("hit", "is fine (", "는").
            let between_ok = |upto: usize| {
                let between = &text[k.span.end..upto];
                let words = between.chars().filter(|c| !(c.is_whitespace() || ":=[]()%|\t-+".contains(*c))).count();
                words <= 8 && !between.chars().any(|c| c.is_ascii_digit())
            };
            let Some((num, value, unit)) = number_in(text, k.span.end..end) else { continue };
            if !between_ok(num.start) {
                continue;
            }
            let percent_kpi = matches!(k.id.as_str(), "total_return" | "cagr" | "max_drawdown" | "win_rate");
            let percent_sign = text[k.span.clone()].contains('%')
                || text[k.span.end..num.start].contains('%')
                || text[num.end..unit.end].contains('%');
            let mut v = value;
            if percent_kpi && (percent_sign || v.abs() >= 1.5) {
                v /= 100.0;
            }
            if k.id == "max_drawdown" {
                v = -v.abs();
            }
            out.push((k.id.clone(), v));
            used.push(num);
        }
        // A note's bare signed percentage ("네이버 MACD -15.8%", "lost 21.3%") is its return when
        // no KPI claims it.
        if !out.iter().any(|(k, _)| k == "total_return") {
            let kpi_ends: Vec<usize> =
                rec.entities.iter().filter(|e| e.kind == EntityKind::Kpi).map(|e| e.span.end).collect();
            if let Some(v) = signed_percent(text, &used, &kpi_ends) {
                out.push(("total_return".into(), v));
            }
        }
        out
    }

    /// KPI conditions: a KPI, then within a few characters a number with its unit and a
    /// comparison before the number (English) or after it (Korean).
    fn conditions(&self, text: &str, rec: &mut Recognition) {
        // "worse"/"better" become an op once the KPI is known: for a drawdown (compared by
        // size here, before the sign flip below) worse is larger; for anything else, lower.
        let comparators: Vec<(Range<usize>, &str)> = rec
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Comparator)
            .map(|e| (e.span.clone(), e.id.as_str()))
            .collect();
        let stops: Vec<usize> = rec
            .entities
            .iter()
            .filter(|e| !matches!(e.kind, EntityKind::Comparator | EntityKind::Param))
            .map(|e| e.span.start)
            .collect();
        let mut found = Vec::new();
        for k in rec.entities.iter().filter(|e| e.kind == EntityKind::Kpi) {
            let limit = stops.iter().copied().filter(|&s| s >= k.span.end).min().unwrap_or(text.len());
            let window_end = char_floor(text, (k.span.end + 40).min(limit));
            let Some((num, value, unit)) = number_in(text, k.span.end..window_end) else { continue };
            let before = comparators.iter().find(|(r, _)| r.start >= k.span.end && r.end <= num.start);
            let after = comparators
                .iter()
                .find(|(r, _)| r.start >= unit.end && r.start <= unit.end + 4 && r.start < limit.max(unit.end + 1));
            let Some((cr, word)) = before.or(after) else { continue };
            let drawdown = k.id == "max_drawdown";
            let op = match (*word, drawdown) {
                ("worse", true) | ("better", false) => Op::Gt,
                ("worse", false) | ("better", true) => Op::Lt,
                (w, _) => match Op::parse(w) {
                    Some(op) => op,
                    None => continue,
                },
            };
            let mut v = value;
            let percent_kpi = matches!(k.id.as_str(), "total_return" | "cagr" | "max_drawdown" | "win_rate");
            let unit_text = &text[num.end..unit.end];
            if unit_text.contains("bp") {
                v /= 10_000.0;
            } else if percent_kpi && (unit_text.contains('%') || !unit_text.trim().is_empty() || v.abs() >= 1.5) {
                v /= 100.0;
            }
            let mut op = op;
            if drawdown && v > 0.0 {
                v = -v;
                op = op.flipped();
            }
            let span = k.span.start.min(cr.start)..unit.end.max(cr.end);
            found.push(Condition { kpi: k.id.clone(), op, value: v, span });
        }
        rec.conditions.extend(found);
        rec.conditions.sort_by_key(|c| c.span.start);
    }
}

/// Whether two words are one insertion, deletion, substitution or swap of neighbours apart.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (a, b) = (a.as_slice(), b.as_slice());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let p = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        if p == short.len() {
            return false;
        }
        let swapped = p + 1 < short.len()
            && short[p] == long[p + 1]
            && short[p + 1] == long[p]
            && short[p + 2..] == long[p + 2..];
        return swapped || short[p + 1..] == long[p + 1..];
    }
    short[p..] == long[p + 1..]
}

/// Particles and endings a Korean word may carry when it is corrected as a typo.
/// Two-syllable everyday words (verb endings and connectives) that one jamo separates from a
/// name or an abbreviation: never corrected.
const EVERYDAY: &[&str] = &[
    "하니", "하고", "하면", "해서", "하여", "하는", "하지", "하다", "하며", "하자", "하게", "하기", "하던", "한다",
    "했다", "하죠", "하네", "되니", "되면", "이니", "인데", "이면", "으니", "지만", "해도", "해야",
];

const PARTICLES: [&str; 34] = [
    "이", "가", "은", "는", "을", "를", "의", "와", "과", "도", "로", "으로", "에", "에서", "에선", "랑", "이랑", "만",
    "까지", "부터", "보다", "처럼", "이나", "나", "인데", "이고", "하고", "에도", "으론", "론", "엔", "께", "거", "꺼",
];

/// Whether `a` and `b` are at most two insertions, deletions or substitutions apart.
fn within_two(a: &[char], b: &[char]) -> bool {
    // Levenshtein on a band of width two around the diagonal.
    const FAR: usize = 3;
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut row = vec![FAR; b.len() + 1];
        row[0] = i + 1;
        let lo = (i + 1).saturating_sub(2).max(1);
        let hi = (i + 3).min(b.len());
        for j in lo..=hi {
            let cost = usize::from(*x != b[j - 1]);
            row[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(row[j - 1] + 1).min(FAR);
        }
        prev = row;
    }
    prev[b.len()] <= 2
}

/// How `typed` differs from `word`, one edit apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Edit {
    /// Two neighbours swapped.
    Swap,
    /// A character changed.
    Change,
    /// The word has one more character than the typed one.
    Longer,
    /// One fewer.
    Shorter,
}

fn edit_kind(typed: &str, word: &str) -> Option<Edit> {
    if !one_edit(typed, word) {
        return None;
    }
    let (t, w) = (typed.chars().count(), word.chars().count());
    Some(match w.cmp(&t) {
        std::cmp::Ordering::Greater => Edit::Longer,
        std::cmp::Ordering::Less => Edit::Shorter,
        std::cmp::Ordering::Equal => {
            let differ = typed.chars().zip(word.chars()).filter(|(a, b)| a != b).count();
            if differ == 2 {
                Edit::Swap
            } else {
                Edit::Change
            }
        }
    })
}

/// The largest char boundary at or below `i`.
fn char_floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first number in `text[r]`: its range, value, and the range through its unit.
fn number_in(text: &str, r: Range<usize>) -> Option<(Range<usize>, f64, Range<usize>)> {
    let b = text.as_bytes();
    let mut i = r.start;
    while i < r.end {
        if b[i].is_ascii_digit() {
            let digits_start = i;
            if i > 0 && b[i - 1].is_ascii_alphabetic() {
                return None;
            }
            let start = if i > r.start && matches!(b[i - 1], b'-' | b'+') { i - 1 } else { i };
            while i < b.len()
                && (b[i].is_ascii_digit() || (b[i] == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            let value: f64 = text[start..i].parse().ok()?;
            // Years are not KPI values.
            if i - digits_start == 4 && !text[digits_start..i].contains('.') && (1900.0..2100.0).contains(&value) {
                return None;
            }
            let num = start..i;
            let rest = &text[i..];
            let trimmed = rest.trim_start();
            let gap = rest.len() - trimmed.len();
            let unit_len = ["%p", "%", "퍼센트", "프로", "percent", "pct", "bps", "bp"]
                .iter()
                .find(|u| trimmed.starts_with(**u))
                .map(|u| gap + u.len())
                .unwrap_or(0);
            return Some((num, value, start..i + unit_len));
        }
        i += 1;
    }
    None
}

/// The first percentage written with a sign (`+102.6%`, `-15.8%`) or after "lost"/"down"
/// (`lost 21.3%`) that is none of `used`, as a fraction.
fn signed_percent(text: &str, used: &[Range<usize>], kpi_ends: &[usize]) -> Option<f64> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.')) {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && (b[i].is_ascii_digit() || (b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))) {
            i += 1;
        }
        // A number just after a KPI's name is that KPI's ("drawdown hit -44.9%").
        let near_kpi = kpi_ends.iter().any(|&e| e <= s && s - e <= 24);
        if b.get(i) != Some(&b'%') || near_kpi || used.iter().any(|u| u.start <= s && s < u.end.max(u.start + 1)) {
            continue;
        }
        let v: f64 = text[s..i].parse().ok()?;
        let before = text[..s].trim_end();
        let lower = before.to_ascii_lowercase();
        if s > 0 && b[s - 1] == b'-' || text[..s].ends_with('−') {
            if used.iter().any(|u| u.start == s - 1) {
                continue;
            }
            return Some(-v / 100.0);
        }
        if s > 0 && b[s - 1] == b'+' {
            return Some(v / 100.0);
        }
        if lower.ends_with("lost") || lower.ends_with("down") || lower.ends_with("lose") {
            return Some(-v / 100.0);
        }
    }
    None
}

/// The weight of a written window pair as a moving-average cue.
const PAIR_CUE: f32 = 0.5;

/// The ranges of the runs of ASCII digits in `text`.
fn digit_runs(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        out.push(s..i);
    }
    out
}

/// Integers in `text` with their ranges (not parts of a decimal).
fn integers(text: &str) -> Vec<(u32, Range<usize>)> {
    let b = text.as_bytes();
    digit_runs(text)
        .into_iter()
        .filter(|r| {
            let decimal = (r.start > 0 && b[r.start - 1] == b'.')
                || (r.end + 1 < b.len() && b[r.end] == b'.' && b[r.end + 1].is_ascii_digit());
            !decimal && r.len() <= 4
        })
        .filter_map(|r| text[r.clone()].parse().ok().map(|v| (v, r)))
        .collect()
}

/// Window pairs: `a/b` (not a date or `12/26/9`'s tail), `fast=a … slow=b` or `n1=a … n2=b`,
/// or two distinct day counts (`10-day … 30-day`, `5일선 20일선`); smaller first, up to 400.
/// The third value is the range of a pair written as one (`20/60`, `fast=…`), which is a cue.
fn pairs(text: &str) -> Vec<(u32, u32, Option<Range<usize>>)> {
    let ints = integers(text);
    let b = text.as_bytes();
    let mut out: Vec<(u32, u32, Option<Range<usize>>)> = Vec::new();
    let push = |a: u32, z: u32, r: Option<Range<usize>>, out: &mut Vec<(u32, u32, Option<Range<usize>>)>| {
        let (a, z) = (a.min(z), a.max(z));
        if a > 0 && a < z && z <= 400 && !out.iter().any(|p| (p.0, p.1) == (a, z)) {
            out.push((a, z, r));
        }
    };
    for w in ints.windows(2) {
        let (x, y) = (&w[0], &w[1]);
        let between = &text[x.1.end..y.1.start];
        let date_like = (x.1.start > 0 && matches!(b[x.1.start - 1], b'/' | b'-' | b'.'))
            || b.get(y.1.end)
                .is_some_and(|c| matches!(c, b'/' | b'-' | b'.') && b.get(y.1.end + 1).is_some_and(u8::is_ascii_digit));
        // "20/60", "5 & 35", "50 n 200"
        let joined = between.trim() == "/" || ((between == " & " || between == " n ") && !date_like);
        if joined && !date_like && x.0 < y.0 {
            push(x.0, y.0, Some(x.1.start..y.1.end), &mut out);
        }
    }
    let lower = text.to_ascii_lowercase();
    for (first, second) in [("fast", "slow"), ("n1", "n2")] {
        let value = |name: &str| -> Option<(u32, usize, usize)> {
            let at = lower.find(name)?;
            let rest = &lower[at + name.len()..];
            let skip = rest.len() - rest.trim_start_matches([' ', '=', ':']).len();
            let (v, r) = ints.iter().find(|(_, r)| r.start == at + name.len() + skip)?;
            Some((*v, at, r.end))
        };
        if let (Some((a, s, _)), Some((z, _, e))) = (value(first), value(second)) {
            push(a, z, Some(s..e), &mut out);
        }
    }
    let days: Vec<u32> = ints
        .iter()
        .filter(|(_, r)| {
            let rest = &text[r.end..];
            ["-day", " day", "일선", "일 이평", "일 평균", "일 이동", "d ma", "-d "].iter().any(|u| rest.starts_with(u))
        })
        .map(|(v, _)| *v)
        .collect();
    if let [a, z] = days[..] {
        push(a, z, None, &mut out);
    }
    out
}

/// Years named in `text`: four digits 1990–2039, or two digits before 년 (`22년`); a range
/// (`2019~2021`, `2019-2021`, `2019 to 2021`, `2019년부터 2021년`) names the years between.
fn years(text: &str) -> Vec<i32> {
    let b = text.as_bytes();
    let mut found: Vec<(i32, Range<usize>)> = Vec::new();
    for r in digit_runs(text) {
        if r.start > 0 && (b[r.start - 1].is_ascii_alphabetic() || b[r.start - 1] == b'.') {
            continue;
        }
        let n = &text[r.clone()];
        let year = match n.len() {
            4 => n.parse::<i32>().ok().filter(|y| (1990..=2039).contains(y)),
            2 if text[r.end..].starts_with('년') => n.parse::<i32>().ok().map(|y| 2000 + y),
            _ => None,
        };
        if let Some(y) = year {
            found.push((y, r));
        }
    }
    let mut out: Vec<i32> = found.iter().map(|(y, _)| *y).collect();
    for w in found.windows(2) {
        let between = &text[w[0].1.end..w[1].1.start];
        let joined = ["~", "-", "–", "to", "부터", "through", "until", "까지"].iter().any(|j| between.contains(j));
        if joined && between.chars().count() <= 8 && w[1].0 > w[0].0 && w[1].0 - w[0].0 <= 30 {
            out.extend(w[0].0..w[1].0);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests;
