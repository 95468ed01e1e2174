//! User regexes and spaCy-style token patterns: the first line of the input is
//! the pattern, the rest the text. Compiling is an error or a matcher, never a
//! panic, and matches are sorted, disjoint spans on char boundaries.
#![no_main]

use _rapidtext::entities::token_patterns::TokenPatternMatcher;
use _rapidtext::entities::user_patterns::PatternMatcher;
use _rapidtext::entities::{Entity, Label};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, found: &[Entity]) {
    let mut last = 0;
    for e in found {
        assert!(last <= e.span.start && e.span.start < e.span.end && e.span.end <= text.len());
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        last = e.span.end;
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (pattern, text) = input.split_once('\n').unwrap_or((input, ""));
    if let Ok(matcher) = PatternMatcher::new([(pattern, Label::Misc)]) {
        check(text, &matcher.find(text));
    }
    if let Ok(matcher) = TokenPatternMatcher::from_json([(pattern, Label::Misc)]) {
        check(text, &matcher.find(text));
    }
});
