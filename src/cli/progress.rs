//! A progress line for long commands: done / total, rate and time left,
//! redrawn in place on a terminal at most ten times a second, and silent
//! when standard error is not a terminal (logs and pipes get no `\r`
//! noise).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// One progress line on standard error.
pub struct Progress {
    what: &'static str,
    total: usize,
    start: Instant,
    last: Option<Instant>,
    shown: bool,
    enabled: bool,
}

impl Progress {
    /// A progress line for `total` items called `what` ("documents"); it
    /// draws only on a terminal and when `total` is at least `min`.
    pub fn new(what: &'static str, total: usize, min: usize) -> Progress {
        Progress {
            what,
            total,
            start: Instant::now(),
            last: None,
            shown: false,
            enabled: std::io::stderr().is_terminal() && total >= min,
        }
    }

    /// Records that `done` items are finished.
    pub fn update(&mut self, done: usize) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let due = self
            .last
            .is_none_or(|t| now.duration_since(t) >= Duration::from_millis(100));
        if !due && done < self.total {
            return;
        }
        self.last = Some(now);
        self.shown = true;
        let line = line(self.what, done, self.total, now.duration_since(self.start));
        let mut err = std::io::stderr().lock();
        // Padding clears what a longer previous line left behind.
        let _ = write!(err, "\r{line:<72}");
        let _ = err.flush();
    }

    /// Ends the line, if one was drawn.
    pub fn finish(&mut self) {
        if self.shown {
            eprintln!();
            self.shown = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `12,000/50,000 documents  4,100/s  0:09 left`.
fn line(what: &str, done: usize, total: usize, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let mut s = format!("ingest: {}/{} {what}", thousands(done), thousands(total));
    if secs >= 0.2 && done > 0 {
        let rate = done as f64 / secs;
        s.push_str(&format!("  {}/s", thousands(rate.round() as usize)));
        if done < total {
            let left = ((total - done) as f64 / rate).ceil() as u64;
            s.push_str(&format!("  {} left", clock(left)));
        } else {
            s.push_str(&format!("  in {}", clock(secs.ceil() as u64)));
        }
    }
    s
}

fn thousands(n: usize) -> String {
    let d = n.to_string();
    let mut o = String::with_capacity(d.len() + d.len() / 3);
    for (i, c) in d.chars().enumerate() {
        if i > 0 && (d.len() - i) % 3 == 0 {
            o.push(',');
        }
        o.push(c);
    }
    o
}

/// `m:ss`, or `h:mm:ss` from an hour on.
fn clock(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_and_time_left() {
        assert_eq!(
            line("documents", 12_000, 50_000, Duration::from_secs(3)),
            "ingest: 12,000/50,000 documents  4,000/s  0:10 left"
        );
        assert_eq!(
            line("documents", 50_000, 50_000, Duration::from_secs(3725)),
            "ingest: 50,000/50,000 documents  13/s  in 1:02:05"
        );
        assert_eq!(
            line("documents", 0, 10, Duration::ZERO),
            "ingest: 0/10 documents"
        );
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
