//! Actor resolution across documents, and its undo.
//!
//! Each local actor of a bundle becomes a row of `actor_links` pointing at a
//! stored actor. It joins an existing actor when one of its non-generic
//! folded names (canonical name first, then aliases) equals a mergeable name
//! of a stored actor of the same kind that no other local actor of the same
//! document already took; otherwise it creates a new actor. Within one
//! document the bundle is authoritative: two local actors never join each
//! other, which keeps every (document, actor) pair to one link and makes
//! [`Store::unmerge`] exact.
//!
//! `actors` and `actor_names` are a cache of the links: [`refresh_actor`]
//! rebuilds an actor's name, kind, part_of and names from them.

use super::Store;
use super::hash::{FastMap as HashMap, FastSet as HashSet};
use super::local_actors::{self, Description, LocalActorIds};
use super::names::{is_generic, normalize_name};
use super::raw::{RawStatement, Val};
use crate::error::{Error, Result};
use crate::model::{Actor, ActorKind};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

/// A local actor as the store keeps it in `actor_links`.
pub(crate) struct LocalActor<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: ActorKind,
    pub aliases: &'a [String],
    pub part_of: Option<&'a str>,
}

impl<'a> LocalActor<'a> {
    pub fn from_actor(a: &'a Actor) -> Self {
        LocalActor {
            id: &a.id,
            name: &a.name,
            kind: a.kind,
            aliases: &a.aliases,
            part_of: a.part_of.as_deref(),
        }
    }

    /// Folded names, canonical first, each with whether it may merge.
    fn keys(&self) -> Vec<(String, &'a str, bool, bool)> {
        self.keys_from(self.name_keys())
    }

    /// The folded names alone, owning nothing of the actor, so that they
    /// can be computed on the reading thread of an ingest.
    pub fn name_keys(&self) -> Vec<NameKey> {
        let anonymous = self.kind == ActorKind::Anonymous;
        let mut out: Vec<NameKey> = Vec::with_capacity(1 + self.aliases.len());
        for (i, n) in std::iter::once(self.name)
            .chain(self.aliases.iter().map(String::as_str))
            .enumerate()
        {
            let norm = normalize_name(n);
            if norm.is_empty() || out.iter().any(|k| k.norm == norm) {
                continue;
            }
            let mergeable = !anonymous && !is_generic(n, &norm);
            out.push(NameKey {
                norm,
                index: i,
                mergeable,
            });
        }
        out
    }

    /// [`LocalActor::keys`] from names folded earlier.
    pub fn keys_from(&self, keys: Vec<NameKey>) -> Vec<(String, &'a str, bool, bool)> {
        keys.into_iter()
            .map(|k| {
                let name = match k.index {
                    0 => self.name,
                    i => self.aliases[i - 1].as_str(),
                };
                (k.norm, name, k.index == 0, k.mergeable)
            })
            .collect()
    }
}

/// One folded name of a local actor: which of its names (0 the canonical
/// name, `i` alias `i - 1`), and whether it may merge across documents.
pub(crate) struct NameKey {
    norm: String,
    index: usize,
    mergeable: bool,
}

/// What one ingest call has learnt about stored names, so that actors seen
/// in many documents of a batch cost one lookup, not one per document.
/// Cleared whenever names are rewritten behind its back (an updated
/// document refreshes its actors).
#[derive(Default)]
pub(crate) struct NameCache {
    /// (folded name, kind) → stored actors with that mergeable name, and
    /// whether it is canonical for them.
    candidates: HashMap<ActorKind, HashMap<String, Vec<(i64, bool)>>>,
    /// actor → folded name → (canonical, mergeable) as written.
    written: HashMap<i64, HashMap<String, (bool, bool)>>,
    /// Actors known to have a parent: setting it "if unset" again is a
    /// no-op, and actors named in every document would pay an UPDATE each.
    parented: HashSet<i64>,
    /// Local actor descriptions by content. Never cleared: descriptions
    /// are never rewritten or deleted (see `store::local_actors`).
    local: LocalActorIds,
    /// Stored people's names, read once each, for the given-name check.
    person_names: HashMap<i64, String>,
}

impl NameCache {
    pub fn clear(&mut self) {
        self.candidates.clear();
        self.written.clear();
        self.parented.clear();
        self.person_names.clear();
    }

