//! The floor of the benchmark (issue 9): the least a program can do to show the roster of
//! a sled store. It opens the store with sled 0.34.7's *default* configuration, reads and
//! decodes every member and meeting and the branch profile (not the change history or the
//! card index, which are not data), sorts the members the Vietnamese way, and draws the same
//! title and roster table as the app with ratatui; then waits for `q`.
//!
//! `floor DIR` (a sochibo data directory) or `floor --no-store` (the bare table, no sled).
//! Built by `cargo bench --bench perf` as the `floor` example.

use std::path::Path;

use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Row, Table};
use sochibo::domain::meeting::Meeting;
use sochibo::domain::member::Member;
use sochibo::domain::{date, text};
use sochibo::i18n::Lang;
use sochibo::store::schema;

fn read_store(dir: &Path) -> (String, Vec<Member>, Vec<Meeting>) {
    let db = sled::open(dir.join("sled")).expect("open sled");
    let meta = db.open_tree("meta").expect("meta");
    let branch = meta
        .get(b"branch")
        .expect("read branch")
        .and_then(|v| schema::decode_branch(&v).ok())
        .map(|b| b.name)
        .unwrap_or_default();
    let members = db
        .open_tree("members")
        .expect("members")
        .iter()
        .map(|kv| schema::decode_member(&kv.expect("read").1).expect("decode member"))
        .collect();
    let meetings = db
        .open_tree("meetings")
        .expect("meetings")
        .iter()
        .map(|kv| schema::decode_meeting(&kv.expect("read").1).expect("decode meeting"))
        .collect();
    (branch, members, meetings)
}

fn main() -> std::io::Result<()> {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let today = std::env::var("SOCHIBO_TODAY")
        .ok()
        .and_then(|s| date::parse_date(&s).ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let (branch, mut members, meetings) = if arg == "--no-store" {
        (String::new(), Vec::new(), Vec::new())
    } else {
        read_store(Path::new(&arg))
    };
    members.retain(|m| m.status_at(today).is_active());
    let mut keyed: Vec<_> = members
        .into_iter()
        .map(|m| (text::name_key(&m.full_name), m))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let c = Lang::Vi.cat();
    let rows: Vec<[String; 6]> = keyed
        .iter()
        .enumerate()
        .map(|(i, (_, m))| {
            [
                format!("{:>3}", i + 1),
                m.full_name.clone(),
                m.birth_date.map_or(String::new(), |b| {
                    format!(
                        "{} ({})",
                        chrono::Datelike::year(&b),
                        date::age_years(b, today)
                    )
                }),
                c.status(m.status_at(today)).to_string(),
                m.admitted_on().map(date::format_date).unwrap_or_default(),
                m.card_number.clone(),
            ]
        })
        .collect();
    let title = if branch.is_empty() {
        " Sổ chi bộ".to_string()
    } else {
        format!(" Sổ chi bộ · {branch}")
    };

    let mut terminal = ratatui::init();
    terminal.draw(|f| {
        let [top, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(f.area());
        f.render_widget(
            Line::styled(
                title.as_str(),
                Style::new().fg(Color::Black).bg(Color::Cyan),
            ),
            top,
        );
        let table = Table::new(
            rows.iter().map(|r| Row::new(r.iter().map(String::as_str))),
            [
                Constraint::Length(4),
                Constraint::Fill(1),
                Constraint::Length(10),
                Constraint::Length(13),
                Constraint::Length(10),
                Constraint::Length(10),
            ],
        )
        .header(Row::new([
            "TT",
            "Họ và tên",
            "Năm sinh",
            "Trạng thái",
            "Vào Đảng",
            "Số thẻ",
        ]))
        .block(Block::bordered().title(" Đảng viên "));
        f.render_widget(table, body);
    })?;
    loop {
        if let Event::Key(k) = event::read()?
            && k.kind == KeyEventKind::Press
            && matches!(k.code, KeyCode::F(10) | KeyCode::Char('q'))
        {
            break;
        }
    }
    ratatui::restore();
    // Keep the decoded meetings alive until the end, as the app does.
    std::hint::black_box(&meetings);
    Ok(())
}
