//! Actors: gazetteer names, metonyms, office titles, unknown names found by
//! capitalisation, anonymous sources, and in-document coreference.

use super::Doc;
use super::lexicon::{LEX, Name, is_function_word, is_geo_head, is_org_head, namelike};
use super::text::TokKind;
use crate::model::ActorKind;

/// An actor found in the document, before it becomes a model actor.
#[derive(Debug, Clone)]
pub struct ActorRec {
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub part_of: Option<usize>,
    /// Role from an office title ("president"), or the head noun of an anonymous source.
    pub role: Option<String>,
    pub plural: bool,
    /// Country the actor belongs to, when known (gazetteer index).
    pub country: Option<usize>,
    pub mentions: Vec<(usize, usize)>,
}

/// One mention of an actor: a token range.
#[derive(Debug, Clone)]
pub struct Mention {
    pub t0: usize,
    pub t1: usize,
    pub actor: usize,
    /// An adjective ("Russian troops") rather than a name.
    pub adjective: bool,
}

const LOCATIVE: &[&str] = &[
    "in", "near", "to", "from", "around", "outside", "at", "into", "toward", "towards", "across",
    "via", "inside", "through", "visit", "visited", "visiting", "reach", "reached", "entered",
    "enter",
];

/// The body named after a country's name or adjective: "Defense Ministry"
/// in "Ukraine's Defense Ministry" or "the Ukrainian Defense Ministry".
fn body_head<'a>(surface: &'a str, country: &super::lexicon::Country) -> Option<&'a str> {
    let s = surface.strip_prefix("the ").unwrap_or(surface);
    let s = s.strip_prefix("The ").unwrap_or(s);
    let forms = std::iter::once(&country.name)
        .chain(&country.names)
        .chain(&country.adjectives);
    for form in forms {
        if !s
            .get(..form.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(form))
        {
            continue;
        }
        let rest = &s[form.len()..];
        let rest = rest
            .strip_prefix("'s ")
            .or_else(|| rest.strip_prefix("\u{2019}s "))
            .or_else(|| rest.strip_prefix(' '));
        if let Some(head) = rest.filter(|h| !h.trim().is_empty()) {
            return Some(head);
        }
    }
    None
}

/// Nouns that head a mention of an armed group ("pro-Russian separatists").
const GROUP_HEADS: &[&str] = &[
    "separatists",
    "separatist",
    "rebels",
    "militants",
    "insurgents",
    "militias",
    "militia",
    "militiamen",
    "volunteers",
    "mercenaries",
    "guerrillas",
    "insurgency",
    "opposition",
    "protesters",
    "protestors",
    "demonstrators",
];

/// Lower-case words allowed between the start of a group mention and its
/// head ("the Kremlin-backed", "some pro-Russian", "local armed").
const GROUP_MODIFIERS: &[&str] = &[
    "the",
    "pro",
    "-",
    "backed",
    "supported",
    "led",
    "armed",
    "allied",
    "controlled",
    "held",
    "sponsored",
    "local",
    "eastern",
    "ethnic",
    "separatist",
    "some",
    "many",
    "two",
    "main",
    "political",
    "parliamentary",
];

const ANON_MODS: &[&str] = &[
    "unnamed",
    "anonymous",
    "senior",
    "top",
    "other",
    "former",
    "current",
    "local",
    "western",
    "european",
    "allied",
    "military",
    "intelligence",
    "government",
    "administration",
    "defense",
    "defence",
    "security",
    "foreign",
    "ministry",
    "state",
    "white",
    "some",
    "several",
    "many",
    "few",
    "two",
    "three",
    "four",
    "independent",
    "outside",
    "diplomatic",
    "nato",
    "high",
    "ranking",
    "knowledgeable",
    "regional",
    "provincial",
    "aid",
    "relief",
    "humanitarian",
    "human",
    "rights",
    "health",
    "medical",
    "rescue",
    "emergency",
    "industry",
    "market",
    "private",
    // Branches of business: "shipping companies", "port operators".
    "port",
    "shipping",
    "oil",
    "gas",
    "energy",
    "tech",
    "technology",
    "mining",
    "airline",
    "insurance",
    "construction",
    "transport",
    "logistics",
    "pharmaceutical",
    "drug",
    "car",
    "steel",
    "telecom",
    "arms",
    "food",
    "retail",
    "power",
    "trade",
    "labor",
    "labour",
];

/// [`ANON_MODS`] for lookups: the list is scanned for almost every word of
/// an article, and a linear search over it was a tenth of actor finding.
static ANON_MOD_SET: std::sync::LazyLock<std::collections::HashSet<&'static str, BuildFnv>> =
    std::sync::LazyLock::new(|| ANON_MODS.iter().copied().collect());

type BuildFnv = std::hash::BuildHasherDefault<super::lexicon::Fnv>;

fn is_anon_mod(w: &str) -> bool {
    ANON_MOD_SET.contains(w)
}

const DETS: &[&str] = &[
    "a", "an", "the", "some", "other", "several", "many", "two", "three", "four", "five", "one",
];

impl<'a> Doc<'a> {
    /// Adds (or finds) an actor by key.
    pub fn actor(&mut self, key: &str, name: &str, kind: ActorKind) -> usize {
        if let Some(&i) = self.actor_keys.get(key) {
            return i;
        }
        // The article's own outlet, named in its text ("GENEVA (Example
        // Post) —"), is media whatever its name looks like.
        if kind != ActorKind::Media
            && self
                .publisher
                .as_deref()
                .is_some_and(|p| p.eq_ignore_ascii_case(name.trim()))
        {
            return self.actor(&format!("media:{name}"), name, ActorKind::Media);
        }
        let i = self.actors.len();
        self.actors.push(ActorRec {
            key: key.to_owned(),
            name: name.to_owned(),
            kind,
            aliases: Vec::new(),
            part_of: None,
            role: None,
            plural: false,
            country: None,
            mentions: Vec::new(),
        });
        self.actor_keys.insert(key.to_owned(), i);
        i
    }

    /// Records an alias (a surface name) of an actor.
    pub fn alias(&mut self, a: usize, s: &str) {
        let s = s.trim();
        if s.is_empty() || s.len() > 120 {
            return;
        }
        let rec = &mut self.actors[a];
        if rec.name != s && !rec.aliases.iter().any(|x| x == s) {
            rec.aliases.push(s.to_owned());
        }
    }

    fn country_actor(&mut self, ci: usize) -> usize {
        if let Some(Some(a)) = self.country_actor_of.get(ci) {
            return *a;
        }
        let c = &LEX.countries[ci];
        let key = format!("country:{}", c.code);
        let fresh = !self.actor_keys.contains_key(&key);
        let a = self.actor(&key, &c.name, ActorKind::Country);
        if fresh {
            self.actors[a].country = Some(ci);
            let names: Vec<String> = c.names.iter().chain(c.capitals.iter()).cloned().collect();
            for n in names {
                self.alias(a, &n);
            }
            let gov = format!("{} government", c.name);
            self.alias(a, &gov);
            let gov2 = format!("Government of {}", c.name);
            self.alias(a, &gov2);
        }
        if self.country_actor_of.len() <= ci {
            self.country_actor_of.resize(ci + 1, None);
        }
        self.country_actor_of[ci] = Some(a);
        a
    }

    fn org_actor(&mut self, oi: usize, media: bool) -> usize {
        let o = if media { &LEX.media[oi] } else { &LEX.orgs[oi] };
        let kind = if media {
            ActorKind::Media
        } else {
            match o.kind.as_str() {
                "government" => ActorKind::Government,
                "group" => ActorKind::Group,
                "place" => ActorKind::Place,
                _ => ActorKind::Organization,
            }
        };
        let key = format!("{}:{}", if media { "media" } else { "org" }, o.name);
        let fresh = !self.actor_keys.contains_key(&key);
        let a = self.actor(&key, &o.name, kind);
        if fresh {
            for n in o.aliases.clone() {
                self.alias(a, &n);
            }
            if let Some(ci) = o.country {
                let c = self.country_actor(ci);
                self.actors[a].part_of = Some(c);
                self.actors[a].country = Some(ci);
            }
        }
        a
    }

