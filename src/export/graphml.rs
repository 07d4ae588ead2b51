//! GraphML (opens in Gephi, yEd, Cytoscape, networkx).

use super::xml_escape as esc;
use crate::query::graph::GraphData;
use std::collections::BTreeSet;
use std::io::{self, Write};

/// A GraphML key id for a property name: letters, digits and underscores.
fn key_id(prefix: &str, name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{prefix}_{s}")
}

/// Writes a directed GraphML document with every property declared as a
/// string key; `label` carries the node name (Gephi shows it).
pub fn write(g: &GraphData, out: &mut dyn Write) -> io::Result<()> {
    let node_keys: BTreeSet<&String> = g.nodes.iter().flat_map(|n| n.props.keys()).collect();
    let edge_keys: BTreeSet<&String> = g.edges.iter().flat_map(|e| e.props.keys()).collect();
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
    for k in &node_keys {
        writeln!(
            out,
            "  <key id=\"{}\" for=\"node\" attr.name=\"{}\" attr.type=\"string\"/>",
            key_id("n", k),
            esc(k)
        )?;
    }
    for k in &edge_keys {
        writeln!(
            out,
            "  <key id=\"{}\" for=\"edge\" attr.name=\"{}\" attr.type=\"string\"/>",
            key_id("e", k),
            esc(k)
        )?;
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
            write!(out, "<data key=\"{}\">{}</data>", key_id("n", k), esc(v))?;
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
            write!(out, "<data key=\"{}\">{}</data>", key_id("e", k), esc(v))?;
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")
}
