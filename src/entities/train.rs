//! Training: an averaged structured perceptron over the hashed features, decoding
//! with the same Viterbi as tagging. Features are extracted once; each epoch then
//! costs one decode and a few integer updates per token (seconds on CoNLL-2003).

use std::time::Instant;

use super::features;
use super::gazetteers::Gazetteers;
use super::hashing;
use super::model::{self, bucket, tag_count, tag_of, Model, Pass};
use super::Label;
use crate::text::tokens::{tokenize, Token};
use crate::text::Span;

/// One annotated document: byte spans and labels.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub entities: Vec<(Span, Label)>,
}

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// log2 of the number of weight rows (more rows, fewer hash collisions, bigger file).
    pub hash_bits: u32,
    pub seed: u64,
    /// Number of example orders (seeds) whose models are averaged.
    pub orders: usize,
    /// Add the second, document-history pass. On the English dev sets (whole-document
    /// training, 20 epochs) it lifts CoNLL-2003 dev micro F1 from 0.902 to 0.909 but
    /// tagging takes 1.5 times as long, so the bundled model goes without it.
    pub history: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            hash_bits: 20,
            seed: 1,
            orders: 1,
            history: false,
        }
    }
}

/// What happened in one epoch.
#[derive(Debug, Clone)]
pub struct EpochStats {
    /// Which model is being trained: "names", a jackknife fold, or "history".
    pub phase: &'static str,
    pub epoch: usize,
    pub seconds: f64,
    /// Share of training tokens whose decoded tag was already right.
    pub token_accuracy: f64,
}

/// What a training run saw.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    pub documents: usize,
    pub tokens: usize,
    pub entities: usize,
    /// Gold entities whose ends fall inside a token (snapped to whole tokens).
    pub misaligned: usize,
    /// Gold entities dropped because they overlap an earlier one.
    pub overlapping: usize,
    pub feature_seconds: f64,
    pub epochs: Vec<EpochStats>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TrainError {
    NoExamples,
    NoEntities,
    BadOption(String),
    Interrupted,
}

impl std::fmt::Display for TrainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TrainError::NoExamples => write!(f, "examples is empty"),
            TrainError::NoEntities => write!(f, "examples contain no entities to learn"),
            TrainError::BadOption(m) => write!(f, "{m}"),
            TrainError::Interrupted => write!(f, "training interrupted"),
        }
    }
}

impl std::error::Error for TrainError {}

/// A span of training tokens decoded as one sequence (a whole document).
struct Chunk {
    document: usize,
    /// Index of the chunk's first token in the corpus-wide token arrays.
    first: usize,
    len: usize,
}

/// The labels of `examples`: the built-in name labels first, then others by name.
fn labels_of(examples: &[Example]) -> Vec<Label> {
    let mut labels: Vec<Label> = examples
        .iter()
        .flat_map(|e| e.entities.iter().map(|(_, l)| l.clone()))
        .collect();
    labels.sort_by(|a, b| {
        let rank = |l: &Label| {
            Label::BUILTIN
                .iter()
                .position(|x| x == l)
                .unwrap_or(usize::MAX)
        };
        rank(a)
            .cmp(&rank(b))
            .then_with(|| a.as_str().cmp(b.as_str()))
    });
    labels.dedup();
    labels
}

/// Gold BILOU tags of one document's tokens.
fn gold_tags(
    example: &Example,
    tokens: &[Token],
    labels: &[Label],
    report: &mut TrainReport,
) -> Vec<usize> {
    let mut tags = vec![0; tokens.len()];
    let mut entities: Vec<&(Span, Label)> = example.entities.iter().collect();
    entities.sort_by_key(|(s, _)| (s.start, s.end));
    let mut taken_until = 0;
    for (span, label) in entities {
        report.entities += 1;
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        let end = tokens.partition_point(|t| t.span.start < span.end);
        if first >= end || tokens[first].span.start < taken_until {
            report.overlapping += 1;
            continue;
        }
        if tokens[first].span.start != span.start || tokens[end - 1].span.end != span.end {
            report.misaligned += 1;
        }
        taken_until = tokens[end - 1].span.end;
        let l = labels.iter().position(|x| x == label).unwrap_or(0);
        if end - first == 1 {
            tags[first] = tag_of(l, model::UNIT);
        } else {
            tags[first] = tag_of(l, model::BEGIN);
            tags[first + 1..end - 1].fill(tag_of(l, model::INSIDE));
            tags[end - 1] = tag_of(l, model::LAST);
        }
    }
    tags
}

