//! The portal in its own process for `--outside`: this benchmark started
//! again with `--serve`, its address read from what it prints, told to
//! scan and to stop through its input, and its CPU time read from `/proc`.

use std::io::BufRead;
use std::time::Duration;

use tokio::time::Instant;

/// The portal in its own process; killed when dropped, so every size ends
/// with its server gone even when a row panics.
pub(super) struct Server {
    child: std::process::Child,
    pub(super) base: String,
    /// The server's `/proc/<pid>/stat`.
    pub(super) stat: String,
    /// Clock ticks per second, the unit of the CPU times in `stat`.
    pub(super) tick: f64,
    /// What the server prints after its address (the scan's passes).
    stdout: std::io::BufReader<std::process::ChildStdout>,
    /// Where the benchmark tells the server to start and stop scanning.
    stdin: std::process::ChildStdin,
}

impl Server {
    /// Starts this binary with `--serve url` (and `--after-a-write` unless
    /// `keep_reads`: each page as the first visit after a write to it) and
    /// waits for the address it prints.
    pub(super) fn start(url: &str, keep_reads: bool) -> Server {
        Server::start_with(url, (!keep_reads).then_some("--after-a-write"))
    }

    /// Starts this binary with `--serve url` and the serving mode `mode`
    /// (`--after-a-write`, `--after-a-report`; kept reads when none).
    pub(super) fn start_with(url: &str, mode: Option<&str>) -> Server {
        let mut args = vec!["--serve", url];
        args.extend(mode);
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut addr = String::new();
        let read = stdout.read_line(&mut addr);
        if read.is_err() || addr.trim().is_empty() {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the server printed no address ({read:?})");
        }
        let stat = format!("/proc/{}/stat", child.id());
        let base = format!("http://{}", addr.trim());
        Server {
            child,
            base,
            stat,
            tick: ticks_per_second(),
            stdout,
            stdin,
        }
    }

    /// Starts the slippage scan in the server, pass after pass.
    pub(super) fn start_scanning(&mut self) {
        use std::io::Write;
        writeln!(self.stdin, "scan").unwrap();
    }

    /// Stops the scan; answers how many passes ran, their mean time and how
    /// many alerts they queued.
    pub(super) fn stop_scanning(&mut self) -> (usize, u64, u64) {
        use std::io::Write;
        writeln!(self.stdin, "stop").unwrap();
        let mut line = String::new();
        self.stdout.read_line(&mut line).unwrap();
        let mut words = line
            .split_whitespace()
            .map(|w| w.parse::<u64>().unwrap_or(0));
        (
            words.next().unwrap_or(0) as usize,
            words.next().unwrap_or(0),
            words.next().unwrap_or(0),
        )
    }

    /// Waits until the server's start-up work (its first slippage scan,
    /// which alerts the whole book) is done: half a second in which it used
    /// at most two clock ticks.
    pub(super) async fn settle(&self) {
        let give_up = Instant::now() + Duration::from_secs(300);
        let mut last = cpu_ticks(&self.stat);
        while Instant::now() < give_up {
            tokio::time::sleep(Duration::from_millis(500)).await;
            let now = cpu_ticks(&self.stat);
            if now.saturating_sub(last) <= 2 {
                return;
            }
            last = now;
        }
        eprintln!("the server was still busy after five minutes; measuring anyway");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Clock ticks per second (`getconf CLK_TCK`, nearly always 100).
fn ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|t| *t > 0.0)
        .unwrap_or(100.0)
}

/// A process's user + system time so far, in clock ticks: fields 14 and 15
/// of its `/proc/<pid>/stat`. The name (field 2) is in parentheses and may
/// hold spaces, so fields are counted from its closing parenthesis, after
/// which field 3 comes first.
pub(super) fn cpu_ticks(stat: &str) -> u64 {
    std::fs::read_to_string(stat)
        .ok()
        .and_then(|s| {
            let fields: Vec<&str> = s[s.rfind(')')? + 1..].split_whitespace().collect();
            let utime = fields.get(14 - 3)?.parse::<u64>().ok()?;
            let stime = fields.get(15 - 3)?.parse::<u64>().ok()?;
            Some(utime + stime)
        })
        .unwrap_or(0)
}
