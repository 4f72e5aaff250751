// Package source reads news documents from files, folders and standard input
// and turns each into a news.Raw, without interpreting its content.
//
// Reading never stops at a bad document: every problem is reported, for the
// input it concerns, to the caller's callback, and reading goes on with the
// next document. Large inputs are streamed (JSON lines, WARC records), so
// memory stays flat whatever the corpus size.
package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/news"
)

// Limits bound what one document may cost in memory.
type Limits struct {
	// MaxDocument is the largest single document (a .txt, .html or .json
	// file, one JSON line) that is read; larger ones are rejected.
	MaxDocument int64
}

// DefaultLimits suit news articles: a real article page is well under a few
// megabytes; anything far larger is a mistake (a log, a dump) and is refused
// rather than loaded.
var DefaultLimits = Limits{MaxDocument: 16 << 20}

// Stdin is the path that stands for JSON lines on standard input.
const Stdin = "-"

// Error is a problem with one input document. It names the input, and the
// reading stage, so that a failure record says exactly what to look at.
type Error struct {
	Input string
	Err   error
	// Sample holds the offending bytes when the document cannot be read
	// again from its input (a line on standard input), capped in size, so
	// that a quarantined document is not lost.
	Sample []byte
}

func (e *Error) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Errors returned (wrapped in *Error) for bad documents.
var (
	ErrEmpty       = errors.New("empty document")
	ErrBinary      = errors.New("binary content, not text or HTML")
	ErrTooLarge    = errors.New("document too large")
	ErrUnsupported = errors.New("unsupported file type")
)

// Handler receives each document read, or an error for one that could not be
// read. It returns false to stop reading.
type Handler func(raw news.Raw, err error) bool

// Format names the input format of path from its extension, or "" when the
// file is not one newsgraph reads.
func Format(path string) string {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".txt"):
		return "text"
	case strings.HasSuffix(lower, ".html"), strings.HasSuffix(lower, ".htm"):
		return "html"
	case strings.HasSuffix(lower, ".jsonl"), strings.HasSuffix(lower, ".ndjson"):
		return "jsonl"
	case strings.HasSuffix(lower, ".json"):
		return "json"
	case strings.HasSuffix(lower, ".rss"), strings.HasSuffix(lower, ".atom"), strings.HasSuffix(lower, ".xml"):
		return "feed"
	case strings.HasSuffix(lower, ".warc"), strings.HasSuffix(lower, ".warc.gz"):
		return "warc"
	}
	return ""
}

// Reader reads inputs. Containers of many documents (feeds, WARC archives)
// are read by the warc and feeds packages.
type Reader struct {
	Limits Limits
	Stdin  io.Reader
	// BytesRead, if set, counts the bytes read from files, for a progress
	// display; it is updated from the reading goroutine.
	BytesRead *atomic.Int64
}

// Decoder reads a streamed container format (a feed, a WARC archive) from r
// and reports each document in it to h. input names the file.
type Decoder func(r io.Reader, input string, h Handler) bool

// Input is one file found under the paths given to Walk.
type Input struct {
	Path string
	Size int64
}

// Walk lists the readable inputs under paths in a stable order: files named
// directly (whatever their type, so that a wrong one is reported) and, below
// folders, the files of a known format. Paths that cannot be read are
// reported to h as errors and skipped.
func Walk(paths []string, h func(Input, error) bool) {
	for _, p := range paths {
		if p == Stdin {
			if !h(Input{Path: Stdin, Size: -1}, nil) {
				return
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if !h(Input{Path: p}, err) {
				return
			}
			continue
		}
		if !info.IsDir() {
			if !h(Input{Path: p, Size: info.Size()}, nil) {
				return
			}
			continue
		}
		stopped := false
		walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if !h(Input{Path: path}, err) {
					stopped = true
					return fs.SkipAll
				}
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if Format(path) == "" || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			size := int64(-1)
			if fi, err := d.Info(); err == nil {
				size = fi.Size()
			}
			if !h(Input{Path: path, Size: size}, nil) {
				stopped = true
				return fs.SkipAll
			}
			return nil
		})
		if stopped {
			return
		}
		if walkErr != nil && !h(Input{Path: p}, walkErr) {
			return
		}
	}
}

// Read reads every document under paths, in order, and reports each to h.
// It returns only when reading is done, h returned false, or ctx ended.
func (rd *Reader) Read(ctx context.Context, paths []string, h Handler) error {
	var stopped bool
	Walk(paths, func(in Input, err error) bool {
		if ctx.Err() != nil {
			stopped = true
			return false
		}
		if err != nil {
			if !h(news.Raw{Input: in.Path}, &Error{Input: in.Path, Err: unwrapPathError(err)}) {
				stopped = true
				return false
			}
			return true
		}
		if !rd.ReadFile(ctx, in.Path, h) {
			stopped = true
			return false
		}
		return true
	})
	if stopped && ctx.Err() != nil {
		return ctx.Err()
	}
	return nil
}

