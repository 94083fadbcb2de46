//! The strategy builder as a conversation (service `strategy_builder`): each message is parsed
//! ([`crate::builder::parse`]) and merged into the conversation's draft; a missing symbol is
//! asked for; what the engine cannot do is declined with the closest alternative; "like my
//! last Samsung test" starts from the caller's own latest backtest, and "like my MACD test from
//! 2019 but with RSI" from the one a RAG search of their backtests finds. When the parser cannot tell
//! the kind and an LLM is configured, the LLM answers under a strict JSON schema generated from
//! the kinds table, validated again by the engine, with at most two repair rounds. With
//! `run`, the spec is backtested and the reply carries its KPIs and narrative.

use std::sync::Arc;

use quantai_gateway::{CallContext, Gateway, Reply};
use quantai_quant::kpi::Kpis;
use quantai_quant::service::{BacktestRequest, Engine};
use quantai_quant::strategy::{Direction, Kind, StrategySpec};
use quantai_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::builder::{parse, Draft, Parsed, Unsupported};
use crate::narrative::{Audience, Language, Narrative, NarrativeRequest, Narrator};
use crate::{AiError, GeneratedBy};

pub const SERVICE: &str = "strategy_builder";

/// `POST /api/v1/ai/strategy-builder`.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BuildRequest {
    #[schema(min_length = 1, max_length = 2000)]
    pub message: String,
    #[serde(default)]
    pub conversation_id: Option<String>,
    /// Run the backtest when the spec is complete.
    #[serde(default)]
    pub run: bool,
}

/// A decline: why, and what the engine can do instead.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Declined {
    #[schema(value_type = String)]
    pub reason: Unsupported,
    pub message: String,
    pub alternative: String,
}

/// The backtest run for a complete spec.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RunResult {
    pub backtest_id: String,
    pub kpis: Kpis,
    pub narrative: Option<Narrative>,
}

/// The builder's answer to one message.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BuildReply {
    pub conversation_id: String,
    /// `spec` (complete), `question` (one thing is missing) or `declined`.
    pub outcome: String,
    pub generated_by: GeneratedBy,
    /// What the conversation has stated so far.
    #[schema(value_type = Object)]
    pub draft: Draft,
    /// The validated spec, when complete.
    pub spec: Option<StrategySpec>,
    pub symbol: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub question: Option<String>,
    pub declined: Option<Declined>,
    /// The earlier backtest this one starts from ("like my last …").
    pub based_on: Option<String>,
    pub run: Option<RunResult>,
}

/// The builder service.
#[derive(Clone)]
pub struct Builder {
    pub experiments: crate::experiments::Experiments,
    pub gateway: Gateway,
    pub engine: Engine,
    pub store: Store,
    pub narrator: Narrator,
    pub lexicon: Arc<quantai_lang::Lexicon>,
    /// The caller's indexed backtests, for "like my last MACD test on Samsung" (None when RAG is off).
    pub rag: Option<Arc<quantai_rag::service::Rag>>,
}

fn merge(base: &mut Draft, new: Draft) {
    if let Some(k) = new.kind {
        if base.kind != Some(k) {
            base.params.clear();
        }
        base.kind = Some(k);
    }
    base.params.extend(new.params);
    base.symbol = new.symbol.or(base.symbol.take());
    base.direction = new.direction.or(base.direction);
    base.commission = new.commission.or(base.commission);
    base.from = new.from.or(base.from);
    base.to = new.to.or(base.to);
    base.initial_cash = new.initial_cash.or(base.initial_cash);
}

