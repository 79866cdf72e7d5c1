//! The integration test binary: one file per feature, sharing the helpers in `support`.

mod answer;
mod content;
mod content_rules;
mod facts;
mod game;
mod generate;
mod generate_quality;
mod history;
mod history_crash;
mod history_fuzz;
mod hostile;
mod oracle;
mod pack;
mod pack_bundled;
mod pack_errors;
mod pack_import;
mod pack_props;
mod play;
mod play_golden;
mod play_pty;
mod play_share;
mod support;
