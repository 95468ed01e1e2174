//! Engine errors as Python exceptions, each subclassing the built-in a user
//! already catches.

use pyo3::exceptions::{PyKeyboardInterrupt, PyRuntimeError, PyValueError};
use pyo3::PyErr;

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

pub fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}
