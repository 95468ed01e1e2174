//! `Keyword`, `KeywordExtractor` and the corpus scorers (`TfidfScorer`, `Bm25Scorer`)
//! for Python: argument checks and conversions only.

use std::collections::HashSet;
use std::sync::{Arc, RwLock};

use numpy::IntoPyArray;
use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyTuple};

use super::arguments::Int;
use super::columns::SpanColumns;
use super::errors::value_error;
use super::{batch, text};
use crate::keywords::corpus::{CorpusScorer as Engine, Statistics, Weighting};
use crate::keywords::{self, KeywordExtractor as Extractor, Method, Settings};
use crate::text::Span;

/// One keyword of a document; see `rapidtext/_rapidtext.pyi`.
#[pyclass(frozen, module = "rapidtext._rapidtext")]
pub struct Keyword {
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    score: f64,
    #[pyo3(get)]
    count: usize,
    #[pyo3(get)]
    occurrences: Vec<(usize, usize)>,
}

#[pymethods]
impl Keyword {
    #[new]
    fn new(text: String, score: f64, count: usize, occurrences: Vec<(usize, usize)>) -> Self {
        Keyword {
            text,
            score,
            count,
            occurrences,
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Keyword(text={}, score={:.4}, count={})",
            self.text.as_str().into_pyobject(py)?.repr()?,
            self.score,
            self.count
        ))
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<Keyword>() else {
            return Ok(py.NotImplemented());
        };
        let o = other.get();
        let same = self.text == o.text
            && self.score == o.score
            && self.count == o.count
            && self.occurrences == o.occurrences;
        match op {
            CompareOp::Eq => Ok(same.into_pyobject(py)?.to_owned().into_any().unbind()),
            CompareOp::Ne => Ok((!same).into_pyobject(py)?.to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        let occurrences = PyTuple::new(py, &self.occurrences)?;
        (self.text.as_str(), self.score, self.count, occurrences)
            .into_pyobject(py)?
            .hash()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let k = slf.get();
        let args = (k.text.as_str(), k.score, k.count, k.occurrences.clone()).into_pyobject(py)?;
        (slf.get_type(), args).into_pyobject(py)
    }
}

/// Builds the Python keywords of one text from engine keywords (byte spans).
pub(super) fn to_python(
    py: Python<'_>,
    text: &str,
    found: Vec<keywords::Keyword>,
) -> PyResult<Vec<Py<Keyword>>> {
    found
        .into_iter()
        .map(|k| {
            let occurrences = text::char_spans(text, k.occurrences);
            Py::new(
                py,
                Keyword {
                    text: k.text,
                    score: k.score,
                    count: k.count,
                    occurrences,
                },
            )
        })
        .collect()
}

/// A batch item's text; a missing value (None, NaN) reads as an empty document.
fn or_empty(text: &Option<PyBackedStr>) -> &str {
    text.as_deref().unwrap_or("")
}

fn ngram_range(range: (Int, Int)) -> PyResult<(usize, usize)> {
    let (low, high) = range;
    let small = |n: Int| match n {
        Int::Fits(v) => usize::try_from(v).ok(),
        _ => None,
    };
    match (small(low), small(high)) {
        (Some(l), Some(h)) if l >= 1 && l <= h && h <= keywords::MAX_NGRAM => Ok((l, h)),
        _ => Err(PyValueError::new_err(format!(
            "ngram_range must be (min, max) with 1 <= min <= max <= {}, got ({low}, {high})",
            keywords::MAX_NGRAM
        ))),
    }
}

fn word_list(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<Vec<String>>> {
    obj.map(|o| text::extract_strings(o, name)).transpose()
}

/// Builds the settings shared by the extractor and the corpus scorers.
fn settings(
    language: &str,
    method: &str,
    range: (Int, Int),
    top_k: Int,
    stopwords: Option<&Bound<'_, PyAny>>,
    extra_stopwords: Option<&Bound<'_, PyAny>>,
) -> PyResult<Settings> {
    Ok(Settings {
        language: language.to_string(),
        method: method.to_string(),
        ngram_range: ngram_range(range)?,
        top_k: top_k.positive("top_k")?,
        stopwords: word_list(stopwords, "stopwords")?,
        extra_stopwords: word_list(extra_stopwords, "extra_stopwords")?.unwrap_or_default(),
    })
}

/// Extracts the keywords of documents; see `rapidtext/_rapidtext.pyi`.
#[pyclass(frozen, module = "rapidtext._rapidtext")]
pub struct KeywordExtractor {
    engine: Extractor,
}

#[pymethods]
impl KeywordExtractor {
    #[new]
    #[pyo3(
        signature = (language = "en", method = "rapidrank", ngram_range = (Int::Fits(1), Int::Fits(3)), top_k = Int::Fits(10), stopwords = None, extra_stopwords = None),
        text_signature = "(language='en', method='rapidrank', ngram_range=(1, 3), top_k=10, stopwords=None, extra_stopwords=None)"
    )]
    fn new(
        language: &str,
        method: &str,
        ngram_range: (Int, Int),
        top_k: Int,
        stopwords: Option<&Bound<'_, PyAny>>,
        extra_stopwords: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let s = settings(
            language,
            method,
            ngram_range,
            top_k,
            stopwords,
            extra_stopwords,
        )?;
        let engine = Extractor::new(s).map_err(value_error)?;
        Ok(KeywordExtractor { engine })
    }

