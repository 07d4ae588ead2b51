//! The petgraph view of the store: documents, actors, events and claims as
//! nodes, typed edges between them. Built from the store in one pass; the
//! store stays the source of truth.
