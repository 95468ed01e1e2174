//! Engine errors as Python exceptions, each subclassing the built-in a user
//! already catches.

use pyo3::exceptions::{PyKeyboardInterrupt, PyRuntimeError, PyValueError};
use pyo3::{PyErr, PyResult};

use crate::parallel::BatchError;

pub fn batch_error(e: BatchError) -> PyErr {
    match e {
        BatchError::NoThreads => {
            PyValueError::new_err("n_threads must be a positive integer or None")
        }
        BatchError::Interrupted => PyKeyboardInterrupt::new_err("batch interrupted"),
        BatchError::Pool(msg) => PyRuntimeError::new_err(msg),
    }
}

/// Runs engine code, turning a panic (a bug, never expected) into a `RuntimeError`
/// that `except Exception` catches, instead of pyo3's `PanicException`.
pub fn guard<R>(work: impl FnOnce() -> R) -> PyResult<R> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|payload| {
        let why = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        PyRuntimeError::new_err(format!(
            "rapidtext internal error ({why}); please report it"
        ))
    })
}

pub fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}
