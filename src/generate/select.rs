//! Choosing a set of questions from the candidate pool: filters, a fair mix of types, and no two
//! questions that ask the same thing.
//!
//! Each pick draws a question type uniformly among the types still available (true/false is split into
//! true and false statements, drawn evenly, and is left out once it holds one pick in ten while any
//! other type is left; a multiple-choice question offering quotations is set aside once the draw holds
//! one in twenty), then a question of that type weighted by its quality
//! score (see [`draw_weight`]: a question scoring 70 is drawn four times as often as one scoring 55),
//! with [`below`](crate::rng::below) on the caller's seeded generator. A question that shares a key with one
//! already chosen (same fact, same prompt, same subject and relation asked) is passed over. One whose
//! explanation teaches what a chosen question asks or teaches (or asks what one teaches) is set aside,
//! and taken in the order it was drawn only when the pool has nothing else left. Once two picks (one
//! in ten for larger draws) are about one entity other than the quiz's subject, further questions
//! on it are set aside and taken before any statement past its cap.

use std::collections::HashSet;

use crate::question::{Body, QuestionType};
use crate::rng::{Rng, below, weighted_index};

use super::GenerateOptions;
use super::types::Candidate;

/// Whether a candidate passes the option filters.
pub(crate) fn accepts(options: &GenerateOptions, candidate: &Candidate) -> bool {
    let question = &candidate.question;
    (options.types.is_empty() || options.types.contains(&question.body.question_type()))
        && (options.difficulties.is_empty() || options.difficulties.contains(&question.difficulty))
        && (options.categories.is_empty()
            || options
                .categories
                .iter()
                .any(|category| category.eq_ignore_ascii_case(&question.category)))
        && !options.exclude.contains(&question.id)
        && options
            .min_quality
            .is_none_or(|bar| candidate.quality.score >= bar)
}

/// A bucket of candidates drawn from together: one per type, true/false split by answer.
fn bucket_of(candidate: &Candidate) -> (QuestionType, u8) {
    let body = &candidate.question.body;
    let variant = match body {
        Body::TrueFalse { answer } => u8::from(*answer),
        _ => 0,
    };
    (body.question_type(), variant)
}

/// How much more often a question is drawn than others of its type: the square of its score's
/// distance above 10 points under the bar, and 1 at least. At the bar (50) it is 100, at 55 it is
/// 225, at 70 it is 900: the headline facts come up most, and every question above the bar can.
pub(crate) fn draw_weight(score: u8) -> u32 {
    let above = (i32::from(score) - i32::from(super::quality::BAR) + 10).max(1) as u32;
    above * above
}

