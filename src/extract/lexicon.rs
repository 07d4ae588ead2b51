//! Gazetteers and lexicons, read from the data files under `data/` (embedded
//! at build time) plus, optionally, files of the same names under a directory
//! the user names (`--lexicon DIR` or `CHRONOGRAPH_LEXICON`), whose rows are
//! added to the built-in ones. Parsed once, on first use.

use super::text::{TokKind, Token, tokenize};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the lexicon keys are short words, for which SipHash's DoS
/// resistance buys nothing and costs a large share of extraction time.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with the FNV hasher.
pub type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;
use std::path::PathBuf;
use std::sync::{LazyLock, OnceLock};

static EXTRA_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Adds a directory of extra lexicon files (same layout as `data/`). Must be
/// called before the first extraction; later calls are ignored.
pub fn set_extra_dir(dir: PathBuf) {
    let _ = EXTRA_DIR.set(dir);
}

fn source(builtin: &'static str, rel: &str) -> String {
    let mut s = builtin.to_owned();
    let extra = EXTRA_DIR
        .get()
        .cloned()
        .or_else(|| std::env::var_os("CHRONOGRAPH_LEXICON").map(PathBuf::from));
    if let Some(dir) = extra {
        if let Ok(more) = std::fs::read_to_string(dir.join(rel)) {
            s.push('\n');
            s.push_str(&more);
        }
    }
    s
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Loads a two-column table (phrase, value) into a phrase map.
fn pairs(map: &mut PhraseMap<String>, builtin: &'static str, rel: &str) {
    for r in rows(&source(builtin, rel)) {
        if r.len() >= 2 {
            map.insert(r[0], r[1].to_owned());
        }
    }
}

fn list(field: Option<&&str>) -> Vec<String> {
    field
        .map(|f| {
            f.split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn key_of(fold: bool, t: &Token) -> &str {
    if fold { &t.lower } else { &t.norm }
}

/// A phrase table keyed by token sequences, matched longest-first.
#[derive(Debug)]
pub struct PhraseMap<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
    /// Compare lowercase forms rather than exact normalised forms.
    pub fold: bool,
}

impl<V> PhraseMap<V> {
    fn new(fold: bool) -> Self {
        PhraseMap {
            by_first: HashMap::default(),
            fold,
        }
    }

    fn insert(&mut self, phrase: &str, v: V) {
        let toks: Vec<String> = tokenize(phrase)
            .into_iter()
            .map(|t| {
                if self.fold {
                    t.lower.to_string()
                } else {
                    t.norm.to_string()
                }
            })
            .collect();
        if toks.is_empty() {
            return;
        }
        let e = self.by_first.entry(toks[0].clone()).or_default();
        e.push((toks, v));
        e.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
    }

    /// The longest phrase starting at token `i` (ending before `limit`).
    pub fn longest(&self, toks: &[Token], i: usize, limit: usize) -> Option<(usize, &V)> {
        let fold = self.fold;
        let cands = self.by_first.get(key_of(fold, toks.get(i)?))?;
        'c: for (p, v) in cands {
            if i + p.len() > limit {
                continue;
            }
            for (k, w) in p.iter().enumerate().skip(1) {
                let t = &toks[i + k];
                // A phrase does not run across a space-less join it does not spell.
                if key_of(fold, t) != w {
                    continue 'c;
                }
            }
            return Some((p.len(), v));
        }
        None
    }

    /// Every phrase, for iteration.
    pub fn contains_first(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }
}

/// A country from the gazetteer.
#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub names: Vec<String>,
    /// Adjectives and demonyms, the adjective first ("Russian").
    pub adjectives: Vec<String>,
    pub capitals: Vec<String>,
}

/// What a proper name in the gazetteer denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Name {
    Country(usize),
    CountryAdj(usize),
    Capital(usize),
    Org(usize),
    Media(usize),
    /// A seat-of-government metonym: country, body type index.
    Seat(usize, usize),
    Person(usize),
}

/// An organisation from the gazetteer.
#[derive(Debug, Clone)]
pub struct Org {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: String,
    pub country: Option<usize>,
}

/// A person from the office-holder list.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub affiliation: String,
}

/// A reporting cue.
#[derive(Debug, Clone)]
pub struct Cue {
    pub lemma: String,
    pub class: String,
}

