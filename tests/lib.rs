//! The integration test binary: one file per feature, sharing the helpers in `support`.

mod facts;
mod support;
