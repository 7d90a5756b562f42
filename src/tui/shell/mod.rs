//! The imperative shell: terminal set-up and restore (on quit, panic, Ctrl-C, SIGTERM and
//! SIGHUP), the event loop, and carrying out the effects `update` asks for — opening and
//! saving plan files, drafts, the trash, settings — reporting each result back as an action.
//! The app redraws only when something happens; it never polls on a timer.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, KeyEventKind,
    MouseButton, MouseEventKind,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::i18n::Lang;
use crate::model::Date;
use crate::store::Catalog;
use crate::store::profiles::user_profile_dir;
use crate::store::settings::{self, Settings};
use crate::tui::action::{Action, Command};
use crate::tui::keymap::command_for;
use crate::tui::state::{ProfileProblem, Said, State, Ui};
use crate::tui::theme::ThemeKind;
use crate::tui::update::{Effect, scopes, update};
use crate::tui::view::{self, HitMap};

mod compare;
mod files;
mod roster;

pub use files::Files;

/// Options from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--lang`, when given: it overrides the saved setting.
    pub lang: Option<Lang>,
    pub ascii: bool,
    pub theme: Option<ThemeKind>,
    pub plan: Option<PathBuf>,
    /// `--today`: the as-of date for the whole session (demos, handouts).
    pub today: Option<Date>,
    /// `michi workshop`: start in workshop mode.
    pub workshop: Option<WorkshopOptions>,
    /// `--no-wareki`: fiscal years without their 和暦 this session.
    pub no_wareki: bool,
    /// `--ambiguous-wide`: the terminal draws ambiguous-width characters two columns wide.
    pub ambiguous_wide: bool,
}

/// The options of `michi workshop`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkshopOptions {
    /// The cohort (None: the app asks for it).
    pub cohort: Option<crate::store::tours::Cohort>,
    /// Names shown as pseudonyms from the start.
    pub anonymous: bool,
}

/// Puts the terminal back as it was: raw mode off, main screen, cursor shown, mouse
/// capture and bracketed paste off. Safe to call more than once.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

/// Restores the terminal when dropped, whatever path leaves `run`.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// The interface language the options and settings ask for.
fn start_lang(options: &Options, settings: &Settings) -> Lang {
    options.lang.unwrap_or(settings.lang)
}

/// The profiles, and (only when some failed to load) the failures told in the other
/// language too, so `L` switches load problems like everything else.
pub struct LoadedProfiles {
    catalog: Catalog,
    other_failed: Vec<crate::store::FailedProfile>,
}

/// Loads the profiles for `lang` (no terminal involved).
pub fn load_profiles(lang: Lang, user_profiles: Option<&Path>) -> LoadedProfiles {
    let catalog = Catalog::load(user_profiles, lang);
    let other = match lang {
        Lang::Ja => Lang::En,
        Lang::En => Lang::Ja,
    };
    let other_failed = if catalog.failed.is_empty() {
        Vec::new()
    } else {
        Catalog::load(user_profiles, other).failed
    };
    LoadedProfiles { catalog, other_failed }
}

/// The state for the options and settings, with the user's profiles from `user_profiles`
/// (no terminal involved).
pub fn build_state(options: &Options, settings: &Settings, today: Date, user_profiles: Option<&Path>) -> State {
    let loaded = load_profiles(start_lang(options, settings), user_profiles);
    state_with(options, settings, today, loaded)
}

/// The state for the options and settings over profiles already loaded.
pub fn state_with(options: &Options, settings: &Settings, today: Date, loaded: LoadedProfiles) -> State {
    let mut state = state_before_profiles(options, settings, today);
    install_profiles(&mut state, loaded);
    state
}

/// The state before the profiles are loaded: the start screen lists the bundled
/// municipalities from their headers meanwhile.
fn state_before_profiles(options: &Options, settings: &Settings, today: Date) -> State {
    let lang = start_lang(options, settings);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = options
        .theme
        .or_else(|| no_color.then_some(ThemeKind::Mono))
        .or_else(|| ThemeKind::parse(&settings.theme))
        .unwrap_or(ThemeKind::Default);
    let ui = Ui {
        lang,
        theme,
        ascii: options.ascii || settings.ascii,
        mouse: settings.mouse,
        wareki: settings.wareki && !options.no_wareki,
        ambiguous_wide: options.ambiguous_wide || settings.ambiguous_wide,
    };
    let mut state = State::new(
        Catalog::default(),
        ui,
        options.today.unwrap_or(today),
        options.today.is_some(),
    );
    state.session = format!("{}", std::process::id());
    if let Some(workshop) = options.workshop {
        crate::tui::update::enter_workshop(&mut state, workshop.cohort, workshop.anonymous);
        if workshop.cohort.is_none() {
            update(&mut state, Action::Command(crate::tui::action::Command::Workshop));
        }
    }
    state
}

