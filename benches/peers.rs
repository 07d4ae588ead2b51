//! The peers' five queries (../shared/bench/peers, README "Queries") on
//! chronograph, in process: the store open and the compact graph loaded, as
//! a library user or a long-running process sees it.
//!
//! Setup (see BENCHMARKS.md, "Queries vs peers"):
//!
//! ```sh
//! python3 gen.py --n 1e5                                 # in a copy of the peers folder
//! python3 benches/peers/to_bundles.py DATA/n100000 > b.jsonl
//! chronograph --db peers.db ingest b.jsonl
//! CHRONOGRAPH_PEERS_DB=peers.db CHRONOGRAPH_PEERS_DATA=DATA/n100000 cargo bench --bench peers
//! ```
//!
//! Before timing, every answer is mapped back to the peers' ids (the
//! converter keeps them as bundle-local ids) and reduced to the peers'
//! checksum (count and md5 of the canonical rows, `common.py`), printed so
//! that it can be compared with their RESULTS.md. Without the two variables
//! the bench prints a note and does nothing.

use chronograph::query::conflicts::Options;
use chronograph::query::graph::Csr;
use chronograph::query::index::{ChainIndex, ConflictIndex, TimeIndex, day_number};
use chronograph::store::query::{self as q, Node};
use criterion::Criterion;
use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

/// MD5 (RFC 1321), for the peers' checksums.
fn md5(data: &[u8]) -> [u8; 16] {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    let k: Vec<u32> = (0..64)
        .map(|i| ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32)
        .collect();
    let (mut a0, mut b0, mut c0, mut d0) =
        (0x67452301u32, 0xefcdab89u32, 0x98badcfeu32, 0x10325476u32);
    let mut msg = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_le_bytes());
    for chunk in msg.chunks(64) {
        let m: Vec<u32> = chunk
            .chunks(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        let (mut a, mut b, mut c, mut d) = (a0, b0, c0, d0);
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(S[i]));
        }
        a0 = a0.wrapping_add(a);
        b0 = b0.wrapping_add(b);
        c0 = c0.wrapping_add(c);
        d0 = d0.wrapping_add(d);
    }
    let mut out = [0u8; 16];
    for (i, w) in [a0, b0, c0, d0].iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&w.to_le_bytes());
    }
    out
}

/// `common.ck_seq`: count and the first 12 hex digits of the md5 of the rows, one per line.
fn checksum(rows: &[String]) -> String {
    let mut buf = Vec::new();
    for r in rows {
        buf.extend_from_slice(r.as_bytes());
        buf.push(b'\n');
    }
    let hex: String = md5(&buf).iter().map(|b| format!("{b:02x}")).collect();
    format!("{{\"count\": {}, \"md5\": \"{}\"}}", rows.len(), &hex[..12])
}

/// Peer id from a bundle-local id (`a123`, `e30001`, `c80001`, `d10001`).
fn peer(local: &str) -> i64 {
    local
        .get(1..)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a converter id: {local:?}"))
}

