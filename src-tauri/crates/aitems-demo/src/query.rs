//! Query-string validation for the list routes, with the backend's messages.

/// The largest `limit` the demo accepts (the real maximum is not documented).
pub(crate) const MAX_LIMIT: usize = 1000;

/// Validated list parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ListQuery {
    pub(crate) offset: usize,
    pub(crate) limit: usize,
    pub(crate) is_recent: bool,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: MAX_LIMIT,
            is_recent: false,
        }
    }
}

const OFFSET_MESSAGE: &str = "offset must be an integer greater than or equal to 0.";
const LIMIT_MESSAGE: &str = "limit must be between 1 and 1000.";
const IS_RECENT_MESSAGE: &str = "isRecent must be true or false.";

/// Parses `offset`, `limit` and (when `accepts_is_recent`) `isRecent` from a raw query.
///
/// Values are percent-decoded; unknown parameters are ignored and an empty value means
/// "use the default", as Spring does. When a parameter repeats, the last one wins.
/// The error is the backend's message.
pub(crate) fn parse(raw: Option<&str>, accepts_is_recent: bool) -> Result<ListQuery, &'static str> {
    let mut query = ListQuery::default();
    for (key, value) in url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        if value.is_empty() {
            continue;
        }
        match key.as_ref() {
            "offset" => {
                query.offset = parse_integer(&value)
                    .filter(|n| *n >= 0)
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or(OFFSET_MESSAGE)?;
            }
            "limit" => {
                query.limit = parse_integer(&value)
                    .filter(|n| (1..=MAX_LIMIT as i64).contains(n))
                    .and_then(|n| usize::try_from(n).ok())
                    .ok_or(LIMIT_MESSAGE)?;
            }
            "isRecent" if accepts_is_recent => {
                query.is_recent = match value.to_ascii_lowercase().as_str() {
                    "true" => true,
                    "false" => false,
                    _ => return Err(IS_RECENT_MESSAGE),
                };
            }
            _ => {}
        }
    }
    Ok(query)
}

/// A decimal integer with an optional sign (as Java's `Integer.parseInt` reads it).
fn parse_integer(text: &str) -> Option<i64> {
    text.parse().ok()
}

/// The page `offset..offset+limit` of `items` (empty past the end).
pub(crate) fn page<T>(items: &[T], query: ListQuery) -> &[T] {
    let start = query.offset.min(items.len());
    let end = start.saturating_add(query.limit).min(items.len());
    &items[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_values() {
        assert_eq!(parse(None, true), Ok(ListQuery::default()));
        assert_eq!(
            parse(Some("offset=5&limit=10&isRecent=true&x=1"), true),
            Ok(ListQuery {
                offset: 5,
                limit: 10,
                is_recent: true
            })
        );
        assert_eq!(
            parse(Some("limit=&offset="), true),
            Ok(ListQuery::default())
        );
        assert_eq!(parse(Some("limit=1000"), true).map(|q| q.limit), Ok(1000));
        // isRecent is not a parameter of the services list: ignored there.
        assert_eq!(
            parse(Some("isRecent=maybe"), false),
            Ok(ListQuery::default())
        );
    }

    #[test]
    fn invalid_values_are_refused() {
        assert_eq!(parse(Some("limit=0"), true), Err(LIMIT_MESSAGE));
        assert_eq!(parse(Some("limit=1001"), true), Err(LIMIT_MESSAGE));
        assert_eq!(parse(Some("limit=ten"), true), Err(LIMIT_MESSAGE));
        assert_eq!(parse(Some("offset=-1"), true), Err(OFFSET_MESSAGE));
        assert_eq!(parse(Some("offset=1.5"), true), Err(OFFSET_MESSAGE));
        assert_eq!(parse(Some("isRecent=yes"), true), Err(IS_RECENT_MESSAGE));
    }

    #[test]
    fn pages_clamp_to_the_list() {
        let items = [1, 2, 3, 4, 5];
        let q = |offset, limit| ListQuery {
            offset,
            limit,
            is_recent: false,
        };
        assert_eq!(page(&items, q(0, 2)), &[1, 2]);
        assert_eq!(page(&items, q(4, 2)), &[5]);
        assert_eq!(page(&items, q(9, 2)), &[] as &[i32]);
        assert_eq!(page(&items, q(usize::MAX, usize::MAX)), &[] as &[i32]);
    }
}