    #[getter]
    fn language(&self) -> &str {
        &self.engine.settings().language
    }

    #[getter]
    fn method(&self) -> &'static str {
        self.engine.method().name()
    }

    #[getter]
    fn ngram_range(&self) -> (usize, usize) {
        self.engine.settings().ngram_range
    }

    #[getter]
    fn top_k(&self) -> usize {
        self.engine.settings().top_k
    }

    #[getter]
    fn stopwords(&self) -> Option<Vec<String>> {
        self.engine.settings().stopwords.clone()
    }

    #[getter]
    fn extra_stopwords(&self) -> Vec<String> {
        self.engine.settings().extra_stopwords.clone()
    }

    #[pyo3(signature = (text, top_k = None))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        top_k: Option<Int>,
    ) -> PyResult<Vec<Py<Keyword>>> {
        let top_k = top_k.map(|k| k.positive("top_k")).transpose()?;
        let text = text::extract_text(text, "text")?;
        let found = batch::run_one(py, &text, |t| self.engine.extract_top(t, top_k))?;
        to_python(py, &text, found)
    }

    #[pyo3(signature = (texts, n_threads = None, progress = None))]
    fn extract_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<Int>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Vec<Py<Keyword>>>> {
        batch::run_texts(
            py,
            texts,
            n_threads,
            progress,
            |t| self.engine.extract(t),
            |py, t, found| to_python(py, or_empty(t), found),
        )
    }

    /// Long-format columns for a DataFrame, one row per keyword: `doc` (position in
    /// `texts`), `rank` (0 = best), `text`, `score`, `count`, and `start`/`end` of the
    /// keyword's first mention.
    #[pyo3(signature = (texts, n_threads = None, progress = None))]
    fn extract_columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<Int>,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let texts = text::extract_texts(texts, "texts")?;
        let mut rows = SpanColumns::default();
        let (mut rank, mut score, mut count) = (Vec::new(), Vec::new(), Vec::new());
        let mut doc = 0;
        // Rows are added chunk by chunk while the next chunk is worked on.
        batch::run_converted(
            py,
            &texts,
            n_threads,
            progress,
            |t| {
                t.as_deref()
                    .map_or_else(Vec::new, |t| self.engine.extract(t))
            },
            |_, t, keywords| {
                let first: Vec<Span> = keywords
                    .iter()
                    .map(|k| k.occurrences.first().copied().unwrap_or(Span::new(0, 0)))
                    .collect();
                for (i, k) in keywords.iter().enumerate() {
                    rank.push(i as i64);
                    score.push(k.score);
                    count.push(k.count as i64);
                }
                let shown = keywords.into_iter().map(|k| k.text).collect();
                rows.push_given(doc, or_empty(t), &first, shown);
                doc += 1;
                Ok(())
            },
        )?;
        let columns = rows.into_dict(py, |doc| or_empty(&texts[doc]))?;
        columns.set_item("rank", rank.into_pyarray(py))?;
        columns.set_item("score", score.into_pyarray(py))?;
        columns.set_item("count", count.into_pyarray(py))?;
        Ok(columns)
    }

    fn __repr__(&self) -> String {
        let s = self.engine.settings();
        format!(
            "KeywordExtractor(language={:?}, method={:?}, ngram_range={:?}, top_k={})",
            s.language, s.method, s.ngram_range, s.top_k
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get().engine.settings();
        let args = (
            s.language.as_str(),
            s.method.as_str(),
            s.ngram_range,
            s.top_k,
            s.stopwords.clone(),
            s.extra_stopwords.clone(),
        )
            .into_pyobject(py)?;
        (slf.get_type(), args).into_pyobject(py)
    }
}

