//! TimelineJS 3 JSON (<https://timeline.knightlab.com/docs/json-format.html>).
//!
//! Dates keep their precision: a month-precise item gets a year and a month
//! and no day, so the viewer does not invent one; `display_date` carries the
//! honest text ("end of January 2022"). Text fields are HTML in TimelineJS,
//! so everything from the articles is escaped. Undated items cannot be
//! placed on a time axis and are left out; the count is returned.

use super::xml_escape;
use crate::model::{Granularity, TimeValue};
use crate::query::timeline::Item;
use chrono::Datelike;
use serde_json::{Value, json};
use std::io::{self, Write};

fn date(t: &TimeValue, end: bool) -> Option<Value> {
    let d = if end { t.end? } else { t.start? };
    let g = t.granularity.unwrap_or(Granularity::Day);
    Some(match g {
        Granularity::Year | Granularity::Decade | Granularity::Century => json!({"year": d.year()}),
        Granularity::Month | Granularity::Season | Granularity::Quarter | Granularity::Half => {
            json!({"year": d.year(), "month": d.month()})
        }
        _ => json!({"year": d.year(), "month": d.month(), "day": d.day()}),
    })
}

fn describe(it: &Item) -> String {
    let mut s = String::new();
    if !it.actors.is_empty() {
        let names: Vec<String> = it.actors.iter().map(|a| xml_escape(&a.name)).collect();
        s.push_str(&format!("<p><b>Who:</b> {}</p>", names.join(", ")));
    }
    s.push_str(&format!(
        "<p><b>Sources:</b> {} independent ({})</p><ul>",
        it.sources,
        xml_escape(&it.outlets.join(", "))
    ));
    for r in &it.reports {
        s.push_str(&format!(
            "<li>{} {}: &ldquo;{}&rdquo;</li>",
            xml_escape(&r.document.published),
            xml_escape(r.chain.as_deref().unwrap_or(&r.outlet)),
            xml_escape(&r.evidence)
        ));
    }
    s.push_str("</ul>");
    if it.conflicting {
        s.push_str("<p><b>Disputed:</b> another source gives a conflicting figure or denial.</p>");
    }
    s
}

/// Writes the TimelineJS document; returns how many undated items were left out.
pub fn write(items: &[Item], title: &str, out: &mut dyn Write) -> io::Result<usize> {
    let mut events = Vec::new();
    let mut skipped = 0;
    for (i, it) in items.iter().enumerate() {
        let Some(start) = it.time.as_ref().and_then(|t| date(t, false)) else {
            skipped += 1;
            continue;
        };
        let t = it.time.as_ref().expect("dated");
        let mut ev = json!({
            "unique_id": format!("item-{i}"),
            "start_date": start,
            "display_date": it.when,
            "text": {"headline": xml_escape(&it.label), "text": describe(it)},
            "group": it.kind,
        });
        if t.end.is_some() && t.end != t.start {
            ev["end_date"] = date(t, true).expect("end");
        }
        events.push(ev);
    }
    let doc =
        json!({"title": {"text": {"headline": xml_escape(title), "text": ""}}, "events": events});
    super::json(&doc, out)?;
    Ok(skipped)
}
