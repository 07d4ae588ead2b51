//! The derived files of a database: built by `ingest` into one folder,
//! `DB.cache/`, and read (not rebuilt) by the first query afterwards.

use crate::common::{fixture, ok, run_db};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every derived file a store has once all queries ran on it.
const FILES: &[&str] = &[
    "timeline.tl",
    "timeline.tla",
    "events.span",
    "graph.adj",
    "conflicts.cfx",
    "claims.cbr",
];

fn cache(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".cache");
    PathBuf::from(s)
}

/// Name → (bytes, modification time) of every file in `DB.cache/`.
fn contents(db: &Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    std::fs::read_dir(cache(db))
        .map(|rd| {
            rd.map(|e| {
                let e = e.unwrap();
                let bytes = std::fs::read(e.path()).unwrap();
                let mtime = e.metadata().unwrap().modified().unwrap();
                (e.file_name().to_string_lossy().into_owned(), (bytes, mtime))
            })
            .collect()
        })
        .unwrap_or_default()
}

fn ingest(db: &Path, files: &[&str], extra: &[&str]) {
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|f| fixture(&format!("query/{f}")))
        .collect();
    let mut args = vec!["ingest"];
    args.extend_from_slice(extra);
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    ok(run_db(db, &args));
}

/// The commands that read each derived file, with their outputs.
fn queries(db: &Path) -> Vec<String> {
    let claim: i64 = {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row("SELECT min(id) FROM claims", [], |r| r.get(0))
            .unwrap()
    };
    let claim = claim.to_string();
    let runs: &[&[&str]] = &[
        &["timeline", "--format", "json"],
        &["timeline", "--from", "2021-12", "--format", "json"],
        &["timeline", "--actor", "Ivan Petrov", "--format", "json"],
        &["conflicts", "--summary", "--format", "json"],
        &["neighbors", "Ivan Petrov", "--format", "json"],
        &["sources", &claim, "--format", "json"],
    ];
    runs.iter().map(|args| ok(run_db(db, args))).collect()
}

#[test]
fn ingest_builds_every_derived_file_in_one_folder_that_queries_then_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    // A file of the layout before the cache folder is stale junk now.
    std::fs::write(dir.path().join("q.db.tl"), b"old layout").unwrap();
    ingest(&db, &["a-wire.json", "b-post.json", "c-wire.json"], &[]);
    let built = contents(&db);
    for f in FILES {
        assert!(
            built.contains_key(*f),
            "{f} built by ingest: {:?}",
            built.keys()
        );
    }
    let ignore = String::from_utf8(built[".gitignore"].0.clone()).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    assert!(!dir.path().join("q.db.tl").exists(), "old layout removed");
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "q.db" && n != "q.db.cache" && !n.starts_with("q.db-"))
        .collect();
    assert!(
        beside.is_empty(),
        "nothing else beside the database: {beside:?}"
    );

    // The first queries find every file current: none is rewritten.
    let answers = queries(&db);
    assert_eq!(contents(&db), built, "the first queries rebuilt nothing");

    // The same answers as a store whose files are built by those queries.
    let lazy = dir.path().join("lazy.db");
    ingest(
        &lazy,
        &["a-wire.json", "b-post.json", "c-wire.json"],
        &["--no-cache"],
    );
    assert!(!cache(&lazy).exists(), "--no-cache builds nothing");
    assert_eq!(queries(&lazy), answers);
    let lazy_built = contents(&lazy);
    for f in FILES {
        assert!(lazy_built.contains_key(*f), "{f} built by a query");
    }
}

#[test]
fn a_later_ingest_rebuilds_the_derived_files_for_the_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    ingest(&db, &["a-wire.json"], &[]);
    let before = contents(&db);
    ingest(&db, &["b-post.json", "c-wire.json"], &[]);
    let after = contents(&db);
    assert_ne!(before["timeline.tl"].0, after["timeline.tl"].0);
    // Read as they are, they answer as SQL does on the grown store.
    let snap = ok(run_db(&db, &["timeline", "--format", "json"]));
    let sql = ok(crate::common::bin()
        .env("CHRONOGRAPH_NO_TIMELINE_SNAPSHOT", "1")
        .arg("--db")
        .arg(&db)
        .args(["timeline", "--format", "json"])
        .output()
        .unwrap());
    assert_eq!(snap, sql);
    assert_eq!(contents(&db), after, "still current after the query");
    // Deleting the folder is safe: the next query builds what it needs.
    std::fs::remove_dir_all(cache(&db)).unwrap();
    assert_eq!(ok(run_db(&db, &["timeline", "--format", "json"])), sql);
    assert!(cache(&db).join("timeline.tl").exists());
}
