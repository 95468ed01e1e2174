//! The shape of a document's lines, which tells how to read a single line break.
//!
//! Hard-wrapped text fills its lines up to a width: a break there stands for a space. A
//! break before a word that would have fitted on the line was made by the writer (a
//! heading, a list, one sentence per line). A document counts as hard-wrapped when its
//! lines are short and most breaks inside paragraphs are of the first kind.

/// Lines longer than this (in characters) are not hard-wrapped prose.
const MAX_WRAP_WIDTH: usize = 100;

/// Line statistics of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// The longest line that could have been wrapped (has a space), in characters; once
    /// a line is longer than any wrap width, that line's (the rest are not measured).
    pub width: usize,
    /// Whether single line breaks mostly stand for spaces.
    pub wrapped: bool,
    /// Whether the text has three or more lines with content: then lines that are not
    /// hard-wrapped read as units (chat, lists), not as a sentence broken in two.
    pub many_lines: bool,
    /// How the document's pieces are counted in characters.
    pub chars: CharCount,
}

/// Counts characters in pieces of one text: bytes, when the whole text is ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CharCount {
    ascii: bool,
}

impl CharCount {
    pub fn of(text: &str) -> CharCount {
        CharCount {
            ascii: text.is_ascii(),
        }
    }

    /// Counting by decoding, right for any text (without a pass to check for ASCII).
    pub fn decoding() -> CharCount {
        CharCount { ascii: false }
    }

    /// Characters in `s`, a piece of the text.
    pub fn len(self, s: &str) -> usize {
        if self.ascii {
            s.len()
        } else {
            s.chars().count()
        }
    }

    /// Characters in the first word of `line` (up to the first whitespace).
    pub fn first_word_len(self, line: &str) -> usize {
        let line = line.trim_start();
        if self.ascii {
            // ASCII whitespace as `char::is_whitespace` has it (with the vertical tab).
            return line
                .bytes()
                .position(|b| matches!(b, b'\t'..=b'\r' | b' '))
                .unwrap_or(line.len());
        }
        line.split(char::is_whitespace)
            .next()
            .unwrap_or("")
            .chars()
            .count()
    }
}

/// The line content without trailing whitespace or `\r`.
fn content(line: &str) -> &str {
    line.trim_end()
}

/// Whether a break after a line of `line_chars` characters, before a line whose first
/// word has `word_chars`, was forced by the width (the word did not fit).
/// A word longer than the width fits on no line, so it says nothing about wrapping; its
/// break is taken as the writer's.
pub fn forced_break(line_chars: usize, word_chars: usize, width: usize) -> bool {
    word_chars <= width && line_chars + 1 + word_chars > width
}

impl Layout {
    pub fn of(text: &str) -> Layout {
        // One pass over the lines: the width, and for each break between two lines with
        // content the first line's length and the second's first word, judged once the
        // width is known.
        let count = CharCount::of(text);
        let mut width = 0;
        let mut breaks: Vec<(usize, usize)> = Vec::new();
        let (mut lines, mut previous) = (0usize, None);
        // Lines by the memchr crate's vector search (`str::split` scans a word at a time).
        let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
        let mut line_start = 0;
        for line_end in ends {
            let line = content(&text[line_start..line_end]);
            line_start = line_end + 1;
            let body = line.trim_start();
            if body.is_empty() {
                previous = None;
                continue;
            }
            lines += 1;
            if width > MAX_WRAP_WIDTH {
                // Not hard-wrapped, whatever follows: only the count of lines is left.
                if lines >= 3 {
                    break;
                }
                continue;
            }
            let chars = count.len(line);
            // A line of one long word (a URL) overflows any wrap width; it says nothing.
            if memchr::memchr(b' ', body.as_bytes()).is_some() {
                width = width.max(chars - count.len(&line[..line.len() - body.len()]));
            }
            if let Some(prev_chars) = previous {
                breaks.push((prev_chars, count.first_word_len(line)));
            }
            previous = Some(chars);
        }
        let forced = breaks
            .iter()
            .filter(|&&(line, word)| forced_break(line, word, width))
            .count();
        let chosen = breaks.len() - forced;
        Layout {
            width,
            wrapped: width <= MAX_WRAP_WIDTH && forced > chosen,
            many_lines: lines >= 3,
            chars: count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_prose_is_detected() {
        let text = "The committee met on Tuesday to discuss the budget for the coming\n\
                    year, and after a long debate it agreed to raise the allowance for\n\
                    travel by ten percent.\n\nA second paragraph follows here.";
        assert!(Layout::of(text).wrapped);
    }

    #[test]
    fn one_line_per_item_is_not_wrapped() {
        assert!(!Layout::of("features\ncontact manager\nevents, activities\n").wrapped);
        let long = "x ".repeat(80);
        assert!(!Layout::of(&format!("{long}\n{long}\n{long}")).wrapped);
    }

    #[test]
    fn an_unbreakable_line_does_not_set_the_width() {
        let url = format!("http://example.com/{}", "x".repeat(90));
        let text = format!(
            "{url}\nThe committee met on Tuesday to discuss the budget for the\ncoming year."
        );
        assert_eq!(Layout::of(&text).width, 58);
    }

    #[test]
    fn chars_are_counted_as_code_points() {
        let count = CharCount::of("Zoë 😀");
        assert_eq!(count.len("Zoë 😀"), 5);
        assert_eq!(count.first_word_len("  Zoë\u{a0}x y"), 3);
        assert_eq!(count.first_word_len("Zoë\u{85}x"), 3);
        let ascii = CharCount::of("ab\x0bc d");
        assert_eq!(ascii.len("ab\x0bc d"), 6);
        for line in [" ab\x0bc d", "abc\td", "abc", "", "  "] {
            assert_eq!(
                ascii.first_word_len(line),
                count.first_word_len(line),
                "{line:?}"
            );
        }
    }
}
