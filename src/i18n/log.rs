//! The shift log, shifts and the handover review.

use super::catalogue;

catalogue! {
    EMPTY_LOG => "Ingen notater ennå. Trykk n for å skrive et.", "No notes yet. Press n to write one.";
    EMPTY_FILTER => "Ingen notater passer.", "No notes match.";
    TITLE_FILTER_ALL => "alle", "all";
    TITLE_FILTER_HANDOVER => "til overlevering", "for handover";
    TITLE_FILTER_ESCALATION => "eskaleringer", "escalations";
    TITLE_FILTER_PINNED => "festet", "pinned";
    PINNED_HEAD => "Festet", "Pinned";
    TITLE => "Vaktlogg – {filter}", "Shift log – {filter}";
    TITLE_SEARCH => "søk: {q} (Esc tømmer)", "search: {q} (Esc clears)";
    MARK_HANDOVER => "[OVERLEVERING]", "[HANDOVER]";
    MARK_ESCALATION => "[ESKALERING]", "[ESCALATION]";
    MARK_ESCALATION_DONE => "[eskalering avsluttet]", "[escalation released]";
    MARK_PINNED => "[festet]", "[pinned]";
    /// The log is newest first, so a correction is above the note it
    /// corrects; `{id}` is the newest correction's number.
    MARK_AMENDED => "(rettet, se #{id} over)", "(corrected, see #{id} above)";
    MARK_AMENDS => "Rettelse til notat #{id}:", "Correction to note #{id}:";
    MARK_PURGED => "(teksten er slettet etter oppbevaringstiden)", "(text erased after the retention period)";
    MARK_CALLBACK => "(sak #{id})", "(item #{id})";
    KEY_NEW => "Nytt notat", "New note";
    KEY_AMEND => "Rett", "Correct";
    KEY_PIN => "Fest", "Pin";
    KEY_FILTER => "Filter", "Filter";
    KEY_RELEASE => "Avslutt eskalering", "Release escalation";
    KEY_END_SHIFT => "Avslutt vakt", "End shift";
    KEY_HANDOVER => "Overlevering", "Handover";
    KEY_PREV_DAY => "Forrige dag", "Previous day";
    KEY_NEXT_DAY => "Neste dag", "Next day";
    KEY_TODAY => "I dag", "Today";
    KEY_CLEAR_SEARCH => "Tøm søket", "Clear the search";
    KEY_ACK => "Kvitter", "Acknowledge";
    EDITOR_TITLE => "Nytt notat", "New note";
    EDITOR_AMEND_TITLE => "Rettelse til notat #{id}", "Correction to note #{id}";
    EDITOR_HINT => "Ctrl-S lagre · Tab merker · Esc avbryt", "Ctrl-S save · Tab marks · Esc cancel";
    EDITOR_MARKS => "Merker (Tab hit, mellomrom/bokstav slår av og på):", "Marks (Tab here, space/letter toggles):";
    EDITOR_MARK_HANDOVER => "o Til overlevering", "o For handover";
    EDITOR_MARK_ESCALATION => "e Eskalering", "e Escalation";
    EDITOR_MARK_PINNED => "f Fest", "f Pin";
    EDITOR_LINK => "Knyttet til sak #{id}", "Linked to item #{id}";
    EDITOR_LINK_NONE => "Ikke knyttet til en sak", "Not linked to an item";
    EDITOR_LINK_HINT => "k knytt til valgt sak / fjern", "k link to the selected item / remove";
    EDITOR_EMPTY => "Notatet er tomt.", "The note is empty.";
    EDITOR_ESCALATION_HELP => "Skriv hvem som er varslet og hva som er gjort (politi, barnevern, koordinator).", "Write who was told and what was done (police, child welfare, the coordinator).";
    NOTE_SAVED => "Notat lagret ✓", "Note saved ✓";
    PINNED => "Festet ✓", "Pinned ✓";
    UNPINNED => "Ikke festet lenger.", "No longer pinned.";
    RELEASED => "Eskaleringen er avsluttet ✓", "The escalation is released ✓";
    NOT_ESCALATION => "Det valgte notatet er ikke en eskalering.", "The selected note is not an escalation.";
    CONFIRM_RELEASE => "Avslutte eskaleringen? Den kan da slettes etter oppbevaringstiden. (j/n)", "Release the escalation? It may then be erased after the retention period. (y/n)";
    CONFIRM_RELEASE_TITLE => "Avslutte eskaleringen", "Release the escalation";
    CONFIRM_END_SHIFT_TITLE => "Avslutte vakten", "End the shift";
    CONFIRM_END_SHIFT => "Avslutte vakten og vise overleveringen? (j/n)", "End the shift and show the handover? (y/n)";
    SEARCH_PROMPT => "Søk i loggen: ", "Search the log: ";
    SEARCH_SHORT => "1–2 tegn: søker i de {n} nærmeste notatene, 3 tegn søker i hele loggen", "1–2 characters: searching the {n} nearest notes; 3 search the whole log";
    WHO_TITLE => "Hvem har vakt?", "Who is on duty?";
    WHO_PROMPT => "Initialer eller et kort navn:", "Initials or a short name:";
    WHO_EMPTY => "Skriv initialer eller et kort navn.", "Write initials or a short name.";
    WHO_HINT => "Enter start vakt · Esc senere", "Enter start shift · Esc later";
    WHO_HINT_RECENT => "↑↓ velg et navn · Enter start vakt · Esc senere", "↑↓ pick a name · Enter start shift · Esc later";
    WHO_RECENT => "Nylig på vakt her:", "Recently on duty here:";
    WHO_RECENT_FAILED => "Kunne ikke lese hvem som nylig hadde vakt: {why}", "Could not read who was recently on duty: {why}";
    KEY_WHO_NEXT => "Neste navn som nylig hadde vakt", "Next name recently on duty";
    KEY_WHO_PREV => "Forrige navn (øverst: tomt felt)", "Previous name (at the top: an empty field)";
    WHO_LOCKED => "Vakthavende er satt ved innlogging og kan ikke endres her.", "Who is on duty is set at login and cannot be changed here.";
    SHIFT_STARTED => "Vakt startet: {name} ✓", "Shift started: {name} ✓";
    SHIFT_ENDED => "Vakten er avsluttet. Overleveringen venter på kvittering.", "The shift has ended. The handover is waiting to be acknowledged.";
    NO_SHIFT => "Ingen vakt er startet.", "No shift has been started.";
    ACK_TITLE => "Kvitter overleveringen", "Acknowledge the handover";
    ACK_PROMPT => "Kvitteres av vakthavende (bytt med F3):", "Acknowledged by the person on duty (change with F3):";
    ACK_OWN => "{name} ga selv overleveringen og kan ikke kvittere for den. Den neste på vakt kvitterer (bytt vakthavende med F3 eller --as).", "{name} gave this handover and cannot acknowledge it. The next person on duty does (change who is on duty with F3 or --as).";
    ACK_DONE => "Overleveringen er kvittert av {name} ✓", "Handover acknowledged by {name} ✓";
    ACK_NONE => "Ingen overlevering venter på kvittering.", "No handover is waiting to be acknowledged.";
    BANNER_PENDING => "Overlevering fra {by} ({when}) er ikke kvittert. Les den under Vaktlogg (3), tast h.", "Handover from {by} ({when}) is not acknowledged. Read it in the Shift log (3), key h.";
    /// The banner when the whole sentence does not fit: the key at the
    /// end is never the part cut.
    BANNER_PENDING_SHORT => "Overlevering fra {by} ({when}) ikke kvittert", "Handover from {by} ({when}) not acknowledged";
    BANNER_PENDING_KEY => " – Vaktlogg (3), tast h.", " – Shift log (3), key h.";
    REVIEW_TITLE => "Overlevering", "Handover";
    REVIEW_HEADER => "Overlevering {day} · vakt {from}–{to} · {who}", "Handover {day} · shift {from}–{to} · {who}";
    REVIEW_HEADER_SPAN => "Overlevering {from} – {to} · {who}", "Handover {from} – {to} · {who}";
    REVIEW_HEADER_DAY => "Overlevering {day}", "Handover {day}";
    REVIEW_URGENT => "1. Haster nå", "1. Urgent now";
    REVIEW_QUEUE => "2. Åpne tilbakeringinger", "2. Open callbacks";
    REVIEW_DONE => "3. Gjort i perioden", "3. Done in this period";
    REVIEW_NOTES => "4. Til overlevering og problemer i hjelpetilbudene", "4. For handover, and directory problems";
    REVIEW_ACK => "5. Kvittering", "5. Acknowledgement";
    REVIEW_NOTHING_URGENT => "Ingenting forfalt, ingen nye forsøk som venter og ingen åpne eskaleringer.", "Nothing overdue, no retry waiting and no open escalations.";
    REVIEW_OVERDUE_ITEM => "FORFALT: sak #{id} {phone}, frist {deadline}, {attempts} – {summary}", "OVERDUE: item #{id} {phone}, due {deadline}, {attempts} – {summary}";
    REVIEW_RETRY_ITEM => "PRØV IGJEN: sak #{id} {phone}, frist {deadline} (forsøkt i tide), {attempts} – {summary}", "TRY AGAIN: item #{id} {phone}, due {deadline} (tried in time), {attempts} – {summary}";
    REVIEW_NEXT_ATTEMPT => "neste forsøk {when}", "next attempt {when}";
    REVIEW_REFERRED => "henvist: {list}", "referred: {list}";
    REVIEW_ESCALATION => "ESKALERING ({when}, {by}): {body}", "ESCALATION ({when}, {by}): {body}";
    REVIEW_QUEUE_EMPTY => "Ingen åpne tilbakeringinger.", "No open callbacks.";
    REVIEW_QUEUE_ITEM => "sak #{id} {phone} · frist {deadline} · {attempts}", "item #{id} {phone} · due {deadline} · {attempts}";
    REVIEW_DUE_BEFORE_OPENING => "forfaller før neste åpning ({opening})", "falls due before the next opening ({opening})";
    REVIEW_QUEUE_ALL_URGENT => "Alle åpne tilbakeringinger står under 1.", "Every open callback is listed under 1.";
    REVIEW_MORE => "… og {n} til (se køen).", "… and {n} more (see the queue).";
    /// What was entered and done in the period, each count through
    /// `i18n::plural`; the messages are counted when they were entered
    /// (not when the caller left them), and split so the parts add up.
    REVIEW_COUNTS => "{messages} registrert i perioden: {added}, {joined}, {withheld} · {attempts}, {reached} · {closed} · {referrals} · {notes}", "{messages} entered in this period: {added}, {joined}, {withheld} · {attempts}, {reached} · {closed} · {referrals} · {notes}";
    REVIEW_PROBLEM => "Hjelpetilbud: {service} – {kind} {note} ({by}, {when})", "Directory: {service} – {kind} {note} ({by}, {when})";
    REVIEW_NOTE => "{when} {by}: {body}", "{when} {by}: {body}";
    REVIEW_NO_NOTES => "Ingen notater merket til overlevering.", "No notes marked for handover.";
    REVIEW_ACKED => "Kvittert av {by} {when}.", "Acknowledged by {by} {when}.";
    REVIEW_NOT_ACKED => "Ikke kvittert ennå.", "Not acknowledged yet.";
    REVIEW_NO_HANDOVER => "Vakten er ikke avsluttet.", "The shift has not ended.";
    REVIEW_HINT => "↑/↓ bla · k kvitter · Esc lukk", "↑/↓ scroll · k acknowledge · Esc close";
    CLI_NOTE_ADDED => "Notat #{id} lagret.", "Note #{id} saved.";
    CLI_SHIFT_STARTED => "Vakt #{id} for {name} startet {when}.", "Shift #{id} for {name} started {when}.";
    CLI_SHIFT_ENDED => "Vakt #{id} avsluttet. Overleveringen venter på kvittering.", "Shift #{id} ended. The handover is waiting to be acknowledged.";
    CLI_NO_OPEN_SHIFT => "{name} har ingen åpen vakt.", "{name} has no open shift.";
    CLI_NEED_NAME => "Oppgi hvem med --as NAVN.", "Say who with --as NAME.";
    CLI_ACKED => "{handovers} kvittert av {name}.", "{handovers} acknowledged by {name}.";
    ERR_NOTE_EMPTY => "Notatet er tomt.", "The note is empty.";
}
