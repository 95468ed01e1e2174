//! `Pipeline` for Python: every analysis of a text in one call, returned as a
//! `rapidtext.Doc`. It keeps the configured `SentenceSplitter`, `EntityTagger` and
//! `KeywordExtractor` objects it runs, for inspection and pickling.

use std::collections::BTreeSet;

use pyo3::conversion::FromPyObjectOwned;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyString, PyTuple};

use super::arguments::Int;
use super::entities::{self, EntityTagger};
use super::keywords::{self, KeywordExtractor};
use super::sentences::{self, SentenceSplitter};
use super::{batch, text};
use crate::keywords::Method;
use crate::pipeline::{Analysis, Pipeline as Engine};

/// The analyses a pipeline can run, in the order they are listed everywhere.
const ANALYSES: [&str; 3] = ["sentences", "entities", "keywords"];
const SENTENCES: usize = 0;
const ENTITIES: usize = 1;
const KEYWORDS: usize = 2;

/// The language of the bundled entity model.
const ENTITY_LANGUAGE: &str = "en";

/// Runs sentence splitting, entity tagging and keyword extraction in one call; see
/// `rapidtext/_rapidtext.pyi`.
#[pyclass(frozen, module = "rapidtext._rapidtext")]
pub struct Pipeline {
    engine: Engine,
    language: String,
    splitter: Option<Py<SentenceSplitter>>,
    tagger: Option<Py<EntityTagger>>,
    extractor: Option<Py<KeywordExtractor>>,
    /// `rapidtext.doc.Doc`, the class of every result.
    doc_class: Py<PyAny>,
}

/// What the user passed for each analysis: a configured object, or nothing.
struct Parts<'py> {
    splitter: Option<Bound<'py, SentenceSplitter>>,
    tagger: Option<Bound<'py, EntityTagger>>,
    extractor: Option<Bound<'py, KeywordExtractor>>,
}

impl Parts<'_> {
    fn given(&self, analysis: usize) -> bool {
        match analysis {
            SENTENCES => self.splitter.is_some(),
            ENTITIES => self.tagger.is_some(),
            _ => self.extractor.is_some(),
        }
    }
}

/// Whether the bundled data covers `analysis` in `language`.
fn available(analysis: usize, language: &str) -> bool {
    match analysis {
        SENTENCES => crate::lang::is_supported(language),
        ENTITIES => language == ENTITY_LANGUAGE,
        _ => crate::keywords::LANGUAGES.contains(&language),
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "object".to_string(), |n| n.to_string())
}

/// `obj` as a `T` object, or a TypeError naming `arg` and the expected class.
fn object<'py, T: pyo3::PyTypeCheck>(
    obj: Option<&Bound<'py, PyAny>>,
    arg: &str,
    class: &str,
) -> PyResult<Option<Bound<'py, T>>> {
    obj.map(|o| {
        o.cast::<T>().cloned().map_err(|_| {
            PyTypeError::new_err(format!("{arg} must be a {class}, not {}", type_name(o)))
        })
    })
    .transpose()
}

/// `obj` as a `T`, or a TypeError naming `arg` and saying what it must be.
fn typed<'py, T: FromPyObjectOwned<'py>>(
    obj: &Bound<'py, PyAny>,
    arg: &str,
    what: &str,
) -> PyResult<T> {
    obj.extract::<T>()
        .map_err(|_| PyTypeError::new_err(format!("{arg} must be {what}, not {}", type_name(obj))))
}

/// The `analyses` argument as indices into `ANALYSES`, or None for "every available one".
fn parse_analyses(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<BTreeSet<usize>>> {
    let Some(obj) = obj else {
        return Ok(None);
    };
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "analyses must be an iterable of names such as (\"sentences\", \"keywords\"), \
             not a single str; choose from {}",
            ANALYSES.join(", ")
        )));
    }
    let mut chosen = BTreeSet::new();
    for name in text::extract_strings(obj, "analyses")? {
        let index = ANALYSES.iter().position(|a| *a == name).ok_or_else(|| {
            PyValueError::new_err(format!(
                "analyses: unknown analysis {name:?}; choose from {}",
                ANALYSES.join(", ")
            ))
        })?;
        chosen.insert(index);
    }
    if chosen.is_empty() {
        return Err(PyValueError::new_err(format!(
            "analyses must name at least one of {}",
            ANALYSES.join(", ")
        )));
    }
    Ok(Some(chosen))
}