/// The engine's spec of a complete draft, validated.
pub fn spec_of(d: &Draft) -> Result<StrategySpec, AiError> {
    let kind = d.kind.ok_or(AiError::Invalid { field: "kind", message: "no strategy kind".into() })?;
    let mut spec = StrategySpec::new(kind);
    for (k, v) in &d.params {
        spec.params.insert(k.clone(), *v);
    }
    spec.direction = d.direction.unwrap_or_default();
    spec.costs.commission = d.commission.unwrap_or(0.0);
    if let Some(c) = d.initial_cash {
        spec.initial_cash = c;
    }
    spec.validate().map_err(|e| AiError::Invalid { field: "strategy", message: e.to_string() })?;
    Ok(spec)
}

fn iso(d: Option<time::Date>) -> Option<String> {
    d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
}

/// The JSON schema the LLM must answer with, generated from the kinds and their parameters.
pub fn draft_schema() -> Value {
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    let mut names: Vec<&str> = Kind::ALL.iter().flat_map(|k| k.params().iter().map(|(n, _)| *n)).collect();
    names.sort_unstable();
    names.dedup();
    let params: Map<String, Value> =
        names.iter().map(|n| (n.to_string(), json!({"type": ["number", "null"]}))).collect();
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["kind", "params", "symbol", "direction", "commission", "from", "to", "initial_cash", "unsupported"],
        "properties": {
            "kind": {"type": ["string", "null"], "enum": kinds.iter().map(|k| Value::from(*k)).chain([Value::Null]).collect::<Vec<_>>()},
            "params": {"type": "object", "additionalProperties": false, "required": names, "properties": params},
            "symbol": {"type": ["string", "null"], "description": "six-digit KRX code or US ticker"},
            "direction": {"type": ["string", "null"], "enum": ["long_only", "long_short", null]},
            "commission": {"type": ["number", "null"], "description": "a fraction: 0.001 = 0.1 %"},
            "from": {"type": ["string", "null"], "description": "YYYY-MM-DD"},
            "to": {"type": ["string", "null"], "description": "YYYY-MM-DD"},
            "initial_cash": {"type": ["number", "null"]},
            "unsupported": {"type": ["string", "null"], "description": "why the engine cannot run it, or null"}
        }
    })
}

/// Reads the LLM's JSON into a draft, naming the first thing wrong.
pub fn draft_from_json(text: &str, lexicon: &quantai_lang::Lexicon) -> Result<Draft, String> {
    let v: Value = serde_json::from_str(text.trim()).map_err(|e| format!("the answer is not JSON: {e}"))?;
    let mut d = Draft::default();
    let kind = v["kind"].as_str().ok_or("kind is missing")?;
    let kind: Kind = kind.parse()?;
    d.kind = Some(kind);
    if let Some(p) = v["params"].as_object() {
        for (name, val) in p {
            let Some(x) = val.as_f64() else { continue };
            if !kind.params().iter().any(|(n, _)| n == name) {
                return Err(format!("params.{name} is not a parameter of {}", kind.name()));
            }
            d.params.insert(name.clone(), x);
        }
    }
    if let Some(s) = v["symbol"].as_str() {
        let known = !lexicon.instruments_of(s).is_empty();
        if !known {
            return Err(format!("symbol {s:?} is not a known KRX code or US ticker"));
        }
        d.symbol = Some(s.to_uppercase());
    }
    d.direction = match v["direction"].as_str() {
        Some("long_short") => Some(Direction::LongShort),
        Some("long_only") => Some(Direction::LongOnly),
        Some(o) => return Err(format!("direction {o:?} is not long_only or long_short")),
        None => None,
    };
    d.commission = v["commission"].as_f64();
    let date = |k: &str| -> Result<Option<time::Date>, String> {
        match v[k].as_str() {
            Some(s) => time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
                .map(Some)
                .map_err(|e| format!("{k} {s:?} is not YYYY-MM-DD: {e}")),
            None => Ok(None),
        }
    };
    d.from = date("from")?;
    d.to = date("to")?;
    d.initial_cash = v["initial_cash"].as_f64();
    spec_of(&d).map_err(|e| e.to_string())?;
    Ok(d)
}

