//! Reads people come for: timelines, claims and their attribution chains,
//! conflicting claims, actor relations, neighbourhoods and paths.
//!
//! Each function takes an open SQLite connection (the store's), reads through
//! [`crate::store::query`] and returns plain, serialisable results that the
//! formats in [`crate::export`] render.

pub mod actor;
pub mod briefs;
pub mod cache;
pub mod conflicts;
pub mod graph;
pub mod graph_export;
pub mod index;
pub mod snapfile;
pub mod sources;
pub mod time;
pub mod timeline;
pub mod tlsnap;

use crate::store::query::{self as q, ActorRow};
use crate::{Error, Result};
use rusqlite::Connection;
use unicode_normalization::UnicodeNormalization;

/// Case- and diacritics-folded text with runs of whitespace collapsed: the
/// form names are compared in.
pub fn fold(s: &str) -> String {
    // ASCII text is its own NFKD form and has no combining marks: only case
    // and spaces change (long timelines fold every row's label).
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        for word in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    fold_unicode(s)
}

/// Whether `fold(raw) == folded`, without building the folded text when
/// `raw` is ASCII (a long timeline compares every row's label).
pub fn fold_matches(raw: &str, folded: &str) -> bool {
    if !raw.is_ascii() {
        return fold(raw) == folded;
    }
    let mut want = folded.bytes();
    for (i, word) in raw.split_whitespace().enumerate() {
        if i > 0 && want.next() != Some(b' ') {
            return false;
        }
        if !word
            .bytes()
            .all(|b| want.next() == Some(b.to_ascii_lowercase()))
        {
            return false;
        }
    }
    want.next().is_none()
}

fn fold_unicode(s: &str) -> String {
    let folded: String = s
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Edit distance between two strings, by characters.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Up to `limit` actor names closest to `name`: names that contain it or
/// that it contains first, then by edit distance. For "did you mean".
pub fn suggest_actors(conn: &Connection, name: &str, limit: usize) -> Result<Vec<String>> {
    let want = fold(name);
    let mut scored: Vec<(usize, String)> = q::all_actor_names(conn)?
        .into_iter()
        .map(|(_, n)| {
            let f = fold(&n);
            let contains = !want.is_empty() && (f.contains(&want) || want.contains(&f));
            let d = levenshtein(&want, &f);
            (if contains { d.min(1) } else { d + 1 }, n)
        })
        .collect();
    scored.sort();
    let mut out: Vec<String> = Vec::new();
    for (d, n) in scored {
        // Anything further than half the name away is noise, not a suggestion.
        if out.len() >= limit || d > want.chars().count().max(4) / 2 + 1 {
            break;
        }
        if !out.contains(&n) {
            out.push(n);
        }
    }
    Ok(out)
}

/// The stored actor a name denotes (canonical name or alias, case- and
/// diacritics-insensitive; the most-cited one when several share it), or
/// [`Error::NotFound`] listing the closest names.
pub fn resolve_actor(conn: &Connection, name: &str) -> Result<ActorRow> {
    if let Some(a) = q::actors_named(conn, name, &crate::store::normalize_name(name))?
        .into_iter()
        .next()
    {
        return Ok(a);
    }
    let sugg = suggest_actors(conn, name, 5)?;
    Err(Error::NotFound(if sugg.is_empty() {
        format!("no actor named {name:?}")
    } else {
        format!("no actor named {name:?}; closest: {}", sugg.join(", "))
    }))
}

/// A fact's text with its factuality when it is not asserted:
/// "Russia invades Ukraine [hypothetical]". Every view labels so.
pub fn labelled(text: &str, f: crate::model::Factuality) -> String {
    if f.is_asserted() {
        text.to_owned()
    } else {
        format!("{text} [{}]", f.as_str())
    }
}

/// The outlet label of a document: its publisher, else its key.
pub fn outlet_of(d: &q::DocRef) -> String {
    d.publisher.clone().unwrap_or_else(|| d.key.clone())
}

/// The links of an attribution chain, outlet first and claimant last, each
/// name once: an outlet that is also named as a relay ("CNN reported ... told
/// CNN") or a relay that is the claimant is one link, not a repeat.
pub fn chain_links<'a>(
    outlet: &'a str,
    via: impl IntoIterator<Item = &'a str>,
    claimant: &'a str,
) -> Vec<&'a str> {
    // Spellings of one name meet: "huff-post" (a publisher field) is the
    // "HuffPost" named in the text.
    let key = |s: &str| -> String { fold(s).chars().filter(|c| c.is_alphanumeric()).collect() };
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let claimant_key = key(claimant);
    for name in std::iter::once(outlet).chain(via) {
        let k = key(name);
        // The claimant closes the chain: a relay of the same name before it
        // is the claimant speaking, not a hop.
        if (k == claimant_key && name != outlet) || seen.contains(&k) {
            continue;
        }
        seen.push(k);
        out.push(name);
    }
    if !seen.contains(&claimant_key) {
        out.push(claimant);
    }
    out
}

