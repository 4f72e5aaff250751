package export

import (
	"bufio"
	"encoding/csv"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/store"
)

// The flat rows of the CSV and Parquet exports. Their parquet tags name the
// columns of both, so that the two formats always agree. Times are UTC
// microseconds in Parquet (the precision BigQuery and Spark keep) and
// RFC 3339 in CSV; lists are Parquet LISTs and ";"-joined in CSV.

type eventRow struct {
	EventID          int64    `parquet:"event_id"`
	ArticleID        int64    `parquet:"article_id"`
	Index            int32    `parquet:"index"`
	Date             string   `parquet:"date"`
	Source           []string `parquet:"source,list"`
	Target           []string `parquet:"target,list"`
	SourceCountry    string   `parquet:"source_country"`
	TargetCountry    string   `parquet:"target_country"`
	CAMEO            string   `parquet:"cameo"`
	PLOVER           string   `parquet:"plover"`
	Mode             string   `parquet:"mode"`
	QuadClass        int32    `parquet:"quad_class"`
	Goldstein        float64  `parquet:"goldstein"`
	Location         string   `parquet:"location"`
	SourceText       string   `parquet:"source_text"`
	TargetText       string   `parquet:"target_text"`
	Evidence         string   `parquet:"evidence"`
	EvidenceStart    int32    `parquet:"evidence_start"`
	EvidenceEnd      int32    `parquet:"evidence_end"`
	Negated          bool     `parquet:"negated"`
	Hypothetical     bool     `parquet:"hypothetical"`
	Confidence       float64  `parquet:"confidence"`
	Rule             string   `parquet:"rule"`
	Headline         bool     `parquet:"headline"`
	ArticleTitle     string   `parquet:"article_title"`
	ArticleURL       string   `parquet:"article_url"`
	ArticleSource    string   `parquet:"article_source"`
	ArticlePublished *int64   `parquet:"article_published,optional,timestamp(microsecond)"`
	// ArticleDuplicateOf is the original article that the event's article copies (0
	// for an original), so that counts can take each report once.
	ArticleDuplicateOf int64 `parquet:"article_duplicate_of"`
}

// EventID is the number an exported event goes by (GDELT's GLOBALEVENTID,
// POLECAT's event_id): its article's id and its position in the article,
// so that the same event has the same id in every export.
func EventID(r store.EventRecord) int64 { return r.ArticleID*10000 + int64(r.Index) }

func toEventRow(r store.EventRecord) eventRow {
	return eventRow{
		EventID: EventID(r), ArticleID: r.ArticleID, Index: int32(r.Index), Date: r.Date,
		Source: nonNil(r.Source), Target: nonNil(r.Target),
		SourceCountry: actorCode(first(r.Source)).country, TargetCountry: actorCode(first(r.Target)).country,
		CAMEO: r.CAMEO, PLOVER: r.PLOVER, Mode: r.Mode, QuadClass: int32(r.QuadClass), Goldstein: r.Goldstein,
		Location: r.Location, SourceText: r.SourceText, TargetText: r.TargetText, Evidence: r.Evidence,
		EvidenceStart: int32(r.EvidenceStart), EvidenceEnd: int32(r.EvidenceEnd), Negated: r.Negated,
		Hypothetical: r.Hypothetical, Confidence: r.Confidence, Rule: r.Rule, Headline: r.Headline,
		ArticleTitle: r.ArticleTitle, ArticleURL: r.ArticleURL, ArticleSource: r.ArticleSource,
		ArticlePublished: micros(r.ArticlePublished), ArticleDuplicateOf: r.ArticleDuplicateOf,
	}
}

type quoteRow struct {
	ArticleID        int64  `parquet:"article_id"`
	Index            int32  `parquet:"index"`
	Text             string `parquet:"text"`
	Speaker          string `parquet:"speaker"`
	SpeakerActor     string `parquet:"speaker_actor"`
	Direct           bool   `parquet:"direct"`
	Cue              string `parquet:"cue"`
	Date             string `parquet:"date"`
	Start            int32  `parquet:"start"`
	End              int32  `parquet:"end"`
	SpeakerStart     int32  `parquet:"speaker_start"`
	SpeakerEnd       int32  `parquet:"speaker_end"`
	ArticleTitle     string `parquet:"article_title"`
	ArticleURL       string `parquet:"article_url"`
	ArticleSource    string `parquet:"article_source"`
	ArticlePublished *int64 `parquet:"article_published,optional,timestamp(microsecond)"`
}

func toQuoteRow(r store.QuoteRecord) quoteRow {
	return quoteRow{
		ArticleID: r.ArticleID, Index: int32(r.Index), Text: r.Text, Speaker: r.Speaker, SpeakerActor: r.SpeakerActor,
		Direct: r.Direct, Cue: r.Cue, Date: r.Date, Start: int32(r.Start), End: int32(r.End),
		SpeakerStart: int32(r.SpeakerStart), SpeakerEnd: int32(r.SpeakerEnd),
		ArticleTitle: r.ArticleTitle, ArticleURL: r.ArticleURL, ArticleSource: r.ArticleSource,
		ArticlePublished: micros(r.ArticlePublished),
	}
}

