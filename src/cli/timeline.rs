//! `chronograph timeline`: events (and dated claims) in time order.

use super::Ctx;
use chronograph::export::{self, Rows};
use chronograph::query::{self, timeline::Item};
use chronograph::store::query::open_read;
use std::io::Write;

/// Output formats of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TimelineFormat {
    /// Aligned columns for a terminal.
    Table,
    /// An array of items (see `chronograph::query::timeline::Item`).
    Json,
    /// RFC 4180 with a header row.
    Csv,
    /// A Markdown table.
    Md,
    /// TimelineJS 3 JSON.
    Timelinejs,
    /// iCalendar, one all-day event per item.
    Ics,
    /// One self-contained HTML page.
    Html,
}

/// Filters shared by `timeline` and `export --timeline`.
#[derive(Debug, Clone, clap::Args)]
pub struct Filters {
    /// Items whose time ends on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Items whose time starts on or before this date.
    #[arg(long)]
    pub to: Option<String>,
    /// Items involving this actor (name or alias); repeat for several (any of them).
    #[arg(long = "actor")]
    pub actors: Vec<String>,
    /// Event kind (`meeting`, `call`, ...).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only what this outlet reported.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only what had been published by this date.
    #[arg(long = "as-of")]
    pub as_of: Option<String>,
    /// Add dated claims (by valid, else stated, time).
    #[arg(long)]
    pub claims: bool,
    #[command(flatten)]
    pub factuality: super::FactualityArg,
}

impl Filters {
    fn options(&self) -> query::timeline::Options {
        query::timeline::Options {
            from: self.from.clone(),
            to: self.to.clone(),
            actors: self.actors.clone(),
            kind: self.kind.clone(),
            outlet: self.outlet.clone(),
            as_of: self.as_of.clone(),
            claims: self.claims,
            no_snapshot: std::env::var_os("CHRONOGRAPH_NO_TIMELINE_SNAPSHOT")
                .is_some_and(|v| !v.is_empty() && v != "0"),
            factuality: self.factuality.factuality,
        }
    }
}

/// Options of `chronograph timeline`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: Filters,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: TimelineFormat,
    /// Title of the HTML page or TimelineJS document.
    #[arg(long, default_value = "chronograph timeline")]
    pub title: String,
}

fn rows(items: &[Item]) -> Rows {
    let mut r = Rows::new(&[
        "when", "item", "kind", "what", "who", "sources", "outlets", "ref",
    ]);
    for it in items {
        let who: Vec<&str> = it.actors.iter().map(|a| a.name.as_str()).collect();
        let mut what = it.label.clone();
        if it.conflicting {
            what.push_str(" [disputed]");
        }
        let refs: Vec<String> = it.reports.iter().map(|r| r.id.to_string()).collect();
        // Broad times come after the window's own items, and say so.
        let when = if it.background {
            format!("{} (background)", it.when)
        } else {
            it.when.clone()
        };
        r.push(vec![
            when,
            it.item.to_owned(),
            format!("{} ({})", it.kind, it.status),
            what,
            who.join(", "),
            it.sources.to_string(),
            it.outlets.join(", "),
            format!("{} {}", it.item, refs.join(",")),
        ]);
    }
    r
}

fn csv_rows(items: &[Item]) -> Rows {
    let mut r = Rows::new(&[
        "item",
        "ids",
        "when",
        "start",
        "end",
        "value",
        "modifier",
        "kind",
        "status",
        "label",
        "actors",
        "place",
        "sources",
        "outlets",
        "documents",
        "evidence",
    ]);
    for it in items {
        let t = it.time.as_ref();
        let join = |v: Vec<String>| v.join("; ");
        r.push(vec![
            it.item.to_owned(),
            join(it.reports.iter().map(|r| r.id.to_string()).collect()),
            it.when.clone(),
            t.and_then(|t| t.start)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            t.and_then(|t| t.end)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            t.map(|t| t.value.clone()).unwrap_or_default(),
            t.and_then(|t| t.modifier)
                .map(|m| m.as_str().to_owned())
                .unwrap_or_default(),
            it.kind.clone(),
            it.status.clone(),
            it.label.clone(),
            join(it.actors.iter().map(|a| a.name.clone()).collect()),
            it.place.clone().unwrap_or_default(),
            it.sources.to_string(),
            join(it.outlets.clone()),
            join(it.reports.iter().map(|r| r.document.key.clone()).collect()),
            join(it.reports.iter().map(|r| r.evidence.clone()).collect()),
        ]);
    }
    r
}

/// Renders a timeline in any format (shared with `export --timeline`).
pub fn render(
    conn: &rusqlite::Connection,
    items: &[Item],
    format: TimelineFormat,
    title: &str,
    as_of: Option<&str>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if items.is_empty() {
        eprintln!("timeline: no items match");
    }
    let skipped = match format {
        TimelineFormat::Table => {
            if !items.is_empty() {
                export::table::write(&rows(items), out)?;
            }
            0
        }
        TimelineFormat::Json => {
            export::json(items, out)?;
            0
        }
        TimelineFormat::Csv => {
            export::csv::write(&csv_rows(items), out)?;
            0
        }
        TimelineFormat::Md => {
            export::markdown::write(&rows(items), out)?;
            0
        }
        TimelineFormat::Timelinejs => export::timelinejs::write(items, title, out)?,
        TimelineFormat::Ics => export::ics::write(items, out)?,
        TimelineFormat::Html => {
            let opt = query::conflicts::Options {
                as_of: as_of.map(str::to_owned),
                ..Default::default()
            };
            let report = query::conflicts::conflicts(conn, &opt)?;
            export::html::write(items, Some(&report), title, out)?;
            0
        }
    };
    if skipped > 0 {
        eprintln!("timeline: {skipped} undated item(s) left out of this format");
    }
    Ok(())
}

/// Widens standard output when it is a pipe, so that a long timeline is
/// written in fewer rounds of waiting for the reader (a pipe holds 64 KiB;
/// 1 MiB is what an unprivileged process may ask for by default). Anything
/// else on standard output, or a refusal, leaves it as it is.
fn widen_stdout_pipe() {
    #[cfg(target_os = "linux")]
    // SAFETY: fcntl on descriptor 1 with an integer argument reads and
    // writes no memory of this process; on a descriptor that is not a pipe
    // it fails and changes nothing.
    unsafe {
        libc::fcntl(1, libc::F_SETPIPE_SZ, 1 << 20);
    }
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    let opt = args.filters.options();
    if args.format == TimelineFormat::Json {
        widen_stdout_pipe();
        // Events of a window straight from `<db>.cache/timeline.tl` to JSON, when it can.
        if let Some(n) = query::timeline::write_json(&conn, &opt, out)? {
            if n == 0 {
                eprintln!("timeline: no items match");
            }
            return Ok(());
        }
    }
    let items = query::timeline::timeline(&conn, &opt)?;
    render(
        &conn,
        &items,
        args.format,
        &args.title,
        args.filters.as_of.as_deref(),
        out,
    )
}

/// The filters as library options (for `export --timeline`).
pub fn options(f: &Filters) -> query::timeline::Options {
    f.options()
}
