//! Our own test reports (fixtures/extract/), written for what the dev sets lack: air strikes,
//! barrel bombs, shelling, denials, Syrian and Ukrainian places, upper-case wire copy.

mod common;

use common::{check_evidence, fixture, run, test_extractor};

#[test]
fn air_strike_on_a_field_hospital() {
    let ex = test_extractor();
    let text = fixture("airstrike_saraqib.txt");
    // 2019-05-09 was a Thursday: "on Tuesday" is the 7th.
    let out = run(&ex, &text, "2019-05-09");
    let inc = &out.incidents[0];
    assert_eq!(inc.event_type, "air_strike");
    assert!(inc.weapons.contains(&"aircraft".to_string()));
    assert!(inc.targets.contains(&"hospital".to_string()));
    assert_eq!((inc.killed.low, inc.killed.high), (Some(12), None));
    assert_eq!(inc.injured.low, Some(20));
    assert_eq!(inc.date.start.as_deref(), Some("2019-05-07"));
    let loc = inc.location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Saraqib"));
    assert_eq!(loc.country_code.as_deref(), Some("SY"));
    assert!(inc
        .cited_sources
        .iter()
        .any(|s| s.name == "Syrian Civil Defence"));
    assert!(!out.graphic);
    check_evidence(&text, &out.incidents);
}

#[test]
fn barrel_bombs_with_accusation_and_denial() {
    let ex = test_extractor();
    let text = fixture("barrel_bombs_daraya.txt");
    let out = run(&ex, &text, "2015-08-20");
    let inc = &out.incidents[0];
    assert_eq!(inc.event_type, "air_strike");
    assert!(inc.weapons.contains(&"barrel_bomb".to_string()));
    assert!(inc.targets.contains(&"residential".to_string()));
    assert_eq!(inc.killed.low, Some(8), "the 2 children are part of the 8");
    assert_eq!(inc.date.start.as_deref(), Some("2015-08-19"));
    assert_eq!(
        inc.location.as_ref().and_then(|l| l.name.as_deref()),
        Some("Daraya")
    );
    assert!(inc.cited_sources.iter().any(|s| s.name == "Reuters"));
    let stances: Vec<&str> = inc.claims.iter().map(|c| c.stance.as_str()).collect();
    assert!(stances.contains(&"accuses"), "{:?}", inc.claims);
    assert!(stances.contains(&"denies"), "{:?}", inc.claims);
    let acc = inc
        .claims
        .iter()
        .find(|c| c.stance == "accuses")
        .expect("accusation");
    assert_eq!(acc.actor.as_deref(), Some("government forces"));
    assert!(inc
        .perpetrators
        .iter()
        .any(|p| p.name == "government forces" && p.attributed_by.is_some()));
    check_evidence(&text, &out.incidents);
}

#[test]
fn shelling_in_ukraine() {
    let ex = test_extractor();
    let text = fixture("shelling_avdiivka.txt");
    // 2022-11-14 was a Monday.
    let out = run(&ex, &text, "2022-11-14");
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    let inc = &out.incidents[0];
    assert_eq!(inc.event_type, "shelling");
    assert!(inc.weapons.contains(&"artillery".to_string()));
    assert_eq!(inc.killed.low, Some(2));
    assert_eq!(inc.injured.low, Some(5));
    assert_eq!(inc.date.start.as_deref(), Some("2022-11-13"));
    let loc = inc.location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Avdiivka"));
    assert_eq!(loc.country_code.as_deref(), Some("UA"));
    check_evidence(&text, &out.incidents);
}

#[test]
fn market_strike_denied_and_graphic() {
    let ex = test_extractor();
    let text = fixture("denial_market.txt");
    let out = run(&ex, &text, "2019-07-23");
    assert!(out.graphic);
    let inc = &out.incidents[0];
    assert_eq!(inc.event_type, "air_strike");
    assert!(inc.targets.contains(&"market".to_string()));
    assert_eq!((inc.killed.low, inc.killed.high), (Some(24), None));
    assert_eq!(
        inc.location.as_ref().and_then(|l| l.name.as_deref()),
        Some("Maarat al-Numan")
    );
    let denials: Vec<_> = inc.claims.iter().filter(|c| c.stance == "denies").collect();
    assert_eq!(denials.len(), 2, "{:?}", inc.claims);
    assert!(inc.cited_sources.iter().any(|s| s.name == "Orient News"));
    check_evidence(&text, &out.incidents);
}

#[test]
fn no_incident_in_a_report_about_talks() {
    let ex = test_extractor();
    let out = run(&ex, &fixture("peace_talks.txt"), "2016-03-10");
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
}

#[test]
fn a_war_tally_and_a_toll_since_a_date_are_not_an_incident_s_count() {
    let ex = test_extractor();
    // A bombing told with the war's running tally: the tally is not its toll.
    let out = run(
        &ex,
        "A bomb exploded at a bus station in Homs, killing four people. More than 2,000 people \
         have been killed in the province, officials said.",
        "2016-05-02",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].killed.low, Some(4));
    // The same count told as one act's toll stays.
    let out = run(
        &ex,
        "A truck bomb exploded in a market in Homs, killing 1,200 people.",
        "2016-05-02",
    );
    assert_eq!(out.incidents[0].killed.low, Some(1200));
    // ... and so is a conflict's cost.
    let out = run(
        &ex,
        "A bomb exploded at a bus station in Homs, killing four people. The conflict has cost the \
         province more than 70,000 lives.",
        "2016-05-02",
    );
    assert_eq!(out.incidents[0].killed.low, Some(4));
    // Deaths counted since a date are a tally too.
    let out = run(
        &ex,
        "A bomb exploded at a bus station in Homs, killing four people. 300 soldiers were \
         killed in the province since the truce ended.",
        "2016-05-02",
    );
    assert_eq!(out.incidents[0].killed.low, Some(4));
    // A large toll told in the present perfect of one dated act is that act's, and dates it.
    let out = run(
        &ex,
        "More than 1,200 people have been killed in Sunday's bombing of the central market in \
         Homs, the governor said.",
        "2016-05-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].killed.low, Some(1200));
    assert_eq!(out.incidents[0].date.start.as_deref(), Some("2016-05-01"));
    assert!(out.incidents[0].perpetrators.is_empty());
}

#[test]
fn an_old_date_far_from_the_act_does_not_make_it_history() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Gunmen shot and wounded the ambassador and his driver in Rome in a campaign they say \
         recalls the massacres carried out against their people in 1915.",
        "1980-04-17",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].injured.low, Some(2));
    // Close to the act, it still does.
    let out = run(
        &ex,
        "The ambassador had been shot and wounded in Rome in 1975.",
        "1980-04-17",
    );
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
    // A verb of occurrence takes its date to the act, however far: "... took place in 1971".
    let out = run(
        &ex,
        "The massacre, in which army units shot forty farm workers from the cooperatives of a \
         valley south of Rome, took place in 1971.",
        "1980-04-17",
    );
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
}

#[test]
fn a_crash_and_an_execution_two_centuries_ago_are_no_incidents() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "About 130 passengers were killed in today's crash of an airliner near the capital.",
        "1989-10-21",
    );
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
    let out = run(
        &ex,
        "The general founded the republic and was executed by his rivals in 1842.",
        "1989-10-21",
    );
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
}

#[test]
fn tallies_over_years_and_acts_only_intended_or_stopped_are_no_incidents() {
    let ex = test_extractor();
    // A hearing: police killed over three years (a tally), the police used "in order to
    // intimidate and silence" (intent, joined), protection that "ceased", and "an end to" a
    // practice. None of it is an incident.
    let out = run(&ex, &fixture("tally_and_commentary.txt"), "2024-03-12");
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
}

#[test]
fn a_comparison_with_other_attacks_keeps_the_toll() {
    let ex = test_extractor();
    // "since 2019", "this year" compare this attack to others: its own toll stays.
    for (text, killed) in [
        (
            "A car bomb killed 30 people in the city on Monday, the deadliest attack since 2019.",
            30,
        ),
        (
            "Gunmen killed 14 villagers on Sunday in the worst attack this year.",
            14,
        ),
    ] {
        let out = run(&ex, text, "2024-05-10");
        assert_eq!(out.incidents.len(), 1, "{text}: {:?}", out.incidents);
        assert_eq!(out.incidents[0].killed.low, Some(killed), "{text}");
        check_evidence(text, &out.incidents);
    }
    // Without a comparison, a count "since" a date is still a tally.
    let text = "Since January, 40 people have been killed in the province.";
    let out = run(&ex, text, "2024-05-10");
    assert!(
        out.incidents.iter().all(|i| i.killed.low.is_none()),
        "{:?}",
        out.incidents
    );
}

#[test]
fn upper_case_wire_copy() {
    let ex = test_extractor();
    let text = fixture("wire_caps_usulutan.txt");
    let out = run(&ex, &text, "1990-03-12");
    let inc = &out.incidents[0];
    assert_eq!(
        inc.killed.low,
        Some(3),
        "never the year 1980, the 1,200 soldiers or 2300 hours"
    );
    assert_eq!(inc.injured.low, Some(2));
    assert_eq!(inc.date.start.as_deref(), Some("1990-03-11"));
    assert_eq!(
        inc.location.as_ref().and_then(|l| l.name.as_deref()),
        Some("Usulutan")
    );
    assert!(inc.targets.contains(&"police".to_string()));
    assert!(inc
        .perpetrators
        .iter()
        .any(|p| p.name.contains("FMLN") || p.name.contains("FARABUNDO")));
    check_evidence(&text, &out.incidents);
}

#[test]
fn empty_and_binary_input_do_not_panic() {
    let ex = test_extractor();
    assert!(run(&ex, "", "2020-01-01").incidents.is_empty());
    let junk: String = (0..5000u32)
        .filter_map(|i| char::from_u32((i * 7919) % 0x2FFF))
        .collect();
    let _ = run(&ex, &junk, "not a date");
    let _ = run(&ex, "killed killed 5 5 5 . . . at least", "2020-01-01");
}

#[test]
fn huge_text_is_read_in_bounded_time() {
    let ex = test_extractor();
    let para = "Shells hit a market in Avdiivka, killing 3 people. \u{e9}t\u{e9}\n";
    let text = para.repeat(20 * 1024 * 1024 / para.len());
    let start = std::time::Instant::now();
    let out = run(&ex, &text, "2022-11-14");
    assert!(!out.incidents.is_empty());
    for inc in &out.incidents {
        for spans in inc.evidence.values() {
            assert!(spans.iter().all(|s| s[1] <= attest_extract::MAX_TEXT));
        }
    }
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

#[test]
fn extractor_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<attest_extract::Extractor>();
}

