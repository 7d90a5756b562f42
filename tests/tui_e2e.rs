//! The real binary in a real terminal (tmux): open a persona, move through the views, raise
//! a level, save, quit, reload the file; then SIGTERM and SIGHUP a running instance. Each time the
//! terminal must be left as it was: main screen, cursor shown, mouse reporting off.
//!
//! Needs tmux (`.ci/run` installs it). Without tmux the test says so and passes, unless CI
//! is set, where a missing tmux is a failure.
#![allow(clippy::unwrap_used, clippy::panic)]

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
            "120",
            "-y",
            "40",
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

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", &self.session, k]);
        }
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
        "sh -c 'echo BEFORE-MICHI; MICHI_DATA_DIR={} MICHI_CONFIG_DIR={} TERM=xterm-256color {} {args}; echo AFTER-MICHI; sleep 60'",
        data.display(),
        config.display(),
        env!("CARGO_BIN_EXE_michi")
    )
}

#[test]
fn a_user_session_in_a_real_terminal_and_sigterm() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (data, config) = (dir.path().join("data"), dir.path().join("config"));

    let t = Tmux::start("session", &command(&data, &config, ""));
    t.wait_text("サンプルの人物像");
    // Personas follow the five municipalities: the second one is 入間's 主任.
    t.keys(&["Down", "Down", "Down", "Down", "Down", "Down", "Enter"]);
    t.wait_text("入間 健");
    t.keys(&["Tab"]);
    t.wait_text("職級の違い");
    t.keys(&["Tab"]);
    t.wait_text("準備度 53/100");
    t.keys(&["+"]);
    let raised = t.wait("readiness to change", |s| {
        s.contains("準備度 ") && !s.contains("準備度 53/100")
    });
    assert!(raised.contains("未保存"), "{raised}");
    t.keys(&["Tab"]);
    t.wait_text("研修の内容");
    t.keys(&["Tab"]);
    t.wait_text("配属の推移");
    t.keys(&["C-s"]);
    t.wait_text("保存しました");
    t.keys(&["q"]);
    t.wait_exit();
    t.assert_restored();

    let file = data.join("plans/iruma-shunin-to-kacho.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let catalog = michi::store::Catalog::load(None, michi::i18n::Lang::Ja);
    let plan = michi::store::load_plan_file(&file, &catalog, michi::i18n::Lang::Ja).unwrap();
    assert_eq!(plan.self_assessment["soshiki_kanri"], 3, "the raised level is on disk");
    drop(t);

    // SIGTERM to a running instance (opened on the saved file) restores the terminal too.
    let t = Tmux::start("sigterm", &command(&data, &config, &file.display().to_string()));
    t.wait_text("入間 健");
    let pid = t.michi_pid();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    t.wait_exit();
    t.assert_restored();
    // The file is untouched by the stop.
    let after = michi::store::load_plan_file(&file, &catalog, michi::i18n::Lang::Ja).unwrap();
    assert_eq!(after, plan);
    drop(t);

    // SIGHUP (the terminal window closed) likewise.
    let t = Tmux::start("sighup", &command(&data, &config, &file.display().to_string()));
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
}
