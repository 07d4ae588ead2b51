//! A claim's figure as the range its words state, and whether two figures
//! disagree.

use super::*;

/// The range a claim puts forward. "As many as 30,000" or "nearly 100,000"
/// put their figure forward as the estimate (the claimant is not merely
/// setting a ceiling), so a closed upper bound alone reads as that figure;
/// "fewer than" (an open upper bound) reads as the whole range below it.
pub fn stated_range(q: &Quantity) -> Option<(f64, f64)> {
    match (q.value, q.lower, q.upper) {
        (_, Some(lo), Some(hi)) => Some((lo.min(hi), lo.max(hi))),
        (_, Some(lo), None) => Some((lo, f64::INFINITY)),
        // "Nearly 100,000" is close below its figure, not anything below it.
        (_, None, Some(hi)) if q.upper_open && q.approximate => Some((hi * NEARLY, hi)),
        (_, None, Some(hi)) if q.upper_open => Some((0.0, hi)),
        (_, None, Some(hi)) => Some((hi, hi)),
        (Some(v), None, None) => Some((v, v)),
        (None, None, None) => None,
    }
}

/// The words of a vague magnitude, by the lower end the extractor gives it.
pub(super) fn vague_words(lower: f64) -> Option<&'static str> {
    Some(match lower as i64 {
        24 => "dozens of",
        200 => "hundreds of",
        2_000 => "thousands of",
        20_000 => "tens of thousands of",
        200_000 => "hundreds of thousands of",
        2_000_000 => "millions of",
        20_000_000 => "tens of millions of",
        _ => return None,
    })
}

/// How far below its figure "nearly" or "almost" reaches.
pub(super) const NEARLY: f64 = 0.9;

/// Whether two stated ranges stay apart once each is widened by `tol`.
pub fn figures_disagree(a: &Quantity, b: &Quantity, tol: f64) -> bool {
    match (stated_range(a), stated_range(b)) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let (a0, a1) = (a0 * (1.0 - tol), a1 * (1.0 + tol));
            let (b0, b1) = (b0 * (1.0 - tol), b1 * (1.0 + tol));
            a1 < b0 || b1 < a0
        }
        _ => false,
    }
}

/// A number as JSON: an integer when it is one, so that `95000` reads as such.
pub fn json_number(v: f64) -> Option<serde_json::Number> {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        Some(serde_json::Number::from(v as i64))
    } else {
        serde_json::Number::from_f64(v)
    }
}

/// A figure in words, with thousands separators: "about 90,000",
/// "more than 127,000", "8,000 to 14,000 troops".
pub fn figure_text(q: &Quantity) -> String {
    let n = |v: f64| -> String {
        if v.fract() != 0.0 {
            return format!("{v}");
        }
        let s = format!("{}", v.abs() as i64);
        let mut out = String::new();
        for (i, ch) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if v < 0.0 { format!("-{out}") } else { out }
    };
    let approx = if q.approximate { "about " } else { "" };
    let body = match (q.value, q.lower, q.upper) {
        // A vague magnitude reads as the words it stands for ("tens of
        // thousands"), not as the range it is compared by.
        (_, Some(lo), Some(_)) if q.vague => vague_words(lo)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("some {}", n(lo))),
        (_, Some(lo), Some(hi)) => format!("{}{} to {}", approx, n(lo), n(hi)),
        (_, Some(lo), None) => format!(
            "{} {}",
            if q.lower_open {
                "more than"
            } else {
                "at least"
            },
            n(lo)
        ),
        // The extractor keeps "nearly" as an approximate open ceiling: it
        // reads back as the source said it, not as "fewer than".
        (_, None, Some(hi)) => format!(
            "{} {}",
            match (q.upper_open, q.approximate) {
                (true, true) => "nearly",
                (true, false) => "fewer than",
                _ => "as many as",
            },
            n(hi)
        ),
        (Some(v), None, None) => format!("{approx}{}", n(v)),
        (None, None, None) => String::new(),
    };
    match &q.unit {
        Some(u) if !body.is_empty() => format!("{body} {u}"),
        _ => body,
    }
}
