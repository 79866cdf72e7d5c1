//! A small set of hand-written, sourced questions about The Defiant Ones, one or more of every type: for
//! examples, doctests, benchmarks and tests that need a game without loading packs or a fact base.

use crate::question::{Body, Citation, Difficulty, PartialDate, Question};

const ENCYCLOPEDIA: &str = "003_d6ee9bb069f09130.txt";
const PREMIERE: &str = "001_a1374601954c6a8f.txt";
const ORIGINS: &str = "002_cae9da5b7039b8ab.txt";
const RADIO: &str = "000_17e65febc0e6acf9.txt";
const DINNER: &str = "004_0c38544578c6df77.txt";

fn cite(article: &str, evidence: &str) -> Vec<Citation> {
    vec![Citation {
        article: article.to_string(),
        evidence: Some(evidence.to_string()),
    }]
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

struct Draft {
    id: &'static str,
    prompt: &'static str,
    body: Body,
    category: &'static str,
    difficulty: Difficulty,
    explanation: &'static str,
    sources: Vec<Citation>,
}

impl From<Draft> for Question {
    fn from(draft: Draft) -> Question {
        Question {
            id: draft.id.to_string(),
            prompt: draft.prompt.to_string(),
            body: draft.body,
            category: draft.category.to_string(),
            difficulty: draft.difficulty,
            explanation: draft.explanation.to_string(),
            sources: draft.sources,
            tags: Vec::new(),
            time_limit: None,
        }
    }
}

/// Twenty demo questions across every question type, category and difficulty, in a fixed order.
pub fn questions() -> Vec<Question> {
    use Difficulty::{Easy, Hard, Medium};
    let drafts = vec![
        Draft {
            id: "demo-director",
            prompt: "Who directed The Defiant Ones?",
            body: Body::MultipleChoice {
                options: strings(&["Allen Hughes", "Doug Pray", "F. Gary Gray", "Spike Lee"]),
                answer: 0,
                aliases: strings(&["Hughes"]),
            },
            category: "crew",
            difficulty: Easy,
            explanation: "Allen Hughes directed the four-part series.",
            sources: cite(
                ENCYCLOPEDIA,
                "four-part American television documentary series, directed by Allen Hughes",
            ),
        },
        Draft {
            id: "demo-parts",
            prompt: "How many parts does The Defiant Ones have?",
            body: Body::Numeric {
                answer: 4.0,
                tolerance: 0.0,
                unit: None,
            },
            category: "series",
            difficulty: Easy,
            explanation: "It is a four-part documentary series.",
            sources: cite(
                ORIGINS,
                "in the form of a four-part documentary titled The Defiant Ones",
            ),
        },
        Draft {
            id: "demo-network",
            prompt: "The Defiant Ones first aired on HBO.",
            body: Body::TrueFalse { answer: true },
            category: "series",
            difficulty: Easy,
            explanation: "HBO aired it on four consecutive nights in July 2017.",
            sources: cite(
                ENCYCLOPEDIA,
                "that aired on HBO from July 9 to July 12, 2017",
            ),
        },
        Draft {
            id: "demo-subjects",
            prompt: "Which two men's partnership is the subject of The Defiant Ones?",
            body: Body::MultipleChoice {
                options: strings(&[
                    "Jimmy Iovine and Dr. Dre",
                    "Jay-Z and Kanye West",
                    "Rick Rubin and Russell Simmons",
                    "Suge Knight and Tupac Shakur",
                ]),
                answer: 0,
                aliases: Vec::new(),
            },
            category: "people",
            difficulty: Easy,
            explanation: "The series tells the story of Jimmy Iovine and Dr. Dre.",
            sources: cite(
                ORIGINS,
                "between music executive Jimmy Iovine and hip-hop legend Dr. Dre",
            ),
        },
        Draft {
            id: "demo-premiere-date",
            prompt: "On what date did The Defiant Ones first air?",
            body: Body::Date {
                answer: PartialDate::ymd(2017, 7, 9).expect("a real date"),
                tolerance_days: 0,
            },
            category: "series",
            difficulty: Medium,
            explanation: "Part one premiered on HBO on July 9, 2017.",
            sources: cite(ENCYCLOPEDIA, "First Aired: 2017-07-09"),
        },
        Draft {
            id: "demo-apple-price",
            prompt: "For how much did Iovine and Dre sell Beats to Apple?",
            body: Body::Numeric {
                answer: 3e9,
                tolerance: 0.0,
                unit: Some("US$".to_string()),
            },
            category: "business",
            difficulty: Medium,
            explanation: "Apple paid US$3 billion in cash and stock, the largest acquisition in its history.",
            sources: cite(
                PREMIERE,
                "which they sold to Apple for $3 billion in a cash and stock deal",
            ),
        },
        Draft {
            id: "demo-beats",
            prompt: "What company did Jimmy Iovine and Dr. Dre co-found?",
            body: Body::FreeText {
                answer: "Beats Electronics".to_string(),
                aliases: strings(&["Beats", "Beats by Dre"]),
                kind: Some("company".to_string()),
                prompt_on: vec![],
                reject: vec![],
            },
            category: "business",
            difficulty: Easy,
            explanation: "They co-founded the headphone company Beats Electronics.",
            sources: cite(
                ENCYCLOPEDIA,
                "Jimmy Iovine and Dr. Dre, co-founders of Beats Electronics",
            ),
        },
        Draft {
            id: "demo-dre-hometown",
            prompt: "In which city was Dr. Dre born?",
            body: Body::FreeText {
                answer: "Compton".to_string(),
                aliases: strings(&["Compton, California"]),
                kind: Some("place".to_string()),
                prompt_on: vec![],
                reject: vec![],
            },
            category: "people",
            difficulty: Medium,
            explanation: "Dre was born in Compton, California.",
            sources: cite(
                RADIO,
                "Dre was born in Compton which of course was the crime capital of California",
            ),
        },
        Draft {
            id: "demo-nwa",
            prompt: "Dr. Dre was a member of which hip hop group?",
            body: Body::MultipleChoice {
                options: strings(&["N.W.A", "Public Enemy", "Run-DMC", "Wu-Tang Clan"]),
                answer: 0,
                aliases: strings(&["NWA"]),
            },
            category: "people",
            difficulty: Easy,
            explanation: "Dre began as a member of the hip hop group NWA.",
            sources: cite(PREMIERE, "member of hip hop group NWA respectively"),
        },
        Draft {
            id: "demo-interscope",
            prompt: "Which record label did Jimmy Iovine co-found?",
            body: Body::MultipleChoice {
                options: strings(&[
                    "Death Row Records",
                    "Def Jam",
                    "Interscope Records",
                    "Motown",
                ]),
                answer: 2,
                aliases: strings(&["Interscope"]),
            },
            category: "business",
            difficulty: Medium,
            explanation: "Iovine co-founded Interscope Records; Dre co-founded Death Row.",
            sources: cite(ENCYCLOPEDIA, "Jimmy Iovine co-founds Interscope Records"),
        },
        Draft {
            id: "demo-chronic-year",
            prompt: "In what year did Dr. Dre release The Chronic?",
            body: Body::Date {
                answer: PartialDate::year(1992),
                tolerance_days: 0,
            },
            category: "music",
            difficulty: Hard,
            explanation: "The Chronic came out in 1992.",
            sources: cite(
                ENCYCLOPEDIA,
                "Dr. Dre, whose 1992 album The Chronic helps ignite",
            ),
        },
        Draft {
            id: "demo-grammy",
            prompt: "The Defiant Ones won the Grammy Award for Best Music Film.",
            body: Body::TrueFalse { answer: true },
            category: "awards",
            difficulty: Medium,
            explanation: "It won the Grammy for Best Music Film.",
            sources: cite(
                ENCYCLOPEDIA,
                "The Defiant Ones won the 2017 Grammy Award for Best Music Film",
            ),
        },
        Draft {
            id: "demo-emmys",
            prompt: "How many Emmy Award nominations did the series receive?",
            body: Body::Numeric {
                answer: 5.0,
                tolerance: 0.0,
                unit: None,
            },
            category: "awards",
            difficulty: Hard,
            explanation: "The series garnered five Emmy nominations.",
            sources: cite(
                ENCYCLOPEDIA,
                "The series also garnered five Emmy Award nominations",
            ),
        },
        Draft {
            id: "demo-editors",
            prompt: "Which of these people edited The Defiant Ones?",
            body: Body::SelectAll {
                options: strings(&["Doug Pray", "Lasse Järvi", "Atticus Ross", "Shane Daly"]),
                answers: vec![0, 1],
            },
            category: "crew",
            difficulty: Hard,
            explanation: "Doug Pray and Lasse Järvi edited it; Ross wrote music and Daly filmed.",
            sources: cite(ENCYCLOPEDIA, "Editor: Lasse Järvi, Doug Pray"),
        },
        Draft {
            id: "demo-timeline",
            prompt: "Put these events in order.",
            body: Body::Order {
                items: strings(&[
                    "The Chronic is released",
                    "Beats Electronics is sold to Apple",
                    "The Defiant Ones airs on HBO",
                ]),
                keys: strings(&["1992", "2014", "2017"]),
                direction: Some("earliest first".to_string()),
            },
            category: "events",
            difficulty: Medium,
            explanation: "The Chronic (1992), the Apple deal (2014), the HBO broadcast (2017).",
            sources: cite(
                ENCYCLOPEDIA,
                "which leads to a historic 2014 megadeal with Apple Inc.",
            ),
        },
        Draft {
            id: "demo-quote-career",
            prompt: "Who said it?",
            body: Body::Quote {
                quote: "I've never been so happy with anything I've done in my entire career"
                    .to_string(),
                options: strings(&["Jimmy Iovine", "Allen Hughes", "Dr. Dre", "Luke Wood"]),
                answer: 2,
                aliases: strings(&["Dre"]),
            },
            category: "quotes",
            difficulty: Hard,
            explanation: "Dr. Dre said it at the London premiere.",
            sources: cite(
                PREMIERE,
                "I've never been so happy with anything I've done in my entire career",
            ),
        },
        Draft {
            id: "demo-filming",
            prompt: "How many years did Allen Hughes spend filming the series?",
            body: Body::Numeric {
                answer: 3.0,
                tolerance: 0.0,
                unit: Some("years".to_string()),
            },
            category: "series",
            difficulty: Medium,
            explanation: "Hughes spent three years filming.",
            sources: cite(DINNER, "Hughes spent three years filming"),
        },
        Draft {
            id: "demo-netflix",
            prompt: "Outside the United States and Canada, which service streams The Defiant Ones?",
            body: Body::MultipleChoice {
                options: strings(&["Amazon Prime Video", "Hulu", "Netflix"]),
                answer: 2,
                aliases: Vec::new(),
            },
            category: "series",
            difficulty: Easy,
            explanation: "Netflix holds the rights outside the US and Canada.",
            sources: cite(
                RADIO,
                "The Defiant Ones is available on Netflix from March 23rd.",
            ),
        },
        Draft {
            id: "demo-ritzy",
            prompt: "The London premiere took place at The Ritzy in Brixton.",
            body: Body::TrueFalse { answer: true },
            category: "events",
            difficulty: Hard,
            explanation: "The premiere was held at The Ritzy in Brixton, London.",
            sources: cite(
                PREMIERE,
                "at 'The Defiant Ones' premiere at The Ritzy in Brixton, London",
            ),
        },
        Draft {
            id: "demo-runtime",
            prompt: "Each part of The Defiant Ones runs about 90 minutes.",
            body: Body::TrueFalse { answer: false },
            category: "series",
            difficulty: Medium,
            explanation: "Each part runs about 60 minutes.",
            sources: cite(ENCYCLOPEDIA, "Runtime: 60 minutes"),
        },
    ];
    drafts.into_iter().map(Question::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::question::QuestionType;

    #[test]
    fn demo_covers_every_type_with_unique_ids() {
        let questions = questions();
        for kind in QuestionType::ALL {
            assert!(
                questions.iter().any(|q| q.body.question_type() == kind),
                "{kind}"
            );
        }
        let mut ids: Vec<&str> = questions.iter().map(|q| q.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), questions.len());
    }
}
