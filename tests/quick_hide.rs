//! Quick hide under load, end to end: the real binary in a pseudo terminal. F12 blanks the
//! screen (and the scrollback) within 100 ms whatever is in flight: another process holding
//! the write lock (as a long import does), a megabyte pasted without brackets, a bracketed
//! paste that never ends. What the hide owes the database is written after; nothing of what
//! was pasted reaches the PIN field.

mod common;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::pty::{F12, Session, pause_after_hide};
use common::*;
use intake::store::Store;

/// The goal: the screen is blank this soon after F12 is sent.
const HIDE_WITHIN: Duration = Duration::from_millis(100);

/// Send F12 and wait (looking every millisecond) until nothing is on the screen; how long it took.
fn hide(s: &mut Session) -> Duration {
    let sent = Instant::now();
    s.send(F12);
    let deadline = sent + Duration::from_secs(60);
    loop {
        if s.text().trim().is_empty() {
            let took = sent.elapsed();
            eprintln!("F12 to a blank screen: {took:?}");
            return took;
        }
        assert!(Instant::now() < deadline, "never blank:\n{}", s.text());
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// The console logged in, on the notes of a new contact with `notes` typed.
fn typing(notes: &str) -> (TestDb, Session) {
    let (db, store) = with_admin();
    drop(store);
    let mut s = Session::on_new_contact_notes(&db.db_path());
    s.send(notes);
    s.wait_for(notes);
    (db, s)
}

/// Another process holds the write lock (as an import's transaction does) until told to let go.
fn hold_write_lock(db: &TestDb) -> (mpsc::Sender<()>, std::thread::JoinHandle<()>) {
    let store = db.open();
    let (held_tx, held_rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        store.conn().execute_batch("BEGIN IMMEDIATE").unwrap();
        held_tx.send(()).unwrap();
        let _ = go_rx.recv_timeout(Duration::from_secs(60));
        store.conn().execute_batch("COMMIT").unwrap();
    });
    held_rx.recv().unwrap();
    (go_tx, holder)
}

/// Notes typed, another process holding the write lock, then F12: the screen blank at once.
/// Returns the database, a reader of it (opened before the lock was taken), the console, and
/// what lets the lock go.
fn hidden_while_the_lock_is_held() -> (TestDb, Store, Session, LockHeld) {
    let (db, mut s) = typing("Caller at the bus station");
    let reader = db.open();
    let (release, holder) = hold_write_lock(&db);
    let took = hide(&mut s);
    // Before this, the hide wrote its audit row and the draft first, and waited for the lock.
    assert!(took < HIDE_WITHIN, "F12 took {took:?} with the write lock held");
    (db, reader, s, (release, holder))
}

/// What lets another process's write lock go, and that process.
type LockHeld = (mpsc::Sender<()>, std::thread::JoinHandle<()>);

#[test]
fn f12_blanks_at_once_while_an_import_holds_the_write_lock() {
    let (_db, reader, mut s, (release, holder)) = hidden_while_the_lock_is_held();
    // The lock is still held: nothing of the hide is written yet, and the console goes on.
    let events = || audit_events(&reader).into_iter().map(|(e, _)| e).collect::<Vec<_>>();
    assert!(!events().contains(&"hide".to_string()));
    pause_after_hide();
    s.send(" ");
    s.wait_for("The session is locked");
    release.send(()).unwrap();
    holder.join().unwrap();
    // Once the lock is let go, what the hide owed is written: its audit row and the draft.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !events().contains(&"hide".to_string()) {
        assert!(Instant::now() < deadline, "the hide was never recorded: {:?}", events());
        std::thread::sleep(Duration::from_millis(50));
    }
    let draft: String =
        reader.conn().query_row("SELECT payload FROM drafts", [], |r| r.get(0)).unwrap();
    assert!(draft.contains("bus station"), "{draft}");
    s.line(ADMIN_PIN);
    s.wait_for("Caller at the bus station");
}

/// F12 while another process holds the write lock, then the link drops before the lock is let
/// go: what the hide owed (its audit row, the draft) is still written before the console ends.
/// Before, the console ended its session and left, and the hide was never on record.
#[test]
fn a_hide_the_link_drops_after_is_still_recorded() {
    let (_db, reader, mut s, (release, holder)) = hidden_while_the_lock_is_held();
    s.hang_up();
    std::thread::sleep(Duration::from_millis(500));
    release.send(()).unwrap();
    holder.join().unwrap();
    s.wait_exit();
    let events: Vec<String> = audit_events(&reader).into_iter().map(|(e, _)| e).collect();
    assert!(events.contains(&"hide".to_string()), "the hide is on record: {events:?}");
    let draft: String =
        reader.conn().query_row("SELECT payload FROM drafts", [], |r| r.get(0)).unwrap();
    assert!(draft.contains("bus station"), "{draft}");
}

