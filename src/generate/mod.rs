//! The question generator: derives quiz questions from a [`FactBase`], each one sourced, phrased from its
//! relation's templates, with options that are provably wrong and a difficulty from a documented formula.
//!
//! [`Generator::new`] builds every question the facts support once (the candidate pool, in fact order);
//! [`Generator::draw`] then picks a set from it with the caller's seeded generator, so a seed always
//! gives the same questions in the same order with the same options. [`generate_all`] and [`generate`]
//! are one-call shortcuts.
//!
//! What comes out of a fact (see `docs/generate.md` for the full rules):
//!
//! | fact | questions |
//! | --- | --- |
//! | entity object | multiple choice and free text for the object, the same for the subject (`ask_subject`), true/false |
//! | many-valued relation with `ask_all` | select-all over a subject's objects |
//! | quantity (money, count, duration, score ...) | typed numeric within a stated tolerance, multiple choice over a ladder, true/false |
//! | date | typed date, multiple choice over a ladder of dates, true/false, order (3 to 5 events) |
//! | text value of a one-valued relation | multiple choice among other subjects' values, free text, true/false |
//! | quotation | quote ("Who said this?"), multiple choice over quotations, true/false |
//! | two facts sharing an entity | two-step: multiple choice ("... the person who directed X?"), date or numeric ("In what year was the film that gave X its title released?") |
//!
//! Rules every question keeps: a wrong option is never linked to the subject by the relation in any
//! fact, and for an open list only entities a disjoint relation rules out are used; a disputed fact is
//! never asked as plain truth (only "according to" its article) nor used to rule anything out; the
//! prompt never contains the answer or its aliases; options are placed by a generator seeded from the
//! question's content, so their position tells nothing.
//!
//! Difficulty: see [`difficulty`].

pub mod difficulty;
mod distractors;
mod ids;
mod index;
mod matching;
mod mentions;
mod numeric;
mod phrasing;
pub mod quality;
mod retelling;
mod search;
mod select;
mod template;
mod types;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::facts::{FactBase, Object, Value};
use crate::question::{Difficulty, Question, QuestionType};
use crate::rng::Rng;

pub use ids::renamed_id;
pub(crate) use ids::{renamed_ids, renamed_ids_digest};
use index::Index;
pub use quality::{BAR as QUALITY_BAR, Quality};
pub use types::fact_name;
use types::{Candidate, Context};

/// What [`Generator::draw`] picks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenerateOptions {
    /// How many questions (fewer when the pool runs out).
    pub count: usize,
    /// Only these types; all when empty.
    pub types: Vec<QuestionType>,
    /// Only these difficulties; all when empty.
    pub difficulties: Vec<Difficulty>,
    /// Only these categories (case ignored); all when empty.
    pub categories: Vec<String>,
    /// Ids never to draw, such as questions a game has already asked.
    pub exclude: Vec<String>,
    /// Only questions whose quality score is at least this; [`quality::BAR`] by default, `None` for
    /// every question.
    pub min_quality: Option<u8>,
}

impl Default for GenerateOptions {
    /// Ten questions of any type, difficulty and category.
    fn default() -> Self {
        GenerateOptions {
            count: 10,
            types: Vec::new(),
            difficulties: Vec::new(),
            categories: Vec::new(),
            exclude: Vec::new(),
            min_quality: Some(quality::BAR),
        }
    }
}

/// Every question a fact base supports, built once; draw sets from it as often as needed.
///
/// ```
/// use trivia::facts::load_sources;
/// use trivia::generate::{GenerateOptions, Generator};
/// use trivia::question::{Body, QuestionType};
/// use trivia::rng::SeededRng;
/// use trivia::tomldoc::SourceFile;
///
/// let facts = r#"
/// [[article]]
/// file = "notes.txt"
/// title = "Notes"
/// label = "the notes"
///
/// [[relation]]
/// id = "directed_by"
/// subject = ["film"]
/// object = ["person"]
/// category = "Crew"
/// ask_object = ["Who directed {subject}?"]
/// statement = "{subject} was directed by {object}."
///
/// [[entity]]
/// id = "heat"
/// name = "Heat"
/// kind = "film"
///
/// [[entity]]
/// id = "michael-mann"
/// name = "Michael Mann"
/// kind = "person"
///
/// [[fact]]
/// subject = "heat"
/// relation = "directed_by"
/// object = "michael-mann"
/// sources = [{ article = "notes.txt", evidence = "Heat was directed by Michael Mann" }]
/// "#;
/// let base = load_sources(vec![SourceFile::new("facts.toml", facts)]).expect("valid facts");
/// let generator = Generator::new(&base);
/// // Typed in, the director is the answer.
/// let typed = generator
///     .questions()
///     .find(|question| question.body.question_type() == QuestionType::FreeText)
///     .expect("a free-text question");
/// assert_eq!(typed.prompt, "Who directed Heat?");
/// assert!(matches!(&typed.body, Body::FreeText { answer, .. } if answer == "Michael Mann"));
///
/// // Draws are seeded: the same seed gives the same set.
/// let options = GenerateOptions { count: 1, ..GenerateOptions::default() };
/// let drawn = generator.draw(&options, &mut SeededRng::from_seed(7));
/// assert_eq!(drawn.len(), 1);
/// assert_eq!(drawn, generator.draw(&options, &mut SeededRng::from_seed(7)));
/// ```
#[derive(Clone, Debug)]
pub struct Generator {
    candidates: Vec<Candidate>,
    /// Facts marked never worth asking (`interest = 0`), by fact index.
    never_asked: Vec<bool>,
    /// Where each fact no question uses was declared, for reports (see [`Generator::coverage`]).
    fact_origins: BTreeMap<usize, String>,
    /// Whether each fact's relation statement renders for it (it then explains a question built from
    /// several facts; otherwise only a question of its own counts as using it).
    explained: Vec<bool>,
}

