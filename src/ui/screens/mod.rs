//! One view per screen, drawn from the app's state.

pub mod admission;
pub mod detail;
pub mod dues;
pub mod exemptions;
pub mod home;
pub mod meetings;
pub mod reports;
pub mod review;
pub mod roster;
