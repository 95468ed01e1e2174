//! Which English words can end a keyphrase: a keyphrase is read as modifiers ending in a
//! noun, so words that cannot be nouns are marked (adjective-capable or verb/adverb only).
//! The table is derived from WordNet (see `data/lang/README.md`); unknown words count as nouns.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// How a content word may be used inside a keyphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// Can be a noun (or is unknown, like most names): may end a keyphrase.
    Noun,
    /// Cannot be a noun but can be an adjective: may only modify ("neural" network).
    Modifier,
    /// An adjective that is also a verb form ("distributed", "raised"): a modifier
    /// unless the words before it make it a verb (see `participle_is_verb`).
    Participle,
    /// A noun that is also a verb form ("plays", "running"): a noun unless the word
    /// before it makes it a verb (see `noun_is_verb_after`).
    NounOrVerb,
    /// A noun-or-verb used mostly as a verb ("sell", "wins"): also a verb right after
    /// a content word ("makers sell", "Smith wins").
    MostlyVerb,
    /// A verb form or adverb only: never part of a keyphrase ("announced", "quickly").
    Other,
}

/// The word-class table of `language`, if one ships.
pub fn table(language: &str) -> Option<&'static FxHashMap<&'static str, WordClass>> {
    static EN: OnceLock<FxHashMap<&'static str, WordClass>> = OnceLock::new();
    match language {
        "en" => Some(EN.get_or_init(|| parse(include_str!("../../data/lang/en/word_classes.txt")))),
        _ => None,
    }
}

fn parse(list: &'static str) -> FxHashMap<&'static str, WordClass> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (word, class) = l.split_once('\t')?;
            let class = match class.trim() {
                "a" => WordClass::Modifier,
                "p" => WordClass::Participle,
                "b" => WordClass::NounOrVerb,
                "w" => WordClass::MostlyVerb,
                "v" => WordClass::Other,
                _ => return None,
            };
            Some((word, class))
        })
        .collect()
}

/// Words after which an English participle is a verb ("it raised", "has raised").
const VERB_CONTEXT: &[&str] = &[
    "i", "we", "you", "he", "she", "it", "they", "who", "which", "that", "has", "have", "had",
    "having", "is", "are", "was", "were", "be", "been", "being", "also", "not", "never",
];

/// Whether a participle after the function word `previous` (lower-cased) is a verb.
/// After a content word or an adverb it always is: "the bank (quickly) raised rates"
/// vs "the distributed system".
pub fn participle_is_verb_after(previous: &str) -> bool {
    VERB_CONTEXT.contains(&previous)
}

/// Determiners: a noun-or-verb right before one is a verb taking an object ("orbits a
/// star", "lost its focus"), where a noun is followed by its own phrase, not a new one.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "my", "your", "these", "those",
];

/// Whether `word` (lower-cased) is a determiner that makes a verb of the word before it.
pub fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(&word)
}

/// Words after which an English noun-or-verb is a verb ("to play", "will run", "is running").
const VERB_BEFORE: &[&str] = &[
    "to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "do", "does",
    "did", "not", "n't", "never", "i", "we", "you", "they", "he", "she", "who", "am", "is", "are",
    "was", "were", "be", "been", "also",
];

/// Whether a noun-or-verb after `previous` (lower-cased) is a verb.
pub fn noun_is_verb_after(previous: &str) -> bool {
    VERB_BEFORE.contains(&previous)
}

/// The class of a lower-cased word under `table` (every word is a noun without a table).
pub fn class_of(table: Option<&FxHashMap<&'static str, WordClass>>, lower: &str) -> WordClass {
    table
        .and_then(|t| t.get(lower).copied())
        .unwrap_or(WordClass::Noun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_table_separates_nouns_modifiers_and_verbs() {
        let t = table("en");
        assert_eq!(class_of(t, "network"), WordClass::NounOrVerb);
        assert_eq!(class_of(t, "economy"), WordClass::Noun);
        assert_eq!(class_of(t, "neural"), WordClass::Modifier);
        assert_eq!(class_of(t, "quickly"), WordClass::Other);
        assert_eq!(class_of(t, "distributed"), WordClass::Participle);
        assert_eq!(class_of(t, "processing"), WordClass::NounOrVerb);
        assert_eq!(class_of(t, "tornado"), WordClass::Noun);
        assert_eq!(class_of(t, "zyxwv"), WordClass::Noun);
        assert!(table("de").is_none());
    }
}
