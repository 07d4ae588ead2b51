//! `chronograph path A B`: the shortest connection between two actors,
//! step by step with evidence.

use super::Ctx;
use chronograph::export;
use chronograph::query::graph::{self, NodeInfo};
use chronograph::store::query::open_read;
use serde::Serialize;
use std::io::Write;

/// Output formats of `path`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

/// Options of `chronograph path`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// From this actor.
    pub from: String,
    /// To this actor.
    pub to: String,
    /// Longest connection looked for, in actor hops.
    #[arg(long = "max-hops", default_value_t = 4)]
    pub max_hops: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub factuality: super::FactualityArg,
}

#[derive(Serialize)]
struct Step {
    role: String,
    node: NodeInfo,
}

#[derive(Serialize)]
struct Answer {
    hops: usize,
    start: NodeInfo,
    steps: Vec<Step>,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    let Some(steps) = graph::path_between(
        &conn,
        &ctx.db,
        &args.from,
        &args.to,
        args.max_hops,
        args.factuality.factuality,
    )?
    else {
        eprintln!(
            "path: no connection between {:?} and {:?} within {} hop(s)",
            args.from, args.to, args.max_hops
        );
        if args.format == Format::Json {
            writeln!(out, "null")?;
        }
        return Ok(());
    };
    let start = graph::describe(
        &conn,
        steps
            .first()
            .map(|s| s.from)
            .expect("distinct actors give a step"),
    )?;
    let mut answer = Answer {
        hops: steps.len().div_ceil(2),
        start,
        steps: Vec::new(),
    };
    for s in &steps {
        answer.steps.push(Step {
            role: s.role.clone(),
            node: graph::describe(&conn, s.to)?,
        });
    }
    if args.format == Format::Json {
        return Ok(export::json(&answer, out)?);
    }
    writeln!(
        out,
        "{} ({} hop{})",
        answer.start.name,
        answer.hops,
        if answer.hops == 1 { "" } else { "s" }
    )?;
    for s in &answer.steps {
        writeln!(out, "  -[{}]- {}", s.role, s.node.name)?;
        if let Some(d) = &s.node.detail {
            writeln!(out, "        {d}")?;
        }
        if let Some(e) = &s.node.evidence {
            writeln!(out, "        \"{e}\"")?;
        }
    }
    Ok(())
}
