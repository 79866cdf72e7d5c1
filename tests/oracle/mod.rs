//! An oracle for generated questions, written apart from the generator: it reads the fact files as raw
//! TOML into its own structures, normalises and parses text and values its own way, and for every
//! question finds the facts that make the marked answer right and checks that no wrong option is.
//!
//! It never uses the generator's index, tags, phrasing or rendering helpers, nor the library's fact
//! model. What it relies on is data: the question's type, its answer and options (or statement, items
//! and keys), the names the prompt mentions, and the citations it gives (each citation must be one of
//! the sources of a fact in the files). Wording is free to change: the oracle only asks which entities
//! and values the text names.
//!
//! A question passes when, among the facts it cites:
//! - multiple choice, quote, free text: a fact (or a chain of two, through an entity the prompt does
//!   not need to name) links something the prompt names to the marked answer, and no fact of the same
//!   relation links the same thing, the same way, to any wrong option;
//! - numeric and date: a fact about something the prompt names has exactly the answer as its value (at
//!   the answer's precision), and no other value of the same relation falls within the tolerance;
//! - true/false: a true statement names both ends of a cited fact; a false one names both ends of no
//!   fact of any cited relation;
//! - select-all: the right options are exactly those a cited relation links to what the prompt names;
//! - order: each item names the subject of a cited dated fact (whose date matches the item's key when
//!   there is one), and the items' dates run strictly in the stated direction.
//!
//! A disputed fact makes an answer right only when the prompt names an article that gives it.

mod proofs;
mod raw;
mod values;

use std::path::PathBuf;

use trivia::question::{Body, PartialDate, Question};

pub use raw::RawBase;
use raw::*;
use values::*;

// ---------------------------------------------------------------- facts, directions, chains

/// Which end of a fact a question starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Dir {
    /// From the subject to the object ("Who directed X?").
    Forward,
    /// From the object to the subject ("Which of these did Y direct?", "Who said this?").
    Backward,
}

impl Fact {
    pub(crate) fn subject_end(&self) -> End {
        End::Entity(self.subject)
    }

    pub(crate) fn from(&self, dir: Dir) -> End {
        match dir {
            Dir::Forward => self.subject_end(),
            Dir::Backward => self.object.clone(),
        }
    }

    pub(crate) fn to(&self, dir: Dir) -> End {
        match dir {
            Dir::Forward => self.object.clone(),
            Dir::Backward => self.subject_end(),
        }
    }
}

/// One way the facts make an answer right: a fact read in a direction, or two chained through an
/// entity.
#[derive(Clone, Debug)]
pub(crate) struct Chain {
    links: Vec<(usize, Dir)>,
}

/// The facts a question cites: those with a source equal to one of its citations.
pub(crate) fn cited(base: &RawBase, question: &Question) -> Vec<usize> {
    let citations: Vec<(String, String)> = question
        .sources
        .iter()
        .map(|citation| {
            (
                citation.article.clone(),
                norm(citation.evidence.as_deref().unwrap_or("")),
            )
        })
        .collect();
    (0..base.facts.len())
        .filter(|&i| {
            base.facts[i].sources.iter().any(|(article, evidence)| {
                citations
                    .iter()
                    .any(|(a, e)| a == article && !e.trim().is_empty() && e == evidence)
            })
        })
        .collect()
}

/// Whether a disputed fact is asked as plain truth: it is disputed, no undisputed fact says the same,
/// and the prompt names none of the articles that give it.
pub(crate) fn unattributed_dispute(base: &RawBase, fact: usize, prompt: &str) -> bool {
    if !base.disputed.contains(&fact) {
        return false;
    }
    let f = &base.facts[fact];
    let twin = base.facts.iter().enumerate().any(|(i, g)| {
        !base.disputed.contains(&i)
            && g.subject == f.subject
            && g.relation == f.relation
            && g.object == f.object
    });
    if twin {
        return false;
    }
    let prompt = norm(prompt);
    !f.sources.iter().any(|(file, _)| {
        base.articles
            .iter()
            .filter(|article| &article.file == file)
            .flat_map(|article| &article.names)
            .any(|name| prompt.contains(name.as_str()))
    })
}

