//! Whole-article extraction throughput (tokens, quotes, sentences, timexes,
//! actors, quantities, claims, events, relations) over the ten development
//! articles when `../shared` is present, else over our `examples/`.

use chrono::NaiveDate;
use chronograph::extract::{Article, extract};
use chronograph::ingest::article::read_path;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn corpus() -> Vec<Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/eval/news-dev");
    let dir = if dev.is_dir() {
        dev
    } else {
        root.join("examples")
    };
    let fallback = NaiveDate::from_ymd_opt(2022, 1, 1).expect("date");
    read_path(&dir)
        .expect("read articles")
        .into_iter()
        .map(|r| {
            let published = r.published.unwrap_or(fallback);
            Article {
                title: r.title,
                publisher: r.publisher,
                url: r.url,
                published,
                text: r.text,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    // Load the lexicons outside the measurement.
    black_box(extract(&articles[0]));
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("articles", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(extract(black_box(a)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
