//! A store seeded with the fixture reports, tokens for each role, and a way to call the API.

#![allow(dead_code)]

use attest::engine::Engine;
use attest::pipeline::{store_reports, to_new_report};
use attest_server::{create_token, router, AppState, Options, Role};
use attest_store::{SqliteStore, Store};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use std::path::PathBuf;
use tower::ServiceExt;

pub(crate) const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The fixture reports, extracted and linked, in a store.
pub(crate) fn seeded_store() -> SqliteStore {
    let mut store = SqliteStore::open_in_memory().expect("in-memory store");
    seed(&mut store);
    store
}

pub(crate) fn seed(store: &mut SqliteStore) {
    let engine = Engine::new(None, Some(store)).expect("engine");
    let reports: Vec<_> = attest_ingest::read_paths(
        &[PathBuf::from(FIXTURES)],
        &attest_ingest::Options::default(),
    )
    .map(|r| to_new_report(r.expect("fixture reads")))
    .collect();
    let batch = store.begin_batch("test seed").expect("batch");
    store_reports(store, Some(&engine), batch, reports).expect("stored");
    attest::linking::relink(store, &attest_link::LinkConfig::default()).expect("linked");
}

pub(crate) struct Api {
    pub(crate) state: AppState,
    pub(crate) reader: String,
    pub(crate) analyst: String,
    pub(crate) admin: String,
}

impl Api {
    pub(crate) fn new(options: Options) -> Api {
        let mut store = seeded_store();
        let reader = create_token(&mut store, "rita", Role::Reader).unwrap();
        let analyst = create_token(&mut store, "anna", Role::Analyst).unwrap();
        let admin = create_token(&mut store, "adam", Role::Admin).unwrap();
        Api {
            state: AppState::new(store, options),
            reader,
            analyst,
            admin,
        }
    }

    pub(crate) async fn call(
        &self,
        method: Method,
        uri: &str,
        token: Option<&str>,
        body: Option<(&str, Vec<u8>)>,
    ) -> Reply {
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let req = match body {
            Some((ct, bytes)) => req.header(header::CONTENT_TYPE, ct).body(Body::from(bytes)),
            None => req.body(Body::empty()),
        }
        .unwrap();
        let res = router(self.state.clone()).oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Reply {
            status,
            headers,
            bytes,
        }
    }

    pub(crate) async fn get(&self, uri: &str) -> Reply {
        self.call(Method::GET, uri, None, None).await
    }

    pub(crate) async fn post_json(&self, uri: &str, token: Option<&str>, body: Value) -> Reply {
        self.call(
            Method::POST,
            uri,
            token,
            Some(("application/json", body.to_string().into_bytes())),
        )
        .await
    }
}

pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) headers: axum::http::HeaderMap,
    pub(crate) bytes: Vec<u8>,
}

impl Reply {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.bytes)))
    }
}
