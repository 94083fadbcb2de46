//! The quant engine's API: market data and backtests. Handlers extract, call
//! [`quantai_quant::service::Engine`], and map its errors.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use quantai_core::ErrorCode;
use quantai_quant::service::BacktestRequest;
use quantai_quant::{date, Market};
use quantai_store::backtests::Part;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::extract::{Admin, ApiJson, ApiPath, ApiQuery, Auth};
use crate::AppState;

fn day(s: Option<String>, field: &'static str) -> Result<Option<time::Date>, ApiError> {
    s.filter(|s| !s.is_empty())
        .map(|s| {
            date::parse(&s).map_err(|_| {
                ApiError::new(ErrorCode::InvalidDate, format!("{field} {s:?} is not YYYY-MM-DD")).param(field)
            })
        })
        .transpose()
}

fn market(s: Option<String>) -> Result<Option<Market>, ApiError> {
    s.filter(|s| !s.is_empty())
        .map(|s| s.parse::<Market>().map_err(|e| ApiError::new(ErrorCode::InvalidMarket, e).param("market")))
        .transpose()
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
    _: Auth,
    ApiPath(symbol): ApiPath<String>,
    ApiQuery(q): ApiQuery<RangeQuery>,
) -> Result<Json<Value>, ApiError> {
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
    _: Admin,
    ApiJson(b): ApiJson<ImportBody>,
) -> Result<Json<Value>, ApiError> {
    let m = market(b.market)?.unwrap_or_else(|| Market::for_symbol(&b.symbol));
    let r = state.engine.import_csv(&b.csv, &b.symbol, m, b.skip_bad_rows).await?;
    Ok(Json(serde_json::to_value(r).map_err(ApiError::internal)?))
}

pub(crate) async fn create_backtest(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<BacktestRequest>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
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
    caller: Auth,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let limit = q.limit.unwrap_or(100);
    let list = state.engine.list(caller.owner(), limit).await?;
    Ok(Json(json!({"backtests": list})))
}

pub(crate) async fn get_backtest(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Value>, ApiError> {
    let b = state.engine.stored(&id, caller.owner()).await?;
    Ok(Json(serde_json::to_value(b).map_err(ApiError::internal)?))
}

async fn part(state: AppState, caller: Auth, id: String, part: Part) -> Result<Response, ApiError> {
    let doc = state.engine.part(&id, caller.owner(), part).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], doc).into_response())
}

pub(crate) async fn backtest_equity(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    part(state, caller, id, Part::Equity).await
}

pub(crate) async fn backtest_trades(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    part(state, caller, id, Part::Trades).await
}

pub(crate) async fn start_optimize(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<quantai_quant::service::OptimizeRequest>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let id = state.engine.start_optimize(&p.user_id, &req).await?;
    Ok((StatusCode::ACCEPTED, Json(json!({"id": id, "status": "running"}))))
}

pub(crate) async fn get_optimize(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Value>, ApiError> {
    let st = state.engine.optimization(&id, caller.owner()).await?;
    Ok(Json(serde_json::to_value(st).map_err(ApiError::internal)?))
}

pub(crate) async fn backtest_chart_svg(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let svg = state.engine.chart(&id, caller.owner(), false).await?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

pub(crate) async fn backtest_chart_png(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let png = state.engine.chart(&id, caller.owner(), true).await?;
    Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response())
}
