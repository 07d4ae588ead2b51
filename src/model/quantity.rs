use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A number as the words state it: a point value, bounds, or both.
///
/// "As many as 175,000" is an upper bound, "more than 100,000" a lower one,
/// "tens of thousands" a vague range. Two quantities conflict when their
/// ranges do not overlap, not when their point values differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    /// The stated figure, when there is one.
    #[serde(default)]
    pub value: Option<f64>,
    /// Lower bound ("more than 100,000", "between 8,000 and 14,000").
    #[serde(default)]
    pub lower: Option<f64>,
    /// Upper bound ("as many as 175,000", "up to").
    #[serde(default)]
    pub upper: Option<f64>,
    /// Canonical unit, plural: `troops`, `tanks`, `battalion tactical groups`,
    /// `people`, `dollars`, `kilometers`, ...
    #[serde(default)]
    pub unit: Option<String>,
    /// "around", "roughly", "some", "an estimated".
    #[serde(default)]
    pub approximate: bool,
    /// A vague magnitude ("tens of thousands") rather than a figure.
    #[serde(default, skip_serializing_if = "is_false")]
    pub vague: bool,
    /// The lower bound itself is excluded ("more than").
    #[serde(default, skip_serializing_if = "is_false")]
    pub lower_open: bool,
    /// The upper bound itself is excluded ("fewer than").
    #[serde(default, skip_serializing_if = "is_false")]
    pub upper_open: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Quantity {
    /// The closed interval the quantity allows, widened by `tolerance`
    /// (a fraction: 0.1 widens each side by 10%). Open sides extend to
    /// zero or infinity.
    pub fn interval(&self, tolerance: f64) -> Option<(f64, f64)> {
        let (lo, hi) = match (self.value, self.lower, self.upper) {
            (_, Some(lo), Some(hi)) => (lo, hi),
            (_, Some(lo), None) => (lo, f64::INFINITY),
            (_, None, Some(hi)) => (0.0, hi),
            (Some(v), None, None) => (v, v),
            (None, None, None) => return None,
        };
        Some((lo * (1.0 - tolerance), hi * (1.0 + tolerance)))
    }

    /// Whether two quantities' intervals overlap once both are widened by
    /// `tolerance`. Quantities without any figure never conflict.
    pub fn overlaps(&self, other: &Quantity, tolerance: f64) -> bool {
        match (self.interval(tolerance), other.interval(tolerance)) {
            (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(v: f64) -> Quantity {
        Quantity { value: Some(v), ..Default::default() }
    }

    #[test]
    fn points_conflict_beyond_tolerance() {
        assert!(!point(95_000.0).overlaps(&point(70_000.0), 0.1));
        assert!(point(95_000.0).overlaps(&point(100_000.0), 0.05));
    }

    #[test]
    fn lower_bound_covers_larger_figures() {
        let more_than = Quantity { lower: Some(100_000.0), lower_open: true, ..Default::default() };
        assert!(more_than.overlaps(&point(127_000.0), 0.0));
        assert!(!more_than.overlaps(&point(70_000.0), 0.1));
    }
}
