//! Behaviour of the gazetteer on sentences written for these tests, one rule at a time.

use attest_geo::{
    acled_geo_precision, attach_aliases, embedded, parse_alternate_names, parse_geonames,
    primary_place, primary_place_in, same_name, ucdp_where_prec, Gazetteer, PlaceMention,
    Precision, UserPlace,
};

/// The mention written exactly `written`.
fn find<'a>(found: &'a [PlaceMention], written: &str) -> &'a PlaceMention {
    found
        .iter()
        .find(|m| m.mention == written)
        .unwrap_or_else(|| panic!("no mention {written:?} in {found:#?}"))
}

fn locate(text: &str) -> Vec<PlaceMention> {
    let found = embedded().locate(text);
    for m in &found {
        assert_eq!(
            &text[m.start..m.end],
            m.mention,
            "offsets must cut the mention"
        );
    }
    found
}

/// The geonameid each spelling resolves to, in a text about `country`.
fn ids(country: &str, spellings: &[&str]) -> Vec<Option<i64>> {
    spellings
        .iter()
        .map(|s| {
            let text = format!("{country} - Shelling was reported in {s} on Monday.");
            let found = locate(&text);
            let m = find(&found, s);
            m.place.geonameid
        })
        .collect()
}

#[test]
fn lower_case_words_glued_by_hyphens_stay_inside_a_name() {
    let found = locate("Two grenades exploded at a petrol station in Port-au-Prince on Friday.");
    let m = find(&found, "Port-au-Prince");
    assert_eq!(m.place.country_code, "HT");
    let found = locate("A car burned outside a bank in Aix-en-Provence overnight.");
    assert_eq!(find(&found, "Aix-en-Provence").place.country_code, "FR");
}

#[test]
fn an_unknown_name_ends_before_a_capitalised_settlement_word() {
    let found =
        locate("The cleric was found shot dead in the Zorbagha Village area of South Waziristan.");
    let m = find(&found, "Zorbagha");
    assert_eq!(m.place.country_code, "PK");
    assert_eq!(find(&found, "South Waziristan").place.country_code, "PK");
}

#[test]
fn a_country_has_its_capital() {
    let g = embedded();
    assert_eq!(
        g.capital("NP").map(|p| p.name),
        Some("Kathmandu".to_string())
    );
    assert_eq!(
        g.capital("sv").map(|p| p.name),
        Some("San Salvador".to_string())
    );
    assert!(g.capital("XX").is_none());
}

#[test]
fn a_dotted_country_acronym_before_a_noun_is_no_place_in_upper_case() {
    let found =
        locate("LA PAZ, 5 MAY 89 -- THE KILLING OF TWO U.S. MISSIONARIES WAS CLAIMED BY A GROUP.");
    assert!(found.iter().all(|m| m.mention != "U.S"), "{found:#?}");
    assert_eq!(find(&found, "LA PAZ").place.country_code, "BO");
    // At a sentence's end it is still the country.
    let found = locate("THE GROUP HAS CELLS IN THE U.S. THE POLICE SAID SO.");
    assert_eq!(find(&found, "U.S").place.country_code, "US");
}

#[test]
fn spellings_differing_in_case_and_accents_are_one_name() {
    assert!(same_name("San Sebastián", "SAN SEBASTIAN"));
    assert!(same_name("Ma'arrat al-Nu'man", "Maarrat al Numan"));
    assert!(!same_name("San Sebastián", "Donostia"));
    assert!(!same_name("", ""));
}

#[test]
fn syrian_spellings_meet() {
    let got = ids(
        "SYRIA",
        &["Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr", "Deir Ezzor"],
    );
    assert!(got[0].is_some());
    assert!(got.iter().all(|g| *g == got[0]), "{got:?}");
    let aleppo = ids("SYRIA", &["Aleppo", "Halab", "ALEPPO"]);
    assert!(
        aleppo.iter().all(|g| *g == aleppo[0] && g.is_some()),
        "{aleppo:?}"
    );
}

