//! GitHub-flavoured Markdown tables.

use super::Rows;
use std::io::{self, Write};

/// A cell with pipes, backslashes and line breaks made safe for a table.
pub fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Writes the rows as a Markdown table.
pub fn write(rows: &Rows, out: &mut dyn Write) -> io::Result<()> {
    let row = |r: &[String]| {
        format!(
            "| {} |",
            r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        )
    };
    writeln!(out, "{}", row(&rows.header))?;
    writeln!(out, "|{}", "---|".repeat(rows.header.len()))?;
    for r in &rows.rows {
        writeln!(out, "{}", row(r))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_pipes() {
        let mut r = Rows::new(&["a"]);
        r.push(vec!["x | y".into()]);
        let mut out = Vec::new();
        write(&r, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "| a |\n|---|\n| x \\| y |\n"
        );
    }
}
