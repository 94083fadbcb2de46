//! The quant engine's API: market data and backtests. Handlers extract, call
//! [`quantai_quant::service::Engine`], and map its errors.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use quantai_core::ErrorCode;
use quantai_quant::backtest::{EquityPoint, Trade};
use quantai_quant::bars::Bar;
use quantai_quant::kpi::Kpis;
use quantai_quant::service::{BacktestRequest, ImportReport, OptimizationStatus, OptimizeRequest, StoredBacktest};
use quantai_quant::strategy::StrategySpec;
use quantai_quant::{date, Market};
use quantai_store::backtests::Part;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ErrorBody};
use crate::extract::{Admin, ApiJson, ApiPath, ApiQuery, Auth};
use crate::AppState;

fn day(s: Option<String>, field: &'static str) -> Result<Option<time::Date>, ApiError> {
    s.map(|s| {
        date::parse(&s)
            .map_err(|_| ApiError::new(ErrorCode::InvalidDate, format!("{field} {s:?} is not YYYY-MM-DD")).param(field))
    })
    .transpose()
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct RangeQuery {
    /// First day, YYYY-MM-DD.
    #[param(format = Date)]
    from: Option<String>,
    /// Last day, YYYY-MM-DD.
    #[param(format = Date)]
    to: Option<String>,
    /// `KRX` or `US`; the symbol's default market when absent.
    market: Option<Market>,
}

/// Daily bars of a symbol.
#[derive(Serialize, ToSchema)]
pub(crate) struct MarketData {
    symbol: String,
    market: Option<Market>,
    bars: Vec<Bar>,
}

/// Stored daily bars of a symbol.
#[utoipa::path(get, path = "/api/v1/market-data/{symbol}", operation_id = "getMarketData", tag = "quant",
    params(("symbol" = String, Path, description = "A ticker (AAPL) or a KRX code (005930)"), RangeQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "The bars, oldest first", body = MarketData),
        (status = 404, description = "No data for the symbol", body = ErrorBody)))]
pub(crate) async fn market_data(
    State(state): State<AppState>,
    _: Auth,
    ApiPath(symbol): ApiPath<String>,
    ApiQuery(q): ApiQuery<RangeQuery>,
) -> Result<Json<MarketData>, ApiError> {
    let s = state.engine.series(&symbol, q.market, day(q.from, "from")?, day(q.to, "to")?).await?;
    let bars: Vec<_> = (0..s.len()).map(|i| s.bar(i)).collect();
    Ok(Json(MarketData { symbol, market: s.market, bars }))
}

/// Daily bars as CSV text to import.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ImportBody {
    symbol: String,
    /// `KRX` or `US`; KRX for six-digit codes, US otherwise, when absent.
    market: Option<Market>,
    /// The CSV text: a header with date, open, high, low, close, volume (adj_close optional).
    csv: String,
    /// Import the good rows and report the bad ones, instead of refusing the file.
    #[serde(default)]
    skip_bad_rows: bool,
}

/// Imports daily bars (admins): all rows or none, unless `skip_bad_rows`.
#[utoipa::path(post, path = "/api/v1/market-data/import", operation_id = "importMarketData", tag = "quant",
    request_body = ImportBody, security(("bearer" = [])),
    responses((status = 200, description = "What the import did", body = ImportReport),
        (status = 403, description = "Not an admin key", body = ErrorBody)))]
pub(crate) async fn import(
    State(state): State<AppState>,
    _: Admin,
    ApiJson(b): ApiJson<ImportBody>,
) -> Result<Json<ImportReport>, ApiError> {
    let m = b.market.unwrap_or_else(|| Market::for_symbol(&b.symbol));
    Ok(Json(state.engine.import_csv(&b.csv, &b.symbol, m, b.skip_bad_rows).await?))
}

/// A backtest just run and stored.
#[derive(Serialize, ToSchema)]
pub(crate) struct BacktestCreated {
    id: String,
    user_id: String,
    symbol: String,
    #[schema(format = Date)]
    from: String,
    #[schema(format = Date)]
    to: String,
    bars: usize,
    strategy: StrategySpec,
    kpis: Kpis,
    trades: Vec<Trade>,
}

/// Runs a backtest on stored data; it is stored for the caller and indexed for RAG.
#[utoipa::path(post, path = "/api/v1/backtests", operation_id = "createBacktest", tag = "quant",
    request_body = BacktestRequest, security(("bearer" = [])),
    responses((status = 201, description = "Run and stored", body = BacktestCreated, links(
            ("GetBacktest" = (operation_id = "getBacktest", parameters(("id" = "$response.body#/id")))),
            ("GetBacktestEquity" = (operation_id = "getBacktestEquity", parameters(("id" = "$response.body#/id")))),
            ("GetBacktestTrades" = (operation_id = "getBacktestTrades", parameters(("id" = "$response.body#/id")))),
            ("GetBacktestChartSvg" = (operation_id = "getBacktestChartSvg", parameters(("id" = "$response.body#/id")))),
            ("GetBacktestChartPng" = (operation_id = "getBacktestChartPng", parameters(("id" = "$response.body#/id")))),
        )),
        (status = 404, description = "No data for the symbol", body = ErrorBody)))]
