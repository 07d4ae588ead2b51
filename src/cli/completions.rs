//! `chronograph completions SHELL` and `chronograph man`: shell completions
//! and man pages generated from the same clap definitions the parser uses,
//! so they never drift from the real options.

use super::{Cli, Ctx};
use anyhow::Context;
use clap::CommandFactory;
use std::io::Write;
use std::path::PathBuf;

/// Options of `chronograph completions`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  chronograph completions bash > ~/.local/share/bash-completion/completions/chronograph\n  chronograph completions zsh > ~/.zfunc/_chronograph\n  chronograph completions fish > ~/.config/fish/completions/chronograph.fish"
)]
pub struct Args {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args, _ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "chronograph", out);
    Ok(())
}

/// Options of `chronograph man`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  chronograph man | man -l -\n  chronograph man --out /usr/local/share/man/man1"
)]
pub struct ManArgs {
    /// Write `chronograph.1` and one page per subcommand
    /// (`chronograph-ingest.1`, ...) into this directory instead of printing
    /// the main page.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run_man(args: ManArgs, _ctx: &Ctx, out: &mut dyn Write) -> anyhow::Result<()> {
    let cmd = Cli::command();
    let Some(dir) = args.out else {
        clap_mangen::Man::new(cmd).render(out)?;
        return Ok(());
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    // `generate_to` names pages after the command path: chronograph.1,
    // chronograph-ingest.1, ...
    clap_mangen::generate_to(cmd, &dir).with_context(|| format!("writing {}", dir.display()))?;
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "1")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("chronograph"))
        })
        .collect();
    pages.sort();
    for p in pages {
        writeln!(out, "{}", p.display())?;
    }
    Ok(())
}
