//! Benchmark data: realistic branches at the sizes of issue 9, deterministic from a seed.
//! Pure (no I/O): the benchmark (`benches/perf.rs`) writes the result into a store.
//!
//! The data is built one record kind after another ([`RECORD_KINDS`]); a kind may refer
//! to the kinds before it (meetings take the roll from the members). A new kind
//! (assessments, candidates, dues ledgers) is one generator function added to that list
//! plus its field in [`BenchData`].

use chrono::{Datelike, Duration, NaiveDate};

use super::branch::Branch;
use super::demo::{Rng, demo_members};
use super::meeting::{
    self as mt, AgendaItem, Amendment, Mark, Meeting, MeetingId, MeetingKind, Speaker, Speech,
    Task, Threshold, Vote,
};
use super::member::{EventKind, Member, MemberEvent, MemberId};

/// How much data to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Short name for reports ("large branch").
    pub label: &'static str,
    /// Seed of every random choice.
    pub seed: u64,
    /// Members on the roll today (those who left during the years come on top).
    pub members: usize,
    /// Residential-group branches the members are spread over (1 for one branch; the ward
    /// is 45 branch rosters in one list until the ward roll-up exists).
    pub branches: usize,
    /// Years of meetings up to `today` (0: none).
    pub years: u32,
    /// "Today" of the data.
    pub today: NaiveDate,
}

/// The fixed "today" of the benchmark data (the tests' date).
pub fn bench_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default()
}

impl Spec {
    /// A typical residential branch: 35 members, 3 years of meetings.
    pub fn typical() -> Spec {
        Spec {
            label: "typical branch",
            seed: 35,
            members: 35,
            branches: 1,
            years: 3,
            today: bench_today(),
        }
    }

    /// A large branch: 80 members, 10 years of monthly and quarterly thematic meetings with
    /// full minutes and attendance.
    pub fn large() -> Spec {
        Spec {
            label: "large branch",
            seed: 80,
            members: 80,
            branches: 1,
            years: 10,
            today: bench_today(),
        }
    }

    /// A ward (the Dương Kinh report's scale): 45 branches, `members` members in total
    /// (1,239; 5,000 for headroom), as one roster, no meetings.
    pub fn ward(members: usize) -> Spec {
        Spec {
            label: "ward",
            seed: 45,
            members,
            branches: 45,
            years: 0,
            today: bench_today(),
        }
    }

    /// A small size for smoke tests.
    pub fn tiny(members: usize, years: u32) -> Spec {
        Spec {
            label: "tiny",
            seed: 7,
            members,
            branches: 1,
            years,
            today: bench_today(),
        }
    }
}

/// The generated data, with store ids already assigned (1, 2, … per kind).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BenchData {
    /// The branch profile.
    pub branch: Branch,
    /// Members with their ids: those on the roll today, then those who left.
    pub members: Vec<(MemberId, Member)>,
    /// Meetings with their ids, oldest first.
    pub meetings: Vec<(MeetingId, Meeting)>,
}

/// One kind of record and how it is generated.
#[derive(Debug, Clone, Copy)]
pub struct RecordKind {
    /// Name (the store tree it goes to).
    pub name: &'static str,
    /// Adds this kind's records to the data; the kinds listed before are already there.
    pub generate: fn(&Spec, &mut BenchData),
    /// Number of records of this kind in the data.
    pub count: fn(&BenchData) -> usize,
}

/// Every record kind, in generation order.
pub const RECORD_KINDS: &[RecordKind] = &[
    RecordKind {
        name: "members",
        generate: gen_members,
        count: |d| d.members.len(),
    },
    RecordKind {
        name: "meetings",
        generate: gen_meetings,
        count: |d| d.meetings.len(),
    },
];

/// Generates the data of `spec`: the branch, then every record kind in order.
pub fn generate(spec: &Spec) -> BenchData {
    let mut data = BenchData {
        branch: bench_branch(spec),
        ..BenchData::default()
    };
    for kind in RECORD_KINDS {
        (kind.generate)(spec, &mut data);
    }
    data
}

