//! `chronograph extract`.

use super::Ctx;
use std::io::Write;

/// Options of `chronograph extract`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _ctx: &Ctx, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("`extract` is not built yet")
}
