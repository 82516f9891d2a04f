//! The yearly dues report and the yearly badge list, as 80-column text (to print or read)
//! and as CSV for Excel (UTF-8 with BOM, `,`, CRLF), in the UI language (Vietnamese by
//! default). Every figure comes from `domain::dues` and `domain::badges`.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::xlsx::{Cell, Sheet};
use crate::domain::badges::{self, BadgeRecord, Candidate};
use crate::domain::date::{format_date, format_opt_date};
use crate::domain::dues::{self, Due, Ledger, Totals, YearMonth};
use crate::domain::member::{Member, MemberId};
use crate::domain::text::{self, cell, rcell, width};
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::i18n::dues::{DuesMsg, DuesText};

/// Width of the text reports in columns.
pub const TEXT_WIDTH: usize = 80;

fn sorted(members: &[(MemberId, Member)]) -> Vec<&(MemberId, Member)> {
    let mut v: Vec<&(MemberId, Member)> = members.iter().collect();
    v.sort_by(|a, b| text::compare_names(&a.1.full_name, &b.1.full_name));
    v
}

/// The months of `year` the report covers on `today`: up to today's month (all twelve
/// for a past year, none for a future one).
fn report_months(year: i32, today: NaiveDate) -> Vec<YearMonth> {
    let now = YearMonth::of(today);
    (1..=12)
        .filter_map(|m| YearMonth::new(year, m))
        .filter(|m| *m <= now)
        .collect()
}

/// One member's line of the dues report.
struct DuesLine<'a> {
    member: &'a Member,
    ledger: &'a Ledger,
    /// The last month of the year covered (its amount is the one shown).
    last: YearMonth,
    arrears: dues::Arrears,
}

fn dues_lines<'a>(
    members: &'a [(MemberId, Member)],
    ledgers: &'a BTreeMap<MemberId, Ledger>,
    months: &[YearMonth],
    today: NaiveDate,
    empty: &'a Ledger,
) -> Vec<DuesLine<'a>> {
    sorted(members)
        .into_iter()
        .filter_map(|(id, m)| {
            let last = months
                .iter()
                .rev()
                .find(|mo| dues::in_branch(m, **mo))
                .copied()?;
            let ledger = ledgers.get(id).unwrap_or(empty);
            Some(DuesLine {
                member: m,
                ledger,
                last,
                arrears: dues::arrears(m, ledger, last.year, today),
            })
        })
        .collect()
}

fn monthly(
    members: &[(MemberId, Member)],
    ledgers: &BTreeMap<MemberId, Ledger>,
    months: &[YearMonth],
) -> Vec<(YearMonth, Totals)> {
    months
        .iter()
        .map(|m| {
            (
                *m,
                dues::month_totals(members.iter().map(|(id, x)| (*id, x)), ledgers, *m),
            )
        })
        .collect()
}

/// The dues report of `year` as CSV: one row per member of the branch in the year (rate
/// category, monthly amount, the amount paid each month, paid through, arrears and the
/// removal flag), then a totals row.
pub fn dues_csv(
    lang: Lang,
    members: &[(MemberId, Member)],
    ledgers: &BTreeMap<MemberId, Ledger>,
    year: i32,
    today: NaiveDate,
) -> String {
    dues_sheet(lang, members, ledgers, year, today).to_csv()
}

