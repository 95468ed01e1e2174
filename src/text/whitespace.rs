//! What every analysis treats as whitespace: Unicode White_Space plus the four
//! information separators U+001C..U+001F, i.e. exactly Python's `str.isspace()`,
//! so no span handed to Python starts or ends with a character `str.strip()` removes.
//! U+FEFF (byte order mark) and U+200B (zero-width space) are format characters, not
//! whitespace, for Python and Rust alike: they stay part of the text.

/// Whether `c` is whitespace (`char::is_whitespace` or U+001C..U+001F).
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `s` without leading and trailing whitespace.
pub fn trim_space(s: &str) -> &str {
    trim_space_end(trim_space_start(s))
}

/// Whether the ASCII byte `b` is whitespace (as `is_space` has it).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=b' ')
}

/// `s` without leading whitespace. ASCII is read byte by byte (most pieces start with a
/// space or a letter), the rest decoded.
pub fn trim_space_start(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i).filter(|&&b| b < 0x80) {
        if !is_ascii_space(b) {
            return &s[i..];
        }
        i += 1;
    }
    s[i..].trim_start_matches(is_space)
}

/// `s` without trailing whitespace, like [`trim_space_start`].
pub fn trim_space_end(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = bytes.len();
    while let Some(&b) = end.checked_sub(1).map(|i| &bytes[i]).filter(|&&b| b < 0x80) {
        if !is_ascii_space(b) {
            return &s[..end];
        }
        end -= 1;
    }
    s[..end].trim_end_matches(is_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_python_isspace() {
        // Python: [chr(c) for c in range(0x110000) if chr(c).isspace()]
        let python = "\t\n\u{b}\u{c}\r\u{1c}\u{1d}\u{1e}\u{1f} \u{85}\u{a0}\u{1680}\
            \u{2000}\u{2001}\u{2002}\u{2003}\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\
            \u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}";
        let ours: String = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_space(c))
            .collect();
        assert_eq!(ours, python);
        assert_eq!(trim_space("\u{1c} a b\u{2029}\u{1f}"), "a b");
        assert_eq!(trim_space("\u{feff}a\u{200b}"), "\u{feff}a\u{200b}");
        for b in 0..128u8 {
            assert_eq!(is_ascii_space(b), is_space(char::from(b)), "{b:#x}");
        }
        assert_eq!(trim_space(" \t\u{a0} x\u{3000} y \u{85}\n"), "x\u{3000} y");
        assert_eq!(trim_space_start(" \u{2028}"), "");
        assert_eq!(trim_space_end("é \u{1f}"), "é");
    }
}
