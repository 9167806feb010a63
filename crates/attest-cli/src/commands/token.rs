//! `attest token`: API tokens for `attest serve`.

use super::open_store;
use crate::output;
use attest_server::Role;
use attest_store::{AuditEntry, Store};
use clap::Subcommand;
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub(crate) enum TokenCmd {
    /// Create a token and print it (the only time it is shown; only its hash is stored).
    #[command(after_help = "Example:
  attest token create --role analyst --name anna
  curl -H \"Authorization: Bearer $TOKEN\" -X POST .../api/v1/incidents/CODE/grade -d '{\"grade\":\"confirmed\"}'")]
    Create {
        /// reader (reads under --private), analyst (also writes), admin.
        #[arg(long, value_parser = ["reader", "analyst", "admin"])]
        role: String,
        /// Who holds it; recorded as the author of the changes made with it.
        #[arg(long)]
        name: String,
        /// Who creates it (audit log).
        #[arg(long, env = "USER", default_value = "unknown")]
        by: String,
    },
    /// List tokens: names, roles, dates (never the tokens).
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Revoke the token in use under a name.
    Revoke {
        /// The token's name.
        name: String,
        /// Who revokes it (audit log).
        #[arg(long, env = "USER", default_value = "unknown")]
        by: String,
    },
}

impl TokenCmd {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let mut store = open_store(db)?;
        match self {
            TokenCmd::Create { role, name, by } => {
                let role: Role = role.parse().map_err(anyhow::Error::msg)?;
                let token = attest_server::create_token(&mut store, &name, role)?;
                store.audit(&AuditEntry {
                    actor: by,
                    action: "token.create".into(),
                    entity: "token".into(),
                    entity_id: Some(name.clone()),
                    details: json!({"role": role.as_str()}),
                    reason: None,
                })?;
                eprintln!("token for {name} ({role}); it is shown only now:");
                println!("{token}");
            }
            TokenCmd::List { json } => {
                let tokens = store.tokens()?;
                if json {
                    let public: Vec<_> = tokens
                        .iter()
                        .map(|t| json!({"name": t.name, "role": t.role, "created_at": t.created_at, "revoked_at": t.revoked_at}))
                        .collect();
                    output::json(&public)?;
                } else {
                    for t in tokens {
                        println!(
                            "{:<20} {:<8} created {}{}",
                            t.name,
                            t.role,
                            t.created_at,
                            t.revoked_at
                                .map(|r| format!(", revoked {r}"))
                                .unwrap_or_default()
                        );
                    }
                }
            }
            TokenCmd::Revoke { name, by } => {
                store.revoke_token(&name)?;
                store.audit(&AuditEntry {
                    actor: by,
                    action: "token.revoke".into(),
                    entity: "token".into(),
                    entity_id: Some(name.clone()),
                    details: json!({}),
                    reason: None,
                })?;
                println!("revoked the token of {name}");
            }
        }
        Ok(ExitCode::SUCCESS)
    }
}