impl Generator {
    /// Builds every question `base` supports. Deterministic: the same facts give the same questions.
    pub fn new(base: &FactBase) -> Generator {
        let mut cx = Context::new(Index::new(base));
        let never_asked: Vec<bool> = (0..base.facts.len())
            .map(|fact| cx.index.interest_of(fact) == 0)
            .collect();
        for (fact_index, fact) in base.facts.iter().enumerate() {
            match &fact.object {
                Object::Entity(_) => {
                    types::choice::entity_object(&mut cx, fact_index);
                    types::choice::entity_subject(&mut cx, fact_index);
                }
                Object::Value(Value::Quote { .. }) => {
                    types::quote::who_said(&mut cx, fact_index);
                    types::quote::which_words(&mut cx, fact_index);
                }
                Object::Value(Value::Date { .. }) => types::numbers::date(&mut cx, fact_index),
                Object::Value(Value::Text { .. }) => {
                    types::choice::text_object(&mut cx, fact_index);
                    types::choice::text_subject(&mut cx, fact_index);
                }
                Object::Value(_) => types::numbers::amount(&mut cx, fact_index),
            }
            types::true_false::statements(&mut cx, fact_index);
        }
        types::select_all::all(&mut cx);
        types::order::all(&mut cx);
        types::two_step::all(&mut cx);
        let explained: Vec<bool> = (0..base.facts.len())
            .map(|fact| cx.statement_renders(fact))
            .collect();
        // Two facts can read the same once phrased (the same statement from two sources): one
        // question is enough. Only questions sharing a prompt can read the same, so the content hash
        // (of the prompt and the body) is worked out for those alone.
        let built = cx.candidates;
        let mut prompts: index::HashMap<&str, usize> =
            index::HashMap::with_capacity_and_hasher(built.len(), Default::default());
        for candidate in &built {
            *prompts
                .entry(candidate.question.prompt.as_str())
                .or_default() += 1;
        }
        let mut seen: index::HashSet<u64> = index::HashSet::default();
        let kept: Vec<bool> = built
            .iter()
            .map(|candidate| {
                let question = &candidate.question;
                prompts[question.prompt.as_str()] == 1
                    || seen.insert(Question::content_hash(&question.prompt, &question.body))
            })
            .collect();
        drop(prompts);
        // Kept in place: only the questions after the first one dropped move.
        let mut candidates = built;
        let mut kept = kept.into_iter();
        candidates.retain(|_| kept.next().unwrap_or(true));
        // Redundancy: how many questions rest on each fact.
        let mut per_fact = vec![0usize; base.facts.len()];
        for candidate in &candidates {
            for &fact in &candidate.facts {
                per_fact[fact] += 1;
            }
        }
        for candidate in &mut candidates {
            candidate.features.same_fact = candidate
                .facts
                .iter()
                .map(|&fact| per_fact[fact])
                .max()
                .unwrap_or(1);
            candidate.quality = quality::rate(&candidate.features);
        }
        let mut generator = Generator {
            candidates,
            never_asked,
            explained,
            fact_origins: BTreeMap::new(),
        };
        // Only the facts no question uses are ever reported.
        for index in generator.uncovered_facts() {
            let fact = &base.facts[index];
            let origin = format!(
                "{}: {} {} {}",
                fact.origin,
                fact.subject,
                fact.relation,
                base.object_words(&fact.object)
            );
            generator.fact_origins.insert(index, origin);
        }
        generator
    }