/// Every lexicon the extractor uses.
#[derive(Debug)]
pub struct Lexicon {
    pub countries: Vec<Country>,
    pub country_by_code: HashMap<String, usize>,
    pub orgs: Vec<Org>,
    pub media: Vec<Org>,
    pub people: Vec<Person>,
    pub body_types: Vec<String>,
    pub names: PhraseMap<Name>,
    /// Surname (last token) of listed people, for single-word mentions.
    pub surnames: HashMap<String, usize>,
    pub agencies: PhraseMap<usize>,
    pub titles: PhraseMap<String>,
    pub anon: HashMap<String, (String, bool)>,
    pub cues: PhraseMap<Cue>,
    pub channels: PhraseMap<()>,
    pub triggers: PhraseMap<String>,
    pub relations: HashMap<String, String>,
    pub units: PhraseMap<String>,
    pub modifiers: PhraseMap<String>,
    /// What a percentage measures ("inflation", "turnout"): surface to
    /// canonical measure.
    pub measures: PhraseMap<String>,
}

impl Lexicon {
    fn body(&mut self, t: &str) -> usize {
        if let Some(i) = self.body_types.iter().position(|b| b == t) {
            return i;
        }
        self.body_types.push(t.to_owned());
        self.body_types.len() - 1
    }

    fn load() -> Lexicon {
        let mut lx = Lexicon {
            countries: Vec::new(),
            country_by_code: HashMap::default(),
            orgs: Vec::new(),
            media: Vec::new(),
            people: Vec::new(),
            body_types: Vec::new(),
            names: PhraseMap::new(false),
            surnames: HashMap::default(),
            agencies: PhraseMap::new(true),
            titles: PhraseMap::new(true),
            anon: HashMap::default(),
            cues: PhraseMap::new(true),
            channels: PhraseMap::new(true),
            triggers: PhraseMap::new(true),
            relations: HashMap::default(),
            units: PhraseMap::new(true),
            modifiers: PhraseMap::new(true),
            measures: PhraseMap::new(true),
        };
        let countries = source(
            include_str!("../../data/actors/countries.tsv"),
            "actors/countries.tsv",
        );
        for r in rows(&countries) {
            if r.len() < 2 {
                continue;
            }
            let ci = lx.countries.len();
            let names = list(r.get(2));
            let adjs = list(r.get(3));
            let caps = list(r.get(4));
            lx.names.insert(r[1], Name::Country(ci));
            for n in &names {
                lx.names.insert(n, Name::Country(ci));
            }
            for a in &adjs {
                lx.names.insert(a, Name::CountryAdj(ci));
            }
            for c in &caps {
                lx.names.insert(c, Name::Capital(ci));
            }
            lx.country_by_code.insert(r[0].to_owned(), ci);
            lx.countries.push(Country {
                code: r[0].to_owned(),
                name: r[1].to_owned(),
                names,
                adjectives: adjs,
                capitals: caps,
            });
        }
        let orgs = source(
            include_str!("../../data/actors/orgs.tsv"),
            "actors/orgs.tsv",
        );
        let places = source(
            include_str!("../../data/actors/places.tsv"),
            "actors/places.tsv",
        );
        for r in rows(&orgs).chain(rows(&places)) {
            if r.len() < 2 {
                continue;
            }
            let oi = lx.orgs.len();
            let aliases = list(r.get(1));
            lx.names.insert(r[0], Name::Org(oi));
            for a in &aliases {
                lx.names.insert(a, Name::Org(oi));
            }
            let country = r.get(3).and_then(|c| lx.country_by_code.get(*c).copied());
            lx.orgs.push(Org {
                name: r[0].to_owned(),
                aliases,
                kind: r.get(2).copied().unwrap_or("organization").to_owned(),
                country,
            });
        }
        let media = source(
            include_str!("../../data/actors/media.tsv"),
            "actors/media.tsv",
        );
        for r in rows(&media) {
            let mi = lx.media.len();
            let aliases = list(r.get(1));
            lx.names.insert(r[0], Name::Media(mi));
            for a in &aliases {
                lx.names.insert(a, Name::Media(mi));
            }
            lx.media.push(Org {
                name: r[0].to_owned(),
                aliases,
                kind: "media".into(),
                country: None,
            });
        }
        let agencies = source(
            include_str!("../../data/actors/agencies.tsv"),
            "actors/agencies.tsv",
        );
        for r in rows(&agencies) {
            if r.len() < 2 {
                continue;
            }
            let b = lx.body(r[1]);
            lx.agencies.insert(r[0], b);
        }
        let seats = source(
            include_str!("../../data/actors/metonyms.tsv"),
            "actors/metonyms.tsv",
        );
        for r in rows(&seats) {
            if r.len() < 3 {
                continue;
            }
            let Some(&ci) = lx.country_by_code.get(r[1]) else {
                continue;
            };
            let b = lx.body(r[2]);
            lx.names.insert(r[0], Name::Seat(ci, b));
        }
        let people = source(
            include_str!("../../data/actors/people.tsv"),
            "actors/people.tsv",
        );
        for r in rows(&people) {
            let pi = lx.people.len();
            let aliases = list(r.get(1));
            for n in std::iter::once(&r[0].to_owned()).chain(aliases.iter()) {
                lx.names.insert(n, Name::Person(pi));
                if let Some(last) = n.split_whitespace().last() {
                    lx.surnames.insert(last.to_owned(), pi);
                }
            }
            lx.people.push(Person {
                name: r[0].to_owned(),
                aliases,
                affiliation: r.get(2).copied().unwrap_or("").to_owned(),
            });
        }
        let titles = source(
            include_str!("../../data/actors/titles.tsv"),
            "actors/titles.tsv",
        );
        for r in rows(&titles) {
            let role = r.get(1).copied().unwrap_or(r[0]).to_owned();
            lx.titles.insert(r[0], role);
        }
        let anon = source(
            include_str!("../../data/actors/anonymous.tsv"),
            "actors/anonymous.tsv",
        );
        for r in rows(&anon) {
            lx.anon
                .insert(r[0].to_lowercase(), (r[0].to_owned(), false));
            if let Some(p) = r.get(1) {
                lx.anon.insert(p.to_lowercase(), (r[0].to_owned(), true));
            }
        }
        let cues = source(
            include_str!("../../data/claims/cues.tsv"),
            "claims/cues.tsv",
        );
        for r in rows(&cues) {
            if r.len() < 3 {
                continue;
            }
            for f in list(r.get(2)) {
                lx.cues.insert(
                    &f,
                    Cue {
                        lemma: r[0].to_owned(),
                        class: r[1].to_owned(),
                    },
                );
            }
        }
        let channels = source(
            include_str!("../../data/claims/channels.tsv"),
            "claims/channels.tsv",
        );
        for r in rows(&channels) {
            lx.channels.insert(r[0], ());
        }
        pairs(
            &mut lx.triggers,
            include_str!("../../data/events/triggers.tsv"),
            "events/triggers.tsv",
        );
        let rels = source(
            include_str!("../../data/events/relations.tsv"),
            "events/relations.tsv",
        );
        for r in rows(&rels) {
            if r.len() >= 2 {
                lx.relations.insert(r[0].to_lowercase(), r[1].to_owned());
            }
        }
        pairs(
            &mut lx.units,
            include_str!("../../data/quantities/units.tsv"),
            "quantities/units.tsv",
        );
        pairs(
            &mut lx.modifiers,
            include_str!("../../data/quantities/modifiers.tsv"),
            "quantities/modifiers.tsv",
        );
        pairs(
            &mut lx.measures,
            include_str!("../../data/quantities/measures.tsv"),
            "quantities/measures.tsv",
        );
        lx
    }

