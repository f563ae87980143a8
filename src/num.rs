//! Number text, in one place. Rust's float formatting and parsing are some of
//! the largest code in the module (about 16 KB for `{}` and `{:.1}`, 6 KB for
//! `parse::<f64>`), while the browser already has both. So in the wasm build
//! the shortest text and the parsing of long decimals come from JavaScript,
//! and natively from Rust; either way the text is exactly what Rust's `{}`
//! prints, which the tests below pin. `{:.1}` is done here with integers, since
//! JS's `toFixed` rounds ties up where Rust rounds them to even (6.25 -> "6.2").

/// `n` as Rust's `{}` prints an f64: the shortest text that reads back as `n`,
/// never in exponent form (1e21 is "1000000000000000000000"), "-0" for -0.
pub fn shortest(n: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if n == 0.0 || !n.is_finite() {
            // JS writes -0 as "0" and infinity as "Infinity".
            return special(n);
        }
        let js: String = js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default();
        expand_exponent(&js)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{n}")
    }
}

#[cfg(target_arch = "wasm32")]
fn special(n: f64) -> String {
    let text = match n {
        _ if n.is_nan() => "NaN",
        f64::INFINITY => "inf",
        f64::NEG_INFINITY => "-inf",
        _ if n.is_sign_negative() => "-0",
        _ => "0",
    };
    text.to_string()
}

/// Exponent form (`1.5e-7`, JS's `1e+21`) written out in plain digits, as Rust
/// prints floats; any other text comes back unchanged. Written with byte
/// scans and pushes rather than `format!`, `split_once` and `parse::<i32>`:
/// about 1 KB less wasm, the same text.
pub fn expand_exponent(s: &str) -> String {
    let Some(e) = s.bytes().position(|b| b == b'e' || b == b'E') else { return s.to_string() };
    let (mantissa, exp_text) = (s.get(..e).unwrap_or_default(), s.as_bytes().get(e + 1..).unwrap_or_default());
    // As `exp_text.trim_start_matches('+').parse::<i32>()`.
    let unsigned = exp_text.get(exp_text.iter().take_while(|&&b| b == b'+').count()..).unwrap_or_default();
    let (negative, digits_of_exp) = match unsigned.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, unsigned),
    };
    let mut exp: i64 = 0;
    for &b in digits_of_exp {
        if !b.is_ascii_digit() || exp > i64::from(i32::MAX) {
            return s.to_string();
        }
        exp = exp * 10 + i64::from(b - b'0');
    }
    let exp = if negative { -exp } else { exp };
    if digits_of_exp.is_empty() || exp > i64::from(i32::MAX) || exp < i64::from(i32::MIN) {
        return s.to_string();
    }
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    // `['.']`, not `'.'`: a `char` pattern's searcher brings a slice-index panic
    // (and integer formatting for its message) into the module.
    let (int, frac) = mantissa.split_once(['.']).unwrap_or((mantissa, ""));
    let mut digits = String::with_capacity(int.len() + frac.len());
    digits.push_str(int);
    digits.push_str(frac);
    // Where the decimal point falls within `digits`.
    let point = int.len() as i64 + exp;
    let len = digits.len() as i64;
    let zeros = |out: &mut String, n: i64| (0..n.clamp(0, 400)).for_each(|_| out.push('0'));
    let mut out = String::from(sign);
    if point <= 0 {
        out.push_str("0.");
        zeros(&mut out, -point);
        out.push_str(&digits);
    } else if point >= len {
        out.push_str(&digits);
        zeros(&mut out, point - len);
    } else if let (Some(whole), Some(rest)) = (digits.get(..point as usize), digits.get(point as usize..)) {
        out.push_str(whole);
        out.push('.');
        out.push_str(rest);
    } else {
        return s.to_string();
    }
    out
}

