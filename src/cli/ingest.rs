//! `chronograph ingest`: reads every input into bundles, then writes them all
//! in one transaction. Nothing is written unless every input is good.

use super::Ctx;
use anyhow::{Context, bail};
use chronograph::ingest::{SourcedBundle, json};
use chronograph::store::{DocStatus, IngestReport, Store};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Options of `chronograph ingest`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  chronograph --db g.db ingest bundle.json\n  \
    chronograph --db g.db ingest day1.jsonl day2.jsonl\n  chronograph extract --format json a.txt | chronograph ingest -\n\n\
    Re-ingesting a document with the same id and the same facts changes nothing; with the same id and\n\
    different facts, its facts are replaced (reported as `updated`). A bad input is refused whole: the\n\
    database is left exactly as it was."
)]
pub struct Args {
    /// Interchange JSON files: one bundle per file, or JSON Lines of bundles
    /// (what `extract --format json` prints). `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub inputs: Vec<PathBuf>,

    /// Output format of the report.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A line per document (for up to 50 documents) and a summary.
    Table,
    /// The full report as one JSON object.
    Json,
}

/// What an input path holds, decided from the path and its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Interchange JSON bundles (a file, or standard input for `-`).
    Interchange,
    /// Anything else, such as article text; this build reads only
    /// interchange JSON, and says so.
    NotInterchange,
}

/// Classifies an input by its content: JSON objects are bundles.
pub fn classify_input(_path: &Path, bytes: &[u8]) -> InputKind {
    if bytes.iter().all(u8::is_ascii_whitespace) || json::looks_like_json(bytes) {
        // Empty inputs go to the JSON reader, which names the problem.
        InputKind::Interchange
    } else {
        InputKind::NotInterchange
    }
}

/// Reads one input path into validated bundles.
pub fn read_input(path: &Path) -> anyhow::Result<Vec<SourcedBundle>> {
    let bytes = json::read_bytes(path)?;
    match classify_input(path, &bytes) {
        InputKind::Interchange => Ok(json::parse_bundles(path, &bytes)?),
        InputKind::NotInterchange => {
            // Let the JSON reader phrase the error (position of the first
            // character that is not `{`).
            json::parse_bundles(path, &bytes)?;
            bail!("{}: not interchange JSON", path.display())
        }
    }
}

/// Reads every input; the first bad one stops everything.
pub fn read_inputs(inputs: &[PathBuf]) -> anyhow::Result<Vec<SourcedBundle>> {
    if inputs.is_empty() {
        bail!("no input: give interchange JSON files, or `-` for standard input");
    }
    if inputs.iter().filter(|p| json::is_stdin(p)).count() > 1 {
        bail!("`-` (standard input) can be given only once");
    }
    let mut all = Vec::new();
    for p in inputs {
        all.extend(read_input(p)?);
    }
    Ok(all)
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let bundles = read_inputs(&args.inputs)?;
    let mut store =
        Store::open(&ctx.db).with_context(|| format!("opening {}", ctx.db.display()))?;
    let total = bundles.len();
    let show = std::io::stderr().is_terminal() && total >= 1000;
    let mut progress = |done: usize| {
        if show && (done % 1000 == 0 || done == total) {
            eprint!("\ringest: {done}/{total} documents");
            if done == total {
                eprintln!();
            }
        }
    };
    let report = store.ingest(bundles.iter().map(|b| &b.bundle), &mut progress)?;
    write_report(&report, &ctx.db, args.format, out)
}

fn write_report(
    report: &IngestReport,
    db: &Path,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (added, updated, unchanged) = (
        report.count(DocStatus::Added),
        report.count(DocStatus::Updated),
        report.count(DocStatus::Unchanged),
    );
    match format {
        Format::Json => {
            let v = serde_json::json!({
                "database": db.display().to_string(),
                "added": added, "updated": updated, "unchanged": unchanged,
                "documents": report.documents,
            });
            serde_json::to_writer_pretty(&mut *out, &v)?;
            writeln!(out)?;
        }
        Format::Table => {
            if report.documents.len() <= 50 {
                for d in &report.documents {
                    writeln!(
                        out,
                        "{:<9} {}  {} actors ({} merged), {} events, {} claims, {} relations, {} timexes",
                        d.status.as_str(),
                        d.key,
                        d.actors,
                        d.merged_actors,
                        d.events,
                        d.claims,
                        d.relations,
                        d.timexes
                    )?;
                }
            }
            let claims: usize = report
                .documents
                .iter()
                .filter(|d| d.status != DocStatus::Unchanged)
                .map(|d| d.claims)
                .sum();
            writeln!(
                out,
                "{added} added, {updated} updated, {unchanged} unchanged ({claims} claims written) into {}",
                db.display()
            )?;
        }
    }
    Ok(())
}
