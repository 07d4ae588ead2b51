//! `chronograph actor`.

use super::Ctx;
use std::io::Write;

/// Options of `chronograph actor`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _ctx: &Ctx, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("`actor` is not built yet")
}
