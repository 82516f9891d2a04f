//! Party dues (đảng phí, rules.md §9, QĐ 01-QĐ/TW 2026): each member's rate profile, the
//! amount due each month, payments, "đã đóng đến tháng", arrears, the 3-unpaid-months
//! flag, and the branch's totals. Amounts are whole đồng; rates come from the rules table.
//!
//! An exemption from party activities (miễn / tạm miễn sinh hoạt) does NOT waive dues
//! (rules.md §5 "Effects"): exempted members owe dues like everyone else. Members on a
//! temporary exemption may pay late, so their unpaid months are arrears but do not count
//! toward the removal flag.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::badges;
use super::member::{Member, MemberId, Status};
use super::rules::{self, RuleId};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
}

impl YearMonth {
    /// The month `month` (1–12) of `year`, if valid.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The month a date falls in.
    pub fn of(d: NaiveDate) -> YearMonth {
        YearMonth {
            year: d.year(),
            month: d.month(),
        }
    }

    /// Months since January of year 0 (for storage and arithmetic).
    pub fn index(self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    /// The month of an [`index`](Self::index).
    pub fn from_index(i: i32) -> YearMonth {
        YearMonth {
            year: i.div_euclid(12),
            month: i.rem_euclid(12) as u32 + 1,
        }
    }

    /// The month `n` months later (earlier if negative).
    pub fn plus(self, n: i32) -> YearMonth {
        Self::from_index(self.index() + n)
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The last day of the month.
    pub fn last_day(self) -> NaiveDate {
        self.plus(1).first_day().pred_opt().unwrap_or_default()
    }

    /// Parses "mm/yyyy" (also "m/yyyy", "m-yyyy", "m.yyyy").
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (m, y) = s.trim().split_once(['/', '-', '.'])?;
        let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
        if !digits(m) || !digits(y) || m.len() > 2 || y.len() != 4 {
            return None;
        }
        YearMonth::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// Every month from `self` to `last`, inclusive.
    pub fn through(self, last: YearMonth) -> impl Iterator<Item = YearMonth> {
        (self.index()..=last.index()).map(YearMonth::from_index)
    }
}

impl fmt::Display for YearMonth {
    /// "mm/yyyy".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{}", self.month, self.year)
    }
}

/// What a member's dues are reckoned from (QĐ 01-QĐ/TW 2026).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Covered by social insurance (BHXH): 1% of the salary used for contributions.
    Salary,
    /// Pensioner: 0.5% of the pension.
    Pension,
    /// School or university student: a fixed amount a month.
    Student,
    /// Anyone else: the monthly amount entered by the secretary.
    Fixed,
    /// Receiving the social pension (trợ cấp hưu trí xã hội): exempt.
    SocialPension,
}

impl Category {
    /// Every category, in form order.
    pub const ALL: &'static [Category] = &[
        Category::Salary,
        Category::Pension,
        Category::Student,
        Category::Fixed,
        Category::SocialPension,
    ];

    /// Whether the secretary enters a base amount (salary, pension or the amount itself).
    pub fn needs_base(self) -> bool {
        matches!(self, Category::Salary | Category::Pension | Category::Fixed)
    }
}

/// A hardship exemption or reduction granted on application (QĐ 01-QĐ/TW 2026).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReliefKind {
    /// Exempt for special hardship (poor or near-poor household, listed grave illness).
    SpecialHardship,
    /// Exempt for other hardship, at most 12 months per decision.
    Exempt,
    /// Reduced by this percentage (one of the steps of the rules table when granted).
    Reduce(u32),
}

impl ReliefKind {
    /// The kinds the form offers: the two exemptions, then the reduction steps of the
    /// rules table (30%, 50%, 70%).
    pub fn choices() -> Vec<ReliefKind> {
        let step = |id| ReliefKind::Reduce(u32::try_from(rules::value(id)).unwrap_or(0));
        vec![
            ReliefKind::SpecialHardship,
            ReliefKind::Exempt,
            step(RuleId::DuesReductionLowPercent),
            step(RuleId::DuesReductionMidPercent),
            step(RuleId::DuesReductionHighPercent),
        ]
    }

    /// The reduction in percent (100 for an exemption).
    pub fn percent(self) -> i64 {
        match self {
            ReliefKind::SpecialHardship | ReliefKind::Exempt => PERCENT,
            ReliefKind::Reduce(p) => i64::from(p).min(PERCENT),
        }
    }

