//! Games people can share: a short code that replays a friend's game (the content it was drawn from,
//! its seed and its options), the daily game everyone with the same content gets on a date, and the
//! result line a player pastes into a chat (one mark per question, the score and the date; no answers).
//! All pure: the date and the content fingerprint come in as values.

use std::fmt;

use super::select::{Filters, Pool, Sources};
use super::{Millis, Mode, Outcome, Summary};
use crate::question::{Difficulty, PartialDate, QuestionType, stable_hash};

/// A fingerprint of the questions in play: the same packs, fact base and generator give the same value
/// on every machine; any change to a question changes it.
pub fn fingerprint(pool: &Pool) -> u32 {
    let mut hash = stable_hash(b"trivia content");
    for question in pool.questions() {
        let json = serde_json::to_string(question).expect("a question always serialises");
        hash = stable_hash(&[hash.to_le_bytes().as_slice(), json.as_bytes()].concat());
    }
    (hash ^ (hash >> 32)) as u32
}

/// The seed of the daily game on `date` for content with this fingerprint.
pub fn daily_seed(date: PartialDate, fingerprint: u32) -> u64 {
    let text = format!("daily|{}|{fingerprint:08x}", date.to_iso());
    stable_hash(text.as_bytes()) & 0xffff_ffff
}

/// The calendar date (UTC) of a time in seconds since the Unix epoch.
pub fn date_from_unix(seconds: u64) -> PartialDate {
    // Howard Hinnant's civil_from_days.
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u8;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    } as u8;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
    PartialDate::ymd(year, month, day).unwrap_or(PartialDate::year(year))
}

/// Everything that decides which questions a game asks and how it scores them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GameCode {
    /// [`fingerprint`] of the content the game was drawn from.
    pub fingerprint: u32,
    pub seed: u64,
    pub mode: Mode,
    /// `--count`, when given.
    pub count: Option<usize>,
    /// `--time-limit`, in milliseconds.
    pub time_limit: Option<Millis>,
    pub difficulties: Vec<Difficulty>,
    pub types: Vec<QuestionType>,
    /// Category names as the content spells them.
    pub categories: Vec<String>,
    pub sources: Sources,
    pub streak_bonus: bool,
    pub speed_bonus: bool,
    /// The questions asked, as positions in the pool, when they are not the ones the seed draws for
    /// anyone (the player's history steered the draw away from questions seen recently).
    pub questions: Option<Vec<usize>>,
}

/// Why a share code cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Not a code at all: a typo, a missing part, a character that is not in the alphabet.
    #[error(
        "`{code}` is not a share code ({why}); a code is groups of four letters and digits, like `401W-Z0HR-VR3G-67PD`, as printed at the end of a game"
    )]
    Malformed { code: String, why: &'static str },
    /// A valid code for other questions: another version of the game, or other packs.
    #[error(
        "share code `{code}` is for other questions (content {wanted:08x}, this game has {have:08x}): play it with the same version of trivia and the same packs"
    )]
    OtherContent {
        code: String,
        wanted: u32,
        have: u32,
    },
}

const VERSION: u8 = 1;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const HAS_COUNT: u8 = 1;
const HAS_TIME: u8 = 1 << 1;
const HAS_DIFFICULTIES: u8 = 1 << 2;
const HAS_TYPES: u8 = 1 << 3;
const HAS_CATEGORIES: u8 = 1 << 4;
const NO_STREAK_BONUS: u8 = 1 << 5;
const NO_SPEED_BONUS: u8 = 1 << 6;
const HAS_QUESTIONS: u8 = 1 << 7;

impl GameCode {
    /// The code of a game with `filters` from `pool` (categories are stored as the pool spells them).
    pub fn new(pool: &Pool, fingerprint: u32, seed: u64, mode: Mode, filters: &Filters) -> Self {
        let categories = pool
            .categories()
            .into_iter()
            .filter(|name| {
                filters
                    .categories
                    .iter()
                    .any(|wanted| wanted.trim().eq_ignore_ascii_case(name))
            })
            .map(String::from)
            .collect();
        GameCode {
            fingerprint,
            seed,
            mode,
            count: None,
            time_limit: None,
            difficulties: filters.difficulties.clone(),
            types: filters.types.clone(),
            categories,
            sources: filters.sources,
            streak_bonus: true,
            speed_bonus: true,
            questions: None,
        }
    }

