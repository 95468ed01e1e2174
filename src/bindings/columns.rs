//! Long-format results as columns: numpy arrays built in Rust and moved to
//! Python without a copy, so a DataFrame of a million spans costs no Python
//! object per span except its text.

use numpy::IntoPyArray;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use super::text::char_spans;
use crate::text::Span;

/// Rows of spans from many documents, one column per field.
#[derive(Default)]
pub struct SpanColumns {
    doc: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    texts: Vec<(usize, Span)>,
}

impl SpanColumns {
    /// Appends the spans of document number `doc`, converting to code points.
    pub fn push_doc(&mut self, doc: usize, text: &str, spans: &[Span]) {
        let chars = char_spans(text, spans.iter().copied());
        for (span, (s, e)) in spans.iter().zip(chars) {
            self.doc.push(doc as i64);
            self.start.push(s as i64);
            self.end.push(e as i64);
            self.texts.push((doc, *span));
        }
    }

    /// `{"doc", "start", "end": int64 arrays, "text": list[str]}`; `source(doc)` gives each document's text.
    pub fn into_dict<'py, 'a>(
        self,
        py: Python<'py>,
        source: impl Fn(usize) -> &'a str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        let texts = PyList::empty(py);
        for (doc, span) in &self.texts {
            texts.append(PyString::new(py, span.of(source(*doc))))?;
        }
        out.set_item("doc", self.doc.into_pyarray(py))?;
        out.set_item("start", self.start.into_pyarray(py))?;
        out.set_item("end", self.end.into_pyarray(py))?;
        out.set_item("text", texts)?;
        Ok(out)
    }
}
