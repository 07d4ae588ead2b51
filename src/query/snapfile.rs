//! What the snapshot files of a database (in `DB.cache/`: the timeline and
//! its actor index, claim briefs, conflict grouping, compact graph) share: where a build writes before its rename, and
//! how a reader checks that a mapped file is the current one.

use std::path::{Path, PathBuf};

/// The temporary file a build of `path` writes before renaming it into
/// place. It names the process, so that two processes building the same
/// snapshot at once never write into one file; the rename is atomic, so a
/// reader sees the old file or a whole new one.
pub fn temp_beside(path: &Path) -> PathBuf {
    // Every build asks for its temporary file first: the cache folder is
    // made here, when something is about to be written into it.
    crate::store::cache::prepare_dir(path);
    let mut s = path.as_os_str().to_owned();
    s.push(format!("-{}-tmp", std::process::id()));
    PathBuf::from(s)
}

/// Renames a finished build `tmp` over `path`; when that fails (a
/// directory in the way, a folder that cannot be written) the temporary
/// file is removed rather than left in the cache folder.
pub fn put_in_place(tmp: &Path, path: &Path) -> std::io::Result<()> {
    std::fs::rename(tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(tmp);
    })
}

/// The opening every mapped snapshot is written with: `magic`, then the
/// fingerprint as a `u32` length and its bytes (what [`map_current`] checks).
pub fn header(magic: &[u8; 8], fingerprint: &str) -> Vec<u8> {
    let fp = fingerprint.as_bytes();
    let mut head = Vec::with_capacity(12 + fp.len());
    head.extend_from_slice(magic);
    head.extend_from_slice(&(fp.len() as u32).to_le_bytes());
    head.extend_from_slice(fp);
    head
}

/// Maps `path` when it starts with `magic` and then `fingerprint` (a `u32`
/// length and the bytes): the layout every mapped snapshot opens with.
/// Returns the map and the offset where the snapshot's own data begins;
/// `None` when the file is missing, of another kind or stale.
pub fn map_current(
    path: &Path,
    magic: &[u8; 8],
    fingerprint: &str,
) -> Option<(memmap2::Mmap, usize)> {
    let file = std::fs::File::open(path).ok()?;
    // SAFETY: snapshots are written to a temporary file and renamed into
    // place, never written in place, so the mapped file does not change
    // under the map; every read of it is bounds-checked.
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    let fp = fingerprint.as_bytes();
    if map.get(..8)? != magic {
        return None;
    }
    let fl = u32::from_le_bytes(map.get(8..12)?.try_into().ok()?) as usize;
    if fl != fp.len() || map.get(12..12 + fl)? != fp {
        return None;
    }
    Some((map, 12 + fl))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_of_this_kind_and_fingerprint_is_current() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.snap");
        let mut bytes = header(b"SNAPTEST", "abc");
        assert_eq!(bytes.len(), 15);
        bytes.extend_from_slice(b"data");
        std::fs::write(&p, &bytes).unwrap();
        let (map, at) = map_current(&p, b"SNAPTEST", "abc").expect("current");
        assert_eq!(&map[at..], b"data");
        assert!(map_current(&p, b"SNAPTEST", "abd").is_none());
        assert!(map_current(&p, b"OTHERKND", "abc").is_none());
        assert!(map_current(&dir.path().join("missing"), b"SNAPTEST", "abc").is_none());
        std::fs::write(&p, b"SNAP").unwrap();
        assert!(map_current(&p, b"SNAPTEST", "abc").is_none());
        assert_ne!(temp_beside(&p), p);
        assert!(temp_beside(&p).starts_with(dir.path()));
    }
}
