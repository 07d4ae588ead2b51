//! Durations, sets and clock times, and how a duration is written as a
//! TimeML value.

use super::*;

pub(super) fn unit_rank(u: Unit) -> u8 {
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

pub(super) fn fmt_num(n: f64) -> String {
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

pub(super) fn code(u: Unit) -> &'static str {
    match u {
        Unit::Year => "Y",
        Unit::Month => "M",
        Unit::Week => "W",
        Unit::Day => "D",
        Unit::Quarter => "Q",
        _ => "Y",
    }
}

impl<'a> Tagger<'a> {
    /// Durations and offsets: "three months", "a 16-month crackdown",
    /// "5 1/2 hours", "two years ago", "a year earlier", "several weeks".
    pub(super) fn r_duration(&self, i: usize) -> Option<M> {
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

    /// Sets: "daily", "every week", "each Thursday", "every other month".
    pub(super) fn r_set(&self, i: usize) -> Option<M> {
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
    pub(super) fn clock_at(&self, i: usize) -> Option<(usize, u32, u32)> {
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
    pub(super) fn r_clock(&self, i: usize) -> Option<M> {
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
}