/// What `TfidfScorer` and `Bm25Scorer` share: settings, fitted statistics and every method.
#[pyclass(frozen, subclass, module = "rapidtext._rapidtext")]
pub struct CorpusScorer {
    engine: Engine,
    stats: RwLock<Option<Arc<Statistics>>>,
}

impl CorpusScorer {
    fn build(
        language: &str,
        ngram_range: (Int, Int),
        stopwords: Option<&Bound<'_, PyAny>>,
        extra_stopwords: Option<&Bound<'_, PyAny>>,
        weighting: Weighting,
    ) -> PyResult<Self> {
        let s = settings(
            language,
            Method::NAMES[0],
            ngram_range,
            Int::Fits(10),
            stopwords,
            extra_stopwords,
        )?;
        let extractor = Extractor::new(s).map_err(value_error)?;
        Ok(CorpusScorer {
            engine: Engine::new(extractor, weighting),
            stats: RwLock::new(None),
        })
    }

    fn fitted(&self) -> PyResult<Arc<Statistics>> {
        self.stats
            .read()
            .ok()
            .and_then(|s| s.clone())
            .ok_or_else(|| {
                PyValueError::new_err("this scorer is not fitted yet: call fit(texts) first")
            })
    }

    fn json(&self) -> String {
        let stats = self.stats.read().ok().and_then(|s| s.clone());
        self.engine.to_json(stats.as_deref())
    }
}

/// Builds the right scorer class for `json` (pickling and `load` go through here).
#[pyfunction]
fn _scorer_from_json(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    let (engine, stats) = Engine::from_json(json).map_err(PyValueError::new_err)?;
    let weighting = engine.weighting();
    let base = CorpusScorer {
        engine,
        stats: RwLock::new(stats.map(Arc::new)),
    };
    let init = PyClassInitializer::from(base);
    Ok(match weighting {
        Weighting::Tfidf => Py::new(py, init.add_subclass(TfidfScorer))?.into_any(),
        Weighting::Bm25 { .. } => Py::new(py, init.add_subclass(Bm25Scorer))?.into_any(),
    })
}

#[pymethods]
impl CorpusScorer {
    #[getter]
    fn language(&self) -> &str {
        &self.engine.settings().language
    }

    #[getter]
    fn ngram_range(&self) -> (usize, usize) {
        self.engine.settings().ngram_range
    }

    #[getter]
    fn is_fitted(&self) -> bool {
        self.stats.read().map(|s| s.is_some()).unwrap_or(false)
    }

    #[getter]
    fn n_documents(&self) -> PyResult<u64> {
        Ok(self.fitted()?.documents)
    }

    /// Readable term of each matrix column.
    #[getter]
    fn vocabulary(&self) -> PyResult<Vec<String>> {
        Ok(self
            .fitted()?
            .terms
            .iter()
            .map(|t| t.text.clone())
            .collect())
    }

    /// Documents mentioning each column's term.
    #[getter]
    fn document_frequencies(&self) -> PyResult<Vec<u64>> {
        Ok(self.fitted()?.terms.iter().map(|t| t.documents).collect())
    }

