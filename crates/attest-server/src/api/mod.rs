//! The JSON API under `/api/v1`.

pub(crate) mod incidents;
pub(crate) mod misc;
pub(crate) mod reports;
pub(crate) mod review;

use crate::error::AppError;
use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;

/// The API's routes, relative to `/api/v1`.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/incidents", get(incidents::list))
        .route("/incidents/points", get(incidents::points))
        .route("/incidents/facets", get(incidents::facets))
        .route("/incidents/{code}", get(incidents::detail))
        .route("/incidents/{code}/merge", post(review::merge))
        .route("/incidents/{code}/split", post(review::split))
        .route("/incidents/{code}/set", post(review::set))
        .route("/incidents/{code}/grade", post(review::grade))
        .route("/incidents/{code}/note", post(review::note))
        .route("/reports", get(reports::list).post(reports::upload))
        .route("/reports/{id}", get(reports::detail))
        .route("/reports/{id}/original", get(reports::original))
        .route("/sources", get(misc::sources))
        .route("/search", get(misc::search))
        .route("/stats", get(misc::stats))
        .route("/openapi.json", get(crate::openapi::document))
        .fallback(not_found)
}

async fn not_found() -> AppError {
    AppError::NotFound("no such API endpoint".into())
}
