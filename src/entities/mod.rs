//! Entity recognition: a statistical tagger for names (PER/ORG/LOC/MISC),
//! rule-based recognisers for numbers, dates and contacts, and the user's
//! phrase lists and patterns. All produce `Entity` values over byte spans.

mod features;
pub mod format;
mod gazetteers;
mod hashing;
mod label;
pub mod model;
mod tagger;
pub mod train;

pub use label::Label;
pub use tagger::{EntityTagger, LoadError, Tagged};

use crate::text::Span;

// Rule-based recognisers and user rules.
pub mod aliases;
pub mod case_folding;
pub mod overlaps;
pub mod patterns;
pub mod phrase_file;
pub mod phrases;
pub mod rule_errors;
pub mod token_patterns;
pub mod user_patterns;
pub mod user_rules;

/// One recognised entity: a byte span of the text, its label and a confidence in [0, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    pub score: f32,
}
