//! Plain data: documents, actors, events, claims, relations, time values and
//! quantities. No I/O lives here; every other module speaks these types.
//!
//! The [`Bundle`] is the interchange format: what `extract --format json`
//! prints and what `ingest` reads, one bundle per document. Ids inside a
//! bundle (`a1`, `e1`, `c1`) are local to that bundle; the store maps them
//! to global ids and merges actors across documents.

mod quantity;
mod time;

pub use quantity::Quantity;
pub use time::{Granularity, Modifier, TimeValue, Timex, TimexType, impossible_calendar_date};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One article and everything extracted from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    /// The article the facts come from.
    pub document: Document,
    /// Actors mentioned in the article; referenced by their local `id`.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Events the article reports.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Attributed claims: who said what, through whom.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Typed relations between actors.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Every temporal expression found in the text.
    #[serde(default)]
    pub timexes: Vec<Timex>,
}

/// A news article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id. When absent on ingest it is derived from the content
    /// (see [`Document::derive_id`]), so the same article always gets the same id.
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet that published the article ("Reuters", "CNN").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date (`YYYY-MM-DD`): the anchor for relative dates and the
    /// clock `--as-of` filters on.
    pub published: chrono::NaiveDate,
    /// When chronograph recorded the document (RFC 3339); set by the store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<String>,
    /// Hash of the article text the facts were extracted from, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
}

impl Document {
    /// A content-derived id: `doc-` and 16 hex digits of a 64-bit FNV-1a hash
    /// over the given parts (publisher, published date, title, text...).
    pub fn derive_id<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
        format!("doc-{:016x}", fnv1a(parts))
    }
}

/// 64-bit FNV-1a over the parts, with a separator byte between them so that
/// ("ab","c") and ("a","bc") differ. Stable across platforms and releases,
/// which a std `Hasher` is not.
pub fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// What sort of actor a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    #[default]
    Organization,
    Government,
    Country,
    Media,
    Group,
    Place,
    /// An unnamed source ("an unnamed administration official", "analysts").
    Anonymous,
}

impl ActorKind {
    /// The snake_case name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Government => "government",
            ActorKind::Country => "country",
            ActorKind::Media => "media",
            ActorKind::Group => "group",
            ActorKind::Place => "place",
            ActorKind::Anonymous => "anonymous",
        }
    }

    /// Parses the snake_case name; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "person" => ActorKind::Person,
            "organization" => ActorKind::Organization,
            "government" => ActorKind::Government,
            "country" => ActorKind::Country,
            "media" => ActorKind::Media,
            "group" => ActorKind::Group,
            "place" => ActorKind::Place,
            "anonymous" => ActorKind::Anonymous,
            _ => return None,
        })
    }
}

/// A person, organisation, government, country, outlet, group, place or
/// anonymous source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Local id within the bundle (`a1`).
    pub id: String,
    /// Canonical name ("Joe Biden").
    pub name: String,
    pub kind: ActorKind,
    /// Other names used for the same actor ("Biden", "the president").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Local id of the actor this one belongs to (a minister to a government,
    /// a government to a country, an anonymous official to an administration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// Where the actor is mentioned, first mention first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Evidence>,
}

/// Whether an event has happened, is under way, is scheduled or is foreseen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    #[default]
    Occurred,
    Ongoing,
    Planned,
    Predicted,
    /// Conditional or hypothetical ("if Russia invades").
    Hypothetical,
    /// Reported and denied ("denied it is planning an attack").
    Denied,
}

impl EventStatus {
    /// The snake_case name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Occurred => "occurred",
            EventStatus::Ongoing => "ongoing",
            EventStatus::Planned => "planned",
            EventStatus::Predicted => "predicted",
            EventStatus::Hypothetical => "hypothetical",
            EventStatus::Denied => "denied",
        }
    }

    /// Parses the snake_case name; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "occurred" => EventStatus::Occurred,
            "ongoing" => EventStatus::Ongoing,
            "planned" => EventStatus::Planned,
            "predicted" => EventStatus::Predicted,
            "hypothetical" => EventStatus::Hypothetical,
            "denied" => EventStatus::Denied,
            _ => return None,
        })
    }
}

