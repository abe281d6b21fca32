//! The shift log pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::i18n::shell as s;
use crate::tui::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    frame.render_widget(
        Paragraph::new(s::PLACEHOLDER_LOG.get(app.lang)).style(app.theme.muted),
        area,
    );
}
