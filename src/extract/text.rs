//! Normalisation, tokens, quotes and sentences.
//!
//! The text is never rewritten: every token keeps the byte span of its
//! original surface and carries a normalised form (curly quotes and
//! apostrophes made straight, dashes unified), so later stages compare
//! normalised strings and report original offsets.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner hyphens split off, inner apostrophes kept).
    Word,
    /// Digits with separators ("175,000", "3.5").
    Number,
    /// A double quotation mark (straight or curly).
    Quote,
    /// Anything else (punctuation, symbols).
    Punct,
}

/// Longest string a [`TokStr`] keeps without a heap allocation; nearly
/// every word of news prose fits.
const INLINE: usize = 22;

/// An immutable token string that stores short text inline, so tokenizing
/// does not allocate twice per token (the allocator dominated the profile).
/// It dereferences to `str` and compares with `str`, `&str` and `String`.
#[derive(Clone)]
pub struct TokStr(Repr);

#[derive(Clone)]
enum Repr {
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

impl TokStr {
    /// Copies `s`, inline when it is short enough.
    pub fn new(s: &str) -> Self {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            TokStr(Repr::Inline(s.len() as u8, buf))
        } else {
            TokStr(Repr::Heap(s.into()))
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: the first `n` bytes were copied whole from a `&str` in
            // `new`, and the buffer is never mutated except by ASCII
            // lowercasing (which keeps UTF-8 valid), so they are valid UTF-8.
            Repr::Inline(n, buf) => unsafe { std::str::from_utf8_unchecked(&buf[..*n as usize]) },
            Repr::Heap(s) => s,
        }
    }

    /// Same result as `str::to_lowercase`, without allocating for short
    /// ASCII text.
    fn to_lowercase_tok(&self) -> TokStr {
        match &self.0 {
            Repr::Inline(n, buf) if buf[..*n as usize].is_ascii() => {
                let mut b = *buf;
                b[..*n as usize].make_ascii_lowercase();
                TokStr(Repr::Inline(*n, b))
            }
            _ => TokStr::from(self.as_str().to_lowercase()),
        }
    }
}

impl From<String> for TokStr {
    fn from(s: String) -> Self {
        if s.len() <= INLINE {
            TokStr::new(&s)
        } else {
            TokStr(Repr::Heap(s.into_boxed_str()))
        }
    }
}

impl From<&str> for TokStr {
    fn from(s: &str) -> Self {
        TokStr::new(s)
    }
}

impl std::ops::Deref for TokStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for TokStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for TokStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for TokStr {
    fn eq(&self, o: &TokStr) -> bool {
        self.as_str() == o.as_str()
    }
}

impl Eq for TokStr {}

impl std::hash::Hash for TokStr {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h)
    }
}

impl PartialEq<str> for TokStr {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl PartialEq<&str> for TokStr {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<String> for TokStr {
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o.as_str()
    }
}

impl PartialEq<TokStr> for str {
    fn eq(&self, o: &TokStr) -> bool {
        self == o.as_str()
    }
}

impl PartialEq<TokStr> for &str {
    fn eq(&self, o: &TokStr) -> bool {
        *self == o.as_str()
    }
}

impl PartialEq<TokStr> for String {
    fn eq(&self, o: &TokStr) -> bool {
        self.as_str() == o.as_str()
    }
}

impl std::fmt::Debug for TokStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for TokStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.as_str(), f)
    }
}

/// One token: original byte span, normalised surface, lowercase form.
#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub norm: TokStr,
    pub lower: TokStr,
    pub kind: TokKind,
    /// Whether whitespace precedes the token.
    pub space_before: bool,
}

impl Token {
    /// Starts with an uppercase letter.
    pub fn is_cap(&self) -> bool {
        self.norm.chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// Whether the token is the given punctuation/word (normalised).
    pub fn is(&self, s: &str) -> bool {
        self.norm == s
    }
}

/// A sentence: byte span and token range.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub t0: usize,
    pub t1: usize,
}

fn norm_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => "\"",
        '\u{2013}' | '\u{2012}' => "-",
        '\u{2014}' | '\u{2015}' => "--",
        '\u{2026}' => "...",
        _ => return None,
    })
}

