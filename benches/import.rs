//! An import of 100,000 hotline contacts from a CSV file, through the command line's own entry
//! point (both passes: every row checked, then written a batch per transaction out of sight and
//! shown at once), beside the bare stack: the same file read with the csv crate and inserted
//! with one prepared statement in one transaction into an encrypted SQLite table with the
//! indexes a hotline log needs, nothing checked. Peak memory is read from /proc/self/status.
//! Meanwhile another console (a second connection, on its own thread) saves a contact every
//! 50 ms: how long its saves waited is the figure the README's reliability section gives. Then
//! 20,000 clients are imported the same way, with the console saving again.

mod common;

use std::io::Write;
use std::time::Instant;

use common::{import_beside_a_console, print_waits};
use intake::domain::staff::Role;
use intake::store::{DbPaths, Store};

const ROWS: usize = 100_000;
const CLIENTS: usize = 20_000;

fn peak_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap_or("VmHWM: 0 kB");
    line.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(0)
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("contacts.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("file"));
    writeln!(
        out,
        "channel,direction,started_at,caller_type,caller_id,language,interpreter,area,trafficking_type,minor,follow_up,notes"
    )
    .expect("write");
    let areas = ["Doña Ana County", "Bernalillo County", "unknown", "Santa Fe County"];
    for i in 0..ROWS {
        writeln!(
            out,
            "call,incoming,20{}-0{}-1{} 09:{},possible_victim,505-555-{:04},spanish,yes,{},labour,no,no,\"Called about work at a farm, row {i}\"",
            14 + i % 12,
            1 + i % 9,
            i % 10,
            10 + i % 50,
            i % 10_000,
            areas[i % areas.len()]
        )
        .expect("write");
    }
    drop(out);

    // intake.
    let paths = DbPaths::new(dir.path().join("intake.db"), None);
    let mut store = Store::open(&paths, true).expect("store");
    common::add_account(&mut store, "ana", "Ana", Role::Admin, "Enlace");
    drop(store);
    let before = peak_kib();
    let (ours, mut waits) = import_beside_a_console(&paths, "contact", &file);
    // The bare stack.
    let t = Instant::now();
    let mut bare = rusqlite::Connection::open(dir.path().join("bare.db")).expect("bare");
    // Encrypted, with four indexes as a hotline log needs (by time, by caller, by follow-up,
    // for reports) and the page cache intake's import takes, as intake's is.
    bare.execute_batch(
        "PRAGMA key = 'bare stack key'; PRAGMA journal_mode = WAL; PRAGMA cache_size = -32768;
         CREATE TABLE contacts (id INTEGER PRIMARY KEY, channel TEXT, direction TEXT,
             started_at TEXT, caller_type TEXT, caller_id TEXT, language TEXT, interpreter TEXT,
             area TEXT, trafficking_type TEXT, minor TEXT, follow_up TEXT, notes TEXT);
         CREATE INDEX by_time ON contacts(started_at DESC, id DESC);
         CREATE INDEX by_caller ON contacts(caller_id, started_at DESC);
         CREATE INDEX by_follow_up ON contacts(follow_up, started_at);
         CREATE INDEX for_reports ON contacts(started_at, channel, direction, caller_type, language,
             area, trafficking_type, minor);",
    )
    .expect("bare schema");
    let tx = bare.transaction().expect("tx");
    {
        let mut insert = tx
            .prepare("INSERT INTO contacts VALUES (NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
            .expect("insert");
        let mut reader = csv::Reader::from_path(&file).expect("csv");
        for rec in reader.records() {
            let rec = rec.expect("row");
            insert.execute(rusqlite::params_from_iter(rec.iter())).expect("row");
        }
    }
    tx.commit().expect("commit");
    let bare_time = t.elapsed();

    println!(
        "import of {ROWS} contacts: {:.2} s ({:.0} rows/s), peak RSS {} KiB (before {before} KiB)",
        ours.as_secs_f64(),
        ROWS as f64 / ours.as_secs_f64(),
        peak_kib()
    );
    println!(
        "bare stack (csv, one prepared insert, encrypted and indexed, nothing checked): {:.2} s; ratio {:.1}",
        bare_time.as_secs_f64(),
        ours.as_secs_f64() / bare_time.as_secs_f64()
    );
    print_waits(&mut waits);
    clients(dir.path(), &paths);
}

/// 20,000 clients from a file (names into the search index, a first status each), with the
/// console saving meanwhile.
fn clients(dir: &std::path::Path, paths: &DbPaths) {
    let file = dir.join("clients.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("file"));
    writeln!(out, "external_ref,chosen_name,age,gender,intake_on").expect("write");
    let names = ["Rosa María", "JT", "Dolores Q.", "Ana Lucía", "Kee", "Tomasita"];
    for i in 0..CLIENTS {
        let name = names[i % names.len()];
        writeln!(out, "OLD-{i},{name} {i},{},woman,2019-0{}-1{}", 18 + i % 40, 1 + i % 9, i % 10)
            .expect("write");
    }
    drop(out);
    let (took, mut waits) = import_beside_a_console(paths, "client", &file);
    println!("import of {CLIENTS} clients: {:.2} s", took.as_secs_f64());
    print_waits(&mut waits);
}
