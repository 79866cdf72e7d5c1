//! The integration test binary: one file per feature, sharing the helpers in `support`.

mod answer;
mod facts;
mod game;
mod history;
mod play;
mod play_golden;
mod play_pty;
mod support;
