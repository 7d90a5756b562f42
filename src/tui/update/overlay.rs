//! Commands inside pop-ups: help, messages, the palette and pickers, prompts, the
//! multi-line editor, forms, the dialogs and the team list. Pastes land here too.

use crate::tui::action::{Answer, Command};
use crate::tui::forms::{FieldMut, TextInput};
use crate::tui::state::{Overlay, Said, State};
use crate::tui::update::Effect;
use crate::tui::update::delete::delete;
use crate::tui::update::saving::{finish_close, offer_save_as, save_then_close};
use crate::tui::update::submit::{pick, submit_editor, submit_form, submit_prompt};

/// Applies a text-editing command to an input; false when it is not one.
fn edit_text(input: &mut TextInput, command: Command) -> bool {
    match command {
        Command::Type(c) => input.insert_char(c),
        Command::Backspace => input.backspace(),
        Command::DeleteForward => input.delete(),
        Command::CursorLeft => input.left(),
        Command::CursorRight => input.right(),
        Command::LineStart => input.home(),
        Command::LineEnd => input.end(),
        Command::ClearLine => input.clear_to_line_start(),
        Command::NewLine => input.new_line(),
        Command::Up if input.is_multiline() => input.up(),
        Command::Down if input.is_multiline() => input.down(),
        _ => return false,
    }
    true
}

/// A paste goes whole into the focused text field, never read as keys.
pub fn paste(state: &mut State, text: &str) {
    let result = match &mut state.overlay {
        Some(Overlay::Prompt(p)) => Some(p.input.insert_str(text)),
        Some(Overlay::Editor(e)) => Some(e.input.insert_str(text)),
        Some(Overlay::Picker(p)) => {
            let r = p.query.insert_str(text);
            p.refilter();
            Some(r)
        }
        Some(Overlay::Form(form)) => match form.focused_mut() {
            Some(FieldMut::Text(input)) => Some(input.insert_str(text)),
            _ => None,
        },
        _ => None,
    };
    match result {
        None => state.say(Said::new(
            "貼り付けは入力欄でのみ使えます（Enter や e で入力欄を開いてから貼り付けてください）",
            "Paste works in a text field only (open one with Enter or e, then paste)",
        )),
        Some(r) if r.dropped > 0 => state.warn(Said::each(|l| {
            format!(
                "{} {} {}",
                l.pick("貼り付けのうち", "Of the paste,"),
                r.dropped,
                l.pick(
                    "文字は入れられませんでした（制御文字または長さの上限）",
                    "characters were left out (control characters or the length limit)"
                )
            )
        })),
        Some(_) => {}
    }
}

