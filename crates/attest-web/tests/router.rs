//! The router as the server mounts it, over the assets this build embedded (or the page saying
//! how to build them, when `frontend/dist/` was missing at compile time).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn get(path: &str, gzip: bool) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let mut req = Request::builder().uri(path);
    if gzip {
        req = req.header(header::ACCEPT_ENCODING, "gzip, br");
    }
    let res = attest_web::router()
        .oneshot(req.body(Body::empty()).expect("request"))
        .await
        .expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let body = res
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

fn ctype(h: &axum::http::HeaderMap) -> &str {
    h.get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn index_and_client_routes() {
    let (status, headers, body) = get("/", false).await;
    let page = String::from_utf8(body).expect("utf-8");
    assert_eq!(ctype(&headers), "text/html; charset=utf-8");
    if !attest_web::assets_built() {
        eprintln!("SKIPPED asset checks: the UI was not built (scripts/build-web)");
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(page.contains("scripts/build-web"));
        return;
    }
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<main id=\"main\""));
    let (s2, h2, b2) = get("/incident/SY-2016-04-27-001?x=1", false).await;
    assert_eq!(s2, StatusCode::OK);
    assert_eq!(ctype(&h2), "text/html; charset=utf-8");
    assert_eq!(String::from_utf8(b2).expect("utf-8"), page);
}

#[tokio::test]
async fn every_asset_index_html_names_is_served_with_its_type() {
    if !attest_web::assets_built() {
        eprintln!("SKIPPED: the UI was not built (scripts/build-web)");
        return;
    }
    let (_, _, body) = get("/", false).await;
    let page = String::from_utf8(body).expect("utf-8");
    let refs: Vec<&str> = page
        .split('"')
        .filter(|s| s.starts_with("/assets/"))
        .collect();
    assert!(refs.iter().any(|r| r.ends_with(".js")), "{refs:?}");
    assert!(refs.iter().any(|r| r.ends_with(".css")), "{refs:?}");
    for r in refs {
        let (status, headers, raw) = get(r, false).await;
        assert_eq!(status, StatusCode::OK, "{r}");
        let want = if r.ends_with(".js") {
            "text/javascript; charset=utf-8"
        } else {
            "text/css; charset=utf-8"
        };
        assert_eq!(ctype(&headers), want, "{r}");
        let (_, gz_headers, gz) = get(r, true).await;
        assert_eq!(
            gz_headers
                .get(header::CONTENT_ENCODING)
                .and_then(|v| v.to_str().ok()),
            Some("gzip"),
            "{r}"
        );
        assert!(gz.len() < raw.len() && gz.starts_with(&[0x1f, 0x8b]), "{r}");
    }
}

#[tokio::test]
async fn no_file_outside_the_table_is_reachable() {
    for p in [
        "/../Cargo.toml",
        "/assets/../../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/assets/%2e%2e%2f%2e%2e%2fbuild.rs",
        "/build.rs",
        "/frontend/package.json",
    ] {
        let (status, _, body) = get(p, false).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{p}");
        assert!(!String::from_utf8_lossy(&body).contains("[package]"), "{p}");
    }
    let (status, headers, body) = get("/api/v1/nothing-here", false).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(ctype(&headers), "application/json");
    assert!(String::from_utf8_lossy(&body).contains(r#""status":404"#));
}