/// Every path from something the prompt names to `answer`, through the cited facts.
pub(crate) fn paths_to(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    answer: &dyn Fn(&End) -> bool,
) -> Vec<Chain> {
    let mut out = Vec::new();
    for &f in cited {
        for dir in [Dir::Forward, Dir::Backward] {
            let fact = &base.facts[f];
            if prompt.names(&fact.from(dir)) && answer(&fact.to(dir)) {
                out.push(Chain {
                    links: vec![(f, dir)],
                });
            }
        }
    }
    for &first in cited {
        for dir1 in [Dir::Forward, Dir::Backward] {
            let f1 = &base.facts[first];
            let End::Entity(middle) = f1.to(dir1) else {
                continue;
            };
            if !prompt.names(&f1.from(dir1)) {
                continue;
            }
            for &second in cited {
                for dir2 in [Dir::Forward, Dir::Backward] {
                    let f2 = &base.facts[second];
                    if second != first
                        && f2.from(dir2) == End::Entity(middle)
                        && answer(&f2.to(dir2))
                    {
                        out.push(Chain {
                            links: vec![(first, dir1), (second, dir2)],
                        });
                    }
                }
            }
        }
    }
    out
}

/// Everything the facts reach from the start of `path` along its relations and directions: the ends a
/// player could fairly give as the answer.
pub(crate) fn reachable(base: &RawBase, path: &Chain) -> Vec<End> {
    let (first, dir) = path.links[0];
    let mut frontier = vec![base.facts[first].from(dir)];
    for &(link, dir) in &path.links {
        let relation = &base.facts[link].relation;
        frontier = base
            .facts
            .iter()
            .filter(|fact| &fact.relation == relation && frontier.contains(&fact.from(dir)))
            .map(|fact| fact.to(dir))
            .collect();
    }
    frontier
}

pub(crate) fn describe(base: &RawBase, path: &Chain) -> String {
    path.links
        .iter()
        .map(|&(f, dir)| {
            let fact = &base.facts[f];
            format!(
                "{} {} {:?} ({dir:?})",
                base.entities[fact.subject].id, fact.relation, fact.object
            )
        })
        .collect::<Vec<_>>()
        .join(" then ")
}

// ---------------------------------------------------------------- the verdict

/// Checks one question against the raw facts; `Err` says why the key cannot be trusted.
pub fn verify(base: &RawBase, question: &Question) -> Result<(), String> {
    let cited = cited(base, question);
    if cited.is_empty() {
        return Err("its citations match no source of any fact".into());
    }
    for citation in &question.sources {
        if !base.articles.iter().any(|a| a.file == citation.article) {
            return Err(format!("it cites an unknown article {}", citation.article));
        }
    }
    let prompt_text = match &question.body {
        Body::Quote { quote, .. } => format!("{} \u{201c}{quote}\u{201d}", question.prompt),
        _ => question.prompt.clone(),
    };
    let prompt = Reading::new(base, &prompt_text);
    match &question.body {
        Body::MultipleChoice {
            options, answer, ..
        }
        | Body::Quote {
            options, answer, ..
        } => {
            let right = options.get(*answer).ok_or("the answer is not an option")?;
            let wrong: Vec<&String> = options
                .iter()
                .enumerate()
                .filter(|(i, _)| i != answer)
                .map(|(_, option)| option)
                .collect();
            check_one_answer(base, &cited, &prompt, question, right, &wrong)
        }
        Body::FreeText {
            answer, aliases, ..
        } => {
            check_one_answer(base, &cited, &prompt, question, answer, &[])?;
            // Aliases name what the answer names.
            let meant = denoted(base, answer);
            for alias in aliases {
                if !meant.is_empty() && !denoted(base, alias).iter().any(|i| meant.contains(i)) {
                    return Err(format!("alias `{alias}` does not name the answer"));
                }
            }
            Ok(())
        }
        Body::Numeric {
            answer, tolerance, ..
        } => check_quantity(base, &cited, &prompt, question, *answer, *tolerance),
        Body::Date { answer, .. } => check_date(base, &cited, &prompt, question, answer),
        Body::TrueFalse { answer } => check_statement(base, &cited, question, *answer),
        Body::SelectAll { options, answers } => {
            check_select_all(base, &cited, &prompt, question, options, answers)
        }
        Body::Order {
            items,
            keys,
            direction,
        } => check_order(base, &cited, items, keys, direction.as_deref()),
    }
}

