//! The entity model loader on hostile bytes: the raw input, and a valid small
//! model with the input's edits applied and its checksum recomputed (so the
//! edits reach the parser behind the checksum). Loading never panics; a model
//! that loads can tag text without panicking.
#![no_main]

use _rapidtext::entities::format::{checksum, from_bytes, to_bytes};
use _rapidtext::entities::model::{tag_count, Model, Pass};
use _rapidtext::entities::{EntityTagger, Label};
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, LazyLock};

/// A two-label, two-pass model with a few non-zero rows.
static VALID: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let labels = vec![Label::Per, Label::Loc];
    let tags = tag_count(labels.len());
    let bits = 10;
    let pass = |k: i16| {
        let mut weights = vec![0i16; (1 << bits) * tags];
        for (i, w) in weights.iter_mut().enumerate().step_by(97) {
            *w = k * (i as i16 % 13 - 6);
        }
        Pass {
            weights,
            scale: 0.25,
            transitions: (0..(tags + 1) * tags)
                .map(|i| i as f32 * 0.125 - 1.0)
                .collect(),
        }
    };
    to_bytes(&Model {
        labels,
        bits,
        passes: vec![pass(1), pass(2)],
        temperature: 1.5,
    })
});

/// Applies (offset u16, xor byte) edits, then rewrites the trailing checksum.
fn mutated(edits: &[u8]) -> Vec<u8> {
    let mut bytes = VALID.clone();
    let body = bytes.len() - 8;
    for edit in edits.chunks_exact(3) {
        let at = usize::from(u16::from_le_bytes([edit[0], edit[1]])) % body;
        bytes[at] ^= edit[2];
    }
    let mut fixed = bytes[..body].to_vec();
    let sum = checksum(&fixed);
    fixed.extend_from_slice(&sum.to_le_bytes());
    fixed
}

fn try_load(bytes: &[u8]) {
    if let Ok(model) = from_bytes(bytes) {
        let tagger = EntityTagger::from_model(Arc::new(model));
        let text = "Angela Merkel visited Paris on 3 May 2021 with IBM staff.";
        for e in tagger.tag(text) {
            assert!(e.span.start < e.span.end && e.span.end <= text.len());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    try_load(data);
    try_load(&mutated(data));
});
