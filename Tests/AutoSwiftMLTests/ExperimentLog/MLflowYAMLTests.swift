import Foundation
import Testing
import AutoSwiftML

/// `meta.yaml` text: quoting of odd strings and reading back files MLflow wrote.
/// The expected YAML was checked against PyYAML's `safe_load` (MLflow's reader).
@Suite("MLflow YAML")
struct MLflowYAMLTests {
    /// (string, the quoted YAML we write); every pair was read back by PyYAML 6 as the string.
    static let quotedCases: [(String, String)] = [
        ("it's", "'it''s'"),
        ("0", "'0'"),
        ("yes", "'yes'"),
        ("null", "'null'"),
        ("", "''"),
        ("  lead ", "'  lead '"),
        ("a: b #c", "'a: b #c'"),
        ("- x", "'- x'"),
        ("[a]", "'[a]'"),
        ("ünï ✓", "'ünï ✓'"),
        ("line1\nline2\ttab", "\"line1\\nline2\\ttab\""),
        ("back\\slash \"q\"\n", "\"back\\\\slash \\\"q\\\"\\n\""),
        ("\u{01}", "\"\\x01\""),
        ("\u{85}", "\"\\x85\""),
        ("\u{2028}", "\"\\u2028\""),
        ("\u{FEFF}", "\"\\uFEFF\""),
    ]

    @Test func quotesOddStringsSoPyYAMLReadsThemBack() {
        for (text, yaml) in Self.quotedCases {
            #expect(MLflowYAML.quoted(text) == yaml, "\(text.debugDescription)")
        }
    }

    @Test func parsingOurDocumentGivesTheStringsBack() {
        var fields: [(key: String, value: MLflowYAML.Value)] = []
        for (i, (text, _)) in Self.quotedCases.enumerated() { fields.append(("k\(i)", .string(text))) }
        let parsed = MLflowYAML.parseFlatMapping(MLflowYAML.document(fields))
        for (i, (text, _)) in Self.quotedCases.enumerated() {
            #expect(parsed["k\(i)"] == text, "\(text.debugDescription)")
        }
    }

    @Test func documentRendersIntegersNullAndEmptyList() {
        let text = MLflowYAML.document([("status", .integer(3)), ("end_time", .null), ("tags", .emptyList),
                                        ("experiment_id", .string("0"))])
        #expect(text == "status: 3\nend_time: null\ntags: []\nexperiment_id: '0'\n")
    }

    @Test func readsAnExperimentMetaWrittenByMLflow() {
        // As MLflow 3.17's write_yaml (PyYAML, width 80) writes a long name: folded onto a
        // continuation line, the fold standing for one space.
        let text = """
        artifact_location: file:///tmp/mlref/347581165152523517
        creation_time: 1795618161194
        effective_trace_archival_retention: null
        experiment_id: '347581165152523517'
        last_update_time: 1795618161194
        lifecycle_stage: active
        name: 'a very long experiment name a very long experiment name a very long experiment
          name it''s: odd'
        trace_location: null
        workspace: default
        x: ünï

        """
        let fields = MLflowYAML.parseFlatMapping(text)
        #expect(fields["experiment_id"] == "347581165152523517")
        #expect(fields["name"] == "a very long experiment name a very long experiment name a very long experiment name it's: odd")
        #expect(fields["lifecycle_stage"] == "active")
        #expect(fields["artifact_location"] == "file:///tmp/mlref/347581165152523517")
        #expect(fields["x"] == "ünï")
    }
}
