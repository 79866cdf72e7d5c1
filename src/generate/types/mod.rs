//! Question builders, one file per kind of question, sharing a [`Context`]: the fact-base indexes, the
//! phrasing of facts as prompts and statements, and the final checks every question passes (no answer
//! in the prompt, a content id, a difficulty, the sources of every fact it uses).

pub(crate) mod choice;
pub(crate) mod numbers;
pub(crate) mod order;
pub(crate) mod quote;
pub(crate) mod select_all;
pub(crate) mod true_false;
pub(crate) mod two_step;

use crate::facts::{Entity, Fact, Object, Relation, Value};
use crate::question::{Body, Citation, FACT_TAG, Question, stable_hash, stable_hash_parts};

use crate::rng::{SeededRng, index, shuffle};

use super::difficulty::{self, Traits};
use super::index::Index;
use super::phrasing::{self, Slot};
use super::quality::{Features, Quality};
use super::search;

/// A built question with what the selection needs to know about it.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub question: Question,
    /// Indices of the facts it was built from.
    pub facts: Vec<usize>,
    /// Hashes of what it asks: two questions sharing a key ask the same thing.
    pub keys: Vec<u64>,
    /// Hashes of what its explanation teaches: a draw avoids two questions sharing one while others
    /// are left, so a game neither repeats an explanation nor gives an answer away in one.
    pub taught: Vec<u64>,
    /// What its quality score looks at (the redundancy count is filled in once the pool is built).
    pub features: Features,
    /// Its quality score, worked out once the pool is built.
    pub quality: Quality,
}

/// A question before its id, difficulty and sources are worked out.
pub(crate) struct Draft {
    pub prompt: String,
    pub body: Body,
    pub category: String,
    pub explanation: String,
    pub facts: Vec<usize>,
    /// What the question asks (see [`ask_key`] and [`fact_key`]); the prompt is added as a key too.
    pub keys: Vec<String>,
    pub traits: Traits,
    /// Names, aliases and values the prompt must not contain.
    pub answers: Vec<String>,
    pub tags: Vec<String>,
}

/// Options of every multiple-choice and quote question: the answer and three wrong ones.
pub(crate) const OPTIONS: usize = 4;

/// The state the builders share.
pub(crate) struct Context<'a> {
    pub index: Index<'a>,
    pub candidates: Vec<Candidate>,
    /// Each fact's explanation, worked out once.
    explanations: Vec<String>,
    /// Each fact's explanation normalised (see [`phrasing::normalise`]) and trimmed.
    normalised_explanations: Vec<String>,
    /// Whether each fact's relation statement renders for it (its explanation is then that statement).
    statement_renders: Vec<bool>,
    /// Each entity's description cut clause by clause, once worked out.
    description_heads: Vec<DescriptionHeads>,
    /// Each fact's content signature (see [`fact_signature`]), worked out once.
    signatures: Vec<String>,
    /// The hash of each fact's [`fact_key`], worked out once.
    fact_key_hashes: Vec<u64>,
    /// The tag naming each fact (see [`Context::fact_name`]), worked out once.
    fact_tags: Vec<String>,
    /// Ids given so far, to keep them distinct.
    ids: std::collections::HashSet<String>,
    /// For each fact, the other facts giving the same value by the same relation (Part 1 premiered on
    /// the day the series did): a game asks about one of them only.
    same_news: Vec<Vec<usize>>,
}

/// The first clauses of an entity's description, as an explanation may cut it.
struct DescriptionHead {
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
type DescriptionHeads = [std::cell::OnceCell<Option<Vec<DescriptionHead>>>; 2];

/// What the player has read of a question, normalised once for the teaching checks.
struct Seen {
    /// The prompt.
    prompt: String,
    /// The prompt and the options or items.
    elsewhere: String,
    /// The prompt and the explanation so far.
    text: String,
    /// A hash of the explanation so far, to choose among equally good facts.
    explanation_hash: u64,
    /// Whether the prompt, options, items or answer show a digit.
    has_digits: bool,
    /// The answer in words, and a true/false statement: what the question asks (normalised).
    asked: String,
    /// Set when nothing else teaches: a sentence repeating the asked figure is better than none.
    figures_allowed: std::cell::Cell<bool>,
    /// The positions of the entities the prompt names, once looked up.
    prompt_names: std::cell::OnceCell<Vec<usize>>,
    /// The positions of the entities `elsewhere` names, once looked up.
    elsewhere_names: std::cell::OnceCell<Vec<usize>>,
}

impl Seen {
    /// What the player has read of `draft` with `explanation`; `prompt_words` and `explanation_words`
    /// are the prompt and the explanation normalised.
    fn of(draft: &Draft, explanation: &str, prompt_words: &str, explanation_words: &str) -> Seen {
        // The options or items, each after a space, as the player reads them after the prompt.
        let mut shown_after_prompt = String::new();
        match &draft.body {
            Body::MultipleChoice { options, .. }
            | Body::Quote { options, .. }
            | Body::SelectAll { options, .. } => {
                for option in options {
                    shown_after_prompt.push(' ');
                    shown_after_prompt.push_str(option);
                }
            }
            Body::Order { items, .. } => {
                for item in items {
                    shown_after_prompt.push(' ');
                    shown_after_prompt.push_str(item);
                }
            }
            _ => {}
        }
        let has_digits = draft
            .prompt
            .chars()
            .chain(shown_after_prompt.chars())
            .chain(draft.body.answer_text().chars())
            .any(|c| c.is_ascii_digit());
        let elsewhere =
            phrasing::join_normalised(&[prompt_words, &phrasing::normalise(&shown_after_prompt)]);
        let text = phrasing::join_normalised(&[prompt_words, explanation_words]);
        Seen {
            prompt: prompt_words.to_string(),
            elsewhere,
            text,
            explanation_hash: stable_hash(explanation.as_bytes()),
            prompt_names: std::cell::OnceCell::new(),
            elsewhere_names: std::cell::OnceCell::new(),
            has_digits,
            asked: phrasing::normalise(&draft.body.answer_text()),
            figures_allowed: std::cell::Cell::new(false),
        }
    }

    /// Whether a normalised sentence says at least two words (of three letters or more) that the
    /// prompt and explanation do not (`with_options`: nor the options or items).
    fn adds_words(&self, normalised: &str, with_options: bool) -> bool {
        self.new_words(normalised, with_options) >= 2
    }

    /// How many words (of three letters or more, counting at most two) a normalised sentence says
    /// that the prompt and explanation do not (`with_options`: nor the options or items). A wrong
    /// option's other role is one word ("producer") and teaches what the player needs.
    /// Whether a normalised sentence says again a figure of three digits or more that the question
    /// asks (the answer, or a true/false statement): it reads as going in a circle ("The Chronic was
    /// released in 1992. It is Dr. Dre's 1992 album.").
    fn repeats_figure(&self, normalised: &str) -> bool {
        // Most sentences have no digit at all: one scan rules them out.
        !self.figures_allowed.get()
            && normalised.bytes().any(|b| b.is_ascii_digit())
            && normalised.split_whitespace().any(|word| {
                word.len() > 2
                    && word.bytes().all(|b| b.is_ascii_digit())
                    && has_word(&self.asked, word)
            })
    }

