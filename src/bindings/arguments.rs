//! Integer arguments of any size. pyo3 turns an int beyond 64 bits into an
//! OverflowError that names no argument and is no ValueError; `Int` keeps the
//! overflow so the check that knows the argument's name raises a ValueError naming it.

use pyo3::exceptions::{PyOverflowError, PyValueError};
use pyo3::prelude::*;

/// A Python int argument: its value, or which way it overflowed 64 bits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Int {
    Fits(i64),
    TooLarge,
    TooSmall,
}

impl<'a, 'py> FromPyObject<'a, 'py> for Int {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match obj.extract::<i64>() {
            Ok(value) => Ok(Int::Fits(value)),
            Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => Ok(if obj.gt(0)? {
                Int::TooLarge
            } else {
                Int::TooSmall
            }),
            Err(e) => Err(e),
        }
    }
}

impl std::fmt::Display for Int {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Int::Fits(value) => write!(f, "{value}"),
            Int::TooLarge => f.write_str("a number beyond 64 bits"),
            Int::TooSmall => f.write_str("a negative number beyond 64 bits"),
        }
    }
}

impl Int {
    /// The value if it lies in `min..=max`, else a ValueError naming `name`.
    pub fn within(self, name: &str, min: i64, max: i64) -> PyResult<i64> {
        match self {
            Int::Fits(value) if (min..=max).contains(&value) => Ok(value),
            _ if max == i64::MAX => Err(PyValueError::new_err(format!(
                "{name} must be an integer >= {min}, got {self}"
            ))),
            _ => Err(PyValueError::new_err(format!(
                "{name} must be an integer from {min} to {max}, got {self}"
            ))),
        }
    }

    /// The value as a positive count, else a ValueError naming `name`.
    pub fn positive(self, name: &str) -> PyResult<usize> {
        let value = self.within(name, 1, i64::MAX)?;
        Ok(usize::try_from(value).unwrap_or(usize::MAX))
    }
}
