//! One module per screen: its state, the actions it handles, its contexts and its key
//! hints. `table` lists them; `App` routes an action to the active screen through it.

pub mod admission;
pub mod dues;
pub mod meetings;
pub mod reports;
pub mod review;
