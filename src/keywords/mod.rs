//! Keyword extraction: candidates shared by every method, one module per scorer, and
//! the final selection (best first, near-duplicates merged, scores normalised so the
//! best keyword of a document scores 1). Corpus-level TF-IDF/BM25 live in `corpus`.

pub mod candidates;
pub mod corpus;
mod positionrank;
mod rake;
mod rapidrank;
mod textrank;
mod word_classes;
mod word_graph;
mod yake;

use rust_stemmers::Algorithm;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::sentences::{NewlineMode, SentenceSplitter};
use crate::text::tokens::{tokenize, Token};
use crate::text::Span;
use candidates::{Document, Reader};

/// A scoring method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    RapidRank,
    PositionRank,
    TextRank,
    Yake,
    Rake,
}

impl Method {
    /// Names accepted by `parse`, the default first.
    pub const NAMES: &'static [&'static str] =
        &["rapidrank", "positionrank", "textrank", "yake", "rake"];

    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "rapidrank" => Method::RapidRank,
            "positionrank" => Method::PositionRank,
            "textrank" => Method::TextRank,
            "yake" => Method::Yake,
            "rake" => Method::Rake,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Method::RapidRank => "rapidrank",
            Method::PositionRank => "positionrank",
            Method::TextRank => "textrank",
            Method::Yake => "yake",
            Method::Rake => "rake",
        }
    }

    fn scores(self, doc: &Document) -> Vec<f64> {
        match self {
            Method::RapidRank => rapidrank::scores(doc),
            Method::PositionRank => positionrank::scores(doc),
            Method::TextRank => textrank::scores(doc),
            Method::Yake => yake::scores(doc),
            Method::Rake => rake::scores(doc),
        }
    }
}

/// Longest n-gram a user may ask for (longer keyphrases are vanishingly rare).
pub const MAX_NGRAM: usize = 8;

/// Codes of the languages keyword extraction supports, sorted.
pub const LANGUAGES: &[&str] = crate::lang::stopwords::LANGUAGES;

fn stemmer_for(language: &str) -> Option<Algorithm> {
    Some(match language {
        "de" => Algorithm::German,
        "en" => Algorithm::English,
        "es" => Algorithm::Spanish,
        "fr" => Algorithm::French,
        "it" => Algorithm::Italian,
        "nl" => Algorithm::Dutch,
        "pt" => Algorithm::Portuguese,
        "ru" => Algorithm::Russian,
        _ => return None,
    })
}

/// Why an extractor could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    UnknownLanguage(String),
    UnknownMethod(String),
    NgramRange(usize, usize),
    TopK,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::UnknownLanguage(code) => write!(
                f,
                "language must be one of {}, got {code:?}",
                LANGUAGES.join(", ")
            ),
            ConfigError::UnknownMethod(name) => write!(
                f,
                "method must be one of {}, got {name:?}",
                Method::NAMES.join(", ")
            ),
            ConfigError::NgramRange(low, high) => write!(
                f,
                "ngram_range must be (min, max) with 1 <= min <= max <= {MAX_NGRAM}, got ({low}, {high})"
            ),
            ConfigError::TopK => write!(f, "top_k must be a positive integer"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Everything that configures an extractor, as the user gave it (kept for pickling).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub language: String,
    pub method: String,
    pub ngram_range: (usize, usize),
    pub top_k: usize,
    /// Replaces the bundled stop words when given.
    pub stopwords: Option<Vec<String>>,
    /// Added to the stop words in use.
    pub extra_stopwords: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: "en".into(),
            method: Method::NAMES[0].into(),
            ngram_range: (1, 3),
            top_k: 10,
            stopwords: None,
            extra_stopwords: Vec::new(),
        }
    }
}

/// One keyword of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// The phrase as written in the document (its most frequent form).
    pub text: String,
    /// In (0, 1]: the document's best keyword scores 1.
    pub score: f64,
    pub count: usize,
    /// Byte spans of every mention, in text order.
    pub occurrences: Vec<Span>,
}

/// A configured keyword extractor; cheap to share between threads.
#[derive(Debug, Clone)]
pub struct KeywordExtractor {
    settings: Settings,
    method: Method,
    algorithm: Algorithm,
    stopwords: FxHashSet<String>,
    splitter: SentenceSplitter,
}

