//! Attribution coverage: hedges, views, counted shares of people, a cue
//! sentence after a quotation, sources after "according to", participles
//! after a message. Sentences of our own, on stories of our own.

use crate::extract::{Article, extract};
use crate::model::{Bundle, Factuality, Modality};
use chrono::NaiveDate;

fn run_with(text: &str, publisher: Option<&str>) -> Bundle {
    extract(&Article {
        title: None,
        publisher: publisher.map(Into::into),
        url: None,
        published: NaiveDate::from_ymd_opt(2023, 4, 12).unwrap(),
        text: text.into(),
    })
}

fn run(text: &str) -> Bundle {
    run_with(text, Some("Harbour Gazette"))
}

fn name_of(b: &Bundle, id: &str) -> String {
    b.actors.iter().find(|a| a.id == id).unwrap().name.clone()
}

/// (claimant, statement, modality, factuality) of every claim.
fn claims(b: &Bundle) -> Vec<(String, String, Modality, Factuality)> {
    b.claims
        .iter()
        .map(|c| {
            (
                name_of(b, &c.claimant),
                c.statement.clone(),
                c.modality,
                c.factuality,
            )
        })
        .collect()
}

#[test]
fn a_hedge_is_the_outlet_belief_never_a_fact() {
    let b = run("The ferry operator appears to be losing money on the winter routes.");
    let cs = claims(&b);
    assert_eq!(cs.len(), 1, "{cs:?}");
    assert_eq!(cs[0].0, "Harbour Gazette");
    assert_eq!(cs[0].2, Modality::Belief);
    assert!(
        cs[0].1.contains("losing money on the winter routes"),
        "{cs:?}"
    );
    let b = run("It seems the council has run out of patience with the contractor.");
    assert_eq!(b.claims[0].modality, Modality::Belief, "{:?}", b.claims);
}