pub(crate) async fn create_backtest(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<BacktestRequest>,
) -> Result<(StatusCode, Json<BacktestCreated>), ApiError> {
    let (id, r) = state.engine.backtest(&p.user_id, &req).await?;
    Ok((
        StatusCode::CREATED,
        Json(BacktestCreated {
            id,
            user_id: p.user_id,
            symbol: r.symbol,
            from: date::iso(r.from),
            to: date::iso(r.to),
            bars: r.bars,
            strategy: r.spec,
            kpis: r.kpis,
            trades: r.trades,
        }),
    ))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct ListQuery {
    /// At most this many, newest first (default 100).
    #[param(minimum = 1, maximum = 10000)]
    limit: Option<i64>,
}

/// Stored backtests, newest first.
#[derive(Serialize, ToSchema)]
pub(crate) struct BacktestList {
    backtests: Vec<StoredBacktest>,
}

/// The caller's backtests (an admin's: everyone's), newest first.
#[utoipa::path(get, path = "/api/v1/backtests", operation_id = "listBacktests", tag = "quant",
    params(ListQuery), security(("bearer" = [])),
    responses((status = 200, description = "Newest first", body = BacktestList)))]
pub(crate) async fn list_backtests(
    State(state): State<AppState>,
    caller: Auth,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<BacktestList>, ApiError> {
    let limit = q.limit.unwrap_or(100);
    if !(1..=10_000).contains(&limit) {
        return Err(ApiError::new(ErrorCode::InvalidQuery, format!("limit {limit}: 1 to 10000")).param("limit"));
    }
    Ok(Json(BacktestList { backtests: state.engine.list(caller.owner(), limit).await? }))
}

/// One stored backtest of the caller.
#[utoipa::path(get, path = "/api/v1/backtests/{id}", operation_id = "getBacktest", tag = "quant",
    params(("id" = String, Path, description = "A backtest id")), security(("bearer" = [])),
    responses((status = 200, description = "The backtest", body = StoredBacktest),
        (status = 404, description = "No such backtest of the caller", body = ErrorBody)))]
pub(crate) async fn get_backtest(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<StoredBacktest>, ApiError> {
    Ok(Json(state.engine.stored(&id, caller.owner()).await?))
}

async fn part(state: AppState, caller: Auth, id: String, part: Part) -> Result<Response, ApiError> {
    let doc = state.engine.part(&id, caller.owner(), part).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], doc).into_response())
}

/// A backtest's equity curve, one point per bar.
#[utoipa::path(get, path = "/api/v1/backtests/{id}/equity", operation_id = "getBacktestEquity", tag = "quant",
    params(("id" = String, Path, description = "A backtest id")), security(("bearer" = [])),
    responses((status = 200, description = "The equity curve", body = Vec<EquityPoint>),
        (status = 404, description = "No such backtest of the caller", body = ErrorBody)))]
pub(crate) async fn backtest_equity(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    part(state, caller, id, Part::Equity).await
}

/// A backtest's closed trades.
#[utoipa::path(get, path = "/api/v1/backtests/{id}/trades", operation_id = "getBacktestTrades", tag = "quant",
    params(("id" = String, Path, description = "A backtest id")), security(("bearer" = [])),
    responses((status = 200, description = "The trades", body = Vec<Trade>),
        (status = 404, description = "No such backtest of the caller", body = ErrorBody)))]
pub(crate) async fn backtest_trades(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    part(state, caller, id, Part::Trades).await
}

/// A parameter search that started.
#[derive(Serialize, ToSchema)]
pub(crate) struct OptimizeStarted {
    id: String,
    /// Always `running` here; poll the search for progress.
    status: quantai_store::backtests::JobStatus,
}

/// Starts a parameter search in the background; poll it by id.
#[utoipa::path(post, path = "/api/v1/backtests/optimize", operation_id = "startOptimization", tag = "quant",
    request_body = OptimizeRequest, security(("bearer" = [])),
    responses((status = 202, description = "Started", body = OptimizeStarted, links(
            ("GetOptimization" = (operation_id = "getOptimization", parameters(("id" = "$response.body#/id")))),
        )),
        (status = 404, description = "No data for the symbol", body = ErrorBody)))]
pub(crate) async fn start_optimize(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<OptimizeRequest>,
) -> Result<(StatusCode, Json<OptimizeStarted>), ApiError> {
    let id = state.engine.start_optimize(&p.user_id, &req).await?;
    Ok((StatusCode::ACCEPTED, Json(OptimizeStarted { id, status: quantai_store::backtests::JobStatus::Running })))
}

/// A search's progress and, when done, its leaderboard.
#[utoipa::path(get, path = "/api/v1/backtests/optimize/{id}", operation_id = "getOptimization", tag = "quant",
    params(("id" = String, Path, description = "A search id")), security(("bearer" = [])),
    responses((status = 200, description = "Status and results", body = OptimizationStatus),
        (status = 404, description = "No such search of the caller", body = ErrorBody)))]
pub(crate) async fn get_optimize(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<OptimizationStatus>, ApiError> {
    Ok(Json(state.engine.optimization(&id, caller.owner()).await?))
}

/// A backtest's equity chart as SVG.
#[utoipa::path(get, path = "/api/v1/backtests/{id}/chart.svg", operation_id = "getBacktestChartSvg", tag = "quant",
    params(("id" = String, Path, description = "A backtest id")), security(("bearer" = [])),
    responses((status = 200, description = "The chart", content_type = "image/svg+xml", body = String),
        (status = 404, description = "No such backtest of the caller", body = ErrorBody)))]
pub(crate) async fn backtest_chart_svg(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let svg = state.engine.chart(&id, caller.owner(), false).await?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}

/// A backtest's equity chart as PNG.
#[utoipa::path(get, path = "/api/v1/backtests/{id}/chart.png", operation_id = "getBacktestChartPng", tag = "quant",
    params(("id" = String, Path, description = "A backtest id")), security(("bearer" = [])),
    responses((status = 200, description = "The chart", content_type = "image/png", body = Vec<u8>),
        (status = 404, description = "No such backtest of the caller", body = ErrorBody)))]
pub(crate) async fn backtest_chart_png(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Response, ApiError> {
    let png = state.engine.chart(&id, caller.owner(), true).await?;
    Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response())
}
