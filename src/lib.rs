//! chronograph turns news articles into an event-timeline knowledge graph:
//! who said what, when, and through whom; what happened to whom; where
//! sources disagree.
//!
//! The library is organised in rooms with one purpose each:
//!
//! - [`model`]: plain data (documents, actors, events, claims, relations,
//!   time values, quantities) and the interchange [`model::Bundle`];
//! - [`extract`]: article text to model, rule-based and offline, including
//!   the temporal tagger [`extract::timex`];
//! - [`ingest`]: one reader per input format (interchange JSON, articles);
//! - [`store`]: SQLite persistence, the only place SQL appears;
//! - [`graph`]: the petgraph view of the store;
//! - [`query`]: timelines, attribution, conflicts, actor neighbourhoods;
//! - [`export`]: one file per output format.
//!
//! The command line lives in the binary (`src/main.rs`, `src/cli/`).

pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod query;
pub mod store;

pub use error::{Error, Result};
