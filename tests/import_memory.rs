//! An import streams: a 200 MB file goes in with the process's memory well under 64 MB, read
//! twice a row at a time (checked, then written) and never held whole. Alone in its own test
//! binary, so no other test's memory is counted; run in this process through the command line's
//! own entry point, so /proc/self/status tells the peak.

mod common;

use std::io::Write;

use clap::Parser;
use common::*;

/// The peak resident set of this process, in KiB (Linux).
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_200_mb_file_imports_in_flat_memory() {
    let (db, store) = with_admin();
    drop(store);
    let file = db.dir.path().join("big.csv");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
    writeln!(out, "channel,direction,started_at,caller_type,language,interpreter,area,trafficking_type,minor,follow_up,notes").unwrap();
    let notes = "Called about work on a farm; the employer keeps her papers. ".repeat(64);
    let mut rows = 0;
    while out.get_ref().metadata().unwrap().len() < 200_000_000 {
        for i in 0..1000 {
            writeln!(
                out,
                "call,incoming,2024-0{}-1{} 09:30,possible_victim,spanish,yes,Doña Ana County,labour,no,no,\"{notes}{rows}\"",
                1 + i % 9,
                i % 10
            )
            .unwrap();
            rows += 1;
        }
        out.flush().unwrap();
    }
    drop(out);
    let Some(before) = peak_kib() else {
        eprintln!("\n*** NOT RUN: no /proc/self/status here ***\n");
        return;
    };
    let db_path = db.db_path();
    let args = [
        "intake",
        "--db",
        db_path.to_str().unwrap(),
        "contact",
        "import",
        file.to_str().unwrap(),
        "--user",
        "ana",
    ];
    let code = intake::cli::run(intake::cli::Cli::parse_from(args)).unwrap();
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    let peak = peak_kib().unwrap();
    println!("{rows} rows, 200 MB: peak RSS {before} KiB before, {peak} KiB after the import");
    assert!(peak < 64 * 1024, "peak RSS {peak} KiB");
    let n: i64 =
        db.open().conn().query_row("SELECT count(*) FROM contacts", [], |r| r.get(0)).unwrap();
    assert_eq!(n, rows);
}
