//! How fast answers are checked: the issue asks for at least 1,000,000 checks per second per core on typical
//! answers (a multiple-choice letter; a free-text name with a typo against a lexicon of about 80 entities).
//!
//! Run with `cargo bench --bench answer`; each benchmark checks one answer per iteration, so checks per
//! second is 1e9 / (median ns per iteration), printed by criterion as the `thrpt` line. The `check` group
//! measures wall-clock time; on Linux the `check-cpu` group measures the same checks in the thread's CPU
//! time, which is what "per core" means and which other processes on a shared machine do not inflate.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use trivia::answer::{Lexicon, check};
use trivia::question::{Body, Difficulty, Layout, PartialDate, Question};

#[path = "support/cpu_time.rs"]
mod cpu_time;
use cpu_time::thread_cpu_time;

const FIRST: [&str; 10] = [
    "Jimmy", "Allen", "Albert", "Tony", "Andre", "Calvin", "Eric", "Marion", "Neeme", "Paavo",
];
const LAST: [&str; 8] = [
    "Iovine", "Hughes", "Curtis", "Young", "Broadus", "Wright", "Knight", "Jarvi",
];

/// About 80 people (every first name with every surname) plus a few films and albums.
fn lexicon() -> Lexicon {
    let mut lexicon = Lexicon::new();
    for first in FIRST {
        for last in LAST {
            lexicon.add("person", &format!("{first} {last}"), &[]);
        }
    }
    lexicon.add(
        "person",
        "Dr. Dre",
        &["Dre".to_string(), "Andre Young".to_string()],
    );
    for title in [
        "The Chronic",
        "Doggystyle",
        "Straight Outta Compton",
        "The Defiant Ones",
    ] {
        lexicon.add("film", title, &[]);
    }
    lexicon
}

fn question(body: Body) -> Question {
    Question {
        id: "bench".into(),
        prompt: "?".into(),
        body,
        category: "Bench".into(),
        difficulty: Difficulty::Medium,
        explanation: String::new(),
        sources: vec![],
        tags: vec![],
        time_limit: None,
    }
}

fn benches(c: &mut Criterion) {
    let lexicon = lexicon();
    let options: Vec<String> = ["Dr. Dre", "Ice Cube", "Eazy-E", "Snoop Dogg"]
        .into_iter()
        .map(String::from)
        .collect();
    let multiple_choice = question(Body::MultipleChoice {
        options: options.clone(),
        answer: 0,
        aliases: vec![],
    });
    let free_text = question(Body::FreeText {
        answer: "Jimmy Iovine".into(),
        aliases: vec!["James Iovine".into()],
        kind: Some("person".into()),
        prompt_on: vec![],
        reject: vec![],
    });
    let numeric = question(Body::Numeric {
        answer: 3e9,
        tolerance: 0.0,
        unit: Some("US$".into()),
    });
    let date = question(Body::Date {
        answer: PartialDate::ymd(2017, 7, 9).expect("a valid date"),
        tolerance_days: 0,
    });
    let select_all = question(Body::SelectAll {
        options: options.clone(),
        answers: vec![0, 2],
    });
    let order = question(Body::Order {
        items: options,
        keys: vec![],
        direction: None,
    });
    let shuffled = Layout {
        positions: vec![2, 0, 3, 1],
    };
    let none = Layout::identity(0);
    let empty = Lexicon::new();

    // (name, question, layout, what the player typed, lexicon)
    let cases: [(&str, &Question, &Layout, &str, &Lexicon); 10] = [
        (
            "multiple choice letter",
            &multiple_choice,
            &shuffled,
            "b",
            &lexicon,
        ),
        (
            "multiple choice typed",
            &multiple_choice,
            &shuffled,
            "doctor dre",
            &lexicon,
        ),
        (
            "free text exact",
            &free_text,
            &none,
            "Jimmy Iovine",
            &lexicon,
        ),
        (
            "free text typo",
            &free_text,
            &none,
            "jimmy iovene",
            &lexicon,
        ),
        (
            "free text typo, empty lexicon",
            &free_text,
            &none,
            "jimmy iovene",
            &empty,
        ),
        (
            "free text wrong",
            &free_text,
            &none,
            "Allen Hughes",
            &lexicon,
        ),
        ("numeric", &numeric, &none, "$3bn", &lexicon),
        ("date", &date, &none, "July 9th 2017", &lexicon),
        ("select all", &select_all, &shuffled, "b, a", &lexicon),
        ("order", &order, &shuffled, "b d a c", &lexicon),
    ];
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Elements(1));
    for &(name, question, layout, input, lexicon) in &cases {
        group.bench_function(name, |b| {
            b.iter(|| {
                check(
                    black_box(question),
                    black_box(layout),
                    black_box(input),
                    lexicon,
                )
            })
        });
    }
    group.finish();

    #[cfg(target_os = "linux")]
    {
        let mut group = c.benchmark_group("check-cpu");
        group.throughput(Throughput::Elements(1));
        for &(name, question, layout, input, lexicon) in &cases {
            group.bench_function(name, |b| {
                b.iter_custom(|iterations| {
                    let start = thread_cpu_time();
                    for _ in 0..iterations {
                        black_box(check(
                            black_box(question),
                            black_box(layout),
                            black_box(input),
                            lexicon,
                        ));
                    }
                    thread_cpu_time().saturating_sub(start)
                })
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = answer;
    config = Criterion::default()
        .without_plots()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    targets = benches
}
criterion_main!(answer);
