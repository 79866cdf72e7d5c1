//! What a game plays: chooses and loads the fact bases and packs for a game, in one place that `play`,
//! `simulate`, the tests and the benchmarks share.
//!
//! The rule (also in `trivia play --help` and the README): with no `--facts` and no `--pack`, a game
//! plays the *default content*: the bundled fact base and packs, plus the packs in the user's pack folder.
//! Naming content (`--facts PATH`, `--pack PATH`, each repeatable) plays that content alone;
//! `--with-bundled` adds the default content to it.
//!
//! ```no_run
//! use std::collections::HashMap;
//! use trivia::content::{self, ContentChoice};
//!
//! let choice = ContentChoice {
//!     facts: vec!["my-facts/".into()],
//!     ..ContentChoice::default()
//! };
//! let content = content::load(&choice, &HashMap::new()).expect("valid content");
//! println!("{} trivia: {} questions", content.title, content.pool.len());
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::answer::Lexicon;
use crate::error::{Error, Result};
use crate::facts::FactBase;
use crate::game::add_answers;
use crate::game::select::{Pool, Source};
use crate::pack::{FactNames, FactPlace, LoadedPack, Pack};

/// Which content a game plays, as the user chose it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContentChoice {
    /// Fact bases to generate questions from: each path (a `.toml` file or a folder of them) is one
    /// fact base.
    pub facts: Vec<PathBuf>,
    /// Pack files or folders of hand-written questions.
    pub packs: Vec<PathBuf>,
    /// Also play the default content when `facts` or `packs` name some.
    pub with_bundled: bool,
}

impl ContentChoice {
    /// The default content alone: what `trivia play` plays with no content option.
    pub fn bundled() -> ContentChoice {
        ContentChoice::default()
    }

    /// Whether the bundled fact base, the bundled packs and the user's pack folder take part: when the
    /// user named no content, or asked for them with `with_bundled`.
    pub fn includes_bundled(&self) -> bool {
        self.with_bundled || (self.facts.is_empty() && self.packs.is_empty())
    }
}

/// Where one part of the content came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary.
    Bundled,
    /// Named on the command line.
    Named(PathBuf),
    /// Found in the user's pack folder.
    PackFolder(PathBuf),
}

/// One fact base or pack that takes part in the game.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// What the part calls itself: the fact base's or the pack's title.
    pub title: String,
    /// `true` for a fact base, `false` for a pack.
    pub fact_base: bool,
    pub origin: Origin,
    /// How many questions it added to the pool (after leaving out repeats).
    pub questions: usize,
}

/// Every question a game can draw from, what it is called, and the names answer checking knows.
pub struct Content {
    pub pool: Pool,
    pub lexicon: Lexicon,
    /// The name of what is played, for the game's heading: "The Defiant Ones", or the titles of the
    /// named fact bases and packs ("Apollo and Volcanoes").
    pub title: String,
    /// How cited articles are named when shown: article file → "The encyclopedia entry".
    pub source_names: BTreeMap<String, String>,
    /// The fact bases and packs that took part, in the order they were added.
    pub parts: Vec<Part>,
    /// Problems that did not stop the game (a broken pack in the user's pack folder).
    pub warnings: Vec<String>,
}

/// Loads the content `choice` names. `vars` are the environment variables (they locate the user's
/// pack folder). A named fact base or pack that does not load stops with [`Error::Invalid`] (exit code
/// 2) and every problem at `file:line:column`; a broken pack in the pack folder is left out with a
/// warning.
pub fn load(choice: &ContentChoice, vars: &HashMap<String, String>) -> Result<Content> {
    let bundled = choice.includes_bundled();
    let mut builder = Builder::default();

    let named_bases = choice
        .facts
        .iter()
        .map(|path| {
            crate::facts::load_paths(std::slice::from_ref(path))
                .map(|base| (path.clone(), base))
                .map_err(|diagnostics| Error::Invalid { diagnostics })
        })
        .collect::<Result<Vec<_>>>()?;
    if !choice.packs.is_empty() {
        // Beside the bundled packs, a named pack must not reuse their ids (one would hide the other).
        let report = if bundled {
            crate::pack::load_report_beside_bundled(&choice.packs)
        } else {
            crate::pack::load_report(&choice.packs)
        };
        if !report.is_valid() {
            return Err(Error::Invalid {
                diagnostics: report.diagnostics,
            });
        }
        builder
            .warnings
            .extend(report.warnings.iter().map(ToString::to_string));
        for loaded in report.packs {
            builder.loaded_pack(loaded, Origin::Named);
        }
    }
    if bundled {
        for pack in crate::pack::bundled() {
            builder.pack(pack, Origin::Bundled);
        }
        builder.pack_folder(vars);
    }
    for (path, base) in named_bases {
        let title = base
            .title()
            .map_or_else(|| title_from_path(&path), str::to_string);
        builder.fact_base(&base, title, Origin::Named(path));
    }
    if bundled {
        match FactBase::embedded() {
            Ok(base) => {
                let title = base.title().unwrap_or("The Defiant Ones").to_string();
                builder.fact_base(&base, title, Origin::Bundled);
            }
            Err(diagnostics) => builder.warnings.push(format!(
                "the shipped fact base has {} problem(s); playing without generated questions",
                diagnostics.len()
            )),
        }
    }
    Ok(builder.finish())
}

