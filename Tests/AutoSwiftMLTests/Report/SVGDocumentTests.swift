import Foundation
import Testing
import AutoSwiftML

@Suite("Report SVG layer")
struct SVGDocumentTests {
    @Test func escapesMarkupCharacters() {
        #expect(SVGDocument.escape("a<b & \"c\" 'd' >") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;")
        #expect(SVGDocument.escape("bell\u{07}tab\t") == "belltab\t")
    }

    @Test func nastyLabelsStayWellFormedAndRoundTrip() throws {
        let nasty = "<script>&amp; \"quoted\" 'single' ]]> --"
        var svg = SVGDocument(width: 100, height: 50, title: nasty)
        svg.text(nasty, x: 10, y: 20)
        svg.rect(x: 0, y: 0, width: 10, height: 10, fill: "#000", tooltip: nasty)
        let parsed = try #require(SVGValidation.parse(svg.rendered))
        #expect(parsed.root == "svg")
        #expect(parsed.viewBox == "0 0 100 50")
        #expect(parsed.text.contains(nasty))
        #expect(!svg.rendered.contains("<script>"))
    }

    @Test func numberTextIsFixedAndLocaleFree() {
        #expect(NumberText.fixed(0.12345, 3) == "0.123")
        #expect(NumberText.fixed(-0.0004, 3) == "0.000")
        #expect(NumberText.fixed(-1.5, 0) == "-2")
        #expect(NumberText.fixed(2.5, 2) == "2.50")
        #expect(NumberText.fixed(1234.5678, 1) == "1234.6")
        #expect(NumberText.compact(2.50) == "2.5")
        #expect(NumberText.compact(3.0) == "3")
        #expect(NumberText.compact(-0.001) == "0")
        #expect(NumberText.fixed(.nan, 2) == "NaN")
        #expect(NumberText.score(nil) == "–")
    }

    @Test func niceScaleCoversTheRangeWithRoundSteps() {
        let s = NiceScale(minimum: 0.613, maximum: 0.847)
        #expect(s.lower <= 0.613 && s.upper >= 0.847)
        #expect(s.step == 0.05)
        #expect(s.ticks.map(s.label) == ["0.60", "0.65", "0.70", "0.75", "0.80", "0.85"])
        let big = NiceScale(minimum: 0, maximum: 950)
        #expect(big.ticks.map(big.label) == ["0", "200", "400", "600", "800", "1000"])
        let flat = NiceScale(minimum: 3, maximum: 3)
        #expect(flat.lower < 3 && flat.upper > 3)
        let unit = NiceScale(fixedLower: 0, fixedUpper: 1)
        #expect(unit.ticks.first == 0 && unit.ticks.last == 1)
    }
}