    /// The filters the code selects with.
    pub fn filters(&self) -> Filters {
        Filters {
            categories: self.categories.clone(),
            difficulties: self.difficulties.clone(),
            types: self.types.clone(),
            sources: self.sources,
        }
    }

    /// The code as players type it: groups of four letters and digits (Crockford's base 32).
    pub fn encode(&self, pool: &Pool) -> String {
        let mut bytes = Vec::with_capacity(24);
        let mode = Mode::ALL.iter().position(|&m| m == self.mode).unwrap_or(0) as u8;
        let sources = match self.sources {
            Sources::Both => 0,
            Sources::GeneratedOnly => 1,
            Sources::PacksOnly => 2,
        };
        bytes.push(VERSION << 5 | mode << 2 | sources);
        let mut flags = 0;
        let categories: Vec<usize> = pool
            .categories()
            .iter()
            .enumerate()
            .filter(|(_, name)| self.categories.iter().any(|c| c == *name))
            .map(|(index, _)| index)
            .collect();
        for (present, flag) in [
            (self.count.is_some(), HAS_COUNT),
            (self.time_limit.is_some(), HAS_TIME),
            (!self.difficulties.is_empty(), HAS_DIFFICULTIES),
            (!self.types.is_empty(), HAS_TYPES),
            (!categories.is_empty(), HAS_CATEGORIES),
            (!self.streak_bonus, NO_STREAK_BONUS),
            (!self.speed_bonus, NO_SPEED_BONUS),
            (self.questions.is_some(), HAS_QUESTIONS),
        ] {
            if present {
                flags |= flag;
            }
        }
        bytes.push(flags);
        bytes.extend_from_slice(&self.fingerprint.to_be_bytes());
        put_varint(&mut bytes, self.seed);
        if let Some(count) = self.count {
            put_varint(&mut bytes, count as u64);
        }
        if let Some(limit) = self.time_limit {
            put_varint(&mut bytes, limit.div_ceil(1000));
        }
        if !self.difficulties.is_empty() {
            put_varint(&mut bytes, mask(&Difficulty::ALL, &self.difficulties));
        }
        if !self.types.is_empty() {
            put_varint(&mut bytes, mask(&QuestionType::ALL, &self.types));
        }
        if !categories.is_empty() {
            put_varint(&mut bytes, categories.len() as u64);
            for index in categories {
                put_varint(&mut bytes, index as u64);
            }
        }
        if let Some(questions) = &self.questions {
            put_varint(&mut bytes, questions.len() as u64);
            for &index in questions {
                put_varint(&mut bytes, index as u64);
            }
        }
        let check = (stable_hash(&bytes) & 0xffff) as u16;
        bytes.extend_from_slice(&check.to_be_bytes());
        group(&base32(&bytes))
    }

