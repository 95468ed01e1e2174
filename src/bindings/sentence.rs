//! `Sentence`, the object made for every sentence found, as a plain CPython type.
//!
//! A splitter call makes one object per sentence, so their cost weighs on every call.
//! A `#[pyclass]` instance is made through `object.__new__` and joins the cycle
//! collector; this type is allocated directly and stays out of the collector (a
//! `Sentence` holds one `str` and integers, so it can be part of no cycle, and making
//! millions of them triggers no collections). Like `re.Match`, it keeps the `str` it
//! was found in and slices its text when asked: one object per sentence, not two.

use std::ffi::{c_int, c_void, CStr};
use std::mem::{offset_of, size_of};
use std::ptr;

use pyo3::exceptions::PyRuntimeError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyString, PyTuple, PyType};

use super::errors::{guard, value_error};
use super::text;

#[repr(C)]
struct SentenceObject {
    ob_base: ffi::PyObject,
    /// The `str` the sentence was found in, or its own text when built directly
    /// (a strong reference).
    source: *mut ffi::PyObject,
    /// Where the sentence begins in `source`, in code points.
    offset: ffi::Py_ssize_t,
    start: ffi::Py_ssize_t,
    end: ffi::Py_ssize_t,
}

static SENTENCE_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// What `Sentence(text, start, end)` calls: pyo3 reads and checks the arguments.
static CONSTRUCTOR: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The sentence `source[offset:offset + end - start]`, found at `start..end` (code points).
pub fn new_sentence<'py>(
    source: &Bound<'py, PyString>,
    offset: usize,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let py = source.py();
    let kind = initialised(&SENTENCE_TYPE, py)?;
    let (offset, start, end) = (ssize(offset)?, ssize(start)?, ssize(end)?);
    // SAFETY: the type is a live heap type of `SentenceObject`'s size. Its generic alloc
    // returns a zeroed object with the type and one reference set (NULL with an
    // exception on failure); the fields are then written before anything can read them.
    unsafe {
        let obj = ffi::PyType_GenericAlloc(kind.bind(py).as_type_ptr(), 0);
        let obj = Bound::from_owned_ptr_or_err(py, obj)?;
        let sentence = obj.as_ptr().cast::<SentenceObject>();
        (*sentence).source = source.clone().into_ptr();
        (*sentence).offset = offset;
        (*sentence).start = start;
        (*sentence).end = end;
        Ok(obj)
    }
}

/// What `register` stored (always done when the module was imported).
fn initialised<'a, T>(cell: &'a PyOnceLock<T>, py: Python<'_>) -> PyResult<&'a T> {
    cell.get(py)
        .ok_or_else(|| PyRuntimeError::new_err("rapidtext's Sentence type is not initialised"))
}

fn ssize(i: usize) -> PyResult<ffi::Py_ssize_t> {
    ffi::Py_ssize_t::try_from(i).map_err(|_| value_error("text is too long"))
}

/// `Sentence(text, start, end)`: a sentence built by hand (tests, unpickling).
#[pyfunction]
#[pyo3(name = "Sentence")]
fn construct<'py>(
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyAny>> {
    text::check_unicode(text, "text")?;
    let chars = text.len()?;
    if end.checked_sub(start) != Some(chars) {
        return Err(value_error(format!(
            "a Sentence's text must be end - start code points long; \
             got {chars} code points for start={start}, end={end}"
        )));
    }
    new_sentence(text, 0, start, end)
}

/// The fields of a live `Sentence`.
///
/// # Safety
/// `obj` must point to a live object of the `Sentence` type.
unsafe fn fields<'a>(obj: *mut ffi::PyObject) -> &'a SentenceObject {
    unsafe { &*obj.cast::<SentenceObject>() }
}

/// The sentence's text, sliced from its source.
fn text_of<'py>(py: Python<'py>, s: &SentenceObject) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: `source` is a live `str` and the bounds lie inside it (both kinds of
    // construction guarantee it); the call returns a new `str` or NULL with an exception.
    unsafe {
        let piece = ffi::PyUnicode_Substring(s.source, s.offset, s.offset + (s.end - s.start));
        Ok(Bound::from_owned_ptr_or_err(py, piece)?.cast_into_unchecked::<PyString>())
    }
}

