//! The texts of the rules: the handbook's procedures (sổ tay nghiệp vụ), the "Quy định"
//! screen and the refusals that name a rule, one catalogue per language, reached with
//! [`catalogue`].

mod en;
mod vi;

use crate::domain::acts::{LateFlag, Quorum, Refusal};
use crate::domain::calendar::Feast;
use crate::domain::handbook::Topic;
use crate::domain::holidays::{DayEntry, DayKind, HolidayField};
use crate::domain::rules::{self, RuleId, SettingError};

pub use en::RulesEn;
pub use vi::RulesVi;

use super::Lang;

/// What the rules screen says on the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesNotice {
    /// The rule was verified in a text: no branch setting (its source).
    NotASetting(RuleId),
    /// A built-in day off cannot be removed: a working-day entry for it moves it.
    BuiltinDay(chrono::NaiveDate),
    /// The branch already has an entry for this date (edit it instead).
    HolidayTaken(chrono::NaiveDate),
}

/// Short texts of the handbook and the rules screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RulesMsg {
    /// Title of the handbook.
    HandbookTitle,
    /// Label before a step's form.
    Form,
    /// Label before a step's sources.
    Source,
    /// Label before where the app does a step.
    InApp,
    /// The list of topics (before the topics' names).
    Topics,
    /// How to ask for one topic.
    HandbookUsage,
    /// The rules screen's name.
    ScreenName,
    /// Column: the rule.
    ColRule,
    /// Column: its value.
    ColValue,
    /// Column: its source.
    ColSource,
    /// Column: verified or not.
    ColCertainty,
    /// Certainty: read in the text.
    Verified,
    /// Certainty: quoted second-hand.
    SecondHand,
    /// Certainty: not verified; a branch setting.
    Unverified,
    /// A value the branch changed.
    ChangedByBranch,
    /// Field: the new value.
    FieldValue,
    /// Field: who changes it.
    FieldWho,
    /// Field: why.
    FieldReason,
    /// Refusal: a setting changed without a reason.
    NeedReason,
    /// Refusal: a setting changed without saying who.
    NeedWho,
    /// Refusal: a rule that is not a setting.
    NotASetting,
    /// The flag on a late act ("muộn").
    LateFlag,
    /// The section of the rules.
    SectionRules,
    /// The section of the days off (Tab switches).
    SectionHolidays,
    /// Column: the date with its weekday.
    ColDate,
    /// Column: day off or working day.
    ColKind,
    /// Column: who set the day (the law or the branch).
    ColBy,
    /// Column: the day's name.
    ColName,
    /// Set by the law (the built-in table).
    ByLaw,
    /// Set by the branch.
    ByBranch,
    /// Heading before a year's days ("Năm").
    Year,
    /// Title of the form adding a day.
    HolidayNew,
    /// Title of the form editing a day.
    HolidayEdit,
    /// Under a built-in day the branch changed.
    OverriddenByBranch,
}

/// The texts of the handbook and the rules, in one language.
pub trait RulesCatalogue: Sync {
    /// A short text.
    fn msg(&self, m: RulesMsg) -> &'static str;
    /// A procedure's title.
    fn topic(&self, t: Topic) -> &'static str;
    /// A procedure's steps, one text each, in order; `{0}`, `{1}`, … are the step's
    /// numbers from the rules table (`domain::handbook::Step::numbers`).
    fn steps(&self, t: Topic) -> &'static [&'static str];
    /// What a rule is, in a few words.
    fn rule(&self, id: RuleId) -> &'static str;
    /// Refusal of an unknown handbook topic (as typed).
    fn unknown_topic(&self, typed: &str) -> String;
    /// Refusal of a bad value for a setting (the rule, what was typed, the bounds).
    fn bad_value(&self, rule: &str, typed: &str, min: i64, max: i64) -> String;
    /// A refused act in one line: what the rule asks, with its numbers, then " — " and
    /// the rule's source.
    fn refusal(&self, r: &Refusal) -> String;
    /// The visible flag of a late act: the deadline passed and the reason.
    fn late_flag(&self, f: &LateFlag) -> String;
    /// A meeting's quorum in words ("có mặt 5/8, cần ít nhất 5").
    fn quorum(&self, q: &Quorum) -> String;
    /// A branch's setting of a rule: value, who, when, why.
    fn setting_line(&self, o: &rules::Override) -> String;
    /// A field of a setting's change.
    fn field(&self, f: rules::RuleField) -> &'static str;
    /// A notice of the rules screen.
    fn notice(&self, n: &RulesNotice) -> String;
    /// A kind of branch day ("ngày nghỉ" / "ngày làm bù").
    fn day_kind(&self, k: DayKind) -> &'static str;
    /// What a built-in day off is.
    fn feast(&self, f: Feast) -> &'static str;
    /// A field of a branch day's form.
    fn holiday_field(&self, f: HolidayField) -> &'static str;
    /// Who added a branch day, when and why, then its source.
    fn holiday_line(&self, e: &DayEntry) -> String;
    /// The question before a branch day is removed (exactly what goes).
    fn holiday_delete(&self, e: &DayEntry) -> String;
    /// A change of a branch day, for the status line and undo ("thêm ngày nghỉ …").
    fn holiday_change(&self, kind: crate::i18n::ChangeKind, e: &DayEntry) -> String;
}

/// The source of a rule as shown after " — ": the table's, and the branch's setting in
/// force if there is one.
pub fn source(lang: Lang, id: RuleId) -> String {
    let table = rules::rule(id).source;
    match rules::installed().get(id) {
        Some(o) => format!("{}; {table}", catalogue(lang).setting_line(o)),
        None => table.to_string(),
    }
}

/// A refused setting change in one line, naming the field and what is expected.
pub fn setting_error(lang: Lang, e: &SettingError) -> String {
    let c = catalogue(lang);
    match e {
        SettingError::NotASetting(_) => c.msg(RulesMsg::NotASetting).to_string(),
        SettingError::BadValue { typed, min, max } => {
            c.bad_value(c.msg(RulesMsg::FieldValue), typed, *min, *max)
        }
        SettingError::NoWho => c.msg(RulesMsg::NeedWho).to_string(),
        SettingError::NoReason => c.msg(RulesMsg::NeedReason).to_string(),
    }
}

/// The catalogue of a language.
pub fn catalogue(lang: Lang) -> &'static dyn RulesCatalogue {
    match lang {
        Lang::Vi => &RulesVi,
        Lang::En => &RulesEn,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::handbook::{Topic, steps};

    #[test]
    fn every_step_has_words_in_both_languages_with_its_numbers() {
        for lang in [Lang::Vi, Lang::En] {
            let c = catalogue(lang);
            for t in Topic::ALL {
                let words = c.steps(*t);
                let structure = steps(*t);
                assert_eq!(words.len(), structure.len(), "{lang:?} {t:?}");
                for (w, s) in words.iter().zip(structure) {
                    for i in 0..s.numbers.len() {
                        assert!(w.contains(&format!("{{{i}}}")), "{lang:?} {t:?}: {w}");
                    }
                    assert!(!w.contains(&format!("{{{}}}", s.numbers.len())), "{w}");
                }
            }
        }
    }
}
