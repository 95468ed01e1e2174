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
use std::time::{Duration, Instant};

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

/// How long one chunk of a batch should take: long enough that handing it to the
/// pool costs little next to the work, short enough that Ctrl-C (checked between
/// chunks) answers within a fraction of a second.
const CHUNK_TIME: Duration = Duration::from_millis(5);

/// Picks chunk lengths from the time the previous chunk took, since the cost of an
/// item is unknown here (a batch may hold tweets or whole books). A fixed count
/// made chunks of short texts so small that two threads ran slower than one.
struct ChunkSizer {
    len: usize,
    threads: usize,
}

impl ChunkSizer {
    fn new(threads: usize) -> Self {
        // One item per thread first: a batch of a few huge texts still checks Ctrl-C
        // early, and growing 4x a step reaches thousands of short texts quickly.
        ChunkSizer {
            len: threads,
            threads,
        }
    }

    /// Cuts the next chunk off the front of `rest`.
    fn cut<'a, T>(&self, rest: &mut &'a [T]) -> &'a [T] {
        let (chunk, tail) = rest.split_at(self.len.min(rest.len()));
        *rest = tail;
        chunk
    }

    /// Learns from a chunk of `items` that took `took`; grows at most 4x a step so
    /// one fast chunk cannot make the next one huge.
    fn update(&mut self, items: usize, took: Duration) {
        let per_item = took.as_nanos().max(1) / items.max(1) as u128;
        let fits = (CHUNK_TIME.as_nanos() / per_item.max(1)) as usize;
        self.len = fits.clamp(self.threads, self.len.saturating_mul(4));
    }
}

fn timed<R>(work: impl FnOnce() -> R) -> (R, Duration) {
    let start = Instant::now();
    let out = work();
    (out, start.elapsed())
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
    let mut out = Vec::with_capacity(items.len());
    for_each_chunk(items, n_threads, work, |_, part| {
        out.extend(part);
        after_chunk(out.len())
    })?;
    Ok(out)
}

/// Maps `work` over `items` on `n_threads` threads (`None`: all cores), one chunk
/// at a time, and hands each chunk's results (in input order, with the index of
/// the chunk's first item) to `take` on the calling thread; `take` returns whether
/// to stop. The pool already works on the next chunk while `take` runs, so a
/// caller that spends time on each result (building Python objects under the GIL)
/// overlaps that with the work instead of adding to it.
pub fn for_each_chunk<T, R, F, C>(
    items: &[T],
    n_threads: Option<usize>,
    work: F,
    mut take: C,
) -> Result<(), BatchError>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
    C: FnMut(usize, Vec<R>) -> bool,
{
    let threads = n_threads.unwrap_or_else(default_threads);
    if threads == 0 {
        return Err(BatchError::NoThreads);
    }
    let mut sizer = ChunkSizer::new(threads);
    let mut rest = items;
    let mut start = 0;
    if threads == 1 || items.len() <= 1 {
        while !rest.is_empty() {
            let chunk = sizer.cut(&mut rest);
            let (part, took) = timed(|| chunk.iter().map(&work).collect());
            sizer.update(chunk.len(), took);
            if take(start, part) {
                return Err(BatchError::Interrupted);
            }
            start += chunk.len();
        }
        return Ok(());
    }
    let pool = pool(threads)?;
    let run = |chunk: &[T]| timed(|| chunk.par_iter().map(&work).collect::<Vec<R>>());
    let first = sizer.cut(&mut rest);
    if first.is_empty() {
        return Ok(());
    }
    let mut ready = (first.len(), pool.install(|| run(first)));
    loop {
        let (len, (results, took)) = ready;
        sizer.update(len, took);
        let upcoming = sizer.cut(&mut rest);
        let mut next = None;
        // The calling thread is not one of the pool's: it runs `take` while the
        // spawned job fills `next`, and the scope waits for that job at its end.
        let stop = pool.in_place_scope(|scope| {
            if !upcoming.is_empty() {
                let next = &mut next;
                let run = &run;
                scope.spawn(move |_| *next = Some((upcoming.len(), run(upcoming))));
            }
            take(start, results)
        });
        if stop {
            return Err(BatchError::Interrupted);
        }
        start += len;
        match next {
            Some(n) => ready = n,
            None => return Ok(()),
        }
    }
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
    fn chunks_arrive_in_order_with_their_first_index() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 3] {
            let mut seen = Vec::new();
            for_each_chunk(
                &items,
                Some(threads),
                |x| x + 1,
                |start, part| {
                    assert_eq!(start, seen.len());
                    seen.extend(part);
                    false
                },
            )
            .unwrap();
            assert_eq!(seen, (1..=1000).collect::<Vec<_>>());
        }
    }

    #[test]
    fn chunks_grow_towards_the_target_time_and_stay_at_least_one_per_thread() {
        let mut sizer = ChunkSizer::new(2);
        assert_eq!(sizer.len, 2);
        sizer.update(2, Duration::from_micros(2));
        assert_eq!(sizer.len, 8, "fast items: grow, at most 4x");
        sizer.update(128, CHUNK_TIME * 64);
        assert_eq!(sizer.len, 2, "slow items: shrink, not below one per thread");
        let items = [1, 2, 3];
        let mut rest = &items[..];
        assert_eq!(sizer.cut(&mut rest), &[1, 2]);
        assert_eq!(sizer.cut(&mut rest), &[3]);
        assert!(sizer.cut(&mut rest).is_empty());
    }

    #[test]
    fn empty_batch() {
        let items: Vec<u8> = Vec::new();
        assert!(map_ordered(&items, None, |x| *x, || false)
            .unwrap()
            .is_empty());
    }
}
