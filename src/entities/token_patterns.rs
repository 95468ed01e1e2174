//! Token patterns in the style of spaCy's Matcher: a JSON list with one object
//! of attribute tests per token, e.g. `[{"LOWER": "iphone"}, {"IS_DIGIT": true,
//! "OP": "?"}]`. Patterns run over the shared tokenizer's tokens.
//!
//! Matching starts at every token and keeps the longest match there (the earlier
//! pattern on a tie), then continues after it: leftmost-longest, no overlaps. A
//! match is at most [`MAX_MATCH_TOKENS`] tokens, so time is linear in the text.

use super::case_folding::fold_case;
use super::rule_errors::RuleError;
use super::user_patterns::MAX_COMPILED_BYTES;
use super::{Entity, Label};
use crate::text::tokens::{tokenize, Token, TokenKind};
use crate::text::Span;
use regex::{Regex, RegexBuilder};
use serde_json::{Map, Value};

/// Longest match, in tokens; also the most steps a pattern may have.
pub const MAX_MATCH_TOKENS: usize = 64;

const TOKEN_PATTERN_SCORE: f32 = 1.0;

/// How often a step's token may repeat: spaCy's "OP" values ("+" becomes a
/// `One` step followed by an `Any` step).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Repeat {
    One,
    Optional,
    Any,
    AtLeastOne,
}

/// One test on a token's text.
#[derive(Debug, Clone)]
enum TextTest {
    Equals(String),
    OneOf(Vec<String>),
    Matches(Regex),
}

/// One test on a token.
#[derive(Debug, Clone)]
enum Test {
    Text(TextTest),
    Lower(TextTest),
    Shape(String),
    Flag(Flag, bool),
    Length(usize),
}

#[derive(Debug, Clone, Copy)]
enum Flag {
    Digit,
    Alpha,
    Upper,
    Lower,
    Title,
    Punct,
    LikeNumber,
}

#[derive(Debug)]
struct Step {
    tests: Vec<Test>,
    repeat: Repeat,
}

/// A token with the forms tests read.
struct TokenView<'t> {
    raw: &'t str,
    lower: String,
    kind: TokenKind,
}

impl TextTest {
    fn parse(value: &Value, key: &str) -> Result<Self, String> {
        match value {
            Value::String(s) => Ok(TextTest::Equals(s.clone())),
            Value::Object(map) => {
                if let Some(Value::Array(items)) = map.get("IN") {
                    let words = items
                        .iter()
                        .map(|v| v.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()
                        .ok_or_else(|| format!("{key}.IN must list strings"))?;
                    return Ok(TextTest::OneOf(words));
                }
                if let Some(Value::String(pattern)) = map.get("REGEX") {
                    let regex = RegexBuilder::new(pattern)
                        .size_limit(MAX_COMPILED_BYTES)
                        .dfa_size_limit(MAX_COMPILED_BYTES)
                        .build()
                        .map_err(|e| format!("invalid regular expression {pattern:?}: {e}"))?;
                    return Ok(TextTest::Matches(regex));
                }
                Err(format!(
                    "{key} takes a string, {{\"IN\": [...]}} or {{\"REGEX\": \"...\"}}"
                ))
            }
            _ => Err(format!(
                "{key} takes a string, {{\"IN\": [...]}} or {{\"REGEX\": \"...\"}}"
            )),
        }
    }

    fn accepts(&self, text: &str) -> bool {
        match self {
            TextTest::Equals(s) => s == text,
            TextTest::OneOf(words) => words.iter().any(|w| w == text),
            TextTest::Matches(regex) => regex.is_match(text),
        }
    }

    /// Lower-case comparisons compare folded forms on both sides.
    fn folded(self) -> Self {
        match self {
            TextTest::Equals(s) => TextTest::Equals(fold_case(&s)),
            TextTest::OneOf(words) => TextTest::OneOf(words.iter().map(|w| fold_case(w)).collect()),
            other => other,
        }
    }
}

/// spaCy's word shape: X for capitals, x for lower case, d for digits, other
/// characters as they are, runs of the same class cut after four.
fn shape(text: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    let mut run = 0;
    for c in text.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if Some(class) == last { run + 1 } else { 1 };
        last = Some(class);
        if run <= 4 {
            out.push(class);
        }
    }
    out
}

