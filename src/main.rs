//! The `trivia` binary: a thin shell over the library.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(trivia::cli::run(std::env::args_os()));
}
