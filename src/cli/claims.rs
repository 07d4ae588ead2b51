//! `chronograph claims`: search claims; who said what, through whom.

use super::Ctx;
use chronograph::export::{self, Rows};
use chronograph::query::{self, conflicts::figure_text, time};
use chronograph::store::query::{ClaimFilter, ClaimRow, open_read};
use std::io::Write;

/// Output formats of row listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RowFormat {
    Table,
    Json,
    Csv,
    Md,
}

/// Options of `chronograph claims`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to find in statement, subject and evidence (every word must
    /// occur; `troops border` finds both). Punctuation is taken literally.
    #[arg(long)]
    pub about: Option<String>,
    /// Read --about as an SQLite FTS5 query (`"troop build-up" OR invasion`,
    /// `troop*`, `NEAR(a b)`) instead of plain words.
    #[arg(long)]
    pub fts: bool,
    /// Claims made by this actor (name or alias).
    #[arg(long)]
    pub by: Option<String>,
    /// Claims relayed through this actor.
    #[arg(long)]
    pub via: Option<String>,
    /// Claims carried by this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Claims whose time ends on or after this date.
    #[arg(long)]
    pub from: Option<String>,
    /// Claims whose time starts on or before this date.
    #[arg(long)]
    pub to: Option<String>,
    /// Only what had been published by this date.
    #[arg(long = "as-of")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: RowFormat,
}

fn chain(c: &ClaimRow) -> String {
    let outlet = query::outlet_of(&c.document);
    query::chain_text(
        &outlet,
        c.via.iter().map(|a| a.name.as_str()),
        &c.claimant.name,
    )
}

fn rows(claims: &[ClaimRow], full: bool) -> Rows {
    let mut r = if full {
        Rows::new(&[
            "id",
            "claimant",
            "chain",
            "outlet",
            "published",
            "stated",
            "valid",
            "subject",
            "statement",
            "value",
            "lower",
            "upper",
            "unit",
            "polarity",
            "modality",
            "document",
            "evidence",
        ])
    } else {
        Rows::new(&[
            "id",
            "when",
            "claimant",
            "chain",
            "stance",
            "figure",
            "statement",
        ])
    };
    for c in claims {
        let t = |v: &Option<chronograph::model::TimeValue>| {
            v.as_ref()
                .map(|t| time::display(t, false))
                .unwrap_or_default()
        };
        let q = c.quantity.as_ref();
        let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        if full {
            r.push(vec![
                c.id.to_string(),
                c.claimant.name.clone(),
                chain(c),
                query::outlet_of(&c.document),
                c.document.published.clone(),
                t(&c.stated),
                t(&c.valid),
                c.subject.clone().unwrap_or_default(),
                c.statement.clone(),
                num(q.and_then(|q| q.value)),
                num(q.and_then(|q| q.lower)),
                num(q.and_then(|q| q.upper)),
                q.and_then(|q| q.unit.clone()).unwrap_or_default(),
                c.polarity.clone(),
                c.modality.clone(),
                c.document.key.clone(),
                c.evidence.text.clone(),
            ]);
        } else {
            let when = c
                .valid
                .as_ref()
                .or(c.stated.as_ref())
                .map(|t| time::display(t, false));
            r.push(vec![
                c.id.to_string(),
                when.unwrap_or_else(|| c.document.published.clone()),
                c.claimant.name.clone(),
                chain(c),
                format!("{} {}", c.polarity, c.modality),
                q.map(figure_text).unwrap_or_default(),
                c.statement.clone(),
            ]);
        }
    }
    r
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    let actor = |n: &Option<String>| -> anyhow::Result<Vec<i64>> {
        Ok(match n {
            Some(n) => vec![query::resolve_actor(&conn, n)?.id],
            None => Vec::new(),
        })
    };
    let day = |s: &Option<String>, end: bool| -> anyhow::Result<Option<String>> {
        match s {
            None => Ok(None),
            Some(s) => Ok(Some(
                time::parse_day(s, end)
                    .ok_or_else(|| {
                        anyhow::anyhow!("not a date: {s:?} (YYYY, YYYY-MM or YYYY-MM-DD)")
                    })?
                    .to_string(),
            )),
        }
    };
    // No words at all is no text filter (FTS5 refuses an empty query).
    let text = args
        .about
        .as_deref()
        .filter(|q| !q.trim().is_empty())
        .map(|q| match args.fts {
            true => q.to_owned(),
            false => chronograph::store::query::fts_words(q),
        });
    let filter = ClaimFilter {
        text,
        by: actor(&args.by)?,
        via: actor(&args.via)?,
        outlet: args.outlet.clone(),
        from: day(&args.from, false)?,
        to: day(&args.to, true)?,
        as_of: day(&args.as_of, true)?,
        ..Default::default()
    };
    let found = match chronograph::store::query::claims(&conn, &filter) {
        Err(e) if args.fts && e.to_string().contains("fts5: syntax error") => {
            anyhow::bail!(
                "--about {:?}: not a valid FTS5 query ({e}); without --fts the words are searched as given",
                args.about.as_deref().unwrap_or("")
            )
        }
        r => r?,
    };
    if found.is_empty() {
        eprintln!("claims: no claims match");
    }
    match args.format {
        RowFormat::Json => export::json(&found, out)?,
        RowFormat::Csv => export::csv::write(&rows(&found, true), out)?,
        RowFormat::Md => export::markdown::write(&rows(&found, false), out)?,
        RowFormat::Table if !found.is_empty() => export::table::write(&rows(&found, false), out)?,
        RowFormat::Table => {}
    }
    Ok(())
}
