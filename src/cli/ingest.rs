//! `chronograph ingest`: reads every input into bundles and writes them all
//! in one transaction.
//!
//! Input the user gives is checked whole: a bad interchange bundle, an
//! undated article or an empty file refuses the command and the database
//! is left as it was. An article the extractor cannot handle (a rule that
//! fails on it, or output that does not validate) is the program's fault,
//! not the user's: it is reported with its file and the reason, and the
//! other documents are stored (`--strict` refuses the whole command instead).

use super::Ctx;
use super::panic;
use anyhow::{Context, bail};
use chronograph::extract::{self, Article};
use chronograph::ingest::article::{self as articles, Overrides};
use chronograph::ingest::{Source, SourcedBundle, json};
use chronograph::store::{DocStatus, IngestReport, Store};
use rayon::prelude::*;
use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Options of `chronograph ingest`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  chronograph --db g.db ingest bundle.json\n  \
    chronograph --db g.db ingest day1.jsonl day2.jsonl\n  chronograph extract --format json a.txt | chronograph ingest -\n\n\
    Re-ingesting a document with the same id and the same facts changes nothing; with the same id and\n\
    different facts, its facts are replaced (reported as `updated`). A bad input is refused whole: the\n\
    database is left exactly as it was (exit code 2). An article the extractor cannot handle is\n\
    reported with its file and skipped, the others are stored, and the exit code is 3 (`--strict`\n\
    refuses the whole command instead). Another ingest into the same database is waited for."
)]
pub struct Args {
    /// What to load, any mix of: article files (`.txt`, `.md` with a
    /// `Key: value` header or front matter), JSON Lines of articles
    /// (`.jsonl` with `text`), interchange JSON (`.json`: one bundle, or
    /// `.jsonl`: JSON Lines of bundles, as `extract --format json` prints),
    /// directories of these (read recursively; other files are reported as
    /// skipped), or `-` for standard input (an article or bundles). No input:
    /// the bundled example articles and the analyst bundle beside them.
    #[arg(value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,

    /// Refuse the whole command when the extractor cannot handle one
    /// article, instead of storing the others and exiting with code 3.
    #[arg(long)]
    pub strict: bool,

    /// Output format of the report.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Leave the derived files in `DB.cache/` (timeline snapshot, compact
    /// graph, conflict grouping, claim briefs) to the first query that needs
    /// each, instead of building them before returning.
    #[arg(long)]
    pub no_cache: bool,

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

/// The example interchange bundles shipped in `examples/` (claims an
/// analyst extracted by hand), ingested with the articles when no input is
/// given, so that the default store holds both ways in.
const EXAMPLE_BUNDLES: &[(&str, &str)] = &[(
    "examples/2024-03-10-analyst-notes.json",
    include_str!("../../examples/2024-03-10-analyst-notes.json"),
)];

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

/// An article and where it came from.
struct Located {
    article: Article,
    source: Source,
}

/// A document left out, or a file in a directory that was not read, and why.
#[derive(Debug, Clone, serde::Serialize)]
struct Skip {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    reason: String,
}

impl Skip {
    fn at(source: &Source, reason: String) -> Skip {
        Skip {
            file: source.path.display().to_string(),
            line: (source.line > 0).then_some(source.line),
            reason,
        }
    }

    fn place(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.file),
            None => self.file.clone(),
        }
    }
}

/// One input after the checking pass.
enum Checked {
    /// Bundles read whole and kept: standard input, or the bundled examples.
    InMemory(Vec<SourcedBundle>),
    /// An interchange file that exists and is not a directory; read,
    /// parsed and validated lazily while the store writes.
    File(PathBuf),
    /// Articles, read and checked; extracted while the store writes.
    Articles(Vec<Located>),
}

/// What the checking pass found: the inputs to read, how many bundles they
/// hold, and the files of directories that are not inputs.
struct Inputs {
    checked: Vec<Checked>,
    total: usize,
    ignored: Vec<Skip>,
}

impl Inputs {
    fn add_articles(
        &mut self,
        raws: Vec<articles::RawArticle>,
        o: &Overrides,
    ) -> anyhow::Result<()> {
        let arts = raws
            .into_iter()
            .map(|r| {
                let source = Source {
                    path: r.path.clone(),
                    line: r.line.unwrap_or(0),
                };
                r.finish(o).map(|article| Located { article, source })
            })
            .collect::<chronograph::Result<Vec<_>>>()?;
        self.total += arts.len();
        self.checked.push(Checked::Articles(arts));
        Ok(())
    }

