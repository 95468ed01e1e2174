//! The default method. A position-biased PageRank over stemmed content words gives
//! each stem a weight; a candidate sums its stems' weights and is raised by how often
//! the whole phrase recurs (logarithmically), so that a repeated multi-word name
//! outranks the loose words it is made of.

use super::candidates::Document;
use super::word_graph::{self, GraphSettings};

#[derive(Debug, Clone, Copy)]
struct Params {
    window: usize,
    frequency: f64,
    length: f64,
}

fn params() -> Params {
    static P: std::sync::OnceLock<Params> = std::sync::OnceLock::new();
    *P.get_or_init(|| {
        let v: Vec<f64> = std::env::var("RT_KW")
            .unwrap_or_default()
            .split(',')
            .filter_map(|x| x.parse().ok())
            .collect();
        Params {
            window: v.first().map_or(4, |&x| x as usize),
            frequency: v.get(1).copied().unwrap_or(1.0),
            length: v.get(2).copied().unwrap_or(0.0),
        }
    })
}

pub fn scores(doc: &Document) -> Vec<f64> {
    let p = params();
    let settings = GraphSettings {
        window: p.window,
        position_bias: true,
        weighted: true,
    };
    let stem_scores = word_graph::stem_scores(doc, settings);
    doc.candidates
        .iter()
        .map(|c| {
            let sum: f64 = c.stems.iter().map(|&s| stem_scores[s as usize]).sum();
            let recurrence = 1.0 + p.frequency * (c.count() as f64).ln();
            sum * recurrence / (c.stems.len() as f64).powf(p.length)
        })
        .collect()
}
