//! Article text to model: a fast, offline, rule-based English extractor.
//!
//! Stages each add annotations with byte spans into the original text and
//! never lose the original offsets: tokens (with normalised quotes and
//! dashes), quotations and sentences ([`text`]), temporal expressions
//! ([`timex`]), actors ([`actors`]), quantities ([`quantity`]), attributed
//! claims ([`claims`]), events and relations ([`events`]). Every fact keeps
//! its evidence: byte span, sentence and the id of the rule that made it.

pub mod actors;
pub mod claims;
mod clean;
mod described;
pub mod events;
pub mod factuality;
mod gender;
mod habitual;
pub mod lexicon;
mod openers;
pub mod quantity;
mod speakers;
pub mod text;
pub mod timex;
mod valid;

use crate::model::{self, Bundle, Document, Evidence, Timex};
use chrono::NaiveDate;
use lexicon::HashMap;

pub use lexicon::set_extra_dir;

/// An article to extract from: metadata and body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// Publication date: the anchor for relative dates and the default stated time.
    pub published: NaiveDate,
    /// The body text (byte offsets in the output point into it).
    pub text: String,
}

/// The working state of one extraction: the text with every annotation layer.
pub struct Doc<'a> {
    pub text: &'a str,
    pub published: NaiveDate,
    pub publisher: Option<String>,
    pub toks: Vec<text::Token>,
    /// Per token: the opening quote of the quotation it lies in.
    pub inq: Vec<Option<usize>>,
    pub sents: Vec<text::Sentence>,
    pub sent_of: Vec<usize>,
    pub timexes: Vec<Timex>,
    /// Per token: the timex covering it.
    pub tx_at: Vec<Option<usize>>,
    pub actors: Vec<actors::ActorRec>,
    pub actor_keys: HashMap<String, usize>,
    pub mentions: Vec<actors::Mention>,
    pub ment_at: Vec<Option<usize>>,
    pub places: Vec<(usize, usize, String)>,
    pub surname_of: HashMap<String, usize>,
    pub last_body: HashMap<String, usize>,
    pub last_person: Option<usize>,
    /// Actor index per gazetteer country, once created.
    pub country_actor_of: Vec<Option<usize>>,
    /// Per sentence: whether it is a headline in title case.
    pub title_case_of: Vec<Option<bool>>,
    pub quantities: Vec<quantity::QuantityMention>,
    pub claims: Vec<claims::ClaimRec>,
    pub events: Vec<events::EventRec>,
    pub relations: Vec<events::RelationRec>,
    /// The words the document writes in lower case, built on first use
    /// (`openers`).
    pub lower_words: std::cell::OnceCell<std::collections::HashSet<String>>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, published: NaiveDate, publisher: Option<String>) -> Doc<'a> {
        let toks = text::tokenize_article(text);
        let inq = text::quote_spans(&toks, text);
        let sents = text::sentences(text, &toks, &inq);
        let mut sent_of = vec![0; toks.len()];
        for (si, s) in sents.iter().enumerate() {
            for x in &mut sent_of[s.t0..s.t1] {
                *x = si;
            }
        }
        let n = toks.len();
        Doc {
            text,
            published,
            publisher,
            toks,
            inq,
            sents,
            sent_of,
            timexes: Vec::new(),
            tx_at: vec![None; n],
            actors: Vec::new(),
            actor_keys: HashMap::default(),
            mentions: Vec::new(),
            ment_at: vec![None; n],
            places: Vec::new(),
            surname_of: HashMap::default(),
            last_body: HashMap::default(),
            last_person: None,
            country_actor_of: Vec::new(),
            title_case_of: Vec::new(),
            quantities: Vec::new(),
            claims: Vec::new(),
            events: Vec::new(),
            relations: Vec::new(),
            lower_words: std::cell::OnceCell::new(),
        }
    }

    fn tag_times(&mut self) {
        self.timexes = timex::tag(self.text, self.published);
        let mut ti = 0;
        for (xi, x) in self.timexes.iter().enumerate() {
            while ti < self.toks.len() && self.toks[ti].end <= x.start {
                ti += 1;
            }
            let mut k = ti;
            while k < self.toks.len() && self.toks[k].start < x.end {
                self.tx_at[k] = Some(xi);
                k += 1;
            }
        }
    }

    /// Evidence for a token range, with the sentence text.
    pub fn evidence_sent(&self, si: usize, rule: &str) -> Evidence {
        let s = &self.sents[si];
        Evidence {
            start: s.start,
            end: s.end,
            text: self.text[s.start..s.end].to_owned(),
            rule: Some(rule.to_owned()),
        }
    }

    /// The original text of a token range.
    pub fn span(&self, t0: usize, t1: usize) -> &str {
        if t0 >= t1 || t1 > self.toks.len() {
            return "";
        }
        &self.text[self.toks[t0].start..self.toks[t1 - 1].end]
    }

    /// Whether token `t` lies inside a direct quotation.
    pub fn quoted(&self, t: usize) -> bool {
        self.inq[t].is_some() || self.toks[t].kind == text::TokKind::Quote
    }

    /// The mention at token `t`, if one covers it.
    pub fn mention_at(&self, t: usize) -> Option<&actors::Mention> {
        self.ment_at
            .get(t)
            .copied()
            .flatten()
            .map(|m| &self.mentions[m])
    }
}

