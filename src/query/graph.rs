//! Neighbourhoods and shortest connections between actors.
//!
//! The connection graph has actors, events, claims and relations as nodes;
//! an actor is linked to the events it took part in, the claims it made,
//! relayed or is the subject of, the relations it is an end of, and the actor
//! it is part of; a claim is linked to the event it is about. One *hop*
//! between two actors is two edges (actor – event – actor, actor – claim –
//! actor, actor – relation – actor), so `--hops N` explores up to 2N edges;
//! `part_of` is a single edge (a minister is close to their government).
//!
//! Search runs over an [`Adjacency`]: [`StoreAdjacency`] reads neighbours
//! from the store's indexes on demand, so a command touches only the part of
//! the graph it explores and never builds the whole graph first.

use crate::model::FactualityFilter;
use crate::store::query::{self as q, Node};
use crate::{Error, Result};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};

/// Something that lists the neighbours of a node.
pub trait Adjacency {
    /// Appends the neighbours of `n` with the role of each edge.
    fn neighbors(&mut self, n: Node, out: &mut Vec<(Node, String)>) -> Result<()>;
}

/// Neighbours read from the store's indexes.
pub struct StoreAdjacency<'c>(pub &'c Connection);

impl Adjacency for StoreAdjacency<'_> {
    fn neighbors(&mut self, n: Node, out: &mut Vec<(Node, String)>) -> Result<()> {
        q::node_neighbors(self.0, n, out)
    }
}

/// Neighbours of another adjacency without the hidden nodes.
pub(crate) struct Shown<A> {
    pub(crate) inner: A,
    pub(crate) hidden: std::collections::HashSet<Node>,
}

impl<A: Adjacency> Adjacency for Shown<A> {
    fn neighbors(&mut self, n: Node, out: &mut Vec<(Node, String)>) -> Result<()> {
        let from = out.len();
        self.inner.neighbors(n, out)?;
        let found = out.split_off(from);
        out.extend(found.into_iter().filter(|(m, _)| !self.hidden.contains(m)));
        Ok(())
    }
}

/// An actor reached from the start.
#[derive(Debug, Clone, Serialize)]
pub struct Neighbor {
    pub actor: i64,
    /// Actor hops (edges / 2, rounded up).
    pub hops: usize,
    /// The node the first path to it goes through last (event, claim or relation).
    pub through: Node,
}

/// Actors within `hops` actor hops of `start`, nearest first, then by id.
pub fn neighbors(adj: &mut dyn Adjacency, start: i64, hops: usize) -> Result<Vec<Neighbor>> {
    let max_edges = hops * 2;
    let mut dist: HashMap<Node, (usize, Node)> = HashMap::new();
    let s = Node::Actor(start);
    dist.insert(s, (0, s));
    let mut queue = VecDeque::from([s]);
    let mut buf = Vec::new();
    while let Some(n) = queue.pop_front() {
        let d = dist[&n].0;
        if d == max_edges {
            continue;
        }
        buf.clear();
        adj.neighbors(n, &mut buf)?;
        for (m, _) in buf.drain(..) {
            if let std::collections::hash_map::Entry::Vacant(e) = dist.entry(m) {
                e.insert((d + 1, n));
                queue.push_back(m);
            }
        }
    }
    let mut out: Vec<Neighbor> = dist
        .into_iter()
        .filter_map(|(n, (d, prev))| match n {
            Node::Actor(a) if a != start => Some(Neighbor {
                actor: a,
                hops: d.div_ceil(2),
                through: prev,
            }),
            _ => None,
        })
        .collect();
    out.sort_by_key(|n| (n.hops, n.actor));
    Ok(out)
}

/// One edge of a path: from a node to the next, and the role of the edge.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub from: Node,
    pub to: Node,
    /// `participant`, `claimant`, `via`, `about`, `source`, `target`...
    pub role: String,
}

