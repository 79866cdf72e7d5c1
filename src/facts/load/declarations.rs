//! Reads the declarations every fact leans on: entity kinds, articles, relations and entities (the
//! first of the loader's passes), each checked field by field with its position.

use super::*;

impl Reader {
    pub(super) fn kind(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "kind") else {
            return;
        };
        table.deny_unknown(&KIND_FIELDS, diagnostics);
        let id = table.required_string("id", diagnostics);
        let broader = table.string("broader", diagnostics);
        let description = table.string("description", diagnostics);
        let Some(id) = id else { return };
        if !is_slug(id.get_ref()) {
            diagnostics.at(
                source,
                id.span(),
                format!(
                    "kind `{}` must be lowercase letters, digits and hyphens, like `space-probe`",
                    id.get_ref()
                ),
            );
            return;
        }
        if let Some(existing) = self.kinds.get(id.get_ref()) {
            let message = match &existing.origin {
                Some(first) => format!(
                    "duplicate kind `{}`: first declared at {first}",
                    id.get_ref()
                ),
                None => format!(
                    "kind `{}` is a shipped kind already: use it as it is, or declare a narrower kind under it (`broader = \"{}\"`)",
                    id.get_ref(),
                    id.get_ref()
                ),
            };
            diagnostics.at(source, id.span(), message);
            return;
        }
        let origin = Origin::of(
            source,
            broader.as_ref().map_or(id.span().start, |b| b.span().start),
        );
        self.kinds.declare(EntityKind {
            name: id.into_inner(),
            broader: broader.map(Spanned::into_inner),
            description: description.map(Spanned::into_inner),
            origin: Some(origin),
        });
    }

    /// Every declared kind's broader kind must exist, and no kind may end up under itself.
    pub(super) fn check_broader_kinds(&mut self, diagnostics: &mut Diagnostics) {
        let mut bad = Vec::new();
        for kind in self.kinds.declared() {
            let (Some(broader), Some(origin)) = (&kind.broader, &kind.origin) else {
                continue;
            };
            if !self.kinds.contains(broader) {
                diagnostics.items.push(origin.diagnostic(format!(
                    "kind `{}` is under unknown kind `{broader}`: declare `{broader}` with `[[kind]]` or use a shipped kind ({})",
                    kind.name,
                    crate::facts::SHIPPED_KINDS.join(", ")
                )));
                bad.push(kind.name.clone());
            } else if self.kinds.is_a(broader, &kind.name) {
                diagnostics.items.push(origin.diagnostic(format!(
                    "kind `{}` is under `{broader}`, which is under `{}`: broader kinds must not loop",
                    kind.name, kind.name
                )));
                bad.push(kind.name.clone());
            }
        }
        if !bad.is_empty() {
            let mut kinds = Kinds::default();
            for kind in self.kinds.declared() {
                let mut kind = kind.clone();
                if bad.contains(&kind.name) {
                    kind.broader = None;
                }
                kinds.declare(kind);
            }
            self.kinds = kinds;
        }
    }

    pub(super) fn article(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "article") else {
            return;
        };
        table.deny_unknown(&ARTICLE_FIELDS, diagnostics);
        let file = table.required_string("file", diagnostics);
        let id = table.string("id", diagnostics);
        let title = table.required_string("title", diagnostics);
        let label = table.required_string("label", diagnostics);
        let written = table
            .get("written")
            .and_then(|value| read_date(source, value, "written", "article", diagnostics));
        let (Some(file), Some(title), Some(label)) = (file, title, label) else {
            return;
        };
        let mut unique = claim_id(
            &mut self.article_names,
            "article",
            &file,
            source,
            diagnostics,
        );
        if let Some(id) = &id {
            unique &= claim_id(&mut self.article_names, "article", id, source, diagnostics);
        }
        if !unique {
            return;
        }
        let index = self.articles.len();
        self.article_index
            .entry(file.get_ref().clone())
            .or_insert(index);
        if let Some(id) = &id {
            self.article_index
                .entry(id.get_ref().clone())
                .or_insert(index);
        }
        self.articles.push(Article {
            file: file.into_inner(),
            id: id.map(Spanned::into_inner),
            title: title.into_inner(),
            label: label.into_inner(),
            written,
            origin: Origin::of(source, table.span.start),
        });
    }

    pub(super) fn relation(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "relation") else {
            return;
        };
        table.deny_unknown(&RELATION_FIELDS, diagnostics);
        let id = table.required_string("id", diagnostics);
        let subject_kinds = read_kinds(&table, &self.kinds, "subject", true, diagnostics);
        let object = match (table.get("object"), table.get("value")) {
            (Some(_), Some(value)) => {
                diagnostics.at(
                    source,
                    value.span(),
                    "relation has both `object` and `value`: give `object` (entity kinds) or `value` (a value type), not both",
                );
                None
            }
            (Some(_), None) => {
                read_kinds(&table, &self.kinds, "object", true, diagnostics).map(ObjectType::Entity)
            }
            (None, Some(_)) => table.string("value", diagnostics).and_then(|kind| {
                match ValueType::parse(kind.get_ref()) {
                    Some(kind) => Some(ObjectType::Value(kind)),
                    None => {
                        let expected = ValueType::ALL
                            .iter()
                            .map(|kind| format!("`{kind}`"))
                            .collect::<Vec<_>>()
                            .join(", ");
                        diagnostics.at(
                            source,
                            kind.span(),
                            format!(
                                "unknown value type `{}`, expected one of {expected}",
                                kind.get_ref()
                            ),
                        );
                        None
                    }
                }
            }),
            (None, None) => {
                table.missing(
                    "object",
                    "entity kinds (`object = [\"person\"]`) or a value type (`value = \"date\"`)",
                    diagnostics,
                );
                None
            }
        };
        let cardinality = read_cardinality(&table, "cardinality", diagnostics);
        let inverse = read_cardinality(&table, "inverse", diagnostics);
        let complete = table
            .boolean("complete", diagnostics)
            .map(Spanned::into_inner);
        let disjoint_with = table
            .strings("disjoint_with", diagnostics)
            .unwrap_or_default();
        let category = table.required_string("category", diagnostics);
        let ask_object = read_templates(&table, "ask_object", diagnostics);
        let ask_subject = read_templates(&table, "ask_subject", diagnostics);
        let ask_all = table.string("ask_all", diagnostics);
        let statement = table.required_string("statement", diagnostics);
        let interest = read_interest(source, &table, diagnostics);
        let alike = table.strings("alike", diagnostics).unwrap_or_default();
        let explain_with = table
            .strings("explain_with", diagnostics)
            .unwrap_or_default();
        let within = table.string("within", diagnostics);
        let ask_within = read_templates(&table, "ask_within", diagnostics);
        for template in ask_within.iter() {
            check_template(
                source,
                template,
                &["subject", "within"],
                &["object"],
                diagnostics,
            );
        }
        if within.is_some() == ask_within.is_empty() {
            diagnostics.at(
                source,
                table.span.clone(),
                "`within` and `ask_within` go together: the relation that says where an answer lies, \
                 and the templates that name it as `{within}`",
            );
        }
        for template in ask_object.iter() {
            check_template(source, template, &["subject"], &["object"], diagnostics);
        }
        for template in ask_subject.iter() {
            check_template(source, template, &["object"], &["subject"], diagnostics);
        }
        if let Some(template) = &ask_all {
            check_template(source, template, &["subject"], &["object"], diagnostics);
        }
        if let Some(template) = &statement {
            check_template(source, template, &["subject", "object"], &[], diagnostics);
        }
        let (Some(id), Some(subject_kinds), Some(object), Some(category), Some(statement)) =
            (id, subject_kinds, object, category, statement)
        else {
            return;
        };
        if !claim_id(&mut self.relation_ids, "relation", &id, source, diagnostics) {
            return;
        }
        let cardinality = cardinality.unwrap_or(Cardinality::One);
        self.relation_index
            .insert(id.get_ref().clone(), self.relations.len());
        self.relations.push(Relation {
            id: id.into_inner(),
            subject_kinds,
            object,
            cardinality,
            complete: complete.unwrap_or(false),
            inverse: inverse.unwrap_or(Cardinality::Many),
            disjoint_with: disjoint_with.into_iter().map(Spanned::into_inner).collect(),
            category: category.into_inner(),
            ask_object: ask_object.into_iter().map(Spanned::into_inner).collect(),
            ask_subject: ask_subject.into_iter().map(Spanned::into_inner).collect(),
            ask_all: ask_all.map(Spanned::into_inner),
            statement: statement.into_inner(),
            interest: interest.unwrap_or(2),
            alike: alike.into_iter().map(Spanned::into_inner).collect(),
            explain_with: explain_with.into_iter().map(Spanned::into_inner).collect(),
            within: within.map(Spanned::into_inner),
            ask_within: ask_within.into_iter().map(Spanned::into_inner).collect(),
            origin: Origin::of(source, table.span.start),
        });
    }

    pub(super) fn entity(
        &mut self,
        source: &SourceFile,
        value: &Spanned<DeValue<'_>>,
        diagnostics: &mut Diagnostics,
    ) {
        let Some(table) = sub_table(source, value, "entity") else {
            return;
        };
        table.deny_unknown(&ENTITY_FIELDS, diagnostics);
        let id = table.required_string("id", diagnostics);
        let name = table.required_string("name", diagnostics);
        let kind = read_kinds(&table, &self.kinds, "kind", true, diagnostics).and_then(|kinds| {
            if kinds.len() == 1 {
                kinds.into_iter().next()
            } else {
                diagnostics.at(
                    source,
                    table.get("kind").map_or(table.span.clone(), Spanned::span),
                    "an entity has exactly one `kind`",
                );
                None
            }
        });
        let aliases = table.strings("aliases", diagnostics).unwrap_or_default();
        let prominence = table.integer("prominence", diagnostics).and_then(|level| {
            if (1..=3).contains(level.get_ref()) {
                Some(*level.get_ref() as u8)
            } else {
                diagnostics.at(
                    source,
                    level.span(),
                    format!(
                        "`prominence` must be 1 (well known), 2 (known to fans) or 3 (obscure), found {}",
                        level.get_ref()
                    ),
                );
                None
            }
        });
        let description = table.string("description", diagnostics);
        let display = table.string("display", diagnostics);
        let article = table.string("article", diagnostics);
        let refer_as = table.string("refer_as", diagnostics);
        let short = table.string("short", diagnostics);
        let style = table.string("style", diagnostics).and_then(|style| {
            let parsed = TitleStyle::parse(style.get_ref());
            if parsed.is_none() {
                diagnostics.at(
                    source,
                    style.span(),
                    format!(
                        "`style` must be `plain`, `quoted` or `italic`, found `{}`",
                        style.get_ref()
                    ),
                );
            }
            parsed
        });
        let main = table.boolean("main", diagnostics).map(Spanned::into_inner);
        let interest = read_interest(source, &table, diagnostics);
        let candidate_for = table
            .strings("candidate_for", diagnostics)
            .unwrap_or_default();
        for text in [&display, &article, &refer_as, &short]
            .into_iter()
            .flatten()
        {
            if text.get_ref().trim().is_empty() {
                diagnostics.at(source, text.span(), "must not be empty");
            }
        }
        for alias in &aliases {
            if alias.get_ref().trim().is_empty() {
                diagnostics.at(source, alias.span(), "an alias must not be empty");
            }
        }
        let (Some(id), Some(name), Some(kind)) = (id, name, kind) else {
            return;
        };
        if !claim_id(&mut self.entity_ids, "entity", &id, source, diagnostics) {
            return;
        }
        let index = self.entities.len();
        if !self.names.contains_key(&kind) {
            self.names.insert(kind.clone(), FastMap::default());
        }
        let names = self.names.get_mut(&kind).expect("inserted above");
        for label in std::iter::once(&name).chain(aliases.iter()) {
            let key = crate::facts::name_key(label.get_ref());
            if key.is_empty() {
                continue;
            }
            match names.get(&key) {
                Some((owner, first)) if *owner != index => diagnostics.at(
                    source,
                    label.span(),
                    format!(
                        "name or alias `{}` of entity `{}` collides with entity `{}` (declared at {first}), also {}: an answer must name one {kind} only (entities of different kinds may share a name)",
                        label.get_ref(),
                        id.get_ref(),
                        self.entities[*owner].id,
                        with_article(&kind)
                    ),
                ),
                Some(_) => {}
                None => {
                    names.insert(key, (index, Origin::of(source, label.span().start)));
                }
            }
        }
        self.entity_index
            .insert(id.get_ref().clone(), self.entities.len());
        self.entities.push(Entity {
            id: id.into_inner(),
            name: name.into_inner(),
            kind,
            aliases: aliases
                .into_iter()
                .map(Spanned::into_inner)
                .filter(|alias| !alias.trim().is_empty())
                .collect(),
            prominence: prominence.unwrap_or(2),
            description: description.map(Spanned::into_inner),
            display: display.map(Spanned::into_inner),
            article: article.map(Spanned::into_inner),
            refer_as: refer_as.map(Spanned::into_inner),
            short: short.map(Spanned::into_inner),
            style: style.unwrap_or_default(),
            main: main.unwrap_or(false),
            interest: interest.unwrap_or(2),
            candidate_for: candidate_for.into_iter().map(Spanned::into_inner).collect(),
            origin: Origin::of(source, table.span.start),
        });
    }
}
