//! Exchanging the register with other programs: CSV files a secretary opens and edits in Excel.

pub mod docx;
pub mod members_csv;
pub mod minutes;
pub mod zip;
