//! Where histories live: one JSON file per player in a data directory. Writes go to a temporary file in
//! the same directory that is then renamed over the old one, so a crash or Ctrl-C leaves either the old
//! file or the new one, never half of one. A file that cannot be parsed is moved aside, not overwritten.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::{FORMAT_VERSION, PlayerHistory};
use crate::error::{Error, Result};
use crate::question::stable_hash;

/// The folder under the data directory that holds the player files.
const PLAYERS: &str = "players";

/// The data directory: `--data-dir` if given, else `TRIVIA_HOME`, else the platform's data directory
/// (`$XDG_DATA_HOME/trivia` or `~/.local/share/trivia` on Linux), read from `vars` where it can be so
/// tests and callers control it. `None` when none can be found.
pub fn data_dir(flag: Option<&Path>, vars: &HashMap<String, String>) -> Option<PathBuf> {
    if let Some(dir) = flag {
        return Some(dir.to_path_buf());
    }
    let var = |name: &str| vars.get(name).filter(|value| !value.is_empty());
    if let Some(home) = var("TRIVIA_HOME") {
        return Some(PathBuf::from(home));
    }
    if cfg!(all(unix, not(target_os = "macos"))) {
        if let Some(data) = var("XDG_DATA_HOME").filter(|dir| Path::new(dir).is_absolute()) {
            return Some(PathBuf::from(data).join("trivia"));
        }
        if let Some(home) = var("HOME") {
            return Some(PathBuf::from(home).join(".local/share/trivia"));
        }
    }
    dirs::data_dir().map(|dir| dir.join("trivia"))
}

/// A player's history as read from disk.
#[derive(Debug)]
pub struct Loaded {
    pub history: PlayerHistory,
    /// False when the file exists but could not be read or moved aside: saving would destroy it.
    pub writable: bool,
    /// A problem to tell the player about (the game goes on).
    pub warning: Option<String>,
}

