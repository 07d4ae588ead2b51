//! Cypher that loads the graph into Neo4j (`cypher-shell < graph.cypher`) or
//! into an embedded Kuzu or LadybugDB database.
//!
//! The file opens with a schema header, which is the one part the two
//! dialects write differently: Kuzu needs node and relationship tables with
//! typed properties before the first row, Neo4j a uniqueness constraint per
//! label so that `MERGE` finds nodes by index. The rest is the same text for
//! both: batches of rows (`UNWIND [...] AS row`) merged on the stable
//! chronograph ids (`actor:12`), so running the file twice, or the export of
//! a grown store over an older one, updates instead of duplicating. Numbers
//! are numbers, days are `date('YYYY-MM-DD')`; every name and label is
//! backquoted (`when` and `end` are keywords).

use crate::query::graph_export::{
    FIXED_EDGES, GraphData, GraphEdge, NODE_LABELS, Prop, PropType, edge_schema, node_schema,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};

/// Rows per `UNWIND` statement: large enough that a statement's overhead
/// does not matter, small enough for a server's default transaction memory.
pub const BATCH: usize = 500;

/// Which database the schema header is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Neo4j 5: uniqueness constraints (`CREATE CONSTRAINT ... IF NOT EXISTS`).
    Neo4j,
    /// Kuzu and LadybugDB: `CREATE NODE TABLE` / `CREATE REL TABLE IF NOT EXISTS`.
    Kuzu,
}

/// A Cypher string literal: single-quoted, with only the backslash and the
/// quote escaped. Line breaks and tabs stay as they are: Kuzu reads `\n`
/// as a plain `n`, and both dialects take raw line breaks inside a
/// literal. Other control characters become spaces.
pub fn string(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('\'');
    for ch in s.chars() {
        match ch {
            '\\' => o.push_str("\\\\"),
            '\'' => o.push_str("\\'"),
            '\n' | '\r' | '\t' => o.push(ch),
            c if c.is_control() => o.push(' '),
            c => o.push(c),
        }
    }
    o.push('\'');
    o
}

/// An identifier (label, property name) in backquotes.
pub fn ident(k: &str) -> String {
    format!("`{}`", k.replace('`', "``"))
}

/// A property value as a Cypher literal.
fn literal(p: &Prop) -> String {
    match p {
        Prop::Text(s) => string(s),
        Prop::Int(i) => i.to_string(),
        // `{:?}` keeps a decimal point or an exponent (`95000.0`), so the
        // value is a float in both dialects; exports hold finite values only.
        Prop::Float(f) => format!("{f:?}"),
        Prop::Date(d) => format!("date('{d}')"),
    }
}

fn kuzu_type(t: PropType) -> &'static str {
    match t {
        PropType::Text => "STRING",
        PropType::Int => "INT64",
        PropType::Float => "DOUBLE",
        PropType::Date => "DATE",
    }
}

/// The label of a node id (`actor:12` → `Actor`).
fn label_of<'g>(labels: &HashMap<&str, &'g str>, id: &str) -> Option<&'g str> {
    labels.get(id).copied()
}

/// The property that tells two edges of a label apart between the same two
/// nodes, which `MERGE` matches on: a relation's id, a chain position, a
/// participant's role.
fn edge_key(label: &str) -> Option<&'static str> {
    match label {
        "VIA" => Some("position"),
        "PARTICIPATED_IN" => Some("role"),
        l if !FIXED_EDGES.iter().any(|(f, _)| *f == l) => Some("id"),
        _ => None,
    }
}

