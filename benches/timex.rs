//! Temporal tagger throughput over the TimeBank/AQUAINT texts (markup
//! stripped) when `../shared` is present, else over a generated news-like
//! text of similar density.

use chrono::NaiveDate;
use chronograph::extract::timex::tag;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

/// The plain text inside `<TEXT>` of a TimeML file.
fn tml_text(raw: &str) -> String {
    let body = raw.split_once("<TEXT>").map_or(raw, |(_, b)| b);
    let body = body.split_once("</TEXT>").map_or(body, |(b, _)| b);
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

fn timebank() -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/tempeval3-train");
    let mut files = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        for e in std::fs::read_dir(root.join(sub)).ok()? {
            files.push(e.ok()?.path());
        }
    }
    files.sort();
    let mut all = String::new();
    for f in files {
        all.push_str(&tml_text(&std::fs::read_to_string(f).ok()?));
        all.push_str("\n\n");
    }
    Some(all)
}

/// News-like sentences with a realistic share of temporal expressions.
fn generated() -> String {
    let parts = [
        "The ministry said on Tuesday that talks would resume next week in Geneva.",
        "Officials met in June and again on December 7, 2021, after a 16-month standoff.",
        "Prices rose 3.5% in the third quarter, compared with a year earlier, analysts said.",
        "Some 2000 troops were deployed near the border, according to Resolution 2254 monitors.",
        "The company, founded in the 1990s, expects to recover as early as January.",
        "Residents described a tense night as sirens sounded across the city center.",
    ];
    let mut s = String::new();
    let mut i = 0usize;
    while s.len() < 2_000_000 {
        s.push_str(parts[i % parts.len()]);
        s.push(if i % 7 == 6 { '\n' } else { ' ' });
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let (name, text) = match timebank() {
        Some(t) => ("timebank", t),
        None => {
            eprintln!("note: ../shared is absent; benchmarking a generated text");
            ("generated", generated())
        }
    };
    let dct = NaiveDate::from_ymd_opt(1998, 2, 27).expect("date");
    let mut g = c.benchmark_group("timex");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function(name, |b| b.iter(|| tag(black_box(&text), dct)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
