//! Any UTF-8 input: the pattern recognisers and the whole entity tagger never
//! panic and return sorted, non-overlapping spans on char boundaries.
#![no_main]

use _rapidtext::entities::patterns::{find_patterns, PATTERN_LABELS};
use _rapidtext::entities::{Entity, EntityTagger};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static TAGGER: LazyLock<EntityTagger> =
    LazyLock::new(|| EntityTagger::bundled().expect("the bundled model parses"));

fn check(text: &str, found: &[Entity]) {
    let mut last = 0;
    for e in found {
        let (s, end) = (e.span.start, e.span.end);
        assert!(
            last <= s && s < end && end <= text.len(),
            "{s}..{end} after {last}"
        );
        assert!(text.is_char_boundary(s) && text.is_char_boundary(end));
        assert!((0.0..=1.0).contains(&e.score));
        last = end;
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(text, &find_patterns(text, PATTERN_LABELS));
    let tagged = TAGGER.tag_with_aliases(text);
    assert_eq!(tagged.entities.len(), tagged.aliases.len());
    check(text, &tagged.entities);
});
