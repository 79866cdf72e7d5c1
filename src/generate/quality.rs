//! The quality score of a generated question: how worth asking it is, from features the author marks in
//! the fact base and a few general rules, so a game can leave the pointless ones out.
//!
//! ```text
//! score = 60
//!       + 15 × (interest of the asked facts − 2)        relation or fact `interest`: 1 dull, 3 headline
//!       + 10 × (mean interest of its entities − 2)      entity `interest`
//!       − 40 when the answer is the quiz's own subject  entity `main = true`
//!       − 15 when every entity but the quiz's subject is obscure   prominence 3: names from the credits
//!       − 20 when asked "according to" one source      the sources disagree: the key holds
//!                                                       for one article only
//!       −  5 for a true/false statement                 half the chance of a guess
//!       − 10 for a headline fact stated true            "Beats Electronics was sold to Apple.":
//!                                                       no one who knows the topic answers False
//!       − 15 for a quotation as a true/false statement  "X said ...": who said it is the
//!                                                       whole question, better asked with options
//!       − 10 for "Who said this?" about a fragment      "last hurrah of great recording
//!                                                       artists": no sentence to reason from
//!       − 10 for quotations as the options           "Which of these did X say?": words cut
//!                                                       from several speeches rarely tell apart
//!       − 10 for a statement false by a changed figure   "… scores 81" for 76: a near miss
//!                                                       tests memory of a digit, not knowledge
//!       − 10 for a ladder of figures as the options  "1, 2, 3, 4" parts: a guess among
//!                                                       evenly spaced steps; typed is fairer
//!       − 10 when the answer is the only well-known option   every wrong option is less
//!                                                       prominent than it: it picks itself
//!       − 15 for a true/false statement about one of many   "X is interviewed in the series":
//!                                                       4 or more subjects share the relation and
//!                                                       object, so it is a line of a list
//!       − 10 for a fact true as of a date              "in March 2018, X was married to Y": a
//!                                                       snapshot of when an article was written
//!       − 10 when the explanation can only add a loose fact    nothing more about the answer or the
//!                                                       entity asked about, only about the quiz's
//!                                                       subject or off the question's topic
//!       − 10 when the explanation's extra fact stands apart   "Filming took 3 years. The series
//!                                                       was directed by X.": neither folded into
//!                                                       the answer's sentence nor set against it
//!       + 5 for a question joining two facts            two-step
//!       − 2 × (questions resting on the same fact − 5), at most −10   redundancy
//!       − 10 for a prompt over 30 words                 long-winded
//! clamped to 0..100; the default game draws questions scoring at least [`BAR`].
//! ```

use serde::Serialize;

use crate::question::QuestionType;

/// The score a question needs for the default game (`generate` draws and `play`).
pub const BAR: u8 = 50;

/// A question's score with the reasons that moved it away from the start value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Quality {
    /// 0 (pointless) to 100.
    pub score: u8,
    /// Each feature that counted, with its points: "relation interest 1 (-15)".
    pub reasons: Vec<String>,
}

impl Quality {
    /// Whether the default game may draw the question.
    pub fn above_bar(&self) -> bool {
        self.score >= BAR
    }
}

/// What the score looks at, gathered by the question builders.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Features {
    pub kind: QuestionType,
    /// Lowest interest of the facts asked (0 to 3).
    pub fact_interest: u8,
    /// Mean interest of the entities the question names or asks for (0 to 3).
    /// `all_obscure` below leaves the quiz's own subject out.
    pub entity_interest: f64,
    pub answer_is_main: bool,
    pub all_obscure: bool,
    pub attributed: bool,
    /// A true statement of a headline fact (interest 3): a giveaway to anyone who knows the topic.
    pub headline_truth: bool,
    /// A true/false statement that someone said a quotation.
    pub quote_statement: bool,
    /// "Who said this?" about a fragment (it opens in lower case), not a sentence.
    pub fragment_quote: bool,
    /// A multiple-choice question whose options are quotations.
    pub quote_options: bool,
    /// A false statement made by changing a figure or a date of the fact.
    pub figure_swap: bool,
    /// A multiple-choice question whose options are a ladder of figures or dates around the answer.
    pub figure_ladder: bool,
    /// A question whose right option is the only well-known name among its options.
    pub lone_famous: bool,
    /// A true/false statement whose relation and object 4 or more subjects share.
    pub one_of_many: bool,
    /// An asked fact holds as of a date (`as_of`).
    pub snapshot: bool,
    /// The explanation could add nothing about the answer or the entity asked about.
    pub loose_teaching: bool,
    /// What the explanation teaches stands as a sentence of its own after the answer's, neither
    /// folded into it nor set against it.
    pub tacked_on: bool,
    pub joins: u8,
    /// How many questions of the pool rest on the same fact (itself included), most over its facts.
    pub same_fact: usize,
    pub prompt_words: usize,
}

