//! Corpus-level keyword statistics: how many documents mention each candidate term,
//! fitted once, then TF-IDF or BM25 weights per document, a document x term matrix and
//! query ranking. Statistics are saved as versioned JSON that is validated on load.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{select, Keyword, KeywordExtractor, Settings};

/// How a term's frequency in a document and its rarity in the corpus combine.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Weighting {
    /// `tf * (ln((1 + N) / (1 + df)) + 1)` (smoothed, as in scikit-learn).
    Tfidf,
    /// Okapi BM25: `idf * tf (k1 + 1) / (tf + k1 (1 - b + b len / avg_len))`.
    Bm25 { k1: f64, b: f64 },
}

/// The candidate terms of one document: (key, count) with the key the stems joined by
/// spaces, plus the document's length in content words.
#[derive(Debug, Clone, Default)]
pub struct DocumentTerms {
    pub terms: Vec<(String, u32)>,
    pub text_of: Vec<String>,
    pub length: u64,
}

/// One term of the fitted vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The stems joined by spaces: how mentions are matched.
    pub key: String,
    /// A readable form (lower-cased, as first met in the corpus).
    pub text: String,
    /// Number of documents that mention it.
    pub documents: u64,
}

const FORMAT: &str = "rapidtext.corpus-statistics";
const VERSION: u32 = 1;

/// Fitted statistics, as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Saved {
    format: String,
    version: u32,
    weighting: Weighting,
    language: String,
    ngram_range: (usize, usize),
    stopwords: Option<Vec<String>>,
    extra_stopwords: Vec<String>,
    documents: u64,
    total_length: u64,
    terms: Vec<Term>,
}

/// Statistics of a fitted corpus.
#[derive(Debug, Clone)]
pub struct Statistics {
    pub documents: u64,
    pub total_length: u64,
    /// Sorted by key; a term's index is its matrix column.
    pub terms: Vec<Term>,
    index: HashMap<String, usize>,
}

impl Statistics {
    fn new(documents: u64, total_length: u64, terms: Vec<Term>) -> Self {
        let index = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.key.clone(), i))
            .collect();
        Statistics {
            documents,
            total_length,
            terms,
            index,
        }
    }

    /// Counts document frequencies over the terms of every document.
    pub fn fit(documents: &[DocumentTerms]) -> Self {
        let mut counts: HashMap<&str, (u64, &str)> = HashMap::new();
        for doc in documents {
            for ((key, _), text) in doc.terms.iter().zip(&doc.text_of) {
                counts.entry(key).or_insert((0, text)).0 += 1;
            }
        }
        let mut terms: Vec<Term> = counts
            .into_iter()
            .map(|(key, (documents, text))| Term {
                key: key.to_string(),
                text: text.to_string(),
                documents,
            })
            .collect();
        terms.sort_by(|a, b| a.key.cmp(&b.key));
        let total_length = documents.iter().map(|d| d.length).sum();
        Statistics::new(documents.len() as u64, total_length, terms)
    }

    pub fn column(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    fn document_frequency(&self, key: &str) -> u64 {
        self.column(key).map_or(0, |i| self.terms[i].documents)
    }
}

/// A keyword extractor whose scores come from corpus statistics.
#[derive(Debug, Clone)]
pub struct CorpusScorer {
    extractor: KeywordExtractor,
    weighting: Weighting,
}

impl CorpusScorer {
    pub fn new(extractor: KeywordExtractor, weighting: Weighting) -> Self {
        CorpusScorer {
            extractor,
            weighting,
        }
    }

    pub fn settings(&self) -> &Settings {
        self.extractor.settings()
    }

    pub fn weighting(&self) -> Weighting {
        self.weighting
    }

    /// The candidate terms of `text`.
    pub fn document_terms(&self, text: &str) -> DocumentTerms {
        let doc = self.extractor.read(text);
        let mut out = DocumentTerms {
            length: doc.words.iter().filter(|w| w.stem.is_some()).count() as u64,
            ..DocumentTerms::default()
        };
        for c in &doc.candidates {
            out.terms
                .push((key_of(&doc.stems, &c.stems), c.count() as u32));
            out.text_of
                .push(c.first_mention().span.of(text).to_lowercase());
        }
        out
    }

