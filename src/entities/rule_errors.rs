//! Errors from user rules: phrase lists and patterns that cannot be used. Each
//! names what was wrong and where, for the bindings to raise as ValueError
//! (or OSError for `Io`).

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleError {
    /// The phrase at this position (0-based, in the order added) cannot be used.
    InvalidPhrase { index: usize, message: String },
    /// A line (1-based) of a phrase-list file cannot be used.
    InvalidPhraseLine { line: usize, message: String },
    /// The pattern at this position (0-based, in the order added) does not compile.
    InvalidPattern { index: usize, message: String },
    /// The rules are too large to compile within the set limits.
    TooLarge(String),
    /// Reading a file failed.
    Io(String),
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleError::InvalidPhrase { index, message } => write!(f, "phrase {index}: {message}"),
            RuleError::InvalidPhraseLine { line, message } => write!(f, "line {line}: {message}"),
            RuleError::InvalidPattern { index, message } => {
                write!(f, "pattern {index}: {message}")
            }
            RuleError::TooLarge(message) => f.write_str(message),
            RuleError::Io(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for RuleError {}
