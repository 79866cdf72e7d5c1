//! Folds what an explanation teaches into the sentence that gives the answer, as a quiz writer puts
//! it: "Jimmy Iovine co-founded Beats Electronics, which was sold in 2014." rather than two sentences
//! that each start again from a name ("Beats Electronics was sold in 2014. Jimmy Iovine co-founded
//! Beats Electronics.").
//!
//! Only sentences whose shape is known are folded: a fact's own statement, opening or closing with
//! the entity both sentences share, as its relation's template says. Anything else keeps its own
//! sentence.

use crate::facts::{Entity, Fact, Object, Value};
use crate::question::Citation;

use super::super::phrasing;
use super::super::retelling::{self, Named};
use super::descriptions::Described;
use super::shape::Place;
use super::teaching::Teaching;
use super::{Context, Draft};

/// Words a statement's template may open with that read in lower case after a semicolon; any other
/// opening (a name, a title) keeps its capital, or the sentence stands on its own.
const PLAIN_OPENERS: [&str; 9] = ["The", "On", "In", "At", "A", "An", "Each", "Filming", "It"];

impl Context<'_> {
    /// The answer's sentence and a teaching fact's as one sentence, where both name an entity at
    /// one of their ends: "The series has 4 parts and first aired on HBO.", "Dr. Dre co-founded
    /// Beats Electronics, which was sold in 2014."; `None` when they do not fit together.
    /// `teaching` is the taught fact's statement with full names, or the whole list it belongs
    /// to ("Ivo Petrov and Tom Hale are each interviewed in Night Harbor.").
    pub(super) fn folded_fact(
        &self,
        draft: &Draft,
        explanation: &str,
        taught: usize,
        teaching: &str,
    ) -> Option<String> {
        let [asked] = draft.facts[..] else {
            return None;
        };
        self.folded_pair(asked, explanation, taught, teaching)
    }

    /// Two facts' sentences as one, where both name an entity at one of their ends (see
    /// [`Self::folded_fact`]); also joins the two steps of a two-step question's explanation:
    /// "The series takes its title from the 1958 film The Defiant Ones, which was released in 1958."
    pub(super) fn folded_pair(
        &self,
        asked: usize,
        explanation: &str,
        taught: usize,
        teaching: &str,
    ) -> Option<String> {
        let asked_fact = self.index.fact(asked);
        let taught_fact = self.index.fact(taught);
        if !phrasing::one_sentence(explanation) || !phrasing::one_sentence(teaching) {
            return None;
        }
        for entity in self.shared_entities(asked_fact, taught_fact) {
            let name = self.index.in_sentence(entity);
            let relative = if self.index.is_person(entity) {
                "who"
            } else {
                "which"
            };
            let answer_at = self.place_in(asked, entity);
            let taught_at = self.place_in(taught, entity);
            match (answer_at, taught_at) {
                (Some(Place::Opens), Some(Place::Opens)) => {
                    let (Some(said), Some(added)) =
                        (predicate(explanation, name), predicate(teaching, name))
                    else {
                        continue;
                    };
                    // Two roles in one frame are said once: "is credited as a producer and
                    // writer of the series".
                    if let Some(both) = one_frame(said, added) {
                        let opener = &explanation[..explanation.len() - said.len() - 2];
                        return Some([opener, " ", &both, "."].concat());
                    }
                    // "hosted the Q&A at the premiere and was a featured speaker at the
                    // premiere" says the place twice.
                    if same_ending(said, added) {
                        continue;
                    }
                    // "was sold to Apple and was sold for US$3 billion" says the verb twice:
                    // "was sold to Apple for US$3 billion".
                    if first_word(said) == first_word(added) {
                        // A date may follow a place ("first aired on HBO on July 9, 2017"), not
                        // words ("first aired on four consecutive nights on July 9, 2017").
                        let said_names_a_thing = matches!(asked_fact.object, Object::Entity(_))
                            || said
                                .rsplit(' ')
                                .next()
                                .is_some_and(|last| last.starts_with(|c: char| c.is_uppercase()));
                        let Some(more) = shared_verb_rest(said, added, said_names_a_thing) else {
                            continue;
                        };
                        let opener = &explanation[..explanation.len() - said.len() - 2];
                        let verb = &added[..added.len() - more.len()];
                        // A first predicate of the verb alone ("was sold") has nothing to reorder.
                        let said_rest = said.get(verb.len()..).unwrap_or_default();
                        return Some(format!(
                            "{opener} {verb}{}.",
                            in_english_order(said_rest, more)
                        ));
                    }
                    if repeats_a_name(added, said) {
                        continue;
                    }
                    let opener = &explanation[..explanation.len() - said.len() - 2];
                    // Words someone said come last, their part set aside before them: "Allen
                    // Hughes, who directed the series, said this at the London premiere."
                    let quoted = matches!(asked_fact.object, Object::Value(Value::Quote { .. }));
                    if quoted && !has_comma_outside_brackets(added) {
                        return Some(
                            [opener, ", ", relative, " ", added, ", ", said, "."].concat(),
                        );
                    }
                    // A predicate that already joins two clauses takes no third: "shows how
                    // Napster threatens the business and Beats leads to the deal and features
                    // Eminem" reads as if Beats featured Eminem.
                    if joins_clauses(said) {
                        continue;
                    }
                    // Where a thing is or whose it is goes beside its name: "The Chronic, by Dr.
                    // Dre, was released in 1992." rather than "... was released in 1992 and is by
                    // Dr. Dre."
                    if let Some(aside) = aside_of(added)
                        && opener.eq_ignore_ascii_case(name)
                    {
                        return Some([opener, ", ", aside, ", ", said, "."].concat());
                    }
                    return Some([opener, " ", said, " and ", added, "."].concat());
                }
                (Some(Place::Closes), Some(Place::Opens)) => {
                    let (Some(head), Some(added)) =
                        (lead_in(explanation, name), predicate(teaching, name))
                    else {
                        continue;
                    };
                    // "Allen Hughes is credited as a writer of the series, which was directed by
                    // Allen Hughes" goes in a circle.
                    if repeats_a_name(added, head) {
                        continue;
                    }
                    return Some([head, name, ", ", relative, " ", added, "."].concat());
                }
                (Some(Place::Opens), Some(Place::Closes)) => {
                    let (Some(said), Some(head)) =
                        (predicate(explanation, name), lead_in(teaching, name))
                    else {
                        continue;
                    };
                    if repeats_a_name(said, head) {
                        continue;
                    }
                    return Some([head, name, ", ", relative, " ", said, "."].concat());
                }
                _ => continue,
            }
        }
        None
    }

    /// The answer's sentence with what the explanation teaches, cited: a contrast after a
    /// semicolon, a fact or description folded into the sentence where it fits, else a sentence of
    /// its own.
    pub(super) fn with_teaching(
        &self,
        draft: &Draft,
        explanation: String,
        teaching: Teaching,
        sources: &mut Vec<Citation>,
    ) -> String {
        match teaching {
            Teaching::Contrast(extra) => {
                // The contrast reads as one thought with the answer, as a quiz writer puts it:
                // "The series was directed by Allen Hughes; Charles Parish is credited as a
                // producer of it."
                let sentence = self.second_mention_statement(extra, draft);
                self.cite(sources, extra);
                if !phrasing::one_sentence(&explanation) {
                    return [explanation.as_str(), " ", &sentence].concat();
                }
                // A name keeps its capital mid-sentence ("Charles Parish"); a plain word of the
                // template goes on in lower case ("; the series was directed by Allen Hughes", ";
                // on Rotten Tomatoes, ..."); anything else stands as a sentence of its own.
                let fact = self.index.fact(extra);
                let object = match &fact.object {
                    Object::Entity(id) => Some(id.as_str()),
                    Object::Value(_) => None,
                };
                let starts_with_name = std::iter::once(fact.subject.as_str())
                    .chain(object)
                    .filter_map(|id| self.index.entity(id))
                    .any(|entity| sentence.starts_with(self.index.in_sentence(entity)));
                let starts_plain = sentence
                    .split(' ')
                    .next()
                    .is_some_and(|word| PLAIN_OPENERS.contains(&word));
                let answer = explanation.trim_end_matches('.');
                if starts_with_name {
                    [answer, "; ", &sentence].concat()
                } else if starts_plain {
                    [answer, "; ", &phrasing::uncapitalise(&sentence)].concat()
                } else {
                    [explanation.as_str(), " ", &sentence].concat()
                }
            }
            Teaching::Fact(extra) => {
                // One of a short list is taught as the whole list ("The series focuses on the
                // career of Jimmy Iovine and Dr. Dre."), not half of it as if it were all; either
                // is folded into the answer's sentence where both name one entity at an end.
                let (folded, cited) = match self.short_list_of(extra, draft, &explanation) {
                    Some((sentence, list)) => (
                        self.folded_fact(draft, &explanation, extra, &sentence)
                            .unwrap_or_else(|| [explanation.as_str(), " ", &sentence].concat()),
                        list,
                    ),
                    None => (
                        self.folded_fact(draft, &explanation, extra, &self.explanations[extra])
                            .unwrap_or_else(|| {
                                [
                                    explanation.as_str(),
                                    " ",
                                    &self.second_mention_statement(extra, draft),
                                ]
                                .concat()
                            }),
                        vec![extra],
                    ),
                };
                for fact in cited {
                    self.cite(sources, fact);
                }
                folded
            }
            // No other fact to teach: the author's description of the entity asked about, beside
            // its name where the sentence allows.
            Teaching::Description(about) => self
                .folded_description(draft, &explanation, &about)
                .unwrap_or_else(|| [explanation.as_str(), " ", &about.sentence].concat()),
            Teaching::Nothing => explanation,
        }
    }

    /// The author's description set beside the entity's name in the answer's sentence, when that
    /// sentence opens or closes with it: "Jimmy Iovine, a record producer from Brooklyn, said this
    /// in an interview ahead of the HBO premiere."; `None` when it does not fit.
    pub(super) fn folded_description(
        &self,
        draft: &Draft,
        explanation: &str,
        described: &Described,
    ) -> Option<String> {
        let [asked] = draft.facts[..] else {
            return None;
        };
        let entity = &self.index.base.entities[described.entity];
        if entity.main || !phrasing::one_sentence(explanation) {
            return None;
        }
        let asked_fact = self.index.fact(asked);
        let name = self.index.in_sentence(entity);
        let phrase = described.phrase.as_str();
        // An aside naming the answer reads in a circle ("The 1958 film, Stanley Kramer's 1958 film
        // about ..., was directed by Stanley Kramer").
        let answer = match &asked_fact.object {
            Object::Entity(id) => self
                .index
                .entity(id)
                .map_or_else(String::new, |object| object.name.clone()),
            Object::Value(value) => value.to_words(),
        };
        if repeats_a_name(phrase, &answer) {
            return None;
        }
        match self.place_in(asked, entity)? {
            // A phrase with commas of its own would blur where the aside ends.
            Place::Opens if !has_comma_outside_brackets(phrase) => {
                let said = predicate(explanation, name)?;
                let opener = &explanation[..explanation.len() - said.len() - 2];
                Some([opener, ", ", phrase, ", ", said, "."].concat())
            }
            Place::Closes => {
                let head = lead_in(explanation, name)?;
                Some([head, name, ", ", phrase, "."].concat())
            }
            Place::Opens => None,
        }
    }

    /// The explanation as a writer retells it (see [`retelling`]): each entity its facts name is
    /// given in full once, then shortened, or "it" for a thing just named; small counts in words.
    pub(super) fn retold(&self, draft: &Draft, taught: Option<usize>, explanation: &str) -> String {
        let mut entities: Vec<&Entity> = Vec::with_capacity(2 * draft.facts.len() + 2);
        for &fact in draft.facts.iter().chain(taught.as_ref()) {
            // The subject and object entities, as `Index::entity` finds them by id.
            for entity in [self.index.subject_of(fact), self.index.object_of(fact)]
                .into_iter()
                .flatten()
            {
                if !entities.iter().any(|known| known.id == entity.id) {
                    entities.push(entity);
                }
            }
        }
        let names: Vec<Named> = entities
            .iter()
            .map(|entity| Named {
                full: self.index.in_sentence(entity),
                short: self.index.short_name(entity),
                thing: self.index.is_thing(entity),
            })
            .collect();
        retelling::retell(explanation, &draft.prompt, &names)
    }

    /// The entities both facts name, as subject or object.
    fn shared_entities<'f>(&'f self, one: &'f Fact, other: &'f Fact) -> Vec<&'f Entity> {
        let ends = |fact: &'f Fact| {
            let object = match &fact.object {
                Object::Entity(id) => Some(id.as_str()),
                Object::Value(_) => None,
            };
            std::iter::once(fact.subject.as_str()).chain(object)
        };
        ends(one)
            .filter(|id| ends(other).any(|theirs| theirs == *id))
            .filter_map(|id| self.index.entity(id))
            .collect()
    }

    /// Whether the fact's statement, as its relation's template has it, opens or closes with the
    /// entity (and names it nowhere else).
    fn place_in(&self, fact_index: usize, entity: &Entity) -> Option<Place> {
        let fact = self.index.fact(fact_index);
        let shape = self.statement_shape(fact_index)?;
        if fact.subject == entity.id {
            shape.subject_place
        } else if matches!(&fact.object, Object::Entity(id) if *id == entity.id) {
            shape.object_place
        } else {
            None
        }
    }
}

