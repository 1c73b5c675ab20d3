// csv-bench generate <file> <rows> <columns>   writes a numeric CSV (seeded, deterministic)
// csv-bench read <file> <repeats>              reads it with CSVReader (typed table + schema);
//                                              prints median_seconds=… mb_per_second=… runs=…
import Foundation
import MLCore
import MLData

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: csv-bench generate <file> <rows> <columns> | read <file> <repeats>") }
let url = URL(fileURLWithPath: arguments[2])

switch arguments[1] {
case "generate":
    guard arguments.count == 5, let rows = Int(arguments[3]), let columns = Int(arguments[4]) else {
        fail("usage: csv-bench generate <file> <rows> <columns>")
    }
    var rng = RandomStream(seed: 0)
    var out: [UInt8] = []
    out.append(contentsOf: (0..<columns).map { "x\($0)" }.joined(separator: ",").utf8)
    out.append(10)
    for _ in 0..<rows {
        for j in 0..<columns {
            if j > 0 { out.append(UInt8(ascii: ",")) }
            let value = rng.nextNormal() * 100
            // Mostly 6 decimals, like typical exported data; one integer column.
            let text = j == 0 ? String(rng.nextInt(below: 1000)) : String(format: "%.6f", value)
            out.append(contentsOf: text.utf8)
        }
        out.append(10)
    }
    do { try Data(out).write(to: url) } catch { fail("cannot write \(url.path): \(error)") }
case "read":
    let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let table = try CSVReader.readTable(at: url)
            if table.rowCount < 0 { print("impossible") }
        } catch {
            fail("\(error)")
        }
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    let median = times[times.count / 2]
    print(String(format: "median_seconds=%.4f mb_per_second=%.0f runs=%d", median, Double(size) / 1e6 / median, repeats))
default:
    fail("unknown command \(arguments[1])")
}
