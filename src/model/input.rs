//! Opening an input file the one safe way: a regular file only, at most a
//! given size, read in bounded time and memory.
//!
//! Every file a user names or drops into the project (guides, the
//! collection, pictures, attachments, a probe of a guide's id, the hashes of
//! the cache keys) is read through [`read_input`]. A named pipe would block a
//! plain read forever, a link to `/dev/zero` would fill the memory, a huge
//! sparse file would cost seconds before being refused: here the file's type
//! and size are checked before the first byte is read, again on the opened
//! handle (the file may be swapped in between), and the read itself stops one
//! byte past the limit whatever the file claims.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// Why an input could not be read.
#[derive(Debug)]
pub enum InputError {
    /// Not a regular file: what it is instead (`"a folder"`, `"a named
    /// pipe"`, `"a device"`, `"a socket"`).
    NotAFile(&'static str),
    /// Larger than the limit: its size in bytes (at least `limit + 1`).
    TooLarge(u64),
    /// The system refused to open or read it.
    Io(std::io::Error),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::NotAFile(kind) => write!(f, "it is {kind}, not a file"),
            InputError::TooLarge(size) => write!(f, "it is too large ({size} bytes)"),
            InputError::Io(e) => e.fmt(f),
        }
    }
}

/// What a file system entry is, for a message, when it is not a regular file.
pub fn kind_of(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// An entry kind of [`kind_of`] in the reader's language.
pub fn kind_msg(kind: &str) -> crate::i18n::Msg {
    use crate::msg;
    match kind {
        "a folder" => msg!("entry-folder"),
        "a named pipe" => msg!("entry-pipe"),
        "a device" => msg!("entry-device"),
        "a socket" => msg!("entry-socket"),
        _ => msg!("entry-other"),
    }
}

/// Reads the regular file at `path` (links followed), refusing anything
/// else and anything over `limit` bytes without reading it.
pub fn read_input(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let meta = std::fs::metadata(path).map_err(InputError::Io)?;
    check(&meta, limit)?;
    let file = open(path)?;
    // The entry may have been replaced since: check what was opened.
    let meta = file.metadata().map_err(InputError::Io)?;
    check(&meta, limit)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes).map_err(InputError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

fn check(meta: &Metadata, limit: u64) -> Result<(), InputError> {
    if let Some(kind) = kind_of(meta) {
        return Err(InputError::NotAFile(kind));
    }
    if meta.len() > limit {
        return Err(InputError::TooLarge(meta.len()));
    }
    Ok(())
}

/// Opens without blocking: a named pipe put in place of the file after the
/// first check must not stop the run until a writer comes.
fn open(path: &Path) -> Result<File, InputError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path).map_err(InputError::Io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temp_project::TempProject;

    #[test]
    fn reads_regular_files_within_the_limit() {
        let p = TempProject::new("input-regular");
        p.write("a.json", b"{}");
        assert_eq!(read_input(&p.join("a.json"), 2).unwrap(), b"{}");
        assert!(matches!(read_input(&p.join("a.json"), 1), Err(InputError::TooLarge(2))));
        assert!(matches!(read_input(&p.join("b.json"), 9), Err(InputError::Io(_))));
        assert!(matches!(read_input(&p, 9), Err(InputError::NotAFile("a folder"))));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_pipes_devices_and_sparse_giants_without_reading_them() {
        let p = TempProject::new("input-hostile");
        let fifo = p.join("x.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        let zero = p.join("zero.json");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let sparse = p.join("sparse.json");
        File::create(&sparse).unwrap().set_len(3 << 30).unwrap();
        let cases: [(&Path, &str); 3] = [
            (&fifo, "it is a named pipe, not a file"),
            (&zero, "it is a device, not a file"),
            (&sparse, "it is too large (3221225472 bytes)"),
        ];
        for (path, said) in cases {
            let e = read_input(path, 10 << 20).unwrap_err();
            assert_eq!(e.to_string(), said, "{}", path.display());
        }
    }
}
