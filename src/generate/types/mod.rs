//! Question builders, one file per kind of question, sharing a [`Context`]: the fact-base indexes, the
//! phrasing of facts as prompts and statements, and the final checks every question passes (no answer
//! in the prompt, a content id, a difficulty, the sources of every fact it uses).

mod ask;
mod bridges;
pub(crate) mod choice;
mod descriptions;
mod features;
mod giveaway;
mod interest;
mod joining;
mod memo;
mod news;
pub(crate) mod numbers;
pub(crate) mod order;
mod parallels;
pub(crate) mod quote;
mod seen;
pub(crate) mod select_all;
mod shape;
mod shared;
mod teaching;
pub(crate) mod true_false;
pub(crate) mod two_step;
mod words;

use crate::facts::{Entity, Fact, Object, Relation, Value};
use crate::question::{Body, Citation, FACT_TAG, Question, stable_hash, stable_hash_parts};

use super::difficulty::{self, Traits};
use super::index::Index;
use super::phrasing::{self, Slot};
use super::quality::{Features, Quality};
pub(crate) use ask::{Ask, Asking};
use descriptions::DescriptionHeads;
pub use shared::fact_name;
use shared::lower_first;
pub(crate) use shared::{
    Key, arrange, ask_key, content_rng, fact_key, fact_signature, names_of, pick_template,
    pick_wrong, pick_wrong_preferring, pick_wrong_where, tags,
};
use teaching::Teaching;

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
    /// The entities its first fact links, other than the quiz's subject (by position in the fact
    /// base): a draw spreads its questions over them.
    pub topics: Vec<usize>,
}