/// A tiny deterministic generator for the epoch shuffles.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Integer perceptron weights with running sums for averaging (`w - sum / steps`).
struct Averaged {
    weights: Vec<i32>,
    sums: Vec<i64>,
}

impl Averaged {
    fn new(len: usize) -> Self {
        Averaged {
            weights: vec![0; len],
            sums: vec![0; len],
        }
    }

    #[inline]
    fn update(&mut self, k: usize, delta: i32, step: i64) {
        self.weights[k] += delta;
        self.sums[k] += step * i64::from(delta);
    }

    fn average(&self, steps: i64) -> Vec<f32> {
        self.weights
            .iter()
            .zip(&self.sums)
            .map(|(&w, &s)| (f64::from(w) - s as f64 / steps as f64) as f32)
            .collect()
    }
}

/// Trains a model on `examples`. `on_epoch` sees each epoch's stats and returns false
/// to stop (e.g. on Ctrl-C).
pub fn train(
    examples: &[Example],
    options: &TrainOptions,
    mut on_epoch: impl FnMut(&EpochStats) -> bool,
) -> Result<(Model, TrainReport), TrainError> {
    if examples.is_empty() {
        return Err(TrainError::NoExamples);
    }
    if !(10..=24).contains(&options.hash_bits) {
        return Err(TrainError::BadOption(format!(
            "hash_bits must be between 10 and 24, got {}",
            options.hash_bits
        )));
    }
    if !(1..=64).contains(&options.orders) {
        return Err(TrainError::BadOption(format!(
            "orders must be between 1 and 64, got {}",
            options.orders
        )));
    }
    if options.epochs == 0 || options.epochs > 1000 {
        return Err(TrainError::BadOption(format!(
            "epochs must be between 1 and 1000, got {}",
            options.epochs
        )));
    }
    let labels = labels_of(examples);
    if labels.is_empty() {
        return Err(TrainError::NoEntities);
    }
    if labels.len() > super::format::MAX_LABELS {
        return Err(TrainError::BadOption(format!(
            "at most {} labels can be trained, got {}",
            super::format::MAX_LABELS,
            labels.len()
        )));
    }
    let tags = tag_count(labels.len());
    let bits = options.hash_bits;
    let lists = Gazetteers::builtin();
    let mut report = TrainReport {
        documents: examples.len(),
        ..TrainReport::default()
    };

    // Features of every token, once: rows[offsets[i]..offsets[i + 1]] for token i.
    let started = Instant::now();
    let mut rows: Vec<u32> = Vec::new();
    let mut offsets: Vec<usize> = vec![0];
    let mut gold: Vec<usize> = Vec::new();
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut contexts = Vec::with_capacity(examples.len());
    let mut document_starts = Vec::with_capacity(examples.len());
    for example in examples {
        let tokens = tokenize(&example.text);
        let first = gold.len();
        document_starts.push(first);
        let doc_gold = gold_tags(example, &tokens, &labels, &mut report);
        contexts.push(features::for_each_token(
            &example.text,
            &tokens,
            lists,
            |_, feats| {
                rows.extend(feats.iter().map(|&f| bucket(f, bits) as u32));
                offsets.push(rows.len());
            },
        ));
        // Decode whole documents, as tagging does. Sentence-sized chunks cut at "." gave
        // more updates but never showed the model a name on each side of a full stop in
        // one sequence, so it learnt "." as the inside of names ("S. Waugh", "St. Louis")
        // and joined "Headingley . Hussain" at tagging time (CoNLL-2003 dev micro F1
        // 0.896 with chunks, 0.902 with documents).
        if !tokens.is_empty() {
            chunks.push(Chunk {
                document: document_starts.len() - 1,
                first,
                len: tokens.len(),
            });
        }
        gold.extend(doc_gold);
    }
    report.tokens = gold.len();
    report.feature_seconds = started.elapsed().as_secs_f64();

    let corpus = Corpus {
        tags,
        rows: &rows,
        offsets: &offsets,
        gold: &gold,
        chunks: &chunks,
    };
    let all: Vec<usize> = (0..chunks.len()).collect();
    // Held-out folds by document content, case-folded: copies of a document that differ
    // only in case (a common augmentation) land in the same fold and cannot leak.
    let folds: Vec<usize> = examples
        .iter()
        .map(|e| {
            let folded: String = e
                .text
                .chars()
                .take(500)
                .flat_map(char::to_lowercase)
                .collect();
            (hashing::finish(hashing::bytes(folded.as_bytes())) % FOLDS as u64) as usize
        })
        .collect();
    let mut stage = |phase: &'static str, subset: &[usize], options: &TrainOptions| {
        corpus.fit(phase, bits, subset, options, &mut on_epoch, &mut report)
    };
    // Averaging perceptrons trained on different example orders: same size and speed,
    // less dependence on the order (single runs vary by about 0.01 F1 with the seed).
    let (mut weights, mut transitions) = stage("names", &all, options)?;
    for k in 1..options.orders {
        let reseeded = TrainOptions {
            seed: options.seed.wrapping_add(k as u64),
            ..options.clone()
        };
        let (w, t) = stage("names", &all, &reseeded)?;
        weights.iter_mut().zip(&w).for_each(|(a, b)| *a += b);
        transitions.iter_mut().zip(&t).for_each(|(a, b)| *a += b);
    }
    let orders = options.orders.max(1) as f32;
    weights.iter_mut().for_each(|w| *w /= orders);
    transitions.iter_mut().for_each(|t| *t /= orders);
    let mut passes = vec![quantise(&weights, &transitions)];
    if options.history {
        // Second pass: also features from the first pass's labels of the same word elsewhere
        // in the document. Its training input must look like real first-pass output, so each
        // training document is tagged by a model trained without it (jackknife folds).
        let mut first_pass = vec![0usize; gold.len()];
        for (fold, phase) in FOLD_NAMES.iter().enumerate() {
            let (train_on, held_out): (Vec<usize>, Vec<usize>) = all
                .iter()
                .partition(|&&c| folds[chunks[c].document] != fold);
            let (w, t) = stage(phase, &train_on, options)?;
            for &c in &held_out {
                let chunk = &chunks[c];
                let mut scores = vec![0f32; chunk.len * tags];
                corpus.emissions(chunk, &w, &mut scores);
                let path = model::viterbi(&scores, tags, &t);
                first_pass[chunk.first..chunk.first + chunk.len].copy_from_slice(&path);
            }
        }
        let mut both_rows: Vec<u32> = Vec::with_capacity(rows.len() + rows.len() / 8);
        let mut both_offsets: Vec<usize> = vec![0];
        for (d, contexts) in contexts.iter().enumerate() {
            let first = document_starts[d];
            features::history(
                contexts,
                |i| model::split_tag(first_pass[first + i]).map(|(l, _)| l),
                |i, feats| {
                    let token = first + i;
                    both_rows.extend_from_slice(&rows[offsets[token]..offsets[token + 1]]);
                    both_rows.extend(feats.iter().map(|&f| bucket(f, bits) as u32));
                    both_offsets.push(both_rows.len());
                },
            );
        }
        let second = Corpus {
            rows: &both_rows,
            offsets: &both_offsets,
            ..corpus
        };
        let (w, t) = second.fit("history", bits, &all, options, &mut on_epoch, &mut report)?;
        passes.push(quantise(&w, &t));
    }
    // Confidences must hold on unseen text: fit the temperature on a quarter of the
    // documents with a model trained on the other three quarters.
    let (train_on, held_out): (Vec<usize>, Vec<usize>) =
        all.iter().partition(|&&c| folds[chunks[c].document] != 0);
    let temperature = if held_out.is_empty() || train_on.is_empty() {
        1.0
    } else {
        let (w, t) = corpus.fit(
            "calibration",
            bits,
            &train_on,
            options,
            &mut on_epoch,
            &mut report,
        )?;
        fit_temperature(&corpus, &held_out, &w, &t)
    };
    let model = Model {
        labels,
        bits,
        passes,
        temperature,
    };
    Ok((model, report))
}

