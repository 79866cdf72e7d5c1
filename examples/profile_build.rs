//! Builds the shipped fact base's question pool 20 times, for instruction counts under callgrind.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let base = trivia::facts::FactBase::embedded().expect("valid");
    let mut total = 0;
    for _ in 0..20 {
        total += std::hint::black_box(trivia::generate::Generator::new(&base)).len();
    }
    println!("{total}");
}