/// A shortest path from `a` to `b` of at most `max_hops` actor hops
/// (2 × max_hops edges), found by bidirectional breadth-first search:
/// each side expands its smaller frontier, so on graphs with hubs the search
/// meets in the middle instead of flooding the graph from one end.
/// `None` when there is no such path.
pub fn path(adj: &mut dyn Adjacency, a: i64, b: i64, max_hops: usize) -> Result<Option<Vec<Step>>> {
    let (sa, sb) = (Node::Actor(a), Node::Actor(b));
    if a == b {
        return Ok(Some(Vec::new()));
    }
    let max_edges = max_hops * 2;
    // node -> (parent, role) on each side
    let mut fwd: HashMap<Node, Option<(Node, String)>> = HashMap::from([(sa, None)]);
    let mut bwd: HashMap<Node, Option<(Node, String)>> = HashMap::from([(sb, None)]);
    let (mut ff, mut fb) = (vec![sa], vec![sb]);
    let (mut df, mut db) = (0usize, 0usize);
    let mut buf = Vec::new();
    let meet = loop {
        if ff.is_empty() || fb.is_empty() || df + db >= max_edges {
            return Ok(None);
        }
        let forward = ff.len() <= fb.len();
        let (frontier, seen, other) = if forward {
            (&mut ff, &mut fwd, &bwd)
        } else {
            (&mut fb, &mut bwd, &fwd)
        };
        let mut next = Vec::new();
        let mut hit = None;
        for &n in frontier.iter() {
            buf.clear();
            adj.neighbors(n, &mut buf)?;
            for (m, role) in buf.drain(..) {
                if seen.contains_key(&m) {
                    continue;
                }
                seen.insert(m, Some((n, role)));
                if other.contains_key(&m) {
                    hit = Some(m);
                    break;
                }
                next.push(m);
            }
            if hit.is_some() {
                break;
            }
        }
        *frontier = next;
        if forward {
            df += 1;
        } else {
            db += 1;
        }
        if let Some(m) = hit {
            break m;
        }
    };
    let mut left = Vec::new();
    let mut cur = meet;
    while let Some(Some((p, role))) = fwd.get(&cur) {
        left.push(Step {
            from: *p,
            to: cur,
            role: role.clone(),
        });
        cur = *p;
    }
    left.reverse();
    let mut cur = meet;
    while let Some(Some((p, role))) = bwd.get(&cur) {
        left.push(Step {
            from: cur,
            to: *p,
            role: role.clone(),
        });
        cur = *p;
    }
    Ok(Some(left))
}

