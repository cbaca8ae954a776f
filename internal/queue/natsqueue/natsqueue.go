// Package natsqueue carries storyline's work between machines on NATS
// JetStream: durable streams, acknowledgements and redelivery, any number of
// consumers. It holds two work-queue streams:
//
//   - STORYLINE_BATCHES (subject storyline.batches): extracted windows on
//     their way to the one writer. Queue implements the engine's queue port
//     (engine.Queue) on it: producers on any machine Publish; the writer
//     (the process that holds the database's writer lease) Receives and
//     Acks once the batch is stored, and the result goes back to the
//     producer on its own results subject. A writer that dies leaves its
//     batches unacknowledged: the next writer gets them again (it recreates
//     the consumer when it starts, so at once), and the store's duplicate
//     checks keep an article that was stored before from being stored twice.
//   - STORYLINE_INPUTS (subject storyline.inputs): raw inputs (pages,
//     articles, URLs to fetch) for `storyline worker`s, shared among them; a
//     worker acknowledges an input once the batch it went into is stored, so
//     a worker killed mid-page loses nothing (the input is delivered again
//     after AckWait).
//
// Messages are gob-encoded and S2-compressed; a batch larger than the
// server's maximum payload is sent in parts, stored as one result.
package natsqueue

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"log/slog"
	neturl "net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/s2"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"

	"github.com/storyline-news/storyline/internal/news"
)

// Stream and subject names.
const (
	BatchStream   = "STORYLINE_BATCHES"
	BatchSubject  = "storyline.batches"
	InputStream   = "STORYLINE_INPUTS"
	InputSubject  = "storyline.inputs"
	resultsPrefix = "storyline.results."
	writerName    = "writer"  // the batches' durable consumer
	workersName   = "workers" // the inputs' durable consumer, shared by the workers
)

// fetchWait is how long one pull request waits for messages before the
// consumer asks again (and looks at its context).
const fetchWait = time.Second

// pull returns the messages the consumer has for this process, at most
// max: at once those already waiting, else the first to arrive within
// fetchWait with those that came with it (none when nothing came).
func pull(ctx context.Context, cons jetstream.Consumer, max int) ([]jetstream.Msg, error) {
	collect := func(b jetstream.MessageBatch, err error, out []jetstream.Msg) ([]jetstream.Msg, error) {
		if err != nil {
			return out, err
		}
		for m := range b.Messages() {
			out = append(out, m)
		}
		if err := b.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
			return out, err
		}
		return out, nil
	}
	b, err := cons.FetchNoWait(max)
	out, err := collect(b, err, nil)
	if len(out) > 0 || err != nil {
		return out, err
	}
	wait, cancel := context.WithTimeout(ctx, fetchWait)
	defer cancel()
	b, err = cons.Fetch(1, jetstream.FetchContext(wait))
	if out, err = collect(b, err, nil); len(out) == 0 || err != nil || max == 1 {
		return out, err
	}
	b, err = cons.FetchNoWait(max - 1)
	return collect(b, err, out)
}

// Message headers.
const (
	hdrReply = "Storyline-Reply" // where a batch's result goes
	hdrPart  = "Storyline-Part"  // "i/n" for a batch sent in parts
)

// Options tune a queue. Zero fields take their defaults.
type Options struct {
	// AckWait is how long a message handed to a consumer waits for its
	// acknowledgement before it is delivered again; consumers that work
	// longer tell the server so every AckWait/3. Default 30 s.
	AckWait time.Duration
	// ResultWait is how long a producer waits for a batch's result before
	// it fails the batch (a result is a plain message: one sent while the
	// producer was reconnecting is lost, and the batch, stored or not, is
	// sent again by its producer's caller). Default 10 minutes.
	ResultWait time.Duration
	// Name names the connection in the server's monitoring.
	Name   string
	Logger *slog.Logger
}

