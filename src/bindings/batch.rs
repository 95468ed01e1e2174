//! Running a batch from Python: the GIL is released for the work, Ctrl-C is
//! checked between chunks, and `n_threads` is validated in one place.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBool;

use pyo3::pybacked::PyBackedStr;

use super::arguments::Int;
use super::errors::{batch_error, guard};
use super::text;
use crate::parallel::{self, BatchError};

/// Texts at least this long are analysed without the GIL held; below, releasing
/// and re-taking it costs more than it frees.
const DETACH_BYTES: usize = 1 << 14;

/// Runs `work` on one text (a single-text call), without the GIL when it is long.
pub fn run_one<R: Send>(
    py: Python<'_>,
    text: &str,
    work: impl FnOnce(&str) -> R + Send,
) -> PyResult<R> {
    if text.len() >= DETACH_BYTES {
        py.detach(|| guard(|| work(text)))
    } else {
        guard(|| work(text))
    }
}

/// Reads a batch call's `texts` argument and maps `work` over the texts (a missing
/// value reads as empty text) like [`run_converted`]; `convert` gets each item.
pub fn run_texts<R, O, F, C>(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<Int>,
    progress: Option<&Bound<'_, PyAny>>,
    work: F,
    convert: C,
) -> PyResult<Vec<O>>
where
    R: Send,
    O: Send,
    F: Fn(&str) -> R + Sync + Send,
    C: FnMut(Python<'_>, &Option<PyBackedStr>, R) -> PyResult<O> + Send,
{
    let texts = text::extract_texts(texts, "texts")?;
    run_converted(
        py,
        &texts,
        n_threads,
        progress,
        |t| work(t.as_deref().unwrap_or("")),
        convert,
    )
}

/// Checks `n_threads` (None means every core).
/// More threads than this are capped (each has a stack and the cores are fewer).
const MAX_THREADS: usize = 1024;

/// Checks `n_threads` (None means every core); larger than [`MAX_THREADS`] is capped.
pub fn thread_count(n_threads: Option<Int>) -> PyResult<Option<usize>> {
    n_threads
        .map(|n| Ok(n.positive("n_threads")?.min(MAX_THREADS)))
        .transpose()
}

/// Maps `work` over `items` without the GIL, in input order. `progress` is the
/// user's `progress=` argument: falsy for none,
/// `True` for a tqdm bar, or a callable given `(done, total)` between chunks.
pub fn run<T, R, F>(
    py: Python<'_>,
    items: &[T],
    n_threads: Option<Int>,
    progress: Option<&Bound<'_, PyAny>>,
    work: F,
) -> PyResult<Vec<R>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    run_converted(py, items, n_threads, progress, work, |_, _, r| Ok(r))
}

/// Like [`run`], and `convert` turns each result into its Python value (given the
/// GIL and the item) while the worker threads already work on the next chunk:
/// building Python objects is serial, and overlapping it with the work is what
/// lets a batch go faster with more threads.
pub fn run_converted<T, R, O, F, C>(
    py: Python<'_>,
    items: &[T],
    n_threads: Option<Int>,
    progress: Option<&Bound<'_, PyAny>>,
    work: F,
    mut convert: C,
) -> PyResult<Vec<O>>
where
    T: Sync,
    R: Send,
    O: Send,
    F: Fn(&T) -> R + Sync + Send,
    C: FnMut(Python<'_>, &T, R) -> PyResult<O> + Send,
{
    let threads = thread_count(n_threads)?;
    let report = progress_callback(py, progress, items.len())?;
    let total = items.len();
    let mut out = Vec::with_capacity(total);
    let mut pending: Option<PyErr> = None;
    let result = py.detach(|| {
        guard(|| {
            parallel::for_each_chunk(items, threads, work, |start, part| {
                Python::attach(|py| {
                    let converted = items[start..].iter().zip(part).try_for_each(|(item, r)| {
                        out.push(convert(py, item, r)?);
                        Ok(())
                    });
                    let reported = converted.and_then(|()| match &report {
                        Some(callback) => callback.call1(py, (out.len(), total)).map(drop),
                        None => Ok(()),
                    });
                    match reported.and_then(|()| py.check_signals()) {
                        Ok(()) => false,
                        Err(e) => {
                            pending = Some(e);
                            true
                        }
                    }
                })
            })
        })
    })?;
    match result {
        Ok(()) => Ok(out),
        Err(BatchError::Interrupted) => {
            Err(pending.unwrap_or_else(|| batch_error(BatchError::Interrupted)))
        }
        Err(e) => Err(batch_error(e)),
    }
}

/// The callable to report progress to, if any.
fn progress_callback(
    py: Python<'_>,
    progress: Option<&Bound<'_, PyAny>>,
    total: usize,
) -> PyResult<Option<Py<PyAny>>> {
    let Some(progress) = progress else {
        return Ok(None);
    };
    if progress.is_callable() {
        return Ok(Some(progress.clone().unbind()));
    }
    // Only a bool means "a bar or not": any other value is a mistake, not a flag.
    if !progress.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "progress must be a bool, None or a callable (done, total), not {}",
            progress.get_type().name()?
        )));
    }
    if !progress.is_truthy()? {
        return Ok(None);
    }
    let bar = py
        .import("rapidtext._progress")?
        .call_method1("progress_bar", (total,))?;
    Ok(Some(bar.unbind()))
}

/// The number of threads a batch call uses when `n_threads` is None.
#[pyfunction]
pub fn default_threads() -> usize {
    parallel::default_threads()
}
