//! The `chronograph` command line: parses arguments, calls the library, maps
//! errors to exit codes. A closed pipe (`chronograph ... | head`) is success.

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = cli::run(args, &mut out).and_then(|()| out.flush().map_err(Into::into));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            eprint!("{}", report(&e));
            ExitCode::from(2)
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
