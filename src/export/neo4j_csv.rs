//! CSV files for Neo4j's bulk importer (`neo4j-admin database import full`),
//! the fast way to load a large graph into an empty Neo4j database.
//!
//! One node file per label (`nodes-Actor.csv`, ...) and one relationship file
//! per edge label of fixed shape, with all actor relations in
//! `rels-relations.csv` (their type in the `:TYPE` column). Headers carry the
//! importer's field types (`id:ID`, `value:double`, `published:date`,
//! `position:long`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`); an empty
//! field is an absent property. `import.sh` holds the command that loads them.

use super::csv::field;
use crate::query::graph_export::{
    FIXED_EDGES, GraphData, NODE_LABELS, PropType, Props, edge_schema, node_schema,
};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

fn typed(name: &str, t: PropType) -> String {
    match t {
        PropType::Text => name.to_owned(),
        PropType::Int => format!("{name}:long"),
        PropType::Float => format!("{name}:double"),
        PropType::Date => format!("{name}:date"),
    }
}

fn cells(props: &Props, schema: &[(&str, PropType)]) -> Vec<String> {
    schema
        .iter()
        .map(|(k, _)| props.get(*k).map(|p| field(&p.text())).unwrap_or_default())
        .collect()
}

fn create(dir: &Path, name: &str) -> io::Result<(PathBuf, io::BufWriter<std::fs::File>)> {
    let p = dir.join(name);
    let f = std::fs::File::create(&p)?;
    Ok((p, io::BufWriter::new(f)))
}

/// Writes the files into `dir` (created when missing) and returns their
/// paths, `import.sh` last.
pub fn write_dir(g: &GraphData, dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    let mut nodes_args = Vec::new();
    let mut rels_args = Vec::new();
    for l in NODE_LABELS {
        let schema = node_schema(l);
        let name = format!("nodes-{l}.csv");
        let (p, mut w) = create(dir, &name)?;
        let mut head = vec!["id:ID".to_owned(), "name".to_owned()];
        head.extend(schema.iter().map(|(k, t)| typed(k, *t)));
        head.push(":LABEL".into());
        writeln!(w, "{}", head.join(","))?;
        for n in g.nodes.iter().filter(|n| n.label == *l) {
            let mut row = vec![field(&n.id), field(&n.name)];
            row.extend(cells(&n.props, schema));
            row.push((*l).to_owned());
            writeln!(w, "{}", row.join(","))?;
        }
        w.flush()?;
        nodes_args.push(format!("--nodes={name}"));
        written.push(p);
    }
    let fixed = |l: &str| FIXED_EDGES.iter().any(|(f, _)| *f == l);
    for l in FIXED_EDGES.iter().map(|(l, _)| *l).chain(["relations"]) {
        let schema = edge_schema(if l == "relations" { "RELATION" } else { l }).1;
        let name = format!("rels-{l}.csv");
        let (p, mut w) = create(dir, &name)?;
        let mut head = vec![":START_ID".to_owned(), ":END_ID".to_owned()];
        head.extend(schema.iter().map(|(k, t)| typed(k, *t)));
        head.push(":TYPE".into());
        writeln!(w, "{}", head.join(","))?;
        let edges = g.edges.iter().filter(|e| {
            if l == "relations" {
                !fixed(&e.label)
            } else {
                e.label == l
            }
        });
        for e in edges {
            let mut row = vec![field(&e.source), field(&e.target)];
            row.extend(cells(&e.props, schema));
            row.push(field(&e.label));
            writeln!(w, "{}", row.join(","))?;
        }
        w.flush()?;
        rels_args.push(format!("--relationships={name}"));
        written.push(p);
    }
    let (p, mut w) = create(dir, "import.sh")?;
    writeln!(w, "#!/bin/sh")?;
    writeln!(
        w,
        "# Loads these files into a new, empty Neo4j database (the server stopped): sh import.sh [DATABASE]"
    )?;
    writeln!(w, "cd \"$(dirname \"$0\")\" || exit 1")?;
    writeln!(
        w,
        "exec neo4j-admin database import full --multiline-fields=true {} {} \"${{1:-neo4j}}\"",
        nodes_args.join(" "),
        rels_args.join(" ")
    )?;
    w.flush()?;
    written.push(p);
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::graph_export::{GraphEdge, GraphNode, Prop};

    #[test]
    fn headers_carry_the_importer_types() {
        let mut props = Props::new();
        props.insert("value".into(), Prop::Float(12.5));
        props.insert("unit".into(), Prop::Text("boats, small".into()));
        let g = GraphData {
            nodes: vec![
                GraphNode {
                    id: "actor:1".into(),
                    label: "Actor",
                    name: "Nadia".into(),
                    props: Props::new(),
                },
                GraphNode {
                    id: "claim:1".into(),
                    label: "Claim",
                    name: "a \"quoted\" claim".into(),
                    props,
                },
            ],
            edges: vec![GraphEdge {
                source: "actor:1".into(),
                target: "claim:1".into(),
                label: "CLAIMED".into(),
                props: Props::new(),
            }],
        };
        let dir = tempfile::tempdir().unwrap();
        let files = write_dir(&g, dir.path()).unwrap();
        assert!(files.last().unwrap().ends_with("import.sh"));
        let claims = std::fs::read_to_string(dir.path().join("nodes-Claim.csv")).unwrap();
        let mut lines = claims.lines();
        let head = lines.next().unwrap();
        assert!(head.starts_with("id:ID,name,subject,"));
        assert!(head.contains(",value:double,") && head.contains(",published:date,"));
        assert!(head.ends_with(",:LABEL"));
        let row = lines.next().unwrap();
        assert!(
            row.starts_with("claim:1,\"a \"\"quoted\"\" claim\","),
            "{row}"
        );
        assert!(row.contains(",12.5,") && row.contains(",\"boats, small\","));
        let rels = std::fs::read_to_string(dir.path().join("rels-CLAIMED.csv")).unwrap();
        assert_eq!(rels, ":START_ID,:END_ID,:TYPE\nactor:1,claim:1,CLAIMED\n");
    }
}
