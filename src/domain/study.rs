//! Resolution study (học tập, quán triệt nghị quyết, #18.2): a resolution with its study
//! sessions and each member's make-up study (học bù), and the figure "n of m members
//! studied (= x%)" per resolution and per year. Pure: no I/O.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::member::{Member, MemberId, Status};
use super::stats::permille;

/// Store key of a resolution.
pub type ResolutionId = u64;

/// Which level issued the resolution. New levels are only ever appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Trung ương (Ban Chấp hành, Bộ Chính trị, Ban Bí thư).
    Central,
    /// Tỉnh ủy / Thành ủy.
    Province,
    /// Huyện ủy / Quận ủy / Đảng ủy phường, xã.
    Local,
}

impl Level {
    /// Every level, in form order.
    pub const ALL: &'static [Level] = &[Level::Central, Level::Province, Level::Local];
}

/// One study session (hội nghị học tập, quán triệt) and who attended it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Session {
    /// When it was held.
    pub date: NaiveDate,
    /// Who attended, from the roll (kept sorted, without repeats).
    pub attendees: Vec<MemberId>,
    /// Where, who presented, free note.
    pub note: String,
}

/// A member's make-up study (học bù) of a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MakeUp {
    /// Who.
    pub member: MemberId,
    /// When.
    pub date: NaiveDate,
}

/// A resolution (or directive, conclusion) the branch studies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolution {
    /// Số hiệu, e.g. "21-NQ/TW".
    pub number: String,
    /// Trích yếu.
    pub title: String,
    /// Cấp ban hành.
    pub level: Option<Level>,
    /// Ngày ban hành.
    pub date: NaiveDate,
    /// The study sessions, by date.
    pub sessions: Vec<Session>,
    /// Make-up study per member, by date.
    pub makeups: Vec<MakeUp>,
}

/// Why a resolution, a session or a make-up study is refused (nothing is saved).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StudyError {
    /// The number is empty.
    #[error("the resolution's number is empty")]
    NoNumber,
    /// The title is empty.
    #[error("the resolution's title is empty")]
    NoTitle,
    /// Another resolution has this number (its title follows).
    #[error("number {number} is already resolution \"{title}\"")]
    NumberTaken {
        /// The number.
        number: String,
        /// The other resolution's title.
        title: String,
    },
    /// A session (or make-up) dated before the resolution itself.
    #[error("study on {study} is before the resolution's date {resolution}")]
    BeforeResolution {
        /// The study's date.
        study: NaiveDate,
        /// The resolution's date.
        resolution: NaiveDate,
    },
    /// A make-up for a member who already studied it (the date they did).
    #[error("member {member} already studied it on {on}")]
    AlreadyStudied {
        /// Who.
        member: MemberId,
        /// When they studied.
        on: NaiveDate,
    },
    /// A session with nobody ticked.
    #[error("the session has no attendee")]
    NobodyAttended,
}

