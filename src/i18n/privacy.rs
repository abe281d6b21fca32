//! Retention, audit trail, file checks, backups and restore.

use super::catalogue;

catalogue! {
    PERMS_FIXED => "{path} kunne leses av andre brukere. Nå er den bare din.", "{path} was readable by other users. It is now private to you.";
    ERR_DB_DAMAGED_BACKUP => "Databasen {path} er skadet. Den er ikke endret, og vakt skriver ikke til den. Siste hele sikkerhetskopi: {backup}. Hent den fram med: vakt restore {backup}", "The database {path} is damaged. It has not been changed, and vakt will not write to it. Newest good backup: {backup}. Restore it with: vakt restore {backup}";
    ERR_DB_DAMAGED_NONE => "Databasen {path} er skadet. Den er ikke endret, og vakt skriver ikke til den. Det finnes ingen hel sikkerhetskopi i mappa backups ved siden av; be den som har satt opp vakt om hjelp.", "The database {path} is damaged. It has not been changed, and vakt will not write to it. There is no good backup in the backups folder next to it; ask whoever set up vakt for help.";
    ERR_DB_ENCRYPTED => "{path} ser kryptert ut, men nøkkelen mangler eller er feil. Oppgi riktig passord eller nøkkelfil. Fila er ikke endret.", "{path} looks encrypted, but the key is missing or wrong. Give the right passphrase or key file. The file has not been changed.";
    BG_CHECK_DAMAGED => "Kontrollen fant skade i databasen. Lagre ikke mer; avslutt og hent fram siste sikkerhetskopi.", "The check found damage in the database. Save nothing more; quit and restore the newest backup.";
    PURGE_DONE => "Slettet innringerdata: {callbacks} avsluttede saker, {attempts} forsøksnotater, {notes} loggnotater. Unntatt (beholdt eller åpen eskalering): {exempt}.", "Erased caller data: {callbacks} closed items, {attempts} attempt notes, {notes} log notes. Exempt (kept or open escalation): {exempt}.";
    PURGE_DRY => "Ville slettet innringerdata: {callbacks} avsluttede saker, {attempts} forsøksnotater, {notes} loggnotater. Unntatt (beholdt eller åpen eskalering): {exempt}. Ingenting er endret.", "Would erase caller data: {callbacks} closed items, {attempts} attempt notes, {notes} log notes. Exempt (kept or open escalation): {exempt}. Nothing has been changed.";
    PURGE_FAILED => "Slettingen av gamle innringerdata mislyktes: {why}", "Erasing old caller data failed: {why}";
    BACKUP_DONE => "Sikkerhetskopi lagret: {path}", "Backup saved: {path}";
    BACKUP_FAILED => "Sikkerhetskopien mislyktes: {why}", "The backup failed: {why}";
    RESTORE_DONE => "Databasen er hentet fram fra {from}.", "The database was restored from {from}.";
    RESTORE_PURGED => "Før kopien ble tatt i bruk, ble innringerdata over slettefristen slettet fra den: {callbacks} avsluttede saker, {attempts} forsøksnotater, {notes} loggnotater, og {again} som var slettet i databasen den erstatter. Unntatt (beholdt eller åpen eskalering): {exempt}.", "Before the copy was put to use, caller data past its retention period was erased from it: {callbacks} closed items, {attempts} attempt notes, {notes} log notes, and {again} already erased in the database it replaces. Exempt (kept or open escalation): {exempt}.";
    RESTORE_KEPT => "Den forrige er tatt vare på i {kept}.", "The previous one was kept in {kept}.";
    RESTORE_UNREADABLE => "Kan ikke lese {path}. Sjekk navnet og at fila finnes. Ingenting er endret.", "Cannot read {path}. Check the name and that the file exists. Nothing has been changed.";
    RESTORE_NOT_DB => "{path} er ikke en database (eller den er kryptert med en annen nøkkel). Ingenting er endret.", "{path} is not a database (or it is encrypted with another key). Nothing has been changed.";
    RESTORE_CORRUPT => "{path} er skadet og kan ikke brukes. Velg en annen sikkerhetskopi. Ingenting er endret.", "{path} is damaged and cannot be used. Choose another backup. Nothing has been changed.";
    RESTORE_FOREIGN => "{path} er en database, men ikke fra vakt. Ingenting er endret.", "{path} is a database, but not a vakt one. Nothing has been changed.";
    RESTORE_NEWER => "{path} er laget av en nyere vakt. Oppdater vakt først. Ingenting er endret.", "{path} was written by a newer vakt. Update vakt first. Nothing has been changed.";
    ERR_SINCE => "Datoen «{input}» forstår jeg ikke. Skriv den som ÅÅÅÅ-MM-DD, for eksempel 2026-11-01.", "I don't understand the date \"{input}\". Write it as YYYY-MM-DD, for example 2026-11-01.";
    ERR_OLDER_THAN => "--older-than må være et antall dager fra 0 til 36500.", "--older-than must be a number of days from 0 to 36500.";
    AUDIT_EMPTY => "Revisjonsloggen har ingen oppføringer i perioden.", "The audit log has no entries in that period.";
    AUDIT_HEADER => "Tid               Hvem     Handling        Gjelder      Nr     Detalj", "Time              Who      Action          Concerns     No     Detail";
    HOLD_ON => "Sak {id} beholdes: den slettes ikke før den frigis.", "Item {id} is kept: it will not be erased until released.";
    HOLD_OFF => "Sak {id} er frigitt: den følger vanlig slettefrist igjen.", "Item {id} is released: the usual retention applies again.";
    KEY_PROMPT => "Passord for databasen: ", "Passphrase for the database: ";
    ERR_KEY_FILE => "Kan ikke lese nøkkelfila {path}: {why}.", "Cannot read the key file {path}: {why}.";
    ERR_KEY_EMPTY => "Nøkkelen er tom. Oppgi et passord eller en nøkkelfil med innhold.", "The key is empty. Give a passphrase or a key file with content.";
    ERR_ENCRYPTION_UNAVAILABLE => "Denne utgaven av vakt er bygd uten kryptering, så den kan ikke bruke en nøkkel. Bygg med: cargo build --release --features encryption", "This build of vakt has no encryption, so it cannot use a key. Build it with: cargo build --release --features encryption";
}
