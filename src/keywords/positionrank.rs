//! PositionRank (Florescu & Caragea, 2017): PageRank over co-occurring stems that
//! teleports to words in proportion to how early (and how often) they appear.

use super::candidates::Document;
use super::textrank::sum_of_stems;
use super::word_graph::{self, Bias, GraphSettings};

pub fn scores(doc: &Document) -> Vec<f64> {
    let settings = GraphSettings {
        window: 4,
        bias: Bias::Word,
        weighted: true,
    };
    sum_of_stems(doc, &word_graph::stem_scores(doc, settings))
}
