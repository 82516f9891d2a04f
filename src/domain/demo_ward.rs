//! The sample ward (`sochibo demo-ward`): branches of the kinds a ward really has —
//! mostly residential groups of retirees, and the branches of the ward's school, health
//! station, police, military command, office and an enterprise — of different sizes and
//! make-ups (schooling, occupation, age), with a few admissions a year, and a few that send
//! late or not at all. Deterministic from the branch number; built on [`super::demo`].

use chrono::{Datelike, Duration, NaiveDate};

use super::branch::Branch;
use super::demo::{self, Rng};
use super::member::{EventKind, Gender, Member, Occupation, PoliticalTheory, Professional};

/// What a branch is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A residential group (tổ dân phố): old, mostly retired.
    Residential,
    /// A school, the health station or the ward's office: civil servants.
    Agency,
    /// The ward's police or military command.
    Forces,
    /// An enterprise on the ward's ground.
    Enterprise,
}

/// How a branch sends its bundle to the sample ward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sends {
    /// A figures-only bundle made today.
    OnTime,
    /// A figures-only bundle made this many days ago.
    Late(i64),
    /// Nothing yet.
    Nothing,
    /// A full copy of its data (which also rolls up).
    Full,
}

/// One branch of the sample ward.
#[derive(Debug, Clone)]
pub struct SampleBranch {
    /// Its profile.
    pub branch: Branch,
    /// What it is.
    pub kind: Kind,
    /// Its members' seed.
    pub seed: u64,
    /// Its size.
    pub size: usize,
    /// How it sends.
    pub sends: Sends,
}

const AGENCIES: &[&str] = &[
    "Chi bộ Trường Tiểu học Hải Thành",
    "Chi bộ Trường Trung học cơ sở Hải Thành",
    "Chi bộ Trạm Y tế phường",
    "Chi bộ Cơ quan Ủy ban nhân dân phường",
    "Chi bộ Trường Mầm non Hoa Sen",
];
const FORCES: &[&str] = &["Chi bộ Công an phường", "Chi bộ Quân sự phường"];
const ENTERPRISES: &[&str] = &[
    "Chi bộ Công ty cổ phần Cảng Hải Thành",
    "Chi bộ Ban Quản lý chợ Hải Thành",
];

/// Branch `n` (from 1) of a sample ward of `total` branches.
pub fn sample_branch(n: u32, total: u32) -> SampleBranch {
    let mut rng = Rng::new(u64::from(n) * 7919);
    // Every ninth branch from the fourth is an agency, forces or enterprise branch.
    let special = n % 9 == 4 && n > 1;
    let k = (n / 9) as usize;
    let (name, kind) = if !special {
        let group = n - (n + 5) / 9;
        (format!("Chi bộ Tổ dân phố số {group}"), Kind::Residential)
    } else {
        match k % 3 {
            0 => (AGENCIES[(k / 3) % AGENCIES.len()].to_string(), Kind::Agency),
            1 => (FORCES[(k / 3) % FORCES.len()].to_string(), Kind::Forces),
            _ => (
                ENTERPRISES[(k / 3) % ENTERPRISES.len()].to_string(),
                Kind::Enterprise,
            ),
        }
    };
    let size = match kind {
        // Residential groups: 12 to 70, most between 20 and 40.
        Kind::Residential => 12 + (rng.below(20) + rng.below(20) + rng.below(20)) as usize,
        Kind::Agency => 8 + rng.below(18) as usize,
        Kind::Forces => 6 + rng.below(12) as usize,
        Kind::Enterprise => 5 + rng.below(10) as usize,
    };
    let sends = if n == total && total > 3 {
        Sends::Full
    } else if n % 15 == 7 {
        Sends::Nothing
    } else if n % 15 == 11 {
        Sends::Late(35 + rng.below(40) as i64)
    } else {
        Sends::OnTime
    };
    let address = match kind {
        Kind::Residential => format!(
            "Nhà văn hóa {}, phường Hải Thành, TP Hải Phòng",
            name.trim_start_matches("Chi bộ ")
        ),
        _ => "Phường Hải Thành, TP Hải Phòng".into(),
    };
    SampleBranch {
        branch: Branch {
            name,
            address,
            ..demo::demo_branch()
        },
        kind,
        seed: 5000 + u64::from(n),
        size,
        sends,
    }
}

