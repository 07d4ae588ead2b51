//! Integration tests: factuality from article to views. A fact read from a
//! condition, a fear or a plan is never shown as a plain fact by default,
//! and shows labelled with `--factuality all`.

use crate::common::{ok, run_db};
use serde_json::Value;
use std::path::Path;

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(run_db(db, args))).expect("valid JSON")
}

/// Relations of a JSON answer as (source, kind, target, factuality).
fn rels(v: &Value) -> Vec<(String, String, String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["source"]["name"].as_str().unwrap().to_owned(),
                r["kind"].as_str().unwrap().to_owned(),
                r["target"]["name"].as_str().unwrap().to_owned(),
                r["factuality"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

const ARTICLE: &str = "Title: Border talks\nOutlet: Test Wire\nDate: 2022-01-10\n\n\
Western officials met in Brussels on Monday. The ministers said sanctions will follow \
if Russia invades Ukraine.\n";

#[test]
fn a_condition_is_no_plain_fact_in_any_view() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("talks.txt");
    std::fs::write(&art, ARTICLE).unwrap();
    let db = dir.path().join("f.db");
    ok(run_db(&db, &["ingest", art.to_str().unwrap()]));

    let plain = rels(&json(&db, &["relations", "--format", "json"]));
    assert!(
        !plain.iter().any(|r| r.1 == "invades"),
        "a conditional invasion shown as a fact: {plain:?}"
    );
    let all = rels(&json(
        &db,
        &["relations", "--factuality", "all", "--format", "json"],
    ));
    assert!(
        all.iter().any(|r| r.0 == "Russia"
            && r.1 == "invades"
            && r.2 == "Ukraine"
            && r.3 == "hypothetical"),
        "{all:?}"
    );
    let table = ok(run_db(&db, &["relations", "--factuality", "all"]));
    assert!(table.contains("invades [hypothetical]"), "{table}");
    let only = rels(&json(
        &db,
        &[
            "relations",
            "--factuality",
            "hypothetical",
            "--format",
            "json",
        ],
    ));
    assert!(only.iter().all(|r| r.3 == "hypothetical") && !only.is_empty());

    // The timeline: no occurred invasion by default; labelled when asked.
    let tl = json(&db, &["timeline", "--format", "json"]);
    assert!(
        !tl.as_array()
            .unwrap()
            .iter()
            .any(|i| i["kind"] == "invasion"),
        "{tl}"
    );
    for env in ["", "1"] {
        let out = crate::common::bin()
            .env("CHRONOGRAPH_NO_TIMELINE_SNAPSHOT", env)
            .arg("--db")
            .arg(&db)
            .args(["timeline", "--factuality", "all", "--format", "json"])
            .output()
            .unwrap();
        let tl: Value = serde_json::from_str(&ok(out)).unwrap();
        let inv = tl
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["kind"] == "invasion")
            .unwrap_or_else(|| panic!("no invasion with --factuality all: {tl}"));
        assert_eq!(inv["factuality"], "hypothetical");
        assert_eq!(inv["status"], "hypothetical");
        assert!(inv["label"].as_str().unwrap().ends_with("[hypothetical]"));
    }

    // The actor profile and the graph export hold the same line.
    let p = json(&db, &["actor", "Russia", "--format", "json"]);
    assert!(p["relations_out"].as_array().unwrap().is_empty(), "{p}");
    let p = json(
        &db,
        &["actor", "Russia", "--factuality", "all", "--format", "json"],
    );
    assert!(!p["relations_out"].as_array().unwrap().is_empty(), "{p}");
    // The actor view labels edges with relation kinds; dot-full with edge labels.
    let dot = ok(run_db(&db, &["export", "--graph", "dot"]));
    assert!(!dot.contains("invades"), "{dot}");
    let full = ok(run_db(&db, &["export", "--graph", "dot-full"]));
    assert!(!full.contains("INVADES"), "{full}");
    let dot = ok(run_db(
        &db,
        &["export", "--graph", "dot", "--factuality", "all"],
    ));
    assert!(dot.contains("invades [hypothetical]"), "{dot}");
    let full = ok(run_db(
        &db,
        &["export", "--graph", "dot-full", "--factuality", "all"],
    ));
    assert!(full.contains("INVADES [hypothetical]"), "{full}");
    let bad = run_db(&db, &["relations", "--factuality", "maybe"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// A bundle whose only link between two actors is a hypothetical relation.
const BUNDLE: &str = r#"{"document": {"id": "f-1", "publisher": "Test Wire", "published": "2022-01-10"},
 "actors": [{"id": "a1", "name": "Eastland", "kind": "country"},
            {"id": "a2", "name": "Westland", "kind": "country"}],
 "events": [{"id": "e1", "kind": "invasion", "label": "Eastland: invades Westland",
             "participants": [{"actor": "a1", "role": "agent"}, {"actor": "a2", "role": "target"}],
             "status": "hypothetical", "factuality": "hypothetical",
             "evidence": {"start": 0, "end": 30, "text": "If Eastland invades Westland, ..."}}],
 "relations": [{"source": "a1", "kind": "invades", "target": "a2", "factuality": "hypothetical",
                "evidence": {"start": 0, "end": 30, "text": "If Eastland invades Westland, ..."}}]}"#;

#[test]
fn paths_and_neighbours_pass_only_through_shown_facts() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("b.json");
    std::fs::write(&f, BUNDLE).unwrap();
    let db = dir.path().join("g.db");
    ok(run_db(&db, &["ingest", f.to_str().unwrap()]));
    let n = json(&db, &["neighbors", "Eastland", "--format", "json"]);
    assert_eq!(n, serde_json::json!([]));
    let n = json(
        &db,
        &[
            "neighbors",
            "Eastland",
            "--factuality",
            "all",
            "--format",
            "json",
        ],
    );
    assert_eq!(n[0]["name"], "Westland", "{n}");
    assert!(
        n[0]["through_label"]
            .as_str()
            .unwrap()
            .contains("[hypothetical]"),
        "{n}"
    );
    let p = ok(run_db(
        &db,
        &["path", "Eastland", "Westland", "--format", "json"],
    ));
    assert_eq!(p.trim(), "null");
    let p = json(
        &db,
        &[
            "path",
            "Eastland",
            "Westland",
            "--factuality",
            "all",
            "--format",
            "json",
        ],
    );
    assert_eq!(p["hops"], 1, "{p}");
    // A graph around one actor is reached through shown facts only.
    let names = |g: &Value| -> Vec<String> {
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|n| n["name"].as_str().map(str::to_owned))
            .collect()
    };
    let g = json(&db, &["export", "--graph", "json", "--around", "Eastland"]);
    assert!(!names(&g).contains(&"Westland".to_owned()), "{g}");
    let g = json(
        &db,
        &[
            "export",
            "--graph",
            "json",
            "--around",
            "Eastland",
            "--factuality",
            "all",
        ],
    );
    assert!(names(&g).contains(&"Westland".to_owned()), "{g}");
    // The database and its views carry the column.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let f: String = conn
        .query_row("SELECT factuality FROM v_relations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(f, "hypothetical");
}

#[test]
fn bundles_round_trip_factuality_and_old_ones_load() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("talks.txt");
    std::fs::write(&art, ARTICLE).unwrap();
    // extract -> JSON with factuality -> ingest -> the same factuality.
    let bundle = ok(crate::common::bin()
        .args(["extract", "--format", "json", art.to_str().unwrap()])
        .output()
        .unwrap());
    let v: Value = serde_json::from_str(&bundle).unwrap();
    let hyp = v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["factuality"] == "hypothetical")
        .count();
    assert!(hyp > 0, "{bundle}");
    let f = dir.path().join("talks.json");
    std::fs::write(&f, &bundle).unwrap();
    let db = dir.path().join("r.db");
    ok(run_db(&db, &["ingest", f.to_str().unwrap()]));
    let all = rels(&json(
        &db,
        &["relations", "--factuality", "all", "--format", "json"],
    ));
    assert_eq!(
        all.iter().filter(|r| r.3 == "hypothetical").count(),
        hyp,
        "{all:?}"
    );

    // A bundle written before factuality existed loads, all asserted.
    let old = BUNDLE
        .replace(r#", "factuality": "hypothetical""#, "")
        .replace(r#""status": "hypothetical""#, r#""status": "occurred""#);
    assert!(!old.contains("factuality"));
    let f = dir.path().join("old.json");
    std::fs::write(&f, old).unwrap();
    let db = dir.path().join("o.db");
    ok(run_db(&db, &["ingest", f.to_str().unwrap()]));
    let plain = rels(&json(&db, &["relations", "--format", "json"]));
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].3, "asserted");
}
