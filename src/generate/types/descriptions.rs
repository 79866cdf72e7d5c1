//! The author's descriptions of entities as an explanation teaches them: cut to the fewest leading
//! clauses that say something new ("Dre is a rapper and producer from Compton."), less the clauses
//! that only restate an entity's part in the quiz's subject.

use crate::facts::Entity;

use super::super::phrasing;
use super::super::search;
use super::seen::Seen;
use super::{Context, Draft};

/// The first clauses of an entity's description, as an explanation may cut it.
pub(super) struct DescriptionHead {
    /// The clauses joined: "rapper and producer from Compton".
    text: String,
    /// The text normalised.
    words: String,
    /// Whether the description may end here: no bracket left open, and the next clause is not the
    /// rest of a date.
    cuttable: bool,
}

/// By entity position, its description's heads with and without the clauses naming the quiz's
/// subject (see [`Context::description_heads`]), once worked out.
pub(super) type DescriptionHeads = [std::cell::OnceCell<Option<Vec<DescriptionHead>>>; 2];

/// The author's description of an entity, cut to what teaches.
pub(super) struct Described {
    /// The entity described.
    pub(super) entity: usize,
    /// As a noun phrase: "a rapper and producer from Compton".
    pub(super) phrase: String,
    /// As a sentence of its own: "Dre is a rapper and producer from Compton."
    pub(super) sentence: String,
}

