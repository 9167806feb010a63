//! Bearer tokens and roles. A token is 32 random bytes shown once, hex-encoded with an
//! `attest_` prefix; the store keeps only its sha256, and a presented token is checked against
//! every stored hash in constant time.

use crate::error::AppError;
use crate::state::AppState;
use attest_store::{SqliteStore, Store, TokenRecord};
use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;
use subtle::ConstantTimeEq;

/// What a token may do: readers read (needed only under `--private`), analysts and admins
/// also write.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads, including under `--private`.
    Reader,
    /// Reads private fields and makes the analyst's changes.
    Analyst,
    /// Everything an analyst does.
    Admin,
}

impl Role {
    /// The role's name as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reader => "reader",
            Role::Analyst => "analyst",
            Role::Admin => "admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "reader" => Ok(Role::Reader),
            "analyst" => Ok(Role::Analyst),
            "admin" => Ok(Role::Admin),
            other => Err(format!(
                "unknown role '{other}' (use reader, analyst or admin)"
            )),
        }
    }
}

/// The prefix of every token, so a leaked one is easy to recognise.
const PREFIX: &str = "attest_";

/// The sha256 of a token, as stored.
pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Creates a token for `name` with `role`, stores its hash and returns the token: the only
/// time it is ever seen.
pub fn create_token(store: &mut SqliteStore, name: &str, role: Role) -> Result<String, AppError> {
    if name.trim().is_empty() {
        return Err(AppError::BadRequest("a token needs a name".into()));
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AppError::internal(RandomError(e.to_string())))?;
    let token = format!("{PREFIX}{}", hex::encode(bytes));
    store.add_token(name.trim(), role.as_str(), &hex::encode(token_hash(&token)))?;
    Ok(token)
}

#[derive(Debug, thiserror::Error)]
#[error("the system's random number generator failed: {0}")]
struct RandomError(String);

/// Who is calling: the name and role of a valid token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Caller {
    /// The token's name (recorded as the author of changes).
    pub name: String,
    /// Its role.
    pub role: Role,
}

/// The token in use whose hash matches `presented`, comparing against every stored hash in
/// constant time (no early exit, no byte-by-byte comparison).
pub fn verify(tokens: &[TokenRecord], presented: &str) -> Option<Caller> {
    let hash = token_hash(presented);
    let mut found = None;
    for t in tokens {
        let Ok(stored) = hex::decode(&t.sha256) else {
            continue;
        };
        let same: bool = stored.ct_eq(&hash).into();
        if same && t.revoked_at.is_none() {
            found = t.role.parse().ok().map(|role| Caller {
                name: t.name.clone(),
                role,
            });
        }
    }
    found
}

/// The caller of a request, if it presented a token. A token that is present but not valid is
/// refused (401) even where none is needed.
async fn caller(parts: &Parts, state: &AppState) -> Result<Option<Caller>, AppError> {
    let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| AppError::Unauthorized)?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or(AppError::Unauthorized)?
        .to_string();
    let tokens = state.read(|s| Ok(s.tokens()?)).await?;
    match verify(&tokens, &token) {
        Some(c) => {
            tracing::debug!(token.name = %c.name, role = %c.role, "request authenticated");
            Ok(Some(c))
        }
        None => Err(AppError::Unauthorized),
    }
}

/// Read access: anyone, unless the server is private, where any valid token is needed.
#[derive(Debug, Clone)]
pub struct ReadAccess(pub Option<Caller>);

impl ReadAccess {
    /// Whether private fields (private notes) may be shown.
    pub fn sees_private(&self) -> bool {
        self.0.as_ref().is_some_and(|c| c.role >= Role::Analyst)
    }
}

impl FromRequestParts<AppState> for ReadAccess {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let who = caller(parts, state).await?;
        if who.is_none() && state.options().private {
            return Err(AppError::Unauthorized);
        }
        Ok(ReadAccess(who))
    }
}

/// Write access: a valid analyst or admin token.
#[derive(Debug, Clone)]
pub struct WriteAccess(pub Caller);

impl FromRequestParts<AppState> for WriteAccess {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        match caller(parts, state).await? {
            None => Err(AppError::Unauthorized),
            Some(c) if c.role < Role::Analyst => Err(AppError::Forbidden(
                "changes need an analyst or admin token",
            )),
            Some(c) => Ok(WriteAccess(c)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str, role: &str, token: &str, revoked: bool) -> TokenRecord {
        TokenRecord {
            id: 1,
            name: name.into(),
            role: role.into(),
            sha256: hex::encode(token_hash(token)),
            created_at: "t".into(),
            revoked_at: revoked.then(|| "t".into()),
        }
    }

    #[test]
    fn only_a_matching_token_in_use_is_accepted() {
        let tokens = vec![
            record("old", "admin", "attest_old", true),
            record("ana", "analyst", "attest_ana", false),
        ];
        assert_eq!(
            verify(&tokens, "attest_ana"),
            Some(Caller {
                name: "ana".into(),
                role: Role::Analyst
            })
        );
        assert_eq!(verify(&tokens, "attest_old"), None);
        assert_eq!(verify(&tokens, "attest_an"), None);
        assert_eq!(verify(&[], "attest_ana"), None);
    }

    #[test]
    fn created_tokens_are_random_and_stored_hashed() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let a = create_token(&mut store, "a", Role::Reader).unwrap();
        let b = create_token(&mut store, "b", Role::Admin).unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with(PREFIX) && a.len() == PREFIX.len() + 64);
        let stored = store.tokens().unwrap();
        assert!(stored
            .iter()
            .all(|t| !t.sha256.contains(&a[PREFIX.len()..])));
        assert_eq!(verify(&stored, &b).map(|c| c.role), Some(Role::Admin));
        assert!(create_token(&mut store, " ", Role::Reader).is_err());
    }

    #[test]
    fn roles_are_ordered_and_parse() {
        assert!(Role::Reader < Role::Analyst && Role::Analyst < Role::Admin);
        assert_eq!("admin".parse::<Role>(), Ok(Role::Admin));
        assert!("root".parse::<Role>().is_err());
    }
}
