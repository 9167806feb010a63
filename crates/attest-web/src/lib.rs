//! attest's web UI as an axum [`Router`]: the single-page app in `frontend/` (map, timeline,
//! filters, incident pages with evidence, analyst forms), built by `npm ci && npm run build`
//! into `frontend/dist/` and embedded into the binary at compile time by `build.rs`.
//!
//! The server mounts it behind its API, e.g. `api_router.fallback_service(attest_web::router())`.
//! Requests are answered from the embedded table only, so no path can reach the file system:
//!
//! * a known asset is served with its content type (gzip-encoded when the client accepts it);
//! * `/api/...` that reached this router is a JSON 404 (an API route that does not exist);
//! * a path whose last segment has a file extension and is not an asset is a 404;
//! * any other path is a client route of the app and gets `index.html`.
//!
//! When the assets were not built, every page explains how to build them (status 503), so the
//! crate and everything depending on it still compiles and tests without node.
#![deny(missing_docs)]

use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;

/// One embedded file of the built UI.
#[derive(Debug, Clone, Copy)]
struct Asset {
    /// Path under `dist/`, with `/` separators and no leading slash.
    path: &'static str,
    /// The file's bytes.
    body: &'static [u8],
    /// The same bytes gzip-compressed, when the build wrote `path.gz`.
    gzip: Option<&'static [u8]>,
}

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The policy every page is served with: scripts and data only from this origin, no plugins,
/// no framing. Leaflet positions its layers with inline styles, hence `'unsafe-inline'` for
/// styles only.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
form-action 'self'; frame-ancestors 'none'";

const NOT_BUILT: &str = "<!doctype html>
<html lang=\"en\"><head><meta charset=\"utf-8\"><title>attest: web UI not built</title></head>
<body><main>
<h1>The web UI was not built into this binary</h1>
<p>The API under <code>/api/v1/</code> works. To get the pages, build the UI's assets and then
attest again:</p>
<pre>scripts/build-web          # runs npm ci &amp;&amp; npm run build in crates/attest-web/frontend
cargo build -p attest-cli</pre>
<p>This needs node 20 or later with npm. See crates/attest-web/README.md.</p>
</main></body></html>
";

/// The web UI: every GET that reaches it is answered from the embedded assets (see the crate
/// docs for the rules). Mount it as the server's fallback so API routes come first.
pub fn router() -> Router {
    Router::new()
        .route("/", get(handle))
        .route("/{*path}", get(handle))
}

/// Whether the UI's assets were embedded (false: the crate was compiled without a built
/// `frontend/dist/` and serves the page saying how to build it).
pub fn assets_built() -> bool {
    find(ASSETS, "index.html").is_some()
}

/// Paths of the embedded assets, for diagnostics and size reports.
pub fn asset_paths() -> impl Iterator<Item = &'static str> {
    ASSETS.iter().map(|a| a.path)
}

async fn handle(uri: Uri, headers: HeaderMap) -> Response {
    let gzip_ok = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(accepts_gzip);
    respond(ASSETS, uri.path(), gzip_ok)
}

/// Whether an `Accept-Encoding` value allows gzip (and does not refuse it with `q=0`).
fn accepts_gzip(value: &str) -> bool {
    value.split(',').any(|part| {
        let mut it = part.split(';');
        let coding = it.next().unwrap_or("").trim();
        let refused = it.any(|p| {
            let p = p.trim().replace(' ', "");
            p == "q=0" || p == "q=0.0" || p == "q=0.00" || p == "q=0.000"
        });
        (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
    })
}

fn find(assets: &'static [Asset], path: &str) -> Option<&'static Asset> {
    assets.iter().find(|a| a.path == path)
}

/// The content type for a file name, by its extension.
fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        "map" => "application/json",
        _ => "application/octet-stream",
    }
}

/// True for a path that names a file (its last segment has an extension) rather than a page.
fn looks_like_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    last.contains('.')
}

/// True when a request path could escape the asset table if it were ever mapped to files:
/// parent segments, encoded dots or slashes, backslashes, NUL.
fn suspicious(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    path.split('/').any(|seg| seg == "..")
        || lower.contains("%2e")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || path.contains('\\')
        || path.contains('\0')
}

fn respond(assets: &'static [Asset], path: &str, gzip_ok: bool) -> Response {
    let rel = path.trim_start_matches('/');
    if suspicious(rel) {
        return plain(StatusCode::NOT_FOUND, "not found");
    }
    if rel == "api" || rel.starts_with("api/") {
        return json_not_found();
    }
    let index = find(assets, "index.html");
    let Some(index) = index else {
        if looks_like_file(rel) {
            return plain(StatusCode::NOT_FOUND, "not found");
        }
        return html(StatusCode::SERVICE_UNAVAILABLE, NOT_BUILT);
    };
    let asset = match find(assets, if rel.is_empty() { "index.html" } else { rel }) {
        Some(a) => a,
        None if looks_like_file(rel) => return plain(StatusCode::NOT_FOUND, "not found"),
        None => index,
    };
    // Bundles under assets/ carry a content hash in their names and never change.
    let cache = if asset.path.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let (body, encoded) = match asset.gzip {
        Some(gz) if gzip_ok => (gz, true),
        _ => (asset.body, false),
    };
    let mut builder = Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, content_type(asset.path))
        .header(header::CACHE_CONTROL, cache)
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::REFERRER_POLICY, "no-referrer")
        .header(header::CONTENT_SECURITY_POLICY, CSP)
        .header(header::CONTENT_LENGTH, body.len());
    if asset.gzip.is_some() {
        builder = builder.header(header::VARY, "Accept-Encoding");
    }
    if encoded {
        builder = builder.header(header::CONTENT_ENCODING, "gzip");
    }
    builder
        .body(Body::from(body))
        .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong"))
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut res = Response::new(Body::from(text));
    *res.status_mut() = status;
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    res
}