impl Context<'_> {
    /// "Jay Nierenberg is a sound editor of the series.": the description of the first entity of the
    /// question's facts that has one (the object, then the subject), unless the explanation already
    /// says it.
    pub(super) fn description_sentence(
        &self,
        draft: &Draft,
        seen: &Seen,
        main: bool,
    ) -> Option<Described> {
        self.described(draft, seen, main, true)
    }

    /// [`Self::description_sentence`], keeping or dropping the clauses of a description that
    /// name the quiz's subject.
    pub(super) fn described(
        &self,
        draft: &Draft,
        seen: &Seen,
        main: bool,
        drop_subject_clauses: bool,
    ) -> Option<Described> {
        draft.facts.iter().find_map(|&fact| {
            // (The fact's entities by position, not looked up by id.)
            self.index
                .object_of(fact)
                .into_iter()
                .chain(self.index.subject_of(fact))
                .filter(|entity| entity.main == main)
                .find_map(|entity| {
                    let heads = self.description_heads(entity, drop_subject_clauses && !main)?;
                    // The fewest leading clauses that teach: "Dre is a rapper and producer from
                    // Compton." rather than the whole biography after every quotation.
                    let mut taken = heads.len();
                    for count in 1..heads.len() {
                        let head = &heads[count - 1];
                        if head.cuttable
                            && seen.adds_words(&head.words, false)
                            && !seen.repeats_figure(&head.words)
                        {
                            taken = count;
                            break;
                        }
                    }
                    // No clause left: nothing to say.
                    let chosen = &heads[taken.checked_sub(1)?];
                    let (description, normalised) = (chosen.text.as_str(), chosen.words.as_str());
                    if description.is_empty()
                        || seen.repeats_figure(normalised)
                        || search::contains(&seen.text, normalised.trim())
                        || !seen.adds_words(normalised, false)
                    {
                        return None;
                    }
                    let starts_plain = description.chars().next().is_some_and(|c| c.is_lowercase())
                        && !["the ", "a ", "an "]
                            .iter()
                            .any(|article| description.starts_with(article));
                    // The entity was named in full just before: "Hughes is a film director",
                    // "It is a 1958 film".
                    let name = if self.opens_explanation(draft, entity) {
                        "It"
                    } else {
                        self.index.short_name(entity)
                    };
                    let bare = description.trim_end_matches('.');
                    let phrase = if starts_plain {
                        [phrasing::indefinite_article(description), " ", bare].concat()
                    } else {
                        bare.to_string()
                    };
                    let sentence = phrasing::capitalise(&[name, " is ", &phrase, "."].concat());
                    Some(Described {
                        entity: self.index.position(entity)?,
                        phrase,
                        sentence,
                    })
                })
        })
    }

    /// The leading clauses of the entity's description, one more in each head (see
    /// [`DescriptionHead`]), less the clauses that name the quiz's subject when
    /// `drop_subject_clauses`; `None` without a description (worked out once per entity).
    pub(super) fn description_heads(
        &self,
        entity: &Entity,
        drop_subject_clauses: bool,
    ) -> Option<&[DescriptionHead]> {
        let position = self.index.position(entity)?;
        let heads = self.description_heads[position][usize::from(drop_subject_clauses)]
            .get_or_init(|| {
                // Clauses that name the quiz's subject restate the entity's part in it ("rapper,
                // interviewed in The Defiant Ones"): only the rest teaches.
                // A clause ends at a comma or a semicolon ("rock band produced by Jimmy Iovine;
                // Bono is its singer"), and a head keeps the mark that came before each clause.
                // Each clause is normalised once: the normaliser folds word by word, and a mark
                // (", " or "; ") only parts words, so a head's words are its clauses' joined.
                let clauses: Vec<(&str, &str, String)> = clauses_of(entity.description.as_deref()?)
                    .into_iter()
                    .filter(|(_, clause)| !clause.is_empty())
                    .map(|(mark, clause)| (mark, clause, phrasing::normalise(clause)))
                    .filter(|(_, _, words)| {
                        !drop_subject_clauses || !self.index.names_main_entity(words)
                    })
                    .collect();
                let heads = (1..=clauses.len())
                    .map(|count| {
                        let mut text = String::new();
                        for (position, (mark, clause, _)) in clauses[..count].iter().enumerate() {
                            if position > 0 {
                                text.push_str(mark);
                            }
                            text.push_str(clause);
                        }
                        let parts: Vec<&str> = clauses[..count]
                            .iter()
                            .map(|(_, _, words)| words.as_str())
                            .collect();
                        let words = phrasing::join_normalised(&parts);
                        debug_assert_eq!(words, phrasing::normalise(&text));
                        // Never a cut inside brackets ("(Menace II Society, Dead Presidents)") or
                        // a date ("January 14, 2017").
                        let cuttable = text.matches('(').count() == text.matches(')').count()
                            && !clauses.get(count).is_some_and(|(_, next, _)| {
                                next.starts_with(|c: char| c.is_ascii_digit())
                            });
                        DescriptionHead {
                            words,
                            text,
                            cuttable,
                        }
                    })
                    .collect();
                Some(heads)
            });
        heads.as_deref()
    }
}

/// A description's clauses, each with the mark before it (", " or "; "; empty for the first),
/// trimmed.
fn clauses_of(description: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut mark = "";
    let mut rest = description;
    loop {
        let next = [", ", "; "]
            .iter()
            .filter_map(|separator| rest.find(separator).map(|at| (at, *separator)))
            .min();
        match next {
            Some((at, separator)) => {
                out.push((mark, rest[..at].trim()));
                mark = separator;
                rest = &rest[at + separator.len()..];
            }
            None => {
                out.push((mark, rest.trim()));
                return out;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::clauses_of;

    #[test]
    fn a_description_splits_at_commas_and_semicolons_keeping_each_mark() {
        assert_eq!(
            clauses_of("rock band produced by Jimmy Iovine; Bono is its singer"),
            vec![
                ("", "rock band produced by Jimmy Iovine"),
                ("; ", "Bono is its singer")
            ]
        );
        assert_eq!(
            clauses_of("film director (Menace II Society, Dead Presidents), director of X"),
            vec![
                ("", "film director (Menace II Society"),
                (", ", "Dead Presidents)"),
                (", ", "director of X")
            ]
        );
        assert_eq!(clauses_of("Dr. Dre's wife"), vec![("", "Dr. Dre's wife")]);
    }
}
