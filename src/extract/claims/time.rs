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

    /// When a remark the sentence gives no date for was made, if not on the
    /// day of publication: the article places it in the past ("had said",
    /// "had long argued", "At the time, Roe said", "As the city's mayor, Roe
    /// declared", "When Roe was mayor, she said"). It was made on or
    /// before the publication date, at a time the text does not give.
    pub(super) fn remark_before_publication(&self, si: usize, v: usize, c0: usize) -> bool {
        let s0 = self.sents[si].t0;
        // The cue's own auxiliary: past perfect, or a present perfect of a
        // remark made at some earlier time.
        let mut k = v;
        while k > s0 {
            let l = self.toks[k - 1].lower.as_str();
            // Only the past perfect: "has said" is mostly a position the
            // speaker still holds, stated lately.
            if matches!(l, "had" | "'d") {
                return true;
            }
            if matches!(
                l,
                "once"
                    | "previously"
                    | "formerly"
                    | "long"
                    | "repeatedly"
                    | "often"
                    | "also"
                    | "already"
                    | "first"
                    | "never"
                    | "not"
                    | "frequently"
                    | "consistently"
            ) {
                if matches!(l, "once" | "previously" | "formerly") {
                    return true;
                }
                k -= 1;
                continue;
            }
            break;
        }
        // "used to say", "at the time" after the cue, outside the content.
        if v >= s0 + 2 && self.toks[v - 1].lower == "to" && self.toks[v - 2].lower == "used" {
            return true;
        }
        let (f0, f1) = if c0 > v { (s0, c0) } else { (s0, v) };
        let words: Vec<&str> = (f0..f1)
            .filter(|&j| !self.quoted(j))
            .map(|j| self.toks[j].lower.as_str())
            .collect();
        if words
            .windows(3)
            .any(|w| w == ["at", "the", "time"] || w == ["in", "the", "past"])
            || words
                .windows(2)
                .any(|w| w == ["back", "then"] || w == ["years", "ago"])
        {
            return true;
        }
        let first = self.toks[s0].lower.as_str();
        // "As the city's mayor, Roe declared": a role the speaker held then.
        if first == "as" {
            let comma = (s0 + 1..(s0 + 8).min(v)).find(|&j| self.toks[j].norm == ",");
            if let Some(c) = comma {
                let held = self.toks[s0 + 1..c]
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "'s" | "a" | "an" | "then"))
                    && LEX.titles.contains_first(&self.toks[c - 1].lower);
                if held {
                    return true;
                }
            }
        }
        // "When Roe wanted to voice her doubts, she went to the Herald": the
        // cue inside an opening "when"/"as" clause of past narrative tells a
        // story of then, not a remark of the article's day.
        if self.cue_in_past_when_clause(s0, v) {
            return true;
        }
        // "When Roe was mayor, she said": a clause of a past state.
        if first == "when" && s0 + 2 < v {
            let comma = (s0 + 1..v).find(|&j| self.toks[j].norm == ",");
            if let Some(c) = comma {
                if c < v
                    && self.toks[s0 + 1..c].iter().any(|t| {
                        matches!(t.lower.as_str(), "was" | "were" | "wanted" | "had" | "used")
                    })
                {
                    return true;
                }
            }
        }
        false
    }

    /// Whether the cue at `v` lies inside a sentence-opening "when" or "as"
    /// clause (before its comma) whose verb is in the past tense ("When Roe
    /// wanted to declare ...,", "As Roe argued in her memoir that ...,").
    fn cue_in_past_when_clause(&self, s0: usize, v: usize) -> bool {
        if !matches!(
            self.toks[s0].lower.as_str(),
            "when" | "as" | "after" | "before"
        ) {
            return false;
        }
        let Some(c) = (s0 + 1..self.sents[self.sent_of[s0]].t1)
            .find(|&j| matches!(self.toks[j].norm.as_str(), "," | ";" | ":"))
        else {
            return false;
        };
        if v <= s0 || v >= c {
            return false;
        }
        (s0 + 1..=v).any(|j| {
            let l = self.toks[j].lower.as_str();
            matches!(
                l,
                "was" | "were" | "had" | "did" | "wanted" | "tried" | "sought"
            ) || (j == v && (l.ends_with("ed") || matches!(l, "said" | "told" | "wrote")))
        })
    }

    /// Whether an "according to" claim's content is about a time that ended
    /// before the year of publication ("made up 36 percent of voters in 2012,
    /// according to exit polls"): the source's finding is an old one, made
    /// at some time not after publication, not a report of the article's
    /// day.
    pub(super) fn old_finding(&self, v: usize, valid: Option<&TimeValue>) -> bool {
        use chrono::Datelike;
        self.toks[v].lower == "according"
            && valid
                .and_then(|t| t.end)
                .is_some_and(|end| end.year() < self.published.year())
    }

    /// When an act told with its object as content happened: "criticized
    /// the council in 2011 for raising fares" dates the criticism, not what
    /// it was about. The date must follow the object closely, before the
    /// "for"/"over" of its reason or a new clause, and not lie after
    /// publication.
    pub(super) fn act_time(&self, class: &str, c0: usize, c1: usize) -> Option<TimeValue> {
        if !matches!(class, "accuse" | "blame" | "condemn" | "criticize") {
            return None;
        }
        for k in c0..(c0 + 8).min(c1) {
            let l = self.toks[k].lower.as_str();
            if matches!(
                l,
                "for" | "over" | "that" | "who" | "which" | "," | ";" | "of"
            ) {
                return None;
            }
            let Some(x) = self.tx_at[k] else { continue };
            let t = &self.timexes[x];
            let introduced =
                k > c0 && matches!(self.toks[k - 1].lower.as_str(), "in" | "on") || l == "last";
            if introduced
                && matches!(t.kind, model::TimexType::Date)
                && t.begin.is_some_and(|b| b <= self.published)
            {
                return Some(t.time_value());
            }
            return None;
        }
        None
    }

    /// The stated time of an old finding (see `old_finding`): "not after"
    /// publication unless the sentence dates the report itself.
    pub(super) fn undated_stated_old(&self, stated: TimeValue) -> TimeValue {
        let published = TimeValue::from_value(&self.published.to_string());
        if stated != published {
            return stated;
        }
        TimeValue {
            modifier: Some(model::Modifier::OnOrBefore),
            ..published
        }
    }

    /// The stated time of a remark the sentence gives no date for: the
    /// publication date, or "not after" it when the text puts the remark
    /// in the past.
    pub(super) fn undated_stated(
        &self,
        si: usize,
        v: usize,
        c0: usize,
        stated: TimeValue,
    ) -> TimeValue {
        let published = TimeValue::from_value(&self.published.to_string());
        if stated != published || !self.remark_before_publication(si, v, c0) {
            return stated;
        }
        TimeValue {
            modifier: Some(model::Modifier::OnOrBefore),
            ..published
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;
    use crate::model::Modifier;

    fn stated(text: &str) -> Vec<(String, Option<Modifier>)> {
        extract_text(text, (2016, 9, 20))
            .claims
            .iter()
            .map(|c| {
                let s = c.stated.clone().unwrap_or_default();
                (s.value, s.modifier)
            })
            .collect()
    }

    #[test]
    fn a_remark_the_text_puts_in_the_past_is_not_after_publication() {
        for text in [
            "As the city's mayor, Okafor declared that she strongly supported the ferry tax.",
            "Okafor had said the harbour would close within a year.",
            "At the time, Okafor said the harbour was safe.",
            "When Okafor was mayor, Okafor said the harbour was safe.",
            "When Okafor wanted to denounce the ferry tax, she went to the Herald.",
            "As Okafor argued that the harbour was unsafe, the council voted.",
        ] {
            let got = stated(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, "2016-09-20", "{text}");
            assert_eq!(got[0].1, Some(Modifier::OnOrBefore), "{text}");
        }
    }

    #[test]
    fn an_old_finding_according_to_a_source_is_not_after_publication() {
        let b = extract_text(
            "Ferry passengers made up 12 percent of commuters in 2009, according to census figures.",
            (2016, 9, 20),
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        let s = b.claims[0].stated.clone().unwrap_or_default();
        assert_eq!(s.modifier, Some(Modifier::OnOrBefore), "{s:?}");
        // A finding about this year keeps the article's day.
        let got = stated("Ferry passengers rose 5 percent in March, according to the operator.");
        assert_eq!(got, vec![("2016-09-20".to_owned(), None)]);
    }

    #[test]
    fn a_criticism_dated_after_its_object_is_dated_so() {
        let b = extract_text(
            "Okafor, who criticized fellow councillors in 2011 for raising ferry fares, \
             is running again.",
            (2016, 9, 20),
        );
        let c = b
            .claims
            .iter()
            .find(|c| c.statement.contains("councillors"));
        let c = c.unwrap_or_else(|| panic!("{:?}", b.claims));
        assert_eq!(c.stated.as_ref().map(|t| t.value.as_str()), Some("2011"));
        // A criticism with no date of its own keeps the article's day.
        let got = stated("Okafor criticized the council for raising ferry fares.");
        assert_eq!(got, vec![("2016-09-20".to_owned(), None)]);
    }

    #[test]
    fn a_plain_or_dated_remark_keeps_its_day() {
        let got = stated("Okafor said the harbour would close.");
        assert_eq!(got, vec![("2016-09-20".to_owned(), None)]);
        let got = stated("Okafor has said the harbour would close.");
        assert_eq!(got[0].1, None, "{got:?}");
        let got = stated("Okafor said on Thursday that the harbour would close.");
        assert_eq!(got[0].0, "2016-09-15", "{got:?}");
    }

    #[test]
    fn a_floating_quote_after_according_to_keeps_the_quoted_speaker() {
        let b = extract_text(
            "\"We will not protest on the floor,\" Okafor said, according to the Herald. \
             \"It is important that you tell your delegates.\"",
            (2016, 9, 20),
        );
        let name = |id: &str| b.actors.iter().find(|a| a.id == id).unwrap().name.clone();
        assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
        for c in &b.claims {
            assert_eq!(name(&c.claimant), "Okafor");
            assert_eq!(
                c.via.iter().map(|v| name(v)).collect::<Vec<_>>(),
                vec!["Herald"]
            );
        }
    }
}