    fn new_words(&self, normalised: &str, with_options: bool) -> usize {
        let known = |word: &str| {
            has_word(&self.text, word) || (with_options && has_word(&self.elsewhere, word))
        };
        normalised
            .split_whitespace()
            .filter(|word| word.len() > 2 && !known(word))
            .take(2)
            .count()
    }
}

/// Whether a normalised text (see [`phrasing::normalise`]: words between single spaces, a space each
/// side) has `word` among its words.
fn has_word(normalised: &str, word: &str) -> bool {
    let bytes = normalised.as_bytes();
    search::all_occurrences(normalised, word)
        .any(|at| at > 0 && bytes[at - 1] == b' ' && bytes.get(at + word.len()) == Some(&b' '))
}

/// What an explanation teaches beyond the question.
enum Teaching {
    Fact(usize),
    /// A fact saying why a tempting wrong option is wrong.
    Contrast(usize),
    Description(String),
    Nothing,
}

/// Which entities a teaching fact may be about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Anchors {
    /// The answer and the entities the question turns on, less the quiz's own subject, by a relation
    /// of the question's category or its own relation.
    SpecificOnTopic,
    /// The answer and the entities the question turns on, less the quiz's own subject.
    Specific,
    /// The quiz's own subject, by a relation of the question's category.
    SubjectOnTopic,
    /// The quiz's own subject, by any relation.
    Subject,
}

/// How a disputed fact is attributed to its source.
#[derive(Clone, Debug)]
pub(crate) struct Attribution {
    /// How the article is named in a sentence: "the encyclopedia entry".
    pub label: String,
    /// What the sources disagree on.
    pub topic: String,
}

