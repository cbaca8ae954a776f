//go:build race

package cli

// raceDetector is on: tests that repeat a scenario to show that it always
// holds repeat it less, as the detector makes each run ten times slower
// (the scenario's concurrency is still checked for races).
const raceDetector = true
