//! Reads people come for: timelines, claims and their attribution chains,
//! conflicting claims, actor relations, neighbourhoods and paths.
