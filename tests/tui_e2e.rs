//! The real binary in a real terminal (tmux): a user's session (views, a level, a paste into
//! evidence, undo, a deletion with its question, saving, F10 back to the start screen), then
//! what must never lose work: a plan changed by another program while open, a second
//! instance, a symlinked plan, a commented plan, a sample opened by its path, and 80×23;
//! then SIGTERM and SIGHUP. Each time the terminal must be left as it was: main screen,
//! cursor shown, mouse reporting off.
//!
//! Needs tmux (`.ci/run` installs it). Without tmux the test says so and passes, unless CI
//! is set, where a missing tmux is a failure.
#![allow(clippy::unwrap_used, clippy::panic)]

mod tui_common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap()
    }

    /// Starts `command` in a 120×40 pane on a private tmux server.
    fn start(name: &str, command: &str) -> Tmux {
        Tmux::start_sized(name, command, 120, 40)
    }

    /// Starts `command` in a `width`×`height` pane on a private tmux server.
    fn start_sized(name: &str, command: &str, width: u16, height: u16) -> Tmux {
        let t = Tmux {
            socket: format!("michi-e2e-{}-{name}", std::process::id()),
            session: name.to_string(),
        };
        let out = t.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            command,
        ]);
        assert!(out.status.success(), "tmux: {}", String::from_utf8_lossy(&out.stderr));
        t
    }

    fn screen(&self) -> String {
        String::from_utf8(self.run(&["capture-pane", "-p", "-t", &self.session]).stdout).unwrap()
    }

    fn var(&self, name: &str) -> String {
        let format = format!("#{{{name}}}");
        String::from_utf8(
            self.run(&["display-message", "-p", "-t", &self.session, &format])
                .stdout,
        )
        .unwrap()
        .trim()
        .to_string()
    }

    /// Sends keys one at a time, pausing between them as a typist would (so Esc is never
    /// read as Alt with the next key).
    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", &self.session, k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Pastes `text` as a terminal paste (bracketed, since Michi asks for it).
    fn paste(&self, text: &str) {
        self.run(&["set-buffer", "-b", "michi", "--", text]);
        self.run(&["paste-buffer", "-p", "-b", "michi", "-t", &self.session]);
    }

    /// Waits until the screen satisfies `ok`, or fails showing the screen.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn wait_text(&self, text: &str) -> String {
        self.wait(text, |s| s.contains(text))
    }

    /// Waits for Michi to exit: the shell that started it then prints AFTER-MICHI and
    /// stays, so the pane's modes can still be read (tmux reports none for a dead pane).
    fn wait_exit(&self) {
        self.wait_text("AFTER-MICHI");
    }

    /// Michi's process id: the child of the pane's shell.
    fn michi_pid(&self) -> String {
        let shell = self.var("pane_pid");
        let out = Command::new("ps")
            .args(["-o", "pid=", "--ppid", &shell])
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap_or_else(|| panic!("no child of {shell}"))
            .to_string()
    }

    /// The terminal is as it was before Michi started.
    fn assert_restored(&self) {
        assert_eq!(self.var("alternate_on"), "0", "left the alternate screen");
        assert_eq!(self.var("cursor_flag"), "1", "cursor shown");
        for flag in [
            "mouse_any_flag",
            "mouse_button_flag",
            "mouse_standard_flag",
            "mouse_sgr_flag",
        ] {
            assert_eq!(self.var(flag), "0", "{flag} off");
        }
        let screen = self.screen();
        assert!(screen.contains("BEFORE-MICHI"), "the shell's screen is back:\n{screen}");
        assert!(!screen.contains("Michi 道"), "no trace of the app:\n{screen}");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required in CI (.ci/run installs it)"
        );
        eprintln!("tmux not found: skipping the end-to-end terminal test (install tmux to run it)");
    }
    ok
}