#[test]
fn iraqi_yemeni_and_ukrainian_spellings_meet() {
    let fallujah = ids("IRAQ", &["Fallujah", "Falluja", "al-Fallujah"]);
    assert!(
        fallujah.iter().all(|g| *g == fallujah[0] && g.is_some()),
        "{fallujah:?}"
    );
    let hodeidah = ids("YEMEN", &["Hodeidah", "Al Hudaydah", "Hudaydah"]);
    assert!(
        hodeidah.iter().all(|g| *g == hodeidah[0] && g.is_some()),
        "{hodeidah:?}"
    );
    let kharkiv = ids("UKRAINE", &["Kharkiv", "Kharkov", "KHARKIV"]);
    assert!(
        kharkiv.iter().all(|g| *g == kharkiv[0] && g.is_some()),
        "{kharkiv:?}"
    );
    let found = locate("A car bomb exploded in Mosul, police said.");
    let mosul = find(&found, "Mosul");
    assert_eq!(mosul.place.country_code, "IQ");
    assert_eq!(mosul.place.precision, Precision::Town);
    assert!(mosul.confidence > 0.8, "{mosul:?}");
}

#[test]
fn arabic_script_and_possessives() {
    let found = locate("قصف على حلب");
    let m = find(&found, "حلب");
    assert_eq!(m.place.country_code, "SY");
    assert_eq!(m.place.name, "Aleppo");
    let found = locate("Shells fell on Aleppo's old city and on Idlib’s market.");
    assert_eq!(find(&found, "Aleppo").place.name, "Aleppo");
    assert_eq!(find(&found, "Idlib").place.country_code, "SY");
}

#[test]
fn damascus_in_a_syrian_report_is_never_maryland() {
    let found = locate("Syrian state media said rockets hit Damascus overnight.");
    assert_eq!(find(&found, "Damascus").place.country_code, "SY");
    let found = locate("SYRIA. Government aircraft bombed the suburbs of Damascus.");
    assert_eq!(find(&found, "Damascus").place.country_code, "SY");
    // But written with its state, the Maryland town is meant.
    let found = locate("The fire company of Damascus, Maryland, held a parade.");
    assert_eq!(find(&found, "Damascus").place.country_code, "US");
}

#[test]
fn tripoli_follows_the_context() {
    let found = locate("The Lebanese army deployed in Tripoli after clashes in Bab al-Tabbaneh.");
    assert_eq!(find(&found, "Tripoli").place.country_code, "LB");
    let found = locate("Libyan militias fought near the airport of Tripoli.");
    assert_eq!(find(&found, "Tripoli").place.country_code, "LY");
    // Without context the namesake stays as an alternative, with less confidence.
    let found = locate("Fighting was reported in Tripoli.");
    let t = find(&found, "Tripoli");
    assert!(t
        .alternatives
        .iter()
        .any(|p| p.name == "Tripoli" && p.country_code != t.place.country_code));
    assert!(t.confidence < 0.9, "{t:?}");
}

#[test]
fn upper_case_wire_text() {
    let found = locate(
        "GUERRILLAS ATTACKED A POWER STATION IN SAN SALVADOR, EL SALVADOR, ALONG THE HIGHWAY.",
    );
    let ss = find(&found, "SAN SALVADOR");
    assert_eq!(
        (ss.place.country_code.as_str(), ss.place.precision),
        ("SV", Precision::Town)
    );
    let es = find(&found, "EL SALVADOR");
    assert_eq!(es.place.precision, Precision::Country);
    assert!(!found
        .iter()
        .any(|m| m.mention == "ALONG" || m.mention == "IN"));
}

#[test]
fn rand_country_prefixes() {
    let found = locate("IRAQ - A bomb exploded near a market in Mosul.");
    assert_eq!(found[0].mention, "IRAQ");
    assert_eq!(found[0].place.precision, Precision::Country);
    assert_eq!(found[0].place.country_code, "IQ");
    let found = locate("UNITED STATES.  A bomb damaged the consulate in Miami.");
    assert_eq!(found[0].mention, "UNITED STATES");
    assert_eq!(find(&found, "Miami").place.country_code, "US");
    assert_eq!(
        primary_place(&found).map(|m| m.mention.as_str()),
        Some("Miami")
    );
}

#[test]
fn common_words_are_not_places() {
    let found = locate(
        "Of the six men walking along the road, police said one was hit. Nice work, Reading said.",
    );
    assert!(found.is_empty(), "{found:#?}");
    // The town of Hit in a text about Iraq is a place.
    let found = locate("Iraqi police said gunmen attacked a checkpoint in Hit on Sunday.");
    assert_eq!(find(&found, "Hit").place.country_code, "IQ");
}

