//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `chronograph` binary cargo built for these tests.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronograph"))
}

/// Runs `chronograph --db DB ARGS...` and returns its output.
pub fn run_db(db: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run chronograph")
}

/// The project root (for `examples/`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the project, when it is there (it is not on every machine).
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.is_dir().then_some(p)
}

/// Stdout as text; panics with stderr when the command failed.
pub fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "chronograph failed ({:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// A fixture file under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// Everything on disk that makes up a SQLite database (the file and its WAL,
/// when one is left), to compare a database before and after a command.
pub fn snapshot(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap_or_default();
    let wal = db.with_extension("db-wal");
    bytes.extend(std::fs::read(wal).unwrap_or_default());
    bytes
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A temporary database with the three query fixtures ingested.
pub fn query_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let files: Vec<std::path::PathBuf> = ["a-wire.json", "b-post.json", "c-wire.json"]
        .iter()
        .map(|f| fixture(&format!("query/{f}")))
        .collect();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    ok(run_db(&db, &args));
    (dir, db)
}
