//! Sentence boundary detection.
//!
//! The splitter returns byte spans over the original text (it never rewrites
//! it), trimmed of surrounding whitespace. Work is one left-to-right pass with
//! bounded look-around at each candidate boundary, so time is linear in the text.

use crate::lang;
use crate::text::Span;
use std::collections::HashSet;

/// How single line breaks inside a paragraph are read. A blank line always ends a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NewlineMode {
    /// Decide per line break from the text around it.
    Auto,
    /// Every line break ends a sentence (one sentence per line).
    Split,
    /// A single line break is a space (hard-wrapped prose).
    Ignore,
}

impl NewlineMode {
    pub const NAMES: &'static [&'static str] = &["auto", "split", "ignore"];

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "auto" => Some(NewlineMode::Auto),
            "split" => Some(NewlineMode::Split),
            "ignore" => Some(NewlineMode::Ignore),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            NewlineMode::Auto => "auto",
            NewlineMode::Split => "split",
            NewlineMode::Ignore => "ignore",
        }
    }
}

/// Why a splitter could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    UnknownLanguage(String),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::UnknownLanguage(code) => write!(
                f,
                "unknown language {code:?}; supported: {}",
                lang::SUPPORTED.join(", ")
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

/// A configured sentence splitter; cheap to share between threads.
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    language: String,
    bundled: &'static HashSet<String>,
    extra: HashSet<String>,
    newlines: NewlineMode,
}

impl SentenceSplitter {
    /// A splitter for `language` with additional `abbreviations` (with or
    /// without their final period, any case).
    pub fn new<I, S>(
        language: &str,
        abbreviations: I,
        newlines: NewlineMode,
    ) -> Result<Self, ConfigError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let bundled = lang::abbreviations::bundled(language)
            .ok_or_else(|| ConfigError::UnknownLanguage(language.to_string()))?;
        let extra = abbreviations
            .into_iter()
            .map(|a| a.as_ref().trim().trim_end_matches('.').to_lowercase())
            .filter(|a| !a.is_empty())
            .collect();
        Ok(SentenceSplitter {
            language: language.to_string(),
            bundled,
            extra,
            newlines,
        })
    }

    pub fn language(&self) -> &str {
        &self.language
    }

    pub fn newlines(&self) -> NewlineMode {
        self.newlines
    }

    /// The user's additional abbreviations, sorted.
    pub fn extra_abbreviations(&self) -> Vec<String> {
        let mut v: Vec<String> = self.extra.iter().cloned().collect();
        v.sort();
        v
    }

    fn is_abbreviation(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.extra.contains(&lower) || self.bundled.contains(&lower)
    }

    /// Sentence spans of `text`, in order, trimmed, non-empty.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut boundaries = Vec::new();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            match c {
                '.' | '!' | '?' | '…' | '。' | '！' | '？' => {
                    // Take the whole run of terminators and closing quotes/brackets.
                    let mut end = i + c.len_utf8();
                    while let Some(&(j, d)) = iter.peek() {
                        if is_terminator(d) || is_closing(d) {
                            end = j + d.len_utf8();
                            iter.next();
                        } else {
                            break;
                        }
                    }
                    if self.ends_sentence(text, i, c, end) {
                        boundaries.push(end);
                    }
                }
                '\n' if self.newline_ends_sentence(text, i) => boundaries.push(i),
                _ => {}
            }
        }
        spans_between(text, &boundaries)
    }

    fn ends_sentence(&self, text: &str, at: usize, mark: char, end: usize) -> bool {
        if matches!(mark, '。' | '！' | '？') {
            return true;
        }
        let rest = &text[end..];
        let next = rest.trim_start();
        if next.is_empty() {
            return true;
        }
        // "3.5", "e.g.x", "file.txt": a terminator with no space after is inside a token.
        if rest.len() == next.len() {
            return false;
        }
        let first = next.chars().next().unwrap_or(' ');
        if first.is_lowercase() {
            return false;
        }
        if mark == '.' {
            let word = word_before(text, at);
            if !word.is_empty() {
                let single_letter =
                    word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
                if single_letter || self.is_abbreviation(word) {
                    return false;
                }
            }
        }
        true
    }

    fn newline_ends_sentence(&self, text: &str, at: usize) -> bool {
        // A blank line (only whitespace before the next line break) always ends one.
        let after = &text[at + 1..];
        let line_end = after.find('\n');
        let blank_follows = line_end.is_some_and(|n| after[..n].trim().is_empty());
        if blank_follows {
            return true;
        }
        match self.newlines {
            NewlineMode::Split => true,
            NewlineMode::Ignore => false,
            NewlineMode::Auto => {
                let before = text[..at].trim_end_matches([' ', '\t', '\r']);
                let next = after.trim_start();
                // A line that ends without punctuation and is followed by a capitalised
                // line reads as a heading or a one-sentence-per-line layout.
                match (before.chars().last(), next.chars().next()) {
                    (Some(prev), Some(first)) => {
                        !(prev.is_alphanumeric() || prev == ',' || prev == '-')
                            || (first.is_uppercase() && line_is_short(before))
                    }
                    _ => false,
                }
            }
        }
    }
}

fn line_is_short(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    line.chars().count() < 40
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '»' | '\u{201D}' | '\u{2019}' | '」' | '』' | '）'
    )
}

/// The word (letters, digits, inner dots) ending right before byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(at, |(i, _)| i);
    &text[start..at]
}

/// Trimmed, non-empty spans between consecutive boundaries.
fn spans_between(text: &str, boundaries: &[usize]) -> Vec<Span> {
    let mut out = Vec::with_capacity(boundaries.len() + 1);
    let mut start = 0;
    for &b in boundaries.iter().chain(std::iter::once(&text.len())) {
        if b < start {
            continue;
        }
        if let Some(span) = trimmed(text, start, b) {
            out.push(span);
        }
        start = b;
    }
    out
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    (!body.is_empty()).then(|| Span::new(start + lead, start + lead + body.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let s = SentenceSplitter::new("en", Vec::<String>::new(), NewlineMode::Auto).unwrap();
        s.split(text).iter().map(|sp| sp.of(text)).collect()
    }

    #[test]
    fn basic_terminators() {
        assert_eq!(
            split("Hello World. My name is Jonas."),
            ["Hello World.", "My name is Jonas."]
        );
        assert_eq!(split("What? Yes! Ok."), ["What?", "Yes!", "Ok."]);
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(
            split("Dr. Smith paid $3.50 to Mr. Jones. Done."),
            ["Dr. Smith paid $3.50 to Mr. Jones.", "Done."]
        );
        assert_eq!(
            split("My name is Jonas E. Smith."),
            ["My name is Jonas E. Smith."]
        );
    }

    #[test]
    fn user_abbreviations() {
        let s = SentenceSplitter::new("en", ["Approx."], NewlineMode::Auto).unwrap();
        let text = "It weighs approx. Ten tons.";
        assert_eq!(s.split(text).len(), 1);
    }

    #[test]
    fn blank_line_and_whitespace() {
        assert_eq!(
            split("  Title\n\nBody text here  "),
            ["Title", "Body text here"]
        );
        assert!(split(" \n\t ").is_empty());
    }

    #[test]
    fn unknown_language() {
        assert!(matches!(
            SentenceSplitter::new("xx", Vec::<String>::new(), NewlineMode::Auto),
            Err(ConfigError::UnknownLanguage(_))
        ));
    }
}
