//! How many answered questions per second the game sustains: whole seeded games of 10 shipped questions
//! (generated and hand-written) played by a perfect bot through the state machine, with the real answer
//! checker and with a judge that always says right (the state machine alone). Setup (drawing and cloning
//! the questions) is not timed; the bot's typing, the judging, scoring, events and the summary are.
//! `game` measures wall-clock time; on Linux `game-cpu` measures the thread's CPU time, which stays
//! meaningful when other processes share the cores.

use std::hint::black_box;
use std::rc::Rc;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use trivia::answer::Verdict;
use trivia::game::select::{self, Filters, Pool};
use trivia::game::simulate::{Bot, Strategy, play_bot_game};
use trivia::game::{AnswerJudge, Game, GameConfig, Judge, Mode};
use trivia::question::{Layout, Question};
use trivia::rng::SeededRng;

#[path = "support/cpu_time.rs"]
mod cpu_time;
use cpu_time::thread_cpu_time;

const QUESTIONS_PER_GAME: usize = 10;
const GAMES: usize = 64;

/// Makes the judge of each game.
type MakeJudge<'a> = dyn Fn() -> Box<dyn Judge> + 'a;

struct AlwaysRight;

impl Judge for AlwaysRight {
    fn judge(&self, _: &Question, _: &Layout, _: &str) -> Verdict {
        Verdict::Correct
    }
}

fn shipped() -> (Pool, trivia::answer::Lexicon) {
    let content = trivia::content::load(
        &trivia::content::ContentChoice::bundled(),
        &std::collections::HashMap::new(),
    )
    .expect("the shipped content loads");
    (content.pool, content.lexicon)
}

fn bench(c: &mut Criterion) {
    let (pool, lexicon) = shipped();
    let games: Vec<Vec<Question>> = (0..GAMES as u64)
        .map(|seed| {
            select::select(
                &pool,
                &Filters::default(),
                Mode::Classic,
                Some(QUESTIONS_PER_GAME),
                seed,
                &Default::default(),
            )
            .into_iter()
            .map(|index| pool.get(index).clone())
            .collect()
        })
        .collect();
    let real: Rc<AnswerJudge> = Rc::new(AnswerJudge::new(lexicon));
    let prepare = |judge: &MakeJudge<'_>| -> Vec<Game> {
        games
            .iter()
            .enumerate()
            .map(|(seed, questions)| {
                Game::new(
                    GameConfig::new(Mode::Classic),
                    questions.clone(),
                    SeededRng::from_seed(seed as u64),
                )
                .with_judge(judge())
            })
            .collect()
    };
    let mut events = Vec::with_capacity(16);
    let mut input = String::new();
    // Plays every prepared game and returns the time `clock` measured for the play alone (preparing and
    // dropping the games is left out).
    let mut play = |prepared: &mut Vec<Game>, clock: &dyn Fn() -> Duration| -> Duration {
        let start = clock();
        let mut answered = 0;
        for (seed, game) in prepared.iter_mut().enumerate() {
            let mut bot = Bot::new(Strategy::Perfect, seed as u64);
            answered += play_bot_game(game, &mut bot, &mut events, &mut input).answered;
        }
        let spent = clock().saturating_sub(start);
        assert_eq!(answered as usize, QUESTIONS_PER_GAME * GAMES);
        spent
    };
    let wall_start = Instant::now();
    let wall = move || wall_start.elapsed();
    let judges: [(&str, &MakeJudge<'_>); 2] = [
        ("answer checker", &|| Box::new(Rc::clone(&real))),
        ("state machine only", &|| Box::new(AlwaysRight)),
    ];
    let clocks: Vec<(&str, &dyn Fn() -> Duration)> = {
        let mut clocks: Vec<(&str, &dyn Fn() -> Duration)> = vec![("game", &wall)];
        #[cfg(target_os = "linux")]
        clocks.push(("game-cpu", &thread_cpu_time));
        clocks
    };
    for (group_name, clock) in clocks {
        let mut group = c.benchmark_group(group_name);
        group.throughput(Throughput::Elements((QUESTIONS_PER_GAME * GAMES) as u64));
        for (name, judge) in judges {
            group.bench_function(format!("answered questions, {name}"), |b| {
                b.iter_custom(|iterations| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iterations {
                        let mut prepared = prepare(judge);
                        total += play(&mut prepared, clock);
                        drop(black_box(prepared));
                    }
                    total
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