/// The player files in one data directory.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The store in data directory `dir` (created on the first save).
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that holds `player`'s history.
    pub fn path_for(&self, player: &str) -> PathBuf {
        self.dir
            .join(PLAYERS)
            .join(format!("{}.json", file_stem(player)))
    }

    /// Reads `player`'s history; a missing file is an empty history, a corrupt one is moved aside to
    /// `<file>.corrupt-<n>` with a warning.
    pub fn load(&self, player: &str) -> Loaded {
        let path = self.path_for(player);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Loaded {
                    history: PlayerHistory::new(player),
                    writable: true,
                    warning: None,
                };
            }
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                return self.move_aside(player, &path, "it is not UTF-8 text");
            }
            Err(error) => {
                return Loaded {
                    history: PlayerHistory::new(player),
                    writable: false,
                    warning: Some(format!(
                        "cannot read history `{}`: {error}; this game will not be saved",
                        path.display()
                    )),
                };
            }
        };
        match serde_json::from_str::<PlayerHistory>(&text) {
            Ok(history) if history.version > FORMAT_VERSION => Loaded {
                history: PlayerHistory::new(player),
                writable: false,
                warning: Some(format!(
                    "history `{}` was written by a newer trivia (format {}); this game will not be saved",
                    path.display(),
                    history.version
                )),
            },
            Ok(mut history) => {
                history.player = player.to_string();
                history.follow_renamed_ids(crate::generate::renamed_id);
                Loaded {
                    history,
                    writable: true,
                    warning: None,
                }
            }
            Err(error) => self.move_aside(player, &path, &error.to_string()),
        }
    }

    fn move_aside(&self, player: &str, path: &Path, reason: &str) -> Loaded {
        let mut n = 1;
        let aside = loop {
            let candidate = PathBuf::from(format!("{}.corrupt-{n}", path.display()));
            if !candidate.exists() {
                break candidate;
            }
            n += 1;
        };
        match fs::rename(path, &aside) {
            Ok(()) => Loaded {
                history: PlayerHistory::new(player),
                writable: true,
                warning: Some(format!(
                    "history `{}` is damaged ({reason}); moved it to `{}` and started a new one",
                    path.display(),
                    aside.display()
                )),
            },
            Err(error) => Loaded {
                history: PlayerHistory::new(player),
                writable: false,
                warning: Some(format!(
                    "history `{}` is damaged ({reason}) and cannot be moved aside ({error}); this game will not be saved",
                    path.display()
                )),
            },
        }
    }

    /// Writes a history atomically: a temporary file in the same folder, flushed to disk, then renamed.
    pub fn save(&self, history: &PlayerHistory) -> Result<PathBuf> {
        let path = self.path_for(&history.player);
        let folder = path.parent().expect("player files live in a folder");
        fs::create_dir_all(folder).map_err(|source| Error::Io {
            action: "create the history folder",
            path: folder.to_path_buf(),
            source,
        })?;
        let json = serde_json::to_string_pretty(history).expect("a history always serialises");
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let temp = folder.join(format!(
            ".{}.tmp-{}-{}",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("history"),
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = (|| -> io::Result<()> {
            let mut file = fs::File::create(&temp)?;
            file.write_all(json.as_bytes())?;
            file.write_all(b"\n")?;
            file.sync_all()?;
            fs::rename(&temp, &path)
        })();
        written.map_err(|source| {
            let _ = fs::remove_file(&temp);
            Error::Io {
                action: "write history",
                path: path.clone(),
                source,
            }
        })?;
        Ok(path)
    }

    /// The players with a history here, sorted by name; unreadable files are skipped.
    pub fn players(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(self.dir.join(PLAYERS)) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .filter_map(|path| fs::read_to_string(path).ok())
            .filter_map(|text| serde_json::from_str::<PlayerHistory>(&text).ok())
            .map(|history| history.player)
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

/// A file name for a player: lowercase letters, digits and dashes, with a hash of the name when the
/// name had other characters (so `Zoë` and `Zoe` stay apart).
fn file_stem(player: &str) -> String {
    let lower = player.trim().to_lowercase();
    let mut stem: String = lower
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(40)
        .collect();
    if stem != lower || stem.is_empty() {
        stem.push_str(&format!("-{:08x}", stable_hash(lower.as_bytes()) as u32));
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_distinct() {
        assert_eq!(file_stem("Ana"), "ana");
        assert_eq!(file_stem("ana"), "ana");
        assert!(file_stem("Zoë").starts_with("zo--"));
        assert_ne!(file_stem("Zoë"), file_stem("Zoe"));
        assert!(!file_stem("../../etc/passwd").contains('/'));
        assert!(!file_stem("").is_empty());
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut history = PlayerHistory::new("Ana");
        history.games.clear();
        store.save(&history).unwrap();
        let loaded = store.load("Ana");
        assert!(loaded.warning.is_none() && loaded.writable);
        assert_eq!(loaded.history, history);
        assert_eq!(store.players(), vec!["Ana"]);
        let leftovers: Vec<_> = fs::read_dir(dir.path().join(PLAYERS)).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn corrupt_files_are_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let path = store.path_for("Ana");
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        for round in 1..=2 {
            fs::write(&path, "{ not json").unwrap();
            let loaded = store.load("Ana");
            assert!(loaded.writable);
            assert!(loaded.warning.unwrap().contains("damaged"));
            assert!(!path.exists());
            assert!(PathBuf::from(format!("{}.corrupt-{round}", path.display())).exists());
        }
    }

    #[test]
    fn data_dir_prefers_the_flag_then_trivia_home() {
        let vars = HashMap::from([("TRIVIA_HOME".to_string(), "/tmp/th".to_string())]);
        assert_eq!(
            data_dir(Some(Path::new("/x")), &vars),
            Some(PathBuf::from("/x"))
        );
        assert_eq!(data_dir(None, &vars), Some(PathBuf::from("/tmp/th")));
    }
}
