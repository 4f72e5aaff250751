package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/internal/store"
	"github.com/newsgraph/newsgraph/internal/store/postgres"
	"github.com/newsgraph/newsgraph/internal/store/sqlite"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

var hanoi = time.Date(2019, 2, 28, 14, 30, 0, 0, time.FixedZone("ICT", 7*3600))

// fill stores two articles: one with two events (one hypothetical) and a
// quote, one undated with an event that has no date either.
func fill(t *testing.T, s store.Store) {
	t.Helper()
	ctx := context.Background()
	d := news.NewDocument(news.Article{Title: "Hanoi summit ends", URL: "https://news.example/hanoi", Source: "news.example",
		Body: "Trump met Kim in Hanoi.\tTalks ended early.", ContentHash: "h1", Published: hanoi, Language: "en",
		Quality: news.Quality{Score: 0.9, Flags: []string{"short"}}})
	d.Events = []news.Event{
		{Source: []string{"USAGOV"}, Target: []string{"PRKGOV"}, CAMEO: "0311", PLOVER: "CONSULT", QuadClass: 1, Goldstein: 2.8,
			Date: "2019-02-27", Location: "Hanoi", SourceText: "Trump", TargetText: "Kim", Evidence: "Trump met Kim in Hanoi.\tTalks",
			EvidenceEnd: 23, Confidence: 0.8, Rule: "consult.meet"},
		{Source: []string{"IGOUNOGOV"}, Target: []string{"PRK"}, CAMEO: "1712", PLOVER: "COERCE", QuadClass: 4, Goldstein: -7,
			Date: "2019-03", Evidence: "may impose sanctions", Hypothetical: true, Confidence: 0.5, Rule: "coerce.sanction"},
	}
	d.Quotes = []news.Quote{{Text: "We had a productive time", Speaker: "Donald Trump", SpeakerActor: "USAGOV", Direct: true, Date: "2019-02-28", Start: 3, End: 27}}
	if _, _, err := s.Save(ctx, d); err != nil {
		t.Fatal(err)
	}
	u := news.NewDocument(news.Article{Title: "Undated brief", Body: "Seoul hails talks.", ContentHash: "h2"})
	u.Events = []news.Event{{Source: []string{"KOR"}, Target: []string{"USA"}, CAMEO: "051", PLOVER: "COOPERATE", QuadClass: 1,
		Goldstein: 3.4, Evidence: "Seoul hails talks.", Confidence: 0.6, Rule: "praise"}}
	if _, _, err := s.Save(ctx, u); err != nil {
		t.Fatal(err)
	}
}

func openSQLite(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func exportEvents(t *testing.T, s store.Store, q store.EventQuery, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Events(context.Background(), s, q, format, &buf); err != nil {
		t.Fatalf("export events as %s: %v", format, err)
	}
	return buf.Bytes()
}

func TestGDELTHas61ColumnsAndFillsWhatWeKnow(t *testing.T) {
	s := openSQLite(t)
	fill(t, s)
	out := exportEvents(t, s, store.EventQuery{AllModalities: true}, GDELT)
	var rows []map[string]string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 61 {
			t.Fatalf("row has %d tab-separated fields, want 61: %q", len(fields), sc.Text())
		}
		row := map[string]string{}
		for i, f := range fields {
			row[GDELTColumns[i]] = f
		}
		rows = append(rows, row)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 3 (no header):\n%s", len(rows), out)
	}
	byCode := map[string]map[string]string{}
	for _, r := range rows {
		byCode[r["EventCode"]] = r
	}
	meet := byCode["0311"]
	for col, want := range map[string]string{
		"GLOBALEVENTID": "10000", "SQLDATE": "20190227", "MonthYear": "201902", "Year": "2019", "FractionDate": "2019.1589",
		"Actor1Code": "USAGOV", "Actor1Name": "TRUMP", "Actor1CountryCode": "USA", "Actor1Type1Code": "GOV",
		"Actor2Code": "PRKGOV", "Actor2CountryCode": "PRK", "EventBaseCode": "031", "EventRootCode": "03",
		"QuadClass": "1", "GoldsteinScale": "2.8", "NumMentions": "1", "NumArticles": "1", "AvgTone": "",
		"ActionGeo_FullName": "Hanoi", "ActionGeo_Lat": "", "Actor1Geo_Type": "0",
		"DATEADDED": "20190228073000", "SOURCEURL": "https://news.example/hanoi", "IsRootEvent": "0",
	} {
		if meet[col] != want {
			t.Errorf("%s = %q, want %q", col, meet[col], want)
		}
	}
	un := byCode["1712"]
	for col, want := range map[string]string{"Actor1Code": "IGOUNOGOV", "Actor1CountryCode": "", "Actor1KnownGroupCode": "UNO",
		"Actor1Type1Code": "IGO", "Actor1Type2Code": "GOV", "SQLDATE": "20190301", "EventBaseCode": "171", "QuadClass": "4"} {
		if un[col] != want {
			t.Errorf("UN event %s = %q, want %q", col, un[col], want)
		}
	}
	// An event with no date of its own and no publication date has none.
	if brief := byCode["051"]; brief["SQLDATE"] != "" || brief["DATEADDED"] != "" || brief["ActionGeo_Type"] != "0" {
		t.Errorf("undated event: SQLDATE %q DATEADDED %q", brief["SQLDATE"], brief["DATEADDED"])
	}
	// Facts only by default: the hypothetical sanction is left out.
	if n := bytes.Count(exportEvents(t, s, store.EventQuery{}, GDELT), []byte("\n")); n != 2 {
		t.Errorf("default export has %d rows, want the 2 factual events", n)
	}
}

