// Package queue spreads an ingest over many worker processes, on any number
// of machines, through a jobs table in the PostgreSQL database they all
// store into.
//
// It is a plain SKIP LOCKED queue rather than a queue library: one table,
// five statements, nothing to run beside PostgreSQL, and every job
// inspectable with psql. A job is one input document, carrying the document
// itself (see Payload), so that a worker needs nothing but the database.
//
// A worker claims a batch of jobs with a lease (UPDATE … FOR UPDATE SKIP
// LOCKED: concurrent workers never claim the same job), renews the lease
// while it works, and deletes each job once its document is stored. A
// worker that dies leaves its jobs leased; when the lease runs out, another
// worker claims them again. A document may thus be processed twice, but it
// is stored once: the store's Save is idempotent on the article's URL and
// text. Jobs that fail are kept, state 'failed', with their reason, and the
// reason also goes to the store's failures like any ingest failure.
package queue

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Queue is the jobs table of a newsgraph PostgreSQL database (created by
// the postgres store's migrations).
type Queue struct {
	pool *pgxpool.Pool
}

// New returns the queue in the database pool connects to.
func New(pool *pgxpool.Pool) *Queue { return &Queue{pool: pool} }

// Job is one claimed document.
type Job struct {
	ID int64
	// Attempts counts the claims of the job, this one included: more than
	// one means an earlier worker died or ran out of lease on it.
	Attempts int
	Raw      news.Raw
}

// Payload is a job's document as stored: a news.Raw as JSON, with the
// document's bytes embedded (HTML base64-encoded, exactly as read, whatever
// its charset), never a path, since the worker may run on another machine.
// Streamed formats (JSON lines, feeds, WARC archives) are split at enqueue
// time: each line or record is one job. Inspect one with
//
//	SELECT input, convert_from(payload, 'UTF8')::jsonb->>'url' FROM jobs;
type Payload struct {
	Input     string    `json:"input"`
	Format    string    `json:"format"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Fetched   time.Time `json:"fetched,omitzero"`
	Text      string    `json:"text,omitempty"`
	HTML      []byte    `json:"html,omitempty"`
	Charset   string    `json:"charset,omitempty"`
}

func encode(raw news.Raw) ([]byte, error) {
	return json.Marshal(Payload{Input: raw.Input, Format: raw.Format, URL: raw.URL, Title: raw.Title, Source: raw.Source,
		Published: raw.Published, Fetched: raw.Fetched, Text: raw.Text, HTML: raw.HTML, Charset: raw.Charset})
}

func decode(data []byte) (news.Raw, error) {
	var p Payload
	if err := json.Unmarshal(data, &p); err != nil {
		return news.Raw{}, err
	}
	return news.Raw{Input: p.Input, Format: p.Format, URL: p.URL, Title: p.Title, Source: p.Source,
		Published: p.Published, Fetched: p.Fetched, Text: p.Text, HTML: p.HTML, Charset: p.Charset}, nil
}

// Enqueue adds one job per document, in one round trip. A document already
// waiting in the queue (the same payload) is not added again. It returns
// how many jobs were added.
func (q *Queue) Enqueue(ctx context.Context, raws []news.Raw) (int, error) {
	b := &pgx.Batch{}
	added := 0
	for _, raw := range raws {
		data, err := encode(raw)
		if err != nil {
			return 0, fmt.Errorf("enqueue %s: %w", raw.Input, err)
		}
		sum := sha256.Sum256(data)
		b.Queue(`INSERT INTO jobs (key, input, payload) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
			hex.EncodeToString(sum[:]), raw.Input, data).Exec(func(tag pgconn.CommandTag) error {
			added += int(tag.RowsAffected())
			return nil
		})
	}
	if b.Len() == 0 {
		return 0, nil
	}
	if err := q.pool.SendBatch(ctx, b).Close(); err != nil {
		return 0, fmt.Errorf("enqueue: %w", err)
	}
	return added, nil
}