/// What a sentence says after opening with `name` (either case), without its full stop: "was sold
/// in 2014" from "Beats Electronics was sold in 2014."; `None` unless a plain lower-case word
/// follows the name.
fn predicate<'s>(sentence: &'s str, name: &str) -> Option<&'s str> {
    let opener = phrasing::capitalise(name);
    let rest = sentence
        .strip_prefix(opener.as_str())
        .or_else(|| sentence.strip_prefix(name))?
        .strip_prefix(' ')?
        .strip_suffix('.')?;
    // "Ruth Meyer and Jonas Vale reviewed it" goes on with more names, not with what she did.
    let goes_on_with_names = ["and ", "or "].iter().any(|word| rest.starts_with(word));
    (rest.starts_with(|c: char| c.is_ascii_lowercase()) && !goes_on_with_names).then_some(rest)
}

/// What a sentence says before closing with `name`: "Dr. Dre co-founded " from "Dr. Dre co-founded
/// Beats Electronics."; `None` unless the name closes the sentence as a whole word.
fn lead_in<'s>(sentence: &'s str, name: &str) -> Option<&'s str> {
    let head = sentence.strip_suffix('.')?.strip_suffix(name)?;
    // The last of a list ("Jimmy Iovine and Dr. Dre") would leave a clause hung on it unclear.
    (head.ends_with(' ') && head.len() > 1 && !head.ends_with(" and ") && !head.ends_with(", "))
        .then_some(head)
}

