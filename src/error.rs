//! The library's error type: each variant carries the context a message needs.

use std::path::PathBuf;

use crate::exit::ExitCode;
use crate::tomldoc::Diagnostic;

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input files with problems; each diagnostic names file, line and column.
    #[error("{} problem(s) found:\n{}", .diagnostics.len(), render(.diagnostics))]
    Invalid { diagnostics: Vec<Diagnostic> },
    /// The command line asks for something that cannot be done.
    #[error("{message}")]
    Usage { message: String },
    /// Reading or writing a file failed.
    #[error("cannot {action} `{}`: {source}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// The history database refused a read or write.
    #[error("cannot {action} history database `{}`: {source}", .path.display())]
    Database {
        action: &'static str,
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// Writing to the terminal or a pipe failed (other than a closed pipe, which ends quietly).
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
}

fn render(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// The exit code this error ends the process with.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Invalid { .. } | Error::Usage { .. } => ExitCode::Invalid,
            Error::Io { .. } | Error::Database { .. } | Error::Output(_) => ExitCode::Failure,
        }
    }

    /// A usage error with a message.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage {
            message: message.into(),
        }
    }
}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
