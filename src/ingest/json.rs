//! The interchange JSON reader: one bundle per file, or JSON Lines with one
//! bundle per line. Errors name the file, the line and column, and the field
//! path (`claims[0].quantity.value`).

use super::{Source, SourcedBundle, locate::line_col, validate};
use crate::error::{Error, Result};
use crate::model::Bundle;
use serde::Deserialize;
use std::io::{BufRead, Read};
use std::path::Path;

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The bytes of a file, or of standard input for `-`. A directory or a
/// missing file is an error naming the path.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    if is_stdin(path) {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).map_err(io)?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(Error::Invalid {
            path: path.to_owned(),
            line: None,
            field: "input".into(),
            message: "is a directory; give the interchange JSON files inside it".into(),
        });
    }
    std::fs::read(path).map_err(io)
}

/// Whether the bytes look like interchange JSON (their first non-blank
/// character opens an object). Used to tell bundles from other inputs.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    b.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'{')
}

/// Parses and validates the bundles of one input. A file whose first
/// non-blank line is a complete JSON value and which has more lines is read
/// as JSON Lines; anything else as one JSON object.
pub fn parse_bundles(path: &Path, bytes: &[u8]) -> Result<Vec<SourcedBundle>> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let ok = e.valid_up_to();
        let prefix = std::str::from_utf8(&bytes[..ok]).unwrap_or_default();
        let (line, column) = line_col(prefix, ok);
        Error::Json {
            path: path.to_owned(),
            line,
            column,
            message: format!("invalid UTF-8 (byte 0x{:02x} at offset {ok})", bytes[ok]),
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::Invalid {
            path: path.to_owned(),
            line: None,
            field: "input".into(),
            message: "empty file: expected an interchange JSON bundle".into(),
        });
    }
    let first = text.find(|c: char| !c.is_whitespace()).unwrap_or(0);
    if !text[first..].starts_with('{') {
        let (line, column) = line_col(text, first);
        return Err(Error::Json {
            path: path.to_owned(),
            line,
            column,
            message: "not interchange JSON: expected `{` opening a bundle object".into(),
        });
    }

    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let first_line = lines.next().map(|(_, l)| l).unwrap_or_default();
    let json_lines =
        lines.next().is_some() && serde_json::from_str::<serde::de::IgnoredAny>(first_line).is_ok();

    let mut out = Vec::new();
    if json_lines {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            out.push(parse_one(path, line, i + 1)?);
        }
    } else {
        out.push(parse_one(path, text, 1)?);
    }
    Ok(out)
}

/// Reads the bundles of one file lazily, so that a large JSON Lines file
/// never sits in memory whole: one line at a time. A file whose first
/// non-blank line is not a complete JSON value is read whole and parsed as
/// one bundle. Each item is parsed and validated like [`parse_bundles`].
pub struct BundleReader {
    path: std::path::PathBuf,
    input: Box<dyn BufRead>,
    /// 1-based number of the last line read.
    line: usize,
    started: bool,
    done: bool,
    yielded: usize,
}

impl BundleReader {
    /// Opens a file (not standard input, which cannot be read twice; use
    /// [`read_bytes`] and [`parse_bundles`] for it).
    pub fn open(path: &Path) -> Result<BundleReader> {
        let io = |source| Error::Io {
            path: path.to_owned(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            // Same message as read_bytes.
            return read_bytes(path).map(|_| unreachable!("a directory"));
        }
        let file = std::fs::File::open(path).map_err(io)?;
        Ok(BundleReader {
            path: path.to_owned(),
            input: Box::new(std::io::BufReader::with_capacity(1 << 16, file)),
            line: 0,
            started: false,
            done: false,
            yielded: 0,
        })
    }

    /// The next line as text (without the newline), `None` at the end.
    fn next_line(&mut self) -> Result<Option<String>> {
        let mut buf = Vec::new();
        let n = self
            .input
            .read_until(b'\n', &mut buf)
            .map_err(|source| Error::Io {
                path: self.path.clone(),
                source,
            })?;
        if n == 0 {
            return Ok(None);
        }
        self.line += 1;
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        if self.line == 1 && buf.starts_with(b"\xEF\xBB\xBF") {
            buf.drain(..3);
        }
        String::from_utf8(buf).map(Some).map_err(|e| {
            let bytes = e.as_bytes();
            let ok = e.utf8_error().valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..ok]).unwrap_or_default();
            Error::Json {
                path: self.path.clone(),
                line: self.line,
                column: line_col(prefix, ok).1,
                message: format!("invalid UTF-8 (byte 0x{:02x})", bytes[ok]),
            }
        })
    }

    fn next_bundle(&mut self) -> Result<Option<SourcedBundle>> {
        loop {
            let Some(line) = self.next_line()? else {
                if self.yielded == 0 {
                    return Err(Error::Invalid {
                        path: self.path.clone(),
                        line: None,
                        field: "input".into(),
                        message: "empty file: expected an interchange JSON bundle".into(),
                    });
                }
                return Ok(None);
            };
            if line.trim().is_empty() {
                continue;
            }
            if !self.started {
                self.started = true;
                let first = line.find(|c: char| !c.is_whitespace()).unwrap_or(0);
                if !line[first..].starts_with('{') {
                    return Err(Error::Json {
                        path: self.path.clone(),
                        line: self.line,
                        column: line_col(&line, first).1,
                        message: "not interchange JSON: expected `{` opening a bundle object"
                            .into(),
                    });
                }
                if serde_json::from_str::<serde::de::IgnoredAny>(&line).is_err() {
                    // One bundle spread over many lines: read the rest.
                    let start = self.line;
                    let mut text = line;
                    while let Some(l) = self.next_line()? {
                        text.push('\n');
                        text.push_str(&l);
                    }
                    self.done = true;
                    return parse_one(&self.path, &text, start).map(Some);
                }
            }
            return parse_one(&self.path, &line, self.line).map(Some);
        }
    }
}