impl<'a> Context<'a> {
    pub(crate) fn new(index: Index<'a>) -> Context<'a> {
        let mut cx = Context {
            index,
            candidates: Vec::new(),
            explanations: Vec::new(),
            normalised_explanations: Vec::new(),
            statement_renders: Vec::new(),
            description_heads: Vec::new(),
            signatures: Vec::new(),
            fact_key_hashes: Vec::new(),
            fact_tags: Vec::new(),
            ids: std::collections::HashSet::new(),
            same_news: Vec::new(),
        };
        cx.same_news = same_news(cx.index.base);
        cx.description_heads = (0..cx.index.base.entities.len())
            .map(|_| Default::default())
            .collect();
        cx.signatures = cx.index.base.facts.iter().map(fact_signature).collect();
        let facts = 0..cx.index.base.facts.len();
        cx.fact_key_hashes = facts
            .clone()
            .map(|fact| stable_hash(fact_key(fact).as_bytes()))
            .collect();
        cx.fact_tags = facts
            .map(|fact| format!("{FACT_TAG}{}", cx.fact_name(fact)))
            .collect();
        let statements: Vec<Option<String>> = cx
            .index
            .base
            .facts
            .iter()
            .map(|fact| cx.statement(fact, false))
            .collect();
        cx.statement_renders = statements.iter().map(Option::is_some).collect();
        cx.explanations = statements
            .into_iter()
            .enumerate()
            .map(|(fact, statement)| cx.explain(fact, statement))
            .collect();
        cx.normalised_explanations = cx
            .explanations
            .iter()
            .map(|explanation| phrasing::normalise(explanation).trim().to_string())
            .collect();
        cx
    }

    /// Finishes a draft into a candidate, unless its prompt gives the answer away or is empty.
    pub(crate) fn push(&mut self, draft: Draft) -> bool {
        // A relation marked `interest = 0` only supports other questions.
        let never_asked = draft
            .facts
            .iter()
            .any(|&fact| self.index.interest_of(fact) == 0);
        if never_asked || draft.prompt.trim().is_empty() {
            return false;
        }
        let prompt_words = phrasing::normalise(&draft.prompt);
        if phrasing::leaks_into(&prompt_words, &draft.answers) {
            return false;
        }
        if let Body::Quote { quote, .. } = &draft.body
            && phrasing::leaks(quote, &draft.answers)
        {
            return false;
        }
        if right_option_echoes_prompt(&prompt_words, &draft.body) {
            return false;
        }
        // Multiple choice and quote questions offer four options, or are not asked: with fewer,
        // guessing pays too well.
        if let Body::MultipleChoice { options, .. } | Body::Quote { options, .. } = &draft.body
            && options.len() < OPTIONS
        {
            return false;
        }
        let id = self.stable_id(&draft);
        let mut sources: Vec<Citation> = Vec::new();
        for &fact in &draft.facts {
            for citation in &self.index.fact(fact).sources {
                if !sources.contains(citation) {
                    sources.push(citation.clone());
                }
            }
        }
        let mut keys: Vec<u64> = draft
            .keys
            .iter()
            .map(|key| stable_hash(key.as_bytes()))
            .collect();
        keys.push(stable_hash_parts(&[b"prompt|", prompt_words.as_bytes()]));
        let mut features = self.features(&draft);
        // An explanation teaches one more true, cited fact: why a tempting wrong option is wrong, more
        // about the answer or the entity asked about, or more on the same topic about the quiz's subject.
        let mut explanation = draft.explanation.clone();
        let (teaching, loose) = self.teaching(&draft, &explanation, &prompt_words);
        features.loose_teaching = loose;
        let taught: Vec<u64> = match &teaching {
            Teaching::Fact(extra) | Teaching::Contrast(extra) => {
                vec![self.fact_key_hashes[*extra]]
            }
            Teaching::Description(about) => vec![stable_hash_parts(&[
                b"taught|",
                phrasing::normalise(about).as_bytes(),
            ])],
            Teaching::Nothing => Vec::new(),
        };
        if let Teaching::Contrast(extra) = teaching {
            // The contrast reads as one thought with the answer, as a quiz writer puts it: "The
            // series was directed by Allen Hughes; Charles Parish is credited as a producer of it."
            let sentence = self.second_mention_statement(extra, &draft);
            let one_sentence = phrasing::one_sentence(&explanation);
            // Only when it opens with a name that keeps its capital mid-sentence ("Charles Parish",
            // not "The series" nor "In March 2018").
            let fact = self.index.fact(extra);
            let object = match &fact.object {
                Object::Entity(id) => Some(id.as_str()),
                Object::Value(_) => None,
            };
            let starts_with_name = std::iter::once(fact.subject.as_str())
                .chain(object)
                .filter_map(|id| self.index.entity(id))
                .any(|entity| sentence.starts_with(self.index.in_sentence(entity)));
            explanation = if one_sentence && starts_with_name {
                format!("{}; {sentence}", explanation.trim_end_matches('.'))
            } else {
                format!("{explanation} {sentence}")
            };
            for citation in &self.index.fact(extra).sources {
                if !sources.contains(citation) {
                    sources.push(citation.clone());
                }
            }
        } else if let Teaching::Fact(extra) = teaching {
            // One of a short list is taught as the whole list: "The series focuses on the career of
            // Jimmy Iovine and Dr. Dre.", not half of it as if it were all.
            let (sentence, taught) = match self.short_list_of(extra, &draft, &explanation) {
                Some((sentence, list)) => (sentence, list),
                None => (self.second_mention_statement(extra, &draft), vec![extra]),
            };
            explanation = format!("{explanation} {sentence}");
            for fact in taught {
                for citation in &self.index.fact(fact).sources {
                    if !sources.contains(citation) {
                        sources.push(citation.clone());
                    }
                }
            }
        } else if let Teaching::Description(about) = teaching {
            // No other fact to teach: the author's description of the entity asked about.
            explanation = format!("{explanation} {about}");
        }
        let difficulty = difficulty::rate(&Traits {
            interest: features.fact_interest,
            figure: draft.facts.iter().any(|&fact| {
                matches!(&self.index.fact(fact).object, Object::Value(value) if exact_figure(value))
            }),
            ..draft.traits
        });
        let mut draft_tags = draft.tags;
        // One fact, one question per draw: every fact a question rests on (a false statement's true
        // fact, an order question's dates) is one of its keys.
        for &fact in &draft.facts {
            let key = self.fact_key_hashes[fact];
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        let mut rests_on = draft.facts.clone();
        for &fact in &draft.facts {
            for &same in &self.same_news[fact] {
                if !rests_on.contains(&same) {
                    rests_on.push(same);
                    keys.push(self.fact_key_hashes[same]);
                }
            }
        }
        for &fact in &rests_on {
            let tag = &self.fact_tags[fact];
            if !draft_tags.contains(tag) {
                draft_tags.push(tag.clone());
            }
        }
        let question = Question {
            id,
            prompt: draft.prompt,
            body: draft.body,
            category: draft.category,
            difficulty,
            explanation,
            sources,
            tags: draft_tags,
            time_limit: None,
        };
        self.candidates.push(Candidate {
            question,
            facts: draft.facts,
            keys,
            taught,
            features,
            quality: Quality::default(),
        });
        true
    }

    /// A fact worth adding to an explanation: undisputed, of interest 2 or more, about the answer (first)
    /// or another entity the question turns on, saying something the question's own facts do not (not
    /// the same subject and relation) and not already in the explanation. The most interesting wins;
    /// among equals, one fixed by the explanation's text.
    /// Never a fact whose other end the prompt or an option names: it would say something about a wrong
    /// option, or tie the question's entities together in a second way.
    /// Whether the prompt names an entity of this kind.
    fn prompt_names_kind(&self, seen: &Seen, kind: &str) -> bool {
        seen.prompt_names
            .get_or_init(|| self.index.entities_mentioned_in(&seen.prompt))
            .iter()
            .any(|&position| self.index.base.entities[position].kind == kind)
    }

    /// Whether the prompt, options or items name the entity.
    fn shown_elsewhere(&self, seen: &Seen, entity: &Entity) -> bool {
        let Some(position) = self.index.position(entity) else {
            return self.index.mentioned_in(&seen.elsewhere, entity);
        };
        seen.elsewhere_names
            .get_or_init(|| self.index.entities_mentioned_in(&seen.elsewhere))
            .binary_search(&position)
            .is_ok()
    }

    /// What the explanation teaches beyond the question, most telling first: why a tempting wrong
    /// option is wrong; a fact about the answer or the entity asked about; the author's description
    /// of either; a fact about the quiz's subject on the question's topic; its description; and only
    /// failing all of these, any other fact about the quiz's subject.
    /// The second value says whether what it teaches is loose: not about the answer or the entity
    /// asked about, or off the question's topic (see [`super::quality`]).
    fn teaching(&self, draft: &Draft, explanation: &str, prompt_words: &str) -> (Teaching, bool) {
        // Most explanations are their fact's own, normalised once.
        let explanation_words = match draft
            .facts
            .iter()
            .find(|&&fact| self.explanations[fact] == explanation)
        {
            Some(&fact) => std::borrow::Cow::Borrowed(self.normalised_explanations[fact].as_str()),
            None => std::borrow::Cow::Owned(phrasing::normalise(explanation)),
        };
        let mut seen = Seen::of(draft, explanation, prompt_words, &explanation_words);
        // A true/false statement asks its value ("The Chronic was released in 1992.").
        if let Body::TrueFalse { .. } = draft.body {
            for &fact in &draft.facts {
                let fact = self.index.fact(fact);
                if let Object::Value(_) = fact.object {
                    seen.asked.push(' ');
                    seen.asked.push_str(&phrasing::normalise(
                        &self.index.base.object_words(&fact.object),
                    ));
                }
            }
        }
        match self.teaching_in_order(draft, &seen) {
            (Teaching::Nothing, _) => {
                seen.figures_allowed.set(true);
                self.teaching_in_order(draft, &seen)
            }
            found => found,
        }
    }

    /// [`Self::teaching`]'s tiers, in order.
    fn teaching_in_order(&self, draft: &Draft, seen: &Seen) -> (Teaching, bool) {
        // A fact about the quiz's subject teaches well only when the question is about the subject
        // alone; beside another entity it reads as a fact from elsewhere ("Nas is interviewed in the
        // series. Filming the series took 3 years.").
        let about_other = draft.facts.iter().any(|&fact| {
            let fact = self.index.fact(fact);
            let object = match &fact.object {
                Object::Entity(id) => Some(id.as_str()),
                Object::Value(_) => None,
            };
            std::iter::once(fact.subject.as_str())
                .chain(object)
                .any(|id| self.index.entity(id).is_some_and(|entity| !entity.main))
        });
        if let Some(fact) = self.contrast_fact(draft, seen) {
            return (Teaching::Contrast(fact), false);
        }
        if let Some(fact) = self.teaching_fact(draft, seen, &[2, 1], Anchors::SpecificOnTopic) {
            return (Teaching::Fact(fact), false);
        }
        if let Some(about) = self.description_sentence(draft, seen, false) {
            return (Teaching::Description(about), false);
        }
        if let Some(fact) = self.teaching_fact(draft, seen, &[2], Anchors::SubjectOnTopic) {
            return (Teaching::Fact(fact), about_other);
        }
        if let Some(about) = self.description_sentence(draft, seen, true) {
            return (Teaching::Description(about), about_other);
        }
        if let Some(fact) = self.teaching_fact(draft, seen, &[2, 1], Anchors::Subject) {
            return (Teaching::Fact(fact), about_other);
        }
        // Nothing on the question's topic: another fact about the answer or the entity asked about,
        // then the whole description of either.
        if let Some(fact) = self.teaching_fact(draft, seen, &[2, 1], Anchors::Specific) {
            return (Teaching::Fact(fact), true);
        }
        let described = self.described(draft, seen, false, false);
        let loose = described.is_none();
        (
            described.map_or(Teaching::Nothing, Teaching::Description),
            loose,
        )
    }

    /// Why a tempting wrong option is wrong: a fact giving a wrong option of a select-all question, or
    /// the entity swapped into a false statement, the role the question asks about, or a sibling role, elsewhere ("Stanley
    /// Kramer directed the 1958 film The Defiant Ones" under "Who directed the series?"). The most
    /// interesting such fact of the first wrong option, in option order, that has one.
    fn contrast_fact(&self, draft: &Draft, seen: &Seen) -> Option<usize> {
        // Under a multiple-choice question the cited facts must link what the prompt names to the
        // marked answer only: a wrong option's fact is taught only when its other end is an entity
        // the prompt does not name (see `role_fact_of`), and only under a question of one fact.
        let (options, right): (&[String], Vec<usize>) = match &draft.body {
            Body::SelectAll { options, answers } => (options, answers.clone()),
            Body::MultipleChoice {
                options, answer, ..
            } if draft.facts.len() == 1 => (options, vec![*answer]),
            Body::TrueFalse { answer: false } => {
                // The entity swapped into a false statement: its key is `tf|subject|relation|entity`.
                let swapped = draft
                    .keys
                    .iter()
                    .find_map(|key| key.strip_prefix("tf|"))
                    .and_then(|rest| rest.rsplit('|').next())
                    .and_then(|id| self.index.entity(id))?;
                return self.role_fact_of(draft, seen, swapped);
            }
            _ => return None,
        };
        for (position, option) in options.iter().enumerate() {
            if right.contains(&position) {
                continue;
            }
            let Some(wrong) = self.index.entity_by_option(option) else {
                continue;
            };
            if let Some(best) = self.role_fact_of(draft, seen, wrong) {
                return Some(best);
            }
        }
        None
    }

    /// The most interesting undisputed fact giving `wrong` the role the question asks about, or a
    /// sibling role, elsewhere.
    fn role_fact_of(&self, draft: &Draft, seen: &Seen, wrong: &Entity) -> Option<usize> {
        let mut roles: Vec<&str> = Vec::new();
        for &fact in &draft.facts {
            let Some(relation) = self.index.relation(self.index.fact(fact)) else {
                continue;
            };
            roles.push(&relation.id);
            roles.extend(relation.alike.iter().map(String::as_str));
            for other in &self.index.base.relations {
                if other.alike.contains(&relation.id) {
                    roles.push(&other.id);
                }
            }
        }
        self.index
            .facts_with_subject(&wrong.id)
            .iter()
            .chain(self.index.facts_with_object(&wrong.id))
            .copied()
            .filter(|&other| {
                let fact = self.index.fact(other);
                roles.contains(&fact.relation.as_str())
                    && !draft.facts.contains(&other)
                    && !self.index.is_disputed(other)
                    && self.index.interest_of(other) >= 1
                    && !matches!(fact.object, Object::Value(Value::Quote { .. }))
                    && (!matches!(draft.body, Body::MultipleChoice { .. })
                        || self.far_end_unnamed(fact, wrong, seen))
                    && !search::contains(&seen.prompt, &self.normalised_explanations[other])
                    && seen.new_words(&self.normalised_explanations[other], true) >= 1
            })
            .max_by_key(|&other| (self.index.interest_of(other), std::cmp::Reverse(other)))
    }

    /// The whole list a teaching fact belongs to, as one sentence with the facts it cites, when its
    /// subject has two to four undisputed facts of the relation, each naming an entity.
    /// The others on the list must be new to the player and of another kind than the answer: a
    /// list naming an option, or the prompt's own entity, ties the question together a second way.
    fn short_list_of(
        &self,
        fact_index: usize,
        draft: &Draft,
        explanation: &str,
    ) -> Option<(String, Vec<usize>)> {
        let fact = self.index.fact(fact_index);
        let list: Vec<usize> = self
            .index
            .facts_with_subject(&fact.subject)
            .iter()
            .copied()
            .filter(|&other| self.index.fact(other).relation == fact.relation)
            .collect();
        if !(2..=4).contains(&list.len()) || list.iter().any(|&other| self.index.is_disputed(other))
        {
            return None;
        }
        let objects: Vec<&Entity> = list
            .iter()
            .map(|&other| match &self.index.fact(other).object {
                Object::Entity(id) => self.index.entity(id),
                Object::Value(_) => None,
            })
            .collect::<Option<_>>()?;
        let mut shown = format!("{} {explanation}", draft.prompt);
        if let Body::MultipleChoice { options, .. }
        | Body::Quote { options, .. }
        | Body::SelectAll { options, .. } = &draft.body
        {
            for option in options {
                shown.push(' ');
                shown.push_str(option);
            }
        }
        let shown = phrasing::normalise(&shown);
        let answer_kinds: Vec<&str> = draft
            .answers
            .iter()
            .flat_map(|answer| self.index.entities_named(answer))
            .map(|entity| entity.kind.as_str())
            .collect();
        let taught_object = match &fact.object {
            Object::Entity(id) => id.as_str(),
            Object::Value(_) => return None,
        };
        let others_new = objects
            .iter()
            .filter(|entity| entity.id != taught_object)
            .all(|entity| {
                !answer_kinds.contains(&entity.kind.as_str())
                    && !self.index.mentioned_in(&shown, entity)
            });
        if !others_new {
            return None;
        }
        let relation = self.index.relation(fact)?;
        let subject = self.index.entity(&fact.subject)?;
        let subject = if relation.statement.starts_with("{subject}")
            && self.opens_explanation(draft, subject)
        {
            Slot::Name("It".into())
        } else {
            self.name_slot(subject)
        };
        let sentence = self.listed_statement_with(fact, relation, &subject, &objects)?;
        Some((phrasing::capitalise(&sentence), list))
    }

    /// Whether a fact about a wrong option leads, at its other end, to an entity the prompt does not
    /// name: "Stanley Kramer directed the 1958 film" under "Who directed the series?", not
    /// "Broderick Johnson produced the series", which would tie the series to a wrong option.
    fn far_end_unnamed(&self, fact: &Fact, wrong: &Entity, seen: &Seen) -> bool {
        let far = if fact.subject == wrong.id {
            match &fact.object {
                Object::Entity(id) => id.as_str(),
                Object::Value(_) => return false,
            }
        } else {
            fact.subject.as_str()
        };
        self.index
            .entity(far)
            .is_some_and(|entity| !entity.main && !self.index.mentioned_in(&seen.prompt, entity))
    }

    /// The teaching fact as a sentence, naming the entities the explanation has already named in full
    /// by their second-mention names ("Hughes also ...": see [`Index::short_name`]).
    fn second_mention_statement(&self, fact_index: usize, draft: &Draft) -> String {
        let fact = self.index.fact(fact_index);
        let mut named: Vec<&str> = Vec::new();
        for &asked in &draft.facts {
            let asked = self.index.fact(asked);
            named.push(&asked.subject);
            if let Object::Entity(id) = &asked.object {
                named.push(id);
            }
        }
        // "Dead Presidents was also directed by Hughes": the same relation, sharing an entity at the
        // same end, reads as one more of the same.
        let parallel = draft.facts.iter().any(|&asked| {
            let asked = self.index.fact(asked);
            asked.relation == fact.relation
                && (asked.subject == fact.subject
                    || matches!((&asked.object, &fact.object), (Object::Entity(a), Object::Entity(b)) if a == b))
        });
        let opened_with = |entity: &Entity| self.opens_explanation(draft, entity);
        let slot = |id: &str, leads: bool| -> Option<Slot<'static>> {
            let entity = self.index.entity(id)?;
            if leads && opened_with(entity) {
                return Some(Slot::Name("It".into()));
            }
            Some(if named.contains(&id) {
                Slot::Name(self.index.short_name(entity).to_owned().into())
            } else {
                self.name_slot(entity)
            })
        };
        let sentence = (|| {
            let relation = self.index.relation(fact)?;
            let subject_leads = relation.statement.starts_with("{subject}");
            let object_leads = relation.statement.starts_with("{object}");
            let subject = slot(&fact.subject, subject_leads)?;
            let object = match &fact.object {
                Object::Entity(id) => slot(id, object_leads)?,
                Object::Value(_) => self.object_slot(fact, &fact.object)?,
            };
            let sentence = self.statement_with(fact, relation, &subject, &object, false)?;
            let first =
                if relation.statement.find("{subject}") < relation.statement.find("{object}") {
                    &subject
                } else {
                    &object
                };
            Some(match (parallel, first) {
                (true, Slot::Name(name)) => phrasing::add_also(&sentence, name),
                _ => sentence,
            })
        })();
        sentence.unwrap_or_else(|| self.explanations[fact_index].clone())
    }

    /// Whether the explanation is one sentence that opens with this thing (not a person), so the
    /// next sentence calls it "it": "The series first aired on HBO. It has 4 parts."
    fn opens_explanation(&self, draft: &Draft, entity: &Entity) -> bool {
        let name = self.index.in_sentence(entity);
        draft.facts.len() == 1
            && entity.kind != "person"
            && !matches!(draft.body, Body::SelectAll { .. } | Body::Order { .. })
            && phrasing::one_sentence(&draft.explanation)
            && phrasing::capitalise(name).split_whitespace().eq(draft
                .explanation
                .split_whitespace()
                .take(name.split_whitespace().count()))
    }

    fn teaching_fact(
        &self,
        draft: &Draft,
        seen: &Seen,
        levels: &[u8],
        which: Anchors,
    ) -> Option<usize> {
        let min_interest = levels.iter().copied().min().unwrap_or(1);
        let facts = &draft.facts;
        let answers = &draft.answers;
        let answer_entities: Vec<&Entity> = answers
            .iter()
            .flat_map(|answer| self.index.entities_named(answer))
            .collect();
        let answer_kinds: Vec<&str> = answer_entities
            .iter()
            .map(|entity| entity.kind.as_str())
            .collect();
        let mut anchors: Vec<&str> = Vec::new();
        for entity in &answer_entities {
            if !anchors.contains(&entity.id.as_str()) {
                anchors.push(&entity.id);
            }
        }
        for &fact in facts {
            let fact = self.index.fact(fact);
            if let Object::Entity(id) = &fact.object
                && !anchors.contains(&id.as_str())
            {
                anchors.push(id);
            }
            if !anchors.contains(&fact.subject.as_str()) {
                anchors.push(&fact.subject);
            }
        }
        let asked: Vec<(&str, &str)> = facts
            .iter()
            .map(|&fact| {
                let fact = self.index.fact(fact);
                (fact.subject.as_str(), fact.relation.as_str())
            })
            .collect();
        let asked_relations: Vec<&str> = asked.iter().map(|&(_, relation)| relation).collect();
        let main = |id: &str| self.index.entity(id).is_some_and(|entity| entity.main);
        anchors.retain(|&anchor| match which {
            Anchors::Specific | Anchors::SpecificOnTopic => !main(anchor),
            Anchors::SubjectOnTopic | Anchors::Subject => main(anchor),
        });
        // Each anchor's usable facts, worked out once for every interest level.
        let mut usable: Vec<Vec<usize>> = Vec::with_capacity(anchors.len());
        for anchor in anchors {
            let best: Vec<usize> = self
                .index
                .facts_with_subject(anchor)
                .iter()
                .chain(self.index.facts_with_object(anchor))
                .copied()
                .filter(|&other| {
                    let fact = self.index.fact(other);
                    let on_topic =
                        !matches!(which, Anchors::SubjectOnTopic | Anchors::SpecificOnTopic)
                            || self.index.relation(fact).is_some_and(|relation| {
                                relation.category == draft.category
                                    || asked_relations.contains(&relation.id.as_str())
                            });
                    // A second figure beside figures shown or asked reads as another answer
                        // ("Apollo 17 lasted about 12 days" under options naming Apollo 12).
                    let figure_clash = seen.has_digits
                        && matches!(&fact.object, Object::Value(value) if value.quantity().is_some() || value.date().is_some());
                    let cheap = on_topic
                        && !figure_clash
                        && !facts.contains(&other)
                        && !self.index.is_disputed(other)
                        && self.index.interest_of(other) >= min_interest
                        && !asked.contains(&(fact.subject.as_str(), fact.relation.as_str()))
                        && !matches!(fact.object, Object::Value(Value::Quote { .. }));
                    if !cheap {
                        return false;
                    }
                    let far_end = if fact.subject == anchor {
                        match &fact.object {
                            Object::Entity(id) => Some(id.as_str()),
                            Object::Value(_) => None,
                        }
                    } else {
                        Some(fact.subject.as_str())
                    };
                    let far_end = far_end.and_then(|id| self.index.entity(id));
                    let far_end_shown =
                        far_end.is_some_and(|entity| self.shown_elsewhere(seen, entity));
                    // Another entity of the answer's kind would read as a second answer; under a
                    // statement, one of the kind of an entity it names would read as the true
                    // version of a swapped statement ("Iovine comes from Brooklyn" under "Iovine
                    // was 65 at the London premiere").
                    let rival = far_end.is_some_and(|entity| {
                        (answer_kinds.contains(&entity.kind.as_str())
                            && !answers.iter().any(|answer| answer == &entity.name))
                            || (matches!(draft.body, Body::TrueFalse { .. })
                                && self.prompt_names_kind(seen, &entity.kind))
                    });
                    !far_end_shown
                        && !rival
                        && !seen.repeats_figure(&self.normalised_explanations[other])
                        && seen.adds_words(&self.normalised_explanations[other], false)
                        && !search::contains(&seen.text, &self.normalised_explanations[other])
                })
                .collect::<Vec<usize>>();
            usable.push(best);
        }
        for &level in levels {
            for best in &usable {
                let Some(top) = best
                    .iter()
                    .map(|&other| self.index.interest_of(other))
                    .filter(|&interest| interest >= level)
                    .max()
                else {
                    continue;
                };
                let tied: Vec<usize> = best
                    .iter()
                    .copied()
                    .filter(|&other| self.index.interest_of(other) == top)
                    .collect();
                // Among equals, one fixed by the explanation, so the same fact is not added everywhere.
                let pick = seen.explanation_hash as usize % tied.len();
                return Some(tied[pick]);
            }
        }
        None
    }

    /// "Jay Nierenberg is a sound editor of the series.": the description of the first entity of the
    /// question's facts that has one (the object, then the subject), unless the explanation already
    /// says it.
    fn description_sentence(&self, draft: &Draft, seen: &Seen, main: bool) -> Option<String> {
        self.described(draft, seen, main, true)
    }

    /// [`Self::description_sentence`], keeping or dropping the clauses of a description that
    /// name the quiz's subject.
    fn described(
        &self,
        draft: &Draft,
        seen: &Seen,
        main: bool,
        drop_subject_clauses: bool,
    ) -> Option<String> {
        draft.facts.iter().find_map(|&fact| {
            let fact = self.index.fact(fact);
            let object = match &fact.object {
                Object::Entity(id) => self.index.entity(id),
                Object::Value(_) => None,
            };
            object
                .into_iter()
                .chain(self.index.entity(&fact.subject))
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
                        && !description.starts_with("the ");
                    let article = if starts_plain {
                        format!("{} ", phrasing::indefinite_article(description))
                    } else {
                        String::new()
                    };
                    // The entity was named in full just before: "Hughes is a film director",
                    // "It is a 1958 film".
                    let name = if self.opens_explanation(draft, entity) {
                        "It"
                    } else {
                        self.index.short_name(entity)
                    };
                    let sentence =
                        format!("{name} is {article}{}.", description.trim_end_matches('.'));
                    Some(phrasing::capitalise(&sentence))
                })
        })
    }

    /// The leading clauses of the entity's description, one more in each head (see
    /// [`DescriptionHead`]), less the clauses that name the quiz's subject when
    /// `drop_subject_clauses`; `None` without a description (worked out once per entity).
    fn description_heads(
        &self,
        entity: &Entity,
        drop_subject_clauses: bool,
    ) -> Option<&[DescriptionHead]> {
        let position = self.index.position(entity)?;
        let heads = self.description_heads[position][usize::from(drop_subject_clauses)]
            .get_or_init(|| {
                // Clauses that name the quiz's subject restate the entity's part in it ("rapper,
                // interviewed in The Defiant Ones"): only the rest teaches.
                let clauses: Vec<&str> = entity
                    .description
                    .as_deref()?
                    .split(", ")
                    .map(str::trim)
                    .filter(|clause| {
                        !clause.is_empty()
                            && (!drop_subject_clauses
                                || !self.index.names_main_entity(&phrasing::normalise(clause)))
                    })
                    .collect();
                let heads = (1..=clauses.len())
                    .map(|count| {
                        let text = clauses[..count].join(", ");
                        // Never a cut inside brackets ("(Menace II Society, Dead Presidents)") or
                        // a date ("January 14, 2017").
                        let cuttable = text.matches('(').count() == text.matches(')').count()
                            && !clauses
                                .get(count)
                                .is_some_and(|next| next.starts_with(|c: char| c.is_ascii_digit()));
                        DescriptionHead {
                            words: phrasing::normalise(&text),
                            text,
                            cuttable,
                        }
                    })
                    .collect();
                Some(heads)
            });
        heads.as_deref()
    }

    /// How a question names a fact it rests on: the fact's `id`, or `s-` and 8 hex digits of its
    /// content signature. Hand-written questions name facts by id (`facts = [...]` in a pack).
    fn fact_name(&self, fact: usize) -> String {
        match &self.index.fact(fact).id {
            Some(id) => id.clone(),
            None => format!(
                "s-{:08x}",
                stable_hash(self.signatures[fact].as_bytes()) & 0xffff_ffff
            ),
        }
    }

    /// What the quality score of a draft looks at (see [`super::quality`]).
    fn features(&self, draft: &Draft) -> Features {
        let mut entities: Vec<&Entity> = Vec::new();
        for &fact in &draft.facts {
            let fact = self.index.fact(fact);
            let object = match &fact.object {
                Object::Entity(id) => Some(id.as_str()),
                Object::Value(_) => None,
            };
            for id in std::iter::once(fact.subject.as_str()).chain(object) {
                if let Some(entity) = self.index.entity(id)
                    && !entities.iter().any(|seen| seen.id == entity.id)
                {
                    entities.push(entity);
                }
            }
        }
        let entity_interest = if entities.is_empty() {
            2.0
        } else {
            entities
                .iter()
                .map(|entity| f64::from(entity.interest))
                .sum::<f64>()
                / entities.len() as f64
        };
        let answer_is_main = self.index.base.entities.iter().any(|entity| {
            entity.main
                && draft
                    .answers
                    .iter()
                    .any(|answer| answer == &entity.name || answer == entity.display_name())
        });
        Features {
            kind: draft.body.question_type(),
            fact_interest: draft
                .facts
                .iter()
                .map(|&fact| self.index.interest_of(fact))
                .min()
                .unwrap_or(2),
            entity_interest,
            answer_is_main,
            all_obscure: entities.iter().any(|entity| !entity.main)
                && entities
                    .iter()
                    .filter(|entity| !entity.main)
                    .all(|entity| entity.prominence >= 3),
            attributed: draft.traits.attributed,
            quote_statement: matches!(draft.body, Body::TrueFalse { .. })
                && draft.facts.iter().any(|&fact| {
                    matches!(
                        self.index.fact(fact).object,
                        Object::Value(Value::Quote { .. })
                    )
                }),
            fragment_quote: matches!(
                &draft.body,
                Body::Quote { quote, .. }
                    if !quote.trim().starts_with(|c: char| c.is_uppercase())
            ),
            one_of_many: matches!(draft.body, Body::TrueFalse { .. })
                && draft.facts.iter().any(|&fact| {
                    let fact = self.index.fact(fact);
                    let Object::Entity(object) = &fact.object else {
                        return false;
                    };
                    let same_relation = |others: &[usize]| {
                        others
                            .iter()
                            .filter(|&&other| self.index.fact(other).relation == fact.relation)
                            .count()
                    };
                    same_relation(self.index.facts_with_object(object)) >= 4
                        || same_relation(self.index.facts_with_subject(&fact.subject)) >= 4
                }),
            snapshot: draft
                .facts
                .iter()
                .any(|&fact| self.index.fact(fact).qualifiers.as_of.is_some()),
            loose_teaching: false,
            joins: draft.traits.joins,
            same_fact: 1,
            prompt_words: draft.prompt.split_whitespace().count(),
        }
    }

    /// The question's id, from what it asks rather than how it is worded: its type, its tags (the
    /// relations, the direction), the content signatures of the facts it rests on and its keys (the
    /// entity or value asked about, a swapped-in entity for a false statement). Rewording a template, or
    /// renaming an entity's display name, keeps every id. Two questions asking the same thing of the
    /// same facts would share an id; the later one gets a numbered suffix.
    fn stable_id(&mut self, draft: &Draft) -> String {
        let mut parts: Vec<&str> = Vec::with_capacity(draft.facts.len() + draft.keys.len());
        for &fact in &draft.facts {
            parts.push(&self.signatures[fact]);
        }
        for key in &draft.keys {
            // Keys naming a fact by its position would change when facts are added before it.
            if !key.starts_with("fact|") && !key.starts_with("order-pair|") {
                parts.push(key);
            }
        }
        parts.sort_unstable();
        let mut bytes = Vec::with_capacity(128);
        bytes.extend_from_slice(draft.body.type_name().as_bytes());
        for tag in &draft.tags {
            bytes.push(0);
            bytes.extend_from_slice(tag.as_bytes());
        }
        if let Body::TrueFalse { answer } = draft.body {
            bytes.extend_from_slice(if answer { b"\0true" } else { b"\0false" });
        }
        for part in parts {
            bytes.push(1);
            bytes.extend_from_slice(part.as_bytes());
        }
        let base = format!("g-{:012x}", stable_hash(&bytes) & 0xffff_ffff_ffff);
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    /// The fact, its relation, and its subject entity, if all exist.
    pub(crate) fn parts(&self, fact: usize) -> Option<(&'a Fact, &'a Relation, &'a Entity)> {
        let fact = self.index.fact(fact);
        let relation = self.index.relation(fact)?;
        let subject = self.index.entity(&fact.subject)?;
        Some((fact, relation, subject))
    }

    /// The attribution of a disputed fact to its first source's article; `None` for an undisputed
    /// fact. A disputed fact whose article is unknown cannot be asked at all (`Some(None)`).
    pub(crate) fn attribution(&self, fact: usize) -> Option<Option<Attribution>> {
        if !self.index.is_disputed(fact) {
            return None;
        }
        let facts = &self.index.base.facts;
        let source = facts[fact].sources.first()?;
        let article = self.index.base.article(&source.article);
        let fact_id = facts[fact].id.as_deref();
        let topic = self
            .index
            .base
            .disagreements()
            .iter()
            .find(|disagreement| {
                disagreement
                    .sides
                    .iter()
                    .any(|side| side.facts.iter().any(|id| Some(id.as_str()) == fact_id))
            })
            .map(|disagreement| disagreement.topic.clone());
        Some(article.zip(topic).map(|(article, topic)| Attribution {
            label: article.label.clone(),
            topic,
        }))
    }

    /// The fact as a sentence, from its relation's statement, with `subject` and `object` as given.
    /// `strict` demands every restricting qualifier be kept (see [`phrasing::usable`]).
    pub(crate) fn statement_with(
        &self,
        fact: &Fact,
        relation: &Relation,
        subject: &Slot<'_>,
        object: &Slot<'_>,
        strict: bool,
    ) -> Option<String> {
        if strict && !phrasing::usable(&relation.statement, &fact.qualifiers) {
            return None;
        }
        phrasing::fill(
            &relation.statement,
            Some(subject),
            Some(object),
            &fact.qualifiers,
        )
    }

    /// Facts of one subject and relation as one sentence about all their objects: "Atticus Ross,
    /// Leopold Ross and Claudia Sarne are each credited with the music of the series."
    pub(crate) fn listed_statement(
        &self,
        fact: &Fact,
        relation: &Relation,
        subject: &Entity,
        objects: &[&Entity],
    ) -> Option<String> {
        self.listed_statement_with(fact, relation, &self.name_slot(subject), objects)
    }

    /// [`Self::listed_statement`] with the subject already named ("It").
    fn listed_statement_with(
        &self,
        fact: &Fact,
        relation: &Relation,
        subject: &Slot<'_>,
        objects: &[&Entity],
    ) -> Option<String> {
        let names: Vec<String> = objects
            .iter()
            .map(|entity| self.index.in_sentence(entity).to_string())
            .collect();
        let list = phrasing::join_list(&names);
        let sentence = self.statement_with(
            fact,
            relation,
            subject,
            &Slot::Name(list.clone().into()),
            false,
        )?;
        Some(if names.len() > 1 {
            phrasing::plural_after(&sentence, &list)
        } else {
            sentence
        })
    }

    /// The fact as a sentence with its own subject and object.
    pub(crate) fn statement(&self, fact: &'a Fact, strict: bool) -> Option<String> {
        let relation = self.index.relation(fact)?;
        let subject = self.index.entity(&fact.subject)?;
        let object = self.object_slot(fact, &fact.object)?;
        self.statement_with(fact, relation, &self.name_slot(subject), &object, strict)
    }

    /// A one-line explanation of a fact: its statement, attributed when the sources disagree.
    pub(crate) fn explanation(&self, fact_index: usize) -> String {
        self.explanations[fact_index].clone()
    }

    /// Whether the fact's relation statement renders for it.
    pub(crate) fn statement_renders(&self, fact_index: usize) -> bool {
        self.statement_renders[fact_index]
    }

    /// The fact's explanation, from its statement (see [`Self::statement`]) when that renders.
    fn explain(&self, fact_index: usize, statement: Option<String>) -> String {
        let fact = self.index.fact(fact_index);
        let sentence = statement.unwrap_or_else(|| {
            format!(
                "{}: {}.",
                self.index.base.name_of(&fact.subject),
                self.index.base.object_words(&fact.object)
            )
        });
        match self.attribution(fact_index) {
            // "X has lasted almost 3 decades, according to the report. Other sources disagree on how
            // long ...": the claim, whose it is, and what is disputed, in plain sentences.
            Some(Some(attribution)) => format!(
                "{} Other sources disagree on {}.",
                phrasing::attribute(&sentence, &attribution.label, true),
                lower_first(attribution.topic.trim_end_matches('.'))
            ),
            _ => sentence,
        }
    }

    /// How an object fills `{object}` in a statement; a hedge (`approx`) goes before a value.
    pub(crate) fn object_slot(&self, fact: &Fact, object: &'a Object) -> Option<Slot<'a>> {
        match object {
            Object::Entity(id) => Some(self.name_slot(self.index.entity(id)?)),
            Object::Value(value) => Some(value_slot(value, fact.qualifiers.approx.as_deref())),
        }
    }

    /// An entity filling `{subject}` or `{object}`: named as a sentence names it.
    pub(crate) fn name_slot(&self, entity: &Entity) -> Slot<'static> {
        Slot::Name(self.index.in_sentence(entity).to_owned().into())
    }

    /// An entity as an option or a typed answer shows it.
    pub(crate) fn option_name(&self, entity: &Entity) -> String {
        self.index.as_option(entity)
    }

    /// Mean prominence of the given entities (2 when none).
    pub(crate) fn prominence(&self, ids: &[&str]) -> f64 {
        let known: Vec<f64> = ids
            .iter()
            .filter_map(|id| self.index.entity(id))
            .map(|entity| f64::from(entity.prominence))
            .collect();
        if known.is_empty() {
            2.0
        } else {
            known.iter().sum::<f64>() / known.len() as f64
        }
    }
}

