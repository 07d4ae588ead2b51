//! The rules. Each `r_*` method tries one family of expressions starting at
//! a token and returns the match (token range, value, modifier, rule name)
//! or `None`. Examples of every rule are in `data/time/examples.tsv`.

use super::lexicon::{Count, DayPart, LEX, PhraseKind, Tense, Unit, WordInfo};
use super::token::{Kind, Tok, tokenize};
use super::value::{Dv, at_unit, holiday_date, iso_wd, shift, shift_day};
use crate::model::{Modifier, Timex, TimexType};
use chrono::{Datelike, NaiveDate};

/// What a rule found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Date(Dv),
    /// A duration value (`P7Y`).
    Dur(String),
    /// A set value (`P1W`, `XXXX-WXX-1`).
    Set(String),
    /// Any other value (`PAST_REF`, `XXXX-12-07`), with its type.
    Raw(String, TimexType),
}

/// A match: tokens `s..e`.
#[derive(Debug, Clone)]
pub(crate) struct M {
    pub s: usize,
    pub e: usize,
    pub val: Val,
    pub m: Option<Modifier>,
    pub rule: &'static str,
}

fn mk(s: usize, e: usize, val: Val, rule: &'static str) -> Option<M> {
    Some(M {
        s,
        e,
        val,
        m: None,
        rule,
    })
}

/// Whether a four-digit number is read as a year.
fn year_range(n: i64) -> bool {
    (1000..=2199).contains(&n)
}

/// The tagger state for one text.
pub(crate) struct Tagger<'a> {
    text: &'a str,
    low: String,
    toks: Vec<Tok>,
    dct: NaiveDate,
    /// The last date mentioned, for "a year earlier", "the next day".
    anchor: Option<Dv>,
    /// Tokens before the first line break: the headline, if any.
    title_end: usize,
    /// The first quarter the text names: the reporting period of an
    /// earnings story, which "the quarter" and "the year-ago period" mean.
    topic_quarter: Option<Dv>,
    /// The value of the last expression, when it was a duration: the
    /// stretch "the year-earlier period" mirrors.
    last_dur: Option<String>,
    /// The last day mentioned in the week after the DCT: the day a plan
    /// with a bare hour is for.
    next_day: Option<NaiveDate>,
}

impl<'a> Tagger<'a> {
    pub fn new(text: &'a str, dct: NaiveDate) -> Self {
        let low = text.to_ascii_lowercase();
        let toks = tokenize(text, &low);
        let title_end = toks
            .iter()
            .skip(1)
            .position(|t| t.newline)
            .map_or(0, |p| p + 1);
        // a headline: a short first line that does not end a sentence
        let last_is_period = title_end > 0
            && toks
                .get(title_end - 1)
                .is_some_and(|t| &low[t.s..t.e] == ".");
        let title_end = if title_end <= 24 && !last_is_period {
            title_end
        } else {
            0
        };
        Tagger {
            text,
            low,
            toks,
            dct,
            anchor: None,
            title_end,
            topic_quarter: None,
            next_day: None,
            last_dur: None,
        }
    }

