use super::*;
use crate::store::query::fixture::{self as fx, C};

fn point(v: f64) -> Quantity {
    Quantity {
        value: Some(v),
        ..Default::default()
    }
}

#[test]
fn ranges_not_point_values_decide() {
    let janes = Quantity {
        lower: Some(8_000.0),
        upper: Some(14_000.0),
        ..Default::default()
    };
    let as_many_as = Quantity {
        value: Some(30_000.0),
        upper: Some(30_000.0),
        ..Default::default()
    };
    let more_than = Quantity {
        lower: Some(127_000.0),
        lower_open: true,
        ..Default::default()
    };
    assert!(figures_disagree(&janes, &as_many_as, 0.05));
    assert!(figures_disagree(&point(100_000.0), &more_than, 0.05));
    assert!(!figures_disagree(&point(130_000.0), &more_than, 0.05));
    assert!(figures_disagree(&point(90_000.0), &point(100_000.0), 0.05));
    assert!(!figures_disagree(&point(90_000.0), &point(100_000.0), 0.10));
    let fewer = Quantity {
        upper: Some(1_000.0),
        upper_open: true,
        ..Default::default()
    };
    assert!(!figures_disagree(&fewer, &point(500.0), 0.0));
    assert_eq!(figure_text(&more_than), "more than 127,000");
    assert_eq!(json_number(95_000.0).unwrap().to_string(), "95000");
    assert_eq!(unit_norm("Forces"), unit_norm("troops"));
    assert_ne!(unit_norm("tanks"), unit_norm("troops"));
}

#[test]
fn subjects_meet_across_wordings() {
    let db = fx::empty();
    let a = fx::actor(&db, "Ukraine", "country", None, &[]);
    let d = fx::document(&db, "d", "CNN", "2021-12-01");
    let c = |s: &str| {
        let id = fx::claim(
            &db,
            d,
            C {
                claimant: a,
                statement: s,
                ..Default::default()
            },
        );
        q::claims(
            &db,
            &ClaimFilter {
                ids: Some(vec![id]),
                ..Default::default()
            },
        )
        .unwrap()
        .remove(0)
    };
    let k1 = subject_key(&c("Russian troops near Ukraine's border"));
    let k2 = subject_key(&c("russian troops near the ukraine borders"));
    let k3 = subject_key(&c("Russian troops in Belarus"));
    assert_eq!(k1, k2);
    assert!(similar_subjects(&k1, &k2));
    assert!(!similar_subjects(&k1, &k3));
}

/// A feared invasion force is no side against a counted deployment:
/// tentative figures group among themselves, labelled.
#[test]
fn feared_figures_are_no_side_against_asserted_ones() {
    let db = fx::empty();
    let ua = fx::actor(&db, "Ukraine", "country", None, &[]);
    let us = fx::actor(&db, "United States", "country", None, &[]);
    let uk = fx::actor(&db, "United Kingdom", "country", None, &[]);
    let d1 = fx::document(&db, "d1", "CNN", "2021-12-03");
    let d2 = fx::document(&db, "d2", "AP", "2021-12-04");
    let mk = |doc, who, v: f64| {
        fx::claim(
            &db,
            doc,
            C {
                claimant: who,
                subject: Some("russian troops near ukraine border"),
                statement: "troops near the border",
                value: Some(v),
                unit: Some("troops"),
                valid: Some("2021-12"),
                ..Default::default()
            },
        )
    };
    let counted = mk(d1, ua, 90_000.0);
    let feared = mk(d2, us, 175_000.0);
    let feared2 = mk(d2, uk, 120_000.0);
    db.execute(
        "UPDATE claims SET factuality = 'feared' WHERE id IN (?1, ?2)",
        [feared, feared2],
    )
    .unwrap();
    let r = conflicts(&db, &Options::default()).unwrap();
    for g in &r.conflicts {
        for d in &g.disagreements {
            assert!(
                !d.claims.contains(&counted),
                "an asserted figure disputed by a feared one: {r:#?}"
            );
        }
    }
    let g = r
        .conflicts
        .iter()
        .find(|g| g.sides.iter().any(|s| s.claim == feared))
        .expect("the feared figures disagree among themselves");
    assert!(g.subject.ends_with("[feared]"), "{g:#?}");
    assert!(g.sides.iter().all(|s| s.factuality == Factuality::Feared));
}