#[test]
fn tolls_count_every_dead_but_not_series_totals() {
    let ex = test_extractor();
    // The victims are a class ("policemen") that leaves the suicide bomber out: he died too.
    let out = run(
        &ex,
        "A suicide bomber blew himself up at a checkpoint in Aleppo, killing three policemen.",
        "2016-05-02",
    );
    assert_eq!(out.incidents[0].event_type, "suicide_bombing");
    assert_eq!(out.incidents[0].killed.low, Some(4));
    // "people" may include him: left as stated.
    let out = run(
        &ex,
        "A suicide bomber blew himself up at a checkpoint in Aleppo, killing three people.",
        "2016-05-02",
    );
    assert_eq!(out.incidents[0].killed.low, Some(3));
    // Attackers killed in a later sentence add to the victims.
    let out = run(
        &ex,
        "Gunmen stormed a school in Idlib and killed two teachers. Both gunmen were killed later.",
        "2016-05-02",
    );
    assert_eq!(out.incidents[0].killed.low, Some(4));
    // A report on one bombing of a series: the series' total is not this bombing's toll.
    let out = run(
        &ex,
        "A car bomb exploded near a bakery in Homs. It was one of three bombings that struck the \
         city that morning. Together, the attacks killed 31 people.",
        "2016-05-02",
    );
    assert_eq!(out.incidents[0].killed.low, None);
    check_evidence(
        "A suicide bomber blew himself up at a checkpoint in Aleppo, killing three policemen.",
        &run(
            &ex,
            "A suicide bomber blew himself up at a checkpoint in Aleppo, killing three policemen.",
            "2016-05-02",
        )
        .incidents,
    );
}

#[test]
fn a_district_named_within_a_town_keeps_both() {
    let ex = test_extractor();
    let text = "A barrel bomb hit Daraya, a suburb of Damascus, on Monday, killing four civilians.";
    let out = run(&ex, text, "2016-05-04");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    // The town as coders record it, the district as the text names it.
    assert_eq!(loc.name.as_deref(), Some("Damascus"));
    assert_eq!(loc.mention, "Daraya");
    assert_eq!(loc.precision.as_deref(), Some("district"));
    check_evidence(text, &out.incidents);
}

#[test]
fn a_report_headed_by_its_country_happened_there() {
    let ex = test_extractor();
    let text =
        "SYRIA.  A bomb wrecked a bus depot, days after Moscow's envoy left.  Nobody was hurt.";
    let out = run(&ex, text, "2016-05-04");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("SY"));
    assert_eq!(loc.precision.as_deref(), Some("country"));
    check_evidence(text, &out.incidents);
}

#[test]
fn two_different_tolls_leave_the_count_unknown_but_kept_as_evidence() {
    let ex = test_extractor();
    let text = "Shelling hit a market in Avdiivka on Monday. Police said five people were killed, \
                while hospital officials said nine people died.";
    let out = run(&ex, text, "2022-03-08");
    let inc = &out.incidents[0];
    assert_eq!((inc.killed.low, inc.killed.high), (None, None));
    let disputed = inc
        .evidence
        .get("killed_disputed")
        .expect("disputed tolls kept");
    assert_eq!(disputed.len(), 2);
    assert!(text[disputed[0][0]..disputed[0][1]].contains("five"));
    assert!(text[disputed[1][0]..disputed[1][1]].contains("nine"));
}

#[test]
fn an_unknown_village_near_a_known_town_keeps_its_name() {
    let ex = test_extractor();
    let text = "Gunmen shot dead a tribal elder in the village of Kafr Zita near Idlib on Sunday.";
    let out = run(&ex, text, "2016-05-04");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Kafr Zita");
    assert_eq!(loc.name.as_deref(), Some("Idlib"));
    check_evidence(text, &out.incidents);
}

#[test]
fn threats_seizures_history_and_questions_are_no_incidents() {
    let ex = test_extractor();
    let text = fixture("week_in_kharkiv.txt");
    // 2023-05-12 was a Friday.
    let out = run(&ex, &text, "2023-05-12");
    let kinds: Vec<&str> = out
        .incidents
        .iter()
        .map(|i| i.event_type.as_str())
        .collect();
    // Only the rocket strike and the separate drone strike: not the threat to bomb the power
    // station, the seized weapons, the killing ten years ago or the question about shelling.
    assert_eq!(kinds, vec!["shelling", "air_strike"], "{:?}", out.incidents);
    let rocket = &out.incidents[0];
    assert_eq!((rocket.killed.low, rocket.killed.high), (Some(3), Some(3)));
    assert_eq!(rocket.injured.low, Some(11));
    assert_eq!(rocket.date.start.as_deref(), Some("2023-05-10"));
    let drone = &out.incidents[1];
    assert_eq!(drone.injured.low, Some(2), "its count is its own");
    assert_eq!(drone.date.start.as_deref(), Some("2023-05-11"));
    assert_eq!(
        drone.location.as_ref().and_then(|l| l.name.as_deref()),
        Some("Kyiv")
    );
    check_evidence(&text, &out.incidents);
}

#[test]
fn a_country_name_opening_a_longer_name_does_not_head_the_report() {
    // "Russia Today" is an outlet, not a "RUSSIA." heading: the town says where.
    let ex = test_extractor();
    let text = "Russia Today said a car bomb killed three people in Kharkiv on Monday.";
    let out = run(&ex, text, "2022-03-08");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Kharkiv"));
    assert_eq!(loc.country_code.as_deref(), Some("UA"));
    check_evidence(text, &out.incidents);
}

#[test]
fn a_country_named_inside_an_institution_is_no_place() {
    // "Russia Border Service" names who acted; the town is where.
    let ex = test_extractor();
    let text = "Russia Border Service officers said a mine killed two farmers near Kharkiv.";
    let out = run(&ex, text, "2022-03-08");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Kharkiv"));
    check_evidence(text, &out.incidents);
}

#[test]
fn a_report_headed_by_its_country_names_its_town_when_the_gazetteer_knows_it() {
    // The town opens the name of the building that was hit: the gazetteer's choice of place.
    let ex = test_extractor();
    let text = "UKRAINE.  The Kharkiv Opera House was shelled overnight, injuring two guards.";
    let out = run(&ex, text, "2022-03-08");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("UA"));
    assert_eq!(loc.name.as_deref(), Some("Kharkiv"));
    check_evidence(text, &out.incidents);
}

#[test]
fn a_place_inside_a_group_name_is_no_place() {
    // "Kurdistan" is part of a party's name here, not the Iranian province.
    let ex = test_extractor();
    let text = "Gunmen shot dead a Kurdistan Democratic Party official outside his home on Monday.";
    let out = run(&ex, text, "2005-03-08");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("IQ"));
    assert_ne!(loc.mention, "Kurdistan");
    check_evidence(text, &out.incidents);
}

#[test]
fn an_institution_of_one_country_chooses_among_namesakes() {
    // Only the Spanish Civil Guard says which Vitoria this is.
    let ex = test_extractor();
    let text = "A petrol bomb was thrown at a Civil Guard patrol car in Vitoria on Friday night.";
    let out = run(&ex, text, "2001-03-08");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("ES"));
    // ... and with no place at all, a parliament names the country.
    let text = "A State Duma deputy was shot and wounded outside his home.";
    let out = run(&ex, text, "2001-03-08");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("RU"));
}

#[test]
fn a_shooting_after_a_bombing_in_one_paragraph_is_another_incident() {
    let ex = test_extractor();
    let text =
        "A roadside bomb destroyed a police car in Kharkiv on Monday, killing two officers. \
                Hours later gunmen shot dead a judge outside his home in Kharkiv.";
    let out = run(&ex, text, "2022-03-08");
    let kinds: Vec<&str> = out
        .incidents
        .iter()
        .map(|i| i.event_type.as_str())
        .collect();
    assert_eq!(
        kinds,
        vec!["bombing", "armed_attack"],
        "{:?}",
        out.incidents
    );
    assert_eq!(out.incidents[0].killed.low, Some(2));
    assert_eq!(out.incidents[1].killed.low, Some(1));
    check_evidence(text, &out.incidents);
}

#[test]
fn a_district_is_named_by_its_town_with_its_own_mention_and_point() {
    let ex = test_extractor();
    let text = "Shells hit a bakery in Bustan al-Qaser on Monday, killing four people.";
    let out = run(&ex, text, "2016-05-04");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Aleppo"));
    assert_eq!(loc.mention, "Bustan al-Qaser");
    assert_eq!(loc.precision.as_deref(), Some("district"));
    assert_eq!((loc.lat, loc.lon), (Some(36.19), Some(37.14)));
    check_evidence(text, &out.incidents);
}

#[test]
fn tolls_from_two_named_sources_bound_the_count() {
    let ex = test_extractor();
    let text = "Eleven people were killed when missiles struck Kharkiv on Monday, Ukrinform \
                reported. Fourteen people died in the strike, according to Reuters.";
    let out = run(&ex, text, "2022-03-08");
    let inc = &out.incidents[0];
    assert_eq!((inc.killed.low, inc.killed.high), (Some(11), Some(14)));
    let names: Vec<&str> = inc.cited_sources.iter().map(|s| s.name.as_str()).collect();
    assert!(
        names.contains(&"Ukrinform") && names.contains(&"Reuters"),
        "{names:?}"
    );
    assert_eq!(inc.evidence.get("killed_disputed").map(Vec::len), Some(2));
    // The same figures with no one to say which is whose: unknown.
    let text = "Eleven people were killed when missiles struck Kharkiv on Monday. Fourteen \
                people died in the strike.";
    let out = run(&ex, text, "2022-03-08");
    let inc = &out.incidents[0];
    assert_eq!((inc.killed.low, inc.killed.high), (None, None));
    check_evidence(text, &out.incidents);
}

#[test]
fn an_explosive_dropped_by_a_drone_is_an_air_strike_and_a_habit_is_no_incident() {
    let ex = test_extractor();
    let text = "Two people were killed when a drone dropped an explosive on a bus in Kharkiv on \
                Monday. The city has been shelled almost daily since the spring.";
    let out = run(&ex, text, "2022-11-24");
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    let inc = &out.incidents[0];
    assert_eq!(inc.event_type, "air_strike");
    assert!(inc.weapons.contains(&"drone".to_string()));
    assert_eq!(inc.killed.low, Some(2));
    check_evidence(text, &out.incidents);
}