fn header(g: &GraphData, dialect: Dialect, out: &mut dyn Write) -> io::Result<()> {
    match dialect {
        Dialect::Neo4j => {
            for l in NODE_LABELS {
                writeln!(
                    out,
                    "CREATE CONSTRAINT {} IF NOT EXISTS FOR (n:{}) REQUIRE n.`id` IS UNIQUE;",
                    ident(&format!("chronograph_{}_id", l.to_lowercase())),
                    ident(l)
                )?;
            }
        }
        Dialect::Kuzu => {
            for l in NODE_LABELS {
                let cols: Vec<String> = [("id", PropType::Text), ("name", PropType::Text)]
                    .iter()
                    .chain(node_schema(l))
                    .map(|(k, t)| format!("{} {}", ident(k), kuzu_type(*t)))
                    .collect();
                writeln!(
                    out,
                    "CREATE NODE TABLE IF NOT EXISTS {}({}, PRIMARY KEY (`id`));",
                    ident(l),
                    cols.join(", ")
                )?;
            }
            // The fixed edge tables always, relation kinds as they occur.
            let relation_labels: BTreeSet<&str> = g
                .edges
                .iter()
                .map(|e| e.label.as_str())
                .filter(|l| !FIXED_EDGES.iter().any(|(f, _)| f == l))
                .collect();
            for l in FIXED_EDGES.iter().map(|(l, _)| *l).chain(relation_labels) {
                let (ends, props) = edge_schema(l);
                let mut parts: Vec<String> = ends
                    .iter()
                    .map(|(s, t)| format!("FROM {} TO {}", ident(s), ident(t)))
                    .collect();
                parts.extend(
                    props
                        .iter()
                        .map(|(k, t)| format!("{} {}", ident(k), kuzu_type(*t))),
                );
                writeln!(
                    out,
                    "CREATE REL TABLE IF NOT EXISTS {}({});",
                    ident(l),
                    parts.join(", ")
                )?;
            }
        }
    }
    Ok(())
}

/// An absent value. Kuzu types a bare `null` in a row as a string, and a
/// batch whose rows disagree on a field's type is refused, so its nulls
/// carry their column's type.
fn null(dialect: Dialect, t: PropType) -> String {
    match (dialect, t) {
        (Dialect::Neo4j, _) | (Dialect::Kuzu, PropType::Text) => "null".into(),
        (Dialect::Kuzu, t) => format!("CAST(NULL AS {})", kuzu_type(t)),
    }
}

/// `{k: v, ...}` with every key of the batch, absent values as typed nulls,
/// so that every row of a batch has the same shape (Kuzu requires it).
fn row(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}: {v}", ident(k)))
        .collect();
    format!("{{{}}}", body.join(", "))
}

/// The fields of one row: `id`-like fields first, then `keys` of `schema`.
fn fields<'k>(
    head: [(&'k str, String); 2],
    keys: &[&'k str],
    schema: &[(&str, PropType)],
    props: &crate::query::graph_export::Props,
    dialect: Dialect,
) -> Vec<(&'k str, String)> {
    let mut f: Vec<(&str, String)> = head.into();
    for k in keys {
        let t = schema
            .iter()
            .find(|(s, _)| s == k)
            .map_or(PropType::Text, |(_, t)| *t);
        f.push((k, props.get(*k).map_or_else(|| null(dialect, t), literal)));
    }
    f
}

/// Writes a batch statement: `UNWIND [rows] AS row` then `body`.
fn batch(out: &mut dyn Write, rows: &[String], body: &str) -> io::Result<()> {
    writeln!(out, "UNWIND [")?;
    let last = rows.len().saturating_sub(1);
    for (i, r) in rows.iter().enumerate() {
        writeln!(out, "  {r}{}", if i == last { "" } else { "," })?;
    }
    writeln!(out, "] AS row\n{body};")
}

/// The properties a group of rows sets: those of the schema that at least
/// one row has (a column null in every row would give Kuzu a struct field
/// of no type).
fn present<'s>(
    schema: &'s [(&'s str, PropType)],
    rows: &[&BTreeMap<String, Prop>],
) -> Vec<&'s str> {
    schema
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| rows.iter().any(|p| p.contains_key(*k)))
        .collect()
}

fn set_clause(var: &str, keys: &[&str]) -> String {
    if keys.is_empty() {
        return String::new();
    }
    let sets: Vec<String> = keys
        .iter()
        .map(|k| format!("{var}.{} = row.{}", ident(k), ident(k)))
        .collect();
    format!("\nSET {}", sets.join(", "))
}