    fn body_actor(&mut self, ci: Option<usize>, body: usize, surface: &str) -> usize {
        let bt = &LEX.body_types[body];
        let key = match ci {
            Some(ci) => format!("body:{}:{bt}", LEX.countries[ci].code),
            None => format!("body:?:{bt}"),
        };
        let a = self.actor(&key, surface, ActorKind::Government);
        self.alias(a, surface);
        self.actors[a].role = Some(bt.clone());
        if let Some(ci) = ci {
            if let Some(head) = body_head(surface, &LEX.countries[ci]) {
                // One spelling that every article's form of the body shares
                // ("Ukraine's Defense Ministry", "the Ukrainian Defense
                // Ministry"), so that the store joins them across documents.
                let shared = format!("{} {head}", LEX.countries[ci].name);
                self.alias(a, &shared);
            }
            let c = self.country_actor(ci);
            if self.actors[a].part_of.is_none() {
                self.actors[a].part_of = Some(c);
            }
            self.actors[a].country = Some(ci);
        }
        self.last_body.insert(bt.clone(), a);
        a
    }

    /// The person actor of a full or partial name, merged with one met before.
    pub(super) fn person_actor(&mut self, name: &str) -> usize {
        // The office-holder list supplies the canonical spelling and affiliation.
        let toks = super::text::tokenize(name);
        let mut canon = name.to_owned();
        let mut listed = None;
        if let Some((n, Name::Person(pi))) = LEX.names.longest(&toks, 0, toks.len()) {
            if n == toks.len() {
                canon = LEX.people[*pi].name.clone();
                listed = Some(*pi);
            }
        }
        let last = canon.split_whitespace().last().unwrap_or("").to_owned();
        // A full name whose surname is already a single-word person merges with it.
        let key = format!("person:{canon}");
        if !self.actor_keys.contains_key(&key) {
            if let Some(&prev) = self.actor_keys.get(&format!("person:{last}")) {
                if canon.contains(' ') {
                    self.actor_keys.insert(key.clone(), prev);
                    self.actors[prev].name = canon.clone();
                    self.alias(prev, &last);
                }
            } else if let Some(&prev) = self.surname_of.get(&last) {
                // "Jon Finer" after "Jonathan Finer": same surname, compatible first names.
                let first = canon.split_whitespace().next().unwrap_or("");
                let pfirst = self.actors[prev]
                    .name
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_owned();
                if canon.contains(' ')
                    && (pfirst.starts_with(first) || first.starts_with(pfirst.as_str()))
                {
                    self.actor_keys.insert(key.clone(), prev);
                }
            }
        }
        let fresh = !self.actor_keys.contains_key(&key);
        let a = self.actor(&key, &canon, ActorKind::Person);
        if fresh {
            self.alias(a, name);
            if canon.contains(' ') {
                self.alias(a, &last);
            }
            if let Some(pi) = listed {
                let p = &LEX.people[pi];
                for al in p.aliases.clone() {
                    self.alias(a, &al);
                    if let Some(l) = al.split_whitespace().last() {
                        self.alias(a, l);
                    }
                }
                let aff = p.affiliation.clone();
                if let Some(ci) = LEX.country_of_code(&aff) {
                    let c = self.country_actor(ci);
                    self.actors[a].part_of = Some(c);
                    self.actors[a].country = Some(ci);
                } else if let Some(oi) = LEX.orgs.iter().position(|o| o.name == aff) {
                    let o = self.org_actor(oi, false);
                    self.actors[a].part_of = Some(o);
                }
            }
        } else {
            self.alias(a, name);
        }
        self.surname_of.insert(last, a);
        a
    }

    /// Resolves a single capitalised word to a person already met (by
    /// surname) or a listed office holder.
    fn person_by_surname(&mut self, w: &str) -> Option<usize> {
        if let Some(&a) = self.surname_of.get(w) {
            return Some(a);
        }
        if let Some(&pi) = LEX.surnames.get(w) {
            let name = LEX.people[pi].name.clone();
            let a = self.person_actor(&name);
            self.alias(a, w);
            return Some(a);
        }
        None
    }

