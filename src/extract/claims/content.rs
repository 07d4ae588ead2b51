//! Where a claim's content starts and ends, its figure, and its cleaned
//! statement text.

use super::*;

impl Doc<'_> {
    pub(super) fn quantity_in(
        &self,
        c0: usize,
        c1: usize,
    ) -> Option<crate::extract::quantity::QuantityMention> {
        let inside: Vec<&crate::extract::quantity::QuantityMention> = self
            .quantities
            .iter()
            .filter(|q| q.t0 >= c0 && q.t0 < c1)
            .collect();
        let troops = |q: &&&crate::extract::quantity::QuantityMention| {
            matches!(
                q.q.unit.as_deref(),
                Some(
                    "troops"
                        | "personnel"
                        | "battalion tactical groups"
                        | "reservists"
                        | "fighters"
                )
            )
        };
        if let Some(q) = inside.iter().find(troops) {
            return Some((*q).clone());
        }
        if let Some(q) = inside
            .iter()
            .find(|q| q.q.unit.is_some() && q.q.unit.as_deref() != Some("percent"))
        {
            return Some((*q).clone());
        }
        // A percentage counts once it is known what it measures.
        if let Some(q) = inside
            .iter()
            .find(|q| q.q.unit.as_deref() == Some("percent") && q.subject.is_some())
        {
            return Some((*q).clone());
        }
        // A bare figure ("put the number at 70,000") counts what the sentence counts.
        // Small bare numbers are seldom counts, except as the figure a count
        // is put at: "put the number of dead at five".
        let put_at = |q: &crate::extract::quantity::QuantityMention| {
            q.t0 > c0
                && self.toks[q.t0 - 1].lower == "at"
                && self.toks[c0..q.t0].iter().any(|t| {
                    matches!(
                        t.lower.as_str(),
                        "number" | "toll" | "figure" | "total" | "count"
                    )
                })
        };
        let bare = inside
            .iter()
            .find(|q| q.q.unit.is_none() && q.q.value.is_some_and(|v| v >= 10.0 || put_at(q)))?;
        let si = self.sent_of[c0];
        let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
        let mut m = (*bare).clone();
        match self
            .quantities
            .iter()
            .find(|q| q.t0 >= s0 && q.t0 < s1 && q.q.unit.is_some() && q.t0 != bare.t0)
        {
            Some(like) => {
                m.q.unit = like.q.unit.clone();
                m.subject = like.subject.clone();
            }
            None => {
                // "the number of troops ... by 7,000"
                let Some((k, u)) = (s0..s1)
                    .find_map(|k| LEX.units.longest(&self.toks, k, s1).map(|(_, u)| (k, u)))
                else {
                    // "... with 8,000 troops. Others say as many as 30,000 could come."
                    if let Some(like) = self.counted_before(si, &m.q) {
                        m.q.unit = like.q.unit.clone();
                        m.subject = like.subject.clone();
                        return Some(m);
                    }
                    // "Russia has massed troops near the border. U.S. intelligence
                    // put it at 70,000.": the one counted noun of the sentence before.
                    let linked = bare.t0 > 0
                        && matches!(
                            self.toks[bare.t0 - 1].lower.as_str(),
                            "at" | "was" | "is" | "were" | "are" | "to" | "reached" | "numbered"
                        );
                    if !linked {
                        return None;
                    }
                    let prev = si.checked_sub(1)?;
                    let (p0, p1) = (self.sents[prev].t0, self.sents[prev].t1);
                    let mut units = (p0..p1)
                        .filter_map(|k| LEX.units.longest(&self.toks, k, p1).map(|(_, u)| (k, u)));
                    let (k, u) = units.next()?;
                    if units.any(|(_, v)| v != u) || matches!(u.as_str(), "percent" | "dollars") {
                        return None;
                    }
                    let owner = self
                        .mention_at(k.saturating_sub(1))
                        .filter(|m| m.adjective)
                        .or_else(|| {
                            (p0..k).find_map(|j| {
                                self.mention_at(j).filter(|m| {
                                    m.t0 == j && self.actors[m.actor].kind == ActorKind::Country
                                })
                            })
                        })
                        .map(|m| self.owner_word(m.actor));
                    m.q.unit = Some(u.clone());
                    m.subject = Some(match owner {
                        Some(o) => format!("{o} {u}"),
                        None => u.clone(),
                    });
                    return Some(m);
                };
                // "the number of dead": people killed.
                let (u, fate) = match crate::extract::quantity::fate_unit(u) {
                    Some((u, fate)) => (u.to_owned(), Some(fate)),
                    None => (u.clone(), None),
                };
                m.q.unit = Some(u.clone());
                // "the number of Russian troops": the owner is the adjective before the unit.
                let owner = self
                    .mention_at(k.saturating_sub(1))
                    .filter(|m| m.adjective)
                    .map(|m| self.owner_word(m.actor));
                let mut subject = match owner {
                    Some(o) => format!("{o} {u}"),
                    None => u,
                };
                if let Some(fate) = fate {
                    subject.push(' ');
                    subject.push_str(fate);
                }
                // "the number of Russian troops in Transnistria at 5,000":
                // where they are, named between the unit and the figure.
                let place = (k + 1..bare.t0.min(k + 6)).find_map(|j| {
                    if !matches!(self.toks[j].lower.as_str(), "in" | "near" | "inside") {
                        return None;
                    }
                    let m = self.mention_at(j + 1).or_else(|| {
                        self.mention_at(j + 2)
                            .filter(|_| self.toks[j + 1].lower == "the")
                    })?;
                    matches!(
                        self.actors[m.actor].kind,
                        ActorKind::Country | ActorKind::Place
                    )
                    .then(|| self.actors[m.actor].name.to_lowercase())
                });
                let unit = m.q.unit.clone().unwrap_or_default();
                if let Some(p) = place.filter(|_| !crate::extract::quantity::is_money(&unit)) {
                    if crate::extract::quantity::is_deployable(&unit) {
                        subject.push_str(&format!(" near {p}"));
                    } else {
                        subject.push_str(&format!(" in {p}"));
                    }
                }
                m.subject = Some(subject);
            }
        }
        Some(m)
    }

    /// The one counted figure of the sentence before `si` that a bare figure
    /// `q` can continue: same order of magnitude (within a factor of ten), so
    /// "14 groups with 8,000 troops" lends "troops", not "groups", to 30,000.
    /// None when no figure or more than one fits: then the count is unknown.
    pub(super) fn counted_before(
        &self,
        si: usize,
        q: &crate::model::Quantity,
    ) -> Option<&crate::extract::quantity::QuantityMention> {
        let prev = si.checked_sub(1)?;
        let (p0, p1) = (self.sents[prev].t0, self.sents[prev].t1);
        let size = |q: &crate::model::Quantity| q.value.or(q.upper).or(q.lower);
        let v = size(q)?;
        let mut fits = self.quantities.iter().filter(|like| {
            like.t0 >= p0
                && like.t0 < p1
                && like.subject.is_some()
                && like
                    .q
                    .unit
                    .as_deref()
                    .is_some_and(|u| !matches!(u, "percent" | "dollars"))
                && size(&like.q).is_some_and(|w| w > 0.0 && v / w <= 10.0 && w / v <= 10.0)
        });
        let one = fits.next()?;
        fits.next().is_none().then_some(one)
    }

    /// Skips recipients, channels, times and "that" after a cue; returns where the content starts.
    pub(super) fn content_start(&self, k: usize, s1: usize, lemma: &str) -> (usize, Vec<usize>) {
        let mut k = k;
        let mut via = Vec::new();
        let mut guard = 0;
        while k < s1 && guard < 20 {
            guard += 1;
            let tk = &self.toks[k];
            // What follows "that" is the content, even when it opens with a
            // name ("told reporters that Moscow had ...").
            if tk.lower == "that" && self.tx_at[k].is_none() {
                return (self.after_warned(k + 1, s1, lemma), via);
            }
            if self.tx_at[k].is_some()
                || matches!(
                    tk.lower.as_str(),
                    "on" | ":" | "," | "--" | "-" | "in" | "at" | "also"
                )
            {
                // "said on CNN": an outlet after "on" is a relay.
                if tk.lower == "on" || tk.lower == "in" || tk.lower == "at" {
                    if let Some(m) = self.mention_at(k + 1) {
                        if self.actors[m.actor].kind == ActorKind::Media {
                            via.push(m.actor);
                            k = m.t1;
                            continue;
                        }
                    }
                    if self.tx_at.get(k + 1).is_none_or(Option::is_none)
                        && LEX.channels.longest(&self.toks, k, s1).is_none()
                    {
                        return (self.skip_to_that(k, s1), via);
                    }
                }
                if let Some((n, _)) = LEX.channels.longest(&self.toks, k, s1) {
                    k += n;
                    // "in an interview with CNN"
                    if self.toks.get(k).is_some_and(|t| t.lower == "with") {
                        if let Some(m) = self.mention_at(k + 1) {
                            if self.actors[m.actor].kind == ActorKind::Media {
                                via.push(m.actor);
                            }
                            k = m.t1;
                        }
                    }
                    continue;
                }
                k += 1;
                continue;
            }
            if let Some((n, _)) = LEX.channels.longest(&self.toks, k, s1) {
                k += n;
                continue;
            }
            // "told reporters", "told CNN", "confirmed to CBS News", "shared with CNN".
            if matches!(lemma, "tell" | "confirm" | "say" | "write")
                || tk.lower == "to"
                || tk.lower == "with"
            {
                let kk = if matches!(tk.lower.as_str(), "to" | "with") {
                    k + 1
                } else {
                    k
                };
                if let Some(m) = self.mention_at(kk) {
                    if m.t0 == kk && self.actors[m.actor].kind == ActorKind::Media {
                        via.push(m.actor);
                        k = m.t1;
                        continue;
                    }
                }
                if lemma == "tell" && kk == k {
                    // An article opens a recipient ("told the BBC") or the
                    // content itself ("told reporters the convoy had stalled").
                    let article = matches!(tk.lower.as_str(), "the" | "a" | "an");
                    if article
                        && !self.toks.get(k + 1).is_some_and(|t| {
                            RECIPIENTS.contains(&t.lower.as_str())
                                || matches!(t.lower.as_str(), "russian" | "state" | "interviewer")
                        })
                        && self.mention_at(k + 1).is_none_or(|m| m.t0 != k + 1)
                        && self.mention_at(k).is_none_or(|m| m.t0 != k)
                    {
                        break;
                    }
                    // A common-noun recipient: "told reporters", "told lawmakers".
                    if matches!(
                        tk.lower.as_str(),
                        "reporters"
                            | "journalists"
                            | "lawmakers"
                            | "parliament"
                            | "the"
                            | "a"
                            | "an"
                            | "russian"
                            | "state"
                            | "television"
                            | "members"
                            | "senators"
                            | "legislators"
                            | "interviewer"
                            | "audience"
                            | "students"
                    ) || self.mention_at(k).is_some()
                    {
                        k += 1;
                        continue;
                    }
                }
            }
            break;
        }
        let k = self.skip_to_that(k, s1);
        (self.after_warned(k, s1, lemma), via)
    }

    /// "warns Russia of 'costs' if ...", "warns of a possible invasion":
    /// the one warned and the "of" are not part of what is warned about.
    pub(super) fn after_warned(&self, k: usize, s1: usize, lemma: &str) -> usize {
        // "sounded the alarm over the exercises, saying the deployment is
        // vast": the participle carries what was said.
        // Here `s1` is where the next cue starts; giving no content leaves
        // the claim to that participle.
        if matches!(lemma, "sound the alarm" | "raise concerns" | "be concerned")
            && k < s1
            && matches!(self.toks[k].lower.as_str(), "over" | "about" | "on" | "at")
            && self.toks[s1 - 1].norm == ","
            && self
                .toks
                .get(s1)
                .is_some_and(|t| matches!(t.lower.as_str(), "saying" | "adding" | "warning"))
        {
            return s1;
        }
        if !matches!(lemma, "warn" | "caution") || k >= s1 {
            return k;
        }
        let about = |j: usize| {
            self.toks
                .get(j)
                .is_some_and(|t| matches!(t.lower.as_str(), "of" | "about" | "against"))
        };
        if about(k) {
            return k + 1;
        }
        match self.mention_at(k).filter(|m| m.t0 == k && !m.adjective) {
            Some(m) if about(m.t1) && m.t1 + 1 < s1 => m.t1 + 1,
            _ => k,
        }
    }

    /// "warned Putin during a virtual meeting earlier this month that ...",
    /// "confirmed reports Tuesday that ...": a recipient, an occasion or a
    /// date stands between the cue and its "that"; the content starts after.
    pub(super) fn skip_to_that(&self, k: usize, s1: usize) -> usize {
        let mut j = k;
        let mut named = false;
        let mut in_place = false;
        while j < s1 && j < k + 12 {
            if let Some(m) = self.mention_at(j).filter(|m| m.t0 == j) {
                named = true;
                j = m.t1.max(j + 1);
                continue;
            }
            if self.tx_at[j].is_some() {
                named = true;
                j += 1;
                continue;
            }
            let l = self.toks[j].lower.as_str();
            if l == "that" {
                return if named && j > k { j + 1 } else { k };
            }
            // An occasion names where it was said as well as a recipient does;
            // so does a place after a preposition ("told reporters in Geneva").
            let place = j > k
                && self.toks[j].is_cap()
                && matches!(self.toks[j - 1].lower.as_str(), "in" | "at" | "from")
                || self.toks[j].is_cap()
                    && j > k + 1
                    && self.toks[j - 1].is_cap()
                    && matches!(self.toks[j - 2].lower.as_str(), "in" | "at" | "from");
            let occasion = OCCASIONS.contains(&l)
                || RECIPIENTS.contains(&l)
                || REPORT_NOUNS.contains(&l)
                || place;
            named |= occasion;
            // "told supporters outside the court that": where, after whom.
            if named
                && matches!(
                    l,
                    "outside" | "inside" | "near" | "after" | "before" | "across"
                )
            {
                in_place = true;
            }
            let place_word = in_place
                && self.toks[j].kind == TokKind::Word
                && !self.toks[j].is_cap()
                && !LEX.cues.contains_first(l);
            if !occasion
                && !place_word
                && !matches!(
                    l,
                    "during"
                        | "in"
                        | "at"
                        | "on"
                        | "a"
                        | "an"
                        | "the"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "of"
                        | "virtual"
                        | "phone"
                        | "video"
                        | "televised"
                        | "press"
                        | "news"
                        | "to"
                        | "and"
                        | "other"
                        | "allies"
                        | "partners"
                        | "officials"
                        | "leaders"
                        | "counterparts"
                        | "reporting"
                        | "reports"
                        | "publicly"
                        | "privately"
                        | "again"
                        | "repeatedly"
                        | "also"
                        | "for"
                        | "since"
                        | "preliminary"
                        | "final"
                        | "written"
                        | "joint"
                        | "separate"
                        | "annual"
                        | "latest"
                        | "new"
                        | "brief"
                        | "'s"
                )
            {
                return k;
            }
            j += 1;
        }
        k
    }

    /// A denial closing a content span: "..., something (which) X denied",
    /// "..., an allegation the Kremlin rejects", "..., which Moscow denies".
    /// Returns the comma, the denier, the cue token and the cue's lemma.
    pub(super) fn trailing_denial(
        &self,
        c0: usize,
        c1: usize,
    ) -> Option<(usize, usize, usize, String)> {
        let comma = (c0 + 2..c1).rev().find(|&k| self.toks[k].norm == ",")?;
        let mut k = comma + 1;
        let at = |k: usize| self.toks.get(k).map_or("", |t| t.lower.as_str());
        match at(k) {
            "something" => k += 1,
            "a" | "an" => {
                if !matches!(
                    at(k + 1),
                    "claim"
                        | "allegation"
                        | "charge"
                        | "accusation"
                        | "assertion"
                        | "report"
                        | "figure"
                        | "number"
                        | "estimate"
                ) {
                    return None;
                }
                k += 2;
            }
            "claims" | "allegations" | "charges" | "accusations" | "reports" => k += 1,
            "which" => {}
            _ => return None,
        }
        if matches!(at(k), "which" | "that") {
            k += 1;
        }
        let m = self
            .mention_at(k)
            .or_else(|| (at(k) == "the").then(|| self.mention_at(k + 1)).flatten())
            .filter(|m| (m.t0 == k || m.t0 == k + 1) && !m.adjective)?;
        let denier = m.actor;
        let mut v = m.t1;
        while matches!(
            at(v),
            "has" | "have" | "had" | "also" | "strongly" | "flatly"
        ) {
            v += 1;
        }
        if v >= c1 {
            return None;
        }
        let (n, cue) = LEX.cues.longest(&self.toks, v, c1)?;
        // "dismissed as propaganda", "rejected as false": a short verdict
        // may follow the cue.
        let mut tail = &self.toks[v + n..c1];
        if tail.first().is_some_and(|t| t.lower == "as") && tail.len() <= 4 {
            tail = &tail[tail.len().min(2)..];
        }
        if cue.class != "deny" || !tail.iter().all(|t| t.kind != TokKind::Word) {
            return None;
        }
        Some((comma, denier, v, cue.lemma.clone()))
    }

    /// Where content after a cue ends: at a following participle cue, or
    /// where a new clause with its own speaker begins ("X estimated A, the
    /// Y put the number at B").
    pub(super) fn content_end(&self, cs: usize, next_cue: usize, s1: usize) -> usize {
        if next_cue >= s1 {
            return s1;
        }
        if self.toks[next_cue].lower.ends_with("ing")
            && next_cue > 0
            && self.toks[next_cue - 1].norm == ","
        {
            return next_cue - 1;
        }
        // "..., while demanding that": the participle after a conjunction
        // starts a claim of its own.
        if self.toks[next_cue].lower.ends_with("ing")
            && next_cue > cs + 2
            && matches!(
                self.toks[next_cue - 1].lower.as_str(),
                "while" | "and" | "but" | "as" | "before" | "after"
            )
            && self.toks[next_cue - 2].norm == ","
        {
            return next_cue - 2;
        }
        if self.quoted(next_cue) {
            return s1;
        }
        if self.after_and(next_cue, cs) {
            let mut b = next_cue;
            while b > cs && self.toks[b - 1].lower != "and" && self.toks[b - 1].lower != "but" {
                b -= 1;
            }
            return b.saturating_sub(1).max(cs + 1);
        }
        if let Some((_, start)) = self.left_source(next_cue, cs) {
            let mut b = start;
            // "..., the state news agency IRNA reported": words describing
            // the source belong to it.
            while b > cs
                && start - b < 4
                && self.toks[b - 1].kind == TokKind::Word
                && !self.toks[b - 1].is_cap()
                && !crate::extract::lexicon::is_function_word(&self.toks[b - 1].lower)
                && !LEX.cues.contains_first(&self.toks[b - 1].lower)
            {
                b -= 1;
            }
            while b > cs && matches!(self.toks[b - 1].lower.as_str(), "the" | "a" | "an") {
                b -= 1;
            }
            if b > cs
                && matches!(
                    self.toks[b - 1].lower.as_str(),
                    "," | "but" | "while" | "and" | "--" | ";"
                )
            {
                return b - 1;
            }
        }
        s1
    }

    pub(super) fn content_left_start(
        &self,
        s0: usize,
        e: usize,
        cues: &[(usize, usize, Cue)],
        ci: usize,
    ) -> usize {
        // Start after the previous cue's clause if one precedes in the sentence.
        let mut start = s0;
        if ci > 0 {
            let (pv, pn, _) = &cues[ci - 1];
            if pv + pn < e {
                // Leave the previous cue's content alone unless this content is a quotation.
                let mut q = e;
                while q > pv + pn {
                    q -= 1;
                    if self.toks[q].kind == TokKind::Quote
                        && self.inq[q].is_none()
                        && q + 1 < e
                        && self.inq[q + 1].is_some()
                    {
                        start = q;
                        break;
                    }
                }
            }
        }
        start
    }

    pub(super) fn clean_statement(&self, c0: usize, c1: usize) -> String {
        let mut a = c0;
        let mut b = c1;
        // "ANKARA (Example Wire) - The death toll ...": the dateline is where
        // the story was filed, not what was said.
        if let Some(d) = self.dateline_end(a, b) {
            a = d;
        }
        while a < b
            && matches!(
                self.toks[a].norm.as_str(),
                "\"" | "," | ":" | "that" | "--" | "-"
            )
        {
            // 'acknowledged "shortcomings" in the response': a quotation
            // closing before the statement ends keeps its opening mark.
            if self.toks[a].kind == TokKind::Quote {
                if let Some(q) = (a + 1..b).find(|&j| self.toks[j].kind == TokKind::Quote) {
                    if self.toks[q + 1..b]
                        .iter()
                        .any(|t| matches!(t.kind, TokKind::Word | TokKind::Number))
                    {
                        break;
                    }
                }
            }
            a += 1;
        }
        // "..., according to a statement released by his office": the
        // attribution's tail is not what was said.
        if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| {
            (self.toks[k - 1].norm == ","
                || k >= 2
                    && self.toks[k - 1].kind == TokKind::Quote
                    && self.toks[k - 2].norm == ",")
                && self.toks[k].lower == "according"
                && self.toks[k + 1].lower == "to"
                && !self.quoted(k)
        }) {
            b = k;
        }
        while b > a
            && matches!(
                self.toks[b - 1].norm.as_str(),
                "\"" | "," | "." | ":" | "--" | "-"
            )
        {
            // A quotation closing inside the statement keeps its closing mark.
            let closing = self.toks[b - 1].kind == TokKind::Quote
                && self.toks[a..b - 1]
                    .iter()
                    .filter(|t| t.kind == TokKind::Quote)
                    .count()
                    % 2
                    == 1;
            if closing {
                break;
            }
            b -= 1;
        }
        self.span(a, b).to_owned()
    }

    /// The token after a dateline ("ANKARA (Example Wire) -", "KYIV, Ukraine
    /// --") that opens the range `a..b`: capitalised place words, an optional
    /// outlet in brackets, then a dash.
    pub(super) fn dateline_end(&self, a: usize, b: usize) -> Option<usize> {
        let first = self.toks.get(a)?;
        if first.kind != TokKind::Word || first.norm.chars().any(|c| c.is_lowercase()) {
            return None;
        }
        let mut k = a;
        let mut bracket = false;
        while k < b && k < a + 14 {
            let t = &self.toks[k];
            match t.norm.as_str() {
                "-" | "--" | "\u{2014}" | "\u{2013}" if k > a => return Some(k + 1),
                "(" => bracket = true,
                ")" => bracket = false,
                // "GAZA/JERUSALEM, May 11 (Example Wire) -"
                "," | "." | "/" => {}
                _ if bracket => {}
                _ if t.kind == TokKind::Number && t.norm.len() <= 2 => {}
                _ if t.kind == TokKind::Word && t.is_cap() => {}
                _ => return None,
            }
            k += 1;
        }
        None
    }
}