/// A reason as `format!("{reason} ({points:+})")` writes it, without the formatter for the reasons
/// that are plain text and for the points.
fn reason_text(reason: std::fmt::Arguments<'_>, points: i32) -> String {
    let mut text = match reason.as_str() {
        Some(plain) => {
            let mut text = String::with_capacity(plain.len() + 8);
            text.push_str(plain);
            text
        }
        None => {
            // Room for the reason and its points up front: `to_string` grows the text as it writes.
            let mut text = String::with_capacity(48);
            let _ = std::fmt::Write::write_fmt(&mut text, reason);
            text
        }
    };
    text.push_str(if points < 0 { " (-" } else { " (+" });
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    let mut rest = points.unsigned_abs();
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    text.push_str(std::str::from_utf8(&digits[start..]).unwrap_or_default());
    text.push(')');
    text
}

/// The score of the formula in the module docs, with its reasons.
pub(crate) fn rate(features: &Features) -> Quality {
    let mut score: i32 = 60;
    let mut reasons = Vec::new();
    // A reason is written out only when it counts.
    let mut add = |points: i32, reason: std::fmt::Arguments<'_>| {
        if points != 0 {
            score += points;
            reasons.push(reason_text(reason, points));
        }
    };
    add(
        15 * (i32::from(features.fact_interest) - 2),
        format_args!("fact interest {}", features.fact_interest),
    );
    add(
        (10.0 * (features.entity_interest - 2.0)).round() as i32,
        format_args!("entity interest {:.1}", features.entity_interest),
    );
    if features.answer_is_main {
        add(-40, format_args!("the answer is the quiz's own subject"));
    }
    if features.all_obscure {
        add(-15, format_args!("only obscure names"));
    }
    if features.attributed {
        add(-20, format_args!("asked according to one source"));
    }
    if features.kind == QuestionType::TrueFalse {
        add(-5, format_args!("true/false"));
    }
    if features.headline_truth {
        add(-10, format_args!("a headline fact stated true"));
    }
    if features.quote_statement {
        add(-15, format_args!("quotation as true/false"));
    }
    if features.fragment_quote {
        add(-10, format_args!("who said a fragment"));
    }
    if features.quote_options {
        add(-10, format_args!("quotations as options"));
    }
    if features.figure_swap {
        add(-10, format_args!("false by a changed figure"));
    }
    if features.figure_ladder {
        add(-10, format_args!("a ladder of figures as options"));
    }
    if features.lone_famous {
        add(
            -10,
            format_args!("the answer is the only well-known option"),
        );
    }
    if features.one_of_many {
        add(-15, format_args!("one of many"));
    }
    if features.snapshot {
        add(-10, format_args!("true as of a date"));
    }
    if features.loose_teaching {
        add(-10, format_args!("the explanation adds only a loose fact"));
    }
    if features.tacked_on {
        add(
            -10,
            format_args!("the explanation's extra fact stands apart"),
        );
    }
    if features.joins > 0 {
        add(5, format_args!("joins two facts"));
    }
    if features.same_fact > 5 {
        let points = -(2 * (features.same_fact as i32 - 5)).min(10);
        add(
            points,
            format_args!("{} questions rest on the same fact", features.same_fact),
        );
    }
    if features.prompt_words > 30 {
        add(-10, format_args!("{} words long", features.prompt_words));
    }
    Quality {
        score: score.clamp(0, 100) as u8,
        reasons,
    }
}

