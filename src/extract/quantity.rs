//! Quantities: figures in digits or words, vague magnitudes ("tens of
//! thousands"), approximation and bound words, ranges, units, and the thing
//! counted, normalised so that figures from different sources compare.

use super::Doc;
use super::lexicon::LEX;
use super::text::TokKind;
use crate::model::{ActorKind, Quantity};

/// A quantity found in the text.
#[derive(Debug, Clone)]
pub struct QuantityMention {
    pub t0: usize,
    pub t1: usize,
    pub q: Quantity,
    /// The thing counted, normalised ("russian troops near ukraine border").
    pub subject: Option<String>,
}

fn word_number(w: &str) -> Option<f64> {
    Some(match w {
        "one" | "a" | "an" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Units that name what happened to people ("deaths", "wounded"): the
/// people counted and their fate.
pub fn fate_unit(unit: &str) -> Option<(&'static str, &'static str)> {
    Some(match unit {
        "deaths" => ("people", "killed"),
        "wounded" => ("people", "wounded"),
        _ => return None,
    })
}

fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "thousand" => 1_000.0,
        "million" | "mln" | "m" => 1_000_000.0,
        "billion" | "bln" | "bn" => 1_000_000_000.0,
        "trillion" => 1e12,
        _ => return None,
    })
}

