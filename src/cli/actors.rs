//! `chronograph actors`: who appears in the store, how often and in what
//! role, most mentioned first.

use super::Ctx;
use super::claims::RowFormat;
use chronograph::export::{self, Rows};
use chronograph::store::listing::{ActorListing, ActorOrder, actor_summaries};
use chronograph::store::query::open_read;
use std::io::Write;

/// How `actors` orders its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// Most documents first.
    Documents,
    /// Most claims made first.
    Claims,
    /// Most events first.
    Events,
    /// Most relations first.
    Relations,
    /// By name.
    Name,
}

/// Options of `chronograph actors`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only actors whose name or an alias contains these words (case and
    /// accents ignored).
    pub name: Option<String>,
    /// Only this kind: person, country, government, organization, media,
    /// group, place, anonymous.
    #[arg(long)]
    pub kind: Option<String>,
    /// Only actors mentioned in at least this many documents.
    #[arg(long, default_value_t = 0)]
    pub min_documents: i64,
    #[arg(long, value_enum, default_value = "documents")]
    pub sort: Sort,
    /// At most this many rows (0: all).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: RowFormat,
    /// Events and relations counted (claims are all counted: the saying
    /// happened, whatever its content).
    #[command(flatten)]
    pub factuality: super::FactualityArg,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    const KINDS: &[&str] = &[
        "person",
        "country",
        "government",
        "organization",
        "media",
        "group",
        "place",
        "anonymous",
    ];
    if let Some(k) = &args.kind {
        if !KINDS.contains(&k.as_str()) {
            anyhow::bail!(
                "--kind {k:?}: not an actor kind (one of {})",
                KINDS.join(", ")
            );
        }
    }
    let conn = open_read(&ctx.db)?;
    let list = actor_summaries(
        &conn,
        &ActorListing {
            kind: args.kind,
            name: args.name,
            min_documents: args.min_documents,
            factuality: args.factuality.factuality,
            order: match args.sort {
                Sort::Documents => ActorOrder::Documents,
                Sort::Claims => ActorOrder::Claims,
                Sort::Events => ActorOrder::Events,
                Sort::Relations => ActorOrder::Relations,
                Sort::Name => ActorOrder::Name,
            },
            limit: (args.limit > 0).then_some(args.limit),
        },
    )?;
    if list.is_empty() {
        eprintln!("actors: no actors match");
    }
    if args.format == RowFormat::Json {
        return Ok(export::json(&list, out)?);
    }
    let mut rows = Rows::new(&[
        "id",
        "name",
        "kind",
        "part of",
        "documents",
        "claims",
        "relayed",
        "events",
        "relations",
        "aliases",
    ]);
    for a in &list {
        rows.push(vec![
            a.id.to_string(),
            a.name.clone(),
            a.kind.clone(),
            a.part_of.clone().unwrap_or_default(),
            a.documents.to_string(),
            a.claims.to_string(),
            a.relayed.to_string(),
            a.events.to_string(),
            a.relations.to_string(),
            a.aliases.to_string(),
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
