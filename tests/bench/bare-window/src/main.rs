//! An empty Tauri window showing one static page.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the bare window starts");
}
