//! Unnamed sources and groups ("officials", "a senior aide", "analysts
//! polled"), and the earlier mentions a re-mention refers back to.

use super::*;

/// Nouns that head a mention of an armed group ("pro-Russian separatists").
pub(super) const GROUP_HEADS: &[&str] = &[
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
pub(super) const GROUP_MODIFIERS: &[&str] = &[
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

pub(super) const ANON_MODS: &[&str] = &[
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
pub(super) static ANON_MOD_SET: std::sync::LazyLock<
    std::collections::HashSet<&'static str, BuildFnv>,
> = std::sync::LazyLock::new(|| ANON_MODS.iter().copied().collect());

pub(super) fn is_anon_mod(w: &str) -> bool {
    ANON_MOD_SET.contains(w)
}

pub(super) const DETS: &[&str] = &[
    "a", "an", "the", "some", "other", "several", "many", "two", "three", "four", "five", "one",
];

impl<'a> Doc<'a> {
    pub(super) fn group_at(&mut self, j: usize, lim: usize) -> Option<(usize, usize)> {
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
    pub(super) fn after_base(
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

    pub(super) fn last_with_role(&self, role: &str) -> Option<usize> {
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
    pub(super) fn mention_at_built(&self, k: usize) -> bool {
        !self
            .mentions
            .iter()
            .rev()
            .take(3)
            .any(|m| (m.t0..m.t1).contains(&k))
    }

    pub(super) fn last_with_any_role(&self) -> Option<usize> {
        self.mentions.iter().rev().map(|m| m.actor).find(|&a| {
            self.actors[a].kind == ActorKind::Person
                && self.actors[a]
                    .role
                    .as_deref()
                    .is_some_and(|r| !r.is_empty())
        })
    }

    pub(super) fn last_anon(&self, head: &str, plural: bool) -> Option<usize> {
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

    pub(super) fn anonymous(
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
