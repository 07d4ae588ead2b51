//! Speakers that are no known actor: the bare noun phrase that is the
//! subject of a reporting cue ("The bank said", "Several cast members
//! said", "A Bloomberg poll shows"), the one named right after an inverted
//! cue ('"...," said the announcer'), the source after "according to" that
//! no gazetteer knows ("according to exit polls"), and the speaker who
//! opens a headline or a transcript line ("Pence: ...", "WALLACE: ...").
//! Each becomes an actor of its own, so that a claim is never lost for
//! want of a name in the gazetteer.

use super::Doc;
use super::lexicon::{LEX, is_function_word, is_org_head};
use super::text::TokKind;
use crate::model::ActorKind;

/// Determiners and quantifiers that may open a speaker's noun phrase.
const NP_DETS: &[&str] = &[
    "the", "a", "an", "some", "several", "many", "most", "few", "both", "all", "other", "another",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
    "more", "his", "her", "its", "their", "our", "this", "that", "these", "those", "no", "any",
    "each", "every",
];

/// Abbreviated titles whose period stays inside a name.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "prof", "rev", "jr",
    "st",
];

/// Words that never belong to a speaker's noun phrase: auxiliaries,
/// pronouns, relatives and the like.
const NP_STOP: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "not",
    "never",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "where",
    "why",
    "how",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "us",
    "me",
    "there",
    "here",
    "also",
    "now",
    "then",
    "just",
    "only",
    "even",
    "still",
    "so",
    "too",
    "very",
    "than",
    "if",
    "because",
    "when",
    "while",
    "as",
    "and",
    "or",
    "but",
    "nor",
    "said",
    "says",
    "say",
    "told",
    "according",
    "just",
    "what",
    "whether",
    "anybody",
    "anyone",
    "everyone",
    "everybody",
    "nobody",
    "someone",
    "somebody",
    "something",
    "nothing",
    "everything",
    "itself",
    "himself",
    "herself",
    "themselves",
];

/// Heads of a noun phrase that names a document, a poll or other data:
/// what they "show" or "find" is evidence, and the thing itself the source.
pub(super) const DOC_NOUNS: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "report",
    "reports",
    "data",
    "document",
    "documents",
    "records",
    "record",
    "analysis",
    "analyses",
    "research",
    "review",
    "video",
    "videos",
    "footage",
    "emails",
    "email",
    "e-mails",
    "figures",
    "statistics",
    "results",
    "transcript",
    "transcripts",
    "numbers",
    "census",
    "audit",
    "investigation",
    "memo",
    "memos",
    "letter",
    "filings",
    "filing",
    "tally",
    "estimates",
    "model",
    "forecast",
    "evidence",
    "findings",
    "photos",
    "images",
    "recording",
    "recordings",
    "tape",
    "tapes",
    "records",
    "returns",
    "papers",
    "cables",
    "testimony",
    "complaint",
    "indictment",
    "lawsuit",
    "ruling",
    "assessment",
    "book",
    "article",
    "ad",
    "ads",
    "clip",
    "slide",
    "chart",
    "map",
    "experiment",
    "test",
    "tests",
    "probe",
    "inquiry",
    "paper",
    "exit",
    "editorial",
    "biography",
    "average",
    "averages",
    "website",
    "projections",
    "count",
    "calculations",
    "rankings",
    "schedule",
    "calendar",
    "database",
];

/// Nouns that name someone able to speak (`data/claims/speaker_nouns.tsv`).
static SPEAKER_NOUNS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../data/claims/speaker_nouns.tsv")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });

/// Whether a lower-case head noun names a possible speaker (its plural
/// too), a document or an unnamed source.
fn speaker_head(lower: &str) -> bool {
    let singular = [
        lower.strip_suffix("ies").map(|s| format!("{s}y")),
        lower.strip_suffix("es").map(str::to_owned),
        lower.strip_suffix('s').map(str::to_owned),
    ];
    std::iter::once(lower.to_owned())
        .chain(singular.into_iter().flatten())
        .any(|w| {
            SPEAKER_NOUNS.contains(w.as_str())
                || DOC_NOUNS.contains(&w.as_str())
                || LEX.anon.contains_key(w.as_str())
                || LEX.titles.contains_first(&w)
        })
}

