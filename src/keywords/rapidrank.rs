//! The default method. A PageRank over stemmed content words that restarts early in
//! the document (by sentence) weights each stem; a candidate sums its stems' weights
//! and is raised by how often the whole phrase recurs, logarithmically, so that a
//! repeated multi-word term outranks the loose words it is made of. In short texts
//! recurrence counts are noise, so that factor fades in with document length.

use super::candidates::Document;
use super::word_graph::{self, Bias, GraphSettings};

/// Co-occurrence window in tokens (tuned on Inspec train, with position bias).
const WINDOW: usize = 8;
/// Content words from which phrase recurrence counts in full.
const TRUSTED_LENGTH: f64 = 200.0;

pub fn scores(doc: &Document) -> Vec<f64> {
    let settings = GraphSettings {
        window: WINDOW,
        bias: Bias::Sentence,
        weighted: true,
    };
    let stem_scores = word_graph::stem_scores(doc, settings);
    let content_words = doc.words.iter().filter(|w| w.stem.is_some()).count() as f64;
    let trust = (content_words / TRUSTED_LENGTH).min(1.0);
    doc.candidates
        .iter()
        .map(|c| {
            let sum: f64 = c.stems.iter().map(|&s| stem_scores[s as usize]).sum();
            sum * (1.0 + trust * (c.count() as f64).ln())
        })
        .collect()
}
