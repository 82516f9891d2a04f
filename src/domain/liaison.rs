//! Members working elsewhere who live in the branch's group (đảng viên giữ mối liên hệ
//! với nơi cư trú, QĐ 213-QĐ/TW 02/01/2020, HD 33-HD/BTCTW 30/10/2020; rules.md §12).
//! They are not members of this branch: the branch keeps their introduction letter, a
//! dated log of contacts and, once a year, its comment for their workplace. Pure: no I/O.

use chrono::{Datelike, NaiveDate};

use super::date::{self, DateRole};
use super::member::{Member, MemberId};
use super::rules::{self, RuleId};
use super::text;
use super::validate::{MAX_NOTES, MAX_TEXT, MIN_BIRTH_YEAR, Problem};

/// Key of a liaison member in the store.
pub type LiaisonId = u64;

/// The kind of a liaison member (HD 33 §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum LiaisonKind {
    /// Introduced and commented on every year.
    #[default]
    Ordinary,
    /// Introduced but exempt from residential activity (HD 33 §1.1): no yearly comment.
    ExemptFromActivity,
    /// Exempt from introduction (HD 33 §1.2): no yearly comment.
    ExemptFromIntroduction,
}

impl LiaisonKind {
    /// Every kind, in form order.
    pub const ALL: &'static [LiaisonKind] = &[
        LiaisonKind::Ordinary,
        LiaisonKind::ExemptFromActivity,
        LiaisonKind::ExemptFromIntroduction,
    ];

    /// Whether the branch comments on this kind every year (the rules table says which
    /// kinds HD 33 exempts).
    pub fn yearly_comment(self) -> bool {
        let exempt = match self {
            LiaisonKind::Ordinary => 0,
            LiaisonKind::ExemptFromActivity => rules::value(RuleId::LiaisonActivityExemptNoComment),
            LiaisonKind::ExemptFromIntroduction => {
                rules::value(RuleId::LiaisonIntroductionExemptNoComment)
            }
        };
        exempt == 0
    }
}

/// One contact with the member: a meeting attended, a task taken in the group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// When.
    pub date: NaiveDate,
    /// What (free text).
    pub what: String,
}

/// The branch's comment of one year, for the member's workplace.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct YearComment {
    /// The year commented on.
    pub year: i32,
    /// The branch's comment (strengths, shortcomings, duties where they live).
    pub comment: String,
    /// The opinion of the group's front work committee (ban công tác mặt trận).
    pub front_opinion: String,
    /// The day it was sent (`None`: written, not sent yet).
    pub sent_on: Option<NaiveDate>,
}

/// A member working elsewhere who keeps in touch with the branch where they live.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Liaison {
    /// Họ và tên.
    pub full_name: String,
    /// Năm sinh.
    pub birth_year: Option<i32>,
    /// Địa chỉ trong tổ dân phố.
    pub address: String,
    /// Nơi công tác.
    pub workplace: String,
    /// Tổ chức đảng nơi công tác (chi bộ, đảng bộ).
    pub workplace_party: String,
    /// Số giấy giới thiệu.
    pub letter_number: String,
    /// Ngày nhận giấy giới thiệu.
    pub letter_received: Option<NaiveDate>,
    /// Diện (HD 33 §1).
    pub kind: LiaisonKind,
    /// Điện thoại.
    pub phone: String,
    /// Ghi chú.
    pub notes: String,
    /// The branch member this record is linked to: the member who transferred out and
    /// kept in touch here, or the member this person became on transferring in. The one
    /// link serves both ways ([`liaison_of_member`] reads it back from the member side).
    pub member: Option<MemberId>,
    /// Contacts, oldest first.
    pub contacts: Vec<Contact>,
    /// Yearly comments, by year.
    pub comments: Vec<YearComment>,
}

impl Liaison {
    /// The comment of a year, if written.
    pub fn comment(&self, year: i32) -> Option<&YearComment> {
        self.comments.iter().find(|c| c.year == year)
    }

    /// Whether the comment of `year` was sent.
    pub fn sent(&self, year: i32) -> bool {
        self.comment(year).is_some_and(|c| c.sent_on.is_some())
    }

    /// Adds a contact, keeping the log in date order.
    pub fn add_contact(&mut self, c: Contact) {
        let at = self.contacts.partition_point(|x| x.date <= c.date);
        self.contacts.insert(at, c);
    }