#[test]
fn a_common_word_after_a_locative_is_a_large_town() {
    // No country named: the town still resolves after "near", "in", "outside".
    let found = locate("Arsonists set fire to a party office near Bologna on Tuesday.");
    let m = find(&found, "Bologna");
    assert_eq!(
        (m.place.country_code.as_str(), m.place.precision),
        ("IT", Precision::Town)
    );
    let found = locate("A parcel bomb was defused outside Reading late on Friday.");
    assert_eq!(find(&found, "Reading").place.country_code, "GB");
    // Not after a locative, nor as a small town, nor in upper-case wire text.
    assert!(locate("Bologna said the talks would go on.").is_empty());
    assert!(locate("The bomb went off in Hit, police said.").is_empty());
    let found = locate("A CAR BOMB EXPLODED NEAR BOLOGNA ON TUESDAY.");
    assert!(!found.iter().any(|m| m.mention == "BOLOGNA"), "{found:#?}");
}

#[test]
fn second_level_divisions() {
    // Named as a division, a district is one, with its country and admin-1.
    let found = locate("Militants ambushed a convoy in the Karbi Anglong district on Monday.");
    let m = find(&found, "Karbi Anglong");
    assert_eq!(
        (m.place.country_code.as_str(), m.place.precision),
        ("IN", Precision::Admin1)
    );
    assert_eq!(m.place.admin1.as_deref(), Some("Assam"));
    let found = locate("Two soldiers died in a blast in Bajaur Agency.");
    let m = find(&found, "Bajaur Agency");
    assert_eq!(
        (m.place.country_code.as_str(), m.place.precision),
        ("PK", Precision::Admin1)
    );
    // A town inside a division: the division picks the town's country.
    let found = locate("Gunmen killed a tribal elder in Tank, South Waziristan.");
    assert_eq!(find(&found, "Tank").place.country_code, "PK");
    assert_eq!(find(&found, "South Waziristan").place.country_code, "PK");
    // An unknown village inside a division takes the division's place.
    let found = locate("Rebels burned houses in Dolmara in Karbi Anglong.");
    assert_eq!(find(&found, "Dolmara").place.country_code, "IN");
    // The county of a Northern Irish report.
    let found = locate("A bomb exploded at a farm in County Tyrone.");
    assert_eq!(find(&found, "County Tyrone").place.country_code, "GB");
    // A division never beats the town of its name that the text calls a town.
    let found = locate("Indian troops entered the town of Anantnag.");
    assert_eq!(find(&found, "Anantnag").place.precision, Precision::Town);
    let found = locate("A grenade exploded in Anantnag on Friday.");
    assert_eq!(find(&found, "Anantnag").place.precision, Precision::Town);
    // With no sign that a division is meant, its name is someone's.
    let found = locate("Swat said the plan had failed.");
    assert!(!found.iter().any(|m| m.mention == "Swat"), "{found:#?}");
}

#[test]
fn a_famous_town_written_exactly_beats_a_folded_namesake() {
    // The Italian context does not turn Barcelona into Barcellona Pozzo di Gotto.
    let found =
        locate("Italian diplomats said a letter bomb reached their consulate in Barcelona.");
    assert_eq!(find(&found, "Barcelona").place.country_code, "ES");
    // A namesake spelled exactly keeps its context ("Hilla", Iraq's, in an Iraqi report).
    let found = locate("Iraqi police said a car bomb exploded in Hilla.");
    assert_eq!(find(&found, "Hilla").place.country_code, "IQ");
}

#[test]
fn a_name_first_written_inside_a_persons_name_stays_a_name() {
    let found = locate(
        "Rebels freed the councilman Saul Jaraba Del Castillo on Monday. Jaraba walked home alone.",
    );
    assert!(!found.iter().any(|m| m.mention == "Jaraba"), "{found:#?}");
    // Named as a place first, a town stays one when a name contains it later.
    let found = locate(
        "A bomb hit the governor's office in Kermanshah. Kermanshah Chamber of Commerce staff fled.",
    );
    assert_eq!(find(&found, "Kermanshah").place.country_code, "IR");
}

