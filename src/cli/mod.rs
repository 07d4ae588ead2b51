//! Subcommands, one file each. Every command writes its result to `out`
//! (stdout) and progress or warnings to stderr.

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

mod actor;
mod actors;
mod claims;
mod completions;
mod conflicts;
mod export;
mod extract;
pub mod ingest;
mod neighbors;
pub mod panic;
mod path;
mod progress;
mod relations;
mod sources;
mod stats;
mod timeline;
mod timex;
mod unmerge;

/// Turn news articles into an event-timeline knowledge graph: who said what,
/// when, and through whom; what happened to whom; where sources disagree.
#[derive(Debug, Parser)]
#[command(name = "chronograph", version, propagate_version = true)]
pub struct Cli {
    /// The SQLite database to read and write.
    #[arg(
        long,
        global = true,
        env = "CHRONOGRAPH_DB",
        default_value = "chronograph.db"
    )]
    pub db: PathBuf,

    /// Indent JSON output even when it goes to a pipe or a file (JSON is
    /// indented on a terminal and written on one line otherwise).
    #[arg(long, global = true)]
    pub pretty: bool,

    /// Print table cells whole, however wide (tables otherwise fit the
    /// terminal: `COLUMNS`, else the terminal's width; cut cells end in "…").
    #[arg(long, global = true)]
    pub wide: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load articles or interchange JSON into the database.
    Ingest(ingest::Args),
    /// Extract actors, claims, events and relations from articles and print them.
    Extract(extract::Args),
    /// Find and normalise the temporal expressions of a text.
    Timex(timex::Args),
    /// Count what the database holds.
    Stats(stats::Args),
    /// Events (and dated claims) in time order.
    Timeline(timeline::Args),
    /// Search claims: who said what, through whom.
    Claims(claims::Args),
    /// The attribution chain of a claim and every document that carries it.
    Sources(sources::Args),
    /// Claims about the same thing that disagree, grouped by subject.
    Conflicts(conflicts::Args),
    /// Everything about one actor.
    Actor(actor::Args),
    /// Every actor with how often it appears, most mentioned first.
    Actors(actors::Args),
    /// Relations between actors.
    Relations(relations::Args),
    /// Actors within N hops of an actor.
    Neighbors(neighbors::Args),
    /// The shortest connection between two actors.
    Path(path::Args),
    /// Export the graph or the timeline for other tools.
    Export(export::Args),
    /// Undo a cross-document actor merge.
    Unmerge(unmerge::Args),
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions(completions::Args),
    /// Print the man page (or write every page into a directory).
    Man(completions::ManArgs),
}

/// The width tables are fitted to: `COLUMNS` when set to a number, else the
/// width of the terminal standard output is; `None` for a pipe or a file.
fn terminal_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return Some(n);
    }
    #[cfg(target_os = "linux")]
    {
        use std::io::IsTerminal;
        if !std::io::stdout().is_terminal() {
            return None;
        }
        let mut ws = libc::winsize {
            ws_row: 0,
            ws_col: 0,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: TIOCGWINSZ writes one `winsize` into the struct passed,
        // which lives for the call; on failure it writes nothing.
        let ok = unsafe { libc::ioctl(1, libc::TIOCGWINSZ, &mut ws) } == 0;
        if ok && ws.ws_col > 0 {
            return Some(usize::from(ws.ws_col));
        }
    }
    None
}

/// Global settings every command sees.
/// `--factuality`: which facts a view shows besides asserted ones.
#[derive(Debug, Clone, clap::Args)]
pub struct FactualityArg {
    /// Facts to show: `all`, or a comma-separated list of asserted, negated,
    /// hypothetical, feared, predicted, planned, proposed, questioned,
    /// denied. Anything not asserted is shown labelled ("[hypothetical]").
    #[arg(long = "factuality", value_name = "LIST", default_value = "asserted",
          value_parser = chronograph::model::FactualityFilter::parse)]
    pub factuality: chronograph::model::FactualityFilter,
}

pub struct Ctx {
    /// The database path.
    pub db: PathBuf,
}

impl Ctx {
    /// Opens the database for writing, refusing to create one: only
    /// `ingest` creates a database.
    pub fn open_existing(&self) -> anyhow::Result<chronograph::store::Store> {
        use anyhow::Context;
        if !self.db.exists() {
            anyhow::bail!(
                "{}: no such database (create it with `chronograph ingest`)",
                self.db.display()
            );
        }
        chronograph::store::Store::open(&self.db)
            .with_context(|| format!("opening {}", self.db.display()))
    }
}

pub fn parse() -> Cli {
    Cli::parse()
}

pub fn run(cli: Cli, out: &mut dyn Write) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    chronograph::export::set_compact_json(!cli.pretty && !std::io::stdout().is_terminal());
    chronograph::export::table::set_width(if cli.wide {
        chronograph::export::table::Width::Whole
    } else {
        match terminal_width() {
            Some(w) => chronograph::export::table::Width::Fit(w),
            None => chronograph::export::table::Width::Cells,
        }
    });
    let ctx = Ctx { db: cli.db };
    match cli.command {
        Command::Ingest(a) => ingest::run(a, &ctx, out),
        Command::Extract(a) => extract::run(a, &ctx, out),
        Command::Timex(a) => timex::run(a, &ctx, out),
        Command::Stats(a) => stats::run(a, &ctx, out),
        Command::Timeline(a) => timeline::run(a, &ctx, out),
        Command::Claims(a) => claims::run(a, &ctx, out),
        Command::Sources(a) => sources::run(a, &ctx, out),
        Command::Conflicts(a) => conflicts::run(a, &ctx, out),
        Command::Actor(a) => actor::run(a, &ctx, out),
        Command::Actors(a) => actors::run(a, &ctx, out),
        Command::Relations(a) => relations::run(a, &ctx, out),
        Command::Neighbors(a) => neighbors::run(a, &ctx, out),
        Command::Path(a) => path::run(a, &ctx, out),
        Command::Export(a) => export::run(a, &ctx, out),
        Command::Unmerge(a) => unmerge::run(a, &ctx, out),
        Command::Completions(a) => completions::run(a, &ctx, out),
        Command::Man(a) => completions::run_man(a, &ctx, out),
    }
}