/// Splits "like my last MACD test, but with RSI" into the part that describes the past test
/// and the part that states the change (the whole message when no contrast word is found).
pub fn split_history(message: &str) -> (&str, &str) {
    const MARKERS: [&str; 12] = [
        " but ",
        " except ",
        " instead",
        " only with ",
        ", with ",
        " switched to ",
        "하되",
        "근데",
        "하지만",
        "그런데",
        "대신",
        "말고",
    ];
    // ASCII lower-casing keeps every byte offset
    let lower = message.to_ascii_lowercase();
    let at = MARKERS.iter().filter_map(|m| lower.find(m)).min();
    match at {
        Some(i) if i > 0 => (&message[..i], &message[i..]),
        _ => (message, message),
    }
}

fn references_history(lower: &str) -> bool {
    [
        "지난번",
        "저번",
        "마지막",
        "최근에 돌린",
        "아까",
        "like my last",
        "my last",
        "same as last",
        "last backtest",
        "previous backtest",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

impl Builder {
    /// The LLM's reading of a request the parser could not place (None without an LLM).
    async fn ask_llm(&self, user: &str, message: &str) -> Option<Draft> {
        if !self.gateway.llm_ready(SERVICE) {
            return None;
        }
        let system = "You turn a trading-strategy request into JSON for a backtest engine. Kinds: sma_cross(fast, slow), \
            ema_cross(fast, slow), rsi_reversion(period, lower, upper), bollinger_breakout(period, k), \
            bollinger_reversion(period, k), macd_cross(fast, slow, signal), buy_and_hold. Fill only what the request states; \
            null otherwise. Set unsupported when the request needs pairs, options, futures, several indicators, stops, ML, \
            portfolios, intraday bars, crypto or FX.";
        let mut messages =
            vec![json!({"role": "system", "content": system}), json!({"role": "user", "content": message})];
        for _round in 0..3 {
            let ctx = CallContext::new(uuid::Uuid::new_v4().to_string(), user.to_string(), SERVICE.to_string());
            let mut body = Map::new();
            body.insert("messages".into(), Value::Array(messages.clone()));
            body.insert(
                "response_format".into(),
                json!({"type": "json_schema", "json_schema": {"name": "strategy_draft", "strict": true, "schema": draft_schema()}}),
            );
            body.insert("temperature".into(), json!(0));
            let reply = match self.gateway.chat(ctx, body).await {
                Ok((r, _)) => r,
                Err(e) => {
                    tracing::warn!(error = %e, "strategy builder LLM call failed");
                    return None;
                }
            };
            let bytes = match reply {
                Reply::Json { body, .. } | Reply::Cached { body, .. } => body,
                Reply::Stream { .. } => return None,
            };
            let v: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            let text = v["choices"][0]["message"]["content"].as_str().unwrap_or_default().to_string();
            if serde_json::from_str::<Value>(&text).ok().is_some_and(|j| j["unsupported"].is_string()) {
                return None;
            }
            let parsed = draft_from_json(&text, &self.lexicon);
            self.experiments.record(SERVICE, user, parsed.is_ok()).await;
            match parsed {
                Ok(d) => return Some(d),
                Err(problem) => {
                    messages.push(json!({"role": "assistant", "content": text}));
                    messages.push(json!({"role": "user", "content": format!("That answer cannot be used: {problem}. Answer again with valid JSON.")}));
                }
            }
        }
        None
    }

    /// Answers one message of a conversation.
    pub async fn converse(&self, user: &str, admin: bool, req: &BuildRequest) -> Result<BuildReply, AiError> {
        let message = req.message.trim();
        if message.is_empty() || message.chars().count() > 2000 {
            return Err(AiError::Invalid { field: "message", message: "must be 1 to 2000 characters".into() });
        }
        let korean = message.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        let id = match &req.conversation_id {
            Some(c) if c.len() > 64 || c.is_empty() => {
                return Err(AiError::Invalid { field: "conversation_id", message: "must be 1 to 64 characters".into() })
            }
            Some(c) => c.clone(),
            None => uuid::Uuid::new_v4().to_string(),
        };
        let mut draft: Draft = match self.store.conversation(&id, user, SERVICE).await? {
            Some(state) => serde_json::from_str(&state).unwrap_or_default(),
            None if req.conversation_id.is_some() => {
                return Err(AiError::NotFound(format!("no conversation {id:?} of yours")));
            }
            None => Draft::default(),
        };
        let lower = message.to_lowercase();
        let mut based_on = None;
        // what the message asks to change, once a past test is its base
        let mut change = message;
        if references_history(&lower) && draft.kind.is_none() {
            // start from the caller's latest backtest (of the symbol named, if one is)
            let named = match parse(&self.lexicon, message) {
                Parsed::Draft { draft, .. } | Parsed::Clarify { draft, .. } => draft.symbol,
                Parsed::Declined { .. } => None,
            };
            let (described, changed) = split_history(message);
            let recalled = self.recall(user, described, named.as_deref()).await;
            let past = match recalled {
                Some(b) => vec![b],
                None => self.engine.list(Some(user), 50).await.map_err(AiError::from_engine)?,
            };
            if let Some(b) = past.iter().find(|b| named.as_ref().is_none_or(|s| *s == b.symbol)) {
                draft.kind = Some(b.strategy.kind);
                draft.params = b.strategy.params.clone();
                draft.symbol = Some(b.symbol.clone());
                draft.from = time::Date::parse(&b.from, time::macros::format_description!("[year]-[month]-[day]")).ok();
                draft.to = time::Date::parse(&b.to, time::macros::format_description!("[year]-[month]-[day]")).ok();
                draft.initial_cash = Some(b.strategy.initial_cash);
                based_on = Some(b.id.clone());
                change = changed;
            }
        }
        let mut generated_by = GeneratedBy::Parser;
        let parsed = match draft.kind {
            Some(k) => crate::builder::parse_followup(&self.lexicon, change, k),
            None => parse(&self.lexicon, message),
        };
        let reply = |draft: &Draft, outcome: &str, by: GeneratedBy| BuildReply {
            conversation_id: id.clone(),
            outcome: outcome.to_string(),
            generated_by: by,
            draft: draft.clone(),
            spec: None,
            symbol: draft.symbol.clone(),
            from: iso(draft.from),
            to: iso(draft.to),
            question: None,
            declined: None,
            based_on: based_on.clone(),
            run: None,
        };
        match parsed {
            Parsed::Declined { reason, message, alternative } => {
                let mut r = reply(&draft, "declined", GeneratedBy::Parser);
                r.declined = Some(Declined { reason, message, alternative });
                return Ok(r);
            }
            Parsed::Draft { draft: new, confident, .. } => {
                let mut new = new;
                if !confident {
                    if let Some(d) = self.ask_llm(user, message).await {
                        new = d;
                        generated_by = GeneratedBy::Llm;
                    }
                }
                // "like my last test but with RSI": a new kind keeps the symbol and period
                merge(&mut draft, new);
            }
            Parsed::Clarify { question, draft: partial } => {
                if draft.kind.is_some() {
                    merge(&mut draft, partial);
                } else if let Some(d) = self.ask_llm(user, message).await {
                    merge(&mut draft, d);
                    generated_by = GeneratedBy::Llm;
                } else {
                    merge(&mut draft, partial);
                    self.save(&id, user, &draft).await?;
                    let mut r = reply(&draft, "question", GeneratedBy::Parser);
                    r.question = Some(question);
                    return Ok(r);
                }
            }
        }
        self.save(&id, user, &draft).await?;
        if draft.symbol.is_none() {
            let mut r = reply(&draft, "question", generated_by);
            r.question = Some(
                if korean { "어느 종목으로 백테스트할까요?" } else { "Which symbol should it trade?" }.to_string(),
            );
            return Ok(r);
        }
        let spec = spec_of(&draft)?;
        let mut r = reply(&draft, "spec", generated_by);
        r.spec = Some(spec.clone());
        if req.run {
            let symbol = draft.symbol.clone().unwrap_or_default();
            let mut bt = BacktestRequest {
                symbol: symbol.clone(),
                market: None,
                from: draft.from,
                to: draft.to,
                strategy: spec,
            };
            let mut outcome = self.engine.backtest(user, &bt).await;
            // 구글 is GOOGL to the lexicon; the stored data may be its twin GOOG
            if matches!(outcome, Err(quantai_quant::service::EngineError::NotFound(_))) {
                for twin in self.related(&symbol) {
                    bt.symbol = twin.clone();
                    let again = self.engine.backtest(user, &bt).await;
                    if again.is_ok() {
                        r.symbol = Some(twin);
                        outcome = again;
                        break;
                    }
                }
            }
            let (bid, result) = outcome.map_err(AiError::from_engine)?;
            let language = if korean { Language::Ko } else { Language::En };
            let narrative = self
                .narrator
                .narrate(
                    user,
                    admin,
                    &NarrativeRequest { backtest_id: bid.clone(), language, audience: Audience::Retail },
                )
                .await
                .map_err(|e| tracing::warn!(error = %e, "narrative of a built strategy failed"))
                .ok();
            r.run = Some(RunResult { backtest_id: bid, kpis: result.kpis, narrative });
        }
        Ok(r)
    }

    /// The past backtest a message describes by more than its symbol ("my MACD test from 2019",
    /// "the 5/20 one"), found by searching the caller's indexed backtests. None when the message
    /// names nothing but a symbol ("my last Samsung test": the newest stored one answers that),
    /// without RAG, or when nothing matches.
    async fn recall(
        &self,
        user: &str,
        described: &str,
        symbol: Option<&str>,
    ) -> Option<quantai_quant::service::StoredBacktest> {
        let rag = self.rag.as_ref()?;
        let rec = self.lexicon.recognise(described);
        let specific = rec.entities.iter().any(|e| e.kind == quantai_lang::EntityKind::Strategy)
            || !rec.years.is_empty()
            || !rec.pairs.is_empty()
            || !rec.conditions.is_empty();
        if !specific {
            return None;
        }
        let req = quantai_rag::service::SearchRequest {
            query: described.to_string(),
            k: 10,
            filter: match symbol {
                Some(s) => json!({"symbol": s}),
                None => Value::Null,
            },
            threshold: None,
            mode: Default::default(),
        };
        let cols = [quantai_rag::backtest_doc::COLLECTION.to_string()];
        let hits = match rag.search(user, &cols, &req).await {
            Ok(found) => found,
            Err(e) => {
                tracing::warn!(error = %e, "recalling a past backtest by search failed");
                return None;
            }
        };
        self.engine.stored(&hits.first()?.id, Some(user)).await.ok()
    }

    /// Tickers the lexicon holds for the same thing (GOOG for GOOGL).
    fn related(&self, symbol: &str) -> Vec<String> {
        let mut out = Vec::new();
        for id in self.lexicon.instruments_of(symbol) {
            if let Some(e) = self.lexicon.entry(quantai_lang::EntityKind::Instrument, id) {
                for r in &e.related {
                    let t = r.split_once(':').map_or(r.as_str(), |(_, t)| t).to_string();
                    if t != symbol && !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
        out
    }

    async fn save(&self, id: &str, user: &str, draft: &Draft) -> Result<(), AiError> {
        let state = serde_json::to_string(draft).map_err(|e| AiError::Setup(e.to_string()))?;
        self.store.save_conversation(id, user, SERVICE, &state, quantai_gateway::now_ms()).await?;
        Ok(())
    }
}
