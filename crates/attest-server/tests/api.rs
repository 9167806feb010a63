//! The API against a store seeded with the fixture reports, through `router(..).oneshot(..)`.

mod common;

use attest_server::{Options, DEFAULT_MAX_BODY};
use axum::http::{header, Method, StatusCode};
use common::{Api, FIXTURES};
use serde_json::{json, Value};

fn codes(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["code"].as_str().expect("code").to_string())
        .collect()
}

const UA: &str = "UA-2022-03-05-001";
const IDLIB: &str = "SY-2019-06-02-001";
const MOSUL: &str = "IQ-2017-02-10-001";
const ALEPPO: &str = "SY-2016-04-27-001";

#[tokio::test]
async fn incidents_list_newest_first_and_filter() {
    let api = Api::new(Options::default());
    let all = api.get("/api/v1/incidents").await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(codes(&all.json()), vec![UA, IDLIB, MOSUL, ALEPPO]);
    assert!(all.json()["next_cursor"].is_null());
    let item = &all.json()["items"][3];
    assert_eq!(item["event_type"], "air_strike");
    assert_eq!(item["location"]["country_code"], "SY");

    let cases = [
        ("country=sy", vec![IDLIB, ALEPPO]),
        ("event_type=air_strike", vec![ALEPPO]),
        ("grade=corroborated", vec![ALEPPO]),
        ("from=2017-01-01", vec![UA, IDLIB, MOSUL]),
        ("from=2016-01-01&to=2017-12-31", vec![MOSUL, ALEPPO]),
        ("target=hospital", vec![ALEPPO]),
        ("q=mosul", vec![MOSUL]),
        // Syria's box holds Aleppo and Idlib, not Mosul (east of it) or Kharkiv.
        ("bbox=35.5,32,42,37.5", vec![IDLIB, ALEPPO]),
        ("bbox=35.5,32,42,37.5&event_type=air_strike", vec![ALEPPO]),
        ("country=FR", vec![]),
    ];
    for (query, want) in cases {
        let r = api.get(&format!("/api/v1/incidents?{query}")).await;
        assert_eq!(r.status, StatusCode::OK, "{query}");
        assert_eq!(codes(&r.json()), want, "{query}");
    }
}