/// The pipeline's language: the one given, which every object passed must share, or
/// else the objects' own, or English.
fn pick_language(language: Option<&str>, parts: &Parts<'_>) -> PyResult<String> {
    let own = [
        parts
            .splitter
            .as_ref()
            .map(|s| ("splitter", s.get().engine().language().to_string())),
        parts
            .extractor
            .as_ref()
            .map(|e| ("extractor", e.get().engine().settings().language.clone())),
    ];
    match language {
        Some(language) => {
            for (arg, theirs) in own.iter().flatten() {
                if theirs != language {
                    return Err(PyValueError::new_err(format!(
                        "language is {language:?} but {arg}.language is {theirs:?}; \
                         leave language out to take the objects' own"
                    )));
                }
            }
            Ok(language.to_string())
        }
        None => Ok(own
            .into_iter()
            .flatten()
            .next()
            .map_or_else(|| "en".to_string(), |(_, l)| l)),
    }
}

/// Every language some analysis supports, sorted, for error messages.
fn all_languages() -> Vec<&'static str> {
    let mut all: BTreeSet<&str> = crate::lang::SUPPORTED.iter().copied().collect();
    all.extend(crate::keywords::LANGUAGES);
    all.insert(ENTITY_LANGUAGE);
    all.into_iter().collect()
}

/// The analyses to run: those asked for (each available or given as an object), or
/// every one available in `language` or given.
fn pick_analyses(
    asked: Option<BTreeSet<usize>>,
    language: &str,
    parts: &Parts<'_>,
) -> PyResult<BTreeSet<usize>> {
    let objects = ["splitter", "tagger", "extractor"];
    let Some(asked) = asked else {
        let run: BTreeSet<usize> = (0..ANALYSES.len())
            .filter(|&a| parts.given(a) || available(a, language))
            .collect();
        if run.is_empty() {
            return Err(PyValueError::new_err(format!(
                "language must be one of {}, got {language:?}",
                all_languages().join(", ")
            )));
        }
        return Ok(run);
    };
    for a in 0..ANALYSES.len() {
        if parts.given(a) && !asked.contains(&a) {
            return Err(PyValueError::new_err(format!(
                "{} is given but {:?} is not in analyses",
                objects[a], ANALYSES[a]
            )));
        }
        if asked.contains(&a) && !parts.given(a) && !available(a, language) {
            let why = if a == ENTITIES {
                format!("the bundled entity model is English only, language is {language:?}")
            } else {
                format!("language {language:?} is not supported for {}", ANALYSES[a])
            };
            return Err(PyValueError::new_err(format!(
                "analyses: cannot run {:?}: {why}; pass {}=... or leave {:?} out",
                ANALYSES[a], objects[a], ANALYSES[a]
            )));
        }
    }
    Ok(asked)
}

/// The options of one analysis must not be given with its object or without the analysis.
fn check_options(
    run: &BTreeSet<usize>,
    parts: &Parts<'_>,
    options: &[(usize, &str, bool)],
) -> PyResult<()> {
    for &(analysis, option, set) in options {
        if !set {
            continue;
        }
        if parts.given(analysis) {
            let object = if analysis == ENTITIES {
                "tagger"
            } else {
                "extractor"
            };
            return Err(PyValueError::new_err(format!(
                "{option} configures the default {object}: pass {option} or {object}, not both"
            )));
        }
        if !run.contains(&analysis) {
            return Err(PyValueError::new_err(format!(
                "{option} is set but {:?} is not among the analyses",
                ANALYSES[analysis]
            )));
        }
    }
    Ok(())
}