impl Iterator for BundleReader {
    type Item = Result<SourcedBundle>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_bundle() {
            Ok(Some(b)) => {
                self.yielded += 1;
                Some(Ok(b))
            }
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// How many bundles a file holds, as [`BundleReader`] will read them, found
/// without parsing them: the non-blank lines of a JSON Lines file, else 1.
/// Reading a file is much cheaper than parsing it, so this lets a single
/// streaming pass know its size up front (for progress, and for the store's
/// bulk path). A missing file or a directory is the same error as
/// [`BundleReader::open`] gives.
pub fn count_bundles(path: &Path) -> Result<usize> {
    let mut r = BundleReader::open(path)?;
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    // The first non-blank line decides the format, as in the reader.
    let mut first = Vec::new();
    loop {
        first.clear();
        if r.input.read_until(b'\n', &mut first).map_err(io)? == 0 {
            return Ok(0);
        }
        if !first.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    let text = String::from_utf8_lossy(&first);
    let text = text.trim_start_matches('\u{feff}');
    if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
        return Ok(1);
    }
    let mut n = 1;
    let mut blank = true;
    loop {
        let buf = r.input.fill_buf().map_err(io)?;
        if buf.is_empty() {
            break;
        }
        for &c in buf {
            if c == b'\n' {
                n += usize::from(!blank);
                blank = true;
            } else if !c.is_ascii_whitespace() {
                blank = false;
            }
        }
        let len = buf.len();
        r.input.consume(len);
    }
    Ok(n + usize::from(!blank))
}

/// Parses one bundle from `text`, which starts at line `line` of the file.
fn parse_one(path: &Path, text: &str, line: usize) -> Result<SourcedBundle> {
    // Tracking the field path costs as much as the parse itself, so it is
    // done only to explain a bundle that failed: the same parser on the
    // same text fails the same way.
    let mut de = serde_json::Deserializer::from_str(text);
    let bundle = match Bundle::deserialize(&mut de) {
        Ok(bundle) => bundle,
        Err(_) => {
            let mut de = serde_json::Deserializer::from_str(text);
            let e = match serde_path_to_error::deserialize::<_, Bundle>(&mut de) {
                Err(e) => json_error(path, line, e.path().to_string(), e.into_inner()),
                Ok(_) => Error::Invalid {
                    path: path.to_owned(),
                    line: Some(line),
                    field: String::new(),
                    message: "the bundle parsed only on a second attempt".into(),
                },
            };
            return Err(e);
        }
    };
    de.end()
        .map_err(|e| json_error(path, line, String::new(), e))?;
    let source = Source {
        path: path.to_owned(),
        line,
    };
    validate(&bundle, &source, Some(text))?;
    Ok(SourcedBundle { bundle, source })
}

fn json_error(path: &Path, first_line: usize, field: String, e: serde_json::Error) -> Error {
    let full = e.to_string();
    let bare = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    let what = match e.classify() {
        serde_json::error::Category::Eof => format!("truncated JSON ({bare})"),
        serde_json::error::Category::Syntax => format!("invalid JSON ({bare})"),
        _ => bare.to_owned(),
    };
    let field = if field.is_empty() || field == "." {
        String::new()
    } else {
        format!("field `{field}`: ")
    };
    Error::Json {
        path: path.to_owned(),
        line: first_line + e.line().max(1) - 1,
        column: e.column(),
        message: format!("{field}{what}"),
    }
}

/// The JSON Schema of the interchange format (a [`Bundle`] per object),
/// generated from the serde types. `schema/interchange.schema.json` is this,
/// pretty-printed; a test keeps the two in sync.
pub fn interchange_schema() -> String {
    let schema = schemars::schema_for!(Bundle);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"{"document": {"id": "d1", "published": "2021-12-04"},
 "actors": [{"id": "a1", "name": "Ukraine", "kind": "country"}],
 "claims": [{"id": "c1", "claimant": "a1", "statement": "s", "evidence": {"start": 0, "end": 1, "text": "s"}}]}"#;

    fn err(text: &str) -> String {
        parse_bundles(Path::new("f.json"), text.as_bytes())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn one_object_over_many_lines() {
        let b = parse_bundles(Path::new("f.json"), OK.as_bytes()).unwrap();
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].bundle.claims.len(), 1);
    }

