//! `chronograph actor NAME`: everything about one actor.

use super::Ctx;
use chronograph::export;
use chronograph::query::{self, actor::profile, time};
use chronograph::store::query::open_read;
use std::collections::BTreeMap;
use std::io::Write;

/// Output formats of `actor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

/// Options of `chronograph actor`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Name or alias (case and accents ignored).
    pub name: String,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub factuality: super::FactualityArg,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    let p = profile(&conn, &args.name, args.factuality.factuality)?;
    if args.format == Format::Json {
        return Ok(export::json(&p, out)?);
    }
    let when =
        |t: &Option<chronograph::model::TimeValue>| t.as_ref().map(|t| time::display(t, false));
    writeln!(
        out,
        "{} ({}) [actor {}]",
        p.actor.name, p.actor.kind, p.actor.id
    )?;
    if !p.aliases.is_empty() {
        writeln!(out, "also: {}", p.aliases.join(", "))?;
    }
    if !p.part_of.is_empty() {
        let chain: Vec<&str> = p.part_of.iter().map(|a| a.name.as_str()).collect();
        writeln!(out, "part of: {}", chain.join(" > "))?;
    }
    if !p.parts.is_empty() {
        let parts: Vec<&str> = p.parts.iter().map(|a| a.name.as_str()).collect();
        writeln!(out, "has parts: {}", parts.join(", "))?;
    }
    for (title, rels, out_dir) in [
        ("relations out", &p.relations_out, true),
        ("relations in", &p.relations_in, false),
    ] {
        if rels.is_empty() {
            continue;
        }
        writeln!(out, "\n{title}:")?;
        let mut by_kind: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for r in rels.iter() {
            let other = if out_dir {
                &r.target.name
            } else {
                &r.source.name
            };
            let t = when(&r.time).map(|t| format!(", {t}")).unwrap_or_default();
            by_kind.entry(&r.kind).or_default().push(format!(
                "{} ({} {}{t})",
                query::labelled(other, r.factuality),
                query::outlet_of(&r.document),
                r.document.published
            ));
        }
        for (k, v) in by_kind {
            writeln!(out, "  {k}: {}", v.join("; "))?;
        }
    }
    if !p.events.is_empty() {
        writeln!(out, "\nevents ({}):", p.events.len())?;
        let mut rows = export::Rows::new(&["id", "when", "kind", "event", "role", "outlet"]);
        for e in &p.events {
            let role = e
                .participants
                .iter()
                .filter(|x| x.actor.id == p.actor.id)
                .map(|x| x.role.clone())
                .collect::<Vec<_>>();
            rows.push(vec![
                e.id.to_string(),
                when(&e.time).unwrap_or_else(|| "undated".into()),
                e.kind.clone(),
                query::labelled(&e.label, e.factuality),
                role.join(", "),
                query::outlet_of(&e.document),
            ]);
        }
        export::table::write(&rows, out)?;
    }
    for (title, cs) in [
        ("claims made or relayed", &p.claims_made),
        ("claims about", &p.claims_about),
    ] {
        if cs.is_empty() {
            continue;
        }
        writeln!(out, "\n{title} ({}):", cs.len())?;
        let mut rows = export::Rows::new(&["id", "when", "claimant", "statement", "outlet"]);
        for c in cs.iter() {
            rows.push(vec![
                c.id.to_string(),
                when(&c.valid)
                    .or_else(|| when(&c.stated))
                    .unwrap_or_else(|| c.document.published.clone()),
                c.claimant.name.clone(),
                query::labelled(&c.statement, c.factuality),
                query::outlet_of(&c.document),
            ]);
        }
        export::table::write(&rows, out)?;
    }
    Ok(())
}
