//! SQLite persistence: the only place SQL appears. Migrations are the numbered
//! files in `schema/`, applied in order and tracked in `PRAGMA user_version`.
pub mod query;
