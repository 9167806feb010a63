//! Errors become HTTP responses here, and only here: bad input is a 4xx with a message, an
//! internal failure a 500 with "Something went wrong", logged once.

use attest_store::StoreError;
use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// What a request can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AppError {
    /// The request asks for something that cannot be done as asked.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing has that key.
    #[error("{0}")]
    NotFound(String),
    /// The key is taken.
    #[error("{0}")]
    Conflict(String),
    /// No token, or a token that is not valid.
    #[error("a valid bearer token is needed (Authorization: Bearer <token>)")]
    Unauthorized,
    /// The token's role does not allow this.
    #[error("this token's role does not allow this: {0}")]
    Forbidden(&'static str),
    /// The request could not be read (bad JSON, bad query, body too large...).
    #[error("{message}")]
    Rejected {
        /// The status axum gave the rejection.
        status: StatusCode,
        /// What was wrong.
        message: String,
    },
    /// Anything else: the client sees "Something went wrong", the log sees the cause.
    #[error(transparent)]
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl AppError {
    /// An internal failure.
    pub fn internal(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        AppError::Internal(Box::new(e))
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::Rejected { status, .. } => *status,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } => AppError::NotFound(e.to_string()),
            StoreError::Conflict(m) => AppError::Conflict(m),
            other => AppError::internal(other),
        }
    }
}

impl From<attest::Error> for AppError {
    fn from(e: attest::Error) -> Self {
        match e {
            attest::Error::Invalid(m) => AppError::BadRequest(m),
            attest::Error::Store(s) => s.into(),
            other => AppError::internal(other),
        }
    }
}

macro_rules! rejection {
    ($($t:ty),*) => {$(
        impl From<$t> for AppError {
            fn from(r: $t) -> Self {
                AppError::Rejected { status: r.status(), message: r.body_text() }
            }
        }
    )*};
}
rejection!(JsonRejection, QueryRejection, PathRejection, BytesRejection);

/// The body of every error response.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// An error: its status and a message for a person.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// HTTP status code.
    pub status: u16,
    /// What went wrong.
    pub message: String,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let message = match &self {
            AppError::Internal(e) => {
                tracing::error!(error = %e, "request failed");
                "Something went wrong".to_string()
            }
            other => other.to_string(),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                status: status.as_u16(),
                message,
            },
        };
        let mut response = (status, axum::Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

/// `axum::Json` whose rejections use [`AppError`]'s format.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct AppJson<T>(pub T);

impl<T: Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Query` whose rejections use [`AppError`]'s format.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct AppQuery<T>(pub T);

/// `axum::extract::Path` whose rejections use [`AppError`]'s format.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(AppError))]
pub struct AppPath<T>(pub T);
