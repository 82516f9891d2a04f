//! An open form's text (meta key `form_draft`), version 1. FROZEN.

use serde::{Deserialize, Serialize};

/// The version byte of this schema.
pub const VERSION: u8 = 1;

/// An open form's text, saved as the user types so nothing is lost in a crash, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraftV1 {
    /// Which form (`app::form::FormKind::tag`).
    pub tag: u8,
    /// The record ids and indexes of the form.
    pub ids: Vec<u64>,
    /// Each field's text.
    pub values: Vec<String>,
    /// Each field's choice.
    pub choices: Vec<Option<u32>>,
    /// The focused field.
    pub focus: u32,
    /// The screen (1-based) the form was opened on.
    pub screen: u8,
}
