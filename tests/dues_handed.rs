//! What the branch hands on of a month's dues (#17 item 6): the share is a rule
//! (`DuesHandedOnPercent`, a branch setting), the amount handed on is recorded from the
//! dues view with one key and a small form (undoable, saved at once, golden bytes of the
//! payments schema v3 that holds it), the view shows the month's figures, and the receipt
//! list's handed-on line carries the computed share and the recorded amount.

use crate::common;
use crate::common::{d, ym};

use common::{Harness, docx_xml, flat, today};
use sochibo::app::Screen;
use sochibo::domain::branch::Branch;
use sochibo::domain::dues::{self, HandOver, Ledger, Method, Payment};
use sochibo::domain::member::Member;
use sochibo::domain::rules::{self, RuleId};
use sochibo::interchange::receipts;
use sochibo::store::schema::{decode_dues_handed, decode_dues_payments, encode_dues_handed};

fn golden_handed() -> Vec<HandOver> {
    vec![
        HandOver {
            month: ym(2026, 10),
            date: d(2026, 10, 25),
            amount: 420_000,
            to: "Đảng ủy phường Dương Kinh".into(),
            note: String::new(),
        },
        HandOver {
            month: ym(2026, 11),
            date: d(2026, 11, 21),
            amount: 50_750,
            to: "Văn phòng Đảng ủy".into(),
            note: "Phiếu thu số 12".into(),
        },
    ]
}

const PAYMENTS_V3: &[u8] = include_bytes!("fixtures/dues_payments_v3.bin");

#[test]
fn dues_payments_v3_bytes_decode_forever() {
    assert_eq!(PAYMENTS_V3[0], 3, "version byte");
    assert_eq!(decode_dues_handed(PAYMENTS_V3).unwrap(), golden_handed());
    assert_eq!(decode_dues_payments(PAYMENTS_V3).unwrap(), Vec::new());
    assert_eq!(encode_dues_handed(&golden_handed()).unwrap(), PAYMENTS_V3);
    // Older payment records hold no hand-over.
    let v2: &[u8] = include_bytes!("fixtures/dues_payments_v2.bin");
    assert_eq!(decode_dues_handed(v2).unwrap(), Vec::new());
    assert!(decode_dues_handed(&PAYMENTS_V3[..PAYMENTS_V3.len() - 4]).is_err());
}

#[test]
#[ignore = "writes the golden fixture of dues payments v3; run once, never again"]
fn write_fixture() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dues_payments_v3.bin");
    if std::fs::metadata(&path).map_or(true, |m| m.len() == 0) {
        std::fs::write(path, encode_dues_handed(&golden_handed()).unwrap()).unwrap();
    }
}

#[test]
fn the_share_handed_on_is_a_branch_setting_of_the_rules_table() {
    let r = rules::rule(RuleId::DuesHandedOnPercent);
    assert_eq!(r.value, 70);
    assert!(r.setting.is_some(), "unverified: a branch setting");
    assert!(r.source.contains("QĐ 342"), "{}", r.source);
    assert!(r.source.contains("chi bộ tự đặt"), "{}", r.source);
}

