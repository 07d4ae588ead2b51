//! The petgraph view of the store: documents, actors, events and claims as
//! nodes, typed edges between them. Built from the store in one pass over
//! each table; the store stays the source of truth, so nodes carry ids and
//! the few fields traversals need, not whole records.
//!
//! Edges point the way information flows:
//!
//! | edge | from → to |
//! |---|---|
//! | [`Edge::ClaimantOf`] | actor → claim |
//! | [`Edge::RelayedVia`] | actor → claim (position 0 is nearest the document) |
//! | [`Edge::PublishedIn`] | claim or event → document |
//! | [`Edge::Publishes`] | actor (the outlet) → document |
//! | [`Edge::Participant`] | actor → event |
//! | [`Edge::About`] | claim → actor or event |
//! | [`Edge::PartOf`] | actor → actor it belongs to |
//! | [`Edge::Relation`] | actor → actor (source → target) |
//! | [`Edge::Contradicts`] | claim → claim (added by [`ClaimGraph::add_contradictions`]) |

use crate::error::Result;
use crate::model::{ActorKind, EventStatus, Quantity};
use crate::store::Store;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use std::collections::HashMap;
use std::sync::Arc;

/// A node: the store id of a record and what traversals need of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Document {
        id: i64,
        key: Box<str>,
    },
    Actor {
        id: i64,
        name: Box<str>,
        kind: ActorKind,
    },
    Event {
        id: i64,
        kind: Arc<str>,
        status: EventStatus,
    },
    Claim {
        id: i64,
    },
}

impl Node {
    /// The store id (`documents.id`, `actors.id`, `events.id`, `claims.id`).
    pub fn id(&self) -> i64 {
        match self {
            Node::Document { id, .. }
            | Node::Actor { id, .. }
            | Node::Event { id, .. }
            | Node::Claim { id } => *id,
        }
    }
}

/// A relation edge's payload (boxed so that every other edge stays small).
#[derive(Debug, Clone, PartialEq)]
pub struct RelationEdge {
    /// `relations.id`.
    pub id: i64,
    pub kind: Arc<str>,
    /// Inclusive bounds of when the relation holds, where known.
    pub start: Option<Box<str>>,
    pub end: Option<Box<str>>,
}

/// A typed edge; see the module documentation for directions.
#[derive(Debug, Clone, PartialEq)]
pub enum Edge {
    ClaimantOf,
    RelayedVia { position: u32 },
    PublishedIn,
    Publishes,
    Participant { role: Arc<str> },
    About,
    PartOf,
    Relation(Box<RelationEdge>),
    Contradicts,
}

impl Edge {
    /// The snake_case name of the edge type.
    pub fn kind(&self) -> &'static str {
        match self {
            Edge::ClaimantOf => "claimant_of",
            Edge::RelayedVia { .. } => "relayed_via",
            Edge::PublishedIn => "published_in",
            Edge::Publishes => "publishes",
            Edge::Participant { .. } => "participant",
            Edge::About => "about",
            Edge::PartOf => "part_of",
            Edge::Relation(_) => "relation",
            Edge::Contradicts => "contradicts",
        }
    }
}

/// Store id → node index, dense because SQLite rowids are.
#[derive(Debug, Default, Clone)]
struct IdMap(Vec<u32>);

impl IdMap {
    const NONE: u32 = u32::MAX;

    fn insert(&mut self, id: i64, n: NodeIndex) {
        let i = id as usize;
        if i >= self.0.len() {
            self.0.resize(i + 1, Self::NONE);
        }
        self.0[i] = n.index() as u32;
    }

    fn get(&self, id: i64) -> Option<NodeIndex> {
        let v = *self.0.get(usize::try_from(id).ok()?)?;
        (v != Self::NONE).then(|| NodeIndex::new(v as usize))
    }
}

/// The claim graph and the maps from store ids to its nodes.
#[derive(Debug, Default)]
pub struct ClaimGraph {
    pub graph: StableDiGraph<Node, Edge>,
    documents: IdMap,
    actors: IdMap,
    events: IdMap,
    claims: IdMap,
}

/// Node and edge counts per kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct GraphCounts {
    pub documents: usize,
    pub actors: usize,
    pub events: usize,
    pub claims: usize,
    /// Edges per [`Edge::kind`].
    pub edges: std::collections::BTreeMap<&'static str, usize>,
}

/// Shares equal strings (event kinds, roles, relation kinds) between edges.
#[derive(Default)]
struct Interner(HashMap<String, Arc<str>>);

impl Interner {
    fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.0.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        self.0.insert(s.to_owned(), a.clone());
        a
    }
}

/// A text column borrowed from the row, without allocating.
fn text<'r>(r: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str> {
    r.get_ref(i)?.as_str().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
            .into()
    })
}

