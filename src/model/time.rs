use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A time as an interval with a precision, never a bare timestamp.
///
/// `value` is TimeML-style (`2021`, `2021-06`, `2021-12-07`, `2021-W48`,
/// `2021-SP`, `2021-Q4`, `2021-12-07T15:00`, `P7Y`, `PAST_REF`);
/// `start`/`end` are the inclusive calendar bounds it denotes, where it has
/// any. Only `value` is required in the interchange JSON; missing bounds and
/// granularity are derived from it by [`TimeValue::from_value`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct TimeValue {
    /// The surface text ("the end of January").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// TimeML/TIMEX3-style normalised value.
    pub value: String,
    /// First day the value covers (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Last day the value covers (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<Granularity>,
    #[serde(default)]
    pub modifier: Option<Modifier>,
}

/// How precise a time value is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    Second,
    Minute,
    Hour,
    /// Morning, afternoon, evening, night.
    PartOfDay,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    /// A duration or a fuzzy reference with no calendar position.
    None,
}

impl Granularity {
    /// The snake_case name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Second => "second",
            Granularity::Minute => "minute",
            Granularity::Hour => "hour",
            Granularity::PartOfDay => "part_of_day",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Half => "half",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
            Granularity::None => "none",
        }
    }

    /// Parses the snake_case name; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "second" => Granularity::Second,
            "minute" => Granularity::Minute,
            "hour" => Granularity::Hour,
            "part_of_day" => Granularity::PartOfDay,
            "day" => Granularity::Day,
            "week" => Granularity::Week,
            "month" => Granularity::Month,
            "season" => Granularity::Season,
            "quarter" => Granularity::Quarter,
            "half" => Granularity::Half,
            "year" => Granularity::Year,
            "decade" => Granularity::Decade,
            "century" => Granularity::Century,
            "none" => Granularity::None,
            _ => return None,
        })
    }
}

/// TimeML `mod`: where in, or around, the value the time lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Modifier {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

impl Modifier {
    /// The TimeML spelling (`ON_OR_AFTER`).
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Approx => "APPROX",
            Modifier::Before => "BEFORE",
            Modifier::After => "AFTER",
            Modifier::OnOrBefore => "ON_OR_BEFORE",
            Modifier::OnOrAfter => "ON_OR_AFTER",
            Modifier::LessThan => "LESS_THAN",
            Modifier::MoreThan => "MORE_THAN",
            Modifier::EqualOrLess => "EQUAL_OR_LESS",
            Modifier::EqualOrMore => "EQUAL_OR_MORE",
        }
    }

    /// Parses the TimeML spelling; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "START" => Modifier::Start,
            "MID" => Modifier::Mid,
            "END" => Modifier::End,
            "APPROX" => Modifier::Approx,
            "BEFORE" => Modifier::Before,
            "AFTER" => Modifier::After,
            "ON_OR_BEFORE" => Modifier::OnOrBefore,
            "ON_OR_AFTER" => Modifier::OnOrAfter,
            "LESS_THAN" => Modifier::LessThan,
            "MORE_THAN" => Modifier::MoreThan,
            "EQUAL_OR_LESS" => Modifier::EqualOrLess,
            "EQUAL_OR_MORE" => Modifier::EqualOrMore,
            _ => return None,
        })
    }
}

/// TimeML expression type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexType {
    #[default]
    Date,
    Time,
    Duration,
    Set,
}

/// One temporal expression found in a text, as `timex` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Timex {
    /// UTF-8 byte offset of the first byte (inclusive).
    pub start: usize,
    /// UTF-8 byte offset past the last byte (exclusive).
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3-style value.
    pub value: String,
    /// First day covered (inclusive), where the value has calendar bounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub begin: Option<NaiveDate>,
    /// Last day covered (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<Granularity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
    /// The rule that produced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Timex {
    /// The model's time value for this expression.
    pub fn time_value(&self) -> TimeValue {
        TimeValue {
            text: Some(self.text.clone()),
            value: self.value.clone(),
            start: self.begin,
            end: self.until,
            granularity: self.granularity,
            modifier: self.modifier,
        }
    }
}

impl TimeValue {
    /// A time value from a TimeML value alone, with bounds and granularity
    /// derived from it (none for durations and fuzzy references).
    pub fn from_value(value: &str) -> TimeValue {
        let mut t = TimeValue {
            value: value.to_owned(),
            ..Default::default()
        };
        t.fill_bounds();
        t
    }

    /// Fills `start`, `end` and `granularity` from `value` where they are
    /// missing. Bounds already given are kept.
    pub fn fill_bounds(&mut self) {
        if let Some((s, e, g)) = bounds_of(&self.value) {
            self.start.get_or_insert(s);
            self.end.get_or_insert(e);
            self.granularity.get_or_insert(g);
        } else if self.granularity.is_none()
            && (self.value.starts_with('P') || self.value.ends_with("_REF"))
        {
            self.granularity = Some(Granularity::None);
        }
    }

