//! How fast questions come out of the shipped fact base: building the whole candidate pool
//! (`Generator::new`, every question the facts support) and drawing seeded sets from it
//! (`Generator::draw`). Throughput is in questions per second; the target is 100,000 per core.
//!
//! Each benchmark runs twice: on wall-clock time (criterion's default) and on the CPU time of the
//! benchmark thread (read from `/proc/thread-self/schedstat` on Linux), which is what "per core" means
//! on a machine shared with other work. Run with `cargo bench --bench generate`; measurement is kept
//! short.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use trivia::facts::FactBase;
use trivia::generate::{GenerateOptions, Generator};
use trivia::rng::SeededRng;

#[path = "support/cpu_time.rs"]
mod cpu_time;

/// The allocator the `trivia` binary runs with (see `src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench_with<M: Measurement>(c: &mut Criterion<M>, clock: &str) {
    let base = FactBase::embedded().expect("the shipped fact base is valid");
    let generator = Generator::new(&base);

    let mut group = c.benchmark_group(format!("generate ({clock})"));
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

fn wall(c: &mut Criterion<WallTime>) {
    bench_with(c, "wall clock");
}

fn cpu(c: &mut Criterion<ThreadCpuTime>) {
    bench_with(c, "thread CPU time");
}

/// CPU time the current thread has run, in nanoseconds, as a criterion measurement.
struct ThreadCpuTime;

fn thread_cpu_nanos() -> u64 {
    u64::try_from(cpu_time::thread_cpu_time().as_nanos()).unwrap_or(u64::MAX)
}

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_nanos()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_nanos().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanoseconds
    }
}

/// Formats nanoseconds and elements per second, like criterion's own wall-clock formatter.
struct Nanoseconds;

impl ValueFormatter for Nanoseconds {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns")
        } else if typical < 1e6 {
            (1e-3, "µs")
        } else if typical < 1e9 {
            (1e-6, "ms")
        } else {
            (1e-9, "s")
        };
        for value in values {
            *value *= factor;
        }
        unit
    }

    fn scale_throughputs(
        &self,
        typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per_iteration = match *throughput {
            Throughput::Elements(n) | Throughput::ElementsAndBytes { elements: n, .. } => n,
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) | Throughput::Bits(n) => n,
        } as f64;
        let typical_rate = per_iteration * 1e9 / typical;
        let (divisor, unit) = if typical_rate < 1e3 {
            (1.0, " elem/s")
        } else if typical_rate < 1e6 {
            (1e3, "Kelem/s")
        } else {
            (1e6, "Melem/s")
        };
        for value in values {
            *value = per_iteration * 1e9 / *value / divisor;
        }
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

criterion_group!(wall_clock, wall);
criterion_group! {
    name = cpu_time;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = cpu
}
criterion_main!(wall_clock, cpu_time);
