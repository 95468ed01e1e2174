//! `SentenceSplitter` for Python (its `Sentence` objects are in `sentence.rs`).

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyTuple};

use super::arguments::Int;
use super::columns::SpanColumns;
use super::errors::{guard, value_error};
use super::sentence::new_sentence;
use super::{batch, text};
use crate::sentences::learn::{learn_abbreviations, LearnOptions};
use crate::sentences::{NewlineMode, SentenceSplitter as Engine};
use crate::text::Span;

/// Builds the Python sentences of one text from its byte spans.
pub(super) fn sentences(
    py: Python<'_>,
    text: &PyBackedStr,
    spans: Vec<Span>,
) -> PyResult<Vec<Py<PyAny>>> {
    let Ok(source) = text.into_pyobject(py);
    text::char_spans(text, spans)
        .into_iter()
        .map(|(start, end)| new_sentence(&source, start, start, end).map(Bound::unbind))
        .collect()
}

/// Splits text into sentences; see the Python docstring in `rapidtext/_rapidtext.pyi`.
#[pyclass(frozen, module = "rapidtext._rapidtext")]
pub struct SentenceSplitter {
    engine: Engine,
}

#[pymethods]
impl SentenceSplitter {
    #[new]
    #[pyo3(signature = (language = "en", abbreviations = None, newlines = "auto"))]
    fn new(
        language: &str,
        abbreviations: Option<&Bound<'_, PyAny>>,
        newlines: &str,
    ) -> PyResult<Self> {
        Ok(SentenceSplitter {
            engine: build_engine(language, abbreviations, newlines)?,
        })
    }