#[derive(Default)]
struct Builder {
    pool: Pool,
    lexicon: Lexicon,
    source_names: BTreeMap<String, String>,
    parts: Vec<Part>,
    warnings: Vec<String>,
    /// The languages the packs declare (lowercase tags).
    languages: std::collections::BTreeSet<String>,
    /// The `facts` entries of the packs read from files, by file, to check against the fact bases.
    fact_places: Vec<(String, Vec<FactPlace>)>,
    /// The names of the facts of the fact bases played, gathered when some pack names facts.
    fact_names: FactNames,
    /// How many fact bases take part.
    fact_bases: usize,
}

impl Builder {
    fn pack(&mut self, pack: Pack, origin: Origin) {
        self.languages
            .extend(pack.meta.language.as_deref().map(str::to_ascii_lowercase));
        let questions = self.pool.extend(pack.questions, Source::Pack);
        self.parts.push(Part {
            title: pack.meta.title,
            fact_base: false,
            origin,
            questions,
        });
    }

    /// A pack read from a file: played like any pack, its `facts` entries kept to check.
    fn loaded_pack(&mut self, loaded: LoadedPack, origin: fn(PathBuf) -> Origin) {
        if !loaded.fact_places.is_empty() {
            self.fact_places
                .push((loaded.path.clone(), loaded.fact_places));
        }
        self.pack(loaded.pack, origin(PathBuf::from(loaded.path)));
    }

