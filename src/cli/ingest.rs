//! `chronograph ingest`: reads every input into bundles and writes them all
//! in one transaction. Nothing is written unless every input is good: an
//! error anywhere rolls the transaction back.

use super::Ctx;
use anyhow::{Context, bail};
use chronograph::extract::{self, Article};
use chronograph::ingest::article::{self as articles, Overrides};
use chronograph::ingest::{SourcedBundle, json};
use chronograph::store::{DocStatus, IngestReport, Store};
use rayon::prelude::*;
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

    #[command(flatten)]
    pub article: super::extract::ArticleArgs,
}

/// The example articles shipped in `examples/`, ingested when no input is given.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "examples/2024-03-04-wire-moldova-border.txt",
        include_str!("../../examples/2024-03-04-wire-moldova-border.txt"),
    ),
    (
        "examples/2024-03-05-gazette-estimates-differ.txt",
        include_str!("../../examples/2024-03-05-gazette-estimates-differ.txt"),
    ),
    (
        "examples/2024-03-07-herald-call.txt",
        include_str!("../../examples/2024-03-07-herald-call.txt"),
    ),
    (
        "examples/2024-03-12-monitor-drills.txt",
        include_str!("../../examples/2024-03-12-monitor-drills.txt"),
    ),
];

/// How many articles are extracted (in parallel) before their bundles are handed to the store.
const ARTICLE_CHUNK: usize = 64;

/// Whether the first line of a JSON Lines file is an article (`text`) rather than a bundle (`document`).
fn is_article_jsonl(head: &[u8]) -> bool {
    let first = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    match serde_json::from_slice::<serde_json::Value>(first) {
        Ok(v) => v.get("text").is_some() && v.get("document").is_none(),
        // A long first line cut by the head: look for the keys themselves.
        Err(_) => {
            let s = String::from_utf8_lossy(first);
            s.contains("\"text\"") && !s.contains("\"document\"")
        }
    }
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
    /// Articles: text or Markdown with a header, JSON Lines of articles, or a directory.
    Article,
}

/// Classifies an input by the start of its content: JSON objects are
/// bundles. Empty inputs count as interchange so that the JSON reader names
/// the problem.
pub fn classify_input(path: &Path, head: &[u8]) -> InputKind {
    if path.is_dir() {
        return InputKind::Article;
    }
    if json::looks_like_json(head) && is_article_jsonl(head) {
        return InputKind::Article;
    }
    if !head.iter().all(u8::is_ascii_whitespace)
        && !json::looks_like_json(head)
        && articles::is_article_file(path)
    {
        return InputKind::Article;
    }
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
    /// An interchange file that exists and is not a directory; read,
    /// parsed and validated lazily while the store writes.
    File(PathBuf),
    /// Articles, read and checked; extracted while the store writes.
    Articles(Vec<Article>),
}

/// First pass: classifies every input and finds how many bundles it holds.
/// Articles and standard input are read and checked here; interchange files
/// are only counted (a scan for line ends, far cheaper than parsing) and
/// parsed once, as they are written. Returns the inputs and the count.
fn check_inputs(inputs: &[PathBuf], o: &Overrides) -> anyhow::Result<(Vec<Checked>, usize)> {
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
            // Article text on standard input (anything that is not JSON).
            if !json::looks_like_json(&bytes) && !bytes.iter().all(u8::is_ascii_whitespace) {
                let text = String::from_utf8(bytes).context("standard input is not UTF-8")?;
                let raw = articles::parse_text(p, &text);
                total += 1;
                checked.push(Checked::Articles(vec![raw.finish(o)?]));
                continue;
            }
            let bundles = json::parse_bundles(p, &bytes)?;
            total += bundles.len();
            checked.push(Checked::Stdin(bundles));
            continue;
        }
        let head = if p.is_dir() { Vec::new() } else { head_of(p)? };
        match classify_input(p, &head) {
            InputKind::Article => {
                let raws = articles::read_path(p)?;
                if raws.is_empty() {
                    if p.is_dir() {
                        bail!(
                            "{}: is a directory with no articles (.txt, .md, .jsonl) in it",
                            p.display()
                        );
                    }
                    bail!("{}: no articles found", p.display());
                }
                let arts = raws
                    .into_iter()
                    .map(|r| r.finish(o))
                    .collect::<chronograph::Result<Vec<_>>>()?;
                total += arts.len();
                checked.push(Checked::Articles(arts));
            }
            InputKind::Interchange => {
                total += json::count_bundles(p)?;
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
                Checked::Articles(v) => Box::new(Extracted::new(v)),
            };
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

/// Articles extracted in parallel, a chunk at a time, as the store asks for bundles.
struct Extracted {
    todo: std::vec::IntoIter<Article>,
    ready: std::vec::IntoIter<SourcedBundle>,
}

impl Extracted {
    fn new(v: Vec<Article>) -> Self {
        Extracted {
            todo: v.into_iter(),
            ready: Vec::new().into_iter(),
        }
    }
}

impl Iterator for Extracted {
    type Item = chronograph::Result<SourcedBundle>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(b) = self.ready.next() {
            return Some(Ok(b));
        }
        let chunk: Vec<Article> = self.todo.by_ref().take(ARTICLE_CHUNK).collect();
        if chunk.is_empty() {
            return None;
        }
        let done: Vec<SourcedBundle> = chunk
            .par_iter()
            .map(|a| SourcedBundle {
                bundle: extract::extract(a),
                source: chronograph::ingest::Source {
                    path: PathBuf::from("-"),
                    line: 0,
                },
            })
            .collect();
        self.ready = done.into_iter();
        self.ready.next().map(Ok)
    }
}

/// Ingests the embedded example articles (no input given).
fn ingest_examples(
    o: &Overrides,
    format: Format,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let arts = EXAMPLES
        .iter()
        .map(|(name, text)| articles::parse_text(Path::new(name), text).finish(o))
        .collect::<chronograph::Result<Vec<_>>>()?;
    let bundles: Vec<chronograph::model::Bundle> = arts.par_iter().map(extract::extract).collect();
    let mut store =
        Store::open(&ctx.db).with_context(|| format!("opening {}", ctx.db.display()))?;
    let report = store.ingest(&bundles, &mut |_| {})?;
    let claims: usize = bundles.iter().map(|b| b.claims.len()).sum();
    let events: usize = bundles.iter().map(|b| b.events.len()).sum();
    writeln!(
        out,
        "no input given: ingested the {} example articles from examples/ ({claims} claims, {events} events)",
        bundles.len()
    )?;
    write_report(&report, &ctx.db, format, out)
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let o = args.article.prepare()?;
    if args.inputs.is_empty() {
        return ingest_examples(&o, args.format, ctx, out);
    }
    // Inputs that can be refused without parsing them (missing files,
    // directories, text that is not JSON) are refused before the database
    // is opened. Interchange files are then parsed once, lazily, while the
    // store writes, so that a large input never sits in memory whole; a bad
    // bundle rolls the whole transaction back.
    let (checked, total) = check_inputs(&args.inputs, &o)?;
    let created = !ctx.db.exists();
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
    let report = match store.ingest_results(bundles, &mut progress) {
        Ok(r) => r,
        Err(e) => {
            if show {
                eprintln!();
            }
            // A database this command created holds nothing: remove it, so
            // that a bad input leaves no trace.
            drop(store);
            if created {
                for ext in ["", "-wal", "-shm"] {
                    let mut p = ctx.db.clone().into_os_string();
                    p.push(ext);
                    let _ = std::fs::remove_file(p);
                }
            }
            return Err(e.into());
        }
    };
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
            chronograph::export::json(&v, out)?;
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