/// How a value reads in a sentence, with a hedge such as "almost" in front.
pub(crate) fn value_slot<'a>(value: &Value, approx: Option<&str>) -> Slot<'a> {
    let hedge = |words: String| match approx {
        Some(approx) if !approx.is_empty() => format!("{approx} {words}"),
        _ => words,
    };
    match value {
        Value::Quote { text } => Slot::Quote(text.clone()),
        Value::Integer { value: number } => Slot::Number(hedge(value.to_words()), *number == 1),
        Value::Date { date } => Slot::Date {
            words: date.to_words(),
            full: date.day.is_some(),
        },
        other => Slot::Words(hedge(other.to_words())),
    }
}

/// Which end of a fact a question asks for, with the entity shown at the other end.
pub(crate) enum Asking<'f> {
    /// "Who directed {subject}?": the subject is shown, the object is the answer.
    Object(&'f Entity),
    /// "Which of these did {object} direct?": the object is shown, the subject is the answer.
    Subject(&'f Entity),
}

/// What every question asking for one end of a fact shares: its attribution when the fact is disputed,
/// the keys that make two questions ask the same thing, its tags, and how to fill a template.
pub(crate) struct Ask<'f> {
    /// Attributed to its source ("According to ..."), because the sources disagree.
    pub attributed: bool,
    pub keys: Vec<String>,
    /// Tags besides the relation id: `reverse`, `attributed`.
    pub extra: Vec<&'static str>,
    attribution: Option<Attribution>,
    shown: String,
    asking_object: bool,
    qualifiers: &'f crate::facts::Qualifiers,
}

