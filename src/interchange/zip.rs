//! A minimal ZIP writer: entries are STORED (no compression), so the program needs no
//! compression crate and the archives are byte-for-byte deterministic (every entry carries
//! the DOS date 1980-01-01 00:00). Enough for Office Open XML (`.docx`) packages.
//!
//! No ZIP64: an entry or the whole archive must stay under 4 GiB and below 65 535 entries;
//! larger input is refused with [`ZipError`] rather than written corrupt.

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) lookup table, built at compile time.
const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}

/// The CRC-32 of `data`, as ZIP (and gzip, PNG) computes it.
pub fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for b in data {
        c = CRC_TABLE[((c ^ u32::from(*b)) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

/// DOS time of every entry: 00:00:00.
const DOS_TIME: u16 = 0;
/// DOS date of every entry: 1980-01-01 (year 0 since 1980, month 1, day 1).
const DOS_DATE: u16 = (1 << 5) | 1;
/// "Version needed to extract": 1.0 is enough for STORED entries.
const VERSION_NEEDED: u16 = 10;
/// "Version made by": MS-DOS attributes (high byte 0), spec version 2.0.
const VERSION_MADE_BY: u16 = 20;
/// General-purpose flag bit 11: the name is UTF-8.
const FLAG_UTF8: u16 = 1 << 11;

const LOCAL_HEADER_SIG: u32 = 0x0403_4b50;
const CENTRAL_HEADER_SIG: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIR_SIG: u32 = 0x0605_4b50;

/// Why an archive cannot be written without ZIP64.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    /// An entry, its name or the archive reached 4 GiB.
    #[error("the archive is too large for a ZIP file without ZIP64")]
    TooLarge,
    /// More than 65 535 entries.
    #[error("too many entries for a ZIP file without ZIP64")]
    TooManyEntries,
}

struct Entry {
    name: Vec<u8>,
    crc: u32,
    size: u32,
    offset: u32,
    flags: u16,
}

/// Builds a ZIP archive in memory, entry by entry, in the order they are added.
#[derive(Default)]
pub struct ZipWriter {
    buf: Vec<u8>,
    entries: Vec<Entry>,
}

fn u16_of(n: usize) -> Result<u16, ZipError> {
    u16::try_from(n).map_err(|_| ZipError::TooLarge)
}

fn u32_of(n: usize) -> Result<u32, ZipError> {
    u32::try_from(n).map_err(|_| ZipError::TooLarge)
}

fn put16(buf: &mut Vec<u8>, v: u16) {
    buf.extend_from_slice(&v.to_le_bytes());
}

fn put32(buf: &mut Vec<u8>, v: u32) {
    buf.extend_from_slice(&v.to_le_bytes());
}

impl ZipWriter {
    /// An empty archive.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file stored without compression. `name` uses `/` as separator
    /// (e.g. "word/document.xml").
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), ZipError> {
        if self.entries.len() >= usize::from(u16::MAX) {
            return Err(ZipError::TooManyEntries);
        }
        let offset = u32_of(self.buf.len())?;
        let size = u32_of(data.len())?;
        let name_len = u16_of(name.len())?;
        let flags = if name.is_ascii() { 0 } else { FLAG_UTF8 };
        let crc = crc32(data);
        let buf = &mut self.buf;
        put32(buf, LOCAL_HEADER_SIG);
        put16(buf, VERSION_NEEDED);
        put16(buf, flags);
        put16(buf, 0); // method: stored
        put16(buf, DOS_TIME);
        put16(buf, DOS_DATE);
        put32(buf, crc);
        put32(buf, size); // compressed size
        put32(buf, size); // uncompressed size
        put16(buf, name_len);
        put16(buf, 0); // extra field length
        buf.extend_from_slice(name.as_bytes());
        buf.extend_from_slice(data);
        // The next entry's offset (or the central directory's) must fit too.
        u32_of(buf.len())?;
        self.entries.push(Entry {
            name: name.as_bytes().to_vec(),
            crc,
            size,
            offset,
            flags,
        });
        Ok(())
    }

    /// Writes the central directory and the end record and returns the archive's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, ZipError> {
        let cd_offset = u32_of(self.buf.len())?;
        let count = u16_of(self.entries.len())?;
        let buf = &mut self.buf;
        for e in &self.entries {
            put32(buf, CENTRAL_HEADER_SIG);
            put16(buf, VERSION_MADE_BY);
            put16(buf, VERSION_NEEDED);
            put16(buf, e.flags);
            put16(buf, 0); // method: stored
            put16(buf, DOS_TIME);
            put16(buf, DOS_DATE);
            put32(buf, e.crc);
            put32(buf, e.size);
            put32(buf, e.size);
            put16(buf, u16_of(e.name.len())?);
            put16(buf, 0); // extra field length
            put16(buf, 0); // comment length
            put16(buf, 0); // disk number start
            put16(buf, 0); // internal attributes
            put32(buf, 0); // external attributes
            put32(buf, e.offset);
            buf.extend_from_slice(&e.name);
        }
        let cd_size = u32_of(buf.len())?
            .checked_sub(cd_offset)
            .ok_or(ZipError::TooLarge)?;
        put32(buf, END_OF_CENTRAL_DIR_SIG);
        put16(buf, 0); // this disk
        put16(buf, 0); // disk with the central directory
        put16(buf, count);
        put16(buf, count);
        put32(buf, cd_size);
        put32(buf, cd_offset);
        put16(buf, 0); // comment length
        Ok(self.buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_known_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"a"), 0xE8B7_BE43);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    fn le16(b: &[u8], at: usize) -> usize {
        usize::from(u16::from_le_bytes([b[at], b[at + 1]]))
    }

    fn le32(b: &[u8], at: usize) -> u32 {
        u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
    }

    /// Reads an archive back through its central directory, checking every CRC.
    fn read_back(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
        let eocd = zip.len() - 22;
        assert_eq!(le32(zip, eocd), END_OF_CENTRAL_DIR_SIG);
        let count = le16(zip, eocd + 10);
        let cd_size = le32(zip, eocd + 12) as usize;
        let mut at = le32(zip, eocd + 16) as usize;
        assert_eq!(at + cd_size, eocd);
        let mut out = Vec::new();
        for _ in 0..count {
            assert_eq!(le32(zip, at), CENTRAL_HEADER_SIG);
            assert_eq!(le16(zip, at + 10), 0, "stored");
            assert_eq!((le16(zip, at + 12), le16(zip, at + 14)), (0, 0x21));
            let crc = le32(zip, at + 16);
            let size = le32(zip, at + 20) as usize;
            assert_eq!(le32(zip, at + 24) as usize, size);
            let name_len = le16(zip, at + 28);
            let local = le32(zip, at + 42) as usize;
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            at += 46 + name_len + le16(zip, at + 30) + le16(zip, at + 32);

            assert_eq!(le32(zip, local), LOCAL_HEADER_SIG);
            assert_eq!(le32(zip, local + 14), crc);
            assert_eq!(le16(zip, local + 26), name_len);
            let data_at = local + 30 + name_len + le16(zip, local + 28);
            let data = zip[data_at..data_at + size].to_vec();
            assert_eq!(crc32(&data), crc, "{name}");
            out.push((name, data));
        }
        assert_eq!(at, eocd);
        out
    }

    #[test]
    fn central_directory_reads_back() {
        let mut z = ZipWriter::new();
        z.add("[Content_Types].xml", b"<Types/>").unwrap();
        z.add("word/document.xml", "Biên bản".as_bytes()).unwrap();
        z.add("empty", b"").unwrap();
        z.add("thư mục/tệp.txt", b"x").unwrap();
        let bytes = z.finish().unwrap();
        let files = read_back(&bytes);
        assert_eq!(
            files,
            vec![
                ("[Content_Types].xml".to_string(), b"<Types/>".to_vec()),
                (
                    "word/document.xml".to_string(),
                    "Biên bản".as_bytes().to_vec()
                ),
                ("empty".to_string(), vec![]),
                ("thư mục/tệp.txt".to_string(), b"x".to_vec()),
            ]
        );
    }

    #[test]
    fn output_is_deterministic_and_an_empty_archive_is_valid() {
        let build = || {
            let mut z = ZipWriter::new();
            z.add("a.txt", b"abc").unwrap();
            z.finish().unwrap()
        };
        assert_eq!(build(), build());
        let empty = ZipWriter::new().finish().unwrap();
        assert_eq!(empty.len(), 22);
        assert!(read_back(&empty).is_empty());
    }
}
