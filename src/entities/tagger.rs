//! `EntityTagger`: the whole entity pipeline over raw text. The statistical model
//! tags names, the rule-based recognisers numbers, dates and contacts, and the
//! user's rules anything they list. Where spans overlap, user rules win; between
//! the model and the built-in recognisers the longer span wins (the model on a
//! tie), which measured better than either fixed order. Acronyms defined in
//! brackets then tag their later mentions, and mentions of the same thing are
//! grouped. The bundled English model is compiled in and parsed once, on first use.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::aliases::{complete_acronyms, group_aliases, Alias};
use super::format::{self, FormatError};
use super::gazetteers::Gazetteers;
use super::model::Model;
use super::overlaps::{keep_longest, overlay};
use super::patterns::{find_patterns, PATTERN_LABELS};
use super::rule_errors::RuleError;
use super::train::{self, EpochStats, Example, TrainError, TrainOptions, TrainReport};
use super::user_rules::{RuleSources, UserRules};
use super::{Entity, Label};
use crate::text::tokens::{tokenize, Token};

/// The shipped English model (CoNLL-2003 + UNER EWT; see data/models/README.md).
static BUNDLED_BYTES: &[u8] = include_bytes!("../../data/models/en_entities.rtner");

/// Model files larger than this are refused before reading.
const MAX_FILE_BYTES: u64 = 1 << 30;

/// Entities of one text with, for each, its alias group (names and user labels only).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tagged {
    pub entities: Vec<Entity>,
    pub aliases: Vec<Option<Alias>>,
}

/// Finds entities with a trained model, the built-in recognisers and user rules.
#[derive(Clone)]
pub struct EntityTagger {
    model: Arc<Model>,
    rules: Arc<UserRules>,
    sources: Arc<RuleSources>,
    /// Labels to return; None returns every label the tagger can produce.
    labels: Option<Vec<Label>>,
}

impl EntityTagger {
    /// The bundled English model.
    pub fn bundled() -> Result<EntityTagger, FormatError> {
        static BUNDLED: OnceLock<Result<Arc<Model>, FormatError>> = OnceLock::new();
        let model = BUNDLED
            .get_or_init(|| format::from_bytes(BUNDLED_BYTES).map(Arc::new))
            .clone()?;
        Gazetteers::builtin();
        Ok(EntityTagger::from_model(model))
    }

    pub fn from_model(model: Arc<Model>) -> EntityTagger {
        EntityTagger {
            model,
            rules: Arc::default(),
            sources: Arc::default(),
            labels: None,
        }
    }

    /// Trains a new tagger on `examples`.
    pub fn train(
        examples: &[Example],
        options: &TrainOptions,
        on_epoch: impl FnMut(&EpochStats) -> bool,
    ) -> Result<(EntityTagger, TrainReport), TrainError> {
        let (model, report) = train::train(examples, options, on_epoch)?;
        Ok((EntityTagger::from_model(Arc::new(model)), report))
    }

    /// Reads a model file written by `save`.
    pub fn load(path: &Path) -> Result<EntityTagger, LoadError> {
        let size = std::fs::metadata(path).map_err(LoadError::Io)?.len();
        if size > MAX_FILE_BYTES {
            return Err(LoadError::Format(FormatError(format!(
                "file is {size} bytes, more than any model"
            ))));
        }
        let bytes = std::fs::read(path).map_err(LoadError::Io)?;
        let model = format::from_bytes(&bytes).map_err(LoadError::Format)?;
        Ok(EntityTagger::from_model(Arc::new(model)))
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        std::fs::write(path, format::to_bytes(&self.model))
    }

    /// The same model returning only `labels` (None: all).
    pub fn with_labels(&self, labels: Option<Vec<Label>>) -> EntityTagger {
        EntityTagger {
            labels,
            ..self.clone()
        }
    }