/// Whether a lower-case noun names a possible speaker (`speaker_head`),
/// for the modules that tell a described speaker from a named one.
pub(super) fn is_speaker_noun(lower: &str) -> bool {
    speaker_head(lower)
}

/// Tokens after which a speaker's noun phrase may begin: a clause opens there.
fn opens_clause(lower: &str, kind: TokKind) -> bool {
    kind == TokKind::Quote
        || matches!(
            lower,
            "," | ";"
                | ":"
                | "--"
                | "("
                | "that"
                | "and"
                | "but"
                | "while"
                | "as"
                | "because"
                | "when"
                | "after"
                | "before"
                | "since"
                | "though"
                | "although"
                | "if"
                | "so"
                | "where"
                | "whereas"
                | "yet"
                | "."
        )
}

impl Doc<'_> {
    /// Whether token `j` may stand inside a speaker's noun phrase.
    pub(super) fn np_word(&self, j: usize) -> bool {
        let t = &self.toks[j];
        if t.norm == "'s" || t.kind == TokKind::Number {
            return true;
        }
        if t.kind != TokKind::Word {
            // The period of "Mr." and a hyphen inside a word
            // ("vice-presidential") stay inside the phrase.
            return (t.norm == "-" && !t.space_before)
                || (t.norm == "."
                    && !t.space_before
                    && j > 0
                    && HONORIFICS.contains(&self.toks[j - 1].lower.as_str()));
        }
        let l = t.lower.as_str();
        if NP_DETS.contains(&l) {
            return true;
        }
        // "former governor", "Judicial Watch", "Ian Read": the function-word
        // list holds these for captions ("Watch:", "Read more") and dates,
        // but in a phrase they describe or name its speaker.
        let in_name = t.is_cap()
            && j > 0
            && self.toks[j - 1].kind == TokKind::Word
            && self.toks[j - 1].is_cap()
            && matches!(l, "watch" | "read" | "leave" | "file" | "photo");
        if l == "former" || in_name {
            return true;
        }
        if NP_STOP.contains(&l) || (is_function_word(l) && l != "of") {
            return false;
        }
        if t.is_cap() {
            return true;
        }
        // Adverbs and verbs in the past or progressive do not name anyone.
        !(l.ends_with("ly")
            || l.ends_with("ed")
            || l.ends_with("ing")
            || LEX.cues.contains_first(l))
    }

    /// Whether the phrase `[b, e)` can name a speaker: a name, or a common
    /// noun that names people, a body or a document.
    pub(super) fn speaker_np(&self, b: usize, e: usize) -> bool {
        let head = &self.toks[e - 1];
        if head.kind != TokKind::Word {
            return false;
        }
        if head.is_cap() {
            // "The Latest", "Clarification": headings, not names.
            return !matches!(
                head.lower.as_str(),
                "latest" | "clarification" | "correction" | "update" | "editor's"
            );
        }
        let _ = b;
        speaker_head(head.lower.as_str())
    }

    /// The noun phrase ending right before token `e` (exclusive) that opens
    /// its clause: `(start, e)`.
    pub(super) fn np_ending_at(&self, e: usize, s0: usize) -> Option<(usize, usize)> {
        let mut b = e;
        while b > s0 && e - b < 8 && self.np_word(b - 1) {
            b -= 1;
        }
        // "of" only inside the phrase: "members of Congress".
        while b < e && matches!(self.toks[b].lower.as_str(), "of" | "'s" | "-") {
            b += 1;
        }
        if b >= e {
            return None;
        }
        let opens = b == s0 || opens_clause(self.toks[b - 1].lower.as_str(), self.toks[b - 1].kind);
        if !opens && self.tx_at[b - 1].is_none() {
            return None;
        }
        let head = &self.toks[e - 1];
        let hl = head.lower.as_str();
        if head.kind != TokKind::Word
            || NP_DETS.contains(&hl)
            || hl == "of"
            || !self.speaker_np(b, e)
        {
            return None;
        }
        Some((b, e))
    }

    /// The speaker's noun phrase that is the subject of a cue at `v`, when no
    /// known actor is: skipping adverbs, auxiliaries and times, and an
    /// appositive set off by commas ("Richard Roe, director of the
    /// institute at the law school, said").
    pub(super) fn np_subject(&self, v: usize, s0: usize) -> Option<(usize, usize)> {
        let mut k = v;
        while k > s0 {
            let p = k - 1;
            let t = &self.toks[p];
            if self.tx_at[p].is_some()
                || (t.norm != "," && super::claims::skips_left(t.lower.as_str()))
            {
                k = p;
                continue;
            }
            // "continues to insist", "went on to say".
            if let Some(q) = self.aspect_before(p, s0) {
                k = q;
                continue;
            }
            break;
        }
        // "Most voters in Kent and Essex said": the phrase before the places.
        if let Some(q) = self.locative_names_start(k, s0) {
            if let Some((b, e)) = self.np_ending_at(q, s0) {
                if !self.toks[e - 1].is_cap() {
                    return Some((b, e));
                }
            }
        }
        // "Sen. Jane Roe (D-Ore.) said": the party and state in brackets.
        if k > s0 + 1 && self.toks[k - 1].norm == ")" {
            k = (k.saturating_sub(10).max(s0)..k - 1)
                .rev()
                .find(|&j| self.toks[j].norm == "(")?;
        }
        // "lawmakers who thought", "an architect who said": the phrase
        // the relative pronoun stands for.
        if k > s0 + 1 && self.toks[k - 1].lower == "who" {
            let e = k - 1;
            let e = if self.toks[e - 1].norm == "," {
                e - 1
            } else {
                e
            };
            let mut b = e;
            while b > s0 && e - b < 6 && self.np_word(b - 1) && self.toks[b - 1].lower != "of" {
                b -= 1;
            }
            return (b < e && self.speaker_np(b, e)).then_some((b, e));
        }
        if k > s0 && self.toks[k - 1].norm == "," {
            // Up to two appositives, each opened by a description.
            let mut c = k - 1;
            for _ in 0..2 {
                let q = (c.saturating_sub(30).max(s0)..c)
                    .rev()
                    .find(|&q| self.toks[q].norm == "," || self.toks[q].kind == TokKind::Quote)?;
                if self.toks[q].norm != "," || q + 1 >= c {
                    return None;
                }
                let first = &self.toks[q + 1];
                let described = !first.is_cap()
                    || first.kind == TokKind::Number
                    || matches!(first.lower.as_str(), "a" | "an" | "the" | "who")
                    || LEX.titles.contains_first(&first.lower);
                if !described {
                    return None;
                }
                let mut q_end = q;
                if q_end > s0 + 1 && self.toks[q_end - 1].norm == ")" {
                    q_end = (q_end.saturating_sub(10).max(s0)..q_end - 1)
                        .rev()
                        .find(|&j| self.toks[j].norm == "(")
                        .unwrap_or(q_end);
                }
                if let Some((b, e)) = self.np_ending_at(q_end, s0) {
                    if self.toks[b..e].iter().any(|t| t.is_cap()) {
                        return Some((b, e));
                    }
                }
                c = q;
            }
            return None;
        }
        self.np_ending_at(k, s0)
    }

    /// The speaker's noun phrase right after an inverted cue ('"...," said
    /// the announcer', "said Mr. Burman, who ..."): it must end the clause.
    /// With `loose`, the phrase may open with a plain noun and end before a
    /// preposition ("according to police in the city").
    pub(super) fn np_after(&self, k: usize, s1: usize, loose: bool) -> Option<(usize, usize)> {
        let mut e = k;
        while e < s1 && e - k < 8 && self.np_word(e) && !(e > k && self.toks[e].lower == "of") {
            e += 1;
        }
        let ends = e >= s1
            || matches!(
                self.toks[e].norm.as_str(),
                "," | "." | ";" | "(" | "--" | ")"
            )
            || self.toks[e].kind == TokKind::Quote
            || matches!(
                self.toks[e].lower.as_str(),
                "in" | "at" | "from" | "on" | "with" | "for" | "who" | "whose" | "to"
            )
            || (loose && self.toks[e].lower == "of");
        if e == k || !ends {
            return None;
        }
        let first = &self.toks[k];
        // "said widow Jane Roe": a description before the name.
        let named = self.toks[k..e].iter().any(|t| t.is_cap());
        if matches!(first.lower.as_str(), "that" | "this" | "these" | "those")
            || !(loose || named || NP_DETS.contains(&first.lower.as_str()))
        {
            return None;
        }
        let hl = self.toks[e - 1].lower.as_str();
        if NP_DETS.contains(&hl) || hl == "of" || !self.speaker_np(k, e) {
            return None;
        }
        Some((k, e))
    }

    /// The actor a speaker's noun phrase `[t0, t1)` names, and the owner
    /// named inside it ("a Bloomberg poll": the poll, owned by Bloomberg).
    /// A known actor whose mention ends the phrase is that actor.
    pub(super) fn np_actor(&mut self, t0: usize, t1: usize) -> (usize, Option<usize>) {
        if let Some(m) = self.mention_at(t1 - 1) {
            if !m.adjective && m.t1 == t1 {
                return (m.actor, None);
            }
        }
        let owner =
            (t0..t1).find_map(|j| self.mention_at(j).filter(|m| m.t1 < t1).map(|m| m.actor));
        // Leading determiners are not part of the name, nor a capitalised
        // adverb or auxiliary that opens the sentence ("Interestingly Roe").
        let mut t0 = t0;
        while t0 + 1 < t1 && {
            let l = self.toks[t0].lower.as_str();
            l.ends_with("ly")
                || NP_STOP.contains(&l)
                || ((t0 + 1..t1).all(|j| self.toks[j].is_cap()) && self.glued_opener(t0, t1))
        } {
            t0 += 1;
        }
        let mut b = t0;
        while b + 1 < t1 && NP_DETS.contains(&self.toks[b].lower.as_str()) && {
            let l = self.toks[b].lower.as_str();
            matches!(
                l,
                "the" | "a" | "an" | "this" | "that" | "these" | "those" | "his" | "her" | "its"
            ) || l == "their"
                || l == "our"
        } {
            b += 1;
        }
        let words: Vec<&super::text::Token> = self.toks[b..t1].iter().collect();
        let all_cap = words
            .iter()
            .all(|t| t.is_cap() || t.norm == "." || t.norm == "-" || t.norm == "'s");
        let surface = self.span(b, t1).to_owned();
        let head = self.toks[t1 - 1].norm.to_string();
        let hl = head.to_lowercase();
        // "Mr. Burman", "Ms. Roe": a person by surname.
        let honorific = matches!(
            self.toks[b].lower.as_str(),
            "mr" | "mrs" | "ms" | "dr" | "mr." | "mrs." | "ms." | "dr."
        );
        if all_cap && (honorific || (words.len() <= 3 && !is_org_head(&head))) {
            let name = if honorific {
                let mut j = b + 1;
                if self.toks.get(j).is_some_and(|t| t.norm == ".") {
                    j += 1;
                }
                self.span(j, t1).to_owned()
            } else {
                surface.clone()
            };
            if name.is_empty() {
                return (self.anon_np(&surface, &hl), owner);
            }
            if let Some(&a) = self.surname_of.get(name.as_str()) {
                return (a, None);
            }
            // A whole word in capitals is a transcript's speaker label.
            let name = if name.chars().all(|c| !c.is_lowercase()) {
                titlecase(&name)
            } else {
                name
            };
            if let Some(&a) = self.surname_of.get(name.as_str()) {
                return (a, None);
            }
            let a = self.person_actor(&name);
            return (a, None);
        }
        if all_cap {
            let key = format!("org:{surface}");
            let a = self.actor(&key, &surface, ActorKind::Organization);
            return (a, None);
        }
        (self.anon_np(&surface, &hl), owner)
    }

    fn anon_np(&mut self, surface: &str, head: &str) -> usize {
        let key = format!("anon:{}", surface.to_lowercase());
        let a = self.actor(&key, surface, ActorKind::Anonymous);
        self.actors[a].role.get_or_insert_with(|| head.to_owned());
        self.actors[a].plural = head.ends_with('s') && !head.ends_with("ss");
        a
    }

    /// A speaker described by a phrase with prepositions that fills the
    /// clause before the cue ("Political observers in the state and around
    /// the country say", "Those close to him say"): its first noun phrase.
    pub(super) fn np_clause(&self, v: usize, s0: usize) -> Option<(usize, usize)> {
        let mut k = v;
        while k > s0 && super::claims::skips_left(self.toks[k - 1].lower.as_str()) {
            if self.toks[k - 1].norm == "," {
                break;
            }
            k -= 1;
        }
        let mut cs = k;
        while cs > s0 && k - cs < 12 {
            let t = &self.toks[cs - 1];
            if t.kind == TokKind::Quote
                || matches!(t.norm.as_str(), "," | ";" | ":" | "--" | "(" | ")")
                || matches!(
                    t.lower.as_str(),
                    "that" | "because" | "but" | "while" | "although" | "though" | "if"
                )
            {
                break;
            }
            cs -= 1;
        }
        if cs == k || (cs > s0 && k - cs >= 12) {
            return None;
        }
        let first = &self.toks[cs];
        let first_ok = first.is_cap()
            || NP_DETS.contains(&first.lower.as_str())
            || (first.kind == TokKind::Word && first.lower.ends_with("ed"))
            || (first.kind == TokKind::Word && first.lower.ends_with('s'));
        if !first_ok {
            return None;
        }
        let mut e = cs + 1;
        while e < k && self.np_word(e) && self.toks[e].lower != "of" {
            e += 1;
        }
        if e >= k {
            return None;
        }
        // The rest: prepositional phrases and "and".
        let mut j = e;
        let mut after_prep = false;
        while j < k {
            let t = &self.toks[j];
            let l = t.lower.as_str();
            let prep = matches!(
                l,
                "of" | "in"
                    | "from"
                    | "at"
                    | "for"
                    | "with"
                    | "to"
                    | "on"
                    | "around"
                    | "across"
                    | "inside"
                    | "outside"
                    | "close"
                    | "near"
                    | "and"
                    | "among"
                    | "within"
            );
            let object_pronoun = after_prep && matches!(l, "him" | "her" | "them" | "us" | "it");
            if !(prep || object_pronoun || self.np_word(j)) {
                return None;
            }
            after_prep = prep;
            j += 1;
        }
        let head = &self.toks[e - 1];
        if NP_DETS.contains(&head.lower.as_str()) || !self.speaker_np(cs, e) {
            return None;
        }
        Some((cs, e))
    }

    /// The document, poll or data that is the subject of a cue at `v` ("A
    /// 2014 study by two universities found", "a new analysis of campaign
    /// filings shows"): the phrase naming it and the owner named after
    /// "by", "from" or "of", or inside it.
    pub(super) fn doc_subject(&self, v: usize, s0: usize) -> Option<(usize, usize, Option<usize>)> {
        let lim = v.saturating_sub(16).max(s0);
        let mut j = v;
        while j > lim {
            j -= 1;
            let t = &self.toks[j];
            if t.kind == TokKind::Quote || matches!(t.norm.as_str(), ";" | ":" | ".") {
                return None;
            }
            if t.kind != TokKind::Word || !DOC_NOUNS.contains(&t.lower.as_str()) {
                continue;
            }
            // The document noun heads its phrase: "the statistics office"
            // is an office.
            if j + 1 < v && self.np_word(j + 1) && self.toks[j + 1].lower != "of" {
                continue;
            }
            // The head is a document even when it is also a cue word ("the
            // report said", "the estimates show"), which `np_word` refuses.
            let Some((b, e)) = self.np_ending_at(j + 1, s0).or_else(|| {
                self.np_ending_at(j, s0)
                    .map(|(b, _)| (b, j + 1))
                    .or_else(|| self.doc_head_alone(j, s0))
            }) else {
                continue;
            };
            // Between the document and the cue: what it is of or by, no
            // clause break and no other verb of saying.
            let between_ok = (e..v).all(|q| {
                let tq = &self.toks[q];
                tq.kind != TokKind::Quote
                    && !matches!(tq.norm.as_str(), ";" | ":")
                    && !LEX.cues.contains_first(&tq.lower)
            });
            if !between_ok {
                continue;
            }
            let owner = (b..v)
                .find_map(|q| self.mention_at(q).filter(|m| !m.adjective || q < e))
                .map(|m| m.actor);
            return Some((b, e, owner));
        }
        None
    }

    /// A document noun at `j` with only determiners before it, opening its
    /// clause ("The report", "An earlier memo"): `(start, j + 1)`.
    fn doc_head_alone(&self, j: usize, s0: usize) -> Option<(usize, usize)> {
        let mut b = j;
        while b > s0 && j - b < 3 && {
            let t = &self.toks[b - 1];
            t.kind == TokKind::Word
                && (NP_DETS.contains(&t.lower.as_str()) || !t.is_cap() && self.np_word(b - 1))
        } {
            b -= 1;
        }
        let opens = b == s0 || opens_clause(self.toks[b - 1].lower.as_str(), self.toks[b - 1].kind);
        opens.then_some((b, j + 1))
    }

    /// The noun phrase that opens the clause of a cue at `v` ("Rival Jane
    /// Roe had mocked the plan, saying ..."): past an opening adverbial set
    /// off by a comma, followed by a lowercase word (its verb).
    pub(super) fn np_opening(&self, v: usize, s0: usize) -> Option<(usize, usize)> {
        let mut cs = v;
        while cs > s0 {
            let t = &self.toks[cs - 1];
            if t.kind == TokKind::Quote || matches!(t.norm.as_str(), ";" | ":" | "--") {
                break;
            }
            cs -= 1;
        }
        let mut b = cs;
        let t = &self.toks[b];
        // "Standing alongside Blinken, Kuleba thanked ...", "At a rally in
        // Ohio, Roe said": the opening phrase is not the subject.
        if self.tx_at[b].is_some()
            || t.lower.ends_with("ing")
            || matches!(
                t.lower.as_str(),
                "at" | "in"
                    | "on"
                    | "during"
                    | "after"
                    | "before"
                    | "earlier"
                    | "later"
                    | "last"
                    | "for"
                    | "with"
                    | "without"
                    | "amid"
                    | "despite"
                    | "following"
                    | "since"
                    | "under"
                    | "alongside"
                    | "like"
                    | "unlike"
                    | "as"
                    | "from"
                    | "by"
                    | "speaking"
                    | "asked"
            )
        {
            b = (b..(b + 12).min(v)).find(|&j| self.toks[j].norm == ",")? + 1;
        }
        let mut e = b;
        while e < v && e - b < 7 && self.np_word(e) {
            e += 1;
        }
        if e == b || e >= v {
            return None;
        }
        let first = &self.toks[b];
        // The word after the phrase stands where its verb does: "Back in
        // 1999, ..." has none. A verb in the plain past ("The businessman
        // began by ...") looks like a noun of the phrase: the phrase may end
        // before it.
        let ok = |e: usize| {
            let next = &self.toks[e];
            next.kind == TokKind::Word
                && !next.is_cap()
                && !is_function_word(next.lower.as_str())
                && (first.is_cap() || NP_DETS.contains(&first.lower.as_str()))
                && !NP_DETS.contains(&self.toks[e - 1].lower.as_str())
                && self.speaker_np(b, e)
        };
        // Only the last word can be that verb: a phrase cut shorter would
        // take a noun for it ("the veteran | captain").
        [e, e - 1]
            .into_iter()
            .find(|&e| e > b && ok(e))
            .map(|e| (b, e))
    }

    /// A headline or transcript line opened by its speaker and a colon
    /// ("Pence: Flowers Won't Be at Debate", "WALLACE: Let's start ..."):
    /// the speaker's tokens and where the content starts.
    pub(super) fn colon_speaker(&self, s0: usize, s1: usize) -> Option<(usize, usize, usize)> {
        let mut b = s0;
        if self.toks.get(b).is_some_and(|t| t.kind == TokKind::Quote) {
            b += 1;
        }
        let c = (b..(b + 5).min(s1)).find(|&j| self.toks[j].norm == ":")?;
        if c == b || c + 4 > s1 {
            return None;
        }
        let name_ok = (b..c).all(|j| {
            let t = &self.toks[j];
            (t.kind == TokKind::Word && t.is_cap()) || t.norm == "." || t.norm == "'s"
        });
        // "Editor's note:", "Update:", times ("5:45") and labels are no speakers.
        let label = (b..c).any(|j| {
            matches!(
                self.toks[j].lower.as_str(),
                "note"
                    | "update"
                    | "updated"
                    | "correction"
                    | "watch"
                    | "read"
                    | "related"
                    | "photo"
                    | "video"
                    | "source"
                    | "sources"
                    | "transcript"
                    | "q"
                    | "a"
                    | "editor"
                    | "editors"
                    | "breaking"
                    | "exclusive"
                    | "opinion"
                    | "analysis"
                    | "live"
                    | "see"
                    | "more"
                    | "also"
                    | "warning"
                    | "caption"
                    | "credit"
                    | "latest"
                    | "clarification"
                    | "here"
                    | "why"
                    | "how"
                    | "what"
                    | "when"
            )
        });
        if !name_ok || label || self.titles_a_feature(b, c) {
            return None;
        }
        let words = (c + 1..s1)
            .filter(|&j| self.toks[j].kind == TokKind::Word)
            .count();
        (words >= 3).then_some((b, c, c + 1))
    }
}