fn command(data: &Path, config: &Path, args: &str) -> String {
    format!(
        "sh -c 'echo BEFORE-MICHI; MICHI_DATA_DIR={} MICHI_CONFIG_DIR={} TERM=xterm-256color {} {args}; echo AFTER-MICHI status=$?; sleep 60'",
        data.display(),
        config.display(),
        env!("CARGO_BIN_EXE_michi")
    )
}

fn load(path: &Path) -> michi::model::Plan {
    let catalog = michi::store::Catalog::load(None, michi::i18n::Lang::Ja);
    michi::store::load_plan_file(path, &catalog, michi::i18n::Lang::Ja).unwrap()
}

/// Opens 入間's 主任 persona from the start screen (the second sample, after the five cities).
fn open_iruma_persona(t: &Tmux) {
    t.wait_text("サンプルの人物像");
    t.keys(&["Down", "Down", "Down", "Down", "Down", "Down", "Enter"]);
    t.wait_text("入間 健");
}

#[test]
fn a_user_session_in_a_real_terminal_and_sigterm() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (data, config) = (dir.path().join("data"), dir.path().join("config"));

    let t = Tmux::start("session", &command(&data, &config, ""));
    open_iruma_persona(&t);
    t.keys(&["Tab"]);
    t.wait_text("職級の違い");
    t.keys(&["Tab"]);
    t.wait_text("準備度 52/100");
    t.keys(&["+"]);
    let raised = t.wait("readiness to change", |s| {
        s.contains("準備度 ") && !s.contains("準備度 52/100")
    });
    assert!(raised.contains("未保存"), "{raised}");

    // Three pasted lines go into the evidence, never read as keys (`-` would lower a level,
    // `q` would close the plan).
    t.keys(&["1"]);
    for _ in 0..14 {
        t.keys(&["Down"]);
    }
    t.wait_text("▶ 交渉・調整能力");
    t.keys(&["e"]);
    t.wait_text("根拠: 交渉・調整能力");
    t.paste("窓口の待ち時間を半分にした\n-\nq");
    t.wait_text("窓口の待ち時間を半分にした");
    t.keys(&["C-s"]);
    let shown = t.wait_text("根拠:");
    let row = shown.lines().find(|l| l.contains("▶ 交渉・調整能力")).unwrap_or("");
    assert!(row.contains("本人 3"), "the level is unchanged:\n{shown}");
    assert!(
        !shown.contains("保存せずに閉じる"),
        "q was not taken as a key:\n{shown}"
    );
    // Undo takes the evidence back out.
    t.keys(&["u"]);
    t.wait_text("元に戻しました");

    // Save under the suggested name (the city and the person).
    t.keys(&["C-s"]);
    t.wait_text("名前を付けて保存");
    t.keys(&["Enter"]);
    t.wait_text("保存しました");
    let file = data.join(format!(
        "plans/{}.toml",
        michi::store::data_dir::plan_file_stem("入間市", Some("入間 健"))
    ));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let plan = load(&file);
    assert_eq!(plan.self_assessment["soshiki_kanri"], 3, "the raised level is on disk");
    assert!(
        !plan.evidence.get("kosho_chosei").is_some_and(|e| e.contains("半分")),
        "the undone evidence is not"
    );
    assert!(!plan.sample);

    // Deleting asks first; anything but y keeps it; y deletes; u brings it back (all saved).
    t.keys(&["4", "End"]);
    t.wait_text("受講済み");
    let done = plan.completed_trainings.len();
    t.keys(&["x"]);
    t.wait_text("削除しますか");
    t.keys(&["n"]);
    t.wait_text("削除を取り消しました");
    assert_eq!(load(&file).completed_trainings.len(), done);
    t.keys(&["x"]);
    t.wait_text("削除しますか");
    t.keys(&["y"]);
    t.wait_text("u で元に戻す");
    t.wait("the deletion saved", |_| {
        load(&file).completed_trainings.len() == done - 1
    });
    t.keys(&["u"]);
    t.wait("the undo saved", |_| load(&file).completed_trainings.len() == done);

    // F10 goes back to the start screen, where the plan is listed; q there quits.
    t.keys(&["F10"]);
    t.wait_text("保存した計画");
    t.keys(&["q"]);
    t.wait_exit();
    t.assert_restored();
    let plan = load(&file);
    drop(t);

    // SIGTERM to a running instance (opened on the saved file) restores the terminal too.
    let t = Tmux::start("sigterm", &command(&data, &config, &format!("\"{}\"", file.display())));
    t.wait_text("入間 健");
    let pid = t.michi_pid();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    t.wait_exit();
    t.assert_restored();
    assert!(t.screen().contains("status=143"), "128 + SIGTERM:\n{}", t.screen());
    assert_eq!(load(&file), plan, "the file is untouched by the stop");
    drop(t);

    // SIGHUP (the terminal window closed) likewise.
    let t = Tmux::start("sighup", &command(&data, &config, &format!("\"{}\"", file.display())));
    t.wait_text("入間 健");
    assert!(
        Command::new("kill")
            .args(["-HUP", &t.michi_pid()])
            .status()
            .unwrap()
            .success()
    );
    t.wait_exit();
    t.assert_restored();
    assert!(t.screen().contains("status=129"), "128 + SIGHUP:\n{}", t.screen());
}

