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

/// Pretty JSON followed by a newline.
pub fn json<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
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
