//! Whole-store scans in id order, for the graph, the conflict index and
//! the derived files: every edge, every claim's facts, ids and labels.

use super::*;

/// What conflict detection needs of a claim, read in two scans (claims with
/// their documents, then `claim_about`) so that a million claims load in
/// about a second.
#[derive(Debug, Clone)]
pub struct ClaimFacts {
    /// Store id.
    pub id: i64,
    /// Claimant actor id.
    pub claimant: i64,
    pub subject: Option<String>,
    /// The statement, read only when there is no subject (it stands in for one).
    pub statement: String,
    pub quantity: Option<Quantity>,
    /// `true` for a denial.
    pub deny: bool,
    /// How the content stands: a feared or proposed figure is no side
    /// against an asserted one.
    pub factuality: Factuality,
    /// Valid-time bounds.
    pub valid: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Stated-time bounds.
    pub stated: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// Publication date of the carrying document.
    pub published: chrono::NaiveDate,
    /// What the claim is about: `(false, actor id)` or `(true, event id)`, sorted.
    pub about: Vec<(bool, i64)>,
}

/// `YYYY-MM-DD` (anything after the tenth byte ignored) without the general
/// date parser, which costs more than the rest of a million-row scan.
pub(super) fn day(s: Option<String>) -> Option<chrono::NaiveDate> {
    let b = s?.into_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

pub(super) fn span(
    a: Option<String>,
    b: Option<String>,
) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    match (day(a), day(b)) {
        (Some(a), Some(b)) => Some((a, b)),
        (Some(a), None) => Some((a, a)),
        (None, Some(b)) => Some((b, b)),
        (None, None) => None,
    }
}

/// Anonymous actors that belong to another (an unnamed official of a
/// government), as `(anonymous actor, the actor it belongs to)`.
pub fn anonymous_parents(conn: &Connection) -> Result<std::collections::HashMap<i64, i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, part_of FROM actors WHERE kind = 'anonymous' AND part_of IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every claim's [`ClaimFacts`], by id, optionally only those published by `as_of`.
pub fn claim_facts(conn: &Connection, as_of: Option<&str>) -> Result<Vec<ClaimFacts>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.claimant_id, c.subject,
                CASE WHEN c.subject IS NULL OR trim(c.subject) = '' THEN c.statement ELSE '' END,
                c.q_value, c.q_lower, c.q_upper, c.q_unit, c.q_approximate, c.q_vague, c.q_lower_open, c.q_upper_open,
                c.polarity, c.valid_start, c.valid_end, c.stated_start, c.stated_end, d.published,
                c.factuality
         FROM claims c JOIN documents d ON d.id = c.document_id
         WHERE ?1 IS NULL OR d.published <= ?1
         ORDER BY c.id",
    )?;
    let mut out = stmt
        .query_map([as_of], |r| {
            let quantity = quantity_at(r, 4)?;
            Ok(ClaimFacts {
                id: r.get(0)?,
                claimant: r.get(1)?,
                subject: r.get(2)?,
                statement: r.get(3)?,
                quantity,
                deny: r.get::<_, String>(12)? == "deny",
                valid: span(r.get(13)?, r.get(14)?),
                stated: span(r.get(15)?, r.get(16)?),
                published: day(r.get(17)?).unwrap_or_default(),
                factuality: factuality_at(r, 18)?,
                about: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt =
        conn.prepare("SELECT claim_id, actor_id, event_id FROM claim_about ORDER BY claim_id")?;
    let mut rows = stmt.query([])?;
    let mut i = 0;
    while let Some(r) = rows.next()? {
        let cid: i64 = r.get(0)?;
        while i < out.len() && out[i].id < cid {
            i += 1;
        }
        if i == out.len() {
            break;
        }
        if out[i].id == cid {
            match (r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?) {
                (Some(a), _) => out[i].about.push((false, a)),
                (None, Some(e)) => out[i].about.push((true, e)),
                (None, None) => {}
            }
        }
    }
    for f in &mut out {
        f.about.sort_unstable();
        f.about.dedup();
    }
    Ok(out)
}

/// Largest store id of actors, events, claims and relations (0 when empty):
/// the sizes of dense per-kind arrays.
pub fn max_ids(conn: &Connection) -> Result<[i64; 4]> {
    let mut out = [0; 4];
    for (i, t) in ["actors", "events", "claims", "relations"]
        .iter()
        .enumerate()
    {
        // Table names come from the fixed list above, never from input.
        out[i] = conn.query_row(&format!("SELECT coalesce(max(id), 0) FROM {t}"), [], |r| {
            r.get(0)
        })?;
    }
    Ok(out)
}

/// Every event row as `(id, kind, label, start, end)`, for identifying the
/// same event reported by several documents.
pub fn event_identities(
    conn: &Connection,
    mut f: impl FnMut(i64, &str, &str, Option<&str>, Option<&str>),
) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, kind, label, t_start, t_end FROM events")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(
            r.get(0)?,
            r.get_ref(1)?.as_str().unwrap_or(""),
            r.get_ref(2)?.as_str().unwrap_or(""),
            r.get_ref(3)?.as_str_or_null().ok().flatten(),
            r.get_ref(4)?.as_str_or_null().ok().flatten(),
        );
    }
    Ok(())
}

