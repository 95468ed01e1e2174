//! Reading text arguments: clear errors for wrong types and lone surrogates,
//! and the one place where byte offsets become Python code-point offsets.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyFloat, PyString};

use crate::text::{CharOffsets, Span};

/// `obj` as UTF-8 text; `what` names the argument in error messages ("text", "texts[3]").
pub fn extract_text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<PyBackedStr> {
    let s = obj
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be str, not {}", type_name(obj))))?;
    PyBackedStr::try_from(s.clone()).map_err(|_| surrogate_error(s, what))
}

/// Checks that a str held as is (a value class's field) is valid Unicode.
pub fn check_unicode(s: &Bound<'_, PyString>, what: &str) -> PyResult<()> {
    s.to_str().map(drop).map_err(|_| surrogate_error(s, what))
}

/// The texts of a batch argument; `None` where the input had a missing value.
pub type Texts = Vec<Option<PyBackedStr>>;

/// Every item of an iterable of str (a list, generator, pandas or polars
/// Series, ...), named `arg[i]` in errors. Missing values (None, NaN, pandas
/// NA/NaT) come back as `None`: a data-science column with gaps is normal input.
pub fn extract_texts(obj: &Bound<'_, PyAny>, arg: &str) -> PyResult<Texts> {
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(format!(
            "{arg} must be an iterable of str (e.g. a list), not a single {}",
            type_name(obj)
        )));
    }
    // Iterating a table gives its column names, which would be analysed silently.
    if type_name(obj) == "DataFrame" {
        return Err(PyTypeError::new_err(format!(
            "{arg} must be an iterable of str such as one column (df[\"text\"]), not a whole DataFrame"
        )));
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{arg} must be an iterable of str, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::with_capacity(obj.len().unwrap_or(0));
    for (i, item) in iter.enumerate() {
        let item = item?;
        if is_missing(&item) {
            out.push(None);
        } else {
            out.push(Some(extract_text(&item, &format!("{arg}[{i}]"))?));
        }
    }
    Ok(out)
}

/// Every item of an iterable of str, none missing (for word lists and options).
pub fn extract_strings(obj: &Bound<'_, PyAny>, arg: &str) -> PyResult<Vec<String>> {
    extract_texts(obj, arg)?
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            s.map(|s| s.to_string()).ok_or_else(|| {
                PyTypeError::new_err(format!("{arg}[{i}] must be str, not a missing value"))
            })
        })
        .collect()
}

/// None, a float NaN, or pandas' NA/NaT.
fn is_missing(item: &Bound<'_, PyAny>) -> bool {
    if item.is_none() {
        return true;
    }
    if let Ok(f) = item.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    item.get_type()
        .name()
        .is_ok_and(|n| n.to_str().is_ok_and(|n| n == "NAType" || n == "NaTType"))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "object".to_string(), |n| n.to_string())
}

/// A str that is not valid Unicode (a lone surrogate): say where.
fn surrogate_error(s: &Bound<'_, PyString>, what: &str) -> PyErr {
    let index = s
        .call_method1("encode", ("utf-32-le", "surrogatepass"))
        .ok()
        .and_then(|b| b.cast_into::<PyBytes>().ok())
        .and_then(|b| {
            b.as_bytes().chunks_exact(4).position(|c| {
                (0xD800..0xE000).contains(&u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            })
        });
    match index {
        Some(i) => PyValueError::new_err(format!(
            "{what} contains a lone surrogate at index {i}, which is not valid Unicode; \
             clean it first, e.g. with .encode('utf-8', 'replace').decode('utf-8')"
        )),
        None => PyValueError::new_err(format!("{what} is not valid Unicode")),
    }
}

/// Converts the byte spans of one text (mostly increasing) to code-point spans.
pub fn char_spans(text: &str, spans: impl IntoIterator<Item = Span>) -> Vec<(usize, usize)> {
    let mut offsets = CharOffsets::new(text);
    spans
        .into_iter()
        .map(|s| {
            let start = offsets.char_index(s.start);
            (start, offsets.char_index(s.end))
        })
        .collect()
}
