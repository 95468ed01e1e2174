//! RAKE (Rose et al., 2010): a stem scores its degree (the length of the content-word
//! runs it appears in) over its frequency; a candidate sums its stems' scores.

use super::candidates::{Document, Role};
use super::textrank::sum_of_stems;

pub fn scores(doc: &Document) -> Vec<f64> {
    let n = doc.stems.len();
    let mut degree = vec![0.0; n];
    let mut frequency = vec![0.0; n];
    let mut run: Vec<u32> = Vec::new();
    let mut close_run = |run: &mut Vec<u32>| {
        for &s in run.iter() {
            degree[s as usize] += run.len() as f64;
            frequency[s as usize] += 1.0;
        }
        run.clear();
    };
    let mut sentence = 0;
    for word in &doc.words {
        if word.role == Role::Boundary || word.sentence != sentence {
            close_run(&mut run);
            sentence = word.sentence;
        }
        run.extend(word.stem);
    }
    close_run(&mut run);
    let stem_scores: Vec<f64> = degree
        .iter()
        .zip(&frequency)
        .map(|(d, f)| if *f > 0.0 { d / f } else { 0.0 })
        .collect();
    sum_of_stems(doc, &stem_scores)
}
