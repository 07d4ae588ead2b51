//! Article cleaning before segmentation: lines that are no part of the
//! story (photo captions and credits, bylines, "Leave a reply", "Read
//! more", newsletter and related-link lines, share buttons, reporting
//! credits). The text itself is never changed: the tokenizer skips the
//! byte ranges found here, so every later offset still points into the
//! original text, and a pronoun after a caption resolves past it.

/// Byte ranges `[start, end)` of whole lines to leave out, in text order.
pub fn noise_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if is_noise(line.trim().trim_start_matches(['"', '\u{201C}', '\''])) {
            out.push((start, end));
        }
        start = end;
    }
    out
}

/// Openings of lines that are page furniture rather than story.
const OPENINGS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "read more",
    "related:",
    "related coverage",
    "related articles",
    "related stories",
    "recommended:",
    "sign up for",
    "sign up to",
    "subscribe to",
    "click here",
    "share this",
    "share on",
    "advertisement",
    "photo:",
    "photos:",
    "photo by",
    "photograph:",
    "photograph by",
    "image:",
    "image credit",
    "image source",
    "credit:",
    "caption:",
    "(photo",
    "(ap photo",
    "file photo",
    "copyright",
    "©",
    "all rights reserved",
    "reporting by",
    "(reporting by",
    "additional reporting by",
    "editing by",
    "writing by",
    "don't miss",
    "don’t miss",
    "watch:",
    "listen:",
    "more:",
    "see also:",
    "also read:",
    "also see:",
    "top stories",
];

/// Marks inside a short line that make it a photo caption or credit.
const CREDIT_MARKS: &[&str] = &[
    "(ap photo",
    "getty images",
    "/getty",
    "/reuters)",
    "(reuters/",
    "photo credit",
    "(photo by",
    "(photo:",
    "/afp)",
    "(afp/",
    "afp via getty",
    "/ap)",
    "(image:",
    "(credit:",
    "shutterstock",
];

fn is_noise(line: &str) -> bool {
    // Every kind of furniture is a short line; paragraphs of the story are
    // left alone without a look.
    if line.is_empty() || line.len() >= 400 {
        return false;
    }
    let lower = line.to_lowercase();
    if OPENINGS.iter().any(|o| lower.starts_with(o)) && line.len() < 300 {
        return true;
    }
    if line.len() < 400 && CREDIT_MARKS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    // A separator of underscores or dashes.
    if line.len() >= 3
        && line
            .chars()
            .all(|c| matches!(c, '_' | '-' | '*' | '=' | '.' | ' '))
    {
        return true;
    }
    // "Follow Jane Roe on Twitter @janeroe"
    if lower.starts_with("follow ") && (lower.contains("twitter") || lower.contains('@')) {
        return line.len() < 200;
    }
    // A newsletter plug: "Get our daily newsletter ...".
    if lower.contains("newsletter") && (lower.contains("sign up") || lower.contains("subscribe")) {
        return line.len() < 250;
    }
    is_byline(line)
}

/// "By Jane Roe", "By Jane Roe and John Doe, Example Post", "By JANE ROE |
/// Example Wire": a short line naming the writers.
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    if line.len() > 120 || line.ends_with('.') && !line.ends_with(".,") && rest.len() > 60 {
        return false;
    }
    // The names: capitalised words, "and", initials, before a comma or bar.
    let names = rest.split([',', '|', '\u{2014}', '-']).next().unwrap_or("");
    let words: Vec<&str> = names.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            matches!(*w, "and" | "&" | "de" | "van" | "von" | "al")
                || w.chars().next().is_some_and(char::is_uppercase)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines_are_found_with_their_offsets() {
        let text = "By Jane Roe and Tom Bell, Example Post\n\
                    The council said on Monday it would close the bridge.\n\
                    The mayor waves to residents in the old town. (AP Photo/Sam Example)\n\
                    Read more: bridges in the region\n\
                    She added that repairs would take a year.\n\
                    Follow Jane Roe on Twitter @janeroe\n";
        let got: Vec<&str> = noise_lines(text)
            .iter()
            .map(|&(s, e)| text[s..e].trim())
            .collect();
        assert_eq!(
            got,
            [
                "By Jane Roe and Tom Bell, Example Post",
                "The mayor waves to residents in the old town. (AP Photo/Sam Example)",
                "Read more: bridges in the region",
                "Follow Jane Roe on Twitter @janeroe",
            ]
        );
    }

    #[test]
    fn story_lines_stay() {
        for line in [
            "By the end of the week the council had voted twice.",
            "Readers said the bridge mattered to them.",
            "The photo showed the mayor at the bridge.",
        ] {
            assert!(!is_noise(line), "{line}");
        }
    }

    #[test]
    fn a_pronoun_resolves_past_a_caption() {
        let b = crate::extract::extract_text(
            "Mayor Ana Sousa spoke at the harbour on Monday.\n\n\
             Workers repair the pier in the rain. (AP Photo/Sam Example)\n\n\
             She said the pier would reopen in May.",
            (2022, 3, 1),
        );
        assert_eq!(b.claims.len(), 1, "{:?}", b.claims);
        let who = b
            .actors
            .iter()
            .find(|a| a.id == b.claims[0].claimant)
            .unwrap();
        assert_eq!(who.name, "Ana Sousa");
    }
}
