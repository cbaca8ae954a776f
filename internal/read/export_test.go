package read

// BackgroundStarted is how many comparisons the reader has started in the
// background (compareInBackground), for tests.
func (r *Reader) BackgroundStarted() int64 { return r.started.Load() }