    /// The country a person's affiliation code names, if any.
    pub fn country_of_code(&self, code: &str) -> Option<usize> {
        self.country_by_code.get(code).copied()
    }
}

/// The lexicon, loaded on first use.
pub static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// Words that look like names at the start of a sentence but are not.
pub fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "but"
            | "and"
            | "or"
            | "as"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "while"
            | "when"
            | "after"
            | "before"
            | "since"
            | "if"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "of"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "some"
            | "many"
            | "both"
            | "all"
            | "each"
            | "other"
            | "another"
            | "such"
            | "so"
            | "yet"
            | "still"
            | "meanwhile"
            | "however"
            | "although"
            | "though"
            | "despite"
            | "according"
            | "just"
            | "even"
            | "also"
            | "now"
            | "then"
            | "today"
            | "what"
            | "who"
            | "which"
            | "where"
            | "why"
            | "how"
            | "not"
            | "no"
            | "any"
            | "more"
            | "most"
            | "once"
            | "instead"
            | "under"
            | "over"
            | "during"
            | "without"
            | "within"
            | "amid"
            | "among"
            | "between"
            | "about"
            | "around"
            | "near"
            | "into"
            | "speaking"
            | "asked"
            | "because"
            | "only"
            | "perhaps"
            | "popular"
            | "several"
            | "former"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "do"
            | "don't"
            | "we're"
            | "it's"
            | "let"
            | "here"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "tens"
            | "reporters"
            | "reports"
            | "leave"
            | "with reporting"
            | "contributing"
            | "photo"
            | "file"
            | "watch"
            | "read"
            | "related"
    )
}