impl Doc<'_> {
    /// Parses a number at token `i`: digits, words, scales. Returns (value, end).
    fn number_at(&self, i: usize) -> Option<(f64, usize)> {
        let t = self.toks.get(i)?;
        let (mut v, mut e) = if t.kind == TokKind::Number {
            (t.norm.replace(',', "").parse::<f64>().ok()?, i + 1)
        } else if let Some(w) = word_number(&t.lower) {
            if matches!(t.lower.as_str(), "a" | "an") {
                // "a hundred", "a dozen" only.
                let nx = self.toks.get(i + 1)?;
                if !matches!(
                    nx.lower.as_str(),
                    "hundred" | "thousand" | "million" | "dozen"
                ) {
                    return None;
                }
            }
            let mut v = w;
            let mut e = i + 1;
            // "twenty-five"
            if self
                .toks
                .get(e)
                .is_some_and(|x| x.norm == "-" && !x.space_before)
            {
                if let Some(u) = self.toks.get(e + 1).and_then(|x| word_number(&x.lower)) {
                    if u < 10.0 {
                        v += u;
                        e += 2;
                    }
                }
            }
            (v, e)
        } else {
            return None;
        };
        while let Some(s) = self.toks.get(e).and_then(|x| scale(&x.lower)) {
            v *= s;
            e += 1;
        }
        Some((v, e))
    }

    /// Finds quantities sentence by sentence.
    pub fn find_quantities(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if self.tx_at[i].is_some() {
                i += 1;
                continue;
            }
            let l = self.toks[i].lower.clone();
            // Vague magnitudes: "tens of thousands", "thousands of", "dozens of".
            let vague = match (
                l.as_str(),
                self.toks.get(i + 1).map(|t| t.lower.as_str()),
                self.toks.get(i + 2).map(|t| t.lower.as_str()),
            ) {
                ("tens", Some("of"), Some("thousands")) => Some((20_000.0, 100_000.0, 3)),
                ("hundreds", Some("of"), Some("thousands")) => Some((200_000.0, 1_000_000.0, 3)),
                ("tens", Some("of"), Some("millions")) => Some((20e6, 100e6, 3)),
                ("thousands", Some("of"), _) => Some((2_000.0, 10_000.0, 1)),
                ("hundreds", Some("of"), _) => Some((200.0, 1_000.0, 1)),
                ("dozens", Some("of"), _) => Some((24.0, 100.0, 1)),
                ("millions", Some("of"), _) => Some((2e6, 10e6, 1)),
                _ => None,
            };
            if let Some((lo, hi, len)) = vague {
                let q = Quantity {
                    lower: Some(lo),
                    upper: Some(hi),
                    vague: true,
                    approximate: true,
                    upper_open: true,
                    ..Default::default()
                };
                let mut e = i + len;
                if self.toks.get(e).is_some_and(|t| t.lower == "of") {
                    e += 1;
                }
                self.push_quantity(i, e, q);
                i = e;
                continue;
            }
            let Some((v, e)) = self.number_at(i) else {
                i += 1;
                continue;
            };
            // "one of four Americans killed", "two of the five soldiers": the
            // part is no count of what the whole counts.
            if self.toks.get(e).is_some_and(|t| t.lower == "of") {
                let mut w = e + 1;
                if self
                    .toks
                    .get(w)
                    .is_some_and(|t| matches!(t.lower.as_str(), "the" | "its" | "their" | "those"))
                {
                    w += 1;
                }
                if self.number_at(w).is_some() {
                    i = e;
                    continue;
                }
            }
            // A bare four-digit year is not a count.
            let t = &self.toks[i];
            if t.kind == TokKind::Number
                && (1800.0..=2100.0).contains(&v)
                && !t.norm.contains(',')
                && e == i + 1
            {
                let unit_follows = LEX.units.longest(&self.toks, e, n).is_some();
                if !unit_follows {
                    i = e;
                    continue;
                }
            }
            let mut q = Quantity {
                value: Some(v),
                ..Default::default()
            };
            let mut start = i;
            let mut end = e;
            // Money.
            if i > 0 && self.toks[i - 1].norm == "$" {
                q.unit = Some("dollars".into());
                start = i - 1;
            }
            // Ranges: "between X and Y", "X to Y", "X-Y".
            if i >= 1
                && self.toks[i - 1].lower == "between"
                && self.toks.get(e).is_some_and(|t| t.lower == "and")
            {
                if let Some((v2, e2)) = self.number_at(e + 1) {
                    // "between 1.2 million and 900,000": the order of the
                    // words is not the order of the bounds.
                    q = Quantity {
                        lower: Some(v.min(v2)),
                        upper: Some(v.max(v2)),
                        ..Default::default()
                    };
                    start = i - 1;
                    end = e2;
                }
            } else if self
                .toks
                .get(e)
                .is_some_and(|t| t.lower == "to" || (t.norm == "-" && !t.space_before))
            {
                if let Some((v2, e2)) = self.number_at(e + 1) {
                    if v2 > v {
                        q = Quantity {
                            lower: Some(v),
                            upper: Some(v2),
                            ..Default::default()
                        };
                        end = e2;
                    }
                }
            }
            // Modifiers before the figure.
            for k in start.saturating_sub(3)..start {
                if let Some((len, reading)) = LEX.modifiers.longest(&self.toks, k, start) {
                    if k + len == start {
                        // "Ukraine estimated 95,000 troops": a verb after its
                        // subject, not "an estimated 95,000".
                        if self.toks[k].lower == "estimated"
                            && k > 0
                            && (self.mention_at(k - 1).is_some()
                                || self.toks[k - 1].kind == TokKind::Word
                                    && !matches!(
                                        self.toks[k - 1].lower.as_str(),
                                        "an" | "the"
                                            | "some"
                                            | "about"
                                            | "of"
                                            | "with"
                                            | "and"
                                            | "or"
                                            | "to"
                                            | "by"
                                            | "at"
                                            | "its"
                                            | "their"
                                            | "his"
                                            | "her"
                                            | "were"
                                            | "was"
                                            | "are"
                                            | "is"
                                            | "be"
                                            | "been"
                                            | "now"
                                            | "still"
                                            | "already"
                                    ))
                        {
                            continue;
                        }
                        match reading.as_str() {
                            "approx" => q.approximate = true,
                            "near" => {
                                q.upper = q.value;
                                q.upper_open = true;
                                q.approximate = true;
                            }
                            "lower" => q.lower = q.value,
                            "lower_open" => {
                                q.lower = q.value;
                                q.lower_open = true;
                            }
                            "upper" => q.upper = q.value,
                            "upper_open" => {
                                q.upper = q.value;
                                q.upper_open = true;
                            }
                            _ => {}
                        }
                        start = k;
                        break;
                    }
                }
            }
            if self.toks.get(end).is_some_and(|t| t.norm == "%") {
                q.unit = Some("percent".into());
                end += 1;
            }
            self.push_quantity(start, end, q);
            i = end.max(i + 1);
        }
    }

    /// The adjective of a country actor ("russian"), else its name, lowercase:
    /// the owner word of a normalised subject.
    pub fn owner_word(&self, a: usize) -> String {
        match self.actors[a].country.map(|ci| &LEX.countries[ci]) {
            Some(c) => c.adjectives.first().unwrap_or(&c.name).to_lowercase(),
            None => self.actors[a].name.to_lowercase(),
        }
    }

    /// What happened to the counted people, when the figure is a toll:
    /// "25 people were killed", "the strike killed 25 people", "six wounded".
    fn fate_of(&self, t0: usize, unit_end: usize, s0: usize, s1: usize) -> Option<&'static str> {
        let fate = |w: &str| -> Option<&'static str> {
            Some(match w {
                "killed" | "kill" | "kills" | "killing" | "dead" | "died" | "die" | "deaths"
                | "death" | "perished" | "slain" => "killed",
                "wounded" | "wounding" | "injured" | "injuring" | "hurt" | "injuries" => "wounded",
                "captured" | "detained" | "arrested" | "abducted" | "kidnapped" => "detained",
                "missing" => "missing",
                "displaced" | "evacuated" | "fled" => "displaced",
                _ => return None,
            })
        };
        // After the counted noun: "were killed", "have been wounded", "dead".
        let mut k = unit_end;
        while k < s1 && k < unit_end + 5 {
            let w = self.toks[k].lower.as_str();
            if let Some(f) = fate(w) {
                return Some(f);
            }
            if !matches!(
                w,
                "were"
                    | "was"
                    | "have"
                    | "had"
                    | "has"
                    | "been"
                    | "are"
                    | "is"
                    | "reportedly"
                    | "also"
                    | "being"
                    | "later"
                    | "now"
            ) {
                break;
            }
            k += 1;
        }
        // Before the figure: "killed 25 people", "a death toll of 25".
        let mut k = t0;
        while k > s0 && t0 - k < 4 {
            k -= 1;
            let w = self.toks[k].lower.as_str();
            if matches!(w, "toll" | "tolls") {
                return Some("killed");
            }
            if let Some(f) = fate(w) {
                return Some(f);
            }
            if !matches!(
                w,
                "of" | "to" | "at" | "rose" | "reached" | "stood" | "climbed"
            ) {
                break;
            }
        }
        None
    }

    fn push_quantity(&mut self, t0: usize, t1: usize, mut q: Quantity) {
        let n = self.toks.len();
        let si = self.sent_of[t0.min(n - 1)];
        let s1 = self.sents[si].t1;
        // The unit: within a few tokens, skipping adjectives and "-strong".
        let mut unit_end = t1;
        let mut adj_country: Option<usize> = None;
        if q.unit.is_none() {
            let mut k = t1;
            while k < s1 && k < t1 + 4 {
                if let Some((len, u)) = LEX.units.longest(&self.toks, k, s1) {
                    q.unit = Some(u.clone());
                    unit_end = k + len;
                    break;
                }
                let l = self.toks[k].lower.as_str();
                if let Some(m) = self.mention_at(k) {
                    if m.adjective || self.actors[m.actor].kind == ActorKind::Country {
                        adj_country = Some(m.actor);
                        k = m.t1;
                        continue;
                    }
                }
                let skippable = matches!(
                    l,
                    "more"
                        | "additional"
                        | "extra"
                        | "new"
                        | "active"
                        | "combat"
                        | "regular"
                        | "military"
                        | "ground"
                        | "contract"
                        | "armed"
                        | "of"
                        | "strong"
                        | "-"
                        | "russian"
                        | "foreign"
                        | "enemy"
                        | "civilian"
                );
                if !skippable {
                    break;
                }
                k += 1;
            }
        }
        // "five dead", "40 deaths": people, counted by their fate, so that
        // they compare with "two people were killed".
        let mut toll_fate = None;
        if let Some((unit, fate)) = q.unit.as_deref().and_then(fate_unit) {
            q.unit = Some(unit.into());
            toll_fate = Some(fate);
        }
        // "the death toll rose to 40": a toll counts people.
        let mut toll = false;
        if q.unit.is_none()
            && (self.sents[si].t0..t0)
                .rev()
                .take(16)
                .any(|k| matches!(self.toks[k].lower.as_str(), "toll" | "tolls"))
        {
            q.unit = Some("people".into());
            toll = true;
        }
        let Some(unit) = q.unit.clone() else {
            // Figures without a unit are kept only inside claims (bare numbers are too noisy).
            self.quantities.push(QuantityMention {
                t0,
                t1,
                q,
                subject: None,
            });
            return;
        };
        if unit == "percent" {
            let subject = self.measure_of(t0, unit_end.max(t1), si);
            self.quantities.push(QuantityMention {
                t0,
                t1: unit_end.max(t1),
                q,
                subject,
            });
            return;
        }
        // The counted thing's owner: an adjective in the phrase, else the clause subject.
        // The nearest country before the figure that is not the object of a
        // preposition: "Ukraine says Moscow kept 90,000 troops", "a Russian
        // invasion of Ukraine involving 175,000 troops".
        if adj_country.is_none() {
            let s0 = self.sents[si].t0;
            for k in (s0..t0).rev() {
                if self.toks[k].kind == TokKind::Quote || self.toks[k].norm == ";" {
                    break;
                }
                let Some(m) = self.mention_at(k).filter(|m| m.t0 == k) else {
                    continue;
                };
                // "in southern Turkey and northern Syria": the preposition
                // governs across directions and a coordination.
                let mut g = k;
                loop {
                    while g > s0 && is_direction(&self.toks[g - 1].lower) {
                        g -= 1;
                    }
                    if g > s0 + 1 && self.toks[g - 1].lower == "and" {
                        if let Some(p) = self.mention_at(g - 2) {
                            g = p.t0;
                            continue;
                        }
                    }
                    break;
                }
                let k = g;
                let governed = k > s0
                    && matches!(
                        self.toks[k - 1].lower.as_str(),
                        "near"
                            | "in"
                            | "inside"
                            | "into"
                            | "along"
                            | "opposite"
                            | "around"
                            | "of"
                            | "to"
                            | "from"
                            | "toward"
                            | "towards"
                            | "against"
                            | "with"
                            | "on"
                            | "at"
                            | "by"
                            | "the"
                            | "between"
                    );
                // "Ukraine says 95,000 troops are near the border": the speaker
                // is not the owner, unless the claim goes on about itself
                // ("Russia says it has 100,000 troops").
                let speaker = self
                    .toks
                    .get(m.t1)
                    .is_some_and(|t| LEX.cues.contains_first(&t.lower) || t.lower == "put")
                    && !self.toks[m.t1..t0]
                        .iter()
                        .any(|t| matches!(t.lower.as_str(), "it" | "its" | "it's" | "itself"));
                if self.actors[m.actor].kind == ActorKind::Country && !governed && !speaker {
                    adj_country = Some(m.actor);
                    break;
                }
                if speaker {
                    break;
                }
            }
        }
        let owner = adj_country.map(|a| self.owner_word(a));
        // Where: a country named with "border", "near", "opposite", "along".
        let s0 = self.sents[si].t0;
        let mut place_country = None;
        let mut border = false;
        for k in s0..s1 {
            let l = self.toks[k].lower.as_str();
            if matches!(
                l,
                "border" | "borders" | "frontier" | "border's" | "borderlands"
            ) {
                border = true;
            }
        }
        for k in unit_end..s1.min(unit_end + 14) {
            let l = self.toks[k].lower.as_str();
            if matches!(
                l,
                "near"
                    | "opposite"
                    | "along"
                    | "on"
                    | "at"
                    | "around"
                    | "to"
                    | "into"
                    | "in"
                    | "inside"
                    | "by"
                    | "from"
                    | "toward"
            ) {
                for j in k + 1..s1.min(k + 7) {
                    if let Some(m) = self.mention_at(j) {
                        if matches!(
                            self.actors[m.actor].kind,
                            ActorKind::Country | ActorKind::Place
                        ) && Some(m.actor) != adj_country
                        {
                            place_country = Some(m.actor);
                        }
                        break;
                    }
                }
                if place_country.is_some() {
                    break;
                }
            }
        }
        // Named before the figure: "battalion tactical groups in Belarus with
        // around 8,000 troops", "its buildup near Ukraine, where ... has massed
        // 100,000 troops".
        if place_country.is_none() {
            let mut k = t0;
            while k > s0 && t0 - k < 14 {
                k -= 1;
                // "... killed in Turkey, while the Syrian ministry put the toll
                // at 1,250": the place of the other clause is not this one's.
                if self.toks[k].kind == TokKind::Quote
                    || matches!(self.toks[k].norm.as_str(), ";" | "while" | "whereas")
                {
                    break;
                }
                if !matches!(
                    self.toks[k].lower.as_str(),
                    "near" | "in" | "inside" | "into" | "along" | "opposite" | "around"
                ) {
                    continue;
                }
                let m = self.mention_at(k + 1).or_else(|| {
                    self.mention_at(k + 2)
                        .filter(|_| self.toks[k + 1].lower == "the")
                });
                if let Some(m) = m {
                    // "the number of Russian troops in Transnistria at
                    // 5,000": a region is a place as well as a country.
                    if matches!(
                        self.actors[m.actor].kind,
                        ActorKind::Country | ActorKind::Place
                    ) && Some(m.actor) != adj_country
                        && !m.adjective
                    {
                        place_country = Some(m.actor);
                        break;
                    }
                }
            }
        }
        if place_country.is_none() && border {
            for k in s0..s1 {
                if let Some(m) = self.mention_at(k) {
                    if self.actors[m.actor].kind == ActorKind::Country
                        && Some(m.actor) != adj_country
                    {
                        place_country = Some(m.actor);
                        break;
                    }
                }
            }
        }
        let mut subject = match &owner {
            Some(o) => format!("{o} {unit}"),
            None => unit.clone(),
        };
        // A toll is not a strength: "40 soldiers were killed" must not be
        // compared with "100,000 soldiers were deployed".
        if let Some(fate) = self
            .fate_of(t0, unit_end, s0, s1)
            .or(toll_fate)
            .or(toll.then_some("killed"))
        {
            subject.push(' ');
            subject.push_str(fate);
        }
        if let Some(pc) = place_country.filter(|_| !is_money(&unit)) {
            let p = self.actors[pc].name.to_lowercase();
            if border {
                subject.push_str(&format!(" near {p} border"));
            } else if is_deployable(&unit) {
                subject.push_str(&format!(" near {p}"));
            } else {
                subject.push_str(&format!(" in {p}"));
            }
        }
        self.quantities.push(QuantityMention {
            t0,
            t1: unit_end.max(t1),
            q,
            subject: Some(subject),
        });
    }
}