    /// The same model with these user rules (replacing any before).
    pub fn with_rules(&self, sources: RuleSources) -> Result<EntityTagger, RuleError> {
        Ok(EntityTagger {
            rules: Arc::new(UserRules::compile(&sources)?),
            sources: Arc::new(sources),
            ..self.clone()
        })
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn rule_sources(&self) -> &RuleSources {
        &self.sources
    }

    /// The labels returned: the filter, or every label of the model, the built-in
    /// recognisers and the user's rules.
    pub fn labels(&self) -> Vec<Label> {
        if let Some(labels) = &self.labels {
            return labels.clone();
        }
        let mut all = self.model.labels.clone();
        for l in PATTERN_LABELS.iter().chain(self.rules.labels()) {
            if !all.contains(l) {
                all.push(l.clone());
            }
        }
        all
    }

    /// Whether the label filter is set (as opposed to "everything").
    pub fn label_filter(&self) -> Option<&[Label]> {
        self.labels.as_deref()
    }

    fn wants(&self, label: &Label) -> bool {
        self.labels.as_ref().is_none_or(|keep| keep.contains(label))
    }

    /// The entities of `text`, in text order, not overlapping, as byte spans.
    pub fn tag(&self, text: &str) -> Vec<Entity> {
        self.entities(text, None)
    }

    /// `tokens` is `tokenize(text)` when the caller has it already; otherwise the
    /// text is tokenized here, and only if the model is asked for any label.
    fn entities(&self, text: &str, tokens: Option<&[Token]>) -> Vec<Entity> {
        let names = if self.model.labels.iter().any(|l| self.wants(l)) {
            let tokenized;
            let tokens = match tokens {
                Some(tokens) => tokens,
                None => {
                    tokenized = tokenize(text);
                    &tokenized
                }
            };
            // Long texts are tagged window by window: the model keeps a few hundred
            // bytes per token of a sequence, so memory stays bounded by the window.
            windows(text, tokens)
                .flat_map(|w| self.model.tag(text, &tokens[w], Gazetteers::builtin()))
                .collect()
        } else {
            Vec::new()
        };
        let pattern_labels: Vec<Label> = PATTERN_LABELS
            .iter()
            .filter(|l| self.wants(l))
            .cloned()
            .collect();
        let patterns = if pattern_labels.is_empty() {
            Vec::new()
        } else {
            find_patterns(text, &pattern_labels)
        };
        // Names against recognisers: the longer span is the more specific reading
        // ("C$ 1.62 billion" MONEY over "C$" MISC, an e-mail over the name inside it);
        // on equal spans the model wins.
        let candidates: Vec<(u32, Entity)> = names
            .into_iter()
            .map(|e| (0, e))
            .chain(patterns.into_iter().map(|e| (1, e)))
            .collect();
        let automatic: Vec<Entity> = keep_longest(candidates, |(_, e)| e.span, |(r, _)| *r)
            .into_iter()
            .map(|(_, e)| e)
            .collect();
        let merged = overlay(&self.rules.find(text), &automatic);
        let mut out = complete_acronyms(text, &merged);
        out.retain(|e| self.wants(&e.label));
        out
    }

    /// `tag` plus each entity's alias group: acronyms defined in brackets and shortened
    /// mentions ("Merkel" after "Angela Merkel") share a group and a canonical span.
    pub fn tag_with_aliases(&self, text: &str) -> Tagged {
        with_aliases(text, self.entities(text, None))
    }

    /// [`tag_with_aliases`](Self::tag_with_aliases) given `tokenize(text)` (shared
    /// with keyword scoring by a [`crate::pipeline::Pipeline`]).
    pub fn tag_with_aliases_tokens(&self, text: &str, tokens: &[Token]) -> Tagged {
        with_aliases(text, self.entities(text, Some(tokens)))
    }
}

/// Tokens the model tags as one sequence at most (about 250 KB of prose); document
/// evidence is then that of the window. Shorter texts are one window.
const WINDOW_TOKENS: usize = 50_000;

/// How far past a window's nominal end a cut looks for the end of a sentence.
const CUT_LOOKAHEAD: usize = 5_000;

/// Token ranges covering `tokens` in order, cut where a sentence or paragraph ends
/// (a name never spans a cut) unless none comes within the lookahead.
fn windows<'a>(
    text: &'a str,
    tokens: &'a [Token],
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let n = tokens.len();
    let ends_sentence = move |j: usize| {
        let (before, after) = (tokens[j - 1].span, tokens[j].span);
        let gap = &text[before.end..after.start];
        gap.contains("\n\n")
            || (!gap.is_empty()
                && matches!(before.of(text), "." | "!" | "?")
                && after
                    .of(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase))
    };
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= n {
            return None;
        }
        let nominal = start + WINDOW_TOKENS;
        let end = if nominal >= n {
            n
        } else {
            (nominal..n.min(nominal + CUT_LOOKAHEAD))
                .find(|&j| ends_sentence(j))
                .unwrap_or(nominal)
        };
        let window = start..end;
        start = end;
        Some(window)
    })
}

