package feeds

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestFeedDecodedByHeaderCharset(t *testing.T) {
	feed := `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Le Monde diplomatique</title>` +
		`<item><title>Réunion à l'Élysée sur la Corée</title><link>https://news.example.org/a</link>` +
		`<description>Les émissaires se sont réunis à Paris mardi.</description></item></channel></rss>`
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes([]byte(feed))
	if err != nil {
		t.Fatal(err)
	}
	body, err := toUTF8(cp1252, "windows-1252")
	if err != nil {
		t.Fatal(err)
	}
	items, err := Parse(bytes.NewReader(body), "feed")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Title != "Réunion à l'Élysée sur la Corée" || !strings.Contains(items[0].Text, "émissaires") {
		t.Errorf("items = %+v; want the accented title decoded", items)
	}
	if same, _ := toUTF8([]byte(feed), "utf-8"); !bytes.Equal(same, []byte(feed)) {
		t.Error("a UTF-8 feed was changed")
	}
	if _, err := toUTF8(cp1252, "klingon-8"); err == nil || !strings.Contains(err.Error(), "klingon-8") {
		t.Errorf("unknown charset: %v", err)
	}
}
