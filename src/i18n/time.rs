//! Words for days, times and durations.

use super::{Msg, catalogue};

catalogue! {
    TODAY => "i dag", "today";
    TOMORROW => "i morgen", "tomorrow";
    YESTERDAY => "i går", "yesterday";
    MINUTES => "{n} min", "{n} min";
    HOURS => "{n} t", "{n} h";
    DAYS => "{n} d", "{n} d";
    OVERDUE_BY => "FORFALT {d}", "OVERDUE {d}";
    CLOCK_LINE => "{wd} {day}. {mon} {time}", "{wd} {day} {mon} {time}";
    /// The status bar's clock when there is no room for the weekday.
    CLOCK_DATE => "{day}. {mon} {time}", "{day} {mon} {time}";
    DAY_MONTH => "{day}. {mon}", "{day} {mon}";
    MON => "man.", "Mon";
    TUE => "tir.", "Tue";
    WED => "ons.", "Wed";
    THU => "tor.", "Thu";
    FRI => "fre.", "Fri";
    SAT => "lør.", "Sat";
    SUN => "søn.", "Sun";
    MONDAY => "mandag", "Monday";
    TUESDAY => "tirsdag", "Tuesday";
    WEDNESDAY => "onsdag", "Wednesday";
    THURSDAY => "torsdag", "Thursday";
    FRIDAY => "fredag", "Friday";
    SATURDAY => "lørdag", "Saturday";
    SUNDAY => "søndag", "Sunday";
    JAN => "jan.", "Jan";
    FEB => "feb.", "Feb";
    MAR => "mar.", "Mar";
    APR => "apr.", "Apr";
    MAY => "mai", "May";
    JUN => "jun.", "Jun";
    JUL => "jul.", "Jul";
    AUG => "aug.", "Aug";
    SEP => "sep.", "Sep";
    OCT => "okt.", "Oct";
    NOV => "nov.", "Nov";
    DEC => "des.", "Dec";
}

pub const WEEKDAYS_SHORT: [Msg; 7] = [MON, TUE, WED, THU, FRI, SAT, SUN];
pub const WEEKDAYS: [Msg; 7] = [
    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY,
];
pub const MONTHS_SHORT: [Msg; 12] = [JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV, DEC];
