//! `chronograph unmerge`: undoes a cross-document actor merge.

use super::Ctx;
use anyhow::bail;
use std::io::Write;

/// Options of `chronograph unmerge`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  chronograph --db g.db unmerge \"Joe Biden\"\n  \
    chronograph --db g.db unmerge 12 --document doc-5c0a3b1e9f2d4a77\n\n\
    Merges are listed in the view v_actor_merges (sqlite3 g.db 'SELECT * FROM v_actor_merges')."
)]
pub struct Args {
    /// The actor: its id, or a name or alias (case- and accent-insensitive).
    pub actor: String,

    /// Split off only this document's mention (a document key); without it,
    /// every document but the earliest gets an actor of its own.
    #[arg(long, value_name = "KEY")]
    pub document: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut store = ctx.open_existing()?;
    let found = store.find_actors(&args.actor)?;
    let actor = match found.as_slice() {
        [] => bail!("no actor named `{}`", args.actor),
        [one] => one.id,
        many => {
            // Prefer the only merged candidate when the name is ambiguous.
            let merged: Vec<_> = many.iter().filter(|a| a.documents > 1).collect();
            match merged.as_slice() {
                [one] => one.id,
                _ => {
                    let list: Vec<String> = many
                        .iter()
                        .map(|a| {
                            format!(
                                "{} ({}, {}, {} documents)",
                                a.id, a.name, a.kind, a.documents
                            )
                        })
                        .collect();
                    bail!(
                        "`{}` names several actors; give an id: {}",
                        args.actor,
                        list.join("; ")
                    )
                }
            }
        }
    };
    let report = store.unmerge(actor, args.document.as_deref())?;
    match args.format {
        Format::Json => {
            chronograph::export::json(&report, out)?;
        }
        Format::Table => {
            for s in &report.split {
                writeln!(
                    out,
                    "actor {} ({}): document {} split off as actor {} ({})",
                    report.actor, report.name, s.document, s.new_actor, s.name
                )?;
            }
        }
    }
    Ok(())
}
