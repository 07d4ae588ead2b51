//! Every actor with how much the store says of it, for `chronograph actors`:
//! an analyst's index of who appears, how often, and in what role, before
//! asking about one of them.

use super::names::normalize_name;
use crate::error::Result;
use crate::model::FactualityFilter;
use rusqlite::Connection;
use rusqlite::types::Value;
use serde::Serialize;

/// One actor and its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorSummary {
    pub id: i64,
    pub name: String,
    pub kind: String,
    /// The actor it belongs to (a ministry's government), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Documents that mention it.
    pub documents: i64,
    /// Claims it made (as the original claimant).
    pub claims: i64,
    /// Claims it relayed (a link of their reporting chain).
    pub relayed: i64,
    /// Events it took part in, of the factualities asked for.
    pub events: i64,
    /// Relations at either end, of the factualities asked for.
    pub relations: i64,
    /// Names it is known by besides its canonical one.
    pub aliases: i64,
}

/// The order of an actor listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActorOrder {
    /// Most documents first (then claims, then name).
    #[default]
    Documents,
    /// Most claims made first.
    Claims,
    /// Most events first.
    Events,
    /// Most relations first.
    Relations,
    /// By name.
    Name,
}

/// Which actors to list.
#[derive(Debug, Clone, Default)]
pub struct ActorListing {
    /// Only this kind (`person`, `country`, ...).
    pub kind: Option<String>,
    /// Only actors with a name containing these words (folded like names
    /// are: case and accents ignored).
    pub name: Option<String>,
    /// Only actors mentioned in at least this many documents.
    pub min_documents: i64,
    /// Events and relations counted.
    pub factuality: FactualityFilter,
    pub order: ActorOrder,
    /// At most this many (all when `None`).
    pub limit: Option<usize>,
}

