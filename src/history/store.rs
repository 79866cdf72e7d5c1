//! Where histories live: the data directory, chosen by flag, environment or platform.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

#[cfg(test)]
mod tests {
    use super::*;

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