// Claim leases up to n claimable jobs to worker for lease: jobs queued, and
// jobs whose lease ran out (their worker died or stalled). Concurrent
// claims skip each other's rows rather than wait, so workers never block
// one another nor get the same job.
func (q *Queue) Claim(ctx context.Context, worker string, n int, lease time.Duration) ([]Job, error) {
	rows, err := q.pool.Query(ctx, `UPDATE jobs SET state = 'leased', worker = $1, attempts = attempts + 1,
		leased_until = now() + make_interval(secs => $3)
		WHERE id IN (SELECT id FROM jobs
			WHERE state = 'queued' OR (state = 'leased' AND leased_until < now())
			ORDER BY id FOR UPDATE SKIP LOCKED LIMIT $2)
		RETURNING id, attempts, payload`, worker, n, lease.Seconds())
	if err != nil {
		return nil, fmt.Errorf("claim jobs: %w", err)
	}
	defer rows.Close()
	var jobs []Job
	for rows.Next() {
		var j Job
		var data []byte
		if err := rows.Scan(&j.ID, &j.Attempts, &data); err != nil {
			return nil, err
		}
		if j.Raw, err = decode(data); err != nil {
			return nil, fmt.Errorf("job %d: bad payload: %w", j.ID, err)
		}
		jobs = append(jobs, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claim jobs: %w", err)
	}
	// The UPDATE returns rows in no particular order; work in queue order.
	slices.SortFunc(jobs, func(a, b Job) int { return cmp.Compare(a.ID, b.ID) })
	return jobs, nil
}

// Renew extends worker's leases on the jobs ids for another lease, and
// returns how many it still held: a job whose lease already ran out and
// was claimed by another worker is not taken back.
func (q *Queue) Renew(ctx context.Context, worker string, ids []int64, lease time.Duration) (int, error) {
	tag, err := q.pool.Exec(ctx, `UPDATE jobs SET leased_until = now() + make_interval(secs => $3)
		WHERE id = ANY($2) AND worker = $1 AND state = 'leased'`, worker, ids, lease.Seconds())
	if err != nil {
		return 0, fmt.Errorf("renew leases: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Done removes a job whose document is stored (or was already). Whoever
// holds the job now, its document is in the store, so it goes.
func (q *Queue) Done(ctx context.Context, id int64) error {
	if _, err := q.pool.Exec(ctx, `DELETE FROM jobs WHERE id = $1`, id); err != nil {
		return fmt.Errorf("job %d done: %w", id, err)
	}
	return nil
}

// Fail keeps a job that could not be processed, with the reason, out of
// the claimable jobs.
func (q *Queue) Fail(ctx context.Context, id int64, reason string) error {
	if _, err := q.pool.Exec(ctx, `UPDATE jobs SET state = 'failed', error = $2, leased_until = NULL WHERE id = $1`,
		id, reason); err != nil {
		return fmt.Errorf("job %d failed: %w", id, err)
	}
	return nil
}

// Release puts worker's leased jobs back in the queue at once, for a
// worker that stops cleanly, so that they need not wait for the lease to
// run out.
func (q *Queue) Release(ctx context.Context, worker string) (int, error) {
	tag, err := q.pool.Exec(ctx, `UPDATE jobs SET state = 'queued', leased_until = NULL, attempts = greatest(attempts - 1, 0)
		WHERE worker = $1 AND state = 'leased'`, worker)
	if err != nil {
		return 0, fmt.Errorf("release jobs of %s: %w", worker, err)
	}
	return int(tag.RowsAffected()), nil
}

// Requeue makes every failed job claimable again, for after a fix.
func (q *Queue) Requeue(ctx context.Context) (int, error) {
	tag, err := q.pool.Exec(ctx, `UPDATE jobs SET state = 'queued', attempts = 0, error = '', worker = '' WHERE state = 'failed'`)
	if err != nil {
		return 0, fmt.Errorf("requeue failed jobs: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Counts is how many jobs are in each state.
type Counts struct {
	Queued int64 `json:"queued"`
	Leased int64 `json:"leased"`
	Failed int64 `json:"failed"`
}

// Pending is the number of jobs not yet done nor failed.
func (c Counts) Pending() int64 { return c.Queued + c.Leased }

func (c Counts) String() string {
	return fmt.Sprintf("%d queued, %d leased, %d failed", c.Queued, c.Leased, c.Failed)
}

// Counts counts the jobs in each state.
func (q *Queue) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := q.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE state = 'queued'), count(*) FILTER (WHERE state = 'leased'),
		count(*) FILTER (WHERE state = 'failed') FROM jobs`).Scan(&c.Queued, &c.Leased, &c.Failed)
	if err != nil {
		return c, fmt.Errorf("count jobs: %w", err)
	}
	return c, nil
}
