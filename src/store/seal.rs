//! Encryption at rest (opt-in, `sochibo encrypt`). A random 32-byte data key seals every
//! record value with XChaCha20-Poly1305 (random 24-byte nonce per write, the tree name and
//! key as associated data, so a sealed value cannot be moved to another record). The data
//! key is stored twice in the `meta` tree, wrapped by a key derived from the passphrase
//! (Argon2id) and by a key derived from a random recovery code. Card numbers in the index
//! tree are replaced by a keyed BLAKE2b hash of them. What stays visible: tree names, record
//! keys (ids), counts, sizes, and the history's timestamps only inside sealed values.

use argon2::{Algorithm, Argon2, Params, Version};
use blake2::Blake2bMac;
use blake2::digest::{Mac, consts::U32};
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload, rand_core::RngCore};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::codec::{self, CodecError};
use super::{Result, Store, StoreError, TREE_CARDS, TREE_META, key_id, schema};

pub use super::META_KEYRING;
pub use super::snapshot::Tree;
/// First byte of a sealed value; never a codec version byte.
pub const SEALED: u8 = 0xA5;
/// Length of a recovery code, in characters (5 bits each: 120 bits).
pub const RECOVERY_LEN: usize = 24;
/// The shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE: usize = 8;
/// Crockford's base-32 alphabet: no I, L, O or U to misread.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const NONCE: usize = 24;
const TAG: usize = 16;
const WRAP_AD: &[u8] = b"sochibo data key v1";
const INDEX_INFO: &[u8] = b"sochibo card index v1";
const RECOVERY_INFO: &[u8] = b"sochibo recovery code v1";
/// Argon2id cost: 64 MiB, 3 passes, 1 lane (about half a second on an old laptop).
const ARGON_M_KIB: u32 = 64 * 1024;
const ARGON_T: u32 = 3;
const ARGON_P: u32 = 1;

/// The wrapped data key and how to unwrap it, stored in `meta` under [`META_KEYRING`].
/// FROZEN once released (version byte 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyringV1 {
    /// Argon2id memory cost in KiB.
    pub m_kib: u32,
    /// Argon2id passes.
    pub t: u32,
    /// Argon2id lanes.
    pub p: u32,
    /// Salt of the passphrase key.
    pub pass_salt: Vec<u8>,
    /// The data key sealed by the passphrase key (nonce, then ciphertext).
    pub by_passphrase: Vec<u8>,
    /// Salt of the recovery-code key.
    pub recovery_salt: Vec<u8>,
    /// The data key sealed by the recovery-code key (nonce, then ciphertext).
    pub by_recovery: Vec<u8>,
}

/// Seals and opens values with the data key.
#[derive(Clone)]
pub struct Sealer {
    key: Zeroizing<[u8; 32]>,
    index: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(..)")
    }
}

fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    OsRng.fill_bytes(&mut b);
    b
}

fn mac(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    if let Ok(mut m) = <Blake2bMac<U32> as Mac>::new_from_slice(key) {
        m.update(msg);
        out.copy_from_slice(&m.finalize().into_bytes());
    }
    out
}

fn aead_seal(key: &[u8; 32], ad: &[u8], plain: &[u8]) -> std::result::Result<Vec<u8>, CodecError> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let ct = cipher
        .encrypt(
            &nonce,
            Payload {
                msg: plain,
                aad: ad,
            },
        )
        .map_err(|_| CodecError::Encode("sealing failed".into()))?;
    let mut out = Vec::with_capacity(NONCE + ct.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ct);
    Ok(out)
}

fn aead_open(key: &[u8; 32], ad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE + TAG {
        return None;
    }
    let (nonce, ct) = sealed.split_at(NONCE);
    XChaCha20Poly1305::new(key.into())
        .decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad: ad })
        .ok()
}

/// The associated data of a value: tree name, a zero byte, the key.
fn ad(tree: &str, key: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(tree.len() + 1 + key.len());
    v.extend_from_slice(tree.as_bytes());
    v.push(0);
    v.extend_from_slice(key);
    v
}

impl Sealer {
    fn from_key(key: [u8; 32]) -> Sealer {
        let key = Zeroizing::new(key);
        let index = Zeroizing::new(mac(key.as_ref(), INDEX_INFO));
        Sealer { key, index }
    }

    /// Seals the plain bytes of the value at `tree`/`key`: `[SEALED][nonce][ciphertext]`.
    pub fn seal(
        &self,
        tree: &str,
        key: &[u8],
        plain: &[u8],
    ) -> std::result::Result<Vec<u8>, CodecError> {
        let mut out = vec![SEALED];
        out.extend(aead_seal(&self.key, &ad(tree, key), plain)?);
        Ok(out)
    }

