//! The baseline for Michi's start-time measurement (scripts/start-time.py): a bare ratatui
//! program, with the same ratatui and crossterm as Michi, that draws one bordered frame and
//! waits for a key. Run with `cargo run --release --example bare_ratatui`.

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::widgets::{Block, Borders};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = terminal.draw(|frame| {
        frame.render_widget(Block::default().borders(Borders::ALL).title(" bare "), frame.area());
    });
    if result.is_ok() {
        loop {
            match event::read() {
                Ok(Event::Key(key)) if key.kind == KeyEventKind::Press => break,
                Ok(_) => {}
                Err(_) => break,
            }
        }
    }
    ratatui::restore();
    result.map(|_| ())
}
