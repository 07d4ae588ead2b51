//! Graphviz DOT: the actor-relation view ([`write_actors`]), legible for a
//! whole story or one actor and its neighbours, and every node and edge of
//! the graph ([`write`]) for small stores.

use crate::query::graph_export::{ActorView, GraphData};
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

/// A label cut to `max` characters (the full text goes in a tooltip).
fn short(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        s.chars().take(max - 1).chain(['…']).collect()
    } else {
        s.to_owned()
    }
}

/// Fill colour per actor kind, so that people, states and organisations
/// read apart at a glance.
fn fill(kind: &str) -> &'static str {
    match kind {
        "person" => "#dde6fb",
        "country" | "place" | "region" | "city" => "#e3f3e0",
        "media" => "#f1e6f7",
        "group" | "anonymous" => "#f2f2f2",
        _ => "#fdf0d5",
    }
}

/// Writes the actor-relation view: one node per actor, one edge per ordered
/// pair with the relation kinds and their counts as its label and a width
/// that grows with the count. Graphviz lays it out with `neato` (`sfdp`
/// beyond 80 actors), without overlaps, and scales the drawing down to at
/// most 30 × 30 inches.
pub fn write_actors(v: &ActorView, out: &mut dyn Write) -> io::Result<()> {
    let layout = if v.actors.len() > 80 { "sfdp" } else { "neato" };
    writeln!(out, "digraph actors {{")?;
    writeln!(
        out,
        "  graph [layout={layout}, overlap=false, splines=true, sep=\"+8\", size=\"30,30\", fontname=\"Helvetica\"];"
    )?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, color=\"#7a7f8c\"];"
    )?;
    writeln!(
        out,
        "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#59606e\", fontcolor=\"#3b3f47\", arrowsize=0.7];"
    )?;
    for a in &v.actors {
        let centre = if a.hops == 0 && v.actors.iter().any(|b| b.hops > 0) {
            ", penwidth=2.5, fontsize=13"
        } else {
            ""
        };
        writeln!(
            out,
            "  {} [label={}, tooltip={}, fillcolor=\"{}\"{centre}];",
            quote(&format!("actor:{}", a.id)),
            quote(&short(&a.name, 40)),
            quote(&format!("{} ({})", a.name, a.kind)),
            fill(&a.kind)
        )?;
    }
    for l in &v.links {
        let mut kinds: Vec<(&String, &usize)> = l.kinds.iter().collect();
        kinds.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let label: Vec<String> = kinds
            .iter()
            .map(|(k, n)| {
                if **n > 1 {
                    format!("{k} ×{n}")
                } else {
                    (*k).clone()
                }
            })
            .collect();
        let total = l.total();
        // Width grows with the log of the count: 1 → 1, 10 → 3, 100 → 5.
        let width = 1.0 + (total as f64).log10() * 2.0;
        writeln!(
            out,
            "  {} -> {} [label={}, penwidth={width:.1}, tooltip={}];",
            quote(&format!("actor:{}", l.source)),
            quote(&format!("actor:{}", l.target)),
            quote(&label.join("\n")),
            quote(&format!(
                "{total} relation{} from {} document{}",
                if total == 1 { "" } else { "s" },
                l.documents,
                if l.documents == 1 { "" } else { "s" }
            ))
        )?;
    }
    writeln!(out, "}}")
}

/// Writes every node and edge of the graph; labels are cut to 60 characters
/// for legibility (the full text is in the `tooltip`).
pub fn write(g: &GraphData, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph chronograph {{")?;
    writeln!(
        out,
        "  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontsize=8];"
    )?;
    for n in &g.nodes {
        writeln!(
            out,
            "  {} [label={}, shape={}, tooltip={}];",
            quote(&n.id),
            quote(&short(&n.name, 60)),
            shape(n.label),
            quote(&n.name)
        )?;
    }
    for e in &g.edges {
        let mut label = match e.props.get("role") {
            Some(r) => format!("{} ({})", e.label, r.text()),
            None => e.label.clone(),
        };
        // A relation that is not a plain fact says so on the edge.
        if let Some(f) = e
            .props
            .get("factuality")
            .map(|f| f.text())
            .filter(|f| f != "asserted")
        {
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
