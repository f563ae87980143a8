//! Strings put together without `core::fmt`. Each `format!` site compiled its
//! own `fmt::Arguments` and kept Rust's formatting code (padding, integer
//! `Display`, `fmt::write`) in the module; these few helpers are all the wasm
//! build uses instead. Each gives exactly the text of the `format!` named in
//! its comment (the tests below pin that). Native-only code and tests may keep
//! `format!`.

/// The parts one after another, as `format!("{}{}…", a, b, …)`.
pub fn cat(parts: &[&str]) -> String {
    let mut len = 0;
    for p in parts {
        len += p.len();
    }
    let mut out = String::with_capacity(len);
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Appends `n` in decimal, as `write!(out, "{n}")`.
pub fn push_int(out: &mut String, n: i64) {
    push_padded(out, n, 0);
}

/// `n` in decimal, as `n.to_string()` (any integer type that fits an i64).
pub fn int(n: i64) -> String {
    let mut out = String::new();
    push_int(&mut out, n);
    out
}

/// Appends `n` in decimal, zero-padded to `width` characters counting the
/// sign, as `write!(out, "{n:0width$}")` (`-5` at width 4 is `-005`).
pub fn push_padded(out: &mut String, n: i64, width: usize) {
    // Filled from the end; `i` is where the digits start. No indexing (nor
    // its bounds-check panic, whose message formats integers with `core::fmt`).
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut m = n.unsigned_abs();
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (m % 10) as u8;
        i -= 1;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    let len = digits.len() - i + usize::from(n < 0);
    for _ in len..width {
        out.push('0');
    }
    // `char` pushes: a `str::from_utf8` of the bytes would bring in its validation code.
    for &d in digits.get(i..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// Appends the low `width` (at most 16) hex digits of `n`, lowercase, as
/// `write!(out, "{n:0width$x}")` for any `n` below `16^width`.
pub fn push_hex(out: &mut String, n: u64, width: u32) {
    for i in (0..width).rev() {
        let d = (n >> (4 * i) & 0xf) as u8;
        out.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_rusts() {
        for n in [0, 1, -1, 9, 10, -10, 99, 100, 1234, -12345, 86_400_000, i64::MAX, i64::MIN, i64::MIN + 1] {
            assert_eq!(int(n), n.to_string());
            for width in [0, 1, 2, 4, 6, 25] {
                let mut s = String::new();
                push_padded(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"), "{n} {width}");
            }
        }
        for n in [0u64, 1, 0x1f, 0xabc, 0xcbf2_9ce4_8422_2325, u64::MAX] {
            let mut s = String::new();
            push_hex(&mut s, n, 16);
            assert_eq!(s, format!("{n:016x}"));
        }
        for b in 0u64..0x20 {
            let mut s = String::new();
            push_hex(&mut s, b, 4);
            assert_eq!(s, format!("{b:04x}"));
        }
        assert_eq!(cat(&[]), "");
        assert_eq!(cat(&["a", "", "bc", "ü"]), "abcü");
    }
}
