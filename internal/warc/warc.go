// Package warc reads WARC 1.0 and 1.1 files (ISO 28500), either plain or
// gzip-compressed with one member per record as Common Crawl publishes them.
//
// The reader is built for archives nobody vetted: it caps the size of record
// headers and blocks so that a hostile file cannot exhaust memory, names the
// record number and offset in every error, and after a malformed record it
// finds its way to the next one instead of giving up on the whole file.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// Default limits. Real response records are rarely above a few MiB; 32 MiB
// leaves room for large pages while bounding what one record can cost.
const (
	DefaultMaxHeaderSize = 1 << 20
	DefaultMaxBodySize   = 32 << 20
)

// Errors wrapped by RecordError, for use with errors.Is.
var (
	// ErrNotWARC means the input does not start with a WARC version line.
	ErrNotWARC = errors.New("not a WARC file")
	// ErrMalformed means a record header or block framing is invalid.
	ErrMalformed = errors.New("malformed record")
	// ErrTooLarge means a record header or block exceeds the reader's limits.
	ErrTooLarge = errors.New("record too large")
	// ErrTruncated means the input ended inside a record.
	ErrTruncated = errors.New("truncated record")
)

// errShort marks input that ended inside a record; see Reader.ended.
var errShort = errors.New("input ends inside the record")

// errStaleBody is returned when a record body is read after Next moved on:
// the bytes it would have returned are gone.
var errStaleBody = errors.New("warc: record body read after Next")

// RecordError reports a problem with one record.
type RecordError struct {
	Number int   // 1-based position of the record in the input
	Offset int64 // see Record.Offset
	// Fatal is true when the reader cannot go on: the input is truncated,
	// is not WARC, or its compression is corrupt. Later calls to Next return
	// the same error. When Fatal is false the next call to Next moves on to
	// the following record.
	Fatal bool
	Err   error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("warc record %d (offset %d): %v", e.Number, e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// Record is one WARC record. Its Body is valid until the next call to Next.
type Record struct {
	Number int // 1-based position in the input
	// Offset is where the record starts: the byte offset in a plain file, or
	// the offset of the gzip member the record starts in for a compressed
	// one (which is what CDX indexes point at).
	Offset int64

	Version       string // "WARC/1.0", "WARC/1.1"
	Type          string // WARC-Type: warcinfo, response, request, revisit, resource, ...
	TargetURI     string // WARC-Target-URI, without the angle brackets some writers add
	Date          time.Time
	RecordID      string // WARC-Record-ID as written, e.g. "<urn:uuid:...>"
	ContentType   string // Content-Type of the block
	ContentLength int64
	Header        textproto.MIMEHeader

	// Body reads the record block: exactly ContentLength bytes. At its end it
	// checks the record trailer and returns an error instead of io.EOF when
	// the trailer is missing, as a sign that Content-Length was wrong.
	Body io.Reader

	maxBody int64 // the reader's MaxBodySize, which bounds decoded payloads too
}

// Reader reads the records of a WARC file in order.
type Reader struct {
	// MaxHeaderSize bounds the bytes of one record header; MaxBodySize the
	// Content-Length of one record. Larger records are reported as errors
	// wrapping ErrTooLarge and skipped. They may be changed before the first
	// call to Next.
	MaxHeaderSize int
	MaxBodySize   int64

	br     *bufio.Reader
	count  *countingReader // bytes fed into br (plain) or into gzip (compressed)
	gz     *members        // nil for a plain file
	n      int             // records started so far
	cur    *body           // body of the record last returned
	resync bool            // the stream is misaligned: skip to the next record
	err    error           // sticky fatal error
}

// NewReader returns a Reader for r, which may be a plain WARC file or a
// gzip-compressed one (detected from the gzip magic number). A compressed
// file may hold one member per record or a single member for the whole file.
func NewReader(r io.Reader) (*Reader, error) {
	src := bufio.NewReaderSize(r, 64<<10)
	wr := &Reader{
		MaxHeaderSize: DefaultMaxHeaderSize,
		MaxBodySize:   DefaultMaxBodySize,
		count:         &countingReader{r: src},
	}
	magic, err := src.Peek(2)
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("warc: %w", err)
	}
	if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		wr.br = bufio.NewReaderSize(wr.count, 64<<10)
		return wr, nil
	}
	// gzip reads single bytes from a flate.Reader without buffering ahead,
	// so counting what it takes gives exact member offsets.
	z, err := gzip.NewReader(wr.count)
	if err != nil {
		return nil, fmt.Errorf("warc: gzip member at offset 0: %w", err)
	}
	z.Multistream(false)
	wr.gz = &members{src: wr.count, z: z}
	wr.br = bufio.NewReaderSize(wr.gz, 64<<10)
	return wr, nil
}