pub(crate) fn check_one_answer(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    question: &Question,
    right: &str,
    wrong: &[&String],
) -> Result<(), String> {
    let paths = paths_to(base, cited, prompt, &|end| end_is(base, end, right));
    if paths.is_empty() {
        return Err(format!(
            "no cited fact links anything the prompt names to the marked answer `{right}`"
        ));
    }
    // The answer must not be in the prompt (nor in the quotation shown with it).
    let shown = match &question.body {
        Body::Quote { quote, .. } => format!("{} \u{201c}{quote}\u{201d}", question.prompt),
        _ => question.prompt.clone(),
    };
    let strict = Reading::strict(base, &shown);
    // Naming the answer by the names players see gives it away; "the series" for the quiz's own
    // subject is how the quiz talks, not the answer.
    let shown_names = named_entities(base, &shown, Tier::Shown);
    if denoted(base, right).is_empty() {
        let (numbers, days) = mentions(right);
        let leaked = if let [number] = numbers.as_slice() {
            mentions(&strict.residue)
                .0
                .iter()
                .any(|n| same_amount(*n, *number))
        } else if let Some(day) = days.first() {
            day_in(&strict.residue, *day)
        } else {
            norm(&strict.text).contains(&norm_name(right))
        };
        if leaked {
            return Err(format!("the prompt gives away the answer `{right}`"));
        }
    }
    let mut reasons = Vec::new();
    for path in &paths {
        let (last, dir) = path.links[path.links.len() - 1];
        if let End::Entity(answer) = base.facts[last].to(dir)
            && shown_names.contains(&answer)
        {
            reasons.push(format!("the prompt names the answer `{right}`"));
            continue;
        }
        if let Some(&(f, _)) = path
            .links
            .iter()
            .find(|(f, _)| unattributed_dispute(base, *f, &question.prompt))
        {
            reasons.push(format!(
                "{} rests on disputed fact {:?} without naming its article",
                describe(base, path),
                base.facts[f].id
            ));
            continue;
        }
        let reach = reachable(base, path);
        if let Some(w) = wrong
            .iter()
            .find(|w| reach.iter().any(|end| end_is(base, end, w)))
        {
            reasons.push(format!(
                "wrong option `{w}` is right too by {}",
                describe(base, path)
            ));
            continue;
        }
        if wrong.is_empty() {
            // Typed answers: one right answer, or the player cannot know which is meant.
            let distinct: Vec<&End> = reach.iter().fold(Vec::new(), |mut seen, end| {
                if !seen.contains(&end) {
                    seen.push(end);
                }
                seen
            });
            if distinct.len() > 1 {
                reasons.push(format!(
                    "{} right answers by {}",
                    distinct.len(),
                    describe(base, path)
                ));
                continue;
            }
        }
        return Ok(());
    }
    Err(reasons.join("; "))
}