impl Doc<'_> {
    /// What a percentage at tokens `t0..t1` of sentence `si` measures, with
    /// the country it belongs to: "inflation in Turkey reached 54.4%" ->
    /// "turkish inflation", "won 52% of the vote" -> "vote share". A figure
    /// that only says "the figure" or "the rate" measures what the last
    /// measured percentage before it in the sentence or the one before did.
    /// None when nothing says what is measured: such a percentage compares
    /// with nothing.
    fn measure_of(&self, t0: usize, t1: usize, si: usize) -> Option<String> {
        let (s0, s1) = (self.sents[si].t0, self.sents[si].t1);
        let stop = |k: usize| {
            let t = &self.toks[k];
            t.kind == TokKind::Quote
                || matches!(t.norm.as_str(), ";" | ":" | "," | "(" | ")")
                || matches!(t.lower.as_str(), "while" | "whereas" | "but")
        };
        // After the figure: "8% inflation", "52 percent of the vote".
        let mut found = None;
        let mut k = t1;
        if self.toks.get(k).is_some_and(|t| t.lower == "of") {
            k += 1;
            if self
                .toks
                .get(k)
                .is_some_and(|t| matches!(t.lower.as_str(), "the" | "all"))
            {
                k += 1;
            }
        }
        if k < s1 {
            if let Some((len, m)) = LEX.measures.longest(&self.toks, k, s1) {
                found = Some((k, k + len, m.clone()));
            }
        }
        // Before it, nearest first, within the clause: "inflation reached
        // 54.4%", "kept its key rate at 20%", "turnout of 60 percent".
        if found.is_none() {
            let mut k = t0;
            while k > s0 && t0 - k < 10 {
                k -= 1;
                if stop(k) || self.toks[k].kind == TokKind::Number {
                    break;
                }
                // The longest phrase ending at or after k that starts at
                // or before it: "key interest rate" read from "key".
                let hit = (k.saturating_sub(3).max(s0)..=k).find_map(|j| {
                    LEX.measures
                        .longest(&self.toks, j, t0)
                        .filter(|(len, _)| j + len > k)
                        .map(|(len, m)| (j, j + len, m.clone()))
                });
                if let Some(h) = hit {
                    found = Some(h);
                    break;
                }
            }
        }
        let Some((m0, m1, measure)) = found else {
            return self.measure_before(t0, si);
        };
        // Whose: a country named next to the measure ("Turkish inflation",
        // "Russia's central bank ... its key rate", "inflation in Turkey").
        let mut lo = m0;
        while lo > s0 && m0 - lo < 6 && !stop(lo - 1) {
            lo -= 1;
        }
        let hi = (m1 + 3).min(s1);
        let owns = |k: usize| {
            let m = self.mention_at(k).filter(|m| m.t0 == k)?;
            let a = &self.actors[m.actor];
            (a.kind == ActorKind::Country || a.country.is_some()).then_some(m.actor)
        };
        // "Japan's central bank said it would keep its key rate": "its"
        // stands for the nearest owner named before it in the sentence.
        let pronoun = m0 > s0 && matches!(self.toks[m0 - 1].lower.as_str(), "its" | "their");
        let owner = if pronoun {
            (s0..m0 - 1).rev().find_map(owns)
        } else {
            None
        };
        let owner = owner
            .or_else(|| {
                // After the measure only through "in" or "of".
                (lo..hi)
                    .filter(|&k| k < t0 || k >= t1)
                    .filter(|&k| k < m1 || matches!(self.toks[k - 1].lower.as_str(), "in" | "of"))
                    .find_map(owns)
            })
            .map(|a| self.owner_word(a));
        if let Some(o) = owner {
            return Some(format!("{o} {measure}"));
        }
        // "Inflation in Turkey reached 54.4%. Economists had expected
        // inflation of 53.7%": the same measure just named with its owner.
        let owned = self
            .percents_before(t0, si)
            .filter_map(|q| q.subject.as_deref())
            .find(|s| {
                s.strip_suffix(measure.as_str())
                    .is_some_and(|o| o.ends_with(' '))
            });
        Some(owned.map_or(measure, str::to_owned))
    }

    /// "the real figure was closer to 100 percent", "put it at 65 percent":
    /// what the last measured
    /// percentage before `t0` (same or previous sentence) measured, when the
    /// clause refers back to a figure or rate.
    fn measure_before(&self, t0: usize, si: usize) -> Option<String> {
        let s0 = self.sents[si].t0;
        let refers = (s0.max(t0.saturating_sub(8))..t0).any(|k| {
            matches!(
                self.toks[k].lower.as_str(),
                "figure" | "rate" | "level" | "number" | "reading" | "estimate"
            )
        });
        // "put it at 65 percent"
        let put_it = t0 >= s0 + 2
            && self.toks[t0 - 1].lower == "at"
            && matches!(self.toks[t0 - 2].lower.as_str(), "it" | "this" | "that");
        if !refers && !put_it {
            return None;
        }
        self.percents_before(t0, si).next()?.subject.clone()
    }

    /// The percentages before token `t0` in sentence `si` and the one
    /// before it, nearest first.
    fn percents_before(&self, t0: usize, si: usize) -> impl Iterator<Item = &QuantityMention> {
        let from = self.sents[si.saturating_sub(1)].t0;
        self.quantities
            .iter()
            .rev()
            .filter(move |q| q.t0 >= from && q.t0 < t0 && q.q.unit.as_deref() == Some("percent"))
    }
}

