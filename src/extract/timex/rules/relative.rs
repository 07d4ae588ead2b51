//! Dates relative to the document or to another date: "last week", "the
//! day before", "a while", "that time", "Mondays".

use super::*;

impl<'a> Tagger<'a> {
    /// "for a while", "in a while": a stretch of unknown length and unit.
    pub(super) fn r_a_while(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_day_before(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_second_day(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_mid_day_part(&self, i: usize) -> Option<M> {
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
    pub(super) fn time_after_of(&self, o: usize) -> bool {
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

    /// this/last/next/coming/past + unit, weekday, month, season:
    /// "this week", "last year", "next Monday", "the past two months".
    pub(super) fn r_deictic(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_dayword(&self, i: usize) -> Option<M> {
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

    /// Lexicon phrases: fuzzy references ("now", "recently", "the
    /// future") and holidays ("Christmas", "Thanksgiving Day").
    pub(super) fn r_phrase(&self, i: usize) -> Option<M> {
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

    /// "at the time", "at that time": a vague reference back (or ahead, in
    /// a plan) to the moment the text speaks of; "during that time" right
    /// after a stretch is that stretch. "At the time of X" and
    /// "for the time being" are other phrases.
    pub(super) fn r_that_time(&self, i: usize) -> Option<M> {
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

    /// Bare plural units: "for years", "within weeks", "months of talks".
    pub(super) fn r_bare_plural(&self, i: usize) -> Option<M> {
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
}
