//! The bundle hash: a serde serializer that feeds every value straight into
//! a 64-bit word hash, with no JSON text in between.
//!
//! Re-serialising each bundle to JSON only to hash the bytes cost about a
//! tenth of a bulk ingest (string escaping, float and date formatting, a
//! buffer per bundle). Here integers and floats are hashed as words, strings
//! as a length and their bytes eight at a time, and the shape of the value
//! (option tags, sequence lengths, skipped struct fields, enum variants) as
//! words too, so that two different values cannot feed the same stream.

use serde::ser::{self, Serialize};
use std::fmt;

/// FxHash's mixing step over 64-bit words; finished with SplitMix64. Stable
/// across platforms and releases (stored hashes need that), unlike std's.
pub(crate) struct WordHasher {
    h: u64,
}

const K: u64 = 0x517c_c1b7_2722_0a95;

impl WordHasher {
    pub fn new() -> Self {
        WordHasher {
            h: 0xcbf2_9ce4_8422_2325,
        }
    }

    #[inline]
    pub fn word(&mut self, w: u64) {
        self.h = (self.h.rotate_left(5) ^ w).wrapping_mul(K);
    }

    /// A byte string, prefixed by its length so that concatenations differ.
    #[inline]
    pub fn bytes(&mut self, b: &[u8]) {
        self.word(b.len() as u64);
        let mut words = b.chunks_exact(8);
        for w in &mut words {
            self.word(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.word(u64::from_le_bytes(last));
        }
    }

    pub fn finish(&self) -> u64 {
        let mut h = self.h;
        h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        h ^ (h >> 31)
    }
}

/// Hashes any serializable value.
pub(crate) fn hash_value<T: Serialize + ?Sized>(v: &T) -> u64 {
    let mut h = WordHasher::new();
    v.serialize(&mut h).expect("hashing never fails");
    h.finish()
}

// Tags that separate the shapes of values; any distinct constants do.
const NONE: u64 = 0x6e6f_6e65;
const SOME: u64 = 0x736f_6d65;
const UNIT: u64 = 0x756e_6974;
const SKIPPED: u64 = 0x736b_6970;
const END: u64 = 0x656e_6421;

/// Never produced: hashing cannot fail.
#[derive(Debug)]
pub(crate) struct Never;

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("hashing failed")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Never
    }
}

/// Writes `collect_str` output (dates) into the hasher without a String.
struct StrSink<'a> {
    h: &'a mut WordHasher,
    buf: [u8; 32],
    len: usize,
}

impl fmt::Write for StrSink<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &b in s.as_bytes() {
            if self.len == self.buf.len() {
                self.h.bytes(&self.buf);
                self.len = 0;
            }
            self.buf[self.len] = b;
            self.len += 1;
        }
        Ok(())
    }
}

impl ser::Serializer for &mut WordHasher {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> Result<(), Never> {
        self.word(u64::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Never> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Never> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Never> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Never> {
        self.word(v as u64);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Never> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Never> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Never> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Never> {
        self.word(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Never> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Never> {
        // -0.0 and 0.0 print the same in JSON, so they hash the same.
        self.word(if v == 0.0 { 0 } else { v.to_bits() });
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Never> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Never> {
        self.bytes(v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Never> {
        self.bytes(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        self.word(NONE);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Never> {
        self.word(SOME);
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        self.word(UNIT);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Never> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, i: u32, _: &'static str) -> Result<(), Never> {
        self.word(u64::from(i));
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        self.word(u64::from(i));
        v.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Never> {
        // Without a length up front, an end marker closes the sequence.
        self.word(len.map_or(u64::MAX, |n| n as u64));
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        self.word(u64::from(i));
        Ok(self)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, Never> {
        self.word(len.map_or(u64::MAX, |n| n as u64));
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        i: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        self.word(u64::from(i));
        Ok(self)
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, v: &T) -> Result<(), Never> {
        use fmt::Write;
        let mut sink = StrSink {
            h: self,
            buf: [0; 32],
            len: 0,
        };
        write!(sink, "{v}").expect("formatting into a hasher");
        let (buf, len) = (sink.buf, sink.len);
        self.bytes(&buf[..len]);
        self.word(END);
        Ok(())
    }
}

impl ser::SerializeSeq for &mut WordHasher {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        self.word(END);
        Ok(())
    }
}

impl ser::SerializeTuple for &mut WordHasher {
    type Ok = ();
    type Error = Never;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for &mut WordHasher {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

impl ser::SerializeTupleVariant for &mut WordHasher {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

impl ser::SerializeMap for &mut WordHasher {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Never> {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
        v.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Never> {
        self.word(END);
        Ok(())
    }
}

// Struct fields come in declaration order, so their names need no hashing;
// a field left out by `skip_serializing_if` leaves a marker in its place.
impl ser::SerializeStruct for &mut WordHasher {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(&mut **self)
    }
    fn skip_field(&mut self, _: &'static str) -> Result<(), Never> {
        self.word(SKIPPED);
        Ok(())
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

impl ser::SerializeStructVariant for &mut WordHasher {
    type Ok = ();
    type Error = Never;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(&mut **self)
    }
    fn skip_field(&mut self, _: &'static str) -> Result<(), Never> {
        self.word(SKIPPED);
        Ok(())
    }
    fn end(self) -> Result<(), Never> {
        Ok(())
    }
}

/// FxHash for the in-memory maps of an ingest (names, local ids, actor
/// ids): std's SipHash guards against adversarial keys, which these maps do
/// not face, at several times the cost per lookup.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastBuild;

impl std::hash::BuildHasher for FastBuild {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(0)
    }
}

/// The hasher of [`FastBuild`].
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.write_u64(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(last));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.write_u64(i.into());
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i.into());
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(K);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // The table takes its control bits from the top: fold the well-mixed
        // high half of the last product down and back up.
        let h = self.0;
        (h ^ (h >> 32)).wrapping_mul(K)
    }
}

/// A `HashMap` with [`FastBuild`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, FastBuild>;
/// A `HashSet` with [`FastBuild`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, FastBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    #[derive(Serialize)]
    struct S {
        #[serde(skip_serializing_if = "Option::is_none")]
        a: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        b: Option<String>,
        v: Vec<String>,
    }

    fn s(a: Option<&str>, b: Option<&str>, v: &[&str]) -> u64 {
        hash_value(&S {
            a: a.map(Into::into),
            b: b.map(Into::into),
            v: v.iter().map(|x| (*x).into()).collect(),
        })
    }

    #[test]
    fn shapes_do_not_collide() {
        assert_eq!(s(Some("x"), None, &[]), s(Some("x"), None, &[]));
        assert_ne!(s(Some("x"), None, &[]), s(None, Some("x"), &[]));
        assert_ne!(s(None, None, &["ab", "c"]), s(None, None, &["a", "bc"]));
        assert_ne!(s(None, None, &["", ""]), s(None, None, &[""]));
        assert_ne!(s(None, None, &["12345678"]), s(None, None, &["12345678\0"]));
        assert_ne!(hash_value(&Some(0u64)), hash_value(&None::<u64>));
        assert_eq!(hash_value(&0.0f64), hash_value(&-0.0f64));
        assert_ne!(hash_value(&1.0f64), hash_value(&1.5f64));
    }

    #[test]
    fn dates_hash_by_their_text() {
        let d: chrono::NaiveDate = "2021-12-04".parse().unwrap();
        let e: chrono::NaiveDate = "2021-12-05".parse().unwrap();
        assert_ne!(hash_value(&d), hash_value(&e));
        assert_eq!(hash_value(&d), hash_value(&d));
    }
}