fn count(store: &Store, table: &str) -> Result<usize> {
    // Table names come from this module, never from input.
    let n: i64 = store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
    Ok(n as usize)
}

impl ClaimGraph {
    /// Builds the graph from the store: one scan of each table, all inside
    /// one read transaction so that the graph is a consistent snapshot.
    pub fn load(store: &Store) -> Result<ClaimGraph> {
        let conn = store.conn();
        conn.execute_batch("BEGIN")?;
        let res = Self::load_inner(store);
        conn.execute_batch("COMMIT")?;
        res
    }

    fn load_inner(store: &Store) -> Result<ClaimGraph> {
        let conn = store.conn();
        let nodes = count(store, "documents")?
            + count(store, "actors")?
            + count(store, "events")?
            + count(store, "claims")?;
        let edges = 2 * count(store, "claims")?
            + count(store, "claim_via")?
            + count(store, "claim_about")?
            + count(store, "event_participants")?
            + count(store, "events")?
            + count(store, "relations")?
            + count(store, "documents")?
            + count(store, "actors")?;
        let mut g = ClaimGraph {
            graph: StableDiGraph::with_capacity(nodes, edges),
            ..Default::default()
        };
        let mut strings = Interner::default();

        let mut st = conn.prepare("SELECT id, name, kind, part_of FROM actors")?;
        let mut part_of = Vec::new();
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let name: String = r.get(1)?;
            let kind = ActorKind::parse(text(r, 2)?).unwrap_or_default();
            let n = g.graph.add_node(Node::Actor {
                id,
                name: name.into_boxed_str(),
                kind,
            });
            g.actors.insert(id, n);
            if let Some(p) = r.get::<_, Option<i64>>(3)? {
                part_of.push((n, p));
            }
        }
        for (n, p) in part_of {
            if let Some(pn) = g.actors.get(p) {
                g.graph.add_edge(n, pn, Edge::PartOf);
            }
        }