pub(crate) fn check_quantity(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    question: &Question,
    answer: f64,
    tolerance: f64,
) -> Result<(), String> {
    if mentions(&prompt.residue)
        .0
        .iter()
        .any(|n| same_amount(*n, answer))
    {
        return Err(format!("the prompt gives away the answer {answer}"));
    }
    let is_answer = |end: &End| matches!(end, End::Value(Val::Num { amount, .. }) if same_amount(*amount, answer));
    let paths = paths_to(base, cited, prompt, &is_answer);
    let mut reasons = Vec::new();
    for path in &paths {
        if path
            .links
            .iter()
            .any(|(f, _)| unattributed_dispute(base, *f, &question.prompt))
        {
            reasons.push(format!("{} is disputed", describe(base, path)));
            continue;
        }
        // The tolerance takes in no other value the facts give the same thing.
        let near = reachable(base, path).into_iter().find_map(|end| match end {
            End::Value(Val::Num { amount, .. })
                if !same_amount(amount, answer) && (amount - answer).abs() <= tolerance =>
            {
                Some(amount)
            }
            _ => None,
        });
        match near {
            Some(value) => reasons.push(format!("{value} is true too and within the tolerance")),
            None => return Ok(()),
        }
    }
    if reasons.is_empty() {
        reasons.push(format!(
            "no cited fact about what the prompt names has the value {answer}"
        ));
    }
    Err(reasons.join("; "))
}

pub(crate) fn check_date(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    question: &Question,
    answer: &PartialDate,
) -> Result<(), String> {
    let answer = Day {
        year: answer.year,
        month: answer.month.map(u32::from),
        day: answer.day.map(u32::from),
    };
    if day_in(&prompt.residue, answer) {
        return Err(format!("the prompt gives away the answer {answer:?}"));
    }
    let is_answer = |end: &End| matches!(end, End::Value(Val::Date(day)) if answer.answers(*day));
    let undisputed = paths_to(base, cited, prompt, &is_answer)
        .into_iter()
        .any(|path| {
            !path
                .links
                .iter()
                .any(|(f, _)| unattributed_dispute(base, *f, &question.prompt))
        });
    if undisputed {
        Ok(())
    } else {
        Err(format!(
            "no cited, undisputed fact about what the prompt names is dated {answer:?}"
        ))
    }
}

/// Whether a statement reads as a relation declared disjoint with the fact's own rather than as its
/// own (a critic "is interviewed in" the series he reviewed). Templates are the fact base's data; only
/// the share of each one's key words the statement holds is compared, so rephrasing that keeps the key
/// words ("interviewed", "reviewed") keeps the verdict.
pub(crate) fn reads_as_disjoint<'a>(base: &'a RawBase, fact: &Fact, text: &str) -> Option<&'a str> {
    let own = template_fit(&base.relations[&fact.relation], text);
    base.relations[&fact.relation]
        .disjoint
        .iter()
        .find(|other| {
            base.relations
                .get(*other)
                .is_some_and(|relation| template_fit(relation, text) > own)
        })
        .map(|other| base.relations.get_key_value(other).unwrap().0.as_str())
}

pub(crate) fn check_statement(
    base: &RawBase,
    cited: &[usize],
    question: &Question,
    answer: bool,
) -> Result<(), String> {
    let statement = Reading::strict(base, &question.prompt);
    let text = question.prompt.as_str();
    let states =
        |fact: &Fact| statement.names(&fact.subject_end()) && statement.names(&fact.object);
    let falsified = falsifying_fact(base, cited, &statement, text);
    if answer {
        if let Ok(how) = falsified {
            return Err(format!("marked true, but {how}"));
        }
        return if cited.iter().any(|&f| {
            let fact = &base.facts[f];
            states(fact)
                && reads_as_disjoint(base, fact, text).is_none()
                && !unattributed_dispute(base, f, text)
        }) {
            Ok(())
        } else {
            Err("marked true, but it states no cited fact".into())
        };
    }
    falsified
        .map(|_| ())
        .map_err(|reasons| format!("marked false, but {reasons}"))
}

