//! Output formats, one file per format: tables, JSON, CSV, Markdown,
//! TimelineJS, iCalendar, HTML, DOT, GraphML, Cypher.
