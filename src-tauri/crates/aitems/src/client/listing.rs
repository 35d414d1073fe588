//! Listing training requests and services, one page or every page.

use std::future::Future;

use super::endpoint::{check_service_id, check_train_type, check_version};
use super::Client;
use crate::error::{Error, Result};
use crate::model::{Service, ServicesPage, Train, TrainType, TrainsPage};

/// The largest page asked for (no larger maximum is documented).
pub const PAGE_LIMIT: u32 = 1000;
/// The most trainings one listing loads before it stops with `TooManyResults`.
pub const MAX_TRAINS: usize = 100_000;

/// Which page of trainings to ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrainsQuery {
    /// How many to skip.
    pub offset: u64,
    /// How many at most (1 to 1000).
    pub limit: u32,
    /// Only the latest training of each type (`isRecent=true`).
    pub recent: bool,
}

impl Default for TrainsQuery {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: PAGE_LIMIT,
            recent: false,
        }
    }
}

/// How far a listing of every page has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Pages received so far.
    pub pages: usize,
    /// Items received so far.
    pub items: usize,
}

/// Every training of a service, and how many pages it took.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainListing {
    /// The trainings in the server's order.
    pub trains: Vec<Train>,
    /// How many pages were fetched.
    pub pages: usize,
}

impl Client {
    /// One page of a service's trainings.
    ///
    /// # Errors
    /// `InvalidInput` for a bad service id or limit, else whatever the request meets.
    pub async fn trains_page(&self, service_id: &str, query: TrainsQuery) -> Result<TrainsPage> {
        let service_id = check_service_id(service_id)?;
        if !(1..=PAGE_LIMIT).contains(&query.limit) {
            return Err(Error::invalid_input(format!(
                "The page size must be between 1 and {PAGE_LIMIT}."
            )));
        }
        let mut params = vec![
            ("offset", query.offset.to_string()),
            ("limit", query.limit.to_string()),
        ];
        if query.recent {
            params.push(("isRecent", "true".to_owned()));
        }
        let path = format!("/api/v1/services/{service_id}/trains");
        self.get_json(&path, &params, &format!("Service `{service_id}`"))
            .await
    }

    /// Every training of a service: pages of 1000 until a short page. After each page,
    /// in order, `on_page` gets the progress so far and that page's trainings.
    ///
    /// # Errors
    /// `TooManyResults` past [`MAX_TRAINS`], else as [`Client::trains_page`].
    pub async fn all_trains(
        &self,
        service_id: &str,
        recent: bool,
        on_page: impl FnMut(Progress, &[Train]) + Send,
    ) -> Result<TrainListing> {
        let (trains, pages) = collect_pages(MAX_TRAINS, on_page, |offset| async move {
            let query = TrainsQuery {
                offset,
                limit: PAGE_LIMIT,
                recent,
            };
            Ok(self.trains_page(service_id, query).await?.trains)
        })
        .await?;
        Ok(TrainListing { trains, pages })
    }

    /// Every service the keys can see.
    ///
    /// # Errors
    /// Whatever the requests meet.
    pub async fn all_services(&self) -> Result<Vec<Service>> {
        let (services, _) = collect_pages(
            MAX_TRAINS,
            |_, _| {},
            |offset| async move {
                let params = [
                    ("offset", offset.to_string()),
                    ("limit", PAGE_LIMIT.to_string()),
                ];
                let page: ServicesPage = self
                    .get_json("/api/v1/services", &params, "The service list")
                    .await?;
                Ok(page.services)
            },
        )
        .await?;
        Ok(services)
    }

    /// One training by type and version.
    ///
    /// # Errors
    /// `InvalidInput` for bad ids, `NotFound` when it does not exist.
    pub async fn train(
        &self,
        service_id: &str,
        train_type: &TrainType,
        version: &str,
    ) -> Result<Train> {
        let service_id = check_service_id(service_id)?;
        let train_type = check_train_type(train_type)?;
        let version = check_version(version)?;
        let path = format!("/api/v1/services/{service_id}/trains/{train_type}/versions/{version}");
        self.get_json(&path, &[], &format!("Training `{version}`"))
            .await
    }
}

/// Fetches pages of `PAGE_LIMIT` from offset 0 until a short page.
async fn collect_pages<T, F, Fut>(
    max_items: usize,
    mut on_page: impl FnMut(Progress, &[T]),
    mut fetch: F,
) -> Result<(Vec<T>, usize)>
where
    F: FnMut(u64) -> Fut,
    Fut: Future<Output = Result<Vec<T>>>,
{
    let limit = PAGE_LIMIT as usize;
    let mut items = Vec::new();
    let mut pages = 0;
    loop {
        let page = fetch(items.len() as u64).await?;
        let count = page.len();
        if count > limit {
            return Err(Error::InvalidResponse {
                reason: format!(
                    "a page held {count} items although at most {limit} were asked for"
                ),
                detail: crate::error::ErrorDetail::default(),
            });
        }
        let start = items.len();
        items.extend(page);
        pages += 1;
        if items.len() > max_items {
            return Err(Error::TooManyResults { limit: max_items });
        }
        on_page(
            Progress {
                pages,
                items: items.len(),
            },
            &items[start..],
        );
        if count < limit {
            return Ok((items, pages));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run<T>(future: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(future)
    }

    fn pager(total: usize) -> impl FnMut(u64) -> std::future::Ready<Result<Vec<usize>>> {
        move |offset| {
            let start = offset as usize;
            let end = (start + PAGE_LIMIT as usize).min(total);
            std::future::ready(Ok((start.min(end)..end).collect()))
        }
    }

    #[test]
    fn pages_until_a_short_page_and_reports_progress() {
        for (total, expected_pages) in [(0, 1), (999, 1), (1000, 2), (2500, 3)] {
            let mut seen = Vec::new();
            let (items, pages) =
                run(collect_pages(MAX_TRAINS, |p, _| seen.push(p), pager(total))).unwrap();
            assert_eq!(items, (0..total).collect::<Vec<_>>());
            assert_eq!(pages, expected_pages, "{total}");
            assert_eq!(
                seen.last(),
                Some(&Progress {
                    pages,
                    items: total
                })
            );
            assert_eq!(seen.len(), pages);
        }
    }

    #[test]
    fn stops_past_the_limit() {
        let err = run(collect_pages(2000, |_, _| {}, pager(5000))).unwrap_err();
        assert_eq!(err.code(), "too_many_results");
        assert!(run(collect_pages(2000, |_, _| {}, pager(2000))).is_ok());
    }

    #[test]
    fn refuses_oversized_pages() {
        let err = run(collect_pages(
            MAX_TRAINS,
            |_, _| {},
            |_| std::future::ready(Ok(vec![0; 1001])),
        ))
        .unwrap_err();
        assert_eq!(err.code(), "invalid_response");
    }
}