/// Puts the loaded profiles in the state, with their load problems in both languages.
fn install_profiles(state: &mut State, loaded: LoadedProfiles) {
    let lang = state.lang();
    let LoadedProfiles { catalog, other_failed } = loaded;
    state.profile_problems = catalog
        .failed
        .iter()
        .map(|f| {
            let twin = other_failed.iter().find(|o| o.path == f.path).unwrap_or(f);
            let (ja, en) = match lang {
                Lang::Ja => (f, twin),
                Lang::En => (twin, f),
            };
            let first = |f: &crate::store::FailedProfile| {
                f.diagnostics
                    .first()
                    .map(|d| format!("{} {}", d.location(), d.message))
                    .unwrap_or_default()
            };
            let all = |f: &crate::store::FailedProfile, l| f.diagnostics.render(l);
            ProfileProblem {
                path: f.path.clone(),
                first: Said::new(first(ja), first(en)),
                all: Said::new(all(ja, Lang::Ja), all(en, Lang::En)),
            }
        })
        .collect();
    state.catalog = catalog;
    if !state.catalog.failed.is_empty() {
        let n = state.catalog.failed.len();
        state.warn(Said::each(|l| match l {
            Lang::Ja => format!("読み込めなかったプロファイルが {n} 件あります（一覧の下に理由を表示）"),
            Lang::En => format!("{n} profile(s) failed to load (reasons at the end of the list)"),
        }));
    }
}

/// Runs one action and everything it leads to: effects are carried out in order and their
/// results handled before the next event.
pub fn dispatch(state: &mut State, files: &mut Files, action: Action) -> Vec<Effect> {
    dispatch_showing(state, files, action, &mut |_| {})
}

/// As [`dispatch`], calling `show` with the state before an effect that may take seconds
/// (reading a roster or a folder of plans), so the screen can say what is going on.
pub fn dispatch_showing(
    state: &mut State,
    files: &mut Files,
    action: Action,
    show: &mut dyn FnMut(&State),
) -> Vec<Effect> {
    let mut terminal_effects = Vec::new();
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in update(state, action) {
            match effect {
                Effect::SetMouse(_) | Effect::Quit => terminal_effects.push(effect),
                effect => {
                    if matches!(
                        effect,
                        Effect::ReadRoster { .. } | Effect::ReadHistory { .. } | Effect::ReadTeam(_)
                    ) {
                        show(state);
                    }
                    if let Some(outcome) = files.carry_out(state, effect) {
                        queue.push_back(Action::Done(Box::new(outcome)));
                    }
                }
            }
        }
    }
    terminal_effects
}

/// A terminal event as an action (None: nothing to do).
pub fn action_for(state: &State, event: Event, hits: &HitMap) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => command_for(&key, &scopes(state)).map(Action::Command),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Mouse(mouse) if state.ui.mouse => match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp if over_details(state, mouse.column, mouse.row) => {
                Some(Action::Command(if mouse.kind == MouseEventKind::ScrollDown {
                    Command::DetailsDown
                } else {
                    Command::DetailsUp
                }))
            }
            MouseEventKind::ScrollDown => Some(Action::Scroll(1)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-1)),
            MouseEventKind::Down(MouseButton::Left) => hits.at(mouse.column, mouse.row).cloned().map(Action::Click),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// The wheel is over the details pane: it scrolls the pane (as `J` `K` do).
fn over_details(state: &State, column: u16, row: u16) -> bool {
    view::details_area(state).is_some_and(|area| area.contains(ratatui::layout::Position { x: column, y: row }))
}

enum Message {
    Input(Vec<u8>),
    Event(Event),
    Resized,
    /// A signal that ends the program (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, …), by
    /// number: the exit status is 128 + it, as a shell reports a death by signal.
    Stop(i32),
    InputClosed,
    /// A thread other than the main one panicked (the message to print).
    Panicked(String),
}

