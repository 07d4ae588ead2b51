//! `chronograph sources CLAIM`: the attribution chain of a claim, every
//! document that carries it, and its independent original sources.

use super::Ctx;
use chronograph::export;
use chronograph::query::sources::{Carrier, sources_limited};
use chronograph::store::query::open_read;
use std::io::Write;

/// Output formats of `sources`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

/// Options of `chronograph sources`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Claim id (the `id` column of `chronograph claims`).
    pub claim: i64,
    /// Percent within which another claimant's figure counts as the same claim.
    #[arg(long, default_value_t = 5.0)]
    pub tolerance: f64,
    /// List at most this many corroborating and this many disputing claims
    /// (0: all); the totals always count them all.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

fn list(title: &str, cs: &[Carrier], total: usize, out: &mut dyn Write) -> std::io::Result<()> {
    if cs.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{title}:")?;
    let mut rows = export::Rows::new(&["claim", "published", "chain", "document", "statement"]);
    for c in cs {
        rows.push(vec![
            c.claim.to_string(),
            c.published.clone(),
            c.chain.clone(),
            c.document.clone(),
            c.statement.clone(),
        ]);
    }
    export::table::write(&rows, out)?;
    if total > cs.len() {
        writeln!(
            out,
            "... and {} more (--limit 0 lists them all)",
            total - cs.len()
        )?;
    }
    Ok(())
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    let limit = (args.limit > 0).then_some(args.limit);
    let a = sources_limited(&conn, args.claim, args.tolerance / 100.0, limit)?;
    if args.format == Format::Json {
        return Ok(export::json(&a, out)?);
    }
    writeln!(out, "claim {}: {}", a.claim.id, a.claim.statement)?;
    writeln!(out, "evidence: \"{}\"", a.claim.evidence.text)?;
    writeln!(out, "\nchain:")?;
    for (i, h) in a.chain.iter().enumerate() {
        let kind = h
            .kind
            .as_ref()
            .map(|k| format!(" ({k})"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {}{} {}: {}{}",
            "  ".repeat(i),
            if i == 0 { "" } else { "└" },
            h.role,
            h.name,
            kind
        )?;
    }
    list(
        "carried by (same claim, same claimant)",
        &a.carriers,
        a.carriers.len(),
        out,
    )?;
    list(
        "corroborated by (other claimants, same thing)",
        &a.corroborating,
        a.corroborating_total,
        out,
    )?;
    list("disputed by", &a.disputed_by, a.disputed_total, out)?;
    writeln!(
        out,
        "\n{} carrier document(s); {} independent original source(s): {}",
        a.carriers.len(),
        a.independent_sources,
        a.original_sources.join(", ")
    )?;
    Ok(())
}
