//! Integration tests of quantai-guard (one binary): placeholders and the vault, property
//! tests of mask/restore, banned words. The labelled corpus lives in `tests/corpus.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod banned;
mod props;
mod vault;
