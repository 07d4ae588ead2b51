//! What `sources` reads of a claim: its chain, the same claim elsewhere,
//! and the brief of every candidate that may back or dispute it.

use super::*;

/// Claims that may be about the same thing as `claim`: those sharing one of
/// its targets when it has any, else those with the same unit (or, for claims
/// without a figure, every other claim without one). Candidates for
/// corroboration and dispute, so that `sources` never reads the whole store.
pub fn related_claim_ids(conn: &Connection, claim: &ClaimRow) -> Result<Vec<i64>> {
    let mut ids: Vec<i64> = Vec::new();
    let mut push = |sql: &str, v: Value| -> Result<()> {
        let mut stmt = conn.prepare_cached(sql)?;
        for r in stmt.query_map([v], |r| r.get(0))? {
            ids.push(r?);
        }
        Ok(())
    };
    if claim.about_actors.is_empty() && claim.about_events.is_empty() {
        match claim.quantity.as_ref().and_then(|q| q.unit.clone()) {
            Some(u) => push("SELECT id FROM claims WHERE q_unit = ?1", Value::Text(u))?,
            None => push(
                "SELECT id FROM claims WHERE q_value IS NULL AND q_lower IS NULL AND q_upper IS NULL AND ?1",
                Value::Integer(1),
            )?,
        }
    } else {
        for a in &claim.about_actors {
            push(
                "SELECT claim_id FROM claim_about WHERE actor_id = ?1",
                Value::Integer(a.id),
            )?;
        }
        for &e in &claim.about_events {
            push(
                "SELECT claim_id FROM claim_about WHERE event_id = ?1",
                Value::Integer(e),
            )?;
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// What `sources` weighs of a candidate claim before reading it whole.
#[derive(Debug, Clone)]
pub struct ClaimBrief {
    /// Store id.
    pub id: i64,
    /// Claimant actor id.
    pub claimant: i64,
    /// The subject, else the statement when the subject is blank.
    pub subject: String,
    /// The unit column as stored (also when the claim states no figure).
    pub unit: Option<String>,
    /// The figure, when the claim states one.
    pub quantity: Option<Quantity>,
    /// `affirm` or `deny`.
    pub polarity: String,
    /// How the content stands (a feared figure neither backs nor disputes
    /// an asserted one).
    pub factuality: Factuality,
    /// The days the claim's content holds, as days from the common era:
    /// its valid time, else its stated time, else the publication date.
    pub days: (i32, i32),
}

/// The columns a [`ClaimBrief`] is read from (claims `c` joined to
/// documents `d`), in the order [`brief_at`] reads them.
pub(super) const BRIEF_COLS: &str = "c.id, c.claimant_id,
    CASE WHEN c.subject IS NULL OR trim(c.subject) = '' THEN c.statement ELSE c.subject END,
    c.q_value, c.q_lower, c.q_upper, c.q_unit, c.q_approximate, c.q_vague, c.q_lower_open,
    c.q_upper_open, c.polarity, c.factuality, c.valid_start, c.valid_end, c.stated_start,
    c.stated_end, d.published";

pub(super) fn brief_at(r: &Row) -> rusqlite::Result<ClaimBrief> {
    use chrono::Datelike;
    let published = day(r.get(17)?).unwrap_or_default();
    let (a, b) = span(r.get(13)?, r.get(14)?)
        .or(span(r.get(15)?, r.get(16)?))
        .unwrap_or((published, published));
    Ok(ClaimBrief {
        id: r.get(0)?,
        claimant: r.get(1)?,
        subject: r.get(2)?,
        quantity: quantity_at(r, 3)?,
        unit: r.get(6)?,
        polarity: r.get(11)?,
        factuality: factuality_at(r, 12)?,
        days: (a.num_days_from_ce(), b.num_days_from_ce()),
    })
}

/// [`ClaimBrief`]s of many claims, in chunks of ids (in no particular order).
pub fn claim_briefs(conn: &Connection, ids: &[i64]) -> Result<Vec<ClaimBrief>> {
    let mut out = Vec::with_capacity(ids.len());
    by_chunks(
        conn,
        &format!(
            "SELECT {BRIEF_COLS} FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id IN"
        ),
        "",
        ids,
        |r| {
            out.push(brief_at(r)?);
            Ok(())
        },
    )?;
    Ok(out)
}

/// The attribution chain of one claim in one indexed lookup: claimant,
/// first intermediary, document and outlet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChainRow {
    pub claim: i64,
    pub claimant: ActorRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<ActorRef>,
    pub document: DocRef,
}

/// The [`ChainRow`] of a claim, `None` when there is no such claim.
pub fn chain_row(conn: &Connection, claim: i64) -> Result<Option<ChainRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, a.id, a.name, a.kind, v.id, v.name, v.kind, {DOC_COLS}
         FROM claims c JOIN actors a ON a.id = c.claimant_id JOIN documents d ON d.id = c.document_id
         LEFT JOIN claim_via cv ON cv.claim_id = c.id AND cv.position = 0
         LEFT JOIN actors v ON v.id = cv.actor_id
         WHERE c.id = ?1"
    ))?;
    Ok(stmt
        .query_row([claim], |r| {
            let via = match r.get::<_, Option<i64>>(4)? {
                Some(id) => Some(ActorRef {
                    id,
                    name: r.get(5)?,
                    kind: r.get(6)?,
                }),
                None => None,
            };
            Ok(ChainRow {
                claim: r.get(0)?,
                claimant: actor_ref_at(r, 1)?,
                via,
                document: doc_at(r, 7)?,
            })
        })
        .optional()?)
}

/// Claims by the same claimant with the same statement (case-insensitive;
/// for a figure, counting the same unit: one sentence can give two figures)
/// or, when the claim has a subject and a figure, the same subject and
/// figure: the same claim in other documents.
pub fn same_claim_ids(conn: &Connection, claim: &ClaimRow) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id FROM claims c
         WHERE c.claimant_id = ?3
           AND ((lower(c.statement) = lower(?1) AND (?7 IS NULL OR c.q_unit IS ?7))
                OR (?2 IS NOT NULL AND c.subject = ?2 AND c.q_value IS ?4 AND c.q_lower IS ?5 AND c.q_upper IS ?6))
         ORDER BY c.id",
    )?;
    let q = claim.quantity.as_ref();
    let has_figure = q.is_some_and(|q| q.value.is_some() || q.lower.is_some() || q.upper.is_some());
    let subject = if has_figure {
        claim.subject.as_deref()
    } else {
        None
    };
    let ids = stmt
        .query_map(
            params![
                claim.statement,
                subject,
                claim.claimant.id,
                q.and_then(|q| q.value),
                q.and_then(|q| q.lower),
                q.and_then(|q| q.upper),
                q.filter(|_| has_figure).and_then(|q| q.unit.as_deref())
            ],
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}