fn bench_branch(spec: &Spec) -> Branch {
    let name = if spec.branches > 1 {
        "Đảng bộ phường Dương Kinh (45 chi bộ)".to_string()
    } else {
        format!("Chi bộ Khu dân cư số {}", 1 + spec.seed % 9)
    };
    Branch {
        name,
        superior: "Đảng bộ phường Dương Kinh".into(),
        address: "Nhà văn hóa khu dân cư, phường Dương Kinh, TP Hải Phòng".into(),
        secretary: "Trần Văn Hùng".into(),
        deputy: "Nguyễn Thị Mai".into(),
        term_start: 2025,
        term_end: 2030,
        usual_day: None,
    }
}

/// Members: `spec.members` on the roll today, spread over `spec.branches` residential
/// groups, plus about one in ten who left (died, transferred, removed) during the years of
/// meetings. Card numbers are unique across the whole set.
fn gen_members(spec: &Spec, data: &mut BenchData) {
    let mut rng = Rng::new(spec.seed ^ 0x6d65_6d62);
    let branches = spec.branches.max(1);
    let departed_total = if spec.years == 0 {
        0
    } else {
        spec.members / 10
    };
    let first_day = NaiveDate::from_ymd_opt(spec.today.year() - spec.years as i32 + 1, 1, 1)
        .unwrap_or(spec.today);
    let mut global = 0usize;
    for b in 0..branches {
        let share = spec.members / branches + usize::from(b < spec.members % branches);
        let departed = departed_total / branches + usize::from(b < departed_total % branches);
        let n = share + departed;
        let mut people = demo_members(spec.seed.wrapping_mul(1000) + b as u64, n, spec.today);
        // Who left: never the probationary or exempted ones demo_members makes on purpose.
        let mut leaving = Vec::new();
        let mut i = n;
        while leaving.len() < departed && i > 0 {
            i -= 1;
            if i % 12 != 5 && i != 3 && i != 10 {
                leaving.push(i);
            }
        }
        for (i, m) in people.iter_mut().enumerate() {
            // The demo plants a transfer out and a death; here only `leaving` leave.
            m.events
                .retain(|e| !matches!(e.kind, EventKind::TransferredOut | EventKind::Died));
            global += 1;
            m.card_number = format!("{:08}", 31_100_000 + global * 7 + rng.below(7) as usize);
            if branches > 1 {
                m.residential_group = format!("Tổ dân phố số {}", b + 1);
            }
            if leaving.contains(&i) {
                let earliest = m
                    .recognized_on()
                    .unwrap_or(first_day)
                    .max(first_day)
                    .succ_opt()
                    .unwrap_or(first_day);
                let span = (spec.today - earliest).num_days().max(31) - 30;
                let date = earliest + Duration::days(rng.below(span as u64) as i64);
                let (kind, note) = match rng.below(3) {
                    0 => (EventKind::Died, "Từ trần"),
                    1 => (
                        EventKind::TransferredOut,
                        "Chuyển sinh hoạt đảng chính thức về nơi ở mới",
                    ),
                    _ => (EventKind::Removed, "Xóa tên theo Quyết định của Đảng ủy"),
                };
                m.events.push(MemberEvent::new(date, kind, note));
                m.events.sort_by_key(|e| e.date);
            }
        }
        // Those on the roll first, so ids 1..=members are today's members.
        let (left, stay): (Vec<_>, Vec<_>) = people
            .into_iter()
            .enumerate()
            .partition(|(i, _)| leaving.contains(i));
        data.members.extend(stay.into_iter().map(|(_, m)| (0, m)));
        data.members.extend(left.into_iter().map(|(_, m)| (0, m)));
    }
    // Today's members of every branch first, then everyone who left.
    data.members
        .sort_by_key(|(_, m)| !m.status_at(spec.today).is_active());
    for (i, (id, _)) in data.members.iter_mut().enumerate() {
        *id = i as MemberId + 1;
    }
}

const TOPICS: &[&str] = &[
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Xây dựng khu dân cư văn minh, sạch đẹp, an toàn",
    "Thực hiện quy chế dân chủ ở cơ sở",
    "Phát huy vai trò nêu gương của đảng viên nơi cư trú",
    "Công tác phát triển đảng viên ở khu dân cư",
    "Phòng, chống suy thoái về tư tưởng chính trị, đạo đức, lối sống",
];