    /// Puts the comment of its year (replacing one not sent), keeping years in order.
    pub fn put_comment(&mut self, c: YearComment) {
        self.comments.retain(|x| x.year != c.year);
        let at = self.comments.partition_point(|x| x.year < c.year);
        self.comments.insert(at, c);
    }
}

/// The fields of the liaison forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LiaisonField {
    /// Họ và tên.
    FullName,
    /// Năm sinh.
    BirthYear,
    /// Diện.
    Kind,
    /// Địa chỉ.
    Address,
    /// Nơi công tác.
    Workplace,
    /// Tổ chức đảng nơi công tác.
    WorkplaceParty,
    /// Số giấy giới thiệu.
    LetterNumber,
    /// Ngày nhận giấy giới thiệu.
    LetterReceived,
    /// Điện thoại.
    Phone,
    /// Ghi chú.
    Notes,
    /// Ngày (contact).
    ContactDate,
    /// Nội dung (contact).
    ContactWhat,
    /// Năm nhận xét.
    CommentYear,
    /// Nhận xét của chi bộ.
    Comment,
    /// Ý kiến ban công tác mặt trận.
    FrontOpinion,
    /// Ngày gửi.
    SentOn,
    /// Ngày chuyển sinh hoạt đến chi bộ (transfer in).
    JoinDate,
    /// The member who transferred out (a choice).
    FromMember,
}

impl LiaisonField {
    /// The record form's fields, in order.
    pub const RECORD: &'static [LiaisonField] = &[
        LiaisonField::FullName,
        LiaisonField::BirthYear,
        LiaisonField::Kind,
        LiaisonField::Address,
        LiaisonField::Workplace,
        LiaisonField::WorkplaceParty,
        LiaisonField::LetterNumber,
        LiaisonField::LetterReceived,
        LiaisonField::Phone,
        LiaisonField::Notes,
    ];
    /// The contact form's fields.
    pub const CONTACT: &'static [LiaisonField] =
        &[LiaisonField::ContactDate, LiaisonField::ContactWhat];
    /// The yearly comment form's fields.
    pub const COMMENT: &'static [LiaisonField] = &[
        LiaisonField::CommentYear,
        LiaisonField::Comment,
        LiaisonField::FrontOpinion,
        LiaisonField::SentOn,
    ];

    /// Whether the field must be filled in.
    pub fn required(self) -> bool {
        matches!(
            self,
            LiaisonField::FullName
                | LiaisonField::Workplace
                | LiaisonField::ContactDate
                | LiaisonField::ContactWhat
                | LiaisonField::CommentYear
                | LiaisonField::Comment
                | LiaisonField::JoinDate
                | LiaisonField::FromMember
        )
    }

    /// Whether the field is a date.
    pub fn is_date(self) -> bool {
        matches!(
            self,
            LiaisonField::LetterReceived
                | LiaisonField::ContactDate
                | LiaisonField::SentOn
                | LiaisonField::JoinDate
        )
    }

    /// Whether the field takes several lines.
    pub fn is_multiline(self) -> bool {
        matches!(
            self,
            LiaisonField::Notes | LiaisonField::Comment | LiaisonField::FrontOpinion
        )
    }
}

pub use super::validate::LiaisonProblem;

/// What the liaison forms refuse: the field and its problem.
pub type Errors = Vec<(LiaisonField, Problem)>;

/// A form's text per field.
pub type Values<'a> = &'a [(LiaisonField, String)];

