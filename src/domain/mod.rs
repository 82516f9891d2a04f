//! Domain types and the rules of the Party regulations. Pure: no I/O, no terminal.

pub mod admission;
pub mod branch;
pub mod calendar;
pub mod date;
pub mod demo;
pub mod lifecycle;
pub mod meeting;
pub mod member;
pub mod rules;
pub mod search;
pub mod text;
pub mod validate;