// unwrapPathError keeps the operating system's reason ("permission denied")
// without repeating the path, which Error already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// ReadFile reads one input file (or standard input for "-") and reports its
// documents to h. It returns false when h asked to stop.
func (rd *Reader) ReadFile(ctx context.Context, path string, h Handler) bool {
	if path == Stdin {
		in := rd.Stdin
		if in == nil {
			in = os.Stdin
		}
		return rd.readJSONLines(ctx, in, "stdin", h)
	}
	format := Format(path)
	if format == "" {
		return h(news.Raw{Input: path}, &Error{Input: path, Err: fmt.Errorf("%w (expected .txt, .html, .htm, .json, .jsonl, .rss, .atom, .xml, .warc or .warc.gz)", ErrUnsupported)})
	}
	f, err := os.Open(path)
	if err != nil {
		return h(news.Raw{Input: path}, &Error{Input: path, Err: unwrapPathError(err)})
	}
	defer f.Close()
	var r io.Reader = f
	if rd.BytesRead != nil {
		r = &countingReader{r: f, n: rd.BytesRead}
	}

	switch format {
	case "jsonl":
		return rd.readJSONLines(ctx, r, path, h)
	case "feed", "warc":
		dec := containerDecoders[format]
		if dec == nil {
			return h(news.Raw{Input: path}, &Error{Input: path, Err: fmt.Errorf("%w: no %s reader configured", ErrUnsupported, format)})
		}
		return dec(r, path, h)
	}

	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > rd.limits().MaxDocument {
		return h(news.Raw{Input: path}, &Error{Input: path, Err: fmt.Errorf("%w: %s, the limit for one document is %s", ErrTooLarge, byteSize(info.Size()), byteSize(rd.limits().MaxDocument))})
	}
	data, err := readCapped(r, rd.limits().MaxDocument)
	if err != nil {
		return h(news.Raw{Input: path}, &Error{Input: path, Err: err})
	}
	raw, err := Decode(data, format, path)
	if err != nil {
		return h(news.Raw{Input: path}, &Error{Input: path, Err: err})
	}
	return h(raw, nil)
}

func (rd *Reader) limits() Limits {
	if rd.Limits.MaxDocument <= 0 {
		return DefaultLimits
	}
	return rd.Limits
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// readCapped reads all of r, refusing inputs larger than max bytes without
// reading them whole.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %s, the limit for one document", ErrTooLarge, byteSize(max))
	}
	return data, nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Decode turns the bytes of one .txt, .html or .json document into a Raw.
func Decode(data []byte, format, input string) (news.Raw, error) {
	raw := news.Raw{Input: input, Format: format}
	if len(bytes.TrimSpace(data)) == 0 {
		return raw, ErrEmpty
	}
	if isBinary(data) {
		return raw, ErrBinary
	}
	switch format {
	case "text":
		text, err := DecodeText(data)
		if err != nil {
			return raw, err
		}
		raw.Text = text
	case "html":
		raw.HTML = data
	case "json", "jsonl":
		return decodeJSON(data, format, input)
	default:
		return raw, fmt.Errorf("%w: %q", ErrUnsupported, format)
	}
	return raw, nil
}

// isBinary reports content that is not text in any charset: NUL bytes, or
// many control characters, in its first few kilobytes. UTF-16 text has NULs
// too but is announced by a byte order mark.
func isBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	control := 0
	for _, b := range head {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			control++
		}
	}
	return control > len(head)/20
}

// jsonArticle is the shape of a .json document or a JSON line.
type jsonArticle struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

func decodeJSON(data []byte, format, input string) (news.Raw, error) {
	raw := news.Raw{Input: input, Format: format}
	var a jsonArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&a); err != nil {
		return raw, fmt.Errorf("invalid JSON: %w", err)
	}
	if dec.More() {
		return raw, errors.New("invalid JSON: more than one value (use .jsonl for one article per line)")
	}
	if strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.HTML) == "" {
		return raw, errors.New(`no "text" or "html" field with content`)
	}
	raw.URL = strings.TrimSpace(a.URL)
	raw.Title = strings.TrimSpace(a.Title)
	raw.Source = strings.TrimSpace(a.Source)
	if a.Published != "" {
		t, err := ParseTime(a.Published)
		if err != nil {
			return raw, fmt.Errorf("published: %w", err)
		}
		raw.Published = t
	}
	if a.HTML != "" {
		raw.HTML = []byte(a.HTML)
	} else {
		raw.Text = a.Text
	}
	return raw, nil
}

// timeLayouts are the date forms found in JSON exports of news: RFC 3339,
// its variants without a zone or seconds, RFC 1123 (feeds), and a bare day.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"2006-01-02",
}

// ParseTime parses a publication time in one of the common machine formats.
// A bare day is returned at midnight UTC.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a date (expected RFC 3339, e.g. 2018-06-12T09:30:00+08:00, or 2018-06-12)", s)
}

// readJSONLines streams one article per line. A line too long or malformed
// is reported with its line number and the rest of the input still read.
func (rd *Reader) readJSONLines(ctx context.Context, r io.Reader, input string, h Handler) bool {
	br := bufio.NewReaderSize(r, 64<<10)
	max := rd.limits().MaxDocument
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return false
		}
		line, tooLong, err := readLine(br, max)
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			lineInput := fmt.Sprintf("%s:%d", input, n)
			var raw news.Raw
			var derr error
			switch {
			case tooLong:
				derr = fmt.Errorf("%w: line longer than %s", ErrTooLarge, byteSize(max))
			case !utf8.Valid(line):
				derr = errors.New("invalid UTF-8 in JSON line")
			default:
				raw, derr = decodeJSON(line, "jsonl", lineInput)
			}
			if derr != nil {
				e := &Error{Input: lineInput, Err: derr}
				if input == "stdin" {
					e.Sample = capSample(line)
				}
				if !h(news.Raw{Input: lineInput}, e) {
					return false
				}
			} else if !h(raw, nil) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
		if err != nil {
			return h(news.Raw{Input: input}, &Error{Input: fmt.Sprintf("%s:%d", input, n), Err: fmt.Errorf("read: %w", err)})
		}
	}
}

// readLine returns the next line without its newline. A line longer than max
// is consumed and discarded, and reported as tooLong, so that one bad line
// cannot exhaust memory or stop the stream.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max {
				tooLong = true
				buf = nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), tooLong, err
	}
}

const maxSample = 64 << 10

func capSample(b []byte) []byte {
	if len(b) > maxSample {
		b = b[:maxSample]
	}
	return append([]byte(nil), b...)
}