fn get(values: Values, f: LiaisonField) -> String {
    values
        .iter()
        .find(|(x, _)| *x == f)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// Cleans one text field, refusing it when too long.
fn clean(values: Values, f: LiaisonField, errors: &mut Errors) -> String {
    let raw = get(values, f);
    let (v, max) = if f.is_multiline() {
        (text::clean_multiline(&raw), MAX_NOTES)
    } else {
        (text::clean(&raw), MAX_TEXT)
    };
    if v.chars().count() > max {
        errors.push((f, Problem::TooLong(max)));
    }
    if v.is_empty() && f.required() {
        errors.push((f, Problem::Required));
    }
    v
}

/// Parses a date field (not after today).
fn day(
    values: Values,
    f: LiaisonField,
    today: NaiveDate,
    errors: &mut Errors,
) -> Option<NaiveDate> {
    match date::parse_user_opt_date(&get(values, f), today, DateRole::Event) {
        Ok(Some(d)) if d > today => {
            errors.push((f, Problem::InFuture));
            None
        }
        Ok(None) if f.required() => {
            errors.push((f, Problem::Required));
            None
        }
        Ok(d) => d,
        Err(e) => {
            errors.push((f, Problem::Date(e)));
            None
        }
    }
}

/// A name compared as people write it: NFC, spaces collapsed, any case.
fn same_name(a: &str, b: &str) -> bool {
    text::clean(a).to_lowercase() == text::clean(b).to_lowercase()
}

/// The branch member with the same name and birth year as a liaison member, if any
/// (`linked` is the member the record is linked to, which is not a conflict).
pub fn member_conflict<'a>(
    l: &Liaison,
    members: impl IntoIterator<Item = (MemberId, &'a Member)>,
) -> Option<(MemberId, &'a Member)> {
    let year = l.birth_year?;
    members.into_iter().find(|(id, m)| {
        Some(*id) != l.member
            && same_name(&m.full_name, &l.full_name)
            && m.birth_date.map(|d| d.year()) == Some(year)
    })
}

/// Checks the record form: `base` is the record edited (its contacts, comments and link
/// are kept); `kind` the chosen kind; `members` the branch's members (a liaison member
/// who is one of them is refused, naming them).
pub fn check_liaison<'a>(
    values: Values,
    kind: Option<LiaisonKind>,
    base: Option<&Liaison>,
    members: impl IntoIterator<Item = (MemberId, &'a Member)>,
    today: NaiveDate,
) -> Result<Liaison, Errors> {
    let mut errors = Vec::new();
    let mut l = base.cloned().unwrap_or_default();
    l.full_name = clean(values, LiaisonField::FullName, &mut errors);
    l.address = clean(values, LiaisonField::Address, &mut errors);
    l.workplace = clean(values, LiaisonField::Workplace, &mut errors);
    l.workplace_party = clean(values, LiaisonField::WorkplaceParty, &mut errors);
    l.letter_number = clean(values, LiaisonField::LetterNumber, &mut errors);
    l.phone = clean(values, LiaisonField::Phone, &mut errors);
    l.notes = clean(values, LiaisonField::Notes, &mut errors);
    l.letter_received = day(values, LiaisonField::LetterReceived, today, &mut errors);
    l.kind = kind.unwrap_or_default();
    let year = text::clean(&get(values, LiaisonField::BirthYear));
    l.birth_year = None;
    if !year.is_empty() {
        match year.parse::<i32>() {
            Ok(y) if (MIN_BIRTH_YEAR..=today.year()).contains(&y) => l.birth_year = Some(y),
            Ok(_) => errors.push((
                LiaisonField::BirthYear,
                Problem::Liaison(LiaisonProblem::BirthYear(MIN_BIRTH_YEAR, today.year())),
            )),
            Err(_) => errors.push((LiaisonField::BirthYear, Problem::NotANumber)),
        }
    }
    if !l.phone.is_empty() {
        let n = text::digits(&l.phone).len();
        let (lo, hi) = super::validate::PHONE_DIGITS;
        if !(lo..=hi).contains(&n) {
            errors.push((LiaisonField::Phone, Problem::DigitsBetween(lo, hi)));
        }
    }
    if errors.is_empty()
        && let Some((_, m)) = member_conflict(&l, members)
    {
        let y = m.birth_date.map_or(0, |d| d.year());
        errors.push((
            LiaisonField::FullName,
            Problem::Liaison(LiaisonProblem::SameAsMember(m.full_name.clone(), y)),
        ));
    }
    if errors.is_empty() {
        Ok(l)
    } else {
        Err(errors)
    }
}

/// Checks the contact form.
pub fn check_contact(values: Values, today: NaiveDate) -> Result<Contact, Errors> {
    let mut errors = Vec::new();
    let what = clean(values, LiaisonField::ContactWhat, &mut errors);
    let date = day(values, LiaisonField::ContactDate, today, &mut errors);
    match date {
        Some(date) if errors.is_empty() => Ok(Contact { date, what }),
        _ => Err(errors),
    }
}

/// Checks the yearly comment form of `l`: a year whose comment was already sent is
/// refused, naming the day it was sent.
pub fn check_comment(l: &Liaison, values: Values, today: NaiveDate) -> Result<YearComment, Errors> {
    let mut errors = Vec::new();
    let comment = clean(values, LiaisonField::Comment, &mut errors);
    let front_opinion = clean(values, LiaisonField::FrontOpinion, &mut errors);
    let sent_on = day(values, LiaisonField::SentOn, today, &mut errors);
    let year = match text::clean(&get(values, LiaisonField::CommentYear)).parse::<i32>() {
        Ok(y) if (MIN_BIRTH_YEAR..=today.year()).contains(&y) => Some(y),
        Ok(_) => {
            errors.push((
                LiaisonField::CommentYear,
                Problem::OutOfRange(MIN_BIRTH_YEAR as u32, today.year() as u32),
            ));
            None
        }
        Err(_) => {
            errors.push((LiaisonField::CommentYear, Problem::NotANumber));
            None
        }
    };
    if let Some(y) = year
        && let Some(sent) = l.comment(y).and_then(|c| c.sent_on)
    {
        errors.push((
            LiaisonField::CommentYear,
            Problem::Liaison(LiaisonProblem::CommentSent(y, sent)),
        ));
    }
    match year {
        Some(year) if errors.is_empty() => Ok(YearComment {
            year,
            comment,
            front_opinion,
            sent_on,
        }),
        _ => Err(errors),
    }
}

/// The form's text of a record (in [`LiaisonField::RECORD`] order; the kind is a choice).
pub fn record_values(l: &Liaison) -> Vec<(LiaisonField, String)> {
    use LiaisonField as F;
    LiaisonField::RECORD
        .iter()
        .map(|f| {
            let v = match f {
                F::FullName => l.full_name.clone(),
                F::BirthYear => l.birth_year.map(|y| y.to_string()).unwrap_or_default(),
                F::Address => l.address.clone(),
                F::Workplace => l.workplace.clone(),
                F::WorkplaceParty => l.workplace_party.clone(),
                F::LetterNumber => l.letter_number.clone(),
                F::LetterReceived => date::format_opt_date(l.letter_received),
                F::Phone => l.phone.clone(),
                F::Notes => l.notes.clone(),
                _ => String::new(),
            };
            (*f, v)
        })
        .collect()
}

/// The first month of the year from which the home screen lists missing comments.
pub fn comment_month() -> u32 {
    rules::value(RuleId::LiaisonCommentMonth).clamp(1, 12) as u32
}

/// Whether the comment of `today`'s year is due and not sent: a kind commented on every
/// year, from [`comment_month`] on.
pub fn comment_due(l: &Liaison, today: NaiveDate) -> bool {
    l.kind.yearly_comment() && today.month() >= comment_month() && !l.sent(today.year())
}

/// The liaison members whose comment for this year is due and not sent, in list order.
pub fn comments_due(list: &[(LiaisonId, Liaison)], today: NaiveDate) -> Vec<LiaisonId> {
    list.iter()
        .filter(|(_, l)| comment_due(l, today))
        .map(|(id, _)| *id)
        .collect()
}

/// The figures of a year: liaison members, those commented on yearly, comments sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LiaisonFigures {
    /// Liaison members on the list.
    pub members: usize,
    /// Of them, those the branch comments on every year.
    pub yearly: usize,
    /// Comments of the year sent.
    pub sent: usize,
}

