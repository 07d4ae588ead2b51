//! A prepared statement bound without copies, for the rows a bulk ingest
//! writes most (claims, their chains and targets, events).
//!
//! rusqlite binds every text with `SQLITE_TRANSIENT`, so SQLite copies each
//! string into its own buffer before the row is built from it; with some
//! twenty texts a claim that copying (and the generic `ToSql` dispatch
//! around it) was about a sixth of the writing thread's instructions.
//! [`RawStatement::exec`] binds borrowed texts with `SQLITE_STATIC` and
//! resets and unbinds the statement before it returns, so SQLite never
//! holds a pointer past the borrow.

use crate::error::Result;
use rusqlite::{Connection, ffi};
use std::ffi::{CStr, c_int};
use std::marker::PhantomData;
use std::ptr;

/// One bound value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Val<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
}

impl<'a> From<Option<&'a str>> for Val<'a> {
    fn from(v: Option<&'a str>) -> Self {
        v.map_or(Val::Null, Val::Text)
    }
}

impl<'a> From<&'a str> for Val<'a> {
    fn from(v: &'a str) -> Self {
        Val::Text(v)
    }
}

impl From<i64> for Val<'_> {
    fn from(v: i64) -> Self {
        Val::Int(v)
    }
}

impl From<Option<i64>> for Val<'_> {
    fn from(v: Option<i64>) -> Self {
        v.map_or(Val::Null, Val::Int)
    }
}

impl From<Option<f64>> for Val<'_> {
    fn from(v: Option<f64>) -> Self {
        v.map_or(Val::Null, Val::Real)
    }
}

/// A statement prepared on a connection it cannot outlive.
pub(crate) struct RawStatement<'c> {
    db: *mut ffi::sqlite3,
    stmt: *mut ffi::sqlite3_stmt,
    _conn: PhantomData<&'c Connection>,
}

impl<'c> RawStatement<'c> {
    /// Prepares one SQL statement.
    pub fn new(conn: &'c Connection, sql: &str) -> Result<Self> {
        // SAFETY: the handle stays valid while `conn` is borrowed, which
        // the lifetime 'c ties this statement to.
        let db = unsafe { conn.handle() };
        let mut stmt = ptr::null_mut();
        let len = c_int::try_from(sql.len()).expect("SQL text under 2 GiB");
        // SAFETY: `sql` is valid for `len` bytes; `stmt` receives the
        // statement or stays null on error.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                db,
                sql.as_ptr().cast(),
                len,
                ffi::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK {
            // SAFETY: a failed prepare leaves `stmt` null, nothing to free.
            return Err(unsafe { error(db, rc) });
        }
        Ok(RawStatement {
            db,
            stmt,
            _conn: PhantomData,
        })
    }

    /// Binds `values` to parameters 1.. and runs the statement to its end.
    pub fn exec(&mut self, values: &[Val<'_>]) -> Result<()> {
        // SAFETY: `self.stmt` is a live statement of `self.db`. Texts are
        // bound SQLITE_STATIC from borrows that outlive this call, and the
        // statement is reset and unbound before it returns, whatever the
        // outcome, so SQLite keeps no pointer into them.
        unsafe {
            let mut rc = ffi::SQLITE_OK;
            for (i, v) in values.iter().enumerate() {
                let i = i as c_int + 1;
                rc = match *v {
                    Val::Null => ffi::sqlite3_bind_null(self.stmt, i),
                    Val::Int(n) => ffi::sqlite3_bind_int64(self.stmt, i, n),
                    Val::Real(x) => ffi::sqlite3_bind_double(self.stmt, i, x),
                    Val::Text(s) => ffi::sqlite3_bind_text64(
                        self.stmt,
                        i,
                        s.as_ptr().cast(),
                        s.len() as u64,
                        ffi::SQLITE_STATIC(),
                        ffi::SQLITE_UTF8 as u8,
                    ),
                };
                if rc != ffi::SQLITE_OK {
                    break;
                }
            }
            if rc == ffi::SQLITE_OK {
                rc = match ffi::sqlite3_step(self.stmt) {
                    ffi::SQLITE_DONE => ffi::SQLITE_OK,
                    other => other,
                };
            }
            let err = (rc != ffi::SQLITE_OK).then(|| error(self.db, rc));
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
            match err {
                Some(e) => Err(e),
                None => Ok(()),
            }
        }
    }
}

/// An `INSERT` of many rows per statement: `head` is the statement up to
/// `VALUES`, `cols` the parameters per row. A document's claims go in one
/// or two statements instead of twenty, which saves the per-statement work
/// (binding, cursor opening, halting, resetting) that a row of its own
/// would pay again.
pub(crate) struct MultiInsert<'c> {
    conn: &'c Connection,
    head: &'static str,
    cols: usize,
    /// The statement for `i + 1` rows, prepared when first needed.
    by_rows: Vec<Option<RawStatement<'c>>>,
}

