//! The shipped pack: valid, large enough, every type several times, every question sourced.

use std::path::{Path, PathBuf};

use trivia::pack;
use trivia::question::QuestionType;

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
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions");
    assert!(pack::load_paths(&[folder]).is_ok());
}

#[test]
fn pack_bundled_defiant_ones_covers_every_type_several_times() {
    let pack = pack::bundled()
        .into_iter()
        .find(|pack| pack.meta.id == "defiant-ones")
        .expect("the Defiant Ones pack is bundled");
    assert!(pack.questions.len() >= 45, "{}", pack.questions.len());
    for (kind, count) in QuestionType::ALL.iter().zip(pack.type_counts()) {
        assert!(count >= 3, "only {count} {kind} questions");
    }
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

/// Where the source articles live: `TRIVIA_ARTICLES`, or the shared seeds folder next to the checkout.
fn articles_dir() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("TRIVIA_ARTICLES")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest.join("../shared/seeds"),
            manifest.join("../../shared/seeds"),
        ])
        .find(|dir| dir.join(ARTICLES[0]).is_file())
}

#[test]
fn pack_bundled_evidence_is_copied_from_the_articles() {
    let Some(dir) = articles_dir() else {
        eprintln!("source articles not found; set TRIVIA_ARTICLES to check the evidence");
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
