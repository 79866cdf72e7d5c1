//! Reading files that come from outside (packs, fact files, imports, articles) without trusting them:
//! only regular files are read, so a FIFO cannot hang a command and a device such as `/dev/zero` cannot
//! fill memory, and no read goes past [`MAX_FILE_BYTES`] even when the file grows while it is read.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Files larger than this are refused.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be read (as text, for the variants after `TooLarge`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    Io(String),
    /// A FIFO, a device, a socket or a folder: what it is, in words.
    NotRegular(&'static str),
    TooLarge(u64),
    Empty,
    NotUtf8 {
        line: usize,
        column: usize,
    },
}

/// Reads a whole regular file of at most [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadProblem> {
    // Checked before opening: opening a FIFO for reading blocks until someone writes to it.
    let metadata = std::fs::metadata(path).map_err(|e| ReadProblem::Io(e.to_string()))?;
    check_kind(&metadata)?;
    let file = File::open(path).map_err(|e| ReadProblem::Io(e.to_string()))?;
    // Checked again on the open file, in case the path was swapped in between.
    let metadata = file
        .metadata()
        .map_err(|e| ReadProblem::Io(e.to_string()))?;
    check_kind(&metadata)?;
    let mut bytes = Vec::with_capacity(metadata.len().min(MAX_FILE_BYTES) as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadProblem::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadProblem::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Why a file that is not a regular file cannot be read: what it is, in words.
pub fn kind_problem(metadata: &std::fs::Metadata) -> ReadProblem {
    ReadProblem::NotRegular(kind_name(metadata))
}

fn check_kind(metadata: &std::fs::Metadata) -> Result<(), ReadProblem> {
    if metadata.is_file() {
        if metadata.len() > MAX_FILE_BYTES {
            return Err(ReadProblem::TooLarge(metadata.len()));
        }
        return Ok(());
    }
    Err(ReadProblem::NotRegular(kind_name(metadata)))
}

fn kind_name(metadata: &std::fs::Metadata) -> &'static str {
    if metadata.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "something else"
}

impl std::fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadProblem::Io(error) => write!(f, "cannot read file: {error}"),
            ReadProblem::NotRegular(kind) => write!(f, "not a regular file but {kind}"),
            ReadProblem::TooLarge(size) => write!(
                f,
                "file is {size} bytes, over the {} MiB limit",
                MAX_FILE_BYTES / 1024 / 1024
            ),
            ReadProblem::Empty => write!(f, "file is empty"),
            ReadProblem::NotUtf8 { .. } => write!(f, "file is not valid UTF-8 (save it as UTF-8)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "x = 1\n").unwrap();
        assert_eq!(read_bytes(&path).unwrap(), b"x = 1\n");
    }

    #[test]
    fn folders_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read_bytes(dir.path()),
            Err(ReadProblem::NotRegular("a folder"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_without_reading() {
        let problem = read_bytes(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(problem, ReadProblem::NotRegular("a character device"));
    }
}
