//! Integration tests: timex.