// Queue is a connection to JetStream's storyline streams. It is safe for
// concurrent use.
type Queue struct {
	nc     *nats.Conn
	js     jetstream.JetStream
	opt    Options
	inbox  string
	sub    *nats.Subscription
	logger *slog.Logger

	mu      sync.Mutex
	waiting map[string]*awaited        // batch id -> its producer's result
	pending map[string][]jetstream.Msg // batch id -> its messages, held by the writer
	parts   map[string]*partial        // batch id -> the parts received so far
	working map[*Delivery]bool         // inputs handed to this worker, not yet acknowledged
	writer  jetstream.Consumer         // created by the first Receive
	workers jetstream.Consumer         // created by the first Inputs
	stop    chan struct{}
	wg      sync.WaitGroup
}

// awaited is a batch whose result its producer waits for, perhaps in parts.
type awaited struct {
	since time.Time
	done  chan news.BatchResult
	parts int
	got   int
	sum   news.BatchResult
}

// Connect connects to the NATS server at url (nats://host:4222, or a
// comma-separated list of a cluster's servers) and creates the streams
// when they do not exist.
func Connect(ctx context.Context, url string, opt Options) (*Queue, error) {
	if opt.AckWait <= 0 {
		opt.AckWait = 30 * time.Second
	}
	if opt.ResultWait <= 0 {
		opt.ResultWait = 10 * time.Minute
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	if opt.Name == "" {
		opt.Name = "storyline"
	}
	nc, err := nats.Connect(url, nats.Name(opt.Name), nats.MaxReconnects(-1), nats.RetryOnFailedConnect(false),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				opt.Logger.Warn("queue connection lost; reconnecting", "err", err)
			}
		}))
	if err != nil {
		return nil, fmt.Errorf("connect to queue %s: %w", Redact(url), err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("connect to queue %s: %w", Redact(url), err)
	}
	q := &Queue{nc: nc, js: js, opt: opt, logger: opt.Logger, inbox: resultsPrefix + nuid.Next(),
		waiting: map[string]*awaited{}, pending: map[string][]jetstream.Msg{}, parts: map[string]*partial{}, working: map[*Delivery]bool{}, stop: make(chan struct{})}
	for _, s := range []jetstream.StreamConfig{
		{Name: BatchStream, Subjects: []string{BatchSubject}, Description: "storyline: extracted batches for the writer"},
		{Name: InputStream, Subjects: []string{InputSubject}, Description: "storyline: raw inputs for the workers"},
	} {
		s.Retention = jetstream.WorkQueuePolicy
		s.Storage = jetstream.FileStorage
		s.Duplicates = 10 * time.Minute // a message published twice in this window is kept once
		if err := ensureStream(ctx, js, s); err != nil {
			nc.Close()
			return nil, fmt.Errorf("create stream %s on %s: %w", s.Name, Redact(url), err)
		}
	}
	if q.sub, err = nc.Subscribe(q.inbox, q.result); err != nil {
		nc.Close()
		return nil, fmt.Errorf("subscribe to results on %s: %w", Redact(url), err)
	}
	q.wg.Add(1)
	go q.keepAlive()
	return q, nil
}

// ensureStream creates a stream, or updates one whose settings differ;
// one as wanted is left alone (every process connecting updated it before,
// which churned the server's store while others used it).
func ensureStream(ctx context.Context, js jetstream.JetStream, want jetstream.StreamConfig) error {
	st, err := js.Stream(ctx, want.Name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		_, err = js.CreateStream(ctx, want)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return nil // another process created it meanwhile
		}
		return err
	}
	if err != nil {
		return err
	}
	have := st.CachedInfo().Config
	if have.Retention == want.Retention && have.Storage == want.Storage && have.Duplicates == want.Duplicates &&
		slices.Equal(have.Subjects, want.Subjects) {
		return nil
	}
	_, err = js.UpdateStream(ctx, want)
	return err
}

// Close closes the connection; messages received and not acknowledged are
// delivered again to others.
func (q *Queue) Close() error {
	close(q.stop)
	q.wg.Wait()
	q.nc.Close()
	return nil
}

