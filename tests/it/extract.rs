//! Integration tests: extract (the `extract` command on our examples and,
//! when `../shared` is present, on the seed article), plus a property test
//! of the library on arbitrary text.

use crate::common::{bin, ok, root, shared};
use chrono::NaiveDate;
use chronograph::extract::{Article, extract};
use proptest::prelude::*;
use serde_json::Value;
use std::io::Write;
use std::process::Stdio;

fn bundles(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn actor_name<'a>(b: &'a Value, id: &str) -> &'a str {
    b["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .map(|a| a["name"].as_str().unwrap())
        .unwrap_or("?")
}

fn example(name: &str) -> String {
    root()
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn examples_give_chains_figures_dates_and_relations() {
    let out = ok(bin()
        .args(["extract", "--format", "json"])
        .arg(root().join("examples"))
        .output()
        .unwrap());
    let all = bundles(&out);
    assert!(all.len() >= 4, "one bundle per example article");
    let gazette = all
        .iter()
        .find(|b| {
            b["document"]["publisher"]
                .as_str()
                .unwrap()
                .contains("Gazette")
        })
        .unwrap();
    // "The Associated Press quoted an unnamed NATO official as saying ...": official via AP.
    let chained = gazette["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["evidence"]["rule"] == "attr_quoted_as_saying")
        .unwrap();
    assert!(actor_name(gazette, chained["claimant"].as_str().unwrap()).contains("official"));
    let via: Vec<&str> = chained["via"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| actor_name(gazette, v.as_str().unwrap()))
        .collect();
    assert_eq!(via, vec!["Associated Press"]);
    // The next sentence ("It quoted other officials") extends the chain.
    assert!(
        gazette["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["evidence"]["rule"] == "attr_chain_extended")
    );
    // Troop figures from different sources share a normalised subject.
    let mut subjects = Vec::new();
    for b in &all {
        for c in b["claims"].as_array().unwrap() {
            if let Some(s) = c["subject"].as_str() {
                if s.starts_with("russian troops") {
                    subjects.push((
                        c["quantity"]["value"].as_f64(),
                        actor_name(b, c["claimant"].as_str().unwrap()).to_owned(),
                    ));
                }
            }
        }
    }
    assert!(
        subjects.iter().any(|(v, _)| *v == Some(12_000.0)),
        "{subjects:?}"
    );
    assert!(
        subjects.iter().any(|(v, _)| *v == Some(5_000.0)),
        "{subjects:?}"
    );
    // A dated future meeting, a denial and a relation.
    assert!(
        gazette["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "meeting" && e["time"]["value"] == "2024-03-18")
    );
    let wire = all
        .iter()
        .find(|b| {
            b["document"]["publisher"]
                .as_str()
                .unwrap()
                .contains("Wire")
        })
        .unwrap();
    assert!(
        wire["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["polarity"] == "deny")
    );
    assert!(
        wire["relations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["kind"] == "supports"
                && actor_name(wire, r["source"].as_str().unwrap()) == "Romania"
                && actor_name(wire, r["target"].as_str().unwrap()) == "Moldova")
    );
}

#[test]
fn flags_override_the_header_and_offsets_point_into_the_file() {
    let file = example("2024-03-04-wire-moldova-border.txt");
    let out = ok(bin()
        .args([
            "extract",
            "--publisher",
            "Other Desk",
            "--published",
            "2024-03-10",
            &file,
        ])
        .output()
        .unwrap());
    let b = &bundles(&out)[0];
    assert_eq!(b["document"]["publisher"], "Other Desk");
    assert_eq!(b["document"]["published"], "2024-03-10");
    let text = std::fs::read_to_string(&file).unwrap();
    for c in b["claims"].as_array().unwrap() {
        let (s, e) = (
            c["evidence"]["start"].as_u64().unwrap() as usize,
            c["evidence"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], c["evidence"]["text"].as_str().unwrap());
    }
}

#[test]
fn article_without_a_date_is_refused_unless_published_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(
        &p,
        "Title: No date\nOutlet: Desk\n\nThe minister said the talks would resume.",
    )
    .unwrap();
    let out = bin().arg("extract").arg(&p).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--published"));
    let out = ok(bin()
        .args(["extract", "--published", "2024-01-02"])
        .arg(&p)
        .output()
        .unwrap());
    assert_eq!(bundles(&out)[0]["document"]["published"], "2024-01-02");
}

#[test]
fn stdin_jsonl_and_table() {
    let mut child = bin()
        .args([
            "extract",
            "--published",
            "2024-02-01",
            "--format",
            "table",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Kremlin spokesman Dmitry Peskov denied that troops were moving.")
        .unwrap();
    let out = ok(child.wait_with_output().unwrap());
    assert!(
        out.contains("Dmitry Peskov") && out.contains("deny"),
        "{out}"
    );

    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.jsonl");
    std::fs::write(&p, "{\"title\":\"T\",\"outlet\":\"Desk\",\"date\":\"2024-02-01\",\"text\":\"Officials said 3,000 troops left.\"}\n").unwrap();
    let out = ok(bin().arg("extract").arg(&p).output().unwrap());
    let b = &bundles(&out)[0];
    assert_eq!(b["claims"][0]["quantity"]["value"], 3000.0);
}

#[test]
fn seed_article_when_shared_is_present() {
    let Some(shared) = shared() else {
        eprintln!("skipping: ../shared is not present");
        return;
    };
    let seed = shared.join("seeds/rferl-2021-12-04-biden-putin-video-call.txt");
    let out = ok(bin()
        .args([
            "extract",
            "--published",
            "2021-12-04",
            "--publisher",
            "RFE/RL",
        ])
        .arg(&seed)
        .output()
        .unwrap());
    let b = &bundles(&out)[0];
    let claims = b["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["quantity"]["value"] == 95000.0
        && actor_name(b, c["claimant"].as_str().unwrap()) == "Ukraine"));
    assert!(claims.iter().any(|c| {
        c["via"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| actor_name(b, v.as_str().unwrap()) == "Reuters")
    }));
    assert!(
        b["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "call" && e["time"]["value"] == "2021-12-07")
    );
}

fn art(text: String) -> Article {
    Article {
        title: None,
        publisher: None,
        url: None,
        published: NaiveDate::from_ymd_opt(2022, 2, 1).unwrap(),
        text,
    }
}

/// `ingest`'s own check of a bundle.
fn accepted(b: &chronograph::model::Bundle) -> Result<(), String> {
    let src = chronograph::ingest::Source {
        path: "prop".into(),
        line: 1,
    };
    chronograph::ingest::validate(b, &src, None).map_err(|e| e.to_string())
}

#[test]
fn ingest_accepts_a_long_text_without_punctuation() {
    let text = "officials said the troops moved near the border on monday and ".repeat(1700);
    assert!(text.len() > 100_000);
    let b = extract(&art(text));
    assert_eq!(accepted(&b), Ok(()));
    // Evidence stays bounded: no fact carries the whole 100 KB.
    for c in &b.claims {
        assert!(c.evidence.text.len() < 10_000, "{}", c.evidence.text.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_panic_and_spans_on_char_boundaries(text in "\\PC{0,300}") {
        let b = extract(&art(text.clone()));
        let evs = b.claims.iter().map(|c| &c.evidence)
            .chain(b.events.iter().map(|e| &e.evidence))
            .chain(b.relations.iter().map(|r| &r.evidence))
            .chain(b.actors.iter().flat_map(|a| a.mentions.iter()));
        for ev in evs {
            prop_assert!(ev.start <= ev.end && ev.end <= text.len());
            prop_assert!(text.is_char_boundary(ev.start) && text.is_char_boundary(ev.end));
        }
    }

    /// What `ingest` checks, `extract` builds: for arbitrary text and for
    /// our example articles mutated the ways real feeds damage text.
    #[test]
    fn ingest_accepts_what_extract_builds(text in "\\PC{0,300}") {
        let b = extract(&art(text));
        prop_assert!(accepted(&b).is_ok(), "{:?}", accepted(&b));
    }

    #[test]
    fn ingest_accepts_extracts_of_mutated_articles(
        which in 0usize..4,
        cut in 0usize..10_000,
        order in proptest::collection::vec(0usize..64, 0..24),
        strays in proptest::collection::vec((0usize..10_000, prop_oneof![
            Just("\""), Just("\u{201C}"), Just("\u{201D}"), Just("("), Just(")"), Just("["),
            Just("\0"), Just("\r\n"), Just("'"), Just("--"),
        ]), 0..12),
        crlf in any::<bool>(),
    ) {
        let names = [
            "2024-03-04-wire-moldova-border.txt",
            "2024-03-05-gazette-estimates-differ.txt",
            "2024-03-07-herald-call.txt",
            "2024-03-12-monitor-drills.txt",
        ];
        let original = std::fs::read_to_string(example(names[which])).unwrap();
        // Truncated at any byte, mid-character too (read lossily, as a
        // damaged feed would be).
        let bytes = original.as_bytes();
        let cut = cut % (bytes.len() + 1);
        let truncated = String::from_utf8_lossy(&bytes[..cut]).into_owned();
        // Sentences shuffled and duplicated.
        let sentences: Vec<&str> = truncated.split_inclusive(". ").collect();
        let mut text: String = if order.is_empty() || sentences.is_empty() {
            truncated.clone()
        } else {
            order.iter().map(|&i| sentences[i % sentences.len()]).collect()
        };
        // Stray quotes, brackets, NULs and line ends.
        for (at, s) in strays {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, s);
        }
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let b = extract(&art(text));
        prop_assert!(accepted(&b).is_ok(), "{:?}", accepted(&b));
    }

    #[test]
    fn no_panic_on_news_like_fragments(parts in proptest::collection::vec(
        prop_oneof![
            Just("\u{201C}"), Just("\""), Just("U.S."), Just("said"), Just("according to"), Just("Reuters"),
            Just("quoted"), Just("as saying"), Just("officials"), Just(","), Just("."), Just("Russia's"),
            Just("tens of thousands of"), Just("troops"), Just("95,000"), Just("President"), Just("Ann Lee"),
            Just("between"), Just("and"), Just("on Monday"), Just("\u{2014}"), Just("-backed"), Just("it"),
            Just("he"), Just("citing"), Just("\n\n"), Just("\u{00E9}t\u{00E9}"),
            Just("alleges"), Just("fraud"), Just("as"), Just("who"), Just("which"), Just("while"),
            Just("demanding"), Just("continued to deny"), Just("warnings from"), Just("that"),
            Just("put the toll at"), Just("the prime minister"), Just("ANKARA (Example Wire) -"),
            Just("the opposition"), Just("called"), Just("a spokesman for"), Just("in Geneva"),
        ], 0..60)) {
        let text = parts.join(" ");
        let b = extract(&art(text.clone()));
        for c in &b.claims {
            prop_assert!(text.is_char_boundary(c.evidence.start) && text.is_char_boundary(c.evidence.end));
        }
    }
}

#[test]
fn ingest_without_input_loads_the_examples_and_their_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let out = ok(crate::common::run_db(&db, &["ingest"]));
    assert!(out.contains("4 articles, 1 analyst bundle"), "{out}");
    assert!(out.contains("5 added"), "{out}");
    let out = ok(crate::common::run_db(
        &db,
        &["conflicts", "--format", "json"],
    ));
    let v: Value = serde_json::from_str(&out).unwrap();
    let text = v.to_string();
    assert!(text.contains("12000") && text.contains("5000"), "{text}");
    // Both ways in meet: the analyst's hand-made claims sit beside the
    // extracted ones in one group, and its affirm/deny pair is a group.
    let groups = v["conflicts"].as_array().unwrap();
    let troops = groups
        .iter()
        .find(|g| g.to_string().contains("12000"))
        .unwrap();
    assert!(troops.to_string().contains("6500"), "{troops}");
    assert!(
        groups
            .iter()
            .any(|g| g["disagreements"][0]["kind"] == "affirm_vs_deny"),
        "{text}"
    );
    // The analyst's hypothetical 13,000 is no side against asserted figures.
    assert!(!troops.to_string().contains("13000"), "{troops}");
}

#[test]
fn ingest_reads_articles_with_overrides_and_refuses_undated_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let arts = dir.path().join("arts");
    std::fs::create_dir_all(arts.join("sub")).unwrap();
    std::fs::write(arts.join("a.md"), "---\ntitle: A\npublisher: Desk\ndate: 2024-02-01\n---\nOfficials said 3,000 troops left.\n").unwrap();
    std::fs::write(
        arts.join("sub/b.txt"),
        "Title: B\nOutlet: Desk\n\nThe minister said talks would resume.\n",
    )
    .unwrap();
    // b.txt has no date: refused whole, nothing written.
    let out = crate::common::run_db(&db, &["ingest", arts.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--published"));
    let out = ok(crate::common::run_db(
        &db,
        &[
            "ingest",
            "--published",
            "2024-02-02",
            "--publisher",
            "Wire",
            arts.to_str().unwrap(),
        ],
    ));
    assert!(out.contains("2 added"), "{out}");
    let jsonl = dir.path().join("c.jsonl");
    std::fs::write(&jsonl, "{\"title\":\"C\",\"outlet\":\"Desk\",\"date\":\"2024-02-03\",\"text\":\"Analysts said the drills ended.\"}\n").unwrap();
    let out = ok(crate::common::run_db(
        &db,
        &["ingest", jsonl.to_str().unwrap()],
    ));
    assert!(out.contains("1 added"), "{out}");
}
