//! The model file: versioned, little-endian, checksummed, and validated before any
//! allocation sized by the file, so a truncated, corrupt or hostile file is an error.
//!
//! ```text
//! magic "RTXNER\r\n" | version u32 | label count u32 | per label: length u16, UTF-8 name
//! | hash bits u32 | temperature f32 | pass count u32 (1 or 2)
//! | per pass: scale f32 | stored rows u32 | transitions (tags + 1) * tags f32
//! |           row bitmap (1 << bits) / 8 bytes | stored rows * tags i16 (non-zero rows)
//! | checksum u64
//! ```
//! The checksum is `hashing::finish(hashing::bytes(..))` of everything before it.

use super::hashing;
use super::model::{tag_count, Model, Pass};
use super::Label;

const MAGIC: &[u8; 8] = b"RTXNER\r\n";
/// Bumped whenever the layout, the features or the hash function change.
pub const VERSION: u32 = 1;
pub const MAX_LABELS: usize = 32;
const MAX_LABEL_BYTES: usize = 256;
const MIN_BITS: u32 = 10;
const MAX_BITS: u32 = 24;
const MAX_PASSES: usize = 2;
/// The expanded weight table may not exceed this, whatever the file claims.
const MAX_TABLE_BYTES: usize = 1 << 30;

#[derive(Debug, Clone, PartialEq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid model file: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

/// The checksum stored at the end of a file, over every byte before it.
pub fn checksum(body: &[u8]) -> u64 {
    hashing::finish(hashing::bytes(body))
}

fn bad(msg: impl Into<String>) -> FormatError {
    FormatError(msg.into())
}

