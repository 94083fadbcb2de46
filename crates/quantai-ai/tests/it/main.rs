//! Integration tests of quantai-ai (one binary).

mod factcheck;
