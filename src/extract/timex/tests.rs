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
        let raw = f[2];
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
