//! Embeds the built web UI (`frontend/dist/`, made by `npm ci && npm run build` in `frontend/`,
//! see README.md) into the crate: writes `$OUT_DIR/assets.rs`, a table of every file with
//! `include_bytes!`, and its gzip twin (`name.gz`) when the build wrote one. Without a built
//! `dist/` the table is empty and the crate serves a page that says how to build the UI.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let dist = root.join("frontend").join("dist");
    println!("cargo:rerun-if-changed=build.rs");
    let mut found = Vec::new();
    if dist.join("index.html").is_file() {
        println!("cargo:rerun-if-changed=frontend/dist");
        files(&dist, &mut found)?;
    } else {
        // Watching a missing path would rerun this script on every build; the folder that
        // will hold dist/ exists in every checkout.
        println!("cargo:rerun-if-changed=frontend");
    }
    found.sort();
    let mut table = String::from("&[\n");
    for path in &found {
        let rel = path
            .strip_prefix(&dist)?
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with(".gz") {
            continue;
        }
        let gz = PathBuf::from(format!("{}.gz", path.display()));
        let gzip = if gz.is_file() {
            format!("Some(include_bytes!({:?}))", gz.display().to_string())
        } else {
            "None".to_string()
        };
        writeln!(
            table,
            "    Asset {{ path: {rel:?}, body: include_bytes!({:?}), gzip: {gzip} }},",
            path.display().to_string()
        )?;
    }
    table.push(']');
    let code = format!("/// Every file of the built UI.\nstatic ASSETS: &[Asset] = {table};\n");
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("assets.rs");
    std::fs::write(out, code)?;
    Ok(())
}
