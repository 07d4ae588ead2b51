//! `chronograph stats`.

use super::Ctx;
use std::io::Write;

/// Options of `chronograph stats`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _ctx: &Ctx, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("`stats` is not built yet")
}