/// A cited fact the statement contradicts, as `Ok(how)`; or why none does, as `Err`.
pub(crate) fn falsifying_fact(
    base: &RawBase,
    cited: &[usize],
    statement: &Reading,
    text: &str,
) -> Result<String, String> {
    let kind = |i: usize| base.entities[i].kind.as_str();
    let describe_fact = |fact: &Fact| {
        format!(
            "{} {} {:?}",
            base.entities[fact.subject].id, fact.relation, fact.object
        )
    };
    // A swap is read only in the cited facts whose relation the statement reads most like (a
    // statement about who walked the red carpet with Dre swaps nothing in the fact of whom he married,
    // cited from the same sentence).
    let fit = |f: usize| template_fit(&base.relations[&base.facts[f].relation], text);
    let best = cited.iter().map(|&f| fit(f)).fold(0.0, f64::max);
    let mut reasons = Vec::new();
    for &f in cited {
        let fact = &base.facts[f];
        let relation = &base.relations[&fact.relation];
        let same_relation = |g: &&Fact| g.relation == fact.relation;
        let subject_named = statement.names(&fact.subject_end());
        let object_named = statement.names(&fact.object);
        if fit(f) < best && !(subject_named && object_named) {
            continue;
        }
        match (subject_named, object_named) {
            // The object swapped for another of its sort: no fact of the relation gives the subject
            // anything the statement names, and the relation lists every object (no open list).
            (true, false) => {
                let replaced = match &fact.object {
                    End::Entity(o) => statement
                        .named
                        .iter()
                        .any(|&e| e != fact.subject && e != *o && kind(e) == kind(*o)),
                    End::Value(Val::Num { .. }) => !mentions(&statement.residue).0.is_empty(),
                    End::Value(Val::Date(_)) => !mentions(&statement.residue).1.is_empty(),
                    End::Value(Val::Text(_)) => base
                        .facts
                        .iter()
                        .filter(same_relation)
                        .any(|g| g.object != fact.object && statement.names(&g.object)),
                };
                if !replaced {
                    continue;
                }
                if let Some(g) = base
                    .facts
                    .iter()
                    .filter(same_relation)
                    .find(|g| g.subject == fact.subject && statement.names(&g.object))
                {
                    reasons.push(format!("it states {} {:?}", g.relation, g.object));
                } else if relation.many && !relation.complete {
                    reasons.push(format!(
                        "`{}` is an open list, so leaving something out of it proves nothing",
                        fact.relation
                    ));
                } else {
                    return Ok(format!("it swaps the object of {}", describe_fact(fact)));
                }
            }
            // The subject swapped for another of its kind, whose own objects of the relation are known
            // and do not include this one.
            (false, true) => {
                let replacements: Vec<usize> = statement
                    .named
                    .iter()
                    .copied()
                    .filter(|&e| {
                        e != fact.subject
                            && fact.object != End::Entity(e)
                            && kind(e) == kind(fact.subject)
                    })
                    .collect();
                if replacements.is_empty() {
                    continue;
                }
                let stated = base
                    .facts
                    .iter()
                    .filter(same_relation)
                    .find(|g| g.object == fact.object && statement.names(&g.subject_end()));
                let known = replacements.iter().all(|&e| {
                    base.facts
                        .iter()
                        .filter(same_relation)
                        .any(|g| g.subject == e)
                });
                match stated {
                    Some(g) => reasons.push(format!(
                        "it states {} {} {:?}",
                        base.entities[g.subject].id, g.relation, g.object
                    )),
                    None if !relation.inverse_one
                        && (relation.many && !relation.complete || !known) =>
                    {
                        reasons.push(format!(
                            "the facts do not list every object of `{}` for what it names",
                            fact.relation
                        ))
                    }
                    None => {
                        return Ok(format!("it swaps the subject of {}", describe_fact(fact)));
                    }
                }
            }
            // Both ends of a cited fact, read as a relation declared disjoint with the fact's own, and
            // no fact of that relation links the two.
            (true, true) => match reads_as_disjoint(base, fact, text) {
                Some(other)
                    if !base.facts.iter().any(|g| {
                        g.relation == other && g.subject == fact.subject && g.object == fact.object
                    }) =>
                {
                    return Ok(format!(
                        "it reads as `{other}`, disjoint with {}",
                        describe_fact(fact)
                    ));
                }
                _ => reasons.push(format!(
                    "it states {} {} {:?}",
                    base.entities[fact.subject].id, fact.relation, fact.object
                )),
            },
            (false, false) => {}
        }
    }
    if reasons.is_empty() {
        reasons.push("it swaps no end of a cited fact for another of its sort".into());
    }
    Err(reasons.join("; "))
}

