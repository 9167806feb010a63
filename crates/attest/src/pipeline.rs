//! Storing incoming reports: the store's form of a report, language guesses, and a batch
//! prepared on every core, inserted in one transaction and extracted.

use crate::engine::Engine;
use crate::Result;
use attest_ingest::Incoming;
use attest_model::BatchId;
use attest_store::{InsertOutcome, NewReport, PreparedReport, SqliteStore, Store};
use rayon::prelude::*;

/// Stores a batch of reports in one transaction (language guesses, hashes and compression on
/// every core first), then extracts the new ones when an engine is given. Returns the outcome
/// of each report, in order, and the number of incidents extracted.
pub fn store_reports(
    store: &mut SqliteStore,
    engine: Option<&Engine>,
    batch: BatchId,
    reports: Vec<NewReport>,
) -> Result<(Vec<InsertOutcome>, u64)> {
    let prepared = reports
        .into_par_iter()
        .map(prepare_report)
        .collect::<Result<Vec<_>, _>>()?;
    store_prepared(store, engine, batch, prepared)
}

/// Readies one report for the store: guesses its language when unset, hashes and compresses
/// its original. Pure, so callers run it on any thread, ahead of the single writer.
pub fn prepare_report(mut report: NewReport) -> std::io::Result<PreparedReport> {
    if report.language.is_none() {
        report.language = guess_language(&report.text);
    }
    report.prepare()
}

/// Stores reports readied by [`prepare_report`] in one transaction, then extracts the new ones
/// when an engine is given. Returns the outcome of each report, in order, and the number of
/// incidents extracted.
pub fn store_prepared(
    store: &mut SqliteStore,
    engine: Option<&Engine>,
    batch: BatchId,
    prepared: Vec<PreparedReport>,
) -> Result<(Vec<InsertOutcome>, u64)> {
    let outcomes = store.insert_reports(batch, prepared)?;
    let new_ids: Vec<_> = outcomes
        .iter()
        .filter(|o| o.is_new())
        .map(InsertOutcome::id)
        .collect();
    let incidents = match engine {
        Some(engine) => engine.extract_stored(store, &new_ids)?,
        None => 0,
    };
    Ok((outcomes, incidents))
}

/// The store's form of an incoming report: the source falls back to the URL's host.
pub fn to_new_report(incoming: Incoming) -> NewReport {
    let source_name = incoming.source_name.or_else(|| {
        incoming
            .url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .and_then(|u| {
                u.host_str()
                    .map(|h| h.trim_start_matches("www.").to_string())
            })
    });
    NewReport {
        external_id: incoming.external_id,
        source_name,
        url: incoming.url,
        title: incoming.title,
        published_at: incoming.published,
        language: incoming.language,
        format: incoming.format,
        original: incoming.original,
        text: incoming.text,
        warnings: incoming.warnings,
        origin: Some(incoming.origin.to_string()),
    }
}

/// ISO 639-1 code of the text's language when the guess is reliable.
pub fn guess_language(text: &str) -> Option<String> {
    // A couple of hundred characters decide reliably and keep the guess cheap.
    let sample = match text.char_indices().nth(240) {
        Some((at, _)) => &text[..at],
        None => text,
    };
    use std::sync::OnceLock;
    use whatlang::{Detector, Lang};
    // Only the languages attest has or plans lexicons for: fewer candidates, faster and surer.
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    let detector = DETECTOR.get_or_init(|| {
        Detector::with_allowlist(vec![
            Lang::Eng,
            Lang::Ara,
            Lang::Ukr,
            Lang::Rus,
            Lang::Fra,
            Lang::Spa,
            Lang::Deu,
            Lang::Tur,
            Lang::Pes,
        ])
    });
    let info = detector.detect(sample)?;
    info.is_reliable()
        .then(|| info.lang().code())
        .and_then(iso639_1)
        .map(str::to_string)
}

/// The two-letter code of the languages attest plans lexicons for (others stay unset).
fn iso639_1(code3: &str) -> Option<&'static str> {
    Some(match code3 {
        "eng" => "en",
        "ara" => "ar",
        "ukr" => "uk",
        "rus" => "ru",
        "fra" => "fr",
        "spa" => "es",
        "deu" => "de",
        "tur" => "tr",
        "pes" => "fa",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_guess_is_reliable_or_absent() {
        let en = "Shelling hit a crowded market in the north of the city on Tuesday, killing at least twelve people and wounding dozens more, local officials said.";
        assert_eq!(guess_language(en).as_deref(), Some("en"));
        let ar = "قتل اثنا عشر شخصا على الأقل وأصيب العشرات في قصف استهدف سوقا شعبيا في شمال المدينة يوم الثلاثاء";
        assert_eq!(guess_language(ar).as_deref(), Some("ar"));
        assert_eq!(guess_language("ok"), None);
    }
}
