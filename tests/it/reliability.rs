//! Integration tests: nothing lost, nothing crashes. Articles the extractor
//! cannot handle are skipped alone, concurrent writers queue, readers
//! answer during a write, left-overs of killed runs are cleaned up, output
//! that once broke (truncated texts, huge sentences, reversed ranges, parts
//! of weeks) ingests, and a killed bulk load leaves a whole database.

use crate::common::{bin, ok, root, run_db, stderr};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// An article of our own, numbered so that every one is a distinct document.
fn article(i: usize) -> String {
    format!(
        "Title: Border report {i}\nOutlet: Test Wire\nDate: 2024-03-{:02}\n\n\
         Officials in Lakeside said on Monday that {} soldiers had moved toward the river crossing. \
         \"We are watching every unit,\" Defence Minister Ana Petrova told reporters in report {i}. \
         The ministry estimated that {} vehicles were parked near the crossing.\n",
        i % 28 + 1,
        1000 + 100 * i,
        20 + i
    )
}

/// `n` articles written to `dir` as `NNN.txt`.
fn articles(dir: &Path, range: std::ops::Range<usize>) {
    std::fs::create_dir_all(dir).unwrap();
    for i in range {
        std::fs::write(dir.join(format!("{i:03}.txt")), article(i)).unwrap();
    }
}

fn stats(db: &Path) -> Value {
    serde_json::from_str(&ok(run_db(db, &["stats", "--format", "json"]))).unwrap()
}

