//! Choosing a set of questions from the candidate pool: filters, a fair mix of types, and no two
//! questions that ask the same thing.
//!
//! Each pick draws a question type uniformly among the types still available (true/false is split into
//! true and false statements, drawn evenly), then a question of that type uniformly, with
//! [`below`](crate::rng::below) on the caller's seeded generator. A question that shares a key with one
//! already chosen (same fact, same prompt, same subject and relation asked) is passed over.

use std::collections::HashSet;

use crate::question::{Body, QuestionType};
use crate::rng::{Rng, below};

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
    while chosen.len() < options.count {
        let mut types: Vec<QuestionType> = buckets.iter().map(|((kind, _), _)| *kind).collect();
        types.dedup();
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
        let pick = members.swap_remove(below(rng, members.len() as u32) as usize);
        if members.is_empty() {
            buckets.remove(bucket);
        }
        let candidate = &candidates[pick];
        if candidate.keys.iter().any(|key| taken.contains(key)) {
            continue;
        }
        taken.extend(candidate.keys.iter().copied());
        chosen.push(pick);
    }
    chosen
}
