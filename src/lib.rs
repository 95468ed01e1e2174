//! rapidtext: sentence splitting, entity tagging and keyword scoring.
//!
//! The engine is plain Rust and works in byte offsets; `bindings` (behind the
//! `python` feature) is the only place that knows about Python.

pub mod entities;
pub mod keywords;
pub mod lang;
pub mod parallel;
pub mod pipeline;
pub mod sentences;
pub mod text;

#[cfg(feature = "python")]
mod bindings;
