//! Hashed features of each token of a document, shared by training and tagging.
//!
//! Per token: the word, its lower-cased form, shape, affixes, neighbours, whether it
//! starts a sentence or sits in an all-caps headline, built-in list membership, and
//! document-level evidence (is the same word written in lower case, or capitalised
//! mid-sentence, elsewhere in the document?). Each feature is a 64-bit hash of a
//! template id and its value; the model maps it to a weight bucket.

use super::gazetteers::{lower_hash, Gazetteers};
use super::hashing::{self, combine};
use crate::text::tokens::{Token, TokenKind};

/// Feature templates. Their numbers are part of the model format.
mod template {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const PREFIX: u64 = 5; // + length (1..=4)
    pub const SUFFIX: u64 = 10; // + length (1..=4)
    pub const LOWER_PREV: u64 = 15;
    pub const LOWER_NEXT: u64 = 16;
    pub const LOWER_PREV2: u64 = 17;
    pub const LOWER_NEXT2: u64 = 18;
    pub const SHORT_PREV: u64 = 19;
    pub const SHORT_NEXT: u64 = 20;
    pub const SHAPES_LEFT: u64 = 21;
    pub const SHAPES_RIGHT: u64 = 22;
    pub const BIGRAM_LEFT: u64 = 23;
    pub const BIGRAM_RIGHT: u64 = 24;
    pub const INITIAL_SHAPE: u64 = 25;
    pub const HEADLINE_LOWER: u64 = 26;
    pub const HEADLINE_SHAPE: u64 = 27;
    pub const LIST: u64 = 28;
    pub const LIST_PREV: u64 = 29;
    pub const LIST_NEXT: u64 = 30;
    pub const DOCUMENT: u64 = 31;
    pub const LENGTH_SHAPE: u64 = 32;
    pub const SHORT_WINDOW: u64 = 33;
    pub const HISTORY: u64 = 34;
}

/// What the rest of the document says about a word (by its lower-cased form).
const SEEN_LOWER: u8 = 1;
const SEEN_CAPITALISED_MID_SENTENCE: u8 = 2;
const SEEN_IN_NAME_RUN: u8 = 4;

/// Tokens whose letters are all upper case, in a window this wide on each side with at
/// least `HEADLINE_MIN` lettered tokens, mark an all-caps headline.
const HEADLINE_RADIUS: usize = 3;
const HEADLINE_MIN: usize = 3;

/// Per-token facts computed once per document.
struct TokenFacts {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    prefixes: [u64; 4],
    suffixes: [u64; 4],
    chars: usize,
    has_letter: bool,
    has_lower: bool,
    title: bool,
}

/// Shape: upper -> X, lower -> x, digit -> d, other kept; runs cut at 3 (or 1 for `short`).
fn shape(word: &str, max_run: usize) -> u64 {
    let mut out = [0u8; 32];
    let mut n = 0;
    let mut last = 0u8;
    let mut run = 0;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else if c.is_alphabetic() {
            b'a'
        } else {
            b'?'
        };
        run = if class == last { run + 1 } else { 1 };
        last = class;
        if run <= max_run && n < out.len() {
            out[n] = class;
            n += 1;
        }
    }
    hashing::bytes(&out[..n])
}

