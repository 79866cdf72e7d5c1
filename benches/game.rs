//! How many answered questions per second the game sustains: whole seeded games of 10 shipped questions
//! (generated and hand-written) played by a perfect bot through the state machine, with the real answer
//! checker and with a judge that always says right (the state machine alone). Setup (drawing and cloning
//! the questions) is not timed; the bot's typing, the judging, scoring, events and the summary are.

use std::rc::Rc;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use trivia::game::select::{self, Filters, Pool, Source};
use trivia::game::simulate::{Bot, Strategy, play_bot_game};
use trivia::game::{AnswerJudge, Game, GameConfig, Judge, Judgement, Mode};
use trivia::question::{Layout, Question};
use trivia::rng::SeededRng;

const QUESTIONS_PER_GAME: usize = 10;
const GAMES: usize = 64;

struct AlwaysRight;

impl Judge for AlwaysRight {
    fn judge(&self, _: &Question, _: &Layout, _: &str) -> Judgement {
        Judgement::Correct
    }
}

fn shipped() -> (Pool, trivia::answer::Lexicon) {
    let base = trivia::facts::FactBase::embedded().expect("the shipped fact base is valid");
    let mut pool = Pool::new();
    let mut lexicon = trivia::answer::Lexicon::new();
    for entity in &base.entities {
        lexicon.add(&entity.kind, &entity.name, &entity.aliases);
    }
    for pack in trivia::pack::bundled() {
        pool.extend(pack.questions, Source::Pack);
    }
    pool.extend(trivia::generate::generate_all(&base), Source::Generated);
    trivia::game::add_answers(&mut lexicon, pool.questions());
    (pool, lexicon)
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
    let mut group = c.benchmark_group("game");
    group.throughput(Throughput::Elements((QUESTIONS_PER_GAME * GAMES) as u64));
    let mut run = |name: &str, judge: &dyn Fn() -> Box<dyn Judge>| {
        group.bench_function(name, |b| {
            let mut events = Vec::with_capacity(16);
            let mut input = String::new();
            b.iter_batched(
                || {
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
                        .collect::<Vec<_>>()
                },
                |mut prepared| {
                    let mut answered = 0;
                    for (seed, game) in prepared.iter_mut().enumerate() {
                        let mut bot = Bot::new(Strategy::Perfect, seed as u64);
                        answered += play_bot_game(game, &mut bot, &mut events, &mut input).answered;
                    }
                    assert_eq!(answered as usize, QUESTIONS_PER_GAME * GAMES);
                    // Returned, so dropping the games' questions is not timed.
                    prepared
                },
                BatchSize::LargeInput,
            );
        });
    };
    run("answered questions, answer checker", &|| {
        Box::new(Rc::clone(&real))
    });
    run("answered questions, state machine only", &|| {
        Box::new(AlwaysRight)
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
