//! Readers, one per input format: the interchange JSON (one bundle per file or
//! JSON Lines of bundles) and plain articles.

pub mod article;