/// What is wrong with one row of a study import (nothing is imported when any row has a
/// problem; `interchange::study_import` reads the rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The header lacks a column the import needs (its name).
    MissingColumn(&'static str),
    /// A needed cell is empty (its column).
    Empty(&'static str),
    /// A cell is not a date dd/mm/yyyy (column, text).
    BadDate(&'static str, String),
    /// "Cấp" is not a known level.
    UnknownLevel(String),
    /// "Hình thức" is not Học tập, Học bù or Chưa học.
    UnknownHow(String),
    /// No member of the branch has this name (and birth date, when given).
    NoSuchMember(String),
    /// Several members have this name; the birth date tells them apart.
    SameName(String),
    /// Refused by the study's rules (the member's name where it says).
    Refused(StudyError, String),
}

impl Resolution {
    /// Checks the resolution's own fields against the other resolutions (`others`:
    /// every resolution but this one).
    pub fn check<'a>(
        &self,
        others: impl IntoIterator<Item = &'a Resolution>,
    ) -> Result<(), StudyError> {
        if self.number.trim().is_empty() {
            return Err(StudyError::NoNumber);
        }
        if self.title.trim().is_empty() {
            return Err(StudyError::NoTitle);
        }
        let key = super::text::fold(self.number.trim());
        if let Some(o) = others
            .into_iter()
            .find(|o| super::text::fold(o.number.trim()) == key)
        {
            return Err(StudyError::NumberTaken {
                number: self.number.trim().to_string(),
                title: o.title.clone(),
            });
        }
        for s in &self.sessions {
            self.not_before(s.date)?;
        }
        for m in &self.makeups {
            self.not_before(m.date)?;
        }
        Ok(())
    }

    fn not_before(&self, study: NaiveDate) -> Result<(), StudyError> {
        if study < self.date {
            return Err(StudyError::BeforeResolution {
                study,
                resolution: self.date,
            });
        }
        Ok(())
    }

    /// Adds a session: refused when dated before the resolution or with nobody attending.
    pub fn add_session(&mut self, mut s: Session) -> Result<(), StudyError> {
        self.not_before(s.date)?;
        s.attendees.sort_unstable();
        s.attendees.dedup();
        if s.attendees.is_empty() {
            return Err(StudyError::NobodyAttended);
        }
        self.sessions.push(s);
        self.sessions.sort_by_key(|s| s.date);
        Ok(())
    }

    /// Records a member's make-up study: refused before the resolution's date or when the
    /// member already studied it.
    pub fn add_makeup(&mut self, m: MakeUp) -> Result<(), StudyError> {
        self.not_before(m.date)?;
        if let Some(on) = self.studied_on(m.member) {
            return Err(StudyError::AlreadyStudied {
                member: m.member,
                on,
            });
        }
        self.makeups.push(m);
        self.makeups.sort_by_key(|m| (m.date, m.member));
        Ok(())
    }

    /// The first day `member` studied it (a session or a make-up), if they did.
    pub fn studied_on(&self, member: MemberId) -> Option<NaiveDate> {
        let in_session = self
            .sessions
            .iter()
            .filter(|s| s.attendees.binary_search(&member).is_ok())
            .map(|s| s.date);
        let makeup = self
            .makeups
            .iter()
            .filter(|m| m.member == member)
            .map(|m| m.date);
        in_session.chain(makeup).min()
    }

    /// Everyone who studied it, in a session or later.
    pub fn studied(&self) -> BTreeSet<MemberId> {
        self.sessions
            .iter()
            .flat_map(|s| s.attendees.iter().copied())
            .chain(self.makeups.iter().map(|m| m.member))
            .collect()
    }

    /// Who must study it: members in activity on the resolution's date (not exempt, not
    /// away on a temporary transfer), and anyone who studied it anyway.
    pub fn expected(&self, members: &[(MemberId, Member)]) -> BTreeSet<MemberId> {
        let studied = self.studied();
        members
            .iter()
            .filter(|(id, m)| studied.contains(id) || must_study(m.status_at(self.date)))
            .map(|(id, _)| *id)
            .collect()
    }

    /// Who must study it and has not, in roll order.
    pub fn missing(&self, members: &[(MemberId, Member)]) -> Vec<MemberId> {
        let studied = self.studied();
        self.expected(members)
            .into_iter()
            .filter(|id| !studied.contains(id))
            .collect()
    }

    /// "n of m members studied" for this resolution.
    pub fn figure(&self, members: &[(MemberId, Member)]) -> StudyFigure {
        let expected = self.expected(members);
        let studied = self
            .studied()
            .into_iter()
            .filter(|id| expected.contains(id))
            .count();
        StudyFigure {
            studied: studied as u32,
            expected: expected.len() as u32,
        }
    }
}

/// Whether a member of this status is expected at a study session.
fn must_study(s: Status) -> bool {
    matches!(
        s,
        Status::Official | Status::Probationary | Status::TemporarilyHosted
    )
}

/// "n of m members studied (= x%)".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StudyFigure {
    /// n: who studied.
    pub studied: u32,
    /// m: who had to.
    pub expected: u32,
}

impl StudyFigure {
    /// The share in tenths of a percent (the domain's one rounding, [`permille`]).
    pub fn permille(self) -> u32 {
        permille(u64::from(self.studied), u64::from(self.expected))
    }
}

