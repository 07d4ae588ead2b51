//! `chronograph conflicts`: claims about the same thing that disagree.

use super::Ctx;
use chronograph::export;
use chronograph::query::conflicts::{self, Options, Report};
use chronograph::store::query::open_read;
use std::io::Write;

/// Output formats of `conflicts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Groups as text, sides in time order.
    Table,
    /// `{"tolerance", "window_days", "conflicts": [group...], "changes_only": [group...]}`.
    Json,
}

/// Options of `chronograph conflicts`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only subjects with a claim matching this full-text query.
    #[arg(long)]
    pub about: Option<String>,
    /// Percent by which each figure's range is widened before comparing.
    #[arg(long, default_value_t = 5.0)]
    pub tolerance: f64,
    /// Days around each claim's valid time within which two sources count as
    /// speaking about the same moment.
    #[arg(long, default_value_t = 14)]
    pub window: i64,
    /// Only what had been published by this date (YYYY-MM-DD).
    #[arg(long = "as-of")]
    pub as_of: Option<String>,
    /// One line per contested subject (sides, disagreeing pairs, changes)
    /// instead of every side: for large stores.
    #[arg(long)]
    pub summary: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

fn table(r: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    for (n, g) in r.conflicts.iter().chain(&r.changes_only).enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let tag = if g.disagreements.is_empty() {
            "changed over time"
        } else {
            "sources disagree"
        };
        writeln!(
            out,
            "== {} [{}]{}",
            g.subject,
            tag,
            g.unit
                .as_ref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default()
        )?;
        let mut rows =
            export::Rows::new(&["claim", "when", "claimant", "figure", "chain", "published"]);
        for s in &g.sides {
            rows.push(vec![
                s.claim.to_string(),
                s.valid
                    .clone()
                    .or_else(|| s.stated.clone())
                    .unwrap_or_else(|| s.published.clone()),
                s.claimant.clone(),
                chronograph::query::labelled(
                    &s.figure
                        .clone()
                        .unwrap_or_else(|| format!("{}: {}", s.polarity, s.statement)),
                    s.factuality,
                ),
                s.chain.clone(),
                s.published.clone(),
            ]);
        }
        export::table::write(&rows, out)?;
        for d in &g.disagreements {
            writeln!(out, "  disagree: {}", d.summary)?;
        }
        for c in &g.changes {
            writeln!(out, "  changed:  {}", c.summary)?;
        }
    }
    Ok(())
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.tolerance >= 0.0 && args.tolerance < 100.0,
        "--tolerance is a percentage in [0, 100)"
    );
    let conn = open_read(&ctx.db)?;
    let opt = Options {
        about: args.about,
        tolerance: args.tolerance / 100.0,
        window_days: args.window.max(0),
        as_of: args.as_of,
    };
    if args.summary {
        let rows = conflicts::summary(&conn, &opt)?;
        if rows.is_empty() {
            eprintln!("conflicts: no disagreeing claims found");
        }
        if args.format == Format::Json {
            return Ok(export::json(&rows, out)?);
        }
        let mut t = export::Rows::new(&[
            "subject", "unit", "about", "sides", "pairs", "changes", "from", "to",
        ]);
        for r in rows {
            t.push(vec![
                r.subject,
                r.unit.unwrap_or_default(),
                r.about.join(", "),
                r.sides.to_string(),
                r.disagreeing_pairs.to_string(),
                r.changes.to_string(),
                r.from,
                r.to,
            ]);
        }
        if !t.rows.is_empty() {
            export::table::write(&t, out)?;
        }
        return Ok(());
    }
    let report = conflicts::conflicts(&conn, &opt)?;
    if report.conflicts.is_empty() {
        eprintln!("conflicts: no disagreeing claims found");
    }
    match args.format {
        Format::Json => export::json(&report, out)?,
        Format::Table => table(&report, out)?,
    }
    Ok(())
}