    fn span_text(&self, t0: usize, t1: usize) -> &'a str {
        if t0 >= t1 {
            return "";
        }
        let text: &'a str = self.text;
        &text[self.toks[t0].start..self.toks[t1 - 1].end]
    }

    /// Finds every actor mention, sentence by sentence.
    pub fn find_actors(&mut self) {
        for si in 0..self.sents.len() {
            let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
            let mut i = s0;
            while i < s1 {
                if self.toks[i].kind != TokKind::Word || !could_start_np(&self.toks[i]) {
                    i += 1;
                    continue;
                }
                match self.parse_np(i, s1, i == s0) {
                    Some((end, Some((actor, adjective)))) => {
                        let (b0, b1) = (self.toks[i].start, self.toks[end - 1].end);
                        self.actors[actor].mentions.push((b0, b1));
                        self.mentions.push(Mention {
                            t0: i,
                            t1: end,
                            actor,
                            adjective,
                        });
                        if self.actors[actor].kind == ActorKind::Person {
                            self.last_person = Some(actor);
                        }
                        i = end;
                    }
                    Some((end, None)) => i = end.max(i + 1),
                    None => i += 1,
                }
            }
        }
        for (mi, m) in self.mentions.iter().enumerate() {
            for t in m.t0..m.t1 {
                self.ment_at[t] = Some(mi);
            }
        }
    }

    /// The end of the run of capitalised name words from `j`.
    fn namerun(&self, j: usize, lim: usize) -> usize {
        let mut k = j;
        // Titles inside the run ("Former Florida Gov. Rick Scott") do not
        // count against the length of the name.
        let mut titles = 0;
        while k < lim && k - j < 4 + titles && namelike(&self.toks[k]) {
            if LEX.titles.contains_first(&self.toks[k].lower)
                || ABBREVIATED_TITLES.contains(&self.toks[k].lower.as_str())
            {
                titles += 2;
            }
            // "Marty West": a one-word place or bloc name after an unknown
            // first name, ending the run, is the surname.
            // It must end the phrase ("Marty West, a professor", "West
            // said"): "Six Russian warships" is no one.
            let surname_like = k == j + 1
                && LEX.names.longest(&self.toks, j, lim).is_none()
                && !self.surname_of.contains_key(self.toks[j].norm.as_str())
                && matches!(
                    LEX.names.longest(&self.toks, k, lim),
                    Some((1, Name::Country(_) | Name::Org(_) | Name::Capital(_)))
                )
                && self.toks.get(k + 1).is_none_or(|t| {
                    k + 1 >= lim
                        || matches!(t.norm.as_str(), "," | "." | ")" | ";")
                        || LEX.cues.contains_first(&t.lower)
                });
            if k > j
                && !surname_like
                && LEX.names.contains_first(&self.toks[k].norm)
                && LEX.names.longest(&self.toks, k, lim).is_some()
                && !matches!(
                    LEX.names.longest(&self.toks, k, lim),
                    Some((_, Name::Person(_)))
                )
            {
                break;
            }
            if k > j && is_function_word(&self.toks[k].lower) {
                break;
            }
            k += 1;
            // "Florida Gov. Rick Scott": the period of an abbreviated title
            // inside the run; the title then gives the name after it.
            if k + 1 < lim
                && self.toks[k].norm == "."
                && !self.toks[k].space_before
                && ABBREVIATED_TITLES.contains(&self.toks[k - 1].lower.as_str())
                && namelike(&self.toks[k + 1])
            {
                k += 1;
                continue;
            }
            // Hyphenated names: "OVD-Info", "Jean-Luc".
            while k + 1 < lim
                && self.toks[k].norm == "-"
                && !self.toks[k].space_before
                && !self.toks[k + 1].space_before
                && namelike(&self.toks[k + 1])
                // "Biden-Putin call", "U.S.-Russia talks": two known names.
                && [k - 1, k + 1].iter().all(|&x| {
                    let w = self.toks[x].norm.as_str();
                    !LEX.names.contains_first(w)
                        && !LEX.surnames.contains_key(w)
                        && !self.surname_of.contains_key(w)
                })
            {
                k += 2;
            }
            // Middle initials ("Joseph R. Biden").
            if k + 1 < lim
                && self.toks[k].kind == TokKind::Word
                && self.toks[k].norm.len() == 1
                && self.toks[k].is_cap()
                && self.toks[k + 1].norm == "."
                && k + 2 < lim
                && namelike(&self.toks[k + 2])
            {
                k += 2;
            }
        }
        // A regnal number: "Mohammed VI", "Charles III".
        if k > j && k < lim && is_regnal(&self.toks[k].norm) {
            k += 1;
        }
        // A lowercase particle inside a name: "Abdel Fattah al-Burhan",
        // "Mohammed bin Salman", "Ursula von der Leyen".
        if k > j && k + 1 < lim {
            let mut p = k;
            while p < lim
                && p - k < 2
                && matches!(
                    self.toks[p].norm.as_str(),
                    "al" | "el"
                        | "bin"
                        | "ibn"
                        | "van"
                        | "von"
                        | "der"
                        | "den"
                        | "de"
                        | "da"
                        | "di"
                )
            {
                p += 1;
                if p < lim && self.toks[p].norm == "-" && !self.toks[p].space_before {
                    p += 1;
                }
            }
            if p > k && p < lim && namelike(&self.toks[p]) {
                return self.namerun(p, lim).max(p + 1);
            }
        }
        k
    }

    /// Parses a noun phrase naming an actor at token `i`. Returns the end of
    /// what it consumed and the actor (with whether it is an adjectival use).
    #[allow(clippy::type_complexity)]
    fn parse_np(
        &mut self,
        i: usize,
        lim: usize,
        sent_start: bool,
    ) -> Option<(usize, Option<(usize, bool)>)> {
        let toks = &self.toks;
        let mut j = i;
        let mut det = None::<&'static str>;
        let mut mods: Vec<&'static str> = Vec::new();
        while j < lim && toks[j].kind != TokKind::Quote {
            let l = toks[j].lower.as_str();
            if det.is_none() && mods.is_empty() && DETS.contains(&l) {
                det = DETS.iter().find(|d| **d == l).copied();
                j += 1;
            } else if is_anon_mod(l)
                && !(toks[j].is_cap()
                    && (LEX.names.longest(toks, j, lim).is_some()
                        || LEX.agencies.longest(toks, j, lim).is_some()))
                && !(l == "white" && toks.get(j + 1).is_some_and(|t| t.norm == "House"))
                && !(l == "state" && toks.get(j + 1).is_some_and(|t| t.norm == "Department"))
                && !(l == "state" && toks[j].is_cap())
                && !(l == "security" && toks[j].is_cap())
                // "ministry officials" qualifies a source; "the ministry said" is the body.
                && !(l == "ministry"
                    && toks
                        .get(j + 1)
                        .is_none_or(|t| !LEX.anon.contains_key(t.lower.as_str())))
                // "The White Helmets": a capitalised word before an unknown
                // capitalised one is part of a name.
                && !(toks[j].is_cap()
                    && toks.get(j + 1).is_some_and(|t| {
                        t.kind == TokKind::Word
                            && t.is_cap()
                            && !LEX.anon.contains_key(t.lower.as_str())
                            && LEX.names.longest(toks, j + 1, lim).is_none()
                            && LEX.agencies.longest(toks, j + 1, lim).is_none()
                            && LEX.titles.longest(toks, j + 1, lim).is_none()
                    }))
            {
                mods.push(ANON_MODS.iter().find(|d| **d == l).copied().unwrap_or(""));
                j += 1;
            } else {
                break;
            }
        }
        if j >= lim {
            return None;
        }
        let np_start = j;
        // "the alliance", "the 30-nation military organization", "the bloc": the last
        // international organisation named.
        if det == Some("the") || (i > 0 && self.toks[i].lower == "the") {
            let mut e = j;
            while e < lim && e < j + 6 {
                let l = self.toks[e].lower.as_str();
                if matches!(l, "alliance" | "bloc" | "organization" | "organisation") {
                    if let Some(a) =
                        self.mentions
                            .iter()
                            .rev()
                            .take(40)
                            .map(|m| m.actor)
                            .find(|&a| {
                                self.actors[a].kind == ActorKind::Organization
                                    && self.actors[a].key.starts_with("org:")
                            })
                    {
                        let mut end = e + 1;
                        if self.toks.get(end).is_some_and(|t| t.norm == "'s") {
                            end += 1;
                        }
                        return Some((end, Some((a, false))));
                    }
                    break;
                }
                let ok = self.toks[e].kind == TokKind::Number
                    || matches!(
                        l,
                        "-" | "nation"
                            | "member"
                            | "military"
                            | "western"
                            | "transatlantic"
                            | "defense"
                            | "defence"
                            | "security"
                            | "political"
                            | "european"
                            | "trade"
                            | "economic"
                            | "country"
                    );
                if !ok {
                    break;
                }
                e += 1;
            }
        }
        // Entity: a gazetteer name.
        let mut base: Option<usize> = None;
        let mut base_country: Option<usize> = None;
        let mut adjective = false;
        let mut k = j;
        let prev_loc = i > 0 && LOCATIVE.contains(&self.toks[i - 1].lower.as_str());
        // "West said" after "Marty West": a person of this article named by
        // surname before the place or bloc of the same word.
        if det.is_none() && mods.is_empty() {
            if let Some(&a) = self.surname_of.get(self.toks[j].norm.as_str()) {
                let single = LEX
                    .names
                    .longest(&self.toks, j, lim)
                    .is_some_and(|(n, _)| n == 1);
                if single
                    && self
                        .toks
                        .get(j + 1)
                        .is_none_or(|t| j + 1 >= lim || !t.is_cap())
                {
                    return Some((j + 1, Some((a, false))));
                }
            }
        }
        if let Some((n, name)) = LEX.names.longest(&self.toks, j, lim).map(|(n, v)| (n, *v)) {
            let surface = self.span_text(j, j + n);
            k = j + n;
            match name {
                Name::Country(ci) => {
                    let a = self.country_actor(ci);
                    self.alias(a, surface);
                    base = Some(a);
                    base_country = Some(ci);
                }
                Name::CountryAdj(ci) => {
                    base = Some(self.country_actor(ci));
                    base_country = Some(ci);
                    adjective = true;
                }
                Name::Capital(ci) => {
                    if prev_loc && det.is_none() {
                        self.places.push((j, k, surface.to_owned()));
                        return Some((k, None));
                    }
                    let a = self.country_actor(ci);
                    self.alias(a, surface);
                    base = Some(a);
                    base_country = Some(ci);
                }
                Name::Org(oi) => {
                    let a = self.org_actor(oi, false);
                    self.alias(a, surface);
                    base = Some(a);
                }
                Name::Media(mi) => {
                    let a = self.org_actor(mi, true);
                    self.alias(a, surface);
                    base = Some(a);
                }
                Name::Seat(ci, b) => {
                    let a = self.body_actor(Some(ci), b, surface);
                    base = Some(a);
                    base_country = Some(ci);
                }
                Name::Person(_) => {
                    let a = self.person_actor(surface);
                    if matches!(
                        self.toks.get(k).map(|t| t.lower.as_str()),
                        Some("administration")
                    ) {
                        return Some((k + 1, Some(self.administration_of(a, surface))));
                    }
                    return Some((k, Some((a, false))));
                }
            }
            if k < lim && self.toks[k].norm == "'s" {
                k += 1;
                adjective = false;
            }
            // "<Country> government" is the country itself.
            if k < lim
                && matches!(
                    self.toks[k].lower.as_str(),
                    "government" | "authorities" | "leadership"
                )
            {
                if let Some(ci) = base_country {
                    let a = self.country_actor(ci);
                    let s = self.span_text(np_start, k + 1);
                    self.alias(a, s);
                    return Some((k + 1, Some((a, false))));
                }
            }
        }
        // Further modifiers after the entity ("U.S. intelligence officials").
        let mut mods2: Vec<String> = Vec::new();
        while k < lim && is_anon_mod(&self.toks[k].lower) && !self.toks[k].is_cap() {
            // "intelligence" and "military" may be agency heads themselves.
            if LEX.agencies.longest(&self.toks, k, lim).is_some() {
                break;
            }
            mods2.push(self.toks[k].lower.to_string());
            k += 1;
        }
        // Agency: "Ukraine's Defense Ministry", "U.S. intelligence", "the State Department".
        if let Some((n, &body)) = LEX.agencies.longest(&self.toks, k, lim) {
            let cap = self.toks[k].is_cap();
            let surface = self.span_text(if base.is_some() { np_start } else { k }, k + n);
            let bt = LEX.body_types[body].clone();
            let agency = if base_country.is_some() {
                Some(self.body_actor(base_country, body, surface))
            } else if let Some(b) = base {
                // A body of an organisation or bloc: "Western intelligence", "NATO military".
                let key = format!("body:{}:{bt}", self.actors[b].name);
                let a = self.actor(&key, surface, ActorKind::Organization);
                self.alias(a, surface);
                self.actors[a].part_of.get_or_insert(b);
                Some(a)
            } else if base.is_none() && (cap || det == Some("the")) && mods2.is_empty() {
                // A bare body refers back to the last of its type, else stands alone.
                // "the ministry", "the commission": the last one named, of
                // whatever field.
                let last = if matches!(bt.as_str(), "ministry" | "commission") {
                    self.mentions.iter().rev().map(|m| m.actor).find(|&a| {
                        matches!(
                            self.actors[a].kind,
                            ActorKind::Government | ActorKind::Organization
                        ) && self.actors[a].name.to_lowercase().contains(bt.as_str())
                    })
                } else {
                    self.last_body.get(&bt).copied()
                };
                match last {
                    Some(a) => {
                        self.alias(a, surface);
                        Some(a)
                    }
                    None => Some(self.body_actor(None, body, surface)),
                }
            } else {
                None
            };
            if let Some(ag) = agency {
                let k2 = k + n;
                if let Some(r) = self.after_base(np_start, k2, lim, ag, det, &mods) {
                    return Some(r);
                }
                return Some((k2, Some((ag, false))));
            }
        }
        if let Some(b) = base {
            if let Some(r) = self.after_base(np_start, k, lim, b, det, &mods) {
                return Some(r);
            }
            if !mods2.is_empty() && k < lim {
                // "Russian military activity": a modifier use of the country.
                return Some((k, Some((b, true))));
            }
            return Some((k, Some((b, adjective))));
        }
        // No entity: titles, anonymous heads, unknown names.
        if let Some(r) = self.after_base(np_start, k, lim, usize::MAX, det, &mods) {
            return Some(r);
        }
        let t_namelike = namelike(&self.toks[k]);
        let t_fw = is_function_word(&self.toks[k].lower);
        let t_cue = LEX.cues.contains_first(&self.toks[k].lower);
        // An unknown acronym names an organisation when its kind follows ("the
        // CGT union") or when it speaks ("CGT said").
        let tk = &self.toks[k];
        if tk.kind == TokKind::Word
            && (2..=6).contains(&tk.norm.len())
            && tk.norm.chars().all(|c| c.is_ascii_uppercase())
        {
            // "OVD-Info": an acronym glued to an unknown name is one name
            // ("US-Russia" joins two known ones and is not).
            if k + 2 < lim
                && self.toks[k + 1].norm == "-"
                && !self.toks[k + 1].space_before
                && !self.toks[k + 2].space_before
                && namelike(&self.toks[k + 2])
                && LEX.names.longest(&self.toks, k, lim).is_none()
                && LEX.names.longest(&self.toks, k + 2, lim).is_none()
            {
                let e = k + 3;
                let w = self.span_text(k, e).to_owned();
                let a = self.actor(&format!("org:{w}"), &w, ActorKind::Organization);
                self.alias(a, &w);
                return Some((e, Some((a, false))));
            }
            let next = self.toks.get(k + 1).filter(|_| k + 1 < lim);
            let kind_noun = next.is_some_and(|t| {
                !t.is_cap()
                    && (ORG_KIND_NOUNS.contains(&t.lower.as_str())
                        || NAMED_BODY_NOUNS.contains(&t.lower.as_str()))
            });
            let speaks = k + 1 < lim && LEX.cues.longest(&self.toks, k + 1, lim).is_some();
            if kind_noun || speaks {
                let w = tk.norm.clone();
                let a = self.actor(&format!("org:{w}"), &w, ActorKind::Organization);
                self.alias(a, &w);
                let e = if kind_noun { k + 2 } else { k + 1 };
                let full = self.span_text(k, e);
                self.alias(a, full);
                return Some((e, Some((a, false))));
            }
        }
        if t_namelike && !(t_fw && (sent_start || k == np_start)) && !self.title_case(k) {
            let e = self.namerun(k, lim);
            if e > k {
                let surface = self.span_text(k, e);
                let last = &self.toks[e - 1].norm;
                if is_org_head(last)
                    || (e < lim && is_org_head(&self.toks[e].norm) && self.toks[e].is_cap())
                {
                    let mut e2 = e;
                    while e2 < lim && self.toks[e2].is_cap() && is_org_head(&self.toks[e2].norm) {
                        e2 += 1;
                    }
                    let s = self.span_text(k, e2);
                    // A head word alone ("the Sea of Azov") names no organisation.
                    if e2 - k < 2 {
                        return Some((e2, None));
                    }
                    let a = if is_geo_head(&self.toks[e2 - 1].norm) {
                        self.actor(&format!("place:{s}"), s, ActorKind::Place)
                    } else {
                        self.actor(&format!("org:{s}"), s, ActorKind::Organization)
                    };
                    return Some((e2, Some((a, false))));
                }
                // A place word last after a first name is a surname ("Marty
                // West", "Oliver North"); first or inside, it makes a place.
                let placey = self.toks[k..e - 1].iter().any(|t| is_place_word(&t.norm))
                    || (e == k + 1 && is_place_word(&self.toks[k].norm))
                    || self.toks.get(e).is_some_and(|t| is_geo_noun(&t.norm));
                if placey {
                    self.places.push((k, e, surface.to_owned()));
                    return Some((e, None));
                }
                // "The White Helmets, a rescue group ...": a name of several
                // words is an organisation when its appositive says so.
                if e - k >= 2 && !t_cue && self.org_appositive(e, lim) {
                    let a = self.actor(&format!("org:{surface}"), surface, ActorKind::Organization);
                    self.alias(a, surface);
                    return Some((e, Some((a, false))));
                }
                // "Foreign Affairs Ministers": an office in the plural is no
                // one's name.
                let last_lower = self.toks[e - 1].lower.as_str();
                if e - k >= 2
                    && last_lower.len() > 3
                    && last_lower.ends_with('s')
                    && LEX
                        .titles
                        .contains_first(&last_lower[..last_lower.len() - 1])
                {
                    return Some((e, None));
                }
                if e - k >= 2 && !(sent_start && k == i && self.toks[k].lower == "the") {
                    // A headline or caption set in capitals ("Russia Is
                    // Invading", "Will Putin Blink") has verbs in its run
                    // and is no one's name.
                    // "Will" and "May" are first names too: they are the
                    // modal only before a listed person ("Will Putin").
                    let modal_first = e - k >= 2
                        && matches!(self.toks[k].lower.as_str(), "will" | "may" | "can")
                        && LEX.surnames.contains_key(self.toks[k + 1].norm.as_str());
                    // "..., Said Ellis": the verb, then the speaker's name.
                    let said_first = matches!(self.toks[k].lower.as_str(), "said" | "says")
                        && (k + 1..e).all(|j| !headline_word(&self.toks[j]));
                    if said_first {
                        let name = self.span_text(k + 1, e);
                        let a = if e - k == 2 {
                            match self.person_by_surname(name) {
                                Some(a) => a,
                                None => self.person_actor(name),
                            }
                        } else {
                            self.person_actor(name)
                        };
                        return Some((e, Some((a, false))));
                    }
                    // "Interestingly Roe", "Given Roe's record": the name
                    // starts after the sentence word.
                    if self.glued_opener(k, e) {
                        return Some((k + 1, None));
                    }
                    if modal_first || (k..e).any(|j| headline_word(&self.toks[j])) {
                        return Some((e, None));
                    }
                    // "House Speaker Paul Ryan", "McCARTHY President Biden": a
                    // title inside the run; the name is what follows it.
                    // A title word last ("Larry King") is part of the name.
                    if let Some(j) = (k + 1..e).rev().find_map(|j| {
                        LEX.titles
                            .longest(&self.toks, j, e)
                            .filter(|(n, _)| j + n < e && namelike(&self.toks[j + n]))
                            .map(|(n, _)| j + n)
                    }) {
                        let name = self.span_text(j, e);
                        let a = if e - j == 1 {
                            match self.person_by_surname(name) {
                                Some(a) => a,
                                None => self.person_actor(name),
                            }
                        } else {
                            self.person_actor(name)
                        };
                        let whole = self.span_text(k, e);
                        self.alias(a, whole);
                        return Some((e, Some((a, false))));
                    }
                    let a = self.person_actor(surface);
                    if matches!(
                        self.toks.get(e).map(|t| t.lower.as_str()),
                        Some("administration")
                    ) {
                        return Some((e + 1, Some(self.administration_of(a, surface))));
                    }
                    return Some((e, Some((a, false))));
                }
                // A single capitalised word: a known surname, or a speaker by context.
                let w = surface;
                if let Some(a) = self.person_by_surname(w) {
                    self.alias(a, w);
                    if matches!(
                        self.toks.get(e).map(|t| t.lower.as_str()),
                        Some("administration")
                    ) {
                        return Some((e + 1, Some(self.administration_of(a, w))));
                    }
                    return Some((e, Some((a, false))));
                }
                // "the CGT union", "the Acme company": a name and the kind it is.
                if !t_fw && !t_cue && e < lim {
                    let head = self.toks[e].lower.as_str();
                    if self.toks[e].kind == TokKind::Word
                        && !self.toks[e].is_cap()
                        && (ORG_KIND_NOUNS.contains(&head) || NAMED_BODY_NOUNS.contains(&head))
                    {
                        let a = self.actor(&format!("org:{w}"), w, ActorKind::Organization);
                        self.alias(a, w);
                        let full = self.span_text(k, e + 1);
                        self.alias(a, full);
                        return Some((e + 1, Some((a, false))));
                    }
                }
                // "the monitoring group OVD-Info", "the rights group Memorial":
                // the kind of body named before the name.
                let kind_before = i == k && k >= 2 && {
                    let h = &self.toks[k - 1];
                    h.kind == TokKind::Word
                        && !h.is_cap()
                        && (ORG_KIND_NOUNS.contains(&h.lower.as_str())
                            || NAMED_BODY_NOUNS.contains(&h.lower.as_str()))
                        && (k.saturating_sub(5)..k - 1)
                            .any(|j| matches!(self.toks[j].lower.as_str(), "the" | "a" | "an"))
                };
                // "Acme, the defense think tank, said": the appositive says what it is.
                if !t_fw && !t_cue && (kind_before || self.org_appositive(e, lim)) {
                    let a = self.actor(&format!("org:{w}"), w, ActorKind::Organization);
                    self.alias(a, w);
                    return Some((e, Some((a, false))));
                }
                let next_cue = e < lim && LEX.cues.longest(&self.toks, e, lim).is_some();
                // '"...," said Peskov.' names the speaker; in "said Kherson
                // was occupied" the name opens what was said.
                let prev_cue = i > 0
                    && matches!(
                        self.toks[i - 1].lower.as_str(),
                        "said" | "says" | "told" | "added"
                    )
                    && self
                        .toks
                        .get(e)
                        .is_none_or(|t| t.kind != TokKind::Word && t.kind != TokKind::Number);
                // "Ruto, who met diplomats, said": "who" follows a person.
                let who_next =
                    e + 1 < lim && self.toks[e].norm == "," && self.toks[e + 1].lower == "who";
                // A title alone ("Chairman said") or a pronoun ("Nobody
                // said") names no person: the speaker is unnamed.
                let generic = LEX
                    .titles
                    .longest(&self.toks, k, e)
                    .is_some_and(|(n, _)| n == e - k)
                    || NOT_NAMES.contains(&self.toks[k].lower.as_str());
                if (next_cue || prev_cue || who_next) && !t_fw && !t_cue && generic {
                    let name = self.toks[k].lower.to_string();
                    let name = name.split('\'').next().unwrap_or(&name).to_owned();
                    let a = self.actor(&format!("anon:{name}"), &name, ActorKind::Anonymous);
                    return Some((e, Some((a, false))));
                }
                if (next_cue || prev_cue || who_next)
                    && !t_fw
                    && !t_cue
                    && !headline_word(&self.toks[k])
                {
                    let a = self.person_actor(w);
                    return Some((e, Some((a, false))));
                }
                return Some((e, None));
            }
        }
        // Groups: separatists, rebels...
        if let Some((a, e)) = self.group_at(np_start, lim) {
            return Some((e, Some((a, false))));
        }
        None
    }

    /// Whether tokens from `e` are an appositive naming a kind of organisation:
    /// ", the defense think tank," or ", a consulting firm,". A name of unknown
    /// kind followed by one is that organisation.
    fn org_appositive(&self, e: usize, lim: usize) -> bool {
        let comma = self.toks.get(e).is_some_and(|t| t.norm == ",");
        let det = self
            .toks
            .get(e + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "the" | "a" | "an"));
        if !(comma && det) {
            return false;
        }
        let mut k = e + 2;
        while k < lim && k < e + 9 {
            if self.toks[k].norm == "," {
                return k > e + 2 && ORG_KIND_NOUNS.contains(&self.toks[k - 1].lower.as_str());
            }
            if self.toks[k].kind != TokKind::Word {
                return false;
            }
            // "The White Helmets, a rescue group operating in ...": the head
            // noun before what qualifies it.
            if k > e + 2 && ORG_KIND_NOUNS.contains(&self.toks[k - 1].lower.as_str()) {
                let l = self.toks[k].lower.as_str();
                if (l.ends_with("ing") && l.len() > 5)
                    || matches!(
                        l,
                        "based" | "founded" | "led" | "backed" | "funded" | "that" | "which"
                    )
                {
                    return true;
                }
            }
            k += 1;
        }
        false
    }

    /// Whether the sentence holding token `k` is a headline in title case,
    /// where capitals say nothing about names.
    fn title_case(&mut self, k: usize) -> bool {
        let si = self.sent_of[k];
        if let Some(Some(v)) = self.title_case_of.get(si) {
            return *v;
        }
        let v = self.title_case_uncached(si);
        if self.title_case_of.len() <= si {
            self.title_case_of.resize(si + 1, None);
        }
        self.title_case_of[si] = Some(v);
        v
    }

    fn title_case_uncached(&self, si: usize) -> bool {
        let s = &self.sents[si];
        let fw = |l: &str| {
            matches!(
                l,
                "for"
                    | "with"
                    | "to"
                    | "on"
                    | "in"
                    | "of"
                    | "and"
                    | "the"
                    | "from"
                    | "at"
                    | "as"
                    | "after"
                    | "over"
                    | "amid"
                    | "a"
                    | "by"
            )
        };
        let (mut cap, mut low) = (0, 0);
        for t in &self.toks[s.t0 + 1..s.t1] {
            if t.kind == TokKind::Word && fw(&t.lower) {
                if t.is_cap() {
                    cap += 1;
                } else {
                    low += 1;
                }
            }
        }
        cap >= 1 && low == 0
    }

    fn administration_of(&mut self, person: usize, surface: &str) -> (usize, bool) {
        let s = format!("{surface} administration");
        let a = match self.actors[person].country {
            Some(ci) => self.country_actor(ci),
            None => match self.actors[person].part_of {
                Some(p) => p,
                None => self.actor(&format!("org:{s}"), &s, ActorKind::Government),
            },
        };
        self.alias(a, &s);
        (a, false)
    }

    fn group_at(&mut self, j: usize, lim: usize) -> Option<(usize, usize)> {
        // Up to two modifier tokens ("Kremlin-backed", "pro-Russian") before the head.
        for k in j..(j + 6).min(lim) {
            let l: &str = &self.toks[k].lower;
            if !GROUP_HEADS.contains(&l) {
                if self.toks[k].is_cap() || GROUP_MODIFIERS.contains(&l) {
                    continue;
                }
                return None;
            }
            let head = l.to_owned();
            if head == "separatist"
                && !matches!(
                    self.toks.get(k + 1).map(|t| t.lower.as_str()),
                    Some("militias" | "forces" | "fighters" | "rebels" | "insurgency" | "movement")
                )
            {
                return None;
            }
            let head = match head.as_str() {
                "separatist" | "insurgency" => "separatists".to_owned(),
                "militia" => "militias".to_owned(),
                "protestors" | "demonstrators" => "protesters".to_owned(),
                _ => head,
            };
            // "the main opposition coalition": the kind of body after the
            // head belongs to the mention.
            let mut k = k;
            if head == "opposition"
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| k + 1 < lim && NAMED_BODY_NOUNS.contains(&t.lower.as_str()))
            {
                k += 1;
            }
            // "Kremlin-backed separatists": the backer is its own mention, but the
            // alias keeps the whole phrase.
            let mut from = j;
            if j >= 2 && self.toks[j - 1].norm == "-" && !self.toks[j - 1].space_before {
                from = self
                    .mentions
                    .last()
                    .filter(|m| m.t1 == j - 1)
                    .map_or(j - 2, |m| m.t0);
            }
            let surface = self.span_text(from, k + 1);
            let a = self.actor(&format!("group:{head}"), &head, ActorKind::Group);
            self.actors[a].plural = true;
            self.alias(a, surface);
            let no_det = surface
                .trim_start_matches("the ")
                .trim_start_matches("The ")
                .to_owned();
            self.alias(a, &no_det);
            return Some((a, k + 1));
        }
        None
    }

    /// After an entity (or nothing, `base == usize::MAX`): a title with a
    /// name, a title alone, or an anonymous head noun.
    #[allow(clippy::too_many_arguments)]
    fn after_base(
        &mut self,
        np_start: usize,
        k0: usize,
        lim: usize,
        base: usize,
        det: Option<&str>,
        mods: &[&str],
    ) -> Option<(usize, Option<(usize, bool)>)> {
        let has_base = base != usize::MAX;
        let mut k = k0;
        let mut extra_mods: Vec<String> = Vec::new();
        while k < lim && is_anon_mod(&self.toks[k].lower) && !self.toks[k].is_cap() && k - k0 < 3 {
            extra_mods.push(self.toks[k].lower.to_string());
            k += 1;
        }
        // Titles, possibly stacked ("spokesman Admiral John Kirby").
        let mut role = None;
        let mut kt = k;
        while kt < lim {
            if let Some((n, r)) = LEX.titles.longest(&self.toks, kt, lim) {
                role = Some(r.clone());
                kt += n;
                // "Mr." after a title or alone.
            } else if matches!(self.toks[kt].lower.as_str(), "mr" | "mrs" | "ms" | "dr") {
                kt += 1;
                if kt < lim && self.toks[kt].norm == "." {
                    kt += 1;
                }
                role.get_or_insert_with(String::new);
            } else {
                break;
            }
        }
        if let Some(role) = role.clone() {
            if kt < lim && namelike(&self.toks[kt]) && !is_function_word(&self.toks[kt].lower) {
                let e = self.namerun(kt, lim);
                if e > kt {
                    let name = self.span_text(kt, e);
                    let a = if e - kt == 1 {
                        match self.person_by_surname(name) {
                            Some(a) => a,
                            None => self.person_actor(name),
                        }
                    } else {
                        self.person_actor(name)
                    };
                    let titled = self.span_text(
                        if det.is_some() {
                            np_start
                        } else {
                            np_start.min(k0)
                        },
                        e,
                    );
                    let titled = titled
                        .trim_start_matches("the ")
                        .trim_start_matches("The ")
                        .to_owned();
                    self.alias(a, &titled);
                    if !role.is_empty() {
                        self.actors[a].role.get_or_insert(role);
                    }
                    if has_base {
                        if self.actors[a].part_of.is_none() {
                            self.actors[a].part_of = Some(base);
                        }
                        if self.actors[a].country.is_none() {
                            self.actors[a].country = self.actors[base].country;
                        }
                    }
                    return Some((e, Some((a, false))));
                }
            }
            // A title alone: "the president" refers back; "a spokesperson" is anonymous.
            if role.is_empty() {
                return None;
            }
            if !has_base && det == Some("the") && mods.is_empty() && extra_mods.is_empty() {
                if let Some(a) = self.last_with_role(&role) {
                    return Some((kt, Some((a, false))));
                }
                // "the head", "the chief": the last office holder met.
                if matches!(
                    role.as_str(),
                    "head" | "chief" | "leader" | "secretary-general"
                ) {
                    if let Some(a) = self.last_with_any_role() {
                        return Some((kt, Some((a, false))));
                    }
                }
            }
            let is_spoke = matches!(
                role.as_str(),
                "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "analyst"
                    | "lawmaker"
                    | "head"
                    | "chief"
            );
            // "The prime minister said", with no prime minister named
            // before: an unnamed office holder. "the general public" is no
            // general.
            // "Dmitry Trenin, the director of ...": an appositive describes
            // the person before it.
            let appositive = np_start >= 2
                && self.toks[np_start - 2].norm == ","
                && (kt >= lim || matches!(self.toks[kt].norm.as_str(), "of" | "," | "at" | "for"));
            let definite_office = det == Some("the")
                && !appositive
                && !matches!(role.as_str(), "general" | "representative" | "admiral");
            // "Martin Griffiths, the U.N. relief chief, told ...": the office
            // is the person just named, not someone else.
            if appositive {
                let named = self
                    .mentions
                    .iter()
                    .rev()
                    .find(|m| m.t1 + 2 <= np_start)
                    .filter(|m| {
                        m.t1 + 2 == np_start && self.actors[m.actor].kind == ActorKind::Person
                    })
                    .map(|m| m.actor);
                if let Some(a) = named {
                    self.actors[a].role.get_or_insert(role);
                    return Some((kt, Some((a, false))));
                }
            }
            if has_base || det.is_some() && is_spoke || definite_office {
                return Some((
                    kt,
                    Some((self.anonymous(np_start, kt, base, &role, false, det), false)),
                ));
            }
            return None;
        }
        // Anonymous head nouns: officials, sources, analysts...
        // "Union Resolve", "Team Europe": a capitalised head before another
        // capitalised word is part of a name.
        let in_name = self.toks.get(k).is_some_and(|t| t.is_cap())
            && self
                .toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokKind::Word && t.is_cap());
        if k < lim && !in_name {
            if let Some((sing, plural)) = LEX.anon.get(self.toks[k].lower.as_str()).cloned() {
                // "people" and "members" and "leaders" only as sources with a modifier.
                let weak = matches!(
                    sing.as_str(),
                    "person"
                        | "member"
                        | "leader"
                        | "ally"
                        | "resident"
                        | "witness"
                        | "critic"
                        | "group"
                        | "agency"
                        | "worker"
                        | "team"
                        | "office"
                        | "coalition"
                        | "campaign"
                        | "family"
                        | "operator"
                        | "company"
                        | "firm"
                        | "party"
                );
                if weak && !has_base && mods.is_empty() && extra_mods.is_empty() {
                    let says = self.toks.get(k + 1).is_some_and(|t| {
                        matches!(
                            t.lower.as_str(),
                            "said" | "say" | "says" | "told" | "reported"
                        )
                    });
                    if sing == "person"
                        && self.toks.get(k + 1).is_some_and(|t| t.lower == "familiar")
                    {
                        // "people familiar with the matter"
                    } else if says
                        && matches!(sing.as_str(), "resident" | "witness" | "critic" | "worker")
                    {
                        // "..., residents said": unnamed but speaking.
                    } else {
                        return None;
                    }
                }
                let mut e = k + 1;
                // "people familiar with the matter", "two diplomats familiar
                // with the talks": the description belongs to the source.
                if self.toks.get(e).is_some_and(|t| t.lower == "familiar")
                    && self.toks.get(e + 1).is_some_and(|t| t.lower == "with")
                {
                    e += 2;
                    let stop = (e + 4).min(lim);
                    while e < stop
                        && self.toks[e].kind == TokKind::Word
                        && !LEX.cues.contains_first(&self.toks[e].lower)
                        && !matches!(self.toks[e].lower.as_str(), "who" | "that" | "and")
                    {
                        e += 1;
                    }
                }
                if !has_base && det == Some("the") && mods.is_empty() && extra_mods.is_empty() {
                    if let Some(a) = self.last_anon(&sing, plural) {
                        return Some((e, Some((a, false))));
                    }
                }
                let a = self.anonymous(np_start, e, base, &sing, plural, det);
                return Some((e, Some((a, false))));
            }
            // "U.S. intelligence" (no head noun): the intelligence body of the country.
        }
        None
    }

    fn last_with_role(&self, role: &str) -> Option<usize> {
        let mut best = None;
        for m in self.mentions.iter().rev() {
            let a = &self.actors[m.actor];
            if a.kind == ActorKind::Person && a.role.as_deref() == Some(role) {
                best = Some(m.actor);
                break;
            }
        }
        best
    }

    /// Whether token `k` is still free (not part of an earlier mention).
    fn mention_at_built(&self, k: usize) -> bool {
        !self
            .mentions
            .iter()
            .rev()
            .take(3)
            .any(|m| (m.t0..m.t1).contains(&k))
    }

    fn last_with_any_role(&self) -> Option<usize> {
        self.mentions.iter().rev().map(|m| m.actor).find(|&a| {
            self.actors[a].kind == ActorKind::Person
                && self.actors[a]
                    .role
                    .as_deref()
                    .is_some_and(|r| !r.is_empty())
        })
    }

    fn last_anon(&self, head: &str, plural: bool) -> Option<usize> {
        for m in self.mentions.iter().rev() {
            let a = &self.actors[m.actor];
            if a.kind == ActorKind::Anonymous
                && a.role.as_deref() == Some(head)
                && a.plural == plural
            {
                return Some(m.actor);
            }
        }
        None
    }

    fn anonymous(
        &mut self,
        t0: usize,
        t1: usize,
        base: usize,
        head: &str,
        plural: bool,
        det: Option<&str>,
    ) -> usize {
        // The name keeps its modifiers: "unnamed administration official".
        let mut t0 = t0;
        while t0 > 0
            && is_anon_mod(&self.toks[t0 - 1].lower)
            && self.toks[t0 - 1].kind == TokKind::Word
            && self.mention_at_built(t0 - 1)
        {
            t0 -= 1;
        }
        let mut surface = self.span_text(t0, t1);
        if let Some(d) = det {
            // Drop a leading determiner from the name.
            let dl = d.len();
            if surface.len() > dl
                && surface[..dl].eq_ignore_ascii_case(d)
                && surface.as_bytes()[dl] == b' '
            {
                surface = &surface[dl + 1..];
            }
        }
        let key_words: Vec<String> = surface
            .to_lowercase()
            .split_whitespace()
            .filter(|w| !matches!(*w, "unnamed" | "anonymous" | "the" | "a" | "an"))
            .map(str::to_owned)
            .collect();
        let key = format!("anon:{}", key_words.join(" "));
        let a = self.actor(&key, surface, ActorKind::Anonymous);
        self.alias(a, surface);
        let plain = key_words.join(" ");
        // Keep the original casing of the plain form where it is a suffix of the surface.
        if let Some(pos) = surface.to_lowercase().find(&plain) {
            let s = surface[pos..].to_owned();
            self.alias(a, &s);
        }
        self.actors[a].role = Some(head.to_owned());
        self.actors[a].plural = plural;
        if base != usize::MAX {
            self.actors[a].part_of.get_or_insert(base);
            self.actors[a].country = self.actors[base].country;
        }
        a
    }
}

