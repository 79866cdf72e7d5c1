//! The integration test binary: one file per feature, sharing the helpers in `support`.

mod answer;
mod answer_frozen;
mod any_topic;
mod content;
mod content_rules;
mod facts;
mod fuzz;
mod game;
mod generate;
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