#[test]
fn other_signals_and_a_panic_off_the_main_thread_restore_the_terminal() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (data, config) = (dir.path().join("data"), dir.path().join("config"));
    for (signal, status) in [("QUIT", 131), ("USR1", 138)] {
        let t = Tmux::start(&format!("sig{signal}"), &command(&data, &config, ""));
        t.wait_text("新しい計画を作る");
        assert!(
            Command::new("kill")
                .args([&format!("-{signal}"), &t.michi_pid()])
                .status()
                .unwrap()
                .success()
        );
        t.wait_exit();
        t.assert_restored();
        assert!(
            t.screen().contains(&format!("status={status}")),
            "SIG{signal}:\n{}",
            t.screen()
        );
    }
    let t = Tmux::start(
        "panic",
        &command(&data, &config, "").replace("TERM=", "MICHI_TEST_PANIC_IN_INPUT_THREAD=1 TERM="),
    );
    t.wait_exit();
    t.assert_restored();
    assert!(
        t.screen().contains("status=101"),
        "a panic ends with 101:\n{}",
        t.screen()
    );
}

/// Writes `michi plan new` for 入間 (a plan full of comments) at `path`.
fn new_commented_plan(path: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_michi"))
        .args(["plan", "new", "--profile", "iruma", "-o"])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Raises the first competency's self level by one, from the start of the situation view.
fn raise_first_level(t: &Tmux) {
    for _ in 0..9 {
        t.keys(&["Down"]);
    }
    t.wait_text("▶ 行政経営能力");
    t.keys(&["+"]);
}

#[test]
fn files_are_never_lost_or_overwritten() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (data, config) = (dir.path().join("data"), dir.path().join("config"));

    // A commented plan changed by one level: one changed line, every comment kept. Opened
    // through a symlink: the link stays a link and the file it points to changes.
    let real = dir.path().join("real.toml");
    new_commented_plan(&real);
    let original = std::fs::read_to_string(&real).unwrap();
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let t = Tmux::start("commented", &command(&data, &config, &link.display().to_string()));
    t.wait_text("見本 太郎");
    raise_first_level(&t);
    t.wait_text("保存済み");
    t.keys(&["q"]);
    t.wait_text("新しい計画を作る");
    t.keys(&["q"]);
    t.wait_exit();
    t.assert_restored();
    drop(t);
    assert!(
        std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "the link is still a link"
    );
    let changed = std::fs::read_to_string(&real).unwrap();
    let before: Vec<&str> = original.lines().collect();
    let after: Vec<&str> = changed.lines().collect();
    let added: Vec<&&str> = after.iter().filter(|l| !before.contains(l)).collect();
    let removed: Vec<&&str> = before.iter().filter(|l| !after.contains(l)).collect();
    assert_eq!(added, [&"gyosei_keiei = 1"], "one line added:\n{changed}");
    assert!(removed.is_empty(), "nothing removed: {removed:?}");

    // Another program changes the file while it is open: never overwritten.
    let t = Tmux::start("external", &command(&data, &config, &real.display().to_string()));
    t.wait_text("見本 太郎");
    let edited = changed.replace("name = \"見本 太郎\"", "name = \"見本 次郎\"");
    std::fs::write(&real, &edited).unwrap();
    raise_first_level(&t);
    t.wait_text("ファイルが他で変更されています");
    assert_eq!(
        std::fs::read_to_string(&real).unwrap(),
        edited,
        "the other program's change stays"
    );
    // Meanwhile a second instance opens the same plan read-only.
    let second = Tmux::start("second", &command(&data, &config, &real.display().to_string()));
    second.wait_text("読み取り専用");
    second.keys(&["q"]);
    second.wait_text("新しい計画を作る");
    second.keys(&["q"]);
    second.wait_exit();
    drop(second);
    // Reload takes the file's version; quitting leaves it as the other program wrote it.
    t.keys(&["r"]);
    t.wait_text("読み直しました");
    t.keys(&["q"]);
    t.wait_text("新しい計画を作る");
    t.keys(&["q"]);
    t.wait_exit();
    t.assert_restored();
    drop(t);
    assert_eq!(std::fs::read_to_string(&real).unwrap(), edited);

    // A sample opened by its path is never written to, whatever is done to it.
    let sample = dir.path().join("sample.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/personas/iruma-shunin-to-kacho.toml"),
        &sample,
    )
    .unwrap();
    let sample_text = std::fs::read_to_string(&sample).unwrap();
    let t = Tmux::start("sample", &command(&data, &config, &sample.display().to_string()));
    t.wait_text("サンプル");
    raise_first_level(&t);
    t.keys(&["q"]);
    t.wait_text("保存していない変更があります");
    t.keys(&["n"]);
    t.wait_text("新しい計画を作る");
    t.keys(&["q"]);
    t.wait_exit();
    drop(t);
    assert_eq!(
        std::fs::read_to_string(&sample).unwrap(),
        sample_text,
        "the sample is untouched"
    );

    // 80×23 (an 80×24 terminal inside tmux or screen) is laid out, not refused.
    let t = Tmux::start_sized("small", &command(&data, &config, ""), 80, 23);
    let screen = t.wait_text("新しい計画を作る");
    assert!(!screen.contains("広げてください"), "{screen}");
    // Alt-[ then ? (ESC [ ?) once froze every key until a `c` or `u` came: now the stray
    // prefix is let go and ? opens the help, which Esc closes.
    t.keys(&["M-[", "?"]);
    t.wait_text("ヘルプ: キー一覧");
    t.keys(&["Escape"]);
    t.wait("the help to close", |s| !s.contains("ヘルプ: キー一覧"));
    t.keys(&["q"]);
    t.wait_exit();
    t.assert_restored();
}