/// The year's figure: over every resolution issued in `year`, member-resolution pairs
/// (lượt đảng viên) studied out of those due.
pub fn year_figure<'a>(
    resolutions: impl IntoIterator<Item = &'a Resolution>,
    members: &[(MemberId, Member)],
    year: i32,
) -> StudyFigure {
    resolutions
        .into_iter()
        .filter(|r| r.date.year() == year)
        .map(|r| r.figure(members))
        .fold(StudyFigure::default(), |a, f| StudyFigure {
            studied: a.studied + f.studied,
            expected: a.expected + f.expected,
        })
}

/// The sample branch's resolutions (the demo): two of the Central Committee and one of
/// the ward, each with a session attended by most members in activity, a few make-ups
/// and a few members still to study. Dates are counted back from `today`.
pub fn demo_resolutions(members: &[(MemberId, Member)], today: NaiveDate) -> Vec<Resolution> {
    let days = |n: i64| today - chrono::Duration::days(n);
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today);
    let specs = [
        (
            "21-NQ/TW",
            "Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ \
             đảng viên trong giai đoạn mới",
            Level::Central,
            ymd(2022, 6, 16),
            ymd(2022, 8, 5),
        ),
        (
            "57-NQ/TW",
            "Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
            Level::Central,
            ymd(2024, 12, 22),
            ymd(2025, 3, 14),
        ),
        (
            "05-NQ/ĐU",
            "Về lãnh đạo thực hiện nhiệm vụ chính trị của Đảng bộ phường",
            Level::Local,
            days(90),
            days(60),
        ),
    ];
    let mut out = Vec::new();
    for (k, (number, title, level, date, session)) in specs.into_iter().enumerate() {
        if date > today {
            continue;
        }
        let mut r = Resolution {
            number: number.into(),
            title: title.into(),
            level: Some(level),
            date,
            ..Default::default()
        };
        let due: Vec<MemberId> = r.expected(members).into_iter().collect();
        let attendees: Vec<MemberId> = due
            .iter()
            .enumerate()
            .filter(|(i, _)| (i + k) % 6 != 0)
            .map(|(_, id)| *id)
            .collect();
        let session = session.min(today);
        if r.add_session(Session {
            date: session,
            attendees,
            note: "Hội trường nhà văn hóa tổ dân phố".into(),
        })
        .is_err()
        {
            continue;
        }
        let later = (session + chrono::Duration::days(21)).min(today);
        for (i, id) in due.iter().enumerate() {
            if (i + k) % 12 == 0 {
                let _ = r.add_makeup(MakeUp {
                    member: *id,
                    date: later,
                });
            }
        }
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{EventKind, MemberEvent};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn member(name: &str, admitted: NaiveDate) -> Member {
        Member {
            full_name: name.into(),
            events: vec![MemberEvent::new(admitted, EventKind::Admitted, "")],
            ..Default::default()
        }
    }

    fn roll() -> Vec<(MemberId, Member)> {
        let mut exempt = member("C", d(1970, 1, 1));
        exempt.add_event(MemberEvent::new(
            d(2020, 1, 1),
            EventKind::ExemptionStarted { full: true },
            "",
        ));
        vec![
            (1, member("A", d(1980, 1, 1))),
            (2, member("B", d(1990, 1, 1))),
            (3, exempt),
            (4, member("D", d(2026, 6, 1))),
        ]
    }

    fn nq21() -> Resolution {
        Resolution {
            number: "21-NQ/TW".into(),
            title: "Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng".into(),
            level: Some(Level::Central),
            date: d(2026, 3, 1),
            ..Default::default()
        }
    }

    #[test]
    fn a_session_before_the_resolution_is_refused_and_nothing_changes() {
        let mut r = nq21();
        let e = r
            .add_session(Session {
                date: d(2026, 2, 28),
                attendees: vec![1],
                note: String::new(),
            })
            .unwrap_err();
        assert_eq!(
            e,
            StudyError::BeforeResolution {
                study: d(2026, 2, 28),
                resolution: d(2026, 3, 1)
            }
        );
        assert!(r.sessions.is_empty());
        assert!(
            r.add_makeup(MakeUp {
                member: 1,
                date: d(2026, 1, 1)
            })
            .is_err()
        );
    }

    #[test]
    fn figure_counts_who_studied_out_of_who_had_to() {
        let mut r = nq21();
        r.add_session(Session {
            date: d(2026, 3, 20),
            attendees: vec![1, 1],
            note: String::new(),
        })
        .unwrap();
        let roll = roll();
        // A and B were in activity; C is exempt; D joined later.
        assert_eq!(r.expected(&roll).into_iter().collect::<Vec<_>>(), [1, 2]);
        assert_eq!(
            r.figure(&roll),
            StudyFigure {
                studied: 1,
                expected: 2
            }
        );
        assert_eq!(r.figure(&roll).permille(), 500);
        assert_eq!(r.missing(&roll), [2]);
        r.add_makeup(MakeUp {
            member: 2,
            date: d(2026, 4, 2),
        })
        .unwrap();
        assert_eq!(r.studied_on(2), Some(d(2026, 4, 2)));
        assert_eq!(r.figure(&roll).permille(), 1000);
        // A second make-up for someone who studied is refused, naming when they did.
        assert_eq!(
            r.add_makeup(MakeUp {
                member: 1,
                date: d(2026, 5, 1)
            }),
            Err(StudyError::AlreadyStudied {
                member: 1,
                on: d(2026, 3, 20)
            })
        );
        // An exempt member who comes anyway counts on both sides.
        r.add_session(Session {
            date: d(2026, 6, 5),
            attendees: vec![3],
            note: String::new(),
        })
        .unwrap();
        assert_eq!(
            r.figure(&roll),
            StudyFigure {
                studied: 3,
                expected: 3
            }
        );
    }

    #[test]
    fn the_demo_has_resolutions_with_sessions_make_ups_and_members_still_to_study() {
        let today = d(2026, 11, 21);
        let members: Vec<(MemberId, Member)> = crate::domain::demo::demo_members(2026, 35, today)
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let rs = demo_resolutions(&members, today);
        assert_eq!(rs.len(), 3);
        let mut others: Vec<&Resolution> = Vec::new();
        for r in &rs {
            assert_eq!(r.check(others.iter().copied()), Ok(()));
            others.push(r);
            let f = r.figure(&members);
            assert!(f.expected > 0 && f.studied < f.expected, "{f:?}");
            assert!(f.permille() > 700, "{f:?}");
        }
        assert!(rs.iter().any(|r| !r.makeups.is_empty()));
        assert!(
            rs.iter()
                .all(|r| r.sessions.iter().all(|s| s.date <= today))
        );
    }

    #[test]
    fn year_figure_adds_the_years_resolutions() {
        let roll = roll();
        let mut a = nq21();
        a.add_session(Session {
            date: d(2026, 3, 20),
            attendees: vec![1, 2],
            note: String::new(),
        })
        .unwrap();
        let mut b = nq21();
        b.number = "01-NQ/ĐU".into();
        let mut old = nq21();
        old.date = d(2025, 3, 1);
        let f = year_figure([&a, &b, &old], &roll, 2026);
        assert_eq!(
            f,
            StudyFigure {
                studied: 2,
                expected: 4
            }
        );
        assert_eq!(f.permille(), 500);
        assert_eq!(year_figure([&a], &roll, 2024), StudyFigure::default());
        assert_eq!(StudyFigure::default().permille(), 0);
    }

    #[test]
    fn numbers_are_unique_ignoring_case_and_marks_and_fields_are_required() {
        let a = nq21();
        let mut b = nq21();
        b.number = " 21-nq/tw ".into();
        assert!(matches!(b.check([&a]), Err(StudyError::NumberTaken { .. })));
        b.number = String::new();
        assert_eq!(b.check([&a]), Err(StudyError::NoNumber));
        b.number = "22-NQ/TW".into();
        b.title = " ".into();
        assert_eq!(b.check([&a]), Err(StudyError::NoTitle));
        b.title = "x".into();
        assert_eq!(b.check([&a]), Ok(()));
        assert_eq!(
            Resolution::default().add_session(Session::default()),
            Err(StudyError::NobodyAttended)
        );
    }
}