    /// The stem key of a query phrase ("Central Banks" -> "central bank"); stop words drop out.
    pub fn query_key(&self, phrase: &str) -> String {
        let doc = self.extractor.read(phrase);
        let stems: Vec<u32> = doc.words.iter().filter_map(|w| w.stem).collect();
        key_of(&doc.stems, &stems)
    }

    fn weight(&self, stats: &Statistics, key: &str, count: u32, length: u64) -> f64 {
        let n = stats.documents as f64;
        let df = stats.document_frequency(key) as f64;
        let tf = count as f64;
        match self.weighting {
            Weighting::Tfidf => tf * (((1.0 + n) / (1.0 + df)).ln() + 1.0),
            Weighting::Bm25 { k1, b } => {
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                let average = stats.total_length as f64 / n.max(1.0);
                let norm = if average > 0.0 {
                    length as f64 / average
                } else {
                    1.0
                };
                idf * tf * (k1 + 1.0) / (tf + k1 * (1.0 - b + b * norm))
            }
        }
    }

    /// The best `top_k` keywords of `text` by corpus weight (best scores 1).
    pub fn keywords(&self, stats: &Statistics, text: &str, top_k: usize) -> Vec<Keyword> {
        let doc = self.extractor.read(text);
        let length = doc.words.iter().filter(|w| w.stem.is_some()).count() as u64;
        let scores: Vec<f64> = doc
            .candidates
            .iter()
            .map(|c| {
                self.weight(
                    stats,
                    &key_of(&doc.stems, &c.stems),
                    c.count() as u32,
                    length,
                )
            })
            .collect();
        select(&doc, &scores, top_k)
    }

    /// One matrix row: (column, weight) of every fitted term in `text`, by column.
    pub fn row(&self, stats: &Statistics, text: &str) -> Vec<(usize, f64)> {
        let terms = self.document_terms(text);
        let mut row: Vec<(usize, f64)> = terms
            .terms
            .iter()
            .filter_map(|(key, count)| {
                let column = stats.column(key)?;
                Some((column, self.weight(stats, key, *count, terms.length)))
            })
            .collect();
        row.sort_by_key(|&(c, _)| c);
        row
    }

    /// How well `text` matches the query keys: the sum of their weights in it.
    pub fn query_score(&self, stats: &Statistics, keys: &HashSet<String>, text: &str) -> f64 {
        let terms = self.document_terms(text);
        terms
            .terms
            .iter()
            .filter(|(key, _)| keys.contains(key))
            .map(|(key, count)| self.weight(stats, key, *count, terms.length))
            // Not `sum()`: an empty f64 sum is -0.0, which would print as "-0.0".
            .fold(0.0, |total, w| total + w)
    }

    /// The scorer and its statistics (if fitted) as JSON, everything needed to rebuild it.
    pub fn to_json(&self, stats: Option<&Statistics>) -> String {
        let s = self.settings();
        let saved = Saved {
            format: FORMAT.into(),
            version: VERSION,
            weighting: self.weighting,
            language: s.language.clone(),
            ngram_range: s.ngram_range,
            stopwords: s.stopwords.clone(),
            extra_stopwords: s.extra_stopwords.clone(),
            documents: stats.map_or(0, |s| s.documents),
            total_length: stats.map_or(0, |s| s.total_length),
            terms: stats.map_or_else(Vec::new, |s| s.terms.clone()),
        };
        serde_json::to_string(&saved).unwrap_or_default()
    }

