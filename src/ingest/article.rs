//! Article readers: `.txt`/`.md` files with a `Key: value` header or YAML-style
//! front matter, JSON Lines of articles, and directories of either.
//!
//! For text files the header lines other than the title are blanked out
//! (replaced by spaces) rather than cut, so byte offsets in the extraction
//! point into the file as it is on disk, and the title is read as text.

use crate::error::{Error, Result};
use crate::extract::Article;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// Metadata given on the command line; each field overrides the article's own.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
}

/// An article as read, before the publication date is required.
#[derive(Debug, Clone)]
pub struct RawArticle {
    /// Where it came from (file, or file and line for JSON Lines).
    pub path: PathBuf,
    pub line: Option<usize>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub text: String,
}

impl RawArticle {
    /// Applies the overrides and checks that a publication date is known.
    pub fn finish(self, o: &Overrides) -> Result<Article> {
        if self.text.trim().is_empty() {
            return Err(Error::Invalid {
                path: self.path.clone(),
                line: self.line,
                field: "text".into(),
                message: "the article has no text (only a header, or nothing)".into(),
            });
        }
        let published = o
            .published
            .or(self.published)
            .ok_or_else(|| Error::Invalid {
                path: self.path.clone(),
                line: self.line,
                field: "published".into(),
                message:
                    "the article has no publication date; add a `Date: YYYY-MM-DD` header line \
                      (or `date`/`published` in JSON) or pass --published YYYY-MM-DD"
                        .into(),
            })?;
        Ok(Article {
            title: o.title.clone().or(self.title),
            publisher: o.publisher.clone().or(self.publisher),
            url: o.url.clone().or(self.url),
            published,
            text: self.text,
        })
    }
}

/// Parses a date as found in article headers: `2021-12-04`, an RFC 3339
/// timestamp, `December 4, 2021`, `Dec 4, 2021`, `4 December 2021`, `2021/12/04`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_matches('"').trim_matches('\'').trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if s.len() >= 10 && s.is_char_boundary(10) {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
            return Some(d);
        }
    }
    let cleaned = s.replace('.', "");
    for f in [
        "%B %d, %Y",
        "%b %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%Y/%m/%d",
        "%B %d %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, f) {
            return Some(d);
        }
    }
    None
}

fn header_key(k: &str) -> Option<&'static str> {
    Some(match k.trim().to_ascii_lowercase().as_str() {
        "title" | "headline" => "title",
        "outlet" | "publisher" | "source" | "publication" => "publisher",
        "date" | "published" | "pubdate" | "published_at" | "date_published" => "published",
        "url" | "link" => "url",
        "author" | "byline" | "authors" | "tags" | "lang" | "language" | "id" | "section" => {
            "other"
        }
        _ => return None,
    })
}

fn set_field(a: &mut RawArticle, key: &str, value: &str) {
    let v = value
        .trim()
        .trim_matches('"')
        .trim_matches('\'')
        .trim()
        .to_owned();
    if v.is_empty() {
        return;
    }
    match key {
        "title" => a.title = Some(v),
        "publisher" => a.publisher = Some(v),
        "published" => a.published = parse_date(&v),
        "url" => a.url = Some(v),
        _ => {}
    }
}

fn blank(text: &mut String, start: usize, end: usize) {
    // Newlines stay, and a multi-byte character becomes as many spaces as it
    // had bytes, so every later byte offset is unchanged.
    let spaces: String = text[start..end]
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_owned()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    text.replace_range(start..end, &spaces);
}

/// Reads one text article (`Key: value` header or `---` front matter).
pub fn parse_text(path: &Path, content: &str) -> RawArticle {
    let mut a = RawArticle {
        path: path.to_owned(),
        line: None,
        title: None,
        publisher: None,
        published: None,
        url: None,
        text: content.to_owned(),
    };
    let mut text = content.to_owned();
    let mut pos = 0;
    let front = content.starts_with("---\n") || content.starts_with("---\r\n");
    if front {
        pos = content.find('\n').map_or(content.len(), |i| i + 1);
        let mut title_span = None;
        while pos < content.len() {
            let end = content[pos..]
                .find('\n')
                .map_or(content.len(), |i| pos + i + 1);
            let line = content[pos..end].trim_end();
            if line == "---" {
                pos = end;
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if let Some(key) = header_key(k) {
                    set_field(&mut a, key, v);
                    if key == "title" {
                        let vs = pos + k.len() + 1;
                        title_span = Some((vs, pos + line.len()));
                    }
                }
            }
            pos = end;
        }
        blank(&mut text, 0, pos);
        if let Some((s, e)) = title_span {
            // Put the title back where it was, so it is read as the first paragraph.
            text.replace_range(s..e, &content[s..e].replace(['"'], " "));
        }
        a.text = text;
        return a;
    }
    // `Key: value` lines at the top, ending at a blank line.
    let mut lines = Vec::new();
    while pos < content.len() {
        let end = content[pos..]
            .find('\n')
            .map_or(content.len(), |i| pos + i + 1);
        let line = content[pos..end].trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            break;
        }
        match line.split_once(':') {
            Some((k, _)) if header_key(k).is_some() && !k.contains(' ') => lines.push((pos, end)),
            _ => {
                lines.clear();
                break;
            }
        }
        pos = end;
    }
    if lines.is_empty() {
        return a;
    }
    for &(s, e) in &lines {
        let line = content[s..e].trim_end_matches(['\n', '\r']);
        let (k, v) = line.split_once(':').unwrap_or((line, ""));
        let key = header_key(k).unwrap_or("other");
        set_field(&mut a, key, v);
        if key == "title" {
            // Blank only "Title:" so the title stays in place as text.
            blank(&mut text, s, s + k.len() + 1);
        } else {
            blank(&mut text, s, s + line.len());
        }
    }
    a.text = text;
    a
}

