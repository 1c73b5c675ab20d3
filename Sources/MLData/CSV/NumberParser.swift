#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses decimal numbers straight from bytes, without allocating.
///
/// Grammar (after trimming spaces and tabs): `[+-]? (digits [. digits?]? | . digits) ([eE] [+-]? digits)?`.
/// Hexadecimal, `inf`, `nan`, thousands separators and decimal commas are not numbers here.
/// Values of at most 19 digits that form an integer up to 2^53 with a decimal exponent within ±22 are computed
/// exactly (Clinger's fast path: one correctly rounded multiplication or division of two exactly
/// representable doubles); others go through the C library's correctly rounded `strtod` on a
/// stack copy.
enum NumberParser {
    /// 10^e for 0 ≤ e ≤ 22, the powers of ten a `Double` holds exactly (a switch the compiler
    /// turns into a constant table, with no lazy-global check in the hot loop).
    @inline(__always)
    static func exactPowerOfTen(_ e: Int) -> Double {
        switch e {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }

    /// True for a space or a tab.
    @inline(__always)
    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// The number in `p[start..<end]`, or `nil` when the bytes are not a decimal number.
    /// The result may be infinite when the exponent overflows (the caller decides).
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        var e = end
        while i < e && isBlank(p[i]) { i &+= 1 }
        while e > i && isBlank(p[e &- 1]) { e &-= 1 }
        if i >= e { return nil }
        let tokenStart = i
        var negative = false
        if p[i] == UInt8(ascii: "-") { negative = true; i &+= 1 } else if p[i] == UInt8(ascii: "+") { i &+= 1 }
        // All digits, integer and fraction, go into `mantissa`; more than 19 take the slow path
        // (the wrapped value is then never used).
        var mantissa: UInt64 = 0
        let integerStart = i
        while i < e {
            let d = p[i] &- 0x30
            if d > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(d)
            i &+= 1
        }
        var digits = i &- integerStart
        var exponent = 0
        if i < e && p[i] == UInt8(ascii: ".") {
            i &+= 1
            let fractionStart = i
            while i < e {
                let d = p[i] &- 0x30
                if d > 9 { break }
                mantissa = mantissa &* 10 &+ UInt64(d)
                i &+= 1
            }
            exponent = fractionStart &- i
            digits &+= i &- fractionStart
        }
        if digits == 0 { return nil }
        if i < e && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i &+= 1
            var expNegative = false
            if i < e && p[i] == UInt8(ascii: "-") { expNegative = true; i &+= 1 } else if i < e && p[i] == UInt8(ascii: "+") { i &+= 1 }
            var expValue = 0
            var expDigits = 0
            while i < e {
                let d = p[i] &- 0x30
                if d > 9 { break }
                if expValue < 100_000 { expValue = expValue &* 10 &+ Int(d) }
                expDigits &+= 1
                i &+= 1
            }
            if expDigits == 0 { return nil }
            exponent &+= expNegative ? -expValue : expValue
        }
        if i != e { return nil }
        if digits > 19 { return slowParse(p, tokenStart, e) }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * exactPowerOfTen(exponent) : m / exactPowerOfTen(-exponent)
            return negative ? -value : value
        }
        return slowParse(p, tokenStart, e)
    }

    /// Correctly rounded conversion through `strtod` on a NUL-terminated stack copy of a token
    /// already checked against the grammar.
    static func slowParse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let length = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            for k in 0..<length { base[k] = CChar(bitPattern: p[start + k]) }
            base[length] = 0
            var endPointer: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &endPointer)
            guard let endPointer, endPointer == base + length else { return nil }
            return value
        }
    }

    /// The number spelled by `text` (same grammar), for callers holding strings.
    static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            return parse(base, 0, buffer.count)
        }
    }
}