/// A supervisor in an evaluation interview, at 80×24: records the interview, a goal and a
/// note in the Interview view, then exports the sheet from the app. The plan file holds
/// them as `[[interviews]]`, `[[interviews.goals]]` and `[[notes]]`, and the sheet, a
/// private file in the data folder's exports, shows the goal and the note.
#[test]
fn an_interview_goal_and_note_are_recorded_and_exported() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (data, config) = (dir.path().join("data"), dir.path().join("config"));
    let plan = dir.path().join("plan.toml");
    new_commented_plan(&plan);
    let t = Tmux::start_sized(
        "interview",
        &command(&data, &config, &plan.display().to_string()),
        80,
        24,
    );
    t.wait_text("見本 太郎");
    t.keys(&["8"]);
    t.wait_text("面談記録");
    t.keys(&["a"]);
    t.wait_text("面談を追加");
    t.keys(&["Tab", "Tab", "Tab"]);
    t.paste("上越 太郎");
    t.keys(&["Enter"]);
    t.wait_text("評価者 上越 太郎");
    t.keys(&["a"]);
    t.wait_text("目標を追加");
    t.paste("窓口の待ち時間を短縮する");
    t.keys(&["Tab"]);
    t.paste("平均待ち時間 20分→10分");
    t.keys(&["Enter"]);
    t.wait_text("目標1: 窓口の待ち時間を短縮する");
    t.keys(&["Space"]);
    t.wait_text("[取組中]");
    t.keys(&["n"]);
    t.wait_text("記録メモを追加");
    t.paste("繁忙期に窓口の応援体制を自分から提案した");
    t.keys(&["Up", "Right", "Up", "Right", "Enter"]);
    t.wait_text("上司 ［行政経営能力］繁忙期");
    t.wait_text("保存済み");
    let saved = std::fs::read_to_string(&plan).unwrap();
    assert!(
        saved.contains("[[interviews]]") && saved.contains("[[interviews.goals]]"),
        "{saved}"
    );
    assert!(saved.contains("status = \"in_progress\""), "{saved}");
    assert!(
        saved.contains("[[notes]]") && saved.contains("author = \"supervisor\""),
        "{saved}"
    );
    assert!(saved.contains("# "), "the plan's comments stay:\n{saved}");
    let read = load(&plan);
    assert_eq!(read.interviews[0].goals[0].title, "窓口の待ち時間を短縮する");
    assert_eq!(read.notes[0].competency.as_deref(), Some("gyosei_keiei"));

    // Export: X, the form's defaults (HTML, this year), Enter.
    t.keys(&["X"]);
    t.wait_text("面談シートを書き出す");
    t.keys(&["Enter"]);
    t.wait_text("面談シートを書き出しました");
    let exports: Vec<_> = std::fs::read_dir(data.join("exports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(exports.len(), 1, "{exports:?}");
    let sheet = &exports[0];
    assert!(sheet.extension().is_some_and(|e| e == "html"), "{sheet:?}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(sheet).unwrap().permissions().mode() & 0o777, 0o600);
    let html = std::fs::read_to_string(sheet).unwrap();
    for text in [
        "窓口の待ち時間を短縮する",
        "平均待ち時間 20分→10分",
        "繁忙期に窓口の応援体制",
        "上越 太郎",
    ] {
        assert!(html.contains(text), "the sheet shows {text}");
    }
    t.keys(&["q"]);
    t.wait_text("新しい計画を作る");
    t.keys(&["q"]);
    t.wait_exit();
    t.assert_restored();
}

/// The team list from the start screen: `t`, the folder typed, both plans listed (the broken
/// file with its problem), Enter opens the selected one; back on the start screen `t` offers
/// the same folder and the list comes back on the plan opened last.
#[test]
fn a_team_folder_is_listed_from_the_start_screen_and_a_plan_opens_from_it() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (data, config) = (dir.path().join("data"), dir.path().join("config"));
    let team = tui_common::team_folder();
    let t = Tmux::start("team", &command(&data, &config, ""));
    t.wait_text("新しい計画を作る");
    t.keys(&["t"]);
    t.wait_text("チームの計画を一覧するフォルダ");
    t.keys(&[&team.path().display().to_string(), "Enter"]);
    let listed = t.wait_text("豊岡 美咲");
    for text in ["入間 健", "c-broken.toml", "準備度(本人)", "2026-05-12"] {
        assert!(listed.contains(text), "{text} missing:\n{listed}");
    }
    t.keys(&["Down", "Enter"]);
    let opened = t.wait_text("開きました");
    assert!(opened.contains("入間市 — 豊岡 美咲"), "{opened}");
    assert!(opened.contains("b-toyooka.toml"), "{opened}");
    t.keys(&["q"]);
    t.wait_text("新しい計画を作る");
    t.keys(&["t"]);
    t.wait_text("チームの計画を一覧するフォルダ");
    t.keys(&["Enter"]);
    t.wait_text("▶ 豊岡 美咲");
    t.keys(&["Escape"]);
    t.wait("the list to close", |s| !s.contains("チームの計画:"));
    t.keys(&["q"]);
    t.wait_exit();
    t.assert_restored();
}

/// A facilitator's session at 80×24: `michi workshop --cohort 55sai --anonymous`, the
/// banner with the fixed date, N starts the guided tour, n steps through every step to the
/// end (each step's persona, view and narration on screen, names as pseudonyms), then q
/// and q leave with the terminal as it was and no file written.
#[test]
fn a_guided_tour_runs_from_start_to_end_in_a_real_terminal() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (data, config) = (dir.path().join("data"), dir.path().join("config"));
    let t = Tmux::start_sized(
        "tour",
        &command(&data, &config, "workshop --cohort 55sai --anonymous"),
        80,
        24,
    );
    let banner = t.wait_text("ワークショップ（基準日 2026-11-22）55歳");
    assert!(banner.contains("この回の人物像（55歳）"), "{banner}");
    let tour = michi::tui::state::Tour::load(michi::store::tours::Cohort::FiftyFive).unwrap();
    let n = tour.steps.len();
    t.keys(&["N"]);
    for (i, step) in tour.steps.iter().enumerate() {
        let label = format!("ツアー {}/{n}: ", i + 1);
        let shown = t.wait_text(&label);
        let title = step.view.short_title(michi::i18n::Lang::Ja);
        assert!(
            shown.contains(&format!("[{} {title}]", step.view.index() + 1)),
            "{shown}"
        );
        let city = if step.persona.starts_with("ageo") {
            "上尾市"
        } else {
            "川越市"
        };
        assert!(shown.contains(&format!("{city} — 参加者")), "{shown}");
        assert!(!shown.contains("原市 恵子") && !shown.contains("的場 勝"), "{shown}");
        t.keys(&["n"]);
    }
    let end = t.wait_text("ガイドツアーはここまでです");
    assert!(!end.contains("ツアー 1/"), "the bar is gone:\n{end}");
    t.keys(&["q"]);
    t.wait_text("ガイドツアー（n・p");
    t.keys(&["q"]);
    t.wait_exit();
    t.assert_restored();
    let plans = data.join("plans");
    assert!(
        !plans.exists() || std::fs::read_dir(&plans).unwrap().next().is_none(),
        "a tour writes no plan"
    );
}

