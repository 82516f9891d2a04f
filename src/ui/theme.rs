//! Colours and borders for old consoles: 16 named colours only, selection shown by a
//! marker plus foreground and background colour (never reverse video alone), a
//! monochrome theme for `NO_COLOR`, and ASCII borders for consoles without box glyphs
//! (`--ascii`; the rest of the screen is folded to ASCII by [`super::ascii`]).

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// How to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Theme {
    /// Use colours (false under `NO_COLOR`).
    pub color: bool,
    /// Draw only ASCII: `+-|` borders here, every other cell folded by `ui::ascii`.
    pub ascii: bool,
}

impl Theme {
    /// The theme for this environment: `NO_COLOR` (any non-empty value) turns colour off.
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme {
            color: !no_color,
            ascii,
        }
    }

    fn pick(&self, colored: Style, mono: Style) -> Style {
        if self.color { colored } else { mono }
    }

    /// The ground every screen is drawn on: the app paints its own background (white on
    /// black), so its colours read the same on light and dark terminals; without colour,
    /// the terminal's own.
    pub fn base(&self) -> Style {
        self.pick(Style::new().fg(Color::White).bg(Color::Black), Style::new())
    }

    /// The title bar.
    pub fn title(&self) -> Style {
        self.pick(
            Style::new().fg(Color::White).bg(Color::Blue),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The selected row or field.
    pub fn selected(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Cyan),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    /// An error text.
    pub fn error(&self) -> Style {
        self.pick(
            Style::new().fg(Color::LightRed),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// A warning text.
    pub fn warning(&self) -> Style {
        self.pick(Style::new().fg(Color::Yellow), Style::new())
    }

    /// A success text.
    pub fn ok(&self) -> Style {
        self.pick(Style::new().fg(Color::LightGreen), Style::new())
    }

    /// The sample-data banner.
    pub fn demo(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Black).bg(Color::Yellow),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// Labels and secondary text.
    pub fn dim(&self) -> Style {
        self.pick(Style::new().fg(Color::Gray), Style::new())
    }

    /// Headings and keys.
    pub fn accent(&self) -> Style {
        self.pick(
            Style::new().fg(Color::LightCyan),
            Style::new().add_modifier(Modifier::BOLD),
        )
    }

    /// The key bar's labels (the bar paints its own background, so it reads the same on
    /// light and dark terminals).
    pub fn key_bar(&self) -> Style {
        self.pick(Style::new().fg(Color::Black).bg(Color::Cyan), Style::new())
    }

    /// A key's name in the key bar ("F2", "Ctrl+Z").
    pub fn key(&self) -> Style {
        self.pick(
            Style::new()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    }

    /// Table headers.
    pub fn header(&self) -> Style {
        self.pick(
            Style::new().fg(Color::Yellow),
            Style::new().add_modifier(Modifier::UNDERLINED),
        )
    }

    /// The border glyph set.
    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        }
    }

    /// The glyph of a bar in a chart (`#` on consoles without block glyphs).
    pub fn bar(&self) -> &'static str {
        if self.ascii { "#" } else { "█" }
    }

    /// The marker of the selected row.
    pub fn marker(&self) -> &'static str {
        if self.ascii { ">" } else { "▶" }
    }
}