/// Every event row's id and start date (`t_start`, maybe NULL).
pub fn event_starts(conn: &Connection, mut f: impl FnMut(i64, Option<&str>)) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, t_start FROM events")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(r.get(0)?, r.get_ref(1)?.as_str_or_null().ok().flatten());
    }
    Ok(())
}

/// Every participation as `(event row, actor)`.
pub fn participations(conn: &Connection, mut f: impl FnMut(i64, i64)) -> Result<()> {
    let mut stmt = conn.prepare("SELECT event_id, actor_id FROM event_participants")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(r.get(0)?, r.get(1)?);
    }
    Ok(())
}

/// What attribution chains are made of, one scan per table: every claim's
/// `(id, claimant, document)`, every first intermediary `(claim, actor)`,
/// every document, every actor's `(id, name)`.
pub fn chain_columns(
    conn: &Connection,
    mut claim: impl FnMut(i64, i64, i64),
    mut via: impl FnMut(i64, i64),
    mut document: impl FnMut(DocRef),
    mut actor: impl FnMut(i64, String),
) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, claimant_id, document_id FROM claims")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        claim(r.get(0)?, r.get(1)?, r.get(2)?);
    }
    let mut stmt = conn.prepare("SELECT claim_id, actor_id FROM claim_via WHERE position = 0")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        via(r.get(0)?, r.get(1)?);
    }
    let mut stmt = conn.prepare(&format!("SELECT {DOC_COLS} FROM documents d"))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        document(doc_at(r, 0)?);
    }
    let mut stmt = conn.prepare("SELECT id, name FROM actors")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        actor(r.get(0)?, r.get(1)?);
    }
    Ok(())
}

/// Every edge of the connection graph, as `(node, node)` pairs read in one
/// scan per table: participation, claimant, via, about, relation ends, part_of.
pub fn all_edges(conn: &Connection, mut f: impl FnMut(Node, Node)) -> Result<()> {
    let scan = |sql: &str, f: &mut dyn FnMut(i64, Option<i64>, Option<i64>)| -> Result<()> {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(r.get(0)?, r.get(1)?, r.get(2)?);
        }
        Ok(())
    };
    scan(
        "SELECT event_id, actor_id, NULL FROM event_participants",
        &mut |e, a, _| f(Node::Event(e), Node::Actor(a.unwrap_or_default())),
    )?;
    scan(
        "SELECT id, claimant_id, NULL FROM claims",
        &mut |c, a, _| f(Node::Claim(c), Node::Actor(a.unwrap_or_default())),
    )?;
    scan(
        "SELECT claim_id, actor_id, NULL FROM claim_via",
        &mut |c, a, _| f(Node::Claim(c), Node::Actor(a.unwrap_or_default())),
    )?;
    scan(
        "SELECT claim_id, actor_id, event_id FROM claim_about",
        &mut |c, a, e| match (a, e) {
            (Some(a), _) => f(Node::Claim(c), Node::Actor(a)),
            (None, Some(e)) => f(Node::Claim(c), Node::Event(e)),
            _ => {}
        },
    )?;
    scan(
        "SELECT id, source_id, target_id FROM relations",
        &mut |r, s, t| {
            f(Node::Relation(r), Node::Actor(s.unwrap_or_default()));
            f(Node::Relation(r), Node::Actor(t.unwrap_or_default()));
        },
    )?;
    scan(
        "SELECT id, part_of, NULL FROM actors WHERE part_of IS NOT NULL",
        &mut |a, p, _| f(Node::Actor(a), Node::Actor(p.unwrap_or_default())),
    )?;
    Ok(())
}