fn facts(text: &str, token: &Token, lower: &mut String) -> TokenFacts {
    let word = token.span.of(text);
    lower.clear();
    lower.extend(word.chars().flat_map(char::to_lowercase));
    let n = lower.chars().count();
    // Byte ends of the first 1..=4 characters and starts of the last 1..=4.
    let mut prefix_ends = [lower.len(); 4];
    for (k, (b, _)) in lower.char_indices().skip(1).take(4).enumerate() {
        prefix_ends[k] = b;
    }
    let mut suffix_starts = [0usize; 4];
    for (k, (b, _)) in lower.char_indices().rev().take(4).enumerate() {
        suffix_starts[k] = b;
    }
    let mut prefixes = [0u64; 4];
    let mut suffixes = [0u64; 4];
    for k in 0..4 {
        prefixes[k] = hashing::bytes(&lower.as_bytes()[..prefix_ends[k]]);
        suffixes[k] = hashing::bytes(&lower.as_bytes()[suffix_starts[k]..]);
    }
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    TokenFacts {
        word: hashing::bytes(word.as_bytes()),
        lower: lower_hash(lower),
        shape: shape(word, 3),
        short: shape(word, 1),
        prefixes,
        suffixes,
        chars: n,
        has_letter: word.chars().any(char::is_alphabetic),
        has_lower: word.chars().any(char::is_lowercase),
        title: first_upper,
    }
}

/// For each token, whether it starts a sentence: the first token, one after a line
/// break, after . ! ? : ; or "...", or after quotes and brackets opening a sentence.
/// One pass: a token after an opening quote or bracket starts a sentence exactly when
/// that quote or bracket does, so deep nesting ("((((x") stays linear.
fn sentence_initials(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut initial = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        let starts = match i.checked_sub(1) {
            None => true,
            Some(p) => {
                let prev = &tokens[p];
                let mark = prev.span.of(text);
                if text[prev.span.end..token.span.start].contains('\n') {
                    true
                } else if prev.kind != TokenKind::Punct {
                    false
                } else if matches!(mark, "\"" | "'" | "(" | "[" | "`" | "``" | "-") {
                    initial[p]
                } else {
                    matches!(mark, "." | "!" | "?" | ":" | "..." | ";")
                }
            }
        };
        initial.push(starts);
    }
    initial
}

/// What the second (document history) pass needs to know about each token.
#[derive(Debug, Clone, Copy)]
pub struct TokenContext {
    lower: u64,
    capitalised: bool,
    /// 0: mid-sentence prose, 1: sentence start, 2: headline, 3: both.
    position: u64,
}