        let mut st = conn.prepare("SELECT id, key, publisher_id FROM documents")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let key: String = r.get(1)?;
            let n = g.graph.add_node(Node::Document {
                id,
                key: key.into_boxed_str(),
            });
            g.documents.insert(id, n);
            if let Some(p) = r.get::<_, Option<i64>>(2)?.and_then(|p| g.actors.get(p)) {
                g.graph.add_edge(p, n, Edge::Publishes);
            }
        }

        let mut st = conn.prepare("SELECT id, document_id, kind, status FROM events")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let kind = strings.get(text(r, 2)?);
            let status = EventStatus::parse(text(r, 3)?).unwrap_or_default();
            let n = g.graph.add_node(Node::Event { id, kind, status });
            g.events.insert(id, n);
            if let Some(d) = g.documents.get(r.get(1)?) {
                g.graph.add_edge(n, d, Edge::PublishedIn);
            }
        }

        let mut st = conn.prepare("SELECT event_id, actor_id, role FROM event_participants")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            if let (Some(e), Some(a)) = (g.events.get(r.get(0)?), g.actors.get(r.get(1)?)) {
                let role = strings.get(text(r, 2)?);
                g.graph.add_edge(a, e, Edge::Participant { role });
            }
        }

        let mut st = conn.prepare("SELECT id, document_id, claimant_id FROM claims")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let n = g.graph.add_node(Node::Claim { id });
            g.claims.insert(id, n);
            if let Some(d) = g.documents.get(r.get(1)?) {
                g.graph.add_edge(n, d, Edge::PublishedIn);
            }
            if let Some(a) = g.actors.get(r.get(2)?) {
                g.graph.add_edge(a, n, Edge::ClaimantOf);
            }
        }

        let mut st = conn.prepare("SELECT claim_id, position, actor_id FROM claim_via")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            if let (Some(c), Some(a)) = (g.claims.get(r.get(0)?), g.actors.get(r.get(2)?)) {
                g.graph.add_edge(
                    a,
                    c,
                    Edge::RelayedVia {
                        position: r.get(1)?,
                    },
                );
            }
        }

        let mut st = conn.prepare("SELECT claim_id, actor_id, event_id FROM claim_about")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let Some(c) = g.claims.get(r.get(0)?) else {
                continue;
            };
            let target = match (r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?) {
                (Some(a), _) => g.actors.get(a),
                (None, Some(e)) => g.events.get(e),
                (None, None) => None,
            };
            if let Some(t) = target {
                g.graph.add_edge(c, t, Edge::About);
            }
        }

        let mut st =
            conn.prepare("SELECT id, source_id, kind, target_id, t_start, t_end FROM relations")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            if let (Some(s), Some(t)) = (g.actors.get(r.get(1)?), g.actors.get(r.get(3)?)) {
                let rel = RelationEdge {
                    id: r.get(0)?,
                    kind: strings.get(text(r, 2)?),
                    start: r.get::<_, Option<String>>(4)?.map(String::into_boxed_str),
                    end: r.get::<_, Option<String>>(5)?.map(String::into_boxed_str),
                };
                g.graph.add_edge(s, t, Edge::Relation(Box::new(rel)));
            }
        }
        Ok(g)
    }

    /// The node of a document, actor, event or claim by store id.
    pub fn document(&self, id: i64) -> Option<NodeIndex> {
        self.documents.get(id)
    }
    /// See [`ClaimGraph::document`].
    pub fn actor(&self, id: i64) -> Option<NodeIndex> {
        self.actors.get(id)
    }
    /// See [`ClaimGraph::document`].
    pub fn event(&self, id: i64) -> Option<NodeIndex> {
        self.events.get(id)
    }
    /// See [`ClaimGraph::document`].
    pub fn claim(&self, id: i64) -> Option<NodeIndex> {
        self.claims.get(id)
    }

    /// Nodes and edges per kind.
    pub fn counts(&self) -> GraphCounts {
        let mut c = GraphCounts::default();
        for n in self.graph.node_weights() {
            match n {
                Node::Document { .. } => c.documents += 1,
                Node::Actor { .. } => c.actors += 1,
                Node::Event { .. } => c.events += 1,
                Node::Claim { .. } => c.claims += 1,
            }
        }
        for e in self.graph.edge_weights() {
            *c.edges.entry(e.kind()).or_default() += 1;
        }
        c
    }

    /// The reporting chain of a claim, nearest to the document first, as
    /// actor nodes.
    pub fn via_chain(&self, claim: NodeIndex) -> Vec<NodeIndex> {
        let mut chain: Vec<(u32, NodeIndex)> = self
            .graph
            .edges_directed(claim, petgraph::Direction::Incoming)
            .filter_map(|e| match e.weight() {
                Edge::RelayedVia { position } => Some((*position, e.source())),
                _ => None,
            })
            .collect();
        chain.sort_unstable();
        chain.into_iter().map(|(_, n)| n).collect()
    }

    /// The claimant of a claim.
    pub fn claimant(&self, claim: NodeIndex) -> Option<NodeIndex> {
        self.graph
            .edges_directed(claim, petgraph::Direction::Incoming)
            .find(|e| matches!(e.weight(), Edge::ClaimantOf))
            .map(|e| e.source())
    }

    /// Adds a [`Edge::Contradicts`] edge between every two claims that count
    /// the same subject in the same unit, come from different claimants,
    /// may hold at the same time (valid times overlap or are unknown), and
    /// whose quantities do not overlap once widened by `tolerance` (see
    /// [`Quantity::overlaps`]). The edge runs from the lower claim id to the
    /// higher. Returns how many edges were added.
    pub fn add_contradictions(&mut self, store: &Store, tolerance: f64) -> Result<usize> {
        struct Q {
            node: NodeIndex,
            claimant: i64,
            q: Quantity,
            start: Option<String>,
            end: Option<String>,
        }
        let mut st = store.conn().prepare(
            "SELECT id, claimant_id, subject, q_unit, q_value, q_lower, q_upper, q_lower_open, q_upper_open,
                    valid_start, valid_end
             FROM claims WHERE subject IS NOT NULL
               AND (q_value IS NOT NULL OR q_lower IS NOT NULL OR q_upper IS NOT NULL)
             ORDER BY subject, q_unit, id",
        )?;
        let mut groups: Vec<Vec<Q>> = Vec::new();
        let mut last_key: Option<(String, Option<String>)> = None;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let Some(node) = self.claims.get(r.get(0)?) else {
                continue;
            };
            let key = (r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?);
            if last_key.as_ref() != Some(&key) {
                groups.push(Vec::new());
                last_key = Some(key);
            }
            let q = Quantity {
                value: r.get(4)?,
                lower: r.get(5)?,
                upper: r.get(6)?,
                lower_open: r.get::<_, Option<bool>>(7)?.unwrap_or(false),
                upper_open: r.get::<_, Option<bool>>(8)?.unwrap_or(false),
                ..Default::default()
            };
            groups.last_mut().expect("pushed above").push(Q {
                node,
                claimant: r.get(1)?,
                q,
                start: r.get(9)?,
                end: r.get(10)?,
            });
        }
        let mut added = 0;
        for g in &groups {
            for (i, a) in g.iter().enumerate() {
                for b in &g[i + 1..] {
                    let same_time = match (&a.start, &a.end, &b.start, &b.end) {
                        (Some(a0), Some(a1), Some(b0), Some(b1)) => a0 <= b1 && b0 <= a1,
                        _ => true,
                    };
                    if a.claimant != b.claimant && same_time && !a.q.overlaps(&b.q, tolerance) {
                        self.graph.add_edge(a.node, b.node, Edge::Contradicts);
                        added += 1;
                    }
                }
            }
        }
        Ok(added)
    }
}