/// Runs the app until the user quits or the process is told to stop.
pub fn run(options: Options) -> ExitCode {
    let settings_path = settings::settings_path();
    let (settings, settings_error, settings_writable) = settings::load(settings_path.as_deref());
    let lang = start_lang(&options, &settings);

    let (tx, rx) = mpsc::channel::<Message>();
    // A panic in any thread puts the terminal back and ends the program (status 101). On
    // the main thread the hook restores the terminal before the message is printed, and
    // unwinding ends the program; off it, the main loop is told, so it stops drawing and
    // leaves through the same door as a quit (a panic elsewhere would otherwise leave the
    // app running, frozen, in raw mode).
    let previous_hook = std::panic::take_hook();
    let panic_tx = std::sync::Mutex::new(tx.clone());
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some("main") {
            restore_terminal();
            previous_hook(info);
        } else if let Ok(tx) = panic_tx.lock() {
            // Printed once the terminal is back, where it can be read.
            let _ = tx.send(Message::Panicked(info.to_string()));
        }
    }));

    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGWINCH};
        let stopping = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2];
        if let Ok(mut signals) = signal_hook::iterator::Signals::new(stopping.iter().chain(&[SIGWINCH])) {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for signal in signals.forever() {
                    let message = if signal == SIGWINCH {
                        Message::Resized
                    } else {
                        Message::Stop(signal)
                    };
                    if tx.send(message).is_err() {
                        break;
                    }
                }
            });
        }
    }
    let mut stopped_by: Option<i32> = None;
    let mut panicked: Option<String> = None;

    if let Err(e) = enable_raw_mode() {
        eprintln!(
            "michi: {}: {e}",
            lang.pick("端末を操作できません", "cannot use this terminal")
        );
        return ExitCode::FAILURE;
    }
    let _guard = TerminalGuard;
    let mut out = io::stdout();
    if execute!(out, EnterAlternateScreen, EnableBracketedPaste).is_err() {
        return ExitCode::FAILURE;
    }
    if settings.mouse {
        let _ = execute!(out, EnableMouseCapture);
    }
    let Ok(mut terminal) = Terminal::new(CrosstermBackend::new(io::stdout())) else {
        return ExitCode::FAILURE;
    };
    let mut state = state_before_profiles(&options, &settings, crate::clock::today_in_japan());
    if let Some(e) = settings_error {
        state.warn(Said::each(|l| {
            format!(
                "{}: {e}",
                l.pick(
                    "設定ファイルを読めません（既定値で起動、設定は保存しません）",
                    "cannot read the settings (using defaults; settings are not saved)"
                )
            )
        }));
    }
    if let Ok(size) = terminal.size() {
        state.size = (size.width, size.height);
    }
    // The first frame is the start screen with the municipalities from their headers; the
    // profiles are read right after it, before any key (the start is measured against a bare
    // ratatui program: scripts/start-time.py).
    let mut hits = HitMap::default();
    if terminal.draw(|frame| hits = view::draw(frame, &state)).is_err() {
        return ExitCode::FAILURE;
    }
    install_profiles(&mut state, load_profiles(lang, user_profile_dir().as_deref()));
    let mut files = Files::from_environment(settings_path.filter(|_| settings_writable));
    files.start(&mut state);
    spawn_input(tx.clone());
    if let Some(path) = options.plan.clone() {
        let effects = dispatch(&mut state, &mut files, Action::OpenPath(path));
        apply_terminal_effects(&effects);
    }

    #[cfg(unix)]
    let mut decoder = crate::tui::input::Decoder::default();
    // Drawn again only when an action arrived (a key that means nothing here, a stray
    // mouse move or half an escape sequence changes nothing, so costs nothing).
    let mut needs_draw = true;
    while !state.quit {
        if needs_draw && terminal.draw(|frame| hits = view::draw(frame, &state)).is_err() {
            break;
        }
        needs_draw = false;
        // Block until something happens, then take the whole burst before redrawing.
        let mut events: Vec<Message> = Vec::new();
        #[cfg(unix)]
        let first = if decoder.waiting() {
            // An escape sequence is unfinished: give it a moment, then take it as it stands.
            match rx.recv_timeout(Duration::from_millis(40)) {
                Ok(m) => Some(m),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    events.extend(decoder.flush().into_iter().map(Message::Event));
                    None
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => break,
            }
        };
        #[cfg(not(unix))]
        let first = match rx.recv() {
            Ok(m) => Some(m),
            Err(_) => break,
        };
        let burst: Vec<Message> = first.into_iter().chain(rx.try_iter()).collect();
        for message in burst {
            match message {
                #[cfg(unix)]
                Message::Input(bytes) => events.extend(decoder.feed(&bytes).into_iter().map(Message::Event)),
                other => events.push(other),
            }
        }
        for message in events {
            let action = match message {
                Message::Event(event) => action_for(&state, event, &hits),
                Message::Resized => terminal.size().ok().map(|s| Action::Resize(s.width, s.height)),
                Message::Stop(signal) => {
                    stopped_by = Some(signal);
                    Some(Action::Terminate)
                }
                Message::InputClosed => Some(Action::Terminate),
                Message::Panicked(message) => {
                    panicked = Some(message);
                    Some(Action::Terminate)
                }
                Message::Input(_) => None,
            };
            if let Some(action) = action {
                let mut show = |state: &State| {
                    let _ = terminal.draw(|frame| hits = view::draw(frame, state));
                };
                let effects = dispatch_showing(&mut state, &mut files, action, &mut show);
                apply_terminal_effects(&effects);
                needs_draw = true;
            }
            if state.quit {
                break;
            }
        }
    }
    drop(terminal);
    drop(files);
    if let Some(message) = panicked {
        restore_terminal();
        eprintln!("michi: {message}");
        return ExitCode::from(101);
    }
    match stopped_by {
        Some(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        None => ExitCode::SUCCESS,
    }
}

