//! # attest-server
//!
//! `attest serve`: the HTTP API over an attest store. Incidents (filtered, paged, as map
//! points, and in detail with the evidence behind every value), reports (text, extraction,
//! original bytes), sources, full-text search and counts under `/api/v1`, with an OpenAPI
//! document at `/api/v1/openapi.json`. Writes (uploading reports, the analyst's merge, split,
//! set, grade and note) need a bearer token with the analyst or admin role; reads need one
//! only when the server is private.
//!
//! The work is done by the `attest` library (the same functions the CLI calls); this crate
//! only speaks HTTP. Build the router with [`router`] (tests call it directly with
//! `tower::ServiceExt::oneshot`), or run it with [`serve`] on a listener until a shutdown
//! future resolves.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use attest_server::{serve, AppState, Options};
//! let state = AppState::open("attest.db", Options::default()).expect("store");
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! serve(state, listener, async { let _ = tokio::signal::ctrl_c().await; }).await
//! # }
//! ```
#![deny(missing_docs)]

mod api;
pub mod auth;
pub mod error;
mod openapi;
mod state;

pub use auth::{create_token, Role};
pub use error::AppError;
pub use openapi::openapi;
pub use state::{AppState, Options, DEFAULT_MAX_BODY};

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, Method};
use axum::Router;
use std::future::Future;
use std::net::SocketAddr;
use tower_http::compression::CompressionLayer;
use tower_http::cors::CorsLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};

/// The whole application: the API under `/api/v1`, with request logging, the body limit and
/// (only when origins are configured) CORS.
pub fn router(state: AppState) -> Router {
    let options = state.options().clone();
    let mut app = Router::new()
        .nest("/api/v1", api::routes())
        // Everything else is the web UI (embedded assets; index.html for client routes).
        .fallback_service(attest_web::router())
        .layer(DefaultBodyLimit::max(options.max_body))
        .layer(axum::middleware::map_response(no_sniff))
        // gzip for clients that ask: map points for 100,000 incidents shrink about fivefold.
        .layer(CompressionLayer::new());
    if !options.cors_origins.is_empty() {
        let origins: Vec<HeaderValue> = options
            .cors_origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        app = app.layer(
            CorsLayer::new()
                .allow_origin(origins)
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([
                    axum::http::header::AUTHORIZATION,
                    axum::http::header::CONTENT_TYPE,
                ]),
        );
    }
    // One line per request at info level (`attest -v serve`): method, path, status, latency.
    let trace = TraceLayer::new_for_http()
        .make_span_with(DefaultMakeSpan::new().level(tracing::Level::INFO))
        .on_response(DefaultOnResponse::new().level(tracing::Level::INFO));
    app.layer(trace).with_state(state)
}

/// Browsers take every response for the type it says it is (report text in JSON is never
/// sniffed into a page).
async fn no_sniff(mut response: axum::response::Response) -> axum::response::Response {
    response.headers_mut().insert(
        axum::http::header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// Serves the application on `listener` until `shutdown` resolves, then finishes the requests
/// in flight and returns.
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    if let Ok(addr) = listener.local_addr() {
        tracing::info!(%addr, "attest API listening");
    }
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves on Ctrl-C (and on SIGTERM on Unix).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Binds `listen` and serves until Ctrl-C or SIGTERM, on a runtime of its own (for callers
/// that are not async, like the `attest` command). `on_ready` gets the bound address.
pub fn run(
    state: AppState,
    listen: SocketAddr,
    on_ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen).await?;
        on_ready(listener.local_addr()?);
        serve(state, listener, shutdown_signal()).await
    })
}
