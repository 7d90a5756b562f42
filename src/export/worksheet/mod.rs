//! The career-design workshop's worksheets (キャリアデザイン研修のワークシート), printed blank
//! for handwriting or filled in from a plan. Each is a [`crate::export::Sheet`], so the
//! sheet renderers (A4 HTML, Markdown, CSV, Excel) print it. Pure: no files, no clock.

pub mod lifeline;
pub mod next10;
pub mod wcm;
