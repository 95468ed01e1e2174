//! Which characters end, close or open a sentence, across scripts.
//!
//! Terminators come in three strengths; a language may add marks of its own (the Greek
//! question mark `;`, the Armenian full stop written as `:`).

/// How a terminator behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Terminator {
    /// `.`: may also mark an abbreviation, an initial, a number or an ellipsis.
    Period,
    /// `!`, `?`, `…`: ends a sentence when followed by a space and no lower-case word.
    Mark,
    /// `。`, `।`, `።`, ...: ends a sentence wherever it stands (scripts written without
    /// spaces, or marks that are never used inside a sentence).
    Strong,
}

/// The terminator kind of `c`, with `extra` the language's own marks.
pub fn terminator(c: char, extra: &[char]) -> Option<Terminator> {
    match c {
        '.' => Some(Terminator::Period),
        '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '\u{037E}' => Some(Terminator::Mark),
        '。' | '！' | '？' | '｡' | '।' | '॥' | '۔' | '؟' | '։' | '።' | '፧' | '။' | '᙮' => {
            Some(Terminator::Strong)
        }
        _ if extra.contains(&c) => Some(Terminator::Mark),
        _ => None,
    }
}

/// Marks a language uses as terminators beyond the common ones.
pub fn language_marks(language: &str) -> &'static [char] {
    match language {
        "el" => &[';'],
        "hy" => &[':'],
        _ => &[],
    }
}

/// Languages that write ordinal numbers with a period ("12. Juni", "5. gade").
pub fn writes_ordinals_with_period(language: &str) -> bool {
    matches!(language, "da" | "de" | "pl" | "sk")
}

/// Characters that close a sentence after its terminator (quotes, brackets).
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '›'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2019}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '》'
            | '〉'
            | '〕'
            | '］'
    )
}

/// Characters that may stand before the first word of a sentence.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '«'
            | '‹'
            | '\u{201C}'
            | '\u{2018}'
            | '\u{201E}'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '【'
            | '《'
    )
}

/// Dashes, which may continue a sentence after `!` or `?` ("voila! -- you").
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// Bullets that start a list item.
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃' | '◦' | '▪' | '‣' | '∙' | '·' | '*' | '-' | '–' | '—' | '>'
    )
}
