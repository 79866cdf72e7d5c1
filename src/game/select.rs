//! Which questions a game asks: a pure function of the pool, the filters, the seed and the ids the player
//! saw recently. No question twice in a game; recent questions only when there are not enough others;
//! every matching question, generated or hand-written, equally likely (so openings spread over the
//! whole pool of easy questions); difficulty rising.

use std::collections::{BTreeSet, HashSet};

use crate::question::{Body, Difficulty, Question, QuestionType};
use crate::rng::{self, SeededRng};

use super::Mode;

/// Where a question in the pool comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// Made by the generator from the fact base.
    Generated,
    /// Written by hand in a question pack.
    Pack,
}

/// Every question a game may draw from, each with its source; ids are unique, and no two questions
/// share prompt, options and answer.
#[derive(Clone, Debug, Default)]
pub struct Pool {
    questions: Vec<Question>,
    sources: Vec<Source>,
    ids: HashSet<String>,
    prompts: HashSet<String>,
}

impl Pool {
    /// An empty pool.
    pub fn new() -> Self {
        Pool::default()
    }

    /// Adds questions from `source`, leaving out any whose id, or whose prompt (ignoring case and
    /// spacing) together with its options and answer, is already in the pool. Returns how many were
    /// added.
    pub fn extend(
        &mut self,
        questions: impl IntoIterator<Item = Question>,
        source: Source,
    ) -> usize {
        let mut added = 0;
        for question in questions {
            let prompt_key = prompt_key(&question);
            if self.ids.contains(&question.id) || self.prompts.contains(&prompt_key) {
                continue;
            }
            self.ids.insert(question.id.clone());
            self.prompts.insert(prompt_key);
            self.questions.push(question);
            self.sources.push(source);
            added += 1;
        }
        added
    }

    /// The questions, in the order they were added.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Question `index`.
    pub fn get(&self, index: usize) -> &Question {
        &self.questions[index]
    }

    /// Where question `index` comes from.
    pub fn source(&self, index: usize) -> Source {
        self.sources[index]
    }

    /// How many questions the pool holds.
    pub fn len(&self) -> usize {
        self.questions.len()
    }

    /// Whether the pool is empty.
    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// The distinct categories, sorted.
    pub fn categories(&self) -> Vec<&str> {
        let set: BTreeSet<&str> = self.questions.iter().map(|q| q.category.as_str()).collect();
        set.into_iter().collect()
    }

    /// Indices of the questions that pass `filters`, in pool order.
    pub fn matching(&self, filters: &Filters) -> Vec<usize> {
        (0..self.questions.len())
            .filter(|&index| filters.accepts(&self.questions[index], self.sources[index]))
            .collect()
    }
}

fn prompt_key(question: &Question) -> String {
    // Folded by the one normaliser, so prompts that differ only in case, punctuation or `&` are one.
    let prompt = crate::answer::normalize(&question.prompt);
    // A prompt can be generic ("Who said this?", "In what order did these happen?", "Who appears as
    // themselves in the series?" with another answer): the question is the prompt with what it shows
    // and asks for, so only true repeats are dropped and every distinct question can reach a game.
    let body = serde_json::to_string(&question.body).unwrap_or_default();
    format!("{prompt}\u{0}{}", body.to_lowercase())
}

/// Which sources a game draws from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sources {
    /// Generated and pack questions, each question as likely as any other.
    #[default]
    Both,
    GeneratedOnly,
    PacksOnly,
}

/// Restrictions on the questions a game may ask; empty lists allow everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Category names, matched ignoring case.
    pub categories: Vec<String>,
    pub difficulties: Vec<Difficulty>,
    pub types: Vec<QuestionType>,
    pub sources: Sources,
}

impl Filters {
    /// Whether a question from `source` passes.
    pub fn accepts(&self, question: &Question, source: Source) -> bool {
        let source_ok = match self.sources {
            Sources::Both => true,
            Sources::GeneratedOnly => source == Source::Generated,
            Sources::PacksOnly => source == Source::Pack,
        };
        source_ok
            && (self.categories.is_empty()
                || self
                    .categories
                    .iter()
                    .any(|category| category.trim().eq_ignore_ascii_case(&question.category)))
            && (self.difficulties.is_empty() || self.difficulties.contains(&question.difficulty))
            && (self.types.is_empty() || self.types.contains(&question.body.question_type()))
    }
}