impl Ask<'_> {
    /// A template filled with the shown entity and the fact's qualifiers, attributed when it must be.
    pub(crate) fn prompt(&self, template: &str) -> Option<String> {
        let slot = Slot::Name(self.shown.as_str().into());
        let (prompt, placeholder) = if self.asking_object {
            (
                phrasing::fill(template, Some(&slot), None, self.qualifiers)?,
                "{subject}",
            )
        } else {
            (
                phrasing::fill(template, None, Some(&slot), self.qualifiers)?,
                "{object}",
            )
        };
        Some(match &self.attribution {
            Some(attribution) => phrasing::attribute(
                &prompt,
                &attribution.label,
                template.starts_with(placeholder),
            ),
            None => prompt,
        })
    }
}

impl Context<'_> {
    /// The shared parts of a question about one end of `fact`; `None` when the fact is disputed and
    /// cannot be attributed to a single source.
    pub(crate) fn ask<'f>(
        &self,
        fact_index: usize,
        fact: &'f Fact,
        relation: &Relation,
        asking: Asking<'f>,
    ) -> Option<Ask<'f>> {
        let attribution = match self.attribution(fact_index) {
            Some(None) => return None,
            Some(Some(attribution)) => Some(attribution),
            None => None,
        };
        let (direction, shown, asking_object) = match asking {
            Asking::Object(subject) => ("object", subject, true),
            Asking::Subject(object) => ("subject", object, false),
        };
        let mut extra = Vec::new();
        if !asking_object {
            extra.push("reverse");
        }
        if attribution.is_some() {
            extra.push("attributed");
        }
        Some(Ask {
            attributed: attribution.is_some(),
            keys: vec![
                ask_key(direction, &shown.id, &relation.id, fact),
                fact_key(fact_index),
            ],
            extra,
            attribution,
            shown: self.index.in_sentence(shown).to_owned(),
            asking_object,
            qualifiers: &fact.qualifiers,
        })
    }
}

