// BenchTuneData: our side of Benchmarks/tune/datasets/run.sh.
//
//   BenchTuneData search CSV TARGET MODEL SEED FOLDS TRIALS RANDOM_TRIALS
//       Tunes MODEL's default search space on the experiment (seed SEED, FOLDS folds, 70/30 split)
//       with gp, tpe and random (TRIALS trials each) and random (RANDOM_TRIALS trials) and prints
//         method trials best_cv_score holdout_score
//       for gp@TRIALS, tpe@TRIALS, random@TRIALS (the same draws as the first TRIALS trials of the
//       longer random run: trial i draws from its own stream) and random@RANDOM_TRIALS. The holdout
//       score is the best trial's configuration refitted on the whole training part and scored on
//       the 30% holdout, as `tune` reports it. Choose-better is off: the best trial, not the
//       untuned model. Default batch size (2).
//   BenchTuneData trace CSV TARGET MODEL SEED FOLDS METHOD TRIALS
//       Diagnostics: the untuned model's score ("default ...") and every trial of one search as
//         index score parameters
//       (how the per-seed results of `search` were examined: where random search wins, what gp tries).
//   BenchTuneData space CSV TARGET MODEL
//       Prints the default search space as JSON: [{"name", "kind", "lower", "upper", "labels"}].
//   BenchTuneData serve CSV TARGET MODEL SEED FOLDS
//       Reads one JSON object of parameter values per line on standard input and answers one line
//       {"score": mean} (null when the candidate fails), cross-validated exactly as `tune` scores a
//       trial: same folds, same preprocessing, same model stream. Optuna drives this as its objective.
import AutoSwiftML
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    exit(2)
}

func experiment(csv: String, target: String, seed: UInt64, folds: Int) throws -> Experiment {
    let (table, _) = try CSVReader.read(at: URL(fileURLWithPath: csv))
    var config = ExperimentConfig(seed: seed)
    config.folds.count = folds
    return try Experiment(table: table, targetColumn: target, config: config)
}

/// The space `tune` searches: the default, with this experiment's data-dependent bounds.
func space(model: String, experiment: Experiment) -> AnySearchSpace {
    guard let s = DefaultSearchSpaces.space(id: model, for: experiment) else {
        fail("no search space for \(model) (\(experiment.kind.rawValue))")
    }
    return s
}

let args = CommandLine.arguments
guard args.count >= 5 else { fail("usage: BenchTuneData search|trace|space|serve CSV TARGET MODEL [SEED FOLDS [TRIALS RANDOM_TRIALS]]") }
let (command, csv, target, model) = (args[1], args[2], args[3], args[4])

do {
    switch command {
    case "search":
        guard args.count == 9, let seed = UInt64(args[5]), let folds = Int(args[6]), let trials = Int(args[7]),
              let randomTrials = Int(args[8]) else { fail("usage: BenchTuneData search CSV TARGET MODEL SEED FOLDS TRIALS RANDOM_TRIALS") }
        let exp = try experiment(csv: csv, target: target, seed: seed, folds: folds)
        // Each line: method, trials, best CV score, holdout score of the best trial's configuration
        // refitted on the whole training part (what a user of the tuned model gets).
        for (method, n) in [(SearchMethod.gp, trials), (.tpe, trials), (.random, trials), (.random, randomTrials)] {
            let options = TuneOptions(search: SearchOptions(method: method, trials: n), choosesBetter: false)
            let result = try tune(modelID: model, experiment: exp, options: options)
            print("\(method.rawValue) \(n) \(result.bestScore ?? .nan) \(result.holdoutScore ?? .nan)")
        }

    case "trace":
        guard args.count == 9, let seed = UInt64(args[5]), let folds = Int(args[6]),
              let method = SearchMethod(rawValue: args[7]), let trials = Int(args[8]) else {
            fail("usage: BenchTuneData trace CSV TARGET MODEL SEED FOLDS METHOD TRIALS")
        }
        let exp = try experiment(csv: csv, target: target, seed: seed, folds: folds)
        let result = try tune(modelID: model, experiment: exp,
                              options: TuneOptions(search: SearchOptions(method: method, trials: trials), choosesBetter: false))
        print("default \(result.defaultScore.map { String($0) } ?? "nil")")
        for t in result.history {
            print("\(t.index) \(t.mean.map { String($0) } ?? "nil") \(t.parameters.map(\.description).joined(separator: " "))")
        }

    case "space":
        let (table, _) = try CSVReader.read(at: URL(fileURLWithPath: csv))
        let exp = try Experiment(table: table, targetColumn: target)
        var out: [[String: Any]] = []
        for d in space(model: model, experiment: exp).dimensions {
            if d.condition != nil { fail("conditional dimension \(d.name): not supported by this benchmark") }
            switch d.domain {
            case let .uniform(l, u): out.append(["name": d.name, "kind": "uniform", "lower": l, "upper": u])
            case let .logUniform(l, u): out.append(["name": d.name, "kind": "log", "lower": l, "upper": u])
            case let .integer(l, u): out.append(["name": d.name, "kind": "int", "lower": l, "upper": u])
            case let .categorical(labels): out.append(["name": d.name, "kind": "cat", "labels": labels])
            }
        }
        let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))

    case "serve":
        guard args.count == 7, let seed = UInt64(args[5]), let folds = Int(args[6]) else {
            fail("usage: BenchTuneData serve CSV TARGET MODEL SEED FOLDS")
        }
        let exp = try experiment(csv: csv, target: target, seed: seed, folds: folds)
        let s = space(model: model, experiment: exp)
        let metric: Metric = exp.kind == .classification ? .accuracy : .r2
        BLAS.setThreadCount(1)
        while let line = readLine() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                fail("serve: expected a JSON object per line, got \(line)")
            }
            var values: [ParameterValue?] = []
            for d in s.dimensions {
                guard let raw = object[d.name] else { fail("serve: missing parameter \(d.name)") }
                switch d.domain {
                case .uniform, .logUniform:
                    guard let x = (raw as? NSNumber)?.doubleValue else { fail("serve: \(d.name) must be a number") }
                    values.append(.real(x))
                case .integer:
                    guard let i = (raw as? NSNumber)?.intValue else { fail("serve: \(d.name) must be an integer") }
                    values.append(.integer(i))
                case .categorical:
                    values.append(.category("\(raw)"))
                }
            }
            var score: Any = NSNull()
            do {
                let estimator = s.estimator(from: values)
                try estimator.validate()
                let cv = try crossValidate(estimator: estimator, preprocessing: exp.config.preprocessing,
                                           table: exp.trainTable, target: exp.trainTarget, folds: exp.folds,
                                           metrics: [metric], rng: exp.modelStream, threads: 2)
                if let mean = cv.mean(metric) { score = mean }
            } catch {}
            let data = try JSONSerialization.data(withJSONObject: ["score": score])
            print(String(decoding: data, as: UTF8.self))
            fflush(stdout)
        }

    default:
        fail("unknown command \(command); expected search, trace, space or serve")
    }
} catch {
    fail("BenchTuneData: \(error)")
}