#[test]
fn the_amount_handed_on_is_recorded_shown_and_undone() {
    let mut h = Harness::demo_with_meetings(&[], today());
    let nov = ym(2026, 11);
    // The dues view (Ctrl+P from a meeting reaches the same view, its notice of the month
    // over the bottom lines until the next notice).
    h.keys("<A-4>");
    assert_eq!(h.app.screen, Screen::Dues);
    let f = sochibo::app::screens::dues::hand_on_figures(&h.app, nov);
    let money = |n: i64| dues::group_thousands(n, '.');
    // The view: collected (cash, online), the share from the rule, nothing handed on yet.
    let screen = flat(&h.screen());
    assert!(
        screen.contains(&format!(
            "Tiền thu trong tháng {} đ (tiền mặt {} đ, trực tuyến {} đ)",
            money(f.collected),
            money(f.cash),
            money(f.online())
        )),
        "{screen}"
    );
    assert_eq!(f.share, dues::handed_on_share(f.collected));
    assert!(
        screen.contains(&format!(
            "Phải nộp cấp trên 70%: {} đ · đã nộp chưa ghi",
            money(f.share)
        )),
        "{screen}"
    );

    // F7: the form is filled with the share and the superior committee.
    h.keys("<F7>");
    let form = h.screen();
    assert!(h.app.form.is_some(), "{form}");
    assert!(form.contains(&money(f.share)), "{form}");
    let superior = h.app.branch.as_ref().unwrap().superior.clone();
    assert!(flat(&form).contains(&superior), "{form}");
    // A future date, an amount that is no number: refused naming the fields, nothing saved.
    let before = h.stored();
    let handed_before = h.app.store.dues_handed().unwrap();
    let clear = format!("<End>{}", "<Backspace>".repeat(40));
    h.keys(&format!("{clear}30/12/2026<Tab>{clear}năm mươi<C-s>"));
    assert!(h.app.form.is_some());
    let s = h.screen();
    assert!(s.contains("không được sau ngày hôm nay"), "{s}");
    assert!(s.contains("cần nhập số tiền bằng chữ số"), "{s}");
    assert_eq!(h.stored(), before);
    assert_eq!(h.app.store.dues_handed().unwrap(), handed_before);
    // A negative amount is no amount of money either.
    h.keys(&format!("<S-Tab>{clear}21/11/2026<Tab>{clear}-5.000<C-s>"));
    assert!(h.app.form.is_some());
    assert!(
        h.screen().contains("cần nhập số tiền bằng chữ số"),
        "{}",
        h.screen()
    );
    assert_eq!(h.app.store.dues_handed().unwrap(), handed_before);
    h.keys(&format!("{clear}50.000<C-s>"));
    assert!(h.app.form.is_none(), "{}", h.screen());
    let status = flat(&h.status_line());
    assert!(
        status.contains(&format!(
            "Đã ghi: nộp {superior} 50.000 đồng đảng phí tháng 11/2026"
        )),
        "{status}"
    );
    let stored = h.app.store.dues_handed().unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(
        (stored[0].month, stored[0].amount, stored[0].date),
        (nov, 50_000, today())
    );
    assert_eq!(stored[0].to, superior);
    // A command (next month, back) clears the notice over the bottom lines.
    h.keys("<Right><Left>");
    let screen = flat(&h.screen());
    assert!(
        screen.contains(&format!(
            "đã nộp 50.000 đ · chênh lệch {} đ",
            money(f.share - 50_000)
        )),
        "{screen}"
    );
    // The member ledgers are untouched by the branch's record.
    assert!(
        !h.app
            .store
            .dues()
            .unwrap()
            .contains_key(&sochibo::store::DUES_HANDED_KEY)
    );

    // The receipt list carries the share and what was handed on.
    h.keys("<F9>");
    let dir = sochibo::interchange::exports_dir(h.app.store.dir());
    let txt =
        std::fs::read_to_string(dir.join(format!("{}.txt", receipts::receipts_base(nov)))).unwrap();
    assert!(
        flat(&txt).contains(&format!(
            "Số tiền phải nộp {superior} (70% số đã thu): {} đồng; đã nộp 50.000 đồng ngày 21/11/2026",
            money(f.share)
        )),
        "{txt}"
    );

    // Undo takes the record back, redo brings it again; a restart reads it.
    h.keys("<C-z>");
    assert_eq!(h.app.store.dues_handed().unwrap(), Vec::new());
    assert_eq!(h.app.dues.handed, Vec::new());
    h.keys("<Right><Left>");
    assert!(
        flat(&h.screen()).contains("đã nộp chưa ghi"),
        "{}",
        h.screen()
    );
    h.keys("<C-y>");
    assert_eq!(h.app.store.dues_handed().unwrap(), stored);
    assert_eq!(h.app.dues.handed, stored);
}

#[test]
fn the_receipt_list_without_a_record_leaves_the_amount_to_fill_in() {
    let branch = Branch {
        name: "Chi bộ Tổ dân phố số 5".into(),
        superior: "Đảng bộ phường Dương Kinh".into(),
        ..Branch::default()
    };
    let m = Member {
        full_name: "Trần Văn Bình".into(),
        ..Member::default()
    };
    let mut l = Ledger::default();
    l.pay(Payment {
        month: ym(2026, 11),
        amount: 35_000,
        method: Method::Cash,
        date: d(2026, 11, 5),
        payer: String::new(),
    });
    let ledgers = std::collections::BTreeMap::from([(1, l)]);
    let r = receipts::receipts([(1, &m)], &ledgers, ym(2026, 11));
    assert_eq!((r.share, r.percent), (24_500, 70));
    assert_eq!(
        receipts::handed_on_line(&branch, &r),
        "Số tiền phải nộp Đảng bộ phường Dương Kinh (70% số đã thu): 24.500 đồng; đã nộp: …………… đồng."
    );
    let r = r.with_handed(&golden_handed());
    assert_eq!(
        receipts::handed_on_line(&branch, &r),
        "Số tiền phải nộp Văn phòng Đảng ủy (70% số đã thu): 24.500 đồng; đã nộp 50.750 đồng ngày 21/11/2026; nộp thừa 26.250 đồng."
    );
    let words =
        docx_xml(&receipts::receipts_docx(&branch, &r, "Hải Phòng", d(2026, 11, 21)).unwrap());
    assert!(
        words.contains("đã nộp 50.750 đồng ngày 21/11/2026"),
        "{words}"
    );
}
