//! The search over all members and candidates, open from every screen (`/`, Ctrl+F, F3,
//! or typing where the screen has no list of its own). Enter opens the card; Esc returns
//! to where the user was.

use crate::app::input::TextInput;
use crate::app::{App, Screen};
use crate::domain::admission::CandidateId;
use crate::domain::member::MemberId;
use crate::domain::search::Query;

/// Rows the search shows at most.
pub const MAX_HITS: usize = 200;

/// What a search row opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A member's card (screen 1).
    Member(MemberId),
    /// A candidate's card (screen 7).
    Candidate(CandidateId),
}

/// The open search.
#[derive(Debug, Clone, Default)]
pub struct GlobalSearch {
    /// What was typed.
    pub query: TextInput,
    /// The selected row.
    pub cursor: usize,
}

/// The rows matching what was typed: members (roster order), then candidates.
pub fn hits(app: &App, typed: &str) -> Vec<(Hit, String)> {
    let q = Query::new(typed);
    if q.is_empty() {
        return Vec::new();
    }
    let members = app
        .roster
        .entries()
        .iter()
        .filter(|e| e.matches(&q))
        .map(|e| (Hit::Member(e.id), e.member.full_name.clone()));
    let candidates = app
        .admission
        .list
        .iter()
        .filter(|(_, c)| q.matches_label(&c.person.full_name))
        .map(|(id, c)| (Hit::Candidate(*id), c.person.full_name.clone()));
    members.chain(candidates).take(MAX_HITS).collect()
}

/// Opens the search with what was typed so far.
pub fn open(app: &mut App, typed: &str) {
    let mut s = GlobalSearch::default();
    s.query.insert_str(typed);
    app.search = Some(s);
}

/// Opens the card of the selected row; Esc on the card comes back to the current screen.
pub fn accept(app: &mut App) {
    let Some(s) = app.search.take() else { return };
    let Some((hit, _)) = hits(app, s.query.text()).get(s.cursor).cloned() else {
        app.search = Some(s);
        return;
    };
    let from = app.screen;
    match hit {
        Hit::Member(id) => {
            app.screen = Screen::Members;
            app.roster.select(id);
            if app.roster.selected_id() != Some(id) {
                // Hidden by the roster's filter: show everyone so the card has its row.
                app.roster.show_all();
                app.roster.select(id);
            }
            app.detail = Some(id);
        }
        Hit::Candidate(id) => {
            app.screen = Screen::Admission;
            app.admission.select(id, app.today);
            app.admission.open = Some(id);
        }
    }
    app.return_to = (from != app.screen).then_some(from);
}
