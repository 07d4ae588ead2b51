//! `chronograph neighbors A`: actors within N hops through relations,
//! shared events and claims.

use super::Ctx;
use super::claims::RowFormat;
use chronograph::export::{self, Rows};
use chronograph::query::{self, graph};
use chronograph::store::query::{self as q, Node, open_read};
use serde::Serialize;
use std::io::Write;

/// Options of `chronograph neighbors`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The actor to start from (name or alias).
    pub actor: String,
    /// Actor hops (one hop = through one event, claim or relation).
    #[arg(long, default_value_t = 1)]
    pub hops: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: RowFormat,
    #[command(flatten)]
    pub factuality: super::FactualityArg,
}

#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    hops: usize,
    /// The event, claim, relation or actor the first path to it passes last.
    through: Node,
    through_label: String,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    let start = query::resolve_actor(&conn, &args.actor)?;
    let mut g = graph::Csr::open(&conn, &ctx.db)?;
    g.show(args.factuality.factuality);
    let mut found = g.reach_actors(start.id, args.hops * 2);
    found.sort_by_key(|n| (n.hops, n.actor));
    if found.is_empty() {
        eprintln!(
            "neighbors: nothing links {} to another actor within {} hop(s)",
            start.name, args.hops
        );
    }
    // Names and labels in a few batched reads, not one query per row.
    let wanted: Vec<Node> = found
        .iter()
        .flat_map(|n| [Node::Actor(n.actor), n.through])
        .collect();
    let labels = q::node_labels(&conn, &wanted)?;
    let label = |n: &Node| labels.get(n).cloned().unwrap_or_default();
    let list: Vec<Row> = found
        .iter()
        .map(|n| Row {
            id: n.actor,
            name: label(&Node::Actor(n.actor)),
            hops: n.hops,
            through: n.through,
            through_label: label(&n.through),
        })
        .collect();
    if args.format == RowFormat::Json {
        return Ok(export::json(&list, out)?);
    }
    let mut rows = Rows::new(&["id", "actor", "hops", "linked through"]);
    for r in &list {
        rows.push(vec![
            r.id.to_string(),
            r.name.clone(),
            r.hops.to_string(),
            r.through_label.clone(),
        ]);
    }
    match args.format {
        RowFormat::Csv => export::csv::write(&rows, out)?,
        RowFormat::Md => export::markdown::write(&rows, out)?,
        _ if list.is_empty() => {}
        _ => export::table::write(&rows, out)?,
    }
    Ok(())
}
