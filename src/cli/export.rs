//! `chronograph export`: the graph for Gephi, networkx, Neo4j, Kuzu and
//! Graphviz; the timeline for TimelineJS, calendars and browsers.

use super::Ctx;
use super::timeline::{Filters, TimelineFormat};
use anyhow::Context;
use chronograph::export;
use chronograph::query;
use chronograph::store::query::open_read;
use std::io::Write;

/// Graph formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT of actors and their relations (collapsed, with counts).
    Dot,
    /// Graphviz DOT of every node and edge (small stores).
    DotFull,
    /// GraphML with typed attributes (Gephi, yEd, networkx).
    Graphml,
    /// Node-link JSON.
    Json,
    /// Cypher: schema header and batched MERGE statements (see --dialect).
    Cypher,
    /// CSV files for `neo4j-admin database import` (into --out DIR).
    Neo4jCsv,
}

/// Cypher dialects (the schema header differs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialect {
    /// Neo4j 5 (uniqueness constraints).
    Neo4j,
    /// Kuzu and LadybugDB (typed node and relationship tables).
    Kuzu,
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
    /// Graph: actor hops around `--around` (or the first `--actor`); for
    /// `dot`, relations between actors.
    #[arg(long, default_value_t = 2)]
    pub hops: usize,
    /// Cypher: the database the schema header is written for.
    #[arg(long, value_enum, default_value = "neo4j")]
    pub dialect: Dialect,
    /// neo4j-csv: the directory the files are written to.
    #[arg(long, value_name = "DIR", required_if_eq("graph", "neo4j-csv"))]
    pub out: Option<std::path::PathBuf>,
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
        let center = center.map(|c| (c, args.hops));
        let shown = args.filters.factuality.factuality;
        let graph = || -> anyhow::Result<_> {
            let g = query::graph_export::export_graph(&conn, center, shown)?;
            if g.nodes.is_empty() {
                eprintln!("export: the graph is empty");
            }
            Ok(g)
        };
        match fmt {
            GraphFormat::Dot => {
                let v = query::graph_export::actor_view(&conn, center, shown)?;
                if v.actors.is_empty() {
                    eprintln!("export: no relations between actors");
                }
                export::dot::write_actors(&v, out)?
            }
            GraphFormat::DotFull => export::dot::write(&graph()?, out)?,
            GraphFormat::Graphml => export::graphml::write(&graph()?, out)?,
            GraphFormat::Json => export::graph_json::write(&graph()?, out)?,
            GraphFormat::Cypher => {
                let d = match args.dialect {
                    Dialect::Neo4j => export::cypher::Dialect::Neo4j,
                    Dialect::Kuzu => export::cypher::Dialect::Kuzu,
                };
                export::cypher::write(&graph()?, d, out)?
            }
            GraphFormat::Neo4jCsv => {
                let dir = args.out.as_deref().expect("clap requires --out");
                let files = export::neo4j_csv::write_dir(&graph()?, dir)
                    .with_context(|| format!("writing {}", dir.display()))?;
                for f in files {
                    writeln!(out, "{}", f.display())?;
                }
            }
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