/// Resolves two names and finds a shortest path between them on the compact
/// graph of the store at `db` (see [`Csr::open`]), with the role of each edge.
pub fn path_between(
    conn: &Connection,
    db: &std::path::Path,
    a: &str,
    b: &str,
    max_hops: usize,
    shown: FactualityFilter,
) -> Result<Option<Vec<Step>>> {
    let (x, y) = (
        super::resolve_actor(conn, a)?,
        super::resolve_actor(conn, b)?,
    );
    if x.id == y.id {
        return Err(Error::NotFound(format!(
            "{a:?} and {b:?} are the same actor ({})",
            x.name
        )));
    }
    let mut g = Csr::open(conn, db)?;
    g.show(shown);
    let Some(nodes) = g.shortest_path(x.id, y.id, max_hops * 2) else {
        return Ok(None);
    };
    let mut steps = Vec::new();
    let mut buf = Vec::new();
    for w in nodes.windows(2) {
        buf.clear();
        q::node_neighbors(conn, w[0], &mut buf)?;
        let role = buf
            .iter()
            .find(|(n, _)| g.canonical(*n) == w[1])
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| "same event".to_owned());
        steps.push(Step {
            from: w[0],
            to: w[1],
            role,
        });
    }
    Ok(Some(steps))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

    #[test]
    fn compact_graph_matches_the_store_and_survives_a_snapshot() {
        let db = fx::empty();
        let a = fx::actor(&db, "A", "person", None, &[]);
        let b = fx::actor(&db, "B", "person", None, &[]);
        let c = fx::actor(&db, "C", "person", None, &[]);
        let d1 = fx::document(&db, "d1", "CNN", "2021-12-04");
        let d2 = fx::document(&db, "d2", "AP", "2021-12-05");
        // One summit reported twice: A is named in one report, C in the other.
        let e1 = fx::event(&db, d1, "meeting", "summit", Some("2021-12-07"), &[a]);
        fx::event(&db, d2, "meeting", "summit", Some("2021-12-07"), &[c]);
        fx::claim(
            &db,
            d2,
            C {
                claimant: b,
                statement: "A is wrong",
                about: &[a],
                ..Default::default()
            },
        );
        let g = Csr::build(&db).unwrap();
        assert_eq!(
            g.distance(a, c, 8),
            Some(2),
            "the two reports are one event"
        );
        assert_eq!(g.shortest_path(a, c, 8).unwrap()[1], Node::Event(e1));
        assert_eq!(g.actors_within(a, 2), vec![b, c]);
        assert_eq!(g.reach_actors(a, 2)[0].hops, 1);
        assert_eq!(g.distance(b, c, 2), None);
        assert_eq!(g.distance(b, c, 4), Some(4));
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.adj");
        g.save(&p, "fp1").unwrap();
        assert_eq!(Csr::load(&p, "fp1").as_ref(), Some(&g));
        assert!(
            Csr::load(&p, "fp2").is_none(),
            "a stale snapshot is ignored"
        );
        std::fs::write(&p, b"CGADJ001garbage").unwrap();
        assert!(Csr::load(&p, "fp1").is_none());
    }

    #[test]
    fn hops_and_paths_through_events_claims_relations() {
        let db = fx::empty();
        let a = fx::actor(&db, "A", "person", None, &[]);
        let b = fx::actor(&db, "B", "person", None, &[]);
        let c = fx::actor(&db, "C", "person", None, &[]);
        let d = fx::actor(&db, "D", "person", None, &[]);
        let e = fx::actor(&db, "E", "person", None, &[]);
        let doc = fx::document(&db, "d", "CNN", "2021-12-04");
        let ev = fx::event(&db, doc, "call", "A calls B", Some("2021-12-07"), &[a, b]);
        let cl = fx::claim(
            &db,
            doc,
            C {
                claimant: b,
                statement: "C is right",
                about: &[c],
                ..Default::default()
            },
        );
        let rel = fx::relation(&db, doc, c, "supports", d);
        let mut adj = StoreAdjacency(&db);
        let n1 = neighbors(&mut adj, a, 1).unwrap();
        assert_eq!(n1.iter().map(|n| n.actor).collect::<Vec<_>>(), vec![b]);
        assert_eq!(n1[0].through, Node::Event(ev));
        let n3 = neighbors(&mut adj, a, 3).unwrap();
        assert_eq!(
            n3.iter().map(|n| (n.actor, n.hops)).collect::<Vec<_>>(),
            vec![(b, 1), (c, 2), (d, 3)]
        );

        let p = path(&mut adj, a, d, 5).unwrap().unwrap();
        let nodes: Vec<Node> = p.iter().map(|s| s.to).collect();
        assert_eq!(
            nodes,
            vec![
                Node::Event(ev),
                Node::Actor(b),
                Node::Claim(cl),
                Node::Actor(c),
                Node::Relation(rel),
                Node::Actor(d)
            ]
        );
        assert_eq!(p[0].from, Node::Actor(a));
        assert!(path(&mut adj, a, d, 2).unwrap().is_none());
        assert!(path(&mut adj, a, e, 10).unwrap().is_none());
    }
}