#[test]
fn a_dateline_town_is_only_a_fallback() {
    let ex = test_extractor();
    for text in [
        "Kharkiv, 3 March (Wire) -- Avdiivka came under rocket fire overnight and four people \
         were killed.",
        "KHARKIV, 3 MAR 22 (WIRE) -- [TEXT] AVDIIVKA CAME UNDER ROCKET FIRE OVERNIGHT AND FOUR \
         PEOPLE WERE KILLED.",
    ] {
        let out = run(&ex, text, "2022-03-03");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.name.as_deref(), Some("Avdiivka"), "{text}");
        check_evidence(text, &out.incidents);
    }
    // With no other place, the dateline's town is the incident's.
    let text = "KHARKIV, 3 MAR 22 (WIRE) -- [TEXT] A ROCKET HIT A SCHOOL IN THIS CITY TODAY, \
                KILLING TWO TEACHERS.";
    let out = run(&ex, text, "2022-03-03");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Kharkiv"));
}

#[test]
fn a_district_the_gazetteer_lacks_takes_its_towns_place() {
    let ex = test_extractor();
    for (text, mention) in [
        (
            "Kharkiv was hit again: a car bomb exploded in the Saltivka neighbourhood, killing \
             three people.",
            "Saltivka",
        ),
        (
            "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] A BOMB EXPLODED TODAY IN THE EXCLUSIVE \
             VILLA REAL NEIGHBORHOOD, KILLING TWO GUARDS.",
            "VILLA REAL",
        ),
    ] {
        let out = run(&ex, text, "2022-03-03");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, mention, "{text}");
        assert!(loc.name.is_some() && loc.lat.is_some(), "{text}: {loc:?}");
        assert_eq!(loc.precision.as_deref(), Some("district"), "{text}");
        check_evidence(text, &out.incidents);
    }
}

#[test]
fn a_surname_read_as_a_small_town_abroad_is_no_place_in_upper_case_text() {
    let ex = test_extractor();
    let text = "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] A BOMB EXPLODED AT THE HOME OF JUDGE \
                MORALES, KILLING TWO BODYGUARDS.";
    let out = run(&ex, text, "1990-05-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("San Salvador"));
    // A locative still puts the incident there ("IN MORALES").
    let text = "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] A BOMB EXPLODED IN MORALES, GUATEMALA, \
                KILLING TWO BODYGUARDS.";
    let out = run(&ex, text, "1990-05-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Morales"));
}

#[test]
fn a_small_town_ending_a_persons_name_is_no_place_in_upper_case_text() {
    let ex = test_extractor();
    for text in [
        "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] GUNMEN SHOT AND KILLED LAWYER JOSE \
         USULUTAN TODAY, POLICE SAID.",
        "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] GUNMEN SHOT AND KILLED SENATOR USULUTAN \
         TODAY, POLICE SAID.",
    ] {
        let out = run(&ex, text, "1990-05-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.name.as_deref(), Some("San Salvador"), "{text}");
    }
    // After a locative the town is the place.
    let text = "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] GUNMEN SHOT AND KILLED A LAWYER IN \
                USULUTAN TODAY, POLICE SAID.";
    let out = run(&ex, text, "1990-05-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Usulutan"));
}

/// A gazetteer that finds fixed mentions: what a full gazetteer reports for a name it does not
/// know, placed in the town named right after it.
struct Fixed(Vec<attest_geo::PlaceMention>);

impl attest_geo::Gazetteer for Fixed {
    fn locate(&self, _text: &str) -> Vec<attest_geo::PlaceMention> {
        self.0.clone()
    }
    fn country_name(&self, code: &str) -> Option<&str> {
        (code == "SY").then_some("Syria")
    }
}

#[test]
fn a_name_the_gazetteer_places_in_the_town_after_it_is_finer_than_the_town() {
    use attest_geo::{Place, PlaceMention, Precision};
    let text = "Tell Hamra, Saraqib, came under shelling and four civilians were killed.";
    let saraqib = Place {
        geonameid: None,
        name: "Saraqib".into(),
        admin1: Some("Idlib".into()),
        country_code: "SY".into(),
        lat: 35.86,
        lon: 36.8,
        precision: Precision::Town,
        population: 30_000,
        within: None,
    };
    let at = |m: &str, confidence: f32| {
        let start = text.find(m).expect("in the text");
        PlaceMention {
            start,
            end: start + m.len(),
            mention: m.into(),
            place: saraqib.clone(),
            confidence,
            alternatives: Vec::new(),
        }
    };
    let gaz = Fixed(vec![at("Tell Hamra", 0.45), at("Saraqib", 0.9)]);
    let ex = attest_extract::Extractor::new(
        attest_extract::Lexicon::embedded().expect("lexicons"),
        std::sync::Arc::new(gaz),
    );
    let out = run(&ex, text, "2016-05-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Tell Hamra");
    assert_eq!(loc.name.as_deref(), Some("Saraqib"));
}

#[test]
fn the_town_of_a_small_namesake_abroad_is_the_named_place_in_upper_case_text() {
    let ex = test_extractor();
    let text = "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] GUERRILLAS ATTACKED THE TOWN OF \
                MORALES TODAY, KILLING THREE SOLDIERS.";
    let out = run(&ex, text, "1990-05-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "MORALES");
    assert_eq!(loc.country_code.as_deref(), Some("SV"));
}

#[test]
fn peacekeepers_and_single_country_groups_point_to_their_country() {
    // KFOR serves in Kosovo only: the troops' nationality is not where they were attacked.
    let ex = test_extractor();
    let text = "Two Italian KFOR soldiers were wounded when a grenade was thrown at their patrol.";
    let out = run(&ex, text, "2003-05-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("XK"));
    // A Greek urban guerrilla group names no place, but its country.
    let text = "A bomb claimed by Revolutionary Struggle damaged the entrance of a bank branch.";
    let out = run(&ex, text, "2009-03-12");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("GR"));
    check_evidence(text, &out.incidents);
}

/// The embedded (real) gazetteer, for rules that need its countries and towns.
struct Embedded(&'static attest_geo::EmbeddedGazetteer);

impl attest_geo::Gazetteer for Embedded {
    fn locate(&self, text: &str) -> Vec<attest_geo::PlaceMention> {
        self.0.locate(text)
    }
    fn country_name(&self, code: &str) -> Option<&str> {
        self.0.country_name(code)
    }
    fn capital(&self, code: &str) -> Option<attest_geo::Place> {
        self.0.capital(code)
    }
}

fn real_extractor() -> attest_extract::Extractor {
    attest_extract::Extractor::new(
        attest_extract::Lexicon::embedded().expect("lexicons"),
        std::sync::Arc::new(Embedded(attest_geo::embedded())),
    )
}

#[test]
fn a_place_fire_came_from_is_not_where_it_landed() {
    let ex = real_extractor();
    // The shells came from Gaza; they hit Israel.
    let text = "Two mortar shells were fired into Israel from the Gaza Strip overnight, \
                damaging a greenhouse.";
    let out = run(&ex, text, "2006-04-03");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("IL"));
    // Artillery fired from one town hit another.
    let text = "Shells fired from Horlivka exploded in Toretsk, wounding two residents.";
    let out = run(&ex, text, "2021-02-10");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Toretsk");
    check_evidence(text, &out.incidents);
}

#[test]
fn a_journey_keeps_its_origin() {
    // "en route to X from Y": the ends of a journey are alike; the first stays.
    let ex = real_extractor();
    let text = "A bomb exploded on a bus travelling to Kramatorsk from Sloviansk, killing three.";
    let out = run(&ex, text, "2022-05-01");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("UA"));
    check_evidence(text, &out.incidents);
}

#[test]
fn an_ethnic_group_named_like_a_foreign_town_is_no_place() {
    // The Bodo of Assam, not Bodø in Norway.
    let ex = real_extractor();
    let text = "Suspected Bodo rebels shot dead four villagers on Tuesday night.";
    let out = run(&ex, text, "2004-10-05");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("IN"));
    check_evidence(text, &out.incidents);
}

#[test]
fn an_old_date_of_another_act_does_not_make_the_incident_history() {
    // 1998 dates the trial's kidnapping, told nearest to it; the bombing is the report's own.
    let ex = test_extractor();
    let text = "A bomb wrecked the consulate in Kharkiv in protest at the trial of two men \
                convicted of kidnapping a diplomat in 1998.";
    let out = run(&ex, text, "2004-06-02");
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].event_type, "bombing");
    check_evidence(text, &out.incidents);
    // The same date right by the bombing makes it history.
    let text = "A bomb wrecked the consulate in Kharkiv in 1998.";
    assert!(run(&ex, text, "2004-06-02").incidents.is_empty());
}

#[test]
fn travellers_taken_anchor_an_abduction_in_a_long_report() {
    // A long report: the kidnapping names no count of dead, no town and no date, but whom.
    let ex = test_extractor();
    let filler = " Officials met the families in the capital and promised news soon.".repeat(16);
    let text = format!("Twelve tourists were kidnapped while crossing the desert.{filler}");
    let out = run(&ex, &text, "2003-05-13");
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].event_type, "abduction");
    assert!(out.incidents[0].targets.contains(&"civilians".to_string()));
    check_evidence(&text, &out.incidents);
}

#[test]
fn acts_days_apart_are_two_incidents() {
    // Same town, same kind of act, a week apart: two incidents, each with its day.
    let ex = test_extractor();
    let text = "Gunmen shot dead a judge in Kharkiv on 3 May. The judge had received threats. \
                On 9 May gunmen shot dead a lawyer in Kharkiv as he left his office.";
    let out = run(&ex, text, "2023-05-12");
    let days: Vec<Option<&str>> = out
        .incidents
        .iter()
        .map(|i| i.date.start.as_deref())
        .collect();
    assert_eq!(days.len(), 2, "{:?}", out.incidents);
    assert!(days.contains(&Some("2023-05-03")) && days.contains(&Some("2023-05-09")));
    check_evidence(text, &out.incidents);
    // The next day's follow-up of the same act stays one incident.
    let text = "Gunmen shot dead a judge in Kharkiv on 3 May. On 4 May police said the gunmen \
                shot him from a car.";
    assert_eq!(run(&ex, text, "2023-05-12").incidents.len(), 1);
}

#[test]
fn a_claim_of_responsibility_anchors_an_incident_in_a_long_report() {
    // No count, town, date or target: the group's claim says an act took place.
    let ex = test_extractor();
    let filler = " Officials met the families in the capital and promised news soon.".repeat(16);
    let text = format!(
        "Unknown men fired shots at the farm. The Black Hand group claimed \
         responsibility for the shooting.{filler}"
    );
    let out = run(&ex, &text, "2003-05-13");
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert!(out.incidents[0]
        .claims
        .iter()
        .any(|c| c.stance == "claims_responsibility"));
    check_evidence(&text, &out.incidents);
}

