//! Reading incidents: pages for lists and timelines, points for maps, and the detail of one
//! incident with the evidence behind every value.

use crate::auth::ReadAccess;
use crate::error::{AppError, AppJson, AppPath, AppQuery};
use crate::state::AppState;
use attest::review;
use attest_store::{IncidentFilter, IncidentPageQuery, IncidentPoint, SqliteStore, Store};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

/// Default page size.
const DEFAULT_LIMIT: usize = 50;
/// Largest page size.
const MAX_LIMIT: usize = 500;
/// Most points a map request returns.
const MAX_POINTS: usize = 200_000;

/// Filters shared by the incident list and the map points.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct IncidentFilters {
    /// From this day, inclusive (YYYY-MM-DD).
    from: Option<String>,
    /// Up to this day, inclusive (YYYY-MM-DD).
    to: Option<String>,
    /// Bounding box `west,south,east,north` in degrees (WGS 84).
    bbox: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    country: Option<String>,
    /// Event type (air_strike, shelling, ...).
    event_type: Option<String>,
    /// A target (hospital, market, ...).
    target: Option<String>,
    /// Grade (single_source, corroborated, contested, confirmed, discounted).
    grade: Option<String>,
    /// Free text: place, actors, speakers, report ids.
    q: Option<String>,
}

/// Paging of the incident list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct Paging {
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Page size (1 to 500, default 50).
    limit: Option<usize>,
    /// `date_desc` (default, newest first) or `date_asc`.
    sort: Option<String>,
}

fn blank_to_none(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn check_day(name: &str, day: &Option<String>) -> Result<(), AppError> {
    if let Some(d) = day {
        let b = d.as_bytes();
        let ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !ok {
            return Err(AppError::BadRequest(format!(
                "{name} must be a day as YYYY-MM-DD, not '{d}'"
            )));
        }
    }
    Ok(())
}

/// Parses `west,south,east,north`.
fn parse_bbox(s: &str) -> Result<[f64; 4], AppError> {
    let bad = || {
        AppError::BadRequest(format!(
            "bbox must be west,south,east,north in degrees, not '{s}'"
        ))
    };
    let v: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>().map_err(|_| bad()))
        .collect::<Result<_, _>>()?;
    let [w, so, e, n]: [f64; 4] = v.try_into().map_err(|_| bad())?;
    let lon_ok = |x: f64| (-180.0..=180.0).contains(&x);
    let lat_ok = |x: f64| (-90.0..=90.0).contains(&x);
    if !(lon_ok(w) && lon_ok(e) && lat_ok(so) && lat_ok(n) && so <= n) {
        return Err(bad());
    }
    Ok([w, so, e, n])
}

impl IncidentFilters {
    fn to_filter(&self, limit: usize) -> Result<IncidentFilter, AppError> {
        let from = blank_to_none(self.from.clone());
        let to = blank_to_none(self.to.clone());
        check_day("from", &from)?;
        check_day("to", &to)?;
        Ok(IncidentFilter {
            from,
            to,
            country: blank_to_none(self.country.clone()),
            event_type: blank_to_none(self.event_type.clone()),
            target: blank_to_none(self.target.clone()),
            grade: blank_to_none(self.grade.clone()),
            text: blank_to_none(self.q.clone()),
            bbox: blank_to_none(self.bbox.clone())
                .map(|b| parse_bbox(&b))
                .transpose()?,
            limit,
        })
    }
}

/// A cursor: where a page ended, opaque to clients.
fn encode_cursor(date: &str, code: &str) -> String {
    hex::encode(serde_json::json!([date, code]).to_string())
}

fn decode_cursor(s: &str) -> Result<(String, String), AppError> {
    let bad = || AppError::BadRequest("cursor is not one this server gave".into());
    let bytes = hex::decode(s).map_err(|_| bad())?;
    serde_json::from_slice::<(String, String)>(&bytes).map_err(|_| bad())
}

/// A page of incidents.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct IncidentPage {
    /// The incidents, in list form.
    #[schema(value_type = Vec<Object>)]
    items: Vec<Value>,
    /// Pass as `cursor` for the next page; absent on the last page.
    next_cursor: Option<String>,
}

/// List incidents, newest first (or oldest with `sort=date_asc`), filtered, a page at a time.
#[utoipa::path(get, path = "/api/v1/incidents", tag = "incidents",
    params(IncidentFilters, Paging),
    responses((status = 200, body = IncidentPage), (status = 400, body = crate::error::ErrorBody)))]
