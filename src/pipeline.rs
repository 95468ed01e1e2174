//! One call for every analysis of a text. The sentences are split once and the text
//! tokenized once: entity tagging and keyword scoring read the same tokens, and keyword
//! candidates stay within the very sentences the caller gets back.

use crate::entities::{EntityTagger, Tagged};
use crate::keywords::{Keyword, KeywordExtractor};
use crate::sentences::SentenceSplitter;
use crate::text::tokens::tokenize;
use crate::text::Span;

/// The analyses to run, each by its configured engine (`None`: not run). Cheap to
/// clone and to share between threads.
///
/// Keyword candidates never cross a sentence boundary. With `splitter` set, those are
/// its boundaries (so a splitter with extra abbreviations or another newline mode also
/// changes the keywords, consistently with the sentences returned); without it, the
/// keyword extractor splits with its own default splitter, as it does alone.
#[derive(Clone, Default)]
pub struct Pipeline {
    pub splitter: Option<SentenceSplitter>,
    pub tagger: Option<EntityTagger>,
    pub extractor: Option<KeywordExtractor>,
}

/// What a pipeline found in one text, in byte offsets; empty for analyses not run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub sentences: Vec<Span>,
    pub entities: Tagged,
    pub keywords: Vec<Keyword>,
}

impl Pipeline {
    pub fn analyze(&self, text: &str) -> Analysis {
        let sentences = self.splitter.as_ref().map(|s| s.split(text));
        let tokens = if self.tagger.is_some() || self.extractor.is_some() {
            tokenize(text)
        } else {
            Vec::new()
        };
        let entities = self.tagger.as_ref().map_or_else(Tagged::default, |t| {
            t.tag_with_aliases_tokens(text, &tokens)
        });
        let keywords = self.extractor.as_ref().map_or_else(Vec::new, |e| {
            let own;
            let spans = match &sentences {
                Some(spans) => spans,
                None => {
                    own = e.split(text);
                    &own
                }
            };
            e.extract_split(text, spans, &tokens, None)
        });
        Analysis {
            sentences: sentences.unwrap_or_default(),
            entities,
            keywords,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keywords::Settings;
    use crate::sentences::NewlineMode;

    const NEWS: &str = include_str!("../examples/news.txt");

    fn splitter(language: &str) -> SentenceSplitter {
        SentenceSplitter::new(language, Vec::<String>::new(), NewlineMode::Auto)
            .expect("bundled language")
    }

    fn extractor(language: &str) -> KeywordExtractor {
        KeywordExtractor::new(Settings {
            language: language.into(),
            ..Settings::default()
        })
        .expect("bundled language")
    }

    fn everything() -> Pipeline {
        Pipeline {
            splitter: Some(splitter("en")),
            tagger: Some(EntityTagger::bundled().expect("bundled model")),
            extractor: Some(extractor("en")),
        }
    }

    /// Texts whose sentence ends, tokens and entities are all over the place.
    fn texts() -> Vec<String> {
        vec![
            NEWS.to_string(),
            String::new(),
            " \n\t ".to_string(),
            "Zoë Šimić met Nguyễn in Köln. 東京の会議は終わった。Die Bank (EZB) hob die Zinsen an!"
                .to_string(),
            "U.S.Senators met.Then they left...\"Why?\" asked Dr. Ng 'til 3 p.m.'s end".to_string(),
            "no punctuation at all just words words words about central banks".to_string(),
            NEWS.replace('\n', " ").repeat(3),
        ]
    }

    #[test]
    fn one_pass_equals_each_analysis_alone() {
        let pipeline = everything();
        let (s, t, e) = (
            splitter("en"),
            EntityTagger::bundled().expect("bundled model"),
            extractor("en"),
        );
        for text in texts() {
            let got = pipeline.analyze(&text);
            assert_eq!(got.sentences, s.split(&text), "{text:?}");
            assert_eq!(got.entities, t.tag_with_aliases(&text), "{text:?}");
            assert_eq!(got.keywords, e.extract(&text), "{text:?}");
        }
        let news = pipeline.analyze(NEWS);
        assert!(news.sentences.len() >= 5 && news.keywords.len() == 10);
        assert!(news
            .entities
            .entities
            .iter()
            .any(|e| e.span.of(NEWS) == "World Health Organization"));
    }

    #[test]
    fn analyses_not_asked_for_are_empty() {
        let keywords_only = Pipeline {
            extractor: Some(extractor("en")),
            ..Pipeline::default()
        };
        let got = keywords_only.analyze(NEWS);
        assert!(got.sentences.is_empty() && got.entities.entities.is_empty());
        assert_eq!(got.keywords, extractor("en").extract(NEWS));
        assert_eq!(Pipeline::default().analyze(NEWS), Analysis::default());
    }

    #[test]
    fn other_languages_share_sentences_too() {
        let text = "Die Europäische Zentralbank hob am 12. Juni die Zinsen an. Die Banken \
                    in Frankfurt reagierten. Die Zentralbank bleibt vorsichtig.";
        let pipeline = Pipeline {
            splitter: Some(splitter("de")),
            extractor: Some(extractor("de")),
            ..Pipeline::default()
        };
        let got = pipeline.analyze(text);
        assert_eq!(got.sentences, splitter("de").split(text));
        assert_eq!(got.sentences.len(), 3);
        assert_eq!(got.keywords, extractor("de").extract(text));
    }

    #[test]
    fn keywords_follow_the_pipeline_sentences() {
        // The default splitter joins these lines; one sentence per line cuts "central bank".
        let text = "Analysts have long watched the central\nbank policy on interest rates.";
        let alone = extractor("en").extract(text);
        assert!(alone.iter().any(|k| k.text.contains('\n')), "{alone:?}");
        let pipeline = Pipeline {
            splitter: Some(
                SentenceSplitter::new("en", Vec::<String>::new(), NewlineMode::Split).expect("en"),
            ),
            extractor: Some(extractor("en")),
            ..Pipeline::default()
        };
        let got = pipeline.analyze(text);
        assert_eq!(got.sentences.len(), 2);
        assert!(!got.keywords.is_empty());
        assert!(
            got.keywords.iter().all(|k| !k.text.contains('\n')),
            "{:?}",
            got.keywords
        );
    }
}
