//! The tray icon that lets watching go on after the window closes. While a profile
//! watches services, closing the window hides it and puts an icon in the tray (Open,
//! Refresh now, Pause watching, Quit); the first time, a notice says so. Where no tray
//! can be shown, closing quits as it always does, so the window is never lost.

use std::sync::atomic::{AtomicBool, Ordering};

use tauri::menu::{CheckMenuItem, Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Manager, Runtime, WindowEvent};

use crate::state::AppState;
use crate::watch::{scheduler, Language, Notice};
use crate::MAIN_WINDOW;

/// Whether the user has been told, this run, that the app keeps watching in the tray.
static TOLD: AtomicBool = AtomicBool::new(false);

/// Lets the main window hide into the tray instead of closing while services are watched.
pub fn keep_watching_on_close<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window(MAIN_WINDOW) else {
        return;
    };
    let app = app.clone();
    window.on_window_event(move |event| {
        if let WindowEvent::CloseRequested { api, .. } = event {
            let state = app.state::<AppState>();
            if !state.watch().is_watching() || state.watch().is_paused() {
                return;
            }
            match tray(&app) {
                Ok(_) => {
                    api.prevent_close();
                    hide_main_window(&app);
                    if !TOLD.swap(true, Ordering::SeqCst) {
                        state
                            .watch()
                            .tell(&still_watching(state.watch().language()));
                    }
                }
                Err(error) => tracing::warn!("no tray icon, so closing quits: {error}"),
            }
        }
    });
}

/// The tray icon, made on first use.
fn tray<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<TrayIcon<R>> {
    const ID: &str = "watching";
    if let Some(tray) = app.tray_by_id(ID) {
        return Ok(tray);
    }
    let words = Words::of(app.state::<AppState>().watch().language());
    let open = MenuItem::with_id(app, "open", words.open, true, None::<&str>)?;
    let refresh = MenuItem::with_id(app, "refresh", words.refresh, true, None::<&str>)?;
    let pause = CheckMenuItem::with_id(app, "pause", words.pause, true, false, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", words.quit, true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&open, &refresh, &pause, &separator, &quit])?;
    let mut builder = TrayIconBuilder::with_id(ID)
        .menu(&menu)
        .tooltip("AiTEMS Desk")
        .on_menu_event(move |app, event| match event.id().as_ref() {
            "open" => show_main_window(app),
            "refresh" => {
                let app = app.clone();
                tauri::async_runtime::spawn(async move {
                    scheduler::refresh_all(&app.state::<AppState>()).await;
                });
            }
            "pause" => {
                let paused = pause.is_checked().unwrap_or(false);
                app.state::<AppState>().watch().set_paused(paused);
            }
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)
}

fn hide_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        if let Err(error) = window.hide() {
            tracing::warn!("could not hide the window: {error}");
        }
    }
}

/// Brings the main window back and to the front (from the tray, or on a second launch).
pub fn show_main_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let shown = window
            .show()
            .and_then(|()| window.unminimize())
            .and_then(|()| window.set_focus());
        if let Err(error) = shown {
            tracing::warn!("could not bring the window back: {error}");
        }
    }
}

/// The notice the first hide earns.
fn still_watching(language: Language) -> Notice {
    let words = Words::of(language);
    Notice {
        title: words.still_title.to_owned(),
        body: words.still_body.to_owned(),
        opens: None,
    }
}

/// The tray's words in one language.
struct Words {
    open: &'static str,
    refresh: &'static str,
    pause: &'static str,
    quit: &'static str,
    still_title: &'static str,
    still_body: &'static str,
}

impl Words {
    const fn of(language: Language) -> Self {
        match language {
            Language::English => Self {
                open: "Open AiTEMS Desk",
                refresh: "Refresh now",
                pause: "Pause watching",
                quit: "Quit",
                still_title: "AiTEMS Desk is still watching",
                still_body: "It keeps checking your watched services in the background. Open it or quit from its icon in the tray.",
            },
            Language::Korean => Self {
                open: "AiTEMS Desk 열기",
                refresh: "지금 새로 고침",
                pause: "지켜보기 일시 중지",
                quit: "종료",
                still_title: "AiTEMS Desk가 계속 지켜보고 있습니다",
                still_body: "지켜보는 서비스를 백그라운드에서 계속 확인합니다. 트레이 아이콘에서 열거나 종료하세요.",
            },
        }
    }
}