#[test]
fn names_inside_longer_names_are_not_places() {
    let found =
        locate("Gunmen shot George Curtis Moore and a follower of Muqtada al-Sadr in Basra.");
    assert!(
        !found
            .iter()
            .any(|m| m.mention == "George" || m.mention.contains("Sadr")),
        "{found:#?}"
    );
    assert_eq!(find(&found, "Basra").place.country_code, "IQ");
}

#[test]
fn admin1_divisions() {
    let found = locate("Clashes continued in Anbar province and in the Idlib Governorate.");
    let anbar = find(&found, "Anbar province");
    assert_eq!(
        (anbar.place.country_code.as_str(), anbar.place.precision),
        ("IQ", Precision::Admin1)
    );
    let idlib = find(&found, "Idlib Governorate");
    assert_eq!(idlib.place.precision, Precision::Admin1);
    // The city of the same name, written alone, is the town.
    let found = locate("Syrian jets struck Idlib.");
    assert_eq!(find(&found, "Idlib").place.precision, Precision::Town);
}

#[test]
fn countries_and_demonyms_give_context() {
    let g = embedded();
    let text = "Yemeni officials said an air strike hit a school.";
    assert!(locate(text).is_empty(), "demonyms are no mentions");
    assert_eq!(g.countries(text).first().map(|c| c.0.as_str()), Some("YE"));
    let found = locate("Fighting in Yemen: strikes hit Sanaa and Taiz.");
    assert_eq!(find(&found, "Yemen").place.precision, Precision::Country);
    assert_eq!(find(&found, "Sanaa").place.country_code, "YE");
    assert_eq!(find(&found, "Taiz").place.country_code, "YE");
    assert_eq!(g.country_name("SY"), Some("Syria"));
    assert_eq!(g.country_name("ps"), Some("Palestine"));
    assert_eq!(g.country_name("ZZ"), None);
}

#[test]
fn unknown_district_inside_a_known_town_keeps_the_mention() {
    let found = locate("Barrel bombs fell on the Bab Qinnasrin area of Aleppo.");
    let m = find(&found, "Bab Qinnasrin");
    assert_eq!(m.place.name, "Aleppo");
    assert!(m.confidence < 0.7);
    let found = locate("A bomb exploded in the Fatih neighborhood of Istanbul.");
    assert_eq!(
        primary_place(&found).map(|m| m.place.name.as_str()),
        Some("Istanbul")
    );
}

const SY_TXT: &str = "\
170063\tAleppo\tAleppo\tHalab\t36.20124\t37.16117\tP\tPPLA\tSY\t\t09\t\t\t\t2098210\t\t384\tAsia/Damascus\t2024-01-01
9999001\tBab an Nayrab\tBab an Nayrab\tBab al-Nairab,Bab Al Nairab,باب النيرب\t36.1975\t37.1712\tP\tPPLX\tSY\t\t09\t\t\t\t0\t\t390\tAsia/Damascus\t2024-01-01
9999002\tAl Quds Hospital\tAl Quds Hospital\t\t36.2101\t37.1390\tS\tHSP\tSY\t\t09\t\t\t\t0\t\t390\tAsia/Damascus\t2024-01-01
9999003\tNahr Quwayq\tNahr Quwayq\t\t36.2\t37.1\tH\tSTM\tSY\t\t09\t\t\t\t0\t\t390\tAsia/Damascus\t2024-01-01
not-a-number\tBroken\n";

const ALT_TXT: &str = "\
1\t9999001\tar\tباب النيرب\t\t\t\t\t\t
2\t9999001\t\tBab Nairab\t\t\t\t\t\t
3\t9999001\tlink\thttps://example.invalid/x\t\t\t\t\t\t
4\t9999002\ten\tAl-Quds Hospital\t\t\t\t\t\t
";

