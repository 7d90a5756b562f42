//! The career-design workshop's worksheets (キャリアデザイン研修のワークシート), each built as a
//! [`crate::export::Sheet`] and printed like the interview sheet: blank, for writing on, or
//! filled in from a plan.

pub mod next10;