/// Calls `emit(i, features)` for every token of the document, in order, and returns
/// each token's context for `history`.
pub fn for_each_token(
    text: &str,
    tokens: &[Token],
    lists: &Gazetteers,
    mut emit: impl FnMut(usize, &[u64]),
) -> Vec<TokenContext> {
    let mut lower = String::new();
    let facts: Vec<TokenFacts> = tokens.iter().map(|t| facts(text, t, &mut lower)).collect();
    let n = tokens.len();
    let initial = sentence_initials(text, tokens);

    // Headline: prefix sums of lettered tokens and of those with a lower-case letter.
    let mut lettered = vec![0usize; n + 1];
    let mut with_lower = vec![0usize; n + 1];
    for (i, f) in facts.iter().enumerate() {
        lettered[i + 1] = lettered[i] + usize::from(f.has_letter);
        with_lower[i + 1] = with_lower[i] + usize::from(f.has_lower);
    }
    let headline: Vec<bool> = (0..n)
        .map(|i| {
            let (a, b) = (
                i.saturating_sub(HEADLINE_RADIUS),
                (i + HEADLINE_RADIUS + 1).min(n),
            );
            facts[i].has_letter
                && lettered[b] - lettered[a] >= HEADLINE_MIN
                && with_lower[b] == with_lower[a]
        })
        .collect();

    let mut document: hashing::HashMap<u8> = hashing::HashMap::default();
    document.reserve(n / 2);
    for i in 0..n {
        let f = &facts[i];
        if !f.has_letter || headline[i] {
            continue;
        }
        let mut flags = 0;
        if !f.title {
            flags |= SEEN_LOWER;
        } else if !initial[i] {
            flags |= SEEN_CAPITALISED_MID_SENTENCE;
            let neighbour_title = |j: usize| facts[j].title && facts[j].has_letter;
            if (i > 0 && neighbour_title(i - 1)) || (i + 1 < n && neighbour_title(i + 1)) {
                flags |= SEEN_IN_NAME_RUN;
            }
        }
        *document.entry(f.lower).or_default() |= flags;
    }

    let lower_hashes: Vec<u64> = facts.iter().map(|f| f.lower).collect();
    let marks = lists.mark(&lower_hashes);
    let boundary = hashing::bytes(b"<boundary>");
    let at = |i: isize, get: &dyn Fn(&TokenFacts) -> u64| -> u64 {
        if i < 0 || i as usize >= n {
            boundary
        } else {
            get(&facts[i as usize])
        }
    };

    let mut out: Vec<u64> = Vec::with_capacity(64);
    for i in 0..n {
        out.clear();
        let f = &facts[i];
        let ii = i as isize;
        let t = |id: u64, v: u64| combine(combine(0, id), v);
        out.push(t(template::BIAS, 0));
        out.push(t(template::WORD, f.word));
        out.push(t(template::LOWER, f.lower));
        out.push(t(template::SHAPE, f.shape));
        for k in 0..4 {
            if k < f.chars {
                out.push(t(template::PREFIX + k as u64, f.prefixes[k]));
                out.push(t(template::SUFFIX + k as u64, f.suffixes[k]));
            }
        }
        let lower_of = |t: &TokenFacts| t.lower;
        let short_of = |t: &TokenFacts| t.short;
        let (lp, ln) = (at(ii - 1, &lower_of), at(ii + 1, &lower_of));
        let (sp, sn) = (at(ii - 1, &short_of), at(ii + 1, &short_of));
        out.push(t(template::LOWER_PREV, lp));
        out.push(t(template::LOWER_NEXT, ln));
        out.push(t(template::LOWER_PREV2, at(ii - 2, &lower_of)));
        out.push(t(template::LOWER_NEXT2, at(ii + 2, &lower_of)));
        out.push(t(template::SHORT_PREV, sp));
        out.push(t(template::SHORT_NEXT, sn));
        out.push(t(template::SHAPES_LEFT, combine(sp, f.shape)));
        out.push(t(template::SHAPES_RIGHT, combine(f.shape, sn)));
        out.push(t(template::SHORT_WINDOW, combine(combine(sp, f.short), sn)));
        out.push(t(template::BIGRAM_LEFT, combine(lp, f.lower)));
        out.push(t(template::BIGRAM_RIGHT, combine(f.lower, ln)));
        out.push(t(
            template::LENGTH_SHAPE,
            combine(f.short, f.chars.min(8) as u64),
        ));
        if initial[i] {
            out.push(t(template::INITIAL_SHAPE, f.short));
        }
        if headline[i] {
            out.push(t(template::HEADLINE_LOWER, f.lower));
            out.push(t(template::HEADLINE_SHAPE, combine(sp, sn)));
        }
        push_bits(&mut out, t(template::LIST, 0), marks[i]);
        if i > 0 {
            push_bits(&mut out, t(template::LIST_PREV, 0), marks[i - 1] & LIST_ANY);
        }
        if i + 1 < n {
            push_bits(&mut out, t(template::LIST_NEXT, 0), marks[i + 1] & LIST_ANY);
        }
        if f.has_letter {
            let flags = document.get(&f.lower).copied().unwrap_or(0);
            let context = u64::from(initial[i]) | u64::from(headline[i]) << 1;
            out.push(t(
                template::DOCUMENT,
                combine(combine(u64::from(flags), context), f.short),
            ));
        }
        emit(i, &out);
    }
    (0..n)
        .map(|i| TokenContext {
            lower: facts[i].lower,
            capitalised: facts[i].title && facts[i].has_letter,
            position: u64::from(initial[i]) | u64::from(headline[i]) << 1,
        })
        .collect()
}

