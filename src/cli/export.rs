//! `chronograph export`: the graph for Gephi, Neo4j/Memgraph and Graphviz;
//! the timeline for TimelineJS, calendars and browsers.

use super::Ctx;
use super::timeline::{Filters, TimelineFormat};
use chronograph::export;
use chronograph::query;
use chronograph::store::query::open_read;
use std::io::Write;

/// Graph formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// GraphML (Gephi, yEd, networkx).
    Graphml,
    /// Node-link JSON.
    Json,
    /// Cypher statements (Neo4j, Memgraph).
    Cypher,
}

/// Options of `chronograph export`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["graph", "timeline"])))]
pub struct Args {
    /// Export the graph in this format.
    #[arg(long, value_enum)]
    pub graph: Option<GraphFormat>,
    /// Export the timeline in this format.
    #[arg(long, value_enum)]
    pub timeline: Option<TimelineFormat>,
    /// Graph: only the part around this actor.
    #[arg(long = "around")]
    pub around: Option<String>,
    /// Graph: actor hops around `--around` (or the first `--actor`).
    #[arg(long, default_value_t = 2)]
    pub hops: usize,
    /// Timeline filters (and `--actor` centres the graph).
    #[command(flatten)]
    pub filters: Filters,
    /// Title of the HTML page or TimelineJS document.
    #[arg(long, default_value = "chronograph timeline")]
    pub title: String,
}

pub fn run(args: Args, ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let conn = open_read(&ctx.db)?;
    if let Some(fmt) = args.graph {
        let center = args
            .around
            .as_deref()
            .or(args.filters.actors.first().map(String::as_str));
        let g = query::graph::export_graph(
            &conn,
            center.map(|c| (c, args.hops)),
            args.filters.factuality.factuality,
        )?;
        if g.nodes.is_empty() {
            eprintln!("export: the graph is empty");
        }
        match fmt {
            GraphFormat::Dot => export::dot::write(&g, out)?,
            GraphFormat::Graphml => export::graphml::write(&g, out)?,
            GraphFormat::Json => export::graph_json::write(&g, out)?,
            GraphFormat::Cypher => export::cypher::write(&g, out)?,
        }
        return Ok(());
    }
    let fmt = args.timeline.expect("clap requires --graph or --timeline");
    let items = query::timeline::timeline(&conn, &super::timeline::options(&args.filters))?;
    super::timeline::render(
        &conn,
        &items,
        fmt,
        &args.title,
        args.filters.as_of.as_deref(),
        out,
    )
}
