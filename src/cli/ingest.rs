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

/// Classifies an input by the start of its content: JSON objects are
/// bundles. Empty inputs count as interchange so that the JSON reader names
/// the problem.
pub fn classify_input(_path: &Path, head: &[u8]) -> InputKind {
    if head.iter().all(u8::is_ascii_whitespace) || json::looks_like_json(head) {
        InputKind::Interchange
    } else {
        InputKind::NotInterchange
    }
}

/// The first bytes of a file, enough to classify it.
fn head_of(path: &Path) -> anyhow::Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    let file = std::fs::File::open(path).map_err(|source| chronograph::Error::Io {
        path: path.to_owned(),
        source,
    })?;
    file.take(4096).read_to_end(&mut head)?;
    Ok(head)
}

/// One input after the checking pass.
enum Checked {
    /// Standard input, read once and kept.
    Stdin(Vec<SourcedBundle>),
    /// A file, every bundle valid; read again, lazily, for writing.
    File(PathBuf),
}

/// First pass: reads and validates every input, keeping only standard
/// input in memory. Returns the inputs and how many bundles they hold.
fn check_inputs(inputs: &[PathBuf]) -> anyhow::Result<(Vec<Checked>, usize)> {
    if inputs.is_empty() {
        bail!("no input: give interchange JSON files, or `-` for standard input");
    }
    if inputs.iter().filter(|p| json::is_stdin(p)).count() > 1 {
        bail!("`-` (standard input) can be given only once");
    }
    let mut checked = Vec::with_capacity(inputs.len());
    let mut total = 0;
    for p in inputs {
        if json::is_stdin(p) {
            let bytes = json::read_bytes(p)?;
            let bundles = json::parse_bundles(p, &bytes)?;
            total += bundles.len();
            checked.push(Checked::Stdin(bundles));
            continue;
        }
        if p.is_dir() {
            // read_bytes phrases the directory error.
            json::read_bytes(p)?;
        }
        match classify_input(p, &head_of(p)?) {
            InputKind::Interchange => {
                for b in json::BundleReader::open(p)? {
                    b?;
                    total += 1;
                }
                checked.push(Checked::File(p.clone()));
            }
            InputKind::NotInterchange => {
                // Article inputs (text, Markdown) are the extractor's to
                // read; until then the JSON reader names the first
                // character that is not `{`.
                if let Some(e) = json::BundleReader::open(p)?.find_map(Result::err) {
                    return Err(e.into());
                }
                bail!("{}: not interchange JSON", p.display());
            }
        }
    }
    Ok((checked, total))
}

/// Second pass: every bundle, in input order, read lazily.
struct Bundles {
    inputs: std::vec::IntoIter<Checked>,
    current: Box<dyn Iterator<Item = chronograph::Result<SourcedBundle>>>,
    remaining: usize,
}

impl Iterator for Bundles {
    type Item = chronograph::Result<chronograph::model::Bundle>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(b) = self.current.next() {
                self.remaining = self.remaining.saturating_sub(1);
                return Some(b.map(|b| b.bundle));
            }
            self.current = match self.inputs.next()? {
                Checked::Stdin(v) => Box::new(v.into_iter().map(Ok)),
                Checked::File(p) => match json::BundleReader::open(&p) {
                    Ok(r) => Box::new(r),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                },
            };
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    // Check everything before the database is even opened: a bad input
    // leaves it exactly as it was. Files are then read a second time,
    // lazily, so that a large input never sits in memory whole.
    let (checked, total) = check_inputs(&args.inputs)?;
    let mut store =
        Store::open(&ctx.db).with_context(|| format!("opening {}", ctx.db.display()))?;
    let show = std::io::stderr().is_terminal() && total >= 1000;
    let mut progress = |done: usize| {
        if show && (done % 1000 == 0 || done == total) {
            eprint!("\ringest: {done}/{total} documents");
            if done == total {
                eprintln!();
            }
        }
    };
    let bundles = Bundles {
        inputs: checked.into_iter(),
        current: Box::new(std::iter::empty()),
        remaining: total,
    };
    let report = store.ingest_results(bundles, &mut progress)?;
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