/// Two governments disagree in December; one of them revises its own
/// figure in January: one conflict group, both kinds kept apart.
#[test]
fn disagreement_and_change_kept_apart() {
    let db = fx::empty();
    let ua = fx::actor(&db, "Ukraine", "country", None, &["Kyiv"]);
    let us = fx::actor(&db, "United States", "country", None, &["U.S."]);
    let off = fx::actor(&db, "unnamed official", "anonymous", Some(us), &[]);
    let ap = fx::actor(&db, "AP", "media", None, &[]);
    let d1 = fx::document(&db, "d1", "CNN", "2021-12-03");
    let d2 = fx::document(&db, "d2", "CBS News", "2021-12-04");
    let d3 = fx::document(&db, "d3", "CNN", "2022-01-19");
    let subject = Some("russian troops near ukraine border");
    let mk = |doc, who, via: &'static [i64], v: f64, day: &'static str| {
        fx::claim(
            &db,
            doc,
            C {
                claimant: who,
                via,
                subject,
                statement: "troops near the border",
                value: Some(v),
                unit: Some("troops"),
                valid: Some(day),
                ..Default::default()
            },
        )
    };
    let via_ap: &'static [i64] = Box::leak(Box::new([ap]));
    let c1 = mk(d1, ua, &[], 95_000.0, "2021-12-03");
    let c2 = mk(d2, off, via_ap, 70_000.0, "2021-12-04");
    // Weeks later (a season later it would be another story).
    let c3 = mk(d3, ua, &[], 150_000.0, "2022-01-02");
    // A different subject with a wildly different figure never joins.
    fx::claim(
        &db,
        d3,
        C {
            claimant: us,
            subject: Some("russian troops in belarus"),
            statement: "x",
            value: Some(30_000.0),
            unit: Some("troops"),
            valid: Some("2022-01-18"),
            ..Default::default()
        },
    );
    let r = conflicts(&db, &Options::default()).unwrap();
    assert_eq!(r.conflicts.len(), 1, "{r:#?}");
    let g = &r.conflicts[0];
    assert_eq!(
        g.sides.iter().map(|s| s.claim).collect::<Vec<_>>(),
        vec![c1, c2, c3]
    );
    assert_eq!(g.disagreements.len(), 1);
    assert_eq!(g.disagreements[0].claims, [c1, c2]);
    assert_eq!(g.changes.len(), 1);
    assert_eq!(g.changes[0].claims, [c1, c3]);
    assert_eq!(g.sides[1].chain, "CBS News > AP > unnamed official");
    assert_eq!(
        g.sides[1].claimant_part_of.as_deref(),
        Some("United States")
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["conflicts"][0]["sides"][0]["value"],
        serde_json::json!(95000)
    );
    assert_eq!(
        json["conflicts"][0]["sides"][0]["claimant_aliases"],
        serde_json::json!(["Kyiv"])
    );

    // A tolerance wide enough to cover 70,000..95,000 leaves only the change
    // (95,000 to 150,000 stays apart even at 20%).
    let wide = conflicts(
        &db,
        &Options {
            tolerance: 0.2,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(wide.conflicts.is_empty());
    assert_eq!(wide.changes_only.len(), 1);
    // --about filters groups by full-text search.
    let none = conflicts(
        &db,
        &Options {
            about: Some("pipeline".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(none.conflicts.is_empty());
}

#[test]
fn a_subject_without_place_joins_no_two_places() {
    let db = fx::empty();
    let ua = fx::actor(&db, "Ukraine", "country", None, &[]);
    let us = fx::actor(&db, "United States", "country", None, &[]);
    let d1 = fx::document(&db, "d1", "CNN", "2022-01-10");
    let d2 = fx::document(&db, "d2", "ABC News", "2022-02-10");
    let mk = |doc, who, subject: &'static str, v: f64, day: &'static str| {
        fx::claim(
            &db,
            doc,
            C {
                claimant: who,
                subject: Some(subject),
                statement: "troops",
                value: Some(v),
                unit: Some("troops"),
                valid: Some(day),
                ..Default::default()
            },
        )
    };
    let near_ua = mk(
        d1,
        ua,
        "russian troops near ukraine border",
        127_000.0,
        "2022-01-10",
    );
    let anywhere = mk(d1, us, "russian troops", 100_000.0, "2022-01-10");
    let in_by_us = mk(
        d2,
        us,
        "russian troops near belarus",
        30_000.0,
        "2022-02-10",
    );
    let in_by_ua = mk(d2, ua, "russian troops near belarus", 9_000.0, "2022-02-10");
    let r = conflicts(&db, &Options::default()).unwrap();
    let groups: Vec<Vec<i64>> = r
        .conflicts
        .iter()
        .chain(&r.changes_only)
        .map(|g| g.sides.iter().map(|s| s.claim).collect())
        .collect();
    // Belarus figures disagree among themselves ...
    assert!(
        groups
            .iter()
            .any(|g| g.contains(&in_by_us) && g.contains(&in_by_ua)),
        "{groups:?}"
    );
    // ... and the place-less figure bridges neither way: no "change" from
    // 100,000 near Ukraine to 30,000 in Belarus.
    for g in &groups {
        assert!(
            !(g.contains(&near_ua) && g.contains(&in_by_us)),
            "{groups:?}"
        );
        assert!(
            !(g.contains(&anywhere) && g.contains(&in_by_us)),
            "{groups:?}"
        );
    }
}

/// Statements that share some words in a chain (A with B, B with C)
/// are not one subject; only the same proposition affirmed and denied
/// is a disagreement.
#[test]
fn statements_do_not_snowball() {
    let db = fx::empty();
    let mayor = fx::actor(&db, "Mayor Lind", "person", None, &[]);
    let council = fx::actor(&db, "City Council", "organization", None, &[]);
    let d = fx::document(&db, "d", "Harbor Wire", "2024-05-02");
    let say = |who, statement, polarity| {
        fx::claim(
            &db,
            d,
            C {
                claimant: who,
                statement,
                polarity,
                stated: Some("2024-05-01"),
                ..Default::default()
            },
        )
    };
    say(mayor, "the bridge will reopen in June", "affirm");
    say(council, "the bridge toll will not rise in June", "deny");
    say(mayor, "the toll road will close", "affirm");
    say(council, "the ferry will not close", "deny");
    let a = say(mayor, "the council approved the harbour budget", "affirm");
    let b = say(
        council,
        "the council never approved the harbour budget",
        "deny",
    );
    let r = conflicts(&db, &Options::default()).unwrap();
    let groups: Vec<Vec<i64>> = r
        .conflicts
        .iter()
        .map(|g| g.sides.iter().map(|s| s.claim).collect())
        .collect();
    assert_eq!(groups, vec![vec![a, b]]);
}

/// Figures whose subject says nothing of what is counted ("dollars",
/// "people killed" with no place) never meet; the same words about one
/// event do; and claims months apart are two stories.
#[test]
fn figures_meet_only_about_the_same_thing() {
    let db = fx::empty();
    let a = fx::actor(&db, "Port Authority", "organization", None, &[]);
    let b = fx::actor(&db, "Dockworkers Union", "organization", None, &[]);
    let flood = fx::actor(&db, "Veldonia", "country", None, &[]);
    let d = fx::document(&db, "d", "Harbor Wire", "2024-05-02");
    let fig = |who, subject, v: f64, unit, day, about: &'static [i64]| {
        fx::claim(
            &db,
            d,
            C {
                claimant: who,
                subject: Some(subject),
                statement: "a figure",
                value: Some(v),
                unit: Some(unit),
                valid: Some(day),
                about,
                ..Default::default()
            },
        )
    };
    fig(a, "dollars", 2_000_000.0, "dollars", "2024-05-01", &[]);
    fig(b, "dollars", 9_000.0, "dollars", "2024-05-01", &[]);
    fig(a, "people killed", 3.0, "people", "2024-05-01", &[]);
    fig(b, "people killed", 40.0, "people", "2024-05-01", &[]);
    fig(
        a,
        "people near veldonia",
        300.0,
        "people",
        "2024-05-01",
        &[],
    );
    fig(
        b,
        "people near veldonia",
        80_000.0,
        "people",
        "2024-05-01",
        &[],
    );
    fig(a, "vote share", 4.0, "percent", "2024-05-01", &[]);
    fig(b, "vote share", 20.0, "percent", "2024-05-01", &[]);
    // Whose jobs, but not which or where: jobs lost and jobs that depend
    // on trade are two quantities.
    fig(a, "veldonian jobs", 300_000.0, "jobs", "2024-05-01", &[]);
    fig(b, "veldonian jobs", 6_000_000.0, "jobs", "2024-05-01", &[]);
    // Two places named "in": never one subject.
    fig(a, "jobs in veldonia", 1_400.0, "jobs", "2024-05-01", &[]);
    fig(b, "jobs in oskaria", 292_000.0, "jobs", "2024-05-01", &[]);
    let about: &'static [i64] = Box::leak(Box::new([flood]));
    let k1 = fig(a, "people killed", 12.0, "people", "2024-05-01", about);
    let k2 = fig(b, "people killed", 30.0, "people", "2024-05-02", about);
    let s1 = fig(
        a,
        "striking dockworkers near harbour",
        900.0,
        "workers",
        "2024-01-10",
        &[],
    );
    let s2 = fig(
        b,
        "striking dockworkers near harbour",
        2_000.0,
        "workers",
        "2024-01-11",
        &[],
    );
    let s3 = fig(
        a,
        "striking dockworkers near harbour",
        150.0,
        "workers",
        "2024-09-01",
        &[],
    );
    let s4 = fig(
        b,
        "striking dockworkers near harbour",
        600.0,
        "workers",
        "2024-09-02",
        &[],
    );
    let r = conflicts(&db, &Options::default()).unwrap();
    let mut groups: Vec<Vec<i64>> = r
        .conflicts
        .iter()
        .map(|g| g.sides.iter().map(|s| s.claim).collect())
        .collect();
    groups.sort();
    assert_eq!(groups, vec![vec![k1, k2], vec![s1, s2], vec![s3, s4]]);
}

#[test]
fn a_figure_reads_as_said() {
    let nearly = Quantity {
        value: Some(100_000.0),
        upper: Some(100_000.0),
        upper_open: true,
        approximate: true,
        unit: Some("troops".into()),
        ..Default::default()
    };
    assert_eq!(figure_text(&nearly), "nearly 100,000 troops");
    // "Nearly 100,000" is not "any figure below 100,000".
    assert!(figures_disagree(&nearly, &point(50_000.0), 0.05));
    assert!(!figures_disagree(&nearly, &point(95_000.0), 0.05));
    let fewer = Quantity {
        upper: Some(100_000.0),
        upper_open: true,
        ..Default::default()
    };
    assert_eq!(figure_text(&fewer), "fewer than 100,000");
    let tens = Quantity {
        lower: Some(20_000.0),
        upper: Some(100_000.0),
        vague: true,
        approximate: true,
        upper_open: true,
        unit: Some("troops".into()),
        ..Default::default()
    };
    assert_eq!(figure_text(&tens), "tens of thousands of troops");
}

#[test]
fn affirm_versus_deny() {
    let db = fx::empty();
    let us = fx::actor(&db, "United States", "country", None, &[]);
    let kremlin = fx::actor(&db, "Kremlin", "government", None, &[]);
    let d = fx::document(&db, "d", "CNN", "2022-01-19");
    let c1 = fx::claim(
        &db,
        d,
        C {
            claimant: us,
            statement: "Russia is planning an invasion of Ukraine",
            stated: Some("2022-01-18"),
            ..Default::default()
        },
    );
    let c2 = fx::claim(
        &db,
        d,
        C {
            claimant: kremlin,
            statement: "Russia is not planning an invasion of Ukraine",
            polarity: "deny",
            stated: Some("2022-01-19"),
            ..Default::default()
        },
    );
    let r = conflicts(&db, &Options::default()).unwrap();
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].disagreements[0].kind, "affirm_vs_deny");
    assert_eq!(r.conflicts[0].disagreements[0].claims, [c1, c2]);
}

/// A foreseen or planned force is another quantity than a counted
/// deployment, while a proposition affirmed and denied disagrees whatever
/// the standing of its content.
#[test]
fn predicted_figures_stand_apart_and_statements_keep_their_proposition() {
    let db = fx::empty();
    let ua = fx::actor(&db, "Ukraine", "country", None, &[]);
    let us = fx::actor(&db, "United States", "country", None, &[]);
    let ru = fx::actor(&db, "Russia", "country", None, &[]);
    let d = fx::document(&db, "d", "Wire", "2021-12-04");
    let fig = |who, v: f64| {
        fx::claim(
            &db,
            d,
            C {
                claimant: who,
                subject: Some("russian troops near ukraine border"),
                statement: &format!("{v} troops"),
                value: Some(v),
                unit: Some("troops"),
                valid: Some("2021-12"),
                ..Default::default()
            },
        )
    };
    let counted = fig(ua, 90_000.0);
    let foreseen = fig(us, 175_000.0);
    let said = |who, polarity| {
        fx::claim(
            &db,
            d,
            C {
                claimant: who,
                statement: "the army plans an offensive in the east",
                polarity,
                stated: Some("2021-12-04"),
                ..Default::default()
            },
        )
    };
    let affirmed = said(ua, "affirm");
    let denied = said(ru, "deny");
    db.execute(
        "UPDATE claims SET factuality = 'predicted' WHERE id = ?1",
        [foreseen],
    )
    .unwrap();
    db.execute(
        "UPDATE claims SET factuality = 'planned' WHERE id = ?1",
        [affirmed],
    )
    .unwrap();
    db.execute(
        "UPDATE claims SET factuality = 'denied' WHERE id = ?1",
        [denied],
    )
    .unwrap();
    let r = conflicts(&db, &Options::default()).unwrap();
    let pairs: Vec<[i64; 2]> = r
        .conflicts
        .iter()
        .flat_map(|g| g.disagreements.iter().map(|d| d.claims))
        .collect();
    assert!(!pairs.iter().any(|p| p.contains(&counted)), "{r:#?}");
    assert!(pairs.contains(&[affirmed, denied]), "{r:#?}");
    let g = r
        .conflicts
        .iter()
        .find(|g| g.sides.iter().any(|s| s.claim == affirmed))
        .unwrap();
    assert!(
        !g.subject.contains('['),
        "a statement group is not labelled: {}",
        g.subject
    );
}
