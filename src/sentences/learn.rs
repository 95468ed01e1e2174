//! Abbreviations learned from a user's own texts, without labels (after Punkt, Kiss and
//! Strunk 2006): a short word type that is nearly always written with a final period,
//! far more often than periods occur in general, is taken for an abbreviation.

use std::collections::HashMap;

/// Knobs of the learner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LearnOptions {
    /// Fewest occurrences with a final period a type needs.
    pub min_count: usize,
    /// Lowest score (log-likelihood scaled by length and periods) that is kept.
    pub threshold: f64,
}

impl Default for LearnOptions {
    fn default() -> Self {
        LearnOptions {
            min_count: 2,
            threshold: 0.3,
        }
    }
}

#[derive(Default)]
struct TypeCounts {
    with_period: usize,
    without_period: usize,
    /// After the period: a lower-case word or a number (the sentence goes on) ...
    continued: usize,
    /// ... or a capitalised word (a sentence may have ended).
    capitalised: usize,
}

/// The word type of a token ("Dr." -> ("dr", true)); `None` for numbers, symbols, URLs.
fn word_type(token: &str) -> Option<(String, bool)> {
    let token = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    let token = token.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '.'));
    let (body, period) = match token.strip_suffix('.') {
        Some(body) => (body, true),
        None => (token, false),
    };
    let valid = !body.is_empty()
        && body.len() <= super::words::MAX_WORD
        && !body.ends_with('.')
        && !body.starts_with('.')
        && body.chars().all(|c| c.is_alphabetic() || c == '.');
    valid.then(|| (body.to_lowercase(), period))
}

/// ln of the binomial likelihood of `k` successes in `n` trials at rate `p`.
fn log_likelihood(k: f64, n: f64, p: f64) -> f64 {
    let p = p.clamp(1e-12, 1.0 - 1e-12);
    k * p.ln() + (n - k) * (1.0 - p).ln()
}

/// Abbreviations found in `texts`, sorted, lower-cased, without their final period.
pub fn learn_abbreviations<'a, I>(texts: I, options: LearnOptions) -> Vec<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let mut counts: HashMap<String, TypeCounts> = HashMap::new();
    let (mut tokens, mut periods) = (0usize, 0usize);
    for text in texts {
        // The type written with a period just before, waiting for the next word.
        let mut pending: Option<String> = None;
        for token in text.split_whitespace() {
            if let Some(previous) = pending.take() {
                let first = token.chars().find(|c| c.is_alphanumeric());
                if let (Some(c), Some(entry)) = (first, counts.get_mut(&previous)) {
                    if c.is_lowercase() || c.is_numeric() {
                        entry.continued += 1;
                    } else if c.is_uppercase() {
                        entry.capitalised += 1;
                    }
                }
            }
            let Some((word, period)) = word_type(token) else {
                continue;
            };
            if period {
                pending = Some(word.clone());
            }
            tokens += 1;
            periods += usize::from(period);
            let entry = counts.entry(word).or_default();
            if period {
                entry.with_period += 1;
            } else {
                entry.without_period += 1;
            }
        }
    }
    if tokens == 0 {
        return Vec::new();
    }
    let period_rate = periods as f64 / tokens as f64;
    let mut found: Vec<String> = counts
        .into_iter()
        .filter(|(word, c)| {
            c.with_period >= options.min_count && score(word, c, period_rate) >= options.threshold
        })
        .map(|(word, _)| word)
        .collect();
    found.sort();
    found
}

/// Punkt's type score: how much likelier the period is after this type than in general
/// (Dunning's log-likelihood ratio against a near-certain period), shrunk for long types
/// and for every occurrence without a period, grown for inner periods ("e.g"), weighed
/// by what follows the period.
fn score(word: &str, counts: &TypeCounts, period_rate: f64) -> f64 {
    let with = counts.with_period as f64;
    let n = (counts.with_period + counts.without_period) as f64;
    if with / n <= period_rate {
        return 0.0;
    }
    let ratio = -2.0 * (log_likelihood(with, n, period_rate) - log_likelihood(with, n, 0.99));
    let inner_periods = word.matches('.').count() as f64;
    let length = word.chars().filter(|&c| c != '.').count() as f64;
    // Punkt divides by e^length; a gentler e^(length/1.5) suits the smaller corpora
    // users bring.
    let length_factor = (-length / 1.5).exp();
    let penalty = length.powf(-(counts.without_period as f64));
    // Orthographic evidence (Punkt's second stage, folded in): a period the sentence
    // runs past is an abbreviation's; one before capitals may be a sentence end.
    let orthography = (counts.continued as f64 + 1.0) / (counts.capitalised as f64 + 1.0);
    ratio.max(0.0) * length_factor * (inner_periods + 1.0) * penalty * orthography.min(2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_abbreviations_in_a_corpus() {
        let corpus = [
            "The fees were paid by Acme Corp. last year. They rose approx. ten percent.",
            "Shipments to Acme Corp. arrive on Mondays. The load was approx. four tons.",
            "We met the supplier this year. It was approx. noon when the truck left.",
            "The yard is big. The truck is red. We left the yard. The day was hot.",
            "Ten tons of sand came last week. The sand weighed four tons. We paid.",
            "Acme Corp. said it would ship approx. two more loads in the spring.",
            "A clerk at Acme Corp. wrote that approx. half had been paid.",
        ];
        let learned = learn_abbreviations(corpus, LearnOptions::default());
        assert!(learned.contains(&"approx".to_string()), "{learned:?}");
        assert!(learned.contains(&"corp".to_string()), "{learned:?}");
        for word in ["year", "yard", "hot", "tons", "paid"] {
            assert!(
                !learned.contains(&word.to_string()),
                "{word} in {learned:?}"
            );
        }
    }

    #[test]
    fn empty_corpus_learns_nothing() {
        assert!(learn_abbreviations([""], LearnOptions::default()).is_empty());
    }

    #[test]
    fn word_types() {
        assert_eq!(word_type("(e.g."), Some(("e.g".to_string(), true)));
        assert_eq!(word_type("Dr.,"), None.or(Some(("dr".to_string(), true))));
        assert_eq!(word_type("3.5"), None);
        assert_eq!(word_type("home"), Some(("home".to_string(), false)));
    }
}