    /// Whether the value is a well-formed TimeML value this crate understands:
    /// a calendar value with bounds, a duration, a fuzzy reference, or a
    /// partly unresolved date (`XXXX-12-07`).
    pub fn is_valid_value(value: &str) -> bool {
        bounds_of(value).is_some()
            || matches!(value, "PAST_REF" | "PRESENT_REF" | "FUTURE_REF")
            || is_duration(value)
            || (value.starts_with("XXXX") && value.is_ascii())
    }
}

fn is_duration(v: &str) -> bool {
    let Some(rest) = v.strip_prefix('P') else {
        return false;
    };
    !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || "YMWDTHSXQLEC.".contains(c))
        && rest.chars().any(|c| c.is_ascii_alphabetic())
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

fn months(y: i32, m0: u32, m1: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((NaiveDate::from_ymd_opt(y, m0, 1)?, last_of_month(y, m1)?))
}

/// Calendar bounds of a TimeML value: `YYYY`, `YYY` (decade), `YY`
/// (century), `YYYY-MM`, `YYYY-MM-DD[Thh[:mm[:ss]]]`, `YYYY-Www`,
/// `YYYY-Qn`, `YYYY-Hn`, `YYYY-SP|SU|FA|WI`.
pub fn bounds_of(value: &str) -> Option<(NaiveDate, NaiveDate, Granularity)> {
    let v = value.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (head, tail) = match v.split_once('-') {
        Some((h, t)) => (h, Some(t)),
        None => (v, None),
    };
    if !digits(head) {
        return None;
    }
    let Some(tail) = tail else {
        return match head.len() {
            4 => {
                let y: i32 = head.parse().ok()?;
                Some((
                    NaiveDate::from_ymd_opt(y, 1, 1)?,
                    NaiveDate::from_ymd_opt(y, 12, 31)?,
                    Granularity::Year,
                ))
            }
            3 => {
                let d: i32 = head.parse().ok()?;
                Some((
                    NaiveDate::from_ymd_opt(d * 10, 1, 1)?,
                    NaiveDate::from_ymd_opt(d * 10 + 9, 12, 31)?,
                    Granularity::Decade,
                ))
            }
            2 => {
                let c: i32 = head.parse().ok()?;
                Some((
                    NaiveDate::from_ymd_opt(c * 100, 1, 1)?,
                    NaiveDate::from_ymd_opt(c * 100 + 99, 12, 31)?,
                    Granularity::Century,
                ))
            }
            _ => None,
        };
    };
    if head.len() != 4 {
        return None;
    }
    let y: i32 = head.parse().ok()?;
    let (s, e, g) = match tail {
        "SP" => (months(y, 3, 5)?.0, months(y, 3, 5)?.1, Granularity::Season),
        "SU" => (months(y, 6, 8)?.0, months(y, 6, 8)?.1, Granularity::Season),
        "FA" => (
            months(y, 9, 11)?.0,
            months(y, 9, 11)?.1,
            Granularity::Season,
        ),
        "WI" => (
            NaiveDate::from_ymd_opt(y, 12, 1)?,
            last_of_month(y + 1, 2)?,
            Granularity::Season,
        ),
        "H1" => (months(y, 1, 6)?.0, months(y, 1, 6)?.1, Granularity::Half),
        "H2" => (months(y, 7, 12)?.0, months(y, 7, 12)?.1, Granularity::Half),
        t if t.len() == 2 && t.starts_with('Q') => {
            let q: u32 = t[1..].parse().ok()?;
            if !(1..=4).contains(&q) {
                return None;
            }
            let (s, e) = months(y, q * 3 - 2, q * 3)?;
            (s, e, Granularity::Quarter)
        }
        // the weekend of an ISO week: its Saturday and Sunday
        t if t.len() == 6 && t.starts_with('W') && t.ends_with("-WE") && digits(&t[1..3]) => {
            let w: u32 = t[1..3].parse().ok()?;
            let s = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sat)?;
            (s, s + chrono::Days::new(1), Granularity::Week)
        }
        t if t.len() == 3 && t.starts_with('W') && digits(&t[1..]) => {
            let w: u32 = t[1..].parse().ok()?;
            let s = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
            (s, s + chrono::Days::new(6), Granularity::Week)
        }
        t if t.len() == 2 && digits(t) => {
            let m: u32 = t.parse().ok()?;
            let (s, e) = months(y, m, m)?;
            (s, e, Granularity::Month)
        }
        t if t.len() >= 5 && digits(&t[..2]) && t.as_bytes()[2] == b'-' && digits(&t[3..5]) => {
            let m: u32 = t[..2].parse().ok()?;
            let d: u32 = t[3..5].parse().ok()?;
            let day = NaiveDate::from_ymd_opt(y, m, d)?;
            let g = match &t[5..] {
                "" => Granularity::Day,
                rest => time_granularity(rest.strip_prefix('T')?)?,
            };
            (day, day, g)
        }
        _ => return None,
    };
    debug_assert!(s.year() <= e.year());
    Some((s, e, g))
}

