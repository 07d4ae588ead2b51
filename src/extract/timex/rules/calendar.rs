//! Calendar dates: days, months, years, decades, seasons, quarters and
//! their parts, written out or in figures.

use super::*;

impl<'a> Tagger<'a> {
    /// "about two years", "nearly four years ago", "more than a decade".
    pub(super) fn r_approx(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_the(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_part(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_month(&self, i: usize) -> Option<M> {
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
        // "that November": the month of the year the text is speaking of
        // (its last explicit date), not of the article's year
        let told = (i > 0 && self.is(i - 1, "that"))
            .then(|| self.anchor.as_ref().and_then(Dv::first_day))
            .flatten();
        let y = match told {
            Some(d) => d.year(),
            None => self.guess_year(mo, None, i, j),
        };
        mk(i, j, Val::Date(Dv::Month(y, mo)), "month")
    }

    /// A year in digits or in words at `k`: (year, next token).
    pub(super) fn year_any(&self, k: usize) -> Option<(i32, usize)> {
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
    pub(super) fn r_week_of(&self, i: usize) -> Option<M> {
        if !self.is(i, "the") || !self.is(i + 1, "week") || !self.is(i + 2, "of") {
            return None;
        }
        let m = self.r_month(i + 3).or_else(|| self.r_day_month(i + 3))?;
        let Val::Date(Dv::Day(d)) = m.val else {
            return None;
        };
        mk(i, m.e, Val::Date(at_unit(d, Unit::Week)?), "week_of")
    }

    pub(super) fn two_digit_year(&self, n: i64) -> i32 {
        let c = self.dct.year().div_euclid(100) * 100;
        let y = c + n as i32;
        if y > self.dct.year() + 10 { y - 100 } else { y }
    }

    /// "7 December 2021", "the 7th of December".
    /// A weekday starting at `i` and followed at `j` by its written day
    /// ("Friday, Dec. 3", "Sunday March 8"): one expression, valued by the
    /// written date.
    pub(super) fn written_date_after(&self, i: usize, j: usize) -> Option<M> {
        let k = if self.is(j, ",") { j + 1 } else { j };
        let m = self.r_month(k).or_else(|| self.r_day_month(k))?;
        matches!(m.val, Val::Date(Dv::Day(_))).then_some(M {
            s: i,
            rule: "weekday_date",
            ..m
        })
    }

    pub(super) fn r_day_month(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_weekday(&self, i: usize) -> Option<M> {
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
    pub(super) fn with_day_part(
        &self,
        s: usize,
        j: usize,
        d: NaiveDate,
        rule: &'static str,
    ) -> Option<M> {
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
    pub(super) fn r_numeric(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_year(&self, i: usize) -> Option<M> {
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
    pub(super) fn num_of_words(&self, k: usize) -> bool {
        !matches!(
            self.lw(k),
            "was" | "is" | "has" | "as" | "this" | "thus" | "his" | "its" | "plus" | "always"
        )
    }

    /// Decades: "the 1990s", "the '90s", "mid-1990s" (through r_part).
    pub(super) fn r_decade(&self, i: usize) -> Option<M> {
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
    pub(super) fn decade_word_ok(&self, i: usize) -> bool {
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
    pub(super) fn r_ordinal_period(&self, i: usize) -> Option<M> {
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

    /// Seasons: "the spring", "spring 2020", "winter of 1994", "in summer".
    pub(super) fn r_season(&self, i: usize) -> Option<M> {
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

    /// "year-earlier", "the year-ago quarter", "the year-earlier period":
    /// the last period mentioned, a year before.
    pub(super) fn r_year_ago_adj(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_year_words(&self, i: usize) -> Option<M> {
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

    pub(super) fn tense_free_year_context(&self, i: usize) -> bool {
        i > 0 && matches!(self.lw(i - 1), "in" | "year" | "since" | "until" | "by")
    }

    /// "Q3 2021", "Q4", "H1 2022": business shorthand for quarters and halves.
    pub(super) fn r_q(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_the_quarter(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_the_year(&self, i: usize) -> Option<M> {
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

    /// "the 1988 quarter", "the 1989 period": the reporting quarter, in
    /// that year.
    pub(super) fn r_year_period(&self, i: usize) -> Option<M> {
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
    pub(super) fn r_weekend(&self, i: usize) -> Option<M> {
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

    /// "year-end", "year end", "year's end".
    pub(super) fn r_year_end(&self, i: usize) -> Option<M> {
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
