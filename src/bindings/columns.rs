//! Long-format results as columns: numpy arrays built in Rust and moved to
//! Python without a copy, so a DataFrame of a million spans costs no Python
//! object per span except its text.

use numpy::IntoPyArray;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use super::text::char_spans;
use crate::text::Span;

/// Where a row's `text` comes from.
enum RowText {
    /// A byte span of document number `.0` (sentences, entities: the span itself).
    Slice(usize, Span),
    /// Text made by the engine (a keyword's written form).
    Given(String),
}

/// Rows of spans from many documents, one column per field.
#[derive(Default)]
pub struct SpanColumns {
    doc: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    texts: Vec<RowText>,
}

impl SpanColumns {
    /// Appends the spans of document number `doc`, converting to code points;
    /// each row's text is its span of `text`.
    pub fn push_doc(&mut self, doc: usize, text: &str, spans: &[Span]) {
        self.push_offsets(doc, text, spans);
        self.texts
            .extend(spans.iter().map(|span| RowText::Slice(doc, *span)));
    }

    /// Appends rows of document number `doc` placed at `spans` of `text` whose
    /// text column is `shown` (one string per span).
    pub fn push_given(&mut self, doc: usize, text: &str, spans: &[Span], shown: Vec<String>) {
        debug_assert_eq!(spans.len(), shown.len());
        self.push_offsets(doc, text, spans);
        self.texts.extend(shown.into_iter().map(RowText::Given));
    }

    fn push_offsets(&mut self, doc: usize, text: &str, spans: &[Span]) {
        for (s, e) in char_spans_any_order(text, spans) {
            self.doc.push(doc as i64);
            self.start.push(s as i64);
            self.end.push(e as i64);
        }
    }

    /// `{"doc", "start", "end": int64 arrays, "text": list[str]}`; `source(doc)` gives
    /// each document's text. Callers add their own columns to the dict.
    pub fn into_dict<'py, 'a>(
        self,
        py: Python<'py>,
        source: impl Fn(usize) -> &'a str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        let texts = PyList::empty(py);
        for row in &self.texts {
            let piece = match row {
                RowText::Slice(doc, span) => span.of(source(*doc)),
                RowText::Given(shown) => shown.as_str(),
            };
            texts.append(PyString::new(py, piece))?;
        }
        out.set_item("doc", self.doc.into_pyarray(py))?;
        out.set_item("start", self.start.into_pyarray(py))?;
        out.set_item("end", self.end.into_pyarray(py))?;
        out.set_item("text", texts)?;
        Ok(out)
    }
}

/// Code-point offsets of `spans`, which need not be in text order (keywords come best
/// first): the byte -> code-point walk is linear only over spans in text order, so
/// they are converted in that order and put back.
fn char_spans_any_order(text: &str, spans: &[Span]) -> Vec<(usize, usize)> {
    if spans.windows(2).all(|w| w[0].start <= w[1].start) {
        return char_spans(text, spans.iter().copied());
    }
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].start);
    let mut rows = vec![(0, 0); spans.len()];
    for (&i, offsets) in order
        .iter()
        .zip(char_spans(text, order.iter().map(|&i| spans[i])))
    {
        rows[i] = offsets;
    }
    rows
}