#[test]
fn geonames_import_then_resolve_a_district() {
    let mut import = parse_geonames(SY_TXT.as_bytes()).expect("reads");
    assert_eq!(import.places.len(), 3);
    assert_eq!(import.skipped, 1, "the stream is no place");
    assert_eq!(import.errors.len(), 1);
    assert_eq!(import.errors[0].line, 5);
    let district = &import.places[1];
    assert_eq!(district.precision, Precision::District);
    assert_eq!(district.admin1.as_deref(), Some("Aleppo"));
    assert_eq!(import.places[2].precision, Precision::Site);

    let alts = parse_alternate_names(ALT_TXT.as_bytes(), None).expect("reads");
    attach_aliases(&mut import.places, &alts);
    assert!(import.places[1].aliases.iter().any(|a| a == "Bab Nairab"));
    assert!(!import.places[1]
        .aliases
        .iter()
        .any(|a| a.starts_with("https")));

    let g = embedded().with_user_places(import.places);
    for spelling in [
        "Bab al-Nairab",
        "Bab an-Nayrab",
        "Bab Al Nairab",
        "BAB AN NAYRAB",
        "باب النيرب",
    ] {
        let text = format!("Barrel bombs fell on the {spelling} area of Aleppo on Tuesday.");
        let found = g.locate(&text);
        let m = find(&found, spelling);
        assert_eq!(m.place.precision, Precision::District, "{spelling}");
        assert_eq!(m.place.geonameid, Some(9_999_001), "{spelling}");
    }
    let found = g.locate("An air strike hit Al-Quds Hospital in Aleppo.");
    assert_eq!(
        find(&found, "Al-Quds Hospital").place.precision,
        Precision::Site
    );
}

#[test]
fn user_places_added_by_hand() {
    let camp = UserPlace {
        name: "Atmeh Camp".into(),
        aliases: vec!["Atma camp".into()],
        lat: 36.31,
        lon: 36.65,
        precision: Precision::Site,
        country_code: "sy".into(),
        admin1: Some("Idlib".into()),
        geonameid: None,
        population: 0,
    };
    let g = embedded().with_user_places(vec![camp]);
    assert_eq!(g.user_places(), 1);
    let found = g.locate("Shelling hit the Atma camp near the Turkish border.");
    let m = find(&found, "Atma camp");
    assert_eq!(
        (m.place.country_code.as_str(), m.place.precision),
        ("SY", Precision::Site)
    );
}

#[test]
fn precision_codes_in_one_place() {
    assert_eq!(acled_geo_precision(Precision::District), 1);
    assert_eq!(acled_geo_precision(Precision::Country), 3);
    assert_eq!(ucdp_where_prec(Precision::Town), 1);
    assert_eq!(ucdp_where_prec(Precision::Admin1), 4);
}

#[test]
fn lookup_ranks_a_single_name() {
    let got = embedded().lookup("Damascus");
    assert!(got.len() >= 2);
    assert_eq!(got[0].0.country_code, "SY");
    assert!(got[0].1 > got[1].1);
}

#[test]
fn the_place_a_report_is_about() {
    let text = "A bus bound for Mosul was attacked by gunmen in Tikrit.";
    let found = locate(text);
    assert_eq!(
        primary_place(&found).map(|m| m.mention.as_str()),
        Some("Mosul")
    );
    // Read with its text, the destination gives way to where it happened.
    assert_eq!(
        primary_place_in(text, &found).map(|m| m.mention.as_str()),
        Some("Tikrit")
    );
    // A district named before its town yields the town.
    let text = "A bomb exploded at Orly Airport near Paris.";
    let found = locate(text);
    assert_eq!(
        primary_place_in(text, &found).map(|m| m.place.name.as_str()),
        Some("Paris")
    );
}

#[test]
fn odd_input_is_harmless() {
    let long = "Baghdad ".repeat(2000);
    let odd = [
        "",
        " ",
        "'s",
        "al-",
        "Al-",
        "---",
        "the village of",
        "in the",
        "A.B.C.D.",
        "U.S.",
        "🙂 Aleppo 🙂",
        "\u{0301}\u{0301}Idlib",
        "حلب، إدلب، دير الزور",
        "ALEPPO'S",
        "Aleppo’",
        "in Bab al-",
        "the Bab al-Nairab area of",
        long.as_str(),
    ];
    for text in odd {
        for m in embedded().locate(text) {
            assert!(m.start < m.end && m.end <= text.len());
            assert!((0.0..=1.0).contains(&m.confidence));
        }
        let _ = primary_place_in(text, &embedded().locate(text));
        let _ = embedded().countries(text);
    }
}