const NEWS: &[&str] = &[
    "Đồng chí bí thư chi bộ thông tin tình hình thời sự trong nước và quốc tế nổi bật trong tháng; thông báo kết quả hội nghị Ban Chấp hành Đảng bộ phường.",
    "Phổ biến kế hoạch của Đảng ủy phường về việc tổ chức các hoạt động kỷ niệm các ngày lễ lớn trong tháng.",
    "Quán triệt chỉ thị của Ban Thường vụ Quận ủy về tăng cường công tác bảo đảm an ninh trật tự trên địa bàn dân cư.",
    "Thông báo nội dung chủ yếu của nghị quyết Hội nghị Trung ương và kế hoạch học tập, quán triệt của Đảng ủy phường.",
];

const REPORT: &[&str] = &[
    "Trong tháng, chi bộ đã lãnh đạo các đoàn thể trong khu dân cư hoàn thành tốt các nhiệm vụ được giao.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn ổn định; không có vụ việc phức tạp phát sinh.",
    "Công tác vệ sinh môi trường được duy trì, các hộ gia đình thực hiện tốt việc thu gom, phân loại rác thải tại nguồn.",
    "Ban công tác Mặt trận phối hợp với Chi hội Phụ nữ tổ chức thăm hỏi, tặng quà các gia đình chính sách và hộ có hoàn cảnh khó khăn.",
    "Việc thu nộp đảng phí được thực hiện đầy đủ, đúng quy định; các đồng chí đảng viên nộp đảng phí đúng hạn.",
    "Chi bộ đã quán triệt các văn bản chỉ đạo của Đảng ủy phường tới toàn thể đảng viên.",
    "Công tác tuyên truyền phòng, chống cháy nổ và phòng, chống dịch bệnh được triển khai thường xuyên trên hệ thống loa truyền thanh.",
    "Một số hộ gia đình còn để vật liệu xây dựng lấn chiếm vỉa hè, ảnh hưởng đến mỹ quan đô thị; chi bộ đã giao tổ trưởng nhắc nhở.",
    "Tổ hòa giải cơ sở đã hòa giải thành công hai vụ việc mâu thuẫn nhỏ giữa các hộ gia đình.",
    "Phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư tiếp tục được duy trì và phát huy.",
    "Chi bộ đã phân công đảng viên phụ trách các nhóm hộ, nắm bắt tâm tư, nguyện vọng của nhân dân để phản ánh kịp thời lên cấp trên.",
    "Quỹ khuyến học của khu dân cư đã trao thưởng cho các cháu học sinh đạt thành tích cao trong năm học.",
    "Ban bảo vệ dân phố duy trì tuần tra vào ban đêm, kịp thời phát hiện và xử lý một trường hợp đổ trộm phế thải xây dựng.",
    "Các chi hội Cựu chiến binh, Người cao tuổi tổ chức sinh hoạt đều đặn, thu hút đông đảo hội viên tham gia.",
];

const DIRECTIONS: &[&str] = &[
    "Tiếp tục tuyên truyền, vận động nhân dân chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Tổ chức tổng vệ sinh môi trường vào sáng Chủ nhật cuối tháng; mỗi đảng viên vận động ít nhất năm hộ tham gia.",
    "Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo và các đối tượng bảo trợ xã hội.",
    "Chuẩn bị tốt các điều kiện tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư.",
    "Đôn đốc các hộ gia đình hoàn thành việc đóng góp các loại quỹ theo quy định.",
    "Phân công đảng viên theo dõi, giúp đỡ quần chúng ưu tú trong diện phát triển đảng.",
    "Nắm chắc tình hình đảng viên đi làm ăn xa, đảng viên cao tuổi, sức khỏe yếu để kịp thời thăm hỏi.",
];

