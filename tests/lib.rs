//! Integration tests.
mod answer;