#[test]
fn an_unnamed_expectation_is_a_prediction_and_keeps_its_negation() {
    let b = run("The mayor is not expected to sign the harbour budget before May.");
    let cs = claims(&b);
    assert_eq!(cs.len(), 1, "{cs:?}");
    assert_eq!(cs[0].2, Modality::Prediction);
    assert_ne!(cs[0].3, Factuality::Asserted, "{cs:?}");
    let b = run("The new bridge is widely seen as a test for the regional government.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(b.claims[0].modality, Modality::Belief);
}

#[test]
fn no_outlet_no_hedge_and_appearances_or_inability_are_no_hedges() {
    let b = run_with("The ferry operator appears to be losing money.", None);
    assert!(b.claims.is_empty(), "{:?}", b.claims);
    for text in [
        "The harbour master appeared on local radio on Monday.",
        "The union just cannot seem to agree on a date for the vote.",
        "She has a lead on being seen as honest by most residents.",
    ] {
        let b = run(text);
        assert!(b.claims.is_empty(), "{text}: {:?}", b.claims);
    }
}

#[test]
fn a_hedge_inside_what_a_speaker_says_is_the_speaker_s() {
    let b = run("Councillor Mara Quill said the contractor seems to have left the site.");
    let cs = claims(&b);
    assert_eq!(cs.len(), 1, "{cs:?}");
    assert!(cs[0].0.ends_with("Mara Quill"), "{cs:?}");
}

#[test]
fn seeing_something_as_something_is_the_holder_s_view() {
    let b = run("Mara Quill sees the harbour levy as a tax on fishermen.");
    let cs = claims(&b);
    assert_eq!(cs.len(), 1, "{cs:?}");
    assert_eq!(cs[0].0, "Mara Quill");
    assert_eq!(cs[0].2, Modality::Belief);
    assert!(cs[0].1.starts_with("the harbour levy as a tax"), "{cs:?}");
    // "is seen as": no holder named, so not the subject's view.
    let b = run("Mara Quill is seen as the favourite for harbour master.");
    assert!(
        claims(&b).iter().all(|c| c.0 != "Mara Quill"),
        "{:?}",
        b.claims
    );
}

#[test]
fn a_counted_share_of_people_speaks() {
    let b = run("About 3 in 10 say they would pay a higher ferry fare.");
    let cs = claims(&b);
    assert_eq!(cs.len(), 1, "{cs:?}");
    assert_eq!(cs[0].0, "About 3 in 10");
    let b = run("Still, 61 percent of island residents said the levy was fair.");
    let cs = claims(&b);
    assert_eq!(cs.len(), 1, "{cs:?}");
    // A known group inside the share names the claimant.
    assert!(cs[0].0.contains("residents"), "{cs:?}");
    // A pronoun's share needs its referent.
    let b = run("Most of them said the fare was too high.");
    assert!(b.claims.is_empty(), "{:?}", b.claims);
}

#[test]
fn a_cue_sentence_after_a_quotation_takes_the_quotation() {
    let b = run("\"We will not close the ferry.\" Quill said.\n\nThe vote is on Friday.");
    let cs = claims(&b);
    assert_eq!(cs.len(), 1, "{cs:?}");
    assert_eq!(cs[0].0, "Quill");
    assert_eq!(cs[0].1, "We will not close the ferry");
    let ev = &b.claims[0].evidence;
    assert!(
        ev.text.starts_with("\"We will") && ev.text.ends_with("said."),
        "{ev:?}"
    );
    // No quotation before: nothing was said.
    let b = run("The meeting ran late. Quill said.");
    assert!(b.claims.is_empty(), "{:?}", b.claims);
}

#[test]
fn according_to_documents_no_gazetteer_knows() {
    for (text, source) in [
        (
            "Ferry traffic fell by a third, according to a yearly harbour survey.",
            "harbour survey",
        ),
        (
            "The levy raised $2 million, according to the municipal report.",
            "municipal report",
        ),
        (
            "She trained as a marine engineer, according to her biography.",
            "biography",
        ),
    ] {
        let b = run(text);
        let cs = claims(&b);
        assert_eq!(cs.len(), 1, "{text}: {cs:?}");
        assert!(cs[0].0.contains(source), "{text}: {cs:?}");
    }
    let b = run("The report said that the pier needs repairs.");
    assert_eq!(claims(&b)[0].0, "report");
}

#[test]
fn speakers_the_verb_path_used_to_miss() {
    let cases = [
        (
            "The ferry owner began by thanking the crew, saying that the pier is safe.",
            "ferry owner",
        ),
        (
            "The union released a statement Tuesday saying the strike will go ahead.",
            "union",
        ),
        (
            "\"The fares are fair,\" said Ferry Watch director Ona Brel.",
            "Ona Brel",
        ),
        (
            "\"The fares are fair,\" said one former harbour official who asked not to be named.",
            "official",
        ),
    ];
    for (text, who) in cases {
        let b = run(text);
        let cs = claims(&b);
        assert!(!cs.is_empty(), "{text}");
        assert!(cs[0].0.contains(who), "{text}: {cs:?}");
    }
    let b = run("Mara Quill has opposed the levy for years, calling for lower harbour fees.");
    assert_eq!(b.claims[0].modality, Modality::Demand, "{:?}", b.claims);
}

#[test]
fn a_negated_belief_or_wish_is_a_denial_and_an_unsaid_thing_no_claim() {
    let b = run("Fishermen don't think the new pier will open this year.");
    let cs = claims(&b);
    assert_eq!(cs.len(), 1, "{cs:?}");
    assert_eq!(cs[0].0, "Fishermen");
    assert_eq!(cs[0].2, Modality::Belief);
    assert_eq!(cs[0].3, Factuality::Denied, "{cs:?}");
    let b = run("Residents do not want a second ferry terminal.");
    assert_eq!(b.claims[0].factuality, Factuality::Denied, "{:?}", b.claims);
    for text in [
        "Quill didn't say when the pier would reopen.",
        "Quill did not say when the pier would reopen.",
    ] {
        let b = run(text);
        assert!(b.claims.is_empty(), "{text}: {:?}", b.claims);
    }
}