// encode gob-encodes v and compresses it.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		return nil, err
	}
	return s2.EncodeBetter(nil, buf.Bytes()), nil
}

// maxDecoded bounds what one message may unpack to: a message claiming more
// is refused before anything is allocated for it.
const maxDecoded = 256 << 20

func decode(b []byte, v any) error {
	n, err := s2.DecodedLen(b)
	if err != nil {
		return err
	}
	if n > maxDecoded {
		return fmt.Errorf("a message unpacking to %d bytes, more than %d", n, maxDecoded)
	}
	raw, err := s2.Decode(nil, b)
	if err != nil {
		return err
	}
	return gob.NewDecoder(bytes.NewReader(raw)).Decode(v)
}

// maxPayload is what one message may carry, with room for its headers.
func (q *Queue) maxPayload() int { return int(q.nc.MaxPayload()) - 4096 }

// Publish sends a batch to the writer, in parts when it is larger than a
// message may be; its result comes on the returned channel once the
// writer has stored it. A batch published twice (same id) within ten
// minutes is queued once.
func (q *Queue) Publish(ctx context.Context, b news.Batch) (<-chan news.BatchResult, error) {
	parts, err := q.split(b)
	if err != nil {
		return nil, fmt.Errorf("publish batch %s: %w", b.ID, err)
	}
	a := &awaited{since: time.Now(), done: make(chan news.BatchResult, 1), parts: len(parts), sum: news.BatchResult{Batch: b.ID, Job: b.Job}}
	q.mu.Lock()
	if _, dup := q.waiting[b.ID]; dup {
		q.mu.Unlock()
		return nil, fmt.Errorf("publish batch %s: a batch of that id is queued already", b.ID)
	}
	q.waiting[b.ID] = a
	q.mu.Unlock()
	for i, data := range parts {
		msg := nats.NewMsg(BatchSubject)
		msg.Data = data
		msg.Header.Set(hdrReply, q.inbox)
		msg.Header.Set(hdrPart, fmt.Sprintf("%d/%d", i+1, len(parts)))
		if _, err := q.js.PublishMsg(ctx, msg, jetstream.WithMsgID(fmt.Sprintf("%s/%s#%d", q.inbox, b.ID, i+1))); err != nil {
			q.mu.Lock()
			delete(q.waiting, b.ID)
			q.mu.Unlock()
			return nil, fmt.Errorf("publish batch %s: %w", b.ID, err)
		}
	}
	return a.done, nil
}

// split encodes a batch as the messages that carry it: one, or as many
// parts (each a batch of the same id holding some of its items, the
// failed pages and the outlets named for stored pages in the last) as keep
// each under the payload limit.
func (q *Queue) split(b news.Batch) ([][]byte, error) {
	data, err := encode(b)
	if err != nil {
		return nil, err
	}
	if len(data) <= q.maxPayload() {
		return [][]byte{data}, nil
	}
	if len(b.Items)+len(b.Failed) <= 1 {
		return nil, fmt.Errorf("one input is %d bytes packed, more than the queue server takes in a message (%d): raise its max_payload", len(data), q.maxPayload())
	}
	// Halve (the items, then the failed pages) until each part fits; only
	// the last part is final.
	half := (len(b.Items) + len(b.Failed)) / 2
	first, second := b, b
	first.Final, first.Outlets = false, nil
	if half <= len(b.Items) {
		first.Items, first.Failed = b.Items[:half], nil
		second.Items = b.Items[half:]
	} else {
		k := half - len(b.Items)
		first.Failed = b.Failed[:k]
		second.Items, second.Failed = nil, b.Failed[k:]
	}
	a, err := q.split(first)
	if err != nil {
		return nil, err
	}
	c, err := q.split(second)
	if err != nil {
		return nil, err
	}
	return append(a, c...), nil
}

