//! A small harness for running the real `attest` binary in a temporary directory.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary working directory with its own store.
pub(crate) struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    pub(crate) fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("temporary directory"),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        self.tmp.path()
    }

    pub(crate) fn db(&self) -> PathBuf {
        self.path().join("attest.db")
    }

    /// Writes a file (creating folders) and returns its path.
    pub(crate) fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// An `attest` command run in this directory against its store.
    pub(crate) fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_attest"));
        cmd.current_dir(self.path())
            .env("ATTEST_DB", self.db())
            .env_remove("ATTEST_LOG")
            .env_remove("RUST_LOG")
            .args(args);
        cmd
    }

    /// Runs `attest ARGS` and returns its output.
    pub(crate) fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run attest")
    }

    /// Runs `attest ARGS` with `input` on standard input.
    pub(crate) fn run_with_stdin(&self, args: &[&str], input: &[u8]) -> Output {
        use std::io::Write;
        let mut child = self
            .cmd(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn attest");
        let mut stdin = child.stdin.take().expect("stdin");
        let input = input.to_vec();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let out = child.wait_with_output().expect("wait for attest");
        writer.join().expect("stdin writer");
        out
    }

    /// Runs `attest ARGS`, asserts success, and parses standard output as JSON.
    pub(crate) fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        assert_ok(&out);
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout of {args:?} is not JSON ({e}):\n{}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }
}

pub(crate) fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "attest failed with {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The repository root.
pub(crate) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the repository, when it is there.
pub(crate) fn shared() -> Option<PathBuf> {
    let p = repo_root().join("../shared");
    if p.join("seed").is_dir() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} is missing; the tests reading the shared seed and data sets did not run",
            p.display()
        );
        None
    }
}