/// Counts that must agree between two databases holding the same documents.
fn totals(db: &Path) -> Vec<i64> {
    let s = stats(db);
    ["documents", "claims", "events", "relations", "timexes"]
        .iter()
        .map(|k| s[*k].as_i64().unwrap())
        .collect()
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn no_panic_text(out: &Output) {
    let e = stderr(out);
    assert!(
        !e.contains("panicked") && !e.contains("RUST_BACKTRACE") && !e.contains("stack backtrace"),
        "{e}"
    );
}

#[test]
fn an_article_the_extractor_fails_on_is_skipped_and_the_others_stored() {
    let dir = tempfile::tempdir().unwrap();
    let arts = dir.path().join("arts");
    articles(&arts, 0..4);
    std::fs::write(
        arts.join("bad.txt"),
        "Date: 2024-03-02\n\nThe word xylophone makes the extractor fail here.\n",
    )
    .unwrap();
    for how in ["panic", "invalid"] {
        let db = dir.path().join(format!("{how}.db"));
        let out = bin()
            .env("CHRONOGRAPH_FAIL_ON", format!("{how}:xylophone"))
            .arg("--db")
            .arg(&db)
            .args(["ingest", arts.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{how}: {}", stderr(&out));
        no_panic_text(&out);
        let report = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            report.contains("skipped") && report.contains("bad.txt"),
            "{how}: {report}"
        );
        assert!(report.contains("4 added"), "{how}: {report}");
        assert!(stderr(&out).contains("1 document"), "{}", stderr(&out));
        assert_eq!(stats(&db)["documents"], 4);

        // --strict keeps all-or-nothing: refused, nothing written or left.
        let strict = dir.path().join(format!("{how}-strict.db"));
        let out = bin()
            .env("CHRONOGRAPH_FAIL_ON", format!("{how}:xylophone"))
            .arg("--db")
            .arg(&strict)
            .args(["ingest", "--strict", arts.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        no_panic_text(&out);
        assert!(stderr(&out).contains("bad.txt"), "{}", stderr(&out));
        assert!(!strict.exists(), "--strict left a database behind");
    }
}

#[test]
fn a_panic_outside_the_isolated_path_is_an_internal_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "Date: 2024-03-02\n\nThe xylophone text.\n").unwrap();
    // `extract` prints as it goes and has no per-document isolation: the
    // panic reaches main, which names it as a bug, without Rust's text.
    let out = bin()
        .env("CHRONOGRAPH_FAIL_ON", "panic:xylophone")
        .env("RUST_BACKTRACE", "1")
        .args(["extract"])
        .arg(&f)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(70), "{}", stderr(&out));
    no_panic_text(&out);
    let e = stderr(&out);
    assert!(
        e.contains("internal error") && e.contains("please report") && e.contains("`extract`"),
        "{e}"
    );
}

#[test]
fn two_ingests_creating_one_database_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    articles(&a, 0..12);
    articles(&b, 12..24);
    let seq = dir.path().join("seq.db");
    ok(run_db(&seq, &["ingest", a.to_str().unwrap()]));
    ok(run_db(&seq, &["ingest", b.to_str().unwrap()]));
    let want = totals(&seq);
    assert_eq!(want[0], 24);
    for trial in 0..8 {
        let db = dir.path().join(format!("new-{trial}.db"));
        let start = |input: &Path| {
            bin()
                .arg("--db")
                .arg(&db)
                .args(["ingest", input.to_str().unwrap()])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (pa, pb) = (start(&a), start(&b));
        for out in [
            pa.wait_with_output().unwrap(),
            pb.wait_with_output().unwrap(),
        ] {
            assert!(out.status.success(), "trial {trial}: {}", stderr(&out));
        }
        assert_eq!(totals(&db), want, "trial {trial}");
        assert_eq!(integrity(&db), "ok");
    }
}

#[test]
fn writers_queue_and_readers_answer_while_they_write() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    articles(&a, 100..130);
    articles(&b, 130..160);
    let seed = dir.path().join("seed");
    articles(&seed, 0..1);
    let seq = dir.path().join("seq.db");
    for input in [&seed, &a, &b] {
        ok(run_db(&seq, &["ingest", input.to_str().unwrap()]));
    }
    let want = totals(&seq);
    for trial in 0..10 {
        let db = dir.path().join(format!("q-{trial}.db"));
        ok(run_db(&db, &["ingest", seed.to_str().unwrap()]));
        let start = |args: &[&str]| {
            bin()
                .arg("--db")
                .arg(&db)
                .args(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let wa = start(&["ingest", a.to_str().unwrap()]);
        let wb = start(&["ingest", b.to_str().unwrap()]);
        // Readers of every kind while both write.
        for (k, q) in [
            &["stats", "--format", "json"][..],
            &["claims", "--format", "json"],
            &["timeline", "--format", "json"],
            &["conflicts", "--format", "json"],
        ]
        .iter()
        .cycle()
        .take(8)
        .enumerate()
        {
            let out = start(q).wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "trial {trial}, reader {k} {q:?}: {}",
                stderr(&out)
            );
        }
        for out in [
            wa.wait_with_output().unwrap(),
            wb.wait_with_output().unwrap(),
        ] {
            assert!(out.status.success(), "trial {trial}: {}", stderr(&out));
        }
        assert_eq!(totals(&db), want, "trial {trial}");
    }
}

#[test]
fn directories_read_bundles_and_name_what_they_skip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("mixed");
    articles(&d, 0..2);
    let bundle = ok(bin()
        .args(["extract", "--format", "json"])
        .arg(root().join("examples/2024-03-07-herald-call.txt"))
        .output()
        .unwrap());
    std::fs::write(d.join("call.json"), bundle).unwrap();
    std::fs::write(d.join("notes.rtf"), "not an article").unwrap();
    let db = dir.path().join("g.db");
    let out = run_db(&db, &["ingest", "--format", "json", d.to_str().unwrap()]);
    let v: Value = serde_json::from_str(&ok(out)).unwrap();
    assert_eq!(v["added"], 3, "{v}");
    let files: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["file"].as_str().unwrap())
        .collect();
    assert!(files.iter().any(|f| f.ends_with("call.json")), "{files:?}");
    assert!(files.iter().any(|f| f.ends_with("000.txt")), "{files:?}");
    let not_read = v["not_read"].as_array().unwrap();
    assert_eq!(not_read.len(), 1, "{v}");
    assert!(not_read[0]["file"].as_str().unwrap().ends_with("notes.rtf"));

    // An empty file is refused wherever it comes from, naming it, with the
    // database unchanged; with --published too.
    std::fs::write(d.join("empty.txt"), "").unwrap();
    let before = totals(&db);
    for args in [
        vec!["ingest", d.to_str().unwrap()],
        vec!["ingest", "--published", "2024-03-01", d.to_str().unwrap()],
    ] {
        let out = run_db(&db, &args);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("empty.txt"), "{}", stderr(&out));
        assert!(stderr(&out).contains("g.db"), "{}", stderr(&out));
    }
    let e = d.join("empty.txt");
    let out = run_db(
        &db,
        &["ingest", "--published", "2024-03-01", e.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
    // A header and no text is no article either (a title is text: it is
    // read as the headline).
    std::fs::write(&e, "Outlet: Desk\nDate: 2024-03-01\n\n").unwrap();
    let out = run_db(&db, &["ingest", e.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(totals(&db), before);
}

#[test]
fn side_files_of_a_killed_run_are_removed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let arts = dir.path().join("a");
    articles(&arts, 0..2);
    // A process id that is surely gone: a child that has exited.
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = dir.path().join(format!("g.db.fts-{dead}-12345.tmp"));
    std::fs::write(&stale, vec![0u8; 4096]).unwrap();
    // Ours, alive: left alone.
    let live = dir
        .path()
        .join(format!("g.db.fts-{}-1.tmp", std::process::id()));
    std::fs::write(&live, b"x").unwrap();
    ok(run_db(&db, &["ingest", arts.to_str().unwrap()]));
    assert!(!stale.exists(), "stale side file kept");
    assert!(live.exists(), "a live process's file was removed");
}

/// Exit code, peak memory (KiB) and CPU time of one run of the binary, read from the
/// kernel's accounting of that child alone.
#[cfg(target_os = "linux")]
fn measured(args: &[&std::ffi::OsStr]) -> (i32, i64, std::time::Duration) {
    // Waited for below with wait4, which also gives this child's usage.
    #[allow(clippy::zombie_processes)]
    let child = bin()
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: rusage is plain data, and the pid is our own unwaited child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert!(pid > 0);
    let cpu = |t: libc::timeval| {
        std::time::Duration::from_secs(t.tv_sec as u64)
            + std::time::Duration::from_micros(t.tv_usec as u64)
    };
    (
        libc::WEXITSTATUS(status),
        usage.ru_maxrss,
        cpu(usage.ru_utime) + cpu(usage.ru_stime),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn a_one_megabyte_article_of_any_shape_stays_linear() {
    use std::ffi::OsStr;
    let dir = tempfile::tempdir().unwrap();
    const MB: usize = 1 << 20;
    let repeat = |unit: &str| unit.repeat(MB / unit.len() + 1)[..MB].to_owned();
    let shapes = [
        (
            "no-punctuation",
            repeat("officials said troops moved near the border on monday "),
        ),
        ("one-word", repeat("said ")),
        ("all-quotes", repeat("\"")),
        ("quotes-and-spaces", repeat("\" ")),
        ("all-digits", repeat("7")),
        ("numbers", repeat("95,000 ")),
        ("symbols", repeat(",;:()[]-")),
    ];
    // Not a speed test (speed lives in benches/): the CPU seconds the child
    // itself used, which other work on the machine does not inflate, with
    // room for a debug build's slower code but not for quadratic growth,
    // which takes many minutes at this size.
    let limit = if cfg!(debug_assertions) { 120.0 } else { 20.0 };
    for (name, text) in shapes {
        let f = dir.path().join(format!("{name}.txt"));
        std::fs::write(&f, format!("Date: 2024-03-01\n\n{text}\n")).unwrap();
        let db = dir.path().join(format!("{name}.db"));
        for cmd in [
            vec![OsStr::new("extract"), f.as_os_str()],
            vec![
                OsStr::new("--db"),
                db.as_os_str(),
                OsStr::new("ingest"),
                f.as_os_str(),
            ],
        ] {
            let (code, kib, took) = measured(&cmd);
            assert_eq!(code, 0, "{name} {cmd:?}");
            assert!(kib < 100 * 1024, "{name} {cmd:?}: {kib} KiB");
            assert!(
                took.as_secs_f64() < limit,
                "{name} {cmd:?}: {took:?} of CPU (limit {limit} s)"
            );
        }
        let size = std::fs::metadata(&db).unwrap().len();
        assert!(size < 40 * MB as u64, "{name}: database of {size} bytes");
    }
}

#[test]
fn reproducers_of_the_sweep_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        // A feed cut after a reporting cue and a preposition.
        ("truncated", "Officials claimed on"),
        // Bounds in the reverse order of size.
        (
            "reversed-range",
            "Officials said between 1.2 million and 900,000 people had left the region.",
        ),
        // Parts of weeks.
        (
            "weeks",
            "The talks end later this week. A vote comes at the end of this week, after \
             protests late last week; a deal may come in the middle of next week or early next week.",
        ),
    ];
    for (name, text) in cases {
        let f = dir.path().join(format!("{name}.txt"));
        std::fs::write(&f, format!("Date: 2021-12-01\n\n{text}\n")).unwrap();
        let db = dir.path().join(format!("{name}.db"));
        let out = run_db(&db, &["ingest", f.to_str().unwrap()]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        no_panic_text(&out);
    }
    let claims: Value = serde_json::from_str(&ok(run_db(
        &dir.path().join("reversed-range.db"),
        &["claims", "--format", "json"],
    )))
    .unwrap();
    let q = &claims[0]["quantity"];
    assert_eq!(
        (q["lower"].as_f64(), q["upper"].as_f64()),
        (Some(900000.0), Some(1200000.0)),
        "{claims}"
    );

    // Every part of a week lies inside that week (2021-12-01 is a Wednesday
    // of 2021-W48, Monday 11-29 to Sunday 12-05).
    let f = dir.path().join("weeks.txt");
    let out = ok(bin()
        .args(["timex", "--dct", "2021-12-01", "--format", "jsonl"])
        .arg(&f)
        .output()
        .unwrap());
    let want = [
        ("later this week", "2021-12-03", "2021-12-05"),
        ("the end of this week", "2021-12-03", "2021-12-05"),
        ("late last week", "2021-11-26", "2021-11-28"),
        ("the middle of next week", "2021-12-08", "2021-12-09"),
        ("early next week", "2021-12-06", "2021-12-07"),
    ];
    for (text, begin, until) in want {
        let t: Value = out
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .find(|t| {
                t["text"]
                    .as_str()
                    .is_some_and(|x| x.eq_ignore_ascii_case(text))
            })
            .unwrap_or_else(|| panic!("{text:?} not tagged in {out}"));
        assert_eq!(
            (t["begin"].as_str(), t["until"].as_str()),
            (Some(begin), Some(until)),
            "{text}: {t}"
        );
    }
}

#[test]
fn a_bulk_load_killed_anywhere_leaves_a_whole_database() {
    let dir = tempfile::tempdir().unwrap();
    // Enough documents for the bulk path (indexes dropped and rebuilt, FTS
    // built beside the file), as interchange JSON Lines.
    let arts = dir.path().join("arts");
    articles(&arts, 0..1);
    let one = ok(bin()
        .args(["extract", "--format", "json"])
        .arg(arts.join("000.txt"))
        .output()
        .unwrap());
    let b: Value = serde_json::from_str(one.trim()).unwrap();
    let lines: String = (0..600)
        .map(|i| {
            let mut x = b.clone();
            x["document"]["id"] = format!("kill-{i}").into();
            x.to_string() + "\n"
        })
        .collect();
    let f = dir.path().join("many.jsonl");
    std::fs::write(&f, lines).unwrap();
    let clean = dir.path().join("clean.db");
    ok(run_db(&clean, &["ingest", f.to_str().unwrap()]));
    let want = totals(&clean);
    assert_eq!(want[0], 600);
    let took = {
        let db = dir.path().join("timing.db");
        let t = std::time::Instant::now();
        ok(run_db(&db, &["ingest", f.to_str().unwrap()]));
        t.elapsed()
    };
    // Kill points spread over the run, from a fixed seed.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for trial in 0..6 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let at = took.mul_f64((x % 1000) as f64 / 1000.0);
        let db = dir.path().join(format!("k-{trial}.db"));
        let mut child = bin()
            .arg("--db")
            .arg(&db)
            .args(["ingest", f.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(at);
        let _ = child.kill();
        let _ = child.wait();
        if db.exists() && std::fs::metadata(&db).unwrap().len() > 0 {
            assert_eq!(integrity(&db), "ok", "trial {trial} killed at {at:?}");
            let docs = stats(&db)["documents"].as_i64().unwrap();
            assert!(docs == 0 || docs == 600, "partial load: {docs} documents");
        }
        ok(run_db(&db, &["ingest", f.to_str().unwrap()]));
        assert_eq!(totals(&db), want, "trial {trial} killed at {at:?}");
        assert_eq!(integrity(&db), "ok");
        let left: Vec<PathBuf> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(&format!("k-{trial}.db.fts-")))
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
    }
}

#[test]
fn json_to_a_closed_pipe_is_the_end_of_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let arts = dir.path().join("a");
    articles(&arts, 0..150);
    ok(run_db(&db, &["ingest", arts.to_str().unwrap()]));
    for args in [
        &["export", "--graph", "json"][..],
        &["export", "--timeline", "timelinejs"],
        &["claims", "--format", "json"],
        &["timeline", "--format", "json"],
    ] {
        let mut child = bin()
            .arg("--db")
            .arg(&db)
            .arg("--pretty")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn search_text_is_words_unless_fts_syntax_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let arts = dir.path().join("a");
    articles(&arts, 0..3);
    ok(run_db(&db, &["ingest", arts.to_str().unwrap()]));
    let found = ok(run_db(
        &db,
        &["claims", "--format", "json", "--about", "soldiers("],
    ));
    let v: Value = serde_json::from_str(&found).unwrap();
    assert!(!v.as_array().unwrap().is_empty(), "{found}");
    let out = run_db(&db, &["claims", "--fts", "--about", "soldiers("]);
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert!(
        e.contains("not a valid FTS5 query") && e.contains("--fts"),
        "{e}"
    );
    let out = run_db(&db, &["claims", "--fts", "--about", "soldier*"]);
    assert!(out.status.success(), "{}", stderr(&out));
}
