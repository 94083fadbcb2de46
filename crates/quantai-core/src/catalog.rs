//! The model catalog: every model quantai may call, with tier, capabilities and exact prices.
//! A data file (TOML) that users edit without recompiling; the compiled-in default is
//! `defaults/catalog.toml`.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::money::PriceSheet;
use crate::{Error, Result};

/// The catalog shipped with quantai.
pub const DEFAULT_CATALOG: &str = include_str!("../defaults/catalog.toml");

/// Price tier of a model, cheapest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Mini,
    Standard,
    Advanced,
    Premium,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Mini, Tier::Standard, Tier::Advanced, Tier::Premium];

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Mini => "mini",
            Tier::Standard => "standard",
            Tier::Advanced => "advanced",
            Tier::Premium => "premium",
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Tier {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Tier::ALL.into_iter().find(|t| t.as_str() == s).ok_or_else(|| {
            Error::Catalog(format!("unknown tier {s:?}; expected one of mini, standard, advanced, premium"))
        })
    }
}

/// What a model can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    Chat,
    CodeGen,
    Analysis,
    Reasoning,
    Vision,
    Function,
    Embedding,
}

impl Capability {
    pub fn as_str(self) -> &'static str {
        match self {
            Capability::Chat => "chat",
            Capability::CodeGen => "code_gen",
            Capability::Analysis => "analysis",
            Capability::Reasoning => "reasoning",
            Capability::Vision => "vision",
            Capability::Function => "function",
            Capability::Embedding => "embedding",
        }
    }
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a model answers chat completions or produces embeddings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    Chat,
    Embedding,
}

/// The BPE a model's tokens are counted with when the upstream reports no usage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tokenizer {
    O200kBase,
    Cl100kBase,
}

/// One model of the catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSpec {
    pub id: String,
    pub kind: ModelKind,
    pub tier: Tier,
    pub capabilities: Vec<Capability>,
    pub price: PriceSheet,
    pub context_window: u32,
    pub max_output_tokens: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<u32>,
    pub supports_rag: bool,
    pub tokenizer: Tokenizer,
    /// Key of the provider (in the config's `[providers]`) that serves this model.
    pub provider: String,
    /// The model name sent upstream (an Azure deployment name, an Ollama tag, ...).
    pub upstream_model: String,
    #[serde(default)]
    pub description: String,
}

impl ModelSpec {
    pub fn has(&self, cap: Capability) -> bool {
        self.capabilities.contains(&cap)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    models: Vec<ModelSpec>,
}

/// The validated catalog, keyed by model id.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    models: BTreeMap<String, ModelSpec>,
}

impl Catalog {
    /// Parses and validates a catalog from TOML text.
    pub fn from_toml(text: &str) -> Result<Self> {
        let file: CatalogFile = toml::from_str(text).map_err(|e| Error::Catalog(e.to_string()))?;
        let mut models = BTreeMap::new();
        for m in file.models {
            validate_model(&m)?;
            if models.contains_key(&m.id) {
                return Err(Error::Catalog(format!("model {:?} is listed twice", m.id)));
            }
            models.insert(m.id.clone(), m);
        }
        if models.is_empty() {
            return Err(Error::Catalog("the catalog lists no models".into()));
        }
        Ok(Self { models })
    }

    /// The compiled-in default catalog.
    pub fn builtin() -> Result<Self> {
        Self::from_toml(DEFAULT_CATALOG)
    }

    pub fn get(&self, id: &str) -> Option<&ModelSpec> {
        self.models.get(id)
    }

    /// All models, ordered by id.
    pub fn models(&self) -> impl Iterator<Item = &ModelSpec> {
        self.models.values()
    }
}

fn validate_model(m: &ModelSpec) -> Result<()> {
    let bad = |what: String| Err(Error::Catalog(format!("model {:?}: {what}", m.id)));
    if m.id.trim().is_empty() {
        return Err(Error::Catalog("a model has an empty id".into()));
    }
    if m.id.len() > 128 || m.provider.len() > 128 || m.upstream_model.len() > 256 {
        return bad("id and provider are limited to 128 characters, upstream_model to 256".into());
    }
    if m.capabilities.is_empty() {
        return bad("capabilities must not be empty".into());
    }
    if m.provider.trim().is_empty() {
        return bad("provider must not be empty".into());
    }
    if m.upstream_model.trim().is_empty() {
        return bad("upstream_model must not be empty".into());
    }
    if m.context_window == 0 {
        return bad("context_window must be positive".into());
    }
    match m.kind {
        ModelKind::Chat => {
            if m.max_output_tokens == 0 {
                return bad("max_output_tokens must be positive for a chat model".into());
            }
            if m.has(Capability::Embedding) {
                return bad("a chat model cannot have the embedding capability".into());
            }
        }
        ModelKind::Embedding => {
            if m.capabilities != [Capability::Embedding] {
                return bad("an embedding model must have exactly the capability \"embedding\"".into());
            }
        }
    }
    if m.price.cached_input > m.price.input {
        return bad(format!("cached_input price {} is above the input price {}", m.price.cached_input, m.price.input));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_has_the_seed_models_and_prices() {
        let c = Catalog::builtin().unwrap();
        let expect = [
            ("gpt-4o-mini", Tier::Mini, "0.15", "0.6"),
            ("gpt-4o", Tier::Standard, "2.5", "10"),
            ("gpt-4-turbo", Tier::Advanced, "10", "30"),
            ("o1-preview", Tier::Premium, "15", "60"),
        ];
        for (id, tier, input, output) in expect {
            let m = c.get(id).unwrap();
            assert_eq!(m.tier, tier, "{id}");
            assert_eq!(m.kind, ModelKind::Chat, "{id}");
            assert_eq!(m.price.input.to_string(), input, "{id}");
            assert_eq!(m.price.output.to_string(), output, "{id}");
        }
        assert_eq!(c.get("text-embedding-3-small").unwrap().price.input.to_string(), "0.02");
        assert_eq!(c.get("text-embedding-3-large").unwrap().dimensions, Some(3072));
        assert!(!c.get("o1-preview").unwrap().has(Capability::Function));
    }

    #[test]
    fn rejects_duplicates_unknown_fields_and_bad_values() {
        let one = DEFAULT_CATALOG.split("[[models]]").nth(1).unwrap();
        let dup = format!("[[models]]{one}[[models]]{one}");
        assert!(Catalog::from_toml(&dup).unwrap_err().to_string().contains("listed twice"));

        let unknown = format!("[[models]]{one}colour = \"red\"\n");
        assert!(Catalog::from_toml(&unknown).unwrap_err().to_string().contains("colour"));

        let bad_tier = format!("[[models]]{}", one.replace("tier = \"mini\"", "tier = \"gold\""));
        assert!(Catalog::from_toml(&bad_tier).unwrap_err().to_string().contains("gold"));

        let cached_above = format!("[[models]]{}", one.replace("cached_input = \"0.075\"", "cached_input = \"0.5\""));
        assert!(Catalog::from_toml(&cached_above).unwrap_err().to_string().contains("cached_input"));

        let neg = format!("[[models]]{}", one.replace("input = \"0.15\"", "input = \"-0.15\""));
        assert!(Catalog::from_toml(&neg).is_err());
    }
}
