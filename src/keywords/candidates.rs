//! One document read for keyword scoring: its word tokens (stemmed, with their role)
//! and its candidate keyphrases, n-grams inside runs of content words that end in a
//! noun and never cross a sentence, a stop word or punctuation. Mentions that stem
//! alike ("bank", "Banks") are one candidate.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use super::word_classes::{self, WordClass};
use crate::text::tokens::{tokenize, TokenKind};
use crate::text::Span;

/// What a token may be inside a keyphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Stop word, punctuation, number, verb...: breaks a keyphrase.
    Boundary,
    /// Content word that may modify but not end a keyphrase (an adjective).
    Modifier,
    /// Content word that may end a keyphrase (a noun, a name, an unknown term).
    Head,
}

/// One token of the document.
#[derive(Debug, Clone)]
pub struct Word {
    pub span: Span,
    pub role: Role,
    /// Index of the stem among the document's content stems (`None` for boundaries).
    pub stem: Option<u32>,
    pub sentence: u32,
    /// Starts with an upper-case letter.
    pub capitalised: bool,
    /// Two or more letters, all upper case ("NASA").
    pub acronym: bool,
    /// First word token of its sentence.
    pub sentence_start: bool,
}

/// Where a candidate is mentioned: its byte span and the index of its first token.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub span: Span,
    pub first_word: u32,
}

/// A candidate keyphrase: its stems and every mention, in text order.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub stems: Vec<u32>,
    pub mentions: Vec<Mention>,
}

impl Candidate {
    pub fn count(&self) -> usize {
        self.mentions.len()
    }
}

/// A document ready for scoring.
#[derive(Debug)]
pub struct Document<'t> {
    pub text: &'t str,
    pub words: Vec<Word>,
    /// The content stems, indexed by `Word::stem`.
    pub stems: Vec<String>,
    pub candidates: Vec<Candidate>,
    pub sentence_count: usize,
}

/// How to read words of one language.
pub struct Reader<'a> {
    pub stopwords: &'a HashSet<String>,
    pub algorithm: Algorithm,
    pub classes: Option<&'static HashMap<&'static str, WordClass>>,
    pub min_n: usize,
    pub max_n: usize,
    /// Capitals mark names, so a candidate never starts or ends inside a run of
    /// capitalised words (false for German, which capitalises every noun).
    pub whole_names: bool,
}

