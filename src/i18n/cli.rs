//! The command line: what every command and argument is for (`--help` and
//! the manual page), clap's headings, and the messages about a mistyped
//! command line.
//!
//! Help texts are named by where they belong: `ABOUT_<COMMAND PATH>` for a
//! command (`ABOUT_VOICEMAIL_ADD`, `ABOUT_VAKT` for vakt itself) and
//! `ARG_<COMMAND PATH>__<ARGUMENT ID>` for an argument. The English text is
//! also the doc comment in src/cli.rs (what clap derives from); a test holds
//! the two equal and fails on a command or argument without an entry.

use super::catalogue;

catalogue! {
    HEADING_USAGE => "Bruk:", "Usage:";
    HEADING_COMMANDS => "Kommandoer", "Commands";
    HEADING_ARGUMENTS => "Argumenter", "Arguments";
    HEADING_OPTIONS => "Valg", "Options";
    VALUE_COMMAND => "KOMMANDO", "COMMAND";
    USAGE_OPTIONS => "[VALG]", "[OPTIONS]";
    HELP_FLAG => "Vis hjelp", "Print help";
    HELP_FLAG_SHORT => "Vis hjelp (mer med «--help»)", "Print help (see more with '--help')";
    HELP_FLAG_LONG => "Vis hjelp (et sammendrag med «-h»)", "Print help (see a summary with '-h')";
    HELP_COMMAND => "Vis denne hjelpen, eller hjelpen til de gitte kommandoene", "Print this message or the help of the given subcommand(s)";
    NOTE_DEFAULT => "[standard: {value}]", "[default: {value}]";
    NOTE_POSSIBLE => "[mulige verdier: {values}]", "[possible values: {values}]";
    NOTE_ENV => "[miljøvariabel: {name}]", "[env: {name}]";
    ERR_UNKNOWN_ARG => "{command} kjenner ikke «{arg}».", "{command} does not take '{arg}'.";
    ERR_DID_YOU_MEAN => "Mente du {suggestion}?", "Did you mean {suggestion}?";
    ERR_UNKNOWN_COMMAND => "«{arg}» er ikke en kommando i {command}.", "'{arg}' is not a command of {command}.";
    ERR_INVALID_VALUE => "«{value}» er ikke en gyldig verdi for {arg}.", "'{value}' is not a valid value for {arg}.";
    ERR_NO_VALUE => "{arg} trenger en verdi.", "{arg} needs a value.";
    ERR_POSSIBLE_VALUES => "Mulige verdier: {values}.", "Possible values: {values}.";
    ERR_MISSING_ARG => "{command} trenger {args}.", "{command} needs {args}.";
    ERR_MISSING_COMMAND => "{command} trenger en kommando.", "{command} needs a command.";
    ERR_CONFLICT => "{arg} kan ikke brukes sammen med {other}.", "{arg} cannot be used with {other}.";
    ERR_TWICE => "{arg} kan bare gis én gang.", "{arg} can be given only once.";
    ERR_VALUE_COUNT => "{arg} har feil antall verdier.", "{arg} has the wrong number of values.";
    ERR_NOT_UTF8 => "Kommandolinjen har tegn som ikke er gyldig UTF-8.", "The command line has characters that are not valid UTF-8.";
    ERR_OTHER => "Kommandolinjen kan ikke tolkes.", "The command line cannot be understood.";
    HINT_HELP => "Skriv «{help}» for å se hva som går an.", "Run '{help}' to see what it takes.";
    MAN_MANUAL => "vakt-håndbok", "vakt manual";
    MAN_NAME => "NAVN", "NAME";
    MAN_SYNOPSIS => "OVERSIKT", "SYNOPSIS";
    MAN_DESCRIPTION => "BESKRIVELSE", "DESCRIPTION";
    MAN_OPTIONS => "VALG", "OPTIONS";
    MAN_COMMANDS => "KOMMANDOER", "COMMANDS";
    MAN_ENVIRONMENT => "MILJØVARIABLER", "ENVIRONMENT";
    MAN_ENV_DB => "Databasefila, som --db.", "The database file, as --db.";
    MAN_ENV_CONFIG => "Innstillingsfila, som --config.", "The settings file, as --config.";
    MAN_ENV_AS => "Hvem som handler, som --as.", "Who is acting, as --as.";
    MAN_ENV_NO_COLOR => "Når den er satt, bruker vakt sitt tema uten farger; hastegrad og valg vises fortsatt med ord og symboler.", "When set, vakt uses its monochrome theme; urgency and selection are still shown with words and symbols.";
    MAN_ENV_LOCALE => "Velger språket når verken --lang eller innstillingsfila gjør det (nb eller en; standard nb).", "Choose the language when neither --lang nor the settings file does (nb or en; default nb).";
    MAN_FILES => "FILER", "FILES";
    MAN_FILE_CONFIG => "Innstillingsfila (plattformens mappe for innstillinger). Alle nøkler er valgfrie.", "The settings file (platform config directory). Every key is optional.";
    MAN_FILE_DB => "Databasen (plattformens datamappe), laget privat for brukeren (fil 0600, mappe 0700).", "The database (platform data directory), created private to the user (file 0600, folder 0700).";
    MAN_SEE_ALSO => "SE OGSÅ", "SEE ALSO";
    MAN_SEE_ALSO_TEXT => "docs/guide.nb.md og docs/guide.en.md (for den som har vakt), docs/admin.md (for koordinatoren) og docs/deployment.md (et team på én felles server), i kildekoden til vakt.", "docs/guide.nb.md and docs/guide.en.md (for the person on duty), docs/admin.md (for the coordinator) and docs/deployment.md (a team on one shared server), in the vakt source.";
    ABOUT_VAKT => "Vaktverktøy for en hjelpetelefon: ringeliste, henvisningskatalog og vaktlogg.", "Duty-shift companion for a helpline: callback queue, referral directory and shift log.";
    LONG_ABOUT_VAKT => "Vaktverktøy for en hjelpetelefon: ringeliste, henvisningskatalog og vaktlogg.\n\nUten kommando åpner vakt terminalappen på databasen. Kommandoene nedenfor er for skript og for koordinatoren.", "Duty-shift companion for a helpline: callback queue, referral directory and shift log.\n\nWithout a command, vakt opens the terminal app on the database. The commands below are for scripts and for the coordinator.";
    ARG_VAKT__DB => "Databasefil (standard: vakt.db i plattformens datamappe)", "Database file (default: vakt.db in the platform data directory)";
    ARG_VAKT__LANG => "Språket i grensesnittet: nb (norsk bokmål) eller en (engelsk). Standard: innstillingsfila, så språkinnstillingen (locale), ellers nb", "Language of the interface: nb (Norwegian bokmål) or en (English). Default: the config file, then the locale, else nb";
    ARG_VAKT__CONFIG => "Innstillingsfil (standard: config.toml i plattformens mappe for innstillinger)", "Settings file (default: config.toml in the platform config directory)";
    ARG_VAKT__ACTOR => "Hvem som handler, som initialer eller et kort navn (føres i revisjonsloggen)", "Who is acting, as initials or a short name (recorded in the audit trail)";
    ARG_VAKT__KEY_FILE => "Kryptert database: les nøkkelen fra denne fila (for oppsett uten tilsyn)", "Encrypted database: read the key from this file (for unattended setups)";
    ARG_VAKT__ASK_KEY => "Kryptert database: spør etter passordet (vises ikke mens du skriver)", "Encrypted database: ask for the passphrase (not shown as you type)";
    ARG_VAKT__VERSION => "Vis versjonen: utgave, commit, databaseskjema, SQLite-versjon og om kryptering er bygd inn", "Print the version: release, commit, database schema, SQLite version, and whether encryption is compiled in";
    ABOUT_TUI => "Åpne terminalappen (det som skjer når ingen kommando er gitt)", "Open the terminal app (the default when no command is given)";
    ABOUT_INIT => "Lag en ny, tom database på --db eller VAKT_DB (standard: vakt.db i plattformens datamappe); sier fra hvis det allerede finnes en. Ingen annen kommando lager en database", "Create a new, empty database at --db or VAKT_DB (default: vakt.db in the platform data directory); says so if one is already there. No other command creates a database";
    ABOUT_CALENDAR => "Helligdager, arbeidsdager og frister; åpningstider og stengte dager", "Public holidays, working days and deadlines; opening hours and closed days";
    ABOUT_CALENDAR_HOLIDAYS => "List de norske helligdagene i et år (1900–2200)", "List the Norwegian public holidays of a year (1900–2200)";
    ARG_CALENDAR_HOLIDAYS__YEAR => "Året, for eksempel 2027", "The year, e.g. 2027";
    ARG_CALENDAR_HOLIDAYS__JSON => "Skriv JSON: en liste med {\"date\": \"YYYY-MM-DD\", \"name\": \"...\"}", "Print JSON: an array of {\"date\": \"YYYY-MM-DD\", \"name\": \"...\"}";
    ABOUT_CALENDAR_DEADLINE => "Regn ut når en sak mottatt på et gitt tidspunkt har frist", "Compute when an item received at a given time is due";
    ARG_CALENDAR_DEADLINE__RECEIVED => "Når den ble mottatt: RFC 3339 (2026-11-23T10:00:00+01:00) eller \"ÅÅÅÅ-MM-DD TT:MM\" i den innstilte tidssonen", "When it was received: RFC 3339 (2026-11-23T10:00:00+01:00) or \"YYYY-MM-DD HH:MM\" in the configured time zone";
    ARG_CALENDAR_DEADLINE__KIND => "Talemelding: stengetid neste arbeidsdag. Klage: 21 dager, flyttet til neste arbeidsdag hvis det er stengt", "Voicemail: closing time of the next working day. Complaint: 21 days, moved to the next working day if closed";
    ARG_CALENDAR_DEADLINE__JSON => "Skriv JSON: {\"received\", \"deadline\", \"working_day\"}", "Print JSON: {\"received\", \"deadline\", \"working_day\"}";
    ABOUT_CALENDAR_SHOW => "Vis tidssonen, åpningstidene, stengte datoer og endret stengetid", "Show the time zone, opening hours, closed dates and closing-time changes";
    ARG_CALENDAR_SHOW__JSON => "Skriv JSON", "Print JSON";
    ABOUT_CALENDAR_CLOSE => "Merk en dato som stengt (ikke en arbeidsdag)", "Mark a date as closed (not a working day)";
    ARG_CALENDAR_CLOSE__DATE => "Datoen, ÅÅÅÅ-MM-DD", "The date, YYYY-MM-DD";
    ARG_CALENDAR_CLOSE__REASON => "Hvorfor senteret er stengt (vises i kalenderen)", "Why the centre is closed (shown in the calendar)";
    ABOUT_CALENDAR_REOPEN => "Fjern en ekstra stengt dato", "Remove an extra closed date";
    ARG_CALENDAR_REOPEN__DATE => "Datoen, ÅÅÅÅ-MM-DD", "The date, YYYY-MM-DD";
    ABOUT_CALENDAR_HOURS => "Sett åpningstidene for en ukedag, for eksempel `hours lør 10:00-14:00` eller `hours fre closed`", "Set the opening hours of a weekday, e.g. `hours sat 10:00-14:00` or `hours fri closed`";
    ARG_CALENDAR_HOURS__WEEKDAY => "Ukedag: man, tir, ... (norsk) eller mon, tue, ...", "Weekday: mon, tue, ... or man, tir, ... (Norwegian)";
    ARG_CALENDAR_HOURS__HOURS => "TT:MM-TT:MM, eller \"closed\" (stengt)", "HH:MM-HH:MM, or \"closed\"";
    ABOUT_CALENDAR_CLOSING => "Steng på et annet tidspunkt én dato, for eksempel `closing 2026-12-23 12:00`; `closing 2026-12-23 normal` fjerner endringen", "Close at a different time on one date, e.g. `closing 2026-12-23 12:00`; `closing 2026-12-23 normal` removes the change";
    ARG_CALENDAR_CLOSING__DATE => "Datoen, ÅÅÅÅ-MM-DD", "The date, YYYY-MM-DD";
    ARG_CALENDAR_CLOSING__TIME => "TT:MM, eller \"normal\"", "HH:MM, or \"normal\"";
    ABOUT_CALENDAR_ZONE => "Sett tidssonen dager regnes i (et IANA-navn, standard Europe/Oslo)", "Set the time zone days are reasoned in (an IANA name, default Europe/Oslo)";
    ARG_CALENDAR_ZONE__ZONE => "For eksempel Europe/Oslo", "e.g. Europe/Oslo";
    ABOUT_VOICEMAIL => "Legg inn talemeldinger (telefonsystemet kan sende dem inn)", "Record voicemails (the phone system may feed them in)";
    ABOUT_VOICEMAIL_ADD => "Legg inn en talemelding; skriver saken og fristen. En talemelding fra et nummer med en åpen sak legges til den saken", "Add a voicemail; prints the item and its deadline. A voicemail from a number with an open item joins that item";
    ARG_VOICEMAIL_ADD__PHONE => "Innringerens nummer (+47 22 33 44 55, 22334455, 0047…, +46…, 116 123)", "The caller's number (+47 22 33 44 55, 22334455, 0047…, +46…, 116 123)";
    ARG_VOICEMAIL_ADD__WITHHELD => "Nummeret var skjult: telles, men ingen å ringe tilbake", "The number was withheld: counted, but nobody to call back";
    ARG_VOICEMAIL_ADD__RECEIVED => "Når den ble mottatt (standard nå): RFC 3339, \"ÅÅÅÅ-MM-DD TT:MM\", \"07:42\", \"i går 16:10\"", "When it was received (default now): RFC 3339, \"YYYY-MM-DD HH:MM\", \"07:42\", \"yesterday 16:10\"";
    ARG_VOICEMAIL_ADD__OLD => "Mottakstiden er virkelig mer enn 60 dager tilbake (ellers avvist som en sannsynlig skrivefeil)", "The receipt really is more than 60 days back (otherwise refused as a likely typo)";
    ARG_VOICEMAIL_ADD__NAME => "Et navn eller kallenavn innringeren oppga", "A name or alias the caller gave";
    ARG_VOICEMAIL_ADD__SUMMARY => "Et kort sammendrag av meldingen", "A short summary of the message";
    ARG_VOICEMAIL_ADD__WANTS_CALLBACK => "Innringeren ba om å bli ringt opp", "The caller asked to be called back";
    ARG_VOICEMAIL_ADD__NO_CALLBACK => "Innringeren sa at de ikke vil bli ringt opp", "The caller said they do not want to be called back";
    ARG_VOICEMAIL_ADD__NO_MESSAGE => "Innringeren sa: ikke legg igjen beskjed", "The caller said: do not leave a message";
    ARG_VOICEMAIL_ADD__MESSAGE_OK => "Innringeren sa at vi kan legge igjen beskjed", "The caller said a message may be left";
    ARG_VOICEMAIL_ADD__SAY_WHO_OK => "Innringeren sa at vi kan si hvem vi er", "The caller said we may say who we are";
    ARG_VOICEMAIL_ADD__SAFE_TIMES => "Når det er trygt å ringe, med innringerens egne ord", "When it is safe to call, in the caller's words";
    ARG_VOICEMAIL_ADD__JSON => "Skriv JSON", "Print JSON";
    ABOUT_VOICEMAIL_INTAKE => "Ta inn e-postvarsler om talemeldinger fra sentralbordet: én e-post (--mail FIL, eller - for standard inn, for et e-postfilter) eller hver ny melding i en Maildir (--maildir MAPPE, trygt fra en timer). Innstillinger: [intake] i innstillingsfila", "Take in voicemail notification e-mails from the switchboard: one e-mail (--mail FILE, or - for standard input, for a mail filter) or every new message in a Maildir (--maildir DIR, safe from a timer). Settings: [intake] in the settings file";
    ARG_VOICEMAIL_INTAKE__MAIL => "Én e-post fra denne fila, eller - for standard inn (Postfix-pipe, procmail, Sieve-pipe, Asterisks mailcmd)", "One e-mail from this file, or - for standard input (Postfix pipe, procmail, Sieve pipe, Asterisk's mailcmd)";
    ARG_VOICEMAIL_INTAKE__MAILDIR => "Hver ny melding i denne Maildir-mappa: hver tas inn én gang og flyttes til cur/ merket som lest (uleselige til mappa .failed). Trygt fra en timer, med flere kjøringer samtidig og etter et krasj", "Every new message in this Maildir: each is taken in once and moved to cur/ marked seen (unreadable ones to the .failed folder). Safe from a timer, with several runs at once, and after a crash";
    ARG_VOICEMAIL_INTAKE__REPORT => "List e-postene som ikke kunne leses (når, hvorfor, filnavn; aldri innringerdata)", "List the e-mails that could not be read (when, why, file name; never caller data)";
    ARG_VOICEMAIL_INTAKE__DISMISS => "Tøm den listen når noen har sett på e-postene", "Empty that list once someone has looked at the e-mails";
    ARG_VOICEMAIL_INTAKE__JSON => "Skriv JSON", "Print JSON";
    ABOUT_COMPLAINT => "Legg inn skriftlige klager (besvares innen 21 dager)", "Record written complaints (answered within 21 days)";
    ABOUT_COMPLAINT_ADD => "Legg inn en skriftlig klage (brev eller e-post)", "Add a written complaint (letter or e-mail)";
    ARG_COMPLAINT_ADD__RECEIVED => "Når den ble mottatt: RFC 3339 eller \"ÅÅÅÅ-MM-DD TT:MM\"", "When it was received: RFC 3339 or \"YYYY-MM-DD HH:MM\"";
    ARG_COMPLAINT_ADD__OLD => "Mottakstiden er virkelig mer enn 60 dager tilbake (ellers avvist som en sannsynlig skrivefeil)", "The receipt really is more than 60 days back (otherwise refused as a likely typo)";
    ARG_COMPLAINT_ADD__SUMMARY => "Hva den gjelder", "What it is about";
    ARG_COMPLAINT_ADD__NAME => "Hvem som skrev den (valgfritt)", "Who wrote it (optional)";
    ARG_COMPLAINT_ADD__JSON => "Skriv JSON", "Print JSON";
    ABOUT_QUEUE => "List de åpne sakene i ringelisten, de mest hastende først", "List the open callbacks in queue order, most urgent first";
    ARG_QUEUE__JSON => "Skriv JSON: id, kind, received, deadline, status, attempts, phone, overdue, ...", "Print JSON: id, kind, received, deadline, status, attempts, phone, overdue, ...";
    ARG_QUEUE__ALL => "Ta også med sakene som er avsluttet de siste 30 dagene", "Also list the items closed in the last 30 days";
    ARG_QUEUE__REVEAL => "Vis hele numre i stedet for maskerte (føres i revisjonsloggen)", "Show full numbers instead of masked ones (recorded in the audit trail)";
    ABOUT_CALLBACK => "Før et forsøk på en sak, eller avslutt den", "Record an attempt on a callback, or close it";
    ABOUT_CALLBACK_ATTEMPT => "Før et forsøk: reached, no-answer, busy, left-message, wrong-number", "Record an attempt: reached, no-answer, busy, left-message, wrong-number";
    ARG_CALLBACK_ATTEMPT__ID => "Sakens id (fra `vakt queue`)", "The item's id (from `vakt queue`)";
    ARG_CALLBACK_ATTEMPT__RESULT => "Hva som skjedde", "What happened";
    ARG_CALLBACK_ATTEMPT__AT => "Når forsøket ble gjort (standard nå)", "When the attempt was made (default now)";
    ARG_CALLBACK_ATTEMPT__NOTE => "Et kort notat", "A short note";
    ARG_CALLBACK_ATTEMPT__AGAINST_WISH => "Før «left-message» selv om innringeren sa nei til beskjed, eller aldri sa at det var greit (uten dette nektes det)", "Record \"left-message\" although the caller said not to leave one, or never said it was all right (without it that is refused)";
    ABOUT_CALLBACK_PLAN => "Avtal en tid for tilbakeringing innenfor åpningstiden og tiden innringeren sa er trygg, f.eks. --at \"torsdag 12:00\"; --clear fjerner den", "Plan a callback time inside the opening hours and the caller's safe window, e.g. --at \"thursday 12:00\"; --clear removes it";
    ARG_CALLBACK_PLAN__ID => "Sakens id (fra `vakt queue`)", "The item's id (from `vakt queue`)";
    ARG_CALLBACK_PLAN__AT => "Når: \"torsdag 12:00\", \"i morgen 13:30\", \"2026-11-26 12:00\"", "When: \"thursday 12:00\", \"tomorrow 13:30\", \"2026-11-26 12:00\"";
    ARG_CALLBACK_PLAN__CLEAR => "Fjern den avtalte tiden", "Remove the planned time";
    ABOUT_CALLBACK_CLOSE => "Avslutt en sak: reached, gave-up, not-in-use, not-needed", "Close an item: reached, gave-up, not-in-use, not-needed";
    ARG_CALLBACK_CLOSE__ID => "Sakens id", "The item's id";
    ARG_CALLBACK_CLOSE__OUTCOME => "Hvordan den endte", "How it ended";
    ABOUT_LOG => "Skriv i vaktloggen", "Write to the shift log";
    ABOUT_LOG_ADD => "Legg til et notat (loggen kan bare legges til: et notat kan ikke endres senere)", "Add a note (the log is append-only: a note cannot be changed later)";
    ARG_LOG_ADD__TEXT => "Notatets tekst", "The note's text";
    ARG_LOG_ADD__HANDOVER => "Neste vakt må lese det", "The next shift must read it";
    ARG_LOG_ADD__ESCALATION => "En alvorlig bekymring (hvem som ble varslet, hva som ble gjort); beholdes til den frigis", "A serious concern (who was told, what was done); kept until released";
    ARG_LOG_ADD__CALLBACK => "Knytt notatet til en sak", "Link the note to a callback item";
    ABOUT_SHIFT => "Start eller avslutt en vakt", "Start or end a shift";
    ABOUT_SHIFT_START => "Start en vakt for personen gitt med --as", "Start a shift for the person given with --as";
    ABOUT_SHIFT_END => "Avslutt vakten til personen gitt med --as; overleveringen venter så på at neste person bekrefter den", "End the shift of the person given with --as; the handover then waits for the next person's acknowledgement";
    ABOUT_HANDOVER => "Skriv overleveringen (numre maskert), eller bekreft den", "Print the handover review (numbers masked), or acknowledge it";
    ARG_HANDOVER__DATE => "Dagen som skal gjennomgås, ÅÅÅÅ-MM-DD. Uten den: overleveringene som venter på bekreftelse, eller i dag hvis ingen venter", "The day to review, YYYY-MM-DD. Without it: the handovers waiting to be acknowledged, or today if none wait";
    ARG_HANDOVER__FORMAT => "text (til å lese høyt eller skrive ut), md (til å lime inn) eller json", "text (to read aloud or print), md (to paste), or json";
    ABOUT_HANDOVER_ACK => "Bekreft, som neste person på vakt (--as), at du har lest overleveringen", "Confirm, as the next person on duty (--as), that you have read the handover";
    ABOUT_DEMO => "Lag en database med syntetiske, realistiske data å prøve vakt på, og åpne den (standard: vakt-demo.db i datamappa; aldri en database som allerede har arbeid i seg)", "Create a database of synthetic, realistic data to try vakt on, then open it (default: vakt-demo.db in the data directory; never a database that already holds work)";
    ARG_DEMO__SCALE => "Hvor mye: small (for å prøve appen), large (100 000 saker og notater), huge (1 000 000 saker og notater)", "How much: small (to try the app), large (100 000 callbacks and notes), huge (1 000 000 callbacks and notes)";
    ARG_DEMO__DAYS => "Hvor mange dager tilbake dataene går (standard: 30 for small, 3650 for large og huge)", "How many days back the data reaches (default: 30 for small, 3650 for large and huge)";
    ARG_DEMO__NO_OPEN => "Bare lag databasen; ikke åpne appen", "Only create the database; do not open the app";
    ARG_DEMO__SEED => "Frø for de tilfeldige dataene (samme frø gir samme data)", "Seed for the random data (the same seed gives the same data)";
    ABOUT_STATS => "Holdes løftene? Tall for en periode, til årsrapporten", "Are the promises kept? Figures for a period, for the annual report";
    AFTER_LONG_HELP_STATS => "Uten --from og --to er perioden hittil i år. Datoer er lokale datoer i den\ninnstilte tidssonen; en sak hører til dagen den ble mottatt. Ingen innringerdata\n(numre, navn, sammendrag, notater) skrives noen gang ut.\n\nDefinisjoner:\n  Løftet for en talemelding er holdt når FØRSTE forsøk kom innen fristen\n  (stengetid neste arbeidsdag). Ikke holdt: første forsøk etter fristen, eller\n  ingen og fristen er passert. Venter (ikke forfalt, ikke forsøkt) og ikke skyldig\n  (avsluttet før fristen uten forsøk) telles, men holdes utenfor andelen.\n  En klage er besvart ved første forsøk eller da den ble avsluttet, det som kom\n  først; holdt når det er innen fristen (21 dager, ved stengetid).\n  Tid til første forsøk teller bare tid innenfor åpningstiden; median og 90-\n  persentil etter nærmeste-rang-metoden.\n\nCSV-kolonner:\n  metric  tallets navn (nedenfor)\n  period  hele perioden som FRA..TIL, en ISO-uke (2026-W14) eller en måned (2026-04)\n  value   et heltall; tomt når det ikke er noe å måle ennå\nTall per periode, uke og måned:\n  voicemail_kept, voicemail_missed, voicemail_pending, voicemail_not_owed,\n  voicemail_kept_percent, complaint_kept, complaint_missed, complaint_pending,\n  complaint_not_owed, complaint_kept_percent\nTall bare for hele perioden:\n  first_attempt_count, first_attempt_median_minutes, first_attempt_p90_minutes,\n  messages, withheld, reached, not_reached, not_needed, open,\n  messages_mon .. messages_sun (etter lokal ukedag), messages_h00 .. messages_h23\n  (etter lokal time)\nListen over saker som ikke ble fulgt opp i tide, og tabellen ukedag x time, er i --json.", STATS_HELP;
    ARG_STATS__FROM => "Første dag i perioden, ÅÅÅÅ-MM-DD (standard: 1. januar i \"til\"-året)", "First day of the period, YYYY-MM-DD (default: 1 January of the \"to\" year)";
    ARG_STATS__TO => "Siste dag i perioden, ÅÅÅÅ-MM-DD, tatt med (standard: i dag)", "Last day of the period, YYYY-MM-DD, included (default: today)";
    ARG_STATS__JSON => "Skriv JSON (alle tall, med listen over saker som ikke ble fulgt opp i tide)", "Print JSON (all figures, including the list of missed items)";
    ARG_STATS__CSV => "Skriv CSV: én tabell med kolonnene metric,period,value", "Print CSV: one table with the columns metric,period,value";
    ABOUT_DIRECTORY => "Henvisningskatalogen: søk, importer og eksporter (HSDS JSON eller CSV)", "The referral directory: search, import and export (HSDS JSON or CSV)";
    ABOUT_DIRECTORY_IMPORT => "Importer tjenester fra en Open Referral HSDS 3.0 JSON-fil eller en CSV-fil. Oppføringer kobles på id, ellers på navn og organisasjon; en fil med en feil endrer ingenting", "Import services from an Open Referral HSDS 3.0 JSON file or a CSV file. Entries are matched by id, else by name and organisation; a file with an error changes nothing";
    ARG_DIRECTORY_IMPORT__FILE => "Fila (.json eller .csv)", "The file (.json or .csv)";
    ARG_DIRECTORY_IMPORT__FORMAT => "hsds eller csv (standard: etter filendelsen, ellers HSDS JSON)", "hsds or csv (default: from the file's extension, else HSDS JSON)";
    ABOUT_DIRECTORY_EXPORT => "Eksporter alle tjenester som HSDS 3.0 JSON (en liste med tjenesteobjekter) eller CSV", "Export every service as HSDS 3.0 JSON (a list of service objects) or CSV";
    ARG_DIRECTORY_EXPORT__OUTPUT => "Skriv til denne fila i stedet for standard ut", "Write to this file instead of standard output";
    ARG_DIRECTORY_EXPORT__FORMAT => "hsds eller csv (standard: etter filendelsen, ellers HSDS JSON)", "hsds or csv (default: from the file's extension, else HSDS JSON)";
    ABOUT_DIRECTORY_SEARCH => "Søk som i søkefeltet: navn først, så beskrivelser", "Search like the search box: names first, then descriptions";
    ARG_DIRECTORY_SEARCH__QUERY => "Ord å lete etter (begynnelsen av et ord holder: \"barnev\" finner \"barnevernet\")", "Words to look for (prefixes work: \"barnev\" finds \"barnevernet\")";
    ARG_DIRECTORY_SEARCH__JSON => "Skriv JSON", "Print JSON";
    ARG_DIRECTORY_SEARCH__CATEGORY => "Bare denne kategorien (nøkkel eller navn, for eksempel substance_use eller Rus)", "Only this category (key or name, e.g. substance_use or Rus)";
    ARG_DIRECTORY_SEARCH__MUNICIPALITY => "Bare tjenester for denne kommunen eller regionen", "Only services serving this municipality or region";
    ARG_DIRECTORY_SEARCH__OPEN_NOW => "Bare tjenester som er åpne nå", "Only services open now";
    ARG_DIRECTORY_SEARCH__AT => "Svar på «åpen» for dette tidspunktet i stedet for nå, for eksempel \"2027-05-17 10:00\"", "Answer \"open\" for this time instead of now, e.g. \"2027-05-17 10:00\"";
    ARG_DIRECTORY_SEARCH__LIMIT => "Vis høyst N oppføringer (1–1000)", "Show at most N entries (1–1000)";
    ABOUT_PURGE => "Slett innringerdata som er over slettefristen (antallene går til revisjonsloggen)", "Erase caller data past the retention period (counts go to the audit log)";
    ARG_PURGE__DRY_RUN => "Bare tell det som ville blitt slettet; endre ingenting", "Only count what would be erased; change nothing";
    ARG_PURGE__OLDER_THAN => "Slett saker avsluttet (og notater skrevet) for mer enn DAYS dager siden, i stedet for de innstilte periodene; 0 betyr alle avsluttede saker", "Erase items closed (and notes written) more than DAYS days ago, instead of the configured periods; 0 means every closed item";
    ARG_PURGE__JSON => "Skriv JSON", "Print JSON";
    ABOUT_AUDIT => "Vis eller eksporter revisjonsloggen: hvem gjorde hva, når (aldri innringerdata)", "Show or export the audit log: who did what, when (never caller data)";
    ARG_AUDIT__JSON => "Skriv JSON-linjer for eksport", "Print JSON lines for export";
    ARG_AUDIT__SINCE => "Fra og med denne datoen, ÅÅÅÅ-MM-DD (standard: alt)", "From this date on, YYYY-MM-DD (default: everything)";
    ABOUT_BACKUP => "Skriv en konsistent sikkerhetskopi (standard: backups/vakt-ÅÅÅÅ-MM-DD.db ved siden av databasen)", "Write a consistent backup (default: backups/vakt-YYYY-MM-DD.db next to the database)";
    ARG_BACKUP__PATH => "Hvor den skal skrives", "Where to write it";
    ABOUT_RESTORE => "Erstatt databasen med en sikkerhetskopi, etter å ha sjekket den; den nåværende databasen tas først vare på i mappa backups", "Replace the database with a backup, after checking it; the current database is kept in the backups folder first";
    ARG_RESTORE__PATH => "Sikkerhetskopifila", "The backup file";
    ABOUT_KEEP => "Behold en sak hel (slettingen tar den ikke), eller frigi den; `vakt hold` virker også", "Keep a callback item whole (the retention purge leaves it), or release it; `vakt hold` works too";
    ARG_KEEP__ID => "Sakens id (fra `vakt queue`)", "The item's id (from `vakt queue`)";
    ARG_KEEP__RELEASE => "Frigi saken: vanlig slettefrist igjen", "Release the item: the usual retention applies again";
    ABOUT_COMPLETIONS => "Skriv et skript for fullføring i skallet, for eksempel `vakt completions bash > ~/.local/share/bash-completion/completions/vakt`", "Print a shell completion script, e.g. `vakt completions bash > ~/.local/share/bash-completion/completions/vakt`";
    ARG_COMPLETIONS__SHELL => "bash, zsh, fish, elvish eller powershell", "bash, zsh, fish, elvish or powershell";
    ABOUT_MAN => "Skriv manualsiden (roff), for eksempel `vakt man | man -l -`", "Print the manual page (roff), e.g. `vakt man | man -l -`";
}

