//! Table layouts: kept per profile and service, written only when they change, and never
//! blocking the app when the file holds one this version cannot read.

use super::*;
use std::collections::BTreeMap;

fn layout(columns: &[&str]) -> TableLayout {
    TableLayout {
        version: LAYOUT_VERSION,
        columns: columns.iter().map(|&c| c.to_owned()).collect(),
        widths: BTreeMap::from([("description".to_owned(), 320)]),
        sort: vec![LayoutSort {
            id: "hp:item_top_n".into(),
            desc: true,
        }],
        filter: "nightly".into(),
        facets: BTreeMap::from([("status".to_owned(), vec!["completed".to_owned()])]),
        created: Some(LayoutCreated {
            preset: "custom".into(),
            from_day: "2026-01-01".into(),
            to_day: "2026-01-31".into(),
        }),
        recent: true,
    }
}

fn with_profile() -> (tempfile::TempDir, ProfileManager) {
    let (dir, _store, m) = setup();
    m.add("p", ProfileSettings::default(), &keys("AK")).unwrap();
    (dir, m)
}

/// The settings file with `stored` as the layout of service `shop01`.
fn store_raw(m: &ProfileManager, stored: &str) {
    let text = file_text(m).replace(
        "\"recentServices\": []",
        &format!("\"recentServices\": [], \"tableLayouts\": {{\"shop01\": {stored}}}"),
    );
    assert!(
        text.contains("tableLayouts"),
        "the fixture must change the file"
    );
    std::fs::write(m.settings_path(), text).unwrap();
}

#[test]
fn a_layout_round_trips_per_service() {
    let (_dir, m) = with_profile();
    assert_eq!(m.table_layout("p", "shop01").unwrap(), None);
    let saved = layout(&["version", "status", "hp:item_top_n"]);
    assert!(m.set_table_layout("p", " shop01 ", Some(&saved)).unwrap());
    assert!(file_text(&m).contains("\"tableLayouts\""));
    assert_eq!(m.table_layout("p", "shop01").unwrap(), Some(saved.clone()));
    assert_eq!(m.table_layout("p", "fashn02").unwrap(), None, "per service");

    let other = layout(&["type"]);
    m.set_table_layout("p", "fashn02", Some(&other)).unwrap();
    assert_eq!(m.table_layout("p", "shop01").unwrap(), Some(saved));
    assert_eq!(m.table_layout("p", "fashn02").unwrap(), Some(other));
    assert_eq!(
        m.table_layout("nobody", "shop01").unwrap_err().code(),
        "profile_not_found"
    );
}

#[test]
fn an_unchanged_layout_is_not_written_and_reset_removes_it() {
    let (_dir, m) = with_profile();
    let saved = layout(&["version"]);
    m.set_table_layout("p", "shop01", Some(&saved)).unwrap();
    m.fail_saves(true);
    assert!(
        !m.set_table_layout("p", "shop01", Some(&saved)).unwrap(),
        "the same layout again writes nothing (a write would fail here)"
    );
    assert!(
        m.set_table_layout("p", "shop01", None).is_err(),
        "a reset writes"
    );
    m.fail_saves(false);
    assert!(m.set_table_layout("p", "shop01", None).unwrap());
    assert_eq!(m.table_layout("p", "shop01").unwrap(), None);
    assert!(!file_text(&m).contains("tableLayouts"));
    assert!(!m.set_table_layout("p", "shop01", None).unwrap());
}

#[test]
fn layouts_of_another_version_read_as_none_and_stay_in_the_file() {
    let (_dir, m) = with_profile();
    store_raw(&m, r#"{"version": 2, "columns": ["type"], "panes": 3}"#);
    assert_eq!(m.table_layout("p", "shop01").unwrap(), None, "newer");
    m.set_table_layout("p", "fashn02", Some(&layout(&["type"])))
        .unwrap();
    assert!(
        file_text(&m).contains("\"panes\": 3"),
        "another service's save keeps it"
    );
    for older in [r#"{"columns": ["type"]}"#, r#"{"version": 0}"#] {
        let (_dir, m) = with_profile();
        store_raw(&m, older);
        assert_eq!(m.table_layout("p", "shop01").unwrap(), None, "{older}");
    }
}

#[test]
fn a_broken_layout_reads_as_none_and_never_blocks_the_profile() {
    for broken in [
        r#"{"version": 1, "columns": 5}"#,
        r#"{"version": 1, "sort": [{"id": 3}]}"#,
        r#""columns""#,
        "null",
    ] {
        let (_dir, m) = with_profile();
        store_raw(&m, broken);
        assert_eq!(m.table_layout("p", "shop01").unwrap(), None, "{broken}");
        assert_eq!(m.list().unwrap().len(), 1);
    }
    let (_dir, m) = with_profile();
    let text = file_text(&m).replace(
        "\"recentServices\": []",
        "\"recentServices\": [], \"tableLayouts\": [1, 2]",
    );
    std::fs::write(m.settings_path(), text).unwrap();
    assert_eq!(m.table_layout("p", "shop01").unwrap(), None);
    m.set_table_layout("p", "shop01", Some(&layout(&["type"])))
        .unwrap();
    assert!(m.table_layout("p", "shop01").unwrap().is_some());
}

#[test]
fn a_layout_missing_optional_parts_takes_their_defaults() {
    let (_dir, m) = with_profile();
    store_raw(&m, r#"{"version": 1, "columns": ["status"]}"#);
    let read = m.table_layout("p", "shop01").unwrap().unwrap();
    assert_eq!(read.columns, ["status"]);
    assert!(read.sort.is_empty() && read.filter.is_empty() && !read.recent);
}

#[test]
fn only_this_version_s_layouts_are_saved() {
    let (_dir, m) = with_profile();
    let newer = TableLayout {
        version: LAYOUT_VERSION + 1,
        ..layout(&[])
    };
    assert_eq!(
        m.set_table_layout("p", "shop01", Some(&newer))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    assert_eq!(
        m.set_table_layout("p", " ", None).unwrap_err().code(),
        "invalid_input"
    );
}

#[test]
fn editing_or_renaming_a_profile_keeps_its_layouts() {
    let (_dir, m) = with_profile();
    let saved = layout(&["version"]);
    m.set_table_layout("p", "shop01", Some(&saved)).unwrap();
    m.save(
        "p",
        ProfileSettings::default().with_endpoint("http://127.0.0.1:9"),
        None,
    )
    .unwrap();
    assert_eq!(m.table_layout("p", "shop01").unwrap(), Some(saved.clone()));
    m.rename("p", "q").unwrap();
    assert_eq!(m.table_layout("q", "shop01").unwrap(), Some(saved));
}