    /// Scans the text once, left to right, longest match first.
    pub fn run(mut self) -> Vec<Timex> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let t = self.toks[i];
            // articles only start a time when a known word follows
            let lead_ok = !t.trig
                || t.kind != Kind::Word
                || !matches!(self.lw(i), "the" | "that" | "a" | "an")
                || self
                    .tok(i + 1)
                    .is_some_and(|n| n.kind == Kind::Num || n.info.is_some())
                || matches!(
                    self.lw(i + 1),
                    "same"
                        | "future"
                        | "near"
                        | "immediate"
                        | "matter"
                        | "additional"
                        | "extra"
                        | "full"
                        | "whole"
                        | "further"
                        | "entire"
                        | "corresponding"
                        | "comparable"
                        | "time"
                        | "while"
                        | "short"
                        | "long"
                );
            if t.trig
                && lead_ok
                && let Some(m) = self.best(i)
            {
                let m = self.extend(m);
                i = m.e.max(i + 1);
                if let Some(t) = self.emit(m) {
                    out.push(t);
                }
                continue;
            }
            i += 1;
        }
        out
    }

    fn emit(&mut self, mut m: M) -> Option<Timex> {
        if m.e <= m.s {
            return None;
        }
        if let Val::Date(dv) = &m.val {
            // relative expressions point back at the anchor; they do not move it
            if !matches!(m.rule, "ago" | "year_ago" | "anchored" | "ahead") {
                self.anchor = Some(dv.clone());
            }
            if let Dv::Day(d) | Dv::Part(d, _) | Dv::Clock(d, ..) = dv
                && *d > self.dct
                && (*d - self.dct).num_days() <= 7
            {
                self.next_day = Some(*d);
            }
            if matches!(m.rule, "ordinal_period" | "quarter_ended")
                && matches!(dv, Dv::Quarter(..))
                && self.topic_quarter.is_none()
            {
                self.topic_quarter = Some(dv.clone());
            }
            if m.m.is_none() {
                m.m = self.bound_before(m.s);
            }
        }
        self.last_dur = match &m.val {
            Val::Dur(v) if v.starts_with('P') && !v.contains('X') => Some(v.clone()),
            _ => None,
        };
        let s = self.toks[m.s].s;
        let e = self.toks[m.e - 1].e;
        let (kind, value) = match m.val {
            Val::Date(dv) => (
                if dv.is_time() {
                    TimexType::Time
                } else {
                    TimexType::Date
                },
                dv.value(),
            ),
            Val::Dur(v) => (TimexType::Duration, v),
            Val::Set(v) => (TimexType::Set, v),
            Val::Raw(v, k) => (k, v),
        };
        Some(super::make(self.text, s, e, kind, value, m.m, m.rule))
    }

    /// What follows a match and still belongs to it: "the next year or
    /// so", "weeks or months".
    fn extend(&self, mut m: M) -> M {
        // the approximation closes the expression
        if self.is(m.e, "or") && self.is(m.e + 1, "so") {
            m.e += 2;
            if m.m.is_none() {
                m.m = Some(Modifier::Approx);
            }
        }
        // a vague stretch coordinated with another bare unit is one vague
        // stretch: "within weeks or months", "in recent weeks and months"
        if let Val::Dur(v) = &m.val
            && v.contains('X')
            && matches!(self.lw(m.e), "or" | "and")
            && self.unit_at(m.e + 1).is_some_and(|(_, plural)| plural)
            && self.unit_at(m.e - 1).is_some_and(|(_, plural)| plural)
        {
            m.e += 2;
        }
        m
    }

    /// Every rule at token `i`; the longest match (first on ties).
    fn best(&self, i: usize) -> Option<M> {
        self.longest(
            i,
            &[|t, i| t.r_approx(i), |t, i| t.r_the(i), |t, i| t.r_core(i)],
        )
    }

    /// The core rules, without a leading approximation or article.
    fn r_core(&self, i: usize) -> Option<M> {
        // numbers (prices, counts) are most triggers: only the rules that can
        // open with a number run on them
        if self.tok(i).is_some_and(|t| t.kind == Kind::Num) {
            return self.longest(i, NUM_RULES);
        }
        self.longest(i, WORD_RULES)
    }

    /// The longest match of `rules` at `i` (the first on ties).
    fn longest(&self, i: usize, rules: &[Rule]) -> Option<M> {
        let mut best: Option<M> = None;
        for r in rules {
            if let Some(c) = r(self, i)
                && best.as_ref().is_none_or(|b| c.e > b.e)
            {
                best = Some(c);
            }
        }
        best
    }

    // ----- token helpers -------------------------------------------------

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn lw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.low[t.s..t.e])
    }

    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.s..t.e])
    }

    fn info(&self, i: usize) -> Option<&'static WordInfo> {
        self.toks.get(i).and_then(|t| t.info)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.lw(i) == w
    }

    /// Token `i` follows token `i-1` with no space between.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space)
    }

    fn is_apos(&self, i: usize) -> bool {
        matches!(self.lw(i), "'" | "’" | "‘")
    }

    fn num(&self, i: usize) -> Option<i64> {
        let t = self.toks.get(i)?;
        (t.kind == Kind::Num && t.val >= 0).then_some(t.val)
    }

    /// A number token that is not part of a larger number ("1,000", "2.5").
    fn plain_num(&self, i: usize) -> Option<i64> {
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
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
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
    fn year_at(&self, i: usize) -> Option<i32> {
        let n = self.plain_num(i)?;
        if self.raw(i).len() != 4 || !year_range(n) {
            return None;
        }
        Some(n as i32)
    }

    fn count_at(&self, i: usize) -> Option<(Count, usize)> {
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
    fn unit_at(&self, i: usize) -> Option<(Unit, bool)> {
        self.info(i)?.unit
    }

    /// Whether token `i` ends a sentence (or a line starts after it).
    fn boundary(&self, i: usize) -> bool {
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
    fn cue(&self, k: usize) -> Option<Tense> {
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
    fn cue_in_context(&self, k: usize) -> Option<Tense> {
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
    fn tense(&self, s: usize, e: usize) -> Option<Tense> {
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
    fn bound_before(&self, s: usize) -> Option<Modifier> {
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
    fn guess_year(&self, m: u32, d: Option<u32>, s: usize, e: usize) -> i32 {
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
    fn weekday_date(&self, wd: u32, mode: Option<i32>, s: usize, e: usize) -> Option<NaiveDate> {
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
    fn past_modal_before(&self, s: usize) -> bool {
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

    /// "had been" earlier in the clause of token `s`.
    fn had_been_before(&self, s: usize) -> bool {
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
    fn ref_quarter(&self) -> Option<Dv> {
        self.named_quarter()
            .or_else(|| shift(&at_unit(self.dct, Unit::Quarter)?, Unit::Quarter, -1))
    }

    /// The quarter the text has named, if any: the first, else the last.
    fn named_quarter(&self) -> Option<Dv> {
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
    fn months_stretch_before(&self) -> bool {
        self.last_dur
            .as_deref()
            .and_then(|v| v.strip_prefix('P')?.strip_suffix('M')?.parse::<u32>().ok())
            .is_some_and(|n| (4..12).contains(&n))
    }

    /// The year a months stretch lies in: that of the last date mentioned,
    /// else of the DCT.
    fn stretch_year(&self) -> Option<Dv> {
        let d = self
            .anchor
            .as_ref()
            .and_then(Dv::first_day)
            .unwrap_or(self.dct);
        at_unit(d, Unit::Year)
    }

    fn anchor_or_dct(&self, unit: Unit) -> Option<Dv> {
        match &self.anchor {
            Some(a) => Some(a.clone()),
            None => at_unit(self.dct, unit),
        }
    }

    // ----- rules ---------------------------------------------------------

    /// "about two years", "nearly four years ago", "more than a decade".
    fn r_approx(&self, i: usize) -> Option<M> {
        let first = self.lw(i);
        for p in LEX.phrases.get(first)? {
            let PhraseKind::Approx(m) = p.kind else {
                continue;
            };
            if !p
                .rest
                .iter()
                .enumerate()
                .all(|(k, w)| self.lw(i + 1 + k) == *w)
            {
                continue;
            }
            let j = i + 1 + p.rest.len();
            // "over the past two months" is "during", not "more than"
            if matches!(first, "over" | "under")
                && (self.is(j, "the") || self.info(j).is_some_and(|x| x.deictic.is_some()))
            {
                return None;
            }
            let inner = self
                .r_the(j)
                .into_iter()
                .chain(self.r_core(j))
                .max_by_key(|c| c.e)?;
            let keep = match &inner.val {
                Val::Dur(_) => true,
                Val::Date(_) => inner.rule == "ago" || matches!(m, Modifier::Approx),
                _ => false,
            };
            // "get around Wednesday's ruling", "talk about last year's
            // budget": before a possessive time the word is a preposition
            // governing the noun, not an approximation of the time
            if !keep || (self.is_apos(inner.e) && self.is(inner.e + 1, "s")) {
                return None;
            }
            let m = if matches!(inner.val, Val::Date(_)) && m != Modifier::Approx {
                Modifier::Approx
            } else {
                m
            };
            return Some(M {
                s: i,
                m: Some(m),
                ..inner
            });
        }
        None
    }

    /// "the" + an expression that takes an article: "the spring", "the
    /// third quarter", "the past two months", "the 1990s", "the weekend".
    fn r_the(&self, i: usize) -> Option<M> {
        // a doubled article ("at the the end of November") is a typo: the
        // expression starts at the second one
        if !self.is(i, "the") || self.is(i + 1, "the") {
            return None;
        }
        let inner = self.r_core(i + 1)?;
        // "the seven-year war": the adjective alone is the expression
        if inner.rule == "duration_adj" {
            return None;
        }
        if inner.rule == "year_ago" && inner.e <= i + 4 {
            return None;
        }
        // "the third-quarter loss", "the late-November trip": a compound
        // adjective before its noun leaves the article to the noun
        let last = inner.e - 1;
        if last > i + 1
            && self.is(last - 1, "-")
            && self.glued(last - 1)
            && self.glued(last)
            && self
                .tok(inner.e)
                .is_some_and(|t| t.kind == Kind::Word && !t.cap)
        {
            return None;
        }
        let ok = match &inner.val {
            Val::Date(Dv::Day(_) | Dv::Month(..) | Dv::Year(_) | Dv::Clock(..)) => {
                matches!(
                    inner.rule,
                    "deictic" | "part" | "anchored" | "year_ago" | "event_unit"
                )
            }
            Val::Set(_) => false,
            _ => {
                inner.rule != "ref"
                    || self.is(i + 1, "past")
                    || self.is(i + 1, "future")
                    || self.is(i + 1, "present")
            }
        };
        if !ok {
            return None;
        }
        Some(M { s: i, ..inner })
    }

    /// Parts of periods: "early 1991", "the end of January", "mid-1990s",
    /// "earlier this month", "late last week".
    fn r_part(&self, i: usize) -> Option<M> {
        let (mut m, mut j) = (None, i);
        if self.is(i, "the") || self.is(i, "this") {
            j += 1;
        }
        if let Some(p) = self.info(j).and_then(|x| x.part) {
            m = Some(p);
            j += 1;
        }
        let m = m?;
        let word = self.lw(j - 1).to_owned();
        let hyph = self.is(j, "-") && self.glued(j);
        if self.is(j, "of") || hyph {
            j += 1;
        } else if matches!(
            word.as_str(),
            "end" | "beginning" | "start" | "middle" | "close"
        ) {
            // these nouns name a part only with "of" ("the close of 1969");
            // bare before a time they are verbs: "is scheduled to close
            // Monday", "talks end Friday"
            return None;
        }
        if matches!(word.as_str(), "earlier" | "later")
            && !matches!(
                self.lw(j),
                "this" | "that" | "the" | "last" | "next" | "today" | "yesterday" | "tomorrow"
            )
            && self.info(j).is_none_or(|x| x.weekday.is_none())
        {
            return None;
        }
        // "the end of the month", "the end of the year": the current period
        let inner = if self.is(j, "the")
            && let Some((u, false)) = self.unit_at(j + 1)
            && self.unit_at(j + 2).is_none()
        {
            let base = if matches!(u, Unit::Day) {
                self.anchor_or_dct(u)
            } else {
                at_unit(self.dct, u)
            };
            M {
                s: j,
                e: j + 2,
                val: Val::Date(base.and_then(|b| at_unit(b.first_day()?, u))?),
                m: None,
                rule: "deictic",
            }
        } else if self.is(j, "that")
            && let Some((u, false)) = self.unit_at(j + 1)
        {
            let a = self.anchor_or_dct(u)?;
            M {
                s: j,
                e: j + 2,
                val: Val::Date(at_unit(a.first_day()?, u)?),
                m: None,
                rule: "anchored",
            }
        } else {
            self.r_the(j)
                .into_iter()
                .chain(self.r_core(j))
                .max_by_key(|c| c.e)?
        };
        let Val::Date(dv) = &inner.val else {
            return None;
        };
        if matches!(dv, Dv::Clock(..)) {
            return None;
        }
        // "early Monday" (a time of the day) and "late yesterday"
        let m = if matches!(dv, Dv::Day(_)) {
            None
        } else {
            Some(m)
        };
        // "the late-November trip": a compound adjective before its noun
        // leaves the article to the noun
        let s = if hyph
            && matches!(self.lw(i), "the" | "this")
            && self
                .tok(inner.e)
                .is_some_and(|t| t.kind == Kind::Word && !t.cap)
        {
            i + 1
        } else {
            i
        };
        Some(M {
            s,
            e: inner.e,
            val: inner.val.clone(),
            m,
            rule: "part",
        })
    }

    /// Month names: "December 7", "Dec. 7, 2021", "August 1988", "January",
    /// "January this year", "March '87".
    fn r_month(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let mo = t.info?.month?;
        if !t.cap {
            return None;
        }
        let w = self.lw(i);
        let full = w.len() > 4 || matches!(w, "may" | "june" | "july");
        let mut j = i + 1;
        let dotted = !full && self.is(j, ".") && self.glued(j);
        if dotted {
            j += 1;
        }
        if !full && !dotted && self.num(j).is_none() {
            return None;
        }
        // month day [, year]
        if let Some((d, k)) = self.day_num(j)
            && !(self.num(j).is_some()
                && self.is(k, ",")
                && self.num(k + 1).is_some()
                && self.raw(k + 1).len() == 3)
            && !(self.num(j).is_some()
                && self.raw(j).len() == 2
                && self.glued(k)
                && self.num(k).is_some())
        {
            let mut k2 = k;
            if self.is(k2, ",") {
                k2 += 1;
            }
            if let Some(y) = self.year_at(k2) {
                let dt = NaiveDate::from_ymd_opt(y, mo, d)?;
                return mk(i, k2 + 1, Val::Date(Dv::Day(dt)), "month_day_year");
            }
            let y = self.guess_year(mo, Some(d), i, k);
            return match NaiveDate::from_ymd_opt(y, mo, d) {
                Some(dt) => mk(i, k, Val::Date(Dv::Day(dt)), "month_day"),
                None => mk(
                    i,
                    k,
                    Val::Raw(format!("XXXX-{mo:02}-{d:02}"), TimexType::Date),
                    "month_day",
                ),
            };
        }
        // month [of|,] year
        let mut k = j;
        if self.is(k, "of") || self.is(k, ",") {
            k += 1;
        }
        if let Some((y, e)) = self.year_any(k) {
            return mk(i, e, Val::Date(Dv::Month(y, mo)), "month_year");
        }
        if self.is_apos(j) && self.glued(j + 1) && self.raw(j + 1).len() == 2 {
            let y = self.two_digit_year(self.num(j + 1)?);
            return mk(i, j + 2, Val::Date(Dv::Month(y, mo)), "month_year");
        }
        if matches!(self.lw(j), "this" | "last" | "next") && self.is(j + 1, "year") {
            let y = self.dct.year() + self.info(j)?.deictic?.0;
            return mk(i, j + 2, Val::Date(Dv::Month(y, mo)), "month_year");
        }
        if !full && !dotted {
            return None;
        }
        // the bare names that double as verbs or names need a lead-in
        if matches!(w, "may" | "march") {
            let prev = if i > 0 { self.lw(i - 1) } else { "" };
            let lead = matches!(
                prev,
                "in" | "of"
                    | "since"
                    | "until"
                    | "by"
                    | "from"
                    | "through"
                    | "early"
                    | "late"
                    | "mid"
                    | "before"
                    | "after"
                    | "last"
                    | "next"
                    | "this"
                    | "during"
                    | "between"
                    | "and"
                    | "to"
                    | "-"
                    | "or"
                    | "each"
                    | "every"
                    | "till"
                    | "end"
                    | "beginning"
                    | "the"
            );
            if !lead {
                return None;
            }
            // "the March on Washington", "a march for peace"; after "in" it is a month
            let weak_lead = matches!(prev, "the" | "and" | "or" | "to" | "-");
            if w == "march"
                && weak_lead
                && matches!(self.lw(j), "on" | "against" | "for" | "to" | "through")
            {
                return None;
            }
        }
        let y = self.guess_year(mo, None, i, j);
        mk(i, j, Val::Date(Dv::Month(y, mo)), "month")
    }

    /// A year in digits or in words at `k`: (year, next token).
    fn year_any(&self, k: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year_at(k) {
            return Some((y, k + 1));
        }
        match self.r_year_words(k)? {
            M {
                val: Val::Date(Dv::Year(y)),
                e,
                ..
            } => Some((y, e)),
            _ => None,
        }
    }

    /// "the week of March 6": the ISO week holding that day.
    fn r_week_of(&self, i: usize) -> Option<M> {
        if !self.is(i, "the") || !self.is(i + 1, "week") || !self.is(i + 2, "of") {
            return None;
        }
        let m = self.r_month(i + 3).or_else(|| self.r_day_month(i + 3))?;
        let Val::Date(Dv::Day(d)) = m.val else {
            return None;
        };
        mk(i, m.e, Val::Date(at_unit(d, Unit::Week)?), "week_of")
    }

    fn two_digit_year(&self, n: i64) -> i32 {
        let c = self.dct.year().div_euclid(100) * 100;
        let y = c + n as i32;
        if y > self.dct.year() + 10 { y - 100 } else { y }
    }

    /// "7 December 2021", "the 7th of December".
    /// A weekday starting at `i` and followed at `j` by its written day
    /// ("Friday, Dec. 3", "Sunday March 8"): one expression, valued by the
    /// written date.
    fn written_date_after(&self, i: usize, j: usize) -> Option<M> {
        let k = if self.is(j, ",") { j + 1 } else { j };
        let m = self.r_month(k).or_else(|| self.r_day_month(k))?;
        matches!(m.val, Val::Date(Dv::Day(_))).then_some(M {
            s: i,
            rule: "weekday_date",
            ..m
        })
    }

    fn r_day_month(&self, i: usize) -> Option<M> {
        let mut j = i;
        if self.is(i, "the") {
            j += 1;
        }
        let (d, mut k) = self.day_num(j)?;
        if self.is(k, "of") {
            k += 1;
        } else if j > i {
            return None;
        }
        let t = self.tok(k)?;
        let mo = t.info?.month?;
        if !t.cap {
            return None;
        }
        let mut e = k + 1;
        let w = self.lw(k);
        if self.is(e, ".") && self.glued(e) && w.len() <= 4 && !matches!(w, "may" | "june" | "july")
        {
            e += 1;
        }
        let mut k2 = e;
        if self.is(k2, ",") {
            k2 += 1;
        }
        if let Some(y) = self.year_at(k2) {
            return mk(
                i,
                k2 + 1,
                Val::Date(Dv::Day(NaiveDate::from_ymd_opt(y, mo, d)?)),
                "day_month_year",
            );
        }
        let y = self.guess_year(mo, Some(d), i, e);
        mk(
            i,
            e,
            Val::Date(Dv::Day(NaiveDate::from_ymd_opt(y, mo, d)?)),
            "day_month",
        )
    }

    /// Weekdays: "Tuesday", "Tuesday night", "Friday, Dec. 3", "Mondays".
    fn r_weekday(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let (wd, plural) = t.info?.weekday?;
        if !t.cap {
            return None;
        }
        let w = self.lw(i);
        let mut j = i + 1;
        if w.len() <= 4 && !plural {
            // abbreviations only with a period or a date after them
            if self.is(j, ".") && self.glued(j) {
                j += 1;
            } else {
                return None;
            }
        }
        if plural {
            return mk(i, j, Val::Set(format!("XXXX-WXX-{wd}")), "weekday_set");
        }
        // "Tuesday nights" recur like "Tuesdays": the plural part of the
        // day makes the whole a set
        if let Some((DayPart::Code(p), true)) = self.info(j).and_then(|x| x.day_part) {
            return mk(
                i,
                j + 1,
                Val::Set(format!("XXXX-WXX-{wd}T{p}")),
                "weekday_set",
            );
        }
        // "Friday, Dec. 3 [, 2021]" or "Friday Dec. 3"
        if let Some(m) = self.written_date_after(i, j) {
            return Some(m);
        }
        let d = self.weekday_date(wd, None, i, j)?;
        self.with_day_part(i, j, d, "weekday")
    }

    /// A day, optionally followed by a part of the day ("Tuesday night").
    fn with_day_part(&self, s: usize, j: usize, d: NaiveDate, rule: &'static str) -> Option<M> {
        if let Some((DayPart::Code(p), false)) = self.info(j).and_then(|x| x.day_part) {
            // "Friday evening" is a time of day (TIMEX3 `TEV`); "Friday
            // night" and "Friday morning" mostly just name the day in news
            if matches!(p, "EV" | "AF") {
                return mk(s, j + 1, Val::Date(Dv::Part(d, p)), rule);
            }
            return mk(s, j + 1, Val::Date(Dv::Day(d)), rule);
        }
        if let Some(c) = self.clock_at(j + usize::from(self.is(j, "at"))) {
            return mk(s, c.0, Val::Date(Dv::Clock(d, c.1, c.2)), rule);
        }
        mk(s, j, Val::Date(Dv::Day(d)), rule)
    }

    /// Numeric dates: "2021-12-07", "12/07/2021".
    fn r_numeric(&self, i: usize) -> Option<M> {
        let a = self.num(i)?;
        let (sep, b, c) = (self.lw(i + 1), self.num(i + 2)?, self.num(i + 4)?);
        if !(sep == "-" || sep == "/")
            || self.lw(i + 3) != sep
            || !(1..=4).all(|k| self.glued(i + k))
        {
            return None;
        }
        if self.glued(i + 5) && matches!(self.lw(i + 5), "-" | "/" | ":") {
            return None;
        }
        let (y, m, d) = if self.raw(i).len() == 4 && sep == "-" {
            (a as i32, b as u32, c as u32)
        } else if sep == "/" && self.raw(i + 4).len() == 4 {
            (c as i32, a as u32, b as u32)
        } else {
            return None;
        };
        mk(
            i,
            i + 5,
            Val::Date(Dv::Day(NaiveDate::from_ymd_opt(y, m, d)?)),
            "numeric_date",
        )
    }

    /// Years: "2014", "fiscal 1989", "the year 2000", "'87".
    fn r_year(&self, i: usize) -> Option<M> {
        let mut j = i;
        if self.is(j, "fiscal") {
            j += 1;
        }
        if self.is(j, "the") && self.is(j + 1, "year") {
            j += 2;
        } else if self.is(j, "year") && j == i {
            j += 1;
        }
        if self.is_apos(j)
            && self.glued(j + 1)
            && self.raw(j + 1).len() == 2
            && self.num(j + 1).is_some()
        {
            if self.glued(j + 2) && self.lw(j + 2) == "s" {
                return None;
            }
            // a quoted count, as in a title: "'60 Minutes"
            if self.unit_at(j + 2).is_some() {
                return None;
            }
            let y = self.two_digit_year(self.num(j + 1)?);
            return mk(i, j + 2, Val::Date(Dv::Year(y)), "year");
        }
        if j > i
            && let Some(m) = self.r_year_words(j)
        {
            return Some(M { s: i, ..m });
        }
        let y = self.year_at(j)?;
        if self.glued(j + 1) && matches!(self.lw(j + 1), "s" | "-" | "%" | "th") {
            return None;
        }
        if self.glued(j + 1) && self.is_apos(j + 1) && self.is(j + 2, "s") {
            return None;
        }
        // identifiers and quantities
        if j > 0 {
            let p = self.lw(j - 1);
            if self.info(j - 1).is_some_and(|x| x.id_before)
                || matches!(p, "$" | "#" | "€" | "£" | "no" | "¥")
            {
                return None;
            }
            if p == "." && j >= 2 && self.is(j - 2, "no") {
                return None;
            }
            // a name with a number, inside a sentence: "Orion 1980", "Euro 2000"
            let t = &self.toks[j - 1];
            if j == i
                && j >= 2
                && t.kind == Kind::Word
                && t.cap
                && t.info.is_none()
                && !t.newline
                && !self.boundary(j - 2)
                && self
                    .tok(j - 2)
                    .is_some_and(|b| b.kind == Kind::Word && !b.cap)
            {
                return None;
            }
        }
        // after "in", "since", "fiscal" ... a year stays a year ("1989 earnings")
        let lead = j > 0
            && matches!(
                self.lw(j - 1),
                "in" | "since"
                    | "by"
                    | "until"
                    | "of"
                    | "from"
                    | "to"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
                    | "fiscal"
                    | "year"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "and"
                    | "or"
                    | "'s"
                    | "s"
                    | "between"
            );
        if let Some(n) = self.tok(j + 1) {
            let w = self.lw(j + 1);
            if n.kind == Kind::Word
                && !n.cap
                && (!lead || self.info(j + 1).is_some_and(|x| x.qty_after))
            {
                let known_time = self
                    .info(j + 1)
                    .is_some_and(|x| x.unit.is_none() && !x.qty_after);
                if self
                    .info(j + 1)
                    .is_some_and(|x| x.qty_after || x.unit.is_some())
                {
                    return None;
                }
                if w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !known_time
                    && self.num_of_words(j + 1)
                {
                    return None;
                }
            }
            if matches!(w, "%") {
                return None;
            }
        }
        mk(i, j + 1, Val::Date(Dv::Year(y)), "year")
    }

    /// Whether the plural word at `k` reads as the head of a counted noun
    /// phrase ("2000 troops") rather than a clause after a year ("in 2014
    /// prices rose"): the word after it is not a verb-like word.
    fn num_of_words(&self, k: usize) -> bool {
        !matches!(
            self.lw(k),
            "was" | "is" | "has" | "as" | "this" | "thus" | "his" | "its" | "plus" | "always"
        )
    }

    /// Decades: "the 1990s", "the '90s", "mid-1990s" (through r_part).
    fn r_decade(&self, i: usize) -> Option<M> {
        if self.is_apos(i)
            && self.glued(i + 1)
            && self.raw(i + 1).len() == 2
            && self.is(i + 2, "s")
            && self.glued(i + 2)
        {
            let y = self.two_digit_year(self.num(i + 1)?);
            return mk(i, i + 3, Val::Date(Dv::Decade(y / 10)), "decade");
        }
        // "the nineties": the latest such decade, only after "the" (a
        // person "in his nineties" is an age)
        if let Some(d) = self.info(i).and_then(|x| x.decade)
            && self.decade_word_ok(i)
        {
            let mut y = self.dct.year().div_euclid(100) * 100 + d * 10;
            if y > self.dct.year() {
                y -= 100;
            }
            return mk(i, i + 1, Val::Date(Dv::Decade(y / 10)), "decade");
        }
        let n = self.plain_num(i)?;
        if self.raw(i).len() == 4 && year_range(n) && n % 10 == 0 {
            let mut e = i + 1;
            if self.is_apos(e) && self.glued(e) {
                e += 1;
            }
            if self.is(e, "s") && self.glued(e) {
                return mk(i, e + 1, Val::Date(Dv::Decade((n / 10) as i32)), "decade");
            }
        }
        None
    }

    /// A decade word is a time only after "the", possibly with a part
    /// between ("the early sixties", "the mid-eighties"): "in his forties"
    /// is an age.
    fn decade_word_ok(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && i - k < 3 {
            k -= 1;
            match self.lw(k) {
                "the" => return true,
                "-" | "early" | "late" | "mid" => {}
                _ => return false,
            }
        }
        false
    }

    /// Ordinal periods: "the third quarter (of 1990)", "first-quarter",
    /// "the second half", "the 20th century", "the first nine months".
    fn r_ordinal_period(&self, i: usize) -> Option<M> {
        let mut j = i;
        // "this year's third quarter", "1990 third quarter"
        let mut year: Option<i32> = None;
        if let Some(y) = self.year_at(j)
            && matches!(self.info(j + 1).and_then(|x| x.ordinal), Some(1..=4))
        {
            year = Some(y);
            j += 1;
        } else if matches!(self.lw(j), "this" | "last" | "next")
            && self.is(j + 1, "year")
            && self.is_apos(j + 2)
            && self.is(j + 3, "s")
        {
            year = Some(self.dct.year() + self.info(j)?.deictic?.0);
            j += 4;
        }
        if self.is(j, "fiscal") {
            j += 1;
            if self.is(j, "-") {
                j += 1;
            }
        }
        let (ord, mut k) = if let Some(o) = self.info(j).and_then(|x| x.ordinal) {
            (o, j + 1)
        } else if self.is(j, "last") && self.unit_at(j + 1).is_some_and(|u| u.0 == Unit::Half) {
            (2, j + 1)
        } else if let Some(n) = self.num(j) {
            if matches!(self.lw(j + 1), "st" | "nd" | "rd" | "th") && self.glued(j + 1) {
                (n as u32, j + 2)
            } else {
                return None;
            }
        } else {
            return None;
        };
        if self.is(k, "-") && self.glued(k) {
            k += 1;
        }
        if self.is(k, "fiscal") {
            k += 1;
        }
        // "the first nine months": a duration from the start of the year
        if ord == 1
            && let Some((Count::Exact(n), k2)) = self.count_at(k)
            && let Some((u, true)) = self.unit_at(k2)
        {
            // "the first two quarters of 1990" is that year's first half
            if u == Unit::Quarter
                && n == 2.0
                && self.is(k2 + 1, "of")
                && let Some(y) = self.year_at(k2 + 2)
            {
                return mk(i, k2 + 3, Val::Date(Dv::Half(y, 1)), "ordinal_period");
            }
            return mk(
                i,
                k2 + 1,
                Val::Dur(dur_value(Count::Exact(n), u)?),
                "duration",
            );
        }
        let (u, plural) = self.unit_at(k)?;
        let mut e = k + 1;
        let mut explicit = None;
        let mut o = e;
        if self.is(o, "of") || self.is(o, ",") {
            o += 1;
        }
        // "the last half of the '80s": a part of a decade
        let decade = if u == Unit::Half && self.is(o - 1, "of") {
            let d = if self.is(o, "the") { o + 1 } else { o };
            self.r_decade(d)
                .filter(|m| matches!(m.val, Val::Date(Dv::Decade(_))))
        } else {
            None
        };
        if let Some(d) = decade
            && (1..=2).contains(&ord)
        {
            return Some(M {
                s: i,
                e: d.e,
                val: d.val,
                m: Some(if ord == 1 {
                    Modifier::Start
                } else {
                    Modifier::End
                }),
                rule: "ordinal_period",
            });
        }
        if let Some(y) = self.year_at(o) {
            explicit = Some(y);
            e = o + 1;
        } else if (self.is(o, "this") || self.is(o, "last") || self.is(o, "next"))
            && self.is(o + 1, "year")
        {
            explicit = Some(self.dct.year() + self.info(o)?.deictic?.0);
            e = o + 2;
        }
        let y = year.or(explicit);
        let val = match u {
            Unit::Quarter if (1..=4).contains(&ord) => {
                if plural {
                    return mk(i, e, Val::Set(format!("XXXX-Q{ord}")), "quarter_set");
                }
                let y = y.unwrap_or_else(|| {
                    let cur = (self.dct.month() - 1) / 3 + 1;
                    if ord > cur && self.tense(i, e) == Some(Tense::Past) {
                        self.dct.year() - 1
                    } else {
                        self.dct.year()
                    }
                });
                Dv::Quarter(y, ord)
            }
            Unit::Half if (1..=2).contains(&ord) => {
                Dv::Half(y.unwrap_or_else(|| self.dct.year()), ord)
            }
            Unit::Century if (1..=30).contains(&ord) && !plural => Dv::Century(ord as i32 - 1),
            // "the first year of his presidency", "the second day of the
            // offensive": one unit of an event, not of the calendar
            Unit::Day | Unit::Week | Unit::Month | Unit::Year
                if !plural && y.is_none() && self.is(k + 1, "of") && !self.time_after_of(k + 2) =>
            {
                if u != Unit::Day {
                    return mk(
                        i,
                        e,
                        Val::Dur(dur_value(Count::Exact(1.0), u)?),
                        "event_unit",
                    );
                }
                // a day of something under way is today; a past one is unknown
                if matches!(self.tense(i, e), None | Some(Tense::Present)) {
                    return mk(i, e, Val::Date(Dv::Day(self.dct)), "event_unit");
                }
                return None;
            }
            _ => return None,
        };
        mk(i, e, Val::Date(val), "ordinal_period")
    }

    /// "for a while", "in a while": a stretch of unknown length and unit.
    fn r_a_while(&self, i: usize) -> Option<M> {
        if !self.is(i, "a")
            || !self.is(i + 1, "while")
            || i == 0
            || !matches!(self.lw(i - 1), "for" | "in" | "after")
        {
            return None;
        }
        mk(i, i + 2, Val::Dur("PXX".into()), "duration")
    }

    /// "the day before last Tuesday's hearing", "the day after Christmas":
    /// a day next to a named day.
    fn r_day_before(&self, i: usize) -> Option<M> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        if !self.is(j, "day") {
            return None;
        }
        let off = match self.lw(j + 1) {
            "before" => -1,
            "after" => 1,
            _ => return None,
        };
        let m = self.best(j + 2)?;
        let Val::Date(Dv::Day(d)) = m.val else {
            return None;
        };
        mk(
            i,
            m.e,
            Val::Date(Dv::Day(shift_day(d, Unit::Day, off)?)),
            "day_before",
        )
    }

    /// The second day of "April 24 and 25": the month and year of the first.
    fn r_second_day(&self, i: usize) -> Option<M> {
        if i < 3 || !matches!(self.lw(i - 1), "and" | "or") || self.raw(i).len() > 2 {
            return None;
        }
        let first = self.num(i - 2)?;
        let n = self.num(i)?;
        if self.raw(i - 2).len() > 2
            || self.info(i - 3).and_then(|x| x.month).is_none()
            || !(first + 1..=31).contains(&n)
            || self.unit_at(i + 1).is_some()
            || self.info(i + 1).is_some_and(|x| x.month.is_some())
            || (self.glued(i + 1) && self.tok(i + 1).is_some_and(|t| t.kind != Kind::Punct))
            || matches!(self.lw(i + 1), "%" | "percent" | "-")
        {
            return None;
        }
        // "April 24 and 25 more were sent" counts; a date ends its phrase
        let ends = self.tok(i + 1).is_none_or(|t| t.kind == Kind::Punct)
            || matches!(
                self.lw(i + 1),
                "in" | "at"
                    | "on"
                    | "of"
                    | "for"
                    | "to"
                    | "with"
                    | "when"
                    | "as"
                    | "before"
                    | "after"
            );
        if !ends {
            return None;
        }
        let Some(Dv::Day(d)) = &self.anchor else {
            return None;
        };
        if i64::from(d.day()) != first {
            return None;
        }
        let d2 = d.with_day(u32::try_from(n).ok()?)?;
        mk(i, i + 1, Val::Date(Dv::Day(d2)), "month_day")
    }

    /// "mid-afternoon", "mid afternoon yesterday", "in the morning": a part
    /// of a day, the day named after it, else the last day mentioned, else
    /// the DCT.
    fn r_mid_day_part(&self, i: usize) -> Option<M> {
        // "dealers placed orders in the morning": that day's morning
        let in_the = i > 0 && self.is(i - 1, "in") && self.is(i, "the");
        if !self.is(i, "mid") && !in_the {
            return None;
        }
        let j = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
        if in_the && (self.is(j + 1, "of") || self.is(j + 1, "-")) {
            return None;
        }
        let Some((DayPart::Code(p), false)) = self.info(j).and_then(|x| x.day_part) else {
            return None;
        };
        let named = self
            .r_dayword(j + 1)
            .or_else(|| self.r_weekday(j + 1))
            .and_then(|m| match m.val {
                Val::Date(Dv::Day(d)) => Some((d, m.e)),
                _ => None,
            });
        let (d, e) = match (named, &self.anchor) {
            (Some(x), _) => x,
            (None, Some(Dv::Day(d) | Dv::Part(d, _) | Dv::Clock(d, ..))) => (*d, j + 1),
            (None, _) => (self.dct, j + 1),
        };
        mk(i, e, Val::Date(Dv::Part(d, p)), "part")
    }

    /// Whether a time starts at `o`, after "of": "the first week of May",
    /// "the last day of the year".
    fn time_after_of(&self, o: usize) -> bool {
        let o = if self.is(o, "the") || self.is(o, "this") || self.is(o, "that") {
            if self.unit_at(o + 1).is_some() {
                return true;
            }
            o + 1
        } else {
            o
        };
        self.year_at(o).is_some()
            || self
                .info(o)
                .is_some_and(|x| x.month.is_some() || x.season.is_some() || x.deictic.is_some())
            || self.unit_at(o).is_some()
    }

    /// Seasons: "the spring", "spring 2020", "winter of 1994", "in summer".
    fn r_season(&self, i: usize) -> Option<M> {
        let (code, plural) = self.info(i)?.season?;
        if plural {
            return None;
        }
        let prev = if i > 0 { self.lw(i - 1) } else { "" };
        let mut e = i + 1;
        let mut o = e;
        if self.is(o, "of") || self.is(o, ",") {
            o += 1;
        }
        if let Some((y, e)) = self.year_any(o) {
            return mk(i, e, Val::Date(Dv::Season(y, code)), "season");
        }
        if !matches!(
            prev,
            "the"
                | "in"
                | "this"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "during"
                | "since"
                | "until"
                | "by"
        ) || self.is(e, "of")
            || (code == "FA" && !matches!(prev, "the" | "this" | "last" | "next"))
        {
            return None;
        }
        if self.info(e).is_some_and(|x| x.unit.is_some()) {
            return None;
        }
        // a season word followed by a noun is an adjective ("spring
        // offensive"): keep the season but not the noun
        let y = self.dct.year();
        let start = match code {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        let y = match self.tense(i, e) {
            Some(Tense::Past) if start > self.dct.month() => y - 1,
            Some(Tense::Future | Tense::Modal) if start + 2 < self.dct.month() => y + 1,
            _ => y,
        };
        if code == "WI" && self.dct.month() <= 2 {
            e = i + 1;
            return mk(i, e, Val::Date(Dv::Season(y - 1, code)), "season");
        }
        mk(i, e, Val::Date(Dv::Season(y, code)), "season")
    }

    /// this/last/next/coming/past + unit, weekday, month, season:
    /// "this week", "last year", "next Monday", "the past two months".
    fn r_deictic(&self, i: usize) -> Option<M> {
        let (mut off, mut dur) = self.info(i)?.deictic?;
        let mut j = i + 1;
        let w0 = self.lw(i);
        // "this past spring", "this coming Friday"
        if w0 == "this"
            && let Some((o2, d2)) = self.info(j).and_then(|x| x.deictic)
            && o2 != 0
        {
            off = o2;
            dur = d2;
            j += 1;
        }
        let w0 = self.lw(j - 1);
        if matches!(w0, "last" | "next" | "coming" | "following" | "previous") {
            dur = true;
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        // durations: "the past two months", "last five years", "the next few days", "coming weeks"
        if dur
            && let Some((c, k)) = self.count_at(j)
            && !matches!(self.lw(j), "a" | "an")
            && let Some((u, _)) = self.unit_at(k)
        {
            // "the past several quarters", "coming quarters": a vague
            // stretch of reporting periods is a past or future reference
            if c == Count::Vague && u == Unit::Quarter && off != 0 {
                return mk(
                    i,
                    k + 1,
                    Val::Raw(vague_ref(off).into(), TimexType::Date),
                    "ref",
                );
            }
            return mk(i, k + 1, Val::Dur(dur_value(c, u)?), "deictic_duration");
        }
        if dur
            && let Some((u, true)) = self.unit_at(j)
            && off != 0
        {
            // "past years", "coming quarters"
            if matches!(u, Unit::Quarter) || (u == Unit::Year && off < 0 && w0 == "past") {
                return mk(
                    i,
                    j + 1,
                    Val::Raw(vague_ref(off).into(), TimexType::Date),
                    "ref",
                );
            }
            return mk(
                i,
                j + 1,
                Val::Dur(dur_value(Count::Vague, u)?),
                "deictic_duration",
            );
        }
        let info = self.info(j)?;
        if !matches!(
            w0,
            "this"
                | "last"
                | "next"
                | "coming"
                | "past"
                | "previous"
                | "current"
                | "latest"
                | "following"
                | "upcoming"
                | "present"
                | "prior"
        ) {
            return None;
        }
        let anchored = w0 == "following" || (w0 == "previous" && self.is(i.wrapping_sub(1), "the"));
        let off = i64::from(off);
        if let Some((u, false)) = info.unit {
            if matches!(u, Unit::Hour | Unit::Minute | Unit::Second | Unit::Half) {
                return None;
            }
            // "the past decade" is the last ten years, not the 2010s
            if w0 == "past" && matches!(u, Unit::Decade | Unit::Century) {
                return mk(
                    i,
                    j + 1,
                    Val::Dur(dur_value(Count::Exact(1.0), u)?),
                    "deictic_duration",
                );
            }
            // a capitalised "This Week" in running text is a title, not a time
            if self.toks[j].cap {
                let quoted = i > 0 && matches!(self.lw(i - 1), "\"" | "“" | "‘" | "'");
                let next_lower = self
                    .tok(j + 1)
                    .is_some_and(|t| t.kind == Kind::Word && !t.cap)
                    || (self.tok(j + 1).is_some_and(|t| t.kind == Kind::Punct)
                        && self
                            .tok(j + 2)
                            .is_some_and(|t| t.kind == Kind::Word && !t.cap));
                if quoted || next_lower {
                    return None;
                }
            }
            let base = if anchored || (u == Unit::Day && off != 0) {
                self.anchor_or_dct(u)?
            } else {
                at_unit(self.dct, u)?
            };
            let base = at_unit(base.first_day()?, u)?;
            // "the latest quarter" and "last quarter" are the last complete one
            let v = shift(&base, u, off)?;
            return mk(
                i,
                j + 1,
                Val::Date(v),
                if anchored { "anchored" } else { "deictic" },
            );
        }
        if let Some((wd, false)) = info.weekday {
            // "the following Monday", "the previous Friday": seen from the
            // day last mentioned
            if anchored && let Some(Dv::Day(a) | Dv::Part(a, _) | Dv::Clock(a, ..)) = &self.anchor {
                let diff = i64::from(wd) - i64::from(a.weekday().number_from_monday());
                let o = if off < 0 {
                    if diff >= 0 { diff - 7 } else { diff }
                } else if diff <= 0 {
                    diff + 7
                } else {
                    diff
                };
                let d = shift_day(*a, Unit::Day, o)?;
                return self.with_day_part(i, j + 1, d, "anchored");
            }
            // "this coming Sunday, March 8": the written date is the day
            // named, and one expression, as in "Sunday, March 8"
            if let Some(m) = self.written_date_after(i, j + 1) {
                return Some(m);
            }
            let d = self.weekday_date(wd, Some(off.signum() as i32), i, j + 1)?;
            return self.with_day_part(i, j + 1, d, "deictic");
        }
        if let Some(mo) = info.month {
            if !self.toks[j].cap {
                return None;
            }
            let y = self.dct.year();
            let m0 = self.dct.month();
            let y = match off {
                // "last February" in March is a year back: the month just
                // past would be named without "last"
                -1 => {
                    if mo + 1 < m0 {
                        y
                    } else {
                        y - 1
                    }
                }
                1 => {
                    if mo > m0 {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => y,
            };
            // "last Oct. 23": the day of that month
            let mut k = j + 1;
            if self.is(k, ".") && self.glued(k) {
                k += 1;
            }
            if let Some((d, e)) = self.day_num(k)
                && let Some(dt) = NaiveDate::from_ymd_opt(y, mo, d)
            {
                return mk(i, e, Val::Date(Dv::Day(dt)), "deictic");
            }
            return mk(i, j + 1, Val::Date(Dv::Month(y, mo)), "deictic");
        }
        if let Some((code, false)) = info.season {
            let mut y = self.dct.year() + off as i32;
            // "last spring", "this past spring": the latest one already over
            if off == -1 {
                let first = match code {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                if first + 3 <= self.dct.month() {
                    y = self.dct.year();
                } else if code == "WI" && self.dct.month() >= 3 {
                    // the winter that ended this year began last December
                    y = self.dct.year() - 1;
                }
            }
            return mk(i, j + 1, Val::Date(Dv::Season(y, code)), "deictic");
        }
        if let Some((DayPart::Code(p), false)) = info.day_part
            && w0 == "this"
        {
            return mk(i, j + 1, Val::Date(Dv::Part(self.dct, p)), "deictic");
        }
        if let Some((DayPart::Code("NI"), false)) = info.day_part
            && w0 == "last"
        {
            return mk(
                i,
                j + 1,
                Val::Date(Dv::Part(shift_day(self.dct, Unit::Day, -1)?, "NI")),
                "deictic",
            );
        }
        None
    }

    /// today, yesterday, tomorrow, tonight, "yesterday morning", "the day
    /// before yesterday", "the next day", "that year", "the same day".
    fn r_dayword(&self, i: usize) -> Option<M> {
        let w = self.lw(i);
        let off = match w {
            "today" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            "tonight" => {
                return mk(i, i + 1, Val::Date(Dv::Day(self.dct)), "dayword");
            }
            _ => None,
        };
        if let Some(o) = off {
            // "USA Today", "VOA Today": a capital "Today" after a capitalised
            // word inside a sentence ends a name (a paper, a programme)
            if w == "today"
                && self.toks[i].cap
                && i > self.title_end
                && !self.toks[i].newline
                && self
                    .tok(i - 1)
                    .is_some_and(|p| p.cap && p.kind == Kind::Word)
                && !self.boundary(i - 1)
            {
                return None;
            }
            // generic "today's world", "the people of tomorrow" name an era,
            // not a day
            let generic_noun = |k: usize| {
                matches!(
                    self.lw(k),
                    "world" | "youth" | "society" | "generation" | "young" | "children" | "kids"
                )
            };
            if (self.is_apos(i + 1) && self.is(i + 2, "s") && generic_noun(i + 3))
                || (w == "tomorrow" && i > 0 && self.is(i - 1, "of"))
            {
                return None;
            }
            if self.is_apos(i + 1) && self.is(i + 2, "s") {
                return mk(
                    i,
                    i + 1,
                    Val::Date(Dv::Day(shift_day(self.dct, Unit::Day, o)?)),
                    "dayword",
                );
            }
            return self.with_day_part(i, i + 1, shift_day(self.dct, Unit::Day, o)?, "dayword");
        }
        // "the next morning", "the following evening": the day after the anchor
        if w == "the"
            && let Some((o, _)) = self.info(i + 1).and_then(|x| x.deictic)
            && o != 0
            && matches!(
                self.info(i + 2).and_then(|x| x.day_part),
                Some((DayPart::Code(_), false))
            )
        {
            let a = match &self.anchor {
                Some(Dv::Day(d) | Dv::Part(d, _) | Dv::Clock(d, ..)) => *d,
                _ => self.dct,
            };
            return mk(
                i,
                i + 3,
                Val::Date(Dv::Day(shift_day(a, Unit::Day, i64::from(o))?)),
                "anchored",
            );
        }
        // "that day", "that same year", "the same month"
        let mut j = i;
        if matches!(w, "that" | "the") {
            j += 1;
            if self.is(j, "same") {
                j += 1;
            } else if w == "the" {
                return None;
            }
            let (u, false) = self.unit_at(j)? else {
                return None;
            };
            if matches!(
                u,
                Unit::Hour | Unit::Minute | Unit::Second | Unit::Half | Unit::Weekend
            ) {
                return None;
            }
            let a = self.anchor_or_dct(u)?;
            // "that day" needs a day to point at, not a year; but "that same
            // day" after a month ("last October ... that same day") surely
            // points back: a day of that month
            if granularity_rank(&a) > unit_rank(u) {
                if let (Dv::Month(y, m), Unit::Day, true) = (&a, u, self.is(j - 1, "same")) {
                    let v = format!("{y:04}-{m:02}-XX");
                    return mk(i, j + 1, Val::Raw(v, TimexType::Date), "anchored");
                }
                return None;
            }
            return mk(i, j + 1, Val::Date(at_unit(a.first_day()?, u)?), "anchored");
        }
        None
    }

    /// Durations and offsets: "three months", "a 16-month crackdown",
    /// "5 1/2 hours", "two years ago", "a year earlier", "several weeks".
    fn r_duration(&self, i: usize) -> Option<M> {
        let (c, mut k) = self.count_at(i)?;
        let w = self.lw(i);
        // "half a day", "half an hour"
        if w == "half" && matches!(self.lw(k), "a" | "an") && self.unit_at(k + 1).is_some() {
            k += 1;
        }
        // hyphenated adjective: "seven-year", "16-month", "52-week"
        let hyph = self.is(k, "-") && self.glued(k) && self.glued(k + 1);
        if hyph {
            k += 1;
            let (u, plural) = self.unit_at(k)?;
            if plural && !matches!(c, Count::Vague) {
                return None;
            }
            // "one-half share" is a fraction, not half a year
            if u == Unit::Half {
                return None;
            }
            // "five-year-old" is an age
            if self.is(k + 1, "-") && self.glued(k + 1) && matches!(self.lw(k + 2), "old" | "olds")
            {
                return None;
            }
            let e = if self.is(k + 1, "-") && self.is(k + 2, "long") {
                k + 3
            } else {
                k + 1
            };
            return mk(i, e, Val::Dur(dur_value(c, u)?), "duration_adj");
        }
        if matches!(w, "some" | "many") && !self.unit_at(k).is_some_and(|u| u.1) {
            return None;
        }
        // "two more weeks", "an additional year", "eight trading days"
        if matches!(
            self.lw(k),
            "more"
                | "additional"
                | "straight"
                | "consecutive"
                | "full"
                | "trading"
                | "business"
                | "long"
                | "extra"
                | "whole"
                | "successive"
                | "further"
                | "entire"
        ) {
            k += 1;
        }
        // "two to three weeks", "a year or two"
        if matches!(self.lw(k), "to" | "or" | "-")
            && let Some((_, k2)) = self.count_at(k + 1)
            && self.unit_at(k2).is_some()
        {
            k = k2;
        }
        let (u, plural) = self.unit_at(k)?;
        // a capitalised unit after a number in running text is a name:
        // "60 Minutes", "48 Hours" (headlines capitalise every word)
        if k >= self.title_end
            && k > i
            && self.tok(i).is_some_and(|t| t.kind == Kind::Num)
            && self.tok(k).is_some_and(|t| t.cap)
        {
            return None;
        }
        // "more than a quarter of the market" is a share, "a quarter of a
        // century" a time
        if u == Unit::Quarter
            && matches!(c, Count::Exact(_))
            && self.is(k + 1, "of")
            && self.unit_at(k + 2).is_none()
            && !(matches!(self.lw(k + 2), "a" | "an" | "the") && self.unit_at(k + 3).is_some())
        {
            return None;
        }
        if !plural && self.num(i).is_some() && self.raw(i).len() == 4 {
            return None;
        }
        if plural && matches!(w, "a" | "an") && c != Count::Vague {
            return None;
        }
        // "a day-long strike": the adjective is the expression
        if self.is(k + 1, "-") && self.is(k + 2, "long") && self.glued(k + 1) {
            return mk(
                k,
                k + 3,
                Val::Dur(dur_value(Count::Exact(1.0), u)?),
                "duration_adj",
            );
        }
        // rates: "$1.76 a year", "four flights a week", "24 hours a day"
        let offset_next = matches!(
            self.lw(k + 1),
            "ago" | "earlier" | "later" | "before" | "after" | "or"
        );
        if matches!(w, "a" | "an" | "per") && i > 0 && !offset_next {
            let p = self.tok(i - 1)?;
            let pw = self.lw(i - 1);
            let plural_noun = p.kind == Kind::Word
                && pw.len() > 3
                && pw.ends_with('s')
                && !pw.ends_with("ss")
                && !matches!(
                    pw,
                    "was" | "has" | "does" | "this" | "thus" | "his" | "its" | "is" | "as"
                );
            if p.kind == Kind::Num || plural_noun || matches!(pw, "times" | "twice" | "once" | "%")
            {
                return None;
            }
        }
        if u == Unit::Second && matches!(w, "a" | "an") {
            return None;
        }
        // "Islam will one day be ...": some day ahead, not a length
        if w == "one"
            && u == Unit::Day
            && k == i + 1
            && i > 0
            && matches!(self.cue(i - 1), Some(Tense::Future | Tense::Modal))
        {
            return mk(
                i,
                k + 1,
                Val::Raw("FUTURE_REF".into(), TimexType::Date),
                "ref",
            );
        }
        if self.is(k + 1, "-") && matches!(self.lw(k + 2), "earlier" | "ago" | "old") {
            return None;
        }
        if matches!(u, Unit::Half | Unit::Weekend) && !matches!(w, "a" | "an" | "one") {
            return None;
        }
        if matches!(u, Unit::Half) {
            return None;
        }
        let mut e = k + 1;
        // an age, "the 20-year-old", "30 years old"
        if matches!(self.lw(e), "old" | "older" | "younger") {
            return None;
        }
        if self.is(e, "or") && self.is(e + 1, "so") {
            e += 2;
        }
        // offsets
        let after = self.lw(e);
        let dir = match after {
            "ago" | "earlier" | "before" | "previously" => Some(-1i64),
            "later" | "after" | "hence" => Some(1),
            "from" if self.is(e + 1, "now") => Some(1),
            _ => None,
        };
        if let Some(dir) = dir {
            let end = if after == "from" { e + 2 } else { e + 1 };
            // "before"/"after" followed by a time is a relation to that time
            if matches!(after, "before" | "after")
                && self.tok(e + 1).is_some_and(|t| t.kind != Kind::Punct)
            {
                return mk(i, e, Val::Dur(dur_value(c, u)?), "duration");
            }
            let Count::Exact(n) = c else {
                // "a few days later" counts from a told event, which may lie
                // in the past: not a future, but a vague stretch (TimeML marks
                // the amount, "later" being the signal)
                if after == "later" {
                    return mk(i, e, Val::Dur(dur_value(c, u)?), "duration");
                }
                let r = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return mk(i, end, Val::Raw(r.into(), TimexType::Date), "ago");
            };
            if n.fract() != 0.0 {
                return mk(
                    i,
                    end,
                    Val::Raw(
                        if dir < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
                        TimexType::Date,
                    ),
                    "ago",
                );
            }
            // "an hour later": no calendar value below a day, so the
            // amount is the expression (as TimeML marks it)
            if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                return mk(i, e, Val::Dur(dur_value(c, u)?), "duration");
            }
            let n = n as i64 * dir;
            let from_dct = matches!(after, "ago" | "hence" | "from");
            let base = if u == Unit::Year && dir < 0 && self.months_stretch_before() {
                self.stretch_year()?
            } else if from_dct {
                // "a year ago" next to a quarter speaks of that quarter
                // and in an earnings story, of its reporting quarter
                match (&self.anchor, u) {
                    (Some(a @ Dv::Quarter(..)), Unit::Year) => a.clone(),
                    (_, Unit::Year) if self.topic_quarter.is_some() => {
                        self.topic_quarter.clone()?
                    }
                    _ => at_unit(self.dct, u)?,
                }
            } else {
                match &self.anchor {
                    // "for the quarter ended Sept. 30 ... a year earlier":
                    // results compare quarters, not days
                    Some(Dv::Day(_)) if u == Unit::Year && self.topic_quarter.is_some() => {
                        self.topic_quarter.clone()?
                    }
                    Some(a @ (Dv::Quarter(..) | Dv::Half(..) | Dv::Day(_)))
                        if granularity_rank(a) <= unit_rank(u) =>
                    {
                        a.clone()
                    }
                    Some(a) => at_unit(a.first_day()?, u)?,
                    None => at_unit(self.dct, u)?,
                }
            };
            let v = shift(&base, u, n)?;
            return mk(i, end, Val::Date(v), "ago");
        }
        // "the bonds will be redeemed in five years": a plan names the date
        // that many units ahead, not a length
        if let Count::Exact(n) = c
            && n >= 1.0
            && n.fract() == 0.0
            && i > 0
            && self.is(i - 1, "in")
            // "will settle it in two days of talks" is a length
            && !self.is(e, "of")
            && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Day)
            && matches!(self.tense(i, e), Some(Tense::Future | Tense::Modal))
        {
            let v = shift(&at_unit(self.dct, u)?, u, n as i64)?;
            return mk(i, e, Val::Date(v), "ahead");
        }
        if matches!(c, Count::Vague)
            && !matches!(
                w,
                "recent" | "several" | "few" | "many" | "some" | "numerous"
            )
            && !plural
        {
            return None;
        }
        if u == Unit::Weekend {
            return None;
        }
        // TimeML reads "in recent years" as a vague past, not a length
        if w == "recent" && k == i + 1 && matches!(u, Unit::Year | Unit::Quarter) {
            return mk(
                i,
                k + 1,
                Val::Raw("PAST_REF".into(), TimexType::Date),
                "ref",
            );
        }
        // "a year and a half", "a minute and a half"
        if let Count::Exact(n) = c
            && self.is(k + 1, "and")
            && matches!(self.lw(k + 2), "a" | "one")
            && self.is(k + 3, "half")
        {
            return mk(
                i,
                k + 4,
                Val::Dur(dur_value(Count::Exact(n + 0.5), u)?),
                "duration",
            );
        }
        mk(i, k + 1, Val::Dur(dur_value(c, u)?), "duration")
    }

    /// Lexicon phrases: fuzzy references ("now", "recently", "the
    /// future") and holidays ("Christmas", "Thanksgiving Day").
    fn r_phrase(&self, i: usize) -> Option<M> {
        let list = LEX.phrases.get(self.lw(i))?;
        for p in list {
            if !p
                .rest
                .iter()
                .enumerate()
                .all(|(k, w)| self.lw(i + 1 + k) == *w)
            {
                continue;
            }
            let e = i + 1 + p.rest.len();
            match p.kind {
                PhraseKind::Ref(r) => {
                    // "now" in "now that", "current" before a noun that is not a time
                    if r == "PRESENT_REF" && self.is(i, "current") && self.unit_at(e).is_some() {
                        return None;
                    }
                    // "the future of our peoples" is a fate, not a time
                    if r == "FUTURE_REF" && self.is(e, "of") {
                        return None;
                    }
                    // a sentence opening "Now," turns the argument, it does not
                    // date anything ("Now, he says, ...")
                    if self.is(i, "now") && self.toks[i].cap && self.is(e, ",") && e == i + 1 {
                        return None;
                    }
                    // "the then current price" was current in the past
                    if r == "PRESENT_REF" && i > 0 && self.is(i - 1, "then") {
                        return mk(i, e, Val::Raw("PAST_REF".into(), TimexType::Date), "ref");
                    }
                    return mk(i, e, Val::Raw(r.into(), TimexType::Date), "ref");
                }
                PhraseKind::Holiday(h) => {
                    if !self.toks[i].cap {
                        return None;
                    }
                    let mut k = e;
                    if self.is(k, ",") || self.is(k, "of") {
                        k += 1;
                    }
                    if let Some(y) = self.year_at(k) {
                        return mk(i, k + 1, Val::Date(Dv::Day(holiday_date(h, y)?)), "holiday");
                    }
                    if self.is_apos(e) && self.glued(e + 1) && self.raw(e + 1).len() == 2 {
                        let y = self.two_digit_year(self.num(e + 1)?);
                        return mk(i, e + 2, Val::Date(Dv::Day(holiday_date(h, y)?)), "holiday");
                    }
                    let d0 = holiday_date(h, self.dct.year())?;
                    let y = self.guess_year(d0.month(), Some(d0.day()), i, e);
                    let d = holiday_date(h, y)?;
                    if self.is(e, "week") {
                        let w = d.iso_week();
                        return mk(i, e + 1, Val::Date(Dv::Week(w.year(), w.week())), "holiday");
                    }
                    return mk(i, e, Val::Date(Dv::Day(d)), "holiday");
                }
                _ => {}
            }
        }
        None
    }

    /// Sets: "daily", "every week", "each Thursday", "every other month".
    fn r_set(&self, i: usize) -> Option<M> {
        if let Some(v) = self.info(i)?.set
            && v != "-"
        {
            return mk(i, i + 1, Val::Set(v.into()), "set");
        }
        if !matches!(self.lw(i), "every" | "each" | "per") {
            return None;
        }
        let mut j = i + 1;
        let mut n = 1.0;
        if self.is(j, "other") {
            n = 2.0;
            j += 1;
        } else if let Some((Count::Exact(c), k)) = self.count_at(j)
            && self.unit_at(k).is_some_and(|u| u.1)
        {
            n = c;
            j = k;
        }
        let info = self.info(j)?;
        if let Some((u, _)) = info.unit {
            return mk(i, j + 1, Val::Set(dur_value(Count::Exact(n), u)?), "set");
        }
        if let Some((wd, false)) = info.weekday {
            return mk(i, j + 1, Val::Set(format!("XXXX-WXX-{wd}")), "set");
        }
        if let Some(m) = info.month {
            return mk(i, j + 1, Val::Set(format!("XXXX-{m:02}")), "set");
        }
        if let Some((DayPart::Code(p), false)) = info.day_part {
            return mk(i, j + 1, Val::Set(format!("XXXX-XX-XXT{p}")), "set");
        }
        None
    }

    /// A clock time at `i`: (end token, hour, minute).
    fn clock_at(&self, i: usize) -> Option<(usize, u32, u32)> {
        // "high noon" is a figure of speech (and a film)
        if i > 0 && self.is(i - 1, "high") {
            return None;
        }
        if let Some((DayPart::Clock(h, m), false)) = self.info(i).and_then(|x| x.day_part) {
            return Some((i + 1, h, m));
        }
        let h = self.num(i)?;
        if self.raw(i).len() > 2 {
            return None;
        }
        let mut j = i + 1;
        let mut min = 0;
        let mut colon = false;
        if self.is(j, ":") && self.glued(j) && self.raw(j + 1).len() == 2 {
            min = self.num(j + 1)?;
            j += 2;
            colon = true;
        }
        // a.m. / p.m. / am / pm
        let mut pm = None;
        let w = self.lw(j);
        if (w == "a" || w == "p") && self.is(j + 1, ".") && self.is(j + 2, "m") {
            pm = Some(w == "p");
            j += 3;
            if self.is(j, ".") && self.glued(j) {
                j += 1;
            }
        } else if w == "am" || w == "pm" {
            pm = Some(w == "pm");
            j += 1;
        } else if w == "in"
            && self.is(j + 1, "the")
            && matches!(self.lw(j + 2), "morning" | "afternoon" | "evening")
        {
            pm = Some(!self.is(j + 2, "morning"));
            j += 3;
        } else if matches!(w, "o") && self.is_apos(j + 1) && self.is(j + 2, "clock") {
            j += 3;
            pm = Some(false);
        }
        if pm.is_none() && !(colon && self.info(j).is_some_and(|x| x.zone)) {
            return None;
        }
        let mut h = u32::try_from(h).ok()?;
        if h > 24 || min > 59 {
            return None;
        }
        if let Some(p) = pm {
            if h == 0 || h > 12 {
                return None;
            }
            if p && h < 12 {
                h += 12;
            } else if !p && h == 12 {
                h = 0;
            }
        }
        if self.info(j).is_some_and(|x| x.zone) && self.tok(j).is_some_and(|t| t.cap) {
            j += 1;
        }
        Some((j, h, min as u32))
    }

    /// Clock times: "3 p.m. ET", "10:30 a.m. Tuesday", "noon Thursday".
    fn r_clock(&self, i: usize) -> Option<M> {
        let (j, h, m) = self.clock_at(i)?;
        let mut k = j;
        if self.is(k, ",") || self.is(k, "on") {
            k += 1;
        }
        let day = self
            .r_weekday(k)
            .or_else(|| self.r_dayword(k))
            .or_else(|| self.r_month(k))
            .filter(|d| matches!(d.val, Val::Date(Dv::Day(_))));
        if let Some(d) = day {
            let Val::Date(Dv::Day(dt)) = d.val else {
                return None;
            };
            return mk(i, d.e, Val::Date(Dv::Clock(dt, h, m)), "clock");
        }
        // "the call, scheduled for 3:30 p.m.": a planned hour falls on the
        // day the plan was said to be for
        let planned = self
            .next_day
            .filter(|_| matches!(self.tense(i, j), Some(Tense::Future | Tense::Modal)));
        let base = match (&self.anchor, planned) {
            (_, Some(d)) => d,
            (Some(Dv::Day(d) | Dv::Part(d, _) | Dv::Clock(d, ..)), _) => *d,
            _ => self.dct,
        };
        mk(i, j, Val::Date(Dv::Clock(base, h, m)), "clock")
    }

    /// "year-earlier", "the year-ago quarter", "the year-earlier period":
    /// the last period mentioned, a year before.
    fn r_year_ago_adj(&self, i: usize) -> Option<M> {
        if !self.is(i, "year")
            || !self.is(i + 1, "-")
            || !matches!(self.lw(i + 2), "ago" | "earlier")
        {
            return None;
        }
        let mut e = i + 3;
        // "the year-earlier nine months": a stretch as long as the one now
        if let Some((c @ Count::Exact(_), k)) = self.count_at(e)
            && let Some((u, _)) = self.unit_at(k)
        {
            return mk(i, k + 1, Val::Dur(dur_value(c, u)?), "year_ago");
        }
        // "the year-ago third quarter" is one period, that quarter a year
        // before: left apart, the quarter would read as this year's
        if let Some(m) = self.r_ordinal_period(e)
            && let Val::Date(d @ (Dv::Quarter(..) | Dv::Half(..))) = &m.val
        {
            return mk(i, m.e, Val::Date(shift(d, Unit::Year, -1)?), "year_ago");
        }
        if matches!(
            self.lw(e),
            "period" | "quarter" | "level" | "levels" | "results"
        ) {
            e += usize::from(matches!(self.lw(e), "period" | "quarter"));
        }
        // "For the nine months, ... In the year-earlier period": the same
        // stretch a year before, when a stretch was just named
        if self.is(e - 1, "period")
            && let Some(d) = &self.last_dur
        {
            return mk(i, e, Val::Dur(d.clone()), "year_ago");
        }
        let base = match &self.anchor {
            // "the year-ago quarter": the story's reporting quarter
            _ if matches!(self.lw(e - 1), "quarter" | "period") => self.ref_quarter()?,
            _ if self.months_stretch_before() => self.stretch_year()?,
            Some(Dv::Day(_)) if self.topic_quarter.is_some() => self.ref_quarter()?,
            Some(a @ (Dv::Quarter(..) | Dv::Half(..) | Dv::Day(_) | Dv::Month(..))) => a.clone(),
            _ => at_unit(self.dct, Unit::Year)?,
        };
        mk(i, e, Val::Date(shift(&base, Unit::Year, -1)?), "year_ago")
    }

    /// Years in words: "nineteen ninety-one", "two thousand".
    fn r_year_words(&self, i: usize) -> Option<M> {
        let Some(Count::Exact(hi)) = self.info(i)?.count else {
            return None;
        };
        if self.is(i, "two")
            && self.is(i + 1, "thousand")
            && (self.tense_free_year_context(i) || (i > 0 && self.is(i - 1, "year")))
        {
            return mk(i, i + 2, Val::Date(Dv::Year(2000)), "year_words");
        }
        if !(11.0..=20.0).contains(&hi) {
            return None;
        }
        let Some(Count::Exact(tens)) = self.info(i + 1).and_then(|x| x.count) else {
            return None;
        };
        if !(10.0..=90.0).contains(&tens) || tens % 10.0 != 0.0 && tens > 19.0 {
            return None;
        }
        let mut e = i + 2;
        let mut lo = tens;
        if self.is(e, "-")
            && let Some(Count::Exact(u)) = self.info(e + 1).and_then(|x| x.count)
            && (1.0..10.0).contains(&u)
        {
            lo += u;
            e += 2;
        }
        if self.unit_at(e).is_some() {
            return None;
        }
        mk(
            i,
            e,
            Val::Date(Dv::Year((hi * 100.0 + lo) as i32)),
            "year_words",
        )
    }

    fn tense_free_year_context(&self, i: usize) -> bool {
        i > 0 && matches!(self.lw(i - 1), "in" | "year" | "since" | "until" | "by")
    }

    /// "Q3 2021", "Q4", "H1 2022": business shorthand for quarters and halves.
    fn r_q(&self, i: usize) -> Option<M> {
        let t = self.tok(i)?;
        let w = self.lw(i);
        if !t.cap || !matches!(w, "q" | "h") || !self.glued(i + 1) || self.raw(i + 1).len() != 1 {
            return None;
        }
        let n = self.num(i + 1)? as u32;
        let mut e = i + 2;
        if self.glued(e) && self.tok(e).is_some_and(|t| t.kind != Kind::Punct) {
            return None;
        }
        let y = match self.year_at(e) {
            Some(y) => {
                e += 1;
                y
            }
            None => self.dct.year(),
        };
        let v = match (w, n) {
            ("q", 1..=4) => Dv::Quarter(y, n),
            ("h", 1..=2) => Dv::Half(y, n),
            _ => return None,
        };
        mk(i, e, Val::Date(v), "ordinal_period")
    }

    /// "the quarter", "the corresponding period last year", "the quarter a
    /// year ago", "last year's quarter": the reporting quarter, a year back
    /// when the phrase says so.
    fn r_the_quarter(&self, i: usize) -> Option<M> {
        // "last year's quarter"
        if self.is(i, "last")
            && self.is(i + 1, "year")
            && self.is_apos(i + 2)
            && self.is(i + 3, "s")
            && matches!(self.lw(i + 4), "quarter" | "period")
        {
            let v = shift(&self.ref_quarter()?, Unit::Year, -1)?;
            return mk(i, i + 5, Val::Date(v), "anchored");
        }
        if !self.is(i, "the") {
            return None;
        }
        let mut k = i + 1;
        if matches!(self.lw(k), "corresponding" | "comparable" | "same") {
            k += 1;
        }
        let noun = self.lw(k);
        // "quarter-to-quarter" compares, "the quarter of a century" counts
        if !matches!(noun, "quarter" | "period") || self.is(k + 1, "of") || self.is(k + 1, "-") {
            return None;
        }
        let back = if self.is(k + 1, "last") && self.is(k + 2, "year") {
            Some(k + 3)
        } else if self.is(k + 1, "a")
            && self.is(k + 2, "year")
            && matches!(self.lw(k + 3), "ago" | "earlier")
        {
            Some(k + 4)
        } else {
            None
        };
        // "the quarter ended Sept. 30": the three months up to that day, so
        // the calendar quarter holding most of them, the one of its middle
        // month ("the quarter ended July 31" ran May to July: Q2)
        if back.is_none()
            && noun == "quarter"
            && k == i + 1
            && matches!(self.lw(k + 1), "ended" | "ending")
            && let Some(Val::Date(Dv::Day(d))) = self.r_month(k + 2).map(|m| m.val)
        {
            let middle = d - chrono::Duration::days(45);
            return mk(
                i,
                k + 1,
                Val::Date(at_unit(middle, Unit::Quarter)?),
                "quarter_ended",
            );
        }
        let q = self.ref_quarter()?;
        match back {
            Some(e) => mk(i, e, Val::Date(shift(&q, Unit::Year, -1)?), "anchored"),
            None if noun == "quarter" && k == i + 1 => mk(i, k + 1, Val::Date(q), "anchored"),
            None => None,
        }
    }

    /// "the year", "the fiscal year": the year in focus, or a span of a
    /// year when it runs to a date or is gone over ("the year ended June
    /// 30", "over the year"); "the latest period": the reporting quarter.
    fn r_the_year(&self, i: usize) -> Option<M> {
        if !self.is(i, "the") {
            return None;
        }
        if matches!(self.lw(i + 1), "latest" | "recent") && self.is(i + 2, "period") {
            let v = self.ref_quarter()?;
            return mk(i, i + 3, Val::Date(v), "anchored");
        }
        let j = if matches!(self.lw(i + 1), "fiscal" | "full" | "whole" | "entire") {
            i + 2
        } else {
            i + 1
        };
        if !self.is(j, "year")
            || matches!(self.lw(j + 1), "-" | "'" | "’" | "of")
            || self.num(j + 1).is_some()
        {
            return None;
        }
        // "the year ended June 30" is a span of twelve months; "for the
        // year", "earlier in the year" name the DCT's year
        let span = (matches!(
            self.lw(j + 1),
            "ended" | "ending" | "ends" | "to" | "through" | "before" | "after"
        ) || (i > 0 && matches!(self.lw(i - 1), "over" | "within" | "throughout")))
            && !self.is(i + 1, "full");
        let val = if span {
            Val::Dur("P1Y".into())
        } else {
            Val::Date(Dv::Year(self.dct.year()))
        };
        mk(i, j + 1, val, "the_year")
    }

    /// "at the time", "at that time": a vague reference back (or ahead, in
    /// a plan) to the moment the text speaks of; "during that time" right
    /// after a stretch is that stretch. "At the time of X" and
    /// "for the time being" are other phrases.
    fn r_that_time(&self, i: usize) -> Option<M> {
        // "its five-year restructuring ... During that time": that stretch
        if self.is(i, "that")
            && self.is(i + 1, "time")
            && i > 0
            && matches!(self.lw(i - 1), "during" | "over" | "throughout")
        {
            return mk(i, i + 2, Val::Dur(self.last_dur.clone()?), "anchored");
        }
        if !matches!(self.lw(i), "the" | "that")
            || !self.is(i + 1, "time")
            || i == 0
            || !self.is(i - 1, "at")
            || matches!(self.lw(i + 2), "of" | "being" | "-")
        {
            return None;
        }
        let r = match self.tense(i, i + 2) {
            Some(Tense::Future | Tense::Modal) => "FUTURE_REF",
            _ => "PAST_REF",
        };
        mk(i, i + 2, Val::Raw(r.into(), TimexType::Date), "ref")
    }

    /// "the 1988 quarter", "the 1989 period": the reporting quarter, in
    /// that year.
    fn r_year_period(&self, i: usize) -> Option<M> {
        if !self.is(i, "the") {
            return None;
        }
        let y = self.year_at(i + 1)?;
        if !matches!(self.lw(i + 2), "quarter" | "period") {
            return None;
        }
        // without a quarter named, "the 1988 period" may be a half or nine
        // months: only the year is sure
        // and right after "the first nine months" it is that stretch
        let v = match self.named_quarter() {
            Some(Dv::Quarter(_, q)) if !self.months_stretch_before() => Dv::Quarter(y, q),
            _ => Dv::Year(y),
        };
        // a year spelt out makes it the period later phrases refer to
        // ("In the 1989 period, costs were lower than a year ago")
        mk(i, i + 3, Val::Date(v), "year_period")
    }

    /// "the weekend": the one just past in a past clause, else the coming one.
    fn r_weekend(&self, i: usize) -> Option<M> {
        if !self.is(i, "the") || !self.is(i + 1, "weekend") {
            return None;
        }
        let wd = iso_wd(self.dct);
        let back = wd < 6 && !matches!(self.tense(i, i + 2), Some(Tense::Future | Tense::Modal));
        let d = if back {
            shift_day(self.dct, Unit::Week, -1)?
        } else {
            self.dct
        };
        mk(i, i + 2, Val::Date(at_unit(d, Unit::Weekend)?), "weekend")
    }

    /// Bare plural units: "for years", "within weeks", "months of talks".
    fn r_bare_plural(&self, i: usize) -> Option<M> {
        let (u, plural) = self.unit_at(i)?;
        // "a day-long meeting", "their third day-long meeting"
        if !plural
            && self.is(i + 1, "-")
            && self.is(i + 2, "long")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && !matches!(u, Unit::Half | Unit::Weekend | Unit::Second)
        {
            return mk(
                i,
                i + 3,
                Val::Dur(dur_value(Count::Exact(1.0), u)?),
                "duration_adj",
            );
        }
        if !plural {
            return None;
        }
        if self.is(i + 1, "-") && self.is(i + 2, "long") && self.glued(i + 1) {
            return mk(
                i,
                i + 3,
                Val::Dur(dur_value(Count::Vague, u)?),
                "duration_adj",
            );
        }
        if !matches!(u, Unit::Year | Unit::Week | Unit::Month | Unit::Decade) {
            return None;
        }
        let prev = if i > 0 { self.lw(i - 1) } else { "" };
        if i > 0 && self.tok(i - 1).is_some_and(|t| t.kind == Kind::Num) {
            return None;
        }
        // "in the weeks ahead": a vague stretch from now on
        if prev == "the" && self.is(i + 1, "ahead") {
            return mk(
                i - 1,
                i + 2,
                Val::Dur(dur_value(Count::Vague, u)?),
                "bare_plural",
            );
        }
        // "over the years", "in the years that followed": a vague stretch;
        // "in the weeks before the shooting" leans on an event instead
        if prev == "the"
            && i >= 2
            && matches!(self.lw(i - 2), "over" | "in" | "during" | "through")
            && !matches!(self.lw(i + 1), "before" | "after" | "of" | "since" | "to")
        {
            return mk(
                i - 1,
                i + 1,
                Val::Dur(dur_value(Count::Vague, u)?),
                "bare_plural",
            );
        }
        if matches!(
            prev,
            "the" | "these" | "those" | "all" | "its" | "his" | "her" | "their" | "of"
        ) {
            return None;
        }
        mk(
            i,
            i + 1,
            Val::Dur(dur_value(Count::Vague, u)?),
            "bare_plural",
        )
    }

    /// "year-end", "year end", "year's end".
    fn r_year_end(&self, i: usize) -> Option<M> {
        if !self.is(i, "year") {
            return None;
        }
        let e = if self.is(i + 1, "-") && self.is(i + 2, "end") {
            i + 3
        } else if self.is(i + 1, "end") {
            i + 2
        } else if self.is_apos(i + 1) && self.is(i + 2, "s") && self.is(i + 3, "end") {
            i + 4
        } else {
            return None;
        };
        // the compound "year-end" names the closing day of the books,
        // December 31: the coming one, or the last one after "since"
        if self.is(i + 1, "-") {
            let back = i > 0 && self.is(i - 1, "since");
            let y = self.dct.year() - i32::from(back);
            let d = NaiveDate::from_ymd_opt(y, 12, 31)?;
            return mk(i, e, Val::Date(Dv::Day(d)), "year_end");
        }
        Some(M {
            s: i,
            e,
            val: Val::Date(Dv::Year(self.dct.year())),
            m: Some(Modifier::End),
            rule: "year_end",
        })
    }
}

/// A rule: tries one family of expressions at a token.
type Rule = fn(&Tagger<'_>, usize) -> Option<M>;

/// The rules that can open with a number.
const NUM_RULES: &[Rule] = &[
    |t, i| t.r_day_month(i),
    |t, i| t.r_numeric(i),
    |t, i| t.r_year(i),
    |t, i| t.r_decade(i),
    |t, i| t.r_ordinal_period(i),
    |t, i| t.r_duration(i),
    |t, i| t.r_clock(i),
    |t, i| t.r_second_day(i),
];

/// The rules that open with a word.
const WORD_RULES: &[Rule] = &[
    |t, i| t.r_part(i),
    |t, i| t.r_month(i),
    |t, i| t.r_day_month(i),
    |t, i| t.r_weekday(i),
    |t, i| t.r_numeric(i),
    |t, i| t.r_year(i),
    |t, i| t.r_decade(i),
    |t, i| t.r_ordinal_period(i),
    |t, i| t.r_season(i),
    |t, i| t.r_deictic(i),
    |t, i| t.r_dayword(i),
    |t, i| t.r_duration(i),
    |t, i| t.r_phrase(i),
    |t, i| t.r_set(i),
    |t, i| t.r_clock(i),
    |t, i| t.r_year_ago_adj(i),
    |t, i| t.r_year_words(i),
    |t, i| t.r_year_end(i),
    |t, i| t.r_weekend(i),
    |t, i| t.r_the_quarter(i),
    |t, i| t.r_week_of(i),
    |t, i| t.r_the_year(i),
    |t, i| t.r_year_period(i),
    |t, i| t.r_bare_plural(i),
    |t, i| t.r_q(i),
    |t, i| t.r_that_time(i),
    |t, i| t.r_mid_day_part(i),
    |t, i| t.r_day_before(i),
    |t, i| t.r_a_while(i),
];

/// The vague reference in direction `off`.
fn vague_ref(off: i32) -> &'static str {
    if off < 0 { "PAST_REF" } else { "FUTURE_REF" }
}

fn granularity_rank(v: &Dv) -> u8 {
    match v {
        Dv::Clock(..) | Dv::Part(..) | Dv::Day(_) => 0,
        Dv::Week(..) | Dv::Weekend(..) => 1,
        Dv::Month(..) => 2,
        Dv::Quarter(..) | Dv::Season(..) => 3,
        Dv::Half(..) => 4,
        Dv::Year(_) => 5,
        Dv::Decade(_) => 6,
        Dv::Century(_) => 7,
    }
}

fn unit_rank(u: Unit) -> u8 {
    match u {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => 0,
        Unit::Week | Unit::Weekend | Unit::Fortnight => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        Unit::Half => 4,
        Unit::Year => 5,
        Unit::Decade => 6,
        Unit::Century | Unit::Millennium => 7,
    }
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{}", (n * 100.0).round() / 100.0)
    }
}

/// The TIMEX3 duration for a count of units.
pub(crate) fn dur_value(c: Count, u: Unit) -> Option<String> {
    let Count::Exact(n) = c else {
        return Some(
            match u {
                Unit::Year => "PXY",
                Unit::Month => "PXM",
                Unit::Week | Unit::Fortnight => "PXW",
                Unit::Day | Unit::Weekend => "PXD",
                Unit::Hour => "PTXH",
                Unit::Minute => "PTXM",
                Unit::Second => "PTXS",
                // counted decades and centuries are given in years
                // ("two decades" = P20Y), and so are vague ones
                Unit::Decade | Unit::Century | Unit::Half | Unit::Millennium => "PXY",
                Unit::Quarter => "PXQ",
            }
            .into(),
        );
    };
    if !(n > 0.0 && n < 1e7) {
        return None;
    }
    // fractions go down a unit where one exists ("5 1/2 hours" = PT5H30M)
    if n.fract() != 0.0 {
        let whole = n.trunc();
        let part = n.fract();
        return Some(match u {
            Unit::Year if (part * 12.0).fract() == 0.0 && whole > 0.0 => {
                format!("P{}Y{}M", whole as i64, (part * 12.0) as i64)
            }
            Unit::Year => format!("P{}M", fmt_num(n * 12.0)),
            Unit::Hour if whole > 0.0 => {
                format!("PT{}H{}M", whole as i64, (part * 60.0).round() as i64)
            }
            Unit::Hour => format!("PT{}M", (part * 60.0).round() as i64),
            Unit::Day if whole > 0.0 && (part * 24.0).fract() == 0.0 => {
                format!("P{}DT{}H", whole as i64, (part * 24.0) as i64)
            }
            Unit::Day => format!("PT{}H", fmt_num(n * 24.0)),
            Unit::Minute if whole > 0.0 && (part * 60.0).fract() == 0.0 => {
                format!("PT{}M{}S", whole as i64, (part * 60.0) as i64)
            }
            Unit::Minute => format!("PT{}S", fmt_num(n * 60.0)),
            _ => format!("P{}{}", fmt_num(n), code(u)),
        });
    }
    let n = n as i64;
    Some(match u {
        Unit::Hour => format!("PT{n}H"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Second => format!("PT{n}S"),
        Unit::Decade => format!("P{}Y", n * 10),
        Unit::Century => format!("P{}Y", n * 100),
        Unit::Millennium => format!("P{}Y", n * 1000),
        Unit::Half => format!("P{}M", n * 6),
        Unit::Fortnight => format!("P{}W", n * 2),
        Unit::Weekend => format!("P{}D", n * 2),
        _ => format!("P{n}{}", code(u)),
    })
}

fn code(u: Unit) -> &'static str {
    match u {
        Unit::Year => "Y",
        Unit::Month => "M",
        Unit::Week => "W",
        Unit::Day => "D",
        Unit::Quarter => "Q",
        _ => "Y",
    }
}