/// Sums of money: where the money is has no place in what is counted
/// ("$2.5 billion in assets linked to Iran").
pub(crate) fn is_money(unit: &str) -> bool {
    matches!(unit, "dollars" | "euros" | "rubles" | "hryvnias")
}

/// Forces, weapons and people, which stand near a place; other counted
/// things (companies, barrels, homes) are in it.
pub(crate) fn is_deployable(unit: &str) -> bool {
    !matches!(
        unit,
        "companies"
            | "banks"
            | "barrels"
            | "barrels per day"
            | "tonnes"
            | "jobs"
            | "homes"
            | "buildings"
            | "cases"
            | "doses"
            | "votes"
            | "seats"
            | "flights"
            | "schools"
            | "hospitals"
            | "countries"
    )
}

/// Compass words that may stand between a preposition and its place
/// ("in northern Syria").
fn is_direction(w: &str) -> bool {
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
    )
}

#[cfg(test)]
mod tests {
    use crate::extract::extract_text;

    fn claims_of(text: &str) -> Vec<crate::model::Claim> {
        extract_text(text, (2021, 12, 4)).claims
    }

    fn claims_q(text: &str) -> Vec<crate::model::Quantity> {
        claims_of(text)
            .into_iter()
            .filter_map(|c| c.quantity)
            .collect()
    }

