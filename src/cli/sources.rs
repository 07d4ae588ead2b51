//! `chronograph sources CLAIM`: the attribution chain of a claim, every
//! document that carries it, and its independent original sources.

use super::Ctx;
use chronograph::export;
use chronograph::query::sources::{Carrier, sources};
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
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

fn list(title: &str, cs: &[Carrier], out: &mut dyn Write) -> std::io::Result<()> {
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
    export::table::write(&rows, out)
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    let a = sources(&conn, args.claim, args.tolerance / 100.0)?;
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
    list("carried by (same claim, same claimant)", &a.carriers, out)?;
    list(
        "corroborated by (other claimants, same thing)",
        &a.corroborating,
        out,
    )?;
    list("disputed by", &a.disputed_by, out)?;
    writeln!(
        out,
        "\n{} carrier document(s); {} independent original source(s): {}",
        a.carriers.len(),
        a.independent_sources,
        a.original_sources.join(", ")
    )?;
    Ok(())
}
