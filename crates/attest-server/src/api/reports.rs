//! Reports: lists, one report with its extraction, its original bytes, and uploading new ones
//! in any ingest format.

use crate::auth::{ReadAccess, WriteAccess};
use crate::error::{AppError, AppJson, AppPath, AppQuery};
use crate::state::AppState;
use attest::pipeline::{store_reports, to_new_report};
use attest_model::{Format, ReportId};
use attest_store::{BatchCounts, IngestFailure, InsertOutcome, ReportFilter, ReportSummary, Store};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::{IntoParams, ToSchema};

const DEFAULT_LIMIT: usize = 50;
const MAX_LIMIT: usize = 500;

/// Which reports to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ReportQuery {
    /// Only this source (name).
    source: Option<String>,
    /// Only reports whose title or text contains this (use /search for ranked full-text search).
    q: Option<String>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size (1 to 500, default 50).
    limit: Option<usize>,
}

/// A page of reports.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ReportPage {
    /// The reports, newest first.
    #[schema(value_type = Vec<Object>)]
    items: Vec<ReportSummary>,
    /// Pass as `cursor` for the next page; absent on the last page.
    next_cursor: Option<String>,
}

/// List reports, newest first, a page at a time.
#[utoipa::path(get, path = "/api/v1/reports", tag = "reports", params(ReportQuery),
    responses((status = 200, body = ReportPage), (status = 400, body = crate::error::ErrorBody)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    _access: ReadAccess,
    AppQuery(q): AppQuery<ReportQuery>,
) -> Result<AppJson<ReportPage>, AppError> {
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::BadRequest(format!(
            "limit must be 1 to {MAX_LIMIT}"
        )));
    }
    let before = match q.cursor.as_deref() {
        None | Some("") => None,
        Some(c) => Some(ReportId(c.parse().map_err(|_| {
            AppError::BadRequest("cursor is not one this server gave".into())
        })?)),
    };
    let filter = ReportFilter {
        source: q.source.filter(|s| !s.is_empty()),
        batch: None,
        text: q.q.filter(|s| !s.is_empty()),
        limit: limit + 1,
    };
    let mut items = state
        .read(move |s| Ok(s.report_page(&filter, before)?))
        .await?;
    let more = items.len() > limit;
    items.truncate(limit);
    let next_cursor = items.last().filter(|_| more).map(|r| r.id.0.to_string());
    Ok(AppJson(ReportPage { items, next_cursor }))
}

/// One report: metadata, text, its current extraction with the evidence spans, and the
/// incident each of its mentions belongs to.
#[utoipa::path(get, path = "/api/v1/reports/{id}", tag = "reports",
    params(("id" = String, Path, description = "Numeric id, or the id the report was ingested under")),
    responses((status = 200, body = Object), (status = 404, body = crate::error::ErrorBody)))]
pub(crate) async fn detail(
    State(state): State<AppState>,
    _access: ReadAccess,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<Value>, AppError> {
    let v = state
        .read(move |s| {
            let report = s.report(&id)?;
            let extraction = s.current_extraction(report.id)?;
            let versions = s.extractions(report.id)?.len();
            let incidents: Vec<Value> = s
                .report_incidents(report.id)?
                .into_iter()
                .map(|(idx, code)| json!({"index": idx, "code": code}))
                .collect();
            Ok(json!({
                "report": report,
                "graphic": extraction.as_ref().and_then(|e| e.result["graphic"].as_bool()).unwrap_or(false),
                "extraction": extraction,
                "extractions": versions,
                "incidents": incidents,
                "original": format!("/api/v1/reports/{}/original", report.id),
            }))
        })
        .await?;
    Ok(AppJson(v))
}

/// The content type and file extension of an original in a format.
fn media_type(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::Text => ("text/plain; charset=utf-8", "txt"),
        Format::Html => ("text/html; charset=utf-8", "html"),
        Format::Jsonl => ("application/x-ndjson", "jsonl"),
        Format::Feed => ("application/xml", "xml"),
        Format::Telegram => ("application/json", "json"),
        Format::Email => ("message/rfc822", "eml"),
    }
}

/// The original bytes of a report, exactly as ingested, as a download.
#[utoipa::path(get, path = "/api/v1/reports/{id}/original", tag = "reports",
    params(("id" = String, Path, description = "Numeric id, or the id the report was ingested under")),
    responses((status = 200, description = "The original bytes", content_type = "application/octet-stream"),
              (status = 404, body = crate::error::ErrorBody)))]
pub(crate) async fn original(
    State(state): State<AppState>,
    _access: ReadAccess,
    AppPath(id): AppPath<String>,
) -> Result<Response, AppError> {
    let (report, bytes) = state
        .read(move |s| {
            let report = s.report(&id)?;
            let bytes = s.original(report.id)?;
            Ok((report, bytes))
        })
        .await?;
    let (content_type, ext) = media_type(report.format);
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    let disposition = format!("attachment; filename=\"report-{}.{ext}\"", report.id);
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).map_err(AppError::internal)?,
    );
    // Never rendered as a page of this site, whatever it holds.
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    Ok((StatusCode::OK, headers, bytes).into_response())
}