/// Jackknife folds for the history pass and the confidence calibration.
const FOLDS: usize = 4;
const FOLD_NAMES: [&str; FOLDS] = ["fold 1/4", "fold 2/4", "fold 3/4", "fold 4/4"];

/// The training tokens' features and gold tags.
#[derive(Clone, Copy)]
struct Corpus<'a> {
    tags: usize,
    rows: &'a [u32],
    offsets: &'a [usize],
    gold: &'a [usize],
    chunks: &'a [Chunk],
}

impl Corpus<'_> {
    /// Adds the weight rows of each token of `chunk` to `scores` (`len * tags`).
    fn emissions<W: Copy + Into<f64>>(&self, chunk: &Chunk, table: &[W], scores: &mut [f32]) {
        let tags = self.tags;
        for k in 0..chunk.len {
            let token = chunk.first + k;
            let out = &mut scores[k * tags..(k + 1) * tags];
            for &row in &self.rows[self.offsets[token]..self.offsets[token + 1]] {
                let base = row as usize * tags;
                for (o, &w) in out.iter_mut().zip(&table[base..base + tags]) {
                    *o += w.into() as f32;
                }
            }
        }
    }

    /// Averaged perceptron over the chunks `subset`.
    fn fit(
        &self,
        phase: &'static str,
        bits: u32,
        subset: &[usize],
        options: &TrainOptions,
        on_epoch: &mut dyn FnMut(&EpochStats) -> bool,
        report: &mut TrainReport,
    ) -> Result<(Vec<f32>, Vec<f32>), TrainError> {
        let tags = self.tags;
        let mut weights = Averaged::new((1usize << bits) * tags);
        let mut transitions = Averaged::new((tags + 1) * tags);
        let mut rng = XorShift(options.seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let mut order = subset.to_vec();
        let tokens: usize = subset.iter().map(|&c| self.chunks[c].len).sum();
        let mut step: i64 = 1;
        let mut emissions: Vec<f32> = Vec::new();
        for epoch in 1..=options.epochs {
            let started = Instant::now();
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let mut correct = 0usize;
            for &c in &order {
                let chunk = &self.chunks[c];
                emissions.clear();
                emissions.resize(chunk.len * tags, 0.0);
                self.emissions(chunk, &weights.weights, &mut emissions);
                let current: Vec<f32> = transitions.weights.iter().map(|&w| w as f32).collect();
                let path = model::viterbi(&emissions, tags, &current);
                let truth = &self.gold[chunk.first..chunk.first + chunk.len];
                for k in 0..chunk.len {
                    let (want, got) = (truth[k], path[k]);
                    if want == got {
                        correct += 1;
                    } else {
                        let token = chunk.first + k;
                        for &row in &self.rows[self.offsets[token]..self.offsets[token + 1]] {
                            let base = row as usize * tags;
                            weights.update(base + want, 1, step);
                            weights.update(base + got, -1, step);
                        }
                    }
                    let prev = |p: &[usize]| if k == 0 { tags } else { p[k - 1] };
                    let (want_prev, got_prev) = (prev(truth), prev(&path));
                    if (want_prev, want) != (got_prev, got) {
                        transitions.update(want_prev * tags + want, 1, step);
                        transitions.update(got_prev * tags + got, -1, step);
                    }
                }
                step += 1;
            }
            let stats = EpochStats {
                phase,
                epoch,
                seconds: started.elapsed().as_secs_f64(),
                token_accuracy: correct as f64 / tokens.max(1) as f64,
            };
            let go_on = on_epoch(&stats);
            report.epochs.push(stats);
            if !go_on {
                return Err(TrainError::Interrupted);
            }
        }
        Ok((weights.average(step), transitions.average(step)))
    }
}