    /// Opens a sealed value of `tree`/`key`; an error if it is not sealed, was sealed
    /// with another key, or was altered or moved.
    pub fn open(
        &self,
        tree: &str,
        key: &[u8],
        stored: &[u8],
    ) -> std::result::Result<Vec<u8>, CodecError> {
        match stored.split_first() {
            Some((&SEALED, rest)) => aead_open(&self.key, &ad(tree, key), rest)
                .ok_or_else(|| CodecError::Payload("sealed value fails authentication".into())),
            _ => Err(CodecError::Payload(
                "value not sealed in an encrypted store".into(),
            )),
        }
    }

    /// The index key of a card number: a keyed hash, so the index shows no numbers.
    pub fn card_index(&self, card: &str) -> Vec<u8> {
        mac(self.index.as_ref(), card.as_bytes()).to_vec()
    }
}

/// The passphrase as the key derivation sees it: Unicode NFC (a Vietnamese input method
/// may send composed or decomposed letters), without the line ending.
fn normalize_passphrase(p: &str) -> String {
    p.trim_end_matches(['\r', '\n']).nfc().collect()
}

/// A recovery code reduced to its 24 symbols (spaces and dashes dropped, lower case and
/// the look-alikes O, I, L accepted), or `None` if it is not one.
pub fn normalize_recovery(code: &str) -> Option<String> {
    let mut out = String::new();
    for ch in code.trim().chars() {
        let c = match ch.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        out.push(c);
    }
    (out.len() == RECOVERY_LEN).then_some(out)
}

