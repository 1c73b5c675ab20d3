/// The charts of a run report, each drawn by the library as a standalone SVG document with
/// deterministic text (same inputs, same bytes). Every function returns `nil` when its chart
/// cannot be drawn from the inputs (no rows, no probabilities, a single class…).
public enum ReportCharts {}
