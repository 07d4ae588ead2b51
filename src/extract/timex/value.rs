//! Calendar values the tagger builds before printing them as TIMEX3
//! strings, and the calendar arithmetic on them.

use super::lexicon::{Holiday, Unit};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// A calendar position at some granularity.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Dv {
    Century(i32),
    Decade(i32),
    Year(i32),
    Half(i32, u32),
    Season(i32, &'static str),
    Quarter(i32, u32),
    Month(i32, u32),
    Week(i32, u32),
    Weekend(i32, u32),
    Day(NaiveDate),
    Part(NaiveDate, &'static str),
    Clock(NaiveDate, u32, u32),
}

impl Dv {
    /// The TIMEX3 value string.
    pub fn value(&self) -> String {
        match self {
            Dv::Century(c) => format!("{c:02}"),
            Dv::Decade(d) => format!("{d:03}"),
            Dv::Year(y) => format!("{y:04}"),
            Dv::Half(y, h) => format!("{y:04}-H{h}"),
            Dv::Season(y, s) => format!("{y:04}-{s}"),
            Dv::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Dv::Month(y, m) => format!("{y:04}-{m:02}"),
            Dv::Week(y, w) => format!("{y:04}-W{w:02}"),
            Dv::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Dv::Day(d) => d.format("%Y-%m-%d").to_string(),
            Dv::Part(d, p) => format!("{}T{p}", d.format("%Y-%m-%d")),
            Dv::Clock(d, h, m) => format!("{}T{h:02}:{m:02}", d.format("%Y-%m-%d")),
        }
    }

    /// Whether the value is a time of day rather than a date.
    pub fn is_time(&self) -> bool {
        matches!(self, Dv::Part(..) | Dv::Clock(..))
    }

    /// The first day the value covers.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match self {
            Dv::Day(d) | Dv::Part(d, _) | Dv::Clock(d, ..) => Some(*d),
            Dv::Weekend(y, w) => NaiveDate::from_isoywd_opt(*y, *w, Weekday::Sat),
            other => super::calendar_bounds(&other.value()).map(|b| b.0),
        }
    }
}

/// The value of day `d` seen at the granularity of `unit`.
pub(crate) fn at_unit(d: NaiveDate, unit: Unit) -> Option<Dv> {
    let y = d.year();
    Some(match unit {
        Unit::Year => Dv::Year(y),
        Unit::Month => Dv::Month(y, d.month()),
        Unit::Week | Unit::Fortnight => {
            let w = d.iso_week();
            Dv::Week(w.year(), w.week())
        }
        Unit::Weekend => {
            let w = d.iso_week();
            Dv::Weekend(w.year(), w.week())
        }
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Dv::Day(d),
        Unit::Decade => Dv::Decade(y.div_euclid(10)),
        Unit::Century => Dv::Century(y.div_euclid(100)),
        Unit::Quarter => Dv::Quarter(y, (d.month() - 1) / 3 + 1),
        Unit::Half => Dv::Half(y, if d.month() <= 6 { 1 } else { 2 }),
        Unit::Millennium => return None,
    })
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(u32::try_from(n).ok()?))
    } else {
        d.checked_sub_months(Months::new(u32::try_from(-n).ok()?))
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Day `d` moved by `n` units, at day precision.
pub(crate) fn shift_day(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Year => add_months(d, n.checked_mul(12)?),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, n.checked_mul(3)?),
        Unit::Half => add_months(d, n.checked_mul(6)?),
        Unit::Decade => add_months(d, n.checked_mul(120)?),
        Unit::Century => add_months(d, n.checked_mul(1200)?),
        Unit::Week | Unit::Weekend => add_days(d, n.checked_mul(7)?),
        Unit::Fortnight => add_days(d, n.checked_mul(14)?),
        Unit::Day => add_days(d, n),
        _ => None,
    }
}

