//! The thread pools behind every batch call.
//!
//! Pools are private to rapidtext (a user's own rayon work is not slowed or
//! deadlocked by ours), one per requested size, and rebuilt when the process id
//! changes: a child created by `fork()` inherits the pool's bookkeeping but not its
//! threads, and would hang waiting for them.

use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

struct Pools {
    pid: u32,
    by_size: HashMap<usize, Arc<ThreadPool>>,
}

static POOLS: Mutex<Option<Pools>> = Mutex::new(None);

/// Why a batch stopped before its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchError {
    /// `n_threads` was zero.
    NoThreads,
    /// The interrupt check asked to stop (e.g. Ctrl-C in Python).
    Interrupted,
    /// The pool could not be created.
    Pool(String),
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::NoThreads => write!(f, "n_threads must be at least 1"),
            BatchError::Interrupted => write!(f, "interrupted"),
            BatchError::Pool(e) => write!(f, "could not start worker threads: {e}"),
        }
    }
}

impl std::error::Error for BatchError {}

/// The number of threads `n_threads = None` means: every core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn pool(threads: usize) -> Result<Arc<ThreadPool>, BatchError> {
    let pid = std::process::id();
    let mut guard = POOLS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if guard.as_ref().is_some_and(|p| p.pid != pid) {
        // Inherited from the parent across fork(): its threads do not exist here,
        // so dropping the pools would wait on nothing. Leak them instead.
        if let Some(stale) = guard.take() {
            std::mem::forget(stale);
        }
    }
    let pools = guard.get_or_insert_with(|| Pools {
        pid,
        by_size: HashMap::new(),
    });
    if let Some(p) = pools.by_size.get(&threads) {
        return Ok(Arc::clone(p));
    }
    let built = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("rapidtext-{i}"))
        .build()
        .map_err(|e| BatchError::Pool(e.to_string()))?;
    let built = Arc::new(built);
    pools.by_size.insert(threads, Arc::clone(&built));
    Ok(built)
}

/// Items handled between two interrupt checks: large enough to keep every
/// thread busy, small enough that Ctrl-C answers within a fraction of a second.
fn chunk_len(items: usize, threads: usize) -> usize {
    (threads * 64).clamp(1, items.max(1))
}

/// Maps `work` over `items` on `n_threads` threads (`None`: all cores) and
/// returns the results in input order. `interrupted` is called on the calling
/// thread between chunks; when it returns true the batch stops.
pub fn map_ordered<T, R, F, I>(
    items: &[T],
    n_threads: Option<usize>,
    work: F,
    mut interrupted: I,
) -> Result<Vec<R>, BatchError>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
    I: FnMut() -> bool,
{
    map_chunked(items, n_threads, work, |_| interrupted())
}

/// Like [`map_ordered`], but `after_chunk` is told how many items are done
/// (for a progress report) and returns whether to stop.
pub fn map_chunked<T, R, F, C>(
    items: &[T],
    n_threads: Option<usize>,
    work: F,
    mut after_chunk: C,
) -> Result<Vec<R>, BatchError>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
    C: FnMut(usize) -> bool,
{
    let threads = n_threads.unwrap_or_else(default_threads);
    if threads == 0 {
        return Err(BatchError::NoThreads);
    }
    let pool = if threads > 1 && items.len() > 1 {
        Some(pool(threads)?)
    } else {
        None
    };
    let mut out = Vec::with_capacity(items.len());
    for chunk in items.chunks(chunk_len(items.len(), threads)) {
        match &pool {
            Some(pool) => {
                let part: Vec<R> =
                    pool.install(|| chunk.par_iter().with_max_len(1).map(&work).collect());
                out.extend(part);
            }
            None => out.extend(chunk.iter().map(&work)),
        }
        if after_chunk(out.len()) {
            return Err(BatchError::Interrupted);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_for_any_thread_count() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 3, 8] {
            let got = map_ordered(&items, Some(threads), |x| x * 2, || false).unwrap();
            assert_eq!(got, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn zero_threads_is_an_error() {
        assert_eq!(
            map_ordered(&[1], Some(0), |x| *x, || false),
            Err(BatchError::NoThreads)
        );
    }

    #[test]
    fn interrupt_stops_between_chunks() {
        let items: Vec<usize> = (0..10_000).collect();
        let mut checks = 0;
        let got = map_ordered(
            &items,
            Some(2),
            |x| *x,
            || {
                checks += 1;
                true
            },
        );
        assert_eq!(got, Err(BatchError::Interrupted));
        assert_eq!(checks, 1);
    }

    #[test]
    fn reports_progress_after_each_chunk() {
        let items: Vec<usize> = (0..1000).collect();
        let mut seen = Vec::new();
        let got = map_chunked(
            &items,
            Some(2),
            |x| *x,
            |done| {
                seen.push(done);
                false
            },
        );
        assert_eq!(got.unwrap().len(), 1000);
        assert_eq!(seen.last(), Some(&1000));
        assert!(seen.len() > 1 && seen.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn empty_batch() {
        let items: Vec<u8> = Vec::new();
        assert!(map_ordered(&items, None, |x| *x, || false)
            .unwrap()
            .is_empty());
    }
}
