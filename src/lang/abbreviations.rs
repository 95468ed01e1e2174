//! Per-language word lists the sentence splitter needs, compiled in and parsed once.
//!
//! Each language has `data/lang/<code>/{abbreviations,titles,starters}.txt` (one entry per
//! line, without a final period, `#` starts a comment); `data/lang/README.md` gives sources.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::SUPPORTED;

/// The word lists of one language, lower-cased.
#[derive(Debug, Default)]
pub struct LanguageData {
    /// Words written with a final period that need not end a sentence ("etc", "e.g"),
    /// each with whether it is a title: one that stands before a name or number and so
    /// never ends a sentence there ("dr", "no", "p"). One lookup tells both.
    abbreviations: FxHashMap<String, bool>,
    /// The abbreviations' lengths and end letters, to rule out most words before a lookup.
    sieve: Sieve,
    /// Words that often begin a sentence: after an ambiguous abbreviation ("U.S.", an
    /// initial) a capitalised starter is read as a new sentence.
    pub starters: FxHashSet<String>,
}

macro_rules! language_files {
    ($($code:literal),* $(,)?) => {
        /// The raw (abbreviations, titles, starters) files of `code`.
        fn sources(code: &str) -> Option<[&'static str; 3]> {
            match code {
                $($code => Some([
                    include_str!(concat!("../../data/lang/", $code, "/abbreviations.txt")),
                    include_str!(concat!("../../data/lang/", $code, "/titles.txt")),
                    include_str!(concat!("../../data/lang/", $code, "/starters.txt")),
                ]),)*
                _ => None,
            }
        }
    };
}

language_files!(
    "am", "ar", "bg", "da", "de", "el", "en", "es", "fa", "fr", "hi", "hy", "it", "ja", "kk", "mr",
    "my", "nl", "pl", "ru", "sk", "ur", "zh",
);

fn parse(list: &str) -> impl Iterator<Item = String> + '_ {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.trim_end_matches('.').to_lowercase())
}

/// Forms met in every language's text ("e.g", "Dr", "U.S"), merged into each list.
const COMMON_ABBREVIATIONS: &str = include_str!("../../data/lang/common/abbreviations.txt");
const COMMON_TITLES: &str = include_str!("../../data/lang/common/titles.txt");

fn load(code: &str) -> Option<LanguageData> {
    let [abbreviations, titles, starters] = sources(code)?;
    let titles: FxHashSet<String> = parse(titles).chain(parse(COMMON_TITLES)).collect();
    let abbreviations: FxHashMap<String, bool> = parse(abbreviations)
        .chain(parse(COMMON_ABBREVIATIONS))
        .chain(titles.iter().cloned())
        .map(|a| {
            let title = titles.contains(&a);
            (a, title)
        })
        .collect();
    Some(LanguageData {
        sieve: Sieve::of(abbreviations.keys()),
        abbreviations,
        starters: parse(starters).collect(),
    })
}

impl LanguageData {
    /// `None` when `lower` (lower-cased, no final period) is no abbreviation, else whether
    /// it is a title.
    pub fn abbreviation(&self, lower: &str) -> Option<bool> {
        self.abbreviations.get(lower).copied()
    }

    /// False when `word` (in any case) is certainly no abbreviation: one bit tells that
    /// for most ASCII words, where lower-casing and looking one up costs a few dozen.
    pub fn may_be_abbreviation(&self, word: &str) -> bool {
        self.sieve.may_hold(word)
    }

    /// Whether `lower` (lower-cased, no final period) is a title abbreviation ("dr").
    pub fn is_title(&self, lower: &str) -> bool {
        self.abbreviations.get(lower) == Some(&true)
    }
}

/// Bits set by the (length, first byte, last byte) of the ASCII entries of a word list:
/// an ASCII word whose lower-cased form has a clear bit is none of them. Other words may be.
#[derive(Debug, Default)]
struct Sieve {
    bits: Vec<u64>,
}

/// Bits in a sieve: the few hundred entries of a language set one in fifty or fewer.
const SIEVE_BITS: usize = 1 << 14;

