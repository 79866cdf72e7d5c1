//! How fast questions come out of the shipped fact base: building the whole candidate pool
//! (`Generator::new`, every question the facts support) and drawing seeded sets from it
//! (`Generator::draw`). Throughput is in questions per second; the target is 100,000 per core.
//!
//! Run with `cargo bench --bench generate`; measurement is kept short.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use trivia::facts::FactBase;
use trivia::generate::{GenerateOptions, Generator};
use trivia::rng::SeededRng;

fn bench(c: &mut Criterion) {
    let base = FactBase::embedded().expect("the shipped fact base is valid");
    let generator = Generator::new(&base);

    let mut group = c.benchmark_group("generate");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));

    group.throughput(Throughput::Elements(generator.len() as u64));
    group.bench_function("build every question (Generator::new)", |b| {
        b.iter(|| Generator::new(black_box(&base)))
    });

    let options = GenerateOptions {
        count: 20,
        ..GenerateOptions::default()
    };
    let per_draw = generator.draw(&options, &mut SeededRng::from_seed(0)).len();
    group.throughput(Throughput::Elements(per_draw as u64));
    let mut seed = 0u64;
    group.bench_function("draw 20 (Generator::draw)", |b| {
        b.iter(|| {
            seed += 1;
            generator.draw(black_box(&options), &mut SeededRng::from_seed(seed))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
