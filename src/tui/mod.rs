//! The full-screen terminal app. This module is the imperative shell: terminal set-up and
//! restore (on quit, panic, Ctrl-C, SIGTERM and SIGHUP), the event loop, mouse handling and
//! settings. The app redraws only when an event arrives; it never polls on a timer.

pub mod action;
pub mod app;
pub mod input;
pub mod keymap;
pub mod picker;
pub mod screens;
pub mod theme;
pub mod ui;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::i18n::Lang;
use crate::store::Catalog;
use crate::store::profiles::user_profile_dir;
use crate::store::settings::{self, Settings};
use crate::tui::action::Action;
use crate::tui::app::{App, MIN_HEIGHT, MIN_WIDTH, Overlay};
use crate::tui::theme::ThemeKind;

/// Options from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--lang`, when given: it overrides the saved setting.
    pub lang: Option<Lang>,
    pub ascii: bool,
    pub theme: Option<ThemeKind>,
    pub plan: Option<PathBuf>,
}

/// Puts the terminal back as it was: raw mode off, main screen, cursor shown, mouse
/// capture off. Safe to call more than once.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

/// Restores the terminal when dropped, whatever path leaves `run`.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

enum Message {
    Terminal(Event),
    /// SIGTERM, SIGHUP or SIGINT.
    Stop,
}

/// Builds the app from the settings and options (no terminal involved).
pub fn build_app(options: &Options, settings: &Settings) -> App {
    let lang = options.lang.unwrap_or(settings.lang);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = options
        .theme
        .or_else(|| no_color.then_some(ThemeKind::Mono))
        .or_else(|| ThemeKind::parse(&settings.theme))
        .unwrap_or(ThemeKind::Default);
    let catalog = Catalog::load(user_profile_dir().as_deref(), lang);
    let mut app = App::new(
        catalog,
        lang,
        theme,
        options.ascii || settings.ascii,
        settings.mouse,
        crate::clock::today_in_japan(),
        crate::store::plans::plans_dir(),
    );
    if let Some(path) = &options.plan {
        app.open_path(path);
    }
    if !app.catalog.failed.is_empty() {
        app.status = Some((
            match lang {
                Lang::Ja => format!(
                    "読み込めなかったプロファイルが {} 件あります（一覧の下に理由を表示）",
                    app.catalog.failed.len()
                ),
                Lang::En => format!(
                    "{} profile(s) failed to load (reasons at the end of the list)",
                    app.catalog.failed.len()
                ),
            },
            true,
        ));
    }
    app
}

/// Runs the app until the user quits or the process is told to stop.
pub fn run(options: Options) -> ExitCode {
    let settings_path = settings::settings_path();
    let (settings, settings_error, settings_writable) = settings::load(settings_path.as_deref());
    let mut app = build_app(&options, &settings);
    if let Some(e) = settings_error {
        app.status = Some((
            format!(
                "{}: {e}",
                app.lang.pick(
                    "設定ファイルを読めません（既定値で起動）",
                    "cannot read the settings (using defaults)"
                )
            ),
            true,
        ));
    }

    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous_hook(info);
    }));

    let (tx, rx) = mpsc::channel::<Message>();
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
            let tx = tx.clone();
            std::thread::spawn(move || {
                if signals.forever().next().is_some() {
                    let _ = tx.send(Message::Stop);
                }
            });
        }
    }

    if let Err(e) = enable_raw_mode() {
        eprintln!(
            "michi: {}: {e}",
            app.lang.pick("端末を操作できません", "cannot use this terminal")
        );
        return ExitCode::FAILURE;
    }
    let _guard = TerminalGuard;
    let mut out = io::stdout();
    if execute!(out, EnterAlternateScreen).is_err() {
        return ExitCode::FAILURE;
    }
    if app.mouse {
        let _ = execute!(out, EnableMouseCapture);
    }
    let Ok(mut terminal) = Terminal::new(CrosstermBackend::new(io::stdout())) else {
        return ExitCode::FAILURE;
    };

    {
        let tx = tx.clone();
        std::thread::spawn(move || {
            while let Ok(ev) = event::read() {
                if tx.send(Message::Terminal(ev)).is_err() {
                    break;
                }
            }
        });
    }

    let mut mouse_on = app.mouse;
    loop {
        if let Ok(size) = terminal.size() {
            app.size = (size.width, size.height);
        }
        if terminal.draw(|frame| ui::draw(frame, &app)).is_err() {
            break;
        }
        // Block until something happens, then take the whole burst before redrawing.
        let Ok(first) = rx.recv() else { break };
        let mut pending = vec![first];
        pending.extend(rx.try_iter());
        for message in pending {
            match message {
                Message::Stop => app.on_terminate(),
                Message::Terminal(ev) => handle_event(&mut app, ev),
            }
        }
        if app.mouse != mouse_on {
            mouse_on = app.mouse;
            let _ = if mouse_on {
                execute!(io::stdout(), EnableMouseCapture)
            } else {
                execute!(io::stdout(), DisableMouseCapture)
            };
        }
        if app.settings_changed {
            app.settings_changed = false;
            if let (Some(path), true) = (&settings_path, settings_writable) {
                let new = Settings {
                    lang: app.lang,
                    theme: app.theme_kind.name().into(),
                    ascii: app.ascii,
                    mouse: app.mouse,
                };
                if let Err(e) = settings::save(path, &new) {
                    app.status = Some((
                        format!(
                            "{}: {e}",
                            app.lang.pick("設定を保存できません", "cannot save the settings")
                        ),
                        true,
                    ));
                }
            }
        }
        if app.should_quit {
            break;
        }
    }
    drop(terminal);
    ExitCode::SUCCESS
}

