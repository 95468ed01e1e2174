//! Any UTF-8 input: tokens are non-empty, ordered, on char boundaries, and only
//! whitespace lies between them.
#![no_main]

use _rapidtext::text::tokens::tokenize;
use _rapidtext::text::whitespace::is_space;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut last = 0;
    for t in tokenize(text) {
        let (s, e) = (t.span.start, t.span.end);
        assert!(last <= s && s < e && e <= text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        assert!(text[last..s].chars().all(is_space));
        last = e;
    }
    assert!(text[last..].chars().all(is_space));
});
