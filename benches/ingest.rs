//! Ingest of N synthetic claims into a fresh SQLite file, and graph load
//! from that file, at N = 100k (`store_100k`) and 1M (`store_1m`, slower).
//!
//!     cargo bench --bench ingest -- store_100k
//!     cargo bench --bench ingest -- store_1m
//!
//! Throughput is claims per second for ingest and nodes+edges per second
//! for graph load. The corpus comes from `chronograph::ingest::synth`
//! (seed 42) and is generated before timing starts.

use chronograph::graph::ClaimGraph;
use chronograph::ingest::synth;
use chronograph::model::Bundle;
use chronograph::store::Store;
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::time::Duration;

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("bench.db")).expect("open store");
    (dir, store)
}

fn group(c: &mut Criterion, name: &str, n: usize, measure: Duration) {
    let corpus: Vec<Bundle> = synth::corpus(42, n).collect();
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(measure);

    g.throughput(Throughput::Elements(n as u64));
    g.bench_function(BenchmarkId::new("ingest_claims", n), |b| {
        b.iter_batched(
            fresh,
            |(dir, mut store)| {
                store.ingest(&corpus, &mut |_| {}).expect("ingest");
                (dir, store)
            },
            BatchSize::PerIteration,
        )
    });

    let (_dir, mut store) = fresh();
    store.ingest(&corpus, &mut |_| {}).expect("ingest");
    drop(corpus);
    let size = {
        let g = ClaimGraph::load(&store).expect("load");
        g.graph.node_count() + g.graph.edge_count()
    };
    g.throughput(Throughput::Elements(size as u64));
    g.bench_function(BenchmarkId::new("graph_load_nodes_edges", size), |b| {
        b.iter(|| ClaimGraph::load(&store).expect("load"))
    });
    g.finish();
}

fn store_100k(c: &mut Criterion) {
    group(c, "store_100k", 100_000, Duration::from_secs(10));
}

fn store_1m(c: &mut Criterion) {
    group(c, "store_1m", 1_000_000, Duration::from_secs(60));
}

criterion_group!(benches, store_100k, store_1m);
criterion_main!(benches);