#[test]
fn the_town_of_x_beats_the_province_beside_it() {
    // "the town of X, in Y Province": the town is where, not the province.
    let ex = real_extractor();
    let text = "A bomb damaged a shop in the town of Kandira, in Kocaeli Province, on Sunday.";
    let out = run(&ex, text, "2006-03-05");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Kandira");
    assert_eq!(loc.precision.as_deref(), Some("town"));
    assert_eq!(loc.country_code.as_deref(), Some("TR"));
    check_evidence(text, &out.incidents);
}

#[test]
fn an_unknown_village_in_a_district_takes_its_country() {
    // A village the gazetteer lacks, inside a second-level division it knows.
    let ex = real_extractor();
    let text = "Gunmen shot dead two traders near Lungsing in Karbi Anglong on Friday.";
    let out = run(&ex, text, "2005-11-04");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("IN"));
    assert_eq!(loc.mention, "Lungsing");
    check_evidence(text, &out.incidents);
}

#[test]
fn a_town_part_the_gazetteer_reads_as_a_town_lies_in_the_incidents_town() {
    let ex = test_extractor();
    for (text, mention) in [
        // Read by the gazetteer as a small town of its own: the cue says it is a district.
        (
            "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] GUNMEN KILLED A JUDGE TODAY IN THE \
             RESIDENTIAL NEIGHBORHOOD OF BELLAVISTA.",
            "BELLAVISTA",
        ),
        (
            "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] A BOMB EXPLODED LAST NIGHT AT A BANK IN \
             SAN SALVADOR. THE BANK IS IN THE BELLAVISTA NEIGHBORHOOD.",
            "BELLAVISTA",
        ),
        // Read as a province abroad.
        (
            "Kharkiv was shelled overnight: a rocket hit a school in the Auvergne \
             neighbourhood, killing two guards.",
            "Auvergne",
        ),
    ] {
        let out = run(&ex, text, "1990-05-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, mention, "{text}");
        assert_ne!(loc.name.as_deref(), Some(mention), "{text}: {loc:?}");
        assert!(loc.name.is_some() && loc.lat.is_some(), "{text}: {loc:?}");
        assert_eq!(loc.precision.as_deref(), Some("district"), "{text}");
        check_evidence(text, &out.incidents);
    }
}

#[test]
fn a_town_after_an_indefinite_or_larger_part_is_the_whole() {
    let ex = test_extractor();
    // "a ... neighborhood of X", "the commercial district of X" where X is the incident's town:
    // X is the town itself, not a district of it.
    for (text, name) in [
        (
            "Gunmen shot two guards in a poor neighbourhood of Bellavista, the mayor of San \
             Salvador said.",
            "Bellavista",
        ),
        (
            "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] A BOMB EXPLODED TODAY IN THE COMMERCIAL \
             DISTRICT OF SAN SALVADOR, KILLING TWO GUARDS.",
            "San Salvador",
        ),
    ] {
        let out = run(&ex, text, "1990-05-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.name.as_deref(), Some(name), "{text}: {loc:?}");
        assert_eq!(loc.precision.as_deref(), Some("town"), "{text}: {loc:?}");
    }
}

#[test]
fn a_district_of_a_town_named_twice_refines_it() {
    let ex = test_extractor();
    // The town is named first on its own, in the sentence of the attack; the district of it
    // comes later with the town's name again: the district still refines the town.
    let text = "A barrel bomb killed five civilians in Aleppo on Monday. The house it hit stood \
                in the Bustan al-Qasr district of Aleppo.";
    let out = run(&ex, text, "2016-05-04");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Aleppo"));
    assert_eq!(loc.mention, "Bustan al-Qasr");
    assert_eq!(loc.precision.as_deref(), Some("district"));
    check_evidence(text, &out.incidents);
}

#[test]
fn a_town_named_by_its_cue_after_a_locative_is_where_it_happened() {
    let ex = test_extractor();
    // "in the town of X": the locative reaches X through the cue, so X weighs as much as a
    // town named after a bare "in" later in the sentence.
    let text = "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] REBELS DYNAMITED A POWER PYLON IN THE \
                TOWN OF USULUTAN AND A BRIDGE IN SAN SALVADOR TODAY, KILLING TWO SOLDIERS.";
    let out = run(&ex, text, "1990-05-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Usulutan"), "{loc:?}");
    check_evidence(text, &out.incidents);
}

#[test]
fn a_name_going_on_through_a_particle_is_a_finer_place() {
    let ex = test_extractor();
    // The gazetteer knows "San Ramon", not "San Ramon de las Flores": the whole name is the
    // place, not the town it starts like.
    for (text, mention) in [
        (
            "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] REBELS BURNED A BUS TODAY IN SAN RAMON DE \
             LAS FLORES, KILLING TWO SOLDIERS.",
            "SAN RAMON DE LAS FLORES",
        ),
        (
            "Rebels burned a bus in San Ramon del Monte on Monday, killing two soldiers.",
            "San Ramon del Monte",
        ),
    ] {
        let out = run(&ex, text, "1990-05-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, mention, "{loc:?}");
        assert_eq!(loc.country_code.as_deref(), Some("SV"), "{loc:?}");
        check_evidence(text, &out.incidents);
    } // Only after a locative: "the office of X de Y" may name a firm.
    let text = "Rebels burned the office of San Ramon de Ahorros, killing two guards.";
    let out = run(&ex, text, "1990-05-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "San Ramon", "{loc:?}");
}

#[test]
fn a_name_shown_to_be_a_persons_is_no_place_anywhere_in_the_report() {
    let ex = test_extractor();
    for text in [
        // After a title and a given name.
        "GUATEMALA CITY, 2 AUG 89 (WIRE) -- [TEXT] GUNMEN KILLED COLONEL CARLOS MORALES TODAY \
         AS HE LEFT HIS HOME. THE ATTACKERS FIRED AT MORALES FROM A CAR.",
        // Before an age.
        "GUATEMALA CITY, 2 AUG 89 (WIRE) -- [TEXT] GUNMEN FIRED AT MORALES FROM A CAR TODAY, \
         KILLING HIM AND HIS DRIVER. MORALES, 50, HAD RECEIVED THREATS.",
    ] {
        let out = run(&ex, text, "1989-08-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(
            loc.name.as_deref(),
            Some("Guatemala City"),
            "{text}: {loc:?}"
        );
    }
}

#[test]
fn a_place_name_before_a_street_noun_names_the_street() {
    let ex = test_extractor();
    for (text, name) in [
        (
            "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] A BOMB EXPLODED TODAY ON USULUTAN AVENUE, \
             KILLING TWO GUARDS.",
            "San Salvador",
        ),
        (
            "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] A BOMB EXPLODED TODAY AT THE CORNER OF \
             USULUTAN AND ZAPOTITAN STREETS, KILLING TWO GUARDS.",
            "San Salvador",
        ),
        // "a ... X street" is a street of town X.
        (
            "SAN SALVADOR, 2 MAY 90 (WIRE) -- [TEXT] A BOMB EXPLODED TODAY ON A DOWNTOWN \
             USULUTAN STREET, KILLING TWO GUARDS.",
            "Usulutan",
        ),
    ] {
        let out = run(&ex, text, "1990-05-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.name.as_deref(), Some(name), "{text}: {loc:?}");
    }
}

#[test]
fn a_village_the_gazetteer_does_not_know_is_finer_than_its_province() {
    let ex = real_extractor();
    for (text, cc, village) in [
        (
            "In Helmand Province, unidentified gunmen attacked a police post in Zarghunkala, \
             killing two policemen.",
            "AF",
            "Zarghunkala",
        ),
        (
            "A bomb went off outside a gendarmerie post in Korvelisa, on the island of Corsica, \
             causing minor damage.",
            "FR",
            "Korvelisa",
        ),
        // A district word after it neither ends a longer name nor makes it a country's name.
        (
            "In Kapisa Province, unidentified gunmen burned a school in Zarghunkala District \
             overnight.",
            "AF",
            "Zarghunkala",
        ),
    ] {
        let out = run(&ex, text, "2005-03-14");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, village, "{text}");
        assert_eq!(loc.country_code.as_deref(), Some(cc), "{text}");
        check_evidence(text, &out.incidents);
    }
}

#[test]
fn an_incident_placed_abroad_in_a_report_headed_by_its_country_is_in_the_reports_town() {
    let ex = real_extractor();
    // "Copacabana" names a hotel here, read by the gazetteer as a town abroad.
    let text = "CUBA.  Three bombs went off around the city of Havana.  The bomb at the \
                Copacabana Hotel exploded at noon and killed one guest.";
    let out = run(&ex, text, "1997-09-04");
    assert!(!out.incidents.is_empty());
    for inc in &out.incidents {
        let loc = inc.location.as_ref().expect("a location");
        assert_eq!(loc.country_code.as_deref(), Some("CU"));
        assert_eq!(loc.name.as_deref(), Some("Havana"), "{loc:?}");
    }
    check_evidence(text, &out.incidents);
}

#[test]
fn the_capital_is_the_capital_of_the_country_said_or_of_the_report() {
    let ex = real_extractor();
    for (text, town) in [
        (
            "Maoist rebels set fire to a bus in Nepal's capital on Sunday.",
            "Kathmandu",
        ),
        (
            "A grenade exploded in a market in the Algerian capital, wounding six.",
            "Algiers",
        ),
        (
            "A BOMB EXPLODED IN THE CAPITAL LAST NIGHT, KILLING TWO SALVADORAN SOLDIERS.",
            "San Salvador",
        ),
    ] {
        let out = run(&ex, text, "2003-04-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.name.as_deref(), Some(town), "{text}");
        check_evidence(text, &out.incidents);
    }
    // A name after it, or "of" a province, says the place itself.
    let text = "A bomb exploded in the capital of Kandahar province, killing two.";
    let out = run(&ex, text, "2003-04-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_ne!(loc.name.as_deref(), Some("Kabul"));
}

#[test]
fn a_locative_reaches_a_town_through_its_cue_word() {
    let ex = real_extractor();
    // "in the X village near Y": X, which the locative puts there through "the ... village".
    let text = "Gunmen shot dead a teacher in the Yusufiyah village near Baghdad on Monday.";
    let out = run(&ex, text, "2005-03-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Yusufiyah");
    check_evidence(text, &out.incidents);
    // A district holds a finer place named with it.
    let text =
        "Gunmen shot dead a teacher near the village of Yusufiyah in the Mahmudiyah district.";
    let out = run(&ex, text, "2005-03-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Yusufiyah");
}

#[test]
fn a_sentence_saying_where_the_act_took_place_places_it() {
    let ex = real_extractor();
    for (text, place) in [
        (
            "Gunmen shot dead two shopkeepers on Monday. The attack occurred in Qaryat Zawra.",
            "Qaryat Zawra",
        ),
        (
            "Gunmen shot dead a judge of the Nineveh court on his way to a meeting. The attack \
             took place in Baghdad.",
            "Baghdad",
        ),
        // Not another act's place.
        (
            "Gunmen shot dead two shopkeepers in Mosul on Monday. A similar attack occurred in \
             Kirkuk.",
            "Mosul",
        ),
    ] {
        let out = run(&ex, text, "2005-03-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, place, "{text}");
        check_evidence(text, &out.incidents);
    }
}

#[test]
fn a_square_or_roads_named_after_a_town_are_no_town_nor_its_country() {
    let ex = real_extractor();
    for (text, town, cc) in [
        (
            "A pipe bomb was defused at the corner of Bristol and Kenton roads in west Belfast.",
            "Belfast",
            "GB",
        ),
        (
            "A grenade was thrown into Cairo Square in Tripoli, wounding four.",
            "Tripoli",
            "LY",
        ),
    ] {
        let out = run(&ex, text, "2005-03-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, town, "{text}");
        assert_eq!(loc.country_code.as_deref(), Some(cc), "{text}");
        check_evidence(text, &out.incidents);
    }
}

#[test]
fn outside_of_a_town_is_a_locative() {
    let ex = real_extractor();
    for text in [
        "A convoy was attacked with gunfire in the Abu Ghraib area, outside of Baghdad, and six \
         guards were hurt.",
        "Militants fired on a bus in the Yusufiyah area, outside of Baghdad, wounding nine people.",
        "Gunmen opened fire on a patrol in the Dora area, just outside of Baghdad.",
    ] {
        let out = run(&ex, text, "2005-03-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, "Baghdad", "{text}");
        check_evidence(text, &out.incidents);
    }
}

#[test]
fn a_town_opening_the_name_of_its_state_is_no_place_of_its_own() {
    let ex = real_extractor();
    let text = "Militants shot dead a teacher in Pattan as violence rose in Jammu and Kashmir.";
    let out = run(&ex, text, "2002-01-01");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Pattan");
    check_evidence(text, &out.incidents);
}

#[test]
fn a_journey_is_placed_at_its_start() {
    let ex = real_extractor();
    for (text, place) in [
        (
            "A bomb exploded on a bus on its way to Lahore from Multan, killing two.",
            "Multan",
        ),
        (
            "Gunmen fired on a train en route from Aswan to Luxor, wounding three passengers.",
            "Aswan",
        ),
    ] {
        let out = run(&ex, text, "2005-03-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, place, "{text}");
        check_evidence(text, &out.incidents);
    }
}

#[test]
fn people_taken_from_a_place_were_taken_there() {
    // "kidnapped from X": where the act happened, not where someone came from.
    let ex = real_extractor();
    for (text, place) in [
        (
            "Gunmen kidnapped a doctor from Qalat near Kandahar.",
            "Qalat",
        ),
        (
            "A trader was abducted on the road from Tausa by guerrillas of the FARC.",
            "Tausa",
        ),
    ] {
        let out = run(&ex, text, "2005-03-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, place, "{text}");
        check_evidence(text, &out.incidents);
    }
}

#[test]
fn a_province_named_for_its_government_is_placed_at_its_seat() {
    // No town named: the governor, the assembly of a province sit in its seat.
    let ex = real_extractor();
    for (text, town) in [
        (
            "A roadside bomb hit the convoy of the governor of Nineveh province, wounding two guards.",
            "Mosul",
        ),
        (
            "Militants threw a grenade at the office of the chief minister of Manipur, injuring a guard.",
            "Imphal",
        ),
    ] {
        let out = run(&ex, text, "2005-03-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.name.as_deref(), Some(town), "{text}");
        check_evidence(text, &out.incidents);
    }
    // A province named without its government stays a province.
    let text = "A roadside bomb wounded two soldiers in Nineveh province.";
    let out = run(&ex, text, "2005-03-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.precision.as_deref(), Some("admin1"), "{text}");
}

#[test]
fn a_ministry_official_or_a_member_of_parliament_in_a_report_naming_no_town_is_in_the_capital() {
    let ex = real_extractor();
    for (text, mention) in [
        (
            "Gunmen shot dead the Health Ministry's chief accountant as he left home. \
             Such attacks are frequent in Iraq.",
            "Ministry",
        ),
        (
            "A roadside bomb wounded a member of parliament and two guards. \
             Attacks on officials are frequent in Iraq.",
            "member of parliament",
        ),
    ] {
        let out = run(&ex, text, "2005-03-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.name.as_deref(), Some("Baghdad"), "{text}");
        assert_eq!(loc.mention, mention, "{text}");
        check_evidence(text, &out.incidents);
    }
}

#[test]
fn a_government_building_in_a_report_naming_no_town_is_in_the_capital() {
    let ex = real_extractor();
    for (text, town) in [
        (
            "KENYA.  Two hand grenades were thrown at the Somali embassy, wounding a guard.",
            "Nairobi",
        ),
        (
            "PERU.  A car bomb exploded outside the Ministry of Energy, injuring four clerks.",
            "Lima",
        ),
    ] {
        let out = run(&ex, text, "1995-03-02");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.name.as_deref(), Some(town), "{text}");
        check_evidence(text, &out.incidents);
    }
    // A town the report names wins; an embassy that only speaks places nothing.
    let text = "PERU.  A car bomb exploded outside the Ministry of Energy in Arequipa on Monday.";
    let out = run(&ex, text, "1995-03-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.name.as_deref(), Some("Arequipa"));
    let text = "KENYA.  Gunmen killed a trader at a market, the Somali embassy said.";
    let out = run(&ex, text, "1995-03-02");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_ne!(loc.name.as_deref(), Some("Nairobi"));
}

#[test]
fn an_armed_group_of_one_conflict_tells_the_country_of_a_report_without_a_place() {
    let ex = real_extractor();
    for (text, cc) in [
        (
            "Members of the Loyalist Volunteer Force threw a petrol bomb at a house overnight.",
            "GB",
        ),
        (
            "A car bomb claimed by Tawhid wal-Jihad killed four policemen at a checkpoint.",
            "IQ",
        ),
    ] {
        let out = run(&ex, text, "2004-06-01");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.country_code.as_deref(), Some(cc), "{text}");
    }
}

#[test]
fn a_town_named_in_two_languages_is_named_as_the_text_writes_it() {
    let ex = real_extractor();
    let text = "Hooded youths set fire to a city bus in the Zorbek district of San Sebastian.";
    let out = run(&ex, text, "2001-03-01");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Zorbek");
    assert_eq!(loc.name.as_deref(), Some("San Sebastián"));
    check_evidence(text, &out.incidents);
}

#[test]
fn a_village_the_gazetteer_does_not_know_lies_by_the_town_named_with_it() {
    let ex = real_extractor();
    let text = "Two gunmen shot a shopkeeper in his office in Zorbek mohalla in Srinagar.";
    let out = run(&ex, text, "2004-06-01");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Zorbek");
    assert_eq!(loc.name.as_deref(), Some("Srinagar"));
    assert_eq!(loc.country_code.as_deref(), Some("IN"));
    check_evidence(text, &out.incidents);
    // A town named only in another sentence is no host.
    let text = "Gunmen shot a shopkeeper in Zorbek. Police in Srinagar said the attackers fled.";
    let out = run(&ex, text, "2004-06-01");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Zorbek");
    assert_eq!(loc.name, None);
}

#[test]
fn a_district_lies_in_the_town_another_sentence_of_the_incident_names() {
    let ex = real_extractor();
    let text = "A former councillor was shot dead in the Zorbek neighbourhood on Monday by two \
                men on a motorcycle. He had run for the Medellin city council.";
    let out = run(&ex, text, "2004-06-01");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Zorbek");
    assert_eq!(loc.name.as_deref(), Some("Medellín"));
    assert_eq!(loc.country_code.as_deref(), Some("CO"));
    check_evidence(text, &out.incidents);
}

#[test]
fn a_province_gives_way_to_the_town_inside_it_the_incident_names() {
    let ex = real_extractor();
    for (text, town) in [
        (
            "In Antioquia Department, Medellin, rebels bombed a consulate overnight.",
            "Medellín",
        ),
        (
            "A bomb exploded at an office in Istanbul Province's Bahcelievler district.",
            "Bahçelievler",
        ),
    ] {
        let out = run(&ex, text, "2004-06-01");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.name.as_deref(), Some(town), "{text}");
        check_evidence(text, &out.incidents);
    }
    // A town that names a building is no place of it.
    let text = "Aircraft bombed the Santa Elena church in Usulutan Department, rebels said.";
    let out = run(&ex, text, "1989-12-01");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_ne!(loc.name.as_deref(), Some("Santa Elena"));
}

#[test]
fn a_place_before_the_verb_is_no_perpetrator_and_a_clash_is_typed_a_clash() {
    let ex = test_extractor();
    // "in Mosul killed": Mosul is where, not who.
    let out = run(
        &ex,
        "A car bomb in Mosul killed seven people on Friday.",
        "2008-03-09",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert!(
        out.incidents[0].perpetrators.is_empty(),
        "{:?}",
        out.incidents[0].perpetrators
    );
    // Deaths in a fight between two armed sides: the fight names the act.
    let out = run(
        &ex,
        "Five rebels and two soldiers were killed in a clash near Tal Afar on Friday.",
        "2008-03-09",
    );
    assert_eq!(out.incidents[0].event_type, "armed_clash");
    assert_eq!(out.incidents[0].killed.low, Some(7));
    // ... but a word of the act itself still does.
    let out = run(
        &ex,
        "Gunmen ambushed a patrol near Tal Afar on Friday, killing five soldiers in the clash \
         that followed.",
        "2008-03-09",
    );
    assert_eq!(out.incidents[0].event_type, "armed_attack");
}

#[test]
fn bodies_of_the_murdered_are_a_killing_and_a_present_habit_is_not() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "The bodies of the murdered aid workers were found on a road outside Kunduz on Tuesday.",
        "2009-06-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].event_type, "armed_attack");
    // ... where the case of the murdered workers is none.
    let out = run(
        &ex,
        "The judge in Kunduz reopened the case of the murdered aid workers on Tuesday.",
        "2009-06-04",
    );
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
    // A habit told in the present after a pronoun is no act; the past is one.
    let out = run(
        &ex,
        "Farmers near Kunduz say they rob, kidnap and murder anyone who refuses to pay.",
        "2009-06-04",
    );
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
    let out = run(
        &ex,
        "Farmers near Kunduz say they kidnapped two drivers who refused to pay.",
        "2009-06-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].event_type, "abduction");
}

#[test]
fn the_kidnapped_found_dead_are_the_abduction_s_dead() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Gunmen kidnapped Omar Farouk, a lorry driver, outside his house in Baiji. Farouk's body \
         was found two days later near Tikrit, shot in the head.",
        "2007-02-12",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    let inc = &out.incidents[0];
    assert_eq!(inc.event_type, "abduction");
    assert_eq!(inc.killed.low, Some(1));
    // The victim named before "body" is no perpetrator; the gunmen are.
    let names: Vec<&str> = inc.perpetrators.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Gunmen"]);
}

#[test]
fn an_actor_before_a_passive_underwent_the_act() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Four engineers who worked with US forces were kidnapped near Balad.",
        "2007-02-12",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert!(
        out.incidents[0].perpetrators.is_empty(),
        "{:?}",
        out.incidents[0].perpetrators
    );
    // The active voice keeps its subject.
    let out = run(
        &ex,
        "Insurgents have kidnapped four engineers near Balad.",
        "2007-02-12",
    );
    let names: Vec<&str> = out.incidents[0]
        .perpetrators
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Insurgents"]);
}

#[test]
fn bodies_of_the_counted_are_a_killing_and_their_finders_no_perpetrators() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Police recovered the bodies of nine farmers from a ditch outside Kirkuk on Sunday.",
        "2007-02-12",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    let inc = &out.incidents[0];
    assert_eq!(inc.event_type, "armed_attack");
    assert_eq!(inc.killed.low, Some(9));
    assert!(inc.perpetrators.is_empty(), "{:?}", inc.perpetrators);
}

#[test]
fn what_was_fired_gives_the_event_type() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Four mortars were fired at a village near Sderot on Monday. Nobody was hurt.",
        "2005-03-09",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].event_type, "shelling");
    assert!(out.incidents[0].weapons.contains(&"mortar".to_string()));
    assert!(!out.incidents[0].weapons.contains(&"firearm".to_string()));
    // Firing with nothing named is shooting.
    let out = run(
        &ex,
        "Unknown men fired on a patrol near Sderot on Monday, wounding two soldiers.",
        "2005-03-09",
    );
    assert_eq!(out.incidents[0].event_type, "armed_attack");
    assert!(out.incidents[0].weapons.contains(&"firearm".to_string()));
}

#[test]
fn a_crash_told_of_a_bomber_is_no_accident() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "A suicide car bomber drove toward an army checkpoint in Mosul on Monday. The bomber \
         missed the checkpoint and crashed into a wall, wounding five bystanders.",
        "2006-12-05",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].injured.low, Some(5));
    // A plane that crashed is an accident still.
    let out = run(
        &ex,
        "A cargo plane crashed into a market near Mosul on Monday, killing nine people.",
        "2006-12-05",
    );
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
}

#[test]
fn nobody_hurt_in_a_later_sentence_and_deaths_given_as_a_motive() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "A bomb went off outside a bank in Lyon on Sunday night. There were no casualties.",
        "1987-09-07",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(
        (out.incidents[0].killed.low, out.incidents[0].killed.high),
        (Some(0), Some(0))
    );
    assert_eq!(out.incidents[0].injured.low, Some(0));
    // Deaths the attackers say they avenge are not the bombing's.
    let out = run(
        &ex,
        "A bomb went off outside a bank in Lyon on Sunday night, in what a caller said was a \
         warning to retaliate for the 40 deaths caused to prisoners in a riot.",
        "1987-09-07",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_ne!(out.incidents[0].killed.low, Some(40));
}

#[test]
fn a_weapon_s_name_and_whoever_defused_it_are_no_perpetrators() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Militants fired three Qassam rockets at a kibbutz near Sderot on Tuesday.",
        "2004-01-08",
    );
    let names: Vec<&str> = out.incidents[0]
        .perpetrators
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert!(!names.iter().any(|n| n.contains("Qassam")), "{names:?}");
    let out = run(
        &ex,
        "Police defused a bomb outside a bank in Bilbao on Tuesday.",
        "2004-01-08",
    );
    assert!(
        out.incidents.iter().all(|i| i.perpetrators.is_empty()),
        "{:?}",
        out.incidents
    );
}

#[test]
fn fires_started_at_a_site_are_arson() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "An animal rights group said it was responsible for starting fires at a fur farm near \
         Utrecht overnight.",
        "2003-05-02",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].event_type, "arson");
}