pub fn command(state: &mut State, command: Command, fx: &mut Vec<Effect>) {
    let Some(overlay) = state.overlay.take() else { return };
    let lines = usize::from(state.size.1.saturating_sub(6)).max(1);
    state.overlay = match overlay {
        Overlay::Help { scroll } | Overlay::Message { scroll, .. }
            if matches!(
                command,
                Command::Up | Command::Down | Command::PageUp | Command::PageDown
            ) =>
        {
            let scroll = match command {
                Command::Up => scroll.saturating_sub(1),
                Command::Down => scroll + 1,
                Command::PageUp => scroll.saturating_sub(lines),
                _ => scroll + lines,
            };
            Some(match overlay {
                Overlay::Message { title, body, .. } => Overlay::Message { title, body, scroll },
                _ => Overlay::Help { scroll },
            })
        }
        Overlay::Help { .. } | Overlay::Message { .. } if command == Command::Back => None,
        o @ (Overlay::Help { .. } | Overlay::Message { .. }) => Some(o),
        Overlay::Picker(mut picker) => match command {
            Command::Back => None,
            Command::Up | Command::Down | Command::PageUp | Command::PageDown => {
                picker.move_by(match command {
                    Command::Up => -1,
                    Command::Down => 1,
                    Command::PageUp => -(lines as isize),
                    _ => lines as isize,
                });
                Some(Overlay::Picker(picker))
            }
            Command::Submit => {
                if let Some(target) = picker.chosen() {
                    pick(state, target, fx);
                }
                return;
            }
            c => {
                if edit_text(&mut picker.query, c) {
                    picker.refilter();
                }
                Some(Overlay::Picker(picker))
            }
        },
        Overlay::Prompt(mut prompt) => match command {
            Command::Back => None,
            Command::Submit => {
                let text = prompt.input.text();
                match submit_prompt(state, &prompt.target, &text, fx) {
                    Ok(()) => return,
                    Err(e) => {
                        prompt.error = Some(e);
                        Some(Overlay::Prompt(prompt))
                    }
                }
            }
            c => {
                edit_text(&mut prompt.input, c);
                Some(Overlay::Prompt(prompt))
            }
        },
        Overlay::Editor(mut editor) => match command {
            Command::Back => None,
            Command::Submit => match submit_editor(state, &editor.target, &editor.input.text(), fx) {
                Ok(()) => return,
                Err(e) => {
                    editor.error = Some(e);
                    Some(Overlay::Editor(editor))
                }
            },
            c => {
                edit_text(&mut editor.input, c);
                Some(Overlay::Editor(editor))
            }
        },
        Overlay::Form(mut form) => match command {
            Command::Back => None,
            Command::NextField => {
                form.focus = (form.focus + 1) % form.field_count().max(1);
                Some(Overlay::Form(form))
            }
            Command::PrevField => {
                let n = form.field_count().max(1);
                form.focus = (form.focus + n - 1) % n;
                Some(Overlay::Form(form))
            }
            Command::Submit => match submit_form(state, &form.kind, fx) {
                Ok(()) => return,
                Err(e) => {
                    form.error = Some(e);
                    Some(Overlay::Form(form))
                }
            },
            c => {
                match form.focused_mut() {
                    Some(FieldMut::Choice(choice)) => match c {
                        Command::CursorLeft => choice.step(false),
                        Command::CursorRight | Command::Type(' ') => choice.step(true),
                        _ => {}
                    },
                    Some(FieldMut::Text(input)) => {
                        edit_text(input, c);
                    }
                    None => {}
                }
                Some(Overlay::Form(form))
            }
        },
        Overlay::ConfirmReset => {
            if command == Command::Answer(Answer::Yes) {
                crate::tui::update::tour::reset(state, fx);
            } else {
                state.say(Said::new("サンプルはそのままです", "The sample is left as it is"));
            }
            return;
        }
        Overlay::Confirm { pending, .. } => {
            if command == Command::Answer(Answer::Yes) {
                delete(state, pending, fx);
            } else {
                state.say(Said::new("削除を取り消しました", "Nothing was deleted"));
            }
            return;
        }
        Overlay::Unsaved { then } => match command {
            Command::Answer(Answer::No) => {
                if let Some(doc) = &state.doc {
                    fx.push(Effect::RemoveDraft {
                        key: doc.draft_key.clone(),
                    });
                }
                finish_close(state, then, fx);
                return;
            }
            Command::Answer(Answer::Save) => {
                save_then_close(state, then, fx);
                return;
            }
            Command::Back => None,
            _ => Some(Overlay::Unsaved { then }),
        },
        Overlay::Team(list) => crate::tui::update::team::command(state, list, command, lines, fx),
        Overlay::Conflict => match command {
            Command::Answer(Answer::Reload) => {
                fx.push(Effect::Reload);
                None
            }
            Command::Answer(Answer::SaveMine) => {
                offer_save_as(state);
                return;
            }
            Command::Answer(Answer::ShowDiff) => {
                if let Some(doc) = &state.doc {
                    fx.push(Effect::ShowDiff {
                        before: doc.on_disk.clone(),
                        mine: doc.plan.clone(),
                    });
                }
                None
            }
            Command::Back => {
                state.warn(Said::new(
                    "ファイルが他で変更されたため自動保存を止めています（変更は下書きに保存。Ctrl-S で選び直せます）",
                    "The file changed elsewhere: autosave is paused (edits go to a draft; Ctrl-S to decide)",
                ));
                None
            }
            _ => Some(Overlay::Conflict),
        },
    };
}
