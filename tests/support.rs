//! Helpers shared by the integration tests: running the binary in a scrubbed environment.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `trivia` binary with an environment that cannot leak the developer's settings into a test.
pub fn trivia() -> Command {
    let mut command = Command::cargo_bin("trivia").expect("the trivia binary is built for tests");
    for variable in [
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "CLICOLOR",
        "TRIVIA_HOME",
        "XDG_DATA_HOME",
    ] {
        command.env_remove(variable);
    }
    command.env(
        "TRIVIA_HOME",
        std::env::temp_dir().join("trivia-tests-unused-home"),
    );
    command
}

/// A file under `tests/data`.
pub fn data(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(relative)
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
