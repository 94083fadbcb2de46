//! quantai-core: the domain types every other crate shares, with no I/O beyond reading a
//! config file. It owns the layered [`config::Settings`], the model [`catalog::Catalog`]
//! (tiers, capabilities, exact prices), the per-service [`policy::Policies`], the
//! [`registry::Registry`] that validates the two together, and exact cost arithmetic in
//! [`money`]. Entry points: [`config::Settings::load`], [`registry::Registry::from_sources`],
//! [`money::Price::cost`].

pub mod catalog;
pub mod codes;
pub mod config;
pub mod error;
pub mod money;
pub mod policy;
pub mod registry;
pub mod secret;

pub use codes::ErrorCode;
pub use error::{Error, Result};
pub use secret::SecretRef;
