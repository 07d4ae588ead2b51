//! The `chronograph` command line: parses arguments, calls the library, maps
//! errors to exit codes. A closed pipe (`chronograph ... | head`) is success.

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

/// Exit codes: 0 done; 2 refused or failed (the message says why; the
/// database is as it was); 3 stored, but some documents were skipped (each
/// named in the report); 70 an internal error (a bug: please report it).
fn main() -> ExitCode {
    cli::panic::install_hook();
    let args = cli::parse();
    let command = std::env::args().nth(1).unwrap_or_default();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = cli::panic::catch(|| {
        cli::run(args, &mut out).and_then(|()| out.flush().map_err(Into::into))
    });
    match result {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Ok(Err(e)) if e.downcast_ref::<cli::ingest::Partial>().is_some() => {
            let _ = out.flush();
            eprintln!("warning: {e}");
            ExitCode::from(3)
        }
        Ok(Err(e)) => {
            let _ = out.flush();
            eprint!("{}", report(&e));
            ExitCode::from(2)
        }
        Err(why) => {
            let _ = out.flush();
            eprintln!(
                "error: internal error in chronograph while running `{command}`: {why}\n  \
                 this is a bug; please report it with the command and the input that caused it"
            );
            ExitCode::from(70)
        }
    }
}

/// The error and its causes, one per line. A library error that already
/// names its cause in its own message (`path: No such file or directory`)
/// also exposes that cause as its source; printing it again only adds noise.
fn report(e: &anyhow::Error) -> String {
    let mut text = format!("error: {e}\n");
    let mut shown = e.to_string();
    for cause in e.chain().skip(1) {
        let line = cause.to_string();
        if !shown.contains(&line) {
            text.push_str(&format!("  caused by: {line}\n"));
        }
        shown = line;
    }
    text
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::report;

    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory");
        let e = anyhow::Error::new(io).context("a.json: No such file or directory");
        assert_eq!(report(&e), "error: a.json: No such file or directory\n");
    }

    #[test]
    fn a_new_cause_is_shown() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory");
        let e = anyhow::Error::new(io).context("reading the lexicon");
        assert_eq!(
            report(&e),
            "error: reading the lexicon\n  caused by: No such file or directory\n"
        );
    }
}
