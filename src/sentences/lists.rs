//! Enumerations written inline or one per line ("1. ... 2. ...", "a) ... b) ...").
//!
//! A marker is a list item only when the next value of the same style follows later in
//! the text; then every such item starts a sentence and the marker's own period does not
//! end one. One pass, constant work per word.

use super::punctuation::is_bullet;
use crate::text::byte_positions::positions;

/// A list-item marker: where it starts and, for "1." style, the byte of its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListMarker {
    pub start: usize,
    pub period: Option<usize>,
}

/// Marker styles: number or letter, closed by ".", ")" or ".)".
const STYLES: usize = 6;

/// (style, value, period byte) of a marker token starting at `start`, if it is one.
fn parse_marker(text: &str, start: usize) -> Option<(usize, u32, Option<usize>)> {
    let bytes = text.as_bytes();
    let mut i = start;
    let (kind, value) = if bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
        i += 1;
        (1, u32::from(bytes[start] - b'a') + 1)
    } else {
        let mut value = 0u32;
        while i < bytes.len() && bytes[i].is_ascii_digit() && i - start < 2 {
            value = value * 10 + u32::from(bytes[i] - b'0');
            i += 1;
        }
        if i == start {
            return None;
        }
        (0, value)
    };
    let (closer, period) = match (bytes.get(i), bytes.get(i + 1)) {
        (Some(b'.'), Some(b')')) => (2, Some(i)),
        (Some(b'.'), _) => (0, Some(i)),
        (Some(b')'), _) => (1, None),
        _ => return None,
    };
    let after = i + if closer == 2 { 2 } else { 1 };
    // A marker is followed by a space and some text.
    match bytes.get(after) {
        Some(b' ' | b'\t' | b'\n') => Some((kind * 3 + closer, value, period)),
        _ => None,
    }
}

/// Where a marker whose token starts at `token` begins as an item: at the token, or at a
/// bullet before it ("• 9.", "⁃9."); `None` when the token does not start a word.
fn item_start(text: &str, token: usize) -> Option<usize> {
    let head = &text[..token];
    let Some(before) = head.chars().next_back() else {
        return Some(token);
    };
    if is_bullet(before) && before != '-' {
        return Some(token - before.len_utf8());
    }
    if !before.is_whitespace() {
        return None;
    }
    // A bullet a few spaces back still opens the item.
    let spaced = head.trim_end_matches([' ', '\t']);
    let gap = head.len() - spaced.len();
    match spaced.chars().next_back() {
        Some(c) if gap <= 4 && is_bullet(c) => Some(spaced.len() - c.len_utf8()),
        _ => Some(token),
    }
}

/// The markers of `text` that belong to a run of consecutive values, in text order.
/// Markers end in "." or ")", so the scan visits only those bytes.
pub fn list_markers(text: &str) -> Vec<ListMarker> {
    let mut found: Vec<(ListMarker, bool)> = Vec::new();
    // Index in `found` and value of the last marker seen per style.
    let mut last: [Option<(usize, u32)>; STYLES] = [None; STYLES];
    for closer in positions(text.as_bytes(), [b'.', b')']) {
        let Some((marker, style, value)) = marker_closed_at(text, closer) else {
            continue;
        };
        let in_run = matches!(last[style], Some((_, v)) if v + 1 == value);
        if in_run {
            if let Some((index, _)) = last[style] {
                found[index].1 = true;
            }
        }
        last[style] = Some((found.len(), value));
        found.push((marker, in_run));
    }
    found
        .into_iter()
        .filter(|&(_, keep)| keep)
        .map(|(m, _)| m)
        .collect()
}

/// The marker (with its style and value) whose "." or ")" is at `closer`, if any.
fn marker_closed_at(text: &str, closer: usize) -> Option<(ListMarker, usize, u32)> {
    let bytes = text.as_bytes();
    // The marker's token is one letter or one or two digits before the closer.
    let token = if closer >= 2
        && bytes[closer - 2].is_ascii_digit()
        && bytes[closer - 1].is_ascii_digit()
    {
        closer - 2
    } else if closer >= 1
        && (bytes[closer - 1].is_ascii_digit() || bytes[closer - 1].is_ascii_lowercase())
    {
        closer - 1
    } else {
        return None;
    };
    let start = item_start(text, token)?;
    let (style, value, period) = parse_marker(text, token)?;
    Some((ListMarker { start, period }, style, value))
}

/// Whether the line starting at `start` begins with a bullet or a list marker.
pub fn line_starts_item(text: &str, start: usize) -> bool {
    let line = text[start..].trim_start_matches([' ', '\t']);
    let offset = text.len() - line.len();
    match line.chars().next() {
        Some(c) if is_bullet(c) => line[c.len_utf8()..].starts_with([' ', '\t']),
        Some(c) if c.is_ascii_digit() => parse_marker(text, offset).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(text: &str) -> Vec<usize> {
        list_markers(text).iter().map(|m| m.start).collect()
    }

    #[test]
    fn consecutive_markers_are_items() {
        assert_eq!(starts("1. The first 2. The second"), [0, 13]);
        assert_eq!(starts("a) one b) two c) three"), [0, 7, 14]);
        assert_eq!(starts("• 9. The first • 10. The second"), [0, 17]);
    }

    #[test]
    fn lone_or_unordered_numbers_are_not() {
        assert!(starts("I paid 5. Then 7. Done").is_empty());
        assert!(starts("Version 2. It works").is_empty());
    }

    #[test]
    fn line_items() {
        assert!(line_starts_item("x\n- item", 2));
        assert!(line_starts_item("x\n12) item", 2));
        assert!(!line_starts_item("x\n-5 degrees", 2));
    }
}
