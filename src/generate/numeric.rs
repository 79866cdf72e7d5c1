//! Ladders of numbers and dates for multiple-choice options, and tolerances for typed numeric answers.
//!
//! A ladder is evenly spaced, its step a multiple of the answer's rounding (so every option is rounded
//! like the answer), and the true value sits at a rank drawn uniformly among ranks that all keep the
//! ladder inside its plausible range: a ladder size is chosen first (4, else 3) such that *every* rank
//! is possible, so the position of the answer says nothing. No rung may equal another true value of the
//! same subject and relation.

use crate::question::PartialDate;
use crate::rng::{Rng, index};

/// The bounds a quantity's options must respect.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Range {
    /// Smallest allowed value; `min_exclusive` says whether the bound itself is allowed.
    pub min: f64,
    pub min_exclusive: bool,
    pub max: f64,
}

impl Range {
    /// Amounts, durations, scores: above zero, no upper bound.
    pub const POSITIVE: Range = Range {
        min: 0.0,
        min_exclusive: true,
        max: f64::INFINITY,
    };
    /// Counts: zero allowed.
    pub const COUNT: Range = Range {
        min: 0.0,
        min_exclusive: false,
        max: f64::INFINITY,
    };
    /// Percentages and scores out of 100.
    pub fn up_to(max: f64) -> Range {
        Range {
            min: 0.0,
            min_exclusive: true,
            max,
        }
    }

    fn contains(&self, value: f64) -> bool {
        let above = if self.min_exclusive {
            value > self.min
        } else {
            value >= self.min
        };
        above && value <= self.max
    }
}

/// Options for a numeric multiple choice, in ascending order, with the answer's index.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ladder<T> {
    pub rungs: Vec<T>,
    pub answer: usize,
    /// The step relative to the answer's magnitude (0.1 = rungs 10% apart): small is hard.
    pub relative_step: f64,
}

/// The rounding unit of a number: the largest power of ten dividing it (`3e9` → `1e9`, `76` → `1`,
/// `2.5` → `0.1`).
pub(crate) fn granularity(value: f64) -> f64 {
    let magnitude = value.abs();
    if magnitude == 0.0 {
        return 1.0;
    }
    if magnitude.fract() != 0.0 {
        let mut unit = 1.0;
        let mut scaled = magnitude;
        for _ in 0..6 {
            if (scaled - scaled.round()).abs() < 1e-9 {
                break;
            }
            scaled *= 10.0;
            unit /= 10.0;
        }
        return unit;
    }
    let mut unit = 1.0;
    while magnitude % (unit * 10.0) == 0.0 && unit * 10.0 <= magnitude {
        unit *= 10.0;
    }
    unit
}

/// Numbers like 1, 2, 5, 10, 20, 50 ... times the unit.
fn nice_steps(unit: f64, up_to: f64) -> Vec<f64> {
    let mut steps = Vec::new();
    let mut scale = unit;
    while scale <= up_to {
        for factor in [1.0, 2.0, 5.0] {
            let step = scale * factor;
            if step <= up_to && !steps.contains(&step) {
                steps.push(step);
            }
        }
        scale *= 10.0;
    }
    steps
}

/// The largest power of ten not above `value` (for `value` > 0), by repeated multiplication so that
/// it is the same on every machine.
fn power_of_ten_at_most(value: f64) -> f64 {
    let mut power = 1.0;
    if value >= 1.0 {
        while power * 10.0 <= value {
            power *= 10.0;
        }
    } else {
        while power > value && power > 1e-12 {
            power /= 10.0;
        }
    }
    power
}

/// A ladder of quantities around `answer`. `target` is the wished-for step relative to the answer
/// (0.15 = 15%); `taken` are other true values that must not appear. `None` when no ladder of 3 or 4
/// rungs fits `range` with every rank possible.
pub(crate) fn quantity_ladder<R: Rng + ?Sized>(
    answer: f64,
    range: Range,
    target: f64,
    taken: &[f64],
    rng: &mut R,
) -> Option<Ladder<f64>> {
    let whole = granularity(answer);
    // Four rungs at the answer's own rounding; then four at half that rounding (US$1.5 billion beside
    // US$3 billion) before settling for three: a ladder must be able to put the answer at every rank.
    // Counts and years (rounded to 1) never get halves.
    let half = if whole >= 10.0 { whole / 2.0 } else { whole };
    for (size, unit) in [(4usize, whole), (4, half), (3, whole)] {
        if let Some(found) = ladder_of(answer, range, target, taken, size, unit, rng) {
            return found;
        }
    }
    None
}