fn like_number(view: &TokenView) -> bool {
    view.kind == TokenKind::Number || super::patterns::is_number_word(&view.lower)
}

impl Test {
    fn accepts(&self, view: &TokenView) -> bool {
        match self {
            Test::Text(t) => t.accepts(view.raw),
            Test::Lower(t) => t.accepts(&view.lower),
            Test::Shape(s) => shape(view.raw) == *s,
            Test::Length(n) => view.raw.chars().count() == *n,
            Test::Flag(flag, wanted) => {
                let raw = view.raw;
                let has = match flag {
                    Flag::Digit => raw.chars().all(|c| c.is_ascii_digit()),
                    Flag::Alpha => raw.chars().all(char::is_alphabetic),
                    Flag::Upper => {
                        raw.chars().any(char::is_uppercase) && !raw.chars().any(char::is_lowercase)
                    }
                    Flag::Lower => {
                        raw.chars().any(char::is_lowercase) && !raw.chars().any(char::is_uppercase)
                    }
                    Flag::Title => {
                        let mut chars = raw.chars();
                        chars.next().is_some_and(char::is_uppercase)
                            && !chars.any(char::is_uppercase)
                    }
                    Flag::Punct => view.kind == TokenKind::Punct,
                    Flag::LikeNumber => like_number(view),
                };
                has == *wanted
            }
        }
    }
}

fn parse_step(object: &Map<String, Value>) -> Result<Step, String> {
    let mut tests = Vec::new();
    let mut repeat = Repeat::One;
    for (key, value) in object {
        let flag = |f: Flag| {
            value
                .as_bool()
                .map(|b| Test::Flag(f, b))
                .ok_or_else(|| format!("{key} takes true or false"))
        };
        let test = match key.as_str() {
            "ORTH" | "TEXT" => Test::Text(TextTest::parse(value, key)?),
            "LOWER" => Test::Lower(TextTest::parse(value, key)?.folded()),
            "SHAPE" => Test::Shape(
                value
                    .as_str()
                    .ok_or_else(|| "SHAPE takes a string".to_string())?
                    .to_string(),
            ),
            "LENGTH" => Test::Length(
                value
                    .as_u64()
                    .ok_or_else(|| "LENGTH takes a whole number".to_string())?
                    as usize,
            ),
            "IS_DIGIT" => flag(Flag::Digit)?,
            "IS_ALPHA" => flag(Flag::Alpha)?,
            "IS_UPPER" => flag(Flag::Upper)?,
            "IS_LOWER" => flag(Flag::Lower)?,
            "IS_TITLE" => flag(Flag::Title)?,
            "IS_PUNCT" => flag(Flag::Punct)?,
            "LIKE_NUM" => flag(Flag::LikeNumber)?,
            "OP" => {
                repeat = match value.as_str() {
                    Some("1") => Repeat::One,
                    Some("?") => Repeat::Optional,
                    Some("*") => Repeat::Any,
                    Some("+") => Repeat::AtLeastOne,
                    _ => return Err("OP takes \"?\", \"*\", \"+\" or \"1\"".to_string()),
                };
                continue;
            }
            other => return Err(format!("unknown token attribute {other:?}")),
        };
        tests.push(test);
    }
    Ok(Step { tests, repeat })
}

