//! The rules. Each `r_*` method tries one family of expressions starting at
//! a token and returns the match (token range, value, modifier, rule name)
//! or `None`. Examples of every rule are in `data/time/examples.tsv`.

use super::lexicon::{Count, DayPart, LEX, PhraseKind, Tense, Unit, WordInfo};
use super::token::{Kind, Tok, tokenize};
use super::value::{Dv, at_unit, holiday_date, iso_wd, shift, shift_day};
use crate::model::{Modifier, Timex, TimexType};
use chrono::{Datelike, NaiveDate};

mod calendar;
mod context;
mod durations;
use durations::*;
mod relative;

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
