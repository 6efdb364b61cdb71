//! Standard error: a progress bar while the run is long, error messages that
//! do not collide with it, and the summary at the end.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// The bar appears only when a run has lasted this long: short runs, the
/// common case, never flash one.
const SHOW_AFTER: Duration = Duration::from_millis(700);
const REDRAW_EVERY: Duration = Duration::from_millis(150);

#[derive(Debug)]
pub struct Progress {
    bar: bool,
    summary: bool,
    start: Instant,
    last_draw: Option<Instant>,
    total_bytes: Option<u64>,
    pub bytes: u64,
    pub docs: u64,
    pub claims: u64,
    pub errors: u64,
}

impl Progress {
    pub fn new(total_bytes: Option<u64>, stats: bool, quiet: bool) -> Progress {
        let tty = std::io::stderr().is_terminal();
        Progress {
            bar: tty && !quiet,
            summary: (tty || stats) && !quiet,
            start: Instant::now(),
            last_draw: None,
            total_bytes,
            bytes: 0,
            docs: 0,
            claims: 0,
            errors: 0,
        }
    }

    /// Redraws the bar if it is due.
    pub fn tick(&mut self) {
        if !self.bar {
            return;
        }
        let now = Instant::now();
        let elapsed = now - self.start;
        if elapsed < SHOW_AFTER || self.last_draw.is_some_and(|t| now - t < REDRAW_EVERY) {
            return;
        }
        self.last_draw = Some(now);
        let line = self.line(elapsed);
        let _ = write!(std::io::stderr(), "\r\x1b[K{line}");
    }

    /// The bar's text after `elapsed`: a gauge when the input's size is
    /// known, then documents, claims, speed and errors.
    fn line(&self, elapsed: Duration) -> String {
        let mut line = String::new();
        if let Some(total) = self.total_bytes.filter(|&t| t > 0) {
            let frac = (self.bytes as f64 / total as f64).min(1.0);
            let width = 30;
            let full = (frac * width as f64) as usize;
            line.push('[');
            line.push_str(&"#".repeat(full));
            line.push_str(&"-".repeat(width - full));
            line.push_str(&format!(
                "] {:3.0}% {} / {}  ",
                frac * 100.0,
                mb(self.bytes),
                mb(total)
            ));
        } else {
            line.push_str(&format!("{}  ", mb(self.bytes)));
        }
        line.push_str(&format!(
            "{} docs, {} claims, {}",
            thousands(self.docs),
            thousands(self.claims),
            mb_per_s(self.bytes, elapsed)
        ));
        if self.errors > 0 {
            line.push_str(&format!(", {} errors", thousands(self.errors)));
        }
        line
    }

    /// Erases the bar, before something else goes to standard error.
    pub fn clear(&mut self) {
        if self.last_draw.take().is_some() {
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        }
    }

    /// Reports an error on standard error.
    pub fn error(&mut self, msg: &str) {
        self.clear();
        self.errors += 1;
        let _ = writeln!(std::io::stderr(), "claimant: {msg}");
    }

    /// A hint for a person at the terminal; nothing when standard error is
    /// not one or with --quiet.
    pub fn note(&mut self, msg: &str) {
        if self.bar {
            self.clear();
            let _ = writeln!(std::io::stderr(), "claimant: {msg}");
        }
    }

    /// The summary line, if it is wanted.
    pub fn finish(&mut self) {
        self.clear();
        if !self.summary {
            return;
        }
        let elapsed = self.start.elapsed();
        let _ = writeln!(
            std::io::stderr(),
            "claimant: {} documents, {} claims, {} errors; {} in {:.2} s, {}",
            thousands(self.docs),
            thousands(self.claims),
            thousands(self.errors),
            mb(self.bytes),
            elapsed.as_secs_f64(),
            mb_per_s(self.bytes, elapsed),
        );
    }
}

fn rate(bytes: u64, elapsed: Duration) -> f64 {
    bytes as f64 / elapsed.as_secs_f64().max(1e-6)
}

fn mb(bytes: u64) -> String {
    if bytes < 100_000 {
        format!("{:.1} KB", bytes as f64 / 1e3)
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// Always in MB/s, the unit the summary promises.
fn mb_per_s(bytes: u64, elapsed: Duration) -> String {
    format!("{:.1} MB/s", rate(bytes, elapsed) / 1e6)
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_lines() {
        let mut p = Progress::new(Some(30_000_000), false, true);
        (p.bytes, p.docs, p.claims) = (15_000_000, 1200, 34_567);
        assert_eq!(
            p.line(Duration::from_secs(2)),
            "[###############---------------]  50% 15.0 MB / 30.0 MB  1,200 docs, 34,567 claims, 7.5 MB/s"
        );
        // Standard input: no size, no gauge; errors when there are some.
        p.total_bytes = None;
        p.errors = 3;
        assert_eq!(
            p.line(Duration::from_secs(1)),
            "15.0 MB  1,200 docs, 34,567 claims, 15.0 MB/s, 3 errors"
        );
        // More bytes than announced (a file that grew): the gauge stays full.
        p.total_bytes = Some(10_000_000);
        assert!(p
            .line(Duration::from_secs(1))
            .starts_with("[##############################] 100%"));
    }

    #[test]
    fn thousands() {
        for (n, s) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (1234567, "1,234,567"),
        ] {
            assert_eq!(super::thousands(n), s);
        }
    }
}