/// One terminal event: keys (presses only) to actions, mouse clicks and wheel.
pub fn handle_event(app: &mut App, ev: Event) {
    match ev {
        Event::Key(key) if key.kind == KeyEventKind::Press => handle_key(app, key),
        Event::Mouse(mouse) if app.mouse => match mouse.kind {
            MouseEventKind::ScrollDown => app.update(Action::Down),
            MouseEventKind::ScrollUp => app.update(Action::Up),
            MouseEventKind::Down(MouseButton::Left) => click(app, mouse.column, mouse.row),
            _ => {}
        },
        Event::Resize(w, h) => app.size = (w, h),
        _ => {}
    }
}

pub fn handle_key(app: &mut App, key: event::KeyEvent) {
    use crossterm::event::{KeyCode, KeyModifiers};
    // Ctrl-C always leaves (through the unsaved-changes question).
    if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
        if matches!(app.overlay, Some(Overlay::ConfirmQuit)) {
            app.confirm_quit('y');
        } else {
            app.overlay = None;
            app.update(Action::Quit);
        }
        return;
    }
    let too_small = app.size.0 < MIN_WIDTH || app.size.1 < MIN_HEIGHT;
    match &app.overlay {
        Some(Overlay::ConfirmQuit) => match key.code {
            KeyCode::Char(c @ ('s' | 'y' | 'n')) => app.confirm_quit(c),
            KeyCode::Esc => app.confirm_quit('n'),
            _ => {}
        },
        Some(Overlay::Prompt { .. } | Overlay::Form(_) | Overlay::Picker(_)) => app.overlay_key(key),
        _ => {
            if let Some(action) = keymap::action_for(key, &app.scopes()) {
                // Below the minimum size only quitting makes sense.
                if !too_small || action == Action::Quit {
                    app.update(action);
                }
            }
        }
    }
}

/// A left click: a tab switches views; a row of a list is selected, and a click on the
/// row already selected opens it (as Enter does).
pub fn click(app: &mut App, column: u16, row: u16) {
    use crate::tui::action::View;
    use ratatui::layout::{Position, Rect};
    if app.overlay.is_some() || app.size.0 < MIN_WIDTH || app.size.1 < MIN_HEIGHT {
        return;
    }
    let regions = ui::regions(Rect::new(0, 0, app.size.0, app.size.1));
    let at = Position { x: column, y: row };
    if app.doc.is_some() && row == regions.tabs.y {
        if let Some((view, ..)) = ui::tab_spans(app.lang)
            .into_iter()
            .find(|(_, _, from, to)| (*from..*to).contains(&column))
        {
            app.update(Action::Go(view));
        }
        return;
    }
    let body = regions.body;
    // The list under the pointer: its area, the selected index, and how many rows it has.
    let (area, selected, count) = match (&app.doc, app.view) {
        (None, _) => {
            let area = screens::start::rows_area(body);
            let lines = screens::start::lines(app, usize::from(area.width), &app.theme());
            let first = screens::start::first_line(app, &lines, usize::from(area.height));
            if area.contains(at)
                && let Some((Some(item), _)) = lines.get(first + usize::from(row - area.y))
            {
                let item = *item;
                if item == app.start_selected {
                    app.update(Action::Open);
                } else {
                    app.start_selected = item;
                }
            }
            return;
        }
        (Some(_), View::Situation) => (
            screens::situation::rows_area(body),
            app.situation_row,
            app.situation_rows().len(),
        ),
        (Some(_), View::Gaps) => (screens::gaps::rows_area(body), app.gaps_row, app.gap_rows().len()),
        (Some(doc), View::Trainings) if !doc.analysis.trainings.is_empty() => (
            screens::trainings::rows_area(body),
            app.trainings_row,
            app.training_rows().len(),
        ),
        _ => return,
    };
    if !area.contains(at) {
        return;
    }
    let index = ui::scroll_offset(selected, usize::from(area.height)) + usize::from(row - area.y);
    if index >= count {
        return;
    }
    if index == selected {
        app.update(Action::Open);
        return;
    }
    let rows = app.situation_rows();
    match app.view {
        View::Situation if !matches!(rows.get(index), Some(crate::tui::app::Row::Header(_))) => {
            app.situation_row = index
        }
        View::Gaps => app.gaps_row = index,
        View::Trainings => app.trainings_row = index,
        _ => {}
    }
}
