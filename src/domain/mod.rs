//! Domain types and the rules of the Party regulations. Pure: no I/O, no terminal.

pub mod benchdata;
pub mod branch;
pub mod date;
pub mod demo;
pub mod meeting;
pub mod member;
pub mod rules;
pub mod search;
pub mod text;
pub mod validate;