/// `n` as Rust's `{:.1}` prints it: exactly rounded to one decimal, ties to
/// even, the sign kept ("-0.0"). Exact for |n| < 2^122; beyond that (never a
/// score) the shortest text with ".0".
pub fn fixed1(n: f64) -> String {
    if !n.is_finite() {
        return shortest(n);
    }
    let sign = if n.is_sign_negative() { "-" } else { "" };
    let bits = n.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    // |n| = m * 2^e exactly.
    let (m, e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    if e >= 0 {
        if e > 70 {
            return crate::cat::cat(&[&shortest(n), ".0"]);
        }
        // A whole number, m * 2^e exactly.
        return crate::cat::cat(&[sign, &whole(m, e as u32), ".0"]);
    }
    // m * 10 < 2^57, so u64 holds it; shifted by 64 or more it rounds to zero.
    // (u128 here cost the module its 128-bit division and printing.)
    let s = (-e) as u32;
    let x = m * 10;
    let tenths = if s >= 64 {
        0
    } else {
        let (q, r, half) = (x >> s, x & ((1u64 << s) - 1), 1u64 << (s - 1));
        if r > half || (r == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    let mut out = String::from(sign);
    crate::cat::push_int(&mut out, (tenths / 10) as i64);
    out.push('.');
    out.push(char::from(b'0' + (tenths % 10) as u8));
    out
}

/// The digits of m * 2^e (m < 2^53, e <= 70), doubled in base-10^9 limbs.
fn whole(m: u64, e: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    // Least significant limb first.
    let mut limbs = vec![m % BASE, m / BASE % BASE, m / BASE / BASE];
    for _ in 0..e {
        let mut carry = 0;
        for l in limbs.iter_mut() {
            let x = *l * 2 + carry;
            *l = x % BASE;
            carry = x / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = String::new();
    for (i, l) in limbs.iter().rev().enumerate() {
        let digits = crate::cat::int(*l as i64);
        if i > 0 {
            out.push_str("000000000".get(digits.len()..).unwrap_or_default());
        }
        out.push_str(&digits);
    }
    out
}

/// A number in JSON's grammar (already checked) as the nearest f64; infinite
/// when out of range. Short decimals are exact here (a whole number of at most
/// 15 digits divided by a power of ten is one correctly rounded division);
/// the rest go to the browser's `parseFloat` in the wasm build.
pub fn parse(text: &str) -> f64 {
    if let Some(n) = parse_short(text) {
        return n;
    }
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::parse_float(text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse::<f64>().unwrap_or(f64::NAN)
    }
}

/// Many numbers of JSON's grammar at once (each sure to be finite): one trip to
/// the browser for a whole record instead of one per number.
pub fn parse_many(texts: &[&str]) -> Vec<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        // `new Float64Array(strings)` converts each as `Number(s)` does: correctly rounded, as Rust.
        let strings = js_sys::JsString::from(crate::json::join(texts, ",")).split(",");
        let numbers = js_sys::Float64Array::new(&strings);
        if numbers.length() as usize == texts.len() {
            let mut out = vec![0.0; texts.len()];
            copy_to_slice(&mut out, &numbers);
            return out;
        }
    }
    let mut out = Vec::with_capacity(texts.len());
    for t in texts {
        out.push(parse(t));
    }
    out
}

// What js-sys's `Float64Array::to_vec` calls, without its `assert_eq!` of the
// lengths (checked above): that assertion's message kept Rust's `Debug` of
// integers and the formatting around it in the module.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Float64Array, js_name = "prototype.set.call")]
    fn copy_to_slice(slice: &mut [f64], this: &js_sys::Float64Array);
}

/// The shortest text (as [`shortest`]) of many finite, non-zero numbers at
/// once, joined by commas: one trip to the browser for a whole JSON text.
pub fn shortest_many(numbers: &[f64]) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        // `join` writes each as `String(n)` does, JS's shortest text.
        let joined: String = js_sys::Array::from(&js_sys::Float64Array::from(numbers)).join(",").into();
        if joined.contains('e') {
            let mut texts = Vec::new();
            for t in joined.split([',']) {
                texts.push(expand_exponent(t));
            }
            return crate::json::join(&texts, ",");
        }
        joined
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::json::join(&numbers.iter().map(|n| shortest(*n)).collect::<Vec<_>>(), ",")
    }
}

