//! The graph as JSON: `{"nodes": [...], "edges": [...]}` (node-link form,
//! which networkx's `node_link_graph(..., edges="edges")` and d3 read).

use crate::query::graph_export::GraphData;
use std::io::{self, Write};

/// Writes `{"directed": true, "nodes": [{id, label, name, props}], "edges": [{source, target, label, props}]}`.
pub fn write(g: &GraphData, out: &mut dyn Write) -> io::Result<()> {
    let doc = serde_json::json!({"directed": true, "multigraph": true, "nodes": g.nodes, "edges": g.edges});
    super::json(&doc, out)
}
