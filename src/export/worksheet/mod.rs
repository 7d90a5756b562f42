//! The workshop's worksheets (キャリアデザイン研修のワークシート), printed on A4 like the
//! interview sheet: blank to write on, or pre-filled from a plan.

pub mod wcm;