/// The actors that `filter` selects, with their counts, in its order.
pub fn actor_summaries(conn: &Connection, filter: &ActorListing) -> Result<Vec<ActorSummary>> {
    let facts: Vec<&str> = filter.factuality.values().map(|f| f.as_str()).collect();
    // The factualities are bound as parameters, one each, after the
    // three fixed ones.
    let marks: Vec<String> = (0..facts.len()).map(|i| format!("?{}", i + 4)).collect();
    let marks = if marks.is_empty() {
        "NULL".to_owned()
    } else {
        marks.join(", ")
    };
    let order = match filter.order {
        ActorOrder::Documents => "documents DESC, claims DESC, a.norm, a.id",
        ActorOrder::Claims => "claims DESC, documents DESC, a.norm, a.id",
        ActorOrder::Events => "events DESC, documents DESC, a.norm, a.id",
        ActorOrder::Relations => "relations DESC, documents DESC, a.norm, a.id",
        ActorOrder::Name => "a.norm, a.id",
    };
    let sql = format!(
        "WITH d AS (SELECT actor_id AS id, count(DISTINCT document_id) AS n FROM actor_links GROUP BY actor_id),
              c AS (SELECT claimant_id AS id, count(*) AS n FROM claims GROUP BY claimant_id),
              v AS (SELECT actor_id AS id, count(DISTINCT claim_id) AS n FROM claim_via GROUP BY actor_id),
              e AS (SELECT p.actor_id AS id, count(DISTINCT p.event_id) AS n
                    FROM event_participants p JOIN events ev ON ev.id = p.event_id
                    WHERE ev.factuality IN ({marks}) GROUP BY p.actor_id),
              r AS (SELECT id, count(*) AS n FROM (
                        SELECT source_id AS id FROM relations WHERE factuality IN ({marks})
                        UNION ALL
                        SELECT target_id FROM relations WHERE factuality IN ({marks})
                        AND target_id <> source_id)
                    GROUP BY id),
              n AS (SELECT actor_id AS id, count(*) AS n FROM actor_names GROUP BY actor_id)
         SELECT a.id, a.name, a.kind, p.name,
                coalesce(d.n, 0) AS documents, coalesce(c.n, 0) AS claims, coalesce(v.n, 0),
                coalesce(e.n, 0) AS events, coalesce(r.n, 0) AS relations, coalesce(n.n, 1)
         FROM actors a
         LEFT JOIN actors p ON p.id = a.part_of
         LEFT JOIN d ON d.id = a.id LEFT JOIN c ON c.id = a.id LEFT JOIN v ON v.id = a.id
         LEFT JOIN e ON e.id = a.id LEFT JOIN r ON r.id = a.id LEFT JOIN n ON n.id = a.id
         WHERE (?1 IS NULL OR a.kind = ?1)
           AND (?2 IS NULL OR instr(a.norm, ?2) > 0
                OR EXISTS (SELECT 1 FROM actor_names x WHERE x.actor_id = a.id AND instr(x.norm, ?2) > 0))
           AND coalesce(d.n, 0) >= ?3
         ORDER BY {order}"
    );
    let mut params: Vec<Value> = vec![
        filter.kind.clone().map_or(Value::Null, Value::Text),
        filter
            .name
            .as_deref()
            .map(normalize_name)
            .filter(|n| !n.is_empty())
            .map_or(Value::Null, Value::Text),
        Value::Integer(filter.min_documents),
    ];
    params.extend(facts.iter().map(|f| Value::Text((*f).to_owned())));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
        Ok(ActorSummary {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
            part_of: r.get(3)?,
            documents: r.get(4)?,
            claims: r.get(5)?,
            relayed: r.get(6)?,
            events: r.get(7)?,
            relations: r.get(8)?,
            aliases: (r.get::<_, i64>(9)? - 1).max(0),
        })
    })?;
    let mut out = Vec::new();
    for row in rows {
        if filter.limit.is_some_and(|l| out.len() >= l) {
            break;
        }
        out.push(row?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

    fn store() -> (Connection, i64, i64, i64) {
        let db = fx::empty();
        let land = fx::actor(&db, "Veldonia", "country", None, &[]);
        let ministry = fx::actor(
            &db,
            "Veldonian Interior Ministry",
            "government",
            Some(land),
            &["the interior ministry"],
        );
        let wire = fx::actor(&db, "Harbor Wire", "media", None, &[]);
        for (i, day) in ["2024-03-01", "2024-03-02"].iter().enumerate() {
            let doc = fx::document(&db, &format!("d{i}"), "Daily Ledger", day);
            db.execute_batch(
                "INSERT OR IGNORE INTO local_actors (name, kind, aliases, part_of, matched_norm)
                 VALUES ('Veldonia', 'country', '[]', '', '')",
            )
            .unwrap();
            db.execute(
                "INSERT INTO actor_links (document_id, local_id, actor_id, local_actor)
                 VALUES (?1, 'a1', ?2, (SELECT id FROM local_actors WHERE name = 'Veldonia'))",
                [doc, land],
            )
            .unwrap();
            fx::claim(
                &db,
                doc,
                C {
                    claimant: ministry,
                    via: &[wire],
                    statement: &format!("the port stays closed {i}"),
                    ..Default::default()
                },
            );
        }
        (db, land, ministry, wire)
    }

    #[test]
    fn counts_roles_and_filters() {
        let (db, land, ministry, wire) = store();
        let all = actor_summaries(&db, &ActorListing::default()).unwrap();
        let by_id = |id| all.iter().find(|a| a.id == id).unwrap();
        assert_eq!(all[0].id, land, "most documents first");
        assert_eq!(by_id(land).documents, 2);
        assert_eq!((by_id(ministry).claims, by_id(ministry).relayed), (2, 0));
        assert_eq!(by_id(ministry).part_of.as_deref(), Some("Veldonia"));
        assert_eq!(by_id(ministry).aliases, 1);
        assert_eq!((by_id(wire).claims, by_id(wire).relayed), (0, 2));
        let named = |name: &str| {
            actor_summaries(
                &db,
                &ActorListing {
                    name: Some(name.into()),
                    ..Default::default()
                },
            )
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>()
        };
        assert_eq!(named("VELDONIAN"), vec![ministry]);
        assert_eq!(named("Interior ministry"), vec![ministry], "an alias");
        assert!(named("nobody at all").is_empty());
        let countries = actor_summaries(
            &db,
            &ActorListing {
                kind: Some("country".into()),
                order: ActorOrder::Claims,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(countries.len(), 1);
        let top = actor_summaries(
            &db,
            &ActorListing {
                order: ActorOrder::Claims,
                limit: Some(1),
                min_documents: 0,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(top.iter().map(|a| a.id).collect::<Vec<_>>(), vec![ministry]);
        let mentioned = actor_summaries(
            &db,
            &ActorListing {
                min_documents: 1,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            mentioned.iter().map(|a| a.id).collect::<Vec<_>>(),
            vec![land]
        );
    }
}