/// A ladder of exactly `size` rungs on multiples of `unit`: `None` when no step fits the range,
/// `Some(None)` when every fitting step clashes with another true value, `Some(ladder)` otherwise.
fn ladder_of<R: Rng + ?Sized>(
    answer: f64,
    range: Range,
    target: f64,
    taken: &[f64],
    size: usize,
    unit: f64,
    rng: &mut R,
) -> Option<Option<Ladder<f64>>> {
    let wished = (answer.abs() * target).max(unit);
    // The step is a multiple of the unit: prefer the nice step closest to the wish.
    let mut steps: Vec<f64> = nice_steps(unit, wished.max(unit) * 4.0)
        .into_iter()
        .filter(|step| (step / unit - (step / unit).round()).abs() < 1e-9)
        .collect();
    steps.sort_by(|a, b| {
        // Distance as a ratio, computed with division only: the same on every machine (a libm
        // `ln` may differ in its last bit between platforms and flip a tie).
        let da = (a / wished).max(wished / a);
        let db = (b / wished).max(wished / b);
        da.total_cmp(&db).then(a.total_cmp(b))
    });
    let fits = |step: f64| {
        (0..size).all(|rank| {
            let low = answer - step * rank as f64;
            let high = low + step * (size - 1) as f64;
            range.contains(low) && range.contains(high)
        })
    };
    let &step = steps.iter().find(|&&step| fits(step))?;
    let rank = index(rng, size);
    for multiple in 1..=3 {
        let step = step * multiple as f64;
        if !fits(step) {
            break;
        }
        let rungs: Vec<f64> = (0..size)
            .map(|position| round_to_unit(answer + step * (position as f64 - rank as f64), unit))
            .collect();
        let clash = rungs.iter().enumerate().any(|(position, rung)| {
            position != rank && taken.iter().any(|t| (t - rung).abs() < unit / 2.0)
        });
        if !clash {
            return Some(Some(Ladder {
                rungs,
                answer: rank,
                relative_step: step / answer.abs().max(f64::MIN_POSITIVE),
            }));
        }
    }
    Some(None)
}

fn round_to_unit(value: f64, unit: f64) -> f64 {
    if unit >= 1.0 {
        (value / unit).round() * unit
    } else {
        let mut factor = 1.0;
        while unit * factor < 0.999_999 {
            factor *= 10.0;
        }
        (value * factor).round() / factor
    }
}

/// A ladder of dates at the answer's precision: years 2 apart (1 when the range is tight), months 1
/// apart, days a week apart. Dates stay between 60 years before the answer and `latest_year`.
pub(crate) fn date_ladder<R: Rng + ?Sized>(
    answer: PartialDate,
    latest_year: i32,
    taken: &[PartialDate],
    rng: &mut R,
) -> Option<Ladder<PartialDate>> {
    let earliest = answer.year - 60;
    let plausible = |date: &PartialDate| date.year >= earliest && date.year <= latest_year;
    let steps: &[i64] = match (answer.month, answer.day) {
        (Some(_), Some(_)) => &[7],
        (Some(_), None) => &[1],
        _ => &[2, 1],
    };
    for size in [4usize, 3] {
        for &step in steps {
            let rung = |offset: i64| shift(answer, offset * step);
            let fits = (0..size as i64).all(|rank| {
                (0..size as i64)
                    .all(|position| rung(position - rank).is_some_and(|d| plausible(&d)))
            });
            if !fits {
                continue;
            }
            let rank = index(rng, size);
            let rungs: Vec<PartialDate> = (0..size)
                .map(|position| rung(position as i64 - rank as i64).expect("checked above"))
                .collect();
            let clash = rungs
                .iter()
                .enumerate()
                .any(|(position, date)| position != rank && taken.contains(date));
            if clash {
                return None;
            }
            let span_days = match (answer.month, answer.day) {
                (Some(_), Some(_)) => step as f64,
                (Some(_), None) => 30.0 * step as f64,
                _ => 365.0 * step as f64,
            };
            return Some(Ladder {
                rungs,
                answer: rank,
                // Relative to a "distance" of ten years for years, a year for months, a month for days.
                relative_step: match (answer.month, answer.day) {
                    (Some(_), Some(_)) => span_days / 30.0,
                    (Some(_), None) => span_days / 365.0,
                    _ => span_days / 3650.0,
                },
            });
        }
    }
    None
}