/// Extracts actors, claims, events, relations and temporal expressions from
/// one article.
pub fn extract(article: &Article) -> Bundle {
    let text = article.text.as_str();
    let mut doc = Doc::new(text, article.published, article.publisher.clone());
    doc.tag_times();
    doc.find_actors();
    doc.find_quantities();
    doc.find_claims();
    doc.find_events();
    doc.find_relations();
    let mut bundle = doc.into_bundle(article);
    valid::repair(&mut bundle);
    bundle
}

impl Doc<'_> {
    fn into_bundle(self, article: &Article) -> Bundle {
        let id_of = |i: usize| format!("a{}", i + 1);
        // Actors that nothing refers to are still reported: they were mentioned.
        let actors = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| model::Actor {
                id: id_of(i),
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                part_of: a.part_of.map(id_of),
                mentions: a
                    .mentions
                    .iter()
                    .take(20)
                    .map(|&(s, e)| Evidence {
                        start: s,
                        end: e,
                        text: self.text[s..e].to_owned(),
                        rule: None,
                    })
                    .collect(),
            })
            .collect();
        let claims = self
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| model::Claim {
                factuality: factuality::of_claim(&self, c),
                ..c.to_model(i, &id_of)
            })
            .collect();
        let events = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| e.to_model(i, &id_of))
            .collect();
        let relations = self.relations.iter().map(|r| r.to_model(&id_of)).collect();
        let mut parts: Vec<&str> = Vec::new();
        if let Some(p) = &article.publisher {
            parts.push(p);
        }
        let date = article.published.to_string();
        parts.push(&date);
        if let Some(t) = &article.title {
            parts.push(t);
        }
        parts.push(&article.text);
        let document = Document {
            id: Document::derive_id(parts),
            title: article.title.clone(),
            publisher: article.publisher.clone(),
            url: article.url.clone(),
            published: article.published,
            recorded_at: None,
            content_hash: Some(format!("{:016x}", model::fnv1a([article.text.as_str()]))),
        };
        Bundle {
            document,
            actors,
            events,
            claims,
            relations,
            timexes: self.timexes,
        }
    }
}

/// Extracts a bare text (no title, publisher or url) published on
/// `y-m-d`: the common start of the extractor's unit tests.
#[cfg(test)]
pub(crate) fn extract_text(text: &str, (y, m, d): (i32, u32, u32)) -> Bundle {
    extract(&Article {
        title: None,
        publisher: None,
        url: None,
        published: chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        text: text.into(),
    })
}

/// The claimant name of each claim [`extract_text`] finds in `text`
/// (published 2016-09-20), in order: what the speaker tests compare.
#[cfg(test)]
pub(crate) fn claimants_of(text: &str) -> Vec<String> {
    let b = extract_text(text, (2016, 9, 20));
    b.claims
        .iter()
        .filter_map(|c| b.actors.iter().find(|a| a.id == c.claimant))
        .map(|a| a.name.clone())
        .collect()
}

/// Each claim [`extract_text`] finds in `text` published on `date`, as
/// (claimant name, statement).
#[cfg(test)]
pub(crate) fn claims_of(text: &str, date: (i32, u32, u32)) -> Vec<(String, String)> {
    let b = extract_text(text, date);
    b.claims
        .iter()
        .filter_map(|c| {
            let who = b.actors.iter().find(|a| a.id == c.claimant)?;
            Some((who.name.clone(), c.statement.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(text: &str) -> Article {
        Article {
            title: None,
            publisher: Some("Test".into()),
            url: None,
            published: NaiveDate::from_ymd_opt(2021, 12, 4).unwrap(),
            text: text.into(),
        }
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let a = art(
            "Russia\u{2019}s Foreign Minister Sergei Lavrov said \u{201C}we will respond.\u{201D}",
        );
        let b = extract(&a);
        for act in &b.actors {
            for m in &act.mentions {
                assert_eq!(&a.text[m.start..m.end], m.text);
            }
        }
        assert!(b.actors.iter().any(|x| x.name == "Sergei Lavrov"));
    }
}
