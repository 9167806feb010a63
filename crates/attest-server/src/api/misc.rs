//! Sources, full-text search over reports, and store-wide counts.

use crate::auth::ReadAccess;
use crate::error::{AppError, AppJson, AppQuery};
use crate::state::AppState;
use attest_store::{SearchHit, Store, SNIPPET_END, SNIPPET_START};
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::{IntoParams, ToSchema};

/// Every source with its report count, by name.
#[utoipa::path(get, path = "/api/v1/sources", tag = "reports",
    responses((status = 200, body = Vec<Object>)))]
pub(crate) async fn sources(
    State(state): State<AppState>,
    _access: ReadAccess,
) -> Result<AppJson<Value>, AppError> {
    let v = state.read(|s| Ok(json!(s.sources()?))).await?;
    Ok(AppJson(v))
}

/// Store-wide counts.
#[utoipa::path(get, path = "/api/v1/stats", tag = "reports",
    responses((status = 200, body = Object)))]
pub(crate) async fn stats(
    State(state): State<AppState>,
    _access: ReadAccess,
) -> Result<AppJson<Value>, AppError> {
    let v = state.read(|s| Ok(json!(s.stats()?))).await?;
    Ok(AppJson(v))
}

/// A search.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchQuery {
    /// Words to find (all of them, in title or text; punctuation and operators are ignored).
    q: String,
    /// At most this many hits (1 to 200, default 20).
    limit: Option<usize>,
}

/// A piece of a snippet: text, and whether it matched.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Piece {
    /// The text (plain text: escape it before putting it in a page).
    text: String,
    /// Whether it matched the query.
    #[serde(rename = "match")]
    matched: bool,
}

/// A report found.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Hit {
    /// Report id.
    report_id: i64,
    /// The id it was ingested under.
    external_id: String,
    /// Headline.
    title: Option<String>,
    /// Source name.
    source: Option<String>,
    /// Publication date.
    published_at: Option<String>,
    /// The text around the matches, in pieces.
    snippet: Vec<Piece>,
}

/// Search results.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SearchResults {
    /// The query.
    q: String,
    /// Reports found, best first.
    hits: Vec<Hit>,
}

/// Splits a marked snippet into plain pieces.
fn pieces(snippet: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = snippet;
    while !rest.is_empty() {
        match rest.find(SNIPPET_START) {
            Some(0) => {
                let body = &rest[SNIPPET_START.len_utf8()..];
                let end = body.find(SNIPPET_END).unwrap_or(body.len());
                out.push(Piece {
                    text: body[..end].to_string(),
                    matched: true,
                });
                rest = body.get(end + SNIPPET_END.len_utf8()..).unwrap_or("");
            }
            Some(at) => {
                out.push(Piece {
                    text: rest[..at].to_string(),
                    matched: false,
                });
                rest = &rest[at..];
            }
            None => {
                out.push(Piece {
                    text: rest.to_string(),
                    matched: false,
                });
                rest = "";
            }
        }
    }
    out
}

/// Full-text search over reports' titles and texts (SQLite FTS5), with snippets.
#[utoipa::path(get, path = "/api/v1/search", tag = "reports", params(SearchQuery),
    responses((status = 200, body = SearchResults), (status = 400, body = crate::error::ErrorBody)))]
pub(crate) async fn search(
    State(state): State<AppState>,
    _access: ReadAccess,
    AppQuery(q): AppQuery<SearchQuery>,
) -> Result<AppJson<SearchResults>, AppError> {
    let limit = q.limit.unwrap_or(20);
    if !(1..=200).contains(&limit) {
        return Err(AppError::BadRequest("limit must be 1 to 200".into()));
    }
    let text = q.q.clone();
    let hits: Vec<SearchHit> = state
        .read(move |s| Ok(s.search_reports(&text, limit)?))
        .await?;
    Ok(AppJson(SearchResults {
        q: q.q,
        hits: hits
            .into_iter()
            .map(|h| Hit {
                report_id: h.report_id.0,
                external_id: h.external_id,
                title: h.title,
                source: h.source,
                published_at: h.published_at,
                snippet: pieces(&h.snippet),
            })
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_split_into_marked_pieces() {
        let p = pieces("the \u{1}market\u{2} in \u{1}Ariha\u{2}");
        let got: Vec<(&str, bool)> = p.iter().map(|p| (p.text.as_str(), p.matched)).collect();
        assert_eq!(
            got,
            vec![
                ("the ", false),
                ("market", true),
                (" in ", false),
                ("Ariha", true)
            ]
        );
        assert!(pieces("").is_empty());
        assert_eq!(pieces("\u{1}open")[0].text, "open");
    }
}