#[test]
fn a_group_that_tried_or_is_believed_to_have_acted_is_a_perpetrator() {
    let ex = test_extractor();
    let names = |text: &str| -> Vec<String> {
        let out = run(&ex, text, "1990-01-08");
        out.incidents
            .iter()
            .flat_map(|i| i.perpetrators.iter().map(|p| p.name.clone()))
            .collect()
    };
    assert_eq!(
        names("The Popular Liberation Army attempted to kidnap a judge in Medellin."),
        ["Popular Liberation Army"]
    );
    assert_eq!(
        names("The Popular Liberation Army is believed to have shot two guards in Medellin."),
        ["Popular Liberation Army"]
    );
    // Counted members of a group who were killed are its victims, not the attackers.
    assert_eq!(
        names("Gunmen killed three members of the Liberal Party in Medellin."),
        ["Gunmen"]
    );
    assert!(names("Two members of the Liberal Party were killed in Medellin.").is_empty());
    // A claimant followed by a phrase set off with no closing comma.
    assert!(names(
        "Two bombs exploded at a mall in Istanbul. The Islamic Front (IBDA-C), a radical group \
         who oppose the government in Turkey claimed responsibility for the blasts."
    )
    .iter()
    .any(|n| n == "Islamic Front (IBDA-C)"));
    // A place a preposition governs before ", killing" is no perpetrator.
    assert!(
        names("A bomb exploded in a market of southern Medellin, killing two vendors.").is_empty()
    );
    // A count in digits before the actor is no sign of victims.
    assert_eq!(
        names("4 guerrillas opened fire on a bus in Medellin."),
        ["guerrillas"]
    );
    // Nobody who claimed the attack is no one.
    assert!(names("A bomb exploded at a bank in Medellin. Nobody claimed the attack.").is_empty());
    // A unit named by its group.
    assert_eq!(
        names("A driver was wounded when an EPL unit opened fire on a bus in Medellin."),
        ["EPL unit"]
    );
}

