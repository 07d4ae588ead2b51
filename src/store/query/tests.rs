use super::fixture::{self as fx, C, claim, document, empty, event, relation};
use super::*;

/// A reader that opens a file an ingest has just created waits for its
/// schema instead of calling it no database.
#[test]
fn a_reader_waits_for_the_schema_of_a_file_being_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    std::fs::File::create(&path).unwrap();
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            crate::store::Store::open(&path).unwrap();
        })
    };
    let conn = open_read(&path).expect("the schema appears");
    writer.join().unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    let other = dir.path().join("empty.db");
    std::fs::File::create(&other).unwrap();
    let conn = Connection::open(&other).unwrap();
    let t = std::time::Instant::now();
    assert!(wait_for_schema(&conn, std::time::Duration::from_millis(200)).is_ok());
    assert!(t.elapsed() >= std::time::Duration::from_millis(200));
}

#[test]
fn plain_words_are_quoted_for_fts5() {
    assert_eq!(fts_words("troops("), "\"troops(\"");
    assert_eq!(
        fts_words(" say \"no\"  OR"),
        "\"say\" \"\"\"no\"\"\" \"OR\""
    );
    assert_eq!(fts_words(""), "");
}

#[test]
fn events_filter_by_time_actor_and_publication() {
    let db = empty();
    let biden = fx::actor(&db, "Joe Biden", "person", None, &["Biden"]);
    let putin = fx::actor(&db, "Vladimir Putin", "person", None, &[]);
    let d1 = document(&db, "d1", "CNN", "2021-12-04");
    let d2 = document(&db, "d2", "Reuters", "2022-01-10");
    let call = event(
        &db,
        d1,
        "call",
        "video call",
        Some("2021-12-07"),
        &[biden, putin],
    );
    let june = event(
        &db,
        d1,
        "meeting",
        "Geneva summit",
        Some("2021-06"),
        &[biden, putin],
    );
    let talks = event(&db, d2, "meeting", "talks", Some("2022-01-10"), &[putin]);
    let undated = event(&db, d2, "statement", "undated", None, &[biden]);

    let all = events(&db, &EventFilter::default()).unwrap();
    assert_eq!(
        all.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![june, call, talks, undated]
    );
    assert_eq!(all[1].participants.len(), 2);

    let f = EventFilter {
        from: Some("2021-12-01".into()),
        to: Some("2021-12-31".into()),
        ..Default::default()
    };
    assert_eq!(
        events(&db, &f)
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect::<Vec<_>>(),
        vec![call]
    );
    // A month-long value overlaps a window that starts inside it.
    let f = EventFilter {
        from: Some("2021-06-15".into()),
        to: Some("2021-06-20".into()),
        ..Default::default()
    };
    assert_eq!(
        events(&db, &f)
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect::<Vec<_>>(),
        vec![june]
    );

    let f = EventFilter {
        actors: vec![biden],
        ..Default::default()
    };
    assert_eq!(events(&db, &f).unwrap().len(), 3);
    let f = EventFilter {
        as_of: Some("2021-12-31".into()),
        ..Default::default()
    };
    assert_eq!(events(&db, &f).unwrap().len(), 2);
    let f = EventFilter {
        outlet: Some("reuters".into()),
        ..Default::default()
    };
    assert_eq!(
        events(&db, &f)
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect::<Vec<_>>(),
        vec![talks, undated]
    );
}

#[test]
fn claims_search_chain_and_quantities() {
    let db = empty();
    let ukraine = fx::actor(&db, "Ukraine", "country", None, &["Kyiv"]);
    let official = fx::actor(&db, "unnamed official", "anonymous", None, &[]);
    let reuters = fx::actor(&db, "Reuters", "media", None, &[]);
    let d = document(&db, "d1", "CNN", "2021-12-04");
    let c1 = claim(
        &db,
        d,
        C {
            claimant: ukraine,
            statement: "around 95,000 Russian troops near the border",
            value: Some(95_000.0),
            unit: Some("troops"),
            valid: Some("2021-12"),
            ..Default::default()
        },
    );
    let c2 = claim(
        &db,
        d,
        C {
            claimant: official,
            via: &[reuters],
            statement: "Biden will warn Putin",
            ..Default::default()
        },
    );
    let found = claims(
        &db,
        &ClaimFilter {
            text: Some("troops".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.iter().map(|c| c.id).collect::<Vec<_>>(), vec![c1]);
    assert_eq!(found[0].quantity.as_ref().unwrap().value, Some(95_000.0));
    assert_eq!(
        found[0].valid.as_ref().unwrap().granularity,
        Some(Granularity::Month)
    );

    let relayed = claims(
        &db,
        &ClaimFilter {
            via: vec![reuters],
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(relayed.len(), 1);
    assert_eq!(relayed[0].id, c2);
    assert_eq!(relayed[0].via[0].name, "Reuters");
    let numeric = claims(
        &db,
        &ClaimFilter {
            with_quantity: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(numeric.len(), 1);
}

#[test]
fn actor_lookup_and_links() {
    let db = empty();
    let us = fx::actor(
        &db,
        "United States",
        "country",
        None,
        &["U.S.", "Washington"],
    );
    let biden = fx::actor(&db, "Joe Biden", "person", Some(us), &["Biden"]);
    let putin = fx::actor(&db, "Vladimir Putin", "person", None, &["Putin"]);
    let d = document(&db, "d1", "CNN", "2021-12-04");
    let ev = event(&db, d, "call", "call", Some("2021-12-07"), &[biden, putin]);
    let rel = relation(&db, d, us, "sanctions", putin);
    assert_eq!(
        actors_named(&db, "washington", "washington").unwrap()[0].id,
        us
    );
    assert!(actors_named(&db, "nobody", "nobody").unwrap().is_empty());
    assert_eq!(actor_aliases(&db, us).unwrap(), vec!["U.S.", "Washington"]);
    let mut adj = Vec::new();
    node_neighbors(&db, Node::Actor(putin), &mut adj).unwrap();
    assert_eq!(
        adj,
        vec![
            (Node::Event(ev), "participant".to_owned()),
            (Node::Relation(rel), "target".to_owned())
        ]
    );
    assert_eq!(actor_parts(&db, us).unwrap()[0].id, biden);
}
