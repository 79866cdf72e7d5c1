//! Checks that must stay near-linear on hostile sizes: validating one order question with 40,000 items,
//! and checking a fact base of 100,000 entities (with aliases, facts and near-duplicate names). Each has
//! to finish in under a second.
//!
//! Run with `cargo bench --bench checks`. Criterion prints its estimates; a closing summary prints, for
//! 5 runs of each (`TRIVIA_BENCH_RUNS=N` for another count), the median wall-clock time, the median CPU
//! time of the calling thread, and the median CPU time of the whole process (every thread: a large
//! fact file is parsed in parts on several threads, so this is the work done, and what one core would
//! need). On a shared machine the wall clock varies with the load; the CPU times do not.
//! `cargo bench --bench checks -- nothing` skips criterion and prints the summary only.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group};

use trivia::tomldoc::{Diagnostics, SourceFile};

#[path = "support/cpu_time.rs"]
mod cpu_time;

const ORDER_ITEMS: usize = 40_000;
const ENTITIES: usize = 100_000;

/// A pack holding one order question with [`ORDER_ITEMS`] distinct items and their keys.
fn order_pack() -> SourceFile {
    let mut text = String::from(
        "[pack]\nid = \"big-order\"\ntitle = \"Big order\"\n\n[[question]]\nid = \"order-1\"\n\
         type = \"order\"\nprompt = \"Put these in order.\"\ndirection = \"earliest first\"\nitems = [\n",
    );
    for index in 0..ORDER_ITEMS {
        text.push_str(&format!("  \"Event number {index}\",\n"));
    }
    text.push_str("]\nkeys = [\n");
    for index in 0..ORDER_ITEMS {
        text.push_str(&format!("  \"{}\",\n", 1000 + index));
    }
    text.push_str("]\nexplanation = \"By date.\"\n");
    SourceFile::new("big-order.toml", text)
}

/// A fact base of [`ENTITIES`] people, each with an alias, born in one of 50 towns, with one fact each.
fn big_fact_base() -> SourceFile {
    let mut text = String::from(
        "[[article]]\nfile = \"notes.txt\"\nid = \"notes\"\ntitle = \"Notes\"\nlabel = \"the notes\"\n\n\
         [[relation]]\nid = \"born_in\"\nsubject = [\"person\"]\nobject = [\"place\"]\ncardinality = \"one\"\n\
         category = \"People\"\nask_object = [\"Where was {subject} born?\"]\n\
         statement = \"{subject} was born in {object}.\"\n\n",
    );
    for town in 0..50 {
        text.push_str(&format!(
            "[[entity]]\nid = \"town-{town}\"\nname = \"Town {town}\"\nkind = \"place\"\n\n"
        ));
    }
    for person in 0..ENTITIES - 50 {
        text.push_str(&format!(
            "[[entity]]\nid = \"person-{person}\"\nname = \"Person Number {person}\"\nkind = \"person\"\n\
             aliases = [\"P{person}\"]\n\n[[fact]]\nsubject = \"person-{person}\"\nrelation = \"born_in\"\n\
             object = \"town-{}\"\nsources = [{{ article = \"notes\", evidence = \"born\" }}]\n\n",
            person % 50
        ));
    }
    SourceFile::new("big-facts.toml", text)
}

fn validate_order(source: &SourceFile) {
    let mut diagnostics = Diagnostics::default();
    let pack = trivia::pack::load_source(source, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{:?}", diagnostics.items.first());
    black_box(pack.expect("the order pack is valid"));
}

fn check_facts(source: &SourceFile) {
    let base = trivia::facts::load_sources(vec![source.clone()]);
    black_box(base.expect("the big fact base is valid"));
}

fn benches(c: &mut Criterion) {
    let order = order_pack();
    let facts = big_fact_base();
    let mut group = c.benchmark_group("checks");
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("order question, 40,000 items", |b| {
        b.iter(|| validate_order(black_box(&order)))
    });
    group.bench_function("fact base, 100,000 entities", |b| {
        b.iter(|| check_facts(black_box(&facts)))
    });
    group.finish();
}

/// Medians of `runs` calls: wall clock, the calling thread's CPU time, the process's CPU time.
struct Medians {
    wall: Duration,
    thread_cpu: Duration,
    process_cpu: Duration,
}

fn medians(runs: usize, mut work: impl FnMut()) -> Medians {
    let (mut wall, mut thread_cpu, mut process_cpu) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let (start, thread, process) = (
            std::time::Instant::now(),
            cpu_time::thread_cpu_time(),
            cpu_time::process_cpu_time(),
        );
        work();
        process_cpu.push(cpu_time::process_cpu_time() - process);
        thread_cpu.push(cpu_time::thread_cpu_time() - thread);
        wall.push(start.elapsed());
    }
    let median = |mut times: Vec<Duration>| {
        times.sort();
        times[times.len() / 2]
    };
    Medians {
        wall: median(wall),
        thread_cpu: median(thread_cpu),
        process_cpu: median(process_cpu),
    }
}

/// Prints each median as soon as it is measured. `TRIVIA_BENCH_RUNS` sets the runs (5 by default).
fn summary() {
    let runs = std::env::var("TRIVIA_BENCH_RUNS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(5);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("\nmedians of {runs} runs (target: under 1000 ms each):");
    println!(
        "  {:<46} {:>10} {:>12} {:>13}",
        "", "wall", "thread CPU", "process CPU"
    );
    let line = |what: &str, times: Medians| {
        println!(
            "  {what:<46} {:>7.1} ms {:>9.1} ms {:>10.1} ms",
            ms(times.wall),
            ms(times.thread_cpu),
            ms(times.process_cpu)
        )
    };
    let order = order_pack();
    line(
        &format!("validate an order question with {ORDER_ITEMS} items"),
        medians(runs, || validate_order(&order)),
    );
    let facts = big_fact_base();
    line(
        &format!("check a fact base with {ENTITIES} entities"),
        medians(runs, || check_facts(&facts)),
    );
}

criterion_group!(check_benches, benches);

fn main() {
    check_benches();
    Criterion::default().configure_from_args().final_summary();
    summary();
}