/// Picks the questions of a game: indices into `pool`, in the order to ask them.
///
/// `count` questions (all matching ones when `None`) are drawn with a generator derived from `seed`;
/// ids in `recent` are used only when the other matching questions are too few. Every matching question
/// is as likely as any other to be drawn, whichever source it comes from, so a game (and its opening
/// question) spreads over the whole pool. Every mode but review asks them easiest first.
pub fn select(
    pool: &Pool,
    filters: &Filters,
    mode: Mode,
    count: Option<usize>,
    seed: u64,
    recent: &BTreeSet<String>,
) -> Vec<usize> {
    let mut rng = SeededRng::derive(seed, "select");
    let matching = pool.matching(filters);
    let count = count.unwrap_or(matching.len()).min(matching.len());
    // Two groups, each in a random order: fresh questions and recent ones. Generated and hand-written
    // questions share each group on equal terms, so every matching question is as likely as any
    // other to be asked, and to open the game, whichever source it comes from.
    let mut groups: [Vec<usize>; 2] = Default::default();
    for &index in &matching {
        let recent = recent.contains(&pool.get(index).id);
        groups[usize::from(recent)].push(index);
    }
    for group in &mut groups {
        rng::shuffle(&mut rng, group);
        interleave_types(pool, group, &mut rng);
    }
    // The opening question: any fresh easy one, all equally likely (type turns would favour the few
    // easy questions of a rare type).
    let opener = (mode != Mode::Review && count > 0)
        .then(|| {
            let easy: Vec<usize> = groups[0]
                .iter()
                .copied()
                .filter(|&index| pool.get(index).difficulty == Difficulty::Easy)
                .collect();
            rng::choose(&mut rng, &easy).copied()
        })
        .flatten();
    if let Some(opener) = opener {
        groups[0].retain(|&index| index != opener);
        groups[0].insert(0, opener);
    }
    let fresh = groups[0].len();
    let ranked: Vec<usize> = groups.concat();
    // Fresh questions always come before recent ones; the difficulty spread applies within each.
    let mut chosen = pick_with_spread(pool, &ranked[..fresh], count, mode);
    let recent_chosen = pick_with_spread(pool, &ranked[fresh..], count - chosen.len(), mode);
    chosen.extend(recent_chosen);
    rng::shuffle(&mut rng, &mut chosen);
    if mode != Mode::Review {
        chosen.sort_by_key(|&index| pool.get(index).difficulty);
    }
    if let Some(at) = opener.and_then(|opener| chosen.iter().position(|&index| index == opener)) {
        let opener = chosen.remove(at);
        chosen.insert(0, opener);
    }
    chosen
}

/// The first `count` of `ranked`, keeping to a spread of difficulties where the pool allows (three in
/// ten easy, three in ten hard, the rest medium) so a game visibly rises; survival and review take them
/// as ranked. A question whose text would give away the answer of one already picked (or whose answer
/// an already picked one shows), or that rests on a fact an already picked one rests on, waits until
/// nothing else is left.
fn pick_with_spread(pool: &Pool, ranked: &[usize], count: usize, mode: Mode) -> Vec<usize> {
    let mut room = if matches!(mode, Mode::Survival | Mode::Review) {
        [count; 3]
    } else {
        // Saturating: a count near usize::MAX (from `--count`) must not overflow.
        let easy = count.saturating_mul(3).saturating_add(5) / 10;
        let hard = easy;
        [easy, count - easy - hard, hard]
    };
    let slot = |index: usize| pool.get(index).difficulty as usize;
    let mut picked = vec![false; ranked.len()];
    // Never more than there are questions ranked, whatever count was asked for.
    let mut chosen: Vec<usize> = Vec::with_capacity(count.min(ranked.len()));
    let mut chosen_leaks: Vec<Leak> = Vec::with_capacity(count.min(ranked.len()));
    // Pass 1 keeps the spread and avoids give-aways; pass 2 only avoids give-aways; pass 3 fills up.
    for pass in 0..3 {
        for (at, &index) in ranked.iter().enumerate() {
            if chosen.len() == count {
                return chosen;
            }
            if picked[at] || (pass == 0 && room[slot(index)] == 0) {
                continue;
            }
            let leak = Leak::of(pool.get(index));
            // One fact, one question per game: two questions resting on the same fact (generated
            // or hand-written with `facts = [...]`) ask the same thing twice.
            let same_fact = pool.get(index).facts().any(|fact| {
                chosen
                    .iter()
                    .any(|&other| pool.get(other).facts().any(|taken| taken == fact))
            });
            // The same words asked twice read as one question repeated, whatever the options.
            let same_prompt = chosen
                .iter()
                .any(|&other| same_prompt(pool.get(other), pool.get(index)));
            let clashes = same_fact
                || same_prompt
                || chosen_leaks
                    .iter()
                    .any(|other| leak.gives_away(other) || other.gives_away(&leak));
            if clashes && pass < 2 {
                continue;
            }
            if pass == 0 {
                room[slot(index)] -= 1;
            }
            picked[at] = true;
            chosen.push(index);
            chosen_leaks.push(leak);
        }
    }
    chosen
}