impl KeywordExtractor {
    pub fn new(settings: Settings) -> Result<Self, ConfigError> {
        let algorithm = stemmer_for(&settings.language)
            .ok_or_else(|| ConfigError::UnknownLanguage(settings.language.clone()))?;
        let method = Method::parse(&settings.method)
            .ok_or_else(|| ConfigError::UnknownMethod(settings.method.clone()))?;
        let (low, high) = settings.ngram_range;
        if low < 1 || low > high || high > MAX_NGRAM {
            return Err(ConfigError::NgramRange(low, high));
        }
        if settings.top_k == 0 {
            return Err(ConfigError::TopK);
        }
        let mut stopwords: FxHashSet<String> = match &settings.stopwords {
            Some(words) => words.iter().map(|w| w.trim().to_lowercase()).collect(),
            None => crate::lang::stopwords::bundled(&settings.language)
                .map(|list| list.iter().cloned().collect())
                .unwrap_or_default(),
        };
        stopwords.extend(
            settings
                .extra_stopwords
                .iter()
                .map(|w| w.trim().to_lowercase()),
        );
        // The splitter's rules are per language; languages it lacks use the English rules.
        let splitter =
            SentenceSplitter::new(&settings.language, Vec::<String>::new(), NewlineMode::Auto)
                .or_else(|_| SentenceSplitter::new("en", Vec::<String>::new(), NewlineMode::Auto))
                .map_err(|_| ConfigError::UnknownLanguage(settings.language.clone()))?;
        Ok(KeywordExtractor {
            settings,
            method,
            algorithm,
            stopwords,
            splitter,
        })
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn method(&self) -> Method {
        self.method
    }

    /// Reads `text` into words and candidates (shared with corpus statistics).
    pub fn read<'t>(&self, text: &'t str) -> Document<'t> {
        self.read_split(text, &self.split(text), &tokenize(text))
    }

    /// The sentences keyword candidates stay within, by this extractor's own splitter.
    pub fn split(&self, text: &str) -> Vec<Span> {
        self.splitter.split(text)
    }

    /// Like [`read`](Self::read), with the sentence spans (sorted, byte offsets) and the
    /// tokens (`tokenize(text)`) already computed, e.g. by a [`crate::pipeline::Pipeline`].
    pub fn read_split<'t>(
        &self,
        text: &'t str,
        sentences: &[Span],
        tokens: &[Token],
    ) -> Document<'t> {
        let reader = Reader {
            stopwords: &self.stopwords,
            algorithm: self.algorithm,
            classes: word_classes::table(&self.settings.language),
            min_n: self.settings.ngram_range.0,
            max_n: self.settings.ngram_range.1,
            whole_names: self.settings.language != "de",
            language_data: crate::lang::abbreviations::bundled(&self.settings.language),
        };
        reader.read(text, sentences, tokens)
    }

    /// The `top_k` best keywords of `text` (the configured number when `None`).
    pub fn extract_top(&self, text: &str, top_k: Option<usize>) -> Vec<Keyword> {
        self.extract_split(text, &self.split(text), &tokenize(text), top_k)
    }

    /// Like [`extract_top`](Self::extract_top), with sentences and tokens already
    /// computed (see [`read_split`](Self::read_split)).
    pub fn extract_split(
        &self,
        text: &str,
        sentences: &[Span],
        tokens: &[Token],
        top_k: Option<usize>,
    ) -> Vec<Keyword> {
        let doc = self.read_split(text, sentences, tokens);
        let scores = self.method.scores(&doc);
        select(&doc, &scores, top_k.unwrap_or(self.settings.top_k))
    }

    pub fn extract(&self, text: &str) -> Vec<Keyword> {
        self.extract_top(text, None)
    }
}

/// The best `top_k` candidates by `scores`, skipping any candidate that is mostly
/// (at least half of its mentions) part of a better one: "Central Bank" after
/// "European Central Bank" is one phrase, not two variants. Scores are divided by the best.
pub fn select(doc: &Document, scores: &[f64], top_k: usize) -> Vec<Keyword> {
    let mut order: Vec<usize> = (0..doc.candidates.len())
        .filter(|&c| scores[c].is_finite() && scores[c] > 0.0)
        .collect();
    let better = |a: &usize, b: &usize| {
        scores[*b].total_cmp(&scores[*a]).then(
            doc.candidates[*a]
                .first_mention()
                .first_word
                .cmp(&doc.candidates[*b].first_mention().first_word),
        )
    };
    // Only the head needs sorting unless many of its candidates are skipped below.
    let head = top_k.saturating_mul(8).min(order.len());
    if head < order.len() {
        order.select_nth_unstable_by(head, better);
    }
    order[..head].sort_by(better);
    let mut covered = Covered::new(doc.words.len());
    // top_k may be huge ("all of them"): size by the candidates, not by top_k.
    let mut out: Vec<Keyword> = Vec::with_capacity(top_k.min(order.len()));
    // Chosen names: their stems and their place in `out`.
    let mut names: Vec<(&[u32], usize)> = Vec::new();
    let best = order.first().map_or(1.0, |&c| scores[c]);
    for i in 0..order.len() {
        if out.len() == top_k {
            break;
        }
        if i == head {
            order[head..].sort_by(better);
        }
        let c = order[i];
        let candidate = &doc.candidates[c];
        let n = candidate.stems.len() as u32;
        let inside = candidate
            .mentions()
            .filter(|m| covered.contains(m.first_word, n))
            .count();
        if inside * 2 >= candidate.count() {
            continue;
        }
        // "Keller" and "Maria Keller" are one person, "Nordwind" and "Nordwind Energy"
        // one company: one keyword, at the better rank, written as the full name, with
        // the mentions of both.
        let name = is_name(doc, candidate);
        if name {
            let same = names.iter().position(|(other, _)| {
                shortens(other, &candidate.stems) || shortens(&candidate.stems, other)
            });
            if let Some(i) = same {
                let (other, slot) = names[i];
                let kept = &mut out[slot];
                kept.occurrences
                    .extend(candidate.mentions().map(|m| m.span));
                kept.occurrences.sort_by_key(|s| s.start);
                kept.occurrences.dedup();
                kept.count = kept.occurrences.len();
                if candidate.stems.len() > other.len() {
                    kept.text = surface(doc, candidate).to_string();
                    names[i].0 = &candidate.stems;
                }
                continue;
            }
            names.push((&candidate.stems, out.len()));
        }
        for m in candidate.mentions() {
            for start in m.first_word..m.first_word + n {
                for len in 1..=m.first_word + n - start {
                    covered.insert(start, len);
                }
            }
        }
        out.push(Keyword {
            text: surface(doc, candidate).to_string(),
            score: scores[c] / best,
            count: candidate.count(),
            occurrences: candidate.mentions().map(|m| m.span).collect(),
        });
    }
    out
}