/// Indices into `candidates` of up to `options.count` questions, in the order drawn.
pub(crate) fn draw<R: Rng + ?Sized>(
    candidates: &[Candidate],
    options: &GenerateOptions,
    rng: &mut R,
) -> Vec<usize> {
    // Buckets in a fixed order: by type as documented, then variant.
    let mut buckets: Vec<((QuestionType, u8), Vec<usize>)> = Vec::new();
    for (position, candidate) in candidates.iter().enumerate() {
        if !accepts(options, candidate) {
            continue;
        }
        let key = bucket_of(candidate);
        match buckets.iter_mut().find(|(seen, _)| *seen == key) {
            Some((_, members)) => members.push(position),
            None => buckets.push((key, vec![position])),
        }
    }
    buckets.sort_by_key(|(key, _)| *key);
    // Never more than there are candidates, whatever count was asked for.
    let mut chosen: Vec<usize> = Vec::with_capacity(options.count.min(candidates.len()));
    let mut taken: HashSet<u64> = HashSet::new();
    let mut taught: HashSet<u64> = HashSet::new();
    let mut set_aside: Vec<usize> = Vec::new();
    // True/false is the cheapest type to make and the weakest to play: at most one pick in ten
    // while another type is left.
    let statements_cap = (options.count / 10).max(1);
    let mut statements = 0;
    let quote_options_cap = (options.count / 20).max(1);
    let mut quote_options = 0;
    // A quiz writer spreads a round over its topics: at most one pick in ten (two at least) about
    // any one entity other than the quiz's subject, while other questions are left (three
    // questions on the sale of Beats read as one question asked three ways).
    let topic_cap = (options.count / 10).max(2);
    let mut on_topic: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    // Questions set aside only to spread the topics, in the order drawn: taken before a statement
    // past its cap.
    let mut spread_aside: Vec<usize> = Vec::new();
    while chosen.len() < options.count {
        let mut types: Vec<QuestionType> = buckets.iter().map(|((kind, _), _)| *kind).collect();
        types.dedup();
        if statements >= statements_cap && types.len() > 1 {
            types.retain(|kind| *kind != QuestionType::TrueFalse);
        }
        if statements >= statements_cap && types.iter().all(|kind| *kind == QuestionType::TrueFalse)
        {
            // The eligible one on the least covered topic, first drawn among equals.
            let coverage = |pick: usize| {
                candidates[pick]
                    .topics
                    .iter()
                    .map(|topic| on_topic.get(topic).copied().unwrap_or(0))
                    .max()
                    .unwrap_or(0)
            };
            let next = spread_aside
                .iter()
                .enumerate()
                .filter(|&(_, &pick)| {
                    let candidate = &candidates[pick];
                    let statement =
                        candidate.question.body.question_type() == QuestionType::TrueFalse;
                    let quotes_over_cap =
                        candidate.features.quote_options && quote_options >= quote_options_cap;
                    let asked = candidate
                        .keys
                        .iter()
                        .any(|key| taken.contains(key) || taught.contains(key));
                    let repeats_teaching = candidate
                        .taught
                        .iter()
                        .any(|key| taken.contains(key) || taught.contains(key));
                    !(statement || quotes_over_cap || asked || repeats_teaching)
                })
                .min_by_key(|&(at, &pick)| (coverage(pick), at))
                .map(|(at, _)| at);
            if let Some(at) = next {
                let pick = spread_aside.remove(at);
                let candidate = &candidates[pick];
                taken.extend(candidate.keys.iter().copied());
                taught.extend(candidate.taught.iter().copied());
                if candidate.features.quote_options {
                    quote_options += 1;
                }
                for &topic in &candidate.topics {
                    *on_topic.entry(topic).or_default() += 1;
                }
                chosen.push(pick);
                continue;
            }
        }
        if types.is_empty() {
            break;
        }
        let kind = types[below(rng, types.len() as u32) as usize];
        let of_kind: Vec<usize> = buckets
            .iter()
            .enumerate()
            .filter(|(_, ((bucket_kind, _), _))| *bucket_kind == kind)
            .map(|(position, _)| position)
            .collect();
        let bucket = of_kind[below(rng, of_kind.len() as u32) as usize];
        let members = &mut buckets[bucket].1;
        let weights: Vec<u32> = members
            .iter()
            .map(|&member| draw_weight(candidates[member].quality.score))
            .collect();
        let pick = members.swap_remove(weighted_index(rng, &weights));
        if members.is_empty() {
            buckets.remove(bucket);
        }
        let candidate = &candidates[pick];
        if candidate.keys.iter().any(|key| taken.contains(key)) {
            continue;
        }
        let repeats_teaching = candidate
            .taught
            .iter()
            .any(|key| taken.contains(key) || taught.contains(key))
            || candidate.keys.iter().any(|key| taught.contains(key));
        // Quotations offered side by side are the weakest multiple-choice form: one per draw while
        // other questions are left.
        let quotes_over_cap =
            candidate.features.quote_options && quote_options >= quote_options_cap;
        let topic_over_cap = candidate
            .topics
            .iter()
            .any(|topic| on_topic.get(topic).is_some_and(|&picks| picks >= topic_cap));
        if repeats_teaching || quotes_over_cap {
            set_aside.push(pick);
            continue;
        }
        if topic_over_cap {
            spread_aside.push(pick);
            continue;
        }
        taken.extend(candidate.keys.iter().copied());
        taught.extend(candidate.taught.iter().copied());
        if kind == QuestionType::TrueFalse {
            statements += 1;
        }
        if candidate.features.quote_options {
            quote_options += 1;
        }
        for &topic in &candidate.topics {
            *on_topic.entry(topic).or_default() += 1;
        }
        chosen.push(pick);
    }
    // The set-aside questions in the order drawn, statements last once they hold one pick in ten.
    let is_statement =
        |pick: usize| candidates[pick].question.body.question_type() == QuestionType::TrueFalse;
    set_aside.extend(spread_aside);
    // Three passes: questions on topics still under their cap, then any but statements past
    // theirs, then those statements.
    for pass in 0..3 {
        for &pick in &set_aside {
            if chosen.len() >= options.count {
                break;
            }
            let capped = statements >= statements_cap && is_statement(pick);
            let candidate = &candidates[pick];
            let topic_over_cap = candidate
                .topics
                .iter()
                .any(|topic| on_topic.get(topic).is_some_and(|&picks| picks >= topic_cap));
            let this_pass = match pass {
                0 => !capped && !topic_over_cap,
                1 => !capped,
                _ => capped,
            };
            if !this_pass || chosen.contains(&pick) {
                continue;
            }
            if candidate.keys.iter().any(|key| taken.contains(key)) {
                continue;
            }
            taken.extend(candidate.keys.iter().copied());
            if is_statement(pick) {
                statements += 1;
            }
            for &topic in &candidate.topics {
                *on_topic.entry(topic).or_default() += 1;
            }
            chosen.push(pick);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::draw_weight;

    #[test]
    fn draw_weights_grow_with_the_score_and_never_reach_zero() {
        assert_eq!(draw_weight(50), 100);
        assert_eq!(draw_weight(55), 225);
        assert_eq!(draw_weight(70), 900);
        assert_eq!(draw_weight(0), 1);
        assert_eq!(draw_weight(40), 1);
        assert!((42..=100).all(|score| draw_weight(score) > draw_weight(score - 1)));
    }
}
