//! Word tokenizer shared by entity tagging and keyword scoring.
//!
//! It splits raw text the way the CoNLL/Penn conventions the models are trained
//! on do (clitics such as `'s` and `n't` are tokens of their own, `U.S.` and
//! `2,500` stay whole), so the same tokenizer serves space-joined training text
//! and real input. One pass, no backtracking beyond the current token.

use super::whitespace::is_space;
use super::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with digits, inner hyphens, apostrophes or initials' dots).
    Word,
    /// Digits, possibly with inner `.,:/` between digits (`4.5`, `2,500`, `3:30`).
    Number,
    /// A clitic split off a word: `'s`, `n't`, `'ll`, ...
    Clitic,
    /// Punctuation; a run of the same mark (`...`, `--`) is one token.
    Punct,
    /// Anything else that is not whitespace (symbols, emoji).
    Symbol,
}

/// One token: its byte span in the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (accents written as separate code points) belong to the word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || matches!(c, '\u{200C}' | '\u{200D}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Clitics split off the word before them (lower-cased, apostrophe first).
const CLITICS: &[&str] = &["s", "m", "d", "ll", "re", "ve"];

/// Tokenizes `text` into words, numbers, clitics, punctuation and symbols.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    // No token crosses whitespace, so each run between whitespace is tokenized on its
    // own: the decoded characters held at once are one run's, not the whole text's
    // (16 bytes per character made the tokenizer the peak of memory on large texts).
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut run_start = None;
    for (at, c) in text.char_indices() {
        if is_space(c) {
            if let Some(start) = run_start.take() {
                tokenize_run(text, start, at, &mut chars, &mut out);
            }
        } else if run_start.is_none() {
            run_start = Some(at);
        }
    }
    if let Some(start) = run_start {
        tokenize_run(text, start, text.len(), &mut chars, &mut out);
    }
    out
}

/// Tokenizes `text[from..to]`, a run without whitespace; `chars` is a reused buffer.
fn tokenize_run(
    text: &str,
    from: usize,
    to: usize,
    chars: &mut Vec<(usize, char)>,
    out: &mut Vec<Token>,
) {
    chars.clear();
    chars.extend(text[from..to].char_indices().map(|(i, c)| (from + i, c)));
    let chars = chars.as_slice();
    let byte_at = |i: usize| chars.get(i).map_or(to, |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let start = i;
        if c.is_numeric() && !c.is_alphabetic() {
            i = scan_number(chars, i);
            // "3rd", "1990s", "10km": digits running into letters make a word.
            if i < chars.len() && chars[i].1.is_alphabetic() {
                i = scan_word(chars, i);
                push(out, byte_at(start), byte_at(i), TokenKind::Word);
            } else {
                push(out, byte_at(start), byte_at(i), TokenKind::Number);
            }
        } else if is_word_char(c) {
            if let Some(end) = scan_initials(chars, i) {
                i = end;
                push(out, byte_at(start), byte_at(i), TokenKind::Word);
                continue;
            }
            i = scan_word(chars, i);
            split_clitics(text, out, byte_at(start), byte_at(i), &chars[start..i]);
        } else if is_apostrophe(c) && i + 1 < chars.len() && is_clitic_after(chars, i) {
            i = scan_word(chars, i + 1);
            push(out, byte_at(start), byte_at(i), TokenKind::Clitic);
        } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
            i += 1;
            while i < chars.len() && chars[i].1 == c && c != '(' && c != ')' {
                i += 1;
            }
            push(out, byte_at(start), byte_at(i), TokenKind::Punct);
        } else {
            i += 1;
            while i < chars.len() && is_mark(chars[i].1) {
                i += 1;
            }
            push(out, byte_at(start), byte_at(i), TokenKind::Symbol);
        }
    }
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: Span::new(start, end),
        kind,
    });
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3000}'..='\u{303F}'
        | '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}')
}

/// Digits with single inner separators between digits: `2,500.75`, `3:30`, `1/2`.
fn scan_number(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        let inner_separator = matches!(c, '.' | ',' | ':' | '/')
            && i > 0
            && chars[i - 1].1.is_ascii_digit()
            && chars.get(i + 1).is_some_and(|&(_, d)| d.is_ascii_digit());
        if !(c.is_numeric() || inner_separator) {
            break;
        }
        i += 1;
    }
    i
}