    /// One file named on the command line or found in a directory.
    fn add_file(&mut self, p: &Path, o: &Overrides) -> anyhow::Result<()> {
        let head = head_of(p)?;
        if head.iter().all(u8::is_ascii_whitespace) && std::fs::metadata(p)?.len() <= 4096 {
            bail!(
                "{}: empty file: expected an article or interchange JSON",
                p.display()
            );
        }
        match classify_input(p, &head) {
            InputKind::Article => {
                let raws = articles::read_path(p)?;
                if raws.is_empty() {
                    bail!("{}: no articles found", p.display());
                }
                self.add_articles(raws, o)
            }
            InputKind::Interchange => {
                self.total += json::count_bundles(p)?;
                self.checked.push(Checked::File(p.to_owned()));
                Ok(())
            }
            InputKind::NotInterchange => {
                // The JSON reader names the first character that is not `{`.
                if let Some(e) = json::BundleReader::open(p)?.find_map(Result::err) {
                    return Err(e.into());
                }
                bail!("{}: not interchange JSON", p.display());
            }
        }
    }

    /// Every file under `dir`, in name order: articles and interchange JSON
    /// are read, anything else is reported as not read.
    fn add_dir(&mut self, dir: &Path, o: &Overrides) -> anyhow::Result<()> {
        let io = |source| chronograph::Error::Io {
            path: dir.to_owned(),
            source,
        };
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()
            .map_err(io)?;
        entries.sort();
        for p in entries {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase);
            let ignore = |why: &str| Skip {
                file: p.display().to_string(),
                line: None,
                reason: why.to_owned(),
            };
            if name.starts_with('.') {
                self.ignored.push(ignore("hidden file"));
            } else if p.is_dir() {
                self.add_dir(&p, o)?;
            } else if articles::is_article_file(&p) || ext.as_deref() == Some("json") {
                self.add_file(&p, o)?;
            } else {
                self.ignored.push(ignore(
                    "not an article (.txt, .md, .jsonl) or interchange JSON (.json, .jsonl)",
                ));
            }
        }
        Ok(())
    }
}

/// First pass: classifies every input and finds how many bundles it holds.
/// Articles and standard input are read and checked here; interchange files
/// are only counted (a scan for line ends, far cheaper than parsing) and
/// parsed once, as they are written.
fn check_inputs(inputs: &[PathBuf], o: &Overrides) -> anyhow::Result<Inputs> {
    if inputs.iter().filter(|p| json::is_stdin(p)).count() > 1 {
        bail!("`-` (standard input) can be given only once");
    }
    let mut found = Inputs {
        checked: Vec::with_capacity(inputs.len()),
        total: 0,
        ignored: Vec::new(),
    };
    for p in inputs {
        if json::is_stdin(p) {
            let bytes = json::read_bytes(p)?;
            // Article text on standard input (anything that is not JSON).
            if !json::looks_like_json(&bytes) && !bytes.iter().all(u8::is_ascii_whitespace) {
                let text = String::from_utf8(bytes).context("standard input is not UTF-8")?;
                found.add_articles(vec![articles::parse_text(p, &text)], o)?;
                continue;
            }
            let bundles = json::parse_bundles(p, &bytes)?;
            found.total += bundles.len();
            found.checked.push(Checked::InMemory(bundles));
        } else if p.is_dir() {
            let before = (found.total, found.ignored.len());
            found.add_dir(p, o)?;
            if (found.total, found.ignored.len()) == before {
                bail!(
                    "{}: is a directory with no articles (.txt, .md, .jsonl) or bundles (.json) in it",
                    p.display()
                );
            }
        } else {
            found.add_file(p, o)?;
        }
    }
    Ok(found)
}

/// Second pass: every bundle, in input order, read lazily. The source of
/// each bundle handed out is recorded, for the report.
struct Bundles {
    inputs: std::vec::IntoIter<Checked>,
    current: Box<dyn Iterator<Item = chronograph::Result<SourcedBundle>>>,
    remaining: usize,
    strict: bool,
    sources: Rc<RefCell<Vec<Source>>>,
    skipped: Rc<RefCell<Vec<Skip>>>,
}

impl Iterator for Bundles {
    type Item = chronograph::Result<chronograph::model::Bundle>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(b) = self.current.next() {
                self.remaining = self.remaining.saturating_sub(1);
                return Some(b.map(|b| {
                    self.sources.borrow_mut().push(b.source);
                    b.bundle
                }));
            }
            self.current = match self.inputs.next()? {
                Checked::InMemory(v) => Box::new(v.into_iter().map(Ok)),
                Checked::File(p) => match json::BundleReader::open(&p) {
                    Ok(r) => Box::new(r),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                },
                Checked::Articles(v) => Box::new(Extracted {
                    todo: v.into_iter(),
                    ready: Vec::new().into_iter(),
                    strict: self.strict,
                    skipped: self.skipped.clone(),
                }),
            };
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // The store reads the lower bound only to choose its bulk path; an
        // article skipped now and then does not change that choice.
        (self.remaining, Some(self.remaining))
    }
}

