//! `Entity` and `EntityTagger` for Python.

use std::path::PathBuf;

use numpy::IntoPyArray;
use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};

use super::arguments::Int;
use super::columns::SpanColumns;
use super::errors::value_error;
use super::{batch, text};
use crate::entities::rule_errors::RuleError;
use crate::entities::train::{EpochStats, Example, TrainError, TrainOptions};
use crate::entities::user_rules::RuleSources;
use crate::entities::{format, EntityTagger as Engine, Label, LoadError, Tagged};
use crate::text::Span;

/// One entity: `text[start:end]` of the input (code points), its label and confidence.
#[pyclass(frozen, module = "rapidtext._rapidtext")]
pub struct Entity {
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    label: Py<PyString>,
    #[pyo3(get)]
    score: f32,
    /// Alias group number within the text (names and user labels), else None.
    #[pyo3(get)]
    group: Option<usize>,
    /// The group's longest mention, else None.
    #[pyo3(get)]
    canonical: Option<Py<PyString>>,
}

impl Entity {
    fn key<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        (
            self.text.clone_ref(py),
            self.start,
            self.end,
            self.label.clone_ref(py),
            self.score,
            self.group,
            self.canonical.as_ref().map(|c| c.clone_ref(py)),
        )
            .into_pyobject(py)
    }
}

#[pymethods]
impl Entity {
    #[new]
    #[pyo3(signature = (text, start, end, label, score = 1.0, group = None, canonical = None))]
    #[allow(clippy::too_many_arguments)] // the fields, as Python passes them
    fn new(
        py: Python<'_>,
        text: Py<PyString>,
        start: usize,
        end: usize,
        label: Py<PyString>,
        score: f32,
        group: Option<usize>,
        canonical: Option<Py<PyString>>,
    ) -> PyResult<Self> {
        text::check_unicode(text.bind(py), "text")?;
        text::check_unicode(label.bind(py), "label")?;
        if label.bind(py).to_str()?.trim().is_empty() {
            return Err(value_error("label must not be empty"));
        }
        if let Some(canonical) = &canonical {
            text::check_unicode(canonical.bind(py), "canonical")?;
        }
        Ok(Entity {
            text,
            start,
            end,
            label,
            score,
            group,
            canonical,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let group = match (&self.group, &self.canonical) {
            (Some(g), Some(c)) => format!(", group={g}, canonical={}", c.bind(py).repr()?),
            _ => String::new(),
        };
        Ok(format!(
            "Entity(start={}, end={}, label={}, text={}, score={:.3}{group})",
            self.start,
            self.end,
            self.label.bind(py).repr()?,
            self.text.bind(py).repr()?,
            self.score
        ))
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<Entity>() else {
            return Ok(py.NotImplemented());
        };
        let same = self.key(py)?.eq(other.get().key(py)?)?;
        match op {
            CompareOp::Eq => Ok(same.into_pyobject(py)?.to_owned().into_any().unbind()),
            CompareOp::Ne => Ok((!same).into_pyobject(py)?.to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.key(py)?.hash()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let args = slf.get().key(slf.py())?;
        (slf.get_type(), args).into_pyobject(slf.py())
    }
}

/// Builds the Python entities of one text from engine entities (byte spans).
pub(super) fn entities(py: Python<'_>, text: &str, found: Tagged) -> PyResult<Vec<Py<Entity>>> {
    let chars = text::char_spans(text, found.entities.iter().map(|e| e.span));
    found
        .entities
        .iter()
        .zip(&found.aliases)
        .zip(chars)
        .map(|((e, alias), (start, end))| {
            Py::new(
                py,
                Entity {
                    text: PyString::new(py, e.span.of(text)).unbind(),
                    start,
                    end,
                    label: PyString::new(py, e.label.as_str()).unbind(),
                    score: e.score,
                    group: alias.map(|a| a.group),
                    canonical: alias.map(|a| PyString::new(py, a.canonical.of(text)).unbind()),
                },
            )
        })
        .collect()
}

/// `labels` argument: None, or an iterable of label names.
fn parse_labels(labels: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<Label>>> {
    let Some(obj) = labels else {
        return Ok(None);
    };
    text::extract_strings(obj, "labels")?
        .iter()
        .map(|name| {
            Label::from_name(name)
                .ok_or_else(|| PyValueError::new_err("labels must not contain empty names"))
        })
        .collect::<PyResult<Vec<_>>>()
        .map(Some)
}

/// Reads `(text, [(start, end, label), ...])` pairs with code-point offsets.
fn parse_examples(obj: &Bound<'_, PyAny>) -> PyResult<Vec<Example>> {
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err("examples must be an iterable of (text, [(start, end, label), ...])")
    })?;
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        let what = format!("examples[{i}]");
        let (text_obj, spans_obj): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
            item.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "{what} must be a (text, [(start, end, label), ...]) pair"
                ))
            })?;
        let text = text::extract_text(&text_obj, &format!("{what}[0]"))?;
        let char_count = text.chars().count();
        // Code-point offset -> byte offset, for every boundary of the text.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let mut entities = Vec::new();
        let spans = spans_obj.try_iter().map_err(|_| {
            PyTypeError::new_err(format!("{what}[1] must be a list of (start, end, label)"))
        })?;
        for (j, span) in spans.enumerate() {
            let (start, end, label): (usize, usize, String) = span?.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "{what}[1][{j}] must be a (start, end, label) tuple of int, int, str"
                ))
            })?;
            if start >= end || end > char_count {
                return Err(PyValueError::new_err(format!(
                    "{what}[1][{j}] has offsets ({start}, {end}) outside the text of \
                     {char_count} characters or empty"
                )));
            }
            let label = Label::from_name(&label).ok_or_else(|| {
                PyValueError::new_err(format!("{what}[1][{j}] has an empty label"))
            })?;
            entities.push((Span::new(bytes[start], bytes[end]), label));
        }
        out.push(Example {
            text: text.to_string(),
            entities,
        });
    }
    Ok(out)
}

