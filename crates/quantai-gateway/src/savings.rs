//! The savings report (seed 002 sprint 1.4's cost-savings verification): actual chat spend
//! against the same tokens priced at a baseline model, plus what the response cache saved, by
//! service and day. The API and any other caller use [`Gateway::savings`].

use quantai_core::money::{Cost, TokenUsage};
use quantai_core::ErrorCode;
use quantai_store::ledger::{SpendGroup, UsageFilter};
use quantai_store::Store;
use serde::Serialize;

use crate::{Gateway, GatewayError};

/// The baseline when none is named.
pub const DEFAULT_BASELINE: &str = "gpt-4-turbo";

/// One service and day.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct SavingsRow {
    pub service: String,
    pub day: String,
    pub requests: i64,
    pub cache_hits: i64,
    pub prompt_tokens: i64,
    pub cached_tokens: i64,
    pub completion_tokens: i64,
    #[schema(value_type = String)]
    pub actual_usd: Cost,
    #[schema(value_type = String)]
    pub baseline_usd: Cost,
    #[schema(value_type = String)]
    pub saved_vs_baseline_usd: Cost,
    #[schema(value_type = String)]
    pub cache_saved_usd: Cost,
}

/// The sums over every row.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct SavingsTotal {
    #[schema(value_type = String)]
    pub actual_usd: Cost,
    #[schema(value_type = String)]
    pub baseline_usd: Cost,
    #[schema(value_type = String)]
    pub saved_vs_baseline_usd: Cost,
    /// Saved against the baseline, in percent of the baseline (two decimals).
    pub saved_vs_baseline_pct: f64,
    #[schema(value_type = String)]
    pub cache_saved_usd: Cost,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct SavingsReport {
    pub baseline_model: String,
    pub groups: Vec<SavingsRow>,
    pub total: SavingsTotal,
}

impl Gateway {
    /// The savings report over the ledger rows `filter` selects, against `baseline` (a catalog
    /// model; [`DEFAULT_BASELINE`] when `None`).
    pub async fn savings(
        &self,
        store: &Store,
        filter: &UsageFilter,
        baseline: Option<&str>,
    ) -> Result<SavingsReport, GatewayError> {
        let baseline_id = baseline.filter(|b| !b.is_empty()).unwrap_or(DEFAULT_BASELINE);
        let reg = self.registry();
        let spec = reg.catalog.get(baseline_id).ok_or_else(|| GatewayError::InvalidRequest {
            message: format!("baseline model {baseline_id:?} is not in the catalog"),
            param: Some("baseline".into()),
            code: ErrorCode::ModelNotFound,
        })?;
        let groups = store.spend_by_service_day(filter).await.map_err(|e| GatewayError::Internal(e.to_string()))?;
        Ok(report(&spec.id, &spec.price, &groups))
    }
}

/// The report of `groups` against a baseline price sheet.
pub fn report(baseline: &str, price: &quantai_core::money::PriceSheet, groups: &[SpendGroup]) -> SavingsReport {
    let mut total = [0i128; 4];
    let rows = groups
        .iter()
        .map(|g| {
            let tokens = TokenUsage {
                prompt_tokens: u64::try_from(g.prompt_tokens).unwrap_or(0),
                cached_tokens: u64::try_from(g.cached_tokens).unwrap_or(0),
                completion_tokens: u64::try_from(g.completion_tokens).unwrap_or(0),
            };
            let at_baseline = price.cost(&tokens).picos();
            let (actual, saved) = (i128::from(g.cost_picos), i128::from(g.saved_cost_picos));
            for (t, v) in total.iter_mut().zip([actual, at_baseline, at_baseline - actual, saved]) {
                *t += v;
            }
            SavingsRow {
                service: g.service.clone(),
                day: g.day.clone(),
                requests: g.requests,
                cache_hits: g.cache_hits,
                prompt_tokens: g.prompt_tokens,
                cached_tokens: g.cached_tokens,
                completion_tokens: g.completion_tokens,
                actual_usd: Cost::from_picos(actual),
                baseline_usd: Cost::from_picos(at_baseline),
                saved_vs_baseline_usd: Cost::from_picos(at_baseline - actual),
                cache_saved_usd: Cost::from_picos(saved),
            }
        })
        .collect();
    let pct = if total[1] > 0 { (total[2] * 10_000 / total[1]) as f64 / 100.0 } else { 0.0 };
    SavingsReport {
        baseline_model: baseline.to_string(),
        groups: rows,
        total: SavingsTotal {
            actual_usd: Cost::from_picos(total[0]),
            baseline_usd: Cost::from_picos(total[1]),
            saved_vs_baseline_usd: Cost::from_picos(total[2]),
            saved_vs_baseline_pct: pct,
            cache_saved_usd: Cost::from_picos(total[3]),
        },
    }
}
