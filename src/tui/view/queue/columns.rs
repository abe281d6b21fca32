//! The widths of the queue list's columns, sized from the texts on
//! screen.

/// The widths of the queue's six columns in a row of `room` columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Columns {
    /// Which form of the due text: 0 wordy, 1 compact.
    pub(super) due_form: usize,
    due: usize,
    received: usize,
    number: usize,
    tries: usize,
    safety: usize,
    summary: usize,
}

/// The summary never gets less than this while other columns have room
/// to give; the safety column gives way down to this.
const SUMMARY_MIN: usize = 14;
const SAFETY_MIN: usize = 8;
/// The due column never takes more than this.
const DUE_MAX: usize = 30;

impl Columns {
    /// Sizes the columns from their widest text: received, number and
    /// tries whole; the due text wordy if that leaves the summary and the
    /// safety marks their room, else compact (the time always whole); the
    /// safety marks as wide as they need, up to two fifths of what is
    /// left; the summary the rest.
    pub(super) fn size(
        room: usize,
        due: [usize; 2],
        received: usize,
        number: usize,
        tries: usize,
        safety: usize,
    ) -> Columns {
        let fixed = received + number + tries;
        let safety_min = safety.min(SAFETY_MIN);
        let due_form = usize::from(fixed + due[0].min(DUE_MAX) + safety_min + SUMMARY_MIN > room);
        let due = due[due_form].min(DUE_MAX);
        let left = room.saturating_sub(fixed + due);
        // The safe-time words are in full in the detail box: the summary
        // keeps at least three fifths of what is left.
        let share = (left * 2 / 5).max(SAFETY_MIN);
        let safety = safety
            .min(share)
            .min(left.saturating_sub(SUMMARY_MIN))
            .max(safety_min.min(left));
        Columns {
            due_form,
            due,
            received,
            number,
            tries,
            safety,
            summary: left.saturating_sub(safety),
        }
    }

    pub(super) fn widths(&self) -> [usize; 6] {
        [
            self.due,
            self.received,
            self.number,
            self.tries,
            self.safety,
            self.summary,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_row_and_give_way_in_order() {
        // 120 wide: the wordy due text, the safety marks whole.
        let c = Columns::size(111, [26, 16], 11, 15, 6, 17);
        assert_eq!((c.due_form, c.due, c.safety), (0, 26, 17));
        assert_eq!(c.widths().iter().sum::<usize>(), 111);
        // Long safe-time words take at most two fifths of what is left.
        let c = Columns::size(111, [26, 16], 11, 15, 6, 60);
        assert_eq!(c.safety, (111 - 26 - 11 - 15 - 6) * 2 / 5);
        // 80 wide: the compact due text, the safety marks cut.
        let c = Columns::size(71, [26, 16], 11, 15, 6, 40);
        assert_eq!((c.due_form, c.due), (1, 16));
        assert_eq!(c.safety, (71 - 16 - 11 - 15 - 6) * 2 / 5);
        assert_eq!(c.summary, 71 - 16 - 11 - 15 - 6 - c.safety);
        assert_eq!(c.widths().iter().sum::<usize>(), 71);
        // Short texts: the summary takes the rest.
        let c = Columns::size(71, [11, 11], 11, 15, 6, 3);
        assert_eq!(
            (c.due_form, c.safety, c.summary),
            (0, 3, 71 - 11 - 11 - 15 - 6 - 3)
        );
        // Never more than the row, however little room there is.
        for room in 0..140 {
            let c = Columns::size(room, [26, 16], 11, 15, 6, 40);
            let sum: usize = c.widths().iter().sum();
            assert!(sum <= room.max(11 + 15 + 6 + 16), "{room}: {c:?}");
        }
    }
}