/// The key of "ask for the object of `relation` for `subject`" under the fact's qualifiers.
pub(crate) fn ask_key(direction: &str, anchor: &str, relation: &str, fact: &Fact) -> String {
    let q = &fact.qualifiers;
    format!(
        "ask|{direction}|{anchor}|{relation}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        q.part, q.role, q.as_of, q.category, q.year, q.context, q.region
    )
}

/// What a fact says, independent of where it stands in the files: subject, relation, object and
/// qualifiers. Question ids are built from it.
pub(crate) fn fact_signature(fact: &Fact) -> String {
    let object = match &fact.object {
        Object::Entity(id) => id.clone(),
        Object::Value(value) => serde_json::to_string(value).unwrap_or_default(),
    };
    let q = &fact.qualifiers;
    format!(
        "{}|{}|{object}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        fact.subject,
        fact.relation,
        q.part,
        q.role,
        q.as_of,
        q.category,
        q.year,
        q.context,
        q.region,
        q.approx
    )
}

/// The key of "is this fact true": questions that reveal the same fact ask the same thing.
pub(crate) fn fact_key(fact: usize) -> String {
    format!("fact|{fact}")
}

/// A generator for one question's choices, fixed by its content so the same question always comes out
/// the same.
pub(crate) fn content_rng(label: &str) -> SeededRng {
    SeededRng::derive(0, label)
}