#[pymethods]
impl Pipeline {
    #[new]
    #[allow(clippy::too_many_arguments)] // the keyword arguments of the Python constructor
    #[pyo3(
        signature = (language = None, analyses = None, *, entity_labels = None, keyword_method = None, top_k = None, ngram_range = None, splitter = None, tagger = None, extractor = None),
        text_signature = "(language=None, analyses=None, *, entity_labels=None, keyword_method=None, top_k=None, ngram_range=None, splitter=None, tagger=None, extractor=None)"
    )]
    fn new(
        py: Python<'_>,
        language: Option<&Bound<'_, PyAny>>,
        analyses: Option<&Bound<'_, PyAny>>,
        entity_labels: Option<&Bound<'_, PyAny>>,
        keyword_method: Option<&Bound<'_, PyAny>>,
        top_k: Option<&Bound<'_, PyAny>>,
        ngram_range: Option<&Bound<'_, PyAny>>,
        splitter: Option<&Bound<'_, PyAny>>,
        tagger: Option<&Bound<'_, PyAny>>,
        extractor: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        // Arguments are read here rather than by pyo3 so that type errors name them.
        let language = language
            .map(|l| text::extract_text(l, "language"))
            .transpose()?;
        let language = language.as_deref();
        let keyword_method = keyword_method
            .map(|m| text::extract_text(m, "keyword_method"))
            .transpose()?;
        let keyword_method = keyword_method.as_deref();
        // Only the types are checked here; the extractor checks the values.
        if let Some(k) = top_k {
            typed::<Int>(k, "top_k", "an int")?;
        }
        if let Some(r) = ngram_range {
            typed::<(Int, Int)>(r, "ngram_range", "a (min, max) pair of int")?;
        }
        let parts = Parts {
            splitter: object(splitter, "splitter", "SentenceSplitter")?,
            tagger: object(tagger, "tagger", "EntityTagger")?,
            extractor: object(extractor, "extractor", "KeywordExtractor")?,
        };
        let asked = parse_analyses(analyses)?;
        let language = pick_language(language, &parts)?;
        let run = pick_analyses(asked, &language, &parts)?;
        check_options(
            &run,
            &parts,
            &[
                (ENTITIES, "entity_labels", entity_labels.is_some()),
                (KEYWORDS, "keyword_method", keyword_method.is_some()),
                (KEYWORDS, "top_k", top_k.is_some()),
                (KEYWORDS, "ngram_range", ngram_range.is_some()),
            ],
        )?;
        let Parts {
            splitter,
            tagger,
            extractor,
        } = parts;
        // The default objects are built by their own constructors (same checks and errors).
        let splitter = match (splitter, run.contains(&SENTENCES)) {
            (Some(s), _) => Some(s.unbind()),
            (None, true) => Some(construct(py, (language.as_str(),), None)?),
            (None, false) => None,
        };
        let tagger = match (tagger, run.contains(&ENTITIES)) {
            (Some(t), _) => Some(t.unbind()),
            (None, true) => {
                let labels = entity_labels
                    .map(|l| text::extract_strings(l, "entity_labels"))
                    .transpose()?;
                if labels.iter().flatten().any(|l| l.trim().is_empty()) {
                    return Err(PyValueError::new_err(
                        "entity_labels must not contain empty names",
                    ));
                }
                Some(construct(py, (labels,), None)?)
            }
            (None, false) => None,
        };
        let extractor = match (extractor, run.contains(&KEYWORDS)) {
            (Some(e), _) => Some(e.unbind()),
            (None, true) => {
                let method = keyword_method.unwrap_or(Method::NAMES[0]);
                if Method::parse(method).is_none() {
                    return Err(PyValueError::new_err(format!(
                        "keyword_method must be one of {}, got {method:?}",
                        Method::NAMES.join(", ")
                    )));
                }
                let options = PyDict::new(py);
                options.set_item("method", method)?;
                if let Some(k) = top_k {
                    options.set_item("top_k", k)?;
                }
                if let Some(r) = ngram_range {
                    options.set_item("ngram_range", r)?;
                }
                Some(construct(py, (language.as_str(),), Some(&options))?)
            }
            (None, false) => None,
        };
        Pipeline::assemble(py, language, splitter, tagger, extractor)
    }

    /// Rebuilds a pipeline from its parts (pickling goes through here).
    #[staticmethod]
    fn _from_parts(
        py: Python<'_>,
        language: String,
        splitter: Option<Py<SentenceSplitter>>,
        tagger: Option<Py<EntityTagger>>,
        extractor: Option<Py<KeywordExtractor>>,
    ) -> PyResult<Self> {
        Pipeline::assemble(py, language, splitter, tagger, extractor)
    }

    #[getter]
    fn language(&self) -> &str {
        &self.language
    }

    /// The names of the analyses run, in the order sentences, entities, keywords.
    #[getter]
    fn analyses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.analysis_names())
    }

    #[getter]
    fn splitter(&self, py: Python<'_>) -> Option<Py<SentenceSplitter>> {
        self.splitter.as_ref().map(|s| s.clone_ref(py))
    }

    #[getter]
    fn tagger(&self, py: Python<'_>) -> Option<Py<EntityTagger>> {
        self.tagger.as_ref().map(|t| t.clone_ref(py))
    }

    #[getter]
    fn extractor(&self, py: Python<'_>) -> Option<Py<KeywordExtractor>> {
        self.extractor.as_ref().map(|e| e.clone_ref(py))
    }

    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let text = text::extract_text(text, "text")?;
        let found = batch::run_one(py, &text, |t| self.engine.analyze(t))?;
        self.doc(py, Some(&text), found)
    }

    #[pyo3(signature = (texts, n_threads = None, progress = None))]
    fn analyze_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<Int>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Py<PyAny>>> {
        batch::run_texts(
            py,
            texts,
            n_threads,
            progress,
            |t| self.engine.analyze(t),
            |py, t, found| self.doc(py, t.as_ref(), found),
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut parts = vec![
            format!("language={}", PyString::new(py, &self.language).repr()?),
            format!("analyses={}", self.analyses(py)?.repr()?),
        ];
        let objects: [(&str, Option<Bound<'_, PyAny>>); 3] = [
            (
                "splitter",
                self.splitter
                    .as_ref()
                    .map(|o| o.bind(py).clone().into_any()),
            ),
            (
                "tagger",
                self.tagger.as_ref().map(|o| o.bind(py).clone().into_any()),
            ),
            (
                "extractor",
                self.extractor
                    .as_ref()
                    .map(|o| o.bind(py).clone().into_any()),
            ),
        ];
        for (name, obj) in objects {
            if let Some(obj) = obj {
                parts.push(format!("{name}={}", obj.repr()?));
            }
        }
        Ok(format!("Pipeline({})", parts.join(", ")))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let args = (
            me.language.as_str(),
            me.splitter(py),
            me.tagger(py),
            me.extractor(py),
        )
            .into_pyobject(py)?;
        let rebuild = slf.get_type().getattr("_from_parts")?;
        (rebuild, args).into_pyobject(py)
    }
}

/// A new `T` from its Python constructor called with `args` and `kwargs`.
fn construct<'py, T: pyo3::PyTypeInfo>(
    py: Python<'py>,
    args: impl pyo3::call::PyCallArgs<'py>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Py<T>> {
    let made = py.get_type::<T>().call(args, kwargs)?;
    Ok(made.cast_into::<T>()?.unbind())
}