const SPEECHES: &[&str] = &[
    "Nhất trí với báo cáo của chi ủy; đề nghị chi bộ quan tâm hơn đến việc giữ gìn trật tự đô thị ở các ngõ nhỏ.",
    "Đề nghị khu dân cư sớm sửa chữa hệ thống đèn chiếu sáng công cộng tại khu vực nhà văn hóa.",
    "Đồng ý với phương hướng tháng tới; bổ sung nội dung vận động các hộ tham gia bảo hiểm y tế tự nguyện.",
    "Đề nghị tăng cường kiểm tra việc đổ rác không đúng giờ, không đúng nơi quy định.",
    "Các đảng viên cao tuổi cần được chi bộ thăm hỏi thường xuyên hơn khi ốm đau.",
    "Ban bảo vệ dân phố cần tăng cường tuần tra vào ban đêm, nhất là dịp cuối năm.",
    "Đề nghị chi ủy phổ biến kịp thời các văn bản mới của cấp trên tới từng đảng viên.",
    "Tôi xin nhận nhiệm vụ vận động các hộ trong nhóm hộ của mình tham gia tổng vệ sinh.",
    "Việc thu quỹ cần công khai, minh bạch để nhân dân yên tâm đóng góp.",
    "Đề nghị chi bộ biểu dương những đảng viên tích cực trong phong trào khuyến học.",
];

const REASONS: &[&str] = &[
    "Ốm",
    "Đi công tác",
    "Về quê có việc gia đình",
    "Trông cháu ốm",
    "Đi khám bệnh định kỳ",
];

