import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a document with Foundation's `XMLParser` and records the root element, its viewBox
/// and all character data, so tests can check that an SVG is well-formed XML.
final class SVGValidation: NSObject, XMLParserDelegate {
    private(set) var root: String?
    private(set) var viewBox: String?
    private(set) var elementCount = 0
    private(set) var text = ""

    /// Parses `xml`; `nil` when it is not well-formed.
    static func parse(_ xml: String) -> SVGValidation? {
        let v = SVGValidation()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = v
        return parser.parse() ? v : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if root == nil {
            root = elementName
            viewBox = attributeDict["viewBox"]
        }
        elementCount += 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
