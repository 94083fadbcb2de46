//! Settlement: every attempt becomes a ledger row with its exact cost; the request log entry;
//! answers from the cache; usage read from the upstream's answer or estimated.

use super::*;

impl Inner {
    /// Turns a finished call into a ledger row and metrics.
    pub(crate) fn commit(
        &self,
        mut draft: Draft,
        usage: TokenUsage,
        estimated: bool,
        status: &str,
        http_status: i64,
        error_class: Option<&'static str>,
    ) {
        // An upstream's absurd usage figure must not poison sums: no call uses 100M tokens.
        const MAX_TOKENS: u64 = 100_000_000;
        let usage = TokenUsage {
            prompt_tokens: usage.prompt_tokens.min(MAX_TOKENS),
            cached_tokens: usage.cached_tokens.min(MAX_TOKENS),
            completion_tokens: usage.completion_tokens.min(MAX_TOKENS),
        };
        let cost = draft.price.cost(&usage);
        if let Some(r) = draft.reservation.take() {
            r.settle(cost);
        }
        let used = usage.prompt_tokens + usage.completion_tokens;
        self.limits.debit(&draft.ctx.user_id, &draft.ctx.service, used);
        self.limits.count_model_tokens(&draft.model, used, draft.ts_ms.div_euclid(86_400_000));
        let m = &self.metrics;
        if let Some(class) = error_class {
            m.upstream_errors.get_or_create(&metrics::ErrorLabels { provider: draft.provider.clone(), class }).inc();
        }
        for (kind, n) in
            [("prompt", usage.prompt_tokens), ("cached", usage.cached_tokens), ("completion", usage.completion_tokens)]
        {
            if n > 0 {
                m.tokens.get_or_create(&metrics::TokenLabels { model: draft.model.clone(), kind }).inc_by(n);
            }
        }
        if cost.picos() > 0 {
            m.cost_usd
                .get_or_create(&metrics::ModelLabels { model: draft.model.clone() })
                .inc_by(cost.picos() as f64 / 1e12);
        }
        let (template_name, template_version) = match draft.ctx.template.take() {
            Some((n, v)) => (Some(n), Some(v)),
            None => (None, None),
        };
        let row = UsageRecord {
            request_id: draft.ctx.request_id,
            attempt: draft.attempt,
            is_final: draft.is_final,
            ts_ms: draft.ts_ms,
            user_id: draft.ctx.user_id,
            service: draft.ctx.service,
            model: draft.model,
            provider: draft.provider,
            upstream_model: draft.upstream_model,
            endpoint: draft.endpoint.to_string(),
            streamed: draft.streamed,
            prompt_tokens: clamp(usage.prompt_tokens),
            cached_tokens: clamp(usage.cached_tokens),
            completion_tokens: clamp(usage.completion_tokens),
            tokens_estimated: estimated,
            input_price_micros: draft.price.input.micros_per_million(),
            cached_price_micros: draft.price.cached_input.micros_per_million(),
            output_price_micros: draft.price.output.micros_per_million(),
            cost_picos: cost.picos_i64().unwrap_or(i64::MAX),
            latency_ms: i64::try_from(draft.started.elapsed().as_millis()).unwrap_or(i64::MAX),
            status: status.to_string(),
            http_status,
            error_class: error_class.map(str::to_string),
            cache_hit: draft.cache_hit,
            saved_cost_picos: draft.saved.picos_i64().unwrap_or(i64::MAX),
            template_name,
            template_version,
            experiment_arm: draft.ctx.arm.clone(),
        };
        self.ledger.record(row);
    }
}

