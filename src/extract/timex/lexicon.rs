//! The tagger's word knowledge, read once from the embedded files in
//! `data/time/` (see its README for the formats).

use crate::model::Modifier;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// FNV-1a, shared with the extractor's lexicons: the keys are short ASCII
/// words, where SipHash's setup cost dominates a lookup made for every token.
pub(crate) use crate::extract::lexicon::Fnv;

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Quarter,
    Half,
    Fortnight,
    Weekend,
    Millennium,
}

impl Unit {
    fn parse(code: &str) -> Option<Unit> {
        Some(match code {
            "Y" => Unit::Year,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "Q" => Unit::Quarter,
            "HA" => Unit::Half,
            "FN" => Unit::Fortnight,
            "WE" => Unit::Weekend,
            "MI" => Unit::Millennium,
            _ => return None,
        })
    }
}

/// Tense of a clause, as cue words suggest it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    /// A modal or an intention ("would", "could", "hopes"): looks forward
    /// for months, but too weak to move a weekday into next week.
    Modal,
}

/// A count: exact, or vague ("several").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Count {
    Exact(f64),
    Vague,
}

/// A part of the day: a TIMEX3 code (`MO`) or a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Code(&'static str),
    Clock(u32, u32),
}

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(u32, u32),
    /// The `n`-th ISO weekday `wd` of month `m`; `n = -1` is the last;
    /// `off` days after it (US Election Day: the Tuesday after the first
    /// Monday of November).
    Nth {
        m: u32,
        wd: u32,
        n: i32,
        off: i64,
    },
    /// Days from Easter Sunday.
    Easter(i64),
}

/// What a single lower-case word may mean.
#[derive(Debug, Default, Clone)]
pub(crate) struct WordInfo {
    pub month: Option<u32>,
    pub weekday: Option<(u32, bool)>,
    pub count: Option<Count>,
    pub ordinal: Option<u32>,
    pub unit: Option<(Unit, bool)>,
    pub season: Option<(&'static str, bool)>,
    /// Tens digit of a decade word ("nineties").
    pub decade: Option<i32>,
    pub day_part: Option<(DayPart, bool)>,
    pub deictic: Option<(i32, bool)>,
    pub part: Option<Modifier>,
    pub set: Option<&'static str>,
    pub zone: bool,
    pub id_before: bool,
    pub qty_after: bool,
    pub cue: Option<Tense>,
    /// Starts a lexicon phrase.
    pub phrase: bool,
    /// Some rule may start at this word (cue-only words never start one).
    pub starts: bool,
}

/// What a phrase (one or more tokens) may mean.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PhraseKind {
    Ref(&'static str),
    Holiday(Holiday),
    Approx(Modifier),
    Bound(Modifier),
}

/// A phrase: its lower-case tokens after the first, and its meaning.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub rest: Vec<&'static str>,
    pub kind: PhraseKind,
}

/// Every lexicon, indexed by lower-case word.
pub(crate) struct Lexicon {
    pub words: FastMap<&'static str, WordInfo>,
    /// Phrases by their first token, longest first.
    pub phrases: FastMap<&'static str, Vec<Phrase>>,
    /// Bound cues as token sequences, for matching backwards from a time.
    pub bounds: Vec<(Vec<&'static str>, Modifier)>,
    /// Bitset of word shapes present in `words` (see [`shape_bit`]).
    shape: Vec<u64>,
}

macro_rules! data {
    ($f:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/time/", $f))
    };
}

/// Rows of a data file: `(phrase, value, flag)`, comments and blanks dropped.
fn rows(src: &'static str) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut it = l.split('\t');
            let a = it.next().unwrap_or("").trim();
            let b = it.next().unwrap_or("").trim();
            let c = it.next().unwrap_or("").trim();
            (a, b, c)
        })
}

/// Splits a lexicon phrase into the tokens the tokenizer would make of it.
fn phrase_tokens(p: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let b = p.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' {
            i += 1;
        } else if c.is_ascii_alphabetic() {
            let s = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(&p[s..i]);
        } else if c.is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push(&p[s..i]);
        } else {
            out.push(&p[i..i + 1]);
            i += 1;
        }
    }
    out
}

