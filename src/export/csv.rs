//! CSV (RFC 4180): a header row, comma separators, CRLF line ends, fields
//! quoted when they hold a comma, a quote or a line break.

use super::Rows;
use std::io::{self, Write};

/// One field, quoted when needed, inner quotes doubled.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Writes the header and every row.
pub fn write(rows: &Rows, out: &mut dyn Write) -> io::Result<()> {
    for r in std::iter::once(&rows.header).chain(&rows.rows) {
        let line: Vec<String> = r.iter().map(|c| field(c)).collect();
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
}
