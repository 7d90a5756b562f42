//! The roster screen: asking for the roster file and the profile (`H` on the start screen),
//! taking in the report the shell read, turning pages and scrolling; asking for a posting
//! history (`h`) and taking in the rotation section the shell joined. Read-only.

use crate::i18n::Lang;
use crate::text::grouped;
use crate::tui::action::Command;
use crate::tui::forms::{Prompt, PromptFor};
use crate::tui::picker::{PickItem, PickTarget, Picker};
use crate::tui::state::{Hit, Overlay, RosterHistory, RosterPage, RosterScreen, Said, State};
use crate::tui::update::Effect;

/// `H` on the start screen: the roster file's path (the last one typed this session).
pub fn ask_file(state: &mut State) {
    let file = state.start.roster_file.clone().unwrap_or_default();
    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptFor::RosterFile, &file)));
}

/// The path typed: the profile to read it against is asked next.
pub fn file_given(state: &mut State, file: &str) -> Result<(), Said> {
    if file.is_empty() {
        return Err(Said::new(
            "名簿ファイルのパスを入力してください",
            "Enter the roster file's path",
        ));
    }
    state.start.roster_file = Some(file.to_string());
    let lang = state.lang();
    let items = state
        .catalog
        .entries
        .iter()
        .map(|e| {
            PickItem::city(
                &e.profile,
                lang,
                PickTarget::Roster(file.to_string(), e.profile.id.clone()),
            )
        })
        .collect();
    let title = lang.pick(
        "名簿を読む自治体のプロファイルを選ぶ（職種・職級の対応）",
        "Choose the profile to read the roster against (series and grades)",
    );
    state.overlay = Some(Overlay::Picker(Picker::new(title.into(), items)));
    Ok(())
}

/// The report the shell read, or why it could not be read.
pub fn read(state: &mut State, result: Result<RosterScreen, Said>) {
    match result {
        Ok(screen) => {
            let summary = &screen.run.report.summary;
            let (used, skipped) = (grouped(summary.used), grouped(summary.skipped));
            if summary.used == 0 {
                state.warn(Said::each(|l| match l {
                    Lang::Ja => format!("使える行がありませんでした（使えなかった行 {skipped}）。Esc で戻る"),
                    Lang::En => format!("No usable row ({skipped} not used). Esc: back"),
                }));
            } else {
                state.say(Said::each(|l| match l {
                    Lang::Ja => {
                        format!("名簿を読みました: {used} 人（使えなかった行 {skipped}）。← → でページ、Esc で戻る")
                    }
                    Lang::En => format!("Roster read: {used} staff ({skipped} rows not used). ← →: pages; Esc: back"),
                }));
            }
            state.roster = Some(screen);
        }
        Err(problem) => {
            // The reading is over: the status line no longer says it is under way.
            state.status = None;
            state.overlay = Some(Overlay::Message {
                title: Said::new("名簿を読めません", "Cannot read the roster"),
                body: problem,
                scroll: 0,
            });
        }
    }
}

/// `h` on the roster screen: the posting history's path (the last one typed this session).
fn ask_history(state: &mut State) {
    let file = state.start.roster_history.clone().unwrap_or_default();
    state.overlay = Some(Overlay::Prompt(Prompt::new(PromptFor::RosterHistory, &file)));
}

/// The history's path typed: the shell reads it and joins it to the screen's roster.
pub fn history_given(state: &mut State, file: &str, fx: &mut Vec<Effect>) -> Result<(), Said> {
    if file.is_empty() {
        return Err(Said::new(
            "配属履歴のファイルのパスを入力してください",
            "Enter the posting history's path",
        ));
    }
    let Some(roster) = &state.roster else { return Ok(()) };
    state.start.roster_history = Some(file.to_string());
    fx.push(Effect::ReadHistory {
        history: file.to_string(),
        roster: roster.path.clone(),
        profile: roster.profile.clone(),
        as_of: roster.run.report.summary.as_of,
    });
    // Shown while the history is read and the roster streamed again (the screen is drawn
    // before slow effects).
    state.say(Said::new("配属履歴を読んでいます…", "Reading the posting history…"));
    Ok(())
}

/// The rotation section the shell joined (shown on the rotation page), or why the history
/// could not be read (said on the status line; the screen stays as it was).
pub fn history_read(state: &mut State, result: Result<RosterHistory, Said>) {
    let Some(roster) = &mut state.roster else { return };
    match result {
        Ok(history) => {
            let h = &history.section.history;
            let (used, skipped) = (grouped(h.used), grouped(h.skipped));
            roster.history = Some(history);
            roster.page = RosterPage::Rotation;
            roster.scroll = 0;
            state.say(Said::each(|l| match l {
                Lang::Ja => format!("配属履歴を読みました: 使った行 {used}（使えなかった行 {skipped}）"),
                Lang::En => format!("Posting history read: {used} rows used ({skipped} not used)"),
            }));
        }
        Err(problem) => state.warn(problem),
    }
}

/// A command while the roster screen is open.
pub fn command(state: &mut State, command: Command) {
    let visible = crate::tui::view::roster::visible_rows(state).max(1);
    let last = crate::tui::view::roster::scroll_limit(state);
    let across =
        crate::tui::view::roster_plan::years_across(crate::tui::view::roster::page_columns(state), state.lang());
    let Some(roster) = &mut state.roster else { return };
    let scroll = roster.scroll;
    roster.scroll = crate::tui::update::scrolled(scroll, command, visible, last);
    match command {
        Command::NextPage | Command::PrevPage => {
            roster.page = roster.page.turned(command == Command::NextPage);
            roster.scroll = 0;
        }
        Command::FilterNext => {
            match roster.page {
                RosterPage::Retirements => roster.by_series = !roster.by_series,
                RosterPage::Pyramid => {
                    let rows = roster.run.report.age_pyramid.rows.len();
                    roster.pyramid_row = match roster.pyramid_row {
                        None if rows > 0 => Some(0),
                        Some(i) if i + 1 < rows => Some(i + 1),
                        _ => None,
                    };
                }
                RosterPage::Succession => {
                    let posts = roster.run.report.succession.posts.len();
                    roster.succession_post = (roster.succession_post + 1) % posts.max(1);
                }
                RosterPage::TrainingDemand => {
                    let years = roster.run.report.training_demand.fiscal_years.len();
                    let next = roster.training_year + across;
                    roster.training_year = if next < years { next } else { 0 };
                }
                _ => {}
            }
            roster.scroll = 0;
        }
        Command::RosterHistory => ask_history(state),
        Command::RosterGo(page) => {
            roster.page = page;
            roster.scroll = 0;
        }
        Command::Back | Command::Quit => {
            state.roster = None;
            state.status = None;
        }
        _ => {}
    }
}

/// A click on a page tab, or on a grade in the succession page's overview: that grade's
/// years are shown, from the page's top (as `f` does).
pub fn click(state: &mut State, hit: Hit) {
    let Some(roster) = &mut state.roster else { return };
    match hit {
        Hit::RosterPage(page) => {
            roster.page = page;
            roster.scroll = 0;
        }
        Hit::RosterPost(post)
            if roster.page == RosterPage::Succession && post < roster.run.report.succession.posts.len() =>
        {
            roster.succession_post = post;
            roster.scroll = 0;
        }
        _ => {}
    }
}
