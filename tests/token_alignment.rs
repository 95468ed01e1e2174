//! How the shared tokenizer lines up with the gold tokens of the NER corpora (their text
//! is the gold tokens joined by spaces). Prints, per file, the share of gold tokens that
//! are exactly one of ours, the share split into several of ours, and the gold entities
//! whose ends do not fall on our token boundaries (these cannot be tagged exactly).
//! Needs the shared data: `RAPIDTEXT_NER_DATA=../shared/data/ner cargo test --release
//! --no-default-features --test token_alignment -- --ignored --nocapture`; set SHOW_SPLITS=1
//! to print a sample of the gold tokens we split (CoNLL: "1996-08-22", "6-4", "Inc.", "C.").

use std::collections::HashSet;

use _rapidtext::text::tokens::tokenize;
use serde_json::Value;

fn byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect()
}

#[test]
#[ignore = "needs ../shared/data/ner; prints figures"]
fn alignment_with_gold_tokens() {
    let Ok(dir) = std::env::var("RAPIDTEXT_NER_DATA") else {
        eprintln!("RAPIDTEXT_NER_DATA not set; skipping");
        return;
    };
    for name in [
        "conll2003.train.jsonl",
        "conll2003.dev.jsonl",
        "uner_ewt.train.jsonl",
        "uner_ewt.dev.jsonl",
        "wnut17.dev.jsonl",
    ] {
        let path = std::path::Path::new(&dir).join(name);
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!("{} missing", path.display());
            continue;
        };
        let (mut gold, mut same, mut split, mut entities, mut misaligned) = (0, 0, 0, 0, 0);
        for line in data.lines() {
            let doc: Value = serde_json::from_str(line).expect("JSON line");
            let text = doc["text"].as_str().expect("text");
            let bytes = byte_offsets(text);
            let ours = tokenize(text);
            let spans: HashSet<(usize, usize)> =
                ours.iter().map(|t| (t.span.start, t.span.end)).collect();
            let starts: HashSet<usize> = ours.iter().map(|t| t.span.start).collect();
            let ends: HashSet<usize> = ours.iter().map(|t| t.span.end).collect();
            let at = |v: &Value| bytes[v.as_u64().expect("offset") as usize];
            for t in doc["tokens"].as_array().expect("tokens") {
                let (s, e) = (at(&t[0]), at(&t[1]));
                gold += 1;
                if spans.contains(&(s, e)) {
                    same += 1;
                } else if starts.contains(&s) && ends.contains(&e) {
                    split += 1;
                    if std::env::var_os("SHOW_SPLITS").is_some() && split % 97 == 0 {
                        println!("  split: {:?}", &text[s..e]);
                    }
                }
            }
            for ent in doc["entities"].as_array().expect("entities") {
                entities += 1;
                if !(starts.contains(&at(&ent[0])) && ends.contains(&at(&ent[1]))) {
                    misaligned += 1;
                }
            }
        }
        let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
        println!(
            "{name}: {gold} gold tokens, {:.2}% identical, {:.2}% split in several, \
             {:.2}% other; {misaligned} of {entities} entities off our boundaries",
            pct(same, gold),
            pct(split, gold),
            pct(gold - same - split, gold),
        );
    }
}
