//! `chronograph extract`: articles in, one interchange object per article out.

use super::Ctx;
use anyhow::Context;
use chronograph::extract::{self, Article};
use chronograph::ingest::article::{self as reader, Overrides};
use chronograph::model::Bundle;
use std::io::{Read, Write};
use std::path::PathBuf;

/// Options of `chronograph extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files (.txt/.md with a header, .jsonl), directories, or `-` for stdin.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// `json`: one interchange object per line; `table`: a readable summary.
    #[arg(long, default_value = "json", value_parser = ["json", "table"])]
    pub format: String,
    #[command(flatten)]
    pub article: ArticleArgs,
}

/// Options describing article inputs, shared by `extract` and `ingest`.
#[derive(Debug, clap::Args)]
pub struct ArticleArgs {
    /// Publication date (YYYY-MM-DD) of article inputs; overrides their headers.
    #[arg(long)]
    pub published: Option<String>,
    /// Publisher / outlet of article inputs; overrides their headers.
    #[arg(long)]
    pub publisher: Option<String>,
    /// Title of article inputs; overrides their headers.
    #[arg(long)]
    pub title: Option<String>,
    /// URL of article inputs; overrides their headers.
    #[arg(long)]
    pub url: Option<String>,
    /// A directory of extra lexicon files (same layout as `data/`), added to the built-in ones.
    #[arg(long, env = "CHRONOGRAPH_LEXICON")]
    pub lexicon: Option<PathBuf>,
}

impl ArticleArgs {
    /// Registers the extra lexicon directory (before any extraction) and
    /// returns the header overrides, with the date checked.
    pub fn prepare(&self) -> anyhow::Result<Overrides> {
        if let Some(dir) = &self.lexicon {
            extract::set_extra_dir(dir.clone());
        }
        let published = match &self.published {
            Some(s) => Some(
                reader::parse_date(s)
                    .with_context(|| format!("--published {s:?}: expected YYYY-MM-DD"))?,
            ),
            None => None,
        };
        Ok(Overrides {
            title: self.title.clone(),
            publisher: self.publisher.clone(),
            published,
            url: self.url.clone(),
        })
    }
}

/// Reads every article named by `files` (`-` is stdin, read as one text article).
pub fn read_articles(files: &[PathBuf], o: &Overrides) -> anyhow::Result<Vec<Article>> {
    let mut out = Vec::new();
    for f in files {
        let raws = if f.as_os_str() == "-" {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("reading stdin")?;
            reader::read_str(f, &s)?
        } else {
            reader::read_path(f)?
        };
        if raws.is_empty() {
            anyhow::bail!("{}: no articles found", f.display());
        }
        for r in raws {
            out.push(r.finish(o)?);
        }
    }
    Ok(out)
}

pub fn run(args: Args, _ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let o = args.article.prepare()?;
    let articles = read_articles(&args.files, &o)?;
    for a in &articles {
        let mut b = extract::extract(a);
        super::panic::inject_fault(&a.text, &mut b);
        match args.format.as_str() {
            "table" => table(&b, out)?,
            _ => {
                serde_json::to_writer(&mut *out, &b)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

fn table(b: &Bundle, out: &mut dyn Write) -> anyhow::Result<()> {
    let name = |id: &str| {
        b.actors
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.as_str())
            .unwrap_or("?")
    };
    let d = &b.document;
    writeln!(
        out,
        "# {} ({}, {})",
        d.title.as_deref().unwrap_or(&d.id),
        d.publisher.as_deref().unwrap_or("unknown publisher"),
        d.published
    )?;
    writeln!(out, "\nActors ({})", b.actors.len())?;
    for a in &b.actors {
        let part = a
            .part_of
            .as_deref()
            .map(|p| format!(" (part of {})", name(p)))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:4} {:12} {}{}",
            a.id,
            a.kind.as_str(),
            a.name,
            part
        )?;
    }
    writeln!(out, "\nClaims ({})", b.claims.len())?;
    for c in &b.claims {
        let via: Vec<&str> = c.via.iter().map(|v| name(v)).collect();
        let via = if via.is_empty() {
            String::new()
        } else {
            format!(" via {}", via.join(" > "))
        };
        let q = c
            .quantity
            .as_ref()
            .map(|q| {
                let v = q.value.or(q.lower).or(q.upper).unwrap_or(0.0);
                format!(" [{v} {}]", q.unit.as_deref().unwrap_or(""))
            })
            .unwrap_or_default();
        let when = c.stated.as_ref().map(|t| t.value.as_str()).unwrap_or("");
        writeln!(
            out,
            "  {:4} {} {}{} ({}, {}, {}){}: {}",
            c.id,
            when,
            name(&c.claimant),
            via,
            c.polarity.as_str(),
            c.modality.as_str(),
            c.evidence.rule.as_deref().unwrap_or(""),
            q,
            c.statement
        )?;
    }
    writeln!(out, "\nEvents ({})", b.events.len())?;
    for e in &b.events {
        let when = e.time.as_ref().map(|t| t.value.as_str()).unwrap_or("?");
        writeln!(
            out,
            "  {:4} {:10} {:16} {:10} {}",
            e.id,
            when,
            e.kind,
            e.status.as_str(),
            e.label
        )?;
    }
    writeln!(out, "\nRelations ({})", b.relations.len())?;
    for r in &b.relations {
        let when = r.time.as_ref().map(|t| t.value.as_str()).unwrap_or("");
        writeln!(
            out,
            "  {} {} {} {}",
            name(&r.source),
            r.kind,
            name(&r.target),
            when
        )?;
    }
    writeln!(out)?;
    Ok(())
}
