//! The receipt list of the dues collected in a month (danh sách thu đảng phí, #17 item 6):
//! one row per member who paid in the month (the months paid, back-pay and payments in
//! advance named, the amount, online payments noted, a column to sign), the total, the
//! line for what is handed to the superior committee and the signatures of the collector
//! and the secretary; text and Word in the Party layout of HD 36.
//!
//! A payment belongs to the month it was recorded in (its `date`): the list is the money
//! that changed hands that month, so a member paying October and November at the November
//! meeting is one row with both months. Document text, not UI text: always in Vietnamese.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::docx::{
    self, Block, DocBuilder, Document, DocxError, Issuer, Paragraph, PartyHeader, Run, Signature,
    SignatureColumn, Table,
};
use super::minutes::{TEXT_WIDTH, value};
use crate::domain::branch::Branch;
use crate::domain::dues::{HandOver, Ledger, Method, YearMonth, group_thousands, handed_on_share};
use crate::domain::member::{Member, MemberId};
use crate::domain::text;

const KIND: &str = "DANH SÁCH THU ĐẢNG PHÍ";
const COL_NO: &str = "STT";
const COL_NAME: &str = "Họ và tên";
const COL_MONTHS: &str = "Đóng cho tháng";
const COL_AMOUNT: &str = "Số tiền (đồng)";
const COL_NOTE: &str = "Ghi chú";
const COL_SIGN: &str = "Ký nhận";
const BACK_PAY: &str = "đóng bù";
const AHEAD: &str = "đóng trước";
const ONLINE: &str = "nộp trực tuyến";
const PAID_BY: &str = "nộp hộ";
const LABEL_TOTAL: &str = "Tổng số tiền đã thu";
const SIGN_COLLECTOR: &str = "NGƯỜI THU";
const SIGN_BLANK: &str = "……………";

/// One member's payments recorded in the month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptRow {
    /// The member's full name.
    pub name: String,
    /// The months paid for, in order.
    pub months: Vec<YearMonth>,
    /// The sum paid, đồng.
    pub amount: i64,
    /// Paid through the public-service portal, not in cash to the collector.
    pub online: bool,
    /// Who handed the money in for the member (each once, in order), if not the member.
    pub payers: Vec<String>,
}

/// The receipts of one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipts {
    /// The month the money was collected in.
    pub month: YearMonth,
    /// One row per member who paid, in Vietnamese name order.
    pub rows: Vec<ReceiptRow>,
    /// Everything collected, đồng.
    pub total: i64,
    /// Of which in cash, đồng.
    pub cash: i64,
    /// The share of the total to hand on to the committee above (rule
    /// `DuesHandedOnPercent`), đồng.
    pub share: i64,
    /// The percent of that rule when the list was made.
    pub percent: i64,
    /// What was recorded as handed on of the month's dues, if anything.
    pub handed: Option<HandOver>,
}

impl Receipts {
    /// The list with the month's hand-over taken from the branch's records.
    pub fn with_handed(mut self, handed: &[HandOver]) -> Receipts {
        self.handed = handed.iter().find(|h| h.month == self.month).cloned();
        self
    }
}

/// The payments recorded in `month`, one row per member, in name order.
pub fn receipts<'a>(
    members: impl IntoIterator<Item = (MemberId, &'a Member)>,
    ledgers: &BTreeMap<MemberId, Ledger>,
    month: YearMonth,
) -> Receipts {
    let mut rows = Vec::new();
    let (mut total, mut cash) = (0, 0);
    for (id, m) in members {
        let Some(l) = ledgers.get(&id) else { continue };
        let paid: Vec<_> = l
            .payments
            .iter()
            .filter(|p| YearMonth::of(p.date) == month)
            .collect();
        if paid.is_empty() {
            continue;
        }
        let mut months: Vec<YearMonth> = paid.iter().map(|p| p.month).collect();
        months.sort();
        let amount: i64 = paid.iter().map(|p| p.amount).sum();
        let in_cash: i64 = paid
            .iter()
            .filter(|p| p.method == Method::Cash)
            .map(|p| p.amount)
            .sum();
        total += amount;
        cash += in_cash;
        let mut payers: Vec<String> = Vec::new();
        for p in &paid {
            let who = text::clean(&p.payer);
            if !who.is_empty() && !payers.contains(&who) {
                payers.push(who);
            }
        }
        rows.push(ReceiptRow {
            name: text::clean(&m.full_name),
            months,
            amount,
            online: in_cash == 0,
            payers,
        });
    }
    rows.sort_by(|a, b| text::compare_names(&a.name, &b.name));
    Receipts {
        month,
        rows,
        total,
        cash,
        share: handed_on_share(total),
        percent: crate::domain::rules::value(crate::domain::rules::RuleId::DuesHandedOnPercent),
        handed: None,
    }
}