    /// Whether one decision may cover at most `DuesReliefMaxMonths` (all but special
    /// hardship).
    pub fn time_limited(self) -> bool {
        self != ReliefKind::SpecialHardship
    }
}

/// An exemption or reduction with its decision and months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relief {
    /// Exemption or reduction.
    pub kind: ReliefKind,
    /// The decision (number and date, as written).
    pub decision: String,
    /// First month covered.
    pub from: YearMonth,
    /// Last month covered.
    pub to: YearMonth,
}

impl Relief {
    /// Whether the relief covers `month`.
    pub fn covers(&self, month: YearMonth) -> bool {
        self.from <= month && month <= self.to
    }

    /// Months covered.
    pub fn months(&self) -> i32 {
        self.to.index() - self.from.index() + 1
    }
}

/// A member's dues profile from a month on (a later profile replaces it from its month).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The first month it applies to.
    pub from: YearMonth,
    /// Rate category.
    pub category: Category,
    /// Salary, pension or the fixed monthly amount, in đồng (unused for students).
    pub base: i64,
    /// A hardship exemption or reduction.
    pub relief: Option<Relief>,
}

/// How a payment was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// In cash to the branch (at the meeting).
    Cash,
    /// Through the national public-service portal, confirmed by the secretary.
    Online,
}

/// The dues of one month, paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    /// The month paid for.
    pub month: YearMonth,
    /// Amount, đồng.
    pub amount: i64,
    /// Cash or online.
    pub method: Method,
    /// When it was paid (cash) or confirmed (online).
    pub date: NaiveDate,
    /// Who handed it in when not the member (a relative, another member); empty when the
    /// member paid.
    pub payer: String,
}

/// The longest name of a person paying for a member, in characters.
pub const PAYER_MAX_CHARS: usize = 100;

/// What a branch hands on of a month's dues to the committee above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandOver {
    /// The month whose dues are handed on.
    pub month: YearMonth,
    /// When it was handed on.
    pub date: NaiveDate,
    /// Amount, đồng.
    pub amount: i64,
    /// To whom (by default the branch's superior committee).
    pub to: String,
    /// A note (receipt number …).
    pub note: String,
}

/// A month's money and what the branch hands on of it (the dues view at the meeting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HandOnFigures {
    /// Collected in the month (payments recorded in it, back-pay and advance included), đồng.
    pub collected: i64,
    /// Of which in cash, đồng.
    pub cash: i64,
    /// The percent handed on (rule `DuesHandedOnPercent`).
    pub percent: i64,
    /// The share to hand on, computed from the rule, đồng.
    pub share: i64,
    /// What was recorded as handed on, đồng (`None`: nothing recorded).
    pub handed: Option<i64>,
}

impl HandOnFigures {
    /// Online payments, đồng.
    pub fn online(&self) -> i64 {
        self.collected - self.cash
    }

    /// The share less what was handed on (positive: still to hand on).
    pub fn difference(&self) -> i64 {
        self.share - self.handed.unwrap_or(0)
    }
}

/// The money collected in `month` (payments recorded in it, whatever month they pay for)
/// by the members given, the share to hand on and what was recorded as handed on.
pub fn hand_on_figures<'a>(
    members: impl IntoIterator<Item = (MemberId, &'a Member)>,
    ledgers: &BTreeMap<MemberId, Ledger>,
    handed: &[HandOver],
    month: YearMonth,
) -> HandOnFigures {
    let (mut collected, mut cash) = (0, 0);
    for (id, _) in members {
        let Some(l) = ledgers.get(&id) else { continue };
        for p in l.payments.iter().filter(|p| YearMonth::of(p.date) == month) {
            collected += p.amount;
            if p.method == Method::Cash {
                cash += p.amount;
            }
        }
    }
    HandOnFigures {
        collected,
        cash,
        percent: rules::value(RuleId::DuesHandedOnPercent),
        share: handed_on_share(collected),
        handed: handed.iter().find(|h| h.month == month).map(|h| h.amount),
    }
}

/// Records what was handed on of a month's dues, replacing an earlier record of that month.
pub fn set_hand_over(list: &mut Vec<HandOver>, h: HandOver) {
    list.retain(|x| x.month != h.month);
    list.push(h);
    list.sort_by_key(|h| h.month);
}

