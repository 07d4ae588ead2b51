//! Claims rules, each with sentences of our own.

use crate::extract::{Article, extract};
use crate::model::{Bundle, Polarity};
use chrono::NaiveDate;

fn run(text: &str) -> Bundle {
    extract(&Article {
        title: None,
        publisher: Some("Test".into()),
        url: None,
        published: NaiveDate::from_ymd_opt(2021, 12, 4).unwrap(),
        text: text.into(),
    })
}

fn first_statement_is(text: &str, want: &str) {
    let b = run(text);
    assert_eq!(b.claims[0].statement, want, "{:?}", b.claims);
}

fn claimant(b: &Bundle, i: usize) -> String {
    let id = &b.claims[i].claimant;
    b.actors.iter().find(|a| &a.id == id).unwrap().name.clone()
}

#[test]
fn put_it_at_is_an_estimate_of_what_came_before() {
    let b = run("Russia has massed troops near the border. U.S. intelligence put it at 70,000.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "U.S. intelligence");
    let q = b.claims[0].quantity.as_ref().unwrap();
    assert_eq!(
        (q.value, q.unit.as_deref()),
        (Some(70_000.0), Some("troops"))
    );
    let b = run(
        "The Israeli military put the number of rockets fired from the coast at more than 500.",
    );
    let q = b.claims[0].quantity.as_ref().unwrap();
    assert_eq!((q.lower, q.unit.as_deref()), (Some(500.0), Some("rockets")));
    // A date is no figure to carry over.
    let b =
        run("Troops are massing. Once the drills begin on the 10th, they will be ready, Lee said.");
    assert!(
        b.claims.iter().all(|c| c.quantity.is_none()),
        "{:?}",
        b.claims
    );
}

#[test]
fn put_any_count_at_a_figure_is_an_estimate() {
    let b = run("The Interior Ministry put turnout at 1.28 million nationwide.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Interior Ministry");
    assert_eq!(b.claims[0].statement, "turnout at 1.28 million nationwide");
    // What is counted stays in the statement; a number word counts too.
    let b = run("Police put the number of dead at five.");
    assert_eq!(b.claims[0].statement, "the number of dead at five");
    let q = b.claims[0].quantity.as_ref().expect("a figure");
    assert_eq!((q.value, q.unit.as_deref()), (Some(5.0), Some("people")));
    assert_eq!(b.claims[0].subject.as_deref(), Some("people killed"));
    // "put pressure on" names no figure.
    let b = run("Washington put pressure on Moscow over the 2,000 troops.");
    assert!(b.claims.is_empty(), "{:?}", b.claims);
}

#[test]
fn content_after_that_keeps_its_subject() {
    let b = run(
        "Kremlin spokesman Dmitry Peskov told reporters that Moscow had nothing to do with the crisis.",
    );
    assert_eq!(
        b.claims[0].statement,
        "Moscow had nothing to do with the crisis"
    );
    let b =
        run("Mariusz Kaminski told a news conference that about 4,000 people were camped nearby.");
    assert_eq!(
        b.claims[0].statement,
        "about 4,000 people were camped nearby"
    );
}

#[test]
fn a_source_set_off_before_a_circumstance_reports_what_came_before() {
    let b = run(
        "GAZA/JERUSALEM, May 11 (Example Wire) - Air strikes killed 20 people in Gaza on Monday, the Gaza health ministry said, after militants fired 150 rockets.",
    );
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(
        b.claims[0].statement,
        "Air strikes killed 20 people in Gaza on Monday"
    );
    let b =
        run("Egypt was trying to broker a ceasefire, two diplomats familiar with the talks said.");
    assert_eq!(claimant(&b, 0), "diplomats familiar with the talks");
}

#[test]
fn a_speaker_reported_by_another_is_relayed() {
    let b = run(
        "Biden warned Putin that an invasion would bring severe consequences, the White House said.",
    );
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Joe Biden");
    let via = &b.claims[0].via;
    assert_eq!(via.len(), 1);
    let relay = b.actors.iter().find(|a| a.id == via[0]).unwrap();
    assert_eq!(relay.name, "White House");
}

#[test]
fn a_platform_is_a_channel_and_the_ministry_the_last_one_named() {
    let b = run("Maria Zakharova said on Telegram that the sanctions would backfire.");
    assert_eq!(b.claims[0].statement, "the sanctions would backfire");
    let b =
        run("The Defense Ministry said troops left. The ministry added that 5 tanks were lost.");
    assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
    assert_eq!(claimant(&b, 1), "Defense Ministry");
}

#[test]
fn the_time_a_claim_is_about_is_named_in_its_content() {
    let valid = |text: &str| {
        run(text)
            .claims
            .first()
            .and_then(|c| c.valid.clone())
            .map(|t| t.value)
    };
    assert_eq!(
        valid("Unemployment rose to 9.1 percent in October, the statistics office said.")
            .as_deref(),
        Some("2021-10")
    );
    assert_eq!(
        valid("Officials said Russia could attack as early as January.").as_deref(),
        Some("2022-01")
    );
    // A bound of something else, a time describing a noun, a year in
    // a name: none says when the content holds.
    assert_eq!(
        valid(
            "Officials said Moscow kept 90,000 troops there following war games earlier this year."
        ),
        None
    );
    assert_eq!(
        valid("Officials said a Friday report about the convoy was wrong."),
        None
    );
    assert_eq!(
        valid("Officials said the drills, called Northern Shield 2021, would end soon."),
        None
    );
    assert_eq!(valid("Officials said 30,000 troops are in the area."), None);
}

#[test]
fn percentages_put_by_another_source_and_the_body_named_before() {
    let b = run(
        "The Electoral Commission opened the count on Friday. The opposition said turnout was 71 percent, while the commission put it at 65 percent.",
    );
    let got: Vec<(String, Option<&str>, Option<f64>)> = (0..b.claims.len())
        .map(|i| {
            let c = &b.claims[i];
            (
                claimant(&b, i),
                c.subject.as_deref(),
                c.quantity.as_ref().and_then(|q| q.value),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("opposition".to_string(), Some("turnout"), Some(71.0)),
            (
                "Electoral Commission".to_string(),
                Some("turnout"),
                Some(65.0)
            ),
        ]
    );
    let b = run("The teachers' union said the strike would go on.");
    assert_eq!(claimant(&b, 0), "union");
}

#[test]
fn described_sources_after_the_content_and_what_follows_them() {
    // Words describing the speaker after a quotation; whoever was told
    // is the audience, not the content.
    let b = run(
        "\"We will not go back to work,\" union leader Tomas Berg told a rally in the port city.",
    );
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(b.claims[0].statement, "We will not go back to work");
    assert_eq!(claimant(&b, 0), "Tomas Berg");
    // An acronym among the description; recipients, then a circumstance.
    let b = run(
        "The bloc agreed to freeze the assets, EU foreign policy chief Josep Borrell told reporters after a meeting.",
    );
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(
        b.claims[0].statement,
        "The bloc agreed to freeze the assets"
    );
    // A report of what another said: one claim, relayed.
    let b = run("\"We are concerned,\" a U.S. official said, Politico reported on Friday.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "U.S. official");
    assert_eq!(b.claims[0].via.len(), 1);
    // The estimates of a named source.
    let b = run(
        "Exports fell to 1.1 million barrels a day in April, according to estimates by the consultancy Kpler.",
    );
    assert_eq!(claimant(&b, 0), "Kpler");
    assert_eq!(
        b.claims[0].statement,
        "Exports fell to 1.1 million barrels a day in April"
    );
}

#[test]
fn turning_down_an_offer_is_no_denial_and_businesses_speak() {
    let b = run("Workers walked out after the union rejected a 6% pay offer.");
    assert!(b.claims.is_empty(), "{:?}", b.claims);
    let b = run("The Kremlin rejected claims that it was planning an attack.");
    assert_eq!(b.claims[0].polarity, Polarity::Deny);
    let b = run(
        "The union said 12,000 members had joined the strike, while port operators put the number at 8,000.",
    );
    assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
    assert_eq!(claimant(&b, 1), "port operators");
    let b = run(
        "Shipping companies warned that the stoppage could cost $50 million a day, according to an industry group.",
    );
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Shipping companies");
    assert_eq!(b.claims[0].via.len(), 1);
}

#[test]
fn decrees_and_going_on_after_a_source() {
    let b = run("King Mohammed VI declared three days of national mourning.");
    assert!(b.claims.is_empty(), "{:?}", b.claims);
    let b = run(
        "Spain and Britain have sent rescue teams, a government spokesman said, adding that Morocco had accepted help.",
    );
    assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
    assert!((0..2).all(|i| claimant(&b, i) == "government spokesman"));
    assert_eq!(
        b.claims[0].statement,
        "Spain and Britain have sent rescue teams"
    );
    let b = run(
        "The death toll rose to 2,012, the interior ministry said on Sunday, with at least 2,059 people injured.",
    );
    assert_eq!(b.claims[0].statement, "The death toll rose to 2,012");
}

#[test]
fn where_listeners_were_told_a_party_and_a_think_tank() {
    let b = run(
        "Grace Wanjiku spoke on Monday. Wanjiku told supporters outside the court that she would not accept the result.",
    );
    assert_eq!(b.claims[0].statement, "she would not accept the result");
    let b = run("Grace Wanjiku lost. Her party said 12 supporters had been detained.");
    assert_eq!(claimant(&b, 0), "Grace Wanjiku");
    let b = run("Analysts at a Nairobi think tank said turnout was low.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Analysts");
    assert_eq!(b.claims[0].statement, "turnout was low");
}

#[test]
fn residents_speak_and_names_keep_their_particles() {
    let b = run(
        "Fighting spread to Darfur on Monday, residents said, hours after a ceasefire expired.",
    );
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "residents");
    assert_eq!(b.claims[0].statement, "Fighting spread to Darfur on Monday");
    let b = run("General Abdel Fattah al-Burhan said the army would fight on.");
    assert_eq!(claimant(&b, 0), "Abdel Fattah al-Burhan");
    let b = run("The International Organization for Migration said 1.2 million were displaced.");
    assert_eq!(claimant(&b, 0), "International Organization for Migration");
}

#[test]
fn a_phrase_summing_up_after_the_source_is_not_content() {
    let b = run(
        "Consumer prices rose 7.5% in November, the statistics office said on Monday, the fastest pace since 1990.",
    );
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(
        b.claims[0].statement,
        "Consumer prices rose 7.5% in November"
    );
    assert_eq!(claimant(&b, 0), "statistics office");
    assert_eq!(b.claims[0].subject.as_deref(), Some("inflation"));
}

#[test]
fn a_body_named_by_a_possessive_pronoun_speaks_for_its_owner() {
    let b = run("Zelensky spoke on Monday. His office said talks would resume.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Volodymyr Zelensky");
    let b = run(
        "Alexei Navalny was jailed in February. His coalition estimated turnout at 30 percent.",
    );
    assert_eq!(claimant(&b, 0), "Alexei Navalny");
}

#[test]
fn described_sources_and_recipients() {
    let b = run("Shelling killed 11 civilians in Kharkiv, regional governor Oleh Synehubov said.");
    assert_eq!(claimant(&b, 0), "Oleh Synehubov");
    assert_eq!(
        b.claims[0].statement,
        "Shelling killed 11 civilians in Kharkiv"
    );
    let b = run("A senior U.S. defense official told reporters the convoy had stalled.");
    assert_eq!(b.claims[0].statement, "the convoy had stalled");
    let b = run("Police detained 1,400 people, according to the monitoring group OVD-Info.");
    assert_eq!(claimant(&b, 0), "OVD-Info");
    assert_eq!(b.claims[0].statement, "Police detained 1,400 people");
}

#[test]
fn those_polled_by_an_outlet_are_the_source() {
    let b = run("Analysts polled by Reuters had expected an increase to 9.25%.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Analysts");
    let via: Vec<&str> = b.claims[0]
        .via
        .iter()
        .map(|id| b.actors.iter().find(|a| &a.id == id).unwrap().name.as_str())
        .collect();
    assert_eq!(via, ["Reuters"]);
}

#[test]
fn a_figure_dismissed_in_a_trailing_clause_is_denied() {
    let b = run(
        "The Belarusian border committee put the number at 2,000, a figure that Warsaw dismissed as propaganda.",
    );
    assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Belarusian border committee");
    assert_eq!(b.claims[0].statement, "the number at 2,000");
    assert_eq!(claimant(&b, 1), "Poland");
    assert_eq!(b.claims[1].polarity, crate::model::Polarity::Deny);
    assert_eq!(b.claims[1].statement, "the number at 2,000");
}

#[test]
fn unnamed_groups_and_experts_are_sources() {
    let b = run("At least eight people have died along the border, according to aid groups.");
    assert_eq!(claimant(&b, 0), "aid groups");
    let b = run(
        "Economists at a Moscow investment bank estimated that the economy grew 4.5% last year.",
    );
    assert_eq!(claimant(&b, 0), "Economists");
}

#[test]
fn the_body_in_an_appositive_is_not_the_speaker() {
    let b = run("Laurent Berger, head of the CFDT union, warned that the reform would be fought.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Laurent Berger");
}

#[test]
fn a_clause_after_while_has_its_own_subject() {
    // "while demanding" keeps the speaker before it.
    let b = run(
        "The Kremlin has denied any plan to attack, while demanding that NATO halt its expansion.",
    );
    assert_eq!(claimant(&b, 0), "Kremlin");
}

#[test]
fn an_aspect_verb_before_the_cue_keeps_the_speaker() {
    let b = run(
        "The Kremlin has continued to deny it is planning an attack, while demanding that NATO halt its expansion.",
    );
    assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Kremlin");
    assert_eq!(b.claims[0].polarity, Polarity::Deny);
    assert_eq!(b.claims[0].statement, "it is planning an attack");
    assert_eq!(claimant(&b, 1), "Kremlin");
    assert_eq!(b.claims[1].statement, "NATO halt its expansion");
}

#[test]
fn a_source_cited_between_cue_and_content_speaks() {
    let b = run(
        "Le Monde reported on Monday, citing two government sources, that the bill would be withdrawn.",
    );
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "government sources");
    assert_eq!(b.claims[0].statement, "the bill would be withdrawn");
    let via = &b.claims[0].via;
    assert_eq!(via.len(), 1);
    assert!(
        b.actors
            .iter()
            .any(|a| a.id == via[0] && a.name == "Le Monde")
    );
}

#[test]
fn warnings_from_a_source_that_are_claims() {
    let b =
        run("The talks ended amid warnings from the European Union that the deal could collapse.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "European Union");
    assert_eq!(b.claims[0].statement, "the deal could collapse");
    assert_eq!(b.claims[0].modality, crate::model::Modality::Warning);
}

#[test]
fn a_described_title_and_an_unnamed_office_holder_speak() {
    let b = run("Popular TV host Ivan Petrov went further, saying the army was ready.");
    assert_eq!(claimant(&b, 0), "Ivan Petrov");
    let b = run("The prime minister, speaking in Parliament on Tuesday, said the army would stay.");
    assert_eq!(claimant(&b, 0), "prime minister");
    // An appositive title describes the person named before it.
    let b = run(
        "Dmitry Trenin, the director of the Carnegie Moscow Center, wrote that Moscow was wary.",
    );
    assert_eq!(claimant(&b, 0), "Dmitry Trenin");
    assert!(
        b.actors.iter().all(|a| a.name != "director"),
        "{:?}",
        b.actors
    );
}

#[test]
fn dateline_recipients_and_spokesmen() {
    first_statement_is(
        "ANKARA (Example Wire) - The toll rose above 11,000 on Wednesday, officials said.",
        "The toll rose above 11,000 on Wednesday",
    );
    first_statement_is(
        "Erdogan acknowledged \"shortcomings\" in the response.",
        "\"shortcomings\" in the response",
    );
    first_statement_is(
        "Martin Griffiths told reporters in Geneva that convoys had not arrived.",
        "convoys had not arrived",
    );
    first_statement_is(
        "Experts had warned for years that the region was overdue for a quake.",
        "the region was overdue for a quake",
    );
    let b = run("The bloc sent 1,150 rescuers, a spokesman for the European Commission said.");
    assert_eq!(claimant(&b, 0), "spokesman");
    // A telephone call is not speech.
    let b = run("Prime Minister Kyriakos Mitsotakis called Erdogan to offer help.");
    assert!(b.claims.is_empty(), "{:?}", b.claims);
}

#[test]
fn an_organisation_named_by_its_appositive_speaks() {
    let b = run(
        "The White Helmets, a rescue group operating in rebel-held territory, said at least 1,280 people had died.",
    );
    assert_eq!(claimant(&b, 0), "White Helmets");
    let a = b.actors.iter().find(|a| a.name == "White Helmets").unwrap();
    assert_eq!(a.kind, crate::model::ActorKind::Organization);
}

#[test]
fn relative_clauses_pronouns_and_bodies_without_names() {
    let b = run("Ruto, who met Western diplomats on Tuesday, said he would respect the ruling.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(claimant(&b, 0), "Ruto");
    assert_eq!(b.claims[0].statement, "he would respect the ruling");
    let b = run(
        "The electoral commission, which had declared the incumbent the winner with 50.5 percent of the vote, denied any wrongdoing.",
    );
    assert_eq!(claimant(&b, 0), "electoral commission");
    assert_eq!(b.claims[0].polarity, Polarity::Deny);
    let b = run(
        "The court acted after the main opposition coalition alleged that votes had been manipulated.",
    );
    assert_eq!(claimant(&b, 0), "opposition");
    first_statement_is(
        "Its observer mission said in a preliminary report that voting had been peaceful.",
        "voting had been peaceful",
    );
    // A headline: no comma or quotation mark sets off what was said.
    let b = run("Court halts result as opposition alleges fraud");
    assert!(b.claims.is_empty(), "{:?}", b.claims);
    let b = run("Chief Justice Martha Koome said the court would hear the petition.");
    assert_eq!(claimant(&b, 0), "Martha Koome");
}

#[test]
fn the_attribution_tail_and_a_closing_quote() {
    first_statement_is(
        "Netanyahu said on Wednesday that the campaign would continue \"as long as necessary,\" according to a statement released by his office.",
        "the campaign would continue \"as long as necessary,\"",
    );
}

#[test]
fn a_trailing_denial_is_a_claim_of_its_own() {
    let b = run(
        "Foreign Minister Dmytro Kuleba alleged that troops had crossed the border at night, something which the Russian government denied.",
    );
    assert_eq!(b.claims.len(), 2, "{:?}", b.claims);
    assert_eq!(b.claims[0].polarity, Polarity::Affirm);
    assert!(
        b.claims[0].statement.ends_with("at night"),
        "{:?}",
        b.claims[0]
    );
    assert_eq!(b.claims[1].polarity, Polarity::Deny);
    assert_eq!(claimant(&b, 1), "Russia");
    assert_eq!(b.claims[1].statement, b.claims[0].statement);
    // A plain apposition is not a denial.
    let b = run(
        "Foreign Minister Dmytro Kuleba said troops had crossed the border, a move Moscow condemned.",
    );
    assert!(
        b.claims.iter().all(|c| c.polarity == Polarity::Affirm),
        "{:?}",
        b.claims
    );
    // Without a named claimant before it, the denial still drops the
    // words that only introduce it.
    let b = run("Troops had crossed the border at night, something which the Kremlin denied.");
    assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
    assert_eq!(b.claims[0].polarity, Polarity::Deny);
    assert_eq!(
        b.claims[0].statement,
        "Troops had crossed the border at night"
    );
}

#[test]
fn the_recipient_and_occasion_before_that_are_not_content() {
    first_statement_is(
        "Joe Biden warned Vladimir Putin during a video call earlier this month that an invasion would be costly.",
        "an invasion would be costly",
    );
    // A noun before "that" is content: "said Russia's claim that ...".
    let b = run("Joe Biden said Russia's claim that the troops left was false.");
    assert!(
        b.claims[0].statement.starts_with("Russia's claim"),
        "{:?}",
        b.claims
    );
}

#[test]
fn the_warned_and_their_of_are_not_content() {
    first_statement_is(
        "NATO chief warns Russia of 'costs' if it moves on Ukraine.",
        "'costs' if it moves on Ukraine",
    );
    first_statement_is(
        "US intelligence officials have warned Ukraine and allies that Russia could attack in January.",
        "Russia could attack in January",
    );
}

#[test]
fn an_alarm_over_something_says_what_its_participle_says() {
    let b = run(
        "Independent military analysts have sounded the alarm over the exercises, saying the scale of the deployment is vast.",
    );
    let statements: Vec<&str> = b.claims.iter().map(|c| c.statement.as_str()).collect();
    assert_eq!(statements, ["the scale of the deployment is vast"]);
}

#[test]
fn a_quotation_before_a_short_tail_is_the_content() {
    first_statement_is(
        "\"We see a sophisticated military infrastructure,\" Foreign Minister Dmytro Kuleba told Politico Europe Playbook on Monday.",
        "We see a sophisticated military infrastructure",
    );
}

#[test]
fn names_given_and_members_admitted_are_not_claims() {
    let b = run("The Kremlin ordered the army to deploy what it called \"peacekeeping\" forces.");
    assert!(b.claims.is_empty(), "{:?}", b.claims);
    let b = run("NATO is divided on admitting Ukraine and Georgia.");
    assert!(b.claims.is_empty(), "{:?}", b.claims);
}

#[test]
fn it_takes_the_subject_of_its_own_sentence() {
    let b = run(
        "Russia said the drills were routine. While NATO is divided on new members, it insists on keeping its door open.",
    );
    let last = b.claims.len() - 1;
    assert_eq!(
        claimant(&b, last),
        "North Atlantic Treaty Organization",
        "{:?}",
        b.claims
    );
}

#[test]
fn a_demonstrative_that_opens_no_content() {
    let b = run(
        "The talks matter, the official said, and Joe Biden will stress that to Putin as well.",
    );
    assert!(
        b.claims.iter().all(|c| !c.statement.contains("to Putin")),
        "{:?}",
        b.claims
    );
}

#[test]
fn quoted_as_saying_builds_a_chain() {
    let b =
        run("Reuters quoted an unnamed administration official as saying the talks would resume.");
    assert_eq!(b.claims.len(), 1);
    assert_eq!(claimant(&b, 0), "unnamed administration official");
    let via = &b.claims[0].via;
    assert_eq!(via.len(), 1);
    assert!(
        b.actors
            .iter()
            .any(|a| a.id == via[0] && a.name == "Reuters")
    );
}

#[test]
fn quote_before_cue_and_pronoun_speaker() {
    let b = run("Foreign Minister Anna Kovacs spoke on Monday. \"We will not move,\" she said.");
    assert_eq!(claimant(&b, 0), "Anna Kovacs");
    assert!(b.claims[0].statement.contains("We will not move"));
}

#[test]
fn denial_and_according_to() {
    let b = run(
        "Moscow denied that it plans an attack. According to officials, the convoy left on time.",
    );
    assert_eq!(b.claims[0].polarity, Polarity::Deny);
    assert_eq!(claimant(&b, 0), "Russia");
    assert_eq!(claimant(&b, 1), "officials");
}

#[test]
fn appositive_names_an_organisation_source() {
    let b = run(
        "A study by Veltmark, the maritime research institute, estimated that 40 ships are waiting.",
    );
    assert_eq!(b.claims.len(), 1);
    // The study is the source, the institute that made it relays it.
    assert_eq!(claimant(&b, 0), "study");
    let id = &b.claims[0].via[0];
    let a = b.actors.iter().find(|a| &a.id == id).unwrap();
    assert_eq!(a.name, "Veltmark");
    assert_eq!(a.kind, crate::model::ActorKind::Organization);
}

#[test]
fn second_counted_noun_is_its_own_claim_with_a_range() {
    let b = run(
        "Analysts estimated there are 12 Chinese brigades on the island with around 5,000 to 9,000 soldiers.",
    );
    let units: Vec<_> = b
        .claims
        .iter()
        .filter_map(|c| c.quantity.as_ref()?.unit.clone())
        .collect();
    assert!(units.contains(&"brigades".to_string()), "{units:?}");
    let troops = b
        .claims
        .iter()
        .find(|c| c.quantity.as_ref().and_then(|q| q.unit.as_deref()) == Some("troops"))
        .expect("a claim about the soldiers");
    let q = troops.quantity.as_ref().unwrap();
    assert_eq!((q.lower, q.upper), (Some(5_000.0), Some(9_000.0)));
    assert_eq!(troops.subject.as_deref(), Some("chinese troops"));
}

#[test]
fn bare_figure_takes_the_count_of_the_sentence_before() {
    let b = run(
        "Monitors counted 3 camps holding 6,000 to 9,000 refugees. Canada has said it assesses as many as 20,000 could arrive.",
    );
    let c = b
        .claims
        .iter()
        .find(|c| c.statement.contains("20,000"))
        .expect("the ministry's claim");
    let q = c.quantity.as_ref().unwrap();
    assert_eq!(q.upper, Some(20_000.0));
    assert_eq!(q.unit.as_deref(), Some("refugees"));
    assert_eq!(c.subject.as_deref(), Some("refugees"));
}

#[test]
fn bare_figure_stays_uncounted_when_the_sentence_before_is_ambiguous() {
    let b = run(
        "Monitors counted 6,000 refugees and 9,000 migrants. Canada has said it assesses as many as 20,000 could arrive.",
    );
    let c = b
        .claims
        .iter()
        .find(|c| c.statement.contains("20,000"))
        .expect("the ministry's claim");
    assert!(c.quantity.as_ref().is_none_or(|q| q.unit.is_none()));
}

#[test]
fn the_place_of_a_counted_number_is_part_of_its_subject() {
    let b = run("Diplomats put the number of Russian troops in Transnistria at 5,000.");
    assert_eq!(
        b.claims[0].subject.as_deref(),
        Some("russian troops near transnistria")
    );
}
