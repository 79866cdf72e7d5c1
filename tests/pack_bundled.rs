//! The shipped pack: valid, large enough, every type several times, every question sourced.

use std::path::Path;

use crate::support::{articles_dir, skip_or_fail};

use trivia::pack;

/// The five source articles the questions cite.
const ARTICLES: [&str; 5] = [
    "000_17e65febc0e6acf9.txt",
    "001_a1374601954c6a8f.txt",
    "002_cae9da5b7039b8ab.txt",
    "003_d6ee9bb069f09130.txt",
    "004_0c38544578c6df77.txt",
];

#[test]
fn pack_bundled_packs_validate() {
    let report = pack::bundled_report();
    assert!(report.is_valid(), "{:#?}", report.diagnostics);
    assert_eq!(report.packs.len(), trivia::embedded::QUESTIONS.len());
    // The folder on disk loads to the same packs the binary embeds.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions");
    let loaded = pack::load_paths(&[folder]).expect("the questions folder is valid");
    let ids = |packs: &[pack::Pack]| -> Vec<(String, usize)> {
        packs
            .iter()
            .map(|pack| (pack.meta.id.clone(), pack.questions.len()))
            .collect()
    };
    assert_eq!(ids(&loaded), ids(&pack::bundled()));
}

#[test]
fn pack_bundled_defiant_ones_questions_are_explained_and_sourced() {
    let pack = pack::bundled()
        .into_iter()
        .find(|pack| pack.meta.id == "defiant-ones")
        .expect("the Defiant Ones pack is bundled");
    // How many questions of each type it holds is a content rule: tests/content_rules.rs.
    assert!(!pack.questions.is_empty());
    for question in &pack.questions {
        assert!(
            !question.explanation.is_empty() && !question.explanation.contains('\n'),
            "{}: one-line explanation",
            question.id
        );
        assert!(
            !question.sources.is_empty(),
            "{} cites no source",
            question.id
        );
        for citation in &question.sources {
            assert!(
                ARTICLES.contains(&citation.article.as_str()),
                "{} cites {}",
                question.id,
                citation.article
            );
            let evidence = citation.evidence.as_deref().unwrap_or_default();
            let words = evidence.split_whitespace().count();
            assert!(
                (1..=20).contains(&words),
                "{}: evidence of {words} words",
                question.id
            );
        }
    }
}

/// Quotes straight, white space single, so evidence matches whatever quotes and spaces the article uses.
fn normalize(text: &str) -> String {
    let straight: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            other => other,
        })
        .collect();
    straight.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pack_bundled_evidence_is_copied_from_the_articles() {
    let Some(dir) = articles_dir() else {
        skip_or_fail(
            "pack_bundled_evidence_is_copied_from_the_articles",
            "the source articles are not at ../shared/seeds (or TRIVIA_ARTICLES); evidence not compared",
        );
        return;
    };
    let articles: Vec<(&str, String)> = ARTICLES
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(name)).unwrap();
            (*name, normalize(&text))
        })
        .collect();
    for pack in pack::bundled() {
        for question in &pack.questions {
            for citation in &question.sources {
                let (_, text) = articles
                    .iter()
                    .find(|(name, _)| *name == citation.article)
                    .unwrap();
                let evidence = normalize(citation.evidence.as_deref().unwrap_or_default());
                assert!(
                    text.contains(&evidence),
                    "{}: evidence not in {}: {evidence}",
                    question.id,
                    citation.article
                );
            }
        }
    }
}