#[cfg(test)]
impl Features {
    /// A usual multiple-choice question's features, nothing to add or take off: for tests.
    pub(crate) fn plain() -> Features {
        Features {
            kind: QuestionType::MultipleChoice,
            fact_interest: 2,
            entity_interest: 2.0,
            answer_is_main: false,
            all_obscure: false,
            attributed: false,
            headline_truth: false,
            quote_statement: false,
            fragment_quote: false,
            quote_options: false,
            figure_swap: false,
            figure_ladder: false,
            lone_famous: false,
            one_of_many: false,
            snapshot: false,
            loose_teaching: false,
            tacked_on: false,
            joins: 0,
            same_fact: 1,
            prompt_words: 8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_the_formatter_writes_them() {
        for points in [-2_147_483_648, -40, -5, 0, 5, 15, 2_147_483_647] {
            assert_eq!(
                reason_text(format_args!("true/false"), points),
                format!("true/false ({points:+})")
            );
            let interest = 2.45;
            assert_eq!(
                reason_text(format_args!("entity interest {interest:.1}"), points),
                format!("entity interest {interest:.1} ({points:+})")
            );
        }
    }

    fn plain() -> Features {
        Features::plain()
    }

    #[test]
    fn a_usual_question_clears_the_bar_with_no_reasons() {
        let quality = rate(&plain());
        assert_eq!(quality.score, 60);
        assert!(quality.reasons.is_empty());
        assert!(quality.above_bar());
    }

    #[test]
    fn pointless_questions_fall_below_the_bar() {
        // "In which series is the mother of Dr. Dre interviewed?": the answer is the quiz's subject.
        let own_subject = rate(&Features {
            answer_is_main: true,
            ..plain()
        });
        assert!(!own_subject.above_bar(), "{own_subject:?}");
        assert!(own_subject.reasons[0].contains("own subject"));
        // A dull fact about names from the credits, as a true/false statement.
        let dull = rate(&Features {
            fact_interest: 1,
            all_obscure: true,
            kind: QuestionType::TrueFalse,
            ..plain()
        });
        assert!(!dull.above_bar(), "{dull:?}");
        // A line of a cast list, a snapshot as of a date, a loose explanation: each costs points, and
        // a line of a list as a true/false statement falls below the bar.
        let listed = rate(&Features {
            one_of_many: true,
            kind: QuestionType::TrueFalse,
            ..plain()
        });
        assert!(!listed.above_bar(), "{listed:?}");
        for (features, reason) in [
            (
                Features {
                    snapshot: true,
                    ..plain()
                },
                "true as of a date (-10)",
            ),
            (
                Features {
                    headline_truth: true,
                    ..plain()
                },
                "a headline fact stated true (-10)",
            ),
            (
                Features {
                    fragment_quote: true,
                    kind: QuestionType::Quote,
                    ..plain()
                },
                "who said a fragment (-10)",
            ),
            (
                Features {
                    quote_options: true,
                    ..plain()
                },
                "quotations as options (-10)",
            ),
            (
                Features {
                    figure_swap: true,
                    ..plain()
                },
                "false by a changed figure (-10)",
            ),
            (
                Features {
                    figure_ladder: true,
                    ..plain()
                },
                "a ladder of figures as options (-10)",
            ),
            (
                Features {
                    lone_famous: true,
                    ..plain()
                },
                "the answer is the only well-known option (-10)",
            ),
            (
                Features {
                    tacked_on: true,
                    ..plain()
                },
                "the explanation's extra fact stands apart (-10)",
            ),
            (
                Features {
                    loose_teaching: true,
                    ..plain()
                },
                "the explanation adds only a loose fact (-10)",
            ),
            (
                Features {
                    attributed: true,
                    ..plain()
                },
                "asked according to one source (-20)",
            ),
        ] {
            let quality = rate(&features);
            assert_eq!(quality.reasons, vec![reason.to_string()]);
            assert_eq!(
                i32::from(quality.score),
                60 + reason[reason.len() - 4..reason.len() - 1]
                    .parse::<i32>()
                    .unwrap()
            );
        }
        // A headline fact scores higher than a usual one.
        let headline = rate(&Features {
            fact_interest: 3,
            ..plain()
        });
        assert!(headline.score > rate(&plain()).score);
    }
}
