//! Unique 11-character lowercase alphanumeric ids, like AiTEMS train versions.

const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const MASK56: u64 = (1 << 56) - 1;

/// A bijection on 56-bit numbers (odd multipliers and xor-shifts are invertible), so
/// distinct inputs always give distinct ids while consecutive inputs look unrelated.
fn scramble56(mut x: u64) -> u64 {
    x &= MASK56;
    x = x.wrapping_mul(0x9E37_79B9_7F4A_7C15) & MASK56;
    x ^= x >> 29;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9) & MASK56;
    x ^= x >> 32;
    x
}

/// The version id of train `index` of service number `service_no`.
///
/// Unique across all services: `(service_no, index)` is packed into 56 bits, scrambled
/// by a bijection and written in base 36 (36^11 > 2^56, so 11 digits always suffice).
pub(super) fn version_id(service_no: u64, index: u64) -> String {
    debug_assert!(service_no < (1 << 24) && index < (1 << 32));
    let mut n = scramble56((service_no << 32) | index);
    let mut out = [b'0'; 11];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(n % 36) as usize];
        n /= 36;
    }
    out.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_eleven_lowercase_alnum_and_unique() {
        let mut seen = HashSet::new();
        for service in 0..4 {
            for index in 0..12_000 {
                let id = version_id(service, index);
                assert_eq!(id.len(), 11);
                assert!(id
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()));
                assert!(seen.insert(id));
            }
        }
    }
}
