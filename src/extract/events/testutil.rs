//! Test helpers shared by the events submodules: what a text yields, by
//! name and kind.

use crate::extract::extract_text;

/// The asserted relations of a text: what a view shows as fact.
pub(super) fn relations(text: &str) -> Vec<(String, String, String)> {
    all_relations(text)
        .into_iter()
        .filter(|r| r.3.is_asserted())
        .map(|r| (r.0, r.1, r.2))
        .collect()
}

/// Every relation of a text with its factuality.
pub(super) fn all_relations(text: &str) -> Vec<(String, String, String, crate::model::Factuality)> {
    let b = extract_text(text, (2021, 12, 4));
    let name = |id: &str| b.actors.iter().find(|a| a.id == id).unwrap().name.clone();
    b.relations
        .iter()
        .map(|r| {
            (
                name(&r.source),
                r.kind.clone(),
                name(&r.target),
                r.factuality,
            )
        })
        .collect()
}

pub(super) fn events(text: &str) -> Vec<(String, crate::model::EventStatus)> {
    extract_text(text, (2022, 2, 10))
        .events
        .into_iter()
        .map(|e| (e.kind, e.status))
        .collect()
}

/// (kind, label, status, [(actor name, role)]) of a trigger event.
pub(super) type Trig = (String, String, String, Vec<(String, String)>);

/// Every trigger event of `text`.
pub(super) fn trig(text: &str) -> Vec<Trig> {
    let b = extract_text(text, (2024, 3, 8));
    let name = |id: &str| b.actors.iter().find(|a| a.id == id).unwrap().name.clone();
    b.events
        .iter()
        .filter(|e| {
            e.evidence
                .rule
                .as_deref()
                .is_some_and(|r| r.starts_with("event_trigger"))
        })
        .map(|e| {
            (
                e.kind.clone(),
                e.label.clone(),
                e.status.as_str().to_owned(),
                e.participants
                    .iter()
                    .map(|p| (name(&p.actor), p.role.clone()))
                    .collect(),
            )
        })
        .collect()
}