/// Whether the branch follows sample candidate `i` (of those `demo::demo_candidates`
/// makes): small branches follow one or two, large ones more; some none.
pub fn keeps_candidate(b: &SampleBranch, i: usize) -> bool {
    let mut rng = Rng::new(b.seed.wrapping_mul(31).wrapping_add(i as u64));
    let share = match b.kind {
        Kind::Residential if b.size >= 40 => 55,
        Kind::Residential => 30,
        Kind::Agency | Kind::Enterprise => 45,
        Kind::Forces => 60,
    };
    rng.below(100) < share
}

/// The branch's admission target for `year` (most branches have one; 0 to 3).
pub fn target(b: &SampleBranch, year: i32) -> Option<u32> {
    let mut rng = Rng::new(b.seed ^ u64::from(year.unsigned_abs()));
    (rng.below(10) < 8).then(|| 1 + rng.below(3) as u32 - u32::from(b.size < 15))
}

/// Which of the branch's sample meetings it did not hold (indexes into the meetings in
/// date order): a few branches miss a regular month, some a thematic meeting.
pub fn skips_meeting(b: &SampleBranch, i: usize, kind: super::meeting::MeetingKind) -> bool {
    let mut rng = Rng::new(b.seed.wrapping_mul(131).wrapping_add(i as u64));
    let chance = match (b.kind, kind) {
        (Kind::Residential, super::meeting::MeetingKind::Regular) if b.seed.is_multiple_of(5) => 15,
        (_, super::meeting::MeetingKind::Thematic) if b.seed.is_multiple_of(3) => 50,
        _ => 0,
    };
    rng.below(100) < chance
}

/// Schooling by age: the oldest often finished the 7- or 10-year school.
fn schooling(rng: &mut Rng, age: i32) -> String {
    let r = rng.below(100);
    match age {
        a if a >= 75 => ["7/10", "10/10", "10/10", "12/12"][(r % 4) as usize].into(),
        a if a >= 60 => {
            if r < 35 {
                "10/10".into()
            } else {
                "12/12".into()
            }
        }
        a if a >= 45 => {
            if r < 10 {
                "9/12".into()
            } else {
                "12/12".into()
            }
        }
        _ => "12/12".into(),
    }
}