// Next returns the next record, or io.EOF after the last one. Any unread
// part of the previous record's body is discarded. Errors are *RecordError;
// see RecordError.Fatal for whether reading can go on.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	if err := r.finish(); err != nil {
		return nil, err
	}
	if r.resync {
		r.resync = false
		if err := r.skipBadRecord(); err != nil {
			return nil, r.fail(r.n, r.offset(), err)
		}
	}
	if r.gz != nil {
		r.gz.hold = false // let the next member in
	}
	if err := r.skipBlankLines(); err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, r.fail(r.n+1, r.offset(), err)
	}
	r.n++
	rec := &Record{Number: r.n, Offset: r.offset(), maxBody: r.MaxBodySize}
	if r.gz != nil {
		// A record that starts a member must end with it, which lets a
		// bad record cost no more than its own member.
		r.gz.hold = r.gz.out == int64(r.br.Buffered())
	}
	if err := r.readHeader(rec); err != nil {
		return nil, err
	}
	b := &body{r: r, num: rec.Number, off: rec.Offset, remaining: rec.ContentLength}
	r.cur = b
	if rec.ContentLength > r.MaxBodySize {
		// Skip the block now so that the caller can go on with the next
		// record; a block this large is never a news article.
		if err := r.finish(); err != nil && r.err != nil {
			return nil, err
		}
		return nil, &RecordError{Number: rec.Number, Offset: rec.Offset,
			Err: fmt.Errorf("%w: Content-Length %d exceeds limit of %d bytes", ErrTooLarge, rec.ContentLength, r.MaxBodySize)}
	}
	rec.Body = b
	return rec, nil
}

// offset returns the position of the next unread byte, as Record.Offset
// defines it.
func (r *Reader) offset() int64 {
	if r.gz == nil {
		return r.count.n - int64(r.br.Buffered())
	}
	if int64(r.br.Buffered()) > r.gz.out {
		// Buffered bytes reach back into the previous member.
		return r.gz.prevStart
	}
	return r.gz.start
}

// fail records a fatal error and returns it.
func (r *Reader) fail(num int, off int64, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		err = fmt.Errorf("%w: %v", ErrTruncated, err)
	}
	r.err = &RecordError{Number: num, Offset: off, Fatal: true, Err: err}
	return r.err
}

// ended reports input that ran out inside record num. At the end of a gzip
// member that holds one record, that record is malformed but the next member
// starts afresh; anywhere else the input is truncated.
func (r *Reader) ended(num int, off int64, what string) error {
	if r.gz != nil && r.gz.hold {
		return &RecordError{Number: num, Offset: off,
			Err: fmt.Errorf("%w: gzip member ends inside the %s", ErrMalformed, what)}
	}
	return r.fail(num, off, fmt.Errorf("%w: input ends inside the %s", ErrTruncated, what))
}

// skipBlankLines consumes empty lines before a record. The standard puts
// exactly two line breaks after each block, but some writers add more.
func (r *Reader) skipBlankLines() error {
	for {
		c, err := r.br.Peek(2)
		switch {
		case len(c) >= 1 && c[0] == '\n':
			_, _ = r.br.Discard(1)
		case len(c) == 2 && c[0] == '\r' && c[1] == '\n':
			_, _ = r.br.Discard(2)
		case len(c) == 0 && err != nil:
			return err // io.EOF at a record boundary is the clean end
		default:
			return nil
		}
	}
}