#[test]
fn a_past_verb_before_a_noun_of_suspects_is_still_an_act() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Police shot two suspects near the market in Kunduz on Monday.",
        "2009-06-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    let out = run(
        &ex,
        "Police shot suspects near the market in Kunduz on Monday.",
        "2009-06-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    // ... where a noun after an article qualifies one: "a hit squad".
    let out = run(
        &ex,
        "A hit squad was formed in Kunduz on Monday.",
        "2009-06-04",
    );
    assert!(out.incidents.is_empty(), "{:?}", out.incidents);
}

#[test]
fn people_also_killed_add_to_the_first_victim() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "The former governor, Taj Mohammad, was killed by gunmen near Kandahar on Saturday. \
         Four people traveling with him were also killed in the attack.",
        "2006-03-20",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].killed.low, Some(5));
}

#[test]
fn the_wounded_who_died_are_counted_once_among_the_dead() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "A bomb wounded five people at a bus stop in Baghdad. One of them died in hospital.",
        "2006-01-01",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].killed.low, Some(1));
    assert_eq!(out.incidents[0].injured.low, Some(4));
    let out = run(
        &ex,
        "Gunmen shot and wounded a teacher in Baqubah. He died of his wounds the next day.",
        "2006-01-01",
    );
    assert_eq!(out.incidents[0].killed.low, Some(1));
    assert_eq!(out.incidents[0].injured.low, None);
}

#[test]
fn a_place_inside_a_party_s_name_is_no_place_of_the_act() {
    let ex = test_extractor();
    // "Kurdistan" is a province of Iran in the gazetteer; the party's name is no visit to it.
    let out = run(
        &ex,
        "Gunmen shot dead a former member of the Kurdistan Islamic Union outside his shop.",
        "2006-02-01",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    let loc = out.incidents[0].location.as_ref();
    assert!(
        loc.is_none_or(|l| l.name.as_deref() != Some("Kurdistan")),
        "{loc:?}"
    );
    // The party is the victim's, not the killers'.
    let perps: Vec<&str> = out.incidents[0]
        .perpetrators
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(perps, ["Gunmen"]);
    // Nor in a name ending in a noun of the lexicon, or opened before the place ("the Union
    // of X Workers").
    for text in [
        "A bomb damaged an office of the Idlib Liberation Front on Sunday.",
        "A bomb damaged an office of the Union of Kharkiv Workers on Sunday.",
    ] {
        let out = run(&ex, text, "2016-05-04");
        let loc = out.incidents[0].location.as_ref();
        assert!(
            loc.is_none_or(|l| l.precision.as_deref() != Some("town")),
            "{text}: {loc:?}"
        );
    }
}

#[test]
fn a_victim_s_membership_names_no_perpetrator_but_a_suspect_s_does() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "A teacher was shot dead in Batticaloa on Monday. He was a member of the Eelam \
         People's Democratic Party.",
        "2005-07-26",
    );
    assert!(
        out.incidents[0].perpetrators.is_empty(),
        "{:?}",
        out.incidents[0]
    );
    let out = run(
        &ex,
        "A customs officer was wounded in Hendaye by a man suspected of being a member of GAL.",
        "1987-02-10",
    );
    let perps: Vec<&str> = out.incidents[0]
        .perpetrators
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(perps, ["GAL"]);
}

#[test]
fn one_act_told_of_a_list_of_places_is_an_incident_per_place() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Saboteurs blew up power pylons in Saraqib, Daraya and Idlib on Monday, killing two \
         guards.",
        "2016-05-04",
    );
    let places: Vec<Option<&str>> = out
        .incidents
        .iter()
        .map(|i| i.location.as_ref().and_then(|l| l.name.as_deref()))
        .collect();
    assert_eq!(
        places,
        [Some("Saraqib"), Some("Daraya"), Some("Idlib")],
        "{:?}",
        out.incidents
    );
    // The toll told for the list stays with the first; the others share the act, not it.
    assert_eq!(out.incidents[0].killed.low, Some(2));
    for inc in &out.incidents[1..] {
        assert_eq!(inc.killed.low, None);
        assert_eq!(inc.event_type, out.incidents[0].event_type);
        assert_eq!(inc.date.start.as_deref(), Some("2016-05-02"));
    }
    // No list: a town and its province, a stretch between two towns, two places without a
    // joiner.
    for text in [
        "A bomb killed four people in Saraqib, Idlib province on Monday.",
        "Saboteurs blew up the pipeline between Aleppo and Idlib on Monday.",
        "A bomb exploded in Saraqib, near Idlib, on Monday.",
    ] {
        let out = run(&ex, text, "2016-05-04");
        assert_eq!(out.incidents.len(), 1, "{text}: {:?}", out.incidents);
    }
}

