//! Article text to model: a fast, offline, rule-based English extractor.
//!
//! Stages each add annotations with byte spans into the original text and
//! never lose the original offsets.

pub mod timex;