/// Kinds of body that follow their own name in running text ("the CGT
/// union", "the Likud party"), besides [`ORG_KIND_NOUNS`].
const NAMED_BODY_NOUNS: &[&str] = &[
    "union",
    "unions",
    "party",
    "movement",
    "coalition",
    "alliance",
    "militia",
    "faction",
    "bloc",
    "federation",
    "confederation",
];

/// Head nouns of an appositive that make the name before it an organisation.
const ORG_KIND_NOUNS: &[&str] = &[
    "tank",
    "firm",
    "company",
    "consultancy",
    "institute",
    "organization",
    "organisation",
    "group",
    "agency",
    "watchdog",
    "monitor",
    "publication",
    "newspaper",
    "broadcaster",
    "outlet",
    "nonprofit",
    "charity",
    "university",
];

/// Abbreviated titles whose period may stand inside a run of name words.
const ABBREVIATED_TITLES: &[&str] = &["gov", "sen", "rep", "gen", "col", "lt", "adm", "amb"];

/// Capitalised words that are not names: pronouns and the like, which a
/// reporting verb after them would otherwise make a speaker.
const NOT_NAMES: &[&str] = &[
    "i",
    "i've",
    "i'll",
    "i'm",
    "i'd",
    "you",
    "we",
    "they",
    "he",
    "she",
    "it",
    "nobody",
    "everybody",
    "everyone",
    "someone",
    "somebody",
    "anyone",
    "none",
    "one",
    "many",
    "some",
    "others",
    "both",
    "all",
    "most",
    "few",
    "having",
    "being",
];

