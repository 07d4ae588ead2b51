//! Relations between actors: verbs and nouns between two named actors,
//! "X-backed Y", membership lists, accusations in claims, and acts and
//! meetings read from events.

use super::super::Doc;
use super::super::factuality;
use super::super::lexicon::{LEX, namelike};
use super::super::text::TokKind;
use super::{RelationRec, judging_word};
use crate::model::{self, ActorKind, EventStatus, Factuality};

impl Doc<'_> {
    /// Finds relations: verbs and nouns between two actors, "X-backed Y",
    /// "with X backing", membership lists, and accusations in claims.
    pub fn find_relations(&mut self) {
        for si in 0..self.sents.len() {
            let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
            for k in s0..s1 {
                if self.toks[k].kind != TokKind::Word {
                    continue;
                }
                let l = self.toks[k].lower.as_str();
                // "X-backed Y"
                if matches!(l, "backed" | "supported" | "sponsored" | "allied" | "led")
                    && k >= 2
                    && self.toks[k - 1].norm == "-"
                {
                    if let (Some(src), Some(tgt)) = (
                        self.mention_at(k - 2).map(|m| m.actor),
                        self.next_mention(k + 1, s1, 1),
                    ) {
                        let kind = if l == "led" { "leads" } else { "supports" };
                        self.push_rel(src, kind, tgt, si, k, "rel_x_backed_y");
                    }
                    continue;
                }
                // "with Russian backing"
                if matches!(l, "backing" | "support" | "help")
                    && k >= 2
                    && self.toks[k - 2].lower == "with"
                {
                    if let Some(m) = self.mention_at(k - 1) {
                        let src = m.actor;
                        if let Some(tgt) = self.prev_mention(k - 2, s0, 6) {
                            self.push_rel(src, "supports", tgt, si, k, "rel_with_x_backing");
                        }
                    }
                    continue;
                }
                // "fighting between X and Y", "talks between X and Y"
                if l == "between" && k > s0 {
                    let head = self.toks[k - 1].lower.as_str();
                    let kind = match head {
                        "fighting" | "war" | "conflict" | "clashes" | "hostilities" => {
                            Some("fights")
                        }
                        "talks" | "meeting" | "negotiations" | "summit" | "call" => Some("meets"),
                        _ => None,
                    };
                    if let Some(kind) = kind {
                        if let Some(x) = self.next_mention(k + 1, s1, 2) {
                            let after_x = (k + 1..s1).find(|&j| self.toks[j].lower == "and");
                            if let Some(y) = after_x.and_then(|j| self.next_mention(j + 1, s1, 3)) {
                                self.push_rel(x, kind, y, si, k, "rel_between_x_and_y");
                            }
                        }
                    }
                    continue;
                }
                // "threw its weight behind X", "stood behind X"
                if l == "behind"
                    && k > s0
                    && matches!(
                        self.toks[k - 1].lower.as_str(),
                        "weight" | "stand" | "stood" | "stands" | "firmly"
                    )
                {
                    if let (Some(src), Some(tgt)) =
                        (self.rel_source(k, s0), self.next_mention(k + 1, s1, 3))
                    {
                        self.push_rel(src, "supports", tgt, si, k, "rel_weight_behind");
                    }
                    continue;
                }
                // "allied Belarus": an ally of the clause subject.
                if l == "allied" && k + 1 < s1 {
                    if let Some(m) = self.mention_at(k + 1) {
                        let tgt = m.actor;
                        let subj = (s0..k).find_map(|j| {
                            self.mention_at(j)
                                .filter(|m| {
                                    !m.adjective && self.actors[m.actor].kind == ActorKind::Country
                                })
                                .map(|m| m.actor)
                        });
                        if let Some(src) = subj {
                            self.push_rel(src, "allied_with", tgt, si, k, "rel_allied_x");
                        }
                    }
                    continue;
                }
                let Some(kind) = LEX.relations.get(l).cloned() else {
                    continue;
                };
                if self.toks[k].is_cap() && k != s0 {
                    continue;
                }
                // "Ukraine was invaded by Russia": the one after "by" acts; a
                // passive without "by" names no one who did it.
                let passive = self.passive_at(k);
                if passive && self.toks.get(k + 1).is_none_or(|t| t.lower != "by") {
                    continue;
                }
                // "Assad, aided by Russia and opposed by the U.S.": a reduced
                // passive, whose subject suffers the act; the name before is
                // no source.
                if !passive && self.toks.get(k + 1).is_some_and(|t| t.lower == "by") {
                    continue;
                }
                // "companies accused of helping Iran": the one before is the
                // accused (a reduced passive), and no accuser is named.
                if kind == "accuses" && self.toks.get(k + 1).is_some_and(|t| t.lower == "of") {
                    continue;
                }
                // "Moldova condemned the annexation": the act judged is not
                // the judge's own, so its subject is no source.
                let mut d = k;
                while d > s0
                    && matches!(self.toks[d - 1].lower.as_str(), "the" | "a" | "an" | "this")
                {
                    d -= 1;
                }
                if d > s0 && judging_word(&self.toks[d - 1].lower) {
                    continue;
                }
                // Source: the subject to the left (adjectives count for nouns:
                // "Russian invasion"). In the passive the subject suffers the
                // act, and a place may suffer it: "Crimea was annexed by Russia".
                let src = if passive {
                    // No subject right before the auxiliaries ("after being
                    // warned by X that he ..."): the one who suffers it is
                    // not told, and the nearest name back is not it.
                    self.passive_subject(k, s0, &kind)
                } else {
                    self.rel_source(k, s0)
                        .or_else(|| self.shared_subject(k, s0))
                };
                let Some(src) = src else { continue };
                let Some(tgt) = self.rel_target(k, s1, &kind) else {
                    continue;
                };
                // "... attacks Ukraine, the official said, and is prepared to
                // provide Ukraine with aid": the nearest name back is the
                // object of the first verb; the subject is shared.
                let src = if src == tgt && !passive {
                    match self.shared_subject(k, s0) {
                        Some(s) if s != tgt => s,
                        _ => continue,
                    }
                } else {
                    src
                };
                if src == tgt {
                    continue;
                }
                let (src, tgt) = if passive { (tgt, src) } else { (src, tgt) };
                // "could invade", "plans to seize", "has never threatened":
                // the act with its factuality (see `push_rel`), never a plain fact.
                self.push_rel(src, &kind, tgt, si, k, "rel_verb_or_noun");
                // "The U.S. and the United Kingdom have been arming Ukraine": both.
                if let Some(m) = self
                    .mentions
                    .iter()
                    .find(|m| m.actor == src && m.t1 <= k && self.sent_of[m.t0] == si)
                    .cloned()
                {
                    let mut b = m.t0;
                    while b > s0 && matches!(self.toks[b - 1].lower.as_str(), "the") {
                        b -= 1;
                    }
                    if b >= s0 + 2 && self.toks[b - 1].lower == "and" {
                        if let Some(m2) = self.mention_at(b - 2).filter(|m2| !m2.adjective) {
                            let other = m2.actor;
                            if other != tgt && other != src {
                                self.push_rel(other, &kind, tgt, si, k, "rel_verb_or_noun");
                            }
                        }
                    }
                }
            }
            // "<org> members A, B and C", "A joined NATO"
            for k in s0..s1 {
                if self.toks[k].lower == "members" && k > s0 {
                    if let Some(m) = self.mention_at(k - 1) {
                        let org = m.actor;
                        if !matches!(self.actors[org].kind, ActorKind::Organization) {
                            continue;
                        }
                        let mut j = k + 1;
                        while j < s1 {
                            match self.mention_at(j) {
                                Some(mm) if mm.t0 == j => {
                                    let a = mm.actor;
                                    let e = mm.t1;
                                    if self.actors[a].kind == ActorKind::Country {
                                        self.push_rel(
                                            a,
                                            "member_of",
                                            org,
                                            si,
                                            k,
                                            "rel_members_list",
                                        );
                                    }
                                    j = e;
                                }
                                _ if matches!(self.toks[j].norm.as_str(), "," | "and") => j += 1,
                                _ => break,
                            }
                        }
                    }
                }
            }
        }
        // Accusations and warnings made in claims relate the claimant to who they are about.
        for ci in 0..self.claims.len() {
            let c = &self.claims[ci];
            let kind = match c.modality {
                model::Modality::Accusation => "accuses",
                model::Modality::Warning => "warns",
                model::Modality::Threat => "threatens",
                model::Modality::Demand => "demands",
                _ => continue,
            };
            let (src, si, cue) = (c.claimant, c.sent, c.cue_t);
            // Who is warned, accused or urged: the cue's object, named right
            // after it; a name inside the content is what is said, not
            // whom it is said to (see `cue_object`).
            let tgt = self
                .cue_object(cue, kind)
                .or_else(|| (kind == "demands").then(|| self.demanded_of(cue)).flatten());
            // "Netanyahu warned that Israel would respond": the speaker's own
            // country is not the one warned.
            let own = |t: usize| {
                self.actors[t].kind == ActorKind::Country
                    && self.actors[t].country.is_some()
                    && self.actors[t].country == self.actors[src].country
            };
            // "criticized Ford": the verb rule read it already.
            let start = self.sents[si].start;
            let read = |t: usize| {
                self.relations
                    .iter()
                    .any(|r| r.source == src && r.target == t && r.evidence.start == start)
            };
            if let Some(tgt) = tgt.filter(|&t| !read(t)) {
                if tgt != src && self.actors[tgt].kind != ActorKind::Media && !own(tgt) {
                    self.push_rel(src, kind, tgt, si, cue, "rel_claim_modality");
                }
            }
        }
        // Attacks, invasions and build-ups relate their agent to their target:
        // "threatens" while foreseen, the act itself once it happened.
        let mut acts = Vec::new();
        for e in &self.events {
            let verb = match e.kind.as_str() {
                "invasion" => "invades",
                "attack" => "attacks",
                "military_buildup" | "threat" => "threatens",
                "seizure" => "seized",
                "sanction" => "sanctions",
                _ => continue,
            };
            // The agent nearest before the trigger: "the US plans ... if
            // Russia attacks Ukraine".
            let agent = e.participants.iter().rfind(|p| p.1 == "agent").map(|p| p.0);
            let target = e
                .participants
                .iter()
                .find(|p| {
                    p.1 == "target"
                        && Some(p.0) != agent
                        && self.actors[p.0].kind != ActorKind::Anonymous
                })
                .map(|p| p.0);
            // "Russia would never attack Ukraine": a denied act is no
            // evidence of a threat either.
            if e.status == EventStatus::Denied {
                continue;
            }
            if let (Some(a), Some(t)) = (agent, target) {
                // A foreseen or conditional act stays that act, labelled
                // with the event's factuality, never a plain fact.
                acts.push((a, verb, t, e.sent, e.factuality));
            }
        }
        for (a, kind, t, si, f) in acts {
            let tk = self.sents[si].t0;
            // The verb pattern of the same sentence saw the syntax ("annexed
            // Ukraine's Crimean Peninsula"); the event only saw who stood near.
            let sent_start = self.sents[si].start;
            if self
                .relations
                .iter()
                .any(|r| r.source == a && r.kind == kind && r.evidence.start == sent_start)
            {
                continue;
            }
            self.push_rel_as(a, kind, t, si, tk, "rel_event_agent_target", f);
        }
        // Meetings and calls relate their participants.
        let mut meets = Vec::new();
        for e in &self.events {
            if matches!(e.kind.as_str(), "meeting" | "call" | "summit" | "talks")
                && e.status != EventStatus::Denied
            {
                let ps: Vec<usize> = e
                    .participants
                    .iter()
                    .map(|p| p.0)
                    .filter(|&a| {
                        matches!(
                            self.actors[a].kind,
                            ActorKind::Person | ActorKind::Country | ActorKind::Organization
                        )
                    })
                    .collect();
                // Only a subject and its partner after "with": parties
                // gathered from around the sentence may never have met.
                if let Some((x, y)) = e.trigger.and_then(|t| self.meeting_pair(t, &ps)) {
                    meets.push((x, y, e.sent, e.time.clone(), e.factuality));
                }
            }
        }
        for (x, y, si, time, factuality) in meets {
            let start = self.sents[si].start;
            if self.relations.iter().any(|r| {
                r.kind == "meets" && r.evidence.start == start && (r.source, r.target) == (x, y)
            }) {
                continue;
            }
            let ev = self.evidence_sent(si, "rel_meeting_participants");
            self.relations.push(RelationRec {
                source: x,
                kind: "meets".into(),
                target: y,
                time,
                factuality,
                evidence: ev,
            });
        }
    }

    fn next_mention(&self, k: usize, lim: usize, max: usize) -> Option<usize> {
        let mut j = k;
        let mut skipped = 0;
        while j < lim && skipped <= max {
            if let Some(m) = self.mention_at(j) {
                // "the Russian-backed separatists": the backer is a modifier here.
                let compound = m.adjective || self.toks.get(m.t1).is_some_and(|t| t.norm == "-");
                if !(compound && self.toks.get(m.t1).is_some_and(|t| t.norm == "-")) {
                    return Some(m.actor);
                }
                j = m.t1;
                continue;
            }
            if self.toks[j].kind == TokKind::Quote
                || matches!(self.toks[j].norm.as_str(), "," | ";" | ".")
            {
                return None;
            }
            j += 1;
            skipped += 1;
        }
        None
    }

    fn prev_mention(&self, k: usize, s0: usize, max: usize) -> Option<usize> {
        let mut j = k;
        let mut n = 0;
        while j > s0 && n < max {
            j -= 1;
            n += 1;
            if let Some(m) = self.mention_at(j) {
                if !m.adjective {
                    return Some(m.actor);
                }
            }
        }
        None
    }

    /// The subject a verb at `k` shares with its clause when it has none of
    /// its own: a participle after "while", "after" or a comma ("Kuleba
    /// thanked the US, while accusing Russia of ..."), or a verb joined by
    /// "and" ("officials denied that claim and instead accused Russia"). It
    /// is the first name of the sentence that no preposition governs.
    fn shared_subject(&self, k: usize, s0: usize) -> Option<usize> {
        let mut j = k;
        while j > s0
            && matches!(
                self.toks[j - 1].lower.as_str(),
                "instead"
                    | "also"
                    | "then"
                    | "later"
                    | "repeatedly"
                    | "again"
                    | "openly"
                    // "... and is prepared to provide Ukraine with aid"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "to"
                    | "prepared"
                    | "ready"
                    | "willing"
            )
        {
            j -= 1;
        }
        if j == s0 || self.quoted(k) {
            return None;
        }
        let before = self.toks[j - 1].lower.as_str();
        let participle = self.toks[k].lower.ends_with("ing")
            && matches!(before, "while" | "after" | "before" | "when" | "," | "by");
        let joined = before == "and" && !self.toks[k].lower.ends_with("ing");
        if !participle && !joined {
            return None;
        }
        self.mentions
            .iter()
            .filter(|m| m.t0 >= s0 && m.t1 <= j && !m.adjective && !self.quoted(m.t0))
            .find(|m| {
                let mut p = m.t0;
                if p > s0 && self.toks[p - 1].lower == "the" {
                    p -= 1;
                }
                p == s0
                    || !matches!(
                        self.toks[p - 1].lower.as_str(),
                        "in" | "at"
                            | "on"
                            | "alongside"
                            | "with"
                            | "from"
                            | "to"
                            | "of"
                            | "by"
                            | "for"
                            | "near"
                            | "against"
                            | "after"
                            | "before"
                            | "during"
                            | "into"
                            | "about"
                            | "over"
                            | "between"
                            | "and"
                    )
            })
            .filter(|m| {
                !matches!(
                    self.actors[m.actor].kind,
                    ActorKind::Media | ActorKind::Place
                )
            })
            .map(|m| m.actor)
    }

    /// Whether a mention at `t0` stands where a clause subject stands: at the
    /// start of the sentence or after a comma, conjunction or subordinator.
    fn starts_clause(&self, t0: usize, s0: usize) -> bool {
        t0 <= s0
            || matches!(
                self.toks[t0 - 1].lower.as_str(),
                "," | "and"
                    | "but"
                    | "if"
                    | "when"
                    | "as"
                    | "that"
                    | "while"
                    | "after"
                    | "before"
                    | "because"
                    | "unless"
                    | "once"
                    | "since"
                    | "the"
            )
    }

    /// Whether the name starting at `t0` follows a locative preposition,
    /// possibly across a coordination: "in China and the UAE".
    fn located(&self, t0: usize, s0: usize) -> bool {
        let mut b = t0;
        loop {
            while b > s0 && self.toks[b - 1].lower == "the" {
                b -= 1;
            }
            if b <= s0 {
                return false;
            }
            let w = self.toks[b - 1].lower.as_str();
            if matches!(w, "in" | "inside" | "near" | "across" | "throughout") {
                return true;
            }
            if matches!(w, "and" | "or" | ",") && b >= s0 + 2 {
                if let Some(m) = self.mention_at(b - 2) {
                    if m.t0 < b - 1 {
                        b = m.t0;
                        continue;
                    }
                }
            }
            return false;
        }
    }

    fn rel_source(&self, k: usize, s0: usize) -> Option<usize> {
        let mut j = k;
        let mut n = 0;
        let mut crossed_with = false;
        while j > s0 && n < 8 {
            j -= 1;
            n += 1;
            let tk = &self.toks[j];
            if tk.kind == TokKind::Quote || matches!(tk.norm.as_str(), ";" | ":" | ".") {
                return None;
            }
            if let Some(m) = self.mention_at(j) {
                let a = &self.actors[m.actor];
                if matches!(a.kind, ActorKind::Media | ActorKind::Place) {
                    return None;
                }
                // "companies in China and the UAE accused of helping Iran":
                // where the subject is, not who acts.
                if a.kind == ActorKind::Country && !m.adjective && self.located(m.t0, s0) {
                    return None;
                }
                // Across "with": "if Russia advances with an invasion" (a
                // subject) but "provide Ukraine with support" (an object).
                if crossed_with && !self.starts_clause(m.t0, s0) {
                    return None;
                }
                return Some(m.actor);
            }
            if matches!(tk.lower.as_str(), "with" | "without" | "against" | "from") {
                crossed_with = true;
            }
            if tk.norm == "," {
                // An appositive: "Romania, a NATO member, has backed ...".
                let prev_comma = (j.saturating_sub(8).max(s0)..j)
                    .rev()
                    .find(|&q| self.toks[q].norm == ",");
                if let Some(q) = prev_comma {
                    if matches!(self.toks[q + 1].lower.as_str(), "a" | "an" | "the") {
                        j = q;
                        continue;
                    }
                }
                if let Some(m) = j.checked_sub(1).and_then(|p| self.mention_at(p)) {
                    if m.t1 == j && !m.adjective {
                        return Some(m.actor);
                    }
                }
                return None;
            }
            if matches!(
                tk.lower.as_str(),
                "that" | "which" | "who" | "but" | "while" | "because"
            ) {
                return None;
            }
        }
        None
    }

    fn rel_target(&mut self, k: usize, s1: usize, kind: &str) -> Option<usize> {
        let mut j = k + 1;
        let mut n = 0;
        while j < s1 && n < 9 {
            let tk = &self.toks[j];
            if tk.kind == TokKind::Quote
                || matches!(tk.norm.as_str(), ";" | ":" | "." | "—" | "–" | "--")
            {
                return None;
            }
            // A new clause begins: "warned Ukraine and allies that Russia ...";
            // but a demand's clause names who is to act ("demands that NATO").
            if matches!(
                tk.lower.as_str(),
                "which" | "who" | "whether" | "if" | "because" | "while" | "unless"
            ) || (tk.lower == "that" && kind != "demands")
            {
                return None;
            }
            if tk.norm == "," {
                // An appositive: "support to another former republic, Belarus".
                match self.mention_at(j + 1) {
                    Some(m) if m.t0 == j + 1 && !m.adjective => {}
                    _ => return None,
                }
                j += 1;
                n += 1;
                continue;
            }
            if let Some(m) = self.mention_at(j) {
                let (a, e) = (m.actor, m.t1);
                // "met at the White House": a venue, not the one met.
                let mut p = m.t0;
                if p > 0 && self.toks[p - 1].lower == "the" {
                    p -= 1;
                }
                if kind == "meets"
                    && p > 0
                    && matches!(self.toks[p - 1].lower.as_str(), "at" | "in" | "near")
                {
                    return None;
                }
                // "Kremlin-backed separatists": the group, not its backer.
                if self.toks.get(e).is_some_and(|t| t.norm == "-")
                    && self.toks.get(e + 1).is_some_and(|t| {
                        matches!(
                            t.lower.as_str(),
                            "backed" | "supported" | "led" | "sponsored" | "controlled" | "allied"
                        )
                    })
                {
                    j = e + 2;
                    n += 1;
                    continue;
                }
                // "Ukraine's Crimean Peninsula": the place owned, not the owner.
                // The mention may or may not take the "'s" in.
                let owned_at = if self.toks.get(e).is_some_and(|t| t.norm == "'s") {
                    Some(e + 1)
                } else if e > 0 && self.toks[e - 1].norm == "'s" {
                    Some(e)
                } else {
                    None
                };
                if let Some(o) = owned_at {
                    if let Some(owned) = self.mention_at(o).filter(|m| m.t0 == o && !m.adjective) {
                        let owned = owned.actor;
                        if matches!(
                            self.actors[owned].kind,
                            ActorKind::Organization | ActorKind::Place
                        ) {
                            return Some(owned);
                        }
                    }
                    if let Some(p) = self.place_actor(o, s1) {
                        return Some(p);
                    }
                }
                if matches!(self.actors[a].kind, ActorKind::Media) {
                    return None;
                }
                return Some(a);
            }
            if matches!(kind, "seized" | "occupies" | "invades" | "attacks")
                && namelike(tk)
                && self.tx_at[j].is_none()
            {
                return self.place_actor(j, s1);
            }
            j += 1;
            n += 1;
        }
        None
    }

    /// The subject of the passive verb at `k`, standing right before its
    /// auxiliaries: a named actor, or for acts on territory ("Kherson was
    /// captured by ...") a name that is not yet an actor, taken as a place.
    fn passive_subject(&mut self, k: usize, s0: usize, kind: &str) -> Option<usize> {
        let mut e = k;
        while e > s0
            && matches!(
                self.toks[e - 1].lower.as_str(),
                "was"
                    | "were"
                    | "is"
                    | "are"
                    | "been"
                    | "being"
                    | "be"
                    | "has"
                    | "have"
                    | "had"
                    | "got"
                    | "get"
                    | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "can"
                    | "reportedly"
                    | "allegedly"
                    | "also"
                    | "later"
                    | "then"
                    | "briefly"
                    | "not"
                    | "never"
                    | "already"
                    | "effectively"
                    | "formally"
                    | "illegally"
            )
        {
            e -= 1;
        }
        if e == k || e == s0 {
            return None;
        }
        if let Some(m) = self.mention_at(e - 1) {
            let (a, adjective) = (m.actor, m.adjective);
            if adjective || self.actors[a].kind == ActorKind::Media {
                return None;
            }
            return Some(a);
        }
        if !matches!(kind, "seized" | "occupies" | "invades" | "attacks") {
            return None;
        }
        let mut b = e;
        while b > s0
            && namelike(&self.toks[b - 1])
            && self.tx_at[b - 1].is_none()
            && self.mention_at(b - 1).is_none()
        {
            b -= 1;
        }
        // A capitalised pronoun or determiner opening the sentence ("It was
        // seized", "This was attacked") names nothing.
        if b == e
            || e - b == 1
                && matches!(
                    self.toks[b].lower.as_str(),
                    "it" | "this"
                        | "that"
                        | "these"
                        | "those"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "which"
                        | "what"
                        | "everything"
                        | "nothing"
                        | "one"
                        | "some"
                        | "many"
                        | "most"
                        | "all"
                        | "none"
                )
        {
            return None;
        }
        self.place_actor(b, e)
    }

    fn place_actor(&mut self, j: usize, s1: usize) -> Option<usize> {
        let mut e = j;
        while e < s1
            && namelike(&self.toks[e])
            && self.tx_at[e].is_none()
            && self.mention_at(e).is_none()
        {
            e += 1;
        }
        if e == j {
            return None;
        }
        let name = self.span(j, e).to_owned();
        let a = self.actor(&format!("place:{name}"), &name, ActorKind::Place);
        let (b0, b1) = (self.toks[j].start, self.toks[e - 1].end);
        if !self.actors[a].mentions.contains(&(b0, b1)) {
            self.actors[a].mentions.push((b0, b1));
        }
        Some(a)
    }

    /// Adds a relation read at token `t`, with the factuality of the clause
    /// that governs `t`.
    fn push_rel(&mut self, src: usize, kind: &str, tgt: usize, si: usize, t: usize, rule: &str) {
        let mut f = factuality::at(self, t, self.sents[si].t0);
        // "has not publicly accused": the negation an adverb hid.
        if f == Factuality::Asserted && t < self.toks.len() && self.negated_verb(t) {
            f = Factuality::Negated;
        }
        self.push_rel_as(src, kind, tgt, si, t, rule, f);
    }

    /// Adds a relation with a factuality known already (an event's).
    #[allow(clippy::too_many_arguments)]
    fn push_rel_as(
        &mut self,
        src: usize,
        kind: &str,
        tgt: usize,
        si: usize,
        t: usize,
        rule: &str,
        factuality: Factuality,
    ) {
        if !self.relation_frame(src, kind, tgt, t, rule) {
            return;
        }
        if self.within(src, tgt)
            || self.within(tgt, src)
            || self.relations.iter().any(|r| {
                r.source == src && r.target == tgt && r.kind == kind && r.factuality == factuality
            })
        {
            return;
        }
        let s = &self.sents[si];
        let time = self.best_time(s.t0, s.t1, t);
        let evidence = self.evidence_sent(si, rule);
        self.relations.push(RelationRec {
            source: src,
            kind: kind.to_owned(),
            target: tgt,
            time,
            factuality,
            evidence,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use crate::extract::extract_text;

    #[test]
    fn a_possessed_place_is_the_target_not_its_owner() {
        // The gazetteer's canonical name of the peninsula is "Crimea".
        let rels = relations("Russia annexed Ukraine's Crimean Peninsula in 2014.");
        assert!(
            rels.contains(&("Russia".into(), "seized".into(), "Crimea".into())),
            "{rels:?}"
        );
        assert!(!rels.iter().any(|r| r.2 == "Ukraine"), "{rels:?}");
    }

    #[test]
    fn a_place_suffering_a_passive_act_is_its_target() {
        let rels = relations("In 2014 Crimea was annexed by Russia.");
        assert!(
            rels.contains(&("Russia".into(), "seized".into(), "Crimea".into())),
            "{rels:?}"
        );
        // A name the gazetteer does not know is taken as a place.
        let rels = relations("Zorvik was captured by Chilean forces on Monday.");
        assert!(
            rels.contains(&("Chile".into(), "seized".into(), "Zorvik".into())),
            "{rels:?}"
        );
        let rels = relations("It was occupied by Chilean troops in May.");
        assert!(rels.is_empty(), "{rels:?}");
    }

    #[test]
    fn the_act_one_condemns_is_not_ones_own() {
        let rels = relations(
            "Peru condemned the annexation and said it would seek help from the United Nations.",
        );
        assert!(!rels.iter().any(|r| r.1 == "seized"), "{rels:?}");
    }

    #[test]
    fn the_accused_in_a_reduced_passive_accuses_no_one() {
        let rels = relations(
            "Peru sanctioned firms in Chile and Bolivia accused of smuggling copper, officials said.",
        );
        assert!(!rels.iter().any(|r| r.1 == "accuses"), "{rels:?}");
        // Where the firms are is not who acts.
        let rels = relations("Peru sanctioned firms in Chile and Bolivia for helping Venezuela.");
        assert!(!rels.iter().any(|r| r.2 == "Venezuela"), "{rels:?}");
    }

    #[test]
    fn a_participle_or_joined_verb_shares_the_subject() {
        let rels = relations(
            "Speaking in Lima on Monday, Peru's foreign minister praised Chile, while accusing Bolivia of stoking unrest.",
        );
        assert!(
            rels.iter()
                .any(|r| r.1 == "accuses" && r.2 == "Bolivia" && r.0.contains("Peru")),
            "{rels:?}"
        );
        let rels = relations(
            "Chilean officials rejected that report and instead accused Bolivia of moving troops.",
        );
        assert!(
            rels.iter()
                .any(|r| r.1 == "accuses" && r.2 == "Bolivia" && r.0.contains("Chile")),
            "{rels:?}"
        );
    }

    #[test]
    fn a_condition_is_no_act_and_an_aside_hides_no_subject() {
        let rels = relations(
            "Brazil will send troops if Peru attacks Chile, the official said, and is prepared to provide Chile with aid.",
        );
        assert!(!rels.iter().any(|r| r.1 == "attacks"), "{rels:?}");
        let all = all_relations(
            "Brazil will send troops if Peru attacks Chile, the official said, and is prepared to provide Chile with aid.",
        );
        assert!(
            all.contains(&(
                "Peru".into(),
                "attacks".into(),
                "Chile".into(),
                crate::model::Factuality::Hypothetical
            )),
            "{all:?}"
        );
        assert!(
            rels.contains(&("Brazil".into(), "supports".into(), "Chile".into())),
            "{rels:?}"
        );
    }

    #[test]
    fn a_verb_joined_after_an_aside_shares_the_subject() {
        let rels = relations(
            "Brazil has sent envoys to Lima, an official said, and is prepared to provide Peru with more aid.",
        );
        assert!(
            rels.contains(&("Brazil".into(), "supports".into(), "Peru".into())),
            "{rels:?}"
        );
    }

    #[test]
    fn a_venue_is_not_met() {
        let rels = relations("Biden and Scholz met at the White House on Monday.");
        assert_eq!(
            rels,
            [("Joe Biden".into(), "meets".into(), "Olaf Scholz".into())]
        );
    }

    #[test]
    fn a_speaker_does_not_warn_his_own_country() {
        let rels =
            relations("President Vladimir Putin warned that Russia would respond with force.");
        assert!(!rels.iter().any(|r| r.1 == "warns"), "{rels:?}");
    }

    #[test]
    fn a_possible_act_is_foreseen_and_a_denied_one_negated() {
        use crate::model::Factuality;
        let all = all_relations("Russia could invade Ukraine as early as January.");
        assert!(
            all.contains(&(
                "Russia".into(),
                "invades".into(),
                "Ukraine".into(),
                Factuality::Predicted
            )),
            "{all:?}"
        );
        assert!(
            !all.iter().any(|r| r.1 == "invades" && r.3.is_asserted()),
            "{all:?}"
        );
        let all = all_relations("Russia has never threatened Ukraine, the Kremlin said.");
        assert!(
            all.iter()
                .filter(|r| r.1 == "threatens")
                .all(|r| r.3 == Factuality::Negated),
            "{all:?}"
        );
        assert!(relations("Russia has never threatened Ukraine, the Kremlin said.").is_empty());
    }

    #[test]
    fn a_recipient_is_not_the_source_and_a_part_not_its_whole_s_opponent() {
        let rels = relations(
            "NATO would not be able to provide Ukraine with military support against Russian forces.",
        );
        assert!(
            !rels.iter().any(|r| r.0 == "Ukraine" && r.1 == "supports"),
            "{rels:?}"
        );
        // Who would act on whom, as a condition: not a plain fact.
        let rels = all_relations(
            "The sanctions would follow if Russia advances with a further invasion of Ukraine.",
        );
        assert!(
            rels.iter().any(|r| r.0 == "Russia"
                && r.2 == "Ukraine"
                && r.3 == crate::model::Factuality::Hypothetical),
            "{rels:?}"
        );
        let rels = relations(
            "If President Vladimir Putin is preparing to attack, the Russian build up appears near.",
        );
        assert!(!rels.iter().any(|r| r.2 == "Russia"), "{rels:?}");
    }

    #[test]
    fn a_target_in_another_clause_is_none() {
        let rels = relations(
            "Joe Biden warned Vladimir Putin that an invasion would result in serious consequences, such as US military reinforcements on NATO's eastern flank.",
        );
        assert!(!rels.iter().any(|r| r.2 == "US military"), "{rels:?}");
    }

    #[test]
    fn backed_group_and_seizure() {
        let b = extract_text(
            "Ukraine is fighting Kremlin-backed separatists. Russia seized Crimea.",
            (2021, 12, 4),
        );
        let name = |id: &str| b.actors.iter().find(|a| a.id == id).unwrap().name.clone();
        let rels: Vec<(String, String, String)> = b
            .relations
            .iter()
            .map(|r| (name(&r.source), r.kind.clone(), name(&r.target)))
            .collect();
        assert!(
            rels.contains(&("Ukraine".into(), "fights".into(), "separatists".into())),
            "{rels:?}"
        );
        assert!(
            rels.iter()
                .any(|r| r.1 == "supports" && r.2 == "separatists"),
            "{rels:?}"
        );
        assert!(
            rels.contains(&("Russia".into(), "seized".into(), "Crimea".into())),
            "{rels:?}"
        );
    }
}