/// (first token, token count) of every part of a chosen keyword's mentions, as one bit
/// per pair: a keyword mentioned millions of times (a huge text) fills it in linear time
/// and memory, where a hash set's random probes cost cache misses per mention.
struct Covered {
    bits: Vec<u64>,
}

impl Covered {
    fn new(words: usize) -> Self {
        Covered {
            bits: vec![0; (words * MAX_NGRAM).div_ceil(64)],
        }
    }

    /// Bit of the part of `len` tokens (1 to `MAX_NGRAM`) from token `first`.
    fn bit(first: u32, len: u32) -> usize {
        first as usize * MAX_NGRAM + (len as usize - 1)
    }

    fn insert(&mut self, first: u32, len: u32) {
        let bit = Self::bit(first, len);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    fn contains(&self, first: u32, len: u32) -> bool {
        let bit = Self::bit(first, len);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// Whether `short` is a shortened form of the name `long`: its end ("Keller" for
/// "Maria Keller") or its start ("Nordwind" for "Nordwind Energy").
fn shortens(long: &[u32], short: &[u32]) -> bool {
    long.len() > short.len() && (long.ends_with(short) || long.starts_with(short))
}

/// Whether every word of every mention is capitalised (a name).
fn is_name(doc: &Document, candidate: &candidates::Candidate) -> bool {
    candidate.mentions().all(|m| {
        let first = m.first_word as usize;
        doc.words[first..first + candidate.stems.len()]
            .iter()
            .all(|w| w.capitalised)
    })
}

/// The candidate's most frequent written form (the earliest on ties).
fn surface<'t>(doc: &Document<'t>, candidate: &candidates::Candidate) -> &'t str {
    let mut counts: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    for (i, m) in candidate.mentions().enumerate() {
        let entry = counts.entry(m.span.of(doc.text)).or_insert((0, i));
        entry.0 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map_or("", |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        let extractor = KeywordExtractor::new(Settings::default()).unwrap();
        extractor
            .extract(text)
            .into_iter()
            .map(|k| k.text)
            .collect()
    }

    #[test]
    fn a_shortened_name_is_one_keyword_with_the_full_one() {
        let got = texts(
            "Nordwind Energy bought a cable maker. Shares of Nordwind rose. \
             Lena Holm leads the firm; Holm said costs would fall.",
        );
        assert!(got.contains(&"Nordwind Energy".to_string()), "{got:?}");
        assert!(got.contains(&"Lena Holm".to_string()), "{got:?}");
        assert!(!got.contains(&"Nordwind".to_string()), "{got:?}");
        assert!(!got.contains(&"Holm".to_string()), "{got:?}");
    }

    #[test]
    fn a_word_before_a_determiner_is_a_verb() {
        let got = texts("The planet orbits a red dwarf star. The team lost its focus.");
        for verb in ["orbits", "lost", "planet orbits", "team lost"] {
            assert!(!got.contains(&verb.to_string()), "{verb} in {got:?}");
        }
        assert!(got.contains(&"red dwarf star".to_string()), "{got:?}");
    }

    #[test]
    fn huge_top_k_returns_every_keyword_without_allocating_for_it() {
        // Found by tests/test_bad_input.py: top_k = 10**9 aborted on a huge allocation
        // and top_k * 8 overflowed.
        let extractor = KeywordExtractor::new(Settings::default()).unwrap();
        let text = "Solar panels are cheap. Solar panels win. Wind turbines grow.";
        let every = extractor.extract_top(text, Some(1000));
        assert!(!every.is_empty());
        for top_k in [1_000_000_000, usize::MAX / 8 + 1, usize::MAX] {
            assert_eq!(extractor.extract_top(text, Some(top_k)), every);
        }
    }
}
