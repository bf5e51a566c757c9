//! Running a command as a child process and measuring it: wall time and peak resident memory
//! (the child's own, from `wait4(2)`, so earlier children and this process do not count), and
//! the peak of its anonymous memory, sampled from `/proc`.
//!
//! Resident memory counts the pages of the index files the child maps and reads (tantivy
//! reads segments through `mmap`, and merging reads all of them): page cache, which the kernel
//! takes back under pressure. Anonymous memory is what the child allocates; the two are
//! reported apart so that a growing index is not mistaken for a growing heap.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How often the anonymous memory of a child is sampled.
pub const SAMPLE_EVERY: Duration = Duration::from_millis(100);

use anyhow::{bail, Context};

/// What one child run cost, and what it printed.
#[derive(Debug, Clone)]
pub struct Measured {
    pub elapsed: Duration,
    /// Peak resident set size in bytes.
    pub peak_rss: u64,
    /// Peak anonymous resident memory in bytes (`RssAnon`, sampled every
    /// [`SAMPLE_EVERY`]); 0 where `/proc` cannot be read.
    pub peak_anon: u64,
    pub stdout: String,
}

/// Runs `program args` and measures it; a failure is an error that shows the command and its
/// standard error.
pub fn run(program: &Path, args: &[&str]) -> anyhow::Result<Measured> {
    use std::io::Read;
    let started = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("running {}", program.display()))?;
    let pid = child.id() as libc::pid_t;
    let done = Arc::new(AtomicBool::new(false));
    let sampler = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut peak = 0;
            while !done.load(Ordering::Relaxed) {
                peak = peak.max(anonymous_bytes(pid).unwrap_or(0));
                std::thread::sleep(SAMPLE_EVERY);
            }
            peak
        })
    };
    // Both pipes are drained to their end, stderr on its own thread, so that a chatty child
    // never blocks on a full pipe.
    let stderr_pipe = child.stderr.take();
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut pipe) = stderr_pipe {
            let _ = pipe.read_to_string(&mut text);
        }
        text
    });
    let mut stdout = String::new();
    if let Some(mut pipe) = child.stdout.take() {
        let _ = pipe.read_to_string(&mut stdout);
    }
    let stderr = stderr_reader.join().unwrap_or_default();
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain old data that wait4 fills; `pid` is our own child, which
    // std has not reaped because we never call `Child::wait`.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = started.elapsed();
    done.store(true, Ordering::Relaxed);
    let peak_anon = sampler.join().unwrap_or(0);
    if reaped != pid {
        bail!(
            "waiting for {}: {}",
            program.display(),
            std::io::Error::last_os_error()
        );
    }
    let exited_ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    if !exited_ok {
        bail!(
            "{} {} failed (status {status}): {}",
            program.display(),
            args.join(" "),
            stderr.trim()
        );
    }
    Ok(Measured {
        elapsed,
        // Linux reports kilobytes.
        peak_rss: (usage.ru_maxrss.max(0) as u64) * 1024,
        peak_anon,
        stdout,
    })
}

/// The anonymous resident memory of process `pid` in bytes, from `/proc/<pid>/status`.
fn anonymous_bytes(pid: libc::pid_t) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kilobytes = status
        .lines()
        .find_map(|line| line.strip_prefix("RssAnon:"))?
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse::<u64>()
        .ok()?;
    Some(kilobytes * 1024)
}
