//! Semantic styles. Widgets ask for "danger" or "selected", never for a
//! raw colour, so the monochrome theme (for `NO_COLOR`) is a different
//! table, not a different code path. Meaning is always carried by a word
//! or symbol too; colour only helps.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub tab_active: Style,
    pub tab_inactive: Style,
    pub border: Style,
    pub danger: Style,
    pub warning: Style,
    pub ok: Style,
    pub muted: Style,
    pub selected: Style,
    pub key: Style,
    pub key_disabled: Style,
    pub emergency: Style,
}

impl Theme {
    pub fn color() -> Theme {
        Theme {
            base: Style::new(),
            title: Style::new().add_modifier(Modifier::BOLD),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            tab_inactive: Style::new().fg(Color::Gray),
            border: Style::new().fg(Color::DarkGray),
            danger: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow),
            ok: Style::new().fg(Color::Green),
            muted: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            key_disabled: Style::new().fg(Color::DarkGray),
            emergency: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// No colours at all: emphasis by bold, reverse, underline and dim.
    pub fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            base: plain,
            title: plain.add_modifier(Modifier::BOLD),
            tab_active: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tab_inactive: plain,
            border: plain,
            danger: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            warning: plain.add_modifier(Modifier::BOLD),
            ok: plain,
            muted: plain.add_modifier(Modifier::DIM),
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: plain.add_modifier(Modifier::BOLD),
            key_disabled: plain.add_modifier(Modifier::DIM),
            emergency: plain.add_modifier(Modifier::BOLD),
        }
    }

    /// Monochrome when `NO_COLOR` is set to anything non-empty, or asked for.
    pub fn choose(no_color_env: Option<&str>, configured: Option<&str>) -> Theme {
        let no_color = no_color_env.is_some_and(|v| !v.is_empty());
        if no_color || configured == Some("mono") {
            Theme::mono()
        } else {
            Theme::color()
        }
    }

    pub fn is_mono(&self) -> bool {
        self.danger.fg.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_no_colours_anywhere() {
        let t = Theme::choose(Some("1"), None);
        assert!(t.is_mono());
        for s in [
            t.base,
            t.title,
            t.tab_active,
            t.tab_inactive,
            t.border,
            t.danger,
            t.warning,
            t.ok,
            t.muted,
            t.selected,
            t.key,
            t.key_disabled,
            t.emergency,
        ] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(!Theme::choose(Some(""), None).is_mono());
        assert!(Theme::choose(None, Some("mono")).is_mono());
    }
}
