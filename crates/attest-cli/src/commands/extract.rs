//! `attest extract`: the extraction contract (`shared/extract-contract.md`) over JSON Lines.
//!
//! Lines are read in chunks, extracted in parallel, and written in input order. A line that
//! cannot be read yields an error line and processing goes on.

use super::ingest::parse_size;
use anyhow::Context;
use attest::engine::{output_value, Engine};
use attest_extract::Document;
use attest_model::{ErrorLine, InputLine};
use clap::Args;
use rayon::prelude::*;
use serde_json::Value;
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Lines extracted together; bounds memory whatever the input size.
const CHUNK: usize = 512;

/// Read contract input lines and write, for each, the incidents it describes.
///
/// Input lines: {"id", "text" or "html", "published", "title", "url", "source"}. Output lines:
/// {"id", "schema": 1, "incidents": [...]} in input order, or {"id", "error"} for a line that
/// cannot be read. Places come from the embedded gazetteer plus the places of the store named
/// by --db / ATTEST_DB when that file exists.
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  attest extract < reports.jsonl > incidents.jsonl
  attest extract --with-text --explain --threads 2 a.jsonl b.jsonl
  attest extract --lexicon my-lexicons/ < reports.jsonl")]
pub(crate) struct Extract {
    /// Input files (JSON Lines); standard input when none.
    files: Vec<PathBuf>,
    /// Add the text that offsets refer to (the article text for `html` input) as "text".
    #[arg(long)]
    with_text: bool,
    /// Add "explain": every place the gazetteer found, with the alternatives it did not choose,
    /// and how each sentence with a trigger or casualty word was read, and why.
    #[arg(long)]
    explain: bool,
    /// Worker threads (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// A folder of lexicon files that extend or override the embedded ones.
    #[arg(long, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Largest report text accepted; a longer one yields an error line.
    #[arg(long, default_value = "20MiB", value_parser = parse_size)]
    max_size: u64,
}

impl Extract {
    pub(crate) fn run(self, db: &Path) -> anyhow::Result<ExitCode> {
        let engine = Engine::for_db(self.lexicon.as_deref(), db)?;
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = self.threads {
            builder = builder.num_threads(n.max(1));
        }
        let pool = builder.build().context("starting worker threads")?;
        let stdout = std::io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        let opts = LineOptions {
            with_text: self.with_text,
            explain: self.explain,
            max_size: self.max_size,
        };
        if self.files.is_empty() {
            let stdin = std::io::stdin();
            run_stream(&engine, &pool, &opts, stdin.lock(), &mut out)?;
        } else {
            for file in &self.files {
                let f = std::fs::File::open(file)
                    .with_context(|| format!("cannot open {}", file.display()))?;
                run_stream(&engine, &pool, &opts, std::io::BufReader::new(f), &mut out)?;
            }
        }
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}

struct LineOptions {
    with_text: bool,
    explain: bool,
    max_size: u64,
}

fn run_stream(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    opts: &LineOptions,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let mut line_no = 0u64;
    let mut chunk: Vec<(u64, Vec<u8>)> = Vec::with_capacity(CHUNK);
    loop {
        let mut buf = Vec::new();
        let n = input.read_until(b'\n', &mut buf).context("reading input")?;
        if n > 0 {
            line_no += 1;
            if !buf.iter().all(u8::is_ascii_whitespace) {
                chunk.push((line_no, buf));
            }
        }
        if chunk.len() == CHUNK || (n == 0 && !chunk.is_empty()) {
            let lines: Vec<String> = pool.install(|| {
                chunk
                    .par_iter()
                    .map(|(no, bytes)| process_line(engine, opts, *no, bytes))
                    .collect()
            });
            for line in lines {
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
            }
            chunk.clear();
        }
        if n == 0 {
            return Ok(());
        }
    }
}

/// One input line to one output line (a result or an error).
fn process_line(engine: &Engine, opts: &LineOptions, line_no: u64, bytes: &[u8]) -> String {
    match extract_line(engine, opts, line_no, bytes) {
        Ok(value) => value.to_string(),
        Err((id, error)) => serde_json::to_string(&ErrorLine { id, error })
            .expect("an error line always serialises"),
    }
}

type LineError = (Value, String);

fn extract_line(
    engine: &Engine,
    opts: &LineOptions,
    line_no: u64,
    bytes: &[u8],
) -> Result<Value, LineError> {
    let line_id = Value::from(line_no);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| (line_id.clone(), format!("line {line_no}: not UTF-8 ({e})")))?;
    let input: InputLine = serde_json::from_str(text).map_err(|e| {
        // Name the line by its id when the id can still be read.
        let id = serde_json::from_str::<Value>(text)
            .ok()
            .and_then(|v| v.get("id").cloned())
            .unwrap_or_else(|| line_id.clone());
        (id, format!("line {line_no}: not a valid input line: {e}"))
    })?;
    let id = Value::from(input.id.clone());
    if input.id.is_empty() {
        return Err((line_id, format!("line {line_no}: \"id\" is empty")));
    }
    let (body, published, title) = match (&input.text, &input.html) {
        (Some(text), _) => (text.clone(), input.published.clone(), input.title.clone()),
        (None, Some(html)) => {
            let article = attest_ingest::html_article(html);
            (
                article.text,
                input.published.clone().or(article.published),
                input.title.clone().or(article.title),
            )
        }
        (None, None) => {
            return Err((id, format!("line {line_no}: needs \"text\" or \"html\"")));
        }
    };
    if body.len() as u64 > opts.max_size {
        return Err((
            id,
            format!(
                "line {line_no}: text of {} bytes is over the limit of {} (--max-size)",
                body.len(),
                opts.max_size
            ),
        ));
    }
    let doc = Document {
        text: &body,
        published: published.as_deref(),
        title: title.as_deref(),
    };
    // The explanation costs a little per sentence: only when asked for.
    let (extraction, explanation) = if opts.explain {
        let (x, e) = engine.extractor.extract_explained(&doc);
        (x, Some(e))
    } else {
        (engine.extractor.extract(&doc), None)
    };
    Ok(output_value(
        input.id,
        extraction,
        opts.with_text,
        explanation,
        body,
    ))
}