/// Moves a date by `units` of its own precision (weeks are passed as 7 days).
fn shift(date: PartialDate, units: i64) -> Option<PartialDate> {
    match (date.month, date.day) {
        (Some(_), Some(_)) => Some(from_days(date.days_since_epoch() + units)),
        (Some(month), None) => {
            let total = i64::from(date.year) * 12 + i64::from(month) - 1 + units;
            let year = i32::try_from(total.div_euclid(12)).ok()?;
            let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
            Some(PartialDate {
                year,
                month: Some(month),
                day: None,
            })
        }
        _ => Some(PartialDate::year(
            date.year.checked_add(i32::try_from(units).ok()?)?,
        )),
    }
}

/// The calendar date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
pub(crate) fn from_days(days: i64) -> PartialDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
    PartialDate {
        year,
        month: Some(month),
        day: Some(day),
    }
}

/// The tolerance for a typed numeric answer: exact for small whole numbers, otherwise about 5% of the
/// answer (10% when the source hedges with `about`, `almost` ...), rounded down to one significant
/// digit; percentages and scores out of 100 allow 2 points.
pub(crate) fn tolerance(answer: f64, percent_like: bool, hedged: bool) -> f64 {
    if percent_like {
        return if hedged { 5.0 } else { 2.0 };
    }
    let magnitude = answer.abs();
    if magnitude <= 20.0 && answer.fract() == 0.0 && !hedged {
        return 0.0;
    }
    let share = if hedged { 0.10 } else { 0.05 };
    let raw = magnitude * share;
    if raw < 1.0 && answer.fract() == 0.0 {
        return if hedged { 1.0 } else { 0.0 };
    }
    let power = power_of_ten_at_most(raw);
    (raw / power).floor() * power
}

