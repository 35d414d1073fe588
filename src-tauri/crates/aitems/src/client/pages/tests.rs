//! `collect_pages` against an in-memory pager whose pages take controlled (virtual) times
//! and can fail.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use std::time::Duration;

use super::*;
use crate::client::MAX_TRAINS;

const LIMIT: usize = PAGE_LIMIT as usize;

/// Runs a future on a current-thread runtime whose clock is paused: sleeps advance
/// virtual time at once, so delays are exact and tests are quick.
fn run<T>(future: impl Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .unwrap()
        .block_on(future)
}

/// What the pager saw.
#[derive(Debug, Default)]
struct Log {
    /// Page numbers asked for, in the order they were asked for.
    asked: Vec<usize>,
    /// Requests being answered right now (asked, polled, not finished, not dropped).
    answering: usize,
    /// The most requests ever being answered at once.
    max_answering: usize,
}

/// An in-memory listing of `total` items (`0..total`), page `n` taking `delay(n)` and
/// failing when `failing` holds `n`.
struct Pager {
    total: usize,
    delay: fn(usize) -> Duration,
    failing: BTreeSet<usize>,
    log: Rc<RefCell<Log>>,
}

/// Counts a request as being answered until it finishes or is dropped (cancelled).
struct Answering(Rc<RefCell<Log>>);

impl Answering {
    fn start(log: &Rc<RefCell<Log>>) -> Self {
        let mut seen = log.borrow_mut();
        seen.answering += 1;
        seen.max_answering = seen.max_answering.max(seen.answering);
        Self(log.clone())
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        self.0.borrow_mut().answering -= 1;
    }
}

impl Pager {
    fn new(total: usize) -> Self {
        Self {
            total,
            delay: |_| Duration::from_millis(10),
            failing: BTreeSet::new(),
            log: Rc::default(),
        }
    }

    fn delay(mut self, delay: fn(usize) -> Duration) -> Self {
        self.delay = delay;
        self
    }

    fn failing(mut self, pages: &[usize]) -> Self {
        self.failing = pages.iter().copied().collect();
        self
    }

    /// The `fetch` function for `collect_pages`.
    fn fetch(
        &self,
    ) -> impl FnMut(u64) -> std::pin::Pin<Box<dyn Future<Output = Result<Vec<usize>>>>> {
        let (total, delay, failing, log) = (
            self.total,
            self.delay,
            self.failing.clone(),
            self.log.clone(),
        );
        move |offset| {
            let offset = usize::try_from(offset).unwrap();
            assert_eq!(offset % LIMIT, 0, "offsets are whole pages");
            let page = offset / LIMIT;
            log.borrow_mut().asked.push(page);
            let fails = failing.contains(&page);
            let log = log.clone();
            Box::pin(async move {
                let _answering = Answering::start(&log);
                tokio::time::sleep(delay(page)).await;
                if fails {
                    return Err(Error::ServiceUnavailable {
                        detail: ErrorDetail::default(),
                    });
                }
                let end = (offset + LIMIT).min(total);
                Ok((offset.min(end)..end).collect())
            })
        }
    }

    fn asked(&self) -> Vec<usize> {
        self.log.borrow().asked.clone()
    }
}

/// Pages that answer out of order: some later pages come back before earlier ones.
fn scrambled(page: usize) -> Duration {
    Duration::from_millis(5 + (page * 7919 % 13) as u64 * 10)
}

/// What `on_page` saw.
#[derive(Debug, Default)]
struct Seen {
    progress: Vec<Progress>,
    items: Vec<usize>,
    /// Requests asked for, minus pages taken before this one, at each call.
    outstanding: Vec<usize>,
    /// Virtual time the listing took.
    took: Duration,
}

/// Lists `pager` with `ahead`, recording every `on_page` call.
fn list(pager: &Pager, ahead: FetchAhead, max_items: usize) -> (Result<(Vec<usize>, usize)>, Seen) {
    let seen = RefCell::new(Seen::default());
    let log = pager.log.clone();
    let on_page = |progress: Progress, page: &[usize]| {
        let mut seen = seen.borrow_mut();
        seen.progress.push(progress);
        seen.items.extend_from_slice(page);
        let asked = log.borrow().asked.len();
        seen.outstanding.push(asked - (progress.pages - 1));
    };
    let (result, took) = run(async {
        let started = tokio::time::Instant::now();
        let result = collect_pages(max_items, ahead, on_page, pager.fetch()).await;
        (result, started.elapsed())
    });
    let mut seen = seen.into_inner();
    seen.took = took;
    (result, seen)
}

fn pages_for(total: usize) -> usize {
    total / LIMIT + 1
}

#[test]
fn pages_come_in_order_with_monotonic_progress_whatever_order_they_answer_in() {
    for total in [0, 1, 999, 1000, 1001, 2500, 10_000, 25_321] {
        let pager = Pager::new(total).delay(scrambled);
        let (result, seen) = list(&pager, FetchAhead::TRAINS, MAX_TRAINS);
        let (items, pages) = result.unwrap();
        assert_eq!(items, (0..total).collect::<Vec<_>>(), "{total}");
        assert_eq!(pages, pages_for(total), "{total}");
        assert_eq!(seen.items, items, "each page reported once, in order");
        let expected: Vec<Progress> = (1..=pages)
            .map(|page| Progress {
                pages: page,
                items: (page * LIMIT).min(total),
            })
            .collect();
        assert_eq!(seen.progress, expected, "{total}");
    }
}

