//! The calendar: holiday names and the `vakt calendar` command output.

use super::{Lang, catalogue};
use crate::calendar::Holiday;

catalogue! {
    NEW_YEARS_DAY => "1. nyttårsdag", "New Year's Day";
    MAUNDY_THURSDAY => "Skjærtorsdag", "Maundy Thursday";
    GOOD_FRIDAY => "Langfredag", "Good Friday";
    EASTER_SUNDAY => "1. påskedag", "Easter Sunday";
    EASTER_MONDAY => "2. påskedag", "Easter Monday";
    LABOUR_DAY => "Offentlig høytidsdag", "Labour Day";
    CONSTITUTION_DAY => "Grunnlovsdag", "Constitution Day";
    ASCENSION_DAY => "Kristi himmelfartsdag", "Ascension Day";
    WHIT_SUNDAY => "1. pinsedag", "Whit Sunday";
    WHIT_MONDAY => "2. pinsedag", "Whit Monday";
    CHRISTMAS_DAY => "1. juledag", "Christmas Day";
    BOXING_DAY => "2. juledag", "Boxing Day";
    SHOW_ZONE => "Tidssone: {zone}", "Time zone: {zone}";
    SHOW_HOURS => "Åpningstider:", "Opening hours:";
    SHOW_CLOSED_WEEKDAY => "stengt", "closed";
    SHOW_CLOSED_DATES => "Ekstra stengte dager:", "Extra closed days:";
    SHOW_OVERRIDES => "Annen stengetid:", "Different closing time:";
    SHOW_NONE => "  (ingen)", "  (none)";
    DEADLINE_LINE => "Mottatt {received} → frist {deadline} ({day})", "Received {received} → due {deadline} ({day})";
    CLOSED_SET => "{date} er stengt: {reason}.", "{date} is closed: {reason}.";
    REOPENED => "{date} er ikke lenger en ekstra stengt dag.", "{date} is no longer an extra closed day.";
    NOT_CLOSED => "{date} var ikke en ekstra stengt dag.", "{date} was not an extra closed day.";
    HOURS_SET => "{weekday}: {hours}.", "{weekday}: {hours}.";
    CLOSING_SET => "{date}: stenger {time}.", "{date}: closes at {time}.";
    CLOSING_REMOVED => "{date}: vanlig stengetid.", "{date}: normal closing time.";
    ZONE_SET => "Tidssone: {zone}.", "Time zone: {zone}.";
    EMPTY_REASON => "Skriv en grunn for at dagen er stengt.", "Give a reason why the day is closed.";
}

/// The holiday's name in the given language.
pub fn holiday_name(h: Holiday, lang: Lang) -> &'static str {
    let msg = match h {
        Holiday::NewYearsDay => NEW_YEARS_DAY,
        Holiday::MaundyThursday => MAUNDY_THURSDAY,
        Holiday::GoodFriday => GOOD_FRIDAY,
        Holiday::EasterSunday => EASTER_SUNDAY,
        Holiday::EasterMonday => EASTER_MONDAY,
        Holiday::LabourDay => LABOUR_DAY,
        Holiday::ConstitutionDay => CONSTITUTION_DAY,
        Holiday::AscensionDay => ASCENSION_DAY,
        Holiday::WhitSunday => WHIT_SUNDAY,
        Holiday::WhitMonday => WHIT_MONDAY,
        Holiday::ChristmasDay => CHRISTMAS_DAY,
        Holiday::BoxingDay => BOXING_DAY,
    };
    msg.get(lang)
}
