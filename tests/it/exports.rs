//! Integration tests: each graph export loaded by the tool it is for (Kuzu,
//! networkx, Graphviz, Datasette; skipped with a note where the tool is not
//! installed, `.ci/run` installs them), output safety of the row and page
//! formats on hostile text, completions, man pages and `ingest --help`.

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::query_store as loaded;

/// A temporary database holding the hostile-text fixture.
fn hostile() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db");
    let f = fixture("exports/hostile.json");
    ok(run_db(&db, &["ingest", f.to_str().unwrap()]));
    (dir, db)
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(run_db(db, args))).expect("valid JSON")
}

/// Whether `python3` can import every one of `modules`; prints a skip note
/// when it cannot.
fn python_has(modules: &[&str], test: &str) -> bool {
    let code = modules
        .iter()
        .map(|m| format!("import {m}"))
        .collect::<Vec<_>>()
        .join("; ");
    let found = Command::new("python3")
        .args(["-c", &code])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped {test}: python3 with {modules:?} not installed (.ci/run installs it)");
    }
    found
}

/// Runs a Python script with arguments; panics with its stderr on failure.
fn python(script: &str, args: &[&Path]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Node and edge counts of the JSON export, the reference for every loader.
fn counts(db: &Path) -> (usize, usize) {
    let g = json(db, &["export", "--graph", "json"]);
    (
        g["nodes"].as_array().unwrap().len(),
        g["edges"].as_array().unwrap().len(),
    )
}

#[test]
fn json_export_has_typed_values() {
    let (_d, db) = loaded();
    let g = json(&db, &["export", "--graph", "json"]);
    let nodes = g["nodes"].as_array().unwrap();
    let claim = nodes
        .iter()
        .find(|n| n["label"] == "Claim" && n["props"]["unit"] == "troops")
        .unwrap();
    assert!(claim["props"]["value"].is_f64(), "{claim}");
    let via = g["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["label"] == "VIA")
        .unwrap();
    assert!(via["props"]["position"].is_u64(), "{via}");
}

#[test]
fn cypher_loads_into_kuzu_twice_with_typed_values() {
    let (d, db) = loaded();
    let cy = ok(run_db(
        &db,
        &["export", "--graph", "cypher", "--dialect", "kuzu"],
    ));
    assert!(cy.starts_with("CREATE NODE TABLE IF NOT EXISTS `Actor`("));
    assert!(cy.contains("`value` DOUBLE") && cy.contains("`published` DATE"));
    assert!(!cy.contains("CREATE (n"), "MERGE only, never a bare CREATE");
    if !python_has(&["kuzu"], "cypher_loads_into_kuzu") {
        return;
    }
    let file = d.path().join("g.cypher");
    std::fs::write(&file, &cy).unwrap();
    let kdb = d.path().join("graph.kuzu");
    // The file runs twice: MERGE on the stable ids must not duplicate.
    let script = r#"
import sys, kuzu
db = kuzu.Database(sys.argv[2]); c = kuzu.Connection(db)
text = open(sys.argv[1]).read()
for _ in range(2):
    c.execute(text)
    n = c.execute("MATCH (n) RETURN count(*)").get_next()[0]
    e = c.execute("MATCH ()-[r]->() RETURN count(*)").get_next()[0]
    print(n, e)
r = c.execute("MATCH (a:Actor)-[:CLAIMED]->(c:Claim) WHERE c.unit = 'troops' AND c.value IS NOT NULL "
              "RETURN a.name, c.value ORDER BY c.value DESC")
while r.has_next():
    name, value = r.get_next()
    assert isinstance(value, float), value
    print(name, value)
r = c.execute("MATCH (d:Document) RETURN d.published ORDER BY d.published LIMIT 1")
print(type(r.get_next()[0]).__name__)
"#;
    let out = python(script, &[&file, &kdb]);
    let lines: Vec<&str> = out.lines().collect();
    let (n, e) = counts(&db);
    assert_eq!(lines[0], format!("{n} {e}"), "{out}");
    assert_eq!(lines[1], lines[0], "a second load changes nothing: {out}");
    // Claims about troops, largest figure first: numbers, not text
    // ("90000" would sort above "175000" as text).
    let figures: Vec<f64> = lines[2..lines.len() - 1]
        .iter()
        .map(|l| l.rsplit(' ').next().unwrap().parse().unwrap())
        .collect();
    assert!(figures.len() >= 2, "{out}");
    assert!(figures.windows(2).all(|w| w[0] >= w[1]), "{out}");
    assert_eq!(*lines.last().unwrap(), "date");
}

#[test]
fn cypher_for_neo4j_has_constraints_and_the_same_batches() {
    let (_d, db) = loaded();
    let neo = ok(run_db(&db, &["export", "--graph", "cypher"]));
    let kuzu = ok(run_db(
        &db,
        &["export", "--graph", "cypher", "--dialect", "kuzu"],
    ));
    assert!(neo.starts_with(
        "CREATE CONSTRAINT `chronograph_actor_id` IF NOT EXISTS FOR (n:`Actor`) REQUIRE n.`id` IS UNIQUE;"
    ));
    assert!(!neo.contains("NODE TABLE") && !neo.contains("CAST("));
    let merges = |s: &str| s.matches("\nMERGE (").count();
    assert_eq!(merges(&neo), merges(&kuzu));
    assert!(neo.contains("MERGE (a)-[r:`SUPPORTS` {`id`: row.`id`}]->(b)"));
}

#[test]
fn neo4j_bulk_import_files() {
    let (d, db) = loaded();
    let dir = d.path().join("neo4j");
    let listed = ok(run_db(
        &db,
        &[
            "export",
            "--graph",
            "neo4j-csv",
            "--out",
            dir.to_str().unwrap(),
        ],
    ));
    assert!(listed.lines().any(|l| l.ends_with("import.sh")));
    let g = json(&db, &["export", "--graph", "json"]);
    for label in ["Actor", "Document", "Event", "Claim"] {
        let text = std::fs::read_to_string(dir.join(format!("nodes-{label}.csv"))).unwrap();
        let head = text.lines().next().unwrap();
        assert!(head.starts_with("id:ID,name,") && head.ends_with(",:LABEL"));
        let want = g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["label"] == label)
            .count();
        // Every node is one record; records end with a label column.
        let records = text.matches(&format!(",{label}\n")).count();
        assert_eq!(records, want, "{label}");
    }
    let claims = std::fs::read_to_string(dir.join("nodes-Claim.csv")).unwrap();
    assert!(claims.lines().next().unwrap().contains(",value:double,"));
    let rels = std::fs::read_to_string(dir.join("rels-relations.csv")).unwrap();
    assert!(rels.starts_with(":START_ID,:END_ID,id,kind,"));
    assert!(rels.contains(",SUPPORTS\n"));
    let import = std::fs::read_to_string(dir.join("import.sh")).unwrap();
    assert!(import.contains("neo4j-admin database import full"));
    assert!(
        import.contains("--nodes=nodes-Actor.csv")
            && import.contains("--relationships=rels-VIA.csv")
    );
    let refused = run_db(&db, &["export", "--graph", "neo4j-csv"]);
    assert_eq!(refused.status.code(), Some(2), "--out is required");
}

#[test]
fn graphml_reads_in_networkx_with_types() {
    let (d, db) = loaded();
    let gml = ok(run_db(&db, &["export", "--graph", "graphml"]));
    assert!(gml.contains("attr.name=\"value\" attr.type=\"double\""));
    assert!(gml.contains("attr.name=\"position\" attr.type=\"long\""));
    if !python_has(&["networkx"], "graphml_reads_in_networkx") {
        return;
    }
    let file = d.path().join("g.graphml");
    std::fs::write(&file, &gml).unwrap();
    let script = r#"
import sys, datetime, networkx as nx
g = nx.read_graphml(sys.argv[1])
print(g.number_of_nodes(), g.number_of_edges())
values = [d["value"] for _, d in g.nodes(data=True) if d.get("type") == "Claim" and "value" in d]
assert values and all(isinstance(v, float) for v in values), values
positions = [d["position"] for _, _, d in g.edges(data=True) if d.get("label") == "VIA"]
assert positions and all(isinstance(p, int) for p in positions), positions
days = [d["published"] for _, d in g.nodes(data=True) if d.get("type") == "Document"]
assert days and all(datetime.date.fromisoformat(x) for x in days), days
print("ok")
"#;
    let out = python(script, &[&file]);
    let (n, e) = counts(&db);
    assert_eq!(out, format!("{n} {e}\nok\n"));
}

#[test]
fn dot_shows_actors_and_collapsed_relations_and_renders() {
    let (d, db) = loaded();
    let dot = ok(run_db(&db, &["export", "--graph", "dot"]));
    assert!(dot.starts_with("digraph actors {"), "{dot}");
    assert!(!dot.contains("\"event:") && !dot.contains("\"claim:"));
    assert!(dot.contains("label=\"Westland\""), "{dot}");
    assert!(dot.contains("[label=\"supports"), "{dot}");
    let near = ok(run_db(
        &db,
        &[
            "export", "--graph", "dot", "--around", "Westland", "--hops", "1",
        ],
    ));
    assert!(near.lines().count() <= dot.lines().count());
    assert!(
        near.contains("penwidth=2.5"),
        "the centre stands out: {near}"
    );
    let full = ok(run_db(&db, &["export", "--graph", "dot-full"]));
    assert!(full.contains("\"actor:1\" -> \"event:1\" [label=\"PARTICIPATED_IN (participant)\"];"));
    if !Path::new("/usr/bin/dot").exists() {
        eprintln!("skipped rendering: graphviz not installed (.ci/run installs it)");
        return;
    }
    for (name, text) in [("all.dot", &dot), ("near.dot", &near)] {
        let file = d.path().join(name);
        std::fs::write(&file, text).unwrap();
        let out = Command::new("/usr/bin/dot")
            .arg("-Tsvg")
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let svg = String::from_utf8(out.stdout).unwrap();
        // The drawing is scaled to at most 30 x 30 inches (2160 pt).
        let size = |attr: &str| -> f64 {
            let at = svg.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2;
            svg[at..].split("pt").next().unwrap().parse().unwrap()
        };
        assert!(
            size("width") <= 2160.5 && size("height") <= 2160.5,
            "{name}"
        );
        assert!(svg.contains("Westland"));
    }
}

#[test]
fn datasette_finds_the_full_text_tables() {
    let (_d, db) = loaded();
    let sql = |q: &str| -> String {
        let out = Command::new("python3")
            .args(["-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])"])
            .arg(&db)
            .arg(q)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    // What Datasette's detection looks for (datasette.utils.detect_fts_sql).
    let fts = sql(
        "SELECT group_concat(name) FROM sqlite_master WHERE rootpage = 0 \
         AND (sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"claims\"%' \
           OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"events\"%')",
    );
    if !fts.is_empty() {
        assert_eq!(fts, "claims_fts,events_fts");
    }
    let hits = json(&db, &["claims", "--about", "troops", "--format", "json"]);
    let want = hits.as_array().unwrap().len();
    assert!(want >= 2);
    if !python_has(&["datasette"], "datasette_finds_the_full_text_tables") {
        return;
    }
    let script = r#"
import sys, asyncio
from datasette.app import Datasette
async def main():
    ds = Datasette([sys.argv[1]])
    for table, q in (("claims", "troops"), ("events", "summit")):
        r = await ds.client.get(f"/q/{table}.json?_search={q}&_shape=array")
        assert r.status_code == 200, r.text
        print(table, len(r.json()))
    r = await ds.client.get("/q/claims.json?_shape=array&_size=max")
    print("all", len(r.json()))
asyncio.run(main())
"#;
    let out = python(script, &[&db]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("claims {want}"), "{out}");
    let events: usize = lines[1].strip_prefix("events ").unwrap().parse().unwrap();
    assert!(events >= 1, "{out}");
    let all: usize = lines[2].strip_prefix("all ").unwrap().parse().unwrap();
    assert!(all > want, "the search filtered: {out}");
}

#[test]
fn html_links_only_web_urls_and_allows_only_its_own_script() {
    let (_d, db) = hostile();
    let page = ok(run_db(&db, &["timeline", "--claims", "--format", "html"]));
    assert!(!page.contains("href=\"javascript:"), "{page}");
    assert!(!page.contains("<a href"), "no link for a javascript: URL");
    assert!(!page.contains("<script>alert") && !page.contains("<img src=x"));
    assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
    let csp_at = page.find("Content-Security-Policy").unwrap();
    let csp = &page[csp_at..page[csp_at..].find('>').unwrap() + csp_at];
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("script-src 'sha256-"), "{csp}");
    assert_eq!(
        page.matches("<script>").count(),
        1,
        "only the page's own script"
    );
    let (_d2, good) = loaded();
    let page = ok(run_db(&good, &["timeline", "--claims", "--format", "html"]));
    assert!(page.contains("<a href=\"https://example.org/post/1\">"));
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let (_d, db) = hostile();
    for args in [
        &["claims", "--format", "csv"][..],
        &["timeline", "--claims", "--format", "csv"],
    ] {
        let csv = ok(run_db(&db, args));
        assert!(
            csv.contains("\"'@SUM(A1) the authority said"),
            "{args:?}: {csv}"
        );
        for line in csv.lines() {
            for cell in line.split(',') {
                let c = cell.trim_start_matches('"');
                assert!(!c.starts_with(['=', '@']), "{args:?}: {cell} in {line}");
            }
        }
    }
    let csv = ok(run_db(&db, &["claims", "--format", "csv"]));
    assert!(
        csv.contains("\"'=1+1 ships waited outside the harbour\""),
        "{csv}"
    );
    assert!(
        csv.contains("\"'-2+3 <b>cranes</b> [idle](javascript:alert(3))\""),
        "{csv}"
    );
}

#[test]
fn markdown_escapes_html_and_links() {
    let (_d, db) = hostile();
    for args in [
        &["claims", "--format", "md"][..],
        &["timeline", "--claims", "--format", "md"],
    ] {
        let md = ok(run_db(&db, args));
        assert!(!md.contains('<') && !md.contains('>'), "{args:?}: {md}");
        assert!(!md.contains("[idle]"), "{args:?}: {md}");
    }
    let md = ok(run_db(&db, &["timeline", "--format", "md"]));
    assert!(md.contains("&lt;img src=x onerror=alert(2)&gt;"), "{md}");
}

#[test]
fn completions_and_man_pages_build() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = ok(bin().args(["completions", shell]).output().unwrap());
        assert!(out.contains("chronograph"), "{shell}");
        assert!(out.contains("ingest") && out.contains("export"), "{shell}");
    }
    let bash = ok(bin().args(["completions", "bash"]).output().unwrap());
    assert!(bash.contains("neo4j-csv"), "value names are completed");
    let man = ok(bin().arg("man").output().unwrap());
    assert!(man.contains(".TH chronograph 1"), "{man}");
    let dir = tempfile::tempdir().unwrap();
    let listed = ok(bin()
        .args(["man", "--out"])
        .arg(dir.path())
        .output()
        .unwrap());
    let page = std::fs::read_to_string(dir.path().join("chronograph-ingest.1")).unwrap();
    assert!(page.contains("JSON Lines of articles"), "{page}");
    assert!(listed.lines().count() >= 15, "{listed}");
}

