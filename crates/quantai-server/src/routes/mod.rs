//! Route table.

mod ai;
mod genai;
mod jobs;
mod openai;
pub(crate) use openai::SERVICE_HEADER;
mod ops;
mod quant;
mod rag;
mod strategies;

use axum::Router;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use quantai_core::ErrorCode;

use crate::error::ApiError;
use crate::AppState;

/// Every documented route, with its OpenAPI operation, before state is applied.
pub(crate) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(crate::openapi::ApiDoc::openapi())
        .routes(routes!(openai::chat))
        .routes(routes!(openai::embeddings))
        .routes(routes!(openai::models))
        .routes(routes!(genai::models))
        .routes(routes!(genai::service_models))
        .routes(routes!(genai::usage))
        .routes(routes!(genai::savings))
        .routes(routes!(genai::create_template))
        .routes(routes!(genai::get_template))
        .routes(routes!(genai::approve_template))
        .routes(routes!(genai::activate_template))
        .routes(routes!(genai::diff_template))
        .routes(routes!(quant::import))
        .routes(routes!(quant::market_data))
        .routes(routes!(quant::create_backtest, quant::list_backtests))
        .routes(routes!(quant::start_optimize))
        .routes(routes!(quant::get_optimize))
        .routes(routes!(quant::get_backtest))
        .routes(routes!(quant::backtest_equity))
        .routes(routes!(quant::backtest_trades))
        .routes(routes!(quant::backtest_chart_svg))
        .routes(routes!(quant::backtest_chart_png))
        .routes(routes!(strategies::save, strategies::list))
        .routes(routes!(strategies::delete))
        .routes(routes!(rag::collections))
        .routes(routes!(rag::prompt))
        .routes(routes!(rag::upsert))
        .routes(routes!(rag::delete))
        .routes(routes!(rag::search))
        .routes(routes!(ai::narrate))
        .routes(routes!(ai::build))
        .routes(routes!(ai::chatops))
        .routes(routes!(ai::slack))
        .routes(routes!(ai::governance_check))
        .routes(routes!(ai::create_experiment, ai::list_experiments))
        .routes(routes!(ai::experiment_report))
        .routes(routes!(ai::stop_experiment))
        .routes(routes!(jobs::list, jobs::enqueue))
        .routes(routes!(jobs::stats))
        .routes(routes!(jobs::schedule))
        .routes(routes!(jobs::purge))
        .routes(routes!(jobs::get))
        .routes(routes!(jobs::retry))
        .routes(routes!(ops::reload))
        .routes(routes!(ops::openapi))
        .routes(routes!(ops::healthz))
        .routes(routes!(ops::readyz))
        .routes(routes!(ops::metrics))
}

/// The router: the documented routes, a 404 fallback and 405 for methods a path does not have.
pub(crate) fn routes() -> Router<AppState> {
    let (router, _) = api().split_for_parts();
    router.fallback(not_found).method_not_allowed_fallback(method_not_allowed)
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::new(ErrorCode::NotFound, format!("no route {}", uri.path()))
}

/// 405; axum adds the `Allow` header listing the path's methods.
async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(ErrorCode::MethodNotAllowed, format!("method {method} is not allowed on {}", uri.path()))
}
