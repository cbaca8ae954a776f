package natsqueue

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/storyline-news/storyline/internal/news"
)

// Input is a raw input on its way to a worker: a page or an article as
// read, or a URL for the worker to fetch.
type Input struct {
	Name    string
	Page    *news.Page
	Article *news.Article
	FromURL bool
	// URL is a page to fetch, when Page and Article are nil; Published
	// (a date alone when DateOnly) and ForceText say what the feed that
	// named it said of it.
	URL       string
	Published time.Time
	DateOnly  bool
	ForceText bool
}

// InputOf is a pipeline input as the queue carries it.
func InputOf(in news.Input) Input {
	q := Input{Name: in.Name, Page: in.Page, Article: in.Article, FromURL: in.FromURL}
	if in.Page == nil && in.Article == nil && in.Fetch != nil {
		q.URL, q.Published, q.DateOnly, q.ForceText = in.Fetch.URL, in.Fetch.Published, in.Fetch.DateOnly, in.Fetch.ForceText
	}
	return q
}

// Hand queues a sequence of inputs for the workers and says how many were
// queued and which failed (read or queued); it stops early only when ctx
// ends.
func (q *Queue) Hand(ctx context.Context, inputs iter.Seq2[news.Input, error]) (news.RunSummary, error) {
	var sum news.RunSummary
	for in, err := range inputs {
		sum.Read++
		if err == nil {
			err = q.PublishInput(ctx, InputOf(in))
		}
		if err != nil {
			if ctx.Err() != nil {
				return sum, ctx.Err()
			}
			var ie *news.InputError
			if !errors.As(err, &ie) {
				ie = &news.InputError{Name: in.Name, Err: err}
			}
			sum.Failures = append(sum.Failures, ie)
			continue
		}
		sum.Queued++
	}
	return sum, ctx.Err()
}

// key identifies an input for the stream's duplicate window: the same page
// or URL queued twice within it is queued once. A page that names its
// outlet (add --source) is keyed by it too (hashed: a header value holds no
// line break), so that queueing a stored page again under another outlet,
// which corrects its outlet, is not dropped.
func (in Input) key() string {
	switch {
	case in.Page != nil && in.Page.Source != "":
		return "page:" + news.Digest(in.Page.Kind, in.Page.Body) + ":source:" + fmt.Sprintf("%x", sha256.Sum256([]byte(in.Page.Source)))
	case in.Page != nil:
		return "page:" + news.Digest(in.Page.Kind, in.Page.Body)
	case in.Article != nil:
		return "article:" + in.Article.ID + ":" + in.Article.URL + ":" + fmt.Sprint(len(in.Article.Text))
	default:
		return "url:" + in.URL
	}
}

// PublishInput queues an input for the workers.
func (q *Queue) PublishInput(ctx context.Context, in Input) error {
	if in.Page == nil && in.Article == nil && in.URL == "" {
		return fmt.Errorf("queue input %s: nothing to queue", in.Name)
	}
	data, err := encode(in)
	if err != nil {
		return fmt.Errorf("queue input %s: %w", in.Name, err)
	}
	if len(data) > q.maxPayload() {
		return fmt.Errorf("queue input %s: %d bytes packed, more than the queue server takes in a message (%d): raise its max_payload", in.Name, len(data), q.maxPayload())
	}
	if _, err := q.js.Publish(ctx, InputSubject, data, jetstream.WithMsgID(in.key())); err != nil {
		return fmt.Errorf("queue input %s: %w", in.Name, err)
	}
	return nil
}

// Delivery is an input handed to this worker. The worker acknowledges it
// (Ack) once what it gave is stored, or gives it back (Nak) to be tried
// again; one it does neither for (it died) is delivered again after
// AckWait.
type Delivery struct {
	Input
	Attempt uint64 // 1 the first time the input is delivered
	q       *Queue
	msg     jetstream.Msg
}

// Ack tells the stream the input is done with: it leaves the queue.
func (d *Delivery) Ack(ctx context.Context) error {
	d.q.done(d)
	if err := d.msg.DoubleAck(ctx); err != nil {
		return fmt.Errorf("acknowledge input %s: %w", d.Name, err)
	}
	return nil
}

// Nak gives the input back, to be delivered again after delay.
func (d *Delivery) Nak(delay time.Duration) error {
	d.q.done(d)
	if err := d.msg.NakWithDelay(delay); err != nil {
		return fmt.Errorf("give back input %s: %w", d.Name, err)
	}
	return nil
}

func (q *Queue) done(d *Delivery) {
	q.mu.Lock()
	delete(q.working, d)
	q.mu.Unlock()
}

// maxAttempts is how many times an input is delivered before the workers
// give up on it (a page that kills its worker every time).
const maxAttempts = 5

// Inputs waits for inputs for this worker and returns at least one and at
// most max of them. Any number of workers share the inputs: each input goes
// to one at a time.
func (q *Queue) Inputs(ctx context.Context, max int) ([]*Delivery, error) {
	cons, err := q.workerConsumer(ctx)
	if err != nil {
		return nil, err
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		msgs, err := pull(ctx, cons, max)
		if err != nil {
			for _, m := range msgs {
				m.Nak()
			}
			return nil, fmt.Errorf("receive inputs: %w", err)
		}
		var out []*Delivery
		for _, m := range msgs {
			d := &Delivery{q: q, msg: m, Attempt: 1}
			if md, err := m.Metadata(); err == nil {
				d.Attempt = md.NumDelivered
			}
			if err := decode(m.Data(), &d.Input); err != nil {
				q.logger.Error("unreadable input dropped", "err", err)
				m.TermWithReason("unreadable: " + err.Error())
				continue
			}
			q.mu.Lock()
			q.working[d] = true
			q.mu.Unlock()
			out = append(out, d)
		}
		if len(out) > 0 {
			return out, nil
		}
	}
}

func (q *Queue) workerConsumer(ctx context.Context) (jetstream.Consumer, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.workers != nil {
		return q.workers, nil
	}
	cons, err := q.js.CreateOrUpdateConsumer(ctx, InputStream, jetstream.ConsumerConfig{
		Durable: workersName, AckPolicy: jetstream.AckExplicitPolicy, AckWait: q.opt.AckWait,
		MaxDeliver: maxAttempts, MaxAckPending: 1024, Description: "storyline: the workers",
	})
	if err != nil {
		return nil, fmt.Errorf("create the workers' consumer: %w", err)
	}
	q.workers = cons
	return cons, nil
}

// Pending is how many inputs the stream holds: waiting for a worker, or
// being worked on and not yet acknowledged.
func (q *Queue) Pending(ctx context.Context) (uint64, error) { return q.held(ctx, InputStream) }

// BatchesPending is how many batch messages wait for the writer or are
// being stored.
func (q *Queue) BatchesPending(ctx context.Context) (uint64, error) { return q.held(ctx, BatchStream) }

func (q *Queue) held(ctx context.Context, stream string) (uint64, error) {
	s, err := q.js.Stream(ctx, stream)
	if err != nil {
		return 0, fmt.Errorf("read stream %s: %w", stream, err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("read stream %s: %w", stream, err)
	}
	return info.State.Msgs, nil
}
