//! Aligned plain-text tables for terminals.

use super::Rows;
use std::io::{self, Write};

/// Longest cell printed, in characters; longer text is cut with "…" (the
/// JSON and CSV formats carry it whole).
pub const MAX_CELL: usize = 70;

/// How wide tables are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// Cells cut at [`MAX_CELL`] (standard output is a pipe or a file).
    Cells,
    /// Cells cut at [`MAX_CELL`], then the widest columns narrowed until a
    /// line fits this many characters.
    Fit(usize),
    /// Every cell whole (`--wide`).
    Whole,
}

/// 0 = cells, 1 = whole, n + 2 = fit to n.
static WIDTH: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Sets how [`write`] fits tables (the command line does, once).
pub fn set_width(w: Width) {
    let v = match w {
        Width::Cells => 0,
        Width::Whole => 1,
        Width::Fit(n) => n.saturating_add(2),
    };
    WIDTH.store(v, std::sync::atomic::Ordering::Relaxed);
}

fn width_setting() -> Width {
    match WIDTH.load(std::sync::atomic::Ordering::Relaxed) {
        0 => Width::Cells,
        1 => Width::Whole,
        n => Width::Fit(n - 2),
    }
}

/// Narrowest a column is made when fitting: a few letters and the "…".
const MIN_COLUMN: usize = 6;

/// Column widths narrowed, widest first, until the line (columns and their
/// two-space gaps) fits `total`; a column keeps at least its header or
/// [`MIN_COLUMN`] characters, so a very narrow terminal still gets a table.
fn fit(width: &mut [usize], header: &[String], total: usize) {
    let gaps = 2 * width.len().saturating_sub(1);
    let floor: Vec<usize> = header
        .iter()
        .zip(width.iter())
        .map(|(h, &w)| w.min(h.chars().count().max(MIN_COLUMN)))
        .collect();
    let mut sum: usize = width.iter().sum::<usize>() + gaps;
    while sum > total {
        let Some((i, _)) = width
            .iter()
            .enumerate()
            .filter(|(i, w)| **w > floor[*i])
            .max_by_key(|(i, w)| (**w, std::cmp::Reverse(*i)))
        else {
            break;
        };
        width[i] -= 1;
        sum -= 1;
    }
}

fn cut(s: &str, max: usize) -> String {
    let s = s.replace(['\n', '\r', '\t'], " ");
    if s.chars().count() <= max || max == 0 {
        s
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// Writes the rows as a table with a header and a rule, columns separated by
/// two spaces. An empty result prints nothing (the caller says so).
pub fn write(rows: &Rows, out: &mut dyn Write) -> io::Result<()> {
    write_with(rows, width_setting(), out)
}

/// [`write`] with the width given rather than the command line's.
pub fn write_with(rows: &Rows, setting: Width, out: &mut dyn Write) -> io::Result<()> {
    let max = if setting == Width::Whole {
        usize::MAX
    } else {
        MAX_CELL
    };
    let mut cells: Vec<Vec<String>> = rows
        .rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c, max)).collect())
        .collect();
    let mut width: Vec<usize> = rows.header.iter().map(|h| h.chars().count()).collect();
    for r in &cells {
        for (i, c) in r.iter().enumerate() {
            width[i] = width[i].max(c.chars().count());
        }
    }
    if let Width::Fit(total) = setting {
        fit(&mut width, &rows.header, total);
        for r in &mut cells {
            for (i, c) in r.iter_mut().enumerate() {
                if c.chars().count() > width[i] {
                    *c = cut(c, width[i]);
                }
            }
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> io::Result<()> {
        let last = cells.len().saturating_sub(1);
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            s.push_str(c);
            if i < last {
                s.extend(std::iter::repeat_n(' ', width[i] - c.chars().count() + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(&rows.header, out)?;
    let rule: Vec<String> = width.iter().map(|w| "-".repeat(*w)).collect();
    line(&rule, out)?;
    for r in &cells {
        line(r, out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_and_cuts() {
        let mut r = Rows::new(&["when", "what"]);
        r.push(vec!["June 2021".into(), "summit".into()]);
        r.push(vec!["2021-12-07".into(), "x".repeat(100)]);
        let mut out = Vec::new();
        write(&r, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "when        what");
        assert_eq!(lines[2], "June 2021   summit");
        assert!(lines[3].ends_with('…'));
        assert_eq!(lines[3].chars().count(), 12 + MAX_CELL);
    }

    #[test]
    fn fits_the_terminal_or_prints_whole() {
        let mut r = Rows::new(&["when", "what", "who"]);
        r.push(vec![
            "2024-03-02".into(),
            "the harbour strike enters its third day as talks stall".into(),
            "Dockworkers Union, Port Authority".into(),
        ]);
        let text = |w: Width| {
            let mut out = Vec::new();
            write_with(&r, w, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let fitted = text(Width::Fit(60));
        assert!(fitted.lines().all(|l| l.chars().count() <= 60), "{fitted}");
        assert!(fitted.lines().nth(2).unwrap().contains('…'));
        // The date column is not the one cut: the widest go first.
        assert!(fitted.lines().nth(2).unwrap().starts_with("2024-03-02  "));
        let whole = text(Width::Whole);
        assert!(whole.contains("talks stall") && whole.contains("Port Authority"));
        let long = "y".repeat(100);
        r.push(vec!["x".into(), long.clone(), "z".into()]);
        let mut out = Vec::new();
        write_with(&r, Width::Whole, &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains(&long));
    }
}
