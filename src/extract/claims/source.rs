//! Who speaks: the subject of a reporting cue on its left or right, pronoun
//! speakers, polled and described sources.

use super::*;

impl Doc<'_> {
    pub(super) fn is_pronoun(&self, t: usize) -> Option<&'static str> {
        Some(match self.toks.get(t)?.lower.as_str() {
            "he" => "he",
            "she" => "she",
            "it" => "it",
            "they" => "they",
            _ => return None,
        })
    }

    /// The actor a speaker pronoun at token `t` refers to: the last speaker
    /// or subject of the right kind outside quotations.
    pub(super) fn resolve_pronoun(&self, p: &str, t: usize) -> Option<usize> {
        let want = |ai: usize| {
            let a = &self.actors[ai];
            match p {
                // A person the article calls by the other pronoun is not meant.
                "he" | "she" => {
                    (a.kind == ActorKind::Person && self.pronoun_fits(ai, p, t))
                        || (a.kind == ActorKind::Anonymous && !a.plural)
                }
                "it" => matches!(
                    a.kind,
                    ActorKind::Media
                        | ActorKind::Organization
                        | ActorKind::Government
                        | ActorKind::Country
                ),
                _ => {
                    a.plural
                        || matches!(
                            a.kind,
                            ActorKind::Country | ActorKind::Government | ActorKind::Organization
                        )
                }
            }
        };
        // The latest claimant before t.
        let last_claim = self
            .claims
            .iter()
            .rev()
            .find(|c| c.cue_t < t && want(c.claimant))
            .map(|c| (c.cue_t, c.claimant));
        // The latest subject-position mention before t.
        let mut last_subj = None;
        let si = self.sent_of[t];
        for m in self.mentions.iter().rev() {
            if m.t0 >= t || m.adjective || self.quoted(m.t0) {
                continue;
            }
            if self.sent_of[m.t0] + 3 < si {
                break;
            }
            if !want(m.actor) {
                continue;
            }
            if self.subject_position(m.t0) {
                last_subj = Some((m.t0, m.actor));
                break;
            }
        }
        // "he"/"she" with nobody of that kind near: the last person named
        // anywhere before.
        let last_subj = last_subj.or_else(|| {
            if !matches!(p, "he" | "she") || last_claim.is_some() {
                return None;
            }
            self.mentions
                .iter()
                .rev()
                .filter(|m| m.t0 < t && !m.adjective && !self.quoted(m.t0))
                .find(|m| {
                    self.actors[m.actor].kind == ActorKind::Person
                        && self.pronoun_fits(m.actor, p, t)
                })
                .map(|m| (m.t0, m.actor))
        });
        match (last_claim, last_subj) {
            // "it" mostly continues the last speaker ("The ministry said ... It
            // added"), unless a subject of its own sentence comes between
            // ("While the alliance is divided ..., it still insists").
            (Some(c), Some(s)) => Some(if s.0 > c.0 && (p != "it" || self.sent_of[s.0] == si) {
                s.1
            } else {
                c.1
            }),
            (Some(c), None) => Some(c.1),
            (None, Some(s)) => Some(s.1),
            (None, None) => None,
        }
    }

    /// A mention at `t0` is in subject position when nothing but adverbials
    /// precede it in its clause.
    pub(super) fn subject_position(&self, t0: usize) -> bool {
        let si = self.sent_of[t0];
        let s0 = self.sents[si].t0;
        let mut k = t0;
        while k > s0 {
            k -= 1;
            let tk = &self.toks[k];
            if tk.kind == TokKind::Quote || matches!(tk.norm.as_str(), "," | ";" | ":" | "--") {
                return true;
            }
            if self.tx_at[k].is_some()
                || matches!(
                    tk.lower.as_str(),
                    "on" | "in"
                        | "at"
                        | "the"
                        | "a"
                        | "an"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "and"
                        | "but"
                        | "while"
                        | "when"
                        | "as"
                        | "then"
                )
            {
                continue;
            }
            if self.mention_at(k).is_some() {
                continue;
            }
            // "Union leader Sophie Martin", "Popular TV host Ivan Petrov": one
            // or two words describing the title that opens the subject.
            if k + 1 == t0 && k <= s0 + 1 && self.opens_with_title(t0) {
                return (s0..=k).all(|j| {
                    self.toks[j].kind == TokKind::Word
                        && self.mention_at(j).is_none()
                        && !LEX.cues.contains_first(&self.toks[j].lower)
                });
            }
            return false;
        }
        true
    }

    /// When token `to` is the "to" of "continued to", "went on to": the
    /// position of the aspect verb.
    pub(in crate::extract) fn aspect_before(&self, to: usize, s0: usize) -> Option<usize> {
        if self.toks[to].lower != "to" || to <= s0 {
            return None;
        }
        let mut q = to - 1;
        if self.toks[q].lower == "on" && q > s0 {
            q -= 1;
        }
        ASPECT_TO
            .contains(&self.toks[q].lower.as_str())
            .then_some(q)
    }

    /// Whether the mention at `t0` starts with an office title ("leader
    /// Sophie Martin").
    pub(super) fn opens_with_title(&self, t0: usize) -> bool {
        let s1 = self.sents[self.sent_of[t0]].t1;
        LEX.titles.longest(&self.toks, t0, s1).is_some()
    }

    /// Actor(s) ending right before token `v` (skipping adverbs, times and
    /// appositives): the subject of a cue.
    pub(super) fn left_source(&self, v: usize, s0: usize) -> Option<(Src, usize)> {
        let mut k = v;
        let mut guard = 0;
        while k > s0 && guard < 30 {
            guard += 1;
            let p = k - 1;
            let tk = &self.toks[p];
            if self.tx_at[p].is_some()
                || SKIP_LEFT.contains(&tk.lower.as_str())
                || REPORT_NOUNS.contains(&tk.lower.as_str())
            {
                // A comma closes an appositive: "Kirby, a spokesman, said".
                if tk.norm == "," {
                    // "Ruto, who met Western diplomats, said": the name
                    // before the comma belongs to a relative clause.
                    let relative = (p.saturating_sub(24).max(s0)..p).rev().find(|&q| {
                        self.toks[q].norm == ","
                            && matches!(self.toks[q + 1].lower.as_str(), "who" | "which")
                    });
                    if let Some(q) = relative {
                        k = q;
                        continue;
                    }
                    if let Some(m) = self.mention_at(p.saturating_sub(1)) {
                        if p > 0 && m.t1 == p {
                            k = p;
                            continue;
                        }
                    }
                    // Skip back over "a/the <role> ..." to the previous comma.
                    let mut q = p;
                    let mut found = None;
                    while q > s0 && p - q < 12 {
                        q -= 1;
                        if self.toks[q].norm == "," {
                            found = Some(q);
                            break;
                        }
                        if self.toks[q].kind == TokKind::Quote {
                            break;
                        }
                    }
                    match found {
                        Some(q)
                            if matches!(
                                self.toks[q + 1].lower.as_str(),
                                "a" | "an"
                                    | "the"
                                    | "who"
                                    | "which"
                                    | "however"
                                    | "though"
                                    | "meanwhile"
                                    | "too"
                                    | "also"
                                    | "in"
                                    | "for"
                                    | "then"
                            ) =>
                        {
                            k = q;
                            continue;
                        }
                        _ => return self.clause_subject(v, s0),
                    }
                }
                k = p;
                continue;
            }
            if tk.kind == TokKind::Quote {
                return None;
            }
            // "Sen. Jane Roe (D-Ore.) said": skip the brackets.
            if tk.norm == ")" {
                if let Some(o) = (p.saturating_sub(10).max(s0)..p)
                    .rev()
                    .find(|&j| self.toks[j].norm == "(")
                {
                    k = o;
                    continue;
                }
            }
            // "has continued to deny", "went on to say": the aspect verb
            // stands between the speaker and the cue.
            if let Some(q) = self.aspect_before(p, s0) {
                k = q;
                continue;
            }
            if let Some(pr) = self.is_pronoun(p) {
                let a = self.resolve_pronoun(pr, p)?;
                return Some((Src::Actors([Some(a), None, None]), p));
            }
            // "His office said", "their spokesman said": the people or body
            // of the one the pronoun stands for speak for it.
            if p > s0 && self.mention_at(p).is_none() && LEX.anon.contains_key(tk.lower.as_str()) {
                let pr = match self.toks[p - 1].lower.as_str() {
                    "his" => Some("he"),
                    "her" => Some("she"),
                    "its" => Some("it"),
                    "their" => Some("they"),
                    _ => None,
                };
                if let Some(a) = pr.and_then(|pr| self.resolve_pronoun(pr, p - 1)) {
                    return Some((Src::Actors([Some(a), None, None]), p - 1));
                }
            }
            let Some(m) = self.mention_at(p) else {
                return self.clause_subject(v, s0);
            };
            if m.adjective && !matches!(self.actors[m.actor].kind, ActorKind::Anonymous) {
                return self.clause_subject(v, s0);
            }
            // "Laurent Berger, head of the CFDT union, warned": the body inside
            // an appositive is not the speaker.
            let mut b = m.t0;
            if b > s0 && self.toks[b - 1].lower == "the" {
                b -= 1;
            }
            if b > s0 && matches!(self.toks[b - 1].lower.as_str(), "of" | "for") {
                // "a spokesman for the European Commission said": the
                // spokesman speaks for the body.
                if b > s0 + 1 {
                    if let Some(h) = self.mention_at(b - 2) {
                        if matches!(
                            self.actors[h.actor].kind,
                            ActorKind::Anonymous | ActorKind::Person
                        ) {
                            return Some((Src::Actors([Some(h.actor), None, None]), h.t0));
                        }
                    }
                }
                if self.toks[b - 1].lower == "of" {
                    return self.clause_subject(v, s0);
                }
            }
            let mut list = [Some(m.actor), None, None];
            let mut start = m.t0;
            // Coordinated subjects: "Washington and Kyiv say".
            let mut n = 1;
            while n < 3 && start >= 2 && self.toks[start - 1].lower == "and" {
                match self.mention_at(start - 2) {
                    Some(m2) if !m2.adjective && m2.t1 == start - 1 => {
                        if !list.contains(&Some(m2.actor)) {
                            list[n] = Some(m2.actor);
                            n += 1;
                        }
                        start = m2.t0;
                    }
                    _ => break,
                }
            }
            return Some((Src::Actors(list), start));
        }
        None
    }

    /// "analysts polled by Reuters", "economists surveyed by the bank": the
    /// actor asked, when the mention starting at `t` is the asker. The flag
    /// says whether the asker is an outlet, which then relays the claim.
    pub(super) fn polled_by(&self, t: usize, s0: usize) -> Option<(usize, bool)> {
        if t < s0 + 3 || self.toks[t - 1].lower != "by" {
            return None;
        }
        if !matches!(
            self.toks[t - 2].lower.as_str(),
            "polled" | "surveyed" | "interviewed" | "contacted" | "consulted" | "asked"
        ) {
            return None;
        }
        let asked = self.mention_at(t - 3).filter(|m| m.t1 == t - 2)?;
        let asker = self.mention_at(t)?;
        Some((
            asked.actor,
            self.actors[asker.actor].kind == ActorKind::Media,
        ))
    }

    /// The subject of the clause a cue at `v` sits in: the first actor in
    /// subject position after the last clause break, within a few words.
    pub(super) fn clause_subject(&self, v: usize, s0: usize) -> Option<(Src, usize)> {
        let mut cs = v;
        while cs > s0 {
            let tk = &self.toks[cs - 1];
            if tk.kind == TokKind::Quote
                || matches!(tk.norm.as_str(), ";" | ":" | "--")
                || matches!(tk.lower.as_str(), "which" | "who" | "because")
                // "..., while the union said": a new clause with its own
                // subject; "while demanding" keeps the subject before it.
                || matches!(tk.lower.as_str(), "while" | "whereas" | "although" | "but")
                    && !self.toks[cs].lower.ends_with("ing")
            {
                break;
            }
            cs -= 1;
        }
        if v - cs > 16 {
            return None;
        }
        for k in cs..v {
            if let Some(m) = self.mention_at(k) {
                if m.t0 == k && !m.adjective && self.subject_position(k) {
                    return Some((Src::Actors([Some(m.actor), None, None]), k));
                }
            }
            if let Some(pr) = self.is_pronoun(k) {
                if self.subject_position(k) {
                    let a = self.resolve_pronoun(pr, k)?;
                    return Some((Src::Actors([Some(a), None, None]), k));
                }
            }
        }
        None
    }

    pub(super) fn right_source(&self, k: usize, s1: usize) -> Option<(usize, usize)> {
        let mut k = k;
        while k < s1
            && (self.tx_at[k].is_some() || matches!(self.toks[k].lower.as_str(), "on" | "by"))
        {
            k += 1;
        }
        if k >= s1 {
            return None;
        }
        if let Some(p) = self.is_pronoun(k) {
            // '"...," said he.' ends there; "..., said he would respect it"
            // goes on: the pronoun opens the content.
            let ends = self
                .toks
                .get(k + 1)
                .is_none_or(|t| k + 1 >= s1 || matches!(t.norm.as_str(), "," | "." | "\"" | ";"));
            if !ends {
                return None;
            }
            return self.resolve_pronoun(p, k).map(|a| (a, k + 1));
        }
        // An unknown abbreviation before a titled name ("WH Principal Deputy ... Jon Finer").
        let mut j = k;
        while j < s1
            && j < k + 2
            && self.mention_at(j).is_none()
            && self.toks[j].norm.chars().all(|c| c.is_uppercase())
        {
            j += 1;
        }
        let m = self.mention_at(j)?;
        if m.t0 != j || m.adjective {
            return None;
        }
        // "told CNN that ...": a recipient, not a speaker. "..., said the
        // army would stay": the subject of the content, not a speaker.
        if self.toks.get(m.t1).is_some_and(|t| {
            t.lower == "that"
                || t.norm == ":"
                || t.kind == TokKind::Quote
                || matches!(
                    t.lower.as_str(),
                    "would"
                        | "will"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "had"
                        | "has"
                        | "have"
                        | "did"
                        | "does"
                        | "do"
                )
        }) {
            return None;
        }
        Some(self.titled_name_after(m.t1, s1).unwrap_or((m.actor, m.t1)))
    }

    /// '"...," said Northfield University economist Dana Roe': the name
    /// that follows a known employer and a description in lower case is the
    /// speaker, the employer only says where the speaker works. The name
    /// must end the clause.
    fn titled_name_after(&self, t: usize, s1: usize) -> Option<(usize, usize)> {
        let mut j = t;
        while j < s1
            && j < t + 3
            && self.toks[j].kind == TokKind::Word
            && !self.toks[j].is_cap()
            && !matches!(
                self.toks[j].lower.as_str(),
                "and" | "or" | "that" | "which" | "who" | "whose" | "as" | "in" | "of" | "to"
            )
        {
            j += 1;
        }
        // The description ends in a noun for someone who speaks
        // ("economist", "professor"), not "for" or a verb.
        let head = self.toks[j.saturating_sub(1)].lower.as_str();
        if j == t
            || !(crate::extract::speakers::is_speaker_noun(head) || LEX.titles.contains_first(head))
        {
            return None;
        }
        let m = self.mention_at(j)?;
        let ends = m.t1 >= s1
            || self.toks.get(m.t1).is_some_and(|x| {
                matches!(x.norm.as_str(), "," | "." | ";" | "(") || x.kind == TokKind::Quote
            });
        (m.t0 == j && !m.adjective && ends).then_some((m.actor, m.t1))
    }

    /// A cue in a coordinated predicate: "... and (in turn, also) accused".
    pub(super) fn after_and(&self, v: usize, s0: usize) -> bool {
        let mut k = v;
        while k > s0 {
            k -= 1;
            match self.toks[k].lower.as_str() {
                "and" | "but" => return true,
                "in" | "turn" | "also" | "then" | "later" | "," | "has" | "have" | "had"
                | "repeatedly" | "instead" | "subsequently" | "further" => continue,
                _ => return false,
            }
        }
        false
    }
}
