//! The temporal tagger: finds dates, times, durations and sets in running
//! news text and resolves them against the document creation time.

use crate::model::Timex;
use chrono::NaiveDate;

/// Every temporal expression in `text`, in text order, resolved against the
/// document creation time `dct`.
pub fn tag(text: &str, dct: NaiveDate) -> Vec<Timex> {
    // The rule engine lands in its own change; until then nothing is found.
    let _ = (text, dct);
    Vec::new()
}