/// Writes the schema header for `dialect`, then every node and every edge as
/// batched `MERGE` statements, one statement per line group, each ending in
/// `;`.
pub fn write(g: &GraphData, dialect: Dialect, out: &mut dyn Write) -> io::Result<()> {
    header(g, dialect, out)?;
    for l in NODE_LABELS {
        let nodes: Vec<_> = g.nodes.iter().filter(|n| n.label == *l).collect();
        for chunk in nodes.chunks(BATCH) {
            let maps: Vec<_> = chunk.iter().map(|n| &n.props).collect();
            let keys = present(node_schema(l), &maps);
            let rows: Vec<String> = chunk
                .iter()
                .map(|n| {
                    let head = [("id", string(&n.id)), ("name", string(&n.name))];
                    row(&fields(head, &keys, node_schema(l), &n.props, dialect))
                })
                .collect();
            let mut set = vec!["name"];
            set.extend(&keys);
            batch(
                out,
                &rows,
                &format!(
                    "MERGE (n:{} {{`id`: row.`id`}}){}",
                    ident(l),
                    set_clause("n", &set)
                ),
            )?;
        }
    }
    let labels: HashMap<&str, &str> = g.nodes.iter().map(|n| (n.id.as_str(), n.label)).collect();
    // Edges grouped by label and by the labels of their ends: a MATCH names
    // both node tables.
    let mut groups: BTreeMap<(&str, &str, &str), Vec<&GraphEdge>> = BTreeMap::new();
    for e in &g.edges {
        let (Some(s), Some(t)) = (label_of(&labels, &e.source), label_of(&labels, &e.target))
        else {
            continue;
        };
        groups.entry((e.label.as_str(), s, t)).or_default().push(e);
    }
    for ((label, s, t), edges) in groups {
        let (_, schema) = edge_schema(label);
        let key = edge_key(label);
        for chunk in edges.chunks(BATCH) {
            let maps: Vec<_> = chunk.iter().map(|e| &e.props).collect();
            let keys = present(schema, &maps);
            let rows: Vec<String> = chunk
                .iter()
                .map(|e| {
                    let head = [("_from", string(&e.source)), ("_to", string(&e.target))];
                    row(&fields(head, &keys, schema, &e.props, dialect))
                })
                .collect();
            let merge_props = match key.filter(|k| keys.contains(k)) {
                Some(k) => format!(" {{{}: row.{}}}", ident(k), ident(k)),
                None => String::new(),
            };
            let set: Vec<&str> = keys.iter().copied().filter(|k| Some(*k) != key).collect();
            batch(
                out,
                &rows,
                &format!(
                    "MATCH (a:{} {{`id`: row.`_from`}}), (b:{} {{`id`: row.`_to`}})\nMERGE (a)-[r:{}{merge_props}]->(b){}",
                    ident(s),
                    ident(t),
                    ident(label),
                    set_clause("r", &set)
                ),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::graph_export::{GraphNode, Props};

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("it's a \\ test\n"), "'it\\'s a \\\\ test\n'");
        assert_eq!(string("bell\u{7}"), "'bell '");
        assert_eq!(ident("a`b"), "`a``b`");
    }

    #[test]
    fn numbers_and_days_are_typed_and_rows_merge_on_ids() {
        let node = |id: &str, label, props: Props| GraphNode {
            id: id.into(),
            label,
            name: id.into(),
            props,
        };
        let mut claim = Props::new();
        claim.insert("value".into(), Prop::Float(95000.0));
        claim.insert(
            "valid_start".into(),
            Prop::Date(chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap()),
        );
        let g = GraphData {
            nodes: vec![
                node("actor:1", "Actor", Props::new()),
                node("claim:1", "Claim", claim),
            ],
            edges: vec![GraphEdge {
                source: "actor:1".into(),
                target: "claim:1".into(),
                label: "CLAIMED".into(),
                props: Props::new(),
            }],
        };
        let mut out = Vec::new();
        write(&g, Dialect::Kuzu, &mut out).unwrap();
        let cy = String::from_utf8(out).unwrap();
        assert!(cy.contains("`value` DOUBLE"), "{cy}");
        assert!(cy.contains("`value`: 95000.0, `valid_start`: date('2024-01-02')"));
        assert!(cy.contains("MERGE (n:`Claim` {`id`: row.`id`})"));
        assert!(cy.contains("MERGE (a)-[r:`CLAIMED`]->(b);"));
        let mut out = Vec::new();
        write(&g, Dialect::Neo4j, &mut out).unwrap();
        let neo = String::from_utf8(out).unwrap();
        assert!(neo.starts_with("CREATE CONSTRAINT `chronograph_actor_id` IF NOT EXISTS"));
        assert!(!neo.contains("NODE TABLE"));
    }
}
