//! Finds where a field path (`claims[2].via[0]`) sits in a JSON text, so that
//! errors found after parsing (an unknown actor id, an impossible date) can
//! still point at a line and column. The text has already parsed, so the
//! scanner can trust its structure.

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn parse_path(path: &str) -> Option<Vec<Seg<'_>>> {
    let mut segs = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            segs.push(Seg::Key(key));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']')?;
            segs.push(Seg::Index(r[..close].parse().ok()?));
            rest = &r[close + 1..];
        }
    }
    Some(segs)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Index just past the string starting at `i` (which is a `"`), and the raw
/// content between the quotes.
fn string_end(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return Some((j + 1, j)),
            _ => j += 1,
        }
    }
    None
}

fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => string_end(b, i).map(|(e, _)| e),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j)?.0;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// The 1-based line and column (in characters) of the value at `path` in
/// `text`; `None` when the path is not there.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    for seg in parse_path(path)? {
        match seg {
            Seg::Key(k) => {
                if b.get(i) != Some(&b'{') {
                    return None;
                }
                i += 1;
                loop {
                    i = skip_ws(b, i);
                    if b.get(i) != Some(&b'"') {
                        return None;
                    }
                    let (end, close) = string_end(b, i)?;
                    let key = &text[i + 1..close];
                    i = skip_ws(b, end);
                    if b.get(i) != Some(&b':') {
                        return None;
                    }
                    i = skip_ws(b, i + 1);
                    if key == k {
                        break;
                    }
                    i = skip_ws(b, skip_value(b, i)?);
                    if b.get(i) != Some(&b',') {
                        return None;
                    }
                    i += 1;
                }
            }
            Seg::Index(n) => {
                if b.get(i) != Some(&b'[') {
                    return None;
                }
                i = skip_ws(b, i + 1);
                for _ in 0..n {
                    i = skip_ws(b, skip_value(b, i)?);
                    if b.get(i) != Some(&b',') {
                        return None;
                    }
                    i = skip_ws(b, i + 1);
                }
                if matches!(b.get(i), None | Some(b']')) {
                    return None;
                }
            }
        }
    }
    Some(line_col(text, i))
}

/// 1-based line and column (in characters) of byte offset `at`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
    let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "{\n  \"a\": {\"x\": [1, {\"y\": \"q\\\"}\"}]},\n  \"claims\": [\n    {\"id\": \"c1\"},\n    {\"id\": \"c2\", \"via\": [\"a1\", \"a9\"]}\n  ]\n}";

    #[test]
    fn finds_nested_values() {
        assert_eq!(locate(T, "claims[1].via[1]"), Some((5, 32)));
        assert_eq!(locate(T, "claims[0].id"), Some((4, 12)));
        assert_eq!(locate(T, "a.x[1].y"), Some((2, 24)));
    }

    #[test]
    fn missing_paths_are_none() {
        assert_eq!(locate(T, "claims[2]"), None);
        assert_eq!(locate(T, "nope"), None);
    }
}
