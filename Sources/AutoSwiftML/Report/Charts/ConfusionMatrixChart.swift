extension ReportCharts {
    /// The confusion matrix as a heat map: true class in rows, predicted class in columns, each
    /// cell shaded by its share of its row and labelled with its count. `nil` when empty.
    /// - Complexity: O(k²) for k classes.
    public static func confusionMatrix(_ matrix: ConfusionMatrix) -> Chart? {
        let k = matrix.classNames.count
        guard k > 0, matrix.counts.count == k, matrix.counts.allSatisfy({ $0.count == k }) else { return nil }
        let names = matrix.classNames.map { shortened($0, 14) }
        let cell = max(36, min(90, 480 / Double(k)))
        let labelWidth = Double(names.map(\.count).max() ?? 1) * 7 + 70
        let left = labelWidth, top = 64.0
        let width = left + cell * Double(k) + 30, height = top + cell * Double(k) + 70
        let title = "Confusion matrix (holdout)"
        var svg = SVGDocument(width: max(width, 320), height: height, title: title)
        svg.text(title, x: max(width, 320) / 2, y: 24, anchor: .middle, size: 15, weight: "bold")
        svg.text("Predicted class", x: left + cell * Double(k) / 2, y: 50, anchor: .middle, size: 12)
        svg.text("True class", x: 18, y: top + cell * Double(k) / 2, anchor: .middle, size: 12, rotation: -90)
        let fontSize = min(14, cell / 3)
        for t in 0..<k {
            let rowTotal = matrix.counts[t].reduce(0, +)
            for p in 0..<k {
                let count = matrix.counts[t][p]
                let share = rowTotal > 0 ? Double(count) / Double(rowTotal) : 0
                let x = left + Double(p) * cell, y = top + Double(t) * cell
                svg.rect(x: x, y: y, width: cell, height: cell, fill: Palette.heat(share), stroke: "#ffffff",
                         tooltip: "true \(matrix.classNames[t]), predicted \(matrix.classNames[p]): \(count) (\(NumberText.fixed(share * 100, 1))% of the row)")
                svg.text(String(count), x: x + cell / 2, y: y + cell / 2 + fontSize / 3, anchor: .middle, size: fontSize,
                         weight: p == t ? "bold" : nil, fill: share > 0.5 ? "#ffffff" : "#222")
            }
            svg.text(names[t], x: left - 8, y: top + Double(t) * cell + cell / 2 + 4, anchor: .end, size: 12)
        }
        for p in 0..<k {
            let x = left + Double(p) * cell + cell / 2, y = top + Double(k) * cell + 16
            if k > 4 {
                svg.text(names[p], x: x, y: y, anchor: .end, size: 12, rotation: -35)
            } else {
                svg.text(names[p], x: x, y: y, anchor: .middle, size: 12)
            }
        }
        return Chart(name: "confusion_matrix", caption: "Holdout counts of true class (rows) against predicted class (columns); shading is the share of the row.", svg: svg.rendered)
    }
}
