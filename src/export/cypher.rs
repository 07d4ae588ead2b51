//! Cypher that loads the graph into Neo4j or Memgraph
//! (`cypher-shell < graph.cypher`, `mgconsole < graph.cypher`).
//!
//! The whole graph is one `CREATE` statement whose nodes are bound to
//! variables and whose edges use them: no index, no `MATCH` per edge, and no
//! syntax that only one of the two databases knows (their index statements
//! differ). Each node keeps its chronograph id as `cg_id`. Strings are
//! single-quoted with backslash escapes, which both accept.

use crate::query::graph::GraphData;
use std::io::{self, Write};

/// A Cypher string literal.
pub fn string(s: &str) -> String {
    let mut o = String::from("'");
    for ch in s.chars() {
        match ch {
            '\\' => o.push_str("\\\\"),
            '\'' => o.push_str("\\'"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c => o.push(c),
        }
    }
    o.push('\'');
    o
}

/// A property key as a backquoted identifier.
fn key(k: &str) -> String {
    format!("`{}`", k.replace('`', "``"))
}

fn map(pairs: impl Iterator<Item = (String, String)>) -> String {
    let body: Vec<String> = pairs
        .map(|(k, v)| format!("{}: {}", key(&k), string(&v)))
        .collect();
    format!("{{{}}}", body.join(", "))
}

/// Writes one `CREATE` statement, a pattern per line.
pub fn write(g: &GraphData, out: &mut dyn Write) -> io::Result<()> {
    let var: std::collections::HashMap<&str, usize> = g
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut parts = Vec::with_capacity(g.nodes.len() + g.edges.len());
    for (i, n) in g.nodes.iter().enumerate() {
        let props = std::iter::once(("cg_id".to_owned(), n.id.clone()))
            .chain(std::iter::once(("name".to_owned(), n.name.clone())))
            .chain(n.props.iter().map(|(k, v)| (k.clone(), v.clone())));
        parts.push(format!("(n{i}:{} {})", n.label, map(props)));
    }
    for e in &g.edges {
        let (Some(s), Some(t)) = (var.get(e.source.as_str()), var.get(e.target.as_str())) else {
            continue;
        };
        parts.push(format!(
            "(n{s})-[:{} {}]->(n{t})",
            e.label,
            map(e.props.iter().map(|(k, v)| (k.clone(), v.clone())))
        ));
    }
    if parts.is_empty() {
        return Ok(());
    }
    writeln!(out, "CREATE")?;
    let last = parts.len() - 1;
    for (i, p) in parts.iter().enumerate() {
        writeln!(out, "  {p}{}", if i == last { ";" } else { "," })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(string("it's a \\ test\n"), "'it\\'s a \\\\ test\\n'");
    }
}
