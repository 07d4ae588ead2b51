//! A small store written with plain SQL, for the query tests of this
//! crate (the real ingest lives with the core).

use rusqlite::{Connection, params};

/// An in-memory database with the schema applied and nothing in it.
pub fn empty() -> Connection {
    let conn = Connection::open_in_memory().expect("memory db");
    for (_, sql) in crate::store::MIGRATIONS {
        conn.execute_batch(sql).expect("schema");
    }
    conn
}

/// Inserts an actor and its names; returns its id.
pub fn actor(
    conn: &Connection,
    name: &str,
    kind: &str,
    part_of: Option<i64>,
    aliases: &[&str],
) -> i64 {
    conn.execute(
        "INSERT INTO actors (name, norm, kind, part_of) VALUES (?1, lower(?1), ?2, ?3)",
        params![name, kind, part_of],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    for n in std::iter::once(&name).chain(aliases) {
        conn.execute(
            "INSERT INTO actor_names (actor_id, norm, name, canonical, mergeable)
             VALUES (?1, lower(?2), ?2, 1, 1)",
            params![id, n],
        )
        .unwrap();
    }
    id
}

/// Inserts a document; returns its id.
pub fn document(conn: &Connection, key: &str, publisher: &str, published: &str) -> i64 {
    conn.execute(
        "INSERT INTO documents (key, title, publisher, published, recorded_at, bundle_hash)
         VALUES (?1, ?1, ?2, ?3, '2026-01-01T00:00:00Z', ?1)",
        params![key, publisher, published],
    )
    .unwrap();
    conn.last_insert_rowid()
}

/// Inserts an event with a TimeML value and participants; returns its id.
pub fn event(
    conn: &Connection,
    doc: i64,
    kind: &str,
    label: &str,
    value: Option<&str>,
    who: &[i64],
) -> i64 {
    let t = value.map(crate::model::TimeValue::from_value);
    conn.execute(
        "INSERT INTO events (document_id, local_id, kind, label, t_value, t_start, t_end, t_granularity,
                             status, ev_start, ev_end, ev_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'occurred', 0, 10, ?4)",
        params![
            doc,
            format!("e{label}"),
            kind,
            label,
            value,
            t.as_ref().and_then(|t| t.start).map(|d| d.to_string()),
            t.as_ref().and_then(|t| t.end).map(|d| d.to_string()),
            t.as_ref().and_then(|t| t.granularity).map(|g| g.as_str())
        ],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO events_fts (rowid, label, place, ev_text) VALUES (?1, ?2, NULL, ?2)",
        params![id, label],
    )
    .unwrap();
    for &a in who {
        conn.execute(
            "INSERT INTO event_participants VALUES (?1, ?2, 'participant')",
            params![id, a],
        )
        .unwrap();
    }
    id
}

/// What a fixture claim says.
#[derive(Default)]
pub struct C<'a> {
    pub claimant: i64,
    pub via: &'a [i64],
    pub subject: Option<&'a str>,
    pub statement: &'a str,
    pub value: Option<f64>,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
    pub unit: Option<&'a str>,
    pub polarity: &'a str,
    pub valid: Option<&'a str>,
    pub stated: Option<&'a str>,
    pub about: &'a [i64],
}

/// Inserts a claim; returns its id.
pub fn claim(conn: &Connection, doc: i64, c: C) -> i64 {
    let valid = c.valid.map(crate::model::TimeValue::from_value);
    let stated = c.stated.map(crate::model::TimeValue::from_value);
    let n: i64 = conn
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "INSERT INTO claims (document_id, local_id, claimant_id, subject, statement, q_value, q_lower, q_upper,
                             q_unit, polarity, modality, stated_value, stated_start, stated_end,
                             valid_value, valid_start, valid_end, ev_start, ev_end, ev_text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'assertion', ?11, ?12, ?13, ?14, ?15, ?16, 0, 5, ?5)",
        params![
            doc,
            format!("c{n}"),
            c.claimant,
            c.subject,
            c.statement,
            c.value,
            c.lower,
            c.upper,
            c.unit,
            if c.polarity.is_empty() { "affirm" } else { c.polarity },
            c.stated,
            stated.as_ref().and_then(|t| t.start).map(|d| d.to_string()),
            stated.as_ref().and_then(|t| t.end).map(|d| d.to_string()),
            c.valid,
            valid.as_ref().and_then(|t| t.start).map(|d| d.to_string()),
            valid.as_ref().and_then(|t| t.end).map(|d| d.to_string()),
        ],
    )
    .unwrap();
    let id = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO claims_fts (rowid, statement, subject, ev_text) VALUES (?1, ?2, ?3, ?2)",
        params![id, c.statement, c.subject.unwrap_or("")],
    )
    .unwrap();
    for (i, &v) in c.via.iter().enumerate() {
        conn.execute(
            "INSERT INTO claim_via VALUES (?1, ?2, ?3)",
            params![id, i as i64, v],
        )
        .unwrap();
    }
    for &a in c.about {
        conn.execute(
            "INSERT INTO claim_about (claim_id, actor_id) VALUES (?1, ?2)",
            params![id, a],
        )
        .unwrap();
    }
    id
}

/// Inserts a relation; returns its id.
pub fn relation(conn: &Connection, doc: i64, source: i64, kind: &str, target: i64) -> i64 {
    conn.execute(
        "INSERT INTO relations (document_id, source_id, kind, target_id, ev_start, ev_end, ev_text)
         VALUES (?1, ?2, ?3, ?4, 0, 1, 'relation evidence')",
        params![doc, source, kind, target],
    )
    .unwrap();
    conn.last_insert_rowid()
}