#[test]
fn a_small_foreign_namesake_is_an_unknown_local_place() {
    // The only Sumar of the gazetteer is a Dutch village; the text is about Iraq.
    let found =
        locate("Gunmen shot two policemen in Sumar. Attacks on police are frequent in Iraq.");
    let sumar = find(&found, "Sumar");
    assert_eq!(sumar.place.country_code, "IQ");
    assert!(sumar.confidence < 0.5);
    assert_eq!(
        primary_place(&found).map(|m| m.mention.as_str()),
        Some("Sumar")
    );
}

#[test]
fn a_town_opening_a_facility_name_is_where_the_facility_is() {
    // The town first, then other capitalised words, then a facility word.
    let found =
        locate("GERMANY. A bottle of petrol was thrown at the Munich Lenbach Exhibition Hall.");
    assert_eq!(find(&found, "Munich").place.country_code, "DE");
    let found = locate("A parcel was found at the Odessa Customs office on Friday.");
    assert_eq!(find(&found, "Odessa").place.country_code, "UA");
    // A first name that is also a large town is no place.
    let found = locate("A delegation met George Palmer Hughes on Tuesday.");
    assert!(!found.iter().any(|m| m.mention == "George"), "{found:#?}");
}

#[test]
fn a_place_the_text_calls_a_town_is_not_folded_into_its_neighbour() {
    let text = "Jets struck the town of Ariha in Idlib overnight, activists said.";
    let found = locate(text);
    assert_eq!(
        primary_place_in(text, &found).map(|m| m.mention.as_str()),
        Some("Ariha")
    );
    let text = "Shells fell on Saraqib village in Idlib.";
    let found = locate(text);
    assert_eq!(
        primary_place_in(text, &found).map(|m| m.mention.as_str()),
        Some("Saraqib")
    );
}

#[test]
fn towns_everywhere_have_their_population_and_current_name() {
    // Population decides between namesakes outside the conflict countries too.
    let found = locate("Protesters marched through Valencia and Seville on Sunday.");
    assert_eq!(find(&found, "Valencia").place.country_code, "ES");
    assert!(find(&found, "Seville").place.population > 100_000);
    // An older spelling still finds the town, which carries its GeoNames name and id.
    let found = locate("SWEDEN. Windows were broken at a consulate in Malmoe.");
    let m = find(&found, "Malmoe");
    assert_eq!(m.place.name, "Malmö");
    assert!(m.place.geonameid.is_some());
}

#[test]
fn a_state_outweighs_a_small_town_of_its_name() {
    let found = locate("Flooding closed roads across Maryland and Virginia on Monday.");
    assert_eq!(find(&found, "Maryland").place.country_code, "US");
    assert_eq!(find(&found, "Maryland").place.precision, Precision::Admin1);
}

#[test]
fn facility_names_with_a_possessive_and_exonyms_of_renamed_towns() {
    let found = locate("An explosion damaged the Ancona Magistrate's Court overnight.");
    assert_eq!(find(&found, "Ancona").place.country_code, "IT");
    // The English name of a town the sources spell otherwise.
    let found = locate("GERMANY. A shop window was smashed in Cologne.");
    let m = find(&found, "Cologne");
    assert_eq!(
        (m.place.country_code.as_str(), m.place.name.as_str()),
        ("DE", "Köln")
    );
}

#[test]
fn an_unknown_suburb_of_a_known_town() {
    let text = "Masked men burned a car in the Mosul suburb of Zarwana on Friday.";
    let found = locate(text);
    let m = find(&found, "Zarwana");
    assert_eq!(m.place.name, "Mosul");
    assert!(m.confidence < 0.6);
    assert_eq!(
        primary_place_in(text, &found).map(|m| m.mention.as_str()),
        Some("Zarwana")
    );
}

#[test]
fn a_named_province_gives_its_country_as_context() {
    // "Silvan" is also an English word: it needs its country named, which the province does.
    let found = locate("A bridge near Silvan in Diyarbakir Province was blown up on Sunday.");
    assert_eq!(find(&found, "Silvan").place.country_code, "TR");
}

#[test]
fn a_town_across_the_border_of_the_dateline_country() {
    // The dateline names a country, the text only a town just across its border: the town
    // says where.
    let text = "ISRAEL. Police closed the square of Bethlehem after a bomb threat on Sunday.";
    let found = locate(text);
    assert_eq!(
        primary_place_in(text, &found).map(|m| m.mention.as_str()),
        Some("Bethlehem")
    );
}