/// A new random recovery code, grouped by four: `ABCD-EFGH-…`.
fn new_recovery_code() -> String {
    let bytes: [u8; RECOVERY_LEN] = random();
    let symbols: Vec<char> = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
        .collect();
    symbols
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

fn passphrase_key(k: &KeyringV1, passphrase: &str) -> Result<Zeroizing<[u8; 32]>> {
    let params = Params::new(k.m_kib, k.t, k.p, Some(32))
        .map_err(|e| StoreError::Io(format!("key derivation: {e}")))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(
            normalize_passphrase(passphrase).as_bytes(),
            &k.pass_salt,
            out.as_mut(),
        )
        .map_err(|e| StoreError::Io(format!("key derivation: {e}")))?;
    Ok(out)
}

/// The recovery code carries 120 random bits: a keyed hash is enough to stretch it.
fn recovery_key(salt: &[u8], code: &str) -> Zeroizing<[u8; 32]> {
    let mut msg = RECOVERY_INFO.to_vec();
    msg.extend_from_slice(code.as_bytes());
    Zeroizing::new(mac(salt, &msg))
}

impl KeyringV1 {
    /// A new data key wrapped by `passphrase` and by a new recovery code; returns the
    /// keyring, its sealer and the recovery code (to be shown once).
    pub fn create(passphrase: &str) -> Result<(KeyringV1, Sealer, String)> {
        let data: Zeroizing<[u8; 32]> = Zeroizing::new(random());
        let code = new_recovery_code();
        let mut k = KeyringV1 {
            m_kib: ARGON_M_KIB,
            t: ARGON_T,
            p: ARGON_P,
            pass_salt: random::<16>().to_vec(),
            by_passphrase: Vec::new(),
            recovery_salt: random::<16>().to_vec(),
            by_recovery: Vec::new(),
        };
        let pk = passphrase_key(&k, passphrase)?;
        k.by_passphrase = aead_seal(&pk, WRAP_AD, data.as_ref())?;
        let norm = normalize_recovery(&code).unwrap_or_default();
        let rk = recovery_key(&k.recovery_salt, &norm);
        k.by_recovery = aead_seal(&rk, WRAP_AD, data.as_ref())?;
        Ok((k, Sealer::from_key(*data), code))
    }

    /// Unlocks with the passphrase or the recovery code; [`StoreError::WrongPassphrase`]
    /// if it is neither.
    pub fn unlock(&self, secret: &str) -> Result<Sealer> {
        let unwrap = |key: &[u8; 32], wrapped: &[u8]| {
            aead_open(key, WRAP_AD, wrapped)
                .and_then(|d| <[u8; 32]>::try_from(d.as_slice()).ok())
                .map(Sealer::from_key)
        };
        if let Some(code) = normalize_recovery(secret)
            && let Some(s) = unwrap(&recovery_key(&self.recovery_salt, &code), &self.by_recovery)
        {
            return Ok(s);
        }
        let pk = passphrase_key(self, secret)?;
        unwrap(&pk, &self.by_passphrase).ok_or(StoreError::WrongPassphrase)
    }

    /// The keyring's stored bytes.
    pub fn encode(&self) -> std::result::Result<Vec<u8>, CodecError> {
        codec::encode(1, self)
    }

    /// Decodes the stored keyring.
    pub fn decode(bytes: &[u8]) -> std::result::Result<KeyringV1, CodecError> {
        match codec::split(bytes)? {
            (1, p) => codec::decode_payload(p),
            (v, _) => Err(CodecError::UnknownVersion(v)),
        }
    }
}

impl Store {
    /// Whether encryption at rest is on for this store.
    pub fn is_sealed(&self) -> bool {
        self.sealed
    }

    /// Whether the store can be read: not sealed, or unlocked.
    pub fn is_unlocked(&self) -> bool {
        !self.sealed || self.sealer.get().is_some()
    }

    /// The stored keyring, when encryption is on.
    pub fn keyring(&self) -> Result<Option<KeyringV1>> {
        self.meta
            .get(META_KEYRING)?
            .map(|v| {
                KeyringV1::decode(&v).map_err(|source| StoreError::Corrupt {
                    tree: TREE_META,
                    key: 0,
                    source,
                })
            })
            .transpose()
    }

    /// Unlocks a sealed store with its passphrase or recovery code. Reads only; a wrong
    /// secret is [`StoreError::WrongPassphrase`] and changes nothing.
    pub fn unlock(&self, secret: &str) -> Result<()> {
        let Some(k) = self.keyring()? else {
            return Ok(());
        };
        let sealer = k.unlock(secret)?;
        let _ = self.sealer.set(sealer);
        Ok(())
    }

    /// Unlocks with a sealer already known (one that opened the keyring of this data).
    pub fn unlock_with_sealer(&self, sealer: &Sealer) {
        self.unlock_with(sealer);
    }

    /// Unlocks with a sealer already known (a restore's staging copy).
    pub(crate) fn unlock_with(&self, sealer: &Sealer) {
        let _ = self.sealer.set(sealer.clone());
    }

    /// The sealer, once unlocked.
    pub(crate) fn sealer(&self) -> Option<&Sealer> {
        self.sealer.get()
    }

    /// The bytes to store for the plain value at `tree`/`key`.
    pub(crate) fn seal_value(&self, tree: &str, key: &[u8], plain: &[u8]) -> Result<Vec<u8>> {
        if !self.sealed {
            return Ok(plain.to_vec());
        }
        let s = self.sealer.get().ok_or(StoreError::Locked)?;
        Ok(s.seal(tree, key, plain)?)
    }

    /// The plain bytes of the stored value at `tree`/`key`.
    pub(crate) fn open_value(
        &self,
        tree: &'static str,
        key: &[u8],
        stored: &[u8],
    ) -> Result<Vec<u8>> {
        if !self.sealed {
            return Ok(stored.to_vec());
        }
        let s = self.sealer.get().ok_or(StoreError::Locked)?;
        s.open(tree, key, stored)
            .map_err(|source| StoreError::Corrupt {
                tree,
                key: key_id(key),
                source,
            })
    }

    /// Like [`Store::open_value`], but keeps the stored bytes when they cannot be opened
    /// (for history entries of a damaged value: the history records what was there).
    pub(crate) fn plain_or_raw(&self, tree: &'static str, key: &[u8], stored: &[u8]) -> Vec<u8> {
        self.open_value(tree, key, stored)
            .unwrap_or_else(|_| stored.to_vec())
    }

    /// The key of a card number in the card index.
    pub(crate) fn card_index(&self, card: &str) -> Result<Vec<u8>> {
        if !self.sealed {
            return Ok(card.as_bytes().to_vec());
        }
        Ok(self
            .sealer
            .get()
            .ok_or(StoreError::Locked)?
            .card_index(card))
    }
}

/// The keyring in a backup's trees, if any (undecodable counts as present).
pub fn keyring_of(trees: &[Tree]) -> Option<std::result::Result<KeyringV1, CodecError>> {
    trees
        .iter()
        .find(|(n, _)| n == TREE_META)
        .and_then(|(_, pairs)| pairs.iter().find(|(k, _)| k == META_KEYRING))
        .map(|(_, v)| KeyringV1::decode(v))
}

/// Rewrites a backup's trees from one sealing to another: every value opened with `from`
/// (if it was sealed) and sealed with `to` (if it is to be); the card index rebuilt from
/// the members; the keyring set to `keyring` (or removed). Keys and the history stay as
/// they are. Values of the meta tree other than records (schema version, flags) stay clear.
pub fn reseal_trees(
    trees: &[Tree],
    from: Option<&Sealer>,
    to: Option<&Sealer>,
    keyring: Option<&KeyringV1>,
) -> Result<Vec<Tree>> {
    // The compaction's measure is written in the clear too, also in a sealed store.
    let clear_meta: &[&[u8]] = &[
        super::META_SCHEMA,
        super::META_DEMO,
        META_KEYRING,
        super::META_COMPACTION_CHECKED,
    ];
    let mut out = Vec::with_capacity(trees.len());
    let mut cards = Vec::new();
    for (name, pairs) in trees {
        if name == TREE_CARDS {
            continue;
        }
        let mut new_pairs = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            if name == TREE_META && clear_meta.contains(&k.as_slice()) {
                if k != META_KEYRING {
                    new_pairs.push((k.clone(), v.clone()));
                }
                continue;
            }
            let plain = match from {
                Some(s) => s.open(name, k, v).map_err(|source| StoreError::Corrupt {
                    tree: "backup",
                    key: key_id(k),
                    source,
                })?,
                None => v.clone(),
            };
            if name == super::TREE_MEMBERS {
                let m = schema::decode_member(&plain).map_err(|source| StoreError::Corrupt {
                    tree: super::TREE_MEMBERS,
                    key: key_id(k),
                    source,
                })?;
                let card = crate::domain::validate::card_key(&m.card_number);
                if !card.is_empty() {
                    let index = match to {
                        Some(s) => s.card_index(&card),
                        None => card.into_bytes(),
                    };
                    cards.push((index, k.clone()));
                }
            }
            let stored = match to {
                Some(s) => s.seal(name, k, &plain)?,
                None => plain,
            };
            new_pairs.push((k.clone(), stored));
        }
        if name == TREE_META
            && let Some(kr) = keyring
        {
            new_pairs.push((META_KEYRING.to_vec(), kr.encode()?));
            new_pairs.sort();
        }
        out.push((name.clone(), new_pairs));
    }
    if !out.iter().any(|(n, _)| n == TREE_META)
        && let Some(kr) = keyring
    {
        out.push((
            TREE_META.to_string(),
            vec![(META_KEYRING.to_vec(), kr.encode()?)],
        ));
    }
    cards.sort();
    out.push((TREE_CARDS.to_string(), cards));
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_and_are_bound_to_their_place() {
        let (k, s, code) = KeyringV1::create("mật khẩu dài").unwrap();
        let sealed = s
            .seal("members", &7u64.to_be_bytes(), b"Nguyen Van An")
            .unwrap();
        assert_eq!(sealed[0], SEALED);
        assert!(!sealed.windows(6).any(|w| w == b"Nguyen"));
        assert_eq!(
            s.open("members", &7u64.to_be_bytes(), &sealed).unwrap(),
            b"Nguyen Van An"
        );
        assert!(s.open("members", &8u64.to_be_bytes(), &sealed).is_err());
        assert!(s.open("meetings", &7u64.to_be_bytes(), &sealed).is_err());
        // Both the passphrase (in either Unicode form) and the recovery code unlock.
        let by_pass = k.unlock("mật khẩu dài\n").unwrap();
        let decomposed: String = "mật khẩu dài".nfd().collect();
        assert!(k.unlock(&decomposed).is_ok());
        let by_code = k.unlock(&code.to_lowercase().replace('-', " ")).unwrap();
        for other in [by_pass, by_code] {
            assert_eq!(
                other.open("members", &7u64.to_be_bytes(), &sealed).unwrap(),
                b"Nguyen Van An"
            );
            assert_eq!(other.card_index("123"), s.card_index("123"));
        }
        assert!(matches!(
            k.unlock("sai mật khẩu"),
            Err(StoreError::WrongPassphrase)
        ));
        assert!(matches!(
            k.unlock("0000-0000-0000-0000-0000-0000"),
            Err(StoreError::WrongPassphrase)
        ));
        assert_eq!(KeyringV1::decode(&k.encode().unwrap()).unwrap(), k);
    }

    #[test]
    fn recovery_codes_have_24_unambiguous_symbols() {
        let code = new_recovery_code();
        assert_eq!(code.len(), RECOVERY_LEN + 5);
        let n = normalize_recovery(&code).unwrap();
        assert!(n.chars().all(|c| ALPHABET.contains(&(c as u8))));
        assert_eq!(
            normalize_recovery("abcd efgh-ijkl mnop qrst vwxy").map(|s| s.len()),
            Some(24)
        );
        assert_eq!(normalize_recovery("too short"), None);
        assert_eq!(normalize_recovery("UUUUUUUUUUUUUUUUUUUUUUUU"), None);
    }
}
