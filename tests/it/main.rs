//! Integration tests: one test binary (links once, which matters on two
//! cores) that drives the real `chronograph` binary on temporary SQLite files.

mod cache;
mod common;
mod core;
mod exports;
mod extract;
mod factuality;
mod migrate;
mod query;
mod reliability;
mod timex;
mod views;