fn apply_terminal_effects(effects: &[Effect]) {
    for effect in effects {
        if let Effect::SetMouse(on) = effect {
            let _ = if *on {
                execute!(io::stdout(), EnableMouseCapture)
            } else {
                execute!(io::stdout(), DisableMouseCapture)
            };
        }
    }
}

/// Reads the terminal's input on its own thread: raw bytes on Unix (decoded by
/// `tui::input`, which bounds every escape sequence), crossterm's events elsewhere.
fn spawn_input(tx: mpsc::Sender<Message>) {
    // Fault injection for the end-to-end tests: a panic off the main thread.
    let panic_for_test = std::env::var_os("MICHI_TEST_PANIC_IN_INPUT_THREAD").is_some();
    #[cfg(unix)]
    std::thread::spawn(move || {
        use std::io::Read;
        #[allow(clippy::panic)]
        if panic_for_test {
            panic!("a panic in the input thread, for a test");
        }
        let mut stdin = io::stdin().lock();
        let mut buf = [0u8; 4096];
        loop {
            match stdin.read(&mut buf) {
                Ok(0) | Err(_) => {
                    let _ = tx.send(Message::InputClosed);
                    break;
                }
                Ok(n) => {
                    if tx.send(Message::Input(buf.get(..n).unwrap_or(&[]).to_vec())).is_err() {
                        break;
                    }
                }
            }
        }
    });
    #[cfg(not(unix))]
    std::thread::spawn(move || {
        #[allow(clippy::panic)]
        if panic_for_test {
            panic!("a panic in the input thread, for a test");
        }
        while let Ok(ev) = crossterm::event::read() {
            if tx.send(Message::Event(ev)).is_err() {
                break;
            }
        }
    });
}

/// `~` at the start of a typed path is the home directory.
pub fn expand_home(typed: &str) -> PathBuf {
    match typed.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => std::env::var_os("HOME")
            .map(PathBuf::from)
            .map_or_else(|| PathBuf::from(typed), |home| home.join(rest.trim_start_matches('/'))),
        _ => PathBuf::from(typed),
    }
}

/// What differs between the file on disk and my version, line by line (`-` the file,
/// `+` mine), with two lines of context around each change.
pub fn diff_lines(disk: &str, mine: &str) -> String {
    let diff = similar::TextDiff::from_lines(disk, mine);
    let mut out = String::new();
    for group in diff.grouped_ops(2) {
        for op in group {
            for change in diff.iter_changes(&op) {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => "- ",
                    similar::ChangeTag::Insert => "+ ",
                    similar::ChangeTag::Equal => "  ",
                };
                out.push_str(sign);
                out.push_str(change.value().trim_end_matches('\n'));
                out.push('\n');
            }
        }
        out.push_str("…\n");
    }
    crate::text::escape_controls(&out)
}
