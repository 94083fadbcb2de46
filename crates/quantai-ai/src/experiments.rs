//! Experiments over the AI services: split a service's traffic between models or template
//! versions (sticky per user, by percentage; the gateway applies the split and writes the arm
//! to the ledger) and report each arm's cost, latency, error rate and the service's quality
//! signal — the fact-check pass rate of narratives, the validity of the builder's LLM parses —
//! so the cheapest model that keeps quality can be chosen.

use quantai_gateway::experiments::{Arm, Experiment};
use quantai_gateway::Gateway;
use quantai_store::ai::ExperimentRow;
use quantai_store::Store;
use serde::{Deserialize, Serialize};

use crate::AiError;

/// `POST /api/v1/ai/experiments`.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewExperiment {
    pub service: String,
    pub name: String,
    pub arms: Vec<Arm>,
}

/// One arm's figures.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ArmReport {
    pub arm: String,
    pub model: Option<String>,
    pub template_version: Option<i64>,
    pub percent: u32,
    pub requests: i64,
    pub errors: i64,
    pub error_rate: f64,
    pub cost_usd: String,
    pub cost_per_request_usd: String,
    pub avg_latency_ms: f64,
    pub quality_checks: i64,
    /// Share of quality checks passed (`null` before any).
    pub quality_pass_rate: Option<f64>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ExperimentReport {
    pub experiment: Experiment,
    /// What the quality figures measure for this service.
    pub quality_signal: String,
    pub arms: Vec<ArmReport>,
}

/// The experiments service.
#[derive(Clone)]
pub struct Experiments {
    pub store: Store,
    pub gateway: Gateway,
}

fn decode(r: &ExperimentRow) -> Result<Experiment, AiError> {
    let arms: Vec<Arm> =
        serde_json::from_str(&r.arms).map_err(|e| AiError::Setup(format!("experiment {}: {e}", r.id)))?;
    Ok(Experiment {
        id: r.id.clone(),
        service: r.service.clone(),
        name: r.name.clone(),
        arms,
        status: r.status.clone(),
        created_ms: r.created_ms,
    })
}

impl Experiments {
    /// Loads the running experiments into the gateway (start-up and after every change).
    pub async fn sync(&self) -> Result<Vec<Experiment>, AiError> {
        let all: Vec<Experiment> = self.store.experiments().await?.iter().map(decode).collect::<Result<_, _>>()?;
        self.gateway.set_experiments(all.iter().filter(|e| e.status == "running").cloned().collect());
        Ok(all)
    }

    /// Starts an experiment after checking its arms against the service's policy.
    pub async fn create(&self, req: NewExperiment) -> Result<Experiment, AiError> {
        let reg = self.gateway.registry();
        if reg.policies.get(&req.service).is_none() {
            return Err(AiError::Invalid { field: "service", message: format!("no service policy {:?}", req.service) });
        }
        if req.name.trim().is_empty() || req.name.chars().count() > 128 {
            return Err(AiError::Invalid { field: "name", message: "must be 1 to 128 characters".into() });
        }
        let e = Experiment {
            id: uuid::Uuid::new_v4().to_string(),
            service: req.service.clone(),
            name: req.name,
            arms: req.arms,
            status: "running".into(),
            created_ms: quantai_gateway::now_ms(),
        };
        e.validate().map_err(|m| AiError::Invalid { field: "arms", message: m })?;
        for (i, a) in e.arms.iter().enumerate() {
            if let Some(m) = &a.model {
                reg.policies
                    .validate(&reg.catalog, &e.service, m)
                    .map_err(|r| AiError::Invalid { field: "arms", message: format!("arms[{i}].model: {r}") })?;
            }
        }
        let running = self.sync().await?;
        if let Some(other) = running.iter().find(|x| x.service == e.service && x.status == "running") {
            return Err(AiError::Invalid {
                field: "service",
                message: format!("experiment {} already runs on {}; stop it first", other.id, e.service),
            });
        }
        let arms = serde_json::to_string(&e.arms).map_err(|x| AiError::Setup(x.to_string()))?;
        self.store
            .insert_experiment(&ExperimentRow {
                id: e.id.clone(),
                service: e.service.clone(),
                name: e.name.clone(),
                arms,
                status: e.status.clone(),
                created_ms: e.created_ms,
            })
            .await?;
        self.sync().await?;
        Ok(e)
    }

    pub async fn stop(&self, id: &str) -> Result<Experiment, AiError> {
        if !self.store.set_experiment_status(id, "stopped").await? {
            return Err(AiError::NotFound(format!("no experiment {id:?}")));
        }
        let all = self.sync().await?;
        all.into_iter().find(|e| e.id == id).ok_or_else(|| AiError::NotFound(format!("no experiment {id:?}")))
    }

    pub async fn list(&self) -> Result<Vec<Experiment>, AiError> {
        self.sync().await
    }

    /// Each arm's cost, latency, error rate and quality.
    pub async fn report(&self, id: &str) -> Result<ExperimentReport, AiError> {
        let all = self.sync().await?;
        let e =
            all.into_iter().find(|e| e.id == id).ok_or_else(|| AiError::NotFound(format!("no experiment {id:?}")))?;
        let figures = self.store.experiment_figures(id).await?;
        let arms = e
            .arms
            .iter()
            .map(|a| {
                let f = figures.iter().find(|f| f.arm == e.label(a)).cloned().unwrap_or_default();
                let usd = |p: i64| {
                    quantai_core::money::Cost::from_picos(i128::from(p))
                        .as_decimal()
                        .round_dp(8)
                        .normalize()
                        .to_string()
                };
                ArmReport {
                    arm: a.name.clone(),
                    model: a.model.clone(),
                    template_version: a.template_version,
                    percent: a.percent,
                    requests: f.requests,
                    errors: f.errors,
                    error_rate: if f.requests == 0 { 0.0 } else { f.errors as f64 / f.requests as f64 },
                    cost_usd: usd(f.cost_picos),
                    cost_per_request_usd: usd(if f.requests == 0 { 0 } else { f.cost_picos / f.requests }),
                    avg_latency_ms: if f.requests == 0 { 0.0 } else { f.latency_ms_total as f64 / f.requests as f64 },
                    quality_checks: f.quality_checks,
                    quality_pass_rate: (f.quality_checks > 0).then(|| f.quality_ok as f64 / f.quality_checks as f64),
                }
            })
            .collect();
        let quality_signal = match e.service.as_str() {
            crate::narrative::SERVICE => "share of LLM narratives whose every number passed the fact check",
            crate::build_service::SERVICE => "share of LLM strategy answers the engine accepted",
            _ => "no quality signal for this service",
        }
        .to_string();
        Ok(ExperimentReport { experiment: e, quality_signal, arms })
    }

    /// Records one quality outcome of `service` for `user`'s arm (if an experiment runs).
    pub async fn record(&self, service: &str, user: &str, ok: bool) {
        let arm = self.gateway.arm_for(service, user).map(|(label, _)| label);
        let id = uuid::Uuid::new_v4().to_string();
        if let Err(e) = self.store.insert_quality(&id, service, arm.as_deref(), ok, quantai_gateway::now_ms()).await {
            tracing::warn!(error = %e, "quality signal not recorded");
        }
    }
}
