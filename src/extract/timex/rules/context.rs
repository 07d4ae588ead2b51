//! What the rules read around a token: words, numbers, counts and units,
//! boundaries, and the tense and anchors that decide which way a date looks.

use super::*;

impl<'a> Tagger<'a> {
    pub(super) fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    pub(super) fn lw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.low[t.s..t.e])
    }

    pub(super) fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.s..t.e])
    }

    pub(super) fn info(&self, i: usize) -> Option<&'static WordInfo> {
        self.toks.get(i).and_then(|t| t.info)
    }

    pub(super) fn is(&self, i: usize, w: &str) -> bool {
        self.lw(i) == w
    }

    /// Token `i` follows token `i-1` with no space between.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    pub(super) fn is_apos(&self, i: usize) -> bool {
        matches!(self.lw(i), "'" | "’" | "‘")
    }

    pub(super) fn num(&self, i: usize) -> Option<i64> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num && t.val >= 0).then_some(t.val)
    }

    /// A number token that is not part of a larger number ("1,000", "2.5").
    pub(super) fn plain_num(&self, i: usize) -> Option<i64> {
        let n = self.num(i)?;
        let sep = |k: usize| matches!(self.lw(k), "," | "." | ":" | "/");
        if i > 0
            && sep(i - 1)
            && self.glued(i)
            && i >= 2
            && self.num(i - 2).is_some()
            && self.glued(i - 1)
        {
            return None;
        }
        if sep(i + 1) && self.glued(i + 1) && self.num(i + 2).is_some() && self.glued(i + 2) {
            return None;
        }
        Some(n)
    }

    /// A day of month: `7`, `7th`, `seventh`; returns (day, next token).
    pub(super) fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(n) = self.num(i) {
            if !(1..=31).contains(&n) || self.raw(i).len() > 2 {
                return None;
            }
            let mut j = i + 1;
            if matches!(self.lw(j), "st" | "nd" | "rd" | "th") && self.glued(j) {
                j += 1;
            }
            return Some((n as u32, j));
        }
        let o = self.info(i)?.ordinal?;
        if o <= 31 { Some((o, i + 1)) } else { None }
    }

    /// A four-digit year at `i`, unless the context marks it as a quantity
    /// or an identifier.
    pub(super) fn year_at(&self, i: usize) -> Option<i32> {
        let n = self.plain_num(i)?;
        if self.raw(i).len() != 4 || !year_range(n) {
            return None;
        }
        Some(n as i32)
    }

    pub(super) fn count_at(&self, i: usize) -> Option<(Count, usize)> {
        // digits, with "1,000", "2.5" and "5 1/2"
        if let Some(n) = self.num(i) {
            let mut v = n as f64;
            let mut j = i + 1;
            while self.is(j, ",")
                && self.glued(j)
                && self.glued(j + 1)
                && self.raw(j + 1).len() == 3
            {
                v = v * 1000.0 + self.num(j + 1)? as f64;
                j += 2;
            }
            if self.is(j, ".") && self.glued(j) && self.glued(j + 1) && self.num(j + 1).is_some() {
                let frac = self.raw(j + 1);
                v += format!("0.{frac}").parse::<f64>().ok()?;
                j += 2;
            }
            if let (Some(a), true, Some(b)) = (self.num(j), self.is(j + 1, "/"), self.num(j + 2))
                && b > 0
                && self.glued(j + 1)
            {
                v += a as f64 / b as f64;
                j += 3;
            }
            return Some((Count::Exact(v), j));
        }
        let w = self.lw(i);
        if w == "a" && self.is(i + 1, "matter") && self.is(i + 2, "of") {
            return Some((Count::Vague, i + 3));
        }
        if w == "a" || w == "an" {
            // "an additional year", "a full week": one, the adjective
            // skipped by the duration rule
            if matches!(
                self.lw(i + 1),
                "additional" | "extra" | "full" | "whole" | "further" | "entire"
            ) {
                return Some((Count::Exact(1.0), i + 1));
            }
            // "a few", "a couple of", "a dozen", "a half", else one
            let k = self.info(i + 1)?;
            return match (self.lw(i + 1), k.count) {
                ("few", _) => Some((Count::Vague, i + 2)),
                ("couple", _) => Some((
                    Count::Exact(2.0),
                    if self.is(i + 2, "of") { i + 3 } else { i + 2 },
                )),
                ("dozen", _) => Some((Count::Exact(12.0), i + 2)),
                _ if k.unit.is_some() || k.count.is_none() => Some((Count::Exact(1.0), i + 1)),
                _ => None,
            };
        }
        let c = self.info(i)?.count?;
        match c {
            Count::Vague => {
                let j = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
                Some((Count::Vague, j))
            }
            Count::Exact(v) => {
                let mut v = v;
                let mut j = i + 1;
                // twenty-four, twenty four
                if (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
                    let k = if self.is(j, "-") && self.glued(j) {
                        j + 1
                    } else {
                        j
                    };
                    if let Some(Count::Exact(u)) = self.info(k).and_then(|x| x.count)
                        && (1.0..10.0).contains(&u)
                        && !matches!(self.lw(k), "a" | "an")
                    {
                        v += u;
                        j = k + 1;
                    }
                }
                if matches!(self.lw(j), "hundred" | "thousand") && v < 100.0 {
                    v *= if self.is(j, "hundred") { 100.0 } else { 1000.0 };
                    j += 1;
                }
                // "one and a half"
                if self.is(j, "and")
                    && matches!(self.lw(j + 1), "a" | "an")
                    && self.is(j + 2, "half")
                {
                    v += 0.5;
                    j += 3;
                }
                if self.is(j, "couple") || self.is(j, "dozen") || self.is(j, "few") {
                    return None;
                }
                if matches!(self.lw(i), "couple" | "dozen") && self.is(j, "of") {
                    j += 1;
                }
                if matches!(self.lw(i), "a" | "an") {
                    return None;
                }
                Some((Count::Exact(v), j))
            }
        }
    }

    /// A unit word at `i`: (unit, plural).
    pub(super) fn unit_at(&self, i: usize) -> Option<(Unit, bool)> {
        self.info(i)?.unit
    }

    /// Whether token `i` ends a sentence (or a line starts after it).
    pub(super) fn boundary(&self, i: usize) -> bool {
        let w = self.lw(i);
        if matches!(w, "!" | "?" | ";" | "\"" | "“" | "”") {
            return true;
        }
        if w == "." {
            let prev_short = i > 0 && self.toks[i - 1].e - self.toks[i - 1].s <= 2;
            // a quotation may close after the period: `beat up in the spring.'' The`
            let mut n = i + 1;
            while n < i + 3 && matches!(self.lw(n), "'" | "`" | "\"" | "”" | "’" | "''" | "``")
            {
                n += 1;
            }
            let next_cap = self.tok(n).is_some_and(|t| t.cap && t.space);
            return next_cap && !prev_short;
        }
        false
    }

    /// The tense cue of token `k`, if any.
    pub(super) fn cue(&self, k: usize) -> Option<Tense> {
        let t = self.tok(k)?;
        if t.kind != Kind::Word {
            return None;
        }
        // headline style: "Biden to speak with Putin on Thursday"
        if k < self.title_end
            && self.lw(k) == "to"
            && self.tok(k + 1).is_some_and(|n| n.kind == Kind::Word)
        {
            return Some(Tense::Future);
        }
        // negated auxiliaries: "won't" is not the past of "win"
        if self.is_apos(k + 1) && self.is(k + 2, "t") {
            match self.lw(k) {
                "won" => return Some(Tense::Future),
                "wouldn" | "couldn" | "shouldn" | "mightn" | "ca" | "can" => {
                    return Some(Tense::Modal);
                }
                "didn" | "wasn" | "weren" | "hadn" => return Some(Tense::Past),
                // "hasn't met since June" reports the past, like "has met"
                "hasn" | "haven" => {
                    let n = self.lw(k + 3);
                    return Some(if n.ends_with("ed") || n.ends_with("en") || n == "been" {
                        Tense::Past
                    } else {
                        Tense::Present
                    });
                }
                "isn" | "aren" | "doesn" | "don" => return Some(Tense::Present),
                _ => {}
            }
        }
        // "it's", "that's", "there's": a contracted "is" (or "has", when a
        // participle follows: "it's been", "he's gone")
        if self.lw(k) == "s"
            && k >= 2
            && self.is_apos(k - 1)
            && matches!(
                self.lw(k - 2),
                "it" | "that" | "there" | "here" | "he" | "she" | "what" | "who"
            )
        {
            let n = self.lw(k + 1);
            return Some(if n == "been" || n.ends_with("ed") || n.ends_with("en") {
                Tense::Past
            } else {
                Tense::Present
            });
        }
        // other contracted auxiliaries: "they'll meet Monday", "we'd go",
        // "they're meeting Friday", "we've met"
        if k >= 1 && self.is_apos(k - 1) {
            let n = self.lw(k + 1);
            let participle = n == "been" || n.ends_with("ed") || n.ends_with("en");
            match self.lw(k) {
                "ll" => return Some(Tense::Future),
                "d" => return Some(Tense::Modal),
                "re" | "m" => return Some(Tense::Present),
                "ve" => {
                    return Some(if participle {
                        Tense::Past
                    } else {
                        Tense::Present
                    });
                }
                _ => {}
            }
        }
        if let Some(c) = t.info.and_then(|i| i.cue) {
            // nouns and causes: "the plan", "due to", "set of"
            let needs_to = matches!(
                self.lw(k),
                "plan"
                    | "plans"
                    | "set"
                    | "going"
                    | "hope"
                    | "hopes"
                    | "aims"
                    | "wants"
                    | "intend"
                    | "intends"
                    | "due"
            );
            if needs_to && (!self.is(k + 1, "to") || (self.is(k, "due") && self.is(k + 1, "to"))) {
                return None;
            }
            if c == Tense::Present && matches!(self.lw(k), "has" | "have") {
                // present perfect reports the past
                let n = self.lw(k + 1);
                let n = if n == "not" || n == "already" || n == "also" {
                    self.lw(k + 2)
                } else {
                    n
                };
                if n.ends_with("ed") || n.ends_with("en") || n == "been" {
                    return Some(Tense::Past);
                }
            }
            return Some(c);
        }
        let w = self.lw(k);
        if !t.cap && w.len() >= 5 && w.ends_with("ed") && t.info.is_none() && !w.starts_with("un") {
            // an -ed word after a determiner or adverb is an adjective
            let adj = k > 0
                && matches!(
                    self.lw(k - 1),
                    "a" | "an"
                        | "the"
                        | "this"
                        | "that"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "still"
                        | "very"
                        | "more"
                        | "most"
                        | "well"
                        | "so"
                        | "newly"
                        | "recently"
                        | "widely"
                );
            if !adj {
                return Some(Tense::Past);
            }
        }
        None
    }

    /// The cue of token `k`, read with the auxiliary before it: a past
    /// participle after "be" or a modal ("will be held") is not a past.
    pub(super) fn cue_in_context(&self, k: usize) -> Option<Tense> {
        let c = self.cue(k)?;
        // "the team planned to leave on Thursday": a plan told in the simple
        // past is reported after the fact, unlike "is planned", "plans"
        if c == Tense::Future
            && self.is(k, "planned")
            && k > 0
            && !matches!(
                self.lw(k - 1),
                "is" | "are" | "was" | "were" | "be" | "been" | "being" | "had" | "has" | "have"
            )
        {
            return Some(Tense::Past);
        }
        // "were planning", "was expected", "was set": the plan looks forward
        if c == Tense::Past
            && matches!(self.lw(k), "was" | "were" | "had")
            && let Some(t @ (Tense::Future | Tense::Modal)) = self.cue(k + 1)
        {
            return Some(t);
        }
        if c != Tense::Past
            || k == 0
            || matches!(self.lw(k), "ago" | "last" | "yesterday" | "earlier")
        {
            return Some(c);
        }
        let mut p = k - 1;
        if matches!(self.lw(p), "not" | "also" | "already" | "still") && p > 0 {
            p -= 1;
        }
        match self.lw(p) {
            "be" | "being" => {
                if p > 0
                    && let Some(t @ (Tense::Future | Tense::Modal)) = self.cue(p - 1)
                {
                    return Some(t);
                }
                if p > 0 && self.lw(p - 1) == "to" {
                    return Some(Tense::Modal);
                }
                Some(Tense::Present)
            }
            "is" | "are" | "am" => Some(Tense::Present),
            "to" => Some(Tense::Modal),
            _ => match self.cue(p) {
                Some(t @ (Tense::Future | Tense::Modal)) => Some(t),
                _ => Some(c),
            },
        }
    }

    /// The tense of the clause around tokens `s..e`: the nearest cue,
    /// looking back first.
    pub(super) fn tense(&self, s: usize, e: usize) -> Option<Tense> {
        // "as early as Tuesday", "as soon as January" look forward whatever the verb
        if s >= 3
            && matches!(self.lw(s - 2), "early" | "soon")
            && self.is(s - 1, "as")
            && self.is(s - 3, "as")
        {
            return Some(Tense::Future);
        }
        let mut back = None;
        let mut k = s;
        let mut dist = 0;
        // "agreed to meet on January 10": the time belongs to the infinitive,
        // which looks forward from a past or present governing verb
        let mut infinitive = false;
        while k > 0 && dist < 14 {
            k -= 1;
            dist += 1;
            if self.boundary(k) || self.toks[k + 1].newline {
                break;
            }
            if self.is(k, "to")
                && k >= self.title_end
                && k + 1 < s
                && self
                    .tok(k + 1)
                    .is_some_and(|t| t.kind == Kind::Word && !t.cap)
                && !matches!(
                    self.lw(k + 1),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "be"
                        // nouns that follow a preposition "to": "shot to death"
                        | "death"
                        | "date"
                        | "power"
                        | "office"
                        | "court"
                        | "prison"
                        | "jail"
                        | "trial"
                        | "hospital"
                        | "safety"
                )
            {
                infinitive = true;
                continue;
            }
            if let Some(c) = self.cue_in_context(k) {
                let c = if infinitive && matches!(c, Tense::Past | Tense::Present) {
                    Tense::Modal
                } else {
                    c
                };
                back = Some((dist, c));
                break;
            }
        }
        // a time fronted in its sentence ("In January, the firm ...") is
        // governed by the verb after its comma
        let mut f = s;
        while f > 0
            && s - f < 4
            && !self.boundary(f - 1)
            && !self.toks[f].newline
            && matches!(
                self.lw(f - 1),
                "in" | "on"
                    | "at"
                    | "by"
                    | "since"
                    | "until"
                    | "during"
                    | "early"
                    | "late"
                    | "mid"
                    | "the"
                    | "\""
                    | "“"
                    | "and"
                    | "but"
            )
        {
            f -= 1;
        }
        let fronted = f == 0 || self.boundary(f - 1) || self.toks[f].newline;
        let mut fwd = None;
        let mut k = e;
        let mut dist = 0;
        while k < self.toks.len() && dist < 10 {
            let skip_comma = fronted && k == e && self.is(k, ",");
            if self.boundary(k) || (self.is(k, ",") && !skip_comma) || self.toks[k].newline {
                break;
            }
            dist += 1;
            if let Some(c) = self.cue_in_context(k) {
                fwd = Some((dist, c));
                break;
            }
            k += 1;
        }
        // "until" right before the time only bounds it: the clause's verb
        // ("Until Thursday, they had not ...") tells the tense when there is one
        let weak_back = s > 0 && matches!(self.lw(s - 1), "until" | "till");
        match (back, fwd) {
            (Some(_), Some(f)) if weak_back => Some(f.1),
            (Some(b), Some(f)) => Some(if f.0 < b.0 { f.1 } else { b.1 }),
            (Some(b), None) => Some(b.1),
            (None, Some(f)) => Some(f.1),
            (None, None) => self.bound_before(s).and_then(|m| match m {
                Modifier::OnOrAfter | Modifier::OnOrBefore | Modifier::Before => {
                    Some(Tense::Future)
                }
                _ => None,
            }),
        }
    }

    /// A bound cue ("as early as", "by", "until") right before token `s`.
    pub(super) fn bound_before(&self, s: usize) -> Option<Modifier> {
        'outer: for (seq, m) in &LEX.bounds {
            if seq.len() > s {
                continue;
            }
            let from = s - seq.len();
            for (k, w) in seq.iter().enumerate() {
                if self.lw(from + k) != *w {
                    continue 'outer;
                }
            }
            if matches!(self.lw(s - 1), "since" | "from") {
                // "since 2014" starts a period: keep it as a plain date
                return None;
            }
            return Some(*m);
        }
        None
    }

    /// The year of a month (and day) given without one, from the DCT and
    /// the tense of the clause.
    pub(super) fn guess_year(&self, m: u32, d: Option<u32>, s: usize, e: usize) -> i32 {
        let y = self.dct.year();
        match self.tense(s, e) {
            Some(Tense::Past) => {
                // a date a few weeks ahead in a "past" clause is more likely
                // a misread tense than last year's
                let soon = d
                    .and_then(|d| NaiveDate::from_ymd_opt(y, m, d))
                    .is_some_and(|x| x > self.dct && (x - self.dct).num_days() <= 21);
                // and so is a day in a month just ahead ("will be paid Dec.
                // 15" in a clause that "said" it in October); a whole month
                // ("changed its year in December") names a finished period
                let near = d.is_some() && m > self.dct.month() && m - self.dct.month() <= 2;
                if m > self.dct.month() && !soon && !near {
                    y - 1
                } else {
                    y
                }
            }
            // "could lose the November election" written in March: a modal
            // looks ahead, so a month still to come is this year's; "could
            // have lost", "had hoped" look back through the window below
            // (an infinitive, "to make the late-November trip", is no such modal)
            Some(Tense::Modal)
                if m >= self.dct.month()
                    && self.modal_verb_before(s)
                    && !self.perfect_before(s) =>
            {
                y
            }
            // month precision: "will meet on Dec. 7" written on Dec. 8 is a
            // misread tense more often than next year's date
            Some(Tense::Future) if m < self.dct.month() => y + 1,
            Some(Tense::Future) => y,
            _ => {
                // no cue: the year that puts the month in a window of seven
                // months back to five ahead, as news looks back more than
                // ahead (August seen in February is last year's, March seen
                // in October this year's)
                let diff = i64::from(m) - i64::from(self.dct.month());
                if diff > 5 {
                    y - 1
                } else if diff < -7 {
                    y + 1
                } else {
                    y
                }
            }
        }
    }

    /// A day in the week of the DCT, for a weekday name; `mode` is the
    /// deictic offset (`Some(-1)` last, `Some(1)` next, `Some(0)` this).
    pub(super) fn weekday_date(
        &self,
        wd: u32,
        mode: Option<i32>,
        s: usize,
        e: usize,
    ) -> Option<NaiveDate> {
        let off = i64::from(wd) - iso_wd(self.dct);
        let o = match mode {
            Some(-1) => {
                if off >= 0 {
                    off - 7
                } else {
                    off
                }
            }
            Some(1) => {
                if off <= 0 {
                    off + 7
                } else {
                    off
                }
            }
            _ => {
                let past = if off > 0 { off - 7 } else { off };
                // "would be traveling Thursday", "set to resume Monday": a
                // modal or an infinitive points at the coming day
                let ahead = match self.tense(s, e) {
                    // "had been scheduled to expire Friday" is a plan that is over
                    Some(Tense::Future) => !self.had_been_before(s),
                    // but not "Wednesday's ruling", "had been due to expire Friday"
                    Some(Tense::Modal) => !self.is_apos(e) && !self.past_modal_before(s),
                    _ => false,
                };
                if ahead && past != 0 { past + 7 } else { past }
            }
        };
        shift_day(self.dct, Unit::Day, o)
    }

    /// A "had" or "could" earlier in the clause of token `s`: a plan told
    /// in the past perfect is over, and "could not be reached Friday" is a
    /// past ability, not a plan.
    pub(super) fn past_modal_before(&self, s: usize) -> bool {
        let mut k = s;
        while k > 0 && s - k < 14 {
            k -= 1;
            if self.boundary(k) || self.toks[k + 1].newline {
                return false;
            }
            if matches!(self.lw(k), "had" | "could") {
                return true;
            }
        }
        false
    }

    /// A perfect auxiliary ("had", "have", "'ve") earlier in the clause of
    /// token `s`: "could have won in November" looks back.
    pub(super) fn perfect_before(&self, s: usize) -> bool {
        let mut k = s;
        while k > 0 && s - k < 14 {
            k -= 1;
            if self.boundary(k) || self.toks[k + 1].newline {
                return false;
            }
            if matches!(self.lw(k), "had" | "have" | "'ve" | "\u{2019}ve") {
                return true;
            }
        }
        false
    }

    /// A modal verb ("could", "may", "would" ...) earlier in the clause of
    /// token `s`.
    pub(super) fn modal_verb_before(&self, s: usize) -> bool {
        let mut k = s;
        while k > 0 && s - k < 14 {
            k -= 1;
            if self.boundary(k) || self.toks[k + 1].newline {
                return false;
            }
            if matches!(
                self.lw(k),
                "could" | "would" | "may" | "might" | "can" | "should" | "must"
            ) {
                return true;
            }
        }
        false
    }

    /// "had been" earlier in the clause of token `s`.
    pub(super) fn had_been_before(&self, s: usize) -> bool {
        let mut k = s;
        while k > 0 && s - k < 14 {
            k -= 1;
            if self.boundary(k) || self.toks[k + 1].newline {
                return false;
            }
            if self.is(k, "had") && self.is(k + 1, "been") {
                return true;
            }
        }
        false
    }

    /// The date a value is reckoned from for "later"/"earlier"/"the next
    /// day": the last date mentioned, else the DCT.
    /// The quarter "the quarter", "the latest period" and "the year-ago
    /// quarter" speak of: the first quarter the text named (an earnings
    /// story opens with its reporting period and later mentions of other
    /// quarters are asides), else the quarter last mentioned, else the last
    /// complete quarter before the DCT (results come after a quarter closes).
    pub(super) fn ref_quarter(&self) -> Option<Dv> {
        self.named_quarter()
            .or_else(|| shift(&at_unit(self.dct, Unit::Quarter)?, Unit::Quarter, -1))
    }

    /// The quarter the text has named, if any: the first, else the last.
    pub(super) fn named_quarter(&self) -> Option<Dv> {
        if let Some(q) = &self.topic_quarter {
            return Some(q.clone());
        }
        match &self.anchor {
            Some(q @ Dv::Quarter(..)) => Some(q.clone()),
            _ => None,
        }
    }

    /// Whether the expression just before was a stretch of several months
    /// ("For the nine months, ... a year earlier"): a comparison with a year
    /// before is then about that stretch, which is no quarter.
    pub(super) fn months_stretch_before(&self) -> bool {
        self.last_dur
            .as_deref()
            .and_then(|v| v.strip_prefix('P')?.strip_suffix('M')?.parse::<u32>().ok())
            .is_some_and(|n| (4..12).contains(&n))
    }

    /// The year a months stretch lies in: that of the last date mentioned,
    /// else of the DCT.
    pub(super) fn stretch_year(&self) -> Option<Dv> {
        let d = self
            .anchor
            .as_ref()
            .and_then(Dv::first_day)
            .unwrap_or(self.dct);
        at_unit(d, Unit::Year)
    }

    pub(super) fn anchor_or_dct(&self, unit: Unit) -> Option<Dv> {
        match &self.anchor {
            Some(a) => Some(a.clone()),
            None => at_unit(self.dct, unit),
        }
    }

    // ----- rules ---------------------------------------------------------
}
