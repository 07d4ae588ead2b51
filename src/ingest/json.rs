//! The interchange JSON reader: one bundle per file, or JSON Lines with one
//! bundle per line. Errors name the file, the line and column, and the field
//! path (`claims[0].quantity.value`).

use super::{Source, SourcedBundle, locate::line_col, validate};
use crate::error::{Error, Result};
use crate::model::Bundle;
use std::io::Read;
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

/// Parses one bundle from `text`, which starts at line `line` of the file.
fn parse_one(path: &Path, text: &str, line: usize) -> Result<SourcedBundle> {
    let mut de = serde_json::Deserializer::from_str(text);
    let bundle: Bundle = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| json_error(path, line, e.path().to_string(), e.into_inner()))?;
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
