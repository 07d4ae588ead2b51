//! CSV (RFC 4180): a header row, comma separators, CRLF line ends, fields
//! quoted when they hold a comma, a quote or a line break.
//!
//! Article text is hostile input for a spreadsheet: a cell that begins with
//! `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
//! Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`, DDE). [`write`]
//! neutralises such cells as OWASP recommends: a leading single quote makes
//! the spreadsheet show the text as text, and the cell is quoted. A cell
//! that is a plain number (`-12.5`) is no formula and is left as it is.

use super::Rows;
use std::io::{self, Write};

/// One field, quoted when needed, inner quotes doubled; no other change (for
/// CSV that tools other than spreadsheets read, such as Neo4j's importer).
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Whether a spreadsheet would evaluate this cell.
fn formula_like(s: &str) -> bool {
    let number = s
        .bytes()
        .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b))
        && s.parse::<f64>().is_ok();
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number
}

/// One field for a spreadsheet: [`field`], with a formula-like cell
/// prefixed by `'` and quoted.
pub fn safe_field(s: &str) -> String {
    if formula_like(s) {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else {
        field(s)
    }
}

/// Writes the header and every row, formula-like cells neutralised.
pub fn write(rows: &Rows, out: &mut dyn Write) -> io::Result<()> {
    for r in std::iter::once(&rows.header).chain(&rows.rows) {
        let line: Vec<String> = r.iter().map(|c| safe_field(c)).collect();
        write!(out, "{}\r\n", line.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        let mut r = Rows::new(&["a", "b"]);
        r.push(vec!["plain".into(), "say \"hi\", then\nleave".into()]);
        let mut out = Vec::new();
        write(&r, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b\r\nplain,\"say \"\"hi\"\", then\nleave\"\r\n"
        );
    }

    #[test]
    fn formula_cells_are_neutralised_and_numbers_kept() {
        for (cell, want) in [
            ("=2+3 people", "\"'=2+3 people\""),
            ("+7 more", "\"'+7 more\""),
            ("-1+4", "\"'-1+4\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\tcmd", "\"'\tcmd\""),
            ("\rcmd", "\"'\rcmd\""),
            ("=\"x\"", "\"'=\"\"x\"\"\""),
            ("-12.5", "-12.5"),
            ("+3", "+3"),
            ("-inf", "\"'-inf\""),
            ("\t5", "\"'\t5\""),
            ("a = b", "a = b"),
        ] {
            assert_eq!(safe_field(cell), want, "{cell:?}");
        }
    }
}
