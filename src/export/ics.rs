//! iCalendar (RFC 5545): one all-day VEVENT per dated item.
//!
//! An item spanning several days (a month-precise date is a month) becomes an
//! all-day event over its whole span; the honest date text leads the
//! description. Text values are escaped and long lines folded at 75 octets.

use crate::query::timeline::Item;
use std::io::{self, Write};

/// Escapes a TEXT value: backslash, semicolon, comma, line breaks.
pub fn text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character.
pub fn fold_line(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(ch);
        len += n;
    }
    out.push_str("\r\n");
    out
}

/// Writes the calendar; returns how many undated items were left out.
pub fn write(items: &[Item], out: &mut dyn Write) -> io::Result<usize> {
    let mut s = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//chronograph//timeline//EN",
        "CALSCALE:GREGORIAN",
    ] {
        s.push_str(&fold_line(l));
    }
    let mut skipped = 0;
    for (i, it) in items.iter().enumerate() {
        let Some((start, end)) = crate::query::time::bounds(it.time.as_ref()) else {
            skipped += 1;
            continue;
        };
        let stamp = it
            .reports
            .first()
            .map(|r| r.document.published.replace('-', ""))
            .unwrap_or_default();
        let first = it.reports.first().map(|r| r.id).unwrap_or_default();
        let mut desc = format!(
            "{} ({}). Sources: {} independent: {}.",
            it.when,
            it.status,
            it.sources,
            it.outlets.join(", ")
        );
        for r in &it.reports {
            desc.push_str(&format!(
                "\n{} {}: \"{}\"",
                r.document.published,
                r.chain.as_deref().unwrap_or(&r.outlet),
                r.evidence
            ));
        }
        let lines = [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}-{}-{}@chronograph", it.item, first, i),
            format!("DTSTAMP:{stamp}T000000Z"),
            format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")),
            // DTEND of an all-day event is exclusive.
            format!(
                "DTEND;VALUE=DATE:{}",
                (end + chrono::Days::new(1)).format("%Y%m%d")
            ),
            format!("SUMMARY:{}", text(&it.label)),
            format!("DESCRIPTION:{}", text(&desc)),
            format!("CATEGORIES:{}", text(&it.kind)),
            "END:VEVENT".to_owned(),
        ];
        for l in lines {
            s.push_str(&fold_line(&l));
        }
    }
    s.push_str(&fold_line("END:VCALENDAR"));
    out.write_all(s.as_bytes())?;
    Ok(skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let long = "x".repeat(80);
        let f = fold_line(&long);
        assert!(f.starts_with(&"x".repeat(75)));
        assert!(f.contains("\r\n x"));
        let cyr = "д".repeat(50);
        assert!(fold_line(&cyr).lines().all(|l| l.len() <= 76));
    }
}
