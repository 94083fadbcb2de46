//! Route table.

mod genai;
mod openai;
mod ops;
mod quant;
mod rag;
mod strategies;

use axum::routing::{get, post};
use axum::Router;

use quantai_core::ErrorCode;

use crate::error::ApiError;
use crate::AppState;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/chat/completions", post(openai::chat))
        .route("/v1/embeddings", post(openai::embeddings))
        .route("/v1/models", get(openai::models))
        .route("/api/v1/gen-ai/models", get(genai::models))
        .route("/api/v1/gen-ai/models/{service_name}", get(genai::service_models))
        .route("/api/v1/gen-ai/usage", get(genai::usage))
        .route("/api/v1/gen-ai/usage/savings", get(genai::savings))
        .route("/api/v1/gen-ai/templates", post(genai::create_template))
        .route("/api/v1/gen-ai/templates/{name}", get(genai::get_template))
        .route("/api/v1/market-data/import", post(quant::import))
        .route("/api/v1/market-data/{symbol}", get(quant::market_data))
        .route("/api/v1/backtests", post(quant::create_backtest).get(quant::list_backtests))
        .route("/api/v1/backtests/optimize", post(quant::start_optimize))
        .route("/api/v1/backtests/optimize/{id}", get(quant::get_optimize))
        .route("/api/v1/backtests/{id}", get(quant::get_backtest))
        .route("/api/v1/backtests/{id}/equity", get(quant::backtest_equity))
        .route("/api/v1/backtests/{id}/trades", get(quant::backtest_trades))
        .route("/api/v1/backtests/{id}/chart.svg", get(quant::backtest_chart_svg))
        .route("/api/v1/backtests/{id}/chart.png", get(quant::backtest_chart_png))
        .route("/api/v1/strategies", post(strategies::save).get(strategies::list))
        .route("/api/v1/strategies/{id}", axum::routing::delete(strategies::delete))
        .route("/api/v1/rag/collections", get(rag::collections))
        .route("/api/v1/rag/prompt", post(rag::prompt))
        .route("/api/v1/rag/{collection}/documents", post(rag::upsert))
        .route("/api/v1/rag/{collection}/documents/{id}", axum::routing::delete(rag::delete))
        .route("/api/v1/rag/{collection}/search", post(rag::search))
        .route("/api/v1/admin/reload", post(ops::reload))
        .route("/api/openapi.json", get(ops::openapi))
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::new(ErrorCode::NotFound, format!("no route {}", uri.path()))
}

/// 405; axum adds the `Allow` header listing the path's methods.
async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(ErrorCode::MethodNotAllowed, format!("method {method} is not allowed on {}", uri.path()))
}
