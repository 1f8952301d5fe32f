//! Memory over a long shift: each PIN check (an unlock, a login) runs argon2 over 19 MiB. The
//! console keeps one working memory for that and reuses it, so the process does not grow with
//! every unlock. Alone in its own test binary, so no other test's memory is counted.

use intake::auth::pin;

/// The resident set of this process, in KiB, from /proc/self/status (Linux).
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn memory_stays_flat_over_many_pin_checks() {
    let stored = pin::hash("508731", pin::PRODUCTION).unwrap();
    assert!(pin::verify("508731", &stored));
    let Some(before) = rss_kib() else {
        eprintln!("\n*** NOT RUN: no /proc/self/status here ***\n");
        return;
    };
    for i in 0..40 {
        // Unlocks and logins, right and wrong, and a PIN change now and then.
        assert_eq!(pin::verify(if i % 3 == 0 { "111112" } else { "508731" }, &stored), i % 3 != 0);
        if i % 10 == 0 {
            pin::hash("90817263", pin::PRODUCTION).unwrap();
        }
    }
    let after = rss_kib().unwrap();
    println!("RSS before {before} KiB, after 40 PIN checks {after} KiB");
    assert!(after <= before + 2048, "grew from {before} KiB to {after} KiB");
}
