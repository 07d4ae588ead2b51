//! One run at scale, for peak memory: streams N synthetic claims (default
//! 1,000,000) into a fresh SQLite file in one transaction, then loads the
//! graph, printing the rates. Run under `/usr/bin/time -v` for the peak
//! resident set:
//!
//!     cargo bench --bench scale --no-run
//!     /usr/bin/time -v target/release/deps/scale-* 1000000
//!
//! (`cargo bench --bench scale -- 1000000` works too, with cargo's own
//! memory in the picture.)
//!
//! With `--jsonl FILE` it writes the corpus as JSON Lines instead, to
//! measure the command line: `chronograph --db F ingest FILE`.

use chronograph::graph::ClaimGraph;
use chronograph::ingest::synth;
use chronograph::store::Store;
use std::io::Write;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args
        .iter()
        .find_map(|a| a.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    if let Some(i) = args.iter().position(|a| a == "--jsonl") {
        let path = args.get(i + 1).expect("--jsonl FILE");
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
        for b in synth::corpus(42, n) {
            serde_json::to_writer(&mut out, &b).expect("write");
            out.write_all(b"\n").expect("write");
        }
        out.flush().expect("flush");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scale.db");
    let mut store = Store::open(&path).expect("open store");

    let t = Instant::now();
    let report = store
        .ingest(synth::corpus(42, n), &mut |_| {})
        .expect("ingest");
    let secs = t.elapsed().as_secs_f64();
    println!(
        "ingest: {n} claims in {} documents, {secs:.2} s, {:.0} claims/s (synthesis included)",
        report.documents.len(),
        n as f64 / secs
    );

    let t = Instant::now();
    let g = ClaimGraph::load(&store).expect("load");
    let secs = t.elapsed().as_secs_f64();
    let size = g.graph.node_count() + g.graph.edge_count();
    println!(
        "graph load: {} nodes + {} edges in {secs:.2} s, {:.0} nodes+edges/s",
        g.graph.node_count(),
        g.graph.edge_count(),
        size as f64 / secs
    );
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(path.with_extension("db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    println!("database: {:.0} MiB", bytes as f64 / (1024.0 * 1024.0));
}