/// `entities` of `text` with their alias groups (names and user labels only).
fn with_aliases(text: &str, entities: Vec<Entity>) -> Tagged {
    let named: Vec<usize> = (0..entities.len())
        .filter(|&i| {
            let l = &entities[i].label;
            l.is_name() || matches!(l, Label::Custom(_))
        })
        .collect();
    let subset: Vec<Entity> = named.iter().map(|&i| entities[i].clone()).collect();
    let mut aliases = vec![None; entities.len()];
    for (&i, alias) in named.iter().zip(group_aliases(text, &subset)) {
        aliases[i] = Some(alias);
    }
    Tagged { entities, aliases }
}

/// Why a model file could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    Io(std::io::Error),
    Format(FormatError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io(e) => write!(f, "{e}"),
            LoadError::Format(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_into_windows_at_sentence_ends() {
        let sentence = "Angela Merkel met officials of the United Nations in Geneva on Monday. ";
        let text = sentence.repeat(2 * WINDOW_TOKENS / 13 + 7);
        let tokens = tokenize(&text);
        let cuts: Vec<_> = windows(&text, &tokens).collect();
        assert!(cuts.len() >= 2);
        assert_eq!(cuts[0].start, 0);
        assert_eq!(cuts.last().unwrap().end, tokens.len());
        for pair in cuts.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            // Each cut falls right after a full stop, before "Angela".
            assert_eq!(tokens[pair[1].start].span.of(&text), "Angela");
        }
        // Every window tags the same names as a short text does.
        let tagger = EntityTagger::bundled().unwrap();
        let names = tagger
            .tag(&text)
            .iter()
            .filter(|e| e.label.is_name())
            .count();
        let per_sentence = tagger
            .tag(sentence)
            .iter()
            .filter(|e| e.label.is_name())
            .count();
        assert_eq!(names, per_sentence * (text.len() / sentence.len()));
        assert_eq!(windows(&text[..0], &[]).count(), 0);
    }

    fn found(tagger: &EntityTagger, text: &str) -> Vec<(String, String)> {
        tagger
            .tag(text)
            .iter()
            .map(|e| (e.span.of(text).to_string(), e.label.to_string()))
            .collect()
    }

    #[test]
    fn user_rules_win_over_model_and_recognisers() {
        let tagger = EntityTagger::bundled().expect("bundled model");
        let text = "Angela Merkel paid $4.5 billion to Acme Widgets in Paris on March 3, 2024.";
        let plain = found(&tagger, text);
        assert!(plain.contains(&("Angela Merkel".into(), "PER".into())));
        assert!(plain.contains(&("$4.5 billion".into(), "MONEY".into())));
        let widget = Label::from_name("PRODUCT").expect("label");
        let ruled = tagger
            .with_rules(RuleSources {
                phrases: vec![
                    ("Acme Widgets".into(), widget),
                    ("Merkel paid".into(), Label::Misc),
                ],
                ..RuleSources::default()
            })
            .expect("rules");
        let got = found(&ruled, text);
        assert!(got.contains(&("Acme Widgets".into(), "PRODUCT".into())));
        // The user's (odd) phrase overlaps the model's PER and wins.
        assert!(got.contains(&("Merkel paid".into(), "MISC".into())));
        assert!(!got.iter().any(|(t, _)| t == "Angela Merkel"));
        let only_money = tagger.with_labels(Some(vec![Label::Money]));
        assert_eq!(
            found(&only_money, text),
            [("$4.5 billion".to_string(), "MONEY".to_string())]
        );
    }

    #[test]
    fn acronyms_and_aliases_are_grouped() {
        let tagger = EntityTagger::bundled().expect("bundled model");
        let text = "The World Health Organization (WHO) met Angela Merkel. \
                    WHO officials said Merkel agreed.";
        let tagged = tagger.tag_with_aliases(text);
        let group_of = |mention: &str| {
            let i = tagged
                .entities
                .iter()
                .position(|e| e.span.of(text) == mention)
                .unwrap_or_else(|| panic!("{mention} not tagged"));
            tagged.aliases[i].map(|a| (a.group, a.canonical.of(text)))
        };
        let who = group_of("World Health Organization");
        assert_eq!(who.map(|g| g.1), Some("World Health Organization"));
        let last = text.rfind("WHO").expect("WHO");
        let i = tagged.entities.iter().position(|e| e.span.start == last);
        assert_eq!(
            i.and_then(|i| tagged.aliases[i]).map(|a| a.group),
            who.map(|g| g.0)
        );
        let merkel = group_of("Angela Merkel");
        assert_eq!(group_of("Merkel"), merkel);
    }
}