pub(crate) async fn list(
    axum::extract::State(state): axum::extract::State<AppState>,
    _access: ReadAccess,
    AppQuery(filters): AppQuery<IncidentFilters>,
    AppQuery(paging): AppQuery<Paging>,
) -> Result<AppJson<IncidentPage>, AppError> {
    let limit = paging.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(AppError::BadRequest(format!(
            "limit must be 1 to {MAX_LIMIT}"
        )));
    }
    let ascending = match paging.sort.as_deref() {
        None | Some("date_desc") | Some("") => false,
        Some("date_asc") => true,
        Some(other) => {
            return Err(AppError::BadRequest(format!(
                "sort must be date_desc or date_asc, not '{other}'"
            )))
        }
    };
    let query = IncidentPageQuery {
        // One more than asked tells whether there is a next page.
        filter: filters.to_filter(limit + 1)?,
        ascending,
        after: paging.cursor.as_deref().map(decode_cursor).transpose()?,
    };
    let mut rows = state.read(move |s| Ok(s.incident_page(&query)?)).await?;
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next_cursor = match rows.last() {
        Some(last) if more => {
            let date = last.summary["date"]["start"].as_str().unwrap_or_default();
            Some(encode_cursor(date, &last.code))
        }
        _ => None,
    };
    Ok(AppJson(IncidentPage {
        items: rows.iter().map(review::list_item).collect(),
        next_cursor,
    }))
}

/// Located incidents for a map.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Points {
    /// How many.
    count: usize,
    /// Each as `[lat, lon, code, date, event_type, grade, killed]` (compact: a map may get
    /// 100,000 of them).
    #[schema(value_type = Vec<Vec<Object>>)]
    points: Vec<Value>,
}

/// Every located incident matching the filters, newest first, in compact form for a map.
#[utoipa::path(get, path = "/api/v1/incidents/points", tag = "incidents",
    params(IncidentFilters),
    responses((status = 200, body = Points), (status = 400, body = crate::error::ErrorBody)))]
pub(crate) async fn points(
    axum::extract::State(state): axum::extract::State<AppState>,
    _access: ReadAccess,
    AppQuery(filters): AppQuery<IncidentFilters>,
) -> Result<AppJson<Points>, AppError> {
    let filter = filters.to_filter(MAX_POINTS)?;
    let points: Vec<IncidentPoint> = state.read(move |s| Ok(s.incident_points(&filter)?)).await?;
    Ok(AppJson(Points {
        count: points.len(),
        points: points
            .into_iter()
            .map(|p| {
                json!([
                    p.lat,
                    p.lon,
                    p.code,
                    p.date,
                    p.event_type,
                    p.grade,
                    p.killed
                ])
            })
            .collect(),
    }))
}

/// Counts over the matching incidents, for filter menus and a timeline.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Facets {
    /// Incidents matching.
    total: u64,
    /// `[country_code, incidents]`, most first.
    #[schema(value_type = Vec<Vec<Object>>)]
    by_country: Vec<(String, u64)>,
    /// `[event_type, incidents]`, most first.
    #[schema(value_type = Vec<Vec<Object>>)]
    by_event_type: Vec<(String, u64)>,
    /// `[grade, incidents]`, most first.
    #[schema(value_type = Vec<Vec<Object>>)]
    by_grade: Vec<(String, u64)>,
    /// `[YYYY-MM, incidents, conservative killed]`, oldest first.
    #[schema(value_type = Vec<Vec<Object>>)]
    by_month: Vec<(String, u64, u64)>,
}

/// Counts of the incidents matching the filters: by country, event type, grade and month.
#[utoipa::path(get, path = "/api/v1/incidents/facets", tag = "incidents",
    params(IncidentFilters),
    responses((status = 200, body = Facets), (status = 400, body = crate::error::ErrorBody)))]
pub(crate) async fn facets(
    axum::extract::State(state): axum::extract::State<AppState>,
    _access: ReadAccess,
    AppQuery(filters): AppQuery<IncidentFilters>,
) -> Result<AppJson<Facets>, AppError> {
    let filter = filters.to_filter(0)?;
    let f = state.read(move |s| Ok(s.incident_facets(&filter)?)).await?;
    Ok(AppJson(Facets {
        total: f.total,
        by_country: f.by_country,
        by_event_type: f.by_event_type,
        by_grade: f.by_grade,
        by_month: f.by_month,
    }))
}

/// One incident with everything behind it.
///
/// The derived record (`event_type`, `date`, `location`, `killed`/`injured` with their
/// `per_source` ranges, `claims` ledger, `grade` and `grade_reasons`, `analyst` values and
/// the `extracted` values they replaced) plus `reports`: each report's text, whether it is
/// graphic, and for each of its mentions the extracted incident and its `evidence` spans;
/// `notes` (private ones only for analyst and admin tokens) and `history`.
#[utoipa::path(get, path = "/api/v1/incidents/{code}", tag = "incidents",
    params(("code" = String, Path, description = "Incident code (a previous code resolves to the incident that absorbed it)")),
    responses((status = 200, body = Object), (status = 404, body = crate::error::ErrorBody)))]
pub(crate) async fn detail(
    axum::extract::State(state): axum::extract::State<AppState>,
    access: ReadAccess,
    AppPath(code): AppPath<String>,
) -> Result<AppJson<Value>, AppError> {
    let private = access.sees_private();
    let v = state
        .read(move |s| incident_detail(s, &code, private))
        .await?;
    Ok(AppJson(v))
}