/// The figures of `year` over the list.
pub fn figures<'a>(list: impl IntoIterator<Item = &'a Liaison>, year: i32) -> LiaisonFigures {
    let mut f = LiaisonFigures::default();
    for l in list {
        f.members += 1;
        f.yearly += usize::from(l.kind.yearly_comment());
        f.sent += usize::from(l.sent(year));
    }
    f
}

/// The list in display order: by name (Vietnamese order).
pub fn sorted(list: &[(LiaisonId, Liaison)]) -> Vec<(LiaisonId, &Liaison)> {
    let mut out: Vec<(LiaisonId, &Liaison)> = list.iter().map(|(i, l)| (*i, l)).collect();
    out.sort_by(|a, b| text::compare_names(&a.1.full_name, &b.1.full_name).then(a.0.cmp(&b.0)));
    out
}

/// The liaison record linked to a branch member (the link is kept on the liaison side).
pub fn liaison_of_member(list: &[(LiaisonId, Liaison)], id: MemberId) -> Option<LiaisonId> {
    list.iter()
        .find(|(_, l)| l.member == Some(id))
        .map(|(i, _)| *i)
}

/// A liaison record made from a branch member who transferred out but lives in the
/// group: their identity and contacts, linked to the member record (one history).
pub fn from_member(id: MemberId, m: &Member) -> Liaison {
    Liaison {
        full_name: m.full_name.clone(),
        birth_year: m.birth_date.map(|d| d.year()),
        address: m.address.clone(),
        phone: m.phone.clone(),
        member: Some(id),
        ..Liaison::default()
    }
}

