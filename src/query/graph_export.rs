//! The graph as the exports see it: typed nodes and edges for GraphML, JSON,
//! Cypher and Neo4j's bulk import ([`export_graph`], described by
//! [`node_schema`] and [`edge_schema`]), and the collapsed actor-relation view
//! that stays legible in Graphviz ([`actor_view`]).
//!
//! The schema is fixed here rather than gathered from the data: a Cypher
//! schema header has to declare every property before the first row, and a
//! second export of a larger store must fit the tables the first created.

use super::graph::{Shown, StoreAdjacency, reach};
use crate::Result;
use crate::model::FactualityFilter;
use crate::store::query::{self as q, Node};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

/// The type of a property, as the target formats declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PropType {
    Text,
    Int,
    Float,
    /// A calendar day (`YYYY-MM-DD`).
    Date,
}

/// A typed property value.
#[derive(Debug, Clone, PartialEq)]
pub enum Prop {
    Text(String),
    Int(i64),
    Float(f64),
    Date(NaiveDate),
}

impl Prop {
    /// The type of this value.
    pub fn kind(&self) -> PropType {
        match self {
            Prop::Text(_) => PropType::Text,
            Prop::Int(_) => PropType::Int,
            Prop::Float(_) => PropType::Float,
            Prop::Date(_) => PropType::Date,
        }
    }

    /// The value as text (dates as `YYYY-MM-DD`, numbers as Rust prints them).
    pub fn text(&self) -> String {
        match self {
            Prop::Text(s) => s.clone(),
            Prop::Int(i) => i.to_string(),
            Prop::Float(f) => f.to_string(),
            Prop::Date(d) => d.to_string(),
        }
    }
}

impl Serialize for Prop {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Prop::Text(t) => s.serialize_str(t),
            Prop::Int(i) => s.serialize_i64(*i),
            Prop::Float(f) => s.serialize_f64(*f),
            Prop::Date(d) => s.collect_str(d),
        }
    }
}

/// Properties of a node or an edge, by name.
pub type Props = BTreeMap<String, Prop>;

/// A node of an exported graph.
#[derive(Debug, Clone, Serialize)]
pub struct GraphNode {
    /// `actor:12`, `event:3`, `claim:7`, `document:2`: stable for a given
    /// store, so that loading a second export updates the first.
    pub id: String,
    /// `Actor`, `Event`, `Claim` or `Document`.
    pub label: &'static str,
    /// Display name.
    pub name: String,
    /// Typed properties (see [`node_schema`]).
    pub props: Props,
}

/// An edge of an exported graph.
#[derive(Debug, Clone, Serialize)]
pub struct GraphEdge {
    pub source: String,
    pub target: String,
    /// `PARTICIPATED_IN`, `CLAIMED`, `VIA`, `ABOUT`, `REPORTED_IN`,
    /// `PART_OF`, or a relation kind in upper case (`SUPPORTS`).
    pub label: String,
    /// Typed properties (see [`edge_schema`]).
    pub props: Props,
}

/// Nodes and edges for `export --graph`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GraphData {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
}

/// The node labels, in the order a loader must create them.
pub const NODE_LABELS: &[&str] = &["Actor", "Document", "Event", "Claim"];

/// The properties every node of `label` may carry (besides `id` and
/// `name`), with their types.
pub fn node_schema(label: &str) -> &'static [(&'static str, PropType)] {
    use PropType::*;
    match label {
        "Actor" => &[("kind", Text), ("aliases", Text)],
        "Document" => &[
            ("key", Text),
            ("outlet", Text),
            ("published", Date),
            ("url", Text),
        ],
        "Event" => &[
            ("kind", Text),
            ("status", Text),
            ("factuality", Text),
            ("time", Text),
            ("when", Text),
            ("start", Date),
            ("end", Date),
            ("place", Text),
            ("evidence", Text),
        ],
        "Claim" => &[
            ("subject", Text),
            ("polarity", Text),
            ("modality", Text),
            ("factuality", Text),
            ("value", Float),
            ("lower", Float),
            ("upper", Float),
            ("unit", Text),
            ("stated", Text),
            ("valid", Text),
            ("valid_start", Date),
            ("valid_end", Date),
            ("published", Date),
            ("evidence", Text),
        ],
        _ => &[],
    }
}

