//! quantai-quant's integration tests (one binary).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod data;
mod props;
mod reference;
mod service;
mod sweep;
