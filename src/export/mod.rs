//! Output formats, one file per format: tables, CSV and Markdown for rows;
//! TimelineJS, iCalendar and HTML for timelines; DOT, GraphML, JSON and
//! Cypher for graphs. Every renderer writes to a `dyn Write` and escapes
//! what it prints for its format.

pub mod csv;
pub mod cypher;
pub mod dot;
pub mod graph_json;
pub mod graphml;
pub mod html;
pub mod ics;
pub mod markdown;
pub mod neo4j_csv;
pub mod sha256;
pub mod table;
pub mod timelinejs;

use serde::Serialize;
use std::io::{self, Write};

/// A rectangular result: a header and rows of cells, for table, CSV and
/// Markdown output.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Rows {
    /// An empty result with these column names.
    pub fn new(header: &[&str]) -> Rows {
        Rows {
            header: header.iter().map(|s| (*s).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row; it must have one cell per column.
    pub fn push(&mut self, row: Vec<String>) {
        debug_assert_eq!(row.len(), self.header.len());
        self.rows.push(row);
    }
}

static COMPACT_JSON: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Chooses how [`json`] (and every JSON writer of the crate) lays out its
/// output: indented for people (the default) or on one line for tools. The
/// command line picks compact JSON when its output is not a terminal, as
/// `gh` does: half the bytes for a pipe, the same value.
pub fn set_compact_json(compact: bool) {
    COMPACT_JSON.store(compact, std::sync::atomic::Ordering::Relaxed);
}

/// Whether JSON is written on one line (see [`set_compact_json`]).
pub fn compact_json() -> bool {
    COMPACT_JSON.load(std::sync::atomic::Ordering::Relaxed)
}

/// JSON followed by a newline, indented or compact (see [`set_compact_json`]).
pub fn json<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    // A closed pipe must stay a `BrokenPipe` error, which the binary
    // treats as the end of output, not as a failure.
    let keep_kind = |e: serde_json::Error| match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    };
    if compact_json() {
        serde_json::to_writer(&mut *out, value).map_err(keep_kind)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, value).map_err(keep_kind)?;
    }
    writeln!(out)
}

/// Escapes `& < > " '` for HTML and XML text and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => o.push(' '),
            c => o.push(c),
        }
    }
    o
}