func TestPLOVERLinesAreShapedLikePOLECAT(t *testing.T) {
	s := openSQLite(t)
	fill(t, s)
	out := exportEvents(t, s, store.EventQuery{PLOVER: "CONSULT"}, PLOVER)
	var rec map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(out), &rec); err != nil {
		t.Fatalf("not one JSON line: %v\n%s", err, out)
	}
	want := map[string]any{
		"event_id": "10000", "story_date": "2019-02-28", "event_date": "2019-02-27", "event_type": "CONSULT",
		"quad_code": "VERBAL COOPERATION", "event_text": "Trump met Kim in Hanoi.\tTalks", "story_id": "1",
		"placename": "Hanoi", "headline": "Hanoi summit ends",
		"source": map[string]any{"name": "Trump", "code": "USAGOV", "country": "USA", "sector": "Government", "sectors": []any{"GOV"}},
		"target": map[string]any{"name": "Kim", "code": "PRKGOV", "country": "PRK", "sector": "Government", "sectors": []any{"GOV"}},
	}
	for k, v := range want {
		if !reflect.DeepEqual(rec[k], v) {
			t.Errorf("%s = %#v, want %#v", k, rec[k], v)
		}
	}
}

func TestCSVHasHeaderAndOneRowPerEvent(t *testing.T) {
	s := openSQLite(t)
	fill(t, s)
	rows, err := csv.NewReader(bytes.NewReader(exportEvents(t, s, store.EventQuery{AllModalities: true}, CSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "event_id" || len(rows[0]) != reflect.TypeFor[eventRow]().NumField() {
		t.Fatalf("csv = %q", rows)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	var meet []string
	for _, r := range rows[1:] {
		if r[col["cameo"]] == "0311" {
			meet = r
		}
	}
	if meet == nil || meet[col["evidence"]] != "Trump met Kim in Hanoi.\tTalks" || meet[col["source"]] != "USAGOV" ||
		meet[col["article_published"]] != "2019-02-28T07:30:00Z" || meet[col["hypothetical"]] != "false" {
		t.Errorf("meeting row = %q", meet)
	}
	// An empty export is still a header.
	var empty bytes.Buffer
	if n, err := Quotes(context.Background(), s, store.QuoteQuery{Speaker: "nobody"}, CSV, &empty); err != nil || n != 0 ||
		!strings.HasPrefix(empty.String(), "article_id,index,text,") {
		t.Errorf("empty quotes csv = %q, %d, %v", empty.String(), n, err)
	}
}

func TestParquetReadsBack(t *testing.T) {
	s := openSQLite(t)
	fill(t, s)
	ctx := context.Background()
	data := exportEvents(t, s, store.EventQuery{AllModalities: true}, Parquet)
	events, err := parquet.Read[eventRow](bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 3 {
		t.Fatalf("%d events read back, want 3", len(events))
	}
	for _, e := range events {
		if e.CAMEO == "0311" {
			if e.Goldstein != 2.8 || e.Source[0] != "USAGOV" || e.ArticlePublished == nil ||
				time.UnixMicro(*e.ArticlePublished).UTC() != hanoi.UTC() || e.SourceCountry != "USA" {
				t.Errorf("event read back = %+v", e)
			}
		}
		if e.CAMEO == "051" && e.ArticlePublished != nil {
			t.Errorf("undated article's publication read back as %v, want null", *e.ArticlePublished)
		}
	}

	var buf bytes.Buffer
	if _, err := Articles(ctx, s, store.ArticleQuery{}, Parquet, &buf); err != nil {
		t.Fatal(err)
	}
	articles, err := parquet.Read[articleRow](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(articles) != 2 || articles[0].Title != "Hanoi summit ends" || articles[0].QualityFlags[0] != "short" {
		t.Errorf("articles read back = %+v, %v", articles, err)
	}
	buf.Reset()
	if _, err := Quotes(ctx, s, store.QuoteQuery{}, Parquet, &buf); err != nil {
		t.Fatal(err)
	}
	quotes, err := parquet.Read[quoteRow](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(quotes) != 1 || quotes[0].Speaker != "Donald Trump" || !quotes[0].Direct {
		t.Errorf("quotes read back = %+v, %v", quotes, err)
	}
}

func TestUnsupportedFormatNamesTheAlternatives(t *testing.T) {
	s := openSQLite(t)
	_, err := Quotes(context.Background(), s, store.QuoteQuery{}, GDELT, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "csv, parquet, jsonl") {
		t.Errorf("quotes as gdelt: %v", err)
	}
}

// manyEvents stores one article with n events.
func manyEvents(t *testing.T, s store.Store, n int) {
	d := news.NewDocument(news.Article{Title: "Many", Body: "b", ContentHash: "many", Published: hanoi})
	for i := range n {
		d.Events = append(d.Events, news.Event{Source: []string{"USA"}, Target: []string{"CHN"}, CAMEO: "042", PLOVER: "CONSULT",
			Date: fmt.Sprintf("2019-%02d-%02d", 1+i%12, 1+i%28), Evidence: fmt.Sprint("event ", i), Rule: "r"})
	}
	if _, _, err := s.Save(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

// pagedOnly hides a store's streams, leaving the paged queries every store
// has.
type pagedOnly struct{ store.Store }

// More rows than one page: a store without a stream is read page by page,
// and nothing is lost or repeated at page boundaries.
func TestExportCrossesPages(t *testing.T) {
	lite := openSQLite(t)
	const n = 2*store.MaxLimit + 17
	manyEvents(t, lite, n)
	var s store.Store = pagedOnly{lite}
	if _, streams := s.(store.EventStreamer); streams {
		t.Fatal("the wrapper still streams")
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(exportEvents(t, s, store.EventQuery{}, JSONL)))
	for sc.Scan() {
		var r store.EventRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if seen[r.Evidence] {
			t.Errorf("%s exported twice", r.Evidence)
		}
		seen[r.Evidence] = true
	}
	if len(seen) != n {
		t.Errorf("exported %d events, want %d", len(seen), n)
	}
}

// The PostgreSQL store streams from one query; its exports are the same
// bytes as the SQLite store's for the same data.
func TestPostgresStreamsTheSameExport(t *testing.T) {
	pg, err := postgres.Open(context.Background(), pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	lite := openSQLite(t)
	for _, s := range []store.Store{pg, lite} {
		fill(t, s)
		manyEvents(t, s, store.MaxLimit+5)
	}
	for _, format := range []string{GDELT, PLOVER, CSV, JSONL} {
		a := exportEvents(t, pg, store.EventQuery{AllModalities: true}, format)
		b := exportEvents(t, lite, store.EventQuery{AllModalities: true}, format)
		if !bytes.Equal(a, b) {
			t.Errorf("%s export differs between PostgreSQL (%d bytes) and SQLite (%d bytes)", format, len(a), len(b))
		}
	}
	var got int
	err = pg.StreamEvents(context.Background(), store.EventQuery{}, func(store.EventRecord) error { got++; return nil })
	if err != nil || got != store.MaxLimit+5+2 {
		t.Errorf("streamed %d events, %v", got, err)
	}
}