type articleRow struct {
	ID                 int64    `parquet:"id"`
	URL                string   `parquet:"url"`
	CanonicalURL       string   `parquet:"canonical_url"`
	Title              string   `parquet:"title"`
	Source             string   `parquet:"source"`
	Author             string   `parquet:"author"`
	Published          *int64   `parquet:"published,optional,timestamp(microsecond)"`
	PublishedPrecision string   `parquet:"published_precision"`
	Language           string   `parquet:"language"`
	Dateline           string   `parquet:"dateline"`
	QualityScore       float64  `parquet:"quality_score"`
	QualityFlags       []string `parquet:"quality_flags,list"`
	ContentHash        string   `parquet:"content_hash"`
	DuplicateOf        int64    `parquet:"duplicate_of"`
	StoryID            int64    `parquet:"story_id"`
	Input              string   `parquet:"input"`
	Format             string   `parquet:"format"`
	Body               string   `parquet:"body"`
}

func toArticleRow(a news.Article) articleRow {
	return articleRow{
		ID: a.ID, URL: a.URL, CanonicalURL: a.CanonicalURL, Title: a.Title, Source: a.Source, Author: a.Author,
		Published: micros(a.Published), PublishedPrecision: a.PublishedPrecision, Language: a.Language,
		Dateline: a.Dateline, QualityScore: a.Quality.Score, QualityFlags: nonNil(a.Quality.Flags),
		ContentHash: a.ContentHash, DuplicateOf: a.DuplicateOf, StoryID: a.StoryID, Input: a.Input, Format: a.Format,
		Body: a.Body,
	}
}

func micros(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	v := t.UnixMicro()
	return &v
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// column is one field of a row type as a CSV column.
type column struct {
	name      string
	index     int
	timestamp bool
}

func columnsOf(t reflect.Type) []column {
	var cols []column
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("parquet")
		name, opts, _ := strings.Cut(tag, ",")
		cols = append(cols, column{name: name, index: i, timestamp: strings.Contains(opts, "timestamp")})
	}
	return cols
}

// csvSink writes rows of a flat row type under a header of its column
// names.
type csvSink[T any] struct {
	bw   *bufio.Writer
	w    *csv.Writer
	cols []column
	rec  []string
	// header is set once the header line is written: before the first
	// row, or at close for an export with no rows.
	header bool
}

func newCSVSink[T any](w io.Writer) *csvSink[T] {
	bw := bufio.NewWriterSize(w, 64<<10)
	s := &csvSink[T]{bw: bw, w: csv.NewWriter(bw), cols: columnsOf(reflect.TypeFor[T]())}
	s.rec = make([]string, len(s.cols))
	return s
}

func (s *csvSink[T]) write(r T) error {
	if !s.header {
		s.writeHeader()
	}
	v := reflect.ValueOf(r)
	for i, c := range s.cols {
		s.rec[i] = csvValue(v.Field(c.index), c.timestamp)
	}
	return s.w.Write(s.rec)
}

func (s *csvSink[T]) writeHeader() {
	names := make([]string, len(s.cols))
	for i, c := range s.cols {
		names[i] = c.name
	}
	s.w.Write(names)
	s.header = true
}

func (s *csvSink[T]) close() error {
	if !s.header {
		s.writeHeader()
	}
	s.w.Flush()
	if err := s.w.Error(); err != nil {
		return err
	}
	return s.bw.Flush()
}

func csvValue(v reflect.Value, timestamp bool) string {
	switch v.Kind() {
	case reflect.String:
		return v.String()
	case reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Slice:
		return strings.Join(v.Interface().([]string), ";")
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		if timestamp {
			return time.UnixMicro(v.Elem().Int()).UTC().Format(time.RFC3339)
		}
		return csvValue(v.Elem(), false)
	}
	return ""
}

// RowGroupRows is how many rows a Parquet export holds in memory before it
// writes them out as a row group: large enough for good compression and
// fast scans, small enough for flat memory.
const RowGroupRows = 50_000

// parquetSink writes Parquet with Snappy compression, which every Parquet
// reader supports.
type parquetSink[T any] struct {
	w   *parquet.GenericWriter[T]
	buf []T
}

func newParquetSink[T any](w io.Writer) *parquetSink[T] {
	return &parquetSink[T]{
		w: parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Snappy),
			parquet.MaxRowsPerRowGroup(RowGroupRows), parquet.CreatedBy("newsgraph", "", "")),
		buf: make([]T, 0, 1024),
	}
}

func (s *parquetSink[T]) write(r T) error {
	s.buf = append(s.buf, r)
	if len(s.buf) == cap(s.buf) {
		return s.flush()
	}
	return nil
}

func (s *parquetSink[T]) flush() error {
	if len(s.buf) == 0 {
		return nil
	}
	_, err := s.w.Write(s.buf)
	clear(s.buf)
	s.buf = s.buf[:0]
	return err
}

func (s *parquetSink[T]) close() error {
	if err := s.flush(); err != nil {
		return err
	}
	return s.w.Close()
}
