//! `chronograph neighbors`.

use super::Ctx;
use std::io::Write;

/// Options of `chronograph neighbors`.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _ctx: &Ctx, _out: &mut dyn Write) -> anyhow::Result<()> {
    anyhow::bail!("`neighbors` is not built yet")
}