/// Every node within `max_edges` edges of `start`.
pub fn reach(
    adj: &mut dyn Adjacency,
    start: Node,
    max_edges: usize,
) -> Result<HashMap<Node, usize>> {
    let mut dist = HashMap::from([(start, 0usize)]);
    let mut queue = VecDeque::from([start]);
    let mut buf = Vec::new();
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        if d == max_edges {
            continue;
        }
        buf.clear();
        adj.neighbors(n, &mut buf)?;
        for (m, _) in buf.drain(..) {
            dist.entry(m).or_insert_with(|| {
                queue.push_back(m);
                d + 1
            });
        }
    }
    Ok(dist)
}

/// A node of a path, described for a reader.
#[derive(Debug, Clone, Serialize)]
pub struct NodeInfo {
    pub node: Node,
    /// Actor name, event label, claim statement, relation kind.
    pub name: String,
    /// Time, outlet and document, where the node has them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The sentence it was read from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// Describes a node with its evidence.
pub fn describe(conn: &Connection, n: Node) -> Result<NodeInfo> {
    use crate::store::query::{ClaimFilter, EventFilter};
    let missing = || Error::NotFound(format!("{n:?} is not in the store"));
    Ok(match n {
        Node::Actor(id) => {
            let a = q::actor(conn, id)?.ok_or_else(missing)?;
            NodeInfo {
                node: n,
                name: a.name,
                detail: Some(a.kind),
                evidence: None,
            }
        }
        Node::Event(id) => {
            let e = q::events(
                conn,
                &EventFilter {
                    ids: Some(vec![id]),
                    ..Default::default()
                },
            )?
            .pop()
            .ok_or_else(missing)?;
            let when = e
                .time
                .as_ref()
                .map(|t| super::time::display(t, e.status == "ongoing"))
                .unwrap_or("undated".into());
            NodeInfo {
                node: n,
                name: super::labelled(&format!("{} ({})", e.label, e.kind), e.factuality),
                detail: Some(format!(
                    "{when}; {} {}",
                    super::outlet_of(&e.document),
                    e.document.published
                )),
                evidence: Some(e.evidence.text),
            }
        }
        Node::Claim(id) => {
            let c = q::claims(
                conn,
                &ClaimFilter {
                    ids: Some(vec![id]),
                    ..Default::default()
                },
            )?
            .pop()
            .ok_or_else(missing)?;
            NodeInfo {
                node: n,
                name: format!("claim by {}: {}", c.claimant.name, c.statement),
                detail: Some(format!(
                    "{} {}",
                    super::outlet_of(&c.document),
                    c.document.published
                )),
                evidence: Some(c.evidence.text),
            }
        }
        Node::Relation(id) => {
            let r = q::relation(conn, id)?.ok_or_else(missing)?;
            NodeInfo {
                node: n,
                name: super::labelled(
                    &format!("{} {} {}", r.source.name, r.kind, r.target.name),
                    r.factuality,
                ),
                detail: Some(format!(
                    "{} {}",
                    super::outlet_of(&r.document),
                    r.document.published
                )),
                evidence: Some(r.evidence.text),
            }
        }
    })
}

/// The whole connection graph as compressed adjacency (CSR) in memory: one
/// `u32` index per node, neighbours in one flat array. Event rows that report
/// the same event (same kind, label and dates) in several documents are one
/// node. Built from the store in one scan per table; also saved to and
/// loaded from a snapshot file next to the database, so that a command at
/// the shell does not rebuild it.
#[derive(Debug, Clone, PartialEq)]
pub struct Csr {
    /// First index of actors, events, claims, relations (indexed by store id).
    base: [u32; 4],
    /// Store id of the event row each event row stands for.
    event_canon: Vec<u32>,
    offsets: Vec<u32>,
    targets: Vec<u32>,
    /// Per node, the factualities it is told with (bits of
    /// [`FactualityFilter`]); all bits for actors and claims, whose
    /// existence is no matter of factuality. An event reported by several
    /// rows has the bits of every row.
    facts: Vec<u32>,
    /// The factualities searches pass through (not saved; all by default).
    shown: u32,
}

// Version 2: the per-node factualities.
const SNAPSHOT_MAGIC: &[u8; 8] = b"CGADJ002";

/// The dense index of a node among `n` nodes, events through their canonical row.
fn index_in(base: &[u32; 4], canon: &[u32], n: usize, node: Node) -> Option<u32> {
    let (k, id) = match node {
        Node::Actor(i) => (0, i),
        Node::Event(i) => (1, i64::from(*canon.get(usize::try_from(i).ok()?)?)),
        Node::Claim(i) => (2, i),
        Node::Relation(i) => (3, i),
    };
    let ix = i64::from(base[k]) + id;
    let end = if k == 3 {
        n as i64
    } else {
        i64::from(base[k + 1])
    };
    (id >= 0 && ix < end).then_some(ix as u32)
}

impl Csr {
    fn index(&self, n: Node) -> Option<u32> {
        index_in(&self.base, &self.event_canon, self.offsets.len() - 1, n)
    }

