//! Exemption length at the save (#22.2) through the keys: a temporary exemption longer
//! than the rules table's maximum is refused in advance on its end date with "rule —
//! source"; nothing is saved. On the last day allowed it saves.

use crate::common;
use crate::common::official;

use common::{Harness, today};
use sochibo::domain::member::{EventKind, Member, Status};
use sochibo::domain::rules::{self, RuleId};

fn stored(h: &Harness) -> Member {
    h.member_named("Nguyễn Văn An").unwrap().1
}

#[test]
fn temporary_exemption_max_months_longer_is_refused_on_the_end_date() {
    let mut h = Harness::demo(&[official("Nguyễn Văn An")]);
    let before = stored(&h).events.len();
    assert_eq!(rules::value(RuleId::TemporaryExemptionMaxMonths), 12);
    h.keys("nguyen van an<Enter><F4>");
    // From today 21/11/2026: 12 months end on 21/11/2027; one day more is refused.
    h.keys("<Tab><Tab><Right><Right><Tab>22/11/2027<Tab>15/11/2026<Tab>09-NQ/CB<C-s>");
    let screen = h.screen();
    assert!(h.app.form.is_some(), "{screen}");
    assert_eq!(stored(&h).events.len(), before, "nothing saved");
    assert!(
        screen.contains("Dài quá 12 tháng tối đa; ngày kết thúc"),
        "{screen}"
    );
    assert!(
        screen.contains("21/11/2027 (Miễn sinh hoạt tạm thời"),
        "{screen}"
    );
    let words = sochibo::i18n::rules::catalogue(sochibo::i18n::Lang::Vi).refusal(
        &sochibo::domain::acts::exemption_length(
            today(),
            chrono::NaiveDate::from_ymd_opt(2027, 11, 22).unwrap(),
        )
        .unwrap_err(),
    );
    assert!(
        words.ends_with(&format!(
            " — {}",
            rules::rule(RuleId::TemporaryExemptionMaxMonths).source
        )),
        "{words}"
    );

    // The last day allowed: saved.
    // The refusal put the focus on the end date.
    let form = h.app.form.as_ref().unwrap();
    assert_eq!(
        format!("{:?}", form.fields[form.focus].field),
        "Event(EndsOn)"
    );
    h.keys(&format!("{}21/11/2027<C-s>", "<Backspace>".repeat(10)));
    let m = stored(&h);
    assert_eq!(m.events.len(), before + 1, "{}", h.screen());
    let e = m.events.last().unwrap();
    assert_eq!(e.kind, EventKind::ExemptionStarted { full: false });
    assert_eq!(
        e.papers.ends_on,
        chrono::NaiveDate::from_ymd_opt(2027, 11, 21)
    );
    assert_eq!(m.status_at(today()), Status::TemporarilyExempt);
}
