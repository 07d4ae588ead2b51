//! Readers, one per input format: the interchange JSON (one bundle per file or
//! JSON Lines of bundles) and plain articles.
//!
//! Every reader turns its input into [`Bundle`]s and checks them with
//! [`validate`] before anything reaches the store, so that a bad file is
//! refused whole and the database stays exactly as it was.

pub mod article;
pub mod json;
pub mod locate;
pub mod synth;

use crate::error::{Error, Result};
use crate::model::{Bundle, Evidence, TimeValue};
use std::collections::HashSet;
use std::path::Path;

/// Where a bundle came from: the file and, for JSON Lines, the line. Errors
/// found after parsing point here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file (`-` for standard input).
    pub path: std::path::PathBuf,
    /// 1-based line where the bundle starts.
    pub line: usize,
}

/// A bundle and where it came from.
#[derive(Debug, Clone)]
pub struct SourcedBundle {
    pub bundle: Bundle,
    pub source: Source,
}

/// Checks what serde cannot: unique local ids, every actor or event id a fact
/// names exists in the bundle, time values and dates are possible, evidence
/// spans run forward, quantity bounds are ordered.
///
/// `text` is the raw JSON the bundle was read from, when there is one; it is
/// used only to point the error at a line and column.
pub fn validate(bundle: &Bundle, source: &Source, text: Option<&str>) -> Result<()> {
    let fail = |field: String, message: String| -> Error {
        match text.and_then(|t| locate::locate(t, &field)) {
            Some((line, column)) => Error::InvalidAt {
                path: source.path.clone(),
                line: source.line + line - 1,
                column,
                field,
                message,
            },
            None => Error::Invalid {
                path: source.path.clone(),
                line: Some(source.line),
                field,
                message,
            },
        }
    };

    let mut actors = HashSet::new();
    for (i, a) in bundle.actors.iter().enumerate() {
        if a.id.is_empty() {
            return Err(fail(format!("actors[{i}].id"), "actor id is empty".into()));
        }
        if !actors.insert(a.id.as_str()) {
            return Err(fail(
                format!("actors[{i}].id"),
                format!("duplicate actor id `{}`", a.id),
            ));
        }
        if a.id.starts_with('@') {
            return Err(fail(
                format!("actors[{i}].id"),
                "actor ids starting with `@` are reserved".into(),
            ));
        }
        if a.name.trim().is_empty() {
            return Err(fail(
                format!("actors[{i}].name"),
                "actor name is empty".into(),
            ));
        }
        for (j, m) in a.mentions.iter().enumerate() {
            check_evidence(m).map_err(|e| fail(format!("actors[{i}].mentions[{j}]"), e))?;
        }
    }
    // The field path is formatted only on failure: this runs for every
    // actor reference of every claim of a bulk ingest.
    let actor = |field: &dyn Fn() -> String, id: &str| -> Result<()> {
        if actors.contains(id) {
            Ok(())
        } else {
            Err(fail(
                field(),
                format!("unknown actor id `{id}` (not in `actors`)"),
            ))
        }
    };
    for (i, a) in bundle.actors.iter().enumerate() {
        if let Some(p) = &a.part_of {
            actor(&|| format!("actors[{i}].part_of"), p)?;
            if p == &a.id {
                return Err(fail(
                    format!("actors[{i}].part_of"),
                    "an actor cannot be part of itself".into(),
                ));
            }
        }
    }

    let mut events = HashSet::new();
    for (i, e) in bundle.events.iter().enumerate() {
        if e.id.is_empty() {
            return Err(fail(format!("events[{i}].id"), "event id is empty".into()));
        }
        if !events.insert(e.id.as_str()) {
            return Err(fail(
                format!("events[{i}].id"),
                format!("duplicate event id `{}`", e.id),
            ));
        }
        check_time(e.time.as_ref()).map_err(|m| fail(format!("events[{i}].time"), m))?;
        for (j, p) in e.participants.iter().enumerate() {
            actor(&|| format!("events[{i}].participants[{j}].actor"), &p.actor)?;
        }
        check_evidence(&e.evidence).map_err(|m| fail(format!("events[{i}].evidence"), m))?;
    }

    let mut claims = HashSet::new();
    for (i, c) in bundle.claims.iter().enumerate() {
        if c.id.is_empty() {
            return Err(fail(format!("claims[{i}].id"), "claim id is empty".into()));
        }
        if !claims.insert(c.id.as_str()) {
            return Err(fail(
                format!("claims[{i}].id"),
                format!("duplicate claim id `{}`", c.id),
            ));
        }
        actor(&|| format!("claims[{i}].claimant"), &c.claimant)?;
        for (j, v) in c.via.iter().enumerate() {
            actor(&|| format!("claims[{i}].via[{j}]"), v)?;
        }
        for (j, a) in c.about.iter().enumerate() {
            if !actors.contains(a.as_str()) && !events.contains(a.as_str()) {
                return Err(fail(
                    format!("claims[{i}].about[{j}]"),
                    format!("unknown id `{a}` (neither an actor nor an event of this bundle)"),
                ));
            }
            if actors.contains(a.as_str()) && events.contains(a.as_str()) {
                return Err(fail(
                    format!("claims[{i}].about[{j}]"),
                    format!("ambiguous id `{a}`: both an actor and an event"),
                ));
            }
        }
        check_time(c.stated.as_ref()).map_err(|m| fail(format!("claims[{i}].stated"), m))?;
        check_time(c.valid.as_ref()).map_err(|m| fail(format!("claims[{i}].valid"), m))?;
        if let Some(q) = &c.quantity
            && let (Some(lo), Some(hi)) = (q.lower, q.upper)
            && lo > hi
        {
            return Err(fail(
                format!("claims[{i}].quantity"),
                format!("lower bound {lo} is above upper bound {hi}"),
            ));
        }
        check_evidence(&c.evidence).map_err(|m| fail(format!("claims[{i}].evidence"), m))?;
    }

    for (i, r) in bundle.relations.iter().enumerate() {
        actor(&|| format!("relations[{i}].source"), &r.source)?;
        actor(&|| format!("relations[{i}].target"), &r.target)?;
        if r.kind.trim().is_empty() {
            return Err(fail(
                format!("relations[{i}].kind"),
                "relation kind is empty".into(),
            ));
        }
        check_time(r.time.as_ref()).map_err(|m| fail(format!("relations[{i}].time"), m))?;
        check_evidence(&r.evidence).map_err(|m| fail(format!("relations[{i}].evidence"), m))?;
    }

    for (i, t) in bundle.timexes.iter().enumerate() {
        if t.start > t.end {
            return Err(fail(
                format!("timexes[{i}]"),
                format!("start {} is after end {}", t.start, t.end),
            ));
        }
        if let Some(m) = crate::model::impossible_calendar_date(&t.value) {
            return Err(fail(format!("timexes[{i}].value"), m));
        }
        if let (Some(b), Some(u)) = (t.begin, t.until)
            && b > u
        {
            return Err(fail(
                format!("timexes[{i}]"),
                format!("begin {b} is after until {u}"),
            ));
        }
    }
    Ok(())
}

