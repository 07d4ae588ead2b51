//! `chronograph timex`.

use super::Ctx;
use std::io::Write;

/// Options of `chronograph timex`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _ctx: &Ctx, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("`timex` is not built yet")
}
