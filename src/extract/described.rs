//! Speakers described by a phrase around a name rather than named by it:
//! "Roe allies said", "the Roe campaign said" (the name only qualifies the
//! speaker), "Most voters in Kent, Essex and Surrey said" (the places say
//! where the speakers are, they are not the speakers).

use super::Doc;
use super::text::TokKind;

/// Prepositions after which a name says where a described speaker is.
const LOCATIVES: &[&str] = &["in", "from", "across", "throughout", "around"];

impl Doc<'_> {
    /// Whether the mention ending at `t1` only qualifies the lower-case
    /// noun after it, the last word before `v` ("Roe allies", "Roe's
    /// aides"): the speaker is the group that noun names.
    pub(super) fn qualifies_noun(&self, t1: usize, v: usize) -> bool {
        let mut j = t1;
        if self
            .toks
            .get(j)
            .is_some_and(|t| matches!(t.norm.as_str(), "'s" | "'" | "’s" | "’"))
        {
            j += 1;
        }
        // The head is the last word of the phrase: "Roe campaign officials".
        if j + 1 != v {
            return false;
        }
        let t = &self.toks[j];
        t.kind == TokKind::Word && !t.is_cap() && super::speakers::is_speaker_noun(&t.lower)
    }

    /// The noun phrase that is the subject of a cue at `v` when a name in
    /// it only qualifies its head ("Roe allies", "the Roe campaign"), or a
    /// list of places follows it ("voters in Kent and Essex").
    pub(super) fn described_subject(&self, v: usize, s0: usize) -> Option<(usize, usize)> {
        let (b, e) = self.np_subject(v, s0)?;
        if self.toks[e - 1].is_cap() {
            return None;
        }
        let qualified = (b..e - 1).any(|k| {
            self.mention_at(k)
                .is_some_and(|m| m.t0 == k && m.t1 < e && self.qualifies_noun(m.t1, e))
        });
        let located = e < v
            && LOCATIVES.contains(&self.toks[e].lower.as_str())
            && self.locative_names_start(v, s0) == Some(e);
        (qualified || located).then_some((b, e))
    }

    /// When the words ending at `e` (exclusive) are a locative phrase of
    /// names ("in Kent, Essex and Surrey"): the position of its preposition.
    pub(super) fn locative_names_start(&self, e: usize, s0: usize) -> Option<usize> {
        let mut k = e;
        let mut names = 0;
        let mut joined = false;
        while k > s0 {
            let p = k - 1;
            let t = &self.toks[p];
            if let Some(m) = self.mention_at(p) {
                k = m.t0.max(s0);
                names += 1;
                continue;
            }
            if t.kind == TokKind::Word && t.is_cap() {
                k = p;
                names += 1;
                continue;
            }
            // A list ends with "and" or "or": "in Toledo, Roe said" has
            // only a comma, after an opening phrase.
            if names > 0 && (matches!(t.lower.as_str(), "and" | "or") || (t.norm == "," && joined))
            {
                joined = true;
                k = p;
                continue;
            }
            if names > 0 && LOCATIVES.contains(&t.lower.as_str()) {
                return Some(p);
            }
            return None;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::claimants_of as claimants;

    #[test]
    fn a_name_qualifying_the_speakers_is_not_the_speaker() {
        let got = claimants("Marta Okafor spoke first. Okafor allies said the vote was rigged.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_ne!(got[0], "Marta Okafor");
        assert!(got[0].contains("allies"), "{got:?}");
    }

    #[test]
    fn places_after_the_speakers_are_not_the_speakers() {
        let got = claimants(
            "Most farmers in Kent, Essex and Surrey said they felt ignored by the ministry.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].contains("farmers"), "{got:?}");
    }
}