    /// The stored name of actor `id` (cached).
    fn person_name(&mut self, tx: &Transaction<'_>, id: i64) -> Result<&str> {
        Ok(match self.person_names.entry(id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(
                tx.prepare_cached("SELECT name FROM actors WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))?,
            ),
        }
        .as_str())
    }

    /// [`set_part_of_if_unset`], skipped for actors this batch already
    /// gave a parent (or found with one).
    pub fn set_part_of_if_unset(
        &mut self,
        tx: &Transaction<'_>,
        id: i64,
        parent: i64,
    ) -> Result<()> {
        if id != parent && self.parented.insert(id) {
            set_part_of_if_unset(tx, id, parent)?;
        }
        Ok(())
    }

    fn candidates(
        &mut self,
        tx: &Transaction<'_>,
        norm: &str,
        kind: ActorKind,
    ) -> Result<&[(i64, bool)]> {
        // Keyed by kind, then name, so that a hit needs no owned key.
        let by_name = self.candidates.entry(kind).or_default();
        if !by_name.contains_key(norm) {
            let mut find = tx.prepare_cached(
                "SELECT n.actor_id, n.canonical FROM actor_names n JOIN actors a ON a.id = n.actor_id
                 WHERE n.norm = ?1 AND n.mergeable = 1 AND a.kind = ?2",
            )?;
            let found = find
                .query_map(params![norm, kind.as_str()], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            by_name.insert(norm.to_owned(), found);
        }
        Ok(&by_name[norm])
    }

    /// Records the names of actor `id` (of kind `kind`), writing only what
    /// `actor_names` does not hold yet.
    fn add_names(
        &mut self,
        tx: &Transaction<'_>,
        id: i64,
        kind: ActorKind,
        keys: &[(String, &str, bool, bool)],
    ) -> Result<()> {
        let written = self.written.entry(id).or_default();
        for (norm, name, canonical, mergeable) in keys {
            let (c, m) = match written.get(norm.as_str()) {
                Some(&(c, m)) if c >= *canonical && m >= *mergeable => continue,
                Some(&(c, m)) => (c | canonical, m | mergeable),
                None => (*canonical, *mergeable),
            };
            written.insert(norm.clone(), (c, m));
            tx.prepare_cached(
                "INSERT INTO actor_names (actor_id, norm, name, canonical, mergeable) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (actor_id, norm) DO UPDATE SET canonical = max(canonical, excluded.canonical),
                 mergeable = max(mergeable, excluded.mergeable)",
            )?
            .execute(params![id, norm, name, c, m])?;
            if let Some(list) = self
                .candidates
                .get_mut(&kind)
                .and_then(|by_name| by_name.get_mut(norm.as_str()))
            {
                match list.iter_mut().find(|(a, _)| *a == id) {
                    Some(entry) => entry.1 |= c,
                    None if m => list.push((id, c)),
                    None => {}
                }
            }
        }
        Ok(())
    }
}

/// Resolves the local actors of one document.
pub(crate) struct Resolver<'c, 't> {
    /// The publisher's folded name, and the first local actor that has it
    /// among its names (the publisher joins that actor).
    publisher: Option<String>,
    publisher_local: Option<(i64, ActorKind)>,
    doc_id: i64,
    /// Stored actors already linked from this document: a handful, so a
    /// vector beats a set.
    taken: Vec<i64>,
    /// (stored actor, folded name) pairs an `unmerge` forbade for this
    /// document; empty for new documents.
    blocked: Vec<(i64, String)>,
    cache: &'c mut NameCache,
    /// [`INSERT_LINK`], prepared once per batch.
    link: &'c mut RawStatement<'t>,
}

/// Writes one row of `actor_links`; bound as [`insert_link`] does.
pub(crate) const INSERT_LINK: &str = "INSERT INTO actor_links (document_id, local_id, actor_id, local_actor) VALUES (?1, ?2, ?3, ?4)";

impl<'c, 't> Resolver<'c, 't> {
    /// `publisher` is the document's publisher, when it has one; `link`
    /// is [`INSERT_LINK`] prepared on the batch's transaction.
    pub fn new(
        doc_id: i64,
        publisher: Option<&str>,
        cache: &'c mut NameCache,
        link: &'c mut RawStatement<'t>,
    ) -> Self {
        Resolver {
            link,
            publisher: publisher.map(normalize_name),
            publisher_local: None,
            doc_id,
            taken: Vec::new(),
            blocked: Vec::new(),
            cache,
        }
    }

    /// Loads the "do not merge" records of this document (only a stored
    /// document, being replaced, can have any).
    pub fn load_blocks(&mut self, tx: &Transaction<'_>) -> Result<()> {
        self.blocked = tx
            .prepare_cached("SELECT actor_id, norm FROM actor_merge_blocks WHERE document_id = ?1")?
            .query_map([self.doc_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(())
    }

    /// Links a local actor; returns the stored id and whether it joined an
    /// existing actor.
    pub fn resolve(
        &mut self,
        tx: &Transaction<'_>,
        a: &LocalActor<'_>,
        keys: Vec<(String, &str, bool, bool)>,
    ) -> Result<(i64, bool)> {
        let mut best: Option<(u8, i64, &str)> = None;
        for (norm, _, local_canonical, mergeable) in &keys {
            if !mergeable {
                continue;
            }
            let cands = self.cache.candidates(tx, norm, a.kind)?.to_vec();
            for (id, stored_canonical) in cands {
                if self.taken.contains(&id)
                    || self.blocked.iter().any(|(b, n)| *b == id && n == norm)
                {
                    continue;
                }
                // "Clinton" is a name of Bill and of Hillary Clinton: a
                // shared surname joins no two people whose given names
                // differ.
                if a.kind == ActorKind::Person
                    && !super::names::given_names_compatible(
                        a.name,
                        self.cache.person_name(tx, id)?,
                    )
                {
                    continue;
                }
                // Canonical-to-canonical beats canonical-to-alias beats
                // alias-to-alias; ties go to the oldest actor.
                let rank = 2 * u8::from(*local_canonical) + u8::from(stored_canonical);
                // Two people who merely share a short name ("Biden" for Joe
                // and for Hunter Biden) are not one person; organisations
                // and countries sharing an abbreviation ("U.S.") usually are.
                if rank == 0 && a.kind == ActorKind::Person {
                    continue;
                }
                let better = match &best {
                    None => true,
                    Some((br, bid, _)) => rank > *br || (rank == *br && id < *bid),
                };
                if better {
                    best = Some((rank, id, norm.as_str()));
                }
            }
        }
        let (id, matched) = match best {
            Some((_, id, norm)) => (id, Some(norm)),
            None => {
                let norm = keys.first().map(|k| k.0.as_str()).unwrap_or_default();
                tx.prepare_cached("INSERT INTO actors (name, norm, kind) VALUES (?1, ?2, ?3)")?
                    .execute(params![a.name, norm, a.kind.as_str()])?;
                (tx.last_insert_rowid(), None)
            }
        };
        let merged = matched.is_some();
        self.taken.push(id);
        if self.publisher_local.is_none()
            && let Some(p) = &self.publisher
            && keys.iter().any(|k| &k.0 == p)
        {
            self.publisher_local = Some((id, a.kind));
        }
        insert_link(
            tx,
            self.link,
            &mut self.cache.local,
            self.doc_id,
            a,
            id,
            matched,
        )?;
        self.cache.add_names(tx, id, a.kind, &keys)?;
        Ok((id, merged))
    }

    /// Sets an actor's parent unless it has one (see
    /// [`NameCache::set_part_of_if_unset`]).
    pub fn set_part_of_if_unset(
        &mut self,
        tx: &Transaction<'_>,
        id: i64,
        parent: i64,
    ) -> Result<()> {
        self.cache.set_part_of_if_unset(tx, id, parent)
    }

    /// Links the document's publisher (local id `@publisher`) as a media
    /// actor: the local actor with the same folded name when the bundle has
    /// one, else a stored media actor of that name, else a new one.
    pub fn resolve_publisher(&mut self, tx: &Transaction<'_>, publisher: &str) -> Result<i64> {
        let norm = match &self.publisher {
            Some(n) => n.clone(),
            None => normalize_name(publisher),
        };
        if let Some((id, kind)) = self.publisher_local {
            let local = LocalActor {
                id: "@publisher",
                name: publisher,
                kind,
                aliases: &[],
                part_of: None,
            };
            insert_link(
                tx,
                self.link,
                &mut self.cache.local,
                self.doc_id,
                &local,
                id,
                Some(&norm),
            )?;
            return Ok(id);
        }
        let local = LocalActor {
            id: "@publisher",
            name: publisher,
            kind: ActorKind::Media,
            aliases: &[],
            part_of: None,
        };
        // The publisher may share a stored actor with no local actor of its
        // own document, so nothing is "taken" for it.
        let taken = std::mem::take(&mut self.taken);
        let res = self.resolve(tx, &local, local.keys());
        self.taken = taken;
        Ok(res?.0)
    }
}

fn insert_link(
    tx: &Transaction<'_>,
    link: &mut RawStatement<'_>,
    local: &mut LocalActorIds,
    doc: i64,
    a: &LocalActor<'_>,
    id: i64,
    matched: Option<&str>,
) -> Result<()> {
    // Most actors have no aliases; skip the serializer for them.
    let aliases = if a.aliases.is_empty() {
        std::borrow::Cow::Borrowed("[]")
    } else {
        std::borrow::Cow::Owned(serde_json::to_string(a.aliases).expect("strings serialize"))
    };
    let described = local.id(
        tx,
        &Description {
            name: a.name,
            kind: a.kind.as_str(),
            aliases: &aliases,
            part_of: a.part_of,
            matched_norm: matched,
        },
    )?;
    link.exec(&[
        Val::Int(doc),
        a.id.into(),
        Val::Int(id),
        Val::Int(described),
    ])
}

/// Writes names without a cache (refresh and unmerge, which are rare).
fn add_names(tx: &Transaction<'_>, id: i64, keys: &[(String, &str, bool, bool)]) -> Result<()> {
    let mut ins = tx.prepare_cached(
        "INSERT INTO actor_names (actor_id, norm, name, canonical, mergeable) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (actor_id, norm) DO UPDATE SET canonical = max(canonical, excluded.canonical),
         mergeable = max(mergeable, excluded.mergeable)",
    )?;
    for (norm, name, canonical, mergeable) in keys {
        ins.execute(params![id, norm, name, canonical, mergeable])?;
    }
    Ok(())
}

/// Sets an actor's parent unless it already has one (the earliest document
/// that says so wins).
pub(crate) fn set_part_of_if_unset(tx: &Transaction<'_>, id: i64, parent: i64) -> Result<()> {
    if id != parent {
        tx.prepare_cached("UPDATE actors SET part_of = ?2 WHERE id = ?1 AND part_of IS NULL")?
            .execute(params![id, parent])?;
    }
    Ok(())
}

/// Rebuilds an actor from its links: name and kind of the earliest link,
/// part_of from the earliest link that has one, names from all. An actor
/// without links is deleted (its children lose their parent).
pub(crate) fn refresh_actor(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let links: Vec<(i64, String, String, String, Option<String>)> = tx
        .prepare_cached(
            "SELECT document_id, local_name, local_kind, local_aliases, local_part_of FROM v_actor_links
             WHERE actor_id = ?1 ORDER BY document_id, local_id",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    tx.prepare_cached("DELETE FROM actor_names WHERE actor_id = ?1")?
        .execute([id])?;
    let Some(first) = links.first() else {
        tx.prepare_cached("UPDATE actors SET part_of = NULL WHERE part_of = ?1")?
            .execute([id])?;
        tx.prepare_cached("DELETE FROM actor_merge_blocks WHERE actor_id = ?1")?
            .execute([id])?;
        tx.prepare_cached("DELETE FROM actors WHERE id = ?1")?
            .execute([id])?;
        return Ok(());
    };
    let mut part_of = None;
    for (doc, name, kind, aliases, local_part_of) in &links {
        let aliases: Vec<String> = serde_json::from_str(aliases).unwrap_or_default();
        let kind = ActorKind::parse(kind).unwrap_or_default();
        let local = LocalActor {
            id: "",
            name,
            kind,
            aliases: &aliases,
            part_of: None,
        };
        add_names(tx, id, &local.keys())?;
        if part_of.is_none()
            && let Some(p) = local_part_of
        {
            part_of = tx
                .prepare_cached(
                    "SELECT actor_id FROM actor_links WHERE document_id = ?1 AND local_id = ?2",
                )?
                .query_row(params![doc, p], |r| r.get::<_, i64>(0))
                .optional()?
                .filter(|&p| p != id);
        }
    }
    let name = usual_name(links.iter().map(|l| l.1.as_str())).unwrap_or_else(|| first.1.clone());
    tx.prepare_cached(
        "UPDATE actors SET name = ?2, norm = ?3, kind = ?4, part_of = ?5 WHERE id = ?1",
    )?
    .execute(params![id, name, normalize_name(&name), first.2, part_of])?;
    Ok(())
}

/// The name an actor goes by, from its links' names in document order:
/// the one most documents give it (on a tie the one with more words, then
/// the earliest), so that one document's odd spelling or a stray word
/// glued to a name ("Year Barack Obama") does not name it everywhere.
pub(crate) fn usual_name<'a>(names: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for n in names {
        match seen.iter_mut().find(|(m, _)| *m == n) {
            Some((_, c)) => *c += 1,
            None => seen.push((n, 1)),
        }
    }
    // Earliest first among equals: `max_by_key` keeps the last maximum,
    // so the list is walked from its end.
    seen.iter()
        .rev()
        .max_by_key(|(n, c)| (*c, n.split_whitespace().count()))
        .map(|(n, _)| (*n).to_owned())
}

/// Renames each actor of `ids` to its [`usual_name`] over all its links
/// (an ingest adds links, so the usual name can change).
pub(crate) fn rename_to_usual(tx: &Transaction<'_>, ids: &[i64]) -> Result<()> {
    let mut names = tx.prepare_cached(
        "SELECT s.name FROM actor_links l JOIN local_actors s ON s.id = l.local_actor
         WHERE l.actor_id = ?1 ORDER BY l.document_id, l.local_id",
    )?;
    let mut current = tx.prepare_cached("SELECT name FROM actors WHERE id = ?1")?;
    let mut rename = tx.prepare_cached("UPDATE actors SET name = ?2, norm = ?3 WHERE id = ?1")?;
    for &id in ids {
        let all: Vec<String> = names
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let Some(usual) = usual_name(all.iter().map(String::as_str)) else {
            continue;
        };
        let now: String = current.query_row([id], |r| r.get(0))?;
        if now != usual {
            rename.execute(params![id, usual, normalize_name(&usual)])?;
        }
    }
    Ok(())
}

/// A stored actor, as a name lookup returns it.
#[derive(Debug, Clone, Serialize)]
pub struct ActorMatch {
    pub id: i64,
    pub name: String,
    pub kind: String,
    /// How many documents link to it.
    pub documents: i64,
}

/// What an unmerge did: for each document split off, the new actor.
#[derive(Debug, Clone, Serialize)]
pub struct UnmergeReport {
    pub actor: i64,
    pub name: String,
    pub split: Vec<SplitOff>,
}

/// One document's share of an actor, now an actor of its own.
#[derive(Debug, Clone, Serialize)]
pub struct SplitOff {
    pub document: String,
    pub new_actor: i64,
    pub name: String,
}

impl Store {
    /// Actors whose folded name or alias equals the folded `name`, or whose
    /// id is `name` when it is a number.
    pub fn find_actors(&self, name: &str) -> Result<Vec<ActorMatch>> {
        let id: Option<i64> = name.trim().parse().ok();
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.name, a.kind, (SELECT count(DISTINCT document_id) FROM actor_links l WHERE l.actor_id = a.id)
             FROM actors a WHERE a.id = ?1 OR a.id IN (SELECT actor_id FROM actor_names WHERE norm = ?2)
             ORDER BY a.id",
        )?;
        let rows = st.query_map(params![id, normalize_name(name)], |r| {
            Ok(ActorMatch {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                documents: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Undoes cross-document merges of actor `id`: the share of `document`
    /// (a document key), or when `None` the share of every document but the
    /// earliest, becomes an actor of its own, with the claims, chains,
    /// participations, relations and publisher references of that document
    /// moved to it. One transaction.
    pub fn unmerge(&mut self, id: i64, document: Option<&str>) -> Result<UnmergeReport> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let name: String = tx
            .query_row("SELECT name FROM actors WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no actor with id {id}")))?;
        let docs: Vec<(i64, String)> = tx
            .prepare(
                "SELECT DISTINCT l.document_id, d.key FROM actor_links l JOIN documents d ON d.id = l.document_id
                 WHERE l.actor_id = ?1 ORDER BY l.document_id",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if docs.len() < 2 {
            return Err(Error::NotFound(format!(
                "actor {id} ({name}) is not merged: only {} document links to it",
                docs.len()
            )));
        }
        let targets: Vec<(i64, String)> = match document {
            Some(key) => vec![
                docs.iter()
                    .find(|(_, k)| k == key)
                    .cloned()
                    .ok_or_else(|| {
                        Error::NotFound(format!(
                            "document `{key}` does not link to actor {id} ({name})"
                        ))
                    })?,
            ],
            None => docs[1..].to_vec(),
        };
        let mut split = Vec::new();
        for (doc, key) in &targets {
            let (local_name, kind): (String, String) = tx.query_row(
                "SELECT local_name, local_kind FROM v_actor_links WHERE actor_id = ?1 AND document_id = ?2
                 ORDER BY local_id LIMIT 1",
                params![id, doc],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            tx.execute(
                "INSERT INTO actors (name, norm, kind) VALUES (?1, ?2, ?3)",
                params![local_name, normalize_name(&local_name), kind],
            )?;
            let new = tx.last_insert_rowid();
            const MOVE: &[&str] = &[
                "UPDATE claims SET claimant_id = ?3 WHERE document_id = ?2 AND claimant_id = ?1",
                "UPDATE claim_via SET actor_id = ?3 WHERE actor_id = ?1
                 AND claim_id IN (SELECT id FROM claims WHERE document_id = ?2)",
                "UPDATE claim_about SET actor_id = ?3 WHERE actor_id = ?1
                 AND claim_id IN (SELECT id FROM claims WHERE document_id = ?2)",
                "UPDATE event_participants SET actor_id = ?3 WHERE actor_id = ?1
                 AND event_id IN (SELECT id FROM events WHERE document_id = ?2)",
                "UPDATE relations SET source_id = ?3 WHERE document_id = ?2 AND source_id = ?1",
                "UPDATE relations SET target_id = ?3 WHERE document_id = ?2 AND target_id = ?1",
                "UPDATE documents SET publisher_id = ?3 WHERE id = ?2 AND publisher_id = ?1",
            ];
            // Every name this document's share was known by stays apart
            // from the actor in a later version of the document.
            let shares: Vec<(String, String, String)> = tx
                .prepare(
                    "SELECT local_name, local_kind, local_aliases FROM v_actor_links
                     WHERE actor_id = ?1 AND document_id = ?2",
                )?
                .query_map(params![id, doc], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (name, kind, aliases) in &shares {
                let aliases: Vec<String> = serde_json::from_str(aliases).unwrap_or_default();
                let local = LocalActor {
                    id: "",
                    name,
                    kind: ActorKind::parse(kind).unwrap_or_default(),
                    aliases: &aliases,
                    part_of: None,
                };
                for k in local.name_keys() {
                    tx.execute(
                        "INSERT OR IGNORE INTO actor_merge_blocks (document_id, actor_id, norm)
                         VALUES (?1, ?2, ?3)",
                        params![doc, id, k.norm],
                    )?;
                }
            }
            // The links move to the new actor as links that created it: the
            // same descriptions without the name they merged through.
            let moved: Vec<(String, [String; 4])> = tx
                .prepare(
                    "SELECT l.local_id, s.name, s.kind, s.aliases, s.part_of FROM actor_links l
                     JOIN local_actors s ON s.id = l.local_actor WHERE l.document_id = ?2 AND l.actor_id = ?1",
                )?
                .query_map(params![id, doc], |r| {
                    Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (local_id, [n, k, al, p]) in &moved {
                let described = local_actors::find_or_insert(&tx, [n, k, al, p, ""])?;
                tx.execute(
                    "UPDATE actor_links SET actor_id = ?3, local_actor = ?4 WHERE document_id = ?1 AND local_id = ?2",
                    params![doc, local_id, new, described],
                )?;
            }
            for sql in MOVE {
                tx.execute(sql, params![id, doc, new])?;
            }
            split.push(SplitOff {
                document: key.clone(),
                new_actor: new,
                name: local_name,
            });
        }
        // Names and parents follow the links: rebuild the actor, the new
        // actors, and every actor of the split documents (their part_of may
        // now resolve to a new actor).
        let mut touched: Vec<i64> = vec![id];
        {
            let mut st =
                tx.prepare("SELECT DISTINCT actor_id FROM actor_links WHERE document_id = ?1")?;
            for (doc, _) in &targets {
                for a in st.query_map([doc], |r| r.get::<_, i64>(0))? {
                    touched.push(a?);
                }
            }
        }
        touched.sort_unstable();
        touched.dedup();
        for a in touched {
            refresh_actor(&tx, a)?;
        }
        tx.commit()?;
        Ok(UnmergeReport {
            actor: id,
            name,
            split,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Actor, ActorKind, Bundle, Document};
    use crate::store::Store;

    #[test]
    fn an_actor_goes_by_the_name_most_documents_give_it() {
        use super::usual_name;
        let names = ["Year Barack Obama", "Barack Obama", "Obama", "Barack Obama"];
        assert_eq!(
            usual_name(names.into_iter()).as_deref(),
            Some("Barack Obama")
        );
        // A tie goes to more words, then to the earliest.
        assert_eq!(
            usual_name(["Obama", "Barack Obama"].into_iter()).as_deref(),
            Some("Barack Obama")
        );
        assert_eq!(
            usual_name(["Marta Voss", "Henrik Voss"].into_iter()).as_deref(),
            Some("Marta Voss")
        );
        assert_eq!(usual_name(std::iter::empty()), None);
    }

    fn doc(id: &str, actors: &[(&str, ActorKind, &[&str])]) -> Bundle {
        Bundle {
            document: Document {
                id: id.into(),
                published: "2022-01-01".parse().unwrap(),
                ..Default::default()
            },
            actors: actors
                .iter()
                .enumerate()
                .map(|(i, (name, kind, aliases))| Actor {
                    id: format!("a{i}"),
                    name: (*name).into(),
                    kind: *kind,
                    aliases: aliases.iter().map(|a| (*a).into()).collect(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn actors(store: &Store) -> i64 {
        store.stats().unwrap().actors
    }

    #[test]
    fn shared_surnames_do_not_join_people_but_abbreviations_join_countries() {
        use ActorKind::{Country, Person};
        let mut s = Store::open_in_memory().unwrap();
        let docs = [
            doc(
                "1",
                &[
                    ("Joe Biden", Person, &["Biden"]),
                    ("United States", Country, &["U.S."]),
                ],
            ),
            doc(
                "2",
                &[
                    ("Hunter Biden", Person, &["Biden"]),
                    ("USA", Country, &["US"]),
                ],
            ),
        ];
        s.ingest(&docs, &mut |_| {}).unwrap();
        assert_eq!(actors(&s), 3, "Hunter is not Joe; USA is the United States");
        // A bare "Biden" as a canonical name joins the earliest Biden.
        s.ingest([doc("3", &[("Biden", Person, &[])])], &mut |_| {})
            .unwrap();
        assert_eq!(actors(&s), 3);
        let joe: i64 = s
            .conn()
            .query_row(
                "SELECT actor_id FROM actor_links l JOIN documents d ON d.id = l.document_id WHERE d.key = '3'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(s.find_actors("Joe Biden").unwrap()[0].id, joe);
    }

    #[test]
    fn kinds_and_generic_names_keep_actors_apart() {
        use ActorKind::{Anonymous, Country, Government, Person};
        let mut s = Store::open_in_memory().unwrap();
        let docs = [
            doc(
                "1",
                &[
                    ("Ukraine", Country, &[]),
                    ("officials", Anonymous, &[]),
                    ("the president", Person, &[]),
                ],
            ),
            doc(
                "2",
                &[
                    ("Ukraine", Government, &[]),
                    ("officials", Anonymous, &[]),
                    ("The President", Person, &[]),
                ],
            ),
            doc("3", &[("UKRAINE", Country, &[])]),
        ];
        s.ingest(&docs, &mut |_| {}).unwrap();
        // Ukraine the country merges with UKRAINE; everything else stays apart.
        assert_eq!(actors(&s), 6);
        assert_eq!(s.stats().unwrap().merged_actors, 1);
    }
}
