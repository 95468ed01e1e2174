//! Stop words per language: words that never start, end or sit inside a keyphrase.
//!
//! Each list lives in `data/lang/<code>/stopwords.txt` (one lower-case word per line,
//! `#` comments); see `data/lang/README.md` for sources and licences.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Codes of the languages with a bundled stop-word list, sorted.
pub const LANGUAGES: &[&str] = &["de", "en", "es", "fr", "it", "nl", "pt", "ru"];

fn source(code: &str) -> Option<&'static str> {
    Some(match code {
        "de" => include_str!("../../data/lang/de/stopwords.txt"),
        "en" => include_str!("../../data/lang/en/stopwords.txt"),
        "es" => include_str!("../../data/lang/es/stopwords.txt"),
        "fr" => include_str!("../../data/lang/fr/stopwords.txt"),
        "it" => include_str!("../../data/lang/it/stopwords.txt"),
        "nl" => include_str!("../../data/lang/nl/stopwords.txt"),
        "pt" => include_str!("../../data/lang/pt/stopwords.txt"),
        "ru" => include_str!("../../data/lang/ru/stopwords.txt"),
        _ => return None,
    })
}

fn parse(list: &str) -> HashSet<String> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The bundled stop words of `code`, lower-cased; `None` for a language without a list.
pub fn bundled(code: &str) -> Option<&'static HashSet<String>> {
    static LISTS: [OnceLock<HashSet<String>>; 8] = [const { OnceLock::new() }; 8];
    let index = LANGUAGES.iter().position(|&l| l == code)?;
    let text = source(code)?;
    Some(LISTS[index].get_or_init(|| parse(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_a_real_list() {
        for code in LANGUAGES {
            let list = bundled(code).unwrap();
            assert!(list.len() > 50, "{code} has only {} stop words", list.len());
        }
        assert!(bundled("en").unwrap().contains("the"));
        assert!(bundled("de").unwrap().contains("und"));
        assert!(bundled("ru").unwrap().contains("и"));
        assert!(bundled("xx").is_none());
    }

    #[test]
    fn english_list_keeps_content_nouns() {
        let en = bundled("en").unwrap();
        for noun in ["system", "computer", "information", "research", "area"] {
            assert!(!en.contains(noun), "{noun} must stay a possible keyword");
        }
    }
}
