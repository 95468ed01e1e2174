//! Throughput of the rule-based recognisers on the fixture's sentences repeated
//! to a few megabytes. A benchmark, ignored by default; run it in release:
//! `cargo test --release --no-default-features --test pattern_throughput -- --ignored --nocapture`.

use _rapidtext::entities::patterns::{find_patterns, PATTERN_LABELS};
use _rapidtext::entities::phrases::PhraseMatcher;
use _rapidtext::entities::Label;
use _rapidtext::text::tokens::tokenize;
use std::time::Instant;

#[test]
#[ignore = "benchmark: run in release with --ignored --nocapture"]
fn pattern_throughput() {
    let sentences: Vec<String> = include_str!("fixtures/pattern_entities.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let document = sentences.join(" ");
    let text = document.repeat(4_000_000 / document.len() + 1);
    let tokens = tokenize(&text).len();

    let measure = |name: &str, run: &dyn Fn() -> usize| {
        let started = Instant::now();
        let found = run();
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "{name:<28} {:>6.1} MB/s {:>10.0} tokens/s ({found} found)",
            text.len() as f64 / seconds / 1e6,
            tokens as f64 / seconds
        );
    };
    measure("tokenize alone", &|| tokenize(&text).len());
    measure("find_patterns (all labels)", &|| {
        find_patterns(&text, PATTERN_LABELS).len()
    });
    let phrases = PhraseMatcher::new(
        [
            ("World Health Organization", Label::Org),
            ("Hà Nội", Label::Loc),
            ("Geneva", Label::Loc),
            ("Jürgen Müller", Label::Per),
        ],
        false,
    )
    .unwrap();
    measure("PhraseMatcher::find", &|| phrases.find(&text).len());
}
