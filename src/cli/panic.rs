//! Panics, kept from the user: a rule that fails on one article is caught
//! and reported with that article's file ([`catch`]); any other panic
//! reaches `main` as an internal error that asks for a report. The message
//! and location are recorded by the hook instead of printed, so that no
//! Rust panic text or backtrace is ever shown.

use std::cell::RefCell;

thread_local! {
    /// The last panic on this thread: message and location.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the default hook (which prints to stderr) with one that records.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        let text = match info.location() {
            Some(l) => format!("{message} (at {}:{})", l.file(), l.line()),
            None => message,
        };
        LAST.with(|last| *last.borrow_mut() = Some(text));
    }));
}

/// The last panic recorded on this thread, taken.
pub fn take_last() -> Option<String> {
    LAST.with(|last| last.borrow_mut().take())
}

/// Runs `f`; a panic inside it becomes `Err` with its message and location.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .map_err(|_| take_last().unwrap_or_else(|| "unknown panic".to_owned()))
}

/// A test aid: `CHRONOGRAPH_FAIL_ON=panic:WORD` makes the extraction of an
/// article whose text holds WORD panic, and `invalid:WORD` makes its output
/// name an actor that does not exist, so that the tests can check that such
/// an article is skipped and the others stored. Unset, it does nothing.
pub fn inject_fault(text: &str, b: &mut chronograph::model::Bundle) {
    let Ok(spec) = std::env::var("CHRONOGRAPH_FAIL_ON") else {
        return;
    };
    let (how, word) = spec.split_once(':').unwrap_or(("", ""));
    if word.is_empty() || !text.contains(word) {
        return;
    }
    match how {
        "panic" => panic!("injected failure on an article holding {word:?}"),
        "invalid" => b.claims.push(chronograph::model::Claim {
            id: "c-injected".into(),
            claimant: "a-missing".into(),
            statement: word.into(),
            ..Default::default()
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_place() {
        install_hook();
        let r: Result<(), String> = catch(|| {
            let v: Vec<u8> = Vec::new();
            let i = v.len() + 3;
            let _ = v[i];
        });
        let why = r.unwrap_err();
        assert!(why.contains("index out of bounds"), "{why}");
        assert!(why.contains("panic.rs"), "{why}");
        assert_eq!(catch(|| 7), Ok(7));
    }
}