/// [`chain_links`] as text: `outlet > intermediaries > claimant`.
pub fn chain_text<'a>(
    outlet: &'a str,
    via: impl IntoIterator<Item = &'a str>,
    claimant: &'a str,
) -> String {
    chain_links(outlet, via, claimant).join(" > ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::query::fixture as fx;

    #[test]
    fn a_chain_names_each_link_once() {
        assert_eq!(
            chain_text(
                "Daily Ledger",
                ["Daily Ledger", "Daily Ledger"],
                "Mara Voss"
            ),
            "Daily Ledger > Mara Voss"
        );
        assert_eq!(
            chain_text("Daily Ledger", ["Wire Service", "Mara Voss"], "Mara Voss"),
            "Daily Ledger > Wire Service > Mara Voss"
        );
        assert_eq!(
            chain_text("daily-ledger", ["Daily Ledger"], "Mara Voss"),
            "daily-ledger > Mara Voss"
        );
        // The outlet's own voice is one link.
        assert_eq!(
            chain_text("Daily Ledger", [], "daily ledger"),
            "Daily Ledger"
        );
        assert_eq!(
            chain_text("Daily Ledger", ["Wire Service"], "Port Authority"),
            "Daily Ledger > Wire Service > Port Authority"
        );
    }

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("  Zelenskýy\u{2019}s  Office "), "zelenskyy's office");
        // The ASCII shortcut folds as the general path does, every ASCII
        // character included (vertical tab is Unicode whitespace too).
        let all: String = (0u8..128).map(char::from).collect();
        for s in [
            all.as_str(),
            " A\x0bB\tC  d\u{c}E\r\nF ",
            "Mixed CASE  label #12",
        ] {
            assert_eq!(fold(s), fold_unicode(s), "{s:?}");
        }
        let texts = [
            "",
            " ",
            "a",
            "A b",
            "a  B ",
            "ab",
            "a b c",
            "Zelenskýy’s office",
            "x\x0by",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(fold_matches(a, &fold(b)), fold(a) == fold(b), "{a:?} {b:?}");
            }
        }
        assert_eq!(levenshtein("kitten", "sitting"), 3);
    }

    #[test]
    fn unknown_actor_gets_suggestions() {
        let db = fx::empty();
        fx::actor(&db, "Volodymyr Zelensky", "person", None, &["Zelensky"]);
        fx::actor(&db, "Vladimir Putin", "person", None, &["Putin"]);
        assert_eq!(
            resolve_actor(&db, "ZELENSKY").unwrap().name,
            "Volodymyr Zelensky"
        );
        let err = resolve_actor(&db, "Zelenskyy").unwrap_err().to_string();
        assert!(err.contains("closest: Zelensky"), "{err}");
        assert!(!err.contains("Putin"), "{err}");
    }
}