/// The longest note of a hand-over, and name of whom it went to, in characters.
pub const HAND_OVER_TEXT_MAX_CHARS: usize = 200;

/// Rule `DuesHandedOnPercent` (QĐ 342-QĐ/TW 2010 until the split of QĐ 01-QĐ/TW 2026 is
/// read; a branch setting): the share of `collected` the branch hands on, whole đồng.
pub fn handed_on_share(collected: i64) -> i64 {
    share(
        collected.max(0),
        rules::value(RuleId::DuesHandedOnPercent),
        PERCENT,
    )
}

/// A member's dues ledger: profiles over time and payments.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ledger {
    /// Profiles, by first month.
    pub profiles: Vec<Profile>,
    /// Payments, by month.
    pub payments: Vec<Payment>,
}

impl Ledger {
    /// The profile in force in `month`.
    pub fn profile_at(&self, month: YearMonth) -> Option<&Profile> {
        self.profiles
            .iter()
            .filter(|p| p.from <= month)
            .max_by_key(|p| p.from)
    }

    /// Adds a profile, replacing one from the same month.
    pub fn set_profile(&mut self, p: Profile) {
        self.profiles.retain(|x| x.from != p.from);
        self.profiles.push(p);
        self.profiles.sort_by_key(|p| p.from);
    }

    /// The payment for `month`.
    pub fn payment(&self, month: YearMonth) -> Option<&Payment> {
        self.payments.iter().find(|p| p.month == month)
    }

    /// Records the payment of a month (replacing any earlier one for that month).
    pub fn pay(&mut self, p: Payment) {
        self.clear(p.month);
        self.payments.push(p);
        self.payments.sort_by_key(|p| p.month);
    }

    /// Removes the payment of a month; true if there was one.
    pub fn clear(&mut self, month: YearMonth) -> bool {
        let before = self.payments.len();
        self.payments.retain(|p| p.month != month);
        self.payments.len() != before
    }
}

/// Why nothing is due for a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exemption {
    /// At least 50 years of membership.
    LongMembership,
    /// Receiving the social pension.
    SocialPension,
    /// A hardship exemption (special or other).
    Hardship,
}

/// What a member owes for a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Not in the branch that month (not yet admitted, moved away, removed, dead).
    NotOwed,
    /// No profile entered yet: the amount is unknown.
    Unknown,
    /// Exempt.
    Exempt(Exemption),
    /// This many đồng (after any reduction).
    Owed(i64),
}

impl Due {
    /// The amount owed (0 unless `Owed`).
    pub fn amount(self) -> i64 {
        match self {
            Due::Owed(a) => a,
            _ => 0,
        }
    }
}

/// `amount × numerator / denominator`, rounded half up to whole đồng.
fn share(amount: i64, numerator: i64, denominator: i64) -> i64 {
    if denominator <= 0 {
        return 0;
    }
    (amount.saturating_mul(numerator) + denominator / 2) / denominator
}

/// Basis points in a whole.
const BASIS: i64 = 10_000;
/// Percent in a whole.
const PERCENT: i64 = 100;

/// Rule QĐ 01-QĐ/TW 2026: the monthly amount of a profile before any relief (1% of the
/// salary, 0.5% of the pension, the students' fixed amount, or the amount entered).
pub fn monthly_amount(p: &Profile) -> i64 {
    match p.category {
        Category::Salary => share(p.base, rules::value(RuleId::DuesSalaryBasisPoints), BASIS),
        Category::Pension => share(p.base, rules::value(RuleId::DuesPensionBasisPoints), BASIS),
        Category::Student => rules::value(RuleId::DuesStudentMonthly),
        Category::Fixed => p.base.max(0),
        Category::SocialPension => 0,
    }
}

/// Whether the member belongs to the branch at some point of `month` (on its first or
/// last day). Exempted and suspended members belong to it.
pub fn in_branch(m: &Member, month: YearMonth) -> bool {
    m.status_at(month.first_day()).is_active() || m.status_at(month.last_day()).is_active()
}

