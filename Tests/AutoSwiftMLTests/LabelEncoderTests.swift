import Testing
import AutoSwiftML

@Suite("Label encoding")
struct LabelEncoderTests {
    @Test func numericClassesSortNumerically() throws {
        let column = Column(name: "y", data: numeric([10, 2, nil, 2, 1] as [Double?]))
        let e = try LabelEncoder.encode(column)
        #expect(e.task == .multiclass)
        #expect(e.target == .classes(indices: [2, 1, 1, 0], names: ["1", "2", "10"]))
        #expect(e.keptRows == [0, 1, 3, 4])
        #expect(e.droppedRowCount == 1)
    }

    @Test func stringClassesSortAsStrings() throws {
        let column = Column(name: "y", data: categorical(["b", "B", "a", nil, "b"]))
        let e = try LabelEncoder.encode(column)
        #expect(e.target == .classes(indices: [2, 0, 1, 2], names: ["B", "a", "b"]))
        let bools = Column(name: "y", data: .boolean(values: [true, false, true], missing: [false, false, false]))
        #expect(try LabelEncoder.encode(bools).target == .classes(indices: [1, 0, 1], names: ["false", "true"]))
    }

    @Test func taskInferenceAndOverride() throws {
        let zeroOne = Column(name: "y", data: numeric([0, 1, 1, 0]))
        #expect(try LabelEncoder.encode(zeroOne).task == .binary)
        #expect(try LabelEncoder.encode(zeroOne, task: .regression).target == .values([0, 1, 1, 0]))
        let real = Column(name: "y", data: numeric([0.5, 1, 2, 3]))
        #expect(try LabelEncoder.encode(real).task == .regression)
        #expect(throws: MLError.self) { try LabelEncoder.encode(zeroOne, task: .multiclass) }
        let cat = Column(name: "y", data: categorical(["a", "b"]))
        #expect(throws: MLError.self) { try LabelEncoder.encode(cat, task: .regression) }
        let one = Column(name: "y", data: categorical(["a", "a", nil]))
        #expect(throws: MLError.self) { try LabelEncoder.encode(one) }
        let none = Column(name: "y", data: numeric([nil, nil] as [Double?]))
        #expect(throws: MLError.self) { try LabelEncoder.encode(none) }
    }
}
