//! trivia: a terminal trivia engine built on a sourced fact base, generated questions and hand-written packs.
//!
//! Data flows `facts` → `generate` → `question` → `game` → front end (`ui`); `content` chooses the fact
//! bases and packs a game plays. The core modules do no
//! terminal I/O and read no clock or global RNG; the front ends and `cli` sit on top.

pub mod answer;
pub mod cli;
pub mod content;
pub mod embedded;
pub mod error;
pub mod escape;
pub mod exit;
pub mod facts;
pub mod game;
pub mod generate;
pub mod history;
pub mod input;
pub mod pack;
pub mod question;
pub mod report;
pub mod rng;
pub mod schema;
pub mod tomldoc;
pub mod ui;