/// A comparison from the start screen: `C`, the first plan, then the second searched for;
/// both people and both readiness figures side by side; `Esc` back to the start screen.
#[test]
fn two_plans_are_compared_from_the_start_screen() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (data, config) = (dir.path().join("data"), dir.path().join("config"));
    let t = Tmux::start("compare", &command(&data, &config, "--today 2026-11-21"));
    t.wait_text("サンプルの人物像");
    t.keys(&["C"]);
    t.wait_text("比較する1つ目の計画を選ぶ");
    t.keys(&["Down", "Enter"]);
    t.wait_text("比較する2つ目の計画を選ぶ");
    t.keys(&["hoiku-shunin", "Enter"]);
    let shown = t.wait_text("比較: 2つの計画");
    for text in [
        "A: 入間 健 — 入間市・一般職員",
        "B: 川越 由紀 — 川越市・保育職",
        "■ 目標の職級への準備度",
        "本人 52/100（評価済み 16/16）",
        "—（この職級に求める段階の定めなし）",
    ] {
        assert!(shown.contains(text), "{text} missing:\n{shown}");
    }
    t.keys(&["Escape"]);
    t.wait("the start screen", |s| {
        s.contains("新しい計画を作る") && !s.contains("比較:")
    });
    t.keys(&["q"]);
    t.wait_exit();
    t.assert_restored();
}
