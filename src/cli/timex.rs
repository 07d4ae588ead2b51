//! `chronograph timex`: print the temporal expressions of a text.

use super::Ctx;
use anyhow::Context;
use chrono::NaiveDate;
use chronograph::extract::timex;
use chronograph::model::Timex;
use std::io::{Read, Write};
use std::path::PathBuf;

/// Output formats of `chronograph timex`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per expression and line (the scorer's format).
    Jsonl,
    /// An aligned table for reading.
    Table,
}

/// Options of `chronograph timex`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Document creation time (YYYY-MM-DD; a trailing time of day is ignored):
    /// the anchor for "yesterday", "in June", "next week".
    #[arg(long)]
    pub dct: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// The text file to read, `-` for stdin.
    pub file: PathBuf,
}

/// Parses a DCT, accepting `YYYY-MM-DD` with an optional `T...` time part.
fn parse_dct(s: &str) -> anyhow::Result<NaiveDate> {
    let day = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .with_context(|| format!("--dct {s:?} is not a YYYY-MM-DD date"))
}

pub fn run(args: Args, _ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let dct = parse_dct(&args.dct)?;
    let mut text = String::new();
    if args.file.as_os_str() == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading stdin")?;
    } else {
        text = std::fs::read_to_string(&args.file)
            .with_context(|| format!("reading {}", args.file.display()))?;
    }
    let found = timex::tag(&text, dct);
    match args.format {
        Format::Jsonl => {
            for t in &found {
                serde_json::to_writer(&mut *out, t)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Table => write_table(&found, out)?,
    }
    Ok(())
}

fn write_table(found: &[Timex], out: &mut dyn Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:>7} {:>7}  {:<8} {:<14} {:<12} {:<30} text",
        "start", "end", "type", "value", "modifier", "bounds"
    )?;
    for t in found {
        let kind = serde_json::to_value(t.kind)?;
        let bounds = match (t.begin, t.until) {
            (Some(b), Some(u)) => format!("{b}..{u}"),
            (Some(b), None) => format!("{b}.."),
            (None, Some(u)) => format!("..{u}"),
            (None, None) => String::new(),
        };
        writeln!(
            out,
            "{:>7} {:>7}  {:<8} {:<14} {:<12} {:<30} {}",
            t.start,
            t.end,
            kind.as_str().unwrap_or(""),
            t.value,
            t.modifier.map(|m| m.as_str()).unwrap_or(""),
            bounds,
            t.text.replace('\n', " ")
        )?;
    }
    Ok(())
}