fn modifier(s: &str) -> Modifier {
    Modifier::parse(s).unwrap_or_else(|| panic!("data/time: unknown modifier {s}"))
}

fn holiday(s: &str) -> Holiday {
    if let Some(off) = s.strip_prefix("easter:") {
        return Holiday::Easter(off.parse().expect("easter offset"));
    }
    if let Some(spec) = s.strip_prefix("nth:") {
        let v: Vec<i32> = spec
            .split(':')
            .map(|x| x.parse().expect("nth field"))
            .collect();
        return Holiday::Nth {
            m: v[0] as u32,
            wd: v[1] as u32,
            n: v[2],
            off: v.get(3).copied().map_or(0, i64::from),
        };
    }
    let (m, d) = s.split_once('-').expect("MM-DD");
    Holiday::Fixed(m.parse().expect("month"), d.parse().expect("day"))
}

fn build() -> Lexicon {
    let mut words: FastMap<&'static str, WordInfo> = FastMap::default();
    for (k, v, _) in rows(data!("months.tsv")) {
        {
            let i = words.entry(k).or_default();
            i.month = v.parse().ok();
        }
    }
    for (k, v, f) in rows(data!("weekdays.tsv")) {
        {
            let i = words.entry(k).or_default();
            i.weekday = v.parse().ok().map(|d| (d, f == "pl"));
        }
    }
    for (k, v, _) in rows(data!("numbers.tsv")) {
        let c = if v == "X" {
            Count::Vague
        } else {
            Count::Exact(v.parse().expect("number"))
        };
        {
            let i = words.entry(k).or_default();
            i.count = Some(c);
        }
    }
    for (k, v, _) in rows(data!("ordinals.tsv")) {
        {
            let i = words.entry(k).or_default();
            i.ordinal = v.parse().ok();
        }
    }
    for (k, v, f) in rows(data!("units.tsv")) {
        let u = Unit::parse(v).expect("unit code");
        {
            let i = words.entry(k).or_default();
            i.unit = Some((u, f == "pl"));
        }
    }
    for (k, v, f) in rows(data!("seasons.tsv")) {
        {
            let i = words.entry(k).or_default();
            i.season = Some((v, f == "pl"));
        }
    }
    for (k, v, _) in rows(data!("decades.tsv")) {
        words.entry(k).or_default().decade = Some(v.parse().expect("decade digit"));
    }
    for (k, v, f) in rows(data!("day_parts.tsv")) {
        let p = match v.split_once(':') {
            Some((h, m)) => DayPart::Clock(h.parse().expect("hour"), m.parse().expect("minute")),
            None => DayPart::Code(v),
        };
        {
            let i = words.entry(k).or_default();
            i.day_part = Some((p, f == "pl"));
        }
    }
    for (k, v, f) in rows(data!("deictics.tsv")) {
        {
            let i = words.entry(k).or_default();
            i.deictic = v.parse().ok().map(|o| (o, f == "dur"));
        }
    }
    for (k, v, _) in rows(data!("sets.tsv")) {
        {
            let i = words.entry(k).or_default();
            i.set = Some(v);
        }
    }
    for (k, _, _) in rows(data!("zones.tsv")) {
        {
            let i = words.entry(k).or_default();
            i.zone = true;
        }
    }
    for (k, _, _) in rows(data!("not_before_year.tsv")) {
        {
            let i = words.entry(k).or_default();
            i.id_before = true;
        }
    }
    for (k, _, _) in rows(data!("not_after_year.tsv")) {
        {
            let i = words.entry(k).or_default();
            i.qty_after = true;
        }
    }
    for (k, v, _) in rows(data!("cues.tsv")) {
        let t = match v {
            "past" => Tense::Past,
            "future" => Tense::Future,
            "present" => Tense::Present,
            "modal" => Tense::Modal,
            other => panic!("data/time/cues.tsv: unknown tense {other}"),
        };
        {
            let i = words.entry(k).or_default();
            i.cue = Some(t);
        }
    }
    let mut phrases: FastMap<&'static str, Vec<Phrase>> = FastMap::default();
    let mut add = |p: &'static str, kind: PhraseKind| {
        let toks = phrase_tokens(p);
        if let Some((first, rest)) = toks.split_first() {
            phrases.entry(first).or_default().push(Phrase {
                rest: rest.to_vec(),
                kind,
            });
        }
    };
    for (k, v, _) in rows(data!("refs.tsv")) {
        add(k, PhraseKind::Ref(v));
    }
    for (k, v, _) in rows(data!("holidays.tsv")) {
        add(k, PhraseKind::Holiday(holiday(v)));
    }
    let mut bounds = Vec::new();
    for (k, v, f) in rows(data!("modifiers.tsv")) {
        let m = modifier(v);
        if f == "pre" {
            add(k, PhraseKind::Approx(m));
        } else if f == "part" {
            {
                let i = words.entry(k).or_default();
                i.part = Some(m);
            }
        }
    }
    for (k, v, _) in rows(data!("bounds.tsv")) {
        let m = modifier(v);
        add(k, PhraseKind::Bound(m));
        bounds.push((phrase_tokens(k), m));
    }
    for k in phrases.keys() {
        words.entry(k).or_default().phrase = true;
    }
    // words that open a rule without a meaning of their own
    for k in [
        "fiscal",
        "full",
        "q",
        "h",
        "that",
        "the",
        "year",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
    ] {
        words.entry(k).or_default().starts = true;
    }
    for i in words.values_mut() {
        i.starts |= i.month.is_some()
            || i.weekday.is_some()
            || i.count.is_some()
            || i.ordinal.is_some()
            || i.unit.is_some()
            || i.season.is_some()
            || i.decade.is_some()
            || i.day_part.is_some()
            || i.deictic.is_some()
            || i.part.is_some()
            || i.set.is_some()
            || i.phrase;
    }
    let mut shape = vec![0u64; SHAPE_WORDS];
    for k in words.keys() {
        if let Some(b) = shape_bit(k) {
            shape[b / 64] |= 1 << (b % 64);
        }
    }
    for list in phrases.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }
    bounds.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
    Lexicon {
        words,
        phrases,
        bounds,
        shape,
    }
}

