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

/// Resolves two names and finds the path between them in the store.
pub fn path_between(
    conn: &Connection,
    a: &str,
    b: &str,
    max_hops: usize,
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
    path(&mut StoreAdjacency(conn), x.id, y.id, max_hops)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

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

/// A node of an exported graph.
#[derive(Debug, Clone, Serialize)]
pub struct GraphNode {
    /// `actor:12`, `event:3`, `claim:7`, `document:2`.
    pub id: String,
    /// `Actor`, `Event`, `Claim` or `Document`.
    pub label: &'static str,
    /// Display name.
    pub name: String,
    /// Properties, all text.
    pub props: std::collections::BTreeMap<String, String>,
}

/// An edge of an exported graph.
#[derive(Debug, Clone, Serialize)]
pub struct GraphEdge {
    pub source: String,
    pub target: String,
    /// `PARTICIPATED_IN`, `CLAIMED`, `VIA`, `ABOUT`, `REPORTED_IN`,
    /// `PART_OF`, or a relation kind in upper case (`SUPPORTS`).
    pub label: String,
    pub props: std::collections::BTreeMap<String, String>,
}

/// Nodes and edges for `export --graph`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GraphData {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
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

fn props(pairs: &[(&str, Option<String>)]) -> std::collections::BTreeMap<String, String> {
    pairs
        .iter()
        .filter_map(|(k, v)| v.clone().map(|v| ((*k).to_owned(), v)))
        .collect()
}

/// A relation kind as an edge label: upper snake case of letters and digits.
pub fn edge_label(kind: &str) -> String {
    let s: String = kind
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("R_{s}")
    } else {
        s
    }
}

