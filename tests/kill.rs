//! Crash safety: the process that writes is killed with SIGKILL at random points, over
//! and over on the same data directory, and after every kill the store must reopen with
//! every acknowledged save present and every record decodable.
//!
//! The writer is the hidden `sochibo __stress-writer`: it saves members one by one
//! through `Store::save_member` (every fourth save edits an earlier member), printing
//! `try <id|new> <name>` before and `ack <id> <name>` right after each save returned.
//! A save whose `ack` was read must be on disk; the one save in flight when the process
//! died (a `try` without its `ack`) may be there or not, but only whole.
//!
//! The kill points come from a seeded generator (`SOCHIBO_KILL_SEED`, default fixed;
//! `SOCHIBO_KILL_ITERATIONS`, default 30), so a failure can be replayed.
#![cfg(unix)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sochibo::domain::member::Member;
use sochibo::store::Store;

/// xorshift64*: enough randomness for kill points, no crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What one writer run said before it died.
#[derive(Default)]
struct Heard {
    /// Acknowledged saves in order: id, name.
    acks: Vec<(u64, String)>,
    /// The save in flight when it died: the id for an edit (`None` for a new member),
    /// and the name it was saving.
    pending: Option<(Option<u64>, String)>,
}

fn listen(lines: &[String]) -> Heard {
    let mut heard = Heard::default();
    for line in lines {
        let mut parts = line.splitn(3, ' ');
        let (Some(kind), Some(id), Some(name)) = (parts.next(), parts.next(), parts.next()) else {
            // The last line may be cut off by the kill: that save is not acknowledged.
            continue;
        };
        match kind {
            "try" => heard.pending = Some((id.parse().ok(), name.to_string())),
            "ack" => {
                heard
                    .acks
                    .push((id.parse().expect("ack id"), name.to_string()));
                heard.pending = None;
            }
            _ => panic!("unexpected line from the writer: {line:?}"),
        }
    }
    heard
}

/// A stored member is whole: its notes were written with its name (see the writer).
fn whole(m: &Member) -> bool {
    m.notes.starts_with(&format!("{}: ", m.full_name))
}

fn run_writer_and_kill(data: &Path, prefix: &str, delay: Duration) -> (Heard, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sochibo"))
        .args(["__stress-writer", "--prefix", prefix, "--data"])
        .arg(data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the writer");
    let stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    std::thread::sleep(delay);
    // Child::kill sends SIGKILL on Unix: no destructor, no flush, no exit handler runs.
    child.kill().expect("kill the writer");
    let status = child.wait().expect("wait for the writer");
    let lines = reader.join().expect("reader thread");
    let mut err = String::new();
    let _ = stderr.read_to_string(&mut err);
    assert_eq!(
        status.signal(),
        Some(9),
        "the writer should have been killed, but it ended by itself ({status}): {err}"
    );
    (listen(&lines), err)
}

#[test]
fn acknowledged_saves_survive_sigkill_at_random_points() {
    let seed = env_or("SOCHIBO_KILL_SEED", 0x5eed_2026_0008);
    let iterations = env_or("SOCHIBO_KILL_ITERATIONS", 30);
    let mut rng = Rng(seed | 1);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let started = Instant::now();

    // id → the name it must have now.
    let mut known: HashMap<u64, String> = HashMap::new();
    let (mut acked, mut in_flight, mut in_flight_kept) = (0usize, 0usize, 0usize);
    for it in 0..iterations {
        // Mostly in the middle of a run of saves (a debug build starts saving after
        // about 90 ms, then saves every few ms), sometimes while it starts and opens.
        let delay = Duration::from_millis(if rng.below(5) == 0 {
            rng.below(100)
        } else {
            100 + rng.below(300)
        });
        let (heard, err) = run_writer_and_kill(&data, &format!("k{it}"), delay);
        let context =
            format!("iteration {it}, seed {seed:#x}, killed after {delay:?}; writer stderr: {err}");
        acked += heard.acks.len();
        for (id, name) in &heard.acks {
            known.insert(*id, name.clone());
        }

        let store = Store::open(&data)
            .unwrap_or_else(|e| panic!("the store must reopen after SIGKILL: {e} ({context})"));
        let members: HashMap<u64, Member> = store
            .members()
            .unwrap_or_else(|e| panic!("every member record must decode: {e} ({context})"))
            .into_iter()
            .collect();
        store
            .history()
            .unwrap_or_else(|e| panic!("every history entry must decode: {e} ({context})"));
        store.branch().expect("the branch profile decodes");

        let pending = heard.pending.clone();
        if pending.is_some() {
            in_flight += 1;
        }
        for (id, name) in &known {
            let m = members.get(id).unwrap_or_else(|| {
                panic!("acknowledged member {id} ({name}) is missing ({context})")
            });
            assert!(whole(m), "member {id} is not whole: {m:?} ({context})");
            let in_flight_edit =
                matches!(&pending, Some((Some(pid), pname)) if pid == id && m.full_name == *pname);
            assert!(
                m.full_name == *name || in_flight_edit,
                "member {id} should be {name:?}, found {:?} ({context})",
                m.full_name
            );
        }
        // The in-flight save, if it made it to disk, is whole and from now on must stay.
        let mut unknown: Vec<(&u64, &Member)> = members
            .iter()
            .filter(|(id, _)| !known.contains_key(id))
            .collect();
        match &pending {
            Some((None, pname)) => {
                assert!(unknown.len() <= 1, "{unknown:?} ({context})");
                if let Some((id, m)) = unknown.pop() {
                    assert_eq!(&m.full_name, pname, "({context})");
                    assert!(whole(m));
                    known.insert(*id, pname.clone());
                    in_flight_kept += 1;
                }
            }
            Some((Some(pid), pname)) => {
                assert!(unknown.is_empty(), "{unknown:?} ({context})");
                if members.get(pid).is_some_and(|m| m.full_name == *pname) {
                    known.insert(*pid, pname.clone());
                    in_flight_kept += 1;
                }
            }
            None => assert!(unknown.is_empty(), "{unknown:?} ({context})"),
        }
        assert_eq!(members.len(), known.len(), "({context})");
    }
    let took = started.elapsed();
    eprintln!(
        "kill test: {iterations} kills in {took:.1?}, {acked} acknowledged saves all present \
         ({} members), {in_flight} kills in the middle of a save ({in_flight_kept} of those \
         saves reached the disk whole, the others left no trace)",
        known.len()
    );
    assert!(acked > 0, "the writer never got to save anything");
    assert!(
        took < Duration::from_secs(50),
        "the kill test must stay well under a minute: {took:?}"
    );
}