/// Articles extracted in parallel, a chunk at a time, as the store asks for
/// bundles. An article the extractor fails on is skipped and recorded (or,
/// with `strict`, ends the batch with its error).
struct Extracted {
    todo: std::vec::IntoIter<Located>,
    ready: std::vec::IntoIter<Result<SourcedBundle, Skip>>,
    strict: bool,
    skipped: Rc<RefCell<Vec<Skip>>>,
}

/// Extracts one article and checks the output as ingest will: a panic of a
/// rule or a bundle that does not validate becomes the reason it is skipped.
fn extract_one(l: &Located) -> Result<SourcedBundle, Skip> {
    let bundle = panic::catch(|| {
        let mut b = extract::extract(&l.article);
        panic::inject_fault(&l.article.text, &mut b);
        b
    })
    .map_err(|why| {
        Skip::at(
            &l.source,
            format!("internal error in the extractor: {why}; please report it with this article"),
        )
    })?;
    chronograph::ingest::validate(&bundle, &l.source, None).map_err(|e| {
        Skip::at(
            &l.source,
            format!("the extractor's output was refused ({e}); please report it with this article"),
        )
    })?;
    Ok(SourcedBundle {
        bundle,
        source: l.source.clone(),
    })
}

impl Iterator for Extracted {
    type Item = chronograph::Result<SourcedBundle>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.ready.next() {
                Some(Ok(b)) => return Some(Ok(b)),
                Some(Err(skip)) if self.strict => {
                    return Some(Err(chronograph::Error::Invalid {
                        path: skip.file.clone().into(),
                        line: skip.line,
                        field: "text".into(),
                        message: format!("{} (--strict: nothing was stored)", skip.reason),
                    }));
                }
                Some(Err(skip)) => {
                    self.skipped.borrow_mut().push(skip);
                    continue;
                }
                None => {}
            }
            let chunk: Vec<Located> = self.todo.by_ref().take(ARTICLE_CHUNK).collect();
            if chunk.is_empty() {
                return None;
            }
            let done: Vec<Result<SourcedBundle, Skip>> =
                chunk.par_iter().map(extract_one).collect();
            self.ready = done.into_iter();
        }
    }
}

/// The embedded example articles and bundles, as inputs.
fn examples(o: &Overrides) -> anyhow::Result<Inputs> {
    let mut found = Inputs {
        checked: Vec::new(),
        total: 0,
        ignored: Vec::new(),
    };
    let raws = EXAMPLES
        .iter()
        .map(|(name, text)| articles::parse_text(Path::new(name), text))
        .collect();
    found.add_articles(raws, o)?;
    for (name, text) in EXAMPLE_BUNDLES {
        let bundles = json::parse_bundles(Path::new(name), text.as_bytes())?;
        found.total += bundles.len();
        found.checked.push(Checked::InMemory(bundles));
    }
    Ok(found)
}

/// Some documents were skipped: the others are stored. `main` turns this
/// into exit code 3 and a warning instead of an error.
#[derive(Debug)]
pub struct Partial {
    pub skipped: usize,
}

impl std::fmt::Display for Partial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} document{} could not be extracted and {} skipped (listed above); the others were stored",
            self.skipped,
            if self.skipped == 1 { "" } else { "s" },
            if self.skipped == 1 { "was" } else { "were" }
        )
    }
}

impl std::error::Error for Partial {}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let o = args.article.prepare()?;
    // Inputs that can be refused without parsing them (missing files,
    // directories, text that is not JSON, undated articles) are refused
    // before the database is opened. Interchange files are then parsed
    // once, lazily, while the store writes, so that a large input never
    // sits in memory whole; a bad bundle rolls the whole transaction back.
    let refused = || format!("nothing was ingested; {} is as it was", ctx.db.display());
    let inputs = if args.inputs.is_empty() {
        let found = examples(&o).with_context(refused)?;
        writeln!(
            out,
            "no input given: ingesting the {} examples from examples/ ({} articles, {} analyst bundle)",
            found.total,
            EXAMPLES.len(),
            EXAMPLE_BUNDLES.len()
        )?;
        found
    } else {
        check_inputs(&args.inputs, &o).with_context(refused)?
    };
    let total = inputs.total;
    let store = Store::open(&ctx.db).with_context(|| format!("opening {}", ctx.db.display()))?;
    let mut bar = super::progress::Progress::new("documents", total, 1000);
    let mut progress = |done: usize| bar.update(done);
    let sources = Rc::new(RefCell::new(Vec::with_capacity(total)));
    let skipped = Rc::new(RefCell::new(Vec::new()));
    let bundles = Bundles {
        inputs: inputs.checked.into_iter(),
        current: Box::new(std::iter::empty()),
        remaining: total,
        strict: args.strict,
        sources: sources.clone(),
        skipped: skipped.clone(),
    };
    let mut store = store;
    let result = store.ingest_results(bundles, &mut progress);
    bar.finish();
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            // A database this command created and nobody else wrote to
            // holds nothing: remove it, so that a bad input leaves no trace.
            let _ = store.remove_if_unused();
            return Err(anyhow::Error::new(e).context(refused()));
        }
    };
    if !args.no_cache {
        warm_cache(store, &report)?;
    }
    let skipped = skipped.take();
    let sources = sources.take();
    write_report(
        &report,
        &sources,
        &skipped,
        &inputs.ignored,
        &ctx.db,
        args.format,
        out,
    )?;
    if skipped.is_empty() {
        Ok(())
    } else {
        Err(Partial {
            skipped: skipped.len(),
        }
        .into())
    }
}