/// Picks one template among those `accept`s, fixed by `label`.
pub(crate) fn pick_template<'t>(
    templates: &'t [String],
    label: &str,
    accept: impl Fn(&str) -> bool,
) -> Option<&'t str> {
    let usable: Vec<&str> = templates
        .iter()
        .map(String::as_str)
        .filter(|template| accept(template))
        .collect();
    if usable.is_empty() {
        return None;
    }
    let mut rng = content_rng(&format!("template|{label}"));
    Some(usable[index(&mut rng, usable.len())])
}

/// Chooses up to `count` wrong options among the plausible ones (`true`: items that play the answer's
/// role), drawn in an order fixed by `label` (a partial Fisher–Yates, so only as many draws as options
/// taken). Returns the chosen items and the share that were plausible (1, or 0 when none).
pub(crate) fn pick_wrong<T: Clone>(pool: &[(T, bool)], count: usize, label: &str) -> (Vec<T>, f64) {
    pick_wrong_where(pool, count, label, |_| true)
}

/// [`pick_wrong`] among the items `accept` lets through, checked only for the items drawn.
pub(crate) fn pick_wrong_where<T: Clone>(
    pool: &[(T, bool)],
    count: usize,
    label: &str,
    accept: impl Fn(&T) -> bool,
) -> (Vec<T>, f64) {
    let mut rng = content_rng(&format!("wrong|{label}"));
    let mut chosen: Vec<T> = Vec::with_capacity(count);
    // Only items that play the answer's role (or a sibling role) are offered: a musician among critics
    // makes the answer stand out. Items of another role are never drawn.
    let mut group: Vec<&T> = pool
        .iter()
        .filter(|(_, plausible)| *plausible)
        .map(|(item, _)| item)
        .collect();
    for position in 0..group.len() {
        if chosen.len() == count {
            break;
        }
        let pick = position + index(&mut rng, group.len() - position);
        group.swap(position, pick);
        if accept(group[position]) {
            chosen.push(group[position].clone());
        }
    }
    let share = if chosen.is_empty() { 0.0 } else { 1.0 };
    (chosen, share)
}