#[test]
fn never_more_than_the_bound_in_flight_and_more_while_pages_come_back_full() {
    let pager = Pager::new(30_000);
    let (result, seen) = list(&pager, FetchAhead::TRAINS, MAX_TRAINS);
    assert_eq!(result.unwrap().1, 31);
    assert_eq!(
        seen.outstanding[0], FIRST_PAGES_IN_FLIGHT,
        "the listing starts with a few pages"
    );
    assert!(
        seen.outstanding.iter().all(|&n| n <= MAX_PAGES_IN_FLIGHT),
        "{:?}",
        seen.outstanding
    );
    assert_eq!(
        pager.log.borrow().max_answering,
        MAX_PAGES_IN_FLIGHT,
        "and grows to the bound"
    );
    let asked = pager.asked();
    assert_eq!(
        asked,
        (0..asked.len()).collect::<Vec<_>>(),
        "each page asked once"
    );
    assert!(asked.len() < 31 + MAX_PAGES_IN_FLIGHT, "{asked:?}");
}

#[test]
fn a_short_page_ends_the_listing_and_the_pages_past_it_are_dropped() {
    // The pages past the short one are slow: the listing must not wait for them.
    let pager =
        Pager::new(2500).delay(|page| Duration::from_millis(if page > 2 { 3_600_000 } else { 10 }));
    let (result, seen) = list(&pager, FetchAhead::TRAINS, MAX_TRAINS);
    let (items, pages) = result.unwrap();
    assert_eq!((items.len(), pages, seen.progress.len()), (2500, 3, 3));
    let asked = pager.asked();
    assert!(asked.len() > 3, "pages were asked for ahead: {asked:?}");
    assert!(asked.len() - 3 < MAX_PAGES_IN_FLIGHT, "{asked:?}");
    assert_eq!(pager.log.borrow().answering, 0, "the rest were cancelled");
    assert!(seen.took < Duration::from_secs(1), "{:?}", seen.took);

    let small = Pager::new(300);
    let (result, _) = list(&small, FetchAhead::TRAINS, MAX_TRAINS);
    assert_eq!(result.unwrap(), ((0..300).collect(), 1));
    assert_eq!(
        small.asked(),
        (0..FIRST_PAGES_IN_FLIGHT).collect::<Vec<_>>()
    );
}

#[test]
fn an_error_in_a_kept_page_fails_the_listing_without_waiting_for_later_pages() {
    let pager = Pager::new(10_000)
        .failing(&[2])
        .delay(|page| Duration::from_millis(if page > 2 { 3_600_000 } else { 10 }));
    let (result, seen) = list(&pager, FetchAhead::TRAINS, MAX_TRAINS);
    assert_eq!(result.unwrap_err().code(), "service_unavailable");
    assert_eq!(seen.progress.len(), 2, "the pages before it were reported");
    assert!(seen.took < Duration::from_secs(1), "{:?}", seen.took);
    assert_eq!(pager.log.borrow().answering, 0);
}

#[test]
fn an_error_past_the_short_page_is_ignored() {
    let pager = Pager::new(1500).failing(&[2, 3]);
    let (result, seen) = list(&pager, FetchAhead::TRAINS, MAX_TRAINS);
    assert_eq!(result.unwrap(), ((0..1500).collect(), 2));
    assert_eq!(seen.progress.len(), 2);
    assert!(pager.asked().contains(&2), "{:?}", pager.asked());
}

#[test]
fn sequential_asks_one_page_at_a_time() {
    let pager = Pager::new(3500).delay(scrambled);
    let (result, seen) = list(&pager, FetchAhead::SEQUENTIAL, MAX_TRAINS);
    assert_eq!(result.unwrap().1, 4);
    assert_eq!(pager.asked(), vec![0, 1, 2, 3]);
    assert!(seen.outstanding.iter().all(|&n| n == 1));
    assert_eq!(pager.log.borrow().max_answering, 1);
}

#[test]
fn stops_past_the_limit_without_asking_beyond_it() {
    let pager = Pager::new(50_000);
    let (result, _) = list(&pager, FetchAhead::TRAINS, 2000);
    assert_eq!(result.unwrap_err().code(), "too_many_results");
    assert!(
        pager.asked().iter().all(|&page| page * LIMIT <= 2000),
        "{:?}",
        pager.asked()
    );

    let (result, _) = list(&Pager::new(2000), FetchAhead::TRAINS, 2000);
    assert_eq!(result.unwrap().0.len(), 2000);
}

#[test]
fn refuses_oversized_pages() {
    let err = run(collect_pages(
        MAX_TRAINS,
        FetchAhead::TRAINS,
        |_, _| {},
        |_| std::future::ready(Ok(vec![0; LIMIT + 1])),
    ))
    .unwrap_err();
    assert_eq!(err.code(), "invalid_response");
}
