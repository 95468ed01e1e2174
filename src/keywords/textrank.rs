//! TextRank (Mihalcea & Tarau, 2004): an unbiased PageRank over stems that co-occur
//! within two tokens; a candidate scores the sum of its stems' ranks.

use super::candidates::Document;
use super::word_graph::{self, Bias, GraphSettings};

pub fn scores(doc: &Document) -> Vec<f64> {
    let settings = GraphSettings {
        window: 2,
        bias: Bias::Uniform,
        weighted: false,
    };
    sum_of_stems(doc, &word_graph::stem_scores(doc, settings))
}

/// A candidate's score: the sum of its stems' scores (longer phrases gather more).
pub fn sum_of_stems(doc: &Document, stem_scores: &[f64]) -> Vec<f64> {
    doc.candidates
        .iter()
        .map(|c| c.stems.iter().map(|&s| stem_scores[s as usize]).sum())
        .collect()
}
