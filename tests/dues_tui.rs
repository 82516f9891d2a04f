//! Dues and badges through the keys: collect a month's dues in one pass down the roster,
//! pay off arrears until the 3-month flag goes, enter a missing rate, record a badge.

use crate::common;

use common::{Harness, member, today};
use sochibo::app::screens::dues::dues_rows;
use sochibo::domain::dues::{self, Method, YearMonth};
use sochibo::domain::member::MemberId;

fn month(m: u32) -> YearMonth {
    YearMonth::new(2026, m).unwrap()
}

/// Keys that select `id` on the dues tab of the month shown.
fn select(h: &Harness, id: MemberId) -> String {
    let rows = dues_rows(&h.app.roster, h.app.dues.month);
    let i = rows
        .iter()
        .position(|e| e.id == id)
        .expect("member on the list");
    format!("<Home>{}", "<Down>".repeat(i))
}

fn year_arrears(h: &Harness, id: MemberId) -> dues::Arrears {
    let m = &h.app.roster.get(id).unwrap().member;
    dues::arrears(m, &h.app.store.dues().unwrap()[&id], 2026, today())
}

#[test]
fn a_month_is_collected_in_one_pass_and_arrears_clear_the_flag() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-4>");
    let screen = h.screen();
    assert!(screen.contains("‹ Tháng 11/2026 ›"), "{screen}");
    assert!(screen.contains("chưa đóng"), "{screen}");
    let before = h.app.store.dues().unwrap();
    let online_before: Vec<MemberId> = before
        .iter()
        .filter(|(_, l)| {
            l.payment(month(11))
                .is_some_and(|p| p.method == Method::Online)
        })
        .map(|(id, _)| *id)
        .collect();

    // One pass: F4 on every row (exempt and already-paid rows are just passed over).
    let rows = dues_rows(&h.app.roster, month(11)).len();
    h.keys(&format!("<Home>{}", "<F4>".repeat(rows)));
    let screen = h.screen();
    assert!(screen.contains("chưa thu 0 đ"), "{screen}");
    let after = h.app.store.dues().unwrap();
    for e in dues_rows(&h.app.roster, month(11)) {
        let l = &after[&e.id];
        match dues::due(&e.member, l, month(11)) {
            dues::Due::Owed(a) => {
                let p = l.payment(month(11)).expect("paid");
                assert_eq!(p.amount, a);
            }
            _ => assert!(l.payment(month(11)).is_none(), "exempt: nothing recorded"),
        }
    }
    for id in online_before {
        assert_eq!(
            after[&id].payment(month(11)).unwrap().method,
            Method::Online,
            "a payment is never overwritten by the pass"
        );
    }

    // F8 clears the selected row's payment; the totals follow.
    let paid_id = dues_rows(&h.app.roster, month(11))
        .iter()
        .find(|e| after[&e.id].payment(month(11)).is_some())
        .unwrap()
        .id;
    h.keys(&select(&h, paid_id));
    h.keys("<F8>");
    assert!(
        h.app.store.dues().unwrap()[&paid_id]
            .payment(month(11))
            .is_none()
    );
    assert!(!h.screen().contains("chưa thu 0 đ"));
    h.keys("<F5>");
    assert_eq!(
        h.app.store.dues().unwrap()[&paid_id]
            .payment(month(11))
            .unwrap()
            .method,
        Method::Online
    );

    // The member flagged for unpaid months: pay them back month by month.
    let flagged = h
        .app
        .roster
        .entries()
        .iter()
        .find(|e| year_arrears(&h, e.id).flagged())
        .expect("the demo has a member in arrears")
        .id;
    let owed = year_arrears(&h, flagged);
    assert!(owed.months.len() >= 3);
    let mut unpaid: Vec<YearMonth> = owed.months.clone();
    h.keys("<Left>");
    h.keys(&select(&h, flagged));
    let screen = h.screen();
    assert!(screen.contains("⚠"), "{screen}");
    assert!(screen.contains("đề nghị xóa tên"), "{screen}");
    while year_arrears(&h, flagged).flagged() {
        let m = unpaid.pop().unwrap();
        while h.app.dues.month > m {
            h.keys("<Left>");
        }
        h.keys(&select(&h, flagged));
        h.keys("<F4>");
        assert!(
            h.app.store.dues().unwrap()[&flagged].payment(m).is_some(),
            "{m} paid"
        );
    }
    let left = year_arrears(&h, flagged);
    assert_eq!(left.months.len(), 2, "the flag goes below 3 months");
    h.keys(&select(&h, flagged));
    let screen = h.screen();
    assert!(!screen.contains("đề nghị xóa tên"), "{screen}");
    assert!(screen.contains("nợ tháng"), "{screen}");
}