/// Parses one pattern: a JSON list of token objects.
fn parse_pattern(source: &str) -> Result<Vec<Step>, String> {
    let value: Value = serde_json::from_str(source).map_err(|e| format!("not valid JSON: {e}"))?;
    let items = value
        .as_array()
        .ok_or_else(|| "a token pattern is a JSON list of objects".to_string())?;
    let mut steps = Vec::new();
    for (position, item) in items.iter().enumerate() {
        let object = item
            .as_object()
            .ok_or_else(|| format!("token {position} is not a JSON object"))?;
        let step = parse_step(object).map_err(|e| format!("token {position}: {e}"))?;
        if step.repeat == Repeat::AtLeastOne {
            steps.push(Step {
                tests: step.tests.clone(),
                repeat: Repeat::One,
            });
            steps.push(Step {
                tests: step.tests,
                repeat: Repeat::Any,
            });
        } else {
            steps.push(step);
        }
    }
    if steps.is_empty() || steps.iter().all(|s| s.repeat != Repeat::One) {
        return Err("a token pattern needs at least one token that must occur".to_string());
    }
    if steps.len() > MAX_MATCH_TOKENS {
        return Err(format!("more than {MAX_MATCH_TOKENS} tokens"));
    }
    Ok(steps)
}

/// Compiled token patterns. Immutable and shareable across threads.
pub struct TokenPatternMatcher {
    patterns: Vec<(Vec<Step>, Label)>,
}

