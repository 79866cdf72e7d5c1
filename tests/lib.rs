//! The integration test binary: one file per feature, sharing the helpers in `support`.

mod answer;
mod facts;
mod generate;
mod pack;
mod pack_bundled;
mod pack_errors;
mod pack_props;
mod support;
