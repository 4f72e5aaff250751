package source

import (
	"bytes"
	"io"

	"github.com/newsgraph/newsgraph/internal/feeds"
	"github.com/newsgraph/newsgraph/internal/news"
	"github.com/newsgraph/newsgraph/internal/warc"
)

// containerDecoders read the formats that hold many documents in one file.
var containerDecoders = map[string]Decoder{
	"warc": decodeWARC,
	"feed": decodeFeed,
}

// decodeWARC yields the HTML pages of HTTP 200 responses in a WARC archive.
// A bad record is reported under its record number and the rest is read.
func decodeWARC(r io.Reader, input string, h Handler) bool {
	for raw, err := range warc.Documents(r, input) {
		if err != nil {
			in := raw.Input
			if in == "" {
				in = input
			}
			if !h(news.Raw{Input: in}, &Error{Input: in, Err: err}) {
				return false
			}
			continue
		}
		if !h(raw, nil) {
			return false
		}
	}
	return true
}

// decodeFeed yields the items of an RSS, Atom or JSON feed file with the text
// the feed carries. (Fetching the full page of summary-only items is for
// `newsgraph feeds poll`, which has network access; ingesting a file does
// not go online.)
func decodeFeed(r io.Reader, input string, h Handler) bool {
	data, err := readCapped(r, DefaultLimits.MaxDocument)
	if err != nil {
		return h(news.Raw{Input: input}, &Error{Input: input, Err: err})
	}
	items, err := feeds.Parse(bytes.NewReader(data), input)
	if err != nil {
		return h(news.Raw{Input: input}, &Error{Input: input, Err: err})
	}
	for _, raw := range items {
		if !h(raw, nil) {
			return false
		}
	}
	return true
}