/// Narrows a tolerance so that no other true value (`taken`) falls within it: to half the distance to
/// the nearest one, rounded down to one significant digit, and to zero when that is finer than the
/// answer's own rounding.
pub(crate) fn tolerance_below(answer: f64, tolerance: f64, taken: &[f64]) -> f64 {
    let nearest = taken
        .iter()
        .map(|other| (other - answer).abs())
        .filter(|distance| *distance > 0.0)
        .fold(f64::INFINITY, f64::min);
    if nearest > tolerance {
        return tolerance;
    }
    let half = nearest / 2.0;
    let power = power_of_ten_at_most(half);
    let narrowed = (half / power).floor() * power;
    if narrowed < granularity(answer) || narrowed >= nearest {
        0.0
    } else {
        narrowed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SeededRng;

    #[test]
    fn granularity_follows_trailing_zeros() {
        assert_eq!(granularity(3e9), 1e9);
        assert_eq!(granularity(3.2e9), 1e8);
        assert_eq!(granularity(76.0), 1.0);
        assert_eq!(granularity(60.0), 10.0);
        assert_eq!(granularity(2.5), 0.1);
    }

    #[test]
    fn ladders_are_even_rounded_and_hold_the_answer() {
        for seed in 0..50 {
            let mut rng = SeededRng::from_seed(seed);
            for (answer, range) in [
                (3e9, Range::POSITIVE),
                (76.0, Range::up_to(100.0)),
                (4.0, Range::COUNT),
                (60.0, Range::POSITIVE),
                (1958.0, Range::POSITIVE),
            ] {
                let ladder = quantity_ladder(answer, range, 0.15, &[], &mut rng).unwrap();
                assert_eq!(ladder.rungs[ladder.answer], answer);
                let step = ladder.rungs[1] - ladder.rungs[0];
                assert!(step > 0.0);
                for pair in ladder.rungs.windows(2) {
                    assert!((pair[1] - pair[0] - step).abs() < 1e-6, "{ladder:?}");
                }
                // Rounded like the answer; amounts (rounded to 10 or more) may use half that.
                let unit = granularity(answer);
                let unit = if unit >= 10.0 { unit / 2.0 } else { unit };
                for rung in &ladder.rungs {
                    assert!((rung / unit - (rung / unit).round()).abs() < 1e-9);
                    assert!(range.contains(*rung));
                }
            }
        }
    }

    #[test]
    fn every_rank_is_possible() {
        let mut seen = [0u32; 4];
        for seed in 0..400 {
            let mut rng = SeededRng::from_seed(seed);
            let ladder = quantity_ladder(76.0, Range::up_to(100.0), 0.15, &[], &mut rng).unwrap();
            assert_eq!(ladder.rungs.len(), 4);
            seen[ladder.answer] += 1;
        }
        assert!(seen.iter().all(|&count| count > 60), "{seen:?}");
    }

    #[test]
    fn a_ladder_that_cannot_hide_the_answer_is_refused() {
        let mut rng = SeededRng::from_seed(1);
        assert!(quantity_ladder(100.0, Range::up_to(100.0), 0.15, &[], &mut rng).is_none());
        assert!(quantity_ladder(1.0, Range::POSITIVE, 0.15, &[], &mut rng).is_none());
        // Whole billions cannot put US$3 billion at every rank of four; half billions can.
        let billions = quantity_ladder(3e9, Range::POSITIVE, 0.15, &[], &mut rng).unwrap();
        assert_eq!(billions.rungs.len(), 4);
        assert!(
            billions
                .rungs
                .iter()
                .all(|rung| (rung / 5e8).fract() == 0.0),
            "{billions:?}"
        );
        // A count never gets half steps: 2 seasons stays a three-rung ladder of whole numbers.
        let seasons = quantity_ladder(2.0, Range::COUNT, 0.15, &[], &mut rng).unwrap();
        assert_eq!(seasons.rungs.len(), 3);
        assert!(
            seasons.rungs.iter().all(|rung| rung.fract() == 0.0),
            "{seasons:?}"
        );
    }

    #[test]
    fn other_true_values_are_avoided() {
        for seed in 0..40 {
            let mut rng = SeededRng::from_seed(seed);
            if let Some(ladder) =
                quantity_ladder(76.0, Range::up_to(100.0), 0.15, &[81.0, 71.0], &mut rng)
            {
                assert!(!ladder.rungs.contains(&81.0) && !ladder.rungs.contains(&71.0));
            }
        }
    }

    #[test]
    fn dates_step_at_their_precision() {
        let mut rng = SeededRng::from_seed(3);
        let day = PartialDate::ymd(2017, 7, 9).unwrap();
        let ladder = date_ladder(day, 2030, &[], &mut rng).unwrap();
        assert_eq!(ladder.rungs[ladder.answer], day);
        let gaps: Vec<i64> = ladder
            .rungs
            .windows(2)
            .map(|pair| pair[1].days_since_epoch() - pair[0].days_since_epoch())
            .collect();
        assert!(gaps.iter().all(|&gap| gap == 7));
        let year = PartialDate::year(1958);
        let ladder = date_ladder(year, 2018, &[], &mut rng).unwrap();
        assert!(ladder.rungs.iter().all(|date| date.month.is_none()));
        let recent = date_ladder(PartialDate::year(2018), 2018, &[], &mut rng);
        assert!(recent.is_none(), "no rank but the last fits before 2018");
    }

    #[test]
    fn days_round_trip() {
        for days in [-4117, 0, 17_356, 59, 60, 365, 11_016] {
            assert_eq!(from_days(days).days_since_epoch(), days);
        }
        assert_eq!(from_days(17_356), PartialDate::ymd(2017, 7, 9).unwrap());
    }

    #[test]
    fn a_tolerance_never_reaches_another_true_value() {
        assert_eq!(tolerance_below(3.0, 1.0, &[4.0, 3.0]), 0.0);
        assert_eq!(tolerance_below(48e6, 2e6, &[52e6]), 2e6);
        assert_eq!(tolerance_below(48e6, 5e6, &[52e6]), 2e6);
        assert_eq!(tolerance_below(60.0, 3.0, &[]), 3.0);
    }

    #[test]
    fn tolerances() {
        assert_eq!(tolerance(4.0, false, false), 0.0);
        assert_eq!(tolerance(3e9, false, false), 1e8);
        assert_eq!(tolerance(3e9, false, true), 3e8);
        assert_eq!(tolerance(60.0, false, false), 3.0);
        assert_eq!(tolerance(76.0, true, false), 2.0);
    }
}
