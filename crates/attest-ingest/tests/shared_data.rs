//! Reads the development data of `../shared` (outside the repository): every line of the
//! dev JSON Lines files must come through. Skipped, with a message, when it is missing.

use attest_ingest::{read_paths, Options};
use attest_model::Format;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    if dir.join("data/dev").is_dir() {
        Some(dir.to_path_buf())
    } else {
        eprintln!(
            "skipped: {} not found (the shared development data)",
            dir.display()
        );
        None
    }
}

#[test]
fn every_dev_line_is_read() {
    let Some(shared) = shared() else { return };
    for (file, lines) in [("rand_dev.jsonl", 4_000), ("muc4_dev.jsonl", 1_500)] {
        let path = shared.join("data/dev").join(file);
        let mut n = 0;
        for item in read_paths(&[path], &Options::default()) {
            let r = item.unwrap_or_else(|e| panic!("{e}"));
            n += 1;
            assert_eq!(r.format, Format::Jsonl);
            assert_eq!(r.origin.line, Some(n));
            assert!(
                !r.text.is_empty() && r.warnings.is_empty(),
                "{}",
                r.external_id
            );
            assert!(
                r.published.as_deref().is_none_or(|p| p.len() == 10),
                "{}",
                r.external_id
            );
        }
        assert_eq!(n, lines, "{file}");
    }
}

#[test]
fn the_seed_page_is_text_without_headers() {
    let Some(shared) = shared() else { return };
    let Ok(entries) = std::fs::read_dir(shared.join("seed")) else {
        eprintln!("skipped: no seed folder");
        return;
    };
    for entry in entries {
        let path = entry.expect("seed entry").path();
        let bytes = std::fs::read(&path).expect("seed file");
        let out: Vec<_> = read_paths(&[path], &Options::default()).collect();
        let r = out[0].as_ref().expect("seed report");
        assert_eq!(r.format, Format::Text);
        assert_eq!(r.title, None);
        assert_eq!(r.original, bytes);
        assert_eq!(r.text.as_bytes(), bytes.as_slice());
    }
}