#[test]
fn a_small_town_next_to_a_named_one_across_a_border_is_a_place() {
    // Jenin is in no country the text names, but lies 15 km from Afula.
    let found = locate("A man from Afula was shot dead in Jenin, an Israeli official said.");
    assert_eq!(find(&found, "Jenin").place.country_code, "PS");
    assert!(find(&found, "Jenin").place.geonameid.is_some());
}

#[test]
fn an_unknown_settlement_named_first_is_where() {
    // The gazetteer does not know the settlement; the text calls it one before naming a town.
    let text =
        "Palestinian gunmen fired at the Kfar Zohar settlement. Hamas in Gaza claimed the attack.";
    let found = locate(text);
    assert_eq!(
        primary_place_in(text, &found).map(|m| m.mention.as_str()),
        Some("Kfar Zohar")
    );
}

#[test]
fn a_town_near_a_city_is_not_part_of_it() {
    let text = "A bomb damaged a bank in Getxo, near Bilbao, on Tuesday.";
    let found = locate(text);
    assert_eq!(
        primary_place_in(text, &found).map(|m| m.mention.as_str()),
        Some("Getxo")
    );
}

#[test]
fn a_town_across_the_border_of_a_small_named_country_is_a_place() {
    // Only a demonym names a country (Israel); the settlement lies in the West Bank, well
    // within reach of Israel's middle: it is that settlement, not a stray namesake.
    let found = locate("Stones were thrown at an Israeli bus outside Ma'ale Efrayim last night.");
    assert_eq!(find(&found, "Ma'ale Efrayim").place.country_code, "PS");
    // Far from every named country, a small namesake is still read as a local place.
    let found =
        locate("Gunmen shot two guards in Sumar. Attacks on guards are frequent in Israel.");
    assert_eq!(find(&found, "Sumar").place.country_code, "IL");
}

#[test]
fn settlements_of_the_west_bank_and_gaza_are_in_the_palestinian_territories() {
    // Settlements GeoNames files under Israel, and evacuated Gaza settlements the sources lack.
    for (text, name) in [
        (
            "Shots were fired at a car near Ariel in the West Bank.",
            "Ariel",
        ),
        (
            "A mortar round landed in Neve Dekalim at noon.",
            "Neve Dekalim",
        ),
        (
            "Two rockets hit a greenhouse in the Qatif Bloc.",
            "Qatif Bloc",
        ),
        ("A roadside bomb was found near Kiryat Arba.", "Kiryat Arba"),
    ] {
        let found = locate(text);
        assert_eq!(find(&found, name).place.country_code, "PS", "{text}");
    }
    // Israeli towns next to the Gaza Strip stay in Israel.
    let found = locate("A rocket fell in a field near Nahal Oz.");
    assert_eq!(find(&found, "Nahal Oz").place.country_code, "IL");
}

#[test]
fn iraqi_towns_the_sources_lack_or_spell_otherwise() {
    for (text, name) in [
        (
            "A bomb went off at a market in Latifiya on Friday.",
            "Latifiya",
        ),
        ("Gunmen killed a shopkeeper in Jalawla.", "Jalawla"),
        ("Police defused a bomb in Balad Ruz.", "Balad Ruz"),
        ("Mortars hit a school in Shirqat.", "Shirqat"),
        (
            "An Iraqi patrol was ambushed near Iskandariyah.",
            "Iskandariyah",
        ),
    ] {
        let found = locate(text);
        assert_eq!(find(&found, name).place.country_code, "IQ", "{text}");
    }
}

#[test]
fn districts_of_cities_are_found_and_name_their_town() {
    for (text, written, town) in [
        (
            "A car bomb exploded in a market in Adhamiyah on Sunday.",
            "Adhamiyah",
            "Baghdad",
        ),
        (
            "Barrel bombs fell on the Bab an-Nayrab area overnight.",
            "Bab an-Nayrab",
            "Aleppo",
        ),
        (
            "SHELLING HIT HOMES IN SHEJAIYA AND ZEITOUN.",
            "SHEJAIYA",
            "Gaza",
        ),
    ] {
        let found = locate(text);
        let m = find(&found, written);
        assert_eq!(m.place.precision, Precision::District, "{text}");
        assert_eq!(m.place.within.as_deref(), Some(town), "{text}");
    }
}

