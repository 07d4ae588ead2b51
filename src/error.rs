//! Typed errors of the library. Each variant names what a person needs to fix
//! the input: the file, the line and column, the field.

use std::path::PathBuf;

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The input is not valid JSON or does not have the expected shape.
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    /// The input parsed but a field holds something impossible (an unknown
    /// actor id, a date that does not exist, an empty file).
    #[error("{path}{}: {field}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Invalid {
        path: PathBuf,
        line: Option<usize>,
        field: String,
        message: String,
    },

    /// Like [`Error::Invalid`], with the line and column of the offending
    /// value in the input.
    #[error("{path}:{line}:{column}: {field}: {message}")]
    InvalidAt {
        path: PathBuf,
        line: usize,
        column: usize,
        field: String,
        message: String,
    },

    /// The database was written by a newer chronograph.
    #[error(
        "{path}: database schema version {found} is newer than this chronograph supports ({supported}); upgrade chronograph"
    )]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),

    /// A query named something that does not exist (an actor, a claim).
    #[error("{0}")]
    NotFound(String),

    /// The database file was being removed by the process that created it
    /// (its first ingest failed) for as long as this one tried to open it.
    #[error(
        "the database file is being removed by the process that created it; run the command again"
    )]
    Removed,

    /// A write was abandoned because its input failed part-way (the input's
    /// own error is what gets reported).
    #[error("ingest interrupted: the input failed before the end")]
    Interrupted,
}