impl Pipeline {
    fn assemble(
        py: Python<'_>,
        language: String,
        splitter: Option<Py<SentenceSplitter>>,
        tagger: Option<Py<EntityTagger>>,
        extractor: Option<Py<KeywordExtractor>>,
    ) -> PyResult<Self> {
        if splitter.is_none() && tagger.is_none() && extractor.is_none() {
            return Err(PyValueError::new_err(
                "a pipeline needs at least one analysis",
            ));
        }
        let engine = Engine {
            splitter: splitter.as_ref().map(|s| s.get().engine().clone()),
            tagger: tagger.as_ref().map(|t| t.get().engine().clone()),
            extractor: extractor.as_ref().map(|e| e.get().engine().clone()),
        };
        let doc_class = py.import("rapidtext.doc")?.getattr("Doc")?.unbind();
        Ok(Pipeline {
            engine,
            language,
            splitter,
            tagger,
            extractor,
            doc_class,
        })
    }

    fn analysis_names(&self) -> Vec<&'static str> {
        let run = [
            self.splitter.is_some(),
            self.tagger.is_some(),
            self.extractor.is_some(),
        ];
        ANALYSES
            .iter()
            .zip(run)
            .filter(|(_, on)| *on)
            .map(|(name, _)| *name)
            .collect()
    }

    /// The `Doc` of one text (`None`: a missing value, an empty `Doc`).
    fn doc(
        &self,
        py: Python<'_>,
        text: Option<&PyBackedStr>,
        found: Analysis,
    ) -> PyResult<Py<PyAny>> {
        let Some(text) = text else {
            return self.doc_class.call1(py, ("",));
        };
        let sentences = sentences::sentences(py, text, found.sentences)?;
        let entities = entities::entities(py, text, found.entities)?;
        let keywords = keywords::to_python(py, text, found.keywords)?;
        // The caller's own `str` object, not a copy.
        let Ok(source) = text.into_pyobject(py);
        self.doc_class
            .call1(py, (source, sentences, entities, keywords))
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Pipeline>()?;
    Ok(())
}
