//! The `trivia` binary: a thin shell over the library.

fn main() {
    std::process::exit(trivia::cli::run(std::env::args_os()));
}