/// A word that puts a capitalised run in a headline rather than a name: an
/// auxiliary, modal or common verb set in title case ("Is", "Will",
/// "Give"), or a word in capitals with lower-case letters mixed in
/// ("McCARTHY": caption and byline style).
fn headline_word(t: &super::text::Token) -> bool {
    const VERBS: &[&str] = &[
        "is", "are", "was", "were", "be", "been", "am", "would", "could", "should", "shall",
        "must", "may", "might", "won't", "can't", "isn't", "doesn't", "don't", "does", "did", "do",
        "has", "have", "had", "having", "give", "gives", "get", "gets", "put", "puts", "make",
        "makes", "take", "takes", "wants", "want", "says", "said", "slams", "blasts", "vows",
        "urges", "warns", "calls", "reveals", "admits",
    ];
    if t.kind != TokKind::Word {
        return false;
    }
    let upper = t.norm.chars().filter(|c| c.is_uppercase()).count();
    let lower = t.norm.chars().filter(|c| c.is_lowercase()).count();
    VERBS.contains(&t.lower.as_str()) || (upper > 3 && lower > 0)
}

/// Roman numerals that follow a ruler's or pope's name.
fn is_regnal(w: &str) -> bool {
    matches!(
        w,
        "II" | "III"
            | "IV"
            | "V"
            | "VI"
            | "VII"
            | "VIII"
            | "IX"
            | "X"
            | "XI"
            | "XII"
            | "XIII"
            | "XIV"
            | "XV"
            | "XVI"
    )
}

