//! Bundled language data, compiled into the library and parsed once per process.

pub mod abbreviations;
pub mod stopwords;

/// Codes of the languages the sentence splitter supports, sorted.
pub const SUPPORTED: &[&str] = &["en"];

/// Whether `code` names a supported language.
pub fn is_supported(code: &str) -> bool {
    SUPPORTED.contains(&code)
}