    #[pyo3(signature = (texts, n_threads = None))]
    fn fit<'py>(
        slf: &Bound<'py, Self>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<Int>,
    ) -> PyResult<Bound<'py, Self>> {
        let py = slf.py();
        let me = slf.get();
        let texts = text::extract_texts(texts, "texts")?;
        if texts.is_empty() {
            return Err(PyValueError::new_err(
                "texts must contain at least one document",
            ));
        }
        let terms = batch::run(py, &texts, n_threads, None, |t| {
            me.engine.document_terms(or_empty(t))
        })?;
        let stats = py.detach(|| Statistics::fit(&terms));
        if let Ok(mut slot) = me.stats.write() {
            *slot = Some(Arc::new(stats));
        }
        Ok(slf.clone())
    }

    #[pyo3(signature = (text, top_k = Int::Fits(10)), text_signature = "($self, text, top_k=10)")]
    fn keywords(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        top_k: Int,
    ) -> PyResult<Vec<Py<Keyword>>> {
        let top_k = top_k.positive("top_k")?;
        let text = text::extract_text(text, "text")?;
        let stats = self.fitted()?;
        let found = self.engine.keywords(&stats, &text, top_k);
        to_python(py, &text, found)
    }

    /// Document x term weights as CSR arrays `(data, indices, indptr)`.
    #[pyo3(signature = (texts, n_threads = None))]
    fn transform(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<Int>,
    ) -> PyResult<(Vec<f64>, Vec<usize>, Vec<usize>)> {
        let texts = text::extract_texts(texts, "texts")?;
        let stats = self.fitted()?;
        let rows = batch::run(py, &texts, n_threads, None, |t| {
            self.engine.row(&stats, or_empty(t))
        })?;
        let mut data = Vec::new();
        let mut indices = Vec::new();
        let mut indptr = vec![0];
        for row in rows {
            for (column, weight) in row {
                indices.push(column);
                data.push(weight);
            }
            indptr.push(indices.len());
        }
        Ok((data, indices, indptr))
    }

    /// How well each text matches `query_terms` (sum of their weights; 0 = no match).
    #[pyo3(signature = (query_terms, texts, n_threads = None))]
    fn score(
        &self,
        py: Python<'_>,
        query_terms: &Bound<'_, PyAny>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<Int>,
    ) -> PyResult<Vec<f64>> {
        if query_terms.is_instance_of::<pyo3::types::PyString>() {
            return Err(PyTypeError::new_err(
                "query_terms must be a list of str, not a single str",
            ));
        }
        let query = text::extract_strings(query_terms, "query_terms")?;
        let keys: HashSet<String> = query
            .iter()
            .map(|q| self.engine.query_key(q))
            .filter(|k| !k.is_empty())
            .collect();
        let texts = text::extract_texts(texts, "texts")?;
        let stats = self.fitted()?;
        batch::run(py, &texts, n_threads, None, |t| {
            self.engine.query_score(&stats, &keys, or_empty(t))
        })
    }

    fn save(&self, path: std::path::PathBuf) -> PyResult<()> {
        std::fs::write(&path, self.json())
            .map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))
    }

    /// The scorer saved at `path` (a `TfidfScorer` or `Bm25Scorer`); ValueError if the file is not valid.
    #[staticmethod]
    fn load(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Py<PyAny>> {
        let bytes = std::fs::read(&path)
            .map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))?;
        let json = String::from_utf8(bytes).map_err(|_| {
            PyValueError::new_err(format!("{}: not a corpus statistics file", path.display()))
        })?;
        _scorer_from_json(py, &json)
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let module = py.import("rapidtext._rapidtext")?;
        let rebuild = module.getattr("_scorer_from_json")?;
        (rebuild, (slf.get().json(),)).into_pyobject(py)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let s = slf.get();
        let fitted = s
            .stats
            .read()
            .ok()
            .and_then(|st| st.as_ref().map(|x| x.documents));
        Ok(format!(
            "{}(language={:?}, ngram_range={:?}, fitted_documents={})",
            slf.get_type().name()?,
            s.engine.settings().language,
            s.engine.settings().ngram_range,
            fitted.map_or("None".to_string(), |n| n.to_string())
        ))
    }
}