/// Assembles an incident's detail (as `attest incident show --json` does, plus the reports).
pub(crate) fn incident_detail(
    store: &SqliteStore,
    code: &str,
    private: bool,
) -> Result<Value, AppError> {
    let row = store.incident(code)?;
    let mentions = store.mentions(Some(row.id))?;
    let notes: Vec<_> = store
        .notes(row.id)?
        .into_iter()
        .filter(|n| private || !n.private)
        .collect();
    let history = review::history(store, &row)?;
    let mut by_report: BTreeMap<i64, Vec<&attest_store::StoredMention>> = BTreeMap::new();
    for m in &mentions {
        by_report.entry(m.report_id.0).or_default().push(m);
    }
    let mut reports = Vec::with_capacity(by_report.len());
    for (id, ms) in by_report {
        let report = store.report(&format!("#{id}"))?;
        let extraction = store.current_extraction(report.id)?;
        let result = extraction.as_ref().map(|e| &e.result);
        let graphic = result.and_then(|r| r["graphic"].as_bool()).unwrap_or(false);
        let mentions: Vec<Value> = ms
            .iter()
            .map(|m| {
                let extracted = result
                    .map(|r| r["incidents"][m.idx as usize].clone())
                    .unwrap_or(Value::Null);
                let evidence = extracted
                    .get("evidence")
                    .cloned()
                    .unwrap_or_else(|| json!({}));
                json!({
                    "mention": format!("{}#{}", m.report_id, m.idx),
                    "index": m.idx,
                    "evidence_utf16": utf16_spans(&report.text, &evidence),
                    "evidence": evidence,
                    "extracted": extracted,
                    "link": m.link,
                })
            })
            .collect();
        reports.push(json!({
            "id": report.id,
            "external_id": report.external_id,
            "source": report.source_name,
            "title": report.title,
            "url": report.url,
            "published_at": report.published_at,
            "captured_at": report.captured_at,
            "language": report.language,
            "format": report.format,
            "sha256": report.sha256,
            "graphic": graphic,
            "text": report.text,
            "lexicon_version": extraction.as_ref().map(|e| &e.lexicon_version),
            "mentions": mentions,
        }));
    }
    let mut v = row.summary.clone();
    if !v.is_object() {
        v = json!({});
    }
    v["code"] = json!(row.code);
    v["previous_codes"] = json!(row.previous_codes);
    v["status"] = json!(row.status);
    v["created_at"] = json!(row.created_at);
    v["updated_at"] = json!(row.updated_at);
    v["reports"] = json!(reports);
    v["notes"] = json!(notes);
    v["history"] = json!(history);
    Ok(v)
}

/// Evidence spans (UTF-8 byte offsets, as the contract gives them) as UTF-16 code-unit
/// offsets, which is what a browser's strings count. Spans off the text are dropped.
fn utf16_spans(text: &str, evidence: &Value) -> Value {
    let at = |byte: u64| -> Option<usize> {
        let b = usize::try_from(byte).ok()?;
        text.get(..b).map(|prefix| prefix.encode_utf16().count())
    };
    let mut out = serde_json::Map::new();
    for (key, spans) in evidence.as_object().into_iter().flatten() {
        let converted: Vec<Value> = spans
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| Some(json!([at(s[0].as_u64()?)?, at(s[1].as_u64()?)?])))
            .collect();
        out.insert(key.clone(), Value::Array(converted));
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn spans_convert_to_utf16_offsets() {
        // "é" is 2 bytes and 1 UTF-16 unit; "𝄞" is 4 bytes and 2 units.
        let text = "é𝄞 killed 3";
        let ev = json!({"killed": [[7, 15]], "bad": [[1, 2], [0, 99]]});
        let out = utf16_spans(text, &ev);
        assert_eq!(out["killed"], json!([[4, 12]]));
        assert_eq!(out["bad"], json!([]));
    }

    use super::*;

    #[test]
    fn cursors_round_trip_and_junk_is_refused() {
        let c = encode_cursor("2016-04-27", "SY-2016-04-27-001");
        assert_eq!(
            decode_cursor(&c).unwrap(),
            ("2016-04-27".to_string(), "SY-2016-04-27-001".to_string())
        );
        assert!(decode_cursor("zz").is_err());
        assert!(decode_cursor(&hex::encode("[1]")).is_err());
    }

    #[test]
    fn bbox_and_days_are_checked() {
        assert_eq!(parse_bbox("35,33,38,37").unwrap(), [35.0, 33.0, 38.0, 37.0]);
        assert!(parse_bbox("35,33,38").is_err());
        assert!(parse_bbox("35,40,38,37").is_err());
        assert!(parse_bbox("35,33,190,37").is_err());
        assert!(check_day("from", &Some("2016-04-27".into())).is_ok());
        assert!(check_day("from", &Some("27/04/2016".into())).is_err());
    }
}