    /// The packs in the user's pack folder; a folder with a broken pack is left out with a warning.
    fn pack_folder(&mut self, vars: &HashMap<String, String>) {
        let Some(dir) = crate::pack::user_pack_dir(vars).filter(|dir| dir.is_dir()) else {
            return;
        };
        let has_packs = std::fs::read_dir(&dir).is_ok_and(|entries| {
            entries
                .filter_map(|entry| entry.ok())
                .any(|entry| entry.path().extension().is_some_and(|ext| ext == "toml"))
        });
        if !has_packs {
            return;
        }
        let report = crate::pack::load_report_beside_bundled(std::slice::from_ref(&dir));
        self.warnings
            .extend(report.warnings.iter().map(ToString::to_string));
        if report.is_valid() {
            for loaded in report.packs {
                self.loaded_pack(loaded, Origin::PackFolder);
            }
        } else {
            self.warnings.push(format!(
                "the packs in `{}` are left out, {} problem(s) found (see `trivia pack validate`):\n{}",
                dir.display(),
                report.diagnostics.len(),
                report
                    .diagnostics
                    .iter()
                    .take(5)
                    .map(|d| format!("  {d}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            ));
        }
    }

    fn fact_base(&mut self, base: &FactBase, title: String, origin: Origin) {
        self.fact_bases += 1;
        if !self.fact_places.is_empty() {
            self.fact_names.add(base);
        }
        for article in &base.articles {
            self.source_names
                .entry(article.file.clone())
                .or_insert_with(|| capitalised(&article.label));
        }
        for entity in &base.entities {
            self.lexicon
                .add(&entity.kind, &entity.name, &entity.aliases);
        }
        // Only generated questions above the quality bar reach a game.
        let questions = self.pool.extend(
            crate::generate::Generator::new(base).playable(),
            Source::Generated,
        );
        self.parts.push(Part {
            title,
            fact_base: true,
            origin,
            questions,
        });
    }

    fn finish(mut self) -> Content {
        // A pack's fact name that no fact base played has cannot keep its question apart from a
        // generated one on the same fact: say so (without a fact base there is nothing to clash with).
        if self.fact_bases > 0 {
            for (file, places) in &self.fact_places {
                self.warnings.extend(
                    self.fact_names
                        .unknown(
                            file,
                            places,
                            "which none of the fact bases played has",
                            "a game may ask it beside a question on the same fact",
                        )
                        .iter()
                        .map(ToString::to_string),
                );
            }
        }
        add_answers(&mut self.lexicon, self.pool.questions());
        // One language for every pack that names one chooses the word list that tells typos from real
        // words (a language without a list forgives less); otherwise English.
        if let (1, Some(language)) = (self.languages.len(), self.languages.first()) {
            self.lexicon.set_language(language);
        }
        Content {
            title: joined_title(&self.parts),
            pool: self.pool,
            lexicon: self.lexicon,
            source_names: self.source_names,
            parts: self.parts,
            warnings: self.warnings,
        }
    }
}

/// The titles of the parts that gave questions, each once, named content first: "Apollo", "Apollo and Volcanoes",
/// "Apollo, Volcanoes and Tides", "Apollo, Volcanoes and 2 more". "Trivia" when nothing has a title.
fn joined_title(parts: &[Part]) -> String {
    let mut titles: Vec<&str> = Vec::new();
    // What the user named comes first, then the pack folder, then the bundled content.
    let mut ordered: Vec<&Part> = parts.iter().collect();
    ordered.sort_by_key(|part| match part.origin {
        Origin::Named(_) => 0,
        Origin::PackFolder(_) => 1,
        Origin::Bundled => 2,
    });
    for part in ordered.into_iter().filter(|part| part.questions > 0) {
        let title = part.title.trim();
        if !title.is_empty() && !titles.iter().any(|seen| seen.eq_ignore_ascii_case(title)) {
            titles.push(title);
        }
    }
    match titles.as_slice() {
        [] => "Trivia".to_string(),
        [one] => (*one).to_string(),
        [first, second] => format!("{first} and {second}"),
        [first, second, third] => format!("{first}, {second} and {third}"),
        [first, second, rest @ ..] => format!("{first}, {second} and {} more", rest.len()),
    }
}

/// A title for a fact base that declares none, from its file or folder name: `space-race.toml` →
/// "Space race".
fn title_from_path(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let words = stem.replace(['-', '_'], " ");
    let title = capitalised(words.trim());
    if title.is_empty() {
        "Trivia".to_string()
    } else {
        title
    }
}

/// "the encyclopedia entry" → "The encyclopedia entry".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(title: &str, questions: usize) -> Part {
        Part {
            title: title.into(),
            fact_base: true,
            origin: Origin::Bundled,
            questions,
        }
    }

    #[test]
    fn bundled_content_takes_part_only_when_nothing_is_named_or_it_is_asked_for() {
        assert!(ContentChoice::bundled().includes_bundled());
        let named = ContentChoice {
            facts: vec!["space".into()],
            ..ContentChoice::default()
        };
        assert!(!named.includes_bundled());
        let pack = ContentChoice {
            packs: vec!["pack.toml".into()],
            ..ContentChoice::default()
        };
        assert!(!pack.includes_bundled());
        let mixed = ContentChoice {
            with_bundled: true,
            ..named
        };
        assert!(mixed.includes_bundled());
    }

    #[test]
    fn titles_join_each_once_and_skip_parts_without_questions() {
        assert_eq!(joined_title(&[]), "Trivia");
        assert_eq!(
            joined_title(&[part("The Defiant Ones", 3), part("The Defiant Ones", 5)]),
            "The Defiant Ones"
        );
        assert_eq!(
            joined_title(&[part("Apollo", 3), part("Empty", 0), part("Volcanoes", 1)]),
            "Apollo and Volcanoes"
        );
        assert_eq!(
            joined_title(&[part("A", 1), part("B", 1), part("C", 1), part("D", 1)]),
            "A, B and 2 more"
        );
    }

    #[test]
    fn a_fact_base_without_a_title_is_named_after_its_file() {
        assert_eq!(
            title_from_path(Path::new("dir/space-race.toml")),
            "Space race"
        );
        assert_eq!(title_from_path(Path::new("volcanoes/")), "Volcanoes");
    }
}
