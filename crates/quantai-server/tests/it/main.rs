//! End-to-end tests: the real app on port 0 with a fresh SQLite database, in front of the
//! Rust mock upstream.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod ai;
mod api;
mod budgets;
mod cache;
mod chat;
mod errors;
mod governance;
mod jobs;
mod lifecycle;
mod limits;
mod quant;
mod rag;
mod resilience;
mod sdk;
mod streaming;