fn main() {
    let (Ok(db), Ok(data)) = (
        std::env::var("CHRONOGRAPH_PEERS_DB"),
        std::env::var("CHRONOGRAPH_PEERS_DATA"),
    ) else {
        eprintln!(
            "peers: set CHRONOGRAPH_PEERS_DB and CHRONOGRAPH_PEERS_DATA (see the doc comment); skipped"
        );
        return;
    };
    let db = std::path::PathBuf::from(db);
    let params: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(std::path::Path::new(&data).join("params.json")).unwrap(),
    )
    .unwrap();
    let conn = q::open_read(&db).unwrap();
    let t = Instant::now();
    let g = Csr::open(&conn, &db).unwrap();
    eprintln!(
        "peers: graph ready in {:.1} ms ({:?} nodes, edges)",
        t.elapsed().as_secs_f64() * 1e3,
        g.size()
    );

    // Store ids <-> peer ids (outside any timing).
    let mut actor_peer: HashMap<i64, i64> = HashMap::new();
    // The store's own publisher links (`@publisher`) carry no peer id.
    for (sid, local) in q::local_ids(&conn, "actor")
        .unwrap()
        .into_iter()
        .filter(|(_, l)| !l.starts_with('@'))
    {
        actor_peer.insert(sid, peer(&local));
    }
    let peer_actor: HashMap<i64, i64> = actor_peer.iter().map(|(s, p)| (*p, *s)).collect();
    let event_peer: HashMap<i64, i64> = q::local_ids(&conn, "event")
        .unwrap()
        .into_iter()
        .map(|(s, l)| (s, peer(&l)))
        .collect();
    let claim_store: HashMap<i64, i64> = q::local_ids(&conn, "claim")
        .unwrap()
        .into_iter()
        .map(|(s, l)| (peer(&l), s))
        .collect();

    let s = |v: &serde_json::Value| v.as_str().unwrap().to_owned();
    let (q1a_from, q1a_to) = (s(&params["q1a"]["from"]), s(&params["q1a"]["to"]));
    let (q1b_from, q1b_to) = (s(&params["q1b"]["from"]), s(&params["q1b"]["to"]));
    let q1b_actor = peer_actor[&params["q1b"]["actor"].as_i64().unwrap()];
    let q2_actor = peer_actor[&params["q2"]["actor"].as_i64().unwrap()];
    let max_hops = params["q2"]["max_hops"].as_u64().unwrap() as usize;
    let (q3a, q3b) = (
        peer_actor[&params["q3"]["a"].as_i64().unwrap()],
        peer_actor[&params["q3"]["b"].as_i64().unwrap()],
    );
    let q5: Vec<i64> = params["q5"]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| claim_store[&v.as_i64().unwrap()])
        .collect();

    // The in-memory read indexes, built once from the store (timed).
    let t = Instant::now();
    let canon = |e: i64| match g.canonical(Node::Event(e)) {
        Node::Event(c) => c,
        _ => e,
    };
    let time_ix = TimeIndex::build(&conn, canon).unwrap();
    eprintln!(
        "peers: time index built in {:.1} ms ({:.1} MB)",
        t.elapsed().as_secs_f64() * 1e3,
        time_ix.bytes() as f64 / 1e6
    );
    let t = Instant::now();
    let chain_ix = ChainIndex::build(&conn).unwrap();
    eprintln!(
        "peers: chain index built in {:.1} ms ({:.1} MB)",
        t.elapsed().as_secs_f64() * 1e3,
        chain_ix.bytes() as f64 / 1e6
    );
    let t = Instant::now();
    let conflict_ix = ConflictIndex::build(&conn).unwrap();
    eprintln!(
        "peers: conflict index built in {:.1} ms ({:?} groups, claims)",
        t.elapsed().as_secs_f64() * 1e3,
        conflict_ix.size()
    );
    let t = Instant::now();
    let conflict_ix = ConflictIndex::open(&conn).unwrap();
    eprintln!(
        "peers: conflict index from its snapshot (or built and saved) in {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    // Q1: events that start in the window, one per event (the first report
    // stands for the event), ordered by start then id.
    let days = |from: &str, to: &str| (day_number(from).unwrap(), day_number(to).unwrap());
    let (q1a_days, q1b_days) = (days(&q1a_from, &q1a_to), days(&q1b_from, &q1b_to));
    let q1 = |(from, to): (i32, i32), actor: Option<i64>| -> Vec<(i32, i64)> {
        let w = match actor {
            None => time_ix.starting(from, to),
            Some(a) => time_ix.starting_with(a, from, to),
        };
        w.iter().map(|&(d, id)| (d, i64::from(id))).collect()
    };
    // The same from SQL (the `events_time` index), for comparison.
    let q1_sql = |from: &str, to: &str, actor: Option<i64>| -> Vec<(i32, i64)> {
        q::events_starting(&conn, from, to, actor)
            .unwrap()
            .into_iter()
            .filter(|(_, id)| g.canonical(Node::Event(*id)) == Node::Event(*id))
            .map(|(d, id)| (day_number(&d).unwrap(), id))
            .collect()
    };
    // The peers order by (start, their id); store ids need not follow theirs.
    let as_peer_rows = |v: Vec<(i32, i64)>| -> Vec<String> {
        let mut p: Vec<(i32, i64)> = v.into_iter().map(|(d, id)| (d, event_peer[&id])).collect();
        p.sort_unstable();
        p.into_iter().map(|(_, id)| id.to_string()).collect()
    };
    let q1a_rows = as_peer_rows(q1(q1a_days, None));
    let q1b_rows = as_peer_rows(q1(q1b_days, Some(q1b_actor)));
    assert_eq!(
        q1a_rows,
        as_peer_rows(q1_sql(&q1a_from, &q1a_to, None)),
        "index and SQL agree"
    );
    assert_eq!(
        q1b_rows,
        as_peer_rows(q1_sql(&q1b_from, &q1b_to, Some(q1b_actor))),
        "index and SQL agree"
    );
    println!("Q1a {}", checksum(&q1a_rows));
    println!("Q1b {}", checksum(&q1b_rows));

    let q2 = || g.actors_within(q2_actor, max_hops);
    let mut q2_rows: Vec<i64> = q2().into_iter().map(|a| actor_peer[&a]).collect();
    q2_rows.sort_unstable();
    println!(
        "Q2 {}",
        checksum(&q2_rows.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    );
    let q3 = || g.distance(q3a, q3b, 30).map_or(-1, |d| d as i64);
    println!("Q3 {{\"value\": {}}}", q3());

    // Q4: exact figures (tolerance 0), exact validity overlap (window 0),
    // counted over the claims grouped by subject.
    let opt = Options {
        tolerance: 0.0,
        window_days: 0,
        ..Default::default()
    };
    let q4 = || conflict_ix.counts(&opt);
    let mut groups: BTreeMap<(i64, String), u64> = BTreeMap::new();
    for (gi, c) in q4()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.between_sources > 0)
    {
        let subject = match conflict_ix.about(gi)[0] {
            Node::Event(e) => event_peer[&e],
            Node::Actor(a) => actor_peer[&a],
            other => panic!("a claim about {other:?}"),
        };
        *groups
            .entry((subject, conflict_ix.subject(gi).to_owned()))
            .or_default() += c.between_sources;
    }
    let rows: Vec<String> = groups
        .iter()
        .map(|((s, p), n)| format!("{s}|{p}|{n}"))
        .collect();
    let pairs: u64 = groups.values().sum();
    println!("Q4 {} pairs {pairs}", checksum(&rows));

    let store_claim: HashMap<i64, i64> = claim_store.iter().map(|(p, s)| (*s, *p)).collect();
    let q5_one = |id: i64| chain_ix.get(id).unwrap();
    let q5_rows: Vec<String> = q5
        .iter()
        .map(|&id| {
            let r = q5_one(id);
            let sql = q::chain_row(&conn, id).unwrap().unwrap();
            assert_eq!(
                (r.claimant.0, r.via.map(|v| v.0), r.document.0, r.outlet.0),
                (
                    sql.claimant.id,
                    sql.via.as_ref().map(|v| v.id),
                    sql.document.id,
                    sql.document.publisher_id
                ),
                "index and SQL agree"
            );
            let (vid, vname) = match r.via {
                Some((v, name)) => (actor_peer[&v].to_string(), name.to_owned()),
                None => (String::new(), String::new()),
            };
            format!(
                "{}|{}|{}|{}|{}|{}|{}|{}|{}",
                store_claim[&id],
                actor_peer[&r.claimant.0],
                r.claimant.1,
                vid,
                vname,
                peer(r.document.1),
                r.published,
                r.outlet
                    .0
                    .map(|o| actor_peer[&o].to_string())
                    .unwrap_or_default(),
                r.outlet.1.unwrap_or_default()
            )
        })
        .collect();
    println!("Q5 {}", checksum(&q5_rows));

    let mut c = Criterion::default().configure_from_args().sample_size(10);
    c.bench_function("peers/Q1a timeline window", |b| {
        b.iter(|| q1(q1a_days, None).len())
    });
    c.bench_function("peers/Q1a timeline window (SQL)", |b| {
        b.iter(|| q1_sql(&q1a_from, &q1a_to, None).len())
    });
    c.bench_function("peers/Q1b timeline actor", |b| {
        b.iter(|| q1(q1b_days, Some(q1b_actor)).len())
    });
    c.bench_function("peers/Q1b timeline actor (SQL)", |b| {
        b.iter(|| q1_sql(&q1b_from, &q1b_to, Some(q1b_actor)).len())
    });
    c.bench_function("peers/Q2 within 2 hops", |b| b.iter(|| q2().len()));
    c.bench_function("peers/Q3 shortest path", |b| b.iter(q3));
    c.bench_function("peers/Q4 conflicts", |b| b.iter(|| q4().len()));
    c.bench_function("peers/Q5 attribution (one lookup)", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % q5.len();
            q5_one(q5[i]).claimant.0
        })
    });
    c.bench_function("peers/Q5 attribution (one lookup, SQL)", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % q5.len();
            q::chain_row(&conn, q5[i]).unwrap().unwrap().claim
        })
    });
    c.bench_function("peers/graph load (snapshot)", |b| {
        b.iter(|| Csr::open(&conn, &db).unwrap().size())
    });
    c.bench_function("peers/conflict index load (snapshot)", |b| {
        b.iter(|| ConflictIndex::open(&conn).unwrap().size())
    });
    c.final_summary();
}
