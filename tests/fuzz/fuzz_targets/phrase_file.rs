//! Phrase-list files on hostile bytes: reading never panics, and a list that
//! reads compiles and matches its own bytes (as text) without panicking.
#![no_main]

use _rapidtext::entities::phrase_file::read_phrase_list;
use _rapidtext::entities::phrases::PhraseMatcherBuilder;
use _rapidtext::entities::Label;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, file)) = data.split_first() else {
        return;
    };
    let mut builder = PhraseMatcherBuilder::new(flags & 1 == 1);
    let default = (flags & 2 == 2).then_some(Label::Misc);
    if read_phrase_list(file, default.as_ref(), &mut builder).is_err() {
        return;
    }
    let Ok(matcher) = builder.build() else { return };
    let text = String::from_utf8_lossy(file);
    let mut last = 0;
    for e in matcher.find(&text) {
        assert!(last <= e.span.start && e.span.start < e.span.end && e.span.end <= text.len());
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        last = e.span.end;
    }
});