/// Letters and digits, joined across single inner hyphens and apostrophes.
fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        let inner_joiner = (is_hyphen(c) || is_apostrophe(c) || c == '&')
            && i > 0
            && is_word_char(chars[i - 1].1)
            && chars.get(i + 1).is_some_and(|&(_, d)| is_word_char(d));
        if !(is_word_char(c) || inner_joiner) {
            break;
        }
        i += 1;
    }
    i
}

/// `U.S.`, `e.g.`, `U.K.`: single letters each followed by a dot, two or more.
fn scan_initials(chars: &[(usize, char)], start: usize) -> Option<usize> {
    let mut i = start;
    let mut letters = 0;
    while i + 1 < chars.len() && chars[i].1.is_alphabetic() && chars[i + 1].1 == '.' {
        if i > start && chars[i - 1].1 != '.' {
            break;
        }
        letters += 1;
        i += 2;
        if i < chars.len()
            && is_word_char(chars[i].1)
            && !(i + 1 < chars.len() && chars[i + 1].1 == '.')
        {
            return None;
        }
    }
    (letters >= 2).then_some(i)
}

fn is_clitic_after(chars: &[(usize, char)], apostrophe: usize) -> bool {
    // After a word ("Germany's") or, in space-joined training text, after a space.
    if apostrophe > 0
        && !(is_word_char(chars[apostrophe - 1].1) || is_space(chars[apostrophe - 1].1))
    {
        return false;
    }
    let end = scan_word(chars, apostrophe + 1);
    let word: String = chars[apostrophe + 1..end]
        .iter()
        .map(|&(_, c)| c.to_ascii_lowercase())
        .collect();
    CLITICS.contains(&word.as_str())
}

/// A word run may end in a clitic (`Germany's`, `don't`, `we'll`): emit it apart.
fn split_clitics(
    text: &str,
    out: &mut Vec<Token>,
    start: usize,
    end: usize,
    chars: &[(usize, char)],
) {
    let word = &text[start..end];
    let lower = word.to_lowercase();
    if lower.len() == word.len() {
        if let Some(cut) = lower
            .strip_suffix("n't")
            .map(str::len)
            .or_else(|| lower.strip_suffix("n\u{2019}t").map(str::len))
        {
            if cut > 0 {
                push(out, start, start + cut, TokenKind::Word);
                push(out, start + cut, end, TokenKind::Clitic);
                return;
            }
        }
    }
    if let Some(pos) = chars.iter().rposition(|&(_, c)| is_apostrophe(c)) {
        let apostrophe_byte = chars[pos].0;
        let tail: String = chars[pos + 1..]
            .iter()
            .map(|&(_, c)| c.to_ascii_lowercase())
            .collect();
        if pos > 0 && CLITICS.contains(&tail.as_str()) {
            push(out, start, apostrophe_byte, TokenKind::Word);
            push(out, apostrophe_byte, end, TokenKind::Clitic);
            return;
        }
    }
    push(out, start, end, TokenKind::Word);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn conll_conventions() {
        assert_eq!(
            words("Germany's U.S. envoy didn't pay $2,500.75 (3rd time)."),
            [
                "Germany", "'s", "U.S.", "envoy", "did", "n't", "pay", "$", "2,500.75", "(", "3rd",
                "time", ")", "."
            ]
        );
    }

    #[test]
    fn space_joined_training_text_is_stable() {
        assert_eq!(
            words("Germany 's envoy do n't"),
            ["Germany", "'s", "envoy", "do", "n't"]
        );
    }

    #[test]
    fn hyphens_apostrophes_unicode() {
        assert_eq!(
            words("O'Neil's state-of-the-art Zoë Šimić... --"),
            [
                "O'Neil",
                "'s",
                "state-of-the-art",
                "Zoë",
                "Šimić",
                "...",
                "--"
            ]
        );
        assert_eq!(
            words("Nguyễn 東京 e\u{301}te"),
            ["Nguyễn", "東京", "e\u{301}te"]
        );
    }

    #[test]
    fn offsets_are_char_boundaries() {
        let text = "a\u{1F600}b , 'x' 's";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!t.span.is_empty());
        }
    }
}