/// A question before its id, difficulty and sources are worked out.
pub(crate) struct Draft {
    pub prompt: String,
    pub body: Body,
    pub category: String,
    pub explanation: String,
    pub facts: Vec<usize>,
    /// What the question asks (see [`ask_key`] and [`fact_key`]); the prompt is added as a key too.
    pub keys: Vec<Key>,
    pub traits: Traits,
    /// Names, aliases and values the prompt must not contain.
    pub answers: Vec<String>,
    pub tags: Vec<String>,
    /// Facts the prompt relies on without asking them ("Compton is in California" under "Where in
    /// California does Dr. Dre come from?"): cited after `facts`, of any interest, no part of the id.
    pub supporting: Vec<usize>,
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
    /// The words of each fact's explanation, numbered for the teaching checks.
    words: words::Words,
    /// Each fact's relation statement with its own subject and object (see [`Context::statement`]),
    /// when it renders: its explanation, unless the sources disagree.
    statements: Vec<Option<String>>,
    /// Each entity's description cut clause by clause, once worked out.
    description_heads: Vec<DescriptionHeads>,
    /// Each fact's content signature (see [`fact_signature`]), worked out once.
    signatures: Vec<String>,
    /// The hash of each fact's [`fact_key`], worked out once.
    fact_key_hashes: Vec<u64>,
    /// The tag naming each fact (see [`Context::fact_name`]), worked out once.
    fact_tags: Vec<String>,
    /// Ids given so far, to keep them distinct: each as the 48 bits of its hash and its number (1 for
    /// the id without a suffix, `n` for `-n`), as no two ids share both.
    ids: super::index::HashSet<(u64, u32)>,
    /// For each fact, the other facts giving the same value by the same relation (Part 1 premiered on
    /// the day the series did): a game asks about one of them only.
    same_news: Vec<Vec<usize>>,
    /// What the builders work out more than once, kept the first time.
    memo: memo::Memo,
    /// The shape of each relation's statement (see [`shape`]), by relation position.
    statement_shapes: Vec<shape::StatementShape<'a>>,
    /// The categories of the relations, each once, in declaration order.
    categories: Vec<&'a str>,
    /// The number of each relation's category (its place in `categories`), by relation position.
    relation_categories: Vec<usize>,
    /// The [`stable_hash`] of each fact's explanation, once worked out.
    explanation_hashes: Vec<std::cell::OnceCell<u64>>,
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
            memo: memo::Memo::new(index.base.facts.len()),
            // Room for every question of a typical base (about two per fact): growing the table
            // moves every question built so far.
            candidates: Vec::with_capacity(index.base.facts.len() * 2 + 16),
            index,
            explanations: Vec::new(),
            normalised_explanations: Vec::new(),
            words: words::Words::default(),
            statements: Vec::new(),
            description_heads: Vec::new(),
            signatures: Vec::new(),
            fact_key_hashes: Vec::new(),
            fact_tags: Vec::new(),
            ids: super::index::HashSet::default(),
            same_news: Vec::new(),
            statement_shapes: Vec::new(),
            categories: Vec::new(),
            relation_categories: Vec::new(),
            explanation_hashes: Vec::new(),
        };
        for relation in &cx.index.base.relations {
            let category = relation.category.as_str();
            let number = match cx.categories.iter().position(|&known| known == category) {
                Some(number) => number,
                None => {
                    cx.categories.push(category);
                    cx.categories.len() - 1
                }
            };
            cx.relation_categories.push(number);
        }
        cx.ids.reserve(cx.index.base.facts.len() * 4);
        cx.same_news = news::same_news(cx.index.base);
        cx.description_heads = (0..cx.index.base.entities.len())
            .map(|_| Default::default())
            .collect();
        cx.signatures = cx.index.base.facts.iter().map(fact_signature).collect();
        cx.statement_shapes = (cx.index.base.relations.iter())
            .map(|relation| shape::StatementShape::of(&relation.statement))
            .collect();
        let facts = 0..cx.index.base.facts.len();
        cx.fact_key_hashes = facts
            .clone()
            .map(|fact| stable_hash(shared::fact_key_text(fact).as_bytes()))
            .collect();
        cx.fact_tags = facts
            .map(|fact| [FACT_TAG, &cx.fact_name(fact)].concat())
            .collect();
        cx.statements = cx
            .index
            .base
            .facts
            .iter()
            .map(|fact| cx.statement(fact, false))
            .collect();
        cx.explanations = (0..cx.statements.len())
            .map(|fact| cx.explain(fact, cx.statements[fact].clone()))
            .collect();
        cx.normalised_explanations = cx
            .explanations
            .iter()
            .map(|explanation| cx.memo.texts.of(explanation).trim().to_string())
            .collect();
        cx.words = words::Words::new(&cx.normalised_explanations);
        cx.explanation_hashes = (0..cx.explanations.len())
            .map(|_| std::cell::OnceCell::new())
            .collect();
        cx
    }

    /// The number of a category (see `relation_categories`); `None` when no relation has it.
    pub(crate) fn category_number(&self, category: &str) -> Option<usize> {
        self.categories.iter().position(|&known| known == category)
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
        let prompt_words = self.memo.texts.of(&draft.prompt);
        if self.memo.texts.leaks_into(&prompt_words, &draft.answers) {
            return false;
        }
        // (The quotation was normalised when the question was built, and the answers are names
        // read by every check: both are looked up, not normalised again.)
        if let Body::Quote { quote, .. } = &draft.body
            && self
                .memo
                .texts
                .leaks_into(&self.memo.texts.of(quote), &draft.answers)
        {
            debug_assert!(phrasing::leaks(quote, &draft.answers));
            return false;
        }
        if giveaway::right_option_echoes_prompt(&prompt_words, &draft.body, &self.memo.texts) {
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
        // Room for every citation of the question's facts and of one fact its explanation teaches.
        let citations: usize = draft
            .facts
            .iter()
            .chain(&draft.supporting)
            .map(|&fact| self.index.fact(fact).sources.len())
            .sum();
        let mut sources: Vec<Citation> = Vec::with_capacity(citations + 2);
        for &fact in draft.facts.iter().chain(&draft.supporting) {
            self.cite(&mut sources, fact);
        }
        // Room for the draft's keys, the prompt's and the options', and a key per fact it rests on.
        let mut keys: Vec<u64> = Vec::with_capacity(draft.keys.len() + 2 + 2 * draft.facts.len());
        keys.extend(draft.keys.iter().map(|key| match key {
            Key::Text(text) => stable_hash(text.as_bytes()),
            Key::Fact(fact) => self.fact_key_hashes[*fact],
        }));
        keys.push(stable_hash_parts(&[b"prompt|", prompt_words.as_bytes()]));
        // Two questions offering the same set of options ask one thing twice ("What happens in
        // Part 3?" and "What happens in Part 4?" over the same four synopses).
        if let Body::MultipleChoice { options, .. } | Body::Quote { options, .. } = &draft.body {
            let mut shown: Vec<std::rc::Rc<str>> =
                options.iter().map(|o| self.memo.texts.of(o)).collect();
            shown.sort_unstable();
            // The options joined by `|`, hashed as they are read rather than joined first.
            let mut parts: Vec<&[u8]> = Vec::with_capacity(2 * shown.len());
            parts.push(b"options|");
            for (place, option) in shown.iter().enumerate() {
                if place > 0 {
                    parts.push(b"|");
                }
                parts.push(option.as_bytes());
            }
            debug_assert_eq!(
                stable_hash_parts(&parts),
                stable_hash_parts(&[b"options|", shown.join("|").as_bytes()])
            );
            keys.push(stable_hash_parts(&parts));
        }
        let mut features = self.features(&draft);
        // An explanation teaches one more true, cited fact: why a tempting wrong option is wrong, more
        // about the answer or the entity asked about, or more on the same topic about the quiz's subject.
        let explanation = draft.explanation.clone();
        let (teaching, loose) = self.teaching(&draft, &explanation, &prompt_words);
        features.loose_teaching = loose;
        let taught: Vec<u64> = match &teaching {
            Teaching::Fact(extra) | Teaching::Contrast(extra) => {
                vec![self.fact_key_hashes[*extra]]
            }
            Teaching::Description(about) => {
                let mut taught = vec![stable_hash_parts(&[
                    b"taught|",
                    self.memo.texts.of(&about.sentence).as_bytes(),
                ])];
                // A description naming what one of the entity's facts links it to teaches that
                // fact ("a record producer from Brooklyn" answers "Where does Jimmy Iovine come
                // from?"): the draw keeps it apart from the question asking it.
                let described = &self.index.base.entities[about.entity];
                for &fact in self.index.facts_with_subject(&described.id) {
                    let named = self.index.object_of(fact).is_some_and(|object| {
                        super::search::names_whole(&about.phrase, object.display_name())
                    });
                    if named {
                        taught.push(self.fact_key_hashes[fact]);
                    }
                }
                taught
            }
            Teaching::Nothing => Vec::new(),
        };
        let answered_in_one_sentence = phrasing::one_sentence(&explanation);
        let contrast = matches!(teaching, Teaching::Contrast(_));
        let taught_fact = match &teaching {
            Teaching::Fact(extra) | Teaching::Contrast(extra) => Some(*extra),
            Teaching::Description(_) | Teaching::Nothing => None,
        };
        let explanation = self.with_teaching(&draft, explanation, teaching, &mut sources);
        let explanation = self.retold(&draft, taught_fact, &explanation);
        // What could not be folded into the answer's sentence, nor set against it, stands after
        // it as a sentence from elsewhere: the mark of a pasted-on fact.
        features.tacked_on =
            !contrast && answered_in_one_sentence && !phrasing::one_sentence(&explanation);
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
        let mut rests_on = Vec::with_capacity(2 * draft.facts.len());
        rests_on.extend_from_slice(&draft.facts);
        for &fact in &draft.facts {
            for &same in &self.same_news[fact] {
                if !rests_on.contains(&same) {
                    rests_on.push(same);
                    keys.push(self.fact_key_hashes[same]);
                }
            }
        }
        draft_tags.reserve(rests_on.len());
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
        let topics: Vec<usize> = draft
            .facts
            .first()
            .map(|&fact| {
                [self.index.subject_of(fact), self.index.object_of(fact)]
                    .into_iter()
                    .flatten()
                    .filter(|entity| !entity.main)
                    .filter_map(|entity| self.index.position(entity))
                    .collect()
            })
            .unwrap_or_default();
        self.candidates.push(Candidate {
            question,
            facts: draft.facts,
            keys,
            taught,
            features,
            quality: Quality::default(),
            topics,
        });
        true
    }

    /// Adds a fact's citations to a question's sources, each once.
    fn cite(&self, sources: &mut Vec<Citation>, fact: usize) {
        for citation in &self.index.fact(fact).sources {
            if !sources.contains(citation) {
                sources.push(citation.clone());
            }
        }
    }

    /// How a question names a fact it rests on: the fact's `id`, or `s-` and 8 hex digits of its
    /// content signature. Hand-written questions name facts by id (`facts = [...]` in a pack).
    fn fact_name(&self, fact: usize) -> String {
        match &self.index.fact(fact).id {
            Some(id) => id.clone(),
            None => shared::signature_name(&self.signatures[fact]),
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
            if let Key::Text(key) = key
                && !key.starts_with("order-pair|")
            {
                parts.push(key);
            }
        }
        parts.sort_unstable();
        // The type, each tag after a zero byte, the truth, each part after a one byte: hashed as
        // they are read rather than copied into one text first.
        let mut bytes: Vec<&[u8]> = Vec::with_capacity(2 * (draft.tags.len() + parts.len()) + 2);
        bytes.push(draft.body.type_name().as_bytes());
        for tag in &draft.tags {
            bytes.push(b"\0");
            bytes.push(tag.as_bytes());
        }
        if let Body::TrueFalse { answer } = draft.body {
            bytes.push(if answer { b"\0true" } else { b"\0false" });
        }
        for part in parts {
            bytes.push(b"\x01");
            bytes.push(part.as_bytes());
        }
        let hash = stable_hash_parts(&bytes) & 0xffff_ffff_ffff;
        // Twelve hex digits, never a dash: the base and the number tell every id apart.
        let base = shared::hex_name("g-", hash, 12);
        debug_assert_eq!(base.len(), 14);
        if self.ids.insert((hash, 1)) {
            return base;
        }
        let mut n = 2;
        while !self.ids.insert((hash, n)) {
            n += 1;
        }
        format!("{base}-{n}")
    }

    /// The fact, its relation, and its subject entity, if all exist.
    pub(crate) fn parts(&self, position: usize) -> Option<(&'a Fact, &'a Relation, &'a Entity)> {
        let fact = self.index.fact(position);
        let relation = self.index.relation(fact)?;
        let subject = self.index.subject_of(position)?;
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

    /// The shape of the fact's relation statement (see [`shape`]), worked out once per relation;
    /// `None` when the relation is unknown.
    fn statement_shape(&self, fact_index: usize) -> Option<&shape::StatementShape<'a>> {
        let shape = self
            .index
            .relation_position(fact_index)
            .map(|relation| &self.statement_shapes[relation]);
        debug_assert_eq!(
            shape.copied(),
            self.index
                .relation(self.index.fact(fact_index))
                .map(|relation| shape::StatementShape::of(&relation.statement))
        );
        shape
    }

    /// Whether the fact's relation statement renders for it.
    pub(crate) fn statement_renders(&self, fact_index: usize) -> bool {
        self.statements[fact_index].is_some()
    }

    /// The fact's relation statement with its own subject and object, as [`Self::statement`] of it
    /// (not strict) gives it, worked out once.
    pub(crate) fn own_statement(&self, fact_index: usize) -> Option<&str> {
        self.statements[fact_index].as_deref()
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
        // Summed as they come, in order, as a list of them would sum.
        let (sum, known) = ids
            .iter()
            .filter_map(|id| self.index.entity(id))
            .fold((0.0, 0usize), |(sum, known), entity| {
                (sum + f64::from(entity.prominence), known + 1)
            });
        if known == 0 { 2.0 } else { sum / known as f64 }
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
