//! The views on a store of several outlets' bundles: conflicts only about
//! the same thing, a window's own items before its background, tables that
//! fit, attribution that counts each original source once.

use crate::common::{ok, run_db};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

fn ev(text: &str) -> Value {
    json!({"start": 0, "end": text.len(), "text": text})
}

/// Three bundles from three outlets (all our own wording).
fn store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let actors = json!([
        {"id": "a1", "name": "Veldonia", "kind": "country"},
        {"id": "a2", "name": "Veldonian Interior Ministry", "kind": "government", "part_of": "a1"},
        {"id": "a3", "name": "Dockworkers Union", "kind": "organization"},
        {"id": "a4", "name": "Harbor Wire", "kind": "media"},
        {"id": "a5", "name": "Mayor Lind", "kind": "person"},
        {"id": "a6", "name": "Port Authority", "kind": "organization"}
    ]);
    let strikers =
        |id: &str, who: &str, via: Value, v: f64, approx: bool, open: bool, said: &str| {
            let mut q = json!({"value": v, "unit": "strikers", "approximate": approx});
            if open {
                q["upper"] = json!(v);
                q["upper_open"] = json!(true);
            }
            json!({"id": id, "claimant": who, "via": via, "statement": said,
               "subject": "striking dockworkers near northport", "quantity": q,
               "valid": {"value": "2024-03-05"}, "evidence": ev(said)})
        };
    let money = |id: &str, who: &str, v: f64, said: &str| {
        json!({"id": id, "claimant": who, "statement": said, "subject": "dollars",
               "quantity": {"value": v, "unit": "dollars"},
               "valid": {"value": "2024-03-05"}, "evidence": ev(said)})
    };
    let say = |id: &str, who: &str, said: &str, polarity: &str| {
        json!({"id": id, "claimant": who, "statement": said, "polarity": polarity,
               "stated": {"value": "2024-03-05"}, "evidence": ev(said)})
    };
    let bundles = [
        json!({"document": {"id": "ledger-1", "publisher": "Daily Ledger", "published": "2024-03-05"},
        "actors": actors,
        "claims": [
            strikers("c1", "a1", json!(["a4", "a4"]), 4_000.0, false, false,
                     "the government put the walkout at 4,000 dockworkers"),
            money("c2", "a6", 2_000_000.0, "the port lost two million dollars"),
            say("c3", "a5", "the ferry will run on Sunday", "affirm"),
            say("c4", "a5", "the council approved the harbour budget", "affirm")
        ],
        "events": [
            {"id": "e1", "kind": "strike", "label": "harbour walkout",
             "participants": [{"actor": "a3"}], "place": "Northport",
             "time": {"value": "2024-03-05"}, "evidence": ev("the walkout began on Tuesday")},
            {"id": "e2", "kind": "election", "label": "union leadership vote",
             "participants": [{"actor": "a3"}],
             "time": {"value": "2024"}, "evidence": ev("the union elects its leaders this year")}
        ]}),
        json!({"document": {"id": "post-1", "publisher": "Evening Post", "published": "2024-03-06"},
        "actors": actors,
        "claims": [
            strikers("c1", "a2", json!([]), 4_100.0, false, false,
                     "the ministry counted 4,100 strikers at the gates"),
            strikers("c2", "a3", json!([]), 9_000.0, true, true,
                     "nearly 9,000 members stayed away from the cranes"),
            money("c3", "a3", 9_000.0, "the union paid 9,000 dollars in strike pay"),
            say("c4", "a6", "the bridge toll will not rise on Sunday", "deny"),
            say("c5", "a6", "the council never approved the harbour budget", "deny")
        ],
        "events": [
            {"id": "e1", "kind": "strike", "label": "dock strike",
             "participants": [{"actor": "a3"}], "place": "Northport",
             "time": {"value": "2024-03-05"}, "evidence": ev("dockers struck on Tuesday")},
            {"id": "e2", "kind": "strike", "label": "dock strike",
             "participants": [{"actor": "a3"}], "place": "Southport",
             "time": {"value": "2024-03-05"}, "evidence": ev("and in Southport too")}
        ]}),
        json!({"document": {"id": "times-1", "publisher": "Coast Times", "published": "2024-03-06"},
        "actors": actors,
        "claims": [
            strikers("c1", "a3", json!([]), 9_000.0, true, true,
                     "nearly 9,000 members stayed away from the cranes")
        ]}),
    ];
    let input = dir.path().join("bundles.jsonl");
    let lines: Vec<String> = bundles.iter().map(|b| b.to_string()).collect();
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let db = dir.path().join("views.db");
    ok(run_db(&db, &["ingest", input.to_str().unwrap()]));
    (dir, db)
}

fn json_of(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(run_db(db, args))).unwrap()
}

