//! Reads the value types that need more than one TOML shape: measures (`{ amount = 21.5, unit = "kg" }`),
//! compound durations (`{ days = 8, hours = 3, minutes = 18 }`), times of day (`20:17`, `"20:17:40"`,
//! `{ time = 20:17, zone = "UTC" }`) and ordinals (`11` for "11th").

use toml::Spanned;
use toml::de::DeValue;

use super::value::{DURATION_PARTS, Value};
use crate::tomldoc::{Diagnostics, SourceFile, TableReader, sub_table};

/// A measure: a finite amount and a unit that is not empty.
pub(super) fn measure(table: &TableReader<'_, '_>, diagnostics: &mut Diagnostics) -> Option<Value> {
    table.deny_unknown(&["amount", "unit"], diagnostics);
    let amount = match table.number("amount", diagnostics) {
        Some(amount) => Some(amount.into_inner()),
        None => {
            if table.get("amount").is_none() {
                table.missing("amount", "a number", diagnostics);
            }
            None
        }
    };
    let unit = table.required_string("unit", diagnostics).and_then(|unit| {
        if unit.get_ref().trim().is_empty() {
            diagnostics.at(
                table.source,
                unit.span(),
                "`unit` must not be empty: write it as players should read it, like \"kg\" or \"light-years\"",
            );
            None
        } else {
            Some(unit.into_inner())
        }
    });
    Some(Value::Measure {
        amount: amount?,
        unit: unit?,
    })
}

/// Whether a duration table is written in parts (`days`, `hours`, ...) rather than `amount` and `unit`.
pub(super) fn is_compound_duration(table: &TableReader<'_, '_>) -> bool {
    DURATION_PARTS
        .iter()
        .any(|(name, _)| table.get(name).is_some())
}

/// A compound duration: whole, non-negative parts, at least one of them.
pub(super) fn span(table: &TableReader<'_, '_>, diagnostics: &mut Diagnostics) -> Option<Value> {
    let names: Vec<&str> = DURATION_PARTS.iter().map(|(name, _)| *name).collect();
    table.deny_unknown(&names, diagnostics);
    let mut seconds = 0.0;
    let mut largest = None;
    let mut smallest = None;
    let mut valid = true;
    for (name, length) in DURATION_PARTS {
        let Some(count) = table.integer(name, diagnostics) else {
            valid &= table.get(name).is_none();
            continue;
        };
        if *count.get_ref() < 0 {
            diagnostics.at(
                table.source,
                count.span(),
                format!("`{name}` must be 0 or more"),
            );
            valid = false;
            continue;
        }
        seconds += *count.get_ref() as f64 * length;
        largest.get_or_insert(name);
        smallest = Some(name);
    }
    if !valid {
        return None;
    }
    Some(Value::Span {
        seconds,
        largest: largest?.to_string(),
        smallest: smallest?.to_string(),
    })
}

/// A time of day: a TOML local time (`20:17`, `20:17:40`), a string `"20:17"` / `"20:17:40"`, or a
/// table `{ time = ..., zone = "UTC" }`. `None` (reported by the caller) when it is none of these.
pub(super) fn time(
    source: &SourceFile,
    raw: &Spanned<DeValue<'_>>,
    diagnostics: &mut Diagnostics,
) -> Option<Option<Value>> {
    if let Some(minutes) = clock_minutes(raw.get_ref()) {
        return Some(Some(Value::Time {
            minutes,
            zone: None,
        }));
    }
    let table = sub_table(source, raw, "object")?;
    table.deny_unknown(&["time", "zone"], diagnostics);
    let Some(time) = table.get("time") else {
        table.missing("time", "a time of day such as 20:17", diagnostics);
        return Some(None);
    };
    let Some(minutes) = clock_minutes(time.get_ref()) else {
        diagnostics.at(
            source,
            time.span(),
            "`time` must be a time of day: 20:17, 20:17:40 or a string \"20:17\"",
        );
        return Some(None);
    };
    let zone = table.string("zone", diagnostics).and_then(|zone| {
        if zone.get_ref().trim().is_empty() {
            diagnostics.at(source, zone.span(), "`zone` must not be empty");
            None
        } else {
            Some(zone.into_inner())
        }
    });
    Some(Some(Value::Time { minutes, zone }))
}

/// Minutes after midnight of a local time or a `HH:MM[:SS]` string.
fn clock_minutes(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Datetime(datetime) if datetime.date.is_none() && datetime.offset.is_none() => {
            let time = datetime.time?;
            Some(
                f64::from(time.hour) * 60.0
                    + f64::from(time.minute)
                    + f64::from(time.second.unwrap_or(0)) / 60.0,
            )
        }
        DeValue::String(text) => parse_clock(text),
        _ => None,
    }
}

/// `20:17` or `20:17:40` (24-hour clock) as minutes after midnight.
pub(crate) fn parse_clock(text: &str) -> Option<f64> {
    let mut parts = text.trim().split(':');
    let hours: u32 = parse_two_digits(parts.next()?, 1)?;
    let minutes: u32 = parse_two_digits(parts.next()?, 2)?;
    let seconds: u32 = match parts.next() {
        Some(part) => parse_two_digits(part, 2)?,
        None => 0,
    };
    if parts.next().is_some() || hours > 23 || minutes > 59 || seconds > 59 {
        return None;
    }
    Some(f64::from(hours) * 60.0 + f64::from(minutes) + f64::from(seconds) / 60.0)
}

fn parse_two_digits(text: &str, at_least: usize) -> Option<u32> {
    (text.len() >= at_least && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A rank: a whole number, 1 or more.
pub(super) fn ordinal(value: &DeValue<'_>) -> Option<Value> {
    crate::tomldoc::integer_value(value)
        .filter(|rank| *rank >= 1)
        .map(|rank| Value::Ordinal { rank })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_parse_at_24_hours() {
        assert_eq!(parse_clock("20:17"), Some(20.0 * 60.0 + 17.0));
        assert_eq!(parse_clock("9:05"), Some(9.0 * 60.0 + 5.0));
        assert_eq!(parse_clock("00:00:30"), Some(0.5));
        for bad in [
            "24:00",
            "20:60",
            "20",
            "20:1",
            "2017",
            "20:17:00:00",
            "a:bc",
        ] {
            assert_eq!(parse_clock(bad), None, "{bad}");
        }
    }
}