/// The whole graph, or the part within `hops` actor hops of one actor:
/// actors, events, claims and their documents as nodes; participation,
/// claims, chains, subjects, `part_of` and relations as edges.
pub fn export_graph(conn: &Connection, center: Option<(&str, usize)>) -> Result<GraphData> {
    use crate::store::query::{ClaimFilter, EventFilter};
    use std::collections::HashSet;
    let keep: Option<HashSet<Node>> = match center {
        Some((name, hops)) => {
            let a = super::resolve_actor(conn, name)?;
            Some(
                reach(&mut StoreAdjacency(conn), Node::Actor(a.id), hops * 2)?
                    .into_keys()
                    .collect(),
            )
        }
        None => None,
    };
    let kept = |n: Node| keep.as_ref().is_none_or(|k| k.contains(&n));
    let mut g = GraphData::default();
    let mut docs: HashSet<i64> = HashSet::new();
    let actors: Vec<_> = q::all_actors(conn)?
        .into_iter()
        .filter(|a| kept(Node::Actor(a.id)))
        .collect();
    let actor_ids: HashSet<i64> = actors.iter().map(|a| a.id).collect();
    for a in &actors {
        g.nodes.push(GraphNode {
            id: format!("actor:{}", a.id),
            label: "Actor",
            name: a.name.clone(),
            props: props(&[
                ("kind", Some(a.kind.clone())),
                ("aliases", Some(q::actor_aliases(conn, a.id)?.join("; "))),
            ]),
        });
        if let Some(p) = a.part_of.filter(|p| actor_ids.contains(p)) {
            g.edges.push(GraphEdge {
                source: format!("actor:{}", a.id),
                target: format!("actor:{p}"),
                label: "PART_OF".into(),
                props: Default::default(),
            });
        }
    }
    for e in q::events(conn, &EventFilter::default())? {
        if !kept(Node::Event(e.id)) {
            continue;
        }
        docs.insert(e.document.id);
        let id = format!("event:{}", e.id);
        g.nodes.push(GraphNode {
            id: id.clone(),
            label: "Event",
            name: e.label.clone(),
            props: props(&[
                ("kind", Some(e.kind.clone())),
                ("status", Some(e.status.clone())),
                ("time", e.time.as_ref().map(|t| t.value.clone())),
                (
                    "when",
                    e.time
                        .as_ref()
                        .map(|t| super::time::display(t, e.status == "ongoing")),
                ),
                (
                    "start",
                    e.time.as_ref().and_then(|t| t.start).map(|d| d.to_string()),
                ),
                (
                    "end",
                    e.time.as_ref().and_then(|t| t.end).map(|d| d.to_string()),
                ),
                ("place", e.place.clone()),
                ("evidence", Some(e.evidence.text.clone())),
            ]),
        });
        for p in e
            .participants
            .iter()
            .filter(|p| actor_ids.contains(&p.actor.id))
        {
            g.edges.push(GraphEdge {
                source: format!("actor:{}", p.actor.id),
                target: id.clone(),
                label: "PARTICIPATED_IN".into(),
                props: props(&[("role", Some(p.role.clone()))]),
            });
        }
        g.edges.push(GraphEdge {
            source: id,
            target: format!("document:{}", e.document.id),
            label: "REPORTED_IN".into(),
            props: Default::default(),
        });
    }
    for c in q::claims(conn, &ClaimFilter::default())? {
        if !kept(Node::Claim(c.id)) {
            continue;
        }
        docs.insert(c.document.id);
        let id = format!("claim:{}", c.id);
        let qn = c.quantity.as_ref();
        g.nodes.push(GraphNode {
            id: id.clone(),
            label: "Claim",
            name: c.statement.clone(),
            props: props(&[
                ("subject", c.subject.clone()),
                ("polarity", Some(c.polarity.clone())),
                ("modality", Some(c.modality.clone())),
                ("value", qn.and_then(|q| q.value).map(|v| v.to_string())),
                ("lower", qn.and_then(|q| q.lower).map(|v| v.to_string())),
                ("upper", qn.and_then(|q| q.upper).map(|v| v.to_string())),
                ("unit", qn.and_then(|q| q.unit.clone())),
                ("stated", c.stated.as_ref().map(|t| t.value.clone())),
                ("valid", c.valid.as_ref().map(|t| t.value.clone())),
                ("evidence", Some(c.evidence.text.clone())),
            ]),
        });
        let mut edge = |s: String, t: String, l: &str, p| {
            g.edges.push(GraphEdge {
                source: s,
                target: t,
                label: l.into(),
                props: p,
            })
        };
        if actor_ids.contains(&c.claimant.id) {
            edge(
                format!("actor:{}", c.claimant.id),
                id.clone(),
                "CLAIMED",
                Default::default(),
            );
        }
        for (i, v) in c
            .via
            .iter()
            .enumerate()
            .filter(|(_, v)| actor_ids.contains(&v.id))
        {
            edge(
                id.clone(),
                format!("actor:{}", v.id),
                "VIA",
                props(&[("position", Some(i.to_string()))]),
            );
        }
        for a in c.about_actors.iter().filter(|a| actor_ids.contains(&a.id)) {
            edge(
                id.clone(),
                format!("actor:{}", a.id),
                "ABOUT",
                Default::default(),
            );
        }
        for e in c.about_events.iter().filter(|e| kept(Node::Event(**e))) {
            edge(
                id.clone(),
                format!("event:{e}"),
                "ABOUT",
                Default::default(),
            );
        }
        edge(
            id,
            format!("document:{}", c.document.id),
            "REPORTED_IN",
            Default::default(),
        );
    }
    for r in q::relations(conn, None, None)? {
        if !kept(Node::Relation(r.id))
            || !actor_ids.contains(&r.source.id)
            || !actor_ids.contains(&r.target.id)
        {
            continue;
        }
        docs.insert(r.document.id);
        g.edges.push(GraphEdge {
            source: format!("actor:{}", r.source.id),
            target: format!("actor:{}", r.target.id),
            label: edge_label(&r.kind),
            props: props(&[
                ("kind", Some(r.kind.clone())),
                ("time", r.time.as_ref().map(|t| t.value.clone())),
                ("document", Some(r.document.key.clone())),
                ("outlet", r.document.publisher.clone()),
                ("evidence", Some(r.evidence.text.clone())),
            ]),
        });
    }
    for d in q::all_documents(conn)?
        .into_iter()
        .filter(|d| docs.contains(&d.id))
    {
        g.nodes.push(GraphNode {
            id: format!("document:{}", d.id),
            label: "Document",
            name: d.title.clone().unwrap_or_else(|| d.key.clone()),
            props: props(&[
                ("key", Some(d.key.clone())),
                ("outlet", d.publisher.clone()),
                ("published", Some(d.published.clone())),
                ("url", d.url.clone()),
            ]),
        });
    }
    Ok(g)
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
                name: format!("{} ({})", e.label, e.kind),
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
                name: format!("{} {} {}", r.source.name, r.kind, r.target.name),
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
