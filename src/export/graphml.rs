//! GraphML (opens in Gephi, yEd, Cytoscape, networkx).
//!
//! Every property is declared once with its type: figures as `double`,
//! positions as `long`, text as `string`. GraphML has no date type, so days
//! are `string` keys in ISO 8601 (`2021-12-04`), which sort and compare as
//! dates; the key's `<desc>` says so.

use super::xml_escape as esc;
use crate::query::graph_export::{
    FIXED_EDGES, GraphData, NODE_LABELS, PropType, edge_schema, node_schema,
};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// A GraphML key id for a property name: letters, digits and underscores.
fn key_id(prefix: &str, name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{prefix}_{s}")
}

fn attr_type(t: PropType) -> &'static str {
    match t {
        PropType::Text | PropType::Date => "string",
        PropType::Int => "long",
        PropType::Float => "double",
    }
}

fn key(out: &mut dyn Write, prefix: &str, what: &str, name: &str, t: PropType) -> io::Result<()> {
    let desc = if t == PropType::Date {
        "<desc>date, ISO 8601 (YYYY-MM-DD)</desc>"
    } else {
        ""
    };
    writeln!(
        out,
        "  <key id=\"{}\" for=\"{what}\" attr.name=\"{}\" attr.type=\"{}\">{desc}</key>",
        key_id(prefix, name),
        esc(name),
        attr_type(t)
    )
}

/// Writes a directed GraphML document; `label` carries the node name (Gephi
/// shows it) and `type` the node label.
pub fn write(g: &GraphData, out: &mut dyn Write) -> io::Result<()> {
    // One key per property name; the schema gives each name one type per
    // element kind, which is what GraphML needs.
    let mut node_keys: BTreeMap<&str, PropType> = BTreeMap::new();
    for l in NODE_LABELS {
        node_keys.extend(node_schema(l).iter().copied());
    }
    let mut edge_keys: BTreeMap<&str, PropType> = BTreeMap::new();
    for l in FIXED_EDGES.iter().map(|(l, _)| *l).chain(["RELATION"]) {
        edge_keys.extend(edge_schema(l).1.iter().copied());
    }
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">"
    )?;
    writeln!(
        out,
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    )?;
    writeln!(
        out,
        "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
    )?;
    writeln!(
        out,
        "  <key id=\"edge_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>"
    )?;
    for (k, t) in &node_keys {
        key(out, "n", "node", k, *t)?;
    }
    for (k, t) in &edge_keys {
        key(out, "e", "edge", k, *t)?;
    }
    writeln!(out, "  <graph id=\"chronograph\" edgedefault=\"directed\">")?;
    for n in &g.nodes {
        write!(
            out,
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"type\">{}</data>",
            esc(&n.id),
            esc(&n.name),
            n.label
        )?;
        for (k, v) in &n.props {
            write!(
                out,
                "<data key=\"{}\">{}</data>",
                key_id("n", k),
                esc(&v.text())
            )?;
        }
        writeln!(out, "</node>")?;
    }
    for (i, e) in g.edges.iter().enumerate() {
        write!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"edge_label\">{}</data>",
            esc(&e.source),
            esc(&e.target),
            esc(&e.label)
        )?;
        for (k, v) in &e.props {
            write!(
                out,
                "<data key=\"{}\">{}</data>",
                key_id("e", k),
                esc(&v.text())
            )?;
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")
}