/// Lowercase nouns after a name that make it a place: "the High Atlas
/// mountains", "the Donbas region".
fn is_geo_noun(w: &str) -> bool {
    matches!(
        w,
        "mountains"
            | "mountain"
            | "range"
            | "region"
            | "province"
            | "district"
            | "valley"
            | "river"
            | "sea"
            | "desert"
            | "peninsula"
            | "island"
            | "islands"
            | "basin"
            | "coast"
            | "county"
            | "oblast"
            | "plateau"
            | "delta"
            | "strait"
            | "gulf"
            | "lake"
            | "plain"
            | "plains"
    )
}

fn is_place_word(w: &str) -> bool {
    matches!(
        w,
        "Lake"
            | "Mount"
            | "Middle"
            | "East"
            | "West"
            | "North"
            | "South"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "Upper"
            | "Lower"
            | "San"
            | "Saint"
            | "St"
            | "Port"
            | "Fort"
            | "Cape"
            | "Cold"
            | "Black"
            | "Red"
            | "Baltic"
            | "Caspian"
            | "Mediterranean"
            | "Arctic"
            | "Atlantic"
            | "Pacific"
            | "Soviet"
            | "Great"
            | "Holy"
            | "Nord"
            | "Old"
            | "New"
            | "Greater"
            | "Day"
            | "Christmas"
            | "Easter"
            | "Olympic"
            | "World"
            | "Second"
            | "First"
            | "Covid"
            | "COVID"
            | "Brexit"
            | "Sunday"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Republic"
            | "Republics"
    )
}