#[tokio::test]
async fn bad_filters_are_400_in_the_error_format() {
    let api = Api::new(Options::default());
    for query in [
        "bbox=1,2,3",
        "bbox=0,50,10,40",
        "from=April",
        "limit=0",
        "limit=501",
        "sort=name",
        "cursor=nonsense",
        "limit=many",
    ] {
        let r = api.get(&format!("/api/v1/incidents?{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        let body = r.json();
        assert_eq!(body["error"]["status"], 400, "{query}");
        assert!(body["error"]["message"].as_str().unwrap().len() > 5);
    }
}

#[tokio::test]
async fn cursor_pagination_walks_every_incident_once_both_ways() {
    let api = Api::new(Options::default());
    for (sort, want) in [
        ("date_desc", vec![UA, IDLIB, MOSUL, ALEPPO]),
        ("date_asc", vec![ALEPPO, MOSUL, IDLIB, UA]),
    ] {
        let mut seen = Vec::new();
        let mut uri = format!("/api/v1/incidents?limit=1&sort={sort}");
        let mut pages = 0;
        loop {
            let page = api.get(&uri).await.json();
            pages += 1;
            seen.extend(codes(&page));
            match page["next_cursor"].as_str() {
                Some(c) => uri = format!("/api/v1/incidents?limit=1&sort={sort}&cursor={c}"),
                None => break,
            }
            assert!(pages < 10, "pagination does not end");
        }
        assert_eq!(seen, want, "{sort}");
        assert_eq!(pages, 4);
    }
    // Pages keep the filters.
    let first = api.get("/api/v1/incidents?country=SY&limit=1").await.json();
    assert_eq!(codes(&first), vec![IDLIB]);
    let cursor = first["next_cursor"].as_str().unwrap().to_string();
    let second = api
        .get(&format!(
            "/api/v1/incidents?country=SY&limit=1&cursor={cursor}"
        ))
        .await
        .json();
    assert_eq!(codes(&second), vec![ALEPPO]);
    assert!(second["next_cursor"].is_null());
}

#[tokio::test]
async fn map_points_are_compact_and_filtered() {
    let api = Api::new(Options::default());
    let r = api.get("/api/v1/incidents/points").await.json();
    assert_eq!(r["count"], 4);
    let aleppo = r["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p[2] == ALEPPO)
        .expect("Aleppo on the map");
    assert!((aleppo[0].as_f64().unwrap() - 36.2).abs() < 0.1);
    assert!((aleppo[1].as_f64().unwrap() - 37.16).abs() < 0.1);
    assert_eq!(aleppo[3], "2016-04-27");
    let syria = api
        .get("/api/v1/incidents/points?bbox=35.5,32,42,37.5")
        .await
        .json();
    assert_eq!(syria["count"], 2);
}

#[tokio::test]
async fn facets_count_the_filtered_incidents() {
    let api = Api::new(Options::default());
    let all = api.get("/api/v1/incidents/facets").await.json();
    assert_eq!(all["total"], 4);
    assert_eq!(all["by_country"][0], json!(["SY", 2]));
    assert_eq!(all["by_month"][0], json!(["2016-04", 1, 14]));
    assert_eq!(all["by_month"].as_array().unwrap().len(), 4);
    let syria = api
        .get("/api/v1/incidents/facets?country=SY&event_type=shelling")
        .await
        .json();
    assert_eq!(syria["total"], 1);
    assert_eq!(syria["by_event_type"], json!([["shelling", 1]]));
}

#[tokio::test]
async fn incident_detail_has_reports_evidence_ranges_and_history() {
    let api = Api::new(Options::default());
    let r = api.get(&format!("/api/v1/incidents/{ALEPPO}")).await;
    assert_eq!(r.status, StatusCode::OK);
    let d = r.json();
    assert_eq!(d["code"], ALEPPO);
    assert_eq!(d["grade"], "corroborated");
    assert!(!d["grade_reasons"].as_array().unwrap().is_empty());
    assert_eq!(d["killed"]["per_source"][0]["source"], "North Syria Wire");
    assert!(d["claims"].is_array());
    assert!(d["history"].is_array());
    let reports = d["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 2);
    let wire = reports
        .iter()
        .find(|r| r["external_id"] == "aleppo-clinic-wire.txt")
        .unwrap();
    let text = wire["text"].as_str().unwrap();
    assert!(text.contains("killing at least 14 people"));
    assert_eq!(wire["source"], "North Syria Wire");
    assert_eq!(wire["graphic"], false);
    let mention = &wire["mentions"][0];
    assert_eq!(mention["extracted"]["event_type"], "air_strike");
    // Every evidence span points into the report's text.
    let evidence = mention["evidence"].as_object().unwrap();
    assert!(evidence.contains_key("killed"), "{evidence:?}");
    for spans in evidence.values() {
        for span in spans.as_array().unwrap() {
            let (start, end) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
            assert!(start < end && end as usize <= text.len(), "{span}");
            assert!(text.is_char_boundary(start as usize) && text.is_char_boundary(end as usize));
        }
    }

    // The same spans in UTF-16 code units, for browsers.
    let killed16 = &mention["evidence_utf16"]["killed"][0];
    let killed8 = &mention["evidence"]["killed"][0];
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let (s16, e16) = (
        killed16[0].as_u64().unwrap() as usize,
        killed16[1].as_u64().unwrap() as usize,
    );
    let (s8, e8) = (
        killed8[0].as_u64().unwrap() as usize,
        killed8[1].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&utf16[s16..e16]).unwrap(), &text[s8..e8]);

    let mosul = api.get(&format!("/api/v1/incidents/{MOSUL}")).await.json();
    assert_eq!(mosul["reports"][0]["graphic"], true);

    let missing = api.get("/api/v1/incidents/XX-1999-01-01-001").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["error"]["status"], 404);
}

#[tokio::test]
async fn reports_list_detail_and_original_bytes() {
    let api = Api::new(Options::default());
    let list = api.get("/api/v1/reports?limit=2").await.json();
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    let cursor = list["next_cursor"].as_str().unwrap().to_string();
    let rest = api
        .get(&format!("/api/v1/reports?limit=10&cursor={cursor}"))
        .await
        .json();
    assert_eq!(rest["items"].as_array().unwrap().len(), 3);
    assert!(rest["next_cursor"].is_null());

    let detail = api.get("/api/v1/reports/kharkiv-shelling.txt").await;
    assert_eq!(detail.status, StatusCode::OK);
    let d = detail.json();
    assert_eq!(d["report"]["source_name"], "Kharkiv Evening Courier");
    assert_eq!(
        d["extraction"]["result"]["incidents"][0]["event_type"],
        "shelling"
    );
    assert!(d["extraction"]["result"]["incidents"][0]["evidence"].is_object());
    assert_eq!(d["incidents"], json!([{"index": 0, "code": UA}]));
    let id = d["report"]["id"].as_i64().unwrap();

    let original = api.get(&format!("/api/v1/reports/{id}/original")).await;
    assert_eq!(original.status, StatusCode::OK);
    let file = std::fs::read(format!("{FIXTURES}/kharkiv-shelling.txt")).unwrap();
    assert_eq!(original.bytes, file);
    assert_eq!(
        original.headers[header::CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    let disposition = original.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert_eq!(original.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");

    assert_eq!(
        api.get("/api/v1/reports/nope.txt/original").await.status,
        StatusCode::NOT_FOUND
    );
    let sources = api.get("/api/v1/sources").await.json();
    assert_eq!(sources.as_array().unwrap().len(), 5);
    let stats = api.get("/api/v1/stats").await.json();
    assert_eq!(stats["reports"], 5);
    assert_eq!(stats["incidents"], 4);
}

#[tokio::test]
async fn full_text_search_finds_reports_with_marked_snippets() {
    let api = Api::new(Options::default());
    let r = api.get("/api/v1/search?q=clinic%20Sukkari").await;
    assert_eq!(r.status, StatusCode::OK);
    let hits = r.json()["hits"].as_array().unwrap().clone();
    let ids: Vec<&str> = hits
        .iter()
        .map(|h| h["external_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.contains(&"aleppo-clinic-wire.txt"));
    let matched: Vec<&str> = hits[0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["match"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(matched.contains(&"Sukkari"), "{matched:?}");
    // Words that are FTS5 syntax are searched as words.
    let odd = api.get("/api/v1/search?q=NEAR(%22clinic").await;
    assert_eq!(odd.status, StatusCode::OK);
    let none = api.get("/api/v1/search?q=zeppelin").await.json();
    assert!(none["hits"].as_array().unwrap().is_empty());
    assert_eq!(
        api.get("/api/v1/search").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn merge_needs_an_analyst_token() {
    let api = Api::new(Options::default());
    let uri = format!("/api/v1/incidents/{ALEPPO}/merge");
    let body = json!({"codes": [IDLIB], "reason": "same strike"});

    let anonymous = api.post_json(&uri, None, body.clone()).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.headers[header::WWW_AUTHENTICATE], "Bearer");
    assert_eq!(anonymous.json()["error"]["status"], 401);
    let forged = api
        .post_json(&uri, Some("attest_0000000000000000"), body.clone())
        .await;
    assert_eq!(forged.status, StatusCode::UNAUTHORIZED);
    let reader = api.post_json(&uri, Some(&api.reader), body.clone()).await;
    assert_eq!(reader.status, StatusCode::FORBIDDEN);
    assert_eq!(reader.json()["error"]["status"], 403);
    // Nothing changed.
    assert_eq!(
        api.get(&format!("/api/v1/incidents/{IDLIB}")).await.json()["code"],
        IDLIB
    );

    let ok = api.post_json(&uri, Some(&api.analyst), body).await;
    assert_eq!(
        ok.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&ok.bytes)
    );
    assert_eq!(ok.json()["incident"]["code"], ALEPPO);
    // The absorbed code resolves to the survivor, which now holds both reports' mentions.
    let merged = api.get(&format!("/api/v1/incidents/{IDLIB}")).await.json();
    assert_eq!(merged["code"], ALEPPO);
    assert!(merged["previous_codes"]
        .as_array()
        .unwrap()
        .contains(&json!(IDLIB)));
    assert_eq!(merged["reports"].as_array().unwrap().len(), 3);
    let history = merged["history"].as_array().unwrap();
    assert!(history
        .iter()
        .any(|h| h["action"] == "incident.merge" && h["actor"] == "anna"));
    let list = api.get("/api/v1/incidents").await.json();
    assert_eq!(codes(&list), vec![UA, MOSUL, ALEPPO]);

    // An admin may write too; a bad merge is the caller's mistake.
    let again = api
        .post_json(
            &format!("/api/v1/incidents/{ALEPPO}/merge"),
            Some(&api.admin),
            json!({"codes": [IDLIB]}),
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn set_grade_split_and_bad_bodies() {
    let api = Api::new(Options::default());
    let t = Some(api.analyst.as_str());
    let set = api
        .post_json(
            &format!("/api/v1/incidents/{ALEPPO}/set"),
            t,
            json!({"field": "killed", "value": "27-30", "reason": "monitor update"}),
        )
        .await;
    assert_eq!(
        set.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&set.bytes)
    );
    assert_eq!(set.json()["incident"]["killed"]["low"], 27);
    let bad_field = api
        .post_json(
            &format!("/api/v1/incidents/{ALEPPO}/set"),
            t,
            json!({"field": "colour", "value": "red"}),
        )
        .await;
    assert_eq!(bad_field.status, StatusCode::BAD_REQUEST);
    assert!(bad_field.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("settable"));

    let grade = api
        .post_json(
            &format!("/api/v1/incidents/{ALEPPO}/grade"),
            t,
            json!({"grade": "confirmed"}),
        )
        .await;
    assert_eq!(grade.json()["incident"]["grade"], "confirmed");
    let bad_grade = api
        .post_json(
            &format!("/api/v1/incidents/{ALEPPO}/grade"),
            t,
            json!({"grade": "excellent"}),
        )
        .await;
    assert_eq!(bad_grade.status, StatusCode::BAD_REQUEST);

    let split = api
        .post_json(
            &format!("/api/v1/incidents/{ALEPPO}/split"),
            t,
            json!({"mentions": ["aleppo-clinic-monitor.txt"], "reason": "later event"}),
        )
        .await;
    assert_eq!(
        split.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&split.bytes)
    );
    let out = split.json();
    assert_eq!(out["from"], ALEPPO);
    assert_eq!(out["moved"].as_array().unwrap().len(), 1);
    assert!(out["into"].as_str().unwrap().starts_with("SY-2016-04-2"));
    assert_eq!(
        api.get("/api/v1/incidents").await.json()["items"]
            .as_array()
            .unwrap()
            .len(),
        5
    );

    // Rejections of the body use the same error format.
    let not_json = api
        .call(
            Method::POST,
            &format!("/api/v1/incidents/{ALEPPO}/grade"),
            t,
            Some(("application/json", b"{grade".to_vec())),
        )
        .await;
    assert_eq!(not_json.status, StatusCode::BAD_REQUEST);
    assert!(not_json.json()["error"]["message"].is_string());
    let missing_field = api
        .post_json(&format!("/api/v1/incidents/{ALEPPO}/grade"), t, json!({}))
        .await;
    assert_eq!(missing_field.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(missing_field.json()["error"]["status"], 422);
    let unknown = api.get("/api/v1/nothing-here").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.json()["error"]["status"], 404);
}

#[tokio::test]
async fn private_notes_are_only_for_analysts() {
    let api = Api::new(Options::default());
    let uri = format!("/api/v1/incidents/{MOSUL}/note");
    for (text, public) in [
        ("witness Abu Omar called back", false),
        ("toll checked", true),
    ] {
        let r = api
            .post_json(
                &uri,
                Some(&api.analyst),
                json!({"text": text, "public": public}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let detail_uri = format!("/api/v1/incidents/{MOSUL}");
    let notes = |v: Value| -> Vec<String> {
        v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["text"].as_str().unwrap().to_string())
            .collect()
    };
    let anonymous = api.get(&detail_uri).await;
    assert_eq!(notes(anonymous.json()), vec!["toll checked"]);
    assert!(!String::from_utf8_lossy(&anonymous.bytes).contains("Abu Omar"));
    let reader = api
        .call(Method::GET, &detail_uri, Some(&api.reader), None)
        .await;
    assert_eq!(notes(reader.json()), vec!["toll checked"]);
    let analyst = api
        .call(Method::GET, &detail_uri, Some(&api.analyst), None)
        .await;
    assert_eq!(
        notes(analyst.json()),
        vec!["witness Abu Omar called back", "toll checked"]
    );
}

#[tokio::test]
async fn a_private_server_needs_a_token_to_read() {
    let api = Api::new(Options {
        private: true,
        ..Options::default()
    });
    let anonymous = api.get("/api/v1/incidents").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    for uri in [
        "/api/v1/reports",
        "/api/v1/search?q=clinic",
        "/api/v1/stats",
    ] {
        assert_eq!(api.get(uri).await.status, StatusCode::UNAUTHORIZED, "{uri}");
    }
    let reader = api
        .call(Method::GET, "/api/v1/incidents", Some(&api.reader), None)
        .await;
    assert_eq!(reader.status, StatusCode::OK);
    assert_eq!(codes(&reader.json()).len(), 4);
}

#[tokio::test]
async fn uploads_are_ingested_extracted_and_linked() {
    let api = Api::new(Options::default());
    let file = "Title: Drone strike on Raqqa bakery\nPublished: 2017-08-14\nSource: Euphrates Post\n\nRAQQA, Syria — A drone strike hit a bakery in Raqqa on Monday, killing 6 people, residents said.\n";
    let uri = "/api/v1/reports?name=raqqa.txt";
    let upload = |token: Option<String>| {
        let api = &api;
        async move {
            api.call(
                Method::POST,
                uri,
                token.as_deref(),
                Some(("text/plain", file.as_bytes().to_vec())),
            )
            .await
        }
    };
    assert_eq!(upload(None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        upload(Some(api.reader.clone())).await.status,
        StatusCode::FORBIDDEN
    );
    let r = upload(Some(api.analyst.clone())).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.bytes)
    );
    let out = r.json();
    assert_eq!(out["new"], 1);
    assert_eq!(out["reports"][0]["external_id"], "raqqa.txt");
    assert_eq!(out["linked_incidents"], 5);
    let raqqa = api.get("/api/v1/incidents?q=raqqa").await.json();
    assert_eq!(codes(&raqqa).len(), 1);
    assert!(codes(&raqqa)[0].starts_with("SY-2017-08-14"));
    let search = api.get("/api/v1/search?q=bakery").await.json();
    assert_eq!(search["hits"][0]["external_id"], "raqqa.txt");

    let again = upload(Some(api.analyst.clone())).await.json();
    assert_eq!(again["duplicate"], 1);
    assert_eq!(again["new"], 0);

    // The content type picks the format when no name is given.
    let jsonl = b"{\"id\": \"tip-1\", \"text\": \"Shelling hit Homs on 2 May 2018, killing 2.\"}\n";
    let r = api
        .call(
            Method::POST,
            "/api/v1/reports",
            Some(&api.admin),
            Some(("application/x-ndjson", jsonl.to_vec())),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.json()["reports"][0]["external_id"], "tip-1");
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    assert_eq!(DEFAULT_MAX_BODY, 20 * 1024 * 1024);
    let api = Api::new(Options {
        max_body: 1024,
        ..Options::default()
    });
    let big = vec![b'a'; 4096];
    let r = api
        .call(
            Method::POST,
            "/api/v1/reports?name=big.txt",
            Some(&api.analyst),
            Some(("text/plain", big)),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.json()["error"]["status"], 413);
    let small = api
        .call(
            Method::POST,
            "/api/v1/reports?name=small.txt",
            Some(&api.analyst),
            Some(("text/plain", b"Shelling hit Homs.".to_vec())),
        )
        .await;
    assert_eq!(small.status, StatusCode::CREATED);
}

#[tokio::test]
async fn openapi_document_lists_the_paths() {
    let api = Api::new(Options::default());
    let r = api.get("/api/v1/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/v1/incidents",
        "/api/v1/incidents/points",
        "/api/v1/incidents/facets",
        "/api/v1/incidents/{code}",
        "/api/v1/incidents/{code}/merge",
        "/api/v1/incidents/{code}/split",
        "/api/v1/incidents/{code}/set",
        "/api/v1/incidents/{code}/grade",
        "/api/v1/incidents/{code}/note",
        "/api/v1/reports",
        "/api/v1/reports/{id}",
        "/api/v1/reports/{id}/original",
        "/api/v1/sources",
        "/api/v1/search",
        "/api/v1/stats",
    ] {
        assert!(paths.contains_key(p), "{p} missing from {:?}", paths.keys());
    }
    assert!(paths["/api/v1/reports"]["post"].is_object());
    let params: Vec<&str> = paths["/api/v1/incidents"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "from",
        "to",
        "bbox",
        "country",
        "event_type",
        "target",
        "grade",
        "q",
        "cursor",
        "limit",
        "sort",
    ] {
        assert!(params.contains(&name), "{name} not in {params:?}");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn cors_is_off_unless_asked() {
    let api = Api::new(Options::default());
    let r = api.call(Method::GET, "/api/v1/stats", None, None).await;
    assert!(!r.headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
}

#[tokio::test]
async fn markup_in_reports_comes_back_as_json_data() {
    let api = Api::new(Options::default());
    let r = api.get(&format!("/api/v1/incidents/{IDLIB}")).await;
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    let report = &r.json()["reports"][0];
    // Stored and served verbatim, as data: escaping is the page's job.
    assert!(report["title"].as_str().unwrap().contains("<script>"));
    assert!(report["text"].as_str().unwrap().contains("<iframe"));
    let original = api
        .get(&format!("/api/v1/reports/{}/original", report["id"]))
        .await;
    assert!(original.headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("sandbox"));
}

#[tokio::test]
async fn responses_are_gzipped_when_asked() {
    let api = Api::new(Options::default());
    let req = axum::http::Request::builder()
        .uri("/api/v1/incidents/points")
        .header(header::ACCEPT_ENCODING, "gzip")
        .body(axum::body::Body::empty())
        .unwrap();
    let res = tower::ServiceExt::oneshot(attest_server::router(api.state.clone()), req)
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
    let plain = api.get("/api/v1/incidents/points").await;
    assert!(!plain.headers.contains_key(header::CONTENT_ENCODING));
}
