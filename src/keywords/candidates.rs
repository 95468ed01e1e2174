//! One document read for keyword scoring: its word tokens (stemmed, with their role)
//! and its candidate keyphrases, n-grams inside runs of content words that end in a
//! noun and never cross a sentence, a stop word or punctuation. Mentions that stem
//! alike ("bank", "Banks") are one candidate.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

use super::word_classes::{self, WordClass};
use super::MAX_NGRAM;
use crate::lang::abbreviations::LanguageData;
use crate::text::search::partition_point_from_front;
use crate::text::tokens::{Token, TokenKind};
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
    pub stems: Stems,
    /// The first mention apart: most candidates have only one, and need no allocation.
    first: Mention,
    rest: Vec<Mention>,
}

/// The stem indices of a candidate, stored inline (a candidate has at most
/// `MAX_NGRAM` words, and documents have many candidates: no allocation each).
#[derive(Debug, Clone, Copy)]
pub struct Stems {
    ids: [u32; MAX_NGRAM],
    len: u8,
}

impl Stems {
    fn new(ids: &[u32]) -> Self {
        let mut stems = Stems {
            ids: [0; MAX_NGRAM],
            len: ids.len().min(MAX_NGRAM) as u8,
        };
        stems.ids[..stems.len as usize].copy_from_slice(&ids[..stems.len as usize]);
        stems
    }
}

impl std::ops::Deref for Stems {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        &self.ids[..self.len as usize]
    }
}

impl Candidate {
    pub fn count(&self) -> usize {
        1 + self.rest.len()
    }

    pub fn first_mention(&self) -> Mention {
        self.first
    }

    /// Every mention, in text order.
    pub fn mentions(&self) -> impl Iterator<Item = &Mention> {
        std::iter::once(&self.first).chain(&self.rest)
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
    pub stopwords: &'a FxHashSet<String>,
    pub algorithm: Algorithm,
    pub classes: Option<&'static FxHashMap<&'static str, WordClass>>,
    pub min_n: usize,
    pub max_n: usize,
    /// Capitals mark names, so a candidate never starts or ends inside a run of
    /// capitalised words, and a name is never prefixed by the lower-case role noun
    /// before it ("coach Pablo Ortega"); false for German, which capitalises every noun.
    pub whole_names: bool,
    /// The language's word lists, for its title abbreviations ("dr", "sen"): written
    /// with a period, they stand before a name and are never part of a keyphrase.
    pub language_data: Option<&'static LanguageData>,
}

impl Reader<'_> {
    /// What a word form is, independent of its neighbours.
    fn lexical(&self, surface: &str, lower: &str, class: WordClass, cached_stem: u32) -> Lexical {
        Lexical {
            content: !self.stopwords.contains(lower)
                && surface.chars().nth(1).is_some()
                && surface.chars().any(char::is_alphabetic)
                && class != WordClass::Other,
            class,
            makes_participle_verb: class == WordClass::Other
                || word_classes::participle_is_verb_after(lower),
            makes_noun_verb: word_classes::noun_is_verb_after(lower),
            determiner: self.classes.is_some() && word_classes::is_determiner(lower),
            gerund: matches!(class, WordClass::NounOrVerb | WordClass::MostlyVerb)
                && lower.ends_with("ing"),
            cached_stem,
            stem: None,
        }
    }

    /// The role of a word given the word before it in its sentence (if any) and that
    /// word's role; `after_name` when this lower-case word follows a capitalised name.
    fn role(word: &Lexical, previous: Option<(&Lexical, Role)>, after_name: bool) -> Role {
        if !word.content || (word.gerund && after_name) {
            // "Wilkins throwing": a verb, where "image processing" is a noun.
            return Role::Boundary;
        }
        let after_content = previous.is_some_and(|(_, r)| r != Role::Boundary);
        let after = |test: fn(&Lexical) -> bool| previous.is_some_and(|(p, _)| test(p));
        match word.class {
            WordClass::Noun => Role::Head,
            WordClass::Modifier => Role::Modifier,
            WordClass::Participle if after_content || after(|p| p.makes_participle_verb) => {
                Role::Boundary
            }
            WordClass::Participle => Role::Modifier,
            WordClass::NounOrVerb if after(|p| p.makes_noun_verb) => Role::Boundary,
            WordClass::NounOrVerb => Role::Head,
            WordClass::MostlyVerb if after_content || after(|p| p.makes_noun_verb) => {
                Role::Boundary
            }
            WordClass::MostlyVerb => Role::Head,
            WordClass::Other => Role::Boundary,
        }
    }

