//! Forms: the member form and the branch profile form share one field list model.

use super::input::TextInput;
use crate::domain::branch::{self, Branch, BranchField};
use crate::domain::member::MemberId;
use crate::domain::validate::{Field, FieldKind, MemberDraft, Problem, Warning};

/// What a form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// A new member.
    NewMember,
    /// An existing member.
    EditMember(MemberId),
    /// The branch profile; `first_run` when the app walks a new user through it.
    Branch {
        /// Shown on the very first start.
        first_run: bool,
    },
}

/// Which field a form row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldRef {
    /// A member field.
    Member(Field),
    /// A branch field.
    Branch(BranchField),
}

impl FieldRef {
    /// How the field is entered.
    pub fn kind(self) -> FieldKind {
        match self {
            FieldRef::Member(f) => f.kind(),
            FieldRef::Branch(_) => FieldKind::Text,
        }
    }

    /// Whether the field must be filled in.
    pub fn required(self) -> bool {
        matches!(
            self,
            FieldRef::Member(Field::FullName)
                | FieldRef::Branch(BranchField::Name | BranchField::Superior | BranchField::Term)
        )
    }
}

/// One row of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    /// Which field.
    pub field: FieldRef,
    /// Its text (text and date fields).
    pub input: TextInput,
    /// Its value (choice fields): index into the type's `ALL`.
    pub choice: Option<usize>,
    /// What is wrong with it after the last save attempt.
    pub error: Option<Problem>,
}

/// An open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// What it edits.
    pub kind: FormKind,
    /// Its rows, in order.
    pub fields: Vec<FormField>,
    /// The focused row.
    pub focus: usize,
    /// Whether anything was changed since it opened.
    pub dirty: bool,
    /// Warnings of the last save (shown after saving).
    pub warnings: Vec<Warning>,
}

impl Form {
    /// A member form showing `draft`.
    pub fn member(kind: FormKind, draft: &MemberDraft) -> Form {
        let fields = Field::ALL
            .iter()
            .map(|f| FormField {
                field: FieldRef::Member(*f),
                input: TextInput::new(draft.text(*f).map_or("", String::as_str)),
                choice: draft.choice(*f),
                error: None,
            })
            .collect();
        Form {
            kind,
            fields,
            focus: 0,
            dirty: false,
            warnings: Vec::new(),
        }
    }

    /// A branch form showing `b` (empty for the first run).
    pub fn branch(b: Option<&Branch>, first_run: bool) -> Form {
        let values = b
            .map(branch::branch_values)
            .unwrap_or_else(|| vec![String::new(); BranchField::ALL.len()]);
        let fields = BranchField::ALL
            .iter()
            .zip(values)
            .map(|(f, v)| FormField {
                field: FieldRef::Branch(*f),
                input: TextInput::new(&v),
                choice: None,
                error: None,
            })
            .collect();
        Form {
            kind: FormKind::Branch { first_run },
            fields,
            focus: 0,
            dirty: false,
            warnings: Vec::new(),
        }
    }

    /// The member draft the form holds.
    pub fn member_draft(&self) -> MemberDraft {
        let mut d = MemberDraft::default();
        for ff in &self.fields {
            if let FieldRef::Member(f) = ff.field {
                if let Some(t) = d.text_mut(f) {
                    *t = ff.input.text().to_string();
                } else {
                    d.set_choice(f, ff.choice);
                }
            }
        }
        d
    }

    /// The branch form's text per field, in `BranchField::ALL` order.
    pub fn branch_values(&self) -> Vec<String> {
        self.fields
            .iter()
            .map(|f| f.input.text().to_string())
            .collect()
    }

    /// The focused row.
    pub fn focused(&mut self) -> &mut FormField {
        let i = self.focus.min(self.fields.len().saturating_sub(1));
        &mut self.fields[i]
    }

    /// Clears all errors, then marks these fields.
    pub fn set_errors(&mut self, errors: &[(FieldRef, Problem)]) {
        for f in &mut self.fields {
            f.error = errors
                .iter()
                .find(|(r, _)| *r == f.field)
                .map(|(_, p)| p.clone());
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
        }
    }

    /// Moves the focus by `delta` rows, staying inside the form.
    pub fn move_focus(&mut self, delta: isize) {
        let last = self.fields.len().saturating_sub(1) as isize;
        self.focus = (self.focus as isize + delta).clamp(0, last) as usize;
    }
}
