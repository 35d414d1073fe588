//! Listing 10,000 trainings from the demo AiTEMS service over loopback HTTP, as it is and
//! with 50 ms of latency added to every request.
//!
//! Measures, side by side in one criterion group per condition (`list_10000_trains` on
//! plain loopback, `list_10000_trains_50ms` with the demo's `delay` at 50 ms):
//!
//! - `client_all_trains`: [`aitems::Client::all_trains`] on the demo's large service:
//!   at least 11 signed GETs (10 full pages of 1000 and the empty page that ends the
//!   listing; the client asks for a few pages ahead), each body parsed into
//!   [`aitems::Train`]s;
//! - `raw_reqwest_bytes`: the same 11 URLs with the same signature v2 headers through a
//!   bare `reqwest::Client`, one after another, reading each body into bytes without
//!   parsing it: the sequential baseline.
//!
//! On loopback the difference is what the library adds on top of the network and the
//! server: body reading, parsing, checks and bookkeeping, less what fetching ahead
//! overlaps. Under latency it is the round trips that fetching ahead saves. A third group
//! (`where_time_goes`) times the parts alone: parsing one 1000-train page body, reading
//! one API date (each training has one or two) and signing one request.
//!
//! After criterion, the bench times both listings again in interleaved runs with
//! `Instant`, for each condition, and prints the medians and the client/raw ratio; the
//! targets are at most 1.5x on loopback and at most 0.5x under 50 ms latency.
//!
//! Run with `cargo bench -p aitems --bench list_trains`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use aitems::client::PAGE_LIMIT;
use aitems::model::TrainsPage;
use aitems::sign::signature_v2;
use aitems::{ApiDateTime, Client, Credentials, Endpoint, SecretString, TrainListing};
use aitems_demo::data::LARGE_SERVICE;
use aitems_demo::{DemoConfig, DemoServer, DEMO_ACCESS_KEY, DEMO_SECRET_KEY};
use criterion::{black_box, Criterion, Throughput};
use reqwest::header::{HeaderValue, ACCEPT, CONTENT_TYPE};
use tokio::runtime::Runtime;

/// Trainings in the demo's large service.
const TRAINS: usize = 10_000;
/// Interleaved runs of each mode for the summary after criterion.
const SUMMARY_RUNS: usize = 15;
/// The latency added to every request in the second condition.
const LATENCY: Duration = Duration::from_millis(50);

/// One condition: a demo service, a client and a raw reader of it.
struct Setup {
    /// What the condition is, for the summary.
    name: &'static str,
    /// The criterion group.
    group: &'static str,
    /// The target ratio client/raw.
    target: f64,
    server: DemoServer,
    client: Client,
    raw: Raw,
}

impl Setup {
    fn start(
        rt: &Runtime,
        name: &'static str,
        group: &'static str,
        target: f64,
        delay: Duration,
    ) -> Self {
        let config = DemoConfig {
            delay,
            ..DemoConfig::default()
        };
        let server = rt
            .block_on(aitems_demo::start(config))
            .expect("demo service starts");
        let endpoint = Endpoint::parse(&server.url()).expect("demo url is an endpoint");
        let client = Client::new(endpoint, Credentials::new(DEMO_ACCESS_KEY, DEMO_SECRET_KEY))
            .expect("client builds");
        let raw = Raw::new(&server);
        Self {
            name,
            group,
            target,
            server,
            client,
            raw,
        }
    }
}

/// The raw mode: one reqwest client, the signed URLs of every page, and the key pair.
struct Raw {
    http: reqwest::Client,
    base: String,
    targets: Vec<String>,
    secret: SecretString,
}

impl Raw {
    fn new(server: &DemoServer) -> Self {
        // The same settings as `aitems::Client` uses, so only the library's work differs.
        let http = reqwest::Client::builder()
            .user_agent("aitems-desk-bench")
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("reqwest client builds");
        let pages = TRAINS / PAGE_LIMIT as usize + 1;
        let targets = (0..pages)
            .map(|page| {
                format!(
                    "/api/v1/services/{LARGE_SERVICE}/trains?offset={}&limit={PAGE_LIMIT}",
                    page * PAGE_LIMIT as usize
                )
            })
            .collect();
        Self {
            http,
            base: server.url(),
            targets,
            secret: SecretString::from(DEMO_SECRET_KEY),
        }
    }

    /// One signed GET of `target`, its body read whole (as `bytes::Bytes`) but not parsed.
    async fn get(&self, target: &str) -> impl std::ops::Deref<Target = [u8]> {
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("clock after 1970")
            .as_millis()
            .to_string();
        let signature = signature_v2("GET", target, &timestamp, DEMO_ACCESS_KEY, &self.secret);
        let response = self
            .http
            .get(format!("{}{target}", self.base))
            .header("x-ncp-apigw-timestamp", &timestamp)
            .header("x-ncp-iam-access-key", DEMO_ACCESS_KEY)
            .header("x-ncp-apigw-signature-v2", signature)
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .send()
            .await
            .expect("demo answers");
        assert!(response.status().is_success(), "{}", response.status());
        response.bytes().await.expect("body reads")
    }

