//! Bundled language data, compiled into the library and parsed once per process.

pub mod abbreviations;
pub mod stopwords;

/// Codes of the languages the sentence splitter supports, sorted.
pub const SUPPORTED: &[&str] = &[
    "am", "ar", "bg", "da", "de", "el", "en", "es", "fa", "fr", "hi", "hy", "it", "ja", "kk", "mr",
    "my", "nl", "pl", "ru", "sk", "ur", "zh",
];

/// Whether `code` names a supported language.
pub fn is_supported(code: &str) -> bool {
    SUPPORTED.contains(&code)
}