/// Rule QĐ 01-QĐ/TW 2026 (rules.md §9): what the member owes for `month`. Members with at
/// least 50 years of membership by the end of the month, and those on the social pension,
/// are exempt; a hardship relief covering the month exempts or reduces. An exemption
/// from party activities changes nothing.
pub fn due(m: &Member, ledger: &Ledger, month: YearMonth) -> Due {
    if !in_branch(m, month) {
        return Due::NotOwed;
    }
    let years = badges::membership_years(m, month.last_day()).unwrap_or(0);
    if i64::from(years) >= rules::value(RuleId::DuesExemptMembershipYears) {
        return Due::Exempt(Exemption::LongMembership);
    }
    let Some(p) = ledger.profile_at(month) else {
        return Due::Unknown;
    };
    if p.category == Category::SocialPension {
        return Due::Exempt(Exemption::SocialPension);
    }
    let full = monthly_amount(p);
    match &p.relief {
        Some(r) if r.covers(month) && r.kind.percent() >= PERCENT => {
            Due::Exempt(Exemption::Hardship)
        }
        Some(r) if r.covers(month) => Due::Owed(share(full, PERCENT - r.kind.percent(), PERCENT)),
        _ => Due::Owed(full),
    }
}

/// Whether the month is settled: paid, or nothing owed.
pub fn settled(m: &Member, ledger: &Ledger, month: YearMonth) -> bool {
    ledger.payment(month).is_some() || !matches!(due(m, ledger, month), Due::Owed(_) | Due::Unknown)
}

/// The first month the ledger reckons dues for: the first profile's month, or the month
/// of admission if later.
pub fn ledger_start(m: &Member, ledger: &Ledger) -> Option<YearMonth> {
    let first = ledger.profiles.iter().map(|p| p.from).min()?;
    Some(match m.admitted_on() {
        Some(a) => first.max(YearMonth::of(a)),
        None => first,
    })
}

/// How far ahead payments in advance are looked for.
const ADVANCE_MONTHS: i32 = 36;

/// "Đã đóng đến tháng": the last month up to which every month since the ledger start is
/// settled (payments in advance included). `None` when the first month is not settled.
pub fn paid_through(m: &Member, ledger: &Ledger, today: NaiveDate) -> Option<YearMonth> {
    let start = ledger_start(m, ledger)?;
    let horizon = YearMonth::of(today).plus(ADVANCE_MONTHS);
    let mut last = None;
    for month in start.through(horizon) {
        if !settled(m, ledger, month) {
            break;
        }
        // Months after today count only when actually paid in advance.
        if month > YearMonth::of(today) && ledger.payment(month).is_none() {
            break;
        }
        last = Some(month);
    }
    last
}

/// The months of `year` that are over on `today` (before today's month).
pub fn months_over(year: i32, today: NaiveDate) -> Vec<YearMonth> {
    let now = YearMonth::of(today);
    (1..=12)
        .filter_map(|mo| YearMonth::new(year, mo))
        .filter(|m| *m < now)
        .collect()
}

/// A member's arrears in a year, on `today`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Arrears {
    /// Months over with an amount owed and no payment.
    pub months: Vec<YearMonth>,
    /// What those months owe, đồng.
    pub amount: i64,
    /// Those of the months that count toward the removal flag (not during a temporary
    /// exemption, when paying late is allowed).
    pub flag_months: u32,
}

impl Arrears {
    /// Rule QĐ 01-QĐ/TW 2026 (rules.md §7 cause a, §9): unpaid for 3 months in the year
    /// without good reason, so the branch considers proposing removal. A flag only.
    pub fn flagged(&self) -> bool {
        i64::from(self.flag_months) >= rules::value(RuleId::RemovalAbsenceMonths)
    }
}

/// The member's unpaid months of `year` that are over on `today`, with the amount.
pub fn arrears(m: &Member, ledger: &Ledger, year: i32, today: NaiveDate) -> Arrears {
    let mut a = Arrears::default();
    for month in months_over(year, today) {
        if let Due::Owed(amount) = due(m, ledger, month)
            && amount > 0
            && ledger.payment(month).is_none()
        {
            a.months.push(month);
            a.amount += amount;
            if m.status_at(month.last_day()) != Status::TemporarilyExempt {
                a.flag_months += 1;
            }
        }
    }
    a
}