/// The temperature under which the tag probabilities of `model::marginals` best predict
/// the gold tags of held-out chunks (least log-loss), so entity confidences mean
/// something instead of sitting at 0 or 1.
fn fit_temperature(
    corpus: &Corpus<'_>,
    held_out: &[usize],
    weights: &[f32],
    transitions: &[f32],
) -> f32 {
    let tags = corpus.tags;
    let stride = (held_out.len() / 600).max(1);
    let sample: Vec<(Vec<f32>, &[usize])> = held_out
        .iter()
        .step_by(stride)
        .map(|&c| {
            let chunk = &corpus.chunks[c];
            let mut scores = vec![0f32; chunk.len * tags];
            corpus.emissions(chunk, weights, &mut scores);
            (scores, &corpus.gold[chunk.first..chunk.first + chunk.len])
        })
        .collect();
    let loss = |t: f32| -> f64 {
        let factors = model::transition_factors(transitions, tags, t);
        sample
            .iter()
            .map(|(scores, gold)| {
                let probs = model::marginals(scores, tags, &factors, t);
                gold.iter()
                    .enumerate()
                    .map(|(i, &g)| -probs[i * tags + g].max(1e-9).ln())
                    .sum::<f64>()
            })
            .sum()
    };
    (0..32)
        .map(|k| 0.01 * 1.5f32.powi(k))
        .min_by(|&a, &b| loss(a).total_cmp(&loss(b)))
        .unwrap_or(1.0)
}

