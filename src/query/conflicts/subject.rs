//! What a claim is about: its subject as a bag of folded, stemmed words, its
//! unit, its place, and whether it says enough to be compared at all.

use super::*;

/// Function words, hedges and quantity words that say nothing about what is
/// counted.
pub(super) const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "that",
    "this",
    "these",
    "those",
    "its",
    "it",
    "their",
    "there",
    "some",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "estimated",
    "estimate",
    "more",
    "than",
    "less",
    "fewer",
    "over",
    "under",
    "up",
    "least",
    "most",
    "many",
    "much",
    "much",
    "just",
    "only",
    "still",
    "now",
    "currently",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "tens",
    "dozens",
    "several",
    "number",
    "not",
    "no",
    "never",
    "any",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "said",
    "says",
    "say",
    "according",
    "also",
    "already",
    "another",
    "other",
    "new",
    "all",
];

/// Words that turn a statement into its denial; dropped so that "X" and "not
/// X" share a key.
pub(super) const NEGATION: &[&str] = &[
    "not", "no", "never", "deny", "denies", "denied", "nothing", "none",
];

/// A stem that lets plural, possessive and demonym forms meet: the first five
/// letters ("russia", "russian" → "russi"; "borders" → "borde").
pub(super) fn stem(w: &str) -> String {
    let w = w.trim_end_matches("'s").trim_end_matches('\'');
    w.chars().take(5).collect()
}

/// The bag of stems that identifies what a claim is about.
pub fn subject_key(c: &ClaimRow) -> BTreeSet<String> {
    let src = c
        .subject
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or(&c.statement);
    let unit = c
        .quantity
        .as_ref()
        .and_then(|q| q.unit.as_deref())
        .unwrap_or("");
    words_key(src, unit)
}

/// A unit as compared: folded, singular, with the words news use for the
/// same count of people under arms made one ("forces", "soldiers" and
/// "troops" count the same thing).
pub fn unit_norm(unit: &str) -> String {
    let u = fold(unit);
    let u = u.trim_end_matches('s');
    match u {
        "troop" | "soldier" | "force" | "serviceman" | "servicemen" | "personnel" => {
            "troop".to_owned()
        }
        _ => u.to_owned(),
    }
}

/// Whether two subject keys name the same thing.
pub fn similar_subjects(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    let (small, _) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // Either most words are shared, or the shorter subject is wholly inside
    // the longer one ("russian troops" within "russian troops near border").
    inter * 2 >= union || (inter == small.len() && small.len() >= 2)
}

/// Whether claims of a subject can be compared with others at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Comparable {
    /// The subject says what is counted (or the statement says enough).
    Always,
    /// Only with a claim about the same actor or event: "people killed"
    /// says what happened but not where or in what.
    WithTarget,
    /// Never: "dollars" or "people" alone, or a statement of one word, say
    /// nothing that two claims could share.
    Never,
}

/// How a subject allows comparison: `counted` is what it counts (its
/// text before " near PLACE"), `key` the stems of the whole subject (the
/// unit's own left out).
pub(super) fn comparable(
    ranged: bool,
    counted: &str,
    unit: &str,
    key: &BTreeSet<String>,
    placed: bool,
) -> Comparable {
    if !ranged {
        return if key.len() >= 2 {
            Comparable::Always
        } else {
            Comparable::Never
        };
    }
    if key.is_empty() {
        return Comparable::Never;
    }
    let words = content_words(counted, unit);
    let unit_f = fold(unit);
    // "People near the United States": a place but nothing about who is
    // counted; "dollars" or "American dollars": the currency, not what
    // the money is; "vote share", "turnout": a measure with no holder;
    // "people killed": what happened, with no place or occasion; "american
    // jobs", "syrian refugees", "russian troops" with no place: whose, but
    // not where or which (jobs lost or jobs that depend on trade, refugees
    // admitted or refugees worldwide). Each compares only with a claim
    // about the same actor or event.
    let bare = words.is_empty()
        || (CURRENCIES.contains(&unit_f.as_str()) && words.len() <= 1)
        || (unit_f == "percent" && is_bare_measure(counted))
        || (!placed && words.len() <= 1)
        || (!placed && words.iter().any(|w| w.ends_with("ed")));
    if bare {
        Comparable::WithTarget
    } else {
        Comparable::Always
    }
}

/// Whether a figure's subject says enough of what it counts to be set
/// against another figure without a shared target (see [`group`]).
pub fn figure_subject_comparable(subject: &str, unit: &str) -> bool {
    let counted = counted_part(subject);
    let key = words_key(subject, unit);
    comparable(true, counted, unit, &key, place_of(subject).is_some()) == Comparable::Always
}

/// Currencies as units: a figure in them says how much, never of what.
pub(super) const CURRENCIES: &[&str] = &[
    "dollars", "euros", "pounds", "yen", "yuan", "rubles", "roubles", "rupees", "pesos", "francs",
    "dollar", "euro", "pound",
];

/// Whether a percentage's subject is only a measure's canonical name
/// ("vote share", "inflation"): nothing says whose.
pub(super) fn is_bare_measure(subject: &str) -> bool {
    static MEASURES: std::sync::LazyLock<HashSet<String>> = std::sync::LazyLock::new(|| {
        include_str!("../../../data/quantities/measures.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .map(|m| fold(m.trim()))
            .collect()
    });
    MEASURES.contains(&fold(subject))
}

/// The words of a counted text that say something: stop words, the unit and
/// numbers left out.
pub(super) fn content_words(counted: &str, unit: &str) -> Vec<String> {
    let unit = fold(unit);
    let unit_one = unit.trim_end_matches('s');
    fold(counted)
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
        .filter(|w| w.len() > 1 && !w.chars().any(|ch| ch.is_ascii_digit()))
        .filter(|w| !STOP.contains(w) && *w != unit && *w != unit_one)
        .map(str::to_owned)
        .collect()
}

/// A subject cut at its place: what is counted, and where.
fn split_place(subject: &str) -> Option<(&str, &str)> {
    subject
        .split_once(" near ")
        .or_else(|| subject.split_once(" in "))
}

/// What a subject counts, without its place: "russian troops near
/// transnistria" counts what "russian troops" counts.
pub fn counted_part(subject: &str) -> &str {
    split_place(subject).map_or(subject, |(what, _)| what)
}

/// Where a normalised subject is ("russian troops near ukraine border" is
/// near "ukraine", "american jobs in mexico" in "mexico"), from the
/// extractor's "near PLACE" and "in PLACE" forms.
pub fn place_of(subject: &str) -> Option<String> {
    let (_, rest) = split_place(subject)?;
    let place = rest.trim_end_matches(" border").trim();
    (!place.is_empty()).then(|| fold(place))
}

/// The bag of stems of a subject text, the unit's own stem left out.
pub fn words_key(src: &str, unit: &str) -> BTreeSet<String> {
    let unit = (!unit.is_empty()).then(|| stem(&fold(unit)));
    fold(src)
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '\''))
        .filter(|w| w.len() > 1 && !w.chars().any(|ch| ch.is_ascii_digit()))
        .filter(|w| !STOP.contains(w) && !NEGATION.contains(w))
        .map(stem)
        .filter(|s| Some(s) != unit.as_ref())
        .collect()
}
