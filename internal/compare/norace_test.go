//go:build !race

package compare

// raceDetector is off: see race_test.go.
const raceDetector = false
