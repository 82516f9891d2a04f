//! Domain types and the rules of the Party regulations. Pure: no I/O, no terminal.

pub mod acts;
pub mod admission;
pub mod badges;
pub mod benchdata;
pub mod branch;
pub mod calendar;
pub mod date;
pub mod demo;
pub mod demo_ward;
pub mod dues;
pub mod handbook;
pub mod lifecycle;
pub mod meeting;
pub mod member;
pub mod register;
pub mod review;
pub mod rules;
pub mod search;
pub mod stages;
pub mod stats;
pub mod text;
pub mod todo;
pub mod validate;
pub mod ward;