/// Head words of geographic names ("Crimean Peninsula", "Kherson Oblast"):
/// a sequence ending in one names a place, not an organisation.
pub fn is_geo_head(w: &str) -> bool {
    matches!(
        w,
        "Sea"
            | "Ocean"
            | "Lake"
            | "River"
            | "Mountains"
            | "Peninsula"
            | "Strait"
            | "Gulf"
            | "Bay"
            | "Island"
            | "Islands"
            | "Region"
            | "Oblast"
            | "Province"
            | "City"
            | "Square"
            | "Street"
            | "Avenue"
            | "Park"
    )
}

/// Head words that make a capitalised sequence an organisation or place, not a person.
pub fn is_org_head(w: &str) -> bool {
    is_geo_head(w)
        || matches!(
            w,
            "State"
                | "States"
                | "Palace"
                | "Center"
                | "Centre"
                | "Institute"
                | "University"
                | "College"
                | "School"
                | "Foundation"
                | "Council"
                | "Committee"
                | "Commission"
                | "Ministry"
                | "Department"
                | "Agency"
                | "Office"
                | "Service"
                | "Services"
                | "Forces"
                | "Force"
                | "Army"
                | "Navy"
                | "Guard"
                | "Corps"
                | "Command"
                | "Group"
                | "Party"
                | "Union"
                | "Alliance"
                | "Organization"
                | "Organisation"
                | "Association"
                | "Federation"
                | "Republic"
                | "Republics"
                | "Kingdom"
                | "Empire"
                | "Nations"
                | "Bank"
                | "Fund"
                | "Company"
                | "Corporation"
                | "Inc"
                | "Times"
                | "Post"
                | "News"
                | "Journal"
                | "Herald"
                | "Tribune"
                | "Press"
                | "Radio"
                | "Television"
                | "TV"
                | "Pact"
                | "Treaty"
                | "Agreement"
                | "Accords"
                | "Protocol"
                | "War"
                | "Revolution"
                | "Stream"
                | "Pipeline"
                | "Games"
                | "Cup"
                | "Olympics"
                | "Day"
                | "Prize"
                | "Act"
                | "Law"
                | "Bill"
                | "Order"
                | "Club"
                | "Network"
                | "Airlines"
                | "Airport"
                | "Station"
                | "Port"
                | "Base"
                | "Embassy"
                | "Consulate"
                | "Church"
                | "Museum"
                | "Hall"
                | "Tower"
                | "Bridge"
                | "Road"
                | "Line"
                | "Front"
                | "Basin"
                | "Valley"
                | "Coast"
                | "Desert"
                | "Forest"
                | "Council's"
                | "Summit"
                | "Conference"
                | "Forum"
                | "Fleet"
                | "District"
                | "Territory"
                | "Territories"
                | "Assembly"
                | "Parliament"
                | "Court"
                | "Cabinet"
                | "Administration"
                | "Staff"
                | "Program"
                | "Programme"
                | "Initiative"
                | "Project"
                | "Plan"
                | "Strategy"
                | "Doctrine"
                | "Media"
                | "Ltd"
                | "Holdings"
                | "Industries"
                | "Systems"
                | "Technologies"
                | "Energy"
                | "Oil"
                | "Gas"
        )
}

/// Whether the token could be part of a personal name.
pub fn namelike(t: &Token) -> bool {
    t.kind == TokKind::Word
        && t.is_cap()
        && t.norm.chars().count() >= 2
        && !t.norm.chars().all(|c| c.is_uppercase() || c == '.')
        && t.norm
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '-' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_and_matches_longest() {
        let lx = &*LEX;
        assert!(lx.countries.len() > 190);
        let toks = tokenize("The Washington Post reported");
        let (n, v) = lx.names.longest(&toks, 1, toks.len()).unwrap();
        assert_eq!(n, 2);
        assert!(matches!(v, Name::Media(_)));
        let toks = tokenize("U.S. officials");
        assert!(matches!(
            lx.names.longest(&toks, 0, 2),
            Some((1, Name::Country(_)))
        ));
    }
}
