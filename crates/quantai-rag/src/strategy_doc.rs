//! A saved strategy as a RAG document: its name, description, kind and parameters in Korean and
//! in English, with kind, direction and parameters as metadata for filters.

use quantai_quant::strategy::{Direction, StrategySpec};
use quantai_store::strategies::StrategyRow;
use serde_json::{json, Map, Value};

use crate::backtest_doc::{kind_names, params};
use crate::{Document, RagError};

/// The collection saved strategies are indexed in.
pub const COLLECTION: &str = "user_strategies";

/// The document of a saved strategy.
pub fn document(r: &StrategyRow) -> Result<Document, RagError> {
    let spec = StrategySpec::parse(&r.spec)
        .map_err(|e| RagError::Invalid(format!("strategy {:?}: stored spec: {e}", r.id)))?;
    let (ko_kind, en_kind) = kind_names(spec.kind);
    let kind = spec.kind.name();
    let p = params(&spec);
    let (ko_dir, en_dir) = match spec.direction {
        Direction::LongOnly => ("매수 전용", "long only"),
        Direction::LongShort => ("매수/매도 양방향", "long/short"),
    };
    let desc = if r.description.trim().is_empty() { String::new() } else { format!("\n{}", r.description.trim()) };
    let text = format!(
        "저장된 전략: {name}\n전략 유형: {ko_kind} [{kind}] {p}\n방향: {ko_dir}{desc}\n\n\
         Saved strategy: {name}\nStrategy type: {en_kind} [{kind}] {p}\nDirection: {en_dir}",
        name = r.name,
    );
    let mut meta = Map::new();
    meta.insert("kind".into(), json!(kind));
    meta.insert("name".into(), json!(r.name));
    meta.insert("direction".into(), json!(en_dir));
    meta.insert("strategy_id".into(), json!(r.id));
    for (n, _) in spec.kind.params() {
        meta.insert((*n).into(), json!(spec.param(n)));
    }
    Ok(Document { id: r.id.clone(), text, metadata: Value::Object(meta), created_ms: Some(r.created_ms) })
}

impl crate::service::Rag {
    /// Indexes a saved strategy into its owner's [`COLLECTION`] (replacing an older version).
    pub async fn index_strategy(&self, r: &StrategyRow) -> Result<usize, RagError> {
        self.upsert(COLLECTION, &r.user_id, vec![document(r)?]).await
    }

    /// Removes a deleted strategy from its owner's [`COLLECTION`]; whether it was indexed.
    pub async fn unindex_strategy(&self, user: &str, id: &str) -> Result<bool, RagError> {
        self.delete(COLLECTION, user, id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_and_parameters() {
        let r = StrategyRow {
            user_id: "u".into(),
            id: "s1".into(),
            name: "골든크로스 20/60".into(),
            description: "삼성전자 장기 추세".into(),
            spec: r#"{"kind":"sma_cross","params":{"fast":20,"slow":60}}"#.into(),
            created_ms: 5,
            updated_ms: 6,
        };
        let d = document(&r).unwrap();
        for needle in [
            "이동평균 교차",
            "SMA crossover",
            "fast=20",
            "slow=60",
            "골든크로스 20/60",
            "삼성전자 장기 추세",
            "long only",
        ] {
            assert!(d.text.contains(needle), "{needle} missing from {}", d.text);
        }
        assert_eq!(d.metadata["kind"], "sma_cross");
        assert_eq!(d.metadata["slow"], 60.0);
        assert_eq!(d.created_ms, Some(5));
        let bad = StrategyRow { spec: r#"{"kind":"sma_cross","params":{"fastt":2}}"#.into(), ..r };
        assert!(document(&bad).unwrap_err().to_string().contains("fastt"));
    }
}
