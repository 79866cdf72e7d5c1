//! Integration tests.

mod pack;
mod pack_bundled;
mod pack_errors;
mod pack_props;