/// `v` moved by `n` units, keeping the granularity of `v` where it is at
/// least as fine as the unit ("a year earlier" than a quarter is a quarter).
pub(crate) fn shift(v: &Dv, unit: Unit, n: i64) -> Option<Dv> {
    let years = match unit {
        Unit::Year => Some(n),
        Unit::Decade => n.checked_mul(10),
        Unit::Century => n.checked_mul(100),
        _ => None,
    };
    let ny = |y: i32| -> Option<i32> { i32::try_from(i64::from(y).checked_add(years?)?).ok() };
    Some(match (v, years) {
        (Dv::Year(y), Some(_)) => Dv::Year(ny(*y)?),
        (Dv::Quarter(y, q), Some(_)) => Dv::Quarter(ny(*y)?, *q),
        (Dv::Half(y, h), Some(_)) => Dv::Half(ny(*y)?, *h),
        (Dv::Season(y, s), Some(_)) => Dv::Season(ny(*y)?, s),
        (Dv::Month(y, m), Some(_)) => Dv::Month(ny(*y)?, *m),
        (Dv::Quarter(y, q), None) if unit == Unit::Quarter => {
            let k = i64::from(*y) * 4 + i64::from(*q) - 1 + n;
            Dv::Quarter(
                i32::try_from(k.div_euclid(4)).ok()?,
                (k.rem_euclid(4) + 1) as u32,
            )
        }
        (Dv::Half(y, h), None) if unit == Unit::Half => {
            let k = i64::from(*y) * 2 + i64::from(*h) - 1 + n;
            Dv::Half(
                i32::try_from(k.div_euclid(2)).ok()?,
                (k.rem_euclid(2) + 1) as u32,
            )
        }
        (Dv::Month(y, m), None) if matches!(unit, Unit::Month | Unit::Quarter | Unit::Half) => {
            let d = shift_day(NaiveDate::from_ymd_opt(*y, *m, 1)?, unit, n)?;
            Dv::Month(d.year(), d.month())
        }
        (Dv::Day(d), _) => Dv::Day(shift_day(*d, unit, n)?),
        (Dv::Part(d, p), _) => Dv::Part(shift_day(*d, unit, n)?, p),
        (other, _) => at_unit(shift_day(other.first_day()?, unit, n)?, unit)?,
    })
}

/// The ISO weekday number (Monday 1) of `d`.
pub(crate) fn iso_wd(d: NaiveDate) -> i64 {
    i64::from(d.weekday().number_from_monday())
}

/// The date of a holiday in year `y`.
pub(crate) fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::Nth { m, wd, n, off } => {
            let wd = Weekday::try_from(u8::try_from(wd.checked_sub(1)?).ok()?).ok()?;
            let d = if n > 0 {
                NaiveDate::from_weekday_of_month_opt(y, m, wd, u8::try_from(n).ok()?)?
            } else {
                let last = super::calendar_bounds(&format!("{y:04}-{m:02}"))?.1;
                let back = (i64::from(last.weekday().num_days_from_monday())
                    - i64::from(wd.num_days_from_monday()))
                .rem_euclid(7);
                add_days(last, -back)?
            };
            add_days(d, off)
        }
        Holiday::Easter(off) => add_days(easter(y)?, off),
    }
}

