//! Integration tests: core (store, ingest, graph, stats, unmerge).

use crate::common::{fixture, ok, run_db, snapshot, stderr};
use chronograph::graph::ClaimGraph;
use chronograph::model::Bundle;
use chronograph::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

fn port_a() -> PathBuf {
    fixture("core/port-a.json")
}
fn port_b() -> PathBuf {
    fixture("core/port-b.json")
}

fn bundle(p: &Path) -> Bundle {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn stats(db: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(run_db(db, &["stats", "--format", "json"]))).unwrap()
}

fn ingest(db: &Path, files: &[&Path]) -> std::process::Output {
    let mut args = vec![
        "ingest".to_owned(),
        "--format".to_owned(),
        "json".to_owned(),
    ];
    args.extend(files.iter().map(|f| f.to_str().unwrap().to_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_db(db, &args)
}

fn statuses(out: std::process::Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(&ok(out)).unwrap();
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["status"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn round_trip_bundle_sqlite_graph() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    assert_eq!(
        statuses(ingest(&db, &[&port_a(), &port_b()])),
        ["added", "added"]
    );
    let (a, b) = (bundle(&port_a()), bundle(&port_b()));

    let s = stats(&db);
    assert_eq!(s["documents"], 2);
    assert_eq!(s["claims"], (a.claims.len() + b.claims.len()) as i64);
    assert_eq!(s["events"], (a.events.len() + b.events.len()) as i64);
    assert_eq!(
        s["relations"],
        (a.relations.len() + b.relations.len()) as i64
    );
    assert_eq!(s["timexes"], (a.timexes.len() + b.timexes.len()) as i64);
    assert_eq!(s["claims_with_quantity"], 3);
    assert_eq!(s["claim_via"], 3);
    // Sokolová/Sokolova, United States/US (through the alias "U.S."), and
    // Harbor Post (publisher of A, quoted in B) merge; the two anonymous
    // "officials" and the generic "the minister" do not.
    assert_eq!(s["merged_actors"], 3);
    assert_eq!(s["actors"], 9);
    assert_eq!(s["actors_by_kind"]["anonymous"], 2);

    // The same facts come back out of SQLite.
    let store = Store::open(&db).unwrap();
    for (doc, bundle) in [("core-a", &a)] {
        for c in &bundle.claims {
            let (statement, claimant, q_value, q_upper, polarity, modality): (
                String,
                String,
                Option<f64>,
                Option<f64>,
                String,
                String,
            ) = store
                .conn()
                .query_row(
                    "SELECT c.statement, a.name, c.q_value, c.q_upper, c.polarity, c.modality FROM claims c
                     JOIN documents d ON d.id = c.document_id JOIN actors a ON a.id = c.claimant_id
                     WHERE d.key = ?1 AND c.local_id = ?2",
                    [doc, c.id.as_str()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
                )
                .unwrap();
            assert_eq!(statement, c.statement);
            let local = bundle.actors.iter().find(|x| x.id == c.claimant).unwrap();
            assert_eq!(claimant, local.name);
            assert_eq!(q_value, c.quantity.as_ref().and_then(|q| q.value));
            assert_eq!(q_upper, c.quantity.as_ref().and_then(|q| q.upper));
            assert_eq!(polarity, c.polarity.as_str());
            assert_eq!(modality, c.modality.as_str());
        }
    }
    let (valid_start, valid_end): (String, String) = store
        .conn()
        .query_row(
            "SELECT valid_start, valid_end FROM claims WHERE local_id = 'c1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (valid_start.as_str(), valid_end.as_str()),
        ("2022-01-01", "2022-01-31")
    );

    // ... and out of the graph.
    let g = ClaimGraph::load(&store).unwrap();
    let counts = g.counts();
    assert_eq!(counts.documents, 2);
    assert_eq!(counts.claims, 6);
    assert_eq!(counts.events, 1);
    assert_eq!(counts.actors, 9);
    let e = |k: &str| counts.edges.get(k).copied().unwrap_or(0);
    assert_eq!(e("claimant_of"), 6);
    assert_eq!(e("published_in"), 7);
    assert_eq!(e("relayed_via"), 3);
    assert_eq!(e("participant"), 2);
    assert_eq!(e("about"), 2);
    assert_eq!(e("relation"), 2);
    assert_eq!(e("part_of"), 3);
    assert_eq!(e("publishes"), 2);

    let c2: i64 = store
        .conn()
        .query_row("SELECT id FROM claims WHERE local_id = 'c2'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let node = g.claim(c2).unwrap();
    let names: Vec<String> = g
        .via_chain(node)
        .into_iter()
        .map(|n| match &g.graph[n] {
            chronograph::graph::Node::Actor { name, .. } => name.to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(names, ["Harbor Post", "Coastal Guard Agency"]);

    // 12 and 20 ships come from one (merged) claimant, and "as many as 30"
    // overlaps both: no contradiction.
    let mut g = g;
    assert_eq!(g.add_contradictions(&store, 0.1).unwrap(), 0);
}

/// `schema/interchange.schema.json` must be what the serde types generate.
/// Regenerate with `UPDATE_SCHEMA=1 cargo test schema_file`.
#[test]
fn interchange_schema_file_is_in_sync() {
    let path = crate::common::root().join("schema/interchange.schema.json");
    let generated = chronograph::ingest::json::interchange_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{} differs from the schema the model types generate; regenerate it with \
         `UPDATE_SCHEMA=1 cargo test schema_file` and commit the result",
        path.display()
    );
    // Only the document is required, as in the reader.
    let v: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(v["required"], serde_json::json!(["document"]));
}

#[test]
fn shared_example_bundle_ingests() {
    let Some(shared) = crate::common::shared() else {
        eprintln!("skipped: ../shared is not there");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let f = shared.join("spec/example-bundle.json");
    assert_eq!(statuses(ingest(&db, &[&f])), ["added"]);
    assert_eq!(stats(&db)["claims"], 3);
    let before = snapshot(&db);
    assert_eq!(statuses(ingest(&db, &[&f])), ["unchanged"]);
    assert_eq!(snapshot(&db), before);
}

#[test]
fn contradictions_in_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let text = std::fs::read_to_string(port_a())
        .unwrap()
        .replace(r#""upper": 30"#, r#""lower": 40"#);
    let f = dir.path().join("more.json");
    std::fs::write(&f, text).unwrap();
    ok(ingest(&db, &[&f]));
    let store = Store::open(&db).unwrap();
    let mut g = ClaimGraph::load(&store).unwrap();
    // 12 ships (Sokolová) against more than 40 (officials), same month.
    assert_eq!(g.add_contradictions(&store, 0.1).unwrap(), 1);
    assert_eq!(g.counts().edges["contradicts"], 1);
}

#[test]
fn reingest_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    ok(ingest(&db, &[&port_a(), &port_b()]));
    let before = snapshot(&db);
    // port-b has no id: its derived id must be stable for this to hold.
    assert_eq!(
        statuses(ingest(&db, &[&port_b(), &port_a()])),
        ["unchanged", "unchanged"]
    );
    assert_eq!(snapshot(&db), before, "database changed on re-ingest");
}

#[test]
fn changed_document_replaces_its_facts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    ok(ingest(&db, &[&port_a(), &port_b()]));
    let text = std::fs::read_to_string(port_a())
        .unwrap()
        .replace("12 ships are waiting outside the port", "14 freighters are anchored outside the port")
        .replace(r#",
    {"id": "a6", "name": "Coastal Guard Agency", "kind": "organization", "aliases": ["the agency"], "part_of": "a2"}"#, "")
        .replace(r#""via": ["a5", "a6"]"#, r#""via": ["a5"]"#);
    let f = dir.path().join("port-a-v2.json");
    std::fs::write(&f, text).unwrap();
    assert_eq!(statuses(ingest(&db, &[&f])), ["updated"]);
    let s = stats(&db);
    assert_eq!(s["documents"], 2);
    assert_eq!(s["claims"], 6);
    assert_eq!(s["actors"], 8, "the agency only document A named is gone");
    assert_eq!(s["claim_via"], 2);
    assert_eq!(s["merged_actors"], 3);
    let store = Store::open(&db).unwrap();
    let fts = |word: &str| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1",
                [word],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(fts("freighters"), 1);
    assert_eq!(fts("statement: 12"), 0);
    assert_eq!(
        fts("ev_text: 12"),
        1,
        "the evidence sentence was not edited"
    );
    assert_eq!(fts("ships"), 3);
    let check: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    store
        .conn()
        .execute(
            "INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')",
            [],
        )
        .unwrap();
}

/// The bad inputs of issue 2, point 6: each is refused with exit code 2, a
/// message naming the file, the place and the field, and an untouched
/// database.
#[test]
fn bad_inputs_leave_the_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    ok(ingest(&db, &[&port_a()]));
    let before = snapshot(&db);
    let good = std::fs::read_to_string(port_a()).unwrap();
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;

    let edit = |from: &str, to: &str| -> String {
        assert!(good.contains(from), "fixture lacks {from}");
        good.replacen(from, to, 1)
    };
    let cases: Vec<(&str, Vec<u8>, Vec<String>)> = vec![
        (
            "truncated",
            good.as_bytes()[..400].to_vec(),
            vec!["truncated JSON".into()],
        ),
        (
            "syntax",
            edit(r#""kind": "person""#, r#""kind": person"#).into_bytes(),
            vec![
                "invalid JSON".into(),
                format!(":{}:", line_of(&good, r#""kind": "person""#)),
                "actors[0].kind".into(),
            ],
        ),
        (
            "wrong-type",
            edit(r#""value": 12,"#, r#""value": "twelve","#).into_bytes(),
            vec!["claims[0].quantity.value".into(), "invalid type".into()],
        ),
        (
            "unknown-field",
            edit(r#""polarity": "deny""#, r#""polarty": "deny""#).into_bytes(),
            vec!["unknown field `polarty`".into(), "claims[2]".into()],
        ),
        (
            "unknown-claimant",
            edit(r#""claimant": "a4""#, r#""claimant": "a9""#).into_bytes(),
            vec![
                "claims[1].claimant".into(),
                "unknown actor id `a9`".into(),
                format!(":{}:", line_of(&good, r#""claimant": "a4""#)),
            ],
        ),
        (
            "unknown-via",
            edit(r#"["a5", "a6"]"#, r#"["a5", "x6"]"#).into_bytes(),
            vec!["claims[1].via[1]".into()],
        ),
        (
            "unknown-participant",
            edit(r#"{"actor": "a3"}"#, r#"{"actor": "a33"}"#).into_bytes(),
            vec!["events[0].participants[1].actor".into()],
        ),
        (
            "unknown-relation-target",
            edit(r#""target": "a2""#, r#""target": "b2""#).into_bytes(),
            vec!["relations[0].target".into()],
        ),
        (
            "unknown-part-of",
            edit(r#""part_of": "a2"}"#, r#""part_of": "zz"}"#).into_bytes(),
            vec!["actors[0].part_of".into()],
        ),
        (
            "unknown-about",
            edit(r#"["e1", "a2"]"#, r#"["e1", "e2"]"#).into_bytes(),
            vec!["claims[2].about[1]".into()],
        ),
        (
            "impossible-published",
            edit("2022-01-10\"}", "2022-02-30\"}").into_bytes(),
            vec!["document.published".into(), ":3:".into()],
        ),
        (
            "impossible-time-value",
            edit(r#""value": "2022-01-12"}"#, r#""value": "2022-01-32"}"#).into_bytes(),
            vec!["events[0].time".into(), "2022-01-32".into()],
        ),
        (
            "impossible-stated-bounds",
            edit(r#""start": "2022-01-09""#, r#""start": "2022-02-29""#).into_bytes(),
            vec!["claims[2].stated.start".into()],
        ),
        (
            "impossible-timex",
            edit(r#""value": "2022-01-09"}"#, r#""value": "2022-02-31"}"#).into_bytes(),
            vec!["timexes[1].value".into()],
        ),
        (
            "invalid-utf8",
            {
                let mut b = good.as_bytes().to_vec();
                let at = good.find("Norland will").unwrap();
                b[at] = 0xff;
                b
            },
            vec![
                "invalid UTF-8".into(),
                format!(":{}:", line_of(&good, "Norland will")),
            ],
        ),
        ("empty", Vec::new(), vec!["empty file".into()]),
        ("blank", b" \n\n ".to_vec(), vec!["empty file".into()]),
        (
            "article-text",
            b"Norland said on Monday that ships were waiting.\n".to_vec(),
            vec!["not interchange JSON".into()],
        ),
        (
            "array",
            b"[1, 2]".to_vec(),
            vec!["not interchange JSON".into()],
        ),
    ];
    for (name, bytes, expect) in &cases {
        let f = dir.path().join(format!("{name}.json"));
        std::fs::write(&f, bytes).unwrap();
        let out = ingest(&db, &[&f]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(f.to_str().unwrap()),
            "{name}: message does not name the file: {err}"
        );
        for e in expect {
            assert!(err.contains(e.as_str()), "{name}: expected `{e}` in: {err}");
        }
        assert_eq!(snapshot(&db), before, "{name}: database changed");
    }

    // A good file before a bad one: nothing of either is written.
    let bad = dir.path().join("truncated.json");
    let out = ingest(&db, &[&port_b(), &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(snapshot(&db), before, "good file written before a bad one");

    // A directory of them: its `.json` files are read, and the first bad
    // one refuses the whole command, named.
    let out = ingest(&db, &[dir.path()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(".json"), "{}", stderr(&out));
    assert_eq!(snapshot(&db), before, "directory: database changed");
    // A missing file.
    let missing = dir.path().join("nope.json");
    let out = ingest(&db, &[&missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.json"), "{}", stderr(&out));
    assert_eq!(snapshot(&db), before);

    // A bad line of a JSON Lines file is named by its line.
    let lines = std::fs::read_to_string(fixture("core/two.jsonl")).unwrap();
    let f = dir.path().join("bad.jsonl");
    std::fs::write(
        &f,
        lines.replacen(r#""claimant": "b1""#, r#""claimant": "b9""#, 1),
    )
    .unwrap();
    let out = ingest(&db, &[&f]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.jsonl:3:"), "{}", stderr(&out));
    assert_eq!(snapshot(&db), before);
}

/// Files are parsed once, while the store writes: a bad bundle late in a
/// JSON Lines file, after good ones were written, still leaves nothing, and
/// a database the command created for it is removed again.
#[test]
fn a_bad_bundle_late_in_a_file_leaves_no_trace() {
    let dir = tempfile::tempdir().unwrap();
    let one = |id: usize| -> String {
        let mut b = bundle(&port_a());
        b.document.id = format!("late-{id}");
        serde_json::to_string(&b).unwrap()
    };
    let mut text: String = (0..300).map(|i| one(i) + "\n").collect();
    text.push_str(&one(300).replacen(r#""claimant":"a4""#, r#""claimant":"a9""#, 1));
    text.push('\n');
    assert!(text.contains(r#""claimant":"a9""#), "fixture changed");
    let f = dir.path().join("late.jsonl");
    std::fs::write(&f, &text).unwrap();

    let fresh = dir.path().join("fresh.db");
    let out = ingest(&fresh, &[&f]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("late.jsonl:301:"), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("fresh"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");

    let db = dir.path().join("g.db");
    ok(ingest(&db, &[&port_b()]));
    let before = snapshot(&db);
    assert_eq!(ingest(&db, &[&f]).status.code(), Some(2));
    assert_eq!(snapshot(&db), before, "database changed");
    // Without the bad line, all 300 go in (a bulk batch: indexes dropped
    // and rebuilt) and the database is whole.
    let good: String = text.lines().take(300).map(|l| format!("{l}\n")).collect();
    std::fs::write(&f, good).unwrap();
    ok(ingest(&db, &[&f]));
    assert_eq!(stats(&db)["documents"], 301);
    let store = Store::open(&db).unwrap();
    let check: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn json_lines_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    assert_eq!(
        statuses(ingest(&db, &[&fixture("core/two.jsonl")])),
        ["added", "added"]
    );
    let mut child = crate::common::bin()
        .arg("--db")
        .arg(&db)
        .args(["ingest", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(port_a()).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(statuses(out), ["added"]);
    assert_eq!(stats(&db)["documents"], 3);
}

#[test]
fn newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    ok(ingest(&db, &[&port_a()]));
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("PRAGMA user_version = 999").unwrap();
    }
    let before = snapshot(&db);
    for args in [vec!["stats"], vec!["ingest", port_b().to_str().unwrap()]] {
        let out = run_db(&db, &args);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains("schema version 999 is newer"), "{err}");
    }
    assert_eq!(snapshot(&db), before);
}

#[test]
fn stats_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    ok(ingest(&db, &[&port_a()]));
    let s = stats(&db);
    assert_eq!(s["schema_version"], chronograph::store::SCHEMA_VERSION);
    assert_eq!(s["claims"], 3);
    assert_eq!(s["actors_by_kind"]["country"], 2);
    assert_eq!(s["first_published"], "2022-01-10");
    let table = ok(run_db(&db, &["stats"]));
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("claims") && l.trim_end().ends_with(" 3")),
        "{table}"
    );
    let out = run_db(&dir.path().join("none.db"), &["stats"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn broken_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    ok(ingest(&db, &[&port_a()]));
    let mut child = crate::common::bin()
        .arg("--db")
        .arg(&db)
        .args(["stats", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        stderr(&out)
    );
}

#[test]
fn unmerge_splits_an_actor_by_document() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    ok(ingest(&db, &[&port_a(), &port_b()]));
    let out: serde_json::Value = serde_json::from_str(&ok(run_db(
        &db,
        &["unmerge", "SOKOLOVA", "--format", "json"],
    )))
    .unwrap();
    let new = out["split"][0]["new_actor"].as_i64().unwrap();
    assert_eq!(out["split"][0]["name"], "Elena Sokolova");
    let s = stats(&db);
    assert_eq!(s["merged_actors"], 2);
    assert_eq!(s["actors"], 10);
    let store = Store::open(&db).unwrap();
    let claimant = |local: &str| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT claimant_id FROM claims WHERE local_id = ?1",
                [local],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(
        claimant("d1"),
        new,
        "document B's claim moved to the split-off actor"
    );
    assert_ne!(claimant("c1"), new);
    let target: i64 = store
        .conn()
        .query_row(
            "SELECT target_id FROM relations WHERE kind = 'meets'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(target, new);
    let fk: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
    // Names follow the links: B's alias "America" leaves the United States.
    let us: i64 = store
        .conn()
        .query_row(
            "SELECT id FROM actors WHERE name = 'United States'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(store);
    let out: serde_json::Value = serde_json::from_str(&ok(run_db(
        &db,
        &["unmerge", "america", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(out["actor"], us);
    let store = Store::open(&db).unwrap();
    let has = |id: i64, norm: &str| -> bool {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM actor_names WHERE actor_id = ?1 AND norm = ?2",
                rusqlite::params![id, norm],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
            > 0
    };
    assert!(!has(us, "america"));
    assert!(has(
        out["split"][0]["new_actor"].as_i64().unwrap(),
        "america"
    ));
    assert!(has(us, "washington"));
    drop(store);
    // Nothing left to split: an error, and no change.
    let before = snapshot(&db);
    let out = run_db(&db, &["unmerge", &new.to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not merged"), "{}", stderr(&out));
    assert_eq!(snapshot(&db), before);
}

/// `unmerge` leaves a "do not merge" record: a changed version of the split
/// document, ingested later, keeps its actor apart instead of joining the
/// same names again.
#[test]
fn unmerge_survives_a_reingest_of_the_split_document() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let mut b = bundle(&port_b());
    b.document.id = "port-b".into();
    let f = dir.path().join("b.json");
    std::fs::write(&f, serde_json::to_string(&b).unwrap()).unwrap();
    ok(ingest(&db, &[&port_a(), &f]));
    let claimant = |local: &str| -> i64 {
        Store::open(&db)
            .unwrap()
            .conn()
            .query_row(
                "SELECT claimant_id FROM claims WHERE local_id = ?1",
                [local],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(claimant("d1"), claimant("c1"), "merged at first");
    ok(run_db(&db, &["unmerge", "SOKOLOVA"]));
    assert_ne!(claimant("d1"), claimant("c1"));

    b.claims[0].statement = "21 ships are waiting outside the port".into();
    std::fs::write(&f, serde_json::to_string(&b).unwrap()).unwrap();
    assert_eq!(statuses(ingest(&db, &[&f])), ["updated"]);
    assert_ne!(claimant("d1"), claimant("c1"), "re-joined after unmerge");
    assert_eq!(stats(&db)["merged_actors"], 2);

    // Another document is not bound by the record.
    let mut c = bundle(&port_b());
    c.document.id = "port-c".into();
    let g = dir.path().join("c.json");
    std::fs::write(&g, serde_json::to_string(&c).unwrap()).unwrap();
    ok(ingest(&db, &[&g]));
    let store = Store::open(&db).unwrap();
    let joined: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id
             WHERE d.key = 'port-c' AND c.local_id = 'd1' AND c.claimant_id = ?1",
            [claimant("c1")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(joined, 1);
}

/// A database in a directory the reader may not write (a read-only share,
/// another user's files) answers queries: a WAL file closed cleanly has no
/// `-wal` or `-shm`, which SQLite could not create there. As root, where
/// permissions do not bind, the commands run as `nobody` through `setpriv`
/// when it is installed; otherwise the test says it was skipped.
#[test]
fn a_database_in_a_read_only_directory_can_be_queried() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let db = ro.join("q.db");
    ok(ingest(&db, &[&port_a(), &port_b()]));
    let queries: &[&[&str]] = &[
        &["claims", "--format", "json"],
        &["timeline", "--format", "json"],
        &["conflicts", "--format", "json"],
        &["stats", "--format", "json"],
    ];
    // Without the timeline snapshot, which would be written beside the
    // database: every answer comes from SQLite.
    let run = |setpriv: Option<&Path>, db: &Path, args: &[&str]| {
        let mut cmd = match setpriv {
            Some(sp) => {
                let mut c = std::process::Command::new(sp);
                c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                    .arg(env!("CARGO_BIN_EXE_chronograph"));
                c
            }
            None => crate::common::bin(),
        };
        cmd.env("CHRONOGRAPH_NO_TIMELINE_SNAPSHOT", "1")
            .arg("--db")
            .arg(db)
            .args(args)
            .output()
            .unwrap()
    };
    // The answers from a copy: a reader in a writable directory leaves
    // `-wal` and `-shm` files, which this test must not have.
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).unwrap();
    let expected: Vec<String> = queries.iter().map(|q| ok(run(None, &copy, q))).collect();
    for side in ["q.db-wal", "q.db-shm"] {
        assert!(!ro.join(side).exists(), "{side} left behind");
    }
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    mode(dir.path(), 0o755).unwrap();
    mode(&ro, 0o555).unwrap();
    let privileged = std::fs::write(ro.join("probe"), b"").is_ok();
    let setpriv = Path::new("/usr/bin/setpriv");
    if privileged && !setpriv.exists() {
        mode(&ro, 0o755).unwrap();
        eprintln!("skipped: permissions do not bind this user and there is no setpriv");
        return;
    }
    let as_user = privileged.then_some(setpriv);
    let before = snapshot(&db);
    for (q, want) in queries.iter().zip(&expected) {
        assert_eq!(&ok(run(as_user, &db, q)), want, "{q:?}");
    }
    assert!(snapshot(&db) == before, "the database changed");
    for side in ["q.db-wal", "q.db-shm"] {
        assert!(!ro.join(side).exists(), "{side} created");
    }
    // A `-wal` with content may hold transactions the main file lacks:
    // that is an error, not a silently older answer.
    mode(&ro, 0o755).unwrap();
    std::fs::write(ro.join("q.db-wal"), b"not empty").unwrap();
    mode(&ro, 0o555).unwrap();
    let out = run(as_user, &db, queries[0]);
    mode(&ro, 0o755).unwrap();
    assert!(!out.status.success(), "read past a WAL it could not open");
}

/// Relatives who share a surname stay two people across documents, while
/// the same person's fuller name still joins.
#[test]
fn a_shared_surname_joins_no_two_people() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("names.db");
    let doc = |id: &str, day: &str, who: &str, aliases: &[&str], said: &str| {
        serde_json::json!({
            "document": {"id": id, "publisher": "Harbor Wire", "published": day},
            "actors": [{"id": "a1", "name": who, "kind": "person", "aliases": aliases}],
            "claims": [{"id": "c1", "claimant": "a1", "statement": said,
                        "evidence": {"start": 0, "end": said.len(), "text": said}}]
        })
        .to_string()
    };
    // A document that names her by surname alone makes "Voss" one of her
    // names; her husband's alias "Voss" then meets it.
    let lines = [
        doc(
            "d1",
            "2024-01-02",
            "Marta Voss",
            &["Voss"],
            "the port will reopen",
        ),
        doc("d2", "2024-01-03", "Voss", &[], "the cranes are idle"),
        doc(
            "d3",
            "2024-01-04",
            "Henrik Voss",
            &["Voss"],
            "the port will stay shut",
        ),
        doc(
            "d4",
            "2024-01-05",
            "Marta Ilse Voss",
            &["Voss"],
            "the ferry runs again",
        ),
    ];
    let input = dir.path().join("names.jsonl");
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    ok(run_db(&db, &["ingest", input.to_str().unwrap()]));
    let out = ok(run_db(&db, &["actors", "voss", "--format", "json"]));
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut got: Vec<(String, i64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_owned(),
                a["documents"].as_i64().unwrap(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("Henrik Voss".to_owned(), 1),
            ("Marta Ilse Voss".to_owned(), 3)
        ]
    );
}