/// The table of [`dues_csv`], for the CSV and the `.xlsx` export: amounts as
/// [`Cell::Amount`], counts as [`Cell::Int`].
pub fn dues_sheet(
    lang: Lang,
    members: &[(MemberId, Member)],
    ledgers: &BTreeMap<MemberId, Ledger>,
    year: i32,
    today: NaiveDate,
) -> Sheet {
    let (c, d) = (lang.cat(), lang.cat().dues());
    let months = report_months(year, today);
    let empty = Ledger::default();
    let lines = dues_lines(members, ledgers, &months, today, &empty);
    let mut header = vec![
        c.msg(Msg::ColNo).to_string(),
        c.msg(Msg::ColName).to_string(),
        c.msg(Msg::ColCard).to_string(),
        d.msg(DuesMsg::ColCategory).to_string(),
        d.msg(DuesMsg::ColMonthly).to_string(),
    ];
    header.extend((1..=12).map(|m| d.text(DuesText::MonthShort(m))));
    header.extend([
        d.msg(DuesMsg::ColPaidThrough).to_string(),
        d.msg(DuesMsg::ColArrearsMonths).to_string(),
        d.msg(DuesMsg::ColArrearsAmount).to_string(),
        d.msg(DuesMsg::ColFlag).to_string(),
    ]);
    let mut sheet = Sheet::new(&d.text(DuesText::DuesSheet(year)), header);
    let mut paid_sum = [0i64; 12];
    let mut arrears_sum = 0;
    for (i, l) in lines.iter().enumerate() {
        let due = dues::due(l.member, l.ledger, l.last);
        let category = l.ledger.profile_at(l.last).map_or_else(
            || d.msg(DuesMsg::NoProfile).to_string(),
            |p| d.category(p.category),
        );
        let category = match due {
            Due::Exempt(e) => format!("{category} – {}", d.exemption(e)),
            _ => category,
        };
        let mut row = vec![
            Cell::int(i as i64 + 1),
            Cell::text(&l.member.full_name),
            Cell::text(&l.member.card_number),
            Cell::Text(category),
            Cell::Amount(due.amount()),
        ];
        for m in 1..=12u32 {
            let paid = YearMonth::new(year, m)
                .and_then(|ym| l.ledger.payment(ym))
                .map(|p| p.amount);
            if let Some(a) = paid {
                paid_sum[m as usize - 1] += a;
            }
            row.push(paid.map_or(Cell::Empty, Cell::Amount));
        }
        arrears_sum += l.arrears.amount;
        row.extend([
            dues::paid_through(l.member, l.ledger, today)
                .map_or(Cell::Empty, |m| Cell::Text(m.to_string())),
            Cell::int(l.arrears.months.len() as i64),
            Cell::Amount(l.arrears.amount),
            if l.arrears.flagged() {
                Cell::Text(d.text(DuesText::FlagRule))
            } else {
                Cell::Empty
            },
        ]);
        sheet.rows.push(row);
    }
    let mut total = vec![
        Cell::Empty,
        Cell::text(d.msg(DuesMsg::Total)),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ];
    total.extend(paid_sum.iter().map(|a| Cell::Amount(*a)));
    total.extend([Cell::Empty, Cell::Empty, Cell::Amount(arrears_sum)]);
    sheet.rows.push(total);
    sheet
}

/// The dues report of `year` as 80-column text: one line per member with a mark per
/// month, the monthly totals, and the members flagged for unpaid months.
pub fn dues_text(
    lang: Lang,
    branch: &str,
    members: &[(MemberId, Member)],
    ledgers: &BTreeMap<MemberId, Ledger>,
    year: i32,
    today: NaiveDate,
) -> String {
    let (c, d) = (lang.cat(), lang.cat().dues());
    let months = report_months(year, today);
    let empty = Ledger::default();
    let lines = dues_lines(members, ledgers, &months, today, &empty);
    let mut out = String::new();
    for l in d
        .text(DuesText::DuesReportTitle(&branch.to_uppercase(), year))
        .lines()
    {
        out.push_str(&format!("{l}\n"));
    }
    out.push('\n');
    // STT 3, name 20, amount 9, 12 months × 3, arrears 9: 3+1+20+1+9+36+1+9 = 80.
    let mut head = format!(
        "{} {} {}",
        rcell(c.msg(Msg::ColNo), 3),
        cell(c.msg(Msg::ColName), 20),
        rcell(d.msg(DuesMsg::ColDue), 9)
    );
    for m in 1..=12 {
        head.push_str(&rcell(&m.to_string(), 3));
    }
    head.push_str(&format!(" {}", rcell(d.msg(DuesMsg::ColOwed), 9)));
    out.push_str(&format!("{}\n", head.trim_end()));
    out.push_str(&format!("{}\n", "-".repeat(TEXT_WIDTH)));
    for (i, l) in lines.iter().enumerate() {
        let due = dues::due(l.member, l.ledger, l.last);
        let amount = match due {
            Due::Owed(a) => d.amount(a),
            _ => "–".into(),
        };
        let mut line = format!(
            "{} {} {}",
            rcell(&(i + 1).to_string(), 3),
            cell(&l.member.full_name, 20),
            rcell(&amount, 9)
        );
        for m in 1..=12u32 {
            let mark = match YearMonth::new(year, m) {
                Some(ym) if months.contains(&ym) => {
                    if l.ledger.payment(ym).is_some() {
                        "✓"
                    } else if matches!(dues::due(l.member, l.ledger, ym), Due::Owed(_)) {
                        "."
                    } else {
                        "–"
                    }
                }
                Some(ym) if l.ledger.payment(ym).is_some() => "✓",
                _ => " ",
            };
            line.push_str(&rcell(mark, 3));
        }
        let arrears = if l.arrears.amount > 0 {
            d.amount(l.arrears.amount)
        } else {
            String::new()
        };
        line.push_str(&format!(" {}", rcell(&arrears, 9)));
        out.push_str(&format!("{}\n", line.trim_end()));
    }
    out.push_str(&format!("{}\n", d.msg(DuesMsg::Legend)));
    out.push('\n');

    out.push_str(&format!("{}\n", d.msg(DuesMsg::MonthlyHeading)));
    out.push_str(&format!(
        "{} {} {} {}\n",
        cell(d.msg(DuesMsg::ColMonth), 10),
        rcell(d.msg(DuesMsg::ColExpected), 14),
        rcell(d.msg(DuesMsg::ColCollected), 14),
        rcell(d.msg(DuesMsg::ColUnpaid), 14)
    ));
    let mut sum = Totals::default();
    for (m, t) in monthly(members, ledgers, &months) {
        out.push_str(&format!(
            "{} {} {} {}\n",
            cell(&m.to_string(), 10),
            rcell(&d.amount(t.expected), 14),
            rcell(&d.amount(t.collected), 14),
            rcell(&d.amount(t.unpaid), 14)
        ));
        sum += t;
    }
    out.push_str(&format!(
        "{} {} {} {}\n",
        cell(d.msg(DuesMsg::Total), 10),
        rcell(&d.amount(sum.expected), 14),
        rcell(&d.amount(sum.collected), 14),
        rcell(&d.amount(sum.unpaid), 14)
    ));
    let flagged: Vec<&DuesLine> = lines.iter().filter(|l| l.arrears.flagged()).collect();
    if !flagged.is_empty() {
        out.push('\n');
        out.push_str(&format!("{}\n", d.text(DuesText::FlaggedHeading)));
        for l in flagged {
            out.push_str(&format!(
                "{}\n",
                d.text(DuesText::FlaggedMember(
                    &l.member.full_name,
                    l.arrears.months.len()
                ))
            ));
        }
    }
    out.push('\n');
    out.push_str(&format!("{}\n", d.text(DuesText::MadeOn(today))));
    wrap_long_lines(&out)
}

