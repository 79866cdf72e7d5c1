//! Reads one question table: its common fields, its sources and the checks every question type shares,
//! each problem reported at its position.

use super::*;

pub(super) type Value<'a, 'i> = &'a Spanned<DeValue<'i>>;

/// Reads values and records problems for one file.
pub(super) struct Reader<'s, 'd> {
    pub(super) source: &'s SourceFile,
    pub(super) diagnostics: &'d mut Diagnostics,
}

impl Reader<'_, '_> {
    pub(super) fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.diagnostics.at(self.source, span, message);
    }

    pub(super) fn wrong_type(&mut self, name: &str, value: Value<'_, '_>, expected: &str) {
        self.error(
            value.span(),
            format!(
                "field `{name}` must be {expected}, found {}",
                type_name(value.get_ref())
            ),
        );
    }

    pub(super) fn text_problem(
        &mut self,
        name: &str,
        span: Range<usize>,
        text: &str,
        lines: Lines,
    ) -> bool {
        match check::text_problem(text, lines) {
            Some(problem) => {
                self.error(span, format!("field `{name}` {problem}"));
                true
            }
            None => false,
        }
    }

    /// A text field, checked for emptiness and control characters.
    pub(super) fn text(
        &mut self,
        name: &str,
        value: Value<'_, '_>,
        lines: Lines,
    ) -> Option<String> {
        let DeValue::String(text) = value.get_ref() else {
            self.wrong_type(name, value, "a string");
            return None;
        };
        let text = normalize_newlines(text.to_string(), lines);
        if self.text_problem(name, value.span(), &text, lines) {
            return None;
        }
        Some(text)
    }

    /// A list of texts (a lone string counts as a list of one), each checked.
    pub(super) fn texts(
        &mut self,
        name: &str,
        value: Value<'_, '_>,
        lines: Lines,
    ) -> Option<Vec<String>> {
        match value.get_ref() {
            DeValue::String(_) => self.text(name, value, lines).map(|text| vec![text]),
            DeValue::Array(items) => {
                let mut texts = Vec::with_capacity(items.len());
                let mut fine = true;
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(text) => {
                            let text = normalize_newlines(text.to_string(), lines);
                            if self.text_problem(name, item.span(), &text, lines) {
                                fine = false;
                            }
                            texts.push(text);
                        }
                        other => {
                            fine = false;
                            self.error(
                                item.span(),
                                format!(
                                    "field `{name}` must list strings, found {}",
                                    type_name(other)
                                ),
                            );
                        }
                    }
                }
                fine.then_some(texts)
            }
            _ => {
                self.wrong_type(name, value, "an array of strings");
                None
            }
        }
    }

    pub(super) fn number(&mut self, name: &str, value: Value<'_, '_>) -> Option<f64> {
        match number_value(value.get_ref()) {
            Some(number) if number.is_finite() => Some(number),
            Some(_) => {
                self.error(
                    value.span(),
                    format!("field `{name}` must be a finite number"),
                );
                None
            }
            None => {
                self.wrong_type(name, value, "a number");
                None
            }
        }
    }

    /// Reads one `[[question]]` table. Returns the question when it has no problem, and its id (with the
    /// offset of the id's value) when it has a usable one.
    pub(super) fn question<'a, 'i>(
        &mut self,
        table: &'a DeTable<'i>,
        header: Range<usize>,
    ) -> (Option<Question>, Option<(&'a str, usize)>) {
        let before = self.diagnostics.len();
        let mut slots: [Option<Value<'a, 'i>>; FIELD_COUNT] = [None; FIELD_COUNT];
        let mut unknown = Vec::new();
        for (key, value) in table.iter() {
            match slot(key.get_ref()) {
                Some(index) => slots[index] = Some(value),
                None => unknown.push(key),
            }
        }

        let id: Option<(&'a str, usize)> = match slots[ID] {
            Some(value) => match value.get_ref() {
                DeValue::String(text) => {
                    let text: &'a str = text.as_ref();
                    let problem = check::text_problem(text, Lines::One)
                        .map(|problem| problem.to_string())
                        .or_else(|| check::id_problem(text));
                    match problem {
                        Some(problem) => {
                            self.error(value.span(), format!("field `id` {problem}"));
                            None
                        }
                        None => Some((text, value.span().start)),
                    }
                }
                _ => {
                    self.wrong_type("id", value, "a string");
                    None
                }
            },
            None => {
                self.error(
                    header.clone(),
                    "missing field `id` in question: every question needs a unique `id`",
                );
                None
            }
        };
        let kind = match slots[TYPE] {
            Some(value) => match value.get_ref() {
                DeValue::String(name) => {
                    let kind = QuestionType::parse(name);
                    if kind.is_none() {
                        let names: Vec<&str> =
                            QuestionType::ALL.iter().map(|kind| kind.as_str()).collect();
                        let near = closest(name, &names)
                            .map(|near| format!(" (did you mean `{near}`?)"))
                            .unwrap_or_default();
                        self.error(
                            value.span(),
                            format!(
                                "unknown question type `{name}`{near}, expected one of {}",
                                names
                                    .iter()
                                    .map(|name| format!("`{name}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        );
                    }
                    kind
                }
                _ => {
                    self.wrong_type("type", value, "a string naming the question type");
                    None
                }
            },
            None => {
                self.error(
                    header.clone(),
                    "missing field `type` in question: expected one of `multiple_choice`, `true_false`, \
                     `numeric`, `date`, `free_text`, `select_all`, `order`, `quote`",
                );
                None
            }
        };

        // Fields this type does not take, and fields no type takes.
        if let Some(kind) = kind {
            let specific = type_fields(kind);
            for (index, value) in slots.iter().enumerate() {
                if value.is_some()
                    && !COMMON.contains(&index)
                    && !specific.contains(&index)
                    && let Some((key, _)) = table.get_key_value(FIELDS[index])
                {
                    self.unknown_field(key, Some(kind));
                }
            }
        }
        for key in unknown {
            self.unknown_field(key, kind);
        }

        let prompt = match slots[PROMPT] {
            Some(value) => self.text("prompt", value, Lines::Many),
            None => {
                self.error(
                    header.clone(),
                    "missing field `prompt` in question: expected the question text",
                );
                None
            }
        };
        let category = match slots[CATEGORY] {
            Some(value) => self.text("category", value, Lines::One),
            None => Some(DEFAULT_CATEGORY.to_string()),
        };
        let difficulty = match slots[DIFFICULTY] {
            Some(value) => match value.get_ref() {
                DeValue::String(name) => {
                    let difficulty = Difficulty::parse(name);
                    if difficulty.is_none() {
                        self.error(
                            value.span(),
                            format!(
                                "field `difficulty` must be `easy`, `medium` or `hard`, found `{name}`"
                            ),
                        );
                    }
                    difficulty
                }
                _ => {
                    self.wrong_type("difficulty", value, "`easy`, `medium` or `hard`");
                    None
                }
            },
            None => Some(Difficulty::Medium),
        };
        let explanation = match slots[EXPLANATION] {
            Some(value) => self.text("explanation", value, Lines::Many),
            None => Some(String::new()),
        };
        let sources = self.sources(slots[SOURCE], slots[SOURCES]);
        let tags = match slots[TAGS] {
            Some(value) => self.texts("tags", value, Lines::One),
            None => Some(Vec::new()),
        };
        // The facts a question rests on (fact ids of the fact base), kept as `fact:` tags so a game
        // never asks two questions about the same fact.
        let tags = match (tags, slots[FACTS]) {
            (Some(mut tags), Some(value)) => self.texts("facts", value, Lines::One).map(|facts| {
                for fact in facts {
                    let tag = format!("{}{fact}", crate::question::FACT_TAG);
                    if !tags.contains(&tag) {
                        tags.push(tag);
                    }
                }
                tags
            }),
            (tags, _) => tags,
        };
        let time_limit = match slots[TIME_LIMIT] {
            Some(value) => match time_limit_problem(tomldoc::integer_value(value.get_ref())) {
                Ok(seconds) => Some(Some(seconds)),
                Err(problem) => {
                    self.error(value.span(), format!("field `time_limit` {problem}"));
                    None
                }
            },
            None => Some(None),
        };
        let body = kind.and_then(|kind| self.body(kind, &slots, header));

        let question_id = id.map(|(id, _)| id.to_string());
        if self.diagnostics.len() > before {
            return (None, id);
        }
        let question = (|| {
            Some(Question {
                id: question_id?,
                prompt: prompt?,
                body: body?,
                category: category?,
                difficulty: difficulty?,
                explanation: explanation?,
                sources: sources?,
                tags: tags?,
                time_limit: time_limit?,
            })
        })();
        (question, id)
    }

    pub(super) fn unknown_field(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        kind: Option<QuestionType>,
    ) {
        let name: &str = key.get_ref();
        let accepted: Vec<&str> = match kind {
            Some(kind) => COMMON
                .iter()
                .chain(type_fields(kind))
                .map(|&slot| FIELDS[slot])
                .collect(),
            None => FIELDS.to_vec(),
        };
        let near = closest(name, &accepted)
            .map(|near| format!(" (did you mean `{near}`?)"))
            .unwrap_or_default();
        let of = match kind {
            Some(kind) => format!(" for a {kind} question"),
            None => String::new(),
        };
        self.error(
            key.span(),
            format!(
                "unknown field `{name}`{near}, expected one of {}{of}",
                accepted_fields(kind)
            ),
        );
    }

    /// `source = "..."` or `sources = [{ article, evidence }]`.
    pub(super) fn sources(
        &mut self,
        single: Option<Value<'_, '_>>,
        list: Option<Value<'_, '_>>,
    ) -> Option<Vec<Citation>> {
        match (single, list) {
            (None, None) => Some(Vec::new()),
            (Some(_), Some(list)) => {
                self.error(
                    list.span(),
                    "use either `source` (one citation) or `sources` (a list), not both",
                );
                None
            }
            (Some(single), None) => {
                let article = self.text("source", single, Lines::One)?;
                Some(vec![Citation {
                    article,
                    evidence: None,
                }])
            }
            (None, Some(list)) => {
                let items: Vec<Value<'_, '_>> = match list.get_ref() {
                    DeValue::Array(items) => items.iter().collect(),
                    DeValue::Table(_) => vec![list],
                    DeValue::String(_) => {
                        let article = self.text("sources", list, Lines::One)?;
                        return Some(vec![Citation {
                            article,
                            evidence: None,
                        }]);
                    }
                    _ => {
                        self.wrong_type(
                            "sources",
                            list,
                            "a list of tables: `[{ article = \"...\", evidence = \"...\" }]`",
                        );
                        return None;
                    }
                };
                let mut citations = Vec::with_capacity(items.len());
                let mut fine = true;
                for item in items {
                    match self.citation(item) {
                        Some(citation) => citations.push(citation),
                        None => fine = false,
                    }
                }
                fine.then_some(citations)
            }
        }
    }

    pub(super) fn citation(&mut self, item: Value<'_, '_>) -> Option<Citation> {
        let table = match item.get_ref() {
            DeValue::Table(_) => tomldoc::sub_table(self.source, item, "source")?,
            DeValue::String(_) => {
                return self
                    .text("sources", item, Lines::One)
                    .map(|article| Citation {
                        article,
                        evidence: None,
                    });
            }
            other => {
                self.error(
                    item.span(),
                    format!(
                        "field `sources` must list tables `{{ article = \"...\", evidence = \"...\" }}`, found {}",
                        type_name(other)
                    ),
                );
                return None;
            }
        };
        let before = self.diagnostics.len();
        table.deny_unknown(&["article", "evidence"], self.diagnostics);
        let article = match table.get("article") {
            Some(value) => self.text("article", value, Lines::One),
            None => {
                table.missing(
                    "article",
                    "the article's file name or another source",
                    self.diagnostics,
                );
                None
            }
        };
        let evidence = match table.get("evidence") {
            Some(value) => self.text("evidence", value, Lines::Many).map(Some),
            None => Some(None),
        };
        if self.diagnostics.len() > before {
            return None;
        }
        Some(Citation {
            article: article?,
            evidence: evidence?,
        })
    }

    pub(super) fn require<'a, 'i>(
        &mut self,
        slots: &[Option<Value<'a, 'i>>; FIELD_COUNT],
        index: usize,
        kind: QuestionType,
        header: &Range<usize>,
        expected: &str,
    ) -> Option<Value<'a, 'i>> {
        if slots[index].is_none() {
            self.error(
                header.clone(),
                format!(
                    "missing field `{}` in {kind} question: expected {expected}",
                    FIELDS[index]
                ),
            );
        }
        slots[index]
    }
}