/// Stores up to this many documents have their derived files rebuilt after
/// any ingest that wrote something: well under a second of work.
const WARM_ALWAYS_DOCS: i64 = 20_000;

/// Builds the derived files of the store (`DB.cache/`) after an ingest that
/// changed it, so that the first query afterwards is as fast as the next.
/// The rebuild reads the whole store, so it is done when the ingest wrote
/// at least a tenth of the store's documents (its cost is then in
/// proportion to the ingest's) or the store is small; after a few documents
/// added to a large store the files are left to the first query that needs
/// each, as before.
fn warm_cache(store: Store, report: &IngestReport) -> anyhow::Result<()> {
    let written = report.documents.len() - report.count(DocStatus::Unchanged);
    if written == 0 {
        return Ok(());
    }
    let stored = chronograph::store::query::document_count(store.conn())?;
    let db = store.path().to_owned();
    if db == Path::new(":memory:") || (stored > WARM_ALWAYS_DOCS && written as i64 * 10 < stored) {
        return Ok(());
    }
    // The writing connection is closed first, so that the fingerprint the
    // files are keyed by is the one every later command sees.
    drop(store);
    // The ingest is committed whatever happens here: a file that could not
    // be built is built by the first query that needs it.
    if let Err(e) = chronograph::query::cache::warm(&db) {
        eprintln!(
            "warning: derived files of {} not built ({e}); the first query will build them",
            db.display()
        );
    }
    Ok(())
}

fn write_report(
    report: &IngestReport,
    sources: &[Source],
    skipped: &[Skip],
    ignored: &[Skip],
    db: &Path,
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (added, updated, unchanged) = (
        report.count(DocStatus::Added),
        report.count(DocStatus::Updated),
        report.count(DocStatus::Unchanged),
    );
    let file_of = |i: usize| -> String {
        match sources.get(i) {
            Some(s) if s.line > 0 => format!("{}:{}", s.path.display(), s.line),
            Some(s) => s.path.display().to_string(),
            None => String::new(),
        }
    };
    match format {
        Format::Json => {
            let documents: Vec<serde_json::Value> = report
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let mut v = serde_json::to_value(d).unwrap_or_default();
                    if let Some(s) = sources.get(i) {
                        v["file"] = s.path.display().to_string().into();
                        if s.line > 0 {
                            v["line"] = s.line.into();
                        }
                    }
                    v
                })
                .collect();
            let v = serde_json::json!({
                "database": db.display().to_string(),
                "added": added, "updated": updated, "unchanged": unchanged,
                "skipped": skipped, "not_read": ignored,
                "documents": documents,
            });
            chronograph::export::json(&v, out)?;
        }
        Format::Table => {
            if report.documents.len() <= 50 {
                for (i, d) in report.documents.iter().enumerate() {
                    writeln!(
                        out,
                        "{:<9} {}  {} actors ({} merged), {} events, {} claims, {} relations, {} timexes  [{}]",
                        d.status.as_str(),
                        file_of(i),
                        d.actors,
                        d.merged_actors,
                        d.events,
                        d.claims,
                        d.relations,
                        d.timexes,
                        d.key,
                    )?;
                }
            }
            for s in skipped {
                writeln!(out, "{:<9} {}  {}", "skipped", s.place(), s.reason)?;
            }
            for s in ignored {
                writeln!(out, "{:<9} {}  {}", "not read", s.place(), s.reason)?;
            }
            let claims: usize = report
                .documents
                .iter()
                .filter(|d| d.status != DocStatus::Unchanged)
                .map(|d| d.claims)
                .sum();
            let mut extra = String::new();
            if !skipped.is_empty() {
                extra.push_str(&format!(", {} skipped", skipped.len()));
            }
            if !ignored.is_empty() {
                extra.push_str(&format!(", {} files not read", ignored.len()));
            }
            writeln!(
                out,
                "{added} added, {updated} updated, {unchanged} unchanged{extra} ({claims} claims written) into {}",
                db.display()
            )?;
        }
    }
    Ok(())
}
