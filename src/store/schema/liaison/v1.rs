//! Liaison members (QĐ 213), version 1 of the `liaison` tree. FROZEN once released:
//! never edit these types (field order, variant order and types are the on-disk format);
//! add `v2.rs` with a `From` conversion instead.
//!
//! Golden bytes: `tests/fixtures/liaison_v1.bin`.

use serde::{Deserialize, Serialize};

use crate::domain::liaison::{Contact, Liaison, LiaisonKind, YearComment};
use crate::store::schema::days::{DayV1, date, day};

/// The version byte of liaison values.
pub const VERSION: u8 = 1;

/// Kind (HD 33 §1), v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum KindV1 {
    /// Introduced, commented on yearly.
    Ordinary,
    /// HD 33 §1.1.
    ExemptFromActivity,
    /// HD 33 §1.2.
    ExemptFromIntroduction,
}

crate::store::schema::mirror_enum!(
    LiaisonKind,
    KindV1,
    [Ordinary, ExemptFromActivity, ExemptFromIntroduction]
);

/// A contact, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactV1 {
    /// When.
    pub date: DayV1,
    /// What.
    pub what: String,
}

/// A yearly comment, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentV1 {
    /// Year.
    pub year: i32,
    /// The branch's comment.
    pub comment: String,
    /// The front committee's opinion.
    pub front_opinion: String,
    /// Sent on.
    pub sent_on: Option<DayV1>,
}

/// A liaison member, v1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiaisonV1 {
    /// Name.
    pub full_name: String,
    /// Birth year.
    pub birth_year: Option<i32>,
    /// Address.
    pub address: String,
    /// Workplace.
    pub workplace: String,
    /// Workplace party organisation.
    pub workplace_party: String,
    /// Introduction letter number.
    pub letter_number: String,
    /// Introduction letter received on.
    pub letter_received: Option<DayV1>,
    /// Kind.
    pub kind: KindV1,
    /// Phone.
    pub phone: String,
    /// Notes.
    pub notes: String,
    /// Linked branch member.
    pub member: Option<u64>,
    /// Contacts.
    pub contacts: Vec<ContactV1>,
    /// Yearly comments.
    pub comments: Vec<CommentV1>,
}

impl From<&Liaison> for LiaisonV1 {
    fn from(l: &Liaison) -> Self {
        LiaisonV1 {
            full_name: l.full_name.clone(),
            birth_year: l.birth_year,
            address: l.address.clone(),
            workplace: l.workplace.clone(),
            workplace_party: l.workplace_party.clone(),
            letter_number: l.letter_number.clone(),
            letter_received: l.letter_received.map(day),
            kind: l.kind.into(),
            phone: l.phone.clone(),
            notes: l.notes.clone(),
            member: l.member,
            contacts: l
                .contacts
                .iter()
                .map(|c| ContactV1 {
                    date: day(c.date),
                    what: c.what.clone(),
                })
                .collect(),
            comments: l
                .comments
                .iter()
                .map(|c| CommentV1 {
                    year: c.year,
                    comment: c.comment.clone(),
                    front_opinion: c.front_opinion.clone(),
                    sent_on: c.sent_on.map(day),
                })
                .collect(),
        }
    }
}

impl From<LiaisonV1> for Liaison {
    fn from(l: LiaisonV1) -> Self {
        Liaison {
            full_name: l.full_name,
            birth_year: l.birth_year,
            address: l.address,
            workplace: l.workplace,
            workplace_party: l.workplace_party,
            letter_number: l.letter_number,
            letter_received: l.letter_received.map(date),
            kind: l.kind.into(),
            phone: l.phone,
            notes: l.notes,
            member: l.member,
            contacts: l
                .contacts
                .into_iter()
                .map(|c| Contact {
                    date: date(c.date),
                    what: c.what,
                })
                .collect(),
            comments: l
                .comments
                .into_iter()
                .map(|c| YearComment {
                    year: c.year,
                    comment: c.comment,
                    front_opinion: c.front_opinion,
                    sent_on: c.sent_on.map(date),
                })
                .collect(),
        }
    }
}
