//! A relation's templates read as pieces: text and `{name}` placeholders. Kept apart from the phrasing
//! of sentences because every fill and every check of whether a template suits a fact reads one,
//! thousands of times per build: the pieces are kept on the stack, without an allocation per read.

use crate::facts::Qualifiers;

/// Qualifiers that narrow what a fact claims: a question or statement that drops one of them could ask
/// something untrue, so a template is used only if it names every one of these the fact carries.
pub(crate) const RESTRICTING: [&str; 3] = ["context", "region", "as_of"];

/// One piece of a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    Text(&'t str),
    Placeholder(&'t str),
}

/// A template whose braces do not pair up: it fills nothing and suits no fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unbalanced;

/// A template's pieces in order, read as they are asked for (see [`pieces`]).
pub(crate) struct Pieces<'t> {
    /// What is left to read.
    rest: &'t str,
    /// A placeholder read with the text before it, given next.
    placeholder: Option<&'t str>,
    /// Whether the end (or an unbalanced brace) has been reached.
    done: bool,
}

impl<'t> Iterator for Pieces<'t> {
    type Item = Result<Piece<'t>, Unbalanced>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(name) = self.placeholder.take() {
            return Some(Ok(Piece::Placeholder(name)));
        }
        if self.done {
            return None;
        }
        let rest = self.rest;
        // Braces are single bytes: a byte search finds them where `str::find` would.
        let Some(open) = find_byte(rest, b'{') else {
            self.done = true;
            if find_byte(rest, b'}').is_some() {
                return Some(Err(Unbalanced));
            }
            return (!rest.is_empty()).then_some(Ok(Piece::Text(rest)));
        };
        let after = &rest[open + 1..];
        let Some(close) = find_byte(after, b'}') else {
            self.done = true;
            return Some(Err(Unbalanced));
        };
        let name = &after[..close];
        self.rest = &after[close + 1..];
        if open > 0 {
            self.placeholder = Some(name);
            Some(Ok(Piece::Text(&rest[..open])))
        } else {
            Some(Ok(Piece::Placeholder(name)))
        }
    }
}

/// Where `byte` first stands in `text`: a plain loop, as a template is a few dozen bytes, shorter
/// than a vectorised search pays off on.
fn find_byte(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|other| other == byte)
}

/// Splits a template into text and `{name}` placeholders, read in order without building a list; an
/// unbalanced brace reads as [`Unbalanced`] (and nothing after it).
pub(crate) fn pieces(template: &str) -> Pieces<'_> {
    Pieces {
        rest: template,
        placeholder: None,
        done: false,
    }
}

/// The placeholder names of a template other than `subject` and `object` (none when unbalanced).
pub(crate) fn qualifier_names(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for piece in pieces(template) {
        match piece {
            Ok(Piece::Placeholder(name)) if name != "subject" && name != "object" => {
                names.push(name)
            }
            Ok(_) => {}
            Err(Unbalanced) => return Vec::new(),
        }
    }
    names
}

/// Whether a template can be used for a fact: it names only qualifiers the fact has, and every
/// restricting qualifier the fact has (see [`RESTRICTING`]).
pub(crate) fn usable(template: &str, qualifiers: &Qualifiers) -> bool {
    let mut restricting_named = [false; RESTRICTING.len()];
    for piece in pieces(template) {
        match piece {
            Ok(Piece::Placeholder(name)) => {
                if let Some(at) = RESTRICTING
                    .iter()
                    .position(|&restricting| restricting == name)
                {
                    restricting_named[at] = true;
                }
                if name != "subject" && name != "object" && !qualifiers.has_placeholder(name) {
                    return false;
                }
            }
            Ok(Piece::Text(_)) => {}
            Err(Unbalanced) => return false,
        }
    }
    RESTRICTING
        .iter()
        .zip(restricting_named)
        .all(|(name, named)| named || !qualifiers.has_placeholder(name))
}

/// Whether every qualifier a template names is present (restricting qualifiers may be left out, as in a
/// select-all question that holds whatever the qualifiers).
pub(crate) fn fillable(template: &str, qualifiers: &Qualifiers) -> bool {
    pieces(template).all(|piece| match piece {
        Ok(Piece::Placeholder(name)) if name != "subject" && name != "object" => {
            qualifiers.has_placeholder(name)
        }
        Ok(_) => true,
        Err(Unbalanced) => false,
    })
}

/// Whether a template only reads right with options shown ("Which of these ...").
pub(crate) fn needs_options(template: &str) -> bool {
    let lower = template.to_lowercase();
    lower.contains("of these") || lower.contains("of the following")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parse as first written: every piece pushed to a list.
    fn listed(template: &str) -> Option<Vec<Piece<'_>>> {
        let mut out = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                out.push(Piece::Text(&rest[..open]));
            }
            let after = &rest[open + 1..];
            let close = after.find('}')?;
            out.push(Piece::Placeholder(&after[..close]));
            rest = &after[close + 1..];
        }
        if rest.contains('}') {
            return None;
        }
        if !rest.is_empty() {
            out.push(Piece::Text(rest));
        }
        Some(out)
    }

    /// `usable` as first written, on the listed parse.
    fn usable_listed(template: &str, qualifiers: &Qualifiers) -> bool {
        let Some(parts) = listed(template) else {
            return false;
        };
        let names = || {
            parts.iter().filter_map(|piece| match piece {
                Piece::Placeholder(name) => Some(*name),
                Piece::Text(_) => None,
            })
        };
        let has_all = names()
            .filter(|name| *name != "subject" && *name != "object")
            .all(|name| qualifiers.has_placeholder(name));
        let keeps_restrictions = RESTRICTING
            .iter()
            .filter(|name| qualifiers.has_placeholder(name))
            .all(|name| names().any(|named| named == *name));
        has_all && keeps_restrictions
    }

    #[test]
    fn a_long_template_keeps_every_piece() {
        let template = "{a} {b} {c} {d} {e} {f} {g} {h}.";
        let parts: Vec<Piece<'_>> = pieces(template)
            .collect::<Result<_, _>>()
            .expect("balanced");
        assert_eq!(parts.len(), 16);
        assert_eq!(Some(parts.clone()), listed(template));
        assert_eq!(parts[14], Piece::Placeholder("h"));
    }

    proptest::proptest! {
        #[test]
        fn pieces_read_in_order_are_the_listed_parse(template in "[a{}b ]{0,40}") {
            let read: Option<Vec<Piece<'_>>> = pieces(&template).collect::<Result<_, _>>().ok();
            proptest::prop_assert_eq!(read, listed(&template));
        }

        #[test]
        fn a_template_suits_the_qualifiers_the_listed_parse_says(
            template in "(\\{(subject|object|context|region|as_of|role|year)\\}|[ a{}])*",
            context in proptest::bool::ANY,
            role in proptest::bool::ANY,
        ) {
            let qualifiers = Qualifiers {
                context: context.then(|| "at the premiere".to_string()),
                role: role.then(|| "FBI Agent".to_string()),
                ..Qualifiers::default()
            };
            proptest::prop_assert_eq!(
                usable(&template, &qualifiers),
                usable_listed(&template, &qualifiers)
            );
            let fillable_listed = listed(&template).is_some_and(|parts| {
                parts.iter().all(|piece| match piece {
                    Piece::Placeholder(name) if *name != "subject" && *name != "object" => {
                        qualifiers.has_placeholder(name)
                    }
                    _ => true,
                })
            });
            proptest::prop_assert_eq!(fillable(&template, &qualifiers), fillable_listed);
        }
    }
}
