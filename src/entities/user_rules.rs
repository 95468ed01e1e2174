//! The user's rules as one layer: phrase lists, regular expressions and token
//! patterns, each compiled once. Where their matches overlap, the longest wins
//! (then phrases before token patterns before regexes).

use std::path::Path;

use super::overlaps::keep_longest;
use super::phrase_file::load_phrase_file;
use super::phrases::{PhraseMatcher, PhraseMatcherBuilder};
use super::rule_errors::RuleError;
use super::token_patterns::TokenPatternMatcher;
use super::user_patterns::PatternMatcher;
use super::{Entity, Label};

/// Compiled user rules; empty when the user gave none.
#[derive(Default)]
pub struct UserRules {
    phrases: Option<PhraseMatcher>,
    token_patterns: Option<TokenPatternMatcher>,
    regexes: Option<PatternMatcher>,
    labels: Vec<Label>,
}

/// What the user wrote, in the form the rules are compiled from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSources {
    /// (phrase, label) pairs.
    pub phrases: Vec<(String, Label)>,
    /// Phrase-list files (`phrase` or `phrase<TAB>LABEL` lines) with their default label.
    pub phrase_files: Vec<(std::path::PathBuf, Label)>,
    /// (JSON token pattern, label) pairs, spaCy Matcher style.
    pub token_patterns: Vec<(String, Label)>,
    /// (regular expression, label) pairs.
    pub regexes: Vec<(String, Label)>,
    pub case_sensitive: bool,
}

impl RuleSources {
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
            && self.phrase_files.is_empty()
            && self.token_patterns.is_empty()
            && self.regexes.is_empty()
    }
}

impl UserRules {
    pub fn compile(sources: &RuleSources) -> Result<UserRules, RuleError> {
        let mut labels: Vec<Label> = Vec::new();
        let mut note = |l: &Label| {
            if !labels.contains(l) {
                labels.push(l.clone());
            }
        };
        let phrases = if sources.phrases.is_empty() && sources.phrase_files.is_empty() {
            None
        } else {
            let mut builder = PhraseMatcherBuilder::new(sources.case_sensitive);
            for (phrase, label) in &sources.phrases {
                builder.add(phrase, label)?;
                note(label);
            }
            for (path, label) in &sources.phrase_files {
                load_phrase_file(Path::new(path), Some(label), &mut builder)?;
                note(label);
            }
            Some(builder.build()?)
        };
        let token_patterns = if sources.token_patterns.is_empty() {
            None
        } else {
            sources.token_patterns.iter().for_each(|(_, l)| note(l));
            let pairs = sources
                .token_patterns
                .iter()
                .map(|(p, l)| (p.as_str(), l.clone()));
            Some(TokenPatternMatcher::from_json(pairs)?)
        };
        let regexes = if sources.regexes.is_empty() {
            None
        } else {
            sources.regexes.iter().for_each(|(_, l)| note(l));
            let pairs = sources.regexes.iter().map(|(p, l)| (p.as_str(), l.clone()));
            Some(PatternMatcher::new(pairs)?)
        };
        Ok(UserRules {
            phrases,
            token_patterns,
            regexes,
            labels,
        })
    }

    /// The labels the rules can produce (phrase files may add more, found as they match).
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_none() && self.token_patterns.is_none() && self.regexes.is_none()
    }

    /// Non-overlapping matches of every rule, sorted by start.
    pub fn find(&self, text: &str) -> Vec<Entity> {
        if self.is_empty() {
            return Vec::new();
        }
        let mut candidates: Vec<(u32, Entity)> = Vec::new();
        let layers = [
            self.phrases.as_ref().map(|m| m.find(text)),
            self.token_patterns.as_ref().map(|m| m.find(text)),
            self.regexes.as_ref().map(|m| m.find(text)),
        ];
        for (rank, found) in layers.into_iter().enumerate() {
            candidates.extend(found.into_iter().flatten().map(|e| (rank as u32, e)));
        }
        keep_longest(candidates, |(_, e)| e.span, |(rank, _)| *rank)
            .into_iter()
            .map(|(_, e)| e)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(name: &str) -> Label {
        Label::from_name(name).expect("label")
    }

    #[test]
    fn longest_rule_match_wins() {
        let sources = RuleSources {
            phrases: vec![("acetylsalicylic acid".into(), label("DRUG"))],
            regexes: vec![(r"\bacid\b".into(), label("CHEM"))],
            ..RuleSources::default()
        };
        let rules = UserRules::compile(&sources).expect("compiles");
        let text = "Take Acetylsalicylic Acid daily; acid burns.";
        let got: Vec<(&str, String)> = rules
            .find(text)
            .iter()
            .map(|e| (e.span.of(text), e.label.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("Acetylsalicylic Acid", "DRUG".into()),
                ("acid", "CHEM".into())
            ]
        );
        assert!(UserRules::compile(&RuleSources::default())
            .expect("empty")
            .find(text)
            .is_empty());
    }

    #[test]
    fn bad_rules_are_errors() {
        let bad = RuleSources {
            regexes: vec![("(".into(), label("X"))],
            ..RuleSources::default()
        };
        assert!(UserRules::compile(&bad).is_err());
    }
}
