//! The model's built-in name lists (countries, cities, US states, first and last
//! names, company suffixes), matched over tokens case-insensitively. Membership is
//! a feature for the tagger, never a decision: "Jordan" is a country and a name.
//! Sources and licences: data/gazetteers/README.md.

use std::sync::OnceLock;

use super::hashing;
use crate::text::tokens::tokenize;

/// Each list and its file; the index is the list's id in features (part of the model format).
const LISTS: &[&str] = &[
    include_str!("../../data/gazetteers/countries.txt"),
    include_str!("../../data/gazetteers/cities.txt"),
    include_str!("../../data/gazetteers/us_states.txt"),
    include_str!("../../data/gazetteers/first_names.txt"),
    include_str!("../../data/gazetteers/last_names.txt"),
    include_str!("../../data/gazetteers/org_suffixes.txt"),
];

/// Longest phrase, in tokens, that is looked up.
const MAX_TOKENS: usize = 6;

/// Where a token sits inside a matched phrase.
const BEGIN: u32 = 0;
const INSIDE: u32 = 1;
const LAST: u32 = 2;
const UNIT: u32 = 3;

/// Phrases keyed by the hash of their lower-cased tokens, valued by a bit set of lists.
pub struct Gazetteers {
    phrases: hashing::HashMap<u8>,
}

/// The hash of a phrase from the hashes of its lower-cased tokens.
pub fn phrase_key(token_hashes: impl IntoIterator<Item = u64>) -> u64 {
    token_hashes.into_iter().fold(0x2545_F491, hashing::combine)
}

/// The lower-cased token hash shared by features and phrase lookup.
pub fn lower_hash(lower: &str) -> u64 {
    hashing::bytes(lower.as_bytes())
}

impl Gazetteers {
    /// The built-in lists, parsed once per process.
    pub fn builtin() -> &'static Gazetteers {
        static BUILTIN: OnceLock<Gazetteers> = OnceLock::new();
        BUILTIN.get_or_init(|| Gazetteers::from_lists(LISTS))
    }

    fn from_lists(lists: &[&str]) -> Gazetteers {
        let mut phrases: hashing::HashMap<u8> = hashing::HashMap::default();
        phrases.reserve(60_000);
        let mut lower = String::new();
        for (id, list) in lists.iter().enumerate() {
            for line in list.lines().filter(|l| !l.trim().is_empty()) {
                let tokens = tokenize(line);
                if tokens.len() > MAX_TOKENS {
                    continue;
                }
                let key = phrase_key(tokens.iter().map(|t| {
                    lower.clear();
                    lower.extend(t.span.of(line).chars().flat_map(char::to_lowercase));
                    lower_hash(&lower)
                }));
                *phrases.entry(key).or_default() |= 1 << id;
            }
        }
        Gazetteers { phrases }
    }

    /// For each token, a bit set of (list, position) memberships: bit `4 * list + position`.
    pub fn mark(&self, lower_hashes: &[u64]) -> Vec<u32> {
        let mut marks = vec![0u32; lower_hashes.len()];
        for start in 0..lower_hashes.len() {
            let mut key = phrase_key([]);
            for len in 1..=MAX_TOKENS.min(lower_hashes.len() - start) {
                key = hashing::combine(key, lower_hashes[start + len - 1]);
                let Some(&lists) = self.phrases.get(&key) else {
                    continue;
                };
                for list in 0..LISTS.len() as u32 {
                    if lists & (1 << list) == 0 {
                        continue;
                    }
                    if len == 1 {
                        marks[start] |= 1 << (4 * list + UNIT);
                        continue;
                    }
                    marks[start] |= 1 << (4 * list + BEGIN);
                    for m in &mut marks[start + 1..start + len - 1] {
                        *m |= 1 << (4 * list + INSIDE);
                    }
                    marks[start + len - 1] |= 1 << (4 * list + LAST);
                }
            }
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(words: &[&str]) -> Vec<u64> {
        words
            .iter()
            .map(|w| lower_hash(&w.to_lowercase()))
            .collect()
    }

    #[test]
    fn multi_token_phrases_match_case_insensitively() {
        let g = Gazetteers::builtin();
        let marks = g.mark(&hashes(&["visited", "NEW", "York", "city"]));
        assert_eq!(marks[0], 0);
        let cities = 1;
        assert_ne!(marks[1] & (1 << (4 * cities + BEGIN)), 0);
        assert_ne!(marks[2] & (1 << (4 * cities + INSIDE)), 0);
        assert_ne!(marks[3] & (1 << (4 * cities + LAST)), 0);
        let countries = 0;
        let m = g.mark(&hashes(&["germany"]));
        assert_ne!(m[0] & (1 << (4 * countries + UNIT)), 0);
    }
}