fn check_evidence(e: &Evidence) -> std::result::Result<(), String> {
    if e.start > e.end {
        return Err(format!("start {} is after end {}", e.start, e.end));
    }
    Ok(())
}

fn check_time(t: Option<&TimeValue>) -> std::result::Result<(), String> {
    let Some(t) = t else { return Ok(()) };
    if !TimeValue::is_valid_value(&t.value) {
        return Err(format!(
            "`{}` is not a possible TimeML value (an impossible date?)",
            t.value
        ));
    }
    if let (Some(s), Some(e)) = (t.start, t.end)
        && s > e
    {
        return Err(format!("start {s} is after end {e}"));
    }
    Ok(())
}

/// Reads one input path as interchange JSON (`-` is standard input) and
/// validates every bundle in it.
pub fn read_interchange(path: &Path) -> Result<Vec<SourcedBundle>> {
    let bytes = json::read_bytes(path)?;
    json::parse_bundles(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Claim, Document};

    fn src() -> Source {
        Source {
            path: "t.json".into(),
            line: 1,
        }
    }

    fn bundle() -> Bundle {
        Bundle {
            document: Document {
                id: "d".into(),
                published: "2021-12-04".parse().unwrap(),
                ..Default::default()
            },
            actors: vec![Actor {
                id: "a1".into(),
                name: "Ukraine".into(),
                ..Default::default()
            }],
            claims: vec![Claim {
                id: "c1".into(),
                claimant: "a1".into(),
                statement: "x".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn accepts_a_good_bundle() {
        validate(&bundle(), &src(), None).unwrap();
    }

    #[test]
    fn refuses_unknown_claimant_naming_the_field() {
        let mut b = bundle();
        b.claims[0].via = vec!["a9".into()];
        let e = validate(&b, &src(), None).unwrap_err().to_string();
        assert!(e.contains("claims[0].via[0]") && e.contains("a9"), "{e}");
    }

    #[test]
    fn refuses_impossible_time_values() {
        let mut b = bundle();
        b.claims[0].valid = Some(TimeValue::from_value("2021-02-30"));
        let e = validate(&b, &src(), None).unwrap_err().to_string();
        assert!(
            e.contains("claims[0].valid") && e.contains("2021-02-30"),
            "{e}"
        );
    }

    #[test]
    fn refuses_duplicate_ids() {
        let mut b = bundle();
        b.actors.push(b.actors[0].clone());
        assert!(
            validate(&b, &src(), None)
                .unwrap_err()
                .to_string()
                .contains("duplicate actor id")
        );
    }
}
