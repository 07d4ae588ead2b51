//! `chronograph neighbors A`: actors within N hops through relations,
//! shared events and claims.

use super::Ctx;
use super::claims::RowFormat;
use chronograph::export::{self, Rows};
use chronograph::query::{self, graph};
use chronograph::store::query::{self as q, open_read};
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
}

#[derive(Serialize)]
struct Row {
    id: i64,
    name: String,
    kind: String,
    hops: usize,
    through: graph::NodeInfo,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    let start = query::resolve_actor(&conn, &args.actor)?;
    let mut found = graph::Csr::open(&conn, &ctx.db)?.reach_actors(start.id, args.hops * 2);
    found.sort_by_key(|n| (n.hops, n.actor));
    if found.is_empty() {
        eprintln!(
            "neighbors: nothing links {} to another actor within {} hop(s)",
            start.name, args.hops
        );
    }
    let mut list = Vec::new();
    for n in &found {
        let a = q::actor(&conn, n.actor)?
            .ok_or_else(|| anyhow::anyhow!("actor {} vanished", n.actor))?;
        list.push(Row {
            id: a.id,
            name: a.name,
            kind: a.kind,
            hops: n.hops,
            through: graph::describe(&conn, n.through)?,
        });
    }
    if args.format == RowFormat::Json {
        return Ok(export::json(&list, out)?);
    }
    let mut rows = Rows::new(&["id", "actor", "kind", "hops", "linked through"]);
    for r in &list {
        rows.push(vec![
            r.id.to_string(),
            r.name.clone(),
            r.kind.clone(),
            r.hops.to_string(),
            r.through.name.clone(),
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
