//! User regex patterns per label, compiled by the `regex` crate (finite
//! automata, no backtracking) under size limits, so a hostile pattern is an
//! error rather than a memory blow-up.

use super::overlaps::keep_longest;
use super::rule_errors::RuleError;
use super::{Entity, Label};
use crate::text::Span;
use regex::{Regex, RegexBuilder};

/// Longest pattern source accepted, in bytes.
pub const MAX_PATTERN_BYTES: usize = 4096;
/// Limit on one compiled pattern and on its search cache, in bytes.
pub const MAX_COMPILED_BYTES: usize = 2 << 20;

const PATTERN_SCORE: f32 = 1.0;

/// Compiled user patterns. Immutable and shareable across threads.
pub struct PatternMatcher {
    rules: Vec<(Regex, Label)>,
}

impl PatternMatcher {
    /// Compiles `(pattern, label)` pairs in the `regex` crate's syntax. Returns
    /// an error naming the pattern (0-based position) and the reason when one
    /// is longer than [`MAX_PATTERN_BYTES`], does not parse, or compiles to more
    /// than [`MAX_COMPILED_BYTES`].
    pub fn new<'p>(
        patterns: impl IntoIterator<Item = (&'p str, Label)>,
    ) -> Result<Self, RuleError> {
        let mut rules = Vec::new();
        for (index, (pattern, label)) in patterns.into_iter().enumerate() {
            let invalid = |message: String| RuleError::InvalidPattern { index, message };
            if pattern.len() > MAX_PATTERN_BYTES {
                return Err(invalid(format!("longer than {MAX_PATTERN_BYTES} bytes")));
            }
            let regex = RegexBuilder::new(pattern)
                .size_limit(MAX_COMPILED_BYTES)
                .dfa_size_limit(MAX_COMPILED_BYTES)
                .build()
                .map_err(|e| invalid(format!("invalid regular expression {pattern:?}: {e}")))?;
            rules.push((regex, label));
        }
        Ok(PatternMatcher { rules })
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Finds every pattern's matches in `text` and keeps a non-overlapping set:
    /// the longest match wins, then the earlier pattern. Empty matches are
    /// dropped. Returns entities sorted by start, byte offsets, score 1.0.
    ///
    /// Each pattern's search is O(pattern size · text length); as the `regex`
    /// crate documents, iterating over all matches can degrade to quadratic in
    /// the text for rare pathological patterns (an alternation whose greedy
    /// branch scans far before a short branch matches).
    pub fn find(&self, text: &str) -> Vec<Entity> {
        let mut candidates = Vec::new();
        for (rank, (regex, label)) in self.rules.iter().enumerate() {
            for m in regex.find_iter(text) {
                if m.start() < m.end() {
                    candidates.push((rank as u32, Span::new(m.start(), m.end()), label));
                }
            }
        }
        keep_longest(candidates, |c| c.1, |c| c.0)
            .into_iter()
            .map(|(_, span, label)| Entity {
                span,
                label: label.clone(),
                score: PATTERN_SCORE,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn longest_match_then_earlier_pattern() {
        let drug = Label::Custom(Arc::from("DRUG"));
        let matcher = PatternMatcher::new([
            (r"\b[A-Z]{2,}-\d+\b", drug.clone()),
            (r"\bAB-\d\b", Label::Misc),
            (r"x*", Label::Misc),
        ])
        .unwrap();
        let text = "Give AB-1 and ZX-1234 today.";
        let found: Vec<(&str, Label)> = matcher
            .find(text)
            .into_iter()
            .map(|e| (e.span.of(text), e.label))
            .collect();
        assert_eq!(found, [("AB-1", drug.clone()), ("ZX-1234", drug)]);
    }

    #[test]
    fn invalid_and_oversized_patterns_are_errors() {
        let err = PatternMatcher::new([("ok", Label::Misc), ("(unclosed", Label::Misc)])
            .err()
            .unwrap();
        match err {
            RuleError::InvalidPattern { index, message } => {
                assert_eq!(index, 1);
                assert!(message.contains("(unclosed"), "{message}");
            }
            other => panic!("unexpected {other:?}"),
        }
        // Counted repetition of a Unicode class compiles to far more than the limit.
        let huge = PatternMatcher::new([(r"\w{1000}{1000}", Label::Misc)]);
        assert!(matches!(
            huge,
            Err(RuleError::InvalidPattern { index: 0, .. })
        ));
        let long = "a".repeat(MAX_PATTERN_BYTES + 1);
        assert!(PatternMatcher::new([(long.as_str(), Label::Misc)]).is_err());
    }
}