    /// Every page, bodies read but not parsed; returns the total body size.
    async fn list(&self) -> usize {
        let mut total = 0;
        for target in &self.targets {
            total += self.get(target).await.len();
        }
        total
    }
}

/// The client's listing. Returned rather than dropped: freeing 10,000 trainings is the
/// caller's cost, not the listing's, so the timings below drop it outside the clock.
async fn client_list(client: &Client) -> TrainListing {
    let mut pages = 0;
    let listing = client
        .all_trains(LARGE_SERVICE, false, |progress, _| pages = progress.pages)
        .await
        .expect("listing succeeds");
    assert_eq!(listing.trains.len(), TRAINS);
    assert_eq!(pages, listing.pages);
    assert_eq!(listing.pages, TRAINS / PAGE_LIMIT as usize + 1);
    listing
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime starts");
    let setups = [
        Setup::start(&rt, "loopback", "list_10000_trains", 1.5, Duration::ZERO),
        Setup::start(
            &rt,
            "loopback + 50 ms a request",
            "list_10000_trains_50ms",
            0.5,
            LATENCY,
        ),
    ];
    // Warm the demo's data cache and the connection pools before anything is timed.
    let mut body_bytes = 0;
    for setup in &setups {
        body_bytes = rt.block_on(setup.raw.list());
        rt.block_on(client_list(&setup.client));
    }

    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6))
        .configure_from_args();
    for setup in &setups {
        listing_group(&mut criterion, &rt, setup, body_bytes);
    }
    parts_group(&mut criterion, &rt, &setups[0].raw);
    criterion.final_summary();

    let quick = std::env::args().any(|arg| arg == "--test" || arg == "--list");
    let runs = if quick { 1 } else { SUMMARY_RUNS };
    let lines: Vec<String> = setups
        .iter()
        .map(|setup| summary(&rt, setup, runs))
        .collect();
    println!();
    println!("summary over {runs} interleaved runs of listing {TRAINS} trainings (11 pages):");
    for line in lines {
        println!("{line}");
    }
    for setup in setups {
        rt.block_on(setup.server.shutdown());
    }
}

/// The listing by the client and by raw reqwest, in one group so both print together.
fn listing_group(c: &mut Criterion, rt: &Runtime, setup: &Setup, bytes: usize) {
    let mut group = c.benchmark_group(setup.group);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("client_all_trains", |b| {
        b.to_async(rt)
            .iter_with_large_drop(|| client_list(&setup.client));
    });
    group.bench_function("raw_reqwest_bytes", |b| {
        b.to_async(rt).iter(|| setup.raw.list());
    });
    group.finish();
}

/// Where the client's time goes: parsing one full page, and signing one request.
fn parts_group(c: &mut Criterion, rt: &Runtime, raw: &Raw) {
    let body = rt.block_on(raw.get(&raw.targets[0])).to_vec();
    let page: TrainsPage = serde_json::from_slice(&body).expect("page parses");
    assert_eq!(page.trains.len(), PAGE_LIMIT as usize);

    let mut group = c.benchmark_group("where_time_goes");
    group
        .sample_size(50)
        .measurement_time(Duration::from_secs(3));
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("parse_page_1000_trains", |b| {
        b.iter(|| serde_json::from_slice::<TrainsPage>(black_box(&body)).expect("parses"));
    });
    group.throughput(Throughput::Elements(1));
    group.bench_function("parse_one_date", |b| {
        b.iter(|| ApiDateTime::parse(black_box("2026-11-26T16:39:01.378")));
    });
    group.bench_function("sign_one_request", |b| {
        b.iter(|| {
            signature_v2(
                "GET",
                black_box(&raw.targets[3]),
                black_box("1764115200000"),
                DEMO_ACCESS_KEY,
                &raw.secret,
            )
        });
    });
    group.finish();
}

/// Interleaved timed runs of both modes in one condition; the summary lines of the
/// medians and the ratio.
fn summary(rt: &Runtime, setup: &Setup, runs: usize) -> String {
    let mut client_ms = Vec::with_capacity(runs);
    let mut raw_ms = Vec::with_capacity(runs);
    let mut order = [true, false];
    for _ in 0..runs {
        // Alternate which mode goes first, so neither always runs on a warmer system.
        order.reverse();
        for is_client in order {
            let start = Instant::now();
            if is_client {
                let listing = rt.block_on(client_list(&setup.client));
                client_ms.push(start.elapsed().as_secs_f64() * 1e3);
                drop(black_box(listing));
            } else {
                black_box(rt.block_on(setup.raw.list()));
                raw_ms.push(start.elapsed().as_secs_f64() * 1e3);
            }
        }
    }
    let client_median = median(&mut client_ms);
    let raw_median = median(&mut raw_ms);
    let ratio = client_median / raw_median;
    let verdict = if ratio <= setup.target {
        "met"
    } else {
        "not met"
    };
    format!(
        "  {}:\n    client (aitems::Client::all_trains, parsed): median {client_median:8.2} ms\n    raw    (reqwest, signed, bytes only, sequential): median {raw_median:8.2} ms\n    ratio client/raw: {ratio:.2}x (target <= {:.2}x: {verdict})",
        setup.name, setup.target
    )
}

/// The middle value (the upper one of the two for an even count).
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