    /// Reads `text`, split into `sentences` (byte spans, in order), from `tokens`, the
    /// tokens of the whole text (`tokenize(text)`, shared with entity tagging). A token
    /// belongs to the sentence it starts in; tokens outside every sentence are skipped.
    pub fn read<'t>(&self, text: &'t str, sentences: &[Span], tokens: &[Token]) -> Document<'t> {
        let (words, stems) = WORD_CACHE.with_borrow_mut(|cache| {
            cache.prepare(self.algorithm);
            self.words(text, sentences, tokens, cache)
        });
        let candidates = self.candidates(&words);
        Document {
            text,
            words,
            stems,
            candidates,
            sentence_count: sentences.len(),
        }
    }

    /// The tokens of `text` with their roles, and the document's content stems.
    fn words(
        &self,
        text: &str,
        sentences: &[Span],
        tokens: &[Token],
        cache: &mut WordCache,
    ) -> (Vec<Word>, Vec<String>) {
        let stemmer = Stemmer::create(self.algorithm);
        // Each distinct word form is looked up and stemmed once per document.
        let expected_words = text.len() / 6 + 1;
        let mut lexicon_index: FxHashMap<WordKey, usize> =
            FxHashMap::with_capacity_and_hasher(expected_words / 2, Default::default());
        let mut lexicon: Vec<Lexical> = Vec::new();
        // Thread-cache stem index -> this document's stem index.
        let mut stem_ids: FxHashMap<u32, u32> =
            FxHashMap::with_capacity_and_hasher(expected_words / 2, Default::default());
        let mut stems = Vec::new();
        let mut words: Vec<Word> = Vec::with_capacity(expected_words);
        let mut lower = String::new();
        let mut rest = tokens;
        for (index, sentence) in sentences.iter().enumerate() {
            let mut first = true;
            // The previous word of this sentence (lexicon entry, role, is a name), if adjacent.
            let mut previous: Option<(usize, Role, bool)> = None;
            let (inside, after) = tokens_of(rest, *sentence);
            rest = after;
            for token in inside {
                let span = token.span;
                let surface = span.of(text);
                let is_word = token.kind == TokenKind::Word;
                let capitalised = surface.chars().next().is_some_and(char::is_uppercase);
                let acronym = capitalised
                    && is_word
                    && surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !surface.chars().any(char::is_lowercase);
                // Capitalised mid-sentence, not an acronym: a name ("Wilkins", not "GPU").
                let name = capitalised && !acronym && !first && is_word;
                let mut role = Role::Boundary;
                let mut stem = None;
                if is_word {
                    lower.clear();
                    if surface.is_ascii() {
                        lower.push_str(surface);
                        lower.make_ascii_lowercase();
                    } else {
                        lower.extend(surface.chars().flat_map(char::to_lowercase));
                    }
                    let key = WordKey::new(&lower);
                    let entry = match lexicon_index.get(&key) {
                        Some(&e) => e,
                        None => {
                            let (class, cached) = cache.lookup(&stemmer, self.classes, &lower);
                            lexicon.push(self.lexical(surface, &lower, class, cached));
                            lexicon_index.insert(key, lexicon.len() - 1);
                            lexicon.len() - 1
                        }
                    };
                    let after_name = !capitalised && previous.is_some_and(|(_, _, n)| n);
                    role = if self.is_title(text, span, &lower) {
                        Role::Boundary
                    } else if name && self.whole_names && lexicon[entry].content {
                        // Capitalised inside a sentence: a proper noun, whatever the
                        // lexicon says of the common word ("Space Telescope").
                        Role::Head
                    } else {
                        Self::role(
                            &lexicon[entry],
                            previous.map(|(p, r, _)| (&lexicon[p], r)),
                            after_name,
                        )
                    };
                    // Before a content word, a mostly-verb word is a verb ("robbing girls"),
                    // and so is a lower-case gerund before a name ("claiming Wilkins").
                    if let (Some((p, r, _)), Some(last)) = (previous, words.last_mut()) {
                        let verb_before =
                            role != Role::Boundary && lexicon[p].class == WordClass::MostlyVerb;
                        let gerund_before_name = name && lexicon[p].gerund && !last.capitalised;
                        let verb_before_object = lexicon[entry].determiner
                            && !last.capitalised
                            && matches!(
                                lexicon[p].class,
                                WordClass::NounOrVerb
                                    | WordClass::MostlyVerb
                                    | WordClass::Participle
                            );
                        if r != Role::Boundary
                            && (verb_before || gerund_before_name || verb_before_object)
                        {
                            last.role = Role::Boundary;
                            last.stem = None;
                        }
                    }
                    if role != Role::Boundary {
                        stem = Some(match lexicon[entry].stem {
                            Some(id) => id,
                            None => {
                                let cached = lexicon[entry].cached_stem;
                                let id = *stem_ids.entry(cached).or_insert_with(|| {
                                    stems.push(cache.stems[cached as usize].clone());
                                    stems.len() as u32 - 1
                                });
                                lexicon[entry].stem = Some(id);
                                id
                            }
                        });
                    }
                    previous = Some((entry, role, name));
                } else {
                    previous = None;
                }
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
            }
        }
        (words, stems)
    }

    /// A title abbreviation written with its period ("Dr." in "regional director Dr.
    /// Hans Richter"). "St." and "Mt." begin place names ("St. Louis"), so they stay.
    fn is_title(&self, text: &str, span: Span, lower: &str) -> bool {
        text.as_bytes().get(span.end) == Some(&b'.')
            && !matches!(lower, "st" | "mt")
            && self.language_data.is_some_and(|d| d.is_title(lower))
    }

    /// Every n-gram inside a run of content words of one sentence that ends in a head.
    fn candidates(&self, words: &[Word]) -> Vec<Candidate> {
        // Keys of up to four stems are packed into one integer (no allocation per lookup).
        let mut short_index: FxHashMap<u128, usize> =
            FxHashMap::with_capacity_and_hasher(words.len(), Default::default());
        let mut long_index: FxHashMap<Vec<u32>, usize> = FxHashMap::default();
        let mut out: Vec<Candidate> = Vec::with_capacity(words.len());
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
                for end in start..i.min(start + self.max_n.min(MAX_NGRAM)) {
                    key.extend(words[end].stem);
                    if key.len() < self.min_n
                        || words[end].role != Role::Head
                        || (self.whole_names
                            && ((end + 1 < i && inside_name(words, end))
                                || (!words[start].capitalised && is_name(&words[end]))))
                    {
                        continue;
                    }
                    let mention = Mention {
                        span: Span::new(words[start].span.start, words[end].span.end),
                        first_word: start as u32,
                    };
                    let next = out.len();
                    let slot = if key.len() <= 4 {
                        let packed = key
                            .iter()
                            .fold(0u128, |acc, &s| (acc << 32) | (s as u128 + 1));
                        *short_index.entry(packed).or_insert(next)
                    } else {
                        *long_index.entry(key.clone()).or_insert(next)
                    };
                    if slot == next {
                        out.push(Candidate {
                            stems: Stems::new(&key),
                            first: mention,
                            rest: Vec::new(),
                        });
                    } else {
                        out[slot].rest.push(mention);
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

/// What a word form is, whatever its neighbours.
struct Lexical {
    /// Not a stop word, two or more characters, with a letter, not verb/adverb only.
    content: bool,
    class: WordClass,
    /// A participle after this word is a verb ("has raised", "quickly raised").
    makes_participle_verb: bool,
    /// A noun-or-verb after this word is a verb ("to play", "will run").
    makes_noun_verb: bool,
    /// A determiner: a lower-case noun-or-verb or participle before it is a verb.
    determiner: bool,
    /// An English -ing form that is also a noun ("processing", "throwing").
    gerund: bool,
    /// Its stem in the thread's word cache.
    cached_stem: u32,
    /// Its stem's index among the document's stems, once needed.
    stem: Option<u32>,
}

/// A lower-cased word as a hash key: ASCII words of up to 16 bytes (nearly all) are
/// packed into an integer, so lookups compare integers instead of calling memcmp.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum WordKey {
    Short(u128),
    Long(Box<str>),
}

impl WordKey {
    fn new(word: &str) -> Self {
        let bytes = word.as_bytes();
        // Words never contain NUL, so zero padding keeps packed keys distinct.
        if bytes.len() <= 16 && word.is_ascii() {
            // Shifted in byte by byte: a copy of a variable length would call memmove.
            let packed = bytes
                .iter()
                .rev()
                .fold(0u128, |packed, &b| (packed << 8) | u128::from(b));
            WordKey::Short(packed)
        } else {
            WordKey::Long(word.into())
        }
    }
}

/// Word classes and stems this thread already looked up, for one language: most
/// words of a document were met in earlier ones, and one lookup in this table is far
/// cheaper than a class-table lookup plus Snowball.
struct WordCache {
    algorithm: Option<Algorithm>,
    /// Lower-cased word -> (class, index of its stem in `stems`).
    words: FxHashMap<WordKey, (WordClass, u32)>,
    /// Distinct stems ("bank" once for "bank" and "banks") and their indices.
    stems: Vec<String>,
    stem_ids: FxHashMap<String, u32>,
}

/// Distinct words a thread remembers before starting afresh (bounds memory).
const WORD_CACHE_WORDS: usize = 200_000;

impl WordCache {
    /// Readies the cache for a document of `algorithm`'s language. It is only ever
    /// cleared here, so stem indices stay valid while a document is read.
    fn prepare(&mut self, algorithm: Algorithm) {
        // One algorithm per language, so it also identifies the class table.
        if self.algorithm != Some(algorithm) || self.words.len() >= WORD_CACHE_WORDS {
            self.words.clear();
            self.stems.clear();
            self.stem_ids.clear();
            self.algorithm = Some(algorithm);
        }
    }

    fn lookup(
        &mut self,
        stemmer: &Stemmer,
        classes: Option<&FxHashMap<&'static str, WordClass>>,
        lower: &str,
    ) -> (WordClass, u32) {
        let key = WordKey::new(lower);
        if let Some(&known) = self.words.get(&key) {
            return known;
        }
        let stem = intern(&mut self.stem_ids, &mut self.stems, &stemmer.stem(lower));
        let entry = (word_classes::class_of(classes, lower), stem);
        self.words.insert(key, entry);
        entry
    }
}

thread_local! {
    static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::new(WordCache {
        algorithm: None,
        words: FxHashMap::default(),
        stems: Vec::new(),
        stem_ids: FxHashMap::default(),
    });
}

/// The index of `stem` among `stems`, added if new.
fn intern(ids: &mut FxHashMap<String, u32>, stems: &mut Vec<String>, stem: &str) -> u32 {
    if let Some(&id) = ids.get(stem) {
        return id;
    }
    let id = stems.len() as u32;
    ids.insert(stem.to_string(), id);
    stems.push(stem.to_string());
    id
}

/// A capitalised word inside a sentence that is not an acronym: part of a name.
fn is_name(word: &Word) -> bool {
    word.capitalised && !word.acronym && !word.sentence_start
}

/// Whether `words[i]` and `words[i + 1]` are both capitalised, i.e. part of one name
/// ("Yasser Arafat"), which no candidate may cut.
fn inside_name(words: &[Word], i: usize) -> bool {
    words[i].capitalised && words.get(i + 1).is_some_and(|w| w.capitalised)
}

/// The tokens that start inside `sentence` and those after it, from `tokens` (sorted)
/// less any before the sentence. On all the shared evaluation documents (4,001) these are
/// exactly the tokens of the sentence tokenized alone: sentence ends fall between tokens.
/// Searched from the front: the sentences come in order, so the answer is near it.
fn tokens_of(tokens: &[Token], sentence: Span) -> (&[Token], &[Token]) {
    let from = partition_point_from_front(tokens, |t| t.span.start < sentence.start);
    let to = from + partition_point_from_front(&tokens[from..], |t| t.span.start < sentence.end);
    (&tokens[from..to], &tokens[to..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn short_word_keys_pack_bytes_little_endian() {
        assert_eq!(WordKey::new("ab"), WordKey::Short(0x6261));
        let sixteen = "abcdefghijklmnop";
        let packed = u128::from_le_bytes(sixteen.as_bytes().try_into().unwrap());
        assert_eq!(WordKey::new(sixteen), WordKey::Short(packed));
        assert_eq!(
            WordKey::new("abcdefghijklmnopq"),
            WordKey::Long("abcdefghijklmnopq".into())
        );
    }

    fn read(text: &str) -> Vec<String> {
        let stop: FxHashSet<String> = ["the", "of", "in", "a", "is"]
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
            language_data: crate::lang::abbreviations::bundled("en"),
        };
        let sentences = vec![Span::new(0, text.len())];
        let doc = reader.read(text, &sentences, &tokenize(text));
        doc.candidates
            .iter()
            .map(|c| c.first_mention().span.of(text).to_string())
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
    fn names_stand_without_titles_and_role_nouns() {
        let got =
            read("The regional director Dr. Hans Richter met coach Pablo Ortega in St. Louis.");
        for want in [
            "Hans Richter",
            "Pablo Ortega",
            "St",
            "regional director",
            "coach",
        ] {
            assert!(
                got.contains(&want.to_string()),
                "{want} missing from {got:?}"
            );
        }
        for never in [
            "regional director Dr",
            "Dr",
            "coach Pablo Ortega",
            "director Dr. Hans Richter",
        ] {
            assert!(!got.contains(&never.to_string()), "{never} in {got:?}");
        }
    }

    #[test]
    fn plural_and_singular_are_one_candidate() {
        let stop = FxHashSet::default();
        let reader = Reader {
            stopwords: &stop,
            algorithm: Algorithm::English,
            classes: None,
            min_n: 1,
            max_n: 2,
            whole_names: true,
            language_data: None,
        };
        let text = "Networks. A network.";
        let sentences = [Span::new(0, 9), Span::new(10, text.len())];
        let doc = reader.read(text, &sentences, &tokenize(text));
        let network: Vec<_> = doc
            .candidates
            .iter()
            .filter(|c| c.stems.len() == 1 && doc.stems[c.stems[0] as usize] == "network")
            .collect();
        assert_eq!(network.len(), 1);
        assert_eq!(network[0].count(), 2);
    }
}
