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
    pub abbreviations: FxHashMap<String, bool>,
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
    let abbreviations = parse(abbreviations)
        .chain(parse(COMMON_ABBREVIATIONS))
        .chain(titles.iter().cloned())
        .map(|a| {
            let title = titles.contains(&a);
            (a, title)
        })
        .collect();
    Some(LanguageData {
        abbreviations,
        starters: parse(starters).collect(),
    })
}

impl LanguageData {
    /// Whether `lower` (lower-cased, no final period) is a title abbreviation ("dr").
    pub fn is_title(&self, lower: &str) -> bool {
        self.abbreviations.get(lower) == Some(&true)
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
    fn entries_are_lower_cased_without_final_period() {
        let de = bundled("de").unwrap();
        assert!(de.abbreviations.contains_key("bzw") && de.abbreviations.contains_key("z.b"));
        assert!(de.abbreviations.keys().all(|a| !a.ends_with('.')));
    }
}
