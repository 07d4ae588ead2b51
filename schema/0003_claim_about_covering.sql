-- chronograph schema, version 3: the claims about an actor or an event, read from
-- the index alone.
--
-- `sources` and `conflicts` look up every claim about the same actor or
-- event; for a much-discussed subject that is tens of thousands of rows. With
-- the claim id inside the index, SQLite answers from the index and does not
-- visit each `claim_about` row (about half of `sources`' time at 10^6 claims).
-- Same names as before, so the bulk writer's deferred-index list still holds.

DROP INDEX IF EXISTS claim_about_actor;
CREATE INDEX claim_about_actor ON claim_about(actor_id, claim_id);
DROP INDEX IF EXISTS claim_about_event;
CREATE INDEX claim_about_event ON claim_about(event_id, claim_id);