impl Reader<'_> {
    /// The role of a token, given the lower-cased token before it in its sentence and
    /// that token's role.
    fn role(&self, token: &str, kind: TokenKind, lower: &str, previous: (&str, Role)) -> Role {
        if kind != TokenKind::Word
            || self.stopwords.contains(lower)
            || token.chars().count() < 2
            || !token.chars().any(char::is_alphabetic)
        {
            return Role::Boundary;
        }
        match word_classes::class_of(self.classes, lower) {
            WordClass::Noun => Role::Head,
            WordClass::Modifier => Role::Modifier,
            WordClass::Participle
                if previous.1 != Role::Boundary
                    || word_classes::class_of(self.classes, previous.0) == WordClass::Other
                    || word_classes::participle_is_verb_after(previous.0) =>
            {
                Role::Boundary
            }
            WordClass::Participle => Role::Modifier,
            WordClass::NounOrVerb if word_classes::noun_is_verb_after(previous.0) => Role::Boundary,
            WordClass::NounOrVerb => Role::Head,
            WordClass::MostlyVerb
                if previous.1 != Role::Boundary || word_classes::noun_is_verb_after(previous.0) =>
            {
                Role::Boundary
            }
            WordClass::MostlyVerb => Role::Head,
            WordClass::Other => Role::Boundary,
        }
    }

    /// Reads `text`, split into `sentences` (byte spans, in order).
    pub fn read<'t>(&self, text: &'t str, sentences: &[Span]) -> Document<'t> {
        let stemmer = Stemmer::create(self.algorithm);
        let mut stem_ids: HashMap<String, u32> = HashMap::new();
        let mut stems = Vec::new();
        let mut words = Vec::with_capacity(text.len() / 6 + 1);
        for (index, sentence) in sentences.iter().enumerate() {
            let mut first = true;
            let mut previous = (String::new(), Role::Boundary);
            for token in tokenize(sentence.of(text)) {
                let span = Span::new(
                    sentence.start + token.span.start,
                    sentence.start + token.span.end,
                );
                let surface = span.of(text);
                let lower = surface.to_lowercase();
                let role = self.role(surface, token.kind, &lower, (&previous.0, previous.1));
                let stem = (role != Role::Boundary).then(|| {
                    let stem = stemmer.stem(&lower);
                    match stem_ids.get(stem.as_ref()) {
                        Some(&id) => id,
                        None => {
                            let id = stems.len() as u32;
                            stem_ids.insert(stem.to_string(), id);
                            stems.push(stem.into_owned());
                            id
                        }
                    }
                });
                let is_word = token.kind == TokenKind::Word;
                let capitalised = surface.chars().next().is_some_and(char::is_uppercase);
                let acronym = surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !surface.chars().any(char::is_lowercase);
                words.push(Word {
                    span,
                    role,
                    stem,
                    sentence: index as u32,
                    capitalised,
                    acronym,
                    sentence_start: first && is_word,
                });
                first &= !is_word;
                previous = (lower, role);
            }
        }
        let candidates = self.candidates(&words);
        Document {
            text,
            words,
            stems,
            candidates,
            sentence_count: sentences.len(),
        }
    }

    /// Every n-gram inside a run of content words of one sentence that ends in a head.
    fn candidates(&self, words: &[Word]) -> Vec<Candidate> {
        let mut index: HashMap<Vec<u32>, usize> = HashMap::new();
        let mut out: Vec<Candidate> = Vec::new();
        let mut key: Vec<u32> = Vec::with_capacity(self.max_n);
        let mut run_start = 0;
        for i in 0..=words.len() {
            let continues = i < words.len()
                && words[i].role != Role::Boundary
                && (i == run_start || words[i].sentence == words[i - 1].sentence);
            if continues {
                continue;
            }
            for start in run_start..i {
                if self.whole_names && start > run_start && inside_name(words, start - 1) {
                    continue;
                }
                key.clear();
                for end in start..i.min(start + self.max_n) {
                    key.extend(words[end].stem);
                    if key.len() < self.min_n
                        || words[end].role != Role::Head
                        || (self.whole_names && end + 1 < i && inside_name(words, end))
                    {
                        continue;
                    }
                    let mention = Mention {
                        span: Span::new(words[start].span.start, words[end].span.end),
                        first_word: start as u32,
                    };
                    match index.get(key.as_slice()) {
                        Some(&c) => out[c].mentions.push(mention),
                        None => {
                            index.insert(key.clone(), out.len());
                            out.push(Candidate {
                                stems: key.clone(),
                                mentions: vec![mention],
                            });
                        }
                    }
                }
            }
            run_start = if i < words.len() && words[i].role != Role::Boundary {
                i
            } else {
                i + 1
            };
        }
        out
    }
}

/// Whether `words[i]` and `words[i + 1]` are both capitalised, i.e. part of one name
/// ("Yasser Arafat"), which no candidate may cut.
fn inside_name(words: &[Word], i: usize) -> bool {
    words[i].capitalised && words.get(i + 1).is_some_and(|w| w.capitalised)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<String> {
        let stop: HashSet<String> = ["the", "of", "in", "a", "is"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let reader = Reader {
            stopwords: &stop,
            algorithm: Algorithm::English,
            classes: word_classes::table("en"),
            min_n: 1,
            max_n: 3,
            whole_names: true,
        };
        let sentences = vec![Span::new(0, text.len())];
        let doc = reader.read(text, &sentences);
        doc.candidates
            .iter()
            .map(|c| c.mentions[0].span.of(text).to_string())
            .collect()
    }

    #[test]
    fn ngrams_end_in_a_noun_and_stop_at_boundaries() {
        let got = read("The European Central Bank quickly raised rates, in Germany's economy.");
        for want in ["European Central Bank", "rates", "Germany", "economy"] {
            assert!(
                got.contains(&want.to_string()),
                "{want} missing from {got:?}"
            );
        }
        for never in [
            "Central Bank",
            "Bank",
            "quickly",
            "raised rates",
            "Bank quickly",
            "Germany's economy",
        ] {
            assert!(!got.contains(&never.to_string()), "{never} in {got:?}");
        }
    }

    #[test]
    fn plural_and_singular_are_one_candidate() {
        let stop = HashSet::new();
        let reader = Reader {
            stopwords: &stop,
            algorithm: Algorithm::English,
            classes: None,
            min_n: 1,
            max_n: 2,
            whole_names: true,
        };
        let text = "Networks. A network.";
        let doc = reader.read(text, &[Span::new(0, 9), Span::new(10, text.len())]);
        let network: Vec<_> = doc
            .candidates
            .iter()
            .filter(|c| c.stems.len() == 1 && doc.stems[c.stems[0] as usize] == "network")
            .collect();
        assert_eq!(network.len(), 1);
        assert_eq!(network[0].count(), 2);
    }
}
