//! CLI tests: the real binary, temporary directories, no network.

mod util;

mod cli;
mod extract;
mod incidents;