    /// The node that stands for `n`: an event row maps to the first row
    /// that reports the same event; other nodes are themselves.
    pub fn canonical(&self, n: Node) -> Node {
        match n {
            Node::Event(i) => match usize::try_from(i)
                .ok()
                .and_then(|i| self.event_canon.get(i))
            {
                Some(&c) => Node::Event(i64::from(c)),
                None => n,
            },
            other => other,
        }
    }

    fn node(&self, ix: u32) -> Node {
        let k = (0..4)
            .rev()
            .find(|&k| self.base[k] <= ix)
            .expect("base[0] is 0");
        let id = i64::from(ix - self.base[k]);
        match k {
            0 => Node::Actor(id),
            1 => Node::Event(id),
            2 => Node::Claim(id),
            _ => Node::Relation(id),
        }
    }

    /// Searches pass only through events and relations of these
    /// factualities (a hypothetical invasion links no one by default).
    pub fn show(&mut self, f: FactualityFilter) {
        self.shown = u32::from(f.bits());
    }

    /// Whether a search may pass through node `ix`.
    fn passable(&self, ix: u32) -> bool {
        self.facts
            .get(ix as usize)
            .is_some_and(|&b| b & self.shown != 0)
    }

    fn adj(&self, ix: u32) -> &[u32] {
        &self.targets[self.offsets[ix as usize] as usize..self.offsets[ix as usize + 1] as usize]
    }

    /// Number of nodes and of (directed) adjacency entries.
    pub fn size(&self) -> (usize, usize) {
        (self.offsets.len() - 1, self.targets.len())
    }