/// A cheap test that a token may begin an actor noun phrase; most verbs and
/// common nouns fail it, which spares the full parse.
fn could_start_np(t: &super::text::Token) -> bool {
    let l = t.lower.as_str();
    // Cheapest tests first: a literal match compiles to a length switch,
    // while the lexicon tests hash the word.
    t.is_cap()
        || matches!(
            l,
            "pro"
                | "separatists"
                | "separatist"
                | "rebels"
                | "militants"
                | "insurgents"
                | "militias"
                | "militia"
                | "militiamen"
                | "volunteers"
                | "mercenaries"
                | "guerrillas"
                | "insurgency"
                | "opposition"
                | "protesters"
                | "protestors"
                | "demonstrators"
                | "backed"
                | "local"
                | "eastern"
                | "ethnic"
                | "armed"
                | "he"
                | "she"
                | "it"
                | "they"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
        )
        || DETS.contains(&l)
        || is_anon_mod(l)
        || LEX.titles.contains_first(l)
        || LEX.agencies.contains_first(l)
        || LEX.anon.contains_key(l)
        || LEX.names.contains_first(&t.norm)
}

#[cfg(test)]
mod tests {
    use super::body_head;
    use crate::extract::lexicon::LEX;

    #[test]
    fn a_body_keeps_its_head_after_the_country() {
        let ukraine = LEX.countries.iter().find(|c| c.name == "Ukraine").unwrap();
        assert_eq!(
            body_head("Ukraine's Defense Ministry", ukraine),
            Some("Defense Ministry")
        );
        assert_eq!(
            body_head("the Ukrainian Defense Ministry", ukraine),
            Some("Defense Ministry")
        );
        assert_eq!(
            body_head("Ukraine\u{2019}s defense ministry", ukraine),
            Some("defense ministry")
        );
        assert_eq!(body_head("Ukrainian", ukraine), None);
    }

