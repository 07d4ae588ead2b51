//! Rule examples from `data/time/examples.tsv`, plus properties of the
//! tagger's output.

use super::tag;
use chrono::NaiveDate;

const EXAMPLES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/time/examples.tsv"
));

/// One example: the rule, the DCT, the sentence without brackets, the
/// byte span of the bracketed expression, the value and the modifier.
struct Example {
    line: usize,
    rule: String,
    dct: NaiveDate,
    text: String,
    span: (usize, usize),
    value: String,
    modifier: Option<String>,
}

fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    for (n, l) in EXAMPLES.lines().enumerate() {
        if l.trim().is_empty() || l.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = l.split('\t').collect();
        assert!(
            f.len() >= 4,
            "examples.tsv line {}: needs rule, dct, sentence, value",
            n + 1
        );
        // `\n` in a sentence stands for a line break (headlines)
        let raw = f[2].replace("\\n", "\n");
        let raw = raw.as_str();
        let a = raw
            .find('[')
            .unwrap_or_else(|| panic!("line {}: no [", n + 1));
        let b = raw
            .find(']')
            .unwrap_or_else(|| panic!("line {}: no ]", n + 1));
        let text = format!("{}{}{}", &raw[..a], &raw[a + 1..b], &raw[b + 1..]);
        out.push(Example {
            line: n + 1,
            rule: f[0].to_owned(),
            dct: f[1].parse().expect("dct"),
            text,
            span: (a, b - 1),
            value: f[3].to_owned(),
            modifier: f.get(4).map(|s| s.to_string()).filter(|s| !s.is_empty()),
        });
    }
    out
}

#[test]
fn every_rule_example_comes_out_right() {
    let mut failures = Vec::new();
    let all = examples();
    assert!(all.len() >= 10, "examples.tsv has too few examples");
    for ex in &all {
        let found = tag(&ex.text, ex.dct);
        if ex.rule == "none" {
            let (a, b) = ex.span;
            if let Some(t) = found.iter().find(|t| t.start < b && a < t.end) {
                failures.push(format!(
                    "line {} [none]: {:?} was tagged as {:?} {}",
                    ex.line,
                    &ex.text[a..b],
                    t.text,
                    t.value
                ));
            }
            continue;
        }
        let hit = found
            .iter()
            .find(|t| t.start == ex.span.0 && t.end == ex.span.1);
        match hit {
            None => failures.push(format!(
                "line {} [{}]: {:?} not found in {:?}; got {:?}",
                ex.line,
                ex.rule,
                &ex.text[ex.span.0..ex.span.1],
                ex.text,
                found
                    .iter()
                    .map(|t| (&t.text, &t.value))
                    .collect::<Vec<_>>()
            )),
            Some(t) => {
                let m = t.modifier.map(|m| m.as_str().to_owned());
                if t.value != ex.value
                    || m != ex.modifier
                    || t.rule.as_deref() != Some(ex.rule.as_str())
                {
                    failures.push(format!(
                        "line {} [{}]: {:?} gave {} {:?} by {:?}, want {} {:?}",
                        ex.line, ex.rule, t.text, t.value, m, t.rule, ex.value, ex.modifier
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

mod properties {
    use super::tag;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    /// Fragments that reach deep into the rules, glued with arbitrary text.
    fn timeish() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "Dec.",
            "December",
            "7",
            "7th",
            ",",
            "2021",
            "1990s",
            "'87",
            "the",
            "end",
            "of",
            "last",
            "next",
            "this",
            "week",
            "years",
            "ago",
            "earlier",
            "a",
            "16",
            "-",
            "month",
            "3",
            "p.m.",
            "ET",
            "Monday",
            "night",
            "early",
            "mid",
            "quarter",
            "third",
            "fiscal",
            "every",
            "nineteen",
            "ninety",
            "nineties",
            "the",
            "half",
            "and",
            "had",
            "been",
            "would",
            "Christmas",
            "year",
            "'s",
            "/",
            ":",
            "as",
            "early",
            "é",
            "—",
            "’",
            "𝄞",
            "Ü",
            "\n",
        ]);
        prop::collection::vec(
            prop_oneof![words.prop_map(str::to_owned), "\\PC{0,3}"],
            0..40,
        )
        .prop_map(|v| v.join(" "))
    }

    fn check(text: &str, dct: NaiveDate) {
        let mut last_end = 0;
        for t in tag(text, dct) {
            assert!(t.start < t.end, "empty span {t:?}");
            assert!(t.start >= last_end, "overlap or disorder at {t:?}");
            assert!(
                text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
                "not on char boundaries: {t:?}"
            );
            assert_eq!(t.text, &text[t.start..t.end]);
            assert!(!t.value.is_empty());
            last_end = t.end;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_utf8_never_panics_and_spans_are_exact(text in "\\PC{0,200}", days in 0i64..60_000) {
            let dct = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days as u64);
            check(&text, dct);
        }

        #[test]
        fn time_like_text_never_panics_and_spans_are_exact(text in timeish(), days in 0i64..60_000) {
            let dct = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days as u64);
            check(&text, dct);
        }
    }

    #[test]
    fn extreme_dcts_do_not_panic() {
        for dct in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(2020, 12, 31).unwrap(),
        ] {
            check(
                "Next week, on December 7, two years ago, in June 2021, last quarter, 3 p.m. Monday.",
                dct,
            );
        }
    }
}

#[test]
fn dates_carry_bounds_and_modifier_windows() {
    let dct = NaiveDate::from_ymd_opt(2021, 12, 4).unwrap();
    let t = tag("The most likely time will be the end of January.", dct);
    let end = t
        .iter()
        .find(|t| t.text == "the end of January")
        .expect("found");
    assert_eq!(end.value, "2022-01");
    assert_eq!(end.begin, NaiveDate::from_ymd_opt(2022, 1, 21));
    assert_eq!(end.until, NaiveDate::from_ymd_opt(2022, 1, 31));
    assert_eq!(end.granularity, Some(crate::model::Granularity::Month));
    let tv = end.time_value();
    assert_eq!(tv.modifier, Some(crate::model::Modifier::End));
    let d = tag("a 16-month crackdown", dct);
    assert_eq!(d[0].granularity, Some(crate::model::Granularity::None));
    assert_eq!(d[0].begin, None);
}

#[test]
fn fractions_ages_and_generic_days_are_not_times() {
    let dct = NaiveDate::from_ymd_opt(2021, 12, 4).unwrap();
    for text in [
        "Each right lets holders buy one-half share of common stock.",
        "Funds hold more than a quarter of the entire market.",
        "The senator, in his forties, declined to comment.",
        "Such tools matter in today's world.",
        "The schools train the leaders of tomorrow.",
        "The deal matters to the future of both firms.",
        "Smith, formerly the finance chief, joined the board.",
    ] {
        let found = tag(text, dct);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}