pub(crate) fn clamp(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A call in flight: what its ledger row needs besides the outcome.
pub(crate) struct Draft {
    pub(crate) ctx: CallContext,
    pub(crate) attempt: i64,
    pub(crate) is_final: bool,
    /// The call's budget reservation, on the attempt that answered.
    pub(crate) reservation: Option<budgets::Reservation>,
    /// Answered from the response cache, saving `saved`.
    pub(crate) cache_hit: bool,
    pub(crate) saved: quantai_core::money::Cost,
    pub(crate) model: String,
    pub(crate) provider: String,
    pub(crate) upstream_model: String,
    pub(crate) endpoint: &'static str,
    pub(crate) streamed: bool,
    pub(crate) price: PriceSheet,
    pub(crate) ts_ms: i64,
    pub(crate) started: Instant,
}

impl Draft {
    pub(crate) fn new(
        ctx: CallContext,
        spec: &ModelSpec,
        provider: &str,
        endpoint: &'static str,
        streamed: bool,
        attempt: i64,
    ) -> Self {
        Self {
            ctx,
            attempt,
            is_final: true,
            reservation: None,
            cache_hit: false,
            saved: quantai_core::money::Cost::ZERO,
            model: spec.id.clone(),
            provider: provider.to_string(),
            upstream_model: spec.upstream_model.clone(),
            endpoint,
            streamed,
            price: spec.price,
            ts_ms: now_ms(),
            started: Instant::now(),
        }
    }
}

/// Whether a streamed request asked for the final usage chunk.
/// An embeddings answer for the request log: each vector replaced by its size (vectors are
/// large and say nothing a reader of the log needs).
pub(crate) fn embedding_summary(resp: &Bytes) -> Bytes {
    let Ok(mut v) = serde_json::from_slice::<Value>(resp) else { return resp.clone() };
    if let Some(Value::Array(items)) = v.get_mut("data") {
        for item in items {
            if let Some(obj) = item.as_object_mut() {
                if let Some(e) = obj.remove("embedding") {
                    let dims = match &e {
                        Value::Array(a) => a.len(),
                        // base64: 4 bytes per float, 4 characters per 3 bytes.
                        Value::String(s) => s.len() * 3 / 4 / 4,
                        _ => 0,
                    };
                    obj.insert("embedding_dims".into(), Value::from(dims));
                }
            }
        }
    }
    Bytes::from(v.to_string())
}

#[derive(Deserialize)]
pub(crate) struct UsageJson {
    #[serde(default)]
    pub(crate) prompt_tokens: u64,
    #[serde(default)]
    pub(crate) completion_tokens: u64,
    #[serde(default)]
    pub(crate) prompt_tokens_details: Option<PromptDetails>,
}

#[derive(Deserialize)]
pub(crate) struct PromptDetails {
    #[serde(default)]
    pub(crate) cached_tokens: Option<u64>,
}

impl UsageJson {
    pub(crate) fn into_usage(self) -> TokenUsage {
        TokenUsage {
            prompt_tokens: self.prompt_tokens,
            cached_tokens: self.prompt_tokens_details.and_then(|d| d.cached_tokens).unwrap_or(0),
            completion_tokens: self.completion_tokens,
        }
    }
}

pub(crate) fn parse_usage(body: &[u8]) -> Option<TokenUsage> {
    #[derive(Deserialize)]
    struct Resp {
        usage: Option<UsageJson>,
    }
    serde_json::from_slice::<Resp>(body).ok()?.usage.map(UsageJson::into_usage)
}

pub(crate) fn estimate_chat(t: Tokenizer, messages: &Value, response: &Value) -> TokenUsage {
    TokenUsage {
        prompt_tokens: tokens::count_messages(t, messages),
        cached_tokens: 0,
        completion_tokens: tokens::count_completion(t, response),
    }
}

impl Gateway {
    /// Queues the masked request and the provider's answer for the request log.
    pub(crate) fn log_request(
        &self,
        ctx: &CallContext,
        model: &str,
        cache_hit: bool,
        body: &Map<String, Value>,
        response: Option<Bytes>,
    ) {
        if let Some(e) = self.log_entry(ctx, model, cache_hit, body, response) {
            self.inner.reqlog.record(e);
        }
    }

    /// A request-log entry, when the log is on.
    pub(crate) fn log_entry(
        &self,
        ctx: &CallContext,
        model: &str,
        cache_hit: bool,
        body: &Map<String, Value>,
        response: Option<Bytes>,
    ) -> Option<reqlog::Entry> {
        if !self.inner.reqlog.enabled() {
            return None;
        }
        Some(reqlog::Entry {
            request_id: ctx.request_id.clone(),
            ts_ms: now_ms(),
            user_id: ctx.user_id.clone(),
            service: ctx.service.clone(),
            model: model.to_string(),
            cache_hit,
            request: body.clone(),
            response,
        })
    }

    pub(crate) fn count_cache(&self, outcome: &'static str) {
        self.inner.metrics.cache.get_or_create(&metrics::CacheLabels { outcome }).inc();
    }

    /// Answers from the cache: a ledger row at $0 that records what the call would have cost.
    pub(crate) fn serve_hit(
        &self,
        ctx: CallContext,
        spec: &ModelSpec,
        hit: cache::Hit,
        streamed: bool,
        body: &Map<String, Value>,
        masked: &guard::Masked,
    ) -> Reply {
        self.count_cache("hit");
        let saved = spec.price.cost(&hit.usage);
        self.inner.metrics.cache_saved_usd.inc_by(saved.picos() as f64 / 1e12);
        let mut draft = Draft::new(ctx, spec, "cache", "chat", streamed, 1);
        draft.cache_hit = true;
        draft.saved = saved;
        self.inner.commit(draft, TokenUsage::default(), false, "ok", 200, None);
        if streamed {
            let restored = masked.restore_json(hit.body);
            Reply::Cached { body: cache::as_sse(&restored, &hit.usage, wants_usage(body)), sse: true }
        } else {
            Reply::Cached { body: masked.restore_json(hit.body), sse: false }
        }
    }

    /// Settles a successful unary call: the upstream's usage, or `estimate` when it reported none.
    pub(crate) fn finish_ok(
        &self,
        draft: Draft,
        ok: Attempt,
        upstream: Duration,
        estimate: impl FnOnce(&Bytes) -> TokenUsage,
    ) -> (Reply, TokenUsage) {
        let resp = match ok {
            Attempt::Unary(b) => b,
            // Not reached: unary operations return unary answers.
            Attempt::Stream(..) => Bytes::new(),
        };
        let (usage, estimated) = match parse_usage(&resp) {
            Some(u) => (u, false),
            None => (estimate(&resp), true),
        };
        self.inner.commit(draft, usage, estimated, "ok", 200, None);
        (Reply::Json { body: resp, upstream }, usage)
    }
}
