//! The open form's draft (meta key `form_draft`): v1.

pub mod v1;