/// Rounds averaged weights to i16 with one shared scale.
fn quantise(weights: &[f32], transitions: &[f32]) -> Pass {
    let top = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
    let scale = if top > 0.0 {
        top / f32::from(i16::MAX)
    } else {
        1.0
    };
    Pass {
        weights: weights
            .iter()
            .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect(),
        scale,
        transitions: transitions.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::gazetteers::Gazetteers;

    fn example(text: &str, names: &[(&str, Label)]) -> Example {
        let entities = names
            .iter()
            .map(|(n, l)| {
                let s = text.find(n).expect("name in text");
                (Span::new(s, s + n.len()), l.clone())
            })
            .collect();
        Example {
            text: text.to_string(),
            entities,
        }
    }

    #[test]
    fn learns_a_toy_corpus() {
        let docs = vec![
            example(
                "Anna Berg visited Oslo .",
                &[("Anna Berg", Label::Per), ("Oslo", Label::Loc)],
            ),
            example(
                "Oslo welcomed Anna Berg .",
                &[("Oslo", Label::Loc), ("Anna Berg", Label::Per)],
            ),
            example("Nothing happened there .", &[]),
        ];
        let options = TrainOptions {
            epochs: 5,
            hash_bits: 12,
            seed: 3,
            orders: 2,
            history: true,
        };
        let (model, report) = train(&docs, &options, |_| true).expect("trains");
        assert_eq!(report.tokens, 14);
        assert_eq!(report.entities, 4);
        assert_eq!(report.misaligned, 0);
        assert_eq!(model.labels, vec![Label::Per, Label::Loc]);
        let text = "Anna Berg visited Oslo .";
        let found = model.tag(text, &tokenize(text), Gazetteers::builtin());
        let got: Vec<(&str, &Label)> = found.iter().map(|e| (e.span.of(text), &e.label)).collect();
        assert_eq!(got, vec![("Anna Berg", &Label::Per), ("Oslo", &Label::Loc)]);
        assert!(found.iter().all(|e| e.score > 0.0 && e.score <= 1.0));
    }

    #[test]
    fn rejects_bad_input() {
        let options = TrainOptions::default();
        assert_eq!(
            train(&[], &options, |_| true).err(),
            Some(TrainError::NoExamples)
        );
        let plain = [example("no names here", &[])];
        assert_eq!(
            train(&plain, &options, |_| true).err(),
            Some(TrainError::NoEntities)
        );
        let bad = TrainOptions {
            hash_bits: 40,
            ..TrainOptions::default()
        };
        let one = [example("Oslo .", &[("Oslo", Label::Loc)])];
        assert!(matches!(
            train(&one, &bad, |_| true),
            Err(TrainError::BadOption(_))
        ));
    }
}