/// The factuality of every event and relation row, one scan per table.
pub fn factualities(conn: &Connection, mut f: impl FnMut(Node, Factuality)) -> Result<()> {
    for (sql, node) in [
        (
            "SELECT id, factuality FROM events",
            Node::Event as fn(i64) -> Node,
        ),
        ("SELECT id, factuality FROM relations", Node::Relation),
    ] {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(node(r.get(0)?), factuality_at(r, 1)?);
        }
    }
    Ok(())
}

/// A fingerprint of the store's content: changes whenever documents are
/// added, replaced or removed (cache keys for derived files).
pub fn fingerprint(conn: &Connection) -> Result<String> {
    // Every committed write goes through the database file or its WAL, so
    // their sizes and modification times (nanoseconds) change with the
    // content; with the counts and maxima of the integer keys beside them
    // this replaces a scan of every document's recorded time, which cost
    // 30 ms a command at 10^6 claims.
    let mut files = String::new();
    if let Some(path) = conn.path().filter(|p| !p.is_empty()) {
        for suffix in ["", "-wal"] {
            let meta = std::fs::metadata(format!("{path}{suffix}")).ok();
            // An empty WAL and a missing one are the same content (a
            // writer that opens and closes without writing leaves either).
            let (len, mtime) = meta.filter(|m| m.len() > 0).map_or((0, 0), |m| {
                let t = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (m.len(), t)
            });
            files.push_str(&format!("{len}.{mtime}:"));
        }
    }
    let keys: String = conn.query_row(
        "SELECT (SELECT count(*) FROM documents) || ':' || (SELECT coalesce(max(id), 0) FROM documents)
                || ':' || (SELECT coalesce(max(id), 0) FROM claims) || ':' || (SELECT coalesce(max(id), 0) FROM events)
                || ':' || (SELECT coalesce(max(id), 0) FROM relations) || ':' || (SELECT coalesce(max(id), 0) FROM actors)",
        [],
        |r| r.get(0),
    )?;
    Ok(files + &keys)
}

