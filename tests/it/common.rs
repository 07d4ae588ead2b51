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
    bin().arg("--db").arg(db).args(args).output().expect("run chronograph")
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
