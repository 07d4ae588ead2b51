//! Aligned plain-text tables for terminals.

use super::Rows;
use std::io::{self, Write};

/// Longest cell printed, in characters; longer text is cut with "…" (the
/// JSON and CSV formats carry it whole).
pub const MAX_CELL: usize = 70;

fn cut(s: &str, max: usize) -> String {
    let s = s.replace(['\n', '\r', '\t'], " ");
    if s.chars().count() <= max {
        s
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// Writes the rows as a table with a header and a rule, columns separated by
/// two spaces. An empty result prints nothing (the caller says so).
pub fn write(rows: &Rows, out: &mut dyn Write) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c, MAX_CELL)).collect())
        .collect();
    let mut width: Vec<usize> = rows.header.iter().map(|h| h.chars().count()).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> io::Result<()> {
        let last = cells.len().saturating_sub(1);
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            s.push_str(c);
            if i < last {
                s.extend(std::iter::repeat_n(' ', width[i] - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(&rows.header, out)?;
    let rule: Vec<String> = width.iter().map(|w| "-".repeat(*w)).collect();
    line(&rule, out)?;
    for r in &cells {
        line(r, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_and_cuts() {
        let mut r = Rows::new(&["when", "what"]);
        r.push(vec!["June 2021".into(), "summit".into()]);
        r.push(vec!["2021-12-07".into(), "x".repeat(100)]);
        let mut out = Vec::new();
        write(&r, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "when        what");
        assert_eq!(lines[2], "June 2021   summit");
        assert!(lines[3].ends_with('…'));
        assert_eq!(lines[3].chars().count(), 12 + MAX_CELL);
    }
}