    /// Rebuilds a scorer and its statistics (`None` if it was never fitted) from `to_json`
    /// output; any inconsistency is an error.
    pub fn from_json(json: &str) -> Result<(CorpusScorer, Option<Statistics>), String> {
        let saved: Saved =
            serde_json::from_str(json).map_err(|e| format!("not a corpus statistics file: {e}"))?;
        if saved.format != FORMAT || saved.version != VERSION {
            return Err(format!(
                "not a corpus statistics file (format {:?} version {}, expected {FORMAT:?} version {VERSION})",
                saved.format, saved.version
            ));
        }
        if let Weighting::Bm25 { k1, b } = saved.weighting {
            if !(k1.is_finite() && k1 >= 0.0 && (0.0..=1.0).contains(&b)) {
                return Err(format!("corrupt statistics: k1={k1}, b={b} out of range"));
            }
        }
        let mut seen = HashSet::new();
        for (i, t) in saved.terms.iter().enumerate() {
            if t.key.is_empty()
                || t.documents == 0
                || t.documents > saved.documents
                || !seen.insert(&t.key)
            {
                return Err(format!(
                    "corrupt statistics: term {i} ({:?}) is inconsistent",
                    t.key
                ));
            }
            if i > 0 && saved.terms[i - 1].key > t.key {
                return Err("corrupt statistics: terms are not sorted".into());
            }
        }
        let settings = Settings {
            language: saved.language,
            ngram_range: saved.ngram_range,
            stopwords: saved.stopwords,
            extra_stopwords: saved.extra_stopwords,
            ..Settings::default()
        };
        let extractor =
            KeywordExtractor::new(settings).map_err(|e| format!("corrupt statistics: {e}"))?;
        if saved.documents == 0 && !saved.terms.is_empty() {
            return Err("corrupt statistics: terms without documents".into());
        }
        let stats = (saved.documents > 0)
            .then(|| Statistics::new(saved.documents, saved.total_length, saved.terms));
        Ok((CorpusScorer::new(extractor, saved.weighting), stats))
    }
}

fn key_of(stems: &[String], ids: &[u32]) -> String {
    let mut key = String::new();
    for &id in ids {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&stems[id as usize]);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scorer(weighting: Weighting) -> CorpusScorer {
        CorpusScorer::new(
            KeywordExtractor::new(Settings::default()).unwrap(),
            weighting,
        )
    }

    #[test]
    fn rare_terms_outweigh_common_ones() {
        let s = scorer(Weighting::Tfidf);
        let texts = [
            "The central bank raised rates.",
            "The central bank held rates.",
            "Solar panels are cheap.",
        ];
        let docs: Vec<_> = texts.iter().map(|t| s.document_terms(t)).collect();
        let stats = Statistics::fit(&docs);
        assert_eq!(stats.documents, 3);
        let bank = stats.terms[stats.column("bank").unwrap()].documents;
        assert_eq!(bank, 2);
        let keys: HashSet<String> = [s.query_key("solar panels")].into_iter().collect();
        assert!(s.query_score(&stats, &keys, texts[2]) > 0.0);
        assert_eq!(s.query_score(&stats, &keys, texts[0]), 0.0);
    }

    #[test]
    fn a_document_without_the_query_scores_plus_zero() {
        let scorer = scorer(Weighting::Tfidf);
        let stats = Statistics::fit(&[scorer.document_terms("Solar panels are cheap.")]);
        let keys: HashSet<String> = [scorer.query_key("wind turbines")].into();
        let score = scorer.query_score(&stats, &keys, "Nothing about it here.");
        assert_eq!(score.to_bits(), 0.0f64.to_bits());
    }

    #[test]
    fn json_round_trips_and_rejects_corruption() {
        let s = scorer(Weighting::Bm25 { k1: 1.2, b: 0.75 });
        let stats = Statistics::fit(&[s.document_terms("Solar panels and wind farms.")]);
        let json = s.to_json(Some(&stats));
        let (back, back_stats) = CorpusScorer::from_json(&json).unwrap();
        assert_eq!(back.weighting(), s.weighting());
        assert_eq!(back_stats.unwrap().terms, stats.terms);
        let (_, unfitted) = CorpusScorer::from_json(&s.to_json(None)).unwrap();
        assert!(unfitted.is_none());
        assert!(CorpusScorer::from_json(&json[..json.len() / 2]).is_err());
        assert!(
            CorpusScorer::from_json(&json.replace("\"documents\":1", "\"documents\":0")).is_err()
        );
    }
}
