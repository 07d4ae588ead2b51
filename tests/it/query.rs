//! Integration tests: query (timeline, claims, sources, conflicts, actor,
//! relations, neighbors, path, export), on three small bundles written for
//! these tests (tests/fixtures/query/).

use crate::common::{fixture, ok, run_db, stderr};
use serde_json::Value;
use std::path::{Path, PathBuf};

use crate::common::query_store as loaded;

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(run_db(db, args))).expect("valid JSON")
}

#[test]
fn json_to_a_pipe_is_one_line_and_pretty_on_request() {
    let (_d, db) = loaded();
    for args in [
        &["timeline", "--format", "json"][..],
        &["timeline", "--claims", "--format", "json"],
        &["stats", "--format", "json"],
        &["conflicts", "--format", "json"],
    ] {
        let compact = ok(run_db(&db, args));
        assert_eq!(compact.lines().count(), 1, "{args:?}: {compact}");
        let mut pretty_args = vec!["--pretty"];
        pretty_args.extend_from_slice(args);
        let pretty = ok(run_db(&db, &pretty_args));
        assert!(pretty.lines().count() > 1, "{args:?}");
        assert!(pretty.contains("\n  "), "{args:?}");
        let a: Value = serde_json::from_str(&compact).unwrap();
        let b: Value = serde_json::from_str(&pretty).unwrap();
        assert_eq!(a, b, "{args:?}");
    }
}

#[test]
fn timeline_orders_uncertain_dates_and_counts_outlets() {
    let (_d, db) = loaded();
    let table = ok(run_db(&db, &["timeline"]));
    let whens: Vec<&str> = table
        .lines()
        .skip(2)
        .map(|l| l.split("  ").next().unwrap().trim())
        .collect();
    assert_eq!(
        whens,
        vec![
            "since 2014",
            "June 2021",
            "2021-12-07",
            "end of January 2022"
        ],
        "{table}"
    );

    let items = json(&db, &["timeline", "--format", "json"]);
    let call = &items[2];
    assert_eq!(call["label"], "Lopez and Petrov video call");
    assert_eq!(call["sources"], 2);
    assert_eq!(
        call["outlets"],
        serde_json::json!(["Example Wire", "Morning Post"])
    );
    assert_eq!(call["reports"].as_array().unwrap().len(), 2);
    assert!(
        call["reports"][1]["evidence"]
            .as_str()
            .unwrap()
            .contains("Tuesday")
    );

    // --as-of: what had been published by 2021-12-04 (one outlet for the call).
    let early = json(
        &db,
        &["timeline", "--as-of", "2021-12-04", "--format", "json"],
    );
    assert_eq!(early.as_array().unwrap().len(), 2);
    assert_eq!(early[1]["sources"], 1);

    let berg = json(&db, &["timeline", "--actor", "Berg", "--format", "json"]);
    assert_eq!(berg.as_array().unwrap().len(), 1);
    assert_eq!(berg[0]["when"], "end of January 2022");

    let window = json(
        &db,
        &[
            "timeline", "--from", "2021-07", "--to", "2021-12", "--format", "json",
        ],
    );
    assert_eq!(window.as_array().unwrap().len(), 1);

    let csv = ok(run_db(&db, &["timeline", "--claims", "--format", "csv"]));
    assert!(csv.starts_with("item,ids,when,start,end,"));
    assert!(csv.contains("claim,1,2021-12-03"));
    // The figure some call defensive is quoted whole in CSV.
    assert!(
        csv.contains("\"\"<script>alert(1)</script> & defensive\"\""),
        "{csv}"
    );

    let md = ok(run_db(&db, &["timeline", "--format", "md"]));
    assert!(md.starts_with("| when | item |"));
}

#[test]
fn empty_results_say_so_and_succeed() {
    let (_d, db) = loaded();
    let out = run_db(&db, &["timeline", "--kind", "coronation"]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("no items match"));
    let out = run_db(&db, &["claims", "--about", "pipeline", "--format", "json"]);
    assert!(stderr(&out).contains("no claims match"));
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), "[]");
}