/// `-?digits(.digits)?` with at most 15 digits in all, else None.
pub fn parse_short(text: &str) -> Option<f64> {
    const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text),
    };
    // One pass over the bytes: splitting at the point first decoded every
    // character with `split_once`'s searcher (every number of an import).
    let (mut whole, mut digits, mut frac) = (0u64, 0usize, None);
    for b in body.bytes() {
        match b {
            // The first point, after at least one digit.
            b'.' if frac.is_none() && digits > 0 => frac = Some(0),
            b'0'..=b'9' if digits < 15 => {
                whole = whole * 10 + u64::from(b - b'0');
                digits += 1;
                frac = frac.map(|f| f + 1);
            }
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    // Below 10^15 < 2^53: exact, and so is the power of ten.
    let n = whole as f64 / POW10.get(frac.unwrap_or(0)).copied()?;
    Some(if negative { -n } else { n })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    /// The first `expand_exponent` (format!, split_once, parse::<i32>): the oracle of the byte-scanning one.
    fn expand_exponent_as_before(s: &str) -> String {
        let Some((mantissa, exp)) = s.split_once(['e', 'E']) else { return s.to_string() };
        let Ok(exp) = exp.trim_start_matches('+').parse::<i32>() else { return s.to_string() };
        let (sign, mantissa) = match mantissa.strip_prefix('-') {
            Some(m) => ("-", m),
            None => ("", mantissa),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = format!("{int}{frac}");
        let point = int.len() as i64 + i64::from(exp);
        let len = digits.len() as i64;
        let zeros = |n: i64| "0".repeat(n.clamp(0, 400) as usize);
        match digits.get(..point.clamp(0, len) as usize) {
            _ if point <= 0 => format!("{sign}0.{}{digits}", zeros(-point)),
            _ if point >= len => format!("{sign}{digits}{}", zeros(point - len)),
            Some(whole) => format!("{sign}{whole}.{}", digits.get(point as usize..).unwrap_or("")),
            None => s.to_string(),
        }
    }

    /// The first `parse_short` (split at the point, then the digits): the oracle of the one-pass one.
    fn parse_short_as_before(text: &str) -> Option<f64> {
        const POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
        let (negative, body) = match text.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, text),
        };
        let (int, frac) = body.split_once(['.']).unwrap_or((body, ""));
        if int.is_empty() || int.len() + frac.len() > 15 {
            return None;
        }
        let mut whole: u64 = 0;
        for b in int.bytes().chain(frac.bytes()) {
            if !b.is_ascii_digit() {
                return None;
            }
            whole = whole * 10 + u64::from(b - b'0');
        }
        let n = whole as f64 / POW10.get(frac.len()).copied()?;
        Some(if negative { -n } else { n })
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn shortest_text_is_rusts_even_for_large_and_tiny_numbers() {
        for (n, text) in [(1e21, "1000000000000000000000"), (1e-7, "0.0000001"), (-0.0, "-0"), (62.5, "62.5"), (-1.5e-300, "")] {
            if !text.is_empty() {
                assert_eq!(shortest(n), text);
            }
            assert_eq!(expand_exponent(&format!("{n:e}")), format!("{n}"));
        }
        // The form JavaScript writes.
        assert_eq!(expand_exponent("1e+21"), "1000000000000000000000");
        assert_eq!(expand_exponent("-1.25e+22"), "-12500000000000000000000");
        assert_eq!(expand_exponent("1.5e-7"), "0.00000015");
        assert_eq!(expand_exponent("58.333333333333336"), "58.333333333333336");
        for odd in ["1e", "1e+", "1e++5", "1e-+5", "-1e-0", "1.5E3", "1e99999999999", "1e-2147483648", "1e2147483648", "é.5e1", "1.é5e1", "x"] {
            assert_eq!(expand_exponent(odd), expand_exponent_as_before(odd), "{odd}");
        }
    }

    #[test]
    fn one_decimal_rounds_ties_to_even_like_rust() {
        for n in [6.25, 0.25, 0.75, 0.35, 0.05, 62.5, 100.0, 0.0, -0.0, -0.04, 58.333333333333336, 1e21, 5e-324, 2e-18, 0.95, 9.05, 4503599627370495.5, 2f64.powi(53), 2f64.powi(100), -1.5 * 2f64.powi(70), 123456789.0 * 2f64.powi(60)] {
            assert_eq!(fixed1(n), format!("{n:.1}"), "{n}");
        }
    }

    #[test]
    fn short_decimals_parse_exactly() {
        for t in ["0", "-0", "3", "62.5", "58.333333333333", "0.1", "123456789012345", "9.007199254740991"] {
            assert_eq!(parse(t).to_bits(), t.parse::<f64>().unwrap().to_bits(), "{t}");
        }
        for t in ["", "-", "-.5", ".5", "1.", "1.2.3", "--1", "1-", "é1", "000000000000001", "0000000000000001", "1.00000000000000"] {
            assert_eq!(parse_short(t).map(f64::to_bits), parse_short_as_before(t).map(f64::to_bits), "{t}");
        }
        for t in ["1e5", "1.5E-3", "58.333333333333336", "1234567890123456", "1e400"] {
            assert_eq!(parse_short(t), None, "{t}");
            assert_eq!(parse(t).to_bits(), t.parse::<f64>().unwrap().to_bits(), "{t}");
        }
    }

    proptest! {
        #[test]
        fn exponent_form_expands_as_before(s in "-?[0-9é]{0,4}(\\.[0-9]{0,3})?([eE][-+]{0,2}[0-9]{0,11})?") {
            prop_assert_eq!(expand_exponent(&s), expand_exponent_as_before(&s));
        }

        #[test]
        fn exponent_form_expands_to_rusts_text(bits in any::<u64>()) {
            let n = f64::from_bits(bits);
            prop_assume!(n.is_finite());
            prop_assert_eq!(expand_exponent(&format!("{n:e}")), format!("{n}"));
        }

        #[test]
        fn one_decimal_is_rusts(n in prop_oneof![0.0..100.0f64, -1e30..1e30f64, any::<u64>().prop_map(f64::from_bits)]) {
            prop_assume!(n.is_finite() && n.abs() < 2f64.powi(122));
            prop_assert_eq!(fixed1(n), format!("{n:.1}"));
        }

        #[test]
        fn scores_one_decimal(sum in 0u32..400, answered in 1u32..40) {
            let n = f64::from(sum) * 25.0 / f64::from(answered);
            prop_assert_eq!(fixed1(n), format!("{n:.1}"));
        }

        #[test]
        fn short_decimals_parse_as_before(s in "-{0,2}[0-9]{0,17}(\\.[0-9.]{0,17})?|[-0-9.eé+]{0,20}") {
            prop_assert_eq!(parse_short(&s).map(f64::to_bits), parse_short_as_before(&s).map(f64::to_bits), "{}", s);
        }

        #[test]
        fn decimals_parse_like_rust(int in 0u64..1_000_000_000, frac in 0u64..1_000_000_000, neg in any::<bool>()) {
            let t = format!("{}{int}.{frac}", if neg { "-" } else { "" });
            prop_assert_eq!(parse(&t).to_bits(), t.parse::<f64>().unwrap().to_bits());
        }
    }
}

/// The same texts through JavaScript: `cargo test --target wasm32-unknown-unknown --lib`.
#[cfg(all(test, target_arch = "wasm32"))]
mod wasm {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    // Each as Rust's `{}` prints it natively.
    const CASES: [(f64, &str); 9] = [
        (62.5, "62.5"),
        (58.333333333333336, "58.333333333333336"),
        (0.1, "0.1"),
        (1e21, "1000000000000000000000"),
        (-1.25e22, "-12500000000000000000000"),
        (1e-7, "0.0000001"),
        (1.5e-300, ""),
        (-0.0, "-0"),
        (1.7976931348623157e308, ""),
    ];

    #[wasm_bindgen_test]
    fn shortest_text_matches_rusts() {
        for (n, text) in CASES {
            if !text.is_empty() {
                assert_eq!(shortest(n), text);
            }
            assert_eq!(parse(&shortest(n)).to_bits(), n.to_bits(), "{}", shortest(n));
        }
        let many: Vec<f64> = CASES.iter().map(|c| c.0).filter(|n| *n != 0.0).collect();
        let singles: Vec<String> = many.iter().map(|n| shortest(*n)).collect();
        assert_eq!(shortest_many(&many), singles.join(","));
        assert_eq!(fixed1(6.25), "6.2");
        assert_eq!(fixed1(58.333333333333336), "58.3");
    }

    #[wasm_bindgen_test]
    fn long_decimals_parse_like_rust() {
        let texts = ["58.333333333333336", "1.5E-3", "-2.5e+2", "1234567890123456789", "0.30000000000000004"];
        let want = [58.333333333333336, 1.5e-3, -250.0, 1234567890123456789.0, 0.30000000000000004];
        assert_eq!(parse_many(&texts), want.to_vec());
        for (t, n) in texts.iter().zip(want) {
            assert_eq!(parse(t), n);
        }
        assert!(parse("1e400").is_infinite());
        let v = crate::json::parse(r#"{"a":[58.333333333333336,1e21,0.5,3]}"#, "x").unwrap();
        assert_eq!(v.to_text(), r#"{"a":[58.333333333333336,1000000000000000000000,0.5,3]}"#);
    }
}