fn time_granularity(t: &str) -> Option<Granularity> {
    match t {
        "MO" | "AF" | "EV" | "NI" | "DT" => Some(Granularity::PartOfDay),
        _ => {
            let parts: Vec<&str> = t.split(':').collect();
            let ok = parts
                .iter()
                .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()));
            match (ok, parts.len()) {
                (true, 1) => Some(Granularity::Hour),
                (true, 2) => Some(Granularity::Minute),
                (true, 3) => Some(Granularity::Second),
                _ => None,
            }
        }
    }
}

/// Why a timex value names a calendar date that cannot exist (`2021-02-30`,
/// `2021-13`), or `None`. Timex values are looser than time values (sets,
/// partial values), so this is the only check their values get.
pub fn impossible_calendar_date(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = v.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let year = num(0..4)?;
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let month = num(5..7)?;
    if b.get(7).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if !(1..=12).contains(&month) {
        return Some(format!("`{v}`: month {month} does not exist"));
    }
    if b.get(7) == Some(&b'-')
        && let Some(day) = num(8..10)
        && chrono::NaiveDate::from_ymd_opt(year as i32, month, day).is_none()
    {
        return Some(format!(
            "`{v}`: {year:04}-{month:02}-{day:02} does not exist"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timex_calendar_check() {
        assert!(impossible_calendar_date("2021-02-30").is_some());
        assert!(impossible_calendar_date("2021-13").is_some());
        assert!(impossible_calendar_date("2021-02-28").is_none());
        assert!(impossible_calendar_date("2021-W08").is_none());
        assert!(impossible_calendar_date("P3D").is_none());
        assert!(impossible_calendar_date("2021-12-07T15:00").is_none());
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn bounds_of_calendar_values() {
        assert_eq!(
            bounds_of("2021"),
            Some((d("2021-01-01"), d("2021-12-31"), Granularity::Year))
        );
        assert_eq!(
            bounds_of("2022-02"),
            Some((d("2022-02-01"), d("2022-02-28"), Granularity::Month))
        );
        assert_eq!(
            bounds_of("2021-12-07"),
            Some((d("2021-12-07"), d("2021-12-07"), Granularity::Day))
        );
        assert_eq!(
            bounds_of("2021-W48"),
            Some((d("2021-11-29"), d("2021-12-05"), Granularity::Week))
        );
        assert_eq!(
            bounds_of("2021-W48-WE"),
            Some((d("2021-12-04"), d("2021-12-05"), Granularity::Week))
        );
        assert_eq!(bounds_of("2021-W53"), None);
        assert_eq!(
            bounds_of("2021-SP"),
            Some((d("2021-03-01"), d("2021-05-31"), Granularity::Season))
        );
        assert_eq!(
            bounds_of("2021-WI"),
            Some((d("2021-12-01"), d("2022-02-28"), Granularity::Season))
        );
        assert_eq!(
            bounds_of("2021-Q4"),
            Some((d("2021-10-01"), d("2021-12-31"), Granularity::Quarter))
        );
        assert_eq!(
            bounds_of("202"),
            Some((d("2020-01-01"), d("2029-12-31"), Granularity::Decade))
        );
        assert_eq!(
            bounds_of("2021-12-07T15:00"),
            Some((d("2021-12-07"), d("2021-12-07"), Granularity::Minute))
        );
        assert_eq!(
            bounds_of("2021-12-07TEV"),
            Some((d("2021-12-07"), d("2021-12-07"), Granularity::PartOfDay))
        );
    }

    #[test]
    fn impossible_or_unbounded_values_have_no_bounds() {
        assert_eq!(bounds_of("2021-02-30"), None);
        assert_eq!(bounds_of("2021-13"), None);
        assert_eq!(bounds_of("P7Y"), None);
        assert_eq!(bounds_of("PAST_REF"), None);
        assert_eq!(bounds_of("XXXX-12-07"), None);
    }

    #[test]
    fn validity() {
        assert!(TimeValue::is_valid_value("P7Y"));
        assert!(TimeValue::is_valid_value("PT3H"));
        assert!(TimeValue::is_valid_value("XXXX-12-07"));
        assert!(!TimeValue::is_valid_value("2021-02-30"));
        assert!(!TimeValue::is_valid_value("yesterday"));
    }
}