fn rule_error(e: RuleError) -> PyErr {
    match e {
        RuleError::Io(message) => PyOSError::new_err(message),
        other => PyValueError::new_err(other.to_string()),
    }
}

/// `{label: [item, ...]}` or `[(item, label), ...]` as (item, label) pairs; `arg` names it.
fn parse_pairs(obj: Option<&Bound<'_, PyAny>>, arg: &str) -> PyResult<Vec<(String, Label)>> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    let bad_label = |what: String| PyValueError::new_err(format!("{what} has an empty label"));
    let mut out = Vec::new();
    if let Ok(map) = obj.cast::<PyDict>() {
        for (key, items) in map.iter() {
            let name = text::extract_text(&key, &format!("{arg} key"))?;
            let label = Label::from_name(&name).ok_or_else(|| bad_label(arg.to_string()))?;
            for item in text::extract_strings(&items, &format!("{arg}[{:?}]", &*name))? {
                out.push((item, label.clone()));
            }
        }
        return Ok(out);
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{arg} must be a dict {{label: [...]}} or a list of (item, label) pairs"
        ))
    })?;
    for (i, pair) in iter.enumerate() {
        let (item, name): (String, String) = pair?.extract().map_err(|_| {
            PyTypeError::new_err(format!("{arg}[{i}] must be an (item, label) pair of str"))
        })?;
        let label = Label::from_name(&name).ok_or_else(|| bad_label(format!("{arg}[{i}]")))?;
        out.push((item, label));
    }
    Ok(out)
}

fn parse_rules(
    phrases: Option<&Bound<'_, PyAny>>,
    phrase_files: Option<&Bound<'_, PyAny>>,
    patterns: Option<&Bound<'_, PyAny>>,
    token_patterns: Option<&Bound<'_, PyAny>>,
    case_sensitive: bool,
) -> PyResult<RuleSources> {
    let mut files = Vec::new();
    if let Some(obj) = phrase_files {
        let map = obj.cast::<PyDict>().map_err(|_| {
            PyTypeError::new_err("phrase_files must be a dict {default_label: path}")
        })?;
        for (key, path) in map.iter() {
            let name = text::extract_text(&key, "phrase_files key")?;
            let label = Label::from_name(&name)
                .ok_or_else(|| PyValueError::new_err("phrase_files has an empty label"))?;
            let path: PathBuf = path.extract().map_err(|_| {
                PyTypeError::new_err(format!("phrase_files[{:?}] must be a path", &*name))
            })?;
            files.push((path, label));
        }
    }
    Ok(RuleSources {
        phrases: parse_pairs(phrases, "phrases")?,
        phrase_files: files,
        regexes: parse_pairs(patterns, "patterns")?,
        token_patterns: parse_pairs(token_patterns, "token_patterns")?,
        case_sensitive,
    })
}

