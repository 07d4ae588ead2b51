//! Where the derived files of a database live: one folder beside it,
//! `DB.cache/`, holding every snapshot the queries keep (compact graph,
//! conflict grouping, longest event, timeline and its actor index, claim
//! briefs). Each file is keyed by the store's fingerprint, so a stale one is
//! never read, and deleting the folder is always safe.

use std::path::{Path, PathBuf};

/// `DB.cache`: the folder of `db`'s derived files.
pub fn cache_dir(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(".cache");
    PathBuf::from(s)
}

/// `DB.cache/NAME`: where derived file `name` of `db` lives.
pub fn cache_file(db: &Path, name: &str) -> PathBuf {
    cache_dir(db).join(name)
}

/// Makes sure the folder that holds `path` exists before a derived file is
/// written into it. The folder also gets a `.gitignore` that ignores
/// everything in it, so a database kept in a repository does not bring its
/// derived files along. Failure is not reported: a directory that cannot be
/// written makes the write itself fail, and every reader then answers
/// without the file.
pub fn prepare_dir(path: &Path) {
    let Some(dir) = path.parent() else {
        return;
    };
    if dir.is_dir() || std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let _ = std::fs::write(
        dir.join(".gitignore"),
        "# derived files of a chronograph database, rebuilt when missing\n*\n",
    );
}

/// The file names a database's derived files had before they moved into
/// `DB.cache/` (`DB.adj`, `DB.tl`, ...): stale once a newer build writes the
/// folder, so [`remove_legacy`] deletes them.
const LEGACY: &[&str] = &["adj", "cfx", "span", "tl", "tla", "cbr"];

/// Deletes the derived files an older build left beside `db` itself.
pub fn remove_legacy(db: &Path) {
    for ext in LEGACY {
        let mut s = db.as_os_str().to_owned();
        s.push(".");
        s.push(ext);
        let _ = std::fs::remove_file(PathBuf::from(s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_files_share_one_folder_that_ignores_itself() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("news.db");
        let tl = cache_file(&db, "timeline.tl");
        assert_eq!(tl, dir.path().join("news.db.cache").join("timeline.tl"));
        assert!(!cache_dir(&db).exists(), "nothing is created by asking");
        prepare_dir(&tl);
        let ignore = std::fs::read_to_string(cache_dir(&db).join(".gitignore")).unwrap();
        assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
        std::fs::write(dir.path().join("news.db.tl"), b"old").unwrap();
        std::fs::write(dir.path().join("news.db.keep"), b"other").unwrap();
        remove_legacy(&db);
        assert!(!dir.path().join("news.db.tl").exists());
        assert!(dir.path().join("news.db.keep").exists());
    }
}