fn is_apos(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// The auxiliary and modal verbs ("did", "has", "was", "will", "could" ...):
/// the words a verb group is built from, shared by the rules that walk over
/// one ("has not yet invaded", "Russia will also impose").
pub(crate) fn is_auxiliary(l: &str) -> bool {
    matches!(
        l,
        "did"
            | "does"
            | "do"
            | "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "might"
            | "may"
    )
}

/// How many symbols in a row make a run of decoration (see [`tokenize`]).
const SYMBOL_RUN: usize = 6;

/// Neither a letter, a digit, whitespace nor the end of the text.
fn is_symbol(c: char) -> bool {
    c != '\0' && !c.is_alphanumeric() && !c.is_whitespace()
}

/// Splits `text` into tokens with original byte spans.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_skipping(text, &[])
}

/// Tokens of an article's text, leaving out its page furniture (captions,
/// bylines, "Read more": see [`super::clean`]); spans stay in the original.
pub fn tokenize_article(text: &str) -> Vec<Token> {
    tokenize_skipping(text, &super::clean::noise_lines(text))
}

fn tokenize_skipping(text: &str, noise: &[(usize, usize)]) -> Vec<Token> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| -> char { if i < n { chars[i].1 } else { '\0' } };
    let off = |i: usize| -> usize { if i < n { chars[i].0 } else { text.len() } };
    let mut i = 0;
    let mut space = true;
    // Page furniture (captions, bylines, "Read more") yields no tokens.
    let mut ni = 0;
    while i < n {
        while ni < noise.len() && noise[ni].1 <= off(i) {
            ni += 1;
        }
        if ni < noise.len() && noise[ni].0 <= off(i) {
            while i < n && off(i) < noise[ni].1 {
                i += 1;
            }
            space = true;
            continue;
        }
        let c = at(i);
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphabetic() {
            // Dotted abbreviations of single letters: U.S., U.K., E.U., and "U.S" without the last dot.
            let mut j = i;
            let mut dotted = 0;
            while at(j).is_alphabetic()
                && at(j + 1) == '.'
                && (dotted > 0 || !at(j + 2).is_whitespace())
            {
                j += 2;
                dotted += 1;
            }
            if dotted >= 2 {
                i = j;
            } else if dotted == 1
                && c.is_uppercase()
                && at(j).is_uppercase()
                && !at(j + 1).is_alphanumeric()
            {
                i = j + 1;
            } else {
                i += 1;
                loop {
                    let d = at(i);
                    if d.is_alphanumeric() {
                        i += 1;
                    } else if is_apos(d) && at(i + 1).is_alphabetic() {
                        // Possessive 's is its own token; other apostrophes stay inside.
                        if (at(i + 1) == 's' || at(i + 1) == 'S') && !at(i + 2).is_alphanumeric() {
                            break;
                        }
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
            kind = TokKind::Word;
        } else if c.is_ascii_digit() {
            i += 1;
            loop {
                let d = at(i);
                if d.is_ascii_digit() || ((d == ',' || d == '.') && at(i + 1).is_ascii_digit()) {
                    i += 1;
                } else {
                    break;
                }
            }
            kind = TokKind::Number;
        } else if (0..SYMBOL_RUN).all(|k| is_symbol(at(i + k))) {
            // A run of symbols ("----------", "*******", a wall of quotes)
            // is decoration, not a dozen quotations: punctuation in prose
            // clusters in twos and threes (`."`, `?)`, `...`). One token
            // however long the run, so that no shape of text costs more
            // tokens than words.
            while is_symbol(at(i)) {
                i += 1;
            }
            kind = TokKind::Punct;
        } else if is_apos(c) && at(i + 1) == c {
            // Two apostrophes are a double quotation mark (''as in some
            // newspapers' archives'').
            i += 2;
            kind = TokKind::Quote;
        } else if is_apos(c)
            && (at(i + 1) == 's' || at(i + 1) == 'S')
            && !at(i + 2).is_alphanumeric()
            && !space
        {
            i += 2;
            kind = TokKind::Word;
        } else if c == '"' || matches!(norm_char(c), Some("\"")) {
            i += 1;
            kind = TokKind::Quote;
        } else if c == '-' && at(i + 1) == '-' {
            i += 2;
            kind = TokKind::Punct;
        } else {
            i += 1;
            kind = TokKind::Punct;
        }
        let s = off(start);
        let e = off(i);
        let raw = &text[s..e];
        let norm = if raw.chars().any(|c| norm_char(c).is_some()) {
            TokStr::from(
                raw.chars()
                    .map(|c| {
                        norm_char(c)
                            .map(str::to_owned)
                            .unwrap_or_else(|| c.to_string())
                    })
                    .collect::<String>(),
            )
        } else {
            TokStr::new(raw)
        };
        let norm = if kind == TokKind::Quote && norm != "\"" {
            TokStr::new("\"")
        } else {
            norm
        };
        let lower = norm.to_lowercase_tok();
        toks.push(Token {
            start: s,
            end: e,
            norm,
            lower,
            kind,
            space_before: space,
        });
        space = false;
    }
    toks
}

/// Abbreviations after which a period does not end a sentence.
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
    "gov", "sen", "rep", "rev", "st", "jr", "sr", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "dept",
    "est", "approx", "pres", "sec", "mt",
];

/// Words that start a new sentence after an ambiguous "U.S." at a period.
const STARTERS: &[&str] = &[
    "The",
    "But",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "A",
    "An",
    "This",
    "That",
    "There",
    "And",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "As",
    "At",
    "Russia",
    "Ukraine",
];

/// Marks which double quotes open and which close, and which tokens lie
/// inside a quotation. Returns, per token, the index of the opening quote
/// token of the quotation it lies in (exclusive of the marks themselves).
pub fn quote_spans(toks: &[Token], text: &str) -> Vec<Option<usize>> {
    let mut inside = vec![None; toks.len()];
    let mut open: Option<usize> = None;
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.kind == TokKind::Quote {
            let prev_space = t.space_before || i == 0;
            let next_space = i + 1 >= toks.len() || toks[i + 1].space_before;
            let next_punct = i + 1 < toks.len() && toks[i + 1].kind == TokKind::Punct;
            let is_opener = prev_space && !next_space && !next_punct;
            match open {
                Some(_) if !is_opener => open = None,
                Some(_) => open = Some(i), // unclosed quote followed by a new one
                None => {
                    if is_opener || !(!prev_space && (next_space || next_punct)) {
                        open = Some(i);
                    }
                }
            }
            continue;
        }
        // A paragraph break closes an open quotation.
        if let Some(o) = open {
            if i > 0 && text[toks[i - 1].end..t.start].contains("\n\n") {
                open = None;
            } else {
                inside[i] = Some(o);
            }
        }
    }
    inside
}

