//! Sentence boundary detection.
//!
//! The splitter returns byte spans over the original text (it never rewrites it), trimmed
//! of surrounding whitespace. One left-to-right pass finds candidates (terminators, line
//! breaks, list markers) and decides each from a bounded window around it, so time is
//! linear in the text.

mod attachments;
mod gaps;
mod layout;
pub mod learn;
mod lists;
pub mod model;
mod punctuation;
mod words;

use rustc_hash::FxHashSet;

use crate::lang::{self, abbreviations::LanguageData};
use crate::text::whitespace::{is_space, trim_space_end, trim_space_start};
use crate::text::Span;
use layout::Layout;
use punctuation::{is_closing, is_dash, is_opening, terminator, Terminator};
use words::{
    contains_folded, find_folded, is_dotted_abbreviation, is_initial, word_at, word_before,
};

/// How single line breaks inside a paragraph are read. A blank line always ends a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NewlineMode {
    /// Decide per line break from the text around it and the document's layout.
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
    data: &'static LanguageData,
    marks: &'static [char],
    /// Whether "12." is an ordinal number ("am 12. Juni") rather than a sentence end.
    ordinals: bool,
    /// Whether a sentence may start in lower case after a plain word's period or a `?`
    /// (web and chat text); measured on English only, so English only.
    lowercase_starts: bool,
    extra: FxHashSet<String>,
    newlines: NewlineMode,
    /// Scores gaps that no terminator marks (English only).
    model: Option<&'static model::BoundaryModel>,
}

/// What follows a terminator: the whitespace after it and the next word.
#[derive(Debug, Clone, Copy)]
struct Following {
    /// Nothing but whitespace up to the end of the text.
    at_end: bool,
    /// At least one whitespace character follows.
    spaced: bool,
    /// First character after the whitespace and any opening quotes or brackets.
    first: char,
    /// Byte where `first` starts.
    word_start: usize,
}

fn following(text: &str, from: usize) -> Following {
    let rest = &text[from..];
    let mut ws_end = rest.len();
    for (i, c) in rest.char_indices() {
        if !is_space(c) {
            ws_end = i;
            break;
        }
    }
    let mut first = ' ';
    let mut word_start = from + ws_end;
    for (i, c) in rest[ws_end..].char_indices().take(8) {
        first = c;
        word_start = from + ws_end + i;
        if !is_opening(c) {
            break;
        }
    }
    Following {
        at_end: ws_end == rest.len(),
        spaced: ws_end > 0,
        first,
        word_start,
    }
}

/// Bytes where a candidate may start: terminators, line breaks, emoticon and language
/// marks (`;`, `:`, `<`), and every non-ASCII byte (decoded then).
const CANDIDATE_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x80;
    while b < 256 {
        table[b] = true;
        b += 1;
    }
    let ascii = [b'.', b'!', b'?', b'\n', b';', b':', b'<'];
    let mut k = 0;
    while k < ascii.len() {
        table[ascii[k] as usize] = true;
        k += 1;
    }
    table
};

/// The first byte at or after `from` that may start a candidate, or `bytes.len()`.
fn next_candidate_byte(bytes: &[u8], from: usize) -> usize {
    // Whole 16-byte chunks at once where the CPU allows, then the rest byte by byte.
    #[cfg(target_arch = "x86_64")]
    let from = {
        let mut at = from;
        while let Some(chunk) = bytes.get(at..at + 16) {
            match candidate_mask_16(chunk) {
                0 => at += 16,
                mask => return at + mask.trailing_zeros() as usize,
            }
        }
        at
    };
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| CANDIDATE_BYTE[usize::from(b)]))
        .map_or(bytes.len(), |n| from + n)
}

