//! GitHub-flavoured Markdown tables.
//!
//! Markdown renderers pass raw HTML through, so article text could bring
//! `<script>` or `<img onerror=...>` into a rendered report, or a link with a
//! `javascript:` target. Every cell escapes `&`, `<` and `>` as entities and
//! backslash-escapes the characters that start Markdown markup (links,
//! emphasis, code), so a cell always renders as the text it holds.

use super::Rows;
use std::io::{self, Write};

/// A cell: HTML and Markdown markup made inert, pipes and line breaks made
/// safe for a table.
pub fn cell(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '\n' | '\r' => o.push(' '),
            '\\' | '|' | '[' | ']' | '*' | '_' | '`' | '~' | '!' => {
                o.push('\\');
                o.push(ch);
            }
            c => o.push(c),
        }
    }
    o
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

    #[test]
    fn html_and_links_stay_text() {
        assert_eq!(
            cell("<script>alert(1)</script> & <img src=x onerror=go()>"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=go()&gt;"
        );
        assert_eq!(
            cell("[click](javascript:alert(1)) *bold* `code`"),
            "\\[click\\](javascript:alert(1)) \\*bold\\* \\`code\\`"
        );
        assert_eq!(cell("two\nlines"), "two lines");
    }
}
