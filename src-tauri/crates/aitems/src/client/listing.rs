//! Listing training requests and services, one page or every page.

use super::endpoint::check_service_id;
use super::pages::{collect_pages, FetchAhead};
use super::Client;
use crate::error::{Error, Result};
use crate::model::{Service, ServicesPage, Train, TrainsPage};

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
    /// Pages are asked for a few ahead ([`super::FIRST_PAGES_IN_FLIGHT`] at first, one
    /// more after each full page, never more than [`super::MAX_PAGES_IN_FLIGHT`] at a
    /// time); pages past the first short one are dropped unread, so the result is that
    /// of a page-by-page listing. A `recent` listing (at most one training per type)
    /// starts with one request.
    ///
    /// # Errors
    /// `TooManyResults` past [`MAX_TRAINS`], else as [`Client::trains_page`].
    pub async fn all_trains(
        &self,
        service_id: &str,
        recent: bool,
        on_page: impl FnMut(Progress, &[Train]) + Send,
    ) -> Result<TrainListing> {
        let ahead = if recent {
            FetchAhead::RECENT
        } else {
            FetchAhead::TRAINS
        };
        let (trains, pages) = collect_pages(MAX_TRAINS, ahead, on_page, |offset| async move {
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

    /// Every service the keys can see, one page at a time (an account rarely has
    /// 1000 services, so asking ahead would mostly cost a request).
    ///
    /// # Errors
    /// Whatever the requests meet.
    pub async fn all_services(&self) -> Result<Vec<Service>> {
        let (services, _) = collect_pages(
            MAX_TRAINS,
            FetchAhead::SEQUENTIAL,
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
}