impl<'c> MultiInsert<'c> {
    /// Rows per statement at most: 32 rows of the widest table (31
    /// columns) stay far below SQLite's limit of 32,766 parameters.
    pub const MAX_ROWS: usize = 32;

    /// Nothing is prepared until rows are written.
    pub fn new(conn: &'c Connection, head: &'static str, cols: usize) -> Self {
        MultiInsert {
            conn,
            head,
            cols,
            by_rows: (0..Self::MAX_ROWS).map(|_| None).collect(),
        }
    }

    /// Writes the rows in `values` (`cols` values per row, in order), in
    /// statements of at most [`Self::MAX_ROWS`] rows.
    pub fn exec(&mut self, values: &[Val<'_>]) -> Result<()> {
        assert_eq!(values.len() % self.cols, 0, "whole rows only");
        for chunk in values.chunks(self.cols * Self::MAX_ROWS) {
            let rows = chunk.len() / self.cols;
            let slot = &mut self.by_rows[rows - 1];
            let stmt = match slot {
                Some(stmt) => stmt,
                None => {
                    let row = format!("({})", vec!["?"; self.cols].join(", "));
                    let sql = format!("{} {}", self.head, vec![row; rows].join(", "));
                    slot.insert(RawStatement::new(self.conn, &sql)?)
                }
            };
            stmt.exec(chunk)?;
        }
        Ok(())
    }
}

impl Drop for RawStatement<'_> {
    fn drop(&mut self) {
        // SAFETY: the statement was prepared by `new` and is finalized once.
        unsafe {
            ffi::sqlite3_finalize(self.stmt);
        }
    }
}

/// The connection's error for result code `rc`, as rusqlite reports it.
///
/// # Safety
/// `db` must be a live connection handle.
unsafe fn error(db: *mut ffi::sqlite3, rc: c_int) -> crate::error::Error {
    // SAFETY: the caller guarantees `db`; sqlite3_errmsg never returns null
    // for a live connection.
    let msg = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(db)) }
        .to_string_lossy()
        .into_owned();
    rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some(msg)).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_every_kind_and_reports_constraint_errors() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL, c REAL, d)")
            .unwrap();
        let mut ins = RawStatement::new(&conn, "INSERT INTO t VALUES (?1, ?2, ?3, ?4)").unwrap();
        for i in 0..3 {
            // A fresh String each time: nothing may survive the call.
            let text = format!("row {i} with ünïcode");
            ins.exec(&[Val::Int(i), Val::Text(&text), Val::Real(0.5), Val::Null])
                .unwrap();
        }
        let e = ins
            .exec(&[Val::Int(1), Val::Text("dup"), Val::Null, Val::Null])
            .unwrap_err();
        assert!(e.to_string().contains("UNIQUE"), "{e}");
        let e = ins
            .exec(&[Val::Int(9), Val::Null, Val::Null, Val::Null])
            .unwrap_err();
        assert!(e.to_string().contains("NOT NULL"), "{e}");
        // Usable again after an error.
        ins.exec(&[Val::Int(4), Val::Text("four"), Val::Null, Val::Int(7)])
            .unwrap();
        let rows: Vec<(i64, String, Option<f64>, Option<i64>)> = conn
            .prepare("SELECT a, b, c, d FROM t ORDER BY a")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].1, "row 1 with ünïcode");
        assert_eq!(rows[0].2, Some(0.5));
        assert_eq!(rows[3], (4, "four".into(), None, Some(7)));
        assert!(RawStatement::new(&conn, "INSERT INTO nowhere VALUES (1)").is_err());
    }

    #[test]
    fn multi_insert_writes_rows_in_order_across_chunks() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL)")
            .unwrap();
        let mut ins = MultiInsert::new(&conn, "INSERT INTO t (a, b) VALUES", 2);
        let texts: Vec<String> = (0..70).map(|i| format!("row {i}")).collect();
        let vals: Vec<Val<'_>> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| [Val::Int(i as i64 + 1), Val::Text(t)])
            .collect();
        // 70 rows: two full statements and one of six.
        ins.exec(&vals).unwrap();
        ins.exec(&vals[..0]).unwrap();
        let rows: Vec<(i64, String)> = conn
            .prepare("SELECT a, b FROM t ORDER BY a")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows.len(), 70);
        assert_eq!(rows[69], (70, "row 69".into()));
        // A failing row fails its statement, which writes none of its rows.
        let bad = [Val::Int(100), Val::Text("x"), Val::Int(1), Val::Text("dup")];
        assert!(ins.exec(&bad).is_err());
        let n: i64 = conn
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 70);
    }
}