pub(crate) fn check_select_all(
    base: &RawBase,
    cited: &[usize],
    prompt: &Reading,
    question: &Question,
    options: &[String],
    answers: &[usize],
) -> Result<(), String> {
    let mut starts: Vec<(End, &str, Dir)> = Vec::new();
    for &f in cited {
        let fact = &base.facts[f];
        for dir in [Dir::Forward, Dir::Backward] {
            let start = fact.from(dir);
            if prompt.names(&start) {
                starts.push((start, fact.relation.as_str(), dir));
            }
        }
    }
    let mut reasons = Vec::new();
    for (start, relation, dir) in starts {
        let linked = |option: &str| -> Option<usize> {
            base.facts.iter().position(|fact| {
                fact.relation == relation
                    && fact.from(dir) == start
                    && end_is(base, &fact.to(dir), option)
            })
        };
        let mut ok = true;
        for (index, option) in options.iter().enumerate() {
            match (answers.contains(&index), linked(option)) {
                (true, None) => {
                    reasons.push(format!(
                        "right option `{option}` is not linked by {relation}"
                    ));
                    ok = false;
                }
                (true, Some(f)) if unattributed_dispute(base, f, &question.prompt) => {
                    reasons.push(format!("right option `{option}` rests on a disputed fact"));
                    ok = false;
                }
                (false, Some(_)) => {
                    reasons.push(format!("wrong option `{option}` is linked by {relation}"));
                    ok = false;
                }
                _ => {}
            }
        }
        if ok {
            return Ok(());
        }
    }
    if reasons.is_empty() {
        reasons.push("the prompt names no end of a cited fact".into());
    }
    Err(reasons.join("; "))
}

pub(crate) fn check_order(
    base: &RawBase,
    cited: &[usize],
    items: &[String],
    keys: &[String],
    direction: Option<&str>,
) -> Result<(), String> {
    let mut ranges = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let reading = Reading::new(base, item);
        let key = keys.get(index);
        let dates: Vec<Day> = cited
            .iter()
            .map(|&f| &base.facts[f])
            .filter(|fact| {
                reading.names(&fact.subject_end())
                    || matches!(fact.object, End::Entity(_)) && reading.names(&fact.object)
            })
            .filter_map(|fact| match &fact.object {
                End::Value(Val::Date(day)) => Some(*day),
                _ => None,
            })
            .filter(|day| key.is_none_or(|key| text_is_value(key, &Val::Date(*day))))
            .collect();
        if dates.is_empty() {
            return Err(format!(
                "item `{item}` names no cited dated fact{}",
                key.map_or(String::new(), |key| format!(" dated {key}"))
            ));
        }
        let start = dates.iter().map(|d| d.range().0).min().unwrap();
        let end = dates.iter().map(|d| d.range().1).max().unwrap();
        ranges.push((item, start, end));
    }
    let latest_first = direction.is_some_and(|d| {
        let d = norm(d);
        ["latest", "newest", "most recent", "last"]
            .iter()
            .any(|word| d.contains(&format!(" {word} ")))
    });
    for pair in ranges.windows(2) {
        let ((a, a0, a1), (b, b0, b1)) = (pair[0], pair[1]);
        let in_order = if latest_first { b1 < a0 } else { a1 < b0 };
        if !in_order {
            return Err(format!(
                "`{a}` ({a0:?}..{a1:?}) does not come strictly before `{b}` ({b0:?}..{b1:?})"
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- the committed fact bases

/// The shipped fact base and every committed test base: each `.toml` file directly in
/// `tests/data/facts/`, each folder in it, and the game transcripts' base `tests/data/game/facts.toml`.
pub fn committed_bases() -> Vec<(String, Vec<PathBuf>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut bases = vec![("seeds".to_string(), vec![root.join("seeds")])];
    let folder = root.join("tests/data/facts");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir() || path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        bases.push((name, vec![path]));
    }
    bases.push((
        "tests/data/game/facts.toml".into(),
        vec![root.join("tests/data/game/facts.toml")],
    ));
    bases
}