/// The branch's figures for a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// What the members owe (amounts due), đồng.
    pub expected: i64,
    /// What was paid for those months, đồng.
    pub collected: i64,
    /// Owed and not paid, đồng (for months over: arrears).
    pub unpaid: i64,
    /// Members in the branch without a profile (amount unknown).
    pub unknown: u32,
}

impl std::ops::AddAssign for Totals {
    fn add_assign(&mut self, o: Totals) {
        self.expected += o.expected;
        self.collected += o.collected;
        self.unpaid += o.unpaid;
        self.unknown = self.unknown.max(o.unknown);
    }
}

/// The branch's totals for `month`.
pub fn month_totals<'a>(
    members: impl IntoIterator<Item = (MemberId, &'a Member)>,
    ledgers: &BTreeMap<MemberId, Ledger>,
    month: YearMonth,
) -> Totals {
    let empty = Ledger::default();
    let mut t = Totals::default();
    for (id, m) in members {
        let l = ledgers.get(&id).unwrap_or(&empty);
        let paid = l.payment(month).map(|p| p.amount);
        match due(m, l, month) {
            Due::NotOwed => continue,
            Due::Unknown => t.unknown += 1,
            Due::Exempt(_) => {}
            Due::Owed(a) => {
                t.expected += a;
                if paid.is_none() {
                    t.unpaid += a;
                }
            }
        }
        t.collected += paid.unwrap_or(0);
    }
    t
}

/// The branch's totals for `year` on `today`: the months up to today's month (all twelve
/// for a past year); `unpaid` counts only months that are over, so it is the arrears.
pub fn year_totals<'a>(
    members: impl IntoIterator<Item = (MemberId, &'a Member)> + Clone,
    ledgers: &BTreeMap<MemberId, Ledger>,
    year: i32,
    today: NaiveDate,
) -> Totals {
    let now = YearMonth::of(today);
    let mut t = Totals::default();
    for mo in 1..=12 {
        let Some(month) = YearMonth::new(year, mo) else {
            continue;
        };
        if month > now {
            break;
        }
        let mut mt = month_totals(members.clone(), ledgers, month);
        if month == now {
            mt.unpaid = 0;
        }
        t += mt;
    }
    t
}

/// Parses an amount of money typed with or without thousands separators ("5.432.000",
/// "5,432,000", "5 432 000", "5432000 đ"); `None` if it holds no digits or other text.
pub fn parse_amount(s: &str) -> Option<i64> {
    let s = s.trim();
    let s = s
        .strip_suffix("đồng")
        .or_else(|| s.strip_suffix('đ'))
        .or_else(|| s.strip_suffix("VND"))
        .unwrap_or(s)
        .trim();
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}'))
    {
        return None;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    digits.parse().ok()
}