fn sentences(rng: &mut Rng, bank: &[&str], n: usize) -> String {
    let start = rng.below(bank.len() as u64) as usize;
    (0..n)
        .map(|k| bank[(start + k) % bank.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn speech_text(rng: &mut Rng) -> String {
    let n = 1 + rng.below(2) as usize;
    sentences(rng, SPEECHES, n)
}

fn term_of(branch: &Branch, year: i32) -> i32 {
    let len = (branch.term_end - branch.term_start).max(1);
    let mut t = branch.term_start;
    while t > year {
        t -= len;
    }
    t
}

/// Meetings: every month a regular meeting, every quarter a thematic one, over
/// `spec.years` years up to `today`, with the roll of the members in the branch on the
/// date, full minutes (reports, speeches, conclusions), votes and tasks. All approved
/// except the newest, which is a draft.
fn gen_meetings(spec: &Spec, data: &mut BenchData) {
    if spec.years == 0 {
        return;
    }
    let mut rng = Rng::new(spec.seed ^ 0x6d65_6574);
    let mut dates = Vec::new();
    let first = spec.today.year() - spec.years as i32 + 1;
    for year in first..=spec.today.year() {
        for month in 1..=12 {
            let day = 5 + rng.below(10) as u32;
            if let Some(d) = NaiveDate::from_ymd_opt(year, month, day).filter(|d| *d < spec.today) {
                dates.push((d, MeetingKind::Regular, String::new()));
            }
            if month % 3 == 2
                && let Some(d) =
                    NaiveDate::from_ymd_opt(year, month, 20).filter(|d| *d < spec.today)
            {
                let topic = TOPICS[(year as usize * 4 + month as usize / 3) % TOPICS.len()];
                dates.push((d, MeetingKind::Thematic, topic.to_string()));
            }
        }
    }
    dates.sort_by_key(|(d, _, _)| *d);
    let last = dates.len().saturating_sub(1);
    let branch = data.branch.clone();
    let mut out: Vec<Meeting> = Vec::with_capacity(dates.len());
    for (i, (date, kind, topic)) in dates.into_iter().enumerate() {
        let mut attendance = mt::roll_for(data.members.iter().map(|(id, m)| (*id, m)), date);
        for r in &mut attendance {
            let roll = rng.below(100);
            r.mark = if r.status.is_exempt() {
                Mark::Unmarked
            } else if roll < 8 {
                Mark::Excused((*rng.pick(REASONS)).to_string())
            } else if roll < 10 {
                Mark::Unexcused
            } else {
                Mark::Present
            };
        }
        let present: Vec<Speaker> = attendance
            .iter()
            .filter(|r| r.mark == Mark::Present)
            .map(|r| Speaker::Member(r.member, r.name.clone()))
            .collect();
        let chair = Speaker::Guest(branch.secretary.clone(), "Bí thư chi bộ".into());
        let speaker = |rng: &mut Rng| {
            if present.is_empty() {
                chair.clone()
            } else {
                rng.pick(&present).clone()
            }
        };
        let mut agenda: Vec<AgendaItem> = mt::agenda_template(kind, &topic)
            .into_iter()
            .map(|title| AgendaItem {
                title,
                ..AgendaItem::default()
            })
            .collect();
        let counts = mt::counts(&attendance);
        for (k, item) in agenda.iter_mut().enumerate() {
            let t = item.title.clone();
            if t.starts_with("Điểm danh") {
                item.conclusion = format!(
                    "Tổng số đảng viên {}, phải có mặt {}, có mặt {}, vắng có lý do {}, vắng không lý do {}.",
                    counts.total,
                    counts.must_attend,
                    counts.present,
                    counts.excused,
                    counts.unexcused
                );
            } else if t.starts_with("Thông tin thời sự") {
                item.speeches.push(Speech {
                    speaker: chair.clone(),
                    gist: sentences(&mut rng, NEWS, 2),
                });
            } else if t.starts_with("Đánh giá kết quả") || t.starts_with("Báo cáo chuyên đề")
            {
                let n = 7 + rng.below(5) as usize;
                item.speeches.push(Speech {
                    speaker: chair.clone(),
                    gist: format!(
                        "{} Phương hướng: {}",
                        sentences(&mut rng, REPORT, n),
                        sentences(&mut rng, DIRECTIONS, 3)
                    ),
                });
                for _ in 0..3 + rng.below(3) {
                    item.speeches.push(Speech {
                        speaker: speaker(&mut rng),
                        gist: speech_text(&mut rng),
                    });
                }
                item.conclusion = sentences(&mut rng, DIRECTIONS, 2);
            } else if t.starts_with("Thảo luận") || t.starts_with("Đảng viên tự đánh giá")
            {
                for _ in 0..2 + rng.below(3) {
                    item.speeches.push(Speech {
                        speaker: speaker(&mut rng),
                        gist: speech_text(&mut rng),
                    });
                }
                item.conclusion = "Chi bộ ghi nhận các ý kiến phát biểu.".into();
            } else if t.starts_with("Chủ trì kết luận") {
                item.conclusion = format!(
                    "Đồng chí chủ trì kết luận: {}",
                    sentences(&mut rng, DIRECTIONS, 4)
                );
            } else if t.starts_with("Tự đánh giá") {
                item.conclusion = if rng.below(4) == 0 {
                    "Buổi sinh hoạt đạt chất lượng khá.".into()
                } else {
                    "Buổi sinh hoạt đạt chất lượng tốt.".into()
                };
            } else if t.starts_with("Thư ký đọc biên bản") {
                item.conclusion =
                    "Biên bản được thông qua với 100% đảng viên có mặt tán thành.".into();
            } else if k == 0 {
                item.conclusion =
                    "Đồng chí bí thư khai mạc; chi bộ cử thư ký buổi sinh hoạt.".into();
            }
        }
        let voters = mt::voters_present(&attendance);
        let mut votes = vec![Vote {
            subject: "Thông qua nghị quyết tháng".into(),
            threshold: Threshold::Majority,
            yes: voters,
            no: 0,
            abstain: 0,
        }];
        if rng.below(6) == 0 {
            votes.push(Vote {
                subject: "Đề nghị công nhận đảng viên chính thức".into(),
                threshold: Threshold::TwoThirds,
                yes: voters.saturating_sub(1),
                no: 0,
                abstain: u32::from(voters > 0),
            });
        }
        let tasks = (0..2 + rng.below(3))
            .map(|_| Task {
                who: speaker(&mut rng).name().to_string(),
                what: (*rng.pick(DIRECTIONS)).to_string(),
                due: date.checked_add_days(chrono::Days::new(10 + rng.below(20))),
                done: None,
            })
            .collect();
        let mut m = Meeting {
            number: 0,
            term_start: term_of(&branch, date.year()),
            kind,
            topic,
            date,
            start: "19:30".into(),
            end: "21:15".into(),
            place: branch.address.clone(),
            chair: branch.secretary.clone(),
            secretary: branch.deputy.clone(),
            guests: if kind == MeetingKind::Thematic {
                vec![mt::Guest {
                    name: "Phạm Văn Tuấn".into(),
                    position: "Đảng ủy viên phụ trách chi bộ".into(),
                }]
            } else {
                Vec::new()
            },
            attendance,
            agenda,
            votes,
            tasks,
            approved: (i != last).then_some(date),
            amendments: Vec::new(),
            proposals: Vec::new(),
        };
        if i % 23 == 5 {
            m.amendments.push(Amendment {
                date: date + Duration::days(35),
                reason: "Ghi nhầm số đảng viên vắng có lý do".into(),
                text: "Sửa lại số đảng viên vắng có lý do cho đúng với sổ điểm danh.".into(),
            });
        }
        m.number = mt::next_number(&out, m.term_start);
        out.push(m);
    }
    data.meetings = out
        .into_iter()
        .enumerate()
        .map(|(i, m)| (i as MeetingId + 1, m))
        .collect();
}

/// Edit number `round` of a member (for the simulated year of edits): the kind of change a
/// secretary makes (phone, address, a note), keeping the record's size about the same.
pub fn edit_member(m: &mut Member, round: u32) {
    let tail = m.phone.get(4..).unwrap_or("").to_string();
    m.phone = format!("09{:02}{tail}", round % 100);
    m.notes = format!("Cập nhật thông tin liên lạc lần {round}.");
}

/// Edit number `round` of a meeting: a corrected conclusion and speech.
pub fn edit_meeting(m: &mut Meeting, round: u32) {
    if let Some(item) = m.agenda.iter_mut().rev().find(|i| !i.speeches.is_empty()) {
        if let Some(s) = item.speeches.last_mut() {
            let base = s.gist.rfind(" (sửa lần ").map_or(s.gist.len(), |at| at);
            s.gist.truncate(base);
            s.gist.push_str(&format!(" (sửa lần {round})"));
        }
        item.conclusion = format!("Chi bộ ghi nhận các ý kiến phát biểu (bổ sung lần {round}).");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::Status;

    #[test]
    fn deterministic_and_sized_as_asked() {
        let spec = Spec::large();
        let a = generate(&spec);
        assert_eq!(a, generate(&spec));
        let active = a
            .members
            .iter()
            .filter(|(_, m)| m.status_at(spec.today).is_active())
            .count();
        assert_eq!(active, 80);
        assert_eq!(a.members.len(), 88, "80 on the roll and 8 who left");
        // 10 years × 12 monthly + 4 thematic, up to 21/11/2026.
        assert!(
            (150..=160).contains(&a.meetings.len()),
            "{}",
            a.meetings.len()
        );
        let newest = &a.meetings.last().unwrap().1;
        assert_eq!(newest.attendance.len(), 80);
        assert!(newest.approved.is_none());
        let cards: std::collections::HashSet<_> =
            a.members.iter().map(|(_, m)| &m.card_number).collect();
        assert_eq!(cards.len(), a.members.len());
        for (i, (id, _)) in a.members.iter().enumerate() {
            assert_eq!(*id, i as u64 + 1);
        }
    }

    #[test]
    fn ward_is_one_roster_of_45_groups() {
        let w = generate(&Spec::ward(1239));
        assert_eq!(w.members.len(), 1239);
        assert!(w.meetings.is_empty());
        let groups: std::collections::HashSet<_> = w
            .members
            .iter()
            .map(|(_, m)| m.residential_group.clone())
            .collect();
        assert_eq!(groups.len(), 45);
        let cards: std::collections::HashSet<_> =
            w.members.iter().map(|(_, m)| &m.card_number).collect();
        assert_eq!(cards.len(), 1239);
        assert!(
            w.members
                .iter()
                .any(|(_, m)| m.status_at(bench_today()) == Status::Probationary)
        );
    }

    #[test]
    fn every_kind_is_generated_and_edits_keep_sizes() {
        let d = generate(&Spec::typical());
        for k in RECORD_KINDS {
            assert!((k.count)(&d) > 0, "{}", k.name);
        }
        let mut m = d.meetings[3].1.clone();
        edit_meeting(&mut m, 1);
        let once = m.clone();
        edit_meeting(&mut m, 2);
        let len = |m: &Meeting| format!("{m:?}").len();
        assert!(len(&m).abs_diff(len(&once)) <= 2);
        assert_ne!(m, once);
    }
}