// skipBadRecord moves past what is left of a record whose framing was
// wrong, to the next line that reads like a WARC version line. If the
// record started a gzip member, the search ends with that member, since the
// next one starts the next record.
func (r *Reader) skipBadRecord() error {
	for {
		head, err := r.br.Peek(6)
		if len(head) == 6 && isVersionPrefix(head) {
			return nil
		}
		if err != nil && len(head) < 6 {
			if err == io.EOF {
				// Whatever was left is not a record; the bad record
				// itself has been reported already.
				_, _ = r.br.Discard(len(head))
				return nil
			}
			return err
		}
		// Discard the rest of the line, however long.
		for {
			_, err := r.br.ReadSlice('\n')
			if err == nil {
				break
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}

func isVersionPrefix(b []byte) bool {
	return bytes.HasPrefix(b, []byte("WARC/")) && len(b) > 5 && b[5] >= '0' && b[5] <= '9'
}

// readLine reads one line without its line break, charging its length to
// budget so that no header can grow past MaxHeaderSize.
func (r *Reader) readLine(budget *int) ([]byte, error) {
	var line []byte
	for {
		frag, err := r.br.ReadSlice('\n')
		*budget -= len(frag)
		if *budget < 0 {
			return nil, fmt.Errorf("%w: header exceeds limit of %d bytes", ErrTooLarge, r.MaxHeaderSize)
		}
		line = append(line, frag...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF {
				return nil, errShort
			}
			return nil, err
		}
		line = bytes.TrimSuffix(line[:len(line)-1], []byte("\r"))
		return line, nil
	}
}

// readHeader reads the version line and header fields of rec. Errors that
// leave the reader unsure where the record ends make it resynchronise.
func (r *Reader) readHeader(rec *Record) error {
	budget := r.MaxHeaderSize
	bad := func(err error) error {
		switch {
		case err == errShort:
			return r.ended(rec.Number, rec.Offset, "record header")
		case errors.Is(err, ErrMalformed) || errors.Is(err, ErrTooLarge):
			r.resync = true
			return &RecordError{Number: rec.Number, Offset: rec.Offset, Err: err}
		default:
			return r.fail(rec.Number, rec.Offset, err)
		}
	}
	line, err := r.readLine(&budget)
	if err != nil {
		return bad(err)
	}
	if !isVersionPrefix(line) {
		if rec.Number == 1 {
			return r.fail(rec.Number, rec.Offset, fmt.Errorf("%w: input starts with %q", ErrNotWARC, clip(line)))
		}
		return bad(fmt.Errorf("%w: expected WARC version line, got %q", ErrMalformed, clip(line)))
	}
	rec.Version = string(line)

	h := make(textproto.MIMEHeader)
	var last string // key of the previous field, for continuation lines
	for {
		line, err := r.readLine(&budget)
		if err != nil {
			return bad(err)
		}
		if len(line) == 0 {
			break
		}
		if line[0] == ' ' || line[0] == '\t' {
			if last == "" {
				return bad(fmt.Errorf("%w: continuation line %q before any field", ErrMalformed, clip(line)))
			}
			vs := h[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(string(line))
			continue
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		name = bytes.TrimSpace(name)
		if !ok || len(name) == 0 || bytes.ContainsAny(name, " \t") {
			return bad(fmt.Errorf("%w: bad header line %q", ErrMalformed, clip(line)))
		}
		last = textproto.CanonicalMIMEHeaderKey(string(name))
		h[last] = append(h[last], string(bytes.TrimSpace(value)))
	}
	rec.Header = h

	cls := h.Values("Content-Length")
	if len(cls) == 0 {
		return bad(fmt.Errorf("%w: no Content-Length", ErrMalformed))
	}
	for i, v := range cls {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 || (i > 0 && n != rec.ContentLength) {
			return bad(fmt.Errorf("%w: bad Content-Length %q", ErrMalformed, strings.Join(cls, ", ")))
		}
		rec.ContentLength = n
	}
	rec.Type = h.Get("WARC-Type")
	rec.TargetURI = strings.TrimSuffix(strings.TrimPrefix(h.Get("WARC-Target-URI"), "<"), ">")
	rec.RecordID = h.Get("WARC-Record-ID")
	rec.ContentType = h.Get("Content-Type")
	rec.Date = parseDate(h.Get("WARC-Date"))
	return nil
}

// parseDate parses a WARC-Date. WARC 1.0 uses second precision, 1.1 allows
// fractions and the reduced W3C-DTF precisions; some tools write 14-digit
// timestamps. An unparseable date is left zero: it costs the record its
// fetch date, not its content, and the raw value stays in the Header.
func parseDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02", "2006-01", "2006", "20060102150405"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// finish discards what is left of the current record's block and checks its
// trailer. It returns an error only when the caller has not seen it yet.
func (r *Reader) finish() error {
	b := r.cur
	if b == nil {
		return nil
	}
	r.cur = nil
	defer func() { b.stale = true }()
	if b.err != nil {
		return nil // already returned by Body.Read
	}
	if b.remaining > 0 {
		n, err := io.CopyN(io.Discard, r.br, b.remaining)
		b.remaining -= n
		if err == io.EOF {
			return r.ended(b.num, b.off, "block (Content-Length too large?)")
		}
		if err != nil {
			return r.fail(b.num, b.off, err)
		}
	}
	if !b.checked {
		return r.checkTrailer(b)
	}
	return nil
}

// checkTrailer reads the two line breaks that end a record. When they are
// missing, Content-Length was wrong and the reader must resynchronise.
func (r *Reader) checkTrailer(b *body) error {
	b.checked = true
	for i := 0; i < 2; i++ {
		c, err := r.br.ReadByte()
		if err == io.EOF {
			// The block is complete; only the final line breaks are
			// missing, which some writers leave out at the end of a file.
			return nil
		}
		if err != nil {
			return r.fail(b.num, b.off, err)
		}
		if c == '\r' {
			c, err = r.br.ReadByte()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return r.fail(b.num, b.off, err)
			}
		}
		if c != '\n' {
			r.resync = true
			return &RecordError{Number: b.num, Offset: b.off,
				Err: fmt.Errorf("%w: block not followed by CRLF CRLF (wrong Content-Length?)", ErrMalformed)}
		}
	}
	return nil
}

// body reads one record block from the shared buffered reader.
type body struct {
	r         *Reader
	num       int
	off       int64
	remaining int64
	checked   bool  // trailer checked
	stale     bool  // Next has moved on
	err       error // error already returned to the caller
}

func (b *body) Read(p []byte) (int, error) {
	if b.stale {
		return 0, errStaleBody
	}
	if b.err != nil {
		return 0, b.err
	}
	if b.remaining == 0 {
		if !b.checked {
			if err := b.r.checkTrailer(b); err != nil {
				b.err = err
				return 0, err
			}
		}
		return 0, io.EOF
	}
	if int64(len(p)) > b.remaining {
		p = p[:b.remaining]
	}
	n, err := b.r.br.Read(p)
	b.remaining -= int64(n)
	switch {
	case err == io.EOF:
		b.err = b.r.ended(b.num, b.off, "block (Content-Length too large?)")
	case err != nil:
		b.err = b.r.fail(b.num, b.off, err)
	}
	return n, b.err
}

// clip shortens b for quoting in an error message.
func clip(b []byte) []byte {
	if len(b) > 40 {
		return b[:40]
	}
	return b
}

// countingReader counts the bytes read through it. It implements
// io.ByteReader so that gzip uses it directly and reads nothing ahead.
type countingReader struct {
	r *bufio.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// members decompresses a sequence of gzip members as one stream while
// keeping track of where the current member started.
type members struct {
	src       *countingReader
	z         *gzip.Reader
	start     int64 // compressed offset of the current member
	prevStart int64 // and of the one before
	out       int64 // bytes decompressed from the current member so far
	ended     bool  // the current member is exhausted
	hold      bool  // report the end of the current member as io.EOF
	err       error
}

func (m *members) Read(p []byte) (int, error) {
	if m.err != nil {
		return 0, m.err
	}
	for {
		if m.ended {
			if m.hold {
				return 0, io.EOF
			}
			start := m.src.n
			if err := m.z.Reset(m.src); err != nil {
				if err == io.EOF {
					m.err = io.EOF
				} else {
					m.err = fmt.Errorf("gzip member at offset %d: %w", start, err)
				}
				return 0, m.err
			}
			m.z.Multistream(false)
			m.prevStart, m.start, m.out, m.ended = m.start, start, 0, false
		}
		n, err := m.z.Read(p)
		m.out += int64(n)
		if err == io.EOF {
			m.ended = true
			if n == 0 {
				continue
			}
			return n, nil
		}
		if err != nil {
			m.err = fmt.Errorf("gzip member at offset %d: %w", m.start, err)
			return n, m.err
		}
		return n, nil
	}
}
