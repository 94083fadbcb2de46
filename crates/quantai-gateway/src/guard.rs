//! Prompt governance on the way out: banned words (block or mask) and personal data (mask,
//! block or allow), per service, applied to every text a request would send upstream — chat
//! message contents (plain or as text parts) and embedding inputs — before anything is sent,
//! cached or logged. Masked values can be restored in the answer when the service says so.

use std::collections::HashMap;

use bytes::Bytes;
use quantai_core::config::{GuardSettings, PiiAction, WordAction};
use quantai_guard::{BannedWords, Detector, PiiKind, Vault};
use serde_json::{Map, Value};

use crate::metrics::{GuardLabels, Metrics};
use crate::GatewayError;

/// One service's rules, resolved.
struct Rules {
    pii: PiiAction,
    restore: bool,
    banned: Option<BannedWords>,
    banned_action: WordAction,
}

pub struct Guard {
    detector: Detector,
    default: Rules,
    services: HashMap<String, Rules>,
}

/// What masking did to one request: the vault to restore from, when the service restores.
#[derive(Default)]
pub struct Masked {
    pub vault: Vault,
    pub restore: bool,
}

fn words(list: &[String]) -> Result<Option<BannedWords>, crate::SetupError> {
    if list.is_empty() {
        return Ok(None);
    }
    BannedWords::new(list).map(Some).map_err(|e| crate::SetupError::setting("guard.banned_words", e))
}

impl Guard {
    pub fn new(cfg: &GuardSettings) -> Result<Self, crate::SetupError> {
        let default = Rules {
            pii: cfg.pii,
            restore: cfg.restore,
            banned: words(&cfg.banned_words)?,
            banned_action: cfg.banned_action,
        };
        let mut services = HashMap::new();
        for (name, s) in &cfg.services {
            let list = s.banned_words.as_ref().unwrap_or(&cfg.banned_words);
            services.insert(
                name.clone(),
                Rules {
                    pii: s.pii.unwrap_or(cfg.pii),
                    restore: s.restore.unwrap_or(cfg.restore),
                    banned: words(list)?,
                    banned_action: s.banned_action.unwrap_or(cfg.banned_action),
                },
            );
        }
        Ok(Self { detector: Detector::new(), default, services })
    }

    fn rules(&self, service: &str) -> &Rules {
        self.services.get(service).unwrap_or(&self.default)
    }

    /// Applies the service's rules to every outgoing text of `body` (`messages` for chat,
    /// `input` for embeddings), in place.
    pub fn apply(
        &self,
        service: &str,
        body: &mut Map<String, Value>,
        metrics: &Metrics,
    ) -> Result<Masked, GatewayError> {
        let rules = self.rules(service);
        let mut vault = Vault::default();
        let mut texts: Vec<&mut String> = Vec::new();
        for (field, value) in body.iter_mut() {
            match (field.as_str(), value) {
                ("messages", Value::Array(msgs)) => {
                    for m in msgs {
                        match m.get_mut("content") {
                            Some(Value::String(s)) => texts.push(s),
                            Some(Value::Array(parts)) => {
                                for p in parts {
                                    if let Some(Value::String(s)) = p.get_mut("text") {
                                        texts.push(s);
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                ("input", Value::String(s)) => texts.push(s),
                ("input", Value::Array(items)) => {
                    for i in items {
                        if let Value::String(s) = i {
                            texts.push(s);
                        }
                    }
                }
                _ => {}
            }
        }
        for text in texts {
            if let Some(b) = &rules.banned {
                if let Some(word) = b.find(text) {
                    let action = if rules.banned_action == WordAction::Block { "block" } else { "mask" };
                    metrics.guard.get_or_create(&GuardLabels { kind: "banned_word", action }).inc();
                    if rules.banned_action == WordAction::Block {
                        return Err(GatewayError::InvalidRequest {
                            message: format!("the prompt contains the banned word {word:?} for service {service:?}"),
                            param: Some("messages".into()),
                            code: quantai_core::ErrorCode::BannedWord,
                        });
                    }
                    if let Some(m) = b.mask(text) {
                        *text = m;
                    }
                }
            }
            match rules.pii {
                PiiAction::Allow => {}
                PiiAction::Block => {
                    let mut kinds: Vec<PiiKind> = self.detector.find(text).iter().map(|f| f.kind).collect();
                    if !kinds.is_empty() {
                        kinds.sort_unstable();
                        kinds.dedup();
                        for k in &kinds {
                            metrics.guard.get_or_create(&GuardLabels { kind: k.name(), action: "block" }).inc();
                        }
                        let labels: Vec<&str> = kinds.iter().map(|k| k.label()).collect();
                        return Err(GatewayError::InvalidRequest {
                            message: format!(
                                "the prompt contains personal data ({}); service {service:?} refuses it",
                                labels.join(", ")
                            ),
                            param: Some("messages".into()),
                            code: quantai_core::ErrorCode::PiiDetected,
                        });
                    }
                }
                PiiAction::Mask => {
                    if let Some(m) = self.detector.mask(text, &mut vault) {
                        *text = m;
                    }
                }
            }
        }
        for (kind, n) in vault.counts() {
            metrics.guard.get_or_create(&GuardLabels { kind: kind.name(), action: "mask" }).inc_by(n as u64);
        }
        Ok(Masked { vault, restore: rules.restore })
    }
}

impl Masked {
    /// The answer with placeholders put back, when the service restores (chat completions:
    /// every choice's message content).
    pub fn restore_json(&self, body: Bytes) -> Bytes {
        if !self.restore || self.vault.is_empty() {
            return body;
        }
        let Ok(mut v) = serde_json::from_slice::<Value>(&body) else { return body };
        let mut changed = false;
        if let Some(Value::Array(choices)) = v.get_mut("choices") {
            for c in choices {
                if let Some(Value::String(s)) = c.get_mut("message").and_then(|m| m.get_mut("content")) {
                    if let Some(r) = self.vault.restore(s) {
                        *s = r;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            return body;
        }
        serde_json::to_vec(&v).map(Bytes::from).unwrap_or(body)
    }
}