impl TokenPatternMatcher {
    /// Compiles `(pattern, label)` pairs, each pattern a JSON list of token
    /// objects with spaCy's keys: ORTH/TEXT, LOWER (a string, `{"IN": [...]}` or
    /// `{"REGEX": "..."}`), SHAPE, LENGTH, IS_DIGIT, IS_ALPHA, IS_UPPER, IS_LOWER,
    /// IS_TITLE, IS_PUNCT, LIKE_NUM, and OP ("?", "*", "+", "1"). LOWER compares
    /// case-folded forms. Errors name the pattern (0-based) and the token.
    pub fn from_json<'p>(
        patterns: impl IntoIterator<Item = (&'p str, Label)>,
    ) -> Result<Self, RuleError> {
        let mut compiled = Vec::new();
        for (index, (source, label)) in patterns.into_iter().enumerate() {
            let steps = parse_pattern(source)
                .map_err(|message| RuleError::InvalidPattern { index, message })?;
            compiled.push((steps, label));
        }
        Ok(TokenPatternMatcher { patterns: compiled })
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Finds the patterns in `text`, leftmost-longest without overlaps. Returns
    /// entities sorted by start, byte offsets, score 1.0. O(tokens ·
    /// MAX_MATCH_TOKENS · pattern steps) at worst.
    pub fn find(&self, text: &str) -> Vec<Entity> {
        let tokens = tokenize(text);
        let views: Vec<TokenView> = tokens
            .iter()
            .map(|t| {
                let raw = t.span.of(text);
                TokenView {
                    raw,
                    lower: fold_case(raw),
                    kind: t.kind,
                }
            })
            .collect();
        let mut out = Vec::new();
        let mut start = 0;
        while start < views.len() {
            let best = self
                .patterns
                .iter()
                .enumerate()
                .filter_map(|(rank, (steps, _))| {
                    longest_match(steps, &views[start..]).map(|len| (len, rank))
                })
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            match best {
                Some((len, rank)) => {
                    out.push(entity(&tokens, start, start + len, &self.patterns[rank].1));
                    start += len;
                }
                None => start += 1,
            }
        }
        out
    }
}

fn entity(tokens: &[Token], first: usize, end: usize, label: &Label) -> Entity {
    Entity {
        span: Span::new(tokens[first].span.start, tokens[end - 1].span.end),
        label: label.clone(),
        score: TOKEN_PATTERN_SCORE,
    }
}

/// Adds step `k` and the steps reachable by skipping optional ones.
fn add_with_skips(steps: &[Step], states: &mut [bool], mut k: usize) {
    loop {
        states[k] = true;
        if k < steps.len() && steps[k].repeat != Repeat::One {
            k += 1;
        } else {
            return;
        }
    }
}

/// The length in tokens of the longest match of `steps` anchored at `views[0]`.
fn longest_match(steps: &[Step], views: &[TokenView]) -> Option<usize> {
    let mut states = vec![false; steps.len() + 1];
    let mut next = vec![false; steps.len() + 1];
    add_with_skips(steps, &mut states, 0);
    let mut longest = None;
    for (t, view) in views.iter().take(MAX_MATCH_TOKENS).enumerate() {
        next.iter_mut().for_each(|s| *s = false);
        for k in 0..steps.len() {
            if states[k] && steps[k].tests.iter().all(|test| test.accepts(view)) {
                let to = if steps[k].repeat == Repeat::Any {
                    k
                } else {
                    k + 1
                };
                add_with_skips(steps, &mut next, to);
            }
        }
        std::mem::swap(&mut states, &mut next);
        if states[steps.len()] {
            longest = Some(t + 1);
        }
        if !states.iter().any(|&s| s) {
            break;
        }
    }
    longest
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn found(matcher: &TokenPatternMatcher, text: &str) -> Vec<String> {
        matcher
            .find(text)
            .iter()
            .map(|e| format!("{}/{}", e.span.of(text), e.label))
            .collect()
    }

    #[test]
    fn spacy_style_patterns() {
        let product = Label::Custom(Arc::from("PRODUCT"));
        let matcher = TokenPatternMatcher::from_json([
            (r#"[{"LOWER": "iphone"}, {"IS_DIGIT": true, "OP": "?"}, {"LOWER": {"IN": ["pro", "max"]}, "OP": "*"}]"#, product.clone()),
            (r#"[{"IS_TITLE": true, "OP": "+"}, {"LOWER": "inc"}]"#, Label::Org),
            (r#"[{"SHAPE": "dd"}, {"ORTH": ":"}, {"TEXT": {"REGEX": "^[0-5]\\d$"}}]"#, Label::Time),
        ])
        .unwrap();
        assert_eq!(
            found(
                &matcher,
                "My iPhone 15 Pro Max and an IPHONE; Acme Widget Inc sells at 10 : 45 daily"
            ),
            [
                "iPhone 15 Pro Max/PRODUCT",
                "IPHONE/PRODUCT",
                "Acme Widget Inc/ORG",
                "10 : 45/TIME"
            ]
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Apple"), "Xxxxx");
        assert_eq!(shape("Mississippi"), "Xxxxx");
        assert_eq!(shape("2,500"), "d,ddd");
        assert_eq!(shape("Zoë"), "Xxx");
    }

    #[test]
    fn bad_patterns_are_errors() {
        let message = |source: &str| match TokenPatternMatcher::from_json([(source, Label::Misc)]) {
            Err(RuleError::InvalidPattern { index: 0, message }) => message,
            other => panic!(
                "expected an error for {source}, got {:?}",
                other.map(|m| m.len())
            ),
        };
        assert!(message("[{").starts_with("not valid JSON"));
        assert_eq!(message("{}"), "a token pattern is a JSON list of objects");
        assert_eq!(message("[1]"), "token 0 is not a JSON object");
        assert_eq!(
            message(r#"[{"COLOUR": "red"}]"#),
            "token 0: unknown token attribute \"COLOUR\""
        );
        assert_eq!(
            message(r#"[{"IS_DIGIT": "yes"}]"#),
            "token 0: IS_DIGIT takes true or false"
        );
        assert_eq!(
            message(r#"[{"LOWER": "a", "OP": "?"}]"#),
            "a token pattern needs at least one token that must occur"
        );
        assert!(message(r#"[{"TEXT": {"REGEX": "("}}]"#).contains("invalid regular expression"));
        assert_eq!(
            message("[]"),
            "a token pattern needs at least one token that must occur"
        );
    }

    #[test]
    fn long_runs_are_capped() {
        let matcher =
            TokenPatternMatcher::from_json([(r#"[{"IS_ALPHA": true, "OP": "+"}]"#, Label::Misc)])
                .unwrap();
        let text = "word ".repeat(100);
        let found = matcher.find(&text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].span, Span::new(0, 5 * MAX_MATCH_TOKENS - 1));
    }
}