fn html(status: StatusCode, page: &'static str) -> Response {
    let mut res = Response::new(Body::from(page));
    *res.status_mut() = status;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    res
}

fn json_not_found() -> Response {
    // The API's own error shape, `{"error": {"status", "message"}}`.
    let mut res = Response::new(Body::from(
        r#"{"error":{"status":404,"message":"no such API route"}}"#,
    ));
    *res.status_mut() = StatusCode::NOT_FOUND;
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    static FAKE: &[Asset] = &[
        Asset {
            path: "index.html",
            body: b"<!doctype html><title>app</title>",
            gzip: None,
        },
        Asset {
            path: "assets/app-1234.js",
            body: b"console.log(1)",
            gzip: Some(b"\x1f\x8bfake"),
        },
        Asset {
            path: "assets/app-1234.css",
            body: b"body{}",
            gzip: None,
        },
    ];

    fn header_of(res: &Response, name: header::HeaderName) -> String {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }

    #[test]
    fn serves_assets_with_their_content_types() {
        let res = respond(FAKE, "/assets/app-1234.js", false);
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            header_of(&res, header::CONTENT_TYPE),
            "text/javascript; charset=utf-8"
        );
        assert!(header_of(&res, header::CACHE_CONTROL).contains("immutable"));
        let css = respond(FAKE, "/assets/app-1234.css", false);
        assert_eq!(
            header_of(&css, header::CONTENT_TYPE),
            "text/css; charset=utf-8"
        );
        let root = respond(FAKE, "/", false);
        assert_eq!(
            header_of(&root, header::CONTENT_TYPE),
            "text/html; charset=utf-8"
        );
        assert_eq!(header_of(&root, header::CACHE_CONTROL), "no-cache");
        assert!(header_of(&root, header::CONTENT_SECURITY_POLICY).contains("script-src 'self'"));
    }

    #[test]
    fn gzip_only_when_accepted() {
        let gz = respond(FAKE, "/assets/app-1234.js", true);
        assert_eq!(header_of(&gz, header::CONTENT_ENCODING), "gzip");
        assert_eq!(header_of(&gz, header::CONTENT_LENGTH), "6");
        let raw = respond(FAKE, "/assets/app-1234.js", false);
        assert_eq!(header_of(&raw, header::CONTENT_ENCODING), "");
        assert_eq!(header_of(&raw, header::CONTENT_LENGTH), "14");
        assert!(accepts_gzip("gzip, deflate, br"));
        assert!(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
        assert!(!accepts_gzip("gzip;q=0"));
        assert!(!accepts_gzip("br, deflate"));
    }

    #[test]
    fn client_routes_get_the_index_and_missing_files_a_404() {
        let page = respond(FAKE, "/incident/SY-2016-04-27-001", false);
        assert_eq!(page.status(), StatusCode::OK);
        assert_eq!(
            header_of(&page, header::CONTENT_TYPE),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            respond(FAKE, "/assets/missing.js", false).status(),
            StatusCode::NOT_FOUND
        );
        let api = respond(FAKE, "/api/v2/nothing", false);
        assert_eq!(api.status(), StatusCode::NOT_FOUND);
        assert_eq!(header_of(&api, header::CONTENT_TYPE), "application/json");
        assert_eq!(respond(FAKE, "/api", false).status(), StatusCode::NOT_FOUND);
        // "apiary" is a page of the app, not the API.
        assert_eq!(respond(FAKE, "/apiary", false).status(), StatusCode::OK);
    }

    #[test]
    fn traversal_attempts_are_refused() {
        for p in [
            "/../Cargo.toml",
            "/assets/../../build.rs",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/assets/..%2fCargo.toml",
            "/..\\Cargo.toml",
            "/assets/%5c..%5cbuild.rs",
        ] {
            let res = respond(FAKE, p, false);
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "{p}");
            assert_eq!(
                header_of(&res, header::CONTENT_TYPE),
                "text/plain; charset=utf-8",
                "{p}"
            );
        }
    }

    #[test]
    fn without_assets_pages_say_how_to_build_them() {
        static NONE: &[Asset] = &[];
        let res = respond(NONE, "/", false);
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            respond(NONE, "/assets/app.js", false).status(),
            StatusCode::NOT_FOUND
        );
        assert!(NOT_BUILT.contains("scripts/build-web"));
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a/b.JSON"), "application/json");
        assert_eq!(content_type("x.svg"), "image/svg+xml");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }
}