/// Shown by `vakt stats --help` in English (the Norwegian is in the
/// catalogue above).
pub const STATS_HELP: &str = "\
Without --from and --to the period is this year so far. Dates are local dates in the
configured time zone; an item belongs to the day it was received. No caller data
(numbers, names, summaries, notes) is ever printed.

Definitions:
  A voicemail's promise is kept when its FIRST attempt came at or before the deadline
  (closing time of the next working day). Missed: first attempt after the deadline, or
  none and the deadline has passed. Pending (not yet due, no attempt) and not owed
  (closed before the deadline without an attempt) are counted but left out of the share.
  A complaint is answered at its first attempt or when it was closed, whichever came
  first; kept when that is within the deadline (21 days, at closing time).
  Time to first attempt counts only time inside opening hours; median and 90th
  percentile by the nearest-rank method.

CSV columns:
  metric  the figure's name (below)
  period  the whole period as FROM..TO, an ISO week (2026-W14) or a month (2026-04)
  value   a whole number; empty when there is nothing to measure yet
Metrics per period, week and month:
  voicemail_kept, voicemail_missed, voicemail_pending, voicemail_not_owed,
  voicemail_kept_percent, complaint_kept, complaint_missed, complaint_pending,
  complaint_not_owed, complaint_kept_percent
Metrics for the whole period only:
  first_attempt_count, first_attempt_median_minutes, first_attempt_p90_minutes,
  messages, withheld, reached, not_reached, not_needed, open,
  messages_mon .. messages_sun (by local weekday), messages_h00 .. messages_h23
  (by local hour)
The list of missed items and the weekday x hour table are in --json.";
