//! Name runs: where a capitalised name starts and ends, what kind of actor
//! it names (person, organisation, place, body), and what is debris.

use super::*;

/// Kinds of body that follow their own name in running text ("the CGT
/// union", "the Likud party"), besides [`ORG_KIND_NOUNS`].
pub(super) const NAMED_BODY_NOUNS: &[&str] = &[
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
pub(super) const ORG_KIND_NOUNS: &[&str] = &[
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
pub(super) const ABBREVIATED_TITLES: &[&str] =
    &["gov", "sen", "rep", "gen", "col", "lt", "adm", "amb"];

/// Capitalised words that are not names: pronouns and the like, which a
/// reporting verb after them would otherwise make a speaker.
pub(super) const NOT_NAMES: &[&str] = &[
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
pub(super) fn headline_word(t: &crate::extract::text::Token) -> bool {
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
pub(super) fn is_regnal(w: &str) -> bool {
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
pub(super) fn is_geo_noun(w: &str) -> bool {
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

pub(super) fn is_place_word(w: &str) -> bool {
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
pub(super) fn could_start_np(t: &crate::extract::text::Token) -> bool {
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

impl<'a> Doc<'a> {
    /// The end of the run of capitalised name words from `j`.
    pub(super) fn namerun(&self, j: usize, lim: usize) -> usize {
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
    pub(super) fn parse_np(
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
    pub(super) fn org_appositive(&self, e: usize, lim: usize) -> bool {
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
    pub(super) fn title_case(&mut self, k: usize) -> bool {
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

    pub(super) fn title_case_uncached(&self, si: usize) -> bool {
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
}
