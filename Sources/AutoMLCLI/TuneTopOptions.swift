import ArgumentParser
import AutoSwiftML
import Foundation

/// `compare --tune-top K`: after the leaderboard, tune its K best models, each on its default search
/// space, and print untuned against tuned scores (PyCaret's `compare_models(n_select=K)` followed
/// by `tune_model` on each). Used as `@OptionGroup var tuning: TuneTopOptions`.
struct TuneTopOptions: ParsableArguments {
    @Option(name: .customLong("tune-top"), help: ArgumentHelp(
        "After the leaderboard, tune the K best models on their default search spaces (0: off).",
        valueName: "K"))
    var tuneTop: Int = 0

    @Option(name: .customLong("tune-search"), help: ArgumentHelp(
        "Searcher of --tune-top: random (PyCaret's default), tpe or gp. tpe starts with 10 random trials (so it differs from random only above 10 trials), gp with a 5-point Latin hypercube.",
        valueName: "random|tpe|gp"))
    var tuneSearch: SearchMethod = .random

    @Option(name: .customLong("tune-trials"), help: ArgumentHelp(
        "Trials per tuned model (PyCaret's n_iter).", valueName: "N"))
    var tuneTrials: Int = 10

    func validate() throws {
        guard tuneTop >= 0 else { throw ValidationError("--tune-top must be at least 0; got \(tuneTop).") }
        guard tuneTrials >= 1 else { throw ValidationError("--tune-trials must be at least 1; got \(tuneTrials).") }
        guard tuneSearch != .halving else {
            throw ValidationError("--tune-search must be random, tpe or gp; use `automl tune --search halving` for successive halving.")
        }
    }

    /// The tuning options these flags describe (choose-better on, metric: the leaderboard's).
    func tuneOptions(threads: Int?) -> TuneOptions {
        TuneOptions(search: SearchOptions(method: tuneSearch, trials: tuneTrials, threadCount: threads))
    }

    /// Tunes the leaderboard's top `--tune-top` models and returns the table to print after the
    /// leaderboard, or `nil` when `--tune-top` is 0. Progress goes to standard error when it is a
    /// terminal and `quiet` is off.
    /// - Throws: the tuning errors (`MLError.invalidInput`).
    func run(leaderboard: Leaderboard, experiment: Experiment, threads: Int?, quiet: Bool) throws -> String? {
        guard tuneTop > 0 else { return nil }
        let showsProgress = !quiet && isatty(fileno(stderr)) != 0
        let results = try AutoSwiftML.tuneTop(tuneTop, of: leaderboard, experiment: experiment,
                                              options: tuneOptions(threads: threads),
                                              progress: showsProgress ? Self.reportProgress : nil)
        if showsProgress { fputs("\r\u{1B}[K", stderr) }
        return TunedLeaderboard(leaderboard: leaderboard, k: tuneTop, results: results).rendered()
    }

    /// `tuning lr (1/3)  trial 4/10  best 0.8123  (untuned 0.8025)` on standard error.
    @Sendable static func reportProgress(_ p: TuneTopProgress) {
        let best = p.tuning.bestScore.map { String(format: "%.4f", $0) } ?? "-"
        let base = p.tuning.defaultScore.map { String(format: "%.4f", $0) } ?? "-"
        fputs("\r\u{1B}[Ktuning \(p.modelID) (\(p.modelIndex + 1)/\(p.modelCount))  trial \(p.tuning.completed)/\(p.tuning.planned)  best \(best)  (untuned \(base))", stderr)
    }
}