#[test]
fn queries_never_create_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let out = run_db(&db, &["timeline"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no such database"),
        "{}",
        stderr(&out)
    );
    assert!(!db.exists());
}

#[test]
fn conflicts_json_keeps_disagreement_apart_from_change() {
    let (_d, db) = loaded();
    let r = json(&db, &["conflicts", "--format", "json"]);
    let groups = r["conflicts"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{r:#}");
    let troops = &groups[0];
    assert_eq!(troops["unit"], "troops");
    let sides = troops["sides"].as_array().unwrap();
    // Every side kept, carriers included, in time order, numbers as plain JSON numbers.
    let values: Vec<&Value> = sides
        .iter()
        .map(|s| s.get("value").unwrap_or(&s["lower"]))
        .collect();
    assert_eq!(
        values,
        vec![
            &Value::from(90000),
            &Value::from(70000),
            &Value::from(70000),
            &Value::from(127000)
        ]
    );
    assert_eq!(sides[0]["claimant"], "Northland Defense Ministry");
    assert_eq!(
        sides[1]["chain"],
        "Example Wire > Global News Agency > Ivan Petrov"
    );
    assert_eq!(troops["disagreements"].as_array().unwrap().len(), 1);
    let change = &troops["changes"][0];
    assert_eq!(change["claimant"], "Northland Defense Ministry");
    assert!(
        change["summary"]
            .as_str()
            .unwrap()
            .contains("more than 127,000")
    );
    assert_eq!(groups[1]["disagreements"][0]["kind"], "affirm_vs_deny");

    // A tolerance of 15% makes 70,000 and 90,000 agree; 90,000 and 127,000 stay apart.
    let wide = json(&db, &["conflicts", "--tolerance", "15", "--format", "json"]);
    assert_eq!(wide["conflicts"].as_array().unwrap().len(), 1);
    assert_eq!(wide["changes_only"][0]["unit"], "troops");

    let about = json(&db, &["conflicts", "--about", "attack", "--format", "json"]);
    assert_eq!(about["conflicts"].as_array().unwrap().len(), 1);

    let summary = json(&db, &["conflicts", "--summary", "--format", "json"]);
    assert_eq!(summary.as_array().unwrap().len(), 2, "{summary:#}");
    assert_eq!(summary[0]["sides"], 4);
    assert_eq!(
        summary[0]["disagreeing_pairs"], 2,
        "the relayed 70,000 is carried twice"
    );
    assert_eq!(summary[0]["changes"], 1);
    assert_eq!(summary[1]["disagreeing_pairs"], 1);

    let table = ok(run_db(&db, &["conflicts"]));
    assert!(table.contains("[sources disagree]"));
    assert!(table.contains("changed:  Northland Defense Ministry: about 90,000 troops (2021-12-03) then more than 127,000"));
}

#[test]
fn claims_search_and_attribution() {
    let (_d, db) = loaded();
    let found = json(
        &db,
        &[
            "claims",
            "--about",
            "troops",
            "--via",
            "Global News Agency",
            "--format",
            "json",
        ],
    );
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|c| c["claimant"]["name"] == "Ivan Petrov"));
    let by_outlet = json(
        &db,
        &["claims", "--outlet", "morning post", "--format", "json"],
    );
    assert_eq!(by_outlet.as_array().unwrap().len(), 2);
    let csv = ok(run_db(
        &db,
        &["claims", "--by", "Defense Ministry", "--format", "csv"],
    ));
    assert_eq!(csv.lines().count(), 3, "{csv}");

    let id = found[0]["id"].as_i64().unwrap().to_string();
    let a = json(&db, &["sources", &id, "--format", "json"]);
    let roles: Vec<&str> = a["chain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, vec!["document", "outlet", "via", "claimant"]);
    assert_eq!(a["carriers"].as_array().unwrap().len(), 2);
    assert_eq!(a["independent_sources"], 1);
    assert_eq!(a["disputed_by"].as_array().unwrap().len(), 2);
    let text = ok(run_db(&db, &["sources", &id]));
    assert!(text.contains("2 carrier document(s); 1 independent original source(s): Ivan Petrov"));
    let missing = run_db(&db, &["sources", "999"]);
    assert!(!missing.status.success());
}

#[test]
fn actor_profile_relations_neighbors_path() {
    let (_d, db) = loaded();
    let p = json(&db, &["actor", "NORTHLAND", "--format", "json"]);
    assert_eq!(p["actor"]["name"], "Northland");
    assert_eq!(p["aliases"], serde_json::json!(["Nordholm"]));
    assert_eq!(p["relations_in"].as_array().unwrap().len(), 2);
    let parts: Vec<&str> = p["parts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(parts, vec!["Maria Lopez", "Northland Defense Ministry"]);
    assert_eq!(p["claims_about"].as_array().unwrap().len(), 1);
    let text = ok(run_db(&db, &["actor", "Petrov"]));
    assert!(text.contains("part of: Eastland"));
    assert!(text.contains("claims made or relayed (2)"));

    let miss = run_db(&db, &["actor", "Petrof"]);
    assert!(!miss.status.success());
    assert!(
        stderr(&miss).contains("closest: Petrov"),
        "{}",
        stderr(&miss)
    );

    let rels = json(
        &db,
        &["relations", "--kind", "supports", "--format", "json"],
    );
    assert_eq!(rels[0]["source"]["name"], "Westland");
    let csv = ok(run_db(
        &db,
        &["relations", "--actor", "Eastland", "--format", "csv"],
    ));
    assert_eq!(csv.lines().count(), 2);

    let n = json(&db, &["neighbors", "Lopez", "--format", "json"]);
    let names: Vec<&str> = n
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Ivan Petrov"), "{names:?}");
    assert!(!names.contains(&"Tomas Berg"));
    let n2 = json(
        &db,
        &["neighbors", "Lopez", "--hops", "2", "--format", "json"],
    );
    assert!(
        n2.as_array()
            .unwrap()
            .iter()
            .any(|r| r["name"] == "Tomas Berg" && r["hops"] == 2)
    );

    let path = json(&db, &["path", "Lopez", "Berg", "--format", "json"]);
    assert_eq!(path["hops"], 2);
    let steps = path["steps"].as_array().unwrap();
    assert_eq!(steps.last().unwrap()["node"]["name"], "Tomas Berg");
    assert!(
        steps
            .iter()
            .any(|s| s["node"]["evidence"] == "Westland supports Northland.")
    );
    let text = ok(run_db(&db, &["path", "Lopez", "Berg"]));
    assert!(text.starts_with("Maria Lopez (2 hops)"));
    let none = run_db(&db, &["path", "Lopez", "Berg", "--max-hops", "1"]);
    assert!(none.status.success());
    assert!(stderr(&none).contains("no connection"));
}

#[test]
fn graph_exports() {
    let (_d, db) = loaded();
    let g = json(&db, &["export", "--graph", "json"]);
    let nodes = g["nodes"].as_array().unwrap();
    let edges = g["edges"].as_array().unwrap();
    assert_eq!(nodes.iter().filter(|n| n["label"] == "Actor").count(), 11);
    assert_eq!(nodes.iter().filter(|n| n["label"] == "Document").count(), 3);
    assert!(edges.iter().any(|e| e["label"] == "SUPPORTS"));
    // Every edge ends at a node.
    let ids: std::collections::HashSet<&str> =
        nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    assert!(
        edges
            .iter()
            .all(|e| ids.contains(e["source"].as_str().unwrap())
                && ids.contains(e["target"].as_str().unwrap()))
    );

    let small = json(
        &db,
        &[
            "export", "--graph", "json", "--actor", "Berg", "--hops", "1",
        ],
    );
    assert!(small["nodes"].as_array().unwrap().len() < nodes.len());

    let dot = ok(run_db(&db, &["export", "--graph", "dot-full"]));
    assert!(dot.starts_with("digraph chronograph {") && dot.trim_end().ends_with('}'));
    assert!(
        dot.contains("\"actor:1\" [label=\"Maria Lopez\", shape=ellipse"),
        "{dot}"
    );
    assert!(dot.contains("\"actor:1\" -> \"event:1\" [label=\"PARTICIPATED_IN (participant)\"];"));

    let gml = ok(run_db(&db, &["export", "--graph", "graphml"]));
    assert!(gml.contains("<graphml") && gml.contains("&lt;script&gt;"));
    assert!(!gml.contains("<script>"));

    let cy = ok(run_db(&db, &["export", "--graph", "cypher"]));
    assert!(
        cy.contains("UNWIND [\n  {`id`: 'actor:1', `name`: 'Maria Lopez'"),
        "{cy}"
    );
    assert!(cy.contains("MERGE (a)-[r:`PARTICIPATED_IN` {`role`: row.`role`}]->(b)"));
    assert!(cy.trim_end().ends_with(';'));

    let tl = json(&db, &["export", "--timeline", "timelinejs"]);
    assert_eq!(
        tl["events"][1]["start_date"],
        serde_json::json!({"year": 2021, "month": 6})
    );
    let ics = ok(run_db(&db, &["export", "--timeline", "ics"]));
    assert!(ics.contains("DTSTART;VALUE=DATE:20211207\r\nDTEND;VALUE=DATE:20211208"));
}

fn html_page(db: &Path, dir: &Path) -> (String, PathBuf) {
    let page = ok(run_db(
        db,
        &[
            "timeline",
            "--claims",
            "--format",
            "html",
            "--title",
            "Test <timeline>",
        ],
    ));
    let path = dir.join("timeline.html");
    std::fs::write(&path, &page).unwrap();
    (page, path)
}

#[test]
fn html_is_self_contained_and_escaped() {
    let (d, db) = loaded();
    let (page, _) = html_page(&db, d.path());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<title>Test &lt;timeline&gt;</title>"));
    // Article text never reaches the page as markup.
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; defensive"));
    // Nothing is fetched at view time.
    assert!(!page.contains(" src=") && !page.contains("<link"));
    assert!(page.contains("default-src 'none'"));
    // Readable without script: items, dates and evidence are in the markup.
    assert!(page.contains("end of January 2022") && page.contains("<details>"));
    assert!(page.contains("class=\"item claim conflict\""));
    assert!(page.contains("id=\"conflicts\""));
}

/// Renders the page in headless Chromium and checks the events are on it and
/// the script ran. Skips (with a note) where Chromium is not installed; CI
/// installs it.
#[test]
fn html_renders_in_headless_chromium() {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(Path::new)
        .find(|p| p.exists());
    let Some(chromium) = chromium else {
        eprintln!("skipped: chromium not installed (CI installs it)");
        return;
    };
    let (d, db) = loaded();
    let (_, path) = html_page(&db, d.path());
    let profile = d.path().join("chromium-profile");
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", path.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    for label in [
        "Lopez and Petrov video call",
        "summit in June",
        "Berg visits Northland",
        "Eastland drills since 2014",
    ] {
        assert!(
            dom.contains(label),
            "{label} missing from the rendered page"
        );
    }
    // The script ran: the filter bar is shown and counts the items.
    assert!(
        dom.contains("data-interactive=\"yes\""),
        "script did not run"
    );
    assert!(dom.contains("9 of 9 shown"), "filter count missing");
    assert!(!dom.contains("<script>alert"));
}

#[test]
fn summary_snapshot_follows_the_store() {
    // A summary written before a later ingest must not outlive it.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let path = |f: &str| fixture(&format!("query/{f}"));
    let (a, b, c) = (
        path("a-wire.json"),
        path("b-post.json"),
        path("c-wire.json"),
    );
    ok(run_db(
        &db,
        &["ingest", a.to_str().unwrap(), b.to_str().unwrap()],
    ));
    let summary = |db: &Path| json(db, &["conflicts", "--summary", "--format", "json"]);
    let before = summary(&db);
    assert!(
        dir.path().join("s.db.cache/conflicts.cfx").exists(),
        "the grouping is kept"
    );
    assert_eq!(summary(&db), before, "read back from the snapshot");
    ok(run_db(&db, &["ingest", c.to_str().unwrap()]));
    let after = summary(&db);
    let (_d, fresh) = loaded();
    assert_eq!(after, summary(&fresh), "same as a store loaded at once");
    assert_ne!(after, before);
    // A publication cut-off groups from the store, never from the snapshot.
    let cut = json(
        &db,
        &[
            "conflicts",
            "--summary",
            "--as-of",
            "1990-01-01",
            "--format",
            "json",
        ],
    );
    assert_eq!(cut, Value::Array(Vec::new()));
}

#[test]
fn sources_limit_lists_fewer_but_counts_all() {
    let (_d, db) = loaded();
    let all = json(&db, &["conflicts", "--format", "json"]);
    let id = all["conflicts"][0]["sides"][0]["claim"].to_string();
    let full = json(&db, &["sources", &id, "--limit", "0", "--format", "json"]);
    let one = json(&db, &["sources", &id, "--limit", "1", "--format", "json"]);
    assert!(full["disputed_total"].as_u64().unwrap() >= 1);
    assert_eq!(full["disputed_total"], one["disputed_total"]);
    assert_eq!(full["independent_sources"], one["independent_sources"]);
    assert!(one["disputed_by"].as_array().unwrap().len() <= 1);
}

/// `timeline` through `<db>.tl` and through SQL alone
/// (`CHRONOGRAPH_NO_TIMELINE_SNAPSHOT=1`) print the same bytes.
fn timeline_paths_agree(db: &Path, windows: &[&[&str]]) {
    for window in windows {
        for format in ["json", "csv", "table", "ics"] {
            let mut args = vec!["timeline"];
            args.extend_from_slice(window);
            args.extend_from_slice(&["--format", format]);
            let snap = ok(run_db(db, &args));
            let sql = ok(crate::common::bin()
                .env("CHRONOGRAPH_NO_TIMELINE_SNAPSHOT", "1")
                .arg("--db")
                .arg(db)
                .args(&args)
                .output()
                .unwrap());
            assert_eq!(snap, sql, "{args:?}");
        }
    }
    let mut cache = db.as_os_str().to_owned();
    cache.push(".cache");
    let cache = Path::new(&cache);
    assert!(
        cache.join("timeline.tl").exists(),
        "the snapshot was written"
    );
    if windows.iter().any(|w| w.contains(&"--actor")) {
        assert!(
            cache.join("timeline.tla").exists(),
            "the actor index was written"
        );
    }
}

#[test]
fn a_snapshot_that_cannot_be_written_leaves_the_answer_to_sql() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let add = |f: &str| {
        ok(run_db(
            &db,
            &["ingest", fixture(&format!("query/{f}")).to_str().unwrap()],
        ))
    };
    add("a-wire.json");
    let windows: &[&[&str]] = &[
        &[],
        &["--from", "2021-12"],
        &["--actor", "Maria Lopez", "--from", "2021-12"],
    ];
    timeline_paths_agree(&db, windows);
    // A directory where the snapshot goes makes every rebuild fail (the
    // new file cannot be renamed over it), as a read-only directory does
    // for other users than root.
    let mut cache = db.as_os_str().to_owned();
    cache.push(".cache");
    let cache = PathBuf::from(cache);
    for name in ["timeline.tl", "timeline.tla"] {
        std::fs::remove_file(cache.join(name)).unwrap();
        std::fs::create_dir(cache.join(name)).unwrap();
    }
    let before = json(&db, &["timeline", "--format", "json"]);
    add("b-post.json");
    add("c-wire.json");
    // The old snapshot is stale now and cannot be replaced: the answer is
    // the SQL path's, with the new documents' events.
    for window in windows {
        let mut args = vec!["timeline"];
        args.extend_from_slice(window);
        args.extend_from_slice(&["--format", "json"]);
        let snap = ok(run_db(&db, &args));
        let sql = ok(crate::common::bin()
            .env("CHRONOGRAPH_NO_TIMELINE_SNAPSHOT", "1")
            .arg("--db")
            .arg(&db)
            .args(&args)
            .output()
            .unwrap());
        assert_eq!(snap, sql, "{args:?}");
    }
    let after = json(&db, &["timeline", "--format", "json"]);
    assert_ne!(before, after, "the later documents are in the answer");
    assert_eq!(after.as_array().unwrap().len(), 4, "{after}");
    // The snapshot can be replaced now but not its actor index: an actor's
    // timeline is the SQL path's, never the stale index's.
    std::fs::remove_dir(cache.join("timeline.tl")).unwrap();
    let args = ["timeline", "--actor", "Petrov", "--format", "json"];
    let snap = ok(run_db(&db, &args));
    let sql = ok(crate::common::bin()
        .env("CHRONOGRAPH_NO_TIMELINE_SNAPSHOT", "1")
        .arg("--db")
        .arg(&db)
        .args(args)
        .output()
        .unwrap());
    assert_eq!(snap, sql);
    assert_ne!(json(&db, &args), serde_json::json!([]));
}

