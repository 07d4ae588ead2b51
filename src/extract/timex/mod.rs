//! The temporal tagger: finds dates, times, durations and sets in running
//! news text and resolves them against the document creation time (DCT).
//!
//! One pass over the tokens: at each token that the lexicons know (a month,
//! a unit, a number, "last", "now" ...) every rule that can start there is
//! tried and the longest match wins; the scan then resumes after it, so
//! expressions never overlap. Rules resolve their value at once: against
//! the DCT with the clause's tense cues (news mode), or against the last
//! date mentioned ("a year earlier", "the following day").

mod lexicon;
mod rules;
mod token;
mod value;

use crate::model::{Modifier, Timex, TimexType};
use chrono::NaiveDate;

/// Every temporal expression in `text`, in text order, resolved against the
/// document creation time `dct`.
pub fn tag(text: &str, dct: NaiveDate) -> Vec<Timex> {
    rules::Tagger::new(text, dct).run()
}

/// Calendar bounds for a TIMEX3 value with a modifier: the value's bounds,
/// narrowed to the first, middle or last third for START/MID/END.
pub fn bounds_with_modifier(
    value: &str,
    modifier: Option<Modifier>,
) -> Option<(NaiveDate, NaiveDate)> {
    let (b, u, _) = calendar_bounds(value)?;
    Some(match modifier {
        Some(m @ (Modifier::Start | Modifier::Mid | Modifier::End)) => value::part_bounds(b, u, m),
        _ => (b, u),
    })
}

/// Calendar bounds and granularity of a TIMEX3 value (none for durations
/// and fuzzy references), as the model derives them.
fn calendar_bounds(value: &str) -> Option<(NaiveDate, NaiveDate, crate::model::Granularity)> {
    let t = crate::model::TimeValue::from_value(value);
    Some((t.start?, t.end?, t.granularity?))
}

/// Builds the model's timex for a span and value.
fn make(
    text: &str,
    s: usize,
    e: usize,
    kind: TimexType,
    val: String,
    m: Option<Modifier>,
    rule: &str,
) -> Timex {
    let mut t = Timex {
        start: s,
        end: e,
        text: text[s..e].to_owned(),
        kind,
        value: val,
        modifier: m,
        rule: Some(rule.to_owned()),
        ..Default::default()
    };
    if let Some((_, _, g)) = calendar_bounds(&t.value) {
        let (b, u) = bounds_with_modifier(&t.value, m).expect("bounds exist");
        t.begin = Some(b);
        t.until = Some(u);
        t.granularity = Some(g);
    } else if t.value.starts_with('P') || t.value.ends_with("_REF") || kind == TimexType::Set {
        t.granularity = Some(crate::model::Granularity::None);
    }
    t
}

#[cfg(test)]
mod tests;
