//! Writing results for people and for programs.

use serde::Serialize;
use std::io::Write;

/// Prints a value as pretty JSON on standard output.
pub(crate) fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Shows an optional value, `-` when absent.
pub(crate) fn or_dash(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

/// Cuts a string to at most `max` characters, marking the cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_string(),
    }
}