/// The most tokens a sentence may hold; news sentences hold under a hundred,
/// long quoted passages a few hundred.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Sentence boundaries. A period after an abbreviation, an initial or a
/// dotted acronym is not a boundary; inside a quotation the sentence
/// continues until the quotation closes (or a paragraph ends), so a quote
/// spanning several sentences stays with its attribution.
pub fn sentences(text: &str, toks: &[Token], inq: &[Option<usize>]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut t0 = 0;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let t = &toks[i];
        let mut boundary = false;
        let mut end_tok = i;
        // Paragraph break before the next token.
        if i + 1 < n && text[t.end..toks[i + 1].start].contains('\n') {
            boundary = true;
        } else if matches!(t.norm.as_str(), "." | "!" | "?" | "...")
            || (t.kind == TokKind::Word && t.norm.ends_with('.'))
        {
            // Closing quotes and brackets right after the stop belong to this sentence.
            let mut j = i + 1;
            while j < n
                && (toks[j].kind == TokKind::Quote || toks[j].norm == ")")
                && !toks[j].space_before
            {
                j += 1;
            }
            end_tok = j - 1;
            let next = toks.get(j);
            let starts_new = match next {
                None => true,
                Some(nx) => {
                    nx.space_before
                        && (nx.is_cap()
                            || nx.kind == TokKind::Quote
                            || nx.kind == TokKind::Number
                            || nx.norm == "(")
                }
            };
            let abbrev = if t.kind == TokKind::Word {
                // "U.S." : only before a typical sentence starter.
                !next.is_some_and(|nx| STARTERS.contains(&nx.norm.as_str()))
            } else if i > 0 {
                let p = &toks[i - 1];
                !t.space_before
                    && p.kind == TokKind::Word
                    && (ABBREV.contains(&p.lower.as_str())
                        || (p.norm.chars().count() == 1 && p.is_cap()))
            } else {
                false
            };
            // Inside an open quotation that will close later, keep going, unless the
            // next token opens a new quotation (the open one was left unclosed).
            let in_quote = inq.get(end_tok).copied().flatten().is_some()
                && toks.get(end_tok).is_some_and(|x| x.kind != TokKind::Quote)
                && next.is_some_and(|nx| nx.kind != TokKind::Quote)
                && quote_closes_later(toks, inq, end_tok);
            if starts_new && !abbrev && !in_quote {
                boundary = true;
            }
        }
        // A run of text with no sentence end (a feed without punctuation,
        // a table flattened into one line) is cut into pieces of bounded
        // length: every rule looks around inside its sentence, and every
        // fact carries its sentence as evidence, so an unbounded sentence
        // would make both grow with the square of its length.
        if i + 1 - t0 >= MAX_SENTENCE_TOKENS {
            boundary = true;
        }
        if boundary || i + 1 == n {
            let t1 = end_tok.max(i) + 1;
            if t1 > t0 {
                out.push(Sentence {
                    start: toks[t0].start,
                    end: toks[t1 - 1].end,
                    t0,
                    t1,
                });
            }
            t0 = t1;
            i = t1;
            continue;
        }
        i += 1;
    }
    out
}

