//! The text layer shared by every analysis: byte spans, their conversion to
//! code-point offsets for Python, and a word tokenizer.

pub mod byte_positions;
mod offsets;
pub mod search;
mod span;
pub mod tokens;
pub mod whitespace;

pub use offsets::CharOffsets;
pub use span::Span;
