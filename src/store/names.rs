//! Name folding for actor merging across documents.
//!
//! Two names denote the same actor when their folded forms are equal:
//! Unicode NFD with combining marks dropped, lowercase, periods and
//! apostrophes removed ("U.S." and "US" both fold to `us`), other punctuation
//! turned into spaces, runs of single letters joined ("U. S." → `us`), and a
//! leading "the" dropped ("The Kremlin" → `kremlin`).
//!
//! Some names must never join actors of different documents: "the
//! president", "officials" or "the foreign ministry" denote different people
//! in different articles. [`is_generic_name`] says which.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The folded form of a name, the merge key across documents.
pub fn normalize_name(name: &str) -> String {
    let mut flat = String::with_capacity(name.len());
    let mut fold = |c: char| match c {
        '.' | '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' => {}
        c if c.is_alphanumeric() => flat.extend(c.to_lowercase()),
        _ => flat.push(' '),
    };
    // ASCII is already in NFD with no marks: skip the decomposition, the
    // common case and a large share of ingest time.
    if name.is_ascii() {
        name.chars().for_each(&mut fold);
    } else {
        name.nfd()
            .filter(|&c| !is_combining_mark(c))
            .for_each(&mut fold);
    }
    let mut words: Vec<&str> = flat.split_whitespace().collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    // Join runs of single letters ("u s" from "U. S.") into one word.
    let mut out = String::with_capacity(flat.len());
    let mut prev_single = false;
    for w in words {
        let single = w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
        let joined = single && prev_single;
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        out.push_str(w);
        prev_single = single;
    }
    out
}

/// Words that, when a name consists of nothing else, make it a role or a
/// group rather than a proper name: such names differ in referent from one
/// article to the next.
const GENERIC_WORDS: &[&str] = &[
    "administration",
    "adviser",
    "advisers",
    "advisor",
    "agency",
    "aide",
    "aides",
    "analyst",
    "analysts",
    "anonymous",
    "army",
    "authorities",
    "authority",
    "cabinet",
    "chief",
    "commander",
    "commanders",
    "council",
    "defence",
    "defense",
    "deputy",
    "diplomat",
    "diplomats",
    "envoy",
    "expert",
    "experts",
    "foreign",
    "general",
    "government",
    "governments",
    "head",
    "interior",
    "intelligence",
    "leader",
    "leaders",
    "leadership",
    "media",
    "military",
    "minister",
    "ministers",
    "ministry",
    "navy",
    "observers",
    "officer",
    "officers",
    "official",
    "officials",
    "parliament",
    "people",
    "police",
    "premier",
    "president",
    "press",
    "prime",
    "regime",
    "residents",
    "secretary",
    "security",
    "senior",
    "service",
    "services",
    "soldiers",
    "source",
    "sources",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "staff",
    "top",
    "troops",
    "unnamed",
    "witnesses",
    "a",
    "an",
    "one",
    "two",
    "some",
    "several",
    "many",
    "other",
    "others",
    "its",
    "his",
    "her",
    "their",
    "country",
    "state",
    "spy",
    "chiefs",
    "forces",
    "side",
    "representatives",
];

/// Whether a name is too generic to merge actors across documents: it starts
/// in lower case after any leading "the" ("unnamed administration official",
/// "analysts", "the president"; but not "the Kremlin"), is made
/// only of role words ("The President", "Foreign Ministry"), or folds to
/// fewer than two characters.
pub fn is_generic_name(name: &str) -> bool {
    is_generic(name, &normalize_name(name))
}

/// [`is_generic_name`] for a name whose folded form is already known.
pub(crate) fn is_generic(name: &str, norm: &str) -> bool {
    let trimmed = name.trim_start();
    let bare = ["the ", "The ", "THE "]
        .iter()
        .find_map(|t| trimmed.strip_prefix(t))
        .unwrap_or(trimmed);
    let first_letter = bare.chars().find(|c| c.is_alphabetic());
    if first_letter.is_none_or(|c| c.is_lowercase()) {
        return true;
    }
    norm.chars().count() < 2 || norm.split(' ').all(|w| GENERIC_WORDS.contains(&w))
}

