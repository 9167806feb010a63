//! `attest serve`: the HTTP API on the store.

use super::ingest::parse_size;
use anyhow::Context;
use attest_server::{AppState, Options};
use clap::Args;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

/// Serve the JSON API (under /api/v1) on the store until Ctrl-C.
///
/// Reading needs no token unless --private; writing (uploading reports, merge, split, set,
/// grade, note) needs `Authorization: Bearer <token>` with an analyst or admin token from
/// `attest token create`. The OpenAPI document is at /api/v1/openapi.json.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  attest serve
  attest serve --listen 0.0.0.0:8080 --private
  curl 'http://127.0.0.1:8080/api/v1/incidents?country=SY&limit=10'")]
pub(crate) struct Serve {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Reads need a token too (any role).
    #[arg(long)]
    private: bool,
    /// Largest request body (bytes, or with a unit: 500KiB, 20MiB).
    #[arg(long, default_value = "20MiB", value_parser = parse_size)]
    max_body: u64,
    /// Allow cross-origin requests from this origin (repeatable); CORS is off by default.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    cors_origins: Vec<String>,
}

impl Serve {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let options = Options {
            private: self.private,
            max_body: usize::try_from(self.max_body).context("--max-body is too large")?,
            cors_origins: self.cors_origins,
        };
        let private = options.private;
        let state = AppState::open(db, options)
            .with_context(|| format!("opening the store {}", db.display()))?;
        attest_server::run(state, self.listen, |addr| {
            eprintln!(
                "attest: serving {} on http://{addr}/api/v1{} (Ctrl-C to stop)",
                db.display(),
                if private { ", private" } else { "" }
            );
        })
        .with_context(|| format!("serving on {}", self.listen))?;
        Ok(ExitCode::SUCCESS)
    }
}