/// The branch's members on `today`: the sample members made over for its kind.
pub fn members(b: &SampleBranch, today: NaiveDate) -> Vec<Member> {
    let mut rng = Rng::new(b.seed ^ 0xA5A5);
    let mut out = demo::demo_members(b.seed, b.size, today);
    for (i, m) in out.iter_mut().enumerate() {
        let Some(birth) = m.birth_date else { continue };
        let mut age = today.year() - birth.year();
        if b.kind != Kind::Residential && age > 58 {
            // Working branches: ages 23 to 58; the dates move with the birth.
            let new_age = 23 + rng.below(36) as i32;
            let shift = Duration::days(i64::from(age - new_age) * 365);
            m.birth_date = Some(birth + shift);
            for e in &mut m.events {
                if matches!(e.kind, EventKind::Admitted | EventKind::Recognized) {
                    e.date = (e.date + shift).min(today - Duration::days(40));
                }
            }
            m.events
                .retain(|e| !matches!(e.kind, EventKind::ExemptionStarted { .. }));
            age = new_age;
        }
        let probationary = m.status_at(today) == super::member::Status::Probationary;
        // A few admissions a year: most sample probationers become long-standing members
        // (the sixth member, the pipeline's sample, stays in half the branches).
        let keep = if i == 5 {
            b.seed.is_multiple_of(2)
        } else {
            rng.below(100) < 15
        };
        if probationary && !keep {
            let years = 2 + rng.below((age - 20).clamp(1, 20) as u64) as i32;
            let admitted = NaiveDate::from_ymd_opt(
                today.year() - years,
                1 + rng.below(12) as u32,
                1 + rng.below(28) as u32,
            )
            .unwrap_or(today);
            m.events
                .retain(|e| !matches!(e.kind, EventKind::Admitted | EventKind::Recognized));
            m.events.push(super::member::MemberEvent::new(
                admitted,
                EventKind::Admitted,
                "",
            ));
            m.events.push(super::member::MemberEvent::new(
                super::validate::probation_end(admitted),
                EventKind::Recognized,
                "",
            ));
            m.events.sort_by_key(|e| e.date);
        }
        m.education = schooling(&mut rng, age);
        match b.kind {
            Kind::Residential => {
                if age >= 70 && rng.below(3) == 0 {
                    m.professional =
                        Some(*rng.pick(&[Professional::None, Professional::Elementary]));
                }
            }
            Kind::Agency => {
                m.occupation = Some(Occupation::CivilServant);
                m.professional = Some(*rng.pick(&[
                    Professional::College,
                    Professional::University,
                    Professional::University,
                    Professional::University,
                    Professional::Master,
                ]));
                m.political_theory = Some(*rng.pick(&[
                    PoliticalTheory::Elementary,
                    PoliticalTheory::Intermediate,
                    PoliticalTheory::Intermediate,
                ]));
            }
            Kind::Forces => {
                m.occupation = Some(Occupation::ArmedForces);
                if rng.below(100) < 80 {
                    m.gender = Some(Gender::Male);
                }
                m.professional =
                    Some(*rng.pick(&[Professional::Intermediate, Professional::University]));
                m.political_theory = Some(PoliticalTheory::Intermediate);
            }
            Kind::Enterprise => {
                m.occupation = Some(*rng.pick(&[
                    Occupation::Worker,
                    Occupation::Worker,
                    Occupation::Business,
                ]));
                m.professional = Some(*rng.pick(&[
                    Professional::None,
                    Professional::Elementary,
                    Professional::Intermediate,
                    Professional::University,
                ]));
            }
        }
        if b.kind == Kind::Residential {
            m.residential_group = b.branch.name.trim_start_matches("Chi bộ ").to_string();
        } else {
            m.residential_group = String::new();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn the_sample_ward_looks_like_a_ward() {
        let ward: Vec<_> = (1..=45).map(|n| sample_branch(n, 45)).collect();
        let mut names: Vec<&str> = ward.iter().map(|b| b.branch.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 45, "every branch has its own name");
        let sizes: Vec<usize> = ward.iter().map(|b| b.size).collect();
        assert!(sizes.iter().min() < Some(&12) && sizes.iter().max() > Some(&45));
        assert!(ward.iter().filter(|b| b.kind == Kind::Residential).count() >= 35);
        assert!(ward.iter().any(|b| b.kind == Kind::Agency));
        assert!(ward.iter().any(|b| b.kind == Kind::Forces));
        assert!(ward.iter().filter(|b| b.sends == Sends::Nothing).count() >= 2);
        assert!(ward.iter().any(|b| matches!(b.sends, Sends::Late(_))));
        let members: Vec<Member> = ward.iter().flat_map(|b| members(b, today())).collect();
        let total = members.len();
        let schooling: std::collections::BTreeSet<&str> =
            members.iter().map(|m| m.education.as_str()).collect();
        assert!(schooling.len() >= 3, "{schooling:?}");
        let admitted = members
            .iter()
            .filter(|m| m.admitted_on().is_some_and(|d| d.year() == 2026))
            .count();
        // A real ward admits a few percent a year, not one member in ten.
        assert!(admitted * 100 < total * 5, "{admitted} of {total}");
        assert!(admitted >= 10, "{admitted} of {total}");
        let young = members
            .iter()
            .filter(|m| m.birth_date.is_some_and(|b| 2026 - b.year() < 40))
            .count();
        assert!(young * 100 > total * 12, "{young} of {total}");
        for m in &members {
            let (b, a) = (m.birth_date.unwrap(), m.admitted_on().unwrap());
            assert!(a > b + Duration::days(17 * 365), "admitted at 17 or older");
            assert!(a <= today());
        }
    }
}