#[test]
fn a_missing_rate_is_entered_with_the_edit_key() {
    let extra = member("Hoàng Thị Mới", "12/03/1955", "10/01/1990", "31009999");
    let mut h = Harness::demo(&[extra]);
    let id = h
        .app
        .roster
        .entries()
        .iter()
        .find(|e| e.member.full_name == "Hoàng Thị Mới")
        .unwrap()
        .id;
    h.keys("<A-4>");
    h.keys(&select(&h, id));
    assert!(h.screen().contains("chưa khai báo mức"), "{}", h.screen());
    h.keys("<F4>");
    assert!(
        h.screen().contains("Chưa khai báo mức đóng đảng phí"),
        "{}",
        h.screen()
    );
    assert_eq!(h.app.dues.cursor, {
        let rows = dues_rows(&h.app.roster, month(11));
        rows.iter().position(|e| e.id == id).unwrap()
    });
    // From 01/2026, pension of 6.000.000 đ: 0,5% = 30.000 đ a month.
    h.keys("<F2>");
    assert!(h.screen().contains("Mức đóng đảng phí"), "{}", h.screen());
    h.keys("<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>01/2026");
    h.keys("<Tab><Right><Right><Tab>6.000.000<C-s>");
    assert!(h.app.form.is_none(), "{}", h.screen());
    let l = &h.app.store.dues().unwrap()[&id];
    assert_eq!(l.profiles.len(), 1);
    assert_eq!(l.profiles[0].from, month(1));
    assert_eq!(l.profiles[0].base, 6_000_000);
    h.keys("<F4>");
    let l = &h.app.store.dues().unwrap()[&id];
    assert_eq!(l.payment(month(11)).unwrap().amount, 30_000);
    // January to October are unpaid: ten months in arrears, flagged.
    let a = year_arrears(&h, id);
    assert_eq!(a.months.len(), 10);
    assert_eq!(a.amount, 300_000);
    h.keys(&select(&h, id));
    assert!(h.screen().contains("10 th · 300.000 ⚠"), "{}", h.screen());

    // A relief longer than 12 months is refused, naming the rule.
    h.keys(
        "<F2><Tab><Tab><Tab><Right><Right><Right><Right><Tab>NQ 07<Tab>01/2026<Tab>03/2027<C-s>",
    );
    assert!(h.screen().contains("tối đa 12 tháng"), "{}", h.screen());
    h.keys(
        "<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>06/2026<C-s>",
    );
    assert!(h.app.form.is_none(), "{}", h.screen());
    let a = year_arrears(&h, id);
    // Reduced by 50% from January to June: 6 × 15.000 + 4 × 30.000.
    assert_eq!(a.amount, 210_000);
}