/// How to read an upload.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct UploadQuery {
    /// The file name; its extension picks the format (.txt, .html, .jsonl, .xml, .json,
    /// .eml), checked against the content. Without it, the Content-Type decides.
    name: Option<String>,
    /// Source name for every report, overriding what the data says.
    source: Option<String>,
    /// Publication date for every report (ISO 8601), overriding what the data says.
    published: Option<String>,
}

/// A file name for an upload without one, from its content type.
fn name_for(content_type: Option<&str>) -> &'static str {
    let essence = content_type
        .and_then(|c| c.split(';').next())
        .map(|c| c.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match essence.as_str() {
        "text/html" | "application/xhtml+xml" => "upload.html",
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" => "upload.jsonl",
        "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml" => {
            "upload.xml"
        }
        "application/json" => "upload.json",
        "message/rfc822" => "upload.eml",
        _ => "upload.txt",
    }
}

/// What an upload stored.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct UploadOutcome {
    /// The ingest batch.
    batch: i64,
    /// Reports stored.
    new: u64,
    /// Reports already in the store.
    duplicate: u64,
    /// Parts that could not be read.
    failed: u64,
    /// Incidents extracted from the new reports.
    incidents_extracted: u64,
    /// Incidents in the store after linking, when anything new was stored.
    linked_incidents: Option<u64>,
    /// Each report read, in order: `{external_id, outcome, id}`.
    #[schema(value_type = Vec<Object>)]
    reports: Vec<Value>,
    /// What could not be read, and why.
    #[schema(value_type = Vec<Object>)]
    failures: Vec<IngestFailure>,
}

/// Store a report file (any ingest format), extract it and re-link. Needs an analyst or
/// admin token.
#[utoipa::path(post, path = "/api/v1/reports", tag = "reports", params(UploadQuery),
    request_body(content = String, description = "The file, as is", content_type = "application/octet-stream"),
    responses((status = 201, body = UploadOutcome), (status = 400, body = crate::error::ErrorBody),
              (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody),
              (status = 413, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn upload(
    State(state): State<AppState>,
    WriteAccess(caller): WriteAccess,
    AppQuery(q): AppQuery<UploadQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, AppJson<UploadOutcome>), AppError> {
    let body = body?;
    if body.is_empty() {
        return Err(AppError::BadRequest("the request body is empty".into()));
    }
    let name = match q.name.filter(|n| !n.trim().is_empty()) {
        Some(n) => n,
        None => name_for(
            headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok()),
        )
        .to_string(),
    };
    let opts = attest_ingest::Options {
        max_size: state.options().max_body as u64,
        source: q.source.filter(|s| !s.trim().is_empty()),
        published: q.published.filter(|s| !s.trim().is_empty()),
    };
    let outcome = state
        .write(move |store, ctx| {
            let mut reports = Vec::new();
            let mut failures = Vec::new();
            for item in attest_ingest::read_bytes(&name, &body, &opts) {
                match item {
                    Ok(incoming) => reports.push(to_new_report(incoming)),
                    Err(e) => failures.push(IngestFailure {
                        path: e.origin.path.clone(),
                        line: e.origin.line,
                        reason: e.reason.clone(),
                    }),
                }
            }
            let engine = ctx.engine(store)?;
            let batch = store.begin_batch(&format!("api upload {name} by {}", caller.name))?;
            for f in &failures {
                store.record_failure(batch, f)?;
            }
            let ids: Vec<String> = reports.iter().map(|r| r.external_id.clone()).collect();
            let (outcomes, incidents) = store_reports(store, Some(engine), batch, reports)?;
            let new = outcomes.iter().filter(|o| o.is_new()).count() as u64;
            let counts = BatchCounts {
                new,
                duplicate: outcomes.len() as u64 - new,
                failed: failures.len() as u64,
            };
            store.finish_batch(batch, counts)?;
            let linked = if new > 0 {
                Some(attest::linking::relink(store, ctx.link())?.incidents as u64)
            } else {
                None
            };
            Ok(UploadOutcome {
                batch: batch.0,
                new: counts.new,
                duplicate: counts.duplicate,
                failed: counts.failed,
                incidents_extracted: incidents,
                linked_incidents: linked,
                reports: ids
                    .iter()
                    .zip(&outcomes)
                    .map(|(id, o)| match o {
                        InsertOutcome::New { id: rid } => {
                            json!({"external_id": id, "outcome": "new", "id": rid})
                        }
                        InsertOutcome::Duplicate { existing, .. } => {
                            json!({"external_id": id, "outcome": "duplicate", "id": existing})
                        }
                    })
                    .collect(),
                failures,
            })
        })
        .await?;
    let status = if outcome.new + outcome.duplicate == 0 {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::CREATED
    };
    Ok((status, AppJson(outcome)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_pick_a_format() {
        assert_eq!(name_for(Some("text/html; charset=utf-8")), "upload.html");
        assert_eq!(name_for(Some("application/x-ndjson")), "upload.jsonl");
        assert_eq!(name_for(Some("application/rss+xml")), "upload.xml");
        assert_eq!(name_for(Some("message/rfc822")), "upload.eml");
        assert_eq!(name_for(None), "upload.txt");
        assert_eq!(media_type(Format::Email).1, "eml");
    }
}
