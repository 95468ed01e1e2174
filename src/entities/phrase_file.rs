//! Phrase-list files: one phrase per line, optionally followed by a tab and
//! its label. Blank lines are skipped; anything else that cannot be used is an
//! error naming the line, never a panic.

use super::phrases::{PhraseMatcherBuilder, MAX_PHRASE_BYTES};
use super::rule_errors::RuleError;
use super::Label;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Reads a phrase list from `reader` into `builder`. Lines are UTF-8 (a byte
/// order mark at the start is skipped), end in `\n` or `\r\n`, and read
/// `phrase` or `phrase<TAB>LABEL`; lines without a label take `default_label`.
/// Returns the number of phrases added. Errors (with the 1-based line) on bad
/// UTF-8, a missing label with no default, an empty phrase or label, more than
/// one tab, or a line longer than the phrase limit. O(size of the input).
pub fn read_phrase_list(
    reader: impl BufRead,
    default_label: Option<&Label>,
    builder: &mut PhraseMatcherBuilder,
) -> Result<usize, RuleError> {
    // A line may hold a phrase, a tab and a label name.
    let max_line = 2 * MAX_PHRASE_BYTES + 2;
    let mut reader = reader.take(u64::MAX);
    let mut buffer = Vec::new();
    let mut added = 0;
    for line_number in 1.. {
        buffer.clear();
        // Read at most one byte past the limit, so a hostile line cannot fill memory.
        reader.set_limit(max_line as u64 + 1);
        let read = reader
            .read_until(b'\n', &mut buffer)
            .map_err(|e| RuleError::Io(format!("reading the phrase list failed: {e}")))?;
        if read == 0 {
            break;
        }
        let bad = |message: String| RuleError::InvalidPhraseLine {
            line: line_number,
            message,
        };
        if buffer.len() > max_line {
            return Err(bad(format!("longer than {max_line} bytes")));
        }
        let mut line = buffer.as_slice();
        if line_number == 1 {
            line = line.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(line);
        }
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let line = std::str::from_utf8(line).map_err(|e| {
            bad(format!(
                "not valid UTF-8 (bad byte at column {})",
                e.valid_up_to() + 1
            ))
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let phrase = fields.next().unwrap_or_default();
        let label = match (fields.next(), fields.next()) {
            (None, _) => default_label
                .cloned()
                .ok_or_else(|| bad("no label after a tab and no default label".to_string()))?,
            (Some(name), None) => Label::from_name(name.trim())
                .ok_or_else(|| bad("empty label after the tab".to_string()))?,
            (Some(_), Some(_)) => return Err(bad("more than one tab".to_string())),
        };
        builder.add(phrase, &label).map_err(|e| match e {
            RuleError::InvalidPhrase { message, .. } => bad(message),
            other => other,
        })?;
        added += 1;
    }
    Ok(added)
}

/// Reads the phrase-list file at `path` (see [`read_phrase_list`]).
pub fn load_phrase_file(
    path: &Path,
    default_label: Option<&Label>,
    builder: &mut PhraseMatcherBuilder,
) -> Result<usize, RuleError> {
    let file = File::open(path)
        .map_err(|e| RuleError::Io(format!("cannot open {}: {e}", path.display())))?;
    read_phrase_list(BufReader::new(file), default_label, builder)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], default: Option<&Label>) -> Result<Vec<(String, String)>, RuleError> {
        let mut builder = PhraseMatcherBuilder::new(false);
        read_phrase_list(bytes, default, &mut builder)?;
        let matcher = builder.build()?;
        let text = "Angela Merkel met WHO staff in Zürich";
        Ok(matcher
            .find(text)
            .into_iter()
            .map(|e| (e.span.of(text).to_string(), e.label.to_string()))
            .collect())
    }

    #[test]
    fn labels_defaults_bom_and_crlf() {
        let file = "\u{FEFF}Angela Merkel\tPER\r\n\nwho\tORG\nzürich\n".as_bytes();
        let got = read(file, Some(&Label::Loc)).unwrap();
        assert_eq!(
            got,
            [
                ("Angela Merkel".to_string(), "PER".to_string()),
                ("WHO".to_string(), "ORG".to_string()),
                ("Zürich".to_string(), "LOC".to_string())
            ]
        );
    }

    #[test]
    fn bad_lines_are_errors() {
        let line_error = |bytes: &[u8]| match read(bytes, None) {
            Err(RuleError::InvalidPhraseLine { line, message }) => (line, message),
            other => panic!("expected a line error, got {other:?}"),
        };
        assert_eq!(line_error(b"ok\tPER\nno label\n").0, 2);
        assert_eq!(
            line_error(b"ok\tPER\n\xff\xfe\tPER\n"),
            (2, "not valid UTF-8 (bad byte at column 1)".to_string())
        );
        assert_eq!(line_error(b"a\tPER\tORG\n").1, "more than one tab");
        assert_eq!(line_error(b"a\t \n").1, "empty label after the tab");
        assert_eq!(line_error(b" \tPER\n").1, "empty or only whitespace");
        let long = vec![b'x'; 3 * MAX_PHRASE_BYTES];
        assert_eq!(line_error(&long).0, 1);
    }

    #[test]
    fn missing_file_is_io_error() {
        let mut builder = PhraseMatcherBuilder::new(false);
        let err = load_phrase_file(Path::new("/nonexistent/phrases.txt"), None, &mut builder);
        assert!(matches!(err, Err(RuleError::Io(_))));
    }
}
