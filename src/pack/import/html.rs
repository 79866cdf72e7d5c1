//! Turning the HTML that quiz banks store (Moodle's `[html]` text, Open Trivia DB's entities) into the plain
//! text a terminal shows: tags removed, line and paragraph breaks kept, entities decoded.

/// Plain text from HTML: `<br>` and block ends become line breaks, other tags vanish, entities are
/// decoded, and when there were tags, invisible characters are dropped, blank lines collapsed and outer
/// white space trimmed (see [`super::tidy`]). A `<` that does not start a tag (`3 < 5`) stays. Text
/// without tags only has its entities decoded, so `&lt;b&gt;` comes back exactly as `<b>`.
pub fn html_to_text(html: &str) -> String {
    let mut plain = String::with_capacity(html.len());
    let mut rest = html;
    let mut tags = false;
    while let Some(at) = rest.find('<') {
        plain.push_str(&rest[..at]);
        let after = &rest[at..];
        match tag_length(after) {
            Some(length) => {
                tags = true;
                let tag = after[1..length - 1].trim().to_ascii_lowercase();
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                if name == "br" || (tag.starts_with('/') && BLOCKS.contains(&name.as_str())) {
                    plain.push('\n');
                } else if name == "li" && !tag.starts_with('/') {
                    plain.push_str("\n- ");
                }
                rest = &after[length..];
            }
            None => {
                plain.push('<');
                rest = &after[1..];
            }
        }
    }
    plain.push_str(rest);
    let decoded = html_escape::decode_html_entities(&plain);
    if !tags {
        return decoded.into_owned();
    }
    let tidied = super::tidy(&decoded);
    // Collapse the runs of blank lines that nested blocks leave.
    let mut text = String::with_capacity(tidied.len());
    for line in tidied.split('\n').map(str::trim_end) {
        if line.trim().is_empty() && (text.is_empty() || text.ends_with("\n\n")) {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(line);
    }
    text.trim().to_string()
}

/// Whether text holds markup worth converting: a tag or an entity.
pub fn looks_like_html(text: &str) -> bool {
    text.match_indices('<')
        .any(|(at, _)| tag_length(&text[at..]).is_some())
        || text.match_indices('&').any(|(at, _)| {
            let after = &text[at + 1..];
            let end = after.find(';').filter(|&end| (1..=32).contains(&end));
            end.is_some_and(|end| {
                let name = &after[..end];
                name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
            })
        })
}

/// Elements whose end is a line break in text.
const BLOCKS: [&str; 12] = [
    "p", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
];

/// The length of the tag at the start of `text` (`<b>`, `</p>`, `<img src="x">`, `<!-- -->`), if it is one.
fn tag_length(text: &str) -> Option<usize> {
    let second = text[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!') {
        return None;
    }
    if text.starts_with("<!--") {
        return text.find("-->").map(|end| end + 3);
    }
    let mut quote = None;
    for (index, character) in text.char_indices().skip(1) {
        match (quote, character) {
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(character),
            (None, '>') => return Some(index + 1),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_and_entities_decode() {
        assert_eq!(
            html_to_text("<p>Who wrote <b>&quot;Hamlet&quot;</b>?</p>"),
            "Who wrote \"Hamlet\"?"
        );
        assert_eq!(html_to_text("one<br/>two"), "one\ntwo");
        assert_eq!(html_to_text("<p>a</p><p>b</p>"), "a\nb");
        assert_eq!(html_to_text("3 < 5 &amp; 5 > 3"), "3 < 5 & 5 > 3");
        assert_eq!(
            html_to_text("<img src=\"a>b.png\" alt='x'>Caf&eacute;&nbsp;"),
            "Café"
        );
        assert_eq!(
            html_to_text("&lt;b&gt; \u{a0}&amp;amp; "),
            "<b> \u{a0}&amp; "
        );
        assert_eq!(html_to_text("a <!-- note --> b"), "a  b");
    }

    #[test]
    fn markup_is_recognised() {
        assert!(looks_like_html("<b>x</b>"));
        assert!(looks_like_html("Tom &amp; Jerry"));
        assert!(looks_like_html("&#039;"));
        assert!(!looks_like_html("AT&T and 3 < 5"));
        assert!(!looks_like_html("Tom & Jerry; and more"));
    }
}