fn load_error(e: LoadError) -> PyErr {
    match e {
        LoadError::Io(e) => e.into(),
        LoadError::Format(e) => value_error(e),
    }
}

/// Finds names (PER/ORG/LOC/MISC) with a trained model; see `rapidtext/_rapidtext.pyi`.
#[pyclass(frozen, module = "rapidtext._rapidtext")]
pub struct EntityTagger {
    engine: Engine,
    /// Whether this is the bundled model (pickled by reference, not by value).
    bundled: bool,
}

#[pymethods]
impl EntityTagger {
    #[new]
    #[pyo3(signature = (labels = None, *, phrases = None, phrase_files = None, patterns = None, token_patterns = None, case_sensitive = false))]
    fn new(
        labels: Option<&Bound<'_, PyAny>>,
        phrases: Option<&Bound<'_, PyAny>>,
        phrase_files: Option<&Bound<'_, PyAny>>,
        patterns: Option<&Bound<'_, PyAny>>,
        token_patterns: Option<&Bound<'_, PyAny>>,
        case_sensitive: bool,
    ) -> PyResult<Self> {
        let labels = parse_labels(labels)?;
        let sources = parse_rules(
            phrases,
            phrase_files,
            patterns,
            token_patterns,
            case_sensitive,
        )?;
        let engine = Engine::bundled().map_err(value_error)?;
        let engine = engine.with_rules(sources).map_err(rule_error)?;
        Ok(EntityTagger {
            engine: engine.with_labels(labels),
            bundled: true,
        })
    }

    /// A tagger with the same model and these user rules (replacing any before).
    #[pyo3(signature = (*, phrases = None, phrase_files = None, patterns = None, token_patterns = None, case_sensitive = false))]
    fn with_rules(
        &self,
        phrases: Option<&Bound<'_, PyAny>>,
        phrase_files: Option<&Bound<'_, PyAny>>,
        patterns: Option<&Bound<'_, PyAny>>,
        token_patterns: Option<&Bound<'_, PyAny>>,
        case_sensitive: bool,
    ) -> PyResult<Self> {
        let sources = parse_rules(
            phrases,
            phrase_files,
            patterns,
            token_patterns,
            case_sensitive,
        )?;
        Ok(EntityTagger {
            engine: self.engine.with_rules(sources).map_err(rule_error)?,
            bundled: self.bundled,
        })
    }

    /// A tagger with the same model and rules returning only `labels` (None: all).
    #[pyo3(signature = (labels = None))]
    fn with_labels(&self, labels: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        Ok(EntityTagger {
            engine: self.engine.with_labels(parse_labels(labels)?),
            bundled: self.bundled,
        })
    }

