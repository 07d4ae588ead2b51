//! `chronograph relations`: typed, dated links between actors.

use super::Ctx;
use super::claims::RowFormat;
use chronograph::export::{self, Rows};
use chronograph::query::{self, time};
use chronograph::store::query::{open_read, relations};
use std::io::Write;

/// Options of `chronograph relations`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Relations with this actor at either end.
    #[arg(long)]
    pub actor: Option<String>,
    /// Relation kind (`supports`, `threatens`, ...).
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: RowFormat,
    #[command(flatten)]
    pub factuality: super::FactualityArg,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    let actor = match &args.actor {
        Some(n) => Some(query::resolve_actor(&conn, n)?.id),
        None => None,
    };
    let mut rels = relations(&conn, actor, args.kind.as_deref())?;
    let shown = args.factuality.factuality;
    rels.retain(|r| shown.admits(r.factuality));
    if rels.is_empty() {
        eprintln!("relations: no relations match");
    }
    if args.format == RowFormat::Json {
        return Ok(export::json(&rels, out)?);
    }
    let mut rows = Rows::new(&[
        "id",
        "source",
        "kind",
        "target",
        "when",
        "outlet",
        "published",
        "evidence",
    ]);
    for r in &rels {
        rows.push(vec![
            r.id.to_string(),
            r.source.name.clone(),
            query::labelled(&r.kind, r.factuality),
            r.target.name.clone(),
            r.time
                .as_ref()
                .map(|t| time::display(t, false))
                .unwrap_or_default(),
            query::outlet_of(&r.document),
            r.document.published.clone(),
            r.evidence.text.clone(),
        ]);
    }
    match args.format {
        RowFormat::Csv => export::csv::write(&rows, out)?,
        RowFormat::Md => export::markdown::write(&rows, out)?,
        _ if rels.is_empty() => {}
        _ => export::table::write(&rows, out)?,
    }
    Ok(())
}
