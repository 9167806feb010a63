//! The OpenAPI document, generated from the handlers' annotations.

use crate::api::{incidents, misc, reports, review};
use axum::response::IntoResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "attest API", description = "Sourced, cross-checked conflict incident records: incidents, the reports behind them, sources, search, and the analyst's review."),
    paths(
        incidents::list, incidents::points, incidents::facets, incidents::detail,
        review::merge, review::split, review::set, review::grade, review::note,
        reports::list, reports::detail, reports::original, reports::upload,
        misc::sources, misc::search, misc::stats,
    ),
    components(schemas(crate::error::ErrorBody, crate::error::ErrorDetail, crate::auth::Role)),
    modifiers(&BearerAuth),
    tags(
        (name = "incidents", description = "Incidents across sources"),
        (name = "reports", description = "Reports, sources, search and counts"),
        (name = "review", description = "The analyst's changes (analyst or admin token)"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// `GET /api/v1/openapi.json` (public even under `--private`: it describes, it holds no data).
pub(crate) async fn document() -> impl IntoResponse {
    axum::Json(openapi())
}