    #[test]
    fn json_lines() {
        let one = OK.replace('\n', "");
        let text = format!("{one}\n\n{}\n", one.replace("d1", "d2"));
        let b = parse_bundles(Path::new("f.jsonl"), text.as_bytes()).unwrap();
        assert_eq!(b.len(), 2);
        assert_eq!(b[1].source.line, 3);
        assert_eq!(b[1].bundle.document.id, "d2");
    }

    #[test]
    fn wrong_type_names_field_line_and_column() {
        let e = err(&OK.replace(r#""start": 0"#, r#""start": "zero""#));
        assert!(e.starts_with("f.json:3:"), "{e}");
        assert!(e.contains("claims[0].evidence.start"), "{e}");
    }

    #[test]
    fn truncated_json() {
        let e = err(&OK[..OK.len() - 10]);
        assert!(e.contains("truncated JSON"), "{e}");
    }

    #[test]
    fn impossible_published_date() {
        let e = err(&OK.replace("2021-12-04", "2021-02-30"));
        assert!(
            e.contains("document.published") && e.starts_with("f.json:1:"),
            "{e}"
        );
    }

    #[test]
    fn unknown_actor_points_at_the_value() {
        let e = err(&OK.replace(r#""claimant": "a1""#, r#""claimant": "a7""#));
        assert!(e.starts_with("f.json:3:38: claims[0].claimant"), "{e}");
    }

    /// The streaming reader reads what the whole-file parser reads, and
    /// fails where it fails.
    #[test]
    fn streaming_reader_agrees() {
        let dir = tempfile::tempdir().unwrap();
        let one = OK.replace('\n', "");
        let cases = [
            OK.to_owned(),
            format!("{one}\n\n{}\n", one.replace("d1", "d2")),
            format!("\u{feff}{one}"),
            OK[..OK.len() - 10].to_owned(),
            OK.replace(r#""claimant": "a1""#, r#""claimant": "a7""#),
            "  \n".to_owned(),
            "plain text".to_owned(),
            format!("{one}\n{{\"document\": 3}}\n"),
        ];
        for (i, text) in cases.iter().enumerate() {
            let f = dir.path().join(format!("{i}.json"));
            std::fs::write(&f, text).unwrap();
            let whole = parse_bundles(&f, text.as_bytes());
            let streamed: Result<Vec<SourcedBundle>> = BundleReader::open(&f).unwrap().collect();
            match (whole, streamed) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.len(), b.len(), "case {i}");
                    assert_eq!(count_bundles(&f).unwrap(), b.len(), "case {i}");
                    for (x, y) in a.iter().zip(&b) {
                        assert_eq!(x.bundle, y.bundle, "case {i}");
                        assert_eq!(x.source, y.source, "case {i}");
                    }
                }
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "case {i}"),
                (a, b) => panic!(
                    "case {i}: {:?} vs {:?}",
                    a.map(|v| v.len()),
                    b.map(|v| v.len())
                ),
            }
        }
        let mut bad = format!("{one}\n{{\"document\": \"").into_bytes();
        bad.extend(b"\xff\"}\n");
        let f = dir.path().join("bad.json");
        std::fs::write(&f, &bad).unwrap();
        let e = BundleReader::open(&f)
            .unwrap()
            .find_map(|r| r.err())
            .unwrap()
            .to_string();
        assert!(
            e.contains("invalid UTF-8") && e.contains("bad.json:2:15"),
            "{e}"
        );
    }

    #[test]
    fn invalid_utf8_and_empty() {
        let e = parse_bundles(Path::new("f.json"), b"{\"a\":\n \"\xff\"}")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("f.json:2:3") && e.contains("invalid UTF-8"),
            "{e}"
        );
        assert!(err("  \n").contains("empty file"));
        assert!(err("Russia massed troops.").contains("not interchange JSON"));
    }
}