/// F12 while another process holds the write lock, then the console is killed outright before
/// the lock is let go: the hide's audit row, kept in the console's file beside the key, is
/// written ("late") by the next intake to open the database. Before, it was lost.
#[test]
fn a_hide_of_a_console_killed_before_it_could_write_is_recorded_late() {
    let (db, _, mut s, (release, holder)) = hidden_while_the_lock_is_held();
    // The console has tried once (and found the lock held) by now.
    std::thread::sleep(Duration::from_millis(300));
    s.kill_outright();
    release.send(()).unwrap();
    holder.join().unwrap();
    let next = db.open();
    let events = audit_events(&next);
    assert!(events.contains(&("hide".into(), "late".into())), "{events:?}");
    let left = std::fs::read_dir(db.dir.path()).unwrap().flatten();
    let owed: Vec<_> = left.filter(|e| e.file_name().to_string_lossy().contains("owed")).collect();
    assert!(owed.is_empty(), "the file is gone once written: {owed:?}");
}

/// A killed console's owed rows are written once, however many intakes start at the same moment
/// (here four at once, ten times over): each file is claimed before it is read. Before, every
/// start that found the file wrote its rows.
#[test]
fn owed_rows_are_written_once_when_intakes_start_together() {
    let (db, store) = with_admin();
    drop(store);
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    for round in 1..=10 {
        // Four intakes open, then the file appears, then all four look for owed rows at once.
        let stores: Vec<Store> = (0..4).map(|_| db.open()).collect();
        let file = db.paths.beside_key(&format!("owed-{pid}"));
        std::fs::write(&file, "1 - hide\n1 - lock\n").unwrap();
        let together = std::sync::Arc::new(std::sync::Barrier::new(4));
        let starts: Vec<_> = stores
            .into_iter()
            .map(|mut store| {
                let together = together.clone();
                std::thread::spawn(move || {
                    together.wait();
                    intake::store::owed::recover(&mut store).unwrap();
                })
            })
            .collect();
        starts.into_iter().for_each(|t| t.join().unwrap());
        let late = audit_events(&db.open()).iter().filter(|(_, o)| o == "late").count();
        assert_eq!(late, 2 * round, "round {round}: each owed row written once");
        assert!(!file.exists());
    }
}

#[test]
fn f12_blanks_at_once_behind_a_megabyte_pasted_without_brackets() {
    let (_db, mut s) = typing("Notes");
    // A terminal without bracketed paste sends a paste as keys: a megabyte of them, written
    // from another thread while the console reads (the pty holds only a few KB at a time).
    let mut writer = s.writer.take().unwrap();
    let paste = "0123456789abcdef".repeat(1 << 16);
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        use std::io::Write;
        writer.write_all(paste.as_bytes()).unwrap();
        writer.flush().unwrap();
        done_tx.send(writer).unwrap();
    });
    s.writer = Some(done_rx.recv_timeout(Duration::from_secs(60)).expect("the paste was read"));
    let took = hide(&mut s);
    assert!(took < HIDE_WITHIN, "F12 took {took:?} behind a megabyte of keys");
    // Nothing of the paste reaches the PIN field.
    pause_after_hide();
    s.send(" ");
    let locked = s.wait_for("The session is locked");
    let pin = locked.lines().find(|l| l.contains("PIN")).unwrap_or_default().to_string();
    assert!(!pin.contains('•'), "the PIN field holds something:\n{locked}");
    s.line(ADMIN_PIN);
    s.wait_for("Log a contact");
}

#[test]
fn f12_blanks_at_once_inside_a_paste_that_never_ends() {
    let (_db, mut s) = typing("Notes");
    // A bracketed paste starts and never ends (a link that dropped mid-paste, or a hostile
    // terminal): F12 still hides, and the half paste reaches nothing.
    s.send("\x1b[200~half a paste about the caller");
    let took = hide(&mut s);
    assert!(took < HIDE_WITHIN, "F12 took {took:?} inside an unended paste");
    pause_after_hide();
    s.send(" ");
    s.wait_for("The session is locked");
    s.line(ADMIN_PIN);
    let back = s.wait_for("Log a contact");
    assert!(!back.contains("half a paste"), "{back}");
    // Ctrl+C still reaches the console inside such a paste: it asks before quitting.
    s.send("\x1b[200~more\x03");
    s.wait_for("Quit");
}
