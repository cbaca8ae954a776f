//go:build race

package compare

// raceDetector is on: sync.Pool drops a share of what is put back at
// random under the detector, so allocation counts say nothing there.
const raceDetector = true