/// Groups the digits of `n` by thousands with `sep`: 5432000 → "5.432.000".
pub fn group_thousands(n: i64, sep: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A rate in basis points as a percentage with `decimal` as separator: 50 → "0,5%".
pub fn format_rate(basis_points: i64, decimal: char) -> String {
    let whole = basis_points / 100;
    let frac = basis_points % 100;
    if frac == 0 {
        format!("{whole}%")
    } else {
        let f = format!("{frac:02}");
        format!("{whole}{decimal}{}%", f.trim_end_matches('0'))
    }
}

/// The fields of the dues profile form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DuesField {
    /// Áp dụng từ tháng.
    From,
    /// Đối tượng (rate category).
    Category,
    /// Lương / lương hưu / mức đóng (đồng).
    Base,
    /// Miễn, giảm.
    Relief,
    /// Số quyết định miễn, giảm.
    Decision,
    /// Miễn, giảm từ tháng.
    ReliefFrom,
    /// Miễn, giảm đến tháng.
    ReliefTo,
    /// Người nộp hộ (who handed the payment in).
    Payer,
    /// Ngày nộp cấp trên (the date the dues were handed on).
    HandedDate,
    /// Số tiền nộp cấp trên (đồng).
    HandedAmount,
    /// Nộp cho (to whom).
    HandedTo,
    /// Ghi chú.
    HandedNote,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::{EventKind, MemberEvent};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    fn ev(date: NaiveDate, kind: EventKind) -> MemberEvent {
        MemberEvent::new(date, kind, "")
    }

    fn member(admitted: NaiveDate) -> Member {
        Member {
            full_name: "Trần Thị Bình".into(),
            events: vec![
                ev(admitted, EventKind::Admitted),
                ev(
                    admitted + chrono::Duration::days(365),
                    EventKind::Recognized,
                ),
            ],
            ..Member::default()
        }
    }

    fn profile(from: YearMonth, category: Category, base: i64) -> Profile {
        Profile {
            from,
            category,
            base,
            relief: None,
        }
    }

    fn ledger(p: Profile) -> Ledger {
        Ledger {
            profiles: vec![p],
            payments: vec![],
        }
    }

    fn paid(month: YearMonth, amount: i64) -> Payment {
        Payment {
            month,
            amount,
            method: Method::Cash,
            date: month.first_day(),
            payer: String::new(),
        }
    }

    #[test]
    fn months_parse_print_and_step() {
        assert_eq!(YearMonth::parse("3/2026"), Some(ym(2026, 3)));
        assert_eq!(YearMonth::parse("03/2026"), Some(ym(2026, 3)));
        assert_eq!(YearMonth::parse("13/2026"), None);
        assert_eq!(YearMonth::parse("3/26"), None);
        assert_eq!(ym(2026, 3).to_string(), "03/2026");
        assert_eq!(ym(2026, 12).plus(1), ym(2027, 1));
        assert_eq!(ym(2026, 1).plus(-1), ym(2025, 12));
        assert_eq!(ym(2024, 2).last_day(), d(2024, 2, 29));
        assert_eq!(YearMonth::from_index(ym(2026, 7).index()), ym(2026, 7));
    }

    #[test]
    fn rates_of_qd_01_2026() {
        let from = ym(2026, 2);
        assert_eq!(
            monthly_amount(&profile(from, Category::Salary, 8_500_000)),
            85_000
        );
        assert_eq!(
            monthly_amount(&profile(from, Category::Pension, 6_543_210)),
            32_716
        );
        assert_eq!(
            monthly_amount(&profile(from, Category::Pension, 5_000_100)),
            25_001
        );
        assert_eq!(monthly_amount(&profile(from, Category::Student, 0)), 5_000);
        assert_eq!(
            monthly_amount(&profile(from, Category::Fixed, 30_000)),
            30_000
        );
        assert_eq!(
            monthly_amount(&profile(from, Category::SocialPension, 9)),
            0
        );
    }

    #[test]
    fn exemption_from_activities_does_not_waive_dues() {
        let mut m = member(d(2000, 1, 10));
        m.events.push(ev(
            d(2026, 1, 1),
            EventKind::ExemptionStarted { full: true },
        ));
        let l = ledger(profile(ym(2026, 1), Category::Pension, 6_000_000));
        assert_eq!(due(&m, &l, ym(2026, 3)), Due::Owed(30_000));
    }

    #[test]
    fn fifty_years_of_membership_exempt_from_that_month() {
        let m = member(d(1976, 6, 20)); // 50 years on 20/06/2026
        let l = ledger(profile(ym(2026, 1), Category::Pension, 6_000_000));
        assert_eq!(due(&m, &l, ym(2026, 5)), Due::Owed(30_000));
        assert_eq!(
            due(&m, &l, ym(2026, 6)),
            Due::Exempt(Exemption::LongMembership)
        );
    }

    #[test]
    fn reliefs_exempt_or_reduce_only_in_their_months() {
        let m = member(d(2000, 1, 10));
        let mut p = profile(ym(2026, 1), Category::Salary, 10_000_000);
        p.relief = Some(Relief {
            kind: ReliefKind::Reduce(70),
            decision: "NQ 05".into(),
            from: ym(2026, 3),
            to: ym(2026, 8),
        });
        let l = ledger(p.clone());
        assert_eq!(due(&m, &l, ym(2026, 2)), Due::Owed(100_000));
        assert_eq!(due(&m, &l, ym(2026, 3)), Due::Owed(30_000));
        assert_eq!(due(&m, &l, ym(2026, 8)), Due::Owed(30_000));
        assert_eq!(due(&m, &l, ym(2026, 9)), Due::Owed(100_000));
        p.relief = p.relief.map(|r| Relief {
            kind: ReliefKind::Exempt,
            ..r
        });
        assert_eq!(
            due(&m, &ledger(p), ym(2026, 4)),
            Due::Exempt(Exemption::Hardship)
        );
    }

    #[test]
    fn a_later_profile_applies_from_its_month_only() {
        let m = member(d(2000, 1, 10));
        let mut l = ledger(profile(ym(2026, 1), Category::Pension, 6_000_000));
        l.set_profile(profile(ym(2026, 7), Category::Pension, 7_000_000));
        assert_eq!(due(&m, &l, ym(2026, 6)), Due::Owed(30_000));
        assert_eq!(due(&m, &l, ym(2026, 7)), Due::Owed(35_000));
        assert_eq!(due(&m, &l, ym(2025, 12)), Due::Unknown);
    }

    #[test]
    fn no_dues_outside_the_branch() {
        let mut m = member(d(2026, 3, 20));
        m.events.push(ev(d(2026, 9, 10), EventKind::Died));
        let l = ledger(profile(ym(2026, 1), Category::Fixed, 20_000));
        assert_eq!(due(&m, &l, ym(2026, 2)), Due::NotOwed);
        assert_eq!(
            due(&m, &l, ym(2026, 3)),
            Due::Owed(20_000),
            "month of admission"
        );
        assert_eq!(
            due(&m, &l, ym(2026, 9)),
            Due::Owed(20_000),
            "month of death"
        );
        assert_eq!(due(&m, &l, ym(2026, 10)), Due::NotOwed);
    }

    #[test]
    fn paid_through_stops_at_the_first_gap_and_counts_advance_payments() {
        let m = member(d(2000, 1, 10));
        let mut l = ledger(profile(ym(2026, 1), Category::Fixed, 20_000));
        let today = d(2026, 11, 21);
        assert_eq!(paid_through(&m, &l, today), None);
        for mo in 1..=4 {
            l.pay(paid(ym(2026, mo), 20_000));
        }
        l.pay(paid(ym(2026, 6), 20_000));
        assert_eq!(paid_through(&m, &l, today), Some(ym(2026, 4)));
        l.pay(paid(ym(2026, 5), 20_000));
        assert_eq!(paid_through(&m, &l, today), Some(ym(2026, 6)));
        for mo in 7..=12 {
            l.pay(paid(ym(2026, mo), 20_000));
        }
        l.pay(paid(ym(2027, 1), 20_000));
        assert_eq!(paid_through(&m, &l, today), Some(ym(2027, 1)), "in advance");
        assert!(l.clear(ym(2026, 2)));
        assert_eq!(paid_through(&m, &l, today), Some(ym(2026, 1)));
    }

    #[test]
    fn three_unpaid_months_in_a_year_are_flagged() {
        let m = member(d(2000, 1, 10));
        let mut l = ledger(profile(ym(2026, 1), Category::Pension, 6_000_000));
        let today = d(2026, 11, 21);
        for mo in 1..=10 {
            if ![3, 6].contains(&mo) {
                l.pay(paid(ym(2026, mo), 30_000));
            }
        }
        let a = arrears(&m, &l, 2026, today);
        assert_eq!(a.months, vec![ym(2026, 3), ym(2026, 6)]);
        assert_eq!(a.amount, 60_000);
        assert!(!a.flagged(), "two months");
        // The current month is not yet arrears.
        assert!(!a.months.contains(&ym(2026, 11)));
        l.clear(ym(2026, 9));
        let a = arrears(&m, &l, 2026, today);
        assert_eq!(a.flag_months, 3);
        assert!(a.flagged());
        // A member on temporary exemption may pay late: arrears, but no flag.
        let mut away = m.clone();
        away.events.push(ev(
            d(2026, 2, 15),
            EventKind::ExemptionStarted { full: false },
        ));
        let a = arrears(&away, &l, 2026, today);
        assert_eq!(a.months.len(), 3);
        assert!(!a.flagged());
        // The exempted-by-years member owes nothing, so is never flagged.
        let old = member(d(1970, 1, 1));
        assert_eq!(arrears(&old, &l, 2026, today), Arrears::default());
    }

    #[test]
    fn totals_per_month_and_year() {
        let today = d(2026, 3, 15);
        let a = member(d(2000, 1, 10));
        let b = member(d(2001, 1, 10));
        let c = member(d(2002, 1, 10));
        let mut ledgers = BTreeMap::new();
        let mut la = ledger(profile(ym(2026, 1), Category::Pension, 6_000_000));
        la.pay(paid(ym(2026, 1), 30_000));
        la.pay(paid(ym(2026, 3), 30_000));
        let mut lb = ledger(profile(ym(2026, 1), Category::Salary, 10_000_000));
        lb.pay(paid(ym(2026, 1), 100_000));
        lb.pay(paid(ym(2026, 2), 100_000));
        ledgers.insert(1, la);
        ledgers.insert(2, lb);
        let members = [(1, &a), (2, &b), (3, &c)];
        let t = month_totals(members, &ledgers, ym(2026, 2));
        assert_eq!(
            t,
            Totals {
                expected: 130_000,
                collected: 100_000,
                unpaid: 30_000,
                unknown: 1
            }
        );
        let y = year_totals(members, &ledgers, 2026, today);
        assert_eq!(y.expected, 390_000);
        assert_eq!(y.collected, 260_000);
        assert_eq!(
            y.unpaid, 30_000,
            "March is not over: b's March is not arrears"
        );
    }

    #[test]
    fn dues_handed_on_percent_is_the_branch_share_of_qd_342_by_default() {
        assert_eq!(rules::value(RuleId::DuesHandedOnPercent), 70);
        assert_eq!(handed_on_share(100_000), 70_000);
        assert_eq!(handed_on_share(35_001), 24_501, "rounded half up");
        assert_eq!(handed_on_share(0), 0);
        assert_eq!(handed_on_share(-5), 0);
    }

    #[test]
    fn the_month_hands_on_the_rule_share_of_what_was_collected_in_it() {
        let a = member(d(2000, 1, 10));
        let b = member(d(2001, 1, 10));
        let mut la = Ledger::default();
        // At the November meeting: October back-pay and November, in cash.
        for mo in [10, 11] {
            la.pay(Payment {
                date: d(2026, 11, 5),
                ..paid(ym(2026, mo), 30_000)
            });
        }
        let mut lb = Ledger::default();
        lb.pay(Payment {
            method: Method::Online,
            date: d(2026, 11, 2),
            ..paid(ym(2026, 11), 12_500)
        });
        // Paid in October for November: October's money.
        lb.pay(Payment {
            date: d(2026, 10, 30),
            ..paid(ym(2026, 12), 12_500)
        });
        let ledgers = BTreeMap::from([(1, la), (2, lb)]);
        let mut handed = Vec::new();
        let f = hand_on_figures([(1, &a), (2, &b)], &ledgers, &handed, ym(2026, 11));
        assert_eq!((f.collected, f.cash, f.online()), (72_500, 60_000, 12_500));
        assert_eq!(f.percent, rules::value(RuleId::DuesHandedOnPercent));
        assert_eq!(f.share, 50_750, "70% of 72.500 (DuesHandedOnPercent)");
        assert_eq!((f.handed, f.difference()), (None, 50_750));
        set_hand_over(
            &mut handed,
            HandOver {
                month: ym(2026, 11),
                date: d(2026, 11, 20),
                amount: 50_000,
                to: "Đảng ủy phường".into(),
                note: String::new(),
            },
        );
        let f = hand_on_figures([(1, &a), (2, &b)], &ledgers, &handed, ym(2026, 11));
        assert_eq!((f.handed, f.difference()), (Some(50_000), 750));
        let oct = hand_on_figures([(1, &a), (2, &b)], &ledgers, &handed, ym(2026, 10));
        assert_eq!((oct.collected, oct.handed), (12_500, None));
    }

    #[test]
    fn amounts_typed_and_shown_the_vietnamese_way() {
        assert_eq!(parse_amount("5.432.000"), Some(5_432_000));
        assert_eq!(parse_amount("5,432,000 đ"), Some(5_432_000));
        assert_eq!(parse_amount("5 432 000"), Some(5_432_000));
        assert_eq!(parse_amount("năm triệu"), None);
        assert_eq!(parse_amount(""), None);
        assert_eq!(group_thousands(5_432_000, '.'), "5.432.000");
        assert_eq!(group_thousands(500, '.'), "500");
        assert_eq!(group_thousands(-12_000, ','), "-12,000");
        assert_eq!(format_rate(100, ','), "1%");
        assert_eq!(format_rate(50, ','), "0,5%");
        assert_eq!(format_rate(25, '.'), "0.25%");
    }
}
