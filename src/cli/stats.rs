//! `chronograph stats`.

use super::Ctx;
use std::io::Write;

/// Options of `chronograph stats`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  chronograph --db g.db stats --format json")]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned `kind  count` lines.
    Table,
    /// One JSON object (fields as in `chronograph::store::Stats`).
    Json,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    // Read-only, like every query: it answers while an ingest writes and
    // on a database in a directory it may not write.
    let conn = chronograph::store::query::open_read(&ctx.db)?;
    let s = chronograph::store::Stats::read(&conn)?;
    match args.format {
        Format::Json => {
            chronograph::export::json(&s, out)?;
        }
        Format::Table => {
            let mut rows: Vec<(String, String)> = vec![
                ("documents".into(), s.documents.to_string()),
                ("actors".into(), s.actors.to_string()),
            ];
            for (k, n) in &s.actors_by_kind {
                rows.push((format!("  {k}"), n.to_string()));
            }
            rows.extend([
                ("merged actors".into(), s.merged_actors.to_string()),
                ("actor names".into(), s.actor_names.to_string()),
                ("events".into(), s.events.to_string()),
                (
                    "event participants".into(),
                    s.event_participants.to_string(),
                ),
                ("claims".into(), s.claims.to_string()),
                ("  with quantity".into(), s.claims_with_quantity.to_string()),
                ("reporting links (via)".into(), s.claim_via.to_string()),
                ("claim about".into(), s.claim_about.to_string()),
                ("relations".into(), s.relations.to_string()),
                ("timexes".into(), s.timexes.to_string()),
                (
                    "published from".into(),
                    s.first_published.clone().unwrap_or_else(|| "-".into()),
                ),
                (
                    "published to".into(),
                    s.last_published.clone().unwrap_or_else(|| "-".into()),
                ),
                ("schema version".into(), s.schema_version.to_string()),
            ]);
            let w = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
            for (k, v) in rows {
                writeln!(out, "{k:<w$}  {v:>8}")?;
            }
        }
    }
    Ok(())
}
