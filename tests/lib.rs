//! Integration tests.

mod pack;