/// Whether two questions ask in the same words (case, spacing and punctuation aside).
fn same_prompt(one: &Question, other: &Question) -> bool {
    crate::answer::normalize(&one.prompt) == crate::answer::normalize(&other.prompt)
}

/// What a question shows and what it asks for, normalised, to tell whether one question gives away
/// another's answer.
#[derive(Clone, Debug)]
struct Leak {
    /// Prompt, quote and choices, normalised, padded with spaces for whole-word search.
    shown: String,
    /// The answer, normalised and padded; empty when the answer is not a phrase (true/false, lists).
    answer: String,
}

impl Leak {
    fn of(question: &Question) -> Leak {
        let mut shown = format!(" {} ", crate::answer::normalize(&question.prompt));
        if let Body::Quote { quote, .. } = &question.body {
            shown.push_str(&crate::answer::normalize(quote));
            shown.push(' ');
        }
        for choice in question.body.choices() {
            shown.push_str(&crate::answer::normalize(choice));
            shown.push(' ');
        }
        let answer = match &question.body {
            Body::TrueFalse { .. } | Body::SelectAll { .. } | Body::Order { .. } => String::new(),
            body => {
                let text = crate::answer::normalize(&body.answer_text());
                if text.is_empty() {
                    text
                } else {
                    format!(" {text} ")
                }
            }
        };
        Leak { shown, answer }
    }

    /// Whether this question's text contains the other's answer as whole words.
    fn gives_away(&self, other: &Leak) -> bool {
        !other.answer.is_empty() && self.shown.contains(&other.answer)
    }
}

/// Reorders `group` (already shuffled) so question types take turns, in a random order of types: a
/// game drawn from the front of it gets as many different types as it can, whatever the pool's mix.
fn interleave_types(pool: &Pool, group: &mut Vec<usize>, rng: &mut SeededRng) {
    let mut by_type: Vec<(QuestionType, Vec<usize>)> = Vec::new();
    for &index in group.iter() {
        let kind = pool.get(index).body.question_type();
        match by_type.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, list)) => list.push(index),
            None => by_type.push((kind, vec![index])),
        }
    }
    by_type.sort_by_key(|(kind, _)| *kind);
    rng::shuffle(rng, &mut by_type);
    group.clear();
    let longest = by_type
        .iter()
        .map(|(_, list)| list.len())
        .max()
        .unwrap_or(0);
    for round in 0..longest {
        for (_, list) in &by_type {
            if let Some(&index) = list.get(round) {
                group.push(index);
            }
        }
    }
}

