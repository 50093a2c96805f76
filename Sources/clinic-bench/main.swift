import Foundation

// clinic-bench: benchmarks of the clinic core. One JSON object on stdout,
// progress on stderr. `--worker PLAN INDEX` is the hidden mode in which the
// contention benchmark runs copies of this executable.
do {
    let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
    switch options.mode {
    case .help:
        print(BenchOptions.usage)
    case .worker(let planPath, let index):
        try ContentionWorker.run(planPath: planPath, index: index)
    case .benchmark:
        let report = try BenchRunner(options: options).run()
        print(try BenchReport.text(report))
    }
} catch {
    progress("clinic-bench: \(error)")
    exit(1)
}
