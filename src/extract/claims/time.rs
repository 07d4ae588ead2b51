//! When a claim was stated and what time its content is about.

use super::*;

impl Doc<'_> {
    /// The first token at or after `k` (before `s1`) that is not part of a
    /// time expression or the "on" before one.
    pub(super) fn past_time(&self, k: usize, s1: usize) -> usize {
        let mut f = k;
        while f < s1 && (self.tx_at[f].is_some() || self.toks[f].lower == "on") {
            f += 1;
        }
        f
    }

    /// The time a claim's content `[c0, c1)` is about: its first calendar
    /// date or period ("rose to 11.2 percent in January", "could invade as
    /// early as late January"). A date that only bounds something else
    /// ("since April", "after the talks in May") does not say when the
    /// content holds; nor does a duration. None when the content names no
    /// time: the claim is then about the time it was made.
    pub(super) fn valid_time(&self, c0: usize, c1: usize) -> Option<TimeValue> {
        let mut k = c0;
        while k < c1 {
            let Some(x) = self.tx_at[k] else {
                k += 1;
                continue;
            };
            let t = &self.timexes[x];
            let e = t1_of(self, x, k, c1);
            // "following war games in western Russia earlier this year":
            // a bound a few words back, within the phrase.
            let bounding = (c0.max(k.saturating_sub(8))..k)
                .rev()
                .take_while(|&j| !matches!(self.toks[j].norm.as_str(), "," | ";" | ":"))
                .any(|j| {
                    matches!(
                        self.toks[j].lower.as_str(),
                        "since"
                            | "after"
                            | "before"
                            | "until"
                            | "till"
                            | "from"
                            | "than"
                            | "following"
                            | "prior"
                    )
                });
            // "a Friday report", "last year's election": a time that only
            // describes a noun.
            let attributive = k > c0 && matches!(self.toks[k - 1].lower.as_str(), "a" | "an")
                || self.toks.get(e).is_some_and(|t| t.norm == "'s");
            // "the exercises, called Union Resolve 2022": a year in a name.
            let named = k > c0
                && e == k + 1
                && self.toks[k].kind == TokKind::Number
                && self.toks[k - 1].is_cap()
                && self.sents[self.sent_of[k]].t0 != k - 1;
            if !bounding
                && !attributive
                && !named
                && matches!(t.kind, model::TimexType::Date | model::TimexType::Time)
                && t.begin.is_some()
            {
                return Some(t.time_value());
            }
            k = e;
        }
        None
    }

    /// The first calendar date among the tokens of a sentence outside `[c0, c1)`.
    pub(super) fn stated_time(&self, si: usize, c0: usize, c1: usize) -> TimeValue {
        let s = &self.sents[si];
        for k in s.t0..s.t1 {
            if (c0..c1).contains(&k) || self.quoted(k) {
                continue;
            }
            if let Some(x) = self.tx_at[k] {
                let t = &self.timexes[x];
                if t.begin.is_some() && t.begin <= Some(self.published) {
                    return t.time_value();
                }
            }
        }
        TimeValue::from_value(&self.published.to_string())
    }
}