    /// A splitter that also knows the abbreviations learned from `texts`; see the pyi.
    #[staticmethod]
    #[pyo3(
        signature = (texts, language = "en", abbreviations = None, newlines = "auto", min_count = Int::Fits(2), threshold = 0.3),
        text_signature = "(texts, language='en', abbreviations=None, newlines='auto', min_count=2, threshold=0.3)"
    )]
    fn learn(
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        language: &str,
        abbreviations: Option<&Bound<'_, PyAny>>,
        newlines: &str,
        min_count: Int,
        threshold: f64,
    ) -> PyResult<Self> {
        let min_count = min_count.positive("min_count")?;
        if !threshold.is_finite() || threshold < 0.0 {
            return Err(value_error(format!(
                "threshold must be a finite number >= 0, got {threshold}"
            )));
        }
        let engine = build_engine(language, abbreviations, newlines)?;
        let texts = text::extract_texts(texts, "texts")?;
        let options = LearnOptions {
            min_count,
            threshold,
        };
        let learned = py.detach(|| {
            guard(|| learn_abbreviations(texts.iter().flatten().map(|t| &**t), options))
        })?;
        Ok(SentenceSplitter {
            engine: engine.with_abbreviations(learned),
        })
    }

    #[getter]
    fn language(&self) -> &str {
        self.engine.language()
    }

    #[getter]
    fn newlines(&self) -> &'static str {
        self.engine.newlines().name()
    }

    /// The user's additional and learned abbreviations (lower-cased, no final period), sorted.
    #[getter]
    fn abbreviations(&self) -> Vec<String> {
        self.engine.extra_abbreviations()
    }

    fn split(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Py<PyAny>>> {
        let text = text::extract_text(text, "text")?;
        let spans = batch::run_one(py, &text, |t| self.engine.split(t))?;
        sentences(py, &text, spans)
    }

    #[pyo3(signature = (texts, n_threads = None, progress = None))]
    fn split_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<Int>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Vec<Py<PyAny>>>> {
        batch::run_texts(
            py,
            texts,
            n_threads,
            progress,
            |t| self.engine.split(t),
            |py, t, spans| {
                t.as_ref()
                    .map_or(Ok(Vec::new()), |t| sentences(py, t, spans))
            },
        )
    }

    /// Long-format columns for a DataFrame: `doc` (position in `texts`), `start`, `end`, `text`.
    #[pyo3(signature = (texts, n_threads = None, progress = None))]
    fn split_columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<Int>,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let (texts, all) = self.split_all(py, texts, n_threads, progress)?;
        let mut columns = SpanColumns::default();
        for (doc, (t, spans)) in texts.iter().zip(&all).enumerate() {
            columns.push_doc(doc, t.as_deref().unwrap_or(""), spans);
        }
        columns.into_dict(py, |doc| texts[doc].as_deref().unwrap_or(""))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let e = &self.engine;
        Ok(format!(
            "SentenceSplitter(language={}, abbreviations={}, newlines={})",
            e.language().into_pyobject(py)?.repr()?,
            e.extra_abbreviations().into_pyobject(py)?.repr()?,
            e.newlines().name().into_pyobject(py)?.repr()?
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let e = &slf.get().engine;
        let args =
            (e.language(), e.extra_abbreviations(), e.newlines().name()).into_pyobject(py)?;
        (slf.get_type(), args).into_pyobject(py)
    }
}

/// The engine for the constructor's arguments, with argument-naming errors.
fn build_engine(
    language: &str,
    abbreviations: Option<&Bound<'_, PyAny>>,
    newlines: &str,
) -> PyResult<Engine> {
    let mode = NewlineMode::parse(newlines).ok_or_else(|| {
        value_error(format!(
            "newlines must be one of {}, got {newlines:?}",
            NewlineMode::NAMES.join(", ")
        ))
    })?;
    let extra = match abbreviations {
        None => Vec::new(),
        Some(obj) => text::extract_strings(obj, "abbreviations")?,
    };
    Engine::new(language, extra, mode).map_err(value_error)
}

/// The boundary model's candidates in `text`: (code-point end of the word before the gap,
/// feature hashes). For `bench/sentences_train/`, which trains the model; not public API.
#[pyfunction]
fn _sentence_boundary_features(
    text: &Bound<'_, PyAny>,
    language: &str,
) -> PyResult<Vec<(usize, Vec<u64>)>> {
    let text = text::extract_text(text, "text")?;
    let data = crate::lang::abbreviations::bundled(language)
        .ok_or_else(|| value_error(format!("unknown language {language:?}")))?;
    let mut found = Vec::new();
    let wrapped = crate::sentences::is_hard_wrapped(&text);
    crate::sentences::model::for_each_candidate(&text, data, wrapped, |end, features| {
        found.push((end, features.to_vec()));
    });
    let ends = text::char_spans(&text, found.iter().map(|&(end, _)| Span::new(end, end)));
    Ok(ends
        .into_iter()
        .zip(found)
        .map(|((end, _), (_, features))| (end, features))
        .collect())
}

/// Codes of the languages `SentenceSplitter` supports.
#[pyfunction]
fn supported_languages() -> Vec<&'static str> {
    crate::lang::SUPPORTED.to_vec()
}

impl SentenceSplitter {
    /// The engine, for other analyses that split sentences (a pipeline).
    pub(super) fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The texts of a batch argument and their sentence spans (none for missing values).
    fn split_all(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<Int>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<(text::Texts, Vec<Vec<Span>>)> {
        let texts = text::extract_texts(texts, "texts")?;
        let spans = batch::run(py, &texts, n_threads, progress, |t| self.split_one(t))?;
        Ok((texts, spans))
    }

    /// The spans of one batch item (none for a missing value).
    fn split_one(&self, text: &Option<PyBackedStr>) -> Vec<Span> {
        text.as_deref()
            .map_or_else(Vec::new, |t| self.engine.split(t))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(supported_languages, m)?)?;
    m.add_function(wrap_pyfunction!(_sentence_boundary_features, m)?)?;
    m.add_class::<SentenceSplitter>()?;
    Ok(())
}
