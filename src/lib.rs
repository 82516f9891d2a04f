//! Sổ chi bộ: the register of a Communist Party of Vietnam branch, as a terminal app.
//!
//! Layers, each standing only on the ones before it:
//! `domain` (types and rules, no I/O) → `store` (sled + versioned codec) →
//! `app` (state, actions, update; no terminal) → `ui` (ratatui views) → `cli` and `main`.
//! User-facing text lives in `i18n`, one catalogue per language.
#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used)]

pub mod app;
pub mod cli;
pub mod domain;
pub mod i18n;
pub mod interchange;
pub mod keymap;
pub mod store;
pub mod ui;