fn quote_closes_later(toks: &[Token], inq: &[Option<usize>], at: usize) -> bool {
    let Some(open) = inq[at] else { return false };
    let mut j = at + 1;
    let mut budget = 120;
    while j < toks.len() && budget > 0 {
        if toks[j].kind == TokKind::Quote {
            // The next quote mark closes ours if tokens before it belonged to our quotation.
            return inq[j - 1] == Some(open) || toks[j - 1].kind == TokKind::Quote;
        }
        if inq[j] != Some(open) {
            return false;
        }
        j += 1;
        budget -= 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tok_str_matches_string_semantics() {
        for s in [
            "",
            "a",
            "Kyiv",
            "ÉTAT",
            "İstanbul",
            "Wait",
            "a-very-long-hyphenated-compound-word",
        ] {
            let t = TokStr::new(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(t.to_lowercase_tok().as_str(), s.to_lowercase());
            assert_eq!(TokStr::from(s.to_owned()), t);
        }
        assert!(TokStr::new("x") == "x" && "x" == TokStr::new("x"));
    }

    fn sents(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let q = quote_spans(&toks, text);
        sentences(text, &toks, &q)
            .iter()
            .map(|s| text[s.start..s.end].to_owned())
            .collect()
    }

    #[test]
    fn two_apostrophes_are_a_quotation_mark() {
        let toks = tokenize("''We agree,'' she said of Bob's plan.");
        let quotes: Vec<&str> = toks
            .iter()
            .filter(|t| t.kind == TokKind::Quote)
            .map(|t| t.norm.as_str())
            .collect();
        assert_eq!(quotes, ["\"", "\""]);
        assert!(toks.iter().any(|t| t.norm == "'s"));
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = sents("U.S. Gen. Mark Milley met on Jan. 5 with Mr. Smith. The talks ended.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn quote_spanning_sentences_stays_with_its_cue() {
        let s = sents("\"We are ready. We will act,\" the minister said. Then he left.");
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].ends_with("said."));
    }

    #[test]
    fn possessive_split_and_spans_are_original() {
        let text = "Ukraine\u{2019}s army \u{201C}won\u{201D}";
        let toks = tokenize(text);
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, vec!["Ukraine", "'s", "army", "\"", "won", "\""]);
        for t in &toks {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }

    #[test]
    fn dotted_acronyms_are_one_token() {
        let toks = tokenize("the U.S. and U.K. said");
        assert_eq!(toks[1].norm, "U.S.");
        assert_eq!(toks[3].norm, "U.K.");
    }
}
