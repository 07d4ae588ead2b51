//! The last stage of extraction: every value the rules built is checked
//! against what [`crate::ingest::validate`] accepts, and repaired or dropped
//! where it is not, so that `ingest` never refuses the extractor's own
//! output. The rules should not build such values in the first place (each
//! case found is fixed where it is made, too); this stage makes a rule's
//! slip cost one bound, not the whole article.

use crate::model::{Bundle, Evidence, Quantity, TimeValue, Timex, impossible_calendar_date};

/// Repairs `b` in place; returns how many values were repaired or dropped.
pub(crate) fn repair(b: &mut Bundle) -> usize {
    let mut n = 0;
    for e in &mut b.events {
        n += time(&mut e.time) + evidence(&mut e.evidence);
    }
    for c in &mut b.claims {
        n += time(&mut c.stated) + time(&mut c.valid) + evidence(&mut c.evidence);
        if let Some(q) = &mut c.quantity {
            n += quantity(q);
        }
    }
    for r in &mut b.relations {
        n += time(&mut r.time) + evidence(&mut r.evidence);
    }
    for a in &mut b.actors {
        for m in &mut a.mentions {
            n += evidence(m);
        }
    }
    let before = b.timexes.len();
    b.timexes
        .retain(|t| t.start <= t.end && impossible_calendar_date(&t.value).is_none());
    n += before - b.timexes.len();
    for t in &mut b.timexes {
        n += timex_bounds(t);
    }
    n
}

/// A time value the store cannot hold is dropped; inverted bounds are
/// dropped and the value kept (the value alone still places the fact).
fn time(t: &mut Option<TimeValue>) -> usize {
    let Some(v) = t else { return 0 };
    if !TimeValue::is_valid_value(&v.value) {
        *t = None;
        return 1;
    }
    if let (Some(s), Some(e)) = (v.start, v.end)
        && s > e
    {
        v.start = None;
        v.end = None;
        return 1;
    }
    0
}

fn timex_bounds(t: &mut Timex) -> usize {
    if let (Some(b), Some(u)) = (t.begin, t.until)
        && b > u
    {
        t.begin = None;
        t.until = None;
        return 1;
    }
    0
}

fn quantity(q: &mut Quantity) -> usize {
    if let (Some(lo), Some(hi)) = (q.lower, q.upper)
        && lo > hi
    {
        q.lower = Some(hi);
        q.upper = Some(lo);
        return 1;
    }
    0
}

fn evidence(e: &mut Evidence) -> usize {
    if e.start > e.end {
        std::mem::swap(&mut e.start, &mut e.end);
        return 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Source, validate};
    use crate::model::{Actor, Claim, Document, Event};
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn bundle() -> Bundle {
        Bundle {
            document: Document {
                id: "d".into(),
                published: d("2021-12-04"),
                ..Default::default()
            },
            actors: vec![Actor {
                id: "a1".into(),
                name: "Ukraine".into(),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn accepted(b: &Bundle) -> bool {
        let src = Source {
            path: "t".into(),
            line: 1,
        };
        validate(b, &src, None).is_ok()
    }

    fn inverted() -> TimeValue {
        TimeValue {
            start: Some(d("2021-12-19")),
            end: Some(d("2021-12-05")),
            ..TimeValue::from_value("2021-W48")
        }
    }

    #[test]
    fn inverted_event_bounds_are_dropped_and_the_value_kept() {
        let mut b = bundle();
        b.events.push(Event {
            id: "e1".into(),
            kind: "meeting".into(),
            time: Some(inverted()),
            ..Default::default()
        });
        assert!(!accepted(&b));
        assert_eq!(repair(&mut b), 1);
        assert!(accepted(&b));
        let t = b.events[0].time.as_ref().unwrap();
        assert_eq!((t.value.as_str(), t.start, t.end), ("2021-W48", None, None));
    }

    #[test]
    fn inverted_claim_times_and_impossible_values() {
        let mut b = bundle();
        b.claims.push(Claim {
            id: "c1".into(),
            claimant: "a1".into(),
            statement: "x".into(),
            valid: Some(inverted()),
            stated: Some(TimeValue::from_value("2021-02-30")),
            quantity: Some(Quantity {
                lower: Some(1_200_000.0),
                upper: Some(900_000.0),
                ..Default::default()
            }),
            ..Default::default()
        });
        assert!(!accepted(&b));
        assert_eq!(repair(&mut b), 3);
        assert!(accepted(&b));
        let c = &b.claims[0];
        assert!(c.stated.is_none());
        let q = c.quantity.as_ref().unwrap();
        assert_eq!((q.lower, q.upper), (Some(900_000.0), Some(1_200_000.0)));
    }

    #[test]
    fn inverted_timex_bounds_and_impossible_timex_dates() {
        let mut b = bundle();
        let tx = |value: &str, begin: &str, until: &str| Timex {
            start: 0,
            end: 3,
            text: "now".into(),
            value: value.into(),
            begin: Some(d(begin)),
            until: Some(d(until)),
            ..Default::default()
        };
        b.timexes.push(tx("2021-W48", "2021-12-19", "2021-12-05"));
        b.timexes.push(tx("2021-12", "2021-12-01", "2021-12-31"));
        let mut bad = tx("2021-13", "2021-12-01", "2021-12-31");
        bad.begin = None;
        bad.until = None;
        b.timexes.push(bad);
        assert!(!accepted(&b));
        assert_eq!(repair(&mut b), 2);
        assert!(accepted(&b));
        assert_eq!(b.timexes.len(), 2);
        assert_eq!(b.timexes[0].begin, None);
        assert_eq!(b.timexes[1].begin, Some(d("2021-12-01")));
    }

    #[test]
    fn a_good_bundle_is_left_alone() {
        let mut b = bundle();
        b.claims.push(Claim {
            id: "c1".into(),
            claimant: "a1".into(),
            statement: "x".into(),
            valid: Some(TimeValue::from_value("2021-12")),
            ..Default::default()
        });
        let before = b.clone();
        assert_eq!(repair(&mut b), 0);
        assert_eq!(b, before);
    }
}