/// Whether two people's names can denote one person: false when both give
/// given names and none of one's matches one of the other's ("Hillary
/// Clinton" and "Bill Clinton", "George W. Bush" and "Jeb Bush", "Michelle
/// Obama" and "Barack Obama"), so that a shared surname alias never joins
/// two relatives across documents. An initial matches a name it begins
/// ("H. Clinton"); a surname alone ("Clinton") is compatible with any;
/// words beyond one side's are allowed ("Hillary Rodham Clinton",
/// "Democrat Hillary Clinton").
pub fn given_names_compatible(a: &str, b: &str) -> bool {
    fn given(name: &str) -> Vec<String> {
        let folded = normalize_name(name);
        let mut words: Vec<&str> = folded.split_whitespace().collect();
        while words
            .last()
            .is_some_and(|w| matches!(*w, "jr" | "sr" | "ii" | "iii" | "iv"))
        {
            words.pop();
        }
        words.pop();
        words.into_iter().map(str::to_owned).collect()
    }
    let (ga, gb) = (given(a), given(b));
    if ga.is_empty() || gb.is_empty() {
        return true;
    }
    let meets = |x: &str, y: &str| {
        x == y || (x.len() == 1 && y.starts_with(x)) || (y.len() == 1 && x.starts_with(y))
    };
    ga.iter().any(|x| gb.iter().any(|y| meets(x, y)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relatives_are_not_one_person() {
        assert!(!given_names_compatible("Hillary Clinton", "Bill Clinton"));
        assert!(!given_names_compatible("George W. Bush", "Jeb Bush"));
        assert!(!given_names_compatible("Michelle Obama", "Barack Obama"));
        assert!(given_names_compatible(
            "Hillary Rodham Clinton",
            "Hillary Clinton"
        ));
        assert!(given_names_compatible(
            "Democrat Hillary Clinton",
            "Hillary Clinton"
        ));
        assert!(given_names_compatible("Donald J. Trump", "Donald Trump"));
        assert!(given_names_compatible("H. Clinton", "Hillary Clinton"));
        assert!(given_names_compatible("Clinton", "Bill Clinton"));
        assert!(given_names_compatible(
            "Martin Luther King Jr.",
            "Martin King"
        ));
    }

    #[test]
    fn generic_words_have_no_duplicates() {
        let mut sorted = GENERIC_WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), GENERIC_WORDS.len(), "duplicates");
    }

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(normalize_name("U.S."), "us");
        assert_eq!(normalize_name("US"), "us");
        assert_eq!(normalize_name("U. S."), "us");
        assert_eq!(normalize_name("Volodymyr Zelenskyy"), "volodymyr zelenskyy");
        assert_eq!(normalize_name("Zelenský"), "zelensky");
        assert_eq!(normalize_name("ZELENSKÝ"), "zelensky");
        assert_eq!(normalize_name("The Kremlin"), "kremlin");
        assert_eq!(normalize_name("Lukashenko's"), "lukashenkos");
        assert_eq!(normalize_name("John F. Kennedy"), "john f kennedy");
        assert_eq!(normalize_name("  Jens   Stoltenberg "), "jens stoltenberg");
        assert_eq!(normalize_name("Jean-Yves Le Drian"), "jean yves le drian");
    }

    #[test]
    fn generic_names() {
        for g in [
            "the president",
            "officials",
            "analysts",
            "unnamed administration official",
            "The President",
            "Foreign Ministry",
            "Senior Officials",
            "A",
            "?",
        ] {
            assert!(is_generic_name(g), "{g}");
        }
        for p in [
            "Joe Biden",
            "Biden",
            "U.S.",
            "NATO",
            "The Kremlin",
            "State Department",
            "Ukraine",
        ] {
            assert!(!is_generic_name(p), "{p}");
        }
    }
}
