//! Integration tests of quantai-ai (one binary).

mod builder;
mod factcheck;
mod narrative;
