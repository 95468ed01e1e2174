//! Abbreviations that end in a period but do not end a sentence, per language.
//!
//! Each list lives in `data/lang/<code>/abbreviations.txt` (one per line, without
//! the final period, `#` comments); see `data/lang/README.md` for sources.

use std::collections::HashSet;
use std::sync::OnceLock;

fn source(code: &str) -> Option<&'static str> {
    match code {
        "en" => Some(include_str!("../../data/lang/en/abbreviations.txt")),
        _ => None,
    }
}

fn parse(list: &str) -> HashSet<String> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The bundled abbreviations of `code`, lower-cased, without their final period.
pub fn bundled(code: &str) -> Option<&'static HashSet<String>> {
    static EN: OnceLock<HashSet<String>> = OnceLock::new();
    match code {
        "en" => Some(EN.get_or_init(|| parse(source("en").unwrap_or("")))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_list_loads() {
        let en = super::bundled("en").unwrap();
        assert!(en.contains("dr") && en.contains("e.g") && en.contains("jan"));
    }
}
