//! The token view the recognisers read: the shared tokenizer's tokens with their
//! lower-cased text and a few questions about neighbours (glued, sentence start).

use crate::text::tokens::{tokenize, Token, TokenKind};
use crate::text::Span;

pub(super) struct Scan<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    /// All tokens' lower-cased text, one buffer; `lower_ends[i]` ends token i's slice.
    lower: String,
    lower_ends: Vec<usize>,
    /// Tokens a recogniser may start from (see `super::is_anchor`).
    anchors: Vec<bool>,
}

impl<'t> Scan<'t> {
    pub fn new(text: &'t str) -> Self {
        let tokens = tokenize(text);
        let mut lower = String::with_capacity(text.len());
        let mut lower_ends = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let raw = t.span.of(text);
            if raw.is_ascii() {
                lower.extend(raw.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                lower.extend(raw.chars().flat_map(char::to_lowercase));
            }
            lower_ends.push(lower.len());
        }
        let mut scan = Scan {
            text,
            tokens,
            lower,
            lower_ends,
            anchors: Vec::new(),
        };
        scan.anchors = (0..scan.len())
            .map(|i| super::is_anchor(scan.lower(i), scan.tokens[i].kind))
            .collect();
        scan
    }

    /// Whether a recogniser may start at token `i`.
    pub fn is_anchor(&self, i: usize) -> bool {
        self.anchors.get(i).copied().unwrap_or(false)
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Token `i` as written ("" past the end).
    pub fn raw(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.span.of(self.text))
    }

    /// Token `i` lower-cased ("" past the end).
    pub fn lower(&self, i: usize) -> &str {
        if i >= self.tokens.len() {
            return "";
        }
        let start = if i == 0 { 0 } else { self.lower_ends[i - 1] };
        &self.lower[start..self.lower_ends[i]]
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        self.lower(i) == word
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Token `i` follows token `i - 1` with no space between.
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.tokens.len() && self.tokens[i - 1].span.end == self.tokens[i].span.start
    }

    /// Byte span from the start of token `first` to the end of token `last` (inclusive).
    pub fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.tokens[first].span.start, self.tokens[last].span.end)
    }

    /// Starts with an upper-case letter and is not all upper case (a name-like word).
    pub fn is_title_case(&self, i: usize) -> bool {
        let raw = self.raw(i);
        let mut chars = raw.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    }

    /// Token `i` opens a sentence or a line: the first token, or after end
    /// punctuation, an opening quote or bracket, or a line break.
    pub fn starts_sentence(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let gap = &self.text[self.tokens[i - 1].span.end..self.tokens[i].span.start];
        if gap.contains('\n') {
            return true;
        }
        matches!(
            self.raw(i - 1),
            "." | "!" | "?" | ":" | ";" | "\"" | "\u{201C}" | "(" | "[" | "..." | "\u{2026}"
        )
    }
}