/// Whether the clause a fact comes from asserts it, and if not, how it
/// stands: negated, only conditional, feared, foreseen, intended, asked
/// for, asked about or denied. Read from the cue words of the clause that
/// governs the fact's trigger; a view shows asserted facts unless asked.
/// In the interchange JSON the field is left out when asserted (the
/// default), so bundles of plain facts read and hash as before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Factuality {
    /// Told as a fact ("Russia massed troops").
    #[default]
    Asserted,
    /// Said not to hold ("Russia did not invade").
    Negated,
    /// Conditional ("if Russia invades", "should it attack", "would ... if").
    Hypothetical,
    /// Feared or warned of ("fears that Russia could invade", "the risk of war").
    Feared,
    /// Foreseen ("will", "expected to", "could", "may", "likely").
    Predicted,
    /// Intended or scheduled ("plans to", "is set to", "scheduled").
    Planned,
    /// Proposed, demanded or urged ("called for sanctions").
    Proposed,
    /// Asked about ("asked whether Russia would invade").
    Questioned,
    /// Reported and denied ("denied claims that it plans an attack").
    Denied,
}

impl Factuality {
    /// Every value, asserted first.
    pub const ALL: [Factuality; 9] = [
        Factuality::Asserted,
        Factuality::Negated,
        Factuality::Hypothetical,
        Factuality::Feared,
        Factuality::Predicted,
        Factuality::Planned,
        Factuality::Proposed,
        Factuality::Questioned,
        Factuality::Denied,
    ];

    /// The snake_case name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Factuality::Asserted => "asserted",
            Factuality::Negated => "negated",
            Factuality::Hypothetical => "hypothetical",
            Factuality::Feared => "feared",
            Factuality::Predicted => "predicted",
            Factuality::Planned => "planned",
            Factuality::Proposed => "proposed",
            Factuality::Questioned => "questioned",
            Factuality::Denied => "denied",
        }
    }

    /// Parses the snake_case name; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        Factuality::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Whether the fact is told as holding.
    pub fn is_asserted(&self) -> bool {
        *self == Factuality::Asserted
    }

    /// The event status that follows from this factuality: an asserted
    /// event has occurred (or is under way, which the tense tells), a
    /// negated or denied one is denied, a feared one is foreseen, a
    /// proposed one is intended by whoever asks for it, and one asked
    /// about is no more than a supposition.
    pub fn event_status(self, ongoing: bool) -> EventStatus {
        match self {
            Factuality::Asserted if ongoing => EventStatus::Ongoing,
            Factuality::Asserted => EventStatus::Occurred,
            Factuality::Negated | Factuality::Denied => EventStatus::Denied,
            Factuality::Hypothetical | Factuality::Questioned => EventStatus::Hypothetical,
            Factuality::Feared | Factuality::Predicted => EventStatus::Predicted,
            Factuality::Planned | Factuality::Proposed => EventStatus::Planned,
        }
    }
}

/// A set of factuality values a view shows: asserted facts alone by
/// default, any list of values, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FactualityFilter(u16);

impl Default for FactualityFilter {
    fn default() -> Self {
        FactualityFilter::ASSERTED
    }
}

impl FactualityFilter {
    /// Asserted facts only (the default of every view).
    pub const ASSERTED: FactualityFilter = FactualityFilter(1);
    /// Every fact, whatever its factuality.
    pub const ALL: FactualityFilter = FactualityFilter((1 << Factuality::ALL.len()) - 1);

    /// Whether facts of factuality `f` are shown.
    pub fn admits(self, f: Factuality) -> bool {
        self.0 & (1 << f as u16) != 0
    }

    /// The set as bits, one per value in the order of [`Factuality::ALL`].
    pub fn bits(self) -> u16 {
        self.0
    }

    /// Whether every factuality is shown.
    pub fn is_all(self) -> bool {
        self == FactualityFilter::ALL
    }

    /// The values shown, asserted first.
    pub fn values(self) -> impl Iterator<Item = Factuality> {
        Factuality::ALL.into_iter().filter(move |f| self.admits(*f))
    }

    /// Parses `all` or a comma-separated list of values (`asserted,planned`);
    /// `Err` names the first value that is not a factuality.
    pub fn parse(s: &str) -> Result<FactualityFilter, String> {
        let mut bits = 0u16;
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part == "all" {
                return Ok(FactualityFilter::ALL);
            }
            let f = Factuality::parse(part).ok_or_else(|| {
                let names: Vec<&str> = Factuality::ALL.iter().map(|f| f.as_str()).collect();
                format!(
                    "unknown factuality {part:?} (expected all or {})",
                    names.join(", ")
                )
            })?;
            bits |= 1 << f as u16;
        }
        if bits == 0 {
            return Err("empty factuality list".to_owned());
        }
        Ok(FactualityFilter(bits))
    }
}