/// The file bytes of `model`.
pub fn to_bytes(model: &Model) -> Vec<u8> {
    let tags = model.tags();
    let rows = 1usize << model.bits;
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(model.labels.len() as u32).to_le_bytes());
    for l in &model.labels {
        let name = l.as_str().as_bytes();
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(name);
    }
    out.extend_from_slice(&model.bits.to_le_bytes());
    out.extend_from_slice(&model.temperature.to_le_bytes());
    out.extend_from_slice(&(model.passes.len() as u32).to_le_bytes());
    for pass in &model.passes {
        out.extend_from_slice(&pass.scale.to_le_bytes());
        let stored: Vec<usize> = (0..rows)
            .filter(|r| {
                pass.weights[r * tags..(r + 1) * tags]
                    .iter()
                    .any(|&w| w != 0)
            })
            .collect();
        out.extend_from_slice(&(stored.len() as u32).to_le_bytes());
        for t in &pass.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut bitmap = vec![0u8; rows / 8];
        for &r in &stored {
            bitmap[r / 8] |= 1 << (r % 8);
        }
        out.extend_from_slice(&bitmap);
        for &r in &stored {
            for w in &pass.weights[r * tags..(r + 1) * tags] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// Reads fixed-size fields, failing (not panicking) past the end.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| bad("truncated"))?;
        let out = &self.data[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, FormatError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self) -> Result<f32, FormatError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

/// Parses and validates model file bytes.
pub fn from_bytes(data: &[u8]) -> Result<Model, FormatError> {
    if data.len() < MAGIC.len() + 4 + 8 {
        return Err(bad("too short to be a rapidtext entity model"));
    }
    if &data[..MAGIC.len()] != MAGIC {
        return Err(bad("not a rapidtext entity model (wrong magic bytes)"));
    }
    let (body, tail) = data.split_at(data.len() - 8);
    let mut r = Reader { data: body, at: 8 };
    let version = r.u32()?;
    if version != VERSION {
        return Err(bad(format!(
            "format version {version}, this rapidtext reads version {VERSION}"
        )));
    }
    let stored_sum = u64::from_le_bytes(tail.try_into().map_err(|_| bad("truncated"))?);
    if checksum(body) != stored_sum {
        return Err(bad("checksum mismatch (corrupt or truncated file)"));
    }
    let label_count = r.u32()? as usize;
    if label_count == 0 || label_count > MAX_LABELS {
        return Err(bad(format!("label count {label_count} out of range")));
    }
    let mut labels = Vec::with_capacity(label_count);
    for _ in 0..label_count {
        let b = r.take(2)?;
        let len = usize::from(u16::from_le_bytes([b[0], b[1]]));
        if len > MAX_LABEL_BYTES {
            return Err(bad("label name too long"));
        }
        let name = std::str::from_utf8(r.take(len)?).map_err(|_| bad("label not UTF-8"))?;
        let label = Label::from_name(name).ok_or_else(|| bad("empty label name"))?;
        if labels.contains(&label) {
            return Err(bad(format!("label {name} repeated")));
        }
        labels.push(label);
    }
    let bits = r.u32()?;
    if !(MIN_BITS..=MAX_BITS).contains(&bits) {
        return Err(bad(format!("hash bits {bits} out of range")));
    }
    let temperature = r.f32()?;
    if !(temperature.is_finite() && temperature > 0.0) {
        return Err(bad("temperature must be a positive number"));
    }
    let pass_count = r.u32()? as usize;
    if !(1..=MAX_PASSES).contains(&pass_count) {
        return Err(bad(format!("pass count {pass_count} out of range")));
    }
    let tags = tag_count(labels.len());
    // The expanded table may not be out of proportion to the file (a hostile header
    // with a valid checksum must not make us allocate gigabytes).
    let rows = 1usize << bits;
    let table = rows * tags;
    let limit = (64usize << 20).saturating_add(data.len().saturating_mul(64));
    if table * 2 > limit.min(MAX_TABLE_BYTES) {
        return Err(bad("weight table too large for the file"));
    }
    let mut passes = Vec::with_capacity(pass_count);
    for _ in 0..pass_count {
        passes.push(read_pass(&mut r, rows, tags)?);
    }
    if r.at != body.len() {
        return Err(bad("length does not match the header"));
    }
    Ok(Model {
        labels,
        bits,
        passes,
        temperature,
    })
}

/// One pass; every size is checked against the bytes left before allocating.
fn read_pass(r: &mut Reader<'_>, rows: usize, tags: usize) -> Result<Pass, FormatError> {
    let scale = r.f32()?;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(bad("scale must be a positive number"));
    }
    let stored = r.u32()? as usize;
    if stored > rows {
        return Err(bad("more stored rows than buckets"));
    }
    let needed = (tags + 1) * tags * 4 + rows / 8 + stored * tags * 2;
    if r.data.len() - r.at < needed {
        return Err(bad("truncated"));
    }
    let transitions = floats(r, (tags + 1) * tags)?;
    let bitmap = r.take(rows / 8)?;
    if bitmap
        .iter()
        .map(|b| b.count_ones() as usize)
        .sum::<usize>()
        != stored
    {
        return Err(bad("row bitmap does not match the stored row count"));
    }
    let packed = r.take(stored * tags * 2)?;
    let mut weights = vec![0i16; rows * tags];
    let mut next = packed.chunks_exact(tags * 2);
    for row in 0..rows {
        if bitmap[row / 8] & (1 << (row % 8)) == 0 {
            continue;
        }
        let src = next.next().ok_or_else(|| bad("truncated rows"))?;
        for (w, b) in weights[row * tags..(row + 1) * tags]
            .iter_mut()
            .zip(src.chunks_exact(2))
        {
            *w = i16::from_le_bytes([b[0], b[1]]);
        }
    }
    Ok(Pass {
        weights,
        scale,
        transitions,
    })
}

/// `n` finite little-endian f32 values.
fn floats(r: &mut Reader<'_>, n: usize) -> Result<Vec<f32>, FormatError> {
    let out: Vec<f32> = r
        .take(n * 4)?
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    if out.iter().any(|t| !t.is_finite()) {
        return Err(bad("weights must be finite numbers"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small_model() -> Model {
        let labels = vec![Label::Per, Label::Custom("DRUG".into())];
        let tags = tag_count(2);
        let pass = |k: i16| {
            let mut weights = vec![0i16; (1 << MIN_BITS) * tags];
            weights[5] = 7 * k;
            weights[300 * tags + 2] = -3;
            Pass {
                weights,
                scale: 0.5,
                transitions: (0..(tags + 1) * tags).map(|i| i as f32 * 0.25).collect(),
            }
        };
        Model {
            labels,
            bits: MIN_BITS,
            passes: vec![pass(1), pass(2)],
            temperature: 2.0,
        }
    }

    #[test]
    fn round_trip() {
        let m = small_model();
        assert_eq!(from_bytes(&to_bytes(&m)), Ok(m));
    }

    #[test]
    fn every_truncation_and_bit_flip_is_an_error() {
        let bytes = to_bytes(&small_model());
        let last = bytes.len().saturating_sub(40)..bytes.len();
        for n in (0..bytes.len()).step_by(61).chain(last) {
            assert!(from_bytes(&bytes[..n]).is_err(), "truncated to {n}");
        }
        for i in (0..bytes.len()).step_by(211) {
            let mut b = bytes.clone();
            b[i] ^= 0x10;
            assert!(from_bytes(&b).is_err(), "flipped byte {i}");
        }
    }

    #[test]
    fn hostile_header_with_valid_checksum_is_refused() {
        // A tiny file claiming 2^22 rows and 32 labels must not allocate a gigabyte.
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&32u32.to_le_bytes());
        for i in 0..32u16 {
            let name = format!("L{i}");
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(name.as_bytes());
        }
        out.extend_from_slice(&22u32.to_le_bytes());
        out.extend_from_slice(&1f32.to_le_bytes());
        out.extend_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(&1f32.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        assert!(from_bytes(&out).is_err());
    }
}
