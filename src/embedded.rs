//! The shipped fact base and packs, compiled into the binary by `build.rs`.
//!
//! Each entry is `(name, text)`, where the name is the path relative to the repository (`seeds/entities.toml`)
//! and is what diagnostics show.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
