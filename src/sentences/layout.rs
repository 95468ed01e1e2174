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
    /// The longest line, in characters.
    pub width: usize,
    /// Whether single line breaks mostly stand for spaces.
    pub wrapped: bool,
}

/// Characters in `s` (counting UTF-8 lead bytes only, so no decoding).
pub fn char_len(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

/// The line content without trailing whitespace or `\r`.
fn content(line: &str) -> &str {
    line.trim_end()
}

/// Characters in the first word of `line` (up to the first whitespace).
pub fn first_word_len(line: &str) -> usize {
    let line = line.trim_start();
    char_len(line.split(char::is_whitespace).next().unwrap_or(""))
}

/// Whether a break after a line of `line_chars` characters, before a line whose first
/// word has `word_chars`, was forced by the width (the word did not fit).
pub fn forced_break(line_chars: usize, word_chars: usize, width: usize) -> bool {
    line_chars + 1 + word_chars > width
}

impl Layout {
    pub fn of(text: &str) -> Layout {
        let width = text
            .split('\n')
            .map(|l| char_len(content(l)))
            .max()
            .unwrap_or(0);
        let (mut forced, mut chosen) = (0usize, 0usize);
        let mut previous: Option<usize> = None;
        for line in text.split('\n') {
            let line = content(line);
            if line.trim_start().is_empty() {
                previous = None;
                continue;
            }
            if let Some(prev_chars) = previous {
                if forced_break(prev_chars, first_word_len(line), width) {
                    forced += 1;
                } else {
                    chosen += 1;
                }
            }
            previous = Some(char_len(line));
        }
        Layout {
            width,
            wrapped: width <= MAX_WRAP_WIDTH && forced > chosen,
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
    fn char_len_counts_code_points() {
        assert_eq!(char_len("Zoë 😀"), 5);
    }
}