#[test]
fn conflicts_are_about_the_same_thing_and_read_as_said() {
    let (_d, db) = store();
    let r = json_of(&db, &["conflicts", "--format", "json"]);
    let groups = r["conflicts"].as_array().unwrap();
    let subjects: Vec<&str> = groups
        .iter()
        .map(|g| g["subject"].as_str().unwrap())
        .collect();
    // The strikers disagree; the harbour budget is affirmed and denied; the
    // dollars (of what?) and the Sunday statements (different things) never
    // meet.
    assert_eq!(subjects.len(), 2, "{subjects:?}");
    let strike = groups
        .iter()
        .find(|g| g["unit"] == "strikers")
        .expect("strikers");
    let figures: Vec<&str> = strike["sides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["figure"].as_str().unwrap())
        .collect();
    assert!(figures.contains(&"nearly 9,000 strikers"), "{figures:?}");
    // The ministry speaks for its government: their 4,000 and 4,100 are one
    // source, and the wire named twice is one link.
    let chains: Vec<&str> = strike["sides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["chain"].as_str().unwrap())
        .collect();
    assert!(
        chains.contains(&"Daily Ledger > Harbor Wire > Veldonia"),
        "{chains:?}"
    );
    let budget = groups.iter().find(|g| g["unit"].is_null()).expect("budget");
    assert_eq!(budget["disagreements"][0]["kind"], "affirm_vs_deny");
    assert_eq!(budget["sides"].as_array().unwrap().len(), 2);

    let first = strike["sides"][0]["claim"].as_i64().unwrap().to_string();
    let a = json_of(&db, &["sources", &first, "--format", "json"]);
    // The ministry's 4,100 corroborates, but the ministry is Veldonia's.
    assert_eq!(a["independent_sources"], 1, "{a:#}");
    assert_eq!(
        a["original_sources"],
        json!(["Veldonia / Veldonian Interior Ministry"])
    );
}

#[test]
fn a_window_lists_its_own_items_first_on_both_paths() {
    let (_d, db) = store();
    let args = [
        "timeline",
        "--from",
        "2024-03-04",
        "--to",
        "2024-03-10",
        "--format",
        "json",
    ];
    let snap = ok(run_db(&db, &args));
    let sql = crate::common::bin()
        .arg("--db")
        .arg(&db)
        .args(args)
        .env("CHRONOGRAPH_NO_TIMELINE_SNAPSHOT", "1")
        .output()
        .unwrap();
    assert_eq!(snap, ok(sql), "the .tl path and SQL agree");
    let items: Value = serde_json::from_str(&snap).unwrap();
    let items = items.as_array().unwrap();
    let seen: Vec<(&str, bool, usize)> = items
        .iter()
        .map(|i| {
            (
                i["label"].as_str().unwrap(),
                i["background"].as_bool().unwrap_or(false),
                i["reports"].as_array().unwrap().len(),
            )
        })
        .collect();
    // Northport's strike from two outlets is one item, Southport's its own;
    // the year's vote comes last, as background.
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert_eq!(seen.iter().filter(|s| s.2 == 2).count(), 1, "{seen:?}");
    assert_eq!(seen[2], ("union leadership vote", true, 1));

    let table = crate::common::bin()
        .arg("--db")
        .arg(&db)
        .args(["timeline", "--claims"])
        .env("COLUMNS", "72")
        .output()
        .unwrap();
    let table = ok(table);
    assert!(table.lines().all(|l| l.chars().count() <= 72), "{table}");
    let wide = ok(run_db(&db, &["--wide", "timeline", "--claims"]));
    assert!(wide.contains("the council never approved the harbour budget"));
    assert!(wide.lines().any(|l| l.chars().count() > 72));
}

#[test]
fn actors_lists_who_appears_and_in_what_role() {
    let (_d, db) = store();
    let all = json_of(&db, &["actors", "--format", "json", "--limit", "0"]);
    let all = all.as_array().unwrap();
    let find = |name: &str| {
        all.iter()
            .find(|a| a["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {all:?}"))
    };
    // The union strikes in the first outlet and speaks in the other two.
    let union = find("Dockworkers Union");
    assert_eq!(union["documents"], 3);
    assert_eq!(union["claims"], 3);
    assert!(union["events"].as_i64().unwrap() >= 2, "{union}");
    assert_eq!(find("Harbor Wire")["relayed"], 1);
    assert_eq!(find("Veldonian Interior Ministry")["part_of"], "Veldonia");
    let docs: Vec<i64> = all
        .iter()
        .map(|a| a["documents"].as_i64().unwrap())
        .collect();
    assert!(
        docs.windows(2).all(|w| w[0] >= w[1]),
        "most documents first: {docs:?}"
    );

    let people = json_of(&db, &["actors", "--kind", "person", "--format", "json"]);
    let names: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Mayor Lind"]);
    let by_name = json_of(&db, &["actors", "dockworkers", "--format", "json"]);
    assert_eq!(by_name.as_array().unwrap().len(), 1);
    let top = json_of(
        &db,
        &[
            "actors", "--sort", "claims", "--limit", "1", "--format", "json",
        ],
    );
    assert_eq!(top[0]["name"], "Dockworkers Union");

    let bad = run_db(&db, &["actors", "--kind", "planet"]);
    assert!(!bad.status.success());
    assert!(crate::common::stderr(&bad).contains("not an actor kind"));
    let table = ok(run_db(&db, &["actors", "--format", "csv"]));
    assert!(
        table.starts_with("id,name,kind,part of,documents,claims"),
        "{table}"
    );
}