    /// Builds the graph from the store.
    pub fn build(conn: &Connection) -> Result<Csr> {
        let max = q::max_ids(conn)?;
        let mut base = [0u32; 4];
        for k in 1..4 {
            base[k] = base[k - 1] + max[k - 1] as u32 + 1;
        }
        let n = base[3] as usize + max[3] as usize + 1;
        let mut event_canon: Vec<u32> = (0..=max[1] as u32).collect();
        for (row, first) in event_canon_map(conn)? {
            event_canon[row as usize] = first as u32;
        }
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        q::all_edges(conn, |a, b| {
            if let (Some(x), Some(y)) = (
                index_in(&base, &event_canon, n, a),
                index_in(&base, &event_canon, n, b),
            ) {
                pairs.push((x, y));
                pairs.push((y, x));
            }
        })?;
        pairs.sort_unstable();
        pairs.dedup();
        let mut offsets = vec![0u32; n + 1];
        for &(a, _) in &pairs {
            offsets[a as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let targets = pairs.into_iter().map(|(_, b)| b).collect();
        let mut facts = vec![u32::MAX; n];
        for k in [1usize, 3] {
            let hi = if k == 3 { n } else { base[k + 1] as usize };
            for f in &mut facts[base[k] as usize..hi] {
                *f = 0;
            }
        }
        q::factualities(conn, |node, f| {
            if let Some(ix) = index_in(&base, &event_canon, n, node) {
                facts[ix as usize] |= 1 << f as u32;
            }
        })?;
        Ok(Csr {
            base,
            event_canon,
            offsets,
            targets,
            facts,
            shown: u32::MAX,
        })
    }

    /// Actor store ids within `max_edges` edges of actor `start`, sorted.
    pub fn actors_within(&self, start: i64, max_edges: usize) -> Vec<i64> {
        let mut v: Vec<i64> = self
            .reach_actors(start, max_edges)
            .into_iter()
            .map(|n| n.actor)
            .collect();
        v.sort_unstable();
        v
    }

    /// Actors within `max_edges` edges of `start` with their distance in
    /// actor hops and the node they were reached through, nearest first.
    pub fn reach_actors(&self, start: i64, max_edges: usize) -> Vec<Neighbor> {
        let Some(s) = self.index(Node::Actor(start)) else {
            return Vec::new();
        };
        let mut parent = vec![u32::MAX; self.offsets.len() - 1];
        parent[s as usize] = s;
        let mut frontier = vec![s];
        let mut out = Vec::new();
        for d in 1..=max_edges {
            let mut next = Vec::new();
            for &u in &frontier {
                for &v in self.adj(u) {
                    if parent[v as usize] == u32::MAX && self.passable(v) {
                        parent[v as usize] = u;
                        next.push(v);
                        if v < self.base[1] {
                            out.push(Neighbor {
                                actor: i64::from(v),
                                hops: d.div_ceil(2),
                                through: self.node(u),
                            });
                        }
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        out
    }

    /// Length in edges of a shortest path between two actors (at most
    /// `max_edges`), by bidirectional BFS that always grows the side with the
    /// fewer frontier edges; `None` when there is none.
    pub fn distance(&self, a: i64, b: i64, max_edges: usize) -> Option<usize> {
        self.shortest_path(a, b, max_edges).map(|p| p.len() - 1)
    }

    /// A shortest path between two actors as nodes, both ends included.
    pub fn shortest_path(&self, a: i64, b: i64, max_edges: usize) -> Option<Vec<Node>> {
        let (s, t) = (self.index(Node::Actor(a))?, self.index(Node::Actor(b))?);
        if s == t {
            return Some(vec![Node::Actor(a)]);
        }
        const NONE: u32 = u32::MAX;
        let n = self.offsets.len() - 1;
        // parent links per side; a node is seen by a side when its parent is set.
        let mut par = [vec![NONE; n], vec![NONE; n]];
        par[0][s as usize] = s;
        par[1][t as usize] = t;
        let mut fr = [vec![s], vec![t]];
        let mut depth = 0;
        while depth < max_edges && !fr[0].is_empty() && !fr[1].is_empty() {
            let cost = |f: &Vec<u32>| f.iter().map(|&u| self.adj(u).len()).sum::<usize>();
            let side = usize::from(cost(&fr[1]) < cost(&fr[0]));
            let mut next = Vec::new();
            let mut meet = None;
            for &u in &fr[side] {
                for &v in self.adj(u) {
                    if par[side][v as usize] != NONE || !self.passable(v) {
                        continue;
                    }
                    par[side][v as usize] = u;
                    if par[1 - side][v as usize] != NONE {
                        meet = Some(v);
                        break;
                    }
                    next.push(v);
                }
                if meet.is_some() {
                    break;
                }
            }
            depth += 1;
            if let Some(m) = meet {
                let mut left = vec![m];
                let mut cur = m;
                while par[0][cur as usize] != cur {
                    cur = par[0][cur as usize];
                    left.push(cur);
                }
                left.reverse();
                let mut cur = m;
                while par[1][cur as usize] != cur {
                    cur = par[1][cur as usize];
                    left.push(cur);
                }
                return Some(left.into_iter().map(|ix| self.node(ix)).collect());
            }
            fr[side] = next;
        }
        None
    }

    /// Writes the snapshot: magic, fingerprint, then the arrays as little-endian `u32`.
    pub fn save(&self, path: &std::path::Path, fingerprint: &str) -> std::io::Result<()> {
        use std::io::Write;
        let tmp = super::snapfile::temp_beside(path);
        let mut w = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        w.write_all(SNAPSHOT_MAGIC)?;
        let fp = fingerprint.as_bytes();
        w.write_all(&(fp.len() as u32).to_le_bytes())?;
        w.write_all(fp)?;
        for b in self.base {
            w.write_all(&b.to_le_bytes())?;
        }
        for arr in [&self.event_canon, &self.offsets, &self.targets, &self.facts] {
            w.write_all(&(arr.len() as u64).to_le_bytes())?;
            for x in arr.iter() {
                w.write_all(&x.to_le_bytes())?;
            }
        }
        w.flush()?;
        drop(w);
        super::snapfile::put_in_place(&tmp, path)
    }

    /// Reads a snapshot written for this fingerprint; `None` when the file is
    /// missing, damaged or stale.
    pub fn load(path: &std::path::Path, fingerprint: &str) -> Option<Csr> {
        let bytes = std::fs::read(path).ok()?;
        let mut at = 0usize;
        let mut take = |n: usize| -> Option<&[u8]> {
            let s = bytes.get(at..at + n)?;
            at += n;
            Some(s)
        };
        if take(8)? != SNAPSHOT_MAGIC {
            return None;
        }
        let fl = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
        if take(fl)? != fingerprint.as_bytes() {
            return None;
        }
        let mut base = [0u32; 4];
        for b in &mut base {
            *b = u32::from_le_bytes(take(4)?.try_into().ok()?);
        }
        let mut arrays: Vec<Vec<u32>> = Vec::with_capacity(4);
        for _ in 0..4 {
            let len = u64::from_le_bytes(take(8)?.try_into().ok()?) as usize;
            let raw = take(len.checked_mul(4)?)?;
            arrays.push(
                raw.chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect(),
            );
        }
        let facts = arrays.pop()?;
        let targets = arrays.pop()?;
        let offsets = arrays.pop()?;
        let event_canon = arrays.pop()?;
        let ok = offsets.last().is_some_and(|&l| l as usize == targets.len())
            && targets.iter().all(|&t| (t as usize) < offsets.len() - 1)
            && facts.len() + 1 == offsets.len();
        ok.then_some(Csr {
            base,
            event_canon,
            offsets,
            targets,
            facts,
            shown: u32::MAX,
        })
    }

    /// The snapshot next to the database when it is current, else a fresh
    /// build (saved for next time when the directory is writable).
    pub fn open(conn: &Connection, db: &std::path::Path) -> Result<Csr> {
        let fp = q::fingerprint(conn)?;
        let path = snapshot_path(db);
        if let Some(c) = Csr::load(&path, &fp) {
            return Ok(c);
        }
        let c = Csr::build(conn)?;
        // A read-only directory only costs the next command a rebuild.
        let _ = c.save(&path, &fp);
        Ok(c)
    }
}

/// Event rows that report an event first recorded under another row, mapped
/// to that row (same kind, label and dates).
pub fn event_canon_map(conn: &Connection) -> Result<HashMap<i64, i64>> {
    // Keyed by a 64-bit hash of the identity rather than by four owned
    // strings: a million rows, no allocation per row (a collision between
    // two distinct events has odds of about n^2 / 2^64).
    let mut first: HashMap<u64, i64> = HashMap::new();
    let mut out = HashMap::new();
    q::event_identities(conn, |id, kind, label, s, e| {
        let key = crate::model::fnv1a([kind, label, s.unwrap_or("\u{0}"), e.unwrap_or("\u{0}")]);
        let c = *first.entry(key).or_insert(id);
        if c != id {
            out.insert(id, c);
        }
    })?;
    Ok(out)
}

/// Where the adjacency snapshot of a database lives: `<db>.cache/graph.adj`.
pub fn snapshot_path(db: &std::path::Path) -> std::path::PathBuf {
    crate::store::cache::cache_file(db, "graph.adj")
}