/// Reads JSON Lines of articles: `title`, `outlet`/`publisher`,
/// `date`/`published`, `url`, `text`.
pub fn parse_jsonl(path: &Path, content: &str) -> Result<Vec<RawArticle>> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| Error::Json {
            path: path.to_owned(),
            line: i + 1,
            column: e.column(),
            message: e.to_string(),
        })?;
        let get = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| v.get(*k).and_then(|x| x.as_str()).map(str::to_owned))
        };
        let Some(text) = get(&["text", "body", "content"]) else {
            return Err(Error::Invalid {
                path: path.to_owned(),
                line: Some(i + 1),
                field: "text".into(),
                message: "an article needs a `text` field".into(),
            });
        };
        out.push(RawArticle {
            path: path.to_owned(),
            line: Some(i + 1),
            title: get(&["title", "headline"]),
            publisher: get(&["publisher", "outlet", "source"]),
            published: get(&["published", "date"]).as_deref().and_then(parse_date),
            url: get(&["url", "link"]),
            text,
        });
    }
    Ok(out)
}

/// Whether a path names an article file this module reads.
pub fn is_article_file(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown" | "jsonl")
    )
}

/// Reads a file (by extension) or a directory (recursively, in name order).
pub fn read_path(path: &Path) -> Result<Vec<RawArticle>> {
    let io = |e| Error::Io {
        path: path.to_owned(),
        source: e,
    };
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        let mut out = Vec::new();
        for p in entries {
            if p.is_dir() || is_article_file(&p) {
                out.extend(read_path(&p)?);
            }
        }
        return Ok(out);
    }
    let content = std::fs::read_to_string(path).map_err(io)?;
    read_str(path, &content)
}

/// Reads article content already in memory; `path` decides the format
/// (`.jsonl` is JSON Lines, anything else a text article).
pub fn read_str(path: &Path, content: &str) -> Result<Vec<RawArticle>> {
    // Refused as an empty interchange file is: a header-only or blank file
    // with --published would otherwise become a document with no text.
    if content.trim().is_empty() {
        return Err(Error::Invalid {
            path: path.to_owned(),
            line: None,
            field: "file".into(),
            message: "empty file: expected an article or interchange JSON".into(),
        });
    }
    if path.extension().and_then(|e| e.to_str()) == Some("jsonl") {
        parse_jsonl(path, content)
    } else {
        Ok(vec![parse_text(path, content)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_is_blanked_and_offsets_kept() {
        let src = "Title: Talks end\nOutlet: Wire\nDate: 2021-12-04\n\nThe talks ended.";
        let a = parse_text(Path::new("a.txt"), src);
        assert_eq!(a.title.as_deref(), Some("Talks end"));
        assert_eq!(a.publisher.as_deref(), Some("Wire"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2021, 12, 4));
        assert_eq!(a.text.len(), src.len());
        let i = src.find("The talks").unwrap();
        assert_eq!(&a.text[i..], "The talks ended.");
        assert!(a.text.contains("Talks end"));
        assert!(!a.text.contains("Outlet"));
    }

    #[test]
    fn front_matter_and_missing_date() {
        let src = "---\ntitle: \"A\"\npublisher: X\n---\nBody text.";
        let a = parse_text(Path::new("a.md"), src);
        assert_eq!(a.publisher.as_deref(), Some("X"));
        assert!(a.published.is_none());
        let err = a.clone().finish(&Overrides::default()).unwrap_err();
        assert!(err.to_string().contains("--published"));
        let ok = a
            .finish(&Overrides {
                published: parse_date("2022-01-02"),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(ok.published.to_string(), "2022-01-02");
    }

    #[test]
    fn no_header_means_all_text() {
        let a = parse_text(Path::new("a.txt"), "Biden, Putin Set Call\n\nText.");
        assert!(a.title.is_none());
        assert!(a.text.starts_with("Biden"));
    }

    #[test]
    fn jsonl_articles() {
        let src =
            "{\"title\":\"T\",\"outlet\":\"O\",\"date\":\"2021-12-04\",\"text\":\"Hello.\"}\n";
        let v = parse_jsonl(Path::new("a.jsonl"), src).unwrap();
        assert_eq!(v[0].publisher.as_deref(), Some("O"));
        assert!(parse_date("December 4, 2021").is_some());
    }
}
