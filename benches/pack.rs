//! How fast a 100,000-question pack loads and validates, beside plain `toml::from_str` of the same text.
//!
//! Run with `cargo bench --bench pack`. Criterion prints its estimates; a closing summary prints the
//! median of each over the same runs and how much validation adds to parsing.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};

use trivia::pack::{self, Pack, PackMeta};
use trivia::question::{Body, Citation, Difficulty, PartialDate, Question};
use trivia::tomldoc::{Diagnostics, SourceFile};

const QUESTIONS: usize = 100_000;

/// A pack with every question type in turn, written by the pack writer.
fn big_pack_text() -> String {
    let questions = (0..QUESTIONS)
        .map(|index| {
            let body = match index % 8 {
                0 => Body::MultipleChoice {
                    options: (0..4).map(|o| format!("Option {o} of {index}")).collect(),
                    answer: index % 4,
                    aliases: vec![format!("alias {index}")],
                },
                1 => Body::TrueFalse {
                    answer: index % 3 == 0,
                },
                2 => Body::Numeric {
                    answer: index as f64 * 1.5,
                    tolerance: 2.0,
                    unit: Some("years".to_string()),
                },
                3 => Body::Date {
                    answer: PartialDate::ymd(1950 + (index % 70) as i32, 7, 9).unwrap(),
                    tolerance_days: 1,
                },
                4 => Body::FreeText {
                    answer: format!("Answer {index}"),
                    aliases: vec![format!("A{index}")],
                    kind: Some("person".to_string()),
                    prompt_on: vec![],
                    reject: vec![],
                },
                5 => Body::SelectAll {
                    options: (0..5).map(|o| format!("Choice {o} of {index}")).collect(),
                    answers: vec![0, 2],
                },
                6 => Body::Order {
                    items: (0..4).map(|o| format!("Item {o} of {index}")).collect(),
                    keys: (0..4).map(|o| format!("{}", 1990 + o)).collect(),
                    direction: Some("earliest first".to_string()),
                },
                _ => Body::Quote {
                    quote: format!("Something memorable, number {index}."),
                    options: (0..3).map(|o| format!("Speaker {o}")).collect(),
                    answer: 1,
                    aliases: Vec::new(),
                },
            };
            Question {
                id: format!("bench-{index}"),
                prompt: format!("What is the answer to question number {index}, \"quoted\"?"),
                body,
                category: "Benchmark".to_string(),
                difficulty: Difficulty::ALL[index % 3],
                explanation: "Because the benchmark says so.".to_string(),
                sources: vec![Citation {
                    article: "003_d6ee9bb069f09130.txt".to_string(),
                    evidence: Some("a few words of evidence".to_string()),
                }],
                tags: vec!["bench".to_string()],
                time_limit: None,
            }
        })
        .collect();
    pack::to_toml(&Pack {
        meta: PackMeta::new("bench", "Benchmark"),
        questions,
    })
}

fn parse_plain(text: &str) -> toml::Table {
    toml::from_str::<toml::Table>(text).expect("the benchmark pack is valid TOML")
}

fn load_and_validate(source: &SourceFile) -> Pack {
    let mut diagnostics = Diagnostics::default();
    let pack = pack::load_source(source, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{:?}", diagnostics.items.first());
    pack.expect("the benchmark pack is valid")
}

fn benches(c: &mut Criterion) {
    let text = big_pack_text();
    let source = SourceFile::new("bench.toml", text.clone());
    let mut group = c.benchmark_group("pack_100k");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("toml_from_str_table", |b| {
        b.iter(|| parse_plain(black_box(&text)))
    });
    group.bench_function("load_and_validate", |b| {
        b.iter(|| load_and_validate(black_box(&source)))
    });
    group.finish();
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// Times both the same number of times, alternating, and prints the medians and the ratio.
fn summary() {
    let text = big_pack_text();
    let source = SourceFile::new("bench.toml", text.clone());
    let questions = load_and_validate(&source).questions.len();
    let (mut plain, mut document, mut ours, mut read) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..11 {
        let start = Instant::now();
        black_box(parse_plain(&text));
        plain.push(start.elapsed());
        let start = Instant::now();
        black_box(toml::de::DeTable::parse(&text).expect("valid TOML"));
        document.push(start.elapsed());
        let start = Instant::now();
        black_box(load_and_validate(&source));
        ours.push(start.elapsed());
        let copy = text.clone();
        let start = Instant::now();
        black_box(load_and_validate(&SourceFile::new("bench.toml", copy)));
        read.push(start.elapsed());
    }
    let ms = |runs: Vec<Duration>| median(runs).as_secs_f64() * 1000.0;
    let (plain, document, ours, read) = (ms(plain), ms(document), ms(ours), ms(read));
    println!(
        "\npack of {questions} questions, {:.1} MiB, medians of 11 runs:\n\
         \x20 toml::from_str::<toml::Table>            {plain:>8.1} ms\n\
         \x20 toml::de::DeTable::parse (no checks)     {document:>8.1} ms\n\
         \x20 pack::load_source (parse + validate)     {ours:>8.1} ms  ({:.2}x from_str, +{:.0}% over DeTable::parse)\n\
         \x20 SourceFile::new + pack::load_source      {read:>8.1} ms",
        text.len() as f64 / 1024.0 / 1024.0,
        ours / plain,
        (ours / document - 1.0) * 100.0,
    );
}

criterion_group!(pack_benches, benches);

fn main() {
    pack_benches();
    Criterion::default().configure_from_args().final_summary();
    summary();
}
