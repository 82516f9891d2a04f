//! Recording events in a member's timeline from the member's card: the event form (its
//! fields follow the chosen kind), saving it, and the list of exempted members.

use super::form::{FieldRef, Form, FormField, FormKind};
use crate::domain::date;
use crate::domain::lifecycle::{self, EventDraft, EventField, LifeWarning};
use crate::domain::member::{DisciplineLevel, ExemptionReason, Member, MemberEvent, RemovalCause};
use crate::domain::validate::Problem;

fn field(
    f: EventField,
    kind: crate::domain::member::EventKind,
    value: &str,
    choice: Option<usize>,
) -> FormField {
    let mut ff = match FieldRef::Event(f).kind() {
        crate::domain::validate::FieldKind::Choice(_) => {
            FormField::choice(FieldRef::Event(f), choice, Vec::new())
        }
        _ => FormField::text(FieldRef::Event(f), value),
    };
    ff.required = lifecycle::required(kind, f);
    ff
}

/// The event form (`kind` names the member), first kind selected, dated today.
pub fn event_form(kind: FormKind, today: chrono::NaiveDate) -> Form {
    let mut form = Form::new(kind, Vec::new());
    form.fields.push(field(
        EventField::Kind,
        lifecycle::RECORDABLE[0],
        "",
        Some(0),
    ));
    form.fields.push(FormField::text(
        FieldRef::Event(EventField::Date),
        &date::format_date(today),
    ));
    refresh(&mut form);
    form
}

/// Rebuilds the fields after the kind changed, keeping what was typed in fields that stay.
pub fn refresh(form: &mut Form) {
    let kind_i = form.event_choice(EventField::Kind).unwrap_or(0);
    let kind = lifecycle::RECORDABLE
        .get(kind_i)
        .copied()
        .unwrap_or(lifecycle::RECORDABLE[0]);
    let old = std::mem::take(&mut form.fields);
    for f in lifecycle::fields_for(kind) {
        let prev = old.iter().find(|x| x.field == FieldRef::Event(f));
        let mut ff = match prev {
            Some(p) => p.clone(),
            None => field(f, kind, "", None),
        };
        ff.required = lifecycle::required(kind, f);
        form.fields.push(ff);
    }
    form.focus = form.focus.min(form.fields.len().saturating_sub(1));
}

/// The draft the event form holds.
pub fn draft(form: &Form) -> EventDraft {
    let pick = |f: EventField| form.event_choice(f);
    EventDraft {
        kind: pick(EventField::Kind),
        text: form
            .fields
            .iter()
            .filter_map(|ff| match ff.field {
                FieldRef::Event(f) => Some((f, ff.value())),
                _ => None,
            })
            .collect(),
        exemption_reason: pick(EventField::ExemptionReason)
            .and_then(|i| ExemptionReason::ALL.get(i).copied()),
        discipline: pick(EventField::Discipline).and_then(|i| DisciplineLevel::ALL.get(i).copied()),
        removal_cause: pick(EventField::RemovalCause)
            .and_then(|i| RemovalCause::ALL.get(i).copied()),
    }
}

/// What `apply` gives: the updated member and its warnings, or each bad field and why.
pub type FormCheck = Result<(Member, Vec<LifeWarning>), Vec<(FieldRef, Problem)>>;

/// Checks the form and returns the member with the event added, and its warnings.
pub fn apply(form: &Form, member: &Member, today: chrono::NaiveDate) -> FormCheck {
    let (event, warnings): (MemberEvent, Vec<LifeWarning>) =
        lifecycle::check_event(&draft(form), member, today).map_err(|errs| {
            errs.into_iter()
                .map(|(f, p)| (FieldRef::Event(f), p))
                .collect::<Vec<_>>()
        })?;
    let mut m = member.clone();
    m.add_event(event);
    Ok((m, warnings))
}