impl Sieve {
    fn of<'a>(entries: impl Iterator<Item = &'a String>) -> Sieve {
        let mut bits = vec![0u64; SIEVE_BITS / 64];
        for entry in entries.filter(|e| e.is_ascii()) {
            if let Some(slot) = Self::slot(entry.as_bytes()) {
                bits[slot / 64] |= 1 << (slot % 64);
            }
        }
        Sieve { bits }
    }

    /// The bit of an ASCII word (lower-cased as it is read), `None` for an empty one.
    fn slot(word: &[u8]) -> Option<usize> {
        let (first, last) = (word.first()?, word.last()?);
        let key = (word.len().min(255) as u32) << 16
            | u32::from(first.to_ascii_lowercase()) << 8
            | u32::from(last.to_ascii_lowercase());
        // Multiplicative hashing: the top bits mix all of the key.
        Some((key.wrapping_mul(0x9e37_79b1) >> (32 - SIEVE_BITS.trailing_zeros())) as usize)
    }

    fn may_hold(&self, word: &str) -> bool {
        if self.bits.is_empty() {
            return false; // an empty list (no language data)
        }
        if !word.is_ascii() {
            return true; // lower-casing may change its length and ends
        }
        Self::slot(word.as_bytes()).is_none_or(|slot| self.bits[slot / 64] >> (slot % 64) & 1 == 1)
    }
}

/// The bundled word lists of `code`, or `None` for an unsupported language.
pub fn bundled(code: &str) -> Option<&'static LanguageData> {
    static DATA: [OnceLock<Option<LanguageData>>; SUPPORTED.len()] =
        [const { OnceLock::new() }; SUPPORTED.len()];
    let index = SUPPORTED.iter().position(|&c| c == code)?;
    DATA[index].get_or_init(|| load(code)).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lists_load() {
        let en = bundled("en").unwrap();
        assert!(en.abbreviations.contains_key("e.g") && en.abbreviations.contains_key("jan"));
        assert!(en.is_title("dr") && en.abbreviations["dr"]);
        assert!(!en.abbreviations["etc"]);
        assert!(en.starters.contains("the"));
    }

    #[test]
    fn common_forms_reach_every_language() {
        let ja = bundled("ja").unwrap();
        assert!(ja.is_title("dr") && ja.abbreviations.contains_key("e.g"));
    }

    #[test]
    fn every_supported_language_loads() {
        for code in SUPPORTED {
            assert!(bundled(code).is_some(), "{code} has no data");
        }
        assert!(bundled("xx").is_none());
    }

    #[test]
    fn languages_with_periods_have_abbreviations() {
        for code in [
            "bg", "da", "de", "el", "es", "fr", "it", "kk", "nl", "pl", "ru", "sk",
        ] {
            assert!(
                bundled(code).unwrap().abbreviations.len() >= 10,
                "{code} has too few abbreviations"
            );
        }
    }

    #[test]
    fn the_sieve_keeps_every_abbreviation_in_any_case() {
        for code in SUPPORTED {
            let data = bundled(code).unwrap();
            for entry in data.abbreviations.keys() {
                // Every form that lower-cases to an entry (not "STRASSE" for "straße").
                let forms = [entry.clone(), entry.to_uppercase(), capitalised(entry)];
                for form in forms.iter().filter(|f| f.to_lowercase() == *entry) {
                    assert!(data.may_be_abbreviation(form), "{code}: {form:?}");
                }
            }
        }
        assert!(!LanguageData::default().may_be_abbreviation("etc"));
    }

    #[test]
    fn the_sieve_rules_out_most_other_words() {
        let en = bundled("en").unwrap();
        let text = "The committee met on Tuesday to discuss the budget for the coming year, \
                    and after a long debate it agreed to raise the allowance for travel by ten \
                    percent while members of the public watched from the gallery above them";
        let words: Vec<&str> = text
            .split_whitespace()
            .map(|w| w.trim_end_matches(','))
            .filter(|w| en.abbreviation(&w.to_lowercase()).is_none())
            .collect();
        let kept = words.iter().filter(|w| en.may_be_abbreviation(w)).count();
        assert!(
            kept * 5 < words.len(),
            "{kept} of {} words pass",
            words.len()
        );
    }

    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
    }

    #[test]
    fn entries_are_lower_cased_without_final_period() {
        let de = bundled("de").unwrap();
        assert!(de.abbreviations.contains_key("bzw") && de.abbreviations.contains_key("z.b"));
        assert!(de.abbreviations.keys().all(|a| !a.ends_with('.')));
    }
}