/// What a second predicate adds after the verb it shares with the first, when that is a
/// prepositional phrase the first does not have: "for US$3 billion" from "was sold to Apple" and
/// "was sold for US$3 billion".
/// `dates_follow`: a dated phrase may repeat the first predicate's preposition.
fn shared_verb_rest<'s>(said: &str, added: &'s str, dates_follow: bool) -> Option<&'s str> {
    const PREPOSITIONS: [&str; 7] = ["for", "in", "to", "on", "at", "by", "from"];
    let mut shared = 0;
    for (mine, theirs) in said.split(' ').zip(added.split(' ')) {
        if mine != theirs || PREPOSITIONS.contains(&mine) {
            break;
        }
        shared += mine.len() + 1;
    }
    let rest = added.get(shared..)?;
    let preposition = first_word(rest);
    // Two words of verb at least ("was sold"), and a phrase the first predicate does not open.
    let verb_words = added[..shared].split_whitespace().count();
    // A date may follow a place with the same preposition: "first aired on HBO on July 9, 2017".
    let dated = dates_follow && rest.bytes().any(|b| b.is_ascii_digit());
    (verb_words >= 2
        && PREPOSITIONS.contains(&preposition)
        && (dated || !said.contains(&format!(" {preposition} "))))
    .then_some(rest)
}