/// The member record a liaison member becomes on transferring into the branch (retiring,
/// seed 004): their identity; the caller links the liaison record to the new member.
pub fn to_member(l: &Liaison) -> Member {
    Member {
        full_name: l.full_name.clone(),
        birth_date: l.birth_year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
        address: l.address.clone(),
        phone: l.phone.clone(),
        ..Member::default()
    }
}

/// The demo branch's liaison members (so a newcomer sees the feature): one with last
/// year's comment sent and this year's due, one whose comment of this year is sent, one
/// exempt from residential activity (HD 33 §1.1), one with a comment written, not sent.
pub fn demo_liaisons(today: NaiveDate) -> Vec<Liaison> {
    let year = today.year();
    let ago = |days: i64| today - chrono::Duration::days(days);
    let on = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today).min(today);
    let contact = |days: i64, what: &str| Contact {
        date: ago(days),
        what: what.into(),
    };
    let mut anh = Liaison {
        full_name: "Trần Thị Ngọc Ánh".into(),
        birth_year: Some(1984),
        address: "Số 12, ngõ 45 phố Hòa Bình".into(),
        workplace: "Bệnh viện Hữu nghị Việt Tiệp".into(),
        workplace_party: "Chi bộ Khoa Nội tổng hợp".into(),
        letter_number: "15-GGT/ĐU".into(),
        letter_received: Some(on(year - 1, 3, 15)),
        phone: "0912345678".into(),
        contacts: vec![
            contact(200, "Dự sinh hoạt chi bộ mở rộng"),
            contact(60, "Nhận hướng dẫn khám sức khỏe cho người cao tuổi của tổ"),
        ],
        ..Liaison::default()
    };
    anh.put_comment(YearComment {
        year: year - 1,
        comment: "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định nơi cư trú; tham gia tích cực các hoạt động của tổ dân phố.".into(),
        front_opinion: "Nhất trí với nhận xét của chi bộ.".into(),
        sent_on: Some(on(year - 1, 10, 20)),
    });
    let mut viet = Liaison {
        full_name: "Phạm Quốc Việt".into(),
        birth_year: Some(1979),
        address: "Số 8 phố Hòa Bình".into(),
        workplace: "Sở Xây dựng".into(),
        workplace_party: "Đảng bộ Sở Xây dựng".into(),
        letter_number: "07-GGT/ĐU".into(),
        letter_received: Some(on(year - 2, 2, 10)),
        contacts: vec![contact(30, "Dự họp tổ dân phố về chỉnh trang ngõ xóm")],
        ..Liaison::default()
    };
    viet.put_comment(YearComment {
        year,
        comment: "Giữ mối liên hệ thường xuyên với chi bộ; gia đình gương mẫu.".into(),
        front_opinion: "Đồng ý.".into(),
        sent_on: Some(ago(10)),
    });
    let hung = Liaison {
        full_name: "Đỗ Quang Hưng".into(),
        birth_year: Some(1990),
        address: "Số 3 ngõ 45 phố Hòa Bình".into(),
        workplace: "Bộ Chỉ huy Quân sự thành phố".into(),
        workplace_party: "Đảng ủy Bộ Chỉ huy Quân sự".into(),
        kind: LiaisonKind::ExemptFromActivity,
        ..Liaison::default()
    };
    let mut trang = Liaison {
        full_name: "Nguyễn Thu Trang".into(),
        birth_year: Some(1995),
        address: "Số 20 phố Hòa Bình".into(),
        workplace: "Trường THPT Kiến An".into(),
        workplace_party: "Chi bộ Trường THPT Kiến An".into(),
        letter_number: "22-GGT/ĐU".into(),
        letter_received: Some(on(year, 1, 8)),
        ..Liaison::default()
    };
    trang.put_comment(YearComment {
        year,
        comment: "Tích cực tham gia phong trào khuyến học của tổ dân phố.".into(),
        ..YearComment::default()
    });
    vec![anh, viet, hung, trang]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn values(pairs: &[(LiaisonField, &str)]) -> Vec<(LiaisonField, String)> {
        pairs.iter().map(|(f, v)| (*f, v.to_string())).collect()
    }

    #[test]
    fn a_liaison_member_who_is_a_branch_member_is_refused_naming_them() {
        let m = Member {
            full_name: "Nguyễn Văn An".into(),
            birth_date: Some(d(1980, 5, 2)),
            ..Member::default()
        };
        let v = values(&[
            (LiaisonField::FullName, "nguyễn  văn an"),
            (LiaisonField::BirthYear, "1980"),
            (LiaisonField::Workplace, "Sở Tài chính"),
        ]);
        let e = check_liaison(&v, None, None, [(1, &m)], d(2026, 10, 1)).unwrap_err();
        assert_eq!(
            e,
            vec![(
                LiaisonField::FullName,
                Problem::Liaison(LiaisonProblem::SameAsMember("Nguyễn Văn An".into(), 1980))
            )]
        );
        // Another birth year is another person; the linked member is no conflict.
        let v2 = values(&[
            (LiaisonField::FullName, "Nguyễn Văn An"),
            (LiaisonField::BirthYear, "1981"),
            (LiaisonField::Workplace, "Sở Tài chính"),
        ]);
        assert!(check_liaison(&v2, None, None, [(1, &m)], d(2026, 10, 1)).is_ok());
        let linked = Liaison {
            member: Some(1),
            ..Liaison::default()
        };
        assert!(check_liaison(&v, None, Some(&linked), [(1, &m)], d(2026, 10, 1)).is_ok());
    }

    #[test]
    fn a_sent_comment_is_not_written_again() {
        let mut l = Liaison::default();
        let v = values(&[
            (LiaisonField::CommentYear, "2026"),
            (LiaisonField::Comment, "Gương mẫu"),
            (LiaisonField::SentOn, "20/10/2026"),
        ]);
        let c = check_comment(&l, &v, d(2026, 11, 1)).unwrap();
        assert_eq!(c.sent_on, Some(d(2026, 10, 20)));
        l.put_comment(c);
        assert_eq!(
            check_comment(&l, &v, d(2026, 11, 1)).unwrap_err(),
            vec![(
                LiaisonField::CommentYear,
                Problem::Liaison(LiaisonProblem::CommentSent(2026, d(2026, 10, 20)))
            )]
        );
    }

    #[test]
    fn comments_are_due_from_the_rules_month_and_not_for_exempt_kinds() {
        let list = vec![
            (1, Liaison::default()),
            (
                2,
                Liaison {
                    kind: LiaisonKind::ExemptFromActivity,
                    ..Liaison::default()
                },
            ),
            (
                3,
                Liaison {
                    kind: LiaisonKind::ExemptFromIntroduction,
                    ..Liaison::default()
                },
            ),
        ];
        assert_eq!(comment_month(), 10);
        assert!(comments_due(&list, d(2026, 9, 30)).is_empty());
        assert_eq!(comments_due(&list, d(2026, 10, 1)), vec![1]);
        let mut sent = list.clone();
        sent[0].1.put_comment(YearComment {
            year: 2026,
            sent_on: Some(d(2026, 10, 5)),
            ..YearComment::default()
        });
        assert!(comments_due(&sent, d(2026, 12, 1)).is_empty());
        let f = figures(sent.iter().map(|(_, l)| l), 2026);
        assert_eq!((f.members, f.yearly, f.sent), (3, 1, 1));
    }

    #[test]
    fn contacts_stay_in_date_order_and_a_member_round_trips_to_a_liaison() {
        let mut l = Liaison::default();
        l.add_contact(Contact {
            date: d(2026, 5, 1),
            what: "b".into(),
        });
        l.add_contact(Contact {
            date: d(2026, 2, 1),
            what: "a".into(),
        });
        assert_eq!(l.contacts[0].what, "a");
        let m = Member {
            full_name: "Lê Thị Hoa".into(),
            birth_date: Some(d(1975, 3, 3)),
            ..Member::default()
        };
        let l = from_member(9, &m);
        assert_eq!((l.birth_year, l.member), (Some(1975), Some(9)));
        assert_eq!(liaison_of_member(&[(4, l.clone())], 9), Some(4));
        assert_eq!(to_member(&l).full_name, "Lê Thị Hoa");
    }
}