/// Puts the answer among the wrong options in an order fixed by the question's content; returns the
/// options and the answer's index.
pub(crate) fn arrange(answer: String, wrong: Vec<String>, label: &str) -> (Vec<String>, usize) {
    let mut options = Vec::with_capacity(wrong.len() + 1);
    options.push(answer);
    options.extend(wrong);
    let mut order: Vec<usize> = (0..options.len()).collect();
    let mut rng = content_rng(&format!("arrange|{label}"));
    shuffle(&mut rng, &mut order);
    let answer_at = order
        .iter()
        .position(|&original| original == 0)
        .expect("the answer is among the options");
    let arranged = order.into_iter().map(|i| options[i].clone()).collect();
    (arranged, answer_at)
}

/// An entity's name and aliases, the texts a prompt must not contain.
pub(crate) fn names_of(entity: &Entity) -> Vec<String> {
    std::iter::once(entity.name.clone())
        .chain(entity.display.iter().cloned())
        .chain(entity.aliases.iter().cloned())
        .collect()
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Tags naming the relations a question comes from, plus any extra marks.
pub(crate) fn tags(relations: &[&str], extra: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in relations.iter().chain(extra) {
        if !out.iter().any(|seen| seen == tag) {
            out.push((*tag).to_string());
        }
    }
    out
}

/// Whether the right option stands out by repeating the prompt: "Which film gave The Defiant Ones its
/// title?" with the right option "The Defiant Ones (1958 film)" and no wrong option naming the series.
/// An option echoes the prompt when its text, less a trailing parenthesis, is named in the prompt. A
/// free-text answer that echoes the prompt gives itself away outright (the bare name is accepted).
/// `prompt_words` is the prompt normalised.
fn right_option_echoes_prompt(prompt_words: &str, body: &Body) -> bool {
    let (options, right): (&[String], Vec<usize>) = match body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => (options, vec![*answer]),
        Body::SelectAll { options, answers } => (options, answers.clone()),
        Body::FreeText { answer, .. } => (std::slice::from_ref(answer), vec![0]),
        _ => return false,
    };
    let echoes = |option: &str| {
        let bare = match option.trim_end().strip_suffix(')') {
            Some(open) => open.rsplit_once(" (").map_or(option, |(name, _)| name),
            None => option,
        };
        phrasing::mentions(prompt_words, bare)
    };
    let right_echo = right
        .iter()
        .all(|&index| options.get(index).is_some_and(|o| echoes(o)));
    let wrong_echo = options
        .iter()
        .enumerate()
        .any(|(index, option)| !right.contains(&index) && echoes(option));
    right_echo && !wrong_echo
}

/// For each fact, the other facts giving the same value (not a quotation) by the same relation.
fn same_news(base: &crate::facts::FactBase) -> Vec<Vec<usize>> {
    let mut by_value: std::collections::HashMap<(&str, String), Vec<usize>> =
        std::collections::HashMap::new();
    for (position, fact) in base.facts.iter().enumerate() {
        if let Object::Value(value) = &fact.object
            && !matches!(value, Value::Quote { .. })
        {
            let value = serde_json::to_string(value).unwrap_or_default();
            by_value
                .entry((fact.relation.as_str(), value))
                .or_default()
                .push(position);
        }
    }
    let mut same = vec![Vec::new(); base.facts.len()];
    for group in by_value.into_values() {
        if group.len() > 1 {
            for &fact in &group {
                same[fact] = group
                    .iter()
                    .copied()
                    .filter(|&other| other != fact)
                    .collect();
            }
        }
    }
    same
}

/// Whether a value is an exact figure a player must remember, not merely count: a date, an amount, a
/// percentage, a score, or a number above a dozen ("4 parts" and "3 years" are not).
fn exact_figure(value: &Value) -> bool {
    match value {
        Value::Integer { value } => value.unsigned_abs() > 12,
        Value::Duration { amount, .. } => *amount > 12.0,
        Value::Age { .. } => true,
        other => other.date().is_some() || other.quantity().is_some(),
    }
}

#[cfg(test)]
mod echo_tests {
    use super::*;

    #[test]
    fn a_right_option_repeating_the_prompt_gives_it_away() {
        let body = |answer| Body::MultipleChoice {
            options: vec![
                "The Defiant Ones (1958 film)".to_string(),
                "Dead Presidents".to_string(),
                "Menace II Society".to_string(),
            ],
            answer,
            aliases: Vec::new(),
        };
        let prompt = "Which film gave The Defiant Ones its title?";
        let prompt = &phrasing::normalise(prompt);
        assert!(right_option_echoes_prompt(prompt, &body(0)));
        // A wrong option echoing the prompt is a fair trap, not a give-away.
        assert!(!right_option_echoes_prompt(prompt, &body(1)));
        assert!(!right_option_echoes_prompt(
            &phrasing::normalise("Which of these did Allen Hughes direct?"),
            &body(0)
        ));
    }
}
