//! Actors: gazetteer names, metonyms, office titles, unknown names found by
//! capitalisation, anonymous sources, and in-document coreference.

use super::Doc;
use super::lexicon::{LEX, Name, is_function_word, is_geo_head, is_org_head, namelike};
use super::text::TokKind;
use crate::model::ActorKind;

mod names;
use names::*;
mod unnamed;
use unnamed::*;

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

type BuildFnv = std::hash::BuildHasherDefault<super::lexicon::Fnv>;

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
    pub(in crate::extract) fn person_actor(&mut self, name: &str) -> usize {
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
}

#[cfg(test)]
mod tests;