/// Something that happened or is expected to: a meeting, a call, a troop
/// movement, a seizure, a sanction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Local id within the bundle (`e1`).
    pub id: String,
    /// Open vocabulary, snake_case: `meeting`, `call`, `statement`, `threat`,
    /// `sanction`, `military_buildup`, `exercise`, `withdrawal`, `seizure`,
    /// `attack`, `invasion`, `protest`, `election`, `war`, ...
    pub kind: String,
    /// A short human-readable description.
    pub label: String,
    /// When it happens (valid time).
    #[serde(default)]
    pub time: Option<TimeValue>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub status: EventStatus,
    /// How the text tells of it; `status` follows from it.
    #[serde(default, skip_serializing_if = "Factuality::is_asserted")]
    pub factuality: Factuality,
    pub evidence: Evidence,
}

/// An actor's part in an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Local actor id.
    pub actor: String,
    /// `participant`, `agent`, `target`, `host`, `speaker`, ...
    #[serde(default = "default_role")]
    pub role: String,
}

fn default_role() -> String {
    "participant".to_owned()
}

/// Whether a claim asserts or denies its statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    #[default]
    Affirm,
    Deny,
}

impl Polarity {
    /// The snake_case name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Affirm => "affirm",
            Polarity::Deny => "deny",
        }
    }
}

/// The speech act behind a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    #[default]
    Assertion,
    Estimate,
    Prediction,
    Warning,
    Threat,
    Demand,
    Accusation,
    // A state of mind attributed to the claimant: what it believes, hopes,
    // knows or plans ("Putin believes", "officials hope"). A plain comment:
    // the schema keeps its one-line enum of names.
    Belief,
}

impl Modality {
    /// The snake_case name used in JSON and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Assertion => "assertion",
            Modality::Estimate => "estimate",
            Modality::Prediction => "prediction",
            Modality::Warning => "warning",
            Modality::Threat => "threat",
            Modality::Demand => "demand",
            Modality::Accusation => "accusation",
            Modality::Belief => "belief",
        }
    }
}

/// Who said what, when, through whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Local id within the bundle (`c1`).
    pub id: String,
    /// Local actor id of whoever made the claim.
    pub claimant: String,
    /// The reporting chain between the document and the claimant, nearest to
    /// the document first: in "Reuters quoted an official as saying ...",
    /// `via` is `[Reuters]` and the claimant is the official.
    #[serde(default)]
    pub via: Vec<String>,
    /// The thing counted or asserted, normalised so that claims from
    /// different sources compare ("russian troops near ukraine border").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// What is claimed, in words.
    pub statement: String,
    #[serde(default)]
    pub quantity: Option<Quantity>,
    #[serde(default)]
    pub polarity: Polarity,
    #[serde(default)]
    pub modality: Modality,
    /// How the content stands in the claimant's words: asserted, predicted,
    /// feared, proposed, denied, ...
    #[serde(default, skip_serializing_if = "Factuality::is_asserted")]
    pub factuality: Factuality,
    /// When the claimant said it (stated time).
    #[serde(default)]
    pub stated: Option<TimeValue>,
    /// When the claimed fact holds (valid time).
    #[serde(default)]
    pub valid: Option<TimeValue>,
    /// Local ids of actors or events the claim is about.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    pub evidence: Evidence,
}

/// A typed, dated link between two actors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Local actor id of the source.
    pub source: String,
    /// `supports`, `opposes`, `fights`, `meets`, `threatens`, `sanctions`,
    /// `seized`, `occupies`, `member_of`, `allied_with`, ...
    pub kind: String,
    /// Local actor id of the target.
    pub target: String,
    #[serde(default)]
    pub time: Option<TimeValue>,
    /// How the text tells of it: a relation from "if Russia invades" is
    /// hypothetical, never a plain fact.
    #[serde(default, skip_serializing_if = "Factuality::is_asserted")]
    pub factuality: Factuality,
    pub evidence: Evidence,
}

/// Where in the document a fact comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// UTF-8 byte offset where the evidence starts (inclusive).
    #[serde(default)]
    pub start: usize,
    /// UTF-8 byte offset where the evidence ends (exclusive).
    #[serde(default)]
    pub end: usize,
    /// The sentence (or span) the fact was read from.
    #[serde(default)]
    pub text: String,
    /// The extraction rule that produced the fact; `None` for facts made
    /// elsewhere (an LLM pipeline, an analyst).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}
