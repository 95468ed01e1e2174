//! Random mixes of the pieces the rules react to: no panic, and every span is
//! inside the text, on char boundaries, sorted and disjoint.

mod common;

use _rapidtext::entities::aliases::{complete_acronyms, find_acronym_definitions, group_aliases};
use _rapidtext::entities::patterns::{find_patterns, PATTERN_LABELS};
use _rapidtext::entities::phrases::PhraseMatcher;
use _rapidtext::entities::token_patterns::TokenPatternMatcher;
use _rapidtext::entities::{Entity, Label};
use common::Sequence;

const PIECES: &[&str] = &[
    "3",
    "12",
    "2026",
    "07",
    "1990s",
    "4.5",
    "2,500",
    ",",
    ".",
    "-",
    "$",
    "US",
    "€",
    "%",
    " ",
    " ",
    " ",
    "\n",
    "(",
    ")",
    "May",
    "March",
    "Tuesday",
    "İ",
    "ß",
    "Σ",
    "a",
    "the",
    "WHO",
    "World",
    "Health",
    "Organization",
    "@",
    "x",
    "www.",
    "https://",
    ":",
    "/",
    "'s",
    "p.m.",
    "km",
    "one",
    "first",
    "🙂",
    "\u{301}",
    "last",
    "in",
    "about",
    "million",
    "page",
    "#",
    "+",
    "o'clock",
    "Jan",
    "3rd",
    "of",
    "°",
    "C",
    "twenty-five",
];

fn check(text: &str, entities: &[Entity]) {
    for e in entities {
        assert!(
            e.span.start < e.span.end && e.span.end <= text.len(),
            "{e:?} in {text:?}"
        );
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
    }
    for pair in entities.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "{pair:?} in {text:?}"
        );
    }
}

#[test]
fn random_texts_give_valid_spans() {
    let matcher = PhraseMatcher::new(
        [
            ("world health organization", Label::Org),
            ("İ ß", Label::Misc),
            ("march", Label::Per),
            ("( WHO )", Label::Org),
        ],
        false,
    )
    .unwrap();
    let tokens = TokenPatternMatcher::from_json([
        (
            r#"[{"LIKE_NUM": true, "OP": "+"}, {"LOWER": {"IN": ["km", "million"]}}]"#,
            Label::Quantity,
        ),
        (
            r#"[{"IS_TITLE": true, "OP": "*"}, {"IS_UPPER": true}]"#,
            Label::Org,
        ),
    ])
    .unwrap();
    let mut sequence = Sequence(42);
    for _ in 0..3000 {
        let length = 1 + sequence.next(60);
        let text: String = (0..length)
            .map(|_| PIECES[sequence.next(PIECES.len())])
            .collect();
        let patterns = find_patterns(&text, PATTERN_LABELS);
        check(&text, &patterns);
        let phrases = matcher.find(&text);
        check(&text, &phrases);
        check(&text, &tokens.find(&text));
        for d in find_acronym_definitions(&text) {
            assert!(d.long.end <= d.short.start || d.short.end <= d.long.start);
            assert!(text.is_char_boundary(d.long.start) && text.is_char_boundary(d.short.start));
        }
        let completed = complete_acronyms(&text, &phrases);
        check(&text, &completed);
        let aliases = group_aliases(&text, &completed);
        assert_eq!(aliases.len(), completed.len());
        for a in &aliases {
            assert!(completed.iter().any(|e| e.span == a.canonical));
        }
    }
}

#[test]
fn long_hostile_texts_finish() {
    // Each would take quadratic time if a recogniser rescanned a long run.
    let hostile = [
        "one hundred thousand ".repeat(20_000),
        "1-".repeat(50_000),
        "5 ".repeat(50_000),
        "(".repeat(50_000) + &"WHO)".repeat(10_000),
        "a@".repeat(50_000),
        "www.".repeat(50_000) + &")".repeat(50_000),
        "about ".repeat(50_000),
        "$".repeat(50_000) + "5",
        "x".repeat(100_000) + " (ABC)",
    ];
    let matcher = PhraseMatcher::new([("one hundred", Label::Cardinal)], false).unwrap();
    for text in &hostile {
        let started = std::time::Instant::now();
        let found = find_patterns(text, PATTERN_LABELS);
        check(text, &found);
        check(text, &matcher.find(text));
        let _ = find_acronym_definitions(text);
        println!(
            "{:>8} bytes {:?}: {:?}",
            text.len(),
            &text[..12],
            started.elapsed()
        );
    }
}

/// The bindings share compiled rules across threads with the GIL released.
#[test]
fn compiled_rules_are_send_and_sync() {
    fn shareable<T: Send + Sync>() {}
    shareable::<PhraseMatcher>();
    shareable::<TokenPatternMatcher>();
    shareable::<_rapidtext::entities::user_patterns::PatternMatcher>();
    shareable::<Entity>();
}