#[test]
fn a_badge_award_is_recorded_and_leaves_the_next_list() {
    let mut h = Harness::demo(&[]);
    h.keys("<A-4><Tab>");
    let screen = h.screen();
    assert!(screen.contains("Đợt trao 03/02/2027"), "{screen}");
    assert!(screen.contains("sớm: bệnh hiểm nghèo"), "{screen}");
    let early = h
        .app
        .dues
        .badges
        .iter()
        .find(|(_, r)| r.serious_illness)
        .map(|(id, _)| *id)
        .unwrap();
    let name = h.app.roster.get(early).unwrap().member.full_name.clone();

    // The previous presentation date: award the early badge there.
    h.keys("<Left>");
    assert!(h.screen().contains("Đợt trao 07/11/2026"), "{}", h.screen());
    let rows = sochibo::app::screens::dues::badge_rows(&h.app);
    let i = rows
        .iter()
        .position(|r| r.entry().id == early)
        .expect("on the 07/11 list early");
    h.keys(&format!("<Home>{}<F4>", "<Down>".repeat(i)));
    assert!(
        h.screen().contains("Ghi nhận trao Huy hiệu Đảng"),
        "{}",
        h.screen()
    );
    // A date after today is refused.
    h.keys("<Tab>");
    h.keys(&"<Backspace>".repeat(10));
    h.keys("01/01/2027<Tab>Số 2150-QĐ/TU<C-s>");
    assert!(
        h.screen().contains("không được sau ngày hôm nay"),
        "{}",
        h.screen()
    );
    h.keys(&"<Backspace>".repeat(10));
    h.keys("07/11/2026<C-s>");
    assert!(h.app.form.is_none(), "{}", h.screen());
    let rec = &h.app.store.badges().unwrap()[&early];
    let award = rec.awards.last().unwrap();
    assert_eq!(
        award.date,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 7).unwrap()
    );
    assert_eq!(award.decision, "Số 2150-QĐ/TU");
    assert!(h.screen().contains("2150-QĐ/TU"), "{}", h.screen());
    // Awarded early: off the next list.
    h.keys("<Right>");
    assert!(!h.screen().contains(&name), "{}", h.screen());

    // The all-members view; F6 marks serious illness, F8 deletes an award (with a question).
    h.keys("<F5>");
    assert!(
        h.screen().contains("Tuổi Đảng và huy hiệu tiếp theo"),
        "{}",
        h.screen()
    );
    let rows = sochibo::app::screens::dues::badge_rows(&h.app);
    let i = rows.iter().position(|r| r.entry().id == early).unwrap();
    h.keys(&format!("<Home>{}<F6>", "<Down>".repeat(i)));
    assert!(!h.app.store.badges().unwrap()[&early].serious_illness);
    h.keys("<F8>");
    assert!(
        h.screen().contains("Xóa ghi nhận trao huy hiệu"),
        "{}",
        h.screen()
    );
    h.keys("<A-c>");
    assert!(
        h.app.store.badges().unwrap()[&early]
            .awards
            .iter()
            .all(|a| a.decision != "Số 2150-QĐ/TU")
    );
    h.keys("<Esc>");
    assert!(h.screen().contains("Đợt trao 03/02/2027"), "{}", h.screen());
}

#[test]
fn english_screen() {
    let mut h = Harness::build(true, &[], None, sochibo::i18n::Lang::En);
    h.keys("<A-4>");
    let screen = h.screen();
    assert!(screen.contains("Month 11/2026"), "{screen}");
    assert!(screen.contains("expected"), "{screen}");
    h.keys("<Tab>");
    assert!(
        h.screen().contains("Presentation 03/02/2027"),
        "{}",
        h.screen()
    );
}

#[test]
fn a_half_typed_award_survives_dropping_the_app() {
    use sochibo::app::App;
    use sochibo::keymap::Keymap;
    use sochibo::store::Store;
    let mut h = Harness::demo(&[]);
    h.keys("<A-4><Tab><F4><Tab><Tab>Số 77-QĐ");
    h.keys("<S-Tab>");
    let dir = h.dir.path().to_path_buf();
    let Harness { app, dir: tmp, .. } = h;
    drop(app);
    let store = Store::open(&dir).unwrap();
    let app = App::new(store, sochibo::i18n::Lang::Vi, Keymap::defaults(), today()).unwrap();
    let form = app.form.as_ref().expect("the form is back");
    assert_eq!(form.fields[2].value(), "Số 77-QĐ");
    assert_eq!(app.screen, sochibo::app::Screen::Dues);
    assert_eq!(app.dues.tab, sochibo::app::screens::dues::DuesTab::Badges);
    drop(tmp);
}
