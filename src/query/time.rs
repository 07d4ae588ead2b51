//! Time values as people read them: with their precision and modifier, never
//! as a falsely precise timestamp.

use crate::model::{Granularity, Modifier, TimeValue};
use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_year(d: NaiveDate) -> String {
    format!("{} {}", MONTHS[d.month0() as usize], d.year())
}

/// The calendar part of a value at its own precision ("June 2021",
/// "2021-12-07", "Q4 2021", "spring 2021"); `None` for values without bounds.
fn calendar(t: &TimeValue) -> Option<String> {
    let start = t.start?;
    let end = t.end.unwrap_or(start);
    let g = t.granularity.unwrap_or(Granularity::Day);
    Some(match g {
        Granularity::Second | Granularity::Minute | Granularity::Hour => {
            match t.value.split_once('T') {
                Some((day, time)) => format!("{day} {time}"),
                None => start.to_string(),
            }
        }
        Granularity::PartOfDay => {
            let part = match t.value.rsplit_once('T').map(|(_, p)| p) {
                Some("MO") => "morning",
                Some("AF") => "afternoon",
                Some("EV") => "evening",
                Some("NI") => "night",
                _ => "daytime",
            };
            format!("{part} of {start}")
        }
        Granularity::Day => start.to_string(),
        Granularity::Week => format!("week of {start}"),
        Granularity::Month => month_year(start),
        Granularity::Season => {
            let name = match t.value.rsplit_once('-').map(|(_, s)| s) {
                Some("SP") => "spring",
                Some("SU") => "summer",
                Some("FA") => "autumn",
                _ => "winter",
            };
            format!("{name} {}", start.year())
        }
        Granularity::Quarter => format!("Q{} {}", start.month0() / 3 + 1, start.year()),
        Granularity::Half => {
            format!(
                "{} half of {}",
                if start.month() <= 6 {
                    "first"
                } else {
                    "second"
                },
                start.year()
            )
        }
        Granularity::Year => start.year().to_string(),
        Granularity::Decade => format!("{}s", start.year()),
        Granularity::Century => format!("{}s", start.year()),
        Granularity::None => {
            if start == end {
                start.to_string()
            } else {
                format!("{start} to {end}")
            }
        }
    })
}

/// A time value as text that states its precision honestly: "June 2021",
/// "end of January 2022", "not before January 2022", "since 2014",
/// "around 2021-12-07". `ongoing` turns an open start into "since".
pub fn display(t: &TimeValue, ongoing: bool) -> String {
    let Some(cal) = calendar(t) else {
        return match t.value.as_str() {
            "PAST_REF" => "in the past".to_owned(),
            "PRESENT_REF" => "now".to_owned(),
            "FUTURE_REF" => "in the future".to_owned(),
            v if v.starts_with('P') => {
                format!("for {}", t.text.clone().unwrap_or_else(|| v.to_owned()))
            }
            v => t
                .text
                .clone()
                .map(|s| format!("{s} ({v})"))
                .unwrap_or_else(|| v.to_owned()),
        };
    };
    match t.modifier {
        None => cal,
        Some(Modifier::Start) => format!("start of {cal}"),
        Some(Modifier::Mid) => format!("mid-{cal}"),
        Some(Modifier::End) => format!("end of {cal}"),
        Some(Modifier::Approx) => format!("around {cal}"),
        Some(Modifier::Before) | Some(Modifier::LessThan) => format!("before {cal}"),
        Some(Modifier::After) | Some(Modifier::MoreThan) => format!("after {cal}"),
        Some(Modifier::OnOrBefore) | Some(Modifier::EqualOrLess) => format!("not after {cal}"),
        Some(Modifier::OnOrAfter) | Some(Modifier::EqualOrMore) if ongoing => {
            format!("since {cal}")
        }
        Some(Modifier::OnOrAfter) | Some(Modifier::EqualOrMore) => format!("not before {cal}"),
    }
}

/// The first day a value may cover, for sorting: the start of its bounds.
/// Values that end before a date (`BEFORE`) have no usable start and sort by
/// their end; undated values sort last.
pub fn sort_key(t: Option<&TimeValue>) -> (bool, NaiveDate, NaiveDate) {
    bounds_key(t.map(|t| (t.start, t.end)))
}

/// [`sort_key`] from the bounds of a time value (`None`: no time value).
pub fn bounds_key(
    t: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
) -> (bool, NaiveDate, NaiveDate) {
    let far = NaiveDate::MAX;
    match t {
        Some(t) => match t {
            (Some(s), Some(e)) => (false, s, e),
            (Some(s), None) => (false, s, s),
            (None, Some(e)) => (false, e, e),
            (None, None) => (true, far, far),
        },
        None => (true, far, far),
    }
}

/// Inclusive day bounds of a value, when it has any.
pub fn bounds(t: Option<&TimeValue>) -> Option<(NaiveDate, NaiveDate)> {
    let t = t?;
    let s = t.start.or(t.end)?;
    Some((s, t.end.unwrap_or(s)))
}

/// Parses a `--from`/`--to`/`--as-of` argument: `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`; `to_end` picks the last day of a month or year.
pub fn parse_day(s: &str, to_end: bool) -> Option<NaiveDate> {
    let t = TimeValue::from_value(s.trim());
    if to_end { t.end } else { t.start }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tv(v: &str, m: Option<Modifier>) -> TimeValue {
        let mut t = TimeValue::from_value(v);
        t.modifier = m;
        t
    }

    #[test]
    fn precision_is_stated_not_invented() {
        assert_eq!(display(&tv("2021-06", None), false), "June 2021");
        assert_eq!(
            display(&tv("2022-01", Some(Modifier::End)), false),
            "end of January 2022"
        );
        assert_eq!(
            display(&tv("2022-01", Some(Modifier::OnOrAfter)), false),
            "not before January 2022"
        );
        assert_eq!(
            display(&tv("2014", Some(Modifier::OnOrAfter)), true),
            "since 2014"
        );
        assert_eq!(display(&tv("2021-12-07", None), false), "2021-12-07");
        assert_eq!(display(&tv("2021-Q4", None), false), "Q4 2021");
        assert_eq!(display(&tv("2021-SP", None), false), "spring 2021");
        assert_eq!(
            display(&tv("2021-12-07TEV", None), false),
            "evening of 2021-12-07"
        );
        assert_eq!(display(&tv("PAST_REF", None), false), "in the past");
    }

    #[test]
    fn uncertain_dates_sort_by_start() {
        let june = tv("2021-06", None);
        let day = tv("2021-06-15", None);
        assert!(sort_key(Some(&june)) < sort_key(Some(&day)));
        assert!(sort_key(Some(&day)) < sort_key(None));
        assert_eq!(parse_day("2021-02", true), "2021-02-28".parse().ok());
        assert_eq!(parse_day("2021", false), "2021-01-01".parse().ok());
    }
}
