//! Provider implementations, one file each.

pub mod openai;
