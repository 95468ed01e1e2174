//! Byte offsets to code-point offsets (what Python's `str` indexes by).
//!
//! Results come out of the engine mostly in increasing order, so a cursor that
//! walks forward (or back) from the last answer makes a whole document's
//! conversion linear; pure-ASCII text skips the walk entirely.

/// Converts byte offsets of one text into code-point offsets.
pub struct CharOffsets<'t> {
    text: &'t str,
    ascii: bool,
    byte: usize,
    chars: usize,
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> Self {
        CharOffsets {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
        }
    }

    /// The code-point index of byte offset `byte` (which must be a char boundary
    /// or the text's length).
    pub fn char_index(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        if byte >= self.byte {
            self.chars += self.text[self.byte..byte].chars().count();
        } else {
            self.chars -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let mut c = CharOffsets::new("hello world");
        assert_eq!(c.char_index(6), 6);
        assert_eq!(c.char_index(2), 2);
    }

    #[test]
    fn multibyte_forward_and_back() {
        let text = "Zoë 𝒳 İstanbul";
        let mut c = CharOffsets::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(c.char_index(byte), chars);
        }
        assert_eq!(c.char_index(text.len()), text.chars().count());
        assert_eq!(c.char_index(4), 3);
        assert_eq!(c.char_index(0), 0);
    }
}
