//! Prometheus metrics of the gateway and the HTTP server, in one registry.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use std::sync::atomic::AtomicU64;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteOnly {
    pub route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ModelLabels {
    pub model: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct TokenLabels {
    pub model: String,
    pub kind: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct UpstreamLabels {
    pub provider: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ErrorLabels {
    pub provider: String,
    pub class: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct AlertLabels {
    pub scope: &'static str,
    pub period: &'static str,
    pub threshold: u8,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CacheLabels {
    pub outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct GuardLabels {
    pub kind: &'static str,
    pub action: &'static str,
}

fn latency_buckets() -> impl Iterator<Item = f64> {
    [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0]
        .into_iter()
}

fn new_hist() -> Histogram {
    Histogram::new(latency_buckets())
}

/// Every metric quantai exports.
pub struct Metrics {
    registry: Registry,
    pub http_requests: Family<RouteLabels, Counter>,
    pub http_latency: Family<RouteOnly, Histogram, fn() -> Histogram>,
    pub gateway_overhead: Histogram,
    pub upstream_latency: Family<UpstreamLabels, Histogram, fn() -> Histogram>,
    pub upstream_errors: Family<ErrorLabels, Counter>,
    pub tokens: Family<TokenLabels, Counter>,
    pub cost_usd: Family<ModelLabels, Counter<f64, AtomicU64>>,
    pub ledger_queue: Gauge,
    pub ledger_rows: Counter,
    pub ledger_errors: Counter,
    pub budget_alerts: Family<AlertLabels, Counter>,
    pub cache: Family<CacheLabels, Counter>,
    pub cache_saved_usd: Counter<f64, AtomicU64>,
    pub guard: Family<GuardLabels, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("quantai");
        let http_requests = Family::<RouteLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests by route and status", http_requests.clone());
        let http_latency = Family::<RouteOnly, Histogram, fn() -> Histogram>::new_with_constructor(new_hist);
        registry.register("http_request_duration_seconds", "HTTP request latency", http_latency.clone());
        let gateway_overhead = new_hist();
        registry.register(
            "gateway_overhead_seconds",
            "Time quantai adds to a model call: request latency minus the upstream's",
            gateway_overhead.clone(),
        );
        let upstream_latency = Family::<UpstreamLabels, Histogram, fn() -> Histogram>::new_with_constructor(new_hist);
        registry.register(
            "upstream_duration_seconds",
            "Upstream call latency (to headers for streams)",
            upstream_latency.clone(),
        );
        let upstream_errors = Family::<ErrorLabels, Counter>::default();
        registry.register("upstream_errors", "Upstream errors by class", upstream_errors.clone());
        let tokens = Family::<TokenLabels, Counter>::default();
        registry.register("tokens", "Tokens by model and kind (prompt, cached, completion)", tokens.clone());
        let cost_usd = Family::<ModelLabels, Counter<f64, AtomicU64>>::default();
        registry.register("cost_usd", "Cost in USD by model (the ledger holds exact figures)", cost_usd.clone());
        let ledger_queue = Gauge::default();
        registry.register("ledger_queue_rows", "Usage rows waiting to be written", ledger_queue.clone());
        let ledger_rows = Counter::default();
        registry.register("ledger_rows_written", "Usage rows written", ledger_rows.clone());
        let ledger_errors = Counter::default();
        registry.register("ledger_write_errors", "Failed ledger writes (retried)", ledger_errors.clone());
        let budget_alerts = Family::<AlertLabels, Counter>::default();
        registry.register(
            "budget_alerts",
            "Budget alert thresholds crossed, by scope, period and percentage",
            budget_alerts.clone(),
        );
        let cache = Family::<CacheLabels, Counter>::default();
        registry.register("cache_lookups", "Response cache lookups by outcome (hit, miss, bypass)", cache.clone());
        let cache_saved_usd = Counter::<f64, AtomicU64>::default();
        registry.register(
            "cache_saved_usd",
            "What cache hits would have cost upstream, in USD",
            cache_saved_usd.clone(),
        );
        let guard = Family::<GuardLabels, Counter>::default();
        registry.register("guard_findings", "PII and banned words found in prompts, by kind and action", guard.clone());
        Self {
            registry,
            budget_alerts,
            cache,
            cache_saved_usd,
            guard,
            http_requests,
            http_latency,
            gateway_overhead,
            upstream_latency,
            upstream_errors,
            tokens,
            cost_usd,
            ledger_queue,
            ledger_rows,
            ledger_errors,
        }
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}
