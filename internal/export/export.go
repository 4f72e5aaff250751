// Package export writes what the store holds in the formats that other
// tools read: GDELT 2.0 event tables (for GDELT readers), POLECAT-shaped
// PLOVER JSON lines, CSV with a header (spreadsheets, R, pandas), Parquet
// (DuckDB, Spark, BigQuery, pandas) and JSON lines.
//
// Exports stream: rows go from the store's cursor (store.EachEvent and its
// kin) to the writer one at a time, so memory stays flat whatever the size
// of the database. Parquet buffers one row group at a time (RowGroupRows).
package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// Formats.
const (
	GDELT   = "gdelt"
	PLOVER  = "plover"
	CSV     = "csv"
	Parquet = "parquet"
	JSONL   = "jsonl"
)

// Formats lists, per kind of record, the formats it can be written in.
var Formats = map[string][]string{
	"events":   {GDELT, PLOVER, CSV, Parquet, JSONL},
	"quotes":   {CSV, Parquet, JSONL},
	"articles": {CSV, Parquet, JSONL},
}

// FormatOf guesses the format from a file name's extension, or "" when it
// says nothing.
func FormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".parquet", ".pq":
		return Parquet
	case ".csv":
		return CSV
	case ".jsonl", ".ndjson", ".json":
		return JSONL
	case ".tsv", ".txt":
		return GDELT
	}
	return ""
}

func checkFormat(kind, format string) error {
	for _, f := range Formats[kind] {
		if f == format {
			return nil
		}
	}
	return fmt.Errorf("format %q: %s can be written as %s", format, kind, strings.Join(Formats[kind], ", "))
}

// sink receives the records of one export.
type sink[T any] interface {
	write(T) error
	// close writes whatever the format puts last (a Parquet footer) and
	// flushes.
	close() error
}

// run streams records from each into a sink and counts them.
func run[T any](ctx context.Context, s sink[T], each func(func(T) error) error) (int64, error) {
	var n int64
	err := each(func(r T) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		n++
		return s.write(r)
	})
	if cerr := s.close(); err == nil {
		err = cerr
	}
	return n, err
}

// Events writes the events q selects (Limit 0: all) to w in format, and
// returns how many it wrote.
func Events(ctx context.Context, st store.Store, q store.EventQuery, format string, w io.Writer) (int64, error) {
	if err := checkFormat("events", format); err != nil {
		return 0, err
	}
	var s sink[store.EventRecord]
	switch format {
	case GDELT:
		s = newGDELTSink(w)
	case PLOVER:
		s = mapSink(newJSONSink[ploverRecord](w), toPLOVER)
	case CSV:
		s = mapSink(newCSVSink[eventRow](w), toEventRow)
	case Parquet:
		s = mapSink(newParquetSink[eventRow](w), toEventRow)
	case JSONL:
		s = newJSONSink[store.EventRecord](w)
	}
	return run(ctx, s, func(fn func(store.EventRecord) error) error { return store.EachEvent(ctx, st, q, fn) })
}

// Quotes writes the quotes q selects to w in format.
func Quotes(ctx context.Context, st store.Store, q store.QuoteQuery, format string, w io.Writer) (int64, error) {
	if err := checkFormat("quotes", format); err != nil {
		return 0, err
	}
	var s sink[store.QuoteRecord]
	switch format {
	case CSV:
		s = mapSink(newCSVSink[quoteRow](w), toQuoteRow)
	case Parquet:
		s = mapSink(newParquetSink[quoteRow](w), toQuoteRow)
	case JSONL:
		s = newJSONSink[store.QuoteRecord](w)
	}
	return run(ctx, s, func(fn func(store.QuoteRecord) error) error { return store.EachQuote(ctx, st, q, fn) })
}

// Articles writes the articles q selects to w in format. CSV and Parquet
// rows carry the article's metadata and body; JSON lines carry everything
// an article has.
func Articles(ctx context.Context, st store.Store, q store.ArticleQuery, format string, w io.Writer) (int64, error) {
	if err := checkFormat("articles", format); err != nil {
		return 0, err
	}
	var s sink[news.Article]
	switch format {
	case CSV:
		s = mapSink(newCSVSink[articleRow](w), toArticleRow)
	case Parquet:
		s = mapSink(newParquetSink[articleRow](w), toArticleRow)
	case JSONL:
		s = newJSONSink[news.Article](w)
	}
	return run(ctx, s, func(fn func(news.Article) error) error { return store.EachArticle(ctx, st, q, fn) })
}

// mapped converts records before an inner sink writes them.
type mapped[T, U any] struct {
	inner sink[U]
	conv  func(T) U
}

func mapSink[T, U any](inner sink[U], conv func(T) U) sink[T] { return mapped[T, U]{inner, conv} }

func (m mapped[T, U]) write(r T) error { return m.inner.write(m.conv(r)) }
func (m mapped[T, U]) close() error    { return m.inner.close() }

// jsonSink writes one JSON value per line.
type jsonSink[T any] struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func newJSONSink[T any](w io.Writer) *jsonSink[T] {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonSink[T]{bw: bw, enc: enc}
}

func (s *jsonSink[T]) write(r T) error { return s.enc.Encode(r) }
func (s *jsonSink[T]) close() error    { return s.bw.Flush() }
