//! Generated phrase lists load, and matching stays exact. Prints the load time
//! and memory (figures to read, not to assert). The million-phrase run is a
//! benchmark, ignored by default; run it in release:
//! `cargo test --release --no-default-features --test phrase_list_scale -- --ignored --nocapture`.

mod common;

use _rapidtext::entities::phrases::PhraseMatcherBuilder;
use _rapidtext::entities::Label;
use common::Sequence;
use std::sync::Arc;
use std::time::Instant;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "bo", "dra", "fen", "gul", "hor", "jin",
    "kel", "mar", "nor", "pel", "quo", "ris", "sto", "tum", "wex",
];

fn word(n: usize) -> String {
    let mut n = n;
    let mut w = String::new();
    loop {
        w.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        if n == 0 {
            break;
        }
    }
    w
}

/// A memory figure of this process in kB ("VmRSS" now, "VmHWM" peak), where
/// the system reports it.
fn memory_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_hundred_thousand_phrases_load_and_match() {
    load_and_match(100_000);
}

#[test]
#[ignore = "benchmark: a million phrases, run in release with --ignored"]
fn a_million_phrases_load_and_match() {
    load_and_match(1_000_000);
}

/// Loads `count` generated phrases of one to three words (every one distinct,
/// about a million distinct words for a million phrases) and finds four of them.
fn load_and_match(count: usize) {
    let labels = [
        Label::Per,
        Label::Org,
        Label::Loc,
        Label::Custom(Arc::from("PRODUCT")),
    ];
    let mut sequence = Sequence(7);
    let mut phrases = Vec::with_capacity(count);
    for k in 0..count {
        let words = 1 + sequence.next(3);
        // The index as the last word makes every phrase distinct.
        let mut phrase: Vec<String> = (1..words).map(|_| word(sequence.next(200_000))).collect();
        phrase.push(word(k + 1_000_000));
        phrases.push((phrase.join(" "), labels[k % labels.len()].clone()));
    }
    let bytes: usize = phrases.iter().map(|(p, _)| p.len() + 1).sum();

    let before = memory_kb("VmRSS:");
    let started = Instant::now();
    let mut builder = PhraseMatcherBuilder::new(false);
    for (phrase, label) in &phrases {
        builder.add(phrase, label).unwrap();
    }
    let matcher = builder.build().unwrap();
    let load = started.elapsed();
    println!(
        "{} phrases ({:.1} MB of text) loaded in {:.2} s; the matcher reports {:.1} MB; \
         RSS before {:?} kB, after {:?} kB, peak {:?} kB",
        matcher.len(),
        bytes as f64 / 1e6,
        load.as_secs_f64(),
        matcher.memory_usage() as f64 / 1e6,
        before,
        memory_kb("VmRSS:"),
        memory_kb("VmHWM:"),
    );
    assert_eq!(matcher.len(), count);

    // Some phrases, upper-cased, inside a text: each is found whole with its label.
    let picked = [3, count / 13, count / 2 + 1, count - 1];
    let mut text = String::from("Start.");
    let mut expected = Vec::new();
    for &k in &picked {
        text.push_str(" see ");
        let start = text.len();
        text.push_str(&phrases[k].0.to_uppercase());
        expected.push((start, text.len(), phrases[k].1.clone()));
        text.push_str(", then");
    }
    let found: Vec<(usize, usize, Label)> = matcher
        .find(&text)
        .into_iter()
        .map(|e| (e.span.start, e.span.end, e.label))
        .collect();
    assert_eq!(found, expected);
}