/// "10, 11/2026" (one year), else "12/2025, 01/2026".
fn months_cell(months: &[YearMonth]) -> String {
    match months {
        [first, ..] if months.iter().all(|m| m.year == first.year) => format!(
            "{}/{}",
            months
                .iter()
                .map(|m| format!("{:02}", m.month))
                .collect::<Vec<_>>()
                .join(", "),
            first.year
        ),
        _ => months
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// "đóng bù 09, 10/2026; nộp trực tuyến; nộp hộ: Nguyễn Thị Bình": back-pay, payment in
/// advance, online, who handed it in for the member.
pub fn note(row: &ReceiptRow, month: YearMonth) -> String {
    let mut out = Vec::new();
    let before: Vec<_> = row.months.iter().copied().filter(|m| *m < month).collect();
    let after: Vec<_> = row.months.iter().copied().filter(|m| *m > month).collect();
    if !before.is_empty() {
        out.push(format!("{BACK_PAY} {}", months_cell(&before)));
    }
    if !after.is_empty() {
        out.push(format!("{AHEAD} {}", months_cell(&after)));
    }
    if row.online {
        out.push(ONLINE.to_string());
    }
    if !row.payers.is_empty() {
        out.push(format!("{PAID_BY}: {}", row.payers.join(", ")));
    }
    out.join("; ")
}

fn money(n: i64) -> String {
    group_thousands(n, '.')
}

/// "Số tiền phải nộp Đảng bộ phường Dương Kinh (70% số đã thu): 50.750 đồng; đã nộp
/// 50.750 đồng ngày 21/11/2026.": the share computed from the rule `DuesHandedOnPercent`
/// and what was recorded as handed on (a blank to fill in by hand when nothing was).
pub fn handed_on_line(branch: &Branch, r: &Receipts) -> String {
    let superior = text::clean(&branch.superior);
    let to = match &r.handed {
        Some(h) if !text::clean(&h.to).is_empty() => text::clean(&h.to),
        _ if superior.is_empty() => "cấp ủy cấp trên".to_string(),
        _ => superior,
    };
    let share = format!(
        "Số tiền phải nộp {to} ({}% số đã thu): {} đồng",
        r.percent,
        money(r.share)
    );
    match &r.handed {
        Some(h) => {
            let diff = r.share - h.amount;
            let rest = match diff {
                0 => String::new(),
                d if d > 0 => format!("; còn phải nộp {} đồng", money(d)),
                d => format!("; nộp thừa {} đồng", money(-d)),
            };
            format!(
                "{share}; đã nộp {} đồng ngày {}{rest}.",
                money(h.amount),
                h.date.format("%d/%m/%Y")
            )
        }
        None => format!("{share}; đã nộp: {SIGN_BLANK} đồng."),
    }
}

/// The document without the table: header, title, the opening sentence, the totals,
/// the signatures of the collector and the secretary, and the recipients.
fn frame(branch: &Branch, r: &Receipts, place: &str, issued: NaiveDate) -> Document {
    let issuer = Issuer::branch(branch);
    let cash = if r.cash == r.total {
        String::new()
    } else {
        format!(
            " (tiền mặt {} đồng; {ONLINE} {} đồng)",
            money(r.cash),
            money(r.total - r.cash)
        )
    };
    Document {
        header: PartyHeader {
            superior: issuer.superior.clone(),
            issuer: issuer.name.clone(),
            number: String::new(),
            place_date: docx::place_and_date(place, issued),
        },
        kind: KIND.to_string(),
        summary: vec![format!("Tháng {} năm {}", r.month.month, r.month.year)],
        body: vec![
            Block::Para(vec![Run::plain(format!(
                "{} thu đảng phí của đảng viên trong tháng {} (kể cả các khoản đóng bù, đóng trước), gồm:",
                value(&branch.name),
                r.month
            ))]),
            Block::Para(vec![
                Run::bold(format!("{LABEL_TOTAL}: {} đồng", money(r.total))),
                Run::plain(format!("{cash}, của {} đồng chí.", r.rows.len())),
            ]),
            Block::Para(vec![Run::plain(handed_on_line(branch, r))]),
        ],
        signature: Signature {
            left: SignatureColumn {
                titles: vec![SIGN_COLLECTOR.to_string()],
                name: String::new(),
            },
            right: SignatureColumn {
                titles: vec![issuer.on_behalf.clone(), issuer.title.clone()],
                name: issuer.signer.clone(),
            },
        },
        recipients: issuer.recipients(),
        after: Vec::new(),
    }
}

/// The list as plain text (`\n` line ends), each member an item with a place to sign.
pub fn receipts_text(branch: &Branch, r: &Receipts, place: &str, issued: NaiveDate) -> String {
    let mut doc = frame(branch, r, place, issued);
    let items = r.rows.iter().enumerate().map(|(i, row)| {
        let note = note(row, r.month);
        let note = if note.is_empty() {
            String::new()
        } else {
            format!(" ({note})")
        };
        Block::Item {
            level: 0,
            marker: format!("{}.", i + 1),
            runs: vec![Run::plain(format!(
                "{} — tháng {}: {} đồng{note}.{}",
                row.name,
                months_cell(&row.months),
                money(row.amount),
                // Money paid online never passed through the collector's hands.
                if row.online {
                    String::new()
                } else {
                    format!(" {COL_SIGN}: {SIGN_BLANK}")
                }
            ))],
        }
    });
    doc.body.splice(1..1, items);
    doc.to_text(TEXT_WIDTH)
}

/// The table of the Word form: STT, name, months, amount, note, signature; the total row.
fn table(r: &Receipts) -> Table {
    // A table's text is one point smaller than the body, as is usual in Party lists.
    let p = |r: Run| Paragraph::new(vec![r]).size(docx::BODY_PT - 1);
    let cell = |s: String| vec![p(Run::plain(s))];
    let centered = |s: String| vec![p(Run::plain(s)).center()];
    let right = |r: Run| {
        vec![Paragraph {
            align: docx::Align::Right,
            ..p(r)
        }]
    };
    let head = |s: &str| vec![p(Run::bold(s)).center()];
    let mut rows = vec![
        [COL_NO, COL_NAME, COL_MONTHS, COL_AMOUNT, COL_NOTE, COL_SIGN]
            .iter()
            .map(|s| head(s))
            .collect::<Vec<_>>(),
    ];
    for (i, row) in r.rows.iter().enumerate() {
        rows.push(vec![
            centered((i + 1).to_string()),
            cell(row.name.clone()),
            centered(months_cell(&row.months)),
            right(Run::plain(money(row.amount))),
            cell(note(row, r.month)),
            Vec::new(),
        ]);
    }
    rows.push(vec![
        Vec::new(),
        vec![p(Run::bold("Cộng"))],
        Vec::new(),
        right(Run::bold(money(r.total))),
    ]);
    let w = docx::TEXT_WIDTH;
    let fixed = [680, 1500, 1500, 1900, 1500];
    let name = w - fixed.iter().sum::<u32>();
    Table {
        widths: vec![fixed[0], name, fixed[1], fixed[2], fixed[3], fixed[4]],
        rows,
        borders: true,
    }
}

/// The list as a Word `.docx`: the frame of [`receipts_text`] with a bordered table in
/// place of the items.
pub fn receipts_docx(
    branch: &Branch,
    r: &Receipts,
    place: &str,
    issued: NaiveDate,
) -> Result<Vec<u8>, DocxError> {
    let doc = frame(branch, r, place, issued);
    let mut d = DocBuilder::new(&format!("{} {}", doc.kind, doc.summary.join(" ")));
    d.party_header(&doc.header);
    d.title_block(&doc.kind, &doc.summary);
    let (intro, rest) = doc.body.split_at(1);
    for b in intro {
        d.block(b);
    }
    d.table(&table(r));
    for b in rest {
        d.block(b);
    }
    d.signature(&doc.signature);
    d.recipients(&doc.recipients);
    d.finish()
}

/// "danh-sach-thu-dang-phi-2026-11": the file name of a month's list.
pub fn receipts_base(month: YearMonth) -> String {
    format!("danh-sach-thu-dang-phi-{}-{:02}", month.year, month.month)
}

/// Writes the list as `<base>.txt` (CRLF) and `<base>.docx` into `dir`, each atomically;
/// returns what was written, for the user.
pub fn receipts_files(
    branch: &Branch,
    r: &Receipts,
    issued: NaiveDate,
    dir: &std::path::Path,
) -> std::io::Result<String> {
    let place = super::place_name(branch);
    let docx = receipts_docx(branch, r, &place, issued).map_err(std::io::Error::other)?;
    super::write_files(
        dir,
        &receipts_base(r.month),
        &[
            (
                "txt",
                super::minutes::to_crlf(&receipts_text(branch, r, &place, issued)).into_bytes(),
            ),
            ("docx", docx),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dues::Payment;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn pay(l: &mut Ledger, month: YearMonth, amount: i64, method: Method, date: NaiveDate) {
        l.pay(Payment {
            month,
            amount,
            method,
            date,
            payer: String::new(),
        });
    }

    #[test]
    fn rows_are_the_payments_recorded_in_the_month() {
        let members = [
            (
                1,
                crate::domain::member::Member {
                    full_name: "Trần Văn Bình".into(),
                    ..Default::default()
                },
            ),
            (
                2,
                crate::domain::member::Member {
                    full_name: "Nguyễn Thị Ánh".into(),
                    ..Default::default()
                },
            ),
            (
                3,
                crate::domain::member::Member {
                    full_name: "Lê Văn Cường".into(),
                    ..Default::default()
                },
            ),
        ];
        let mut ledgers = BTreeMap::new();
        let mut a = Ledger::default();
        pay(&mut a, ym(2026, 11), 30_000, Method::Cash, d(2026, 11, 5));
        pay(&mut a, ym(2026, 10), 30_000, Method::Cash, d(2026, 11, 5));
        pay(&mut a, ym(2026, 9), 30_000, Method::Cash, d(2026, 9, 5));
        ledgers.insert(1, a);
        let mut b = Ledger::default();
        pay(&mut b, ym(2026, 11), 12_000, Method::Online, d(2026, 11, 2));
        ledgers.insert(2, b);
        let mut c = Ledger::default();
        pay(&mut c, ym(2026, 11), 5_000, Method::Cash, d(2026, 12, 1));
        ledgers.insert(3, c);
        let r = receipts(members.iter().map(|(i, m)| (*i, m)), &ledgers, ym(2026, 11));
        assert_eq!(r.total, 72_000);
        assert_eq!(r.cash, 60_000);
        let names: Vec<_> = r.rows.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(names, ["Nguyễn Thị Ánh", "Trần Văn Bình"]);
        assert_eq!(r.rows[1].months, [ym(2026, 10), ym(2026, 11)]);
        assert_eq!(months_cell(&r.rows[1].months), "10, 11/2026");
        assert_eq!(note(&r.rows[1], r.month), "đóng bù 10/2026");
        assert_eq!(note(&r.rows[0], r.month), "nộp trực tuyến");
        assert_eq!(
            months_cell(&[ym(2025, 12), ym(2026, 1)]),
            "12/2025, 01/2026"
        );
        let none = receipts(members.iter().map(|(i, m)| (*i, m)), &ledgers, ym(2026, 8));
        assert!(none.rows.is_empty() && none.total == 0);
    }
}