#[test]
fn ingest_help_lists_every_input_kind() {
    let help = ok(bin().args(["ingest", "--help"]).output().unwrap());
    for kind in [
        ".txt",
        ".md",
        "JSON Lines of articles",
        "interchange JSON",
        "JSON Lines of bundles",
        "directories",
        "standard input",
        "example articles",
    ] {
        assert!(help.contains(kind), "{kind} missing from ingest --help");
    }
}

#[test]
fn progress_is_quiet_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let input = dir.path().join("many.jsonl");
    let mut lines = String::new();
    for i in 0..1200 {
        lines.push_str(&format!(
            "{{\"document\": {{\"id\": \"p{i}\", \"publisher\": \"Test Wire\", \"published\": \"2022-02-0{}\"}}, \"actors\": [], \"claims\": []}}\n",
            i % 9 + 1
        ));
    }
    std::fs::write(&input, lines).unwrap();
    let out = run_db(&db, &["ingest", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains('\r'), "{}", stderr(&out));
}

#[test]
fn gitignore_covers_every_derived_file() {
    let ignore = std::fs::read_to_string(root().join(".gitignore")).unwrap();
    let patterns: Vec<&str> = ignore.lines().map(str::trim).collect();
    for p in [
        "*.db",
        "*.db-wal",
        "*.db-shm",
        "*.db.cache/",
        "*.adj",
        "*.cfx",
        "*.span",
        "*.tl",
        "*.tla",
        "*.cbr",
        "*.fts-*.tmp",
    ] {
        assert!(patterns.contains(&p), "{p} missing from .gitignore");
    }
}
