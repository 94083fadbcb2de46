//! The quant engine's API: market data and backtests. Handlers extract, call
//! [`quantai_quant::service::Engine`], and map its errors.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use quantai_quant::service::{BacktestRequest, EngineError};
use quantai_quant::{date, Market};
use quantai_store::backtests::Part;
use quantai_store::keys::Role;
use serde::Deserialize;
use serde_json::{json, Value};

use super::genai::query;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::AppState;

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> Self {
        match e {
            EngineError::Invalid(m) => ApiError::bad(m, None, "invalid_request"),
            EngineError::NotFound(m) => ApiError::NotFound(m, "resource_not_found"),
            EngineError::Store(e) => ApiError::Store(e),
        }
    }
}

pub(crate) fn body<T>(b: Result<Json<T>, JsonRejection>) -> Result<T, ApiError> {
    b.map(|Json(t)| t).map_err(|e| ApiError::bad(e.body_text(), None, "invalid_json"))
}

fn day(s: Option<String>, field: &'static str) -> Result<Option<time::Date>, ApiError> {
    s.filter(|s| !s.is_empty())
        .map(|s| {
            date::parse(&s)
                .map_err(|_| ApiError::bad(format!("{field} {s:?} is not YYYY-MM-DD"), Some(field), "invalid_date"))
        })
        .transpose()
}

fn market(s: Option<String>) -> Result<Option<Market>, ApiError> {
    s.filter(|s| !s.is_empty())
        .map(|s| s.parse::<Market>().map_err(|e| ApiError::bad(e, Some("market"), "invalid_market")))
        .transpose()
}

/// Whose backtests a caller sees: an admin sees all, anyone else their own.
fn owner(p: &Principal) -> Option<&str> {
    (p.role != Role::Admin).then_some(p.user_id.as_str())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RangeQuery {
    from: Option<String>,
    to: Option<String>,
    market: Option<String>,
}

pub(crate) async fn market_data(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(symbol): Path<String>,
    q: Result<Query<RangeQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    state.keys.authenticate(&state.store, &headers).await?;
    let q = query(q)?;
    let s = state.engine.series(&symbol, market(q.market)?, day(q.from, "from")?, day(q.to, "to")?).await?;
    let bars: Vec<_> = (0..s.len()).map(|i| s.bar(i)).collect();
    Ok(Json(json!({"symbol": symbol, "market": s.market, "bars": bars})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ImportBody {
    symbol: String,
    market: Option<String>,
    /// The CSV text.
    csv: String,
    #[serde(default)]
    skip_bad_rows: bool,
}

pub(crate) async fn import(
    State(state): State<AppState>,
    headers: HeaderMap,
    b: Result<Json<ImportBody>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    if p.role != Role::Admin {
        return Err(ApiError::Forbidden("only an admin key may import market data".into()));
    }
    let b = body(b)?;
    let m = market(b.market)?.unwrap_or(Market::Us);
    let r = state.engine.import_csv(&b.csv, &b.symbol, m, b.skip_bad_rows).await?;
    Ok(Json(serde_json::to_value(r).unwrap_or(Value::Null)))
}

pub(crate) async fn create_backtest(
    State(state): State<AppState>,
    headers: HeaderMap,
    b: Result<Json<BacktestRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let req = body(b)?;
    let (id, r) = state.engine.backtest(&p.user_id, &req).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": id, "user_id": p.user_id, "symbol": r.symbol, "from": date::iso(r.from), "to": date::iso(r.to),
            "bars": r.bars, "strategy": r.spec, "kpis": r.kpis, "trades": r.trades,
        })),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListQuery {
    limit: Option<i64>,
}

pub(crate) async fn list_backtests(
    State(state): State<AppState>,
    headers: HeaderMap,
    q: Result<Query<ListQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let limit = query(q)?.limit.unwrap_or(100);
    let list = state.engine.list(owner(&p), limit).await?;
    Ok(Json(json!({"backtests": list})))
}

pub(crate) async fn get_backtest(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let b = state.engine.stored(&id, owner(&p)).await?;
    Ok(Json(serde_json::to_value(b).unwrap_or(Value::Null)))
}

async fn part(state: AppState, headers: HeaderMap, id: String, part: Part) -> Result<Response, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let doc = state.engine.part(&id, owner(&p), part).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], doc).into_response())
}

pub(crate) async fn backtest_equity(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    part(state, headers, id, Part::Equity).await
}

pub(crate) async fn backtest_trades(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    part(state, headers, id, Part::Trades).await
}

pub(crate) async fn start_optimize(
    State(state): State<AppState>,
    headers: HeaderMap,
    b: Result<Json<quantai_quant::service::OptimizeRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let req = body(b)?;
    let id = state.engine.start_optimize(&p.user_id, &req).await?;
    Ok((StatusCode::ACCEPTED, Json(json!({"id": id, "status": "running"}))))
}

pub(crate) async fn get_optimize(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let st = state.engine.optimization(&id, owner(&p)).await?;
    Ok(Json(serde_json::to_value(st).unwrap_or(Value::Null)))
}

pub(crate) async fn backtest_chart_svg(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let svg = state.engine.chart(&id, owner(&p), false).await?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

pub(crate) async fn backtest_chart_png(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let png = state.engine.chart(&id, owner(&p), true).await?;
    Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response())
}