/// Runs a slot's body, turning an error into a raised exception (returning `failed`)
/// and a panic into a `RuntimeError`.
///
/// # Safety
/// Must be called from a CPython slot, which holds the interpreter.
unsafe fn slot<R>(failed: R, body: impl FnOnce(Python<'_>) -> PyResult<R>) -> R {
    // SAFETY: CPython calls slots with the thread attached to the interpreter.
    let py = unsafe { Python::assume_attached() };
    match guard(|| body(py)).and_then(|r| r) {
        Ok(r) => r,
        Err(e) => {
            e.restore(py);
            failed
        }
    }
}

unsafe extern "C" fn dealloc(obj: *mut ffi::PyObject) {
    // SAFETY: CPython deallocates a `Sentence` once, when its last reference goes: the
    // source reference it owns is released, then its memory and its reference to its
    // (heap) type, as `PyType_GenericAlloc` took them.
    unsafe {
        let kind = ffi::Py_TYPE(obj);
        ffi::Py_DECREF(fields(obj).source);
        ffi::PyObject_Free(obj.cast());
        ffi::Py_DECREF(kind.cast());
    }
}

unsafe extern "C" fn new(
    _kind: *mut ffi::PyTypeObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: `args` is a tuple and `kwargs` a dict or NULL, as for every `tp_new`; the
    // type is final, so `_kind` is always `Sentence`.
    unsafe {
        slot(ptr::null_mut(), |py| {
            let args = Bound::from_borrowed_ptr(py, args).cast_into_unchecked::<PyTuple>();
            let kwargs = Bound::from_borrowed_ptr_or_opt(py, kwargs)
                .map(|k| k.cast_into_unchecked::<PyDict>());
            let constructor = initialised(&CONSTRUCTOR, py)?;
            Ok(constructor.bind(py).call(args, kwargs.as_ref())?.into_ptr())
        })
    }
}

unsafe extern "C" fn get_text(obj: *mut ffi::PyObject, _: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: CPython calls the getter on a live `Sentence`.
    unsafe {
        slot(ptr::null_mut(), |py| {
            Ok(text_of(py, fields(obj))?.into_ptr())
        })
    }
}

unsafe extern "C" fn repr(obj: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: as in `get_text`.
    unsafe {
        slot(ptr::null_mut(), |py| {
            let s = fields(obj);
            let text = text_of(py, s)?.repr()?;
            let repr = format!("Sentence(start={}, end={}, text={text})", s.start, s.end);
            Ok(PyString::new(py, &repr).into_ptr())
        })
    }
}

unsafe extern "C" fn hash(obj: *mut ffi::PyObject) -> ffi::Py_hash_t {
    // SAFETY: as in `get_text`.
    unsafe {
        slot(-1, |py| {
            let s = fields(obj);
            (text_of(py, s)?, s.start, s.end).into_pyobject(py)?.hash()
        })
    }
}

unsafe extern "C" fn richcompare(
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
    op: c_int,
) -> *mut ffi::PyObject {
    // SAFETY: `a` is a live `Sentence`; `b` is read as one only once its type says so.
    unsafe {
        slot(ptr::null_mut(), |py| {
            if ffi::Py_TYPE(b) != ffi::Py_TYPE(a) || !matches!(op, ffi::Py_EQ | ffi::Py_NE) {
                return Ok(py.NotImplemented().into_ptr());
            }
            let (x, y) = (fields(a), fields(b));
            let same = x.start == y.start
                && x.end == y.end
                && ((x.source == y.source && x.offset == y.offset)
                    || text_of(py, x)?.as_any().eq(text_of(py, y)?)?);
            Ok(PyBool::new(py, same == (op == ffi::Py_EQ))
                .to_owned()
                .into_ptr())
        })
    }
}

unsafe extern "C" fn reduce(obj: *mut ffi::PyObject, _: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: as in `get_text`; the type pointer is borrowed from the live object.
    unsafe {
        slot(ptr::null_mut(), |py| {
            let s = fields(obj);
            let kind = Bound::from_borrowed_ptr(py, ffi::Py_TYPE(obj).cast());
            let args = (text_of(py, s)?, s.start, s.end);
            Ok((kind, args).into_pyobject(py)?.into_ptr())
        })
    }
}

const DOC: &CStr = c"Sentence(text, start, end)\n--\n\n\
One sentence of a text: ``text[start:end] == sentence.text`` (code points).\n\n\
A sentence refers to the text it was found in, as ``re.Match`` does, and slices\n\
its ``text`` from it when asked.";

fn read_only_index(name: &'static CStr, offset: usize, doc: &'static CStr) -> ffi::PyMemberDef {
    ffi::PyMemberDef {
        name: name.as_ptr(),
        type_code: ffi::Py_T_PYSSIZET,
        offset: offset as ffi::Py_ssize_t,
        flags: ffi::Py_READONLY,
        doc: doc.as_ptr(),
    }
}

fn create_type(py: Python<'_>) -> PyResult<Py<PyType>> {
    // The type keeps pointers to these tables for the life of the process.
    let members: &'static mut [ffi::PyMemberDef] = Box::leak(Box::new([
        read_only_index(
            c"start",
            offset_of!(SentenceObject, start),
            c"Index of the sentence's first code point in the text.",
        ),
        read_only_index(
            c"end",
            offset_of!(SentenceObject, end),
            c"Index just past the sentence's last code point in the text.",
        ),
        ffi::PyMemberDef::default(),
    ]));
    let getters: &'static mut [ffi::PyGetSetDef] = Box::leak(Box::new([
        ffi::PyGetSetDef {
            name: c"text".as_ptr(),
            get: Some(get_text),
            set: None,
            doc: c"The sentence's text, ``text[start:end]``.".as_ptr(),
            closure: ptr::null_mut(),
        },
        ffi::PyGetSetDef::default(),
    ]));
    let methods: &'static mut [ffi::PyMethodDef] = Box::leak(Box::new([
        ffi::PyMethodDef {
            ml_name: c"__reduce__".as_ptr(),
            ml_meth: ffi::PyMethodDefPointer {
                PyCFunction: reduce,
            },
            ml_flags: ffi::METH_NOARGS,
            ml_doc: c"Pickles the sentence as its text and offsets.".as_ptr(),
        },
        ffi::PyMethodDef::zeroed(),
    ]));
    let entry = |slot: c_int, pfunc: *mut c_void| ffi::PyType_Slot { slot, pfunc };
    let mut slots = [
        entry(ffi::Py_tp_doc, DOC.as_ptr() as *mut c_void),
        entry(ffi::Py_tp_dealloc, dealloc as *mut c_void),
        entry(ffi::Py_tp_new, new as *mut c_void),
        entry(ffi::Py_tp_repr, repr as *mut c_void),
        entry(ffi::Py_tp_hash, hash as *mut c_void),
        entry(ffi::Py_tp_richcompare, richcompare as *mut c_void),
        entry(ffi::Py_tp_members, members.as_mut_ptr().cast()),
        entry(ffi::Py_tp_getset, getters.as_mut_ptr().cast()),
        entry(ffi::Py_tp_methods, methods.as_mut_ptr().cast()),
        entry(0, ptr::null_mut()),
    ];
    let mut spec = ffi::PyType_Spec {
        name: c"rapidtext._rapidtext.Sentence".as_ptr(),
        basicsize: c_int::try_from(size_of::<SentenceObject>()).expect("a small struct"),
        itemsize: 0,
        // Not a base type: nothing can subclass it (a subclass would need the collector).
        flags: ffi::Py_TPFLAGS_DEFAULT as _,
        slots: slots.as_mut_ptr(),
    };
    // SAFETY: the spec and its slot array are complete and live for the call; the
    // tables it points to are leaked, so live as long as the type.
    let kind = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyType_FromSpec(&mut spec))? };
    Ok(kind.cast_into::<PyType>()?.unbind())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let kind = SENTENCE_TYPE.get_or_try_init(py, || create_type(py))?;
    CONSTRUCTOR.get_or_try_init(py, || {
        wrap_pyfunction!(construct, m).map(|f| f.into_any().unbind())
    })?;
    m.add("Sentence", kind.bind(py))
}