#[test]
fn a_workers_strike_and_charges_of_a_crime_are_no_incidents() {
    let ex = test_extractor();
    for text in [
        "Bus drivers went on strike in Aleppo on Monday over unpaid wages.",
        "A general strike closed shops across Damascus on Tuesday.",
        "Forty prisoners began a hunger strike in Idlib on Sunday.",
        "The former mayor of Kharkiv faces charges of kidnapping and extortion.",
    ] {
        let out = run(&ex, text, "2016-05-04");
        assert!(out.incidents.is_empty(), "{text}: {:?}", out.incidents);
    }
    // ... but a strike by armed forces is one.
    let out = run(
        &ex,
        "A strike by government forces killed five people in Saraqib on Monday.",
        "2016-05-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].killed.low, Some(5));
}

#[test]
fn a_village_an_act_is_done_to_and_a_part_named_after_its_town() {
    let ex = test_extractor();
    // The object of the act, named by "village", is finer than the province.
    let out = run(
        &ex,
        "In Idlib province, gunmen attacked Kafr Nabl village and killed three people.",
        "2016-05-04",
    );
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Kafr Nabl", "{loc:?}");
    assert_eq!(loc.country_code.as_deref(), Some("SY"));
    // "the Aleppo neighbourhood of X": X is the part, Aleppo the town it lies in.
    let out = run(
        &ex,
        "A car bomb exploded in the Aleppo neighbourhood of Salaheddine on Monday.",
        "2016-05-04",
    );
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Salaheddine", "{loc:?}");
    assert_eq!(loc.name.as_deref(), Some("Aleppo"));
}

#[test]
fn a_village_the_text_names_keeps_its_name_over_a_loose_reading() {
    let ex = real_extractor();
    // The gazetteer does not know the village and reads it, loosely, as its district: the
    // text names it a village, so the village is where it happened, at the district's place.
    let out = run(
        &ex,
        "A bomb damaged the office of a small party on Tuesday. The office stood in Trehgam \
         village in Kupwara district.",
        "2007-01-04",
    );
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Trehgam", "{loc:?}");
    assert_eq!(loc.country_code.as_deref(), Some("IN"));
    assert!(loc.lat.is_some(), "{loc:?}");
}

#[test]
fn a_village_the_text_names_is_no_loose_reading_abroad() {
    let ex = real_extractor();
    // Read very loosely as a town in Africa; the text names it a village of a Thai province.
    for (text, village) in [
        (
            "Gunmen shot dead a rubber tapper in the village of Tamae in Narathiwat province.",
            "Tamae",
        ),
        (
            "Gunmen shot dead a rubber tapper in the village of Bannae in Narathiwat province.",
            "Bannae",
        ),
    ] {
        let out = run(&ex, text, "2007-01-04");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, village, "{loc:?}");
        assert_eq!(loc.country_code.as_deref(), Some("TH"), "{loc:?}");
    }
}

#[test]
fn a_route_s_towns_and_an_initialism_are_no_place_of_the_act() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "A bomb exploded on the Damascus-Aleppo train on Monday, wounding four passengers.",
        "2016-05-04",
    );
    let loc = out.incidents[0].location.as_ref();
    assert!(
        loc.is_none_or(|l| l.precision.as_deref() != Some("town")),
        "{loc:?}"
    );
    let ex = real_extractor();
    let out = run(
        &ex,
        "Gunmen fired four shots at U.S. soldiers' quarters in Frankfurt, causing slight damage.",
        "1985-06-04",
    );
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Frankfurt", "{loc:?}");
}

#[test]
fn a_claim_of_acts_of_a_named_kind_tells_they_were_done() {
    let ex = test_extractor();
    // (A long report: a short one is read as telling violence on weaker words.)
    let text = format!(
        "A rebel group claimed credit for three dynamite attacks against banks in the city of \
         Saraqib. {}",
        "The group's statement was read out on local radio and repeated in leaflets. ".repeat(16)
    );
    let out = run(&ex, &text, "2016-05-04");
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    let inc = &out.incidents[0];
    assert_eq!(inc.event_type, "bombing");
    assert_eq!(
        inc.location.as_ref().and_then(|l| l.name.as_deref()),
        Some("Saraqib")
    );
}

#[test]
fn the_last_word_of_a_person_s_name_is_no_place() {
    let ex = test_extractor();
    // "Idlib" and "Daraya" are towns of the gazetteer; here they end people's names.
    for text in [
        "Karim Fuad Idlib, a local councillor of Saraqib, was shot dead on Monday.",
        "Gunmen killed Maria Teresa de Daraya, a teacher in Saraqib, on Monday.",
    ] {
        let out = run(&ex, text, "2016-05-04");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, "Saraqib", "{text}: {loc:?}");
    }
}

#[test]
fn an_unlisted_occupation_before_a_name_is_one_victim() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Gunmen killed beekeeper Salim Haddad near Saraqib on Monday.",
        "2016-05-04",
    );
    assert_eq!(out.incidents[0].killed.low, Some(1), "{:?}", out.incidents);
    // (Not a word that is no person's: "killed livestock".)
    let out = run(
        &ex,
        "Gunmen shot livestock near Saraqib on Monday.",
        "2016-05-04",
    );
    assert!(
        out.incidents.iter().all(|i| i.killed.low.is_none()),
        "{:?}",
        out.incidents
    );
}

#[test]
fn a_place_that_holds_the_one_named_before_it_is_coarser() {
    let ex = real_extractor();
    for (text, town) in [
        (
            "Gunmen fired at a police post in the Sopore township area of Baramulla district.",
            "Sopore",
        ),
        (
            "Gunmen fired at a police post in the Kulgam township area of Anantnag district.",
            "Kulgam",
        ),
    ] {
        let out = run(&ex, text, "2004-06-01");
        let loc = out.incidents[0].location.as_ref().expect("a location");
        assert_eq!(loc.mention, town, "{loc:?}");
    }
}

#[test]
fn a_village_the_gazetteer_lacks_takes_its_province_s_place() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "A roadside bomb exploded in the village of Kafr Nabl, Idlib province, on Monday.",
        "2016-05-04",
    );
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.mention, "Kafr Nabl", "{loc:?}");
    assert_eq!(loc.name.as_deref(), Some("Idlib province"), "{loc:?}");
    assert!(loc.lat.is_some(), "{loc:?}");
}

#[test]
fn destruction_by_attackers_is_an_act_and_yields_to_the_means() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Masked men destroyed a fuel depot in Saraqib on Monday.",
        "2016-05-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(out.incidents[0].event_type, "armed_attack");
    assert_eq!(
        out.incidents[0]
            .location
            .as_ref()
            .and_then(|l| l.name.as_deref()),
        Some("Saraqib")
    );
    // What the destruction was done with names the act.
    let out = run(
        &ex,
        "A bomb destroyed a fuel depot in Saraqib on Monday.",
        "2016-05-04",
    );
    assert_eq!(out.incidents[0].event_type, "bombing");
    let out = run(
        &ex,
        "Saboteurs sabotaged a power line near Saraqib on Monday.",
        "2016-05-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
}

#[test]
fn gunmen_who_fire_mortars_shell_and_keep_their_guns() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Gunmen fired mortars at a checkpoint near Saraqib on Monday, killing two soldiers.",
        "2016-05-04",
    );
    let inc = &out.incidents[0];
    assert_eq!(inc.event_type, "shelling", "{inc:?}");
    assert!(inc.weapons.contains(&"mortar".to_string()), "{inc:?}");
    assert!(inc.weapons.contains(&"firearm".to_string()), "{inc:?}");
    // Gunmen alone still shoot.
    let out = run(
        &ex,
        "Gunmen attacked a checkpoint near Saraqib on Monday, killing two soldiers.",
        "2016-05-04",
    );
    assert_eq!(out.incidents[0].event_type, "armed_attack");
}