// result takes a stored batch's (or part's) result to its producer.
func (q *Queue) result(m *nats.Msg) {
	var r news.BatchResult
	if err := decode(m.Data, &r); err != nil {
		q.logger.Error("unreadable batch result", "err", err)
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	a, ok := q.waiting[r.Batch]
	if !ok {
		return // a result delivered twice, or for a producer that gave up
	}
	a.got++
	s := &a.sum
	s.Added = append(s.Added, r.Added...)
	s.AlreadyStored += r.AlreadyStored
	s.OutletsSet += r.OutletsSet
	s.StoredBefore = append(s.StoredBefore, r.StoredBefore...)
	s.NewStories = append(s.NewStories, r.NewStories...)
	s.Changes = append(s.Changes, r.Changes...)
	if s.Err == "" {
		s.Err = r.Err
	}
	if a.got >= a.parts {
		delete(q.waiting, r.Batch)
		a.done <- *s
	}
}

// Receive waits for batches for the writer and returns at least one and at
// most max of them, failing only when ctx ends (the queue's own failures
// are logged and waited out) (a batch sent in parts counts once it is whole). The
// first call makes this process the consumer: it recreates the writer's
// consumer, so that batches a writer before it received and never
// acknowledged (it died) are delivered again at once. Only the holder of
// the writer lease calls it.
func (q *Queue) Receive(ctx context.Context, max int) ([]news.Batch, error) {
	cons, err := q.writerConsumer(ctx)
	if err != nil {
		return nil, err
	}
	var out []news.Batch
	for len(out) == 0 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		msgs, err := pull(ctx, cons, max)
		if err != nil && ctx.Err() == nil {
			// The writer stops when Receive fails: a server restarting or
			// a connection being re-established is waited out instead.
			q.logger.Warn("receive batches; trying again", "err", err)
			select {
			case <-ctx.Done():
			case <-time.After(fetchWait):
			}
		}
		for _, m := range msgs {
			if b, ok := q.take(m); ok {
				out = append(out, b)
			}
		}
		if len(out) == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// take decodes a received message; a part completes its batch or waits for
// the rest. An unreadable message is terminated (never delivered again) and
// logged.
func (q *Queue) take(m jetstream.Msg) (news.Batch, bool) {
	var b news.Batch
	if err := decode(m.Data(), &b); err != nil {
		q.logger.Error("unreadable batch dropped", "err", err)
		m.TermWithReason("unreadable: " + err.Error())
		return b, false
	}
	n, at := 1, 1
	if part := m.Headers().Get(hdrPart); part != "" {
		if i, total, ok := strings.Cut(part, "/"); ok {
			at, _ = strconv.Atoi(i)
			n, _ = strconv.Atoi(total)
		}
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if n <= 1 {
		q.pending[b.ID] = append(q.pending[b.ID], m)
		return b, true
	}
	// The parts of a batch are put together here, in their order (a part
	// delivered again replaces its first delivery), and stored and
	// acknowledged as one.
	p := q.parts[b.ID]
	if p == nil {
		p = &partial{msgs: map[int]jetstream.Msg{}, batches: map[int]news.Batch{}}
		q.parts[b.ID] = p
	}
	p.msgs[at], p.batches[at] = m, b
	if len(p.msgs) < n {
		return b, false
	}
	whole := news.Batch{ID: b.ID, Job: b.Job}
	var msgs []jetstream.Msg
	for i := 1; i <= n; i++ {
		part, ok := p.batches[i]
		if !ok {
			return b, false // numbered oddly: wait for the rest
		}
		whole.Items = append(whole.Items, part.Items...)
		whole.Failed = append(whole.Failed, part.Failed...)
		whole.Outlets = append(whole.Outlets, part.Outlets...)
		whole.Final = whole.Final || part.Final
		msgs = append(msgs, p.msgs[i])
	}
	q.pending[b.ID] = msgs
	delete(q.parts, b.ID)
	return whole, true
}

// partial is a batch whose parts are coming in.
type partial struct {
	msgs    map[int]jetstream.Msg // by part number, from 1
	batches map[int]news.Batch
}

func (q *Queue) writerConsumer(ctx context.Context) (jetstream.Consumer, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.writer != nil {
		return q.writer, nil
	}
	// The previous writer's unacknowledged batches go back to the stream
	// with its consumer.
	if err := q.js.DeleteConsumer(ctx, BatchStream, writerName); err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return nil, fmt.Errorf("take over the writer's consumer: %w", err)
	}
	cons, err := q.js.CreateOrUpdateConsumer(ctx, BatchStream, jetstream.ConsumerConfig{
		Durable: writerName, AckPolicy: jetstream.AckExplicitPolicy, AckWait: q.opt.AckWait,
		MaxAckPending: 256, Description: "storyline: the writer that holds the lease",
	})
	if err != nil {
		return nil, fmt.Errorf("create the writer's consumer: %w", err)
	}
	q.writer = cons
	return cons, nil
}

// Ack sends a batch's result to its producer and acknowledges its
// messages: the batch leaves the stream.
func (q *Queue) Ack(ctx context.Context, r news.BatchResult) error {
	q.mu.Lock()
	msgs, ok := q.pending[r.Batch]
	delete(q.pending, r.Batch)
	q.mu.Unlock()
	if !ok {
		return fmt.Errorf("ack batch %s: no such batch is waiting", r.Batch)
	}
	// The whole result goes with the first part; the others only say they
	// were stored (or not), so that the producer counts them.
	whole, err := encode(r)
	if err != nil {
		return fmt.Errorf("ack batch %s: %w", r.Batch, err)
	}
	rest, err := encode(news.BatchResult{Batch: r.Batch, Job: r.Job, Err: r.Err})
	if err != nil {
		return fmt.Errorf("ack batch %s: %w", r.Batch, err)
	}
	var errs []error
	for i, m := range msgs {
		if reply := m.Headers().Get(hdrReply); reply != "" {
			payload := rest
			if i == 0 {
				payload = whole
			}
			errs = append(errs, q.nc.Publish(reply, payload))
		}
		errs = append(errs, m.DoubleAck(ctx))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("ack batch %s: %w", r.Batch, err)
	}
	return nil
}

// keepAlive tells the server, every AckWait/3, that the messages this
// process holds are being worked on, so that a long write or a slow page
// is not delivered to another meanwhile; and fails the batches whose
// result did not come within ResultWait.
func (q *Queue) keepAlive() {
	defer q.wg.Done()
	t := time.NewTicker(min(q.opt.AckWait, q.opt.ResultWait) / 3)
	defer t.Stop()
	for {
		select {
		case <-q.stop:
			return
		case <-t.C:
		}
		q.mu.Lock()
		var held []jetstream.Msg
		for _, ms := range q.pending {
			held = append(held, ms...)
		}
		for _, p := range q.parts {
			for _, m := range p.msgs {
				held = append(held, m)
			}
		}
		for d := range q.working {
			held = append(held, d.msg)
		}
		for id, a := range q.waiting {
			if time.Since(a.since) > q.opt.ResultWait {
				delete(q.waiting, id)
				a.done <- news.BatchResult{Batch: id, Job: a.sum.Job, Err: fmt.Sprintf("no result from the writer in %s", q.opt.ResultWait)}
			}
		}
		q.mu.Unlock()
		for _, m := range held {
			m.InProgress()
		}
	}
}

// Connected reports whether the connection to the server is up (it is
// re-established by itself when it drops).
func (q *Queue) Connected() bool { return q.nc.IsConnected() }

// Redact drops user names, passwords and tokens from a queue URL (or a
// comma-separated list of them), for messages.
func Redact(urls string) string {
	parts := strings.Split(urls, ",")
	for i, p := range parts {
		if u, err := neturl.Parse(strings.TrimSpace(p)); err == nil && u.User != nil {
			u.User = nil
			parts[i] = u.String()
		}
	}
	return strings.Join(parts, ",")
}
