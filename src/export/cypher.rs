//! Cypher statements that load the graph into Neo4j or Memgraph
//! (`cypher-shell < graph.cypher`, `mgconsole < graph.cypher`).
//!
//! Nodes are created with a `cg_id` key and edges matched on it, one
//! statement per line, so the file loads in any Cypher shell. Strings are
//! single-quoted with backslash escapes, which both databases accept.

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

/// Writes index, node and edge statements.
pub fn write(g: &GraphData, out: &mut dyn Write) -> io::Result<()> {
    let labels: std::collections::BTreeSet<&str> = g.nodes.iter().map(|n| n.label).collect();
    for l in &labels {
        writeln!(out, "CREATE INDEX ON :{l}(cg_id);")?;
    }
    for n in &g.nodes {
        let props = std::iter::once(("cg_id".to_owned(), n.id.clone()))
            .chain(std::iter::once(("name".to_owned(), n.name.clone())))
            .chain(n.props.iter().map(|(k, v)| (k.clone(), v.clone())));
        writeln!(out, "CREATE (:{} {});", n.label, map(props))?;
    }
    let label_of: std::collections::HashMap<&str, &str> =
        g.nodes.iter().map(|n| (n.id.as_str(), n.label)).collect();
    for e in &g.edges {
        let (Some(ls), Some(lt)) = (
            label_of.get(e.source.as_str()),
            label_of.get(e.target.as_str()),
        ) else {
            continue;
        };
        writeln!(
            out,
            "MATCH (a:{ls} {{cg_id: {}}}), (b:{lt} {{cg_id: {}}}) CREATE (a)-[:{} {}]->(b);",
            string(&e.source),
            string(&e.target),
            e.label,
            map(e.props.iter().map(|(k, v)| (k.clone(), v.clone())))
        )?;
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