    /// Reads a code typed by a player (case, dashes and spaces do not matter; `O` reads as `0`, `I` and
    /// `L` as `1`) against the content in `pool`, whose fingerprint is `fingerprint`.
    pub fn decode(text: &str, pool: &Pool, fingerprint: u32) -> Result<GameCode, CodeError> {
        let malformed = |why| CodeError::Malformed {
            code: crate::escape::for_terminal(text.trim()).into_owned(),
            why,
        };
        let bytes = unbase32(text).ok_or_else(|| malformed("a character is not a code letter"))?;
        if bytes.len() < 9 {
            return Err(malformed("it is too short"));
        }
        let (body, check) = bytes.split_at(bytes.len() - 2);
        if (stable_hash(body) & 0xffff) as u16 != u16::from_be_bytes([check[0], check[1]]) {
            return Err(malformed("a letter is wrong or missing"));
        }
        if body[0] >> 5 != VERSION {
            return Err(malformed("it comes from another version of trivia"));
        }
        let mode = *Mode::ALL
            .get(usize::from(body[0] >> 2 & 0b111))
            .ok_or_else(|| malformed("the mode is unknown"))?;
        let sources = match body[0] & 0b11 {
            0 => Sources::Both,
            1 => Sources::GeneratedOnly,
            2 => Sources::PacksOnly,
            _ => return Err(malformed("the question sources are unknown")),
        };
        let flags = body[1];
        let wanted = u32::from_be_bytes([body[2], body[3], body[4], body[5]]);
        let mut rest = &body[6..];
        let mut next = || take_varint(&mut rest).ok_or_else(|| malformed("it ends too early"));
        let seed = next()?;
        let count = if flags & HAS_COUNT != 0 {
            Some(next()? as usize)
        } else {
            None
        };
        let time_limit = if flags & HAS_TIME != 0 {
            Some(next()?.saturating_mul(1000))
        } else {
            None
        };
        let difficulties = if flags & HAS_DIFFICULTIES != 0 {
            unmask(&Difficulty::ALL, next()?)
        } else {
            Vec::new()
        };
        let types = if flags & HAS_TYPES != 0 {
            unmask(&QuestionType::ALL, next()?)
        } else {
            Vec::new()
        };
        let mut category_indices = Vec::new();
        if flags & HAS_CATEGORIES != 0 {
            let len = next()?;
            for _ in 0..len.min(1024) {
                category_indices.push(next()? as usize);
            }
        }
        let questions = if flags & HAS_QUESTIONS != 0 {
            let len = next()?;
            let mut questions = Vec::new();
            for _ in 0..len.min(100_000) {
                questions.push(next()? as usize);
            }
            Some(questions)
        } else {
            None
        };
        if !rest.is_empty() {
            return Err(malformed("it has letters left over"));
        }
        if wanted != fingerprint {
            return Err(CodeError::OtherContent {
                code: crate::escape::for_terminal(text.trim()).into_owned(),
                wanted,
                have: fingerprint,
            });
        }
        let names = pool.categories();
        let categories = category_indices
            .into_iter()
            .map(|index| names.get(index).map(|name| name.to_string()))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| malformed("a category is unknown"))?;
        if questions
            .as_ref()
            .is_some_and(|questions| questions.iter().any(|&index| index >= pool.len()))
        {
            return Err(malformed("a question is not in the pool"));
        }
        Ok(GameCode {
            fingerprint: wanted,
            seed,
            mode,
            count,
            time_limit,
            difficulties,
            types,
            categories,
            sources,
            streak_bonus: flags & NO_STREAK_BONUS == 0,
            speed_bonus: flags & NO_SPEED_BONUS == 0,
            questions,
        })
    }
}

fn mask<T: PartialEq>(all: &[T], chosen: &[T]) -> u64 {
    all.iter()
        .enumerate()
        .filter(|(_, item)| chosen.contains(item))
        .fold(0, |mask, (bit, _)| mask | 1 << bit)
}

fn unmask<T: Copy>(all: &[T], mask: u64) -> Vec<T> {
    all.iter()
        .enumerate()
        .filter(|(bit, _)| mask & 1 << bit != 0)
        .map(|(_, item)| *item)
        .collect()
}

fn put_varint(bytes: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            bytes.push(low);
            return;
        }
        bytes.push(low | 0x80);
    }
}

fn take_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u64::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut buffer = 0u32;
    let mut bits = 0;
    for &byte in bytes {
        buffer = buffer << 8 | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(ALPHABET[(buffer >> bits & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(ALPHABET[(buffer << (5 - bits) & 31) as usize]));
    }
    out
}

fn unbase32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.chars().filter(|c| !matches!(c, '-' | ' ' | '\t')) {
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        let value = ALPHABET.iter().position(|&a| char::from(a) == c)? as u32;
        buffer = (buffer << 5 | value) & 0xffff;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits & 0xff) as u8);
        }
    }
    Some(out)
}

fn group(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// The line a player shares after a daily game: the date, one mark per question (`✓` right, `✗` wrong
/// or too slow, `–` skipped), right answers and points. It names no question and no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultLine {
    pub date: PartialDate,
    pub marks: String,
    pub correct: usize,
    pub asked: usize,
    pub score: u64,
}

impl ResultLine {
    /// The result of the first player of `summary` on `date`.
    pub fn new(date: PartialDate, summary: &Summary) -> Self {
        let marks = summary
            .outcomes
            .iter()
            .filter(|outcome| outcome.player == 0)
            .map(|outcome| match outcome.outcome {
                Outcome::Correct => '✓',
                Outcome::Wrong => '✗',
                Outcome::Skipped => '–',
            })
            .collect();
        let player = summary.players.first();
        ResultLine {
            date,
            marks,
            correct: player.map_or(0, |p| p.correct as usize),
            asked: summary.outcomes.len(),
            score: player.map_or(0, |p| p.score),
        }
    }
}