/// TF-IDF keyword weights fitted on a corpus.
#[pyclass(frozen, extends = CorpusScorer, module = "rapidtext._rapidtext")]
pub struct TfidfScorer;

#[pymethods]
impl TfidfScorer {
    #[new]
    #[pyo3(
        signature = (language = "en", ngram_range = (Int::Fits(1), Int::Fits(3)), stopwords = None, extra_stopwords = None),
        text_signature = "(language='en', ngram_range=(1, 3), stopwords=None, extra_stopwords=None)"
    )]
    fn new(
        language: &str,
        ngram_range: (Int, Int),
        stopwords: Option<&Bound<'_, PyAny>>,
        extra_stopwords: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyClassInitializer<Self>> {
        let base = CorpusScorer::build(
            language,
            ngram_range,
            stopwords,
            extra_stopwords,
            Weighting::Tfidf,
        )?;
        Ok(PyClassInitializer::from(base).add_subclass(TfidfScorer))
    }
}

/// Okapi BM25 keyword weights fitted on a corpus.
#[pyclass(frozen, extends = CorpusScorer, module = "rapidtext._rapidtext")]
pub struct Bm25Scorer;

#[pymethods]
impl Bm25Scorer {
    #[new]
    #[pyo3(
        signature = (language = "en", ngram_range = (Int::Fits(1), Int::Fits(3)), stopwords = None, extra_stopwords = None, k1 = 1.5, b = 0.75),
        text_signature = "(language='en', ngram_range=(1, 3), stopwords=None, extra_stopwords=None, k1=1.5, b=0.75)"
    )]
    fn new(
        language: &str,
        ngram_range: (Int, Int),
        stopwords: Option<&Bound<'_, PyAny>>,
        extra_stopwords: Option<&Bound<'_, PyAny>>,
        k1: f64,
        b: f64,
    ) -> PyResult<PyClassInitializer<Self>> {
        if !(k1.is_finite() && k1 >= 0.0) {
            return Err(PyValueError::new_err(format!(
                "k1 must be a finite number >= 0, got {k1}"
            )));
        }
        if !(0.0..=1.0).contains(&b) {
            return Err(PyValueError::new_err(format!(
                "b must be between 0 and 1, got {b}"
            )));
        }
        let weighting = Weighting::Bm25 { k1, b };
        let base =
            CorpusScorer::build(language, ngram_range, stopwords, extra_stopwords, weighting)?;
        Ok(PyClassInitializer::from(base).add_subclass(Bm25Scorer))
    }

    #[getter]
    fn k1(slf: PyRef<'_, Self>) -> f64 {
        match slf.as_super().engine.weighting() {
            Weighting::Bm25 { k1, .. } => k1,
            Weighting::Tfidf => 0.0,
        }
    }

    #[getter]
    fn b(slf: PyRef<'_, Self>) -> f64 {
        match slf.as_super().engine.weighting() {
            Weighting::Bm25 { b, .. } => b,
            Weighting::Tfidf => 0.0,
        }
    }
}

/// Names of the keyword scoring methods, the default first.
#[pyfunction]
fn keyword_methods() -> Vec<&'static str> {
    Method::NAMES.to_vec()
}

/// Codes of the languages keyword extraction supports.
#[pyfunction]
fn keyword_languages() -> Vec<&'static str> {
    keywords::LANGUAGES.to_vec()
}

impl KeywordExtractor {
    /// The engine, for a pipeline that runs it with other analyses.
    pub(super) fn engine(&self) -> &Extractor {
        &self.engine
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(keyword_methods, m)?)?;
    m.add_function(wrap_pyfunction!(keyword_languages, m)?)?;
    m.add_function(wrap_pyfunction!(_scorer_from_json, m)?)?;
    m.add_class::<Keyword>()?;
    m.add_class::<KeywordExtractor>()?;
    m.add_class::<CorpusScorer>()?;
    m.add_class::<TfidfScorer>()?;
    m.add_class::<Bm25Scorer>()?;
    Ok(())
}
