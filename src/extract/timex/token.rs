//! A one-pass tokenizer: words, digit runs and single punctuation marks,
//! each with its byte span and the lexicon entry of its lower-case form.

use super::lexicon::{LEX, WordInfo};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token of the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub s: usize,
    pub e: usize,
    pub kind: Kind,
    /// Whitespace precedes it (or it starts the text).
    pub space: bool,
    /// A blank line or a line break precedes it.
    pub newline: bool,
    /// First letter is upper case.
    pub cap: bool,
    pub info: Option<&'static WordInfo>,
    /// A rule may start here.
    pub trig: bool,
    /// The value of a digit run of at most 9 digits, else -1.
    pub val: i64,
}

/// Tokens of `text`; `low` is `text` with ASCII letters lower-cased (same
/// byte offsets).
pub(crate) fn tokenize(text: &str, low: &str) -> Vec<Tok> {
    let lex = &*LEX;
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut space = true;
    let mut newline = true;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            if c == b'\n' {
                newline = true;
            }
            space = true;
            i += 1;
            continue;
        }
        let s = i;
        let kind;
        if c.is_ascii_digit() {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            kind = Kind::Num;
        } else if c.is_ascii_alphabetic() || (c >= 0x80 && is_alpha_at(text, i)) {
            while i < b.len() {
                let d = b[i];
                if d.is_ascii_alphabetic() {
                    i += 1;
                } else if d >= 0x80 && is_alpha_at(text, i) {
                    i += char_len(d);
                } else {
                    break;
                }
            }
            kind = Kind::Word;
        } else {
            i += if c >= 0x80 { char_len(c) } else { 1 };
            if c >= 0x80 && text[s..i].chars().all(char::is_whitespace) {
                space = true;
                continue;
            }
            kind = Kind::Punct;
        }
        let w = &low[s..i];
        let info = if kind == Kind::Word { lex.get(w) } else { None };
        let trig = match kind {
            Kind::Num => true,
            Kind::Word => info.is_some_and(|x| x.starts),
            Kind::Punct => matches!(&text[s..i], "'" | "’" | "‘"),
        };
        let val = if kind == Kind::Num && i - s <= 9 {
            b[s..i]
                .iter()
                .fold(0i64, |v, d| v * 10 + i64::from(d - b'0'))
        } else {
            -1
        };
        out.push(Tok {
            val,
            trig,
            s,
            e: i,
            kind,
            space,
            newline,
            cap: c.is_ascii_uppercase(),
            info,
        });
        space = false;
        newline = false;
    }
    out
}

fn char_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

fn is_alpha_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_words_numbers_and_marks() {
        let t = "On Dec. 7, 2021 the 16-month";
        let low = t.to_ascii_lowercase();
        let toks = tokenize(t, &low);
        let words: Vec<&str> = toks.iter().map(|k| &t[k.s..k.e]).collect();
        assert_eq!(
            words,
            [
                "On", "Dec", ".", "7", ",", "2021", "the", "16", "-", "month"
            ]
        );
        assert!(toks[1].info.and_then(|i| i.month).is_some());
        assert!(!toks[8].space && !toks[9].space);
    }

    #[test]
    fn non_ascii_letters_stay_inside_words() {
        let t = "Zelenskyy’s café — ok";
        let low = t.to_ascii_lowercase();
        let words: Vec<&str> = tokenize(t, &low).iter().map(|k| &t[k.s..k.e]).collect();
        assert_eq!(words, ["Zelenskyy", "’", "s", "café", "—", "ok"]);
    }
}
