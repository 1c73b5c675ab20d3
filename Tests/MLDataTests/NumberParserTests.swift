import Foundation
import MLCore
import Testing
@testable import MLData

/// The naive twin of `NumberParser`: a `String`-based grammar check, then `Double(String)`.
private func naiveParse(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
    let pattern = #"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"#
    guard trimmed.range(of: pattern, options: .regularExpression) != nil else { return nil }
    return Double(trimmed)
}

@Suite("NumberParser against its naive twin")
struct NumberParserTests {
    @Test func handPickedCases() {
        let cases = ["0", "-0", "1", "+1", "1.", ".5", "-.5", "1e3", "1E-3", "2.5e+10", " 7 ", "\t8\t",
                     "0.1", "0.3", "3.141592653589793", "0.038075906433423026", "-0.0018820165277906047",
                     "123456789012345678901234567890", "1e308", "1e309", "1e-400", "4.9e-324", "007",
                     "", " ", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "0x10", "inf", "nan",
                     "NaN", "1 2", "--1", "1_000", "١٢"]
        for text in cases {
            let fast = NumberParser.parse(text)
            let slow = naiveParse(text)
            #expect(fast == slow || (fast?.isNaN == true && slow?.isNaN == true), "\(text.debugDescription): \(String(describing: fast)) vs \(String(describing: slow))")
        }
    }

    @Test func randomDecimalsMatchExactly() {
        var rng = RandomStream(seed: 42)
        for _ in 0..<5000 {
            let digits = 1 + rng.nextInt(below: 20)
            var text = rng.nextInt(below: 2) == 0 ? "-" : ""
            for k in 0..<digits {
                if k == digits / 2 && rng.nextInt(below: 2) == 0 { text += "." }
                text += String(rng.nextInt(below: 10))
            }
            if rng.nextInt(below: 3) == 0 { text += "e\(rng.nextInt(below: 60) - 30)" }
            #expect(NumberParser.parse(text) == naiveParse(text), "\(text)")
        }
        for _ in 0..<2000 {
            let x = (rng.nextUniform() - 0.5) * pow(10, Double(rng.nextInt(below: 40) - 20))
            #expect(NumberParser.parse("\(x)") == x)
        }
    }
}