/// How the first pass labelled the other occurrences of each token's word: for each
/// label seen, whether it was the only, the majority or a minority reading, with and
/// without the token's own position (sentence start and headlines are where case
/// says least). `label_of(i)` is the first pass's label index of token `i`, if any.
pub fn history(
    contexts: &[TokenContext],
    label_of: impl Fn(usize) -> Option<usize>,
    mut emit: impl FnMut(usize, &[u64]),
) {
    // Per word: counts of each label (index + 1) and of capitalised "outside" readings (0).
    let mut counts: hashing::HashMap<Vec<u32>> = hashing::HashMap::default();
    for (i, c) in contexts.iter().enumerate() {
        let slot = match label_of(i) {
            Some(l) => l + 1,
            None if c.capitalised && c.position == 0 => 0,
            None => continue,
        };
        let v = counts.entry(c.lower).or_default();
        if v.len() <= slot {
            v.resize(slot + 1, 0);
        }
        v[slot] += 1;
    }
    let mut out: Vec<u64> = Vec::with_capacity(8);
    for (i, c) in contexts.iter().enumerate() {
        out.clear();
        let t = |v: u64| combine(combine(0, template::HISTORY), v);
        match counts.get(&c.lower) {
            Some(v) => {
                let total: u32 = v.iter().sum();
                for (slot, &n) in v.iter().enumerate().filter(|(_, &n)| n > 0) {
                    let share = if n == total {
                        0
                    } else if 2 * n > total {
                        1
                    } else {
                        2
                    };
                    let key = combine(slot as u64, share);
                    out.push(t(key));
                    out.push(t(combine(
                        combine(key, c.position),
                        u64::from(c.capitalised),
                    )));
                }
            }
            None => out.push(t(u64::MAX)),
        }
        emit(i, &out);
    }
}

/// Only the "single-token match" and "phrase start" bits are used for neighbours.
const LIST_ANY: u32 = 0x9999_9999;

fn push_bits(out: &mut Vec<u64>, base: u64, mut bits: u32) {
    while bits != 0 {
        let b = bits.trailing_zeros();
        out.push(combine(base, u64::from(b)));
        bits &= bits - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn features(text: &str) -> Vec<Vec<u64>> {
        let tokens = tokenize(text);
        let mut out = Vec::new();
        for_each_token(text, &tokens, Gazetteers::builtin(), |_, f| {
            out.push(f.to_vec())
        });
        out
    }

    #[test]
    fn one_feature_list_per_token_and_deterministic() {
        let text = "PARIS STRIKES AGAIN . Mr. Zoë Šimić met Nguyễn in Paris .";
        let a = features(text);
        assert_eq!(a.len(), tokenize(text).len());
        assert_eq!(a, features(text));
        assert!(a.iter().all(|f| f.len() >= 10));
    }

    #[test]
    fn headline_and_document_context_change_features() {
        let headline = features("PARIS STRIKES AGAIN");
        let prose = features("Paris strikes again");
        assert_ne!(headline[0], prose[0]);
        // The same sentence-initial word differs when the document also writes it in lower case.
        let alone = features("Strikes began .");
        let with_lower = features("Strikes began . The strikes ended .");
        assert_ne!(alone[0], with_lower[0]);
        assert!(features("").is_empty());
    }

    #[test]
    fn sentence_starts_through_quotes_and_brackets() {
        let text = "He said . ( [ \"Yes\" ] ) and ( Maybe\n( ( Then";
        let tokens = tokenize(text);
        let starts: Vec<&str> = sentence_initials(text, &tokens)
            .iter()
            .zip(&tokens)
            .filter(|(&s, _)| s)
            .map(|(_, t)| t.span.of(text))
            .collect();
        assert_eq!(starts, ["He", "(", "[", "\"", "Yes", "(", "(", "Then"]);
        // Deep nesting is one pass (it was quadratic): 10^5 brackets finish at once.
        let deep = format!("{}x", "( ".repeat(100_000));
        let deep_tokens = tokenize(&deep);
        assert!(sentence_initials(&deep, &deep_tokens).iter().all(|&s| s));
    }
}
