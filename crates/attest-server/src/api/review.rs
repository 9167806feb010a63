//! The analyst's changes: merge, split, set, grade and note, each recorded in the audit log
//! under the token's name and followed by a re-link (in `attest::review`).

use crate::auth::WriteAccess;
use crate::error::{AppError, AppJson, AppPath};
use crate::state::AppState;
use attest::review::{self, SplitOutcome, Who};
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::ToSchema;

fn who(caller: &crate::auth::Caller, reason: Option<String>) -> Who {
    Who {
        by: caller.name.clone(),
        reason: reason.filter(|r| !r.trim().is_empty()),
    }
}

/// Merge other incidents into this one.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct MergeBody {
    /// Codes of the incidents absorbed (their codes keep resolving to this one).
    codes: Vec<String>,
    /// Why (audit log).
    reason: Option<String>,
}

/// The incident after a change.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Changed {
    /// The incident, in list form.
    #[schema(value_type = Object)]
    incident: Value,
    /// What re-linking did, when it ran.
    #[schema(value_type = Object)]
    relink: Value,
}

/// Merge incidents into this one. Needs an analyst or admin token.
#[utoipa::path(post, path = "/api/v1/incidents/{code}/merge", tag = "review",
    params(("code" = String, Path, description = "The incident that survives")),
    request_body = MergeBody,
    responses((status = 200, body = Changed), (status = 400, body = crate::error::ErrorBody),
              (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody),
              (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn merge(
    State(state): State<AppState>,
    WriteAccess(caller): WriteAccess,
    AppPath(code): AppPath<String>,
    AppJson(body): AppJson<MergeBody>,
) -> Result<AppJson<Changed>, AppError> {
    let who = who(&caller, body.reason);
    let mut codes = vec![code];
    codes.extend(body.codes);
    let out = state
        .write(move |store, ctx| {
            let (row, summary) = review::merge(store, ctx.link(), &codes, &who)?;
            Ok(Changed {
                incident: review::list_item(&row),
                relink: serde_json::to_value(summary).unwrap_or(Value::Null),
            })
        })
        .await?;
    Ok(AppJson(out))
}

/// Move mentions out of this incident into a new one.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct SplitBody {
    /// Mentions (`REPORT#INDEX`) or reports (their ingested-under id) to move out.
    mentions: Vec<String>,
    /// Why (audit log).
    reason: Option<String>,
}

/// What a split did.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SplitResult {
    /// The incident split.
    from: String,
    /// The incident the moved mentions now form.
    into: Option<String>,
    /// The mentions moved.
    moved: Vec<String>,
}

impl From<SplitOutcome> for SplitResult {
    fn from(o: SplitOutcome) -> Self {
        SplitResult {
            from: o.from,
            into: o.into,
            moved: o.moved,
        }
    }
}

/// Split mentions out of an incident. Needs an analyst or admin token.
#[utoipa::path(post, path = "/api/v1/incidents/{code}/split", tag = "review",
    params(("code" = String, Path, description = "Incident code")),
    request_body = SplitBody,
    responses((status = 200, body = SplitResult), (status = 400, body = crate::error::ErrorBody),
              (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody),
              (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn split(
    State(state): State<AppState>,
    WriteAccess(caller): WriteAccess,
    AppPath(code): AppPath<String>,
    AppJson(body): AppJson<SplitBody>,
) -> Result<AppJson<SplitResult>, AppError> {
    let who = who(&caller, body.reason);
    let out = state
        .write(move |store, ctx| {
            Ok(review::split(
                store,
                ctx.link(),
                &code,
                &body.mentions,
                &who,
            )?)
        })
        .await?;
    Ok(AppJson(out.into()))
}

/// Set a field to an analyst's value.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct SetBody {
    /// event_type, date, killed, injured, location, perpetrator, weapons or targets.
    field: String,
    /// JSON, or a short form as a string: `"55"`, `"55-60"`, `"55+"` for killed/injured,
    /// `"YYYY-MM-DD"` for date, `"a, b"` for weapons/targets.
    #[schema(value_type = Object)]
    value: Value,
    /// Why (audit log).
    reason: Option<String>,
}

/// Set a field of an incident (the extracted value stays visible). Needs an analyst or admin
/// token.
#[utoipa::path(post, path = "/api/v1/incidents/{code}/set", tag = "review",
    params(("code" = String, Path, description = "Incident code")),
    request_body = SetBody,
    responses((status = 200, body = Changed), (status = 400, body = crate::error::ErrorBody),
              (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody),
              (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn set(
    State(state): State<AppState>,
    WriteAccess(caller): WriteAccess,
    AppPath(code): AppPath<String>,
    AppJson(body): AppJson<SetBody>,
) -> Result<AppJson<Changed>, AppError> {
    let who = who(&caller, body.reason);
    let raw = match &body.value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let value = review::parse_value(&body.field, &raw)?;
    let field = body.field;
    let out = state
        .write(move |store, ctx| {
            let row = review::set(store, ctx.link(), &code, &field, value, &who)?;
            Ok(Changed {
                incident: review::list_item(&row),
                relink: Value::Null,
            })
        })
        .await?;
    Ok(AppJson(out))
}

/// Grade an incident.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct GradeBody {
    /// single_source, corroborated, contested, confirmed or discounted.
    grade: String,
    /// Why (audit log).
    reason: Option<String>,
}

/// Grade an incident (the analyst's grade overrides the rules). Needs an analyst or admin
/// token.
#[utoipa::path(post, path = "/api/v1/incidents/{code}/grade", tag = "review",
    params(("code" = String, Path, description = "Incident code")),
    request_body = GradeBody,
    responses((status = 200, body = Changed), (status = 400, body = crate::error::ErrorBody),
              (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody),
              (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn grade(
    State(state): State<AppState>,
    WriteAccess(caller): WriteAccess,
    AppPath(code): AppPath<String>,
    AppJson(body): AppJson<GradeBody>,
) -> Result<AppJson<Changed>, AppError> {
    let who = who(&caller, body.reason);
    let out = state
        .write(move |store, ctx| {
            let row = review::grade(store, ctx.link(), &code, &body.grade, &who)?;
            Ok(Changed {
                incident: review::list_item(&row),
                relink: Value::Null,
            })
        })
        .await?;
    Ok(AppJson(out))
}

/// A note on an incident.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct NoteBody {
    /// The note.
    text: String,
    /// Show it in public responses (notes are private by default).
    #[serde(default)]
    public: bool,
}

/// Add a note to an incident (private unless `public`). Needs an analyst or admin token.
#[utoipa::path(post, path = "/api/v1/incidents/{code}/note", tag = "review",
    params(("code" = String, Path, description = "Incident code")),
    request_body = NoteBody,
    responses((status = 200, body = Object), (status = 400, body = crate::error::ErrorBody),
              (status = 401, body = crate::error::ErrorBody), (status = 403, body = crate::error::ErrorBody),
              (status = 404, body = crate::error::ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn note(
    State(state): State<AppState>,
    WriteAccess(caller): WriteAccess,
    AppPath(code): AppPath<String>,
    AppJson(body): AppJson<NoteBody>,
) -> Result<AppJson<Value>, AppError> {
    let who = who(&caller, None);
    let out = state
        .write(move |store, _| {
            let row = review::note(store, &code, &body.text, body.public, &who)?;
            Ok(json!({"code": row.code, "private": !body.public}))
        })
        .await?;
    Ok(AppJson(out))
}
