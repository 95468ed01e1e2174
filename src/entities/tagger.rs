//! `EntityTagger`: tokenizes raw text and runs a trained model over it, keeping only
//! the labels the user asked for. The bundled English model is compiled into the
//! library and parsed once per process, on first use.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::format::{self, FormatError};
use super::gazetteers::Gazetteers;
use super::model::Model;
use super::train::{self, EpochStats, Example, TrainError, TrainOptions, TrainReport};
use super::{Entity, Label};
use crate::text::tokens::tokenize;

/// The shipped English model (CoNLL-2003 + UNER EWT; see data/models/README.md).
static BUNDLED_BYTES: &[u8] = include_bytes!("../../data/models/en_entities.rtner");

/// Model files larger than this are refused before reading.
const MAX_FILE_BYTES: u64 = 1 << 30;

/// Tags names with a trained model.
#[derive(Debug, Clone)]
pub struct EntityTagger {
    model: Arc<Model>,
    /// Labels to return; None returns every label.
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
            model: Arc::clone(&self.model),
            labels,
        }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The labels returned (the filter, or every model label).
    pub fn labels(&self) -> Vec<Label> {
        self.labels
            .clone()
            .unwrap_or_else(|| self.model.labels.clone())
    }

    /// The entities of `text`, in text order, as byte spans.
    pub fn tag(&self, text: &str) -> Vec<Entity> {
        let tokens = tokenize(text);
        let mut found = self.model.tag(text, &tokens, Gazetteers::builtin());
        if let Some(keep) = &self.labels {
            found.retain(|e| keep.contains(&e.label));
        }
        found
    }
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
