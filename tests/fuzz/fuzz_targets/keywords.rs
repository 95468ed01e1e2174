//! Any UTF-8 input, every method: keywords never panic, scores are sorted in (0, 1],
//! and every occurrence is an in-bounds span on char boundaries.
#![no_main]

use _rapidtext::keywords::{KeywordExtractor, Method, Settings};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for method in Method::NAMES {
        let settings = Settings {
            method: method.to_string(),
            ..Settings::default()
        };
        let extractor = KeywordExtractor::new(settings).expect("default settings are valid");
        let found = extractor.extract(text);
        assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
        for k in &found {
            assert!(k.score > 0.0 && k.score <= 1.0);
            assert_eq!(k.count, k.occurrences.len());
            for s in &k.occurrences {
                assert!(s.start < s.end && s.end <= text.len());
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
    }
});