#[test]
fn timeline_snapshot_prints_what_sql_prints() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    ok(run_db(
        &db,
        &["ingest", fixture("query/a-wire.json").to_str().unwrap()],
    ));
    let windows: &[&[&str]] = &[
        &[],
        &["--from", "2021-12"],
        &["--to", "2021-12-07"],
        &["--from", "2021-06", "--to", "2022-01-31"],
        &["--outlet", "example wire"],
        &["--as-of", "2021-12-05"],
        &["--kind", "call"],
        &["--claims", "--from", "2021"],
        &["--actor", "Ivan Petrov"],
        &[
            "--actor",
            "maria lopez",
            "--actor",
            "Petrov",
            "--from",
            "2021-12",
        ],
        &[
            "--actor",
            "Eastland",
            "--to",
            "2021-12-07",
            "--kind",
            "call",
        ],
    ];
    timeline_paths_agree(&db, windows);
    // A later ingest makes the snapshot stale: the next timeline rebuilds it.
    for f in ["b-post.json", "c-wire.json"] {
        ok(run_db(
            &db,
            &["ingest", fixture(&format!("query/{f}")).to_str().unwrap()],
        ));
    }
    timeline_paths_agree(&db, windows);
    let items = json(&db, &["timeline", "--format", "json"]);
    assert_eq!(items.as_array().unwrap().len(), 4, "{items}");

    let Some(shared) = crate::common::shared() else {
        eprintln!("skipped the development articles: no ../shared");
        return;
    };
    let dev = dir.path().join("dev.db");
    ok(run_db(
        &dev,
        &["ingest", shared.join("eval/news-dev").to_str().unwrap()],
    ));
    timeline_paths_agree(
        &dev,
        &[
            &[],
            &["--from", "2021-11", "--to", "2022-01-15"],
            &["--from", "2022-02-01"],
            &["--outlet", "CNN"],
            &["--as-of", "2021-12-31"],
            &["--actor", "Russia", "--from", "2021-11"],
            &["--actor", "Vladimir Putin", "--actor", "Joe Biden"],
        ],
    );
}