fn titlecase(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    fn claims(text: &str) -> Vec<(String, String)> {
        crate::extract::claims_of(text, (2016, 9, 20))
    }

    #[test]
    fn a_bare_noun_phrase_speaks() {
        let got = claims("The bank said that it had closed two branches in the valley.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "bank");
        let got = claims("Several crew members said the captain shouted at them.");
        assert_eq!(got[0].0, "Several crew members");
    }

    #[test]
    fn a_long_appositive_does_not_hide_the_speaker() {
        let got = claims(
            "Maria Lindqvist, director of the Centre for Coastal Studies at the northern \
             university's law faculty, said the harbour plan was too costly.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Maria Lindqvist");
    }

    #[test]
    fn an_inverted_cue_names_its_speaker_after_it() {
        let got = claims("\"We will rebuild the bridge by spring,\" said the engineer.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "engineer");
    }

    #[test]
    fn a_that_clause_about_a_speaker_is_not_the_speakers_words() {
        let got = claims(
            "Mayor Dana Okafor spoke on Monday. I guess we can all agree now that she was joking.",
        );
        assert!(got.iter().all(|c| !c.1.contains("agree")), "{got:?}");
        // A relative clause after an allegation still relays its speaker.
        let got = claims("The ferry was sabotaged at night, something which NATO denied.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "North Atlantic Treaty Organization");
    }

    #[test]
    fn a_name_after_its_employer_and_title_speaks() {
        let got = claims(
            "Ferry fares rose sharply last winter, said Northfield State University \
             economist Dana Whitcombe.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Dana Whitcombe");
    }

    #[test]
    fn a_speaker_opens_a_headline_with_a_colon() {
        let got = claims("Okafor: The Harbour Plan Will Cost Jobs in the North.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Okafor");
        assert!(claims("Editor's note: The piece was updated on Monday evening.").is_empty());
    }
}
