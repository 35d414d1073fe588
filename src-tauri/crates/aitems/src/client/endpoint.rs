//! Where requests go: the checked endpoint and the request targets built on it.

use std::net::IpAddr;
use url::{Host, Url};

use crate::error::{Error, Result};

/// The real AiTEMS API host.
pub const DEFAULT_ENDPOINT: &str = "https://aitems.apigw.ntruss.com";

/// A checked base URL: `https`, or `http` only on a loopback host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    base: Url,
}

impl Endpoint {
    /// Checks an endpoint typed by a user or read from settings.
    ///
    /// # Errors
    /// `InvalidInput` when it is not a URL, has credentials, a query or a fragment, or is
    /// plain `http` to a host that is not this computer.
    pub fn parse(text: &str) -> Result<Self> {
        let trimmed = text.trim();
        let base = Url::parse(trimmed).map_err(|_| {
            Error::invalid_input(format!(
                "\"{trimmed}\" is not a web address. Use one like {DEFAULT_ENDPOINT}."
            ))
        })?;
        match base.scheme() {
            "https" => {}
            "http" if is_loopback(&base) => {}
            "http" => {
                return Err(Error::invalid_input(
                    "The endpoint must start with https:// (plain http is allowed only for this computer).",
                ))
            }
            _ => return Err(Error::invalid_input(format!("\"{trimmed}\" is not an https:// address."))),
        }
        if base.host().is_none() || !base.username().is_empty() || base.password().is_some() {
            return Err(Error::invalid_input(
                "The endpoint must be a plain https:// address with a host name.",
            ));
        }
        if base.query().is_some() || base.fragment().is_some() {
            return Err(Error::invalid_input(
                "The endpoint must not contain '?' or '#'.",
            ));
        }
        Ok(Self { base })
    }

    /// The endpoint as text, without a trailing slash.
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.base.as_str().trim_end_matches('/')
    }

    /// The URL for an API path such as `/api/v1/services` and a query. The caller signs
    /// the URL's own path and query, so what is signed is exactly what is sent.
    pub(crate) fn url(&self, api_path: &str, query: &[(&str, String)]) -> Url {
        let mut url = self.base.clone();
        let prefix = self.base.path().trim_end_matches('/');
        url.set_path(&format!("{prefix}{api_path}"));
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        url
    }
}

impl Default for Endpoint {
    fn default() -> Self {
        // The constant is a valid https URL; a failure here is a bug in the constant.
        Self::parse(DEFAULT_ENDPOINT).expect("DEFAULT_ENDPOINT is a valid https URL")
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

/// The request target of `url`: its path and query exactly as sent on the wire.
pub(crate) fn request_target(url: &Url) -> &str {
    &url[url::Position::BeforePath..]
}

/// Checks a service id before it goes anywhere near a URL: `[A-Za-z0-9_-]{1,64}`.
///
/// # Errors
/// `InvalidInput` naming the problem.
pub fn check_service_id(id: &str) -> Result<&str> {
    check_path_segment(id, "service id")
}

fn check_path_segment<'a>(value: &'a str, what: &str) -> Result<&'a str> {
    let ok = (1..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(value)
    } else if value.is_empty() {
        Err(Error::invalid_input(format!("Enter a {what}.")))
    } else {
        Err(Error::invalid_input(format!(
            "\"{}\" is not a valid {what}: use 1 to 64 letters, digits, '-' or '_'.",
            value.chars().take(80).collect::<String>()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        assert!(Endpoint::parse("https://aitems.apigw.ntruss.com").is_ok());
        assert!(Endpoint::parse("http://127.0.0.1:8080").is_ok());
        assert!(Endpoint::parse("http://127.5.0.1:8080/").is_ok());
        assert!(Endpoint::parse("http://localhost:1").is_ok());
        assert!(Endpoint::parse("http://[::1]:1").is_ok());
        for bad in [
            "http://example.com",
            "ftp://x",
            "aitems.apigw.ntruss.com",
            "https://u:p@host",
            "https://h/?q=1",
            "http://10.0.0.1",
            "http://localhost.evil.com",
        ] {
            let err = Endpoint::parse(bad).unwrap_err();
            assert_eq!(err.code(), "invalid_input", "{bad}");
        }
    }

    #[test]
    fn url_and_signed_target_are_the_same_string() {
        let endpoint = Endpoint::parse("https://aitems.apigw.ntruss.com/").unwrap();
        let url = endpoint.url(
            "/api/v1/services/abc/trains",
            &[("isRecent", "true".into())],
        );
        assert_eq!(
            url.as_str(),
            "https://aitems.apigw.ntruss.com/api/v1/services/abc/trains?isRecent=true"
        );
        assert_eq!(
            request_target(&url),
            "/api/v1/services/abc/trains?isRecent=true"
        );
        let bare = endpoint.url("/api/v1/services/abc/trains", &[]);
        assert_eq!(request_target(&bare), "/api/v1/services/abc/trains");
        let prefixed = Endpoint::parse("http://127.0.0.1:9/gw/").unwrap();
        let url = prefixed.url("/api/v1/services", &[]);
        assert_eq!(request_target(&url), "/gw/api/v1/services");
        assert_eq!(prefixed.as_str(), "http://127.0.0.1:9/gw");
    }

    #[test]
    fn service_ids_cannot_smuggle_paths_or_queries() {
        assert_eq!(check_service_id("kzblozze40q").unwrap(), "kzblozze40q");
        assert!(check_service_id("A-b_9").is_ok());
        for bad in [
            "",
            "../x",
            "a/b",
            "a?b",
            "a b",
            "한글",
            "a%2F",
            &"x".repeat(65),
        ] {
            assert_eq!(
                check_service_id(bad).unwrap_err().code(),
                "invalid_input",
                "{bad}"
            );
        }
    }
}
