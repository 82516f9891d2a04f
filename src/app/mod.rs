//! Application state, actions and the update function. No terminal code here.

pub mod action;
pub mod keymap;