    /// The labels this tagger returns.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.engine
            .labels()
            .iter()
            .map(|l| l.as_str().to_string())
            .collect()
    }

    fn tag(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Vec<Py<Entity>>> {
        let text = text::extract_text(text, "text")?;
        let found = batch::run_one(py, &text, |t| self.engine.tag_with_aliases(t))?;
        entities(py, &text, found)
    }

    #[pyo3(signature = (texts, n_threads = None, progress = None))]
    fn tag_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<Int>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Vec<Py<Entity>>>> {
        batch::run_texts(
            py,
            texts,
            n_threads,
            progress,
            |t| self.engine.tag_with_aliases(t),
            |py, t, found| entities(py, t.as_deref().unwrap_or(""), found),
        )
    }

    /// Long-format columns for a DataFrame and the label names: `doc` (position in
    /// `texts`), `start`, `end`, `text`, `label` (int32 codes into the names), `score`.
    #[pyo3(signature = (texts, n_threads = None, progress = None))]
    fn tag_columns<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n_threads: Option<Int>,
        progress: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyDict>, Vec<String>)> {
        let texts = text::extract_texts(texts, "texts")?;
        // Every label the tagger can return, so that all batches (and all partitions
        // of a Dask frame) share one category list; a label outside it is appended.
        let mut names = self.engine.labels();
        let mut spans = SpanColumns::default();
        let mut codes: Vec<i32> = Vec::new();
        let mut scores: Vec<f64> = Vec::new();
        let mut doc = 0;
        // Rows are added chunk by chunk while the next chunk is tagged, so the engine's
        // results for the whole batch are never all alive at once.
        batch::run_converted(
            py,
            &texts,
            n_threads,
            progress,
            |t| t.as_deref().map_or_else(Vec::new, |t| self.engine.tag(t)),
            |_, t, entities| {
                let doc_spans: Vec<Span> = entities.iter().map(|e| e.span).collect();
                spans.push_doc(doc, t.as_deref().unwrap_or(""), &doc_spans);
                doc += 1;
                for e in entities {
                    let code = match names.iter().position(|l| *l == e.label) {
                        Some(code) => code,
                        None => {
                            names.push(e.label);
                            names.len() - 1
                        }
                    };
                    codes.push(i32::try_from(code).map_err(|_| value_error("too many labels"))?);
                    scores.push(f64::from(e.score));
                }
                Ok(())
            },
        )?;
        let columns = spans.into_dict(py, |doc| texts[doc].as_deref().unwrap_or(""))?;
        columns.set_item("label", codes.into_pyarray(py))?;
        columns.set_item("score", scores.into_pyarray(py))?;
        let names = names.iter().map(|l| l.as_str().to_string()).collect();
        Ok((columns, names))
    }

    #[staticmethod]
    #[allow(clippy::too_many_arguments)] // the keyword arguments of the Python method
    #[pyo3(
        signature = (examples, *, epochs = Int::Fits(10), hash_bits = Int::Fits(20), seed = Int::Fits(1), orders = Int::Fits(1), history = false, labels = None, on_epoch = None),
        text_signature = "(examples, *, epochs=10, hash_bits=20, seed=1, orders=1, history=False, labels=None, on_epoch=None)"
    )]
    fn train(
        py: Python<'_>,
        examples: &Bound<'_, PyAny>,
        epochs: Int,
        hash_bits: Int,
        seed: Int,
        orders: Int,
        history: bool,
        labels: Option<&Bound<'_, PyAny>>,
        on_epoch: Option<Py<PyAny>>,
    ) -> PyResult<Self> {
        let examples = parse_examples(examples)?;
        let labels = parse_labels(labels)?;
        let options = TrainOptions {
            epochs: epochs.positive("epochs")?,
            hash_bits: hash_bits.within("hash_bits", 0, u32::MAX.into())? as u32,
            seed: seed.within("seed", 0, i64::MAX)? as u64,
            orders: orders.positive("orders")?,
            history,
        };
        let mut pending: Option<PyErr> = None;
        let result = py.detach(|| {
            Engine::train(&examples, &options, |stats: &EpochStats| {
                Python::attach(|py| {
                    let step = || -> PyResult<()> {
                        py.check_signals()?;
                        if let Some(callback) = &on_epoch {
                            let d = PyDict::new(py);
                            d.set_item("phase", stats.phase)?;
                            d.set_item("epoch", stats.epoch)?;
                            d.set_item("seconds", stats.seconds)?;
                            d.set_item("token_accuracy", stats.token_accuracy)?;
                            callback.call1(py, (d,))?;
                        }
                        Ok(())
                    };
                    match step() {
                        Ok(()) => true,
                        Err(e) => {
                            pending = Some(e);
                            false
                        }
                    }
                })
            })
        });
        match result {
            Ok((engine, _report)) => Ok(EntityTagger {
                engine: engine.with_labels(labels),
                bundled: false,
            }),
            Err(TrainError::Interrupted) => {
                Err(pending
                    .unwrap_or_else(|| PyValueError::new_err("training stopped by on_epoch")))
            }
            Err(
                e @ (TrainError::NoExamples | TrainError::NoEntities | TrainError::BadOption(_)),
            ) => Err(PyValueError::new_err(e.to_string())),
        }
    }

    fn save(&self, path: PathBuf) -> PyResult<()> {
        self.engine.save(&path).map_err(PyErr::from)
    }

    #[staticmethod]
    #[pyo3(signature = (path, labels = None))]
    fn load(path: PathBuf, labels: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let labels = parse_labels(labels)?;
        let engine = Engine::load(&path).map_err(load_error)?;
        Ok(EntityTagger {
            engine: engine.with_labels(labels),
            bundled: false,
        })
    }

    /// Rebuilds a tagger from model file bytes (used by pickling).
    #[staticmethod]
    #[pyo3(signature = (data, labels = None))]
    fn from_bytes(data: &[u8], labels: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let labels = parse_labels(labels)?;
        let model = format::from_bytes(data).map_err(|e| value_error(format!("data: {e}")))?;
        Ok(EntityTagger {
            engine: Engine::from_model(model.into()).with_labels(labels),
            bundled: false,
        })
    }

    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &format::to_bytes(self.engine.model()))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let model = if self.bundled { "bundled" } else { "custom" };
        Ok(format!(
            "EntityTagger(model={model}, labels={})",
            self.labels().into_pyobject(py)?.repr()?
        ))
    }

    /// Pickles as (model bytes or None for the bundled one, label filter, rule sources).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let model = if me.bundled {
            None
        } else {
            Some(me.to_bytes(py))
        };
        let labels: Option<Vec<String>> = me
            .engine
            .label_filter()
            .map(|ls| ls.iter().map(|l| l.as_str().to_string()).collect());
        let r = me.engine.rule_sources();
        let pairs = |v: &[(String, Label)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, l)| (a.clone(), l.as_str().to_string()))
                .collect()
        };
        let files: Vec<(PathBuf, String)> = r
            .phrase_files
            .iter()
            .map(|(p, l)| (p.clone(), l.as_str().to_string()))
            .collect();
        let state = (
            model,
            labels,
            pairs(&r.phrases),
            files,
            pairs(&r.regexes),
            pairs(&r.token_patterns),
            r.case_sensitive,
        );
        let rebuild = slf.get_type().getattr("_from_state")?;
        (rebuild, (state,).into_pyobject(py)?).into_pyobject(py)
    }

    #[staticmethod]
    #[allow(clippy::type_complexity)]
    fn _from_state(
        state: (
            Option<Vec<u8>>,
            Option<Vec<String>>,
            Vec<(String, String)>,
            Vec<(PathBuf, String)>,
            Vec<(String, String)>,
            Vec<(String, String)>,
            bool,
        ),
    ) -> PyResult<Self> {
        let (model, labels, phrases, phrase_files, regexes, token_patterns, case_sensitive) = state;
        let label = |name: &str| {
            Label::from_name(name).ok_or_else(|| PyValueError::new_err("empty label name"))
        };
        let pairs = |v: Vec<(String, String)>| -> PyResult<Vec<(String, Label)>> {
            v.into_iter().map(|(a, l)| Ok((a, label(&l)?))).collect()
        };
        let sources = RuleSources {
            phrases: pairs(phrases)?,
            phrase_files: phrase_files
                .into_iter()
                .map(|(p, l)| Ok((p, label(&l)?)))
                .collect::<PyResult<_>>()?,
            regexes: pairs(regexes)?,
            token_patterns: pairs(token_patterns)?,
            case_sensitive,
        };
        let (engine, bundled) = match model {
            None => (Engine::bundled().map_err(value_error)?, true),
            Some(bytes) => {
                let model = format::from_bytes(&bytes).map_err(value_error)?;
                (Engine::from_model(model.into()), false)
            }
        };
        let labels = labels
            .map(|ls| ls.iter().map(|l| label(l)).collect::<PyResult<Vec<_>>>())
            .transpose()?;
        Ok(EntityTagger {
            engine: engine
                .with_rules(sources)
                .map_err(rule_error)?
                .with_labels(labels),
            bundled,
        })
    }
}

impl EntityTagger {
    /// The engine, for a pipeline that runs it with other analyses.
    pub(super) fn engine(&self) -> &Engine {
        &self.engine
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Entity>()?;
    m.add_class::<EntityTagger>()?;
    Ok(())
}
