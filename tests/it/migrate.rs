//! Integration tests: a database written before a schema change, upgraded in
//! place, answers as one written after it.

use crate::common::{fixture, ok, root, run_db};
use rusqlite::Connection;
use std::path::Path;

/// The migrations of schema version 5, as released before `local_actors`.
const UP_TO_5: &[&str] = &[
    include_str!("../../schema/0001_init.sql"),
    include_str!("../../schema/0002_merge_blocks.sql"),
    include_str!("../../schema/0003_claim_about_covering.sql"),
    include_str!("../../schema/0004_factuality.sql"),
    include_str!("../../schema/0005_fts_datasette.sql"),
];

/// Tables whose columns version 6 left as they were.
const SAME_TABLES: &[&str] = &[
    "documents",
    "actors",
    "actor_names",
    "actor_merge_blocks",
    "events",
    "event_participants",
    "claims",
    "claim_via",
    "claim_about",
    "relations",
    "timexes",
];

/// Writes at `old` a version 5 database holding what `new` holds, the
/// way version 5 stored it: every local actor whole in its link.
fn as_version_5(new: &Path, old: &Path) {
    let c = Connection::open(old).unwrap();
    // Tables are copied whole, one after the other, parents not first.
    c.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    for sql in UP_TO_5 {
        c.execute_batch(sql).unwrap();
    }
    c.execute_batch("PRAGMA user_version = 5").unwrap();
    c.execute("ATTACH DATABASE ?1 AS n", [new.to_str().unwrap()])
        .unwrap();
    for t in SAME_TABLES {
        // Table names come from the list above.
        c.execute_batch(&format!("INSERT INTO main.{t} SELECT * FROM n.{t}"))
            .unwrap();
    }
    c.execute_batch(
        "INSERT INTO main.actor_links (document_id, local_id, actor_id, local_name, local_kind,
             local_aliases, local_part_of, matched_norm)
         SELECT document_id, local_id, actor_id, local_name, local_kind, local_aliases,
             local_part_of, matched_norm FROM n.v_actor_links;
         INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
         INSERT INTO events_fts (events_fts) VALUES ('rebuild');
         DETACH DATABASE n;",
    )
    .unwrap();
}

/// Rows of a query, as text, in the order given.
fn rows(db: &Path, sql: &str) -> Vec<String> {
    let c = Connection::open(db).unwrap();
    let mut st = c.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| {
        let mut cells = Vec::with_capacity(n);
        for i in 0..n {
            let v: rusqlite::types::Value = r.get(i)?;
            cells.push(format!("{v:?}"));
        }
        Ok(cells.join("|"))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// What the commands that read actors and their links answer.
fn answers(db: &Path) -> Vec<String> {
    let mut out: Vec<String> = [
        &["actor", "Sokolova", "--format", "json"][..],
        &["actor", "United States", "--format", "json"],
        &["claims", "--format", "json"],
        &["sources", "1", "--format", "json"],
        &["timeline", "--claims", "--format", "json"],
        &["relations", "--format", "json"],
        &["export", "--graph", "json"],
    ]
    .iter()
    .map(|args| ok(run_db(db, args)))
    .collect();
    for sql in [
        "SELECT * FROM v_actor_links ORDER BY document_id, local_id",
        "SELECT * FROM v_actor_merges ORDER BY document, local_id",
        "SELECT * FROM v_actors ORDER BY id",
        "SELECT * FROM actor_names ORDER BY actor_id, norm",
    ] {
        out.extend(rows(db, sql));
    }
    out
}

#[test]
fn a_version_5_database_is_upgraded_in_place_with_the_same_answers() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.db");
    let old = dir.path().join("old.db");
    let port_a = fixture("core/port-a.json");
    let files = [
        port_a.clone(),
        fixture("core/port-b.json"),
        root().join("examples"),
    ];
    let mut args = vec!["ingest".to_owned()];
    args.extend(files.iter().map(|f| f.to_str().unwrap().to_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(run_db(&new, &args));
    as_version_5(&new, &old);
    // Links that merged and links that created an actor, aliases included.
    let merged = rows(
        &old,
        "SELECT count(*) FROM actor_links WHERE matched_norm IS NOT NULL",
    );
    assert_ne!(merged, ["Integer(0)"]);

    // Any write opens the store and migrates it; an unchanged document
    // writes nothing else.
    let out = ok(run_db(&old, &["ingest", port_a.to_str().unwrap()]));
    assert!(out.contains("1 unchanged"), "{out}");
    assert_eq!(
        rows(&old, "PRAGMA user_version"),
        [format!("Integer({})", chronograph::store::SCHEMA_VERSION)]
    );
    // The same tables, indexes and views as a file created new.
    let schema = |db: &Path| {
        rows(
            db,
            "SELECT type, name FROM sqlite_master ORDER BY type, name",
        )
    };
    assert_eq!(schema(&old), schema(&new));
    assert_eq!(answers(&old), answers(&new));
    // The descriptions are shared, not copied per link.
    let count = |db: &Path| rows(db, "SELECT count(*) FROM local_actors");
    assert_eq!(count(&old), count(&new));

    // Undoing a merge works the same on the upgraded file.
    for db in [&old, &new] {
        ok(run_db(db, &["unmerge", "SOKOLOVA", "--format", "json"]));
    }
    assert_eq!(answers(&old), answers(&new));
    // The split-off links record that they created their actor.
    let split = rows(
        &new,
        "SELECT count(*) FROM v_actor_links l JOIN actors a ON a.id = l.actor_id
         WHERE a.name = 'Elena Sokolova' AND l.matched_norm IS NULL",
    );
    assert_ne!(split, ["Integer(0)"]);
}
