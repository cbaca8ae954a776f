package natsqueue

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// HostBucket is the key-value bucket of the shared host pacer.
const HostBucket = "storyline_hosts"

// maxPaceTries bounds how often a process retries a reservation that
// another process changed first.
const maxPaceTries = 100

// HostPacer returns a pacer (web.Fetcher.Pace) shared by every process on
// this queue: one request to a host at a time across all the workers and
// servers, Delay apart. A bucket holds, per host, when its next request may
// start; a process reserves the next slot with a compare-and-set on it and
// waits for its slot. Entries expire after an hour without requests.
func (q *Queue) HostPacer(ctx context.Context) (func(ctx context.Context, host string, delay time.Duration) error, error) {
	// The bucket is created once, and never updated by those that find it
	// (updating a stream while others use it churns the server's store).
	kv, err := q.js.KeyValue(ctx, HostBucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		kv, err = q.js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: HostBucket, History: 1, TTL: time.Hour,
			Description: "storyline: when each host may be fetched next"})
		if errors.Is(err, jetstream.ErrBucketExists) {
			kv, err = q.js.KeyValue(ctx, HostBucket)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open bucket %s: %w", HostBucket, err)
	}
	return func(ctx context.Context, host string, delay time.Duration) error {
		start, err := reserveTurn(ctx, kv, host, delay)
		if err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Until(start)):
			return nil
		}
	}, nil
}

// reserveTurn reserves the next turn at a host, delay long, and returns
// when it starts: when the last reserved turn ends, or now.
func reserveTurn(ctx context.Context, kv jetstream.KeyValue, host string, delay time.Duration) (time.Time, error) {
	key := hex.EncodeToString([]byte(host)) // keys take few characters; a host may hold ':'
	for try := 0; try < maxPaceTries; try++ {
		now := time.Now()
		next, rev := now, uint64(0)
		entry, err := kv.Get(ctx, key)
		switch {
		case err == nil:
			rev = entry.Revision()
			if t, perr := time.Parse(time.RFC3339Nano, string(entry.Value())); perr == nil && t.After(now) {
				next = t
			}
		case !errors.Is(err, jetstream.ErrKeyNotFound):
			return time.Time{}, fmt.Errorf("read the pace of %s: %w", host, err)
		}
		end := []byte(next.Add(delay).UTC().Format(time.RFC3339Nano))
		if rev == 0 {
			_, err = kv.Create(ctx, key, end)
		} else {
			_, err = kv.Update(ctx, key, end, rev)
		}
		if err == nil {
			return next, nil
		}
		if ctx.Err() != nil {
			return time.Time{}, ctx.Err()
		}
		// Another process took this turn first: try for the next.
	}
	return time.Time{}, fmt.Errorf("pace %s: the turn was taken %d times in a row", host, maxPaceTries)
}
