use super::body_head;
use crate::extract::lexicon::LEX;

#[test]
fn a_body_keeps_its_head_after_the_country() {
    let ukraine = LEX.countries.iter().find(|c| c.name == "Ukraine").unwrap();
    assert_eq!(
        body_head("Ukraine's Defense Ministry", ukraine),
        Some("Defense Ministry")
    );
    assert_eq!(
        body_head("the Ukrainian Defense Ministry", ukraine),
        Some("Defense Ministry")
    );
    assert_eq!(
        body_head("Ukraine\u{2019}s defense ministry", ukraine),
        Some("defense ministry")
    );
    assert_eq!(body_head("Ukrainian", ukraine), None);
}

#[test]
fn names_of_rulers_and_places_are_not_people() {
    use crate::model::ActorKind;
    let a = actors_of(
        "King Mohammed VI visited the High Atlas mountains. Russia said Kherson was calm.",
        None,
    );
    assert!(
        a.contains(&("Mohammed VI".into(), ActorKind::Person)),
        "{a:?}"
    );
    assert!(
        !a.iter()
            .any(|(n, k)| *k == ActorKind::Person && (n.contains("Atlas") || n == "Kherson")),
        "{a:?}"
    );
    // A speaker after the cue is still one.
    let a = actors_of("\"We are ready,\" said Varga.", None);
    assert!(a.contains(&("Varga".into(), ActorKind::Person)), "{a:?}");
}

fn actors_of(text: &str, publisher: Option<&str>) -> Vec<(String, crate::model::ActorKind)> {
    let b = crate::extract::extract(&crate::extract::Article {
        title: None,
        publisher: publisher.map(Into::into),
        url: None,
        published: chrono::NaiveDate::from_ymd_opt(2023, 5, 11).unwrap(),
        text: text.into(),
    });
    b.actors.into_iter().map(|a| (a.name, a.kind)).collect()
}

/// Headline and caption runs, titles alone and pronouns are no person.
#[test]
fn headline_debris_is_no_person() {
    let persons = |text: &str| -> Vec<String> {
        actors_of(text, None)
            .into_iter()
            .filter(|(_, k)| *k == crate::model::ActorKind::Person)
            .map(|(n, _)| n)
            .collect()
    };
    let p = persons("Will Putin Blink First As Talks Drag On\n\nThe talks went on, Varga said.");
    assert!(!p.iter().any(|n| n.contains("Will")), "{p:?}");
    let p = persons("Harbour Board Is Expanding The Quay\n\nThe quay grows, Almeida said.");
    assert!(!p.iter().any(|n| n.contains("Is ")), "{p:?}");
    let p = persons("Chairman said the quay would be finished in May.");
    assert!(p.is_empty(), "{p:?}");
    let p = persons("Port Director Helena Varga said the quay would be finished in May.");
    assert!(p.contains(&"Helena Varga".to_owned()), "{p:?}");
    assert!(!p.iter().any(|n| n.contains("Director")), "{p:?}");
    let p = persons("Shipping was calm, said Tomas Berg, who runs the yard.");
    assert!(p.contains(&"Tomas Berg".to_owned()), "{p:?}");
}

#[test]
fn places_are_places_and_their_bodies_belong_to_them() {
    use crate::model::ActorKind::{Media, Organization, Place};
    let a = actors_of(
        "The Gaza health ministry said 25 people had been killed in Gaza.",
        None,
    );
    assert!(a.contains(&("Gaza Strip".into(), Place)), "{a:?}");
    assert!(
        a.contains(&("Gaza health ministry".into(), Organization)),
        "{a:?}"
    );
    // A small outlet in its own dateline is media, not a person.
    let a = actors_of(
        "CAIRO (Example Wire) - Egypt pushed for a truce.",
        Some("Example Wire"),
    );
    assert!(a.contains(&("Example Wire".into(), Media)), "{a:?}");
    // Whatever its name looks like.
    let a = actors_of(
        "GENEVA (Example Post) — Senior U.S. and Russian diplomats met on Monday.",
        Some("Example Post"),
    );
    assert!(a.contains(&("Example Post".into(), Media)), "{a:?}");
}

#[test]
fn an_office_in_apposition_is_the_person_named() {
    let a = actors_of(
        "Martin Griffiths, the U.N. relief chief, told reporters that aid was late.",
        None,
    );
    assert!(
        a.contains(&("Martin Griffiths".into(), crate::model::ActorKind::Person)),
        "{a:?}"
    );
    assert!(
        !a.iter().any(|x| x.1 == crate::model::ActorKind::Anonymous),
        "{a:?}"
    );
}

#[test]
fn a_name_before_its_kind_of_body_is_an_organisation() {
    use crate::model::ActorKind::{Government, Organization};
    let a = actors_of(
        "The CGT union called a strike. The Likud party won. FNSEA said farmers would join.",
        None,
    );
    for name in ["CGT", "Likud", "FNSEA"] {
        assert!(a.contains(&(name.into(), Organization)), "{name}: {a:?}");
    }
    // An acronym that neither speaks nor is named as a body stays unknown.
    let a = actors_of("The ZQX figures were late.", None);
    assert!(a.iter().all(|(n, _)| n != "ZQX"), "{a:?}");
    let a = actors_of("Police said 40 people were detained.", None);
    assert!(a.iter().any(|(_, k)| *k == Government), "{a:?}");
}