    #[test]
    fn names_of_rulers_and_places_are_not_people() {
        use crate::model::ActorKind;
        let a = actors_of(
            "King Mohammed VI visited the High Atlas mountains. Russia said Kherson was calm.",
            None,
        );
        assert!(
            a.contains(&("Mohammed VI".into(), ActorKind::Person)),
            "{a:?}"
        );
        assert!(
            !a.iter()
                .any(|(n, k)| *k == ActorKind::Person && (n.contains("Atlas") || n == "Kherson")),
            "{a:?}"
        );
        // A speaker after the cue is still one.
        let a = actors_of("\"We are ready,\" said Varga.", None);
        assert!(a.contains(&("Varga".into(), ActorKind::Person)), "{a:?}");
    }

    fn actors_of(text: &str, publisher: Option<&str>) -> Vec<(String, crate::model::ActorKind)> {
        let b = crate::extract::extract(&crate::extract::Article {
            title: None,
            publisher: publisher.map(Into::into),
            url: None,
            published: chrono::NaiveDate::from_ymd_opt(2023, 5, 11).unwrap(),
            text: text.into(),
        });
        b.actors.into_iter().map(|a| (a.name, a.kind)).collect()
    }

    /// Headline and caption runs, titles alone and pronouns are no person.
    #[test]
    fn headline_debris_is_no_person() {
        let persons = |text: &str| -> Vec<String> {
            actors_of(text, None)
                .into_iter()
                .filter(|(_, k)| *k == crate::model::ActorKind::Person)
                .map(|(n, _)| n)
                .collect()
        };
        let p =
            persons("Will Putin Blink First As Talks Drag On\n\nThe talks went on, Varga said.");
        assert!(!p.iter().any(|n| n.contains("Will")), "{p:?}");
        let p = persons("Harbour Board Is Expanding The Quay\n\nThe quay grows, Almeida said.");
        assert!(!p.iter().any(|n| n.contains("Is ")), "{p:?}");
        let p = persons("Chairman said the quay would be finished in May.");
        assert!(p.is_empty(), "{p:?}");
        let p = persons("Port Director Helena Varga said the quay would be finished in May.");
        assert!(p.contains(&"Helena Varga".to_owned()), "{p:?}");
        assert!(!p.iter().any(|n| n.contains("Director")), "{p:?}");
        let p = persons("Shipping was calm, said Tomas Berg, who runs the yard.");
        assert!(p.contains(&"Tomas Berg".to_owned()), "{p:?}");
    }

    #[test]
    fn places_are_places_and_their_bodies_belong_to_them() {
        use crate::model::ActorKind::{Media, Organization, Place};
        let a = actors_of(
            "The Gaza health ministry said 25 people had been killed in Gaza.",
            None,
        );
        assert!(a.contains(&("Gaza Strip".into(), Place)), "{a:?}");
        assert!(
            a.contains(&("Gaza health ministry".into(), Organization)),
            "{a:?}"
        );
        // A small outlet in its own dateline is media, not a person.
        let a = actors_of(
            "CAIRO (Example Wire) - Egypt pushed for a truce.",
            Some("Example Wire"),
        );
        assert!(a.contains(&("Example Wire".into(), Media)), "{a:?}");
        // Whatever its name looks like.
        let a = actors_of(
            "GENEVA (Example Post) — Senior U.S. and Russian diplomats met on Monday.",
            Some("Example Post"),
        );
        assert!(a.contains(&("Example Post".into(), Media)), "{a:?}");
    }

    #[test]
    fn an_office_in_apposition_is_the_person_named() {
        let a = actors_of(
            "Martin Griffiths, the U.N. relief chief, told reporters that aid was late.",
            None,
        );
        assert!(
            a.contains(&("Martin Griffiths".into(), crate::model::ActorKind::Person)),
            "{a:?}"
        );
        assert!(
            !a.iter().any(|x| x.1 == crate::model::ActorKind::Anonymous),
            "{a:?}"
        );
    }

    #[test]
    fn a_name_before_its_kind_of_body_is_an_organisation() {
        use crate::model::ActorKind::{Government, Organization};
        let a = actors_of(
            "The CGT union called a strike. The Likud party won. FNSEA said farmers would join.",
            None,
        );
        for name in ["CGT", "Likud", "FNSEA"] {
            assert!(a.contains(&(name.into(), Organization)), "{name}: {a:?}");
        }
        // An acronym that neither speaks nor is named as a body stays unknown.
        let a = actors_of("The ZQX figures were late.", None);
        assert!(a.iter().all(|(n, _)| n != "ZQX"), "{a:?}");
        let a = actors_of("Police said 40 people were detained.", None);
        assert!(a.iter().any(|(_, k)| *k == Government), "{a:?}");
    }
}
