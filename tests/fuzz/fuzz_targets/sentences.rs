//! Any UTF-8 input: the splitter returns ordered, trimmed, non-overlapping spans
//! on char boundaries that cover every non-space character, in every newline mode.
#![no_main]

use _rapidtext::sentences::{NewlineMode, SentenceSplitter};
use _rapidtext::text::whitespace::trim_space;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for mode in [NewlineMode::Auto, NewlineMode::Split, NewlineMode::Ignore] {
        let splitter = SentenceSplitter::new("en", ["approx"], mode).expect("en is bundled");
        let spans = splitter.split(text);
        let mut last = 0;
        for s in &spans {
            assert!(last <= s.start && s.start < s.end && s.end <= text.len());
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let piece = s.of(text);
            assert_eq!(piece, trim_space(piece));
            assert!(trim_space(&text[last..s.start]).is_empty());
            last = s.end;
        }
        assert!(trim_space(&text[last..]).is_empty());
    }
});
