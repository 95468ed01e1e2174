//! `Sentence` and `SentenceSplitter` for Python.

use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyString, PyTuple};

use super::arguments::Int;
use super::columns::SpanColumns;
use super::errors::{guard, value_error};
use super::{batch, text};
use crate::sentences::learn::{learn_abbreviations, LearnOptions};
use crate::sentences::{NewlineMode, SentenceSplitter as Engine};
use crate::text::Span;

/// One sentence: `text[start:end]` of the input, in code points, end exclusive.
#[pyclass(frozen, module = "rapidtext._rapidtext")]
pub struct Sentence {
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
}

#[pymethods]
impl Sentence {
    #[new]
    fn new(py: Python<'_>, text: Py<PyString>, start: usize, end: usize) -> PyResult<Self> {
        text::check_unicode(text.bind(py), "text")?;
        Ok(Sentence { text, start, end })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Sentence(start={}, end={}, text={})",
            self.start,
            self.end,
            self.text.bind(py).repr()?
        ))
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<Sentence>() else {
            return Ok(py.NotImplemented());
        };
        let other = other.get();
        let same = self.start == other.start
            && self.end == other.end
            && self.text.bind(py).as_any().eq(other.text.bind(py))?;
        match op {
            CompareOp::Eq => Ok(same.into_pyobject(py)?.to_owned().into_any().unbind()),
            CompareOp::Ne => Ok((!same).into_pyobject(py)?.to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.text.bind(py), self.start, self.end)
            .into_pyobject(py)?
            .hash()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        let args = (s.text.clone_ref(py), s.start, s.end).into_pyobject(py)?;
        (slf.get_type(), args).into_pyobject(py)
    }
}

/// Builds the Python sentences of one text from its byte spans.
pub(super) fn sentences(
    py: Python<'_>,
    text: &PyBackedStr,
    spans: Vec<Span>,
) -> PyResult<Vec<Py<Sentence>>> {
    let chars = text::char_spans(text, spans.iter().copied());
    // The caller's own `str`: slicing it copies code points, where building each piece
    // from the UTF-8 bytes would decode them again.
    let Ok(source) = text.into_pyobject(py);
    chars
        .into_iter()
        .map(|(start, end)| {
            let piece = substring(&source, start, end)?;
            Py::new(
                py,
                Sentence {
                    text: piece,
                    start,
                    end,
                },
            )
            .map(untracked)
        })
        .collect()
}

/// `source[start:end]` in code points (`start <= end <= len(source)`).
fn substring(source: &Bound<'_, PyString>, start: usize, end: usize) -> PyResult<Py<PyString>> {
    let py = source.py();
    let (start, end) = (ffi_index(start)?, ffi_index(end)?);
    // SAFETY: `source` is a live `str`; PyUnicode_Substring returns a new reference to a
    // `str`, or NULL with an exception set (which `from_owned_ptr_or_err` turns into Err).
    unsafe {
        let piece = pyo3::ffi::PyUnicode_Substring(source.as_ptr(), start, end);
        Ok(Bound::from_owned_ptr_or_err(py, piece)?
            .cast_into_unchecked::<PyString>()
            .unbind())
    }
}

fn ffi_index(i: usize) -> PyResult<pyo3::ffi::Py_ssize_t> {
    pyo3::ffi::Py_ssize_t::try_from(i).map_err(|_| value_error("text is too long"))
}

/// Takes a new `Sentence` out of Python's cycle collector. pyo3 makes every pyclass
/// instance collectable, and with millions of them alive (a 100 MB text, a large batch)
/// each full collection walks them all: splitting 100 MB of prose took 5x longer per MB
/// than 1 MB. A `Sentence` holds only a `str` and two ints, so it can never be part of
/// a reference cycle and the collector has nothing to find in it.
fn untracked(sentence: Py<Sentence>) -> Py<Sentence> {
    // SAFETY: `sentence` is a live object of a GC type; untracking is allowed at any
    // time (and its dealloc untracks again, which CPython treats as a no-op).
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(sentence.as_ptr().cast()) };
    sentence
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

    fn split(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Py<Sentence>>> {
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
    ) -> PyResult<Vec<Vec<Py<Sentence>>>> {
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
    m.add_class::<Sentence>()?;
    m.add_class::<SentenceSplitter>()?;
    Ok(())
}