/// The perpetrators of the first incident of `text`, sorted.
fn first_perpetrators(ex: &attest_extract::Extractor, text: &str, published: &str) -> Vec<String> {
    let out = run(ex, text, published);
    let mut names: Vec<String> = out
        .incidents
        .first()
        .map(|i| i.perpetrators.iter().map(|p| p.name.clone()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn actors_in_upper_case_wire_copy_are_names_not_phrases() {
    let ex = test_extractor();
    let names = |text: &str| first_perpetrators(&ex, text, "1990-05-05");
    // A past verb before a number ends the name.
    assert_eq!(
        names("QUITO, 5 MAY 90 -- TERRORISTS STAGED THREE BOMB ATTACKS ON BANKS IN QUITO TODAY."),
        ["TERRORISTS"]
    );
    // A bracketed aside after the speaker's name keeps the accusation.
    assert_eq!(
        names(
            "QUITO, 5 MAY 90 -- THE 12 MAY FRONT [F-12] TODAY ACCUSED THE NATIONAL GUARD OF \
             KILLING A MAYOR IN QUITO."
        ),
        ["NATIONAL GUARD"]
    );
    // A group named once by the report and once as the claimant is one actor.
    assert_eq!(
        names("A bomb damaged a bank in Quito. The Andean Liberation Front (ALF) claimed responsibility for the blast."),
        ["Andean Liberation Front (ALF)"]
    );
}

#[test]
fn group_names_with_numbers_heads_asides_and_apostrophes() {
    let ex = test_extractor();
    let names = |text: &str| first_perpetrators(&ex, text, "2004-05-05");
    // A lower-case head noun ends the name read back from "was responsible".
    assert_eq!(
        names("Police believe the Sierra Verde group (SVG) was responsible for the shooting at the embassy in Quito."),
        ["Sierra Verde group (SVG)"]
    );
    // A date inside the name.
    assert_eq!(
        names("The Popular Forces of March 3 claimed credit for a grenade attack on a barracks in Quito."),
        ["Popular Forces of March 3"]
    );
    // An apostrophe inside the name, and a verb of use before the weapon.
    assert_eq!(
        names("The Andean Workers' Party (AWP) fired two rockets at a police post in Quito."),
        ["Andean Workers' Party (AWP)"]
    );
    // ... read the same as a claimant.
    assert_eq!(
        names("A bomb exploded in Quito. The Andean Workers' Party (AWP) claimed responsibility."),
        ["Andean Workers' Party (AWP)"]
    );
    // Two asides in a row before the verb.
    assert_eq!(
        names("The Western Front (WF) (3rd Column), bombed a pylon near Quito."),
        ["Western Front (WF) (3rd Column)"]
    );
    // "blew-up" is an act.
    let out = run(
        &ex,
        "Rebels blew-up a gas pipeline near Quito on Monday.",
        "2004-05-05",
    );
    assert_eq!(out.incidents[0].event_type, "bombing");
}

#[test]
fn claimants_in_lists_statements_and_opening_sentences() {
    let ex = test_extractor();
    let names = |text: &str| first_perpetrators(&ex, text, "2004-05-05");
    // Every name of a list of claimants ("and" inside a single name stays).
    assert_eq!(
        names("Two bombs wrecked a cafe in Quito. The Andean Front, the Red Column and Sol Rojo all claimed responsibility."),
        ["Andean Front", "Red Column", "Sol Rojo"]
    );
    assert_eq!(
        names("A bomb wrecked a cafe in Quito. The Fatherland and Freedom Front claimed responsibility."),
        ["Fatherland and Freedom Front"]
    );
    // The one who issued the statement that claims it.
    assert_eq!(
        names("A judge was shot in Quito. The Andean Front issued a communique claiming responsibility for the attack."),
        ["Andean Front"]
    );
    // "presumed responsible".
    assert_eq!(
        names("A mayor was kidnapped near Quito. The Andean Front is presumed responsible for the abduction."),
        ["Andean Front"]
    );
    // The subject of a word of violence in the sentence that opens the incident.
    assert!(names(
        "The Andean Front attacked a family in Quito on Monday. The attackers threw a bomb at the house, killing a child."
    )
    .contains(&"Andean Front".to_string()));
    // "members" after the name.
    assert_eq!(
        names("The district office in Quito was damaged when Andean Front members set fire to it."),
        ["Andean Front members"]
    );
}

#[test]
fn callers_credits_blame_and_wings_name_the_group() {
    let ex = test_extractor();
    let names = |text: &str| first_perpetrators(&ex, text, "2004-05-05");
    assert_eq!(
        names("A car bomb exploded outside a court in Vigo. A caller speaking on behalf of the Galician Resistance warned of the device."),
        ["Galician Resistance"]
    );
    assert_eq!(
        names("Two bombs exploded at banks in Vigo. Authorities are blaming the attacks on the Galician Resistance."),
        ["Galician Resistance"]
    );
    assert_eq!(
        names("The Galician Resistance, a separatist group, was credited with four firebombings of shops in Vigo."),
        ["Galician Resistance"]
    );
    assert_eq!(
        names("The Galician Resistance (GR)-Old Guard, claimed responsibility for a bomb attack on a tax office in Vigo."),
        ["Galician Resistance (GR)-Old Guard"]
    );
    assert_eq!(
        names("A hit team of the Galician Resistance shot a judge in Vigo."),
        ["Galician Resistance"]
    );
    // A date alone names no one.
    let got = names(
        "A bomb exploded at a bank in Vigo. On 8 December, the Galician Resistance claimed it.",
    );
    assert!(!got.iter().any(|n| n.contains("December")), "{got:?}");
}

#[test]
fn cues_that_name_no_perpetrator() {
    let ex = test_extractor();
    let names = |text: &str| first_perpetrators(&ex, text, "2004-05-05");
    // A text opening on a quote mark (once a crash).
    assert_eq!(
        names("'Rebels fired rockets at us,' the mayor of Saraqib said."),
        ["Rebels"]
    );
    // A place set off before the claimant is no claimant.
    assert_eq!(
        names("In Saraqib, the Andean Front claimed responsibility for the rocket attack."),
        ["Andean Front"]
    );
    // "no doubt" negates no actor; "no person or group" does.
    assert_eq!(
        names("Police have no doubt the Andean Front was responsible for the bombing in Quito."),
        ["Andean Front"]
    );
    assert!(
        names("A bomb exploded in Quito. No person or group has claimed responsibility.")
            .is_empty()
    );
    // "US" is a country, not the pronoun.
    assert_eq!(
        names("The US was blamed for the air strike that killed 12 civilians in Saraqib."),
        ["US"]
    );
    // Visitors, spokesmen and passers-by after an attack did not do it.
    assert!(names("A team of United Nations inspectors visited the site of the bombing that killed four people in Quito.").is_empty());
    assert!(
        names("The Red Cross left after the bombing, which killed four people in Quito.")
            .is_empty()
    );
    assert!(names(
        "A car bomb exploded by the Parliament building in Quito, killing three people."
    )
    .is_empty());
}

#[test]
fn parts_of_the_toll_and_more_of_another_kind() {
    let ex = test_extractor();
    // "ten more wounded" after the dead is ten, not ten on top of someone; "two of the dead",
    // "six of the injured" are parts of the tolls, not the tolls.
    let out = run(
        &ex,
        "Three villagers were killed and eight more wounded when gunmen fired on a wedding in \
         Saraqib. Two of the dead and five of the injured were children.",
        "2016-05-04",
    );
    let inc = &out.incidents[0];
    assert_eq!(
        (inc.killed.low, inc.killed.high),
        (Some(3), Some(3)),
        "{inc:?}"
    );
    assert_eq!(
        (inc.injured.low, inc.injured.high),
        (Some(8), Some(8)),
        "{inc:?}"
    );
    // Only a part told: at least that many.
    let out = run(
        &ex,
        "Seven farmers were abducted near Saraqib. The next day four of the bodies were found \
         in a ditch.",
        "2016-05-04",
    );
    let inc = &out.incidents[0];
    assert_eq!(
        (inc.killed.low, inc.killed.high),
        (Some(4), None),
        "{inc:?}"
    );
}

#[test]
fn a_name_before_a_business_noun_is_a_company_not_a_place() {
    // (The real gazetteer, which reads "Amena" loosely as Amman.)
    let ex = real_extractor();
    let out = run(
        &ex,
        "A bomb exploded at a relay station of the Amena mobile phone company on Monday.",
        "2001-05-04",
    );
    let inc = &out.incidents[0];
    assert!(
        inc.location.as_ref().is_none_or(|l| l.mention != "Amena"),
        "{:?}",
        inc.location
    );
    // A place named as where it happened stays.
    let out = run(
        &ex,
        "A bomb exploded at a relay station of the Amena company in Bilbao on Monday.",
        "2001-05-04",
    );
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_eq!(loc.country_code.as_deref(), Some("ES"), "{loc:?}");
}

#[test]
fn one_victim_told_after_a_larger_toll_is_one_of_them() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "A small bomb went off in a church in Saraqib during prayers, injuring four people. \
         The device had been hidden in a lamp and badly injured a young girl.",
        "2016-05-04",
    );
    let inc = &out.incidents[0];
    assert_eq!(
        (inc.injured.low, inc.injured.high),
        (Some(4), Some(4)),
        "{inc:?}"
    );
    // Two larger tolls that differ still leave the count open.
    let out = run(
        &ex,
        "A bomb went off in a market in Saraqib, killing five people. Hospital staff said \
         eight people were killed.",
        "2016-05-04",
    );
    assert_eq!(out.incidents[0].killed.low, None, "{:?}", out.incidents[0]);
}

#[test]
fn names_after_an_occupation_or_a_title_are_people_not_places() {
    let ex = real_extractor();
    let text = "SAN SALVADOR, 13 NOV 89 -- A BOMB DESTROYED THE CAR OF TELEVISION NEWSMAN \
                EPIGMENIO IBARRA TODAY.  IBARRA WAS NOT HURT.";
    let out = run(&ex, text, "1989-11-13");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_ne!(loc.mention, "IBARRA", "{loc:?}");
    assert_eq!(loc.country_code.as_deref(), Some("SV"), "{loc:?}");
    let text = "BOGOTA, 7 SEP 89 -- HOODED MEN SET A U.S. FLAG ON FIRE AT THE NATIONAL \
                UNIVERSITY TO PROTEST MEASURES ADOPTED BY U.S. PRESIDENT GEORGE BUSH.";
    let out = run(&ex, text, "1989-09-07");
    let loc = out.incidents[0].location.as_ref().expect("a location");
    assert_ne!(loc.mention, "GEORGE", "{loc:?}");
}

#[test]
fn warnings_blame_and_joint_claims_name_their_groups() {
    let ex = test_extractor();
    let names = |text: &str| first_perpetrators(&ex, text, "2004-05-05");
    assert_eq!(
        names("A bomb was found outside a hotel in Vigo and safely detonated. The Galician Resistance called in a warning."),
        ["Galician Resistance"]
    );
    assert_eq!(
        names("A pipe bomb damaged a house in Vigo. This attack and others like it are being blamed on the Galician Resistance."),
        ["Galician Resistance"]
    );
    assert_eq!(
        names("Two bombs exploded in Vigo. A caller said that the Galician Resistance carried out the bombings."),
        ["Galician Resistance"]
    );
    assert_eq!(
        names("The Galician Resistance claimed firing two rockets at a barracks in Vigo."),
        ["Galician Resistance"]
    );
    // A capitalised word the lexicon also lists among auxiliaries is part of a name.
    assert_eq!(
        names(
            "A bomb exploded in Vigo. The Armed Galician Left (AGL) was responsible for the blast."
        ),
        ["Armed Galician Left (AGL)"]
    );
    // Two groups claiming jointly are two names.
    assert_eq!(
        names("A bomb was defused in Vigo. The 1 May Organization and ELA claimed joint responsibility."),
        ["1 May Organization", "ELA"]
    );
    // ... also when the second has an appositive.
    let got = names(
        "The Vigo Brigade and the Sol Column, the armed wing of the Galician Workers Union, \
         claimed joint responsibility for two rockets fired at a barracks in Vigo.",
    );
    assert!(got.contains(&"Vigo Brigade".to_string()), "{got:?}");
    assert!(got.contains(&"Sol Column".to_string()), "{got:?}");
    // "has been blamed".
    assert_eq!(
        names("Gunmen fired at a farm near Vigo. The Galician Resistance has been blamed for the attack."),
        ["Galician Resistance", "Gunmen"]
    ); // An act attributed to a group named after "to", and a bomb set off by one.
    assert_eq!(
        names("Authorities attribute a dynamite attack on the pipeline near Vigo to the Galician Resistance."),
        ["Galician Resistance"]
    );
    assert_eq!(
        names("The Galician Resistance set off a bomb at a bank in Vigo."),
        ["Galician Resistance"]
    );
    // Something else attributed to something is no perpetrator.
    assert!(
        names("A bomb exploded in Vigo. Police attributed the delay to Heavy Rain.").is_empty()
    );
}

#[test]
fn the_attackers_dead_are_the_same_incident_s() {
    let ex = test_extractor();
    let out = run(
        &ex,
        "Two gunmen stormed a farm near Saraqib on Monday and killed three farmers. Both gunmen \
         were killed in the fire fight that followed with soldiers.",
        "2016-05-04",
    );
    assert_eq!(out.incidents.len(), 1, "{:?}", out.incidents);
    assert_eq!(
        out.incidents[0].killed.low,
        Some(5),
        "{:?}",
        out.incidents[0]
    );
}