impl fmt::Display for ResultLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Trivia daily {} · {} · {}/{} right · {} points",
            self.date.to_iso(),
            self.marks,
            self.correct,
            self.asked,
            crate::question::group_thousands(self.score as f64)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::demo;
    use crate::game::select::Source;

    fn pool() -> Pool {
        let mut pool = Pool::new();
        pool.extend(demo::questions(), Source::Pack);
        pool
    }

    #[test]
    fn codes_round_trip_with_every_option() {
        let pool = pool();
        let fingerprint = fingerprint(&pool);
        let filters = Filters {
            categories: vec![pool.categories()[0].to_uppercase()],
            difficulties: vec![Difficulty::Easy, Difficulty::Hard],
            types: vec![QuestionType::Order],
            sources: Sources::PacksOnly,
        };
        let mut code = GameCode::new(&pool, fingerprint, 123_456_789_012, Mode::Blitz, &filters);
        code.count = Some(7);
        code.time_limit = Some(15_000);
        code.streak_bonus = false;
        code.questions = Some(vec![2, 0, 1]);
        let text = code.encode(&pool);
        assert!(text.len() < 50, "{text}");
        let back = GameCode::decode(&text.to_lowercase(), &pool, fingerprint).unwrap();
        assert_eq!(back, code);
        assert_eq!(back.categories, vec![pool.categories()[0].to_string()]);
    }

    #[test]
    fn a_default_code_is_short() {
        let pool = pool();
        let code = GameCode::new(&pool, 7, 999_999_999, Mode::Classic, &Filters::default());
        let text = code.encode(&pool);
        assert!(text.len() <= 26, "{text}");
        assert_eq!(GameCode::decode(&text, &pool, 7).unwrap(), code);
    }

    #[test]
    fn typos_and_other_content_are_told_apart() {
        let pool = pool();
        let text = GameCode::new(&pool, 7, 42, Mode::Classic, &Filters::default()).encode(&pool);
        let mut typo: Vec<char> = text.chars().collect();
        typo[2] = if typo[2] == 'X' { 'Y' } else { 'X' };
        let typo: String = typo.into_iter().collect();
        assert!(matches!(
            GameCode::decode(&typo, &pool, 7),
            Err(CodeError::Malformed { .. })
        ));
        assert!(matches!(
            GameCode::decode("hello!", &pool, 7),
            Err(CodeError::Malformed { .. })
        ));
        assert!(matches!(
            GameCode::decode("AB", &pool, 7),
            Err(CodeError::Malformed { .. })
        ));
        assert!(matches!(
            GameCode::decode(&text, &pool, 8),
            Err(CodeError::OtherContent {
                wanted: 7,
                have: 8,
                ..
            })
        ));
    }

    #[test]
    fn fingerprints_follow_content() {
        let pool = pool();
        let mut other = Pool::new();
        let mut questions = demo::questions();
        questions[0].explanation.push('!');
        other.extend(questions, Source::Pack);
        assert_eq!(fingerprint(&pool), fingerprint(&self::pool()));
        assert_ne!(fingerprint(&pool), fingerprint(&other));
    }

    #[test]
    fn unix_times_become_utc_dates() {
        assert_eq!(date_from_unix(0).to_iso(), "1970-01-01");
        assert_eq!(date_from_unix(951_782_400).to_iso(), "2000-02-29");
        assert_eq!(date_from_unix(1_796_083_199).to_iso(), "2026-11-30");
        for days in [0i64, 59, 365, 11_016, 20_000, 30_000] {
            let date = date_from_unix(days as u64 * 86_400);
            assert_eq!(date.days_since_epoch(), days);
        }
    }

    #[test]
    fn daily_seeds_change_with_the_date_and_the_content() {
        let day = PartialDate::ymd(2026, 12, 1).unwrap();
        let next = PartialDate::ymd(2026, 12, 2).unwrap();
        assert_eq!(daily_seed(day, 1), daily_seed(day, 1));
        assert_ne!(daily_seed(day, 1), daily_seed(next, 1));
        assert_ne!(daily_seed(day, 1), daily_seed(day, 2));
    }
}