    fn subjects(text: &str) -> Vec<String> {
        claims_of(text)
            .into_iter()
            .filter_map(|c| c.subject)
            .collect()
    }

    #[test]
    fn the_owner_is_the_nearest_subject_and_a_place_may_come_first() {
        assert_eq!(
            subjects("Ukraine says Moscow kept about 90,000 troops near their common border."),
            ["russian troops near ukraine border"]
        );
        let s = subjects(
            "U.S. intelligence is warning of a possible Russian invasion of Ukraine involving as many as 175,000 troops, officials said.",
        );
        assert!(
            !s.is_empty() && s.iter().all(|x| x == "russian troops"),
            "{s:?}"
        );
        assert_eq!(
            subjects(
                "Analysts estimated there are 14 Russian battalion tactical groups in Belarus with around 8,000 to 14,000 troops."
            )
            .last()
            .map(String::as_str),
            Some("russian troops near belarus")
        );
    }

    #[test]
    fn the_speaker_is_not_the_owner_and_estimated_may_be_the_verb() {
        // The speaker's own border, but not the speaker's troops.
        assert_eq!(
            subjects("Ukraine says 95,000 troops are near the border."),
            ["troops near ukraine border"]
        );
        assert_eq!(
            subjects("Russia says it has 100,000 troops in the region."),
            ["russian troops"]
        );
        let q = claims_q("Ukraine estimated 95,000 troops.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].value, Some(95_000.0));
        assert!(!q[0].approximate);
        let q = claims_q("Officials said an estimated 95,000 troops are there.");
        assert!(q[0].approximate);
    }

    #[test]
    fn a_long_toll_phrase_and_places_of_other_clauses() {
        // The toll named far before its figure, and "above" as a floor.
        let c = claims_of(
            "The death toll from Monday's earthquake in southern Turkey and northern Syria rose above 11,000, officials said.",
        );
        assert_eq!(c[0].subject.as_deref(), Some("people killed"));
        let q = c[0].quantity.as_ref().unwrap();
        assert_eq!((q.lower, q.upper), (Some(11_000.0), None));
        // The place of the clause before "while" is not this figure's.
        let s = subjects(
            "AFAD said 8,574 people had been killed in Turkey, while the Syrian health ministry put the toll at 1,250.",
        );
        assert_eq!(s, ["people killed near turkey", "people killed"]);
    }

    #[test]
    fn a_toll_is_not_a_strength() {
        assert_eq!(
            subjects("Hospital officials said at least 25 people had been killed since Tuesday."),
            ["people killed"]
        );
        assert_eq!(
            subjects("The strike killed 12 civilians, officials said."),
            ["people killed"]
        );
        assert_eq!(
            subjects("Officials said the death toll rose to 40."),
            ["people killed"]
        );
        assert_eq!(
            subjects("Ukraine said 30 soldiers were wounded."), // whose: not said
            ["troops wounded"]
        );
        assert_eq!(
            subjects("Officials said 100,000 soldiers were deployed."),
            ["troops"]
        );
    }

    #[test]
    fn a_part_of_a_whole_is_no_count_and_a_region_is_a_place() {
        let q = claims_q("The mayor said Ana Ruiz was one of four Americans killed in the attack.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].value, Some(4.0));
        assert_eq!(
            subjects("In Transnistria, officials said, Moscow keeps about 1,500 troops."),
            ["russian troops near transnistria"]
        );
    }

    #[test]
    fn approximate_and_bounds() {
        let q = claims_q("Officials said around 95,000 Russian troops are near the border.");
        assert_eq!(q[0].value, Some(95_000.0));
        assert!(q[0].approximate);
        let q = claims_q("Officials said as many as 175,000 troops could take part.");
        assert_eq!(q[0].upper, Some(175_000.0));
        let q = claims_q("Analysts said tens of thousands of troops are massed.");
        assert_eq!(q[0].lower, Some(20_000.0));
        assert!(q[0].vague);
    }

    #[test]
    fn things_counted_beyond_forces_and_where_they_are() {
        assert_eq!(
            subjects("Officials said 12 companies in China had been sanctioned."),
            ["companies in china"]
        );
        assert_eq!(
            subjects("Analysts said exports fell to 1.1 million barrels per day."),
            ["barrels per day"]
        );
        // Money has no place.
        assert_eq!(
            subjects("Officials said $2 billion in assets linked to Iran were frozen."),
            ["dollars"]
        );
    }

    #[test]
    fn a_percentage_counts_once_it_is_known_what_it_measures() {
        assert_eq!(
            subjects(
                "Annual inflation in Chile reached 12.5% in August, the statistics office said."
            ),
            ["chilean inflation"]
        );
        assert_eq!(
            subjects("The electoral commission said the ruling party won 41 percent of the vote."),
            ["vote share"]
        );
        assert_eq!(
            subjects("Japan's central bank said it would keep its key interest rate at 0.1%."),
            ["japanese policy rate"]
        );
        // The same measure just named, with its owner; "the figure" refers back.
        let s = subjects(
            "Inflation in Chile rose to 12.5 percent, the statistics office said. Economists had expected inflation of 12 percent, while unions said the real figure was closer to 20 percent.",
        );
        assert_eq!(s, ["chilean inflation"; 3]);
        // Nothing says what is measured: no count.
        assert!(subjects("Officials said the rise was 12%.").is_empty());
    }
}