#[test]
fn a_district_namesake_far_from_the_town_named_is_dropped() {
    // Baghdad's Mansour is not the mosque of that name in a report about Kirkuk...
    let found = locate("A bomb went off in Kirkuk near the Al-Mansour mosque.");
    assert!(found.iter().all(|m| m.place.within.is_none()), "{found:#?}");
    // ...but it is when the report names Baghdad, or no other town.
    let found = locate("Gunmen attacked a shop in Al-Mansour, in western Baghdad.");
    assert_eq!(
        find(&found, "Al-Mansour").place.within.as_deref(),
        Some("Baghdad")
    );
}

#[test]
fn a_known_name_said_to_be_inside_a_distant_town_is_that_towns_district() {
    // Kyiv has a Dniprovskyi district; so has Kherson, which the gazetteer does not list.
    let found = locate("A drone hit a bus in the Dniprovskyi district of Kherson on Thursday.");
    let m = find(&found, "Dniprovskyi district");
    assert_eq!(m.place.name, "Kherson", "{found:#?}");
}

#[test]
fn demonyms_alone_do_not_move_a_sizeable_town_abroad() {
    // "Turkish" and "US" say who the victims were, not where: Tikrit is Iraq's.
    let found = locate("A Turkish driver working for US forces was shot dead in Tikrit.");
    assert_eq!(find(&found, "Tikrit").place.country_code, "IQ");
    // A small foreign namesake still yields to a country the text names.
    let found =
        locate("Gunmen shot two policemen in Sumar. Attacks on police are frequent in Iraq.");
    assert_eq!(find(&found, "Sumar").place.country_code, "IQ");
}

#[test]
fn an_english_exonym_outranks_a_smaller_namesake_of_that_local_name() {
    // GeoNames files Spain's city as "Donostia / San Sebastián", with "San Sebastian" only an
    // alias; Puerto Rico's San Sebastián is a town of ten thousand.
    let found = locate("Youths set a bus on fire in San Sebastian on Saturday night.");
    assert_eq!(find(&found, "San Sebastian").place.country_code, "ES");
    let found = locate("A parcel bomb was defused at a tax office in Vitoria.");
    assert_eq!(find(&found, "Vitoria").place.country_code, "ES");
    // A named country still wins over the exonym's city.
    let found = locate("A bank was robbed in San Sebastian, Puerto Rico.");
    assert_eq!(find(&found, "San Sebastian").place.country_code, "PR");
}

#[test]
fn a_country_lies_inside_no_other_place() {
    // "X from Y" can place a town inside Y ("a village 5 km from Y"), never a country.
    let found = locate("Rockets were fired into Israel from Lebanon on Sunday.");
    assert_eq!(find(&found, "Israel").place.country_code, "IL");
    assert_eq!(find(&found, "Lebanon").place.country_code, "LB");
}

#[test]
fn a_demonym_said_of_a_place_names_its_country() {
    // "the Iraqi town of X" places X in Iraq as surely as "X, Iraq".
    let found = locate("Gunmen killed two guards in the Iraqi town of Sumar on Friday.");
    assert_eq!(find(&found, "Sumar").place.country_code, "IQ");
}

#[test]
fn kashmir_towns_by_their_english_spelling() {
    // GeoNames has "Rajaori" and "Bāramūla"; English news writes "Rajouri", "Baramulla".
    let found = locate("Militants fired on a police post in Rajouri and in Baramulla.");
    assert_eq!(find(&found, "Rajouri").place.country_code, "IN");
    assert_eq!(find(&found, "Baramulla").place.country_code, "IN");
}

#[test]
fn a_large_town_said_to_lie_in_a_name_picks_its_reading() {
    // "Atlanta, Georgia": the American state, not the country of that name.
    let found = locate("A parcel bomb went off at a clinic in Atlanta, Georgia, on Friday.");
    let town = find(&found, "Atlanta");
    assert_eq!(town.place.country_code, "US");
    assert_eq!(town.place.name, "Atlanta");
    assert_eq!(find(&found, "Georgia").place.country_code, "US");
    // The country keeps its reading when the town named lies in it.
    let found = locate("A parcel bomb went off at a clinic in Tbilisi, Georgia, on Friday.");
    assert_eq!(find(&found, "Georgia").place.country_code, "GE");
}