/// Breaks any line longer than [`TEXT_WIDTH`] at spaces (the legend and headings in a
/// long language).
fn wrap_long_lines(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        if width(line) <= TEXT_WIDTH {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut cur = String::new();
        for word in line.split(' ') {
            if !cur.is_empty() && width(&cur) + 1 + width(word) > TEXT_WIDTH {
                out.push_str(cur.trim_end());
                out.push('\n');
                cur = format!("  {word}");
            } else if cur.is_empty() {
                cur = word.to_string();
            } else {
                cur.push(' ');
                cur.push_str(word);
            }
        }
        out.push_str(cur.trim_end());
        out.push('\n');
    }
    out
}

/// The badge lists of the presentation dates of `year`, each with its candidates.
pub fn badge_lists<'a>(
    members: &'a [(MemberId, Member)],
    records: &BTreeMap<MemberId, BadgeRecord>,
    year: i32,
) -> Vec<(NaiveDate, Vec<(&'a Member, Candidate)>)> {
    badges::presentation_dates(year)
        .into_iter()
        .map(|p| {
            let list = badges::candidates(members.iter().map(|(id, m)| (*id, m)), records, p)
                .into_iter()
                .filter_map(|c| {
                    let m = members.iter().find(|(id, _)| *id == c.member)?;
                    Some((&m.1, c))
                })
                .collect();
            (p, list)
        })
        .collect()
}

/// The badge list of `year` as CSV: one row per member and presentation date.
pub fn badges_csv(
    lang: Lang,
    members: &[(MemberId, Member)],
    records: &BTreeMap<MemberId, BadgeRecord>,
    year: i32,
) -> String {
    badges_sheet(lang, members, records, year).to_csv()
}

/// The table of [`badges_csv`], for the CSV and the `.xlsx` export.
pub fn badges_sheet(
    lang: Lang,
    members: &[(MemberId, Member)],
    records: &BTreeMap<MemberId, BadgeRecord>,
    year: i32,
) -> Sheet {
    let (c, d) = (lang.cat(), lang.cat().dues());
    let mut sheet = Sheet::new(
        &d.text(DuesText::BadgesSheet(year)),
        [
            c.msg(Msg::ColNo),
            d.msg(DuesMsg::ColPresentation),
            c.msg(Msg::ColName),
            c.msg(Msg::ColCard),
            c.msg(Msg::ColAdmitted),
            d.msg(DuesMsg::ColMilestone),
            d.msg(DuesMsg::ColReached),
            d.msg(DuesMsg::ColBasis),
            d.msg(DuesMsg::ColAwardDate),
            d.msg(DuesMsg::ColDecision),
        ],
    );
    let mut n = 0;
    for (p, list) in badge_lists(members, records, year) {
        for (m, cand) in list {
            n += 1;
            sheet.rows.push(vec![
                Cell::int(n),
                Cell::Date(p),
                Cell::text(&m.full_name),
                Cell::text(&m.card_number),
                Cell::opt_date(m.admitted_on()),
                Cell::int(cand.milestone),
                Cell::Date(cand.reached_on),
                Cell::text(d.basis(cand.basis)),
                Cell::opt_date(cand.awarded.as_ref().map(|a| a.date)),
                cand.awarded
                    .as_ref()
                    .map_or(Cell::Empty, |a| Cell::text(&a.decision)),
            ]);
        }
    }
    sheet
}

/// The badge list of `year` as 80-column text, by presentation date.
pub fn badges_text(
    lang: Lang,
    branch: &str,
    members: &[(MemberId, Member)],
    records: &BTreeMap<MemberId, BadgeRecord>,
    year: i32,
    today: NaiveDate,
) -> String {
    let (c, d) = (lang.cat(), lang.cat().dues());
    let mut out = String::new();
    for l in d
        .text(DuesText::BadgesReportTitle(&branch.to_uppercase(), year))
        .lines()
    {
        out.push_str(&format!("{l}\n"));
    }
    for (p, list) in badge_lists(members, records, year) {
        out.push('\n');
        out.push_str(&format!(
            "{} {}\n",
            d.msg(DuesMsg::PresentationHeading),
            format_date(p)
        ));
        if list.is_empty() {
            out.push_str(&format!("  {}\n", d.msg(DuesMsg::NoCandidates)));
            continue;
        }
        // 3+1+22+1+10+1+8+1+10+1+20 = 78.
        out.push_str(&format!(
            "{} {} {} {} {} {}\n",
            rcell(c.msg(Msg::ColNo), 3),
            cell(c.msg(Msg::ColName), 22),
            cell(c.msg(Msg::ColAdmitted), 10),
            cell(d.msg(DuesMsg::ColMilestone), 8),
            cell(d.msg(DuesMsg::ColReached), 10),
            d.msg(DuesMsg::ColBasis)
        ));
        for (i, (m, cand)) in list.iter().enumerate() {
            out.push_str(&format!(
                "{} {} {} {} {} {}\n",
                rcell(&(i + 1).to_string(), 3),
                cell(&m.full_name, 22),
                cell(&format_opt_date(m.admitted_on()), 10),
                cell(&d.text(DuesText::Milestone(cand.milestone)), 8),
                cell(&format_date(cand.reached_on), 10),
                d.basis(cand.basis)
            ));
            if let Some(a) = &cand.awarded {
                out.push_str(&format!("    {}\n", d.text(DuesText::AwardLine(a))));
            }
        }
    }
    out.push('\n');
    out.push_str(&format!("{}\n", d.text(DuesText::MadeOn(today))));
    wrap_long_lines(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn sample() -> (Vec<(MemberId, Member)>, demo::DemoLedgers) {
        let members: Vec<(MemberId, Member)> = demo::demo_members(2026, 35, today())
            .into_iter()
            .enumerate()
            .map(|(i, m)| (i as u64 + 1, m))
            .collect();
        let l = demo::demo_ledgers(&members, today());
        (members, l)
    }

    #[test]
    fn text_reports_fit_80_columns() {
        let (members, l) = sample();
        let ledgers: BTreeMap<_, _> = l.dues.into_iter().collect();
        let records: BTreeMap<_, _> = l.badges.into_iter().collect();
        for lang in [Lang::Vi, Lang::En] {
            let t = dues_text(
                lang,
                "Chi bộ Tổ dân phố Hòa Bình",
                &members,
                &ledgers,
                2026,
                today(),
            );
            let b = badges_text(
                lang,
                "Chi bộ Tổ dân phố Hòa Bình",
                &members,
                &records,
                2026,
                today(),
            );
            for line in t.lines().chain(b.lines()) {
                assert!(width(line) <= TEXT_WIDTH, "{line}");
            }
        }
    }

    #[test]
    fn csv_has_bom_crlf_and_a_row_per_member() {
        let (members, l) = sample();
        let ledgers: BTreeMap<_, _> = l.dues.into_iter().collect();
        let csv = dues_csv(Lang::Vi, &members, &ledgers, 2026, today());
        assert!(csv.starts_with("\u{feff}STT,Họ và tên,"));
        let rows: Vec<&str> = csv.trim_end().split("\r\n").collect();
        let in_branch = members
            .iter()
            .filter(|(_, m)| {
                report_months(2026, today())
                    .iter()
                    .any(|mo| dues::in_branch(m, *mo))
            })
            .count();
        assert_eq!(rows.len(), in_branch + 2, "header, members, totals");
        assert!(rows.last().unwrap().contains("Cộng"));
    }
}
