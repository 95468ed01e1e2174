//! The Python face: the only code that knows about pyo3. Each file converts
//! arguments, calls the engine and converts results; no logic lives here.

mod arguments;
mod batch;
mod columns;
mod entities;
mod errors;
mod keywords;
mod pipeline;
mod sentence;
mod sentences;
mod text;

use pyo3::prelude::*;

#[pymodule]
fn _rapidtext(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(batch::default_threads, m)?)?;
    sentence::register(m)?;
    sentences::register(m)?;
    keywords::register(m)?;
    entities::register(m)?;
    pipeline::register(m)?;
    Ok(())
}