/// Easter Sunday (Gregorian), by the anonymous computus.
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Narrows calendar bounds to the part a START/MID/END modifier names:
/// thirds of the period (days 1-10 / 11-20 / 21-end of a month).
pub(crate) fn part_bounds(
    b: NaiveDate,
    u: NaiveDate,
    m: crate::model::Modifier,
) -> (NaiveDate, NaiveDate) {
    use crate::model::Modifier::*;
    let len = (u - b).num_days() + 1;
    if len < 3 {
        return (b, u);
    }
    // whole months (years, halves, quarters, seasons): split by months, so
    // "early 2022" is January-April rather than a third of 365 days
    let months = (u.year() - b.year()) * 12 + u.month() as i32 - b.month() as i32 + 1;
    if b.day() == 1 && u.succ_opt().is_some_and(|n| n.day() == 1) && months >= 3 && months % 3 == 0
    {
        let k = months / 3;
        let first_of = |m: i32| b.checked_add_months(Months::new(m as u32)).unwrap_or(b);
        let last_before = |m: i32| first_of(m).pred_opt().unwrap_or(b);
        return match m {
            crate::model::Modifier::Start => (b, last_before(k)),
            crate::model::Modifier::Mid => (first_of(k), last_before(2 * k)),
            crate::model::Modifier::End => (first_of(2 * k), u),
            _ => (b, u),
        };
    }
    let whole_month = b.day() == 1 && u.succ_opt().is_some_and(|n| n.day() == 1) && months == 1;
    let (s, e) = if whole_month {
        (10, 20)
    } else if len == 7 {
        // A week: "early next week" is Monday-Tuesday, "midweek"
        // Wednesday-Thursday, "the end of the week" Friday-Sunday.
        (2, 4)
    } else {
        let third = len / 3;
        (third, len - third)
    };
    let at = |k: i64| add_days(b, k).unwrap_or(b);
    let (pb, pu) = match m {
        Start => (b, at(s - 1)),
        Mid => (at(s), at(e - 1)),
        End => (at(e), u),
        _ => (b, u),
    };
    // A part lies inside its period, or the period is kept whole.
    if b <= pb && pb <= pu && pu <= u {
        (pb, pu)
    } else {
        (b, u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn parts_of_a_week_lie_in_that_week() {
        use crate::model::Modifier::*;
        // 2021-W48 runs from Monday 2021-11-29 to Sunday 2021-12-05.
        let (b, u) = (d("2021-11-29"), d("2021-12-05"));
        assert_eq!(part_bounds(b, u, Start), (b, d("2021-11-30")));
        assert_eq!(part_bounds(b, u, Mid), (d("2021-12-01"), d("2021-12-02")));
        assert_eq!(part_bounds(b, u, End), (d("2021-12-03"), u));
        // Thirds of a month stay days 1-10 / 11-20 / 21-end.
        let (b, u) = (d("2022-02-01"), d("2022-02-28"));
        assert_eq!(part_bounds(b, u, End), (d("2022-02-21"), u));
        // A fortnight across two months is split in thirds of its length.
        let (b, u) = (d("2022-01-24"), d("2022-02-06"));
        let (pb, pu) = part_bounds(b, u, End);
        assert!(b <= pb && pb <= pu && pu == u, "{pb}..{pu}");
    }

    #[test]
    fn shifts_keep_finer_granularity() {
        assert_eq!(
            shift(&Dv::Quarter(1989, 3), Unit::Year, -1),
            Some(Dv::Quarter(1988, 3))
        );
        assert_eq!(
            shift(&Dv::Quarter(1989, 1), Unit::Quarter, -1),
            Some(Dv::Quarter(1988, 4))
        );
        assert_eq!(
            shift(&Dv::Month(2022, 1), Unit::Month, -1),
            Some(Dv::Month(2021, 12))
        );
        assert_eq!(
            shift(&Dv::Week(2021, 48), Unit::Week, 1),
            Some(Dv::Week(2021, 49))
        );
        assert_eq!(
            shift(&Dv::Week(2020, 53), Unit::Week, 1),
            Some(Dv::Week(2021, 1))
        );
    }

    #[test]
    fn iso_week_year_at_new_year() {
        assert_eq!(
            at_unit(d("2021-01-01"), Unit::Week),
            Some(Dv::Week(2020, 53))
        );
    }

    #[test]
    fn holidays() {
        assert_eq!(
            holiday_date(
                Holiday::Nth {
                    m: 11,
                    wd: 4,
                    n: 4,
                    off: 0
                },
                2021
            ),
            Some(d("2021-11-25"))
        );
        assert_eq!(
            holiday_date(
                Holiday::Nth {
                    m: 5,
                    wd: 1,
                    n: -1,
                    off: 0
                },
                2021
            ),
            Some(d("2021-05-31"))
        );
        // US Election Day: the Tuesday after the first Monday of November
        assert_eq!(
            holiday_date(
                Holiday::Nth {
                    m: 11,
                    wd: 1,
                    n: 1,
                    off: 1
                },
                2020
            ),
            Some(d("2020-11-03"))
        );
        assert_eq!(
            holiday_date(
                Holiday::Nth {
                    m: 11,
                    wd: 1,
                    n: 1,
                    off: 1
                },
                2022
            ),
            Some(d("2022-11-08"))
        );
        assert_eq!(
            holiday_date(Holiday::Easter(0), 2021),
            Some(d("2021-04-04"))
        );
    }

    #[test]
    fn parts_of_years_split_by_months() {
        use crate::model::Modifier::*;
        assert_eq!(
            part_bounds(d("2022-01-01"), d("2022-12-31"), Start),
            (d("2022-01-01"), d("2022-04-30"))
        );
        assert_eq!(
            part_bounds(d("2022-01-01"), d("2022-12-31"), Mid),
            (d("2022-05-01"), d("2022-08-31"))
        );
        assert_eq!(
            part_bounds(d("2021-01-01"), d("2021-12-31"), End),
            (d("2021-09-01"), d("2021-12-31"))
        );
        assert_eq!(
            part_bounds(d("2021-10-01"), d("2021-12-31"), End),
            (d("2021-12-01"), d("2021-12-31"))
        );
    }

    #[test]
    fn end_of_month_is_its_last_third() {
        let (b, u) = part_bounds(
            d("2022-01-01"),
            d("2022-01-31"),
            crate::model::Modifier::End,
        );
        assert_eq!((b, u), (d("2022-01-21"), d("2022-01-31")));
    }
}