/// Store ids and start dates of event rows that start within `[from, to]`
/// (inclusive, `YYYY-MM-DD`), optionally only those `actor` took part in,
/// ordered by start then id.
pub fn events_starting(
    conn: &Connection,
    from: &str,
    to: &str,
    actor: Option<i64>,
) -> Result<Vec<(String, i64)>> {
    let mut stmt = match actor {
        None => conn.prepare_cached(
            "SELECT t_start, id FROM events WHERE t_start BETWEEN ?1 AND ?2 AND ?3 IS NULL ORDER BY t_start, id",
        )?,
        Some(_) => conn.prepare_cached(
            "SELECT e.t_start, e.id FROM event_participants p JOIN events e ON e.id = p.event_id
             WHERE p.actor_id = ?3 AND e.t_start BETWEEN ?1 AND ?2 ORDER BY e.t_start, e.id",
        )?,
    };
    let rows = stmt.query_map(params![from, to, actor], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The interchange (bundle-local) ids behind store ids: `(store id, local id)`
/// of every actor link, event row or claim row. `kind` is `actor`, `event` or `claim`.
pub fn local_ids(conn: &Connection, kind: &str) -> Result<Vec<(i64, String)>> {
    let sql = match kind {
        "actor" => "SELECT actor_id, local_id FROM actor_links",
        "event" => "SELECT id, local_id FROM events",
        "claim" => "SELECT id, local_id FROM claims",
        _ => return Err(Error::NotFound(format!("no local ids for {kind:?}"))),
    };
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Short labels of many nodes at once (actor names, event labels, claim
/// statements, relation kinds), read in chunks of ids.
pub fn node_labels(
    conn: &Connection,
    nodes: &[Node],
) -> Result<std::collections::HashMap<Node, String>> {
    let mut out = std::collections::HashMap::new();
    type Group<'a> = (&'a str, fn(i64) -> Node, Vec<i64>);
    let groups: [Group; 4] = [
        (
            "SELECT id, name FROM actors WHERE id IN",
            Node::Actor,
            nodes
                .iter()
                .filter_map(|n| {
                    if let Node::Actor(i) = n {
                        Some(*i)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
        (
            "SELECT id, label || ' (' || kind || ')'
                    || CASE factuality WHEN 'asserted' THEN '' ELSE ' [' || factuality || ']' END
             FROM events WHERE id IN",
            Node::Event,
            nodes
                .iter()
                .filter_map(|n| {
                    if let Node::Event(i) = n {
                        Some(*i)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
        (
            "SELECT c.id, 'claim by ' || a.name || ': ' || c.statement FROM claims c
             JOIN actors a ON a.id = c.claimant_id WHERE c.id IN",
            Node::Claim,
            nodes
                .iter()
                .filter_map(|n| {
                    if let Node::Claim(i) = n {
                        Some(*i)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
        (
            "SELECT r.id, s.name || ' ' || r.kind || ' ' || t.name
                    || CASE r.factuality WHEN 'asserted' THEN '' ELSE ' [' || r.factuality || ']' END
             FROM relations r
             JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id WHERE r.id IN",
            Node::Relation,
            nodes
                .iter()
                .filter_map(|n| {
                    if let Node::Relation(i) = n {
                        Some(*i)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
    ];
    for (sql, make, mut ids) in groups {
        ids.sort_unstable();
        ids.dedup();
        for chunk in ids.chunks(10_000) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut stmt = conn.prepare(&format!("{sql} ({marks})"))?;
            let rows = stmt.query_map(params_from_iter(chunk.iter()), |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            for row in rows {
                let (id, label) = row?;
                out.insert(make(id), label);
            }
        }
    }
    Ok(out)
}

/// `(id, subject or statement, unit)` of these claims: enough to tell
/// whether they are about the same thing before reading them whole.
pub fn claim_subjects(
    conn: &Connection,
    ids: &[i64],
) -> Result<Vec<(i64, String, Option<String>)>> {
    let mut out = Vec::with_capacity(ids.len());
    by_chunks(
        conn,
        "SELECT id, CASE WHEN subject IS NULL OR trim(subject) = '' THEN statement ELSE subject END, q_unit
         FROM claims WHERE id IN",
        "",
        ids,
        |r| {
            out.push((r.get(0)?, r.get(1)?, r.get(2)?));
            Ok(())
        },
    )?;
    Ok(out)
}

/// Every (actor id, name) pair, canonical names and aliases, for suggestions.
pub fn all_actor_names(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT id, name FROM actors UNION SELECT actor_id, name FROM actor_names ORDER BY 1, 2",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every actor, in id order.
pub fn all_actors(conn: &Connection) -> Result<Vec<ActorRow>> {
    let mut stmt = conn.prepare("SELECT id, name, kind, part_of FROM actors ORDER BY id")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(ActorRow {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                part_of: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every document, in id order.
pub fn all_documents(conn: &Connection) -> Result<Vec<DocRef>> {
    let mut stmt = conn.prepare(&format!("SELECT {DOC_COLS} FROM documents d ORDER BY d.id"))?;
    let rows = stmt
        .query_map([], |r| doc_at(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The [`ClaimBrief`] of every claim, in id order, read in one scan (for
/// the claim-brief snapshot of `sources`); the same columns and decoding as
/// [`claim_briefs`].
pub fn all_claim_briefs(
    conn: &Connection,
    mut f: impl FnMut(ClaimBrief) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {BRIEF_COLS} FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY c.id"
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        f(brief_at(r)?)?;
    }
    Ok(())
}
