//! `chronograph relations`.

use super::Ctx;
use std::io::Write;

/// Options of `chronograph relations`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _ctx: &Ctx, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("`relations` is not built yet")
}