/// Properties of an actor-to-actor relation edge.
const RELATION_PROPS: &[(&str, PropType)] = &[
    // `relation:12`: two relations of one kind between the same actors
    // (read from two documents) stay two edges.
    ("id", PropType::Text),
    ("kind", PropType::Text),
    ("factuality", PropType::Text),
    ("time", PropType::Text),
    ("start", PropType::Date),
    ("end", PropType::Date),
    ("document", PropType::Text),
    ("outlet", PropType::Text),
    ("evidence", PropType::Text),
];

/// The edge labels that are not relation kinds, with the (source label,
/// target label) pairs each joins.
pub const FIXED_EDGES: &[(&str, &[(&str, &str)])] = &[
    ("PART_OF", &[("Actor", "Actor")]),
    ("PARTICIPATED_IN", &[("Actor", "Event")]),
    ("CLAIMED", &[("Actor", "Claim")]),
    ("VIA", &[("Claim", "Actor")]),
    ("ABOUT", &[("Claim", "Actor"), ("Claim", "Event")]),
    (
        "REPORTED_IN",
        &[("Event", "Document"), ("Claim", "Document")],
    ),
];

/// (source label, target label) pairs an edge label joins.
pub type Ends = &'static [(&'static str, &'static str)];

/// Property names and types.
pub type Schema = &'static [(&'static str, PropType)];

/// The ends and properties of edges labelled `label`; any label that is not
/// one of [`FIXED_EDGES`] is a relation between two actors.
pub fn edge_schema(label: &str) -> (Ends, Schema) {
    use PropType::*;
    match FIXED_EDGES.iter().find(|(l, _)| *l == label) {
        Some(("PARTICIPATED_IN", ends)) => (ends, &[("role", Text)]),
        Some(("VIA", ends)) => (ends, &[("position", Int)]),
        Some((_, ends)) => (ends, &[]),
        None => (&[("Actor", "Actor")], RELATION_PROPS),
    }
}

/// A relation kind as an edge label: upper snake case of letters and digits,
/// never one of the fixed edge labels (a relation kind `about` would
/// otherwise join the claims' `ABOUT` edges).
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
    if s.is_empty()
        || s.starts_with(|c: char| c.is_ascii_digit())
        || FIXED_EDGES.iter().any(|(l, _)| *l == s)
    {
        format!("R_{s}")
    } else {
        s
    }
}

/// Builds a property map, leaving out absent values.
fn props(pairs: Vec<(&str, Option<Prop>)>) -> Props {
    pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
        .collect()
}

fn text(s: &str) -> Option<Prop> {
    Some(Prop::Text(s.to_owned()))
}

fn opt_text(s: &Option<String>) -> Option<Prop> {
    s.as_deref().and_then(text)
}

fn float(v: Option<f64>) -> Option<Prop> {
    // NaN and infinities have no literal in Cypher or GraphML.
    v.filter(|f| f.is_finite()).map(Prop::Float)
}

fn date(d: Option<NaiveDate>) -> Option<Prop> {
    d.map(Prop::Date)
}

fn day(s: &str) -> Option<Prop> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .map(Prop::Date)
}

/// The nodes hidden by `shown` (events, claims and relations of other
/// factualities), which a neighbourhood must not be reached through: no
/// actor hangs in it by a hidden (say hypothetical) link.
fn hidden(conn: &rusqlite::Connection, shown: FactualityFilter) -> Result<HashSet<Node>> {
    let mut hidden = HashSet::new();
    q::factualities(conn, |n, f| {
        if !shown.admits(f) {
            hidden.insert(n);
        }
    })?;
    Ok(hidden)
}

