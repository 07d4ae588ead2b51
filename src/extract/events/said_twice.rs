//! A report told twice: "The Herald reported on Monday that the ferry will
//! stop" gives the Herald's claim (and its statement event) and, from the
//! trigger word, a "report" event of the same outlet in the same sentence.
//! The second says nothing the first does not.

use super::super::Doc;

impl Doc<'_> {
    /// Drops a trigger-read "report" event whose sentence already holds a
    /// statement event (one read from a claim) of one of its participants.
    pub(super) fn drop_reports_of_claims(&mut self) {
        let said: std::collections::HashSet<(usize, usize)> = self
            .events
            .iter()
            .filter(|e| e.trigger.is_none())
            .flat_map(|e| e.participants.iter().map(move |p| (e.sent, p.0)))
            .collect();
        self.events.retain(|e| {
            !(e.kind == "report"
                && e.trigger.is_some()
                && e.participants.iter().any(|p| said.contains(&(e.sent, p.0))))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;

    #[test]
    fn a_report_with_its_claim_is_told_once() {
        let ev = events(
            "Reuters reported on Monday that the ferry service in Northfield would stop in May.",
        );
        assert!(!ev.iter().any(|e| e.0 == "report"), "{ev:?}");
        assert_eq!(
            ev.iter().filter(|e| e.0 == "statement").count(),
            1,
            "{ev:?}"
        );
    }
}