const SHAPE_WORDS: usize = (17 * 27 * 27usize).div_ceil(64);

/// A cheap fingerprint of a lower-case word (length, first and last
/// letter): most words of a text miss the lexicon, and this settles it
/// without hashing.
pub(crate) fn shape_bit(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let (&f, &l) = (b.first()?, b.last()?);
    let letter = |c: u8| {
        if c.is_ascii_lowercase() {
            usize::from(c - b'a') + 1
        } else {
            0
        }
    };
    let len = b.len().min(16);
    Some((len * 27 + letter(f)) * 27 + letter(l))
}

impl Lexicon {
    /// The entry of a lower-case word, if the lexicon knows it.
    #[inline]
    pub fn get(&self, w: &str) -> Option<&WordInfo> {
        let b = shape_bit(w)?;
        if self.shape[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        self.words.get(w)
    }
}

/// The lexicon, parsed on first use.
pub(crate) static LEX: LazyLock<Lexicon> = LazyLock::new(build);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_every_file() {
        let l = &*LEX;
        assert_eq!(l.words["sept"].month, Some(9));
        assert_eq!(l.words["thursdays"].weekday, Some((4, true)));
        assert_eq!(l.words["years"].unit, Some((Unit::Year, true)));
        assert_eq!(l.words["will"].cue, Some(Tense::Future));
        assert!(l.words["resolution"].id_before);
        assert!(
            l.phrases["new"]
                .iter()
                .any(|p| matches!(p.kind, PhraseKind::Holiday(Holiday::Fixed(1, 1))))
        );
        assert!(
            l.bounds
                .iter()
                .any(|(t, m)| t == &["as", "early", "as"] && *m == Modifier::OnOrAfter)
        );
    }

    #[test]
    fn phrases_split_like_the_tokenizer() {
        assert_eq!(
            phrase_tokens("new year's day"),
            vec!["new", "year", "'", "s", "day"]
        );
        assert_eq!(
            phrase_tokens("st. patrick's day"),
            vec!["st", ".", "patrick", "'", "s", "day"]
        );
    }
}
