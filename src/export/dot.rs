//! Graphviz DOT.

use crate::query::graph::GraphData;
use std::io::{self, Write};

/// A DOT double-quoted string.
pub fn quote(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
            .replace('\r', "")
    )
}

fn shape(label: &str) -> &'static str {
    match label {
        "Actor" => "ellipse",
        "Event" => "box",
        "Claim" => "note",
        _ => "folder",
    }
}

/// Writes a directed graph; labels are cut to 60 characters for legibility
/// (the full text is in the `tooltip`).
pub fn write(g: &GraphData, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph chronograph {{")?;
    writeln!(
        out,
        "  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontsize=8];"
    )?;
    for n in &g.nodes {
        let short: String = if n.name.chars().count() > 60 {
            n.name.chars().take(59).chain(['…']).collect()
        } else {
            n.name.clone()
        };
        writeln!(
            out,
            "  {} [label={}, shape={}, tooltip={}];",
            quote(&n.id),
            quote(&short),
            shape(n.label),
            quote(&n.name)
        )?;
    }
    for e in &g.edges {
        let mut label = match e.props.get("role") {
            Some(r) => format!("{} ({r})", e.label),
            None => e.label.clone(),
        };
        // A relation that is not a plain fact says so on the edge.
        if let Some(f) = e.props.get("factuality").filter(|f| *f != "asserted") {
            label.push_str(&format!(" [{f}]"));
        }
        writeln!(
            out,
            "  {} -> {} [label={}];",
            quote(&e.source),
            quote(&e.target),
            quote(&label)
        )?;
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_line_breaks_are_escaped() {
        assert_eq!(quote("say \"no\"\\\nnow"), "\"say \\\"no\\\"\\\\\\nnow\"");
    }
}
