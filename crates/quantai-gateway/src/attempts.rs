//! Attempts: the plan (a model and its allowed fallbacks), retries with backoff and full jitter
//! within `retry.max_total_ms`, and the upstream calls themselves.

use super::*;

/// Holds an attempt's draft while the upstream call runs. If the request is dropped mid-call
/// (the client went away), the attempt is still recorded, as `client_disconnected`.
pub(crate) struct InFlight {
    pub(crate) inner: Arc<Inner>,
    pub(crate) draft: Option<Draft>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(d) = self.draft.take() {
            self.inner.commit(d, TokenUsage::default(), false, "client_disconnected", 499, Some("client_disconnect"));
        }
    }
}

/// What a call does upstream.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Chat,
    Stream,
    Embed,
}

/// A successful attempt.
pub(crate) enum Attempt {
    Unary(Bytes),
    /// The stream and its first chunk, already received: a stream that breaks before its first
    /// byte is retried like any failed call.
    Stream(provider::ByteStream, Option<Bytes>),
}

impl Op {
    pub(crate) fn endpoint(self) -> &'static str {
        match self {
            Op::Chat | Op::Stream => "chat",
            Op::Embed => "embeddings",
        }
    }

    pub(crate) async fn call(
        self,
        p: &dyn Provider,
        upstream_model: &str,
        payload: Bytes,
    ) -> Result<Attempt, ProviderError> {
        use futures::StreamExt;
        match self {
            Op::Chat => p.chat(upstream_model, payload).await.map(Attempt::Unary),
            Op::Embed => p.embed(upstream_model, payload).await.map(Attempt::Unary),
            Op::Stream => {
                let mut s = p.chat_stream(upstream_model, payload).await?;
                match s.next().await {
                    Some(Ok(first)) => Ok(Attempt::Stream(s, Some(first))),
                    Some(Err(e)) => Err(e),
                    None => Ok(Attempt::Stream(s, None)),
                }
            }
        }
    }
}

/// Exponential backoff with full jitter, never shorter than the upstream's `Retry-After`.
pub(crate) fn backoff(cfg: &RetrySettings, attempt: u32, retry_after: Option<Duration>) -> Duration {
    use rand::Rng;
    let cap = cfg.initial_backoff_ms.saturating_mul(1u64 << attempt.saturating_sub(1).min(20)).min(cfg.max_backoff_ms);
    let jittered = Duration::from_millis(rand::rng().random_range(0..=cap));
    retry_after.map_or(jittered, |ra| ra.max(jittered))
}

impl Gateway {
    /// The primary model followed by its configured fallbacks that `allowed` accepts (for chat:
    /// those the calling service's policy allows, so a fallback never escalates past it).
    pub(crate) fn plan(&self, primary: &ModelSpec, allowed: impl Fn(&str) -> Option<ModelSpec>) -> Vec<ModelSpec> {
        let mut plan = vec![primary.clone()];
        for m in self.inner.fallbacks.get(&primary.id).into_iter().flatten() {
            match allowed(m) {
                Some(spec) if !plan.iter().any(|p| p.id == spec.id) => plan.push(spec),
                Some(_) => {}
                None => tracing::debug!(model = %primary.id, fallback = %m, "fallback skipped: not allowed here"),
            }
        }
        plan
    }

    /// Runs a call through its plan: retries each model on retryable errors with exponential
    /// backoff and full jitter (honouring `Retry-After`), then falls back to the next model, all
    /// within `retry.max_total_ms`. Every failed attempt is a ledger row; the winning attempt's
    /// draft is returned for the caller to settle.
    pub(crate) async fn run(
        &self,
        ctx: &CallContext,
        plan: &[ModelSpec],
        op: Op,
        body: &mut Map<String, Value>,
    ) -> Result<(Draft, ModelSpec, Attempt, Duration), GatewayError> {
        let cfg = &self.inner.retry;
        // `retry.max_total_ms` bounds the retries and waits: no attempt starts after it.
        let deadline = Instant::now() + Duration::from_millis(cfg.max_total_ms);
        let mut attempt = 0i64;
        let mut last = ProviderError::Timeout;
        for (i, spec) in plan.iter().enumerate() {
            let provider = self.provider(spec)?;
            body.insert("model".into(), Value::String(spec.upstream_model.clone()));
            let payload = to_bytes(body)?;
            for n in 1..=cfg.max_attempts {
                attempt += 1;
                let draft = Draft::new(ctx.clone(), spec, provider.name(), op.endpoint(), op == Op::Stream, attempt);
                let started = Instant::now();
                // The deadline decides whether another attempt starts; a running attempt is bounded
                // by its provider's own timeout, so a long completion is never cut short.
                let mut guard = InFlight { inner: self.inner.clone(), draft: Some(draft) };
                let result = op.call(provider.as_ref(), &spec.upstream_model, payload.clone()).await;
                let Some(mut draft) = guard.draft.take() else {
                    return Err(GatewayError::Internal("attempt draft missing".into()));
                };
                let upstream = started.elapsed();
                self.observe_upstream(provider.name(), upstream);
                let e = match result {
                    Ok(ok) => return Ok((draft, spec.clone(), ok, upstream)),
                    Err(e) => e,
                };
                let wait = backoff(cfg, n, e.retry_after());
                let now = Instant::now();
                let retry_here = e.is_retryable() && n < cfg.max_attempts && now + wait < deadline;
                let fall_back = e.is_retryable() && !retry_here && i + 1 < plan.len() && now < deadline;
                draft.is_final = !(retry_here || fall_back);
                self.record_failure(draft, &e);
                if !e.is_retryable() {
                    return Err(GatewayError::Upstream(e));
                }
                last = e;
                if retry_here {
                    tokio::time::sleep(wait).await;
                } else {
                    break;
                }
            }
            if Instant::now() >= deadline {
                break;
            }
        }
        Err(GatewayError::Upstream(last))
    }

    pub(crate) fn observe_upstream(&self, provider: &str, d: Duration) {
        self.inner
            .metrics
            .upstream_latency
            .get_or_create(&metrics::UpstreamLabels { provider: provider.to_string() })
            .observe(d.as_secs_f64());
    }

    pub(crate) fn record_failure(&self, draft: Draft, e: &ProviderError) {
        tracing::warn!(provider = %draft.provider, model = %draft.model, attempt = draft.attempt, error = %e,
            class = e.class(), "upstream call failed");
        let status = match e {
            ProviderError::Http { status, .. } => i64::from(*status),
            ProviderError::Timeout => 504,
            _ => 502,
        };
        self.inner.commit(draft, TokenUsage::default(), false, "error", status, Some(e.class()));
    }
}
