//! Everything about one actor: names, kind, the chain of what it belongs to,
//! relations in and out, events, claims made (or relayed) and claims about it.

use crate::Result;
use crate::model::FactualityFilter;
use crate::store::query::{
    self as q, ActorRef, ActorRow, ClaimFilter, ClaimRow, EventFilter, EventRow, RelationRow,
};
use rusqlite::Connection;
use serde::Serialize;

/// The answer of `actor NAME`.
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub actor: ActorRow,
    pub aliases: Vec<String>,
    /// What it belongs to, nearest first (a minister → government → country).
    pub part_of: Vec<ActorRef>,
    /// Actors that belong to it.
    pub parts: Vec<ActorRef>,
    /// Relations where it is the source.
    pub relations_out: Vec<RelationRow>,
    /// Relations where it is the target.
    pub relations_in: Vec<RelationRow>,
    /// Events it took part in, in time order.
    pub events: Vec<EventRow>,
    /// Claims it made or relayed.
    pub claims_made: Vec<ClaimRow>,
    /// Claims about it.
    pub claims_about: Vec<ClaimRow>,
}

/// The profile of the actor a name denotes (see [`super::resolve_actor`]),
/// with the relations and events of the factualities `shown` (claims are
/// all listed: the saying happened, whatever its content).
pub fn profile(conn: &Connection, name: &str, shown: FactualityFilter) -> Result<Profile> {
    let actor = super::resolve_actor(conn, name)?;
    let mut part_of = Vec::new();
    let mut next = actor.part_of;
    while let Some(p) = next {
        // A cycle in part_of would otherwise loop for ever.
        if p == actor.id || part_of.iter().any(|a: &ActorRef| a.id == p) {
            break;
        }
        let Some(row) = q::actor(conn, p)? else { break };
        next = row.part_of;
        part_of.push(ActorRef {
            id: row.id,
            name: row.name,
            kind: row.kind,
        });
    }
    let mut rels = q::relations(conn, Some(actor.id), None)?;
    rels.retain(|r| shown.admits(r.factuality));
    let (relations_out, relations_in): (Vec<_>, Vec<_>) =
        rels.into_iter().partition(|r| r.source.id == actor.id);
    let events = q::events(
        conn,
        &EventFilter {
            actors: vec![actor.id],
            factuality: Some(shown),
            ..Default::default()
        },
    )?;
    let (made, about) = q::claim_ids_of_actor(conn, actor.id)?;
    let claims_made = q::claims(
        conn,
        &ClaimFilter {
            ids: Some(made),
            ..Default::default()
        },
    )?;
    let claims_about = q::claims(
        conn,
        &ClaimFilter {
            ids: Some(about),
            ..Default::default()
        },
    )?;
    Ok(Profile {
        aliases: q::actor_aliases(conn, actor.id)?,
        parts: q::actor_parts(conn, actor.id)?,
        actor,
        part_of,
        relations_out,
        relations_in,
        events,
        claims_made,
        claims_about,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

    #[test]
    fn profile_gathers_everything() {
        let db = fx::empty();
        let us = fx::actor(&db, "United States", "country", None, &["U.S."]);
        let wh = fx::actor(&db, "White House", "government", Some(us), &[]);
        let biden = fx::actor(&db, "Joe Biden", "person", Some(wh), &["Biden"]);
        let putin = fx::actor(&db, "Vladimir Putin", "person", None, &["Putin"]);
        let d = fx::document(&db, "d", "CNN", "2021-12-04");
        fx::event(&db, d, "call", "call", Some("2021-12-07"), &[biden, putin]);
        fx::relation(&db, d, biden, "threatens", putin);
        fx::claim(
            &db,
            d,
            C {
                claimant: biden,
                statement: "sanctions will follow",
                about: &[putin],
                ..Default::default()
            },
        );
        let p = profile(&db, "biden", FactualityFilter::ASSERTED).unwrap();
        assert_eq!(p.actor.name, "Joe Biden");
        assert_eq!(
            p.part_of
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>(),
            vec!["White House", "United States"]
        );
        assert_eq!(p.relations_out.len(), 1);
        assert_eq!(p.events.len(), 1);
        assert_eq!(p.claims_made.len(), 1);
        let p = profile(&db, "Putin", FactualityFilter::ASSERTED).unwrap();
        assert_eq!(p.relations_in.len(), 1);
        assert_eq!(p.claims_about.len(), 1);
        assert_eq!(
            profile(&db, "United States", FactualityFilter::ALL)
                .unwrap()
                .parts[0]
                .name,
            "White House"
        );
    }
}
