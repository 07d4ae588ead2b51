//! `chronograph timeline`.

use super::Ctx;
use std::io::Write;

/// Options of `chronograph timeline`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _ctx: &Ctx, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("`timeline` is not built yet")
}
