import Testing
@testable import AutoSwiftML

/// Every chart is a well-formed SVG document with an `<svg>` root and a viewBox, and the same
/// inputs give the same bytes.
@Suite("Report charts")
struct ReportChartTests {
    static let classes = ["no <0>", "yes & \"sure\""]
    static let truth: [Int32] = [0, 1, 1, 0, 1, 0, 0, 1]
    static let probabilities: [[Double]] = [[0.8, 0.2], [0.3, 0.7], [0.6, 0.4], [0.9, 0.1],
                                            [0.1, 0.9], [0.4, 0.6], [0.7, 0.3], [0.2, 0.8]]

    static func allCharts() -> [Chart?] {
        let confusion = ConfusionMatrix(classNames: ["a", "b<", "c&"], counts: [[5, 1, 0], [2, 7, 1], [0, 0, 9]])
        let three = (0..<9).map { i -> [Double] in
            var p = [0.2, 0.2, 0.2]; p[i % 3] = 0.6; if i == 4 { p = [0.5, 0.3, 0.2] }; return p
        }
        let trials = (0..<6).map { i in
            TuneTrial(index: i, parameters: [], foldScores: [], mean: i == 2 ? nil : 0.7 + 0.01 * Double((i * 7) % 5),
                      resource: 1, seconds: 0, error: i == 2 ? "bad" : nil)
        }
        return [
            ReportCharts.roc(classNames: classes, truth: truth, probabilities: probabilities),
            ReportCharts.precisionRecall(classNames: classes, truth: truth, probabilities: probabilities),
            ReportCharts.roc(classNames: ["x", "y", "z"], truth: (0..<9).map { Int32($0 % 3) }, probabilities: three),
            ReportCharts.confusionMatrix(confusion),
            ReportCharts.featureImportance(names: (0..<25).map { "f\($0) <&>" }, importances: (0..<25).map { Double($0 % 7) },
                                           source: "split counts"),
            ReportCharts.residuals(truth: [1, 2, 3, 4.5], predicted: [1.2, 1.8, 3.3, 4]),
            ReportCharts.learningCurve(losses: [0.69, 0.6, 0.55, 0.54, 0.56], lossName: "log loss"),
            ReportCharts.trialHistory(trials, metric: .auc, defaultScore: 0.71),
        ]
    }

    @Test func everyChartIsWellFormedSVG() throws {
        for chart in Self.allCharts() {
            let c = try #require(chart)
            let parsed = try #require(SVGValidation.parse(c.svg), "\(c.name) is not well-formed")
            #expect(parsed.root == "svg", "\(c.name)")
            #expect(parsed.viewBox?.hasPrefix("0 0 ") == true, "\(c.name)")
            #expect(parsed.elementCount > 5, "\(c.name)")
        }
    }

    @Test func labelsAreEscapedNotDropped() throws {
        let roc = try #require(ReportCharts.roc(classNames: Self.classes, truth: Self.truth, probabilities: Self.probabilities))
        let parsed = try #require(SVGValidation.parse(roc.svg))
        #expect(parsed.text.contains("yes & \"sure\" (AUC "))
        #expect(roc.svg.contains("yes &amp; &quot;sure&quot;"))
    }

    @Test func binaryROCLegendShowsTheAUC() throws {
        let roc = try #require(ReportCharts.roc(classNames: ["n", "p"], truth: [1, 0, 1, 0],
                                                probabilities: [[0.1, 0.9], [0.2, 0.8], [0.2, 0.8], [0.7, 0.3]]))
        #expect(roc.svg.contains("p (AUC 0.875)"))
    }

    @Test func chartsAreDeterministic() {
        let a = Self.allCharts().map { $0?.svg }
        let b = Self.allCharts().map { $0?.svg }
        #expect(a == b)
    }

    @Test func chartsThatCannotBeDrawnAreNil() {
        #expect(ReportCharts.roc(classNames: ["a", "b"], truth: [0, 0], probabilities: [[0.5, 0.5], [0.4, 0.6]]) == nil)
        #expect(ReportCharts.featureImportance(names: ["a"], importances: [0], source: "x") == nil)
        #expect(ReportCharts.featureImportance(names: ["a", "b"], importances: [1], source: "x") == nil)
        #expect(ReportCharts.residuals(truth: [], predicted: []) == nil)
        #expect(ReportCharts.learningCurve(losses: [0.5], lossName: "log loss") == nil)
        #expect(ReportCharts.trialHistory([], metric: .auc, defaultScore: nil) == nil)
    }

    @Test func featureImportanceKeepsTheTopTwenty() throws {
        let names = (0..<25).map { "feature_\($0)" }
        let chart = try #require(ReportCharts.featureImportance(names: names, importances: (0..<25).map(Double.init), source: "gain"))
        #expect(chart.svg.contains(">feature_24<") && chart.svg.contains(">feature_5<"))
        #expect(!chart.svg.contains(">feature_4<"))
    }
}

@Suite("Report charts on many rows")
struct LargeReportChartTests {
    @Test func longCurvesAreThinnedButKeepTheirEnds() throws {
        // 20,000 rows with distinct scores: the ROC curve has 20,001 points.
        let n = 20_000
        let truth: [Int32] = (0..<n).map { Int32(($0 * 7919) % 3 == 0 ? 1 : 0) }
        let probabilities: [[Double]] = (0..<n).map { i in
            let s = Double((i * 104_729) % n) / Double(n) * 0.5 + (truth[i] == 1 ? 0.3 : 0)
            return [1 - s, s]
        }
        let chart = try #require(ReportCharts.roc(classNames: ["a", "b"], truth: truth, probabilities: probabilities))
        let points = chart.svg.split(separator: "\n").first { $0.hasPrefix("<polyline") }.map {
            $0.split(separator: "\"")[1].split(separator: " ").count
        }
        let count = try #require(points)
        #expect(count > 100 && count < 1_500, "\(count) points drawn")
        #expect(SVGValidation.parse(chart.svg)?.root == "svg")
    }

    @Test func leaderboardChartWithNegativeScoresAndAFailedModel() throws {
        func row(_ id: String, _ mean: Double?, error: String? = nil) -> LeaderboardRow {
            LeaderboardRow(modelID: id, displayName: id.uppercased(),
                           scores: mean.map { [MetricScore(metric: .r2, mean: $0, standardDeviation: 0.05, folds: [])] } ?? [],
                           fitSeconds: nil, error: error)
        }
        let board = Leaderboard(task: .regression, targetName: "y", metrics: [.r2], sortMetric: .r2,
                                rows: [row("ridge", 0.4), row("dummy", -0.25), row("svm", nil, error: "did not <converge>")],
                                holdout: nil, droppedColumns: [], droppedTargetRowCount: 0, featureNames: [], notes: [],
                                seed: 1, foldCount: 3, trainRowCount: 10, holdoutRowCount: 5)
        let chart = try #require(ReportCharts.leaderboard(board))
        #expect(SVGValidation.parse(chart.svg)?.root == "svg")
        #expect(chart.svg.contains(">0.4000<") && chart.svg.contains(">-0.2500<"))
        #expect(!chart.svg.contains("SVM"))
        let markdown = RunReport(title: "t", leaderboard: board).markdown
        #expect(markdown.contains("| SVM | svm | failed |"))
        #expect(markdown.contains("- SVM (svm) failed: did not \\<converge\\>"))
    }
}