/// The questions of a review game: the `due` ids (most urgent first) that are in the pool and pass the
/// filters, at most `count`.
pub fn select_review(pool: &Pool, filters: &Filters, due: &[String], count: usize) -> Vec<usize> {
    due.iter()
        .filter_map(|id| {
            pool.questions
                .iter()
                .position(|question| &question.id == id)
        })
        .filter(|&index| filters.accepts(pool.get(index), pool.source(index)))
        .take(count)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::demo;

    fn demo_pool() -> Pool {
        let mut pool = Pool::new();
        let questions = demo::questions();
        let (a, b) = questions.split_at(10);
        pool.extend(a.to_vec(), Source::Pack);
        pool.extend(b.to_vec(), Source::Generated);
        pool
    }

    /// The ids a classic game of `count` questions asks with `seed`, nothing recent.
    fn classic_ids(pool: &Pool, count: usize, seed: u64) -> Vec<&str> {
        select(
            pool,
            &Filters::default(),
            Mode::Classic,
            Some(count),
            seed,
            &BTreeSet::new(),
        )
        .into_iter()
        .map(|index| pool.get(index).id.as_str())
        .collect()
    }

    #[test]
    fn no_question_gives_away_another_answer_in_the_same_game() {
        let statement = |id: &str, prompt: &str| Question {
            id: id.into(),
            prompt: prompt.into(),
            body: Body::TrueFalse { answer: true },
            category: "Film".into(),
            difficulty: Difficulty::Easy,
            explanation: String::new(),
            sources: Vec::new(),
            tags: Vec::new(),
            time_limit: None,
        };
        let year = Question {
            id: "year".into(),
            prompt: "In what year was the film released?".into(),
            body: Body::Numeric {
                answer: 1958.0,
                tolerance: 0.0,
                unit: None,
            },
            ..statement("year", "")
        };
        let mut questions = vec![
            statement("leak", "Tony Curtis starred in the 1958 film."),
            year,
        ];
        for n in 0..6 {
            questions.push(statement(
                &format!("other-{n}"),
                &format!("Statement number {n}."),
            ));
        }
        let mut pool = Pool::new();
        pool.extend(questions, Source::Pack);
        for seed in 0..40 {
            let picked = classic_ids(&pool, 7, seed);
            assert_eq!(picked.len(), 7);
            assert!(
                !(picked.contains(&"leak") && picked.contains(&"year")),
                "seed {seed}: {picked:?}"
            );
        }
        // With no other question left, both are still asked rather than a short game.
        assert_eq!(classic_ids(&pool, 8, 1).len(), 8);
    }

    #[test]
    fn a_game_asks_the_same_words_twice_only_when_nothing_else_is_left() {
        // "Which of these did Dr. Dre say at the London premiere?" came up twice in a row, over two
        // of his quotations.
        // Options named after the question, so no question shows another's answer.
        let choice = |id: &str, prompt: &str| Question {
            id: id.into(),
            prompt: prompt.into(),
            body: Body::MultipleChoice {
                options: (0..4)
                    .map(|option| format!("{id} option {option}"))
                    .collect(),
                answer: 0,
                aliases: Vec::new(),
            },
            category: "Quotes".into(),
            difficulty: Difficulty::Easy,
            explanation: String::new(),
            sources: Vec::new(),
            tags: Vec::new(),
            time_limit: None,
        };
        let asked = "Which of these did Ada say at the launch?";
        let mut questions = vec![
            choice("first", asked),
            choice("second", "which of these did ADA say at the launch"),
        ];
        for n in 0..6 {
            questions.push(choice(
                &format!("other-{n}"),
                &format!("Question number {n}?"),
            ));
        }
        let mut pool = Pool::new();
        pool.extend(questions, Source::Pack);
        assert_eq!(pool.len(), 8);
        for seed in 0..40 {
            let picked = classic_ids(&pool, 7, seed);
            assert!(
                !(picked.contains(&"first") && picked.contains(&"second")),
                "seed {seed}: {picked:?}"
            );
        }
        assert_eq!(classic_ids(&pool, 8, 1).len(), 8);
    }

    #[test]
    fn same_seed_same_selection_and_difficulty_rises() {
        let pool = demo_pool();
        let filters = Filters::default();
        let none = BTreeSet::new();
        let first = select(&pool, &filters, Mode::Classic, Some(8), 5, &none);
        assert_eq!(
            first,
            select(&pool, &filters, Mode::Classic, Some(8), 5, &none)
        );
        assert_eq!(first.len(), 8);
        let difficulties: Vec<_> = first.iter().map(|&i| pool.get(i).difficulty).collect();
        assert!(
            difficulties.windows(2).all(|w| w[0] <= w[1]),
            "{difficulties:?}"
        );
        let mut distinct = first.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 8);
    }

    #[test]
    fn both_sources_are_drawn_in_proportion_to_their_size() {
        let pool = demo_pool();
        let packs_in_pool = (0..pool.len())
            .filter(|&i| pool.source(i) == Source::Pack)
            .count();
        let mut packs_drawn = 0;
        let games = 300;
        for seed in 0..games {
            let picked = select(
                &pool,
                &Filters::default(),
                Mode::Classic,
                Some(6),
                seed,
                &BTreeSet::new(),
            );
            packs_drawn += picked
                .iter()
                .filter(|&&i| pool.source(i) == Source::Pack)
                .count();
        }
        let drawn_share = packs_drawn as f64 / (games as f64 * 6.0);
        let pool_share = packs_in_pool as f64 / pool.len() as f64;
        assert!(
            (drawn_share - pool_share).abs() < 0.1,
            "packs are {pool_share:.2} of the pool but {drawn_share:.2} of the questions asked"
        );
    }

    #[test]
    fn recent_questions_are_avoided_while_others_remain() {
        let pool = demo_pool();
        let recent: BTreeSet<String> = pool.questions()[..14]
            .iter()
            .map(|q| q.id.clone())
            .collect();
        let picked = select(
            &pool,
            &Filters::default(),
            Mode::Classic,
            Some(6),
            3,
            &recent,
        );
        assert!(picked.iter().all(|&i| !recent.contains(&pool.get(i).id)));
        let picked = select(
            &pool,
            &Filters::default(),
            Mode::Classic,
            Some(10),
            3,
            &recent,
        );
        assert_eq!(picked.len(), 10);
        let fresh = picked
            .iter()
            .filter(|&&i| !recent.contains(&pool.get(i).id))
            .count();
        assert_eq!(fresh, 6);
    }

    #[test]
    fn filters_restrict_the_draw() {
        let pool = demo_pool();
        let filters = Filters {
            types: vec![QuestionType::TrueFalse],
            ..Filters::default()
        };
        let picked = select(
            &pool,
            &filters,
            Mode::Classic,
            Some(10),
            3,
            &BTreeSet::new(),
        );
        assert!(!picked.is_empty());
        assert!(
            picked
                .iter()
                .all(|&i| pool.get(i).body.question_type() == QuestionType::TrueFalse)
        );
        let filters = Filters {
            sources: Sources::GeneratedOnly,
            ..Filters::default()
        };
        let picked = select(
            &pool,
            &filters,
            Mode::Classic,
            Some(10),
            3,
            &BTreeSet::new(),
        );
        assert!(picked.iter().all(|&i| pool.source(i) == Source::Generated));
    }

    #[test]
    fn classic_games_spread_their_difficulties() {
        let pool = demo_pool();
        for seed in 0..20 {
            let picked = select(
                &pool,
                &Filters::default(),
                Mode::Classic,
                Some(10),
                seed,
                &BTreeSet::new(),
            );
            let count = |d: Difficulty| {
                picked
                    .iter()
                    .filter(|&&i| pool.get(i).difficulty == d)
                    .count()
            };
            assert_eq!(
                (
                    count(Difficulty::Easy),
                    count(Difficulty::Medium),
                    count(Difficulty::Hard)
                ),
                (3, 4, 3),
                "seed {seed}"
            );
        }
    }

    /// Regression (found by mutation testing: `select_review` could return any fixed list unnoticed):
    /// a review game asks the due questions, most urgent first, that are still in the pool and pass the
    /// filters, at most `count` of them.
    #[test]
    fn review_asks_the_due_questions_in_their_order() {
        let pool = demo_pool();
        let id = |index: usize| pool.get(index).id.clone();
        let due = vec![
            id(5),
            "no-longer-in-the-pool".to_string(),
            id(2),
            id(12),
            id(0),
        ];
        let all = Filters::default();
        assert_eq!(select_review(&pool, &all, &due, 10), [5, 2, 12, 0]);
        assert_eq!(select_review(&pool, &all, &due, 2), [5, 2]);
        let generated = Filters {
            sources: Sources::GeneratedOnly,
            ..Filters::default()
        };
        assert_eq!(select_review(&pool, &generated, &due, 10), [12]);
        assert!(select_review(&pool, &all, &[], 10).is_empty());
    }

    #[test]
    fn duplicates_are_dropped_from_the_pool() {
        let mut pool = Pool::new();
        assert_eq!(pool.extend(demo::questions(), Source::Pack), 20);
        assert_eq!(pool.extend(demo::questions(), Source::Generated), 0);
    }
}