/// The whole graph, or the part within `hops` actor hops of one actor:
/// actors, events, claims and their documents as nodes; participation,
/// claims, chains, subjects, `part_of` and relations as edges. Events and
/// relations of the factualities `shown` only, each with a `factuality`
/// property (and its name labelled when it is not asserted).
pub fn export_graph(
    conn: &rusqlite::Connection,
    center: Option<(&str, usize)>,
    shown: FactualityFilter,
) -> Result<GraphData> {
    use crate::store::query::{ClaimFilter, EventFilter};
    let keep: Option<HashSet<Node>> = match center {
        Some((name, hops)) => {
            let a = super::resolve_actor(conn, name)?;
            let mut adj = Shown {
                inner: StoreAdjacency(conn),
                hidden: hidden(conn, shown)?,
            };
            Some(
                reach(&mut adj, Node::Actor(a.id), hops * 2)?
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
            props: props(vec![
                ("kind", text(&a.kind)),
                ("aliases", text(&q::actor_aliases(conn, a.id)?.join("; "))),
            ]),
        });
        if let Some(p) = a.part_of.filter(|p| actor_ids.contains(p)) {
            g.edges.push(GraphEdge {
                source: format!("actor:{}", a.id),
                target: format!("actor:{p}"),
                label: "PART_OF".into(),
                props: Props::new(),
            });
        }
    }
    let events = q::events(
        conn,
        &EventFilter {
            factuality: Some(shown),
            ..Default::default()
        },
    )?;
    let mut event_ids: HashSet<i64> = HashSet::new();
    for e in events {
        if !kept(Node::Event(e.id)) {
            continue;
        }
        docs.insert(e.document.id);
        event_ids.insert(e.id);
        let id = format!("event:{}", e.id);
        let t = e.time.as_ref();
        g.nodes.push(GraphNode {
            id: id.clone(),
            label: "Event",
            name: super::labelled(&e.label, e.factuality),
            props: props(vec![
                ("kind", text(&e.kind)),
                ("status", text(&e.status)),
                ("factuality", text(e.factuality.as_str())),
                ("time", t.and_then(|t| text(&t.value))),
                (
                    "when",
                    t.and_then(|t| text(&super::time::display(t, e.status == "ongoing"))),
                ),
                ("start", date(t.and_then(|t| t.start))),
                ("end", date(t.and_then(|t| t.end))),
                ("place", opt_text(&e.place)),
                ("evidence", text(&e.evidence.text)),
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
                props: props(vec![("role", text(&p.role))]),
            });
        }
        g.edges.push(GraphEdge {
            source: id,
            target: format!("document:{}", e.document.id),
            label: "REPORTED_IN".into(),
            props: Props::new(),
        });
    }
    for c in q::claims(conn, &ClaimFilter::default())? {
        if !kept(Node::Claim(c.id)) {
            continue;
        }
        docs.insert(c.document.id);
        let id = format!("claim:{}", c.id);
        let qn = c.quantity.as_ref();
        let valid = c.valid.as_ref();
        g.nodes.push(GraphNode {
            id: id.clone(),
            label: "Claim",
            name: c.statement.clone(),
            props: props(vec![
                ("subject", opt_text(&c.subject)),
                ("polarity", text(&c.polarity)),
                ("modality", text(&c.modality)),
                ("factuality", text(c.factuality.as_str())),
                ("value", float(qn.and_then(|q| q.value))),
                ("lower", float(qn.and_then(|q| q.lower))),
                ("upper", float(qn.and_then(|q| q.upper))),
                ("unit", qn.and_then(|q| opt_text(&q.unit))),
                ("stated", c.stated.as_ref().and_then(|t| text(&t.value))),
                ("valid", valid.and_then(|t| text(&t.value))),
                ("valid_start", date(valid.and_then(|t| t.start))),
                ("valid_end", date(valid.and_then(|t| t.end))),
                ("published", day(&c.document.published)),
                ("evidence", text(&c.evidence.text)),
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
                Props::new(),
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
                props(vec![("position", Some(Prop::Int(i as i64)))]),
            );
        }
        for a in c.about_actors.iter().filter(|a| actor_ids.contains(&a.id)) {
            edge(id.clone(), format!("actor:{}", a.id), "ABOUT", Props::new());
        }
        for e in c.about_events.iter().filter(|e| event_ids.contains(*e)) {
            edge(id.clone(), format!("event:{e}"), "ABOUT", Props::new());
        }
        edge(
            id,
            format!("document:{}", c.document.id),
            "REPORTED_IN",
            Props::new(),
        );
    }
    for r in q::relations(conn, None, None)? {
        if !kept(Node::Relation(r.id))
            || !shown.admits(r.factuality)
            || !actor_ids.contains(&r.source.id)
            || !actor_ids.contains(&r.target.id)
        {
            continue;
        }
        docs.insert(r.document.id);
        let t = r.time.as_ref();
        g.edges.push(GraphEdge {
            source: format!("actor:{}", r.source.id),
            target: format!("actor:{}", r.target.id),
            label: edge_label(&r.kind),
            props: props(vec![
                ("id", text(&format!("relation:{}", r.id))),
                ("kind", text(&r.kind)),
                ("factuality", text(r.factuality.as_str())),
                ("time", t.and_then(|t| text(&t.value))),
                ("start", date(t.and_then(|t| t.start))),
                ("end", date(t.and_then(|t| t.end))),
                ("document", text(&r.document.key)),
                ("outlet", opt_text(&r.document.publisher)),
                ("evidence", text(&r.evidence.text)),
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
            props: props(vec![
                ("key", text(&d.key)),
                ("outlet", opt_text(&d.publisher)),
                ("published", day(&d.published)),
                ("url", opt_text(&d.url)),
            ]),
        });
    }
    Ok(g)
}

/// An actor of the [`actor_view`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewActor {
    pub id: i64,
    pub name: String,
    pub kind: String,
    /// Relation hops from the centre actor (0 for the centre; 0 for every
    /// actor of a whole-graph view).
    pub hops: usize,
}

/// All relations from one actor to another, collapsed into one edge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ViewLink {
    pub source: i64,
    pub target: i64,
    /// Relation kind (labelled with its factuality when that is not
    /// asserted) → how many relations of that kind (each one a reading of
    /// one sentence of one document).
    pub kinds: BTreeMap<String, usize>,
    /// Distinct documents the relations come from.
    pub documents: usize,
}

impl ViewLink {
    /// Relations of every kind.
    pub fn total(&self) -> usize {
        self.kinds.values().sum()
    }
}

/// Actors as nodes and their relations collapsed per ordered pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ActorView {
    pub actors: Vec<ViewActor>,
    pub links: Vec<ViewLink>,
}

/// The actor-relation view: every actor that is an end of a relation and one
/// edge per (source, target) pair counting the relations of each kind. With
/// a centre, only the actors within `hops` relations of it (either
/// direction) and the links among them: events and claims are left out, so
/// the picture is who acts on whom, not who was mentioned near whom.
/// Relations of the factualities `shown` only; a kind that is not asserted
/// is counted apart under its label (`invades [hypothetical]`).
pub fn actor_view(
    conn: &rusqlite::Connection,
    center: Option<(&str, usize)>,
    shown: FactualityFilter,
) -> Result<ActorView> {
    let rels: Vec<_> = q::relations(conn, None, None)?
        .into_iter()
        .filter(|r| shown.admits(r.factuality))
        .collect();
    let mut adj: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in &rels {
        adj.entry(r.source.id).or_default().push(r.target.id);
        adj.entry(r.target.id).or_default().push(r.source.id);
    }
    let hops: HashMap<i64, usize> = match center {
        Some((name, max)) => {
            let start = super::resolve_actor(conn, name)?.id;
            let mut dist = HashMap::from([(start, 0usize)]);
            let mut queue = VecDeque::from([start]);
            while let Some(a) = queue.pop_front() {
                let d = dist[&a];
                if d == max {
                    continue;
                }
                for &b in adj.get(&a).map(Vec::as_slice).unwrap_or_default() {
                    dist.entry(b).or_insert_with(|| {
                        queue.push_back(b);
                        d + 1
                    });
                }
            }
            dist
        }
        None => adj.keys().map(|&a| (a, 0)).collect(),
    };
    // (source, target) -> (count per kind, documents)
    type Link = (BTreeMap<String, usize>, HashSet<i64>);
    let mut links: BTreeMap<(i64, i64), Link> = BTreeMap::new();
    for r in &rels {
        if hops.contains_key(&r.source.id) && hops.contains_key(&r.target.id) {
            let l = links.entry((r.source.id, r.target.id)).or_default();
            *l.0.entry(super::labelled(&r.kind, r.factuality))
                .or_default() += 1;
            l.1.insert(r.document.id);
        }
    }
    let mut actors: Vec<ViewActor> = q::all_actors(conn)?
        .into_iter()
        .filter_map(|a| {
            hops.get(&a.id).map(|&h| ViewActor {
                id: a.id,
                name: a.name,
                kind: a.kind,
                hops: h,
            })
        })
        .collect();
    actors.sort_by_key(|a| (a.hops, a.id));
    Ok(ActorView {
        actors,
        links: links
            .into_iter()
            .map(|((source, target), (kinds, docs))| ViewLink {
                source,
                target,
                kinds,
                documents: docs.len(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture::{self as fx, C};

    #[test]
    fn exported_properties_follow_the_schema() {
        let db = fx::empty();
        let a = fx::actor(&db, "Anna Tal", "person", None, &[]);
        let b = fx::actor(&db, "Borduria", "country", None, &[]);
        let d = fx::document(&db, "d1", "Wire", "2024-03-05");
        fx::event(&db, d, "meeting", "talks", Some("2024-03-07"), &[a, b]);
        fx::claim(
            &db,
            d,
            C {
                claimant: a,
                statement: "about 4,000 soldiers are at the river",
                value: Some(4000.0),
                unit: Some("soldiers"),
                about: &[b],
                ..Default::default()
            },
        );
        fx::relation(&db, d, a, "about", b);
        let g = export_graph(&db, None, FactualityFilter::ALL).unwrap();
        for n in &g.nodes {
            let schema = node_schema(n.label);
            for (k, v) in &n.props {
                let t = schema.iter().find(|(s, _)| s == k).map(|(_, t)| *t);
                assert_eq!(t, Some(v.kind()), "{} {k}", n.label);
            }
        }
        for e in &g.edges {
            let (ends, schema) = edge_schema(&e.label);
            let label_of = |id: &str| g.nodes.iter().find(|n| n.id == id).unwrap().label;
            assert!(
                ends.contains(&(label_of(&e.source), label_of(&e.target))),
                "{}",
                e.label
            );
            for (k, v) in &e.props {
                let t = schema.iter().find(|(s, _)| s == k).map(|(_, t)| *t);
                assert_eq!(t, Some(v.kind()), "{} {k}", e.label);
            }
        }
        let doc = g.nodes.iter().find(|n| n.label == "Document").unwrap();
        assert_eq!(
            doc.props["published"],
            Prop::Date(NaiveDate::from_ymd_opt(2024, 3, 5).unwrap())
        );
        assert!(
            g.edges.iter().any(|e| e.label == "R_ABOUT"),
            "a relation kind never joins a fixed edge label"
        );
    }

    #[test]
    fn actor_view_collapses_relations_and_stays_near_the_centre() {
        let db = fx::empty();
        let a = fx::actor(&db, "Anna Tal", "person", None, &[]);
        let b = fx::actor(&db, "Borduria", "country", None, &[]);
        let c = fx::actor(&db, "Carpania", "country", None, &[]);
        let z = fx::actor(&db, "Zembla", "country", None, &[]);
        let d1 = fx::document(&db, "d1", "Wire", "2024-03-05");
        let d2 = fx::document(&db, "d2", "Post", "2024-03-06");
        fx::relation(&db, d1, a, "supports", b);
        fx::relation(&db, d2, a, "supports", b);
        fx::relation(&db, d2, a, "meets", b);
        fx::relation(&db, d1, b, "threatens", c);
        fx::relation(&db, d1, c, "accuses", z);
        let all = actor_view(&db, None, FactualityFilter::ASSERTED).unwrap();
        assert_eq!(all.actors.len(), 4);
        assert_eq!(all.links.len(), 3);
        let ab = &all.links[0];
        assert_eq!(
            (ab.source, ab.target, ab.total(), ab.documents),
            (a, b, 3, 2)
        );
        assert_eq!(ab.kinds["supports"], 2);
        let near = actor_view(&db, Some(("Borduria", 1)), FactualityFilter::ASSERTED).unwrap();
        let ids: Vec<i64> = near.actors.iter().map(|a| a.id).collect();
        assert_eq!(ids, vec![b, a, c], "centre first, then its neighbours");
        assert_eq!(near.links.len(), 2, "Carpania → Zembla is two hops away");
    }
}