/// Two phrases after one verb in the order English puts them: a phrase naming a thing ("to Apple")
/// goes before one that gives a figure, a date or a manner ("was sold to Apple for US$3 billion",
/// "was sold to Apple in a cash and stock deal"); else the phrase said first stays first.
fn in_english_order(said_rest: &str, more: &str) -> String {
    // A preposition and a capitalised word (after any article) with no figure in the phrase: "to
    // Apple", "at the Ritzy".
    let names_a_thing = |phrase: &str| {
        !phrase.bytes().any(|b| b.is_ascii_digit())
            && phrase
                .split(' ')
                .skip(1)
                .find(|word| !["the", "a", "an"].contains(word))
                .is_some_and(|word| word.starts_with(char::is_uppercase))
    };
    if said_rest.is_empty() {
        more.to_string()
    } else if names_a_thing(more) && !names_a_thing(said_rest) {
        format!("{more} {said_rest}")
    } else {
        format!("{said_rest} {more}")
    }
}

/// Two predicates that differ only in a short middle, each of plain words, as one: "is credited as
/// a producer of the series" and "is credited as a writer of the series" give "is credited as a
/// producer and writer of the series". The frame around the middles must be at least two words on
/// each side, or the middles are the predicates' one-word verbs before a shared object of two words
/// or more ("co-wrote and co-produced the series"), so only a role in one relation's frame is joined,
/// never two places or two dates ("first aired on HBO" and "first aired on July 9, 2017" share no
/// ending).
fn one_frame(said: &str, added: &str) -> Option<String> {
    let mine: Vec<&str> = said.split(' ').collect();
    let theirs: Vec<&str> = added.split(' ').collect();
    let front = mine.iter().zip(&theirs).take_while(|(a, b)| a == b).count();
    let back = mine[front..]
        .iter()
        .rev()
        .zip(theirs[front..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let middle_of = |words: &[&str]| {
        let middle = &words[front..words.len() - back];
        let plain = middle.iter().all(|word| {
            word.chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'')
        });
        (!middle.is_empty() && middle.len() <= 3 && plain).then(|| middle.join(" "))
    };
    // Two verbs of one object need no frame before them: "co-wrote and co-produced the series".
    let two_verbs = front == 0 && mine.len() == back + 1 && theirs.len() == back + 1;
    if (front < 2 && !two_verbs) || back < 2 {
        return None;
    }
    let (one, other) = (middle_of(&mine)?, middle_of(&theirs)?);
    let mut joined = mine[..front].join(" ");
    if !joined.is_empty() {
        joined.push(' ');
    }
    joined.push_str(&format!("{one} and {other} "));
    joined.push_str(&mine[mine.len() - back..].join(" "));
    Some(joined)
}

/// Whether two predicates end with the same two words or more ("... on HBO", "... at the London
/// premiere of the series"): joined by "and", the sentence would say the place twice.
fn same_ending(said: &str, added: &str) -> bool {
    let mine: Vec<&str> = said.split(' ').rev().take(2).collect();
    let theirs: Vec<&str> = added.split(' ').rev().take(2).collect();
    mine.len() == 2 && mine == theirs
}

/// Whether a phrase has a capitalised word or a figure (three characters or more) that another text
/// says: "Stanley Kramer's 1958 film" beside the answer "Stanley Kramer".
fn repeats_a_name(phrase: &str, sentence: &str) -> bool {
    let telling = |word: &&str| {
        word.len() > 2
            && word
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let said: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(telling)
        .collect();
    phrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(telling)
        .any(|word| said.contains(&word))
}

/// The first word of a phrase.
fn first_word(phrase: &str) -> &str {
    phrase.split(' ').next().unwrap_or(phrase)
}

/// Whether a predicate already joins two clauses or phrases, by "and", "or" or a ", while"-style
/// comma: another "and" after it would be read as part of its last clause.
/// The phrase of a predicate that only places its subject ("is by Dr. Dre", "is in Brixton"), to
/// set beside the subject's name: "by Dr. Dre".
fn aside_of(predicate: &str) -> Option<&str> {
    let phrase = predicate.strip_prefix("is ")?;
    let preposition = first_word(phrase);
    (["by", "in", "from"].contains(&preposition) && !has_comma_outside_brackets(phrase))
        .then_some(phrase)
}

/// Whether a predicate already joins two clauses, or carries a clause of its own ("shows how N.W.A's
/// success leaves Dr. Dre on his own"), after which "and ..." would read as part of that clause.
fn joins_clauses(predicate: &str) -> bool {
    [
        " and ", " or ", ", while ", ", but ", ", as ", " how ", " that ", " which ", " who ",
    ]
    .iter()
    .any(|joint| super::super::search::contains(predicate, joint))
}

/// Whether a phrase has a comma that is not inside brackets: "rapper, producer and entrepreneur",
/// not "film director (Menace II Society, Dead Presidents)".
fn has_comma_outside_brackets(phrase: &str) -> bool {
    let mut depth = 0usize;
    for c in phrase.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::one_frame;

    #[test]
    fn a_predicate_that_only_places_its_subject_is_an_aside() {
        assert_eq!(aside_of("is by Dr. Dre"), Some("by Dr. Dre"));
        assert_eq!(aside_of("is in Brixton"), Some("in Brixton"));
        assert_eq!(aside_of("is from Compton"), Some("from Compton"));
        assert_eq!(aside_of("is in Brixton, London"), None);
        assert_eq!(aside_of("is the largest acquisition"), None);
        assert_eq!(aside_of("was by the sea"), None);
        assert_eq!(aside_of("lies in Brixton"), None);
    }

    #[test]
    fn a_predicate_joining_two_clauses_takes_no_third() {
        use super::joins_clauses;
        assert!(joins_clauses(
            "shows how Napster threatens the business and Beats leads to the deal"
        ));
        assert!(joins_clauses(
            "shows how the band splits up, while Iovine produces hits"
        ));
        assert!(joins_clauses("was released on disc or on digital"));
        // A clause of its own would take the "and" as its own: "shows how the band leaves Dr.
        // Dre on his own and features Stevie Nicks".
        assert!(joins_clauses(
            "shows how the band's success leaves Dr. Dre on his own"
        ));
        assert!(joins_clauses("is a film that Kramer directed"));
        // A comma inside a date or a list's name is not a second clause.
        assert!(!joins_clauses("first aired on July 9, 2017"));
        assert!(!joins_clauses("is set in the 1990s"));
        assert!(!joins_clauses("was sold to Apple for US$3 billion"));
    }

    #[test]
    fn two_roles_in_one_frame_are_said_once() {
        assert_eq!(
            one_frame(
                "is credited as a producer of the series",
                "is credited as a writer of the series"
            )
            .as_deref(),
            Some("is credited as a producer and writer of the series")
        );
        assert_eq!(
            one_frame(
                "is credited as a writer of the series",
                "is credited as an editor of the series"
            )
            .as_deref(),
            Some("is credited as a writer and an editor of the series")
        );
        // Two verbs of one object.
        assert_eq!(
            one_frame("co-wrote the series", "co-produced the series").as_deref(),
            Some("co-wrote and co-produced the series")
        );
    }

    #[test]
    fn no_frame_joins_names_figures_or_a_short_frame() {
        // Different places or dates: no shared ending.
        assert_eq!(
            one_frame("first aired on HBO", "first aired on July 9, 2017"),
            None
        );
        // A middle with a name is not a role.
        assert_eq!(
            one_frame(
                "is credited as a producer of the series",
                "is credited as Allen Hughes of the series"
            ),
            None
        );
        // Not two verbs when more than the verb differs.
        assert_eq!(one_frame("wrote a song", "sang the song"), None);
        assert_eq!(
            one_frame("wrote the series", "helped write the series"),
            None
        );
        // Two words of frame before the middle are enough.
        assert_eq!(
            one_frame(
                "is credited as a producer of the series",
                "is credited with the cinematography of the series"
            )
            .as_deref(),
            Some("is credited as a producer and with the cinematography of the series")
        );
        // One word of frame before a middle of more than the verb is too little to be sure it is
        // one relation's.
        assert_eq!(
            one_frame(
                "is a producer at the premiere",
                "is hosting a party at the premiere"
            ),
            None
        );
        assert_eq!(
            one_frame(
                "won an award at the premiere",
                "hosted a party at the premiere"
            ),
            None
        );
        // A middle of more than three words is a clause, not a role.
        assert_eq!(
            one_frame(
                "is credited as a producer of the series",
                "is credited as a very long clause here of the series"
            ),
            None
        );
        // The same predicate twice has no middle.
        assert_eq!(
            one_frame(
                "is credited as a producer of the series",
                "is credited as a producer of the series"
            ),
            None
        );
    }

    use super::*;

    #[test]
    fn a_predicate_follows_the_name_that_opens_the_sentence() {
        assert_eq!(
            predicate("Beats Electronics was sold in 2014.", "Beats Electronics"),
            Some("was sold in 2014")
        );
        assert_eq!(
            predicate("The series has 4 parts.", "the series"),
            Some("has 4 parts")
        );
        // Not a predicate: a name that goes on, or a sentence naming it elsewhere.
        assert_eq!(predicate("Dr. Dre's album.", "Dr. Dre"), None);
        assert_eq!(
            predicate("Ruth Meyer and Jonas Vale reviewed it.", "Ruth Meyer"),
            None
        );
        assert_eq!(predicate("Apple bought Beats.", "Beats"), None);
        assert_eq!(predicate("Beats Electronics Ltd was sold.", "Beats"), None);
    }

    #[test]
    fn a_lead_in_ends_before_the_name_that_closes_the_sentence() {
        assert_eq!(
            lead_in("Dr. Dre co-founded Beats Electronics.", "Beats Electronics"),
            Some("Dr. Dre co-founded ")
        );
        assert_eq!(lead_in("It aired on XHBO.", "HBO"), None);
        assert_eq!(lead_in("HBO.", "HBO"), None);
        assert_eq!(
            lead_in("It follows Jimmy Iovine and Dr. Dre.", "Dr. Dre"),
            None
        );
    }

    #[test]
    fn a_shared_verb_is_said_once() {
        assert_eq!(
            shared_verb_rest("was sold to Apple", "was sold for US$3 billion", true),
            Some("for US$3 billion")
        );
        // The same preposition twice would read as a list gone wrong; one word is not a verb
        // phrase worth sharing.
        assert_eq!(
            shared_verb_rest("was sold in 2014", "was sold in a cash deal", true),
            None
        );
        assert_eq!(
            shared_verb_rest("is in English", "is by Dr. Dre", true),
            None
        );
        assert_eq!(
            shared_verb_rest("first aired on HBO", "first aired on July 9, 2017", true),
            Some("on July 9, 2017")
        );
        assert_eq!(
            shared_verb_rest(
                "first aired on four consecutive nights",
                "first aired on July 9, 2017",
                false
            ),
            None
        );
        assert_eq!(
            shared_verb_rest("was sold to Apple", "was bought", true),
            None
        );
    }

    #[test]
    fn a_phrase_naming_a_thing_goes_before_a_figure_a_date_or_a_manner() {
        assert_eq!(
            in_english_order("for US$3 billion", "to Apple"),
            "to Apple for US$3 billion"
        );
        assert_eq!(in_english_order("in 2014", "to Apple"), "to Apple in 2014");
        assert_eq!(
            in_english_order("to Apple", "for US$3 billion"),
            "to Apple for US$3 billion"
        );
        assert_eq!(
            in_english_order("on HBO", "on July 9, 2017"),
            "on HBO on July 9, 2017"
        );
        assert_eq!(in_english_order("", "to Apple"), "to Apple");
        assert_eq!(
            in_english_order("in a cash and stock deal", "to Apple"),
            "to Apple in a cash and stock deal"
        );
        assert_eq!(
            in_english_order("for US$3 billion", "in a cash and stock deal"),
            "for US$3 billion in a cash and stock deal"
        );
        assert_eq!(
            in_english_order("at the Ritzy", "to Apple"),
            "at the Ritzy to Apple"
        );
        assert_eq!(
            in_english_order("in 2014", "for US$3 billion"),
            "in 2014 for US$3 billion"
        );
    }

    #[test]
    fn a_place_said_at_both_ends_is_not_joined() {
        assert!(same_ending(
            "premiered at 9:00 p.m. on HBO",
            "first aired on HBO"
        ));
        assert!(!same_ending("has 4 parts", "first aired on HBO"));
        assert!(!same_ending("aired", "aired"));
    }

    #[test]
    fn an_aside_repeating_a_name_of_its_sentence_is_caught() {
        assert!(repeats_a_name(
            "Stanley Kramer's 1958 film about two convicts",
            "The 1958 film The Defiant Ones was directed by Stanley Kramer."
        ));
        assert!(!repeats_a_name(
            "a film director (Menace II Society, Dead Presidents)",
            "Allen Hughes said this at the London premiere."
        ));
    }

    #[test]
    fn commas_inside_brackets_do_not_count() {
        assert!(!has_comma_outside_brackets(
            "a film director (Menace II Society, Dead Presidents)"
        ));
        assert!(has_comma_outside_brackets("a rapper, producer and mogul"));
        assert!(!has_comma_outside_brackets("a rapper from Compton"));
    }
}
