//! Integration tests: `chronograph timex`.

use crate::common::{bin, ok, shared};
use std::io::Write;
use std::process::Stdio;

/// Runs `chronograph timex` with `text` on stdin.
fn timex_stdin(dct: &str, format: &str, text: &str) -> String {
    let mut child = bin()
        .args(["timex", "--dct", dct, "--format", format, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn chronograph");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write stdin");
    ok(child.wait_with_output().expect("wait"))
}

fn lines(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn jsonl_has_byte_spans_values_and_bounds() {
    let text = "Ministers – who met in June – will talk again on December 7 and may act as early as January.";
    let out = lines(&timex_stdin("2021-12-04", "jsonl", text));
    let by_text = |t: &str| {
        out.iter()
            .find(|o| o["text"] == t)
            .unwrap_or_else(|| panic!("{t} not in {out:?}"))
    };
    let june = by_text("June");
    assert_eq!(june["value"], "2021-06");
    let (s, e) = (
        june["start"].as_u64().unwrap() as usize,
        june["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "June", "offsets are UTF-8 byte offsets");
    let dec = by_text("December 7");
    assert_eq!(dec["value"], "2021-12-07");
    assert_eq!(dec["type"], "DATE");
    assert_eq!(dec["begin"], "2021-12-07");
    assert_eq!(dec["granularity"], "day");
    let jan = by_text("January");
    assert_eq!(jan["value"], "2022-01");
    assert_eq!(jan["modifier"], "ON_OR_AFTER");
}

#[test]
fn durations_sets_and_fuzzy_references() {
    let out = lines(&timex_stdin(
        "2021-12-04",
        "jsonl",
        "After a seven-year war and a 16-month crackdown, talks now happen every week; troops massed in recent weeks.",
    ));
    let vals: Vec<(&str, &str, &str)> = out
        .iter()
        .map(|o| {
            (
                o["text"].as_str().unwrap(),
                o["type"].as_str().unwrap(),
                o["value"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        vals.contains(&("seven-year", "DURATION", "P7Y")),
        "{vals:?}"
    );
    assert!(vals.contains(&("16-month", "DURATION", "P16M")), "{vals:?}");
    assert!(vals.contains(&("now", "DATE", "PRESENT_REF")), "{vals:?}");
    assert!(vals.contains(&("every week", "SET", "P1W")), "{vals:?}");
    assert!(
        vals.contains(&("recent weeks", "DURATION", "PXW")),
        "{vals:?}"
    );
}

#[test]
fn numbers_that_only_look_like_years_are_left_alone() {
    let out = timex_stdin(
        "2021-12-04",
        "jsonl",
        "Russia moved 2000 troops; Resolution 2254 stands; he is in his 20s.",
    );
    assert!(out.trim().is_empty(), "unexpected timexes: {out}");
}

#[test]
fn table_format_and_file_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "The summit ended last week.").expect("write");
    let out = ok(bin()
        .args(["timex", "--dct", "2021-12-08", "--format", "table"])
        .arg(&f)
        .output()
        .expect("run"));
    assert!(out.lines().next().unwrap_or("").contains("value"), "{out}");
    assert!(
        out.contains("2021-W48") && out.contains("last week"),
        "{out}"
    );
}

#[test]
fn a_bad_dct_is_an_error() {
    let out = bin()
        .args(["timex", "--dct", "yesterday", "-"])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--dct"));
}

/// Every timex of the seed article's gold comes out with a gold value.
#[test]
fn seed_article_timexes_are_right() {
    let Some(sh) = shared() else {
        eprintln!("note: ../shared is absent; skipping the seed-article check");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(sh.join("eval/seed-gold.json")).expect("gold"),
    )
    .expect("json");
    let seed = std::fs::read_dir(sh.join("seeds"))
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .expect("seed article");
    let out = ok(bin()
        .args(["timex", "--dct", "2021-12-04", "--format", "jsonl"])
        .arg(&seed)
        .output()
        .expect("run"));
    let found = lines(&out);
    let mut missing = Vec::new();
    for g in gold["timexes"].as_array().expect("timexes") {
        let mut texts = vec![g["text"].as_str().unwrap().to_lowercase()];
        texts.extend(
            g["alt_text"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|t| t.as_str().unwrap().to_lowercase()),
        );
        let values: Vec<&str> = g["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let hit = found.iter().any(|f| {
            let ft = f["text"].as_str().unwrap().to_lowercase();
            texts.contains(&ft) && values.contains(&f["value"].as_str().unwrap())
        });
        if !hit {
            missing.push(g["text"].as_str().unwrap().to_owned());
        }
    }
    assert!(
        missing.is_empty(),
        "seed timexes not found with a gold value: {missing:?}"
    );
}

#[test]
fn earnings_stories_resolve_to_their_reporting_quarter() {
    // the story names its quarter first; a later aside about another
    // quarter does not move what "a year ago" and "the quarter" mean
    let text = "Acme Corp. posted a 20% gain in third-quarter net income.\n\n\
        Net rose to $108 million from $90 million a year ago. After a flat second \
        quarter, sales grew. The quarter-to-quarter comparison was helped by charges \
        taken in the year-earlier period. Sales in the quarter rose 6%.";
    let out = lines(&timex_stdin("2021-11-01", "jsonl", text));
    let value = |t: &str| {
        out.iter()
            .find(|o| o["text"] == t)
            .unwrap_or_else(|| panic!("{t} not in {out:?}"))["value"]
            .clone()
    };
    assert_eq!(value("third-quarter"), "2021-Q3");
    assert_eq!(value("a year ago"), "2020-Q3");
    assert_eq!(value("the year-earlier period"), "2020-Q3");
    assert_eq!(value("the quarter"), "2021-Q3");
    assert!(
        out.iter()
            .all(|o| !o["text"].as_str().unwrap().contains("quarter-to")),
        "'quarter-to-quarter' is not a time: {out:?}"
    );
}

#[test]
fn a_planned_hour_falls_on_the_day_of_the_plan() {
    let text = "Biden will hold a call with Putin on Thursday. Blinken spoke with \
        Zelensky on Wednesday. The call, scheduled for 3:30 pm ET, will be their second.";
    let out = lines(&timex_stdin("2021-12-29", "jsonl", text));
    let clock = out
        .iter()
        .find(|o| o["text"] == "3:30 pm ET")
        .unwrap_or_else(|| panic!("no clock time in {out:?}"));
    assert_eq!(clock["value"], "2021-12-30T15:30");
    assert_eq!(clock["type"], "TIME");
}
