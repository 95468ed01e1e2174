//! User phrase lists (gazetteers): whole-word, leftmost-longest matching of any
//! number of phrases, case-insensitive by default, with offsets into the
//! original text.
//!
//! Phrases and text go through the shared tokenizer and each token is
//! case-folded and replaced by a code for its word (frequent words get short
//! codes), so the Aho-Corasick automaton runs over one code per token. Matches
//! therefore start and end on token boundaries by construction, spacing inside a
//! phrase does not matter ("New  York" = "New York"), and a folded token that
//! changes length ("İ" -> "i", "ß" -> "ss") cannot shift an offset: spans come
//! straight from the tokens of the original text.

use super::case_folding::fold_case_into;
use super::rule_errors::RuleError;
use super::{Entity, Label};
use crate::text::tokens::tokenize;
use crate::text::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;

/// Longest phrase accepted, in bytes: gazetteer entries are names, not texts.
pub const MAX_PHRASE_BYTES: usize = 4096;

/// Score of a phrase-list match: the user said so.
const PHRASE_SCORE: f32 = 1.0;

/// Token codes are chars so that the automaton's input is UTF-8: a match can
/// only start and end at whole codes. 0 marks a text word no phrase contains.
/// Codes below `SINGLE_CODES` are one char; the rest are a lead char followed
/// by a second char, from ranges no single code uses.
const UNKNOWN: char = '\0';
const LEAD_BASE: u32 = 0xF_0000;
const SECOND_BASE: u32 = 0xF_8000;
const LEAD_COUNT: u32 = SECOND_BASE - LEAD_BASE;
const SECOND_COUNT: u32 = 0x11_0000 - SECOND_BASE;
const SURROGATES: u32 = 0x800;
const SINGLE_CODES: u32 = LEAD_BASE - 1 - SURROGATES;

/// Appends the code of the word with frequency rank `rank` (0 = most frequent).
fn push_code(rank: u32, out: &mut String) {
    let scalar = |n: u32| char::from_u32(n).unwrap_or(UNKNOWN);
    if rank < SINGLE_CODES {
        let n = rank + 1;
        out.push(scalar(if n >= 0xD800 { n + SURROGATES } else { n }));
    } else {
        let x = rank - SINGLE_CODES;
        out.push(scalar(LEAD_BASE + x / SECOND_COUNT));
        out.push(scalar(SECOND_BASE + x % SECOND_COUNT));
    }
}

/// Collects phrases and their labels; [`PhraseMatcherBuilder::build`] compiles them.
///
/// Memory while collecting is proportional to the phrases: each distinct word
/// once, plus four bytes per token.
pub struct PhraseMatcherBuilder {
    case_sensitive: bool,
    words: HashMap<Box<str>, u32>,
    word_counts: Vec<u32>,
    /// Word ids of all phrases, one after the other; `phrase_ends[k]` ends phrase k.
    tokens: Vec<u32>,
    phrase_ends: Vec<usize>,
    phrase_labels: Vec<u32>,
    labels: Vec<Label>,
    scratch: String,
}

impl PhraseMatcherBuilder {
    /// An empty builder; `case_sensitive` false folds case (see `case_folding`).
    pub fn new(case_sensitive: bool) -> Self {
        PhraseMatcherBuilder {
            case_sensitive,
            words: HashMap::new(),
            word_counts: Vec::new(),
            tokens: Vec::new(),
            phrase_ends: Vec::new(),
            phrase_labels: Vec::new(),
            labels: Vec::new(),
            scratch: String::new(),
        }
    }

    /// Number of phrases added so far (duplicates included).
    pub fn len(&self) -> usize {
        self.phrase_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrase_ends.is_empty()
    }