    /// Every question, in a fixed order (fact by fact, then select-all, order and two-step questions);
    /// ids are distinct.
    pub fn questions(&self) -> impl ExactSizeIterator<Item = &Question> + '_ {
        self.candidates.iter().map(|candidate| &candidate.question)
    }

    /// Every question with its quality score, in pool order.
    pub fn scored(&self) -> impl ExactSizeIterator<Item = (&Question, &Quality)> + '_ {
        self.candidates
            .iter()
            .map(|candidate| (&candidate.question, &candidate.quality))
    }

    /// The questions a default game draws from: those scoring at least [`quality::BAR`], in pool order.
    pub fn playable(&self) -> Vec<Question> {
        self.candidates
            .iter()
            .filter(|candidate| candidate.quality.above_bar())
            .map(|candidate| candidate.question.clone())
            .collect()
    }

    /// The quality score of the question with this id.
    pub fn quality_of(&self, id: &str) -> Option<&Quality> {
        self.candidates
            .iter()
            .find(|candidate| candidate.question.id == id)
            .map(|candidate| &candidate.quality)
    }

    /// How many questions the pool holds.
    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    /// Whether the facts support no question at all.
    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// Every question passing the filters of `options` (its `count` is ignored), in pool order.
    pub fn all(&self, options: &GenerateOptions) -> Vec<Question> {
        self.candidates
            .iter()
            .filter(|candidate| select::accepts(options, candidate))
            .map(|candidate| candidate.question.clone())
            .collect()
    }

    /// Up to `options.count` questions passing its filters, no two asking the same thing, drawn with
    /// `rng` (a [`SeededRng`](crate::rng::SeededRng) for reproducible sets): types are mixed evenly,
    /// true and false statements in equal measure.
    pub fn draw<R: Rng + ?Sized>(&self, options: &GenerateOptions, rng: &mut R) -> Vec<Question> {
        select::draw(&self.candidates, options, rng)
            .into_iter()
            .map(|position| self.candidates[position].question.clone())
            .collect()
    }

    /// The indices of the facts that yield no question (see [`Generator::coverage`]), in fact order.
    /// Facts the author marks never worth asking (`interest = 0`, on the fact or its relation) are not
    /// listed.
    pub fn uncovered_facts(&self) -> Vec<usize> {
        let mut covered = self.never_asked.clone();
        for candidate in &self.candidates {
            let alone = candidate.facts.len() == 1;
            for &fact in &candidate.facts {
                if alone || self.explained[fact] {
                    covered[fact] = true;
                }
            }
        }
        (0..covered.len())
            .filter(|&index| !covered[index])
            .collect()
    }

    /// How many facts yield at least one question, and which do not. Facts never worth asking are left
    /// out of both counts.
    ///
    /// A fact counts when a question is built from it alone, or when it takes part in a question built
    /// from several facts (select-all, order, two-step) and its relation's statement renders for it, so
    /// the explanation says it. A fact whose templates all name a qualifier it lacks yields nothing,
    /// even if it is one answer of a select-all.
    pub fn coverage(&self) -> Coverage {
        let uncovered: Vec<String> = self
            .uncovered_facts()
            .into_iter()
            .map(|index| self.fact_origins.get(&index).cloned().unwrap_or_default())
            .collect();
        let asked = self.never_asked.iter().filter(|never| !**never).count();
        Coverage {
            facts: asked,
            covered: asked - uncovered.len(),
            uncovered,
        }
    }
}

/// How much of the fact base the questions use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Facts in the base.
    pub facts: usize,
    /// Facts at least one question is built from.
    pub covered: usize,
    /// The facts no question uses: `file:line:column: subject relation object`.
    pub uncovered: Vec<String>,
}

impl Coverage {
    /// The covered share, 0 to 1 (1 for an empty base).
    pub fn ratio(&self) -> f64 {
        if self.facts == 0 {
            1.0
        } else {
            self.covered as f64 / self.facts as f64
        }
    }
}

/// Counts of a set of questions by type and by difficulty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Questions counted.
    pub questions: usize,
    /// How many of each type (types with none are absent).
    pub by_type: BTreeMap<QuestionType, usize>,
    /// How many of each difficulty (difficulties with none are absent).
    pub by_difficulty: BTreeMap<Difficulty, usize>,
}

impl Stats {
    /// Counts `questions`.
    pub fn of(questions: &[Question]) -> Stats {
        let mut stats = Stats {
            questions: questions.len(),
            ..Stats::default()
        };
        for question in questions {
            *stats
                .by_type
                .entry(question.body.question_type())
                .or_default() += 1;
            *stats.by_difficulty.entry(question.difficulty).or_default() += 1;
        }
        stats
    }
}

/// Every question the facts support, deterministic, ids distinct, whatever its quality score (a default
/// game takes [`Generator::playable`] instead).
pub fn generate_all(base: &FactBase) -> Vec<Question> {
    Generator::new(base).questions().cloned().collect()
}

/// Up to `options.count` distinct questions drawn with `rng`; see [`Generator::draw`].
pub fn generate<R: Rng + ?Sized>(
    base: &FactBase,
    options: &GenerateOptions,
    rng: &mut R,
) -> Vec<Question> {
    Generator::new(base).draw(options, rng)
}