/// Bit i set when `chunk[i]` (of 16 bytes) may start a candidate, 16 bytes per SSE2
/// comparison (every x86-64 CPU has SSE2): sentences run tens of bytes between candidates.
#[cfg(target_arch = "x86_64")]
fn candidate_mask_16(chunk: &[u8]) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    debug_assert_eq!(chunk.len(), 16);
    // SAFETY: SSE2 is part of x86-64, and the unaligned load reads the 16 bytes of `chunk`.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast());
        let is = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        let any = _mm_or_si128(
            _mm_or_si128(
                _mm_or_si128(is(b'.'), is(b'!')),
                _mm_or_si128(is(b'?'), is(b'\n')),
            ),
            _mm_or_si128(_mm_or_si128(is(b';'), is(b':')), _mm_or_si128(is(b'<'), v)),
        );
        // The high bit of each byte: a listed byte compares as 0xff; a non-ASCII byte has it.
        _mm_movemask_epi8(any) as u32
    }
}

/// Whether `text` looks hard-wrapped (see `layout`): its single line breaks are spaces.
pub fn is_hard_wrapped(text: &str) -> bool {
    Layout::of(text).wrapped
}

/// The first non-whitespace byte at or after `from`.
fn follow_first_byte(text: &str, from: usize) -> usize {
    from + (text[from..].len() - text[from..].trim_start_matches(is_space).len())
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
        let data = lang::abbreviations::bundled(language)
            .ok_or_else(|| ConfigError::UnknownLanguage(language.to_string()))?;
        let extra = abbreviations
            .into_iter()
            .map(|a| a.as_ref().trim().trim_end_matches('.').to_lowercase())
            .filter(|a| !a.is_empty())
            .collect();
        Ok(SentenceSplitter {
            language: language.to_string(),
            data,
            marks: punctuation::language_marks(language),
            ordinals: punctuation::writes_ordinals_with_period(language),
            lowercase_starts: language == "en",
            model: model::bundled(language),
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

    /// The user's additional (and learned) abbreviations, sorted.
    pub fn extra_abbreviations(&self) -> Vec<String> {
        let mut v: Vec<String> = self.extra.iter().cloned().collect();
        v.sort();
        v
    }

    /// The same splitter with `more` abbreviations added to the user's own.
    pub fn with_abbreviations<I, S>(mut self, more: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.extra.extend(
            more.into_iter()
                .map(|a| a.as_ref().trim().trim_end_matches('.').to_lowercase())
                .filter(|a| !a.is_empty()),
        );
        self
    }

    /// `None` when `word` is no abbreviation (bundled or the user's), else whether it is
    /// a title ("Dr"): one lookup where the rules need both.
    fn abbreviation(&self, word: &str) -> Option<bool> {
        self.bundled_abbreviation(word)
            .or_else(|| contains_folded(&self.extra, word).then_some(false))
    }

    /// [`Self::abbreviation`] in the language's own list only (the sieve first).
    fn bundled_abbreviation(&self, word: &str) -> Option<bool> {
        self.data
            .may_be_abbreviation(word)
            .then(|| find_folded(word, |w| self.data.abbreviation(w)))
            .flatten()
    }

    fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviation(word).is_some()
    }

    fn is_title(&self, word: &str) -> bool {
        self.bundled_abbreviation(word) == Some(true)
    }

    /// "Mr." at `start`: a title can open a sentence after an ambiguous abbreviation.
    fn is_title_word(&self, text: &str, start: usize) -> bool {
        let word = word_at(text, start);
        text[start + word.len()..].starts_with('.') && self.is_title(word)
    }

    /// Whether the word at `start` commonly begins a sentence. Without a starter list for
    /// the language, any capitalised word counts.
    fn is_starter(&self, text: &str, start: usize) -> bool {
        let word = word_at(text, start);
        if self.data.starters.is_empty() {
            return word.chars().next().is_some_and(char::is_uppercase);
        }
        word.chars().next().is_some_and(|c| !c.is_lowercase())
            && contains_folded(&self.data.starters, word)
    }

    /// Sentence spans of `text`, in order, trimmed, non-empty.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let layout = match self.newlines {
            NewlineMode::Auto => Layout::of(text),
            _ => Layout {
                width: 0,
                wrapped: false,
                many_lines: false,
                chars: layout::CharCount::decoding(),
            },
        };
        let markers = lists::list_markers(text);
        let mut next_marker = markers.iter().peekable();
        // Room for a sentence every hundred bytes or so, grown by doubling beyond.
        let mut boundaries = Vec::with_capacity(text.len() / 64 + 8);
        let mut line_start = 0;
        let content_end = text.trim_end_matches(is_space).len();
        let mut title_depth = 0u8;
        let bytes = text.as_bytes();
        let mut i = 0;
        loop {
            // Most bytes are ASCII that can be no candidate: skip them in a tight loop.
            i = next_candidate_byte(bytes, i);
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            while let Some(m) = next_marker.next_if(|m| m.start <= i) {
                boundaries.push(m.start);
            }
            if c == '\n' {
                if self.line_break_ends(text, line_start, i, content_end, &layout) {
                    boundaries.push(i);
                }
                line_start = i + 1;
                title_depth = 0;
                i += 1;
                continue;
            }
            if matches!(c, ':' | ';' | '<') && !self.marks.contains(&c) {
                // An emoticon ends a sentence of web text before a capital ("fun :) We").
                if let Some(n) = attachments::emoticon_at(text, i) {
                    if following(text, i + n).first.is_uppercase() {
                        boundaries.push(i + n);
                    }
                    i += n;
                    continue;
                }
            }
            let Some(kind) = terminator(c, self.marks) else {
                title_depth = match c {
                    '《' | '〈' => title_depth.saturating_add(1),
                    '》' | '〉' => title_depth.saturating_sub(1),
                    _ => title_depth,
                };
                i += c.len_utf8();
                continue;
            };
            if title_depth > 0 {
                // "《摔跤吧！爸爸》": marks inside a quoted title end nothing.
                i += c.len_utf8();
                continue;
            }
            let next = self.decide_run(text, i, kind, &markers, &mut boundaries);
            i = next.max(i + c.len_utf8());
        }
        boundaries.extend(next_marker.map(|m| m.start));
        if let Some(model) = self.model {
            model.add_boundaries(text, self.data, layout.wrapped, &mut boundaries);
        }
        boundaries.sort_unstable();
        spans_between(text, &boundaries)
    }

    /// Decides the run of terminators starting at `at`, pushing any boundary; returns the
    /// byte after the run.
    fn decide_run(
        &self,
        text: &str,
        at: usize,
        kind: Terminator,
        markers: &[lists::ListMarker],
        boundaries: &mut Vec<usize>,
    ) -> usize {
        // The run: terminators, possibly separated by single spaces (". . .").
        let bytes = text.as_bytes();
        let (mut end, mut count, mut periods, mut spaced) = (at, 0usize, 0usize, false);
        let mut strong = kind == Terminator::Strong;
        while let Some(c) = text[end..].chars().next() {
            if let Some(k) = terminator(c, self.marks) {
                strong |= k == Terminator::Strong;
                count += 1;
                periods += usize::from(c == '.');
                end += c.len_utf8();
            } else if c == ' '
                && count > 0
                && !strong
                && matches!(bytes.get(end + 1), Some(b'.' | b'!' | b'?'))
                && !matches!(bytes.get(end + 2), Some(b'.' | b'!' | b'?'))
            {
                spaced = true;
                end += 1;
            } else {
                break;
            }
        }
        while let Some(c) = text[end..].chars().next().filter(|&c| is_closing(c)) {
            end += c.len_utf8();
        }
        end = attachments::after_sentence(text, end);
        let follow = following(text, end);
        let ends = if strong {
            true
        } else if follow.at_end {
            false // the text's end closes the last sentence anyway
        } else if spaced {
            self.spaced_ellipsis(text, at, periods, &follow, boundaries)
        } else if count == 1 && kind == Terminator::Period {
            let index = markers.partition_point(|m| m.start < at);
            let is_marker = index > 0 && markers[index - 1].period == Some(at);
            !is_marker && self.period_ends(text, at, end, &follow)
        } else if periods == count && text[..at].ends_with(['[', '(']) {
            false // "[...]": an omission inside a quotation
        } else {
            self.mark_ends(text, at, end, &follow)
        };
        if ends {
            boundaries.push(end);
        }
        end
    }

    /// ". . ." (spaced periods): three are an omission inside the sentence; four after a
    /// word are its period plus an omission opening the next sentence.
    fn spaced_ellipsis(
        &self,
        text: &str,
        at: usize,
        periods: usize,
        follow: &Following,
        boundaries: &mut Vec<usize>,
    ) -> bool {
        if periods < 4 || follow.first.is_lowercase() {
            return false;
        }
        let attached = text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace());
        if attached {
            let first_len = text[at..].chars().next().map_or(1, char::len_utf8);
            boundaries.push(at + first_len);
            return false;
        }
        true
    }

    /// `!`, `?`, `...` ending at `end` (after closers): a boundary before a capital; before
    /// a lower-case word only after a bare `?`, or a `!` after a lower-case word ("kick
    /// ass! i have", but "Yahoo! in", "'Well!' thought", "voila! -- you").
    fn mark_ends(&self, text: &str, at: usize, end: usize, follow: &Following) -> bool {
        if !follow.spaced {
            return false;
        }
        let first = text[follow.word_start..]
            .chars()
            .take(6)
            .find(|&c| !(is_dash(c) || c.is_whitespace() || is_opening(c)))
            .unwrap_or(' ');
        if !first.is_lowercase() {
            return true;
        }
        let run = &text[at..end];
        let bare =
            !run.ends_with(is_closing) && text[follow_first_byte(text, end)..].starts_with(first);
        self.lowercase_starts
            && bare
            && (run.ends_with('?')
                || run.ends_with('!')
                    && word_before(text, at)
                        .and_then(|w| w.chars().next())
                        .is_some_and(char::is_lowercase))
    }

    /// A single period at `at`, closed (with quotes or brackets) at `end`.
    fn period_ends(&self, text: &str, at: usize, end: usize, follow: &Following) -> bool {
        if !follow.spaced {
            return self.glued_period_ends(text, at, end);
        }
        let first = follow.first;
        if matches!(first, ',' | ';' | ':' | ')' | ']') {
            return false; // no sentence starts with these
        }
        let Some(word) = word_before(text, at) else {
            return !first.is_lowercase(); // a very long run: not an abbreviation
        };
        let number = word.bytes().all(|b| b.is_ascii_digit());
        // "Tuesday.Mr": only the piece after a glued boundary is the word.
        // Words are short: a byte loop beats the library's search set-up.
        let word = match word.bytes().rposition(|b| b == b'.') {
            Some(dot) if !is_dotted_abbreviation(word) && !self.is_abbreviation(word) => {
                &word[dot + 1..]
            }
            _ => word,
        };
        if word.is_empty() {
            // "N°. 1026": after a symbol a number continues the sentence.
            return !(first.is_lowercase() || first.is_numeric());
        }
        if first.is_lowercase() {
            // "(This is great.) she said": after closers the sentence goes on.
            return self.lowercase_starts && self.plain_word(word) && end == at + 1;
        }
        let abbreviation = self.abbreviation(word);
        if abbreviation == Some(true) {
            return false; // a title
        }
        let word_start = at - word.len();
        let detached = text[..word_start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || is_opening(c));
        let initial = detached && is_initial(word);
        let ordinal = self.ordinals && (number && word.len() <= 3 || words::is_roman_numeral(word));
        let initials = initial || words::is_dotted_initials(word);
        if abbreviation.is_some() || initials || ordinal || is_dotted_abbreviation(word) {
            // Without a starter list only a title-like reading is safe for initials and
            // ordinals ("Л.Н. Толстой", "7. Apríla").
            if first.is_numeric() || (self.data.starters.is_empty() && (initials || ordinal)) {
                return false;
            }
            return self.is_starter(text, follow.word_start)
                || (self.is_title_word(text, follow.word_start)
                    && words::words_before(text, word_start, 4) >= 3);
        }
        true
    }

    /// A word that is no abbreviation: after it a period ends the sentence even before a
    /// lower-case word (chat and web text often start sentences in lower case).
    fn plain_word(&self, word: &str) -> bool {
        word.chars().nth(1).is_some()
            && word.chars().all(char::is_alphanumeric)
            && !self.is_abbreviation(word)
    }

    /// A period with no space after it ends a sentence only in "world.Today" or
    /// "1,000.That": a plain word or number, then a capitalised word.
    fn glued_period_ends(&self, text: &str, at: usize, end: usize) -> bool {
        let mut next = text[end..].chars();
        let (Some(a), Some(b)) = (next.next(), next.next()) else {
            return false;
        };
        if !(a.is_uppercase() && b.is_lowercase()) {
            return false;
        }
        let Some(word) = word_before(text, at) else {
            return false;
        };
        let plain_word = word.chars().count() >= 2
            && (word.chars().all(char::is_alphabetic)
                && word.chars().last().is_some_and(char::is_lowercase)
                || word.chars().all(|c| c.is_ascii_digit()));
        if !plain_word || self.is_abbreviation(word) {
            return false;
        }
        // Not inside a URL, e-mail address, path or dotted name.
        let inside_name = |s: &str| s.contains(['/', '@', ':', '\\']);
        let token_after = words::token_at(text, end);
        !words::token_before_has(text, at, &['.', '/', '@', ':', '\\'])
            && !inside_name(token_after)
            && !token_after.trim_end_matches('.').contains('.')
    }

    /// Whether the line break at `at` (ending the line that starts at `line_start`) ends a
    /// sentence on its own; terminators before it are decided separately.
    fn line_break_ends(
        &self,
        text: &str,
        line_start: usize,
        at: usize,
        content_end: usize,
        layout: &Layout,
    ) -> bool {
        // The next line from its first character that is no space (the line break
        // ending it counts as its end, so the line's own end need not be searched).
        let next_line = text[at + 1..].trim_start_matches(|c: char| c != '\n' && c.is_whitespace());
        if next_line.is_empty() || next_line.starts_with('\n') {
            // A blank line, or the end of the text.
            return at < content_end;
        }
        let line = text[line_start..at].trim_end();
        if line.trim_start().is_empty() {
            return false; // the break before was already decided
        }
        match self.newlines {
            NewlineMode::Split => return true,
            NewlineMode::Ignore => return false,
            NewlineMode::Auto => {}
        }
        if lists::line_starts_item(text, at + 1) {
            return true;
        }
        let first = next_line.chars().next().unwrap_or(' ');
        let last = line.chars().next_back().unwrap_or(' ');
        let continues = first.is_lowercase() && (last.is_alphanumeric() || last == ',');
        if layout.wrapped {
            let forced = layout::forced_break(
                layout.chars.len(line),
                layout.chars.first_word_len(next_line),
                layout.width,
            );
            return !forced && !continues;
        }
        if last == '.' {
            // "Dr.\nSmith": before a name the period's own rules decide.
            let word = word_before(line, line.len() - 1).unwrap_or("");
            let alone = line.trim_start().len() == word.len() + 1;
            if !alone && (self.is_title(word) || is_initial(word)) {
                return false;
            }
        }
        // "It was a cold\nnight in the city.": in a short text a line of three or more
        // words continued in lower case is one sentence broken in two.
        !(continues && !layout.many_lines && line.split_whitespace().nth(2).is_some())
    }
}

/// Trimmed, non-empty spans between consecutive (sorted) boundaries.
fn spans_between(text: &str, boundaries: &[usize]) -> Vec<Span> {
    let mut out = Vec::with_capacity(boundaries.len() + 1);
    let mut start = 0;
    for &b in boundaries.iter().chain(std::iter::once(&text.len())) {
        if b <= start {
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
    let rest = trim_space_start(piece);
    let lead = piece.len() - rest.len();
    let body = trim_space_end(rest);
    (!body.is_empty()).then(|| Span::new(start + lead, start + lead + body.len()))
}

#[cfg(test)]
mod tests;