    /// Adds `phrase` with `label`. A phrase added again keeps its last label.
    /// Errors when the phrase has no word or is longer than [`MAX_PHRASE_BYTES`].
    /// O(phrase length).
    pub fn add(&mut self, phrase: &str, label: &Label) -> Result<(), RuleError> {
        let index = self.phrase_ends.len();
        if phrase.len() > MAX_PHRASE_BYTES {
            return Err(RuleError::InvalidPhrase {
                index,
                message: format!("longer than {MAX_PHRASE_BYTES} bytes"),
            });
        }
        let phrase_tokens = tokenize(phrase);
        if phrase_tokens.is_empty() {
            return Err(RuleError::InvalidPhrase {
                index,
                message: "empty or only whitespace".to_string(),
            });
        }
        for token in &phrase_tokens {
            self.scratch.clear();
            key_into(
                token.span.of(phrase),
                self.case_sensitive,
                &mut self.scratch,
            );
            let id = match self.words.get(self.scratch.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.word_counts.len() as u32;
                    self.words.insert(self.scratch.as_str().into(), id);
                    self.word_counts.push(0);
                    id
                }
            };
            self.word_counts[id as usize] += 1;
            self.tokens.push(id);
        }
        self.phrase_ends.push(self.tokens.len());
        let label_id = match self.labels.iter().position(|l| l == label) {
            Some(p) => p as u32,
            None => {
                self.labels.push(label.clone());
                (self.labels.len() - 1) as u32
            }
        };
        self.phrase_labels.push(label_id);
        Ok(())
    }

    /// Compiles the phrases into a matcher. O(total phrase length · log) for
    /// ordering words and removing duplicate phrases.
    pub fn build(self) -> Result<PhraseMatcher, RuleError> {
        // Frequent words get the shortest codes.
        let mut by_frequency: Vec<u32> = (0..self.word_counts.len() as u32).collect();
        by_frequency.sort_by_key(|&id| std::cmp::Reverse(self.word_counts[id as usize]));
        let capacity = u64::from(SINGLE_CODES) + u64::from(LEAD_COUNT) * u64::from(SECOND_COUNT);
        if by_frequency.len() as u64 > capacity {
            return Err(RuleError::TooLarge(format!(
                "{} distinct words in the phrase lists; at most {capacity} are supported",
                by_frequency.len()
            )));
        }
        let mut ranks = vec![0u32; by_frequency.len()];
        for (rank, &id) in by_frequency.iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        let mut encoded = String::new();
        let mut encoded_ends = Vec::with_capacity(self.phrase_ends.len());
        let mut start = 0;
        for &end in &self.phrase_ends {
            for &id in &self.tokens[start..end] {
                push_code(ranks[id as usize], &mut encoded);
            }
            encoded_ends.push(encoded.len());
            start = end;
        }
        drop(self.tokens);
        let encoded_phrase = |k: usize| {
            let from = if k == 0 { 0 } else { encoded_ends[k - 1] };
            &encoded[from..encoded_ends[k]]
        };
        // One pattern per distinct phrase; the phrase added last gives the label.
        let mut order: Vec<u32> = (0..encoded_ends.len() as u32).collect();
        order.sort_by(|&a, &b| {
            encoded_phrase(a as usize)
                .cmp(encoded_phrase(b as usize))
                .then(a.cmp(&b))
        });
        let mut kept: Vec<u32> = Vec::with_capacity(order.len());
        for (position, &k) in order.iter().enumerate() {
            let last_of_run = order
                .get(position + 1)
                .is_none_or(|&next| encoded_phrase(next as usize) != encoded_phrase(k as usize));
            if last_of_run {
                kept.push(k);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(kept.iter().map(|&k| encoded_phrase(k as usize)))
            .map_err(|e| RuleError::TooLarge(format!("phrase lists do not compile: {e}")))?;
        let pattern_labels = kept
            .iter()
            .map(|&k| self.phrase_labels[k as usize])
            .collect();
        Ok(PhraseMatcher {
            case_sensitive: self.case_sensitive,
            words: self.words,
            ranks,
            automaton,
            pattern_labels,
            labels: self.labels,
        })
    }
}

/// The lookup key of a token: folded unless matching is case-sensitive.
fn key_into(token: &str, case_sensitive: bool, out: &mut String) {
    if case_sensitive {
        out.push_str(token);
    } else {
        fold_case_into(token, out);
    }
}

/// Compiled phrase lists. Immutable and shareable across threads.
pub struct PhraseMatcher {
    case_sensitive: bool,
    words: HashMap<Box<str>, u32>,
    ranks: Vec<u32>,
    automaton: AhoCorasick,
    /// Label id of each automaton pattern.
    pattern_labels: Vec<u32>,
    labels: Vec<Label>,
}

impl PhraseMatcher {
    /// Compiles `(phrase, label)` pairs (see [`PhraseMatcherBuilder::add`]).
    pub fn new<'p>(
        phrases: impl IntoIterator<Item = (&'p str, Label)>,
        case_sensitive: bool,
    ) -> Result<Self, RuleError> {
        let mut builder = PhraseMatcherBuilder::new(case_sensitive);
        for (phrase, label) in phrases {
            builder.add(phrase, &label)?;
        }
        builder.build()
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.pattern_labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pattern_labels.is_empty()
    }

    pub fn case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    /// Approximate heap memory held, in bytes (words, codes and the automaton).
    pub fn memory_usage(&self) -> usize {
        let words: usize = self
            .words
            .keys()
            .map(|k| k.len() + std::mem::size_of::<(Box<str>, u32)>() + 1)
            .sum();
        words + self.ranks.len() * 4 + self.pattern_labels.len() * 4 + self.automaton.memory_usage()
    }

    /// Finds the phrases in `text`: whole tokens only, leftmost-longest, so
    /// "New York City" wins over "New York" and matches never overlap. Returns
    /// entities sorted by start with byte offsets into `text` and score 1.0.
    /// O(len(text)) plus one hash lookup per token.
    pub fn find(&self, text: &str) -> Vec<Entity> {
        let tokens = tokenize(text);
        let mut haystack = String::with_capacity(tokens.len() * 2);
        let mut starts = Vec::with_capacity(tokens.len());
        let mut key = String::new();
        for token in &tokens {
            starts.push(haystack.len());
            key.clear();
            key_into(token.span.of(text), self.case_sensitive, &mut key);
            match self.words.get(key.as_str()) {
                Some(&id) => push_code(self.ranks[id as usize], &mut haystack),
                None => haystack.push(UNKNOWN),
            }
        }
        self.automaton
            .find_iter(&haystack)
            .filter_map(|m| {
                // Codes are whole chars, so both ends fall on token boundaries.
                let first = starts.binary_search(&m.start()).ok()?;
                let last = starts.partition_point(|&s| s < m.end()).checked_sub(1)?;
                let label = self.pattern_labels[m.pattern().as_usize()];
                Some(Entity {
                    span: Span::new(tokens[first].span.start, tokens[last].span.end),
                    label: self.labels[label as usize].clone(),
                    score: PHRASE_SCORE,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn custom(name: &str) -> Label {
        Label::Custom(Arc::from(name))
    }

    fn found(matcher: &PhraseMatcher, text: &str) -> Vec<(String, String)> {
        matcher
            .find(text)
            .into_iter()
            .map(|e| (e.span.of(text).to_string(), e.label.to_string()))
            .collect()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn leftmost_longest_whole_words() {
        let matcher = PhraseMatcher::new(
            [
                ("New York", Label::Loc),
                ("New York City", Label::Loc),
                ("York", Label::Per),
                ("art", custom("TOPIC")),
            ],
            false,
        )
        .unwrap();
        assert_eq!(
            found(
                &matcher,
                "new  york city and Yorkshire, state-of-the-art ART."
            ),
            pairs(&[("new  york city", "LOC"), ("ART", "TOPIC")])
        );
        // The longest match at a start fails at no boundary: "New York" still matches.
        assert_eq!(
            found(&matcher, "New York Citys"),
            pairs(&[("New York", "LOC")])
        );
    }

    #[test]
    fn unicode_folding_keeps_original_offsets() {
        let matcher = PhraseMatcher::new(
            [
                ("istanbul", Label::Loc),
                ("straße", Label::Loc),
                ("οδος", custom("GR")),
                ("Zoë Šimić", Label::Per),
            ],
            false,
        )
        .unwrap();
        let text = "İSTANBUL, İstanbul; STRASSE; ΟΔΟΣ and ZOË ŠIMIĆ.";
        let entities = matcher.find(text);
        let got: Vec<&str> = entities.iter().map(|e| e.span.of(text)).collect();
        assert_eq!(
            got,
            ["İSTANBUL", "İstanbul", "STRASSE", "ΟΔΟΣ", "ZOË ŠIMIĆ"]
        );
        assert_eq!(entities[1].span, Span::new(11, 20));
    }

    #[test]
    fn case_sensitive_option() {
        let matcher = PhraseMatcher::new([("Apple", Label::Org)], true).unwrap();
        assert_eq!(
            found(&matcher, "apple and Apple"),
            pairs(&[("Apple", "ORG")])
        );
    }

    #[test]
    fn last_label_wins_and_errors() {
        let matcher =
            PhraseMatcher::new([("Jordan", Label::Per), ("jordan", Label::Loc)], false).unwrap();
        assert_eq!(matcher.len(), 1);
        assert_eq!(found(&matcher, "Jordan"), pairs(&[("Jordan", "LOC")]));
        let mut builder = PhraseMatcherBuilder::new(false);
        builder.add("ok", &Label::Misc).unwrap();
        assert_eq!(
            builder.add("  ", &Label::Misc),
            Err(RuleError::InvalidPhrase {
                index: 1,
                message: "empty or only whitespace".to_string()
            })
        );
        assert!(builder
            .add(&"x".repeat(MAX_PHRASE_BYTES + 1), &Label::Misc)
            .is_err());
    }

    #[test]
    fn codes_beyond_one_char_do_not_misalign() {
        for rank in [
            0,
            126,
            127,
            0xD7FE,
            0xD7FF,
            SINGLE_CODES - 1,
            SINGLE_CODES,
            SINGLE_CODES + SECOND_COUNT + 5,
        ] {
            let mut s = String::new();
            push_code(rank, &mut s);
            assert!(s.chars().all(|c| c != UNKNOWN), "{rank}");
            let mut t = String::new();
            push_code(rank + 1, &mut t);
            assert_ne!(s, t);
        }
    }
}
